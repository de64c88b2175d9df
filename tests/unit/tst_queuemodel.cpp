// The queue table over a demo cache of 20,000 items, checked by QAbstractItemModelTester at every
// step: each filter shows exactly the items an independent SQL query over the items' own fields
// finds, each sortable column really orders the rows both ways, a dashboard's drill-down shows just
// its items, and the table follows the cache after a command.
#include "cache/Cache.h"
#include "domain/Fields.h"
#include "domain/Partner.h"
#include "itemmodels/QueueModel.h"
#include "sqlite/Sqlite.h"
#include "TestSupport.h"

#include <QAbstractItemModelTester>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <map>
#include <set>

using namespace ibc::models;

Q_DECLARE_METATYPE(ibc::models::QueueFilter)

namespace {

QString s(const char *text) { return QString::fromUtf8(text); }

constexpr int kItems = 20000;
const EpochSecs kNow = ibc::test::fixedAnchor() + 10 * 3600;

std::string quoted(const QString &text)
{
    return "'" + QString(text).replace(QLatin1Char('\''), QLatin1String("''")).toStdString() + "'";
}

// What the queue's free text means, written out over the item's own fields rather than the
// search column the cache derives from them.
std::string textCondition(const QString &typed)
{
    const std::string t = quoted(typed.trimmed().toLower());
    std::string c = "(instr(lower(reference), " + t + ") > 0";
    for (const char *field : {"employee_number", "employee_name", "supplier"})
        c += std::string(" OR instr(lower(coalesce(json_extract(fields, '$.") + field + "'), '')), " + t + ") > 0";
    return c + ")";
}

const std::string kOpen =
    "status NOT IN (" + std::to_string(int(Status::Resolved)) + ", " + std::to_string(int(Status::Closed)) + ")";

// The amount the queue shows, from the item's own fields.
const char *const kAmountSql =
    "CAST(coalesce(CASE kind WHEN 1 THEN json_extract(fields, '$.gross') ELSE json_extract(fields, '$.amount') END, 0) AS INTEGER)";

struct Keys {
    EpochSecs due = 0, received = 0;
    int priority = 0, status = 0;
    QString partner, reference, assignee, id;
    qint64 amount = 0;
};

} // namespace

class TestQueueModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();

    void firstLoadShowsOpenWork();
    void filterShowsExactlyTheMatchingItems_data();
    void filterShowsExactlyTheMatchingItems();
    void sortOrdersTheRows_data();
    void sortOrdersTheRows();
    void columnsThatDoNotSortLeaveTheOrderAlone();
    void cellsShowTheItemsOwnValues();
    void changesInOneTurnMakeOneQuery();
    void typingNarrowsTheQueueOnScreenInItsOrder();
    void drillDownShowsJustItsItemsInTheQueuesOrder_data();
    void drillDownShowsJustItsItemsInTheQueuesOrder();
    void anotherDrillDownIsNotAnsweredFromTheHeldQueue();
    void refreshAfterACommandDropsAClaimedItemFromNewWork();
    void refreshAfterACommandRepaintsInPlace();

private:
    std::vector<qint64> sqlRows(const std::string &where, const char *order = "row");
    static std::vector<qint64> modelRows(const QueueModel &model);
    void loadAndCheck(QueueModel &model);

    QTemporaryDir m_dir;
    QString m_path;
    ManualClock m_clock{kNow};
    std::unique_ptr<Cache> m_cache;
    std::unique_ptr<sqlite::Database> m_sql; // the independent view of the same file
    std::map<qint64, Keys> m_keys;           // by row id
    std::vector<GeneratedItem> m_items;
};

void TestQueueModel::initTestCase()
{
    QLoggingCategory::setFilterRules(s("ibc.cache.info=false"));
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(s("queue.sqlite"));
    m_cache = Cache::open(m_path, nullptr, m_clock);
    m_cache->saveUsers(DemoGenerator::demoUsers());
    DemoGenerator gen(20260316, ibc::test::fixedAnchor());
    m_items.reserve(kItems);
    for (int i = 0; i < kItems; ++i)
        m_items.push_back(gen.next());
    for (int first = 0; first < kItems; first += 5000)
        m_cache->insertGenerated(std::span(m_items).subspan(std::size_t(first), 5000));
    QCOMPARE(m_cache->itemCount(), qint64(kItems));
    m_sql = std::make_unique<sqlite::Database>(m_path, sqlite::Database::Mode::ReadOnly);
}

