#pragma once

#include "domain/Clock.h"
#include "domain/User.h"
#include "protocol/Messages.h"

#include <QString>
#include <QStringList>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

// The desk's sync engine: keeps a local cache in step with ibc-store. It runs a Boost.Asio
// io_context on a thread of its own and never touches a widget; its events are called on that
// thread with plain values, for the caller to post to its own (SyncController does, for Qt).
// No Asio or Beast in this header: it is included by the desk's widgets.
namespace ibc::sync {

struct SyncOptions {
    QString server; // "http://127.0.0.1:8080" or "https://store.example:8443"
    QString username;
    QString cachePath;            // a cache Cache::open() has made ready; the engine keeps its own connection
    QString caFile;               // https: a certificate authority to trust besides the system's (a store's own)
    int pageSize = kMaxPageItems; // the most ibc-store gives in one page
    int batchSize = 100;
    std::chrono::milliseconds pollInterval{30000}; // pull this often while the live socket is down
    std::chrono::milliseconds retryFirst{500};     // after an outage, retry after this, doubled each
    std::chrono::milliseconds retryCap{30000};     // time with jitter, up to this
    std::chrono::milliseconds requestTimeout{20000};
    bool live = true; // keep a WebSocket open for the store's pokes
};

struct SyncStatus {
    enum class State {
        Starting,    // signing in, or the first pass since start
        Online,      // the last pass reached the store
        Offline,     // the store cannot be reached: working from the cache, retrying
        NeedsSignIn, // the store refused the password or the session ended: ask the user again
        Paused,      // the user stopped syncing for now
        Stopped,
    };
    State state = State::Starting;
    models::EpochSecs offlineSince = 0; // Offline: when the outage began
    models::EpochSecs lastSynced = 0;   // when a pass last reached the newest change
    QString problem;                    // why offline or signed out, for a tooltip and the log
    qint64 checkpoint = 0;
    int waiting = 0;   // commands in the outbox
    int conflicts = 0; // commands the store refused, waiting for the user
};

// A pull under way.
struct SyncProgress {
    qint64 items = 0;      // items received so far in this pull
    qint64 total = -1;     // how many the store has for this user, when it said (-1: not known)
    double perSecond = 0;  // items a second over this pull
    bool initial = false;  // into an empty cache
    bool indexing = false; // a first sync has every item and is building the queue's indexes (a minute at a million)
    bool done = false;     // the pull reached the newest change
};

// What one pass did, for --sync-once and the log.
struct SyncSummary {
    int pushed = 0;
    int applied = 0;
    int refused = 0; // rejected or in conflict: now in the conflicts list
    qint64 pulled = 0;
    qint64 checkpoint = 0;
    double seconds = 0;
};

struct SessionInfo {
    QString token;
    models::EpochSecs expires = 0;
    models::User user;
};

// The store's answer to a reveal of a masked detail: the value, or why not.
struct RevealAnswer {
    QString itemId;
    QString field;
    QString value;
    QString error; // empty when the value came
};

// The store's answer to a read of its audit log: a page of rows, or why not.
struct AuditAnswer {
    quint64 ticket = 0; // as given to readAuditLog(), to tell answers apart
    AuditQuery query;
    AuditPage page;
    int status = 0; // the store's HTTP status; 0 when it was not reached (offline, paused, signed out)
    QString error;  // empty when the page came
};

class SyncEngine {
public:
    // Called on the engine's thread. Each may be empty.
    struct Events {
        std::function<void(const SyncStatus &)> status;
        std::function<void(const SyncProgress &)> progress;
        std::function<void(const QStringList &itemIds)> changed; // items the engine wrote to the cache
        std::function<void(const SessionInfo &)> signedIn;
        std::function<void(const SyncSummary &)> passDone;    // after each pass that reached the store
        std::function<void(const QString &error)> onceFailed; // runOnce(): why it could not finish
        std::function<void(const RevealAnswer &)> revealed;   // every reveal() is answered, once
        std::function<void(const AuditAnswer &)> auditRead;   // every readAuditLog() is answered, once
    };

    SyncEngine(SyncOptions options, Events events);
    ~SyncEngine(); // stop()
    SyncEngine(const SyncEngine &) = delete;
    SyncEngine &operator=(const SyncEngine &) = delete;

    // Keeps the cache in step until stop(): push, pull, then wait for a poke, a new command or
    // the poll interval. Signs in with `password`, or uses `token` (from the keychain) while the
    // store accepts it.
    void start(const QString &password, const QString &token = {});
    // One pass and no more: sign in, push the outbox, pull to the newest change, then passDone()
    // or onceFailed(). For `ibc-desk --sync-once`, scripts and tests.
    void runOnce(const QString &password);
    void signIn(const QString &password); // after NeedsSignIn
    void outboxChanged();                 // a new command waits: push it soon
    void syncNow();                       // skip the wait (and any backoff) and pass now
    void setPaused(bool paused);          // cancel a pull under way and stop until resumed
    // Asks the store for the whole value of a masked detail, which it audits with `reason`. Sent
    // after the next pass (the engine's requests go one at a time); answered by revealed(), at
    // once with an error unless the engine is online.
    void reveal(const QString &itemId, const QString &field, const QString &reason);
    // Reads a page of the store's audit log (auditors only; the store audits the read). Nothing of
    // it is cached. Sent after the next pass, as a reveal is; answered by auditRead(), at once
    // with status 0 unless the engine is online.
    void readAuditLog(quint64 ticket, const AuditQuery &query);
    void stop(); // cancels everything under way and joins the thread

private:
    class Impl;
    std::unique_ptr<Impl> m_impl;
};

// What syncOnce() did: the pass's summary, or why it could not finish.
struct SyncOnceResult {
    std::optional<SyncSummary> summary;
    QString error;
};

// One pass of the desk's engine on `options.cachePath`, and no more (`ibc-desk --sync-once`):
// sign in with `password`, push the outbox, pull to the newest change. Blocks until it is done;
// needs no event loop.
SyncOnceResult syncOnce(SyncOptions options, const QString &password);

} // namespace ibc::sync
