// The team leader's dashboard as Priya uses it, offscreen, on generated work: every chart's series
// against numbers counted here from the generated items themselves; a click on a bar that opens its
// work in the queue; a reassignment; the CSV, PNG and PDF exports; the filters kept between runs;
// and the monthly report from the command line.
#include "cache/Cache.h"
#include "DialogDriver.h"
#include "domain/DemoGenerator.h"
#include "domain/Partner.h"
#include "domain/Sla.h"
#include "domain/WorkingCalendar.h"
#include "itemmodels/QueueModel.h"
#include "ui/DashboardCharts.h"
#include "ui/DashboardView.h"
#include "ui/MainWindow.h"
#include "ui/Navigator.h"
#include "ui/ReassignDialog.h"
#include "ui/SlaReport.h"
#include "ui/Translations.h"

#include <QAccessible>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QHorizontalBarSeries>
#include <QImage>
#include <QLineSeries>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedBarSeries>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <QToolButton>

#include <map>

using namespace ibc;
using namespace Qt::Literals::StringLiterals;
using models::EpochSecs;
using models::Kind;
using models::Status;

namespace {

constexpr EpochSecs kAnchor = 1795000000 - 1795000000 % 86400; // Wed 18 Nov 2026, 00:00 UTC
constexpr EpochSecs kNow = kAnchor + 14 * 3600 + 20 * 60;      // 14:20 that day

bool isOpen(Status s) { return s != Status::Resolved && s != Status::Closed; }

// When an item's change first took effect (a move from an open status to Resolved or Closed: a
// resolve that needed no check, or the check that passed one) and who made it; 0 if never.
std::pair<EpochSecs, QString> firstResolve(const models::GeneratedItem &g)
{
    std::pair<EpochSecs, QString> first{0, {}};
    for (const models::Event &e : g.events)
        if (!isOpen(e.to) && isOpen(e.from) && (first.first == 0 || e.at < first.first))
            first = {e.at, e.actor};
    return first;
}

EpochSecs londonMidnight(QDate d) { return QDateTime(d, QTime(0, 0), QTimeZone("Europe/London")).toSecsSinceEpoch(); }
QDate londonDate(EpochSecs t) { return QDateTime::fromSecsSinceEpoch(t, QTimeZone("Europe/London")).date(); }

// The figures, counted from the generated items in plain loops.
struct Expected {
    std::vector<EpochSecs> weekStarts;                       // 13 Mondays and the Monday after
    std::array<std::vector<std::pair<int, int>>, 3> weeks;   // [kind][week] = {resolved, in time}
    std::array<std::array<std::pair<int, int>, 3>, 4> age{}; // [band][kind] = {open, breached}
    std::vector<EpochSecs> dayStarts;                        // 10 working days and the one after
    std::vector<int> forecast;
    double capacity = 0;
    std::map<QString, int> resolvedThisWeek; // by username
};

Expected count(const std::vector<models::GeneratedItem> &items, const models::SlaRules &rules)
{
    Expected x;
    const QDate today = londonDate(kNow);
    const QDate monday = today.addDays(1 - today.dayOfWeek());
    for (int w = 12; w >= -1; --w)
        x.weekStarts.push_back(londonMidnight(monday.addDays(-7 * w)));
    for (auto &k : x.weeks)
        k.assign(13, {0, 0});
    const models::WorkingCalendar &calendar = rules.calendar(QString());
    for (QDate d = today; x.dayStarts.size() < 11; d = d.addDays(1))
        if (calendar.isWorkingDay(d))
            x.dayStarts.push_back(londonMidnight(d));
    x.forecast.assign(10, 0);
    QDate d = today;
    for (int n = 0; n < 20;) {
        d = d.addDays(-1);
        n += calendar.isWorkingDay(d) ? 1 : 0;
    }
    const EpochSecs capacityFrom = londonMidnight(d), capacityTo = londonMidnight(today);
    int capacityResolved = 0;

    for (const models::GeneratedItem &g : items) {
        const models::WorkItem &it = g.item;
        const auto [resolved, actor] = firstResolve(g);
        if (resolved) {
            for (int w = 0; w < 13; ++w)
                if (resolved >= x.weekStarts[std::size_t(w)] && resolved < x.weekStarts[std::size_t(w) + 1]) {
                    auto &c = x.weeks[std::size_t(it.kind)][std::size_t(w)];
                    ++c.first;
                    c.second += resolved <= it.due ? 1 : 0;
                }
            if (resolved >= capacityFrom && resolved < capacityTo)
                ++capacityResolved;
            if (resolved >= x.weekStarts[12] && resolved < x.weekStarts[13])
                ++x.resolvedThisWeek[actor];
        }
        if (!isOpen(it.status))
            continue;
        const models::WorkingCalendar &own = rules.calendar(it.partner);
        const qint64 days = own.between(it.received, kNow) / own.daySeconds();
        const int band = days <= 1 ? 0 : days <= 5 ? 1 : days <= 10 ? 2 : 3;
        auto &cell = x.age[std::size_t(band)][std::size_t(it.kind)];
        ++cell.first;
        cell.second += rules.status(it, kNow).state == models::SlaState::Breached ? 1 : 0;
        if (it.status != Status::AwaitingInfo)
            for (int i = 0; i < 10; ++i)
                if (it.due >= x.dayStarts[std::size_t(i)] && it.due < x.dayStarts[std::size_t(i) + 1])
                    ++x.forecast[std::size_t(i)];
    }
    x.capacity = capacityResolved / 20.0;
    return x;
}

} // namespace

