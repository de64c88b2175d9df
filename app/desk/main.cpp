// ibc-desk: the caseworker's desktop. Wiring only: parse the command line, open the cache,
// build the window.
#include "cache/Cache.h"
#include "cache/DemoLoad.h"
#include "client/SyncController.h"
#include "domain/DemoGenerator.h"
#include "domain/Partner.h"
#include "ui/DashboardView.h"
#include "ui/FirstSignIn.h"
#include "ui/MainWindow.h"
#include "ui/Navigator.h"
#include "ui/SlaReport.h"
#include "ui/Translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QIcon>
#include <QLocale>
#include <QMessageBox>
#include <QRegularExpression>
#include <QTimer>
#include <QUrl>

#include <cstdio>
#include <iostream>
#include <string>

using namespace ibc;

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "ibc-desk: %s\n", qPrintable(message));
    return 1;
}

// Fills the cache with demo work and the documented demo accounts.
int generateDemo(models::Cache &cache, qint64 count, quint64 seed)
{
    if (const qint64 existing = cache.itemCount(); existing > 0)
        return fail(QCoreApplication::translate("main", "the cache %1 already holds %2 items; give a new file with "
                                                        "--cache, or move this one away first.")
                        .arg(cache.path())
                        .arg(existing));
    QElapsedTimer timer;
    timer.start();
    models::loadDemo(cache, count, seed, models::DemoGenerator::defaultAnchor(), [count](qint64 written) {
        std::printf("\r%lld of %lld items", qlonglong(written), qlonglong(count));
        std::fflush(stdout);
        return true;
    });
    const double secs = double(std::max<qint64>(1, timer.elapsed())) / 1000.0;
    std::printf("\rMade %lld demo items (seed %llu) in %.1f s, %.0f items/s, in %s\n", qlonglong(count),
                qulonglong(seed), secs, double(count) / secs, qPrintable(cache.path()));
    return 0;
}

// Each server and user has a cache of their own: one never shows another's work.
QString syncCachePath(const QString &server, const QString &user)
{
    const QUrl url(server);
    QString place =
        url.host() + QLatin1Char('-') + QString::number(url.port(url.scheme() == QLatin1String("https") ? 443 : 80));
    place.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9.-]")), QStringLiteral("_"));
    return QFileInfo(models::Cache::defaultPath()).absolutePath() +
           QStringLiteral("/stores/%1/%2.sqlite").arg(place, user);
}

// `ibc-desk --report sla`: one partner's monthly service report as a PDF, without a window.
int slaReport(models::Cache &cache, const QString &partner, const QString &month, const QString &out)
{
    if (!models::isPartnerCode(partner))
        return fail(QCoreApplication::translate("main", "--partner takes a partner's code (%1): got “%2”.")
                        .arg(models::partnerCodes().join(QStringLiteral(", ")), partner));
    const QDate first = QDate::fromString(month + QStringLiteral("-01"), QStringLiteral("yyyy-MM-dd"));
    if (!first.isValid() || month.size() != 7)
        return fail(QCoreApplication::translate("main", "--month takes a month as YYYY-MM, such as 2026-11: got “%1”.")
                        .arg(month));
    if (out.isEmpty())
        return fail(QCoreApplication::translate("main", "--report needs --out FILE.pdf: where to write the report."));
    models::DashboardFilter filter;
    filter.partner = partner;
    filter.from = QDateTime(first, QTime(0, 0)).toSecsSinceEpoch();
    filter.to = QDateTime(first.addMonths(1), QTime(0, 0)).toSecsSinceEpoch();
    ui::SlaReport report;
    report.rules = cache.slaRules();
    try {
        models::SlaFiguresReader reader(cache.path());
        const models::EpochSecs now = models::SystemClock::instance().now();
        report.breaches = reader.breaches(filter, *report.rules, now, &report.figures);
    } catch (const std::exception &e) {
        return fail(QCoreApplication::translate("main", "could not read the figures from %1: %2")
                        .arg(cache.path(), QString::fromUtf8(e.what())));
    }
    report.listBreaches = true;
    const QString monthName = QLocale().toString(first, QStringLiteral("MMMM yyyy"));
    report.title = QCoreApplication::translate("main", "Monthly service report: %1 (%2), %3")
                       .arg(models::partnerName(partner), partner, monthName);
    report.scope = QCoreApplication::translate("main", "Work for %1 resolved from %2 to %3, against the month before; "
                                                       "open work and what falls due as they stand now.")
                       .arg(models::partnerName(partner), QLocale().toString(first, QLocale::LongFormat),
                            QLocale().toString(first.addMonths(1).addDays(-1), QLocale::LongFormat));
    for (const models::User &u : cache.users())
        report.displayNames.insert(u.username, u.displayName);
    QString error;
    if (!report.write(out, &error))
        return fail(error);
    models::Compliance inMonth;
    for (const auto &pm : report.figures.partners)
        if (pm.partner == partner)
            inMonth = pm.current;
    std::printf("%s\n",
                qPrintable(QCoreApplication::translate(
                               "main", "Wrote %1: %2 resolved, %3 within the service level, %4 breaches listed.")
                               .arg(out, QLocale().toString(inMonth.resolved), ui::percentText(inMonth),
                                    QLocale().toString(qlonglong(report.breaches.size())))));
    return 0;
}

