#pragma once

#include "cache/Cache.h"

#include <functional>

namespace ibc::models {

// Fills a cache with `count` demo items from DemoGenerator(seed, anchor), with the demo accounts.
// Generation runs on a second thread while the cache writes the previous batch, so the two
// overlap. `progress` is called after each batch with the number written; returning false stops
// the load (what was written stays). Returns the number of items written.
qint64 loadDemo(Cache &cache, qint64 count, quint64 seed, EpochSecs anchor,
                const std::function<bool(qint64 written)> &progress = {});

} // namespace ibc::models
