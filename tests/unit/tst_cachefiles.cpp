// A file at the cache's place that cannot be used as it is: another program's, a newer IBC Desk's,
// or damaged. The desk must still start, with a fresh cache; say in a sentence what happened and
// where the old file went; keep the old file byte for byte; delete nothing; and save the changes
// the caseworker made but never sent, wherever they can still be read.
#include "cache/Cache.h"
#include "sqlite/Sqlite.h"
#include "TestSupport.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <map>

#include <unistd.h>

using namespace ibc::models;

namespace {

QString s(const char *text) { return QString::fromUtf8(text); }

enum class Case {
    ForeignTables,  // another program's SQLite database, no application id
    ForeignAppId,   // another program's SQLite database with its own application id
    ForeignWithWal, // another program's database whose last changes are only in its write-ahead log
    Text,           // a text file
    Png,            // an image
    Newer,          // a cache from a newer IBC Desk, with unsent commands
    NewerEmptyOutbox,
    CorruptPages,    // a real cache whose later pages were overwritten with garbage
    Truncated,       // a real cache cut short
    TruncatedHeader, // only the start of SQLite's header is left
};

} // namespace

Q_DECLARE_METATYPE(Case)
Q_DECLARE_METATYPE(ibc::models::CacheOpenReport::Problem)

class TestCacheFiles : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void unusableFileIsMovedAsideAndAFreshCacheMade_data();
    void unusableFileIsMovedAsideAndAFreshCacheMade();
    void twoUnusableFilesInTheSameSecondAreBothKept();
    void aFolderThatCannotBeWrittenIsAnError();

private:
    // Builds the file for `c` at `path`; returns the ids of the unsent commands in it, in order.
    QStringList build(Case c, const QString &path);
    QStringList buildRealCache(const QString &path, qint64 *outboxRootPage, qint64 *pageSize);
};

void TestCacheFiles::initTestCase() { QLoggingCategory::setFilterRules(s("ibc.cache.info=false")); }

QStringList TestCacheFiles::buildRealCache(const QString &path, qint64 *outboxRootPage, qint64 *pageSize)
{
    QStringList ids;
    {
        ManualClock clock(ibc::test::fixedAnchor());
        auto cache = Cache::open(path, nullptr, clock);
        const auto users = DemoGenerator::demoUsers();
        cache->saveUsers(users);
        cache->setCurrentUser(users.front());
        DemoGenerator gen(77, ibc::test::fixedAnchor());
        std::vector<GeneratedItem> items;
        for (int i = 0; i < 4000; ++i)
            items.push_back(gen.next());
        cache->insertGenerated(items);
        // Sam's morning: three changes made while the store could not be reached.
        const User &sam = users.front();
        int made = 0;
        for (const auto &g : items) {
            if (g.item.status != Status::New || made == 2)
                continue;
            const Command claim =
                Command::make(CommandType::Claim, g.item.id, g.item.version, sam.username, clock.now());
            const Command note =
                Command::make(CommandType::AddNote, g.item.id, g.item.version, sam.username, clock.now() + 30,
                              {{s("text"), s("Rang the manager; form is on its way.")}});
            if (!cache->execute(claim, sam).applied || !cache->execute(note, sam).applied)
                return {};
            ids << claim.id << note.id;
            ++made;
        }
    }
    {
        sqlite::Database db(path, sqlite::Database::Mode::ReadOnly);
        *outboxRootPage = db.scalar("SELECT rootpage FROM sqlite_master WHERE name = 'outbox'");
        *pageSize = db.scalar("PRAGMA page_size");
    }
    // Closed cleanly, as the desk leaves it: everything is in the file itself. (A read-only look
    // leaves an empty log behind.)
    if (QFileInfo(path + s("-wal")).size() == 0) {
        QFile::remove(path + s("-wal"));
        QFile::remove(path + s("-shm"));
    }
    return ids;
}

