#include "ui/Theme.h"

#include <QLabel>

namespace ibc::ui {

BadgeColours slaColours(models::SlaState state)
{
    switch (state) {
    case models::SlaState::Breached: return {QColor(0xB4, 0x23, 0x18), Qt::white};
    case models::SlaState::AtRisk: return {QColor(0xF5, 0xB0, 0x41), QColor(0x1F, 0x1F, 0x1F)};
    case models::SlaState::OnTrack: return {QColor(0x2E, 0x7D, 0x32), Qt::white};
    case models::SlaState::Paused: return {QColor(0x75, 0x75, 0x75), Qt::white};
    case models::SlaState::Met: return {QColor(0x45, 0x5A, 0x64), Qt::white};
    }
    return {Qt::gray, Qt::white};
}

} // namespace ibc::ui

namespace ibc::ui {

BadgeColours toneColours(Tone tone)
{
    switch (tone) {
    case Tone::Good: return {QColor(0xE8, 0xF3, 0xE8), QColor(0x1E, 0x46, 0x20)};
    case Tone::Working: return {QColor(0xE7, 0xEE, 0xF7), QColor(0x1D, 0x3A, 0x5F)};
    case Tone::Waiting: return {QColor(0xF6, 0xEF, 0xE0), QColor(0x5A, 0x3E, 0x0B)};
    case Tone::Action: return {QColor(0xFD, 0xEB, 0xC8), QColor(0x5A, 0x34, 0x00)};
    case Tone::Quiet: return {QColor(0xEC, 0xEF, 0xF1), QColor(0x37, 0x47, 0x4F)};
    }
    return {Qt::white, Qt::black};
}

QColor mineChangedColour() { return QColor(0xDC, 0xEB, 0xFA); }
QColor theirsChangedColour() { return QColor(0xFC, 0xE8, 0xC4); }

void showOutcome(QLabel *label, const QString &text, bool error)
{
    label->setText(text);
    label->setStyleSheet(error ? QStringLiteral("QLabel { background: #FDECEA; color: #8A1C12; border: 1px solid "
                                                "#F5C2BD; border-radius: 4px; padding: 6px; }")
                               : QStringLiteral("QLabel { background: #EAF4EA; color: #1E4620; border: 1px solid "
                                                "#C3E0C4; border-radius: 4px; padding: 6px; }"));
    label->show();
}

} // namespace ibc::ui
