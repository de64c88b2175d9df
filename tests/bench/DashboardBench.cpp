// ibc-bench-dashboard: the team leader's dashboard at a million items (docs/bench.md, "Dashboard").
// Two parts, in one process:
//
// refresh: SlaFiguresReader::compute() over the whole cache for a team leader who works for every
//          partner, and under three filters (one partner, one queue, one team), as the dashboard
//          runs it (a reader made for each refresh); best and median of several runs each, interleaved.
//          Beside it, in the same run, a plain read of the same rows and columns (a sqlite3_step
//          loop with no work per row), a plain GROUP BY count over the items, and the navigator's
//          counts (the window's other read after a sync). Target: under 1 s.
// sync:    a real ibc::ui::MainWindow (offscreen) for priya.shah, showing the dashboard. First the
//          DashboardView's own refresh, from refresh() to its figures on screen (target: under
//          1 s). Then another thread writes pages of changed items into the same cache file through
//          its own connection (Cache::attach, applyChanges, checkpointIfDue) and, after each page,
//          tells the window as the sync engine does (SyncController::itemsChanged, then progress).
//          A 1 ms timer on the GUI thread records every gap between its ticks: the longest is the
//          longest the GUI thread was blocked. Target: under 50 ms; the dashboard must refresh a
//          few times meanwhile, and at most about once a second. Every event the GUI thread
//          spends 2 ms or more on is kept with its receiver, so that a block can be traced.
//
//   ibc-bench-dashboard --data-dir DIR [--items N] [--seed S] [--runs R] [--only refresh|sync]
//                       [--sync-seconds S] [--page-items N] [--page-interval-ms T] [--trace]
//                       [--pool-threads N]   (diagnosis only: QThreadPool::globalInstance()'s size)
//
// The cache (N demo items, seed S, the fixed anchor below) is made once with models::loadDemo and
// kept in DIR as dashboard-N-seedS.sqlite; the sync part works on a fresh copy of it each run.
// Exit status: 0 when every target is met, 1 when one is missed, 2 when the bench could not run.

#include "BenchUtil.h"
#include "cache/Cache.h"
#include "cache/DemoLoad.h"
#include "cache/QueueReader.h"
#include "cache/SlaFigures.h"
#include "client/SyncController.h"
#include "domain/Command.h"
#include "domain/DemoGenerator.h"
#include "itemmodels/QueueModel.h"
#include "RawLoad.h"
#include "ui/DashboardView.h"
#include "ui/ItemPanel.h"
#include "ui/MainWindow.h"

#include <QApplication>
#include <QChartView>
#include <QCommandLineParser>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QThread>
#include <QThreadPool>
#include <QTimer>
#include <QTimeZone>

#include <sqlite3.h>

#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstring>
#include <functional>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <thread>

using namespace ibc;
using namespace ibc::bench;
using models::EpochSecs;
using SteadyClock = std::chrono::steady_clock;

