// The cache as a typed repository: a command is applied to its item and written to the outbox in
// one transaction or not at all; "Next item" takes the most urgent work the user may do and nothing
// else; items, notes, history, users and the sync state come back as they went in.
#include "cache/Cache.h"
#include "domain/Fields.h"
#include "domain/Partner.h"
#include "domain/Sla.h"
#include "sqlite/Sqlite.h"
#include "TestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <map>

using namespace ibc::models;
using ibc::test::kDay;

Q_DECLARE_METATYPE(ibc::models::CommandType)
Q_DECLARE_METATYPE(ibc::models::Status)
Q_DECLARE_METATYPE(ibc::models::Kind)
Q_DECLARE_METATYPE(ibc::models::RefusalCode)

namespace {

const EpochSecs kNow = ibc::test::fixedAnchor() + 10 * 3600; // Monday 16 March 2026, 10:00 UTC

QString s(const char *text) { return QString::fromUtf8(text); }

QJsonObject fieldsFor(Kind kind, const QString &subtype, int n)
{
    switch (kind) {
    case Kind::HrChange: {
        QJsonObject f{{s("employee_number"), QStringLiteral("E%1").arg(7000000 + n)},
                      {s("employee_name"), n % 2 ? s("Ffion Pritchard") : s("Kwame O'Brien")},
                      {s("job_title"), s("Firefighter")},
                      {s("effective_date"), s("2026-04-01")},
                      {s("payroll_cutoff"), s("2026-04-10")}};
        if (subtype == QLatin1String("leaver"))
            f.insert(s("leaving_reason"), s("Retirement"));
        return f;
    }
    case Kind::Invoice:
        return {{s("supplier"), s("WESSEX OFFICE SUPPLIES LTD")},
                {s("invoice_number"), QStringLiteral("SI%1").arg(40000 + n)},
                {s("po_number"), s("4500012345")},
                {s("net"), 125000.0},
                {s("vat_rate"), 20},
                {s("vat"), 25000.0},
                {s("gross"), 150000.0},
                {s("invoice_date"), s("2026-03-02")},
                {s("payment_due"), s("2026-04-03")}};
    case Kind::PayrollException:
        return {{s("employee_number"), QStringLiteral("E%1").arg(8000000 + n)},
                {s("employee_name"), s("Seren Llewellyn")},
                {s("pay_period"), s("2026-03")},
                {s("payroll_cutoff"), s("2026-04-08")},
                {s("amount"), 43210.0}};
    }
    return {};
}

// A hand-made item with its "received" event, and a note when it has been worked.
GeneratedItem makeItem(int n, Kind kind, const QString &partner, Status status, const QString &assignee, EpochSecs due,
                       Priority priority = Priority::Normal)
{
    static const char *const prefixes[] = {"HR", "INV", "PAY"};
    static const char *const subtypesFor[] = {"leaver", "price_mismatch", "overpayment"};
    GeneratedItem g;
    WorkItem &it = g.item;
    it.id = QStringLiteral("00000000-0000-4000-8000-%1").arg(n, 12, 10, QLatin1Char('0'));
    it.reference = QStringLiteral("%1-%2").arg(QLatin1String(prefixes[int(kind)])).arg(n, 7, 10, QLatin1Char('0'));
    it.kind = kind;
    it.subtype = QLatin1String(subtypesFor[int(kind)]);
    it.partner = partner;
    it.status = status;
    it.priority = priority;
    it.assignee = assignee;
    it.received = kNow - 3 * kDay;
    it.updated = kNow - 2 * kDay;
    it.due = due;
    it.version = 4;
    it.fields = fieldsFor(kind, it.subtype, n);
    g.events.push_back(Event{it.id, it.received, s("intake.portal"), s("received"), Status::New, Status::New, {}});
    if (!assignee.isEmpty())
        g.notes.push_back(Note{it.id, it.updated, assignee, s("Spoke to the line manager; details are correct.")});
    return g;
}

// The first floor caseworker whose team works for exactly these partners.
QString floorCaseworker(const QStringList &partners)
{
    for (const User &u : DemoGenerator::demoUsers())
        if (u.role == Role::Caseworker && u.partners == partners && u.username != QLatin1String("rhys.evans"))
            return u.username;
    return {};
}

QString chloe() { return floorCaseworker({s("HCC"), s("OCC"), s("HIWFRS")}); }
QString londoner() { return floorCaseworker({s("LBHF"), s("RBKC"), s("WCC")}); }

void compareItems(const WorkItem &a, const WorkItem &b)
{
    QCOMPARE(a.id, b.id);
    QCOMPARE(a.reference, b.reference);
    QCOMPARE(a.kind, b.kind);
    QCOMPARE(a.subtype, b.subtype);
    QCOMPARE(a.partner, b.partner);
    QCOMPARE(a.status, b.status);
    QCOMPARE(a.priority, b.priority);
    QCOMPARE(a.assignee, b.assignee);
    QCOMPARE(a.received, b.received);
    QCOMPARE(a.updated, b.updated);
    QCOMPARE(a.due, b.due);
    QCOMPARE(a.version, b.version);
    QCOMPARE(QJsonDocument(a.fields).toJson(), QJsonDocument(b.fields).toJson());
}

} // namespace

class TestCache : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QLoggingCategory::setFilterRules(QStringLiteral("ibc.cache.info=false")); }
    void init();
    void cleanup();

    void appliedCommandChangesItemHistoryAndOutboxTogether_data();
    void appliedCommandChangesItemHistoryAndOutboxTogether();
    void refusedCommandChangesNothing_data();
    void refusedCommandChangesNothing();
    void failedOutboxWriteRollsBackTheItem();
    void walkThroughTheLifecycleAddsOneOutboxEntryPerCommand();

    void claimNextTakesTheEarliestDueWorkTheUserMayDo_data();
    void claimNextTakesTheEarliestDueWorkTheUserMayDo();
    void claimNextDrainsTheQueueInOrderAndNeverTakesOthersWork_data();
    void claimNextDrainsTheQueueInOrderAndNeverTakesOthersWork();

    void itemsNotesAndEventsRoundTrip();
    void usersAndCurrentUserRoundTrip();
    void syncStateRoundTripsAndSurvivesReopening();
    void aPulledPageIsWrittenWithItsCheckpointAndSparesItemsWithUnsentCommands();
    void aPulledItemTheCacheHasEndsUpAsIfWrittenAfresh();
    void anAppliedCommandLeavesTheOutboxAndMovesLaterOnesOntoTheNewVersion();
    void aRefusedCommandBecomesAConflictWithWhatISawAndWhatTheyHave();
    void discardedConflictIsGone();
    void aRetryAndItsConflictGoTogetherOrNotAtAll();
    void nextItemTakesALapsedClaimButNeverALeasedOne();
    void insertsTenThousandGeneratedItems();
    void resumeOfflineMovesTheDueTimeByTheStoresRules();
    void modulusTablesFromTheStoreAreKeptAndInForceAfterReopening();

private:
    const User &user(const QString &username) const { return m_users.at(username); }
    QByteArray snapshot();
    void insert(std::vector<GeneratedItem> items);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Cache> m_cache;
    std::unique_ptr<sqlite::Database> m_observer; // a second connection that reads what the cache wrote
    ManualClock m_clock{kNow};
    std::map<QString, User> m_users;
    QString m_chloe;    // a floor caseworker for HCC, OCC and HIWFRS
    QString m_londoner; // a floor caseworker for the London boroughs only
    std::vector<GeneratedItem> m_items;
};

