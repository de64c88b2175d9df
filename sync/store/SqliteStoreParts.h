#pragma once

// The embedded store's parts, shared by its files and by nothing else: the one SQLite file's
// connections and the helpers over them, and the SqliteStore class, whose functions are defined
// by what they are about: SqliteStore.cpp (opening, checkpoints, rules, backup), SqliteAccounts.cpp
// (users and sessions), SqliteFeed.cpp (the change feed and reads), SqliteCommands.cpp (commands
// and group commit), SqliteIntake.cpp (intake and seeding) and SqliteAudit.cpp (reading the audit
// log). Other code uses store/Store.h.
//
// Threads: every write (commands, intake, users, sessions, seeding) takes one mutex around the one
// write connection and runs in one IMMEDIATE transaction, so sequence numbers are handed out in
// commit order. Reads (the change feed, items, tokens) run on a small pool of read connections,
// each in its own read transaction: WAL gives each a committed snapshot, never half a batch.
#include "sqlite/Sqlite.h"
#include "store/Store.h"

#include <QLoggingCategory>
#include <QString>

#include <atomic>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

struct sqlite3;

Q_DECLARE_LOGGING_CATEGORY(lcSqliteStore)

namespace ibc::sync::sqlitestore {

using namespace models;
using namespace Qt::StringLiterals;
using sqlite::Database;
using sqlite::Statement;
using sqlite::Transaction;

constexpr int kReaders = 4;                      // read connections
constexpr int kCheckpointPages = 1000;           // WAL pages after which a checkpoint is started (off the commit path)
constexpr int kCheckpointForcePages = 64 * 1024; // beyond this, the checkpoint waits for readers
constexpr qint64 kClusterGap = 64;               // rows apart that a page still reads in one range scan
constexpr qint64 kSeedBatch = 20000;             // items per transaction while seeding
constexpr int kMinPasswordLength = 8;
constexpr EpochSecs kDay = 86400;
constexpr EpochSecs kClockSkew = 300; // how far ahead of ours a partner system's clock may be

using sqlite::compactJson;
using sqlite::jsonObject;
using sqlite::Query;
using sqlite::view;

// The columns every read of an item takes, in the order readRecord() expects.
#define ITEM_COLUMNS                                                                                                   \
    "row, seq, id, reference, kind, subtype, partner, status, priority, assignee, received, updated, due, "            \
    "version, fields, lease_until, sensitive, named"

// One SQLite connection and the statements prepared on it. Used by one thread at a time.
class Connection {
public:
    enum class Role { Writer, Reader };
    Connection(const QString &path, Role role) : m_db(path), m_statements(m_db)
    {
        m_db.exec("PRAGMA temp_store = MEMORY");
        // Pages read straight from the OS's cache, without a read() call and a copy for each.
        m_db.exec("PRAGMA mmap_size = 4294967296");
        if (role == Role::Writer) {
            m_db.exec("PRAGMA journal_mode = WAL");
            // Every commit is on disk before apply() returns: an acknowledged command survives
            // kill -9 and a power cut.
            m_db.exec("PRAGMA synchronous = FULL");
            m_db.exec("PRAGMA cache_size = -65536");
            m_db.exec("PRAGMA journal_size_limit = 67108864");
        } else {
            m_db.exec("PRAGMA cache_size = -32768");
        }
    }

    Database &db() { return m_db; }

    Query query(const char *sql) { return m_statements.query(sql); }

    // The i-th of the change feed's per-partner streams (a page merges several at once).
    Statement &feed(std::size_t i)
    {
        while (m_feeds.size() <= i)
            m_feeds.push_back(std::make_unique<Statement>(
                m_db.prepare("SELECT " ITEM_COLUMNS " FROM items WHERE partner = ? AND seq > ? ORDER BY seq")));
        return *m_feeds[i];
    }

private:
    Database m_db;
    sqlite::StatementCache m_statements;
    std::vector<std::unique_ptr<Statement>> m_feeds;
};

// Short texts that repeat on every row of a page (partners, subtypes, usernames, event types) are
// made into a QString once per page and shared: an open-addressed table, since a page asks it
// a few hundred thousand times.
class Interner {
public:
    // `capacity`: a power of two, about twice the distinct texts expected (it grows if need be).
    explicit Interner(std::size_t capacity = 256) : m_slots(capacity) {}

