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
    const bool resolvedPass = figures || collector->resolvedWork;
    const bool openPass = figures || collector->openWork;
    const bool itemsPass = resolvedPass || openPass;

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

    // The team: resolved work counts by who resolved it, open work by who holds it.
    Names team;
    for (const QString &a : f.assignees)
        team.id(a.toStdString());
    const auto countsAssignee = [&](std::string_view name) { return f.assignees.isEmpty() || team.find(name) >= 0; };

    // Who resolved work, as met in the pass.
    Names actors;
    std::vector<char> actorCounts; // whether the filter's team holds them
    std::vector<int> resolvedBy;
    std::vector<std::vector<qint64>> handlingBy;
    const auto actor = [&](std::string_view name) {
        const int a = actors.id(name);
        if (a == int(actorCounts.size())) {
            actorCounts.push_back(char(countsAssignee(name)));
            resolvedBy.push_back(0);
            handlingBy.emplace_back();
        }
        return a;
    };

    struct PartnerState {
        QString code;
        const WorkingCalendar *calendar = nullptr;
        std::unique_ptr<WorkingTimeToNow> toNow;
        Compliance current, previous;
    };
    std::vector<PartnerState> partnerStates;
    Names partners, subtypes;

    // Resolved work: an item of the partner `ps`'s first resolved by `by` (an actor), first started
    // at `started` (0: never).
    const auto countResolved = [&](PartnerState &ps, const Collector::Item &item, int by, EpochSecs started) {
        const EpochSecs at = item.resolved;
        const Compliance c{1, at <= item.due ? 1 : 0};
        const auto week = std::upper_bound(out.weeks.begin(), out.weeks.end(), at,
                                           [](EpochSecs t, const SlaFigures::Week &w) { return t < w.start; });
        if (week != out.weeks.begin() && at < std::prev(week)->end) {
            std::prev(week)->byKind[std::size_t(item.kind)] += c;
            if (collector)
                collector->week(int(std::prev(week) - out.weeks.begin()), item);
        }
        if (current.contains(at)) {
            ps.current += c;
            if (collector)
                collector->partner(false, item);
        }
        if (previous.contains(at)) {
            ps.previous += c;
            if (collector)
                collector->partner(true, item);
        }
        if (capacity.contains(at))
            ++out.capacity.resolved;
        if (caseworkerPeriod.contains(at)) {
            ++resolvedBy[std::size_t(by)];
            if (collector)
                collector->caseworker(actors.name(by), item);
            if (started && started <= at)
                handlingBy[std::size_t(by)].push_back(item.calendar.between(started, at));
        }
    };

    // One pass over the items: the resolved ones counted where their first resolve falls (the
    // cache keeps where each item got to on its row, from its history: Cache.cpp, migration6), and
    // the open ones aged.
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
        Statement st = m_db->prepare(std::string("SELECT id, kind, partner, status, due, received, assignee, subtype, "
                                                 "reference, updated, row, started_at, resolved_at, resolved_by "
                                                 "FROM items NOT INDEXED WHERE 1") +
                                     itemConditions(f, scope, ""));
        bindItemConditions(st, 1, f, scope);
        WorkItem item; // reused: what SlaRules::status() reads
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
            PartnerState &ps = partnerStates[std::size_t(partner)];
            const auto status = Status(st.int64(3));
            const EpochSecs due = st.int64(4);
            const qint64 row = collector ? st.int64(10) : 0;
            if (resolvedPass && !st.isNull(12)) {
                if (const int by = actor(st.utf8(13)); actorCounts[std::size_t(by)])
                    countResolved(ps, {row, int(kind), ps.code, *ps.calendar, due, st.int64(12)}, by, st.int64(11));
            }

            if (!openPass || !isOpen(status) || !countsAssignee(st.utf8(6)))
                continue;
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
                collector->age(band, breached, {row, int(kind), ps.code, *ps.calendar, due, 0});
            if (figures && status == Status::AwaitingInfo) // 6., for the figures alone
                awaitingItems.push_back({st.int64(10), st.text(0), st.text(8), st.text(6), partner, st.int64(9)});
        }
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
        Statement st =
            m_db->prepare("SELECT max(at) FROM events WHERE item_id = ? AND to_status = 3 AND from_status != 3");
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

    qCDebug(lcCache, "dashboard %s in %lld ms: items %lld ms, the rest %lld ms", figures ? "figures" : "items",
            itemsMs + timer.elapsed(), itemsMs, timer.elapsed());
    return out;
}

} // namespace ibc::models
