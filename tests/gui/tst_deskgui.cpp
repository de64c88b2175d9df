// The desk as a caseworker uses it, offscreen: take the next item, start it, add a note, resolve
// it; then the cache and the outbox must say exactly that.
#include "cache/Cache.h"
#include "DialogDriver.h"
#include "domain/Fields.h"
#include "domain/Lifecycle.h"
#include "itemmodels/QueueModel.h"
#include "sqlite/Sqlite.h"
#include "ui/CommandDialog.h"
#include "ui/ItemPanel.h"
#include "ui/MainWindow.h"
#include "ui/Navigator.h"
#include "ui/Translations.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace ibc;
using namespace Qt::Literals::StringLiterals;

class TestDeskGui : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void takeNextItemAddNoteAndResolve();
    void searchFindsAnEmployeeNumber();
    void refusedActionsAreDisabledWithTheReason();
    void aClaimWhoseLeaseHasRunOutCanBeTakenOver();
    void aCacheThatCannotBeReadIsSaidNotThrown();
    void personalDetailsAreEditedWithoutBeingShown();
    void aDeathInServiceIsShownAsABereavement();
    void aBankDetailsChangeGoesThroughASecondPersonsCheck();

private:
    void waitForQueue(ui::MainWindow &w);
    // Selects the item's row in the window's queue (refreshed first), as a click would, and shows
    // it as the cache has it now: the panel keeps showing it across the refreshes after a change.
    bool openInQueue(ui::MainWindow &w, const QString &itemId);

    QTemporaryDir m_dir;
    std::unique_ptr<models::Cache> m_cache;
    std::vector<models::GeneratedItem> m_items;
    models::ManualClock m_clock{1795000000}; // Thu 19 Nov 2026
    models::User m_sam;
};

void TestDeskGui::initTestCase()
{
    QCoreApplication::setOrganizationName(QStringLiteral("IBC-tests")); // keep the user's own settings out
    QCOMPARE(ui::installTranslations(*QCoreApplication::instance(), QLocale(QLocale::English, QLocale::UnitedKingdom)),
             QStringLiteral("en_GB"));
    QVERIFY(m_dir.isValid());
    m_cache = models::Cache::open(m_dir.filePath(QStringLiteral("desk.sqlite")), nullptr, m_clock);
    const auto users = models::DemoGenerator::demoUsers();
    m_cache->saveUsers(users);
    m_sam = users.front();
    QCOMPARE(m_sam.username, QStringLiteral("sam.patel"));
    models::DemoGenerator gen(7, 1795000000 - 1795000000 % 86400);
    for (int i = 0; i < 2000; ++i)
        m_items.push_back(gen.next());
    m_cache->insertGenerated(m_items);
}

void TestDeskGui::waitForQueue(ui::MainWindow &w)
{
    QTRY_VERIFY_WITH_TIMEOUT(!w.queueModel()->isLoading(), 10000);
    QCoreApplication::processEvents();
}

bool TestDeskGui::openInQueue(ui::MainWindow &w, const QString &itemId)
{
    w.queueModel()->refresh();
    waitForQueue(w);
    for (int r = 0; r < w.queueModel()->rowCount(); ++r)
        if (w.queueModel()->index(r, 0).data(models::QueueModel::ItemIdRole).toString() == itemId) {
            w.queueView()->setCurrentIndex(w.queueModel()->index(r, 0));
            w.itemPanel()->reload(); // the other window's change, as a pull would bring it
            return w.itemPanel()->itemId() == itemId;
        }
    return false;
}

