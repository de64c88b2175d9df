#include "server/ReferenceJson.h"

#include "domain/Fields.h"
#include "domain/Partner.h"
#include "domain/Sla.h"
#include "protocol/Wire.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace ibc::sync::server {

using namespace ibc::models;
using namespace Qt::StringLiterals;

namespace {

QString fieldTypeName(FieldType t)
{
    switch (t) {
    case FieldType::Text: return u"text"_s;
    case FieldType::LongText: return u"long_text"_s;
    case FieldType::EmployeeNumber: return u"employee_number"_s;
    case FieldType::Date: return u"date"_s;
    case FieldType::Money: return u"money_pence"_s;
    case FieldType::Hours: return u"hours"_s;
    case FieldType::SortCode: return u"sort_code"_s;
    case FieldType::AccountNumber: return u"account_number"_s;
    case FieldType::VatRate: return u"vat_rate"_s;
    case FieldType::NiNumber: return u"ni_number"_s;
    case FieldType::TaxCode: return u"tax_code"_s;
    case FieldType::Postcode: return u"postcode"_s;
    case FieldType::VatNumber: return u"vat_number"_s;
    }
    return u"text"_s;
}

QJsonArray queues()
{
    QJsonArray out;
    for (Kind kind : kAllKinds) {
        QJsonArray subs;
        for (const char *sub : subtypes(kind)) {
            QJsonArray fields;
            for (const FieldSpec &spec : fieldSpecs(kind, QLatin1String(sub)))
                fields.append(QJsonObject{{u"key"_s, QLatin1String(spec.key)},
                                          {u"label"_s, fieldLabel(spec)},
                                          {u"type"_s, fieldTypeName(spec.type)},
                                          {u"required"_s, spec.required}});
            subs.append(QJsonObject{{u"name"_s, QLatin1String(sub)},
                                    {u"label"_s, subtypeLabel(QLatin1String(sub))},
                                    {u"fields"_s, fields}});
        }
        QJsonArray outs;
        for (const char *o : outcomes(kind))
            outs.append(QJsonObject{{u"name"_s, QLatin1String(o)}, {u"label"_s, outcomeLabel(QLatin1String(o))}});
        out.append(QJsonObject{{u"kind"_s, kindName(kind)},
                               {u"label"_s, kindPluralLabel(kind)},
                               {u"subtypes"_s, subs},
                               {u"outcomes"_s, outs}});
    }
    return out;
}

} // namespace

QJsonObject referenceJson(const Reference &fromStore, const User &user)
{
    const std::shared_ptr<const SlaRules> sla = fromStore.sla ? fromStore.sla : SlaRules::defaults();
    QJsonArray partnerList;
    for (const Partner &p : partners())
        partnerList.append(
            QJsonObject{{u"code"_s, QLatin1String(p.code)},
                        {u"name"_s, QString::fromUtf8(p.name)},
                        {u"short_name"_s, QString::fromUtf8(p.shortName)},
                        {u"payroll_cutoff_day"_s, sla->partnerCalendar(QLatin1String(p.code)).payrollCutoffDay},
                        {u"yours"_s, user.worksFor(QLatin1String(p.code))}});
    QJsonArray assignable;
    for (const User &u : fromStore.assignable)
        assignable.append(wire::userToJson(u));
    QJsonObject out{{u"partners"_s, partnerList},
                    {u"queues"_s, queues()},
                    {u"sla"_s, sla->toJson()},
                    {u"assignable"_s, assignable},
                    {u"you"_s, wire::userToJson(user)}};
    if (fromStore.modulus)
        out.insert(u"modulus_tables"_s,
                   QJsonObject{{u"weights"_s, QString::fromLatin1(fromStore.modulus->weights)},
                               {u"substitutions"_s, QString::fromLatin1(fromStore.modulus->substitutions)}});
    return out;
}

} // namespace ibc::sync::server
