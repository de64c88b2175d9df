// Who may do what, where: every role × action × scope, as one table. Each role has an account
// for HCC only; "own" is an item at HCC, "other" one at OCC. A user never learns that an item
// outside their scope exists: 404 (or not_found) and nothing in the feed, never a 403 for an item.
#include "StoreHarness.h"

#include <QDateTime>
#include <QTest>

using namespace ibc::test;

namespace {

QString str(const QJsonObject &o, const char *key) { return o.value(QLatin1String(key)).toString(); }

const QString kPassword = QStringLiteral("scope-test-password-1");

QJsonObject leaverAt(const QString &partner)
{
    return QJsonObject{
        {QStringLiteral("kind"), QStringLiteral("hr_change")},
        {QStringLiteral("subtype"), QStringLiteral("leaver")},
        {QStringLiteral("partner"), partner},
        {QStringLiteral("received_at"), QDateTime::currentDateTimeUtc().addSecs(-60).toString(Qt::ISODate)},
        {QStringLiteral("fields"), QJsonObject{{QStringLiteral("employee_number"), QStringLiteral("E7654321")},
                                               {QStringLiteral("employee_name"), QStringLiteral("Dylan Rees")},
                                               {QStringLiteral("effective_date"), QStringLiteral("2026-12-31")},
                                               {QStringLiteral("leaving_reason"), QStringLiteral("Resignation")}}},
    };
}

} // namespace

class TestStoreScope : public QObject {
    Q_OBJECT

private:
    StoreProcess m_store;
    std::unique_ptr<Http> m_http;
    QMap<QString, QString> m_tokens; // by role

    QJsonObject freshItem(const QString &scope)
    {
        const Reply r =
            m_http->post(QStringLiteral("/v1/items"),
                         leaverAt(scope == QLatin1String("own") ? QStringLiteral("HCC") : QStringLiteral("OCC")),
                         m_tokens.value(QStringLiteral("portal")));
        return r.status == 201 ? r.json : QJsonObject{};
    }

