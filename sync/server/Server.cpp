#include "server/Server.h"

#include "protocol/Wire.h"
#include "server/Api.h"
#include "server/Hub.h"
#include "server/LoginThrottle.h"
#include "server/Metrics.h"

#include <QDateTime>

#include <boost/asio/bind_executor.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/ssl/context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/span_body.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>
#include <boost/beast/websocket/rfc6455.hpp>
#include <boost/beast/websocket/ssl.hpp>
#include <boost/beast/websocket/stream.hpp>

#include <atomic>
#include <cstdio>
#include <deque>
#include <mutex>
#include <thread>
#include <unordered_map>

namespace ibc::sync {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;
using SteadyClock = std::chrono::steady_clock;

namespace {

using PlainStream = beast::tcp_stream;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;

template <class Stream>
constexpr bool kIsTls = !std::is_same_v<Stream, PlainStream>;

// A connection the server can ask to wind down (on SIGTERM). shutdown() may be called from any
// thread; the session does the work on its own strand.
class Closable {
public:
    virtual ~Closable() = default;
    virtual void shutdown() = 0;
};

bool isHttpParseError(const beast::error_code &ec)
{
    return ec.category() == http::make_error_code(http::error::bad_target).category();
}

// A request's path as it may be logged: no query string (it may carry a token), printable only.
QString loggablePath(std::string_view target)
{
    target = target.substr(0, target.find('?'));
    QString path = QString::fromUtf8(target.data(), qsizetype(std::min<std::size_t>(target.size(), 200)));
    for (QChar &c : path)
        if (!c.isPrint() || c.isSpace())
            c = QLatin1Char('?');
    return path;
}

QString loggable(std::string_view text)
{
    QString out = QString::fromUtf8(text.data(), qsizetype(std::min<std::size_t>(text.size(), 64)));
    for (QChar &c : out)
        if (!c.isPrint() || c.isSpace())
            c = QLatin1Char('?');
    return out;
}

// Everything the sessions share. Members are ordered so that, on destruction, the pool is joined
// before the io_context goes (it destroys any session still queued), and the io_context goes
// before the things its sessions use.
struct ServerCore {
    ServerCore(Store &s, const models::Clock &c, ServerOptions o)
        : store(s)
        , clock(c)
        , opt(std::move(o))
        , throttle(c)
        , hub(
              s, [this](std::chrono::milliseconds delay, std::function<void()> f) { later(delay, std::move(f)); },
              opt.pokeInterval)
        , api(s, c, metrics, throttle, hub, server::Limits{.maxCommandsPerBatch = opt.maxCommandsPerBatch})
        , ioc(std::max(1, opt.ioThreads))
        , control(asio::make_strand(ioc))
        , acceptor(ioc)
        , signalSet(ioc, SIGINT, SIGTERM)
        , grace(ioc)
        , pool(std::size_t(std::max(1, opt.storeThreads)))
    {
    }
    ~ServerCore() { pool.join(); }

    // Runs `work` on the store's pool, now or after `delay`.
    void later(std::chrono::milliseconds delay, std::function<void()> work)
    {
        if (delay.count() <= 0)
            return asio::post(pool, std::move(work));
        auto timer = std::make_shared<asio::steady_timer>(ioc, delay);
        timer->async_wait(
            [this, timer, work = std::move(work)](beast::error_code) mutable { asio::post(pool, std::move(work)); });
    }

    void log(const QString &line)
    {
        if (opt.log) {
            opt.log(line);
            return;
        }
        const QByteArray bytes = line.toUtf8();
        std::lock_guard lock(logMutex);
        std::fwrite(bytes.constData(), 1, std::size_t(bytes.size()), stdout);
        std::fputc('\n', stdout);
        std::fflush(stdout);
    }

    // One line per request: when, who from where, what, the answer, how long it took.
    void logRequest(const std::string &remote, std::string_view method, std::string_view target, int status,
                    const QString &user, SteadyClock::duration took)
    {
        const double ms = std::chrono::duration<double, std::milli>(took).count();
        log(QStringLiteral("%1 %2 %3 %4 %5 %6 %7ms")
                .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs), QString::fromStdString(remote),
                     loggable(method), loggablePath(target))
                .arg(status)
                .arg(user.isEmpty() ? QStringLiteral("-") : user)
                .arg(ms, 0, 'f', 1));
    }

