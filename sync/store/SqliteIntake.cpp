// The embedded store: new items from partners' systems, and seeding a demo store.
#include "store/SqliteStoreParts.h"

#include "domain/DemoGenerator.h"
#include "domain/Fields.h"
#include "domain/Partner.h"
#include "store/Passwords.h"
#include "store/SeedBatch.h"
#include "store/StoreSchema.h"

#include <QElapsedTimer>
#include <QUuid>

#include <future>

namespace ibc::sync::sqlitestore {

namespace {

// Restores the write connection's durability settings when a seed ends, however it ends.
class SeedSettings {
public:
    explicit SeedSettings(Database &db) : m_db(db)
    {
        // A seed is a one-off load of a new demo store: if it dies, the store is marked incomplete
        // and refused, so nothing is lost by not syncing each batch.
        m_db.exec("PRAGMA synchronous = OFF");
        m_db.exec("PRAGMA cache_size = -262144");
        m_db.exec("PRAGMA threads = 2"); // CREATE INDEX sorts on a helper thread too
    }
    ~SeedSettings()
    {
        try {
            m_db.exec("PRAGMA synchronous = FULL");
            m_db.exec("PRAGMA cache_size = -65536");
            m_db.exec("PRAGMA threads = 0");
        } catch (const std::exception &e) {
            qCCritical(lcSqliteStore) << "could not restore synchronous=FULL after seeding:" << e.what();
        }
    }

private:
    Database &m_db;
};

// The demo accounts, each with its password hash if one was made for it (an empty hash cannot
// sign in), and the mark that says a seed is under way, in one transaction.
void insertDemoUsers(Connection &c, const std::vector<User> &demo, std::vector<std::future<QByteArray>> &hashes)
{
    Transaction tx(c.db());
    Query q = c.query("INSERT INTO users(username, display_name, role, partners, password_hash, disabled, checker) "
                      "VALUES(?,?,?,?,?,0,?)");
    for (std::size_t i = 0; i < demo.size(); ++i) {
        const User &u = demo[i];
        const QByteArray hash = i < hashes.size() ? hashes[i].get() : QByteArray();
        q->bind(1, u.username).bind(2, u.displayName).bind(3, int(u.role));
        q->bind(4, u.partners.join(QLatin1Char(','))).bind(5, view(hash)).bind(6, int(u.checker));
        q->run();
    }
    setMetaValue(c, "seeding", 1);
    tx.commit();
}

// One batch of demo items, with their history and notes, in one transaction.
void writeSeedBatch(Connection &c, const SeedBatch &batch)
{
    Transaction tx(c.db());
    Query insItem = c.query("INSERT INTO items(row, id, reference, kind, subtype, partner, status, priority, "
                            "assignee, received, updated, due, version, fields, seq) "
                            "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    Query insEvent = c.query("INSERT INTO events(item_row, n, seq, at, actor, type, from_status, to_status, "
                             "detail) VALUES(?,?,?,?,?,?,?,?,?)");
    Query insNote = c.query("INSERT INTO notes(item_row, n, seq, at, author, text) VALUES(?,?,?,?,?,?)");
    // Seeded items are numbered 1..N: row, seq and reference number are the same.
    for (const SeedBatch::Item &it : batch.items()) {
        insItem->bind(1, it.row).bind(2, batch.text(it.id)).bind(3, batch.text(it.reference)).bind(4, it.kind);
        insItem->bind(5, batch.text(it.subtype)).bind(6, batch.text(it.partner)).bind(7, it.status);
        insItem->bind(8, it.priority).bind(9, batch.text(it.assignee)).bind(10, it.received);
        insItem->bind(11, it.updated).bind(12, it.due).bind(13, it.version).bind(14, batch.text(it.fields));
        insItem->bind(15, it.row);
        insItem->run();
    }
    for (const SeedBatch::Event &e : batch.events()) {
        insEvent->bind(1, e.row).bind(2, e.n).bind(3, e.row).bind(4, e.at).bind(5, batch.text(e.actor));
        insEvent->bind(6, batch.text(e.type)).bind(7, e.from).bind(8, e.to).bind(9, batch.text(e.detail));
        insEvent->run();
    }
    for (const SeedBatch::Note &n : batch.notes()) {
        insNote->bind(1, n.row).bind(2, n.n).bind(3, n.row).bind(4, n.at).bind(5, batch.text(n.author));
        insNote->bind(6, batch.text(n.text));
        insNote->run();
    }
    tx.commit();
}

// `count` demo items from the generator for `seed` and `anchor`, a batch a transaction.
void writeDemoItems(Connection &c, qint64 count, quint64 seed, EpochSecs anchor)
{
    DemoGenerator generator(seed, anchor);
    // One batch ahead: the generator fills and encodes the next batch on its own thread while
    // this one writes the current batch.
    auto makeBatch = [&generator](qint64 first, qint64 n) { return SeedBatch::make(generator, first, n); };
    std::future<SeedBatch> next;
    if (count > 0)
        next = std::async(std::launch::async, makeBatch, 1, std::min(kSeedBatch, count));
    qint64 written = 0;
    while (written < count) {
        const SeedBatch batch = next.get();
        const qint64 after = written + qint64(batch.items().size());
        if (after < count)
            next = std::async(std::launch::async, makeBatch, after + 1, std::min(kSeedBatch, count - after));
        writeSeedBatch(c, batch);
        written = after;
    }
}

// What is wrong with an intake, field by field: the kind, subtype and partner (one the account
// sends work for), the time it was received, and each of the kind's fields.
std::vector<FieldProblem> intakeProblems(const User &user, const Intake &in, EpochSecs now)
{
    std::vector<FieldProblem> bad;
    const bool kindOk = int(in.kind) >= 0 && int(in.kind) <= int(Kind::PayrollException);
    if (!kindOk)
        bad.push_back({u"kind"_s, u"must be hr_change, invoice or payroll_exception"_s});
    const bool subtypeOk = kindOk && isSubtype(in.kind, in.subtype);
    if (kindOk && !subtypeOk) {
        QStringList names;
        for (const char *st : subtypes(in.kind))
            names << QLatin1String(st);
        bad.push_back({u"subtype"_s, QStringLiteral("“%1” is not a subtype of %2 (one of: %3)")
                                         .arg(in.subtype, kindName(in.kind), names.join(QStringLiteral(", ")))});
    }
    if (!isPartnerCode(in.partner))
        bad.push_back({u"partner"_s, QStringLiteral("“%1” is not a partner code (one of: %2)")
                                         .arg(in.partner, partnerCodes().join(QStringLiteral(", ")))});
    else if (!user.worksFor(in.partner))
        bad.push_back({u"partner"_s, QStringLiteral("this intake account does not send work for %1").arg(in.partner)});
    constexpr EpochSecs kYear2000 = 946684800;
    if (in.received < kYear2000)
        bad.push_back({u"received_at"_s, u"must be a time after 2000"_s});
    else if (in.received > now + kClockSkew)
        bad.push_back({u"received_at"_s, u"is in the future"_s});
    if (subtypeOk)
        for (auto &[field, problem] : fieldProblems(in.kind, in.subtype, in.fields))
            bad.push_back({std::move(field), std::move(problem)});
    return bad;
}

// A new item as it arrives, under a new id: New, Normal, its due time set, and the dates the desk
// shows that follow from the others, as the demo's items have them. No reference yet: that is
// numbered as it is written.
WorkItem arrivedItem(const Intake &in, const SlaRules &rules)
{
    WorkItem it;
    it.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    it.kind = in.kind;
    it.subtype = in.subtype;
    it.partner = in.partner;
    it.status = Status::New;
    it.priority = Priority::Normal;
    it.received = in.received;
    it.updated = in.received;
    it.fields = in.fields;
    const WorkingCalendar &calendar = rules.calendar(it.partner);
    if (it.kind == Kind::HrChange && !it.fields.contains(u"payroll_cutoff"_s)) {
        const QDate effective = QDate::fromString(it.fields.value(u"effective_date"_s).toString(), Qt::ISODate);
        it.fields.insert(
            u"payroll_cutoff"_s,
            calendar.dateAt(rules.payrollCutoffFor(it.partner, effective, it.received)).toString(Qt::ISODate));
    }
    // An invoice that names no payment date is paid on the partner's terms (the policy's, 30 days
    // by default).
    if (const int terms = rules.policy(it.partner, it.kind, it.subtype).paymentTermsDays;
        it.kind == Kind::Invoice && terms > 0 && !it.fields.contains(u"payment_due"_s))
        it.fields.insert(u"payment_due"_s, calendar.dateAt(it.received).addDays(terms).toString(Qt::ISODate));
    it.due = rules.due(it).due;
    it.version = 1;
    return it;
}

} // namespace

void SqliteStore::seed(qint64 count, quint64 seed, EpochSecs anchor)
{
    if (count < 0)
        throw StoreError(u"invalid_count"_s, u"The number of items to seed cannot be negative."_s);

    // The documented demo accounts (the first six) get "demo-" + username; the rest of the floor
    // exists to hold work and cannot sign in.
    const std::vector<User> demo = DemoGenerator::demoUsers();
    constexpr std::size_t kAccounts = 6;
    std::vector<std::future<QByteArray>> hashes;
    for (std::size_t i = 0; i < std::min(kAccounts, demo.size()); ++i)
        hashes.push_back(std::async(
            std::launch::async, [name = demo[i].username] { return passwords::hash(QStringLiteral("demo-") + name); }));

    std::lock_guard lock(m_writeMutex);
    Connection &c = *m_writer;
    Database &db = c.db();
    if (db.scalar("SELECT count(*) FROM items") > 0 || db.scalar("SELECT count(*) FROM users") > 0)
        throw StoreError(u"not_empty"_s,
                         u"Only a new, empty store can be seeded with demo data: this one already has items "
                         "or users."_s);
    const EpochSecs now = m_clock.now();
    insertDemoUsers(c, demo, hashes);

    {
        SeedSettings settings(db);
        schema::dropIndexes(db);
        QElapsedTimer timer;
        timer.start();
        writeDemoItems(c, count, seed, anchor);

        const double loadSecs = double(timer.nsecsElapsed()) / 1e9;
        schema::createIndexes(db);
        qCInfo(lcSqliteStore, "seeded %lld items in %.1f s, then built the indexes in %.1f s", count, loadSecs,
               double(timer.nsecsElapsed()) / 1e9 - loadSecs);
        Transaction tx(db);
        setMetaValue(c, "seq", count);
        setMetaValue(c, "reference", count);
        db.exec("DELETE FROM meta WHERE key = 'seeding'");
        audit(c, now, u"system"_s, "store.seeded", {}, {},
              QJsonObject{{u"items"_s, count},
                          {u"seed"_s, QString::number(seed)},
                          {u"anchor"_s, anchor},
                          {u"users"_s, qint64(demo.size())}});
        tx.commit();
    }
    // Durable from here on, and the WAL the load grew folded back into the file.
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    loadLatest(c);
}

// ---- Intake

ItemRecord SqliteStore::intake(const User &user, const Intake &in, std::vector<FieldProblem> *problems)
{
    if (user.role != models::Role::Intake)
        throw StoreError(u"forbidden"_s, u"Only an intake account can send in new work."_s);

    const EpochSecs now = m_clock.now();
    if (std::vector<FieldProblem> bad = intakeProblems(user, in, now); !bad.empty()) {
        QStringList names;
        for (const FieldProblem &p : bad)
            names << p.field;
        if (problems)
            *problems = std::move(bad);
        throw StoreError(
            u"invalid_fields"_s,
            QStringLiteral("The item was not accepted: %1 wrong (%2).")
                .arg(names.size() == 1 ? u"one detail is"_s : QStringLiteral("%1 details are").arg(names.size()),
                     names.join(QStringLiteral(", "))));
    }

    ItemRecord r;
    r.item = arrivedItem(in, *rulesInForce());
    WorkItem &it = r.item;
    const Event received{it.id, it.received, user.username, u"received"_s, Status::New, Status::New, {}};

    {
        std::lock_guard lock(m_writeMutex);
        Connection &c = *m_writer;
        Transaction tx(c.db());
        const qint64 seq = metaValue(c, "seq") + 1;
        const qint64 number = metaValue(c, "reference") + 1;
        static const char *const prefixes[] = {"HR", "INV", "PAY"};
        it.reference =
            QStringLiteral("%1-%2").arg(QLatin1String(prefixes[int(it.kind)])).arg(number, 7, 10, QLatin1Char('0'));
        {
            Query q = c.query("INSERT INTO items(id, reference, kind, subtype, partner, status, priority, assignee, "
                              "received, updated, due, version, fields, seq) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
            q->bind(1, it.id).bind(2, it.reference).bind(3, int(it.kind)).bind(4, it.subtype).bind(5, it.partner);
            q->bind(6, int(it.status)).bind(7, int(it.priority)).bind(8, it.assignee).bind(9, it.received);
            q->bind(10, it.updated).bind(11, it.due).bind(12, it.version).bind(13, view(compactJson(it.fields)));
            q->bind(14, seq);
            q->run();
        }
        const qint64 row = c.db().lastInsertRowId();
        insertEvent(c, row, seq, received);
        setMetaValue(c, "seq", seq);
        setMetaValue(c, "reference", number);
        audit(c, now, user.username, "item.received", it.id, {},
              QJsonObject{{u"reference"_s, it.reference},
                          {u"kind"_s, kindName(it.kind)},
                          {u"subtype"_s, it.subtype},
                          {u"partner"_s, it.partner},
                          {u"seq"_s, seq}});
        tx.commit();
        r.seq = seq;
        publish({{partnerIndex(it.partner), seq}});
    }
    r.events.push_back(received);
    return r;
}

} // namespace ibc::sync::sqlitestore
