// The desk's side of sync, offscreen: the status bar's words for each state, the first sync's
// progress, the login dialog's address check, and conflicts from the store as a caseworker meets
// them: a marker in the queue and on the item, the Conflicts list, and Retry, Edit and retry and
// Discard. The sync controller is real but never started: its signals are fed by the test.
//
// IBC_SCREENSHOT_DIR=/some/dir saves what the tests show as PNGs there, to look at.
#include "cache/Cache.h"
#include "client/SyncController.h"
#include "DialogDriver.h"
#include "itemmodels/QueueModel.h"
#include "ui/CommandDialog.h"
#include "ui/ConflictsView.h"
#include "ui/ItemPanel.h"
#include "ui/LoginDialog.h"
#include "ui/MainWindow.h"
#include "ui/Navigator.h"
#include "ui/SyncProgressBar.h"
#include "ui/SyncStatusWidget.h"
#include "ui/TokenStore.h"
#include "ui/Translations.h"

#include <QAction>
#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTranslator>

using namespace ibc;
using State = sync::SyncStatus::State;

using ibc::test::clickButton;
using ibc::test::whenModal;

namespace {

constexpr models::EpochSecs kNow = 1795000000; // Wed 18 Nov 2026 11:06 UTC

QString hhmm(models::EpochSecs t) { return QDateTime::fromSecsSinceEpoch(t).toString(QStringLiteral("HH:mm")); }

sync::SyncStatus status(State state, int waiting, models::EpochSecs offlineSince = 0)
{
    sync::SyncStatus s;
    s.state = state;
    s.waiting = waiting;
    s.offlineSince = offlineSince;
    return s;
}

void screenshot(QWidget &w, const QString &name)
{
    const QString dir = qEnvironmentVariable("IBC_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QDir().mkpath(dir);
    QTest::qWait(50); // let layouts settle, as they would before the next paint
    QVERIFY(w.grab().save(QDir(dir).filePath(name)));
}

} // namespace

class TestDeskSync : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void statusText_data();
    void statusText();
    void backOnlineSaysWhatWasSent();
    void conflictsLinkAndTooltip();
    void firstSyncProgress();
    void loginChecksTheAddress_data();
    void loginChecksTheAddress();
    void loginRemembersServerAndUser();
    void keyringWithoutSecretServiceIsQuiet();
    void statusBarFollowsTheController();
    void realEngineOfflineShowsInTheStatusBar();
    void conflictShowsWithMarkerAndRetryClearsIt();
    void refusedRetryKeepsTheConflictAndDiscardAsksFirst();
    void editAndRetryStartsFromMyPayload();
    void welsh();

private:
    std::unique_ptr<ui::MainWindow> makeWindow();
    // Claims or otherwise changes an item as Sam, then has the store refuse it with `theirs`.
    QString refuse(const models::Command &command, const models::WorkItem &theirs, const QString &reason);
    const models::WorkItem *findItem(const std::function<bool(const models::WorkItem &)> &pred,
                                     const QStringList &skip = {}) const;
    void waitForQueue(ui::MainWindow &w);

    QTemporaryDir m_dir;
    std::unique_ptr<models::Cache> m_cache;
    std::vector<models::GeneratedItem> m_items;
    models::ManualClock m_clock{kNow};
    models::User m_sam;
    QStringList m_used;
};

void TestDeskSync::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("IBC-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_desksync"));
    QSettings().clear();
    QCOMPARE(ui::installTranslations(*QCoreApplication::instance(), QLocale(QLocale::English, QLocale::UnitedKingdom)),
             QStringLiteral("en_GB"));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    QVERIFY(m_dir.isValid());
    m_cache = models::Cache::open(m_dir.filePath(QStringLiteral("desk.sqlite")), nullptr, m_clock);
    const auto users = models::DemoGenerator::demoUsers();
    m_cache->saveUsers(users);
    m_sam = users.front();
    models::DemoGenerator gen(7, kNow - kNow % 86400);
    for (int i = 0; i < 1500; ++i)
        m_items.push_back(gen.next());
    m_cache->insertGenerated(m_items);
}

