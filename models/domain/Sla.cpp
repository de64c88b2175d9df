#include "Sla.h"

#include <QCoreApplication>
#include <QDate>

#include <algorithm>
#include <optional>

namespace ibc::models {

namespace {

constexpr EpochSecs kDay = 86400;
constexpr EpochSecs kHour = 3600;
constexpr qint64 kUnixEpochJulianDay = 2440588;

int dayOfWeek(EpochSecs t) { return int(((t / kDay) + 3) % 7) + 1; } // 1 = Monday … 7 = Sunday

EpochSecs addWorkingDays(EpochSecs t, int days)
{
    while (days > 0) {
        t += kDay;
        if (dayOfWeek(t) <= 5)
            --days;
    }
    return t;
}

QDate dateOf(EpochSecs t) { return QDate::fromJulianDay(kUnixEpochJulianDay + t / kDay); }
EpochSecs startOf(QDate d) { return (d.toJulianDay() - kUnixEpochJulianDay) * kDay; }

// A date field as a time (midnight UTC), if it holds a valid ISO 8601 date.
std::optional<EpochSecs> dateField(const QJsonObject &fields, const char *key)
{
    const QDate d = QDate::fromString(fields.value(QLatin1String(key)).toString(), Qt::ISODate);
    if (!d.isValid())
        return std::nullopt;
    return startOf(d);
}

constexpr SlaPolicy kPolicies[] = {
    {Kind::HrChange, 5, 17, true, 0,
     QT_TRANSLATE_NOOP("ibc::models::Sla", "Five working days from receipt, and before the partner's payroll cut-off.")},
    {Kind::Invoice, 10, -1, false, 30,
     QT_TRANSLATE_NOOP("ibc::models::Sla", "Ten working days from receipt, and before payment is due: 30 calendar "
                                           "days from receipt for a valid undisputed invoice.")},
    {Kind::PayrollException, 0, -1, true, 0,
     QT_TRANSLATE_NOOP("ibc::models::Sla", "Before the partner's next payroll cut-off, or someone is paid wrongly.")},
};

} // namespace

std::span<const SlaPolicy> slaPolicies() { return kPolicies; }

const SlaPolicy &slaPolicy(Kind kind)
{
    for (const SlaPolicy &p : kPolicies)
        if (p.kind == kind)
            return p;
    return kPolicies[0];
}

int payrollCutoffDay(const QString &partner)
{
    static const struct { const char *code; int day; } days[] = {
        {"HCC", 10}, {"OCC", 12}, {"HIWC", 8}, {"OPCC", 8}, {"HIWFRS", 9}, {"LBHF", 14}, {"RBKC", 14}, {"WCC", 15}};
    for (const auto &d : days)
        if (partner == QLatin1String(d.code))
            return d.day;
    return 10;
}

SlaState slaState(Status status, EpochSecs received, EpochSecs due, EpochSecs now)
{
    if (status == Status::Resolved || status == Status::Closed)
        return SlaState::Met;
    if (status == Status::AwaitingInfo)
        return SlaState::Paused;
    if (now >= due)
        return SlaState::Breached;
    const EpochSecs left = due - now;
    if (left < kSlaAtRiskWithinSecs || left * kSlaAtRiskFraction < (due - received))
        return SlaState::AtRisk;
    return SlaState::OnTrack;
}

EpochSecs payrollCutoff(const QString &partner, EpochSecs t)
{
    const QDate d = dateOf(t);
    QDate cut(d.year(), d.month(), payrollCutoffDay(partner));
    if (cut < d)
        cut = cut.addMonths(1);
    return startOf(cut) + kPayrollCutoffHourUtc * kHour;
}

EpochSecs payrollCutoffFor(const QString &partner, EpochSecs effective, EpochSecs received)
{
    const EpochSecs cutoff = payrollCutoff(partner, effective);
    return cutoff > received ? cutoff : payrollCutoff(partner, received + kDay);
}

EpochSecs dueTime(Kind kind, const QString &subtype, const QString &partner, EpochSecs received,
                  const QJsonObject &fields)
{
    Q_UNUSED(subtype); // the policies are per kind for now; per-subtype SLA policies come later
    const SlaPolicy &policy = slaPolicy(kind);
    std::optional<EpochSecs> due;
    if (policy.targetWorkingDays > 0) {
        const EpochSecs day = addWorkingDays(received, policy.targetWorkingDays);
        due = policy.dueHourUtc < 0 ? day : day - day % kDay + policy.dueHourUtc * kHour;
    }
    if (policy.paymentTermsCalendarDays > 0) {
        const EpochSecs payment = received + policy.paymentTermsCalendarDays * kDay;
        due = due ? std::min(*due, payment) : payment;
    }
    if (policy.notAfterPayrollCutoff) {
        // The cut-off the item names, or else the one its effective date (or its receipt) falls before.
        EpochSecs cutoff = 0;
        if (auto named = dateField(fields, "payroll_cutoff"))
            cutoff = *named + kPayrollCutoffHourUtc * kHour;
        else if (auto effective = dateField(fields, "effective_date"); effective && kind == Kind::HrChange)
            cutoff = payrollCutoffFor(partner, *effective, received);
        else if (!due)
            cutoff = payrollCutoff(partner, received + kDay);
        if (cutoff)
            due = due ? std::min(*due, cutoff) : cutoff;
    }
    return due.value_or(received);
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
