#include "SlaFigures.h"

#include "Cache.h"
#include "Command.h"
#include "Partner.h"
#include "Sqlite.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QHash>

#include <algorithm>
#include <array>
#include <cstring>
#include <functional>
#include <limits>
#include <string>
#include <unordered_map>

namespace ibc::models {

using sqlite::Database;
using sqlite::Statement;

namespace {

constexpr int kWeeks = 13;
constexpr int kForecastDays = 10;
constexpr int kCapacityDays = 20;

bool isOpen(Status s) { return s != Status::Resolved && s != Status::Closed; }

// An item's id as 128 bits, for the join of resolve events to items without a string per item:
// a UUID (the cache's ids are UUIDs, in lower case) is its own 128 bits, so that matching is exact;
// any other id is hashed, so that an odd one still finds its own events.
struct ItemKey {
    quint64 hi = 0;
    quint64 lo = 0;
    friend bool operator==(const ItemKey &, const ItemKey &) = default;
};

// A lower-case hex digit's value; 0x10 for any other character.
constexpr std::array<quint8, 256> kHexDigits = [] {
    std::array<quint8, 256> t{};
    for (quint8 &v : t)
        v = 0x10;
    for (int c = 0; c < 10; ++c)
        t[std::size_t('0' + c)] = quint8(c);
    for (int c = 0; c < 6; ++c)
        t[std::size_t('a' + c)] = quint8(10 + c);
    return t;
}();

// Where a UUID's 32 hex digits are: around the dashes at 8, 13, 18 and 23.
constexpr std::array<quint8, 32> kUuidDigits = [] {
    std::array<quint8, 32> at{};
    for (int i = 0, n = 0; i < 36; ++i)
        if (i != 8 && i != 13 && i != 18 && i != 23)
            at[std::size_t(n++)] = quint8(i);
    return at;
}();

ItemKey itemKey(std::string_view id)
{
    if (id.size() == 36 && id[8] == '-' && id[13] == '-' && id[18] == '-' && id[23] == '-') {
        quint8 bad = 0;
        quint64 hi = 0, lo = 0;
        for (std::size_t i = 0; i < 16; ++i) {
            const quint8 d = kHexDigits[quint8(id[kUuidDigits[i]])];
            bad |= d;
            hi = (hi << 4) | (d & 0xF);
        }
        for (std::size_t i = 16; i < 32; ++i) {
            const quint8 d = kHexDigits[quint8(id[kUuidDigits[i]])];
            bad |= d;
            lo = (lo << 4) | (d & 0xF);
        }
        if (!(bad & 0x10))
            return {hi, lo};
    }
    const QByteArray h = QCryptographicHash::hash(QByteArrayView(id.data(), qsizetype(id.size())),
                                                  QCryptographicHash::Sha256);
    ItemKey k;
    std::memcpy(&k.hi, h.constData(), 8);
    std::memcpy(&k.lo, h.constData() + 8, 8);
    return k;
}

// Where each item got to, from its history: the first move to In progress and the first resolve (a
// move to Resolved from another status), with who resolved it. An open-addressing table of 40-byte
// slots, sized for every item (about 50 MB for a million), rather than a node and a string an item.
class Progress {
public:
    static constexpr EpochSecs kNever = std::numeric_limits<EpochSecs>::max();
    struct Item {
        ItemKey key;
        EpochSecs started = kNever;
        EpochSecs resolved = kNever;
        int actor = -1;
        bool used = false;
    };

    explicit Progress(qint64 expectedItems) { reset(std::size_t(std::max<qint64>(expectedItems, 0))); }