    void fail(const beast::error_code &ec, const char *what, const std::string &remote)
    {
        // Ordinary ends of a connection are not news.
        if (ec == asio::error::operation_aborted || ec == asio::error::eof || ec == asio::error::connection_reset ||
            ec == websocket::error::closed || ec == beast::error::timeout || ec == asio::ssl::error::stream_truncated ||
            ec == asio::error::broken_pipe)
            return;
        log(QStringLiteral("ibc-store: %1 %2: %3")
                .arg(QString::fromStdString(remote), QLatin1String(what), QString::fromStdString(ec.message())));
    }

    void add(const std::shared_ptr<Closable> &session)
    {
        bool late = false;
        {
            std::lock_guard lock(sessionsMutex);
            sessions.emplace(session.get(), session);
            late = stopping;
        }
        if (late)
            session->shutdown();
    }

    void remove(const Closable *session)
    {
        std::lock_guard lock(sessionsMutex);
        sessions.erase(session);
        if (stopping && sessions.empty())
            asio::post(control, [this] { finished(); });
    }

    // Stops accepting and asks every connection to finish what it is doing and close. A second
    // signal stops at once. The acceptor, the signals and the grace timer are only touched on
    // the `control` strand.
    void beginStop(const QString &why)
    {
        asio::dispatch(control, [this, why] {
            std::vector<std::shared_ptr<Closable>> open;
            {
                std::lock_guard lock(sessionsMutex);
                if (stopping) {
                    log(QStringLiteral("ibc-store: %1 again; stopping now").arg(why));
                    ioc.stop();
                    return;
                }
                stopping = true;
                for (auto &[key, weak] : sessions)
                    if (auto s = weak.lock())
                        open.push_back(std::move(s));
            }
            log(QStringLiteral("ibc-store: %1: no longer accepting; finishing %2 open connection(s)")
                    .arg(why)
                    .arg(open.size()));
            beast::error_code ignored;
            acceptor.close(ignored);
            for (auto &s : open)
                s->shutdown();
            grace.expires_after(opt.shutdownGrace);
            grace.async_wait(asio::bind_executor(control, [this](beast::error_code ec) {
                if (ec)
                    return;
                log(QStringLiteral("ibc-store: connections still open after %1 s; closing them")
                        .arg(opt.shutdownGrace.count()));
                ioc.stop();
            }));
            std::lock_guard lock(sessionsMutex);
            if (sessions.empty())
                asio::post(control, [this] { finished(); });
        });
    }

    // Every connection has closed: nothing is left for the io_context to wait for, so run() returns.
    void finished()
    {
        done = true;
        beast::error_code ignored;
        signalSet.cancel(ignored);
        grace.cancel();
    }

    void waitForSignal()
    {
        if (done)
            return;
        signalSet.async_wait(asio::bind_executor(control, [this](beast::error_code ec, int signal) {
            if (ec)
                return;
            waitForSignal(); // first, so that finished() can cancel it
            beginStop(QLatin1String(signal == SIGINT ? "SIGINT" : "SIGTERM"));
        }));
    }

    void accept();

    Store &store;
    const models::Clock &clock;
    ServerOptions opt;
    server::Metrics metrics;
    server::LoginThrottle throttle;
    server::Hub hub;
    server::Api api;

    std::mutex sessionsMutex;
    std::unordered_map<const Closable *, std::weak_ptr<Closable>> sessions;
    bool stopping = false; // under sessionsMutex
    std::mutex logMutex;

    asio::io_context ioc;
    asio::strand<asio::io_context::executor_type> control;
    bool done = false; // on `control`
    std::optional<ssl::context> tls;
    tcp::acceptor acceptor;
    asio::signal_set signalSet;
    asio::steady_timer grace;
    asio::thread_pool pool;
};

// ---- WebSocket: GET /v1/stream

