#include "domain/User.h"

#include "domain/WorkItem.h"

#include <QCoreApplication>

namespace ibc::models {

namespace {
constexpr const char *kRoleNames[] = {"caseworker", "team_leader", "auditor", "intake", "admin"};
}

QString roleName(Role r) { return QLatin1String(kRoleNames[int(r)]); }

std::optional<Role> roleFromName(QStringView name)
{
    for (int i = 0; i < int(std::size(kRoleNames)); ++i)
        if (name == QLatin1String(kRoleNames[i]))
            return Role(i);
    return std::nullopt;
}

QString roleLabel(Role r)
{
    static const char *const labels[] = {
        QT_TRANSLATE_NOOP("ibc::models::User", "Caseworker"), QT_TRANSLATE_NOOP("ibc::models::User", "Team leader"),
        QT_TRANSLATE_NOOP("ibc::models::User", "Auditor"), QT_TRANSLATE_NOOP("ibc::models::User", "Intake system"),
        QT_TRANSLATE_NOOP("ibc::models::User", "Administrator")};
    return QCoreApplication::translate("ibc::models::User", labels[int(r)]);
}

bool User::sees(const WorkItem &item) const
{
    return readsItems() && worksFor(item.partner) && item.visibleTo(username, role == Role::TeamLeader);
}

} // namespace ibc::models
