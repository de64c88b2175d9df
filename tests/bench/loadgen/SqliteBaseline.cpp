// The baseline for durable commands: what the store writes for an add_note command, as a raw
// sqlite3 loop with nothing else in it. Every value is made before the clock starts.
#include "LoadGen.h"

#include <QUuid>

#include <sqlite3.h>

#include <chrono>
#include <stdexcept>

namespace ibc::bench::loadgen {

namespace {

class Db {
public:
    Db(const std::string &path, int flags)
    {
        if (sqlite3_open_v2(path.c_str(), &m_db, flags, nullptr) != SQLITE_OK)
            throw std::runtime_error("cannot open " + path + ": " + sqlite3_errmsg(m_db));
        sqlite3_busy_timeout(m_db, 10000);
    }
    ~Db()
    {
        for (sqlite3_stmt *st : m_statements)
            sqlite3_finalize(st);
        sqlite3_close(m_db);
    }
    void exec(const char *sql)
    {
        char *error = nullptr;
        if (sqlite3_exec(m_db, sql, nullptr, nullptr, &error) != SQLITE_OK) {
            const std::string message = error ? error : "?";
            sqlite3_free(error);
            throw std::runtime_error(std::string(sql) + ": " + message);
        }
    }
    sqlite3_stmt *prepare(const char *sql)
    {
        sqlite3_stmt *st = nullptr;
        if (sqlite3_prepare_v3(m_db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, nullptr) != SQLITE_OK)
            throw std::runtime_error(std::string(sql) + ": " + sqlite3_errmsg(m_db));
        m_statements.push_back(st);
        return st;
    }
    void done(sqlite3_stmt *st)
    {
        const int rc = sqlite3_step(st);
        if (rc != SQLITE_DONE && rc != SQLITE_ROW)
            throw std::runtime_error(std::string("step: ") + sqlite3_errmsg(m_db));
        sqlite3_reset(st);
    }
    sqlite3 *handle() { return m_db; }

private:
    sqlite3 *m_db = nullptr;
    std::vector<sqlite3_stmt *> m_statements;
};

void bindText(sqlite3_stmt *st, int i, const std::string &s)
{
    sqlite3_bind_text(st, i, s.data(), int(s.size()), SQLITE_STATIC);
}

} // namespace

std::vector<CommandTarget> pickTargets(const std::string &dbPath, int count, int step)
{
    Db db(dbPath, SQLITE_OPEN_READONLY);
    sqlite3_stmt *st = db.prepare("SELECT id, version FROM items WHERE row % ? = 0 ORDER BY row LIMIT ?");
    sqlite3_bind_int(st, 1, step);
    sqlite3_bind_int(st, 2, count);
    std::vector<CommandTarget> out;
    while (sqlite3_step(st) == SQLITE_ROW)
        out.push_back({reinterpret_cast<const char *>(sqlite3_column_text(st, 0)), sqlite3_column_int64(st, 1)});
    return out;
}

CommandsResult runSqliteBaseline(const std::string &dbPath, const std::vector<CommandTarget> &targets, int batchSize,
                                 std::int64_t total)
{
    if (targets.empty())
        throw std::runtime_error("no items to write");
    Db db(dbPath, SQLITE_OPEN_READWRITE);
    // The store's writer connection's settings.
    db.exec("PRAGMA temp_store = MEMORY");
    db.exec("PRAGMA mmap_size = 4294967296");
    db.exec("PRAGMA journal_mode = WAL");
    db.exec("PRAGMA synchronous = FULL");
    db.exec("PRAGMA cache_size = -65536");
    db.exec("PRAGMA journal_size_limit = 67108864");

    sqlite3_stmt *findCommand = db.prepare("SELECT username, outcome FROM commands WHERE command_id = ?");
    sqlite3_stmt *findItem =
        db.prepare("SELECT row, id, reference, kind, subtype, partner, status, priority, assignee, "
                   "received, updated, due, version, fields, seq FROM items WHERE id = ?");
    sqlite3_stmt *updateItem =
        db.prepare("UPDATE items SET status = ?, priority = ?, assignee = ?, updated = ?, due = ?, "
                   "version = ?, seq = ? WHERE row = ?");
    sqlite3_stmt *nextEvent = db.prepare("SELECT coalesce(max(n) + 1, 0) FROM events WHERE item_row = ?");
    sqlite3_stmt *insertEvent = db.prepare("INSERT INTO events(item_row, n, seq, at, actor, type, from_status, "
                                           "to_status, detail) VALUES(?,?,?,?,?,?,?,?,?)");
    sqlite3_stmt *nextNote = db.prepare("SELECT coalesce(max(n) + 1, 0) FROM notes WHERE item_row = ?");
    sqlite3_stmt *insertNote = db.prepare("INSERT INTO notes(item_row, n, seq, at, author, text) VALUES(?,?,?,?,?,?)");
    sqlite3_stmt *insertCommand = db.prepare("INSERT INTO commands(command_id, username, item_id, at, outcome) "
                                             "VALUES(?,?,?,?,?)");
    sqlite3_stmt *insertAudit = db.prepare("INSERT INTO audit(row, at, actor, action, item_id, command_id, detail) "
                                           "VALUES((SELECT coalesce(max(row), 0) + 1 FROM audit), ?,?,?,?,?,?)");
    sqlite3_stmt *getSeq = db.prepare("SELECT value FROM meta WHERE key = 'seq'");
    sqlite3_stmt *setSeq = db.prepare("UPDATE meta SET value = ? WHERE key = 'seq'");

    // Everything each command writes, made before the clock starts.
    struct Prepared {
        std::string commandId, itemId;
    };
    std::vector<Prepared> work(static_cast<std::size_t>(total));
    for (std::int64_t i = 0; i < total; ++i) {
        Prepared &p = work[std::size_t(i)];
        p.commandId = QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
        p.itemId = targets[std::size_t(i) % targets.size()].id;
    }
    const std::string user = "sam.patel", text = "Called the partner; waiting for the signed form.";
    const std::int64_t now = std::int64_t(std::time(nullptr));

    CommandsResult result;
    const auto started = std::chrono::steady_clock::now();
    for (std::int64_t b = 0; b < total; b += batchSize) {
        db.exec("BEGIN IMMEDIATE");
        sqlite3_step(getSeq);
        std::int64_t seq = sqlite3_column_int64(getSeq, 0);
        sqlite3_reset(getSeq);
        const std::int64_t end = std::min<std::int64_t>(total, b + batchSize);
        for (std::int64_t i = b; i < end; ++i) {
            const Prepared &p = work[std::size_t(i)];
            bindText(findCommand, 1, p.commandId);
            db.done(findCommand);
            bindText(findItem, 1, p.itemId);
            if (sqlite3_step(findItem) != SQLITE_ROW)
                throw std::runtime_error("no item " + p.itemId);
            const std::int64_t row = sqlite3_column_int64(findItem, 0);
            const int status = sqlite3_column_int(findItem, 6), priority = sqlite3_column_int(findItem, 7);
            const std::string assignee = reinterpret_cast<const char *>(sqlite3_column_text(findItem, 8));
            const std::int64_t due = sqlite3_column_int64(findItem, 11),
                               version = sqlite3_column_int64(findItem, 12) + 1;
            sqlite3_reset(findItem);
            ++seq;
            sqlite3_bind_int(updateItem, 1, status);
            sqlite3_bind_int(updateItem, 2, priority);
            bindText(updateItem, 3, assignee);
            sqlite3_bind_int64(updateItem, 4, now);
            sqlite3_bind_int64(updateItem, 5, due);
            sqlite3_bind_int64(updateItem, 6, version);
            sqlite3_bind_int64(updateItem, 7, seq);
            sqlite3_bind_int64(updateItem, 8, row);
            db.done(updateItem);

            sqlite3_bind_int64(nextEvent, 1, row);
            sqlite3_step(nextEvent);
            const std::int64_t eventN = sqlite3_column_int64(nextEvent, 0);
            sqlite3_reset(nextEvent);
            sqlite3_bind_int64(insertEvent, 1, row);
            sqlite3_bind_int64(insertEvent, 2, eventN);
            sqlite3_bind_int64(insertEvent, 3, seq);
            sqlite3_bind_int64(insertEvent, 4, now);
            bindText(insertEvent, 5, user);
            sqlite3_bind_text(insertEvent, 6, "add_note", -1, SQLITE_STATIC);
            sqlite3_bind_int(insertEvent, 7, status);
            sqlite3_bind_int(insertEvent, 8, status);
            sqlite3_bind_text(insertEvent, 9, "", 0, SQLITE_STATIC);
            db.done(insertEvent);

            sqlite3_bind_int64(nextNote, 1, row);
            sqlite3_step(nextNote);
            const std::int64_t noteN = sqlite3_column_int64(nextNote, 0);
            sqlite3_reset(nextNote);
            sqlite3_bind_int64(insertNote, 1, row);
            sqlite3_bind_int64(insertNote, 2, noteN);
            sqlite3_bind_int64(insertNote, 3, seq);
            sqlite3_bind_int64(insertNote, 4, now);
            bindText(insertNote, 5, user);
            bindText(insertNote, 6, text);
            db.done(insertNote);

            // The outcome and the audit detail as the store writes them (same shape and size).
            const std::string outcome = "{\"id\":\"" + p.commandId +
                                        "\",\"outcome\":\"applied\",\"seq\":" + std::to_string(seq) +
                                        ",\"version\":" + std::to_string(version) + "}";
            bindText(insertCommand, 1, p.commandId);
            bindText(insertCommand, 2, user);
            bindText(insertCommand, 3, p.itemId);
            sqlite3_bind_int64(insertCommand, 4, now);
            bindText(insertCommand, 5, outcome);
            db.done(insertCommand);
            const std::string detail = "{\"at\":" + std::to_string(now) +
                                       ",\"base_version\":" + std::to_string(version - 1) +
                                       ",\"payload\":{\"text\":\"" + text + "\"},\"seq\":" + std::to_string(seq) +
                                       ",\"type\":\"add_note\",\"version\":" + std::to_string(version) + "}";
            sqlite3_bind_int64(insertAudit, 1, now);
            bindText(insertAudit, 2, user);
            sqlite3_bind_text(insertAudit, 3, "command.applied", -1, SQLITE_STATIC);
            bindText(insertAudit, 4, p.itemId);
            bindText(insertAudit, 5, p.commandId);
            bindText(insertAudit, 6, detail);
            db.done(insertAudit);
            ++result.applied;
        }
        sqlite3_bind_int64(setSeq, 1, seq);
        db.done(setSeq);
        db.exec("COMMIT");
        result.sent = end;
        ++result.batches;
    }
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return result;
}

} // namespace ibc::bench::loadgen
