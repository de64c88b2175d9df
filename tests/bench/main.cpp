// ibc-bench-desk: the desk's benchmark. Every figure is printed beside a baseline measured in
// the same run, because the machines are shared and absolute times drift; the targets are on the
// ratios (and on the desk's peak memory). See docs/bench.md.
//
//   ibc-bench-desk [--items N] [--seed S] [--data-dir DIR] [--skip-load] [--batches 10000,50000,…]
//                  [--trial-items N] [--rounds R] [--repeats N] [--bare-view] [--skip-qt]
//
// The parent generates and loads (part 1), then runs the desk (parts 2–4) and the plain Qt
// baseline each in a child process of its own, one after the other, so that each peak RSS is its
// own and neither competes with the other for the CPU.

#include "BenchUtil.h"
#include "cache/Cache.h"
#include "domain/DemoGenerator.h"
#include "LoadBench.h"
#include "QueueBench.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QLoggingCategory>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>

#include <sqlite3.h>

#include <cstring>
#include <optional>

using namespace ibc;
using namespace ibc::bench;

namespace {

constexpr double kLoadTarget = 0.5;   // ours / sqlite3 loop, items per second
constexpr double kQueueTarget = 10.0; // Qt baseline time / ours
constexpr double kRssTarget = 400.0;  // MiB, the desk process

QString times(double ratio)
{
    return ratio < 100 ? fixed(ratio, 1) + QStringLiteral("×") : grouped(ratio) + QStringLiteral("×");
}

QString pad(const QString &s, int width) { return s.leftJustified(width); }

// The free-text probes: a surname, an employee number, a supplier word and a reference, the last
// two picked from the middle of the generated data so that they exist at any size.
QList<TextProbe> pickProbes(const QString &cachePath, qint64 items)
{
    QList<TextProbe> probes{{QStringLiteral("surname"), QStringLiteral("Patel")}};
    sqlite3 *db = nullptr;
    sqlite3_open_v2(cachePath.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    auto one = [&](const char *sql) {
        sqlite3_stmt *st = nullptr;
        QString v;
        if (sqlite3_prepare_v2(db, sql, -1, &st, nullptr) == SQLITE_OK) {
            sqlite3_bind_int64(st, 1, items / 2);
            if (sqlite3_step(st) == SQLITE_ROW)
                v = QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(st, 0)));
        }
        sqlite3_finalize(st);
        return v;
    };
    const QString employee =
        one("SELECT json_extract(fields, '$.employee_number') FROM items WHERE kind = 0 AND row >= ? LIMIT 1");
    const QString reference = one("SELECT reference FROM items WHERE kind = 1 AND row >= ? LIMIT 1");
    sqlite3_close(db);
    if (!employee.isEmpty())
        probes << TextProbe{QStringLiteral("employee_number"), employee};
    probes << TextProbe{QStringLiteral("supplier_word"), QStringLiteral("scaffolding")};
    if (!reference.isEmpty())
        probes << TextProbe{QStringLiteral("reference"), reference};
    return probes;
}

QStringList probeArgs(const QList<TextProbe> &probes)
{
    QStringList args;
    for (const TextProbe &p : probes)
        args << QStringLiteral("--probe") << p.label + QLatin1Char('=') + p.text;
    return args;
}

std::optional<QMap<QString, QString>> runChild(const QString &mode, const QString &cachePath,
                                               const QList<TextProbe> &probes, const QStringList &extra = {})
{
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    child.setProcessEnvironment(env);
    child.start(QCoreApplication::applicationFilePath(),
                QStringList{QStringLiteral("--child"), mode, QStringLiteral("--cache"), cachePath} + probeArgs(probes) +
                    extra);
    if (!child.waitForFinished(-1) || child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0) {
        say(QStringLiteral("the %1 child failed (exit %2)").arg(mode).arg(child.exitCode()));
        return std::nullopt;
    }
    return parseResults(child.readAllStandardOutput());
}

