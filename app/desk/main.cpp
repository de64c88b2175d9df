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
using namespace Qt::Literals::StringLiterals;

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
int slaReport(models::Cache &cache, const QCommandLineParser &parser)
{
    if (parser.value(u"report"_s) != "sla"_L1)
        return fail(QCoreApplication::translate("main", "--report takes the name of a report: sla. Got “%1”.")
                        .arg(parser.value(u"report"_s)));
    const QString partner = parser.value(u"partner"_s), out = parser.value(u"out"_s);
    if (out.isEmpty())
        return fail(QCoreApplication::translate("main", "--report needs --out FILE.pdf: where to write the report."));
    QString error;
    const auto report =
        ui::monthlyReport(cache, partner, parser.value(u"month"_s), models::SystemClock::instance().now(), &error);
    if (!report)
        return fail(error);
    if (!report->write(out, &error))
        return fail(error);
    std::printf("%s\n", qPrintable(ui::monthlySummary(*report, partner, out)));
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

// The options, in the order --help lists them; read back by name.
void addOptions(QCommandLineParser &parser)
{
    const auto option = [&parser](const QString &name, const char *help, const QString &valueName = {},
                                  const QString &fallback = {}) {
        parser.addOption(QCommandLineOption(name, QCoreApplication::translate("main", help), valueName, fallback));
    };
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "IBC Desk: work the HR change, supplier invoice and payroll exception queues."));
    parser.addHelpOption();
    parser.addVersionOption();
    option(u"cache"_s, QT_TRANSLATE_NOOP("main", "Use the cache FILE instead of your own."), u"FILE"_s);
    option(u"generate-demo"_s, QT_TRANSLATE_NOOP("main", "Fill the cache with N demo items, then exit."), u"N"_s);
    option(u"seed"_s, QT_TRANSLATE_NOOP("main", "Seed for --generate-demo (default 1)."), u"S"_s, u"1"_s);
    option(u"user"_s, QT_TRANSLATE_NOOP("main", "Work as USERNAME, one of the cache's users."), u"USERNAME"_s);
    option(u"screenshot"_s,
           QT_TRANSLATE_NOOP("main", "Open the window, save a PNG of it to FILE once loaded, and exit."), u"FILE"_s);
    option(u"view"_s,
           QT_TRANSLATE_NOOP(
               "main",
               "Open on the view NAME: dashboard, my-work, all, hr, invoices, payroll, partner:CODE, status:NAME."),
           u"NAME"_s);
    option(u"server"_s,
           QT_TRANSLATE_NOOP("main", "Sync with the ibc-store at URL (http://host:port or https://host:port)."),
           u"URL"_s);
    option(
        u"sync-once"_s,
        QT_TRANSLATE_NOOP(
            "main",
            "Send the outbox, receive every change, print a summary and exit, without a window. The password comes from IBC_PASSWORD or standard input."));
    option(u"ca-file"_s,
           QT_TRANSLATE_NOOP("main", "Trust the certificate authority in FILE for https, besides the system's."),
           u"FILE"_s);
    parser.addOption(QCommandLineOption(
        u"page-size"_s,
        QCoreApplication::translate(
            "main",
            "Receive at most N items a request from the store, 1 to %1 (default %1); smaller pages suit a slow link.")
            .arg(QLocale().toString(sync::kMaxPageItems)),
        u"N"_s, QString::number(sync::kMaxPageItems)));
    option(
        u"report"_s,
        QT_TRANSLATE_NOOP(
            "main",
            "Write the report NAME without a window, then exit. sla: one partner's monthly service report as a PDF (with --partner, --month and --out)."),
        u"NAME"_s);
    option(u"partner"_s, QT_TRANSLATE_NOOP("main", "For --report: the partner's code, such as HCC."), u"CODE"_s);
    option(u"month"_s, QT_TRANSLATE_NOOP("main", "For --report: the month, as YYYY-MM."), u"YYYY-MM"_s);
    option(u"out"_s, QT_TRANSLATE_NOOP("main", "For --report: the PDF file to write."), u"FILE"_s);
}

