// The desk's sync engine against a real ibc-store on loopback, with a fault-injecting proxy
// between them: a first sync fills a cache with the user's scope and nothing else; a change on
// one desk reaches another; desks that edit on both sides of an outage converge, with every
// command applied once or shown as a conflict; an ended session keeps the outbox; a bad network
// for a bounded run loses nothing and applies nothing twice; and ibc-desk --sync-once killed
// mid-pull and mid-push loses nothing either.
#include "cache/Cache.h"
#include "client/SyncController.h"
#include "FaultProxy.h"
#include "sqlite/Sqlite.h"
#include "StoreHarness.h"

#include <QLoggingCategory>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <csignal>
#include <functional>
#include <map>
#include <tuple>

using namespace ibc;
using namespace ibc::test;
using models::Cache;
using models::Command;
using models::CommandType;

namespace {

QString s(const char *text) { return QString::fromUtf8(text); }

// What two copies of an item must agree on.
using ItemState = std::tuple<qint64, int, QString, int>; // version, status, assignee, notes
using State = std::map<QString, ItemState>;

// The items a user's cache holds.
State cacheState(const QString &path)
{
    models::sqlite::Database db(path, models::sqlite::Database::Mode::ReadOnly);
    State out;
    auto st = db.prepare("SELECT id, version, status, assignee, (SELECT count(*) FROM notes n WHERE n.item_id = i.id) "
                         "FROM items i");
    while (st.step())
        out[st.text(0)] = {st.int64(1), int(st.int64(2)), st.text(3), int(st.int64(4))};
    return out;
}

// The items of `partners` (empty: all) as the store has them, read from its file.
State storeState(const QString &db, const QStringList &partners = {})
{
    models::sqlite::Database store(db, models::sqlite::Database::Mode::ReadOnly);
    State out;
    auto st = store.prepare("SELECT id, version, status, assignee, partner, "
                            "(SELECT count(*) FROM notes n WHERE n.item_row = i.row) FROM items i");
    while (st.step())
        if (partners.isEmpty() || partners.contains(st.text(4)))
            out[st.text(0)] = {st.int64(1), int(st.int64(2)), st.text(3), int(st.int64(5))};
    return out;
}

// How many times the store's audit log records each command id (applied or refused).
std::map<QString, int> auditedCommands(const QString &db)
{
    models::sqlite::Database store(db, models::sqlite::Database::Mode::ReadOnly);
    std::map<QString, int> out;
    auto st = store.prepare("SELECT command_id, count(*) FROM audit WHERE command_id != '' GROUP BY command_id");
    while (st.step())
        out[st.text(0)] = int(st.int64(1));
    return out;
}

// The commands the store applied, by id.
QSet<QString> appliedCommands(const QString &db)
{
    models::sqlite::Database store(db, models::sqlite::Database::Mode::ReadOnly);
    QSet<QString> out;
    auto st = store.prepare("SELECT command_id FROM commands WHERE json_extract(outcome, '$.kind') = 0");
    while (st.step())
        out.insert(st.text(0));
    return out;
}

// The engine's options for a test: small pages, so that a pull takes several.
sync::SyncOptions options(const QString &path, const QString &user, const QString &server, bool live)
{
    sync::SyncOptions o;
    o.server = server;
    o.username = user;
    o.cachePath = path;
    o.pageSize = 500;
    o.live = live;
    return o;
}

// One desk: its own cache, as the window opens it, and the engine.
struct Desk {
    Desk(const QString &dir, const QString &user, const QString &server, bool live = true)
        : path(dir + QLatin1Char('/') + user + s(".sqlite"))
    {
        cache = Cache::open(path);
        sync::SyncOptions o = options(path, user, server, live);
        o.pollInterval = std::chrono::milliseconds(2000);
        o.retryFirst = std::chrono::milliseconds(100);
        o.retryCap = std::chrono::milliseconds(1000);
        o.requestTimeout = std::chrono::milliseconds(5000);
        controller = std::make_unique<sync::SyncController>(o);
        username = user;
    }