class TestDashboard : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void chartsShowTheFiguresCountedFromTheWork();
    void showAsTableAndCsvCarryTheSameNumbers();
    void clickingABarOpensItsWorkInTheQueueAndReassignsIt();
    void theLatestClickWinsAndARefreshKeepsTheChosenRow();
    void exportsPngAndPdf();
    void filtersAreKeptBetweenRuns();
    void caseworkersDoNotSeeItAndAuditorsCannotReassign();
    void monthlyReportRefusesWhatIsNotAPartnerOrMonth_data();
    void monthlyReportRefusesWhatIsNotAPartnerOrMonth();
    void monthlyReportCoversOnePartnerAndMonth();
    void monthlyReportFromTheCommandLine();

private:
    std::unique_ptr<ui::MainWindow> openDashboard();

    QTemporaryDir m_dir;
    std::unique_ptr<models::Cache> m_cache;
    std::vector<models::GeneratedItem> m_items;
    models::ManualClock m_clock{kNow};
    std::vector<models::User> m_users;
    models::User m_priya;
    Expected m_expected;
};

void TestDashboard::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("IBC-tests-dashboard"));
    QSettings().clear();
    QCOMPARE(ui::installTranslations(*QCoreApplication::instance(), QLocale(QLocale::English, QLocale::UnitedKingdom)),
             QStringLiteral("en_GB"));
    QVERIFY(m_dir.isValid());
    m_cache = models::Cache::open(m_dir.filePath(QStringLiteral("desk.sqlite")), nullptr, m_clock);
    m_users = models::DemoGenerator::demoUsers();
    m_cache->saveUsers(m_users);
    for (const models::User &u : m_users)
        if (u.username == QLatin1String("priya.shah"))
            m_priya = u;
    QCOMPARE(m_priya.role, models::Role::TeamLeader);
    m_cache->setCurrentUser(m_priya);
    models::DemoGenerator gen(11, kAnchor);
    for (int i = 0; i < 6000; ++i)
        m_items.push_back(gen.next());
    m_cache->insertGenerated(m_items);
    m_expected = count(m_items, *m_cache->slaRules());
}

std::unique_ptr<ui::MainWindow> TestDashboard::openDashboard()
{
    auto w = std::make_unique<ui::MainWindow>(*m_cache, m_priya, m_clock);
    w->show();
    if (!QTest::qWaitForWindowExposed(w.get()))
        return nullptr;
    QSignalSpy refreshed(w->dashboardView(), &ui::DashboardView::refreshed);
    if (!w->selectView(ui::Navigator::dashboardView()))
        return nullptr;
    if (!refreshed.wait(20000))
        return nullptr;
    return w;
}