// A live client: told {"type":"poke","seq":N} whenever the newest change it may see moves on.
// Pokes coalesce (a newer one replaces one not yet sent), so its queue stays tiny; a client
// that doesn't take a write within the write timeout, or lets its queue grow past the limit,
// is dropped rather than buffered for.
template <class Stream>
class WsSession : public Closable, public server::PokeTarget, public std::enable_shared_from_this<WsSession<Stream>> {
public:
    WsSession(ServerCore &core, Stream &&stream, models::User user, QString token, std::string remote)
        : m_core(core)
        , m_ws(std::move(stream))
        , m_user(std::move(user))
        , m_token(std::move(token))
        , m_remote(std::move(remote))
        , m_writeTimer(m_ws.get_executor())
        , m_recheck(m_ws.get_executor())
    {
        m_core.metrics.connectionOpened();
    }

    ~WsSession() override
    {
        if (m_open) {
            m_core.metrics.websocketClosed();
            m_core.hub.remove(this);
        }
        m_core.metrics.connectionClosed();
        m_core.remove(this);
    }

    void run(http::request<http::string_body> request, SteadyClock::time_point started)
    {
        m_core.add(this->shared_from_this());
        beast::get_lowest_layer(m_ws).expires_never(); // the websocket keeps its own timeouts
        websocket::stream_base::timeout timeouts = websocket::stream_base::timeout::suggested(beast::role_type::server);
        timeouts.idle_timeout = m_core.opt.wsIdleTimeout;
        timeouts.keep_alive_pings = true;
        m_ws.set_option(timeouts);
        m_ws.set_option(websocket::stream_base::decorator(
            [](websocket::response_type &res) { res.set(http::field::server, "ibc-store"); }));
        m_ws.read_message_max(64 * 1024);
        m_target = std::string(request.target());
        m_ws.async_accept(
            request, [self = this->shared_from_this(), started](beast::error_code ec) { self->onAccept(ec, started); });
    }

    const models::User &user() const override { return m_user; }

    void poke(qint64 seq) override
    {
        asio::post(m_ws.get_executor(), [self = this->shared_from_this(), seq] { self->enqueue(seq); });
    }

    void shutdown() override
    {
        asio::post(m_ws.get_executor(), [self = this->shared_from_this()] {
            if (self->m_closing)
                return;
            self->m_closing = true;
            self->m_recheck.cancel();
            if (!self->m_open) {
                beast::get_lowest_layer(self->m_ws).close();
                return;
            }
            // A client that doesn't answer the close frame is not waited for long.
            websocket::stream_base::timeout quick =
                websocket::stream_base::timeout::suggested(beast::role_type::server);
            quick.handshake_timeout = std::chrono::seconds(2);
            self->m_ws.set_option(quick);
            self->m_ws.async_close(websocket::close_code::going_away,
                                   [self](beast::error_code) { beast::get_lowest_layer(self->m_ws).close(); });
        });
    }

private:
    void onAccept(beast::error_code ec, SteadyClock::time_point started)
    {
        m_core.logRequest(m_remote, "GET", m_target, ec ? 400 : 101, m_user.username, SteadyClock::now() - started);
        m_core.metrics.requestServed(QStringLiteral("/v1/stream"), ec ? 400 : 101,
                                     std::chrono::duration<double>(SteadyClock::now() - started).count());
        if (ec)
            return m_core.fail(ec, "websocket accept", m_remote);
        if (m_closing) // the server began stopping during the handshake
            return;
        m_open = true;
        m_core.metrics.websocketOpened();
        m_core.hub.add(this->shared_from_this());
        read();
        recheckLater();
    }

    // A feed lasts as long as its token: when the token expires, or its user is disabled, the
    // feed is closed (policy error) and the client must sign in again.
    void recheckLater()
    {
        m_recheck.expires_after(m_core.opt.tokenRecheck);
        m_recheck.async_wait([weak = this->weak_from_this()](beast::error_code ec) {
            auto self = weak.lock();
            if (!self || ec || self->m_closing)
                return;
            asio::post(self->m_core.pool, [self, guard = asio::make_work_guard(self->m_core.ioc)] {
                const bool valid = self->m_core.api.tokenStillValid(self->m_token);
                asio::post(self->m_ws.get_executor(), [self, valid] {
                    if (self->m_closing)
                        return;
                    if (valid)
                        return self->recheckLater();
                    self->m_closing = true;
                    self->m_core.log(QStringLiteral("ibc-store: closed the live feed of %1: the token has expired")
                                         .arg(self->m_user.username));
                    self->m_ws.async_close(
                        websocket::close_reason(websocket::close_code::policy_error, "token expired; sign in again"),
                        [self](beast::error_code) { beast::get_lowest_layer(self->m_ws).close(); });
                });
            });
        });
    }

