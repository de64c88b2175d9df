// Bad input of every sort: each gets a 4xx JSON error naming what was wrong (or, for a client
// that stalls, a timeout), the server goes on serving everyone else, and nothing is half-applied.
#include "StoreHarness.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTest>

using namespace ibc::test;

namespace {

QString str(const QJsonObject &o, const char *key) { return o.value(QLatin1String(key)).toString(); }

QByteArray commandJson(const QString &extra)
{
    return QStringLiteral(R"({"commands":[{"id":"%1","item_id":"%2","type":"claim","base_version":1%3}]})")
        .arg(newUuid(), newUuid(), extra)
        .toUtf8();
}

} // namespace

class TestStoreBadInput : public QObject {
    Q_OBJECT

private:
    StoreProcess m_store;
    std::unique_ptr<Http> m_http;
    QString m_token;

    QByteArray rawPost(const QByteArray &path, const QByteArray &body, const QByteArray &extraHeaders = {})
    {
        return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + m_token.toUtf8() +
               "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n" +
               extraHeaders + "Connection: close\r\n\r\n" + body;
    }

    // Someone else is served promptly.
    void othersAreServed()
    {
        Http other(m_store.url());
        const Reply health = other.get(QStringLiteral("/healthz"));
        QCOMPARE(health.status, 200);
        QVERIFY2(health.elapsedMs < 1000, qPrintable(QString::number(health.elapsedMs)));
        const Reply page = other.get(QStringLiteral("/v1/changes?limit=10"), m_token);
        QCOMPARE(page.status, 200);
        QCOMPARE(page.json.value(QLatin1String("items")).toArray().size(), 10);
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_store.seed(100), qPrintable(m_store.lastError()));
        QVERIFY2(m_store.start({QStringLiteral("--read-timeout"), QStringLiteral("2")}),
                 qPrintable(m_store.lastError()));
        m_http = std::make_unique<Http>(m_store.url());
        m_token = m_http->loginDemo(QStringLiteral("sam.patel"));
        QVERIFY(!m_token.isEmpty());
    }

    void refused_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("auth"); // "user", "none", or a raw Authorization header
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QStringList>("named"); // what the message (and fields) must name

        const QString cmds = QStringLiteral("/v1/commands");
        const QString u = QStringLiteral("user");
        QTest::newRow("malformed JSON") << QByteArray("POST") << cmds << QByteArray(R"({"commands": [)") << u << 400
                                        << "malformed_json" << QStringList{QStringLiteral("not valid JSON")};
        QTest::newRow("a JSON array, not an object")
            << QByteArray("POST") << cmds << QByteArray("[]") << u << 400 << "malformed_json"
            << QStringList{QStringLiteral("a JSON object, {…}")};
        QTest::newRow("an empty body") << QByteArray("POST") << cmds << QByteArray() << u << 400 << "malformed_json"
                                       << QStringList{QStringLiteral("empty")};
        QTest::newRow("commands is not an array")
            << QByteArray("POST") << cmds << QByteArray(R"({"commands": 5})") << u << 400 << "invalid_request"
            << QStringList{QStringLiteral("commands")};
        QTest::newRow("commands missing")
            << QByteArray("POST") << cmds << QByteArray(R"({"comands": []})") << u << 400 << "invalid_request"
            << QStringList{QStringLiteral("commands"), QStringLiteral("comands")};
        QTest::newRow("base_version is a string")
            << QByteArray("POST") << cmds
            << QStringLiteral(R"({"commands":[{"id":"%1","item_id":"%2","type":"claim","base_version":"3"}]})")
                   .arg(newUuid(), newUuid())
                   .toUtf8()
            << u << 400 << "invalid_request" << QStringList{QStringLiteral("commands[0].base_version")};
        QTest::newRow("base_version is a fraction")
            << QByteArray("POST") << cmds
            << QStringLiteral(R"({"commands":[{"id":"%1","item_id":"%2","type":"claim","base_version":1.5}]})")
                   .arg(newUuid(), newUuid())
                   .toUtf8()
            << u << 400 << "invalid_request" << QStringList{QStringLiteral("commands[0].base_version")};
        QTest::newRow("id is not a UUID")
            << QByteArray("POST") << cmds
            << QStringLiteral(R"({"commands":[{"id":"retry-1","item_id":"%1","type":"claim","base_version":1}]})")
                   .arg(newUuid())
                   .toUtf8()
            << u << 400 << "invalid_request" << QStringList{QStringLiteral("commands[0].id")};
        QTest::newRow("unknown command type")
            << QByteArray("POST") << cmds
            << QStringLiteral(R"({"commands":[{"id":"%1","item_id":"%2","type":"frobnicate","base_version":1}]})")
                   .arg(newUuid(), newUuid())
                   .toUtf8()
            << u << 400 << "unknown_command_type"
            << QStringList{QStringLiteral("commands[0].type"), QStringLiteral("frobnicate")};
        QTest::newRow("missing fields") << QByteArray("POST") << cmds
                                        << QStringLiteral(R"({"commands":[{"id":"%1"}]})").arg(newUuid()).toUtf8() << u
                                        << 400 << "invalid_request"
                                        << QStringList{QStringLiteral("commands[0].item_id"),
                                                       QStringLiteral("commands[0].type"),
                                                       QStringLiteral("commands[0].base_version")};
        QTest::newRow("second command bad, first good")
            << QByteArray("POST") << cmds
            << QStringLiteral(
                   R"({"commands":[{"id":"%1","item_id":"%2","type":"claim","base_version":1},{"id":"%3","item_id":"%4","type":"claim"}]})")
                   .arg(newUuid(), newUuid(), newUuid(), newUuid())
                   .toUtf8()
            << u << 400 << "invalid_request" << QStringList{QStringLiteral("commands[1].base_version")};
        QTest::newRow("payload is not an object")
            << QByteArray("POST") << cmds << commandJson(QStringLiteral(R"(,"payload":"now")")) << u << 400
            << "invalid_request" << QStringList{QStringLiteral("commands[0].payload")};
        QTest::newRow("reason is not text")
            << QByteArray("POST") << cmds
            << QStringLiteral(
                   R"({"commands":[{"id":"%1","item_id":"%2","type":"escalate","base_version":1,"payload":{"reason":42}}]})")
                   .arg(newUuid(), newUuid())
                   .toUtf8()
            << u << 400 << "invalid_request" << QStringList{QStringLiteral("commands[0].payload.reason")};
        QTest::newRow("payload member the type does not take")
            << QByteArray("POST") << cmds << commandJson(QStringLiteral(R"(,"payload":{"assignee":"sam.patel"})")) << u
            << 400 << "invalid_request" << QStringList{QStringLiteral("commands[0].payload.assignee")};
        QTest::newRow("invalid UTF-8 in a note")
            << QByteArray("POST") << cmds
            << QByteArray(R"({"commands":[{"id":")") + newUuid().toUtf8() + R"(","item_id":")" + newUuid().toUtf8() +
                   "\",\"type\":\"add_note\",\"base_version\":1,\"payload\":{\"text\":\"caf\xe9 \xff\xfe\"}}]}"
            << u << 400 << "invalid_utf8" << QStringList{QStringLiteral("UTF-8")};
        QTest::newRow("overlong UTF-8 in sign-in")
            << QByteArray("POST") << QStringLiteral("/v1/session")
            << QByteArray("{\"username\":\"\xc0\xafroot\",\"password\":\"x\"}") << QStringLiteral("none") << 400
            << "invalid_utf8" << QStringList{QStringLiteral("UTF-8")};
        QTest::newRow("invalid UTF-8 outside strings")
            << QByteArray("POST") << cmds << QByteArray("{\xff\"commands\":[]}") << u << 400 << "invalid_utf8"
            << QStringList{QStringLiteral("UTF-8")};
        QTest::newRow("sign-in without a password")
            << QByteArray("POST") << QStringLiteral("/v1/session") << QByteArray(R"({"username":"sam.patel"})")
            << QStringLiteral("none") << 400 << "invalid_request" << QStringList{QStringLiteral("password")};
        QTest::newRow("sign-in with a numeric username")
            << QByteArray("POST") << QStringLiteral("/v1/session") << QByteArray(R"({"username":7,"password":"x"})")
            << QStringLiteral("none") << 400 << "invalid_request" << QStringList{QStringLiteral("username")};
        QJsonArray many;
        for (int i = 0; i < 501; ++i)
            many.append(QJsonObject{{QStringLiteral("id"), newUuid()},
                                    {QStringLiteral("item_id"), newUuid()},
                                    {QStringLiteral("type"), QStringLiteral("claim")},
                                    {QStringLiteral("base_version"), 1}});
        QTest::newRow("too many commands in a batch")
            << QByteArray("POST") << cmds << QJsonDocument(batch(many)).toJson(QJsonDocument::Compact) << u << 413
            << "too_many_commands" << QStringList{QStringLiteral("501"), QStringLiteral("500")};
        QTest::newRow("a body over the size limit")
            << QByteArray("POST") << cmds
            << QByteArray(R"({"commands":[],"pad":")") + QByteArray(1100 * 1024, 'x') + "\"}" << u << 413
            << "body_too_large" << QStringList{QStringLiteral("1048576")};
        QTest::newRow("forged token") << QByteArray("GET") << QStringLiteral("/v1/changes") << QByteArray()
                                      << QStringLiteral("Bearer plcwzPAfbdOk68WN22LzIRrTsK1F2_M2O827KA3n4kg") << 401
                                      << "invalid_token" << QStringList{QStringLiteral("sign in again")};
        QTest::newRow("absurdly long token") << QByteArray("GET") << QStringLiteral("/v1/changes") << QByteArray()
                                             << QStringLiteral("Bearer ") + QString(4000, QLatin1Char('A')) << 401
                                             << "invalid_token" << QStringList{QStringLiteral("token")};
        QTest::newRow("not a bearer token")
            << QByteArray("GET") << QStringLiteral("/v1/changes") << QByteArray() << QStringLiteral("Basic c2FtOnB3")
            << 401 << "unauthorized" << QStringList{QStringLiteral("Bearer")};
        QTest::newRow("no token") << QByteArray("GET") << QStringLiteral("/v1/reference") << QByteArray()
                                  << QStringLiteral("none") << 401 << "unauthorized"
                                  << QStringList{QStringLiteral("Sign in")};
        QTest::newRow("a path that does not exist")
            << QByteArray("GET") << QStringLiteral("/v2/things") << QByteArray() << u << 404 << "not_found"
            << QStringList{QStringLiteral("/v2/things")};
        QTest::newRow("a trailing slash") << QByteArray("GET") << QStringLiteral("/v1/items/") << QByteArray() << u
                                          << 404 << "not_found" << QStringList{QStringLiteral("/v1/items/")};
        QTest::newRow("wrong method") << QByteArray("DELETE") << cmds << QByteArray() << u << 405
                                      << "method_not_allowed"
                                      << QStringList{QStringLiteral("DELETE"), QStringLiteral("POST")};
        QTest::newRow("GET where POST is needed")
            << QByteArray("GET") << QStringLiteral("/v1/session") << QByteArray() << u << 405 << "method_not_allowed"
            << QStringList{QStringLiteral("POST")};
        QTest::newRow("the stream without an upgrade")
            << QByteArray("GET") << QStringLiteral("/v1/stream") << QByteArray() << u << 426 << "upgrade_required"
            << QStringList{QStringLiteral("WebSocket")};
        QTest::newRow("since is not a number")
            << QByteArray("GET") << QStringLiteral("/v1/changes?since=yesterday") << QByteArray() << u << 400
            << "invalid_parameter" << QStringList{QStringLiteral("since")};
        QTest::newRow("negative since") << QByteArray("GET") << QStringLiteral("/v1/changes?since=-5") << QByteArray()
                                        << u << 400 << "invalid_parameter" << QStringList{QStringLiteral("since")};
        QTest::newRow("limit too large") << QByteArray("GET") << QStringLiteral("/v1/changes?limit=1000000")
                                         << QByteArray() << u << 400 << "invalid_parameter"
                                         << QStringList{QStringLiteral("limit")};
    }

    void refused()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(QString, auth);
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(QStringList, named);

        QList<QPair<QByteArray, QByteArray>> headers;
        QString token;
        if (auth == QLatin1String("user"))
            token = m_token;
        else if (auth != QLatin1String("none"))
            headers.append(qMakePair(QByteArray("Authorization"), auth.toUtf8()));
        if (!body.isEmpty() || method == "POST")
            headers.append(qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));

        const Reply r = m_http->request(method, path, body, token, headers);
        QVERIFY2(r.status == status,
                 qPrintable(QStringLiteral("%1: %2").arg(r.status).arg(QString::fromUtf8(r.body.left(400)))));
        QVERIFY(r.headers.value("content-type").startsWith("application/json"));
        QCOMPARE(r.error(), code);
        const QString message = str(r.json, "message");
        QVERIFY(!message.isEmpty());
        const QString everything =
            message + QString::fromUtf8(QJsonDocument(r.json.value(QLatin1String("fields")).toObject()).toJson());
        for (const QString &n : named)
            QVERIFY2(everything.contains(n, Qt::CaseInsensitive),
                     qPrintable(QStringLiteral("%1 not named in: %2").arg(n, everything)));
        if (status == 405)
            QVERIFY(!r.headers.value("allow").isEmpty());
        othersAreServed();
    }

    // A batch refused for one bad command applies none of it; sent alone, the good one applies.
    void nothingIsHalfApplied()
    {
        const QJsonArray feed = wholeFeed(*m_http, m_token);
        QJsonObject item;
        for (const QJsonValue &v : feed)
            if (str(v.toObject(), "status") == QLatin1String("new"))
                item = v.toObject();
        QVERIFY(!item.isEmpty());
        const QJsonObject good = command(QStringLiteral("claim"), item);
        QJsonObject bad = command(QStringLiteral("escalate"), item, {{QStringLiteral("reason"), 12}});
        const Reply refused = m_http->post(QStringLiteral("/v1/commands"), batch({good, bad}), m_token);
        QCOMPARE(refused.status, 400);
        const Reply unchanged = m_http->get(QStringLiteral("/v1/items/") + str(item, "id"), m_token);
        QCOMPARE(unchanged.json.value(QLatin1String("version")), item.value(QLatin1String("version")));
        QCOMPARE(str(unchanged.json, "status"), QStringLiteral("new"));

        const Reply alone = m_http->post(QStringLiteral("/v1/commands"), batch({good}), m_token);
        QCOMPARE(alone.status, 200);
        QCOMPARE(str(alone.json.value(QLatin1String("results")).toArray().at(0).toObject(), "outcome"),
                 QStringLiteral("applied"));
    }

    void rawProtocolAbuse_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::newRow("not HTTP at all") << QByteArray("HELLO THERE\r\n\r\n") << 400 << "bad_request";
        static const char noise[] = "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03 noise\r\n\r\n";
        QTest::newRow("binary noise") << QByteArray(noise, sizeof noise - 1) << 400 << "bad_request";
        QTest::newRow("headers over 16 KiB")
            << QByteArray("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Pad: " + QByteArray(20000, 'p') + "\r\n\r\n") << 431
            << "headers_too_large";
        QTest::newRow("Content-Length over the limit, body never sent")
            << QByteArray("POST /v1/commands HTTP/1.1\r\nHost: x\r\nContent-Length: 2000000\r\n\r\n") << 413
            << "body_too_large";
        QByteArray chunked = "POST /v1/commands HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
        for (int i = 0; i < 20; ++i)
            chunked += "10000\r\n" + QByteArray(0x10000, 'c') + "\r\n";
        chunked += "0\r\n\r\n";
        QTest::newRow("chunked body over the limit") << chunked << 413 << "body_too_large";
        QTest::newRow("bad Content-Length")
            << QByteArray("POST /v1/commands HTTP/1.1\r\nHost: x\r\nContent-Length: lots\r\n\r\n{}") << 400
            << "bad_request";
    }

    void rawProtocolAbuse()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, status);
        QFETCH(QString, code);
        bool closed = false;
        const QByteArray answer = rawExchange(m_store.port(), bytes, 5000, &closed);
        QVERIFY2(statusOf(answer) == status, answer.left(300).constData());
        QCOMPARE(str(bodyOf(answer), "error"), code);
        QVERIFY2(closed, "the server closes a connection it cannot read further");
        othersAreServed();
    }

    // Half a request, then silence: the read timeout closes that connection; everyone else is
    // served meanwhile, without waiting.
    void halfARequestThenSilence_data()
    {
        QTest::addColumn<QByteArray>("half");
        QTest::addColumn<int>("clients");
        QTest::newRow("headers cut short")
            << QByteArray("POST /v1/commands HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Le") << 1;
        QTest::newRow("body cut short")
            << QByteArray("POST /v1/commands HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 500\r\n\r\n{\"comm") << 1;
        QTest::newRow("forty stalled clients") << QByteArray("GET /v1/changes HTTP/1.1\r\nHost: 127.0.0.1\r\n") << 40;
        QTest::newRow("connected, said nothing") << QByteArray() << 5;
    }

    void halfARequestThenSilence()
    {
        QFETCH(QByteArray, half);
        QFETCH(int, clients);
        std::vector<std::unique_ptr<QTcpSocket>> stalled;
        for (int i = 0; i < clients; ++i) {
            auto s = std::make_unique<QTcpSocket>();
            s->connectToHost(QStringLiteral("127.0.0.1"), m_store.port());
            QVERIFY(s->waitForConnected(3000));
            s->write(half);
            s->flush();
            stalled.push_back(std::move(s));
        }
        QElapsedTimer clock;
        clock.start();
        othersAreServed();
        QVERIFY2(clock.elapsed() < 1500, qPrintable(QString::number(clock.elapsed())));

        // --read-timeout 2: each is closed after about two seconds, with no answer.
        QDeadlineTimer deadline(6000);
        for (auto &s : stalled) {
            while (s->state() == QAbstractSocket::ConnectedState && !deadline.hasExpired())
                s->waitForDisconnected(100);
            QVERIFY2(s->state() != QAbstractSocket::ConnectedState, "a stalled client is closed by the read timeout");
            QCOMPARE(statusOf(s->readAll()), 0);
        }
        QVERIFY2(clock.elapsed() >= 1500, qPrintable(QString::number(clock.elapsed())));
        othersAreServed();
    }

    // A byte at a time: the timeout is for the whole request, not renewed by each byte.
    void aTrickleIsNoRequest()
    {
        QTcpSocket s;
        s.connectToHost(QStringLiteral("127.0.0.1"), m_store.port());
        QVERIFY(s.waitForConnected(3000));
        const QByteArray request =
            "GET /v1/changes?limit=1 HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + QByteArray(200, 's');
        QElapsedTimer clock;
        clock.start();
        for (char c : request) {
            if (s.state() != QAbstractSocket::ConnectedState)
                break;
            s.write(&c, 1);
            s.flush();
            s.waitForDisconnected(150);
        }
        QVERIFY(s.state() != QAbstractSocket::ConnectedState || s.waitForDisconnected(3000));
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
        othersAreServed();
    }

    // After all of the above, the server is whole.
    void stillHealthy()
    {
        othersAreServed();
        const Reply metrics = m_http->get(QStringLiteral("/metrics"));
        QVERIFY(metrics.body.contains("status=\"413\""));
        QVERIFY(metrics.body.contains("status=\"400\""));
    }

    void cleanupTestCase() { QCOMPARE(m_store.terminate(), 0); }
};

QTEST_GUILESS_MAIN(TestStoreBadInput)
#include "tst_storebadinput.moc"