void TestCache::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_clock.set(kNow);
    m_cache = Cache::open(m_dir->filePath(s("cache.sqlite")), nullptr, m_clock);
    const auto users = DemoGenerator::demoUsers();
    m_cache->saveUsers(users);
    m_users.clear();
    for (const User &u : users)
        m_users.emplace(u.username, u);
    m_chloe = chloe();
    m_londoner = londoner();
    QVERIFY(!m_chloe.isEmpty() && !m_londoner.isEmpty());
    m_observer = std::make_unique<sqlite::Database>(m_cache->path(), sqlite::Database::Mode::ReadOnly);

    // The fixture: one item in each state the commands below start from.
    const EpochSecs due = kNow + 2 * kDay;
    m_items = {
        makeItem(1, Kind::HrChange, s("OCC"), Status::New, {}, due),
        makeItem(2, Kind::Invoice, s("HCC"), Status::InProgress, s("sam.patel"), due),
        makeItem(3, Kind::PayrollException, s("OCC"), Status::Reopened, m_chloe, due),
        makeItem(4, Kind::HrChange, s("LBHF"), Status::InProgress, s("sam.patel"), due),
        makeItem(5, Kind::Invoice, s("HCC"), Status::Resolved, s("sam.patel"), due),
        makeItem(6, Kind::HrChange, s("HCC"), Status::Assigned, s("sam.patel"), due),
        makeItem(7, Kind::PayrollException, s("WCC"), Status::AwaitingInfo, s("sam.patel"), due),
        makeItem(8, Kind::Invoice, s("OCC"), Status::Escalated, s("sam.patel"), due),
        makeItem(9, Kind::HrChange, s("HCC"), Status::Closed, s("sam.patel"), due),
        makeItem(10, Kind::PayrollException, s("HCC"), Status::Reopened, {}, due),
    };
    m_cache->insertGenerated(m_items);
}

void TestCache::cleanup()
{
    m_observer.reset();
    m_cache.reset();
    m_dir.reset();
}

// Every table the cache keeps, as bytes, read over a second connection.
QByteArray TestCache::snapshot()
{
    sqlite3 *db = m_observer->handle();
    return ibc::test::dump(db, "SELECT * FROM items ORDER BY row") + "--\n" +
           ibc::test::dump(db, "SELECT * FROM events ORDER BY row") + "--\n" +
           ibc::test::dump(db, "SELECT * FROM notes ORDER BY row") + "--\n" +
           ibc::test::dump(db, "SELECT * FROM outbox ORDER BY seq") + "--\n" +
           ibc::test::dump(db, "SELECT * FROM users ORDER BY username") + "--\n" +
           ibc::test::dump(db, "SELECT * FROM sync_state ORDER BY key");
}

void TestCache::appliedCommandChangesItemHistoryAndOutboxTogether_data()
{
    QTest::addColumn<int>("item");
    QTest::addColumn<QString>("actor");
    QTest::addColumn<CommandType>("type");
    QTest::addColumn<QJsonObject>("payload");
    QTest::addColumn<Status>("status");
    QTest::addColumn<QString>("assignee"); // "=" for unchanged
    QTest::addColumn<QString>("detail");
    QTest::addColumn<QString>("note");

    const QJsonObject reason{{s("reason"), s("  Waiting for the signed form from the manager.  ")}};
    QTest::addRow("claim a new item") << 1 << s("sam.patel") << CommandType::Claim << QJsonObject{} << Status::Assigned
                                      << s("sam.patel") << QString() << QString();
    QTest::addRow("claim a reopened item nobody holds")
        << 10 << s("rhys.evans") << CommandType::Claim << QJsonObject{} << Status::Reopened << s("rhys.evans")
        << QString() << QString();
    QTest::addRow("release an in-progress item") << 2 << s("sam.patel") << CommandType::Release << QJsonObject{}
                                                 << Status::New << QString() << QString() << QString();
    QTest::addRow("start an assigned item") << 6 << s("sam.patel") << CommandType::Start << QJsonObject{}
                                            << Status::InProgress << s("=") << QString() << QString();
    QTest::addRow("request information, reason trimmed")
        << 2 << s("sam.patel") << CommandType::RequestInfo << reason << Status::AwaitingInfo << s("=")
        << s("Waiting for the signed form from the manager.") << QString();
    QTest::addRow("resume from awaiting information") << 7 << s("sam.patel") << CommandType::Resume << QJsonObject{}
                                                      << Status::InProgress << s("=") << QString() << QString();
    QTest::addRow("escalate an assigned item")
        << 6 << s("sam.patel") << CommandType::Escalate << reason << Status::Escalated << s("=")
        << s("Waiting for the signed form from the manager.") << QString();
    QTest::addRow("resolve an invoice with an outcome and a note")
        << 2 << s("sam.patel") << CommandType::Resolve
        << QJsonObject{{s("outcome"), s("approved_for_payment")}, {s("note"), s("Budget holder confirmed receipt.")}}
        << Status::Resolved << s("=") << s("approved_for_payment") << s("Budget holder confirmed receipt.");
    QTest::addRow("team leader reopens a closed item")
        << 9 << s("priya.shah") << CommandType::Reopen << reason << Status::Reopened << s("=")
        << s("Waiting for the signed form from the manager.") << QString();
    QTest::addRow("add a note to someone else's item")
        << 3 << s("sam.patel") << CommandType::AddNote
        << QJsonObject{{s("text"), s("Payslip attached to the case — “see p.2”.")}} << Status::Reopened << s("=")
        << QString() << s("Payslip attached to the case — “see p.2”.");
    QTest::addRow("team leader reassigns to a caseworker of the partner")
        << 2 << s("priya.shah") << CommandType::Reassign << QJsonObject{{s("assignee"), s("rhys.evans")}}
        << Status::Assigned << s("rhys.evans") << s("rhys.evans") << QString();
    QTest::addRow("edit a detail") << 6 << s("sam.patel") << CommandType::EditFields
                                   << QJsonObject{{s("fields"), QJsonObject{{s("job_title"), s("Crew Manager")}}}}
                                   << Status::Assigned << s("=") << s("Job title") << QString();
    QTest::addRow("team leader approves a resolved item")
        << 5 << s("priya.shah") << CommandType::Approve << QJsonObject{} << Status::Closed << s("=") << QString()
        << QString();
    QTest::addRow("team leader sends a resolved item back")
        << 5 << s("priya.shah") << CommandType::Reject << reason << Status::InProgress << s("=")
        << s("Waiting for the signed form from the manager.") << QString();
}

void TestCache::appliedCommandChangesItemHistoryAndOutboxTogether()
{
    QFETCH(int, item);
    QFETCH(QString, actor);
    QFETCH(CommandType, type);
    QFETCH(QJsonObject, payload);
    QFETCH(Status, status);
    QFETCH(QString, assignee);
    QFETCH(QString, detail);
    QFETCH(QString, note);

    const WorkItem before = m_items[std::size_t(item - 1)].item;
    const int outboxBefore = m_cache->outboxCount();
    const auto eventsBefore = m_cache->events(before.id);
    const auto notesBefore = m_cache->notes(before.id);
    m_clock.advance(600);

    const Command c = Command::make(type, before.id, before.version, actor, m_clock.now(), payload);
    const CommandResult r = m_cache->execute(c, user(actor));
    QVERIFY2(r.applied, qPrintable(r.message));
    QVERIFY(r.message.isEmpty());
    QVERIFY(!r.refusal);

    const auto after = m_cache->item(before.id);
    QVERIFY(after);
    QCOMPARE(after->status, status);
    QCOMPARE(after->assignee, assignee == QLatin1String("=") ? before.assignee : assignee);
    QCOMPARE(after->updated, m_clock.now());
    QCOMPARE(after->version, before.version); // the store owns the version
    if (type == CommandType::EditFields)
        QCOMPARE(after->fields.value(s("job_title")).toString(), s("Crew Manager"));
    else
        QCOMPARE(after->fields, before.fields);

    const auto events = m_cache->events(before.id);
    QCOMPARE(events.size(), eventsBefore.size() + 1);
    const Event &e = events.back();
    QCOMPARE(e.type, commandName(type));
    QCOMPARE(e.actor, actor);
    QCOMPARE(e.at, m_clock.now());
    QCOMPARE(e.from, before.status);
    QCOMPARE(e.to, status);
    QCOMPARE(e.detail, detail);

    const auto notes = m_cache->notes(before.id);
    QCOMPARE(notes.size(), notesBefore.size() + (note.isEmpty() ? 0 : 1));
    if (!note.isEmpty()) {
        QCOMPARE(notes.back().text, note);
        QCOMPARE(notes.back().author, actor);
        QCOMPARE(notes.back().at, m_clock.now());
    }

    QCOMPARE(m_cache->outboxCount(), outboxBefore + 1);
    const auto outbox = m_cache->outbox();
    QCOMPARE(int(outbox.size()), outboxBefore + 1);
    const Command &sent = outbox.back().command;
    QCOMPARE(sent.id, c.id);
    QCOMPARE(sent.itemId, c.itemId);
    QCOMPARE(sent.type, c.type);
    QCOMPARE(sent.baseVersion, c.baseVersion);
    QCOMPARE(sent.actor, c.actor);
    QCOMPARE(sent.at, c.at);
    QCOMPARE(sent.payload, c.payload);

    // The other items are untouched.
    for (const auto &g : m_items)
        if (g.item.id != before.id)
            compareItems(*m_cache->item(g.item.id), g.item);
}