void TestDeskGui::takeNextItemAddNoteAndResolve()
{
    // The most urgent unassigned item Sam may work, worked out independently of the cache.
    const models::WorkItem *expected = nullptr;
    for (const auto &g : m_items) {
        const auto &it = g.item;
        if (it.assignee.isEmpty() && (it.status == models::Status::New || it.status == models::Status::Reopened) &&
            (!expected || it.due < expected->due || (it.due == expected->due && it.priority > expected->priority)))
            expected = &it;
    }
    QVERIFY(expected);
    const int outboxBefore = m_cache->outboxCount();

    ui::MainWindow w(*m_cache, m_sam, m_clock);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.selectView(QStringLiteral("all")));
    waitForQueue(w);
    QVERIFY(w.queueModel()->rowCount() > 0);

    // Next item (Ctrl+N) claims and opens it.
    QTest::keyClick(&w, Qt::Key_N, Qt::ControlModifier);
    QCOMPARE(w.itemPanel()->itemId(), expected->id);
    QCOMPARE(m_cache->item(expected->id)->assignee, m_sam.username);
    QCOMPARE(m_cache->item(expected->id)->status,
             expected->status == models::Status::Reopened ? models::Status::Reopened : models::Status::Assigned);

    // Start work (Ctrl+Shift+S).
    QVERIFY(w.itemPanel()->action(models::CommandType::Start)->isEnabled());
    QTest::keyClick(&w, Qt::Key_S, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(m_cache->item(expected->id)->status, models::Status::InProgress);

    // A note, typed and added with Ctrl+Return.
    QPlainTextEdit *editor = w.itemPanel()->noteEditor();
    QVERIFY(editor->isEnabled());
    editor->setFocus();
    QTest::keyClicks(editor, QStringLiteral("Called the line manager; form is on its way."));
    QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(editor->toPlainText().isEmpty());
    const auto notes = m_cache->notes(expected->id);
    QVERIFY(!notes.empty());
    QCOMPARE(notes.back().text, QStringLiteral("Called the line manager; form is on its way."));
    QCOMPARE(notes.back().author, m_sam.username);

    // Resolve (Ctrl+Shift+R): the dialog wants an outcome before it lets go.
    bool dialogSeen = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<ui::CommandDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        dialogSeen = true;
        auto *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled()); // no outcome chosen yet
        auto *outcome = dialog->findChild<QComboBox *>();
        outcome->setCurrentIndex(1);
        QVERIFY(ok->isEnabled());
        QTest::mouseClick(ok, Qt::LeftButton);
    });
    QTest::keyClick(&w, Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY(dialogSeen);

    const auto item = m_cache->item(expected->id);
    QCOMPARE(item->status, models::Status::Resolved);
    QCOMPARE(item->assignee, m_sam.username);
    QCOMPARE(item->updated, m_clock.now());

    // The outbox holds the four commands, in order, for this item, as Sam.
    const auto outbox = m_cache->outbox();
    QCOMPARE(int(outbox.size()), outboxBefore + 4);
    const models::CommandType sequence[] = {models::CommandType::Claim, models::CommandType::Start,
                                            models::CommandType::AddNote, models::CommandType::Resolve};
    for (int i = 0; i < 4; ++i) {
        const models::Command &c = outbox[std::size_t(outboxBefore + i)].command;
        QCOMPARE(c.type, sequence[i]);
        QCOMPARE(c.itemId, expected->id);
        QCOMPARE(c.actor, m_sam.username);
    }
    QCOMPARE(outbox.back().command.payload.value(QStringLiteral("outcome")).toString(),
             QLatin1String(models::outcomes(expected->kind)[0]));

    // The history shows the path.
    const auto events = m_cache->events(expected->id);
    QCOMPARE(events.back().type, QStringLiteral("resolve"));
    QCOMPARE(events.back().to, models::Status::Resolved);

    // The status bar counts what waits to be sent.
    bool counted = false;
    for (QLabel *label : w.statusBar()->findChildren<QLabel *>())
        counted |= label->text() == QStringLiteral("%1 changes waiting to be sent").arg(outboxBefore + 4);
    QVERIFY(counted);
}

// A cache the window cannot read (here: its notes table gone, as in a damaged file; in life more
// often SQLITE_BUSY while the sync engine writes a large page) is said in the status bar, and the
// window carries on: nothing escapes into the event loop.
void TestDeskGui::aCacheThatCannotBeReadIsSaidNotThrown()
{
    ui::MainWindow w(*m_cache, m_sam, m_clock);
    w.show();
    QVERIFY(w.selectView(QStringLiteral("all")));
    waitForQueue(w);
    const QString id = m_items.front().item.id;
    models::sqlite::Database(m_cache->path()).exec("ALTER TABLE notes RENAME TO notes_away");
    w.itemPanel()->showItem(id);
    QVERIFY(w.itemPanel()->itemId().isEmpty());
    QVERIFY2(w.statusBar()->currentMessage().startsWith(QStringLiteral("Could not show the item: ")),
             qPrintable(w.statusBar()->currentMessage()));
    QVERIFY(w.statusBar()->currentMessage().contains(QStringLiteral("notes")));

    models::sqlite::Database(m_cache->path()).exec("ALTER TABLE notes_away RENAME TO notes");
    w.itemPanel()->showItem(id);
    QCOMPARE(w.itemPanel()->itemId(), id);
}

