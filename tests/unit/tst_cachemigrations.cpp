// Opening the cache: a fresh file, and a file left by every earlier schema. Whatever a caseworker's
// desk wrote with an older IBC Desk must come through the upgrade whole (items, notes, history, the
// unsent commands, the users and the sync checkpoint), with the columns added since filled in, so
// that the queue finds, sorts and shows old items like new ones.
#include "cache/Cache.h"
#include "cache/QueueReader.h"
#include "sqlite/Sqlite.h"
#include "TestSupport.h"

#include <QDir>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace ibc::models;

namespace {

QString s(const char *text) { return QString::fromUtf8(text); }

QString pragmaText(sqlite::Database &db, const char *pragma)
{
    sqlite::Statement st = db.prepare(pragma);
    return st.step() ? st.text(0) : QString();
}

QByteArray json(const QJsonObject &o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); }

// Writes an item as a desk of schema `version` would have: only the columns that schema has.
void insertAsOf(sqlite::Database &db, int version, const GeneratedItem &g)
{
    const WorkItem &it = g.item;
    const QByteArray fields = json(it.fields);
    sqlite::Statement st = db.prepare(
        "INSERT INTO items(id, reference, kind, subtype, partner, status, priority, assignee, received, updated, due, "
        "version, fields) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)");
    st.bind(1, it.id).bind(2, it.reference).bind(3, int(it.kind)).bind(4, it.subtype).bind(5, it.partner);
    st.bind(6, int(it.status)).bind(7, int(it.priority)).bind(8, it.assignee).bind(9, it.received);
    st.bind(10, it.updated)
        .bind(11, it.due)
        .bind(12, it.version)
        .bind(13, std::string_view(fields.constData(), std::size_t(fields.size())));
    st.run();
    if (version >= 3) {
        // A later schema's own columns, as that desk filled them.
        sqlite::Statement up = db.prepare("UPDATE items SET summary = ?, amount = ?, search = ? WHERE id = ?");
        up.bind(1, it.summary())
            .bind(2, it.amountPence())
            .bind(3, (it.reference + QLatin1Char(' ') + it.employeeNumber() + QLatin1Char(' ') + it.personName() +
                      QLatin1Char(' ') + it.supplier())
                         .toLower())
            .bind(4, it.id)
            .run();
    }
    for (const Note &n : g.notes)
        db.prepare("INSERT INTO notes(item_id, at, author, text) VALUES(?,?,?,?)")
            .bind(1, n.itemId)
            .bind(2, n.at)
            .bind(3, n.author)
            .bind(4, n.text)
            .run();
    for (const Event &e : g.events)
        db.prepare("INSERT INTO events(item_id, at, actor, type, from_status, to_status, detail) VALUES(?,?,?,?,?,?,?)")
            .bind(1, e.itemId)
            .bind(2, e.at)
            .bind(3, e.actor)
            .bind(4, e.type)
            .bind(5, int(e.from))
            .bind(6, int(e.to))
            .bind(7, e.detail)
            .run();
}