void TestQueueModel::init()
{
    // A query that fails shows as an empty queue; it must fail the test instead.
    QTest::failOnWarning(QRegularExpression(s("queue query failed|reading queue rows failed")));
    // The keys every check compares with, read afresh: commands change them.
    m_keys.clear();
    sqlite::Statement st =
        m_sql->prepare(std::string("SELECT row, due, received, priority, status, partner, reference, "
                                   "assignee, id, ") +
                       kAmountSql + " FROM items");
    while (st.step())
        m_keys[st.int64(0)] = Keys{st.int64(1), st.int64(2), int(st.int64(3)), int(st.int64(4)), st.text(5),
                                   st.text(6),  st.text(7),  st.text(8),       st.int64(9)};
}

std::vector<qint64> TestQueueModel::sqlRows(const std::string &where, const char *order)
{
    std::vector<qint64> out;
    sqlite::Statement st = m_sql->prepare("SELECT row FROM items WHERE " + where + " ORDER BY " + order);
    while (st.step())
        out.push_back(st.int64(0));
    return out;
}

std::vector<qint64> TestQueueModel::modelRows(const QueueModel &model)
{
    std::vector<qint64> out;
    out.reserve(std::size_t(model.rowCount()));
    for (int r = 0; r < model.rowCount(); ++r)
        out.push_back(model.data(model.index(r, QueueModel::Reference), QueueModel::RowIdRole).toLongLong());
    return out;
}

void TestQueueModel::loadAndCheck(QueueModel &model)
{
    QVERIFY(model.isLoading());
    model.waitUntilLoaded();
    QVERIFY(!model.isLoading());
}

void TestQueueModel::firstLoadShowsOpenWork()
{
    QueueModel model(m_path, m_clock);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy loaded(&model, &QueueModel::queueLoaded);
    loadAndCheck(model);
    QCOMPARE(loaded.size(), 1);
    const auto expected = sqlRows(kOpen);
    QVERIFY(expected.size() > 1000 && expected.size() < std::size_t(kItems));
    QCOMPARE(model.rowCount(), int(expected.size()));
    QCOMPARE(loaded.front().at(0).toInt(), model.rowCount());
    QCOMPARE(model.columnCount(), int(QueueModel::ColumnCount));
    QCOMPARE(model.sortKey(), QueueSort::Due);
    QVERIFY(!model.sortDescending());
    // Due order, earliest first, out of the box.
    const auto rows = modelRows(model);
    for (std::size_t i = 1; i < rows.size(); ++i)
        QVERIFY(m_keys.at(rows[i - 1]).due <= m_keys.at(rows[i]).due);
}

