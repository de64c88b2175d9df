// ibc-bench-checks: what the UK checks and the masking cost the desk at a million items
// (docs/bench.md). Each figure is measured with the checks off and on, interleaved in one run
// (off and on alternate, and which goes first alternates by round), and the medians compared:
//
// first sync: N demo items (1 in 200 marked sensitive) written into an empty cache as the sync
//             engine writes a first sync: Cache::BulkLoad, Cache::applyChanges a page of 10,000 at
//             a time with its checkpoint, then the indexes built once. On: the same, plus, per
//             item before its page is written, what a desk would run to show its checks:
//             fieldProblems, bankDetailsCheck, displayField of its personal fields (masked),
//             checkReason for the kind's first outcome, and WorkItem::summary (the sensitive mask).
//             In process: no store, no HTTP and no JSON, so the checks weigh more here than in a
//             real sync, whose denominator is larger.
// queue:      on the cache the last round left: QueueReader::rowIds for every item by due, then
//             the first pages read with QueueReader::rows. On: the same, plus, per row read, the
//             row's item read (Cache::itemAtRow), its summary masked and every field the panel
//             shows formatted by displayField.
//
// Neither check is on these paths in the product today (the cache's own mask in summary() and the
// search text is, in both off and on): the on figures are upper bounds, the work a desk would add.
//
//   ibc-bench-checks --data-dir DIR [--items N] [--seed S] [--rounds R] [--queue-rounds R]
//                    [--queue-pages P] [--sensitive-every K]
//
// Exit status: 0 when both ratios are within 1.05, 1 when one is not, 2 when the bench could not run.

#include "BenchUtil.h"
#include "cache/Cache.h"
#include "cache/QueueReader.h"
#include "domain/DemoGenerator.h"
#include "domain/Fields.h"
#include "domain/FourEyes.h"
#include "domain/Sla.h"
#include "RawLoad.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QLoggingCategory>

#include <algorithm>
#include <optional>
#include <span>
#include <vector>

using namespace ibc;
using namespace ibc::bench;

