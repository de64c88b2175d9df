#include "domain/Clock.h"

#include <QDateTime>

namespace ibc::models {

EpochSecs SystemClock::now() const { return QDateTime::currentSecsSinceEpoch(); }

const SystemClock &SystemClock::instance()
{
    static const SystemClock clock;
    return clock;
}

} // namespace ibc::models