void TestDashboard::chartsShowTheFiguresCountedFromTheWork()
{
    const auto w = openDashboard();
    QVERIFY(w);
    ui::DashboardView *d = w->dashboardView();
    const Expected &x = m_expected;

    // Weekly compliance: a line per queue, a point for each week with resolved work.
    QChart *compliance = d->chartView(ui::DashboardChart::Compliance)->chart();
    int checkedPoints = 0;
    for (Kind k : models::kAllKinds) {
        QLineSeries *line = nullptr;
        for (QAbstractSeries *s : compliance->series())
            if (s->name() == models::kindPluralLabel(k))
                line = qobject_cast<QLineSeries *>(s);
        QVERIFY(line);
        QList<QPointF> expected;
        for (int i = 0; i < 13; ++i)
            if (const auto [resolved, inTime] = x.weeks[std::size_t(k)][std::size_t(i)]; resolved > 0)
                expected << QPointF(i, 100.0 * inTime / resolved);
        QCOMPARE(line->points().size(), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i) {
            QCOMPARE(line->points()[i].x(), expected[i].x());
            QVERIFY2(qAbs(line->points()[i].y() - expected[i].y()) < 1e-9, qPrintable(models::kindLabel(k)));
        }
        checkedPoints += int(expected.size());
    }
    QVERIFY(checkedPoints >= 30);

    // Open work by age: per queue, the part in time and the breached part.
    auto *age = qobject_cast<QStackedBarSeries *>(d->chartView(ui::DashboardChart::Age)->chart()->series().front());
    QVERIFY(age);
    QCOMPARE(age->count(), 6);
    int open = 0, breached = 0;
    for (Kind k : models::kAllKinds)
        for (int band = 0; band < 4; ++band) {
            const auto [o, b] = x.age[std::size_t(band)][std::size_t(k)];
            QCOMPARE(age->barSets()[2 * int(k)]->at(band), double(o - b));
            QCOMPARE(age->barSets()[2 * int(k) + 1]->at(band), double(b));
            open += o;
            breached += b;
        }
    QVERIFY(open > 100);
    QVERIFY(breached > 0);

    // The breach forecast against capacity.
    QChart *forecast = d->chartView(ui::DashboardChart::Forecast)->chart();
    QBarSet *due = qobject_cast<QAbstractBarSeries *>(forecast->series().front())->barSets().front();
    QCOMPARE(due->count(), 10);
    for (int i = 0; i < 10; ++i)
        QCOMPARE(due->at(i), double(x.forecast[std::size_t(i)]));
    auto *capacity = qobject_cast<QLineSeries *>(forecast->series().back());
    QVERIFY(capacity);
    QVERIFY(x.capacity > 0);
    for (const QPointF &p : capacity->points())
        QCOMPARE(p.y(), x.capacity);

    // Resolved this week per caseworker, most at the top.
    QChart *caseworkers = d->chartView(ui::DashboardChart::Caseworkers)->chart();
    QBarSet *resolved = qobject_cast<QAbstractBarSeries *>(caseworkers->series().front())->barSets().front();
    std::vector<std::pair<int, QString>> ranked;
    for (const auto &[who, n] : x.resolvedThisWeek)
        ranked.push_back({-n, who});
    std::sort(ranked.begin(), ranked.end());
    QVERIFY(!ranked.empty());
    const int shown = std::min<int>(12, int(ranked.size()));
    QCOMPARE(resolved->count(), shown);
    for (int i = 0; i < shown; ++i)
        QCOMPARE(resolved->at(shown - 1 - i), double(-ranked[std::size_t(i)].first));
}

