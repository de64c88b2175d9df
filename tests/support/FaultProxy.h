#pragma once

// A TCP proxy for tests that cuts, delays and stalls the connections through it, at random but
// replayably, so that a client can be proven to survive a bad network for a bounded run and then
// converge once the faults are switched off.
//
// Guarantees:
// - Bytes are never reordered, changed or invented: each direction of a connection carries a prefix
//   of what its sender wrote, delivered late or cut off, as TCP itself may do.
// - Every random choice comes from a PRNG seeded by the plan's seed, one stream per connection and
//   direction, and every fault is tied to a byte offset in its direction, not to how the kernel
//   happened to split the stream into reads. The same plan and the same traffic, each request
//   waiting for its answer, therefore give the same faults (events()) whatever the timing: to
//   replay a failing run, rerun its seed (the proxy logs it when it starts). Timing still decides
//   how much of a direction has gone through when the other one is reset while both are flowing,
//   and when a lifetime reset falls; the delays vary with timing, but change no outcome.
// - The proxy runs on a thread and an io_context of its own; every public function may be called
//   from any thread, and those that change state have taken effect when they return.

#include <QString>
#include <QtGlobal>

#include <chrono>
#include <memory>
#include <vector>

namespace ibc::test {

struct FaultPlan {
    // Each new connection is accepted and reset at once with this probability (the client sees
    // its connection reset before any byte arrives).
    double dropConnectProbability = 0.0;

    // The stream in each direction is cut into units of `unitBytes`; independently for each unit, a
    // reset (RST to both ends, after forwarding the bytes before it) or a stall lands at a random
    // byte inside it with these probabilities. A reset can therefore fall mid-request, mid-response
    // or anywhere in a WebSocket's frames. A response of N bytes is cut with probability about
    // 1 - (1 - resetProbability)^(N / unitBytes): for a run that must still make progress, keep
    // resetProbability * N / unitBytes of the largest response well below 1 (or raise unitBytes).
    double resetProbability = 0.0;
    double stallProbability = 0.0;
    quint32 unitBytes = 1024;

    // A stall stops that direction for `stallFor`; it then goes on, or with this probability
    // resets the connection instead.
    std::chrono::milliseconds stallFor{2000};
    double stallResetProbability = 0.0;

    // Each chunk read is held back for a random time in [0, maxDelay] before it is forwarded; the
    // chunks of a direction are forwarded one after another, so order is kept.
    std::chrono::milliseconds maxDelay{0};

    // A connection is reset, with this probability, after a random time in [0, maxLifetime]
    // whatever it is doing: this is what cuts an idle WebSocket.
    double lifetimeResetProbability = 0.0;
    std::chrono::milliseconds maxLifetime{10000};

    quint64 seed = 1;
};

enum class FaultDirection { ToServer, ToClient };
enum class FaultKind {
    Drop,          // a new connection reset at once
    Reset,         // a reset at byte `at` of its direction
    Stall,         // a stall at byte `at` that went on afterwards
    StallReset,    // a stall at byte `at` that ended in a reset
    LifetimeReset, // a reset after `at` milliseconds of the connection's life
};

struct FaultEvent {
    quint64 connection = 0; // 0, 1, 2… in the order the proxy accepted them
    FaultDirection direction = FaultDirection::ToServer;
    FaultKind kind = FaultKind::Drop;
    quint64 at = 0; // the byte offset in its direction (milliseconds for LifetimeReset, 0 for Drop)

    bool operator==(const FaultEvent &) const = default;
    QString toString() const; // "#3 to-client reset at 1834"
};

struct FaultProxyStats {
    quint64 connections = 0;      // accepted, including those dropped
    quint64 open = 0;             // open now
    quint64 drops = 0;            // connections dropped at once by the plan
    quint64 resets = 0;           // resets by the plan (Reset, StallReset, LifetimeReset)
    quint64 manualResets = 0;     // connections reset by resetAll() or setDown(true)
    quint64 stalls = 0;           // stalls begun
    quint64 delays = 0;           // chunks held back for a non-zero time
    quint64 upstreamFailures = 0; // connections the target refused (the client is reset)
    quint64 bytesToServer = 0;
    quint64 bytesToClient = 0;
};

class FaultProxy {
public:
    FaultProxy(QString targetHost, quint16 targetPort, FaultPlan plan = {});
    ~FaultProxy(); // stop()
    FaultProxy(const FaultProxy &) = delete;
    FaultProxy &operator=(const FaultProxy &) = delete;

    // Listens on 127.0.0.1 on a free port and returns it (0 on failure); the port stays the same
    // across setDown() until stop().
    quint16 start();
    quint16 port() const;

    // Off: new connections and new bytes go through untouched (a stall under way runs its
    // course; resetAll() ends it). On by default.
    void setFaultsEnabled(bool enabled);

    // Down: every open connection is reset and new ones are refused (ECONNREFUSED); up: the same
    // port accepts again.
    void setDown(bool down);

    // Resets every open connection now.
    void resetAll();

    FaultProxyStats stats() const;
    // Every fault so far, ordered by connection, direction and offset (not by time, which varies).
    std::vector<FaultEvent> events() const;

    // Closes the listener and every connection, stops the thread and joins it. Prompt whatever the
    // traffic, delays and stalls; safe to call twice.
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace ibc::test