// The password for a headless sync: IBC_PASSWORD, or the first line of standard input. Never
// the command line, where other users of the machine could read it.
QString headlessPassword()
{
    if (qEnvironmentVariableIsSet("IBC_PASSWORD"))
        return qEnvironmentVariable("IBC_PASSWORD");
    std::string line;
    std::getline(std::cin, line);
    return QString::fromStdString(line).trimmed();
}

// `ibc-desk --sync-once`: one pass of the desk's own sync engine, then a one-line summary.
int syncOnce(sync::SyncOptions options)
{
    const QString password = headlessPassword();
    if (password.isEmpty())
        return fail(QCoreApplication::translate(
            "main", "--sync-once needs the password in IBC_PASSWORD or on standard input."));
    const sync::SyncOnceResult result = sync::syncOnce(std::move(options), password);
    if (!result.summary)
        return fail(result.error);
    const sync::SyncSummary &s = *result.summary;
    std::printf("ibc-desk: sent %d changes (%d applied, %d refused), received %lld items, up to change %lld, "
                "in %.1f s\n",
                s.pushed, s.applied, s.refused, qlonglong(s.pulled), qlonglong(s.checkpoint), s.seconds);
    return s.refused > 0 ? 3 : 0;
}

} // namespace

int main(int argc, char *argv[])
{
    // Making demo data needs no display, nor does a screenshot where there is none.
    const bool noDisplay = qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
    for (int i = 1; i < argc; ++i)
        if ((qstrcmp(argv[i], "--generate-demo") == 0 || qstrcmp(argv[i], "--sync-once") == 0 ||
             qstrcmp(argv[i], "--report") == 0 || (noDisplay && qstrcmp(argv[i], "--screenshot") == 0)) &&
            !qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("IBC"));
    QApplication::setApplicationName(QStringLiteral("ibc-desk"));
    QApplication::setApplicationDisplayName(QStringLiteral("IBC Desk"));
    QApplication::setApplicationVersion(QStringLiteral(IBC_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/ibc/icons/ibc-desk.svg")));
    QApplication::setDesktopFileName(QStringLiteral("ibc-desk"));
    ui::installTranslations(app, QLocale());

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "IBC Desk: work the HR change, supplier invoice and payroll exception queues."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption cacheOpt(QStringLiteral("cache"),
                                      QCoreApplication::translate("main", "Use the cache FILE instead of your own."),
                                      QStringLiteral("FILE"));
    const QCommandLineOption generateOpt(
        QStringLiteral("generate-demo"),
        QCoreApplication::translate("main", "Fill the cache with N demo items, then exit."), QStringLiteral("N"));
    const QCommandLineOption seedOpt(QStringLiteral("seed"),
                                     QCoreApplication::translate("main", "Seed for --generate-demo (default 1)."),
                                     QStringLiteral("S"), QStringLiteral("1"));
    const QCommandLineOption userOpt(QStringLiteral("user"),
                                     QCoreApplication::translate("main", "Work as USERNAME, one of the cache's users."),
                                     QStringLiteral("USERNAME"));
    const QCommandLineOption shotOpt(
        QStringLiteral("screenshot"),
        QCoreApplication::translate("main", "Open the window, save a PNG of it to FILE once loaded, and exit."),
        QStringLiteral("FILE"));
    const QCommandLineOption viewOpt(
        QStringLiteral("view"),
        QCoreApplication::translate(
            "main",
            "Open on the view NAME: dashboard, my-work, all, hr, invoices, payroll, partner:CODE, status:NAME."),
        QStringLiteral("NAME"));
    const QCommandLineOption serverOpt(
        QStringLiteral("server"),
        QCoreApplication::translate("main", "Sync with the ibc-store at URL (http://host:port or https://host:port)."),
        QStringLiteral("URL"));
    const QCommandLineOption syncOnceOpt(
        QStringLiteral("sync-once"),
        QCoreApplication::translate(
            "main",
            "Send the outbox, receive every change, print a summary and exit, without a window. The password comes from IBC_PASSWORD or standard input."));
    const QCommandLineOption caOpt(
        QStringLiteral("ca-file"),
        QCoreApplication::translate("main", "Trust the certificate authority in FILE for https, besides the system's."),
        QStringLiteral("FILE"));
    const QCommandLineOption pageOpt(
        QStringLiteral("page-size"),
        QCoreApplication::translate(
            "main",
            "Receive at most N items a request from the store, 1 to %1 (default %1); smaller pages suit a slow link.")
            .arg(QLocale().toString(sync::kMaxPageItems)),
        QStringLiteral("N"), QString::number(sync::kMaxPageItems));
    const QCommandLineOption reportOpt(
        QStringLiteral("report"),
        QCoreApplication::translate(
            "main",
            "Write the report NAME without a window, then exit. sla: one partner's monthly service report as a PDF (with --partner, --month and --out)."),
        QStringLiteral("NAME"));
    const QCommandLineOption partnerOpt(
        QStringLiteral("partner"),
        QCoreApplication::translate("main", "For --report: the partner's code, such as HCC."), QStringLiteral("CODE"));
    const QCommandLineOption monthOpt(QStringLiteral("month"),
                                      QCoreApplication::translate("main", "For --report: the month, as YYYY-MM."),
                                      QStringLiteral("YYYY-MM"));
    const QCommandLineOption outOpt(QStringLiteral("out"),
                                    QCoreApplication::translate("main", "For --report: the PDF file to write."),
                                    QStringLiteral("FILE"));
    parser.addOptions({cacheOpt, generateOpt, seedOpt, userOpt, shotOpt, viewOpt, serverOpt, syncOnceOpt, caOpt,
                       pageOpt, reportOpt, partnerOpt, monthOpt, outOpt});
    parser.process(app);

    const bool screenshot = parser.isSet(shotOpt);
    const QString server = parser.value(serverOpt);
    if (parser.isSet(syncOnceOpt) && (server.isEmpty() || !parser.isSet(userOpt)))
        return fail(QCoreApplication::translate("main", "--sync-once needs --server URL and --user USERNAME."));
    if (!server.isEmpty() && !parser.isSet(userOpt))
        return fail(
            QCoreApplication::translate("main", "--server needs --user USERNAME: the account to sign in with."));
    const QString cachePath = parser.isSet(cacheOpt) ? parser.value(cacheOpt)
                              : server.isEmpty()     ? models::Cache::defaultPath()
                                                     : syncCachePath(server, parser.value(userOpt));

    std::unique_ptr<models::Cache> cache;
    models::CacheOpenReport report;
    try {
        cache = models::Cache::open(cachePath, &report);
    } catch (const std::exception &e) {
        return fail(QCoreApplication::translate("main", "cannot open the cache %1: %2")
                        .arg(cachePath, QString::fromUtf8(e.what())));
    }
    if (!report.ok()) {
        std::fprintf(stderr, "ibc-desk: %s\n", qPrintable(report.message()));
        if (!screenshot && !parser.isSet(generateOpt) && !parser.isSet(reportOpt))
            QMessageBox::warning(nullptr, QCoreApplication::translate("main", "IBC Desk: cache problem"),
                                 report.message());
    }

    if (parser.isSet(generateOpt)) {
        bool countOk = false, seedOk = false;
        const qint64 n = parser.value(generateOpt).toLongLong(&countOk);
        const quint64 seed = parser.value(seedOpt).toULongLong(&seedOk);
        if (!countOk || !seedOk || n <= 0 || n > 10'000'000)
            return fail(
                QCoreApplication::translate(
                    "main",
                    "--generate-demo takes a number of items from 1 to 10,000,000, and --seed a whole number: got %1 and %2.")
                    .arg(parser.value(generateOpt), parser.value(seedOpt)));
        try {
            return generateDemo(*cache, n, seed);
        } catch (const std::exception &e) {
            return fail(
                QCoreApplication::translate("main", "could not write demo data: %1").arg(QString::fromUtf8(e.what())));
        }
    }

    if (parser.isSet(reportOpt)) {
        if (parser.value(reportOpt) != QLatin1String("sla"))
            return fail(QCoreApplication::translate("main", "--report takes the name of a report: sla. Got “%1”.")
                            .arg(parser.value(reportOpt)));
        return slaReport(*cache, parser.value(partnerOpt), parser.value(monthOpt), parser.value(outOpt));
    }

    sync::SyncOptions syncOptions;
    syncOptions.server = server;
    syncOptions.username = parser.value(userOpt);
    syncOptions.cachePath = cachePath;
    syncOptions.caFile = parser.value(caOpt);
    bool pageOk = false;
    syncOptions.pageSize = parser.value(pageOpt).toInt(&pageOk);
    if (!pageOk || syncOptions.pageSize < 1 || syncOptions.pageSize > sync::kMaxPageItems)
        return fail(QCoreApplication::translate("main", "--page-size takes a number of items from 1 to %1: got %2.")
                        .arg(QLocale().toString(sync::kMaxPageItems), parser.value(pageOpt)));
    if (parser.isSet(syncOnceOpt)) {
        cache.reset(); // the engine has its own connection; nothing else writes
        return syncOnce(syncOptions);
    }

    // With a store: the store's own account. A cache that has signed in before opens at once and
    // syncs when it can; a new one signs in first.
    std::unique_ptr<sync::SyncController> controller;
    std::optional<models::User> user;
    const QString password = qEnvironmentVariable("IBC_PASSWORD");
    if (!server.isEmpty()) {
        controller = std::make_unique<sync::SyncController>(syncOptions);
        if (const auto known = cache->currentUser(); known && known->username == syncOptions.username) {
            user = known;
        } else {
            user = ui::firstSignIn(*controller, password);
            if (!user)
                return fail(QCoreApplication::translate("main", "not signed in to %1.").arg(server));
        }
    } else if (parser.isSet(userOpt)) {
        for (const models::User &u : cache->users())
            if (u.username == parser.value(userOpt))
                user = u;
        if (!user)
            return fail(QCoreApplication::translate("main", "there is no user “%1” in the cache %2.")
                            .arg(parser.value(userOpt), cachePath));
    } else {
        user = cache->currentUser();
    }
    if (!user) {
        // A cache nobody has signed in to yet: work locally as this computer's user.
        const QString name = qEnvironmentVariable("USER", QStringLiteral("caseworker"));
        user = models::User{name, name, models::Role::Caseworker, models::partnerCodes()};
        cache->setCurrentUser(*user);
    }

    ui::MainWindow window(*cache, *user, models::SystemClock::instance());
    if (controller) {
        window.setSync(controller.get());
        if (controller->status().state == sync::SyncStatus::State::Starting)
            window.startSync(password);
        else
            controller->syncNow(); // signed in already: this pushes the outbox and pulls
        QObject::connect(&window, &ui::MainWindow::loggedOut, &app, &QApplication::quit);
    }
    if (parser.isSet(viewOpt) && !window.selectView(parser.value(viewOpt)))
        return fail(QCoreApplication::translate("main", "there is no view “%1”.").arg(parser.value(viewOpt)));

    if (screenshot) {
        const QString file = parser.value(shotOpt);
        QTimer::singleShot(60000, &app, [] {
            std::fprintf(stderr, "ibc-desk: the queue did not load within a minute; no screenshot taken.\n");
            QCoreApplication::exit(2);
        });
        const auto grab = [&window, file] {
            // Let the queue, the counts and the panel paint before grabbing.
            QTimer::singleShot(200, &window, [&window, file] {
                if (!window.grab().save(file)) {
                    std::fprintf(stderr, "ibc-desk: could not write the screenshot to %s\n", qPrintable(file));
                    QCoreApplication::exit(1);
                    return;
                }
                std::printf("Saved %s\n", qPrintable(file));
                QCoreApplication::exit(0);
            });
        };
        if (controller) {
            // With a store: once a pass has reached it (or it cannot be reached) and the window
            // shows what that pass wrote.
            const auto passed = [&window, grab] {
                QObject::connect(&window, &ui::MainWindow::settled, &window, grab, Qt::SingleShotConnection);
                window.refreshAfterSync();
            };
            QObject::connect(controller.get(), &sync::SyncController::passDone, &window, passed,
                             Qt::SingleShotConnection);
            QObject::connect(controller.get(), &sync::SyncController::statusChanged, &window,
                             [passed, done = false](const sync::SyncStatus &s) mutable {
                                 using State = sync::SyncStatus::State;
                                 if (!done && (s.state == State::Offline || s.state == State::NeedsSignIn)) {
                                     done = true;
                                     passed();
                                 }
                             });
        } else if (window.dashboardView() && window.navigator()->currentView() == ui::Navigator::dashboardView()) {
            QObject::connect(window.dashboardView(), &ui::DashboardView::refreshed, &app, grab,
                             Qt::SingleShotConnection);
        } else {
            QObject::connect(&window, &ui::MainWindow::settled, &app, grab, Qt::SingleShotConnection);
        }
    }
    window.show();
    return app.exec();
}
