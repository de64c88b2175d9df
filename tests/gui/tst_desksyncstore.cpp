// The desk's window on its real sync engine and a real ibc-store, offscreen, as a caseworker meets
// sync in a day: the first sync into an empty cache, an outage (the fault proxy goes down) with a
// change made meanwhile, the recovery, and a claim another caseworker made first, which comes back
// as a conflict to look at, retry and discard.
//
// IBC_SCREENSHOT_DIR=/some/dir saves what the test shows as PNGs there, to look at.
#include "cache/Cache.h"
#include "cache/QueueReader.h"
#include "client/SyncController.h"
#include "DialogDriver.h"
#include "domain/DemoGenerator.h"
#include "FaultProxy.h"
#include "itemmodels/QueueModel.h"
#include "StoreHarness.h"
#include "ui/AuditLogView.h"
#include "ui/ConflictsView.h"
#include "ui/DashboardCharts.h"
#include "ui/FirstSignIn.h"
#include "ui/ItemPanel.h"
#include "ui/LoginDialog.h"
#include "ui/MainWindow.h"
#include "ui/Navigator.h"
#include "ui/SyncProgressBar.h"
#include "ui/SyncStatusWidget.h"
#include "ui/Translations.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace ibc;
using State = sync::SyncStatus::State;

using ibc::test::clickButton;
using ibc::test::whenModal;

namespace {

void screenshot(QWidget &w, const QString &name)
{
    const QString dir = qEnvironmentVariable("IBC_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QTest::qWait(50);
    QVERIFY(w.grab().save(QDir(dir).filePath(name)));
}

// The rows of a CSV file as Python's csv module reads them: a reader other than the one that wrote it.
std::optional<QList<QStringList>> readCsvWithPython(const QString &path)
{
    QProcess python;
    python.start(QStringLiteral("python3"), {QStringLiteral("-c"),
                                             QStringLiteral("import csv, json, sys; "
                                                            "print(json.dumps(list(csv.reader(open(sys.argv[1], "
                                                            "newline='', encoding='utf-8')))))"),
                                             path});
    if (!python.waitForFinished(30000) || python.exitCode() != 0) {
        qWarning("python3 could not read %s: %s", qPrintable(path), python.readAllStandardError().constData());
        return std::nullopt;
    }
    QList<QStringList> rows;
    for (const QJsonValue &row : QJsonDocument::fromJson(python.readAllStandardOutput()).array()) {
        QStringList cells;
        for (const QJsonValue &cell : row.toArray())
            cells << cell.toString();
        rows << cells;
    }
    return rows;
}

// An HR change at HCC of `subtype`, sent in by the partner's portal as its systems do.
test::Reply intakeAtHcc(test::Http &http, const QString &subtype, const QJsonObject &fields)
{
    return http.post(QStringLiteral("/v1/items"),
                     QJsonObject{{QStringLiteral("kind"), QStringLiteral("hr_change")},
                                 {QStringLiteral("subtype"), subtype},
                                 {QStringLiteral("partner"), QStringLiteral("HCC")},
                                 {QStringLiteral("fields"), fields}},
                     http.loginDemo(QStringLiteral("intake.portal")));
}

} // namespace

class TestDeskSyncStore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void aDayWithTheStore();
    void theFirstSignInSaysWhyAndAsksAgain();
    void aMaskedDetailIsRevealedByTheStoreWithAReason();
    void aChangeMadeOfflineIsCheckedOnlyAtAnotherDesk();
    void aSensitiveCaseLeavesTheCachesOfThoseWhoMayNotSeeIt();
    void anAuditorFindsARevealInTheLogAndExportsIt();
    void cleanupTestCase();

private:
    test::StoreProcess m_store;
    std::unique_ptr<test::FaultProxy> m_proxy;
    QTemporaryDir m_dir;
};