// An HR change and an invoice a test can search for by what people type.
std::vector<GeneratedItem> landmarks()
{
    std::vector<GeneratedItem> out(3);
    WorkItem &hr = out[0].item;
    hr.id = s("a1b2c3d4-0000-4000-8000-000000000001");
    hr.reference = s("HR-0900001");
    hr.kind = Kind::HrChange;
    hr.subtype = s("bank_details");
    hr.partner = s("HIWC");
    hr.status = Status::InProgress;
    hr.assignee = s("sam.patel");
    hr.received = ibc::test::fixedAnchor() - 40 * ibc::test::kDay;
    hr.updated = hr.received + 3600;
    hr.due = hr.received + 5 * ibc::test::kDay;
    hr.version = 7;
    hr.fields = {{s("employee_number"), s("E7654321")},
                 {s("employee_name"), s("Aurelia Zelenka")},
                 {s("effective_date"), s("2026-02-01")},
                 {s("sort_code"), s("40-47-84")},
                 {s("account_number"), s("70872490")}};
    out[0].events = {Event{hr.id, hr.received, s("intake.portal"), s("received"), Status::New, Status::New, {}},
                     Event{hr.id, hr.received + 60, s("sam.patel"), s("claim"), Status::New, Status::Assigned, {}},
                     Event{hr.id, hr.updated, s("sam.patel"), s("start"), Status::Assigned, Status::InProgress, {}}};
    out[0].notes = {Note{hr.id, hr.updated, s("sam.patel"), s("Checked the new account with the employee by phone.")}};

    WorkItem &inv = out[1].item;
    inv.id = s("a1b2c3d4-0000-4000-8000-000000000002");
    inv.reference = s("INV-0900002");
    inv.kind = Kind::Invoice;
    inv.subtype = s("price_mismatch");
    inv.partner = s("OCC");
    inv.status = Status::New;
    inv.received = ibc::test::fixedAnchor() - 10 * ibc::test::kDay;
    inv.updated = inv.received;
    inv.due = inv.received + 14 * ibc::test::kDay;
    inv.fields = {{s("supplier"), s("QUILLBERRY GROUNDS MAINTENANCE LTD")},
                  {s("invoice_number"), s("IN/778812")},
                  {s("po_number"), s("4512345678")},
                  {s("net"), 100000000.0},
                  {s("vat_rate"), 20},
                  {s("vat"), 20000000.0},
                  {s("gross"), 120000000.0}, // £1.2m: the largest amount in the cache
                  {s("invoice_date"), s("2026-03-01")}};
    out[1].events = {Event{inv.id, inv.received, s("intake.portal"), s("received"), Status::New, Status::New, {}}};

    WorkItem &pay = out[2].item;
    pay.id = s("a1b2c3d4-0000-4000-8000-000000000003");
    pay.reference = s("PAY-0900003");
    pay.kind = Kind::PayrollException;
    pay.subtype = s("negative_net_pay");
    pay.partner = s("WCC");
    pay.status = Status::Escalated;
    pay.priority = Priority::Urgent;
    pay.assignee = s("sam.patel");
    pay.received = ibc::test::fixedAnchor() - 3 * ibc::test::kDay;
    pay.updated = pay.received + 7200;
    pay.due = pay.received + 2 * ibc::test::kDay;
    pay.fields = {{s("employee_number"), s("E1000001")},
                  {s("employee_name"), s("Niamh O'Sullivan-Hart")},
                  {s("pay_period"), s("2026-03")},
                  {s("payroll_cutoff"), s("2026-03-15")},
                  {s("amount"), -300000.0}}; // -£3,000: the smallest amount in the cache
    out[2].events = {Event{pay.id, pay.received, s("intake.portal"), s("received"), Status::New, Status::New, {}}};
    return out;
}

} // namespace

class TestCacheMigrations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void opensAFreshCache_data();
    void opensAFreshCache();
    void upgradesFromEveryEarlierSchema_data();
    void upgradesFromEveryEarlierSchema();
    void reopeningACurrentCacheChangesNothing();

private:
    QTemporaryDir m_dir;
};

void TestCacheMigrations::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QLoggingCategory::setFilterRules(s("ibc.cache.info=false"));
}

void TestCacheMigrations::opensAFreshCache_data()
{
    QTest::addColumn<QString>("relativePath");
    QTest::addColumn<bool>("createEmptyFile");
    QTest::addRow("an empty (0-byte) file") << s("empty/cache.sqlite") << true;
    QTest::addRow("a path with no file") << s("absent/cache.sqlite") << false;
    QTest::addRow("a path whose folders do not exist yet") << s("new/deeper/still/cache.sqlite") << false;
}

