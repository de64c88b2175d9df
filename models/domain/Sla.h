#pragma once

#include "WorkItem.h"

namespace ibc::models {

enum class SlaState { OnTrack, AtRisk, Breached, Paused, Met };

// The service-level state of an item at `now`.
//  - Met: resolved or closed (whenever it was);
//  - Paused: awaiting information from the partner (the clock stops);
//  - Breached: past its due time;
//  - At risk: less than a quarter of its time, or less than a day, is left;
//  - On track: otherwise.
// Working calendars (weekends, bank holidays) come with the SLA policies; this is their outline.
SlaState slaState(Status status, EpochSecs received, EpochSecs due, EpochSecs now);
QString slaLabel(SlaState state);

} // namespace ibc::models