void TestDeskSync::statusText_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<int>("waiting");
    QTest::addColumn<qint64>("offlineSince");
    QTest::addColumn<QString>("expected");
    const qint64 since = kNow - 25 * 60;
    QTest::newRow("signing in") << int(State::Starting) << 0 << qint64(0) << QStringLiteral("Signing in…");
    QTest::newRow("online, nothing waiting")
        << int(State::Online) << 0 << qint64(0) << QStringLiteral("Online — all changes sent");
    QTest::newRow("online, sending one") << int(State::Online) << 1 << qint64(0)
                                         << QStringLiteral("Online — sending 1 change");
    QTest::newRow("online, sending three")
        << int(State::Online) << 3 << qint64(0) << QStringLiteral("Online — sending 3 changes");
    QTest::newRow("offline, three waiting")
        << int(State::Offline) << 3 << since << QStringLiteral("Offline since %1 — 3 changes waiting").arg(hhmm(since));
    QTest::newRow("offline, one waiting")
        << int(State::Offline) << 1 << since << QStringLiteral("Offline since %1 — 1 change waiting").arg(hhmm(since));
    QTest::newRow("offline, none waiting") << int(State::Offline) << 0 << since
                                           << QStringLiteral("Offline since %1 — no changes waiting").arg(hhmm(since));
    QTest::newRow("offline since yesterday")
        << int(State::Offline) << 2 << qint64(kNow - 86400)
        << QStringLiteral("Offline since Tue 17 Nov %1 — 2 changes waiting").arg(hhmm(kNow - 86400));
    QTest::newRow("signed out, three waiting")
        << int(State::NeedsSignIn) << 3 << qint64(0) << QStringLiteral("Sign in again to send 3 changes");
    QTest::newRow("signed out, one waiting")
        << int(State::NeedsSignIn) << 1 << qint64(0) << QStringLiteral("Sign in again to send 1 change");
    QTest::newRow("signed out, none waiting")
        << int(State::NeedsSignIn) << 0 << qint64(0) << QStringLiteral("Sign in again to keep up to date");
    QTest::newRow("paused, three waiting")
        << int(State::Paused) << 3 << qint64(0) << QStringLiteral("Sync paused — 3 changes waiting");
    QTest::newRow("paused, one waiting") << int(State::Paused) << 1 << qint64(0)
                                         << QStringLiteral("Sync paused — 1 change waiting");
    QTest::newRow("stopped, two kept") << int(State::Stopped) << 2 << qint64(0)
                                       << QStringLiteral("Not syncing — 2 changes kept on this computer");
}

void TestDeskSync::statusText()
{
    QFETCH(int, state);
    QFETCH(int, waiting);
    QFETCH(qint64, offlineSince);
    QFETCH(QString, expected);
    QCOMPARE(ui::SyncStatusWidget::statusText(status(State(state), waiting, offlineSince), kNow), expected);
    ui::SyncStatusWidget widget(m_clock);
    widget.setStatus(status(State(state), waiting, offlineSince));
    QCOMPARE(widget.stateText(), expected);
}

void TestDeskSync::backOnlineSaysWhatWasSent()
{
    ui::SyncStatusWidget widget(m_clock);
    widget.setStatus(status(State::Online, 0));
    widget.setStatus(status(State::Offline, 2, kNow - 600));
    widget.setStatus(status(State::Offline, 3, kNow - 600)); // one more made during the outage
    widget.setStatus(status(State::Online, 0));
    QCOMPARE(widget.stateText(), QStringLiteral("Back online — 3 changes sent"));
    sync::SyncSummary summary;
    summary.pushed = 3;
    widget.notePass(summary);
    QCOMPARE(widget.stateText(), QStringLiteral("Back online — 3 changes sent"));
    QVERIFY(!widget.isSettled());
    // A few seconds later it says the usual.
    QTRY_VERIFY_WITH_TIMEOUT(widget.isSettled(), ui::SyncStatusWidget::kBackOnlineMs + 2000);
    QCOMPARE(widget.stateText(), QStringLiteral("Online — all changes sent"));

    widget.setStatus(status(State::Offline, 1, kNow));
    widget.setStatus(status(State::Online, 0));
    QCOMPARE(widget.stateText(), QStringLiteral("Back online — 1 change sent"));
    QCOMPARE(ui::SyncStatusWidget::backOnlineText(0), QStringLiteral("Back online — up to date"));
}

