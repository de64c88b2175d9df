#include "domain/Command.h"

#include <QCoreApplication>
#include <QUuid>

namespace ibc::models {

namespace {
constexpr const char *kCommandNames[] = {
    "claim",    "release",  "start",       "request_info", "resume", "escalate",   "resolve",      "reopen",
    "add_note", "reassign", "edit_fields", "approve",      "reject", "pass_check", "return_check", "mark_sensitive"};
static_assert(std::size(kCommandNames) == std::size(kAllCommandTypes));
} // namespace

QString commandName(CommandType t) { return QLatin1String(kCommandNames[int(t)]); }

std::optional<CommandType> commandFromName(QStringView name)
{
    for (int i = 0; i < int(std::size(kCommandNames)); ++i)
        if (name == QLatin1String(kCommandNames[i]))
            return CommandType(i);
    return std::nullopt;
}

QString commandLabel(CommandType t)
{
    static const char *const labels[] = {
        QT_TRANSLATE_NOOP("ibc::models::Command", "Claim"),
        QT_TRANSLATE_NOOP("ibc::models::Command", "Release"),
        QT_TRANSLATE_NOOP("ibc::models::Command", "Start work"),
        QT_TRANSLATE_NOOP("ibc::models::Command", "Request information"),
        QT_TRANSLATE_NOOP("ibc::models::Command", "Resume"),
        QT_TRANSLATE_NOOP("ibc::models::Command", "Escalate"),
        QT_TRANSLATE_NOOP("ibc::models::Command", "Resolve"),
        QT_TRANSLATE_NOOP("ibc::models::Command", "Reopen"),
        QT_TRANSLATE_NOOP("ibc::models::Command", "Add note"),
        QT_TRANSLATE_NOOP("ibc::models::Command", "Reassign"),
        QT_TRANSLATE_NOOP("ibc::models::Command", "Edit details"),
        QT_TRANSLATE_NOOP("ibc::models::Command", "Approve"),
        QT_TRANSLATE_NOOP("ibc::models::Command", "Send back"),
        QT_TRANSLATE_NOOP("ibc::models::Command", "Pass check"),
        QT_TRANSLATE_NOOP("ibc::models::Command", "Return to maker"),
        QT_TRANSLATE_NOOP("ibc::models::Command", "Mark sensitive"),
    };
    return QCoreApplication::translate("ibc::models::Command", labels[int(t)]);
}

Command Command::make(CommandType type, const QString &itemId, qint64 baseVersion, const QString &actor, EpochSecs at,
                      QJsonObject payload)
{
    return Command{
        QUuid::createUuid().toString(QUuid::WithoutBraces), itemId, type, baseVersion, actor, at, std::move(payload)};
}

} // namespace ibc::models
