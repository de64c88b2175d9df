// What a crash or a stop does to a stream of commands. kill -9 in the middle of it, then a
// restart: every command the server acknowledged is there exactly once, and retrying everything
// (acknowledged or not) applies each exactly once. SIGTERM in the middle of it: the server
// finishes what it had started, answers, exits 0, and the same holds.
#include "StoreHarness.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QTest>

#include <csignal>

using namespace ibc::test;

namespace {

QString str(const QJsonObject &o, const char *key) { return o.value(QLatin1String(key)).toString(); }

struct Sent {
    QJsonObject command;
    QString itemId;
    QString text;
    bool acknowledged = false;
    qint64 seq = 0;
    qint64 version = 0;
};

// Keeps `inFlight` batches of add_note commands going against a server until told to stop;
// every command carries a unique note text, so it can be counted afterwards.
class CommandStream : public QObject {
public:
    CommandStream(const QString &url, const QString &token, QJsonArray items)
        : m_url(url)
        , m_token(token)
        , m_items(std::move(items))
    {
    }

    void start(int inFlight)
    {
        for (int i = 0; i < inFlight; ++i)
            sendNext();
    }
    void stop() { m_stopping = true; }
    bool idle() const { return m_outstanding == 0; }

    QMap<QString, Sent> sent; // by command id
    int answered = 0, failed = 0, serverErrors = 0;

private:
    void sendNext()
    {
        if (m_stopping)
            return;
        QJsonArray commands;
        for (int i = 0; i < 5; ++i) {
            const QJsonObject item = m_items.at(QRandomGenerator::global()->bounded(int(m_items.size()))).toObject();
            Sent s;
            s.itemId = str(item, "id");
            s.text = QStringLiteral("durability %1").arg(newUuid());
            s.command = command(QStringLiteral("add_note"), item, {{QStringLiteral("text"), s.text}});
            sent.insert(str(s.command, "id"), s);
            commands.append(s.command);
        }
        QNetworkRequest req(QUrl(m_url + QStringLiteral("/v1/commands")));
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        req.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
        QNetworkReply *reply = m_nam.post(req, QJsonDocument(batch(commands)).toJson(QJsonDocument::Compact));
        ++m_outstanding;
        QObject::connect(reply, &QNetworkReply::finished, this, [this, reply] {
            --m_outstanding;
            reply->deleteLater();
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status == 200) {
                ++answered;
                for (const QJsonValue &v :
                     QJsonDocument::fromJson(reply->readAll()).object().value(QLatin1String("results")).toArray()) {
                    const QJsonObject r = v.toObject();
                    Sent &s = sent[str(r, "id")];
                    s.acknowledged = str(r, "outcome") == QLatin1String("applied");
                    s.seq = r.value(QLatin1String("seq")).toInteger();
                    s.version = r.value(QLatin1String("version")).toInteger();
                }
            } else if (status >= 500) {
                ++serverErrors;
            } else {
                ++failed;
            }
            sendNext();
        });
    }

    QString m_url, m_token;
    QJsonArray m_items;
    QNetworkAccessManager m_nam;
    int m_outstanding = 0;
    bool m_stopping = false;
};

// How many times each note text appears, over the items the stream touched.
QMap<QString, int> countNotes(Http &http, const QString &token, const QMap<QString, Sent> &sent)
{
    QSet<QString> items;
    for (const Sent &s : sent)
        items.insert(s.itemId);
    QMap<QString, int> counts;
    for (const QString &id : items) {
        const Reply r = http.get(QStringLiteral("/v1/items/") + id, token);
        for (const QJsonValue &n : r.json.value(QLatin1String("notes")).toArray())
            ++counts[str(n.toObject(), "text")];
    }
    return counts;
}

} // namespace

class TestStoreDurability : public QObject {
    Q_OBJECT

private:
    // Runs a command stream against `store` and interrupts it with `interrupt` after a second and a half.
    void runAndInterrupt(StoreProcess &store, CommandStream &stream, const std::function<void()> &interrupt)
    {
        stream.start(4);
        QTest::qWait(1500);
        interrupt();
        stream.stop();
        QTRY_VERIFY_WITH_TIMEOUT(stream.idle(), 30000);
        Q_UNUSED(store);
    }

