#pragma once

#include "Cache.h"
#include "QueueModel.h"

#include <QFutureWatcher>
#include <QMainWindow>
#include <QTimer>

class QLabel;
class QLineEdit;
class QTableView;

namespace ibc::ui {

class ItemPanel;
class Navigator;

// The caseworker's window: navigator, queue and item panel, over the local cache.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    MainWindow(models::Cache &cache, const models::User &user, const models::Clock &clock, QWidget *parent = nullptr);
    ~MainWindow() override;

    bool selectView(const QString &name);
    // Claims the most urgent unassigned item this user may work, and opens it.
    void takeNextItem();

    models::QueueModel *queueModel() const { return m_model; }
    QTableView *queueView() const { return m_table; }
    ItemPanel *itemPanel() const { return m_panel; }
    Navigator *navigator() const { return m_navigator; }
    QLineEdit *searchBox() const { return m_search; }

    // True when the queue and the navigator's counts show the cache as it is.
    bool isSettled() const;

Q_SIGNALS:
    // The queue has loaded and the window shows it (after a view change, search, sort or refresh).
    void queueShown();
    // The queue and the counts have both caught up (for screenshots and tests).
    void settled();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void applyFilter();
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
    QLabel *m_userLabel;
    QLabel *m_countsLabel;
    QLabel *m_outboxLabel;
    QTimer m_searchDebounce;
    QFutureWatcher<models::QueueCounts> m_countsWatcher;
    models::QueueCounts m_counts;
    qint64 m_currentRow = -1; // the cache row of the open item, to find it again after a reload
};

} // namespace ibc::ui
