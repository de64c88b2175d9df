#pragma once

#include "domain/Sla.h"
#include "domain/WorkItem.h"

#include <QDate>
#include <QString>
#include <QStringList>

#include <array>
#include <memory>
#include <optional>
#include <vector>

namespace ibc::models {

namespace sqlite {
class Database;
}

// Which work the team leader's dashboard counts.
struct DashboardFilter {
    QStringList partners; // the partners the user works for; empty: every partner
    QString partner;      // one partner; empty: all of `partners`
    std::optional<Kind> kind;
    // A team: open work assigned to one of these caseworkers, resolved work resolved by one of
    // them (the resolve event's actor). Empty: everyone, and unassigned work too.
    QStringList assignees;
    // The period of the resolved-work figures (weekly compliance, per caseworker, per partner),
    // [from, to). 0 in either: each figure's own default period. The breach forecast and its
    // capacity always look from now.
    EpochSecs from = 0;
    EpochSecs to = 0;
};

// Items resolved in a period, and how many of them were resolved by their due time.
struct Compliance {
    int resolved = 0;
    int inTime = 0;
    // 100 × inTime / resolved; nullopt when nothing was resolved.
    std::optional<double> percent() const;
    Compliance &operator+=(const Compliance &other);
};

// Work is resolved once, when it first reaches Resolved from another status: a later resolve after
// a rejection or a reopening does not count again. An item's compliance compares that moment with
// the item's due time as the cache now holds it. Periods are [start, end), in local time
// (Europe/London); times are Unix seconds.
struct SlaFigures {
    EpochSecs now = 0;

    // 1. Compliance per queue by week (weeks start on Monday at 00:00), oldest first: the 13 weeks
    // ending with `now`'s week, or the weeks of the filter's period, cut to it.
    struct Week {
        EpochSecs start = 0;
        EpochSecs end = 0;
        std::array<Compliance, 3> byKind; // by int(Kind)
        Compliance all() const;
    };
    std::vector<Week> weeks;

    // 2. Open work by age in working days (working time since receipt in the partner's calendar,
    // in whole days of its length) × queue, with how many of each are breached now.
    enum AgeBand { UpToOneDay, TwoToFiveDays, SixToTenDays, OverTenDays };
    static constexpr int kAgeBands = 4;
    static AgeBand ageBand(qint64 workingDays);
    struct AgeCell {
        int open = 0;
        int breached = 0;
    };
    std::array<std::array<AgeCell, 3>, kAgeBands> openByAge{}; // [band][int(Kind)]

    // 3. Breach forecast: for each of the next 10 working days (today first if it is one), the open
    // work, not paused, that falls due that day; and the team's capacity: the items it first
    // resolved over the 20 working days before today. Working days are the filter's partner's, or
    // without one the calendar SlaRules gives any partner it has none for.
    struct ForecastDay {
        QDate date;
        EpochSecs start = 0; // local midnight
        EpochSecs end = 0;   // the next working day's local midnight: work due on a day off between
                             // counts with the working day before it
        int due = 0;
    };
    std::vector<ForecastDay> forecast;
    struct Capacity {
        EpochSecs start = 0; // the 20 working days before today
        EpochSecs end = 0;   // today's local midnight
        int workingDays = 20;
        int resolved = 0;
        double perDay() const { return double(resolved) / workingDays; }
    } capacity;

    // 4. Resolved per caseworker (the resolve event's actor) this week, or in the filter's period,
    // most first, with the median working time from first start (first move to In progress) to
    // the resolve, in the item's partner's calendar. Items never started are counted but not timed.
    struct Caseworker {
        QString username;
        QString displayName; // from the cache's users; the username if unknown
        int resolved = 0;
        int timed = 0;
        std::optional<double> medianHandlingHours;
    };
    EpochSecs caseworkersFrom = 0;
    EpochSecs caseworkersTo = 0;
    std::vector<Caseworker> caseworkers;

    // 5. Compliance per partner this month and last month (local calendar months), or in the
    // filter's period and the period of the same length before it. Partners in code order.
    struct PartnerMonths {
        QString partner;
        Compliance current;
        Compliance previous;
    };
    EpochSecs currentFrom = 0, currentTo = 0, previousFrom = 0, previousTo = 0;
    std::vector<PartnerMonths> partners;

