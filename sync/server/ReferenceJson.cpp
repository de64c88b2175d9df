#include "ReferenceJson.h"

#include "Fields.h"
#include "Partner.h"
#include "Sla.h"
#include "Wire.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

namespace ibc::sync::server {

using namespace ibc::models;

namespace {

QString s(const char *latin1) { return QLatin1String(latin1); }

QString fieldTypeName(FieldType t)
{
    switch (t) {
    case FieldType::Text: return s("text");
    case FieldType::LongText: return s("long_text");
    case FieldType::EmployeeNumber: return s("employee_number");
    case FieldType::Date: return s("date");
    case FieldType::Money: return s("money_pence");
    case FieldType::Hours: return s("hours");
    case FieldType::SortCode: return s("sort_code");
    case FieldType::AccountNumber: return s("account_number");
    case FieldType::VatRate: return s("vat_rate");
    }
    return s("text");
}

QJsonArray queues()
{
    QJsonArray out;
    for (Kind kind : kAllKinds) {
        QJsonArray subs;
        for (const char *sub : subtypes(kind)) {
            QJsonArray fields;
            for (const FieldSpec &spec : fieldSpecs(kind, QLatin1String(sub)))
                fields.append(QJsonObject{{s("key"), QLatin1String(spec.key)},
                                          {s("label"), fieldLabel(spec)},
                                          {s("type"), fieldTypeName(spec.type)},
                                          {s("required"), spec.required}});
            subs.append(QJsonObject{{s("name"), QLatin1String(sub)}, {s("label"), subtypeLabel(QLatin1String(sub))},
                                    {s("fields"), fields}});
        }
        QJsonArray outs;
        for (const char *o : outcomes(kind))
            outs.append(QJsonObject{{s("name"), QLatin1String(o)}, {s("label"), outcomeLabel(QLatin1String(o))}});
        out.append(QJsonObject{{s("kind"), kindName(kind)},
                               {s("label"), kindPluralLabel(kind)},
                               {s("subtypes"), subs},
                               {s("outcomes"), outs}});
    }
    return out;
}

QJsonObject sla()
{
    // The domain's table: the one the store and the desk set due times and SLA states by.
    QJsonArray policies;
    for (const SlaPolicy &p : slaPolicies()) {
        QJsonObject o{{s("kind"), kindName(p.kind)}};
        if (p.targetWorkingDays > 0)
            o.insert(s("target_working_days"), p.targetWorkingDays);
        if (p.targetWorkingDays > 0 && p.dueHourUtc >= 0)
            o.insert(s("due_time"), QStringLiteral("%1:00").arg(p.dueHourUtc, 2, 10, QLatin1Char('0')));
        QJsonArray notAfter;
        if (p.notAfterPayrollCutoff)
            notAfter.append(s("payroll_cutoff"));
        if (p.paymentTermsCalendarDays > 0) {
            notAfter.append(s("payment_due"));
            o.insert(s("payment_terms_calendar_days"), p.paymentTermsCalendarDays);
        }
        o.insert(s("not_after"), notAfter);
        o.insert(s("description"), QString::fromUtf8(p.description));
        policies.append(o);
    }
    const auto hours = [](EpochSecs secs) { return secs / 3600; };
    return QJsonObject{
        {s("policies"), policies},
        {s("states"), QJsonObject{{s("paused"), s("while awaiting information from the partner")},
                                  {s("at_risk"), QStringLiteral("less than %1 hours, or less than 1/%2 of the time, left")
                                                     .arg(hours(kSlaAtRiskWithinSecs))
                                                     .arg(kSlaAtRiskFraction)},
                                  {s("breached"), s("past the due time")}}},
        {s("payroll_cutoff_time"), QStringLiteral("%1:00").arg(kPayrollCutoffHourUtc, 2, 10, QLatin1Char('0'))},
        {s("calendar"), QJsonObject{{s("name"), s("england-and-wales")},
                                    {s("time_zone"), s("Europe/London")},
                                    {s("working_days"), QJsonArray{s("monday"), s("tuesday"), s("wednesday"),
                                                                    s("thursday"), s("friday")}},
                                    {s("working_hours"), QJsonObject{{s("start"), s("09:00")}, {s("end"), s("17:00")}}},
                                    {s("bank_holidays"), bankHolidays()}}},
    };
}

} // namespace

QJsonArray bankHolidays()
{
    static const QJsonArray days = [] {
        QFile f(s(":/ibc/bank-holidays.json"));
        QJsonArray out;
        if (!f.open(QIODevice::ReadOnly)) {
            qWarning("ibc-store: the bank-holiday calendar is missing from the build");
            return out;
        }
        const QJsonObject division = QJsonDocument::fromJson(f.readAll()).object().value(s("england-and-wales")).toObject();
        for (const QJsonValue &e : division.value(s("events")).toArray())
            out.append(QJsonObject{{s("date"), e.toObject().value(s("date"))}, {s("title"), e.toObject().value(s("title"))}});
        return out;
    }();
    return days;
}

QJsonObject referenceJson(const Reference &fromStore, const User &user)
{
    QJsonArray partnerList;
    for (const Partner &p : partners())
        partnerList.append(QJsonObject{{s("code"), QLatin1String(p.code)},
                                       {s("name"), QString::fromUtf8(p.name)},
                                       {s("short_name"), QString::fromUtf8(p.shortName)},
                                       {s("payroll_cutoff_day"), payrollCutoffDay(QLatin1String(p.code))},
                                       {s("yours"), user.worksFor(QLatin1String(p.code))}});
    QJsonArray assignable;
    for (const User &u : fromStore.assignable)
        assignable.append(wire::userToJson(u));
    return QJsonObject{{s("partners"), partnerList},
                       {s("queues"), queues()},
                       {s("sla"), sla()},
                       {s("assignable"), assignable},
                       {s("you"), wire::userToJson(user)}};
}

} // namespace ibc::sync::server