void TestDeskSync::conflictsLinkAndTooltip()
{
    ui::SyncStatusWidget widget(m_clock);
    auto s = status(State::Offline, 3, kNow - 60);
    s.problem = QStringLiteral("Connection refused by 127.0.0.1:8080");
    widget.setStatus(s);
    auto *label = widget.findChild<QLabel *>(QStringLiteral("syncState"));
    QVERIFY(label);
    QCOMPARE(label->toolTip(), s.problem);
    auto *conflicts = widget.findChild<QLabel *>(QStringLiteral("syncConflicts"));
    QVERIFY(conflicts);
    widget.setConflicts(0);
    QVERIFY(conflicts->isHidden());
    QCOMPARE(widget.conflictsText(), QString());
    widget.setConflicts(1);
    QCOMPARE(widget.conflictsText(), QStringLiteral("1 conflict to resolve"));
    widget.setConflicts(2);
    QCOMPARE(widget.conflictsText(), QStringLiteral("2 conflicts to resolve"));
    QVERIFY(!conflicts->isHidden());
    QVERIFY(conflicts->text().contains(QLatin1String("<a href")));
    QSignalSpy clicked(&widget, &ui::SyncStatusWidget::conflictsClicked);
    Q_EMIT conflicts->linkActivated(QStringLiteral("#conflicts"));
    QCOMPARE(clicked.count(), 1);

    // Signed out: the words are a link to sign in again.
    widget.setStatus(status(State::NeedsSignIn, 3));
    QVERIFY(label->text().contains(QLatin1String("<a href")));
    QSignalSpy signIn(&widget, &ui::SyncStatusWidget::signInClicked);
    Q_EMIT label->linkActivated(QStringLiteral("#sign-in"));
    QCOMPARE(signIn.count(), 1);
}

void TestDeskSync::firstSyncProgress()
{
    sync::SyncProgress p;
    p.initial = true;
    p.items = 12345;
    p.total = 1000000;
    p.perSecond = 4210.4;
    QCOMPARE(ui::SyncProgressBar::progressText(p),
             QStringLiteral("Getting your work from the store: 12,345 of 1,000,000 items · 4,210 a second"));
    p.total = -1;
    QCOMPARE(ui::SyncProgressBar::progressText(p),
             QStringLiteral("Getting your work from the store: 12,345 items so far · 4,210 a second"));
    p.items = 1;
    QCOMPARE(ui::SyncProgressBar::progressText(p),
             QStringLiteral("Getting your work from the store: 1 item so far · 4,210 a second"));

    ui::SyncProgressBar bar;
    QVERIFY(bar.isHidden());
    p.items = 5000;
    p.total = 20000;
    bar.setProgress(p);
    QVERIFY(!bar.isHidden());
    QCOMPARE(bar.bar()->maximum(), 20000);
    QCOMPARE(bar.bar()->value(), 5000);
    QCOMPARE(bar.button()->text(), QStringLiteral("Cancel"));
    QSignalSpy cancel(&bar, &ui::SyncProgressBar::cancelClicked);
    QSignalSpy resume(&bar, &ui::SyncProgressBar::resumeClicked);
    bar.button()->click();
    QCOMPARE(cancel.count(), 1);
    bar.setPaused(true);
    QCOMPARE(bar.text(),
             QStringLiteral("First sync paused at 5,000 of 20,000 items. You can work on the items already here."));
    QCOMPARE(bar.button()->text(), QStringLiteral("Resume sync"));
    bar.button()->click();
    QCOMPARE(resume.count(), 1);
    bar.setPaused(false);
    // Every item in: the indexes are built, with nothing to count and nothing to cancel.
    p.items = 20000;
    p.indexing = true;
    bar.setProgress(p);
    QVERIFY(!bar.isHidden());
    QCOMPARE(bar.text(),
             QStringLiteral("All 20,000 items are here. Getting your queues ready for sorting and searching…"));
    QCOMPARE(bar.bar()->maximum(), 0); // busy
    QVERIFY(bar.button()->isHidden());
    p.indexing = false;
    p.done = true;
    bar.setProgress(p);
    QVERIFY(bar.isHidden());
}

void TestDeskSync::loginChecksTheAddress_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("problem"); // a part of the sentence; empty: fine
    QTest::newRow("https with a port") << QStringLiteral("https://store.example.org:8443") << QString();
    QTest::newRow("http on loopback") << QStringLiteral("http://127.0.0.1:8080") << QString();
    QTest::newRow("trailing slash") << QStringLiteral("https://store.example.org/") << QString();
    QTest::newRow("IPv6") << QStringLiteral("http://[::1]:8080") << QString();
    QTest::newRow("no scheme") << QStringLiteral("store.example.org:8443")
                               << QStringLiteral("must start with https:// or http://");
    QTest::newRow("ftp") << QStringLiteral("ftp://store.example.org") << QStringLiteral("not ftp://");
    QTest::newRow("no host") << QStringLiteral("https://:8443") << QStringLiteral("no server name");
    QTest::newRow("port too big") << QStringLiteral("https://store.example.org:99999")
                                  << QStringLiteral("port must be a number from 1 to 65535, not “99999”");
    QTest::newRow("port not a number") << QStringLiteral("http://store:80a") << QStringLiteral("not “80a”");
    QTest::newRow("port zero") << QStringLiteral("http://store:0") << QStringLiteral("from 1 to 65535");
    QTest::newRow("a path") << QStringLiteral("https://store.example.org/api/v1")
                            << QStringLiteral("without “/api/v1”");
    QTest::newRow("empty") << QString() << QStringLiteral("Type the store's address");
}

