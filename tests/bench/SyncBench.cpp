// ibc-bench-sync: the sync engine's benchmark (docs/bench.md), against a real `ibc-store serve` on
// loopback. Two parts:
//
// initial: the first sync of a seeded store into an empty cache, end to end (sign-in, every page
//          of the change feed, the cache's indexes), against the plain sqlite3 loop writing the
//          same rows (read back from the synced cache) into a fresh cache file, in the same run:
//          once with the cache's indexes in place, once with them built after the rows.
//          Target: within 3× of the loop.
// latency: a hundred desks connected and in step; a writer desk adds notes at a steady rate, and
//          each other desk's engine reports when the note's item is written in its cache. The time
//          is from the writer issuing the command (before the store commits it, so an upper bound
//          on commit-to-visibility) to the write. Target: p99 under 250 ms.
//
//   ibc-bench-sync --data-dir DIR [--part initial|latency|both] [--items N] [--rounds R]
//                  [--clients N] [--rate R] [--seconds S]
//
// Exit status: 0 when every target is met, 1 when one is missed, 2 when the bench could not run.

#include "BenchUtil.h"
#include "cache/Cache.h"
#include "client/SyncEngine.h"
#include "RawLoad.h"
#include "StoreHarness.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QTemporaryDir>

#include <sqlite3.h>

#include <malloc.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <unordered_map>

using namespace ibc;
using namespace ibc::bench;
using Clock = std::chrono::steady_clock;

