// The embedded store: users, passwords and sessions.
#include "store/SqliteStoreParts.h"

#include "domain/Partner.h"
#include "store/Passwords.h"

#include <QRegularExpression>
#include <QUuid>

namespace ibc::sync::sqlitestore {

namespace {

Account requireAccount(Connection &c, const QString &username)
{
    std::optional<Account> account = findAccount(c, username);
    if (!account)
        throw StoreError(u"unknown_user"_s, QStringLiteral("There is no user called %1.").arg(username));
    return std::move(*account);
}

// Signs `username` out everywhere: their next call is refused, and the desk asks them to sign in.
void endSessions(Connection &c, const QString &username)
{
    Query q = c.query("DELETE FROM sessions WHERE username = ?");
    q->bind(1, username);
    q->run();
}

} // namespace

void SqliteStore::addUser(const User &user, const QString &password)
{
    if (auto problem = usernameProblem(user.username))
        throw *problem;
    if (int(user.role) < int(models::Role::Caseworker) || int(user.role) > int(models::Role::Admin))
        throw StoreError(u"invalid_role"_s,
                         u"The role is not one of caseworker, team_leader, auditor, intake, admin."_s);
    for (const QString &p : user.partners)
        if (!isPartnerCode(p))
            throw StoreError(u"invalid_partner"_s, QStringLiteral("%1 is not a partner code (one of: %2).")
                                                       .arg(p, partnerCodes().join(QStringLiteral(", "))));
    checkPassword(user.username, password);
    const QByteArray hash = passwords::hash(password); // slow on purpose: outside the lock

    std::lock_guard lock(m_writeMutex);
    Connection &c = *m_writer;
    Transaction tx(c.db());
    if (findAccount(c, user.username))
        throw StoreError(u"username_taken"_s, QStringLiteral("There is already a user called %1.").arg(user.username));
    QStringList partnerList = user.partners;
    partnerList.removeDuplicates();
    {
        Query q = c.query("INSERT INTO users(username, display_name, role, partners, password_hash, disabled, "
                          "checker) VALUES(?,?,?,?,?,0,?)");
        q->bind(1, user.username).bind(2, user.displayName.isEmpty() ? user.username : user.displayName);
        q->bind(3, int(user.role)).bind(4, partnerList.join(QLatin1Char(','))).bind(5, view(hash));
        q->bind(6, int(user.checker));
        q->run();
    }
    audit(c, m_clock.now(), u"system"_s, "user.added", {}, {},
          QJsonObject{{u"username"_s, user.username},
                      {u"role"_s, roleName(user.role)},
                      {u"partners"_s, partnerList.join(QLatin1Char(','))},
                      {u"checker"_s, user.checker}});
    tx.commit();
}

void SqliteStore::setChecker(const QString &username, bool checker)
{
    std::lock_guard lock(m_writeMutex);
    Connection &c = *m_writer;
    Transaction tx(c.db());
    const Account account = requireAccount(c, username);
    if (account.user.role != models::Role::Caseworker)
        throw StoreError(u"not_a_caseworker"_s,
                         QStringLiteral("%1 is a %2: only caseworkers are made checkers (team leaders always check).")
                             .arg(username, roleName(account.user.role)));
    {
        Query q = c.query("UPDATE users SET checker = ? WHERE username = ?");
        q->bind(1, int(checker)).bind(2, username);
        q->run();
    }
    audit(c, m_clock.now(), u"system"_s, checker ? "user.checker_granted" : "user.checker_removed", {}, {},
          QJsonObject{{u"username"_s, username}});
    tx.commit();
}

void SqliteStore::setPassword(const QString &username, const QString &password)
{
    checkPassword(username, password);
    const QByteArray hash = passwords::hash(password);
    std::lock_guard lock(m_writeMutex);
    Connection &c = *m_writer;
    Transaction tx(c.db());
    requireAccount(c, username);
    {
        Query q = c.query("UPDATE users SET password_hash = ? WHERE username = ?");
        q->bind(1, view(hash)).bind(2, username);
        q->run();
    }
    endSessions(c, username); // every session made with the old password
    audit(c, m_clock.now(), u"system"_s, "user.password_set", {}, {}, QJsonObject{{u"username"_s, username}});
    tx.commit();
}

void SqliteStore::disableUser(const QString &username)
{
    std::lock_guard lock(m_writeMutex);
    Connection &c = *m_writer;
    Transaction tx(c.db());
    requireAccount(c, username);
    {
        Query q = c.query("UPDATE users SET disabled = 1 WHERE username = ?");
        q->bind(1, username);
        q->run();
    }
    endSessions(c, username);
    audit(c, m_clock.now(), u"system"_s, "user.disabled", {}, {}, QJsonObject{{u"username"_s, username}});
    tx.commit();
}

std::vector<User> SqliteStore::users()
{
    return read([](Connection &c) {
        std::vector<User> out;
        Query q = c.query("SELECT username, display_name, role, partners, checker FROM users ORDER BY username");
        while (q->step())
            out.push_back(
                User{q->text(0), q->text(1), models::Role(q->int64(2)), splitPartners(q->text(3)), q->int64(4) != 0});
        return out;
    });
}

// ---- Sessions

std::optional<Session> SqliteStore::login(const QString &username, const QString &password)
{
    const std::optional<Account> account = read([&](Connection &c) { return findAccount(c, username); });
    // The same Argon2id work whether the user is unknown, disabled, has no password or typed the
    // wrong one: verify() checks an unusable hash against a dummy of the same cost.
    const bool match = passwords::verify(account ? account->passwordHash : QByteArray(), password);
    const bool ok = match && account && !account->disabled;

    const EpochSecs now = m_clock.now();
    std::optional<Session> session;
    std::lock_guard lock(m_writeMutex);
    Connection &c = *m_writer;
    Transaction tx(c.db());
    if (ok) {
        session = Session{passwords::newToken(), now + m_tokenLifetime, account->user};
        {
            Query q = c.query("INSERT INTO sessions(token_hash, username, created, expires) VALUES(?,?,?,?)");
            const QByteArray hash = passwords::tokenHash(session->token);
            q->bind(1, view(hash)).bind(2, account->user.username).bind(3, now).bind(4, session->expires);
            q->run();
        }
        {
            Query q = c.query("DELETE FROM sessions WHERE expires <= ?");
            q->bind(1, now);
            q->run();
        }
        audit(c, now, account->user.username, "session.created", {}, {}, QJsonObject{{u"expires"_s, session->expires}});
    } else {
        // Only a known username is written down: a password typed into the username box must
        // not end up in an append-only log.
        audit(c, now, account ? account->user.username : u"(unknown)"_s, "session.refused", {}, {},
              QJsonObject{{u"known_user"_s, bool(account)}});
    }
    tx.commit();
    return session;
}

std::optional<User> SqliteStore::authenticate(const QString &token)
{
    if (token.isEmpty() || token.size() > 256)
        return std::nullopt;
    const QByteArray hash = passwords::tokenHash(token);
    const EpochSecs now = m_clock.now();
    return read([&](Connection &c) -> std::optional<User> {
        Query q = c.query("SELECT s.expires, u.username, u.display_name, u.role, u.partners, u.disabled, u.checker "
                          "FROM sessions s JOIN users u ON u.username = s.username WHERE s.token_hash = ?");
        q->bind(1, view(hash));
        if (!q->step() || q->int64(0) <= now || q->int64(5) != 0)
            return std::nullopt;
        return User{q->text(1), q->text(2), models::Role(q->int64(3)), splitPartners(q->text(4)), q->int64(6) != 0};
    });
}

} // namespace ibc::sync::sqlitestore
