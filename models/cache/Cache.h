#pragma once

#include "domain/Clock.h"
#include "domain/Command.h"
#include "domain/DemoGenerator.h"
#include "domain/Lifecycle.h"
#include "domain/Sla.h"
#include "domain/User.h"
#include "domain/WorkItem.h"
#include "sqlite/Sqlite.h"

#include <QLoggingCategory>
#include <QString>

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <vector>

Q_DECLARE_LOGGING_CATEGORY(lcCache)

namespace ibc::models {

// What happened to a cache file that could not be used as it was.
struct CacheOpenReport {
    enum class Problem { None, NotOurs, Newer, Corrupt };
    Problem problem = Problem::None;
    QString movedTo;    // where the unusable file was moved (never deleted)
    QString exportedTo; // unsent commands recovered from it, as JSON lines; empty if none
    int exportedCommands = 0;
    int fileVersion = 0; // for Newer

    bool ok() const { return problem == Problem::None; }
    QString message() const; // a sentence for the user, translated
};

// A command waiting in the outbox to be sent to ibc-store.
struct OutboxEntry {
    qint64 seq = 0;
    Command command;
    QJsonObject seen; // the item as the user saw it when they acted (itemState())
};

// A command ibc-store did not apply: it waits here, never dropped, until the user retries,
// changes or discards it. The item shows a marker while it has one.
struct Conflict {
    enum class Kind { Rejected = 1, Conflict = 2 };
    qint64 row = 0;
    Command command;    // mine
    QJsonObject seen;   // what I saw (itemState())
    QJsonObject theirs; // the item as the store has it now (itemState()); empty if not known
    Kind kind = Kind::Conflict;
    QString code;   // the store's refusal code ("changed_since", "not_holder", …)
    QString reason; // the store's sentence for a person
    EpochSecs raised = 0;
};

// What a page of the change feed did to the cache.
struct PullResult {
    int written = 0;           // items written as the store has them
    QStringList keptForOutbox; // items not overwritten: the outbox has commands for them
    int forgotten = 0;         // sensitive items dropped: the user may no longer see them
};

// The result of a command the desk tried to apply.
struct CommandResult {
    bool applied = false;
    QString message; // why not, for the user
    std::optional<RefusalCode> refusal;
};

// The desk's local cache: one SQLite file per user, in WAL mode, migrated by PRAGMA user_version.
// It holds the items the user may see, their notes and history, the outbox of commands not yet
// sent, and the sync checkpoint.
//
// Guarantees:
//  - thread safe: every public function takes the connection's mutex;
//  - every command is applied to the item and recorded in the outbox in one transaction, or not at all;
//  - a file that is not a cache, is from a newer IBC Desk, or is corrupt is moved aside, never
//    overwritten or deleted, and its unsent commands are exported beside it first;
//  - the file is readable by its owner only (0600).
class Cache {
public:
    static constexpr int kSchemaVersion = 8;
    static constexpr quint32 kApplicationId = 0x49424344; // "IBCD"

    // Opens the cache at `path`, creating or migrating it. A file that cannot be used is moved
    // aside and a fresh cache made in its place; `report` says what happened.
    // Throws sqlite::Error if no cache can be made there (a read-only folder, a full disk).
    static std::unique_ptr<Cache> open(const QString &path, CacheOpenReport *report = nullptr,
                                       const Clock &clock = SystemClock::instance());
    // A second connection to a cache open() has already made ready, for the sync engine's thread:
    // no checks, no migrations. Throws sqlite::Error if the file is not a cache of this version.
    // Its commits never stop for a WAL checkpoint: its owner calls checkpointIfDue() when nobody is
    // waiting (the engine, once the desk has been told of what it wrote).
    static std::unique_ptr<Cache> attach(const QString &path, const Clock &clock = SystemClock::instance());
    // Where the platform keeps this user's application data.
    static QString defaultPath();

    // Brings a connection's schema from its version up to `version` (for tests: any earlier one).
    static void migrate(sqlite::Database &db, int version);

    ~Cache();
    QString path() const;
    const Clock &clock() const { return m_clock; }

    // The signed-in user, and the people work can be assigned to.
    void setCurrentUser(const User &user);
    std::optional<User> currentUser();
    void saveUsers(std::span<const User> users);
    std::vector<User> users();

    // Adds items with their notes and history, in one transaction.
    void insertGenerated(std::span<const GeneratedItem> items);

    // Loading many items at once (demo data, a first sync): the secondary indexes are dropped for
    // the load and rebuilt once at the end, which is several times faster than keeping them up to
    // date row by row. Each add() is one transaction. A load cut short by a crash or a kill leaves
    // a whole cache: open() rebuilds any missing index.
    class BulkLoad {
    public:
        explicit BulkLoad(Cache &cache);
        ~BulkLoad();
        BulkLoad(const BulkLoad &) = delete;
        BulkLoad &operator=(const BulkLoad &) = delete;
        void add(std::span<const GeneratedItem> items);
        void finish(); // rebuilds the indexes; called by the destructor if not before