    // Clients have nothing to say yet; reading keeps pings, pongs and close frames flowing.
    void read()
    {
        m_ws.async_read(m_buffer, [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
            if (ec) {
                self->m_recheck.cancel();
                self->m_writeTimer.cancel();
                // The idle timeout ends the read only after an unanswered ping: a client that has
                // stopped reading. Its socket is closed; nobody else waited for it.
                if (ec == beast::error::timeout && self->m_open && !self->m_closing)
                    self->drop("it did not answer a ping: it has stopped reading");
                return self->m_core.fail(ec, "websocket read", self->m_remote);
            }
            self->m_buffer.clear();
            self->read();
        });
    }

    void enqueue(qint64 seq)
    {
        if (!m_open || m_closing || seq <= m_announced)
            return;
        m_announced = seq;
        std::string message = wire::serialize(wire::pokeJson(seq)).toStdString();
        if (m_queue.size() > 1) { // one being written, one waiting: the newer poke replaces it
            m_queue.back() = std::move(message);
            return;
        }
        m_queue.push_back(std::move(message));
        if (m_queue.size() > m_core.opt.maxQueuedMessages)
            return drop("its queue is full");
        if (m_queue.size() == 1)
            write();
    }

    void write()
    {
        m_ws.text(true);
        m_writeTimer.expires_after(m_core.opt.writeTimeout);
        m_writeTimer.async_wait([weak = this->weak_from_this()](beast::error_code ec) {
            if (auto self = weak.lock(); self && !ec)
                self->drop("it did not read a poke in time");
        });
        m_ws.async_write(asio::buffer(m_queue.front()),
                         [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
                             self->m_writeTimer.cancel();
                             if (ec)
                                 return self->m_core.fail(ec, "websocket write", self->m_remote);
                             self->m_core.metrics.pokeSent();
                             self->m_queue.pop_front();
                             if (!self->m_queue.empty())
                                 self->write();
                         });
    }

    void drop(const char *why)
    {
        if (m_dropped)
            return;
        m_dropped = true;
        m_core.metrics.websocketDropped();
        m_core.log(QStringLiteral("ibc-store: dropped the live feed of %1 at %2: %3")
                       .arg(m_user.username, QString::fromStdString(m_remote), QLatin1String(why)));
        beast::get_lowest_layer(m_ws).close();
    }

    ServerCore &m_core;
    websocket::stream<Stream> m_ws;
    models::User m_user;
    QString m_token;
    std::string m_remote;
    std::string m_target;
    beast::flat_buffer m_buffer;
    std::deque<std::string> m_queue; // front: being written
    asio::steady_timer m_writeTimer;
    asio::steady_timer m_recheck;
    qint64 m_announced = -1;
    bool m_open = false;
    bool m_closing = false;
    bool m_dropped = false;
};

// ---- HTTP

// One connection: reads a request, answers it, and reads the next, until the client closes, a
// timeout passes, or the server stops. Requests on one connection are answered in order; the
// store's work is done on the pool and the answer posted back onto this session's strand.
template <class Stream>
class HttpSession : public Closable, public std::enable_shared_from_this<HttpSession<Stream>> {
public:
    HttpSession(ServerCore &core, Stream &&stream, std::string remote)
        : m_core(core)
        , m_stream(std::move(stream))
        , m_remote(std::move(remote))
        , m_delay(m_stream.get_executor())
    {
        m_core.metrics.connectionOpened();
    }

    ~HttpSession() override
    {
        if (!m_upgraded)
            m_core.metrics.connectionClosed();
        m_core.remove(this);
    }

    void start()
    {
        m_core.add(this->shared_from_this());
        asio::dispatch(m_stream.get_executor(), [self = this->shared_from_this()] {
            if constexpr (kIsTls<Stream>) {
                self->m_state = State::Handshake;
                beast::get_lowest_layer(self->m_stream).expires_after(self->m_core.opt.readTimeout);
                self->m_stream.async_handshake(ssl::stream_base::server, [self](beast::error_code ec) {
                    if (ec)
                        return self->m_core.fail(ec, "TLS handshake", self->m_remote);
                    self->read();
                });
            } else {
                self->read();
            }
        });
    }