void TestQueueModel::filterShowsExactlyTheMatchingItems_data()
{
    QTest::addColumn<QueueFilter>("filter");
    QTest::addColumn<QString>("where"); // the same question, asked of SQL directly
    QTest::addColumn<int>("atLeast");   // so that a filter that matches nothing cannot pass by accident

    auto open = [](const std::string &more) { return QString::fromStdString(kOpen + " AND " + more); };
    auto row = [](const char *name, QueueFilter f, const QString &where, int atLeast) {
        QTest::addRow("%s", name) << f << where << atLeast;
    };
    QueueFilter f;
    row("open work, the default", f, QString::fromStdString(kOpen), 1000);
    f.scope = QueueFilter::Scope::Everything;
    row("everything", f, s("1"), kItems);

    for (Kind k : kAllKinds) {
        QueueFilter byKind;
        byKind.kind = k;
        row(qPrintable(s("open ") + kindPluralLabel(k)), byKind, open("kind = " + std::to_string(int(k))), 100);
    }
    for (const char *p : {"HCC", "OCC", "OPCC", "WCC"}) {
        QueueFilter byPartner;
        byPartner.partner = QLatin1String(p);
        row(qPrintable(s("open work at ") + QLatin1String(p)), byPartner, open("partner = '" + std::string(p) + "'"),
            10);
    }
    for (Status st : {Status::New, Status::AwaitingInfo, Status::Escalated, Status::Reopened, Status::Closed}) {
        QueueFilter byStatus;
        byStatus.status = st;
        row(qPrintable(s("status ") + statusName(st) + s(", whatever the scope")), byStatus,
            QString::fromStdString("status = " + std::to_string(int(st))), 10);
    }
    QueueFilter newAtHcc;
    newAtHcc.status = Status::New;
    newAtHcc.partner = s("HCC");
    newAtHcc.kind = Kind::Invoice;
    row("new invoices at HCC", newAtHcc, s("status = 0 AND partner = 'HCC' AND kind = 1"), 10);

    QueueFilter mine;
    mine.scope = QueueFilter::Scope::MyWork;
    mine.user = s("sam.patel");
    row("my work as sam.patel", mine, open("assignee = 'sam.patel'"), 10);
    mine.user = s("alex.morgan");
    row("my work as an auditor, who holds none", mine, open("assignee = 'alex.morgan'"), 0);
    QueueFilter mineAwaiting = mine;
    mineAwaiting.user = s("sam.patel");
    mineAwaiting.status = Status::AwaitingInfo; // a status view shows the status, not just my work
    row("status view from my work", mineAwaiting, s("status = 3"), 10);

    QueueFilter rhys;
    rhys.partners = {s("HCC")};
    row("scope of a caseworker for HCC only", rhys, open("partner IN ('HCC')"), 100);
    QueueFilter london;
    london.partners = {s("LBHF"), s("RBKC"), s("WCC")};
    london.scope = QueueFilter::Scope::Everything;
    row("everything the London team may see", london, s("partner IN ('LBHF', 'RBKC', 'WCC')"), 100);
    QueueFilter outside = london;
    outside.partner = s("HCC");
    row("a partner outside the user's scope shows nothing", outside, s("0"), 0);

    // Free text over reference, employee number, name and supplier; taken from the demo data
    // itself so that each matches something.
    DemoGenerator gen(20260316, ibc::test::fixedAnchor());
    QString reference, employeeNumber, name, supplier;
    for (int i = 0; i < 500; ++i) {
        const WorkItem it = gen.next().item;
        if (i == 41)
            reference = it.reference;
        if (employeeNumber.isEmpty() && it.kind == Kind::PayrollException)
            employeeNumber = it.employeeNumber();
        if (name.isEmpty() && it.kind == Kind::HrChange && i > 100)
            name = it.personName();
        if (supplier.isEmpty() && it.kind == Kind::Invoice && it.supplier().size() > 12)
            supplier = it.supplier();
    }
    auto text = [&](const char *what, const QString &typed, QueueFilter::Scope scope, int atLeast) {
        QueueFilter t;
        t.scope = scope;
        t.text = typed;
        const std::string scopeSql = scope == QueueFilter::Scope::Open ? kOpen + " AND " : std::string();
        row(qPrintable(QString::fromUtf8(what) + s(": ") + typed), t,
            QString::fromStdString(scopeSql + textCondition(typed)), atLeast);
    };
    using Sc = QueueFilter::Scope;
    text("a reference", reference, Sc::Everything, 1);
    text("a reference in lower case, with spaces around", s("  ") + reference.toLower() + s(" "), Sc::Everything, 1);
    text("the start of many references", reference.left(6), Sc::Everything, 100);
    text("an employee number", employeeNumber, Sc::Everything, 1);
    text("an employee number in open work", employeeNumber, Sc::Open, 0);
    text("a person's full name", name, Sc::Everything, 1);
    text("a surname", name.section(QLatin1Char(' '), 1), Sc::Everything, 20);
    text("a supplier", supplier, Sc::Everything, 1);
    text("part of a supplier's name, in lower case", supplier.mid(3, 8).toLower(), Sc::Everything, 1);
    text("two letters, too short for the index", s("ow"), Sc::Everything, 100);
    text("one digit", s("7"), Sc::Open, 100);
    text("a name with an apostrophe", s("O'Brien"), Sc::Everything, 10);
    text("search syntax in a supplier's name", s("(oxford)"), Sc::Everything, 1);
    text("a slash", s("t/as"), Sc::Everything, 1);
    text("a double quote", s("say \"hello"), Sc::Everything, 0);
    text("search operators", s("smith OR jones"), Sc::Everything, 0);
    text("a star", s("smi*"), Sc::Everything, 0);
    text("letters beyond ASCII", s("Łukasz Żółć"), Sc::Everything, 0);
    text("something nobody wrote", s("qqqzzzxxx"), Sc::Everything, 0);

    QueueFilter combined;
    combined.kind = Kind::Invoice;
    combined.partner = s("OCC");
    combined.text = s("ltd");
    row("text with a kind and a partner", combined, open("kind = 1 AND partner = 'OCC' AND " + textCondition(s("ltd"))),
        10);
}

