#pragma once

#include "server/Hub.h"
#include "server/LoginThrottle.h"
#include "server/Metrics.h"
#include "store/Store.h"

#include <QByteArray>
#include <QString>

#include <chrono>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace ibc::sync::server {

// An HTTP request as the API sees it: no sockets, no Beast.
struct Request {
    std::string method; // "GET"
    std::string target; // "/v1/changes?since=0&limit=100"
    std::string authorization;
    QByteArray body;
    std::string remote; // the peer's address, for throttling sign-ins
};

struct Response {
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/json";
    std::vector<std::pair<QByteArray, QByteArray>> headers;
    QString user;  // who asked, for the log line; empty if nobody signed in
    QString route; // "/v1/items/{id}", for metrics
};

// Which endpoint a request is for.
enum class Route { None, Healthz, Metrics, Session, Changes, Commands, Items, Item, Reveal, Reference, Audit, Stream };

struct Limits {
    int maxCommandsPerBatch = kMaxCommandsPerBatch;
    int defaultPageSize = 1000;
    int maxPageSize = kMaxPageItems;
};

// The HTTP API of ibc-store, apart from the transport: request in, response out. handle() calls
// the store, which blocks, so the server runs it on its store pool; everything else is cheap.
// Thread safe.
class Api {
public:
    Api(Store &store, const models::Clock &clock, Metrics &metrics, LoginThrottle &throttle, Hub &hub,
        Limits limits = {});

    // The route and its template for metrics ("/v1/items/{id}"), and the methods it allows.
    static Route route(const std::string &target, QString *name = nullptr);
    static QByteArray allowedMethods(Route route);

    // An answer that needs no store (health, metrics, unknown path, wrong method), or nullopt.
    std::optional<Response> answerAtOnce(const Request &request) const;
    // For POST /v1/session: how long to hold the attempt before checking it (see LoginThrottle).
    std::chrono::milliseconds signInDelay(const Request &request) const;
    // Any request: blocking.
    Response handle(const Request &request);
    // For the WebSocket: the user behind the request's bearer token (Authorization header, or
    // ?token= for browsers) and the token, or the 401/403 to answer instead. Blocking.
    struct StreamAuth {
        std::optional<models::User> user;
        QString token;
        Response refusal;
    };
    StreamAuth authenticateStream(const Request &request);
    // Whether a live feed's token still holds (not expired, its user not disabled). Blocking.
    bool tokenStillValid(const QString &token);

    static Response error(int status, const QString &code, const QString &message, const QJsonObject &fields = {});

private:
    Response signIn(const Request &request);
    std::variant<models::User, Response> authenticate(const Request &request, const std::string &queryToken = {},
                                                      QString *token = nullptr);
    Response changes(const Request &request, const models::User &user);
    Response commands(const Request &request, const models::User &user);
    Response intake(const Request &request, const models::User &user);
    Response item(const Request &request, const models::User &user);
    Response reveal(const Request &request, const models::User &user);
    Response reference(const models::User &user);
    Response auditLog(const Request &request, const models::User &user);

    Store &m_store;
    const models::Clock &m_clock;
    Metrics &m_metrics;
    LoginThrottle &m_throttle;
    Hub &m_hub;
    Limits m_limits;
};

} // namespace ibc::sync::server
