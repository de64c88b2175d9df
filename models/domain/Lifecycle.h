#pragma once

#include "domain/Command.h"
#include "domain/Sla.h"
#include "domain/User.h"
#include "domain/WorkItem.h"

#include <optional>

namespace ibc::models {

enum class RefusalCode {
    NotVisible,   // outside the user's partners, or sensitive and not theirs (the store answers 404: the item
                  // "does not exist")
    ReadOnlyRole, // auditors, intake and admins never change work
    TeamLeaderOnly,
    WrongStatus,
    AssignedToSomeoneElse, // claim of an item someone else holds
    AlreadyYours,          // claim of an item already held by this user
    NotAssignedToYou,      // work on an item held by someone else, or by no one
    ReasonRequired,
    OutcomeRequired,
    UnknownOutcome,
    NoteEmpty,
    AssigneeRequired,
    UnknownAssignee, // decided by whoever knows the users (cache or store), not here
    NothingChanged,
    FieldsRequired,
    InvalidField,
    ClaimedBySomeoneElse, // claim of an item someone else claimed, whose lease has not run out
    AccountFailsCheck,    // resolve of a bank-details change whose account fails the modulus check
    MakerCannotCheck,     // a check of a change by the person who made it (FourEyes.h)
    CheckerOnly,          // a check by someone who is neither a checker nor a team leader
};

// How long a claim holds an item for its caseworker by default (ibc-store can be told otherwise).
inline constexpr EpochSecs kDefaultClaimLease = 4 * 3600;

// Why a command was refused, as the code the store sends and the sentence the desk shows.
struct Refusal {
    RefusalCode code;
    QString detail;      // what the sentence needs: the holder's name, the bad field's complaint
    EpochSecs until = 0; // ClaimedBySomeoneElse: when the claim's lease runs out
    QString message(CommandType type, Status status) const;
    static QString codeName(RefusalCode code); // "wrong_status"
};

// What an allowed command does to the item.
struct Effect {
    Status to = Status::New;
    QString assignee;
    EpochSecs leaseUntil = 0;
    QJsonObject fieldChanges;
    std::optional<Note> note;
    std::optional<std::pair<QString, QStringList>> sensitive; // marked: the reason and who is named
    Event event;
};

struct Decision {
    std::optional<Refusal> refusal;
    Effect effect;
    bool allowed() const { return !refusal; }
};

// The status lifecycle and who may do what: the one place these rules live. Pure functions of
// their arguments, shared by the desk (to refuse early and apply at once) and the store (to decide).
namespace lifecycle {

// Whether this kind of command is ever allowed from this status, whoever issues it (a reassignment
// is not, while a change awaits its check: its maker must stay on it).
bool allowedFrom(CommandType type, Status from);

// May this user issue this kind of command on this item at `now`? Ignores the payload: for
// enabling actions before the user has typed a reason. A claim whose lease has run out can be
// taken over only when `now` is given.
std::optional<Refusal> check(CommandType type, const WorkItem &item, const User &user, EpochSecs now = 0);

// The whole decision, payload included, at the command's time, under the policy for the item's
// partner, kind and subtype (which changes need a check, and whether a passed check still waits
// for a team leader's approval). A claim holds the item for `claimLease` seconds.
Decision decide(const Command &command, const WorkItem &item, const User &user, const SlaPolicy &policy,
                EpochSecs claimLease = kDefaultClaimLease);

// Makes an allowed effect real on the item. Does not touch the version: the store owns it.
void apply(WorkItem &item, const Effect &effect, EpochSecs at);

} // namespace lifecycle
} // namespace ibc::models