void TestQueueModel::filterShowsExactlyTheMatchingItems()
{
    QFETCH(QueueFilter, filter);
    QFETCH(QString, where);
    QFETCH(int, atLeast);

    QueueModel model(m_path, m_clock);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.waitUntilLoaded();
    model.setFilter(filter);
    QCOMPARE(model.filter(), filter);
    if (!(filter == QueueFilter{}))
        loadAndCheck(model);

    const auto expected = sqlRows(where.toStdString());
    QVERIFY2(int(expected.size()) >= atLeast, qPrintable(QStringLiteral("only %1 items match").arg(expected.size())));
    QCOMPARE(model.rowCount(), int(expected.size()));
    std::vector<qint64> shown = modelRows(model);
    std::sort(shown.begin(), shown.end());
    QCOMPARE(shown, expected); // the same items, not just as many
}

void TestQueueModel::sortOrdersTheRows_data()
{
    QTest::addColumn<int>("column");
    QTest::addColumn<bool>("descending");
    QTest::addColumn<bool>("everything");
    const QueueModel headers(m_path, m_clock);
    for (int c = 0; c < QueueModel::ColumnCount; ++c) {
        if (!QueueModel::sortable(c))
            continue;
        const QString name = headers.headerData(c, Qt::Horizontal).toString();
        for (const bool desc : {false, true}) {
            QTest::addRow(
                "%s", qPrintable(s("by ") + name + (desc ? s(", descending") : s(", ascending")) + s(", open work")))
                << c << desc << false;
            QTest::addRow(
                "%s", qPrintable(s("by ") + name + (desc ? s(", descending") : s(", ascending")) + s(", everything")))
                << c << desc << true;
        }
    }
}

void TestQueueModel::sortOrdersTheRows()
{
    QFETCH(int, column);
    QFETCH(bool, descending);
    QFETCH(bool, everything);

    QueueModel model(m_path, m_clock);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QueueFilter f;
    if (everything)
        f.scope = QueueFilter::Scope::Everything;
    model.setFilter(f);
    model.sort(column, descending ? Qt::DescendingOrder : Qt::AscendingOrder);
    loadAndCheck(model);
    QCOMPARE(model.sortDescending(), descending);

    const std::vector<qint64> rows = modelRows(model);
    std::vector<qint64> sorted = rows;
    std::sort(sorted.begin(), sorted.end());
    QCOMPARE(sorted, sqlRows(everything ? "1" : kOpen)); // the same items, reordered

    // The column's own value, from the cache's rows as SQL reads them; ties are allowed.
    auto key = [&](qint64 row) -> QVariant {
        const Keys &k = m_keys.at(row);
        switch (column) {
        case QueueModel::Sla:
        case QueueModel::Due: return k.due;
        case QueueModel::Received: return k.received;
        case QueueModel::Priority: return k.priority;
        case QueueModel::Status: return k.status;
        case QueueModel::Amount: return k.amount;
        case QueueModel::Partner: return k.partner;
        case QueueModel::Reference: return k.reference;
        case QueueModel::Assignee: return k.assignee;
        }
        return {};
    };
    std::set<QString> distinct;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const QVariant here = key(rows[i]);
        QVERIFY2(here.isValid(), "no key for this column");
        distinct.insert(here.toString());
        if (i == 0)
            continue;
        const QVariant before = key(rows[i - 1]);
        const QPartialOrdering order = QVariant::compare(before, here);
        const bool inOrder = descending ? order != QPartialOrdering::Less : order != QPartialOrdering::Greater;
        QVERIFY2(inOrder, qPrintable(QStringLiteral("row %1 (%2) then row %3 (%4)")
                                         .arg(i - 1)
                                         .arg(before.toString())
                                         .arg(i)
                                         .arg(here.toString())));
    }
    QVERIFY2(distinct.size() > 3, "the order was not put to the test");

    // What the cells show follows the order too.
    const int shownColumn = column == QueueModel::Sla ? QueueModel::Due : column;
    for (int r = 1; r < std::min(model.rowCount(), 400); ++r) {
        const QModelIndex a = model.index(r - 1, shownColumn), b = model.index(r, shownColumn);
        switch (column) {
        case QueueModel::Reference:
        case QueueModel::Partner:
        case QueueModel::Assignee: {
            const QString x = a.data().toString(), y = b.data().toString();
            QVERIFY2(descending ? x >= y : x <= y, qPrintable(x + s(" then ") + y));
            break;
        }
        case QueueModel::Status:
        case QueueModel::Priority: {
            const int role = column == QueueModel::Status ? QueueModel::StatusRole : QueueModel::PriorityRole;
            const int x = a.data(role).toInt(), y = b.data(role).toInt();
            QVERIFY(descending ? x >= y : x <= y);
            break;
        }
        default: break;
        }
    }

    // Asking again gives the same order: the view does not shuffle rows that tie.
    model.sort(column == QueueModel::Due ? QueueModel::Reference : QueueModel::Due);
    model.waitUntilLoaded();
    model.sort(column, descending ? Qt::DescendingOrder : Qt::AscendingOrder);
    model.waitUntilLoaded();
    QVERIFY(modelRows(model) == rows);
}

