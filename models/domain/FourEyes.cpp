#include "domain/FourEyes.h"

#include "domain/Fields.h"

#include <QCoreApplication>

namespace ibc::models {

namespace {
QString tr(const char *text) { return QCoreApplication::translate("ibc::models::FourEyes", text); }
} // namespace

QString checkReason(const WorkItem &item, const QString &outcome, const SlaPolicy &policy)
{
    switch (item.kind) {
    case Kind::HrChange:
        if (outcome != QLatin1String("processed"))
            return {};
        if (item.subtype == QLatin1String("bank_details"))
            return tr("A change of bank details is checked by a second person before anyone is paid into the new "
                      "account.");
        if (isBereavement(item))
            return tr("A death in service is closed only after a second person has checked it.");
        if (item.subtype == QLatin1String("leaver"))
            return tr("A leaver's final pay and P45 are checked by a second person.");
        if (item.subtype == QLatin1String("hours_change"))
            return tr("A change of hours changes pay, so a second person checks it.");
        return {};
    case Kind::PayrollException:
        if (outcome == QLatin1String("recovery_arranged"))
            return tr("An overpayment recovery is checked by a second person before it is taken from pay.");
        if (outcome == QLatin1String("off_cycle_payment"))
            return tr("An off-cycle payment is checked by a second person before it is paid.");
        return {};
    case Kind::Invoice:
        if (outcome == QLatin1String("approved_for_payment") && item.amountPence() > policy.approvalThresholdPence)
            return tr("This invoice is over the approval threshold of %1, so a second person checks it before it "
                      "is paid.")
                .arg(formatPence(policy.approvalThresholdPence));
        return {};
    }
    return {};
}

std::vector<CheckLine> checkComparison(const WorkItem &item)
{
    const std::vector<FieldSpec> specs = fieldSpecs(item.kind, item.subtype);
    const auto value = [&](const FieldSpec &spec) {
        return displayField(spec, item.fields.value(QLatin1String(spec.key)));
    };
    // "current_hours" is replaced by "new_hours", "current_account_number" by "account_number".
    const auto replacedBy = [](const char *current, const char *key) {
        const QLatin1String c(current), k(key);
        if (!c.startsWith(QLatin1String("current_")))
            return false;
        const QString rest = c.mid(8);
        return k == rest || k == QLatin1String("new_") + rest;
    };
    std::vector<CheckLine> lines;
    for (const FieldSpec &spec : specs) {
        if (QLatin1String(spec.key).startsWith(QLatin1String("current_")))
            continue; // shown beside what replaces it
        CheckLine line{fieldLabel(spec), {}, value(spec)};
        for (const FieldSpec &current : specs)
            if (replacedBy(current.key, spec.key))
                line.before = value(current);
        lines.push_back(std::move(line));
    }
    return lines;
}

} // namespace ibc::models