void TestDeskSync::loginChecksTheAddress()
{
    QFETCH(QString, url);
    QFETCH(QString, problem);
    const QString said = ui::LoginDialog::urlProblem(url);
    if (problem.isEmpty())
        QVERIFY2(said.isEmpty(), qPrintable(said));
    else
        QVERIFY2(said.contains(problem), qPrintable(said));
}

void TestDeskSync::loginRemembersServerAndUser()
{
    {
        ui::LoginDialog dialog;
        dialog.serverEdit()->setText(QStringLiteral("https://store:99999"));
        QVERIFY(dialog.problemText().contains(QLatin1String("65535")));
        dialog.serverEdit()->setText(QStringLiteral("https://store.example.org:8443/"));
        QCOMPARE(dialog.problemText(), QString());
        dialog.usernameEdit()->setText(QStringLiteral(" sam.patel "));
        dialog.passwordEdit()->setText(QStringLiteral("demo-sam.patel"));
        dialog.accept();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.server(), QStringLiteral("https://store.example.org:8443"));
        QCOMPARE(dialog.username(), QStringLiteral("sam.patel"));
    }
    ui::LoginDialog again;
    again.show();
    screenshot(again, QStringLiteral("login.png"));
    again.serverEdit()->setText(QStringLiteral("store.example.org:8443"));
    screenshot(again, QStringLiteral("login-bad-address.png"));
    again.serverEdit()->setText(QStringLiteral("https://store.example.org:8443"));
    QCOMPARE(again.serverEdit()->text(), QStringLiteral("https://store.example.org:8443"));
    QCOMPARE(again.usernameEdit()->text(), QStringLiteral("sam.patel"));
    QCOMPARE(again.passwordEdit()->text(), QString()); // never remembered
    QVERIFY(!QSettings().allKeys().join(QLatin1Char(' ')).contains(QLatin1String("password")));
}

void TestDeskSync::keyringWithoutSecretServiceIsQuiet()
{
    // Where there is a keyring the token goes there; where there is none (this headless machine)
    // every call still answers, with nothing kept.
    const QString server = QStringLiteral("http://127.0.0.1:9");
    ui::TokenStore::write(server, QStringLiteral("test.user"), QStringLiteral("token-123"));
    bool answered = false;
    QString token;
    QObject context;
    ui::TokenStore::read(server, QStringLiteral("test.user"), &context, [&](const QString &t) {
        answered = true;
        token = t;
    });
    QTRY_VERIFY_WITH_TIMEOUT(answered, 30000);
    if (!token.isEmpty())
        QCOMPARE(token, QStringLiteral("token-123")); // a real keyring kept it
    bool wiped = false;
    ui::TokenStore::wipe(server, QStringLiteral("test.user"), &context, [&](bool) { wiped = true; });
    QTRY_VERIFY_WITH_TIMEOUT(wiped, 30000);
    answered = false;
    ui::TokenStore::read(server, QStringLiteral("test.user"), &context, [&](const QString &t) {
        answered = true;
        token = t;
    });
    QTRY_VERIFY_WITH_TIMEOUT(answered, 30000);
    QCOMPARE(token, QString()); // logged out: nothing to sign in with
}

std::unique_ptr<ui::MainWindow> TestDeskSync::makeWindow()
{
    auto w = std::make_unique<ui::MainWindow>(*m_cache, m_sam, m_clock);
    w->resize(1500, 820);
    w->show();
    w->selectView(QStringLiteral("all"));
    waitForQueue(*w);
    return w;
}

void TestDeskSync::waitForQueue(ui::MainWindow &w)
{
    QTRY_VERIFY_WITH_TIMEOUT(!w.queueModel()->isLoading(), 10000);
    QCoreApplication::processEvents();
}

const models::WorkItem *TestDeskSync::findItem(const std::function<bool(const models::WorkItem &)> &pred,
                                               const QStringList &skip) const
{
    for (const auto &g : m_items)
        if (!skip.contains(g.item.id) && !m_used.contains(g.item.id) && pred(g.item))
            return &g.item;
    return nullptr;
}