QStringList TestCacheFiles::build(Case c, const QString &path)
{
    switch (c) {
    case Case::ForeignTables:
    case Case::ForeignAppId:
    case Case::ForeignWithWal: {
        auto db = std::make_unique<sqlite::Database>(path);
        if (c == Case::ForeignAppId)
            db->exec("PRAGMA application_id = 252006673"); // Fossil's
        // A table called outbox, too: another program's rows are not our unsent commands.
        db->exec("CREATE TABLE moz_places(id INTEGER PRIMARY KEY, url TEXT, title TEXT, visit_count INTEGER);"
                 "INSERT INTO moz_places(url, title, visit_count) VALUES"
                 "('https://www.gov.uk/bank-holidays', 'UK bank holidays', 12);"
                 "CREATE TABLE outbox(seq INTEGER PRIMARY KEY, command_id TEXT, item_id TEXT, type INTEGER, "
                 "base_version INTEGER, actor TEXT, at INTEGER, payload TEXT);"
                 "INSERT INTO outbox VALUES(1, 'not-ours-1', 'x', 0, 0, 'someone', 0, '{}');");
        if (c == Case::ForeignWithWal) {
            db->exec(
                "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0;"
                "INSERT INTO moz_places(url, title, visit_count) VALUES('https://intranet.example/ibc', 'IBC intranet', 40);");
            // Keep the connection open and copy the files as they are: the log holds the rows.
            const QString copy = path + s(".building");
            QFile::copy(path, copy);
            QFile::copy(path + s("-wal"), copy + s("-wal"));
            db.reset();
            QFile::remove(path);
            QFile::remove(path + s("-wal"));
            QFile::remove(path + s("-shm"));
            QFile::rename(copy, path);
            QFile::rename(copy + s("-wal"), path + s("-wal"));
            if (QFileInfo(path + s("-wal")).size() == 0)
                return {s("(the log is empty: the case was not built)")};
        }
        return {};
    }
    case Case::Text:
        ibc::test::writeFile(
            path, "Dear caseworker,\nthis is the leavers list for March.\nE1234567, Ffion Evans, Retirement\n");
        return {};
    case Case::Png: {
        QByteArray png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0\x1f\xf3\xff"
                       "a",
                       33);
        QRandomGenerator random(20260316);
        for (int i = 0; i < 3000; ++i)
            png += char(random.bounded(256));
        ibc::test::writeFile(path, png);
        return {};
    }
    case Case::Newer:
    case Case::NewerEmptyOutbox: {
        sqlite::Database db(path);
        Cache::migrate(db, Cache::kSchemaVersion);
        // What a later schema might have added.
        db.exec("ALTER TABLE outbox ADD COLUMN device TEXT NOT NULL DEFAULT 'laptop-7';"
                "CREATE TABLE attachments(id TEXT PRIMARY KEY, item_id TEXT, name TEXT, bytes BLOB);");
        QStringList ids;
        if (c == Case::Newer) {
            const Command a = Command::make(CommandType::Claim, s("5d6e7f80-0000-4000-8000-00000000000a"), 3,
                                            s("sam.patel"), ibc::test::fixedAnchor());
            const Command b =
                Command::make(CommandType::Resolve, s("5d6e7f80-0000-4000-8000-00000000000a"), 3, s("sam.patel"),
                              ibc::test::fixedAnchor() + 900,
                              {{s("outcome"), s("processed")}, {s("note"), s("Keyed before the cut-off.")}});
            for (const Command &cmd : {a, b}) {
                const QByteArray payload = QJsonDocument(cmd.payload).toJson(QJsonDocument::Compact);
                db.prepare(
                      "INSERT INTO outbox(command_id, item_id, type, base_version, actor, at, payload) VALUES(?,?,?,?,?,?,?)")
                    .bind(1, cmd.id)
                    .bind(2, cmd.itemId)
                    .bind(3, int(cmd.type))
                    .bind(4, cmd.baseVersion)
                    .bind(5, cmd.actor)
                    .bind(6, cmd.at)
                    .bind(7, std::string_view(payload.constData(), std::size_t(payload.size())))
                    .run();
                ids << cmd.id;
            }
        }
        db.exec("PRAGMA user_version = " + std::to_string(Cache::kSchemaVersion + 1));
        return ids;
    }
    case Case::CorruptPages:
    case Case::Truncated: {
        qint64 outboxRoot = 0, pageSize = 0;
        const QStringList ids = buildRealCache(path, &outboxRoot, &pageSize);
        QByteArray bytes = ibc::test::readAll(path);
        const qint64 pages = bytes.size() / pageSize;
        // The damage starts well after the outbox's page, so that the unsent commands can still be read.
        const qint64 firstBad = pages / 2;
        if (ids.size() != 4 || outboxRoot <= 0 || outboxRoot >= firstBad || QFile::exists(path + s("-wal")))
            return {QStringLiteral(
                        "(the cache was not built as the case needs: %1 commands, outbox at page %2 of %3, log %4)")
                        .arg(ids.size())
                        .arg(outboxRoot)
                        .arg(pages)
                        .arg(QFile::exists(path + s("-wal")))};
        if (c == Case::CorruptPages) {
            QRandomGenerator random(4);
            for (qint64 i = firstBad * pageSize; i < bytes.size(); ++i)
                bytes[i] = char(random.bounded(256));
        } else {
            bytes.truncate(firstBad * pageSize + pageSize / 3); // cut mid-page, as a full disk or a copy would
        }
        ibc::test::writeFile(path, bytes);
        return ids;
    }
    case Case::TruncatedHeader:
        ibc::test::writeFile(path, QByteArray("SQLite format 3\0\x10\0\x02\x02", 20));
        return {};
    }
    return {};
}