void TestQueueModel::columnsThatDoNotSortLeaveTheOrderAlone()
{
    QueueModel model(m_path, m_clock);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.sort(QueueModel::Received, Qt::DescendingOrder);
    model.waitUntilLoaded();
    const auto before = modelRows(model);
    for (int c : {int(QueueModel::Type), int(QueueModel::Summary)}) {
        QVERIFY(!QueueModel::sortable(c));
        model.sort(c, Qt::AscendingOrder);
        QVERIFY(!model.isLoading());
        QCOMPARE(model.sortKey(), QueueSort::Received);
        QVERIFY(model.sortDescending());
    }
    for (int c : {int(QueueModel::Sla), int(QueueModel::Due), int(QueueModel::Reference), int(QueueModel::Partner),
                  int(QueueModel::Amount), int(QueueModel::Assignee), int(QueueModel::Status),
                  int(QueueModel::Received), int(QueueModel::Priority)})
        QVERIFY2(QueueModel::sortable(c), qPrintable(QString::number(c)));
    QVERIFY(modelRows(model) == before);
}

void TestQueueModel::cellsShowTheItemsOwnValues()
{
    QueueModel model(m_path, m_clock);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QueueFilter f;
    f.scope = QueueFilter::Scope::Everything;
    model.setFilter(f);
    model.sort(QueueModel::Reference);
    model.setDisplayNames({{s("sam.patel"), s("Sam Patel")}});
    model.waitUntilLoaded();
    QCOMPARE(model.rowCount(), kItems);

    std::map<QString, const WorkItem *> byId;
    for (const auto &g : m_items)
        byId[g.item.id] = &g.item;
    // Rows across page boundaries, the last row, and the first again after many pages were read.
    for (int r : {0, 1, 127, 128, 129, 255, 256, 9999, kItems - 1, 0}) {
        const QString id = model.data(model.index(r, 0), QueueModel::ItemIdRole).toString();
        QCOMPARE(model.itemIdAt(r), id);
        const WorkItem &it = *byId.at(id);
        auto cell = [&](int c) { return model.data(model.index(r, c)).toString(); };
        QCOMPARE(cell(QueueModel::Reference), it.reference);
        QCOMPARE(cell(QueueModel::Partner), it.partner);
        QCOMPARE(cell(QueueModel::Summary), it.summary());
        QCOMPARE(cell(QueueModel::Status), statusLabel(it.status));
        QCOMPARE(cell(QueueModel::Priority), priorityLabel(it.priority));
        QCOMPARE(cell(QueueModel::Type), subtypeLabel(it.subtype));
        QCOMPARE(cell(QueueModel::Amount), it.amountPence() ? formatPence(it.amountPence()) : QString());
        QCOMPARE(cell(QueueModel::Assignee), it.assignee == QLatin1String("sam.patel") ? s("Sam Patel") : it.assignee);
        QCOMPARE(model.data(model.index(r, 0), QueueModel::StatusRole).toInt(), int(it.status));
        QCOMPARE(model.data(model.index(r, QueueModel::Partner), Qt::ToolTipRole).toString(), partnerName(it.partner));
        QVERIFY(!cell(QueueModel::Due).isEmpty());
        QVERIFY(!cell(QueueModel::Sla).isEmpty());
        const qint64 rowId = model.data(model.index(r, 0), QueueModel::RowIdRole).toLongLong();
        QCOMPARE(model.rowOf(rowId), r);
    }
    QCOMPARE(model.data(model.index(0, 0), QueueModel::ItemIdRole).toString(),
             m_items.front().item.id); // HR-0000001 sorts first
    QVERIFY(!model.data(model.index(kItems, 0)).isValid());
    QCOMPARE(model.rowOf(-5), -1);
}

