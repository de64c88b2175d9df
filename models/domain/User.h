#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace ibc::models {

struct WorkItem;

enum class Role : int { Caseworker = 0, TeamLeader = 1, Auditor = 2, Intake = 3, Admin = 4 };

QString roleName(Role r); // "team_leader"
std::optional<Role> roleFromName(QStringView name);
QString roleLabel(Role r); // "Team leader", translated

// Someone who acts on work items: the desk's signed-in user, or the author of a command.
struct User {
    QString username;
    QString displayName;
    Role role = Role::Caseworker;
    QStringList partners; // partner codes this user works for
    bool checker = false; // a caseworker who may check others' changes (team leaders always may)

    bool worksFor(const QString &partner) const { return partners.contains(partner); }
    // Caseworkers, team leaders and auditors read their partners' work; intake and admin accounts
    // only send it in or manage accounts.
    bool readsItems() const { return role == Role::Caseworker || role == Role::TeamLeader || role == Role::Auditor; }
    bool canChangeItems() const { return role == Role::Caseworker || role == Role::TeamLeader; }
    // Who may be given (assigned) work for `partner`.
    bool canBeGivenWorkFor(const QString &partner) const { return canChangeItems() && worksFor(partner); }
    // Who may give a change the second person's check it needs (never its maker: see Lifecycle).
    bool mayCheck() const { return role == Role::TeamLeader || (role == Role::Caseworker && checker); }
    // Whether this user may see this item at all: one of their partners', and, if it is
    // sensitive, theirs, named on it, or they are a team leader (an auditor only when named).
    bool sees(const WorkItem &item) const;
};

} // namespace ibc::models