namespace {

constexpr double kInitialTarget = 3.0;             // first sync time / the sqlite3 loop's time
constexpr double kLatencyTarget = 250.0;           // ms, p99 from a command to another desk's cache
const QString kUser = QStringLiteral("sam.patel"); // the demo caseworker who sees every partner
const QString kPassword = QStringLiteral("demo-sam.patel");

struct Unavailable : std::runtime_error {
    using std::runtime_error::runtime_error;
};

sync::SyncOptions engineOptions(const QString &server, const QString &cachePath, bool live)
{
    sync::SyncOptions o;
    o.server = server;
    o.username = kUser;
    o.cachePath = cachePath;
    o.live = live;
    return o;
}

// ---- initial: the first sync of a big store into an empty cache

// A store seeded with `items` (seed 42), kept in the data directory for later runs, as the store
// part of scripts/bench keeps it.
QString seededStore(const QString &dataDir, qint64 items)
{
    const QString path = QStringLiteral("%1/store-%2-seed42.sqlite").arg(dataDir).arg(items);
    if (QFile::exists(path)) {
        say(QStringLiteral("store: %1 items, seed 42 (reused %2)").arg(grouped(double(items)), path));
        return path;
    }
    say(QStringLiteral("store: seeding %1 items, seed 42, into %2 …").arg(grouped(double(items)), path));
    const QString tmp = path + QStringLiteral(".tmp");
    removeDb(tmp);
    const test::CliResult r =
        test::runCli({QStringLiteral("seed"), QStringLiteral("--db"), tmp, QStringLiteral("--items"),
                      QString::number(items), QStringLiteral("--seed"), QStringLiteral("42")},
                     {}, 60 * 60 * 1000);
    if (r.exitCode != 0 || !QFile::rename(tmp, path))
        throw Unavailable("ibc-store seed failed: " + (r.err + r.out).toStdString());
    return path;
}

struct SyncRun {
    double seconds = 0;
    sync::SyncSummary summary;
    double peakPerSecond = 0;
};

// One --sync-once pass of the engine into the fresh cache at `cachePath`.
SyncRun firstSync(const QString &server, const QString &cachePath)
{
    removeDb(cachePath);
    models::Cache::open(cachePath); // as the desk makes it
    std::mutex mutex;
    std::condition_variable finished;
    bool done = false;
    QString error;
    SyncRun run;
    qint64 reported = 0;
    Stopwatch sw;
    sync::SyncEngine::Events events;
    events.progress = [&](const sync::SyncProgress &p) {
        if (p.indexing) {
            say(QStringLiteral("    every item in after %1 s; building the cache's indexes …")
                    .arg(fixed(sw.seconds(), 1)));
            return;
        }
        if (p.total > 0 && (p.items - reported >= p.total / 5 || p.done)) {
            reported = p.items;
            say(QStringLiteral("    %1 of %2 items, %3 items/s")
                    .arg(grouped(double(p.items)), grouped(double(p.total)), grouped(p.perSecond)));
        }
    };
    events.passDone = [&](const sync::SyncSummary &s) {
        std::lock_guard lock(mutex);
        run.summary = s;
        done = true;
        finished.notify_all();
    };
    events.onceFailed = [&](const QString &why) {
        std::lock_guard lock(mutex);
        error = why;
        done = true;
        finished.notify_all();
    };
    sync::SyncEngine engine(engineOptions(server, cachePath, false), events);
    sw.restart();
    engine.runOnce(kPassword);
    {
        std::unique_lock lock(mutex);
        finished.wait(lock, [&] { return done; });
    }
    run.seconds = sw.seconds();
    if (!error.isEmpty())
        throw Unavailable("the first sync failed: " + error.toStdString());
    return run;
}

void runInitial(const QString &dataDir, qint64 items, int rounds)
{
    say(QStringLiteral(
            "\n== First sync into an empty cache: a real ibc-store on loopback against the sqlite3 loop (load %1) ==")
            .arg(loadAverage()));
    const QString seeded = seededStore(dataDir, items);
    QTemporaryDir dir(dataDir + QStringLiteral("/sync-XXXXXX"));
    const QString synced = dir.filePath(QStringLiteral("synced.sqlite"));
    const QString liveBaseline = dir.filePath(QStringLiteral("sqlite3-live.sqlite"));
    const QString bareBaseline = dir.filePath(QStringLiteral("sqlite3-bare.sqlite"));

    std::vector<double> syncSeconds, liveSeconds, bareSeconds;
    qint64 pulled = 0;
    for (int round = 1; round <= rounds; ++round) {
        {
            // A fresh copy of the store each round, served by a fresh ibc-store.
            test::StoreProcess store;
            if (!QFile::copy(seeded, store.db()))
                throw Unavailable("cannot copy the seeded store");
            if (!store.start())
                throw Unavailable("ibc-store serve did not start: " + store.lastError().toStdString());
            say(QStringLiteral("  round %1: ibc-desk's engine pulling from %2 …").arg(round).arg(store.url()));
            const SyncRun run = firstSync(store.url(), synced);
            syncSeconds.push_back(run.seconds);
            pulled = run.summary.pulled;
            say(QStringLiteral("  round %1 first sync: %2 items in %3 s, %4 items/s")
                    .arg(round)
                    .arg(grouped(double(pulled)), fixed(run.seconds, 1), grouped(double(pulled) / run.seconds)));
        } // the store stops before the baselines run, so that they have the machine to themselves
        say(QStringLiteral("  round %1: reading the synced rows for the baselines …").arg(round));
        const RawData raw = readRaw(synced);
        const double n = double(raw.items.size());
        liveSeconds.push_back(loadBaseline(liveBaseline, raw, Indexes::Live));
        say(QStringLiteral("  round %1 sqlite3 loop, indexes in place: %2 s, %3 items/s")
                .arg(round)
                .arg(fixed(liveSeconds.back(), 1), grouped(n / liveSeconds.back())));
        bareSeconds.push_back(loadBaseline(bareBaseline, raw, Indexes::BuiltAfter));
        say(QStringLiteral("  round %1 sqlite3 loop, indexes built after: %2 s, %3 items/s")
                .arg(round)
                .arg(fixed(bareSeconds.back(), 1), grouped(n / bareSeconds.back())));
    }
    const QString expected = fingerprint(synced);
    const bool same = fingerprint(liveBaseline) == expected && fingerprint(bareBaseline) == expected;
    const double ours = *std::min_element(syncSeconds.begin(), syncSeconds.end());
    const double live = *std::min_element(liveSeconds.begin(), liveSeconds.end());
    const double bare = *std::min_element(bareSeconds.begin(), bareSeconds.end());
    say(QStringLiteral("first sync of %1 items: %2 s (%3 items/s), from sign-in to the indexes built")
            .arg(grouped(double(pulled)), fixed(ours, 1), grouped(double(pulled) / ours)));
    say(QStringLiteral("  against the sqlite3 loop, indexes in place:  %1 s  ratio %2× (target ≤ %3×) %4")
            .arg(fixed(live, 1), fixed(ours / live, 2), fixed(kInitialTarget, 0),
                 verdict(ours / live <= kInitialTarget)));
    say(QStringLiteral("  against the sqlite3 loop, indexes built after: %1 s  ratio %2× (target ≤ %3×) %4")
            .arg(fixed(bare, 1), fixed(ours / bare, 2), fixed(kInitialTarget, 0),
                 verdict(ours / bare <= kInitialTarget)));
    say(QStringLiteral("  (best of %1 rounds each; every item pulled: %2; same rows in all three files: %3)")
            .arg(rounds)
            .arg(pulled == items ? QStringLiteral("yes") : QStringLiteral("NO"),
                 same ? QStringLiteral("yes") : QStringLiteral("NO")));
    if (pulled != items || !same)
        noteFailure();
}

// ---- latency: a command on one desk to its visibility in a hundred others

// One desk connected to the store: its cache and its live engine, which calls `changed` with the
// items it has written to the cache.
class Desk {
public:
    Desk(const QString &server, const QString &cachePath, std::function<void(const QStringList &)> changed)
    {
        removeDb(cachePath);
        m_cache = models::Cache::open(cachePath);
        sync::SyncEngine::Events events;
        events.changed = std::move(changed);
        events.passDone = [this](const sync::SyncSummary &) { m_passes.fetch_add(1); };
        events.status = [this](const sync::SyncStatus &s) {
            std::lock_guard lock(m_mutex);
            m_problem = s.problem;
        };
        m_engine = std::make_unique<sync::SyncEngine>(engineOptions(server, cachePath, true), events);
    }

