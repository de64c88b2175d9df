// The SQLite store on its own, without the server: sign-in and tokens, the seeded demo store and
// its change feed for each role and scope, the command outcome policy (applied, rejected,
// conflict), idempotent retries, partial batches, intake validation, the append-only audit log,
// backups and files that are not ours. Every store here is a real file in a temporary folder.
#include "store/Passwords.h"
#include "store/Store.h"

#include "domain/DemoGenerator.h"
#include "domain/Fields.h"
#include "domain/Partner.h"
#include "domain/Sla.h"
#include "sqlite/Sqlite.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <map>
#include <thread>

#include <csignal>
#include <set>
#include <sys/wait.h>
#include <unistd.h>

using namespace ibc::models;
using namespace ibc::sync;

Q_DECLARE_METATYPE(ibc::models::CommandType)
Q_DECLARE_METATYPE(ibc::sync::CommandOutcome::Kind)

namespace {

QString s(const char *text) { return QString::fromUtf8(text); }

constexpr EpochSecs kAnchor = 1767225600; // 2026-01-01 00:00 UTC, a Thursday
constexpr quint64 kSeed = 7;
constexpr qint64 kItems = 2500;
constexpr EpochSecs kLifetime = 8 * 3600;

User demoUser(const QString &username)
{
    for (const User &u : DemoGenerator::demoUsers())
        if (u.username == username)
            return u;
    qFatal("no demo user %s", qPrintable(username));
}

QString uuid() { return QUuid::createUuid().toString(QUuid::WithoutBraces); }

const char *kindName(CommandOutcome::Kind k)
{
    return k == CommandOutcome::Kind::Applied    ? "applied"
           : k == CommandOutcome::Kind::Rejected ? "rejected"
                                                 : "conflict";
}

// What differs between two items, or nothing.
QString differs(const WorkItem &a, const WorkItem &b)
{
    QStringList d;
    if (a.id != b.id)
        d << s("id");
    if (a.reference != b.reference)
        d << s("reference");
    if (a.kind != b.kind)
        d << s("kind");
    if (a.subtype != b.subtype)
        d << s("subtype");
    if (a.partner != b.partner)
        d << s("partner");
    if (a.status != b.status)
        d << s("status");
    if (a.priority != b.priority)
        d << s("priority");
    if (a.assignee != b.assignee)
        d << s("assignee");
    if (a.received != b.received)
        d << s("received");
    if (a.updated != b.updated)
        d << s("updated");
    if (a.due != b.due)
        d << s("due");
    if (a.version != b.version)
        d << s("version");
    if (a.fields != b.fields)
        d << s("fields");
    return d.isEmpty() ? QString() : a.reference + s(" differs in ") + d.join(s(", "));
}

QString differs(const ItemRecord &r, const GeneratedItem &g)
{
    WorkItem item = r.item;
    if (!r.fieldsJson.isEmpty()) { // the feed's: the fields as the store keeps them
        if (!item.fields.isEmpty())
            return item.reference + s(" has its fields twice");
        item.fields = QJsonDocument::fromJson(r.fieldsJson).object();
    }
    if (QString d = differs(item, g.item); !d.isEmpty())
        return d;
    if (r.events.size() != g.events.size())
        return r.item.reference + s(": %1 events, expected %2").arg(r.events.size()).arg(g.events.size());
    for (std::size_t i = 0; i < r.events.size(); ++i) {
        const Event &a = r.events[i], &b = g.events[i];
        if (a.itemId != b.itemId || a.at != b.at || a.actor != b.actor || a.type != b.type || a.from != b.from ||
            a.to != b.to || a.detail != b.detail)
            return r.item.reference + s(": event %1 differs").arg(i);
    }
    if (r.notes.size() != g.notes.size())
        return r.item.reference + s(": %1 notes, expected %2").arg(r.notes.size()).arg(g.notes.size());
    for (std::size_t i = 0; i < r.notes.size(); ++i) {
        const Note &a = r.notes[i], &b = g.notes[i];
        if (a.itemId != b.itemId || a.at != b.at || a.author != b.author || a.text != b.text)
            return r.item.reference + s(": note %1 differs").arg(i);
    }
    return {};
}

QString differs(const CommandOutcome &a, const CommandOutcome &b)
{
    QStringList d;
    if (a.commandId != b.commandId)
        d << s("commandId");
    if (a.kind != b.kind)
        d << s("kind");
    if (a.version != b.version)
        d << s("version");
    if (a.seq != b.seq)
        d << s("seq");
    if (a.code != b.code)
        d << s("code");
    if (a.reason != b.reason)
        d << s("reason");
    if (bool(a.current) != bool(b.current)) {
        d << s("current");
    } else if (a.current) {
        if (QString c = differs(a.current->item, b.current->item); !c.isEmpty())
            d << c;
        if (a.current->seq != b.current->seq || a.current->events.size() != b.current->events.size() ||
            a.current->notes.size() != b.current->notes.size())
            d << s("current's history");
    }
    return d.join(s(", "));
}

// Every page of the feed for `user` after `since`, checking the paging contract as it goes.
struct Feed {
    std::vector<ItemRecord> items;
    int pages = 0;
    qint64 lastNextSeq = 0;
    QString error;
};

Feed readFeed(Store &store, const User &user, qint64 since, int limit)
{
    Feed f;
    qint64 cursor = since;
    for (;;) {
        ChangePage page = store.changes(user, cursor, limit);
        ++f.pages;
        if (int(page.items.size()) > std::clamp(limit, 1, 5000)) {
            f.error = s("page %1 has %2 items, more than the limit").arg(f.pages).arg(page.items.size());
            return f;
        }
        qint64 previous = cursor;
        for (const ItemRecord &r : page.items) {
            if (r.seq <= previous) {
                f.error = s("page %1: seq %2 after %3, not increasing").arg(f.pages).arg(r.seq).arg(previous);
                return f;
            }
            previous = r.seq;
        }
        if (!page.items.empty() && page.nextSeq != page.items.back().seq) {
            f.error = s("page %1: nextSeq %2 is not the last item's seq %3")
                          .arg(f.pages)
                          .arg(page.nextSeq)
                          .arg(page.items.back().seq);
            return f;
        }
        if (page.more && page.items.empty()) {
            f.error = s("page %1 says more but is empty").arg(f.pages);
            return f;
        }
        for (ItemRecord &r : page.items)
            f.items.push_back(std::move(r));
        f.lastNextSeq = page.nextSeq;
        if (!page.more)
            return f;
        cursor = page.nextSeq;
        if (f.pages > 100000) {
            f.error = s("the feed does not end");
            return f;
        }
    }
}

qint64 countRows(const QString &path, const char *sql)
{
    sqlite::Database db(path, sqlite::Database::Mode::ReadOnly);
    return db.scalar(sql);
}

} // namespace