void reportLoad(const LoadResults &r)
{
    const double n = double(r.items);
    const double gen = n / r.generateSeconds;
    const double ours = n / *std::min_element(r.oursSeconds.begin(), r.oursSeconds.end());
    const double base = n / *std::min_element(r.baselineSeconds.begin(), r.baselineSeconds.end());
    const double bulk = n / *std::min_element(r.bulkSeconds.begin(), r.bulkSeconds.end());
    const double ratio = ours / base;
    const double bulkRatio = bulk / base;
    say(QStringLiteral("generation: %1 items/s (DemoGenerator::next; %2 items, %3 notes, %4 events; %5 MiB held)")
            .arg(grouped(gen), grouped(n), grouped(double(r.notes)), grouped(double(r.events)),
                 grouped(r.generatorPeakRssMiB)));
    QStringList trials;
    for (const auto &[batch, rate] : r.trialRates)
        trials << QStringLiteral("%1: %2").arg(grouped(batch), grouped(rate));
    say(QStringLiteral("batch sizes (items/s over the first %1 items): %2; fastest %3")
            .arg(grouped(double(std::min<qint64>(r.items, 200000))), trials.join(QStringLiteral(", ")),
                 grouped(r.bestBatch)));
    say(QStringLiteral(
            "bulk load (Cache::insertGenerated): ours %1 items/s  sqlite3 loop %2 items/s  ratio %3 (target ≥ %4) %5")
            .arg(grouped(ours), grouped(base), fixed(ratio, 2), fixed(kLoadTarget, 1), verdict(ratio >= kLoadTarget)));
    say(QStringLiteral(
            "bulk load (Cache::BulkLoad, the desk's path): ours %1 items/s  sqlite3 loop %2 items/s  ratio %3 (target ≥ %4) %5")
            .arg(grouped(bulk), grouped(base), fixed(bulkRatio, 2), fixed(kLoadTarget, 1),
                 verdict(bulkRatio >= kLoadTarget)));
    say(QStringLiteral(
            "  (best of %1 rounds; ours batch %2; baseline one transaction, rows precomputed in %3 s; same rows in both files: %4)")
            .arg(r.oursSeconds.size())
            .arg(grouped(r.bestBatch))
            .arg(fixed(r.prepareBaselineSeconds, 1))
            .arg(r.sameContent ? QStringLiteral("yes") : QStringLiteral("NO")));
    if (!r.sameContent)
        noteFailure();
}

void reportQueue(const QMap<QString, QString> &d, const QMap<QString, QString> &q, const QList<TextProbe> &probes)
{
    auto num = [](const QMap<QString, QString> &m, const QString &k) {
        return m.value(k, QStringLiteral("-1")).toDouble();
    };

    say(QStringLiteral("first painted queue: %1 (Cache::open → first paint of rows: %2 rows) %3; from main() %4")
            .arg(d.value(QStringLiteral("desk.window")), grouped(num(d, QStringLiteral("desk.first_paint_rows"))),
                 ms(num(d, QStringLiteral("desk.first_paint_ms"))),
                 ms(num(d, QStringLiteral("desk.first_paint_from_main_ms")))));
    say(QStringLiteral("  plain Qt: open + full fetch %1 + sort by due %2 → first paint %3 (ratio %4)")
            .arg(ms(num(q, QStringLiteral("qt.load_ms"))), ms(num(q, QStringLiteral("qt.initial_sort_ms"))),
                 ms(num(q, QStringLiteral("qt.first_paint_ms"))),
                 times(num(q, QStringLiteral("qt.first_paint_ms")) / num(d, QStringLiteral("desk.first_paint_ms")))));
    say(QStringLiteral("baseline load: QSqlQueryModel fully fetched, %1 rows in %2")
            .arg(grouped(num(q, QStringLiteral("qt.rows"))), ms(num(q, QStringLiteral("qt.load_ms")))));
    if (num(q, QStringLiteral("qt.rows")) != num(d, QStringLiteral("desk.rows"))) {
        say(QStringLiteral("  row counts differ: desk %1, Qt %2")
                .arg(d.value(QStringLiteral("desk.rows")), q.value(QStringLiteral("qt.rows"))));
        noteFailure();
    }

    // One line a sort or filter: medians of the repeats; "query" is the desk's SQL on its worker
    // thread, the rest of its time is the model reset and the repaint.
    auto line = [&](const QString &what, const QString &k, bool checkRows) {
        const double ours = num(d, QStringLiteral("desk.%1.ms").arg(k)),
                     base = num(q, QStringLiteral("qt.%1.ms").arg(k));
        const double query = num(d, QStringLiteral("desk.%1.query_ms").arg(k));
        const double ratio = base / std::max(ours, 0.001);
        const double dr = num(d, QStringLiteral("desk.%1.rows").arg(k)),
                     qr = num(q, QStringLiteral("qt.%1.rows").arg(k));
        QString rows;
        if (checkRows) {
            rows = dr == qr ? QStringLiteral("  [%1 rows]").arg(grouped(dr))
                            : QStringLiteral("  [rows differ: ours %1, Qt %2]").arg(grouped(dr), grouped(qr));
            if (dr != qr)
                noteFailure();
        }
        say(QStringLiteral("%1 ours %2 (query %3)  Qt %4  ratio %5 (target ≥ %6×) %7%8")
                .arg(pad(what + QLatin1Char(':'), 36), pad(ms(ours), 9), pad(ms(query), 9), pad(ms(base), 10),
                     pad(times(ratio), 6), fixed(kQueueTarget, 0),
                     verdict(ours >= 0 && base >= 0 && ratio >= kQueueTarget), rows));
    };
    for (const SortProbe &s : sortProbes())
        for (const char *dir : {"desc", "asc"})
            line(QStringLiteral("sort %1 %2")
                     .arg(QLatin1String(s.name),
                          dir == std::string_view("asc") ? QStringLiteral("↑") : QStringLiteral("↓")),
                 QStringLiteral("sort.%1.%2").arg(QLatin1String(s.name), QLatin1String(dir)), false);
    line(QStringLiteral("filter kind = invoice"), QStringLiteral("filter.kind"), true);
    for (const TextProbe &p : probes)
        line(QStringLiteral("filter %1 \"%2\"").arg(p.label, p.text), QStringLiteral("filter.") + p.label, true);
    say(QStringLiteral("  (desk: median of %1 runs of each; Qt: sorts once each, filters median of %1)")
            .arg(d.value(QStringLiteral("desk.repeats"), QStringLiteral("?"))));

    const double rss = num(d, QStringLiteral("desk.peak_rss_mib"));
    say(QStringLiteral(
            "peak RSS (desk process: open, show, sort, filter): %1 MiB (target < %2 MiB) %3;  plain Qt process %4 MiB")
            .arg(grouped(rss), grouped(kRssTarget), verdict(rss > 0 && rss < kRssTarget),
                 grouped(num(q, QStringLiteral("qt.peak_rss_mib")))));
}

