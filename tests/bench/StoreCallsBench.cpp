// ibc-bench-storecalls: the store's own calls, in process, with no HTTP in between (docs/bench.md,
// "The store's calls"): seeding N items, the change feed read whole for two caseworkers, and
// durable commands in batches of 100. Wall time, with the CPU time beside it and the machine's load
// average: the machines are shared. Not a CTest test.
//
//   ibc-bench-storecalls [--items N] [--dir DIR]     (default 1,000,000 items, in a temporary folder)

#include "BenchUtil.h"
#include "domain/Clock.h"
#include "domain/DemoGenerator.h"
#include "sqlite/Sqlite.h"
#include "store/Store.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTemporaryDir>

#include <ctime>

using namespace ibc;
using namespace ibc::models;
using ibc::bench::grouped;
using ibc::bench::loadAverage;
using ibc::bench::say;

namespace {

constexpr EpochSecs kAnchor = 1767225600; // 2026-01-01 00:00 UTC, a Thursday

double cpuSeconds(clockid_t clock)
{
    timespec ts{};
    clock_gettime(clock, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) / 1e9;
}

User demoUser(const QString &username)
{
    for (const User &u : DemoGenerator::demoUsers())
        if (u.username == username)
            return u;
    throw std::runtime_error("no demo user " + username.toStdString());
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption itemsOpt(QStringLiteral("items"), QStringLiteral("Items to seed (default 1000000)."),
                                      QStringLiteral("N"), QStringLiteral("1000000"));
    const QCommandLineOption dirOpt(QStringLiteral("dir"),
                                    QStringLiteral("Folder for the store's file (default: a temporary one)."),
                                    QStringLiteral("DIR"));
    parser.addOptions({itemsOpt, dirOpt});
    parser.process(app);
    bool ok = false;
    const qint64 items = parser.value(itemsOpt).toLongLong(&ok);
    if (!ok || items < 1) {
        std::fprintf(stderr, "ibc-bench-storecalls: --items wants a number of items, not '%s'\n",
                     qPrintable(parser.value(itemsOpt)));
        return 2;
    }
    QTemporaryDir temp;
    const QString dir = parser.isSet(dirOpt) ? parser.value(dirOpt) : temp.path();
    const QString path = dir + QStringLiteral("/bench-storecalls.sqlite");
    QFile::remove(path);
    ManualClock clock(kAnchor + 40 * 86400);

    try {
        auto store = sync::openSqliteStore(path, clock, 8 * 3600);
        QElapsedTimer t;
        t.start();
        double c0 = cpuSeconds(CLOCK_PROCESS_CPUTIME_ID);
        store->seed(items, 42, kAnchor);
        const double seedSecs = double(t.nsecsElapsed()) / 1e9;
        say(QStringLiteral("seeded %1 items in %2 s (%3 items/s; %4 s CPU on two threads; load %5), file %6 MiB")
                .arg(grouped(double(items)), bench::fixed(seedSecs, 1), grouped(double(items) / seedSecs),
                     bench::fixed(cpuSeconds(CLOCK_PROCESS_CPUTIME_ID) - c0, 1), loadAverage(),
                     grouped(double(QFileInfo(path).size()) / 1048576.0)));

        for (const char *who : {"sam.patel", "rhys.evans"}) {
            const User user = demoUser(QString::fromLatin1(who));
            t.restart();
            c0 = cpuSeconds(CLOCK_THREAD_CPUTIME_ID);
            qint64 cursor = 0, got = 0, events = 0;
            for (bool more = true; more;) {
                const sync::ChangePage page = store->changes(user, cursor, 5000);
                got += qint64(page.items.size());
                for (const sync::ItemRecord &r : page.items)
                    events += qint64(r.events.size());
                cursor = page.nextSeq;
                more = page.more;
            }
            const double secs = double(t.nsecsElapsed()) / 1e9, cpu = cpuSeconds(CLOCK_THREAD_CPUTIME_ID) - c0;
            say(QStringLiteral("feed for %1: %2 items (%3 events) in %4 s: %5 items/s (%6 per CPU second; load %7)")
                    .arg(QString::fromLatin1(who), grouped(double(got)), grouped(double(events)), bench::fixed(secs, 2),
                         grouped(double(got) / secs), grouped(double(got) / cpu), loadAverage()));
        }

        // Durable commands in batches of 100: notes by a team leader on items spread over the store.
        const User priya = demoUser(QStringLiteral("priya.shah"));
        std::vector<std::pair<QString, qint64>> targets;
        {
            sqlite::Database raw(path, sqlite::Database::Mode::ReadOnly);
            auto st = raw.prepare("SELECT id, version FROM items WHERE row % 21 = 0 ORDER BY row LIMIT 20000");
            while (st.step())
                targets.emplace_back(st.text(0), st.int64(1));
        }
        t.restart();
        c0 = cpuSeconds(CLOCK_THREAD_CPUTIME_ID);
        qint64 applied = 0;
        for (std::size_t b = 0; b < targets.size(); b += 100) {
            std::vector<Command> batch;
            for (std::size_t i = b; i < std::min(targets.size(), b + 100); ++i)
                batch.push_back(Command::make(CommandType::AddNote, targets[i].first, targets[i].second, priya.username,
                                              clock.now(),
                                              QJsonObject{{QStringLiteral("text"), QStringLiteral("Bench note.")}}));
            for (const sync::CommandOutcome &o : store->apply(priya, batch))
                applied += o.kind == sync::CommandOutcome::Kind::Applied;
        }
        const double secs = double(t.nsecsElapsed()) / 1e9, cpu = cpuSeconds(CLOCK_THREAD_CPUTIME_ID) - c0;
        say(QStringLiteral(
                "applied %1 of %2 commands in batches of 100 in %3 s: %4 commands/s (%5 us CPU each; load %6)")
                .arg(grouped(double(applied)), grouped(double(targets.size())), bench::fixed(secs, 2),
                     grouped(double(applied) / secs), bench::fixed(cpu / double(std::max<qint64>(applied, 1)) * 1e6, 0),
                     loadAverage()));
        return applied == qint64(targets.size()) ? 0 : 1;
    } catch (const std::exception &e) {
        std::fprintf(stderr, "ibc-bench-storecalls: %s\n", e.what());
        return 2;
    }
}