    void shutdown() override
    {
        asio::post(m_stream.get_executor(), [self = this->shared_from_this()] {
            self->m_closeAfter = true;
            switch (self->m_state) {
            case State::Handshake:
            case State::Reading: // nothing half-done: a partial request was never acted on
                beast::get_lowest_layer(self->m_stream).close();
                break;
            case State::Busy: // the answer goes out, then the connection closes
                self->m_delay.cancel();
                break;
            case State::Closing: break;
            }
        });
    }

private:
    enum class State { Handshake, Reading, Busy, Closing };

    void read()
    {
        if (m_closeAfter)
            return close();
        m_state = State::Reading;
        m_parser.emplace();
        m_parser->body_limit(m_core.opt.bodyLimit);
        m_parser->header_limit(16 * 1024);
        beast::get_lowest_layer(m_stream).expires_after(m_core.opt.readTimeout);
        http::async_read(m_stream, m_buffer, *m_parser,
                         beast::bind_front_handler(&HttpSession::onRead, this->shared_from_this()));
    }

    void onRead(beast::error_code ec, std::size_t)
    {
        m_started = SteadyClock::now();
        if (ec == http::error::end_of_stream)
            return close();
        if (ec == beast::error::timeout) {
            if (m_parser->got_some())
                m_core.log(QStringLiteral("ibc-store: %1 sent part of a request and stalled; closed after %2 s")
                               .arg(QString::fromStdString(m_remote))
                               .arg(m_core.opt.readTimeout.count()));
            return; // the timeout closed the socket
        }
        if (ec == http::error::body_limit) {
            m_closeAfter = true;
            return answer(refusal(413, QStringLiteral("body_too_large"),
                                  QStringLiteral("The body is larger than %1 bytes; send less in one request.")
                                      .arg(m_core.opt.bodyLimit)));
        }
        if (ec == http::error::header_limit) {
            m_closeAfter = true;
            return answer(refusal(431, QStringLiteral("headers_too_large"),
                                  QStringLiteral("The request's headers are too large.")));
        }
        if (ec && isHttpParseError(ec) && m_parser->got_some()) {
            m_closeAfter = true;
            return answer(refusal(
                400, QStringLiteral("bad_request"),
                QStringLiteral("The request is not valid HTTP/1.1: %1.").arg(QString::fromStdString(ec.message()))));
        }
        if (ec)
            return m_core.fail(ec, "read", m_remote);

        m_state = State::Busy;
        const auto &req = m_parser->get();
        m_keepAlive = req.keep_alive();
        m_version = req.version();
        m_method = std::string(req.method_string());
        m_target = std::string(req.target());

        server::Request request;
        request.method = m_method;
        request.target = m_target;
        request.authorization = std::string(req[http::field::authorization]);
        request.body = QByteArray(req.body().data(), qsizetype(req.body().size()));
        request.remote = m_remote;

        const server::Route route = server::Api::route(m_target);
        if (route == server::Route::Stream && websocket::is_upgrade(req) && req.method() == http::verb::get)
            return offload([request](server::Api &api) { return api.authenticateStream(request); });
        if (auto quick = m_core.api.answerAtOnce(request))
            return answer(std::move(*quick));
        if (route == server::Route::Session) {
            // Held before the check, by a timer: a guesser waits, nobody else does.
            const auto wait = m_core.api.signInDelay(request);
            if (wait.count() > 0) {
                m_delay.expires_after(wait);
                return m_delay.async_wait([self = this->shared_from_this(), request](beast::error_code) {
                    self->offload([request](server::Api &api) { return api.handle(request); });
                });
            }
        }
        offload([request](server::Api &api) { return api.handle(request); });
    }

    // Runs `work` (which calls the store, and blocks) on the pool, then goes on on the strand.
    template <class Work>
    void offload(Work work)
    {
        asio::post(m_core.pool, [self = this->shared_from_this(), work = std::move(work),
                                 guard = asio::make_work_guard(m_core.ioc)]() mutable {
            auto result = work(self->m_core.api);
            asio::post(self->m_stream.get_executor(),
                       [self, result = std::move(result)]() mutable { self->completed(std::move(result)); });
        });
    }

    void completed(server::Response response) { answer(std::move(response)); }

