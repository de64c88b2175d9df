// The API as a client sees it, against a real ibc-store on a loopback port with a seeded store:
// sign-in (and its slowing of guessers), paging through the feed, each command type through a
// whole lifecycle, idempotent retries and conflicts, intake, single items, the reference data,
// token expiry, disabled accounts, TLS, metrics and the request log.
#include "StoreHarness.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTest>
#include <QThread>

using namespace ibc::test;
using namespace Qt::Literals::StringLiterals;

namespace {

QString str(const QJsonObject &o, const char *key) { return o.value(QLatin1String(key)).toString(); }
qint64 num(const QJsonObject &o, const char *key) { return o.value(QLatin1String(key)).toInteger(); }

bool isRfc3339WithOffset(const QString &t)
{
    static const QRegularExpression re(
        QStringLiteral("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$"));
    return re.match(t).hasMatch();
}

QJsonObject leaverIntake(const QString &partner, const QString &name = QStringLiteral("Ffion Evans"));

// A bank-details change at HCC to sort code 08-99-99 (VocaLink's test cases: 66374958 passes the
// modulus check, 66374959 fails it).
QJsonObject bankDetailsIntake(const QString &account)
{
    QJsonObject body = leaverIntake(QStringLiteral("HCC"));
    body.insert(QStringLiteral("subtype"), QStringLiteral("bank_details"));
    QJsonObject fields = body.value(QLatin1String("fields")).toObject();
    fields.remove(QStringLiteral("leaving_reason"));
    fields.insert(QStringLiteral("sort_code"), QStringLiteral("08-99-99"));
    fields.insert(QStringLiteral("account_number"), account);
    body.insert(QStringLiteral("fields"), fields);
    return body;
}

QJsonObject leaverIntake(const QString &partner, const QString &name)
{
    return QJsonObject{
        {QStringLiteral("kind"), QStringLiteral("hr_change")},
        {QStringLiteral("subtype"), QStringLiteral("leaver")},
        {QStringLiteral("partner"), partner},
        {QStringLiteral("received_at"), QDateTime::currentDateTimeUtc().addSecs(-3600).toString(Qt::ISODate)},
        {QStringLiteral("fields"), QJsonObject{{QStringLiteral("employee_number"), QStringLiteral("E1234567")},
                                               {QStringLiteral("employee_name"), name},
                                               {QStringLiteral("effective_date"), QStringLiteral("2026-12-31")},
                                               {QStringLiteral("leaving_reason"), QStringLiteral("Retirement")}}},
    };
}

} // namespace

class TestStoreApi : public QObject {
    Q_OBJECT

private:
    StoreProcess m_store;
    std::unique_ptr<Http> m_http;
    QMap<QString, QString> m_tokens;

    QString token(const char *user) { return m_tokens.value(QLatin1String(user)); }

    // A fresh HR change at `partner`, made through intake.
    QJsonObject newItem(const QString &partner = QStringLiteral("HCC"))
    {
        const Reply r = m_http->post(QStringLiteral("/v1/items"), leaverIntake(partner), token("intake.portal"));
        if (r.status != 201)
            qWarning("intake failed: %d %s", r.status, r.body.constData());
        return r.json;
    }

    QJsonObject apply(const QString &user, const QJsonObject &cmd)
    {
        const Reply r = m_http->post(QStringLiteral("/v1/commands"), batch({cmd}), m_tokens.value(user));
        if (r.status != 200)
            return QJsonObject{{QStringLiteral("http"), r.status}, {QStringLiteral("body"), QString::fromUtf8(r.body)}};
        return r.json.value(QLatin1String("results")).toArray().at(0).toObject();
    }

    QJsonObject fetch(const QString &id, const char *user = "sam.patel")
    {
        return m_http->get(QStringLiteral("/v1/items/") + id, token(user)).json;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(m_store.seed(300), qPrintable(m_store.lastError()));
        QVERIFY2(m_store.start(), qPrintable(m_store.lastError()));
        m_http = std::make_unique<Http>(m_store.url());
        for (const char *u : {"sam.patel", "rhys.evans", "priya.shah", "alex.morgan", "intake.portal", "admin"}) {
            const QString t = m_http->loginDemo(QLatin1String(u));
            QVERIFY2(!t.isEmpty(), u);
            m_tokens.insert(QLatin1String(u), t);
        }
    }

    void healthAndMetrics()
    {
        const Reply h = m_http->get(QStringLiteral("/healthz"));
        QCOMPARE(h.status, 200);
        QCOMPARE(str(h.json, "status"), QStringLiteral("ok"));

        const Reply m = m_http->get(QStringLiteral("/metrics"));
        QCOMPARE(m.status, 200);
        QVERIFY(m.headers.value("content-type").startsWith("text/plain"));
        for (const char *series :
             {"ibc_http_requests_total{path=\"/v1/session\",status=\"200\"}",
              "ibc_http_request_duration_seconds_bucket{path=\"/v1/session\",le=\"+Inf\"}",
              "ibc_commands_total{outcome=\"applied\"}", "ibc_commands_total{outcome=\"conflict\"}",
              "ibc_websocket_clients", "ibc_http_connections"})
            QVERIFY2(m.body.contains(series), series);
    }

    void signIn()
    {
        const Reply ok = m_http->post(QStringLiteral("/v1/session"),
                                      {{QStringLiteral("username"), QStringLiteral("rhys.evans")},
                                       {QStringLiteral("password"), QStringLiteral("demo-rhys.evans")}});
        QCOMPARE(ok.status, 200);
        QVERIFY(str(ok.json, "token").size() >= 32);
        const QString expires = str(ok.json, "expires_at");
        QVERIFY2(isRfc3339WithOffset(expires), qPrintable(expires));
        const qint64 left = QDateTime::currentDateTimeUtc().secsTo(QDateTime::fromString(expires, Qt::ISODate));
        QVERIFY2(left > 7 * 3600 && left <= 8 * 3600 + 5, qPrintable(expires));
        QCOMPARE(str(ok.json.value(QLatin1String("user")).toObject(), "role"), QStringLiteral("caseworker"));

        // Every wrong answer looks the same.
        auto attempt = [&](const QString &u, const QString &p) {
            return m_http->post(QStringLiteral("/v1/session"),
                                {{QStringLiteral("username"), u}, {QStringLiteral("password"), p}});
        };
        const Reply wrongPassword = attempt(QStringLiteral("priya.shah"), QStringLiteral("not-her-password"));
        const Reply unknownUser = attempt(QStringLiteral("nobody.here"), QStringLiteral("demo-nobody.here"));
        QCOMPARE(wrongPassword.status, 401);
        QCOMPARE(unknownUser.status, 401);
        QCOMPARE(wrongPassword.error(), QStringLiteral("invalid_credentials"));
        QCOMPARE(wrongPassword.body, unknownUser.body);
    }

