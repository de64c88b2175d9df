// GET /v1/stream: after each commit a user may see, the server pokes their WebSocket with the
// newest sequence number; users whose scope the change is outside hear nothing.
#include "StoreHarness.h"

#include <QElapsedTimer>
#include <QTest>

#include <csignal>

using namespace ibc::test;

namespace {

QString str(const QJsonObject &o, const char *key) { return o.value(QLatin1String(key)).toString(); }
qint64 seqOf(const std::optional<QJsonObject> &poke)
{
    return poke ? poke->value(QLatin1String("seq")).toInteger() : -1;
}

QList<QPair<QByteArray, QByteArray>> bearer(const QString &token)
{
    return {qMakePair(QByteArray("Authorization"), "Bearer " + token.toUtf8())};
}

} // namespace

class TestStoreStream : public QObject {
    Q_OBJECT

private:
    StoreProcess m_store;
    std::unique_ptr<Http> m_http;
    QString m_sam, m_rhys, m_alex;
    QJsonObject m_hccItem, m_occItem;

    qint64 note(const QJsonObject &item)
    {
        const Reply r = m_http->post(
            QStringLiteral("/v1/commands"),
            batch({command(QStringLiteral("add_note"), item, {{QStringLiteral("text"), QStringLiteral("poke")}})}),
            m_sam);
        const QJsonObject result = r.json.value(QLatin1String("results")).toArray().at(0).toObject();
        return str(result, "outcome") == QLatin1String("applied") ? result.value(QLatin1String("seq")).toInteger() : -1;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_store.seed(100), qPrintable(m_store.lastError()));
        QVERIFY2(m_store.start(), qPrintable(m_store.lastError()));
        m_http = std::make_unique<Http>(m_store.url());
        m_sam = m_http->loginDemo(QStringLiteral("sam.patel"));    // every partner
        m_rhys = m_http->loginDemo(QStringLiteral("rhys.evans"));  // HCC only
        m_alex = m_http->loginDemo(QStringLiteral("alex.morgan")); // auditor, every partner
        for (const QJsonValue &v : wholeFeed(*m_http, m_sam)) {
            const QJsonObject it = v.toObject();
            if (str(it, "partner") == QLatin1String("HCC") && m_hccItem.isEmpty())
                m_hccItem = it;
            if (str(it, "partner") == QLatin1String("OCC") && m_occItem.isEmpty())
                m_occItem = it;
        }
        QVERIFY(!m_hccItem.isEmpty() && !m_occItem.isEmpty());
    }

    void pokesFollowCommitsInScope()
    {
        WsClient sam, rhys, alex;
        QVERIFY(sam.connect(m_store.port(), QStringLiteral("/v1/stream"), bearer(m_sam)));
        QVERIFY(rhys.connect(m_store.port(), QStringLiteral("/v1/stream"), bearer(m_rhys)));
        // Browsers can't set headers on a WebSocket: the token may come in the query.
        QVERIFY(alex.connect(m_store.port(), QStringLiteral("/v1/stream?token=") +
                                                 QString::fromLatin1(QUrl::toPercentEncoding(m_alex))));

        // On connecting, each hears where the feed stands for them.
        const auto hello = sam.next(3000);
        QVERIFY(hello);
        QCOMPARE(str(*hello, "type"), QStringLiteral("poke"));
        QVERIFY(seqOf(hello) > 0);
        QVERIFY(seqOf(rhys.next(3000)) > 0);
        QVERIFY(seqOf(alex.next(3000)) > 0);

        // A change at OCC: Sam and the auditor hear of it; Rhys (HCC only) does not.
        const qint64 occSeq = note(m_occItem);
        QVERIFY(occSeq > 0);
        QCOMPARE(seqOf(sam.next(3000)), occSeq);
        QCOMPARE(seqOf(alex.next(3000)), occSeq);
        QVERIFY2(!rhys.next(700), "no poke for a change outside the user's scope");

        // A change at HCC: everyone.
        const qint64 hccSeq = note(m_hccItem);
        QVERIFY(hccSeq > occSeq);
        QCOMPARE(seqOf(sam.next(3000)), hccSeq);
        QCOMPARE(seqOf(rhys.next(3000)), hccSeq);
        QCOMPARE(seqOf(alex.next(3000)), hccSeq);

        // Intake is a commit too.
        const Reply created =
            m_http->post(QStringLiteral("/v1/items"),
                         QJsonObject{{QStringLiteral("kind"), QStringLiteral("payroll_exception")},
                                     {QStringLiteral("subtype"), QStringLiteral("missing_timesheet")},
                                     {QStringLiteral("partner"), QStringLiteral("HCC")},
                                     {QStringLiteral("fields"),
                                      QJsonObject{{QStringLiteral("employee_number"), QStringLiteral("E2345678")},
                                                  {QStringLiteral("employee_name"), QStringLiteral("Carys Lloyd")},
                                                  {QStringLiteral("pay_period"), QStringLiteral("2026-12")},
                                                  {QStringLiteral("payroll_cutoff"), QStringLiteral("2026-12-10")}}}},
                         m_http->loginDemo(QStringLiteral("intake.portal")));
        QCOMPARE(created.status, 201);
        QCOMPARE(seqOf(rhys.next(3000)), created.json.value(QLatin1String("seq")).toInteger());
        QCOMPARE(seqOf(sam.next(3000)), created.json.value(QLatin1String("seq")).toInteger());

        // Refused commands commit nothing and poke no one.
        QJsonObject stale = m_hccItem;
        const Reply refused =
            m_http->post(QStringLiteral("/v1/commands"), batch({command(QStringLiteral("approve"), stale)}), m_sam);
        QCOMPARE(str(refused.json.value(QLatin1String("results")).toArray().at(0).toObject(), "outcome") ==
                     QLatin1String("applied"),
                 false);
        QVERIFY(!sam.next(500));

        const Reply metrics = m_http->get(QStringLiteral("/metrics"));
        QVERIFY2(metrics.body.contains("ibc_websocket_clients 3"), metrics.body.constData());
        sam.close();
        rhys.close();
        alex.close();
        QTRY_VERIFY(m_http->get(QStringLiteral("/metrics")).body.contains("ibc_websocket_clients 0"));
    }

    // A burst of commits is told in a few pokes, in order, ending at the newest.
    void burstsCoalesce()
    {
        WsClient ws;
        QVERIFY(ws.connect(m_store.port(), QStringLiteral("/v1/stream"), bearer(m_sam)));
        QVERIFY(ws.next(3000));
        qint64 last = 0;
        for (int i = 0; i < 40; ++i)
            last = std::max(last, note(i % 2 ? m_hccItem : m_occItem));
        QList<qint64> heard;
        while (auto p = ws.next(1000)) {
            heard << seqOf(p);
            if (heard.back() == last)
                break;
        }
        QVERIFY(!heard.isEmpty());
        QCOMPARE(heard.back(), last);
        QVERIFY(heard.size() <= 40);
        for (qsizetype i = 1; i < heard.size(); ++i)
            QVERIFY(heard[i] > heard[i - 1]);
        ws.close();
    }

    void refusedHandshakes_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("token");
        QTest::addColumn<int>("status");
        QTest::newRow("no token") << QStringLiteral("/v1/stream") << QString() << 401;
        QTest::newRow("forged token") << QStringLiteral("/v1/stream")
                                      << QStringLiteral("bm90LWEtcmVhbC10b2tlbi1hdC1hbGwtbm90LWEtcmVhbA") << 401;
        QTest::newRow("forged token in the query") << QStringLiteral("/v1/stream?token=forged") << QString() << 401;
        QTest::newRow("intake account") << QStringLiteral("/v1/stream") << QStringLiteral("intake.portal") << 403;
        QTest::newRow("not the stream") << QStringLiteral("/v1/changes") << QStringLiteral("sam.patel") << 200;
    }

    void refusedHandshakes()
    {
        QFETCH(QString, path);
        QFETCH(QString, token);
        QFETCH(int, status);
        QString t = token;
        if (token == QLatin1String("intake.portal") || token == QLatin1String("sam.patel"))
            t = m_http->loginDemo(token);
        WsClient ws;
        QVERIFY(!ws.connect(m_store.port(), path, t.isEmpty() ? QList<QPair<QByteArray, QByteArray>>{} : bearer(t)));
        QCOMPARE(ws.status(), status);
    }

    // A large page of the feed is read and written in slices (on two threads): it holds exactly
    // what small pages hold, in the same order, for every scope.
    void largeFeedPagesMatchSmallOnes()
    {
        StoreProcess store;
        QVERIFY2(store.seed(2600), qPrintable(store.lastError()));
        QVERIFY2(store.start(), qPrintable(store.lastError()));
        Http http(store.url());
        for (const char *who : {"sam.patel", "rhys.evans"}) {
            const QString token = http.loginDemo(QLatin1String(who));
            const QJsonArray small = wholeFeed(http, token, 100);
            const QJsonArray large = wholeFeed(http, token, 10000);
            QVERIFY(small.size() > (QLatin1String(who) == QLatin1String("sam.patel") ? 2500 : 100));
            QCOMPARE(large.size(), small.size());
            QCOMPARE(large, small);
            const Reply one = http.get(QStringLiteral("/v1/changes?since=0&limit=2500"), token);
            QCOMPARE(one.status, 200);
            QCOMPARE(one.json.value(QLatin1String("items")).toArray().size(), std::min<qsizetype>(2500, small.size()));
        }
    }

    // A client that stops reading is dropped once it leaves a ping unanswered; the others keep
    // hearing of every change, on time, before and after. (A store of its own, whose live
    // clients are pinged after 1.5 s of silence and dropped after 3 s.)
    void slowClientIsDroppedWithoutHurtingOthers()
    {
        StoreProcess store;
        QVERIFY2(store.seed(20), qPrintable(store.lastError()));
        QVERIFY2(store.start({QStringLiteral("--ws-idle-timeout"), QStringLiteral("3")}),
                 qPrintable(store.lastError()));
        Http http(store.url());
        const QString sam = http.loginDemo(QStringLiteral("sam.patel"));
        const QJsonObject item = wholeFeed(http, sam).first().toObject();
        auto noteSeq = [&] {
            const Reply r = http.post(QStringLiteral("/v1/commands"),
                                      batch({command(QStringLiteral("add_note"), item,
                                                     {{QStringLiteral("text"), QStringLiteral("still there?")}})}),
                                      sam);
            return r.json.value(QLatin1String("results"))
                .toArray()
                .at(0)
                .toObject()
                .value(QLatin1String("seq"))
                .toInteger();
        };
        auto metrics = [&] { return http.get(QStringLiteral("/metrics")).body; };

        WsClient slow, good;
        QVERIFY(slow.connect(store.port(), QStringLiteral("/v1/stream"), bearer(sam)));
        QVERIFY(good.connect(store.port(), QStringLiteral("/v1/stream"), bearer(sam)));
        QVERIFY(good.next(3000));
        QVERIFY(metrics().contains("ibc_websocket_clients 2"));

        // From here on `slow` reads nothing at all: not its pokes, not the server's pings.
        QElapsedTimer clock;
        clock.start();
        bool dropped = false;
        int changes = 0;
        while (!dropped && clock.elapsed() < 20000) {
            const qint64 seq = noteSeq();
            QVERIFY(seq > 0);
            ++changes;
            qint64 heard = -1;
            while (heard < seq) {
                const auto poke = good.next(2000);
                QVERIFY2(poke, "the reading client missed a change while another client was not reading");
                heard = seqOf(poke);
            }
            QCOMPARE(heard, seq);
            dropped = metrics().contains("ibc_websocket_dropped_total 1");
            QTest::qWait(200);
        }
        QVERIFY2(dropped, "a client that stopped reading was never dropped");
        QVERIFY(changes > 3); // it was kept while it might only have been slow
        QVERIFY(metrics().contains("ibc_websocket_clients 1"));
        QVERIFY(store.log().contains(QLatin1String("dropped the live feed of sam.patel")));

        // The server closed the slow client's connection: what it left unread ends there.
        QTRY_VERIFY_WITH_TIMEOUT((slow.next(100), !slow.isOpen()), 5000);
        // The one that reads goes on hearing of changes.
        const qint64 after = noteSeq();
        QCOMPARE(seqOf(good.next(3000)), after);
        good.close();
    }

    // SIGTERM closes live feeds with a close frame, and the server exits 0.
    void stopClosesLiveFeeds()
    {
        WsClient ws;
        QVERIFY(ws.connect(m_store.port(), QStringLiteral("/v1/stream"), bearer(m_rhys)));
        QVERIFY(ws.next(3000));
        m_store.sendSignal(SIGTERM);
        QVERIFY(!ws.next(5000)); // the close frame
        QTRY_VERIFY_WITH_TIMEOUT(!ws.isOpen(), 5000);
        QCOMPARE(m_store.waitForExit(10000), 0);
    }
};

QTEST_GUILESS_MAIN(TestStoreStream)
#include "tst_storestream.moc"
