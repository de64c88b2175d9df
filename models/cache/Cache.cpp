#include "cache/Cache.h"

#include "domain/ModulusCheck.h"

#include "sqlite/Sqlite.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QStandardPaths>

#include <sqlite3.h>

#include <array>
#include <optional>
#include <variant>

Q_LOGGING_CATEGORY(lcCache, "ibc.cache")

namespace ibc::models {

using sqlite::compactJson;
using sqlite::Database;
using sqlite::jsonObject;
using sqlite::Statement;
using sqlite::Transaction;
using sqlite::view;

namespace {

// What the queue searches: reference, employee number, name and supplier, folded to lower case.
// A sensitive item is found by its reference only: no list or search shows whose case it is.
QString searchText(const WorkItem &it)
{
    QString s = it.reference;
    if (!it.sensitive.isEmpty())
        return s.toLower();
    for (const QString &part : {it.employeeNumber(), it.personName(), it.supplier()})
        if (!part.isEmpty())
            s += QLatin1Char(' ') + part;
    return s.toLower();
}

// An item's history and notes, a line at a time, as every writer of them writes them.
constexpr const char *kInsertEvent =
    "INSERT INTO events(item_id, at, actor, type, from_status, to_status, detail) VALUES(?,?,?,?,?,?,?)";
constexpr const char *kInsertNote = "INSERT INTO notes(item_id, at, author, text) VALUES(?,?,?,?)";

void insertEvent(Statement &st, const QString &itemId, const Event &e)
{
    st.bind(1, itemId).bind(2, e.at).bind(3, e.actor).bind(4, e.type).bind(5, int(e.from)).bind(6, int(e.to));
    st.bind(7, e.detail).run();
}

void insertNote(Statement &st, const QString &itemId, const Note &n)
{
    st.bind(1, itemId).bind(2, n.at).bind(3, n.author).bind(4, n.text).run();
}

// The numbered migrations. Append a new one for every schema change; never edit an old one.
void migration1(Database &db)
{
    db.exec(R"(
        CREATE TABLE items(
            row INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
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
            version INTEGER NOT NULL DEFAULT 0,
            fields TEXT NOT NULL DEFAULT '{}');
        CREATE TABLE notes(
            row INTEGER PRIMARY KEY,
            item_id TEXT NOT NULL,
            at INTEGER NOT NULL,
            author TEXT NOT NULL,
            text TEXT NOT NULL);
        CREATE TABLE events(
            row INTEGER PRIMARY KEY,
            item_id TEXT NOT NULL,
            at INTEGER NOT NULL,
            actor TEXT NOT NULL,
            type TEXT NOT NULL,
            from_status INTEGER NOT NULL,
            to_status INTEGER NOT NULL,
            detail TEXT NOT NULL DEFAULT '');
    )");
}

void migration2(Database &db)
{
    db.exec(R"(
        CREATE TABLE outbox(
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            command_id TEXT NOT NULL UNIQUE,
            item_id TEXT NOT NULL,
            type INTEGER NOT NULL,
            base_version INTEGER NOT NULL,
            actor TEXT NOT NULL,
            at INTEGER NOT NULL,
            payload TEXT NOT NULL DEFAULT '{}');
        CREATE TABLE sync_state(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        CREATE TABLE users(
            username TEXT PRIMARY KEY,
            display_name TEXT NOT NULL,
            role INTEGER NOT NULL,
            partners TEXT NOT NULL DEFAULT '') WITHOUT ROWID;
    )");
}

// The queue's columns and indexes: what the table sorts, filters and searches on.
void migration3(Database &db)
{
    db.exec(R"(
        ALTER TABLE items ADD COLUMN summary TEXT NOT NULL DEFAULT '';
        ALTER TABLE items ADD COLUMN amount INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE items ADD COLUMN search TEXT NOT NULL DEFAULT '';
    )");
    {
        Statement read = db.prepare("SELECT row, reference, kind, fields, subtype FROM items");
        Statement write = db.prepare("UPDATE items SET summary = ?, amount = ?, search = ? WHERE row = ?");
        while (read.step()) {
            WorkItem it;
            it.reference = read.text(1);
            it.kind = Kind(read.int64(2));
            it.fields = jsonObject(read.utf8(3));
            it.subtype = read.text(4);
            write.bind(1, it.summary()).bind(2, it.amountPence()).bind(3, searchText(it)).bind(4, read.int64(0)).run();
        }
    }
}

// The secondary indexes of the newest schema. They are derived data, not part of the numbered
// migrations: open() makes any that are missing, so a bulk load may drop them and a load cut
// short by a crash leaves nothing wrong behind.
constexpr const char *kIndexes[] = {
    "notes_item ON notes(item_id)",
    "events_item ON events(item_id)",
    // The queue's orders (QueueReader::rowIds). Each ends with status, and the queue breaks ties
    // on status before row, so that an order is read straight off its index, and the open-work
    // scope (status NOT IN …) is decided from the index too, without reading a million items.
    "queue_due ON items(due, status)",
    "queue_received ON items(received, status)",
    "queue_priority ON items(priority, due, status)",
    "queue_priority_desc ON items(priority DESC, due, status)",
    "queue_partner ON items(partner, due, status)",
    "queue_partner_desc ON items(partner DESC, due, status)",
    "queue_amount ON items(amount, status)",
    "queue_assignee ON items(assignee, due, status)",
    "queue_kind ON items(kind, due, status)",
    "items_unassigned ON items(due) WHERE assignee = ''",
    "items_claimed ON items(lease_until) WHERE lease_until > 0",
};

// The queue's free-text search (QueueReader): a trigram index over items.search, so that a search
// finds its few rows without reading a million items. Derived data like the indexes: an external-
// content FTS5 table kept in step by triggers, made and filled when missing, dropped for a bulk
// load and rebuilt once after it.
constexpr const char *kSearchTriggers[] = {
    "items_search_insert AFTER INSERT ON items BEGIN "
    "INSERT INTO items_search(rowid, search) VALUES (new.row, new.search); END",
    "items_search_delete AFTER DELETE ON items BEGIN "
    "INSERT INTO items_search(items_search, rowid, search) VALUES ('delete', old.row, old.search); END",
    "items_search_update AFTER UPDATE OF search ON items BEGIN "
    "INSERT INTO items_search(items_search, rowid, search) VALUES ('delete', old.row, old.search); "
    "INSERT INTO items_search(rowid, search) VALUES (new.row, new.search); END",
};

std::string_view nameOf(std::string_view definition) { return definition.substr(0, definition.find(' ')); }

void createIndexes(Database &db)
{
    for (const char *index : kIndexes)
        db.exec(std::string("CREATE INDEX IF NOT EXISTS ") + index);
    // The table, its contents and its triggers together, so that the index is never stale.
    Transaction tx(db);
    if (db.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'items_search'") == 0) {
        db.exec("CREATE VIRTUAL TABLE items_search USING fts5(search, content='items', content_rowid='row', "
                "tokenize='trigram')");
        db.exec("INSERT INTO items_search(items_search) VALUES('rebuild')");
    }
    for (const char *trigger : kSearchTriggers)
        db.exec(std::string("CREATE TRIGGER IF NOT EXISTS ") + trigger);
    tx.commit();
}

void dropIndexes(Database &db)
{
    for (const char *index : kIndexes)
        db.exec("DROP INDEX IF EXISTS " + std::string(nameOf(index)));
    Transaction tx(db);
    for (const char *trigger : kSearchTriggers)
        db.exec("DROP TRIGGER IF EXISTS " + std::string(nameOf(trigger)));
    db.exec("DROP TABLE IF EXISTS items_search");
    tx.commit();
}

// Sync: what the user saw when they acted, kept with each command, and the commands the store
// refused, kept until the user deals with them.
void migration4(Database &db)
{
    db.exec(R"(
        ALTER TABLE outbox ADD COLUMN seen TEXT NOT NULL DEFAULT '{}';
        CREATE TABLE conflicts(
            row INTEGER PRIMARY KEY,
            command_id TEXT NOT NULL UNIQUE,
            item_id TEXT NOT NULL,
            type INTEGER NOT NULL,
            base_version INTEGER NOT NULL,
            actor TEXT NOT NULL,
            at INTEGER NOT NULL,
            payload TEXT NOT NULL,
            seen TEXT NOT NULL,
            kind INTEGER NOT NULL,
            code TEXT NOT NULL,
            reason TEXT NOT NULL,
            theirs TEXT NOT NULL,
            raised INTEGER NOT NULL);
        CREATE INDEX conflicts_item ON conflicts(item_id);
        CREATE INDEX outbox_item ON outbox(item_id);
    )");
}

// Claims hold an item for a while (Lifecycle.h): the store says until when.
void migration5(Database &db) { db.exec("ALTER TABLE items ADD COLUMN lease_until INTEGER NOT NULL DEFAULT 0"); }

// Where each item got to, on its own row, for the dashboard (SlaFiguresReader): its first move to
// In progress, its first resolve (a move to Resolved from another status) and who made it; NULL
// until there is one. Moves from a status to itself (a note on a resolved item) are not moves. The
// triggers keep them true whoever writes the history: a new line can only make a first earlier (a
// resolve at the same second as the first keeps the first), and a line taken away (a pull that
// replaces an item's history) has them read again from what is left.
void migration6(Database &db)
{
    db.exec(R"(
        ALTER TABLE items ADD COLUMN started_at INTEGER;
        ALTER TABLE items ADD COLUMN resolved_at INTEGER;
        ALTER TABLE items ADD COLUMN resolved_by TEXT;
        DROP INDEX IF EXISTS events_progress;
        CREATE TRIGGER events_progress_insert AFTER INSERT ON events
        WHEN new.to_status IN (2, 5) AND new.from_status != new.to_status BEGIN
            UPDATE items SET started_at = min(coalesce(started_at, new.at), new.at)
            WHERE new.to_status = 2 AND id = new.item_id;
            UPDATE items SET resolved_at = new.at, resolved_by = new.actor
            WHERE new.to_status = 5 AND id = new.item_id AND (resolved_at IS NULL OR new.at < resolved_at);
        END;
        CREATE TRIGGER events_progress_delete AFTER DELETE ON events
        WHEN old.to_status IN (2, 5) AND old.from_status != old.to_status BEGIN
            UPDATE items SET
                started_at = (SELECT min(at) FROM events
                              WHERE item_id = old.item_id AND to_status = 2 AND from_status != 2),
                (resolved_at, resolved_by) = (SELECT at, actor FROM events
                                              WHERE item_id = old.item_id AND to_status = 5 AND from_status != 5
                                              ORDER BY at, row LIMIT 1)
            WHERE id = old.item_id;
        END;
        CREATE TEMP TABLE progress AS
            SELECT item_id, min(at) AS at FROM events WHERE to_status = 2 AND from_status != 2 GROUP BY item_id;
        UPDATE items SET started_at = progress.at FROM progress WHERE progress.item_id = items.id;
        DROP TABLE progress;
        CREATE TEMP TABLE progress AS
            SELECT item_id, at, actor FROM
                (SELECT item_id, at, actor, row_number() OVER (PARTITION BY item_id ORDER BY at, row) AS n
                 FROM events WHERE to_status = 5 AND from_status != 5)
            WHERE n = 1;
        UPDATE items SET resolved_at = progress.at, resolved_by = progress.actor
        FROM progress WHERE progress.item_id = items.id;
        DROP TABLE progress;
    )");
}

// Maker-checker. Users may be checkers. An item is resolved (resolved_at, resolved_by) when its
// change takes effect: a resolve that needs no check, or the check that passes one (to resolved, or
// straight to closed); the maker's resolve into awaiting check (8) is not yet a resolve. Read again
// from the history, whatever wrote it.
void migration7(Database &db)
{
    db.exec(R"(
        ALTER TABLE users ADD COLUMN checker INTEGER NOT NULL DEFAULT 0;
        DROP TRIGGER events_progress_insert;
        DROP TRIGGER events_progress_delete;
        CREATE TRIGGER events_progress_insert AFTER INSERT ON events
        WHEN new.to_status IN (2, 5, 7) AND new.from_status != new.to_status BEGIN
            UPDATE items SET started_at = min(coalesce(started_at, new.at), new.at)
            WHERE new.to_status = 2 AND id = new.item_id;
            UPDATE items SET resolved_at = new.at, resolved_by = new.actor
            WHERE new.to_status IN (5, 7) AND new.from_status NOT IN (5, 7) AND id = new.item_id
                  AND (resolved_at IS NULL OR new.at < resolved_at);
        END;
        CREATE TRIGGER events_progress_delete AFTER DELETE ON events
        WHEN old.to_status IN (2, 5, 7) AND old.from_status != old.to_status BEGIN
            UPDATE items SET
                started_at = (SELECT min(at) FROM events
                              WHERE item_id = old.item_id AND to_status = 2 AND from_status != 2),
                (resolved_at, resolved_by) = (SELECT at, actor FROM events
                                              WHERE item_id = old.item_id AND to_status IN (5, 7)
                                                    AND from_status NOT IN (5, 7)
                                              ORDER BY at, row LIMIT 1)
            WHERE id = old.item_id;
        END;
        CREATE TEMP TABLE progress AS
            SELECT item_id, at, actor FROM
                (SELECT item_id, at, actor, row_number() OVER (PARTITION BY item_id ORDER BY at, row) AS n
                 FROM events WHERE to_status IN (5, 7) AND from_status NOT IN (5, 7))
            WHERE n = 1;
        UPDATE items SET resolved_at = progress.at, resolved_by = progress.actor
        FROM progress WHERE progress.item_id = items.id;
        DROP TABLE progress;
    )");
}

// Sensitive cases (WorkItem::sensitive): why, and who is named on it (comma-separated). And a
// leaver who died in service says so in every list: their summaries are written again.
void migration8(Database &db)
{
    db.exec(R"(
        ALTER TABLE items ADD COLUMN sensitive TEXT NOT NULL DEFAULT '';
        ALTER TABLE items ADD COLUMN named TEXT NOT NULL DEFAULT '';
    )");
    Statement read = db.prepare("SELECT row, kind, subtype, fields FROM items WHERE subtype = 'leaver'");
    Statement write = db.prepare("UPDATE items SET summary = ? WHERE row = ?");
    while (read.step()) {
        WorkItem it;
        it.kind = Kind(read.int64(1));
        it.subtype = read.text(2);
        it.fields = jsonObject(read.utf8(3));
        write.bind(1, it.summary()).bind(2, read.int64(0)).run();
    }
}

using Migration = void (*)(Database &);
constexpr Migration kMigrations[] = {migration1, migration2, migration3, migration4,
                                     migration5, migration6, migration7, migration8};
static_assert(std::size(kMigrations) == Cache::kSchemaVersion);

QString stamp() { return QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")); }

// Moves the database and its WAL and shared-memory files to `to` (keeping their suffixes, so
// that the moved copy still opens with its last transactions).
bool moveAside(const QString &from, const QString &to)
{
    bool ok = QFile::rename(from, to);
    for (const char *suffix : {"-wal", "-shm"})
        if (QFile::exists(from + QLatin1String(suffix)))
            QFile::rename(from + QLatin1String(suffix), to + QLatin1String(suffix));
    return ok;
}

// One unsent command as a line of the export: columns command_id, item_id, type, base_version,
// actor, at, payload and, for a refused one, the store's reason.
QJsonObject unsentJson(Statement &st)
{
    QJsonObject o{{QStringLiteral("id"), st.text(0)},
                  {QStringLiteral("item_id"), st.text(1)},
                  {QStringLiteral("type"), commandName(CommandType(st.int64(2)))},
                  {QStringLiteral("base_version"), st.int64(3)},
                  {QStringLiteral("actor"), st.text(4)},
                  {QStringLiteral("at"), QDateTime::fromSecsSinceEpoch(st.int64(5), Qt::UTC).toString(Qt::ISODate)},
                  {QStringLiteral("payload"), jsonObject(st.utf8(6))}};
    if (st.columnCount() > 7)
        o.insert(QStringLiteral("refused_by_store"), st.text(7));
    return o;
}

// Reads what can still be read of an outbox (and the commands the store refused) and writes them
// as JSON lines. Returns how many.
int exportUnsent(const QString &dbPath, const QString &to)
{
    int count = 0;
    try {
        Database db(dbPath, Database::Mode::ReadOnly);
        // A file cut short claims more pages than it has, and SQLite refuses it as a whole; with
        // writable_schema it reads the pages that are there (read-only: nothing is written).
        db.exec("PRAGMA writable_schema = ON");
        if (db.scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'outbox'") == 0)
            return 0;
        Statement st =
            db.prepare("SELECT command_id, item_id, type, base_version, actor, at, payload FROM outbox ORDER BY seq");
        QFile out(to);
        try {
            while (st.step()) {
                if (!out.isOpen() && !out.open(QIODevice::WriteOnly | QIODevice::Append))
                    return 0;
                out.write(compactJson(unsentJson(st)) + '\n');
                ++count;
            }
        } catch (const sqlite::Error &e) {
            // A corrupt page part-way: keep every command read before it.
            qCWarning(lcCache) << "stopped exporting unsent commands at a damaged page:" << e.what();
        }
        // Commands the store refused are unsent too, until the user deals with them.
        if (db.scalar("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'conflicts'") > 0) {
            Statement c = db.prepare("SELECT command_id, item_id, type, base_version, actor, at, payload, reason "
                                     "FROM conflicts ORDER BY row");
            try {
                while (c.step()) {
                    if (!out.isOpen() && !out.open(QIODevice::WriteOnly | QIODevice::Append))
                        return count;
                    out.write(compactJson(unsentJson(c)) + '\n');
                    ++count;
                }
            } catch (const sqlite::Error &e) {
                qCWarning(lcCache) << "stopped exporting refused commands at a damaged page:" << e.what();
            }
        }
        if (out.isOpen())
            out.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    } catch (const sqlite::Error &e) {
        qCWarning(lcCache) << "could not read unsent commands from" << dbPath << ":" << e.what();
    }
    return count;
}

// Up to this size (about 200,000 items) open() reads the whole file to look for damage.
constexpr qint64 kFullCheckBytes = qint64(256) << 20;

// Looks at an existing file without changing it.
CacheOpenReport::Problem inspect(const QString &path, int *version)
{
    using P = CacheOpenReport::Problem;
    if (QFileInfo(path).size() == 0)
        return P::None;
    {
        // Not an SQLite database at all (a document, an image) is someone else's file, not a
        // damaged cache; the start of SQLite's header and nothing more is a damaged one.
        static const QByteArray magic("SQLite format 3\0", 16);
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return P::Corrupt;
        const QByteArray head = f.read(magic.size());
        if (head != magic)
            return magic.startsWith(head) ? P::Corrupt : P::NotOurs;
    }
    try {
        Database db(path, Database::Mode::ReadOnly);
        const qint64 appId = db.scalar("PRAGMA application_id");
        *version = int(db.scalar("PRAGMA user_version"));
        const qint64 objects = db.scalar("SELECT count(*) FROM sqlite_master");
        if (appId != qint64(Cache::kApplicationId) && (appId != 0 || objects > 0))
            return P::NotOurs;
        if (*version > Cache::kSchemaVersion)
            return P::Newer;
        // Damage past the first pages shows only when those pages are read. Read them now, rather
        // than fail at some later query and never move the file aside: the whole file while that
        // is quick, and always the tables nothing else could rebuild (the unsent commands, the
        // users, the sync checkpoint). Reading a million-item cache through costs seconds at every
        // start, so past kFullCheckBytes the items are left to show damage when they are read.
        std::vector<std::string> checks;
        if (QFileInfo(path).size() <= kFullCheckBytes) {
            checks.emplace_back("PRAGMA quick_check(1)");
        } else {
            for (const char *table : {"outbox", "users", "sync_state"})
                if (db.scalar(std::string("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '") +
                              table + "'"))
                    checks.push_back(std::string("PRAGMA quick_check(") + table + ")");
        }
        for (const std::string &sql : checks) {
            Statement check = db.prepare(sql);
            if (!check.step() || check.text(0) != QLatin1String("ok")) {
                qCWarning(lcCache) << path
                                   << "failed its consistency check:" << (check.isNull(0) ? QString() : check.text(0));
                return P::Corrupt;
            }
        }
        return P::None;
    } catch (const sqlite::Error &e) {
        qCWarning(lcCache) << path << "is not a readable SQLite database:" << e.what();
        return P::Corrupt;
    }
}

void configure(Database &db)
{
    db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;"
            "PRAGMA cache_size = -32000; PRAGMA temp_store = MEMORY;");
}

} // namespace

QString CacheOpenReport::message() const
{
    QString what;
    switch (problem) {
    case Problem::None: return {};
    case Problem::NotOurs:
        what = QCoreApplication::translate("ibc::models::Cache",
                                           "The file at the cache's place is not an IBC Desk cache.");
        break;
    case Problem::Newer:
        what = QCoreApplication::translate(
                   "ibc::models::Cache",
                   "The cache was written by a newer version of IBC Desk (schema %1; this version reads up to %2).")
                   .arg(fileVersion)
                   .arg(Cache::kSchemaVersion);
        break;
    case Problem::Corrupt:
        what = QCoreApplication::translate("ibc::models::Cache", "The cache file is damaged and cannot be read.");
        break;
    }
    QString text = what + QLatin1Char(' ') +
                   QCoreApplication::translate("ibc::models::Cache",
                                               "It has been kept, unchanged, as %1, and a new cache has been started.")
                       .arg(QDir::toNativeSeparators(movedTo));
    if (exportedCommands > 0)
        text += QLatin1Char(' ') + QCoreApplication::translate("ibc::models::Cache",
                                                               "%n change(s) not yet sent were saved to %1: give "
                                                               "this file to your IBC support desk so that nothing "
                                                               "is lost.",
                                                               nullptr, exportedCommands)
                                       .arg(QDir::toNativeSeparators(exportedTo));
    return text;
}

void Cache::migrate(Database &db, int version)
{
    int current = int(db.scalar("PRAGMA user_version"));
    while (current < version) {
        Transaction tx(db);
        kMigrations[current](db);
        ++current;
        db.exec("PRAGMA user_version = " + std::to_string(current));
        db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
        tx.commit();
        qCInfo(lcCache) << "migrated" << db.path() << "to schema" << current;
    }
}

std::unique_ptr<Cache> Cache::open(const QString &path, CacheOpenReport *report, const Clock &clock)
{
    CacheOpenReport local;
    CacheOpenReport &r = report ? *report : local;
    r = {};
    const QString folder = QFileInfo(path).absolutePath();
    if (!QFileInfo::exists(folder)) {
        // A folder we make holds one person's work: theirs alone.
        QDir().mkpath(folder);
        QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }

    if (QFile::exists(path)) {
        r.problem = inspect(path, &r.fileVersion);
        if (r.problem != CacheOpenReport::Problem::None) {
            static const char *const why[] = {"", "not-a-cache", "newer", "damaged"};
            // A name no earlier file has taken, even one moved aside in the same second.
            const QString moved = path + QStringLiteral(".%1-%2").arg(QLatin1String(why[int(r.problem)]), stamp());
            r.movedTo = moved;
            for (int n = 2; QFile::exists(r.movedTo) || QFile::exists(r.movedTo + QLatin1String("-wal")); ++n)
                r.movedTo = moved + QStringLiteral("-%1").arg(n);
            if (!moveAside(path, r.movedTo))
                throw sqlite::Error(SQLITE_CANTOPEN, "cannot move " + path.toStdString() + " aside");
            // Another program's tables are not our unsent commands, whatever they are called.
            if (r.problem != CacheOpenReport::Problem::NotOurs) {
                const QString when = stamp();
                QString unsent = path + QStringLiteral(".unsent-%1.jsonl").arg(when);
                for (int n = 2; QFile::exists(unsent); ++n)
                    unsent = path + QStringLiteral(".unsent-%1-%2.jsonl").arg(when).arg(n);
                r.exportedCommands = exportUnsent(r.movedTo, unsent);
                if (r.exportedCommands > 0)
                    r.exportedTo = unsent;
            }
            qCWarning(lcCache).noquote() << r.message();
        }
    }

    if (!QFile::exists(path)) {
        // Create the file ourselves so that it, and the WAL SQLite makes beside it, are private.
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            throw sqlite::Error(SQLITE_CANTOPEN,
                                "cannot create " + path.toStdString() + ": " + f.errorString().toStdString());
        f.close();
    }
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);

    auto db = std::make_unique<Database>(path);
    configure(*db);
    migrate(*db, kSchemaVersion);
    createIndexes(*db);
    std::unique_ptr<Cache> cache(new Cache(std::move(db), clock));
    if (const QString kept = cache->syncValue(QStringLiteral("modulus_tables")); !kept.isEmpty()) {
        QString error;
        if (!cache->setModulusTables(QJsonDocument::fromJson(kept.toUtf8()).object(), &error))
            qCWarning(lcCache).noquote() << "the modulus tables kept from the store cannot be read:" << error;
    }
    return cache;
}

std::unique_ptr<Cache> Cache::attach(const QString &path, const Clock &clock)
{
    auto db = std::make_unique<Database>(path);
    const qint64 version = db->scalar("PRAGMA user_version");
    if (db->scalar("PRAGMA application_id") != kApplicationId || version != kSchemaVersion)
        throw sqlite::Error(SQLITE_CANTOPEN, path.toStdString() + " is not an IBC Desk cache of schema " +
                                                 std::to_string(kSchemaVersion));
    configure(*db);
    std::unique_ptr<Cache> cache(new Cache(std::move(db), clock));
    // Somewhere from SQLite's usual 1000 pages to twice that, so that desks sharing a machine (a
    // terminal server) and syncing the same changes don't all checkpoint at the same moment.
    cache->m_checkpointAt = int(QRandomGenerator::global()->bounded(1000, 2000));
    // Replaces SQLite's automatic checkpoint, which runs inside the commit that crosses the threshold.
    sqlite3_wal_hook(
        cache->m_db->handle(),
        [](void *self, sqlite3 *, const char *, int pages) {
            static_cast<Cache *>(self)->m_walPages = pages;
            return SQLITE_OK;
        },
        cache.get());
    return cache;
}

QString Cache::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/cache.sqlite");
}

Cache::Cache(std::unique_ptr<Database> db, const Clock &clock)
    : m_db(std::move(db))
    , m_statements(*m_db)
    , m_clock(clock)
{
}

Cache::~Cache() = default;

QString Cache::path() const { return m_db->path(); }

void Cache::setCurrentUser(const User &user)
{
    saveUsers(std::span(&user, 1));
    setSyncValue(QStringLiteral("current_user"), user.username);
}

std::optional<User> Cache::currentUser()
{
    const QString name = syncValue(QStringLiteral("current_user"));
    for (User &u : users())
        if (u.username == name)
            return std::move(u);
    return std::nullopt;
}

void Cache::saveUsers(std::span<const User> users)
{
    std::lock_guard lock(m_mutex);
    Transaction tx(*m_db);
    Statement st =
        m_db->prepare("INSERT INTO users(username, display_name, role, partners, checker) VALUES(?, ?, ?, ?, ?) "
                      "ON CONFLICT(username) DO UPDATE SET display_name = excluded.display_name, "
                      "role = excluded.role, partners = excluded.partners, checker = excluded.checker");
    for (const User &u : users)
        st.bind(1, u.username)
            .bind(2, u.displayName)
            .bind(3, int(u.role))
            .bind(4, u.partners.join(QLatin1Char(',')))
            .bind(5, int(u.checker))
            .run();
    tx.commit();
}

std::vector<User> Cache::users()
{
    std::lock_guard lock(m_mutex);
    std::vector<User> out;
    Statement st =
        m_db->prepare("SELECT username, display_name, role, partners, checker FROM users ORDER BY display_name");
    while (st.step())
        out.push_back(User{st.text(0), st.text(1), Role(st.int64(2)),
                           st.text(3).split(QLatin1Char(','), Qt::SkipEmptyParts), st.int64(4) != 0});
    return out;
}

void Cache::insertGenerated(std::span<const GeneratedItem> items)
{
    std::lock_guard lock(m_mutex);
    insertLocked(items);
}

Cache::BulkLoad::BulkLoad(Cache &cache) : m_cache(cache)
{
    std::lock_guard lock(m_cache.m_mutex);
    dropIndexes(*m_cache.m_db);
    m_cache.m_db->exec("PRAGMA cache_size = -256000"); // the unique id index stays hot
}

Cache::BulkLoad::~BulkLoad()
{
    try {
        finish();
    } catch (const std::exception &e) {
        qCWarning(lcCache) << "rebuilding the cache's indexes failed; the next start will retry:" << e.what();
    }
}

void Cache::BulkLoad::add(std::span<const GeneratedItem> items)
{
    std::lock_guard lock(m_cache.m_mutex);
    m_cache.insertLocked(items);
}

void Cache::BulkLoad::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    std::lock_guard lock(m_cache.m_mutex);
    createIndexes(*m_cache.m_db);
    m_cache.m_db->exec("ANALYZE");
    configure(*m_cache.m_db);
}