    // Repeated failures for one username are held back by a timer that grows; meanwhile other
    // people sign in at once.
    void repeatedFailuresAreSlowedDown()
    {
        const QString victim = QStringLiteral("alex.morgan");
        QList<qint64> took;
        for (int i = 0; i < 6; ++i) {
            const Reply r = m_http->post(QStringLiteral("/v1/session"),
                                         {{QStringLiteral("username"), victim},
                                          {QStringLiteral("password"), QStringLiteral("guess-%1").arg(i)}});
            QCOMPARE(r.status, 401);
            took << r.elapsedMs;
        }
        // Three free failures, then 250 ms, 500 ms, 1 s before the check. (The check itself, an
        // Argon2 hash, takes a varying time on a busy machine: compare with the quickest.)
        const qint64 quickest = std::min({took[0], took[1], took[2]});
        QVERIFY2(took[4] >= quickest + 400, qPrintable(QStringLiteral("%1 vs %2").arg(took[4]).arg(quickest)));
        QVERIFY2(took[5] >= quickest + 900, qPrintable(QStringLiteral("%1 vs %2").arg(took[5]).arg(quickest)));

        // While the next guess waits (2 s), someone else signs in without waiting behind it.
        QNetworkRequest req(QUrl(m_store.url() + QStringLiteral("/v1/session")));
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkAccessManager nam;
        QElapsedTimer guessClock;
        guessClock.start();
        QNetworkReply *guess = nam.post(req, R"({"username":"alex.morgan","password":"guess-6"})");
        QTest::qWait(100);
        const Reply other =
            Http(m_store.url())
                .post(QStringLiteral("/v1/session"), {{QStringLiteral("username"), QStringLiteral("sam.patel")},
                                                      {QStringLiteral("password"), QStringLiteral("demo-sam.patel")}});
        QCOMPARE(other.status, 200);
        QVERIFY2(other.elapsedMs < 1500, qPrintable(QString::number(other.elapsedMs)));
        QVERIFY(!guess->isFinished());
        QTRY_VERIFY_WITH_TIMEOUT(guess->isFinished(), 10000);
        QCOMPARE(guess->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 401);
        QVERIFY(guessClock.elapsed() >= 1900);
        delete guess;

        // The right password still works after the wait, and resets the count.
        const Reply right = m_http->post(
            QStringLiteral("/v1/session"),
            {{QStringLiteral("username"), victim}, {QStringLiteral("password"), QStringLiteral("demo-alex.morgan")}});
        QCOMPARE(right.status, 200);
        const Reply after = m_http->post(
            QStringLiteral("/v1/session"),
            {{QStringLiteral("username"), victim}, {QStringLiteral("password"), QStringLiteral("demo-alex.morgan")}});
        QCOMPARE(after.status, 200);
        QVERIFY2(after.elapsedMs < took[5], qPrintable(QString::number(after.elapsedMs)));
    }

    void feedPagesInSequenceOrder()
    {
        QSet<QString> ids;
        qint64 since = 0, lastSeq = 0;
        int pages = 0;
        for (;;) {
            const Reply r = m_http->get(QStringLiteral("/v1/changes?since=%1&limit=50").arg(since), token("sam.patel"));
            QCOMPARE(r.status, 200);
            const QJsonArray items = r.json.value(QLatin1String("items")).toArray();
            QVERIFY(items.size() <= 50);
            for (const QJsonValue &v : items) {
                const QJsonObject it = v.toObject();
                QVERIFY2(num(it, "seq") > lastSeq, "sequence numbers increase through the feed");
                lastSeq = num(it, "seq");
                QVERIFY2(!ids.contains(str(it, "id")), "each item once");
                ids.insert(str(it, "id"));
                for (const char *t : {"received_at", "updated_at", "due_at"})
                    QVERIFY2(isRfc3339WithOffset(str(it, t)), qPrintable(str(it, t)));
                QVERIFY(it.value(QLatin1String("events")).isArray());
                QVERIFY(it.value(QLatin1String("notes")).isArray());
                QVERIFY(it.value(QLatin1String("fields")).isObject());
                for (const QJsonValue &e : it.value(QLatin1String("events")).toArray())
                    QVERIFY(isRfc3339WithOffset(str(e.toObject(), "at")));
            }
            ++pages;
            if (!items.isEmpty())
                QCOMPARE(num(r.json, "next_seq"), lastSeq);
            since = num(r.json, "next_seq");
            if (!r.json.value(QLatin1String("more")).toBool())
                break;
            QVERIFY(pages < 1000);
        }
        QVERIFY2(ids.size() >= 300, qPrintable(QString::number(ids.size())));
        QVERIFY(pages >= 6);

        const Reply end = m_http->get(QStringLiteral("/v1/changes?since=%1").arg(since), token("sam.patel"));
        QCOMPARE(end.status, 200);
        QCOMPARE(end.json.value(QLatin1String("items")).toArray().size(), 0);
        QCOMPARE(end.json.value(QLatin1String("more")).toBool(), false);
        QCOMPARE(num(end.json, "next_seq"), since);

        // A change moves the item to the end of the feed.
        const QJsonArray all = wholeFeed(*m_http, token("sam.patel"));
        const QJsonObject first = all.at(0).toObject();
        QCOMPARE(str(apply(QStringLiteral("sam.patel"),
                           command(QStringLiteral("add_note"), first,
                                   {{QStringLiteral("text"), QStringLiteral("Chased by phone")}})),
                     "outcome"),
                 QStringLiteral("applied"));
        const Reply tail = m_http->get(QStringLiteral("/v1/changes?since=%1").arg(since), token("sam.patel"));
        QCOMPARE(tail.json.value(QLatin1String("items")).toArray().size(), 1);
        QCOMPARE(str(tail.json.value(QLatin1String("items")).toArray().at(0).toObject(), "id"), str(first, "id"));
    }

    // count=true: a first sync learns how many items are to come, for each user's own scope.
    void feedCountsWhatIsToCome()
    {
        for (const char *user : {"sam.patel", "rhys.evans"}) {
            const int all = int(wholeFeed(*m_http, token(user)).size());
            const Reply first = m_http->get(QStringLiteral("/v1/changes?since=0&limit=7&count=true"), token(user));
            QCOMPARE(first.status, 200);
            QCOMPARE(num(first.json, "remaining"), qint64(all));
            const qint64 next = num(first.json, "next_seq");
            const Reply later =
                m_http->get(QStringLiteral("/v1/changes?since=%1&limit=2000&count=true").arg(next), token(user));
            QCOMPARE(num(later.json, "remaining"), qint64(all - 7));
            const Reply plain = m_http->get(QStringLiteral("/v1/changes?since=0&limit=7"), token(user));
            QVERIFY(!plain.json.contains(QLatin1String("remaining")));
        }
        const Reply bad = m_http->get(QStringLiteral("/v1/changes?count=maybe"), token("sam.patel"));
        QCOMPARE(bad.status, 400);
        QVERIFY(bad.json.value(QLatin1String("fields")).toObject().contains(QLatin1String("count")));
    }

