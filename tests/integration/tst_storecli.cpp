// ibc-store as an administrator runs it: init, seed, user add/passwd/disable/list, serve, backup,
// --version; and the clear errors (naming what was wrong) with a non-zero exit for mistakes.
#include "StoreHarness.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace ibc::test;

namespace {

QString text(const CliResult &r) { return QString::fromUtf8(r.out + r.err); }

} // namespace

class TestStoreCli : public QObject {
    Q_OBJECT

private:
    StoreProcess m_seeded; // for the mistakes, which change nothing

private slots:
    void initTestCase() { QVERIFY2(m_seeded.seed(5), qPrintable(m_seeded.lastError())); }

    void version()
    {
        const CliResult r = runCli({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith("ibc-store 0."), r.out.constData());
        const CliResult help = runCli({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains("user add"));
        QVERIFY(help.out.contains("standard input"));
    }

    void initMakesAnEmptyStore()
    {
        QTemporaryDir dir;
        const QString db = dir.filePath(QStringLiteral("new.db"));
        const CliResult r = runCli({QStringLiteral("init"), QStringLiteral("--db"), db});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(QFileInfo::exists(db));
        // No demo accounts in a real store.
        const CliResult users = runCli({QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--db"), db});
        QCOMPARE(users.exitCode, 0);
        QVERIFY2(users.out.trimmed().isEmpty(), users.out.constData());
        QCOMPARE(runCli({QStringLiteral("init"), QStringLiteral("--db"), db}).exitCode, 0);
    }

    void seedMakesDemoWorkAndAccounts()
    {
        StoreProcess store;
        QVERIFY2(store.seed(40, 3), qPrintable(store.lastError()));
        const CliResult users =
            runCli({QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--db"), store.db()});
        for (const char *u : {"sam.patel", "rhys.evans", "priya.shah", "alex.morgan", "intake.portal", "admin"})
            QVERIFY2(users.out.contains(QByteArray(u) + '\t'), u);
        // A store with items is not seeded twice.
        const CliResult again = runCli({QStringLiteral("seed"), QStringLiteral("--db"), store.db(),
                                        QStringLiteral("--items"), QStringLiteral("5")});
        QCOMPARE(again.exitCode, 1);
        QVERIFY(!again.err.isEmpty());
    }

    void usersFromTheCommandLine()
    {
        StoreProcess store;
        QVERIFY(runCli({QStringLiteral("init"), QStringLiteral("--db"), store.db()}).exitCode == 0);
        // The first admin of a real store, password on standard input.
        const CliResult admin = runCli({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--db"),
                                        store.db(), QStringLiteral("--username"), QStringLiteral("ops"),
                                        QStringLiteral("--role"), QStringLiteral("admin")},
                                       "first admin password\n");
        QVERIFY2(admin.exitCode == 0, qPrintable(text(admin)));
        const CliResult worker =
            runCli({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--db"), store.db(),
                    QStringLiteral("--username"), QStringLiteral("dai.jones"), QStringLiteral("--role"),
                    QStringLiteral("caseworker"), QStringLiteral("--partners"), QStringLiteral("HCC,hiwc"),
                    QStringLiteral("--name"), QStringLiteral("Dai Jones")},
                   "an initial password\n");
        QVERIFY2(worker.exitCode == 0, qPrintable(text(worker)));
        const CliResult list =
            runCli({QStringLiteral("user"), QStringLiteral("list"), QStringLiteral("--db"), store.db()});
        QVERIFY2(list.out.contains("dai.jones\tcaseworker\tHCC,HIWC\t-\tDai Jones"), list.out.constData());

        QVERIFY(store.start());
        Http http(store.url());
        QVERIFY(!http.login(QStringLiteral("dai.jones"), QStringLiteral("an initial password")).isEmpty());

        const CliResult passwd = runCli({QStringLiteral("user"), QStringLiteral("passwd"), QStringLiteral("--db"),
                                         store.db(), QStringLiteral("--username"), QStringLiteral("dai.jones")},
                                        "a better password\n");
        QVERIFY2(passwd.exitCode == 0, qPrintable(text(passwd)));
        QVERIFY(http.login(QStringLiteral("dai.jones"), QStringLiteral("an initial password")).isEmpty());
        const QString token = http.login(QStringLiteral("dai.jones"), QStringLiteral("a better password"));
        QVERIFY(!token.isEmpty());

        const CliResult disable = runCli({QStringLiteral("user"), QStringLiteral("disable"), QStringLiteral("--db"),
                                          store.db(), QStringLiteral("--username"), QStringLiteral("dai.jones")});
        QVERIFY2(disable.exitCode == 0, qPrintable(text(disable)));
        QVERIFY(http.login(QStringLiteral("dai.jones"), QStringLiteral("a better password")).isEmpty());
        QCOMPARE(http.get(QStringLiteral("/v1/reference"), token).status, 401);
        QCOMPARE(store.terminate(), 0);
    }

    void mistakesAreNamed_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("says");
        const QString db = QStringLiteral("@DB@");
        auto add = [&](QStringList extra) {
            return QStringList{QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("--db"), db} + extra;
        };
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")} << QByteArray() << 2
                                         << QStringLiteral("'frobnicate' is not a command");
        QTest::newRow("no command") << QStringList{} << QByteArray() << 2 << QStringLiteral("ibc-store init");
        QTest::newRow("missing --db") << QStringList{QStringLiteral("serve"), QStringLiteral("--listen"),
                                                     QStringLiteral("127.0.0.1:0")}
                                      << QByteArray() << 2 << QStringLiteral("--db");
        QTest::newRow("store that does not exist")
            << QStringList{QStringLiteral("serve"), QStringLiteral("--db"), QStringLiteral("/nonexistent/ibc.db")}
            << QByteArray() << 1 << QStringLiteral("there is no store at /nonexistent/ibc.db");
        QTest::newRow("unknown role") << add({QStringLiteral("--username"), QStringLiteral("x"),
                                              QStringLiteral("--role"), QStringLiteral("boss"),
                                              QStringLiteral("--partners"), QStringLiteral("HCC")})
                                      << QByteArray("pw-long-enough\n") << 2 << QStringLiteral("unknown role 'boss'");
        QTest::newRow("bad partner code")
            << add({QStringLiteral("--username"), QStringLiteral("x"), QStringLiteral("--role"),
                    QStringLiteral("caseworker"), QStringLiteral("--partners"), QStringLiteral("HCC,XYZ")})
            << QByteArray("pw-long-enough\n") << 2 << QStringLiteral("unknown partner code 'XYZ'");
        QTest::newRow("caseworker without partners")
            << add({QStringLiteral("--username"), QStringLiteral("x"), QStringLiteral("--role"),
                    QStringLiteral("caseworker")})
            << QByteArray("pw-long-enough\n") << 2 << QStringLiteral("--partners is required");
        QTest::newRow("admin with partners")
            << add({QStringLiteral("--username"), QStringLiteral("x"), QStringLiteral("--role"),
                    QStringLiteral("admin"), QStringLiteral("--partners"), QStringLiteral("HCC")})
            << QByteArray("pw-long-enough\n") << 2 << QStringLiteral("leave out --partners");
        QTest::newRow("password on the command line") << add({QStringLiteral("--username"), QStringLiteral("x"),
                                                              QStringLiteral("--password"), QStringLiteral("hunter2")})
                                                      << QByteArray() << 2 << QStringLiteral("standard input");
        QTest::newRow("no password on stdin") << add({QStringLiteral("--username"), QStringLiteral("x"),
                                                      QStringLiteral("--role"), QStringLiteral("admin")})
                                              << QByteArray() << 1 << QStringLiteral("no password");
        QTest::newRow("username taken") << add({QStringLiteral("--username"), QStringLiteral("sam.patel"),
                                                QStringLiteral("--role"), QStringLiteral("admin")})
                                        << QByteArray("pw-long-enough\n") << 1 << QStringLiteral("sam.patel");
        QTest::newRow("bad username") << add({QStringLiteral("--username"), QStringLiteral("sam patel"),
                                              QStringLiteral("--role"), QStringLiteral("admin")})
                                      << QByteArray("pw-long-enough\n") << 2
                                      << QStringLiteral("'sam patel' is not a username");
        // Refused by the store's own rule before a password is asked for (none is given here).
        QTest::newRow("a username in capitals") << add({QStringLiteral("--username"), QStringLiteral("Alice"),
                                                        QStringLiteral("--role"), QStringLiteral("admin")})
                                                << QByteArray() << 2 << QStringLiteral("lower-case letters");
        QTest::newRow("disable someone unknown")
            << QStringList{QStringLiteral("user"),       QStringLiteral("disable"),    QStringLiteral("--db"), db,
                           QStringLiteral("--username"), QStringLiteral("nobody.here")}
            << QByteArray() << 1 << QStringLiteral("nobody.here");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("serve"), QStringLiteral("--db"), db,
                                                       QStringLiteral("--port"), QStringLiteral("80")}
                                        << QByteArray() << 2 << QStringLiteral("no option --port");
        QTest::newRow("listen without a port") << QStringList{QStringLiteral("serve"), QStringLiteral("--db"), db,
                                                              QStringLiteral("--listen"), QStringLiteral("127.0.0.1")}
                                               << QByteArray() << 2 << QStringLiteral("HOST:PORT");
        QTest::newRow("listen on a name") << QStringList{QStringLiteral("serve"), QStringLiteral("--db"), db,
                                                         QStringLiteral("--listen"), QStringLiteral("example.org:8080")}
                                          << QByteArray() << 1 << QStringLiteral("not an IP address");
        QTest::newRow("certificate without key")
            << QStringList{QStringLiteral("serve"), QStringLiteral("--db"), db, QStringLiteral("--tls-cert"),
                           QStringLiteral("/tmp/c.pem")}
            << QByteArray() << 2 << QStringLiteral("--tls-key");
        QTest::newRow("unreadable certificate") << QStringList{QStringLiteral("serve"),
                                                               QStringLiteral("--db"),
                                                               db,
                                                               QStringLiteral("--tls-cert"),
                                                               QStringLiteral("/nonexistent/c.pem"),
                                                               QStringLiteral("--tls-key"),
                                                               QStringLiteral("/nonexistent/k.pem")}
                                                << QByteArray() << 1 << QStringLiteral("/nonexistent/c.pem");
        QTest::newRow("backup over an existing file")
            << QStringList{QStringLiteral("backup"), QStringLiteral("--db"), db, QStringLiteral("--to"), db}
            << QByteArray() << 1 << QStringLiteral("already exists");
        QTest::newRow("items not a number") << QStringList{QStringLiteral("seed"), QStringLiteral("--db"), db,
                                                           QStringLiteral("--items"), QStringLiteral("lots")}
                                            << QByteArray() << 2 << QStringLiteral("--items");
    }

    void mistakesAreNamed()
    {
        QFETCH(QStringList, args);
        QFETCH(QByteArray, input);
        QFETCH(int, exitCode);
        QFETCH(QString, says);
        args.replaceInStrings(QStringLiteral("@DB@"), m_seeded.db());
        const CliResult r = runCli(args, input);
        QVERIFY2(r.exitCode == exitCode, qPrintable(QStringLiteral("exit %1: %2").arg(r.exitCode).arg(text(r))));
        QVERIFY2(QString::fromUtf8(r.err).contains(says), qPrintable(text(r)));
        QVERIFY2(!r.out.contains("hunter2") && !r.err.contains("hunter2"), "a password is never echoed");
    }

    void portInUse()
    {
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress::LocalHost));
        const CliResult r =
            runCli({QStringLiteral("serve"), QStringLiteral("--db"), m_seeded.db(), QStringLiteral("--listen"),
                    QStringLiteral("127.0.0.1:%1").arg(squatter.serverPort())},
                   {}, 20000);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("cannot listen on 127.0.0.1:%1").arg(squatter.serverPort()).toUtf8()),
                 r.err.constData());
        QVERIFY2(r.err.contains("in use"), r.err.constData());
    }

