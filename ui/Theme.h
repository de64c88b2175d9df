#pragma once

#include "Sla.h"

#include <QColor>

namespace ibc::ui {

// The SLA colours, chosen to read on white and for colour-blind users (the badge always carries
// its word too): red, amber, green, grey, slate.
struct BadgeColours {
    QColor background;
    QColor text;
};
BadgeColours slaColours(models::SlaState state);

} // namespace ibc::ui
