// The fault-injecting proxy the sync tests put between the desk and ibc-store, proven on its own:
// against a real ibc-store on loopback where HTTP and WebSockets matter, and against an echo server
// where a plain byte stream says it more clearly. Every fault here is chosen by a fixed seed, so
// a run that fails can be replayed; no assertion depends on how fast the machine is, beyond
// generous timeouts.
#include "EchoServer.h"
#include "FaultProxy.h"
#include "StoreHarness.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTest>

#include <algorithm>
#include <cerrno>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace ibc::test;
using namespace std::chrono_literals;

namespace {

const QString kLoopback = QStringLiteral("127.0.0.1");

// One HTTP/1.1 exchange as the bytes went: what came back, and whether it was all of it.
struct Exchange {
    bool complete = false;
    int status = 0;
    QByteArray head;
    QByteArray body; // as much of it as arrived
    QString error;
};

// A keep-alive HTTP client on a bare socket, so that a response cut in the middle shows as the
// bytes that did arrive rather than as whatever a library makes of them. After a failure the next
// request opens a new connection.
class RawHttp {
public:
    explicit RawHttp(quint16 port) : m_port(port) {}

    Exchange request(const QByteArray &method, const QByteArray &path, const QByteArray &body = {},
                     const QString &token = {}, int timeoutMs = 15000)
    {
        Exchange x;
        QDeadlineTimer deadline(timeoutMs);
        if (m_socket.state() != QAbstractSocket::ConnectedState) {
            m_socket.abort();
            m_socket.connectToHost(kLoopback, m_port);
            if (!m_socket.waitForConnected(timeoutMs)) {
                x.error = QStringLiteral("connect: ") + m_socket.errorString();
                m_socket.abort();
                return x;
            }
        }
        QByteArray request = method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
        if (!token.isEmpty())
            request += "Authorization: Bearer " + token.toUtf8() + "\r\n";
        if (!body.isEmpty())
            request += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
        m_socket.write(request + "\r\n" + body);

        QByteArray got;
        for (;;) {
            const qsizetype headEnd = got.indexOf("\r\n\r\n");
            if (headEnd >= 0) {
                x.head = got.left(headEnd);
                x.body = got.mid(headEnd + 4);
                x.status = statusOf(got);
                const qsizetype length = contentLength(x.head);
                if (length >= 0 && x.body.size() >= length) {
                    x.complete = x.body.size() == length;
                    if (!x.complete)
                        x.error = QStringLiteral("more bytes than Content-Length");
                    return x;
                }
            }
            if (deadline.hasExpired()) {
                x.error = QStringLiteral("timed out");
                m_socket.abort();
                return x;
            }
            if (m_socket.state() != QAbstractSocket::ConnectedState && m_socket.bytesAvailable() == 0) {
                x.error = QStringLiteral("closed: ") + m_socket.errorString();
                m_socket.abort();
                return x;
            }
            m_socket.waitForReadyRead(int(std::clamp<qint64>(deadline.remainingTime(), 1, 100)));
            got += m_socket.readAll();
        }
    }

private:
    static qsizetype contentLength(const QByteArray &head)
    {
        for (const QByteArray &line : head.split('\n')) {
            if (line.toLower().startsWith("content-length:"))
                return line.mid(15).trimmed().toLongLong();
        }
        return -1;
    }

    quint16 m_port;
    QTcpSocket m_socket;
};

// A blocking client socket with nothing between it and the kernel, where connections are dropped
// at once: a QTcpSocket whose connection was reset just as it connected was seen to open a second
// connection of its own (the proxy accepted four from three sockets), which shifts the number of
// every connection after it and so the faults they draw.
class PlainSocket {
public:
    PlainSocket() = default;
    PlainSocket(const PlainSocket &) = delete;
    PlainSocket &operator=(const PlainSocket &) = delete;
    ~PlainSocket() { close(); }

    bool connect(quint16 port)
    {
        close();
        m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in to{};
        to.sin_family = AF_INET;
        to.sin_port = htons(port);
        to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        const int one = 1;
        ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        if (::connect(m_fd, reinterpret_cast<const sockaddr *>(&to), sizeof to) != 0) {
            close();
            return false;
        }
        return true;
    }
    bool isOpen() const { return m_fd >= 0; }
    void close()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = -1;
    }