    // 6. The open work awaiting information longest: working time (partner's calendar) since the
    // last move to Awaiting information, longest first, at most kAwaitingTop.
    static constexpr int kAwaitingTop = 20;
    struct Awaiting {
        qint64 row = 0; // the cache's row id
        QString id;
        QString reference;
        QString partner;
        QString assignee;
        EpochSecs since = 0;
        qint64 waitedSeconds = 0;
    };
    std::vector<Awaiting> awaiting;
};

// A part of the dashboard a team leader clicked: the work behind one of its numbers.
struct DashboardPick {
    enum class Part { Week, Age, Forecast, Caseworker, Partner };
    Part part = Part::Week;
    int index = -1;               // Week: index in SlaFigures::weeks; Age: the AgeBand; Forecast: index in forecast
    std::optional<Kind> kind;     // Week, Age: one queue, or nullopt for all three
    std::optional<bool> breached; // Age: only the breached part (true), only the rest (false), or both
    QString name;                 // Caseworker: the username; Partner: the partner code
    bool previous = false;        // Partner: last month (the period before), not this one
};

// A breach for a service report: work first resolved in the period after its due time, or open
// work past its due time now.
struct SlaBreach {
    qint64 row = 0; // the cache's row id
    QString id;
    QString reference;
    Kind kind = Kind::HrChange;
    QString subtype;
    QString partner;
    EpochSecs received = 0;
    EpochSecs due = 0;
    EpochSecs resolved = 0;    // the first resolve; 0 for work still open
    qint64 overdueSeconds = 0; // working time (the partner's calendar) from due to the resolve, or to now
    // Why, in the caseworker's words: the detail of the item's latest escalation, request for
    // information or rejection at or before the resolve (or now), else its latest note; empty if none.
    QString reason;
};

// Computes the dashboard's figures from a cache file, read-only, on a connection of its own, so
// that it can run on a worker thread while the desk keeps its own connection. Each compute() reads
// one snapshot of the cache (one read transaction), so its figures agree with one another.
// Not thread safe: one thread at a time per reader.
//
// Cost: one pass over the items table, which holds where each item got to (its first start and
// first resolve, kept from its history by the cache), then a lookup per item awaiting information
// and an indexed count of the forecast's due work. The file must be a cache Cache::open() has
// made or migrated; an older one throws sqlite::Error.
class SlaFiguresReader {
public:
    explicit SlaFiguresReader(const QString &cachePath);
    ~SlaFiguresReader();

    SlaFigures compute(const DashboardFilter &filter, const SlaRules &rules, EpochSecs now);

    // The items behind one of compute()'s numbers, as the cache's row ids (items.row), ascending:
    // under the same filter, rules and `now`, in one snapshot, exactly the items that number counts,
    // so that there are always as many as it says. Week: the items first resolved in that week, in
    // time or not (SlaFigures::Week's byKind[kind].resolved, or all().resolved); Age: the open items
    // in that band (AgeCell's open, breached, or open − breached); Forecast: that day's due;
    // Caseworker: that caseworker's resolved; Partner: that partner's current or previous
    // resolved. A number compute() does not give (an index out of range, a name it does not list):
    // no rows. It costs what compute() does, less the parts the pick does not need: a Forecast
    // pick reads the forecast's due work alone, the others no open work's age or no resolved work.
    std::vector<qint64> rows(const DashboardFilter &filter, const SlaRules &rules, EpochSecs now,
                             const DashboardPick &pick);

    // The breaches under the filter: work first resolved in the filter's current period (the
    // partners table's: this month, or [from, to)) after its due time, and open work breached now
    // (SlaRules::status()), most overdue first. Counted as compute() counts them: the resolved ones
    // are exactly the partner figures' resolved less in time, the open ones the breached open work
    // by age; so work first resolved late in the period and open and overdue again since is listed
    // twice, resolved and open. One snapshot, read as compute() reads it, then a few lookups a breach.
    // With `figures`, compute()'s figures too, from the same pass and snapshot (a service report's).
    std::vector<SlaBreach> breaches(const DashboardFilter &filter, const SlaRules &rules, EpochSecs now,
                                    SlaFigures *figures = nullptr);

private:
    // What a scan tells, besides the figures, of the items it counts (SlaFigures.cpp).
    class Collector;
    // A scan's pass over the items, and the figures made from what it counted (SlaFigures.cpp).
    class Tally;
    // compute(), rows() and breaches() in one pass, so that a number and its items cannot disagree:
    // with a collector, each item is told to it where it is counted, and the parts of the cache it
    // does not need are not read, so that the figures returned are then incomplete, unless it asks
    // for them too (Collector::figures). Reads in the caller's snapshot (a read transaction).
    SlaFigures scan(const DashboardFilter &filter, const SlaRules &rules, EpochSecs now, Collector *collector);

    std::unique_ptr<sqlite::Database> m_db;
};

} // namespace ibc::models
