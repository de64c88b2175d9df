#include "domain/WorkingCalendar.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTimeZone>

#include <algorithm>

namespace ibc::models {

namespace {

constexpr qint64 kDay = 86400;
constexpr qint64 kUnixEpochJulianDay = 2440588;

qint64 floorDiv(qint64 a, qint64 b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

} // namespace

// Europe/London's offsets from UTC and the moments they change, read once from the system's time
// zone database (tzdata) for 1970 to 2100: a binary search instead of a QTimeZone call per lookup.
struct WorkingCalendar::Zone {
    int initialOffset = 0;
    std::vector<std::pair<qint64, int>> transitions; // (UTC moment, offset from then on)

    static std::shared_ptr<const Zone> london()
    {
        static const std::shared_ptr<const Zone> zone = [] {
            auto z = std::make_shared<Zone>();
            const QTimeZone tz("Europe/London");
            if (!tz.isValid()) {
                qWarning("The Europe/London time zone is missing (install tzdata): working hours are counted in UTC.");
                return std::shared_ptr<const Zone>(z);
            }
            const QDateTime from = QDateTime::fromSecsSinceEpoch(0, QTimeZone::utc());
            const QDateTime to = QDateTime::fromSecsSinceEpoch(4102444800LL, QTimeZone::utc()); // 2100-01-01
            z->initialOffset = tz.offsetFromUtc(from);
            for (const QTimeZone::OffsetData &t : tz.transitions(from, to))
                z->transitions.emplace_back(t.atUtc.toSecsSinceEpoch(), t.offsetFromUtc);
            return std::shared_ptr<const Zone>(z);
        }();
        return zone;
    }
};

QString WorkingHours::text() const
{
    return QStringLiteral("%1:%2-%3:%4")
        .arg(start / 60, 2, 10, QLatin1Char('0'))
        .arg(start % 60, 2, 10, QLatin1Char('0'))
        .arg(end / 60, 2, 10, QLatin1Char('0'))
        .arg(end % 60, 2, 10, QLatin1Char('0'));
}

std::optional<WorkingHours> parseWorkingHours(const QString &text, QString *error)
{
    static const QRegularExpression re(QStringLiteral("^\\s*(\\d{1,2}):(\\d{2})\\s*[-–]\\s*(\\d{1,2}):(\\d{2})\\s*$"));
    const auto m = re.match(text);
    if (!m.hasMatch()) {
        *error = QStringLiteral("working hours \"%1\" are not two times like 09:00-17:00").arg(text);
        return std::nullopt;
    }
    const int h1 = m.captured(1).toInt(), m1 = m.captured(2).toInt(), h2 = m.captured(3).toInt(),
              m2 = m.captured(4).toInt();
    if (h1 > 23 || m1 > 59 || h2 > 24 || m2 > 59 || (h2 == 24 && m2 != 0)) {
        *error = QStringLiteral("working hours \"%1\" hold a time that does not exist").arg(text);
        return std::nullopt;
    }
    const WorkingHours hours{h1 * 60 + m1, h2 * 60 + m2};
    if (hours.end <= hours.start) {
        *error = QStringLiteral("working hours \"%1\" end before they start").arg(text);
        return std::nullopt;
    }
    return hours;
}

std::optional<std::vector<BankHoliday>> parseBankHolidays(const QByteArray &json, QString *error,
                                                          const QString &division)
{
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parse);
    if (parse.error != QJsonParseError::NoError) {
        *error = QStringLiteral("the bank-holiday feed is not JSON: %1 at byte %2")
                     .arg(parse.errorString())
                     .arg(parse.offset);
        return std::nullopt;
    }
    const QJsonValue part = doc.object().value(division);
    if (!part.isObject() || !part.toObject().value(QLatin1String("events")).isArray()) {
        *error = QStringLiteral("the bank-holiday feed has no \"%1\" division with a list of \"events\" "
                                "(the format of https://www.gov.uk/bank-holidays.json)")
                     .arg(division);
        return std::nullopt;
    }
    std::vector<BankHoliday> days;
    const QJsonArray events = part.toObject().value(QLatin1String("events")).toArray();
    for (qsizetype i = 0; i < events.size(); ++i) {
        const QJsonObject e = events.at(i).toObject();
        const QString date = e.value(QLatin1String("date")).toString();
        const QDate d = QDate::fromString(date, Qt::ISODate);
        if (!d.isValid()) {
            *error = QStringLiteral("event %1 of \"%2\" has no valid \"date\" (YYYY-MM-DD): \"%3\"")
                         .arg(i + 1)
                         .arg(division, date);
            return std::nullopt;
        }
        days.push_back({d, e.value(QLatin1String("title")).toString()});
    }
    if (days.empty()) {
        *error = QStringLiteral("the bank-holiday feed lists no days for \"%1\"").arg(division);
        return std::nullopt;
    }
    std::sort(days.begin(), days.end(), [](const BankHoliday &a, const BankHoliday &b) { return a.date < b.date; });
    return days;
}

const std::vector<BankHoliday> &shippedBankHolidays()
{
    static const std::vector<BankHoliday> days = [] {
        QFile f(QStringLiteral(":/ibc/bank-holidays.json"));
        QString error;
        std::optional<std::vector<BankHoliday>> parsed;
        if (f.open(QIODevice::ReadOnly))
            parsed = parseBankHolidays(f.readAll(), &error);
        else
            error = QStringLiteral("it is missing from the build");
        if (!parsed) {
            qWarning("The shipped bank-holiday calendar cannot be read: %s", qPrintable(error));
            return std::vector<BankHoliday>{};
        }
        return *parsed;
    }();
    return days;
}

WorkingCalendar::WorkingCalendar() : WorkingCalendar(WorkingHours{}, {}) {}

WorkingCalendar::WorkingCalendar(WorkingHours hours, std::vector<QDate> closed) : m_hours(hours), m_zone(Zone::london())
{
    std::vector<qint64> days;
    days.reserve(closed.size());
    for (QDate d : closed)
        days.push_back(d.toJulianDay());
    std::sort(days.begin(), days.end());
    days.erase(std::unique(days.begin(), days.end()), days.end());
    m_closed = std::make_shared<const std::vector<qint64>>(std::move(days));
}

int WorkingCalendar::offsetAt(EpochSecs utc) const
{
    const auto &t = m_zone->transitions;
    auto it = std::upper_bound(t.begin(), t.end(), utc, [](qint64 v, const auto &e) { return v < e.first; });
    return it == t.begin() ? m_zone->initialOffset : std::prev(it)->second;
}

bool WorkingCalendar::isWorkingDay(QDate day) const
{
    return day.dayOfWeek() <= 5 && !std::binary_search(m_closed->begin(), m_closed->end(), day.toJulianDay());
}

QDate WorkingCalendar::dateAt(EpochSecs t) const
{
    return QDate::fromJulianDay(floorDiv(t + offsetAt(t), kDay) + kUnixEpochJulianDay);
}

EpochSecs WorkingCalendar::at(QDate day, int minuteOfDay) const
{
    const qint64 local = (day.toJulianDay() - kUnixEpochJulianDay) * kDay + qint64(minuteOfDay) * 60;
    return local - offsetAt(local - offsetAt(local));
}

QDate WorkingCalendar::workingDayOnOrBefore(QDate day) const
{
    while (!isWorkingDay(day))
        day = day.addDays(-1);
    return day;
}

EpochSecs WorkingCalendar::add(EpochSecs from, qint64 workingSeconds) const
{
    if (workingSeconds <= 0)
        return from;
    for (QDate d = dateAt(from);; d = d.addDays(1)) {
        if (!isWorkingDay(d))
            continue;
        const EpochSecs begin = std::max(from, at(d, m_hours.start));
        const EpochSecs end = at(d, m_hours.end);
        if (begin >= end)
            continue;
        if (workingSeconds <= end - begin)
            return begin + workingSeconds;
        workingSeconds -= end - begin;
    }
}

qint64 WorkingCalendar::between(EpochSecs from, EpochSecs to) const
{
    qint64 total = 0;
    const QDate last = dateAt(to);
    for (QDate d = dateAt(from); to > from && d <= last; d = d.addDays(1)) {
        if (!isWorkingDay(d))
            continue;
        const EpochSecs begin = std::max(from, at(d, m_hours.start));
        const EpochSecs end = std::min(to, at(d, m_hours.end));
        if (end > begin)
            total += end - begin;
    }
    return total;
}

QString workingTimeText(qint64 seconds, qint64 daySeconds)
{
    seconds = std::max<qint64>(0, seconds);
    const int days = int(daySeconds > 0 ? seconds / daySeconds : 0);
    const qint64 rest = seconds - days * daySeconds;
    const int hours = int(rest / 3600), minutes = int(rest % 3600 / 60);
    if (days > 0) {
        const QString d =
            QCoreApplication::translate("ibc::models::WorkingCalendar", "%n working day(s)", nullptr, days);
        return hours > 0 ? d + QLatin1Char(' ') +
                               QCoreApplication::translate("ibc::models::WorkingCalendar", "%n hour(s)", nullptr, hours)
                         : d;
    }
    if (hours > 0) {
        const QString h =
            QCoreApplication::translate("ibc::models::WorkingCalendar", "%n working hour(s)", nullptr, hours);
        return minutes > 0
                   ? h + QLatin1Char(' ') +
                         QCoreApplication::translate("ibc::models::WorkingCalendar", "%n minute(s)", nullptr, minutes)
                   : h;
    }
    return QCoreApplication::translate("ibc::models::WorkingCalendar", "%n working minute(s)", nullptr, minutes);
}

} // namespace ibc::models