    // What happened, as the table writes it: an HTTP status, "applied", "rejected:<code>",
    // "in feed" / "not in feed".
    QString outcomeOf(const QString &token, const QString &type, const QJsonObject &item,
                      const QJsonObject &payload = {})
    {
        const Reply r = m_http->post(QStringLiteral("/v1/commands"), batch({command(type, item, payload)}), token);
        if (r.status != 200)
            return QString::number(r.status);
        const QJsonObject result = r.json.value(QLatin1String("results")).toArray().at(0).toObject();
        const QString outcome = str(result, "outcome");
        if (outcome == QLatin1String("applied"))
            return outcome;
        // A conflict must never tell someone out of scope about the item.
        if (outcome == QLatin1String("conflict") && result.contains(QLatin1String("item")))
            return QStringLiteral("conflict");
        return outcome + QLatin1Char(':') + str(result, "code");
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_store.seed(50), qPrintable(m_store.lastError()));
        QVERIFY(
            m_store.addUser(QStringLiteral("cw.hcc"), QStringLiteral("caseworker"), QStringLiteral("HCC"), kPassword));
        QVERIFY(
            m_store.addUser(QStringLiteral("tl.hcc"), QStringLiteral("team_leader"), QStringLiteral("HCC"), kPassword));
        QVERIFY(
            m_store.addUser(QStringLiteral("aud.hcc"), QStringLiteral("auditor"), QStringLiteral("HCC"), kPassword));
        QVERIFY(
            m_store.addUser(QStringLiteral("intake.hcc"), QStringLiteral("intake"), QStringLiteral("HCC"), kPassword));
        QVERIFY(m_store.addUser(QStringLiteral("root"), QStringLiteral("admin"), {}, kPassword));
        QVERIFY2(m_store.start(), qPrintable(m_store.lastError()));
        m_http = std::make_unique<Http>(m_store.url());
        const QList<QPair<QString, QString>> accounts{{QStringLiteral("caseworker"), QStringLiteral("cw.hcc")},
                                                      {QStringLiteral("team_leader"), QStringLiteral("tl.hcc")},
                                                      {QStringLiteral("auditor"), QStringLiteral("aud.hcc")},
                                                      {QStringLiteral("intake"), QStringLiteral("intake.hcc")},
                                                      {QStringLiteral("admin"), QStringLiteral("root")}};
        for (const auto &[role, user] : accounts) {
            m_tokens.insert(role, m_http->login(user, kPassword));
            QVERIFY2(!m_tokens.value(role).isEmpty(), qPrintable(user));
        }
        m_tokens.insert(QStringLiteral("portal"), m_http->loginDemo(QStringLiteral("intake.portal")));
        QVERIFY(!m_tokens.value(QStringLiteral("portal")).isEmpty());
    }

    void table_data()
    {
        QTest::addColumn<QString>("role");
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("scope");
        QTest::addColumn<QString>("expected");

        struct Row {
            const char *role, *action, *own, *other;
        };
        const Row rows[] = {
            // role          action      own item                     other partner's item
            {"caseworker", "read", "200", "404"},
            {"caseworker", "feed", "in feed", "not in feed"},
            {"caseworker", "claim", "applied", "rejected:not_found"},
            {"caseworker", "note", "applied", "rejected:not_found"},
            {"caseworker", "reassign", "rejected:team_leader_only", "rejected:not_found"},
            {"caseworker", "create", "403", "403"},
            {"team_leader", "read", "200", "404"},
            {"team_leader", "feed", "in feed", "not in feed"},
            {"team_leader", "claim", "applied", "rejected:not_found"},
            {"team_leader", "note", "applied", "rejected:not_found"},
            {"team_leader", "reassign", "applied", "rejected:not_found"},
            {"team_leader", "create", "403", "403"},
            {"auditor", "read", "200", "404"},
            {"auditor", "feed", "in feed", "not in feed"},
            {"auditor", "claim", "rejected:read_only_role", "rejected:not_found"},
            {"auditor", "note", "rejected:read_only_role", "rejected:not_found"},
            {"auditor", "reassign", "rejected:read_only_role", "rejected:not_found"},
            {"auditor", "create", "403", "403"},
            {"intake", "read", "403", "403"},
            {"intake", "feed", "403", "403"},
            {"intake", "claim", "rejected:not_found", "rejected:not_found"},    // intake reads nothing
            {"intake", "note", "rejected:not_found", "rejected:not_found"},     // intake reads nothing
            {"intake", "reassign", "rejected:not_found", "rejected:not_found"}, // intake reads nothing
            {"intake", "create", "201", "422"},
            {"admin", "read", "403", "403"},
            {"admin", "feed", "403", "403"},
            {"admin", "claim", "rejected:not_found", "rejected:not_found"},
            {"admin", "note", "rejected:not_found", "rejected:not_found"},
            {"admin", "reassign", "rejected:not_found", "rejected:not_found"},
            {"admin", "create", "403", "403"},
        };
        for (const Row &r : rows) {
            QTest::addRow("%s %s own item: %s", r.role, r.action, r.own)
                << QString::fromLatin1(r.role) << QString::fromLatin1(r.action) << QStringLiteral("own")
                << QString::fromLatin1(r.own);
            QTest::addRow("%s %s other partner's item: %s", r.role, r.action, r.other)
                << QString::fromLatin1(r.role) << QString::fromLatin1(r.action) << QStringLiteral("other")
                << QString::fromLatin1(r.other);
        }
        // The live feed is for those who read items; scope decides what it pokes about (tst_storestream).
        for (const char *role : {"caseworker", "team_leader", "auditor"})
            QTest::addRow("%s opens the live feed: 101", role)
                << QString::fromLatin1(role) << QStringLiteral("stream") << QString() << QStringLiteral("101");
        for (const char *role : {"intake", "admin"})
            QTest::addRow("%s opens the live feed: 403", role)
                << QString::fromLatin1(role) << QStringLiteral("stream") << QString() << QStringLiteral("403");
    }

    void table()
    {
        QFETCH(QString, role);
        QFETCH(QString, action);
        QFETCH(QString, scope);
        QFETCH(QString, expected);
        const QString token = m_tokens.value(role);

        QString actual;
        if (action == QLatin1String("stream")) {
            WsClient ws;
            ws.connect(m_store.port(), QStringLiteral("/v1/stream"),
                       {qMakePair(QByteArray("Authorization"), "Bearer " + token.toUtf8())});
            actual = QString::number(ws.status());
            ws.close();
        } else if (action == QLatin1String("create")) {
            const QString partner = scope == QLatin1String("own") ? QStringLiteral("HCC") : QStringLiteral("OCC");
            const Reply r = m_http->post(QStringLiteral("/v1/items"), leaverAt(partner), token);
            actual = QString::number(r.status);
            if (r.status == 422)
                QVERIFY2(r.json.value(QLatin1String("fields")).toObject().contains(QLatin1String("partner")),
                         r.body.constData());
        } else {
            const QJsonObject item = freshItem(scope);
            QVERIFY(!item.isEmpty());
            const QString id = str(item, "id");
            if (action == QLatin1String("read")) {
                const Reply r = m_http->get(QStringLiteral("/v1/items/") + id, token);
                actual = QString::number(r.status);
                if (r.status == 404) // exactly as for an id that never existed
                    QCOMPARE(r.json.keys(), m_http->get(QStringLiteral("/v1/items/") + newUuid(), token).json.keys());
            } else if (action == QLatin1String("feed")) {
                const Reply r = m_http->get(QStringLiteral("/v1/changes?since=%1&limit=10000")
                                                .arg(item.value(QLatin1String("seq")).toInteger() - 1),
                                            token);
                if (r.status != 200) {
                    actual = QString::number(r.status);
                } else {
                    bool found = false;
                    for (const QJsonValue &v : r.json.value(QLatin1String("items")).toArray())
                        found = found || str(v.toObject(), "id") == id;
                    actual = found ? QStringLiteral("in feed") : QStringLiteral("not in feed");
                    if (!found) // and nothing else of the other partner's either
                        for (const QJsonValue &v : r.json.value(QLatin1String("items")).toArray())
                            QCOMPARE(str(v.toObject(), "partner"), QStringLiteral("HCC"));
                }
            } else if (action == QLatin1String("claim")) {
                actual = outcomeOf(token, QStringLiteral("claim"), item);
            } else if (action == QLatin1String("note")) {
                actual = outcomeOf(token, QStringLiteral("add_note"), item,
                                   {{QStringLiteral("text"), QStringLiteral("Checked")}});
            } else if (action == QLatin1String("reassign")) {
                actual = outcomeOf(token, QStringLiteral("reassign"), item,
                                   {{QStringLiteral("assignee"), QStringLiteral("cw.hcc")}});
            }
            // Whatever was refused left the item as it was.
            if (actual != QLatin1String("applied")) {
                const Reply now =
                    m_http->get(QStringLiteral("/v1/items/") + id, m_tokens.value(QStringLiteral("team_leader")));
                if (now.status == 200)
                    QCOMPARE(now.json.value(QLatin1String("version")), item.value(QLatin1String("version")));
            }
        }
        QCOMPARE(actual, expected);
    }

    void cleanupTestCase() { QCOMPARE(m_store.terminate(), 0); }
};

QTEST_GUILESS_MAIN(TestStoreScope)
#include "tst_storescope.moc"