    // Sends `data`, then reads until as many bytes came back, the peer closed or reset, or the
    // timeout passed; what came back.
    QByteArray echo(const QByteArray &data, int timeoutMs, QString *error)
    {
        if (::send(m_fd, data.constData(), size_t(data.size()), MSG_NOSIGNAL) != data.size()) {
            *error = errno == ECONNRESET ? QStringLiteral("reset") : QStringLiteral("send failed");
            return {};
        }
        QByteArray got;
        QDeadlineTimer deadline(timeoutMs);
        char buffer[4096];
        while (got.size() < data.size()) {
            pollfd p{m_fd, POLLIN, 0};
            if (::poll(&p, 1, int(std::clamp<qint64>(deadline.remainingTime(), 0, 100))) == 0) {
                if (deadline.hasExpired()) {
                    *error = QStringLiteral("timed out");
                    break;
                }
                continue;
            }
            const ssize_t n = ::recv(m_fd, buffer, sizeof buffer, 0);
            if (n <= 0) {
                *error = n == 0                ? QStringLiteral("closed")
                         : errno == ECONNRESET ? QStringLiteral("reset")
                                               : QStringLiteral("recv failed");
                break;
            }
            got.append(buffer, n);
        }
        return got;
    }

private:
    int m_fd = -1;
};

// Writes `data` and reads back as many bytes, or as many as came before an error or the timeout.
QByteArray echo(QTcpSocket &socket, const QByteArray &data, int timeoutMs, QString *error = nullptr)
{
    socket.write(data);
    QByteArray got;
    QDeadlineTimer deadline(timeoutMs);
    while (got.size() < data.size()) {
        if (deadline.hasExpired() ||
            (socket.state() != QAbstractSocket::ConnectedState && socket.bytesAvailable() == 0)) {
            if (error)
                *error = deadline.hasExpired() ? QStringLiteral("timed out") : socket.errorString();
            break;
        }
        socket.waitForReadyRead(int(std::clamp<qint64>(deadline.remainingTime(), 1, 100)));
        got += socket.readAll();
    }
    return got;
}

// A deterministic message of a given length: its number, then a pattern.
QByteArray message(int i, int length)
{
    QByteArray m = "message " + QByteArray::number(i) + ":";
    while (m.size() < length)
        m += char('a' + (m.size() + i) % 26);
    return m.left(length);
}

// Echoes `count` messages one at a time through `port`, opening a new connection whenever one
// fails and sending the failed message again; every message that comes back whole must be
// unchanged. Lockstep traffic, so the faults a seed gives are the same on every run.
void lockstepEcho(quint16 port, int count, int *failures)
{
    PlainSocket socket;
    int attempts = 0;
    for (int i = 0; i < count; ++attempts) {
        QVERIFY2(attempts < 20 * count, "no progress through the proxy");
        if (!socket.isOpen() && !socket.connect(port)) {
            ++*failures;
            continue;
        }
        const QByteArray m = message(i, 40 + (i * 97) % 560);
        QString error;
        const QByteArray back = socket.echo(m, 20000, &error);
        QVERIFY2(m.startsWith(back), "bytes through the proxy are only ever cut, never changed");
        if (back == m) {
            ++i;
        } else {
            QVERIFY2(error != QLatin1String("timed out"), "a fault ends in a reset or goes on; it never hangs");
            ++*failures;
            socket.close();
        }
    }
}

int countOf(const std::vector<FaultEvent> &events, FaultKind kind, std::optional<FaultDirection> direction = {})
{
    return int(std::count_if(events.begin(), events.end(), [&](const FaultEvent &e) {
        return e.kind == kind && (!direction || e.direction == *direction);
    }));
}

QString describe(const std::vector<FaultEvent> &events)
{
    QStringList lines;
    for (const FaultEvent &e : events)
        lines << e.toString();
    return lines.join(QLatin1String("; "));
}

