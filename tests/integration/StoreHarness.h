#pragma once

// What the integration suites share: a real ibc-store process on a loopback port with a fresh
// seeded store in a temporary directory, a small synchronous HTTP client, raw sockets for what
// no polite client would send, and a minimal WebSocket client.

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSslConfiguration>
#include <QString>
#include <QStringList>
#include <QTcpSocket>
#include <QTemporaryDir>

#include <memory>
#include <optional>

namespace ibc::test {

// The build's ibc-store (a compile definition of each suite).
QString storeBinary();
QString newUuid();

struct CliResult {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// Runs `ibc-store args…` to completion, with `input` on its standard input.
CliResult runCli(const QStringList &args, const QByteArray &input = {}, int timeoutMs = 120000);

// One ibc-store serving a store of its own.
class StoreProcess {
public:
    StoreProcess();
    ~StoreProcess();

    QString dir() const { return m_dir.path(); }
    QString db() const { return m_db; }

    // `ibc-store seed` into this store; false (with the reason in lastError()) on failure.
    bool seed(int items, int seed = 7);
    // `ibc-store user add` with the password on standard input.
    bool addUser(const QString &username, const QString &role, const QString &partners, const QString &password);

    // `ibc-store serve --listen 127.0.0.1:0 extra…`, waiting until it says where it listens.
    bool start(const QStringList &extra = {});
    void kill();                    // SIGKILL, and wait
    int terminate();                // SIGTERM; the exit code, or -1 if it crashed or hung
    void sendSignal(int signal);    // and return at once
    int waitForExit(int timeoutMs); // the exit code, or -1 if it crashed or is still running
    bool running() const;

    quint16 port() const { return m_port; }
    QString url() const { return m_url; }
    QString log() const; // everything it printed
    QString lastError() const { return m_error; }

private:
    QTemporaryDir m_dir;
    QString m_db;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    QString m_url;
    QString m_error;
    int m_starts = 0;
};

struct Reply {
    int status = 0; // 0: no HTTP answer (connection refused, reset…)
    QByteArray body;
    QJsonObject json;                     // the body, if it is a JSON object
    QMap<QByteArray, QByteArray> headers; // names in lower case
    QString networkError;
    qint64 elapsedMs = 0;

    QString error() const { return json.value(QLatin1String("error")).toString(); }
};

// A blocking HTTP client over QNetworkAccessManager (spins a local event loop).
class Http {
public:
    explicit Http(QString baseUrl, std::optional<QSslConfiguration> tls = std::nullopt);

    Reply request(const QByteArray &method, const QString &path, const QByteArray &body = {}, const QString &token = {},
                  const QList<QPair<QByteArray, QByteArray>> &headers = {}, int timeoutMs = 30000);
    Reply get(const QString &path, const QString &token = {}) { return request("GET", path, {}, token); }
    Reply post(const QString &path, const QJsonObject &body, const QString &token = {});

    // POST /v1/session; the token, or empty.
    QString login(const QString &username, const QString &password);
    QString loginDemo(const QString &username) { return login(username, QLatin1String("demo-") + username); }

    QNetworkAccessManager &manager() { return m_nam; }
    QString baseUrl() const { return m_base; }

private:
    QString m_base;
    std::optional<QSslConfiguration> m_tls;
    QNetworkAccessManager m_nam;
};

// The whole feed a user may see, page by page.
QJsonArray wholeFeed(Http &http, const QString &token, int pageSize = 500);

QJsonObject command(const QString &type, const QJsonObject &item, const QJsonObject &payload = {});
QJsonObject batch(const QJsonArray &commands);

// Writes `bytes` to a fresh connection and returns everything read until the server closes it or
// `timeoutMs` passes.
QByteArray rawExchange(quint16 port, const QByteArray &bytes, int timeoutMs = 5000, bool *closedByServer = nullptr);
int statusOf(const QByteArray &rawResponse);
QJsonObject bodyOf(const QByteArray &rawResponse);

// Just enough of a WebSocket client (RFC 6455) for reading the server's text messages.
class WsClient {
public:
    // GET `path` with Upgrade: websocket and the given headers; true if the server switched
    // protocols. Otherwise status() is the HTTP status it answered with.
    bool connect(quint16 port, const QString &path, const QList<QPair<QByteArray, QByteArray>> &headers = {},
                 int timeoutMs = 5000);
    int status() const { return m_status; }
    // The next text message, or nullopt if none came within `timeoutMs`.
    std::optional<QJsonObject> next(int timeoutMs);
    bool isOpen() const;
    void close();

private:
    std::optional<QByteArray> frame(int timeoutMs);
    QTcpSocket m_socket;
    QByteArray m_buffer;
    int m_status = 0;
};

} // namespace ibc::test