    void prefetch(ItemKey key) const
    {
#if defined(__GNUC__)
        __builtin_prefetch(&m_slots[slot(key)]);
#else
        Q_UNUSED(key);
#endif
    }
    // Adds what part of an item's history showed (kNever: nothing). The earlier of two resolves
    // wins; the first told, if they are at the same second.
    void add(ItemKey key, EpochSecs started, EpochSecs resolved, int actor)
    {
        Item &it = claim(key);
        it.started = std::min(it.started, started);
        if (resolved < it.resolved) {
            it.resolved = resolved;
            it.actor = actor;
        }
    }
    const Item *find(ItemKey key) const
    {
        for (std::size_t s = slot(key);; s = next(s)) {
            const Item &it = m_slots[s];
            if (!it.used)
                return nullptr;
            if (it.key == key)
                return &it;
        }
    }

private:
    Item &claim(ItemKey key)
    {
        if (5 * (m_size + 1) > 4 * m_slots.size()) { // more items than expected: twice the room
            std::vector<Item> old;
            old.swap(m_slots);
            reset(2 * m_size);
            for (const Item &it : old)
                if (it.used)
                    claim(it.key) = it;
        }
        for (std::size_t s = slot(key);; s = next(s)) {
            Item &it = m_slots[s];
            if (!it.used) {
                it.used = true;
                it.key = key;
                ++m_size;
                return it;
            }
            if (it.key == key)
                return it;
        }
    }
    void reset(std::size_t items)
    {
        m_slots.assign(items * 5 / 4 + 16, Item{});
        m_size = 0;
    }
    // The key's slot: the top 32 bits of a mix of it, scaled to the table's size (below 2^32).
    std::size_t slot(ItemKey k) const
    {
        const quint64 h = (k.hi ^ (k.lo * 0x9E3779B97F4A7C15ULL)) * 0xD6E8FEB86659FD93ULL;
        return std::size_t(((h >> 32) * quint64(m_slots.size())) >> 32);
    }
    std::size_t next(std::size_t s) const { return s + 1 == m_slots.size() ? 0 : s + 1; }

    std::vector<Item> m_slots;
    std::size_t m_size = 0;
};

// Values collected from a scan and used a few thousand at a time, in order: each one's read from
// a large table (Progress) is a cache miss, and a tight loop with the next ones' slots fetched ahead
// overlaps them, where one miss between two rows of SQLite's stalls a few hundred cycles each.
template <typename T>
class Batch {
public:
    Batch() { m_values.reserve(kSize); }

    template <typename Use>
    void push(const T &value, const Progress &progress, Use &&use)
    {
        m_values.push_back(value);
        if (m_values.size() == kSize)
            flush(progress, use);
    }
    template <typename Use>
    void flush(const Progress &progress, Use &&use)
    {
        constexpr std::size_t ahead = 8;
        for (std::size_t i = 0; i < std::min(ahead, m_values.size()); ++i)
            progress.prefetch(m_values[i].key);
        for (std::size_t i = 0; i < m_values.size(); ++i) {
            if (i + ahead < m_values.size())
                progress.prefetch(m_values[i + ahead].key);
            use(m_values[i]);
        }
        m_values.clear();
    }

private:
    static constexpr std::size_t kSize = 4096;
    std::vector<T> m_values;
};

// Small sets of names (actors, partners, subtypes) read from a million rows: each distinct name
// becomes a QString once.
class Names {
public:
    int id(std::string_view name)
    {
        if (const int known = find(name); known >= 0)
            return known;
        const int id = int(m_names.size());
        m_names.push_back(QString::fromUtf8(name.data(), qsizetype(name.size())));
        m_index.emplace(std::string(name), id);
        if (m_first.size() < kFew)
            m_first.emplace_back(name);
        return id;
    }
    int find(std::string_view name) const
    {
        // A few names (partners, subtypes) are quicker to compare than to hash.
        for (std::size_t i = 0; i < m_first.size(); ++i)
            if (m_first[i] == name)
                return int(i);
        if (m_first.size() < kFew)
            return -1;
        const auto it = m_index.find(name);
        return it != m_index.end() ? it->second : -1;
    }
    const QString &name(int id) const { return m_names[std::size_t(id)]; }
    int size() const { return int(m_names.size()); }

private:
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    static constexpr std::size_t kFew = 12;
    std::vector<QString> m_names;
    std::vector<std::string> m_first; // the first kFew names
    std::unordered_map<std::string, int, Hash, std::equal_to<>> m_index;
};

// Working time from a moment to now in one calendar, with the part from each day's midnight kept:
// an item's age costs a day's arithmetic, not a walk over every day since it arrived.
class WorkingTimeToNow {
public:
    WorkingTimeToNow(const WorkingCalendar &calendar, EpochSecs now)
        : m_calendar(calendar), m_now(now), m_today(calendar.dateAt(now))
    {
    }