void TestCacheMigrations::opensAFreshCache()
{
    QFETCH(QString, relativePath);
    QFETCH(bool, createEmptyFile);
    const QString path = m_dir.filePath(relativePath);
    const QString folder = QFileInfo(path).absolutePath();
    const bool folderExisted =
        relativePath.startsWith(QLatin1String("empty")) || relativePath.startsWith(QLatin1String("absent"));
    if (folderExisted)
        QVERIFY(QDir().mkpath(folder));
    if (createEmptyFile) {
        QVERIFY(ibc::test::writeFile(path, {}));
        QCOMPARE(QFileInfo(path).size(), qint64(0));
    }

    CacheOpenReport report;
    report.problem = CacheOpenReport::Problem::Corrupt; // must be overwritten
    auto cache = Cache::open(path, &report);
    QVERIFY(cache);
    QVERIFY(report.ok());
    QCOMPARE(report.message(), QString());
    QVERIFY(report.movedTo.isEmpty());
    QVERIFY(report.exportedTo.isEmpty());
    QCOMPARE(cache->path(), path);
    QCOMPARE(cache->itemCount(), qint64(0));
    QCOMPARE(cache->outboxCount(), 0);
    QVERIFY(!cache->currentUser());

    sqlite::Database db(path, sqlite::Database::Mode::ReadOnly);
    QCOMPARE(db.scalar("PRAGMA user_version"), qint64(Cache::kSchemaVersion));
    QCOMPARE(db.scalar("PRAGMA application_id"), qint64(Cache::kApplicationId));
    QCOMPARE(pragmaText(db, "PRAGMA journal_mode"), s("wal"));
    QCOMPARE(ibc::test::fileMode(path), 0600u);
    if (!folderExisted) // a folder the cache made holds one person's work
        QCOMPARE(ibc::test::fileMode(folder), 0700u);
    // Nothing else was left beside it but SQLite's own files.
    for (const QString &name : QDir(folder).entryList(QDir::Files))
        QVERIFY2(name == QLatin1String("cache.sqlite") || name == QLatin1String("cache.sqlite-wal") ||
                     name == QLatin1String("cache.sqlite-shm"),
                 qPrintable(name));
}

void TestCacheMigrations::upgradesFromEveryEarlierSchema_data()
{
    QTest::addColumn<int>("version");
    for (int v = 1; v < Cache::kSchemaVersion; ++v) {
        const QString what = v == 1 ? s("items, notes and history only") : s("with an outbox, users and sync state");
        QTest::addRow("%s", qPrintable(QStringLiteral("from schema %1 (%2)").arg(v).arg(what))) << v;
    }
    QVERIFY(Cache::kSchemaVersion >= 3);
}

