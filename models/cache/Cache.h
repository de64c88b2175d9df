#pragma once

#include "Clock.h"
#include "Command.h"
#include "DemoGenerator.h"
#include "Lifecycle.h"
#include "User.h"
#include "WorkItem.h"

#include <QLoggingCategory>
#include <QString>

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <vector>

Q_DECLARE_LOGGING_CATEGORY(lcCache)

namespace ibc::models {

namespace sqlite {
class Database;
class Statement;
} // namespace sqlite

// What happened to a cache file that could not be used as it was.
struct CacheOpenReport {
    enum class Problem { None, NotOurs, Newer, Corrupt };
    Problem problem = Problem::None;
    QString movedTo;        // where the unusable file was moved (never deleted)
    QString exportedTo;     // unsent commands recovered from it, as JSON lines; empty if none
    int exportedCommands = 0;
    int fileVersion = 0;    // for Newer

    bool ok() const { return problem == Problem::None; }
    QString message() const; // a sentence for the user, translated
};

// A command waiting in the outbox to be sent to ibc-store.
struct OutboxEntry {
    qint64 seq = 0;
    Command command;
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
    static constexpr int kSchemaVersion = 3;
    static constexpr quint32 kApplicationId = 0x49424344; // "IBCD"

    // Opens the cache at `path`, creating or migrating it. A file that cannot be used is moved
    // aside and a fresh cache made in its place; `report` says what happened.
    // Throws sqlite::Error if no cache can be made there (a read-only folder, a full disk).
    static std::unique_ptr<Cache> open(const QString &path, CacheOpenReport *report = nullptr,
                                       const Clock &clock = SystemClock::instance());
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

    // "Next item": claims the most urgent unassigned item `user` may work (earliest due, then
    // highest priority) and returns it; nullopt when there is none.
    std::optional<WorkItem> claimNext(const User &user);

    int outboxCount();
    std::vector<OutboxEntry> outbox();

    QString syncValue(const QString &key);
    void setSyncValue(const QString &key, const QString &value);

private:
    Cache(std::unique_ptr<sqlite::Database> db, const Clock &clock);
    CommandResult executeLocked(const Command &command, const User &user);
    void insertLocked(std::span<const GeneratedItem> items);
    enum class ItemKey { Id, Row };
    std::optional<WorkItem> readItem(ItemKey key, const QString &id, qint64 row = 0);
    void writeItem(const WorkItem &item);
    sqlite::Statement &statement(const char *sql); // prepared once, reset for reuse

    std::mutex m_mutex;
    std::unique_ptr<sqlite::Database> m_db;
    std::map<const char *, std::unique_ptr<sqlite::Statement>> m_statements;
    const Clock &m_clock;
};

} // namespace ibc::models
