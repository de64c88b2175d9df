#include "server/LoginThrottle.h"

#include <algorithm>

namespace ibc::sync::server {

int LoginThrottle::recent(const std::unordered_map<std::string, Entry> &map, const std::string &key,
                          models::EpochSecs now) const
{
    auto it = map.find(key);
    if (it == map.end() || now - it->second.last > m_policy.window)
        return 0;
    return it->second.failures;
}

void LoginThrottle::bump(std::unordered_map<std::string, Entry> &map, const std::string &key, models::EpochSecs now)
{
    if (map.size() >= m_policy.maxEntries) {
        std::erase_if(map, [&](const auto &kv) { return now - kv.second.last > m_policy.window; });
        if (map.size() >= m_policy.maxEntries)
            map.clear(); // a flood of distinct names: forget them rather than grow without bound
    }
    Entry &e = map[key];
    if (now - e.last > m_policy.window)
        e.failures = 0;
    ++e.failures;
    e.last = now;
}

std::chrono::milliseconds LoginThrottle::delayAfter(int excess) const
{
    if (excess <= 0)
        return std::chrono::milliseconds(0);
    const int doublings = std::min(excess - 1, 20);
    return std::min<std::chrono::milliseconds>(m_policy.firstDelay * (qint64(1) << doublings), m_policy.maxDelay);
}

std::chrono::milliseconds LoginThrottle::delayFor(const QString &username, const std::string &address)
{
    const models::EpochSecs now = m_clock.now();
    std::lock_guard lock(m_mutex);
    const int byUser = recent(m_byUser, username.toLower().toStdString(), now) - m_policy.freeFailures + 1;
    const int byAddress = recent(m_byAddress, address, now) - m_policy.freeFailuresPerAddress + 1;
    return delayAfter(std::max(byUser, byAddress));
}

void LoginThrottle::failed(const QString &username, const std::string &address)
{
    const models::EpochSecs now = m_clock.now();
    std::lock_guard lock(m_mutex);
    bump(m_byUser, username.toLower().toStdString(), now);
    bump(m_byAddress, address, now);
}

void LoginThrottle::succeeded(const QString &username)
{
    std::lock_guard lock(m_mutex);
    m_byUser.erase(username.toLower().toStdString());
}

} // namespace ibc::sync::server
