#pragma once

#include "domain/ModulusCheck.h"
#include "domain/WorkItem.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

#include <optional>
#include <span>
#include <utility>
#include <vector>

namespace ibc::models {

enum class FieldType {
    Text,
    LongText,
    EmployeeNumber, // "E" and seven digits, as the partners' HR systems issue them
    Date,           // ISO 8601 date
    Money,          // integer pence
    Hours,          // hours a week, a number from 0 to 48
    SortCode,       // "12-34-56"
    AccountNumber,  // eight digits
    VatRate,        // percent: 0, 5 or 20
    NiNumber,       // a National Insurance number by HMRC's rules (domain/NationalInsurance.h); may be absent
    TaxCode,        // a PAYE tax code (domain/TaxCode.h)
    Postcode,       // a UK postcode (domain/Postcode.h)
    VatNumber,      // a UK VAT registration number, check digits and all (domain/VatNumber.h)
};

struct FieldSpec {
    const char *key;
    const char *label; // QT_TRANSLATE_NOOP("ibc::models::Fields", …)
    FieldType type;
    bool required;
};

// The subtypes of a kind, in the order the desk offers them (wire names).
std::span<const char *const> subtypes(Kind kind);
bool isSubtype(Kind kind, const QString &subtype);
QString subtypeLabel(const QString &subtype);

// The fields of an item of this kind and subtype: the kind's common fields first.
std::vector<FieldSpec> fieldSpecs(Kind kind, const QString &subtype);
QString fieldLabel(const FieldSpec &spec);

// Checks one value against its spec. Returns a sentence naming what is wrong, or an empty string.
QString validateField(const FieldSpec &spec, const QJsonValue &value);

// A bank-details change's sort code and account number by VocaLink's modulus check: nullopt for
// any other item, or one without both. An account that fails cannot be paid into, so such a
// change is never resolved (Lifecycle); it can be sent back or escalated.
std::optional<ModulusResult> bankDetailsCheck(const WorkItem &item);

// Every problem with an item's fields for its kind and subtype, in the order of its specs: each
// field that fails its spec, then each that is not a field of the subtype, keyed "fields.KEY".
// Empty when all is well. The one check of a whole item's fields, for intake at the API and in
// the store alike.
std::vector<std::pair<QString, QString>> fieldProblems(Kind kind, const QString &subtype, const QJsonObject &fields);

// A bereavement: a leaver who died in service. Whatever is written goes to the next of kin or the
// estate, never to the person who died.
bool isBereavement(const WorkItem &item);
// What must not be sent for a bereavement, a sentence each, naming the person (translated).
QStringList bereavementDoNotSend(const WorkItem &item);

// Personal data, shown masked to its last four characters wherever the desk shows it (account and
// National Insurance numbers).
bool isPersonalData(FieldType type);

// The value as a person reads it: money as pounds, dates as "23 Nov 2026".
QString displayField(const FieldSpec &spec, const QJsonValue &value);

// The outcomes a caseworker may record when resolving an item of this kind (wire names).
std::span<const char *const> outcomes(Kind kind);
bool isOutcome(Kind kind, const QString &outcome);
QString outcomeLabel(const QString &outcome);

} // namespace ibc::models
