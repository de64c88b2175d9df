#pragma once

#include "domain/WorkItem.h"

#include <QJsonObject>
#include <QJsonValue>

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

// Every problem with an item's fields for its kind and subtype, in the order of its specs: each
// field that fails its spec, then each that is not a field of the subtype, keyed "fields.KEY".
// Empty when all is well. The one check of a whole item's fields, for intake at the API and in
// the store alike.
std::vector<std::pair<QString, QString>> fieldProblems(Kind kind, const QString &subtype, const QJsonObject &fields);

// The value as a person reads it: money as pounds, dates as "23 Nov 2026".
QString displayField(const FieldSpec &spec, const QJsonValue &value);

// The outcomes a caseworker may record when resolving an item of this kind (wire names).
std::span<const char *const> outcomes(Kind kind);
bool isOutcome(Kind kind, const QString &outcome);
QString outcomeLabel(const QString &outcome);

} // namespace ibc::models
