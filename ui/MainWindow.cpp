#include "ui/MainWindow.h"

#include "client/SyncController.h"
#include "domain/Fields.h"
#include "domain/Partner.h"
#include "domain/Sla.h"
#include "ui/AuditLogView.h"
#include "ui/CacheGuard.h"
#include "ui/ConflictMarkerDelegate.h"
#include "ui/ConflictsView.h"
#include "ui/DashboardView.h"
#include "ui/ItemPanel.h"
#include "ui/LoginDialog.h"
#include "ui/Navigator.h"
#include "ui/ReassignDialog.h"
#include "ui/SlaBadgeDelegate.h"
#include "ui/SyncProgressBar.h"
#include "ui/SyncStatusWidget.h"
#include "ui/TokenStore.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDateTime>
#include <QFrame>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QtConcurrent>
#include <QToolBar>
#include <QVBoxLayout>

namespace ibc::ui {

using models::QueueModel;

MainWindow::MainWindow(models::Cache &cache, const models::User &user, const models::Clock &clock, QWidget *parent)
    : QMainWindow(parent)
    , m_cache(cache)
    , m_user(user)
    , m_clock(clock)
{
    setWindowTitle(tr("IBC Desk — %1").arg(user.displayName));
    m_countsPool.setMaxThreadCount(1);
    setObjectName(QStringLiteral("MainWindow"));

    makeToolBar();

    // Navigator | queue | item panel.
    m_navigator = new Navigator;
    m_navigator->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("Payroll exceptions  (00,000)")) + 40);
    makeQueueTable();
    m_panel = new ItemPanel(cache, user, clock);
    QHash<QString, QString> names;
    for (const models::User &u : cache.users())
        names.insert(u.username, u.displayName);
    m_model->setDisplayNames(names);
    m_model->setSlaRules(cache.slaRules());
    m_conflictsView = new ConflictsView(cache, user, clock);
    makeCentralWidget();

    makeStatusBar();
    makeSyncMenu();
    connectParts();

    // Ctrl+1 … Ctrl+4: My work and the three queues.
    const char *const quickViews[] = {"my-work", "hr", "invoices", "payroll"};
    for (int i = 0; i < 4; ++i) {
        auto *sc = new QShortcut(QKeySequence(QStringLiteral("Ctrl+%1").arg(i + 1)), this);
        connect(sc, &QShortcut::activated, this, [this, v = QLatin1String(quickViews[i])] { selectView(v); });
    }

    m_syncRefresh.setSingleShot(true);
    m_syncRefresh.setInterval(kSyncRefreshMs);
    connect(&m_syncRefresh, &QTimer::timeout, this, [this] {
        if (m_model->isLoading()) {
            m_syncRefresh.start(); // the last read is still running: read once more after it
            return;
        }
        const QStringList ids = m_syncedAll ? QStringList() : m_syncedIds;
        m_syncedIds.clear();
        m_syncedAll = false;
        refreshAfterSync(ids);
    });

    refreshConflicts();
    restoreLayout();
    refreshCounts();
    updateStatusBar();
}

