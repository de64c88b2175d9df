#include "server/Metrics.h"

namespace ibc::sync::server {

void Metrics::requestServed(const QString &route, int status, double seconds)
{
    std::lock_guard lock(m_mutex);
    ++m_requests[{route, status}];
    Histogram &h = m_latency[route];
    ++h.count;
    h.sum += seconds;
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
        if (seconds <= kBuckets[i]) {
            ++h.buckets[i];
            break;
        }
    }
}

void Metrics::commandsDecided(const std::vector<CommandOutcome> &outcomes)
{
    for (const CommandOutcome &o : outcomes) {
        switch (o.kind) {
        case CommandOutcome::Kind::Applied: ++m_applied; break;
        case CommandOutcome::Kind::Rejected: ++m_rejected; break;
        case CommandOutcome::Kind::Conflict: ++m_conflicts; break;
        }
    }
}

QByteArray Metrics::render() const
{
    QByteArray out;
    out.reserve(8192);
    auto line = [&out](const QByteArray &text) { out += text + '\n'; };
    auto num = [](double v) { return QByteArray::number(v, 'g', 10); };

    std::lock_guard lock(m_mutex);
    line("# HELP ibc_http_requests_total HTTP requests answered, by route and status.");
    line("# TYPE ibc_http_requests_total counter");
    for (const auto &[key, n] : m_requests)
        line("ibc_http_requests_total{path=\"" + key.first.toUtf8() + "\",status=\"" + QByteArray::number(key.second) +
             "\"} " + QByteArray::number(n));

    line("# HELP ibc_http_request_duration_seconds Time from a request read to its response written.");
    line("# TYPE ibc_http_request_duration_seconds histogram");
    for (const auto &[route, h] : m_latency) {
        const QByteArray path = "path=\"" + route.toUtf8() + "\"";
        quint64 cumulative = 0;
        for (std::size_t i = 0; i < kBuckets.size(); ++i) {
            cumulative += h.buckets[i];
            line("ibc_http_request_duration_seconds_bucket{" + path + ",le=\"" + num(kBuckets[i]) + "\"} " +
                 QByteArray::number(cumulative));
        }
        line("ibc_http_request_duration_seconds_bucket{" + path + ",le=\"+Inf\"} " + QByteArray::number(h.count));
        line("ibc_http_request_duration_seconds_sum{" + path + "} " + num(h.sum));
        line("ibc_http_request_duration_seconds_count{" + path + "} " + QByteArray::number(h.count));
    }

    line("# HELP ibc_commands_total Commands decided, by outcome.");
    line("# TYPE ibc_commands_total counter");
    line("ibc_commands_total{outcome=\"applied\"} " + QByteArray::number(m_applied.load()));
    line("ibc_commands_total{outcome=\"rejected\"} " + QByteArray::number(m_rejected.load()));
    line("ibc_commands_total{outcome=\"conflict\"} " + QByteArray::number(m_conflicts.load()));

    line("# HELP ibc_login_failures_total Sign-ins refused for wrong credentials.");
    line("# TYPE ibc_login_failures_total counter");
    line("ibc_login_failures_total " + QByteArray::number(m_loginFailures.load()));

    line("# HELP ibc_http_connections Open HTTP connections (WebSockets not included).");
    line("# TYPE ibc_http_connections gauge");
    line("ibc_http_connections " + QByteArray::number(m_connections.load()));

    line("# HELP ibc_websocket_clients Connected WebSocket clients.");
    line("# TYPE ibc_websocket_clients gauge");
    line("ibc_websocket_clients " + QByteArray::number(m_websockets.load()));

    line("# HELP ibc_websocket_dropped_total WebSocket clients dropped for reading too slowly.");
    line("# TYPE ibc_websocket_dropped_total counter");
    line("ibc_websocket_dropped_total " + QByteArray::number(m_websocketsDropped.load()));

    line("# HELP ibc_websocket_pokes_total Pokes sent to WebSocket clients.");
    line("# TYPE ibc_websocket_pokes_total counter");
    line("ibc_websocket_pokes_total " + QByteArray::number(m_pokes.load()));
    return out;
}

} // namespace ibc::sync::server
