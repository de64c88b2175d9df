#pragma once

#include "domain/Command.h"
#include "protocol/Messages.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>
#include <vector>

// The wire protocol: how items, commands, outcomes and errors look as JSON, for ibc-store and for
// the desk's sync engine alike. Qt Core only; no network, no event loop.
//
// Every parse function returns nullopt and fills `error` (if given) when its input is wrong, with
// an error code the client can act on and, where fields are to blame, one entry per bad or
// missing field naming what is wrong with it. Nothing here throws.
//
// Times are RFC 3339 with the UTC offset ("2026-03-02T09:30:00+00:00"); parsing accepts any
// offset ("Z", "+01:00") and refuses a time without one.
namespace ibc::sync::wire {

// A refusal of a whole request: {"error": code, "message": text, "fields": {name: problem}}.
struct Error {
    QString code;
    QString message;
    QJsonObject fields; // field name (as in the request, e.g. "commands[2].type") → what is wrong

    QJsonObject toJson() const;
};

// The error codes the protocol uses for whole requests (commands have their own, in outcomes).
namespace code {
inline const QString MalformedJson = QStringLiteral("malformed_json");
inline const QString InvalidUtf8 = QStringLiteral("invalid_utf8");
inline const QString InvalidRequest = QStringLiteral("invalid_request");
inline const QString UnknownCommandType = QStringLiteral("unknown_command_type");
inline const QString TooManyCommands = QStringLiteral("too_many_commands");
inline const QString InvalidFields = QStringLiteral("invalid_fields");
inline const QString InvalidParameter = QStringLiteral("invalid_parameter");
} // namespace code

// Times
QString formatTime(models::EpochSecs t);
std::optional<models::EpochSecs> parseTime(const QString &text);

// The body of a request or response: a JSON object in UTF-8. Tells invalid UTF-8 apart from
// other malformed JSON.
std::optional<QJsonObject> parseObject(const QByteArray &body, Error *error = nullptr);
QByteArray serialize(const QJsonObject &object);

// Items, as the feed, GET /v1/items/{id} and conflicts carry them.
QJsonObject itemToJson(const models::WorkItem &item);
QJsonObject noteToJson(const models::Note &note);
QJsonObject eventToJson(const models::Event &event);
QJsonObject recordToJson(const ItemRecord &record); // the item, its "seq", "notes" and "events"
QJsonObject pageToJson(const ChangePage &page);     // {"items", "next_seq", "more"}

// The same JSON as pageToJson() and recordToJson(), written straight to UTF-8 bytes without
// building QJsonObjects first: several times faster, for the feed's large pages.
QByteArray serializePage(const ChangePage &page);
void appendRecord(QByteArray &out, const ItemRecord &record);
// `,"forget":[ids]` for a page that has any (nothing otherwise).
void appendForget(QByteArray &out, const std::vector<QString> &ids);

std::optional<models::WorkItem> itemFromJson(const QJsonObject &json, Error *error = nullptr);
std::optional<ItemRecord> recordFromJson(const QJsonObject &json, Error *error = nullptr);
std::optional<ChangePage> pageFromJson(const QJsonObject &json, Error *error = nullptr);

// Commands. The actor and time are not on the wire: the server takes them from the signed-in
// user and its own clock. `at`, if sent, is the time the user acted (informational).
QJsonObject commandToJson(const models::Command &command);
std::optional<models::Command> commandFromJson(const QJsonValue &json, Error *error = nullptr);
QJsonObject commandBatchToJson(const std::vector<models::Command> &commands);
// {"commands": [...]}: at most `maxCommands`. Names each bad field of each bad command.
std::optional<std::vector<models::Command>> commandBatchFromJson(const QJsonObject &json, int maxCommands,
                                                                 Error *error = nullptr);

// Outcomes: {"id", "outcome": "applied"|"rejected"|"conflict", "version", "seq", "code", "reason", "item"}.
QString outcomeName(CommandOutcome::Kind kind);
QJsonObject outcomeToJson(const CommandOutcome &outcome);
QJsonObject outcomesToJson(const std::vector<CommandOutcome> &outcomes); // {"results": [...]}
std::optional<CommandOutcome> outcomeFromJson(const QJsonObject &json, Error *error = nullptr);
std::optional<std::vector<CommandOutcome>> outcomesFromJson(const QJsonObject &json, Error *error = nullptr);

// Sessions: {"username", "password"} in; {"token", "expires_at", "user"} out.
struct Credentials {
    QString username;
    QString password;
};
std::optional<Credentials> credentialsFromJson(const QJsonObject &json, Error *error = nullptr);
QJsonObject sessionToJson(const Session &session);
QJsonObject userToJson(const models::User &user);
std::optional<Session> sessionFromJson(const QJsonObject &json, Error *error = nullptr);
std::optional<models::User> userFromJson(const QJsonObject &json, Error *error = nullptr);

// Intake: {"kind", "subtype", "partner", "received_at", "fields"}. Checks the envelope and the
// kind's own fields (required, types, formats, no unknown keys) and names every problem;
// problems in the kind's fields are named "fields.<key>". A missing received_at is `now`.
std::optional<Intake> intakeFromJson(const QJsonObject &json, models::EpochSecs now, Error *error = nullptr);
QJsonObject intakeToJson(const Intake &intake);

// The audit log. A search travels as GET /v1/audit's query string: from and to (RFC 3339), actor,
// action, item, limit and before, each optional. Parsing names each bad parameter (a time without
// its offset, a limit out of range, a parameter the API does not know) with InvalidParameter.
QString auditQueryString(const AuditQuery &query); // "from=…&action=personal_data", percent-encoded
std::optional<AuditQuery> auditQueryFromString(const QString &query, Error *error = nullptr);
QJsonObject auditQueryToJson(const AuditQuery &query); // the filters set, as the audit.read row records them
QJsonObject auditRowToJson(const AuditRow &row);
QJsonObject auditPageToJson(const AuditPage &page); // {"rows": [...], "more"}
std::optional<AuditPage> auditPageFromJson(const QJsonObject &json, Error *error = nullptr);

// WebSocket messages from the server.
QJsonObject pokeJson(qint64 seq); // {"type": "poke", "seq": N}

} // namespace ibc::sync::wire
