#pragma once

// ibc-loadgen: simulated caseworkers against a real `ibc-store serve`, over real sockets.
// No Beast in this header: the scenarios are compiled in Scenarios.cpp only.

#include <cstdint>
#include <string>
#include <vector>

namespace ibc::bench::loadgen {

struct Endpoint {
    std::string host = "127.0.0.1";
    std::uint16_t port = 0;
};

struct Account {
    std::string username;
    std::string password;
};

// An item to write notes on, and the version it had when it was picked.
struct CommandTarget {
    std::string id;
    std::int64_t version = 0;
};

// One client pages through GET /v1/changes from the start until the feed says no more remain.
struct FeedResult {
    std::int64_t items = 0;
    std::int64_t pages = 0;
    std::int64_t bytes = 0;
    double seconds = 0;
};
FeedResult runFeed(const Endpoint &server, const Account &account, int pageSize);

// `clients` connections each POST /v1/commands batches of `batchSize` add_note commands as fast as
// the server answers, until `total` commands have been sent between them.
struct CommandsResult {
    std::int64_t sent = 0;
    std::int64_t applied = 0;
    std::int64_t batches = 0;
    double seconds = 0;
};
CommandsResult runCommands(const Endpoint &server, const Account &account, const std::vector<CommandTarget> &targets,
                           int clients, int batchSize, std::int64_t total);

// `wsClients` WebSockets on GET /v1/stream, reading every poke. The server's resident memory is
// read (from /proc, when serverPid > 0) before they connect and once they have sat idle; then
// single commands are sent open-loop at `rate` a second for `seconds` over `httpConnections`
// keep-alive connections, and each one's latency is counted from when it was due to be sent
// (so a server that falls behind is charged for the queue, too).
struct LatencyOptions {
    int wsClients = 1000;
    double rate = 500;
    double seconds = 20;
    int httpConnections = 32;
    int serverPid = 0;
    double idleSettleSeconds = 3;
};
struct LatencyResult {
    int wsConnected = 0;
    int wsFailed = 0;
    int wsClosedEarly = 0; // closed by the server before the end
    std::int64_t pokes = 0;
    std::int64_t rssBeforeKiB = 0;
    std::int64_t rssIdleKiB = 0;
    std::int64_t rssEndKiB = 0;
    std::int64_t commands = 0;
    std::int64_t applied = 0;
    std::int64_t errors = 0;
    double seconds = 0;
    std::vector<double> latenciesMs; // sorted
};
LatencyResult runLatency(const Endpoint &server, const Account &wsAccount, const Account &commandAccount,
                         const std::vector<CommandTarget> &targets, const LatencyOptions &options);

// The raw SQLite baseline for durable commands: the writes the store makes for `total` add_note
// commands, straight through sqlite3 on the store's own file, one transaction per batch, WAL and
// synchronous=FULL. The server must not be running on the file.
CommandsResult runSqliteBaseline(const std::string &dbPath, const std::vector<CommandTarget> &targets, int batchSize,
                                 std::int64_t total);

// Items spread evenly over the store (every `step`th row), read from its file.
std::vector<CommandTarget> pickTargets(const std::string &dbPath, int count, int step);

// A process's resident set, from /proc/PID/status; 0 if unknown.
std::int64_t residentKiB(int pid);

} // namespace ibc::bench::loadgen