void TestCache::refusedCommandChangesNothing_data()
{
    QTest::addColumn<QString>("itemId");
    QTest::addColumn<QString>("actor");
    QTest::addColumn<CommandType>("type");
    QTest::addColumn<QJsonObject>("payload");
    QTest::addColumn<RefusalCode>("refusal");

    auto id = [](int n) { return QStringLiteral("00000000-0000-4000-8000-%1").arg(n, 12, 10, QLatin1Char('0')); };
    const QJsonObject reason{{s("reason"), s("Needs a decision above my authority.")}};
    QTest::addRow("start an item already in progress (wrong status)")
        << id(2) << s("sam.patel") << CommandType::Start << QJsonObject{} << RefusalCode::WrongStatus;
    QTest::addRow("resolve a new item (wrong status)")
        << id(1) << s("sam.patel") << CommandType::Resolve << QJsonObject{{s("outcome"), s("processed")}}
        << RefusalCode::WrongStatus;
    QTest::addRow("claim a reopened item someone else holds")
        << id(3) << s("sam.patel") << CommandType::Claim << QJsonObject{} << RefusalCode::AssignedToSomeoneElse;
    QTest::addRow("edit someone else's item")
        << id(3) << s("sam.patel") << CommandType::EditFields
        << QJsonObject{{s("fields"), QJsonObject{{s("amount"), 100.0}}}} << RefusalCode::NotAssignedToYou;
    QTest::addRow("resolve without an outcome") << id(2) << s("sam.patel") << CommandType::Resolve
                                                << QJsonObject{{s("note"), s("Done.")}} << RefusalCode::OutcomeRequired;
    QTest::addRow("resolve with another kind's outcome")
        << id(2) << s("sam.patel") << CommandType::Resolve << QJsonObject{{s("outcome"), s("processed")}}
        << RefusalCode::UnknownOutcome;
    QTest::addRow("add an empty note") << id(2) << s("sam.patel") << CommandType::AddNote
                                       << QJsonObject{{s("text"), s("  \n\t ")}} << RefusalCode::NoteEmpty;
    QTest::addRow("request information without a reason")
        << id(2) << s("sam.patel") << CommandType::RequestInfo << QJsonObject{{s("reason"), s(" ")}}
        << RefusalCode::ReasonRequired;
    QTest::addRow("reassign to a user nobody has heard of")
        << id(2) << s("priya.shah") << CommandType::Reassign << QJsonObject{{s("assignee"), s("nobody.atall")}}
        << RefusalCode::UnknownAssignee;
    QTest::addRow("reassign to a caseworker who does not work for the partner")
        << id(4) << s("priya.shah") << CommandType::Reassign << QJsonObject{{s("assignee"), s("rhys.evans")}}
        << RefusalCode::UnknownAssignee;
    QTest::addRow("reassign to an auditor")
        << id(2) << s("priya.shah") << CommandType::Reassign << QJsonObject{{s("assignee"), s("alex.morgan")}}
        << RefusalCode::UnknownAssignee;
    QTest::addRow("reassign by a caseworker")
        << id(2) << s("sam.patel") << CommandType::Reassign << QJsonObject{{s("assignee"), s("rhys.evans")}}
        << RefusalCode::TeamLeaderOnly;
    QTest::addRow("edit a field to an invalid value")
        << id(6) << s("sam.patel") << CommandType::EditFields
        << QJsonObject{{s("fields"), QJsonObject{{s("employee_number"), s("1234567")}}}} << RefusalCode::InvalidField;
    QTest::addRow("auditor adds a note") << id(2) << s("alex.morgan") << CommandType::AddNote
                                         << QJsonObject{{s("text"), s("Looks fine.")}} << RefusalCode::ReadOnlyRole;
    QTest::addRow("caseworker for HCC only notes an OCC item")
        << id(1) << s("rhys.evans") << CommandType::AddNote << QJsonObject{{s("text"), s("Mine?")}}
        << RefusalCode::NotVisible;
    QTest::addRow("an item the cache does not hold")
        << s("6b1f0d57-1f0e-4c41-9d0e-000000000000") << s("sam.patel") << CommandType::AddNote
        << QJsonObject{{s("text"), s("Hello")}} << RefusalCode::NotVisible;
    QTest::addRow("escalate without a reason")
        << id(6) << s("sam.patel") << CommandType::Escalate << QJsonObject{} << RefusalCode::ReasonRequired;
    Q_UNUSED(reason);
}

void TestCache::refusedCommandChangesNothing()
{
    QFETCH(QString, itemId);
    QFETCH(QString, actor);
    QFETCH(CommandType, type);
    QFETCH(QJsonObject, payload);
    QFETCH(RefusalCode, refusal);

    // Some work already waits in the outbox.
    const Command earlier =
        Command::make(CommandType::AddNote, m_items[4].item.id, 4, s("sam.patel"), kNow, {{s("text"), s("Checked.")}});
    QVERIFY(m_cache->execute(earlier, user(s("sam.patel"))).applied);

    const QByteArray before = snapshot();
    QVERIFY(before.contains("sam.patel"));
    m_clock.advance(60);
    const Command c = Command::make(type, itemId, 4, actor, m_clock.now(), payload);
    const CommandResult r = m_cache->execute(c, user(actor));
    QVERIFY(!r.applied);
    QVERIFY(r.refusal);
    QCOMPARE(*r.refusal, refusal);
    QVERIFY2(r.message.size() > 10 && r.message.endsWith(QLatin1Char('.')), qPrintable(r.message));
    QCOMPARE(snapshot(), before);
    QCOMPARE(m_cache->outboxCount(), 1);
}

void TestCache::failedOutboxWriteRollsBackTheItem()
{
    const WorkItem &target = m_items[1].item; // in progress, Sam's
    const Command note = Command::make(CommandType::AddNote, target.id, target.version, s("sam.patel"), kNow,
                                       {{s("text"), s("First.")}});
    QVERIFY(m_cache->execute(note, user(s("sam.patel"))).applied);
    const QByteArray before = snapshot();

    // The same command id again, now as a request for information: the item and its history would
    // change, but the outbox cannot take a second command with that id. All or nothing.
    Command clash = Command::make(CommandType::RequestInfo, target.id, target.version, s("sam.patel"), kNow + 60,
                                  {{s("reason"), s("Waiting for the manager.")}});
    clash.id = note.id;
    QVERIFY_THROWS_EXCEPTION(sqlite::Error, m_cache->execute(clash, user(s("sam.patel"))));
    QCOMPARE(snapshot(), before);
    QCOMPARE(m_cache->item(target.id)->status, Status::InProgress);

    // The cache carries on: the next command applies.
    const Command next = Command::make(CommandType::RequestInfo, target.id, target.version, s("sam.patel"), kNow + 120,
                                       {{s("reason"), s("Waiting for the manager.")}});
    QVERIFY(m_cache->execute(next, user(s("sam.patel"))).applied);
    QCOMPARE(m_cache->item(target.id)->status, Status::AwaitingInfo);
    QCOMPARE(m_cache->outboxCount(), 2);
}

