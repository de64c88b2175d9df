#pragma once

#include "WorkItem.h"

#include <QJsonObject>

#include <span>

namespace ibc::models {

enum class SlaState { OnTrack, AtRisk, Breached, Paused, Met };

// The service-level policy of one kind of work: the one table that due times (dueTime), the desk's
// SLA badges and ibc-store's GET /v1/reference are all read from.
struct SlaPolicy {
    Kind kind;
    int targetWorkingDays;        // working days from receipt; 0: no working-day target
    int dueHourUtc;               // the hour of that day it falls due; -1: the hour of receipt
    bool notAfterPayrollCutoff;   // never later than the partner's payroll cut-off
    int paymentTermsCalendarDays; // never later than payment is due, this many days after receipt; 0: none
    const char *description;      // for people (English; translated where shown)
};

// When an item is at risk: less than this long left…
inline constexpr EpochSecs kSlaAtRiskWithinSecs = 86400;
// …or less than 1/kSlaAtRiskFraction of its time.
inline constexpr int kSlaAtRiskFraction = 4;
// The hour (UTC) of a partner's cut-off day at which its payroll closes.
inline constexpr int kPayrollCutoffHourUtc = 17;

// Every kind's policy, in kAllKinds order.
std::span<const SlaPolicy> slaPolicies();
const SlaPolicy &slaPolicy(Kind kind);

// The service-level state of an item at `now`.
//  - Met: resolved or closed (whenever it was);
//  - Paused: awaiting information from the partner (the clock stops);
//  - Breached: past its due time;
//  - At risk: less than a quarter of its time, or less than a day, is left;
//  - On track: otherwise.
// Working calendars (weekends, bank holidays) come with the SLA policies; this is their outline.
SlaState slaState(Status status, EpochSecs received, EpochSecs due, EpochSecs now);
QString slaLabel(SlaState state);

// The day of the month the partner's payroll closes.
int payrollCutoffDay(const QString &partner);

// The partner's payroll cut-off on or after the day of `t`: 17:00 UTC on the partner's cut-off day
// of the month.
EpochSecs payrollCutoff(const QString &partner, EpochSecs t);

// The payroll an HR change is for: the partner's cut-off on or after its effective date or, if the
// change arrived after that cut-off, the next one after it arrived.
EpochSecs payrollCutoffFor(const QString &partner, EpochSecs effective, EpochSecs received);

// When a new item is due, from what is known when it arrives. The one rule for the demo generator
// and for intake in ibc-store:
//  - HR changes: 17:00 UTC on the fifth working day after receipt, or the payroll cut-off if that
//    comes first (the "payroll_cutoff" field if given, else payrollCutoffFor the "effective_date");
//  - invoices: ten working days after receipt, or the 30-day payment date if that comes first;
//  - payroll exceptions: the payroll cut-off (the "payroll_cutoff" field if given, else the
//    partner's next cut-off after the day of receipt).
// Working days here are Monday to Friday; the bank holidays come with the SLA calendars.
EpochSecs dueTime(Kind kind, const QString &subtype, const QString &partner, EpochSecs received,
                  const QJsonObject &fields);

} // namespace ibc::models