    // A consistent copy while the server serves, which opens and serves as it was.
    // An administrator loads VocaLink's newer tables: a bad row is named and nothing changes; good
    // tables are in force in the store and reach the desks with the reference data. Here the new
    // tables have no check for 08-99-99, so an account that failed under the shipped ones passes.
    void newerModulusTablesAreCheckedThenInForce()
    {
        QFile shippedWeights(QStringLiteral(IBC_VOCALINK_DIR "/valacdos.txt"));
        QFile shippedSubstitutions(QStringLiteral(IBC_VOCALINK_DIR "/scsubtab.txt"));
        QVERIFY(shippedWeights.open(QIODevice::ReadOnly) && shippedSubstitutions.open(QIODevice::ReadOnly));
        const QList<QByteArray> rows = shippedWeights.readAll().split('\n');
        const QByteArray substitutions = shippedSubstitutions.readAll();
        QByteArray without089999;
        int kept = 0;
        for (const QByteArray &row : rows) {
            const QList<QByteArray> f = row.simplified().split(' ');
            if (row.trimmed().isEmpty() || (f.size() > 1 && f[0].toInt() <= 89999 && f[1].toInt() >= 89999))
                continue;
            without089999 += row + '\n';
            ++kept;
        }
        QVERIFY(kept > 1000 && kept < rows.size());
        QTemporaryDir bad, good;
        const auto write = [](const QString &path, const QByteArray &bytes) {
            QFile f(path);
            return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
        };
        QVERIFY(write(bad.filePath(QStringLiteral("VALACDOS.txt")), without089999 + "089999 089999 MOD12 1 2\n"));
        QVERIFY(write(bad.filePath(QStringLiteral("SCSUBTAB.txt")), substitutions));
        QVERIFY(write(good.filePath(QStringLiteral("valacdos.txt")), without089999));
        QVERIFY(write(good.filePath(QStringLiteral("scsubtab.txt")), substitutions));

        StoreProcess store;
        QVERIFY(store.seed(20));
        const QStringList import{QStringLiteral("reference"), QStringLiteral("import"), QStringLiteral("vocalink"),
                                 QStringLiteral("--db"), store.db()};
        const CliResult refused = runCli(import + QStringList{bad.path()});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(text(refused).contains(QStringLiteral("VALACDOS.txt, line %1").arg(kept + 1)),
                 qPrintable(text(refused)));
        const QStringList show{QStringLiteral("reference"), QStringLiteral("show"), QStringLiteral("--db"), store.db()};
        QVERIFY2(text(runCli(show)).contains(QStringLiteral("as shipped")), qPrintable(text(runCli(show))));

        const CliResult imported = runCli(import + QStringList{good.path()});
        QVERIFY2(imported.exitCode == 0, qPrintable(text(imported)));
        QVERIFY2(text(runCli(show)).contains(QStringLiteral("imported, %1 weight rows").arg(kept)),
                 qPrintable(text(runCli(show))));

        QVERIFY(store.start());
        Http http(store.url());
        const QString sam = http.loginDemo(QStringLiteral("sam.patel"));
        const Reply reference = http.get(QStringLiteral("/v1/reference"), sam);
        QCOMPARE(reference.status, 200);
        QCOMPARE(reference.json.value(QLatin1String("modulus_tables")).toObject().value(QLatin1String("weights")),
                 QJsonValue(QString::fromLatin1(without089999)));

        const QJsonObject intake{
            {QStringLiteral("kind"), QStringLiteral("hr_change")},
            {QStringLiteral("subtype"), QStringLiteral("bank_details")},
            {QStringLiteral("partner"), QStringLiteral("HCC")},
            {QStringLiteral("fields"), QJsonObject{{QStringLiteral("employee_number"), QStringLiteral("E1234567")},
                                                   {QStringLiteral("employee_name"), QStringLiteral("Ffion Evans")},
                                                   {QStringLiteral("effective_date"), QStringLiteral("2026-12-31")},
                                                   {QStringLiteral("sort_code"), QStringLiteral("08-99-99")},
                                                   {QStringLiteral("account_number"), QStringLiteral("66374959")}}}};
        const Reply in =
            http.post(QStringLiteral("/v1/items"), intake, http.loginDemo(QStringLiteral("intake.portal")));
        QCOMPARE(in.status, 201);
        QString id = in.json.value(QLatin1String("id")).toString();
        for (const char *type : {"claim", "start", "resolve"}) {
            const QJsonObject item = http.get(QStringLiteral("/v1/items/") + id, sam).json;
            const QJsonObject payload = qstrcmp(type, "resolve") == 0
                                            ? QJsonObject{{QStringLiteral("outcome"), QStringLiteral("processed")}}
                                            : QJsonObject{};
            const Reply r =
                http.post(QStringLiteral("/v1/commands"), batch({command(QLatin1String(type), item, payload)}), sam);
            const QJsonObject outcome = r.json.value(QLatin1String("results")).toArray().at(0).toObject();
            QVERIFY2(outcome.value(QLatin1String("outcome")).toString() == QLatin1String("applied"),
                     qPrintable(QString::fromUtf8(r.body)));
        }
    }

