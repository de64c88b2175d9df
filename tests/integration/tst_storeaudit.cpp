// The audit log through GET /v1/audit, against a real ibc-store on a loopback port: only auditors
// read it, each filter (dates, who, what, item by reference or id), paging with before that gives
// every row once, an auditor of fewer partners who never sees another partner's items, personal
// data masked, each bad parameter named, and every read written to the log itself.
#include "StoreHarness.h"

#include <QDateTime>
#include <QTest>
#include <QUrl>

using namespace ibc::test;
using namespace Qt::Literals::StringLiterals;

namespace {

QString str(const QJsonObject &o, const char *key) { return o.value(QLatin1String(key)).toString(); }
qint64 num(const QJsonObject &o, const char *key) { return o.value(QLatin1String(key)).toInteger(); }

QString encoded(const QString &v) { return QString::fromLatin1(QUrl::toPercentEncoding(v)); }

QJsonObject bankDetails(const QString &partner, const QString &account)
{
    return QJsonObject{
        {u"kind"_s, u"hr_change"_s},
        {u"subtype"_s, u"bank_details"_s},
        {u"partner"_s, partner},
        {u"fields"_s, QJsonObject{{u"employee_number"_s, u"E7654321"_s},
                                  {u"employee_name"_s, u"Gwen Price"_s},
                                  {u"effective_date"_s, u"2026-12-31"_s},
                                  {u"sort_code"_s, u"08-99-99"_s},
                                  {u"account_number"_s, account}}},
    };
}

} // namespace

class TestStoreAudit : public QObject {
    Q_OBJECT

private:
    StoreProcess m_store;
    std::unique_ptr<Http> m_http;
    QMap<QString, QString> m_tokens;
    QJsonObject m_hcc; // a bank-details change at HCC: revealed, edited
    QJsonObject m_wcc; // one at WCC: revealed by Sam too
    qint64 m_started = 0;

    QString token(const char *user) const { return m_tokens.value(QLatin1String(user)); }

    // GET /v1/audit?query as `user`: the reply, with the rows for a 200.
    Reply audit(const char *user, const QString &query = {})
    {
        return m_http->get(u"/v1/audit"_s + (query.isEmpty() ? QString() : u"?"_s + query), token(user));
    }
    QJsonArray rows(const char *user, const QString &query)
    {
        const Reply r = audit(user, query);
        if (r.status != 200)
            qWarning("GET /v1/audit?%s: %d %s", qPrintable(query), r.status, r.body.constData());
        return r.json.value(QLatin1String("rows")).toArray();
    }

    QJsonObject apply(const char *user, const QJsonObject &cmd)
    {
        const Reply r = m_http->post(u"/v1/commands"_s, batch({cmd}), token(user));
        return r.json.value(QLatin1String("results")).toArray().at(0).toObject();
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_store.seed(200), qPrintable(m_store.lastError()));
        QVERIFY(m_store.addUser(u"aud.hcc"_s, u"auditor"_s, u"HCC"_s, u"correct horse battery"_s));
        QVERIFY2(m_store.start(), qPrintable(m_store.lastError()));
        m_http = std::make_unique<Http>(m_store.url());
        m_started = QDateTime::currentSecsSinceEpoch();
        for (const char *u : {"sam.patel", "priya.shah", "alex.morgan", "intake.portal"}) {
            m_tokens.insert(QLatin1String(u), m_http->loginDemo(QLatin1String(u)));
            QVERIFY2(!token(u).isEmpty(), u);
        }
        m_tokens.insert(u"aud.hcc"_s, m_http->login(u"aud.hcc"_s, u"correct horse battery"_s));
        QVERIFY(!token("aud.hcc").isEmpty());

