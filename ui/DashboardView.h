#pragma once

#include "cache/Cache.h"
#include "cache/SlaFigures.h"
#include "ui/DashboardCharts.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QThreadPool>
#include <QTimer>
#include <QWidget>

#include <array>
#include <optional>

class QChartView;
class QComboBox;
class QDateEdit;
class QHBoxLayout;
class QLabel;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTableWidget;
class QToolButton;

namespace ibc::ui {

// The team leader's dashboard: service levels for the work the filters choose (partner, queue,
// team, period), as four charts and two tables, computed on a worker thread from the cache.
// Clicking a point, a bar or a row opens the work behind it in the queue (drillDown()). Each chart
// can be shown as a table instead, for screen readers, and saved as CSV; the whole dashboard as
// PNG or PDF. The filters are remembered between runs.
class DashboardView : public QWidget {
    Q_OBJECT
public:
    DashboardView(models::Cache &cache, const models::User &user, const models::Clock &clock,
                  QWidget *parent = nullptr);
    ~DashboardView() override;

    // Works the figures out again now (once the one being worked out, if any, is done).
    void refresh();
    // The cache changed (a sync): refreshes at most once a second, and only while shown; when
    // hidden, the next show refreshes.
    void refreshSoon();
    // Figures being worked out, waiting to be, or going on screen.
    bool isRefreshing() const { return m_watcher.isRunning() || m_pending || m_nextPart < kParts; }

    models::DashboardFilter filter() const;
    const models::SlaFigures &figures() const { return *m_figures; }
    double targetPercent() const;
    // The work behind a part of the dashboard: worked out on a worker thread, then drillDown(). A
    // pick made while one is worked out replaces it (the latest click wins).
    void open(const models::DashboardPick &pick);

    bool saveCsv(DashboardChart chart, const QString &file, QString *error);
    bool savePng(const QString &file, QString *error);
    bool savePdf(const QString &file, QString *error);

    // For tests and the window.
    QComboBox *partnerBox() const { return m_partner; }
    QComboBox *kindBox() const { return m_kind; }
    QComboBox *teamBox() const { return m_team; }
    QComboBox *periodBox() const { return m_period; }
    QDateEdit *fromEdit() const { return m_from; }
    QDateEdit *toEdit() const { return m_to; }
    QChartView *chartView(DashboardChart chart) const { return m_cards[std::size_t(chart)].view; }
    QTableWidget *chartTableView(DashboardChart chart) const { return m_cards[std::size_t(chart)].table; }
    QToolButton *showAsTableButton(DashboardChart chart) const { return m_cards[std::size_t(chart)].asTable; }
    QTableWidget *partnerTableView() const { return m_partners; }
    QTableWidget *awaitingTableView() const { return m_awaiting; }
    QLabel *statusLabel() const { return m_status; }
    // The teams the Team filter offers: the floor's caseworkers and team leaders grouped by the
    // partners they work for (as an IBC organises its teams), each named after its team leader.
    struct Team {
        QString name;
        QStringList members; // usernames
    };
    const std::vector<Team> &teams() const { return m_teams; }

Q_SIGNALS:
    // New figures are on screen.
    void refreshed();
    // The rows (the cache's) of the work behind a clicked part, and a title that says what it is.
    void drillDown(const QString &title, std::shared_ptr<const std::vector<qint64>> rows);
    // The user wants to reassign a caseworker's open work (a team leader only).
    void reassignRequested(const QString &username);

protected:
    void showEvent(QShowEvent *event) override;

private:
    struct Card {
        QStackedWidget *stack = nullptr;
        QChartView *view = nullptr;
        QTableWidget *table = nullptr;
        QToolButton *asTable = nullptr;
    };
    void makeTeams();
    void makeFilterBoxes();
    QHBoxLayout *makeFilterBar();
    void makeCards();
    void makeReassignButton();
    void connectWatchers();
    QWidget *makeCard(const QString &title, QWidget *body, QToolButton *asTable, const std::function<void()> &saveCsv);
    // The parts of the dashboard: the four charts (a card each, with its table), then the
    // partners' and the awaiting tables.
    static constexpr int kPartnerTable = int(std::size(kDashboardCharts));
    static constexpr int kAwaitingTable = kPartnerTable + 1;
    static constexpr int kParts = kAwaitingTable + 1;
    // Puts m_figures on screen one part per turn of the event loop, then emits refreshed(): all
    // at once held the GUI thread for 35 ms during a sync (docs/bench.md).
    void showFigures();
    void showPart(int part);
    void onFiltersChanged();
    void saveFilters() const;
    void restoreFilters();
    void onTableActivated(int part, int row, int column);
    void saveCsvAs(const QString &defaultName, const FigureTable &table);
    static bool writeCsv(const FigureTable &table, const QString &file, QString *error);

    models::Cache &m_cache;
    models::User m_user;
    const models::Clock &m_clock;
    std::vector<Team> m_teams;
    QHash<QString, QString> m_displayNames;

    QComboBox *m_partner;
    QComboBox *m_kind;
    QComboBox *m_team;
    QComboBox *m_period;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QSpinBox *m_target;
    QLabel *m_status;
    std::array<Card, std::size(kDashboardCharts)> m_cards;
    QTableWidget *m_partners;
    QTableWidget *m_awaiting;
    QPushButton *m_reassign;
    QWidget *m_content;

    struct Computed {
        models::SlaFigures figures;
        models::DashboardFilter filter;
        QString error;
        qint64 ms = 0;
    };
    // The figures' and drill-downs' reads, on a thread of their own: never the global pool, whose
    // threads Qt's raster engine borrows to paint large fills and waits for.
    QThreadPool m_pool;
    QFutureWatcher<Computed> m_watcher;
    struct Drilled {
        std::vector<qint64> rows;
        QString error;
    };
    QFutureWatcher<Drilled> m_drillWatcher;
    QString m_drillTitle;
    std::optional<models::DashboardPick> m_nextPick; // clicked while a drill-down was worked out
    std::shared_ptr<const models::SlaFigures> m_figures = std::make_shared<const models::SlaFigures>(); // the newest
    models::DashboardFilter m_shownFilter;
    // What each part shows, so that a click on it means what it showed while the next figures go
    // on screen; and the next part to show (kParts: none).
    std::array<std::shared_ptr<const models::SlaFigures>, kParts> m_shown;
    int m_nextPart = kParts;
    QTimer m_showNext;
    bool m_pending = false; // another refresh once this one is done
    bool m_stale = true;    // the cache changed while hidden
    QTimer m_throttle;
    QElapsedTimer m_lastRefresh;
    bool m_restoring = false;
};

} // namespace ibc::ui