QString TestDeskSync::refuse(const models::Command &command, const models::WorkItem &theirs, const QString &reason)
{
    const auto result = m_cache->execute(command, m_sam);
    if (!result.applied)
        return result.message;
    models::GeneratedItem g;
    g.item = theirs;
    m_cache->commandRefused(command.id, models::Conflict::Kind::Conflict, QStringLiteral("changed_since"), reason, g);
    m_used << command.itemId;
    return {};
}

void TestDeskSync::statusBarFollowsTheController()
{
    auto w = makeWindow();
    sync::SyncOptions options;
    options.server = QStringLiteral("http://127.0.0.1:9");
    options.username = m_sam.username;
    options.cachePath = m_cache->path();
    sync::SyncController controller(options); // never started: the test speaks for it
    QVERIFY(w->menuBar()->isHidden());
    w->setSync(&controller);
    QVERIFY(!w->menuBar()->isHidden());
    auto *state = w->syncStatusWidget();
    QCOMPARE(state->stateText(), QStringLiteral("Signing in…"));

    auto offline = status(State::Offline, 3, kNow - 24 * 60);
    offline.problem = QStringLiteral("Cannot reach ibc-store at http://127.0.0.1:9: Connection refused");
    Q_EMIT controller.statusChanged(offline);
    QCOMPARE(state->stateText(), QStringLiteral("Offline since %1 — 3 changes waiting").arg(hhmm(kNow - 24 * 60)));
    QVERIFY(state->isVisible());
    screenshot(*w, QStringLiteral("desk-offline.png"));
    screenshot(*w->statusBar(), QStringLiteral("statusbar-offline.png"));

    // The first sync: a bar in the window, Cancel pauses, Resume resumes.
    sync::SyncProgress p;
    p.initial = true;
    p.items = 230000;
    p.total = 1000000;
    p.perSecond = 41250;
    Q_EMIT controller.progress(p);
    QVERIFY(w->syncProgressBar()->isVisible());
    Q_EMIT controller.statusChanged(status(State::Online, 0));
    screenshot(*w, QStringLiteral("desk-first-sync.png"));
    w->syncProgressBar()->button()->click();
    QCOMPARE(w->pauseAction()->text().remove(QLatin1Char('&')), QStringLiteral("Resume sync"));
    QCOMPARE(w->syncProgressBar()->button()->text(), QStringLiteral("Resume sync"));
    Q_EMIT controller.statusChanged(status(State::Paused, 0));
    QCOMPARE(state->stateText(), QStringLiteral("Sync paused — no changes waiting"));
    w->pauseAction()->trigger();
    QCOMPARE(w->pauseAction()->text().remove(QLatin1Char('&')), QStringLiteral("Pause sync"));
    p.done = true;
    Q_EMIT controller.progress(p);
    QVERIFY(w->syncProgressBar()->isHidden());

    // Back online after an outage.
    Q_EMIT controller.statusChanged(status(State::Offline, 2, kNow - 60));
    Q_EMIT controller.statusChanged(status(State::Online, 0));
    QCOMPARE(state->stateText(), QStringLiteral("Back online — 2 changes sent"));

    // Log out: asks first when changes wait, then stops syncing and says what is kept.
    QSignalSpy loggedOut(w.get(), &ui::MainWindow::loggedOut);
    const int waiting = m_cache->outboxCount();
    if (waiting > 0)
        whenModal([](QWidget *box) { clickButton(box, QStringLiteral("Log out")); });
    w->logOutAction()->trigger();
    QCOMPARE(loggedOut.count(), 1);
    QCOMPARE(w->syncController(), nullptr);
    QVERIFY(w->menuBar()->isHidden());
    QCOMPARE(state->stateText(), waiting == 0 ? QStringLiteral("Not syncing")
                                              : QStringLiteral("Not syncing — %1 change%2 kept on this computer")
                                                    .arg(waiting)
                                                    .arg(waiting == 1 ? QString() : QStringLiteral("s")));
}