    models::User user() { return *cache->currentUser(); }

    // Executes a command as the desk does, and tells the engine.
    models::CommandResult act(CommandType type, const QString &itemId, QJsonObject payload = {})
    {
        const auto item = cache->item(itemId);
        const Command c =
            Command::make(type, itemId, item ? item->version : 0, username, cache->clock().now(), payload);
        const models::CommandResult r = cache->execute(c, user());
        if (r.applied) {
            issued.append(c.id);
            controller->outboxChanged();
        }
        return r;
    }

    bool settled()
    {
        return cache->outboxCount() == 0 && controller->status().state == sync::SyncStatus::State::Online;
    }

    QString path;
    QString username;
    std::unique_ptr<Cache> cache;
    std::unique_ptr<sync::SyncController> controller;
    QStringList issued; // command ids this desk made
};

// One pass of a fresh engine on `path`: sync::syncOnce(), as ibc-desk --sync-once runs it.
sync::SyncSummary syncOnce(const QString &path, const QString &user, const QString &server, bool *ok)
{
    const sync::SyncOnceResult result = sync::syncOnce(options(path, user, server, false), s("demo-") + user);
    *ok = result.summary.has_value();
    if (!*ok)
        qWarning() << "sync failed:" << result.error;
    return result.summary.value_or(sync::SyncSummary{});
}

} // namespace

class TestSync : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void firstSyncFillsTheCacheWithTheUsersScopeOnly();
    void aCommandOnOneDeskAppearsOnAnother();
    void bothSidesEditOfflineThenEveryCommandIsAppliedOnceOrShownAsAConflict();
    void anItemClaimedBeforeAnOutageStaysWithItsCaseworker();
    void anEndedSessionAsksForThePasswordAndKeepsTheOutbox();
    void aBadNetworkLosesNothingAndAppliesNothingTwice();
    void aDeskKilledMidPullOrMidPushLosesNothing();
    void syncOnceReportsWhatWentWrong();

private:
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_proxy->port()); }
    std::unique_ptr<StoreProcess> m_store;
    std::unique_ptr<FaultProxy> m_proxy;
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestSync::initTestCase() { QLoggingCategory::setFilterRules(s("ibc.cache.info=false\nibc.sync.info=false")); }

void TestSync::init()
{
    m_store = std::make_unique<StoreProcess>();
    QVERIFY2(m_store->seed(1500, 11), qPrintable(m_store->lastError()));
    QVERIFY2(m_store->start({s("--token-lifetime"), s("3600")}), qPrintable(m_store->lastError()));
    m_proxy = std::make_unique<FaultProxy>(s("127.0.0.1"), m_store->port());
    m_proxy->setFaultsEnabled(false);
    QVERIFY(m_proxy->start() != 0);
    m_dir = std::make_unique<QTemporaryDir>();
}

void TestSync::cleanup()
{
    m_proxy.reset();
    m_store.reset();
    m_dir.reset();
}

