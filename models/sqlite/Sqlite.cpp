#include "sqlite/Sqlite.h"

#include <QJsonDocument>

#include <sqlite3.h>

namespace ibc::models::sqlite {

namespace {
[[noreturn]] void fail(sqlite3 *db, int rc, std::string_view context)
{
    std::string msg(context);
    msg += ": ";
    msg += db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    throw Error(rc & 0xFF, msg);
}
} // namespace

bool Error::isCorruption() const { return m_code == SQLITE_CORRUPT || m_code == SQLITE_NOTADB; }

Database::Database(const QString &path, Mode mode) : m_path(path)
{
    const int flags = (mode == Mode::ReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
                      SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string msg = "cannot open " + path.toStdString() + ": " + sqlite3_errstr(rc);
        sqlite3_close(m_db);
        m_db = nullptr;
        throw Error(rc & 0xFF, msg);
    }
    sqlite3_extended_result_codes(m_db, 0);
    sqlite3_busy_timeout(m_db, 5000);
}

Database::~Database() { sqlite3_close_v2(m_db); }

void Database::exec(std::string_view sql)
{
    const std::string s(sql);
    char *err = nullptr;
    const int rc = sqlite3_exec(m_db, s.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        std::string msg = err ? err : sqlite3_errstr(rc);
        sqlite3_free(err);
        throw Error(rc & 0xFF, msg + " [" + s.substr(0, 80) + "]");
    }
}

Statement Database::prepare(std::string_view sql) { return Statement(m_db, sql); }
qint64 Database::lastInsertRowId() const { return sqlite3_last_insert_rowid(m_db); }
int Database::changes() const { return sqlite3_changes(m_db); }

qint64 Database::scalar(std::string_view sql, qint64 fallback)
{
    Statement st(m_db, sql);
    return st.step() ? st.int64(0) : fallback;
}

Statement::Statement(sqlite3 *db, std::string_view sql) : m_db(db)
{
    const int rc = sqlite3_prepare_v3(db, sql.data(), int(sql.size()), SQLITE_PREPARE_PERSISTENT, &m_stmt, nullptr);
    if (rc != SQLITE_OK)
        fail(db, rc, std::string("prepare [") + std::string(sql.substr(0, 80)) + "]");
}

Statement::~Statement() { sqlite3_finalize(m_stmt); }

Statement::Statement(Statement &&o) noexcept : m_db(o.m_db), m_stmt(o.m_stmt) { o.m_stmt = nullptr; }

Statement &Statement::bind(int i, qint64 v)
{
    if (int rc = sqlite3_bind_int64(m_stmt, i, v); rc != SQLITE_OK)
        fail(m_db, rc, "bind");
    return *this;
}

Statement &Statement::bind(int i, double v)
{
    if (int rc = sqlite3_bind_double(m_stmt, i, v); rc != SQLITE_OK)
        fail(m_db, rc, "bind");
    return *this;
}

Statement &Statement::bind(int i, const QString &v)
{
    // Qt's UTF-8 encoder is faster than SQLite's UTF-16 translation, and the file is UTF-8.
    const QByteArray utf8 = v.toUtf8();
    return bind(i, std::string_view(utf8.constData(), std::size_t(utf8.size())));
}

Statement &Statement::bind(int i, std::string_view utf8)
{
    if (int rc = sqlite3_bind_text(m_stmt, i, utf8.data(), int(utf8.size()), SQLITE_TRANSIENT); rc != SQLITE_OK)
        fail(m_db, rc, "bind");
    return *this;
}

Statement &Statement::bindNull(int i)
{
    sqlite3_bind_null(m_stmt, i);
    return *this;
}

bool Statement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    sqlite3_reset(m_stmt);
    fail(m_db, rc, "step");
}

void Statement::run()
{
    while (step()) {
    }
    reset();
}

void Statement::reset() { sqlite3_reset(m_stmt); }

qint64 Statement::int64(int col) const { return sqlite3_column_int64(m_stmt, col); }
double Statement::real(int col) const { return sqlite3_column_double(m_stmt, col); }
bool Statement::isNull(int col) const { return sqlite3_column_type(m_stmt, col) == SQLITE_NULL; }

int Statement::columnCount() const { return sqlite3_column_count(m_stmt); }

QString Statement::text(int col) const
{
    const std::string_view s = utf8(col);
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

std::string_view Statement::utf8(int col) const
{
    const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, col));
    return p ? std::string_view(p, std::size_t(sqlite3_column_bytes(m_stmt, col))) : std::string_view();
}

Transaction::Transaction(Database &db, bool immediate) : m_db(db)
{
    m_db.exec(immediate ? "BEGIN IMMEDIATE" : "BEGIN");
}

Transaction::~Transaction()
{
    if (!m_done) {
        try {
            m_db.exec("ROLLBACK");
        } catch (const Error &) {
            // Already rolled back by SQLite (e.g. after SQLITE_FULL); nothing more to undo.
        }
    }
}

void Transaction::commit()
{
    m_db.exec("COMMIT");
    m_done = true;
}

Query StatementCache::query(const char *sql)
{
    auto &slot = m_statements[sql];
    if (!slot)
        slot = std::make_unique<Statement>(m_db.prepare(sql));
    return Query(*slot);
}

QByteArray compactJson(const QJsonObject &object) { return QJsonDocument(object).toJson(QJsonDocument::Compact); }

QJsonObject jsonObject(std::string_view text)
{
    return QJsonDocument::fromJson(QByteArray::fromRawData(text.data(), qsizetype(text.size()))).object();
}

} // namespace ibc::models::sqlite
