// The embedded store: one SQLite file in WAL mode (see store/SqliteStoreParts.h for its threads
// and its files). Here: opening it, its checkpoints, the service-level rules, backup, and the
// helpers its parts share.
#include "store/SqliteStoreParts.h"

#include "store/Passwords.h"
#include "store/StoreSchema.h"

#include "domain/Partner.h"
#include "domain/Sla.h"
#include "sqlite/Sqlite.h"

#include <sqlite3.h>

#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QRegularExpression>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>

Q_LOGGING_CATEGORY(lcSqliteStore, "ibc.store.sqlite")

namespace ibc::sync {

namespace sqlitestore {

namespace {

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

} // namespace

// An item row as read with ITEM_COLUMNS from column 0. For the feed (`rawFields`), the kind's
// fields stay the JSON text the store keeps.
ItemRecord readRecord(const Statement &st, Interner &strings, bool rawFields)
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
    if (const std::string_view sensitive = st.utf8(16); !sensitive.empty()) {
        it.sensitive = st.text(16);
        it.named = st.text(17).split(QLatin1Char(','), Qt::SkipEmptyParts);
    }
    return r;
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
    if (!user.readsItems())
        return scope;
    for (const Partner &p : partners())
        if (user.worksFor(QLatin1String(p.code)))
            scope.push_back(QLatin1String(p.code));
    return scope;
}

bool sees(const User &user, const QString &partner)
{
    return user.readsItems() && user.worksFor(partner) && isPartnerCode(partner);
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

std::optional<Account> findAccount(Connection &c, const QString &username)
{
    Query q = c.query("SELECT username, display_name, role, partners, password_hash, disabled, checker FROM users "
                      "WHERE username = ?");
    q->bind(1, username);
    if (!q->step())
        return std::nullopt;
    Account a;
    a.user = User{q->text(0), q->text(1), models::Role(q->int64(2)), splitPartners(q->text(3)), q->int64(6) != 0};
    const std::string_view hash = q->utf8(4);
    a.passwordHash = QByteArray(hash.data(), qsizetype(hash.size()));
    a.disabled = q->int64(5) != 0;
    return a;
}

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
    loadModulusTables(*m_writer);
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
                      "WHERE r.to_status IN (?, ?) AND r.from_status = ? AND r.at >= ?");
    // The maker's resolve, whether it took effect or waits for a check: the handling is theirs.
    q->bind(1, int(Status::InProgress)).bind(2, int(Status::Resolved)).bind(3, int(Status::AwaitingCheck));
    q->bind(4, int(Status::InProgress)).bind(5, m_clock.now() - kHandlingWindowDays * kDay);
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
    auto fresh = read([&](Connection &c) {
        loadModulusTables(c); // an import by `ibc-store reference import` while this store serves
        return loadRules(c);
    });
    std::lock_guard lock(m_rulesMutex);
    m_rules = fresh;
    return m_rules;
}

void SqliteStore::loadModulusTables(Connection &c)
{
    models::ModulusTables tables;
    Query q = c.query("SELECT name, value FROM settings WHERE name IN ('modulus_weights', 'modulus_substitutions')");
    int found = 0;
    while (q->step()) {
        const std::string_view text = q->utf8(1);
        (q->text(0) == QLatin1String("modulus_weights") ? tables.weights : tables.substitutions) =
            QByteArray(text.data(), qsizetype(text.size()));
        ++found;
    }
    if (found != 2)
        return;
    {
        // The hourly reload reads the tables, but parses them only when an import changed them.
        std::lock_guard lock(m_rulesMutex);
        if (m_modulus && m_modulus->weights == tables.weights && m_modulus->substitutions == tables.substitutions)
            return;
    }
    QString error;
    auto checker = models::ModulusChecker::parse(tables.weights, tables.substitutions, &error);
    if (!checker) {
        qWarning("ibc-store: the imported modulus tables cannot be read, so the ones before stay in force: %s",
                 qPrintable(error));
        return;
    }
    models::ModulusChecker::setCurrent(std::make_shared<const models::ModulusChecker>(std::move(*checker)));
    std::lock_guard lock(m_rulesMutex);
    m_modulus = std::move(tables);
}

void SqliteStore::setModulusTables(const models::ModulusTables &tables)
{
    QString error;
    auto checker = models::ModulusChecker::parse(tables.weights, tables.substitutions, &error);
    if (!checker)
        throw StoreError(u"invalid_tables"_s, error);
    {
        std::lock_guard lock(m_writeMutex);
        Connection &c = *m_writer;
        Transaction tx(c.db());
        for (const auto &[name, text] : {std::pair{"modulus_weights", &tables.weights},
                                         std::pair{"modulus_substitutions", &tables.substitutions}}) {
            Query q = c.query("INSERT INTO settings(name, value) VALUES(?, ?) "
                              "ON CONFLICT(name) DO UPDATE SET value = excluded.value");
            q->bind(1, QString::fromLatin1(name)).bind(2, view(*text));
            q->run();
        }
        audit(c, m_clock.now(), u"system"_s, "reference.modulus_tables_set", {}, {},
              QJsonObject{{u"weight_rows"_s, qint64(checker->rows().size())}});
        tx.commit();
    }
    models::ModulusChecker::setCurrent(std::make_shared<const models::ModulusChecker>(std::move(*checker)));
    std::lock_guard lock(m_rulesMutex);
    m_modulus = tables;
}

std::optional<models::ModulusTables> SqliteStore::modulusTables()
{
    std::lock_guard lock(m_rulesMutex);
    return m_modulus;
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

} // namespace sqlitestore

using namespace models;
using namespace Qt::StringLiterals;

std::unique_ptr<Store> openSqliteStore(const QString &path, const Clock &clock, EpochSecs tokenLifetime,
                                       EpochSecs claimLease)
{
    return std::make_unique<sqlitestore::SqliteStore>(path, clock, tokenLifetime, claimLease);
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