    void completed(server::Api::StreamAuth result)
    {
        if (!result.user || m_closeAfter)
            return answer(result.user
                              ? refusal(503, QStringLiteral("stopping"), QStringLiteral("The server is stopping."))
                              : std::move(result.refusal));
        // Hand the connection to a WebSocket session; this one ends here.
        m_upgraded = true;
        beast::get_lowest_layer(m_stream).expires_never();
        auto ws = std::make_shared<WsSession<Stream>>(m_core, std::move(m_stream), std::move(*result.user),
                                                      std::move(result.token), m_remote);
        ws->run(m_parser->release(), m_started);
    }

    static server::Response refusal(int status, const QString &code, const QString &message)
    {
        return server::Api::error(status, code, message);
    }

    void answer(server::Response r)
    {
        m_state = State::Busy;
        m_response = {};
        m_response.version(m_version ? m_version : 11);
        m_response.result(unsigned(r.status));
        m_response.set(http::field::server, "ibc-store");
        m_response.set(http::field::content_type,
                       beast::string_view(r.contentType.constData(), std::size_t(r.contentType.size())));
        m_response.set(http::field::cache_control, "no-store");
        for (const auto &[name, value] : r.headers)
            m_response.set(beast::string_view(name.constData(), std::size_t(name.size())),
                           beast::string_view(value.constData(), std::size_t(value.size())));
        m_body = std::move(r.body); // written from where it is, without a copy: a feed page is megabytes
        m_response.body() = http::span_body<const char>::value_type(m_body.constData(), std::size_t(m_body.size()));
        m_response.keep_alive(m_keepAlive && !m_closeAfter);
        m_response.prepare_payload();
        m_status = r.status;
        m_user = r.user;
        m_route = r.route.isEmpty() ? QStringLiteral("other") : r.route;

        beast::get_lowest_layer(m_stream).expires_after(m_core.opt.writeTimeout);
        http::async_write(m_stream, m_response,
                          beast::bind_front_handler(&HttpSession::onWrite, this->shared_from_this()));
    }

    void onWrite(beast::error_code ec, std::size_t)
    {
        const auto took = SteadyClock::now() - m_started;
        m_core.logRequest(m_remote, m_method.empty() ? std::string_view("-") : std::string_view(m_method),
                          m_target.empty() ? std::string_view("-") : std::string_view(m_target), m_status, m_user,
                          took);
        m_core.metrics.requestServed(m_route, m_status, std::chrono::duration<double>(took).count());
        m_method.clear();
        m_target.clear();
        if (ec)
            return m_core.fail(ec, "write", m_remote);
        if (!m_response.keep_alive())
            return close();
        read();
    }

    // Sends our half-close, then reads and discards what the client still sends (the rest of an
    // oversized body) for a moment, so that it gets our answer rather than a reset.
    void close()
    {
        m_state = State::Closing;
        if constexpr (kIsTls<Stream>) {
            beast::get_lowest_layer(m_stream).expires_after(std::chrono::seconds(5));
            m_stream.async_shutdown([self = this->shared_from_this()](beast::error_code) {});
        } else {
            beast::error_code ignored;
            m_stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
            m_drained = 0;
            drain();
        }
    }

    void drain()
    {
        beast::get_lowest_layer(m_stream).expires_after(std::chrono::seconds(2));
        m_stream.async_read_some(asio::buffer(m_scratch),
                                 [self = this->shared_from_this()](beast::error_code ec, std::size_t n) {
                                     self->m_drained += n;
                                     if (!ec && self->m_drained < 16 * 1024 * 1024)
                                         self->drain();
                                 });
    }

    ServerCore &m_core;
    Stream m_stream;
    std::string m_remote;
    asio::steady_timer m_delay;
    beast::flat_buffer m_buffer;
    std::optional<http::request_parser<http::string_body>> m_parser;
    http::response<http::span_body<const char>> m_response;
    QByteArray m_body;
    State m_state = State::Reading;
    bool m_closeAfter = false;
    bool m_keepAlive = false;
    bool m_upgraded = false;
    unsigned m_version = 11;
    SteadyClock::time_point m_started = SteadyClock::now();
    std::string m_method, m_target;
    int m_status = 0;
    QString m_user, m_route;
    std::array<char, 4096> m_scratch;
    std::size_t m_drained = 0;
};