void TestDeskSyncStore::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("IBC-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_desksyncstore"));
    QCOMPARE(ui::installTranslations(*QCoreApplication::instance(), QLocale(QLocale::English, QLocale::UnitedKingdom)),
             QStringLiteral("en_GB"));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    QVERIFY2(m_store.seed(3000), qPrintable(m_store.lastError()));
    QVERIFY2(m_store.start(), qPrintable(m_store.lastError()));
    m_proxy = std::make_unique<test::FaultProxy>(QStringLiteral("127.0.0.1"), m_store.port());
    m_proxy->setFaultsEnabled(false);
    QVERIFY(m_proxy->start() != 0);
}

void TestDeskSyncStore::cleanupTestCase()
{
    if (m_proxy)
        m_proxy->stop();
    m_store.terminate();
}

// A cache's first sign-in, before the window opens (ibc-desk --server … on a new cache): a wrong
// password is refused in a sentence and asked for again; the right one brings the store's account.
void TestDeskSyncStore::theFirstSignInSaysWhyAndAsksAgain()
{
    const QString path = m_dir.filePath(QStringLiteral("first.sqlite"));
    models::Cache::open(path);
    sync::SyncOptions options;
    options.server = m_store.url();
    options.username = QStringLiteral("rhys.evans");
    options.cachePath = path;
    sync::SyncController controller(options);

    QString said;
    whenModal([&said](QWidget *box) {
        said = box->findChild<QLabel *>(QStringLiteral("qt_msgbox_label"))->text();
        clickButton(box, QStringLiteral("Retry"));
        whenModal([](QWidget *login) {
            auto *dialog = qobject_cast<ui::LoginDialog *>(login);
            QVERIFY(dialog);
            dialog->passwordEdit()->setText(QStringLiteral("demo-rhys.evans"));
            clickButton(dialog, QStringLiteral("Sign in"));
        });
    });
    const std::optional<models::User> user = ui::firstSignIn(controller, QStringLiteral("not the password"));
    QVERIFY2(said.contains(QStringLiteral("Could not sign in to %1").arg(m_store.url())), qPrintable(said));
    QVERIFY2(said.contains(QStringLiteral("username or password")), qPrintable(said));
    QVERIFY(user);
    QCOMPARE(user->username, QStringLiteral("rhys.evans"));
    QCOMPARE(user->partners, QStringList{QStringLiteral("HCC")});

    // Giving up: no user, and the desk does not open.
    sync::SyncController again(options);
    whenModal([](QWidget *box) { clickButton(box, QStringLiteral("Cancel")); });
    QVERIFY(!ui::firstSignIn(again, QStringLiteral("not the password")));
}