void TestCache::walkThroughTheLifecycleAddsOneOutboxEntryPerCommand()
{
    const WorkItem &it = m_items[0].item; // a new HR change at OCC
    const User &sam = user(s("sam.patel"));
    const User &priya = user(s("priya.shah"));
    struct Step {
        const User &who;
        CommandType type;
        QJsonObject payload;
        Status to;
    };
    const Step steps[] = {
        {sam, CommandType::Claim, {}, Status::Assigned},
        {sam, CommandType::Start, {}, Status::InProgress},
        {sam, CommandType::AddNote, {{s("text"), s("Called the manager.")}}, Status::InProgress},
        {sam, CommandType::RequestInfo, {{s("reason"), s("Need the signed form.")}}, Status::AwaitingInfo},
        {sam, CommandType::Resume, {}, Status::InProgress},
        // A pay-affecting change: it waits for a second person's check.
        {sam, CommandType::Resolve, {{s("outcome"), s("processed")}}, Status::AwaitingCheck},
        {priya, CommandType::ReturnCheck, {{s("reason"), s("Wrong effective date.")}}, Status::InProgress},
        {sam,
         CommandType::Resolve,
         {{s("outcome"), s("processed")}, {s("note"), s("Date fixed.")}},
         Status::AwaitingCheck},
        {priya, CommandType::PassCheck, {}, Status::Closed},
    };
    QStringList ids;
    int n = 0;
    for (const Step &step : steps) {
        m_clock.advance(300);
        const Command c = Command::make(step.type, it.id, it.version, step.who.username, m_clock.now(), step.payload);
        const CommandResult r = m_cache->execute(c, step.who);
        QVERIFY2(r.applied, qPrintable(commandName(step.type) + QStringLiteral(": ") + r.message));
        QCOMPARE(m_cache->outboxCount(), ++n);
        QCOMPARE(m_cache->item(it.id)->status, step.to);
        ids << c.id;
        // Doing it again is refused where the lifecycle says so, and then nothing is written.
        if (step.type == CommandType::Claim || step.type == CommandType::Start || step.type == CommandType::PassCheck) {
            const QByteArray before = snapshot();
            const Command again =
                Command::make(step.type, it.id, it.version, step.who.username, m_clock.now(), step.payload);
            QVERIFY(!m_cache->execute(again, step.who).applied);
            QCOMPARE(snapshot(), before);
        }
    }
    const auto outbox = m_cache->outbox();
    QCOMPARE(int(outbox.size()), int(std::size(steps)));
    for (std::size_t i = 0; i < outbox.size(); ++i) {
        QCOMPARE(outbox[i].command.id, ids[qsizetype(i)]);
        QCOMPARE(outbox[i].command.type, steps[i].type);
        if (i > 0)
            QVERIFY(outbox[i].seq > outbox[i - 1].seq);
    }
    const auto events = m_cache->events(it.id);
    QCOMPARE(int(events.size()), 1 + int(std::size(steps)));
    for (std::size_t i = 1; i < events.size(); ++i)
        QCOMPARE(events[i].from, events[i - 1].to);
    const auto notes = m_cache->notes(it.id);
    QCOMPARE(int(notes.size()), 2);
    QCOMPARE(notes[0].text, s("Called the manager."));
    QCOMPARE(notes[1].text, s("Date fixed."));
}

void TestCache::claimNextTakesTheEarliestDueWorkTheUserMayDo_data()
{
    QTest::addColumn<QString>("who");
    QTest::addColumn<QString>("expected"); // reference, or empty for none
    QTest::addColumn<Status>("status");

    QTest::addRow("caseworker for all partners takes the earliest due anywhere")
        << s("sam.patel") << s("PAY-0000103") << Status::Assigned;
    QTest::addRow("caseworker for HCC only skips an earlier OCC item")
        << s("rhys.evans") << s("HR-0000105") << Status::Assigned;
    QTest::addRow("caseworker for the London boroughs takes a reopened item, which stays reopened")
        << londoner() << s("INV-0000108") << Status::Reopened;
    QTest::addRow("team leader takes work too") << s("priya.shah") << s("PAY-0000103") << Status::Assigned;
    QTest::addRow("auditor takes nothing") << s("alex.morgan") << QString() << Status::New;
    QTest::addRow("admin with no partners takes nothing") << s("admin") << QString() << Status::New;
}

void TestCache::claimNextTakesTheEarliestDueWorkTheUserMayDo()
{
    QFETCH(QString, who);
    QFETCH(QString, expected);
    QFETCH(Status, status);

    const EpochSecs t = kNow + kDay;
    std::vector<GeneratedItem> more = {
        // Earlier than anything, but held by someone or finished.
        makeItem(100, Kind::HrChange, s("HCC"), Status::Assigned, m_chloe, t - 5000, Priority::Urgent),
        makeItem(101, Kind::HrChange, s("HCC"), Status::Reopened, m_chloe, t - 4000),
        makeItem(102, Kind::Invoice, s("HCC"), Status::Escalated, s("sam.patel"), t - 3000),
        // Unassigned and open: same due, the higher priority first.
        makeItem(103, Kind::PayrollException, s("OCC"), Status::New, {}, t - 2000, Priority::High),
        makeItem(104, Kind::PayrollException, s("OCC"), Status::New, {}, t - 2000, Priority::Normal),
        makeItem(105, Kind::HrChange, s("HCC"), Status::New, {}, t - 1000, Priority::Low),
        makeItem(106, Kind::HrChange, s("HCC"), Status::New, {}, t - 1000, Priority::Low),
        makeItem(107, Kind::Invoice, s("WCC"), Status::New, {}, t + 500),
        makeItem(108, Kind::Invoice, s("LBHF"), Status::Reopened, {}, t + 400),
    };
    // Finished work nobody holds is not work.
    more.push_back(makeItem(109, Kind::Invoice, s("LBHF"), Status::Closed, {}, t - 9000));
    more.push_back(makeItem(110, Kind::Invoice, s("RBKC"), Status::Resolved, {}, t - 9000));
    insert(more);

    const QByteArray before = snapshot();
    const int outboxBefore = m_cache->outboxCount();
    const auto got = m_cache->claimNext(user(who));
    if (expected.isEmpty()) {
        QVERIFY2(!got, got ? qPrintable(got->reference) : "");
        QCOMPARE(snapshot(), before);
        return;
    }
    QVERIFY(got);
    QCOMPARE(got->reference, expected);
    QCOMPARE(got->assignee, who);
    QCOMPARE(got->status, status);
    const auto stored = m_cache->item(got->id);
    QCOMPARE(stored->assignee, who);
    QCOMPARE(stored->status, status);
    QCOMPARE(stored->updated, m_clock.now());
    QCOMPARE(m_cache->outboxCount(), outboxBefore + 1);
    const Command &claim = m_cache->outbox().back().command;
    QCOMPARE(claim.type, CommandType::Claim);
    QCOMPARE(claim.itemId, got->id);
    QCOMPARE(claim.actor, who);
    QCOMPARE(claim.at, m_clock.now());
    QCOMPARE(claim.baseVersion, got->version);
    QCOMPARE(m_cache->events(got->id).back().type, s("claim"));
}

void TestCache::insert(std::vector<GeneratedItem> items)
{
    m_cache->insertGenerated(items);
    m_items.insert(m_items.end(), items.begin(), items.end());
}

void TestCache::claimNextDrainsTheQueueInOrderAndNeverTakesOthersWork_data()
{
    QTest::addColumn<QString>("who");
    QTest::addRow("caseworker for HCC only") << s("rhys.evans");
    QTest::addRow("caseworker for the London boroughs") << londoner();
    QTest::addRow("caseworker for all partners") << s("sam.patel");
}