    // Every command type, in the order a real item meets them.
    void eachCommandThroughALifecycle()
    {
        QJsonObject item = newItem(QStringLiteral("HCC"));
        QVERIFY(!str(item, "id").isEmpty());
        const QString id = str(item, "id");
        struct Step {
            const char *who;
            const char *type;
            QJsonObject payload;
            const char *status;
            const char *assignee;
        };
        const std::vector<Step> steps{
            {"sam.patel", "claim", {}, "assigned", "sam.patel"},
            {"sam.patel", "start", {}, "in_progress", "sam.patel"},
            {"sam.patel",
             "request_info",
             {{QStringLiteral("reason"), QStringLiteral("Need the leaving date confirmed")}},
             "awaiting_info",
             "sam.patel"},
            {"sam.patel", "resume", {}, "in_progress", "sam.patel"},
            {"sam.patel",
             "edit_fields",
             {{QStringLiteral("fields"),
               QJsonObject{{QStringLiteral("employee_name"), QStringLiteral("Ffion Evans-Jones")}}}},
             "in_progress",
             "sam.patel"},
            {"sam.patel",
             "add_note",
             {{QStringLiteral("text"), QStringLiteral("Spoke to the line manager")}},
             "in_progress",
             "sam.patel"},
            {"sam.patel",
             "escalate",
             {{QStringLiteral("reason"), QStringLiteral("Pension question")}},
             "escalated",
             "sam.patel"},
            {"priya.shah", "resume", {}, "in_progress", "sam.patel"},
            // A leaver waits for a second person's check; withdrawn, it changes nothing and needs none.
            {"sam.patel",
             "resolve",
             {{QStringLiteral("outcome"), QStringLiteral("processed")},
              {QStringLiteral("note"), QStringLiteral("Done")}},
             "awaiting_check",
             "sam.patel"},
            {"priya.shah",
             "return_check",
             {{QStringLiteral("reason"), QStringLiteral("Final pay not checked")}},
             "in_progress",
             "sam.patel"},
            {"sam.patel",
             "resolve",
             {{QStringLiteral("outcome"), QStringLiteral("withdrawn")}},
             "resolved",
             "sam.patel"},
            {"priya.shah",
             "reject",
             {{QStringLiteral("reason"), QStringLiteral("The partner has not withdrawn it")}},
             "in_progress",
             "sam.patel"},
            {"sam.patel",
             "resolve",
             {{QStringLiteral("outcome"), QStringLiteral("processed")}},
             "awaiting_check",
             "sam.patel"},
            {"priya.shah", "pass_check", {}, "closed", "sam.patel"},
            {"priya.shah",
             "reopen",
             {{QStringLiteral("reason"), QStringLiteral("Partner sent a correction")}},
             "reopened",
             "sam.patel"},
            {"priya.shah",
             "reassign",
             {{QStringLiteral("assignee"), QStringLiteral("rhys.evans")}},
             "reopened",
             "rhys.evans"},
            {"priya.shah", "release", {}, "reopened", ""},
        };
        qint64 version = num(item, "version"), seq = num(item, "seq");
        for (const Step &s : steps) {
            const QString what = QStringLiteral("%1 by %2").arg(QLatin1String(s.type), QLatin1String(s.who));
            QJsonObject cmd = command(QLatin1String(s.type), item, s.payload);
            const QJsonObject result = apply(QLatin1String(s.who), cmd);
            QVERIFY2(str(result, "outcome") == QLatin1String("applied"),
                     qPrintable(what + QStringLiteral(": ") + QString::fromUtf8(QJsonDocument(result).toJson())));
            QCOMPARE(str(result, "id"), str(cmd, "id"));
            QVERIFY2(num(result, "version") == version + 1, qPrintable(what));
            QVERIFY2(num(result, "seq") > seq, qPrintable(what));
            version = num(result, "version");
            seq = num(result, "seq");
            item = fetch(id);
            QVERIFY2(str(item, "status") == QLatin1String(s.status),
                     qPrintable(what + QStringLiteral(" → ") + str(item, "status")));
            QVERIFY2(item.value(QLatin1String("assignee")).toString() == QLatin1String(s.assignee), qPrintable(what));
            QCOMPARE(num(item, "version"), version);
            QCOMPARE(num(item, "seq"), seq);
        }
        QCOMPARE(str(item.value(QLatin1String("fields")).toObject(), "employee_name"),
                 QStringLiteral("Ffion Evans-Jones"));
        QStringList notes;
        for (const QJsonValue &n : item.value(QLatin1String("notes")).toArray())
            notes << str(n.toObject(), "text");
        QVERIFY2(notes.contains(QStringLiteral("Spoke to the line manager")), qPrintable(notes.join(QLatin1Char('|'))));
        QStringList history;
        for (const QJsonValue &e : item.value(QLatin1String("events")).toArray())
            history << str(e.toObject(), "type");
        for (const Step &s : steps)
            if (qstrcmp(s.type, "add_note") != 0)
                QVERIFY2(history.contains(QLatin1String(s.type)), s.type);
    }

    // A partner's system may send an account that cannot exist: it is kept (nothing sent in is
    // lost), never resolved, and put right by an edit, after which it resolves.
    void bankDetailsThatFailTheModulusCheckAreKeptButNeverResolved()
    {
        const Reply in = m_http->post(QStringLiteral("/v1/items"), bankDetailsIntake(QStringLiteral("66374959")),
                                      token("intake.portal")); // VocaLink's test case 29
        QCOMPARE(in.status, 201);
        QJsonObject item = in.json;
        for (const char *type : {"claim", "start"}) {
            const QJsonObject r = apply(QStringLiteral("sam.patel"), command(QLatin1String(type), item, {}));
            QCOMPARE(str(r, "outcome"), QStringLiteral("applied"));
            item = fetch(str(item, "id"));
        }
        const QJsonObject resolve{{QStringLiteral("outcome"), QStringLiteral("processed")}};
        const QJsonObject refused = apply(QStringLiteral("sam.patel"), command(u"resolve"_s, item, resolve));
        QCOMPARE(str(refused, "outcome"), QStringLiteral("rejected"));
        QCOMPARE(str(refused, "code"), QStringLiteral("account_fails_check"));
        QVERIFY2(str(refused, "reason").contains(QStringLiteral("••••4959")), qPrintable(str(refused, "reason")));
        QVERIFY2(!str(refused, "reason").contains(QStringLiteral("66374959")), "the account number is masked");

        const QJsonObject corrected = apply(
            QStringLiteral("sam.patel"),
            command(u"edit_fields"_s, item,
                    {{QStringLiteral("fields"),
                      QJsonObject{{QStringLiteral("account_number"), QStringLiteral("66374958")}}}})); // test case 1
        QCOMPARE(str(corrected, "outcome"), QStringLiteral("applied"));
        item = fetch(str(item, "id"));
        QCOMPARE(str(apply(QStringLiteral("sam.patel"), command(u"resolve"_s, item, resolve)), "outcome"),
                 QStringLiteral("applied"));
    }

