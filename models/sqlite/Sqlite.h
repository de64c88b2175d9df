#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <memory>
#include <stdexcept>
#include <string_view>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace ibc::models::sqlite {

// An SQLite failure. Carries SQLite's primary result code, so that callers can tell a corrupt or
// foreign file (SQLITE_CORRUPT, SQLITE_NOTADB) from a full disk.
class Error : public std::runtime_error {
public:
    Error(int code, const std::string &what) : std::runtime_error(what), m_code(code) {}
    int code() const { return m_code; }
    bool isCorruption() const;

private:
    int m_code;
};

class Statement;

// One connection. Not thread safe: use it from one thread at a time.
class Database {
public:
    enum class Mode { ReadWrite, ReadOnly };
    Database(const QString &path, Mode mode = Mode::ReadWrite);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    void exec(std::string_view sql);
    Statement prepare(std::string_view sql);
    qint64 lastInsertRowId() const;
    int changes() const;
    sqlite3 *handle() const { return m_db; }
    const QString &path() const { return m_path; }

    // Runs `sql`; returns the first column of the first row (or the fallback).
    qint64 scalar(std::string_view sql, qint64 fallback = 0);

private:
    sqlite3 *m_db = nullptr;
    QString m_path;
};

// A prepared statement. Bind indexes start at 1, column indexes at 0.
class Statement {
public:
    Statement(sqlite3 *db, std::string_view sql);
    ~Statement();
    Statement(Statement &&other) noexcept;
    Statement &operator=(Statement &&) = delete;
    Statement(const Statement &) = delete;

    Statement &bind(int i, qint64 v);
    Statement &bind(int i, int v) { return bind(i, qint64(v)); }
    Statement &bind(int i, double v);
    Statement &bind(int i, const QString &v);
    Statement &bind(int i, std::string_view utf8);
    Statement &bindNull(int i);

    bool step();  // true while there is a row
    void run();   // step to completion and reset, for writes
    void reset(); // ready to run again; keeps bindings until re-bound

    qint64 int64(int col) const;
    double real(int col) const;
    QString text(int col) const;
    std::string_view utf8(int col) const;
    bool isNull(int col) const;
    int columnCount() const;

private:
    sqlite3 *m_db;
    sqlite3_stmt *m_stmt = nullptr;
};

// A prepared statement borrowed from a StatementCache, reset when the borrow ends, so that no
// statement keeps a read snapshot (or a write lock) alive between uses.
class Query {
public:
    explicit Query(Statement &st) : m_st(st) {}
    ~Query() { m_st.reset(); }
    Query(const Query &) = delete;
    Query &operator=(const Query &) = delete;
    Statement *operator->() const { return &m_st; }
    Statement &operator*() const { return m_st; }

private:
    Statement &m_st;
};

// The statements prepared on one connection, each once, for the connection's life: query() lends
// one out. Keyed by the SQL's address, so give it string literals (or strings that live as long).
// Used by one thread at a time, as its connection is.
class StatementCache {
public:
    explicit StatementCache(Database &db) : m_db(db) {}
    Query query(const char *sql);

private:
    Database &m_db;
    std::unordered_map<const char *, std::unique_ptr<Statement>> m_statements;
};

// A QByteArray's bytes, to bind as text.
inline std::string_view view(const QByteArray &bytes) { return {bytes.constData(), std::size_t(bytes.size())}; }

// JSON objects kept in TEXT columns (an item's fields, a command's payload): compact UTF-8 in,
// an object out (an empty one for text that is not a JSON object).
QByteArray compactJson(const QJsonObject &object);
QJsonObject jsonObject(std::string_view text);

// Begin … commit, rolled back if the scope is left by an exception.
class Transaction {
public:
    explicit Transaction(Database &db, bool immediate = true);
    ~Transaction();
    void commit();

private:
    Database &m_db;
    bool m_done = false;
};

} // namespace ibc::models::sqlite