void TestCache::claimNextDrainsTheQueueInOrderAndNeverTakesOthersWork()
{
    QFETCH(QString, who);
    const User &u = user(who);
    DemoGenerator gen(4242, ibc::test::fixedAnchor());
    std::vector<GeneratedItem> demo;
    for (int i = 0; i < 3000; ++i)
        demo.push_back(gen.next());
    insert(demo);

    // The order worked out here, from what went in: open, unassigned, the user's partners; earliest
    // due, then highest priority, then first received into the cache.
    std::vector<std::size_t> expected;
    for (std::size_t i = 0; i < m_items.size(); ++i) {
        const WorkItem &it = m_items[i].item;
        if (it.assignee.isEmpty() && (it.status == Status::New || it.status == Status::Reopened) &&
            u.worksFor(it.partner))
            expected.push_back(i);
    }
    std::stable_sort(expected.begin(), expected.end(), [&](std::size_t a, std::size_t b) {
        const WorkItem &x = m_items[a].item, &y = m_items[b].item;
        return x.due != y.due ? x.due < y.due : int(x.priority) > int(y.priority);
    });
    QVERIFY(expected.size() > 20);

    std::map<QString, WorkItem> others; // everything the user must not take, as it was
    for (const auto &g : m_items)
        if (!g.item.assignee.isEmpty() || !u.worksFor(g.item.partner) ||
            (g.item.status != Status::New && g.item.status != Status::Reopened))
            others.emplace(g.item.id, g.item);

    std::size_t taken = 0;
    while (const auto got = m_cache->claimNext(u)) {
        QVERIFY2(taken < expected.size(), qPrintable(s("took more than there was: ") + got->reference));
        const WorkItem &want = m_items[expected[taken]].item;
        QVERIFY2(got->id == want.id, qPrintable(QStringLiteral("claim %1: got %2 (due %3), expected %4 (due %5)")
                                                    .arg(taken + 1)
                                                    .arg(got->reference)
                                                    .arg(got->due)
                                                    .arg(want.reference)
                                                    .arg(want.due)));
        QVERIFY(u.worksFor(got->partner));
        QCOMPARE(got->assignee, who);
        ++taken;
    }
    QCOMPARE(taken, expected.size());
    QCOMPARE(m_cache->outboxCount(), int(taken));
    for (const auto &[id, it] : others)
        compareItems(*m_cache->item(id), it);
}

void TestCache::itemsNotesAndEventsRoundTrip()
{
    GeneratedItem g =
        makeItem(500, Kind::HrChange, s("HIWFRS"), Status::InProgress, m_chloe, kNow + kDay, Priority::Urgent);
    g.item.fields.insert(s("details"), s("Line 1\nLine 2 — “quoted”, 'single', 100% ✓ and a tab\there"));
    g.notes = {Note{g.item.id, kNow - 500, m_chloe, s("Second, though written first in the list.")},
               Note{g.item.id, kNow - 900, m_chloe, s("First: Ffion’s form; £1,234.56; emoji 🙂")},
               Note{g.item.id, kNow - 500, s("priya.shah"), s("Same time as another note, after it.")}};
    g.events.push_back(Event{g.item.id, kNow - 800, m_chloe, s("claim"), Status::New, Status::Assigned, {}});
    g.events.push_back(Event{g.item.id, kNow - 700, m_chloe, s("start"), Status::Assigned, Status::InProgress, {}});
    insert({g});

    compareItems(*m_cache->item(g.item.id), g.item);
    QVERIFY(!m_cache->item(s("no-such-item")));

    const auto notes = m_cache->notes(g.item.id);
    QCOMPARE(notes.size(), std::size_t(3));
    // In time order; notes made at the same moment in the order they were written.
    QCOMPARE(notes[0].text, g.notes[1].text);
    QCOMPARE(notes[1].text, g.notes[0].text);
    QCOMPARE(notes[2].text, g.notes[2].text);
    for (const Note &n : notes)
        QCOMPARE(n.itemId, g.item.id);
    QCOMPARE(notes[0].at, kNow - 900);
    QCOMPARE(notes[2].author, s("priya.shah"));

    const auto events = m_cache->events(g.item.id);
    QCOMPARE(events.size(), g.events.size());
    for (std::size_t i = 0; i < events.size(); ++i) {
        QCOMPARE(events[i].itemId, g.events[i].itemId);
        QCOMPARE(events[i].at, g.events[i].at);
        QCOMPARE(events[i].actor, g.events[i].actor);
        QCOMPARE(events[i].type, g.events[i].type);
        QCOMPARE(events[i].from, g.events[i].from);
        QCOMPARE(events[i].to, g.events[i].to);
        QCOMPARE(events[i].detail, g.events[i].detail);
    }

    // Generated items, with their own notes and histories, come back whole.
    DemoGenerator gen(11, ibc::test::fixedAnchor());
    std::vector<GeneratedItem> demo;
    for (int i = 0; i < 300; ++i)
        demo.push_back(gen.next());
    insert(demo);
    for (const auto &d : demo) {
        compareItems(*m_cache->item(d.item.id), d.item);
        const auto en = m_cache->events(d.item.id);
        QCOMPARE(en.size(), d.events.size());
        for (std::size_t i = 0; i < en.size(); ++i) {
            QCOMPARE(en[i].type, d.events[i].type);
            QCOMPARE(en[i].at, d.events[i].at);
            QCOMPARE(en[i].detail, d.events[i].detail);
        }
        const auto nn = m_cache->notes(d.item.id);
        QCOMPARE(nn.size(), d.notes.size());
        for (std::size_t i = 0; i < nn.size(); ++i)
            QCOMPARE(nn[i].text, d.notes[i].text);
    }
    // An item by its row, as the queue model addresses it.
    const qint64 row = m_observer->scalar("SELECT row FROM items WHERE reference = 'HR-0000500'");
    QVERIFY(row > 0);
    compareItems(*m_cache->itemAtRow(row), g.item);
    QVERIFY(!m_cache->itemAtRow(987654321));
}

void TestCache::usersAndCurrentUserRoundTrip()
{
    QVERIFY(!m_cache->currentUser()); // nobody has signed in yet

    const auto demo = DemoGenerator::demoUsers();
    auto byName = [](const std::vector<User> &list) {
        std::map<QString, User> m;
        for (const User &u : list)
            m.emplace(u.username, u);
        return m;
    };
    auto same = [](const User &a, const User &b) {
        return a.username == b.username && a.displayName == b.displayName && a.role == b.role &&
               a.partners == b.partners;
    };
    {
        const auto stored = byName(m_cache->users());
        QCOMPARE(stored.size(), demo.size());
        for (const User &u : demo)
            QVERIFY2(same(stored.at(u.username), u), qPrintable(u.username));
        QVERIFY(stored.at(s("admin")).partners.isEmpty());
    }

    // Saving again updates in place: a new role, partners and name, and one more person.
    User rhys = user(s("rhys.evans"));
    rhys.role = Role::TeamLeader;
    rhys.partners = {s("WCC"), s("HCC")};
    rhys.displayName = s("Rhys ap Evans");
    const User newcomer{s("ceri.jones"), s("Ceri Jones"), Role::Caseworker, {s("OPCC")}};
    const User changes[] = {rhys, newcomer};
    m_cache->saveUsers(changes);
    {
        const auto stored = byName(m_cache->users());
        QCOMPARE(stored.size(), demo.size() + 1);
        QVERIFY(same(stored.at(s("rhys.evans")), rhys));
        QVERIFY(same(stored.at(s("ceri.jones")), newcomer));
        QVERIFY(same(stored.at(s("sam.patel")), user(s("sam.patel"))));
    }
    // The list comes sorted by name, for the reassign box.
    const auto list = m_cache->users();
    for (std::size_t i = 1; i < list.size(); ++i)
        QVERIFY(list[i - 1].displayName <= list[i].displayName);

    const User someoneNew{s("dewi.price"), s("Dewi Price"), Role::Caseworker, {s("HIWC"), s("OPCC")}};
    m_cache->setCurrentUser(someoneNew);
    QVERIFY(m_cache->currentUser());
    QVERIFY(same(*m_cache->currentUser(), someoneNew));
    m_cache->setCurrentUser(rhys);
    QVERIFY(same(*m_cache->currentUser(), rhys));

    // And they are still there after the desk restarts.
    const QString path = m_cache->path();
    m_observer.reset();
    m_cache.reset();
    m_cache = Cache::open(path, nullptr, m_clock);
    QVERIFY(m_cache->currentUser());
    QVERIFY(same(*m_cache->currentUser(), rhys));
    QCOMPARE(m_cache->users().size(), demo.size() + 2);
    m_observer = std::make_unique<sqlite::Database>(path, sqlite::Database::Mode::ReadOnly);
}

