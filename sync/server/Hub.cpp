#include "Hub.h"

#include <QDebug>

#include <algorithm>
#include <map>

namespace ibc::sync::server {

namespace {

// Users with the same role and partners see the same changes.
QString scopeKey(const models::User &user)
{
    QStringList partners = user.partners;
    partners.sort();
    return QString::number(int(user.role)) + QLatin1Char(':') + partners.join(QLatin1Char(','));
}

} // namespace

Hub::Hub(Store &store, PostAfter postAfter, std::chrono::milliseconds interval)
    : m_store(store), m_postAfter(std::move(postAfter)), m_interval(interval)
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
    for (const auto &[key, group] : byScope) {
        try {
            const qint64 seq = m_store.latestSeq(group.front()->user());
            for (PokeTarget *t : group)
                t->poke(seq);
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
