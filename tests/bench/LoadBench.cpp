#include "LoadBench.h"

#include "BenchUtil.h"
#include "Cache.h"
#include "DemoGenerator.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>

#include <sqlite3.h>

#include <stdexcept>
#include <string>

namespace ibc::bench {

using models::Cache;
using models::GeneratedItem;
using models::WorkItem;

namespace {

// The baseline's rows: every value the cache stores, already in the form SQLite keeps (UTF-8),
// made before the clock starts, so that the loop times SQLite and nothing else.
struct RawItem {
    std::string id, reference, subtype, partner, assignee, fields, summary, search;
    int kind = 0, status = 0, priority = 0;
    qint64 received = 0, updated = 0, due = 0, version = 0, amount = 0;
};
struct RawNote {
    std::string itemId, author, text;
    qint64 at = 0;
};
struct RawEvent {
    std::string itemId, actor, type, detail;
    qint64 at = 0;
    int from = 0, to = 0;
};
struct RawData {
    std::vector<RawItem> items;
    std::vector<std::vector<RawNote>> notes;
    std::vector<std::vector<RawEvent>> events;
};

std::string utf8(const QString &s) { return s.toStdString(); }

// The same derivation as the cache's own (Cache.cpp, searchText): reference, employee number,
// name and supplier, lower case.
QString searchText(const WorkItem &it)
{
    QString s = it.reference;
    for (const QString &part : {it.employeeNumber(), it.personName(), it.supplier()})
        if (!part.isEmpty())
            s += QLatin1Char(' ') + part;
    return s.toLower();
}

RawData prepareRaw(const std::vector<GeneratedItem> &items)
{
    RawData raw;
    raw.items.reserve(items.size());
    raw.notes.reserve(items.size());
    raw.events.reserve(items.size());
    for (const GeneratedItem &g : items) {
        const WorkItem &it = g.item;
        RawItem r;
        r.id = utf8(it.id);
        r.reference = utf8(it.reference);
        r.subtype = utf8(it.subtype);
        r.partner = utf8(it.partner);
        r.assignee = utf8(it.assignee);
        r.fields = QJsonDocument(it.fields).toJson(QJsonDocument::Compact).toStdString();
        r.summary = utf8(it.summary());
        r.search = utf8(searchText(it));
        r.kind = int(it.kind);
        r.status = int(it.status);
        r.priority = int(it.priority);
        r.received = it.received;
        r.updated = it.updated;
        r.due = it.due;
        r.version = it.version;
        r.amount = it.amountPence();
        raw.items.push_back(std::move(r));
        auto &notes = raw.notes.emplace_back();
        for (const auto &n : g.notes)
            notes.push_back(RawNote{utf8(n.itemId), utf8(n.author), utf8(n.text), n.at});
        auto &events = raw.events.emplace_back();
        for (const auto &e : g.events)
            events.push_back(RawEvent{utf8(e.itemId), utf8(e.actor), utf8(e.type), utf8(e.detail), e.at, int(e.from),
                                      int(e.to)});
    }
    return raw;
}

void removeDb(const QString &path)
{
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(path + QLatin1String(suffix));
}

// A fresh cache file with the cache's own schema, indexes and pragmas.
std::unique_ptr<Cache> freshCache(const QString &path)
{
    removeDb(path);
    return Cache::open(path);
}

double loadOurs(const QString &path, const std::vector<GeneratedItem> &items, std::size_t count, std::size_t batch)
{
    auto cache = freshCache(path);
    const std::span all(items.data(), count);
    Stopwatch sw;
    for (std::size_t off = 0; off < count; off += batch)
        cache->insertGenerated(all.subspan(off, std::min(batch, count - off)));
    return sw.seconds();
}

// The desk's bulk path, as ibc-desk --generate-demo uses it; the time includes rebuilding the
// indexes and ANALYZE at the end, so that the file is as ready to use as the baseline's.
double loadBulk(const QString &path, const std::vector<GeneratedItem> &items, std::size_t batch)
{
    auto cache = freshCache(path);
    const std::span all(items.data(), items.size());
    Stopwatch sw;
    {
        Cache::BulkLoad load(*cache);
        for (std::size_t off = 0; off < all.size(); off += batch)
            load.add(all.subspan(off, std::min(batch, all.size() - off)));
        load.finish();
    }
    const double seconds = sw.seconds();
    // The demo accounts, as ibc-desk --generate-demo leaves them: the desk side signs in as the first.
    const auto users = models::DemoGenerator::demoUsers();
    cache->saveUsers(users);
    cache->setCurrentUser(users.front());
    return seconds;
}

void check(sqlite3 *db, int rc, const char *what)
{
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
        throw std::runtime_error(std::string(what) + ": " + sqlite3_errmsg(db));
}

void exec(sqlite3 *db, const char *sql) { check(db, sqlite3_exec(db, sql, nullptr, nullptr, nullptr), sql); }

void bindText(sqlite3_stmt *st, int i, const std::string &s)
{
    sqlite3_bind_text(st, i, s.data(), int(s.size()), SQLITE_STATIC);
}

void run(sqlite3 *db, sqlite3_stmt *st)
{
    if (const int rc = sqlite3_step(st); rc != SQLITE_DONE)
        check(db, rc, "insert");
    sqlite3_reset(st);
}

// The plain way: one connection with the cache's pragmas, three prepared inserts, one transaction.
double loadBaseline(const QString &path, const RawData &raw)
{
    freshCache(path).reset(); // the identical schema and indexes, made by the cache itself
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK)
        throw std::runtime_error("cannot open the baseline file");
    exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;"
             "PRAGMA cache_size = -32000; PRAGMA temp_store = MEMORY;");
    sqlite3_stmt *insItem = nullptr, *insNote = nullptr, *insEvent = nullptr;
    check(db, sqlite3_prepare_v2(db,
                                 "INSERT INTO items(id, reference, kind, subtype, partner, status, priority, assignee, "
                                 "received, updated, due, version, fields, summary, amount, search) "
                                 "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                                 -1, &insItem, nullptr),
          "prepare");
    check(db, sqlite3_prepare_v2(db, "INSERT INTO notes(item_id, at, author, text) VALUES(?,?,?,?)", -1, &insNote,
                                 nullptr),
          "prepare");
    check(db, sqlite3_prepare_v2(db,
                                 "INSERT INTO events(item_id, at, actor, type, from_status, to_status, detail) "
                                 "VALUES(?,?,?,?,?,?,?)",
                                 -1, &insEvent, nullptr),
          "prepare");

    Stopwatch sw;
    exec(db, "BEGIN IMMEDIATE");
    for (std::size_t i = 0; i < raw.items.size(); ++i) {
        const RawItem &r = raw.items[i];
        bindText(insItem, 1, r.id);
        bindText(insItem, 2, r.reference);
        sqlite3_bind_int64(insItem, 3, r.kind);
        bindText(insItem, 4, r.subtype);
        bindText(insItem, 5, r.partner);
        sqlite3_bind_int64(insItem, 6, r.status);
        sqlite3_bind_int64(insItem, 7, r.priority);
        bindText(insItem, 8, r.assignee);
        sqlite3_bind_int64(insItem, 9, r.received);
        sqlite3_bind_int64(insItem, 10, r.updated);
        sqlite3_bind_int64(insItem, 11, r.due);
        sqlite3_bind_int64(insItem, 12, r.version);
        bindText(insItem, 13, r.fields);
        bindText(insItem, 14, r.summary);
        sqlite3_bind_int64(insItem, 15, r.amount);
        bindText(insItem, 16, r.search);
        run(db, insItem);
        for (const RawNote &n : raw.notes[i]) {
            bindText(insNote, 1, n.itemId);
            sqlite3_bind_int64(insNote, 2, n.at);
            bindText(insNote, 3, n.author);
            bindText(insNote, 4, n.text);
            run(db, insNote);
        }
        for (const RawEvent &e : raw.events[i]) {
            bindText(insEvent, 1, e.itemId);
            sqlite3_bind_int64(insEvent, 2, e.at);
            bindText(insEvent, 3, e.actor);
            bindText(insEvent, 4, e.type);
            sqlite3_bind_int64(insEvent, 5, e.from);
            sqlite3_bind_int64(insEvent, 6, e.to);
            bindText(insEvent, 7, e.detail);
            run(db, insEvent);
        }
    }
    exec(db, "COMMIT");
    const double seconds = sw.seconds();

    sqlite3_finalize(insItem);
    sqlite3_finalize(insNote);
    sqlite3_finalize(insEvent);
    sqlite3_close(db);
    return seconds;
}

// Aggregates over every stored column, weighted by row id so that order counts too.
QString fingerprint(const QString &path)
{
    sqlite3 *db = nullptr;
    sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    QStringList parts;
    for (const char *sql : {
             "SELECT count(*), total(row * length(id || reference || subtype || partner || assignee || fields || "
             "summary || search)), total(kind + 3 * status + 11 * priority), total(received - updated + due), "
             "total(version + amount), total(row * unicode(substr(fields, 20 + row % 40, 1))) FROM items",
             "SELECT count(*), total(row * length(item_id || author || text)), total(at) FROM notes",
             "SELECT count(*), total(row * length(item_id || actor || type || detail)), "
             "total(at + from_status * 7 + to_status) FROM events"}) {
        sqlite3_stmt *st = nullptr;
        sqlite3_prepare_v2(db, sql, -1, &st, nullptr);
        if (sqlite3_step(st) == SQLITE_ROW)
            for (int c = 0; c < sqlite3_column_count(st); ++c)
                parts << QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(st, c)));
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return parts.join(QLatin1Char('/'));
}

} // namespace