void TestDashboard::showAsTableAndCsvCarryTheSameNumbers()
{
    const auto w = openDashboard();
    QVERIFY(w);
    ui::DashboardView *d = w->dashboardView();
    // Show as table: the forecast's numbers, read as a screen reader reads them.
    // What a screen reader is given is the accessibility tree (QAccessible, which Qt hands to
    // AT-SPI on Linux): each chart names itself and says how to read it, its button is reached from
    // the keyboard, and its table's cells, with their column headers, are the numbers.
    for (const ui::DashboardChart chart : ui::kDashboardCharts) {
        QAccessibleInterface *view = QAccessible::queryAccessibleInterface(d->chartView(chart));
        QVERIFY(view);
        QCOMPARE(view->text(QAccessible::Name), ui::chartTitle(chart));
        QVERIFY(view->text(QAccessible::Description).contains(QStringLiteral("Show as table")));
        QToolButton *button = d->showAsTableButton(chart);
        QVERIFY(button->focusPolicy() & Qt::TabFocus);
        QVERIFY(QAccessible::queryAccessibleInterface(button)->text(QAccessible::Name).contains(ui::chartTitle(chart)));
    }
    QToolButton *asTable = d->showAsTableButton(ui::DashboardChart::Forecast);
    asTable->setFocus();
    QTest::keyClick(asTable, Qt::Key_Space);
    QTableWidget *table = d->chartTableView(ui::DashboardChart::Forecast);
    QVERIFY(table->isVisible());
    QAccessibleInterface *read = QAccessible::queryAccessibleInterface(table);
    QVERIFY(read && read->tableInterface());
    QCOMPARE(read->text(QAccessible::Name), ui::chartTitle(ui::DashboardChart::Forecast));
    QAccessibleTableInterface *cells = read->tableInterface();
    QCOMPARE(cells->rowCount(), 10);
    for (int i = 0; i < 10; ++i) {
        QAccessibleInterface *cell = cells->cellAt(i, 1);
        QVERIFY(cell && cell->tableCellInterface());
        QCOMPARE(cell->text(QAccessible::Name), QLocale().toString(m_expected.forecast[std::size_t(i)]));
        const QList<QAccessibleInterface *> headers = cell->tableCellInterface()->columnHeaderCells();
        QCOMPARE(headers.size(), 1);
        QCOMPARE(headers.front()->text(QAccessible::Name), table->horizontalHeaderItem(1)->text());
    }
    asTable->click();
    QVERIFY(!table->isVisible());

    // Every chart's CSV: a header, then the numbers. The age table sums to the open work.
    for (const ui::DashboardChart chart : ui::kDashboardCharts) {
        const QString file = m_dir.filePath(ui::chartFileName(chart));
        QString error;
        QVERIFY2(d->saveCsv(chart, file, &error), qPrintable(error));
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().split('\n');
        QVERIFY(lines.size() > 2);
        QVERIFY(lines.front().endsWith('\r'));
        if (chart == ui::DashboardChart::Age) {
            int open = 0;
            for (const auto &band : m_expected.age)
                for (const auto &[o, b] : band)
                    open += o;
            int fromCsv = 0;
            for (qsizetype i = 1; i < lines.size(); ++i)
                if (const QList<QByteArray> row = lines[i].trimmed().split(','); row.size() > 7)
                    fromCsv += row[7].toInt();
            QCOMPARE(fromCsv, open);
        }
    }
}

void TestDashboard::clickingABarOpensItsWorkInTheQueueAndReassignsIt()
{
    const auto w = openDashboard();
    QVERIFY(w);
    ui::DashboardView *d = w->dashboardView();
    // The breached payroll exceptions open over 10 working days: clicked where the bar is drawn.
    QChartView *view = d->chartView(ui::DashboardChart::Age);
    auto *series = qobject_cast<QStackedBarSeries *>(view->chart()->series().front());
    int band = 3;
    while (band >= 0 && m_expected.age[std::size_t(band)][std::size_t(Kind::PayrollException)].second == 0)
        --band;
    QVERIFY(band >= 0);
    const int behind = m_expected.age[std::size_t(band)][std::size_t(Kind::PayrollException)].second;
    double below = 0; // the sets stacked under it
    for (int s = 0; s < 5; ++s)
        below += series->barSets()[s]->at(band);
    const QPointF inChart = view->chart()->mapToPosition(QPointF(band, below + behind / 2.0), series);
    const QPoint at = view->mapFromScene(view->chart()->mapToScene(inChart));
    QSignalSpy drilled(d, &ui::DashboardView::drillDown);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
    QVERIFY(drilled.wait(10000));
    QTRY_VERIFY_WITH_TIMEOUT(!w->queueModel()->isLoading(), 10000);
    QTRY_COMPARE(w->queueModel()->rowCount(), behind);
    QVERIFY(w->drillDownBanner()->isVisible());
    std::vector<models::QueueRow> shown;
    for (int r = 0; r < w->queueModel()->rowCount(); ++r) {
        const auto item = m_cache->item(w->queueModel()->index(r, 0).data(models::QueueModel::ItemIdRole).toString());
        QVERIFY(item);
        QCOMPARE(item->kind, Kind::PayrollException);
        QCOMPARE(m_cache->slaRules()->status(*item, kNow).state, models::SlaState::Breached);
    }

    // Reassign these: to the person the dialog offers first (the least open work).
    const int outboxBefore = m_cache->outboxCount();
    QString to;
    ibc::test::whenModal([&to](QWidget *dialog) {
        auto *r = qobject_cast<ui::ReassignDialog *>(dialog);
        QVERIFY(r);
        to = r->assigneeBox()->currentData().toString();
        ibc::test::clickButton(dialog, QStringLiteral("Reassign"));
    });
    QPushButton *reassign = nullptr;
    for (QPushButton *b : w->drillDownBanner()->findChildren<QPushButton *>())
        if (b->text() == QStringLiteral("Reassign these…"))
            reassign = b;
    QVERIFY(reassign && reassign->isVisible());
    reassign->click();
    QVERIFY(!to.isEmpty());
    int moved = 0, awaitingCheck = 0;
    for (int r = 0; r < w->queueModel()->rowCount(); ++r) {
        const auto item = m_cache->item(w->queueModel()->index(r, 0).data(models::QueueModel::ItemIdRole).toString());
        if (item->status == Status::AwaitingCheck) {
            ++awaitingCheck; // stays with the caseworker who made the change, who must not check it
            continue;
        }
        QCOMPARE(item->assignee, to);
        ++moved;
    }
    QCOMPARE(moved + awaitingCheck, behind);
    QVERIFY(moved > 0);
    QVERIFY(m_cache->outboxCount() - outboxBefore <= behind);
    QVERIFY(m_cache->outboxCount() > outboxBefore);

    // Back to the dashboard.
    for (QPushButton *b : w->drillDownBanner()->findChildren<QPushButton *>())
        if (b->text() == QLatin1String("Back to service levels"))
            b->click();
    QCOMPARE(w->navigator()->currentView(), ui::Navigator::dashboardView());
}