    // Maker-checker through the store: every shortcut refused with its code, a caseworker made a
    // checker by the administrator passes it, and the history says who made and who checked.
    void aChangeThatNeedsACheckTakesASecondPerson()
    {
        QJsonObject item = newItem(); // a leaver at HCC
        for (const char *type : {"claim", "start"})
            QCOMPARE(str(apply(QStringLiteral("sam.patel"), command(QLatin1String(type), fetch(str(item, "id")))),
                         "outcome"),
                     QStringLiteral("applied"));
        item = fetch(str(item, "id"));
        const QJsonObject made =
            apply(QStringLiteral("sam.patel"), command(u"resolve"_s, item, {{u"outcome"_s, u"processed"_s}}));
        QCOMPARE(str(made, "outcome"), QStringLiteral("applied"));
        item = fetch(str(item, "id"));
        QCOMPARE(str(item, "status"), QStringLiteral("awaiting_check"));

        const struct {
            const char *who;
            const char *type;
            const char *code;
        } shortcuts[] = {
            {"sam.patel", "pass_check", "maker_cannot_check"}, // the maker, though a checker
            {"rhys.evans", "pass_check", "checker_only"},      // a caseworker who is not a checker
            {"priya.shah", "approve", "wrong_status"},         // an approval that skips the check
            {"sam.patel", "resolve", "wrong_status"},          // resolving it again
            {"sam.patel", "edit_fields", "wrong_status"},      // changing what is being checked
            {"alex.morgan", "pass_check", "read_only_role"},
        };
        for (const auto &s : shortcuts) {
            QJsonObject payload;
            if (qstrcmp(s.type, "resolve") == 0)
                payload = {{u"outcome"_s, u"processed"_s}};
            if (qstrcmp(s.type, "edit_fields") == 0)
                payload = {{u"fields"_s, QJsonObject{{u"job_title"_s, u"Watch Manager"_s}}}};
            const QJsonObject r = apply(QLatin1String(s.who), command(QLatin1String(s.type), item, payload));
            QVERIFY2(str(r, "outcome") == QLatin1String("rejected") && str(r, "code") == QLatin1String(s.code),
                     qPrintable(QStringLiteral("%1 by %2: ").arg(QLatin1String(s.type), QLatin1String(s.who)) +
                                QString::fromUtf8(QJsonDocument(r).toJson(QJsonDocument::Compact))));
        }
        QCOMPARE(fetch(str(item, "id")), item); // none of them changed anything

        // The administrator makes Rhys a checker; his next request is decided with it.
        const CliResult granted = runCli({u"user"_s, u"checker"_s, u"--db"_s, m_store.db(), u"--username"_s,
                                          u"rhys.evans"_s, u"--checker"_s, u"yes"_s});
        QVERIFY2(granted.exitCode == 0, granted.err.constData());
        const QJsonObject passed = apply(QStringLiteral("rhys.evans"), command(u"pass_check"_s, item));
        QVERIFY2(str(passed, "outcome") == QLatin1String("applied"),
                 QJsonDocument(passed).toJson(QJsonDocument::Compact).constData());
        item = fetch(str(item, "id"));
        QCOMPARE(str(item, "status"), QStringLiteral("closed"));
        QStringList history;
        for (const QJsonValue &e : item.value(QLatin1String("events")).toArray())
            history << str(e.toObject(), "type") + u' ' + str(e.toObject(), "actor") + u' ' + str(e.toObject(), "to");
        QVERIFY2(history.contains(u"resolve sam.patel awaiting_check"_s), qPrintable(history.join(u'|')));
        QVERIFY2(history.contains(u"pass_check rhys.evans closed"_s), qPrintable(history.join(u'|')));
        QCOMPARE(runCli({u"user"_s, u"checker"_s, u"--db"_s, m_store.db(), u"--username"_s, u"rhys.evans"_s,
                         u"--checker"_s, u"no"_s})
                     .exitCode,
                 0);
    }

    // A sensitive case through the store: each role sees it or not, a page of the feed tells those
    // who may no longer see it to forget it, and naming someone lets them see it again.
    void aSensitiveCaseIsSeenOnlyByThoseItConcerns()
    {
        QJsonObject item = newItem(); // a leaver at HCC
        const QString id = str(item, "id");
        QCOMPARE(str(apply(QStringLiteral("rhys.evans"), command(u"claim"_s, item)), "outcome"), u"applied"_s);
        item = fetch(id);
        const qint64 before = num(item, "seq");
        const QJsonObject marked =
            apply(QStringLiteral("priya.shah"),
                  command(u"mark_sensitive"_s, item, {{u"reason"_s, u"Grievance against the line manager"_s}}));
        QVERIFY2(str(marked, "outcome") == QLatin1String("applied"),
                 QJsonDocument(marked).toJson(QJsonDocument::Compact).constData());

        const auto status = [&](const char *user) {
            return m_http->get(QStringLiteral("/v1/items/") + id, token(user)).status;
        };
        QCOMPARE(status("rhys.evans"), 200);  // its assignee
        QCOMPARE(status("priya.shah"), 200);  // a team leader
        QCOMPARE(status("sam.patel"), 404);   // another caseworker: it does not exist for him
        QCOMPARE(status("alex.morgan"), 404); // an auditor not named on it
        const QJsonObject shown = m_http->get(QStringLiteral("/v1/items/") + id, token("rhys.evans")).json;
        QCOMPARE(str(shown, "sensitive"), u"Grievance against the line manager"_s);

        const auto feed = [&](const char *user) {
            const QJsonObject page =
                m_http->get(QStringLiteral("/v1/changes?since=%1&limit=10000").arg(before), token(user)).json;
            QStringList items, forget;
            for (const QJsonValue &v : page.value(QLatin1String("items")).toArray())
                items << str(v.toObject(), "id");
            for (const QJsonValue &v : page.value(QLatin1String("forget")).toArray())
                forget << v.toString();
            return std::pair(items.contains(id), forget.contains(id));
        };
        QCOMPARE(feed("sam.patel"), std::pair(false, true)); // told to forget it
        QCOMPARE(feed("rhys.evans"), std::pair(true, false));
        QCOMPARE(feed("priya.shah"), std::pair(true, false));
        QCOMPARE(feed("alex.morgan"), std::pair(false, true));

        // Rhys names Sam on it: Sam sees it again, and his feed brings it back.
        item = fetch(id, "rhys.evans");
        const QJsonObject named =
            apply(QStringLiteral("rhys.evans"), command(u"mark_sensitive"_s, item,
                                                        {{u"reason"_s, u"Grievance against the line manager"_s},
                                                         {u"named"_s, QJsonArray{u"sam.patel"_s}}}));
        QCOMPARE(str(named, "outcome"), u"applied"_s);
        QCOMPARE(status("sam.patel"), 200);
        QCOMPARE(feed("sam.patel"), std::pair(true, false));
        QCOMPARE(status("alex.morgan"), 404);
        // Someone who cannot see it cannot change it either: it does not exist for them.
        const QJsonObject refused =
            apply(QStringLiteral("alex.morgan"), command(u"add_note"_s, item, {{u"text"_s, u"x"_s}}));
        QCOMPARE(str(refused, "code"), u"not_found"_s);
    }

