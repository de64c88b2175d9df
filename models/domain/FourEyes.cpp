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

} // namespace ibc::models