void TestCacheMigrations::upgradesFromEveryEarlierSchema()
{
    QFETCH(int, version);
    const QString path = m_dir.filePath(QStringLiteral("v%1/cache.sqlite").arg(version));
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));

    // Realistic work, written with the schema of the day.
    std::vector<GeneratedItem> items = landmarks();
    DemoGenerator gen(version * 1000 + 7, ibc::test::fixedAnchor());
    for (int i = 0; i < 1500; ++i)
        items.push_back(gen.next());
    const auto users = DemoGenerator::demoUsers();
    std::vector<Command> commands;
    {
        sqlite::Database db(path);
        Cache::migrate(db, version);
        QCOMPARE(db.scalar("PRAGMA user_version"), qint64(version));
        sqlite::Transaction tx(db);
        for (const auto &g : items)
            insertAsOf(db, version, g);
        if (version >= 2) {
            commands = {
                Command::make(CommandType::AddNote, items[0].item.id, 7, s("sam.patel"), ibc::test::fixedAnchor(),
                              {{s("text"), s("Account verified — “OK” by phone.")}}),
                Command::make(CommandType::Escalate, items[0].item.id, 7, s("sam.patel"), ibc::test::fixedAnchor() + 60,
                              {{s("reason"), s("Needs a decision above my authority.")}}),
                Command::make(CommandType::Claim, items[1].item.id, 0, s("sam.patel"), ibc::test::fixedAnchor() + 120)};
            for (const Command &c : commands) {
                const QByteArray payload = json(c.payload);
                db.prepare(
                      "INSERT INTO outbox(command_id, item_id, type, base_version, actor, at, payload) VALUES(?,?,?,?,?,?,?)")
                    .bind(1, c.id)
                    .bind(2, c.itemId)
                    .bind(3, int(c.type))
                    .bind(4, c.baseVersion)
                    .bind(5, c.actor)
                    .bind(6, c.at)
                    .bind(7, std::string_view(payload.constData(), std::size_t(payload.size())))
                    .run();
            }
            for (const User &u : users)
                db.prepare("INSERT INTO users(username, display_name, role, partners) VALUES(?,?,?,?)")
                    .bind(1, u.username)
                    .bind(2, u.displayName)
                    .bind(3, int(u.role))
                    .bind(4, u.partners.join(QLatin1Char(',')))
                    .run();
            db.prepare(
                  "INSERT INTO sync_state(key, value) VALUES('checkpoint', '184467'), ('current_user', 'sam.patel')")
                .run();
        }
        tx.commit();
    }
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup |
                                    QFile::ReadOther); // 0644, as an old desk left it

    CacheOpenReport report;
    auto cache = Cache::open(path, &report);
    QVERIFY2(report.ok(), qPrintable(report.message()));
    QVERIFY(report.movedTo.isEmpty());
    {
        sqlite::Database db(path, sqlite::Database::Mode::ReadOnly);
        QCOMPARE(db.scalar("PRAGMA user_version"), qint64(Cache::kSchemaVersion));
        QCOMPARE(db.scalar("PRAGMA application_id"), qint64(Cache::kApplicationId));
        QCOMPARE(pragmaText(db, "PRAGMA journal_mode"), s("wal"));
        QCOMPARE(pragmaText(db, "PRAGMA integrity_check"), s("ok"));
    }
    QCOMPARE(ibc::test::fileMode(path), 0600u);

    // Every row came through.
    QCOMPARE(cache->itemCount(), qint64(items.size()));
    for (const auto &g : items) {
        const auto it = cache->item(g.item.id);
        QVERIFY2(it, qPrintable(g.item.reference));
        QCOMPARE(it->reference, g.item.reference);
        QCOMPARE(it->kind, g.item.kind);
        QCOMPARE(it->subtype, g.item.subtype);
        QCOMPARE(it->partner, g.item.partner);
        QCOMPARE(it->status, g.item.status);
        QCOMPARE(it->priority, g.item.priority);
        QCOMPARE(it->assignee, g.item.assignee);
        QCOMPARE(it->received, g.item.received);
        QCOMPARE(it->updated, g.item.updated);
        QCOMPARE(it->due, g.item.due);
        QCOMPARE(it->version, g.item.version);
        QCOMPARE(it->fields, g.item.fields);
        const auto notes = cache->notes(g.item.id);
        QCOMPARE(notes.size(), g.notes.size());
        for (std::size_t i = 0; i < notes.size(); ++i) {
            QCOMPARE(notes[i].text, g.notes[i].text);
            QCOMPARE(notes[i].author, g.notes[i].author);
            QCOMPARE(notes[i].at, g.notes[i].at);
        }
        const auto events = cache->events(g.item.id);
        QCOMPARE(events.size(), g.events.size());
        for (std::size_t i = 0; i < events.size(); ++i) {
            QCOMPARE(events[i].type, g.events[i].type);
            QCOMPARE(events[i].at, g.events[i].at);
            QCOMPARE(events[i].from, g.events[i].from);
            QCOMPARE(events[i].to, g.events[i].to);
            QCOMPARE(events[i].detail, g.events[i].detail);
        }
    }
    const auto outbox = cache->outbox();
    QCOMPARE(outbox.size(), commands.size());
    for (std::size_t i = 0; i < commands.size(); ++i) {
        QCOMPARE(outbox[i].command.id, commands[i].id);
        QCOMPARE(outbox[i].command.type, commands[i].type);
        QCOMPARE(outbox[i].command.itemId, commands[i].itemId);
        QCOMPARE(outbox[i].command.baseVersion, commands[i].baseVersion);
        QCOMPARE(outbox[i].command.at, commands[i].at);
        QCOMPARE(outbox[i].command.payload, commands[i].payload);
    }
    if (version >= 2) {
        QCOMPARE(cache->users().size(), users.size());
        QCOMPARE(cache->syncValue(s("checkpoint")), s("184467"));
        QVERIFY(cache->currentUser());
        QCOMPARE(cache->currentUser()->partners, users.front().partners);
    }

    // The columns added since are filled in for the old items.
    {
        sqlite::Database db(path, sqlite::Database::Mode::ReadOnly);
        sqlite::Statement st = db.prepare("SELECT id, summary, amount FROM items");
        int checked = 0;
        std::map<QString, const WorkItem *> byId;
        for (const auto &g : items)
            byId[g.item.id] = &g.item;
        while (st.step()) {
            const WorkItem &it = *byId.at(st.text(0));
            QCOMPARE(st.text(1), it.summary());
            QCOMPARE(st.int64(2), it.amountPence());
            ++checked;
        }
        QCOMPARE(checked, int(items.size()));
        QCOMPARE(db.scalar("SELECT count(*) FROM items WHERE summary = ''"), qint64(0));
    }

    // The queue finds, sorts and shows the old items.
    QueueReader reader(path);
    auto find = [&](const QString &text) {
        QueueFilter f;
        f.scope = QueueFilter::Scope::Everything;
        f.text = text;
        std::vector<QString> refs;
        const auto ids = reader.rowIds(f, QueueSort::Reference, false);
        for (const QueueRow &r : reader.rows(ids))
            refs.push_back(r.reference);
        return refs;
    };
    QCOMPARE(find(s("E7654321")), std::vector<QString>{s("HR-0900001")});
    QCOMPARE(find(s("e7654321")), std::vector<QString>{s("HR-0900001")});
    QCOMPARE(find(s("Aurelia Zelenka")), std::vector<QString>{s("HR-0900001")});
    QCOMPARE(find(s("Quillberry Grounds")), std::vector<QString>{s("INV-0900002")});
    QCOMPARE(find(s("INV-0900002")), std::vector<QString>{s("INV-0900002")});
    const auto obrien = find(s("Niamh O'Sullivan-Hart"));
    QCOMPARE(obrien, std::vector<QString>{s("PAY-0900003")});

    QueueFilter everything;
    everything.scope = QueueFilter::Scope::Everything;
    for (const bool descending : {false, true}) {
        const auto ids = reader.rowIds(everything, QueueSort::Amount, descending);
        QCOMPARE(ids.size(), items.size());
        const auto rows = reader.rows(ids);
        for (std::size_t i = 1; i < rows.size(); ++i)
            QVERIFY2(descending ? rows[i - 1].amount >= rows[i].amount : rows[i - 1].amount <= rows[i].amount,
                     qPrintable(QStringLiteral("%1 then %2").arg(rows[i - 1].reference, rows[i].reference)));
        QCOMPARE(rows.front().reference, descending ? s("INV-0900002") : s("PAY-0900003"));
        QCOMPARE(rows.back().reference, descending ? s("PAY-0900003") : s("INV-0900002"));
        QCOMPARE(rows.front().amount, descending ? qint64(120000000) : qint64(-300000));
    }
    const auto invoiceRow = reader.rows(reader.rowIds(everything, QueueSort::Amount, true)).front();
    QCOMPARE(invoiceRow.summary, s("QUILLBERRY GROUNDS MAINTENANCE LTD · £1,200,000.00"));

    // The upgraded cache takes new work like a new one.
    const User sam = DemoGenerator::demoUsers().front();
    const Command c = Command::make(CommandType::Claim, items[1].item.id, 0, sam.username, ibc::test::fixedAnchor());
    QVERIFY(cache->execute(c, sam).applied);
    QCOMPARE(cache->outboxCount(), int(commands.size()) + 1);
}

