#pragma once

#include "domain/Clock.h"

#include <QByteArray>
#include <QDate>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace ibc::models {

// A day GOV.UK's feed lists as a bank holiday.
struct BankHoliday {
    QDate date;
    QString title;
};

// Reads a bank-holiday feed in GOV.UK's format (https://www.gov.uk/bank-holidays.json): an object
// of divisions, each with "events" of {"title", "date"}. Returns the division's days in date
// order, or nullopt with `error` naming what was wrong (not JSON, no such division, an event
// without a valid date).
std::optional<std::vector<BankHoliday>>
parseBankHolidays(const QByteArray &json, QString *error,
                  const QString &division = QStringLiteral("england-and-wales"));

// The England & Wales days of the feed the product ships (resources/bank-holidays.json).
const std::vector<BankHoliday> &shippedBankHolidays();

// A working day's hours, as minutes after local midnight: [start, end).
struct WorkingHours {
    int start = 9 * 60;
    int end = 17 * 60;
    qint64 seconds() const { return qint64(end - start) * 60; }
    QString text() const; // "09:00-17:00"
    friend bool operator==(const WorkingHours &, const WorkingHours &) = default;
};

// "08:00-18:00" (or "8:00–18:00"); nullopt with `error` naming the problem: not two times, a time
// that does not exist, an end not after the start.
std::optional<WorkingHours> parseWorkingHours(const QString &text, QString *error);

// One partner's working time: Monday to Friday within its working hours, in its time zone
// (Europe/London, so 09:00 is 08:00 UTC in summer and 09:00 UTC in winter), less its closed days
// (bank holidays and its own closures). Working time is counted in seconds.
//
// Immutable and cheap to copy; safe to share between threads.
class WorkingCalendar {
public:
    // Monday to Friday, 09:00–17:00 Europe/London, with no closed days.
    WorkingCalendar();
    WorkingCalendar(WorkingHours hours, std::vector<QDate> closed);

    const WorkingHours &hours() const { return m_hours; }
    qint64 daySeconds() const { return m_hours.seconds(); }

    bool isWorkingDay(QDate day) const;
    // The local date at `t`, and the moment a local date's minute falls at.
    QDate dateAt(EpochSecs t) const;
    EpochSecs at(QDate day, int minuteOfDay) const;
    // The day itself if it is a working day, else the working day before it.
    QDate workingDayOnOrBefore(QDate day) const;

    // The moment `workingSeconds` of working time from `from` are used up. Counting starts at
    // `from` if it is inside working hours, else at the start of the next working period; the
    // answer is the moment the last second is used, so a day's work that ends at 17:00 is due at
    // 17:00, not at 09:00 the next day. 0 seconds: `from` itself.
    EpochSecs add(EpochSecs from, qint64 workingSeconds) const;
    // The working time between two moments (0 if `to` is not after `from`).
    qint64 between(EpochSecs from, EpochSecs to) const;

private:
    struct Zone;
    int offsetAt(EpochSecs utc) const; // seconds east of UTC

    WorkingHours m_hours;
    std::shared_ptr<const std::vector<qint64>> m_closed; // Julian days, sorted
    std::shared_ptr<const Zone> m_zone;
};

// "2 working days 3 hours", "5 working hours", "40 working minutes": working time as people say
// it, in days of the calendar's length. Translated (the English plural forms come with en_GB).
QString workingTimeText(qint64 seconds, qint64 daySeconds);

} // namespace ibc::models