void TestDashboard::theLatestClickWinsAndARefreshKeepsTheChosenRow()
{
    const auto w = openDashboard();
    QVERIFY(w);
    ui::DashboardView *d = w->dashboardView();

    // A second click while the first one's work is still being found: the second is opened.
    QSignalSpy drilled(d, &ui::DashboardView::drillDown);
    models::DashboardPick lastWeek;
    lastWeek.part = models::DashboardPick::Part::Week;
    lastWeek.index = 11;
    models::DashboardPick youngest;
    youngest.part = models::DashboardPick::Part::Age;
    youngest.index = 0;
    d->open(lastWeek);
    d->open(youngest);
    QVERIFY(drilled.wait(10000));
    QTRY_COMPARE(drilled.last().at(0).toString(), ui::pickTitle(youngest, d->figures()));

    // The caseworker a team leader chose in the table stays chosen when new figures come.
    QTableWidget *table = d->chartTableView(ui::DashboardChart::Caseworkers);
    QVERIFY(table->rowCount() > 3);
    table->setCurrentCell(2, 1);
    const QString chosen = table->item(2, 0)->text();
    QSignalSpy refreshed(d, &ui::DashboardView::refreshed);
    d->refresh();
    QVERIFY(refreshed.wait(20000));
    QVERIFY(table->currentItem());
    QCOMPARE(table->item(table->currentRow(), 0)->text(), chosen);
    QCOMPARE(table->currentColumn(), 1);
}

void TestDashboard::exportsPngAndPdf()
{
    const auto w = openDashboard();
    QVERIFY(w);
    ui::DashboardView *d = w->dashboardView();
    d->partnerBox()->setCurrentIndex(d->partnerBox()->findData(QStringLiteral("HCC")));
    QSignalSpy refreshed(d, &ui::DashboardView::refreshed);
    QVERIFY(refreshed.wait(20000));
    QCOMPARE(d->filter().partner, QStringLiteral("HCC"));

    QString error;
    const QString png = m_dir.filePath(QStringLiteral("dashboard.png"));
    QVERIFY2(d->savePng(png, &error), qPrintable(error));
    const QImage image(png);
    QVERIFY(image.width() > 800 && image.height() > 800);

    const QString pdf = m_dir.filePath(QStringLiteral("dashboard.pdf"));
    QVERIFY2(d->savePdf(pdf, &error), qPrintable(error));
    QProcess text;
    text.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    QVERIFY2(text.waitForFinished(30000), "pdftotext (poppler-utils) is needed: scripts/install-deps installs it");
    const QString words = QString::fromUtf8(text.readAllStandardOutput());
    QVERIFY2(words.contains(QStringLiteral("HCC")), qPrintable(words.left(400)));
    QVERIFY(words.contains(QStringLiteral("Resolved within the service level, per partner")));
    // The partner's figures: its row of the per-partner table.
    const ui::FigureTable partners = ui::partnerTable(d->figures());
    QCOMPARE(partners.rows.size(), 1);
    QVERIFY(partners.rows.front().at(1).toInt() > 0);
    QVERIFY2(words.contains(QRegularExpression(QStringLiteral("HCC\\s+") +
                                               partners.rows.front().mid(1, 3).join(QStringLiteral("\\s+")))),
             qPrintable(partners.rows.front().join(QLatin1Char(' '))));
    d->partnerBox()->setCurrentIndex(0);
    QVERIFY(refreshed.wait(20000));
}