// Next item, search, and where the work stands with the central store.
void MainWindow::makeToolBar()
{
    auto *toolbar = addToolBar(tr("Work"));
    toolbar->setObjectName(QStringLiteral("workToolbar"));
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *next = toolbar->addAction(tr("Next item"), this, &MainWindow::takeNextItem);
    next->setShortcut(QKeySequence(QStringLiteral("Ctrl+N")));
    next->setToolTip(tr("Take the most urgent unassigned item you can work, and open it (Ctrl+N)"));
    if (auto *button = toolbar->widgetForAction(next)) {
        button->setObjectName(QStringLiteral("nextItemButton"));
        button->setStyleSheet(
            QStringLiteral("QToolButton { background: #1D4F91; color: white; font-weight: bold; border-radius: 4px;"
                           " padding: 4px 14px; margin: 2px 6px 2px 2px; }"
                           "QToolButton:hover { background: #2A64B0; } QToolButton:pressed { background: #163D70; }"));
    }
    toolbar->addSeparator();
    m_search = new QLineEdit;
    m_search->setPlaceholderText(tr("Search reference, name, employee number or supplier (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search the queue"));
    m_search->setMinimumWidth(380);
    m_search->setMaximumWidth(560);
    toolbar->addWidget(m_search);
    auto *spacer = new QWidget;
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolbar->addWidget(spacer);
    m_syncState = new QLabel(tr("Working on this computer: not connected to a central store"));
    m_syncState->setContentsMargins(8, 0, 8, 0);
    m_syncStateAction = toolbar->addWidget(m_syncState);
    auto *find = new QShortcut(QKeySequence::Find, this);
    connect(find, &QShortcut::activated, this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
}

// The queue, by due time at first; a right click on its header shows or hides columns.
void MainWindow::makeQueueTable()
{
    m_model = new QueueModel(m_cache.path(), m_clock, this);
    m_table = new QTableView;
    m_table->setAccessibleName(tr("Queue"));
    m_table->setModel(m_model);
    m_table->setItemDelegateForColumn(QueueModel::Sla, new SlaBadgeDelegate(m_table));
    m_table->setItemDelegateForColumn(QueueModel::Reference, new ConflictMarkerDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setShowGrid(false);
    m_table->setSortingEnabled(true);
    m_table->verticalHeader()->hide();
    // Uniform rows: the view never asks a million rows for their height.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    m_table->horizontalHeader()->setSectionsMovable(true);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSortIndicator(QueueModel::Due, Qt::AscendingOrder);
    sizeQueueColumns();
    // Shown on request (right-click the header): the summary carries invoice amounts already, and
    // "Next item" weighs priority for the caseworker.
    m_table->setColumnHidden(QueueModel::Priority, true);
    m_table->setColumnHidden(QueueModel::Amount, true);
    m_table->setColumnHidden(QueueModel::Received, true);
    m_table->horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table->horizontalHeader(), &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        QMenu menu;
        for (int c = 0; c < QueueModel::ColumnCount; ++c) {
            QAction *a = menu.addAction(m_model->headerData(c, Qt::Horizontal).toString());
            a->setCheckable(true);
            a->setChecked(!m_table->isColumnHidden(c));
            connect(a, &QAction::toggled, m_table, [this, c](bool on) { m_table->setColumnHidden(c, !on); });
        }
        menu.exec(m_table->horizontalHeader()->mapToGlobal(pos));
    });
    connect(m_table->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this, [this](int column, Qt::SortOrder) {
        if (!QueueModel::sortable(column)) {
            // Not an indexed column: keep showing the order the queue really has.
            QSignalBlocker block(m_table->horizontalHeader());
            m_table->horizontalHeader()->setSortIndicator(QueueModel::Due, Qt::AscendingOrder);
        }
    });
}

// Column widths from the text they hold, so they suit any font size and DPI.
void MainWindow::sizeQueueColumns()
{
    QFont bold = font();
    bold.setBold(true);
    const QFontMetrics fm = fontMetrics();
    const auto fit = [&fm](const QString &sample) { return fm.horizontalAdvance(sample) + 20; };
    const QString dateSample =
        QLocale().toString(QDateTime(QDate(2026, 11, 25), QTime(17, 0)), QStringLiteral("ddd d MMM HH:mm"));
    m_table->setColumnWidth(QueueModel::Sla,
                            QFontMetrics(bold).horizontalAdvance(models::slaLabel(models::SlaState::Breached)) + 34);
    m_table->setColumnWidth(QueueModel::Priority, fit(models::priorityLabel(models::Priority::Urgent)));
    m_table->setColumnWidth(QueueModel::Due, fit(dateSample));
    QFontMetrics boldFm(bold);
    m_table->setColumnWidth(QueueModel::Reference,
                            boldFm.horizontalAdvance(QStringLiteral("INV-0000000")) + 20 + 22); // + marker
    m_table->setColumnWidth(QueueModel::Type, fit(models::subtypeLabel(QStringLiteral("suspected_duplicate"))));
    m_table->setColumnWidth(QueueModel::Partner, fit(QStringLiteral("HIWFRS")));
    m_table->setColumnWidth(QueueModel::Summary, fit(QStringLiteral("KENSINGTON FLOORING LTD · £12,345.67")));
    m_table->setColumnWidth(QueueModel::Amount, fit(models::formatPence(12345678)));
    m_table->setColumnWidth(QueueModel::Assignee, fit(QStringLiteral("Ffion Llewellyn")));
    m_table->setColumnWidth(QueueModel::Status, fit(models::statusLabel(models::Status::AwaitingInfo)));
    m_table->setColumnWidth(QueueModel::Received, fit(dateSample));
}

