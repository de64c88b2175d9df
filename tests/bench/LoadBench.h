#pragma once

#include "domain/Clock.h"

#include <QList>
#include <QString>

#include <map>

namespace ibc::bench {

struct LoadOptions {
    qint64 items = 1000000;
    quint64 seed = 42;
    models::EpochSecs anchor = 0;
    QString dir;                // where the load's files go; the kept cache too
    QString keepAs;             // the cache file to leave behind for the queue part
    QList<int> batchSizes;      // candidates for Cache::insertGenerated's batch
    qint64 trialItems = 200000; // items each batch-size trial loads
    int rounds = 2;             // full loads of each path, alternating; the best of each counts
};

struct LoadResults {
    qint64 items = 0, notes = 0, events = 0;
    double generateSeconds = 0;       // DemoGenerator::next for every item
    std::map<int, double> trialRates; // batch size -> items/s over trialItems
    int bestBatch = 0;
    std::vector<double> oursSeconds;     // each full load through Cache::insertGenerated
    std::vector<double> bulkSeconds;     // each full load through Cache::BulkLoad (add + finish)
    std::vector<double> baselineSeconds; // each full load through the raw sqlite3 loop
    double prepareBaselineSeconds = 0;   // precomputing the baseline's strings (not timed into it)
    bool sameContent = false;            // all three files hold the same rows, checked by aggregate
    double generatorPeakRssMiB = 0;
};

// Generates the items once, finds the fastest batch size for Cache::insertGenerated, then loads
// every item through Cache::insertGenerated (indexes kept up to date), through Cache::BulkLoad (the
// desk's own bulk path: indexes dropped, rebuilt and analysed at the end) and through a plain
// sqlite3 prepared-insert loop into the identical schema. Leaves the BulkLoad file as keepAs.
LoadResults runLoadBench(const LoadOptions &options);

} // namespace ibc::bench