// Where settings and the cache live, and how the desktop shows the program.
void nameApplication()
{
    QApplication::setOrganizationName(u"IBC"_s);
    QApplication::setApplicationName(u"ibc-desk"_s);
    QApplication::setApplicationDisplayName(u"IBC Desk"_s);
    QApplication::setApplicationVersion(QStringLiteral(IBC_VERSION));
    QApplication::setWindowIcon(QIcon(u":/ibc/icons/ibc-desk.svg"_s));
    QApplication::setDesktopFileName(u"ibc-desk"_s);
}

// Making demo data, syncing once and writing a report need no display, nor does a screenshot
// where there is none.
void offscreenWhenHeadless(int argc, char *argv[])
{
    const bool noDisplay = qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
    for (int i = 1; i < argc; ++i)
        if ((qstrcmp(argv[i], "--generate-demo") == 0 || qstrcmp(argv[i], "--sync-once") == 0 ||
             qstrcmp(argv[i], "--report") == 0 || (noDisplay && qstrcmp(argv[i], "--screenshot") == 0)) &&
            !qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
}

int runGenerateDemo(models::Cache &cache, const QCommandLineParser &parser)
{
    bool countOk = false, seedOk = false;
    const qint64 n = parser.value(u"generate-demo"_s).toLongLong(&countOk);
    const quint64 seed = parser.value(u"seed"_s).toULongLong(&seedOk);
    if (!countOk || !seedOk || n <= 0 || n > 10'000'000)
        return fail(
            QCoreApplication::translate(
                "main",
                "--generate-demo takes a number of items from 1 to 10,000,000, and --seed a whole number: got %1 and %2.")
                .arg(parser.value(u"generate-demo"_s), parser.value(u"seed"_s)));
    try {
        return generateDemo(cache, n, seed);
    } catch (const std::exception &e) {
        return fail(
            QCoreApplication::translate("main", "could not write demo data: %1").arg(QString::fromUtf8(e.what())));
    }
}

// Who works at this desk. With a store: the store's own account; a cache that has signed in
// before opens at once and syncs when it can, a new one signs in first. Without: --user, one of
// the cache's users, or whoever last worked on it, or else this computer's user, locally.
std::optional<models::User> chooseUser(models::Cache &cache, const QCommandLineParser &parser,
                                       sync::SyncController *controller, const QString &password)
{
    const QString username = parser.value(u"user"_s);
    if (controller) {
        if (const auto known = cache.currentUser(); known && known->username == username)
            return known;
        const auto user = ui::firstSignIn(*controller, password);
        if (!user)
            fail(QCoreApplication::translate("main", "not signed in to %1.").arg(parser.value(u"server"_s)));
        return user;
    }
    if (!username.isEmpty()) {
        for (const models::User &u : cache.users())
            if (u.username == username)
                return u;
        fail(QCoreApplication::translate("main", "there is no user “%1” in the cache %2.").arg(username, cache.path()));
        return std::nullopt;
    }
    if (auto user = cache.currentUser())
        return user;
    const QString name = qEnvironmentVariable("USER", u"caseworker"_s);
    const models::User local{name, name, models::Role::Caseworker, models::partnerCodes()};
    cache.setCurrentUser(local);
    return local;
}

// `--screenshot FILE`: saves the window once what it first shows has loaded, then quits.
void screenshotWhenLoaded(ui::MainWindow &window, sync::SyncController *controller, const QString &file)
{
    QTimer::singleShot(60000, &window, [] {
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
        // With a store: once a pass has reached it (or it cannot be reached) and the window shows
        // what that pass wrote.
        const auto passed = [&window, grab] {
            QObject::connect(&window, &ui::MainWindow::settled, &window, grab, Qt::SingleShotConnection);
            window.refreshAfterSync();
        };
        QObject::connect(controller, &sync::SyncController::passDone, &window, passed, Qt::SingleShotConnection);
        QObject::connect(controller, &sync::SyncController::statusChanged, &window,
                         [passed, done = false](const sync::SyncStatus &s) mutable {
                             using State = sync::SyncStatus::State;
                             if (!done && (s.state == State::Offline || s.state == State::NeedsSignIn)) {
                                 done = true;
                                 passed();
                             }
                         });
    } else if (window.dashboardView() && window.navigator()->currentView() == ui::Navigator::dashboardView()) {
        QObject::connect(window.dashboardView(), &ui::DashboardView::refreshed, &window, grab,
                         Qt::SingleShotConnection);
    } else {
        QObject::connect(&window, &ui::MainWindow::settled, &window, grab, Qt::SingleShotConnection);
    }
}

} // namespace

int main(int argc, char *argv[])
{
    offscreenWhenHeadless(argc, argv);
    QApplication app(argc, argv);
    nameApplication();
    ui::installTranslations(app, QLocale());

    QCommandLineParser parser;
    addOptions(parser);
    parser.process(app);

    const bool headless =
        parser.isSet(u"screenshot"_s) || parser.isSet(u"generate-demo"_s) || parser.isSet(u"report"_s);
    const QString server = parser.value(u"server"_s);
    if (parser.isSet(u"sync-once"_s) && (server.isEmpty() || !parser.isSet(u"user"_s)))
        return fail(QCoreApplication::translate("main", "--sync-once needs --server URL and --user USERNAME."));
    if (!server.isEmpty() && !parser.isSet(u"user"_s))
        return fail(
            QCoreApplication::translate("main", "--server needs --user USERNAME: the account to sign in with."));
    const QString cachePath = parser.isSet(u"cache"_s) ? parser.value(u"cache"_s)
                              : server.isEmpty()       ? models::Cache::defaultPath()
                                                       : syncCachePath(server, parser.value(u"user"_s));

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
        if (!headless)
            QMessageBox::warning(nullptr, QCoreApplication::translate("main", "IBC Desk: cache problem"),
                                 report.message());
    }
    if (parser.isSet(u"generate-demo"_s))
        return runGenerateDemo(*cache, parser);
    if (parser.isSet(u"report"_s))
        return slaReport(*cache, parser);

    sync::SyncOptions syncOptions;
    syncOptions.server = server;
    syncOptions.username = parser.value(u"user"_s);
    syncOptions.cachePath = cachePath;
    syncOptions.caFile = parser.value(u"ca-file"_s);
    bool pageOk = false;
    syncOptions.pageSize = parser.value(u"page-size"_s).toInt(&pageOk);
    if (!pageOk || syncOptions.pageSize < 1 || syncOptions.pageSize > sync::kMaxPageItems)
        return fail(QCoreApplication::translate("main", "--page-size takes a number of items from 1 to %1: got %2.")
                        .arg(QLocale().toString(sync::kMaxPageItems), parser.value(u"page-size"_s)));
    if (parser.isSet(u"sync-once"_s)) {
        cache.reset(); // the engine has its own connection; nothing else writes
        return syncOnce(syncOptions);
    }

    const QString password = qEnvironmentVariable("IBC_PASSWORD");
    std::unique_ptr<sync::SyncController> controller;
    if (!server.isEmpty())
        controller = std::make_unique<sync::SyncController>(syncOptions);
    const auto user = chooseUser(*cache, parser, controller.get(), password);
    if (!user)
        return 1;

    ui::MainWindow window(*cache, *user, models::SystemClock::instance());
    if (controller) {
        window.setSync(controller.get());
        if (controller->status().state == sync::SyncStatus::State::Starting)
            window.startSync(password);
        else
            controller->syncNow(); // signed in already: this pushes the outbox and pulls
        QObject::connect(&window, &ui::MainWindow::loggedOut, &app, &QApplication::quit);
    }
    if (parser.isSet(u"view"_s) && !window.selectView(parser.value(u"view"_s)))
        return fail(QCoreApplication::translate("main", "there is no view “%1”.").arg(parser.value(u"view"_s)));
    if (parser.isSet(u"screenshot"_s))
        screenshotWhenLoaded(window, controller.get(), parser.value(u"screenshot"_s));
    window.show();
    return app.exec();
}