    QString get(std::string_view text)
    {
        if (text.empty())
            return QString();
        if (text.size() > 48)
            return make(text);
        if (m_used * 2 >= m_slots.size())
            grow();
        std::size_t h = 1469598103934665603ULL; // FNV-1a
        for (char ch : text)
            h = (h ^ static_cast<unsigned char>(ch)) * 1099511628211ULL;
        for (std::size_t i = h & (m_slots.size() - 1);; i = (i + 1) & (m_slots.size() - 1)) {
            Slot &slot = m_slots[i];
            if (slot.key.empty()) {
                slot = Slot{std::string(text), make(text), h};
                ++m_used;
                return slot.value;
            }
            if (slot.hash == h && slot.key == text)
                return slot.value;
        }
    }

private:
    struct Slot {
        std::string key;
        QString value;
        std::size_t hash = 0;
    };
    static QString make(std::string_view text) { return QString::fromUtf8(text.data(), qsizetype(text.size())); }
    void grow()
    {
        std::vector<Slot> old(m_slots.size() * 2);
        old.swap(m_slots);
        for (Slot &slot : old) {
            if (slot.key.empty())
                continue;
            std::size_t i = slot.hash & (m_slots.size() - 1);
            while (!m_slots[i].key.empty())
                i = (i + 1) & (m_slots.size() - 1);
            m_slots[i] = std::move(slot);
        }
    }

    std::vector<Slot> m_slots;
    std::size_t m_used = 0;
};

// A user's row, password hash and all.
struct Account {
    User user;
    QByteArray passwordHash;
    bool disabled = false;
};

struct ItemRow {
    qint64 row = 0;
    ItemRecord record;
};

// An item row as read with ITEM_COLUMNS from column 0. For the feed (`rawFields`), the kind's
// fields stay the JSON text the store keeps.
ItemRecord readRecord(const Statement &st, Interner &strings, bool rawFields = false);

// Fills in the notes and events of `records` (whose item rows are `rows`, in the same order):
// one range scan per cluster of nearby rows, never a query per item.
void attachHistory(Connection &c, std::vector<ItemRecord> &records, const std::vector<qint64> &rows, Interner &strings);

// The partners whose items `user` sees, in the partners' order: caseworkers, team leaders and
// auditors see their partners'; intake systems and admins see no items at all.
std::vector<QString> scopeOf(const User &user);

bool sees(const User &user, const QString &partner);

std::size_t partnerIndex(const QString &code);

QStringList splitPartners(const QString &joined);

qint64 metaValue(Connection &c, const char *key);

void setMetaValue(Connection &c, const char *key, qint64 value);

void audit(Connection &c, EpochSecs at, const QString &actor, const char *action, const QString &itemId,
           const QString &commandId, const QJsonObject &detail);

std::optional<Account> findAccount(Connection &c, const QString &username);

std::optional<ItemRow> findItem(Connection &c, const QString &id, Interner &strings);

void insertEvent(Connection &c, qint64 itemRow, qint64 seq, const Event &e);

void insertNote(Connection &c, qint64 itemRow, qint64 seq, const Note &note);

void checkPassword(const QString &username, const QString &password);

CommandOutcome rejected(const QString &commandId, const QString &code, const QString &reason);

// Refusals that do not depend on what the item is now: the role, the team, or the command's own
// payload. They are Rejected even when the user saw an older version, since looking at the item
// again would not change them.
bool refusedWhateverTheVersion(RefusalCode code);

const char *outcomeAction(CommandOutcome::Kind kind);

class SqliteStore final : public Store {
public:
    SqliteStore(const QString &path, const Clock &clock, EpochSecs tokenLifetime, EpochSecs claimLease);
    ~SqliteStore() override;

    void addUser(const User &user, const QString &password) override;
    void setPassword(const QString &username, const QString &password) override;
    void disableUser(const QString &username) override;
    void setChecker(const QString &username, bool checker) override;
    std::vector<User> users() override;

    std::optional<Session> login(const QString &username, const QString &password) override;
    std::optional<User> authenticate(const QString &token) override;

    void seed(qint64 items, quint64 seed, EpochSecs anchor) override;

    ChangePage changes(const User &user, qint64 since, int limit) override;
    qint64 changeCount(const User &user, qint64 since) override;
    std::vector<CommandOutcome> apply(const User &user, std::span<const Command> commands) override;
    ItemRecord intake(const User &user, const Intake &item, std::vector<FieldProblem> *problems) override;
    std::optional<ItemRecord> item(const User &user, const QString &id) override;
    Reference reference(const User &user) override;
    QString revealPersonalData(const User &user, const QString &itemId, const QString &field,
                               const QString &reason) override;
    AuditPage auditLog(const User &user, const AuditQuery &query) override;
    qint64 latestSeq(const User &user) override;
    std::shared_ptr<const SlaRules> slaRules() override;
    qint64 setSlaRules(const SlaRules &rules) override;
    void setModulusTables(const models::ModulusTables &tables) override;
    std::optional<models::ModulusTables> modulusTables() override;
    void backup(const QString &toPath) override;

private:
    // Runs `f` with a read connection: one from the pool, or (for an in-memory store) the writer.
    template <typename F>
    auto read(F &&f) -> decltype(f(std::declval<Connection &>()));

