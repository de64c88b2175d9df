#pragma once

#include "store/Store.h"

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

namespace ibc::sync::server {

// A connected live client (a WebSocket) that wants to hear of new changes in its user's scope.
class PokeTarget {
public:
    virtual ~PokeTarget() = default;
    virtual const models::User &user() const = 0;
    // The newest sequence number the user may see. Called from any thread; the target queues
    // the poke on its own strand, coalescing, and ignores a seq it has already announced.
    virtual void poke(qint64 seq) = 0;
};

// Tells connected clients about commits. After a commit (committed()), a pass asks the store for
// the newest seq of each distinct scope among the connected users (once per scope, not per
// client) and pokes the clients whose scope moved on. The store decides scope, so a user is never
// told of a change they may not see.
//
// Passes never overlap, and start at most once per `interval`: a burst of commits is told in one
// poke per client per interval, with the newest seq, so the cost of pokes is bounded by the
// number of clients, not by the rate of commits. A quiet store pokes at once.
//
// Thread safe. `postAfter` runs a pass after a delay, off the caller's thread (on the store's pool).
class Hub {
public:
    using PostAfter = std::function<void(std::chrono::milliseconds delay, std::function<void()> work)>;
    Hub(Store &store, PostAfter postAfter, std::chrono::milliseconds interval = std::chrono::milliseconds(100));

    void add(const std::shared_ptr<PokeTarget> &target);
    void remove(const PokeTarget *target);
    void committed();
    std::size_t size() const;

private:
    void pass();

    Store &m_store;
    PostAfter m_postAfter;
    std::chrono::milliseconds m_interval;
    mutable std::mutex m_mutex;
    // The raw pointer identifies an entry without locking its weak_ptr: a shared_ptr made under
    // m_mutex could be the last one, and run a target's destructor (which calls remove()) there.
    struct Entry {
        const PokeTarget *raw;
        std::weak_ptr<PokeTarget> weak;
    };
    std::vector<Entry> m_targets;
    bool m_scheduled = false; // a pass is due
    bool m_running = false;   // a pass is under way
    bool m_rerun = false;     // a commit came during the pass
    std::chrono::steady_clock::time_point m_lastPass{};
};

} // namespace ibc::sync::server
