#pragma once

#include "domain/Clock.h"
#include "domain/Command.h"
#include "domain/Lifecycle.h"
#include "domain/ModulusCheck.h"
#include "domain/Sla.h"
#include "domain/User.h"
#include "domain/WorkItem.h"
#include "protocol/Messages.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <vector>

namespace ibc::sync {

// A refusal the store reports to its caller with a code the wire carries ("not_found",
// "invalid_field", "username_taken") and a sentence for logs and third-party clients.
class StoreError : public std::runtime_error {
public:
    StoreError(QString code, const QString &message)
        : std::runtime_error(message.toStdString())
        , m_code(std::move(code))
    {
    }
    const QString &code() const { return m_code; }

private:
    QString m_code;
};

// The rule for usernames, kept here for every store: nullopt if `username` may be one, else the
// refusal addUser() would throw ("invalid_username"). Tools call it before they ask for a password.
std::optional<StoreError> usernameProblem(const QString &username);

// How long a session lasts from sign-in, unless `ibc-store serve --token-lifetime` says otherwise.
inline constexpr models::EpochSecs kDefaultSessionLifetime = 8 * 3600;

struct Reference {
    std::vector<models::User> assignable;        // team leaders only: who work may be assigned to
    std::shared_ptr<const models::SlaRules> sla; // the rules due times are set by, with handling times
    // VocaLink's tables an administrator imported, so that every desk checks bank details as the
    // store does; nullopt while the shipped ones are in force.
    std::optional<models::ModulusTables> modulus;
};

// The central store: the truth about every work item, and who may see and change it.
//
// Guarantees, for every implementation:
//  - thread safe: callers may use one store from many threads;
//  - a command is applied whole or not at all; an acknowledged (returned) command is durable;
//  - every applied change gets a sequence number, strictly increasing in commit order;
//  - a command id seen before returns the result it had, and changes nothing;
//  - every change is appended to the audit log with who made it and when;
//  - a user never learns that an item outside their scope exists: it is "not_found".
//
// Scope: caseworkers and auditors see the items of their partners; team leaders see the items of
// their partners and everyone's work there; intake systems only create items; admins only manage
// users. Only caseworkers and team leaders change items (the lifecycle decides which changes).
class Store {
public:
    virtual ~Store() = default;

    // Users. Passwords are hashed with Argon2id. Throws StoreError("username_taken",
    // "unknown_user", "weak_password", "invalid_partner") on bad input.
    virtual void addUser(const models::User &user, const QString &password) = 0;
    virtual void setPassword(const QString &username, const QString &password) = 0;
    virtual void disableUser(const QString &username) = 0;
    // Lets a caseworker check others' changes, or stops them; audited. Throws StoreError
    // ("unknown_user", "not_a_caseworker": team leaders always check, other roles never do).
    virtual void setChecker(const QString &username, bool checker) = 0;
    virtual std::vector<models::User> users() = 0;

    // Signs in. nullopt for any wrong username, password or disabled account, after the same
    // work in every case (no timing tells which part was wrong).
    virtual std::optional<Session> login(const QString &username, const QString &password) = 0;
    // The user behind a token; nullopt if it is unknown, expired or its user is disabled.
    virtual std::optional<models::User> authenticate(const QString &token) = 0;

    // Fills an empty store with the demo generator's items and the documented demo accounts
    // (see README: each has the password "demo-" + username). Throws if the store has items.
    virtual void seed(qint64 items, quint64 seed, models::EpochSecs anchor) = 0;

    // The items changed after `since` that `user` may see, oldest change first, at most `limit`.
    virtual ChangePage changes(const models::User &user, qint64 since, int limit) = 0;
    // How many items `user` may see changed after `since`: what a first sync has to come.
    virtual qint64 changeCount(const models::User &user, qint64 since) = 0;

    // Decides and applies a batch of commands, in order, as `user` (whose username must be each
    // command's actor). One outcome per command:
    //  - Applied: the lifecycle allows it on the item as it is now;
    //  - Conflict: the item changed since the version the user saw (baseVersion) and the command
    //    is no longer allowed, or is an edit of details someone else changed since;
    //  - Rejected: refused on the version the user saw, or the item is not in their scope.
    virtual std::vector<CommandOutcome> apply(const models::User &user, std::span<const models::Command> commands) = 0;

    // Creates an item from intake. Throws StoreError("invalid_fields") with problems filled if
    // any field is wrong; returns the new item.
    virtual ItemRecord intake(const models::User &user, const Intake &item, std::vector<FieldProblem> *problems) = 0;

    virtual std::optional<ItemRecord> item(const models::User &user, const QString &id) = 0;
    virtual Reference reference(const models::User &user) = 0;
    // The whole value of an item's personal data (models::isPersonalData: an account or NI number),
    // which the desk otherwise shows masked, for someone who may see the item and says why. Who,
    // when, what and why go in the audit log before the value is returned. Throws StoreError:
    // not_found (no such item for this user), invalid_fields (no reason; not personal data of the
    // item; no value).
    virtual QString revealPersonalData(const models::User &user, const QString &itemId, const QString &field,
                                       const QString &reason) = 0;

    // The audit log for an auditor, newest first: the rows `query` matches, at most its limit, with
    // `more` set when older ones match too. Rows about items of partners outside the auditor's are
    // left out; rows about no item (accounts, sessions, reference data) are not. Personal data in a
    // row's detail (a changed account or NI number) comes masked, as the desk shows it. The read is
    // itself audited ("audit.read", with the filters) before the rows are returned. Throws
    // StoreError("forbidden") for any role but auditor.
    virtual AuditPage auditLog(const models::User &user, const AuditQuery &query) = 0;

    // The service-level rules in force: calendars, pay calendars and policies, with the usual
    // handling times of the last kHandlingWindowDays.
    virtual std::shared_ptr<const models::SlaRules> slaRules() = 0;
    // Puts new rules in force (their handling times are ignored: the store measures those), and
    // sets the due time of every open item again under them. Returns how many items' due times
    // moved; each such item goes out in the change feed.
    virtual qint64 setSlaRules(const models::SlaRules &rules) = 0;

    // Newer VocaLink modulus tables, in force at once in this process, in a running ibc-store
    // within the hour (as the rules are), and at each desk's next sign-in. Throws
    // StoreError("invalid_tables") naming the file and line of a bad row; the tables in force stay.
    virtual void setModulusTables(const models::ModulusTables &tables) = 0;
    // The imported tables, or nullopt while the shipped ones are in force.
    virtual std::optional<models::ModulusTables> modulusTables() = 0;

    // The newest sequence number `user` may see a change at (for WebSocket pokes).
    virtual qint64 latestSeq(const models::User &user) = 0;

    // A consistent copy of the whole store, taken while it serves.
    virtual void backup(const QString &toPath) = 0;
};

// The embedded default: one SQLite file in WAL mode, synchronous=FULL so that every acknowledged
// command survives a crash or a power cut. `tokenLifetime` is how long a session lasts;
// `claimLease` how long a claim keeps an item for its caseworker (Lifecycle.h), offline or not.
std::unique_ptr<Store> openSqliteStore(const QString &path, const models::Clock &clock,
                                       models::EpochSecs tokenLifetime = kDefaultSessionLifetime,
                                       models::EpochSecs claimLease = models::kDefaultClaimLease);

} // namespace ibc::sync