void TestDeskSync::realEngineOfflineShowsInTheStatusBar()
{
    // The real engine, on an empty cache of its own, against a port nothing listens on.
    const QString path = m_dir.filePath(QStringLiteral("fresh.sqlite"));
    auto fresh = models::Cache::open(path);
    fresh->saveUsers(models::DemoGenerator::demoUsers());
    sync::SyncOptions options;
    options.server = QStringLiteral("http://127.0.0.1:9");
    options.username = m_sam.username;
    options.cachePath = path;
    options.retryFirst = std::chrono::milliseconds(200);
    options.requestTimeout = std::chrono::milliseconds(3000);
    options.live = false;
    ui::MainWindow w(*fresh, m_sam, models::SystemClock::instance());
    w.resize(1500, 820);
    w.show();
    sync::SyncController controller(options);
    w.setSync(&controller);
    controller.start(QStringLiteral("not-needed"));
    QTRY_VERIFY_WITH_TIMEOUT(w.syncStatusWidget()->stateText().startsWith(QLatin1String("Offline since")), 15000);
    QCOMPARE(w.syncStatusWidget()->stateText(),
             QStringLiteral("Offline since %1 — no changes waiting").arg(hhmm(controller.status().offlineSince)));
    auto *label = w.syncStatusWidget()->findChild<QLabel *>(QStringLiteral("syncState"));
    QVERIFY2(!label->toolTip().isEmpty(), "the reason is the tooltip");
    screenshot(*w.statusBar(), QStringLiteral("statusbar-offline-real-engine.png"));
    w.setSync(nullptr);
    controller.stop();
}

void TestDeskSync::conflictShowsWithMarkerAndRetryClearsIt()
{
    auto w = makeWindow();
    const models::WorkItem *item = findItem([](const models::WorkItem &it) {
        return it.assignee.isEmpty() && it.status == models::Status::New && it.partner == QLatin1String("HCC");
    });
    QVERIFY(item);
    // Sam claims it offline; meanwhile the store raised its priority, so the claim met a newer version.
    const auto claim =
        models::Command::make(models::CommandType::Claim, item->id, item->version, m_sam.username, m_clock.now());
    models::WorkItem theirs = *item;
    theirs.priority = models::Priority::Urgent;
    theirs.version = item->version + 1;
    theirs.updated = kNow - 120;
    QCOMPARE(refuse(claim, theirs, QStringLiteral("Someone changed this item after you saw it.")), QString());
    w->refreshAfterSync({item->id});

    QVERIFY(w->navigator()->isConflictsShown());
    QCOMPARE(w->navigator()->conflictCount(), 1);
    QCOMPARE(w->syncStatusWidget()->conflictsText(), QStringLiteral("1 conflict to resolve"));

    // The marker in the queue.
    w->searchBox()->setText(item->reference);
    QTRY_COMPARE_WITH_TIMEOUT(w->queueModel()->rowCount(), 1, 10000);
    waitForQueue(*w);
    const QModelIndex ref = w->queueModel()->index(0, models::QueueModel::Reference);
    QCOMPARE(ref.data(models::QueueModel::ItemIdRole).toString(), item->id);
    QVERIFY(ref.data(models::QueueModel::ConflictRole).toBool());
    QVERIFY(ref.data(Qt::ToolTipRole).toString().contains(QLatin1String("see Conflicts")));
    // ... and on the item.
    w->itemPanel()->showItem(item->id);
    QCOMPARE(w->itemPanel()->conflictBannerText(),
             QStringLiteral(
                 "The store did not accept your change: Someone changed this item after you saw it — see Conflicts"));
    screenshot(*w, QStringLiteral("desk-queue-marker.png"));

    // The Conflicts list: the item, my change, the store's reason; what I saw, mine, theirs.
    w->showConflicts(item->id);
    auto *view = w->conflictsView();
    QVERIFY(view->isVisible());
    QCOMPARE(view->table()->rowCount(), 1);
    QCOMPARE(view->table()->item(0, 0)->text(), item->reference);
    QCOMPARE(view->table()->item(0, 1)->text(), QStringLiteral("Claim"));
    QCOMPARE(view->table()->item(0, 2)->text(), QStringLiteral("Someone changed this item after you saw it."));
    QTableWidget *cmp = view->comparison();
    QCOMPARE(cmp->verticalHeaderItem(0)->text(), QStringLiteral("Status"));
    QCOMPARE(cmp->item(0, 0)->text(), QStringLiteral("New"));
    QCOMPARE(cmp->item(0, 1)->text(), QStringLiteral("Assigned"));
    QCOMPARE(cmp->item(0, 2)->text(), QStringLiteral("New"));
    QCOMPARE(cmp->item(1, 1)->text(), m_sam.displayName);
    QCOMPARE(cmp->verticalHeaderItem(2)->text(), QStringLiteral("Priority"));
    QCOMPARE(cmp->item(2, 2)->text(), QStringLiteral("Urgent"));
    QVERIFY(cmp->item(2, 2)->background() != QBrush()); // changed in the store: highlighted
    QVERIFY(cmp->item(0, 1)->background() != QBrush()); // my change: highlighted
    QCOMPARE(cmp->item(2, 1)->background(), QBrush());  // not changed by me
    screenshot(*w, QStringLiteral("desk-conflicts.png"));

    // Retry: a new claim, on the store's version, goes to the outbox; the conflict is gone.
    const int outboxBefore = m_cache->outboxCount();
    QSignalSpy applied(view, &ui::ConflictsView::commandApplied);
    view->retryButton()->click();
    QCOMPARE(applied.count(), 1);
    QCOMPARE(view->count(), 0);
    QCOMPARE(m_cache->conflictCount(), 0);
    QCOMPARE(m_cache->outboxCount(), outboxBefore + 1);
    const auto entry = m_cache->outbox().back();
    QCOMPARE(entry.command.type, models::CommandType::Claim);
    QCOMPARE(entry.command.itemId, item->id);
    QCOMPARE(entry.command.baseVersion, theirs.version);
    QVERIFY(entry.command.id != claim.id);
    QCOMPARE(m_cache->item(item->id)->assignee, m_sam.username);
    QVERIFY(view->message().contains(QLatin1String("waiting to be sent")));
    QCOMPARE(w->navigator()->conflictCount(), 0);
    QCOMPARE(w->syncStatusWidget()->conflictsText(), QString());
    QCOMPARE(w->itemPanel()->conflictBannerText(), QString());
    screenshot(*w, QStringLiteral("desk-conflicts-empty.png"));
    // The queue's marker goes too.
    w->selectView(QStringLiteral("all"));
    waitForQueue(*w);
    QTRY_VERIFY_WITH_TIMEOUT(
        !w->queueModel()->index(0, models::QueueModel::Reference).data(models::QueueModel::ConflictRole).toBool(),
        5000);
    // Leaving the empty list hides it from the navigator.
    QVERIFY(!w->navigator()->isConflictsShown());
}