QList<QPair<QByteArray, QByteArray>> bearer(const QString &token)
{
    return {qMakePair(QByteArray("Authorization"), "Bearer " + token.toUtf8())};
}

} // namespace

class TestFaultProxy : public QObject {
    Q_OBJECT

private:
    StoreProcess m_store;
    EchoServer m_echo;
    QString m_token;
    QJsonObject m_item;
    const QByteArray m_pagePath = "/v1/changes?since=0&limit=40";
    QByteArray m_page; // that page's body, straight from the store

    std::unique_ptr<FaultProxy> storeProxy(const FaultPlan &plan = {})
    {
        auto proxy = std::make_unique<FaultProxy>(kLoopback, m_store.port(), plan);
        return proxy->start() ? std::move(proxy) : nullptr;
    }

    QByteArray noteBody(const QString &text) const
    {
        return QJsonDocument(batch({command(QStringLiteral("add_note"), m_item, {{QStringLiteral("text"), text}})}))
            .toJson(QJsonDocument::Compact);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_store.seed(200), qPrintable(m_store.lastError()));
        QVERIFY2(m_store.start(), qPrintable(m_store.lastError()));
        QVERIFY(m_echo.start() != 0);
        Http http(m_store.url());
        m_token = http.loginDemo(QStringLiteral("sam.patel"));
        QVERIFY(!m_token.isEmpty());
        // The newest item: notes on it keep it at the end of the feed, and the first page unchanged.
        const QJsonArray feed = wholeFeed(http, m_token);
        QVERIFY(feed.size() > 100);
        m_item = feed.last().toObject();
        QVERIFY(!m_item.isEmpty());
        const Exchange page = RawHttp(m_store.port()).request("GET", m_pagePath, {}, m_token);
        QVERIFY(page.complete && page.status == 200);
        m_page = page.body;
        QVERIFY(m_page.size() > 10000); // many units of the plans below
    }

    void passesTrafficUnchangedWithNoFaults()
    {
        const auto proxy = storeProxy();
        QVERIFY(proxy);
        RawHttp direct(m_store.port()), through(proxy->port());
        for (const QByteArray &path :
             {QByteArray("/v1/changes?since=0&limit=40"), QByteArray("/v1/changes?since=20&limit=500"),
              QByteArray("/v1/items/") + m_item.value(QLatin1String("id")).toString().toUtf8(),
              QByteArray("/v1/reference")}) {
            const Exchange a = direct.request("GET", path, {}, m_token);
            const Exchange b = through.request("GET", path, {}, m_token);
            QVERIFY2(a.complete && b.complete, qPrintable(a.error + b.error));
            QCOMPARE(b.status, a.status);
            QCOMPARE(b.body, a.body);
        }
        // A client library through it too: sign in, and a command applied once.
        Http http(QStringLiteral("http://127.0.0.1:%1").arg(proxy->port()));
        QVERIFY(!http.loginDemo(QStringLiteral("rhys.evans")).isEmpty());
        const Reply applied =
            http.request("POST", QStringLiteral("/v1/commands"), noteBody(QStringLiteral("through")), m_token);
        QCOMPARE(applied.status, 200);

        // Megabytes each way, in one go: every byte back, in order.
        FaultProxy echoProxy(kLoopback, m_echo.port());
        QVERIFY(echoProxy.start());
        QByteArray data(4 << 20, Qt::Uninitialized);
        QRandomGenerator random(11);
        random.fillRange(reinterpret_cast<quint32 *>(data.data()), data.size() / 4);
        QTcpSocket socket;
        socket.connectToHost(kLoopback, echoProxy.port());
        QVERIFY(socket.waitForConnected(10000));
        QVERIFY(echo(socket, data, 60000) == data);
        const FaultProxyStats s = echoProxy.stats();
        QCOMPARE(s.connections, quint64(1));
        QCOMPARE(s.open, quint64(1));
        QCOMPARE(s.bytesToServer, quint64(data.size()));
        QCOMPARE(s.bytesToClient, quint64(data.size()));
        QCOMPARE(s.resets + s.drops + s.stalls + s.delays + s.upstreamFailures, quint64(0));
        QVERIFY(echoProxy.events().empty());
    }

    void downRefusesAndResetsThenComesBack()
    {
        const auto proxy = storeProxy();
        QVERIFY(proxy);
        const quint16 port = proxy->port();
        RawHttp keptAlive(port);
        QCOMPARE(keptAlive.request("GET", "/healthz").status, 200);
        WsClient ws;
        QVERIFY(ws.connect(port, QStringLiteral("/v1/stream"), bearer(m_token)));
        QVERIFY(ws.next(10000)); // where the feed stands

        proxy->setDown(true);
        QVERIFY(!ws.next(10000));
        QVERIFY2(!ws.isOpen(), "an open WebSocket is cut by the outage");
        const Exchange cut = keptAlive.request("GET", "/healthz");
        QVERIFY2(!cut.complete && cut.head.isEmpty(), qPrintable(cut.error));
        QTcpSocket refused;
        refused.connectToHost(kLoopback, port);
        QVERIFY(!refused.waitForConnected(10000));
        QCOMPARE(refused.error(), QAbstractSocket::ConnectionRefusedError);
        const Reply viaLibrary = Http(QStringLiteral("http://127.0.0.1:%1").arg(port)).get(QStringLiteral("/healthz"));
        QCOMPARE(viaLibrary.status, 0);
        QVERIFY(!viaLibrary.networkError.isEmpty());
        QCOMPARE(proxy->stats().manualResets, quint64(2));
        proxy->setDown(true); // already down: nothing changes

        proxy->setDown(false);
        QCOMPARE(proxy->port(), port);
        const Exchange back = RawHttp(port).request("GET", m_pagePath, {}, m_token);
        QVERIFY2(back.complete, qPrintable(back.error));
        QCOMPARE(back.body, m_page);
        WsClient again;
        QVERIFY(again.connect(port, QStringLiteral("/v1/stream"), bearer(m_token)));
        QVERIFY(again.next(10000));
        QVERIFY(proxy->events().empty()); // an outage is not one of the plan's faults
    }

    void resetsCutRequestsAndResponsesButNeverChangeBytes()
    {
        FaultPlan plan;
        plan.resetProbability = 0.03;
        plan.unitBytes = 256;
        plan.seed = 4;
        const auto proxy = storeProxy(plan);
        QVERIFY(proxy);
        RawHttp client(proxy->port());
        int complete = 0, cutBeforeAnswer = 0, cutMidAnswer = 0;
        for (int i = 0; i < 400 && (complete < 20 || cutBeforeAnswer < 3 || cutMidAnswer < 3); ++i) {
            const bool page = i % 2 == 0;
            const Exchange x =
                page ? client.request("GET", m_pagePath, {}, m_token) : client.request("GET", "/healthz");
            QVERIFY2(x.complete || !x.error.isEmpty(), "an exchange either completes or says why not");
            if (x.complete) {
                ++complete;
                QCOMPARE(x.status, 200);
                if (page)
                    QCOMPARE(x.body, m_page);
            } else if (x.head.isEmpty()) {
                ++cutBeforeAnswer;
                QVERIFY2(x.error != QLatin1String("timed out"), "a reset is seen at once");
            } else {
                ++cutMidAnswer;
                QCOMPARE(x.status, 200);
                if (page)
                    QVERIFY2(m_page.startsWith(x.body), "a cut response is a prefix of the real one");
            }
        }
        const std::vector<FaultEvent> events = proxy->events();
        QVERIFY2(complete >= 20 && cutBeforeAnswer >= 3 && cutMidAnswer >= 3,
                 qPrintable(QStringLiteral("%1 complete, %2 cut before the answer, %3 mid-answer: %4")
                                .arg(complete)
                                .arg(cutBeforeAnswer)
                                .arg(cutMidAnswer)
                                .arg(describe(events))));
        // Resets mid-request (to the server) and mid-response (to the client), each counted.
        QVERIFY(countOf(events, FaultKind::Reset, FaultDirection::ToServer) > 0);
        QVERIFY(countOf(events, FaultKind::Reset, FaultDirection::ToClient) > 0);
        QCOMPARE(quint64(events.size()), proxy->stats().resets);
        QCOMPARE(proxy->stats().stalls + proxy->stats().drops, quint64(0));
    }

    void dropsResetNewConnectionsAtOnce()
    {
        FaultPlan plan;
        plan.dropConnectProbability = 1.0;
        FaultProxy proxy(kLoopback, m_echo.port(), plan);
        QVERIFY(proxy.start());
        const quint64 echoConnections = m_echo.connections();
        for (int i = 0; i < 3; ++i) {
            PlainSocket socket;
            if (!socket.connect(proxy.port()))
                continue; // the reset came before the handshake was done: as good as refused
            QString error;
            QVERIFY(socket.echo("hello", 10000, &error).isEmpty());
            QVERIFY2(error == QLatin1String("reset"), qPrintable(error));
        }
        QCOMPARE(proxy.stats().drops, quint64(3));
        QCOMPARE(proxy.stats().connections, quint64(3));
        QCOMPARE(proxy.stats().bytesToServer, quint64(0));
        QCOMPARE(countOf(proxy.events(), FaultKind::Drop), 3);
        QCOMPARE(m_echo.connections(), echoConnections); // the target never heard of them
    }

    void delaysKeepEveryByteInOrder()
    {
        FaultPlan plan;
        plan.maxDelay = 15ms;
        plan.seed = 9;
        FaultProxy proxy(kLoopback, m_echo.port(), plan);
        QVERIFY(proxy.start());
        QTcpSocket socket;
        socket.connectToHost(kLoopback, proxy.port());
        QVERIFY(socket.waitForConnected(10000));
        // Messages written back to back, so that many chunks are in flight and held at once.
        QByteArray all;
        for (int i = 0; i < 400; ++i)
            all += message(i, 20 + (i * 131) % 3000);
        QVERIFY(echo(socket, all, 120000) == all);
        QVERIFY(proxy.stats().delays > 0);
        QCOMPARE(proxy.stats().resets + proxy.stats().stalls, quint64(0));

        // And HTTP through delays: every answer whole.
        const auto http = storeProxy(plan);
        QVERIFY(http);
        RawHttp client(http->port());
        for (int i = 0; i < 10; ++i) {
            const Exchange x = client.request("GET", m_pagePath, {}, m_token);
            QVERIFY2(x.complete, qPrintable(x.error));
            QCOMPARE(x.body, m_page);
        }
        QVERIFY(http->stats().delays > 0);
    }

    void stallMakesClientTimeOut()
    {
        FaultPlan plan;
        plan.stallProbability = 1.0;
        plan.unitBytes = 1; // a stall at the first byte in each direction
        plan.stallFor = 120s;
        const auto proxy = storeProxy(plan);
        QVERIFY(proxy);
        const Exchange x = RawHttp(proxy->port()).request("GET", "/healthz", {}, {}, 1500);
        QCOMPARE(x.error, QStringLiteral("timed out"));
        QVERIFY(x.head.isEmpty());
        QCOMPARE(proxy->stats().stalls, quint64(1));
        QCOMPARE(proxy->events(), (std::vector<FaultEvent>{{0, FaultDirection::ToServer, FaultKind::Stall, 0}}));
        proxy->resetAll(); // ends the stall
        QCOMPARE(proxy->stats().open, quint64(0));
    }

    void stallThenGoOnOrReset()
    {
        // A stall that goes on: late, but whole.
        FaultPlan plan;
        plan.stallProbability = 1.0;
        plan.unitBytes = 1 << 20; // one stall in the first mebibyte of each direction
        plan.stallFor = 200ms;
        plan.seed = 5;
        FaultProxy goesOn(kLoopback, m_echo.port(), plan);
        QVERIFY(goesOn.start());
        QTcpSocket socket;
        socket.connectToHost(kLoopback, goesOn.port());
        QVERIFY(socket.waitForConnected(10000));
        QByteArray data(3 << 20, 'x');
        for (int i = 0; i < data.size(); i += 1000)
            data[i] = char('0' + (i / 1000) % 10);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(echo(socket, data, 60000) == data);
        QVERIFY(clock.elapsed() >= 200);             // a lower bound: a slow machine only adds to it
        QCOMPARE(goesOn.stats().stalls, quint64(6)); // three units each way
        QCOMPARE(countOf(goesOn.events(), FaultKind::Stall), 6);

        // A stall that ends in a reset.
        plan.unitBytes = 1;
        plan.stallResetProbability = 1.0;
        FaultProxy resets(kLoopback, m_echo.port(), plan);
        QVERIFY(resets.start());
        QTcpSocket cut;
        cut.connectToHost(kLoopback, resets.port());
        QVERIFY(cut.waitForConnected(10000));
        QString error;
        QVERIFY(echo(cut, "hello", 30000, &error).isEmpty());
        QVERIFY2(error != QLatin1String("timed out"), qPrintable(error));
        QCOMPARE(resets.events(), (std::vector<FaultEvent>{{0, FaultDirection::ToServer, FaultKind::StallReset, 0}}));
        QCOMPARE(resets.stats().resets, quint64(1));
        QCOMPARE(resets.stats().bytesToServer, quint64(0));
    }

    void lifetimeResetsCutIdleWebSockets()
    {
        FaultPlan plan;
        plan.lifetimeResetProbability = 1.0;
        plan.maxLifetime = 1500ms;
        const auto proxy = storeProxy(plan);
        QVERIFY(proxy);
        // A connection's lifetime may be too short for the handshake: then the next one's is tried.
        int connections = 0;
        for (;;) {
            QVERIFY(++connections <= 20);
            WsClient ws;
            if (!ws.connect(proxy->port(), QStringLiteral("/v1/stream"), bearer(m_token)) || !ws.next(10000))
                continue;
            QVERIFY(!ws.next(30000)); // idle, until the reset
            QVERIFY(!ws.isOpen());
            break;
        }
        QCOMPARE(countOf(proxy->events(), FaultKind::LifetimeReset), connections);
        QCOMPARE(proxy->stats().resets, quint64(connections));
    }

    void sameSeedSameFaults()
    {
        FaultPlan plan;
        plan.dropConnectProbability = 0.15;
        plan.resetProbability = 0.03;
        plan.stallProbability = 0.03;
        plan.stallResetProbability = 0.5;
        plan.stallFor = 30ms;
        plan.unitBytes = 128;
        plan.maxDelay = 3ms;

        const auto run = [&](quint64 seed, int *failures) {
            plan.seed = seed;
            FaultProxy proxy(kLoopback, m_echo.port(), plan);
            proxy.start();
            lockstepEcho(proxy.port(), 150, failures);
            proxy.stop();
            return proxy.events();
        };
        int failures1 = 0, failures2 = 0, failures3 = 0;
        const std::vector<FaultEvent> first = run(21, &failures1);
        if (QTest::currentTestFailed())
            return;
        const std::vector<FaultEvent> second = run(21, &failures2);
        if (QTest::currentTestFailed())
            return;
        QVERIFY2(first == second, qPrintable(describe(first) + QLatin1String("\n  vs\n") + describe(second)));
        QCOMPARE(failures2, failures1);
        for (FaultKind kind : {FaultKind::Drop, FaultKind::Reset, FaultKind::Stall, FaultKind::StallReset})
            QVERIFY2(countOf(first, kind) > 0, qPrintable(describe(first)));
        const std::vector<FaultEvent> other = run(22, &failures3);
        QVERIFY(!other.empty());
        QVERIFY(other != first);
    }

    void switchingFaultsOffLetsEverythingConverge()
    {
        FaultPlan plan;
        plan.dropConnectProbability = 0.2;
        plan.resetProbability = 0.01;
        plan.stallProbability = 0.01;
        plan.stallResetProbability = 0.5;
        plan.stallFor = 500ms;
        plan.unitBytes = 512;
        plan.maxDelay = 10ms;
        plan.lifetimeResetProbability = 0.3;
        plan.maxLifetime = 3000ms;
        plan.seed = 77;
        const auto proxy = storeProxy(plan);
        QVERIFY(proxy);

        // The bounded chaos: reads and commands, many of them cut.
        RawHttp chaos(proxy->port());
        int failed = 0;
        for (int i = 0; i < 40; ++i) {
            const Exchange x = i % 2 ? chaos.request("GET", m_pagePath, {}, m_token, 3000)
                                     : chaos.request("POST", "/v1/commands",
                                                     noteBody(QStringLiteral("chaos %1").arg(i)), m_token, 3000);
            failed += x.complete ? 0 : 1;
            if (x.complete)
                QCOMPARE(x.status, 200);
        }
        QVERIFY2(failed > 0, qPrintable(describe(proxy->events())));

        proxy->setFaultsEnabled(false);
        proxy->resetAll(); // what was stalled or armed to die goes now, as after a real network's recovery
        const quint64 faultsBefore = proxy->events().size();
        RawHttp calm(proxy->port());
        for (int i = 0; i < 30; ++i) {
            const Exchange x =
                i % 2 ? calm.request("GET", m_pagePath, {}, m_token)
                      : calm.request("POST", "/v1/commands", noteBody(QStringLiteral("calm %1").arg(i)), m_token);
            QVERIFY2(x.complete, qPrintable(x.error));
            QCOMPARE(x.status, 200);
            if (i % 2)
                QCOMPARE(x.body, m_page);
        }
        // New connections too, and a WebSocket that hears of a change.
        WsClient ws;
        QVERIFY(ws.connect(proxy->port(), QStringLiteral("/v1/stream"), bearer(m_token)));
        QVERIFY(ws.next(10000));
        QCOMPARE(
            RawHttp(m_store.port()).request("POST", "/v1/commands", noteBody(QStringLiteral("poke")), m_token).status,
            200);
        QVERIFY(ws.next(10000));
        QCOMPARE(quint64(proxy->events().size()), faultsBefore);
    }

    void stopDuringTrafficReturnsPromptly()
    {
        FaultPlan plan;
        plan.maxDelay = 50ms;
        plan.stallProbability = 0.05;
        plan.unitBytes = 64 * 1024;
        plan.stallFor = 120s;
        plan.seed = 3;
        auto proxy = std::make_unique<FaultProxy>(kLoopback, m_echo.port(), plan);
        const quint16 port = proxy->start();
        QVERIFY(port);
        // Clients that write megabytes and read nothing: the proxy's writes back to them block,
        // chunks sit in delays, and some directions stall for two minutes.
        std::vector<std::unique_ptr<QTcpSocket>> clients;
        const QByteArray data(4 << 20, 'z');
        for (int i = 0; i < 4; ++i) {
            clients.push_back(std::make_unique<QTcpSocket>());
            clients.back()->connectToHost(kLoopback, port);
            QVERIFY(clients.back()->waitForConnected(10000));
            clients.back()->write(data);
        }
        QDeadlineTimer busy(10000);
        while (proxy->stats().bytesToServer < (1u << 20) && !busy.hasExpired())
            for (auto &c : clients)
                c->waitForBytesWritten(50);
        QVERIFY(proxy->stats().bytesToServer > 0);
        QCOMPARE(proxy->stats().open, quint64(4));

        QElapsedTimer clock;
        clock.start();
        proxy->stop();
        QVERIFY2(clock.elapsed() < 20000, "stop() waited for traffic, a delay or a stall");
        proxy->stop(); // twice is fine
        QTcpSocket late;
        late.connectToHost(kLoopback, port);
        QVERIFY(!late.waitForConnected(10000));

        // The destructor stops it the same way.
        proxy = std::make_unique<FaultProxy>(kLoopback, m_echo.port(), plan);
        QVERIFY(proxy->start());
        QTcpSocket last;
        last.connectToHost(kLoopback, proxy->port());
        QVERIFY(last.waitForConnected(10000));
        last.write(data);
        last.waitForBytesWritten(1000);
        clock.restart();
        proxy.reset();
        QVERIFY(clock.elapsed() < 20000);
    }
};

QTEST_GUILESS_MAIN(TestFaultProxy)
#include "tst_faultproxy.moc"
