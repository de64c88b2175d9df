#include "ReferenceJson.h"

#include "Fields.h"
#include "Partner.h"
#include "Sla.h"
#include "Wire.h"

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

} // namespace

QJsonObject referenceJson(const Reference &fromStore, const User &user)
{
    const std::shared_ptr<const SlaRules> sla = fromStore.sla ? fromStore.sla : SlaRules::defaults();
    QJsonArray partnerList;
    for (const Partner &p : partners())
        partnerList.append(QJsonObject{{s("code"), QLatin1String(p.code)},
                                       {s("name"), QString::fromUtf8(p.name)},
                                       {s("short_name"), QString::fromUtf8(p.shortName)},
                                       {s("payroll_cutoff_day"), sla->partnerCalendar(QLatin1String(p.code)).payrollCutoffDay},
                                       {s("yours"), user.worksFor(QLatin1String(p.code))}});
    QJsonArray assignable;
    for (const User &u : fromStore.assignable)
        assignable.append(wire::userToJson(u));
    return QJsonObject{{s("partners"), partnerList},
                       {s("queues"), queues()},
                       {s("sla"), sla->toJson()},
                       {s("assignable"), assignable},
                       {s("you"), wire::userToJson(user)}};
}

} // namespace ibc::sync::server
