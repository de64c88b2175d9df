#include "itemmodels/QueueModel.h"

#include "domain/Fields.h"
#include "domain/Partner.h"
#include "domain/Sla.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QLocale>

namespace ibc::models {

struct QueueModel::Result {
    quint64 ticket = 0;
    std::vector<qint64> ids;
    qint64 ms = 0;
    QString error;
};

namespace {

std::optional<QueueSort> sortFor(int column)
{
    switch (column) {
    case QueueModel::Sla:
    case QueueModel::Due: return QueueSort::Due;
    case QueueModel::Priority: return QueueSort::Priority;
    case QueueModel::Reference: return QueueSort::Reference;
    case QueueModel::Partner: return QueueSort::Partner;
    case QueueModel::Amount: return QueueSort::Amount;
    case QueueModel::Assignee: return QueueSort::Assignee;
    case QueueModel::Status: return QueueSort::Status;
    case QueueModel::Received: return QueueSort::Received;
    default: return std::nullopt;
    }
}

// "Today 17:00", "Tomorrow 09:30", "Wed 25 Nov 17:00", "3 Dec 2026": what a caseworker scans for.
QString whenText(EpochSecs t, EpochSecs now)
{
    const QDateTime when = QDateTime::fromSecsSinceEpoch(t);
    const QDate today = QDateTime::fromSecsSinceEpoch(now).date();
    const QLocale locale;
    const QString time = locale.toString(when.time(), QStringLiteral("HH:mm"));
    const qint64 days = today.daysTo(when.date());
    if (days == 0)
        return QCoreApplication::translate("ibc::models::QueueModel", "Today %1").arg(time);
    if (days == 1)
        return QCoreApplication::translate("ibc::models::QueueModel", "Tomorrow %1").arg(time);
    if (days == -1)
        return QCoreApplication::translate("ibc::models::QueueModel", "Yesterday %1").arg(time);
    if (days > -7 && days < 7)
        return locale.toString(when, QStringLiteral("ddd d MMM HH:mm"));
    return locale.toString(when.date(), QStringLiteral("d MMM yyyy"));
}

} // namespace

QueueModel::QueueModel(const QString &cachePath, const Clock &clock, QObject *parent)
    : QAbstractTableModel(parent)
    , m_path(cachePath)
    , m_clock(clock)
{
    m_pool.setMaxThreadCount(1);
    m_pool.setObjectName(QStringLiteral("queue-queries"));
    startQuery();
}

QueueModel::~QueueModel()
{
    m_pool.clear();
    m_pool.waitForDone();
}

bool QueueModel::sortable(int column) { return sortFor(column).has_value(); }

int QueueModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_ids.size()); }
int QueueModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

void QueueModel::setFilter(const QueueFilter &filter)
{
    if (filter == m_filter)
        return;
    m_filter = filter;
    startQuery();
}

void QueueModel::sort(int column, Qt::SortOrder order)
{
    const auto key = sortFor(column);
    if (!key)
        return;
    m_sort = *key;
    m_descending = order == Qt::DescendingOrder;
    startQuery();
}

void QueueModel::refresh() { startQuery(); }

void QueueModel::startQuery()
{
    // Changes made in one turn of the event loop (a view and a sort order restored at start-up)
    // make one query, with the newest filter and order.
    ++m_pending;
    if (!m_submitQueued) {
        m_submitQueued = true;
        QMetaObject::invokeMethod(this, &QueueModel::submitQuery, Qt::QueuedConnection);
    }
}

void QueueModel::submitQuery()
{
    if (!m_submitQueued)
        return;
    m_submitQueued = false;
    const quint64 ticket = m_pending;
    m_pool.start([this, ticket, path = m_path, filter = m_filter, sort = m_sort, desc = m_descending,
                  mutex = m_queryMutex, reader = m_queryReader] {
        auto result = std::make_shared<Result>();
        result->ticket = ticket;
        QElapsedTimer timer;
        timer.start();
        try {
            std::lock_guard lock(*mutex);
            if (!*reader)
                *reader = std::make_unique<QueueReader>(path);
            result->ids = (*reader)->rowIds(filter, sort, desc);
        } catch (const std::exception &e) {
            result->error = QString::fromUtf8(e.what());
        }
        result->ms = timer.elapsed();
        QMetaObject::invokeMethod(
            this, [this, result] { show(result); }, Qt::QueuedConnection);
    });
}

void QueueModel::show(std::shared_ptr<Result> result)
{
    if (result->ticket != m_pending)
        return; // a newer query is on its way
    if (!result->error.isEmpty())
        qWarning("queue query failed: %s", qPrintable(result->error));
    if (result->ids == m_ids) {
        // Same rows in the same order (a refresh after a command): repaint, keep selection and scroll.
        m_pages.clear();
        m_pageOrder.clear();
        m_shown = result->ticket;
        if (!m_ids.empty())
            Q_EMIT dataChanged(index(0, 0), index(int(m_ids.size()) - 1, ColumnCount - 1));
    } else {
        beginResetModel();
        m_ids = std::move(result->ids);
        m_pages.clear();
        m_pageOrder.clear();
        m_shown = result->ticket;
        endResetModel();
    }
    Q_EMIT queueLoaded(int(m_ids.size()), result->ms);
}