// An account number shows masked; "Reveal…" asks why, the store records it and answers, and the
// panel shows the whole number. Paused (or offline), the desk says it cannot and asks nothing.
void TestDeskSyncStore::aMaskedDetailIsRevealedByTheStoreWithAReason()
{
    test::Http http(m_store.url());
    QJsonObject fields{{QStringLiteral("employee_number"), QStringLiteral("E7654321")},
                       {QStringLiteral("employee_name"), QStringLiteral("Gwen Price")},
                       {QStringLiteral("effective_date"), QStringLiteral("2026-12-31")},
                       {QStringLiteral("sort_code"), QStringLiteral("08-99-99")},
                       {QStringLiteral("account_number"), QStringLiteral("66374958")}};
    const test::Reply in = intakeAtHcc(http, QStringLiteral("bank_details"), fields);
    QCOMPARE(in.status, 201);
    const QString id = in.json.value(QLatin1String("id")).toString();

    models::User rhys;
    for (const models::User &u : models::DemoGenerator::demoUsers())
        if (u.username == QLatin1String("rhys.evans"))
            rhys = u;
    const QString path = m_dir.filePath(QStringLiteral("reveal.sqlite"));
    auto cache = models::Cache::open(path);
    ui::MainWindow w(*cache, rhys, models::SystemClock::instance());
    sync::SyncOptions options;
    options.server = m_store.url();
    options.username = rhys.username;
    options.cachePath = path;
    sync::SyncController controller(options);
    w.setSync(&controller);
    w.show();
    w.startSync(QStringLiteral("demo-rhys.evans"));
    QTRY_VERIFY_WITH_TIMEOUT(cache->item(id).has_value(), 60000);
    QTRY_COMPARE_WITH_TIMEOUT(controller.status().state, sync::SyncStatus::State::Online, 20000);

    ui::ItemPanel *panel = w.itemPanel();
    panel->showItem(id);
    QLabel *account = nullptr;
    for (QLabel *l : panel->findChildren<QLabel *>())
        if (l->text().contains(QStringLiteral("Reveal…")))
            account = l;
    QVERIFY(account);
    QVERIFY2(account->text().contains(QStringLiteral("••••4958")), qPrintable(account->text()));
    QVERIFY(!account->text().contains(QStringLiteral("66374958")));

    whenModal([](QWidget *box) {
        box->findChild<QLineEdit *>()->setText(QStringLiteral("Gwen is on the phone to confirm her account"));
        clickButton(box, QStringLiteral("OK"));
    });
    Q_EMIT account->linkActivated(QStringLiteral("#reveal"));
    QTRY_VERIFY_WITH_TIMEOUT(account->text().contains(QStringLiteral("66374958 (revealed")), 20000);

    // Paused: nothing is asked, and the desk says why.
    panel->showItem(id);
    for (QLabel *l : panel->findChildren<QLabel *>())
        if (l->text().contains(QStringLiteral("Reveal…")))
            account = l;
    controller.setPaused(true);
    QTRY_COMPARE_WITH_TIMEOUT(controller.status().state, sync::SyncStatus::State::Paused, 20000);
    QString said;
    whenModal([&said](QWidget *box) {
        said = box->findChild<QLabel *>(QStringLiteral("qt_msgbox_label"))->text();
        clickButton(box, QStringLiteral("OK"));
    });
    Q_EMIT account->linkActivated(QStringLiteral("#reveal"));
    QVERIFY2(said.contains(QStringLiteral("cannot be reached now")), qPrintable(said));
    QVERIFY(!account->text().contains(QStringLiteral("66374958")));
}