void Cache::insertLocked(std::span<const GeneratedItem> items)
{
    Transaction tx(*m_db);
    Statement insItem = m_db->prepare(
        "INSERT INTO items(id, reference, kind, subtype, partner, status, priority, assignee, received, updated, "
        "due, version, fields, summary, amount, search, lease_until, sensitive, named) "
        "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    Statement insNote = m_db->prepare(kInsertNote);
    Statement insEvent = m_db->prepare(kInsertEvent);
    for (const GeneratedItem &g : items) {
        const WorkItem &it = g.item;
        insItem.bind(1, it.id).bind(2, it.reference).bind(3, int(it.kind)).bind(4, it.subtype).bind(5, it.partner);
        insItem.bind(6, int(it.status)).bind(7, int(it.priority)).bind(8, it.assignee).bind(9, it.received);
        insItem.bind(10, it.updated).bind(11, it.due).bind(12, it.version).bind(13, view(compactJson(it.fields)));
        insItem.bind(14, it.summary())
            .bind(15, it.amountPence())
            .bind(16, searchText(it))
            .bind(17, it.leaseUntil)
            .bind(18, it.sensitive)
            .bind(19, it.named.join(QLatin1Char(',')))
            .run();
        for (const Note &n : g.notes)
            insertNote(insNote, n.itemId, n);
        for (const Event &e : g.events)
            insertEvent(insEvent, e.itemId, e);
    }
    tx.commit();
}

qint64 Cache::itemCount()
{
    std::lock_guard lock(m_mutex);
    return m_db->scalar("SELECT count(*) FROM items");
}

#define ITEM_COLUMNS                                                                                                   \
    "SELECT id, reference, kind, subtype, partner, status, priority, assignee, received, updated, due, version, "      \
    "fields, lease_until, sensitive, named FROM items WHERE "

std::optional<WorkItem> Cache::readItem(ItemKey key, const QString &id, qint64 row)
{
    sqlite::Query st = query(key == ItemKey::Id ? ITEM_COLUMNS "id = ?" : ITEM_COLUMNS "row = ?");
    if (key == ItemKey::Row)
        st->bind(1, row);
    else
        st->bind(1, id);
    if (!st->step())
        return std::nullopt;
    WorkItem it;
    it.id = st->text(0);
    it.reference = st->text(1);
    it.kind = Kind(st->int64(2));
    it.subtype = st->text(3);
    it.partner = st->text(4);
    it.status = Status(st->int64(5));
    it.priority = Priority(st->int64(6));
    it.assignee = st->text(7);
    it.received = st->int64(8);
    it.updated = st->int64(9);
    it.due = st->int64(10);
    it.version = st->int64(11);
    it.fields = jsonObject(st->utf8(12));
    it.leaseUntil = st->int64(13);
    it.sensitive = st->text(14);
    it.named = st->text(15).split(QLatin1Char(','), Qt::SkipEmptyParts);
    st->reset();
    return it;
}

std::optional<WorkItem> Cache::item(const QString &id)
{
    std::lock_guard lock(m_mutex);
    return readItem(ItemKey::Id, id);
}

std::optional<WorkItem> Cache::itemAtRow(qint64 row)
{
    std::lock_guard lock(m_mutex);
    return readItem(ItemKey::Row, {}, row);
}

std::vector<Note> Cache::notes(const QString &itemId)
{
    std::lock_guard lock(m_mutex);
    std::vector<Note> out;
    Statement st = m_db->prepare("SELECT at, author, text FROM notes WHERE item_id = ? ORDER BY at, row");
    st.bind(1, itemId);
    while (st.step())
        out.push_back(Note{itemId, st.int64(0), st.text(1), st.text(2)});
    return out;
}

std::vector<Event> Cache::events(const QString &itemId)
{
    std::lock_guard lock(m_mutex);
    return eventsLocked(itemId);
}

std::vector<Event> Cache::eventsLocked(const QString &itemId)
{
    std::vector<Event> out;
    Statement st = m_db->prepare(
        "SELECT at, actor, type, from_status, to_status, detail FROM events WHERE item_id = ? ORDER BY at, row");
    st.bind(1, itemId);
    while (st.step())
        out.push_back(
            Event{itemId, st.int64(0), st.text(1), st.text(2), Status(st.int64(3)), Status(st.int64(4)), st.text(5)});
    return out;
}

void Cache::writeItem(const WorkItem &it)
{
    sqlite::Query st =
        query("UPDATE items SET status = ?, priority = ?, assignee = ?, updated = ?, due = ?, version = ?, fields = ?, "
              "summary = ?, amount = ?, search = ?, lease_until = ?, sensitive = ?, named = ? WHERE id = ?");
    st->bind(1, int(it.status)).bind(2, int(it.priority)).bind(3, it.assignee).bind(4, it.updated).bind(5, it.due);
    st->bind(6, it.version).bind(7, view(compactJson(it.fields))).bind(8, it.summary()).bind(9, it.amountPence());
    st->bind(10, searchText(it)).bind(11, it.leaseUntil).bind(12, it.sensitive);
    st->bind(13, it.named.join(QLatin1Char(','))).bind(14, it.id).run();
}

CommandResult Cache::execute(const Command &command, const User &user)
{
    std::lock_guard lock(m_mutex);
    return executeLocked(command, user);
}

CommandResult Cache::executeLocked(const Command &command, const User &user)
{
    Transaction tx(*m_db);
    CommandResult result = applyLocked(command, user);
    if (result.applied)
        tx.commit();
    return result;
}

CommandResult Cache::retryConflict(qint64 conflictRow, const Command &command, const User &user)
{
    std::lock_guard lock(m_mutex);
    Transaction tx(*m_db);
    CommandResult result = applyLocked(command, user);
    if (!result.applied)
        return result;
    query("DELETE FROM conflicts WHERE row = ?")->bind(1, conflictRow).run();
    if (m_db->changes() == 0) // retried already (another window): the first retry stands alone
        return {
            false,
            QCoreApplication::translate("ibc::models::Cache", "This change has already been made again or discarded."),
            std::nullopt};
    tx.commit();
    return result;
}

CommandResult Cache::applyLocked(const Command &command, const User &user)
{
    std::optional<WorkItem> item = readItem(ItemKey::Id, command.itemId);
    if (!item) {
        const Refusal r{RefusalCode::NotVisible, {}};
        return {false, r.message(command.type, Status::New), r.code};
    }
    Decision d =
        lifecycle::decide(command, *item, user, slaRulesLocked()->policy(item->partner, item->kind, item->subtype));
    if (!d.refusal && command.type == CommandType::Reassign) {
        // The lifecycle does not know the team; the cache does.
        Statement st = m_db->prepare("SELECT role, partners FROM users WHERE username = ?");
        st.bind(1, d.effect.assignee);
        const bool known =
            st.step() &&
            User{d.effect.assignee, {}, Role(st.int64(0)), st.text(1).split(QLatin1Char(','))}.canBeGivenWorkFor(
                item->partner);
        if (!known)
            d.refusal = Refusal{RefusalCode::UnknownAssignee, d.effect.assignee};
    }
    if (d.refusal)
        return {false, d.refusal->message(command.type, item->status), d.refusal->code};

    const QJsonObject seen = itemState(*item);
    lifecycle::apply(*item, d.effect, command.at);
    if (changesDue(d.effect.event, d.effect.fieldChanges)) {
        // As the store does: back from a pause, or a date the due time follows was edited.
        std::vector<Event> history = eventsLocked(item->id);
        history.push_back(d.effect.event);
        item->due = slaRulesLocked()->dueAt(*item, history, command.at);
    }
    writeItem(*item);
    insertEvent(*query(kInsertEvent), d.effect.event.itemId, d.effect.event);
    if (const auto &n = d.effect.note)
        insertNote(*query(kInsertNote), n->itemId, *n);
    query("INSERT INTO outbox(command_id, item_id, type, base_version, actor, at, payload, seen) "
          "VALUES(?,?,?,?,?,?,?,?)")
        ->bind(1, command.id)
        .bind(2, command.itemId)
        .bind(3, int(command.type))
        .bind(4, command.baseVersion)
        .bind(5, command.actor)
        .bind(6, command.at)
        .bind(7, view(compactJson(command.payload)))
        .bind(8, view(compactJson(seen)))
        .run();
    return {true, {}, std::nullopt};
}

std::optional<WorkItem> Cache::claimNext(const User &user)
{
    std::lock_guard lock(m_mutex);
    const EpochSecs now = m_clock.now();
    // The first item in due order (then the most urgent) that `st` finds and the user works for.
    struct Candidate {
        QString id;
        EpochSecs due = 0;
        int priority = 0;
    };
    const auto first = [&user](Statement &st) -> std::optional<Candidate> {
        while (st.step())
            if (user.worksFor(st.text(1)))
                return Candidate{st.text(0), st.int64(2), int(st.int64(3))};
        return std::nullopt;
    };
    // Unassigned work: the partial index items_unassigned keeps this a short walk in due order.
    Statement open =
        m_db->prepare("SELECT id, partner, due, priority FROM items WHERE assignee = '' AND status IN (?, ?) "
                      "ORDER BY due, priority DESC, row");
    open.bind(1, int(Status::New)).bind(2, int(Status::Reopened));
    // Claims nobody started whose lease has run out (items_claimed): never one still leased.
    Statement lapsed =
        m_db->prepare("SELECT id, partner, due, priority FROM items WHERE lease_until > 0 AND "
                      "lease_until <= ? AND status = ? AND assignee != ? ORDER BY due, priority DESC, row");
    lapsed.bind(1, now).bind(2, int(Status::Assigned)).bind(3, user.username);
    std::optional<Candidate> pick = first(open);
    if (const std::optional<Candidate> other = first(lapsed);
        other && (!pick || std::pair(other->due, -other->priority) < std::pair(pick->due, -pick->priority)))
        pick = other;
    open.reset();
    lapsed.reset();
    if (!pick)
        return std::nullopt;
    const std::optional<WorkItem> it = readItem(ItemKey::Id, pick->id);
    const Command claim = Command::make(CommandType::Claim, pick->id, it->version, user.username, now);
    if (!executeLocked(claim, user).applied)
        return std::nullopt;
    return readItem(ItemKey::Id, pick->id);
}

int Cache::outboxCount()
{
    std::lock_guard lock(m_mutex);
    return int(m_db->scalar("SELECT count(*) FROM outbox"));
}

std::vector<OutboxEntry> Cache::outbox()
{
    std::lock_guard lock(m_mutex);
    std::vector<OutboxEntry> out;
    Statement st = m_db->prepare(
        "SELECT seq, command_id, item_id, type, base_version, actor, at, payload, seen FROM outbox ORDER BY seq");
    while (st.step())
        out.push_back(OutboxEntry{st.int64(0),
                                  Command{st.text(1), st.text(2), CommandType(st.int64(3)), st.int64(4), st.text(5),
                                          st.int64(6), jsonObject(st.utf8(7))},
                                  jsonObject(st.utf8(8))});
    return out;
}

QString Cache::syncValue(const QString &key)
{
    std::lock_guard lock(m_mutex);
    Statement st = m_db->prepare("SELECT value FROM sync_state WHERE key = ?");
    st.bind(1, key);
    return st.step() ? st.text(0) : QString();
}

void Cache::setSyncValue(const QString &key, const QString &value)
{
    std::lock_guard lock(m_mutex);
    m_db->prepare(
            "INSERT INTO sync_state(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
        .bind(1, key)
        .bind(2, value)
        .run();
}

std::shared_ptr<const SlaRules> Cache::slaRules()
{
    std::lock_guard lock(m_mutex);
    return slaRulesLocked();
}

std::shared_ptr<const SlaRules> Cache::slaRulesLocked()
{
    if (m_slaRules)
        return m_slaRules;
    Statement st = m_db->prepare("SELECT value FROM sync_state WHERE key = 'sla_rules'");
    if (st.step()) {
        QString error;
        const std::string_view text = st.utf8(0);
        if (auto rules = SlaRules::fromJson(
                QJsonDocument::fromJson(QByteArray(text.data(), qsizetype(text.size()))).object(), &error))
            m_slaRules = std::make_shared<const SlaRules>(std::move(*rules));
        else
            qCWarning(lcCache) << "the service-level rules kept from the store cannot be read:" << error;
    }
    if (!m_slaRules)
        m_slaRules = SlaRules::defaults();
    return m_slaRules;
}

bool Cache::setSlaRules(const QJsonObject &json, QString *error)
{
    auto rules = SlaRules::fromJson(json, error);
    if (!rules)
        return false;
    std::lock_guard lock(m_mutex);
    m_db->prepare(
            "INSERT INTO sync_state(key, value) VALUES('sla_rules', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
        .bind(1, QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)))
        .run();
    m_slaRules = std::make_shared<const SlaRules>(std::move(*rules));
    return true;
}

bool Cache::setModulusTables(const QJsonObject &json, QString *error)
{
    auto checker = ModulusChecker::parse(json.value(QLatin1String("weights")).toString().toLatin1(),
                                         json.value(QLatin1String("substitutions")).toString().toLatin1(), error);
    if (!checker)
        return false;
    setSyncValue(QStringLiteral("modulus_tables"),
                 QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact)));
    ModulusChecker::setCurrent(std::make_shared<const ModulusChecker>(std::move(*checker)));
    return true;
}

