#include "cache/SlaFigures.h"

#include "cache/Cache.h"
#include "domain/Command.h"
#include "domain/Partner.h"
#include "sqlite/Sqlite.h"

#include <QElapsedTimer>
#include <QHash>

#include <algorithm>
#include <functional>
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
        : m_calendar(calendar)
        , m_now(now)
        , m_today(calendar.dateAt(now))
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
                            const std::optional<QStringList> &scope, const std::vector<SlaFigures::ForecastDay> &days)
{
    std::string sql = "WITH days(n, start, stop) AS (VALUES ";
    for (std::size_t i = 0; i < days.size(); ++i)
        sql += i ? ",(?,?,?)" : "(?,?,?)";
    sql += std::string(") SELECT ") + columns +
           " FROM days JOIN items ON items.due >= days.start "
           "AND items.due < days.stop WHERE items.status NOT IN (3, 5, 7)" +
           itemConditions(f, scope, "items.");
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

// The figures' periods for the filter and `now`, with nothing counted yet. Days, weeks and months
// are local (Europe/London, as every calendar is); working days are `calendar`'s.
SlaFigures framedFigures(const DashboardFilter &f, const WorkingCalendar &calendar, EpochSecs now)
{
    SlaFigures out;
    out.now = now;
    const bool ranged = f.from != 0 && f.to != 0;
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
    return out;
}

// Each breach's id, reference, subtype, received time and reason, read in the caller's snapshot: a
// lookup by row in the items table (in its order, so `breaches` are sorted by row), and one or two
// by item id in the history's and the notes' indexes.
void readBreachDetails(Database &db, std::vector<SlaBreach> &breaches, EpochSecs now)
{
    std::sort(breaches.begin(), breaches.end(), [](const SlaBreach &a, const SlaBreach &b) { return a.row < b.row; });
    Statement item = db.prepare("SELECT id, reference, subtype, received FROM items WHERE row = ?");
    // The reasons the lifecycle asks for (Lifecycle: a request for information, an escalation, a
    // sending back); a line without one (a store's older history) gives way to an earlier line or
    // a note.
    Statement reason = db.prepare("SELECT detail FROM events WHERE item_id = ? AND type IN (?, ?, ?) "
                                  "AND at <= ? AND detail != '' ORDER BY at DESC, row DESC LIMIT 1");
    reason.bind(2, commandName(CommandType::Escalate))
        .bind(3, commandName(CommandType::RequestInfo))
        .bind(4, commandName(CommandType::Reject));
    Statement note = db.prepare("SELECT text FROM notes WHERE item_id = ? ORDER BY at DESC, row DESC LIMIT 1");
    for (SlaBreach &b : breaches) {
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

    bool resolvedWork = true; // week(), partner(), caseworker()
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
    // figures read the whole items table (as ibc-store's readers do).
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

    // Then each breach's details, in the snapshot the scan read.
    QElapsedTimer timer;
    timer.start();
    readBreachDetails(*m_db, out, now);
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

// One pass over the items: the resolved ones counted where their first resolve falls (the cache
// keeps where each item got to on its row, from its history: Cache.cpp, migration6), and the open
// ones aged; then the figures made from what it counted. Each place that counts an item tells the
// collector too, behind one branch that is the same for every item.
class SlaFiguresReader::Tally {
public:
    // `out` has its periods (framedFigures()); `collector` may be null.
    Tally(SlaFigures &out, const DashboardFilter &f, const SlaRules &rules, EpochSecs now, Collector *collector)
        : m_out(out)
        , m_filter(f)
        , m_rules(rules)
        , m_now(now)
        , m_collector(collector)
        , m_caseworkerPeriod{out.caseworkersFrom, out.caseworkersTo}
        , m_current{out.currentFrom, out.currentTo}
        , m_previous{out.previousFrom, out.previousTo}
        , m_capacity{out.capacity.start, out.capacity.end}
    {
        for (const QString &a : f.assignees)
            m_team.id(a.toStdString());
    }

    // `figures`: keep what 6. needs too.
    void readItems(Database &db, const std::optional<QStringList> &scope, bool resolvedPass, bool openPass,
                   bool figures);
    // 5. Every partner in scope, in the desk's order, then any other (a store's own partner).
    void addPartners(const std::optional<QStringList> &scope);
    // 4. Per caseworker, most first.
    void addCaseworkers(Database &db);
    // 6. Awaiting information: since the last move into it.
    void addAwaiting(Database &db);

private:
    struct PartnerState {
        QString code;
        const WorkingCalendar *calendar = nullptr;
        std::unique_ptr<WorkingTimeToNow> toNow;
        Compliance current, previous;
    };
    struct AwaitingItem {
        qint64 row;
        QString id, reference, assignee;
        int partner;
        EpochSecs updated;
    };

    // The team: resolved work counts by who resolved it, open work by who holds it.
    bool countsAssignee(std::string_view name) const { return m_filter.assignees.isEmpty() || m_team.find(name) >= 0; }
    int actor(std::string_view name);
    int partner(std::string_view code); // an index in m_partnerStates
    void countResolved(PartnerState &ps, const Collector::Item &item, int by, EpochSecs started);

    SlaFigures &m_out;
    const DashboardFilter &m_filter;
    const SlaRules &m_rules;
    const EpochSecs m_now;
    Collector *const m_collector;
    const Period m_caseworkerPeriod, m_current, m_previous, m_capacity;

    Names m_team;
    // Who resolved work, as met in the pass.
    Names m_actors;
    std::vector<char> m_actorCounts; // whether the filter's team holds them
    std::vector<int> m_resolvedBy;
    std::vector<std::vector<qint64>> m_handlingBy;

    std::vector<PartnerState> m_partnerStates;
    Names m_partners, m_subtypes;
    std::vector<AwaitingItem> m_awaitingItems;
};

int SlaFiguresReader::Tally::actor(std::string_view name)
{
    const int a = m_actors.id(name);
    if (a == int(m_actorCounts.size())) {
        m_actorCounts.push_back(char(countsAssignee(name)));
        m_resolvedBy.push_back(0);
        m_handlingBy.emplace_back();
    }
    return a;
}

int SlaFiguresReader::Tally::partner(std::string_view code)
{
    const int index = m_partners.id(code);
    if (index == int(m_partnerStates.size())) {
        PartnerState p;
        p.code = m_partners.name(index);
        p.calendar = &m_rules.calendar(p.code);
        p.toNow = std::make_unique<WorkingTimeToNow>(*p.calendar, m_now);
        m_partnerStates.push_back(std::move(p));
    }
    return index;
}

// Resolved work: an item of the partner `ps`'s first resolved by `by` (an actor), first started at
// `started` (0: never).
void SlaFiguresReader::Tally::countResolved(PartnerState &ps, const Collector::Item &item, int by, EpochSecs started)
{
    const EpochSecs at = item.resolved;
    const Compliance c{1, at <= item.due ? 1 : 0};
    const auto week = std::upper_bound(m_out.weeks.begin(), m_out.weeks.end(), at,
                                       [](EpochSecs t, const SlaFigures::Week &w) { return t < w.start; });
    if (week != m_out.weeks.begin() && at < std::prev(week)->end) {
        std::prev(week)->byKind[std::size_t(item.kind)] += c;
        if (m_collector)
            m_collector->week(int(std::prev(week) - m_out.weeks.begin()), item);
    }
    if (m_current.contains(at)) {
        ps.current += c;
        if (m_collector)
            m_collector->partner(false, item);
    }
    if (m_previous.contains(at)) {
        ps.previous += c;
        if (m_collector)
            m_collector->partner(true, item);
    }
    if (m_capacity.contains(at))
        ++m_out.capacity.resolved;
    if (m_caseworkerPeriod.contains(at)) {
        ++m_resolvedBy[std::size_t(by)];
        if (m_collector)
            m_collector->caseworker(m_actors.name(by), item);
        if (started && started <= at)
            m_handlingBy[std::size_t(by)].push_back(item.calendar.between(started, at));
    }
}

void SlaFiguresReader::Tally::readItems(Database &db, const std::optional<QStringList> &scope, bool resolvedPass,
                                        bool openPass, bool figures)
{
    // In table order, whatever the filter: reading a partner's or a queue's items through their
    // index would cost a random read an item.
    Statement st = db.prepare(std::string("SELECT id, kind, partner, status, due, received, assignee, subtype, "
                                          "reference, updated, row, started_at, resolved_at, resolved_by "
                                          "FROM items NOT INDEXED WHERE 1") +
                              itemConditions(m_filter, scope, ""));
    bindItemConditions(st, 1, m_filter, scope);
    WorkItem item; // reused: what SlaRules::status() reads
    while (st.step()) {
        const qint64 kind = st.int64(1);
        if (kind < 0 || kind > 2)
            continue;
        const int partnerIndex = partner(st.utf8(2));
        PartnerState &ps = m_partnerStates[std::size_t(partnerIndex)];
        const auto status = Status(st.int64(3));
        const EpochSecs due = st.int64(4);
        const qint64 row = m_collector ? st.int64(10) : 0;
        if (resolvedPass && !st.isNull(12)) {
            if (const int by = actor(st.utf8(13)); m_actorCounts[std::size_t(by)])
                countResolved(ps, {row, int(kind), ps.code, *ps.calendar, due, st.int64(12)}, by, st.int64(11));
        }

        if (!openPass || !isOpen(status) || !countsAssignee(st.utf8(6)))
            continue;
        const qint64 age = ps.toNow->since(st.int64(5)) / ps.calendar->daySeconds();
        item.partner = ps.code;
        item.kind = Kind(kind);
        item.subtype = m_subtypes.name(m_subtypes.id(st.utf8(7)));
        item.status = status;
        item.due = due;
        const SlaFigures::AgeBand band = SlaFigures::ageBand(age);
        const bool breached = m_rules.status(item, m_now).state == SlaState::Breached;
        SlaFigures::AgeCell &cell = m_out.openByAge[band][std::size_t(kind)];
        ++cell.open;
        if (breached)
            ++cell.breached;
        if (m_collector)
            m_collector->age(band, breached, {row, int(kind), ps.code, *ps.calendar, due, 0});
        if (figures && status == Status::AwaitingInfo) // 6., for the figures alone
            m_awaitingItems.push_back({st.int64(10), st.text(0), st.text(8), st.text(6), partnerIndex, st.int64(9)});
    }
}

void SlaFiguresReader::Tally::addPartners(const std::optional<QStringList> &scope)
{
    QStringList order;
    for (const QString &code : partnerCodes())
        if (!scope || scope->contains(code))
            order.append(code);
    for (const QString &code : scope ? *scope : QStringList())
        if (!order.contains(code))
            order.append(code);
    if (!scope)
        for (const PartnerState &p : m_partnerStates)
            if (!order.contains(p.code))
                order.append(p.code);
    for (const QString &code : order) {
        SlaFigures::PartnerMonths pm{code, {}, {}};
        for (const PartnerState &p : m_partnerStates)
            if (p.code == code) {
                pm.current = p.current;
                pm.previous = p.previous;
            }
        m_out.partners.push_back(pm);
    }
}

void SlaFiguresReader::Tally::addCaseworkers(Database &db)
{
    QHash<QString, QString> names;
    Statement users = db.prepare("SELECT username, display_name FROM users");
    while (users.step())
        names.insert(users.text(0), users.text(1));
    for (int a = 0; a < m_actors.size(); ++a) {
        if (m_resolvedBy[std::size_t(a)] == 0)
            continue;
        SlaFigures::Caseworker c;
        c.username = m_actors.name(a);
        c.displayName = names.value(c.username, c.username);
        c.resolved = m_resolvedBy[std::size_t(a)];
        c.timed = int(m_handlingBy[std::size_t(a)].size());
        if (const auto m = median(m_handlingBy[std::size_t(a)]))
            c.medianHandlingHours = *m / 3600.0;
        m_out.caseworkers.push_back(std::move(c));
    }
    std::sort(m_out.caseworkers.begin(), m_out.caseworkers.end(), [](const auto &a, const auto &b) {
        return a.resolved != b.resolved ? a.resolved > b.resolved : a.username < b.username;
    });
}

void SlaFiguresReader::Tally::addAwaiting(Database &db)
{
    Statement st = db.prepare("SELECT max(at) FROM events WHERE item_id = ? AND to_status = 3 AND from_status != 3");
    for (const AwaitingItem &a : m_awaitingItems) {
        st.bind(1, a.id);
        // No such event (a history cut short): the item's last change is the best guess.
        const EpochSecs since = st.step() && !st.isNull(0) ? st.int64(0) : a.updated;
        st.reset();
        PartnerState &ps = m_partnerStates[std::size_t(a.partner)];
        m_out.awaiting.push_back({a.row, a.id, a.reference, ps.code, a.assignee, since, ps.toNow->since(since)});
    }
    const auto longest = [](const SlaFigures::Awaiting &a, const SlaFigures::Awaiting &b) {
        return a.waitedSeconds != b.waitedSeconds ? a.waitedSeconds > b.waitedSeconds
               : a.since != b.since               ? a.since < b.since
                                                  : a.reference < b.reference;
    };
    const std::size_t top = std::min<std::size_t>(m_out.awaiting.size(), SlaFigures::kAwaitingTop);
    std::partial_sort(m_out.awaiting.begin(), m_out.awaiting.begin() + qsizetype(top), m_out.awaiting.end(), longest);
    m_out.awaiting.resize(top);
}

SlaFigures SlaFiguresReader::scan(const DashboardFilter &f, const SlaRules &rules, EpochSecs now, Collector *collector)
{
    // Without a collector, every figure; with one, the passes it needs.
    const bool figures = !collector || collector->figures;
    const bool resolvedPass = figures || collector->resolvedWork;
    const bool openPass = figures || collector->openWork;
    const bool itemsPass = resolvedPass || openPass;
    const std::optional<QStringList> scope = partnerScope(f);

    // Working days are the chosen partner's, or the calendar every partner without one of its own gets.
    SlaFigures out = framedFigures(f, rules.calendar(f.partner), now);

    QElapsedTimer timer;
    timer.start();
    Tally tally(out, f, rules, now, collector);
    if (itemsPass)
        tally.readItems(*m_db, scope, resolvedPass, openPass, figures);
    const qint64 itemsMs = timer.restart();

    if (figures) {
        tally.addPartners(scope);
        tally.addCaseworkers(*m_db);
        tally.addAwaiting(*m_db);
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

    qCDebug(lcCache, "dashboard %s in %lld ms: items %lld ms, the rest %lld ms", figures ? "figures" : "items",
            itemsMs + timer.elapsed(), itemsMs, timer.elapsed());
    return out;
}

} // namespace ibc::models
