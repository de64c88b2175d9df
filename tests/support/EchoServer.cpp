#include "EchoServer.h"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>

#include <atomic>
#include <exception>
#include <list>
#include <optional>
#include <thread>
#include <vector>

namespace asio = boost::asio;
using asio::ip::tcp;
using boost::system::error_code;

namespace ibc::test {

namespace {
constexpr auto asTuple = asio::as_tuple(asio::use_awaitable);
void rethrow(std::exception_ptr e)
{
    if (e)
        std::rethrow_exception(e);
}
} // namespace

struct EchoServer::Impl {
    asio::io_context io; // first: destroyed last
    std::optional<asio::executor_work_guard<asio::io_context::executor_type>> work;
    tcp::acceptor acceptor{io};
    std::thread thread;
    std::atomic<bool> running{false};
    std::atomic<quint16> port{0};
    std::atomic<quint64> accepted{0};
    std::list<std::weak_ptr<tcp::socket>> sockets; // the io thread's

    asio::awaitable<void> acceptLoop()
    {
        for (;;) {
            auto [error, socket] = co_await acceptor.async_accept(asTuple);
            if (error == asio::error::operation_aborted || !acceptor.is_open())
                co_return;
            if (error)
                continue;
            ++accepted;
            auto shared = std::make_shared<tcp::socket>(std::move(socket));
            sockets.remove_if([](const auto &w) { return w.expired(); });
            sockets.push_back(shared);
            asio::co_spawn(io, echo(shared), rethrow);
        }
    }

    static asio::awaitable<void> echo(std::shared_ptr<tcp::socket> socket)
    {
        std::vector<char> buffer(64 * 1024);
        for (;;) {
            auto [readError, n] = co_await socket->async_read_some(asio::buffer(buffer), asTuple);
            if (readError) {
                error_code ignored;
                socket->shutdown(tcp::socket::shutdown_send, ignored);
                socket->close(ignored);
                co_return;
            }
            auto [writeError, written] = co_await asio::async_write(*socket, asio::buffer(buffer.data(), n), asTuple);
            if (writeError) {
                error_code ignored;
                socket->close(ignored);
                co_return;
            }
        }
    }
};

EchoServer::EchoServer() : d(std::make_unique<Impl>()) {}

EchoServer::~EchoServer() { stop(); }

quint16 EchoServer::start()
{
    if (d->running)
        return d->port;
    error_code error;
    const tcp::endpoint endpoint(asio::ip::make_address_v4("127.0.0.1"), 0);
    d->acceptor.open(endpoint.protocol(), error);
    if (!error)
        d->acceptor.bind(endpoint, error);
    if (!error)
        d->acceptor.listen(asio::socket_base::max_listen_connections, error);
    if (error)
        return 0;
    d->port = d->acceptor.local_endpoint().port();
    d->work.emplace(d->io.get_executor());
    asio::co_spawn(d->io, d->acceptLoop(), rethrow);
    d->running = true;
    d->thread = std::thread([this] { d->io.run(); });
    return d->port;
}

quint16 EchoServer::port() const { return d->port; }

quint64 EchoServer::connections() const { return d->accepted; }

void EchoServer::stop()
{
    if (!d->running.exchange(false))
        return;
    asio::post(d->io, [this] {
        error_code ignored;
        d->acceptor.close(ignored);
        for (const auto &weak : d->sockets)
            if (auto socket = weak.lock())
                socket->close(ignored);
        d->work.reset();
    });
    d->thread.join();
}

} // namespace ibc::test
