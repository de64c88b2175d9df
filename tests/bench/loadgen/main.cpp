// ibc-loadgen: drives a running `ibc-store serve` with simulated caseworkers over real sockets,
// and times the raw SQLite baseline. scripts/bench --part store runs it; see docs/bench.md.
//
//   ibc-loadgen feed     --port P [--page N]
//   ibc-loadgen commands --port P --db FILE [--clients N] [--batch N] [--commands N]
//   ibc-loadgen live     --port P --db FILE [--ws-clients N] [--rate R] [--seconds S] [--server-pid PID]
//   ibc-loadgen sqlite-baseline --db FILE [--batch N] [--commands N]
//
// Common: --host ADDR (127.0.0.1), --user U and --password P (the demo caseworker for every
// partner, sam.patel). --db is the store's file, read (only) for items spread over the whole
// store to write notes on. Besides its report, each run prints "figure NAME VALUE" lines for
// scripts. Exit status: 0 when the run completed, 1 when something failed.
#include "LoadGen.h"

#include <QCoreApplication>

#include <sys/resource.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>

using namespace ibc::bench::loadgen;

namespace {

struct Args {
    std::string mode;
    std::map<std::string, std::string> opts;

    std::string str(const std::string &key, const std::string &fallback = {}) const
    {
        auto it = opts.find(key);
        return it == opts.end() ? fallback : it->second;
    }
    double num(const std::string &key, double fallback) const
    {
        auto it = opts.find(key);
        return it == opts.end() ? fallback : std::strtod(it->second.c_str(), nullptr);
    }
};

void usage()
{
    std::fputs("usage: ibc-loadgen feed|commands|live|sqlite-baseline [--host H] --port P [--db FILE]\n"
               "         [--user U --password P] [--page N] [--clients N] [--batch N] [--commands N]\n"
               "         [--ws-clients N] [--rate R] [--seconds S] [--http-connections N] [--server-pid PID]\n",
               stderr);
}

// A thousand sockets need more than the usual soft limit of open files.
void raiseFileLimit()
{
    rlimit files{};
    if (getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
        files.rlim_cur = files.rlim_max;
        setrlimit(RLIMIT_NOFILE, &files);
    }
}

double percentile(const std::vector<double> &sorted, double p)
{
    if (sorted.empty())
        return 0;
    const std::size_t i = std::min(sorted.size() - 1, std::size_t(p / 100.0 * double(sorted.size())));
    return sorted[i];
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv); // QUuid and QJsonDocument only; no event loop runs
    if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h")) {
        usage();
        return argc < 2 ? 1 : 0;
    }
    Args a;
    a.mode = argv[1];
    for (int i = 2; i < argc; ++i) {
        std::string key = argv[i];
        if (key.rfind("--", 0) != 0 || i + 1 >= argc) {
            usage();
            return 1;
        }
        a.opts[key.substr(2)] = argv[++i];
    }
    raiseFileLimit();

    Endpoint server{a.str("host", "127.0.0.1"), std::uint16_t(a.num("port", 0))};
    Account account{a.str("user", "sam.patel"), a.str("password", "")};
    if (account.password.empty())
        account.password = "demo-" + account.username;
    const std::string db = a.str("db");
    const int batch = int(a.num("batch", 100));
    const auto commands = std::int64_t(a.num("commands", 20000));

    try {
        if (a.mode == "feed") {
            const FeedResult r = runFeed(server, account, int(a.num("page", 5000)));
            std::printf(
                "change feed, one client (%s): %lld items in %lld pages, %.1f MiB, in %.2f s: %.0f items/s, %.0f MiB/s\n",
                account.username.c_str(), qlonglong(r.items), qlonglong(r.pages), double(r.bytes) / 1048576.0,
                r.seconds, double(r.items) / r.seconds, double(r.bytes) / 1048576.0 / r.seconds);
            std::printf("figure feed_items %lld\nfigure feed_items_per_s %.0f\n", qlonglong(r.items),
                        double(r.items) / r.seconds);
            return 0;
        }
        if (a.mode == "commands" || a.mode == "live" || a.mode == "sqlite-baseline") {
            if (db.empty()) {
                std::fputs("ibc-loadgen: --db FILE (the store's file) names the items to write notes on\n", stderr);
                return 1;
            }
        }
        if (a.mode == "commands") {
            const int clients = int(a.num("clients", 4));
            const auto targets = pickTargets(db, int(std::min<std::int64_t>(commands, 50000)), 19);
            const CommandsResult r = runCommands(server, account, targets, clients, batch, commands);
            std::printf(
                "durable commands over HTTP: %lld add_note commands (%lld applied) in %lld batches of %d from %d "
                "clients, in %.2f s: %.0f commands/s\n",
                qlonglong(r.sent), qlonglong(r.applied), qlonglong(r.batches), batch, clients, r.seconds,
                double(r.applied) / r.seconds);
            std::printf("figure commands_applied %lld\nfigure commands_per_s %.0f\n", qlonglong(r.applied),
                        double(r.applied) / r.seconds);
            return r.applied == r.sent ? 0 : 1;
        }
        if (a.mode == "sqlite-baseline") {
            const auto targets = pickTargets(db, int(std::min<std::int64_t>(commands, 50000)), 19);
            const CommandsResult r = runSqliteBaseline(db, targets, batch, commands);
            std::printf(
                "raw sqlite3 loop, the same writes: %lld commands in %lld transactions of %d in %.2f s: %.0f commands/s\n",
                qlonglong(r.applied), qlonglong(r.batches), batch, r.seconds, double(r.applied) / r.seconds);
            std::printf("figure sqlite_commands_per_s %.0f\n", double(r.applied) / r.seconds);
            return 0;
        }
        if (a.mode == "live") {
            LatencyOptions o;
            o.wsClients = int(a.num("ws-clients", 1000));
            o.rate = a.num("rate", 500);
            o.seconds = a.num("seconds", 20);
            o.httpConnections = int(a.num("http-connections", 32));
            o.serverPid = int(a.num("server-pid", 0));
            const auto targets = pickTargets(db, 50000, 23);
            Account wsAccount{a.str("ws-user", "rhys.evans"), a.str("ws-password", "")};
            if (wsAccount.password.empty())
                wsAccount.password = "demo-" + wsAccount.username;
            const LatencyResult r = runLatency(server, wsAccount, account, targets, o);
            const double perConnKiB = r.wsConnected ? double(r.rssIdleKiB - r.rssBeforeKiB) / r.wsConnected : 0;
            std::printf("live clients: %d WebSockets connected (%d refused or failed), server RSS %.1f MiB before, "
                        "%.1f MiB with them idle: %.1f KiB per idle connection\n",
                        r.wsConnected, r.wsFailed, double(r.rssBeforeKiB) / 1024, double(r.rssIdleKiB) / 1024,
                        perConnKiB);
            std::printf("commands among them: %lld single commands (%lld applied, %lld errors) at %.0f/s for %.1f s "
                        "over %d connections; latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms\n",
                        qlonglong(r.commands), qlonglong(r.applied), qlonglong(r.errors), o.rate, r.seconds,
                        o.httpConnections, percentile(r.latenciesMs, 50), percentile(r.latenciesMs, 90),
                        percentile(r.latenciesMs, 99), r.latenciesMs.empty() ? 0.0 : r.latenciesMs.back());
            std::printf("pokes heard: %lld (%.0f per client); WebSockets closed by the server during the run: %d; "
                        "server RSS at the end %.1f MiB\n",
                        qlonglong(r.pokes), r.wsConnected ? double(r.pokes) / r.wsConnected : 0.0, r.wsClosedEarly,
                        double(r.rssEndKiB) / 1024);
            std::printf("figure ws_connected %d\nfigure ws_closed_early %d\nfigure rss_per_connection_kib %.1f\n"
                        "figure latency_p50_ms %.1f\nfigure latency_p99_ms %.1f\nfigure latency_commands %lld\n"
                        "figure latency_applied %lld\nfigure pokes %lld\n",
                        r.wsConnected, r.wsClosedEarly, perConnKiB, percentile(r.latenciesMs, 50),
                        percentile(r.latenciesMs, 99), qlonglong(r.commands), qlonglong(r.applied), qlonglong(r.pokes));
            return (r.wsConnected == o.wsClients && r.errors == 0) ? 0 : 1;
        }
    } catch (const std::exception &e) {
        std::fprintf(stderr, "ibc-loadgen %s: %s\n", a.mode.c_str(), e.what());
        return 1;
    }
    usage();
    return 1;
}
