#pragma once

#include "cache/Cache.h"
#include "client/SyncController.h"
#include "itemmodels/QueueModel.h"

#include <QFutureWatcher>
#include <QMainWindow>
#include <QPointer>
#include <QThreadPool>
#include <QTimer>

class QAction;
class QLabel;
class QLineEdit;
class QMenu;
class QStackedWidget;
class QTableView;

namespace ibc::ui {

class AuditLogView;
class ConflictsView;
class DashboardView;
class ItemPanel;
class Navigator;
class SyncProgressBar;
class SyncStatusWidget;

// The caseworker's window: navigator, queue and item panel, over the local cache.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    MainWindow(models::Cache &cache, const models::User &user, const models::Clock &clock, QWidget *parent = nullptr);
    ~MainWindow() override;

    bool selectView(const QString &name);
    // Claims the most urgent unassigned item this user may work, and opens it.
    void takeNextItem();

    // Connects the window to the desk's sync with the store, or (null) works on the cache alone,
    // as the demo does. The window shows the controller's state in the status bar and the first
    // sync's progress, refreshes the queue, the counts, the open item and the conflicts when the
    // engine changes the cache, tells the controller after every command the user makes, keeps
    // the session token in the keyring when the store gives one, and offers Sync now, Pause/Resume
    // and Log out in its Sync menu. The controller must outlive the window, or be set to null first.
    void setSync(sync::SyncController *controller);
    sync::SyncController *syncController() const { return m_sync; }
    // Starts the controller set by setSync(): with `password` if given; otherwise with the session
    // token kept in the keyring for this server and user; otherwise it asks for the password
    // (LoginDialog, address and username fixed). If the user cancels, sync starts signed out: the
    // status bar offers to sign in, and every change waits in the outbox meanwhile.
    void startSync(const QString &password = {});

    // Something other than this window changed the cache (the sync engine, a test): reads the
    // queue, the counts, the open item (if it is among `itemIds`, or always when the list is
    // empty) and the conflicts again. setSync() connects the engine's itemsChanged() here.
    void refreshAfterSync(const QStringList &itemIds = {});

    // Opens the Conflicts list, with this item's conflict chosen if it has one.
    void showConflicts(const QString &itemId = {});
    // Asks for the password again (the store ended the session) and signs in with it.
    void signInAgain();
    // Forgets the stored session token, stops syncing (the outbox stays in the cache) and emits
    // loggedOut(). Asks first when changes are waiting to be sent.
    void logOut();

    models::QueueModel *queueModel() const { return m_model; }
    QTableView *queueView() const { return m_table; }
    ItemPanel *itemPanel() const { return m_panel; }
    Navigator *navigator() const { return m_navigator; }
    QLineEdit *searchBox() const { return m_search; }
    ConflictsView *conflictsView() const { return m_conflictsView; }
    // The team leader's dashboard; null for those who do not see it (caseworkers).
    DashboardView *dashboardView() const { return m_dashboard; }
    // The store's audit log; null for everyone but auditors.
    AuditLogView *auditLogView() const { return m_auditLog; }
    // Shows just these items in the queue (the work behind a number on the dashboard), under a
    // banner that says what they are, with a way back and, for a team leader, Reassign.
    void showDrillDown(const QString &title, std::shared_ptr<const std::vector<qint64>> rows);
    QWidget *drillDownBanner() const { return m_drillBanner; }
    // A team leader moves work: the items at these cache rows (the open ones among them) in the
    // Reassign dialog. Returns the ids moved; the queue, the counts and the dashboard follow.
    QStringList reassign(std::span<const qint64> rows);
    SyncStatusWidget *syncStatusWidget() const { return m_syncStatus; }
    SyncProgressBar *syncProgressBar() const { return m_progressBar; }
    QAction *syncNowAction() const { return m_syncNowAction; }
    QAction *pauseAction() const { return m_pauseAction; }
    QAction *logOutAction() const { return m_logOutAction; }

    // True when the queue and the navigator's counts show the cache as it is.
    bool isSettled() const;

Q_SIGNALS:
    // The queue has loaded and the window shows it (after a view change, search, sort or refresh).
    void queueShown();
    // The queue and the counts have both caught up (for screenshots and tests).
    void settled();
    // The user logged out: the token is wiped and sync stopped. The app decides what comes next
    // (sign in again with a new controller, or quit).
    void loggedOut();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void makeToolBar();
    void makeQueueTable();
    void sizeQueueColumns();
    void makeCentralWidget();
    void makeDrillDownBanner();
    void makeDashboard();
    void makeAuditLog();
    void makeStatusBar();
    void makeSyncMenu();
    void connectParts();
    void revealDetail(const QString &itemId, const QString &field);
    void applyFilter();
    void showView(const QString &name);
    void onSyncStatus(const sync::SyncStatus &status);
    void refreshConflicts();
    void onConflictsChanged(int count);
    void onItemsSynced(const QStringList &itemIds);
    void setPausedByUser(bool paused);
    void onQueueLoaded(int rows, qint64 ms);
    void onCommandApplied(const QString &itemId);
    void refreshCounts();
    void updateStatusBar();
    void restoreLayout();

    models::Cache &m_cache;
    models::User m_user;
    const models::Clock &m_clock;

    Navigator *m_navigator;
    models::QueueModel *m_model;
    QTableView *m_table;
    ItemPanel *m_panel;
    QLineEdit *m_search;
    QLabel *m_syncState;
    QAction *m_syncStateAction;
    QLabel *m_userLabel;
    QLabel *m_countsLabel;
    QLabel *m_outboxLabel;
    QStackedWidget *m_centre;
    ConflictsView *m_conflictsView;
    DashboardView *m_dashboard = nullptr;
    AuditLogView *m_auditLog = nullptr;
    QWidget *m_drillBanner;
    QLabel *m_drillLabel;
    std::shared_ptr<const std::vector<qint64>> m_drillRows; // while the queue shows a drill-down
    SyncStatusWidget *m_syncStatus;
    SyncProgressBar *m_progressBar;
    QMenu *m_syncMenu;
    QAction *m_syncNowAction;
    QAction *m_pauseAction;
    QAction *m_signInAction;
    QAction *m_logOutAction;
    QPointer<sync::SyncController> m_sync;
    QList<QMetaObject::Connection> m_syncConnections;
    // The engine's changes, gathered for at most kSyncRefreshMs: a first sync writes a page every
    // few milliseconds, and the queue is read again once for many of them.
    static constexpr int kSyncRefreshMs = 300;
    QTimer m_syncRefresh;
    QStringList m_syncedIds;
    bool m_syncedAll = false;
    bool m_paused = false;
    int m_knownConflicts = -1;
    QTimer m_searchDebounce;
    QThreadPool m_countsPool; // the counts' read: not the global pool, which painting borrows
    QFutureWatcher<models::QueueCounts> m_countsWatcher;
    models::QueueCounts m_counts;
    qint64 m_currentRow = -1; // the cache row of the open item, to find it again after a reload
};

} // namespace ibc::ui
