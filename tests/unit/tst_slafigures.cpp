// The team leader's dashboard figures, read from a real cache: hand-made histories whose answers are
// worked out here (weeks and months in London time, working days across weekends, bank holidays and
// the clock change), and a demo cache whose figures are counted again in plain C++ from the
// generated items themselves. Every figure computed here is also drilled into: each of its numbers'
// rows are as many as the number says (see TestSlaFigures::compute), and some are listed item by
// item.
#include "cache/Cache.h"
#include "cache/DemoLoad.h"
#include "cache/SlaFigures.h"
#include "domain/Partner.h"
#include "sqlite/Sqlite.h"
#include "TestSupport.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <algorithm>
#include <map>

using namespace ibc::models;
using ibc::test::kDay;

Q_DECLARE_METATYPE(ibc::models::Kind)
Q_DECLARE_METATYPE(ibc::models::Status)

namespace {

constexpr qint64 kHour = 3600;

QString s(const char *text) { return QString::fromUtf8(text); }

// A moment given in UTC, and one given on London's clocks (GMT in winter, BST from 29 March 2026).
EpochSecs utc(int y, int mo, int d, int h = 0, int mi = 0, int sec = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, sec), QTimeZone::utc()).toSecsSinceEpoch();
}
EpochSecs london(int y, int mo, int d, int h = 0, int mi = 0, int sec = 0)
{
    return QDateTime(QDate(y, mo, d), QTime(h, mi, sec), QTimeZone("Europe/London")).toSecsSinceEpoch();
}

// Wednesday 18 March 2026, 10:00 GMT: its week began on Monday 16 March.
const EpochSecs kNow = utc(2026, 3, 18, 10);
// Wednesday 8 April 2026, 10:00 BST: after the clock change and the Easter bank holidays (3 and 6 April).
const EpochSecs kSummerNow = london(2026, 4, 8, 10);

// A floor caseworker of the demo's (the team for HCC, OCC and HIWFRS), with a display name.
const User &oliverUser()
{
    static const User user = [] {
        for (const User &u : DemoGenerator::demoUsers())
            if (u.role == Role::Caseworker && u.partners == QStringList{s("HCC"), s("OCC"), s("HIWFRS")})
                return u;
        return User{};
    }();
    return user;
}
QString oliver() { return oliverUser().username; }

// One item's history, told step by step; the item ends in the status and with the holder the
// story reached.
class Story {
public:
    Story(int n, Kind kind, const QString &partner, EpochSecs received)
    {
        static const char *const prefixes[] = {"HR", "INV", "PAY"};
        static const char *const subtypesFor[] = {"leaver", "price_mismatch", "overpayment"};
        WorkItem &it = m_g.item;
        it.id = QStringLiteral("00000000-0000-4000-8000-%1").arg(n, 12, 10, QLatin1Char('0'));
        it.reference = QStringLiteral("%1-%2").arg(QLatin1String(prefixes[int(kind)])).arg(n, 7, 10, QLatin1Char('0'));
        it.kind = kind;
        it.subtype = QLatin1String(subtypesFor[int(kind)]);
        it.partner = partner;
        it.received = received;
        it.due = received + 5 * kDay;
        m_g.events.push_back(Event{it.id, received, s("intake.portal"), s("received"), Status::New, Status::New, {}});
    }

    Story &due(EpochSecs due) { return m_g.item.due = due, *this; }
    Story &claim(EpochSecs at, const QString &who)
    {
        m_g.item.assignee = who;
        return step(at, "claim", Status::Assigned, who);
    }
    Story &start(EpochSecs at) { return step(at, "start", Status::InProgress, m_g.item.assignee); }
    Story &requestInfo(EpochSecs at, const QString &reason = {})
    {
        return step(at, "request_info", Status::AwaitingInfo, m_g.item.assignee, reason);
    }
    Story &resume(EpochSecs at) { return step(at, "resume", Status::InProgress, m_g.item.assignee); }
    Story &escalate(EpochSecs at, const QString &reason = {})
    {
        return step(at, "escalate", Status::Escalated, m_g.item.assignee, reason);
    }
    Story &resolve(EpochSecs at, const QString &who = {})
    {
        return step(at, "resolve", Status::Resolved, who.isEmpty() ? m_g.item.assignee : who);
    }
    Story &close(EpochSecs at) { return step(at, "approve", Status::Closed, s("priya.shah")); }
    Story &reopen(EpochSecs at) { return step(at, "reopen", Status::Reopened, s("priya.shah")); }
    // Sent back by a team leader: resolved work back in progress.
    Story &reject(EpochSecs at, const QString &reason)
    {
        return step(at, "reject", Status::InProgress, s("priya.shah"), reason);
    }
    Story &note(EpochSecs at, const QString &text = s("Noted."))
    {
        m_g.notes.push_back(Note{m_g.item.id, at, m_g.item.assignee, text});
        return step(at, "add_note", m_status, m_g.item.assignee);
    }
    Story &reassign(const QString &who) { return m_g.item.assignee = who, *this; }
    // Claimed, started and resolved, an hour apart before `at`, by `who`.
    Story &worked(EpochSecs resolveAt, const QString &who)
    {
        return claim(resolveAt - 2 * kHour, who).start(resolveAt - kHour).resolve(resolveAt);
    }

    GeneratedItem done() const
    {
        GeneratedItem g = m_g;
        g.item.status = m_status;
        g.item.updated = g.events.back().at;
        g.item.version = qint64(g.events.size());
        return g;
    }

private:
    Story &step(EpochSecs at, const char *type, Status to, const QString &actor, const QString &detail = {})
    {
        m_g.events.push_back(Event{m_g.item.id, at, actor, QLatin1String(type), m_status, to, detail});
        m_status = to;
        return *this;
    }

    GeneratedItem m_g;
    Status m_status = Status::New;
};

// An item resolved at `at` by Sam Patel, due at `due`.
GeneratedItem resolvedAt(int n, Kind kind, EpochSecs at, EpochSecs due, const QString &partner = s("HCC"))
{
    return Story(n, kind, partner, at - 3 * kDay).due(due).worked(at, s("sam.patel")).done();
}

// What one row of the weekly-compliance table expects in one week and queue.
struct Cell {
    int week = 0;
    Kind kind = Kind::HrChange;
    int resolved = 0;
    int inTime = 0;
};
using Cells = QList<Cell>;
using Items = std::vector<GeneratedItem>;

// The parts of the dashboard a team leader can click.
DashboardPick weekPick(int week, std::optional<Kind> kind = {})
{
    DashboardPick p;
    p.part = DashboardPick::Part::Week;
    p.index = week;
    p.kind = kind;
    return p;
}
DashboardPick agePick(int band, std::optional<Kind> kind = {}, std::optional<bool> breached = {})
{
    DashboardPick p;
    p.part = DashboardPick::Part::Age;
    p.index = band;
    p.kind = kind;
    p.breached = breached;
    return p;
}
DashboardPick forecastPick(int day)
{
    DashboardPick p;
    p.part = DashboardPick::Part::Forecast;
    p.index = day;
    return p;
}
DashboardPick caseworkerPick(const QString &username)
{
    DashboardPick p;
    p.part = DashboardPick::Part::Caseworker;
    p.name = username;
    return p;
}
DashboardPick partnerPick(const QString &code, bool previous = false)
{
    DashboardPick p;
    p.part = DashboardPick::Part::Partner;
    p.name = code;
    p.previous = previous;
    return p;
}

// A number the dashboard shows, with the pick that asks for the items behind it.
struct Number {
    QString what; // for a failure's message
    DashboardPick pick;
    int figure = 0;
};

// Every number of `f` a team leader can click: each week's resolved work by queue and in all; each
// age band's open work by queue and in all, whole, its breached part and the rest; each forecast
// day's; each caseworker's; each partner's this period and the last.
std::vector<Number> everyNumber(const SlaFigures &f)
{
    const std::optional<Kind> kinds[] = {std::nullopt, Kind::HrChange, Kind::Invoice, Kind::PayrollException};
    const auto kindText = [](std::optional<Kind> k) { return k ? kindName(*k) : s("all queues"); };
    std::vector<Number> out;
    for (int w = 0; w < int(f.weeks.size()); ++w)
        for (const std::optional<Kind> k : kinds) {
            const SlaFigures::Week &week = f.weeks[std::size_t(w)];
            out.push_back({QStringLiteral("week %1, %2").arg(w).arg(kindText(k)), weekPick(w, k),
                           k ? week.byKind[std::size_t(*k)].resolved : week.all().resolved});
        }
    for (int b = 0; b < SlaFigures::kAgeBands; ++b)
        for (const std::optional<Kind> k : kinds)
            for (const std::optional<bool> breached :
                 {std::optional<bool>(), std::optional(true), std::optional(false)}) {
                int open = 0, late = 0;
                for (Kind each : kAllKinds)
                    if (!k || *k == each) {
                        open += f.openByAge[std::size_t(b)][std::size_t(each)].open;
                        late += f.openByAge[std::size_t(b)][std::size_t(each)].breached;
                    }
                out.push_back({QStringLiteral("age band %1, %2, %3")
                                   .arg(b)
                                   .arg(kindText(k))
                                   .arg(!breached   ? s("all")
                                        : *breached ? s("breached")
                                                    : s("not breached")),
                               agePick(b, k, breached),
                               !breached   ? open
                               : *breached ? late
                                           : open - late});
            }
    for (int d = 0; d < int(f.forecast.size()); ++d)
        out.push_back({QStringLiteral("forecast day %1").arg(d), forecastPick(d), f.forecast[std::size_t(d)].due});
    for (const SlaFigures::Caseworker &c : f.caseworkers)
        out.push_back({s("caseworker ") + c.username, caseworkerPick(c.username), c.resolved});
    for (const SlaFigures::PartnerMonths &p : f.partners)
        for (const bool previous : {false, true})
            out.push_back({p.partner + (previous ? s(", the period before") : s(", this period")),
                           partnerPick(p.partner, previous), previous ? p.previous.resolved : p.current.resolved});
    return out;
}

// rows() for every number of `f`, computed by `reader` with these arguments: as many items as the
// number says, ascending, each once.
void everyNumberHasItsRows(SlaFiguresReader &reader, const DashboardFilter &filter, const SlaRules &rules,
                           EpochSecs now, const SlaFigures &f)
{
    for (const Number &n : everyNumber(f)) {
        const std::vector<qint64> rows = reader.rows(filter, rules, now, n.pick);
        QVERIFY2(
            int(rows.size()) == n.figure,
            qPrintable(QStringLiteral("%1: %2 rows for the figure %3").arg(n.what).arg(rows.size()).arg(n.figure)));
        QVERIFY2(std::adjacent_find(rows.begin(), rows.end(), std::greater_equal<>()) == rows.end(),
                 qPrintable(n.what + s(": not ascending, or a row twice")));
    }
}

} // namespace

Q_DECLARE_METATYPE(Cells)
Q_DECLARE_METATYPE(Items)
Q_DECLARE_METATYPE(ibc::models::DashboardFilter)
Q_DECLARE_METATYPE(ibc::models::DashboardPick)

class TestSlaFigures : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("ibc.cache.info=false\nibc.cache.debug=false"));
    }
    void init();
    void cleanup();

    void weeklyComplianceCountsFirstResolvesByLondonWeek_data();
    void weeklyComplianceCountsFirstResolvesByLondonWeek();
    void historyWrittenInPiecesStillGivesEachItemsFirsts();
    void aReplacedHistoryGivesTheStoresFirsts();
    void openWorkIsAgedInWorkingDays_data();
    void openWorkIsAgedInWorkingDays();
    void ageIsCountedInThePartnersOwnCalendar();
    void forecastCountsOpenWorkDueOnEachWorkingDay_data();
    void forecastCountsOpenWorkDueOnEachWorkingDay();
    void forecastDaysSkipWeekendsAndBankHolidays();
    void capacityIsFirstResolvesOverTheLastTwentyWorkingDays();
    void caseworkersThisWeekWithMedianHandlingTime();
    void partnerComplianceThisMonthAndLast_data();
    void partnerComplianceThisMonthAndLast();
    void awaitingInformationLongestFirstTopTwenty();
    void breachesListLateAndOverdueWorkWithItsReason_data();
    void breachesListLateAndOverdueWorkWithItsReason();
    void breachesFollowTheFilterMostOverdueFirst_data();
    void breachesFollowTheFilterMostOverdueFirst();
    void filtersNarrowEveryFigure_data();
    void filtersNarrowEveryFigure();
    void demoCacheAgreesWithAPlainRecount();
    void drillDownListsTheItemsBehindANumber_data();
    void drillDownListsTheItemsBehindANumber();
    void nothingIsBehindANumberTheDashboardDoesNotShow_data();
    void nothingIsBehindANumberTheDashboardDoesNotShow();
    void demoCacheDrillDownsListThePlainRecountsItems();
    void demoCacheEveryNumberHasItsRowsUnderEachFilter_data();
    void demoCacheEveryNumberHasItsRowsUnderEachFilter();
    void demoCacheBreachesAreTheFiguresLateAndOverdueWork_data();
    void demoCacheBreachesAreTheFiguresLateAndOverdueWork();