    // POST /v1/items/{id}/reveal: the whole account number for someone who may see the item and
    // says why; refusals name what was wrong.
    void revealingAMaskedDetailNeedsAReason()
    {
        const Reply in = m_http->post(QStringLiteral("/v1/items"), bankDetailsIntake(QStringLiteral("66374958")),
                                      token("intake.portal"));
        QCOMPARE(in.status, 201);
        const QString path = QStringLiteral("/v1/items/%1/reveal").arg(str(in.json, "id"));
        const QJsonObject ask{{QStringLiteral("field"), QStringLiteral("account_number")},
                              {QStringLiteral("reason"), QStringLiteral("Confirming with the employee by phone")}};

        const Reply shown = m_http->post(path, ask, token("sam.patel"));
        QCOMPARE(shown.status, 200);
        QCOMPARE(str(shown.json, "value"), QStringLiteral("66374958"));

        QJsonObject noReason = ask;
        noReason.remove(QStringLiteral("reason"));
        const Reply why = m_http->post(path, noReason, token("sam.patel"));
        QCOMPARE(why.status, 422);
        QVERIFY(why.json.value(QLatin1String("fields")).toObject().contains(QStringLiteral("reason")));

        QJsonObject notMasked = ask;
        notMasked.insert(QStringLiteral("field"), QStringLiteral("employee_name"));
        QCOMPARE(m_http->post(path, notMasked, token("sam.patel")).status, 422);
        QCOMPARE(m_http->post(path, ask, token("intake.portal")).status, 403);
        QCOMPARE(m_http->request("GET", path, {}, token("sam.patel")).status, 405);
    }

    void retryReturnsTheSameResultAndChangesNothing()
    {
        const QJsonObject item = newItem();
        const QJsonObject claim = command(QStringLiteral("claim"), item);
        const Reply first = m_http->post(QStringLiteral("/v1/commands"), batch({claim}), token("sam.patel"));
        QCOMPARE(first.status, 200);
        QCOMPARE(str(first.json.value(QLatin1String("results")).toArray().at(0).toObject(), "outcome"),
                 QStringLiteral("applied"));
        const QJsonObject after = fetch(str(item, "id"));

        // Once more, then again after someone else has moved the item on.
        const Reply again = m_http->post(QStringLiteral("/v1/commands"), batch({claim}), token("sam.patel"));
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json, first.json);
        QCOMPARE(fetch(str(item, "id")), after);
        QCOMPARE(str(apply(QStringLiteral("sam.patel"), command(QStringLiteral("start"), after)), "outcome"),
                 QStringLiteral("applied"));
        const Reply late = m_http->post(QStringLiteral("/v1/commands"), batch({claim}), token("sam.patel"));
        QCOMPARE(late.json, first.json);

        // A retried rejection is the same rejection.
        const QJsonObject bad = command(QStringLiteral("resolve"), fetch(str(item, "id")),
                                        {{QStringLiteral("outcome"), QStringLiteral("no_such_outcome")}});
        const QJsonObject r1 = apply(QStringLiteral("sam.patel"), bad);
        const QJsonObject r2 = apply(QStringLiteral("sam.patel"), bad);
        QCOMPARE(str(r1, "outcome"), QStringLiteral("rejected"));
        QCOMPARE(str(r1, "code"), QStringLiteral("unknown_outcome"));
        QVERIFY(!str(r1, "reason").isEmpty());
        QCOMPARE(r1, r2);

