#pragma once

// Small helpers shared by the cache and model suites: fixed times, whole-table dumps to compare
// states byte for byte, file modes and hashes.

#include "domain/Clock.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QString>

#include <sqlite3.h>

#include <sys/stat.h>

namespace ibc::test {

inline constexpr models::EpochSecs kDay = 86400;

// Monday 16 March 2026, midnight UTC: the anchor every suite generates its demo data from.
inline models::EpochSecs fixedAnchor()
{
    return QDateTime(QDate(2026, 3, 16), QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
}

// Every row of `sql`, every column, typed, in one byte string: two equal dumps mean equal data.
inline QByteArray dump(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *st = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) != SQLITE_OK)
        return QByteArray("prepare failed: ") + sqlite3_errmsg(db);
    QByteArray out;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        for (int c = 0; c < sqlite3_column_count(st); ++c) {
            out += sqlite3_column_name(st, c);
            out += '=';
            switch (sqlite3_column_type(st, c)) {
            case SQLITE_NULL: out += "NULL"; break;
            case SQLITE_INTEGER: out += QByteArray::number(sqlite3_column_int64(st, c)); break;
            case SQLITE_FLOAT: out += QByteArray::number(sqlite3_column_double(st, c), 'g', 17); break;
            default:
                out += '\'';
                out +=
                    QByteArray(reinterpret_cast<const char *>(sqlite3_column_blob(st, c)), sqlite3_column_bytes(st, c));
                out += '\'';
            }
            out += '\t';
        }
        out += '\n';
    }
    if (rc != SQLITE_DONE)
        out += QByteArray("step failed: ") + sqlite3_errmsg(db);
    sqlite3_finalize(st);
    return out;
}

inline uint fileMode(const QString &path)
{
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return 0xFFFFFFFF;
    return st.st_mode & 0777;
}

inline QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

inline QByteArray sha256(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

inline bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

} // namespace ibc::test
