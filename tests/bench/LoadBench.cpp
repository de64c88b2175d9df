#include "LoadBench.h"

#include "BenchUtil.h"
#include "cache/Cache.h"
#include "domain/DemoGenerator.h"
#include "RawLoad.h"

#include <QDir>
#include <QFile>

#include <sqlite3.h>

namespace ibc::bench {

using models::Cache;
using models::GeneratedItem;

namespace {

double loadOurs(const QString &path, const std::vector<GeneratedItem> &items, std::size_t count, std::size_t batch)
{
    auto cache = freshCache(path);
    const std::span all(items.data(), count);
    Stopwatch sw;
    for (std::size_t off = 0; off < count; off += batch)
        cache->insertGenerated(all.subspan(off, std::min(batch, count - off)));
    return sw.seconds();
}

// The desk's bulk path, as ibc-desk --generate-demo uses it; the time includes rebuilding the
// indexes and ANALYZE at the end, so that the file is as ready to use as the baseline's.
double loadBulk(const QString &path, const std::vector<GeneratedItem> &items, std::size_t batch)
{
    auto cache = freshCache(path);
    const std::span all(items.data(), items.size());
    Stopwatch sw;
    {
        Cache::BulkLoad load(*cache);
        for (std::size_t off = 0; off < all.size(); off += batch)
            load.add(all.subspan(off, std::min(batch, all.size() - off)));
        load.finish();
    }
    const double seconds = sw.seconds();
    // The demo accounts, as ibc-desk --generate-demo leaves them: the desk side signs in as the first.
    const auto users = models::DemoGenerator::demoUsers();
    cache->saveUsers(users);
    cache->setCurrentUser(users.front());
    return seconds;
}

} // namespace

LoadResults runLoadBench(const LoadOptions &o)
{
    LoadResults r;
    r.items = o.items;
    QDir().mkpath(o.dir);

    say(QStringLiteral("generating %1 items (seed %2)…").arg(grouped(double(o.items))).arg(o.seed));
    std::vector<GeneratedItem> items;
    items.reserve(std::size_t(o.items));
    {
        models::DemoGenerator gen(o.seed, o.anchor);
        Stopwatch sw;
        for (qint64 i = 0; i < o.items; ++i)
            items.push_back(gen.next());
        r.generateSeconds = sw.seconds();
    }
    for (const GeneratedItem &g : items) {
        r.notes += qint64(g.notes.size());
        r.events += qint64(g.events.size());
    }
    r.generatorPeakRssMiB = peakRssMiB();

    const QString ours = o.dir + QStringLiteral("/load-ours.sqlite");
    const QString bulk = o.dir + QStringLiteral("/load-bulk.sqlite");
    const QString baseline = o.dir + QStringLiteral("/load-sqlite3.sqlite");

    // Batch sizes: each candidate loads the same first trialItems into a fresh file; two passes,
    // the best of each.
    const std::size_t trial = std::size_t(std::min(o.items, o.trialItems));
    QList<int> batches;
    for (int batch : o.batchSizes)
        if (std::size_t(batch) <= trial)
            batches << batch;
    if (batches.isEmpty())
        batches << int(trial);
    for (int pass = 0; pass < 2; ++pass) {
        for (int batch : batches) {
            const double s = loadOurs(ours, items, trial, std::size_t(batch));
            r.trialRates[batch] = std::max(r.trialRates[batch], double(trial) / s);
            say(QStringLiteral("  batch %1: %2 items/s").arg(grouped(batch), 7).arg(grouped(double(trial) / s)));
        }
    }
    r.bestBatch = std::max_element(r.trialRates.begin(), r.trialRates.end(), [](auto &a, auto &b) {
                      return a.second < b.second;
                  })->first;

    say(QStringLiteral("precomputing the baseline's rows…"));
    RawData raw;
    {
        Stopwatch sw;
        raw = prepareRaw(items);
        r.prepareBaselineSeconds = sw.seconds();
    }

    for (int round = 0; round < o.rounds; ++round) {
        const double s = loadOurs(ours, items, items.size(), std::size_t(r.bestBatch));
        r.oursSeconds.push_back(s);
        say(QStringLiteral("  round %1 insertGenerated (batch %2): %3 items/s")
                .arg(round + 1)
                .arg(grouped(r.bestBatch))
                .arg(grouped(double(o.items) / s)));
        const double k = loadBulk(bulk, items, std::size_t(r.bestBatch));
        r.bulkSeconds.push_back(k);
        say(QStringLiteral("  round %1 BulkLoad (batch %2): %3 items/s")
                .arg(round + 1)
                .arg(grouped(r.bestBatch))
                .arg(grouped(double(o.items) / k)));
        const double b = loadBaseline(baseline, raw);
        r.baselineSeconds.push_back(b);
        say(QStringLiteral("  round %1 sqlite3 loop: %2 items/s").arg(round + 1).arg(grouped(double(o.items) / b)));
    }
    raw = {};
    items.clear();
    items.shrink_to_fit();

    const QString a = fingerprint(ours), k = fingerprint(bulk), b = fingerprint(baseline);
    r.sameContent = a == b && k == b;
    if (!r.sameContent)
        say(QStringLiteral("  content differs:\n    insertGenerated %1\n    BulkLoad        %2\n    sqlite3         %3")
                .arg(a, k, b));

    removeDb(baseline);
    removeDb(ours);
    if (!o.keepAs.isEmpty() && o.keepAs != bulk) {
        removeDb(o.keepAs);
        {
            // Checkpoint so that the kept cache is one self-contained file.
            sqlite3 *db = nullptr;
            sqlite3_open_v2(bulk.toUtf8().constData(), &db, SQLITE_OPEN_READWRITE, nullptr);
            sqlite3_exec(db, "PRAGMA wal_checkpoint(TRUNCATE)", nullptr, nullptr, nullptr);
            sqlite3_close(db);
        }
        QFile::rename(bulk, o.keepAs);
        removeDb(bulk);
    }
    return r;
}

} // namespace ibc::bench
