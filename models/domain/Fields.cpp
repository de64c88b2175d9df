#include "Fields.h"

#include <QCoreApplication>
#include <QDate>
#include <QLocale>
#include <QRegularExpression>

namespace ibc::models {

namespace {

#define F(key, label, type, req) FieldSpec{key, QT_TRANSLATE_NOOP("ibc::models::Fields", label), type, req}

constexpr const char *kHrSubtypes[] = {"new_starter", "leaver",         "hours_change",
                                       "bank_details", "address_change", "family_leave"};
constexpr const char *kInvoiceSubtypes[] = {"no_po", "price_mismatch", "quantity_mismatch", "suspected_duplicate",
                                            "disputed"};
constexpr const char *kPayrollSubtypes[] = {"overpayment",      "underpayment",     "missing_timesheet",
                                            "tax_code_query",   "negative_net_pay", "pension_query"};

constexpr const char *kHrOutcomes[] = {"processed", "returned_incomplete", "duplicate", "withdrawn"};
constexpr const char *kInvoiceOutcomes[] = {"approved_for_payment", "credit_note_requested", "returned_to_supplier",
                                            "cancelled_duplicate"};
constexpr const char *kPayrollOutcomes[] = {"corrected_next_payroll", "off_cycle_payment", "recovery_arranged",
                                            "no_change_needed"};

struct Label {
    const char *name;
    const char *text;
};

#define L(name, text) Label{name, QT_TRANSLATE_NOOP("ibc::models::Fields", text)}
constexpr Label kLabels[] = {
    L("new_starter", "New starter"),
    L("leaver", "Leaver"),
    L("hours_change", "Change of hours"),
    L("bank_details", "Bank details change"),
    L("address_change", "Change of address"),
    L("family_leave", "Family leave"),
    L("no_po", "No purchase order"),
    L("price_mismatch", "Price mismatch"),
    L("quantity_mismatch", "Quantity mismatch"),
    L("suspected_duplicate", "Suspected duplicate"),
    L("disputed", "Disputed"),
    L("overpayment", "Overpayment"),
    L("underpayment", "Underpayment"),
    L("missing_timesheet", "Missing timesheet"),
    L("tax_code_query", "Tax code query"),
    L("negative_net_pay", "Negative net pay"),
    L("pension_query", "Pension query"),
    L("processed", "Processed"),
    L("returned_incomplete", "Returned as incomplete"),
    L("duplicate", "Duplicate of another request"),
    L("withdrawn", "Withdrawn by the partner"),
    L("approved_for_payment", "Approved for payment"),
    L("credit_note_requested", "Credit note requested"),
    L("returned_to_supplier", "Returned to supplier"),
    L("cancelled_duplicate", "Cancelled as a duplicate"),
    L("corrected_next_payroll", "Corrected in the next payroll"),
    L("off_cycle_payment", "Off-cycle payment made"),
    L("recovery_arranged", "Recovery arranged"),
    L("no_change_needed", "No change needed"),
};
#undef L

template <std::size_t N>
bool contains(const char *const (&list)[N], const QString &s)
{
    for (const char *x : list)
        if (s == QLatin1String(x))
            return true;
    return false;
}


const QLocale &ukLocale()
{
    static const QLocale uk(QLocale::English, QLocale::UnitedKingdom);
    return uk;
}

} // namespace

std::span<const char *const> subtypes(Kind kind)
{
    switch (kind) {
    case Kind::HrChange:
        return kHrSubtypes;
    case Kind::Invoice:
        return kInvoiceSubtypes;
    case Kind::PayrollException:
        return kPayrollSubtypes;
    }
    return {};
}

bool isSubtype(Kind kind, const QString &subtype)
{
    for (const char *s : subtypes(kind))
        if (subtype == QLatin1String(s))
            return true;
    return false;
}

QString subtypeLabel(const QString &name)
{
    for (const auto &l : kLabels)
        if (name == QLatin1String(l.name))
            return QCoreApplication::translate("ibc::models::Fields", l.text);
    return name;
}

QString outcomeLabel(const QString &outcome) { return subtypeLabel(outcome); }

std::span<const char *const> outcomes(Kind kind)
{
    switch (kind) {
    case Kind::HrChange:
        return kHrOutcomes;
    case Kind::Invoice:
        return kInvoiceOutcomes;
    case Kind::PayrollException:
        return kPayrollOutcomes;
    }
    return {};
}

bool isOutcome(Kind kind, const QString &outcome)
{
    for (const char *o : outcomes(kind))
        if (outcome == QLatin1String(o))
            return true;
    return false;
}

std::vector<FieldSpec> fieldSpecs(Kind kind, const QString &subtype)
{
    using T = FieldType;
    std::vector<FieldSpec> specs;
    switch (kind) {
    case Kind::HrChange:
        specs = {F("employee_number", "Employee number", T::EmployeeNumber, true),
                 F("employee_name", "Employee name", T::Text, true),
                 F("job_title", "Job title", T::Text, false),
                 F("effective_date", "Effective date", T::Date, true),
                 F("payroll_cutoff", "Payroll cut-off", T::Date, false)};
        if (subtype == QLatin1String("new_starter")) {
            specs.push_back(F("grade", "Grade", T::Text, true));
            specs.push_back(F("salary", "Annual salary", T::Money, true));
            specs.push_back(F("hours", "Hours a week", T::Hours, true));
        } else if (subtype == QLatin1String("leaver")) {
            specs.push_back(F("leaving_reason", "Reason for leaving", T::Text, true));
        } else if (subtype == QLatin1String("hours_change")) {
            specs.push_back(F("current_hours", "Current hours a week", T::Hours, true));
            specs.push_back(F("new_hours", "New hours a week", T::Hours, true));
        } else if (subtype == QLatin1String("bank_details")) {
            specs.push_back(F("sort_code", "Sort code", T::SortCode, true));
            specs.push_back(F("account_number", "Account number", T::AccountNumber, true));
        } else if (subtype == QLatin1String("address_change")) {
            specs.push_back(F("address", "New address", T::LongText, true));
            specs.push_back(F("postcode", "Postcode", T::Text, true));
        } else if (subtype == QLatin1String("family_leave")) {
            specs.push_back(F("leave_type", "Type of leave", T::Text, true));
            specs.push_back(F("leave_start", "Leave starts", T::Date, true));
            specs.push_back(F("leave_end", "Leave ends", T::Date, true));
        }
        break;
    case Kind::Invoice:
        specs = {F("supplier", "Supplier", T::Text, true),
                 F("invoice_number", "Invoice number", T::Text, true),
                 F("po_number", "Purchase order", T::Text, subtype != QLatin1String("no_po")),
                 F("net", "Net", T::Money, true),
                 F("vat_rate", "VAT rate (%)", T::VatRate, true),
                 F("vat", "VAT", T::Money, true),
                 F("gross", "Gross", T::Money, true),
                 F("invoice_date", "Invoice date", T::Date, true),
                 F("payment_due", "Payment due (30 days)", T::Date, false)};
        break;
    case Kind::PayrollException:
        specs = {F("employee_number", "Employee number", T::EmployeeNumber, true),
                 F("employee_name", "Employee name", T::Text, true),
                 F("pay_period", "Pay period", T::Text, true),
                 F("amount", "Amount", T::Money, subtype != QLatin1String("missing_timesheet") &&
                                                     subtype != QLatin1String("tax_code_query") &&
                                                     subtype != QLatin1String("pension_query")),
                 F("payroll_cutoff", "Payroll cut-off", T::Date, true)};
        break;
    }
    specs.push_back(F("details", "Details", T::LongText, false));
    return specs;
}

QString fieldLabel(const FieldSpec &spec) { return QCoreApplication::translate("ibc::models::Fields", spec.label); }

QString validateField(const FieldSpec &spec, const QJsonValue &value)
{
    const QString label = fieldLabel(spec);
    if (value.isUndefined() || value.isNull() || (value.isString() && value.toString().trimmed().isEmpty())) {
        return spec.required ? QCoreApplication::translate("ibc::models::Fields", "%1 is required.").arg(label) : QString();
    }
    switch (spec.type) {
    case FieldType::Text:
    case FieldType::LongText:
        if (!value.isString())
            return QCoreApplication::translate("ibc::models::Fields", "%1 must be text.").arg(label);
        if (spec.type == FieldType::Text && value.toString().size() > 200)
            return QCoreApplication::translate("ibc::models::Fields", "%1 is longer than 200 characters.").arg(label);
        if (value.toString().size() > 5000)
            return QCoreApplication::translate("ibc::models::Fields", "%1 is longer than 5,000 characters.").arg(label);
        return {};
    case FieldType::EmployeeNumber: {
        static const QRegularExpression re(QStringLiteral("^E\\d{7}$"));
        if (!value.isString() || !re.match(value.toString()).hasMatch())
            return QCoreApplication::translate("ibc::models::Fields", "%1 must be E followed by seven digits, like E1234567.").arg(label);
        return {};
    }
    case FieldType::Date:
        if (!value.isString() || !QDate::fromString(value.toString(), Qt::ISODate).isValid())
            return QCoreApplication::translate("ibc::models::Fields", "%1 must be a date written as YYYY-MM-DD.").arg(label);
        return {};
    case FieldType::Money:
        if (!value.isDouble() || value.toDouble() != double(qint64(value.toDouble())))
            return QCoreApplication::translate("ibc::models::Fields", "%1 must be a whole number of pence.").arg(label);
        if (std::abs(value.toDouble()) > 1e12)
            return QCoreApplication::translate("ibc::models::Fields", "%1 is too large.").arg(label);
        return {};
    case FieldType::Hours:
        if (!value.isDouble() || value.toDouble() < 0 || value.toDouble() > 48)
            return QCoreApplication::translate("ibc::models::Fields", "%1 must be a number of hours from 0 to 48.").arg(label);
        return {};
    case FieldType::SortCode: {
        static const QRegularExpression re(QStringLiteral("^\\d{2}-\\d{2}-\\d{2}$"));
        if (!value.isString() || !re.match(value.toString()).hasMatch())
            return QCoreApplication::translate("ibc::models::Fields", "%1 must be six digits written as 12-34-56.").arg(label);
        return {};
    }
    case FieldType::AccountNumber: {
        static const QRegularExpression re(QStringLiteral("^\\d{8}$"));
        if (!value.isString() || !re.match(value.toString()).hasMatch())
            return QCoreApplication::translate("ibc::models::Fields", "%1 must be eight digits.").arg(label);
        return {};
    }
    case FieldType::VatRate: {
        const double r = value.toDouble(-1);
        if (!value.isDouble() || (r != 0 && r != 5 && r != 20))
            return QCoreApplication::translate("ibc::models::Fields", "%1 must be 0, 5 or 20.").arg(label);
        return {};
    }
    }
    return {};
}

QString displayField(const FieldSpec &spec, const QJsonValue &value)
{
    if (value.isUndefined() || value.isNull())
        return {};
    switch (spec.type) {
    case FieldType::Money:
        return formatPence(qint64(value.toDouble()));
    case FieldType::Date: {
        const QDate d = QDate::fromString(value.toString(), Qt::ISODate);
        return d.isValid() ? ukLocale().toString(d, QStringLiteral("ddd d MMM yyyy")) : value.toString();
    }
    case FieldType::VatRate:
        return QStringLiteral("%1%").arg(value.toDouble());
    case FieldType::Hours:
        return ukLocale().toString(value.toDouble(), 'g', 4);
    case FieldType::AccountNumber: {
        // Bank details are shown masked; the full number is only for the payroll system.
        const QString s = value.toString();
        return s.size() > 4 ? QString(s.size() - 4, QChar(0x2022)) + s.right(4) : s;
    }
    default:
        return value.toString();
    }
}

} // namespace ibc::models