    private:
        Cache &m_cache;
        bool m_finished = false;
    };
    qint64 itemCount();

    std::optional<WorkItem> item(const QString &id);
    std::optional<WorkItem> itemAtRow(qint64 row);
    std::vector<Note> notes(const QString &itemId);
    std::vector<Event> events(const QString &itemId);

    // Decides the command by the lifecycle rules as `user`, and if allowed applies it to the item
    // and appends it to the outbox, in one transaction.
    CommandResult execute(const Command &command, const User &user);

    // "Next item": claims the most urgent item `user` may work (earliest due, then highest
    // priority) that nobody holds, or whose claim has lapsed; never one leased to someone else.
    // Returns it; nullopt when there is none.
    std::optional<WorkItem> claimNext(const User &user);

    int outboxCount();
    std::vector<OutboxEntry> outbox();

    QString syncValue(const QString &key);
    void setSyncValue(const QString &key, const QString &value);

    // The service-level rules the store last sent (GET /v1/reference's "sla"), or the defaults
    // before it has sent any. Commands applied here set due times by them, as the store would.
    std::shared_ptr<const SlaRules> slaRules();
    // Keeps the rules the store sent. If they cannot be read, says why and keeps those in force.
    bool setSlaRules(const QJsonObject &json, QString *error);
    // VocaLink's modulus tables the store sent with its reference data ({"weights", "substitutions"},
    // once an administrator imported them): kept, and put in force for this process's bank-details
    // checks (ModulusChecker::setCurrent). False with `error`, the tables in force kept, if they
    // cannot be read. Cache::open puts the kept ones in force again.
    bool setModulusTables(const QJsonObject &json, QString *error);

    // Sync with ibc-store (sync/client). The checkpoint is the store's sequence number the cache
    // has every change up to.
    qint64 checkpoint();
    // attach()'s connection: copies the write-ahead log into the file if it has grown past its
    // threshold (1000 to 2000 pages), as a commit would have.
    void checkpointIfDue();
    // Writes a page of the change feed and its new checkpoint in one transaction, so that a pull
    // killed at any instant resumes exactly. An item with commands in the outbox keeps the
    // caseworker's view of it: the store sends it again after those commands are applied. The
    // items in `forget` are dropped, notes and history too (sensitive, no longer this user's).
    PullResult applyChanges(std::span<const GeneratedItem> items, qint64 nextSeq, std::span<const QString> forget = {});
    // The store applied a command: it leaves the outbox; later commands on the item, made on the
    // same version, are moved onto the new one.
    void commandApplied(const QString &commandId, qint64 version);
    // The store refused a command: it moves from the outbox to the conflicts, with the item as the
    // store has it now, which the cache then shows (if given).
    void commandRefused(const QString &commandId, Conflict::Kind kind, const QString &code, const QString &reason,
                        const std::optional<GeneratedItem> &theirs);
    // An item as the store has it, outside the feed (after a refusal).
    void writeSynced(const GeneratedItem &item);
    std::vector<Conflict> conflicts();
    int conflictCount();
    bool hasConflict(const QString &itemId);
    // Makes a refused change again as `command` (a new command, on the item as the store has it
    // now) and lets the conflict at `conflictRow` go, in one transaction: both, or neither, so that
    // a retry is never in the outbox while its conflict is still shown (a second retry would send
    // it twice). Not applied if the lifecycle refuses it, or if the conflict is already gone.
    CommandResult retryConflict(qint64 conflictRow, const Command &command, const User &user);
    // The user lets a conflict go without making it again.
    void discardConflict(qint64 row);

private:
    Cache(std::unique_ptr<sqlite::Database> db, const Clock &clock);
    CommandResult executeLocked(const Command &command, const User &user); // in a transaction of its own
    CommandResult applyLocked(const Command &command, const User &user);   // in the caller's
    void insertLocked(std::span<const GeneratedItem> items);
    enum class ItemKey { Id, Row };
    std::optional<WorkItem> readItem(ItemKey key, const QString &id, qint64 row = 0);
    std::vector<Event> eventsLocked(const QString &itemId);
    std::shared_ptr<const SlaRules> slaRulesLocked();
    void writeItem(const WorkItem &item);
    void writeSyncedLocked(const GeneratedItem &item);
    sqlite::Query query(const char *sql) { return m_statements.query(sql); } // reset when the borrow ends

    std::mutex m_mutex;
    std::unique_ptr<sqlite::Database> m_db;
    std::shared_ptr<const SlaRules> m_slaRules; // read from sync_state when first asked for
    sqlite::StatementCache m_statements;
    std::map<quint32, std::unique_ptr<sqlite::Statement>> m_syncedUpdates; // by the columns they set
    std::atomic<int> m_walPages{0}; // attach(): the log's size after the last commit
    int m_checkpointAt = 1000;      // attach(): the size at which checkpointIfDue() acts
    const Clock &m_clock;
};

} // namespace ibc::models