void TestDeskSync::refusedRetryKeepsTheConflictAndDiscardAsksFirst()
{
    auto w = makeWindow();
    const models::WorkItem *item =
        findItem([](const models::WorkItem &it) { return it.assignee.isEmpty() && it.status == models::Status::New; });
    QVERIFY(item);
    const auto claim =
        models::Command::make(models::CommandType::Claim, item->id, item->version, m_sam.username, m_clock.now());
    // Someone else took it first.
    models::WorkItem theirs = *item;
    theirs.assignee = QStringLiteral("ffion.llewellyn");
    theirs.status = models::Status::Assigned;
    theirs.version = item->version + 1;
    QCOMPARE(refuse(claim, theirs, QStringLiteral("Another caseworker claimed this item first.")), QString());
    w->refreshAfterSync();
    w->showConflicts(item->id);
    auto *view = w->conflictsView();
    QCOMPARE(view->count(), 1);
    const int outboxBefore = m_cache->outboxCount();

    // Retry is refused by the rules on the item as it is now: said, and the conflict stays.
    QVERIFY(!view->retry());
    QCOMPARE(view->count(), 1);
    QCOMPARE(m_cache->conflictCount(), 1);
    QCOMPARE(m_cache->outboxCount(), outboxBefore);
    QVERIFY2(view->message().contains(QLatin1String("was not made again")), qPrintable(view->message()));
    screenshot(*w, QStringLiteral("desk-conflict-refused-retry.png"));

    // Discard asks first; "Keep it" keeps it.
    whenModal([](QWidget *box) { clickButton(box, QStringLiteral("Keep it")); });
    QVERIFY(!view->discard());
    QCOMPARE(m_cache->conflictCount(), 1);
    whenModal([](QWidget *box) {
        QCOMPARE(box->objectName(), QStringLiteral("discardConfirmation"));
        clickButton(box, QStringLiteral("Discard my change"));
    });
    QVERIFY(view->discard());
    QCOMPARE(m_cache->conflictCount(), 0);
    QCOMPARE(view->count(), 0);
    QCOMPARE(m_cache->outboxCount(), outboxBefore);
    QCOMPARE(m_cache->item(item->id)->assignee, QStringLiteral("ffion.llewellyn")); // the store's version
}