// Navigator | queue, conflicts or dashboard | item panel, under the first sync's progress.
void MainWindow::makeCentralWidget()
{
    makeDrillDownBanner();
    auto *queuePage = new QWidget;
    auto *queueLayout = new QVBoxLayout(queuePage);
    queueLayout->setContentsMargins(0, 0, 0, 0);
    queueLayout->setSpacing(0);
    queueLayout->addWidget(m_drillBanner);
    queueLayout->addWidget(m_table, 1);
    m_centre = new QStackedWidget;
    m_centre->addWidget(queuePage);
    m_centre->addWidget(m_conflictsView);
    // Team leaders run the day from the dashboard; auditors see it, read-only.
    if (m_user.role == models::Role::TeamLeader || m_user.role == models::Role::Auditor)
        makeDashboard();
    if (m_user.role == models::Role::Auditor)
        makeAuditLog();
    m_navigator->setCheckingAvailable(m_user.mayCheck());
    auto *splitter = new QSplitter;
    splitter->setObjectName(QStringLiteral("mainSplitter"));
    splitter->addWidget(m_navigator);
    splitter->addWidget(m_centre);
    splitter->addWidget(m_panel);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 3);
    splitter->setStretchFactor(2, 2);
    splitter->setSizes({240, 920, 440});
    // The first sync's progress runs across the top, above the work already here.
    m_progressBar = new SyncProgressBar;
    auto *central = new QWidget;
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(m_progressBar);
    centralLayout->addWidget(splitter, 1);
    setCentralWidget(central);
}

// The work behind a number on the dashboard: a banner over the queue while it shows it.
void MainWindow::makeDrillDownBanner()
{
    m_drillBanner = new QFrame;
    m_drillBanner->setObjectName(QStringLiteral("drillDownBanner"));
    m_drillBanner->setStyleSheet(
        QStringLiteral("#drillDownBanner { background: #E8F0FA; border-bottom: 1px solid #B8C9E0; }"));
    m_drillLabel = new QLabel;
    m_drillLabel->setWordWrap(true);
    auto *drillReassign = new QPushButton(tr("Reassign these…"));
    drillReassign->setVisible(m_user.role == models::Role::TeamLeader);
    auto *drillBack = new QPushButton(tr("Back to service levels"));
    auto *drillLayout = new QHBoxLayout(m_drillBanner);
    drillLayout->setContentsMargins(10, 6, 10, 6);
    drillLayout->addWidget(m_drillLabel, 1);
    drillLayout->addWidget(drillReassign);
    drillLayout->addWidget(drillBack);
    m_drillBanner->hide();
    connect(drillBack, &QPushButton::clicked, this, [this] {
        if (!selectView(Navigator::dashboardView()))
            selectView(QStringLiteral("my-work"));
    });
    connect(drillReassign, &QPushButton::clicked, this, [this] {
        if (m_drillRows)
            reassign(*m_drillRows);
    });
}

// The dashboard, with the way from its numbers to the work behind them, and Ctrl+5 to it.
void MainWindow::makeDashboard()
{
    m_dashboard = new DashboardView(m_cache, m_user, m_clock);
    m_centre->addWidget(m_dashboard);
    m_navigator->setDashboardAvailable(true);
    connect(m_dashboard, &DashboardView::drillDown, this, &MainWindow::showDrillDown);
    connect(m_dashboard, &DashboardView::reassignRequested, this, [this](const QString &username) {
        models::QueueFilter theirs;
        theirs.scope = models::QueueFilter::Scope::MyWork;
        theirs.user = username;
        if (const auto rows = guarded(this, tr("Could not find their open work"), [&] {
                return models::QueueReader(m_cache.path()).rowIds(theirs, models::QueueSort::Due, false);
            }))
            reassign(*rows);
    });
    auto *sc = new QShortcut(QKeySequence(QStringLiteral("Ctrl+5")), this);
    connect(sc, &QShortcut::activated, this, [this] { selectView(Navigator::dashboardView()); });
}