void TestDeskGui::searchFindsAnEmployeeNumber()
{
    const models::WorkItem *target = nullptr;
    for (const auto &g : m_items)
        if (!g.item.employeeNumber().isEmpty() && g.item.status != models::Status::Closed &&
            g.item.status != models::Status::Resolved) {
            target = &g.item;
            break;
        }
    QVERIFY(target);
    ui::MainWindow w(*m_cache, m_sam, m_clock);
    w.show();
    QVERIFY(w.selectView(QStringLiteral("all")));
    waitForQueue(w);
    QTest::keyClicks(w.searchBox(), target->employeeNumber());
    QTRY_VERIFY_WITH_TIMEOUT(w.queueModel()->filter().text == target->employeeNumber(), 5000);
    waitForQueue(w);
    QVERIFY(w.queueModel()->rowCount() >= 1);
    bool found = false;
    for (int r = 0; r < w.queueModel()->rowCount(); ++r)
        found |= w.queueModel()->itemIdAt(r) == target->id;
    QVERIFY(found);
}

void TestDeskGui::refusedActionsAreDisabledWithTheReason()
{
    // An item in progress with someone else: Sam may note it but not resolve it.
    const models::WorkItem *theirs = nullptr;
    for (const auto &g : m_items)
        if (g.item.status == models::Status::InProgress && g.item.assignee != m_sam.username) {
            theirs = &g.item;
            break;
        }
    QVERIFY(theirs);
    ui::ItemPanel panel(*m_cache, m_sam, m_clock);
    panel.showItem(theirs->id);
    QAction *resolve = panel.action(models::CommandType::Resolve);
    QVERIFY(!resolve->isEnabled());
    QVERIFY2(resolve->toolTip().contains(theirs->assignee), qPrintable(resolve->toolTip()));
    QVERIFY(panel.noteEditor()->isEnabled());

    // Forcing it through anyway changes nothing and says why.
    const int before = m_cache->outboxCount();
    QVERIFY(!panel.run(models::CommandType::Resolve, {{QStringLiteral("outcome"), QStringLiteral("processed")}}));
    QCOMPARE(m_cache->outboxCount(), before);
    QCOMPARE(m_cache->item(theirs->id)->status, models::Status::InProgress);
}

void TestDeskGui::aClaimWhoseLeaseHasRunOutCanBeTakenOver()
{
    // Rhys claims a new item; for the lease, Sam's Claim is off and says whose it is and until when.
    const auto users = models::DemoGenerator::demoUsers();
    const auto rhys = std::find_if(users.begin(), users.end(),
                                   [](const auto &u) { return u.username == QStringLiteral("rhys.evans"); });
    QVERIFY(rhys != users.end());
    const models::WorkItem *fresh = nullptr;
    for (const auto &g : m_items)
        if (g.item.status == models::Status::New && g.item.assignee.isEmpty() && rhys->worksFor(g.item.partner) &&
            m_cache->item(g.item.id)->status == models::Status::New) {
            fresh = &g.item;
            break;
        }
    QVERIFY(fresh);
    const auto claim = models::Command::make(models::CommandType::Claim, fresh->id, m_cache->item(fresh->id)->version,
                                             rhys->username, m_clock.now());
    QVERIFY(m_cache->execute(claim, *rhys).applied);

    ui::ItemPanel panel(*m_cache, m_sam, m_clock);
    panel.showItem(fresh->id);
    QAction *claimAction = panel.action(models::CommandType::Claim);
    QVERIFY(!claimAction->isEnabled());
    QVERIFY2(claimAction->toolTip().contains(rhys->username), qPrintable(claimAction->toolTip()));

    // Once the lease has run out with the item not started, Sam can take it over.
    m_clock.advance(models::kDefaultClaimLease + 60);
    panel.showItem(fresh->id);
    QVERIFY2(claimAction->isEnabled(), qPrintable(claimAction->toolTip()));
    QVERIFY(panel.run(models::CommandType::Claim, {}));
    QCOMPARE(m_cache->item(fresh->id)->assignee, m_sam.username);
}