void TestDeskSync::editAndRetryStartsFromMyPayload()
{
    auto w = makeWindow();
    const models::WorkItem *item = findItem([this](const models::WorkItem &it) {
        return it.assignee == m_sam.username && it.status == models::Status::InProgress;
    });
    QVERIFY(item);
    const auto ask = models::Command::make(models::CommandType::RequestInfo, item->id, item->version, m_sam.username,
                                           m_clock.now(), {{QStringLiteral("reason"), QStringLiteral("Need the P45")}});
    models::WorkItem theirs = *item;
    theirs.version = item->version + 1;
    theirs.priority = models::Priority::High;
    QCOMPARE(refuse(ask, theirs, QStringLiteral("Someone changed this item after you saw it.")), QString());
    w->refreshAfterSync();
    w->showConflicts(item->id);
    auto *view = w->conflictsView();
    QCOMPARE(view->count(), 1);
    QVERIFY(view->table()->item(0, 1)->text().contains(QLatin1String("Need the P45")));
    QString prefilled;
    whenModal([&prefilled](QWidget *dialog) {
        auto *text = dialog->findChild<QPlainTextEdit *>();
        prefilled = text->toPlainText();
        text->setPlainText(QStringLiteral("Need the P45 from the previous employer"));
        qobject_cast<QDialog *>(dialog)->accept();
    });
    QVERIFY(view->editAndRetry());
    QCOMPARE(prefilled, QStringLiteral("Need the P45"));
    QCOMPARE(m_cache->conflictCount(), 0);
    const auto entry = m_cache->outbox().back();
    QCOMPARE(entry.command.type, models::CommandType::RequestInfo);
    QCOMPARE(entry.command.payload.value(QStringLiteral("reason")).toString(),
             QStringLiteral("Need the P45 from the previous employer"));
    QCOMPARE(entry.command.baseVersion, theirs.version);
}

void TestDeskSync::welsh()
{
    QTranslator cy;
    QVERIFY(cy.load(QStringLiteral(":/i18n/ibc-desk_cy.qm")));
    QCoreApplication::installTranslator(&cy);
    const auto restore = qScopeGuard([&cy] { QCoreApplication::removeTranslator(&cy); });
    QCOMPARE(ui::SyncStatusWidget::statusText(status(State::Offline, 3, kNow - 60), kNow),
             QStringLiteral("All-lein ers %1 — 3 newid yn aros").arg(hhmm(kNow - 60)));
    QCOMPARE(ui::SyncStatusWidget::statusText(status(State::NeedsSignIn, 1), kNow),
             QStringLiteral("Mewngofnodwch eto i anfon 1 newid"));
    QCOMPARE(ui::SyncStatusWidget::conflictsText(1), QStringLiteral("1 gwrthdaro i'w ddatrys"));
    QCOMPARE(ui::LoginDialog::urlProblem(QStringLiteral("https://store:99999")),
             QStringLiteral("Rhaid i'r porth fod yn rhif o 1 i 65535, nid “99999”."));

    // The Conflicts list in Welsh, to look at: a conflict on an item in my work.
    const models::WorkItem *item = findItem([this](const models::WorkItem &it) {
        return it.assignee == m_sam.username && it.status == models::Status::InProgress;
    });
    QVERIFY(item);
    const auto escalate =
        models::Command::make(models::CommandType::Escalate, item->id, item->version, m_sam.username, m_clock.now(),
                              {{QStringLiteral("reason"), QStringLiteral("Angen barn arweinydd tîm")}});
    models::WorkItem theirs = *item;
    theirs.version = item->version + 1;
    theirs.status = models::Status::AwaitingInfo;
    QCOMPARE(refuse(escalate, theirs, QStringLiteral("Newidiodd rhywun yr eitem hon ar ôl i chi ei gweld.")),
             QString());
    auto w = makeWindow();
    auto offline = status(State::Offline, m_cache->outboxCount(), kNow - 30 * 60);
    sync::SyncOptions options;
    options.server = QStringLiteral("http://127.0.0.1:9");
    options.username = m_sam.username;
    options.cachePath = m_cache->path();
    sync::SyncController controller(options);
    w->setSync(&controller);
    Q_EMIT controller.statusChanged(offline);
    w->showConflicts(item->id);
    QCOMPARE(w->conflictsView()->count(), 1);
    QCOMPARE(w->itemPanel()->itemId(), item->id);
    QCOMPARE(w->navigator()->currentItem()->text(0), QStringLiteral("Gwrthdaro  (1)"));
    screenshot(*w, QStringLiteral("desk-conflicts-cy.png"));
    w->setSync(nullptr);
}

QTEST_MAIN(TestDeskSync)
#include "tst_desksync.moc"