namespace {

// A fixed day, so that a kept cache gives the same figures on any later day: Thursday
// 19 November 2026, 00:00 UTC (GMT), and the dashboard looks at it at 10:00 that morning.
constexpr EpochSecs kAnchor = 1795046400;
constexpr EpochSecs kNow = kAnchor + 10 * 3600;
constexpr double kRefreshTargetMs = 1000.0;
constexpr double kBlockTargetMs = 50.0;
constexpr double kSlowGapMs = 16.0; // a gap this long is taken apart in the report (a frame at 60 Hz)
const QString kTeamLeader = QStringLiteral("priya.shah"); // the demo's team leader for every partner

QString pad(const QString &s, int width) { return s.leftJustified(width); }

double median(std::vector<double> v)
{
    if (v.empty())
        return -1;
    std::sort(v.begin(), v.end());
    return v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
}

double best(const std::vector<double> &v) { return v.empty() ? -1 : *std::min_element(v.begin(), v.end()); }

double nowMs(SteadyClock::time_point since)
{
    return std::chrono::duration<double, std::milli>(SteadyClock::now() - since).count();
}

// CPU time of the calling thread, in ms.
double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// ---- compute()'s own account of its time (qCDebug in ibc.cache), caught from any thread

struct ComputeLog {
    double atMs; // since the bench started
    double totalMs, itemsMs, restMs;
};
std::mutex g_logMutex;
std::vector<ComputeLog> g_computeLogs;
QtMessageHandler g_previousHandler = nullptr;
SteadyClock::time_point g_start;

void catchComputeLog(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (type == QtDebugMsg && context.category && std::strcmp(context.category, "ibc.cache") == 0) {
        static const QRegularExpression re(
            QStringLiteral(R"(^dashboard figures in (\d+) ms: items (\d+) ms, the rest (\d+) ms)"));
        if (const auto m = re.match(message); m.hasMatch()) {
            std::lock_guard lock(g_logMutex);
            g_computeLogs.push_back(
                {nowMs(g_start), m.captured(1).toDouble(), m.captured(2).toDouble(), m.captured(3).toDouble()});
        }
        return; // the cache's other debug lines are not the bench's business
    }
    if (message == QLatin1String("This plugin does not support propagateSizeHints()"))
        return; // the offscreen platform's, on every top-level window
    g_previousHandler(type, context, message);
}

std::vector<ComputeLog> takeComputeLogs()
{
    std::lock_guard lock(g_logMutex);
    return std::exchange(g_computeLogs, {});
}

// ---- the cache

// N demo items, seed S, the fixed anchor, the demo's users: made once by models::loadDemo (as
// `ibc-desk --generate-demo` makes it) and kept for later runs.
QString ensureCache(const QString &dir, qint64 items, quint64 seed)
{
    const QString path = QStringLiteral("%1/dashboard-%2-seed%3.sqlite").arg(dir).arg(items).arg(seed);
    if (QFile::exists(path)) {
        say(QStringLiteral("cache: %1 items, seed %2 (reused %3)").arg(grouped(double(items))).arg(seed).arg(path));
        // An older file is migrated and gets any index it lacks now, not inside a timing.
        const auto t = SteadyClock::now();
        models::Cache::open(path).reset();
        say(QStringLiteral("  opened (and migrated, if older) in %1").arg(ms(nowMs(t))));
        return path;
    }
    say(QStringLiteral("cache: making %1 items, seed %2, into %3 (models::loadDemo) …")
            .arg(grouped(double(items)))
            .arg(seed)
            .arg(path));
    const QString tmp = path + QStringLiteral(".tmp");
    removeDb(tmp);
    const Stopwatch sw;
    {
        const auto cache = models::Cache::open(tmp);
        qint64 lastSaid = 0;
        const qint64 written = models::loadDemo(*cache, items, seed, kAnchor, [&](qint64 n) {
            if (n - lastSaid >= 200000 || n == items) {
                say(QStringLiteral("  %1 of %2 items, %3 s")
                        .arg(grouped(double(n)), grouped(double(items)), fixed(sw.seconds(), 0)));
                lastSaid = n;
            }
            return true;
        });
        if (written != items)
            throw std::runtime_error("loadDemo wrote " + std::to_string(written) + " items");
    }
    if (QFile::exists(tmp + QStringLiteral("-wal")) && QFileInfo(tmp + QStringLiteral("-wal")).size() > 0)
        throw std::runtime_error("the new cache's log was not checkpointed on close");
    removeDb(path);
    QFile::remove(tmp + QStringLiteral("-wal"));
    QFile::remove(tmp + QStringLiteral("-shm"));
    if (!QFile::rename(tmp, path))
        throw std::runtime_error("could not rename the new cache into place");
    say(QStringLiteral("cache: made in %1 s").arg(fixed(sw.seconds(), 0)));
    return path;
}

// ---- part 1: a full refresh

struct NamedFilter {
    QString name;
    models::DashboardFilter filter;
};

// The team the dashboard's Team filter offers for `leader`'s partners: the caseworkers and team
// leaders who work for exactly the same partners (DashboardView groups them so).
QStringList teamOf(const QString &leader)
{
    const auto users = models::DemoGenerator::demoUsers();
    QStringList partners;
    for (const models::User &u : users)
        if (u.username == leader) {
            partners = u.partners;
            partners.sort();
        }
    QStringList members;
    for (const models::User &u : users) {
        QStringList p = u.partners;
        p.sort();
        if ((u.role == models::Role::Caseworker || u.role == models::Role::TeamLeader) && p == partners)
            members << u.username;
    }
    return members;
}

std::vector<NamedFilter> filters(const models::User &leader)
{
    models::DashboardFilter all;
    all.partners = leader.partners; // what the dashboard asks with "All my partners"
    models::DashboardFilter partner = all;
    partner.partner = QStringLiteral("HCC");
    models::DashboardFilter queue = all;
    queue.kind = models::Kind::Invoice;
    models::DashboardFilter team = all;
    team.assignees = teamOf(QStringLiteral("team.leader1"));
    return {
        {QStringLiteral("all %1 partners, no filter").arg(leader.partners.size()), all},
        {QStringLiteral("one partner (HCC)"), partner},
        {QStringLiteral("one queue (invoices)"), queue},
        {QStringLiteral("one team (%1 people)").arg(team.assignees.size()), team},
    };
}

// What the figures hold, so that the report shows each filter did real work.
QString summary(const models::SlaFigures &f)
{
    int open = 0, breached = 0, resolved = 0;
    for (const auto &band : f.openByAge)
        for (const auto &cell : band) {
            open += cell.open;
            breached += cell.breached;
        }
    for (const auto &w : f.weeks)
        resolved += w.all().resolved;
    return QStringLiteral("%1 open (%2 breached), %3 resolved in %4 weeks, %5 caseworkers")
        .arg(grouped(open), grouped(breached), grouped(resolved))
        .arg(f.weeks.size())
        .arg(f.caseworkers.size());
}

// The dashboard's work without the dashboard: read every row and column compute() reads, in one
// read transaction on a connection made as SlaFiguresReader makes its own, and do nothing with them.
struct PlainRead {
    double itemsMs = 0;
    qint64 items = 0;
    quint64 checksum = 0; // of every value read, so that each is really fetched
};

sqlite3 *openLikeTheReader(const QString &path)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
        throw std::runtime_error("cannot open " + path.toStdString());
    sqlite3_exec(db, "PRAGMA cache_size = -32000; PRAGMA temp_store = MEMORY; PRAGMA mmap_size = 4294967296", nullptr,
                 nullptr, nullptr);
    return db;
}

PlainRead plainRead(const QString &path)
{
    PlainRead r;
    sqlite3 *db = openLikeTheReader(path);
    sqlite3_exec(db, "BEGIN", nullptr, nullptr, nullptr);
    const auto scan = [&](const char *sql, qint64 &rows) {
        const auto t = SteadyClock::now();
        sqlite3_stmt *st = nullptr;
        sqlite3_prepare_v2(db, sql, -1, &st, nullptr);
        const int columns = sqlite3_column_count(st);
        while (sqlite3_step(st) == SQLITE_ROW) {
            for (int c = 0; c < columns; ++c)
                r.checksum += sqlite3_column_type(st, c) == SQLITE_TEXT ? quint64(sqlite3_column_bytes(st, c))
                                                                        : quint64(sqlite3_column_int64(st, c));
            ++rows;
        }
        sqlite3_finalize(st);
        return nowMs(t);
    };
    r.itemsMs = scan("SELECT id, kind, partner, status, due, received, assignee, subtype, reference, updated, row, "
                     "started_at, resolved_at, resolved_by FROM items NOT INDEXED",
                     r.items);
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    return r;
}

// SELECT count(*) … GROUP BY, as a plain program would count the items.
double groupByCount(const QString &path, qint64 *counted)
{
    const auto t = SteadyClock::now();
    sqlite3 *db = openLikeTheReader(path);
    sqlite3_stmt *st = nullptr;
    sqlite3_prepare_v2(db, "SELECT partner, kind, status, count(*) FROM items GROUP BY partner, kind, status", -1, &st,
                       nullptr);
    qint64 n = 0;
    while (sqlite3_step(st) == SQLITE_ROW)
        n += sqlite3_column_int64(st, 3);
    sqlite3_finalize(st);
    sqlite3_close(db);
    *counted = n;
    return nowMs(t);
}

// As the dashboard runs it: a reader made for the refresh, one compute().
double timeCompute(const QString &path, const models::DashboardFilter &f, const models::SlaRules &rules,
                   models::SlaFigures *out = nullptr)
{
    const auto t = SteadyClock::now();
    models::SlaFigures figures = models::SlaFiguresReader(path).compute(f, rules, kNow);
    const double elapsed = nowMs(t);
    if (out)
        *out = std::move(figures);
    return elapsed;
}