    void start() { m_engine->start(kPassword); }
    int passes() const { return m_passes.load(); }
    QString problem()
    {
        std::lock_guard lock(m_mutex);
        return m_problem;
    }
    models::Cache &cache() { return *m_cache; }
    sync::SyncEngine &engine() { return *m_engine; }

private:
    std::unique_ptr<models::Cache> m_cache;
    std::unique_ptr<sync::SyncEngine> m_engine;
    std::atomic<int> m_passes{0};
    std::mutex m_mutex;
    QString m_problem;
};

// Waits until `ready` holds, up to `seconds`.
bool waitFor(const std::function<bool()> &ready, double seconds)
{
    const auto deadline = Clock::now() + std::chrono::duration<double>(seconds);
    while (!ready()) {
        if (Clock::now() > deadline)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return true;
}

QStringList itemIds(const QString &cachePath)
{
    sqlite3 *db = nullptr;
    sqlite3_open_v2(cachePath.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt *st = nullptr;
    sqlite3_prepare_v2(db, "SELECT id FROM items ORDER BY row", -1, &st, nullptr);
    QStringList ids;
    while (sqlite3_step(st) == SQLITE_ROW)
        ids << QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(st, 0)));
    sqlite3_finalize(st);
    sqlite3_close(db);
    return ids;
}

double percentile(const std::vector<double> &sorted, double p)
{
    if (sorted.empty())
        return -1;
    const std::size_t i = std::min(sorted.size() - 1, std::size_t(p / 100.0 * double(sorted.size())));
    return sorted[i];
}

void runLatency(const QString &dataDir, int clients, double rate, double seconds)
{
    say(QStringLiteral("\n== A command on one desk to another desk's cache, %1 desks connected ==").arg(clients));
    test::StoreProcess store;
    if (!store.seed(2000, 42) || !store.start())
        throw Unavailable("ibc-store did not start: " + store.lastError().toStdString());
    QTemporaryDir dir(dataDir + QStringLiteral("/latency-XXXXXX"));

    // The commands in flight: item id → when the writer issued its note. Each item is used once.
    std::mutex mutex;
    std::unordered_map<QString, Clock::time_point> issued;
    std::vector<std::vector<double>> seen; // per desk: ms to each note
    std::vector<QSet<QString>> seenIds;    // per desk: the notes' items it has written
    seen.resize(std::size_t(clients));
    seenIds.resize(std::size_t(clients));

    std::vector<std::unique_ptr<Desk>> desks;
    for (int i = 0; i < clients; ++i) {
        desks.push_back(std::make_unique<Desk>(
            store.url(), dir.filePath(QStringLiteral("desk-%1.sqlite").arg(i)), [&, i](const QStringList &ids) {
                const auto now = Clock::now();
                std::lock_guard lock(mutex);
                for (const QString &id : ids) {
                    const auto it = issued.find(id);
                    if (it == issued.end() || seenIds[i].contains(id))
                        continue;
                    seenIds[i].insert(id);
                    seen[i].push_back(std::chrono::duration<double, std::milli>(now - it->second).count());
                }
            }));
    }
    Desk writer(store.url(), dir.filePath(QStringLiteral("writer.sqlite")), {});
    Stopwatch connecting;
    for (auto &d : desks)
        d->start();
    writer.start();
    auto allInStep = [&] {
        return writer.passes() > 0 && std::all_of(desks.begin(), desks.end(), [](auto &d) { return d->passes() > 0; });
    };
    if (!waitFor(allInStep, 180)) {
        const auto lagging = std::find_if(desks.begin(), desks.end(), [](auto &d) { return d->passes() == 0; });
        throw Unavailable("the desks did not all sign in and sync within 3 minutes: " +
                          (lagging != desks.end() ? (*lagging)->problem() : writer.problem()).toStdString());
    }
    say(QStringLiteral("  %1 desks signed in and synced 2,000 items each in %2 s (load %3)")
            .arg(clients + 1)
            .arg(fixed(connecting.seconds(), 1), loadAverage()));
    std::this_thread::sleep_for(std::chrono::seconds(2)); // the live sockets up and quiet

    // The writer adds a note to a fresh item at a steady rate, as a caseworker's desk does.
    const QStringList ids = itemIds(dir.filePath(QStringLiteral("writer.sqlite")));
    const models::User user = *writer.cache().currentUser();
    const int wanted = int(rate * seconds);
    const auto interval = std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(1.0 / rate));
    int commands = 0, next = 0;
    auto due = Clock::now();
    while (commands < wanted && next < ids.size()) {
        std::this_thread::sleep_until(due);
        due += interval;
        const QString id = ids[next++];
        const auto item = writer.cache().item(id);
        const models::Command c = models::Command::make(
            models::CommandType::AddNote, id, item ? item->version : 0, kUser, writer.cache().clock().now(),
            {{QStringLiteral("text"), QStringLiteral("Checked with the payroll team.")}});
        {
            std::lock_guard lock(mutex);
            issued[id] = Clock::now();
        }
        if (!writer.cache().execute(c, user).applied) {
            std::lock_guard lock(mutex);
            issued.erase(id);
            due -= interval; // not a command: try the next item at once
            continue;
        }
        writer.engine().outboxChanged();
        ++commands;
    }
    const std::size_t expected = std::size_t(commands) * std::size_t(clients);
    auto count = [&] {
        std::lock_guard lock(mutex);
        std::size_t n = 0;
        for (const auto &v : seen)
            n += v.size();
        return n;
    };
    waitFor([&] { return count() == expected; }, 30);