qint64 Cache::checkpoint() { return syncValue(QStringLiteral("checkpoint")).toLongLong(); }

void Cache::checkpointIfDue()
{
    if (m_walPages < m_checkpointAt)
        return;
    std::lock_guard lock(m_mutex);
    m_walPages = 0;
    sqlite3_wal_checkpoint_v2(m_db->handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
}

namespace {

// The columns of items a synced item writes, with its values: numbers, or text as UTF-8.
using ColumnValue = std::variant<qint64, QByteArray>;
constexpr std::array<const char *, 18> kSyncedColumns{
    "reference", "kind",    "subtype", "partner", "status", "priority", "assignee",    "received",  "updated",
    "due",       "version", "fields",  "summary", "amount", "search",   "lease_until", "sensitive", "named"};

std::array<ColumnValue, kSyncedColumns.size()> syncedValues(const WorkItem &it)
{
    return {it.reference.toUtf8(),
            qint64(it.kind),
            it.subtype.toUtf8(),
            it.partner.toUtf8(),
            qint64(it.status),
            qint64(it.priority),
            it.assignee.toUtf8(),
            it.received,
            it.updated,
            it.due,
            it.version,
            compactJson(it.fields),
            it.summary().toUtf8(),
            it.amountPence(),
            searchText(it).toUtf8(),
            it.leaseUntil,
            it.sensitive.toUtf8(),
            it.named.join(QLatin1Char(',')).toUtf8()};
}

// The statements that read a synced item's columns (then its row) by id, and insert them (then
// its id): made once from kSyncedColumns, so that the three agree.
const char *selectSyncedSql()
{
    static const std::string sql = [] {
        std::string s = "SELECT ";
        for (const char *column : kSyncedColumns)
            s += std::string(column) + ", ";
        return s + "row FROM items WHERE id = ?";
    }();
    return sql.c_str();
}

const char *insertSyncedSql()
{
    static const std::string sql = [] {
        std::string columns, marks;
        for (const char *column : kSyncedColumns) {
            columns += std::string(column) + ", ";
            marks += "?, ";
        }
        return "INSERT INTO items(" + columns + "id) VALUES(" + marks + "?)";
    }();
    return sql.c_str();
}

void bindValue(Statement &st, int i, const ColumnValue &v)
{
    if (const auto *n = std::get_if<qint64>(&v))
        st.bind(i, *n);
    else
        st.bind(i, view(std::get<QByteArray>(v)));
}

bool sameValue(const Statement &st, int col, const ColumnValue &v)
{
    if (const auto *n = std::get_if<qint64>(&v))
        return st.int64(col) == *n;
    return st.utf8(col) == view(std::get<QByteArray>(v));
}

// How many of an item's notes or history lines, read by `existing`, are the first of `incoming`;
// nothing if the cache holds one the store does not (then the store's replace them all).
template <class Row, class Same>
std::optional<std::size_t> keptRows(Statement &existing, const std::vector<Row> &incoming, Same same)
{
    std::size_t kept = 0;
    while (existing.step()) {
        if (kept == incoming.size() || !same(existing, incoming[kept])) {
            existing.reset();
            return std::nullopt;
        }
        ++kept;
    }
    existing.reset();
    return kept;
}

} // namespace

// Writes an item as the store has it. An item the cache knows is updated in the columns that
// changed and no others, and its notes and history only gain what is new (both only grow, as a
// rule), so that a pull of one changed item rewrites a few pages, not every index and the search
// index.
void Cache::writeSyncedLocked(const GeneratedItem &g)
{
    const WorkItem &it = g.item;
    const auto values = syncedValues(it);
    sqlite::Query existing = query(selectSyncedSql());
    existing->bind(1, it.id);
    std::size_t keptNotes = 0, keptEvents = 0; // a new item has none (and in a bulk load, no index to find them by)
    if (!existing->step()) {
        existing->reset();
        sqlite::Query insert = query(insertSyncedSql());
        for (std::size_t i = 0; i < values.size(); ++i)
            bindValue(*insert, int(i) + 1, values[i]);
        insert->bind(int(values.size()) + 1, it.id).run();
    } else {
        quint32 changed = 0;
        for (std::size_t i = 0; i < values.size(); ++i)
            if (!sameValue(*existing, int(i), values[i]))
                changed |= 1u << i;
        const qint64 row = existing->int64(int(values.size()));
        existing->reset();
        if (changed) {
            auto &update = m_syncedUpdates[changed];
            if (!update) {
                std::string sql = "UPDATE items SET ";
                for (std::size_t i = 0; i < values.size(); ++i)
                    if (changed & (1u << i))
                        sql += std::string(kSyncedColumns[i]) + " = ?, ";
                sql.resize(sql.size() - 2);
                update = std::make_unique<Statement>(m_db->prepare(sql + " WHERE row = ?"));
            }
            update->reset();
            int bound = 0;
            for (std::size_t i = 0; i < values.size(); ++i)
                if (changed & (1u << i))
                    bindValue(*update, ++bound, values[i]);
            update->bind(bound + 1, row).run();
        }

        sqlite::Query notes = query("SELECT at, author, text FROM notes WHERE item_id = ? ORDER BY row");
        const auto notesKept = keptRows(notes->bind(1, it.id), g.notes, [](const Statement &st, const Note &n) {
            return st.int64(0) == n.at && st.text(1) == n.author && st.text(2) == n.text;
        });
        if (!notesKept)
            query("DELETE FROM notes WHERE item_id = ?")->bind(1, it.id).run();
        keptNotes = notesKept.value_or(0);
        sqlite::Query events =
            query("SELECT at, actor, type, from_status, to_status, detail FROM events WHERE item_id = ? ORDER BY row");
        const auto eventsKept = keptRows(events->bind(1, it.id), g.events, [](const Statement &st, const Event &e) {
            return st.int64(0) == e.at && st.text(1) == e.actor && st.text(2) == e.type && st.int64(3) == int(e.from) &&
                   st.int64(4) == int(e.to) && st.text(5) == e.detail;
        });
        if (!eventsKept)
            query("DELETE FROM events WHERE item_id = ?")->bind(1, it.id).run();
        keptEvents = eventsKept.value_or(0);
    }

    sqlite::Query note = query(kInsertNote);
    for (std::size_t i = keptNotes; i < g.notes.size(); ++i)
        insertNote(*note, it.id, g.notes[i]);
    sqlite::Query event = query(kInsertEvent);
    for (std::size_t i = keptEvents; i < g.events.size(); ++i)
        insertEvent(*event, it.id, g.events[i]);
}

PullResult Cache::applyChanges(std::span<const GeneratedItem> items, qint64 nextSeq, std::span<const QString> forget)
{
    std::lock_guard lock(m_mutex);
    PullResult result;
    Transaction tx(*m_db);
    // Sensitive items this user may no longer see: gone, with their notes and history. Changes
    // of theirs still waiting to be sent stay, and the store answers them as it must.
    for (const QString &id : forget) {
        for (const char *sql : {"DELETE FROM notes WHERE item_id = ?", "DELETE FROM events WHERE item_id = ?",
                                "DELETE FROM items WHERE id = ?"})
            query(sql)->bind(1, id).run();
        ++result.forgotten;
    }
    sqlite::Query pending = query("SELECT 1 FROM outbox WHERE item_id = ? LIMIT 1");
    for (const GeneratedItem &g : items) {
        pending->bind(1, g.item.id);
        const bool kept = pending->step();
        pending->reset();
        if (kept) {
            result.keptForOutbox.append(g.item.id);
            continue;
        }
        writeSyncedLocked(g);
        ++result.written;
    }
    query("INSERT INTO sync_state(key, value) VALUES('checkpoint', ?) "
          "ON CONFLICT(key) DO UPDATE SET value = excluded.value")
        ->bind(1, QString::number(nextSeq))
        .run();
    tx.commit();
    return result;
}

void Cache::writeSynced(const GeneratedItem &item)
{
    std::lock_guard lock(m_mutex);
    Transaction tx(*m_db);
    writeSyncedLocked(item);
    tx.commit();
}

void Cache::commandApplied(const QString &commandId, qint64 version)
{
    std::lock_guard lock(m_mutex);
    Transaction tx(*m_db);
    sqlite::Query st = query("SELECT seq, item_id, base_version FROM outbox WHERE command_id = ?");
    st->bind(1, commandId);
    if (!st->step())
        return; // already done: a retry's answer
    const qint64 seq = st->int64(0);
    const QString itemId = st->text(1);
    const qint64 base = st->int64(2);
    st->reset();
    query("DELETE FROM outbox WHERE seq = ?")->bind(1, seq).run();
    query("UPDATE outbox SET base_version = ? WHERE item_id = ? AND base_version = ?")
        ->bind(1, version)
        .bind(2, itemId)
        .bind(3, base)
        .run();
    query("UPDATE items SET version = ? WHERE id = ? AND version < ?")
        ->bind(1, version)
        .bind(2, itemId)
        .bind(3, version)
        .run();
    tx.commit();
}

void Cache::commandRefused(const QString &commandId, Conflict::Kind kind, const QString &code, const QString &reason,
                           const std::optional<GeneratedItem> &theirs)
{
    std::lock_guard lock(m_mutex);
    Transaction tx(*m_db);
    sqlite::Query st = query("SELECT seq FROM outbox WHERE command_id = ?");
    st->bind(1, commandId);
    if (!st->step())
        return;
    const qint64 seq = st->int64(0);
    st->reset();
    query("INSERT INTO conflicts(command_id, item_id, type, base_version, actor, at, payload, seen, kind, code, "
          "reason, theirs, raised) SELECT command_id, item_id, type, base_version, actor, at, payload, seen, ?, ?, "
          "?, ?, ? FROM outbox WHERE seq = ?")
        ->bind(1, int(kind))
        .bind(2, code)
        .bind(3, reason)
        .bind(4, view(theirs ? compactJson(itemState(theirs->item)) : QByteArray("{}")))
        .bind(5, m_clock.now())
        .bind(6, seq)
        .run();
    query("DELETE FROM outbox WHERE seq = ?")->bind(1, seq).run();
    if (theirs)
        writeSyncedLocked(*theirs);
    tx.commit();
}

std::vector<Conflict> Cache::conflicts()
{
    std::lock_guard lock(m_mutex);
    std::vector<Conflict> out;
    Statement st = m_db->prepare("SELECT row, command_id, item_id, type, base_version, actor, at, payload, seen, kind, "
                                 "code, reason, theirs, raised FROM conflicts ORDER BY row");
    while (st.step()) {
        Conflict c;
        c.row = st.int64(0);
        c.command = Command{st.text(1), st.text(2),  CommandType(st.int64(3)), st.int64(4),
                            st.text(5), st.int64(6), jsonObject(st.utf8(7))};
        c.seen = jsonObject(st.utf8(8));
        c.kind = Conflict::Kind(st.int64(9));
        c.code = st.text(10);
        c.reason = st.text(11);
        c.theirs = jsonObject(st.utf8(12));
        c.raised = st.int64(13);
        out.push_back(std::move(c));
    }
    return out;
}

int Cache::conflictCount()
{
    std::lock_guard lock(m_mutex);
    return int(m_db->scalar("SELECT count(*) FROM conflicts"));
}

bool Cache::hasConflict(const QString &itemId)
{
    std::lock_guard lock(m_mutex);
    sqlite::Query st = query("SELECT 1 FROM conflicts WHERE item_id = ? LIMIT 1");
    st->bind(1, itemId);
    const bool found = st->step();
    st->reset();
    return found;
}

void Cache::discardConflict(qint64 row)
{
    std::lock_guard lock(m_mutex);
    query("DELETE FROM conflicts WHERE row = ?")->bind(1, row).run();
}

} // namespace ibc::models