void runRefreshPart(const QString &path, int runs)
{
    say(QString());
    say(QStringLiteral(
            "== Full refresh: SlaFiguresReader::compute() against a plain read of the same data (load %1) ==")
            .arg(loadAverage()));
    const auto users = models::DemoGenerator::demoUsers();
    const models::User leader =
        *std::find_if(users.begin(), users.end(), [](const models::User &u) { return u.username == kTeamLeader; });
    const auto cache = models::Cache::open(path);
    const std::shared_ptr<const models::SlaRules> rules = cache->slaRules();
    const auto named = filters(leader);

    // A first run of each, untimed in the figures: it brings the file into the OS's cache.
    for (const NamedFilter &n : named) {
        models::SlaFigures f;
        const double first = timeCompute(path, n.filter, *rules, &f);
        say(QStringLiteral("  first run, %1: %2 — %3").arg(n.name, ms(first), summary(f)));
    }
    takeComputeLogs();

    std::vector<std::vector<double>> times(named.size());
    std::vector<std::vector<ComputeLog>> logs(named.size());
    std::vector<double> plain, groupBy, counts;
    PlainRead lastPlain;
    qint64 counted = 0;
    for (int r = 0; r < runs; ++r) {
        lastPlain = plainRead(path);
        plain.push_back(lastPlain.itemsMs);
        groupBy.push_back(groupByCount(path, &counted));
        {
            const auto t = SteadyClock::now();
            models::QueueReader(path).counts(leader.username, leader.partners);
            counts.push_back(nowMs(t));
        }
        for (std::size_t i = 0; i < named.size(); ++i) {
            times[i].push_back(timeCompute(path, named[i].filter, *rules));
            for (const ComputeLog &l : takeComputeLogs())
                logs[i].push_back(l);
        }
    }

    const double plainBest = best(plain);
    say(QStringLiteral("plain read of the same data (sqlite3_step, no work per row; %1 items × 14 columns, a table "
                       "scan): best %2, median %3")
            .arg(grouped(double(lastPlain.items)), ms(plainBest), ms(median(plain))));
    say(QStringLiteral(
            "plain SELECT partner, kind, status, count(*) FROM items GROUP BY …: best %1, median %2 (%3 items)")
            .arg(ms(best(groupBy)), ms(median(groupBy)), grouped(double(counted))));
    for (std::size_t i = 0; i < named.size(); ++i) {
        const double med = median(times[i]);
        QString parts;
        if (!logs[i].empty()) {
            std::vector<double> it, rest;
            for (const ComputeLog &l : logs[i]) {
                it.push_back(l.itemsMs);
                rest.push_back(l.restMs);
            }
            parts = QStringLiteral("  [items %1, the rest %2]").arg(ms(median(it)), ms(median(rest)));
        }
        say(QStringLiteral("compute(), %1 best %2 median %3 (%4× the plain read) (target < %5) %6%7")
                .arg(pad(named[i].name + QLatin1Char(':'), 30), pad(ms(best(times[i])), 9), pad(ms(med), 9),
                     fixed(best(times[i]) / plainBest, 1), ms(kRefreshTargetMs), verdict(med < kRefreshTargetMs),
                     parts));
    }
    say(QStringLiteral(
            "  (best and median of %1 runs each, interleaved; each run a new SlaFiguresReader, as the dashboard "
            "makes one per refresh; [its own log's split, medians])")
            .arg(runs));
    say(QStringLiteral("the navigator's counts, which the window reads after every sync, on a core of the two "
                       "(QueueReader::counts for %1): best %2, median %3")
            .arg(kTeamLeader, ms(best(counts)), ms(median(counts))));
}

// ---- part 2: the GUI thread while the dashboard refreshes during a sync

// Objects whose members (timers, future watchers: QObjects with no parent) can be told apart by
// address, so that an event to one is put down to its owner.
struct Owner {
    const void *object;
    std::size_t size;
    const char *name;
};

// What received an event, taken before delivery (the receiver may be gone after it: an old chart)
// and cheaply (every event the GUI thread delivers is timed): names are turned into text only for
// the slow ones.
struct Receiver {
    const char *className = nullptr;
    QString objectName;
    const char *owner = nullptr;
    std::array<const char *, 3> parents{};
    int timerInterval = -1;
    QEvent::Type type = QEvent::None;

    QString toString() const
    {
        QString s = QLatin1String(className);
        if (!objectName.isEmpty())
            s += QLatin1Char('#') + objectName;
        if (timerInterval >= 0)
            s += QStringLiteral(" (%1 ms)").arg(timerInterval);
        if (owner)
            s += QStringLiteral(", a member of ") + QLatin1String(owner);
        for (const char *p : parents)
            if (p)
                s += QStringLiteral(" ← ") + QLatin1String(p);
        return s + QStringLiteral(" [%1]").arg(eventName(type));
    }
    static QString eventName(QEvent::Type t)
    {
        switch (t) {
        case QEvent::Timer: return QStringLiteral("Timer");
        case QEvent::MetaCall: return QStringLiteral("MetaCall: a queued call or signal");
        case QEvent::FutureCallOut: return QStringLiteral("FutureCallOut: a QFutureWatcher's result");
        case QEvent::Paint: return QStringLiteral("Paint");
        case QEvent::UpdateRequest: return QStringLiteral("UpdateRequest: paints the window");
        case QEvent::LayoutRequest: return QStringLiteral("LayoutRequest");
        case QEvent::Resize: return QStringLiteral("Resize");
        case QEvent::Show: return QStringLiteral("Show");
        case QEvent::Polish: return QStringLiteral("Polish");
        case QEvent::PolishRequest: return QStringLiteral("PolishRequest");
        case QEvent::DeferredDelete: return QStringLiteral("DeferredDelete");
        case QEvent::GraphicsSceneResize: return QStringLiteral("GraphicsSceneResize");
        default: return QStringLiteral("event %1").arg(int(t));
        }
    }
};

// An event the GUI thread spent 2 ms or more on.
struct Delivered {
    double atMs = 0;  // since the sync began
    double ms = 0;    // wall time in it
    double cpuMs = 0; // the GUI thread's CPU time in it
    int poolBusy = 0; // QThreadPool::globalInstance()'s busy threads when it began
    Receiver receiver;
    std::vector<std::pair<double, Receiver>> inside; // the longest events delivered while it ran (paints, sends)
};

// Times every event the GUI thread delivers, and keeps those of 2 ms or more with what received them.
class BenchApplication : public QApplication {
public:
    using QApplication::QApplication;

    std::vector<Owner> owners;
    std::vector<Delivered> delivered;
    const QObject *ignore = nullptr; // the heartbeat's own timer
    bool recording = false;
    SteadyClock::time_point origin;

