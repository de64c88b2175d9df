#pragma once

#include "store/Store.h"

#include <QByteArray>
#include <QString>

#include <array>
#include <atomic>
#include <map>
#include <mutex>
#include <vector>

namespace ibc::sync::server {

// ibc-store's counters, rendered in the Prometheus text format for GET /metrics.
// Thread safe: every public function may be called from any thread.
class Metrics {
public:
    // One answered HTTP request: its route ("/v1/items/{id}", so that ids don't make new series),
    // status and latency.
    void requestServed(const QString &route, int status, double seconds);
    void commandsDecided(const std::vector<CommandOutcome> &outcomes);
    void loginFailed() { ++m_loginFailures; }
    void connectionOpened() { ++m_connections; }
    void connectionClosed() { --m_connections; }
    void websocketOpened() { ++m_websockets; }
    void websocketClosed() { --m_websockets; }
    void websocketDropped() { ++m_websocketsDropped; }
    void pokeSent() { ++m_pokes; }

    int websocketClients() const { return m_websockets.load(); }
    QByteArray render() const;

    // Upper bounds of the latency histogram's buckets, in seconds.
    static constexpr std::array<double, 14> kBuckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                     0.1,    0.25,  0.5,    1,     2.5,  5,     10};

private:
    struct Histogram {
        std::array<quint64, kBuckets.size()> buckets{}; // not cumulative; summed on rendering
        quint64 count = 0;
        double sum = 0;
    };

    mutable std::mutex m_mutex;
    std::map<std::pair<QString, int>, quint64> m_requests;
    std::map<QString, Histogram> m_latency;
    std::atomic<quint64> m_applied{0}, m_rejected{0}, m_conflicts{0};
    std::atomic<quint64> m_loginFailures{0}, m_websocketsDropped{0}, m_pokes{0};
    std::atomic<int> m_connections{0}, m_websockets{0};
};

} // namespace ibc::sync::server
