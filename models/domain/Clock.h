#pragma once

#include <QtGlobal>

#include <atomic>

namespace ibc::models {

// Seconds since the Unix epoch, UTC. Every time the domain stores is one of these.
using EpochSecs = qint64;

// The source of "now" for SLA states, events and notes. Injected so that tests can stand on
// a bank holiday or either side of a clock change.
class Clock {
public:
    virtual ~Clock() = default;
    virtual EpochSecs now() const = 0;
};

class SystemClock final : public Clock {
public:
    EpochSecs now() const override;
    static const SystemClock &instance();
};

// A clock that only moves when told to. Thread safe.
class ManualClock final : public Clock {
public:
    explicit ManualClock(EpochSecs start) : m_now(start) {}
    EpochSecs now() const override { return m_now.load(); }
    void set(EpochSecs t) { m_now = t; }
    void advance(EpochSecs by) { m_now += by; }

private:
    std::atomic<EpochSecs> m_now;
};

} // namespace ibc::models