void TestQueueModel::changesInOneTurnMakeOneQuery()
{
    QueueModel model(m_path, m_clock);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.waitUntilLoaded();
    QSignalSpy loaded(&model, &QueueModel::queueLoaded);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

    // A view and an order restored at start-up: several changes, one query, the newest wins.
    QueueFilter first;
    first.kind = Kind::Invoice;
    model.setFilter(first);
    model.sort(QueueModel::Amount, Qt::DescendingOrder);
    QueueFilter last;
    last.kind = Kind::PayrollException;
    last.partner = s("HCC");
    model.setFilter(last);
    QVERIFY(model.isLoading());
    model.waitUntilLoaded();
    QCOMPARE(loaded.size(), 1);
    QCOMPARE(resets.size(), 1);

    const auto expected = sqlRows(kOpen + " AND kind = 2 AND partner = 'HCC'");
    QCOMPARE(model.rowCount(), int(expected.size()));
    QCOMPARE(loaded.front().at(0).toInt(), int(expected.size()));
    const auto rows = modelRows(model);
    for (std::size_t i = 1; i < rows.size(); ++i)
        QVERIFY(m_keys.at(rows[i - 1]).amount >= m_keys.at(rows[i]).amount);

    // Setting the same filter again asks nothing.
    model.setFilter(last);
    QVERIFY(!model.isLoading());
}

// The quick filter narrows the queue already read (QueueReader keeps it) instead of querying
// afresh. The rows and their order must be exactly a fresh query's, also after a command changed
// the cache between the two.
void TestQueueModel::typingNarrowsTheQueueOnScreenInItsOrder()
{
    const auto freshQuery = [&](const QueueFilter &f, QueueSort sort, bool descending) {
        return QueueReader(m_path).rowIds(f, sort, descending); // nothing held: the SQL path
    };
    QueueModel model(m_path, m_clock);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.waitUntilLoaded();
    QueueFilter base;
    base.partner = s("HCC");
    const QString surname =
        m_items.front().item.fields.value(s("employee_name")).toString().section(QLatin1Char(' '), 1);
    for (const auto &[column, order, sort] : {std::tuple{QueueModel::Due, Qt::AscendingOrder, QueueSort::Due},
                                              std::tuple{QueueModel::Amount, Qt::DescendingOrder, QueueSort::Amount}}) {
        model.setFilter(base);
        model.sort(column, order);
        model.waitUntilLoaded();
        for (const QString &typed : {s("ltd"), surname, s("inv"), s("qqqzzz")}) {
            QueueFilter f = base;
            f.text = typed;
            model.setFilter(f);
            loadAndCheck(model);
            QCOMPARE(modelRows(model), freshQuery(f, sort, order == Qt::DescendingOrder));
        }
    }

    // A new item between reading the queue and typing: the held queue is stale and not used.
    model.setFilter(base);
    model.waitUntilLoaded();
    GeneratedItem added = m_items.front();
    added.item.id = s("0b9ad1e4-6a53-4f0e-9c38-qqqzzz000001");
    added.item.reference = s("QQQZZZ-1");
    added.item.partner = s("HCC");
    added.item.status = Status::New;
    added.item.assignee.clear();
    added.notes.clear();
    added.events.clear();
    m_cache->insertGenerated(std::span(&added, 1));
    QueueFilter f = base;
    f.text = s("qqqzzz");
    model.setFilter(f);
    loadAndCheck(model);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(modelRows(model), freshQuery(f, QueueSort::Amount, true));
}

void TestQueueModel::drillDownShowsJustItsItemsInTheQueuesOrder_data()
{
    QTest::addColumn<QueueFilter>("filter"); // the view the drill-down is set on, without its rows
    QTest::addColumn<int>("column");
    QTest::addColumn<bool>("descending");
    QTest::addColumn<QString>("where"); // which of the given items it shows, asked of SQL directly
    QTest::addColumn<int>("atLeast");

    const QueueFilter open;
    QTest::newRow("by due: open, resolved and closed alike") << open << int(QueueModel::Due) << false << s("1") << 3000;
    QTest::newRow("by reference, descending") << open << int(QueueModel::Reference) << true << s("1") << 3000;
    QueueFilter typed;
    typed.text = s("ltd");
    QTest::newRow("by amount, descending, narrowed by text")
        << typed << int(QueueModel::Amount) << true << QString::fromStdString(textCondition(typed.text)) << 50;
    typed.text = s("ow");
    QTest::newRow("by assignee, narrowed by two letters, too short for the index")
        << typed << int(QueueModel::Assignee) << false << QString::fromStdString(textCondition(typed.text)) << 50;
    QueueFilter scoped;
    scoped.partners = {s("HCC"), s("OCC")};
    QTest::newRow("by status: the user's partners still apply")
        << scoped << int(QueueModel::Status) << false << s("partner IN ('HCC', 'OCC')") << 200;
    scoped.text = s("ltd");
    QTest::newRow("by partner, descending: the user's partners and text")
        << scoped << int(QueueModel::Partner) << true
        << QString::fromStdString("partner IN ('HCC', 'OCC') AND " + textCondition(scoped.text)) << 10;
    QueueFilter view;
    view.scope = QueueFilter::Scope::MyWork;
    view.user = s("sam.patel");
    view.kind = Kind::Invoice;
    view.partner = s("HCC");
    view.status = Status::InProgress;
    QTest::newRow("by received: the view's scope, kind, partner and status do not narrow it")
        << view << int(QueueModel::Received) << false << s("1") << 3000;
}