void TestCache::syncStateRoundTripsAndSurvivesReopening()
{
    QCOMPARE(m_cache->syncValue(s("checkpoint")), QString());
    m_cache->setSyncValue(s("checkpoint"), s("1234"));
    m_cache->setSyncValue(s("server"), s("https://ibc-store.example:8443/"));
    m_cache->setSyncValue(s("checkpoint"), s("98765"));
    QCOMPARE(m_cache->syncValue(s("checkpoint")), s("98765"));
    QCOMPARE(m_cache->syncValue(s("server")), s("https://ibc-store.example:8443/"));

    const Command c = Command::make(CommandType::Claim, m_items[0].item.id, 4, s("sam.patel"), kNow);
    QVERIFY(m_cache->execute(c, user(s("sam.patel"))).applied);

    const QString path = m_cache->path();
    m_observer.reset();
    m_cache.reset();
    CacheOpenReport report;
    m_cache = Cache::open(path, &report, m_clock);
    QVERIFY(report.ok());
    QCOMPARE(m_cache->syncValue(s("checkpoint")), s("98765"));
    QCOMPARE(m_cache->outboxCount(), 1);
    QCOMPARE(m_cache->outbox().front().command.id, c.id);
    QCOMPARE(m_cache->itemCount(), qint64(m_items.size()));
    m_observer = std::make_unique<sqlite::Database>(path, sqlite::Database::Mode::ReadOnly);
}

void TestCache::aPulledPageIsWrittenWithItsCheckpointAndSparesItemsWithUnsentCommands()
{
    // Sam adds a note to item 2 (unsent); the store then sends items 1 and 2 as it has them.
    const User &sam = user(s("sam.patel"));
    QVERIFY(m_cache
                ->execute(Command::make(CommandType::AddNote, m_items[1].item.id, 0, sam.username, kNow,
                                        {{s("text"), s("mine, not yet sent")}}),
                          sam)
                .applied);
    std::vector<GeneratedItem> page{m_items[0], m_items[1]};
    for (GeneratedItem &g : page) {
        g.item.version = 7;
        g.item.assignee = s("rhys.evans");
        g.notes = {Note{g.item.id, kNow, s("rhys.evans"), s("from the store")}};
    }
    GeneratedItem fresh = makeItem(11, Kind::Invoice, s("WCC"), Status::New, {}, kNow + kDay);
    page.push_back(fresh);

    const PullResult r = m_cache->applyChanges(page, 4242);
    QCOMPARE(r.written, 2);
    QCOMPARE(r.keptForOutbox, QStringList{m_items[1].item.id});
    QCOMPARE(m_cache->checkpoint(), qint64(4242));
    // Item 1 is the store's, notes and all; item 2 keeps sam's view; item 11 is new.
    QCOMPARE(m_cache->item(m_items[0].item.id)->assignee, s("rhys.evans"));
    QCOMPARE(m_cache->item(m_items[0].item.id)->version, qint64(7));
    QCOMPARE(int(m_cache->notes(m_items[0].item.id).size()), 1);
    QCOMPARE(m_cache->notes(m_items[0].item.id).front().text, s("from the store"));
    QCOMPARE(m_cache->item(m_items[1].item.id)->assignee, s("sam.patel"));
    QCOMPARE(m_cache->notes(m_items[1].item.id).back().text, s("mine, not yet sent"));
    QVERIFY(m_cache->item(fresh.item.id));
    QCOMPARE(m_cache->itemCount(), qint64(m_items.size() + 1));

    // The same page again changes nothing (a pull resumed after a kill).
    const auto items = [&] { return ibc::test::dump(m_observer->handle(), "SELECT * FROM items ORDER BY row"); };
    const QByteArray before = items();
    m_cache->applyChanges(page, 4242);
    QCOMPARE(items(), before);
    QCOMPARE(int(m_cache->notes(m_items[0].item.id).size()), 1);
}

void TestCache::aPulledItemTheCacheHasEndsUpAsIfWrittenAfresh()
{
    // The cache writes only the columns that changed and only the new notes and history; whatever
    // the store sends, the item must end up exactly as a fresh cache would hold it.
    GeneratedItem g = m_items[2];
    const QString id = g.item.id;
    auto differences = [&]() -> QString {
        QTemporaryDir dir;
        {
            auto fresh = Cache::open(dir.filePath(s("fresh.sqlite")), nullptr, m_clock);
            fresh->applyChanges(std::span(&g, 1), 1);
        }
        sqlite::Database fresh(dir.filePath(s("fresh.sqlite")), sqlite::Database::Mode::ReadOnly);
        const QString where = s(" WHERE %1 = '%2'");
        for (const QString &sql :
             {s("SELECT id, reference, kind, subtype, partner, status, priority, assignee, received, updated, "
                "due, version, fields, summary, amount, search, lease_until FROM items") +
                  where.arg(s("id"), id),
              s("SELECT item_id, at, author, text FROM notes") + where.arg(s("item_id"), id) + s(" ORDER BY row"),
              s("SELECT item_id, at, actor, type, from_status, to_status, detail FROM events") +
                  where.arg(s("item_id"), id) + s(" ORDER BY row")}) {
            const QByteArray utf8 = sql.toUtf8();
            if (ibc::test::dump(m_observer->handle(), utf8.constData()) !=
                ibc::test::dump(fresh.handle(), utf8.constData()))
                return sql;
        }
        return {};
    };
    auto pull = [&] { m_cache->applyChanges(std::span(&g, 1), 100); };

    // Claimed, with a note and a line of history more: the common case.
    g.item.version += 1;
    g.item.status = Status::Assigned;
    g.item.assignee = s("rhys.evans");
    g.item.leaseUntil = kNow + 4 * 3600;
    g.notes.push_back(Note{id, kNow, s("rhys.evans"), s("Called the supplier.")});
    g.events.push_back(Event{id, kNow, s("rhys.evans"), s("claim"), Status::New, Status::Assigned, {}});
    pull();
    QCOMPARE(differences(), QString());

    // A new reference: the search index follows it.
    g.item.version += 1;
    g.item.reference = s("HR-9999999");
    pull();
    QCOMPARE(differences(), QString());
    QCOMPARE(m_observer->scalar("SELECT count(*) FROM items_search WHERE search MATCH '\"9999999\"'"), qint64(1));

    // A note the store holds differently, and history that is shorter: both are replaced.
    g.notes.front().text = s("Corrected by the store.");
    g.events.pop_back();
    pull();
    QCOMPARE(differences(), QString());
    QCOMPARE(m_cache->notes(id).front().text, s("Corrected by the store."));

    // The same again: the notes and history are left as they are, not deleted and written again.
    const QByteArray rows = (s("SELECT 'note', row FROM notes WHERE item_id = '%1' UNION ALL "
                               "SELECT 'event', row FROM events WHERE item_id = '%1'")
                                 .arg(id))
                                .toUtf8();
    const QByteArray before = ibc::test::dump(m_observer->handle(), rows.constData());
    pull();
    QCOMPARE(differences(), QString());
    QCOMPARE(ibc::test::dump(m_observer->handle(), rows.constData()), before);
}