class TestStore : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    ManualClock m_clock{kAnchor + 9 * 3600};
    QString m_template;                     // a seeded store, copied for each test that changes one
    std::vector<GeneratedItem> m_generated; // what the template was seeded with, item n at n-1
    int m_copies = 0;
    QString m_lastPath;

    // A fresh copy of the seeded template, open.
    std::unique_ptr<Store> fresh()
    {
        m_lastPath = m_dir.filePath(s("copy-%1.sqlite").arg(++m_copies));
        if (!QFile::copy(m_template, m_lastPath))
            qFatal("cannot copy the template store");
        return openSqliteStore(m_lastPath, m_clock, kLifetime);
    }

    // The first generated item that `pred` accepts; fails the test if there is none.
    const GeneratedItem *find(const std::function<bool(const GeneratedItem &)> &pred)
    {
        for (const GeneratedItem &g : m_generated)
            if (pred(g))
                return &g;
        return nullptr;
    }

    const GeneratedItem *pick(const QString &which)
    {
        const QString sam = s("sam.patel");
        if (which == s("new HCC"))
            return find(
                [](const GeneratedItem &g) { return g.item.status == Status::New && g.item.partner == s("HCC"); });
        if (which == s("new OCC"))
            return find(
                [](const GeneratedItem &g) { return g.item.status == Status::New && g.item.partner == s("OCC"); });
        if (which == s("in progress, Sam's"))
            return find([&](const GeneratedItem &g) {
                return g.item.status == Status::InProgress && g.item.assignee == sam && g.item.partner != s("HCC");
            });
        if (which == s("in progress, someone else's"))
            return find([&](const GeneratedItem &g) {
                return g.item.status == Status::InProgress && g.item.assignee != sam && g.item.partner == s("HCC");
            });
        if (which == s("reopened, someone else's"))
            return find([&](const GeneratedItem &g) {
                return g.item.status == Status::Reopened && !g.item.assignee.isEmpty() &&
                       g.item.assignee != s("rhys.evans") && g.item.partner == s("HCC");
            });
        if (which == s("assigned, Sam's"))
            return find(
                [&](const GeneratedItem &g) { return g.item.status == Status::Assigned && g.item.assignee == sam; });
        if (which == s("resolved"))
            return find(
                [](const GeneratedItem &g) { return g.item.status == Status::Resolved && g.item.partner == s("HCC"); });
        return nullptr;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_template = m_dir.filePath(s("template.sqlite"));
        {
            auto store = openSqliteStore(m_template, m_clock, kLifetime);
            store->seed(kItems, kSeed, kAnchor);
        }
        DemoGenerator g(kSeed, kAnchor);
        for (qint64 i = 0; i < kItems; ++i)
            m_generated.push_back(g.next());
        for (const char *which : {"new HCC", "new OCC", "in progress, Sam's", "in progress, someone else's",
                                  "assigned, Sam's", "resolved", "reopened, someone else's"})
            QVERIFY2(pick(s(which)), which);
    }

    // ---- Sign-in

    void login_data()
    {
        QTest::addColumn<QString>("username");
        QTest::addColumn<QString>("password");
        QTest::addColumn<bool>("disableFirst");
        QTest::addColumn<bool>("accepted");
        const QString floor = DemoGenerator::demoUsers().at(6).username;
        QTest::newRow("caseworker, right password") << s("sam.patel") << s("demo-sam.patel") << false << true;
        QTest::newRow("team leader, right password") << s("priya.shah") << s("demo-priya.shah") << false << true;
        QTest::newRow("admin, right password") << s("admin") << s("demo-admin") << false << true;
        QTest::newRow("caseworker, wrong password") << s("sam.patel") << s("demo-sam.patel!") << false << false;
        QTest::newRow("caseworker, another's password") << s("sam.patel") << s("demo-rhys.evans") << false << false;
        QTest::newRow("caseworker, empty password") << s("sam.patel") << QString() << false << false;
        QTest::newRow("unknown user") << s("nobody.here") << s("demo-nobody.here") << false << false;
        QTest::newRow("username in the wrong case") << s("Sam.Patel") << s("demo-sam.patel") << false << false;
        QTest::newRow("disabled user, right password") << s("rhys.evans") << s("demo-rhys.evans") << true << false;
        QTest::newRow("floor caseworker has no usable password") << floor << s("demo-") + floor << false << false;
        QTest::newRow("floor caseworker, empty password") << floor << QString() << false << false;
    }

    void login()
    {
        QFETCH(QString, username);
        QFETCH(QString, password);
        QFETCH(bool, disableFirst);
        QFETCH(bool, accepted);
        auto store = fresh();
        if (disableFirst)
            store->disableUser(username);
        const std::optional<Session> session = store->login(username, password);
        QCOMPARE(session.has_value(), accepted);
        if (!accepted)
            return;
        QCOMPARE(session->user.username, username);
        QCOMPARE(session->user.role, demoUser(username).role);
        QCOMPARE(session->user.partners, demoUser(username).partners);
        QCOMPARE(session->expires, m_clock.now() + kLifetime);
        QCOMPARE(session->token.size(), 43); // 256 bits, base64url, no padding
        const std::optional<User> who = store->authenticate(session->token);
        QVERIFY(who);
        QCOMPARE(who->username, username);
        // Only the token's hash is kept.
        QCOMPARE(countRows(m_lastPath, "SELECT count(*) FROM sessions WHERE token_hash = CAST('x' AS BLOB)"), 0);
        sqlite::Database raw(m_lastPath, sqlite::Database::Mode::ReadOnly);
        auto st = raw.prepare("SELECT count(*) FROM sessions WHERE token_hash = ?");
        st.bind(1, session->token);
        QVERIFY(st.step());
        QCOMPARE(st.int64(0), 0);
    }

    // An unknown user, an account with no password and a wrong password each cost one Argon2id
    // verification at the same parameters, so no timing tells them apart. Counted, not timed: a
    // timed test on a shared machine measures the machine.
    void loginCostsTheSameWhateverWasWrong_data()
    {
        QTest::addColumn<QString>("username");
        QTest::newRow("known user, wrong password") << s("sam.patel");
        QTest::newRow("unknown user") << s("nobody.here");
        QTest::newRow("account without a password") << DemoGenerator::demoUsers().at(7).username;
    }

    void loginCostsTheSameWhateverWasWrong()
    {
        QFETCH(QString, username);
        auto store = fresh();
        const quint64 before = ibc::sync::passwords::verifications();
        QVERIFY(!store->login(username, s("not-the-password")));
        QCOMPARE(ibc::sync::passwords::verifications() - before, quint64(1));
        // The dummy checked for an unusable hash costs what a real one does: same algorithm and limits.
        const QByteArray real = ibc::sync::passwords::hash(s("any password at all"));
        const auto params = [](const QByteArray &h) { return h.left(h.lastIndexOf('$', h.lastIndexOf('$') - 1)); };
        QCOMPARE(params(ibc::sync::passwords::dummyHash()), params(real));
        QVERIFY(real.startsWith("$argon2id$"));
    }

    void tokens_data()
    {
        QTest::addColumn<QString>("step");
        QTest::addColumn<bool>("valid");
        QTest::newRow("fresh token") << s("none") << true;
        QTest::newRow("one second before expiry") << s("almost") << true;
        QTest::newRow("at expiry") << s("expire") << false;
        QTest::newRow("long after expiry") << s("much later") << false;
        QTest::newRow("user disabled since sign-in") << s("disable") << false;
        QTest::newRow("password changed since sign-in") << s("passwd") << false;
        QTest::newRow("forged token") << s("forge") << false;
        QTest::newRow("empty token") << s("empty") << false;
    }

    void tokens()
    {
        QFETCH(QString, step);
        QFETCH(bool, valid);
        ManualClock clock(kAnchor);
        const QString path = m_dir.filePath(s("tokens-%1.sqlite").arg(++m_copies));
        QVERIFY(QFile::copy(m_template, path));
        auto store = openSqliteStore(path, clock, kLifetime);
        const std::optional<Session> session = store->login(s("rhys.evans"), s("demo-rhys.evans"));
        QVERIFY(session);
        QString token = session->token;
        if (step == s("almost"))
            clock.advance(kLifetime - 1);
        else if (step == s("expire"))
            clock.advance(kLifetime);
        else if (step == s("much later"))
            clock.advance(30 * 86400);
        else if (step == s("disable"))
            store->disableUser(s("rhys.evans"));
        else if (step == s("passwd"))
            store->setPassword(s("rhys.evans"), s("a new long password"));
        else if (step == s("forge"))
            token = QString(token).replace(0, 1, token.at(0) == QLatin1Char('A') ? s("B") : s("A"));
        else if (step == s("empty"))
            token.clear();
        const std::optional<User> who = store->authenticate(token);
        QCOMPARE(who.has_value(), valid);
        if (valid)
            QCOMPARE(who->username, s("rhys.evans"));
        if (step == s("passwd"))
            QVERIFY(store->login(s("rhys.evans"), s("a new long password")));
    }

    void users_data()
    {
        QTest::addColumn<QString>("username");
        QTest::addColumn<int>("role");
        QTest::addColumn<QStringList>("partners");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("error");
        QTest::newRow("new caseworker") << s("jo.bloggs") << int(Role::Caseworker) << QStringList{s("WCC")}
                                        << s("long enough") << QString();
        QTest::newRow("username taken") << s("sam.patel") << int(Role::Caseworker) << QStringList{s("WCC")}
                                        << s("long enough") << s("username_taken");
        QTest::newRow("short password") << s("jo.bloggs") << int(Role::Caseworker) << QStringList{s("WCC")}
                                        << s("short") << s("weak_password");
        QTest::newRow("password is the username")
            << s("jo.bloggs1") << int(Role::Caseworker) << QStringList{} << s("jo.bloggs1") << s("weak_password");
        QTest::newRow("unknown partner") << s("jo.bloggs") << int(Role::Caseworker) << QStringList{s("XYZ")}
                                         << s("long enough") << s("invalid_partner");
        QTest::newRow("username with spaces")
            << s("jo bloggs") << int(Role::Admin) << QStringList{} << s("long enough") << s("invalid_username");
    }

    void users()
    {
        QFETCH(QString, username);
        QFETCH(int, role);
        QFETCH(QStringList, partners);
        QFETCH(QString, password);
        QFETCH(QString, error);
        auto store = fresh();
        const std::size_t before = store->users().size();
        QString code;
        try {
            store->addUser(User{username, s("Jo Bloggs"), Role(role), partners}, password);
        } catch (const StoreError &e) {
            code = e.code();
        }
        QCOMPARE(code, error);
        QCOMPARE(store->users().size(), before + (error.isEmpty() ? 1 : 0));
        if (error.isEmpty()) {
            QVERIFY(store->login(username, password));
            QVERIFY(!store->login(username, password + s("x")));
        }
        QString unknown;
        try {
            store->setPassword(s("no.such.user"), s("long enough"));
        } catch (const StoreError &e) {
            unknown = e.code();
        }
        QCOMPARE(unknown, s("unknown_user"));
    }

    // ---- The seeded store and its feed

    void seedRefusesAStoreWithItems()
    {
        auto store = fresh();
        QString code;
        try {
            store->seed(10, 1, kAnchor);
        } catch (const StoreError &e) {
            code = e.code();
        }
        QCOMPARE(code, s("not_empty"));
        QCOMPARE(store->changes(demoUser(s("sam.patel")), 0, 5000).items.size(),
                 std::size_t(kItems > 5000 ? 5000 : kItems));
    }

    void feed_data()
    {
        QTest::addColumn<QString>("username");
        QTest::addColumn<int>("limit");
        QTest::addColumn<qint64>("since");
        QTest::newRow("caseworker for all partners, pages of 1000") << s("sam.patel") << 1000 << qint64(0);
        QTest::newRow("caseworker for all partners, pages of 1") << s("sam.patel") << 1 << qint64(2300);
        QTest::newRow("caseworker for HCC only, pages of 700") << s("rhys.evans") << 700 << qint64(0);
        QTest::newRow("caseworker for HCC only, pages of 3") << s("rhys.evans") << 3 << qint64(2000);
        QTest::newRow("caseworker for HCC only, from the middle") << s("rhys.evans") << 500 << qint64(1234);
        QTest::newRow("team leader, one page of all") << s("priya.shah") << 5000 << qint64(0);
        QTest::newRow("floor caseworker for three partners")
            << DemoGenerator::demoUsers().at(6).username << 333 << qint64(0);
        QTest::newRow("floor caseworker for the police")
            << DemoGenerator::demoUsers().at(7).username << 250 << qint64(17);
        QTest::newRow("auditor, pages of 999") << s("alex.morgan") << 999 << qint64(0);
        QTest::newRow("limit above the cap") << s("sam.patel") << 1000000 << qint64(0);
        QTest::newRow("limit of zero is one") << s("sam.patel") << 0 << qint64(2490);
        QTest::newRow("intake account sees nothing") << s("intake.portal") << 1000 << qint64(0);
        QTest::newRow("admin sees nothing") << s("admin") << 1000 << qint64(0);
        QTest::newRow("since the newest change") << s("sam.patel") << 1000 << qint64(kItems);
    }

    // Each in-scope item exactly once, in seq order, whole (fields, events, notes) as generated,
    // and nothing outside the user's partners, ever.
    void feed()
    {
        QFETCH(QString, username);
        QFETCH(int, limit);
        QFETCH(qint64, since);
        const User user = demoUser(username);
        auto store = openSqliteStore(m_template, m_clock, kLifetime);
        const Feed f = readFeed(*store, user, since, limit);
        QVERIFY2(f.error.isEmpty(), qPrintable(f.error));

        const bool seesItems =
            user.role == Role::Caseworker || user.role == Role::TeamLeader || user.role == Role::Auditor;
        std::vector<const GeneratedItem *> expected;
        for (qint64 i = since; i < kItems; ++i)
            if (seesItems && user.worksFor(m_generated[std::size_t(i)].item.partner))
                expected.push_back(&m_generated[std::size_t(i)]);
        QCOMPARE(f.items.size(), expected.size());
        for (std::size_t i = 0; i < expected.size(); ++i) {
            QVERIFY2(user.worksFor(f.items[i].item.partner), "an item outside the user's partners");
            QCOMPARE(f.items[i].seq, expected[i]->item.reference.section(QLatin1Char('-'), 1).toLongLong());
            const QString d = differs(f.items[i], *expected[i]);
            QVERIFY2(d.isEmpty(), qPrintable(d));
        }
        const int cap = std::clamp(limit, 1, 5000);
        const int pages = expected.empty() ? 1 : int((expected.size() + std::size_t(cap) - 1) / std::size_t(cap));
        QCOMPARE(f.pages, pages);
        QCOMPARE(f.lastNextSeq, expected.empty() ? kItems : f.items.back().seq);
        // Past the end: nothing, and the store's newest seq to ask from.
        const ChangePage after = store->changes(user, f.lastNextSeq, limit);
        QVERIFY(after.items.empty());
        QVERIFY(!after.more);
        QCOMPARE(after.nextSeq, kItems);
        qint64 latest = 0;
        for (const GeneratedItem &g : m_generated)
            if (seesItems && user.worksFor(g.item.partner))
                latest = std::max(latest, g.item.reference.section(QLatin1Char('-'), 1).toLongLong());
        QCOMPARE(store->latestSeq(user), latest);
    }

    void itemScope_data()
    {
        QTest::addColumn<QString>("username");
        QTest::addColumn<QString>("partner");
        QTest::addColumn<bool>("visible");
        QTest::newRow("HCC caseworker, HCC item") << s("rhys.evans") << s("HCC") << true;
        QTest::newRow("HCC caseworker, OCC item") << s("rhys.evans") << s("OCC") << false;
        QTest::newRow("HCC caseworker, WCC item") << s("rhys.evans") << s("WCC") << false;
        QTest::newRow("auditor, WCC item") << s("alex.morgan") << s("WCC") << true;
        QTest::newRow("intake account, HCC item") << s("intake.portal") << s("HCC") << false;
        QTest::newRow("admin, HCC item") << s("admin") << s("HCC") << false;
    }

    void itemScope()
    {
        QFETCH(QString, username);
        QFETCH(QString, partner);
        QFETCH(bool, visible);
        auto store = openSqliteStore(m_template, m_clock, kLifetime);
        const GeneratedItem *g =
            find([&](const GeneratedItem &x) { return x.item.partner == partner && !x.notes.empty(); });
        QVERIFY(g);
        const std::optional<ItemRecord> r = store->item(demoUser(username), g->item.id);
        QCOMPARE(r.has_value(), visible);
        if (visible) {
            const QString d = differs(*r, *g);
            QVERIFY2(d.isEmpty(), qPrintable(d));
        }
        QVERIFY(!store->item(demoUser(s("sam.patel")), uuid()));
    }

    void reference()
    {
        auto store = fresh();
        store->disableUser(DemoGenerator::demoUsers().at(6).username);
        const Reference leader = store->reference(demoUser(s("priya.shah")));
        std::set<QString> names;
        for (const User &u : leader.assignable) {
            names.insert(u.username);
            QVERIFY2(u.role == Role::Caseworker || u.role == Role::TeamLeader, qPrintable(u.username));
        }
        QVERIFY(names.count(s("sam.patel")));
        QVERIFY(names.count(s("rhys.evans")));
        QVERIFY(names.count(s("team.leader1")));
        QVERIFY(!names.count(s("alex.morgan")));
        QVERIFY(!names.count(s("intake.portal")));
        QVERIFY(!names.count(s("admin")));
        QVERIFY2(!names.count(DemoGenerator::demoUsers().at(6).username), "a disabled user is assignable");
        // Team leader 2's team works for the police: nobody who works only for councils.
        const Reference police = store->reference(demoUser(s("team.leader2")));
        for (const User &u : police.assignable)
            QVERIFY2(u.worksFor(s("HIWC")) || u.worksFor(s("OPCC")), qPrintable(u.username));
        QVERIFY(!police.assignable.empty());
        QVERIFY(store->reference(demoUser(s("sam.patel"))).assignable.empty());
        QVERIFY(store->reference(demoUser(s("alex.morgan"))).assignable.empty());
    }

    // ---- Commands

    void apply_data()
    {
        QTest::addColumn<QString>("username");
        QTest::addColumn<QString>("actor");
        QTest::addColumn<QString>("which");
        QTest::addColumn<CommandType>("type");
        QTest::addColumn<int>("versionOffset"); // 0: the version the item has; -1: an older one
        QTest::addColumn<QJsonObject>("payload");
        QTest::addColumn<CommandOutcome::Kind>("kind");
        QTest::addColumn<QString>("code");

        using K = CommandOutcome::Kind;
        using C = CommandType;
        const QString sam = s("sam.patel"), rhys = s("rhys.evans"), priya = s("priya.shah"), alex = s("alex.morgan");
        const QJsonObject none;
        const QJsonObject reason{{s("reason"), s("Waiting for the signed form.")}};
        const QJsonObject note{{s("text"), s("Spoke to the manager.")}};

        QTest::newRow("claim a new item")
            << rhys << rhys << s("new HCC") << C::Claim << 0 << none << K::Applied << QString();
        QTest::newRow("claim a new item, seen at an older version, still allowed")
            << rhys << rhys << s("new HCC") << C::Claim << -1 << none << K::Applied << QString();
        QTest::newRow("claim an item in progress") << rhys << rhys << s("in progress, someone else's") << C::Claim << 0
                                                   << none << K::Rejected << s("wrong_status");
        QTest::newRow("claim a reopened item someone else holds")
            << rhys << rhys << s("reopened, someone else's") << C::Claim << 0 << none << K::Rejected
            << s("assigned_to_someone_else");
        QTest::newRow("claim a reopened item someone else holds, seen at an older version")
            << rhys << rhys << s("reopened, someone else's") << C::Claim << -1 << none << K::Conflict
            << s("assigned_to_someone_else");
        QTest::newRow("request information on my item")
            << sam << sam << s("in progress, Sam's") << C::RequestInfo << 0 << reason << K::Applied << QString();
        QTest::newRow("request information without a reason") << sam << sam << s("in progress, Sam's") << C::RequestInfo
                                                              << 0 << none << K::Rejected << s("reason_required");
        QTest::newRow("request information without a reason, older version: still rejected")
            << sam << sam << s("in progress, Sam's") << C::RequestInfo << -1 << none << K::Rejected
            << s("reason_required");
        QTest::newRow("resolve without an outcome")
            << sam << sam << s("in progress, Sam's") << C::Resolve << 0 << none << K::Rejected << s("outcome_required");
        QTest::newRow("resolve with an outcome")
            << sam << sam << s("in progress, Sam's") << C::Resolve << 0
            << QJsonObject{{s("outcome"), s("*first of the kind*")}} << K::Applied << QString();
        QTest::newRow("start an item that is already in progress")
            << sam << sam << s("in progress, Sam's") << C::Start << 0 << none << K::Rejected << s("wrong_status");
        QTest::newRow("start an in-progress item seen at an older version")
            << sam << sam << s("in progress, Sam's") << C::Start << -1 << none << K::Conflict << s("wrong_status");
        QTest::newRow("edit fields on the version seen")
            << sam << sam << s("in progress, Sam's") << C::EditFields << 0
            << QJsonObject{{s("fields"), QJsonObject{{s("details"), s("Checked by phone.")}}}} << K::Applied
            << QString();
        QTest::newRow("edit fields seen at an older version")
            << sam << sam << s("in progress, Sam's") << C::EditFields << -1
            << QJsonObject{{s("fields"), QJsonObject{{s("details"), s("Checked by phone.")}}}} << K::Conflict
            << s("changed_since");
        QTest::newRow("edit a field to a bad value")
            << sam << sam << s("in progress, Sam's") << C::EditFields << 0
            << QJsonObject{{s("fields"), QJsonObject{{s("employee_number"), s("12")}}}} << K::Rejected
            << s("invalid_field");
        QTest::newRow("reassign to the holder, older version: a conflict")
            << priya << priya << s("in progress, someone else's") << C::Reassign << -1
            << QJsonObject{{s("assignee"), s("*holder*")}} << K::Conflict << s("nothing_changed");
        QTest::newRow("add a note to someone else's item")
            << sam << sam << s("in progress, someone else's") << C::AddNote << 0 << note << K::Applied << QString();
        QTest::newRow("auditor claims") << alex << alex << s("new HCC") << C::Claim << 0 << none << K::Rejected
                                        << s("read_only_role");
        QTest::newRow("auditor adds a note, older version")
            << alex << alex << s("new HCC") << C::AddNote << -1 << note << K::Rejected << s("read_only_role");
        QTest::newRow("HCC caseworker claims an OCC item")
            << rhys << rhys << s("new OCC") << C::Claim << 0 << none << K::Rejected << s("not_found");
        QTest::newRow("HCC caseworker notes an OCC item")
            << rhys << rhys << s("new OCC") << C::AddNote << -1 << note << K::Rejected << s("not_found");
        QTest::newRow("an item that does not exist")
            << sam << sam << s("missing") << C::Claim << 0 << none << K::Rejected << s("not_found");
        QTest::newRow("intake account claims") << s("intake.portal") << s("intake.portal") << s("new HCC") << C::Claim
                                               << 0 << none << K::Rejected << s("not_found");
        QTest::newRow("a command in someone else's name")
            << sam << rhys << s("new HCC") << C::Claim << 0 << none << K::Rejected << s("not_allowed");
        QTest::newRow("team leader reassigns to a caseworker of the partner")
            << priya << priya << s("new HCC") << C::Reassign << 0 << QJsonObject{{s("assignee"), rhys}} << K::Applied
            << QString();
        QTest::newRow("team leader reassigns to a caseworker of another partner")
            << priya << priya << s("new OCC") << C::Reassign << 0 << QJsonObject{{s("assignee"), rhys}} << K::Rejected
            << s("unknown_assignee");
        QTest::newRow("team leader reassigns to the auditor")
            << priya << priya << s("new HCC") << C::Reassign << 0 << QJsonObject{{s("assignee"), alex}} << K::Rejected
            << s("unknown_assignee");
        QTest::newRow("team leader reassigns to nobody known")
            << priya << priya << s("new HCC") << C::Reassign << 0 << QJsonObject{{s("assignee"), s("no.one")}}
            << K::Rejected << s("unknown_assignee");
        QTest::newRow("caseworker reassigns")
            << sam << sam << s("new HCC") << C::Reassign << 0 << QJsonObject{{s("assignee"), rhys}} << K::Rejected
            << s("team_leader_only");
        QTest::newRow("team leader approves a resolved item")
            << priya << priya << s("resolved") << C::Approve << 0 << none << K::Applied << QString();
        QTest::newRow("caseworker approves a resolved item")
            << rhys << rhys << s("resolved") << C::Approve << 0 << none << K::Rejected << s("team_leader_only");
    }

    void apply()
    {
        QFETCH(QString, username);
        QFETCH(QString, actor);
        QFETCH(QString, which);
        QFETCH(CommandType, type);
        QFETCH(int, versionOffset);
        QFETCH(QJsonObject, payload);
        QFETCH(CommandOutcome::Kind, kind);
        QFETCH(QString, code);

        auto store = fresh();
        const User user = demoUser(username);
        const User sam = demoUser(s("sam.patel"));
        const GeneratedItem *g = pick(which);
        const QString itemId = g ? g->item.id : uuid();
        const qint64 version = g ? g->item.version : 1;
        const qint64 seqBefore = store->latestSeq(sam);
        const qint64 auditBefore = countRows(m_lastPath, "SELECT count(*) FROM audit");
        if (g && payload.value(s("assignee")) == s("*holder*"))
            payload.insert(s("assignee"), g->item.assignee);
        if (g && payload.value(s("outcome")) == s("*first of the kind*"))
            payload.insert(s("outcome"), QLatin1String(outcomes(g->item.kind).front()));

        const Command c = Command::make(type, itemId, version + versionOffset, actor, m_clock.now(), payload);
        const std::vector<CommandOutcome> out = store->apply(user, std::span(&c, 1));
        QCOMPARE(out.size(), std::size_t(1));
        const CommandOutcome &o = out.front();
        QVERIFY2(o.kind == kind, qPrintable(s("%1 %2: %3").arg(QLatin1String(kindName(o.kind)), o.code, o.reason)));
        QCOMPARE(o.commandId, c.id);
        QCOMPARE(o.code, code);
        if (kind != CommandOutcome::Kind::Applied)
            QVERIFY2(!o.reason.isEmpty(), "a refusal needs a sentence");
        QCOMPARE(o.current.has_value(), kind == CommandOutcome::Kind::Conflict);
        QCOMPARE(countRows(m_lastPath, "SELECT count(*) FROM audit"), auditBefore + 1);

        const std::optional<ItemRecord> now = g ? store->item(sam, itemId) : std::nullopt;
        if (kind == CommandOutcome::Kind::Applied) {
            QCOMPARE(o.version, version + 1);
            QCOMPARE(o.seq, seqBefore + 1);
            QCOMPARE(store->latestSeq(sam), seqBefore + 1);
            QVERIFY(now);
            QCOMPARE(now->item.version, version + 1);
            QCOMPARE(now->seq, o.seq);
            QCOMPARE(now->events.size(), g->events.size() + 1);
            QCOMPARE(now->events.back().type, commandName(type));
            QCOMPARE(now->events.back().actor, actor);
            // The change is in the feed, as the newest.
            const ChangePage page = store->changes(sam, seqBefore, 10);
            QCOMPARE(page.items.size(), std::size_t(1));
            QCOMPARE(page.items.front().item.id, itemId);
            QCOMPARE(page.items.front().item.version, version + 1);
        } else {
            QCOMPARE(o.version, qint64(0));
            QCOMPARE(o.seq, qint64(0));
            QCOMPARE(store->latestSeq(sam), seqBefore);
            if (now) {
                const QString d = differs(*now, *g);
                QVERIFY2(d.isEmpty(), qPrintable(d));
            }
            if (o.current) {
                QCOMPARE(o.current->item.version, version);
                const QString d = differs(*o.current, *g);
                QVERIFY2(d.isEmpty(), qPrintable(d));
            }
        }
    }

    void retry_data()
    {
        QTest::addColumn<QString>("which");
        QTest::addColumn<CommandType>("type");
        QTest::addColumn<int>("versionOffset");
        QTest::addColumn<QJsonObject>("payload");
        QTest::addColumn<CommandOutcome::Kind>("kind");
        using K = CommandOutcome::Kind;
        QTest::newRow("retry of an applied note") << s("in progress, Sam's") << CommandType::AddNote << 0
                                                  << QJsonObject{{s("text"), s("Once only.")}} << K::Applied;
        QTest::newRow("retry of a rejected resolve")
            << s("in progress, Sam's") << CommandType::Resolve << 0 << QJsonObject{} << K::Rejected;
        QTest::newRow("retry of a conflicting edit")
            << s("in progress, Sam's") << CommandType::EditFields << -1
            << QJsonObject{{s("fields"), QJsonObject{{s("details"), s("x")}}}} << K::Conflict;
        QTest::newRow("retry of a claim on an item out of scope")
            << s("new OCC") << CommandType::Claim << 0 << QJsonObject{} << K::Rejected;
    }

    // The same command again: the identical outcome, and nothing written (no seq, no audit row,
    // no event), even after the item has moved on and the store has been reopened.
    void retry()
    {
        QFETCH(QString, which);
        QFETCH(CommandType, type);
        QFETCH(int, versionOffset);
        QFETCH(QJsonObject, payload);
        QFETCH(CommandOutcome::Kind, kind);
        auto store = fresh();
        const User user = which == s("new OCC") ? demoUser(s("rhys.evans")) : demoUser(s("sam.patel"));
        const User sam = demoUser(s("sam.patel"));
        const GeneratedItem *g = pick(which);
        const Command c =
            Command::make(type, g->item.id, g->item.version + versionOffset, user.username, m_clock.now(), payload);
        const CommandOutcome first = store->apply(user, std::span(&c, 1)).front();
        QCOMPARE(first.kind, kind);

        // Someone else changes the item; the retry still answers as the first time did.
        const Command other = Command::make(CommandType::AddNote, g->item.id, g->item.version, s("priya.shah"),
                                            m_clock.now(), QJsonObject{{s("text"), s("Meanwhile.")}});
        QCOMPARE(store->apply(demoUser(s("priya.shah")), std::span(&other, 1)).front().kind,
                 CommandOutcome::Kind::Applied);

        const qint64 seq = store->latestSeq(sam);
        const qint64 audit = countRows(m_lastPath, "SELECT count(*) FROM audit");
        const qint64 events = countRows(m_lastPath, "SELECT count(*) FROM events");
        const qint64 commands = countRows(m_lastPath, "SELECT count(*) FROM commands");
        for (int attempt = 0; attempt < 2; ++attempt) {
            if (attempt == 1) { // and after a restart
                store.reset();
                store = openSqliteStore(m_lastPath, m_clock, kLifetime);
            }
            const CommandOutcome again = store->apply(user, std::span(&c, 1)).front();
            const QString d = differs(again, first);
            QVERIFY2(d.isEmpty(), qPrintable(d));
            QCOMPARE(store->latestSeq(sam), seq);
            QCOMPARE(countRows(m_lastPath, "SELECT count(*) FROM audit"), audit);
            QCOMPARE(countRows(m_lastPath, "SELECT count(*) FROM events"), events);
            QCOMPARE(countRows(m_lastPath, "SELECT count(*) FROM commands"), commands);
        }
        // The same id from someone else says nothing about the first command, and changes nothing.
        const User someoneElse = user.username == s("rhys.evans") ? sam : demoUser(s("rhys.evans"));
        Command stolen = c;
        stolen.actor = someoneElse.username;
        const CommandOutcome theirs = store->apply(someoneElse, std::span(&stolen, 1)).front();
        QCOMPARE(theirs.kind, CommandOutcome::Kind::Rejected);
        QCOMPARE(theirs.code, s("duplicate_command_id"));
        QVERIFY(!theirs.current);
        QCOMPARE(store->latestSeq(sam), seq);
        QCOMPARE(countRows(m_lastPath, "SELECT count(*) FROM commands"), commands);
    }

    // One refused command in a batch leaves the others applied, in order, with consecutive seqs.
    void batchWithOneRefusal()
    {
        auto store = fresh();
        const User sam = demoUser(s("sam.patel"));
        const GeneratedItem *a = pick(s("new HCC"));
        const GeneratedItem *b = pick(s("in progress, Sam's"));
        const GeneratedItem *c = pick(s("in progress, someone else's"));
        const qint64 seq = store->latestSeq(sam);
        const std::vector<Command> batch{
            Command::make(CommandType::Claim, a->item.id, a->item.version, sam.username, m_clock.now()),
            Command::make(CommandType::Resolve, b->item.id, b->item.version, sam.username, m_clock.now(),
                          QJsonObject{{s("outcome"), s("not-an-outcome")}}),
            Command::make(CommandType::AddNote, c->item.id, c->item.version, sam.username, m_clock.now(),
                          QJsonObject{{s("text"), s("Seen.")}}),
            Command::make(CommandType::Start, a->item.id, a->item.version + 1, sam.username, m_clock.now()),
        };
        const std::vector<CommandOutcome> out = store->apply(sam, batch);
        QCOMPARE(out.size(), std::size_t(4));
        QCOMPARE(out[0].kind, CommandOutcome::Kind::Applied);
        QCOMPARE(out[1].kind, CommandOutcome::Kind::Rejected);
        QCOMPARE(out[1].code, s("unknown_outcome"));
        QCOMPARE(out[2].kind, CommandOutcome::Kind::Applied);
        QCOMPARE(out[3].kind, CommandOutcome::Kind::Applied); // sees the claim before it in the batch
        QCOMPARE(out[0].seq, seq + 1);
        QCOMPARE(out[2].seq, seq + 2);
        QCOMPARE(out[3].seq, seq + 3);
        QCOMPARE(out[3].version, a->item.version + 2);
        QCOMPARE(store->item(sam, a->item.id)->item.status, Status::InProgress);
        QCOMPARE(store->item(sam, a->item.id)->item.assignee, sam.username);
        const QString d = differs(*store->item(sam, b->item.id), *b);
        QVERIFY2(d.isEmpty(), qPrintable(d));
        QCOMPARE(store->item(sam, c->item.id)->notes.size(), c->notes.size() + 1);
        // The feed since the batch: the two changed items, each once, at its newest seq.
        const ChangePage page = store->changes(sam, seq, 100);
        QCOMPARE(page.items.size(), std::size_t(2));
        QCOMPARE(page.items[0].item.id, c->item.id);
        QCOMPARE(page.items[0].seq, seq + 2);
        QCOMPARE(page.items[1].item.id, a->item.id);
        QCOMPARE(page.items[1].seq, seq + 3);
        QCOMPARE(page.items[1].events.size(), a->events.size() + 2);
    }

    // A claim keeps the item for its caseworker for the lease, even while they are offline and
    // silent; after it, a claim nobody started can be taken.
    void claimHoldsForItsLeaseThenLapses()
    {
        auto store = fresh();
        const User sam = demoUser(s("sam.patel")), rhys = demoUser(s("rhys.evans"));
        const GeneratedItem *g = pick(s("new HCC"));
        const Command claim =
            Command::make(CommandType::Claim, g->item.id, g->item.version, sam.username, m_clock.now());
        QCOMPARE(store->apply(sam, std::span(&claim, 1)).front().kind, CommandOutcome::Kind::Applied);
        const EpochSecs until = m_clock.now() + kDefaultClaimLease;
        QCOMPARE(store->item(rhys, g->item.id)->item.leaseUntil, until);

        m_clock.advance(kDefaultClaimLease - 60); // Sam's desk is offline all this while
        const auto current = store->item(rhys, g->item.id)->item;
        const Command early =
            Command::make(CommandType::Claim, g->item.id, current.version, rhys.username, m_clock.now());
        const CommandOutcome refused = store->apply(rhys, std::span(&early, 1)).front();
        QCOMPARE(refused.kind, CommandOutcome::Kind::Rejected);
        QCOMPARE(refused.code, s("claimed_by_someone_else"));
        QVERIFY2(refused.reason.contains(sam.username), qPrintable(refused.reason));
        QCOMPARE(store->item(rhys, g->item.id)->item.assignee, sam.username);

        m_clock.advance(60);
        const Command late =
            Command::make(CommandType::Claim, g->item.id, current.version, rhys.username, m_clock.now());
        QCOMPARE(store->apply(rhys, std::span(&late, 1)).front().kind, CommandOutcome::Kind::Applied);
        const auto taken = store->item(rhys, g->item.id);
        QCOMPARE(taken->item.assignee, rhys.username);
        QCOMPARE(taken->item.leaseUntil, m_clock.now() + kDefaultClaimLease);
        QVERIFY(taken->events.back().detail.contains(sam.username));
    }

    void commandWithoutATimeHappensWhenItArrives()
    {
        auto store = fresh();
        const User sam = demoUser(s("sam.patel"));
        const GeneratedItem *g = pick(s("new HCC"));
        const Command c = Command::make(CommandType::Claim, g->item.id, g->item.version, sam.username, 0);
        QCOMPARE(store->apply(sam, std::span(&c, 1)).front().kind, CommandOutcome::Kind::Applied);
        const std::optional<ItemRecord> r = store->item(sam, g->item.id);
        QCOMPARE(r->item.updated, m_clock.now());
        QCOMPARE(r->events.back().at, m_clock.now());
    }

    // After changes to items spread over the store, a one-partner feed still sees only its own,
    // in seq order, with their new history.
    void feedAfterScatteredChanges()
    {
        auto store = fresh();
        const User priya = demoUser(s("priya.shah")), rhys = demoUser(s("rhys.evans"));
        // From the newest item backwards, so that the new seqs run against the rows.
        std::vector<Command> batch;
        std::vector<std::pair<const GeneratedItem *, QString>> changed;
        for (std::size_t i = 0; i < m_generated.size(); i += 37) {
            const GeneratedItem &g = m_generated[m_generated.size() - 1 - i];
            const QString text = s("Checked %1.").arg(i);
            batch.push_back(Command::make(CommandType::AddNote, g.item.id, g.item.version, priya.username,
                                          m_clock.now(), QJsonObject{{s("text"), text}}));
            changed.emplace_back(&g, text);
        }
        for (const CommandOutcome &o : store->apply(priya, batch))
            QCOMPARE(o.kind, CommandOutcome::Kind::Applied);
        const Feed f = readFeed(*store, rhys, kItems, 5);
        QVERIFY2(f.error.isEmpty(), qPrintable(f.error));
        std::vector<std::pair<const GeneratedItem *, QString>> hcc;
        for (const auto &c : changed)
            if (c.first->item.partner == s("HCC"))
                hcc.push_back(c);
        QVERIFY(hcc.size() > 5 && hcc.size() < changed.size());
        QCOMPARE(f.items.size(), hcc.size());
        for (std::size_t i = 0; i < hcc.size(); ++i) {
            QCOMPARE(f.items[i].item.id, hcc[i].first->item.id);
            QCOMPARE(f.items[i].notes.size(), hcc[i].first->notes.size() + 1);
            QCOMPARE(f.items[i].notes.back().text, hcc[i].second);
            QCOMPARE(f.items[i].notes.back().author, priya.username);
            QCOMPARE(f.items[i].events.size(), hcc[i].first->events.size() + 1);
        }
        QCOMPARE(store->latestSeq(rhys), f.items.empty() ? qint64(0) : f.items.back().seq);
    }

    // Writers on several threads and a reader paging all the while: every applied command gets its
    // own seq, and a reader's snapshot never shows a later change without every earlier one.
    void concurrentWritersAndReaders()
    {
        auto store = fresh();
        const User priya = demoUser(s("priya.shah")), sam = demoUser(s("sam.patel"));
        constexpr int kThreads = 4, kBatches = 25, kPerBatch = 5;
        std::vector<std::vector<qint64>> seqs(kThreads);
        std::atomic<bool> writing{true};
        QString readerError;
        int reads = 0;
        std::thread reader([&] {
            while (writing.load() && readerError.isEmpty()) {
                // Every command touches a different item, so a consistent snapshot shows the seqs
                // after kItems without a gap.
                const ChangePage page = store->changes(sam, kItems, 5000);
                ++reads;
                for (std::size_t i = 0; i < page.items.size(); ++i)
                    if (page.items[i].seq != kItems + 1 + qint64(i))
                        readerError = s("a gap in a snapshot at seq %1").arg(page.items[i].seq);
            }
        });
        std::vector<std::thread> writers;
        for (int t = 0; t < kThreads; ++t)
            writers.emplace_back([&, t] {
                for (int b = 0; b < kBatches; ++b) {
                    std::vector<Command> batch;
                    for (int k = 0; k < kPerBatch; ++k) {
                        const GeneratedItem &g = m_generated[std::size_t((t * kBatches + b) * kPerBatch + k)];
                        batch.push_back(Command::make(CommandType::AddNote, g.item.id, g.item.version, priya.username,
                                                      m_clock.now(),
                                                      QJsonObject{{s("text"), s("From thread %1.").arg(t)}}));
                    }
                    for (const CommandOutcome &o : store->apply(priya, batch))
                        seqs[std::size_t(t)].push_back(o.kind == CommandOutcome::Kind::Applied ? o.seq : -1);
                }
            });
        for (std::thread &w : writers)
            w.join();
        writing = false;
        reader.join();
        QVERIFY2(readerError.isEmpty(), qPrintable(readerError));
        QVERIFY(reads > 0);
        std::set<qint64> all;
        for (const auto &list : seqs) {
            QVERIFY(std::is_sorted(list.begin(), list.end()));
            all.insert(list.begin(), list.end());
        }
        constexpr qint64 total = kThreads * kBatches * kPerBatch;
        QCOMPARE(qint64(all.size()), total);
        QCOMPARE(*all.begin(), kItems + 1);
        QCOMPARE(*all.rbegin(), kItems + total);
        QCOMPARE(store->latestSeq(sam), kItems + total);
    }

    // An acknowledged command survives kill -9 of the process that applied it.
    void acknowledgedCommandsSurviveKill()
    {
        const QString path = m_dir.filePath(s("kill-%1.sqlite").arg(++m_copies));
        QVERIFY(QFile::copy(m_template, path));
        const User sam = demoUser(s("sam.patel"));
        int fds[2];
        QVERIFY(::pipe(fds) == 0);
        const pid_t child = ::fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            ::close(fds[0]);
            auto store = openSqliteStore(path, m_clock, kLifetime);
            for (int i = 0;; ++i) {
                const GeneratedItem &g = m_generated[std::size_t(i) % m_generated.size()];
                const Command c{s("00000000-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0')),
                                g.item.id,
                                CommandType::AddNote,
                                0,
                                sam.username,
                                kAnchor,
                                QJsonObject{{s("text"), s("Note %1").arg(i)}}};
                if (store->apply(sam, std::span(&c, 1)).front().kind != CommandOutcome::Kind::Applied)
                    ::_exit(2);
                if (::write(fds[1], &i, sizeof i) != sizeof i) // acknowledged
                    ::_exit(3);
            }
        }
        ::close(fds[1]);
        int acked = -1, n = 0;
        while (acked < 40 && ::read(fds[0], &n, sizeof n) == sizeof n)
            acked = n;
        ::kill(child, SIGKILL);
        while (::read(fds[0], &n, sizeof n) == sizeof n)
            acked = n;
        ::close(fds[0]);
        int status = 0;
        ::waitpid(child, &status, 0);
        QVERIFY(WIFSIGNALED(status));
        QVERIFY(acked >= 40);

        auto store = openSqliteStore(path, m_clock, kLifetime);
        for (int i = 0; i <= acked; ++i) {
            const GeneratedItem &g = m_generated[std::size_t(i) % m_generated.size()];
            const std::optional<ItemRecord> r = store->item(sam, g.item.id);
            QVERIFY(r);
            const QString text = s("Note %1").arg(i);
            QCOMPARE(
                std::count_if(r->notes.begin(), r->notes.end(), [&](const Note &note) { return note.text == text; }),
                1);
            const Command again{s("00000000-0000-4000-8000-%1").arg(i, 12, 10, QLatin1Char('0')),
                                g.item.id,
                                CommandType::AddNote,
                                0,
                                sam.username,
                                kAnchor,
                                QJsonObject{{s("text"), text}}};
            const CommandOutcome o = store->apply(sam, std::span(&again, 1)).front();
            QCOMPARE(o.kind, CommandOutcome::Kind::Applied);
            QCOMPARE(o.seq, kItems + 1 + i);
        }
        qInfo("%d commands acknowledged before the kill, all present once", acked + 1);
    }

    // ---- Intake

    void intake_data()
    {
        QTest::addColumn<QString>("username");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("subtype");
        QTest::addColumn<QString>("partner");
        QTest::addColumn<qint64>("received");
        QTest::addColumn<QJsonObject>("fields");
        QTest::addColumn<QString>("error");
        QTest::addColumn<QStringList>("badFields");

        const QJsonObject leaver{{s("employee_number"), s("E1234567")},
                                 {s("employee_name"), s("Ffion Evans")},
                                 {s("effective_date"), s("2026-01-30")},
                                 {s("leaving_reason"), s("Retirement")}};
        const QJsonObject invoice{{s("supplier"), s("WESSEX OFFICE SUPPLIES LTD")},
                                  {s("invoice_number"), s("INV-10293")},
                                  {s("po_number"), s("4500012345")},
                                  {s("net"), 10000},
                                  {s("vat_rate"), 20},
                                  {s("vat"), 2000},
                                  {s("gross"), 12000},
                                  {s("invoice_date"), s("2025-12-29")}};
        const qint64 now = kAnchor + 9 * 3600;
        auto without = [](QJsonObject o, const char *key) {
            o.remove(QLatin1String(key));
            return o;
        };
        auto with = [](QJsonObject o, const char *key, QJsonValue v) {
            o.insert(QLatin1String(key), v);
            return o;
        };

        QTest::newRow("a valid leaver") << s("intake.portal") << int(Kind::HrChange) << s("leaver") << s("HCC") << now
                                        << leaver << QString() << QStringList{};
        QTest::newRow("a valid invoice") << s("intake.portal") << int(Kind::Invoice) << s("price_mismatch") << s("WCC")
                                         << now - 86400 << invoice << QString() << QStringList{};
        QTest::newRow("required field missing")
            << s("intake.portal") << int(Kind::HrChange) << s("leaver") << s("HCC") << now
            << without(leaver, "employee_number") << s("invalid_fields") << QStringList{s("fields.employee_number")};
        QTest::newRow("three bad fields")
            << s("intake.portal") << int(Kind::HrChange) << s("leaver") << s("HCC") << now
            << with(with(without(leaver, "leaving_reason"), "employee_number", s("12345")), "effective_date",
                    s("30/01/2026"))
            << s("invalid_fields")
            << QStringList{s("fields.effective_date"), s("fields.employee_number"), s("fields.leaving_reason")};
        QTest::newRow("a field the kind does not have")
            << s("intake.portal") << int(Kind::Invoice) << s("price_mismatch") << s("WCC") << now
            << with(invoice, "salary", 100) << s("invalid_fields") << QStringList{s("fields.salary")};
        QTest::newRow("money that is not whole pence")
            << s("intake.portal") << int(Kind::Invoice) << s("price_mismatch") << s("WCC") << now
            << with(invoice, "net", 100.5) << s("invalid_fields") << QStringList{s("fields.net")};
        QTest::newRow("a subtype of another kind")
            << s("intake.portal") << int(Kind::Invoice) << s("leaver") << s("WCC") << now << invoice
            << s("invalid_fields") << QStringList{s("subtype")};
        QTest::newRow("an unknown partner") << s("intake.portal") << int(Kind::HrChange) << s("leaver") << s("XYZ")
                                            << now << leaver << s("invalid_fields") << QStringList{s("partner")};
        QTest::newRow("received in the future")
            << s("intake.portal") << int(Kind::HrChange) << s("leaver") << s("HCC") << now + 7 * 86400 << leaver
            << s("invalid_fields") << QStringList{s("received_at")};
        QTest::newRow("received never") << s("intake.portal") << int(Kind::HrChange) << s("leaver") << s("HCC")
                                        << qint64(0) << leaver << s("invalid_fields") << QStringList{s("received_at")};
        QTest::newRow("bad partner and bad field together")
            << s("intake.portal") << int(Kind::HrChange) << s("leaver") << s("XYZ") << now
            << with(leaver, "employee_name", 42) << s("invalid_fields")
            << QStringList{s("fields.employee_name"), s("partner")};
        QTest::newRow("a caseworker cannot send in work")
            << s("sam.patel") << int(Kind::HrChange) << s("leaver") << s("HCC") << now << leaver << s("forbidden")
            << QStringList{};
        QTest::newRow("an admin cannot send in work") << s("admin") << int(Kind::HrChange) << s("leaver") << s("HCC")
                                                      << now << leaver << s("forbidden") << QStringList{};
    }

    void intake()
    {
        QFETCH(QString, username);
        QFETCH(int, kind);
        QFETCH(QString, subtype);
        QFETCH(QString, partner);
        QFETCH(qint64, received);
        QFETCH(QJsonObject, fields);
        QFETCH(QString, error);
        QFETCH(QStringList, badFields);
        auto store = fresh();
        const User sam = demoUser(s("sam.patel"));
        const qint64 seq = store->latestSeq(sam);
        const qint64 audit = countRows(m_lastPath, "SELECT count(*) FROM audit");

        const Intake in{Kind(kind), subtype, partner, received, fields};
        std::vector<FieldProblem> problems;
        QString code;
        std::optional<ItemRecord> made;
        try {
            made = store->intake(demoUser(username), in, &problems);
        } catch (const StoreError &e) {
            code = e.code();
        }
        QCOMPARE(code, error);
        QStringList named;
        for (const FieldProblem &p : problems) {
            named << p.field;
            QVERIFY2(!p.message.isEmpty(), qPrintable(p.field));
        }
        named.sort();
        QCOMPARE(named, badFields);
        if (!error.isEmpty()) {
            QVERIFY(!made);
            QCOMPARE(store->latestSeq(sam), seq);
            QCOMPARE(countRows(m_lastPath, "SELECT count(*) FROM audit"), audit);
            return;
        }
        QVERIFY(made);
        const WorkItem &it = made->item;
        static const char *const prefixes[] = {"HR", "INV", "PAY"};
        QCOMPARE(it.reference, s("%1-%2").arg(QLatin1String(prefixes[kind])).arg(kItems + 1, 7, 10, QLatin1Char('0')));
        QCOMPARE(it.status, Status::New);
        QCOMPARE(it.priority, Priority::Normal);
        QVERIFY(it.assignee.isEmpty());
        QCOMPARE(it.version, qint64(1));
        QCOMPARE(made->seq, seq + 1);
        QCOMPARE(it.due, SlaRules::defaults()->due(it).due);
        QVERIFY(it.due > received);
        QCOMPARE(made->events.size(), std::size_t(1));
        QCOMPARE(made->events.front().type, s("received"));
        QCOMPARE(made->events.front().actor, username);
        QVERIFY(!QUuid::fromString(it.id).isNull());
        QCOMPARE(countRows(m_lastPath, "SELECT count(*) FROM audit"), audit + 1);
        // Visible to those who work for the partner, at the new seq, as returned.
        const ChangePage page = store->changes(sam, seq, 10);
        QCOMPARE(page.items.size(), std::size_t(1));
        WorkItem fed = page.items.front().item;
        fed.fields = QJsonDocument::fromJson(page.items.front().fieldsJson).object();
        QVERIFY(differs(fed, it).isEmpty());
        QCOMPARE(store->item(sam, it.id)->events.size(), std::size_t(1));
        QCOMPARE(store->latestSeq(sam), seq + 1);
        // The next one continues the numbering.
        const ItemRecord second = store->intake(demoUser(username), in, nullptr);
        QCOMPARE(second.item.reference.section(QLatin1Char('-'), 1).toLongLong(), kItems + 2);
        QCOMPARE(second.seq, seq + 2);
        QVERIFY(second.item.id != it.id);
    }

    // ---- Service levels

    // A disputed invoice at `partner`, received at 09:00 on Thursday 1 January 2026 (New Year's
    // Day: its clock starts at 09:00 on Friday the 2nd).
    ItemRecord intakeInvoice(Store &store, const QString &partner)
    {
        const QJsonObject fields{{s("supplier"), s("ACME LTD")},
                                 {s("invoice_number"), s("77")},
                                 {s("po_number"), s("4500000001")},
                                 {s("net"), 100},
                                 {s("vat_rate"), 0},
                                 {s("vat"), 0},
                                 {s("gross"), 100},
                                 {s("invoice_date"), s("2025-12-30")}};
        return store.intake(demoUser(s("intake.portal")),
                            Intake{Kind::Invoice, s("disputed"), partner, kAnchor + 9 * 3600, fields}, nullptr);
    }

    static QString utc(EpochSecs t) { return QDateTime::fromSecsSinceEpoch(t, Qt::UTC).toString(Qt::ISODate); }

    // A changed policy or calendar sets the due times of open items again, sends them in the feed,
    // and stays in force when the store opens again.
    // A masked detail is revealed only to someone who may see the item and says why, and the audit
    // log has who, when, what and why before the value is given.
    void revealingPersonalDataIsAudited()
    {
        auto store = fresh();
        const QJsonObject fields{{s("employee_number"), s("E1234567")},
                                 {s("employee_name"), s("Ffion Evans")},
                                 {s("effective_date"), s("2026-01-31")},
                                 {s("sort_code"), s("08-99-99")},
                                 {s("account_number"), s("66374958")}};
        const ItemRecord made =
            store->intake(demoUser(s("intake.portal")),
                          Intake{Kind::HrChange, s("bank_details"), s("OCC"), kAnchor, fields}, nullptr);
        const User sam = demoUser(s("sam.patel"));
        const QString why = s("The employee is on the phone to confirm the account.");
        QCOMPARE(store->revealPersonalData(sam, made.item.id, s("account_number"), why), s("66374958"));

        sqlite::Database raw(m_lastPath, sqlite::Database::Mode::ReadOnly);
        auto st = raw.prepare("SELECT actor, item_id, detail FROM audit WHERE action = 'personal_data.revealed'");
        QVERIFY(st.step());
        QCOMPARE(st.text(0), sam.username);
        QCOMPARE(st.text(1), made.item.id);
        const QJsonObject detail = QJsonDocument::fromJson(st.text(2).toUtf8()).object();
        QCOMPARE(detail.value(s("field")).toString(), s("account_number"));
        QCOMPARE(detail.value(s("reason")).toString(), why);
        QVERIFY(!st.step());

        const auto refused = [&](const User &who, const QString &field, const QString &reason) -> QString {
            try {
                store->revealPersonalData(who, made.item.id, field, reason);
            } catch (const StoreError &e) {
                return e.code();
            }
            return s("revealed");
        };
        QCOMPARE(refused(sam, s("account_number"), s("  ")), s("invalid_fields"));
        QCOMPARE(refused(sam, s("employee_name"), why), s("invalid_fields")); // not masked
        QCOMPARE(refused(sam, s("ni_number"), why), s("invalid_fields"));     // not a field of this item
        QCOMPARE(refused(demoUser(s("rhys.evans")), s("account_number"), why), s("not_found")); // HCC only
        QCOMPARE(countRows(m_lastPath, "SELECT count(*) FROM audit WHERE action = 'personal_data.revealed'"), 1);
    }

    void changedRulesSetOpenItemsDueTimesAgain()
    {
        auto store = fresh();
        const User sam = demoUser(s("sam.patel"));
        QCOMPARE(store->slaRules()->policies().size(), std::size_t(7));
        const ItemRecord occ = intakeInvoice(*store, s("OCC"));
        QCOMPARE(utc(occ.item.due), s("2026-01-15T17:00:00Z")); // ten working days

        const auto now = store->slaRules();
        std::vector<SlaPolicy> policies = now->policies();
        policies.push_back({s("OCC"), Kind::Invoice, {}, 5, TargetUnit::WorkingDays, false, 30});
        const qint64 seq = store->latestSeq(sam);
        QVERIFY(store->setSlaRules(SlaRules(now->bankHolidays(), now->calendars(), policies, {})) >= 1);
        QCOMPARE(utc(store->item(sam, occ.item.id)->item.due), s("2026-01-08T17:00:00Z")); // five
        QVERIFY(store->latestSeq(sam) > seq);
        bool sent = false;
        for (const ItemRecord &r : store->changes(sam, seq, 5000).items)
            sent = sent || r.item.id == occ.item.id;
        QVERIFY2(sent, "the new due time goes out in the change feed");

        // OCC works 08:00 to 18:00 and is closed on Monday 5 January: five ten-hour days from 08:00
        // on Friday 2 January end at 18:00 on Friday the 9th.
        std::vector<PartnerCalendar> calendars = store->slaRules()->calendars();
        for (PartnerCalendar &c : calendars)
            if (c.partner == s("OCC")) {
                c.hours = WorkingHours{8 * 60, 18 * 60};
                c.closed = {QDate(2026, 1, 5)};
            }
        store->setSlaRules(SlaRules(now->bankHolidays(), calendars, store->slaRules()->policies(), {}));
        QCOMPARE(utc(store->item(sam, occ.item.id)->item.due), s("2026-01-09T18:00:00Z"));
        store.reset();
        store = openSqliteStore(m_lastPath, m_clock, kLifetime);
        QCOMPARE(store->slaRules()->calendar(s("OCC")).hours().text(), s("08:00-18:00"));
        QCOMPARE(utc(intakeInvoice(*store, s("OCC")).item.due), s("2026-01-09T18:00:00Z"));
        QCOMPARE(utc(intakeInvoice(*store, s("HCC")).item.due), s("2026-01-15T17:00:00Z")); // the others as they were
    }

    // Waiting for information stops the clock: back from it, the item is due later by the working
    // time it waited, as the desk computes it offline too.
    void resumeMovesTheDueTimeByTheWorkingTimePaused()
    {
        auto store = fresh();
        const User sam = demoUser(s("sam.patel"));
        const ItemRecord r = intakeInvoice(*store, s("HCC"));
        qint64 version = r.item.version;
        const auto act = [&](CommandType type, EpochSecs at, QJsonObject payload = {}) {
            const Command c = Command::make(type, r.item.id, version, sam.username, at, payload);
            const CommandOutcome o = store->apply(sam, std::span(&c, 1)).front();
            QVERIFY2(o.kind == CommandOutcome::Kind::Applied, qPrintable(o.reason));
            version = o.version;
        };
        const EpochSecs friday10 = kAnchor + 86400 + 10 * 3600;
        act(CommandType::Claim, friday10);
        act(CommandType::Start, friday10);
        act(CommandType::RequestInfo, friday10, {{s("reason"), s("Need the supplier to confirm the price.")}});
        QCOMPARE(utc(store->item(sam, r.item.id)->item.due), s("2026-01-15T17:00:00Z"));
        // Back at 10:00 on Tuesday 6 January: Friday 10:00-17:00, Monday, and Tuesday 09:00-10:00
        // make 16 working hours, two days.
        act(CommandType::Resume, kAnchor + 5 * 86400 + 10 * 3600);
        QCOMPARE(utc(store->item(sam, r.item.id)->item.due), s("2026-01-19T17:00:00Z"));
    }

    // A store from before working-time service levels: its open items' due times are set again
    // when it first opens under the new schema, and sent to the desks.
    void migrationSetsOpenItemsDueTimesAgain()
    {
        auto store = fresh();
        const User sam = demoUser(s("sam.patel"));
        const ItemRecord r = intakeInvoice(*store, s("HCC"));
        const qint64 seq = store->latestSeq(sam);
        store.reset();
        {
            sqlite::Database db(m_lastPath);
            db.exec("UPDATE items SET due = 0 WHERE reference = '" + r.item.reference.toStdString() + "'");
            db.exec("UPDATE meta SET value = 1 WHERE key = 'retime_due'");
        }
        store = openSqliteStore(m_lastPath, m_clock, kLifetime);
        QCOMPARE(utc(store->item(sam, r.item.id)->item.due), s("2026-01-15T17:00:00Z"));
        QVERIFY(store->latestSeq(sam) > seq);
        QCOMPARE(countRows(m_lastPath, "SELECT value FROM meta WHERE key = 'retime_due'"), qint64(0));
    }

    // The dates that follow from the others are filled in as the demo's items have them, and the
    // due time follows the one rule in the domain.
    void intakeFillsDerivedDates_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("effective");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QString>("due");
        QTest::addColumn<QString>("statedDue"); // with the field stated as 2026-01-06
        QTest::addColumn<int>("termsDays");     // HCC's invoice payment terms, if not the default 30
        // Received Thursday 1 January 2026, 09:00 London (UTC in winter): New Year's Day, so the clock
        // starts on Friday 2 January at 09:00. HCC's payroll closes on the 10th at 17:00; on Saturday
        // 10 January 2026 it moves back to Friday the 9th.
        QTest::newRow("leaver: the cut-off after the effective date")
            << int(Kind::HrChange) << s("2026-01-30") << s("payroll_cutoff") << s("2026-02-10")
            << s("2026-01-08T17:00:00Z") << s("2026-01-06T17:00:00Z") << 0;
        QTest::newRow("leaver effective before this month's cut-off (a Saturday)")
            << int(Kind::HrChange) << s("2026-01-02") << s("payroll_cutoff") << s("2026-01-09")
            << s("2026-01-08T17:00:00Z") << s("2026-01-06T17:00:00Z") << 0;
        QTest::newRow("leaver effective last month, after its cut-off: the next payroll")
            << int(Kind::HrChange) << s("2025-12-01") << s("payroll_cutoff") << s("2026-01-09")
            << s("2026-01-08T17:00:00Z") << s("2026-01-06T17:00:00Z") << 0;
        // Ten working days from Friday 2 January end at 17:00 on Thursday 15 January; paying by a
        // stated 6 January comes first.
        QTest::newRow("invoice: payment due thirty days after receipt")
            << int(Kind::Invoice) << QString() << s("payment_due") << s("2026-01-31") << s("2026-01-15T17:00:00Z")
            << s("2026-01-06T17:00:00Z") << 0;
        // HCC pays its suppliers in 14 days: from 1 January, Thursday 15 January, the same day the
        // ten working days end.
        QTest::newRow("invoice: payment due on the partner's own terms")
            << int(Kind::Invoice) << QString() << s("payment_due") << s("2026-01-15") << s("2026-01-15T17:00:00Z")
            << s("2026-01-06T17:00:00Z") << 14;
    }

    void intakeFillsDerivedDates()
    {
        QFETCH(int, kind);
        QFETCH(QString, effective);
        QFETCH(QString, field);
        QFETCH(QString, expected);
        QFETCH(QString, due);
        QFETCH(QString, statedDue);
        QFETCH(int, termsDays);
        auto store = fresh();
        if (termsDays > 0) {
            std::vector<SlaPolicy> policies = store->slaRules()->policies();
            policies.push_back({s("HCC"), Kind::Invoice, {}, 10, TargetUnit::WorkingDays, false, termsDays});
            const auto now = store->slaRules();
            store->setSlaRules(SlaRules(now->bankHolidays(), now->calendars(), policies, {}));
        }
        QJsonObject fields;
        QString subtype;
        if (Kind(kind) == Kind::HrChange) {
            subtype = s("leaver");
            fields = {{s("employee_number"), s("E7654321")},
                      {s("employee_name"), s("Aled Price")},
                      {s("effective_date"), effective},
                      {s("leaving_reason"), s("Resignation")}};
        } else {
            subtype = s("disputed");
            fields = {{s("supplier"), s("ACME LTD")},
                      {s("invoice_number"), s("77")},
                      {s("po_number"), s("4500000001")},
                      {s("net"), 100},
                      {s("vat_rate"), 0},
                      {s("vat"), 0},
                      {s("gross"), 100},
                      {s("invoice_date"), s("2025-12-30")}};
        }
        auto isoTime = [](EpochSecs t) { return QDateTime::fromSecsSinceEpoch(t, Qt::UTC).toString(Qt::ISODate); };
        const User portal = demoUser(s("intake.portal"));
        const ItemRecord r =
            store->intake(portal, Intake{Kind(kind), subtype, s("HCC"), kAnchor + 9 * 3600, fields}, nullptr);
        QCOMPARE(r.item.fields.value(field).toString(), expected);
        QCOMPARE(isoTime(r.item.due), due);
        // A date the partner states is kept as stated, and a stated cut-off sets the due time.
        fields.insert(field, s("2026-01-06"));
        const ItemRecord stated =
            store->intake(portal, Intake{Kind(kind), subtype, s("HCC"), kAnchor + 9 * 3600, fields}, nullptr);
        QCOMPARE(stated.item.fields.value(field).toString(), s("2026-01-06"));
        QCOMPARE(isoTime(stated.item.due), statedDue);
    }

    // ---- The file

    void auditIsAppendOnly_data()
    {
        QTest::addColumn<QString>("sql");
        QTest::newRow("update a row") << s("UPDATE audit SET actor = 'someone.else' WHERE row = 1");
        QTest::newRow("update every row") << s("UPDATE audit SET detail = '{}'");
        QTest::newRow("delete a row") << s("DELETE FROM audit WHERE row = 1");
        QTest::newRow("delete every row") << s("DELETE FROM audit");
        QTest::newRow("replace a row") << s(
            "INSERT OR REPLACE INTO audit(row, at, actor, action) VALUES(1, 0, 'x', 'y')");
        QTest::newRow("replace the last row")
            << s("REPLACE INTO audit(row, at, actor, action) SELECT max(row), 0, 'x', 'y' FROM audit");
    }

    void auditIsAppendOnly()
    {
        QFETCH(QString, sql);
        auto store = fresh();
        const User sam = demoUser(s("sam.patel"));
        const GeneratedItem *g = pick(s("new HCC"));
        const Command c = Command::make(CommandType::Claim, g->item.id, g->item.version, sam.username, m_clock.now());
        store->apply(sam, std::span(&c, 1));
        store.reset();
        const qint64 before = countRows(m_lastPath, "SELECT count(*) FROM audit");
        QVERIFY(before >= 2);
        const qint64 sum = countRows(m_lastPath, "SELECT sum(length(actor) + length(detail) + at) FROM audit");
        sqlite::Database raw(m_lastPath);
        bool refused = false;
        try {
            raw.exec(sql.toStdString());
        } catch (const sqlite::Error &e) {
            refused = QString::fromUtf8(e.what()).contains(s("append-only"));
        }
        QVERIFY2(refused, "the audit log let a row be changed");
        QCOMPARE(countRows(m_lastPath, "SELECT count(*) FROM audit"), before);
        QCOMPARE(countRows(m_lastPath, "SELECT sum(length(actor) + length(detail) + at) FROM audit"), sum);
        // Appending is what it is for.
        raw.exec("INSERT INTO audit(at, actor, action) VALUES(1, 'test', 'test.appended')");
        QCOMPARE(countRows(m_lastPath, "SELECT count(*) FROM audit"), before + 1);
    }

    void backup()
    {
        auto store = fresh();
        const User sam = demoUser(s("sam.patel"));
        const GeneratedItem *g = pick(s("new HCC"));
        const Command c = Command::make(CommandType::Claim, g->item.id, g->item.version, sam.username, m_clock.now());
        QCOMPARE(store->apply(sam, std::span(&c, 1)).front().kind, CommandOutcome::Kind::Applied);
        const QString to = m_dir.filePath(s("backup-%1.sqlite").arg(++m_copies));
        store->backup(to);
        // Changes after the backup are not in it.
        const Command note = Command::make(CommandType::AddNote, g->item.id, g->item.version + 1, sam.username,
                                           m_clock.now(), QJsonObject{{s("text"), s("After the backup.")}});
        QCOMPARE(store->apply(sam, std::span(&note, 1)).front().kind, CommandOutcome::Kind::Applied);

        QVERIFY(QFile::exists(to));
        QCOMPARE(int(QFile::permissions(to) & (QFile::ReadOther | QFile::ReadGroup)), 0);
        auto copy = openSqliteStore(to, m_clock, kLifetime);
        const Feed original = readFeed(*store, sam, 0, 5000);
        const Feed backedUp = readFeed(*copy, sam, 0, 5000);
        QVERIFY(original.error.isEmpty() && backedUp.error.isEmpty());
        QCOMPARE(backedUp.items.size(), std::size_t(kItems));
        QCOMPARE(original.items.size(), std::size_t(kItems));
        std::map<QString, const ItemRecord *> byId;
        for (const ItemRecord &r : original.items)
            byId[r.item.id] = &r;
        for (const ItemRecord &r : backedUp.items) {
            const ItemRecord *o = byId[r.item.id];
            QVERIFY(o);
            if (r.item.id == g->item.id) {
                QCOMPARE(r.item.version, o->item.version - 1);
                QCOMPARE(r.notes.size(), o->notes.size() - 1);
            } else {
                QVERIFY(differs(r.item, o->item).isEmpty());
                QCOMPARE(r.seq, o->seq);
                QCOMPARE(r.events.size(), o->events.size());
            }
        }
        QVERIFY(copy->login(s("sam.patel"), s("demo-sam.patel")));
        // The retry of a command taken before the backup is still recognised in the copy.
        QCOMPARE(copy->apply(sam, std::span(&c, 1)).front().seq, qint64(kItems + 1));

        // Never over an existing file.
        const QByteArray before = [&] {
            QFile f(to);
            f.open(QIODevice::ReadOnly);
            return f.readAll();
        }();
        copy.reset();
        QString code;
        try {
            store->backup(to);
        } catch (const StoreError &e) {
            code = e.code();
        }
        QCOMPARE(code, s("file_exists"));
        QFile f(to);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll().size(), before.size());
    }

    void foreignFiles_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("code");
        QTest::newRow("a text file") << s("text") << s("not_a_store");
        QTest::newRow("another program's SQLite database") << s("other") << s("not_a_store");
        QTest::newRow("the desk's cache") << s("cache") << s("not_a_store");
        QTest::newRow("a store from a newer ibc-store") << s("newer") << s("newer_store");
        QTest::newRow("a seed that was cut short") << s("incomplete") << s("incomplete_seed");
        QTest::newRow("a folder") << s("folder") << s("not_a_store");
    }

    // A file that is not ours, or is from a newer version, is refused and left byte for byte.
    void foreignFiles()
    {
        QFETCH(QString, what);
        QFETCH(QString, code);
        const QString path = m_dir.filePath(s("foreign-%1").arg(++m_copies));
        if (what == s("text")) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("Minutes of the meeting held on Tuesday.\n");
        } else if (what == s("other") || what == s("cache")) {
            sqlite::Database db(path);
            db.exec("CREATE TABLE items(id TEXT); INSERT INTO items VALUES('precious')");
            if (what == s("cache"))
                db.exec("PRAGMA application_id = 1229079364"); // "IBCD"
        } else if (what == s("newer") || what == s("incomplete")) {
            QVERIFY(QFile::copy(m_template, path));
            sqlite::Database db(path);
            if (what == s("newer"))
                db.exec("PRAGMA user_version = 99");
            else
                db.exec("INSERT INTO meta(key, value) VALUES('seeding', 1)");
        } else if (what == s("folder")) {
            QVERIFY(QDir().mkpath(path));
        }
        QFile before(path);
        const QByteArray bytes = before.open(QIODevice::ReadOnly) ? before.readAll() : QByteArray();
        before.close();
        QString got, message;
        try {
            openSqliteStore(path, m_clock, kLifetime);
        } catch (const StoreError &e) {
            got = e.code();
            message = QString::fromUtf8(e.what());
        }
        QCOMPARE(got, code);
        QVERIFY2(message.contains(path), qPrintable(message));
        QFile after(path);
        QCOMPARE(after.open(QIODevice::ReadOnly) ? after.readAll() : QByteArray(), bytes);
        QVERIFY(!QFile::exists(path + s("-wal")) || what == s("newer") || what == s("incomplete"));
    }

    void newStoreIsEmptyAndPrivate()
    {
        const QString path = m_dir.filePath(s("new-%1.sqlite").arg(++m_copies));
        {
            auto store = openSqliteStore(path, m_clock, kLifetime);
            QVERIFY(store->users().empty());
            QVERIFY(store->changes(demoUser(s("sam.patel")), 0, 100).items.empty());
            QCOMPARE(store->changes(demoUser(s("sam.patel")), 0, 100).nextSeq, qint64(0));
            store->addUser(User{s("first.admin"), s("First Admin"), Role::Admin, {}}, s("a long passphrase"));
        }
        QCOMPARE(int(QFile::permissions(path) & (QFile::ReadOther | QFile::ReadGroup)), 0);
        QCOMPARE(countRows(path, "PRAGMA application_id"), qint64(0x49424353));
        QCOMPARE(countRows(path, "PRAGMA user_version"), qint64(5));
        auto again = openSqliteStore(path, m_clock, kLifetime);
        QCOMPARE(again->users().size(), std::size_t(1));
        QVERIFY(again->login(s("first.admin"), s("a long passphrase")));
        // A store with users is not a demo store: seeding it would add known passwords.
        QString code;
        try {
            again->seed(10, 1, kAnchor);
        } catch (const StoreError &e) {
            code = e.code();
        }
        QCOMPARE(code, s("not_empty"));
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