        // What the log is to hold: two items received, a reveal of each, and an edit of an account.
        for (auto [partner, item] : {std::pair{u"HCC"_s, &m_hcc}, std::pair{u"WCC"_s, &m_wcc}}) {
            const Reply in = m_http->post(u"/v1/items"_s, bankDetails(partner, u"66374958"_s), token("intake.portal"));
            QCOMPARE(in.status, 201);
            *item = in.json;
            const Reply reveal = m_http->post(u"/v1/items/"_s + str(in.json, "id") + u"/reveal"_s,
                                              QJsonObject{{u"field"_s, u"account_number"_s},
                                                          {u"reason"_s, u"Checking with the employee, "_s + partner}},
                                              token("sam.patel"));
            QCOMPARE(reveal.status, 200);
        }
        for (const char *type : {"claim", "start"}) {
            QCOMPARE(str(apply("sam.patel", command(QLatin1String(type), m_hcc)), "outcome"), u"applied"_s);
            m_hcc = m_http->get(u"/v1/items/"_s + str(m_hcc, "id"), token("sam.patel")).json;
        }
        const QJsonObject edit =
            apply("sam.patel",
                  command(u"edit_fields"_s, m_hcc, {{u"fields"_s, QJsonObject{{u"account_number"_s, u"12345678"_s}}}}));
        QCOMPARE(str(edit, "outcome"), u"applied"_s);
        m_hcc = m_http->get(u"/v1/items/"_s + str(m_hcc, "id"), token("sam.patel")).json;
        QCOMPARE(str(apply("sam.patel", command(u"approve"_s, m_hcc)), "outcome"), u"rejected"_s);
    }

    void cleanupTestCase() { m_store.terminate(); }

    // Only auditors read the log: everyone else is told so in a sentence, and nobody unsigned.
    void onlyAuditorsReadTheLog_data()
    {
        QTest::addColumn<QString>("user");
        QTest::newRow("caseworker") << u"sam.patel"_s;
        QTest::newRow("team leader") << u"priya.shah"_s;
        QTest::newRow("intake system") << u"intake.portal"_s;
    }
    void onlyAuditorsReadTheLog()
    {
        QFETCH(QString, user);
        const Reply r = m_http->get(u"/v1/audit"_s, m_tokens.value(user));
        QCOMPARE(r.status, 403);
        QCOMPARE(r.error(), u"forbidden"_s);
        QVERIFY2(str(r.json, "message").contains(u"Only auditors read the audit log"_s), r.body.constData());
        QCOMPARE(m_http->get(u"/v1/audit"_s).status, 401);
    }

    // A bad parameter is named, and nothing is read (or audited).
    void aBadParameterIsNamed_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("named");
        QTest::newRow("a date without a time") << u"from=2026-11-23"_s << u"from"_s;
        QTest::newRow("a time without its offset") << u"to=2026-11-23T09:00:00"_s << u"to"_s;
        QTest::newRow("to before from") << u"from=2026-11-23T09:00:00Z&to=2026-11-22T09:00:00Z"_s << u"to"_s;
        QTest::newRow("no rows") << u"limit=0"_s << u"limit"_s;
        QTest::newRow("more rows than 5000") << u"limit=5001"_s << u"limit"_s;
        QTest::newRow("limit not a number") << u"limit=lots"_s << u"limit"_s;
        QTest::newRow("before not a number") << u"before=yesterday"_s << u"before"_s;
        QTest::newRow("a parameter it does not know") << u"user=sam.patel"_s << u"user"_s;
    }
    void aBadParameterIsNamed()
    {
        QFETCH(QString, query);
        QFETCH(QString, named);
        const Reply r = audit("alex.morgan", query);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.error(), u"invalid_parameter"_s);
        QVERIFY2(r.json.value(QLatin1String("fields")).toObject().contains(named), r.body.constData());
        QVERIFY2(str(r.json, "message").contains(named), r.body.constData());
    }

    // Newest first, each filter applied, the item by its reference or its id, personal data masked.
    void eachFilterNarrowsTheLog()
    {
        const QJsonArray all = rows("alex.morgan", u"limit=5000"_s);
        QVERIFY(all.size() > 5);
        for (qsizetype i = 1; i < all.size(); ++i)
            QVERIFY(num(all[i - 1].toObject(), "row") > num(all[i].toObject(), "row"));

        const QJsonArray reveals = rows("alex.morgan", u"action=personal_data"_s);
        QCOMPARE(reveals.size(), 2);
        const QJsonObject first = reveals[1].toObject(); // the older: the HCC item's
        QCOMPARE(str(first, "action"), u"personal_data.revealed"_s);
        QCOMPARE(str(first, "actor"), u"sam.patel"_s);
        QCOMPARE(str(first, "item_id"), str(m_hcc, "id"));
        QCOMPARE(str(first, "reference"), str(m_hcc, "reference"));
        QCOMPARE(str(first.value(QLatin1String("detail")).toObject(), "reason"), u"Checking with the employee, HCC"_s);

        for (const QString &item : {str(m_hcc, "reference"), str(m_hcc, "id")}) {
            const QJsonArray about = rows("alex.morgan", u"item="_s + item);
            QStringList actions;
            for (const QJsonValue &v : about) {
                QCOMPARE(str(v.toObject(), "item_id"), str(m_hcc, "id"));
                actions << str(v.toObject(), "action");
            }
            QCOMPARE(actions, (QStringList{u"command.rejected"_s, u"command.applied"_s, u"command.applied"_s,
                                           u"command.applied"_s, u"personal_data.revealed"_s, u"item.received"_s}));
        }

        const QJsonArray refused = rows("alex.morgan", u"action=command.rejected&actor=sam.patel"_s);
        QCOMPARE(refused.size(), 1);
        const QJsonObject refusal = refused[0].toObject().value(QLatin1String("detail")).toObject();
        QCOMPARE(str(refusal, "type"), u"approve"_s);
        QVERIFY(!str(refusal, "code").isEmpty());
        QVERIFY(rows("alex.morgan", u"actor=nobody.at.all"_s).isEmpty());

        // The edit's new account, masked as the desk shows it.
        const QJsonArray edits = rows("alex.morgan", u"action=command.applied&item="_s + str(m_hcc, "reference"));
        const QJsonObject payload =
            edits[0].toObject().value(QLatin1String("detail")).toObject().value(QLatin1String("payload")).toObject();
        QCOMPARE(payload.value(QLatin1String("fields")).toObject().value(QLatin1String("account_number")).toString(),
                 u"••••5678"_s);
        QVERIFY(!audit("alex.morgan", u"limit=5000"_s).body.contains("12345678"));

        // Times: a window around this run has the reveals; one that ended before it has none.
        const QString before = QDateTime::fromSecsSinceEpoch(m_started - 3600, Qt::UTC).toString(Qt::ISODate);
        const QString now = QDateTime::currentDateTimeUtc().addSecs(60).toString(Qt::ISODate);
        QVERIFY(rows("alex.morgan", u"action=personal_data&to="_s + encoded(before)).isEmpty());
        QCOMPARE(
            rows("alex.morgan", u"action=personal_data&from="_s + encoded(before) + u"&to="_s + encoded(now)).size(),
            2);
        // A '+' left unencoded reads as the offset it is.
        QCOMPARE(rows("alex.morgan", u"action=personal_data&from=2000-01-01T00:00:00+01:00"_s).size(), 2);
    }

    // Pages of three, each from below the last row of the one before, give every row exactly
    // once, in the order one large read gives them.
    void pagesGiveEveryRowOnce()
    {
        const QJsonArray whole = rows("alex.morgan", u"action=command&limit=5000"_s);
        QVERIFY(whole.size() >= 4);
        QJsonArray paged;
        qint64 before = 0;
        for (int pages = 0; pages < 100; ++pages) {
            const Reply r = audit("alex.morgan", u"action=command&limit=3"_s +
                                                     (before ? u"&before="_s + QString::number(before) : QString()));
            QCOMPARE(r.status, 200);
            const QJsonArray page = r.json.value(QLatin1String("rows")).toArray();
            QVERIFY(page.size() <= 3);
            for (const QJsonValue &v : page)
                paged.append(v);
            if (!r.json.value(QLatin1String("more")).toBool())
                break;
            QCOMPARE(page.size(), 3);
            before = num(page.last().toObject(), "row");
        }
        QCOMPARE(paged, whole);
    }

    // An auditor of HCC alone: HCC's items and rows about no item, never WCC's, not even by name.
    void anAuditorOfFewerPartnersSeesOnlyTheirs()
    {
        const QJsonArray mine = rows("aud.hcc", u"action=personal_data"_s);
        QCOMPARE(mine.size(), 1);
        QCOMPARE(str(mine[0].toObject(), "item_id"), str(m_hcc, "id"));
        QVERIFY(rows("aud.hcc", u"item="_s + str(m_wcc, "reference")).isEmpty());
        QVERIFY(rows("aud.hcc", u"item="_s + str(m_wcc, "id")).isEmpty());
        QCOMPARE(rows("alex.morgan", u"item="_s + str(m_wcc, "reference")).size(), 2);

        for (const QJsonValue &v : rows("aud.hcc", u"limit=5000"_s)) {
            const QString ref = str(v.toObject(), "reference");
            QVERIFY2(ref != str(m_wcc, "reference"), qPrintable(ref));
        }
        // Sign-ins are about no item: every auditor sees them.
        const QJsonArray signIns = rows("aud.hcc", u"action=session.created&actor=sam.patel"_s);
        QVERIFY(!signIns.isEmpty());
    }

    // Every read is written to the log, with its filters and how many rows it gave.
    void eachReadIsAudited()
    {
        const QJsonArray read = rows("aud.hcc", u"action=personal_data&actor=sam.patel&limit=10"_s);
        const QJsonArray audited = rows("alex.morgan", u"action=audit.read&actor=aud.hcc&limit=1"_s);
        QCOMPARE(audited.size(), 1);
        const QJsonObject row = audited[0].toObject();
        QCOMPARE(str(row, "item_id"), QString());
        const QJsonObject detail = row.value(QLatin1String("detail")).toObject();
        QCOMPARE(str(detail, "action"), u"personal_data"_s);
        QCOMPARE(str(detail, "actor"), u"sam.patel"_s);
        QCOMPARE(num(detail, "limit"), 10);
        QCOMPARE(num(detail, "rows"), read.size());

        // A refused read is not a read: nothing written.
        const qint64 newest = num(rows("alex.morgan", u"limit=1"_s)[0].toObject(), "row");
        QCOMPARE(audit("alex.morgan", u"limit=0"_s).status, 400);
        QCOMPARE(audit("sam.patel").status, 403);
        const QJsonArray after = rows("alex.morgan", u"limit=5"_s);
        QCOMPARE(num(after[0].toObject(), "row"), newest + 1); // the read just made to see this, no more
        QCOMPARE(str(after[0].toObject(), "action"), u"audit.read"_s);
    }
};

QTEST_GUILESS_MAIN(TestStoreAudit)
#include "tst_storeaudit.moc"