void TestQueueModel::drillDownShowsJustItsItemsInTheQueuesOrder()
{
    QFETCH(QueueFilter, filter);
    QFETCH(int, column);
    QFETCH(bool, descending);
    QFETCH(QString, where);
    QFETCH(int, atLeast);

    // Every fifth item, in no order, with one of them given twice and a row that is not in the cache.
    auto given = std::make_shared<std::vector<qint64>>();
    for (const auto &[row, keys] : m_keys)
        if (row % 5 == 0)
            given->push_back(row);
    std::reverse(given->begin(), given->end());
    given->push_back(given->back());
    given->push_back(10 * qint64(kItems));
    filter.rows = given;

    QueueModel model(m_path, m_clock);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.waitUntilLoaded();
    model.setFilter(filter);
    model.sort(column, descending ? Qt::DescendingOrder : Qt::AscendingOrder);
    loadAndCheck(model);

    // Exactly the given items that the text and the user's partners let through, each once.
    const auto expected = sqlRows("row % 5 = 0 AND " + where.toStdString());
    QVERIFY2(int(expected.size()) >= atLeast, qPrintable(QStringLiteral("only %1 items match").arg(expected.size())));
    const std::vector<qint64> shown = modelRows(model);
    std::vector<qint64> sorted = shown;
    std::sort(sorted.begin(), sorted.end());
    QCOMPARE(sorted, expected);

    // In the queue's own order, ties and all: the whole queue's, with the other items left out.
    QueueFilter everything;
    everything.scope = QueueFilter::Scope::Everything;
    everything.text = filter.text;
    everything.partners = filter.partners;
    const std::set<qint64> givenSet(given->begin(), given->end());
    std::vector<qint64> inOrder;
    for (qint64 row : QueueReader(m_path).rowIds(everything, model.sortKey(), descending))
        if (givenSet.count(row))
            inOrder.push_back(row);
    QVERIFY(modelRows(model) == inOrder);
}

// Typing in the quick filter narrows the held queue when the filter is otherwise the same; a
// drill-down's rows are part of that sameness, so another row set must be read afresh.
void TestQueueModel::anotherDrillDownIsNotAnsweredFromTheHeldQueue()
{
    // Two drill-downs of about as many items, none in common.
    const auto everyThird = [&](qint64 remainder) {
        auto rows = std::make_shared<std::vector<qint64>>();
        for (const auto &[row, keys] : m_keys)
            if (row % 3 == remainder)
                rows->push_back(row);
        return rows;
    };
    QueueFilter first, second;
    first.rows = everyThird(0);
    second.rows = everyThird(1);
    QueueFilter sameRows;
    sameRows.rows = std::make_shared<const std::vector<qint64>>(*first.rows);

    // A filter's rows compare by their vector: a copy asks the same; other rows, or the same rows
    // in another vector, ask afresh.
    QVERIFY(first == QueueFilter(first));
    QVERIFY(!(first == second));
    QVERIFY(!(first == sameRows));
    QVERIFY(!(first == QueueFilter{}));

    const auto fresh = [&](const QueueFilter &f) { return QueueReader(m_path).rowIds(f, QueueSort::Due, false); };
    QueueReader reader(m_path);
    QCOMPARE(reader.rowIds(first, QueueSort::Due, false), fresh(first)); // held
    QueueFilter typed = first;
    typed.text = s("ltd");
    QCOMPARE(reader.rowIds(typed, QueueSort::Due, false), fresh(typed)); // narrowed from the held queue
    typed.rows = second.rows;
    const std::vector<qint64> secondTyped = reader.rowIds(typed, QueueSort::Due, false);
    QVERIFY(secondTyped.size() > 10);
    QCOMPARE(secondTyped, fresh(typed));
    for (qint64 row : secondTyped)
        QCOMPARE(row % 3, 1);

    // The table asks again for another drill-down, and not for the same one.
    QueueModel model(m_path, m_clock);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setFilter(first);
    model.waitUntilLoaded();
    QCOMPARE(model.rowCount(), int(first.rows->size()));
    model.setFilter(QueueFilter(first));
    QVERIFY(!model.isLoading());
    model.setFilter(second);
    loadAndCheck(model);
    std::vector<qint64> shown = modelRows(model);
    std::sort(shown.begin(), shown.end());
    QCOMPARE(shown, *second.rows);
}

