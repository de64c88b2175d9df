#pragma once

#include "domain/DemoGenerator.h"

#include <QString>

#include <memory>
#include <string>
#include <vector>

namespace ibc::models {
class Cache;
}

// The plain sqlite3 baseline both the desk's load and the first sync are measured against: the
// cache's rows written by three prepared inserts in one transaction, into a file with the cache's
// own schema. The rows are made before the clock starts, so that the loop times SQLite alone.
namespace ibc::bench {

// Every value the cache stores, already in the form SQLite keeps (UTF-8).
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
    std::vector<std::vector<RawNote>> notes;   // of items[i]
    std::vector<std::vector<RawEvent>> events; // of items[i]
};

// The rows the cache would store for generated items.
RawData prepareRaw(const std::vector<models::GeneratedItem> &items);
// The rows a cache file holds, in its order.
RawData readRaw(const QString &cachePath);

// Deletes a SQLite file and its -wal and -shm.
void removeDb(const QString &path);
// A fresh cache file with the cache's own schema, indexes and pragmas.
std::unique_ptr<models::Cache> freshCache(const QString &path);

// Loads `raw` into a fresh cache file at `path` through the plain loop; the seconds it took.
// Live: into the cache's tables with their indexes and search index in place, as a plain program
// would. BuiltAfter: into the bare tables, with the cache's indexes built once at the end (by
// Cache::BulkLoad::finish, inside the time): the fastest plain way to a file as ready to use.
enum class Indexes { Live, BuiltAfter };
double loadBaseline(const QString &path, const RawData &raw, Indexes indexes = Indexes::Live);

// Aggregates over every stored column of items, notes and events, weighted by row id so that
// order counts too: two files with the same fingerprint hold the same rows.
QString fingerprint(const QString &path);

} // namespace ibc::bench