// Maker-checker across two desks and a real store. Rhys resolves a bank-details change with his
// network down: his desk shows it awaiting a check, and the store has nothing until he is back,
// when it has the change awaiting a check, never more. He cannot check it himself. Sam, at his own
// desk, passes it; the store closes it, and Rhys's desk hears so.
void TestDeskSyncStore::aChangeMadeOfflineIsCheckedOnlyAtAnotherDesk()
{
    test::Http http(m_store.url());
    const QJsonObject fields{{QStringLiteral("employee_number"), QStringLiteral("E7650001")},
                             {QStringLiteral("employee_name"), QStringLiteral("Aled Hughes")},
                             {QStringLiteral("effective_date"), QStringLiteral("2026-12-31")},
                             {QStringLiteral("current_sort_code"), QStringLiteral("20-00-00")},
                             {QStringLiteral("current_account_number"), QStringLiteral("55779911")},
                             {QStringLiteral("sort_code"), QStringLiteral("08-99-99")},
                             {QStringLiteral("account_number"), QStringLiteral("66374958")}};
    const test::Reply in = intakeAtHcc(http, QStringLiteral("bank_details"), fields);
    QCOMPARE(in.status, 201);
    const QString id = in.json.value(QLatin1String("id")).toString();
    const QString auditor = http.loginDemo(QStringLiteral("alex.morgan"));
    const auto storeStatus = [&] {
        return http.get(QStringLiteral("/v1/items/") + id, auditor).json.value(QLatin1String("status")).toString();
    };

    std::map<QString, models::User> users;
    for (const models::User &u : models::DemoGenerator::demoUsers())
        users[u.username] = u;
    struct Desk {
        std::unique_ptr<models::Cache> cache;
        std::unique_ptr<ui::MainWindow> window;
        std::unique_ptr<sync::SyncController> controller;
    };
    const auto openDesk = [&](const QString &username, const QString &server) {
        Desk d;
        const QString path = m_dir.filePath(username + QStringLiteral("-check.sqlite"));
        d.cache = models::Cache::open(path);
        d.window = std::make_unique<ui::MainWindow>(*d.cache, users.at(username), models::SystemClock::instance());
        sync::SyncOptions options;
        options.server = server;
        options.username = username;
        options.cachePath = path;
        options.retryFirst = std::chrono::milliseconds(200);
        options.retryCap = std::chrono::milliseconds(1000);
        options.requestTimeout = std::chrono::milliseconds(3000);
        options.pollInterval = std::chrono::milliseconds(1000);
        d.controller = std::make_unique<sync::SyncController>(options);
        d.window->setSync(d.controller.get());
        d.window->show();
        d.window->startSync(QStringLiteral("demo-") + username);
        return d;
    };

    Desk maker = openDesk(QStringLiteral("rhys.evans"), QStringLiteral("http://127.0.0.1:%1").arg(m_proxy->port()));
    QTRY_VERIFY_WITH_TIMEOUT(maker.cache->item(id).has_value(), 60000);
    QTRY_COMPARE_WITH_TIMEOUT(maker.controller->status().state, State::Online, 20000);

    // Offline, Rhys claims, starts and resolves it: on his desk it awaits a check.
    m_proxy->setDown(true);
    maker.controller->syncNow();
    QTRY_COMPARE_WITH_TIMEOUT(maker.controller->status().state, State::Offline, 30000);
    ui::ItemPanel *panel = maker.window->itemPanel();
    panel->showItem(id);
    QVERIFY(panel->run(models::CommandType::Claim));
    QVERIFY(panel->run(models::CommandType::Start));
    QVERIFY(panel->run(models::CommandType::Resolve, {{QStringLiteral("outcome"), QStringLiteral("processed")}}));
    QCOMPARE(maker.cache->item(id)->status, models::Status::AwaitingCheck);
    QVERIFY(!panel->action(models::CommandType::PassCheck)->isEnabled());
    QVERIFY(!panel->run(models::CommandType::PassCheck)); // refused on the desk, offline too
    QCOMPARE(maker.cache->outboxCount(), 3);
    QCOMPARE(storeStatus(), QStringLiteral("new"));

    // Back online: the store has the change awaiting a check, and nothing more.
    m_proxy->setDown(false);
    QTRY_COMPARE_WITH_TIMEOUT(maker.cache->outboxCount(), 0, 20000);
    QCOMPARE(storeStatus(), QStringLiteral("awaiting_check"));
    QCOMPARE(maker.cache->item(id)->status, models::Status::AwaitingCheck);

    // Sam's desk: in his To check, passed there; the store closes it; Rhys's desk hears.
    Desk checker = openDesk(QStringLiteral("sam.patel"), m_store.url());
    QTRY_COMPARE_WITH_TIMEOUT(checker.controller->status().state, State::Online, 60000);
    QTRY_VERIFY_WITH_TIMEOUT(checker.cache->item(id).has_value(), 20000);
    QCOMPARE(checker.cache->item(id)->status, models::Status::AwaitingCheck);
    QVERIFY(checker.window->selectView(ui::Navigator::checkingView()));
    checker.window->itemPanel()->showItem(id);
    // A caseworker's desk knows colleagues by username (the store sends names to team leaders).
    QVERIFY2(checker.window->itemPanel()->checkBannerText().contains(QStringLiteral("Made by rhys.evans")),
             qPrintable(checker.window->itemPanel()->checkBannerText()));
    QVERIFY(checker.window->itemPanel()->run(models::CommandType::PassCheck));
    QTRY_COMPARE_WITH_TIMEOUT(checker.cache->outboxCount(), 0, 20000);
    QCOMPARE(storeStatus(), QStringLiteral("closed"));
    QTRY_COMPARE_WITH_TIMEOUT(maker.cache->item(id)->status, models::Status::Closed, 20000);
    QCOMPARE(maker.cache->events(id).back().actor, QStringLiteral("sam.patel"));
    QCOMPARE(maker.cache->conflictCount(), 0);

    for (Desk *d : {&maker, &checker}) {
        d->window->setSync(nullptr);
        d->controller->stop();
    }
}