// The store's audit log, for auditors, and Ctrl+6 to it. It asks the store through the sync engine,
// once setSync() gives it one; nothing of it is cached.
void MainWindow::makeAuditLog()
{
    m_auditLog = new AuditLogView(m_user, m_clock);
    m_centre->addWidget(m_auditLog);
    m_navigator->setAuditLogAvailable(true);
    auto *sc = new QShortcut(QKeySequence(QStringLiteral("Ctrl+6")), this);
    connect(sc, &QShortcut::activated, this, [this] { selectView(Navigator::auditLogView()); });
}

// Who, how much work, and what is waiting to be sent.
void MainWindow::makeStatusBar()
{
    m_userLabel = new QLabel(QStringLiteral("%1 · %2").arg(m_user.displayName, models::roleLabel(m_user.role)));
    m_countsLabel = new QLabel;
    m_outboxLabel = new QLabel;
    statusBar()->addWidget(m_userLabel);
    statusBar()->addWidget(m_countsLabel, 1);
    m_syncStatus = new SyncStatusWidget(m_clock);
    statusBar()->addPermanentWidget(m_syncStatus);
    statusBar()->addPermanentWidget(m_outboxLabel);
}

// The Sync menu: only shown when there is a store to sync with.
void MainWindow::makeSyncMenu()
{
    m_syncMenu = menuBar()->addMenu(tr("&Sync"));
    m_syncNowAction = m_syncMenu->addAction(tr("Sync &now"), this, [this] {
        if (m_sync)
            m_sync->syncNow();
    });
    m_syncNowAction->setShortcut(QKeySequence(QStringLiteral("F5")));
    m_syncNowAction->setToolTip(tr("Send your changes and get everyone else's now (F5)"));
    m_pauseAction = m_syncMenu->addAction(tr("&Pause sync"), this, [this] { setPausedByUser(!m_paused); });
    m_syncMenu->addSeparator();
    m_signInAction = m_syncMenu->addAction(tr("Sign &in again…"), this, &MainWindow::signInAgain);
    m_logOutAction = m_syncMenu->addAction(tr("&Log out"), this, &MainWindow::logOut);
    m_signInAction->setEnabled(false);
    menuBar()->setVisible(false);
    for (QAction *a : {m_syncNowAction, m_pauseAction, m_logOutAction})
        a->setEnabled(false);
}

// What a choice, a click or a finished read in one part of the window does to the others.
void MainWindow::connectParts()
{
    connect(m_navigator, &Navigator::viewChosen, this, &MainWindow::showView);
    connect(m_syncStatus, &SyncStatusWidget::conflictsClicked, this, [this] { showConflicts(); });
    connect(m_syncStatus, &SyncStatusWidget::signInClicked, this, &MainWindow::signInAgain);
    connect(m_progressBar, &SyncProgressBar::cancelClicked, this, [this] { setPausedByUser(true); });
    connect(m_progressBar, &SyncProgressBar::resumeClicked, this, [this] { setPausedByUser(false); });
    connect(m_panel, &ItemPanel::conflictsRequested, this, &MainWindow::showConflicts);
    connect(m_panel, &ItemPanel::revealRequested, this, &MainWindow::revealDetail);
    connect(m_conflictsView, &ConflictsView::itemChosen, m_panel, &ItemPanel::showItem);
    connect(m_conflictsView, &ConflictsView::conflictsChanged, this, &MainWindow::onConflictsChanged);
    connect(m_conflictsView, &ConflictsView::commandApplied, this, [this](const QString &itemId) {
        m_panel->showItem(itemId);
        onCommandApplied(itemId);
    });
    m_searchDebounce.setSingleShot(true);
    m_searchDebounce.setInterval(200);
    connect(m_search, &QLineEdit::textChanged, &m_searchDebounce, qOverload<>(&QTimer::start));
    connect(&m_searchDebounce, &QTimer::timeout, this, &MainWindow::applyFilter);
    connect(m_model, &QueueModel::queueLoaded, this, &MainWindow::onQueueLoaded);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (!current.isValid())
                    return;
                m_currentRow = current.data(QueueModel::RowIdRole).toLongLong();
                m_panel->showItem(current.data(QueueModel::ItemIdRole).toString());
            });
    connect(m_panel, &ItemPanel::commandApplied, this, &MainWindow::onCommandApplied);
    connect(&m_countsWatcher, &QFutureWatcher<models::QueueCounts>::finished, this, [this] {
        m_counts = m_countsWatcher.result();
        m_navigator->setCounts(m_counts);
        updateStatusBar();
        if (isSettled())
            Q_EMIT settled();
    });
}