void TestCache::anAppliedCommandLeavesTheOutboxAndMovesLaterOnesOntoTheNewVersion()
{
    const User &sam = user(s("sam.patel"));
    const QString a = m_items[0].item.id, other = m_items[1].item.id;
    const qint64 v = m_items[0].item.version, w = m_items[1].item.version;
    const Command claim = Command::make(CommandType::Claim, a, v, sam.username, kNow);
    const Command start = Command::make(CommandType::Start, a, v, sam.username, kNow);
    const Command note = Command::make(CommandType::AddNote, other, w, sam.username, kNow, {{s("text"), s("x")}});
    for (const Command &c : {claim, start, note})
        QVERIFY(m_cache->execute(c, sam).applied);

    m_cache->commandApplied(claim.id, v + 1);
    const auto outbox = m_cache->outbox();
    QCOMPARE(int(outbox.size()), 2);
    QCOMPARE(outbox[0].command.id, start.id);
    QCOMPARE(outbox[0].command.baseVersion, v + 1); // made on top of the claim
    QCOMPARE(outbox[1].command.baseVersion, w);     // another item: untouched
    QCOMPARE(m_cache->item(a)->version, v + 1);
    QCOMPARE(outbox[0].seen.value(s("status")).toString(), s("assigned")); // what sam saw when starting

    m_cache->commandApplied(claim.id, v + 1); // a retry's answer: nothing more happens
    QCOMPARE(m_cache->outboxCount(), 2);
}

void TestCache::aRefusedCommandBecomesAConflictWithWhatISawAndWhatTheyHave()
{
    const User &sam = user(s("sam.patel"));
    const QString a = m_items[0].item.id;
    const Command claim = Command::make(CommandType::Claim, a, 0, sam.username, kNow);
    QVERIFY(m_cache->execute(claim, sam).applied);
    QVERIFY(!m_cache->hasConflict(a));

    GeneratedItem theirs = m_items[0];
    theirs.item.status = Status::Assigned;
    theirs.item.assignee = s("rhys.evans");
    theirs.item.version = 3;
    m_cache->commandRefused(claim.id, Conflict::Kind::Conflict, s("not_unassigned"),
                            s("Someone else has taken this item."), theirs);
    QCOMPARE(m_cache->outboxCount(), 0);
    QCOMPARE(m_cache->conflictCount(), 1);
    QVERIFY(m_cache->hasConflict(a));
    const Conflict c = m_cache->conflicts().front();
    QCOMPARE(c.command.id, claim.id);
    QCOMPARE(c.command.type, CommandType::Claim);
    QCOMPARE(c.kind, Conflict::Kind::Conflict);
    QCOMPARE(c.code, s("not_unassigned"));
    QCOMPARE(c.seen.value(s("assignee")).toString(), QString());
    QCOMPARE(c.seen.value(s("status")).toString(), s("new"));
    QCOMPARE(c.theirs.value(s("assignee")).toString(), s("rhys.evans"));
    QCOMPARE(m_cache->item(a)->assignee, s("rhys.evans")); // the cache shows the store's item

    // A cache moved aside (here: one a newer IBC Desk wrote) exports the conflict with the unsent
    // commands: never lost.
    const QString path = m_cache->path();
    m_observer.reset();
    m_cache.reset();
    sqlite::Database(path).exec("PRAGMA user_version = 99");
    CacheOpenReport report;
    m_cache = Cache::open(path, &report, m_clock);
    m_observer = std::make_unique<sqlite::Database>(path, sqlite::Database::Mode::ReadOnly);
    QCOMPARE(report.problem, CacheOpenReport::Problem::Newer);
    QCOMPARE(report.exportedCommands, 1);
    QFile exported(report.exportedTo);
    QVERIFY(exported.open(QIODevice::ReadOnly));
    const QJsonObject line = QJsonDocument::fromJson(exported.readLine()).object();
    QCOMPARE(line.value(s("id")).toString(), claim.id);
    QCOMPARE(line.value(s("refused_by_store")).toString(), s("Someone else has taken this item."));
    QCOMPARE(m_cache->conflictCount(), 0); // a fresh cache in its place
}

void TestCache::discardedConflictIsGone()
{
    const User &sam = user(s("sam.patel"));
    const Command claim = Command::make(CommandType::Claim, m_items[0].item.id, 0, sam.username, kNow);
    QVERIFY(m_cache->execute(claim, sam).applied);
    m_cache->commandRefused(claim.id, Conflict::Kind::Rejected, s("not_visible"), s("gone"), std::nullopt);
    QCOMPARE(m_cache->item(m_items[0].item.id)->assignee, s("sam.patel")); // no item from the store: kept
    const Conflict c = m_cache->conflicts().front();
    m_cache->discardConflict(c.row);
    QCOMPARE(m_cache->conflictCount(), 0);
    QVERIFY(!m_cache->hasConflict(m_items[0].item.id));
}

