#include "Theme.h"

namespace ibc::ui {

BadgeColours slaColours(models::SlaState state)
{
    switch (state) {
    case models::SlaState::Breached:
        return {QColor(0xB4, 0x23, 0x18), Qt::white};
    case models::SlaState::AtRisk:
        return {QColor(0xF5, 0xB0, 0x41), QColor(0x1F, 0x1F, 0x1F)};
    case models::SlaState::OnTrack:
        return {QColor(0x2E, 0x7D, 0x32), Qt::white};
    case models::SlaState::Paused:
        return {QColor(0x75, 0x75, 0x75), Qt::white};
    case models::SlaState::Met:
        return {QColor(0x45, 0x5A, 0x64), Qt::white};
    }
    return {Qt::gray, Qt::white};
}

} // namespace ibc::ui