void TestDashboard::filtersAreKeptBetweenRuns()
{
    {
        const auto w = openDashboard();
        QVERIFY(w);
        ui::DashboardView *d = w->dashboardView();
        d->kindBox()->setCurrentIndex(d->kindBox()->findData(int(Kind::Invoice)));
        d->teamBox()->setCurrentIndex(1);
        QSignalSpy refreshed(d, &ui::DashboardView::refreshed);
        QTRY_VERIFY_WITH_TIMEOUT(!d->isRefreshing(), 20000);
        QCOMPARE(d->filter().kind, std::optional(Kind::Invoice));
        QVERIFY(!d->filter().assignees.isEmpty());
    }
    const auto w = openDashboard();
    QVERIFY(w);
    ui::DashboardView *d = w->dashboardView();
    QCOMPARE(d->kindBox()->currentData().toInt(), int(Kind::Invoice));
    QCOMPARE(d->teamBox()->currentIndex(), 1);
    QCOMPARE(d->figures().openByAge[0][std::size_t(Kind::HrChange)].open, 0);
    d->kindBox()->setCurrentIndex(0);
    d->teamBox()->setCurrentIndex(0);
    QTRY_VERIFY_WITH_TIMEOUT(!d->isRefreshing(), 20000);
}

void TestDashboard::caseworkersDoNotSeeItAndAuditorsCannotReassign()
{
    ui::MainWindow caseworker(*m_cache, m_users.front(), m_clock);
    QVERIFY(!caseworker.dashboardView());
    QVERIFY(!caseworker.selectView(ui::Navigator::dashboardView()));
    models::User auditor;
    for (const models::User &u : m_users)
        if (u.role == models::Role::Auditor)
            auditor = u;
    ui::MainWindow audit(*m_cache, auditor, m_clock);
    QVERIFY(audit.dashboardView());
    QVERIFY(audit.selectView(ui::Navigator::dashboardView()));
    for (QPushButton *b : audit.findChildren<QPushButton *>())
        QVERIFY2(!b->text().startsWith(QLatin1String("Reassign")) || b->isHidden(), qPrintable(b->text()));
}

void TestDashboard::monthlyReportRefusesWhatIsNotAPartnerOrMonth_data()
{
    QTest::addColumn<QString>("partner");
    QTest::addColumn<QString>("month");
    QTest::addColumn<QString>("named");
    QTest::newRow("unknown partner") << u"XYZ"_s << u"2026-10"_s << u"“XYZ”"_s;
    QTest::newRow("partner in lower case") << u"hcc"_s << u"2026-10"_s << u"“hcc”"_s;
    QTest::newRow("no partner") << QString() << u"2026-10"_s << u"--partner"_s;
    QTest::newRow("month thirteen") << u"HCC"_s << u"2026-13"_s << u"“2026-13”"_s;
    QTest::newRow("a day, not a month") << u"HCC"_s << u"2026-10-01"_s << u"“2026-10-01”"_s;
    QTest::newRow("month without its nought") << u"HCC"_s << u"2026-9"_s << u"“2026-9”"_s;
    QTest::newRow("no month") << u"HCC"_s << QString() << u"--month"_s;
}