private:
    // The figures of `items` at `now`; every number of theirs is drilled into as well
    // (everyNumberHasItsRows), so that each test of a figure tests its rows too.
    SlaFigures compute(const Items &items, EpochSecs now, const DashboardFilter &filter = {},
                       const SlaRules &rules = *SlaRules::defaults());
    QStringList references(const std::vector<qint64> &rows);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Cache> m_cache;
    ManualClock m_clock{kNow};
};

void TestSlaFigures::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_cache = Cache::open(m_dir->filePath(s("cache.sqlite")), nullptr, m_clock);
    m_cache->saveUsers(DemoGenerator::demoUsers());
}

void TestSlaFigures::cleanup()
{
    m_cache.reset();
    m_dir.reset();
}

SlaFigures TestSlaFigures::compute(const Items &items, EpochSecs now, const DashboardFilter &filter,
                                   const SlaRules &rules)
{
    m_cache->insertGenerated(items);
    SlaFiguresReader reader(m_cache->path());
    const SlaFigures f = reader.compute(filter, rules, now);
    everyNumberHasItsRows(reader, filter, rules, now, f);
    return f;
}

// The references of the items at these rows, in the rows' order.
QStringList TestSlaFigures::references(const std::vector<qint64> &rows)
{
    QStringList out;
    for (qint64 row : rows) {
        const std::optional<WorkItem> it = m_cache->itemAtRow(row);
        out << (it ? it->reference : s("no item at row %1").arg(row));
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// 1. Weekly compliance

void TestSlaFigures::weeklyComplianceCountsFirstResolvesByLondonWeek_data()
{
    QTest::addColumn<EpochSecs>("now");
    QTest::addColumn<Items>("items");
    QTest::addColumn<Cells>("expected");
    QTest::addColumn<EpochSecs>("firstWeek"); // the oldest week's Monday midnight

    // With kNow the weeks run from Monday 22 December 2025 (0) to Monday 16 March 2026 (12).
    const EpochSecs dec22 = utc(2025, 12, 22);
    const Kind hr = Kind::HrChange, inv = Kind::Invoice, pay = Kind::PayrollException;

    QTest::newRow("3 in time and 1 late in the week of 2 March: 75%")
        << kNow
        << Items{resolvedAt(1, hr, utc(2026, 3, 3, 11), utc(2026, 3, 3, 17)),
                 resolvedAt(2, hr, utc(2026, 3, 4, 10), utc(2026, 3, 5, 17)),
                 resolvedAt(3, hr, utc(2026, 3, 6, 16), utc(2026, 3, 6, 17)),
                 resolvedAt(4, hr, utc(2026, 3, 5, 12), utc(2026, 3, 4, 17))}
        << Cells{{10, hr, 4, 3}} << dec22;
    QTest::newRow("resolved at its due second is in time")
        << kNow << Items{resolvedAt(1, inv, utc(2026, 3, 10, 17), utc(2026, 3, 10, 17))} << Cells{{11, inv, 1, 1}}
        << dec22;
    QTest::newRow("one second after it is late")
        << kNow << Items{resolvedAt(1, pay, utc(2026, 3, 10, 17, 0, 1), utc(2026, 3, 10, 17))} << Cells{{11, pay, 1, 0}}
        << dec22;
    QTest::newRow("Monday 00:00 starts a new week; Sunday 23:59:59 ends the old")
        << kNow
        << Items{resolvedAt(1, hr, utc(2026, 3, 9), utc(2026, 3, 10)),
                 resolvedAt(2, hr, utc(2026, 3, 8, 23, 59, 59), utc(2026, 3, 10))}
        << Cells{{10, hr, 1, 1}, {11, hr, 1, 1}} << dec22;
    QTest::newRow("this week counts up to now")
        << kNow << Items{resolvedAt(1, inv, utc(2026, 3, 18, 9), utc(2026, 3, 20))} << Cells{{12, inv, 1, 1}} << dec22;
    QTest::newRow("the 13 weeks start on Monday 22 December")
        << kNow
        << Items{resolvedAt(1, hr, utc(2025, 12, 22), utc(2025, 12, 23)),
                 resolvedAt(2, hr, utc(2025, 12, 21, 23, 59, 59), utc(2025, 12, 23))}
        << Cells{{0, hr, 1, 1}} << dec22;
    QTest::newRow("each queue on a line of its own")
        << kNow
        << Items{resolvedAt(1, hr, utc(2026, 2, 24, 10), utc(2026, 2, 25)),
                 resolvedAt(2, inv, utc(2026, 2, 24, 10), utc(2026, 2, 23)),
                 resolvedAt(3, pay, utc(2026, 2, 26, 10), utc(2026, 2, 27)),
                 resolvedAt(4, pay, utc(2026, 2, 27, 10), utc(2026, 2, 26))}
        << Cells{{9, hr, 1, 1}, {9, inv, 1, 0}, {9, pay, 2, 1}} << dec22;
    QTest::newRow("reopened and resolved again counts once, in the week of its first resolve")
        << kNow
        << Items{Story(1, hr, s("HCC"), utc(2026, 2, 23, 9))
                     .due(utc(2026, 2, 25, 17))
                     .worked(utc(2026, 2, 24, 12), s("sam.patel"))
                     .close(utc(2026, 2, 24, 15))
                     .reopen(utc(2026, 3, 9, 10))
                     .start(utc(2026, 3, 9, 11))
                     .resolve(utc(2026, 3, 10, 12))
                     .done()}
        << Cells{{9, hr, 1, 1}} << dec22;
    QTest::newRow("a first resolve late stays late when the second is quick")
        << kNow
        << Items{Story(1, inv, s("OCC"), utc(2026, 2, 23, 9))
                     .due(utc(2026, 2, 25, 17))
                     .worked(utc(2026, 2, 26, 12), s("sam.patel"))
                     .reopen(utc(2026, 3, 2, 10))
                     .start(utc(2026, 3, 2, 11))
                     .resolve(utc(2026, 3, 2, 12))
                     .done()}
        << Cells{{9, inv, 1, 0}} << dec22;
    QTest::newRow("a note on a resolved item is not a resolve")
        << kNow
        << Items{Story(1, hr, s("HCC"), utc(2026, 3, 2, 9))
                     .due(utc(2026, 3, 4, 17))
                     .worked(utc(2026, 3, 3, 12), s("sam.patel"))
                     .note(utc(2026, 3, 10, 12))
                     .done()}
        << Cells{{10, hr, 1, 1}} << dec22;
    QTest::newRow("resolved items only: open and never-resolved work is not counted")
        << kNow
        << Items{Story(1, hr, s("HCC"), utc(2026, 3, 2, 9))
                     .claim(utc(2026, 3, 2, 10), s("sam.patel"))
                     .start(utc(2026, 3, 2, 11))
                     .done(),
                 resolvedAt(2, hr, utc(2026, 3, 3, 12), utc(2026, 3, 3, 11))}
        << Cells{{10, hr, 1, 0}} << dec22;
    // Summer time: the week of 6 April starts at 00:00 BST, which is 23:00 UTC on Sunday.
    QTest::newRow("in summer a week starts at Sunday 23:00 UTC")
        << kSummerNow
        << Items{resolvedAt(1, hr, utc(2026, 4, 5, 23, 30), utc(2026, 4, 7)),
                 resolvedAt(2, hr, utc(2026, 4, 5, 22, 59, 59), utc(2026, 4, 7))}
        << Cells{{11, hr, 1, 1}, {12, hr, 1, 1}} << utc(2026, 1, 12);
    QTest::newRow("the week the clocks change is an hour short, and counted whole")
        << kSummerNow
        << Items{resolvedAt(1, inv, utc(2026, 3, 23, 0), utc(2026, 3, 30)),          // Monday 23 March 00:00 GMT
                 resolvedAt(2, inv, utc(2026, 3, 29, 22, 59, 59), utc(2026, 3, 30))} // Sunday 23:59:59 BST
        << Cells{{10, inv, 2, 2}} << utc(2026, 1, 12);
}

void TestSlaFigures::weeklyComplianceCountsFirstResolvesByLondonWeek()
{
    QFETCH(EpochSecs, now);
    QFETCH(Items, items);
    QFETCH(Cells, expected);
    QFETCH(EpochSecs, firstWeek);

    const SlaFigures f = compute(items, now);
    QCOMPARE(f.weeks.size(), std::size_t(13));
    QCOMPARE(f.weeks.front().start, firstWeek);
    for (std::size_t w = 1; w < f.weeks.size(); ++w)
        QCOMPARE(f.weeks[w].start, f.weeks[w - 1].end);
    QVERIFY(f.weeks.back().start <= now && now < f.weeks.back().end);

    for (int w = 0; w < 13; ++w) {
        Compliance all;
        for (Kind k : kAllKinds) {
            Cell want{w, k, 0, 0};
            for (const Cell &c : expected)
                if (c.week == w && c.kind == k)
                    want = c;
            const Compliance &got = f.weeks[std::size_t(w)].byKind[std::size_t(k)];
            all += {want.resolved, want.inTime};
            QVERIFY2(got.resolved == want.resolved && got.inTime == want.inTime,
                     qPrintable(QStringLiteral("week %1, %2: %3 resolved, %4 in time; expected %5, %6")
                                    .arg(w)
                                    .arg(kindName(k))
                                    .arg(got.resolved)
                                    .arg(got.inTime)
                                    .arg(want.resolved)
                                    .arg(want.inTime)));
            if (want.resolved == 0)
                QVERIFY(!got.percent());
            else
                QCOMPARE(*got.percent(), 100.0 * want.inTime / want.resolved);
        }
        QCOMPARE(f.weeks[std::size_t(w)].all().resolved, all.resolved);
        QCOMPARE(f.weeks[std::size_t(w)].all().inTime, all.inTime);
    }
    if (QTest::currentDataTag() == QByteArray("3 in time and 1 late in the week of 2 March: 75%"))
        QCOMPARE(*f.weeks[10].byKind[0].percent(), 75.0);
}

void TestSlaFigures::historyWrittenInPiecesStillGivesEachItemsFirsts()
{
    // A pull appends an item's new events after other items' (Cache::writeSynced): its history
    // is then in two places in the table.
    const QString sam = s("sam.patel");
    const Story reopened = Story(1, Kind::HrChange, s("HCC"), utc(2026, 2, 23, 9))
                               .due(utc(2026, 2, 25, 17))
                               .worked(utc(2026, 2, 24, 12), sam);
    const Story started = Story(2, Kind::Invoice, s("OCC"), utc(2026, 3, 13, 9))
                              .due(utc(2026, 3, 20, 17))
                              .claim(utc(2026, 3, 16, 8), sam)
                              .start(utc(2026, 3, 16, 9));
    m_cache->insertGenerated(
        Items{reopened.done(), started.done(), resolvedAt(3, Kind::HrChange, utc(2026, 3, 2, 12), utc(2026, 3, 3))});
    m_cache->writeSynced(
        Story(reopened).reopen(utc(2026, 3, 16, 9)).start(utc(2026, 3, 16, 10)).resolve(utc(2026, 3, 17, 12)).done());
    m_cache->writeSynced(Story(started).resolve(utc(2026, 3, 17, 10)).done());

    const SlaFigures f = compute({}, kNow);
    QCOMPARE(f.weeks[9].byKind[0].resolved, 1);  // the first resolve, on 24 February
    QCOMPARE(f.weeks[10].byKind[0].resolved, 1); // item 3
    QCOMPARE(f.weeks[12].all().resolved, 1);     // only item 2: item 1's second resolve is not a first
    QCOMPARE(f.caseworkers.size(), std::size_t(1));
    QCOMPARE(f.caseworkers[0].resolved, 1);
    // Item 2 started on Monday 09:00 (the first part) and was resolved on Tuesday 10:00 (the second).
    QCOMPARE(*f.caseworkers[0].medianHandlingHours, 9.0);
}

void TestSlaFigures::aReplacedHistoryGivesTheStoresFirsts()
{
    // A resolve made on the desk, offline, that the store then did not take (another caseworker
    // sent the item back first): the store's history replaces the desk's (Cache::writeSynced), and
    // the item counts where the store's first resolve falls, or not at all.
    const QString sam = s("sam.patel");
    const Story base = Story(1, Kind::HrChange, s("HCC"), utc(2026, 3, 9, 9))
                           .due(utc(2026, 3, 20, 17))
                           .claim(utc(2026, 3, 9, 10), sam);
    const Story other =
        Story(2, Kind::Invoice, s("OCC"), utc(2026, 3, 9, 9)).due(utc(2026, 3, 20, 17)).claim(utc(2026, 3, 9, 10), sam);
    m_cache->insertGenerated(Items{Story(base).start(utc(2026, 3, 10, 9)).resolve(utc(2026, 3, 10, 12)).done(),
                                   Story(other).start(utc(2026, 3, 10, 9)).resolve(utc(2026, 3, 10, 12)).done()});
    QCOMPARE(compute({}, kNow).weeks[11].all().resolved, 2);

    m_cache->writeSynced(Story(base).start(utc(2026, 3, 16, 9)).resolve(utc(2026, 3, 17, 12)).done());
    m_cache->writeSynced(Story(other).done());
    const SlaFigures f = compute({}, kNow);
    QCOMPARE(f.weeks[11].all().resolved, 0);
    QCOMPARE(f.weeks[12].all().resolved, 1);
    QCOMPARE(f.weeks[12].byKind[0].resolved, 1);
    QCOMPARE(f.caseworkers.size(), std::size_t(1));
    QCOMPARE(*f.caseworkers[0].medianHandlingHours, 11.0); // Monday 09:00 (the store's start) to Tuesday 12:00
}

// ---------------------------------------------------------------------------------------------
// 2. Open work by age

void TestSlaFigures::openWorkIsAgedInWorkingDays_data()
{
    QTest::addColumn<EpochSecs>("now");
    QTest::addColumn<EpochSecs>("received");
    QTest::addColumn<Status>("status");
    QTest::addColumn<EpochSecs>("due");
    QTest::addColumn<int>("band"); // -1: not open work
    QTest::addColumn<bool>("breached");

    // kNow is Wednesday 18 March, 10:00 GMT: an hour into the day. Days are 8 working hours.
    const EpochSecs later = kNow + 2 * kDay;
    const Status progress = Status::InProgress;
    QTest::newRow("received an hour ago: 0 days") << kNow << utc(2026, 3, 18, 9) << progress << later << 0 << false;
    QTest::newRow("exactly one working day: 1 day, first band")
        << kNow << utc(2026, 3, 17, 10) << progress << later << 0 << false;
    QTest::newRow("17 working hours: 2 days") << kNow << utc(2026, 3, 16, 9) << progress << later << 1 << false;
    QTest::newRow("received on Saturday: counted from Monday, 2 days")
        << kNow << utc(2026, 3, 14, 12) << progress << later << 1 << false;
    QTest::newRow("a weekend is not working time: Friday 09:00 is 3 days")
        << kNow << utc(2026, 3, 13, 9) << progress << later << 1 << false;
    QTest::newRow("5 days and an hour: still 2 to 5") << kNow << utc(2026, 3, 11, 9) << progress << later << 1 << false;
    QTest::newRow("6 days: 6 to 10") << kNow << utc(2026, 3, 10, 9) << progress << later << 2 << false;
    QTest::newRow("10 days and an hour: still 6 to 10")
        << kNow << utc(2026, 3, 4, 9) << progress << later << 2 << false;
    QTest::newRow("11 days: over 10") << kNow << utc(2026, 3, 3, 9) << progress << later << 3 << false;
    QTest::newRow("received after hours: counted from the next morning")
        << kNow << utc(2026, 3, 16, 18) << progress << later << 0 << false; // Tue 8h + Wed 1h = 9h: 1 day
    // Wednesday 1 April 09:00 BST to Wednesday 8 April 10:00 BST: Good Friday and Easter Monday
    // are bank holidays, so 8 + 8 + 8 + 1 working hours: 3 days, not 5.
    QTest::newRow("Easter's bank holidays are not working time")
        << kSummerNow << london(2026, 4, 1, 9) << progress << kSummerNow + kDay << 1 << false;
    QTest::newRow("past due and in progress: breached")
        << kNow << utc(2026, 3, 16, 9) << progress << kNow - 1 << 1 << true;
    QTest::newRow("due this second: breached") << kNow << utc(2026, 3, 16, 9) << progress << kNow << 1 << true;
    QTest::newRow("awaiting information past due: paused, not breached")
        << kNow << utc(2026, 3, 16, 9) << Status::AwaitingInfo << kNow - kDay << 1 << false;
    QTest::newRow("escalated past due: breached")
        << kNow << utc(2026, 3, 3, 9) << Status::Escalated << kNow - kDay << 3 << true;
    QTest::newRow("new and unassigned past due: breached")
        << kNow << utc(2026, 3, 10, 9) << Status::New << kNow - kDay << 2 << true;
    QTest::newRow("reopened is open work")
        << kNow << utc(2026, 3, 18, 9) << Status::Reopened << kNow - kDay << 0 << true;
    QTest::newRow("resolved is not open work")
        << kNow << utc(2026, 3, 16, 9) << Status::Resolved << kNow - kDay << -1 << false;
    QTest::newRow("closed is not open work")
        << kNow << utc(2026, 3, 16, 9) << Status::Closed << kNow - kDay << -1 << false;
}

void TestSlaFigures::openWorkIsAgedInWorkingDays()
{
    QFETCH(EpochSecs, now);
    QFETCH(EpochSecs, received);
    QFETCH(Status, status);
    QFETCH(EpochSecs, due);
    QFETCH(int, band);
    QFETCH(bool, breached);

    GeneratedItem g = Story(1, Kind::Invoice, s("HCC"), received).due(due).done();
    g.item.status = status;
    g.item.assignee = status == Status::New ? QString() : s("sam.patel");
    const SlaFigures f = compute({g}, now);

    int open = 0, breachedCount = 0;
    for (int b = 0; b < SlaFigures::kAgeBands; ++b)
        for (Kind k : kAllKinds) {
            const SlaFigures::AgeCell &cell = f.openByAge[std::size_t(b)][std::size_t(k)];
            open += cell.open;
            breachedCount += cell.breached;
            if (cell.open)
                QVERIFY2(b == band && k == Kind::Invoice, qPrintable(QStringLiteral("counted in band %1").arg(b)));
        }
    QCOMPARE(open, band < 0 ? 0 : 1);
    QCOMPARE(breachedCount, breached ? 1 : 0);
}

void TestSlaFigures::ageIsCountedInThePartnersOwnCalendar()
{
    // LBHF works 08:00 to 18:00 and was closed on Monday 16 March. Received then at 09:00, by now
    // (Wednesday 10:00) it has waited Tuesday's 10 hours and 2 on Wednesday: 1 of its days. The
    // same item for HCC (09:00 to 17:00, open on Monday) has waited 8 + 8 + 1 hours: 2 days.
    PartnerCalendar lbhf = SlaRules::defaultCalendar(s("LBHF"));
    lbhf.hours = WorkingHours{8 * 60, 18 * 60};
    lbhf.closed = {QDate(2026, 3, 16)};
    const SlaRules rules(shippedBankHolidays(), {lbhf}, SlaRules::defaultPolicies(), {});
    const Items items{Story(1, Kind::HrChange, s("LBHF"), utc(2026, 3, 16, 9)).due(kNow + kDay).done(),
                      Story(2, Kind::HrChange, s("HCC"), utc(2026, 3, 16, 9)).due(kNow + kDay).done()};
    const SlaFigures f = compute(items, kNow, {}, rules);
    QCOMPARE(f.openByAge[SlaFigures::UpToOneDay][0].open, 1);
    QCOMPARE(f.openByAge[SlaFigures::TwoToFiveDays][0].open, 1);

    DashboardFilter london;
    london.partner = s("LBHF");
    SlaFiguresReader reader(m_cache->path());
    const SlaFigures only = reader.compute(london, rules, kNow);
    QCOMPARE(only.openByAge[SlaFigures::UpToOneDay][0].open, 1);
    QCOMPARE(only.openByAge[SlaFigures::TwoToFiveDays][0].open, 0);
}

// ---------------------------------------------------------------------------------------------
// 3. Breach forecast and capacity

void TestSlaFigures::forecastCountsOpenWorkDueOnEachWorkingDay_data()
{
    QTest::addColumn<EpochSecs>("due");
    QTest::addColumn<Status>("status");
    QTest::addColumn<int>("day"); // -1: in none

    // From kNow: Wed 18 (0), Thu 19, Fri 20, Mon 23, Tue 24, Wed 25, Thu 26, Fri 27, Mon 30 (8),
    // Tue 31 March (9). The clocks go forward on Sunday 29 March.
    const Status progress = Status::InProgress;
    QTest::newRow("due later today: today") << utc(2026, 3, 18, 16) << progress << 0;
    QTest::newRow("due earlier today: still today's") << utc(2026, 3, 18, 9) << progress << 0;
    QTest::newRow("due yesterday: already breached, not forecast") << utc(2026, 3, 17, 17) << progress << -1;
    QTest::newRow("due tomorrow at 17:00") << utc(2026, 3, 19, 17) << progress << 1;
    QTest::newRow("new and unassigned") << utc(2026, 3, 19, 17) << Status::New << 1;
    QTest::newRow("escalated") << utc(2026, 3, 23, 12) << Status::Escalated << 3;
    QTest::newRow("reopened") << utc(2026, 3, 24, 12) << Status::Reopened << 4;
    QTest::newRow("awaiting information: paused, not forecast") << utc(2026, 3, 19, 17) << Status::AwaitingInfo << -1;
    QTest::newRow("resolved: not forecast") << utc(2026, 3, 19, 17) << Status::Resolved << -1;
    QTest::newRow("closed: not forecast") << utc(2026, 3, 19, 17) << Status::Closed << -1;
    QTest::newRow("due on Saturday: with Friday") << utc(2026, 3, 21, 12) << progress << 2;
    QTest::newRow("Sunday 29 March 23:30 BST (22:30 UTC): with Friday 27") << utc(2026, 3, 29, 22, 30) << progress << 7;
    QTest::newRow("Monday 30 March 00:30 BST (Sunday 23:30 UTC): Monday") << utc(2026, 3, 29, 23, 30) << progress << 8;
    QTest::newRow("Tuesday 31 March 23:59 BST: the tenth day") << london(2026, 3, 31, 23, 59) << progress << 9;
    QTest::newRow("Wednesday 1 April 00:00 BST: after the ten days") << london(2026, 4, 1) << progress << -1;
}

void TestSlaFigures::forecastCountsOpenWorkDueOnEachWorkingDay()
{
    QFETCH(EpochSecs, due);
    QFETCH(Status, status);
    QFETCH(int, day);

    GeneratedItem g = Story(1, Kind::PayrollException, s("OCC"), utc(2026, 3, 16, 9)).due(due).done();
    g.item.status = status;
    g.item.assignee = status == Status::New ? QString() : s("sam.patel");
    const SlaFigures f = compute({g}, kNow);

    QCOMPARE(f.forecast.size(), std::size_t(10));
    const QDate dates[] = {{2026, 3, 18}, {2026, 3, 19}, {2026, 3, 20}, {2026, 3, 23}, {2026, 3, 24},
                           {2026, 3, 25}, {2026, 3, 26}, {2026, 3, 27}, {2026, 3, 30}, {2026, 3, 31}};
    for (int d = 0; d < 10; ++d) {
        QCOMPARE(f.forecast[std::size_t(d)].date, dates[d]);
        QCOMPARE(f.forecast[std::size_t(d)].start, london(dates[d].year(), dates[d].month(), dates[d].day()));
        QCOMPARE(f.forecast[std::size_t(d)].due, d == day ? 1 : 0);
    }
    QCOMPARE(f.forecast[8].start, utc(2026, 3, 29, 23));
    QCOMPARE(f.forecast[9].end, utc(2026, 3, 31, 23));
}

void TestSlaFigures::forecastDaysSkipWeekendsAndBankHolidays()
{
    // Thursday 2 April 2026: Good Friday (3) and Easter Monday (6) are bank holidays.
    const SlaFigures f = compute({}, london(2026, 4, 2, 12));
    QStringList days;
    for (const auto &d : f.forecast)
        days << d.date.toString(Qt::ISODate);
    QCOMPARE(days, QStringList({s("2026-04-02"), s("2026-04-07"), s("2026-04-08"), s("2026-04-09"), s("2026-04-10"),
                                s("2026-04-13"), s("2026-04-14"), s("2026-04-15"), s("2026-04-16"), s("2026-04-17")}));
    QCOMPARE(f.forecast[0].end, london(2026, 4, 7)); // work due over Easter counts with Thursday
    // On Saturday the ten days start on Monday.
    const SlaFigures weekend = compute({}, utc(2026, 3, 21, 12));
    QCOMPARE(weekend.forecast.front().date, QDate(2026, 3, 23));
}

void TestSlaFigures::capacityIsFirstResolvesOverTheLastTwentyWorkingDays()
{
    // The 20 working days before Wednesday 18 March run from Wednesday 18 February.
    const Kind hr = Kind::HrChange;
    const Items items{
        resolvedAt(1, hr, utc(2026, 2, 18), kNow),             // the window's first second
        resolvedAt(2, hr, utc(2026, 2, 17, 23, 59, 59), kNow), // the second before it
        resolvedAt(3, hr, utc(2026, 3, 17, 23, 59, 59), kNow), // its last second
        resolvedAt(4, hr, utc(2026, 3, 18, 8), kNow),          // today: not yet in
        resolvedAt(5, hr, utc(2026, 3, 1, 12), kNow),          // a Sunday inside it
        resolvedAt(6, hr, utc(2026, 3, 5, 12), kNow),
        // First resolved before the window, again inside it: not a resolve of the window's.
        Story(7, hr, s("OCC"), utc(2026, 2, 9, 9))
            .worked(utc(2026, 2, 10, 12), s("sam.patel"))
            .reopen(utc(2026, 3, 2, 9))
            .start(utc(2026, 3, 2, 10))
            .resolve(utc(2026, 3, 2, 12))
            .done(),
        // First resolved inside it, and again: once.
        Story(8, hr, s("OCC"), utc(2026, 2, 19, 9))
            .worked(utc(2026, 2, 20, 12), s("sam.patel"))
            .reopen(utc(2026, 3, 2, 9))
            .start(utc(2026, 3, 2, 10))
            .resolve(utc(2026, 3, 2, 12))
            .done(),
    };
    const SlaFigures f = compute(items, kNow);
    QCOMPARE(f.capacity.start, utc(2026, 2, 18));
    QCOMPARE(f.capacity.end, utc(2026, 3, 18));
    QCOMPARE(f.capacity.workingDays, 20);
    QCOMPARE(f.capacity.resolved, 5); // items 1, 3, 5, 6 and 8
    QCOMPARE(f.capacity.perDay(), 0.25);
}

// ---------------------------------------------------------------------------------------------
// 4. Per caseworker

void TestSlaFigures::caseworkersThisWeekWithMedianHandlingTime()
{
    const Kind hr = Kind::HrChange, inv = Kind::Invoice;
    const QString sam = s("sam.patel"), rhys = s("rhys.evans");
    const Items items{
        // Oliver: 1, 3 and 6 working hours: median 3. The 3 hours run from Friday 15:00 to Monday
        // 10:00 (67 hours on the clock).
        Story(1, hr, s("HCC"), utc(2026, 3, 13, 9))
            .claim(utc(2026, 3, 16, 8), oliver())
            .start(utc(2026, 3, 16, 9))
            .resolve(utc(2026, 3, 16, 10))
            .done(),
        Story(2, hr, s("OCC"), utc(2026, 3, 12, 9))
            .claim(utc(2026, 3, 13, 9), oliver())
            .start(utc(2026, 3, 13, 15))
            .resolve(utc(2026, 3, 16, 10))
            .done(),
        Story(3, inv, s("HCC"), utc(2026, 3, 16, 9))
            .claim(utc(2026, 3, 17, 8), oliver())
            .start(utc(2026, 3, 17, 9))
            .resolve(utc(2026, 3, 17, 15))
            .done(),
        // Sam: 2 hours, and 5 from his first start through a wait for information: median 3.5.
        Story(4, inv, s("HCC"), utc(2026, 3, 13, 9))
            .claim(utc(2026, 3, 16, 9), sam)
            .start(utc(2026, 3, 16, 9))
            .resolve(utc(2026, 3, 16, 11))
            .done(),
        Story(5, hr, s("HCC"), utc(2026, 3, 13, 9))
            .claim(utc(2026, 3, 16, 8), sam)
            .start(utc(2026, 3, 16, 9))
            .requestInfo(utc(2026, 3, 16, 10))
            .resume(utc(2026, 3, 16, 13))
            .resolve(utc(2026, 3, 16, 14))
            .done(),
        // Resolved by Sam, since given to Oliver: Sam's.
        Story(6, hr, s("HCC"), utc(2026, 3, 13, 9))
            .claim(utc(2026, 3, 16, 8), sam)
            .resolve(utc(2026, 3, 17, 9))
            .reassign(oliver())
            .done(),
        // Rhys: resolved last week (not this week's), and first resolved last week then again
        // this week (not this week's either).
        Story(7, hr, s("HCC"), utc(2026, 3, 10, 9))
            .claim(utc(2026, 3, 11, 9), rhys)
            .start(utc(2026, 3, 11, 10))
            .resolve(utc(2026, 3, 13, 10))
            .done(),
        Story(8, hr, s("HCC"), utc(2026, 3, 10, 9))
            .claim(utc(2026, 3, 11, 9), rhys)
            .start(utc(2026, 3, 11, 10))
            .resolve(utc(2026, 3, 13, 11))
            .reopen(utc(2026, 3, 16, 9))
            .start(utc(2026, 3, 16, 10))
            .resolve(utc(2026, 3, 16, 12))
            .done(),
    };
    const SlaFigures f = compute(items, kNow);
    QCOMPARE(f.caseworkersFrom, utc(2026, 3, 16));
    QCOMPARE(f.caseworkersTo, utc(2026, 3, 23));
    QCOMPARE(f.caseworkers.size(), std::size_t(2));

    const SlaFigures::Caseworker &c = f.caseworkers[0];
    QCOMPARE(c.username, oliver());
    QCOMPARE(c.displayName, oliverUser().displayName);
    QCOMPARE(c.resolved, 3);
    QCOMPARE(c.timed, 3);
    QCOMPARE(*c.medianHandlingHours, 3.0);

    // Item 6 was never started: counted, but not timed.
    const SlaFigures::Caseworker &p = f.caseworkers[1];
    QCOMPARE(p.username, sam);
    QCOMPARE(p.displayName, s("Sam Patel"));
    QCOMPARE(p.resolved, 3);
    QCOMPARE(p.timed, 2);
    QCOMPARE(*p.medianHandlingHours, 3.5);
}

// ---------------------------------------------------------------------------------------------
// 5. Per partner by month

void TestSlaFigures::partnerComplianceThisMonthAndLast_data()
{
    QTest::addColumn<EpochSecs>("now");
    QTest::addColumn<Items>("items");
    QTest::addColumn<QString>("partner");
    QTest::addColumn<int>("resolved");
    QTest::addColumn<int>("inTime");
    QTest::addColumn<int>("resolvedBefore");
    QTest::addColumn<int>("inTimeBefore");

    const Kind hr = Kind::HrChange;
    const QString hcc = s("HCC");
    QTest::newRow("March: 1 in time, 1 late: 50%") << kNow
                                                   << Items{resolvedAt(1, hr, utc(2026, 3, 10, 12), utc(2026, 3, 11)),
                                                            resolvedAt(2, hr, utc(2026, 3, 12, 12), utc(2026, 3, 11))}
                                                   << hcc << 2 << 1 << 0 << 0;
    QTest::newRow("February: 2 late: 0%") << kNow
                                          << Items{resolvedAt(1, hr, utc(2026, 2, 10, 12), utc(2026, 2, 9), s("OCC")),
                                                   resolvedAt(2, hr, utc(2026, 2, 20, 12), utc(2026, 2, 19), s("OCC"))}
                                          << s("OCC") << 0 << 0 << 2 << 0;
    QTest::newRow("1 March 00:00 is March; 28 February 23:59:59 is February")
        << kNow
        << Items{resolvedAt(1, hr, utc(2026, 3, 1), utc(2026, 3, 2), s("WCC")),
                 resolvedAt(2, hr, utc(2026, 2, 28, 23, 59, 59), utc(2026, 3, 2), s("WCC"))}
        << s("WCC") << 1 << 1 << 1 << 1;
    QTest::newRow("January is neither") << kNow << Items{resolvedAt(1, hr, utc(2026, 1, 31, 12), utc(2026, 2, 2))}
                                        << hcc << 0 << 0 << 0 << 0;
    QTest::newRow("in summer April starts at 23:00 UTC on 31 March")
        << kSummerNow
        << Items{resolvedAt(1, hr, utc(2026, 3, 31, 23, 30), utc(2026, 4, 2)),
                 resolvedAt(2, hr, utc(2026, 3, 31, 22, 59, 59), utc(2026, 3, 31, 12))}
        << hcc << 1 << 1 << 1 << 0;
    QTest::newRow("reopened in March after a February resolve: February's")
        << kNow
        << Items{Story(1, hr, s("HIWC"), utc(2026, 2, 23, 9))
                     .due(utc(2026, 2, 25, 17))
                     .worked(utc(2026, 2, 24, 12), s("sam.patel"))
                     .reopen(utc(2026, 3, 9, 10))
                     .start(utc(2026, 3, 9, 11))
                     .resolve(utc(2026, 3, 10, 12))
                     .done()}
        << s("HIWC") << 0 << 0 << 1 << 1;
}

void TestSlaFigures::partnerComplianceThisMonthAndLast()
{
    QFETCH(EpochSecs, now);
    QFETCH(Items, items);
    QFETCH(QString, partner);
    QFETCH(int, resolved);
    QFETCH(int, inTime);
    QFETCH(int, resolvedBefore);
    QFETCH(int, inTimeBefore);

    const SlaFigures f = compute(items, now);
    // Every partner, in the desk's order, whether or not it resolved anything.
    QStringList order;
    for (const auto &p : f.partners)
        order << p.partner;
    QCOMPARE(order, partnerCodes());
    for (const auto &p : f.partners) {
        const bool it = p.partner == partner;
        QCOMPARE(p.current.resolved, it ? resolved : 0);
        QCOMPARE(p.current.inTime, it ? inTime : 0);
        QCOMPARE(p.previous.resolved, it ? resolvedBefore : 0);
        QCOMPARE(p.previous.inTime, it ? inTimeBefore : 0);
        if (it && resolved)
            QCOMPARE(*p.current.percent(), 100.0 * inTime / resolved);
        if (it && resolvedBefore)
            QCOMPARE(*p.previous.percent(), 100.0 * inTimeBefore / resolvedBefore);
    }
    const QDate month(QDateTime::fromSecsSinceEpoch(now, QTimeZone("Europe/London")).date());
    const QDate first(month.year(), month.month(), 1);
    QCOMPARE(f.currentFrom, london(first.year(), first.month(), 1));
    QCOMPARE(f.previousTo, f.currentFrom);
    QCOMPARE(f.previousFrom, london(first.addMonths(-1).year(), first.addMonths(-1).month(), 1));
    QCOMPARE(f.currentTo, london(first.addMonths(1).year(), first.addMonths(1).month(), 1));
}

// ---------------------------------------------------------------------------------------------
// 6. Awaiting information

void TestSlaFigures::awaitingInformationLongestFirstTopTwenty()
{
    const QString sam = s("sam.patel");
    Items items{
        // Since Monday 09:00: 8 + 8 + 1 = 17 working hours.
        Story(1, Kind::HrChange, s("HCC"), utc(2026, 3, 12, 9))
            .claim(utc(2026, 3, 12, 10), sam)
            .start(utc(2026, 3, 12, 11))
            .requestInfo(utc(2026, 3, 16, 9))
            .done(),
        // Waited before, resumed, asked again on Tuesday 14:00: since then, 3 + 1 = 4 hours.
        Story(2, Kind::Invoice, s("WCC"), utc(2026, 3, 11, 9))
            .claim(utc(2026, 3, 11, 10), oliver())
            .start(utc(2026, 3, 11, 11))
            .requestInfo(utc(2026, 3, 12, 12))
            .resume(utc(2026, 3, 13, 9))
            .requestInfo(utc(2026, 3, 17, 14))
            .done(),
        // Since Friday 16:00: 1 + 8 + 8 + 1 = 18 hours; the longest although not the oldest on the
        // clock by much.
        Story(3, Kind::PayrollException, s("OCC"), utc(2026, 3, 13, 9))
            .claim(utc(2026, 3, 13, 10), sam)
            .start(utc(2026, 3, 13, 11))
            .requestInfo(utc(2026, 3, 13, 16))
            .done(),
        // Waited long ago, resolved since: not waiting.
        Story(4, Kind::HrChange, s("HCC"), utc(2026, 3, 2, 9))
            .claim(utc(2026, 3, 2, 10), sam)
            .start(utc(2026, 3, 2, 11))
            .requestInfo(utc(2026, 3, 2, 12))
            .resume(utc(2026, 3, 9, 9))
            .resolve(utc(2026, 3, 9, 12))
            .done(),
    };
    // Twenty more, asked on Wednesday at 09:00 … 09:19: 60 … 41 minutes.
    for (int i = 0; i < 20; ++i)
        items.push_back(Story(10 + i, Kind::Invoice, s("RBKC"), utc(2026, 3, 17, 9))
                            .claim(utc(2026, 3, 17, 10), sam)
                            .start(utc(2026, 3, 17, 11))
                            .requestInfo(utc(2026, 3, 18, 9, i))
                            .done());
    const SlaFigures f = compute(items, kNow);

    QCOMPARE(f.awaiting.size(), std::size_t(20));
    QCOMPARE(f.awaiting[0].reference, s("PAY-0000003"));
    QCOMPARE(f.awaiting[0].partner, s("OCC"));
    QCOMPARE(f.awaiting[0].assignee, sam);
    QCOMPARE(f.awaiting[0].since, utc(2026, 3, 13, 16));
    QCOMPARE(f.awaiting[0].waitedSeconds, 18 * kHour);
    QCOMPARE(f.awaiting[1].reference, s("HR-0000001"));
    QCOMPARE(f.awaiting[1].waitedSeconds, 17 * kHour);
    QCOMPARE(f.awaiting[2].reference, s("INV-0000002"));
    QCOMPARE(f.awaiting[2].since, utc(2026, 3, 17, 14));
    QCOMPARE(f.awaiting[2].waitedSeconds, 4 * kHour);
    QCOMPARE(f.awaiting[2].assignee, oliver());
    // Then the twenty in order of waiting; the three shortest waits miss the top 20.
    for (int i = 3; i < 20; ++i) {
        QCOMPARE(f.awaiting[std::size_t(i)].reference,
                 QStringLiteral("INV-%1").arg(10 + i - 3, 7, 10, QLatin1Char('0')));
        QCOMPARE(f.awaiting[std::size_t(i)].waitedSeconds, (60 - (i - 3)) * 60);
    }
}

// ---------------------------------------------------------------------------------------------
// 7. Breaches, for a partner's monthly service report

namespace {

using Lines = QStringList;

// A breach as a failure shows it: which item, first resolved when (or still open), the working
// time over, and why.
QString breachLine(const QString &reference, EpochSecs resolved, qint64 overdue, const QString &reason)
{
    const QString when =
        resolved ? QDateTime::fromSecsSinceEpoch(resolved, QTimeZone::utc()).toString(Qt::ISODate) : s("open");
    return QStringLiteral("%1 %2, %3 s over: “%4”").arg(reference, when, QString::number(overdue), reason);
}
Lines breachLines(const std::vector<SlaBreach> &breaches)
{
    Lines out;
    for (const SlaBreach &b : breaches)
        out << breachLine(b.reference, b.resolved, b.overdueSeconds, b.reason);
    return out;
}

// breaches() against compute() with the same arguments: the resolved ones are the partner figures'
// late work this period, the open ones the breached open work by age; each is overdue by the
// working time from its due time to its first resolve (or now), and the most overdue come first.
void breachesAgreeWithTheFigures(SlaFiguresReader &reader, const DashboardFilter &filter, const SlaRules &rules,
                                 EpochSecs now, const std::vector<SlaBreach> &breaches)
{
    const SlaFigures f = reader.compute(filter, rules, now);
    int late = 0, breached = 0;
    for (const SlaFigures::PartnerMonths &p : f.partners)
        late += p.current.resolved - p.current.inTime;
    for (const auto &band : f.openByAge)
        for (const SlaFigures::AgeCell &cell : band)
            breached += cell.breached;
    const auto resolved =
        std::count_if(breaches.begin(), breaches.end(), [](const SlaBreach &b) { return b.resolved != 0; });
    QCOMPARE(int(resolved), late);
    QCOMPARE(int(breaches.size() - std::size_t(resolved)), breached);
    for (const SlaBreach &b : breaches) {
        const WorkingCalendar &calendar = rules.calendar(b.partner);
        if (b.resolved) {
            QVERIFY2(b.resolved > b.due, qPrintable(b.reference));
            QVERIFY2(b.resolved >= f.currentFrom && b.resolved < f.currentTo, qPrintable(b.reference));
        } else {
            QVERIFY2(b.due <= now, qPrintable(b.reference));
        }
        QCOMPARE(b.overdueSeconds, calendar.between(b.due, b.resolved ? b.resolved : now));
    }
    QVERIFY2(std::is_sorted(breaches.begin(), breaches.end(),
                            [](const SlaBreach &a, const SlaBreach &b) { return a.overdueSeconds > b.overdueSeconds; }),
             "most overdue first");
}

// Each breach's details are its item's, as the cache holds it.
void breachDetailsAreTheItems(Cache &cache, const std::vector<SlaBreach> &breaches, const Items &items)
{
    std::map<QString, const WorkItem *> byId;
    for (const GeneratedItem &g : items)
        byId[g.item.id] = &g.item;
    for (const SlaBreach &b : breaches) {
        QVERIFY2(byId.count(b.id), qPrintable(b.id));
        const WorkItem &it = *byId[b.id];
        QCOMPARE(b.reference, it.reference);
        QCOMPARE(b.kind, it.kind);
        QCOMPARE(b.subtype, it.subtype);
        QCOMPARE(b.partner, it.partner);
        QCOMPARE(b.received, it.received);
        QCOMPARE(b.due, it.due);
        const std::optional<WorkItem> atRow = cache.itemAtRow(b.row);
        QVERIFY(atRow);
        QCOMPARE(atRow->id, b.id);
    }
}

} // namespace

void TestSlaFigures::breachesListLateAndOverdueWorkWithItsReason_data()
{
    QTest::addColumn<Items>("items");
    QTest::addColumn<Lines>("expected"); // most overdue first

    // At kNow (Wednesday 18 March, 10:00 GMT) the period is March. Working days are 09:00 to
    // 17:00; HR-0000001 is received on Monday 9 March and due on Tuesday 10 March at 17:00 unless
    // a row says otherwise.
    const QString sam = s("sam.patel");
    const Kind hr = Kind::HrChange, inv = Kind::Invoice, pay = Kind::PayrollException;
    const auto hr1 = [&] { return Story(1, hr, s("HCC"), utc(2026, 3, 9, 9)).due(utc(2026, 3, 10, 17)); };
    const auto started = [&] { return hr1().claim(utc(2026, 3, 10, 9), sam).start(utc(2026, 3, 10, 10)); };
    const QString ref = s("HR-0000001");
    const EpochSecs wednesday = utc(2026, 3, 11, 17);

    QTest::newRow("resolved a working day late, nothing said: no reason")
        << Items{hr1().worked(wednesday, sam).done()} << Lines{breachLine(ref, wednesday, 8 * kHour, {})};
    QTest::newRow("nothing but notes: the latest note")
        << Items{started()
                     .note(utc(2026, 3, 10, 12), s("Chased the line manager"))
                     .note(utc(2026, 3, 11, 9), s("The line manager signed it off"))
                     .resolve(wednesday)
                     .done()}
        << Lines{breachLine(ref, wednesday, 8 * kHour, s("The line manager signed it off"))};
    QTest::newRow("an escalation's reason beats a later note")
        << Items{started()
                     .escalate(utc(2026, 3, 10, 12), s("Salary above the grade's maximum"))
                     .resume(utc(2026, 3, 11, 9))
                     .note(utc(2026, 3, 11, 10), s("Finance agreed the salary"))
                     .resolve(wednesday)
                     .done()}
        << Lines{breachLine(ref, wednesday, 8 * kHour, s("Salary above the grade's maximum"))};
    QTest::newRow("the latest of a request for information and an escalation")
        << Items{started()
                     .requestInfo(utc(2026, 3, 10, 11), s("Asked for the P45"))
                     .resume(utc(2026, 3, 10, 14))
                     .escalate(utc(2026, 3, 10, 15), s("Leaving date disputed"))
                     .resume(utc(2026, 3, 11, 9))
                     .resolve(wednesday)
                     .done()}
        << Lines{breachLine(ref, wednesday, 8 * kHour, s("Leaving date disputed"))};
    // Reopened and asked about again: paused now, so listed only for the late resolve.
    QTest::newRow("a request for information after the resolve is not its reason")
        << Items{started()
                     .escalate(utc(2026, 3, 10, 12), s("Salary above the grade's maximum"))
                     .resume(utc(2026, 3, 11, 9))
                     .resolve(wednesday)
                     .reopen(utc(2026, 3, 12, 9))
                     .start(utc(2026, 3, 12, 10))
                     .requestInfo(utc(2026, 3, 12, 11), s("Asked for the new contract"))
                     .done()}
        << Lines{breachLine(ref, wednesday, 8 * kHour, s("Salary above the grade's maximum"))};
    QTest::newRow("nor, with nothing before it, any reason")
        << Items{hr1()
                     .worked(wednesday, sam)
                     .reopen(utc(2026, 3, 12, 9))
                     .start(utc(2026, 3, 12, 10))
                     .requestInfo(utc(2026, 3, 12, 11), s("Asked for the new contract"))
                     .done()}
        << Lines{breachLine(ref, wednesday, 8 * kHour, {})};
    QTest::newRow("a reason given in the resolve's second counts")
        << Items{started()
                     .escalate(wednesday, s("Approved by the head of payroll"))
                     .resume(wednesday)
                     .resolve(wednesday)
                     .done()}
        << Lines{breachLine(ref, wednesday, 8 * kHour, s("Approved by the head of payroll"))};
    QTest::newRow("late over a weekend: Friday's last hour and Monday's first")
        << Items{Story(1, inv, s("HCC"), utc(2026, 3, 9, 9))
                     .due(utc(2026, 3, 13, 16))
                     .worked(utc(2026, 3, 16, 10), sam)
                     .done()}
        << Lines{breachLine(s("INV-0000001"), utc(2026, 3, 16, 10), 2 * kHour, {})};
    QTest::newRow("resolved at its due second: in time")
        << Items{hr1().due(wednesday).worked(wednesday, sam).done()} << Lines{};
    QTest::newRow("resolved late in February: not this period's") << Items{Story(1, hr, s("HCC"), utc(2026, 2, 9, 9))
                                                                               .due(utc(2026, 2, 10, 17))
                                                                               .worked(utc(2026, 2, 12, 17), sam)
                                                                               .done()}
                                                                  << Lines{};
    QTest::newRow("in time first, late when resolved again: in time") << Items{hr1()
                                                                                   .worked(utc(2026, 3, 10, 12), sam)
                                                                                   .reopen(utc(2026, 3, 11, 9))
                                                                                   .start(utc(2026, 3, 11, 10))
                                                                                   .resolve(utc(2026, 3, 12, 12))
                                                                                   .done()}
                                                                      << Lines{};

    // Open work: overdue until now. Due on Monday at 17:00: Tuesday's 8 hours and Wednesday's 1.
    QTest::newRow("open past due: the request for information it came back from")
        << Items{hr1()
                     .due(utc(2026, 3, 16, 17))
                     .claim(utc(2026, 3, 9, 10), sam)
                     .start(utc(2026, 3, 9, 11))
                     .requestInfo(utc(2026, 3, 12, 10), s("Asked the manager for the start date"))
                     .resume(utc(2026, 3, 13, 9))
                     .done()}
        << Lines{breachLine(ref, 0, 9 * kHour, s("Asked the manager for the start date"))};
    QTest::newRow("escalated past due: the escalation's reason")
        << Items{hr1()
                     .due(utc(2026, 3, 17, 12))
                     .claim(utc(2026, 3, 9, 10), sam)
                     .start(utc(2026, 3, 9, 11))
                     .escalate(utc(2026, 3, 17, 11), s("Pension scheme unclear"))
                     .done()}
        << Lines{breachLine(ref, 0, 6 * kHour, s("Pension scheme unclear"))};
    QTest::newRow("new and unassigned past due")
        << Items{Story(1, pay, s("OCC"), utc(2026, 3, 16, 9)).due(utc(2026, 3, 17, 17)).done()}
        << Lines{breachLine(s("PAY-0000001"), 0, 1 * kHour, {})};
    QTest::newRow("due this second: breached, with no working time over yet")
        << Items{hr1().due(kNow).claim(utc(2026, 3, 17, 9), sam).start(utc(2026, 3, 17, 10)).done()}
        << Lines{breachLine(ref, 0, 0, {})};
    QTest::newRow("awaiting information past due: paused, not breached")
        << Items{hr1()
                     .due(utc(2026, 3, 16, 17))
                     .claim(utc(2026, 3, 9, 10), sam)
                     .start(utc(2026, 3, 9, 11))
                     .requestInfo(utc(2026, 3, 17, 9), s("Asked for the bank details"))
                     .done()}
        << Lines{};
    QTest::newRow("open and not yet due")
        << Items{hr1().due(utc(2026, 3, 19, 17)).claim(utc(2026, 3, 9, 10), sam).done()} << Lines{};
    // Resolved a day late, sent back, and past due since: 41 working hours to now.
    QTest::newRow("sent back after a late resolve: late, and open past due, each with its reason")
        << Items{hr1()
                     .claim(utc(2026, 3, 9, 10), sam)
                     .start(utc(2026, 3, 9, 11))
                     .escalate(utc(2026, 3, 10, 9), s("Awaiting payroll's answer"))
                     .resume(utc(2026, 3, 11, 9))
                     .resolve(wednesday)
                     .reject(utc(2026, 3, 12, 9), s("Wrong effective date"))
                     .done()}
        << Lines{breachLine(ref, 0, 41 * kHour, s("Wrong effective date")),
                 breachLine(ref, wednesday, 8 * kHour, s("Awaiting payroll's answer"))};
}

void TestSlaFigures::breachesListLateAndOverdueWorkWithItsReason()
{
    QFETCH(Items, items);
    QFETCH(Lines, expected);

    m_cache->insertGenerated(items);
    SlaFiguresReader reader(m_cache->path());
    const SlaRules &rules = *SlaRules::defaults();
    const std::vector<SlaBreach> breaches = reader.breaches({}, rules, kNow);
    QCOMPARE(breachLines(breaches), expected);
    breachDetailsAreTheItems(*m_cache, breaches, items);
    breachesAgreeWithTheFigures(reader, {}, rules, kNow, breaches);
}

namespace {

// Late and overdue work at kNow, most overdue first: PAY-0000007 (HCC, new and unassigned, 25 working
// hours over), INV-0000002 (OCC, resolved late by Oliver on 12 March and held by Sam since, 10),
// INV-0000003 (HCC, open, Sam's, 9), HR-0000001 (HCC, resolved late by Sam on 16 March, 2),
// HR-0000004 (OCC, open, Oliver's, 1). PAY-0000005 (WCC) was resolved by Sam 16 hours late in
// February; HR-0000006 (HCC) in time in March.
Items breachFixture()
{
    const QString sam = s("sam.patel");
    const Kind hr = Kind::HrChange, inv = Kind::Invoice, pay = Kind::PayrollException;
    const EpochSecs monday = utc(2026, 3, 9, 9);
    return Items{
        Story(1, hr, s("HCC"), monday).due(utc(2026, 3, 13, 16)).worked(utc(2026, 3, 16, 10), sam).done(),
        Story(2, inv, s("OCC"), monday)
            .due(utc(2026, 3, 10, 17))
            .worked(utc(2026, 3, 12, 11), oliver())
            .reassign(sam)
            .done(),
        Story(3, inv, s("HCC"), monday)
            .due(utc(2026, 3, 16, 17))
            .claim(utc(2026, 3, 9, 10), sam)
            .start(utc(2026, 3, 9, 11))
            .done(),
        Story(4, hr, s("OCC"), monday)
            .due(utc(2026, 3, 18, 9))
            .claim(utc(2026, 3, 9, 10), oliver())
            .start(utc(2026, 3, 9, 11))
            .done(),
        Story(5, pay, s("WCC"), utc(2026, 2, 5, 9)).due(utc(2026, 2, 9, 17)).worked(utc(2026, 2, 11, 17), sam).done(),
        Story(6, hr, s("HCC"), monday).due(utc(2026, 3, 13, 17)).worked(utc(2026, 3, 12, 12), sam).done(),
        Story(7, pay, s("HCC"), monday).due(utc(2026, 3, 12, 17)).done(),
    };
}

} // namespace

void TestSlaFigures::breachesFollowTheFilterMostOverdueFirst_data()
{
    QTest::addColumn<DashboardFilter>("filter");
    QTest::addColumn<QStringList>("expected"); // references, most overdue first

    const QString hr1 = s("HR-0000001"), inv2 = s("INV-0000002"), inv3 = s("INV-0000003"), hr4 = s("HR-0000004"),
                  pay5 = s("PAY-0000005"), pay7 = s("PAY-0000007");
    DashboardFilter f;
    QTest::newRow("everything") << f << QStringList{pay7, inv2, inv3, hr1, hr4};
    f.assignees = {s("sam.patel")};
    QTest::newRow("Sam: resolved by him, or held by him") << f << QStringList{inv3, hr1};
    f.assignees = {oliver(), s("nobody.here")};
    QTest::newRow("Oliver's team") << f << QStringList{inv2, hr4};
    f = {};
    f.partner = s("HCC");
    QTest::newRow("one partner") << f << QStringList{pay7, inv3, hr1};
    f = {};
    f.partners = {s("OCC"), s("WCC")};
    QTest::newRow("the user's partners") << f << QStringList{inv2, hr4};
    f.partner = s("HCC");
    QTest::newRow("a partner that is not the user's: nothing") << f << QStringList{};
    f = {};
    f.kind = Kind::Invoice;
    QTest::newRow("invoices") << f << QStringList{inv2, inv3};
    f = {};
    f.from = utc(2026, 2, 1);
    f.to = utc(2026, 3, 1);
    QTest::newRow("February: its late work, and the open work overdue now") << f << QStringList{pay7, pay5, inv3, hr4};
}

void TestSlaFigures::breachesFollowTheFilterMostOverdueFirst()
{
    QFETCH(DashboardFilter, filter);
    QFETCH(QStringList, expected);

    const Items items = breachFixture();
    m_cache->insertGenerated(items);
    SlaFiguresReader reader(m_cache->path());
    const SlaRules &rules = *SlaRules::defaults();
    const std::vector<SlaBreach> breaches = reader.breaches(filter, rules, kNow);
    QStringList references;
    for (const SlaBreach &b : breaches)
        references << b.reference;
    QCOMPARE(references, expected);
    breachDetailsAreTheItems(*m_cache, breaches, items);
    breachesAgreeWithTheFigures(reader, filter, rules, kNow, breaches);
}

// ---------------------------------------------------------------------------------------------
// Filters

struct Expected {
    int weeks = 13;
    int resolved = 0; // over the weeks
    int inTime = 0;
    int open = 0;
    int forecast = 0;
    int capacity = 0;
    int awaiting = 0;
    QStringList caseworkers;
    QStringList partners; // partner rows with anything this period or the last
    int partnerRows = 8;
};
Q_DECLARE_METATYPE(Expected)

namespace {

// A team's work at kNow. Resolved: A (HR-0000001) HCC HR by Sam on 10 March, in time; B
// (INV-0000002) OCC invoice by Oliver on 11 March, late; C (PAY-0000003) WCC payroll by a Londoner
// on 12 March, in time; G (PAY-0000007) HCC payroll by Oliver on 17 March, in time, now held by Sam.
// Open: D (INV-0000004) HCC invoice held by Sam, due Thursday, 2 working days old; E (HR-0000005)
// OCC HR awaiting information, held by Oliver, 2 days old; F (HR-0000006) WCC HR new and
// unassigned, due Tuesday 24th, 1 day old.
Items teamFixture()
{
    const QString sam = s("sam.patel");
    const QString londoner = s("londoner");
    return Items{
        Story(1, Kind::HrChange, s("HCC"), utc(2026, 3, 9, 9))
            .due(utc(2026, 3, 11))
            .worked(utc(2026, 3, 10, 12), sam)
            .done(),
        Story(2, Kind::Invoice, s("OCC"), utc(2026, 3, 9, 9))
            .due(utc(2026, 3, 10))
            .worked(utc(2026, 3, 11, 12), oliver())
            .done(),
        Story(3, Kind::PayrollException, s("WCC"), utc(2026, 3, 9, 9))
            .due(utc(2026, 3, 13))
            .worked(utc(2026, 3, 12, 12), londoner)
            .done(),
        Story(4, Kind::Invoice, s("HCC"), utc(2026, 3, 16, 9))
            .due(utc(2026, 3, 19, 17))
            .claim(utc(2026, 3, 16, 10), sam)
            .start(utc(2026, 3, 16, 11))
            .done(),
        Story(5, Kind::HrChange, s("OCC"), utc(2026, 3, 16, 9))
            .due(utc(2026, 3, 20, 17))
            .claim(utc(2026, 3, 16, 10), oliver())
            .start(utc(2026, 3, 16, 11))
            .requestInfo(utc(2026, 3, 17, 9))
            .done(),
        Story(6, Kind::HrChange, s("WCC"), utc(2026, 3, 17, 9)).due(utc(2026, 3, 24, 17)).done(),
        Story(7, Kind::PayrollException, s("HCC"), utc(2026, 3, 16, 9))
            .due(utc(2026, 3, 18, 17))
            .worked(utc(2026, 3, 17, 11), oliver())
            .reassign(sam)
            .done(),
    };
}

} // namespace

void TestSlaFigures::filtersNarrowEveryFigure_data()
{
    QTest::addColumn<DashboardFilter>("filter");
    QTest::addColumn<Expected>("expected");

    // The fixture is teamFixture().
    const QString hcc = s("HCC"), occ = s("OCC"), wcc = s("WCC");
    DashboardFilter f;
    QTest::newRow("everything") << f << Expected{13, 4, 3, 3, 2, 4, 1, {oliver()}, {hcc, occ, wcc}, 8};
    f.partner = hcc;
    QTest::newRow("one partner") << f << Expected{13, 2, 2, 1, 1, 2, 0, {oliver()}, {hcc}, 1};
    f = {};
    f.partners = {hcc, occ};
    QTest::newRow("the user's partners") << f << Expected{13, 3, 2, 2, 1, 3, 1, {oliver()}, {hcc, occ}, 2};
    f.partner = wcc;
    QTest::newRow("a partner that is not the user's: nothing") << f << Expected{13, 0, 0, 0, 0, 0, 0, {}, {}, 0};
    f = {};
    f.kind = Kind::Invoice;
    QTest::newRow("invoices") << f << Expected{13, 1, 0, 1, 1, 1, 0, {}, {occ}, 8};
    f = {};
    f.assignees = {s("sam.patel")};
    QTest::newRow("Sam: resolved by him, or held by him") << f << Expected{13, 1, 1, 1, 1, 1, 0, {}, {hcc}, 8};
    f.assignees = {oliver(), s("nobody.here")};
    QTest::newRow("Oliver's team") << f << Expected{13, 2, 1, 1, 0, 2, 1, {oliver()}, {hcc, occ}, 8};
    f = {};
    f.from = utc(2026, 3, 11);
    f.to = utc(2026, 3, 13);
    // 11 and 12 March, against 9 and 10 March; one week, cut to the two days.
    QTest::newRow("a period of two days")
        << f << Expected{1, 2, 1, 3, 2, 4, 1, {s("londoner"), oliver()}, {hcc, occ, wcc}, 8};
}

void TestSlaFigures::filtersNarrowEveryFigure()
{
    QFETCH(DashboardFilter, filter);
    QFETCH(Expected, expected);

    const SlaFigures f = compute(teamFixture(), kNow, filter);

    QCOMPARE(int(f.weeks.size()), expected.weeks);
    Compliance weeks;
    for (const auto &w : f.weeks)
        weeks += w.all();
    QCOMPARE(weeks.resolved, expected.resolved);
    QCOMPARE(weeks.inTime, expected.inTime);
    int open = 0;
    for (const auto &band : f.openByAge)
        for (const auto &cell : band)
            open += cell.open;
    QCOMPARE(open, expected.open);
    int forecast = 0;
    for (const auto &d : f.forecast)
        forecast += d.due;
    QCOMPARE(forecast, expected.forecast);
    QCOMPARE(f.capacity.resolved, expected.capacity);
    QCOMPARE(int(f.awaiting.size()), expected.awaiting);
    QStringList caseworkers;
    for (const auto &c : f.caseworkers)
        caseworkers << c.username;
    caseworkers.sort();
    QCOMPARE(caseworkers, expected.caseworkers);
    QCOMPARE(int(f.partners.size()), expected.partnerRows);
    QStringList partners;
    for (const auto &p : f.partners)
        if (p.current.resolved || p.previous.resolved)
            partners << p.partner;
    QCOMPARE(partners, expected.partners);
    if (filter.from) {
        QCOMPARE(f.weeks.front().start, filter.from);
        QCOMPARE(f.weeks.front().end, filter.to);
        QCOMPARE(f.previousFrom, utc(2026, 3, 9));
        QCOMPARE(f.previousTo, filter.from);
    }
}

// ---------------------------------------------------------------------------------------------
// Demo data, counted again

namespace {

constexpr int kDemoItems = 6000;

// The demo's first kDemoItems items, generated up to the fixed anchor.
Items demoItems()
{
    DemoGenerator gen(20260316, ibc::test::fixedAnchor());
    Items items;
    for (int i = 0; i < kDemoItems; ++i)
        items.push_back(gen.next());
    return items;
}

// The first time an item's change took effect, and who did it: it reached Resolved or Closed from
// an open status (a resolve that needed no check, or the check that passed one).
std::optional<Event> firstResolve(const GeneratedItem &g)
{
    const auto done = [](Status s) { return s == Status::Resolved || s == Status::Closed; };
    std::optional<Event> first;
    for (const Event &e : g.events)
        if (done(e.to) && !done(e.from) && (!first || e.at < first->at))
            first = e;
    return first;
}

// Monday 00:00 on London's clocks of the week holding `t`, found with Qt's own time zone.
EpochSecs mondayOf(EpochSecs t)
{
    const QTimeZone zone("Europe/London");
    const QDate day = QDateTime::fromSecsSinceEpoch(t, zone).date();
    return QDateTime(day.addDays(1 - day.dayOfWeek()), QTime(0, 0), zone).toSecsSinceEpoch();
}

void compareCompliance(const Compliance &a, const Compliance &b)
{
    QCOMPARE(a.resolved, b.resolved);
    QCOMPARE(a.inTime, b.inTime);
}

// Two computes of the same cache: every figure equal.
void compareFigures(const SlaFigures &a, const SlaFigures &b)
{
    QCOMPARE(a.weeks.size(), b.weeks.size());
    for (std::size_t w = 0; w < a.weeks.size(); ++w)
        for (std::size_t k = 0; k < 3; ++k)
            compareCompliance(a.weeks[w].byKind[k], b.weeks[w].byKind[k]);
    for (std::size_t band = 0; band < a.openByAge.size(); ++band)
        for (std::size_t k = 0; k < 3; ++k) {
            QCOMPARE(a.openByAge[band][k].open, b.openByAge[band][k].open);
            QCOMPARE(a.openByAge[band][k].breached, b.openByAge[band][k].breached);
        }
    QCOMPARE(a.forecast.size(), b.forecast.size());
    for (std::size_t d = 0; d < a.forecast.size(); ++d)
        QCOMPARE(a.forecast[d].due, b.forecast[d].due);
    QCOMPARE(a.capacity.resolved, b.capacity.resolved);
    QCOMPARE(a.caseworkers.size(), b.caseworkers.size());
    for (std::size_t c = 0; c < a.caseworkers.size(); ++c) {
        QCOMPARE(a.caseworkers[c].username, b.caseworkers[c].username);
        QCOMPARE(a.caseworkers[c].resolved, b.caseworkers[c].resolved);
        QCOMPARE(a.caseworkers[c].medianHandlingHours, b.caseworkers[c].medianHandlingHours);
    }
    QCOMPARE(a.partners.size(), b.partners.size());
    for (std::size_t p = 0; p < a.partners.size(); ++p) {
        QCOMPARE(a.partners[p].partner, b.partners[p].partner);
        compareCompliance(a.partners[p].current, b.partners[p].current);
        compareCompliance(a.partners[p].previous, b.partners[p].previous);
    }
    QCOMPARE(a.awaiting.size(), b.awaiting.size());
    for (std::size_t i = 0; i < a.awaiting.size(); ++i)
        QCOMPARE(a.awaiting[i].reference, b.awaiting[i].reference);
}

} // namespace

void TestSlaFigures::demoCacheAgreesWithAPlainRecount()
{
    const EpochSecs now = ibc::test::fixedAnchor() - 1; // Sunday 15 March, 23:59:59: its week has a full week's work
    const Items items = demoItems();
    const SlaRules &rules = *SlaRules::defaults();
    const SlaFigures f = compute(items, now);

    // 1. Weekly compliance.
    std::map<std::pair<EpochSecs, int>, Compliance> weekly;
    int counted = 0;
    for (const GeneratedItem &g : items)
        if (const auto r = firstResolve(g)) {
            Compliance &c = weekly[{mondayOf(r->at), int(g.item.kind)}];
            c += {1, r->at <= g.item.due ? 1 : 0};
        }
    QCOMPARE(f.weeks.size(), std::size_t(13));
    for (const auto &w : f.weeks) {
        QCOMPARE(w.start, mondayOf(w.start));
        for (Kind k : kAllKinds) {
            const Compliance want = weekly[{w.start, int(k)}];
            QCOMPARE(w.byKind[std::size_t(k)].resolved, want.resolved);
            QCOMPARE(w.byKind[std::size_t(k)].inTime, want.inTime);
            counted += want.resolved;
        }
    }
    QVERIFY2(counted > kDemoItems / 2, "the demo's 13 weeks hold most of its work");
    QVERIFY(f.weeks.back().all().resolved > 0);

    // 2. Open work by age, in each item's partner's calendar, and its SLA state.
    std::array<std::array<SlaFigures::AgeCell, 3>, SlaFigures::kAgeBands> ages{};
    for (const GeneratedItem &g : items) {
        const WorkItem &it = g.item;
        if (it.status == Status::Resolved || it.status == Status::Closed)
            continue;
        const WorkingCalendar &cal = rules.calendar(it.partner);
        const qint64 days = cal.between(it.received, now) / cal.daySeconds();
        auto &cell = ages[SlaFigures::ageBand(days)][std::size_t(it.kind)];
        ++cell.open;
        cell.breached += rules.status(it, now).state == SlaState::Breached;
    }
    int open = 0;
    for (int b = 0; b < SlaFigures::kAgeBands; ++b)
        for (Kind k : kAllKinds) {
            QCOMPARE(f.openByAge[std::size_t(b)][std::size_t(k)].open, ages[std::size_t(b)][std::size_t(k)].open);
            QCOMPARE(f.openByAge[std::size_t(b)][std::size_t(k)].breached,
                     ages[std::size_t(b)][std::size_t(k)].breached);
            open += ages[std::size_t(b)][std::size_t(k)].open;
        }
    QVERIFY(open > 0);

    // 3. The forecast and the capacity.
    for (const auto &day : f.forecast) {
        int due = 0;
        for (const GeneratedItem &g : items)
            due += g.item.status != Status::Resolved && g.item.status != Status::Closed &&
                   g.item.status != Status::AwaitingInfo && g.item.due >= day.start && g.item.due < day.end;
        QCOMPARE(day.due, due);
    }
    int capacity = 0;
    for (const GeneratedItem &g : items)
        if (const auto r = firstResolve(g))
            capacity += r->at >= f.capacity.start && r->at < f.capacity.end;
    QCOMPARE(f.capacity.resolved, capacity);

    // 4. Per caseworker this week, with the median of their handling times.
    std::map<QString, std::vector<qint64>> handling;
    std::map<QString, int> resolved;
    for (const GeneratedItem &g : items) {
        const auto r = firstResolve(g);
        if (!r || r->at < mondayOf(now) || r->at > now)
            continue;
        ++resolved[r->actor];
        std::optional<EpochSecs> start;
        for (const Event &e : g.events)
            if (e.to == Status::InProgress && (!start || e.at < *start))
                start = e.at;
        if (start && *start <= r->at)
            handling[r->actor].push_back(rules.calendar(g.item.partner).between(*start, r->at));
    }
    QCOMPARE(f.caseworkers.size(), resolved.size());
    for (const auto &c : f.caseworkers) {
        QCOMPARE(c.resolved, resolved[c.username]);
        std::vector<qint64> h = handling[c.username];
        std::sort(h.begin(), h.end());
        QCOMPARE(c.timed, int(h.size()));
        if (h.empty()) {
            QVERIFY(!c.medianHandlingHours);
            continue;
        }
        const double median =
            h.size() % 2 ? double(h[h.size() / 2]) : double(h[h.size() / 2 - 1] + h[h.size() / 2]) / 2.0;
        QCOMPARE(*c.medianHandlingHours, median / 3600.0);
    }

    // 5. Per partner, this month and last.
    for (const auto &p : f.partners) {
        Compliance current, previous;
        for (const GeneratedItem &g : items)
            if (const auto r = firstResolve(g); r && g.item.partner == p.partner) {
                const Compliance c{1, r->at <= g.item.due ? 1 : 0};
                if (r->at >= utc(2026, 3, 1) && r->at < utc(2026, 4, 1) - kHour)
                    current += c;
                else if (r->at >= utc(2026, 2, 1) && r->at < utc(2026, 3, 1))
                    previous += c;
            }
        QCOMPARE(p.current.resolved, current.resolved);
        QCOMPARE(p.current.inTime, current.inTime);
        QCOMPARE(p.previous.resolved, previous.resolved);
        QCOMPARE(p.previous.inTime, previous.inTime);
    }

    // 6. Awaiting information: the longest waits, from the last request for information.
    std::vector<std::pair<qint64, QString>> waits;
    for (const GeneratedItem &g : items) {
        if (g.item.status != Status::AwaitingInfo)
            continue;
        EpochSecs since = 0;
        for (const Event &e : g.events)
            if (e.to == Status::AwaitingInfo && e.from != Status::AwaitingInfo)
                since = std::max(since, e.at);
        waits.emplace_back(rules.calendar(g.item.partner).between(since, now), g.item.reference);
    }
    QVERIFY(!waits.empty());
    std::sort(waits.begin(), waits.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    QCOMPARE(f.awaiting.size(), std::min<std::size_t>(waits.size(), 20));
    for (std::size_t i = 0; i < f.awaiting.size(); ++i)
        QCOMPARE(f.awaiting[i].waitedSeconds, waits[i].first);

    // A cache of the schema before items kept where they got to (5): the desk's migration fills
    // them in from the history, to the same figures.
    const QString path = m_cache->path();
    m_cache.reset();
    {
        sqlite::Database db(path);
        db.exec("DROP TRIGGER events_progress_insert; DROP TRIGGER events_progress_delete; "
                "ALTER TABLE items DROP COLUMN started_at; ALTER TABLE items DROP COLUMN resolved_at; "
                "ALTER TABLE items DROP COLUMN resolved_by; ALTER TABLE users DROP COLUMN checker; "
                "ALTER TABLE items DROP COLUMN sensitive; ALTER TABLE items DROP COLUMN named; "
                "PRAGMA user_version = 5");
    }
    QVERIFY_THROWS_EXCEPTION(sqlite::Error, SlaFiguresReader(path).compute({}, rules, now));
    m_cache = Cache::open(path, nullptr, m_clock);
    compareFigures(SlaFiguresReader(path).compute({}, rules, now), f);
}

// ---------------------------------------------------------------------------------------------
// Drilling down: the items behind a number

void TestSlaFigures::drillDownListsTheItemsBehindANumber_data()
{
    QTest::addColumn<DashboardFilter>("filter");
    QTest::addColumn<DashboardPick>("pick");
    QTest::addColumn<QStringList>("expected"); // references, in the fixture's (and so the rows') order

    // The fixture is teamFixture(); with kNow, week 11 starts on Monday 9 March and week 12 (the
    // last) on Monday 16 March, and the forecast's days 1, 2 and 4 are Thursday 19, Friday 20 and
    // Tuesday 24 March.
    const DashboardFilter everything;
    const QString a = s("HR-0000001"), b = s("INV-0000002"), c = s("PAY-0000003"), d = s("INV-0000004"),
                  e = s("HR-0000005"), f = s("HR-0000006"), g = s("PAY-0000007");
    QTest::newRow("last week, all queues: in time and late") << everything << weekPick(11) << QStringList{a, b, c};
    QTest::newRow("last week's invoices") << everything << weekPick(11, Kind::Invoice) << QStringList{b};
    QTest::newRow("this week: resolved by Oliver, held by Sam since") << everything << weekPick(12) << QStringList{g};
    QTest::newRow("2 to 5 days old, paused work too")
        << everything << agePick(SlaFigures::TwoToFiveDays) << QStringList{d, e};
    QTest::newRow("2 to 5 days old, HR") << everything << agePick(SlaFigures::TwoToFiveDays, Kind::HrChange)
                                         << QStringList{e};
    QTest::newRow("up to a day old, not breached")
        << everything << agePick(SlaFigures::UpToOneDay, {}, false) << QStringList{f};
    QTest::newRow("up to a day old, breached: none")
        << everything << agePick(SlaFigures::UpToOneDay, {}, true) << QStringList{};
    QTest::newRow("due Thursday") << everything << forecastPick(1) << QStringList{d};
    QTest::newRow("due Friday: awaiting information is paused, not forecast")
        << everything << forecastPick(2) << QStringList{};
    QTest::newRow("due Tuesday 24th") << everything << forecastPick(4) << QStringList{f};
    QTest::newRow("Oliver this week, not last week") << everything << caseworkerPick(oliver()) << QStringList{g};
    QTest::newRow("HCC this month") << everything << partnerPick(s("HCC")) << QStringList{a, g};
    QTest::newRow("OCC last month: nothing") << everything << partnerPick(s("OCC"), true) << QStringList{};

    DashboardFilter sam;
    sam.assignees = {s("sam.patel")};
    QTest::newRow("Sam's last week: resolved by him") << sam << weekPick(11) << QStringList{a};
    QTest::newRow("Sam's this week: G is held by him but was resolved by Oliver")
        << sam << weekPick(12) << QStringList{};
    QTest::newRow("Sam's 2 to 5 days old: held by him") << sam << agePick(SlaFigures::TwoToFiveDays) << QStringList{d};
    QTest::newRow("Sam's Thursday") << sam << forecastPick(1) << QStringList{d};

    DashboardFilter period;
    period.from = utc(2026, 3, 11);
    period.to = utc(2026, 3, 13);
    QTest::newRow("a period of two days: its one week") << period << weekPick(0) << QStringList{b, c};
    QTest::newRow("a period of two days: its caseworkers") << period << caseworkerPick(s("londoner")) << QStringList{c};
    QTest::newRow("a period of two days: the two days before")
        << period << partnerPick(s("HCC"), true) << QStringList{a};

    DashboardFilter hcc;
    hcc.partner = s("HCC");
    QTest::newRow("one partner: last week") << hcc << weekPick(11) << QStringList{a};
    QTest::newRow("one partner: open work") << hcc << agePick(SlaFigures::TwoToFiveDays) << QStringList{d};
}

void TestSlaFigures::drillDownListsTheItemsBehindANumber()
{
    QFETCH(DashboardFilter, filter);
    QFETCH(DashboardPick, pick);
    QFETCH(QStringList, expected);

    compute(teamFixture(), kNow, filter);
    SlaFiguresReader reader(m_cache->path());
    QCOMPARE(references(reader.rows(filter, *SlaRules::defaults(), kNow, pick)), expected);
}

void TestSlaFigures::nothingIsBehindANumberTheDashboardDoesNotShow_data()
{
    QTest::addColumn<DashboardFilter>("filter");
    QTest::addColumn<DashboardPick>("pick");

    const DashboardFilter everything;
    QTest::newRow("week -1") << everything << weekPick(-1);
    QTest::newRow("week 13 of 13") << everything << weekPick(13);
    QTest::newRow("age band -1") << everything << agePick(-1);
    QTest::newRow("age band 4 of 4") << everything << agePick(SlaFigures::kAgeBands);
    QTest::newRow("forecast day -1") << everything << forecastPick(-1);
    QTest::newRow("forecast day 10 of 10") << everything << forecastPick(10);
    QTest::newRow("a caseworker who resolved nothing this week") << everything << caseworkerPick(s("sam.patel"));
    QTest::newRow("no caseworker") << everything << caseworkerPick({});
    QTest::newRow("a partner nobody knows") << everything << partnerPick(s("XYZ"));
    QTest::newRow("no partner") << everything << partnerPick({});
    DashboardFilter period;
    period.from = utc(2026, 3, 11);
    period.to = utc(2026, 3, 13);
    QTest::newRow("week 1 of a period with one") << period << weekPick(1);
    DashboardFilter hcc;
    hcc.partner = s("HCC");
    QTest::newRow("a partner outside the filter") << hcc << partnerPick(s("OCC"), false);
}

void TestSlaFigures::nothingIsBehindANumberTheDashboardDoesNotShow()
{
    QFETCH(DashboardFilter, filter);
    QFETCH(DashboardPick, pick);

    compute(teamFixture(), kNow, filter);
    SlaFiguresReader reader(m_cache->path());
    QCOMPARE(references(reader.rows(filter, *SlaRules::defaults(), kNow, pick)), QStringList());
}

namespace {

// Whether a demo item is behind the pick's number of `f`, decided from the generated item itself
// and the figures' periods and days (each tested above).
bool isBehind(const GeneratedItem &g, const DashboardPick &p, const SlaFigures &f, const SlaRules &rules)
{
    using Part = DashboardPick::Part;
    const WorkItem &it = g.item;
    if (p.kind && *p.kind != it.kind)
        return false;
    const std::optional<Event> first = firstResolve(g);
    const auto resolvedIn = [&](EpochSecs from, EpochSecs to) { return first && first->at >= from && first->at < to; };
    const bool open = it.status != Status::Resolved && it.status != Status::Closed;
    switch (p.part) {
    case Part::Week: return resolvedIn(f.weeks[std::size_t(p.index)].start, f.weeks[std::size_t(p.index)].end);
    case Part::Age: {
        if (!open)
            return false;
        const WorkingCalendar &cal = rules.calendar(it.partner);
        const bool breached = rules.status(it, f.now).state == SlaState::Breached;
        return SlaFigures::ageBand(cal.between(it.received, f.now) / cal.daySeconds()) == p.index &&
               (!p.breached || *p.breached == breached);
    }
    case Part::Forecast: {
        const SlaFigures::ForecastDay &day = f.forecast[std::size_t(p.index)];
        return open && it.status != Status::AwaitingInfo && it.due >= day.start && it.due < day.end;
    }
    case Part::Caseworker: return resolvedIn(f.caseworkersFrom, f.caseworkersTo) && first->actor == p.name;
    case Part::Partner:
        return it.partner == p.name &&
               (p.previous ? resolvedIn(f.previousFrom, f.previousTo) : resolvedIn(f.currentFrom, f.currentTo));
    }
    return false;
}

} // namespace

void TestSlaFigures::demoCacheDrillDownsListThePlainRecountsItems()
{
    const EpochSecs now = ibc::test::fixedAnchor() - 1;
    const Items items = demoItems();
    const SlaRules &rules = *SlaRules::defaults();
    const SlaFigures f = compute(items, now);

    std::map<qint64, QString> ids; // by row
    {
        sqlite::Database db(m_cache->path(), sqlite::Database::Mode::ReadOnly);
        sqlite::Statement st = db.prepare("SELECT row, id FROM items");
        while (st.step())
            ids[st.int64(0)] = st.text(1);
    }
    SlaFiguresReader reader(m_cache->path());
    QElapsedTimer timer;
    qint64 listed = 0, slowestMs = 0;
    for (const Number &n : everyNumber(f)) {
        QStringList want, got;
        for (const GeneratedItem &g : items)
            if (isBehind(g, n.pick, f, rules))
                want << g.item.id;
        timer.start();
        const std::vector<qint64> rows = reader.rows({}, rules, now, n.pick);
        slowestMs = std::max(slowestMs, timer.elapsed());
        for (qint64 row : rows)
            got << ids.at(row);
        want.sort();
        got.sort();
        QVERIFY2(got == want, qPrintable(QStringLiteral("%1: %2 items, %3 of them the recount's; the recount has %4")
                                             .arg(n.what)
                                             .arg(got.size())
                                             .arg(std::count_if(got.begin(), got.end(),
                                                                [&](const QString &id) { return want.contains(id); }))
                                             .arg(want.size())));
        listed += got.size();
    }
    QVERIFY2(listed > kDemoItems, "the numbers were put to the test");
    qInfo("%lld items listed behind the demo's numbers; the slowest rows() took %lld ms", listed, slowestMs);
}

void TestSlaFigures::demoCacheEveryNumberHasItsRowsUnderEachFilter_data()
{
    QTest::addColumn<DashboardFilter>("filter");

    const EpochSecs anchor = ibc::test::fixedAnchor();
    DashboardFilter f;
    f.partner = s("HCC");
    QTest::newRow("one partner") << f;
    f = {};
    f.partners = {s("HCC"), s("OCC"), s("HIWFRS")};
    QTest::newRow("the user's partners") << f;
    f = {};
    f.kind = Kind::PayrollException;
    QTest::newRow("one queue") << f;
    f = {};
    f.assignees = {oliver(), s("sam.patel")};
    QTest::newRow("a team") << f;
    f = {};
    f.from = anchor - 24 * kDay;
    f.to = anchor - 3 * kDay;
    QTest::newRow("three weeks from a Thursday") << f;
    f.partners = {s("HCC"), s("OCC"), s("HIWFRS")};
    f.kind = Kind::Invoice;
    f.assignees = {oliver(), s("sam.patel")};
    QTest::newRow("all of them at once") << f;
}

void TestSlaFigures::demoCacheEveryNumberHasItsRowsUnderEachFilter()
{
    QFETCH(DashboardFilter, filter);

    const SlaFigures f = compute(demoItems(), ibc::test::fixedAnchor() - 1, filter); // drills into every number
    int behind = 0;
    for (const Number &n : everyNumber(f))
        behind += n.figure;
    QVERIFY2(behind > 50, "the filter left numbers to drill into");
}

namespace {

// Why a demo item's breach happened, by the report's rule, from its generated history: the latest
// reason given with an escalation, a request for information or a sending back at or before
// `until`, else its latest note.
QString reasonFromHistory(const GeneratedItem &g, EpochSecs until)
{
    const QStringList withReasons{s("escalate"), s("request_info"), s("reject")};
    const Event *event = nullptr;
    for (const Event &e : g.events)
        if (withReasons.contains(e.type) && !e.detail.isEmpty() && e.at <= until && (!event || e.at >= event->at))
            event = &e;
    if (event)
        return event->detail;
    const Note *note = nullptr;
    for (const Note &n : g.notes)
        if (!note || n.at >= note->at)
            note = &n;
    return note ? note->text : QString();
}

} // namespace

void TestSlaFigures::demoCacheBreachesAreTheFiguresLateAndOverdueWork_data()
{
    QTest::addColumn<DashboardFilter>("filter");

    const EpochSecs anchor = ibc::test::fixedAnchor();
    DashboardFilter f;
    QTest::newRow("everything") << f;
    f.partner = s("HCC");
    QTest::newRow("one partner") << f;
    f = {};
    f.partners = {s("HCC"), s("OCC"), s("HIWFRS")};
    QTest::newRow("the user's partners") << f;
    f = {};
    f.kind = Kind::PayrollException;
    QTest::newRow("one queue") << f;
    f = {};
    f.assignees = {oliver(), s("sam.patel")};
    QTest::newRow("a team") << f;
    // Oliver's whole team: every caseworker for his three partners.
    QStringList team;
    for (const User &u : DemoGenerator::demoUsers())
        if (u.role == Role::Caseworker && u.partners == oliverUser().partners)
            team << u.username;
    f.assignees = team;
    QTest::newRow("a team of a dozen") << f;
    f = {};
    f.from = anchor - 24 * kDay;
    f.to = anchor - 3 * kDay;
    QTest::newRow("three weeks from a Thursday") << f;
    f.partners = {s("HCC"), s("OCC"), s("HIWFRS")};
    f.kind = Kind::Invoice;
    f.assignees = team;
    QTest::newRow("all of them at once") << f;
}

void TestSlaFigures::demoCacheBreachesAreTheFiguresLateAndOverdueWork()
{
    QFETCH(DashboardFilter, filter);

    const EpochSecs now = ibc::test::fixedAnchor() - 1;
    const Items items = demoItems();
    const SlaRules &rules = *SlaRules::defaults();
    m_cache->insertGenerated(items);
    SlaFiguresReader reader(m_cache->path());
    QElapsedTimer timer;
    timer.start();
    const std::vector<SlaBreach> breaches = reader.breaches(filter, rules, now);
    const qint64 breachesMs = timer.restart();
    const SlaFigures f = reader.compute(filter, rules, now);
    const qint64 computeMs = timer.elapsed();
    breachesAgreeWithTheFigures(reader, filter, rules, now, breaches);
    if (QTest::currentTestFailed())
        return;
    breachDetailsAreTheItems(*m_cache, breaches, items);
    if (QTest::currentTestFailed())
        return;
    // Asked for the figures too, one pass gives the same breaches and compute()'s figures.
    {
        SlaFigures withFigures;
        const std::vector<SlaBreach> again = reader.breaches(filter, rules, now, &withFigures);
        QCOMPARE(again.size(), breaches.size());
        for (std::size_t i = 0; i < again.size(); ++i) {
            QCOMPARE(again[i].row, breaches[i].row);
            QCOMPARE(again[i].overdueSeconds, breaches[i].overdueSeconds);
            QCOMPARE(again[i].reason, breaches[i].reason);
        }
        compareFigures(withFigures, f);
        if (QTest::currentTestFailed())
            return;
    }

    // Counted again from the generated items: the filter's partners and queue; the team by who
    // first resolved the work, or who holds it.
    const auto inScope = [&](const WorkItem &it) {
        if (filter.kind && *filter.kind != it.kind)
            return false;
        if (!filter.partner.isEmpty())
            return it.partner == filter.partner &&
                   (filter.partners.isEmpty() || filter.partners.contains(filter.partner));
        return filter.partners.isEmpty() || filter.partners.contains(it.partner);
    };
    const auto ofTeam = [&](const QString &who) {
        return filter.assignees.isEmpty() || filter.assignees.contains(who);
    };
    QStringList want;
    int resolved = 0, withReason = 0;
    for (const GeneratedItem &g : items) {
        const WorkItem &it = g.item;
        if (!inScope(it))
            continue;
        const WorkingCalendar &calendar = rules.calendar(it.partner);
        if (const auto r = firstResolve(g);
            r && r->at >= f.currentFrom && r->at < f.currentTo && r->at > it.due && ofTeam(r->actor))
            want << it.id + QLatin1Char(' ') +
                        breachLine(it.reference, r->at, calendar.between(it.due, r->at), reasonFromHistory(g, r->at));
        if (it.status != Status::Resolved && it.status != Status::Closed && ofTeam(it.assignee) &&
            rules.status(it, now).state == SlaState::Breached)
            want << it.id + QLatin1Char(' ') +
                        breachLine(it.reference, 0, calendar.between(it.due, now), reasonFromHistory(g, now));
    }
    QStringList got;
    for (const SlaBreach &b : breaches) {
        got << b.id + QLatin1Char(' ') + breachLine(b.reference, b.resolved, b.overdueSeconds, b.reason);
        resolved += b.resolved != 0;
        withReason += !b.reason.isEmpty();
    }
    want.sort();
    got.sort();
    QCOMPARE(got, want);
    QVERIFY2(!breaches.empty(), "the filter left breaches to list");
    if (QTest::currentDataTag() == QByteArray("everything")) {
        QVERIFY2(resolved > 20 && int(breaches.size()) - resolved > 20, "late work and overdue work to list");
        QVERIFY2(withReason > 0 && withReason < int(breaches.size()), "reasons, and breaches without one");
    }
    qInfo("%zu breaches (%d resolved late, %d open) in %lld ms; compute() %lld ms", breaches.size(), resolved,
          int(breaches.size()) - resolved, breachesMs, computeMs);
}

QTEST_GUILESS_MAIN(TestSlaFigures)
#include "tst_slafigures.moc"
