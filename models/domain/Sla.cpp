#include "Sla.h"

#include <QCoreApplication>

namespace ibc::models {

SlaState slaState(Status status, EpochSecs received, EpochSecs due, EpochSecs now)
{
    if (status == Status::Resolved || status == Status::Closed)
        return SlaState::Met;
    if (status == Status::AwaitingInfo)
        return SlaState::Paused;
    if (now >= due)
        return SlaState::Breached;
    const EpochSecs left = due - now;
    if (left < 86400 || left * 4 < (due - received))
        return SlaState::AtRisk;
    return SlaState::OnTrack;
}

QString slaLabel(SlaState state)
{
    static const char *const labels[] = {QT_TRANSLATE_NOOP("ibc::models::Sla", "On track"),
                                         QT_TRANSLATE_NOOP("ibc::models::Sla", "At risk"),
                                         QT_TRANSLATE_NOOP("ibc::models::Sla", "Breached"),
                                         QT_TRANSLATE_NOOP("ibc::models::Sla", "Paused"),
                                         QT_TRANSLATE_NOOP("ibc::models::Sla", "Met")};
    return QCoreApplication::translate("ibc::models::Sla", labels[int(state)]);
}

} // namespace ibc::models