LoadResults runLoadBench(const LoadOptions &o)
{
    LoadResults r;
    r.items = o.items;
    QDir().mkpath(o.dir);

    say(QStringLiteral("generating %1 items (seed %2)…").arg(grouped(double(o.items))).arg(o.seed));
    std::vector<GeneratedItem> items;
    items.reserve(std::size_t(o.items));
    {
        models::DemoGenerator gen(o.seed, o.anchor);
        Stopwatch sw;
        for (qint64 i = 0; i < o.items; ++i)
            items.push_back(gen.next());
        r.generateSeconds = sw.seconds();
    }
    for (const GeneratedItem &g : items) {
        r.notes += qint64(g.notes.size());
        r.events += qint64(g.events.size());
    }
    r.generatorPeakRssMiB = peakRssMiB();

    const QString ours = o.dir + QStringLiteral("/load-ours.sqlite");
    const QString bulk = o.dir + QStringLiteral("/load-bulk.sqlite");
    const QString baseline = o.dir + QStringLiteral("/load-sqlite3.sqlite");

    // Batch sizes: each candidate loads the same first trialItems into a fresh file; two passes,
    // the best of each.
    const std::size_t trial = std::size_t(std::min(o.items, o.trialItems));
    QList<int> batches;
    for (int batch : o.batchSizes)
        if (std::size_t(batch) <= trial)
            batches << batch;
    if (batches.isEmpty())
        batches << int(trial);
    for (int pass = 0; pass < 2; ++pass) {
        for (int batch : batches) {
            const double s = loadOurs(ours, items, trial, std::size_t(batch));
            r.trialRates[batch] = std::max(r.trialRates[batch], double(trial) / s);
            say(QStringLiteral("  batch %1: %2 items/s").arg(grouped(batch), 7).arg(grouped(double(trial) / s)));
        }
    }
    r.bestBatch = std::max_element(r.trialRates.begin(), r.trialRates.end(), [](auto &a, auto &b) {
                      return a.second < b.second;
                  })->first;

    say(QStringLiteral("precomputing the baseline's rows…"));
    RawData raw;
    {
        Stopwatch sw;
        raw = prepareRaw(items);
        r.prepareBaselineSeconds = sw.seconds();
    }

    for (int round = 0; round < o.rounds; ++round) {
        const double s = loadOurs(ours, items, items.size(), std::size_t(r.bestBatch));
        r.oursSeconds.push_back(s);
        say(QStringLiteral("  round %1 insertGenerated (batch %2): %3 items/s")
                .arg(round + 1)
                .arg(grouped(r.bestBatch))
                .arg(grouped(double(o.items) / s)));
        const double k = loadBulk(bulk, items, std::size_t(r.bestBatch));
        r.bulkSeconds.push_back(k);
        say(QStringLiteral("  round %1 BulkLoad (batch %2): %3 items/s")
                .arg(round + 1)
                .arg(grouped(r.bestBatch))
                .arg(grouped(double(o.items) / k)));
        const double b = loadBaseline(baseline, raw);
        r.baselineSeconds.push_back(b);
        say(QStringLiteral("  round %1 sqlite3 loop: %2 items/s").arg(round + 1).arg(grouped(double(o.items) / b)));
    }
    raw = {};
    items.clear();
    items.shrink_to_fit();

    const QString a = fingerprint(ours), k = fingerprint(bulk), b = fingerprint(baseline);
    r.sameContent = a == b && k == b;
    if (!r.sameContent)
        say(QStringLiteral("  content differs:\n    insertGenerated %1\n    BulkLoad        %2\n    sqlite3         %3")
                .arg(a, k, b));

    removeDb(baseline);
    removeDb(ours);
    if (!o.keepAs.isEmpty() && o.keepAs != bulk) {
        removeDb(o.keepAs);
        {
            // Checkpoint so that the kept cache is one self-contained file.
            sqlite3 *db = nullptr;
            sqlite3_open_v2(bulk.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE, nullptr);
            sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
            sqlite3_close(db);
        }
        QFile::rename(bulk, o.keepAs);
        removeDb(bulk);
    }
    return r;
}

} // namespace ibc::bench
