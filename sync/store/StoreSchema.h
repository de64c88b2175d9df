#pragma once

#include <QString>

namespace ibc::models::sqlite {
class Database;
}

// The SQLite store's file format: its identity, its numbered migrations and its derived indexes.
namespace ibc::sync::schema {

inline constexpr int kVersion = 5;
inline constexpr unsigned kApplicationId = 0x49424353; // "IBCS"

// Checks, without changing a byte, that the file at `path` is an ibc-store this build may open:
// absent, empty, or an SQLite file with our application id and a schema no newer than ours.
// Throws StoreError("not_a_store" or "newer_store") otherwise.
void inspect(const QString &path);

// Brings the schema up to kVersion and stamps the application id. Runs in one immediate
// transaction, and checks again inside it (another process may have been first).
void migrate(models::sqlite::Database &db, const QString &path);

// The secondary indexes. Derived data, not part of the migrations: a seed drops them for its bulk
// load and builds them once at the end, and every open makes any that are missing.
void createIndexes(models::sqlite::Database &db);
void dropIndexes(models::sqlite::Database &db);

} // namespace ibc::sync::schema