    bool notify(QObject *receiver, QEvent *event) override
    {
        if (!recording || receiver == ignore || QThread::currentThread() != thread())
            return QApplication::notify(receiver, event);
        const int depth = m_depth++;
        const auto t0 = SteadyClock::now();
        const double cpu0 = depth == 0 ? threadCpuMs() : 0;
        const int poolBusy = depth == 0 ? QThreadPool::globalInstance()->activeThreadCount() : 0;
        const Receiver r = describe(receiver, event->type());
        bool result = false;
        try {
            result = QApplication::notify(receiver, event);
        } catch (...) {
            --m_depth;
            throw;
        }
        --m_depth;
        const double elapsed = nowMs(t0);
        if (depth == 0) {
            if (elapsed >= 2.0) {
                std::sort(m_inside.begin(), m_inside.end(),
                          [](const auto &a, const auto &b) { return a.first > b.first; });
                if (m_inside.size() > 4)
                    m_inside.resize(4);
                delivered.push_back({std::chrono::duration<double, std::milli>(t0 - origin).count(), elapsed,
                                     threadCpuMs() - cpu0, poolBusy, r, std::move(m_inside)});
            }
            m_inside.clear();
        } else if (elapsed >= 2.0) {
            m_inside.emplace_back(elapsed, r);
        }
        return result;
    }

private:
    Receiver describe(const QObject *o, QEvent::Type type) const
    {
        Receiver r;
        r.type = type;
        r.className = o->metaObject()->className();
        r.objectName = o->objectName();
        if (const auto *timer = qobject_cast<const QTimer *>(o))
            r.timerInterval = timer->interval();
        const auto *address = reinterpret_cast<const char *>(o);
        for (const Owner &w : owners)
            if (address > static_cast<const char *>(w.object) &&
                address < static_cast<const char *>(w.object) + w.size) {
                r.owner = w.name;
                break;
            }
        std::size_t up = 0;
        for (const QObject *p = o->parent(); p && up < r.parents.size(); p = p->parent())
            r.parents[up++] = p->metaObject()->className();
        return r;
    }

    int m_depth = 0;
    std::vector<std::pair<double, Receiver>> m_inside;
};

// A 1 ms timer on the GUI thread: the gap between two ticks is how long the thread could not
// get back to its event loop. Each gap keeps the thread's CPU time and context switches in it, to
// tell work on the GUI thread (CPU) from waiting (for a lock, the disk, or a core: the machine has two).
class Heartbeat {
public:
    struct Gap {
        double atMs, ms, cpuMs;
        long voluntary, involuntary;
        int poolBusy; // QThreadPool::globalInstance()'s busy threads at the tick that ended it
    };

    explicit Heartbeat(std::function<void()> onTick) : m_onTick(std::move(onTick))
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        QObject::connect(&m_timer, &QTimer::timeout, [this] { tick(); });
    }

    void start(SteadyClock::time_point origin)
    {
        m_origin = origin;
        m_gaps.clear();
        m_gaps.reserve(200000);
        m_last = SteadyClock::now();
        m_lastCpu = threadCpuMs();
        m_lastUsage = usage();
        m_timer.start();
    }
    void stop() { m_timer.stop(); }
    const std::vector<Gap> &gaps() const { return m_gaps; }
    const QObject *timer() const { return &m_timer; }

private:
    static rusage usage()
    {
        rusage ru{};
        getrusage(RUSAGE_THREAD, &ru);
        return ru;
    }
    void tick()
    {
        const auto now = SteadyClock::now();
        const double cpu = threadCpuMs();
        const rusage ru = usage();
        m_gaps.push_back({std::chrono::duration<double, std::milli>(m_last - m_origin).count(),
                          std::chrono::duration<double, std::milli>(now - m_last).count(), cpu - m_lastCpu,
                          ru.ru_nvcsw - m_lastUsage.ru_nvcsw, ru.ru_nivcsw - m_lastUsage.ru_nivcsw,
                          QThreadPool::globalInstance()->activeThreadCount()});
        m_last = now;
        m_lastCpu = cpu;
        m_lastUsage = ru;
        if (m_onTick)
            m_onTick();
    }

    QTimer m_timer;
    std::function<void()> m_onTick;
    std::vector<Gap> m_gaps;
    SteadyClock::time_point m_origin, m_last;
    double m_lastCpu = 0;
    rusage m_lastUsage{};
};

// Runs the event loop until `done` or the time is up.
bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    if (done())
        return true;
    QEventLoop loop;
    QTimer poll;
    poll.setInterval(5);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    poll.start();
    loop.exec();
    return done();
}

void spin(int msToRun)
{
    waitUntil([] { return false; }, msToRun);
}

// The sync engine's part, on a thread of its own: pages of changed items written through the
// engine's kind of connection (Cache::attach), the desk told after each page as the engine tells
// it (SyncController's itemsChanged, then progress), then checkpointIfDue(), as the engine does.
// The changes are what other desks send: most on open work (claimed, started, resolved, resumed),
// some on closed work (approved, a note), each with the new history line and a new version.
class SyncSimulator {
public:
    struct Options {
        QString path;
        int pageItems = 1000;
        int intervalMs = 500;
        double seconds = 30;
        quint64 seed = 7;
    };
    struct Result {
        int pages = 0;
        qint64 written = 0;
        std::vector<double> writeMs;      // applyChanges, each page
        std::vector<double> pageAtMs;     // when the desk was told of each page
        std::vector<double> checkpointMs; // checkpointIfDue, each page
        QString error;
    };

    SyncSimulator(Options o, sync::SyncController &controller, const models::Clock &clock)
        : m_o(std::move(o))
        , m_controller(controller)
        , m_clock(clock)
    {
        for (const models::User &u : models::DemoGenerator::demoUsers())
            if (u.role == models::Role::Caseworker)
                for (const QString &p : u.partners)
                    m_workers[p] << u.username;
        // The open items, picked from more often: other desks work on open work.
        sqlite3 *db = openLikeTheReader(m_o.path);
        sqlite3_stmt *st = nullptr;
        sqlite3_prepare_v2(db, "SELECT row FROM items WHERE status NOT IN (5, 7)", -1, &st, nullptr);
        while (sqlite3_step(st) == SQLITE_ROW)
            m_openRows.push_back(sqlite3_column_int64(st, 0));
        sqlite3_finalize(st);
        sqlite3_prepare_v2(db, "SELECT max(row) FROM items", -1, &st, nullptr);
        if (sqlite3_step(st) == SQLITE_ROW)
            m_maxRow = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
        sqlite3_close(db);
    }
    ~SyncSimulator() { stop(); }

