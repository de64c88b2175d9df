#pragma once

#include <QByteArray>
#include <QString>

#include <stdexcept>
#include <string_view>

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