// A case marked sensitive leaves Sam's desk at its next pull, history and all; Rhys, its
// assignee, keeps it and sees why it is sensitive; the queue shows no name for it.
void TestDeskSyncStore::aSensitiveCaseLeavesTheCachesOfThoseWhoMayNotSeeIt()
{
    test::Http http(m_store.url());
    const test::Reply in = intakeAtHcc(http, QStringLiteral("address_change"),
                                       QJsonObject{{QStringLiteral("employee_number"), QStringLiteral("E7650002")},
                                                   {QStringLiteral("employee_name"), QStringLiteral("Nia Rowlands")},
                                                   {QStringLiteral("effective_date"), QStringLiteral("2026-12-31")},
                                                   {QStringLiteral("address"), QStringLiteral("1 Refuge Lane")},
                                                   {QStringLiteral("postcode"), QStringLiteral("SO23 8UJ")}});
    QCOMPARE(in.status, 201);
    const QString id = in.json.value(QLatin1String("id")).toString();
    const QString rhysToken = http.loginDemo(QStringLiteral("rhys.evans"));
    QCOMPARE(http.post(QStringLiteral("/v1/commands"), test::batch({test::command(QStringLiteral("claim"), in.json)}),
                       rhysToken)
                 .status,
             200);

    std::map<QString, std::unique_ptr<models::Cache>> caches;
    std::map<QString, std::unique_ptr<sync::SyncController>> engines;
    for (const QString &user : {QStringLiteral("sam.patel"), QStringLiteral("rhys.evans")}) {
        const QString path = m_dir.filePath(user + QStringLiteral("-sensitive.sqlite"));
        caches[user] = models::Cache::open(path);
        sync::SyncOptions options;
        options.server = m_store.url();
        options.username = user;
        options.cachePath = path;
        options.pollInterval = std::chrono::milliseconds(500);
        engines[user] = std::make_unique<sync::SyncController>(options);
        engines[user]->start(QStringLiteral("demo-") + user);
    }
    for (auto &[user, cache] : caches)
        QTRY_VERIFY_WITH_TIMEOUT(cache->item(id).has_value() && !cache->events(id).empty(), 60000);

    // Rhys, who has it, marks it: a protected address.
    const QJsonObject item = http.get(QStringLiteral("/v1/items/") + id, rhysToken).json;
    const test::Reply marked = http.post(
        QStringLiteral("/v1/commands"),
        test::batch(
            {test::command(QStringLiteral("mark_sensitive"), item,
                           {{QStringLiteral("reason"), QStringLiteral("Protected address: fleeing violence")}})}),
        rhysToken);
    QCOMPARE(marked.status, 200);

    QTRY_VERIFY_WITH_TIMEOUT(!caches.at(QStringLiteral("sam.patel"))->item(id).has_value(), 20000);
    QVERIFY(caches.at(QStringLiteral("sam.patel"))->events(id).empty());
    QVERIFY(caches.at(QStringLiteral("sam.patel"))->notes(id).empty());
    models::Cache &rhys = *caches.at(QStringLiteral("rhys.evans"));
    QTRY_COMPARE_WITH_TIMEOUT(rhys.item(id)->sensitive, QStringLiteral("Protected address: fleeing violence"), 20000);

    // Rhys's queue shows no name for it, and a search by the name does not find it.
    models::QueueFilter f;
    f.text = QStringLiteral("Nia Rowlands");
    QVERIFY(models::QueueReader(rhys.path()).rowIds(f, models::QueueSort::Due, false).empty());
    f.text = in.json.value(QLatin1String("reference")).toString();
    const auto rows = models::QueueReader(rhys.path()).rowIds(f, models::QueueSort::Due, false);
    QCOMPARE(rows.size(), std::size_t(1));
    QCOMPARE(models::QueueReader(rhys.path()).rows(rows).front().summary, QStringLiteral("Sensitive case"));
    for (auto &[user, engine] : engines)
        engine->stop();
}

