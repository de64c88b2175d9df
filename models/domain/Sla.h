#pragma once

#include "domain/WorkingCalendar.h"
#include "domain/WorkItem.h"

#include <QJsonObject>

#include <memory>
#include <optional>
#include <span>
#include <vector>

namespace ibc::models {

// The service-level clock: when work falls due and how it stands, in working time. One code path
// for ibc-store (intake, resume, edits) and the desk (commands applied offline, badges, panel).

enum class SlaState { OnTrack, AtRisk, Breached, Paused, Met };
QString slaLabel(SlaState state);

enum class TargetUnit { WorkingDays, WorkingHours };

inline constexpr qint64 kDefaultApprovalThresholdPence = 10'000'00; // £10,000

// How one kind of work is handled: how long it may take, and the checks it needs. Per partner × kind ×
// subtype; the most specific policy that matches an item applies (a partner's subtype, then a partner's kind, then
// every partner's subtype, then every partner's kind).
struct SlaPolicy {
    QString partner; // empty: every partner
    Kind kind = Kind::HrChange;
    QString subtype; // empty: every subtype of the kind
    int target = 1;  // in `unit`, counted from receipt in working time
    TargetUnit unit = TargetUnit::WorkingDays;
    bool notAfterPayrollCutoff = false; // never after the payroll cut-off the item is for
    int paymentTermsDays = 0;           // never after this many calendar days from receipt, or the invoice's
                                        // own payment_due if earlier; 0: no payment date
    // Invoices whose gross is above this need a second person's check (FourEyes.h).
    qint64 approvalThresholdPence = kDefaultApprovalThresholdPence;
    // A passed check closes the item, unless the partner asks its team leaders to approve it too.
    bool approveChecked = false;
    QString targetText() const; // "5d", "16h"
};
// "5d" or "16h" (working days or hours); nullopt with `error` naming the problem.
std::optional<std::pair<int, TargetUnit>> parseTarget(const QString &text, QString *error);

// One partner's working calendar and pay calendar.
struct PartnerCalendar {
    QString partner;
    WorkingHours hours;                // default 09:00–17:00
    std::vector<QDate> closed;         // its own closure days, besides the bank holidays
    int payrollCutoffDay = 10;         // the day of the month its payroll closes, without a pay calendar
    std::vector<QDate> payrollCutoffs; // its pay calendar's cut-off dates, in order; empty: none
};

// The working time items of a kind and subtype usually take to handle, from first start to
// resolve: the 75th percentile over the items resolved in the last kHandlingWindowDays.
struct HandlingTime {
    Kind kind = Kind::HrChange;
    QString subtype;
    qint64 p75Seconds = 0;
    int items = 0;
};
inline constexpr int kHandlingWindowDays = 90;
inline constexpr int kHandlingMinimumItems = 20;     // fewer: a quarter of the target is used instead
inline constexpr int kPayrollCutoffMinute = 17 * 60; // payroll closes at 17:00 on its cut-off day

// When an item falls due, and why.
struct DueTimes {
    EpochSecs processBy = 0; // the working-time target, moved later by the time spent paused
    EpochSecs payBy = 0;     // invoices: the payment date; 0: none
    EpochSecs cutoff = 0;    // the payroll cut-off it must make; 0: none
    EpochSecs due = 0;       // the earliest of these: the item's due_at
};

// How an item stands at a moment, with the figures the panel explains it by.
struct SlaStatus {
    SlaState state = SlaState::OnTrack;
    qint64 left = 0;    // working seconds left until due (0 once breached)
    qint64 overdue = 0; // working seconds past due, once breached
    qint64 usual = 0;   // working seconds items like it usually take, or a quarter of the target
    bool usualFromHistory = false;
};

// Everything the clock is computed from: the bank holidays, each partner's calendar, the policies
// and the usual handling times. ibc-store keeps them and sends them in GET /v1/reference; a desk
// keeps the last it was sent. Immutable; share it with shared_ptr<const SlaRules>.
class SlaRules {
public:
    // The defaults: the shipped bank holidays, 09:00–17:00 for every partner and the default
    // policies, with no handling history.
    SlaRules();
    SlaRules(std::vector<BankHoliday> bankHolidays, std::vector<PartnerCalendar> calendars,
             std::vector<SlaPolicy> policies, std::vector<HandlingTime> handling);
    static std::shared_ptr<const SlaRules> defaults();