    qint64 since(EpochSecs t)
    {
        if (t >= m_now)
            return 0;
        const QDate day = m_calendar.dateAt(t);
        if (day >= m_today)
            return m_calendar.between(t, m_now);
        const QDate next = day.addDays(1);
        const EpochSecs midnight = m_calendar.at(next, 0);
        auto [it, fresh] = m_fromMidnight.try_emplace(next.toJulianDay(), 0);
        if (fresh)
            it->second = m_calendar.between(midnight, m_now);
        return m_calendar.between(t, midnight) + it->second;
    }

private:
    const WorkingCalendar &m_calendar;
    EpochSecs m_now;
    QDate m_today;
    std::unordered_map<qint64, qint64> m_fromMidnight; // by Julian day
};

std::optional<double> median(std::vector<qint64> &values)
{
    if (values.empty())
        return std::nullopt;
    const std::size_t mid = values.size() / 2;
    std::nth_element(values.begin(), values.begin() + qsizetype(mid), values.end());
    const double upper = double(values[mid]);
    if (values.size() % 2)
        return upper;
    const double lower = double(*std::max_element(values.begin(), values.begin() + qsizetype(mid)));
    return (lower + upper) / 2;
}

// The partners the filter lets through: nullopt for every partner; empty for none.
std::optional<QStringList> partnerScope(const DashboardFilter &f)
{
    if (f.partner.isEmpty())
        return f.partners.isEmpty() ? std::nullopt : std::optional(f.partners);
    if (!f.partners.isEmpty() && !f.partners.contains(f.partner))
        return QStringList();
    return QStringList{f.partner};
}

// " AND kind = ? AND partner IN (?, …)" for the filter, and its binding.
std::string itemConditions(const DashboardFilter &f, const std::optional<QStringList> &scope, const char *table)
{
    const std::string t = table;
    std::string sql;
    if (f.kind)
        sql += " AND " + t + "kind = ?";
    if (scope) {
        if (scope->isEmpty())
            return " AND 0";
        sql += " AND " + t + "partner IN (";
        for (qsizetype i = 0; i < scope->size(); ++i)
            sql += i ? ",?" : "?";
        sql += ")";
    }
    return sql;
}

int bindItemConditions(Statement &st, int i, const DashboardFilter &f, const std::optional<QStringList> &scope)
{
    if (f.kind)
        st.bind(i++, int(*f.kind));
    if (scope)
        for (const QString &p : *scope)
            st.bind(i++, p);
    return i;
}

struct Period {
    EpochSecs start = 0;
    EpochSecs end = 0;
    bool contains(EpochSecs t) const { return t >= start && t < end; }
};

// The forecast's question, asked once for compute()'s counts and a pick's rows alike: the open work,
// not paused, in the filter, due on one of the forecast's days, joined to its day (days.n, the
// day's index in `days`). `columns` and `tail` say what to read of it. Read off queue_due(due, status).
Statement dueOnForecastDays(Database &db, const char *columns, const char *tail, const DashboardFilter &f,
                            const std::optional<QStringList> &scope,
                            const std::vector<SlaFigures::ForecastDay> &days)
{
    std::string sql = "WITH days(n, start, stop) AS (VALUES ";
    for (std::size_t i = 0; i < days.size(); ++i)
        sql += i ? ",(?,?,?)" : "(?,?,?)";
    sql += std::string(") SELECT ") + columns + " FROM days JOIN items ON items.due >= days.start "
           "AND items.due < days.stop WHERE items.status NOT IN (3, 5, 7)" + itemConditions(f, scope, "items.");
    if (!f.assignees.isEmpty()) {
        sql += " AND items.assignee IN (";
        for (qsizetype i = 0; i < f.assignees.size(); ++i)
            sql += i ? ",?" : "?";
        sql += ")";
    }
    sql += tail;
    Statement st = db.prepare(sql);
    for (std::size_t d = 0; d < days.size(); ++d)
        st.bind(3 * int(d) + 1, int(d)).bind(3 * int(d) + 2, days[d].start).bind(3 * int(d) + 3, days[d].end);
    int i = bindItemConditions(st, 3 * int(days.size()) + 1, f, scope);
    for (const QString &a : f.assignees)
        st.bind(i++, a);
    return st;
}

} // namespace

// What a scan tells, besides the figures, of the items it counts: each one where it counts it, with
// what it counts it by, so that what a collector keeps is counted exactly as the figures count. It
// says which parts of the cache it needs: the others are not read.
class SlaFiguresReader::Collector {
public:
    // An item where the scan counts it.
    struct Item {
        qint64 row; // items.row
        int kind;
        const QString &partner;
        const WorkingCalendar &calendar; // the partner's
        EpochSecs due;
        EpochSecs resolved; // the first resolve; 0 for open work
    };

    virtual ~Collector() = default;
    // Resolved work (the team's, by who resolved it): first resolved in the week `week` (an index
    // in SlaFigures::weeks), in the partner figures' current period or the previous one, by
    // `username` in the caseworkers' period.
    virtual void week(int /*week*/, const Item &) {}
    virtual void partner(bool /*previous*/, const Item &) {}
    virtual void caseworker(const QString & /*username*/, const Item &) {}
    // Open work (the team's, by who holds it) in the age band `band`, breached now or not.
    virtual void age(int /*band*/, bool /*breached*/, const Item &) {}
    // Open work, not paused, due on the forecast's day `day` (an index in SlaFigures::forecast).
    virtual void forecast(int /*day*/, qint64 /*row*/) {}

