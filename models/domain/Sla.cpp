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

} // namespace

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
    if (left < 86400 || left * 4 < (due - received))
        return SlaState::AtRisk;
    return SlaState::OnTrack;
}

EpochSecs payrollCutoff(const QString &partner, EpochSecs t)
{
    const QDate d = dateOf(t);
    QDate cut(d.year(), d.month(), payrollCutoffDay(partner));
    if (cut < d)
        cut = cut.addMonths(1);
    return startOf(cut) + 17 * kHour;
}

EpochSecs payrollCutoffFor(const QString &partner, EpochSecs effective, EpochSecs received)
{
    const EpochSecs cutoff = payrollCutoff(partner, effective);
    return cutoff > received ? cutoff : payrollCutoff(partner, received + kDay);
}

EpochSecs dueTime(Kind kind, const QString &subtype, const QString &partner, EpochSecs received,
                  const QJsonObject &fields)
{
    Q_UNUSED(subtype); // the rules are per kind for now; per-subtype SLA policies come later
    switch (kind) {
    case Kind::HrChange: {
        const EpochSecs fifthDay = addWorkingDays(received, 5);
        EpochSecs due = fifthDay - fifthDay % kDay + 17 * kHour;
        if (auto cutoff = dateField(fields, "payroll_cutoff"))
            due = std::min(due, *cutoff + 17 * kHour);
        else if (auto effective = dateField(fields, "effective_date"))
            due = std::min(due, payrollCutoffFor(partner, *effective, received));
        return due;
    }
    case Kind::Invoice:
        return std::min(addWorkingDays(received, 10), received + 30 * kDay);
    case Kind::PayrollException:
        if (auto cutoff = dateField(fields, "payroll_cutoff"))
            return *cutoff + 17 * kHour;
        return payrollCutoff(partner, received + kDay);
    }
    return received;
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