void TestCacheFiles::unusableFileIsMovedAsideAndAFreshCacheMade_data()
{
    using P = CacheOpenReport::Problem;
    QTest::addColumn<Case>("kind");
    QTest::addColumn<CacheOpenReport::Problem>("problem");
    QTest::addColumn<QString>("suffix");
    QTest::addColumn<QString>("sentence"); // the start of report.message()

    const QString notOurs = s("The file at the cache's place is not an IBC Desk cache.");
    const QString damaged = s("The cache file is damaged and cannot be read.");
    const QString newer =
        QStringLiteral("The cache was written by a newer version of IBC Desk (schema %1; this version reads up to %2).")
            .arg(Cache::kSchemaVersion + 1)
            .arg(Cache::kSchemaVersion);
    QTest::addRow("another program's SQLite database")
        << Case::ForeignTables << P::NotOurs << s("not-a-cache") << notOurs;
    QTest::addRow("another program's SQLite database with its own application id")
        << Case::ForeignAppId << P::NotOurs << s("not-a-cache") << notOurs;
    QTest::addRow("another program's database with changes only in its write-ahead log")
        << Case::ForeignWithWal << P::NotOurs << s("not-a-cache") << notOurs;
    QTest::addRow("a text file") << Case::Text << P::NotOurs << s("not-a-cache") << notOurs;
    QTest::addRow("a PNG image") << Case::Png << P::NotOurs << s("not-a-cache") << notOurs;
    QTest::addRow("a newer IBC Desk's cache with two unsent commands")
        << Case::Newer << P::Newer << s("newer") << newer;
    QTest::addRow("a newer IBC Desk's cache with nothing unsent")
        << Case::NewerEmptyOutbox << P::Newer << s("newer") << newer;
    QTest::addRow("a cache whose later pages are garbage, with four unsent commands")
        << Case::CorruptPages << P::Corrupt << s("damaged") << damaged;
    QTest::addRow("a cache cut short mid-page, with four unsent commands")
        << Case::Truncated << P::Corrupt << s("damaged") << damaged;
    QTest::addRow("a cache cut short inside SQLite's header")
        << Case::TruncatedHeader << P::Corrupt << s("damaged") << damaged;
}

