#include "QueueBench.h"

#include "BenchUtil.h"
#include "cache/Cache.h"
#include "domain/DemoGenerator.h"
#include "itemmodels/QueueModel.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QEventLoop>
#include <QHeaderView>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlQueryModel>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#ifdef IBC_BENCH_HAVE_MAINWINDOW
#include "ui/MainWindow.h"
#endif

#include <algorithm>
#include <functional>
#include <map>
#include <memory>

namespace ibc::bench {

using models::QueueFilter;
using models::QueueModel;

namespace {

// The baseline's query: the queue's columns, plus the search text the desk filters on.
constexpr const char *kBaselineSql =
    "SELECT row, id, reference, kind, subtype, partner, summary, assignee, status, priority, received, due, amount, "
    "search FROM items";
enum SqlColumn {
    SqlRow,
    SqlId,
    SqlReference,
    SqlKind,
    SqlSubtype,
    SqlPartner,
    SqlSummary,
    SqlAssignee,
    SqlStatus,
    SqlPriority,
    SqlReceived,
    SqlDue,
    SqlAmount,
    SqlSearch
};

// Catches the first paint of a view's viewport that shows rows, and lets it finish before it
// says so: the paint is re-sent from inside the filter (guarded), so the time taken includes
// reading and drawing the visible rows.
class PaintProbe : public QObject {
public:
    PaintProbe(QAbstractItemView *view, std::function<void()> painted) : m_view(view), m_painted(std::move(painted))
    {
        view->viewport()->installEventFilter(this);
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::Paint || m_inside || m_done || !m_view->model() ||
            m_view->model()->rowCount() == 0)
            return false;
        m_inside = true;
        QCoreApplication::sendEvent(watched, event);
        m_inside = false;
        m_done = true;
        m_painted();
        return true;
    }

private:
    QAbstractItemView *m_view;
    std::function<void()> m_painted;
    bool m_inside = false;
    bool m_done = false;
};

// Runs the event loop until the view has painted rows (or a minute has passed). Returns the
// stopwatch's reading at that paint, or -1.
double waitForFirstPaint(QAbstractItemView *view, const Stopwatch &sw)
{
    double at = -1;
    QEventLoop loop;
    PaintProbe probe(view, [&] {
        at = sw.ms();
        loop.quit();
    });
    QTimer::singleShot(120000, &loop, &QEventLoop::quit);
    loop.exec();
    return at;
}

// Time from the call to the result painted: the operation, anything it waits for, and a
// synchronous repaint of the view.
double timed(QAbstractItemView *view, const std::function<void()> &operation)
{
    Stopwatch sw;
    operation();
    view->viewport()->repaint();
    return sw.ms();
}

QString key(const char *a, const QString &b, const char *c = nullptr)
{
    QString k = QLatin1String(a) + QLatin1Char('.') + b;
    if (c)
        k += QLatin1Char('.') + QLatin1String(c);
    return k;
}

void result(const QString &k, double v) { emitResult(k.toUtf8().constData(), v); }

double median(std::vector<double> v)
{
    if (v.empty())
        return -1;
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// Repeated measurements by key; reported as "<key>.ms" (median), "<key>.query_ms" (median of the
// model's own query time, where there is one), "<key>.rows" and "<key>.samples".
class Samples {
public:
    void add(const QString &key, double ms, double queryMs, int rows)
    {
        auto &e = m_entries[key];
        e.ms.push_back(ms);
        if (queryMs >= 0)
            e.query.push_back(queryMs);
        e.rows = rows;
    }
    void emitAll() const
    {
        for (const auto &[key, e] : m_entries) {
            result(key + QStringLiteral(".ms"), median(e.ms));
            if (!e.query.empty())
                result(key + QStringLiteral(".query_ms"), median(e.query));
            result(key + QStringLiteral(".rows"), e.rows);
            QStringList all;
            for (double v : e.ms)
                all << fixed(v, 1);
            emitResult((key + QStringLiteral(".samples")).toUtf8().constData(), all.join(QLatin1Char(',')));
        }
    }

private:
    struct Entry {
        std::vector<double> ms, query;
        int rows = 0;
    };
    std::map<QString, Entry> m_entries;
};

void progress(const QString &line) { std::fprintf(stderr, "    %s\n", line.toUtf8().constData()), std::fflush(stderr); }

} // namespace

QList<SortProbe> sortProbes()
{
    // Descending first: the queue starts in due order, and sorting it again the same way would
    // time nothing on the Qt side (the proxy returns at once).
    return {{"due", QueueModel::Due, SqlDue},
            {"received", QueueModel::Received, SqlReceived},
            {"priority", QueueModel::Priority, SqlPriority},
            {"partner", QueueModel::Partner, SqlPartner},
            {"amount", QueueModel::Amount, SqlAmount}};
}

int runDeskChild(const QString &cachePath, const QList<TextProbe> &probes, double msSinceMain, bool bareView,
                 int repeats)
{
    Stopwatch sw;
    std::unique_ptr<models::Cache> cache = models::Cache::open(cachePath);
    result(QStringLiteral("desk.open_ms"), sw.ms());

    QueueModel *model = nullptr;
    QAbstractItemView *view = nullptr;
    std::unique_ptr<QWidget> window;
#ifdef IBC_BENCH_HAVE_MAINWINDOW
    if (!bareView) {
        const models::User user = models::DemoGenerator::demoUsers().front();
        auto *main = new ui::MainWindow(*cache, user, models::SystemClock::instance());
        window.reset(main);
        model = main->queueModel();
        view = main->queueView();
        emitResult("desk.window", QStringLiteral("ibc::ui::MainWindow"));
    }
#endif
    if (!window) {
        auto *queue = new QueueModel(cachePath, models::SystemClock::instance());
        window = std::make_unique<QWidget>();
        auto *table = new QTableView;
        table->setModel(queue);
        queue->setParent(window.get());
        (new QVBoxLayout(window.get()))->addWidget(table);
        window->resize(1600, 900);
        model = queue;
        view = table;
        emitResult("desk.window", QStringLiteral("QTableView"));
    }
    // The model's own measure of each query on its worker thread, to tell SQL from the rest.
    qint64 lastQueryMs = -1;
    QObject::connect(model, &QueueModel::queueLoaded, model, [&lastQueryMs](int, qint64 ms) { lastQueryMs = ms; });
    window->show();
    const double painted = waitForFirstPaint(view, sw);
    result(QStringLiteral("desk.first_paint_ms"), painted);
    result(QStringLiteral("desk.first_paint_from_main_ms"), painted < 0 ? -1 : msSinceMain + painted);
    result(QStringLiteral("desk.first_paint_rows"), model->rowCount());
    model->waitUntilLoaded();
    QCoreApplication::processEvents();
    result(QStringLiteral("desk.rss_after_paint_mib"), rssMiB());

    // Everything, as the baseline's SELECT holds, so that both sort and filter the same rows.
    QueueFilter all;
    all.scope = QueueFilter::Scope::Everything;
    const double everything = timed(view, [&] {
        model->setFilter(all);
        model->waitUntilLoaded();
    });
    result(QStringLiteral("desk.everything_ms"), everything);
    result(QStringLiteral("desk.rows"), model->rowCount());
    progress(QStringLiteral("desk: %1 rows").arg(model->rowCount()));

    // Every sort and filter `repeats` times, interleaved so that each differs from the one before
    // it (a repeat of the same query would only refresh the rows); the median counts.
    Samples samples;
    result(QStringLiteral("desk.repeats"), repeats);
    for (int rep = 0; rep < repeats; ++rep) {
        for (const SortProbe &s : sortProbes()) {
            for (const auto order : {Qt::DescendingOrder, Qt::AscendingOrder}) {
                const char *dir = order == Qt::AscendingOrder ? "asc" : "desc";
                const double ms = timed(view, [&] {
                    model->sort(s.deskColumn, order);
                    model->waitUntilLoaded();
                });
                const QString k = key("desk.sort", QLatin1String(s.name), dir);
                samples.add(k, ms, double(lastQueryMs), model->rowCount());
                progress(QStringLiteral("desk: sort %1 %2: %3 ms (query %4 ms)")
                             .arg(QLatin1String(s.name), QLatin1String(dir), fixed(ms, 1))
                             .arg(lastQueryMs));
            }
        }
    }
    model->sort(QueueModel::Due, Qt::AscendingOrder);
    model->waitUntilLoaded();

    for (int rep = 0; rep < repeats; ++rep) {
        QueueFilter kind = all;
        kind.kind = models::Kind::Invoice;
        QList<std::pair<QString, QueueFilter>> filters{{QStringLiteral("desk.filter.kind"), kind}};
        for (const TextProbe &p : probes) {
            QueueFilter f = all;
            f.text = p.text;
            filters.append({QStringLiteral("desk.filter.") + p.label, f});
        }
        // Each filter starts from the whole queue on screen, as the Qt side's proxy filters its
        // whole source each time (below): a caseworker types into the quick filter of the queue
        // they are looking at. Showing the whole queue again is not timed.
        for (const auto &[k, f] : filters) {
            model->setFilter(all);
            model->waitUntilLoaded();
            const double ms = timed(view, [&] {
                model->setFilter(f);
                model->waitUntilLoaded();
            });
            samples.add(k, ms, double(lastQueryMs), model->rowCount());
            progress(QStringLiteral("%1: %2 ms (query %3 ms), %4 rows")
                         .arg(k, fixed(ms, 1))
                         .arg(lastQueryMs)
                         .arg(model->rowCount()));
        }
    }
    samples.emitAll();
    result(QStringLiteral("desk.peak_rss_mib"), peakRssMiB());
    window.reset();
    return 0;
}

int runQtChild(const QString &cachePath, const QList<TextProbe> &probes, double msSinceMain, int repeats)
{
    Stopwatch sw;
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bench"));
    db.setDatabaseName(cachePath);
    db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
    if (!db.open()) {
        std::fprintf(stderr, "cannot open %s: %s\n", qPrintable(cachePath), qPrintable(db.lastError().text()));
        return 1;
    }
    int exitCode = 0;
    {
        QSqlQueryModel source;
        source.setQuery(QString::fromLatin1(kBaselineSql), db);
        if (source.lastError().isValid()) {
            std::fprintf(stderr, "query failed: %s\n", qPrintable(source.lastError().text()));
            return 1;
        }
        // It must hold every row to sort and filter them all.
        while (source.canFetchMore())
            source.fetchMore();
        const double loaded = sw.ms();
        result(QStringLiteral("qt.load_ms"), loaded);
        result(QStringLiteral("qt.rows"), source.rowCount());
        result(QStringLiteral("qt.rss_after_load_mib"), rssMiB());
        progress(QStringLiteral("qt: %1 rows fetched in %2 ms").arg(source.rowCount()).arg(fixed(loaded, 0)));

        QSortFilterProxyModel proxy;
        proxy.setSourceModel(&source);
        proxy.sort(SqlDue, Qt::AscendingOrder); // the desk's queue is in due order
        result(QStringLiteral("qt.initial_sort_ms"), sw.ms() - loaded);

        QWidget window;
        auto *view = new QTableView;
        view->setModel(&proxy);
        (new QVBoxLayout(&window))->addWidget(view);
        window.resize(1600, 900);
        window.show();
        const double painted = waitForFirstPaint(view, sw);
        result(QStringLiteral("qt.first_paint_ms"), painted);
        result(QStringLiteral("qt.first_paint_from_main_ms"), painted < 0 ? -1 : msSinceMain + painted);
        QCoreApplication::processEvents();

        // Sorts once each: at a million rows each takes seconds, far above the noise. Filters as
        // often as the desk's, the median counting.
        Samples samples;
        for (const SortProbe &s : sortProbes()) {
            for (const auto order : {Qt::DescendingOrder, Qt::AscendingOrder}) {
                const char *dir = order == Qt::AscendingOrder ? "asc" : "desc";
                const double ms = timed(view, [&] { proxy.sort(s.sqlColumn, order); });
                samples.add(key("qt.sort", QLatin1String(s.name), dir), ms, -1, proxy.rowCount());
                progress(QStringLiteral("qt: sort %1 %2: %3 ms")
                             .arg(QLatin1String(s.name), QLatin1String(dir), fixed(ms, 1)));
            }
        }
        proxy.sort(SqlDue, Qt::AscendingOrder);

        // The kind column, then the search column for every free-text probe, each replacing the
        // last as a user's typing does. Choosing the column is not timed; the filter is.
        for (int rep = 0; rep < repeats; ++rep) {
            // From the whole table each time: the proxy takes about four times as long to go from
            // an empty result to a third of the rows as from all of them, and the lower figure is
            // the fairer baseline.
            proxy.setFilterRegularExpression(QRegularExpression());
            proxy.setFilterKeyColumn(SqlKind);
            {
                const double ms = timed(view, [&] {
                    proxy.setFilterRegularExpression(
                        QRegularExpression(QStringLiteral("^%1$").arg(int(models::Kind::Invoice))));
                });
                samples.add(QStringLiteral("qt.filter.kind"), ms, -1, proxy.rowCount());
                progress(QStringLiteral("qt: filter kind: %1 ms, %2 rows").arg(fixed(ms, 1)).arg(proxy.rowCount()));
            }
            proxy.setFilterKeyColumn(SqlSearch);
            for (const TextProbe &p : probes) {
                const double ms = timed(view, [&] {
                    proxy.setFilterRegularExpression(QRegularExpression(QRegularExpression::escape(p.text),
                                                                        QRegularExpression::CaseInsensitiveOption));
                });
                samples.add(QStringLiteral("qt.filter.") + p.label, ms, -1, proxy.rowCount());
                progress(QStringLiteral("qt: filter %1 (%2): %3 ms, %4 rows")
                             .arg(p.label, p.text, fixed(ms, 1))
                             .arg(proxy.rowCount()));
            }
        }
        samples.emitAll();
        result(QStringLiteral("qt.peak_rss_mib"), peakRssMiB());
    }
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("bench"));
    return exitCode;
}

} // namespace ibc::bench