void TestSync::firstSyncFillsTheCacheWithTheUsersScopeOnly()
{
    const QString path = m_dir->filePath(s("rhys.sqlite"));
    Cache::open(path);
    bool ok = false;
    // The first sync's progress knows the total from its first page (pages of 50: several).
    {
        const QString other = m_dir->filePath(s("rhys-progress.sqlite"));
        Cache::open(other);
        sync::SyncOptions o = options(other, s("rhys.evans"), url(), false);
        o.pageSize = 50;
        sync::SyncController c(o);
        QSignalSpy progress(&c, &sync::SyncController::progress);
        QSignalSpy done(&c, &sync::SyncController::passDone);
        c.runOnce(s("demo-rhys.evans"));
        QVERIFY(done.wait(60000));
        QVERIFY(progress.size() >= 3);
        const auto firstStep = progress.first().first().value<sync::SyncProgress>();
        const auto lastStep = progress.last().first().value<sync::SyncProgress>();
        QVERIFY(firstStep.initial);
        QCOMPARE(firstStep.total, qint64(storeState(m_store->db(), {s("HCC")}).size()));
        QVERIFY(lastStep.done);
        QCOMPARE(lastStep.items, lastStep.total);
        // Before the end, the desk hears that every item is in and the indexes are being built.
        const auto beforeLast = progress.at(progress.size() - 2).first().value<sync::SyncProgress>();
        QVERIFY(beforeLast.indexing && !beforeLast.done);
        QCOMPARE(beforeLast.items, lastStep.total);
    }
    const sync::SyncSummary first = syncOnce(path, s("rhys.evans"), url(), &ok);
    QVERIFY(ok);
    const State expected = storeState(m_store->db(), {s("HCC")});
    QVERIFY(expected.size() > 50);
    QCOMPARE(first.pulled, qint64(expected.size()));
    QCOMPARE(cacheState(path), expected); // HCC's items, and no other partner's

    const sync::SyncSummary again = syncOnce(path, s("rhys.evans"), url(), &ok);
    QVERIFY(ok);
    QCOMPARE(again.pulled, qint64(0));
    QVERIFY(again.checkpoint >= first.checkpoint); // it may move past changes of other partners
    QCOMPARE(cacheState(path), expected);
}

