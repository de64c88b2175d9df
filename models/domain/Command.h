#pragma once

#include "domain/Clock.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace ibc::models {

// The numeric values are stored in outboxes: append, never renumber.
enum class CommandType : int {
    Claim = 0,
    Release = 1,
    Start = 2,
    RequestInfo = 3,
    Resume = 4,
    Escalate = 5,
    Resolve = 6,
    Reopen = 7,
    AddNote = 8,
    Reassign = 9,
    EditFields = 10,
    Approve = 11,
    Reject = 12,
    PassCheck = 13,     // a second person's check of a change that needs one (FourEyes.h)
    ReturnCheck = 14,   // the checker sends the change back to its maker, with a reason
    MarkSensitive = 15, // only its assignee, team leaders and the people named see it from now on
};
inline constexpr CommandType kAllCommandTypes[] = {
    CommandType::Claim,   CommandType::Release,   CommandType::Start,       CommandType::RequestInfo,
    CommandType::Resume,  CommandType::Escalate,  CommandType::Resolve,     CommandType::Reopen,
    CommandType::AddNote, CommandType::Reassign,  CommandType::EditFields,  CommandType::Approve,
    CommandType::Reject,  CommandType::PassCheck, CommandType::ReturnCheck, CommandType::MarkSensitive};

QString commandName(CommandType t); // "request_info"
std::optional<CommandType> commandFromName(QStringView name);
QString commandLabel(CommandType t); // "Request information", translated

// A request to change one work item. The only way anything changes.
//
// Payload keys by type:
//   request_info, escalate, reopen, reject, return_check: "reason" (text, required)
//   resolve: "outcome" (required, one of the kind's outcomes), "note" (optional)
//   add_note: "text" (required)
//   reassign: "assignee" (username, required)
//   edit_fields: "fields" (object of field key → new value, required)
//   mark_sensitive: "reason" (text, required), "named" (usernames who may see it besides its
//   assignee and team leaders; optional)
struct Command {
    QString id; // client-made UUID; a retry carries the same id and is never applied twice
    QString itemId;
    CommandType type = CommandType::Claim;
    qint64 baseVersion = 0; // the item's version the user saw
    QString actor;          // username
    EpochSecs at = 0;
    QJsonObject payload;

    static Command make(CommandType type, const QString &itemId, qint64 baseVersion, const QString &actor, EpochSecs at,
                        QJsonObject payload = {});
};

} // namespace ibc::models
