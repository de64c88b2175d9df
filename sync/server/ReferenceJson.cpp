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
    // The targets the store and the demo generator set due times by.
    const QJsonArray policies{
        QJsonObject{{s("kind"), s("hr_change")},
                    {s("target_working_days"), 5},
                    {s("due_time"), s("17:00")},
                    {s("not_after"), QJsonArray{s("payroll_cutoff")}},
                    {s("description"), s("Five working days from receipt, and before the partner's payroll cut-off.")}},
        QJsonObject{{s("kind"), s("invoice")},
                    {s("target_working_days"), 10},
                    {s("not_after"), QJsonArray{s("payment_due")}},
                    {s("payment_terms_calendar_days"), 30},
                    {s("description"), s("Ten working days from receipt, and before payment is due: 30 calendar "
                                         "days from receipt for a valid undisputed invoice.")}},
        QJsonObject{{s("kind"), s("payroll_exception")},
                    {s("not_after"), QJsonArray{s("payroll_cutoff")}},
                    {s("description"), s("Before the partner's next payroll cut-off, or someone is paid wrongly.")}},
    };
    return QJsonObject{
        {s("policies"), policies},
        {s("states"), QJsonObject{{s("paused"), s("while awaiting information from the partner")},
                                  {s("at_risk"), s("less than a day, or less than a quarter of the time, left")},
                                  {s("breached"), s("past the due time")}}},
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