void TestSync::aCommandOnOneDeskAppearsOnAnother()
{
    Desk sam(m_dir->path(), s("sam.patel"), url());
    Desk rhys(m_dir->path(), s("rhys.evans"), url());
    sam.controller->start(s("demo-sam.patel"));
    rhys.controller->start(s("demo-rhys.evans"));
    QTRY_VERIFY_WITH_TIMEOUT(sam.settled() && rhys.settled() && rhys.cache->itemCount() > 0, 60000);

    // An unassigned HCC item: both may see it.
    const State rhysBefore = cacheState(rhys.path);
    QString id;
    for (const auto &[itemId, st] : rhysBefore)
        if (std::get<2>(st).isEmpty() && std::get<1>(st) == int(models::Status::New)) {
            id = itemId;
            break;
        }
    QVERIFY(!id.isEmpty());
    QVERIFY(sam.act(CommandType::Claim, id).applied);
    QVERIFY(sam.act(CommandType::AddNote, id, {{s("text"), s("Rang the school about the start date.")}}).applied);

    // Pushed by sam's engine, poked to rhys's, pulled into rhys's cache.
    QTRY_COMPARE_WITH_TIMEOUT(rhys.cache->item(id)->assignee, s("sam.patel"), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(int(rhys.cache->notes(id).size()), std::get<3>(rhysBefore.at(id)) + 1, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(sam.settled(), 30000);
    QCOMPARE(cacheState(sam.path), storeState(m_store->db()));
    QTRY_COMPARE_WITH_TIMEOUT(cacheState(rhys.path), storeState(m_store->db(), {s("HCC")}), 30000);
}

void TestSync::bothSidesEditOfflineThenEveryCommandIsAppliedOnceOrShownAsAConflict()
{
    // Sam has a network of his own, so his desk cannot come back (on its own retry timer) before
    // Rhys's has pushed.
    FaultProxy samNetwork(s("127.0.0.1"), m_store->port());
    samNetwork.setFaultsEnabled(false);
    QVERIFY(samNetwork.start() != 0);
    Desk sam(m_dir->path(), s("sam.patel"), QStringLiteral("http://127.0.0.1:%1").arg(samNetwork.port()));
    Desk rhys(m_dir->path(), s("rhys.evans"), url());
    sam.controller->start(s("demo-sam.patel"));
    rhys.controller->start(s("demo-rhys.evans"));
    QTRY_VERIFY_WITH_TIMEOUT(sam.settled() && rhys.settled(), 60000);

    QStringList unassigned;
    for (const auto &[itemId, st] : cacheState(rhys.path))
        if (std::get<2>(st).isEmpty() && std::get<1>(st) == int(models::Status::New))
            unassigned.append(itemId);
    QVERIFY(unassigned.size() >= 10);

    // The network goes; both keep working on their caches.
    m_proxy->setDown(true);
    samNetwork.setDown(true);
    sam.controller->syncNow();
    rhys.controller->syncNow();
    QTRY_COMPARE_WITH_TIMEOUT(sam.controller->status().state, sync::SyncStatus::State::Offline, 30000);
    QVERIFY(sam.controller->status().offlineSince > 0);
    QVERIFY(!sam.controller->status().problem.isEmpty());
    // The same five items claimed on both desks: one claim of each wins.
    for (int i = 0; i < 5; ++i) {
        QVERIFY(sam.act(CommandType::Claim, unassigned[i]).applied);
        QVERIFY(rhys.act(CommandType::Claim, unassigned[i]).applied);
        QVERIFY(rhys.act(CommandType::Start, unassigned[i]).applied);
    }
    // Work nobody else touches goes through.
    QVERIFY(sam.act(CommandType::Claim, unassigned[5]).applied);
    QVERIFY(sam.act(CommandType::AddNote, unassigned[5], {{s("text"), s("Written offline.")}}).applied);
    QTRY_COMPARE_WITH_TIMEOUT(sam.controller->status().waiting, sam.cache->outboxCount(), 10000);
    QCOMPARE(sam.cache->outboxCount(), 7);
    QCOMPARE(rhys.cache->outboxCount(), 10);

    // Back: the desk that comes back first wins the claims; the other's are conflicts.
    m_proxy->setDown(false);
    rhys.controller->syncNow();
    QTRY_VERIFY_WITH_TIMEOUT(rhys.cache->outboxCount() == 0, 30000);
    QCOMPARE(sam.cache->outboxCount(), 7); // still offline
    samNetwork.setDown(false);
    sam.controller->syncNow();
    QTRY_VERIFY_WITH_TIMEOUT(sam.settled() && rhys.settled(), 30000);

    const QSet<QString> applied = appliedCommands(m_store->db());
    const auto audited = auditedCommands(m_store->db());
    QSet<QString> conflicted;
    for (Desk *d : {&sam, &rhys})
        for (const models::Conflict &c : d->cache->conflicts())
            conflicted.insert(c.command.id);
    for (Desk *d : {&sam, &rhys}) {
        for (const QString &id : d->issued) {
            QVERIFY2(applied.contains(id) != conflicted.contains(id), qPrintable(id)); // one or the other
            QCOMPARE(audited.at(id), 1);                                               // exactly once
        }
    }
    QCOMPARE(sam.cache->conflictCount(), 5); // sam's five claims lost to rhys's
    QCOMPARE(rhys.cache->conflictCount(), 0);
    for (const models::Conflict &c : sam.cache->conflicts()) {
        QCOMPARE(c.kind, models::Conflict::Kind::Conflict);
        QVERIFY(!c.reason.isEmpty());
        QCOMPARE(c.seen.value(s("assignee")).toString(), QString());            // what sam saw
        QCOMPARE(c.theirs.value(s("assignee")).toString(), s("rhys.evans"));    // what the store has
        QCOMPARE(sam.cache->item(c.command.itemId)->assignee, s("rhys.evans")); // and the cache shows
    }
    QTRY_COMPARE_WITH_TIMEOUT(cacheState(sam.path), storeState(m_store->db()), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(cacheState(rhys.path), storeState(m_store->db(), {s("HCC")}), 30000);
}

void TestSync::anItemClaimedBeforeAnOutageStaysWithItsCaseworker()
{
    // Sam's desk goes through the proxy, which fails; Rhys's reaches the store directly.
    Desk sam(m_dir->path(), s("sam.patel"), url());
    Desk rhys(m_dir->path(), s("rhys.evans"), m_store->url());
    sam.controller->start(s("demo-sam.patel"));
    rhys.controller->start(s("demo-rhys.evans"));
    QTRY_VERIFY_WITH_TIMEOUT(sam.settled() && rhys.settled(), 60000);
    const models::User rhysUser = rhys.user();
    const auto next = rhys.cache->claimNext(rhysUser); // the most urgent HCC item, then given back
    QVERIFY(next);
    const QString id = next->id;
    QVERIFY(rhys.act(CommandType::Release, id).applied);
    QTRY_VERIFY_WITH_TIMEOUT(rhys.settled() && rhys.cache->outboxCount() == 0, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(sam.cache->item(id)->assignee.isEmpty(), 30000);

    QVERIFY(sam.act(CommandType::Claim, id).applied);
    QTRY_COMPARE_WITH_TIMEOUT(rhys.cache->item(id)->assignee, s("sam.patel"), 30000);
    QVERIFY(rhys.cache->item(id)->leaseUntil > rhys.cache->clock().now());

    m_proxy->setDown(true); // Sam is offline from here on
    sam.controller->syncNow();
    QTRY_COMPARE_WITH_TIMEOUT(sam.controller->status().state, sync::SyncStatus::State::Offline, 30000);
    QVERIFY(sam.act(CommandType::Start, id).applied);
    QVERIFY(sam.act(CommandType::AddNote, id, {{s("text"), s("Working on it on the train.")}}).applied);

    // Rhys can't take it: not by hand, not with Next item, and not by asking the store directly.
    const models::CommandResult byHand = rhys.act(CommandType::Claim, id);
    QVERIFY(!byHand.applied);
    QCOMPARE(byHand.refusal, models::RefusalCode::ClaimedBySomeoneElse);
    const auto rhysNext = rhys.cache->claimNext(rhysUser);
    QVERIFY(!rhysNext || rhysNext->id != id);
    Http http(m_store->url());
    const QString token = http.loginDemo(s("rhys.evans"));
    const QJsonObject item = http.get(s("/v1/items/") + id, token).json;
    QVERIFY(!item.value(s("claimed_until")).toString().isEmpty());
    const Reply direct = http.post(s("/v1/commands"), batch({command(s("claim"), item)}), token);
    QCOMPARE(direct.status, 200);
    const QJsonObject outcome = direct.json.value(s("results")).toArray().first().toObject();
    QCOMPARE(outcome.value(s("outcome")).toString(), s("rejected"));
    QCOMPARE(outcome.value(s("code")).toString(), s("claimed_by_someone_else"));

    // Sam comes back: the work done offline goes through, with no conflict.
    m_proxy->setDown(false);
    sam.controller->syncNow();
    QTRY_VERIFY_WITH_TIMEOUT(sam.settled(), 30000);
    QCOMPARE(sam.cache->conflictCount(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(rhys.cache->item(id)->status, models::Status::InProgress, 30000);
}

void TestSync::anEndedSessionAsksForThePasswordAndKeepsTheOutbox()
{
    // Sessions of eight seconds, behind a proxy of their own.
    QCOMPARE(m_store->terminate(), 0);
    QVERIFY2(m_store->start({s("--token-lifetime"), s("8")}), qPrintable(m_store->lastError()));
    m_proxy = std::make_unique<FaultProxy>(s("127.0.0.1"), m_store->port());
    QVERIFY(m_proxy->start() != 0);
    Desk sam(m_dir->path(), s("sam.patel"), url());
    sam.controller->start(s("demo-sam.patel"));
    QTRY_VERIFY_WITH_TIMEOUT(sam.settled(), 60000);
    QTest::qWait(9000); // the session ends

    const QString id = cacheState(sam.path).begin()->first;
    QVERIFY(sam.act(CommandType::AddNote, id, {{s("text"), s("Kept through a sign-in.")}}).applied);
    QTRY_COMPARE_WITH_TIMEOUT(sam.controller->status().state, sync::SyncStatus::State::NeedsSignIn, 30000);
    QCOMPARE(sam.cache->outboxCount(), 1);
    QCOMPARE(sam.controller->status().waiting, 1);

    sam.controller->signIn(s("demo-sam.patel"));
    QTRY_VERIFY_WITH_TIMEOUT(sam.settled(), 30000);
    QVERIFY(appliedCommands(m_store->db()).contains(sam.issued.first()));
}

void TestSync::aBadNetworkLosesNothingAndAppliesNothingTwice()
{
    FaultPlan plan;
    // Per 1 KiB each way: a 500-item page (about 560 KiB) is cut about two times in three.
    plan.dropConnectProbability = 0.2;
    plan.resetProbability = 0.002;
    plan.stallProbability = 0.001;
    plan.stallFor = std::chrono::milliseconds(1500);
    plan.stallResetProbability = 0.5;
    plan.maxDelay = std::chrono::milliseconds(30);
    plan.lifetimeResetProbability = 0.8;
    plan.maxLifetime = std::chrono::milliseconds(2000);
    plan.seed = 20261123;
    m_proxy = std::make_unique<FaultProxy>(s("127.0.0.1"), m_store->port(), plan);
    QVERIFY(m_proxy->start() != 0);
    Desk samOnFaults(m_dir->path(), s("sam.patel"), url());
    Desk rhysOnFaults(m_dir->path(), s("rhys.evans"), url());
    samOnFaults.controller->start(s("demo-sam.patel"));
    rhysOnFaults.controller->start(s("demo-rhys.evans"));
    // The first sync goes through the faults too, for ten seconds at most; then a quiet spell if
    // it needs one, so that both desks have work to do under the faults.
    (void)QTest::qWaitFor([&] { return samOnFaults.settled() && rhysOnFaults.settled(); }, 10000);
    m_proxy->setFaultsEnabled(false);
    QTRY_VERIFY_WITH_TIMEOUT(samOnFaults.settled() && rhysOnFaults.settled(), 60000);
    m_proxy->setFaultsEnabled(true);

    // Twenty seconds of work on both desks through the bad network.
    QElapsedTimer timer;
    timer.start();
    auto *rng = QRandomGenerator::global();
    int acted = 0;
    std::map<Desk *, State> states;
    while (timer.elapsed() < 20000) {
        for (Desk *d : {&samOnFaults, &rhysOnFaults}) {
            State &state = states[d];
            if (state.empty() || rng->bounded(20) == 0)
                state = cacheState(d->path);
            auto it = state.begin();
            std::advance(it, rng->bounded(int(state.size())));
            const QString id = it->first;
            const auto current = d->cache->item(id);
            if (current->assignee.isEmpty() && current->status == models::Status::New)
                acted += d->act(CommandType::Claim, id).applied;
            else if (current->assignee == d->username)
                acted += d->act(CommandType::AddNote, id, {{s("text"), QStringLiteral("note %1").arg(acted)}}).applied;
        }
        QTest::qWait(50);
    }
    const FaultProxyStats faults = m_proxy->stats();
    qInfo() << "through the faults:" << acted << "commands;" << faults.resets << "resets," << faults.drops << "drops,"
            << faults.stalls << "stalls," << faults.delays << "delays";
    QVERIFY(acted > 20);
    QVERIFY(faults.resets + faults.drops >= 5);

    m_proxy->setFaultsEnabled(false);
    m_proxy->resetAll();
    samOnFaults.controller->syncNow();
    rhysOnFaults.controller->syncNow();
    QTRY_VERIFY_WITH_TIMEOUT(samOnFaults.settled() && rhysOnFaults.settled(), 90000);
    samOnFaults.controller->syncNow(); // one more pass each, after both have pushed
    rhysOnFaults.controller->syncNow();
    QTRY_COMPARE_WITH_TIMEOUT(cacheState(samOnFaults.path), storeState(m_store->db()), 60000);
    QTRY_COMPARE_WITH_TIMEOUT(cacheState(rhysOnFaults.path), storeState(m_store->db(), {s("HCC")}), 60000);

    const QSet<QString> applied = appliedCommands(m_store->db());
    const auto audited = auditedCommands(m_store->db());
    for (Desk *d : {&samOnFaults, &rhysOnFaults}) {
        QSet<QString> conflicted;
        for (const models::Conflict &c : d->cache->conflicts())
            conflicted.insert(c.command.id);
        for (const QString &id : d->issued) {
            QVERIFY2(applied.contains(id) != conflicted.contains(id), qPrintable(id));
            QCOMPARE(audited.at(id), 1);
        }
    }
}

void TestSync::aDeskKilledMidPullOrMidPushLosesNothing()
{
    // A bigger store, so that a pull takes long enough to be cut short.
    m_proxy.reset();
    m_store = std::make_unique<StoreProcess>();
    QVERIFY2(m_store->seed(20000, 12), qPrintable(m_store->lastError()));
    QVERIFY2(m_store->start(), qPrintable(m_store->lastError()));
    const QString path = m_dir->filePath(s("killed.sqlite"));
    Cache::open(path);

    // Runs ibc-desk --sync-once on the cache; kills it with SIGKILL as soon as `killWhen` holds
    // (polled every 20 ms). Returns true if it was killed, false if it finished first (exit 0).
    const auto runDesk = [&](const std::function<bool()> &killWhen) {
        QProcess desk;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(s("IBC_PASSWORD"), s("demo-sam.patel"));
        env.insert(s("QT_QPA_PLATFORM"), s("offscreen"));
        desk.setProcessEnvironment(env);
        // Pages of 1,000: twenty to a pull, so that each of the three kills below lands mid-pull.
        desk.start(s(IBC_DESK_BIN), {s("--sync-once"), s("--server"), m_store->url(), s("--user"), s("sam.patel"),
                                     s("--cache"), path, s("--page-size"), s("1000")});
        if (!desk.waitForStarted())
            return false;
        bool killed = false;
        while (!desk.waitForFinished(20)) {
            // Only while it runs: kill(0, …) would signal this whole process group.
            if (killWhen && killWhen() && desk.state() == QProcess::Running && desk.processId() > 0) {
                ::kill(pid_t(desk.processId()), SIGKILL);
                killed = true;
                desk.waitForFinished(30000);
                break;
            }
        }
        if (!killed && (desk.exitStatus() != QProcess::NormalExit || desk.exitCode() != 0))
            qWarning() << "ibc-desk --sync-once failed:" << desk.readAllStandardError();
        return killed;
    };
    const auto value = [&](const char *sql) {
        try {
            return models::sqlite::Database(path, models::sqlite::Database::Mode::ReadOnly).scalar(sql, -1);
        } catch (const std::exception &) {
            return qint64(-1);
        }
    };

    // Mid-pull: killed as soon as a page more is in while items are still to come, three times,
    // then run to the end.
    const qint64 total = qint64(storeState(m_store->db()).size());
    int killedPulls = 0;
    for (int i = 0; i < 3; ++i) {
        const qint64 before = value("SELECT coalesce((SELECT value FROM sync_state WHERE key = 'checkpoint'), 0)");
        killedPulls += runDesk([&] {
            return value("SELECT coalesce((SELECT value FROM sync_state WHERE key = 'checkpoint'), 0)") > before &&
                   value("SELECT count(*) FROM items") < total;
        });
    }
    QCOMPARE(killedPulls, 3);
    QVERIFY(!runDesk({}));
    QCOMPARE(cacheState(path), storeState(m_store->db()));

    // Mid-push: 300 commands in the outbox, killed while they go, then run to the end.
    {
        auto cache = Cache::open(path);
        const models::User sam = *cache->currentUser();
        int made = 0;
        for (const auto &[id, st] : cacheState(path)) {
            if (made == 300)
                break;
            if (std::get<2>(st) == s("sam.patel") || std::get<2>(st).isEmpty()) {
                const auto item = cache->item(id);
                made += cache
                            ->execute(Command::make(CommandType::AddNote, id, item->version, s("sam.patel"),
                                                    cache->clock().now(),
                                                    {{s("text"), QStringLiteral("kill test %1").arg(made)}}),
                                      sam)
                            .applied;
            }
        }
        QCOMPARE(cache->outboxCount(), 300);
    }
    std::vector<QString> sent;
    for (const models::OutboxEntry &e : Cache::open(path)->outbox())
        sent.push_back(e.command.id);
    // Killed as soon as part of the outbox has gone, twice, then run to the end.
    int killedPushes = 0;
    for (int i = 0; i < 2; ++i) {
        const qint64 before = value("SELECT count(*) FROM outbox");
        killedPushes += runDesk([&] {
            const qint64 left = value("SELECT count(*) FROM outbox");
            return left >= 0 && left < before && left > 0;
        });
    }
    qInfo() << "desks killed mid-push:" << killedPushes << "of 2";
    QVERIFY(killedPushes >= 1);
    QVERIFY(!runDesk({}));
    QCOMPARE(Cache::open(path)->outboxCount(), 0);
    const QSet<QString> applied = appliedCommands(m_store->db());
    const auto audited = auditedCommands(m_store->db());
    for (const QString &id : sent) {
        QVERIFY2(applied.contains(id), qPrintable(id));
        QCOMPARE(audited.at(id), 1);
    }
    QCOMPARE(cacheState(path), storeState(m_store->db()));
}

void TestSync::syncOnceReportsWhatWentWrong()
{
    const auto run = [&](const QStringList &args, const QByteArray &password, QByteArray *err) {
        QProcess desk;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(s("IBC_PASSWORD"));
        env.insert(s("QT_QPA_PLATFORM"), s("offscreen"));
        desk.setProcessEnvironment(env);
        desk.start(s(IBC_DESK_BIN), args);
        desk.write(password + '\n');
        desk.closeWriteChannel();
        desk.waitForFinished(60000);
        *err = desk.readAllStandardError();
        return desk.exitCode();
    };
    // In process, as ibc-desk --sync-once calls it (sync::syncOnce): what went wrong, in a sentence.
    const QString inProcess = m_dir->filePath(s("once-in-process.sqlite"));
    Cache::open(inProcess);
    const sync::SyncOnceResult refused =
        sync::syncOnce(options(inProcess, s("sam.patel"), url(), false), s("wrong password"));
    QVERIFY(!refused.summary);
    QVERIFY2(refused.error.contains(s("username or password")), qPrintable(refused.error));

    // And as the program: its exit status and its words.
    const QString cache = m_dir->filePath(s("once.sqlite"));
    QByteArray err;
    QCOMPARE(run({s("--sync-once"), s("--server"), url(), s("--user"), s("sam.patel"), s("--cache"), cache},
                 "demo-sam.patel", &err),
             0);
    QCOMPARE(run({s("--sync-once"), s("--server"), url(), s("--user"), s("sam.patel"), s("--cache"), cache},
                 "wrong password", &err),
             1);
    QVERIFY2(err.contains("username or password"), err.constData());
    m_proxy->setDown(true);
    QCOMPARE(run({s("--sync-once"), s("--server"), url(), s("--user"), s("sam.patel"), s("--cache"), cache},
                 "demo-sam.patel", &err),
             1);
    QVERIFY2(err.contains("Cannot reach ibc-store"), err.constData());
    const sync::SyncOnceResult unreachable =
        sync::syncOnce(options(inProcess, s("sam.patel"), url(), false), s("demo-sam.patel"));
    QVERIFY(!unreachable.summary);
    QVERIFY2(unreachable.error.contains(s("Cannot reach ibc-store")), qPrintable(unreachable.error));
    QCOMPARE(
        run({s("--sync-once"), s("--server"), s("ftp://example"), s("--user"), s("sam.patel"), s("--cache"), cache},
            "demo-sam.patel", &err),
        1);
    QVERIFY2(err.contains("http://"), err.constData());
    QCOMPARE(run({s("--sync-once"), s("--user"), s("sam.patel")}, "x", &err), 1);
    QVERIFY2(err.contains("--server"), err.constData());
    QCOMPARE(run({s("--sync-once"), s("--server"), url(), s("--user"), s("sam.patel"), s("--cache"), cache,
                  s("--page-size"), s("20000")},
                 "demo-sam.patel", &err),
             1);
    QVERIFY2(err.contains("--page-size") && err.contains("20000"), err.constData());
}

QTEST_GUILESS_MAIN(TestSync)
#include "tst_sync.moc"