    void checkAfterRestart(StoreProcess &store, CommandStream &stream)
    {
        QVERIFY2(store.start(), qPrintable(store.lastError()));
        Http http(store.url());
        const QString token = http.loginDemo(QStringLiteral("sam.patel"));
        QVERIFY(!token.isEmpty());

        int acknowledged = 0;
        const QMap<QString, int> counts = countNotes(http, token, stream.sent);
        for (const Sent &s : stream.sent) {
            if (s.acknowledged) {
                ++acknowledged;
                QVERIFY2(
                    counts.value(s.text) == 1,
                    qPrintable(
                        QStringLiteral("acknowledged %1 is there %2 times").arg(s.text).arg(counts.value(s.text))));
            } else {
                QVERIFY2(counts.value(s.text) <= 1, qPrintable(s.text));
            }
        }
        QVERIFY2(acknowledged >= 20,
                 qPrintable(QStringLiteral("only %1 commands were acknowledged").arg(acknowledged)));
        qInfo("%d commands sent, %d acknowledged before the interruption", int(stream.sent.size()), acknowledged);

        // Sequence numbers of acknowledged commands are unique.
        QSet<qint64> seqs;
        for (const Sent &s : stream.sent)
            if (s.acknowledged) {
                QVERIFY2(!seqs.contains(s.seq), "each applied command has its own sequence number");
                seqs.insert(s.seq);
            }

        // Retry everything, as a client would after the outage: acknowledged commands answer as
        // before; the rest are applied now; each note exists exactly once.
        QJsonArray all;
        for (const Sent &s : stream.sent)
            all.append(s.command);
        for (qsizetype from = 0; from < all.size(); from += 500) {
            QJsonArray chunk;
            for (qsizetype i = from; i < std::min(all.size(), from + 500); ++i)
                chunk.append(all.at(i));
            const Reply r = http.post(QStringLiteral("/v1/commands"), batch(chunk), token);
            QCOMPARE(r.status, 200);
            for (const QJsonValue &v : r.json.value(QLatin1String("results")).toArray()) {
                const QJsonObject result = v.toObject();
                const Sent &s = stream.sent[str(result, "id")];
                if (s.acknowledged) {
                    QCOMPARE(str(result, "outcome"), QStringLiteral("applied"));
                    QCOMPARE(result.value(QLatin1String("seq")).toInteger(), s.seq);
                    QCOMPARE(result.value(QLatin1String("version")).toInteger(), s.version);
                }
            }
        }
        const QMap<QString, int> after = countNotes(http, token, stream.sent);
        for (const Sent &s : stream.sent)
            QVERIFY2(after.value(s.text) == 1,
                     qPrintable(
                         QStringLiteral("%1 is there %2 times after the retry").arg(s.text).arg(after.value(s.text))));
        QCOMPARE(store.terminate(), 0);
    }

private slots:
    void killMinusNineDuringCommands()
    {
        StoreProcess store;
        QVERIFY2(store.seed(100), qPrintable(store.lastError()));
        QVERIFY2(store.start(), qPrintable(store.lastError()));
        Http http(store.url());
        const QString token = http.loginDemo(QStringLiteral("sam.patel"));
        const QJsonArray items = wholeFeed(http, token);
        QVERIFY(items.size() >= 100);

        CommandStream stream(store.url(), token, items);
        runAndInterrupt(store, stream, [&] { store.kill(); });
        QVERIFY(!store.running());
        QVERIFY(stream.answered > 0);
        QCOMPARE(stream.serverErrors, 0);
        checkAfterRestart(store, stream);
    }

    void sigtermFinishesWhatItStarted()
    {
        StoreProcess store;
        QVERIFY2(store.seed(100), qPrintable(store.lastError()));
        QVERIFY2(store.start(), qPrintable(store.lastError()));
        Http http(store.url());
        const QString token = http.loginDemo(QStringLiteral("sam.patel"));
        const QJsonArray items = wholeFeed(http, token);

        CommandStream stream(store.url(), token, items);
        QElapsedTimer clock;
        runAndInterrupt(store, stream, [&] {
            store.sendSignal(SIGTERM);
            clock.start();
        });
        QCOMPARE(store.waitForExit(15000), 0);
        QVERIFY2(clock.elapsed() < 10000, "in-flight work is short; the stop does not wait for the grace period");
        QCOMPARE(stream.serverErrors, 0);
        QVERIFY(store.log().contains(QStringLiteral("SIGTERM: no longer accepting")));
        QVERIFY(store.log().contains(QStringLiteral("ibc-store: stopped")));
        checkAfterRestart(store, stream);
    }
};

QTEST_GUILESS_MAIN(TestStoreDurability)
#include "tst_storedurability.moc"