    std::vector<double> all;
    {
        std::lock_guard lock(mutex);
        for (const auto &v : seen)
            all.insert(all.end(), v.begin(), v.end());
    }
    std::sort(all.begin(), all.end());
    const double p99 = percentile(all, 99);
    say(QStringLiteral("  %1 notes at %2 a second for %3 s; %4 of %5 arrivals (commands × desks) seen")
            .arg(commands)
            .arg(fixed(rate, 1), fixed(seconds, 0), grouped(double(all.size())), grouped(double(expected))));
    say(QStringLiteral("command to another desk's cache, %1 desks: p50 %2 ms  p95 %3 ms  p99 %4 ms  max %5 ms "
                       "(target p99 < %6 ms) %7")
            .arg(clients)
            .arg(fixed(percentile(all, 50), 1), fixed(percentile(all, 95), 1), fixed(p99, 1),
                 fixed(all.empty() ? -1 : all.back(), 1), fixed(kLatencyTarget, 0),
                 verdict(!all.empty() && p99 < kLatencyTarget)));
    if (all.size() != expected) {
        say(QStringLiteral("  %1 arrivals missing").arg(grouped(double(expected - all.size()))));
        noteFailure();
    }
    for (auto &d : desks)
        d->engine().stop();
    writer.engine().stop();
}

} // namespace