int runParent(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("ibc.cache.info=false")); // one "migrated" per fresh file
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("IBC Desk benchmark: load, first paint, sort, filter, memory"));
    p.addHelpOption();
    p.addOptions({
        {QStringLiteral("items"), QStringLiteral("Items to generate (default 1000000)."), QStringLiteral("n"),
         QStringLiteral("1000000")},
        {QStringLiteral("seed"), QStringLiteral("Generator seed (default 42)."), QStringLiteral("seed"),
         QStringLiteral("42")},
        {QStringLiteral("data-dir"), QStringLiteral("Where the cache files go (default: a temporary folder)."),
         QStringLiteral("dir")},
        {QStringLiteral("skip-load"),
         QStringLiteral(
             "Reuse the cache left in --data-dir by an earlier run of the same size and seed; skip part 1.")},
        {QStringLiteral("batches"), QStringLiteral("Batch sizes to try for Cache::insertGenerated."),
         QStringLiteral("list"), QStringLiteral("10000,50000,200000")},
        {QStringLiteral("trial-items"), QStringLiteral("Items each batch-size trial loads (default 200000)."),
         QStringLiteral("n"), QStringLiteral("200000")},
        {QStringLiteral("rounds"), QStringLiteral("Full loads of each path, alternating (default 2)."),
         QStringLiteral("n"), QStringLiteral("2")},
        {QStringLiteral("repeats"),
         QStringLiteral("Times each sort and filter is measured; the median counts (default 3)."), QStringLiteral("n"),
         QStringLiteral("3")},
        {QStringLiteral("bare-view"),
         QStringLiteral("Measure the desk with a bare QTableView over the QueueModel, not ibc::ui::MainWindow.")},
        {QStringLiteral("skip-qt"),
         QStringLiteral("Run only the desk side of parts 2–4 (no ratios; for working on the desk).")},
    });
    p.process(app);

    LoadOptions o;
    o.items = p.value(QStringLiteral("items")).toLongLong();
    o.seed = p.value(QStringLiteral("seed")).toULongLong();
    o.anchor = models::DemoGenerator::defaultAnchor();
    o.trialItems = p.value(QStringLiteral("trial-items")).toLongLong();
    o.rounds = std::max(1, p.value(QStringLiteral("rounds")).toInt());
    for (const QString &b : p.value(QStringLiteral("batches")).split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (b.toInt() > 0)
            o.batchSizes << b.toInt();
    if (o.items < 10 || o.batchSizes.isEmpty()) {
        say(QStringLiteral("--items must be at least 10, and --batches a list of positive numbers"));
        return 2;
    }

    std::optional<QTemporaryDir> temp;
    if (p.isSet(QStringLiteral("data-dir"))) {
        o.dir = QDir(p.value(QStringLiteral("data-dir"))).absolutePath();
    } else {
        temp.emplace();
        o.dir = temp->path();
    }
    QDir().mkpath(o.dir);
    o.keepAs = o.dir + QStringLiteral("/desk-%1-seed%2.sqlite").arg(o.items).arg(o.seed);

    say(QStringLiteral("IBC Desk benchmark — %1 items, seed %2, files in %3")
            .arg(grouped(double(o.items)))
            .arg(o.seed)
            .arg(o.dir));
    std::optional<LoadResults> load;
    if (p.isSet(QStringLiteral("skip-load")) && QFile::exists(o.keepAs)) {
        say(QStringLiteral("part 1 skipped: reusing %1").arg(o.keepAs));
    } else {
        load = runLoadBench(o);
    }

    // A cache from an older build gets any index it lacks now, not inside the desk's timing.
    models::Cache::open(o.keepAs).reset();
    const QList<TextProbe> probes = pickProbes(o.keepAs, o.items);
    say(QStringLiteral("running the desk process…"));
    QStringList childArgs{QStringLiteral("--repeats"),
                          QString::number(std::max(1, p.value(QStringLiteral("repeats")).toInt()))};
    const auto desk =
        runChild(QStringLiteral("desk"), o.keepAs, probes,
                 childArgs + (p.isSet(QStringLiteral("bare-view")) ? QStringList{QStringLiteral("--bare-view")}
                                                                   : QStringList{}));
    if (p.isSet(QStringLiteral("skip-qt"))) {
        for (auto it = desk->cbegin(); desk && it != desk->cend(); ++it)
            say(QStringLiteral("%1 %2").arg(it.key(), it.value()));
        return desk ? 0 : 2;
    }
    say(QStringLiteral("running the plain Qt process…"));
    const auto qt = runChild(QStringLiteral("qt"), o.keepAs, probes, childArgs);

    say(QString());
    say(QStringLiteral("=== results: %1 items ===").arg(grouped(double(o.items))));
    if (load)
        reportLoad(*load);
    if (desk && qt)
        reportQueue(*desk, *qt, probes);
    else
        noteFailure();
    if (o.items < 1000000)
        say(QStringLiteral("(the targets are set for 1,000,000 items; at %1 the fixed costs of a repaint weigh more)")
                .arg(grouped(double(o.items))));
    say(failures() ? QStringLiteral("%1 check(s) missed their target").arg(failures())
                   : QStringLiteral("all targets met"));
    return failures() ? 1 : 0;
}

