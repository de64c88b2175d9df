#include "cache/DemoLoad.h"

#include <future>

namespace ibc::models {

qint64 loadDemo(Cache &cache, qint64 count, quint64 seed, EpochSecs anchor,
                const std::function<bool(qint64 written)> &progress)
{
    constexpr qint64 kBatch = 20000;
    const auto users = DemoGenerator::demoUsers();
    cache.saveUsers(users);
    if (!cache.currentUser())
        cache.setCurrentUser(users.front());

    DemoGenerator generator(seed, anchor);
    auto makeBatch = [&generator](qint64 n) {
        std::vector<GeneratedItem> batch;
        batch.reserve(std::size_t(n));
        for (qint64 i = 0; i < n; ++i)
            batch.push_back(generator.next());
        return batch;
    };

    Cache::BulkLoad load(cache);
    qint64 written = 0;
    // One batch ahead: the generator (used by one thread at a time) fills the next batch while
    // this thread writes the current one.
    std::future<std::vector<GeneratedItem>> next = std::async(std::launch::async, makeBatch, std::min(kBatch, count));
    while (written < count) {
        std::vector<GeneratedItem> batch = next.get();
        const qint64 after = written + qint64(batch.size());
        if (after < count)
            next = std::async(std::launch::async, makeBatch, std::min(kBatch, count - after));
        load.add(batch);
        written = after;
        if (progress && !progress(written)) {
            if (next.valid())
                next.wait();
            break;
        }
    }
    load.finish();
    return written;
}

} // namespace ibc::models
