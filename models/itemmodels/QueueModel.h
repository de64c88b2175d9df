#pragma once

#include "cache/QueueReader.h"
#include "domain/Clock.h"
#include "domain/Sla.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QThreadPool>

#include <list>
#include <memory>
#include <mutex>

namespace ibc::models {

// The queue table over the cache, fast at a million items.
//
// It holds only the row ids of the matching items, in order (8 bytes an item), and reads the rows
// themselves a page at a time as the view asks for them, keeping a few pages. Filtering and sorting
// are SQL over indexed columns, run on a worker thread with a connection of its own: the GUI thread
// never waits for them. A page of rows is read on the GUI thread, when the view first asks for one
// of its rows: 128 rows looked up by their row ids (the table's primary key), on a read-only
// connection of its own; a page that cannot be read shows empty rows and is read again when next
// asked for. queueLoaded() says when a new result is in.
class QueueModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Sla,
        Priority,
        Due,
        Reference,
        Type,
        Partner,
        Summary,
        Amount,
        Assignee,
        Status,
        Received,
        ColumnCount
    };
    // ConflictRole: true while the store has refused a change to the item and the user has not yet
    // retried or discarded it (the view marks the reference; see the conflicts list).
    enum Role { ItemIdRole = Qt::UserRole + 1, RowIdRole, SlaStateRole, StatusRole, PriorityRole, ConflictRole };

    QueueModel(const QString &cachePath, const Clock &clock, QObject *parent = nullptr);
    ~QueueModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    void setFilter(const QueueFilter &filter);
    // The rules SLA states are judged by (the cache's: Cache::slaRules()).
    void setSlaRules(std::shared_ptr<const SlaRules> rules) { m_slaRules = std::move(rules); }
    // People's names for the assignee column, by username.
    void setDisplayNames(QHash<QString, QString> names) { m_displayNames = std::move(names); }
    const QueueFilter &filter() const { return m_filter; }
    QueueSort sortKey() const { return m_sort; }
    bool sortDescending() const { return m_descending; }

    // Reads the rows again (after a command, or a sync), keeping the query.
    void refresh();
    // True while a query is running.
    bool isLoading() const { return m_pending != m_shown; }
    // Blocks until the newest query is shown. For tests, benchmarks and --screenshot.
    void waitUntilLoaded();

    int rowOf(qint64 rowId) const; // the table row showing the cache row, or -1
    QString itemIdAt(int row) const;

    static bool sortable(int column);

Q_SIGNALS:
    void queueLoaded(int rows, qint64 milliseconds);

private:
    struct Result;
    void startQuery();
    void submitQuery();
    void show(std::shared_ptr<Result> result);
    const QueueRow *rowAt(int row) const;
    SlaState slaStateOf(const QueueRow &row) const;

    static constexpr int kPageSize = 128;
    static constexpr int kPagesKept = 48;

    QString m_path;
    const Clock &m_clock;
    std::shared_ptr<const SlaRules> m_slaRules = SlaRules::defaults();
    QueueFilter m_filter;
    QueueSort m_sort = QueueSort::Due;
    bool m_descending = false;

    QHash<QString, QString> m_displayNames;
    std::vector<qint64> m_ids;
    mutable std::unique_ptr<QueueReader> m_pageReader; // GUI thread: pages of rows
    mutable QHash<int, std::vector<QueueRow>> m_pages;
    mutable std::list<int> m_pageOrder; // least recently used first

    QThreadPool m_pool; // one thread: queries run in order
    std::shared_ptr<std::mutex> m_queryMutex = std::make_shared<std::mutex>();
    std::shared_ptr<std::unique_ptr<QueueReader>> m_queryReader = std::make_shared<std::unique_ptr<QueueReader>>();
    bool m_submitQueued = false;
    quint64 m_pending = 0; // ticket of the newest query asked for
    quint64 m_shown = 0;   // ticket of the query on screen
};

} // namespace ibc::models
