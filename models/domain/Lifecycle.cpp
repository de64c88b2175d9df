#include "domain/Lifecycle.h"

#include "domain/Fields.h"
#include "domain/FourEyes.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>

namespace ibc::models {

namespace {

using S = Status;
using C = CommandType;

// Who, besides a team leader where said, may issue a command.
enum class Who {
    Anyone,         // any caseworker or team leader who works for the partner
    Unassigned,     // anyone, on an item nobody holds (claim)
    Holder,         // only the person the item is assigned to
    HolderOrLeader, // the holder, or a team leader
    Leader,         // team leaders only
    Checker,        // a checker or a team leader, never the item's assignee (who made the change)
};

struct Rule {
    CommandType type;
    std::initializer_list<Status> from;
    Who who;
};

// The lifecycle, in one table. Where a status is allowed only for a team leader (resume from
// escalated, reopen from closed) the exception is in leaderOnlyFrom() below.
const Rule kRules[] = {
    {C::Claim, {S::New, S::Reopened, S::Assigned}, Who::Unassigned}, // Assigned: a lapsed claim
    {C::Release, {S::Assigned, S::InProgress, S::Reopened}, Who::HolderOrLeader},
    {C::Start, {S::Assigned, S::Reopened}, Who::Holder},
    {C::RequestInfo, {S::InProgress}, Who::Holder},
    {C::Resume, {S::AwaitingInfo, S::Escalated}, Who::HolderOrLeader},
    {C::Escalate, {S::Assigned, S::InProgress, S::AwaitingInfo}, Who::Holder},
    {C::Resolve, {S::InProgress}, Who::Holder},
    {C::Reopen, {S::Resolved, S::Closed}, Who::HolderOrLeader},
    {C::AddNote,
     {S::New, S::Assigned, S::InProgress, S::AwaitingInfo, S::Escalated, S::AwaitingCheck, S::Resolved, S::Reopened,
      S::Closed},
     Who::Anyone},
    {C::Reassign, {S::New, S::Assigned, S::InProgress, S::AwaitingInfo, S::Escalated, S::Reopened}, Who::Leader},
    {C::EditFields, {S::Assigned, S::InProgress, S::AwaitingInfo, S::Reopened}, Who::Holder},
    {C::Approve, {S::Resolved}, Who::Leader},
    {C::Reject, {S::Resolved}, Who::Leader},
    {C::PassCheck, {S::AwaitingCheck}, Who::Checker},
    {C::ReturnCheck, {S::AwaitingCheck}, Who::Checker},
    {C::MarkSensitive,
     {S::New, S::Assigned, S::InProgress, S::AwaitingInfo, S::Escalated, S::AwaitingCheck, S::Resolved, S::Reopened,
      S::Closed},
     Who::Anyone},
};

const Rule &ruleFor(CommandType type)
{
    for (const auto &r : kRules)
        if (r.type == type)
            return r;
    Q_UNREACHABLE();
}

bool leaderOnlyFrom(CommandType type, Status from)
{
    return (type == C::Resume && from == S::Escalated) || (type == C::Reopen && from == S::Closed);
}

Status targetStatus(CommandType type, Status from)
{
    switch (type) {
    case C::Claim: return from == S::Reopened ? S::Reopened : S::Assigned;
    case C::Release: return from == S::Reopened ? S::Reopened : S::New;
    case C::Start:
    case C::Resume:
    case C::Reject:
    case C::ReturnCheck: return S::InProgress;
    case C::RequestInfo: return S::AwaitingInfo;
    case C::Escalate: return S::Escalated;
    case C::Resolve: return S::Resolved; // or AwaitingCheck: decide() knows the outcome
    case C::PassCheck: return S::Closed; // or Resolved, where the policy wants approval
    case C::Reopen: return S::Reopened;
    case C::Reassign: return (from == S::AwaitingInfo || from == S::Reopened) ? from : S::Assigned;
    case C::Approve: return S::Closed;
    case C::AddNote:
    case C::EditFields:
    case C::MarkSensitive: return from;
    }
    return from;
}

Refusal refuse(RefusalCode code, QString detail = {}) { return Refusal{code, std::move(detail)}; }

QString reasonOf(const Command &c) { return c.payload.value(QLatin1String("reason")).toString().trimmed(); }

} // namespace

QString Refusal::codeName(RefusalCode code)
{
    static const char *const names[] = {"not_found",
                                        "read_only_role",
                                        "team_leader_only",
                                        "wrong_status",
                                        "assigned_to_someone_else",
                                        "already_yours",
                                        "not_assigned_to_you",
                                        "reason_required",
                                        "outcome_required",
                                        "unknown_outcome",
                                        "note_empty",
                                        "assignee_required",
                                        "unknown_assignee",
                                        "nothing_changed",
                                        "fields_required",
                                        "invalid_field",
                                        "claimed_by_someone_else",
                                        "account_fails_check",
                                        "maker_cannot_check",
                                        "checker_only"};
    return QLatin1String(names[int(code)]);
}

QString Refusal::message(CommandType type, Status status) const
{
    const QString action = commandLabel(type);
    switch (code) {
    case RefusalCode::NotVisible:
        return QCoreApplication::translate("ibc::models::Lifecycle",
                                           "This item is not in the work of the partners you handle.");
    case RefusalCode::ReadOnlyRole:
        return QCoreApplication::translate("ibc::models::Lifecycle",
                                           "Your role can read work items but not change them.");
    case RefusalCode::TeamLeaderOnly:
        return QCoreApplication::translate("ibc::models::Lifecycle", "Only a team leader can do this (%1).")
            .arg(action);
    case RefusalCode::WrongStatus:
        return QCoreApplication::translate("ibc::models::Lifecycle", "You can't do this (%1) while the item is %2.")
            .arg(action, statusLabel(status).toLower());
    case RefusalCode::AssignedToSomeoneElse:
        return QCoreApplication::translate("ibc::models::Lifecycle", "This item is already assigned to %1.")
            .arg(detail);
    case RefusalCode::AlreadyYours:
        return QCoreApplication::translate("ibc::models::Lifecycle", "This item is already assigned to you.");
    case RefusalCode::NotAssignedToYou:
        return detail.isEmpty()
                   ? QCoreApplication::translate("ibc::models::Lifecycle", "Claim this item before you work on it.")
                   : QCoreApplication::translate("ibc::models::Lifecycle",
                                                 "This item is assigned to %1. Only they can do this (%2).")
                         .arg(detail, action);
    case RefusalCode::ReasonRequired:
        return QCoreApplication::translate("ibc::models::Lifecycle", "Say why: a reason is needed to do this (%1).")
            .arg(action);
    case RefusalCode::OutcomeRequired:
        return QCoreApplication::translate("ibc::models::Lifecycle", "Choose an outcome before resolving the item.");
    case RefusalCode::UnknownOutcome:
        return QCoreApplication::translate("ibc::models::Lifecycle", "“%1” is not an outcome for this kind of item.")
            .arg(detail);
    case RefusalCode::NoteEmpty:
        return QCoreApplication::translate("ibc::models::Lifecycle",
                                           "The note is empty. Type the note before adding it.");
    case RefusalCode::AssigneeRequired:
        return QCoreApplication::translate("ibc::models::Lifecycle", "Choose who to assign the item to.");
    case RefusalCode::UnknownAssignee:
        return QCoreApplication::translate("ibc::models::Lifecycle", "%1 is not a caseworker who can work this item.")
            .arg(detail);
    case RefusalCode::NothingChanged:
        return QCoreApplication::translate("ibc::models::Lifecycle", "Nothing would change: %1.").arg(detail);
    case RefusalCode::FieldsRequired:
        return QCoreApplication::translate("ibc::models::Lifecycle", "No details were changed.");
    case RefusalCode::InvalidField: return detail;
    case RefusalCode::AccountFailsCheck:
        return QCoreApplication::translate("ibc::models::Lifecycle",
                                           "%1 This change cannot be resolved: send it back for the right details, "
                                           "or escalate it, with a note.")
            .arg(detail);
    case RefusalCode::MakerCannotCheck:
        return QCoreApplication::translate("ibc::models::Lifecycle",
                                           "You made this change, so someone else must check it.");
    case RefusalCode::CheckerOnly:
        return QCoreApplication::translate("ibc::models::Lifecycle",
                                           "Only a checker or a team leader can check a change.");
    case RefusalCode::ClaimedBySomeoneElse:
        return QCoreApplication::translate("ibc::models::Lifecycle",
                                           "%1 has claimed this item; the claim holds until %2.")
            .arg(detail, QDateTime::fromSecsSinceEpoch(until).toLocalTime().toString(QStringLiteral("HH:mm, d MMM")));
    }
    return {};
}

namespace lifecycle {

bool allowedFrom(CommandType type, Status from)
{
    const Rule &rule = ruleFor(type);
    return std::find(rule.from.begin(), rule.from.end(), from) != rule.from.end();
}

std::optional<Refusal> check(CommandType type, const WorkItem &item, const User &user, EpochSecs now)
{
    if (!user.worksFor(item.partner) || !item.visibleTo(user.username, user.role == Role::TeamLeader))
        return refuse(RefusalCode::NotVisible);
    if (!user.canChangeItems())
        return refuse(RefusalCode::ReadOnlyRole);

    const Rule &rule = ruleFor(type);
    const bool leader = user.role == Role::TeamLeader;
    if ((rule.who == Who::Leader || leaderOnlyFrom(type, item.status)) && !leader)
        return refuse(RefusalCode::TeamLeaderOnly);
    if (!allowedFrom(type, item.status))
        return refuse(RefusalCode::WrongStatus);

    const bool mine = item.assignee == user.username;
    switch (rule.who) {
    case Who::Unassigned:
        if (mine)
            return refuse(RefusalCode::AlreadyYours);
        if (!item.assignee.isEmpty()) {
            // A claim nobody has started goes back to the pool when its lease runs out.
            const bool claimed = item.status == S::Assigned && item.leaseUntil > 0;
            if (!claimed)
                return refuse(RefusalCode::AssignedToSomeoneElse, item.assignee);
            if (now <= 0 || now < item.leaseUntil)
                return Refusal{RefusalCode::ClaimedBySomeoneElse, item.assignee, item.leaseUntil};
        }
        break;
    case Who::Holder:
        if (!mine)
            return refuse(RefusalCode::NotAssignedToYou, item.assignee);
        break;
    case Who::HolderOrLeader:
        if (!mine && !leader)
            return refuse(RefusalCode::NotAssignedToYou, item.assignee);
        break;
    case Who::Checker:
        if (mine)
            return refuse(RefusalCode::MakerCannotCheck);
        if (!user.mayCheck())
            return refuse(RefusalCode::CheckerOnly);
        break;
    case Who::Anyone:
    case Who::Leader: break;
    }
    // Pay must never go to an account that cannot exist, so such a change is never resolved, nor
    // passed by a checker if newer tables have found it out since.
    if (type == CommandType::Resolve || type == CommandType::PassCheck)
        if (const auto bank = bankDetailsCheck(item); bank && !bank->acceptable())
            return refuse(RefusalCode::AccountFailsCheck, bank->message);
    return std::nullopt;
}

namespace {

// An edit's changes, checked against the fields of the item's kind and subtype, into `e`: those
// that differ from the item's, and the history line naming them. A refusal if there are none, or
// one is not a field or not valid.
std::optional<Refusal> editFields(const Command &c, const WorkItem &item, Effect &e)
{
    const QJsonObject changes = c.payload.value(QLatin1String("fields")).toObject();
    if (changes.isEmpty())
        return refuse(RefusalCode::FieldsRequired);
    const auto specs = fieldSpecs(item.kind, item.subtype);
    QStringList changed;
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        auto spec = std::find_if(specs.begin(), specs.end(),
                                 [&](const FieldSpec &s) { return it.key() == QLatin1String(s.key); });
        if (spec == specs.end())
            return refuse(
                RefusalCode::InvalidField,
                QCoreApplication::translate("ibc::models::Lifecycle", "“%1” is not a detail of this kind of item.")
                    .arg(it.key()));
        if (QString problem = validateField(*spec, it.value()); !problem.isEmpty())
            return refuse(RefusalCode::InvalidField, problem);
        if (item.fields.value(it.key()) != it.value()) {
            e.fieldChanges.insert(it.key(), it.value());
            changed << fieldLabel(*spec);
        }
    }
    if (e.fieldChanges.isEmpty())
        return refuse(RefusalCode::NothingChanged,
                      QCoreApplication::translate("ibc::models::Lifecycle", "the details are as they were"));
    e.event.detail = changed.join(QStringLiteral(", "));
    return std::nullopt;
}

} // namespace

Decision decide(const Command &c, const WorkItem &item, const User &user, const SlaPolicy &policy, EpochSecs claimLease)
{
    Decision d;
    if (auto r = check(c.type, item, user, c.at)) {
        d.refusal = r;
        return d;
    }

    Effect &e = d.effect;
    e.to = targetStatus(c.type, item.status);
    e.assignee = item.assignee;
    e.leaseUntil = item.leaseUntil;
    e.event = Event{item.id, c.at, c.actor, commandName(c.type), item.status, e.to, {}};

    switch (c.type) {
    case C::Claim:
        if (!item.assignee.isEmpty())
            e.event.detail =
                QCoreApplication::translate("ibc::models::Lifecycle", "taken over from %1: the claim had lapsed")
                    .arg(item.assignee);
        e.assignee = user.username;
        e.leaseUntil = c.at + claimLease;
        break;
    case C::Release:
        e.assignee.clear();
        e.leaseUntil = 0;
        break;
    case C::MarkSensitive: {
        if (reasonOf(c).isEmpty()) {
            d.refusal = refuse(RefusalCode::ReasonRequired);
            return d;
        }
        QStringList named;
        for (const QJsonValue &v : c.payload.value(QLatin1String("named")).toArray())
            if (const QString u = v.toString().trimmed(); !u.isEmpty() && !named.contains(u))
                named << u;
        // Whoever marks it keeps sight of it.
        if (user.role != Role::TeamLeader && user.username != item.assignee && !named.contains(user.username))
            named << user.username;
        if (reasonOf(c) == item.sensitive && named == item.named) {
            d.refusal = refuse(RefusalCode::NothingChanged,
                               QCoreApplication::translate("ibc::models::Lifecycle", "it is already marked so"));
            return d;
        }
        e.sensitive = std::pair(reasonOf(c), named);
        e.event.detail = reasonOf(c);
        break;
    }
    case C::RequestInfo:
    case C::Escalate:
    case C::Reopen:
    case C::Reject:
    case C::ReturnCheck:
        if (reasonOf(c).isEmpty()) {
            d.refusal = refuse(RefusalCode::ReasonRequired);
            return d;
        }
        e.event.detail = reasonOf(c);
        break;
    case C::Resolve: {
        const QString outcome = c.payload.value(QLatin1String("outcome")).toString();
        if (outcome.isEmpty()) {
            d.refusal = refuse(RefusalCode::OutcomeRequired);
            return d;
        }
        if (!isOutcome(item.kind, outcome)) {
            d.refusal = refuse(RefusalCode::UnknownOutcome, outcome);
            return d;
        }
        e.event.detail = outcome;
        if (needsCheck(item, outcome, policy))
            e.to = e.event.to = S::AwaitingCheck;
        const QString note = c.payload.value(QLatin1String("note")).toString().trimmed();
        if (!note.isEmpty())
            e.note = Note{item.id, c.at, c.actor, note};
        break;
    }
    case C::AddNote: {
        const QString text = c.payload.value(QLatin1String("text")).toString().trimmed();
        if (text.isEmpty()) {
            d.refusal = refuse(RefusalCode::NoteEmpty);
            return d;
        }
        e.note = Note{item.id, c.at, c.actor, text};
        break;
    }
    case C::Reassign: {
        const QString to = c.payload.value(QLatin1String("assignee")).toString().trimmed();
        if (to.isEmpty()) {
            d.refusal = refuse(RefusalCode::AssigneeRequired);
            return d;
        }
        if (to == item.assignee) {
            d.refusal = refuse(
                RefusalCode::NothingChanged,
                QCoreApplication::translate("ibc::models::Lifecycle", "the item is already assigned to %1").arg(to));
            return d;
        }
        e.assignee = to;
        e.leaseUntil = 0; // a team leader's assignment stands until changed
        e.event.detail = to;
        break;
    }
    case C::EditFields: d.refusal = editFields(c, item, e); break;
    case C::PassCheck:
        if (policy.approveChecked)
            e.to = e.event.to = S::Resolved;
        break;
    case C::Start:
    case C::Resume:
    case C::Approve: break;
    }
    return d;
}

void apply(WorkItem &item, const Effect &effect, EpochSecs at)
{
    item.status = effect.to;
    item.assignee = effect.assignee;
    item.leaseUntil = effect.leaseUntil;
    for (auto it = effect.fieldChanges.begin(); it != effect.fieldChanges.end(); ++it)
        item.fields.insert(it.key(), it.value());
    if (effect.sensitive) {
        item.sensitive = effect.sensitive->first;
        item.named = effect.sensitive->second;
    }
    item.updated = at;
}

} // namespace lifecycle
} // namespace ibc::models