        int claims = 0;
        for (const QJsonValue &e : fetch(str(item, "id")).value(QLatin1String("events")).toArray())
            claims += str(e.toObject(), "type") == QLatin1String("claim");
        QCOMPARE(claims, 1);
    }

    void conflictsCarryTheItemAsItIsNow()
    {
        const QJsonObject item = newItem(QStringLiteral("HCC"));
        // Both saw version N; Sam's claim lands first.
        const QJsonObject samClaim = command(QStringLiteral("claim"), item);
        const QJsonObject rhysClaim = command(QStringLiteral("claim"), item);
        QCOMPARE(str(apply(QStringLiteral("sam.patel"), samClaim), "outcome"), QStringLiteral("applied"));
        const QJsonObject conflict = apply(QStringLiteral("rhys.evans"), rhysClaim);
        QCOMPARE(str(conflict, "outcome"), QStringLiteral("conflict"));
        QVERIFY(!str(conflict, "reason").isEmpty());
        const QJsonObject now = conflict.value(QLatin1String("item")).toObject();
        QCOMPARE(str(now, "id"), str(item, "id"));
        QCOMPARE(str(now, "assignee"), QStringLiteral("sam.patel"));
        QCOMPARE(num(now, "version"), num(item, "version") + 1);

        // Refused on the version the user saw: a rejection, not a conflict.
        const QJsonObject fresh = fetch(str(item, "id"), "rhys.evans");
        const QJsonObject rejected = apply(QStringLiteral("rhys.evans"), command(QStringLiteral("claim"), fresh));
        QCOMPARE(str(rejected, "outcome"), QStringLiteral("rejected"));
        QCOMPARE(str(rejected, "code"), QStringLiteral("claimed_by_someone_else")); // Sam's claim holds for its lease
        QVERIFY(str(rejected, "reason").contains(QStringLiteral("sam.patel")));
        QVERIFY(!str(fresh, "claimed_until").isEmpty());

        // Something that is still allowed on the newer version is applied.
        const QJsonObject note =
            apply(QStringLiteral("rhys.evans"),
                  command(QStringLiteral("add_note"), item, {{QStringLiteral("text"), QStringLiteral("FYI")}}));
        QCOMPARE(str(note, "outcome"), QStringLiteral("applied"));
    }

    void intakeCreatesItems()
    {
        const Reply r =
            m_http->post(QStringLiteral("/v1/items"), leaverIntake(QStringLiteral("WCC"), QStringLiteral("Gwen Price")),
                         token("intake.portal"));
        QCOMPARE(r.status, 201);
        const QString id = str(r.json, "id");
        QVERIFY(!QUuid::fromString(id).isNull());
        QCOMPARE(r.headers.value("location"), "/v1/items/" + id.toUtf8());
        QCOMPARE(str(r.json, "status"), QStringLiteral("new"));
        QCOMPARE(str(r.json, "partner"), QStringLiteral("WCC"));
        QVERIFY(str(r.json, "reference").startsWith(QLatin1String("HR-")));
        QVERIFY(isRfc3339WithOffset(str(r.json, "received_at")));
        QVERIFY(isRfc3339WithOffset(str(r.json, "due_at")));
        QCOMPARE(str(fetch(id), "id"), id);

        // A caseworker is no intake system.
        const Reply refused =
            m_http->post(QStringLiteral("/v1/items"), leaverIntake(QStringLiteral("WCC")), token("sam.patel"));
        QCOMPARE(refused.status, 403);
        QCOMPARE(refused.error(), QStringLiteral("forbidden"));
    }

    // A partner's system sends work in at awkward moments; each gets the due_at the partners signed
    // up to: working hours in Europe/London, less GOV.UK's bank holidays, capped by payment dates
    // and payroll cut-offs. Every answer below was worked out by hand.
    void intakeSetsDueTimesInWorkingTime_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("due");
        const auto invoice = [](const char *received, QJsonObject extra = {}) {
            QJsonObject fields{{QStringLiteral("supplier"), QStringLiteral("WESSEX OFFICE SUPPLIES LTD")},
                               {QStringLiteral("invoice_number"), QStringLiteral("SI40211")},
                               {QStringLiteral("po_number"), QStringLiteral("4500012345")},
                               {QStringLiteral("net"), 10000},
                               {QStringLiteral("vat_rate"), 20},
                               {QStringLiteral("vat"), 2000},
                               {QStringLiteral("gross"), 12000},
                               {QStringLiteral("invoice_date"), QString::fromLatin1(received).left(10)}};
            for (auto it = extra.begin(); it != extra.end(); ++it)
                fields.insert(it.key(), it.value());
            return QJsonObject{{QStringLiteral("kind"), QStringLiteral("invoice")},
                               {QStringLiteral("subtype"), QStringLiteral("disputed")},
                               {QStringLiteral("partner"), QStringLiteral("HCC")},
                               {QStringLiteral("received_at"), QLatin1String(received)},
                               {QStringLiteral("fields"), fields}};
        };
        const auto leaver = [](const char *received, const char *effective) {
            return QJsonObject{{QStringLiteral("kind"), QStringLiteral("hr_change")},
                               {QStringLiteral("subtype"), QStringLiteral("leaver")},
                               {QStringLiteral("partner"), QStringLiteral("HCC")},
                               {QStringLiteral("received_at"), QLatin1String(received)},
                               {QStringLiteral("fields"),
                                QJsonObject{{QStringLiteral("employee_number"), QStringLiteral("E1234567")},
                                            {QStringLiteral("employee_name"), QStringLiteral("Ffion Evans")},
                                            {QStringLiteral("effective_date"), QLatin1String(effective)},
                                            {QStringLiteral("leaving_reason"), QStringLiteral("Retirement")}}}};
        };
        const auto exception = [](const char *received, const char *cutoff) {
            return QJsonObject{{QStringLiteral("kind"), QStringLiteral("payroll_exception")},
                               {QStringLiteral("subtype"), QStringLiteral("tax_code_query")},
                               {QStringLiteral("partner"), QStringLiteral("WCC")},
                               {QStringLiteral("received_at"), QLatin1String(received)},
                               {QStringLiteral("fields"),
                                QJsonObject{{QStringLiteral("employee_number"), QStringLiteral("E7654321")},
                                            {QStringLiteral("employee_name"), QStringLiteral("Dylan Hughes")},
                                            {QStringLiteral("pay_period"), QLatin1String(cutoff).left(7)},
                                            {QStringLiteral("payroll_cutoff"), QLatin1String(cutoff)}}}};
        };
        // Thursday before Good Friday 2026, 10:00 BST: 7 hours that day, Good Friday and Easter Monday
        // closed, then 73 hours from Tuesday 7 April end at 10:00 BST on Monday 20 April.
        QTest::newRow("invoice on the Thursday before Good Friday")
            << invoice("2026-04-02T10:00:00+01:00") << "2026-04-20T09:00:00Z";
        // Friday 27 March 2026, 18:30 GMT: the clock starts at 09:00 BST on Monday 30 March, after the
        // clock change, and 80 hours over Easter end at 17:00 BST on Tuesday 14 April.
        QTest::newRow("invoice after hours before the clock change")
            << invoice("2026-03-27T18:30:00Z") << "2026-04-14T16:00:00Z";
        // Saturday 17 September 2022: Monday the 19th was the State Funeral, so ten days from
        // Tuesday the 20th end at 17:00 BST on Monday 3 October.
        QTest::newRow("invoice at the weekend before the State Funeral")
            << invoice("2022-09-17T11:00:00+01:00") << "2022-10-03T16:00:00Z";
        // Friday 20 November 2026 at 17:00 exactly is after hours: ten days from Monday the 23rd.
        QTest::newRow("invoice at 17:00 exactly") << invoice("2026-11-20T17:00:00Z") << "2026-12-04T17:00:00Z";
        QTest::newRow("invoice whose own payment date comes first")
            << invoice("2026-11-20T10:00:00Z", {{QStringLiteral("payment_due"), QStringLiteral("2026-11-25")}})
            << "2026-11-25T17:00:00Z";
        // Effective 1 October 2026: HCC's cut-off on Saturday the 10th moves back to Friday the 9th,
        // before five working days from Wednesday the 7th (Wednesday the 14th) are up.
        QTest::newRow("leaver capped by a cut-off moved off a Saturday")
            << leaver("2026-10-07T10:00:00+01:00", "2026-10-01") << "2026-10-09T16:00:00Z";
        QTest::newRow("leaver with five working days before the cut-off")
            << leaver("2026-06-01T10:00:00+01:00", "2026-06-05") << "2026-06-08T09:00:00Z";
        // Two working days from 15:00 BST on Wednesday 14 October would be 15:00 on Friday; WCC's
        // payroll closes at 17:00 on Thursday the 15th.
        QTest::newRow("payroll exception before the cut-off")
            << exception("2026-10-14T15:00:00+01:00", "2026-10-15") << "2026-10-15T16:00:00Z";
        QTest::newRow("payroll exception, two working days first")
            << exception("2026-10-14T15:00:00+01:00", "2026-10-17") << "2026-10-16T14:00:00Z";
    }

    void intakeSetsDueTimesInWorkingTime()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QString, due);
        const Reply r = m_http->post(QStringLiteral("/v1/items"), body, token("intake.portal"));
        QVERIFY2(r.status == 201, r.body.constData());
        const QDateTime got = QDateTime::fromString(str(r.json, "due_at"), Qt::ISODate);
        QCOMPARE(got.toUTC().toString(Qt::ISODate), due);
    }

    void intakeNamesEveryBadField_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QStringList>("badFields");
        QJsonObject base = leaverIntake(QStringLiteral("HCC"));
        auto with = [&](const char *key, const QJsonValue &v) {
            QJsonObject o = base;
            o.insert(QLatin1String(key), v);
            return o;
        };
        auto withField = [&](const char *key, const QJsonValue &v) {
            QJsonObject o = base;
            QJsonObject f = o.value(QLatin1String("fields")).toObject();
            if (v.isUndefined())
                f.remove(QLatin1String(key));
            else
                f.insert(QLatin1String(key), v);
            o.insert(QStringLiteral("fields"), f);
            return o;
        };
        QTest::newRow("unknown kind") << with("kind", QStringLiteral("parking_fine"))
                                      << QStringList{QStringLiteral("kind")};
        QTest::newRow("subtype of another kind")
            << with("subtype", QStringLiteral("overpayment")) << QStringList{QStringLiteral("subtype")};
        QTest::newRow("unknown partner code")
            << with("partner", QStringLiteral("XYZ")) << QStringList{QStringLiteral("partner")};
        QTest::newRow("received_at without offset")
            << with("received_at", QStringLiteral("2026-03-02T09:30:00")) << QStringList{QStringLiteral("received_at")};
        QTest::newRow("fields not an object")
            << with("fields", QStringLiteral("E1234567")) << QStringList{QStringLiteral("fields")};
        QTest::newRow("employee number malformed") << withField("employee_number", QStringLiteral("1234567"))
                                                   << QStringList{QStringLiteral("fields.employee_number")};
        QTest::newRow("employee name missing")
            << withField("employee_name", QJsonValue::Undefined) << QStringList{QStringLiteral("fields.employee_name")};
        QTest::newRow("effective date not a date") << withField("effective_date", QStringLiteral("31/12/2026"))
                                                   << QStringList{QStringLiteral("fields.effective_date")};
        QTest::newRow("field of another subtype")
            << withField("sort_code", QStringLiteral("12-34-56")) << QStringList{QStringLiteral("fields.sort_code")};
        QJsonObject several = withField("employee_number", 42);
        several.insert(QStringLiteral("partner"), QStringLiteral("hcc!"));
        QJsonObject f = several.value(QLatin1String("fields")).toObject();
        f.remove(QStringLiteral("leaving_reason"));
        several.insert(QStringLiteral("fields"), f);
        QTest::newRow("three problems at once")
            << several
            << QStringList{QStringLiteral("partner"), QStringLiteral("fields.employee_number"),
                           QStringLiteral("fields.leaving_reason")};
        const auto starter = [&](const char *key, const QString &value) {
            QJsonObject o = base;
            o.insert(QStringLiteral("subtype"), QStringLiteral("new_starter"));
            QJsonObject fs = o.value(QLatin1String("fields")).toObject();
            fs.remove(QStringLiteral("leaving_reason"));
            fs.insert(QStringLiteral("grade"), QStringLiteral("SP 18"));
            fs.insert(QStringLiteral("salary"), 2928400);
            fs.insert(QStringLiteral("hours"), 37);
            fs.insert(QLatin1String(key), value);
            o.insert(QStringLiteral("fields"), fs);
            return o;
        };
        QTest::newRow("a temporary NI reference for a new starter")
            << starter("ni_number", QStringLiteral("TN 01 02 80 M")) << QStringList{QStringLiteral("fields.ni_number")};
        QTest::newRow("an NI number with a GB prefix")
            << starter("ni_number", QStringLiteral("GB123456A")) << QStringList{QStringLiteral("fields.ni_number")};
        QTest::newRow("a tax code that is not one")
            << starter("tax_code", QStringLiteral("1257Q")) << QStringList{QStringLiteral("fields.tax_code")};
        QTest::newRow("received in the future")
            << with("received_at", QDateTime::currentDateTimeUtc().addDays(2).toString(Qt::ISODate))
            << QStringList{QStringLiteral("received_at")};
    }

    void intakeNamesEveryBadField()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QStringList, badFields);
        const qint64 before = wholeFeed(*m_http, token("sam.patel")).size();
        const Reply r = m_http->post(QStringLiteral("/v1/items"), body, token("intake.portal"));
        QCOMPARE(r.status, 422);
        QCOMPARE(r.error(), QStringLiteral("invalid_fields"));
        const QJsonObject fields = r.json.value(QLatin1String("fields")).toObject();
        QStringList named = fields.keys();
        named.sort();
        badFields.sort();
        QCOMPARE(named, badFields);
        for (const QString &f : badFields)
            QVERIFY2(str(r.json, "message").contains(f), qPrintable(str(r.json, "message")));
        QCOMPARE(wholeFeed(*m_http, token("sam.patel")).size(), before);
    }

    void oneItem()
    {
        const QJsonObject item = newItem(QStringLiteral("OCC"));
        const Reply r = m_http->get(QStringLiteral("/v1/items/") + str(item, "id"), token("sam.patel"));
        QCOMPARE(r.status, 200);
        QCOMPARE(str(r.json, "reference"), str(item, "reference"));
        QVERIFY(r.json.contains(QLatin1String("events")));

        // Out of scope reads exactly like never existed.
        const Reply hidden = m_http->get(QStringLiteral("/v1/items/") + str(item, "id"), token("rhys.evans"));
        const Reply missing = m_http->get(QStringLiteral("/v1/items/") + newUuid(), token("rhys.evans"));
        QCOMPARE(hidden.status, 404);
        QCOMPARE(missing.status, 404);
        QCOMPARE(hidden.error(), QStringLiteral("not_found"));
        QCOMPARE(hidden.json.keys(), missing.json.keys());
        QCOMPARE(m_http->get(QStringLiteral("/v1/items/not-a-uuid"), token("sam.patel")).status, 404);
    }

    void reference()
    {
        const Reply r = m_http->get(QStringLiteral("/v1/reference"), token("priya.shah"));
        QCOMPARE(r.status, 200);
        const QJsonArray partners = r.json.value(QLatin1String("partners")).toArray();
        QCOMPARE(partners.size(), 8);
        QCOMPARE(str(partners.at(0).toObject(), "code"), QStringLiteral("HCC"));
        QCOMPARE(str(partners.at(0).toObject(), "name"), QStringLiteral("Hampshire County Council"));
        const QJsonArray queues = r.json.value(QLatin1String("queues")).toArray();
        QCOMPARE(queues.size(), 3);
        for (const QJsonValue &q : queues) {
            QVERIFY(!q.toObject().value(QLatin1String("subtypes")).toArray().isEmpty());
            QVERIFY(!q.toObject().value(QLatin1String("outcomes")).toArray().isEmpty());
        }
        const QJsonObject sla = r.json.value(QLatin1String("sla")).toObject();
        QCOMPARE(sla.value(QLatin1String("policies")).toArray().size(),
                 7); // three kinds, four pay-affecting HR subtypes
        QCOMPARE(sla.value(QLatin1String("calendars")).toArray().size(), 8);
        QCOMPARE(str(sla.value(QLatin1String("calendars")).toArray().at(0).toObject(), "working_hours"),
                 QStringLiteral("09:00-17:00"));
        QStringList holidays;
        for (const QJsonValue &d : sla.value(QLatin1String("bank_holidays")).toArray())
            holidays << str(d.toObject(), "date");
        QVERIFY(holidays.contains(QStringLiteral("2025-12-25")));
        QVERIFY(holidays.contains(QStringLiteral("2026-04-03")));  // Good Friday 2026
        QVERIFY(!holidays.contains(QStringLiteral("2025-11-30"))); // St Andrew's Day: Scotland only
        QVERIFY(!r.json.value(QLatin1String("assignable")).toArray().isEmpty());

        const Reply caseworker = m_http->get(QStringLiteral("/v1/reference"), token("sam.patel"));
        QCOMPARE(caseworker.status, 200);
        QVERIFY(caseworker.json.value(QLatin1String("assignable")).toArray().isEmpty());
    }

    void disabledAccountLosesItsSessions()
    {
        QVERIFY(m_store.addUser(QStringLiteral("leaving.soon"), QStringLiteral("caseworker"), QStringLiteral("HCC"),
                                QStringLiteral("correct horse battery")));
        const QString t = m_http->login(QStringLiteral("leaving.soon"), QStringLiteral("correct horse battery"));
        QVERIFY(!t.isEmpty());
        QCOMPARE(m_http->get(QStringLiteral("/v1/reference"), t).status, 200);
        const CliResult off = runCli({QStringLiteral("user"), QStringLiteral("disable"), QStringLiteral("--db"),
                                      m_store.db(), QStringLiteral("--username"), QStringLiteral("leaving.soon")});
        QCOMPARE(off.exitCode, 0);
        const Reply r = m_http->get(QStringLiteral("/v1/reference"), t);
        QCOMPARE(r.status, 401);
        QCOMPARE(r.error(), QStringLiteral("invalid_token"));
        QCOMPARE(m_http->login(QStringLiteral("leaving.soon"), QStringLiteral("correct horse battery")), QString());
    }

    void tokensExpire()
    {
        StoreProcess shortLived;
        QVERIFY2(shortLived.seed(20), qPrintable(shortLived.lastError()));
        QVERIFY2(shortLived.start({QStringLiteral("--token-lifetime"), QStringLiteral("2")}),
                 qPrintable(shortLived.lastError()));
        Http http(shortLived.url());
        const Reply s =
            http.post(QStringLiteral("/v1/session"), {{QStringLiteral("username"), QStringLiteral("sam.patel")},
                                                      {QStringLiteral("password"), QStringLiteral("demo-sam.patel")}});
        QCOMPARE(s.status, 200);
        const QString t = str(s.json, "token");
        QVERIFY(QDateTime::currentDateTimeUtc().secsTo(QDateTime::fromString(str(s.json, "expires_at"), Qt::ISODate)) <=
                2);
        QCOMPARE(http.get(QStringLiteral("/v1/changes?limit=1"), t).status, 200);
        WsClient live;
        QVERIFY(live.connect(shortLived.port(), QStringLiteral("/v1/stream"),
                             {qMakePair(QByteArray("Authorization"), "Bearer " + t.toUtf8())}));
        QVERIFY(live.next(3000));
        QTest::qWait(3100);
        const Reply stale = http.get(QStringLiteral("/v1/changes?limit=1"), t);
        QCOMPARE(stale.status, 401);
        QCOMPARE(stale.error(), QStringLiteral("invalid_token"));
        QVERIFY(stale.headers.value("www-authenticate").startsWith("Bearer"));
        // The live feed ends with its token.
        QVERIFY(!live.next(4000));
        QTRY_VERIFY_WITH_TIMEOUT(!live.isOpen(), 5000);
        QVERIFY(shortLived.log().contains(QStringLiteral("closed the live feed of sam.patel: the token has expired")));
        QCOMPARE(shortLived.terminate(), 0);
    }

    void servesTls()
    {
        QTemporaryDir dir;
        const QString cert = dir.filePath(QStringLiteral("cert.pem")), key = dir.filePath(QStringLiteral("key.pem"));
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                       QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"), key,
                       QStringLiteral("-out"), cert, QStringLiteral("-days"), QStringLiteral("2"),
                       QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                       QStringLiteral("subjectAltName=IP:127.0.0.1")});
        if (!openssl.waitForFinished(60000) || openssl.exitCode() != 0)
            QSKIP("openssl (the command) is needed to make a test certificate");

        StoreProcess tls;
        QVERIFY2(tls.seed(20), qPrintable(tls.lastError()));
        QVERIFY2(tls.start({QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"), key}),
                 qPrintable(tls.lastError()));
        QVERIFY2(tls.url().startsWith(QLatin1String("https://")), qPrintable(tls.url()));

        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setCaCertificates(QSslCertificate::fromPath(cert));
        Http https(tls.url(), config);
        QCOMPARE(https.get(QStringLiteral("/healthz")).status, 200);
        const QString t = https.loginDemo(QStringLiteral("sam.patel"));
        QVERIFY(!t.isEmpty());
        const Reply feed = https.get(QStringLiteral("/v1/changes?limit=5"), t);
        QCOMPARE(feed.status, 200);
        QCOMPARE(feed.json.value(QLatin1String("items")).toArray().size(), 5);

        // Plain HTTP to the TLS port gets no answer.
        QString plainUrl = tls.url();
        plainUrl.replace(QLatin1String("https://"), QLatin1String("http://"));
        QCOMPARE(Http(plainUrl).request("GET", QStringLiteral("/healthz"), {}, {}, {}, 3000).status, 0);
        QCOMPARE(tls.terminate(), 0);
    }

    void logsOneLinePerRequest()
    {
        const Reply r = m_http->get(QStringLiteral("/v1/reference"), token("alex.morgan"));
        QCOMPARE(r.status, 200);
        QTRY_VERIFY(m_store.log().contains(QStringLiteral("GET /v1/reference 200 alex.morgan")));
        static const QRegularExpression line(
            QStringLiteral("^\\S+ 127\\.0\\.0\\.1 GET /v1/reference 200 alex\\.morgan \\d+\\.\\dms$"),
            QRegularExpression::MultilineOption);
        QVERIFY2(line.match(m_store.log()).hasMatch(), qPrintable(m_store.log().right(400)));
        // Tokens in query strings never reach the log.
        m_http->get(QStringLiteral("/v1/changes?since=0&token=SECRET"), token("alex.morgan"));
        QTest::qWait(100);
        QVERIFY(!m_store.log().contains(QStringLiteral("SECRET")));
    }

    void cleanupTestCase() { QCOMPARE(m_store.terminate(), 0); }
};

QTEST_GUILESS_MAIN(TestStoreApi)
#include "tst_storeapi.moc"