namespace {

constexpr double kTarget = 1.05;        // checks on / checks off, medians
constexpr qsizetype kPageItems = 10000; // a page of the change feed, as the desk asks for it
constexpr int kQueuePageRows = 128;     // QueueModel::kPageSize

struct Options {
    qint64 items = 1000000;
    quint64 seed = 42;
    int rounds = 3;
    int queueRounds = 15;
    int queuePages = 3;
    int sensitiveEvery = 200;
    QString dir;
};

// Keeps the checks' results alive, so that the compiler cannot drop the work.
qint64 g_sink = 0;

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n == 0 ? -1 : n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

QString verdictLine(double ratio)
{
    if (ratio <= kTarget)
        return QStringLiteral("PASS");
    noteFailure();
    return QStringLiteral("MISS");
}

std::vector<models::GeneratedItem> generate(const Options &o)
{
    say(QStringLiteral("generating %1 items (seed %2), 1 in %3 sensitive …")
            .arg(grouped(double(o.items)))
            .arg(o.seed)
            .arg(o.sensitiveEvery));
    Stopwatch sw;
    models::DemoGenerator gen(o.seed, models::DemoGenerator::defaultAnchor());
    std::vector<models::GeneratedItem> items;
    items.reserve(std::size_t(o.items));
    for (qint64 i = 1; i <= o.items; ++i) {
        items.push_back(gen.next());
        if (i % o.sensitiveEvery == 0)
            items.back().item.sensitive = QStringLiteral("grievance");
    }
    say(QStringLiteral("  generated in %1 s").arg(fixed(sw.seconds(), 1)));
    return items;
}

// The item's details as ItemPanel::fillDetails shows them: every field it shows, through
// displayField, personal data masked to its last four.
qint64 formatAsPanel(const models::WorkItem &it)
{
    qint64 n = 0;
    for (const models::FieldSpec &spec : models::fieldSpecs(it.kind, it.subtype)) {
        const QJsonValue v = it.fields.value(QLatin1String(spec.key));
        if (v.isUndefined() && !spec.required && spec.type != models::FieldType::NiNumber)
            continue;
        n += models::displayField(spec, v).size();
    }
    return n;
}

// Masks each personal field the item has (account and NI numbers) as the desk shows it.
qint64 maskPersonal(const models::WorkItem &it)
{
    qint64 n = 0;
    for (const models::FieldSpec &spec : models::fieldSpecs(it.kind, it.subtype))
        if (models::isPersonalData(spec.type))
            n += models::displayField(spec, it.fields.value(QLatin1String(spec.key))).size();
    return n;
}

// What a desk would run per item to show its checks, each part on its own so that the report can
// say where the time goes: the UK validators over its fields, the bank-details modulus check, its
// personal fields masked, whether its kind's first outcome needs a second person, and the list's
// summary (the sensitive mask).
enum class Check { Fields, Bank, Mask, FourEyes, Summary };
constexpr Check kAllChecks[] = {Check::Fields, Check::Bank, Check::Mask, Check::FourEyes, Check::Summary};

QString checkName(Check c)
{
    switch (c) {
    case Check::Fields: return QStringLiteral("fieldProblems");
    case Check::Bank: return QStringLiteral("bankDetailsCheck");
    case Check::Mask: return QStringLiteral("displayField of the personal fields");
    case Check::FourEyes: return QStringLiteral("checkReason, the kind's first outcome");
    case Check::Summary: return QStringLiteral("summary() (the sensitive mask)");
    }
    return {};
}

qint64 runCheck(Check c, const models::WorkItem &it, const models::SlaRules &rules)
{
    switch (c) {
    case Check::Fields: return qint64(models::fieldProblems(it.kind, it.subtype, it.fields).size());
    case Check::Bank: {
        const auto bank = models::bankDetailsCheck(it);
        return bank ? bank->message.size() : 0;
    }
    case Check::Mask: return maskPersonal(it);
    case Check::FourEyes:
        return models::checkReason(it, QLatin1String(models::outcomes(it.kind).front()),
                                   rules.policy(it.partner, it.kind, it.subtype))
            .size();
    case Check::Summary: return it.summary().size();
    }
    return 0;
}

void runChecks(std::span<const models::GeneratedItem> page, const models::SlaRules &rules)
{
    qint64 n = 0;
    for (const models::GeneratedItem &g : page)
        for (const Check c : kAllChecks)
            n += runCheck(c, g.item, rules);
    g_sink += n;
}

// Each check alone over every item, once, untimed by the ratios: where the checks' time goes.
std::vector<double> checkBreakdown(const std::vector<models::GeneratedItem> &items)
{
    const auto rules = models::SlaRules::defaults();
    std::vector<double> seconds;
    for (const Check c : kAllChecks) {
        Stopwatch sw;
        qint64 n = 0;
        for (const models::GeneratedItem &g : items)
            n += runCheck(c, g.item, *rules);
        seconds.push_back(sw.seconds());
        g_sink += n;
    }
    return seconds;
}

struct SyncRound {
    double pagesSeconds = 0;  // every page written
    double totalSeconds = 0;  // and the indexes built
    double checksSeconds = 0; // of which the checks (on only)
};

// A first sync's writes into a fresh cache at `path`, as SyncEngine::pull makes them.
SyncRound firstSync(const QString &path, const std::vector<models::GeneratedItem> &items, bool checks)
{
    auto cache = freshCache(path); // as the desk makes it, outside the timing
    const auto rules = cache->slaRules();
    SyncRound r;
    Stopwatch sw;
    {
        models::Cache::BulkLoad bulk(*cache);
        const std::span<const models::GeneratedItem> all(items);
        qint64 seq = 0;
        for (std::size_t first = 0; first < all.size(); first += std::size_t(kPageItems)) {
            const auto page = all.subspan(first, std::min(all.size() - first, std::size_t(kPageItems)));
            if (checks) {
                Stopwatch c;
                runChecks(page, *rules);
                r.checksSeconds += c.seconds();
            }
            seq += qint64(page.size());
            cache->applyChanges(page, seq);
        }
        r.pagesSeconds = sw.seconds();
        bulk.finish();
    }
    r.totalSeconds = sw.seconds();
    return r;
}

struct SyncFigures {
    std::vector<double> offPages, onPages, offTotal, onTotal, checks;
};

SyncFigures runFirstSync(const Options &o, const std::vector<models::GeneratedItem> &items, const QString &keep)
{
    say(QStringLiteral("\n== First sync into an empty cache, checks off and on (load %1) ==").arg(loadAverage()));
    SyncFigures f;
    const QString work = o.dir + QStringLiteral("/checks-work.sqlite");
    for (int round = 1; round <= o.rounds; ++round) {
        const bool onFirst = round % 2 == 1;
        for (const bool on : {onFirst, !onFirst}) {
            const bool last = round == o.rounds && on != onFirst;
            const QString path = last ? keep : work;
            const SyncRound r = firstSync(path, items, on);
            (on ? f.onPages : f.offPages).push_back(r.pagesSeconds);
            (on ? f.onTotal : f.offTotal).push_back(r.totalSeconds);
            if (on)
                f.checks.push_back(r.checksSeconds);
            say(QStringLiteral("  round %1, checks %2: pages written %3 s, indexes built %4 s%5 (load %6)")
                    .arg(round)
                    .arg(on ? QStringLiteral("on ") : QStringLiteral("off"), fixed(r.pagesSeconds, 1),
                         fixed(r.totalSeconds, 1),
                         on ? QStringLiteral("; the checks %1 s").arg(fixed(r.checksSeconds, 2)) : QString(),
                         loadAverage()));
            if (!last)
                removeDb(path);
        }
    }
    return f;
}

struct QueueFigures {
    std::vector<double> offMs, onMs, readMs, maskMs;
    std::size_t rows = 0, shown = 0;
};

// The million-item queue as the desk first reads it: every item's row id by due, then the first
// pages. On: each row's item read and shown masked as the panel would show it.
QueueFigures runQueue(const Options &o, const QString &path)
{
    say(QStringLiteral("\n== The million-item queue, checks off and on (load %1) ==").arg(loadAverage()));
    auto cache = models::Cache::open(path);
    models::QueueReader reader(path);
    models::QueueFilter filter;
    filter.scope = models::QueueFilter::Scope::Everything;
    QueueFigures f;
    const auto once = [&](bool on) {
        Stopwatch sw;
        const std::vector<qint64> ids = reader.rowIds(filter, models::QueueSort::Due, false);
        const std::size_t shown = std::min(ids.size(), std::size_t(o.queuePages) * kQueuePageRows);
        qint64 n = 0;
        double read = 0, mask = 0;
        for (std::size_t first = 0; first < shown; first += kQueuePageRows) {
            const auto page = std::span(ids).subspan(first, std::min<std::size_t>(kQueuePageRows, shown - first));
            for (const models::QueueRow &row : reader.rows(page)) {
                n += row.summary.size();
                if (!on)
                    continue;
                Stopwatch p;
                const auto it = cache->itemAtRow(row.row);
                read += p.ms();
                p.restart();
                if (it)
                    n += it->summary().size() + formatAsPanel(*it);
                mask += p.ms();
            }
        }
        g_sink += n;
        (on ? f.onMs : f.offMs).push_back(sw.ms());
        if (on) {
            f.readMs.push_back(read);
            f.maskMs.push_back(mask);
        }
        f.rows = ids.size();
        f.shown = shown;
    };
    once(false); // warm: the first read of the file pays for the page cache
    once(true);
    f = QueueFigures{};
    for (int round = 1; round <= o.queueRounds; ++round) {
        const bool onFirst = round % 2 == 1;
        once(onFirst);
        once(!onFirst);
    }
    return f;
}

void report(const Options &o, const SyncFigures &s, const std::vector<double> &breakdown, const QueueFigures &q)
{
    say(QStringLiteral("\n=== results: %1 items, 1 in %2 sensitive ===")
            .arg(grouped(double(o.items)))
            .arg(o.sensitiveEvery));
    const auto line = [](const QString &what, double off, double on, const QString &unit) {
        const double ratio = on / off;
        say(QStringLiteral("%1 off %2  on %3  ratio %4 (target ≤ %5) %6")
                .arg(what.leftJustified(44), (fixed(off, unit == QLatin1String("ms") ? 1 : 2) + unit).leftJustified(10),
                     (fixed(on, unit == QLatin1String("ms") ? 1 : 2) + unit).leftJustified(10), fixed(ratio, 3),
                     fixed(kTarget, 2), verdictLine(ratio)));
    };
    line(QStringLiteral("first sync, pages written (medians):"), median(s.offPages), median(s.onPages),
         QStringLiteral(" s"));
    line(QStringLiteral("first sync, to the indexes built (medians):"), median(s.offTotal), median(s.onTotal),
         QStringLiteral(" s"));
    say(QStringLiteral("  (%1 rounds of each, interleaved; the checks alone: median %2 s, %3 µs an item)")
            .arg(s.offPages.size())
            .arg(fixed(median(s.checks), 2), fixed(median(s.checks) * 1e6 / double(o.items), 2)));
    for (std::size_t i = 0; i < breakdown.size(); ++i)
        say(QStringLiteral("    %1 %2 s over every item, %3 µs an item")
                .arg((checkName(kAllChecks[i]) + QLatin1Char(':')).leftJustified(40), fixed(breakdown[i], 2),
                     fixed(breakdown[i] * 1e6 / double(o.items), 2)));
    line(QStringLiteral("queue: all items by due, %1 rows read (medians):").arg(q.shown), median(q.offMs),
         median(q.onMs), QStringLiteral("ms"));
    say(QStringLiteral("  (%1 rows in the queue; %2 rounds of each, interleaved; of the on figure, reading the rows' "
                       "items (Cache::itemAtRow) median %3 ms, masking and formatting them %4 ms)")
            .arg(grouped(double(q.rows)))
            .arg(q.offMs.size())
            .arg(fixed(median(q.readMs), 1), fixed(median(q.maskMs), 1)));
    say(QStringLiteral("  (upper bounds: neither the checks nor the panel's masking run on these paths today)"));
    if (o.items < 1000000)
        say(QStringLiteral("(the question is asked for 1,000,000 items)"));
}

std::optional<Options> parse(const QCoreApplication &app)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral("What the UK checks and the masking cost the first sync and the queue"));
    p.addHelpOption();
    p.addOptions({
        {QStringLiteral("data-dir"), QStringLiteral("Where the cache files go (required)."), QStringLiteral("dir")},
        {QStringLiteral("items"), QStringLiteral("Items (default 1000000)."), QStringLiteral("n"),
         QStringLiteral("1000000")},
        {QStringLiteral("seed"), QStringLiteral("Generator seed (default 42)."), QStringLiteral("s"),
         QStringLiteral("42")},
        {QStringLiteral("rounds"), QStringLiteral("First syncs of each, off and on (default 3)."), QStringLiteral("n"),
         QStringLiteral("3")},
        {QStringLiteral("queue-rounds"), QStringLiteral("Queue reads of each (default 15)."), QStringLiteral("n"),
         QStringLiteral("15")},
        {QStringLiteral("queue-pages"), QStringLiteral("Pages of 128 rows read (default 3)."), QStringLiteral("n"),
         QStringLiteral("3")},
        {QStringLiteral("sensitive-every"), QStringLiteral("One item in this many sensitive (default 200)."),
         QStringLiteral("k"), QStringLiteral("200")},
    });
    p.process(app);
    Options o;
    o.items = p.value(QStringLiteral("items")).toLongLong();
    o.seed = p.value(QStringLiteral("seed")).toULongLong();
    o.rounds = std::max(1, p.value(QStringLiteral("rounds")).toInt());
    o.queueRounds = std::max(1, p.value(QStringLiteral("queue-rounds")).toInt());
    o.queuePages = std::max(1, p.value(QStringLiteral("queue-pages")).toInt());
    o.sensitiveEvery = std::max(1, p.value(QStringLiteral("sensitive-every")).toInt());
    if (!p.isSet(QStringLiteral("data-dir")) || o.items < 1000) {
        say(QStringLiteral("--data-dir is required, and --items must be at least 1000"));
        return std::nullopt;
    }
    o.dir = QDir(p.value(QStringLiteral("data-dir"))).absolutePath();
    QDir().mkpath(o.dir);
    return o;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(QStringLiteral("ibc.cache.info=false"));
    const auto o = parse(app);
    if (!o)
        return 2;
    say(QStringLiteral("IBC Desk checks benchmark — %1 items, seed %2, files in %3")
            .arg(grouped(double(o->items)))
            .arg(o->seed)
            .arg(o->dir));
    try {
        const QString kept = o->dir + QStringLiteral("/checks-last.sqlite");
        SyncFigures s;
        std::vector<double> breakdown;
        {
            const auto items = generate(*o);
            models::ModulusChecker::current(); // the shipped tables, loaded before any clock starts
            s = runFirstSync(*o, items, kept);
            breakdown = checkBreakdown(items);
        } // the generated items go before the queue is read
        const QueueFigures q = runQueue(*o, kept);
        removeDb(kept);
        report(*o, s, breakdown, q);
    } catch (const std::exception &e) {
        say(QStringLiteral("the checks benchmark could not run: %1").arg(QString::fromUtf8(e.what())));
        return 2;
    }
    say(failures() ? QStringLiteral("%1 check(s) cost more than 5%").arg(failures())
                   : QStringLiteral("the checks and the masking cost no more than 5%"));
    return g_sink < 0 ? 2 : failures() ? 1 : 0;
}