void ServerCore::accept()
{
    acceptor.async_accept(
        asio::make_strand(ioc), asio::bind_executor(control, [this](beast::error_code ec, tcp::socket socket) {
            if (ec == asio::error::operation_aborted || !acceptor.is_open())
                return;
            if (ec) {
                log(QStringLiteral("ibc-store: accept: %1").arg(QString::fromStdString(ec.message())));
                // Out of file descriptors and the like: pause rather than spin.
                auto timer = std::make_shared<asio::steady_timer>(control, std::chrono::milliseconds(100));
                return timer->async_wait([this, timer](beast::error_code) { accept(); });
            }
            beast::error_code ignored;
            socket.set_option(tcp::no_delay(true), ignored);
            const auto peer = socket.remote_endpoint(ignored);
            std::string remote = peer.address().to_string();
            if (tls)
                std::make_shared<HttpSession<TlsStream>>(*this, TlsStream(std::move(socket), *tls), std::move(remote))
                    ->start();
            else
                std::make_shared<HttpSession<PlainStream>>(*this, PlainStream(std::move(socket)), std::move(remote))
                    ->start();
            accept();
        }));
}

} // namespace

struct Server::Impl : ServerCore {
    using ServerCore::ServerCore;
};

Server::Server(Store &store, const models::Clock &clock, ServerOptions options)
    : d(std::make_unique<Impl>(store, clock, std::move(options)))
{
    const ServerOptions &o = d->opt;
    if (o.tlsCertFile.isEmpty() != o.tlsKeyFile.isEmpty())
        throw ServerError("TLS needs both --tls-cert and --tls-key");
    if (!o.tlsCertFile.isEmpty()) {
        d->tls.emplace(ssl::context::tls_server);
        d->tls->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                            ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 | ssl::context::single_dh_use);
        beast::error_code ec;
        d->tls->use_certificate_chain_file(o.tlsCertFile.toStdString(), ec);
        if (ec)
            throw ServerError("cannot read the TLS certificate " + o.tlsCertFile.toStdString() + ": " + ec.message());
        d->tls->use_private_key_file(o.tlsKeyFile.toStdString(), ssl::context::pem, ec);
        if (ec)
            throw ServerError("cannot read the TLS key " + o.tlsKeyFile.toStdString() + ": " + ec.message());
    }

    beast::error_code ec;
    const auto address = asio::ip::make_address(o.host.toStdString(), ec);
    if (ec)
        throw ServerError("\"" + o.host.toStdString() + "\" is not an IP address to listen on (try 127.0.0.1)");
    const tcp::endpoint endpoint(address, o.port);
    const std::string where = o.host.toStdString() + ":" + std::to_string(o.port);
    d->acceptor.open(endpoint.protocol(), ec);
    if (!ec)
        d->acceptor.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec)
        d->acceptor.bind(endpoint, ec);
    if (!ec)
        d->acceptor.listen(asio::socket_base::max_listen_connections, ec);
    if (ec)
        throw ServerError("cannot listen on " + where + ": " + ec.message());
}

Server::~Server() = default;

quint16 Server::port() const { return d->acceptor.local_endpoint().port(); }

QString Server::url() const
{
    const QString host =
        d->opt.host.contains(QLatin1Char(':')) ? QLatin1Char('[') + d->opt.host + QLatin1Char(']') : d->opt.host;
    return QStringLiteral("%1://%2:%3").arg(QLatin1String(d->tls ? "https" : "http"), host).arg(port());
}

int Server::run()
{
    asio::dispatch(d->control, [this] {
        d->waitForSignal();
        d->accept();
    });
    std::vector<std::thread> threads;
    auto runLoop = [this] {
        for (;;) {
            try {
                d->ioc.run();
                return;
            } catch (const std::exception &e) {
                d->log(QStringLiteral("ibc-store: unexpected error: %1").arg(QString::fromUtf8(e.what())));
            }
        }
    };
    for (int i = 1; i < d->opt.ioThreads; ++i)
        threads.emplace_back(runLoop);
    runLoop();
    for (auto &t : threads)
        t.join();
    d->pool.join(); // whatever the store was doing finishes: acknowledged or not, nothing is half-done
    d->log(QStringLiteral("ibc-store: stopped"));
    return 0;
}

void Server::stop() { d->beginStop(QStringLiteral("stop requested")); }

} // namespace ibc::sync