    void start(SteadyClock::time_point origin)
    {
        m_origin = origin;
        m_thread = std::thread([this] {
            try {
                run();
            } catch (const std::exception &e) {
                m_result.error = QString::fromUtf8(e.what());
            }
            m_finished = true;
        });
    }
    void stop()
    {
        m_stop = true;
        if (m_thread.joinable())
            m_thread.join();
    }
    bool finished() const { return m_finished; }
    const Result &result() const { return m_result; }

private:
    void run()
    {
        const auto cache = models::Cache::attach(m_o.path, m_clock);
        std::mt19937_64 rng(m_o.seed);
        qint64 seq = cache->checkpoint();
        sync::SyncProgress progress;
        const auto began = SteadyClock::now();
        for (int page = 0; !m_stop; ++page) {
            const double slot = double(page) * m_o.intervalMs;
            if (slot >= m_o.seconds * 1000)
                break;
            while (!m_stop && nowMs(began) < slot)
                std::this_thread::sleep_for(std::chrono::milliseconds(2));
            if (m_stop)
                break;
            std::vector<models::GeneratedItem> items = changedItems(*cache, rng);
            auto t = SteadyClock::now();
            const models::PullResult written = cache->applyChanges(items, ++seq);
            m_result.writeMs.push_back(nowMs(t));
            QStringList ids; // as the engine: named up to 200 a page, else "too many to name"
            if (items.size() <= 200)
                for (const models::GeneratedItem &g : items)
                    ids << g.item.id;
            progress.items += qint64(items.size());
            progress.perSecond = double(progress.items) / std::max(1e-3, nowMs(began) / 1000);
            progress.done = true;
            QMetaObject::invokeMethod(
                &m_controller, [c = &m_controller, ids] { Q_EMIT c->itemsChanged(ids); }, Qt::QueuedConnection);
            QMetaObject::invokeMethod(
                &m_controller, [c = &m_controller, progress] { Q_EMIT c->progress(progress); }, Qt::QueuedConnection);
            m_result.pageAtMs.push_back(nowMs(m_origin));
            t = SteadyClock::now();
            cache->checkpointIfDue(); // now that the desk knows
            m_result.checkpointMs.push_back(nowMs(t));
            ++m_result.pages;
            m_result.written += written.written;
        }
    }

    std::vector<models::GeneratedItem> changedItems(models::Cache &cache, std::mt19937_64 &rng)
    {
        std::set<qint64> rows;
        std::uniform_int_distribution<qint64> anyRow(1, std::max<qint64>(1, m_maxRow));
        std::uniform_int_distribution<std::size_t> openRow(0, m_openRows.empty() ? 0 : m_openRows.size() - 1);
        for (int tries = 0; int(rows.size()) < m_o.pageItems && tries < 10 * m_o.pageItems; ++tries)
            rows.insert(!m_openRows.empty() && rng() % 4 != 0 ? m_openRows[openRow(rng)] : anyRow(rng));
        std::vector<models::GeneratedItem> page;
        page.reserve(rows.size());
        for (const qint64 row : rows) {
            const auto item = cache.itemAtRow(row);
            if (!item)
                continue;
            models::GeneratedItem g;
            g.item = *item;
            g.notes = cache.notes(item->id);
            g.events = cache.events(item->id);
            change(g, kNow - EpochSecs(rng() % 7200), rng);
            page.push_back(std::move(g));
        }
        return page;
    }

    void change(models::GeneratedItem &g, EpochSecs at, std::mt19937_64 &rng)
    {
        using models::CommandType;
        using models::Status;
        models::WorkItem &it = g.item;
        if (!g.events.empty())
            at = std::max(at, g.events.back().at + 60);
        const QStringList &pool = m_workers[it.partner];
        const QString worker = !it.assignee.isEmpty() ? it.assignee
                               : pool.isEmpty()       ? QStringLiteral("sam.patel")
                                                      : pool[qsizetype(rng() % quint64(pool.size()))];
        const auto move = [&](CommandType type, Status to, const QString &actor, const QString &detail = {}) {
            g.events.push_back(models::Event{it.id, at, actor, models::commandName(type), it.status, to, detail});
            it.status = to;
        };
        switch (it.status) {
        case Status::New:
            it.assignee = worker;
            move(CommandType::Claim, Status::Assigned, worker);
            break;
        case Status::Assigned:
        case Status::Reopened: move(CommandType::Start, Status::InProgress, worker); break;
        case Status::InProgress:
            move(CommandType::Resolve, Status::Resolved, worker, QStringLiteral("Processed"));
            break;
        case Status::AwaitingInfo:
        case Status::Escalated: move(CommandType::Resume, Status::InProgress, worker); break;
        case Status::Resolved: move(CommandType::Approve, Status::Closed, kTeamLeader); break;
        case Status::AwaitingCheck: move(CommandType::PassCheck, Status::Closed, kTeamLeader); break;
        case Status::Closed:
            g.notes.push_back(models::Note{it.id, at, kTeamLeader, QStringLiteral("Checked for the monthly audit.")});
            break;
        }
        it.updated = at;
        ++it.version;
    }

    Options m_o;
    sync::SyncController &m_controller;
    const models::Clock &m_clock;
    QHash<QString, QStringList> m_workers; // caseworkers by partner
    std::vector<qint64> m_openRows;
    qint64 m_maxRow = 0;
    SteadyClock::time_point m_origin;
    std::thread m_thread;
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_finished{false};
    Result m_result;
};

struct GapStats {
    double longest = 0, longestAt = 0, longestCpu = 0, p99 = 0, p999 = 0;
    long longestVoluntary = 0, longestInvoluntary = 0;
    int over16 = 0, over50 = 0;
    std::size_t ticks = 0;
};

GapStats gapStats(const std::vector<Heartbeat::Gap> &gaps)
{
    GapStats s;
    s.ticks = gaps.size();
    if (gaps.empty())
        return s;
    std::vector<double> walls;
    walls.reserve(gaps.size());
    for (const Heartbeat::Gap &g : gaps) {
        walls.push_back(g.ms);
        s.over16 += g.ms > 16 ? 1 : 0;
        s.over50 += g.ms > kBlockTargetMs ? 1 : 0;
        if (g.ms > s.longest) {
            s.longest = g.ms;
            s.longestAt = g.atMs;
            s.longestCpu = g.cpuMs;
            s.longestVoluntary = g.voluntary;
            s.longestInvoluntary = g.involuntary;
        }
    }
    std::sort(walls.begin(), walls.end());
    s.p99 = walls[std::min(walls.size() - 1, std::size_t(double(walls.size()) * 0.99))];
    s.p999 = walls[std::min(walls.size() - 1, std::size_t(double(walls.size()) * 0.999))];
    return s;
}