    //  - HR changes: 5 working days; new starters, leavers, hours changes and bank details also
    //    never after the payroll cut-off of the pay period they affect;
    //  - invoices: 10 working days, and never after the payment date (30 calendar days);
    //  - payroll exceptions: 2 working days, and never after the next payroll cut-off.
    static std::vector<SlaPolicy> defaultPolicies();
    static PartnerCalendar defaultCalendar(const QString &partner);

    const std::vector<BankHoliday> &bankHolidays() const { return m_bankHolidays; }
    const std::vector<PartnerCalendar> &calendars() const { return m_calendars; } // every partner
    const std::vector<SlaPolicy> &policies() const { return m_policies; }
    const std::vector<HandlingTime> &handling() const { return m_handling; }

    const PartnerCalendar &partnerCalendar(const QString &partner) const;
    const WorkingCalendar &calendar(const QString &partner) const;
    const SlaPolicy &policy(const QString &partner, Kind kind, const QString &subtype) const;
    qint64 targetSeconds(const QString &partner, Kind kind, const QString &subtype) const;

    // The moment of the partner's payroll cut-off whose date is on or after `day`: its pay
    // calendar's, else its cut-off day of the month, at 17:00, moved back to the working day
    // before if it falls on a weekend, a bank holiday or a closure.
    EpochSecs payrollCutoffFrom(const QString &partner, QDate day) const;
    // The first cut-off after the moment `t`.
    EpochSecs payrollCutoffAfter(const QString &partner, EpochSecs t) const;
    // The payroll an HR change is for: the cut-off on or after its effective date or, if that has
    // passed when it arrives, the next one.
    EpochSecs payrollCutoffFor(const QString &partner, QDate effective, EpochSecs received) const;

    // When an item falls due, from its kind, subtype, partner, receipt and fields ("payroll_cutoff",
    // "effective_date", "payment_due"), given the working time it has spent paused.
    DueTimes due(const WorkItem &item, qint64 pausedSeconds = 0) const;
    // The item's due_at with the time paused read from its history (in time order) up to `at`:
    // what the store and the desk set after a change that changesDue().
    EpochSecs dueAt(const WorkItem &item, std::span<const Event> history, EpochSecs at) const;
    SlaStatus status(const WorkItem &item, EpochSecs now) const;
    // The status in words, for the item panel: "At risk: 6 working hours left; a price mismatch
    // usually takes up to 9 working hours." Translated.
    QString explain(const WorkItem &item, const SlaStatus &status) const;

    // The "sla" object of GET /v1/reference, and back. fromJson names what is wrong.
    QJsonObject toJson() const;
    static std::optional<SlaRules> fromJson(const QJsonObject &json, QString *error);

private:
    std::vector<BankHoliday> m_bankHolidays;
    std::vector<PartnerCalendar> m_calendars;
    std::vector<WorkingCalendar> m_working; // by m_calendars' index
    std::vector<SlaPolicy> m_policies;
    std::vector<HandlingTime> m_handling;
};

// The working time an item has spent awaiting information, from its history (in time order), up
// to `now` if it is still paused.
qint64 pausedSeconds(const WorkingCalendar &calendar, std::span<const Event> history, EpochSecs now);

// Did this change to an item move its due time? Leaving "awaiting information", or an edit of a
// field the due time is computed from.
bool changesDue(const Event &event, const QJsonObject &fieldChanges);

} // namespace ibc::models