    bool resolvedWork = true; // week(), partner(), caseworker(): the history's pass
    bool openWork = true;     // age()
    bool dueWork = true;      // forecast()
    bool figures = false;     // every figure too, as compute() gives them
};

std::optional<double> Compliance::percent() const
{
    return resolved > 0 ? std::optional(100.0 * inTime / resolved) : std::nullopt;
}

Compliance &Compliance::operator+=(const Compliance &other)
{
    resolved += other.resolved;
    inTime += other.inTime;
    return *this;
}

Compliance SlaFigures::Week::all() const
{
    Compliance c;
    for (const Compliance &k : byKind)
        c += k;
    return c;
}

SlaFigures::AgeBand SlaFigures::ageBand(qint64 workingDays)
{
    return workingDays <= 1    ? UpToOneDay
           : workingDays <= 5  ? TwoToFiveDays
           : workingDays <= 10 ? SixToTenDays
                               : OverTenDays;
}

SlaFiguresReader::SlaFiguresReader(const QString &cachePath)
    : m_db(std::make_unique<Database>(cachePath, Database::Mode::ReadOnly))
{
    m_db->exec("PRAGMA cache_size = -32000; PRAGMA temp_store = MEMORY;");
    // Pages read straight from the OS's cache, without a read() call and a copy for each: the
    // figures read the whole items table and much of the history (as ibc-store's readers do).
    m_db->exec("PRAGMA mmap_size = 4294967296");
}

SlaFiguresReader::~SlaFiguresReader() = default;

SlaFigures SlaFiguresReader::compute(const DashboardFilter &f, const SlaRules &rules, EpochSecs now)
{
    // One snapshot for every figure: a sync that commits meanwhile is seen by the next compute().
    sqlite::Transaction snapshot(*m_db, false);
    SlaFigures out = scan(f, rules, now, nullptr);
    snapshot.commit();
    return out;
}

std::vector<qint64> SlaFiguresReader::rows(const DashboardFilter &f, const SlaRules &rules, EpochSecs now,
                                           const DashboardPick &pick)
{
    // The items counted in the picked number, and nothing else.
    class Picker : public Collector {
    public:
        using Part = DashboardPick::Part;
        explicit Picker(const DashboardPick &pick) : m_pick(pick)
        {
            resolvedWork = pick.part != Part::Age && pick.part != Part::Forecast;
            openWork = pick.part == Part::Age;
            dueWork = pick.part == Part::Forecast;
        }
        void week(int week, const Item &it) override
        {
            if (m_pick.part == Part::Week && week == m_pick.index && ofKind(it.kind))
                rows.push_back(it.row);
        }
        void partner(bool previous, const Item &it) override
        {
            if (m_pick.part == Part::Partner && previous == m_pick.previous && it.partner == m_pick.name)
                rows.push_back(it.row);
        }
        void caseworker(const QString &username, const Item &it) override
        {
            if (m_pick.part == Part::Caseworker && username == m_pick.name)
                rows.push_back(it.row);
        }
        void age(int band, bool breached, const Item &it) override
        {
            if (m_pick.part == Part::Age && band == m_pick.index && ofKind(it.kind) &&
                (!m_pick.breached || *m_pick.breached == breached))
                rows.push_back(it.row);
        }
        void forecast(int day, qint64 row) override
        {
            if (m_pick.part == Part::Forecast && day == m_pick.index)
                rows.push_back(row);
        }

        std::vector<qint64> rows;

    private:
        bool ofKind(int kind) const { return !m_pick.kind || int(*m_pick.kind) == kind; }

        const DashboardPick &m_pick;
    } picker(pick);

    sqlite::Transaction snapshot(*m_db, false);
    scan(f, rules, now, &picker);
    snapshot.commit();
    std::sort(picker.rows.begin(), picker.rows.end());
    return std::move(picker.rows);
}

std::vector<SlaBreach> SlaFiguresReader::breaches(const DashboardFilter &f, const SlaRules &rules, EpochSecs now,
                                                  SlaFigures *figures)
{
    // The late work where the partner figures count it (this period's, not in time), the breached
    // open work where the age bands count it: the same items as compute()'s, whatever the filter.
    class Breaches : public Collector {
    public:
        explicit Breaches(EpochSecs now) : m_now(now) { dueWork = false; }
        void partner(bool previous, const Item &it) override
        {
            if (!previous && it.resolved > it.due) // in time is resolved <= due
                add(it, it.resolved);
        }
        void age(int, bool breached, const Item &it) override
        {
            if (breached)
                add(it, m_now);
        }

        std::vector<SlaBreach> list;

    private:
        void add(const Item &it, EpochSecs until)
        {
            SlaBreach b;
            b.row = it.row;
            b.kind = Kind(it.kind);
            b.partner = it.partner;
            b.due = it.due;
            b.resolved = it.resolved;
            b.overdueSeconds = it.calendar.between(it.due, until);
            list.push_back(std::move(b));
        }

        EpochSecs m_now;
    } collector(now);
    collector.figures = figures != nullptr;

    sqlite::Transaction snapshot(*m_db, false);
    SlaFigures scanned = scan(f, rules, now, &collector);
    if (figures)
        *figures = std::move(scanned);
    std::vector<SlaBreach> &out = collector.list;

    // Then each breach's details, in the snapshot the scan read: a lookup by row in the items
    // table (in its order), and one or two by item id in the history's and the notes' indexes.
    QElapsedTimer timer;
    timer.start();
    std::sort(out.begin(), out.end(), [](const SlaBreach &a, const SlaBreach &b) { return a.row < b.row; });
    Statement item = m_db->prepare("SELECT id, reference, subtype, received FROM items WHERE row = ?");
    // The reasons the lifecycle asks for (Lifecycle: a request for information, an escalation, a
    // sending back); a line without one (a store's older history) gives way to an earlier line or
    // a note.
    Statement reason = m_db->prepare("SELECT detail FROM events WHERE item_id = ? AND type IN (?, ?, ?) "
                                     "AND at <= ? AND detail != '' ORDER BY at DESC, row DESC LIMIT 1");
    reason.bind(2, commandName(CommandType::Escalate))
        .bind(3, commandName(CommandType::RequestInfo))
        .bind(4, commandName(CommandType::Reject));
    Statement note = m_db->prepare("SELECT text FROM notes WHERE item_id = ? ORDER BY at DESC, row DESC LIMIT 1");
    for (SlaBreach &b : out) {
        item.bind(1, b.row);
        if (item.step()) {
            b.id = item.text(0);
            b.reference = item.text(1);
            b.subtype = item.text(2);
            b.received = item.int64(3);
        }
        item.reset();
        reason.bind(1, b.id).bind(5, b.resolved ? b.resolved : now);
        if (reason.step())
            b.reason = reason.text(0);
        reason.reset();
        if (b.reason.isEmpty()) {
            note.bind(1, b.id);
            if (note.step())
                b.reason = note.text(0);
            note.reset();
        }
    }
    snapshot.commit();

    std::sort(out.begin(), out.end(), [](const SlaBreach &a, const SlaBreach &b) {
        if (a.overdueSeconds != b.overdueSeconds)
            return a.overdueSeconds > b.overdueSeconds;
        if (a.due != b.due)
            return a.due < b.due;
        if (a.reference != b.reference)
            return a.reference < b.reference;
        return a.resolved > b.resolved; // an item listed twice: resolved, then open
    });
    qCDebug(lcCache, "%zu breaches' details in %lld ms", out.size(), timer.elapsed());
    return std::move(out);
}

SlaFigures SlaFiguresReader::scan(const DashboardFilter &f, const SlaRules &rules, EpochSecs now, Collector *collector)
{
    // Without a collector, every figure; with one, the passes it needs. Each place that counts an
    // item tells `collector` too, behind one branch that is the same for every item.
    const bool figures = !collector || collector->figures;
    const bool historyPass = figures || collector->resolvedWork; // only resolved work needs it
    const bool openPass = figures || collector->openWork;
    const bool itemsPass = historyPass || openPass;

    SlaFigures out;
    out.now = now;
    const std::optional<QStringList> scope = partnerScope(f);
    const bool ranged = f.from != 0 && f.to != 0;

    // Days, weeks and months are local (Europe/London, as every calendar is); working days are the
    // chosen partner's, or the calendar every partner without one of its own gets.
    const WorkingCalendar &calendar = rules.calendar(f.partner);
    const QDate today = calendar.dateAt(now);
    const QDate monday = today.addDays(1 - today.dayOfWeek());
    const auto midnight = [&](QDate d) { return calendar.at(d, 0); };

    // 1. The weeks.
    if (!ranged) {
        for (int w = kWeeks - 1; w >= 0; --w)
            out.weeks.push_back({midnight(monday.addDays(-7 * w)), midnight(monday.addDays(-7 * w + 7)), {}});
    } else {
        const QDate first = calendar.dateAt(f.from);
        for (QDate d = first.addDays(1 - first.dayOfWeek()); midnight(d) < f.to; d = d.addDays(7))
            out.weeks.push_back({std::max(f.from, midnight(d)), std::min(f.to, midnight(d.addDays(7))), {}});
    }
    // 3. The forecast's working days and the capacity's.
    {
        std::vector<QDate> days;
        for (QDate d = today; int(days.size()) <= kForecastDays; d = d.addDays(1))
            if (calendar.isWorkingDay(d))
                days.push_back(d);
        for (std::size_t i = 0; i < std::size_t(kForecastDays); ++i)
            out.forecast.push_back({days[i], midnight(days[i]), midnight(days[i + 1]), 0});
        QDate d = today;
        for (int n = 0; n < kCapacityDays;) {
            d = d.addDays(-1);
            if (calendar.isWorkingDay(d))
                ++n;
        }
        out.capacity.start = midnight(d);
        out.capacity.end = midnight(today);
        out.capacity.workingDays = kCapacityDays;
    }
    // 4. and 5. The caseworkers' period and the partners' two.
    if (!ranged) {
        out.caseworkersFrom = midnight(monday);
        out.caseworkersTo = midnight(monday.addDays(7));
        const QDate month(today.year(), today.month(), 1);
        out.currentFrom = midnight(month);
        out.currentTo = midnight(month.addMonths(1));
        out.previousFrom = midnight(month.addMonths(-1));
        out.previousTo = out.currentFrom;
    } else {
        out.caseworkersFrom = out.currentFrom = f.from;
        out.caseworkersTo = out.currentTo = f.to;
        out.previousFrom = f.from - (f.to - f.from);
        out.previousTo = f.from;
    }
    const Period caseworkerPeriod{out.caseworkersFrom, out.caseworkersTo};
    const Period current{out.currentFrom, out.currentTo};
    const Period previous{out.previousFrom, out.previousTo};
    const Period capacity{out.capacity.start, out.capacity.end};

    QElapsedTimer timer;
    timer.start();

    // Where every item got to. All of its history is read, not only the periods': a resolve in a
    // period after an earlier one (rejected, or reopened) is not a first. Moves from a status to
    // itself (a note on a resolved item) are not moves. With the partial index events_progress
    // (see the header) this reads that index alone; without it, the whole events table.
    Names actors;
    Progress progress(historyPass ? m_db->scalar("SELECT max(row) FROM items") : 0);
    if (historyPass) {
        Statement st = m_db->prepare("SELECT item_id, at, to_status, actor FROM events "
                                     "WHERE to_status IN (2, 5) AND from_status != to_status");
        // An item's events mostly come together (in the index's order, or as the cache wrote
        // them): each run of them is summed up here and told to `progress` once.
        struct Run {
            std::string id;
            EpochSecs started = Progress::kNever;
            EpochSecs resolved = Progress::kNever;
            int actor = -1;
        } run;
        struct Told {
            ItemKey key;
            EpochSecs started, resolved;
            int actor;
        };
        Batch<Told> told;
        const auto tell = [&](const Told &t) { progress.add(t.key, t.started, t.resolved, t.actor); };
        const auto endRun = [&] {
            if (!run.id.empty())
                told.push({itemKey(run.id), run.started, run.resolved, run.actor}, progress, tell);
        };
        while (st.step()) {
            if (const std::string_view id = st.utf8(0); id != run.id) {
                endRun();
                run.id.assign(id);
                run.started = run.resolved = Progress::kNever;
                run.actor = -1;
            }
            const EpochSecs at = st.int64(1);
            if (st.int64(2) != int(Status::Resolved))
                run.started = std::min(run.started, at);
            else if (at < run.resolved) {
                run.resolved = at;
                run.actor = actors.id(st.utf8(3));
            }
        }
        endRun();
        told.flush(progress, tell);
    }
    const qint64 eventsMs = timer.restart();

    // The team: resolved work counts by who resolved it, open work by who holds it.
    Names team;
    for (const QString &a : f.assignees)
        team.id(a.toStdString());
    std::vector<char> actorCounts(std::size_t(actors.size()), char(f.assignees.isEmpty()));
    for (int a = 0; a < actors.size(); ++a)
        if (team.find(actors.name(a).toStdString()) >= 0)
            actorCounts[std::size_t(a)] = 1;
    const auto countsAssignee = [&](std::string_view name) { return f.assignees.isEmpty() || team.find(name) >= 0; };

    struct PartnerState {
        QString code;
        const WorkingCalendar *calendar = nullptr;
        std::unique_ptr<WorkingTimeToNow> toNow;
        Compliance current, previous;
    };
    std::vector<PartnerState> partnerStates;
    Names partners, subtypes;
    std::vector<int> resolvedBy(std::size_t(actors.size()));
    std::vector<std::vector<qint64>> handlingBy(std::size_t(actors.size()));

    // An item joined to its progress: the resolved-work figures.
    struct Row {
        ItemKey key;
        int kind;
        int partner;
        EpochSecs due;
        qint64 row; // items.row, for a collector; 0 otherwise
    };
    const auto countResolved = [&](const Row &row) {
        const Progress::Item *p = progress.find(row.key);
        if (!p || p->resolved == Progress::kNever || !actorCounts[std::size_t(p->actor)])
            return;
        const EpochSecs at = p->resolved;
        const Compliance c{1, at <= row.due ? 1 : 0};
        PartnerState &ps = partnerStates[std::size_t(row.partner)];
        const auto item = [&] { return Collector::Item{row.row, row.kind, ps.code, *ps.calendar, row.due, at}; };
        const auto week = std::upper_bound(out.weeks.begin(), out.weeks.end(), at,
                                           [](EpochSecs t, const SlaFigures::Week &w) { return t < w.start; });
        if (week != out.weeks.begin() && at < std::prev(week)->end) {
            std::prev(week)->byKind[std::size_t(row.kind)] += c;
            if (collector)
                collector->week(int(std::prev(week) - out.weeks.begin()), item());
        }
        if (current.contains(at)) {
            ps.current += c;
            if (collector)
                collector->partner(false, item());
        }
        if (previous.contains(at)) {
            ps.previous += c;
            if (collector)
                collector->partner(true, item());
        }
        if (capacity.contains(at))
            ++out.capacity.resolved;
        if (caseworkerPeriod.contains(at)) {
            ++resolvedBy[std::size_t(p->actor)];
            if (collector)
                collector->caseworker(actors.name(p->actor), item());
            if (p->started <= at)
                handlingBy[std::size_t(p->actor)].push_back(ps.calendar->between(p->started, at));
        }
    };

    // One pass over the items: each joined to its progress, and the open ones aged.
    struct AwaitingItem {
        qint64 row;
        QString id, reference, assignee;
        int partner;
        EpochSecs updated;
    };
    std::vector<AwaitingItem> awaitingItems;
    if (itemsPass) {
        // In table order, whatever the filter: reading a partner's or a queue's items through
        // their index would cost a random read an item.
        Statement st = m_db->prepare(std::string("SELECT id, kind, partner, status, due, received, assignee, "
                                                 "subtype, reference, updated, row FROM items NOT INDEXED WHERE 1") +
                                     itemConditions(f, scope, ""));
        bindItemConditions(st, 1, f, scope);
        WorkItem item; // reused: what SlaRules::status() reads
        Batch<Row> rows; // joined a few thousand at a time, as above
        while (st.step()) {
            const qint64 kind = st.int64(1);
            if (kind < 0 || kind > 2)
                continue;
            const int partner = partners.id(st.utf8(2));
            if (partner == int(partnerStates.size())) {
                PartnerState p;
                p.code = partners.name(partner);
                p.calendar = &rules.calendar(p.code);
                p.toNow = std::make_unique<WorkingTimeToNow>(*p.calendar, now);
                partnerStates.push_back(std::move(p));
            }
            const auto status = Status(st.int64(3));
            const EpochSecs due = st.int64(4);
            const Row row{itemKey(st.utf8(0)), int(kind), partner, due, collector ? st.int64(10) : 0};
            rows.push(row, progress, countResolved);

            if (!openPass || !isOpen(status) || !countsAssignee(st.utf8(6)))
                continue;
            PartnerState &ps = partnerStates[std::size_t(partner)];
            const qint64 age = ps.toNow->since(st.int64(5)) / ps.calendar->daySeconds();
            item.partner = ps.code;
            item.kind = Kind(kind);
            item.subtype = subtypes.name(subtypes.id(st.utf8(7)));
            item.status = status;
            item.due = due;
            const SlaFigures::AgeBand band = SlaFigures::ageBand(age);
            const bool breached = rules.status(item, now).state == SlaState::Breached;
            SlaFigures::AgeCell &cell = out.openByAge[band][std::size_t(kind)];
            ++cell.open;
            if (breached)
                ++cell.breached;
            if (collector)
                collector->age(band, breached, {row.row, int(kind), ps.code, *ps.calendar, due, 0});
            if (figures && status == Status::AwaitingInfo) // 6., for the figures alone
                awaitingItems.push_back({st.int64(10), st.text(0), st.text(8), st.text(6), partner, st.int64(9)});
        }
        rows.flush(progress, countResolved);
    }
    const qint64 itemsMs = timer.restart();

    // 5. Every partner in scope, in the desk's order, then any other (a store's own partner).
    if (figures) {
        QStringList order;
        for (const QString &code : partnerCodes())
            if (!scope || scope->contains(code))
                order.append(code);
        for (const QString &code : scope ? *scope : QStringList())
            if (!order.contains(code))
                order.append(code);
        if (!scope)
            for (const PartnerState &p : partnerStates)
                if (!order.contains(p.code))
                    order.append(p.code);
        for (const QString &code : order) {
            SlaFigures::PartnerMonths pm{code, {}, {}};
            for (const PartnerState &p : partnerStates)
                if (p.code == code) {
                    pm.current = p.current;
                    pm.previous = p.previous;
                }
            out.partners.push_back(pm);
        }
    }

    // 4. Per caseworker, most first.
    if (figures) {
        QHash<QString, QString> names;
        Statement users = m_db->prepare("SELECT username, display_name FROM users");
        while (users.step())
            names.insert(users.text(0), users.text(1));
        for (int a = 0; a < actors.size(); ++a) {
            if (resolvedBy[std::size_t(a)] == 0)
                continue;
            SlaFigures::Caseworker c;
            c.username = actors.name(a);
            c.displayName = names.value(c.username, c.username);
            c.resolved = resolvedBy[std::size_t(a)];
            c.timed = int(handlingBy[std::size_t(a)].size());
            if (const auto m = median(handlingBy[std::size_t(a)]))
                c.medianHandlingHours = *m / 3600.0;
            out.caseworkers.push_back(std::move(c));
        }
        std::sort(out.caseworkers.begin(), out.caseworkers.end(), [](const auto &a, const auto &b) {
            return a.resolved != b.resolved ? a.resolved > b.resolved : a.username < b.username;
        });
    }

    // 6. Awaiting information: since the last move into it.
    if (figures) {
        Statement st = m_db->prepare(
            "SELECT max(at) FROM events WHERE item_id = ? AND to_status = 3 AND from_status != 3");
        for (const AwaitingItem &a : awaitingItems) {
            st.bind(1, a.id);
            // No such event (a history cut short): the item's last change is the best guess.
            const EpochSecs since = st.step() && !st.isNull(0) ? st.int64(0) : a.updated;
            st.reset();
            PartnerState &ps = partnerStates[std::size_t(a.partner)];
            out.awaiting.push_back({a.row, a.id, a.reference, ps.code, a.assignee, since, ps.toNow->since(since)});
        }
        const auto longest = [](const SlaFigures::Awaiting &a, const SlaFigures::Awaiting &b) {
            return a.waitedSeconds != b.waitedSeconds ? a.waitedSeconds > b.waitedSeconds
                   : a.since != b.since               ? a.since < b.since
                                                      : a.reference < b.reference;
        };
        const std::size_t top = std::min<std::size_t>(out.awaiting.size(), SlaFigures::kAwaitingTop);
        std::partial_sort(out.awaiting.begin(), out.awaiting.begin() + qsizetype(top), out.awaiting.end(), longest);
        out.awaiting.resize(top);
    }

    // 3. What falls due each working day: a plain count; for a collector, the items with their day.
    if (figures) {
        Statement st = dueOnForecastDays(*m_db, "days.n, count(*)", " GROUP BY days.n", f, scope, out.forecast);
        while (st.step())
            out.forecast[std::size_t(st.int64(0))].due = int(st.int64(1));
    }
    if (collector && collector->dueWork) {
        Statement st = dueOnForecastDays(*m_db, "days.n, items.row", "", f, scope, out.forecast);
        while (st.step())
            collector->forecast(int(st.int64(0)), st.int64(1));
    }

    qCDebug(lcCache, "dashboard %s in %lld ms: history %lld ms, items %lld ms, the rest %lld ms",
            figures ? "figures" : "items", eventsMs + itemsMs + timer.elapsed(), eventsMs, itemsMs, timer.elapsed());
    return out;
}

} // namespace ibc::models
