#pragma once

#include "Store.h"

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

// Tells connected clients about commits. After each commit (committed()), one pass asks the store
// for the newest seq of each distinct scope among the connected users (once per scope, not per
// client) and pokes the clients whose scope moved on. Passes never overlap: commits that land
// during a pass cause exactly one more pass, so a burst of commits costs a few passes, not one
// per commit. The store decides scope, so a user is never told of a change they may not see.
//
// Thread safe. `post` runs a pass off the caller's thread (on the store's pool).
class Hub {
public:
    Hub(Store &store, std::function<void(std::function<void()>)> post);

    void add(const std::shared_ptr<PokeTarget> &target);
    void remove(const PokeTarget *target);
    void committed();
    std::size_t size() const;

private:
    void pass();

    Store &m_store;
    std::function<void(std::function<void()>)> m_post;
    mutable std::mutex m_mutex;
    // The raw pointer identifies an entry without locking its weak_ptr: a shared_ptr made under
    // m_mutex could be the last one, and run a target's destructor (which calls remove()) there.
    struct Entry {
        const PokeTarget *raw;
        std::weak_ptr<PokeTarget> weak;
    };
    std::vector<Entry> m_targets;
    bool m_running = false;
    bool m_again = false;
};

} // namespace ibc::sync::server
