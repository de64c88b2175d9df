#pragma once

#include "domain/Sla.h"

#include <QColor>

class QLabel;
class QString;

namespace ibc::ui {

// The SLA colours, chosen to read on white and for colour-blind users (the badge always carries
// its word too): red, amber, green, grey, slate.
struct BadgeColours {
    QColor background;
    QColor text;
};
BadgeColours slaColours(models::SlaState state);

// Calm colours for the sync state and for conflicts: a caseworker sees them all day, so none of
// them shouts. Each pair reads at 4.5:1 or better (WCAG AA), and the words always say the state.
enum class Tone {
    Good,    // online, all sent: soft green
    Working, // signing in, sending: slate blue
    Waiting, // offline, paused: warm sand, dark brown text
    Action,  // the user has something to do (sign in again, conflicts): light amber, dark brown text
    Quiet,   // stopped, nothing to say: grey
};
BadgeColours toneColours(Tone tone);

// The three columns of a conflict: what changed since what the user saw.
QColor mineChangedColour();   // light blue
QColor theirsChangedColour(); // light amber

// Shows `text` in `label`, the line under a panel's actions: soft green when it worked, soft red
// with the reason when it did not.
void showOutcome(QLabel *label, const QString &text, bool error);

} // namespace ibc::ui