// Alex, an auditor, opens the audit log: without a store it says it cannot read it; signed in, a
// search by what and item finds a reveal Rhys made, with his reason; Export CSV… pages through the
// store and writes rows that Python's csv module reads back as the view shows them; paused, it says
// it cannot read the log now and asks nothing.
void TestDeskSyncStore::anAuditorFindsARevealInTheLogAndExportsIt()
{
    test::Http http(m_store.url());
    QJsonObject fields{{QStringLiteral("employee_number"), QStringLiteral("E7654322")},
                       {QStringLiteral("employee_name"), QStringLiteral("Owain Price")},
                       {QStringLiteral("effective_date"), QStringLiteral("2026-12-31")},
                       {QStringLiteral("sort_code"), QStringLiteral("08-99-99")},
                       {QStringLiteral("account_number"), QStringLiteral("66374958")}};
    const test::Reply in = intakeAtHcc(http, QStringLiteral("bank_details"), fields);
    QCOMPARE(in.status, 201);
    const QString reference = in.json.value(QLatin1String("reference")).toString();
    // A reason with a comma, quotes and a line break: CSV has to quote it.
    const QString reason = QStringLiteral("Owain rang, \"urgent\", to confirm\nhis new account");
    const test::Reply revealed = http.post(
        QStringLiteral("/v1/items/%1/reveal").arg(in.json.value(QLatin1String("id")).toString()),
        QJsonObject{{QStringLiteral("field"), QStringLiteral("account_number")}, {QStringLiteral("reason"), reason}},
        http.loginDemo(QStringLiteral("rhys.evans")));
    QCOMPARE(revealed.status, 200);

    models::User alex;
    for (const models::User &u : models::DemoGenerator::demoUsers())
        if (u.username == QLatin1String("alex.morgan"))
            alex = u;
    QCOMPARE(alex.role, models::Role::Auditor);
    const QString path = m_dir.filePath(QStringLiteral("alex.sqlite"));
    auto cache = models::Cache::open(path);
    ui::MainWindow w(*cache, alex, models::SystemClock::instance());
    w.resize(1500, 820);
    w.show();
    ui::AuditLogView *log = w.auditLogView();
    QVERIFY(log);
    QVERIFY(w.selectView(ui::Navigator::auditLogView()));
    QVERIFY2(log->message().contains(QStringLiteral("works on its own")), qPrintable(log->message()));
    QVERIFY(!log->searchButton()->isEnabled());

    sync::SyncOptions options;
    options.server = m_store.url();
    options.username = alex.username;
    options.cachePath = path;
    sync::SyncController controller(options);
    w.setSync(&controller);
    w.startSync(QStringLiteral("demo-alex.morgan"));
    QTRY_COMPARE_WITH_TIMEOUT(controller.status().state, sync::SyncStatus::State::Online, 60000);
    QTRY_VERIFY(log->searchButton()->isEnabled());

    // What: personal data revealed; item: the reference. One row: Rhys's, with his reason.
    log->whatBox()->setCurrentIndex(log->whatBox()->findData(QStringLiteral("personal_data")));
    log->itemEdit()->setText(reference);
    QSignalSpy searched(log, &ui::AuditLogView::searched);
    log->searchButton()->click();
    QVERIFY2(log->message().contains(QStringLiteral("Asking the store")), qPrintable(log->message()));
    QTRY_COMPARE_WITH_TIMEOUT(searched.count(), 1, 20000);
    QCOMPARE(log->table()->rowCount(), 1);
    QCOMPARE(log->table()->item(0, 1)->text(), QStringLiteral("rhys.evans"));
    QCOMPARE(log->table()->item(0, 2)->text(), QStringLiteral("Personal data revealed"));
    QCOMPARE(log->table()->item(0, 3)->text(), reference);
    const QString detail = log->table()->item(0, 4)->text();
    QVERIFY2(detail.contains(QStringLiteral("Account number")) && detail.contains(reason), qPrintable(detail));
    QVERIFY(!detail.contains(QStringLiteral("66374958")));
    screenshot(w, QStringLiteral("audit-log.png"));

    // Everything Rhys did, exported a row a page, reads back as the view shows it.
    log->whatBox()->setCurrentIndex(0);
    log->itemEdit()->clear();
    log->whoEdit()->setText(QStringLiteral("rhys.evans"));
    log->searchButton()->click();
    QTRY_COMPARE_WITH_TIMEOUT(searched.count(), 2, 20000);
    QVERIFY2(log->table()->rowCount() >= 2, "signed in and revealed, at least");
    const ui::FigureTable shown = log->shownTable();
    const QString csv = m_dir.filePath(QStringLiteral("audit-rhys.csv"));
    log->setExportPageRows(1); // a page a row: the export pages through the store
    QSignalSpy exported(log, &ui::AuditLogView::exportFinished);
    log->exportCsv(csv);
    QTRY_COMPARE_WITH_TIMEOUT(exported.count(), 1, 30000);
    QCOMPARE(exported.first().at(2).toString(), QString());
    QCOMPARE(exported.first().at(1).toInt(), log->table()->rowCount());
    QVERIFY2(log->message().startsWith(QStringLiteral("Exported")), qPrintable(log->message()));
    const auto read = readCsvWithPython(csv);
    QVERIFY(read);
    QCOMPARE(read->size(), shown.rows.size() + 1);
    QCOMPARE(read->first(), shown.headers);
    QCOMPARE(read->mid(1), shown.rows);
    QVERIFY(
        std::any_of(read->begin(), read->end(), [&](const QStringList &r) { return r.join(u'|').contains(reason); }));

    // Paused: the view says it cannot read the log now, and asks nothing.
    controller.setPaused(true);
    QTRY_COMPARE_WITH_TIMEOUT(controller.status().state, sync::SyncStatus::State::Paused, 20000);
    QVERIFY2(log->message().contains(QStringLiteral("cannot be read now")), qPrintable(log->message()));
    QVERIFY(!log->searchButton()->isEnabled());
    log->search();
    QVERIFY(!log->isWaiting());
    screenshot(w, QStringLiteral("audit-log-paused.png"));
    w.setSync(nullptr);
}