void TestCacheFiles::unusableFileIsMovedAsideAndAFreshCacheMade()
{
    QFETCH(Case, kind);
    QFETCH(CacheOpenReport::Problem, problem);
    QFETCH(QString, suffix);
    QFETCH(QString, sentence);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(s("cache.sqlite"));
    const QStringList unsent = build(kind, path);
    for (const QString &id : unsent)
        QVERIFY2(!id.startsWith(QLatin1Char('(')), qPrintable(id));
    // Something of the user's own kept beside the cache must be left alone too.
    QVERIFY(ibc::test::writeFile(dir.filePath(s("notes.txt")), "my own notes\n"));

    std::map<QString, QByteArray> before; // every file in the folder, by name
    for (const QString &name : QDir(dir.path()).entryList(QDir::Files))
        before[name] = ibc::test::readAll(dir.filePath(name));
    QVERIFY(before.count(s("cache.sqlite")));
    const QByteArray original = before.at(s("cache.sqlite"));
    QVERIFY(!original.isEmpty());

    CacheOpenReport report;
    std::unique_ptr<Cache> cache;
    try {
        cache = Cache::open(path, &report);
    } catch (const std::exception &e) {
        QFAIL(e.what());
    }
    QVERIFY(cache);

    // What happened, and what the user is told.
    QCOMPARE(report.problem, problem);
    QVERIFY(!report.ok());
    if (problem == CacheOpenReport::Problem::Newer)
        QCOMPARE(report.fileVersion, Cache::kSchemaVersion + 1);
    QVERIFY2(report.movedTo.startsWith(path + QLatin1Char('.') + suffix + QLatin1Char('-')),
             qPrintable(report.movedTo));
    QCOMPARE(QFileInfo(report.movedTo).absolutePath(), QFileInfo(path).absolutePath());
    const QString message = report.message();
    QVERIFY2(message.startsWith(sentence), qPrintable(message));
    QVERIFY2(message.contains(QDir::toNativeSeparators(report.movedTo)), qPrintable(message));
    QVERIFY2(message.contains(s("a new cache has been started")), qPrintable(message));
    QVERIFY2(message.endsWith(QLatin1Char('.')), qPrintable(message));
    QVERIFY2(!message.contains(s("SQLITE")) && !message.contains(s("malformed")), qPrintable(message));

    // The original, byte for byte, where the message says; its log beside it.
    QVERIFY(QFile::exists(report.movedTo));
    QCOMPARE(ibc::test::sha256(ibc::test::readAll(report.movedTo)), ibc::test::sha256(original));
    QCOMPARE(ibc::test::readAll(report.movedTo), original);
    if (before.count(s("cache.sqlite-wal")))
        QCOMPARE(ibc::test::readAll(report.movedTo + s("-wal")), before.at(s("cache.sqlite-wal")));

    // Nothing deleted: every other file is still there as it was.
    for (const auto &[name, bytes] : before) {
        if (name.startsWith(QLatin1String("cache.sqlite")))
            continue;
        QVERIFY2(QFile::exists(dir.filePath(name)), qPrintable(name));
        QCOMPARE(ibc::test::readAll(dir.filePath(name)), bytes);
    }

    // The unsent commands, as JSON lines, with their ids, in order.
    QCOMPARE(report.exportedCommands, int(unsent.size()));
    if (unsent.isEmpty()) {
        QVERIFY(report.exportedTo.isEmpty());
    } else {
        QVERIFY(!report.exportedTo.isEmpty());
        QVERIFY2(message.contains(QDir::toNativeSeparators(report.exportedTo)), qPrintable(message));
        QCOMPARE(ibc::test::fileMode(report.exportedTo), 0600u);
        const QList<QByteArray> lines = ibc::test::readAll(report.exportedTo).split('\n');
        QStringList ids;
        for (const QByteArray &line : lines) {
            if (line.isEmpty())
                continue;
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(line, &error);
            QVERIFY2(doc.isObject(), qPrintable(error.errorString()));
            const QJsonObject o = doc.object();
            ids << o.value(s("id")).toString();
            QVERIFY(!o.value(s("item_id")).toString().isEmpty());
            QVERIFY(commandFromName(o.value(s("type")).toString()));
            QCOMPARE(o.value(s("actor")).toString(), s("sam.patel"));
            QVERIFY(o.value(s("payload")).isObject());
        }
        QCOMPARE(ids, unsent);
    }

    // A fresh cache, empty, private and working, in the old one's place.
    QCOMPARE(cache->path(), path);
    QCOMPARE(cache->itemCount(), qint64(0));
    QCOMPARE(cache->outboxCount(), 0);
    QCOMPARE(ibc::test::fileMode(path), 0600u);
    {
        sqlite::Database db(path, sqlite::Database::Mode::ReadOnly);
        QCOMPARE(db.scalar("PRAGMA user_version"), qint64(Cache::kSchemaVersion));
        QCOMPARE(db.scalar("PRAGMA application_id"), qint64(Cache::kApplicationId));
    }
    DemoGenerator gen(1, ibc::test::fixedAnchor());
    const GeneratedItem g = gen.next();
    cache->insertGenerated(std::span(&g, 1));
    QCOMPARE(cache->itemCount(), qint64(1));

    // And the next start finds nothing wrong.
    cache.reset();
    CacheOpenReport again;
    cache = Cache::open(path, &again);
    QVERIFY2(again.ok(), qPrintable(again.message()));
    QCOMPARE(cache->itemCount(), qint64(1));
}

void TestCacheFiles::twoUnusableFilesInTheSameSecondAreBothKept()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(s("cache.sqlite"));
    QStringList moved;
    for (const QByteArray &text :
         {QByteArray("first stray file\n"), QByteArray("second stray file\n"), QByteArray("third\n")}) {
        {
            // A new cache, then something else written over it, within the second.
            auto cache = Cache::open(path);
        }
        for (const char *suffix : {"-wal", "-shm"})
            QFile::remove(path + QLatin1String(suffix));
        QVERIFY(ibc::test::writeFile(path, text));
        CacheOpenReport report;
        try {
            auto cache = Cache::open(path, &report);
            QVERIFY(cache);
        } catch (const std::exception &e) {
            QFAIL(e.what());
        }
        QCOMPARE(report.problem, CacheOpenReport::Problem::NotOurs);
        QVERIFY(!moved.contains(report.movedTo));
        QCOMPARE(ibc::test::readAll(report.movedTo), text);
        moved << report.movedTo;
    }
    for (const QString &m : moved)
        QVERIFY(QFile::exists(m));
}

void TestCacheFiles::aFolderThatCannotBeWrittenIsAnError()
{
    if (::geteuid() == 0)
        QSKIP("root can write to any folder");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString folder = dir.filePath(s("locked"));
    QVERIFY(QDir().mkpath(folder));
    QVERIFY(QFile::setPermissions(folder, QFile::ReadOwner | QFile::ExeOwner));
    bool threw = false;
    try {
        Cache::open(folder + s("/cache.sqlite"));
    } catch (const sqlite::Error &) {
        threw = true;
    }
    QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QVERIFY(threw);
}

QTEST_GUILESS_MAIN(TestCacheFiles)
#include "tst_cachefiles.moc"
