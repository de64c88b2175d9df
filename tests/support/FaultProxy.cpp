#include "FaultProxy.h"

#include <QLoggingCategory>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/connect.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>

#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <deque>
#include <exception>
#include <future>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

// Each fault as it happens, with QT_LOGGING_RULES="ibc.test.faultproxy.debug=true".
Q_LOGGING_CATEGORY(lcFaultProxy, "ibc.test.faultproxy", QtInfoMsg)

namespace asio = boost::asio;
using asio::ip::tcp;
using boost::system::error_code;

namespace ibc::test {

namespace {

constexpr auto asTuple = asio::as_tuple(asio::use_awaitable);

// A coroutine that throws is a bug in the proxy: fail loudly rather than lose a connection quietly.
void rethrow(std::exception_ptr e)
{
    if (e)
        std::rethrow_exception(e);
}

// SplitMix64: small, and the same sequence on every platform and standard library (the
// distributions of <random> are not).
class Rng {
public:
    explicit Rng(quint64 seed) : m_state(seed) {}
    quint64 next()
    {
        quint64 z = (m_state += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    double uniform() { return double(next() >> 11) * 0x1.0p-53; } // [0, 1)
    quint64 below(quint64 n) { return n == 0 ? 0 : next() % n; }

private:
    quint64 m_state;
};

// Independent streams, one per connection and purpose, so that what one connection draws never
// shifts what another does.
enum class Stream : quint64 { Connection, FaultsToServer, FaultsToClient, DelaysToServer, DelaysToClient };

quint64 streamSeed(quint64 seed, quint64 connection, Stream stream)
{
    const quint64 a = Rng(seed).next() ^ (connection * 0xd1b54a32d192ed03ULL);
    const quint64 b = Rng(a).next() ^ ((quint64(stream) + 1) * 0x8cb92ba72f3d8dd7ULL);
    return Rng(b).next();
}

// RST rather than FIN: SO_LINGER with a zero timeout makes close() abort the connection.
void resetSocket(tcp::socket &socket)
{
    error_code ignored;
    if (!socket.is_open())
        return;
    socket.set_option(asio::socket_base::linger(true, 0), ignored);
    socket.close(ignored);
}

const char *directionName(FaultDirection d) { return d == FaultDirection::ToServer ? "to-server" : "to-client"; }

const char *kindName(FaultKind k)
{
    switch (k) {
    case FaultKind::Drop: return "drop";
    case FaultKind::Reset: return "reset";
    case FaultKind::Stall: return "stall";
    case FaultKind::StallReset: return "stall then reset";
    case FaultKind::LifetimeReset: return "lifetime reset";
    }
    return "?";
}

} // namespace

QString FaultEvent::toString() const
{
    switch (kind) {
    case FaultKind::Drop: return QStringLiteral("#%1 drop").arg(connection);
    case FaultKind::LifetimeReset: return QStringLiteral("#%1 lifetime reset after %2 ms").arg(connection).arg(at);
    default:
        return QStringLiteral("#%1 %2 %3 at %4")
            .arg(connection)
            .arg(QLatin1String(directionName(direction)), QLatin1String(kindName(kind)))
            .arg(at);
    }
}

struct FaultProxy::Impl {
    struct Connection;

    Impl(QString host, quint16 hostPort, FaultPlan p) : targetHost(host.toStdString()), targetPort(hostPort), plan(p) {}

    // First, so that it is destroyed last: whatever is still queued in it may own a connection,
    // which refers to the members below.
    asio::io_context io;
    std::optional<asio::executor_work_guard<asio::io_context::executor_type>> work;
    tcp::acceptor acceptor{io};
    std::thread thread;

    const std::string targetHost;
    const quint16 targetPort;
    const FaultPlan plan;
    std::atomic<bool> faultsEnabled{true};
    std::atomic<bool> running{false};
    std::atomic<quint16> port{0};

