#include "domain/Fields.h"

#include "domain/NationalInsurance.h"
#include "domain/Postcode.h"
#include "domain/TaxCode.h"
#include "domain/Typed.h"
#include "domain/VatNumber.h"

#include <QCoreApplication>
#include <QDate>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>

namespace ibc::models {

namespace {

constexpr const char *kHrSubtypes[] = {"new_starter",  "leaver",         "hours_change",
                                       "bank_details", "address_change", "family_leave"};
constexpr const char *kInvoiceSubtypes[] = {"no_po", "price_mismatch", "quantity_mismatch", "suspected_duplicate",
                                            "disputed"};
constexpr const char *kPayrollSubtypes[] = {"overpayment",    "underpayment",     "missing_timesheet",
                                            "tax_code_query", "negative_net_pay", "pension_query"};

constexpr const char *kHrOutcomes[] = {"processed", "returned_incomplete", "duplicate", "withdrawn"};
constexpr const char *kInvoiceOutcomes[] = {"approved_for_payment", "credit_note_requested", "returned_to_supplier",
                                            "cancelled_duplicate"};
constexpr const char *kPayrollOutcomes[] = {"corrected_next_payroll", "off_cycle_payment", "recovery_arranged",
                                            "no_change_needed"};

struct Label {
    const char *name;
    const char *text;
};

constexpr Label kLabels[] = {
    Label{"new_starter", QT_TRANSLATE_NOOP("ibc::models::Fields", "New starter")},
    Label{"leaver", QT_TRANSLATE_NOOP("ibc::models::Fields", "Leaver")},
    Label{"hours_change", QT_TRANSLATE_NOOP("ibc::models::Fields", "Change of hours")},
    Label{"bank_details", QT_TRANSLATE_NOOP("ibc::models::Fields", "Bank details change")},
    Label{"address_change", QT_TRANSLATE_NOOP("ibc::models::Fields", "Change of address")},
    Label{"family_leave", QT_TRANSLATE_NOOP("ibc::models::Fields", "Family leave")},
    Label{"no_po", QT_TRANSLATE_NOOP("ibc::models::Fields", "No purchase order")},
    Label{"price_mismatch", QT_TRANSLATE_NOOP("ibc::models::Fields", "Price mismatch")},
    Label{"quantity_mismatch", QT_TRANSLATE_NOOP("ibc::models::Fields", "Quantity mismatch")},
    Label{"suspected_duplicate", QT_TRANSLATE_NOOP("ibc::models::Fields", "Suspected duplicate")},
    Label{"disputed", QT_TRANSLATE_NOOP("ibc::models::Fields", "Disputed")},
    Label{"overpayment", QT_TRANSLATE_NOOP("ibc::models::Fields", "Overpayment")},
    Label{"underpayment", QT_TRANSLATE_NOOP("ibc::models::Fields", "Underpayment")},
    Label{"missing_timesheet", QT_TRANSLATE_NOOP("ibc::models::Fields", "Missing timesheet")},
    Label{"tax_code_query", QT_TRANSLATE_NOOP("ibc::models::Fields", "Tax code query")},
    Label{"negative_net_pay", QT_TRANSLATE_NOOP("ibc::models::Fields", "Negative net pay")},
    Label{"pension_query", QT_TRANSLATE_NOOP("ibc::models::Fields", "Pension query")},
    Label{"processed", QT_TRANSLATE_NOOP("ibc::models::Fields", "Processed")},
    Label{"returned_incomplete", QT_TRANSLATE_NOOP("ibc::models::Fields", "Returned as incomplete")},
    Label{"duplicate", QT_TRANSLATE_NOOP("ibc::models::Fields", "Duplicate of another request")},
    Label{"withdrawn", QT_TRANSLATE_NOOP("ibc::models::Fields", "Withdrawn by the partner")},
    Label{"approved_for_payment", QT_TRANSLATE_NOOP("ibc::models::Fields", "Approved for payment")},
    Label{"credit_note_requested", QT_TRANSLATE_NOOP("ibc::models::Fields", "Credit note requested")},
    Label{"returned_to_supplier", QT_TRANSLATE_NOOP("ibc::models::Fields", "Returned to supplier")},
    Label{"cancelled_duplicate", QT_TRANSLATE_NOOP("ibc::models::Fields", "Cancelled as a duplicate")},
    Label{"corrected_next_payroll", QT_TRANSLATE_NOOP("ibc::models::Fields", "Corrected in the next payroll")},
    Label{"off_cycle_payment", QT_TRANSLATE_NOOP("ibc::models::Fields", "Off-cycle payment made")},
    Label{"recovery_arranged", QT_TRANSLATE_NOOP("ibc::models::Fields", "Recovery arranged")},
    Label{"no_change_needed", QT_TRANSLATE_NOOP("ibc::models::Fields", "No change needed")},
};

template <std::size_t N>
bool contains(const char *const (&list)[N], const QString &s)
{
    for (const char *x : list)
        if (s == QLatin1String(x))
            return true;
    return false;
}

// What the validator of an identifier makes of it, as the validator says it ("" when it is right).
// Only text that is there gets here: an empty value is the spec's `required` to judge.
QString identifierProblem(FieldType type, const QString &text)
{
    switch (type) {
    case FieldType::NiNumber: return checkNationalInsuranceNumber(text).problem;
    case FieldType::TaxCode: return checkTaxCode(text).problem;
    case FieldType::Postcode: return checkPostcode(text).problem;
    case FieldType::VatNumber: return checkVatNumber(text).problem;
    default: return {};
    }
}

} // namespace

std::span<const char *const> subtypes(Kind kind)
{
    switch (kind) {
    case Kind::HrChange: return kHrSubtypes;
    case Kind::Invoice: return kInvoiceSubtypes;
    case Kind::PayrollException: return kPayrollSubtypes;
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
    case Kind::HrChange: return kHrOutcomes;
    case Kind::Invoice: return kInvoiceOutcomes;
    case Kind::PayrollException: return kPayrollOutcomes;
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
        specs = {
            FieldSpec{"employee_number", QT_TRANSLATE_NOOP("ibc::models::Fields", "Employee number"), T::EmployeeNumber,
                      true},
            FieldSpec{"employee_name", QT_TRANSLATE_NOOP("ibc::models::Fields", "Employee name"), T::Text, true},
            FieldSpec{"job_title", QT_TRANSLATE_NOOP("ibc::models::Fields", "Job title"), T::Text, false},
            FieldSpec{"effective_date", QT_TRANSLATE_NOOP("ibc::models::Fields", "Effective date"), T::Date, true},
            FieldSpec{"payroll_cutoff", QT_TRANSLATE_NOOP("ibc::models::Fields", "Payroll cut-off"), T::Date, false}};
        if (subtype == QLatin1String("new_starter")) {
            specs.push_back(FieldSpec{"grade", QT_TRANSLATE_NOOP("ibc::models::Fields", "Grade"), T::Text, true});
            specs.push_back(
                FieldSpec{"salary", QT_TRANSLATE_NOOP("ibc::models::Fields", "Annual salary"), T::Money, true});
            specs.push_back(
                FieldSpec{"hours", QT_TRANSLATE_NOOP("ibc::models::Fields", "Hours a week"), T::Hours, true});
            // Either may rightly be missing on the first day: "no number yet", or an emergency code to come.
            specs.push_back(FieldSpec{"ni_number",
                                      QT_TRANSLATE_NOOP("ibc::models::Fields", "National Insurance number"),
                                      T::NiNumber, false});
            specs.push_back(
                FieldSpec{"tax_code", QT_TRANSLATE_NOOP("ibc::models::Fields", "Tax code"), T::TaxCode, false});
        } else if (subtype == QLatin1String("leaver")) {
            specs.push_back(FieldSpec{"leaving_reason", QT_TRANSLATE_NOOP("ibc::models::Fields", "Reason for leaving"),
                                      T::Text, true});
            // After a death in service, who letters go to instead.
            specs.push_back(FieldSpec{"next_of_kin", QT_TRANSLATE_NOOP("ibc::models::Fields", "Next of kin or estate"),
                                      T::Text, false});
            specs.push_back(FieldSpec{"letters_to", QT_TRANSLATE_NOOP("ibc::models::Fields", "Address for letters"),
                                      T::LongText, false});
        } else if (subtype == QLatin1String("hours_change")) {
            specs.push_back(FieldSpec{"current_hours", QT_TRANSLATE_NOOP("ibc::models::Fields", "Current hours a week"),
                                      T::Hours, true});
            specs.push_back(
                FieldSpec{"new_hours", QT_TRANSLATE_NOOP("ibc::models::Fields", "New hours a week"), T::Hours, true});
        } else if (subtype == QLatin1String("bank_details")) {
            // The account pay goes to now, where the partner's form gives it: what a checker
            // compares the new one with.
            specs.push_back(FieldSpec{"current_sort_code",
                                      QT_TRANSLATE_NOOP("ibc::models::Fields", "Current sort code"), T::SortCode,
                                      false});
            specs.push_back(FieldSpec{"current_account_number",
                                      QT_TRANSLATE_NOOP("ibc::models::Fields", "Current account number"),
                                      T::AccountNumber, false});
            specs.push_back(
                FieldSpec{"sort_code", QT_TRANSLATE_NOOP("ibc::models::Fields", "Sort code"), T::SortCode, true});
            specs.push_back(FieldSpec{"account_number", QT_TRANSLATE_NOOP("ibc::models::Fields", "Account number"),
                                      T::AccountNumber, true});
        } else if (subtype == QLatin1String("address_change")) {
            specs.push_back(
                FieldSpec{"address", QT_TRANSLATE_NOOP("ibc::models::Fields", "New address"), T::LongText, true});
            specs.push_back(
                FieldSpec{"postcode", QT_TRANSLATE_NOOP("ibc::models::Fields", "Postcode"), T::Postcode, true});
        } else if (subtype == QLatin1String("family_leave")) {
            specs.push_back(
                FieldSpec{"leave_type", QT_TRANSLATE_NOOP("ibc::models::Fields", "Type of leave"), T::Text, true});
            specs.push_back(
                FieldSpec{"leave_start", QT_TRANSLATE_NOOP("ibc::models::Fields", "Leave starts"), T::Date, true});
            specs.push_back(
                FieldSpec{"leave_end", QT_TRANSLATE_NOOP("ibc::models::Fields", "Leave ends"), T::Date, true});
        }
        break;
    case Kind::Invoice:
        specs = {FieldSpec{"supplier", QT_TRANSLATE_NOOP("ibc::models::Fields", "Supplier"), T::Text, true},
                 FieldSpec{"invoice_number", QT_TRANSLATE_NOOP("ibc::models::Fields", "Invoice number"), T::Text, true},
                 FieldSpec{"supplier_vat_number", QT_TRANSLATE_NOOP("ibc::models::Fields", "Supplier's VAT number"),
                           T::VatNumber, false},
                 FieldSpec{"po_number", QT_TRANSLATE_NOOP("ibc::models::Fields", "Purchase order"), T::Text,
                           subtype != QLatin1String("no_po")},
                 FieldSpec{"net", QT_TRANSLATE_NOOP("ibc::models::Fields", "Net"), T::Money, true},
                 FieldSpec{"vat_rate", QT_TRANSLATE_NOOP("ibc::models::Fields", "VAT rate (%)"), T::VatRate, true},
                 FieldSpec{"vat", QT_TRANSLATE_NOOP("ibc::models::Fields", "VAT"), T::Money, true},
                 FieldSpec{"gross", QT_TRANSLATE_NOOP("ibc::models::Fields", "Gross"), T::Money, true},
                 FieldSpec{"invoice_date", QT_TRANSLATE_NOOP("ibc::models::Fields", "Invoice date"), T::Date, true},
                 FieldSpec{"payment_due", QT_TRANSLATE_NOOP("ibc::models::Fields", "Payment due (30 days)"), T::Date,
                           false}};
        break;
    case Kind::PayrollException:
        specs = {
            FieldSpec{"employee_number", QT_TRANSLATE_NOOP("ibc::models::Fields", "Employee number"), T::EmployeeNumber,
                      true},
            FieldSpec{"employee_name", QT_TRANSLATE_NOOP("ibc::models::Fields", "Employee name"), T::Text, true},
            FieldSpec{"pay_period", QT_TRANSLATE_NOOP("ibc::models::Fields", "Pay period"), T::Text, true},
            FieldSpec{"amount", QT_TRANSLATE_NOOP("ibc::models::Fields", "Amount"), T::Money,
                      subtype != QLatin1String("missing_timesheet") && subtype != QLatin1String("tax_code_query") &&
                          subtype != QLatin1String("pension_query")},
            FieldSpec{"payroll_cutoff", QT_TRANSLATE_NOOP("ibc::models::Fields", "Payroll cut-off"), T::Date, true}};
        if (subtype == QLatin1String("tax_code_query"))
            specs.push_back(
                FieldSpec{"tax_code", QT_TRANSLATE_NOOP("ibc::models::Fields", "Tax code"), T::TaxCode, false});
        break;
    }
    specs.push_back(FieldSpec{"details", QT_TRANSLATE_NOOP("ibc::models::Fields", "Details"), T::LongText, false});
    return specs;
}

QString fieldLabel(const FieldSpec &spec) { return QCoreApplication::translate("ibc::models::Fields", spec.label); }

QString validateField(const FieldSpec &spec, const QJsonValue &value)
{
    const QString label = fieldLabel(spec);
    if (value.isUndefined() || value.isNull() || (value.isString() && value.toString().trimmed().isEmpty())) {
        return spec.required ? QCoreApplication::translate("ibc::models::Fields", "%1 is required.").arg(label)
                             : QString();
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
            return QCoreApplication::translate("ibc::models::Fields",
                                               "%1 must be E followed by seven digits, like E1234567.")
                .arg(label);
        return {};
    }
    case FieldType::Date:
        if (!value.isString() || !QDate::fromString(value.toString(), Qt::ISODate).isValid())
            return QCoreApplication::translate("ibc::models::Fields", "%1 must be a date written as YYYY-MM-DD.")
                .arg(label);
        return {};
    case FieldType::Money:
        if (!value.isDouble() || value.toDouble() != double(qint64(value.toDouble())))
            return QCoreApplication::translate("ibc::models::Fields", "%1 must be a whole number of pence.").arg(label);
        if (std::abs(value.toDouble()) > 1e12)
            return QCoreApplication::translate("ibc::models::Fields", "%1 is too large.").arg(label);
        return {};
    case FieldType::Hours:
        if (!value.isDouble() || value.toDouble() < 0 || value.toDouble() > 48)
            return QCoreApplication::translate("ibc::models::Fields", "%1 must be a number of hours from 0 to 48.")
                .arg(label);
        return {};
    case FieldType::SortCode: {
        static const QRegularExpression re(QStringLiteral("^\\d{2}-\\d{2}-\\d{2}$"));
        if (!value.isString() || !re.match(value.toString()).hasMatch())
            return QCoreApplication::translate("ibc::models::Fields", "%1 must be six digits written as 12-34-56.")
                .arg(label);
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
    case FieldType::NiNumber:
    case FieldType::TaxCode:
    case FieldType::Postcode:
    case FieldType::VatNumber:
        if (!value.isString())
            return QCoreApplication::translate("ibc::models::Fields", "%1 must be text.").arg(label);
        return identifierProblem(spec.type, value.toString());
    }
    return {};
}

std::optional<ModulusResult> bankDetailsCheck(const WorkItem &item)
{
    const QString sortCode = item.fields.value(QLatin1String("sort_code")).toString();
    const QString account = item.fields.value(QLatin1String("account_number")).toString();
    if (item.kind != Kind::HrChange || item.subtype != QLatin1String("bank_details") || sortCode.isEmpty() ||
        account.isEmpty())
        return std::nullopt;
    return ModulusChecker::current()->check(sortCode, account);
}

std::vector<std::pair<QString, QString>> fieldProblems(Kind kind, const QString &subtype, const QJsonObject &fields)
{
    std::vector<std::pair<QString, QString>> problems;
    const auto specs = fieldSpecs(kind, subtype);
    for (const FieldSpec &spec : specs)
        if (QString problem = validateField(spec, fields.value(QLatin1String(spec.key))); !problem.isEmpty())
            problems.emplace_back(QStringLiteral("fields.") + QLatin1String(spec.key), std::move(problem));
    for (auto it = fields.begin(); it != fields.end(); ++it)
        if (std::none_of(specs.begin(), specs.end(),
                         [&](const FieldSpec &sp) { return it.key() == QLatin1String(sp.key); }))
            problems.emplace_back(QStringLiteral("fields.") + it.key(),
                                  QStringLiteral("is not a field of %1 %2").arg(kindName(kind), subtype));
    return problems;
}

bool isBereavement(const WorkItem &item)
{
    if (item.kind != Kind::HrChange || item.subtype != QLatin1String("leaver"))
        return false;
    const QString reason = item.fields.value(QLatin1String("leaving_reason")).toString();
    return reason.contains(QLatin1String("death"), Qt::CaseInsensitive) ||
           reason.contains(QLatin1String("died"), Qt::CaseInsensitive) ||
           reason.contains(QLatin1String("deceased"), Qt::CaseInsensitive);
}

QStringList bereavementDoNotSend(const WorkItem &item)
{
    const QString name = item.fields.value(QLatin1String("employee_name")).toString();
    return {
        QCoreApplication::translate("ibc::models::Fields", "a P45 addressed to %1").arg(name),
        QCoreApplication::translate("ibc::models::Fields", "payslips, letters or emails in %1's name").arg(name),
        QCoreApplication::translate("ibc::models::Fields", "anything asking %1 to return property or sign a form")
            .arg(name),
    };
}

bool isPersonalData(FieldType type) { return type == FieldType::AccountNumber || type == FieldType::NiNumber; }

QString displayField(const FieldSpec &spec, const QJsonValue &value)
{
    if (spec.type == FieldType::NiNumber && value.toString().trimmed().isEmpty())
        return QCoreApplication::translate("ibc::models::Fields", "No number yet");
    if (value.isUndefined() || value.isNull())
        return {};
    switch (spec.type) {
    case FieldType::Money: return formatPence(qint64(value.toDouble()));
    case FieldType::Date: {
        const QDate d = QDate::fromString(value.toString(), Qt::ISODate);
        return d.isValid() ? QLocale().toString(d, QStringLiteral("ddd d MMM yyyy")) : value.toString();
    }
    case FieldType::VatRate: return QStringLiteral("%1%").arg(value.toDouble());
    case FieldType::Hours: return QLocale().toString(value.toDouble(), 'g', 4);
    case FieldType::AccountNumber:
        // Personal data is shown masked; the full number is only for the payroll system.
        return typed::masked(value.toString());
    case FieldType::NiNumber: return typed::masked(checkNationalInsuranceNumber(value.toString()).normalised);
    case FieldType::TaxCode: {
        const TaxCodeCheck c = checkTaxCode(value.toString());
        return c.verdict == TaxCodeVerdict::Valid ? c.explanation : value.toString();
    }
    case FieldType::Postcode: {
        const PostcodeCheck c = checkPostcode(value.toString());
        return c.verdict == PostcodeVerdict::Valid ? c.normalised : value.toString();
    }
    default: return value.toString();
    }
}

} // namespace ibc::models