// Edit details never puts an account or NI number on screen: its box shows the masked value as a
// hint; left blank it is kept, and a new one typed in is checked like any other.
void TestDeskGui::personalDetailsAreEditedWithoutBeingShown()
{
    models::WorkItem item;
    item.kind = models::Kind::HrChange;
    item.subtype = QStringLiteral("bank_details");
    item.partner = QStringLiteral("HCC");
    item.fields = QJsonObject{{QStringLiteral("employee_number"), QStringLiteral("E1234567")},
                              {QStringLiteral("employee_name"), QStringLiteral("Ffion Evans")},
                              {QStringLiteral("effective_date"), QStringLiteral("2026-12-31")},
                              {QStringLiteral("sort_code"), QStringLiteral("08-99-99")},
                              {QStringLiteral("account_number"), QStringLiteral("66374959")}};
    ui::CommandDialog dialog(models::CommandType::EditFields, item, {});
    QLineEdit *account = nullptr;
    for (QLineEdit *e : dialog.findChildren<QLineEdit *>()) {
        QVERIFY2(!e->text().contains(QStringLiteral("66374959")), qPrintable(e->text()));
        if (e->placeholderText().contains(QStringLiteral("••••4959")))
            account = e;
    }
    QVERIFY(account);
    QVERIFY(account->text().isEmpty());

    // Only a name changed: the account is kept as it is.
    for (QLineEdit *e : dialog.findChildren<QLineEdit *>())
        if (e->text() == QLatin1String("Ffion Evans"))
            e->setText(QStringLiteral("Ffion Evans-Jones"));
    QCOMPARE(dialog.payload().value(QStringLiteral("fields")).toObject(),
             QJsonObject({{QStringLiteral("employee_name"), QStringLiteral("Ffion Evans-Jones")}}));

    // A new account number is checked as it is typed, then sent.
    account->setText(QStringLiteral("6637"));
    QVERIFY(!dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
    account->setText(QStringLiteral("66374958"));
    QVERIFY(dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->isEnabled());
    QCOMPARE(dialog.payload().value(QStringLiteral("fields")).toObject().value(QStringLiteral("account_number")),
             QJsonValue(QStringLiteral("66374958")));
}

// A leaver who died in service: the panel says so above everything, names who to write to, and
// the resolve dialog lists what must not be sent; any other leaver shows none of it.
void TestDeskGui::aDeathInServiceIsShownAsABereavement()
{
    const models::GeneratedItem *died = nullptr, *retired = nullptr;
    for (const auto &g : m_items) {
        const QString reason = g.item.fields.value(QStringLiteral("leaving_reason")).toString();
        if (g.item.subtype == QLatin1String("leaver") && reason == QLatin1String("Death in service") && !died)
            died = &g;
        if (g.item.subtype == QLatin1String("leaver") && reason == QLatin1String("Retirement") && !retired)
            retired = &g;
    }
    QVERIFY(died && retired);
    QVERIFY(models::isBereavement(died->item));
    QVERIFY(!models::isBereavement(retired->item));
    const QString name = died->item.fields.value(QStringLiteral("employee_name")).toString();

    ui::ItemPanel panel(*m_cache, m_sam, m_clock);
    panel.showItem(died->item.id);
    const QString banner = panel.bereavementBannerText();
    QVERIFY2(banner.contains(name + QStringLiteral(" has died in service")), qPrintable(banner));
    QVERIFY2(banner.contains(QStringLiteral("the next of kin or the estate")), qPrintable(banner));
    QVERIFY2(banner.contains(QStringLiteral("a P45 addressed to ") + name), qPrintable(banner));
    panel.showItem(retired->item.id);
    QVERIFY(panel.bereavementBannerText().isEmpty());

    models::WorkItem withKin = died->item;
    withKin.fields.insert(QStringLiteral("next_of_kin"), QStringLiteral("Mrs Eleri Jones (widow)"));
    ui::CommandDialog resolve(models::CommandType::Resolve, withKin, {});
    const auto *dont = resolve.findChild<QLabel *>(QStringLiteral("doNotSend"));
    QVERIFY(dont);
    QVERIFY2(dont->text().contains(QStringLiteral("a P45 addressed to ") + name.toHtmlEscaped()),
             qPrintable(dont->text()));
    QVERIFY(!ui::CommandDialog(models::CommandType::Resolve, retired->item, {})
                 .findChild<QLabel *>(QStringLiteral("doNotSend")));
}

// The whole four-eyes path, as two people do it at their desks: Rhys cannot resolve an account that
// fails the modulus check; he corrects it and resolves; the change waits for a check he cannot
// give; Sam, a checker, sees it in To check, returns it with a reason, then passes it once Rhys
// has made it again. The comparison shows accounts masked, before and after.
void TestDeskGui::aBankDetailsChangeGoesThroughASecondPersonsCheck()
{
    const auto users = models::DemoGenerator::demoUsers();
    const models::User rhys = *std::find_if(
        users.begin(), users.end(), [](const models::User &u) { return u.username == QLatin1String("rhys.evans"); });
    QVERIFY(!rhys.mayCheck() && m_sam.mayCheck());
    models::GeneratedItem g;
    models::WorkItem &it = g.item;
    it.id = QStringLiteral("5b0c1c6e-7a1d-4f3e-9c1b-0000000000b1");
    it.reference = QStringLiteral("HR-0900001");
    it.subtype = QStringLiteral("bank_details");
    it.partner = QStringLiteral("HCC");
    it.status = models::Status::InProgress;
    it.assignee = rhys.username;
    it.received = it.updated = m_clock.now() - 3600;
    it.due = m_clock.now() + 86400;
    it.version = 3;
    it.fields = QJsonObject{{QStringLiteral("employee_number"), QStringLiteral("E7654321")},
                            {QStringLiteral("employee_name"), QStringLiteral("Carys Morgan")},
                            {QStringLiteral("effective_date"), QStringLiteral("2026-12-31")},
                            {QStringLiteral("current_sort_code"), QStringLiteral("20-00-00")},
                            {QStringLiteral("current_account_number"), QStringLiteral("55779911")},
                            {QStringLiteral("sort_code"), QStringLiteral("08-99-99")},
                            {QStringLiteral("account_number"), QStringLiteral("66374959")}}; // fails the check
    g.events = {{it.id,
                 it.received,
                 QStringLiteral("intake.portal"),
                 QStringLiteral("received"),
                 models::Status::New,
                 models::Status::New,
                 {}},
                {it.id,
                 it.received + 60,
                 rhys.username,
                 QStringLiteral("claim"),
                 models::Status::New,
                 models::Status::Assigned,
                 {}},
                {it.id,
                 it.received + 120,
                 rhys.username,
                 QStringLiteral("start"),
                 models::Status::Assigned,
                 models::Status::InProgress,
                 {}}};
    m_cache->insertGenerated(std::span(&g, 1));

    ui::MainWindow maker(*m_cache, rhys, m_clock);
    maker.show();
    QVERIFY(QTest::qWaitForWindowExposed(&maker));
    QVERIFY(maker.selectView(QStringLiteral("my-work")));
    QVERIFY(openInQueue(maker, it.id));
    QAction *resolve = maker.itemPanel()->action(models::CommandType::Resolve);
    QVERIFY(!resolve->isEnabled());
    QVERIFY2(resolve->toolTip().contains(QStringLiteral("cannot be resolved")), qPrintable(resolve->toolTip()));

    // Edit details (Ctrl+Shift+D): the right account number, typed over the masked one.
    ibc::test::whenModal([](QWidget *dialog) {
        for (QLineEdit *e : dialog->findChildren<QLineEdit *>())
            if (e->placeholderText().contains(QStringLiteral("••••4959")))
                e->setText(QStringLiteral("66374958"));
        ibc::test::clickButton(dialog, QStringLiteral("Edit details"));
    });
    QTest::keyClick(&maker, Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(m_cache->item(it.id)->fields.value(QStringLiteral("account_number")).toString(),
             QStringLiteral("66374958"));
    QVERIFY(resolve->isEnabled());

    // Resolve it as processed: it waits for a check, still Rhys's.
    const auto resolveAsProcessed = [&] {
        ibc::test::whenModal([](QWidget *dialog) {
            auto *outcome = dialog->findChild<QComboBox *>();
            auto *note = dialog->findChild<QLabel *>(QStringLiteral("checkNote"));
            outcome->setCurrentIndex(outcome->findData(QStringLiteral("withdrawn")));
            QVERIFY(note->isHidden()); // withdrawn, nothing changes: no check
            outcome->setCurrentIndex(outcome->findData(QStringLiteral("processed")));
            QVERIFY2(!note->isHidden() && note->text().contains(QStringLiteral("wait in “Awaiting check”")),
                     qPrintable(note->text()));
            ibc::test::clickButton(dialog, QStringLiteral("Resolve"));
        });
        resolve->trigger(); // the action behind Ctrl+Shift+R
    };
    resolveAsProcessed();
    QCOMPARE(m_cache->item(it.id)->status, models::Status::AwaitingCheck);
    QCOMPARE(m_cache->item(it.id)->assignee, rhys.username);
    QVERIFY2(maker.itemPanel()->checkBannerText().contains(QStringLiteral("You made this change")),
             qPrintable(maker.itemPanel()->checkBannerText()));
    QAction *makerPass = maker.itemPanel()->action(models::CommandType::PassCheck);
    QVERIFY(!makerPass->isEnabled());
    QVERIFY2(makerPass->toolTip().contains(QStringLiteral("someone else must check it")),
             qPrintable(makerPass->toolTip()));

    // Sam's desk: the change is in To check, with who made it and why it needs a second person.
    ui::MainWindow checker(*m_cache, m_sam, m_clock);
    checker.show();
    QVERIFY(QTest::qWaitForWindowExposed(&checker));
    QVERIFY(checker.selectView(ui::Navigator::checkingView()));
    QVERIFY(openInQueue(checker, it.id)); // listed in To check
    const QString banner = checker.itemPanel()->checkBannerText();
    QVERIFY2(banner.contains(QStringLiteral("Made by Rhys Evans")) && banner.contains(QStringLiteral("bank details")),
             qPrintable(banner));

    // The comparison, masked; he returns it with a reason.
    QStringList compared;
    ibc::test::whenModal([&compared](QWidget *dialog) {
        auto *table = dialog->findChild<QTableWidget *>(QStringLiteral("comparison"));
        for (int r = 0; table && r < table->rowCount(); ++r)
            compared << QStringLiteral("%1: %2 → %3")
                            .arg(table->item(r, 0)->text(), table->item(r, 1)->text(), table->item(r, 2)->text());
        dialog->findChild<QPlainTextEdit *>()->setPlainText(QStringLiteral("Confirm the new account by phone."));
        ibc::test::clickButton(dialog, QStringLiteral("Return to maker"));
    });
    checker.itemPanel()->action(models::CommandType::ReturnCheck)->trigger(); // Ctrl+Shift+T
    QVERIFY2(compared.contains(QStringLiteral("Account number: ••••9911 → ••••4958")),
             qPrintable(compared.join(u'\n')));
    QVERIFY2(compared.contains(QStringLiteral("Sort code: 20-00-00 → 08-99-99")), qPrintable(compared.join(u'\n')));
    QVERIFY(!compared.join(u'\n').contains(QStringLiteral("66374958")));
    QCOMPARE(m_cache->item(it.id)->status, models::Status::InProgress);
    QCOMPARE(m_cache->events(it.id).back().detail, QStringLiteral("Confirm the new account by phone."));

    // Made again; passed only once Sam says he has checked each detail.
    QVERIFY(openInQueue(maker, it.id));
    resolveAsProcessed();
    QVERIFY(openInQueue(checker, it.id));
    bool okWaitedForTheTick = false;
    ibc::test::whenModal([&okWaitedForTheTick](QWidget *dialog) {
        QPushButton *ok = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        okWaitedForTheTick = !ok->isEnabled();
        dialog->findChild<QCheckBox *>()->setChecked(true);
        ok->click();
    });
    checker.itemPanel()->action(models::CommandType::PassCheck)->trigger(); // Ctrl+Shift+K
    QVERIFY(okWaitedForTheTick);
    QCOMPARE(m_cache->item(it.id)->status, models::Status::Closed);
    QStringList path;
    for (const models::Event &e : m_cache->events(it.id))
        path << e.type + u' ' + e.actor;
    QCOMPARE(path.mid(3),
             QStringList({u"edit_fields rhys.evans"_s, u"resolve rhys.evans"_s, u"return_check sam.patel"_s,
                          u"resolve rhys.evans"_s, u"pass_check sam.patel"_s}));
    QCOMPARE(m_cache->outbox().back().command.type, models::CommandType::PassCheck);
    QCOMPARE(m_cache->outbox().back().command.actor, m_sam.username);
}

QTEST_MAIN(TestDeskGui)
#include "tst_deskgui.moc"