void TestQueueModel::refreshAfterACommandDropsAClaimedItemFromNewWork()
{
    QueueModel model(m_path, m_clock);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QueueFilter newWork;
    newWork.status = Status::New;
    model.setFilter(newWork);
    model.waitUntilLoaded();
    QueueModel mine(m_path, m_clock);
    QAbstractItemModelTester mineTester(&mine, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QueueFilter myWork;
    myWork.scope = QueueFilter::Scope::MyWork;
    myWork.user = s("sam.patel");
    mine.setFilter(myWork);
    mine.waitUntilLoaded();

    const int newBefore = model.rowCount(), mineBefore = mine.rowCount();
    QVERIFY(newBefore > 10);
    const qint64 rowId = model.data(model.index(0, 0), QueueModel::RowIdRole).toLongLong();
    const QString id = model.itemIdAt(0);
    const User sam = DemoGenerator::demoUsers().front();
    m_clock.advance(60);
    const CommandResult r =
        m_cache->execute(Command::make(CommandType::Claim, id, 1, sam.username, m_clock.now()), sam);
    QVERIFY2(r.applied, qPrintable(r.message));

    // Nothing moves until asked.
    QCOMPARE(model.rowCount(), newBefore);
    model.refresh();
    mine.refresh();
    loadAndCheck(model);
    loadAndCheck(mine);
    QCOMPARE(model.rowCount(), newBefore - 1);
    QCOMPARE(model.rowCount(), int(sqlRows("status = 0").size()));
    QCOMPARE(model.rowOf(rowId), -1);
    QCOMPARE(mine.rowCount(), mineBefore + 1);
    QVERIFY(mine.rowOf(rowId) >= 0);
    QCOMPARE(mine.data(mine.index(mine.rowOf(rowId), QueueModel::Status)).toString(), statusLabel(Status::Assigned));
}

void TestQueueModel::refreshAfterACommandRepaintsInPlace()
{
    QueueModel model(m_path, m_clock);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QueueFilter f;
    f.scope = QueueFilter::Scope::Everything;
    model.setFilter(f);
    model.sort(QueueModel::Reference);
    model.waitUntilLoaded();

    // An item on a page already read, and new: sam claims it, and the row must say so.
    int row = -1;
    for (int r = 0; r < model.rowCount() && row < 0; ++r)
        if (model.data(model.index(r, 0), QueueModel::StatusRole).toInt() == int(Status::New))
            row = r;
    QVERIFY(row >= 0);
    QCOMPARE(model.data(model.index(row, QueueModel::Assignee)).toString(), QString());
    const QString id = model.itemIdAt(row);
    const auto before = modelRows(model);

    const User sam = DemoGenerator::demoUsers().front();
    QVERIFY(m_cache->execute(Command::make(CommandType::Claim, id, 1, sam.username, m_clock.now()), sam).applied);
    QVERIFY(m_cache->execute(Command::make(CommandType::Start, id, 1, sam.username, m_clock.now()), sam).applied);

    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.refresh();
    loadAndCheck(model);
    // The same rows in the same order: repainted, not reset, so the selection and scroll stay.
    QCOMPARE(resets.size(), 0);
    QCOMPARE(changed.size(), 1);
    QVERIFY(modelRows(model) == before);
    QCOMPARE(model.itemIdAt(row), id);
    QCOMPARE(model.data(model.index(row, QueueModel::Assignee)).toString(), s("sam.patel"));
    QCOMPARE(model.data(model.index(row, QueueModel::Status)).toString(), statusLabel(Status::InProgress));
}

QTEST_GUILESS_MAIN(TestQueueModel)
#include "tst_queuemodel.moc"