    // A batch waiting to be committed with others (group commit).
    struct PendingApply {
        const User *user = nullptr;
        std::span<const Command> commands;
        std::vector<CommandOutcome> outcomes;
        std::exception_ptr error;
        bool done = false;
    };
    void commitGroup(const std::vector<PendingApply *> &group);
    CommandOutcome applyOne(Connection &c, const User &user, const Command &command, qint64 &seq,
                            std::vector<std::pair<std::size_t, qint64>> &touched);
    CommandOutcome decideAndApply(Connection &c, const User &user, const Command &command, qint64 &seq,
                                  std::vector<std::pair<std::size_t, qint64>> &touched);
    CommandOutcome applyEffect(Connection &c, const Command &command, const ItemRow &found, const Effect &effect,
                               Interner &strings, qint64 &seq, std::vector<std::pair<std::size_t, qint64>> &touched);
    void publish(const std::vector<std::pair<std::size_t, qint64>> &touched);
    void loadLatest(Connection &c);

    // Service levels: the rules in force, with handling times measured at most hourly.
    std::shared_ptr<const SlaRules> loadRules(Connection &c);
    // The imported modulus tables into m_modulus and in force, if there are any and they read.
    void loadModulusTables(Connection &c);
    std::shared_ptr<const SlaRules> rulesInForce(); // as they are: never measures (callers may hold the writer)
    qint64 retime(Connection &c, const SlaRules &rules, std::vector<std::pair<std::size_t, qint64>> &touched);
    std::mutex m_rulesMutex;
    std::shared_ptr<const SlaRules> m_rules;        // under m_rulesMutex
    EpochSecs m_handlingMeasured = 0;               // under m_rulesMutex
    std::optional<models::ModulusTables> m_modulus; // under m_rulesMutex

    const Clock &m_clock;
    const EpochSecs m_tokenLifetime;
    const EpochSecs m_claimLease;

    std::mutex m_writeMutex;
    std::unique_ptr<Connection> m_writer;

    // Group commit: batches from concurrent requests are committed together. The first to arrive
    // while no group is being written leads, takes every batch waiting (its own among them) and
    // commits them in one transaction; the others wait for that commit and return with it. Each
    // batch is still all or nothing on its own (a savepoint each), every outcome is returned only
    // once the commit that made it durable is on disk, and seq still rises in commit order. Under
    // load, many small transactions, each paying for its own WAL write and fsync, become a few
    // large ones.
    std::mutex m_groupMutex;
    std::condition_variable m_groupDone;
    std::vector<PendingApply *> m_waiting;
    bool m_leading = false;

    std::mutex m_poolMutex;
    std::condition_variable m_poolFree;
    std::vector<std::unique_ptr<Connection>> m_readers;
    std::vector<Connection *> m_idle;

    // Checkpoints (copying the WAL back into the database file) run on a thread and a connection
    // of their own, so that no commit waits for one: the writer's automatic checkpoints are off,
    // and its WAL hook wakes this thread once the WAL holds kCheckpointPages.
    static int walHook(void *store, sqlite3 *db, const char *name, int pages);
    void checkpointLoop();
    std::unique_ptr<Connection> m_checkpointer;
    std::thread m_checkpointThread;
    std::mutex m_checkpointMutex;
    std::condition_variable m_checkpointWanted;
    int m_walPages = 0;      // under m_checkpointMutex
    bool m_stopping = false; // under m_checkpointMutex

    // The newest seq of each partner's items (partners() order), for latestSeq without a query.
    std::vector<std::atomic<qint64>> m_latest;
};

template <typename F>
auto SqliteStore::read(F &&f) -> decltype(f(std::declval<Connection &>()))
{
    if (m_readers.empty()) {
        std::lock_guard lock(m_writeMutex);
        return f(*m_writer);
    }
    Connection *c = nullptr;
    {
        std::unique_lock lock(m_poolMutex);
        m_poolFree.wait(lock, [this] { return !m_idle.empty(); });
        c = m_idle.back();
        m_idle.pop_back();
    }
    struct Return {
        SqliteStore *store;
        Connection *c;
        ~Return()
        {
            {
                std::lock_guard lock(store->m_poolMutex);
                store->m_idle.push_back(c);
            }
            store->m_poolFree.notify_one();
        }
    } giveBack{this, c};
    return f(*c);
}

} // namespace ibc::sync::sqlitestore