void TestDashboard::monthlyReportRefusesWhatIsNotAPartnerOrMonth()
{
    QFETCH(QString, partner);
    QFETCH(QString, month);
    QFETCH(QString, named);
    QString error;
    QVERIFY(!ui::monthlyReport(*m_cache, partner, month, kNow, &error));
    QVERIFY2(error.contains(named), qPrintable(error));
}

void TestDashboard::monthlyReportCoversOnePartnerAndMonth()
{
    QString error;
    const auto report = ui::monthlyReport(*m_cache, u"HCC"_s, u"2026-10"_s, kNow, &error);
    QVERIFY2(report, qPrintable(error));
    QVERIFY2(report->title.contains(u"October 2026"_s), qPrintable(report->title));
    QVERIFY(report->title.contains(models::partnerName(u"HCC"_s)));
    QVERIFY(report->listBreaches);
    QVERIFY(!report->breaches.empty());
    for (const models::SlaBreach &b : report->breaches)
        QCOMPARE(b.partner, u"HCC"_s);
    for (const auto &pm : report->figures.partners)
        QCOMPARE(pm.partner, u"HCC"_s);
    QVERIFY(ui::monthlySummary(*report, u"HCC"_s, u"r.pdf"_s).startsWith(u"Wrote r.pdf: "_s));
}

void TestDashboard::monthlyReportFromTheCommandLine()
{
    const QString pdf = m_dir.filePath(QStringLiteral("hcc-2026-10.pdf"));
    QProcess desk;
    desk.setProcessEnvironment([] {
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LANG"), QStringLiteral("en_GB.UTF-8"));
        return env;
    }());
    desk.start(QStringLiteral(IBC_DESK_BIN),
               {QStringLiteral("--cache"), m_cache->path(), QStringLiteral("--report"), QStringLiteral("sla"),
                QStringLiteral("--partner"), QStringLiteral("HCC"), QStringLiteral("--month"),
                QStringLiteral("2026-10"), QStringLiteral("--out"), pdf});
    QVERIFY(desk.waitForFinished(60000));
    QVERIFY2(desk.exitCode() == 0, desk.readAllStandardError().constData());
    QProcess text;
    text.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    QVERIFY(text.waitForFinished(30000));
    const QString words = QString::fromUtf8(text.readAllStandardOutput());
    QVERIFY2(words.contains(QStringLiteral("Monthly service report")), qPrintable(words.left(400)));
    QVERIFY(words.contains(QStringLiteral("October 2026")));
    QVERIFY(words.contains(QStringLiteral("Breaches")));

    // In Welsh too.
    const QString cy = m_dir.filePath(QStringLiteral("hcc-2026-10-cy.pdf"));
    desk.setProcessEnvironment([] {
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("cy"));
        env.insert(QStringLiteral("LANG"), QStringLiteral("cy_GB.UTF-8"));
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("cy_GB.UTF-8"));
        return env;
    }());
    desk.start(QStringLiteral(IBC_DESK_BIN),
               {QStringLiteral("--cache"), m_cache->path(), QStringLiteral("--report"), QStringLiteral("sla"),
                QStringLiteral("--partner"), QStringLiteral("HCC"), QStringLiteral("--month"),
                QStringLiteral("2026-10"), QStringLiteral("--out"), cy});
    QVERIFY(desk.waitForFinished(60000));
    QVERIFY2(desk.exitCode() == 0, desk.readAllStandardError().constData());
    text.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), cy, QStringLiteral("-")});
    QVERIFY(text.waitForFinished(30000));
    const QString geiriau = QString::fromUtf8(text.readAllStandardOutput());
    QVERIFY2(geiriau.contains(QStringLiteral("Hydref 2026")), qPrintable(geiriau.left(400)));

    // A month that is not one is refused, and says so.
    desk.start(QStringLiteral(IBC_DESK_BIN),
               {QStringLiteral("--cache"), m_cache->path(), QStringLiteral("--report"), QStringLiteral("sla"),
                QStringLiteral("--partner"), QStringLiteral("HCC"), QStringLiteral("--month"),
                QStringLiteral("2026-13"), QStringLiteral("--out"), pdf});
    QVERIFY(desk.waitForFinished(60000));
    QCOMPARE(desk.exitCode(), 1);
    QVERIFY(desk.readAllStandardError().contains("2026-13"));
}

QTEST_MAIN(TestDashboard)
#include "tst_dashboard.moc"
