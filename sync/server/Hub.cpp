#include "server/Hub.h"

#include <QDebug>

#include <algorithm>
#include <map>
#include <thread>

namespace ibc::sync::server {

namespace {

constexpr std::size_t kPokesAtOnce = 50;
constexpr std::chrono::microseconds kPokeBreath{1000};

// Users with the same role and partners see the same changes.
QString scopeKey(const models::User &user)
{
    QStringList partners = user.partners;
    partners.sort();
    return QString::number(int(user.role)) + QLatin1Char(':') + partners.join(QLatin1Char(','));
}

} // namespace

Hub::Hub(Store &store, PostAfter postAfter, std::chrono::milliseconds interval)
    : m_store(store)
    , m_postAfter(std::move(postAfter))
    , m_interval(interval)
{
}

void Hub::add(const std::shared_ptr<PokeTarget> &target)
{
    {
        std::lock_guard lock(m_mutex);
        m_targets.push_back(Entry{target.get(), target});
    }
    committed(); // a pass tells the newcomer where the feed stands
}

void Hub::remove(const PokeTarget *target)
{
    std::lock_guard lock(m_mutex);
    std::erase_if(m_targets, [&](const Entry &e) { return e.raw == target || e.weak.expired(); });
}

std::size_t Hub::size() const
{
    std::lock_guard lock(m_mutex);
    return m_targets.size();
}

void Hub::committed()
{
    std::chrono::milliseconds delay{0};
    {
        std::lock_guard lock(m_mutex);
        if (m_scheduled)
            return;
        if (m_running) {
            m_rerun = true;
            return;
        }
        m_scheduled = true;
        const auto due = m_lastPass + m_interval;
        const auto now = std::chrono::steady_clock::now();
        if (due > now)
            delay = std::chrono::ceil<std::chrono::milliseconds>(due - now);
    }
    m_postAfter(delay, [this] { pass(); });
}

void Hub::pass()
{
    std::vector<std::shared_ptr<PokeTarget>> targets;
    {
        std::lock_guard lock(m_mutex);
        m_scheduled = false;
        m_running = true;
        m_lastPass = std::chrono::steady_clock::now();
        targets.reserve(m_targets.size());
        std::erase_if(m_targets, [&](const Entry &e) {
            if (auto t = e.weak.lock()) {
                targets.push_back(std::move(t)); // released after the lock, at the end of the pass
                return false;
            }
            return true;
        });
    }
    std::map<QString, std::vector<PokeTarget *>> byScope;
    for (const auto &t : targets)
        byScope[scopeKey(t->user())].push_back(t.get());
    // Pokes go out a few dozen at a time with a breath between: a thousand queued at once on the
    // sockets' threads would hold up every HTTP answer queued behind them for the whole burst.
    // Spread like this, a pass over 1,000 clients takes about 20 ms of the 100 between passes.
    std::size_t sent = 0;
    for (const auto &[key, group] : byScope) {
        try {
            const qint64 seq = m_store.latestSeq(group.front()->user());
            for (PokeTarget *t : group) {
                t->poke(seq);
                if (++sent % kPokesAtOnce == 0)
                    std::this_thread::sleep_for(kPokeBreath);
            }
        } catch (const std::exception &e) {
            qWarning("ibc-store: could not read the newest change for live clients: %s", e.what());
        }
    }
    bool again = false;
    {
        std::lock_guard lock(m_mutex);
        m_running = false;
        again = m_rerun;
        m_rerun = false;
    }
    if (again)
        committed();
}

} // namespace ibc::sync::server
