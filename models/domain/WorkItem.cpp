#include "domain/WorkItem.h"

#include "domain/Fields.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>

namespace ibc::models {

namespace {

template <typename Enum, std::size_t N>
std::optional<Enum> fromName(QStringView name, const char *const (&names)[N])
{
    for (std::size_t i = 0; i < N; ++i)
        if (name == QLatin1String(names[i]))
            return static_cast<Enum>(i);
    return std::nullopt;
}

constexpr const char *kKindNames[] = {"hr_change", "invoice", "payroll_exception"};
constexpr const char *kStatusNames[] = {"new",      "assigned", "in_progress", "awaiting_info", "escalated",
                                        "resolved", "reopened", "closed",      "awaiting_check"};
constexpr const char *kPriorityNames[] = {"low", "normal", "high", "urgent"};

} // namespace

QString kindName(Kind k) { return QLatin1String(kKindNames[int(k)]); }
QString statusName(Status s) { return QLatin1String(kStatusNames[int(s)]); }
QString priorityName(Priority p) { return QLatin1String(kPriorityNames[int(p)]); }
std::optional<Kind> kindFromName(QStringView n) { return fromName<Kind>(n, kKindNames); }
std::optional<Status> statusFromName(QStringView n) { return fromName<Status>(n, kStatusNames); }
std::optional<Priority> priorityFromName(QStringView n) { return fromName<Priority>(n, kPriorityNames); }

QString kindLabel(Kind k)
{
    static const char *const labels[] = {QT_TRANSLATE_NOOP("ibc::models::WorkItem", "HR change"),
                                         QT_TRANSLATE_NOOP("ibc::models::WorkItem", "Invoice"),
                                         QT_TRANSLATE_NOOP("ibc::models::WorkItem", "Payroll exception")};
    return QCoreApplication::translate("ibc::models::WorkItem", labels[int(k)]);
}

QString kindPluralLabel(Kind k)
{
    static const char *const labels[] = {QT_TRANSLATE_NOOP("ibc::models::WorkItem", "HR changes"),
                                         QT_TRANSLATE_NOOP("ibc::models::WorkItem", "Invoices"),
                                         QT_TRANSLATE_NOOP("ibc::models::WorkItem", "Payroll exceptions")};
    return QCoreApplication::translate("ibc::models::WorkItem", labels[int(k)]);
}

QString statusLabel(Status s)
{
    static const char *const labels[] = {
        QT_TRANSLATE_NOOP("ibc::models::WorkItem", "New"),
        QT_TRANSLATE_NOOP("ibc::models::WorkItem", "Assigned"),
        QT_TRANSLATE_NOOP("ibc::models::WorkItem", "In progress"),
        QT_TRANSLATE_NOOP("ibc::models::WorkItem", "Awaiting information"),
        QT_TRANSLATE_NOOP("ibc::models::WorkItem", "Escalated"),
        QT_TRANSLATE_NOOP("ibc::models::WorkItem", "Resolved"),
        QT_TRANSLATE_NOOP("ibc::models::WorkItem", "Reopened"),
        QT_TRANSLATE_NOOP("ibc::models::WorkItem", "Closed"),
        QT_TRANSLATE_NOOP("ibc::models::WorkItem", "Awaiting check"),
    };
    return QCoreApplication::translate("ibc::models::WorkItem", labels[int(s)]);
}

QString priorityLabel(Priority p)
{
    static const char *const labels[] = {
        QT_TRANSLATE_NOOP("ibc::models::WorkItem", "Low"), QT_TRANSLATE_NOOP("ibc::models::WorkItem", "Normal"),
        QT_TRANSLATE_NOOP("ibc::models::WorkItem", "High"), QT_TRANSLATE_NOOP("ibc::models::WorkItem", "Urgent")};
    return QCoreApplication::translate("ibc::models::WorkItem", labels[int(p)]);
}

QString WorkItem::employeeNumber() const { return fields.value(QLatin1String("employee_number")).toString(); }
QString WorkItem::personName() const { return fields.value(QLatin1String("employee_name")).toString(); }
QString WorkItem::supplier() const { return fields.value(QLatin1String("supplier")).toString(); }

qint64 WorkItem::amountPence() const
{
    const char *key = kind == Kind::Invoice ? "gross" : "amount";
    return qint64(fields.value(QLatin1String(key)).toDouble());
}

QString WorkItem::summary() const
{
    if (!sensitive.isEmpty())
        return QCoreApplication::translate("ibc::models::WorkItem", "Sensitive case");
    if (isBereavement(*this)) // in every list, before anyone opens it
        return QCoreApplication::translate("ibc::models::WorkItem", "Bereavement: %1").arg(personName());
    switch (kind) {
    case Kind::Invoice: return QStringLiteral("%1 · %2").arg(supplier(), formatPence(amountPence()));
    case Kind::PayrollException:
        if (fields.contains(QLatin1String("amount")))
            return QStringLiteral("%1 · %2").arg(personName(), formatPence(amountPence()));
        return personName();
    case Kind::HrChange: break;
    }
    return personName();
}

QJsonObject itemState(const WorkItem &item)
{
    return QJsonObject{{QStringLiteral("status"), statusName(item.status)},
                       {QStringLiteral("priority"), priorityName(item.priority)},
                       {QStringLiteral("assignee"), item.assignee},
                       {QStringLiteral("version"), item.version},
                       {QStringLiteral("updated"), item.updated},
                       {QStringLiteral("claimed_until"), item.leaseUntil},
                       {QStringLiteral("sensitive"), item.sensitive},
                       {QStringLiteral("named"), QJsonArray::fromStringList(item.named)},
                       {QStringLiteral("fields"), item.fields}};
}

QString formatPence(qint64 pence)
{
    static const QLocale uk(QLocale::English, QLocale::UnitedKingdom);
    return uk.toCurrencyString(double(pence) / 100.0, QStringLiteral("£"), 2);
}

} // namespace ibc::models
