#include "store/StoreSchema.h"

#include "sqlite/Sqlite.h"
#include "store/Store.h"

#include <QFileInfo>

#include <iterator>

namespace ibc::sync::schema {

using models::sqlite::Database;
using models::sqlite::Transaction;

namespace {

// The numbered migrations. Append one for every schema change; never edit one that has shipped.
//
// Items carry the sequence number of their newest change (seq). Notes and events are clustered by
// their item's row, so that a page of the change feed reads its history in a few range scans;
// each records the seq of the change that made it. Commands keep the outcome each command id had,
// for idempotent retries. The audit log can only be appended to: triggers refuse updates, deletes
// and inserts that would replace a row (INSERT OR REPLACE deletes without firing delete triggers;
// the store numbers its audit rows itself, since NEW.row is undefined in a BEFORE INSERT trigger
// when left to SQLite).
void migration1(Database &db)
{
    db.exec(R"(
        CREATE TABLE meta(
            key TEXT PRIMARY KEY,
            value INTEGER NOT NULL) WITHOUT ROWID;
        INSERT INTO meta(key, value) VALUES ('seq', 0), ('reference', 0);

        CREATE TABLE users(
            username TEXT PRIMARY KEY,
            display_name TEXT NOT NULL,
            role INTEGER NOT NULL,
            partners TEXT NOT NULL DEFAULT '',
            password_hash TEXT NOT NULL DEFAULT '',
            disabled INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;

        CREATE TABLE sessions(
            token_hash BLOB PRIMARY KEY,
            username TEXT NOT NULL,
            created INTEGER NOT NULL,
            expires INTEGER NOT NULL) WITHOUT ROWID;

        CREATE TABLE items(
            row INTEGER PRIMARY KEY,
            id TEXT NOT NULL,
            reference TEXT NOT NULL,
            kind INTEGER NOT NULL,
            subtype TEXT NOT NULL,
            partner TEXT NOT NULL,
            status INTEGER NOT NULL,
            priority INTEGER NOT NULL,
            assignee TEXT NOT NULL DEFAULT '',
            received INTEGER NOT NULL,
            updated INTEGER NOT NULL,
            due INTEGER NOT NULL,
            version INTEGER NOT NULL,
            fields TEXT NOT NULL DEFAULT '{}',
            seq INTEGER NOT NULL);

        CREATE TABLE notes(
            item_row INTEGER NOT NULL,
            n INTEGER NOT NULL,
            seq INTEGER NOT NULL,
            at INTEGER NOT NULL,
            author TEXT NOT NULL,
            text TEXT NOT NULL,
            PRIMARY KEY(item_row, n)) WITHOUT ROWID;

        CREATE TABLE events(
            item_row INTEGER NOT NULL,
            n INTEGER NOT NULL,
            seq INTEGER NOT NULL,
            at INTEGER NOT NULL,
            actor TEXT NOT NULL,
            type TEXT NOT NULL,
            from_status INTEGER NOT NULL,
            to_status INTEGER NOT NULL,
            detail TEXT NOT NULL DEFAULT '',
            PRIMARY KEY(item_row, n)) WITHOUT ROWID;

        CREATE TABLE commands(
            row INTEGER PRIMARY KEY,
            command_id TEXT NOT NULL UNIQUE,
            username TEXT NOT NULL,
            item_id TEXT NOT NULL,
            at INTEGER NOT NULL,
            outcome TEXT NOT NULL);

        CREATE TABLE audit(
            row INTEGER PRIMARY KEY,
            at INTEGER NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            item_id TEXT NOT NULL DEFAULT '',
            command_id TEXT NOT NULL DEFAULT '',
            detail TEXT NOT NULL DEFAULT '{}');
        CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: rows cannot be changed'); END;
        CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: rows cannot be deleted'); END;
        CREATE TRIGGER audit_no_replace BEFORE INSERT ON audit
            WHEN EXISTS (SELECT 1 FROM audit WHERE row = new.row)
            BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: rows cannot be replaced'); END;
    )");
}

// Claims hold an item for a while (a lease), even while their caseworker is offline.
void migration2(Database &db) { db.exec("ALTER TABLE items ADD COLUMN lease_until INTEGER NOT NULL DEFAULT 0"); }

// Service levels in working time: the rules in force (SlaRules' JSON), and every open item's due
// time set again under them when the store next opens (meta "retime_due").
void migration3(Database &db)
{
    db.exec(R"(
        CREATE TABLE settings(
            name TEXT PRIMARY KEY,
            value TEXT NOT NULL) WITHOUT ROWID;
        INSERT INTO meta(key, value) VALUES ('retime_due', 1);
    )");
}

// Maker-checker: caseworkers who may check others' changes (team leaders always may).
void migration4(Database &db) { db.exec("ALTER TABLE users ADD COLUMN checker INTEGER NOT NULL DEFAULT 0"); }

// Sensitive cases: why an item was marked, and the people named on it who may see it (usernames,
// comma-separated). Empty: not sensitive.
void migration5(Database &db)
{
    db.exec(R"(
        ALTER TABLE items ADD COLUMN sensitive TEXT NOT NULL DEFAULT '';
        ALTER TABLE items ADD COLUMN named TEXT NOT NULL DEFAULT '';
    )");
}

using Migration = void (*)(Database &);
constexpr Migration kMigrations[] = {migration1, migration2, migration3, migration4, migration5};
static_assert(std::size(kMigrations) == kVersion);

constexpr const char *kIndexes[] = {
    "UNIQUE INDEX IF NOT EXISTS items_id ON items(id)",
    // The change feed in sequence order, for everyone and per partner.
    "UNIQUE INDEX IF NOT EXISTS items_seq ON items(seq)",
    "INDEX IF NOT EXISTS items_partner_seq ON items(partner, seq)",
    "INDEX IF NOT EXISTS sessions_username ON sessions(username)",
};
constexpr const char *kIndexNames[] = {"items_id", "items_seq", "items_partner_seq", "sessions_username"};

QString hex(qint64 v) { return QStringLiteral("0x%1").arg(quint32(v), 8, 16, QLatin1Char('0')); }

// What a file is, read through `db`; throws StoreError if it is not ours to open.
void check(Database &db, const QString &path)
{
    qint64 appId = 0, version = 0, objects = 0;
    try {
        appId = db.scalar("PRAGMA application_id");
        version = db.scalar("PRAGMA user_version");
        objects = db.scalar("SELECT count(*) FROM sqlite_master");
    } catch (const models::sqlite::Error &e) {
        throw StoreError(QStringLiteral("not_a_store"),
                         QStringLiteral("%1 is not an ibc-store database (%2). It was left as it is.")
                             .arg(path, QString::fromUtf8(e.what())));
    }
    if (appId == 0 && version == 0 && objects == 0)
        return; // a new, empty database
    if (appId != qint64(kApplicationId))
        throw StoreError(QStringLiteral("not_a_store"),
                         QStringLiteral("%1 is an SQLite database of another program (application id %2, not "
                                        "ibc-store's %3). It was left as it is.")
                             .arg(path, hex(appId), hex(kApplicationId)));
    if (version > kVersion)
        throw StoreError(QStringLiteral("newer_store"),
                         QStringLiteral("%1 was written by a newer ibc-store (schema %2; this one knows up to %3). "
                                        "It was left as it is: open it with that newer ibc-store.")
                             .arg(path)
                             .arg(version)
                             .arg(kVersion));
}

} // namespace

void inspect(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return;
    if (!info.isFile())
        throw StoreError(QStringLiteral("not_a_store"), QStringLiteral("%1 is not a file.").arg(path));
    if (info.size() == 0)
        return;
    std::unique_ptr<Database> db;
    try {
        db = std::make_unique<Database>(path, Database::Mode::ReadOnly);
    } catch (const models::sqlite::Error &e) {
        throw StoreError(QStringLiteral("not_a_store"),
                         QStringLiteral("%1 cannot be opened as an ibc-store database (%2). It was left as it is.")
                             .arg(path, QString::fromUtf8(e.what())));
    }
    check(*db, path);
}

void migrate(Database &db, const QString &path)
{
    Transaction tx(db);
    check(db, path);
    const int from = int(db.scalar("PRAGMA user_version"));
    for (int v = from; v < kVersion; ++v)
        kMigrations[v](db);
    if (from < kVersion) {
        db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
        db.exec("PRAGMA user_version = " + std::to_string(kVersion));
    }
    tx.commit();
}

void createIndexes(Database &db)
{
    for (const char *index : kIndexes)
        db.exec(std::string("CREATE ") + index);
}

void dropIndexes(Database &db)
{
    for (const char *name : kIndexNames)
        db.exec(std::string("DROP INDEX IF EXISTS ") + name);
}

} // namespace ibc::sync::schema
