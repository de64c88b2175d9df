// The embedded store: one SQLite file in WAL mode.
//
// Threads: every write (commands, intake, users, sessions, seeding) takes one mutex around the one
// write connection and runs in one IMMEDIATE transaction, so sequence numbers are handed out in
// commit order. Reads (the change feed, items, tokens) run on a small pool of read connections,
// each in its own read transaction: WAL gives each a committed snapshot, never half a batch.
#include "store/Store.h"

#include "store/Passwords.h"
#include "store/SeedBatch.h"
#include "store/StoredOutcome.h"
#include "store/StoreSchema.h"

#include "domain/DemoGenerator.h"
#include "domain/Fields.h"
#include "domain/Partner.h"
#include "domain/Sla.h"
#include "sqlite/Sqlite.h"

#include <sqlite3.h>

#include <QDate>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QUuid>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <future>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>

Q_LOGGING_CATEGORY(lcSqliteStore, "ibc.store.sqlite")

namespace ibc::sync {

using namespace models;
using namespace Qt::StringLiterals;
using sqlite::Database;
using sqlite::Statement;
using sqlite::Transaction;

namespace {

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
    "version, fields, lease_until"

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

// An item row as read with ITEM_COLUMNS from column 0. For the feed (`rawFields`), the kind's
// fields stay the JSON text the store keeps.
ItemRecord readRecord(const Statement &st, Interner &strings, bool rawFields = false)
{
    ItemRecord r;
    r.seq = st.int64(1);
    WorkItem &it = r.item;
    it.id = st.text(2);
    it.reference = st.text(3);
    it.kind = Kind(st.int64(4));
    it.subtype = strings.get(st.utf8(5));
    it.partner = strings.get(st.utf8(6));
    it.status = Status(st.int64(7));
    it.priority = Priority(st.int64(8));
    it.assignee = strings.get(st.utf8(9));
    it.received = st.int64(10);
    it.updated = st.int64(11);
    it.due = st.int64(12);
    it.version = st.int64(13);
    if (rawFields) {
        const std::string_view json = st.utf8(14);
        r.fieldsJson = QByteArray(json.data(), qsizetype(json.size()));
    } else {
        it.fields = jsonObject(st.utf8(14));
    }
    it.leaseUntil = st.int64(15);
    return r;
}

// Reads one history table over rows lo..hi (ordered by item_row, n) into the records the cluster
// order[begin, end) names: each item's entries are gathered, then moved into one exact allocation.
template <typename T, typename Make>
void readHistory(Statement &st, std::vector<ItemRecord> &records,
                 const std::vector<std::pair<qint64, std::size_t>> &order, std::size_t begin, std::size_t end,
                 std::vector<T> ItemRecord::*member, std::vector<T> &scratch, Make make)
{
    std::size_t p = begin;
    std::size_t owner = records.size(); // the record `scratch` belongs to
    auto flush = [&] {
        if (owner < records.size() && !scratch.empty())
            (records[owner].*member)
                .assign(std::make_move_iterator(scratch.begin()), std::make_move_iterator(scratch.end()));
        scratch.clear();
    };
    while (st.step()) {
        const qint64 row = st.int64(0);
        while (p < end && order[p].first < row)
            ++p;
        if (p == end)
            break;
        if (order[p].first != row)
            continue;
        if (order[p].second != owner) {
            flush();
            owner = order[p].second;
        }
        scratch.push_back(make(records[owner].item.id));
    }
    flush();
}

// Fills in the notes and events of `records` (whose item rows are `rows`, in the same order):
// one range scan per cluster of nearby rows, never a query per item.
void attachHistory(Connection &c, std::vector<ItemRecord> &records, const std::vector<qint64> &rows, Interner &strings)
{
    std::vector<std::pair<qint64, std::size_t>> order(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i)
        order[i] = {rows[i], i};
    std::sort(order.begin(), order.end());

    std::vector<Event> events;
    std::vector<Note> notes;
    events.reserve(64);
    notes.reserve(16);
    for (std::size_t begin = 0; begin < order.size();) {
        std::size_t end = begin + 1;
        while (end < order.size() && order[end].first - order[end - 1].first <= kClusterGap)
            ++end;
        const qint64 lo = order[begin].first, hi = order[end - 1].first;
        {
            Query q = c.query("SELECT item_row, at, actor, type, from_status, to_status, detail FROM events "
                              "WHERE item_row BETWEEN ? AND ? ORDER BY item_row, n");
            q->bind(1, lo).bind(2, hi);
            const Statement &st = *q;
            readHistory(*q, records, order, begin, end, &ItemRecord::events, events, [&](const QString &itemId) {
                return Event{itemId,
                             st.int64(1),
                             strings.get(st.utf8(2)),
                             strings.get(st.utf8(3)),
                             Status(st.int64(4)),
                             Status(st.int64(5)),
                             strings.get(st.utf8(6))};
            });
        }
        {
            Query q = c.query("SELECT item_row, at, author, text FROM notes WHERE item_row BETWEEN ? AND ? "
                              "ORDER BY item_row, n");
            q->bind(1, lo).bind(2, hi);
            const Statement &st = *q;
            readHistory(*q, records, order, begin, end, &ItemRecord::notes, notes, [&](const QString &itemId) {
                return Note{itemId, st.int64(1), strings.get(st.utf8(2)), st.text(3)};
            });
        }
        begin = end;
    }
}

// The partners whose items `user` sees, in the partners' order: caseworkers, team leaders and
// auditors see their partners'; intake systems and admins see no items at all.
std::vector<QString> scopeOf(const User &user)
{
    std::vector<QString> scope;
    if (user.role != Role::Caseworker && user.role != Role::TeamLeader && user.role != Role::Auditor)
        return scope;
    for (const Partner &p : partners())
        if (user.worksFor(QLatin1String(p.code)))
            scope.push_back(QLatin1String(p.code));
    return scope;
}

bool sees(const User &user, const QString &partner)
{
    return (user.role == Role::Caseworker || user.role == Role::TeamLeader || user.role == Role::Auditor) &&
           user.worksFor(partner) && isPartnerCode(partner);
}

std::size_t partnerIndex(const QString &code)
{
    const auto all = partners();
    for (std::size_t i = 0; i < all.size(); ++i)
        if (code == QLatin1String(all[i].code))
            return i;
    return all.size();
}

QStringList splitPartners(const QString &joined) { return joined.split(QLatin1Char(','), Qt::SkipEmptyParts); }

qint64 metaValue(Connection &c, const char *key)
{
    Query q = c.query("SELECT value FROM meta WHERE key = ?");
    q->bind(1, std::string_view(key));
    return q->step() ? q->int64(0) : 0;
}

void setMetaValue(Connection &c, const char *key, qint64 value)
{
    Query q =
        c.query("INSERT INTO meta(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    q->bind(1, std::string_view(key)).bind(2, value);
    q->run();
}

void audit(Connection &c, EpochSecs at, const QString &actor, const char *action, const QString &itemId,
           const QString &commandId, const QJsonObject &detail)
{
    Query q = c.query("INSERT INTO audit(row, at, actor, action, item_id, command_id, detail) "
                      "VALUES((SELECT coalesce(max(row), 0) + 1 FROM audit), ?,?,?,?,?,?)");
    q->bind(1, at).bind(2, actor).bind(3, std::string_view(action)).bind(4, itemId).bind(5, commandId);
    q->bind(6, view(compactJson(detail)));
    q->run();
}

// A user's row, password hash and all.
struct Account {
    User user;
    QByteArray passwordHash;
    bool disabled = false;
};

std::optional<Account> findAccount(Connection &c, const QString &username)
{
    Query q = c.query("SELECT username, display_name, role, partners, password_hash, disabled FROM users "
                      "WHERE username = ?");
    q->bind(1, username);
    if (!q->step())
        return std::nullopt;
    Account a;
    a.user = User{q->text(0), q->text(1), models::Role(q->int64(2)), splitPartners(q->text(3))};
    const std::string_view hash = q->utf8(4);
    a.passwordHash = QByteArray(hash.data(), qsizetype(hash.size()));
    a.disabled = q->int64(5) != 0;
    return a;
}

struct ItemRow {
    qint64 row = 0;
    ItemRecord record;
};

std::optional<ItemRow> findItem(Connection &c, const QString &id, Interner &strings)
{
    Query q = c.query("SELECT " ITEM_COLUMNS " FROM items WHERE id = ?");
    q->bind(1, id);
    if (!q->step())
        return std::nullopt;
    ItemRow r{q->int64(0), readRecord(*q, strings)};
    return r;
}

void insertEvent(Connection &c, qint64 itemRow, qint64 seq, const Event &e)
{
    qint64 n = 0;
    {
        Query q = c.query("SELECT coalesce(max(n) + 1, 0) FROM events WHERE item_row = ?");
        q->bind(1, itemRow);
        if (q->step())
            n = q->int64(0);
    }
    Query q = c.query("INSERT INTO events(item_row, n, seq, at, actor, type, from_status, to_status, detail) "
                      "VALUES(?,?,?,?,?,?,?,?,?)");
    q->bind(1, itemRow).bind(2, n).bind(3, seq).bind(4, e.at).bind(5, e.actor).bind(6, e.type);
    q->bind(7, int(e.from)).bind(8, int(e.to)).bind(9, e.detail);
    q->run();
}

void insertNote(Connection &c, qint64 itemRow, qint64 seq, const Note &note)
{
    qint64 n = 0;
    {
        Query q = c.query("SELECT coalesce(max(n) + 1, 0) FROM notes WHERE item_row = ?");
        q->bind(1, itemRow);
        if (q->step())
            n = q->int64(0);
    }
    Query q = c.query("INSERT INTO notes(item_row, n, seq, at, author, text) VALUES(?,?,?,?,?,?)");
    q->bind(1, itemRow).bind(2, n).bind(3, seq).bind(4, note.at).bind(5, note.author).bind(6, note.text);
    q->run();
}

void checkPassword(const QString &username, const QString &password)
{
    if (password.size() < kMinPasswordLength)
        throw StoreError(u"weak_password"_s,
                         QStringLiteral("A password needs at least %1 characters.").arg(kMinPasswordLength));
    if (password.compare(username, Qt::CaseInsensitive) == 0)
        throw StoreError(u"weak_password"_s, u"A password must not be the username."_s);
}

CommandOutcome rejected(const QString &commandId, const QString &code, const QString &reason)
{
    CommandOutcome o;
    o.commandId = commandId;
    o.kind = CommandOutcome::Kind::Rejected;
    o.code = code;
    o.reason = reason;
    return o;
}

// Refusals that do not depend on what the item is now: the role, the team, or the command's own
// payload. They are Rejected even when the user saw an older version, since looking at the item
// again would not change them.
bool refusedWhateverTheVersion(RefusalCode code)
{
    switch (code) {
    case RefusalCode::ReadOnlyRole:
    case RefusalCode::UnknownAssignee:
    case RefusalCode::ReasonRequired:
    case RefusalCode::OutcomeRequired:
    case RefusalCode::UnknownOutcome:
    case RefusalCode::NoteEmpty:
    case RefusalCode::AssigneeRequired:
    case RefusalCode::FieldsRequired:
    case RefusalCode::InvalidField: return true;
    default: return false;
    }
}

const char *outcomeAction(CommandOutcome::Kind kind)
{
    switch (kind) {
    case CommandOutcome::Kind::Applied: return "command.applied";
    case CommandOutcome::Kind::Rejected: return "command.rejected";
    case CommandOutcome::Kind::Conflict: return "command.conflict";
    }
    return "command";
}

// Restores the write connection's durability settings when a seed ends, however it ends.
class SeedSettings {
public:
    explicit SeedSettings(Database &db) : m_db(db)
    {
        // A seed is a one-off load of a new demo store: if it dies, the store is marked incomplete
        // and refused, so nothing is lost by not syncing each batch.
        m_db.exec("PRAGMA synchronous = OFF");
        m_db.exec("PRAGMA cache_size = -262144");
        m_db.exec("PRAGMA threads = 2"); // CREATE INDEX sorts on a helper thread too
    }
    ~SeedSettings()
    {
        try {
            m_db.exec("PRAGMA synchronous = FULL");
            m_db.exec("PRAGMA cache_size = -65536");
            m_db.exec("PRAGMA threads = 0");
        } catch (const std::exception &e) {
            qCCritical(lcSqliteStore) << "could not restore synchronous=FULL after seeding:" << e.what();
        }
    }

private:
    Database &m_db;
};

class SqliteStore final : public Store {
public:
    SqliteStore(const QString &path, const Clock &clock, EpochSecs tokenLifetime, EpochSecs claimLease);
    ~SqliteStore() override;

    void addUser(const User &user, const QString &password) override;
    void setPassword(const QString &username, const QString &password) override;
    void disableUser(const QString &username) override;
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
    qint64 latestSeq(const User &user) override;
    std::shared_ptr<const SlaRules> slaRules() override;
    qint64 setSlaRules(const SlaRules &rules) override;
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
    void publish(const std::vector<std::pair<std::size_t, qint64>> &touched);
    void loadLatest(Connection &c);

    // Service levels: the rules in force, with handling times measured at most hourly.
    std::shared_ptr<const SlaRules> loadRules(Connection &c);
    std::shared_ptr<const SlaRules> rulesInForce(); // as they are: never measures (callers may hold the writer)
    qint64 retime(Connection &c, const SlaRules &rules, std::vector<std::pair<std::size_t, qint64>> &touched);
    std::mutex m_rulesMutex;
    std::shared_ptr<const SlaRules> m_rules; // under m_rulesMutex
    EpochSecs m_handlingMeasured = 0;        // under m_rulesMutex

    const Clock &m_clock;
    const EpochSecs m_tokenLifetime;
    const EpochSecs m_claimLease;

    std::mutex m_writeMutex;
    std::unique_ptr<Connection> m_writer;

    // Group commit: batches that arrive while one group is being committed wait, and the next
    // of them to wake commits them all in one transaction (one fsync).
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

SqliteStore::SqliteStore(const QString &path, const Clock &clock, EpochSecs tokenLifetime, EpochSecs claimLease)
    : m_clock(clock)
    , m_tokenLifetime(tokenLifetime)
    , m_claimLease(claimLease)
    , m_latest(partners().size())
{
    const bool memory = path == QLatin1String(":memory:") || path.isEmpty();
    if (!memory) {
        schema::inspect(path);
        if (!QFileInfo::exists(path)) {
            // Made here, so that the store and the WAL SQLite makes beside it are private: the
            // file holds password hashes and people's personal data.
            QFile f(path);
            if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly))
                throw StoreError(u"cannot_open"_s, QStringLiteral("Cannot create %1: %2").arg(path, f.errorString()));
            f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        }
    }

    try {
        m_writer = std::make_unique<Connection>(path, Connection::Role::Writer);
    } catch (const sqlite::Error &e) {
        throw StoreError(u"cannot_open"_s, QStringLiteral("Cannot open %1: %2").arg(path, QString::fromUtf8(e.what())));
    }
    schema::migrate(m_writer->db(), path);
    if (metaValue(*m_writer, "seeding") != 0)
        throw StoreError(u"incomplete_seed"_s,
                         QStringLiteral("%1 holds a demo seed that was cut short; it is incomplete. Delete it and "
                                        "seed a new store.")
                             .arg(path));
    schema::createIndexes(m_writer->db());
    m_rules = loadRules(*m_writer);
    m_handlingMeasured = m_clock.now();
    if (metaValue(*m_writer, "retime_due") != 0) {
        // A new schema's rules: every open item's due time is set again under them.
        Transaction tx(m_writer->db());
        std::vector<std::pair<std::size_t, qint64>> touched;
        const qint64 moved = retime(*m_writer, *m_rules, touched);
        setMetaValue(*m_writer, "retime_due", 0);
        tx.commit();
        if (moved)
            qCInfo(lcSqliteStore) << "set the due times of" << moved << "open items again under the working-time rules";
    }
    loadLatest(*m_writer);

    if (!memory) {
        for (int i = 0; i < kReaders; ++i) {
            m_readers.push_back(std::make_unique<Connection>(path, Connection::Role::Reader));
            m_idle.push_back(m_readers.back().get());
        }
    }
    if (!memory) {
        m_checkpointer = std::make_unique<Connection>(path, Connection::Role::Reader);
        m_checkpointer->db().exec("PRAGMA synchronous = FULL"); // the database file is synced after each checkpoint
        sqlite3_wal_hook(m_writer->db().handle(), &SqliteStore::walHook, this);
        m_checkpointThread = std::thread([this] { checkpointLoop(); });
    }
    passwords::dummyHash(); // now, rather than during the first sign-in
}

SqliteStore::~SqliteStore()
{
    if (m_checkpointThread.joinable()) {
        {
            std::lock_guard lock(m_checkpointMutex);
            m_stopping = true;
        }
        m_checkpointWanted.notify_one();
        m_checkpointThread.join();
        sqlite3_wal_hook(m_writer->db().handle(), nullptr, nullptr);
    }
}

// Called by SQLite on the writer's thread after each commit, with the WAL's size in pages.
int SqliteStore::walHook(void *store, sqlite3 *, const char *, int pages)
{
    auto *self = static_cast<SqliteStore *>(store);
    if (pages >= kCheckpointPages) {
        {
            std::lock_guard lock(self->m_checkpointMutex);
            self->m_walPages = pages;
        }
        self->m_checkpointWanted.notify_one();
    }
    return SQLITE_OK;
}

void SqliteStore::checkpointLoop()
{
    std::unique_lock lock(m_checkpointMutex);
    for (;;) {
        m_checkpointWanted.wait(lock, [this] { return m_walPages > 0 || m_stopping; });
        if (m_stopping)
            return;
        const int pages = m_walPages;
        m_walPages = 0;
        lock.unlock();
        // PASSIVE copies what no reader still needs and never blocks the writer. If readers keep
        // the WAL from ever being copied whole, it grows; past a limit the checkpoint waits for them.
        const int mode = pages >= kCheckpointForcePages ? SQLITE_CHECKPOINT_RESTART : SQLITE_CHECKPOINT_PASSIVE;
        const int rc = sqlite3_wal_checkpoint_v2(m_checkpointer->db().handle(), "main", mode, nullptr, nullptr);
        if (rc != SQLITE_OK && rc != SQLITE_BUSY)
            qCWarning(lcSqliteStore) << "checkpoint failed:" << sqlite3_errstr(rc);
        lock.lock();
    }
}

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

void SqliteStore::loadLatest(Connection &c)
{
    const auto all = partners();
    for (std::size_t i = 0; i < all.size(); ++i) {
        Query q = c.query("SELECT max(seq) FROM items WHERE partner = ?");
        q->bind(1, std::string_view(all[i].code));
        m_latest[i] = q->step() ? q->int64(0) : 0;
    }
}

void SqliteStore::publish(const std::vector<std::pair<std::size_t, qint64>> &touched)
{
    for (const auto &[partner, seq] : touched)
        if (partner < m_latest.size() && m_latest[partner].load() < seq)
            m_latest[partner] = seq; // only the writer, under its mutex, stores
}

// ---- Users

void SqliteStore::addUser(const User &user, const QString &password)
{
    if (auto problem = usernameProblem(user.username))
        throw *problem;
    if (int(user.role) < int(models::Role::Caseworker) || int(user.role) > int(models::Role::Admin))
        throw StoreError(u"invalid_role"_s,
                         u"The role is not one of caseworker, team_leader, auditor, intake, admin."_s);
    for (const QString &p : user.partners)
        if (!isPartnerCode(p))
            throw StoreError(u"invalid_partner"_s, QStringLiteral("%1 is not a partner code (one of: %2).")
                                                       .arg(p, partnerCodes().join(QStringLiteral(", "))));
    checkPassword(user.username, password);
    const QByteArray hash = passwords::hash(password); // slow on purpose: outside the lock

    std::lock_guard lock(m_writeMutex);
    Connection &c = *m_writer;
    Transaction tx(c.db());
    if (findAccount(c, user.username))
        throw StoreError(u"username_taken"_s, QStringLiteral("There is already a user called %1.").arg(user.username));
    QStringList partnerList = user.partners;
    partnerList.removeDuplicates();
    {
        Query q = c.query("INSERT INTO users(username, display_name, role, partners, password_hash, disabled) "
                          "VALUES(?,?,?,?,?,0)");
        q->bind(1, user.username).bind(2, user.displayName.isEmpty() ? user.username : user.displayName);
        q->bind(3, int(user.role)).bind(4, partnerList.join(QLatin1Char(','))).bind(5, view(hash));
        q->run();
    }
    audit(c, m_clock.now(), u"system"_s, "user.added", {}, {},
          QJsonObject{{u"username"_s, user.username},
                      {u"role"_s, roleName(user.role)},
                      {u"partners"_s, partnerList.join(QLatin1Char(','))}});
    tx.commit();
}

void SqliteStore::setPassword(const QString &username, const QString &password)
{
    checkPassword(username, password);
    const QByteArray hash = passwords::hash(password);
    std::lock_guard lock(m_writeMutex);
    Connection &c = *m_writer;
    Transaction tx(c.db());
    if (!findAccount(c, username))
        throw StoreError(u"unknown_user"_s, QStringLiteral("There is no user called %1.").arg(username));
    {
        Query q = c.query("UPDATE users SET password_hash = ? WHERE username = ?");
        q->bind(1, view(hash)).bind(2, username);
        q->run();
    }
    {
        // A new password signs out every session made with the old one.
        Query q = c.query("DELETE FROM sessions WHERE username = ?");
        q->bind(1, username);
        q->run();
    }
    audit(c, m_clock.now(), u"system"_s, "user.password_set", {}, {}, QJsonObject{{u"username"_s, username}});
    tx.commit();
}

void SqliteStore::disableUser(const QString &username)
{
    std::lock_guard lock(m_writeMutex);
    Connection &c = *m_writer;
    Transaction tx(c.db());
    if (!findAccount(c, username))
        throw StoreError(u"unknown_user"_s, QStringLiteral("There is no user called %1.").arg(username));
    {
        Query q = c.query("UPDATE users SET disabled = 1 WHERE username = ?");
        q->bind(1, username);
        q->run();
    }
    {
        Query q = c.query("DELETE FROM sessions WHERE username = ?");
        q->bind(1, username);
        q->run();
    }
    audit(c, m_clock.now(), u"system"_s, "user.disabled", {}, {}, QJsonObject{{u"username"_s, username}});
    tx.commit();
}

std::vector<User> SqliteStore::users()
{
    return read([](Connection &c) {
        std::vector<User> out;
        Query q = c.query("SELECT username, display_name, role, partners FROM users ORDER BY username");
        while (q->step())
            out.push_back(User{q->text(0), q->text(1), models::Role(q->int64(2)), splitPartners(q->text(3))});
        return out;
    });
}

// ---- Sessions

std::optional<Session> SqliteStore::login(const QString &username, const QString &password)
{
    const std::optional<Account> account = read([&](Connection &c) { return findAccount(c, username); });
    // The same Argon2id work whether the user is unknown, disabled, has no password or typed the
    // wrong one: verify() checks an unusable hash against a dummy of the same cost.
    const bool match = passwords::verify(account ? account->passwordHash : QByteArray(), password);
    const bool ok = match && account && !account->disabled;

    const EpochSecs now = m_clock.now();
    std::optional<Session> session;
    std::lock_guard lock(m_writeMutex);
    Connection &c = *m_writer;
    Transaction tx(c.db());
    if (ok) {
        session = Session{passwords::newToken(), now + m_tokenLifetime, account->user};
        {
            Query q = c.query("INSERT INTO sessions(token_hash, username, created, expires) VALUES(?,?,?,?)");
            const QByteArray hash = passwords::tokenHash(session->token);
            q->bind(1, view(hash)).bind(2, account->user.username).bind(3, now).bind(4, session->expires);
            q->run();
        }
        {
            Query q = c.query("DELETE FROM sessions WHERE expires <= ?");
            q->bind(1, now);
            q->run();
        }
        audit(c, now, account->user.username, "session.created", {}, {}, QJsonObject{{u"expires"_s, session->expires}});
    } else {
        // Only a known username is written down: a password typed into the username box must
        // not end up in an append-only log.
        audit(c, now, account ? account->user.username : u"(unknown)"_s, "session.refused", {}, {},
              QJsonObject{{u"known_user"_s, bool(account)}});
    }
    tx.commit();
    return session;
}

std::optional<User> SqliteStore::authenticate(const QString &token)
{
    if (token.isEmpty() || token.size() > 256)
        return std::nullopt;
    const QByteArray hash = passwords::tokenHash(token);
    const EpochSecs now = m_clock.now();
    return read([&](Connection &c) -> std::optional<User> {
        Query q = c.query("SELECT s.expires, u.username, u.display_name, u.role, u.partners, u.disabled "
                          "FROM sessions s JOIN users u ON u.username = s.username WHERE s.token_hash = ?");
        q->bind(1, view(hash));
        if (!q->step() || q->int64(0) <= now || q->int64(5) != 0)
            return std::nullopt;
        return User{q->text(1), q->text(2), models::Role(q->int64(3)), splitPartners(q->text(4))};
    });
}

// ---- Seeding

void SqliteStore::seed(qint64 count, quint64 seed, EpochSecs anchor)
{
    if (count < 0)
        throw StoreError(u"invalid_count"_s, u"The number of items to seed cannot be negative."_s);

    // The documented demo accounts (the first six) get "demo-" + username; the rest of the floor
    // exists to hold work and cannot sign in.
    const std::vector<User> demo = DemoGenerator::demoUsers();
    constexpr std::size_t kAccounts = 6;
    std::vector<std::future<QByteArray>> hashes;
    for (std::size_t i = 0; i < std::min(kAccounts, demo.size()); ++i)
        hashes.push_back(std::async(
            std::launch::async, [name = demo[i].username] { return passwords::hash(QStringLiteral("demo-") + name); }));

    std::lock_guard lock(m_writeMutex);
    Connection &c = *m_writer;
    Database &db = c.db();
    if (db.scalar("SELECT count(*) FROM items") > 0 || db.scalar("SELECT count(*) FROM users") > 0)
        throw StoreError(u"not_empty"_s,
                         u"Only a new, empty store can be seeded with demo data: this one already has items "
                         "or users."_s);
    const EpochSecs now = m_clock.now();
    {
        Transaction tx(db);
        Query q = c.query("INSERT INTO users(username, display_name, role, partners, password_hash, disabled) "
                          "VALUES(?,?,?,?,?,0)");
        for (std::size_t i = 0; i < demo.size(); ++i) {
            const User &u = demo[i];
            const QByteArray hash = i < hashes.size() ? hashes[i].get() : QByteArray();
            q->bind(1, u.username).bind(2, u.displayName).bind(3, int(u.role));
            q->bind(4, u.partners.join(QLatin1Char(','))).bind(5, view(hash));
            q->run();
        }
        setMetaValue(c, "seeding", 1);
        tx.commit();
    }

    {
        SeedSettings settings(db);
        schema::dropIndexes(db);
        QElapsedTimer timer;
        timer.start();

        DemoGenerator generator(seed, anchor);
        // One batch ahead: the generator fills and encodes the next batch on its own thread while
        // this one writes the current batch.
        auto makeBatch = [&generator](qint64 first, qint64 n) { return SeedBatch::make(generator, first, n); };
        std::future<SeedBatch> next;
        if (count > 0)
            next = std::async(std::launch::async, makeBatch, 1, std::min(kSeedBatch, count));
        qint64 written = 0;
        while (written < count) {
            const SeedBatch batch = next.get();
            const qint64 after = written + qint64(batch.items().size());
            if (after < count)
                next = std::async(std::launch::async, makeBatch, after + 1, std::min(kSeedBatch, count - after));
            Transaction tx(db);
            Query insItem = c.query("INSERT INTO items(row, id, reference, kind, subtype, partner, status, priority, "
                                    "assignee, received, updated, due, version, fields, seq) "
                                    "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
            Query insEvent = c.query("INSERT INTO events(item_row, n, seq, at, actor, type, from_status, to_status, "
                                     "detail) VALUES(?,?,?,?,?,?,?,?,?)");
            Query insNote = c.query("INSERT INTO notes(item_row, n, seq, at, author, text) VALUES(?,?,?,?,?,?)");
            // Seeded items are numbered 1..N: row, seq and reference number are the same.
            for (const SeedBatch::Item &it : batch.items()) {
                insItem->bind(1, it.row).bind(2, batch.text(it.id)).bind(3, batch.text(it.reference)).bind(4, it.kind);
                insItem->bind(5, batch.text(it.subtype)).bind(6, batch.text(it.partner)).bind(7, it.status);
                insItem->bind(8, it.priority).bind(9, batch.text(it.assignee)).bind(10, it.received);
                insItem->bind(11, it.updated).bind(12, it.due).bind(13, it.version).bind(14, batch.text(it.fields));
                insItem->bind(15, it.row);
                insItem->run();
            }
            for (const SeedBatch::Event &e : batch.events()) {
                insEvent->bind(1, e.row).bind(2, e.n).bind(3, e.row).bind(4, e.at).bind(5, batch.text(e.actor));
                insEvent->bind(6, batch.text(e.type)).bind(7, e.from).bind(8, e.to).bind(9, batch.text(e.detail));
                insEvent->run();
            }
            for (const SeedBatch::Note &n : batch.notes()) {
                insNote->bind(1, n.row).bind(2, n.n).bind(3, n.row).bind(4, n.at).bind(5, batch.text(n.author));
                insNote->bind(6, batch.text(n.text));
                insNote->run();
            }
            tx.commit();
            written = after;
        }

        const double loadSecs = double(timer.nsecsElapsed()) / 1e9;
        schema::createIndexes(db);
        qCInfo(lcSqliteStore, "seeded %lld items in %.1f s, then built the indexes in %.1f s", count, loadSecs,
               double(timer.nsecsElapsed()) / 1e9 - loadSecs);
        Transaction tx(db);
        setMetaValue(c, "seq", count);
        setMetaValue(c, "reference", count);
        db.exec("DELETE FROM meta WHERE key = 'seeding'");
        audit(c, now, u"system"_s, "store.seeded", {}, {},
              QJsonObject{{u"items"_s, count},
                          {u"seed"_s, QString::number(seed)},
                          {u"anchor"_s, anchor},
                          {u"users"_s, qint64(demo.size())}});
        tx.commit();
    }
    // Durable from here on, and the WAL the load grew folded back into the file.
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
    loadLatest(c);
}

// ---- The change feed

ChangePage SqliteStore::changes(const User &user, qint64 since, int limit)
{
    limit = std::clamp(limit, 1, kMaxPageItems);
    since = std::max<qint64>(since, 0);
    const std::vector<QString> scope = scopeOf(user);
    return read([&](Connection &c) {
        ChangePage page;
        Transaction tx(c.db(), false); // one snapshot for the page, its history and the latest seq
        const qint64 latest = metaValue(c, "seq");
        std::vector<qint64> rows;
        Interner strings;
        page.items.reserve(std::size_t(std::min<qint64>(limit, std::max<qint64>(latest - since, 0))));

        if (scope.size() == partners().size()) {
            Query q = c.query("SELECT " ITEM_COLUMNS " FROM items WHERE seq > ? ORDER BY seq LIMIT ?");
            q->bind(1, since).bind(2, limit + 1);
            while (q->step()) {
                if (int(page.items.size()) == limit) {
                    page.more = true;
                    break;
                }
                rows.push_back(q->int64(0));
                page.items.push_back(readRecord(*q, strings, true));
            }
        } else if (!scope.empty()) {
            // Each partner's changes in seq order from the (partner, seq) index, merged.
            std::vector<Statement *> streams;
            std::vector<bool> live;
            struct ResetAll {
                std::vector<Statement *> &streams;
                ~ResetAll()
                {
                    for (Statement *st : streams)
                        st->reset();
                }
            } resetAll{streams};
            for (std::size_t i = 0; i < scope.size(); ++i) {
                Statement &st = c.feed(i);
                st.reset();
                streams.push_back(&st);
                st.bind(1, scope[i]).bind(2, since);
                live.push_back(st.step());
            }
            while (true) {
                std::size_t best = streams.size();
                for (std::size_t i = 0; i < streams.size(); ++i)
                    if (live[i] && (best == streams.size() || streams[i]->int64(1) < streams[best]->int64(1)))
                        best = i;
                if (best == streams.size())
                    break;
                if (int(page.items.size()) == limit) {
                    page.more = true;
                    break;
                }
                rows.push_back(streams[best]->int64(0));
                page.items.push_back(readRecord(*streams[best], strings, true));
                live[best] = streams[best]->step();
            }
        }
        attachHistory(c, page.items, rows, strings);
        page.nextSeq = page.items.empty() ? latest : page.items.back().seq;
        tx.commit();
        return page;
    });
}

std::optional<ItemRecord> SqliteStore::item(const User &user, const QString &id)
{
    return read([&](Connection &c) -> std::optional<ItemRecord> {
        Transaction tx(c.db(), false);
        Interner strings(16);
        std::optional<ItemRow> found = findItem(c, id, strings);
        if (!found || !sees(user, found->record.item.partner))
            return std::nullopt;
        std::vector<ItemRecord> one{std::move(found->record)};
        attachHistory(c, one, {found->row}, strings);
        tx.commit();
        return std::move(one.front());
    });
}

qint64 SqliteStore::changeCount(const User &user, qint64 since)
{
    const std::vector<QString> scope = scopeOf(user);
    return read([&](Connection &c) {
        if (scope.size() == partners().size()) {
            Query q = c.query("SELECT count(*) FROM items WHERE seq > ?");
            q->bind(1, since);
            return q->step() ? q->int64(0) : 0;
        }
        qint64 n = 0; // one partner at a time, each off the (partner, seq) index
        Query q = c.query("SELECT count(*) FROM items WHERE partner = ? AND seq > ?");
        for (const QString &p : scope) {
            q->bind(1, p).bind(2, since);
            if (q->step())
                n += q->int64(0);
            q->reset();
        }
        return n;
    });
}

qint64 SqliteStore::latestSeq(const User &user)
{
    qint64 latest = 0;
    for (const QString &p : scopeOf(user))
        latest = std::max(latest, m_latest[partnerIndex(p)].load());
    return latest;
}

Reference SqliteStore::reference(const User &user)
{
    Reference ref;
    ref.sla = slaRules();
    if (user.role != models::Role::TeamLeader)
        return ref;
    ref.assignable = read([&](Connection &c) {
        std::vector<User> out;
        Query q = c.query("SELECT username, display_name, role, partners FROM users "
                          "WHERE disabled = 0 AND role IN (?, ?) ORDER BY display_name, username");
        q->bind(1, int(models::Role::Caseworker)).bind(2, int(models::Role::TeamLeader));
        while (q->step()) {
            User u{q->text(0), q->text(1), models::Role(q->int64(2)), splitPartners(q->text(3))};
            if (std::any_of(u.partners.begin(), u.partners.end(), [&](const QString &p) { return user.worksFor(p); }))
                out.push_back(std::move(u));
        }
        return out;
    });
    return ref;
}

// ---- Commands

// Batches from concurrent requests are committed together: the first to arrive while no group is
// being written leads, takes every batch waiting (its own among them) and commits them in one
// transaction; the others wait for that commit and return with it. Each batch is still all or
// nothing on its own (a savepoint each), every outcome is returned only after the commit that
// made it durable, and seq still rises in commit order. Under load this turns many small
// transactions, each paying for its own WAL write and fsync, into a few large ones.
std::vector<CommandOutcome> SqliteStore::apply(const User &user, std::span<const Command> commands)
{
    if (commands.empty())
        return {};
    PendingApply mine;
    mine.user = &user;
    mine.commands = commands;
    std::unique_lock lock(m_groupMutex);
    m_waiting.push_back(&mine);
    while (!mine.done) {
        if (m_leading) {
            m_groupDone.wait(lock);
            continue;
        }
        m_leading = true;
        // At most a few thousand commands in one transaction; the rest lead the next group.
        std::vector<PendingApply *> group;
        std::size_t taken = 0, commandsTaken = 0;
        while (taken < m_waiting.size() && (taken == 0 || commandsTaken + m_waiting[taken]->commands.size() <= 5000))
            commandsTaken += m_waiting[taken++]->commands.size();
        group.assign(m_waiting.begin(), m_waiting.begin() + qsizetype(taken));
        m_waiting.erase(m_waiting.begin(), m_waiting.begin() + qsizetype(taken));
        lock.unlock();
        commitGroup(group);
        lock.lock();
        for (PendingApply *p : group)
            p->done = true;
        m_leading = false;
        m_groupDone.notify_all();
    }
    lock.unlock();
    if (mine.error)
        std::rethrow_exception(mine.error);
    return std::move(mine.outcomes);
}

void SqliteStore::commitGroup(const std::vector<PendingApply *> &group)
{
    std::lock_guard lock(m_writeMutex);
    Connection &c = *m_writer;
    std::vector<std::pair<std::size_t, qint64>> touched;
    try {
        Transaction tx(c.db());
        const qint64 before = metaValue(c, "seq");
        qint64 seq = before;
        const bool alone = group.size() == 1; // the transaction is the batch's own: no savepoint
        for (PendingApply *p : group) {
            const qint64 seqBefore = seq;
            const std::size_t touchedBefore = touched.size();
            p->outcomes.reserve(p->commands.size());
            if (!alone)
                c.db().exec("SAVEPOINT batch");
            try {
                for (const Command &command : p->commands)
                    p->outcomes.push_back(applyOne(c, *p->user, command, seq, touched));
                if (!alone)
                    c.db().exec("RELEASE batch");
            } catch (...) {
                if (alone)
                    throw;
                // This batch fails whole; the others in the group go on.
                p->error = std::current_exception();
                p->outcomes.clear();
                c.db().exec("ROLLBACK TO batch");
                c.db().exec("RELEASE batch");
                seq = seqBefore;
                touched.resize(touchedBefore);
            }
        }
        if (seq != before)
            setMetaValue(c, "seq", seq);
        tx.commit(); // synchronous=FULL: on disk when this returns
        publish(touched);
    } catch (...) {
        // Nothing of the group was committed: every batch in it fails.
        for (PendingApply *p : group) {
            if (!p->error)
                p->error = std::current_exception();
            p->outcomes.clear();
        }
    }
}

CommandOutcome SqliteStore::applyOne(Connection &c, const User &user, const Command &command, qint64 &seq,
                                     std::vector<std::pair<std::size_t, qint64>> &touched)
{
    const EpochSecs now = m_clock.now();
    if (command.id.isEmpty())
        return rejected(command.id, u"invalid_command"_s,
                        u"A command needs an id, so that a retry is never applied twice."_s);
    if (command.at <= 0) {
        // A command that does not say when it was made happened when it arrived.
        Command stamped = command;
        stamped.at = now;
        return applyOne(c, user, stamped, seq, touched);
    }

    // Seen before: the outcome it had, and nothing changes.
    {
        Query q = c.query("SELECT username, outcome FROM commands WHERE command_id = ?");
        q->bind(1, command.id);
        if (q->step()) {
            if (q->text(0) == user.username)
                return stored::outcomeFromJson(q->utf8(1));
            // Someone else's command id: say nothing of what it did, change nothing, but note it.
            q->reset();
            audit(c, now, user.username, "command.duplicate_id", command.itemId, command.id,
                  QJsonObject{{u"type"_s, commandName(command.type)}});
            return rejected(command.id, u"duplicate_command_id"_s,
                            u"This command id has already been used for another command. Send the command with a "
                            "new id."_s);
        }
    }

    Interner strings(16);
    CommandOutcome o;
    o.commandId = command.id;
    std::optional<ItemRow> found;
    const auto notFound = [&] {
        return rejected(command.id, u"not_found"_s, u"There is no such item among the work you can see."_s);
    };

    if (command.actor != user.username) {
        o = rejected(command.id, u"not_allowed"_s,
                     QStringLiteral("You can only send your own commands (this one names %1).").arg(command.actor));
    } else if (!(found = findItem(c, command.itemId, strings)) || !sees(user, found->record.item.partner)) {
        o = notFound();
    } else {
        const WorkItem &current = found->record.item;
        Decision d = lifecycle::decide(command, current, user, m_claimLease);
        const bool stale = command.baseVersion != current.version;
        const auto refusalOutcome = [&](const Refusal &r, CommandOutcome::Kind kind) {
            CommandOutcome out;
            out.commandId = command.id;
            out.kind = kind;
            out.code = Refusal::codeName(r.code);
            out.reason = r.message(command.type, current.status);
            return out;
        };
        if (d.allowed() && command.type == CommandType::Reassign) {
            // The lifecycle does not know the team; the store does.
            const std::optional<Account> to = findAccount(c, d.effect.assignee);
            const bool works =
                to && !to->disabled &&
                (to->user.role == models::Role::Caseworker || to->user.role == models::Role::TeamLeader) &&
                to->user.worksFor(current.partner);
            if (!works)
                d.refusal = Refusal{RefusalCode::UnknownAssignee, d.effect.assignee};
        }

        if (d.refusal && refusedWhateverTheVersion(d.refusal->code)) {
            o = refusalOutcome(*d.refusal, CommandOutcome::Kind::Rejected);
        } else if (stale && command.type == CommandType::EditFields) {
            // Never overwrite details someone else may have changed: let the person look again.
            o.kind = CommandOutcome::Kind::Conflict;
            o.code = u"changed_since"_s;
            o.reason = QStringLiteral("Someone changed this item since you saw it (version %1, now %2). Check its "
                                      "details as they are now, then make your change again.")
                           .arg(command.baseVersion)
                           .arg(current.version);
        } else if (d.refusal) {
            o = refusalOutcome(*d.refusal, stale ? CommandOutcome::Kind::Conflict : CommandOutcome::Kind::Rejected);
        } else {
            WorkItem next = current;
            lifecycle::apply(next, d.effect, command.at);
            if (changesDue(d.effect.event, d.effect.fieldChanges)) {
                // Back from a pause, or an edit of a date the due time follows: set it again.
                std::vector<ItemRecord> one{found->record};
                attachHistory(c, one, {found->row}, strings);
                std::vector<Event> history = std::move(one.front().events);
                history.push_back(d.effect.event);
                next.due = rulesInForce()->dueAt(next, history, command.at);
            }
            next.version = current.version + 1;
            ++seq;
            if (d.effect.fieldChanges.isEmpty()) {
                Query q = c.query("UPDATE items SET status = ?, priority = ?, assignee = ?, updated = ?, due = ?, "
                                  "version = ?, seq = ?, lease_until = ? WHERE row = ?");
                q->bind(1, int(next.status)).bind(2, int(next.priority)).bind(3, next.assignee).bind(4, next.updated);
                q->bind(5, next.due).bind(6, next.version).bind(7, seq).bind(8, next.leaseUntil).bind(9, found->row);
                q->run();
            } else {
                Query q = c.query("UPDATE items SET status = ?, priority = ?, assignee = ?, updated = ?, due = ?, "
                                  "version = ?, fields = ?, seq = ?, lease_until = ? WHERE row = ?");
                q->bind(1, int(next.status)).bind(2, int(next.priority)).bind(3, next.assignee).bind(4, next.updated);
                q->bind(5, next.due).bind(6, next.version).bind(7, view(compactJson(next.fields))).bind(8, seq);
                q->bind(9, next.leaseUntil).bind(10, found->row);
                q->run();
            }
            insertEvent(c, found->row, seq, d.effect.event);
            if (d.effect.note)
                insertNote(c, found->row, seq, *d.effect.note);
            o.kind = CommandOutcome::Kind::Applied;
            o.version = next.version;
            o.seq = seq;
            touched.emplace_back(partnerIndex(current.partner), seq);
        }
        if (o.kind == CommandOutcome::Kind::Conflict) {
            std::vector<ItemRecord> one{found->record};
            attachHistory(c, one, {found->row}, strings);
            o.current = std::move(one.front());
        }
    }

    {
        Query q = c.query("INSERT INTO commands(command_id, username, item_id, at, outcome) VALUES(?,?,?,?,?)");
        q->bind(1, command.id).bind(2, user.username).bind(3, command.itemId).bind(4, now);
        q->bind(5, view(stored::outcomeToJson(o)));
        q->run();
    }
    QJsonObject detail{{u"type"_s, commandName(command.type)},
                       {u"base_version"_s, command.baseVersion},
                       {u"at"_s, command.at},
                       {u"payload"_s, command.payload}};
    if (o.kind == CommandOutcome::Kind::Applied) {
        detail.insert(u"version"_s, o.version);
        detail.insert(u"seq"_s, o.seq);
    } else {
        detail.insert(u"code"_s, o.code);
    }
    audit(c, now, user.username, outcomeAction(o.kind), command.itemId, command.id, detail);
    return o;
}

// ---- Intake

ItemRecord SqliteStore::intake(const User &user, const Intake &in, std::vector<FieldProblem> *problems)
{
    if (user.role != models::Role::Intake)
        throw StoreError(u"forbidden"_s, u"Only an intake account can send in new work."_s);

    const EpochSecs now = m_clock.now();
    std::vector<FieldProblem> bad;
    const bool kindOk = int(in.kind) >= 0 && int(in.kind) <= int(Kind::PayrollException);
    if (!kindOk)
        bad.push_back({u"kind"_s, u"must be hr_change, invoice or payroll_exception"_s});
    const bool subtypeOk = kindOk && isSubtype(in.kind, in.subtype);
    if (kindOk && !subtypeOk) {
        QStringList names;
        for (const char *st : subtypes(in.kind))
            names << QLatin1String(st);
        bad.push_back({u"subtype"_s, QStringLiteral("“%1” is not a subtype of %2 (one of: %3)")
                                         .arg(in.subtype, kindName(in.kind), names.join(QStringLiteral(", ")))});
    }
    if (!isPartnerCode(in.partner))
        bad.push_back({u"partner"_s, QStringLiteral("“%1” is not a partner code (one of: %2)")
                                         .arg(in.partner, partnerCodes().join(QStringLiteral(", ")))});
    else if (!user.worksFor(in.partner))
        bad.push_back({u"partner"_s, QStringLiteral("this intake account does not send work for %1").arg(in.partner)});
    constexpr EpochSecs kYear2000 = 946684800;
    if (in.received < kYear2000)
        bad.push_back({u"received_at"_s, u"must be a time after 2000"_s});
    else if (in.received > now + kClockSkew)
        bad.push_back({u"received_at"_s, u"is in the future"_s});
    if (subtypeOk) {
        const auto specs = fieldSpecs(in.kind, in.subtype);
        for (const FieldSpec &spec : specs) {
            const QString problem = validateField(spec, in.fields.value(QLatin1String(spec.key)));
            if (!problem.isEmpty())
                bad.push_back({u"fields."_s + QLatin1String(spec.key), problem});
        }
        for (auto it = in.fields.begin(); it != in.fields.end(); ++it)
            if (std::none_of(specs.begin(), specs.end(),
                             [&](const FieldSpec &sp) { return it.key() == QLatin1String(sp.key); }))
                bad.push_back({u"fields."_s + it.key(),
                               QStringLiteral("is not a field of %1 %2").arg(kindName(in.kind), in.subtype)});
    }
    if (!bad.empty()) {
        QStringList names;
        for (const FieldProblem &p : bad)
            names << p.field;
        if (problems)
            *problems = std::move(bad);
        throw StoreError(
            u"invalid_fields"_s,
            QStringLiteral("The item was not accepted: %1 wrong (%2).")
                .arg(names.size() == 1 ? u"one detail is"_s : QStringLiteral("%1 details are").arg(names.size()),
                     names.join(QStringLiteral(", "))));
    }

    ItemRecord r;
    WorkItem &it = r.item;
    it.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    it.kind = in.kind;
    it.subtype = in.subtype;
    it.partner = in.partner;
    it.status = Status::New;
    it.priority = Priority::Normal;
    it.received = in.received;
    it.updated = in.received;
    it.fields = in.fields;
    // The dates the desk shows that follow from the others, as the demo's items have them.
    const std::shared_ptr<const SlaRules> rules = rulesInForce();
    const WorkingCalendar &calendar = rules->calendar(it.partner);
    if (it.kind == Kind::HrChange && !it.fields.contains(u"payroll_cutoff"_s)) {
        const QDate effective = QDate::fromString(it.fields.value(u"effective_date"_s).toString(), Qt::ISODate);
        it.fields.insert(
            u"payroll_cutoff"_s,
            calendar.dateAt(rules->payrollCutoffFor(it.partner, effective, it.received)).toString(Qt::ISODate));
    }
    // An invoice that names no payment date is paid on the partner's terms (the policy's, 30 days
    // by default).
    if (const int terms = rules->policy(it.partner, it.kind, it.subtype).paymentTermsDays;
        it.kind == Kind::Invoice && terms > 0 && !it.fields.contains(u"payment_due"_s))
        it.fields.insert(u"payment_due"_s, calendar.dateAt(it.received).addDays(terms).toString(Qt::ISODate));
    it.due = rules->due(it).due;
    it.version = 1;
    const Event received{it.id, it.received, user.username, u"received"_s, Status::New, Status::New, {}};

    {
        std::lock_guard lock(m_writeMutex);
        Connection &c = *m_writer;
        Transaction tx(c.db());
        const qint64 seq = metaValue(c, "seq") + 1;
        const qint64 number = metaValue(c, "reference") + 1;
        static const char *const prefixes[] = {"HR", "INV", "PAY"};
        it.reference =
            QStringLiteral("%1-%2").arg(QLatin1String(prefixes[int(it.kind)])).arg(number, 7, 10, QLatin1Char('0'));
        {
            Query q = c.query("INSERT INTO items(id, reference, kind, subtype, partner, status, priority, assignee, "
                              "received, updated, due, version, fields, seq) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
            q->bind(1, it.id).bind(2, it.reference).bind(3, int(it.kind)).bind(4, it.subtype).bind(5, it.partner);
            q->bind(6, int(it.status)).bind(7, int(it.priority)).bind(8, it.assignee).bind(9, it.received);
            q->bind(10, it.updated).bind(11, it.due).bind(12, it.version).bind(13, view(compactJson(it.fields)));
            q->bind(14, seq);
            q->run();
        }
        const qint64 row = c.db().lastInsertRowId();
        insertEvent(c, row, seq, received);
        setMetaValue(c, "seq", seq);
        setMetaValue(c, "reference", number);
        audit(c, now, user.username, "item.received", it.id, {},
              QJsonObject{{u"reference"_s, it.reference},
                          {u"kind"_s, kindName(it.kind)},
                          {u"subtype"_s, it.subtype},
                          {u"partner"_s, it.partner},
                          {u"seq"_s, seq}});
        tx.commit();
        r.seq = seq;
        publish({{partnerIndex(it.partner), seq}});
    }
    r.events.push_back(received);
    return r;
}

// ---- Service levels

std::shared_ptr<const SlaRules> SqliteStore::loadRules(Connection &c)
{
    SlaRules rules;
    {
        Query q = c.query("SELECT value FROM settings WHERE name = 'sla_rules'");
        if (q->step()) {
            QString error;
            auto stored = SlaRules::fromJson(jsonObject(q->utf8(0)), &error);
            if (!stored)
                throw StoreError(u"bad_settings"_s,
                                 QStringLiteral("The store's service-level rules cannot be read: %1").arg(error));
            rules = std::move(*stored);
        }
    }

    // The usual handling times: first start to resolve, in the partner's working time, of the
    // items resolved in the window.
    std::map<std::pair<int, QString>, std::vector<qint64>> samples;
    Query q = c.query("SELECT i.kind, i.subtype, i.partner, "
                      "(SELECT min(s.at) FROM events s WHERE s.item_row = r.item_row AND s.to_status = ?), r.at "
                      "FROM events r JOIN items i ON i.row = r.item_row "
                      "WHERE r.to_status = ? AND r.from_status != r.to_status AND r.at >= ?");
    q->bind(1, int(Status::InProgress)).bind(2, int(Status::Resolved));
    q->bind(3, m_clock.now() - kHandlingWindowDays * kDay);
    while (q->step()) {
        if (q->isNull(3))
            continue;
        const QString partner = q->text(2);
        samples[{int(q->int64(0)), q->text(1)}].push_back(rules.calendar(partner).between(q->int64(3), q->int64(4)));
    }
    std::vector<HandlingTime> handling;
    for (auto &[key, times] : samples) {
        auto p75 = times.begin() + std::ptrdiff_t((times.size() * 3) / 4);
        std::nth_element(times.begin(), p75, times.end());
        handling.push_back({Kind(key.first), key.second, *p75, int(times.size())});
    }
    return std::make_shared<const SlaRules>(rules.bankHolidays(), rules.calendars(), rules.policies(),
                                            std::move(handling));
}

std::shared_ptr<const SlaRules> SqliteStore::rulesInForce()
{
    std::lock_guard lock(m_rulesMutex);
    return m_rules;
}

std::shared_ptr<const SlaRules> SqliteStore::slaRules()
{
    {
        std::lock_guard lock(m_rulesMutex);
        if (m_clock.now() - m_handlingMeasured < 3600)
            return m_rules;
        m_handlingMeasured = m_clock.now(); // one caller measures; the others go on with the last figures
    }
    auto fresh = read([&](Connection &c) { return loadRules(c); });
    std::lock_guard lock(m_rulesMutex);
    m_rules = fresh;
    return m_rules;
}

qint64 SqliteStore::retime(Connection &c, const SlaRules &rules, std::vector<std::pair<std::size_t, qint64>> &touched)
{
    // Open items in row order, a slice at a time, with their history for the time spent paused.
    constexpr int kSlice = 2000;
    const EpochSecs now = m_clock.now();
    qint64 seq = metaValue(c, "seq"), moved = 0, after = 0;
    Interner strings(1024);
    for (;;) {
        std::vector<ItemRecord> records;
        std::vector<qint64> rows;
        {
            Query q = c.query("SELECT " ITEM_COLUMNS
                              " FROM items WHERE row > ? AND status NOT IN (?, ?) ORDER BY row LIMIT ?");
            q->bind(1, after).bind(2, int(Status::Resolved)).bind(3, int(Status::Closed)).bind(4, kSlice);
            while (q->step()) {
                rows.push_back(q->int64(0));
                records.push_back(readRecord(*q, strings));
            }
        }
        if (rows.empty())
            break;
        after = rows.back();
        attachHistory(c, records, rows, strings);
        for (std::size_t i = 0; i < records.size(); ++i) {
            const WorkItem &it = records[i].item;
            const EpochSecs due = rules.dueAt(it, records[i].events, now);
            if (due == it.due)
                continue;
            Query u = c.query("UPDATE items SET due = ?, seq = ? WHERE row = ?");
            u->bind(1, due).bind(2, ++seq).bind(3, rows[i]);
            u->run();
            touched.emplace_back(partnerIndex(it.partner), seq);
            ++moved;
        }
    }
    setMetaValue(c, "seq", seq);
    return moved;
}

qint64 SqliteStore::setSlaRules(const SlaRules &rules)
{
    const SlaRules kept(rules.bankHolidays(), rules.calendars(), rules.policies(), {});
    std::vector<std::pair<std::size_t, qint64>> touched;
    qint64 moved = 0;
    {
        std::lock_guard lock(m_writeMutex);
        Connection &c = *m_writer;
        Transaction tx(c.db());
        const QByteArray json = compactJson(kept.toJson());
        Query q = c.query("INSERT INTO settings(name, value) VALUES('sla_rules', ?) "
                          "ON CONFLICT(name) DO UPDATE SET value = excluded.value");
        q->bind(1, view(json));
        q->run();
        moved = retime(c, kept, touched);
        audit(c, m_clock.now(), u"system"_s, "sla.rules_set", {}, {}, QJsonObject{{u"items_retimed"_s, moved}});
        tx.commit();
        publish(touched);
    }
    auto fresh = read([&](Connection &c) { return loadRules(c); });
    std::lock_guard lock(m_rulesMutex);
    m_rules = fresh;
    m_handlingMeasured = m_clock.now();
    return moved;
}

// ---- Backup

void SqliteStore::backup(const QString &toPath)
{
    if (QFileInfo::exists(toPath))
        throw StoreError(
            u"file_exists"_s,
            QStringLiteral("%1 already exists; a backup never overwrites a file. Choose a new name.").arg(toPath));
    {
        // Made empty and private first (VACUUM INTO accepts an empty file), so that a copy of the
        // password hashes is never readable by others, even for a moment.
        QFile f(toPath);
        if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly))
            throw StoreError(u"backup_failed"_s, QStringLiteral("Cannot create %1: %2").arg(toPath, f.errorString()));
        f.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    }
    try {
        read([&](Connection &c) {
            // A read transaction's snapshot: writers carry on while the copy is made.
            Statement st = c.db().prepare("VACUUM INTO ?");
            st.bind(1, toPath);
            st.run();
        });
    } catch (const sqlite::Error &e) {
        QFile::remove(toPath);
        throw StoreError(u"backup_failed"_s,
                         QStringLiteral("The backup to %1 failed: %2").arg(toPath, QString::fromUtf8(e.what())));
    }
}

} // namespace

std::unique_ptr<Store> openSqliteStore(const QString &path, const Clock &clock, EpochSecs tokenLifetime,
                                       EpochSecs claimLease)
{
    return std::make_unique<SqliteStore>(path, clock, tokenLifetime, claimLease);
}

std::optional<StoreError> usernameProblem(const QString &username)
{
    static const QRegularExpression pattern(u"^[a-z0-9][a-z0-9._-]{0,63}$"_s);
    if (pattern.match(username).hasMatch())
        return std::nullopt;
    return StoreError(u"invalid_username"_s, u"A username is 1 to 64 lower-case letters, digits, dots, hyphens or "
                                             "underscores, starting with a letter or digit."_s);
}

} // namespace ibc::sync