void TestDeskSyncStore::aDayWithTheStore()
{
    const models::User sam = models::DemoGenerator::demoUsers().front();
    QCOMPARE(sam.username, QStringLiteral("sam.patel"));
    const QString path = m_dir.filePath(QStringLiteral("sam.sqlite"));
    auto cache = models::Cache::open(path);
    ui::MainWindow w(*cache, sam, models::SystemClock::instance());
    w.resize(1500, 820);
    w.show();
    w.selectView(QStringLiteral("all"));

    sync::SyncOptions options;
    options.server = QStringLiteral("http://127.0.0.1:%1").arg(m_proxy->port());
    options.username = sam.username;
    options.cachePath = path;
    options.pageSize = 200;
    options.retryFirst = std::chrono::milliseconds(200);
    options.retryCap = std::chrono::milliseconds(1000);
    options.requestTimeout = std::chrono::milliseconds(3000);
    options.pollInterval = std::chrono::milliseconds(1000);
    sync::SyncController controller(options);
    w.setSync(&controller);
    QSignalSpy progress(&controller, &sync::SyncController::progress);
    bool barShown = false;
    connect(&controller, &sync::SyncController::progress, &w, [&](const sync::SyncProgress &p) {
        if (p.initial && !p.done && w.syncProgressBar()->isVisible())
            barShown = true;
    });
    auto *status = w.syncStatusWidget();

    // The first sync: a progress bar while it runs, then the queue and "Online".
    w.startSync(QStringLiteral("demo-sam.patel"));
    QTRY_COMPARE_WITH_TIMEOUT(status->stateText(), QStringLiteral("Online — all changes sent"), 60000);
    QVERIFY(!progress.isEmpty());
    QVERIFY(progress.first().at(0).value<sync::SyncProgress>().initial);
    QVERIFY(barShown);
    QTRY_VERIFY_WITH_TIMEOUT(w.syncProgressBar()->isHidden(), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(w.queueModel()->rowCount() > 100, 10000);
    screenshot(w, QStringLiteral("real-online.png"));

    // An outage: the status bar says so; work goes on, and waits.
    m_proxy->setDown(true);
    controller.syncNow();
    QTRY_VERIFY_WITH_TIMEOUT(status->stateText().startsWith(QLatin1String("Offline since")), 30000);
    w.takeNextItem();
    QCOMPARE(cache->outboxCount(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(status->stateText().section(QStringLiteral(" — "), 1), QStringLiteral("1 change waiting"),
                              10000);
    screenshot(*w.statusBar(), QStringLiteral("real-statusbar-offline.png"));
    screenshot(w, QStringLiteral("real-offline.png"));

    // Back: the change goes, and the status bar says so for a moment.
    m_proxy->setDown(false);
    QTRY_COMPARE_WITH_TIMEOUT(status->stateText(), QStringLiteral("Back online — 1 change sent"), 10000);
    screenshot(*w.statusBar(), QStringLiteral("real-statusbar-back-online.png"));
    QTRY_COMPARE_WITH_TIMEOUT(cache->outboxCount(), 0, 10000);

    // Rhys claims an item while Sam's sync is paused; Sam claims it too, on the desk.
    w.pauseAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(status->stateText().startsWith(QLatin1String("Sync paused")), 10000);
    test::Http http(m_store.url());
    const QString rhys = http.loginDemo(QStringLiteral("rhys.evans"));
    QVERIFY(!rhys.isEmpty());
    QJsonObject target;
    for (const QJsonValue &v : test::wholeFeed(http, rhys)) {
        const QJsonObject it = v.toObject();
        if (it.value(QLatin1String("status")).toString() == QLatin1String("new") &&
            it.value(QLatin1String("assignee")).toString().isEmpty()) {
            target = it;
            break;
        }
    }
    QVERIFY(!target.isEmpty());
    const QString id = target.value(QLatin1String("id")).toString();
    const test::Reply claimed =
        http.post(QStringLiteral("/v1/commands"), test::batch({test::command(QStringLiteral("claim"), target)}), rhys);
    QCOMPARE(claimed.status, 200);
    QCOMPARE(claimed.json.value(QLatin1String("results"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QLatin1String("outcome"))
                 .toString(),
             QStringLiteral("applied"));
    w.itemPanel()->showItem(id);
    QVERIFY(w.itemPanel()->run(models::CommandType::Claim));
    w.pauseAction()->trigger(); // resume

    // The store refuses Sam's claim: a conflict, marked on the item, in the list.
    QTRY_COMPARE_WITH_TIMEOUT(w.navigator()->conflictCount(), 1, 20000);
    QVERIFY(cache->hasConflict(id));
    QCOMPARE(status->conflictsText(), QStringLiteral("1 conflict to resolve"));
    QTRY_VERIFY_WITH_TIMEOUT(
        w.itemPanel()->conflictBannerText().startsWith(QLatin1String("The store did not accept your change:")), 5000);
    QCOMPARE(cache->item(id)->assignee, QStringLiteral("rhys.evans")); // the item shows theirs
    w.showConflicts(id);
    auto *view = w.conflictsView();
    QCOMPARE(view->count(), 1);
    QCOMPARE(view->table()->item(0, 1)->text(), QStringLiteral("Claim"));
    screenshot(w, QStringLiteral("real-conflicts.png"));

    // Retry is refused on the item as it now is (Rhys has it): the conflict stays.
    QVERIFY(!view->retry());
    QCOMPARE(view->count(), 1);
    QVERIFY2(view->message().contains(QLatin1String("Rhys")) || view->message().contains(QLatin1String("rhys")),
             qPrintable(view->message()));
    // Discard, after saying yes.
    whenModal([](QWidget *box) { clickButton(box, QStringLiteral("Discard my change")); });
    QVERIFY(view->discard());
    QCOMPARE(cache->conflictCount(), 0);
    QCOMPARE(cache->outboxCount(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(w.navigator()->conflictCount(), 0, 5000);
    QCOMPARE(status->conflictsText(), QString());

    w.setSync(nullptr);
    controller.stop();
}

QTEST_MAIN(TestDeskSyncStore)
#include "tst_desksyncstore.moc"