    // The io thread's alone.
    bool down = false;
    bool stopping = false;
    quint64 acceptGeneration = 0;
    quint64 nextConnection = 0;
    std::map<quint64, std::weak_ptr<Connection>> connections;

    std::mutex lifecycle;     // guards running's fall with stop()'s last handler
    mutable std::mutex mutex; // guards counters and log
    FaultProxyStats counters;
    std::vector<FaultEvent> log;

    template <typename F>
    void count(F &&change)
    {
        std::lock_guard lock(mutex);
        change(counters);
    }
    void record(const FaultEvent &e)
    {
        qCDebug(lcFaultProxy) << "fault" << e.toString();
        std::lock_guard lock(mutex);
        log.push_back(e);
    }

    // Runs `f` on the io thread and returns once it has run; does nothing once stop() has begun.
    // Under `lifecycle`, so that `f` is queued before stop()'s last handler or not at all.
    template <typename F>
    void runOnIo(F &&f)
    {
        std::promise<void> done;
        auto ran = done.get_future();
        {
            std::lock_guard lock(lifecycle);
            if (!running)
                return;
            asio::post(io, [&] {
                f();
                done.set_value();
            });
        }
        ran.wait();
    }

    asio::awaitable<void> acceptLoop(quint64 generation);
    void resetEveryConnection(bool manual);
};

// One client connection and its connection to the target. Lives on the io thread; its two pumps
// (one per direction) and its timers hold it alive.
struct FaultProxy::Impl::Connection {
    struct Armed {
        quint64 at;
        FaultKind kind;
    };
    struct Direction {
        Direction(Rng faultDraws, Rng delayDraws) : faults(faultDraws), delays(delayDraws) {}
        Rng faults;
        Rng delays;
        quint64 offset = 0;     // bytes forwarded so far
        quint64 unitsDrawn = 0; // the plan's faults are known for units below this
        std::deque<Armed> armed;
        bool finished = false; // its sender closed it
    };

    Connection(Impl &owner, quint64 number, tcp::socket accepted)
        : proxy(owner)
        , index(number)
        , client(std::move(accepted))
        , server(owner.io)
        , resolver(proxy.io)
        , lifetime(proxy.io)
        , timers{asio::steady_timer(proxy.io), asio::steady_timer(proxy.io)}
        , directions{Direction{Rng(streamSeed(proxy.plan.seed, index, Stream::FaultsToServer)),
                               Rng(streamSeed(proxy.plan.seed, index, Stream::DelaysToServer))},
                     Direction{Rng(streamSeed(proxy.plan.seed, index, Stream::FaultsToClient)),
                               Rng(streamSeed(proxy.plan.seed, index, Stream::DelaysToClient))}}
    {
    }

    Impl &proxy;
    const quint64 index;
    tcp::socket client;
    tcp::socket server;
    tcp::resolver resolver;
    asio::steady_timer lifetime;
    asio::steady_timer timers[2];
    Direction directions[2]; // [0] to the server, [1] to the client
    int resetBy = -1;        // the direction that decided a reset: the other one forwards nothing more
    bool dead = false;       // both sockets closed

    // After each wait: whether this direction is to stop, its connection closed or being reset.
    bool over(int which) const { return dead || (resetBy >= 0 && resetBy != which); }

    // Each coroutine holds its connection alive through `self`: a coroutine's body starts only
    // when it is first resumed, and its parameters are what its frame keeps.
    asio::awaitable<void> run(std::shared_ptr<Connection> self, std::optional<std::chrono::milliseconds> resetAfter);
    asio::awaitable<void> pump(std::shared_ptr<Connection> self, int direction);
    void arm(Direction &d, quint64 end);

    // Closes both ends, with RST if `abort`, and wakes every pump and timer of this connection.
    void close(bool abort)
    {
        if (dead)
            return;
        dead = true;
        error_code ignored;
        if (abort) {
            resetSocket(client);
            resetSocket(server);
        } else {
            client.close(ignored);
            server.close(ignored);
        }
        resolver.cancel();
        lifetime.cancel();
        timers[0].cancel();
        timers[1].cancel();
        proxy.connections.erase(index);
        proxy.count([](FaultProxyStats &s) { --s.open; });
    }