void TestCacheMigrations::reopeningACurrentCacheChangesNothing()
{
    const QString path = m_dir.filePath(s("current/cache.sqlite"));
    {
        auto cache = Cache::open(path);
        DemoGenerator gen(3, ibc::test::fixedAnchor());
        std::vector<GeneratedItem> items;
        for (int i = 0; i < 200; ++i)
            items.push_back(gen.next());
        cache->insertGenerated(items);
    }
    QByteArray before;
    {
        sqlite::Database db(path, sqlite::Database::Mode::ReadOnly);
        before = ibc::test::dump(db.handle(), "SELECT * FROM items ORDER BY row") +
                 ibc::test::dump(db.handle(), "SELECT type, name, sql FROM sqlite_master ORDER BY name");
    }
    for (int i = 0; i < 2; ++i) {
        CacheOpenReport report;
        auto cache = Cache::open(path, &report);
        QVERIFY(report.ok());
        QCOMPARE(cache->itemCount(), qint64(200));
    }
    sqlite::Database db(path, sqlite::Database::Mode::ReadOnly);
    QCOMPARE(ibc::test::dump(db.handle(), "SELECT * FROM items ORDER BY row") +
                 ibc::test::dump(db.handle(), "SELECT type, name, sql FROM sqlite_master ORDER BY name"),
             before);
    QCOMPARE(db.scalar("PRAGMA user_version"), qint64(Cache::kSchemaVersion));
}

QTEST_GUILESS_MAIN(TestCacheMigrations)
#include "tst_cachemigrations.moc"