void TestCache::aRetryAndItsConflictGoTogetherOrNotAtAll()
{
    // Sam's claim was refused; the store's item is unassigned again (version 3), so a retry can claim it.
    const User &sam = user(s("sam.patel"));
    const QString a = m_items[0].item.id;
    const Command claim = Command::make(CommandType::Claim, a, 0, sam.username, kNow);
    QVERIFY(m_cache->execute(claim, sam).applied);
    GeneratedItem theirs = m_items[0];
    theirs.item.version = 3;
    m_cache->commandRefused(claim.id, Conflict::Kind::Conflict, s("stale"), s("The item changed."), theirs);
    const Conflict c = m_cache->conflicts().front();
    const Command retry = Command::make(CommandType::Claim, a, 3, sam.username, kNow + 60);

    // The second half fails (as a full disk would): nothing of the first half is kept.
    {
        sqlite::Database db(m_cache->path());
        db.exec("CREATE TRIGGER fail_discard BEFORE DELETE ON conflicts BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    }
    QVERIFY_THROWS_EXCEPTION(sqlite::Error, m_cache->retryConflict(c.row, retry, sam));
    QCOMPARE(m_cache->outboxCount(), 0);
    QCOMPARE(m_cache->conflictCount(), 1);
    QCOMPARE(m_cache->item(a)->version, 3);
    QCOMPARE(m_cache->item(a)->assignee, QString());
    QCOMPARE(m_cache->events(a).size(), theirs.events.size());

    // Fixed: the retry is made and the conflict goes, once.
    sqlite::Database(m_cache->path()).exec("DROP TRIGGER fail_discard");
    QVERIFY(m_cache->retryConflict(c.row, retry, sam).applied);
    QCOMPARE(m_cache->outboxCount(), 1);
    QCOMPARE(m_cache->conflictCount(), 0);
    QCOMPARE(m_cache->item(a)->assignee, sam.username);
    // Retried again (a second window on the same conflict): refused, and nothing sent twice.
    const Command again = Command::make(CommandType::Release, a, 4, sam.username, kNow + 120);
    const CommandResult twice = m_cache->retryConflict(c.row, again, sam);
    QVERIFY(!twice.applied);
    QVERIFY2(twice.message.contains(s("already")), qPrintable(twice.message));
    QCOMPARE(m_cache->outboxCount(), 1);
    QCOMPARE(m_cache->item(a)->assignee, sam.username);
}

void TestCache::nextItemTakesALapsedClaimButNeverALeasedOne()
{
    // Only claimed items, all due before any of the fixture's: one leased to Chloe for another
    // hour, one whose lease ran out a minute ago, one claimed by a team leader's assignment.
    GeneratedItem leased = makeItem(21, Kind::HrChange, s("OCC"), Status::Assigned, m_chloe, kNow - 3 * kDay);
    leased.item.leaseUntil = kNow + 3600;
    GeneratedItem lapsed = makeItem(22, Kind::HrChange, s("OCC"), Status::Assigned, m_chloe, kNow - 2 * kDay);
    lapsed.item.leaseUntil = kNow - 60;
    GeneratedItem assigned = makeItem(23, Kind::HrChange, s("OCC"), Status::Assigned, m_chloe, kNow - 4 * kDay);
    m_cache->insertGenerated(std::vector{leased, lapsed, assigned});

    const std::optional<WorkItem> next = m_cache->claimNext(user(s("sam.patel")));
    QVERIFY(next);
    QCOMPARE(next->id, lapsed.item.id);
    QCOMPARE(next->assignee, s("sam.patel"));
    QCOMPARE(next->leaseUntil, kNow + kDefaultClaimLease);
    QCOMPARE(m_cache->item(leased.item.id)->assignee, m_chloe);
    QCOMPARE(m_cache->item(assigned.item.id)->assignee, m_chloe);
    // The leased one is refused by hand too, with the time its lease ends.
    const CommandResult r =
        m_cache->execute(Command::make(CommandType::Claim, leased.item.id, leased.item.version, s("sam.patel"), kNow),
                         user(s("sam.patel")));
    QVERIFY(!r.applied);
    QCOMPARE(r.refusal, RefusalCode::ClaimedBySomeoneElse);
}

void TestCache::insertsTenThousandGeneratedItems()
{
    DemoGenerator gen(20260316, ibc::test::fixedAnchor());
    std::vector<GeneratedItem> demo;
    demo.reserve(10000);
    std::size_t notes = 0, events = 0;
    for (int i = 0; i < 10000; ++i) {
        demo.push_back(gen.next());
        notes += demo.back().notes.size();
        events += demo.back().events.size();
    }
    const qint64 before = m_cache->itemCount();
    m_cache->insertGenerated(demo);
    QCOMPARE(m_cache->itemCount(), before + 10000);
    QCOMPARE(m_observer->scalar("SELECT count(*) FROM notes WHERE item_id NOT LIKE '00000000-%'"), qint64(notes));
    QCOMPARE(m_observer->scalar("SELECT count(*) FROM events WHERE item_id NOT LIKE '00000000-%'"), qint64(events));
    for (std::size_t i : {std::size_t(0), std::size_t(4999), std::size_t(9999)})
        compareItems(*m_cache->item(demo[i].item.id), demo[i].item);
    // The derived queue columns are filled as the items go in.
    QCOMPARE(m_observer->scalar("SELECT count(*) FROM items WHERE summary = '' AND kind <> 1"), qint64(0));
    QCOMPARE(m_observer->scalar("SELECT count(*) FROM items WHERE kind = 1 AND amount <= 0"), qint64(0));
    // One transaction: a batch with an item already there is refused whole, its new item too.
    const GeneratedItem batch[] = {gen.next(), demo[9990]};
    QVERIFY_THROWS_EXCEPTION(sqlite::Error, m_cache->insertGenerated(batch));
    QVERIFY(!m_cache->item(batch[0].item.id));
    QCOMPARE(m_observer->scalar("SELECT count(*) FROM notes WHERE item_id = '" + batch[0].item.id.toStdString() + "'"),
             qint64(0));
    QCOMPARE(m_cache->itemCount(), before + 10000);
    QCOMPARE(m_observer->scalar("SELECT count(*) FROM items WHERE id = '" + batch[1].item.id.toStdString() + "'"),
             qint64(1));
}

// Applied offline, a resume moves the due time as the store would, by the rules the store last
// sent: here HCC's invoices have five working days. Item 2 arrived at 10:00 on Friday 13 March
// 2026; it waits for information from 10:00 on Monday the 16th to 10:00 on Wednesday the 18th (two
// working days), so its 56 working hours end at 10:00 on Tuesday 24 March.
void TestCache::resumeOfflineMovesTheDueTimeByTheStoresRules()
{
    const SlaRules &defaults = *SlaRules::defaults();
    std::vector<SlaPolicy> policies = defaults.policies();
    policies.push_back({s("HCC"), Kind::Invoice, {}, 5, TargetUnit::WorkingDays, false, 30});
    QString error;
    QVERIFY(m_cache->setSlaRules(SlaRules(defaults.bankHolidays(), {}, policies, {}).toJson(), &error));
    // Rules that cannot be read are refused with the reason, and those in force are kept.
    QJsonObject bad = m_cache->slaRules()->toJson();
    bad.insert(s("policies"), QJsonArray{QJsonObject{{s("kind"), s("invoice")}, {s("target"), s("five days")}}});
    QVERIFY(!m_cache->setSlaRules(bad, &error));
    QVERIFY2(error.contains(s("five days")), qPrintable(error));
    QCOMPARE(m_cache->slaRules()->policy(s("HCC"), Kind::Invoice, s("disputed")).target, 5);

    const QString id = m_items[1].item.id;
    const auto act = [&](CommandType type, EpochSecs at, QJsonObject payload) {
        const Command c = Command::make(type, id, m_cache->item(id)->version, s("sam.patel"), at, payload);
        QVERIFY(m_cache->execute(c, user(s("sam.patel"))).applied);
    };
    act(CommandType::RequestInfo, kNow, {{s("reason"), s("Need the supplier to confirm the price.")}});
    QCOMPARE(m_cache->item(id)->due, m_items[1].item.due); // the clock stops; the due time waits
    act(CommandType::Resume, kNow + 2 * kDay, {});
    QCOMPARE(QDateTime::fromSecsSinceEpoch(m_cache->item(id)->due, Qt::UTC).toString(Qt::ISODate),
             s("2026-03-24T10:00:00Z"));
}

// The store sends newer tables (here: none for 08-99-99); the desk checks with them, now and after
// a restart, and refuses tables it cannot read, keeping those in force.
void TestCache::modulusTablesFromTheStoreAreKeptAndInForceAfterReopening()
{
    WorkItem bank;
    bank.kind = Kind::HrChange;
    bank.subtype = s("bank_details");
    bank.fields = QJsonObject{{s("sort_code"), s("08-99-99")}, {s("account_number"), s("66374959")}};
    QCOMPARE(bankDetailsCheck(bank)->verdict, ModulusVerdict::Invalid); // the shipped tables

    QString error;
    ModulusTables shipped;
    QVERIFY2(ModulusChecker::load(s(":/ibc/vocalink"), &error, &shipped), qPrintable(error));
    QByteArray weights;
    for (const QByteArray &row : shipped.weights.split('\n'))
        if (const QList<QByteArray> f = row.simplified().split(' ');
            f.size() > 1 && !(f[0].toInt() <= 89999 && f[1].toInt() >= 89999))
            weights += row + '\n';
    QVERIFY(!m_cache->setModulusTables(
        QJsonObject{{s("weights"), s("not a table")}, {s("substitutions"), QString::fromLatin1(shipped.substitutions)}},
        &error));
    QVERIFY2(error.contains(s("valacdos.txt, line 1")), qPrintable(error));
    QCOMPARE(bankDetailsCheck(bank)->verdict, ModulusVerdict::Invalid);

    QVERIFY2(m_cache->setModulusTables(QJsonObject{{s("weights"), QString::fromLatin1(weights)},
                                                   {s("substitutions"), QString::fromLatin1(shipped.substitutions)}},
                                       &error),
             qPrintable(error));
    QCOMPARE(bankDetailsCheck(bank)->verdict, ModulusVerdict::NotCheckable);

    const QString path = m_cache->path();
    m_cache.reset();
    ModulusChecker::setCurrent(nullptr); // a new process: the shipped tables, until the cache opens
    QCOMPARE(bankDetailsCheck(bank)->verdict, ModulusVerdict::Invalid);
    m_cache = Cache::open(path, nullptr, m_clock);
    QCOMPARE(bankDetailsCheck(bank)->verdict, ModulusVerdict::NotCheckable);
    ModulusChecker::setCurrent(nullptr);
}

QTEST_GUILESS_MAIN(TestCache)
#include "tst_cache.moc"
