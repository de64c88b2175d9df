#pragma once

#include "domain/Clock.h"
#include "store/Store.h"

#include <QString>

#include <chrono>
#include <functional>
#include <memory>
#include <stdexcept>

namespace ibc::sync {

struct ServerOptions {
    QString host = QStringLiteral("127.0.0.1");
    quint16 port = 0;    // 0: any free port (see Server::port())
    QString tlsCertFile; // PEM; both or neither
    QString tlsKeyFile;

    int ioThreads = 2;     // run the sockets
    int storeThreads = 16; // run the store's blocking calls: most of them wait on a commit (group commit)

    std::size_t bodyLimit = 1024 * 1024;
    int maxCommandsPerBatch = kMaxCommandsPerBatch;
    std::chrono::seconds readTimeout{30}; // a whole request, or the quiet between two on one connection
    std::chrono::seconds writeTimeout{30};
    std::chrono::seconds shutdownGrace{10}; // after SIGTERM, how long in-flight work may take
    std::size_t maxQueuedMessages = 16;     // per WebSocket client; beyond this the client is dropped
    // A live client that has sent nothing for half this long is pinged; one that hasn't answered
    // (it has stopped reading) by the end of it is dropped.
    std::chrono::seconds wsIdleTimeout{60};
    std::chrono::seconds tokenRecheck{60};       // how often a live feed's token is checked again
    std::chrono::milliseconds pokeInterval{100}; // live clients hear of commits at most this often

    // One line per request (and the server's own news). Default: stdout.
    std::function<void(const QString &line)> log;
};

// Why the server could not start: the address is in use, the certificate can't be read…
class ServerError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// ibc-store's HTTP/1.1 and WebSocket front: the API of sync/openapi.yaml over a Store.
//
// One session per connection, each on its own strand; the store's blocking calls run on a pool
// so that one slow request never stalls the others. SIGINT or SIGTERM (or stop()) stops accepting,
// lets in-flight requests finish, closes every connection and returns from run().
class Server {
public:
    // Binds the listening socket (and loads the TLS key) at once: throws ServerError.
    Server(Store &store, const models::Clock &clock, ServerOptions options);
    ~Server();
    Server(const Server &) = delete;
    Server &operator=(const Server &) = delete;

    quint16 port() const;
    QString url() const; // "http://127.0.0.1:8443" or "https://…"

    // Serves until SIGINT, SIGTERM or stop(); returns 0 when everything in flight has finished.
    int run();
    // Thread safe.
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace ibc::sync