void QueueModel::waitUntilLoaded()
{
    while (isLoading()) {
        submitQuery();
        m_pool.waitForDone();
        QCoreApplication::sendPostedEvents(this, QEvent::MetaCall);
    }
}

const QueueRow *QueueModel::rowAt(int row) const
{
    if (row < 0 || row >= int(m_ids.size()))
        return nullptr;
    const int page = row / kPageSize;
    auto it = m_pages.find(page);
    if (it == m_pages.end()) {
        if (!m_pageReader)
            m_pageReader = std::make_unique<QueueReader>(m_path);
        const std::size_t first = std::size_t(page) * kPageSize;
        const std::size_t count = std::min<std::size_t>(kPageSize, m_ids.size() - first);
        std::vector<QueueRow> rows;
        try {
            rows = m_pageReader->rows(std::span(m_ids).subspan(first, count));
        } catch (const std::exception &e) {
            qWarning("reading queue rows failed: %s", e.what());
            return nullptr;
        }
        // Make room first: removing from a QHash moves its other entries, so an iterator taken
        // before the removal may point at another page, or at nothing.
        if (m_pageOrder.size() >= std::size_t(kPagesKept)) {
            m_pages.remove(m_pageOrder.front());
            m_pageOrder.pop_front();
        }
        it = m_pages.insert(page, std::move(rows));
        m_pageOrder.push_back(page);
    } else if (m_pageOrder.back() != page) {
        // Keep the pages on screen: the least recently used page is the one to go.
        m_pageOrder.remove(page);
        m_pageOrder.push_back(page);
    }
    const auto &rows = *it;
    const std::size_t offset = std::size_t(row % kPageSize);
    return offset < rows.size() ? &rows[offset] : nullptr;
}

SlaState QueueModel::slaStateOf(const QueueRow &r) const
{
    WorkItem it;
    it.kind = r.kind;
    it.subtype = r.subtype;
    it.partner = r.partner;
    it.status = r.status;
    it.received = r.received;
    it.due = r.due;
    return m_slaRules->status(it, m_clock.now()).state;
}

QVariant QueueModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QueueRow *r = rowAt(index.row());
    if (!r || r->id.isEmpty())
        return {};

    switch (role) {
    case ItemIdRole: return r->id;
    case RowIdRole: return r->row;
    case SlaStateRole: return int(slaStateOf(*r));
    case StatusRole: return int(r->status);
    case PriorityRole: return int(r->priority);
    case ConflictRole: return r->conflict;
    case Qt::TextAlignmentRole:
        if (index.column() == Amount)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        switch (index.column()) {
        case Partner: return partnerName(r->partner);
        case Assignee: return r->assignee;
        case Type: return kindLabel(r->kind);
        case Due:
        case Received:
            return QLocale().toString(QDateTime::fromSecsSinceEpoch(index.column() == Due ? r->due : r->received),
                                      QLocale::LongFormat);
        case Summary: return r->summary;
        case Reference:
            if (r->conflict)
                return QCoreApplication::translate("ibc::models::QueueModel",
                                                   "The store did not accept your change to %1: see Conflicts")
                    .arg(r->reference);
            return {};
        default: return {};
        }
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case Sla: return slaLabel(slaStateOf(*r));
        case Priority: return priorityLabel(r->priority);
        case Due: return whenText(r->due, m_clock.now());
        case Reference: return r->reference;
        case Type: return subtypeLabel(r->subtype);
        case Partner: return r->partner;
        case Summary: return r->summary;
        case Amount: return r->amount ? formatPence(r->amount) : QString();
        case Assignee: return m_displayNames.value(r->assignee, r->assignee);
        case Status: return statusLabel(r->status);
        case Received: return whenText(r->received, m_clock.now());
        case ColumnCount: break;
        }
        return {};
    default: return {};
    }
}

QVariant QueueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    static const char *const titles[] = {
        QT_TRANSLATE_NOOP("ibc::models::QueueModel", "SLA"),
        QT_TRANSLATE_NOOP("ibc::models::QueueModel", "Priority"),
        QT_TRANSLATE_NOOP("ibc::models::QueueModel", "Due"),
        QT_TRANSLATE_NOOP("ibc::models::QueueModel", "Reference"),
        QT_TRANSLATE_NOOP("ibc::models::QueueModel", "Type"),
        QT_TRANSLATE_NOOP("ibc::models::QueueModel", "Partner"),
        QT_TRANSLATE_NOOP("ibc::models::QueueModel", "Summary"),
        QT_TRANSLATE_NOOP("ibc::models::QueueModel", "Amount"),
        QT_TRANSLATE_NOOP("ibc::models::QueueModel", "Assignee"),
        QT_TRANSLATE_NOOP("ibc::models::QueueModel", "Status"),
        QT_TRANSLATE_NOOP("ibc::models::QueueModel", "Received"),
    };
    if (section < 0 || section >= ColumnCount)
        return {};
    return QCoreApplication::translate("ibc::models::QueueModel", titles[section]);
}

int QueueModel::rowOf(qint64 rowId) const
{
    const auto it = std::find(m_ids.begin(), m_ids.end(), rowId);
    return it == m_ids.end() ? -1 : int(it - m_ids.begin());
}

QString QueueModel::itemIdAt(int row) const
{
    const QueueRow *r = rowAt(row);
    return r ? r->id : QString();
}

} // namespace ibc::models