MainWindow::~MainWindow()
{
    setSync(nullptr);
    m_countsWatcher.waitForFinished();
}

void MainWindow::restoreLayout()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        resize(1600, 900);
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    if (auto *splitter = findChild<QSplitter *>(QStringLiteral("mainSplitter")))
        splitter->restoreState(settings.value(QStringLiteral("window/splitter")).toByteArray());
    m_table->horizontalHeader()->restoreState(settings.value(QStringLiteral("queue/header")).toByteArray());
    const QString view = settings.value(QStringLiteral("queue/view"), QStringLiteral("my-work")).toString();
    if (!selectView(view))
        selectView(QStringLiteral("my-work"));
    const auto sortColumn = m_table->horizontalHeader()->sortIndicatorSection();
    m_model->sort(sortColumn, m_table->horizontalHeader()->sortIndicatorOrder());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    if (auto *splitter = findChild<QSplitter *>(QStringLiteral("mainSplitter")))
        settings.setValue(QStringLiteral("window/splitter"), splitter->saveState());
    settings.setValue(QStringLiteral("queue/header"), m_table->horizontalHeader()->saveState());
    settings.setValue(QStringLiteral("queue/view"), m_navigator->currentView());
    QMainWindow::closeEvent(event);
}

bool MainWindow::selectView(const QString &name)
{
    if (!m_navigator->selectView(name))
        return false;
    showView(name);
    return true;
}

void MainWindow::showView(const QString &name)
{
    m_drillRows.reset();
    m_drillBanner->hide();
    m_panel->setVisible(name != Navigator::dashboardView() && name != Navigator::auditLogView());
    if (name == Navigator::dashboardView() && m_dashboard) {
        m_centre->setCurrentWidget(m_dashboard);
        return;
    }
    if (name == Navigator::auditLogView() && m_auditLog) {
        m_centre->setCurrentWidget(m_auditLog);
        return;
    }
    if (name == Navigator::conflictsView()) {
        m_centre->setCurrentWidget(m_conflictsView);
        m_conflictsView->reload();
        if (const QString id = m_conflictsView->currentItemId(); !id.isEmpty())
            m_panel->showItem(id); // the item beside its conflict
        return;
    }
    m_centre->setCurrentWidget(m_table->parentWidget());
    applyFilter();
}

void MainWindow::showDrillDown(const QString &title, std::shared_ptr<const std::vector<qint64>> rows)
{
    m_navigator->setCurrentItem(nullptr);
    m_panel->show();
    m_drillRows = std::move(rows);
    m_drillLabel->setText(tr("From service levels: %1 · %n item(s)", nullptr, int(m_drillRows->size())).arg(title));
    m_drillBanner->show();
    m_currentRow = -1;
    m_centre->setCurrentWidget(m_table->parentWidget());
    applyFilter();
}