int main(int argc, char **argv)
{
    // A hundred desks share this process, where each would have a process of its own: give their
    // threads a malloc arena each, and turn off SQLite's process-wide memory statistics, so that
    // they don't queue on two locks no real desk shares.
    mallopt(M_ARENA_MAX, 256);
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("ibc.cache.info=false\nibc.sync.info=false"));
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("IBC Desk sync benchmark: first sync, and command-to-cache latency"));
    p.addHelpOption();
    p.addOptions({
        {QStringLiteral("data-dir"), QStringLiteral("Where the seeded store and the caches go."),
         QStringLiteral("dir")},
        {QStringLiteral("part"), QStringLiteral("initial, latency or both (default)."), QStringLiteral("part"),
         QStringLiteral("both")},
        {QStringLiteral("items"), QStringLiteral("Items in the store the first sync pulls (default 1000000)."),
         QStringLiteral("n"), QStringLiteral("1000000")},
        {QStringLiteral("rounds"),
         QStringLiteral("First syncs and baseline loads, alternating; the best counts (default 1)."),
         QStringLiteral("n"), QStringLiteral("1")},
        {QStringLiteral("clients"), QStringLiteral("Desks connected while the writer works (default 100)."),
         QStringLiteral("n"), QStringLiteral("100")},
        {QStringLiteral("rate"), QStringLiteral("The writer's commands a second (default 5)."), QStringLiteral("r"),
         QStringLiteral("5")},
        {QStringLiteral("seconds"), QStringLiteral("How long the writer works (default 20)."), QStringLiteral("s"),
         QStringLiteral("20")},
    });
    p.process(app);
    const QString part = p.value(QStringLiteral("part"));
    bool ok = true;
    const qint64 items = p.value(QStringLiteral("items")).toLongLong(&ok);
    const int rounds = p.value(QStringLiteral("rounds")).toInt();
    const int clients = p.value(QStringLiteral("clients")).toInt();
    const double rate = p.value(QStringLiteral("rate")).toDouble();
    const double seconds = p.value(QStringLiteral("seconds")).toDouble();
    const QString dataDir = p.value(QStringLiteral("data-dir"));
    QString wrong;
    if (dataDir.isEmpty())
        wrong = QStringLiteral("--data-dir is required");
    else if (part != QLatin1String("initial") && part != QLatin1String("latency") && part != QLatin1String("both"))
        wrong = QStringLiteral("--part wants initial, latency or both, not '%1'").arg(part);
    else if (!ok || items < 1)
        wrong = QStringLiteral("--items wants a positive number, not '%1'").arg(p.value(QStringLiteral("items")));
    else if (rounds < 1 || clients < 1 || rate <= 0 || seconds <= 0)
        wrong = QStringLiteral("--rounds, --clients, --rate and --seconds want positive numbers");
    if (!wrong.isEmpty()) {
        std::fprintf(stderr, "ibc-bench-sync: %s\n", qPrintable(wrong));
        return 2;
    }
    QDir().mkpath(dataDir);
    try {
        if (part != QLatin1String("latency"))
            runInitial(dataDir, items, rounds);
        if (part != QLatin1String("initial"))
            runLatency(dataDir, clients, rate, seconds);
    } catch (const std::exception &e) {
        std::fprintf(stderr, "ibc-bench-sync: %s\n", e.what());
        return 2;
    }
    return failures() ? 1 : 0;
}
