#pragma once

#include "domain/Sla.h"
#include "domain/WorkItem.h"

#include <vector>

namespace ibc::models {

// Maker-checker: the changes that take effect only once a second person has checked them.
//
// The maker's resolve of such a change puts the item in Status::AwaitingCheck, still assigned to
// the maker. Someone who User::mayCheck() and is not the maker then passes the check (the item is
// closed, or resolved for a team leader's approval where the partner's policy asks for that) or
// returns it to the maker with a reason. Lifecycle enforces this, in the desk and in the store.

// Why resolving `item` with `outcome` needs a second person's check, as a sentence (translated);
// empty when it needs none:
//  - HR changes that are processed: bank details, leavers (and so every bereavement), hours;
//  - payroll exceptions resolved by an overpayment recovery or an off-cycle payment;
//  - invoices approved for payment whose gross is above the policy's approval threshold.
QString checkReason(const WorkItem &item, const QString &outcome, const SlaPolicy &policy);
inline bool needsCheck(const WorkItem &item, const QString &outcome, const SlaPolicy &policy)
{
    return !checkReason(item, outcome, policy).isEmpty();
}

// One line of the change as its checker reads it: a detail as it was, where the item says (the
// current hours, the account pay goes to now), and as the change makes it. Personal data masked.
struct CheckLine {
    QString label;
    QString before; // empty where the item does not say
    QString after;
};
// Every detail of the item, each "current_…" detail set beside the one it is replaced by.
std::vector<CheckLine> checkComparison(const WorkItem &item);

} // namespace ibc::models