QStringList MainWindow::reassign(std::span<const qint64> rows)
{
    const auto items = guarded(this, tr("Could not read the work to reassign"),
                               [&] { return models::QueueReader(m_cache.path()).rows(rows); });
    if (!items)
        return {};
    ReassignDialog dialog(m_cache, m_user, m_clock, *items, this);
    dialog.exec();
    const QStringList moved = dialog.moved();
    if (!moved.isEmpty()) {
        statusBar()->showMessage(tr("%n item(s) reassigned, waiting to be sent.", nullptr, int(moved.size())), 10000);
        onCommandApplied(moved.front());
        if (moved.contains(m_panel->itemId()))
            m_panel->reload();
    }
    return moved;
}

void MainWindow::applyFilter()
{
    std::optional<models::QueueFilter> filter;
    if (m_drillRows)
        filter.emplace().rows = m_drillRows; // whatever the scope
    else
        filter = Navigator::filterFor(m_navigator->currentView());
    if (!filter)
        return;
    filter->user = m_user.username;
    if (m_user.partners.size() < qsizetype(models::partners().size()))
        filter->partners = m_user.partners;
    filter->text = m_search->text();
    m_model->setFilter(*filter);
}

void MainWindow::onQueueLoaded(int rows, qint64 ms)
{
    Q_UNUSED(ms);
    // Keep the open item selected if it is still in the queue; otherwise open the first.
    int row = m_currentRow >= 0 ? m_model->rowOf(m_currentRow) : -1;
    if (row < 0 && rows > 0 && m_panel->itemId().isEmpty())
        row = 0;
    if (row >= 0) {
        const QModelIndex idx = m_model->index(row, QueueModel::Reference);
        if (m_table->currentIndex().row() != row)
            m_table->setCurrentIndex(idx);
        m_table->scrollTo(idx);
    }
    updateStatusBar();
    Q_EMIT queueShown();
    if (isSettled())
        Q_EMIT settled();
}

bool MainWindow::isSettled() const { return !m_model->isLoading() && !m_countsWatcher.isRunning(); }

void MainWindow::takeNextItem()
{
    std::optional<models::WorkItem> item;
    try {
        item = m_cache.claimNext(m_user);
    } catch (const std::exception &e) {
        statusBar()->showMessage(tr("Could not take the next item: %1").arg(QString::fromUtf8(e.what())), 10000);
        return;
    }
    if (!item) {
        statusBar()->showMessage(tr("There is no unassigned work you can take right now."), 8000);
        return;
    }
    m_currentRow = -1;
    m_panel->showItem(item->id);
    statusBar()->showMessage(tr("You have taken %1.").arg(item->reference), 8000);
    onCommandApplied(item->id);
}

void MainWindow::onCommandApplied(const QString &itemId)
{
    Q_UNUSED(itemId);
    if (m_sync)
        m_sync->outboxChanged();
    if (m_dashboard)
        m_dashboard->refreshSoon();
    m_model->refresh();
    refreshCounts();
    updateStatusBar();
}

void MainWindow::setSync(sync::SyncController *controller)
{
    for (const auto &c : std::as_const(m_syncConnections))
        disconnect(c);
    m_syncConnections.clear();
    m_sync = controller;
    if (m_auditLog)
        m_auditLog->setSync(controller);
    menuBar()->setVisible(controller != nullptr);
    for (QAction *a : {m_syncNowAction, m_pauseAction, m_logOutAction})
        a->setEnabled(controller != nullptr);
    m_signInAction->setEnabled(false);
    m_syncStateAction->setVisible(controller == nullptr); // the status bar says it instead
    m_outboxLabel->setVisible(controller == nullptr);
    if (!controller) {
        m_syncStatus->clearStatus();
        m_progressBar->setProgress({});
        return;
    }
    using sync::SyncController;
    m_syncConnections << connect(controller, &SyncController::statusChanged, this, &MainWindow::onSyncStatus)
                      << connect(controller, &SyncController::progress, m_progressBar, &SyncProgressBar::setProgress)
                      << connect(controller, &SyncController::itemsChanged, this, &MainWindow::onItemsSynced)
                      << connect(controller, &SyncController::passDone, this,
                                 [this](const sync::SyncSummary &summary) {
                                     m_syncStatus->notePass(summary);
                                     if (summary.refused > 0)
                                         refreshAfterSync({}); // refused items now show the store's version
                                     refreshConflicts();
                                 })
                      << connect(controller, &SyncController::signedIn, this,
                                 [this](const sync::SessionInfo &session) {
                                     if (m_sync && !session.token.isEmpty())
                                         TokenStore::write(m_sync->options().server, m_sync->options().username,
                                                           session.token);
                                 })
                      << connect(controller, &SyncController::revealed, this,
                                 [this](const sync::RevealAnswer &a) {
                                     m_panel->showRevealed(a.itemId, a.field, a.value, a.error);
                                 })
                      << connect(controller, &QObject::destroyed, this, [this] { setSync(nullptr); });
    onSyncStatus(controller->status());
}