int runChildMode(int argc, char **argv, const Stopwatch &sinceMain)
{
    const double beforeApp = sinceMain.ms();
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    // Keep the window's saved layout out of the user's own settings.
    QCoreApplication::setOrganizationName(QStringLiteral("IBC Desk bench"));
    QCoreApplication::setApplicationName(QStringLiteral("ibc-bench-desk"));
    QTemporaryDir settingsDir;
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, settingsDir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());

    QCommandLineParser p;
    p.addOptions({{QStringLiteral("child"), QString(), QStringLiteral("mode")},
                  {QStringLiteral("cache"), QString(), QStringLiteral("path")},
                  {QStringLiteral("probe"), QString(), QStringLiteral("label=text")},
                  {QStringLiteral("bare-view"), QString()},
                  {QStringLiteral("repeats"), QString(), QStringLiteral("n"), QStringLiteral("3")}});
    p.process(app);
    QList<TextProbe> probes;
    for (const QString &v : p.values(QStringLiteral("probe")))
        probes << TextProbe{v.section(QLatin1Char('='), 0, 0), v.section(QLatin1Char('='), 1)};
    emitResult("child.app_start_ms", sinceMain.ms() - beforeApp);
    const QString mode = p.value(QStringLiteral("child"));
    try {
        if (mode == QLatin1String("desk"))
            return runDeskChild(p.value(QStringLiteral("cache")), probes, sinceMain.ms(),
                                p.isSet(QStringLiteral("bare-view")), p.value(QStringLiteral("repeats")).toInt());
        if (mode == QLatin1String("qt"))
            return runQtChild(p.value(QStringLiteral("cache")), probes, sinceMain.ms(),
                              p.value(QStringLiteral("repeats")).toInt());
    } catch (const std::exception &e) {
        std::fprintf(stderr, "%s child failed: %s\n", qPrintable(mode), e.what());
        return 1;
    }
    return 2;
}

} // namespace

int main(int argc, char **argv)
{
    const Stopwatch sinceMain;
    for (int i = 1; i < argc; ++i)
        if (std::strcmp(argv[i], "--child") == 0)
            return runChildMode(argc, argv, sinceMain);
    try {
        return runParent(argc, argv);
    } catch (const std::exception &e) {
        std::fprintf(stderr, "benchmark failed: %s\n", e.what());
        return 2;
    }
}