    void faultReset(const FaultEvent &e)
    {
        proxy.record(e);
        proxy.count([](FaultProxyStats &s) { ++s.resets; });
        close(true);
    }
};

// Draws the plan's faults for every unit that begins before `end`: three draws per unit whatever
// the outcome, so that the faults of a unit depend only on the seed and the unit's position.
void FaultProxy::Impl::Connection::arm(Direction &d, quint64 end)
{
    const FaultPlan &plan = proxy.plan;
    const quint64 unit = std::max<quint32>(1, plan.unitBytes);
    while (d.unitsDrawn * unit < end) {
        const double what = d.faults.uniform();
        const quint64 at = d.unitsDrawn * unit + d.faults.below(unit);
        const bool thenReset = d.faults.uniform() < plan.stallResetProbability;
        if (what < plan.resetProbability)
            d.armed.push_back({at, FaultKind::Reset});
        else if (what < plan.resetProbability + plan.stallProbability)
            d.armed.push_back({at, thenReset ? FaultKind::StallReset : FaultKind::Stall});
        ++d.unitsDrawn;
    }
}

asio::awaitable<void> FaultProxy::Impl::Connection::run(std::shared_ptr<Connection> self,
                                                        std::optional<std::chrono::milliseconds> resetAfter)
{
    auto [resolveError, endpoints] =
        co_await resolver.async_resolve(proxy.targetHost, std::to_string(proxy.targetPort), asTuple);
    error_code error = resolveError;
    if (!error && !dead)
        std::tie(error, std::ignore) = co_await asio::async_connect(server, endpoints, asTuple);
    if (dead)
        co_return;
    if (error) {
        proxy.count([](FaultProxyStats &s) { ++s.upstreamFailures; });
        close(true);
        co_return;
    }
    error_code ignored;
    client.set_option(tcp::no_delay(true), ignored);
    server.set_option(tcp::no_delay(true), ignored);

    if (resetAfter) {
        lifetime.expires_after(*resetAfter);
        lifetime.async_wait([self, ms = quint64(resetAfter->count())](error_code ec) {
            if (!ec && !self->dead && self->proxy.faultsEnabled)
                self->faultReset({self->index, FaultDirection::ToServer, FaultKind::LifetimeReset, ms});
        });
    }
    asio::co_spawn(proxy.io, pump(self, 0), rethrow);
    asio::co_spawn(proxy.io, pump(self, 1), rethrow);
}

asio::awaitable<void> FaultProxy::Impl::Connection::pump([[maybe_unused]] std::shared_ptr<Connection> self, int which)
{
    tcp::socket &from = which == 0 ? client : server;
    tcp::socket &to = which == 0 ? server : client;
    Direction &d = directions[which];
    asio::steady_timer &timer = timers[which];
    const FaultDirection direction = which == 0 ? FaultDirection::ToServer : FaultDirection::ToClient;
    const FaultPlan &plan = proxy.plan;
    std::vector<char> buffer(16 * 1024);

    for (;;) {
        auto [readError, n] = co_await from.async_read_some(asio::buffer(buffer), asTuple);
        if (over(which))
            co_return;
        if (readError) {
            if (readError == asio::error::eof) {
                // Pass the half-close on; the connection ends when both directions have.
                error_code ignored;
                to.shutdown(tcp::socket::shutdown_send, ignored);
                d.finished = true;
                if (directions[0].finished && directions[1].finished)
                    close(false);
            } else {
                close(true); // the peer reset or failed: so does its other end
            }
            co_return;
        }

        const bool faults = proxy.faultsEnabled;
        const quint64 begin = d.offset;
        const quint64 end = begin + n;
        arm(d, end);
        bool delayed = false;
        std::size_t sent = 0;
        while (sent < n) {
            std::optional<Armed> fault;
            if (!d.armed.empty() && d.armed.front().at < end) {
                fault = d.armed.front();
                d.armed.pop_front();
                if (!faults)
                    continue; // passed over: the same faults lie at the same offsets either way
            }
            if (fault && (fault->kind == FaultKind::Reset || fault->kind == FaultKind::StallReset))
                resetBy = which; // from here the other direction delivers nothing, whatever its timing

            if (!delayed && faults && plan.maxDelay.count() > 0) {
                delayed = true;
                const auto hold = std::chrono::milliseconds(d.delays.below(quint64(plan.maxDelay.count()) + 1));
                if (hold.count() > 0) {
                    proxy.count([](FaultProxyStats &s) { ++s.delays; });
                    timer.expires_after(hold);
                    co_await timer.async_wait(asTuple);
                    if (over(which))
                        co_return;
                }
            }

            const std::size_t upTo = fault ? std::size_t(fault->at - begin) : n;
            if (upTo > sent) {
                auto [writeError, written] =
                    co_await asio::async_write(to, asio::buffer(buffer.data() + sent, upTo - sent), asTuple);
                proxy.count(
                    [&, w = written](FaultProxyStats &s) { (which == 0 ? s.bytesToServer : s.bytesToClient) += w; });
                if (over(which))
                    co_return;
                if (writeError) {
                    close(true);
                    co_return;
                }
                sent = upTo;
                d.offset = begin + sent;
            }
            if (!fault)
                break;

            const FaultEvent event{index, direction, fault->kind, fault->at};
            if (fault->kind == FaultKind::Reset) {
                faultReset(event);
                co_return;
            }
            proxy.record(event);
            proxy.count([](FaultProxyStats &s) { ++s.stalls; });
            timer.expires_after(plan.stallFor);
            co_await timer.async_wait(asTuple);
            if (over(which))
                co_return;
            if (fault->kind == FaultKind::StallReset) {
                proxy.count([](FaultProxyStats &s) { ++s.resets; });
                close(true);
                co_return;
            }
        }
    }
}

asio::awaitable<void> FaultProxy::Impl::acceptLoop(quint64 generation)
{
    for (;;) {
        auto [error, socket] = co_await acceptor.async_accept(asTuple);
        if (stopping || down || generation != acceptGeneration) {
            resetSocket(socket);
            co_return;
        }
        if (error) {
            if (error == asio::error::operation_aborted)
                co_return;
            qCWarning(lcFaultProxy) << "accept failed:" << error.message().c_str();
            asio::steady_timer pause(io, std::chrono::milliseconds(20)); // e.g. out of descriptors
            co_await pause.async_wait(asTuple);
            continue;
        }

        const quint64 index = nextConnection++;
        Rng draws(streamSeed(plan.seed, index, Stream::Connection));
        const bool drop = draws.uniform() < plan.dropConnectProbability;
        const bool dies = draws.uniform() < plan.lifetimeResetProbability;
        const auto after = std::chrono::milliseconds(draws.below(quint64(plan.maxLifetime.count()) + 1));
        count([](FaultProxyStats &s) { ++s.connections; });
        if (drop && faultsEnabled) {
            record({index, FaultDirection::ToServer, FaultKind::Drop, 0});
            count([](FaultProxyStats &s) { ++s.drops; });
            resetSocket(socket);
            continue;
        }
        auto connection = std::make_shared<Connection>(*this, index, std::move(socket));
        connections[index] = connection;
        count([](FaultProxyStats &s) { ++s.open; });
        asio::co_spawn(io, connection->run(connection, dies ? std::optional(after) : std::nullopt), rethrow);
    }
}

void FaultProxy::Impl::resetEveryConnection(bool manual)
{
    const auto open = connections; // close() erases from the map
    for (const auto &[index, weak] : open) {
        if (auto c = weak.lock()) {
            c->close(true);
            if (manual)
                count([](FaultProxyStats &s) { ++s.manualResets; });
        }
    }
}

FaultProxy::FaultProxy(QString targetHost, quint16 targetPort, FaultPlan plan)
    : d(std::make_unique<Impl>(std::move(targetHost), targetPort, plan))
{
}

FaultProxy::~FaultProxy() { stop(); }

quint16 FaultProxy::start()
{
    if (d->running)
        return d->port;
    // Only a port bound by number survives shutdown() of its listener (setDown) on Linux; a port
    // bound as 0 goes back to the kernel. So find a free port, then bind it by number.
    const auto loopback = asio::ip::make_address_v4("127.0.0.1");
    for (int attempt = 0; attempt < 20 && !d->acceptor.is_open(); ++attempt) {
        error_code error;
        quint16 port = 0;
        {
            tcp::acceptor probe(d->io, tcp::endpoint(loopback, 0));
            port = probe.local_endpoint().port();
        }
        d->acceptor.open(tcp::v4(), error);
        if (!error)
            d->acceptor.bind(tcp::endpoint(loopback, port), error);
        if (!error)
            d->acceptor.listen(asio::socket_base::max_listen_connections, error);
        if (error) {
            d->acceptor.close(error);
            continue;
        }
        d->port = port;
    }
    if (!d->acceptor.is_open())
        return 0;
    qCInfo(lcFaultProxy, "127.0.0.1:%u -> %s:%u, seed %llu", unsigned(d->port.load()), d->targetHost.c_str(),
           unsigned(d->targetPort), static_cast<unsigned long long>(d->plan.seed));
    d->work.emplace(d->io.get_executor());
    asio::co_spawn(d->io, d->acceptLoop(d->acceptGeneration), rethrow);
    d->running = true;
    d->thread = std::thread([this] { d->io.run(); });
    return d->port;
}

quint16 FaultProxy::port() const { return d->port; }

void FaultProxy::setFaultsEnabled(bool enabled) { d->faultsEnabled = enabled; }

void FaultProxy::setDown(bool down)
{
    d->runOnIo([&] {
        if (down == d->down)
            return;
        d->down = down;
        ++d->acceptGeneration;
        error_code ignored;
        if (down) {
            // Out of the LISTEN state but still bound: connecting is refused, and the port is kept.
            d->acceptor.cancel(ignored);
            ::shutdown(d->acceptor.native_handle(), SHUT_RD);
            d->resetEveryConnection(true);
        } else {
            d->acceptor.listen(asio::socket_base::max_listen_connections, ignored);
            if (ignored)
                qCWarning(lcFaultProxy) << "could not listen again:" << ignored.message().c_str();
            asio::co_spawn(d->io, d->acceptLoop(d->acceptGeneration), rethrow);
        }
    });
}

void FaultProxy::resetAll()
{
    d->runOnIo([&] { d->resetEveryConnection(true); });
}

FaultProxyStats FaultProxy::stats() const
{
    std::lock_guard lock(d->mutex);
    return d->counters;
}

std::vector<FaultEvent> FaultProxy::events() const
{
    std::vector<FaultEvent> events;
    {
        std::lock_guard lock(d->mutex);
        events = d->log;
    }
    std::sort(events.begin(), events.end(), [](const FaultEvent &a, const FaultEvent &b) {
        return std::tie(a.connection, a.direction, a.at, a.kind) < std::tie(b.connection, b.direction, b.at, b.kind);
    });
    return events;
}

void FaultProxy::stop()
{
    {
        std::lock_guard lock(d->lifecycle);
        if (!d->running.exchange(false))
            return;
        // Every socket closed and every timer cancelled: each coroutine wakes, sees its connection
        // dead and ends, and run() returns once nothing is left.
        asio::post(d->io, [this] {
            d->stopping = true;
            error_code ignored;
            d->acceptor.close(ignored);
            d->resetEveryConnection(false);
            d->work.reset();
        });
    }
    d->thread.join();
}

} // namespace ibc::test