// Only the store reveals a masked detail, so that it is audited: never offline, nor on a desk
// that works on its own.
void MainWindow::revealDetail(const QString &itemId, const QString &field)
{
    if (!m_sync || m_sync->status().state != sync::SyncStatus::State::Online) {
        QMessageBox::information(this, tr("Reveal"),
                                 m_sync ? tr("Revealing needs the central store, and it cannot be reached now. Try "
                                             "again when the status bar says Online.")
                                        : tr("Revealing needs the central store, which records who saw what and "
                                             "why; this desk works on its own."));
        return;
    }
    bool ok = false;
    const QString reason =
        QInputDialog::getText(this, tr("Reveal"), tr("Why do you need to see it? The store records your reason."),
                              QLineEdit::Normal, {}, &ok)
            .trimmed();
    if (ok && !reason.isEmpty())
        m_sync->reveal(itemId, field, reason);
}

void MainWindow::startSync(const QString &password)
{
    if (!m_sync)
        return;
    if (!password.isEmpty()) {
        m_sync->start(password);
        return;
    }
    TokenStore::read(m_sync->options().server, m_sync->options().username, this, [this](const QString &token) {
        if (!m_sync)
            return;
        if (!token.isEmpty()) {
            m_sync->start({}, token);
            return;
        }
        LoginDialog dialog(this);
        dialog.setServer(m_sync->options().server);
        dialog.setUsername(m_sync->options().username);
        dialog.setSignInAgain(
            tr("Sign in to %1 to send your changes and receive everyone else's.").arg(m_sync->options().server));
        const bool ok = dialog.exec() == QDialog::Accepted;
        if (m_sync)
            m_sync->start(ok ? dialog.password() : QString());
    });
}

void MainWindow::onSyncStatus(const sync::SyncStatus &status)
{
    using State = sync::SyncStatus::State;
    m_syncStatus->setStatus(status);
    m_paused = status.state == State::Paused || (m_paused && status.state == State::Stopped);
    m_pauseAction->setText(m_paused ? tr("&Resume sync") : tr("&Pause sync"));
    m_progressBar->setPaused(m_paused);
    m_signInAction->setEnabled(status.state == State::NeedsSignIn);
    if (status.conflicts != m_knownConflicts)
        refreshConflicts();
    updateStatusBar();
}

void MainWindow::setPausedByUser(bool paused)
{
    if (!m_sync)
        return;
    m_paused = paused;
    m_pauseAction->setText(paused ? tr("&Resume sync") : tr("&Pause sync"));
    m_progressBar->setPaused(paused);
    m_sync->setPaused(paused);
}

void MainWindow::onItemsSynced(const QStringList &itemIds)
{
    if (itemIds.isEmpty())
        m_syncedAll = true;
    else
        m_syncedIds += itemIds;
    if (!m_syncRefresh.isActive())
        m_syncRefresh.start();
}

void MainWindow::refreshAfterSync(const QStringList &itemIds)
{
    // An empty list: too many to name (a big page) or not known; refresh whatever is open.
    if (const auto rules =
            guarded(this, tr("Could not read the service-level rules"), [&] { return m_cache.slaRules(); }))
        m_model->setSlaRules(*rules); // a sign-in brings the store's rules
    m_model->refresh();
    refreshCounts();
    if (m_dashboard)
        m_dashboard->refreshSoon();
    const QString open = m_panel->itemId();
    if (!open.isEmpty() && (itemIds.isEmpty() || itemIds.contains(open)))
        m_panel->reload();
    refreshConflicts();
    updateStatusBar();
}

