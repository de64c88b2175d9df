#include "RawLoad.h"

#include "BenchUtil.h"
#include "cache/Cache.h"

#include <QFile>
#include <QJsonDocument>

#include <sqlite3.h>

#include <optional>
#include <stdexcept>
#include <unordered_map>

namespace ibc::bench {

using models::Cache;
using models::GeneratedItem;
using models::WorkItem;

namespace {

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

std::string columnText(sqlite3_stmt *st, int i)
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(st, i));
    return text ? std::string(text, std::size_t(sqlite3_column_bytes(st, i))) : std::string();
}

} // namespace

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
            events.push_back(
                RawEvent{utf8(e.itemId), utf8(e.actor), utf8(e.type), utf8(e.detail), e.at, int(e.from), int(e.to)});
    }
    return raw;
}

void removeDb(const QString &path)
{
    for (const char *suffix : {"", "-wal", "-shm"})
        QFile::remove(path + QLatin1String(suffix));
}

std::unique_ptr<Cache> freshCache(const QString &path)
{
    removeDb(path);
    return Cache::open(path);
}

RawData readRaw(const QString &cachePath)
{
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(cachePath.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
        throw std::runtime_error("cannot open " + cachePath.toStdString());
    RawData raw;
    std::unordered_map<std::string, std::size_t> index; // item id -> its place in raw.items
    sqlite3_stmt *st = nullptr;
    check(db,
          sqlite3_prepare_v2(db,
                             "SELECT id, reference, kind, subtype, partner, status, priority, assignee, received, "
                             "updated, due, version, fields, summary, amount, search FROM items ORDER BY row",
                             -1, &st, nullptr),
          "prepare");
    while (sqlite3_step(st) == SQLITE_ROW) {
        RawItem r;
        r.id = columnText(st, 0);
        r.reference = columnText(st, 1);
        r.kind = sqlite3_column_int(st, 2);
        r.subtype = columnText(st, 3);
        r.partner = columnText(st, 4);
        r.status = sqlite3_column_int(st, 5);
        r.priority = sqlite3_column_int(st, 6);
        r.assignee = columnText(st, 7);
        r.received = sqlite3_column_int64(st, 8);
        r.updated = sqlite3_column_int64(st, 9);
        r.due = sqlite3_column_int64(st, 10);
        r.version = sqlite3_column_int64(st, 11);
        r.fields = columnText(st, 12);
        r.summary = columnText(st, 13);
        r.amount = sqlite3_column_int64(st, 14);
        r.search = columnText(st, 15);
        index.emplace(r.id, raw.items.size());
        raw.items.push_back(std::move(r));
    }
    sqlite3_finalize(st);
    raw.notes.resize(raw.items.size());
    raw.events.resize(raw.items.size());
    check(db, sqlite3_prepare_v2(db, "SELECT item_id, at, author, text FROM notes ORDER BY row", -1, &st, nullptr),
          "prepare");
    while (sqlite3_step(st) == SQLITE_ROW) {
        RawNote n{columnText(st, 0), columnText(st, 2), columnText(st, 3), sqlite3_column_int64(st, 1)};
        raw.notes.at(index.at(n.itemId)).push_back(std::move(n));
    }
    sqlite3_finalize(st);
    check(db,
          sqlite3_prepare_v2(db,
                             "SELECT item_id, at, actor, type, from_status, to_status, detail FROM events ORDER BY row",
                             -1, &st, nullptr),
          "prepare");
    while (sqlite3_step(st) == SQLITE_ROW) {
        RawEvent e{columnText(st, 0),           columnText(st, 2),         columnText(st, 3),        columnText(st, 6),
                   sqlite3_column_int64(st, 1), sqlite3_column_int(st, 4), sqlite3_column_int(st, 5)};
        raw.events.at(index.at(e.itemId)).push_back(std::move(e));
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return raw;
}

// The plain way: one connection with the cache's pragmas, three prepared inserts, one transaction.
double loadBaseline(const QString &path, const RawData &raw, Indexes indexes)
{
    auto cache = freshCache(path); // the identical schema and indexes, made by the cache itself
    std::optional<Cache::BulkLoad> bare;
    if (indexes == Indexes::BuiltAfter)
        bare.emplace(*cache); // drops the indexes and the search index, for finish() to build
    else
        cache.reset();
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK)
        throw std::runtime_error("cannot open the baseline file");
    exec(db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;"
             "PRAGMA cache_size = -32000; PRAGMA temp_store = MEMORY;");
    sqlite3_stmt *insItem = nullptr, *insNote = nullptr, *insEvent = nullptr;
    check(db,
          sqlite3_prepare_v2(db,
                             "INSERT INTO items(id, reference, kind, subtype, partner, status, priority, assignee, "
                             "received, updated, due, version, fields, summary, amount, search) "
                             "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                             -1, &insItem, nullptr),
          "prepare");
    check(db,
          sqlite3_prepare_v2(db, "INSERT INTO notes(item_id, at, author, text) VALUES(?,?,?,?)", -1, &insNote, nullptr),
          "prepare");
    check(db,
          sqlite3_prepare_v2(db,
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
    if (bare)
        bare->finish();
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
    for (const char *sql :
         {"SELECT count(*), total(row * length(id || reference || subtype || partner || assignee || fields || "
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

} // namespace ibc::bench