QString describeGaps(const GapStats &s)
{
    return QStringLiteral("longest %1 (at %2 s; GUI thread on a CPU for %3 of it, %4 waits, %5 preemptions), p99 %6, "
                          "p99.9 %7; %8 gaps over 16 ms, %9 over 50 ms, of %10 ticks")
        .arg(ms(s.longest), fixed(s.longestAt / 1000, 2), ms(s.longestCpu))
        .arg(s.longestVoluntary)
        .arg(s.longestInvoluntary)
        .arg(ms(s.p99), ms(s.p999))
        .arg(s.over16)
        .arg(s.over50)
        .arg(grouped(double(s.ticks)));
}

int runSyncPart(BenchApplication &app, const QString &pristine, const QString &dataDir, int runs,
                const SyncSimulator::Options &syncOptions, bool trace)
{
    say(QString());
    say(QStringLiteral("== The GUI thread while the dashboard refreshes during a sync (load %1) ==")
            .arg(loadAverage()));
    // A fresh copy each run: the sync changes the file.
    const QString path = dataDir + QStringLiteral("/dashboard-work.sqlite");
    removeDb(path);
    const Stopwatch copying;
    if (!QFile::copy(pristine, path))
        throw std::runtime_error("cannot copy the cache to " + path.toStdString());
    say(QStringLiteral("  working on a copy: %1 (%2 s to copy)").arg(path, fixed(copying.seconds(), 1)));

    QTemporaryDir settingsDir; // the window's and the dashboard's saved state stay out of the user's
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());

    models::ManualClock clock(kNow);
    const auto cache = models::Cache::open(path, nullptr, clock);
    const auto users = models::DemoGenerator::demoUsers();
    const models::User leader =
        *std::find_if(users.begin(), users.end(), [](const models::User &u) { return u.username == kTeamLeader; });
    cache->setCurrentUser(leader);

    sync::SyncOptions so;
    so.server = QStringLiteral("http://127.0.0.1:9"); // never started: the bench plays the engine
    so.username = leader.username;
    so.cachePath = path;
    so.live = false;
    sync::SyncController controller(so);

    const auto opened = SteadyClock::now();
    ui::MainWindow window(*cache, leader, clock);
    window.setSync(&controller);
    sync::SyncStatus online;
    online.state = sync::SyncStatus::State::Online;
    online.lastSynced = kNow;
    Q_EMIT controller.statusChanged(online);
    window.show();
    ui::DashboardView *dashboard = window.dashboardView();
    if (!dashboard || !window.selectView(QStringLiteral("dashboard"))) {
        say(QStringLiteral("  the window has no dashboard for %1").arg(kTeamLeader));
        return 2;
    }
    int refreshed = 0;
    std::vector<double> refreshedAt;
    auto origin = SteadyClock::now();
    QObject::connect(dashboard, &ui::DashboardView::refreshed, [&] {
        ++refreshed;
        refreshedAt.push_back(nowMs(origin));
    });
    if (!waitUntil([&] { return refreshed > 0 && window.isSettled(); }, 120000)) {
        say(QStringLiteral("  the dashboard did not show its first figures within 2 minutes"));
        return 2;
    }
    say(QStringLiteral(
            "  MainWindow for %1 (offscreen), dashboard shown: first figures on screen %2 after the window was made")
            .arg(kTeamLeader, ms(nowMs(opened))));

    // The figures on screen change when the dashboard puts up new charts: counted on every tick.
    QChartView *probe = dashboard->chartView(ui::DashboardChart::Compliance);
    const void *shownChart = probe->chart();
    std::vector<double> shownAt;
    // And what the dashboard says under its filters: a refresh that failed says so there.
    QString statusText;
    std::map<QString, int> failures;
    Heartbeat heartbeat([&] {
        if (probe->chart() != shownChart) {
            shownChart = probe->chart();
            shownAt.push_back(nowMs(origin));
        }
        if (const QString t = dashboard->statusLabel()->text(); t != statusText) {
            statusText = t;
            if (t.startsWith(QLatin1String("Could not")))
                ++failures[t];
        }
    });
    app.owners = {{&window, sizeof(ui::MainWindow), "ibc::ui::MainWindow"},
                  {dashboard, sizeof(ui::DashboardView), "ibc::ui::DashboardView"},
                  {window.queueModel(), sizeof(models::QueueModel), "ibc::models::QueueModel"},
                  {window.itemPanel(), sizeof(ui::ItemPanel), "ibc::ui::ItemPanel"}};

    // The dashboard's own refresh with nothing else going on: refresh() to new figures on screen.
    std::vector<double> idle;
    origin = SteadyClock::now();
    heartbeat.start(origin);
    for (int r = 0; r < runs; ++r) {
        const int before = refreshed;
        const auto t = SteadyClock::now();
        dashboard->refresh();
        if (!waitUntil([&] { return refreshed > before; }, 60000)) {
            say(QStringLiteral("  a refresh did not finish within a minute"));
            return 2;
        }
        idle.push_back(nowMs(t));
        spin(200);
    }
    heartbeat.stop();
    const GapStats idleGaps = gapStats(heartbeat.gaps());
    const auto idleLogs = takeComputeLogs();

    // The sync.
    refreshed = 0;
    refreshedAt.clear();
    shownAt.clear();
    SyncSimulator sync(syncOptions, controller, clock);
    origin = SteadyClock::now();
    app.origin = origin;
    app.delivered.clear();
    app.ignore = heartbeat.timer();
    app.recording = true;
    const double cpuBefore = threadCpuMs();
    say(QStringLiteral("  sync: writing a page of %1 changed items every %2 ms for %3 s …")
            .arg(syncOptions.pageItems)
            .arg(syncOptions.intervalMs)
            .arg(syncOptions.seconds));
    heartbeat.start(origin);
    sync.start(origin);
    waitUntil([&] { return sync.finished(); }, int(syncOptions.seconds * 1000) + 120000);
    sync.stop();
    const double syncEnd = nowMs(origin);
    // What the last pages set going: the window's 300 ms gathering, the dashboard's 1 s throttle.
    spin(1500);
    waitUntil([&] { return !dashboard->isRefreshing() && window.isSettled(); }, 60000);
    spin(300);
    heartbeat.stop();
    app.recording = false;
    const double measured = nowMs(origin);
    const double guiCpu = threadCpuMs() - cpuBefore;
    const GapStats gaps = gapStats(heartbeat.gaps());
    const auto syncLogs = takeComputeLogs();
    const SyncSimulator::Result &sr = sync.result();
    if (!sr.error.isEmpty()) {
        say(QStringLiteral("  the simulated sync failed: %1").arg(sr.error));
        return 2;
    }

    say(QString());
    say(QStringLiteral(
            "dashboard refresh in the window (refresh() → figures on screen, nothing else running): best %1, "
            "median %2 (target < %3) %4")
            .arg(ms(best(idle)), ms(median(idle)), ms(kRefreshTargetMs), verdict(median(idle) < kRefreshTargetMs)));
    {
        std::vector<double> c;
        for (const ComputeLog &l : idleLogs)
            c.push_back(l.totalMs);
        say(QStringLiteral("  compute() on the worker thread in those: median %1; GUI thread meanwhile: %2")
                .arg(ms(median(c)), describeGaps(idleGaps)));
    }
    say(QStringLiteral(
            "sync: %1 pages of %2 changed items every %3 ms for %4 s (%5 items written; applyChanges median %6, "
            "longest %7; checkpointIfDue longest %8)")
            .arg(sr.pages)
            .arg(syncOptions.pageItems)
            .arg(syncOptions.intervalMs)
            .arg(fixed(syncEnd / 1000, 1))
            .arg(grouped(double(sr.written)))
            .arg(ms(median(sr.writeMs)),
                 ms(sr.writeMs.empty() ? 0 : *std::max_element(sr.writeMs.begin(), sr.writeMs.end())),
                 ms(sr.checkpointMs.empty() ? 0 : *std::max_element(sr.checkpointMs.begin(), sr.checkpointMs.end()))));
    say(QStringLiteral("GUI thread over the sync and its refreshes (%1 s): %2")
            .arg(fixed(measured / 1000, 1), describeGaps(gaps)));
    say(QStringLiteral("  the GUI thread was on a CPU for %1 of the %2 s (%3%)")
            .arg(ms(guiCpu), fixed(measured / 1000, 1), fixed(100 * guiCpu / measured, 0)));
    {
        // QtConcurrent::run's pool, which QPainter's raster engine also hands parts of large fills to.
        const int poolMax = QThreadPool::globalInstance()->maxThreadCount();
        std::size_t full = 0;
        for (const Heartbeat::Gap &g : heartbeat.gaps())
            full += g.poolBusy >= poolMax ? 1 : 0;
        say(QStringLiteral("  QThreadPool::globalInstance() (%1 threads): every thread busy at %2% of the ticks")
                .arg(poolMax)
                .arg(fixed(100.0 * double(full) / double(std::max<std::size_t>(1, heartbeat.gaps().size())), 0)));
    }
    say(QStringLiteral("longest GUI block during the sync: %1 (target < %2) %3;  p99 gap %4")
            .arg(ms(gaps.longest), ms(kBlockTargetMs), verdict(gaps.longest < kBlockTargetMs), ms(gaps.p99)));

    // How often the dashboard refreshed: new figures on screen, and its refreshed() signal.
    const auto intervals = [](const std::vector<double> &at) {
        std::vector<double> d;
        for (std::size_t i = 1; i < at.size(); ++i)
            d.push_back(at[i] - at[i - 1]);
        return d;
    };
    const std::vector<double> shownGaps = intervals(shownAt);
    std::vector<double> computeMs;
    for (const ComputeLog &l : syncLogs)
        computeMs.push_back(l.totalMs);
    say(QStringLiteral("dashboard during the sync: new figures on screen %1 times (every %2 at the median, %3 at the "
                       "shortest); refreshed() emitted %4 times; %5 compute() runs, median %6, longest %7")
            .arg(shownAt.size())
            .arg(ms(median(shownGaps)), ms(best(shownGaps)))
            .arg(refreshed)
            .arg(syncLogs.size())
            .arg(ms(median(computeMs)),
                 ms(computeMs.empty() ? 0 : *std::max_element(computeMs.begin(), computeMs.end()))));
    const double seconds = measured / 1000; // the refreshes the last pages set going end after them
    for (const auto &[text, count] : failures) {
        say(QStringLiteral("  the dashboard said, %1 times: %2").arg(count).arg(text));
        noteFailure();
    }
    const bool enough = refreshed >= 3;
    const bool notTooOften = double(refreshed) <= seconds * 1.1 + 1 && double(shownAt.size()) <= seconds * 1.1 + 1;
    say(QStringLiteral(
            "dashboard refreshes during the sync: %1 refreshed() (target ≥ 3) %2;  at most about one a second "
            "(≤ %3 in %4 s) %5")
            .arg(refreshed)
            .arg(verdict(enough))
            .arg(int(seconds * 1.1 + 1))
            .arg(fixed(seconds, 1))
            .arg(verdict(notTooOften)));

    // What the GUI thread spent its time on: the events of 2 ms or more, by what received them.
    struct Tally {
        int count = 0;
        double longest = 0, total = 0;
    };
    std::map<QString, Tally> byReceiver;
    for (const Delivered &d : app.delivered) {
        Tally &t = byReceiver[d.receiver.toString()];
        ++t.count;
        t.longest = std::max(t.longest, d.ms);
        t.total += d.ms;
    }
    std::vector<std::pair<QString, Tally>> tallies(byReceiver.begin(), byReceiver.end());
    std::sort(tallies.begin(), tallies.end(),
              [](const auto &a, const auto &b) { return a.second.longest > b.second.longest; });
    say(QStringLiteral("GUI-thread events of 2 ms or more during the sync, by receiver (longest first):"));
    for (std::size_t i = 0; i < std::min<std::size_t>(trace ? tallies.size() : 8, tallies.size()); ++i)
        say(QStringLiteral("  longest %1, %2 times, %3 in all: %4")
                .arg(pad(ms(tallies[i].second.longest), 9))
                .arg(tallies[i].second.count, 4)
                .arg(pad(ms(tallies[i].second.total), 9), tallies[i].first));
    // The longest gaps between ticks, and the events that filled them.
    std::vector<Heartbeat::Gap> longest = heartbeat.gaps();
    std::sort(longest.begin(), longest.end(), [](const auto &a, const auto &b) { return a.ms > b.ms; });
    for (std::size_t i = 0; i < std::min<std::size_t>(3, longest.size()) && longest[i].ms > kSlowGapMs; ++i) {
        const Heartbeat::Gap &g = longest[i];
        say(QStringLiteral("gap of %1 at %2 s (GUI thread on a CPU for %3 of it), its events of 2 ms or more:")
                .arg(ms(g.ms), fixed(g.atMs / 1000, 2), ms(g.cpuMs)));
        for (const Delivered &d : app.delivered)
            if (d.atMs >= g.atMs - 0.5 && d.atMs < g.atMs + g.ms) {
                say(QStringLiteral("  %1 (CPU %2; global pool: %3 of %4 threads busy as it began): %5")
                        .arg(ms(d.ms), ms(d.cpuMs))
                        .arg(d.poolBusy)
                        .arg(QThreadPool::globalInstance()->maxThreadCount())
                        .arg(d.receiver.toString()));
                for (const auto &[t, r] : d.inside)
                    say(QStringLiteral("      inside, %1: %2").arg(ms(t), r.toString()));
            }
    }
    if (trace) {
        say(QStringLiteral("timeline (ms since the sync began):"));
        for (const double t : sr.pageAtMs)
            say(QStringLiteral("  %1 page written, desk told").arg(fixed(t, 0)));
        for (const double t : shownAt)
            say(QStringLiteral("  %1 new figures on screen").arg(fixed(t, 0)));
        for (const ComputeLog &l : syncLogs)
            say(QStringLiteral("  %1 compute() done: %2 (items %3, the rest %4)")
                    .arg(fixed(std::chrono::duration<double, std::milli>(g_start - origin).count() + l.atMs, 0),
                         ms(l.totalMs), ms(l.itemsMs), ms(l.restMs)));
        for (const Heartbeat::Gap &g : heartbeat.gaps())
            if (g.ms > 16)
                say(QStringLiteral("  %1 gap %2 (CPU %3, %4 waits, %5 preemptions)")
                        .arg(fixed(g.atMs, 0), ms(g.ms), ms(g.cpuMs))
                        .arg(g.voluntary)
                        .arg(g.involuntary));
    }
    window.setSync(nullptr);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    g_start = SteadyClock::now();
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    BenchApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("IBC Desk bench"));
    QCoreApplication::setApplicationName(QStringLiteral("ibc-bench-dashboard"));
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("IBC Desk benchmark: the team leader's dashboard at a million items"));
    p.addHelpOption();
    p.addOptions({
        {QStringLiteral("items"), QStringLiteral("Items in the cache (default 1000000)."), QStringLiteral("n"),
         QStringLiteral("1000000")},
        {QStringLiteral("seed"), QStringLiteral("Generator seed (default 42)."), QStringLiteral("seed"),
         QStringLiteral("42")},
        {QStringLiteral("data-dir"), QStringLiteral("Where the cache is kept (required)."), QStringLiteral("dir")},
        {QStringLiteral("runs"), QStringLiteral("Timed runs of each refresh (default 5)."), QStringLiteral("n"),
         QStringLiteral("5")},
        {QStringLiteral("only"), QStringLiteral("Run one part: refresh or sync."), QStringLiteral("part")},
        {QStringLiteral("sync-seconds"), QStringLiteral("How long the sync writes (default 30)."), QStringLiteral("s"),
         QStringLiteral("30")},
        {QStringLiteral("page-items"), QStringLiteral("Changed items a page (default 1000)."), QStringLiteral("n"),
         QStringLiteral("1000")},
        {QStringLiteral("page-interval-ms"), QStringLiteral("A page this often (default 500)."), QStringLiteral("ms"),
         QStringLiteral("500")},
        {QStringLiteral("trace"), QStringLiteral("Print every slow GUI event, page and refresh with its time.")},
        {QStringLiteral("pool-threads"),
         QStringLiteral("Diagnosis only: give QThreadPool::globalInstance() this many threads."), QStringLiteral("n")},
    });
    p.process(app);
    if (!p.isSet(QStringLiteral("data-dir"))) {
        say(QStringLiteral("--data-dir is required"));
        return 2;
    }
    const qint64 items = p.value(QStringLiteral("items")).toLongLong();
    const quint64 seed = p.value(QStringLiteral("seed")).toULongLong();
    const int runs = std::max(1, p.value(QStringLiteral("runs")).toInt());
    const QString only = p.value(QStringLiteral("only"));
    if (items < 1000 || (!only.isEmpty() && only != QLatin1String("refresh") && only != QLatin1String("sync"))) {
        say(QStringLiteral("--items must be at least 1000, and --only refresh or sync"));
        return 2;
    }
    SyncSimulator::Options so;
    so.seconds = std::max(1.0, p.value(QStringLiteral("sync-seconds")).toDouble());
    so.pageItems = std::max(1, p.value(QStringLiteral("page-items")).toInt());
    so.intervalMs = std::max(10, p.value(QStringLiteral("page-interval-ms")).toInt());

    if (const int n = p.value(QStringLiteral("pool-threads")).toInt(); n > 0) {
        QThreadPool::globalInstance()->setMaxThreadCount(n);
        say(QStringLiteral("diagnosis: QThreadPool::globalInstance() set to %1 threads (the desk has %2)")
                .arg(n)
                .arg(QThread::idealThreadCount()));
    }
    QLoggingCategory::setFilterRules(QStringLiteral("ibc.cache.debug=true\nibc.cache.info=false"));
    g_previousHandler = qInstallMessageHandler(catchComputeLog);

    const QString dir = QDir(p.value(QStringLiteral("data-dir"))).absolutePath();
    QDir().mkpath(dir);
    say(QStringLiteral(
            "IBC Desk dashboard benchmark — %1 items, seed %2, anchor %3, now %4 (Europe/London), files in %5")
            .arg(grouped(double(items)))
            .arg(seed)
            .arg(QDateTime::fromSecsSinceEpoch(kAnchor, QTimeZone(QByteArrayLiteral("Europe/London")))
                     .toString(QStringLiteral("ddd d MMM yyyy HH:mm")),
                 QDateTime::fromSecsSinceEpoch(kNow, QTimeZone(QByteArrayLiteral("Europe/London")))
                     .toString(QStringLiteral("HH:mm")),
                 dir));
    try {
        const QString path = ensureCache(dir, items, seed);
        so.path = dir + QStringLiteral("/dashboard-work.sqlite");
        if (only.isEmpty() || only == QLatin1String("refresh"))
            runRefreshPart(path, runs);
        if (only.isEmpty() || only == QLatin1String("sync")) {
            if (const int status = runSyncPart(app, path, dir, runs, so, p.isSet(QStringLiteral("trace"))); status != 0)
                return status;
        }
    } catch (const std::exception &e) {
        say(QStringLiteral("the dashboard benchmark could not run: %1").arg(QString::fromUtf8(e.what())));
        return 2;
    }
    if (items < 1000000)
        say(QStringLiteral("(the targets are set for 1,000,000 items)"));
    say(failures() ? QStringLiteral("%1 dashboard check(s) missed their target").arg(failures())
                   : QStringLiteral("every dashboard target met"));
    return failures() ? 1 : 0;
}