void MainWindow::refreshConflicts()
{
    const auto counted = guarded(this, tr("Could not count the conflicts"), [&] { return m_cache.conflictCount(); });
    if (!counted)
        return;
    const int count = *counted;
    if (count != m_conflictsView->count())
        m_conflictsView->reload(); // emits conflictsChanged
    else
        onConflictsChanged(count);
}

void MainWindow::onConflictsChanged(int count)
{
    m_navigator->setConflictCount(count);
    m_syncStatus->setConflicts(count);
    if (m_knownConflicts >= 0 && count != m_knownConflicts) {
        m_model->refresh(); // the queue's markers
        const QString open = m_panel->itemId();
        if (!open.isEmpty())
            m_panel->reload();
    }
    m_knownConflicts = count;
}

void MainWindow::showConflicts(const QString &itemId)
{
    selectView(Navigator::conflictsView());
    if (!itemId.isEmpty() && m_conflictsView->selectItem(itemId))
        m_panel->showItem(itemId);
}

void MainWindow::signInAgain()
{
    if (!m_sync)
        return;
    LoginDialog dialog(this);
    dialog.setServer(m_sync->options().server);
    dialog.setUsername(m_sync->options().username);
    dialog.setSignInAgain(m_sync->status().problem);
    if (dialog.exec() == QDialog::Accepted && m_sync)
        m_sync->signIn(dialog.password());
}

void MainWindow::logOut()
{
    if (!m_sync)
        return;
    // Not knowing what waits to be sent, ask as if something did: it is kept either way.
    const int waiting = guarded(this, tr("Could not count the changes waiting to be sent"), [&] {
                            return m_cache.outboxCount();
                        }).value_or(1);
    if (waiting > 0) {
        QMessageBox box(QMessageBox::Question, tr("Log out?"),
                        tr("%n change(s) not yet sent will stay on this computer, and will be sent when you next sign "
                           "in.",
                           nullptr, waiting),
                        QMessageBox::NoButton, this);
        box.setObjectName(QStringLiteral("logOutConfirmation"));
        QPushButton *yes = box.addButton(tr("Log out"), QMessageBox::AcceptRole);
        box.addButton(QMessageBox::Cancel);
        box.exec();
        if (box.clickedButton() != yes)
            return;
    }
    const QString server = m_sync->options().server;
    const QString username = m_sync->options().username;
    TokenStore::wipe(server, username);
    m_sync->stop();
    sync::SyncStatus stopped = m_sync->status();
    stopped.state = sync::SyncStatus::State::Stopped;
    stopped.waiting = waiting;
    setSync(nullptr);
    m_outboxLabel->hide(); // the status bar says what is kept
    m_syncStatus->setStatus(stopped);
    statusBar()->showMessage(tr("You have logged out of %1.").arg(server), 10000);
    Q_EMIT loggedOut();
}

void MainWindow::refreshCounts()
{
    if (m_countsWatcher.isRunning())
        return;
    m_countsWatcher.setFuture(QtConcurrent::run(&m_countsPool, [path = m_cache.path(), user = m_user] {
        try {
            models::QueueReader reader(path);
            return reader.counts(user.username, user.partners);
        } catch (const std::exception &e) {
            qWarning("counting the queues failed: %s", e.what());
            return models::QueueCounts{};
        }
    }));
}

void MainWindow::updateStatusBar()
{
    const QLocale locale;
    m_countsLabel->setText(tr("%1 in this view · %2 open · %3 in my work")
                               .arg(locale.toString(m_model->rowCount()), locale.toString(m_counts.open),
                                    locale.toString(m_counts.myWork)));
    const auto waiting =
        guarded(this, tr("Could not count the changes waiting to be sent"), [&] { return m_cache.outboxCount(); });
    if (!waiting)
        return; // the label keeps the last count
    m_outboxLabel->setText(*waiting == 0 ? tr("No changes waiting to be sent")
                                         : tr("%n change(s) waiting to be sent", nullptr, *waiting));
}

} // namespace ibc::ui
