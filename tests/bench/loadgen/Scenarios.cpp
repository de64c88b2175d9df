// The network scenarios of ibc-loadgen, on Boost.Asio coroutines and Boost.Beast. Everything
// runs on one thread: the tool must not compete with the server for the machine's cores more
// than a real client population would.
#include "LoadGen.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/connect.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/buffer_body.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <boost/beast/websocket/stream.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <functional>
#include <memory>
#include <stdexcept>
#include <thread>

namespace ibc::bench::loadgen {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using tcp = asio::ip::tcp;
using asio::awaitable;
using asio::use_awaitable;
using Clock = std::chrono::steady_clock;

namespace {

double secondsSince(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

std::string newUuid() { return QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString(); }

// Runs `task` to completion on a fresh io_context; rethrows what it threw.
void runTask(const std::function<awaitable<void>(asio::io_context &)> &task)
{
    asio::io_context ioc(1);
    std::exception_ptr failure;
    asio::co_spawn(ioc, task(ioc), [&](std::exception_ptr e) { failure = e; });
    ioc.run();
    if (failure)
        std::rethrow_exception(failure);
}

// One keep-alive HTTP/1.1 connection.
class HttpConnection {
public:
    explicit HttpConnection(asio::io_context &ioc) : m_stream(ioc) {}

    awaitable<void> connect(const Endpoint &server)
    {
        const tcp::endpoint to(asio::ip::make_address(server.host), server.port);
        co_await m_stream.async_connect(to, use_awaitable);
        m_stream.socket().set_option(tcp::no_delay(true));
        m_host = server.host + ":" + std::to_string(server.port);
    }

    // Sends one request and reads its answer; throws on a transport error.
    awaitable<http::response<http::string_body>> send(http::verb verb, const std::string &target,
                                                      const std::string &token, std::string body = {})
    {
        http::request<http::string_body> req{verb, target, 11};
        req.set(http::field::host, m_host);
        req.set(http::field::user_agent, "ibc-loadgen");
        if (!token.empty())
            req.set(http::field::authorization, "Bearer " + token);
        if (!body.empty()) {
            req.set(http::field::content_type, "application/json");
            req.body() = std::move(body);
        }
        req.keep_alive(true);
        req.prepare_payload();
        m_stream.expires_after(std::chrono::seconds(120));
        co_await http::async_write(m_stream, req, use_awaitable);
        http::response_parser<http::string_body> parser;
        parser.body_limit(1024ull * 1024 * 1024);
        co_await http::async_read(m_stream, m_buffer, parser, use_awaitable);
        co_return parser.release();
    }

    // GET `target` and pass its body to `consume` a piece at a time as it arrives, without
    // holding it whole (a feed page is megabytes); the status, or throws on a transport error.
    awaitable<unsigned> stream(const std::string &target, const std::string &token,
                               const std::function<void(std::string_view)> &consume)
    {
        http::request<http::empty_body> req{http::verb::get, target, 11};
        req.set(http::field::host, m_host);
        req.set(http::field::user_agent, "ibc-loadgen");
        req.set(http::field::authorization, "Bearer " + token);
        req.keep_alive(true);
        m_stream.expires_after(std::chrono::seconds(120));
        co_await http::async_write(m_stream, req, use_awaitable);
        http::response_parser<http::empty_body> parser;
        parser.body_limit(boost::none);
        co_await http::async_read_header(m_stream, m_buffer, parser, use_awaitable);
        const auto length = parser.content_length();
        if (!length)
            throw std::runtime_error("a feed page without Content-Length");
        // The body is read straight off the socket, a megabyte at a time at most: Beast's reads
        // are 64 KiB each, with a timer set for every one, and on a virtual machine those system
        // calls cost the tool as much CPU as the server spends on the page.
        std::uint64_t left = *length;
        const std::size_t buffered = std::min<std::size_t>(m_buffer.size(), std::size_t(left));
        if (buffered) {
            const auto data = m_buffer.cdata();
            consume(std::string_view(static_cast<const char *>(data.data()), buffered));
            m_buffer.consume(buffered);
            left -= buffered;
        }
        m_chunk.resize(1 << 20);
        while (left > 0) {
            const std::size_t n = co_await m_stream.socket().async_read_some(
                asio::buffer(m_chunk.data(), std::min<std::uint64_t>(left, m_chunk.size())), use_awaitable);
            consume(std::string_view(m_chunk.data(), n));
            left -= n;
        }
        co_return parser.get().result_int();
    }

private:
    std::vector<char> m_chunk;
    beast::tcp_stream m_stream;
    beast::flat_buffer m_buffer;
    std::string m_host;
};

awaitable<std::string> signIn(HttpConnection &c, const Account &account)
{
    const QByteArray body =
        QJsonDocument(QJsonObject{{QStringLiteral("username"), QString::fromStdString(account.username)},
                                  {QStringLiteral("password"), QString::fromStdString(account.password)}})
            .toJson(QJsonDocument::Compact);
    auto res = co_await c.send(http::verb::post, "/v1/session", {}, body.toStdString());
    if (res.result_int() != 200)
        throw std::runtime_error("sign-in as " + account.username + " failed: HTTP " +
                                 std::to_string(res.result_int()) + " " + res.body());
    const QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(res.body())).object();
    co_return o.value(QStringLiteral("token")).toString().toStdString();
}

std::int64_t count(std::string_view text, std::string_view what)
{
    std::int64_t n = 0;
    for (std::size_t at = text.find(what); at != std::string_view::npos; at = text.find(what, at + what.size()))
        ++n;
    return n;
}

// A batch of add_note commands, each with a new id.
std::string noteBatch(const std::vector<CommandTarget> &targets, std::size_t first, int n)
{
    std::string out = "{\"commands\":[";
    for (int i = 0; i < n; ++i) {
        const CommandTarget &t = targets[(first + std::size_t(i)) % targets.size()];
        if (i)
            out += ',';
        out += "{\"id\":\"" + newUuid() + "\",\"item_id\":\"" + t.id +
               "\",\"type\":\"add_note\",\"base_version\":" + std::to_string(t.version) +
               ",\"payload\":{\"text\":\"Called the partner; waiting for the signed form.\"}}";
    }
    out += "]}";
    return out;
}

} // namespace

// ---- The change feed

FeedResult runFeed(const Endpoint &server, const Account &account, int pageSize)
{
    FeedResult result;
    runTask([&](asio::io_context &ioc) -> awaitable<void> {
        HttpConnection c(ioc);
        co_await c.connect(server);
        const std::string token = co_await signIn(c, account);
        const auto started = Clock::now();
        std::int64_t since = 0;
        const std::string_view itemKey = "\"reference\":\"";
        for (bool more = true; more;) {
            // The page ends {…],"next_seq":N,"more":B}: those are read from its tail. Items are
            // counted by the key only items have (a quote inside a string is escaped, so text
            // can't fake it), across the pieces the body arrives in.
            std::string window, tail;
            std::int64_t bytes = 0;
            const unsigned status =
                co_await c.stream("/v1/changes?since=" + std::to_string(since) + "&limit=" + std::to_string(pageSize),
                                  token, [&](std::string_view piece) {
                                      bytes += std::int64_t(piece.size());
                                      window.append(piece);
                                      result.items += count(window, itemKey);
                                      const std::size_t keep = std::min(window.size(), itemKey.size() - 1);
                                      tail.append(piece);
                                      if (tail.size() > 4096)
                                          tail.erase(0, tail.size() - 256);
                                      window.erase(0, window.size() - keep);
                                  });
            if (status != 200)
                throw std::runtime_error("GET /v1/changes: HTTP " + std::to_string(status));
            const auto at = tail.rfind("\"next_seq\":");
            if (at == std::string::npos)
                throw std::runtime_error("a feed page without next_seq");
            since = std::stoll(tail.substr(at + 11, 24));
            more = tail.find("\"more\":true", at) != std::string::npos;
            result.bytes += bytes;
            ++result.pages;
        }
        result.seconds = secondsSince(started);
    });
    return result;
}

// ---- Durable commands

CommandsResult runCommands(const Endpoint &server, const Account &account, const std::vector<CommandTarget> &targets,
                           int clients, int batchSize, std::int64_t total)
{
    if (targets.empty())
        throw std::runtime_error("no items to send commands for");
    CommandsResult result;
    runTask([&](asio::io_context &ioc) -> awaitable<void> {
        std::string token;
        {
            HttpConnection c(ioc);
            co_await c.connect(server);
            token = co_await signIn(c, account);
        }
        std::vector<std::unique_ptr<HttpConnection>> conns;
        for (int i = 0; i < clients; ++i) {
            conns.push_back(std::make_unique<HttpConnection>(ioc));
            co_await conns.back()->connect(server);
        }
        std::int64_t next = 0;
        int running = clients;
        asio::steady_timer allDone(ioc, Clock::time_point::max());
        std::exception_ptr failure;
        const auto started = Clock::now();
        for (int i = 0; i < clients; ++i) {
            asio::co_spawn(
                ioc,
                [&, c = conns[std::size_t(i)].get()]() -> awaitable<void> {
                    while (next < total) {
                        const int n = int(std::min<std::int64_t>(batchSize, total - next));
                        const std::size_t first = std::size_t(next);
                        next += n;
                        auto res =
                            co_await c->send(http::verb::post, "/v1/commands", token, noteBatch(targets, first, n));
                        if (res.result_int() != 200)
                            throw std::runtime_error("POST /v1/commands: HTTP " + std::to_string(res.result_int()) +
                                                     " " + res.body().substr(0, 300));
                        result.sent += n;
                        result.applied += count(res.body(), "\"outcome\":\"applied\"");
                        ++result.batches;
                    }
                },
                [&](std::exception_ptr e) {
                    if (e && !failure)
                        failure = e;
                    if (--running == 0)
                        allDone.cancel();
                });
        }
        boost::system::error_code ec;
        co_await allDone.async_wait(asio::redirect_error(use_awaitable, ec));
        result.seconds = secondsSince(started);
        if (failure)
            std::rethrow_exception(failure);
    });
    return result;
}

// ---- Many live clients, and command latency among them

LatencyResult runLatency(const Endpoint &server, const Account &wsAccount, const Account &commandAccount,
                         const std::vector<CommandTarget> &targets, const LatencyOptions &options)
{
    if (targets.empty())
        throw std::runtime_error("no items to send commands for");
    LatencyResult result;
    runTask([&](asio::io_context &ioc) -> awaitable<void> {
        std::string wsToken, cmdToken;
        {
            HttpConnection c(ioc);
            co_await c.connect(server);
            wsToken = co_await signIn(c, wsAccount);
            // Not a conditional expression: GCC 12 miscompiles co_await inside one.
            if (wsAccount.username == commandAccount.username)
                cmdToken = wsToken;
            else
                cmdToken = co_await signIn(c, commandAccount);
        }
        // The command connections are open before the first memory reading, so that the
        // difference is the WebSockets' alone.
        std::vector<std::unique_ptr<HttpConnection>> conns;
        for (int i = 0; i < options.httpConnections; ++i) {
            conns.push_back(std::make_unique<HttpConnection>(ioc));
            co_await conns.back()->connect(server);
        }
        asio::steady_timer pause(ioc);
        pause.expires_after(std::chrono::milliseconds(500));
        co_await pause.async_wait(use_awaitable);
        result.rssBeforeKiB = residentKiB(options.serverPid);

        // The WebSockets live on a thread and an io_context of their own: the 1,000 of them take
        // ten thousand pokes a second, and the commands' answers must not queue behind those in
        // the tool's own event loop (in life they would be other machines).
        asio::io_context wsIoc(1);
        auto wsWork = asio::make_work_guard(wsIoc);
        std::thread wsThread([&wsIoc] { wsIoc.run(); });
        struct Shared {
            std::atomic<int> connected{0}, failed{0}, closedEarly{0};
            std::atomic<std::int64_t> pokes{0};
            std::atomic<bool> stopping{false};
        } shared;
        std::vector<std::shared_ptr<websocket::stream<beast::tcp_stream>>> sockets; // touched on wsIoc only
        // Ends the WebSockets' thread however this coroutine ends.
        struct StopWebSockets {
            asio::io_context &ioc;
            decltype(wsWork) &work;
            std::thread &thread;
            Shared &shared;
            std::vector<std::shared_ptr<websocket::stream<beast::tcp_stream>>> &sockets;
            ~StopWebSockets()
            {
                shared.stopping = true;
                asio::post(ioc, [this] {
                    for (auto &ws : sockets)
                        beast::get_lowest_layer(*ws).close();
                });
                work.reset();
                thread.join();
            }
        } stopWebSockets{wsIoc, wsWork, wsThread, shared, sockets};
        const std::string host = server.host + ":" + std::to_string(server.port);
        // Connects them all, at most 64 handshakes at a time.
        asio::co_spawn(
            wsIoc,
            [&]() -> awaitable<void> {
                int handshaking = 0;
                asio::steady_timer slot(wsIoc, Clock::time_point::max());
                for (int started = 0; started < options.wsClients;) {
                    if (handshaking >= 64) {
                        boost::system::error_code ec;
                        co_await slot.async_wait(asio::redirect_error(use_awaitable, ec));
                        slot.expires_at(Clock::time_point::max());
                        continue;
                    }
                    ++handshaking;
                    ++started;
                    auto ws = std::make_shared<websocket::stream<beast::tcp_stream>>(wsIoc);
                    sockets.push_back(ws);
                    asio::co_spawn(
                        wsIoc,
                        [&, ws]() -> awaitable<void> {
                            bool counted = false;
                            try {
                                auto &lowest = beast::get_lowest_layer(*ws);
                                lowest.expires_after(std::chrono::seconds(30));
                                co_await lowest.async_connect(
                                    tcp::endpoint(asio::ip::make_address(server.host), server.port), use_awaitable);
                                ws->set_option(websocket::stream_base::decorator([&](websocket::request_type &req) {
                                    req.set(http::field::authorization, "Bearer " + wsToken);
                                }));
                                co_await ws->async_handshake(host, "/v1/stream", use_awaitable);
                                lowest.expires_never();
                                ws->set_option(websocket::stream_base::timeout::suggested(beast::role_type::client));
                                ++shared.connected;
                                counted = true;
                                --handshaking;
                                slot.cancel();
                                beast::flat_buffer buffer;
                                for (;;) {
                                    co_await ws->async_read(buffer, use_awaitable);
                                    buffer.clear();
                                    ++shared.pokes;
                                }
                            } catch (const std::exception &) {
                                if (!counted) {
                                    ++shared.failed;
                                    --handshaking;
                                    slot.cancel();
                                } else if (!shared.stopping) {
                                    ++shared.closedEarly;
                                }
                            }
                        },
                        asio::detached);
                }
                // The handshakes still under way use `slot` and `handshaking`: wait for them.
                while (handshaking > 0) {
                    boost::system::error_code ec;
                    slot.expires_after(std::chrono::milliseconds(50));
                    co_await slot.async_wait(asio::redirect_error(use_awaitable, ec));
                }
            },
            asio::detached);
        while (shared.connected + shared.failed < options.wsClients) {
            pause.expires_after(std::chrono::milliseconds(50));
            co_await pause.async_wait(use_awaitable);
        }
        pause.expires_after(std::chrono::milliseconds(int(options.idleSettleSeconds * 1000)));
        co_await pause.async_wait(use_awaitable);
        result.rssIdleKiB = residentKiB(options.serverPid);

        // Open-loop commands: command i is due at start + i / rate; connection i % n sends it
        // when it is due, or as soon as it is free.
        const std::int64_t total = std::int64_t(options.rate * options.seconds);
        const auto interval = std::chrono::duration<double>(1.0 / options.rate);
        const auto begin = Clock::now() + std::chrono::milliseconds(100);
        int running = int(conns.size());
        asio::steady_timer allDone(ioc, Clock::time_point::max());
        std::exception_ptr failure;
        for (std::size_t w = 0; w < conns.size(); ++w) {
            asio::co_spawn(
                ioc,
                [&, w]() -> awaitable<void> {
                    asio::steady_timer due(ioc);
                    for (std::int64_t i = std::int64_t(w); i < total; i += std::int64_t(conns.size())) {
                        const auto at = begin + std::chrono::duration_cast<Clock::duration>(interval * double(i));
                        due.expires_at(at);
                        co_await due.async_wait(use_awaitable);
                        auto res = co_await conns[w]->send(http::verb::post, "/v1/commands", cmdToken,
                                                           noteBatch(targets, std::size_t(i), 1));
                        result.latenciesMs.push_back(
                            std::chrono::duration<double, std::milli>(Clock::now() - at).count());
                        ++result.commands;
                        if (res.result_int() != 200)
                            ++result.errors;
                        else
                            result.applied += count(res.body(), "\"outcome\":\"applied\"");
                    }
                },
                [&](std::exception_ptr e) {
                    if (e && !failure)
                        failure = e;
                    if (--running == 0)
                        allDone.cancel();
                });
        }
        boost::system::error_code ec;
        co_await allDone.async_wait(asio::redirect_error(use_awaitable, ec));
        result.seconds = secondsSince(begin);
        result.rssEndKiB = residentKiB(options.serverPid);
        result.wsConnected = shared.connected;
        result.wsFailed = shared.failed;
        result.wsClosedEarly = shared.closedEarly;
        result.pokes = shared.pokes;
        if (failure)
            std::rethrow_exception(failure);
    });
    std::sort(result.latenciesMs.begin(), result.latenciesMs.end());
    return result;
}

std::int64_t residentKiB(int pid)
{
    if (pid <= 0)
        return 0;
    const std::string path = "/proc/" + std::to_string(pid) + "/status";
    std::FILE *f = std::fopen(path.c_str(), "r");
    if (!f)
        return 0;
    char line[256];
    std::int64_t kib = 0;
    while (std::fgets(line, sizeof line, f))
        if (std::sscanf(line, "VmRSS: %lld kB", reinterpret_cast<long long *>(&kib)) == 1)
            break;
    std::fclose(f);
    return kib;
}

} // namespace ibc::bench::loadgen