    void backupWhileServing()
    {
        StoreProcess store;
        QVERIFY(store.seed(60));
        QVERIFY(store.start());
        Http http(store.url());
        const QString token = http.loginDemo(QStringLiteral("sam.patel"));
        const QJsonArray before = wholeFeed(http, token);
        const QJsonObject item = before.at(0).toObject();
        const Reply noted = http.post(QStringLiteral("/v1/commands"),
                                      batch({command(QStringLiteral("add_note"), item,
                                                     {{QStringLiteral("text"), QStringLiteral("before the backup")}})}),
                                      token);
        QCOMPARE(noted.status, 200);

        QTemporaryDir dir;
        const QString copy = dir.filePath(QStringLiteral("copy.db"));
        const CliResult r =
            runCli({QStringLiteral("backup"), QStringLiteral("--db"), store.db(), QStringLiteral("--to"), copy});
        QVERIFY2(r.exitCode == 0, qPrintable(text(r)));
        QCOMPARE(store.terminate(), 0);

        QProcess server;
        server.start(storeBinary(), {QStringLiteral("serve"), QStringLiteral("--db"), copy, QStringLiteral("--listen"),
                                     QStringLiteral("127.0.0.1:0")});
        QVERIFY(server.waitForReadyRead(20000));
        const QString line = QString::fromUtf8(server.readLine());
        const QString url = line.section(QLatin1Char(' '), -1).trimmed();
        QVERIFY2(url.startsWith(QLatin1String("http://127.0.0.1:")), qPrintable(line));
        Http restored(url);
        const QString t = restored.loginDemo(QStringLiteral("sam.patel"));
        const Reply got = restored.get(QStringLiteral("/v1/items/") + item.value(QLatin1String("id")).toString(), t);
        QCOMPARE(got.status, 200);
        bool found = false;
        for (const QJsonValue &n : got.json.value(QLatin1String("notes")).toArray())
            found = found || n.toObject().value(QLatin1String("text")).toString() == QLatin1String("before the backup");
        QVERIFY(found);
        QCOMPARE(wholeFeed(restored, t).size(), before.size());
        server.terminate();
        QVERIFY(server.waitForFinished(10000));
        QCOMPARE(server.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestStoreCli)
#include "tst_storecli.moc"
