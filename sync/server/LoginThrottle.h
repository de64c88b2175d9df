#pragma once

#include "domain/Clock.h"

#include <QString>

#include <chrono>
#include <mutex>
#include <string>
#include <unordered_map>

namespace ibc::sync::server {

// Slows down guessing: how long to hold a sign-in before checking it, from the recent failures
// for its username and from its address. The first few failures cost nothing (people mistype);
// after that each failure doubles the wait, up to a cap. Failures are forgotten after a quiet
// window. An address is allowed more failures than a username, since many people may share one
// (an office behind NAT). Thread safe; memory is bounded (old entries are pruned).
class LoginThrottle {
public:
    struct Policy {
        int freeFailures = 3; // per username, before any wait
        int freeFailuresPerAddress = 20;
        std::chrono::milliseconds firstDelay{250};
        std::chrono::milliseconds maxDelay{15000};
        models::EpochSecs window = 15 * 60; // failures older than this are forgotten
        std::size_t maxEntries = 100000;
    };

    explicit LoginThrottle(const models::Clock &clock) : LoginThrottle(clock, Policy{}) {}
    LoginThrottle(const models::Clock &clock, Policy policy) : m_clock(clock), m_policy(policy) {}

    std::chrono::milliseconds delayFor(const QString &username, const std::string &address);
    void failed(const QString &username, const std::string &address);
    void succeeded(const QString &username);

private:
    struct Entry {
        int failures = 0;
        models::EpochSecs last = 0;
    };
    int recent(const std::unordered_map<std::string, Entry> &map, const std::string &key, models::EpochSecs now) const;
    void bump(std::unordered_map<std::string, Entry> &map, const std::string &key, models::EpochSecs now);
    std::chrono::milliseconds delayAfter(int excess) const;

    const models::Clock &m_clock;
    Policy m_policy;
    std::mutex m_mutex;
    std::unordered_map<std::string, Entry> m_byUser, m_byAddress;
};

} // namespace ibc::sync::server
