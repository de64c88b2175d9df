// The working-time SLA clock, as tables: working time added and measured across nights, weekends,
// GOV.UK's bank holidays (substitute days, the Jubilee, the State Funeral, the Coronation) and both
// clock changes; every default policy and partner overrides; payroll cut-offs moved off weekends and
// bank holidays; pauses; states; parsing and the reference JSON.
//
// Every expected moment here was worked out by hand from the rules and GOV.UK's England & Wales
// feed, never by asking the code under test. Moments are written as London wall-clock times.
#include "domain/Partner.h"
#include "domain/Sla.h"
#include "domain/WorkingCalendar.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>
#include <QTimeZone>
#include <QTranslator>

#include <algorithm>

using namespace ibc::models;

Q_DECLARE_METATYPE(ibc::models::Kind)
Q_DECLARE_METATYPE(ibc::models::Status)
Q_DECLARE_METATYPE(ibc::models::SlaState)
Q_DECLARE_METATYPE(ibc::models::TargetUnit)
Q_DECLARE_METATYPE(ibc::models::Event)

namespace {

constexpr qint64 kMinute = 60;
constexpr qint64 kHour = 3600;
constexpr qint64 kDay8 = 8 * kHour; // a 09:00-17:00 working day

const QTimeZone &londonZone()
{
    static const QTimeZone zone("Europe/London");
    return zone;
}

QTime timeOf(const QString &text)
{
    return QTime::fromString(text, text.size() > 5 ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm"));
}

// "2026-03-30 10:00" (or "…:ss") on a London wall clock.
EpochSecs london(const QString &text)
{
    const QDate d = QDate::fromString(text.left(10), Qt::ISODate);
    const QTime t = timeOf(text.mid(11));
    if (!d.isValid() || !t.isValid())
        qFatal("bad London time in a test table: %s", qPrintable(text));
    return QDateTime(d, t, londonZone()).toSecsSinceEpoch();
}

EpochSecs utc(const QString &text)
{
    return QDateTime(QDate::fromString(text.left(10), Qt::ISODate), timeOf(text.mid(11)), Qt::UTC).toSecsSinceEpoch();
}

// The inverse of london(), so that a failure shows the wall-clock time; 0 reads as "".
QString londonText(EpochSecs t)
{
    if (t == 0)
        return QString();
    const QDateTime dt = QDateTime::fromSecsSinceEpoch(t, londonZone());
    return dt.toString(dt.time().second() ? QStringLiteral("yyyy-MM-dd HH:mm:ss") : QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString utcText(EpochSecs t)
{
    return QDateTime::fromSecsSinceEpoch(t, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm'Z'"));
}

QString stateName(SlaState s)
{
    switch (s) {
    case SlaState::OnTrack: return QStringLiteral("on track");
    case SlaState::AtRisk: return QStringLiteral("at risk");
    case SlaState::Breached: return QStringLiteral("breached");
    case SlaState::Paused: return QStringLiteral("paused");
    case SlaState::Met: return QStringLiteral("met");
    }
    return QStringLiteral("?");
}

std::vector<QDate> shippedDates()
{
    std::vector<QDate> days;
    for (const BankHoliday &h : shippedBankHolidays())
        days.push_back(h.date);
    return days;
}

// The calendars the tables name.
WorkingCalendar calendarNamed(const QString &name)
{
    if (name == QLatin1String("E&W"))
        return WorkingCalendar(WorkingHours{}, shippedDates());
    if (name == QLatin1String("08:00-18:00"))
        return WorkingCalendar(WorkingHours{8 * 60, 18 * 60}, shippedDates());
    if (name == QLatin1String("E&W, closed Wed 18 Mar 2026")) {
        auto days = shippedDates();
        days.push_back(QDate(2026, 3, 18));
        std::sort(days.begin(), days.end());
        return WorkingCalendar(WorkingHours{}, days);
    }
    if (name == QLatin1String("no closed days"))
        return WorkingCalendar();
    qFatal("no calendar called %s", qPrintable(name));
}

// The rules the tables name: the defaults, or these changes to them:
//  - LBHF works 08:00-18:00 (10-hour days);
//  - RBKC is closed on Wed 18 March and Tue 14 April 2026 (its April cut-off day);
//  - WCC has a pay calendar: 20 Mar, 17 Apr, 16 May (a Saturday) and 19 Jun 2026;
//  - OCC's invoices take 5 working days, its disputed invoices 16 working hours, and every
//    partner's suspected duplicates 2 working days;
//  - handling history: address changes 3 h over 25 items, family leave 3 h over only 19 items,
//    price mismatches 12 h over 40 items.
std::shared_ptr<const SlaRules> customRules()
{
    static const std::shared_ptr<const SlaRules> rules = [] {
        std::vector<PartnerCalendar> calendars;
        for (const Partner &p : partners()) {
            PartnerCalendar c = SlaRules::defaultCalendar(QString::fromUtf8(p.code));
            if (c.partner == QLatin1String("LBHF"))
                c.hours = WorkingHours{8 * 60, 18 * 60};
            if (c.partner == QLatin1String("RBKC"))
                c.closed = {QDate(2026, 3, 18), QDate(2026, 4, 14)};
            if (c.partner == QLatin1String("WCC"))
                c.payrollCutoffs = {QDate(2026, 3, 20), QDate(2026, 4, 17), QDate(2026, 5, 16), QDate(2026, 6, 19)};
            calendars.push_back(c);
        }
        std::vector<SlaPolicy> policies = SlaRules::defaultPolicies();
        policies.push_back(
            SlaPolicy{QStringLiteral("OCC"), Kind::Invoice, QString(), 5, TargetUnit::WorkingDays, false, 30});
        policies.push_back(SlaPolicy{QStringLiteral("OCC"), Kind::Invoice, QStringLiteral("disputed"), 16,
                                     TargetUnit::WorkingHours, false, 30});
        policies.push_back(SlaPolicy{QString(), Kind::Invoice, QStringLiteral("suspected_duplicate"), 2,
                                     TargetUnit::WorkingDays, false, 30});
        std::vector<HandlingTime> handling{
            {Kind::HrChange, QStringLiteral("address_change"), 3 * kHour, 25},
            {Kind::HrChange, QStringLiteral("family_leave"), 3 * kHour, 19},
            {Kind::Invoice, QStringLiteral("price_mismatch"), 12 * kHour, 40},
        };
        return std::make_shared<const SlaRules>(shippedBankHolidays(), calendars, policies, handling);
    }();
    return rules;
}

std::shared_ptr<const SlaRules> rulesNamed(const QString &name)
{
    return name == QLatin1String("custom") ? customRules() : SlaRules::defaults();
}

QJsonObject jsonObject(const char *text)
{
    return text && *text ? QJsonDocument::fromJson(QByteArray(text)).object() : QJsonObject();
}

WorkItem itemFor(const QString &partner, Kind kind, const QString &subtype, EpochSecs received,
                 const QJsonObject &fields = {}, Status status = Status::InProgress)
{
    WorkItem it;
    it.id = QStringLiteral("5e1a0c2d-0000-4000-8000-000000000042");
    it.reference = QStringLiteral("REF-0000042");
    it.kind = kind;
    it.subtype = subtype;
    it.partner = partner;
    it.status = status;
    it.received = received;
    it.updated = received;
    it.fields = fields;
    return it;
}

// Due times by hand. Columns: processBy (the working-time target), payBy, cutoff, due; "" for none.
struct DueCase {
    const char *name;
    const char *rules;
    const char *partner;
    Kind kind;
    const char *subtype;
    const char *received;
    const char *fields;
    const char *processBy;
    const char *payBy;
    const char *cutoff;
    const char *due;
};
const DueCase kDueCases[] = {
    // HR changes: 5 working days = 40 h. Mon 16 Mar 10:00: 7 + 4×8 = 39 h by Fri, 1 h on Mon 23.
    {"HR address change: 5 working days, no cut-off", "default", "HCC", Kind::HrChange, "address_change",
     "2026-03-16 10:00", R"({"effective_date":"2026-03-17"})", "2026-03-23 10:00", "", "", "2026-03-23 10:00"},
    {"HR family leave is not pay-affecting", "default", "HCC", Kind::HrChange, "family_leave", "2026-03-16 10:00",
     R"({"effective_date":"2026-03-17"})", "2026-03-23 10:00", "", "", "2026-03-23 10:00"},
    // Thu 5 Mar 10:00 + 40 h = Thu 12 Mar 10:00; HCC cut-off on/after 9 Mar: Tue 10 Mar 17:00.
    {"HR leaver: the cut-off after its effective date comes first", "default", "HCC", Kind::HrChange, "leaver",
     "2026-03-05 10:00", R"({"effective_date":"2026-03-09"})", "2026-03-12 10:00", "", "2026-03-10 17:00",
     "2026-03-10 17:00"},
    // Cut-off on/after 31 Mar: Fri 10 Apr.
    {"HR leaver: the target comes before the cut-off", "default", "HCC", Kind::HrChange, "leaver", "2026-03-16 10:00",
     R"({"effective_date":"2026-03-31"})", "2026-03-23 10:00", "", "2026-04-10 17:00", "2026-03-23 10:00"},
    {"HR new starter with its own payroll_cutoff field", "default", "HCC", Kind::HrChange, "new_starter",
     "2026-03-16 10:00", R"({"effective_date":"2026-04-01","payroll_cutoff":"2026-03-19"})", "2026-03-23 10:00", "",
     "2026-03-19 17:00", "2026-03-19 17:00"},
    // Cut-off on/after 1 Mar is 10 Mar, passed on the 12th: the next after receipt, 10 Apr.
    {"HR hours change whose effective date's cut-off had passed", "default", "HCC", Kind::HrChange, "hours_change",
     "2026-03-12 10:00", R"({"effective_date":"2026-03-01"})", "2026-03-19 10:00", "", "2026-04-10 17:00",
     "2026-03-19 10:00"},
    // Received after hours on cut-off day: counting starts Wed 11 09:00, 40 h end Tue 17 at 17:00.
    {"HR bank details received at 18:00 on cut-off day", "default", "HCC", Kind::HrChange, "bank_details",
     "2026-03-10 18:00", R"({"effective_date":"2026-03-10"})", "2026-03-17 17:00", "", "2026-04-10 17:00",
     "2026-03-17 17:00"},
    // Effective 20 Feb (before receipt) but its cut-off, 10 Mar, is still ahead.
    {"HR leaver effective before receipt, cut-off still ahead", "default", "HCC", Kind::HrChange, "leaver",
     "2026-03-02 10:00", R"({"effective_date":"2026-02-20"})", "2026-03-09 10:00", "", "2026-03-10 17:00",
     "2026-03-09 10:00"},
    // Tue 7 Apr (after Easter) + 40 h = Tue 14 Apr 10:00; OCC's 12 Apr is a Sunday: Fri 10 Apr.
    {"HR leaver at OCC: cut-off moved back off Sunday 12 April", "default", "OCC", Kind::HrChange, "leaver",
     "2026-04-07 10:00", R"({"effective_date":"2026-04-08"})", "2026-04-14 10:00", "", "2026-04-10 17:00",
     "2026-04-10 17:00"},

    // Invoices: 10 working days = 80 h; pay by 30 calendar days (16 Mar + 30 = Wed 15 Apr) at 17:00.
    {"invoice: 10 working days, before the 30-day payment date", "default", "HCC", Kind::Invoice, "price_mismatch",
     "2026-03-16 10:00", "", "2026-03-30 10:00", "2026-04-15 17:00", "", "2026-03-30 10:00"},
    {"invoice whose payment_due is sooner than 10 working days", "default", "HCC", Kind::Invoice, "price_mismatch",
     "2026-03-16 10:00", R"({"payment_due":"2026-03-20"})", "2026-03-30 10:00", "2026-03-20 17:00", "",
     "2026-03-20 17:00"},
    {"invoice payment_due on a Sunday: the Friday before", "default", "HCC", Kind::Invoice, "no_po", "2026-03-16 10:00",
     R"({"payment_due":"2026-03-22"})", "2026-03-30 10:00", "2026-03-20 17:00", "", "2026-03-20 17:00"},
    {"invoice payment_due later than 30 days: 30 days apply", "default", "HCC", Kind::Invoice, "no_po",
     "2026-03-16 10:00", R"({"payment_due":"2026-05-29"})", "2026-03-30 10:00", "2026-04-15 17:00", "",
     "2026-03-30 10:00"},
    // Thu 5 Mar + 80 h = Thu 19 Mar 10:00; 5 Mar + 30 = Sat 4 Apr, back past Good Friday to Thu 2 Apr.
    {"invoice whose 30th day is Easter Saturday: pay by Thursday", "default", "HCC", Kind::Invoice, "disputed",
     "2026-03-05 10:00", "", "2026-03-19 10:00", "2026-04-02 17:00", "", "2026-03-19 10:00"},

    // Payroll exceptions: 2 working days = 16 h, never after the next cut-off after receipt.
    {"payroll exception: next cut-off before the 2-day target", "default", "HCC", Kind::PayrollException, "overpayment",
     "2026-03-09 10:00", "", "2026-03-11 10:00", "", "2026-03-10 17:00", "2026-03-10 17:00"},
    {"payroll exception: 2-day target before the next cut-off", "default", "HCC", Kind::PayrollException,
     "underpayment", "2026-03-16 10:00", "", "2026-03-18 10:00", "", "2026-04-10 17:00", "2026-03-18 10:00"},
    {"payroll exception received at 17:00 on cut-off day: next month's", "default", "HCC", Kind::PayrollException,
     "missing_timesheet", "2026-03-10 17:00", "", "2026-03-12 17:00", "", "2026-04-10 17:00", "2026-03-12 17:00"},
    {"payroll exception at OCC: cut-off moved back off Sunday 12 April", "default", "OCC", Kind::PayrollException,
     "tax_code_query", "2026-04-09 10:00", "", "2026-04-13 10:00", "", "2026-04-10 17:00", "2026-04-10 17:00"},
    // HIWC's 8 May 2023 is the Coronation bank holiday: back over the weekend to Fri 5 May.
    {"payroll exception at HIWC: cut-off on Coronation day 2023", "default", "HIWC", Kind::PayrollException,
     "pension_query", "2023-05-04 10:00", "", "2023-05-09 10:00", "", "2023-05-05 17:00", "2023-05-05 17:00"},
    // HCC's 10 Apr 2023 is Easter Monday: back past the weekend and Good Friday to Thu 6 Apr.
    {"payroll exception at HCC: cut-off on Easter Monday 2023", "default", "HCC", Kind::PayrollException,
     "negative_net_pay", "2023-04-05 10:00", "", "2023-04-11 10:00", "", "2023-04-06 17:00", "2023-04-06 17:00"},
    {"payroll exception at HCC: cut-off moved back off Saturday 10 Jan 2026", "default", "HCC", Kind::PayrollException,
     "overpayment", "2026-01-08 10:00", "", "2026-01-12 10:00", "", "2026-01-09 17:00", "2026-01-09 17:00"},

    // Partner overrides.
    {"OCC invoices: 5 working days (partner's kind)", "custom", "OCC", Kind::Invoice, "price_mismatch",
     "2026-03-16 10:00", "", "2026-03-23 10:00", "2026-04-15 17:00", "", "2026-03-23 10:00"},
    {"OCC disputed invoices: 16 working hours (partner's subtype)", "custom", "OCC", Kind::Invoice, "disputed",
     "2026-03-16 10:00", "", "2026-03-18 10:00", "2026-04-15 17:00", "", "2026-03-18 10:00"},
    {"OCC suspected duplicate: partner's kind beats every partner's subtype", "custom", "OCC", Kind::Invoice,
     "suspected_duplicate", "2026-03-16 10:00", "", "2026-03-23 10:00", "2026-04-15 17:00", "", "2026-03-23 10:00"},
    {"HCC suspected duplicate: every partner's subtype, 2 working days", "custom", "HCC", Kind::Invoice,
     "suspected_duplicate", "2026-03-16 10:00", "", "2026-03-18 10:00", "2026-04-15 17:00", "", "2026-03-18 10:00"},
    {"HCC invoice under changed rules keeps 10 working days", "custom", "HCC", Kind::Invoice, "no_po",
     "2026-03-16 10:00", "", "2026-03-30 10:00", "2026-04-15 17:00", "", "2026-03-30 10:00"},
    // 5 × 10 h = 50 h: Mon 17:30-18:00, Tue-Fri 40 h, Mon 23 08:00-17:30.
    {"LBHF 08:00-18:00: HR change received 17:30 is 50 working hours", "custom", "LBHF", Kind::HrChange,
     "address_change", "2026-03-16 17:30", "", "2026-03-23 17:30", "", "", "2026-03-23 17:30"},
    // 2 × 10 h from 08:00 Tue: 18:00 Wed. LBHF's 14 Mar is a Saturday (13 Mar, passed): Tue 14 Apr.
    {"LBHF 08:00-18:00: payroll exception received 07:30", "custom", "LBHF", Kind::PayrollException, "overpayment",
     "2026-03-17 07:30", "", "2026-03-18 18:00", "", "2026-04-14 17:00", "2026-03-18 18:00"},
    // Closed Wed 18 Mar: Tue 7 h, Thu 8 h, Fri 1 h. Its 14 Apr cut-off day is a closure: Mon 13 Apr.
    {"RBKC closed Wed 18 Mar: payroll exception; closure moves its cut-off", "custom", "RBKC", Kind::PayrollException,
     "overpayment", "2026-03-17 10:00", "", "2026-03-20 10:00", "", "2026-04-13 17:00", "2026-03-20 10:00"},
    {"WCC pay calendar: payroll exception must make 20 March", "custom", "WCC", Kind::PayrollException, "overpayment",
     "2026-03-19 10:00", "", "2026-03-23 10:00", "", "2026-03-20 17:00", "2026-03-20 17:00"},
    {"WCC pay calendar: HR leaver, 16 May cut-off is a Saturday", "custom", "WCC", Kind::HrChange, "leaver",
     "2026-05-11 10:00", R"({"effective_date":"2026-05-12"})", "2026-05-18 10:00", "", "2026-05-15 17:00",
     "2026-05-15 17:00"},
};

Event historyLine(const char *at, const char *type, Status from, Status to)
{
    Event e;
    e.itemId = QStringLiteral("5e1a0c2d-0000-4000-8000-000000000042");
    e.at = london(QLatin1String(at));
    e.actor = QStringLiteral("sam.patel");
    e.type = QLatin1String(type);
    e.from = from;
    e.to = to;
    return e;
}

// Replaces the first string in `v` (depth first) that `re` matches, and names its key.
QJsonValue replaceFirst(const QJsonValue &v, const QRegularExpression &re, const QString &with, const QString &key,
                        QString *where)
{
    if (!where->isEmpty())
        return v;
    if (v.isString() && re.match(v.toString()).hasMatch()) {
        *where = key;
        return with;
    }
    if (v.isObject()) {
        QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end() && where->isEmpty(); ++it)
            it.value() = replaceFirst(it.value(), re, with, it.key(), where);
        return o;
    }
    if (v.isArray()) {
        QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size() && where->isEmpty(); ++i)
            a[i] = replaceFirst(a.at(i), re, with, key, where);
        return a;
    }
    return v;
}

} // namespace

class TestSlaClock : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void shippedFeed();
    void closedDays_data();
    void closedDays();
    void workingDayOnOrBefore_data();
    void workingDayOnOrBefore();
    void localMoments_data();
    void localMoments();
    void addWorkingTime_data();
    void addWorkingTime();
    void between_data();
    void between();
    void workingTimeTexts_data();
    void workingTimeTexts();
    void partnerDefaults_data();
    void partnerDefaults();
    void policies_data();
    void policies();
    void payrollCutoffFrom_data();
    void payrollCutoffFrom();
    void payrollCutoffAfter_data();
    void payrollCutoffAfter();
    void dueTimes_data();
    void dueTimes();
    void pause_data();
    void pause();
    void status_data();
    void status();
    void parseWorkingHours_data();
    void parseWorkingHours();
    void parseTarget_data();
    void parseTarget();
    void parseBankHolidays_data();
    void parseBankHolidays();
    void jsonRoundTrip_data();
    void jsonRoundTrip();
    void badJson_data();
    void badJson();
};

void TestSlaClock::shippedFeed()
{
    // GOV.UK's England & Wales division as shipped: 75 days, 2019-01-01 to 2027-12-28.
    const auto &days = shippedBankHolidays();
    QCOMPARE(days.size(), std::size_t(75));
    QCOMPARE(days.front().date, QDate(2019, 1, 1));
    QCOMPARE(days.back().date, QDate(2027, 12, 28));
    QVERIFY(std::is_sorted(days.begin(), days.end(),
                           [](const BankHoliday &a, const BankHoliday &b) { return a.date < b.date; }));
    QCOMPARE(SlaRules::defaults()->bankHolidays().size(), std::size_t(75));
}

void TestSlaClock::closedDays_data()
{
    QTest::addColumn<QDate>("day");
    QTest::addColumn<bool>("working");

    QTest::newRow("Thu 17 Apr 2025, before Good Friday") << QDate(2025, 4, 17) << true;
    QTest::newRow("Good Friday 2025") << QDate(2025, 4, 18) << false;
    QTest::newRow("Easter Monday 2025") << QDate(2025, 4, 21) << false;
    QTest::newRow("Good Friday 2026") << QDate(2026, 4, 3) << false;
    QTest::newRow("Easter Monday 2026") << QDate(2026, 4, 6) << false;
    QTest::newRow("Fri 24 Dec 2021 is worked") << QDate(2021, 12, 24) << true;
    QTest::newRow("Mon 27 Dec 2021, Christmas substitute") << QDate(2021, 12, 27) << false;
    QTest::newRow("Tue 28 Dec 2021, Boxing Day substitute") << QDate(2021, 12, 28) << false;
    QTest::newRow("Mon 3 Jan 2022, New Year substitute") << QDate(2022, 1, 3) << false;
    QTest::newRow("Mon 26 Dec 2022, Boxing Day") << QDate(2022, 12, 26) << false;
    QTest::newRow("Tue 27 Dec 2022, Christmas substitute") << QDate(2022, 12, 27) << false;
    QTest::newRow("Mon 27 Dec 2027, Christmas substitute") << QDate(2027, 12, 27) << false;
    QTest::newRow("Tue 28 Dec 2027, Boxing Day substitute") << QDate(2027, 12, 28) << false;
    QTest::newRow("Wed 29 Dec 2027 is worked") << QDate(2027, 12, 29) << true;
    QTest::newRow("Thu 2 Jun 2022, Spring bank holiday") << QDate(2022, 6, 2) << false;
    QTest::newRow("Fri 3 Jun 2022, Platinum Jubilee") << QDate(2022, 6, 3) << false;
    QTest::newRow("Mon 19 Sep 2022, State Funeral") << QDate(2022, 9, 19) << false;
    QTest::newRow("Mon 8 May 2023, Coronation") << QDate(2023, 5, 8) << false;
    QTest::newRow("Mon 31 Aug 2026, Summer bank holiday") << QDate(2026, 8, 31) << false;
    QTest::newRow("Sat 28 Mar 2026") << QDate(2026, 3, 28) << false;
    QTest::newRow("Sun 29 Mar 2026, clocks go forward") << QDate(2026, 3, 29) << false;
    QTest::newRow("Mon 30 Mar 2026") << QDate(2026, 3, 30) << true;
}

void TestSlaClock::closedDays()
{
    QFETCH(QDate, day);
    QFETCH(bool, working);
    QCOMPARE(calendarNamed(QStringLiteral("E&W")).isWorkingDay(day), working);
    for (const Partner &p : partners())
        QCOMPARE(SlaRules::defaults()->calendar(QString::fromUtf8(p.code)).isWorkingDay(day), working);
}

void TestSlaClock::workingDayOnOrBefore_data()
{
    QTest::addColumn<QString>("calendar");
    QTest::addColumn<QDate>("day");
    QTest::addColumn<QDate>("expected");

    QTest::newRow("a working day is itself") << "E&W" << QDate(2026, 3, 16) << QDate(2026, 3, 16);
    QTest::newRow("Easter Monday 2026: Thursday before Good Friday") << "E&W" << QDate(2026, 4, 6) << QDate(2026, 4, 2);
    QTest::newRow("Easter Monday 2023: Thursday before Good Friday")
        << "E&W" << QDate(2023, 4, 10) << QDate(2023, 4, 6);
    QTest::newRow("Sun after the Jubilee: Wed 1 Jun 2022") << "E&W" << QDate(2022, 6, 5) << QDate(2022, 6, 1);
    QTest::newRow("Tue 28 Dec 2021: Fri 24 Dec") << "E&W" << QDate(2021, 12, 28) << QDate(2021, 12, 24);
    QTest::newRow("a partner closure: the day before")
        << "E&W, closed Wed 18 Mar 2026" << QDate(2026, 3, 18) << QDate(2026, 3, 17);
}

void TestSlaClock::workingDayOnOrBefore()
{
    QFETCH(QString, calendar);
    QFETCH(QDate, day);
    QFETCH(QDate, expected);
    QCOMPARE(calendarNamed(calendar).workingDayOnOrBefore(day), expected);
}

// The local clock across both 2026 clock changes (Sun 29 Mar, Sun 25 Oct).
void TestSlaClock::localMoments_data()
{
    QTest::addColumn<QDate>("day");
    QTest::addColumn<int>("minute");
    QTest::addColumn<QString>("expectedUtc");
    QTest::addColumn<QDate>("dateAt2330Utc"); // 00:30 the next day in summer, 23:30 the same day in winter

    const QDate mar27(2026, 3, 27), mar30(2026, 3, 30), oct23(2026, 10, 23), oct26(2026, 10, 26);
    QTest::newRow("09:00 Fri 27 Mar (GMT)") << mar27 << 9 * 60 << "2026-03-27 09:00Z" << mar27;
    QTest::newRow("17:00 Fri 27 Mar (GMT)") << mar27 << 17 * 60 << "2026-03-27 17:00Z" << mar27;
    QTest::newRow("09:00 Mon 30 Mar (BST)") << mar30 << 9 * 60 << "2026-03-30 08:00Z" << mar30.addDays(1);
    QTest::newRow("17:00 Mon 30 Mar (BST)") << mar30 << 17 * 60 << "2026-03-30 16:00Z" << mar30.addDays(1);
    QTest::newRow("09:00 Fri 23 Oct (BST)") << oct23 << 9 * 60 << "2026-10-23 08:00Z" << oct23.addDays(1);
    QTest::newRow("17:00 Fri 23 Oct (BST)") << oct23 << 17 * 60 << "2026-10-23 16:00Z" << oct23.addDays(1);
    QTest::newRow("09:00 Mon 26 Oct (GMT)") << oct26 << 9 * 60 << "2026-10-26 09:00Z" << oct26;
    QTest::newRow("17:00 Mon 26 Oct (GMT)") << oct26 << 17 * 60 << "2026-10-26 17:00Z" << oct26;
}

void TestSlaClock::localMoments()
{
    QFETCH(QDate, day);
    QFETCH(int, minute);
    QFETCH(QString, expectedUtc);
    QFETCH(QDate, dateAt2330Utc);
    const WorkingCalendar cal = calendarNamed(QStringLiteral("E&W"));
    const EpochSecs t = cal.at(day, minute);
    QCOMPARE(utcText(t), expectedUtc);
    QCOMPARE(cal.dateAt(t), day);
    QCOMPARE(cal.dateAt(utc(day.toString(Qt::ISODate) + QStringLiteral(" 23:30"))), dateAt2330Utc);
}

void TestSlaClock::addWorkingTime_data()
{
    QTest::addColumn<QString>("calendar");
    QTest::addColumn<QString>("from");
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("expectedUtc"); // "" when not checked

    const QString ew = QStringLiteral("E&W");
    // Mon 10:00: 7 h Mon + 32 h Tue-Fri = 39 h; the 40th ends 10:00 next Monday.
    QTest::newRow("Monday 10:00 + 5 days: next Monday 10:00")
        << ew << "2026-03-16 10:00" << 5 * kDay8 << "2026-03-23 10:00"
        << "";
    // Mon 30 Mar 7 h, Tue-Thu 24 h = 31 h; Good Friday and Easter Monday closed; Tue 7 Apr 8 h; Wed 1 h.
    QTest::newRow("Monday 30 Mar 2026 + 5 days over Easter")
        << ew << "2026-03-30 10:00" << 5 * kDay8 << "2026-04-08 10:00"
        << "";
    // Thu 7 h; Fri 18 and Mon 21 closed; Tue 22 1 h.
    QTest::newRow("Thursday before Good Friday 2025 + 1 day") << ew << "2025-04-17 10:00" << kDay8 << "2025-04-22 10:00"
                                                              << "";
    // Thu 3 h; Tue 7-Fri 10 32 h; Mon 13 5 h.
    QTest::newRow("Thursday before Good Friday 2026, 14:00 + 5 days")
        << ew << "2026-04-02 14:00" << 5 * kDay8 << "2026-04-13 14:00"
        << "";
    QTest::newRow("the same without bank holidays") << "no closed days"
                                                    << "2026-04-02 14:00" << 5 * kDay8 << "2026-04-09 14:00"
                                                    << "";
    // Fri 5 h; 27 and 28 Dec closed; Wed 8 h; Thu 3 h.
    QTest::newRow("Christmas Eve 2021 + 2 days: substitute days 27 and 28 Dec")
        << ew << "2021-12-24 12:00" << 2 * kDay8 << "2021-12-30 12:00"
        << "";
    QTest::newRow("New Year's Eve 2021 + 1 day: substitute Monday 3 Jan")
        << ew << "2021-12-31 16:00" << kDay8 << "2022-01-04 16:00"
        << "";
    QTest::newRow("Fri 23 Dec 2022 + 1 day: Boxing Day 26, Christmas 27 Dec")
        << ew << "2022-12-23 15:00" << kDay8 << "2022-12-28 15:00"
        << "";
    QTest::newRow("Thu 23 Dec 2027 09:00 + 3 days: ends 17:00 Wed 29 Dec")
        << ew << "2027-12-23 09:00" << 3 * kDay8 << "2027-12-29 17:00"
        << "";
    // Wed 6 h; Jubilee Thu and Fri closed; Mon 8 h; Tue 2 h.
    QTest::newRow("Platinum Jubilee 2022 + 2 days") << ew << "2022-06-01 11:00" << 2 * kDay8 << "2022-06-07 11:00"
                                                    << "";
    QTest::newRow("State Funeral 2022 + 1 day") << ew << "2022-09-16 13:00" << kDay8 << "2022-09-20 13:00"
                                                << "";
    QTest::newRow("Coronation 2023 + 1 day") << ew << "2023-05-05 10:00" << kDay8 << "2023-05-09 10:00"
                                             << "";
    QTest::newRow("August bank holiday 2026 + 1 day") << ew << "2026-08-28 15:00" << kDay8 << "2026-09-01 15:00"
                                                      << "";
    // Spring: 1 h Friday (GMT), 7 h Monday (BST).
    QTest::newRow("Fri 27 Mar 2026 16:00 GMT + 1 day: Mon 16:00 BST")
        << ew << "2026-03-27 16:00" << kDay8 << "2026-03-30 16:00"
        << "2026-03-30 15:00Z";
    QTest::newRow("Fri 27 Mar 2026 17:00 + 1 minute: Mon 09:01 BST")
        << ew << "2026-03-27 17:00" << kMinute << "2026-03-30 09:01"
        << "2026-03-30 08:01Z";
    QTest::newRow("Fri 27 Mar 2026 16:00 + 9 hours: Mon 17:00 BST")
        << ew << "2026-03-27 16:00" << 9 * kHour << "2026-03-30 17:00"
        << "2026-03-30 16:00Z";
    // 1 h Fri, Mon 30-Thu 2 Apr 32 h, Easter closed, Tue 7 Apr 7 h.
    QTest::newRow("Fri 27 Mar 2026 16:00 + 5 days: spring change and Easter")
        << ew << "2026-03-27 16:00" << 5 * kDay8 << "2026-04-07 16:00"
        << "2026-04-07 15:00Z";
    // Autumn: 1 h Friday (BST), 7 h Monday (GMT).
    QTest::newRow("Fri 23 Oct 2026 16:00 BST + 1 day: Mon 16:00 GMT")
        << ew << "2026-10-23 16:00" << kDay8 << "2026-10-26 16:00"
        << "2026-10-26 16:00Z";
    QTest::newRow("Fri 23 Oct 2026 17:00 + 1 minute: Mon 09:01 GMT")
        << ew << "2026-10-23 17:00" << kMinute << "2026-10-26 09:01"
        << "2026-10-26 09:01Z";
    QTest::newRow("Fri 23 Oct 2026 16:00 + 9 hours: Mon 17:00 GMT")
        << ew << "2026-10-23 16:00" << 9 * kHour << "2026-10-26 17:00"
        << "2026-10-26 17:00Z";
    QTest::newRow("received 18:30 Tuesday + 1 day: 17:00 Wednesday")
        << ew << "2026-03-17 18:30" << kDay8 << "2026-03-18 17:00"
        << "";
    QTest::newRow("received 07:00 + 1 day: 17:00 the same day")
        << ew << "2026-03-17 07:00" << kDay8 << "2026-03-17 17:00"
        << "";
    QTest::newRow("received at 17:00 exactly + 1 hour: 10:00 next day")
        << ew << "2026-03-17 17:00" << kHour << "2026-03-18 10:00"
        << "";
    QTest::newRow("received at 17:00 exactly + 1 day: 17:00 next day")
        << ew << "2026-03-17 17:00" << kDay8 << "2026-03-18 17:00"
        << "";
    QTest::newRow("received 16:59 + 1 minute: 17:00, not 09:00 next day")
        << ew << "2026-03-17 16:59" << kMinute << "2026-03-17 17:00"
        << "";
    QTest::newRow("received 09:00 + 1 day: 17:00 the same day")
        << ew << "2026-03-16 09:00" << kDay8 << "2026-03-16 17:00"
        << "";
    QTest::newRow("Monday 10:00 + 7 hours: 17:00 the same day")
        << ew << "2026-03-16 10:00" << 7 * kHour << "2026-03-16 17:00"
        << "";
    QTest::newRow("received Saturday + 5 days: 17:00 Friday")
        << ew << "2026-03-21 11:00" << 5 * kDay8 << "2026-03-27 17:00"
        << "";
    QTest::newRow("received Sunday 23:59 + 1 hour: 10:00 Monday")
        << ew << "2026-03-22 23:59" << kHour << "2026-03-23 10:00"
        << "";
    QTest::newRow("received on Easter Monday + 1 day: 17:00 Tuesday")
        << ew << "2026-04-06 10:00" << kDay8 << "2026-04-07 17:00"
        << "";
    QTest::newRow("0 seconds is the moment itself, even on a Saturday")
        << ew << "2026-03-21 11:00" << qint64(0) << "2026-03-21 11:00"
        << "";
    // Wed 2.5 h, Thu 8 h, Fri 5.5 h.
    QTest::newRow("16 working hours from Wednesday 14:30")
        << ew << "2026-03-18 14:30" << 16 * kHour << "2026-03-20 14:30"
        << "";
    QTest::newRow("10-hour days: Monday 17:00 + 1 day (10 h)") << "08:00-18:00"
                                                               << "2026-03-16 17:00" << 10 * kHour << "2026-03-17 17:00"
                                                               << "";
    QTest::newRow("10-hour days: 07:30 + 2 days (20 h)") << "08:00-18:00"
                                                         << "2026-03-16 07:30" << 20 * kHour << "2026-03-17 18:00"
                                                         << "";
    QTest::newRow("10-hour days: 17:30 is inside hours, + 30 minutes")
        << "08:00-18:00"
        << "2026-03-16 17:30" << 30 * kMinute << "2026-03-16 18:00"
        << "";
    QTest::newRow("10-hour days: Fri 23 Oct 17:00 + 2 hours: Mon 09:00 GMT")
        << "08:00-18:00"
        << "2026-10-23 17:00" << 2 * kHour << "2026-10-26 09:00"
        << "2026-10-26 09:00Z";
    QTest::newRow("partner closed Wed 18 Mar: Tuesday + 1 day is Thursday")
        << "E&W, closed Wed 18 Mar 2026"
        << "2026-03-17 10:00" << kDay8 << "2026-03-19 10:00"
        << "";
}

void TestSlaClock::addWorkingTime()
{
    QFETCH(QString, calendar);
    QFETCH(QString, from);
    QFETCH(qint64, seconds);
    QFETCH(QString, expected);
    QFETCH(QString, expectedUtc);
    const EpochSecs due = calendarNamed(calendar).add(london(from), seconds);
    QCOMPARE(londonText(due), expected);
    QCOMPARE(due, london(expected));
    if (!expectedUtc.isEmpty())
        QCOMPARE(utcText(due), expectedUtc);
}

void TestSlaClock::between_data()
{
    QTest::addColumn<QString>("calendar");
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("to");
    QTest::addColumn<qint64>("expected");

    const QString ew = QStringLiteral("E&W");
    QTest::newRow("within a day") << ew << "2026-03-16 10:00"
                                  << "2026-03-16 15:30" << 5 * kHour + 30 * kMinute;
    QTest::newRow("over a night") << ew << "2026-03-16 16:00"
                                  << "2026-03-17 10:00" << 2 * kHour;
    QTest::newRow("over a weekend") << ew << "2026-03-20 15:00"
                                    << "2026-03-23 11:00" << 4 * kHour;
    QTest::newRow("over the August bank holiday 2026") << ew << "2026-08-28 15:00"
                                                       << "2026-09-01 11:00" << 4 * kHour;
    QTest::newRow("over Easter 2026") << ew << "2026-04-02 09:00"
                                      << "2026-04-07 17:00" << 2 * kDay8;
    QTest::newRow("Christmas week 2022") << ew << "2022-12-23 09:00"
                                         << "2022-12-30 17:00" << 4 * kDay8;
    QTest::newRow("Jubilee week 2022") << ew << "2022-06-01 09:00"
                                       << "2022-06-06 17:00" << 2 * kDay8;
    QTest::newRow("a whole week") << ew << "2026-03-16 09:00"
                                  << "2026-03-23 09:00" << 5 * kDay8;
    QTest::newRow("Saturday to Saturday is a week") << ew << "2026-03-21 12:00"
                                                    << "2026-03-28 12:00" << 5 * kDay8;
    QTest::newRow("from a bank holiday") << ew << "2026-04-06 12:00"
                                         << "2026-04-07 12:00" << 3 * kHour;
    QTest::newRow("within one night") << ew << "2026-03-16 18:00"
                                      << "2026-03-17 08:00" << qint64(0);
    QTest::newRow("backwards") << ew << "2026-03-17 10:00"
                               << "2026-03-16 10:00" << qint64(0);
    QTest::newRow("the same moment") << ew << "2026-03-17 10:00"
                                     << "2026-03-17 10:00" << qint64(0);
    QTest::newRow("over the spring clock change") << ew << "2026-03-27 16:00"
                                                  << "2026-03-30 10:00" << 2 * kHour;
    QTest::newRow("over the autumn clock change") << ew << "2026-10-23 16:00"
                                                  << "2026-10-26 10:00" << 2 * kHour;
    QTest::newRow("10-hour day: 07:00 to 19:00") << "08:00-18:00"
                                                 << "2026-03-16 07:00"
                                                 << "2026-03-16 19:00" << 10 * kHour;
}

void TestSlaClock::between()
{
    QFETCH(QString, calendar);
    QFETCH(QString, from);
    QFETCH(QString, to);
    QFETCH(qint64, expected);
    const WorkingCalendar cal = calendarNamed(calendar);
    const qint64 got = cal.between(london(from), london(to));
    QCOMPARE(workingTimeText(got, cal.daySeconds()), workingTimeText(expected, cal.daySeconds()));
    QCOMPARE(got, expected);
}

void TestSlaClock::workingTimeTexts_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<qint64>("seconds");
    QTest::addColumn<qint64>("daySeconds");
    QTest::addColumn<QString>("expected");

    QTest::newRow("2 days 3 hours") << "en_GB" << 2 * kDay8 + 3 * kHour << kDay8 << "2 working days 3 hours";
    QTest::newRow("2 days 1 hour") << "en_GB" << 2 * kDay8 + kHour << kDay8 << "2 working days 1 hour";
    QTest::newRow("5 days") << "en_GB" << 5 * kDay8 << kDay8 << "5 working days";
    QTest::newRow("1 day") << "en_GB" << kDay8 << kDay8 << "1 working day";
    QTest::newRow("5 hours") << "en_GB" << 5 * kHour << kDay8 << "5 working hours";
    QTest::newRow("1 hour") << "en_GB" << kHour << kDay8 << "1 working hour";
    QTest::newRow("1 hour 20 minutes") << "en_GB" << kHour + 20 * kMinute << kDay8 << "1 working hour 20 minutes";
    QTest::newRow("40 minutes") << "en_GB" << 40 * kMinute << kDay8 << "40 working minutes";
    QTest::newRow("10-hour days: 2 days 3 hours") << "en_GB" << 23 * kHour << 10 * kHour << "2 working days 3 hours";
    QTest::newRow("10-hour days: 10 hours is a day") << "en_GB" << 10 * kHour << 10 * kHour << "1 working day";
    QTest::newRow("10-hour days: 8 hours") << "en_GB" << 8 * kHour << 10 * kHour << "8 working hours";
    QTest::newRow("Welsh: 2 days 3 hours") << "cy" << 2 * kDay8 + 3 * kHour << kDay8 << "2 diwrnod gwaith 3 awr";
    QTest::newRow("Welsh: 40 minutes") << "cy" << 40 * kMinute << kDay8 << "40 munud gwaith";
}

// In the desk's own translations (en_GB gives the English plural forms), as the panel shows them.
void TestSlaClock::workingTimeTexts()
{
    QFETCH(QString, language);
    QFETCH(qint64, seconds);
    QFETCH(qint64, daySeconds);
    QFETCH(QString, expected);
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral(IBC_QM_DIR "/ibc-desk_%1.qm").arg(language)));
    QCoreApplication::installTranslator(&translator);
    const QString text = ibc::models::workingTimeText(seconds, daySeconds);
    QCoreApplication::removeTranslator(&translator);
    QCOMPARE(text, expected);
}

void TestSlaClock::partnerDefaults_data()
{
    QTest::addColumn<QString>("partner");
    QTest::addColumn<int>("cutoffDay");

    QTest::newRow("HCC closes on the 10th") << "HCC" << 10;
    QTest::newRow("OCC closes on the 12th") << "OCC" << 12;
    QTest::newRow("HIWC closes on the 8th") << "HIWC" << 8;
    QTest::newRow("OPCC closes on the 8th") << "OPCC" << 8;
    QTest::newRow("HIWFRS closes on the 9th") << "HIWFRS" << 9;
    QTest::newRow("LBHF closes on the 14th") << "LBHF" << 14;
    QTest::newRow("RBKC closes on the 14th") << "RBKC" << 14;
    QTest::newRow("WCC closes on the 15th") << "WCC" << 15;
}

void TestSlaClock::partnerDefaults()
{
    QFETCH(QString, partner);
    QFETCH(int, cutoffDay);
    const PartnerCalendar c = SlaRules::defaultCalendar(partner);
    QCOMPARE(c.partner, partner);
    QCOMPARE(c.payrollCutoffDay, cutoffDay);
    QCOMPARE(c.hours.text(), QStringLiteral("09:00-17:00"));
    QVERIFY(c.hours == WorkingHours{});
    QVERIFY(c.closed.empty());
    QVERIFY(c.payrollCutoffs.empty());
    const auto rules = SlaRules::defaults();
    QCOMPARE(rules->partnerCalendar(partner).payrollCutoffDay, cutoffDay);
    QCOMPARE(rules->calendar(partner).daySeconds(), kDay8);
}

void TestSlaClock::policies_data()
{
    QTest::addColumn<QString>("rules");
    QTest::addColumn<QString>("partner");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("subtype");
    QTest::addColumn<QString>("targetText");
    QTest::addColumn<qint64>("targetSeconds");
    QTest::addColumn<int>("notAfterCutoff"); // 1, 0, or -1 for not checked
    QTest::addColumn<int>("paymentTermsDays");

    const QString d = QStringLiteral("default"), c = QStringLiteral("custom");
    QTest::newRow("default: HR new starter, 5d, pay-affecting") << d << "HCC" << Kind::HrChange << "new_starter"
                                                                << "5d" << 5 * kDay8 << 1 << 0;
    QTest::newRow("default: HR leaver, 5d, pay-affecting") << d << "OCC" << Kind::HrChange << "leaver"
                                                           << "5d" << 5 * kDay8 << 1 << 0;
    QTest::newRow("default: HR hours change, 5d, pay-affecting") << d << "HIWC" << Kind::HrChange << "hours_change"
                                                                 << "5d" << 5 * kDay8 << 1 << 0;
    QTest::newRow("default: HR bank details, 5d, pay-affecting") << d << "WCC" << Kind::HrChange << "bank_details"
                                                                 << "5d" << 5 * kDay8 << 1 << 0;
    QTest::newRow("default: HR address change, 5d, not pay-affecting")
        << d << "HCC" << Kind::HrChange << "address_change"
        << "5d" << 5 * kDay8 << 0 << 0;
    QTest::newRow("default: HR family leave, 5d, not pay-affecting") << d << "HCC" << Kind::HrChange << "family_leave"
                                                                     << "5d" << 5 * kDay8 << 0 << 0;
    QTest::newRow("default: invoice, 10d, 30 days to pay") << d << "HCC" << Kind::Invoice << "price_mismatch"
                                                           << "10d" << 10 * kDay8 << 0 << 30;
    QTest::newRow("default: payroll exception, 2d") << d << "HCC" << Kind::PayrollException << "overpayment"
                                                    << "2d" << 2 * kDay8 << -1 << 0;
    QTest::newRow("changed: OCC invoice, 5d") << c << "OCC" << Kind::Invoice << "price_mismatch"
                                              << "5d" << 5 * kDay8 << 0 << 30;
    QTest::newRow("changed: OCC disputed invoice, 16h") << c << "OCC" << Kind::Invoice << "disputed"
                                                        << "16h" << 16 * kHour << 0 << 30;
    QTest::newRow("changed: OCC suspected duplicate, partner's kind wins")
        << c << "OCC" << Kind::Invoice << "suspected_duplicate"
        << "5d" << 5 * kDay8 << 0 << 30;
    QTest::newRow("changed: HCC suspected duplicate, every partner's subtype")
        << c << "HCC" << Kind::Invoice << "suspected_duplicate"
        << "2d" << 2 * kDay8 << 0 << 30;
    QTest::newRow("changed: HCC other invoice keeps the default") << c << "HCC" << Kind::Invoice << "no_po"
                                                                  << "10d" << 10 * kDay8 << 0 << 30;
    QTest::newRow("changed: LBHF 10-hour days, HR 5d = 50 h") << c << "LBHF" << Kind::HrChange << "address_change"
                                                              << "5d" << 50 * kHour << 0 << 0;
    QTest::newRow("changed: LBHF 10-hour days, invoice 10d = 100 h") << c << "LBHF" << Kind::Invoice << "no_po"
                                                                     << "10d" << 100 * kHour << 0 << 30;
    QTest::newRow("changed: LBHF 10-hour days, payroll 2d = 20 h")
        << c << "LBHF" << Kind::PayrollException << "overpayment"
        << "2d" << 20 * kHour << -1 << 0;
}

void TestSlaClock::policies()
{
    QFETCH(QString, rules);
    QFETCH(QString, partner);
    QFETCH(Kind, kind);
    QFETCH(QString, subtype);
    QFETCH(QString, targetText);
    QFETCH(qint64, targetSeconds);
    QFETCH(int, notAfterCutoff);
    QFETCH(int, paymentTermsDays);
    const auto r = rulesNamed(rules);
    const SlaPolicy &p = r->policy(partner, kind, subtype);
    QCOMPARE(p.targetText(), targetText);
    QCOMPARE(r->targetSeconds(partner, kind, subtype), targetSeconds);
    if (notAfterCutoff >= 0)
        QCOMPARE(p.notAfterPayrollCutoff, notAfterCutoff == 1);
    QCOMPARE(p.paymentTermsDays, paymentTermsDays);
}

void TestSlaClock::payrollCutoffFrom_data()
{
    QTest::addColumn<QString>("rules");
    QTest::addColumn<QString>("partner");
    QTest::addColumn<QDate>("day");
    QTest::addColumn<QString>("expected");

    const QString d = QStringLiteral("default"), c = QStringLiteral("custom");
    QTest::newRow("HCC March 2026: Tue 10th") << d << "HCC" << QDate(2026, 3, 1) << "2026-03-10 17:00";
    QTest::newRow("HCC from the cut-off day itself") << d << "HCC" << QDate(2026, 3, 10) << "2026-03-10 17:00";
    QTest::newRow("HCC from the day after: April") << d << "HCC" << QDate(2026, 3, 11) << "2026-04-10 17:00";
    QTest::newRow("HCC December 2026 (GMT)") << d << "HCC" << QDate(2026, 12, 1) << "2026-12-10 17:00";
    QTest::newRow("HCC Sat 10 Jan 2026: Fri 9th") << d << "HCC" << QDate(2026, 1, 1) << "2026-01-09 17:00";
    QTest::newRow("HCC Sun 10 May 2026: Fri 8th") << d << "HCC" << QDate(2026, 5, 1) << "2026-05-08 17:00";
    QTest::newRow("OCC Sun 12 Apr 2026: Fri 10th") << d << "OCC" << QDate(2026, 4, 1) << "2026-04-10 17:00";
    QTest::newRow("OCC Sat 12 Dec 2026: Fri 11th") << d << "OCC" << QDate(2026, 12, 1) << "2026-12-11 17:00";
    QTest::newRow("HIWC Sun 8 Mar 2026: Fri 6th") << d << "HIWC" << QDate(2026, 3, 1) << "2026-03-06 17:00";
    QTest::newRow("HIWFRS Sun 9 Aug 2026: Fri 7th") << d << "HIWFRS" << QDate(2026, 8, 1) << "2026-08-07 17:00";
    QTest::newRow("LBHF Sat 14 Mar 2026: Fri 13th") << d << "LBHF" << QDate(2026, 3, 1) << "2026-03-13 17:00";
    QTest::newRow("RBKC Sat 14 Nov 2026: Fri 13th") << d << "RBKC" << QDate(2026, 11, 1) << "2026-11-13 17:00";
    QTest::newRow("WCC Sun 15 Nov 2026: Fri 13th") << d << "WCC" << QDate(2026, 11, 1) << "2026-11-13 17:00";
    QTest::newRow("HIWC Coronation 8 May 2023: Fri 5th") << d << "HIWC" << QDate(2023, 5, 1) << "2023-05-05 17:00";
    QTest::newRow("OPCC Coronation 8 May 2023: Fri 5th") << d << "OPCC" << QDate(2023, 5, 1) << "2023-05-05 17:00";
    QTest::newRow("HCC Easter Monday 10 Apr 2023: past Good Friday to Thu 6th")
        << d << "HCC" << QDate(2023, 4, 1) << "2023-04-06 17:00";
    QTest::newRow("WCC Good Friday 15 Apr 2022: Thu 14th") << d << "WCC" << QDate(2022, 4, 1) << "2022-04-14 17:00";
    QTest::newRow("WCC pay calendar: 20 Mar 2026, not the 15th")
        << c << "WCC" << QDate(2026, 3, 1) << "2026-03-20 17:00";
    QTest::newRow("WCC pay calendar: the next date, 17 Apr") << c << "WCC" << QDate(2026, 3, 21) << "2026-04-17 17:00";
    QTest::newRow("WCC pay calendar: Sat 16 May moves to Fri 15th")
        << c << "WCC" << QDate(2026, 5, 1) << "2026-05-15 17:00";
    QTest::newRow("RBKC closed on its cut-off day 14 Apr 2026: Mon 13th")
        << c << "RBKC" << QDate(2026, 4, 1) << "2026-04-13 17:00";
}

void TestSlaClock::payrollCutoffFrom()
{
    QFETCH(QString, rules);
    QFETCH(QString, partner);
    QFETCH(QDate, day);
    QFETCH(QString, expected);
    const EpochSecs got = rulesNamed(rules)->payrollCutoffFrom(partner, day);
    QCOMPARE(londonText(got), expected);
    QCOMPARE(got, london(expected));
}

void TestSlaClock::payrollCutoffAfter_data()
{
    QTest::addColumn<QString>("rules");
    QTest::addColumn<QString>("partner");
    QTest::addColumn<QString>("at");
    QTest::addColumn<QString>("expected");

    const QString d = QStringLiteral("default"), c = QStringLiteral("custom");
    QTest::newRow("a minute before the cut-off") << d << "HCC"
                                                 << "2026-03-10 16:59"
                                                 << "2026-03-10 17:00";
    QTest::newRow("at the cut-off: the next one") << d << "HCC"
                                                  << "2026-03-10 17:00"
                                                  << "2026-04-10 17:00";
    QTest::newRow("after a cut-off moved to Fri 9 Jan, before the 10th") << d << "HCC"
                                                                         << "2026-01-09 18:00"
                                                                         << "2026-02-10 17:00";
    QTest::newRow("on Sat 10 Jan, the nominal day") << d << "HCC"
                                                    << "2026-01-10 12:00"
                                                    << "2026-02-10 17:00";
    QTest::newRow("New Year's Eve: January's, moved to Fri 9 Jan") << d << "HCC"
                                                                   << "2025-12-31 23:00"
                                                                   << "2026-01-09 17:00";
    QTest::newRow("pay calendar: at 20 Mar 17:00, the next is 17 Apr") << c << "WCC"
                                                                       << "2026-03-20 17:00"
                                                                       << "2026-04-17 17:00";
}

void TestSlaClock::payrollCutoffAfter()
{
    QFETCH(QString, rules);
    QFETCH(QString, partner);
    QFETCH(QString, at);
    QFETCH(QString, expected);
    const EpochSecs got = rulesNamed(rules)->payrollCutoffAfter(partner, london(at));
    QCOMPARE(londonText(got), expected);
    QCOMPARE(got, london(expected));
}

void TestSlaClock::dueTimes_data()
{
    QTest::addColumn<int>("index");
    for (int i = 0; i < int(std::size(kDueCases)); ++i)
        QTest::newRow(kDueCases[i].name) << i;
}

void TestSlaClock::dueTimes()
{
    QFETCH(int, index);
    const DueCase &c = kDueCases[index];
    const auto rules = rulesNamed(QLatin1String(c.rules));
    const WorkItem item = itemFor(QLatin1String(c.partner), c.kind, QLatin1String(c.subtype),
                                  london(QLatin1String(c.received)), jsonObject(c.fields));
    const DueTimes got = rules->due(item);
    QCOMPARE(londonText(got.processBy), QLatin1String(c.processBy));
    QCOMPARE(londonText(got.payBy), QLatin1String(c.payBy));
    QCOMPARE(londonText(got.cutoff), QLatin1String(c.cutoff));
    QCOMPARE(londonText(got.due), QLatin1String(c.due));
    QCOMPARE(got.due, london(QLatin1String(c.due)));
}

void TestSlaClock::pause_data()
{
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("subtype");
    QTest::addColumn<QString>("received");
    QTest::addColumn<QJsonObject>("fields");
    QTest::addColumn<QList<Event>>("history");
    QTest::addColumn<QString>("now");
    QTest::addColumn<qint64>("paused");
    QTest::addColumn<QString>("processBy");
    QTest::addColumn<QString>("due");

    using S = Status;
    const QList<Event> started{historyLine("2026-03-16 10:00", "received", S::New, S::New),
                               historyLine("2026-03-16 10:05", "claim", S::New, S::Assigned),
                               historyLine("2026-03-16 10:10", "start", S::Assigned, S::InProgress)};

    // Thu 27 Aug 10:00 + 40 h = Fri 4 Sep 10:00 (Mon 31 Aug closed). Paused Fri 15-17 and Tue 9-11: 4 h.
    QTest::newRow("paused over the August bank holiday, resumed")
        << Kind::HrChange << "address_change"
        << "2026-08-27 10:00" << QJsonObject()
        << QList<Event>{historyLine("2026-08-27 10:00", "received", S::New, S::New),
                        historyLine("2026-08-27 10:10", "start", S::Assigned, S::InProgress),
                        historyLine("2026-08-28 15:00", "request_info", S::InProgress, S::AwaitingInfo),
                        historyLine("2026-09-01 11:00", "resume", S::AwaitingInfo, S::InProgress)}
        << "2026-09-02 12:00" << 4 * kHour << "2026-09-04 14:00"
        << "2026-09-04 14:00";
    QTest::newRow("paused over the August bank holiday, still paused")
        << Kind::HrChange << "address_change"
        << "2026-08-27 10:00" << QJsonObject()
        << QList<Event>{historyLine("2026-08-27 10:00", "received", S::New, S::New),
                        historyLine("2026-08-28 15:00", "request_info", S::InProgress, S::AwaitingInfo)}
        << "2026-09-01 10:30" << 3 * kHour + 30 * kMinute << "2026-09-04 13:30"
        << "2026-09-04 13:30";
    // 11:00-16:00 Mon (5 h) and Tue 16:00-Wed 10:00 (2 h): Mon 23 Mar 10:00 + 7 h.
    QTest::newRow("two pauses in a week")
        << Kind::HrChange << "address_change"
        << "2026-03-16 10:00" << QJsonObject()
        << (started + QList<Event>{historyLine("2026-03-16 11:00", "request_info", S::InProgress, S::AwaitingInfo),
                                   historyLine("2026-03-16 16:00", "resume", S::AwaitingInfo, S::InProgress),
                                   historyLine("2026-03-17 16:00", "request_info", S::InProgress, S::AwaitingInfo),
                                   historyLine("2026-03-18 10:00", "resume", S::AwaitingInfo, S::InProgress)})
        << "2026-03-19 12:00" << 7 * kHour << "2026-03-23 17:00"
        << "2026-03-23 17:00";
    QTest::newRow("reassigned while awaiting information: counted once")
        << Kind::HrChange << "address_change"
        << "2026-03-16 10:00" << QJsonObject()
        << (started + QList<Event>{historyLine("2026-03-16 11:00", "request_info", S::InProgress, S::AwaitingInfo),
                                   historyLine("2026-03-16 13:00", "reassign", S::AwaitingInfo, S::AwaitingInfo),
                                   historyLine("2026-03-17 10:00", "resume", S::AwaitingInfo, S::InProgress)})
        << "2026-03-19 12:00" << 7 * kHour << "2026-03-23 17:00"
        << "2026-03-23 17:00";
    QTest::newRow("paused only out of hours: no time")
        << Kind::HrChange << "address_change"
        << "2026-03-16 10:00" << QJsonObject()
        << (started + QList<Event>{historyLine("2026-03-20 18:00", "request_info", S::InProgress, S::AwaitingInfo),
                                   historyLine("2026-03-23 08:30", "resume", S::AwaitingInfo, S::InProgress)})
        << "2026-03-23 09:30" << qint64(0) << "2026-03-23 10:00"
        << "2026-03-23 10:00";
    QTest::newRow("never paused") << Kind::HrChange << "address_change"
                                  << "2026-03-16 10:00" << QJsonObject() << started << "2026-03-19 12:00" << qint64(0)
                                  << "2026-03-23 10:00"
                                  << "2026-03-23 10:00";
    // Thu 26 Mar 10:00 + 40 h = Thu 2 Apr 10:00; paused Fri 16-17 GMT and Mon 09-10 BST: 2 h.
    QTest::newRow("paused across the spring clock change")
        << Kind::HrChange << "address_change"
        << "2026-03-26 10:00" << QJsonObject()
        << QList<Event>{historyLine("2026-03-27 16:00", "request_info", S::InProgress, S::AwaitingInfo),
                        historyLine("2026-03-30 10:00", "resume", S::AwaitingInfo, S::InProgress)}
        << "2026-03-31 10:00" << 2 * kHour << "2026-04-02 12:00"
        << "2026-04-02 12:00";
    // processBy Thu 12 Mar 10:00 + 8 h = Fri 13 Mar 10:00; the 10 Mar cut-off stays.
    QTest::newRow("leaver paused a day: the payroll cut-off does not move")
        << Kind::HrChange << "leaver"
        << "2026-03-05 10:00" << QJsonObject{{QStringLiteral("effective_date"), QStringLiteral("2026-03-09")}}
        << QList<Event>{historyLine("2026-03-06 09:00", "request_info", S::InProgress, S::AwaitingInfo),
                        historyLine("2026-03-09 09:00", "resume", S::AwaitingInfo, S::InProgress)}
        << "2026-03-11 10:00" << kDay8 << "2026-03-13 10:00"
        << "2026-03-10 17:00";
    // Paused Tue 17 Mar 09:00 to Tue 14 Apr 09:00: 18 working days (Easter closed) = 144 h.
    // 80 + 144 h = 28 working days from Mon 16 Mar 10:00: Mon 27 Apr 10:00; pay by 15 Apr stays.
    QTest::newRow("invoice paused for weeks: the payment date does not move")
        << Kind::Invoice << "price_mismatch"
        << "2026-03-16 10:00" << QJsonObject()
        << QList<Event>{historyLine("2026-03-17 09:00", "request_info", S::InProgress, S::AwaitingInfo),
                        historyLine("2026-04-14 09:00", "resume", S::AwaitingInfo, S::InProgress)}
        << "2026-04-14 12:00" << 18 * kDay8 << "2026-04-27 10:00"
        << "2026-04-15 17:00";
}

void TestSlaClock::pause()
{
    QFETCH(Kind, kind);
    QFETCH(QString, subtype);
    QFETCH(QString, received);
    QFETCH(QJsonObject, fields);
    QFETCH(QList<Event>, history);
    QFETCH(QString, now);
    QFETCH(qint64, paused);
    QFETCH(QString, processBy);
    QFETCH(QString, due);
    const auto rules = SlaRules::defaults();
    const WorkingCalendar &cal = rules->calendar(QStringLiteral("HCC"));
    const qint64 got =
        pausedSeconds(cal, std::span<const Event>(history.constData(), std::size_t(history.size())), london(now));
    QCOMPARE(workingTimeText(got, kDay8), workingTimeText(paused, kDay8));
    QCOMPARE(got, paused);
    const DueTimes times = rules->due(itemFor(QStringLiteral("HCC"), kind, subtype, london(received), fields), paused);
    QCOMPARE(londonText(times.processBy), processBy);
    QCOMPARE(londonText(times.due), due);
}

void TestSlaClock::status_data()
{
    QTest::addColumn<QString>("rules");
    QTest::addColumn<QString>("partner");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("subtype");
    QTest::addColumn<Status>("itemStatus");
    QTest::addColumn<QString>("received");
    QTest::addColumn<QString>("due");
    QTest::addColumn<QString>("now");
    QTest::addColumn<SlaState>("state");
    QTest::addColumn<qint64>("left");  // -1: not checked
    QTest::addColumn<qint64>("usual"); // -1: not checked
    QTest::addColumn<bool>("fromHistory");

    const QString d = QStringLiteral("default"), c = QStringLiteral("custom");
    const QString hr = QStringLiteral("address_change");
    const QString rcv = QStringLiteral("2026-03-16 10:00"), due = QStringLiteral("2026-03-23 10:00");
    const qint64 quarter = 10 * kHour; // of 40 h
    const qint64 none = -1;
    using S = Status;
    QTest::newRow("resolved is met, even after due") << d << "HCC" << Kind::HrChange << hr << S::Resolved << rcv << due
                                                     << "2026-03-24 10:00" << SlaState::Met << none << none << false;
    QTest::newRow("closed is met") << d << "HCC" << Kind::HrChange << hr << S::Closed << rcv << due
                                   << "2026-03-24 10:00" << SlaState::Met << none << none << false;
    QTest::newRow("awaiting information is paused")
        << d << "HCC" << Kind::HrChange << hr << S::AwaitingInfo << rcv << due << "2026-03-18 10:00" << SlaState::Paused
        << none << none << false;
    QTest::newRow("in progress at the due moment is breached")
        << d << "HCC" << Kind::HrChange << hr << S::InProgress << rcv << due << "2026-03-23 10:00" << SlaState::Breached
        << qint64(0) << none << false;
    QTest::newRow("an hour after due is breached")
        << d << "HCC" << Kind::HrChange << hr << S::Assigned << rcv << due << "2026-03-23 11:00" << SlaState::Breached
        << qint64(0) << none << false;
    QTest::newRow("11 h left, quarter of target 10 h: on track")
        << d << "HCC" << Kind::HrChange << hr << S::InProgress << rcv << due << "2026-03-19 15:00" << SlaState::OnTrack
        << 11 * kHour << quarter << false;
    QTest::newRow("exactly a quarter left: on track")
        << d << "HCC" << Kind::HrChange << hr << S::InProgress << rcv << due << "2026-03-19 16:00" << SlaState::OnTrack
        << 10 * kHour << quarter << false;
    QTest::newRow("9 h left over a night: at risk")
        << d << "HCC" << Kind::HrChange << hr << S::InProgress << rcv << due << "2026-03-19 17:00" << SlaState::AtRisk
        << 9 * kHour << quarter << false;
    QTest::newRow("8 h left over a weekend: at risk")
        << d << "HCC" << Kind::HrChange << hr << S::New << rcv << due << "2026-03-20 10:00" << SlaState::AtRisk
        << 8 * kHour << quarter << false;
    QTest::newRow("history of 25 items says 3 h: 8 h left is on track")
        << c << "HCC" << Kind::HrChange << hr << S::InProgress << rcv << due << "2026-03-20 10:00" << SlaState::OnTrack
        << 8 * kHour << 3 * kHour << true;
    QTest::newRow("history of 25 items says 3 h: 2 h left is at risk")
        << c << "HCC" << Kind::HrChange << hr << S::InProgress << rcv << due << "2026-03-20 16:00" << SlaState::AtRisk
        << 2 * kHour << 3 * kHour << true;
    QTest::newRow("history of only 19 items: quarter of target")
        << c << "HCC" << Kind::HrChange << "family_leave" << S::InProgress << rcv << due << "2026-03-20 10:00"
        << SlaState::AtRisk << 8 * kHour << quarter << false;
    // Invoice due Mon 30 Mar 10:00; at Thu 26 Mar 10:00, 16 h left: under a 12 h history, over a 20 h quarter.
    QTest::newRow("invoice, history 12 h over 40 items: 16 h left is on track")
        << c << "HCC" << Kind::Invoice << "price_mismatch" << S::InProgress << rcv << "2026-03-30 10:00"
        << "2026-03-26 10:00" << SlaState::OnTrack << 16 * kHour << 12 * kHour << true;
    QTest::newRow("invoice, no history: 16 h left of 80 is at risk")
        << d << "HCC" << Kind::Invoice << "price_mismatch" << S::InProgress << rcv << "2026-03-30 10:00"
        << "2026-03-26 10:00" << SlaState::AtRisk << 16 * kHour << 20 * kHour << false;
    // Due at the 10 Mar cut-off; quarter of 16 h is 4 h; 3 h left.
    QTest::newRow("payroll exception due at its cut-off: 3 h left is at risk")
        << d << "HCC" << Kind::PayrollException << "overpayment" << S::InProgress << "2026-03-09 10:00"
        << "2026-03-10 17:00"
        << "2026-03-10 14:00" << SlaState::AtRisk << 3 * kHour << 4 * kHour << false;
    QTest::newRow("payroll exception: 8 h left is on track")
        << d << "HCC" << Kind::PayrollException << "overpayment" << S::InProgress << "2026-03-09 10:00"
        << "2026-03-10 17:00"
        << "2026-03-09 17:00" << SlaState::OnTrack << 8 * kHour << 4 * kHour << false;
    // LBHF: 10-hour days, target 50 h, quarter 12.5 h; Fri 17:00 to Mon 17:30 is 1 + 9.5 h. (Family
    // leave: its 19 items of history are too few, so the quarter applies.)
    QTest::newRow("LBHF 10-hour days: 10.5 h left of 50 is at risk")
        << c << "LBHF" << Kind::HrChange << "family_leave" << S::InProgress << "2026-03-16 17:30"
        << "2026-03-23 17:30"
        << "2026-03-20 17:00" << SlaState::AtRisk << 10 * kHour + 30 * kMinute << 12 * kHour + 30 * kMinute << false;
}

void TestSlaClock::status()
{
    QFETCH(QString, rules);
    QFETCH(QString, partner);
    QFETCH(Kind, kind);
    QFETCH(QString, subtype);
    QFETCH(Status, itemStatus);
    QFETCH(QString, received);
    QFETCH(QString, due);
    QFETCH(QString, now);
    QFETCH(SlaState, state);
    QFETCH(qint64, left);
    QFETCH(qint64, usual);
    QFETCH(bool, fromHistory);
    WorkItem item = itemFor(partner, kind, subtype, london(received), {}, itemStatus);
    item.due = london(due);
    const SlaStatus got = rulesNamed(rules)->status(item, london(now));
    // One line with every figure checked, so that a failure shows them all.
    const auto describe = [&](SlaState st, qint64 l, qint64 u, bool h) {
        QString text = stateName(st);
        if (left >= 0)
            text += QStringLiteral(", %1 s left").arg(l);
        if (usual >= 0)
            text += QStringLiteral(", usual %1 s from %2")
                        .arg(u)
                        .arg(h ? QStringLiteral("history") : QStringLiteral("a quarter of the target"));
        return text;
    };
    QCOMPARE(describe(got.state, got.left, got.usual, got.usualFromHistory), describe(state, left, usual, fromHistory));
}

void TestSlaClock::parseWorkingHours_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("start");
    QTest::addColumn<int>("end");

    QTest::newRow("08:00-18:00") << "08:00-18:00" << true << 8 * 60 << 18 * 60;
    QTest::newRow("09:00-17:00") << "09:00-17:00" << true << 9 * 60 << 17 * 60;
    QTest::newRow("8:00–18:00 with an en dash") << QStringLiteral("8:00\u201318:00") << true << 8 * 60 << 18 * 60;
    QTest::newRow("07:30-15:45") << "07:30-15:45" << true << 7 * 60 + 30 << 15 * 60 + 45;
    QTest::newRow("empty") << "" << false << 0 << 0;
    QTest::newRow("one time") << "09:00" << false << 0 << 0;
    QTest::newRow("words") << "nine to five" << false << 0 << 0;
    QTest::newRow("25:00 does not exist") << "25:00-17:00" << false << 0 << 0;
    QTest::newRow("09:60 does not exist") << "09:60-17:00" << false << 0 << 0;
    QTest::newRow("end before start") << "17:00-09:00" << false << 0 << 0;
    QTest::newRow("end equal to start") << "09:00-09:00" << false << 0 << 0;
}

void TestSlaClock::parseWorkingHours()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(int, start);
    QFETCH(int, end);
    QString error;
    const auto got = ibc::models::parseWorkingHours(text, &error);
    QCOMPARE(got.has_value(), ok);
    if (ok) {
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(got->start, start);
        QCOMPARE(got->end, end);
        QCOMPARE(got->seconds(), qint64(end - start) * 60);
        QCOMPARE(ibc::models::parseWorkingHours(got->text(), &error)->text(), got->text()); // text() reads back
    } else {
        QVERIFY2(!error.isEmpty(), "a refusal must name the problem");
    }
}

void TestSlaClock::parseTarget_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("target");
    QTest::addColumn<TargetUnit>("unit");

    QTest::newRow("5d") << "5d" << true << 5 << TargetUnit::WorkingDays;
    QTest::newRow("10d") << "10d" << true << 10 << TargetUnit::WorkingDays;
    QTest::newRow("16h") << "16h" << true << 16 << TargetUnit::WorkingHours;
    QTest::newRow("empty") << "" << false << 0 << TargetUnit::WorkingDays;
    QTest::newRow("no unit") << "5" << false << 0 << TargetUnit::WorkingDays;
    QTest::newRow("no number") << "d" << false << 0 << TargetUnit::WorkingDays;
    QTest::newRow("weeks") << "5w" << false << 0 << TargetUnit::WorkingDays;
    QTest::newRow("negative") << "-1d" << false << 0 << TargetUnit::WorkingDays;
    QTest::newRow("fraction") << "1.5d" << false << 0 << TargetUnit::WorkingDays;
    QTest::newRow("words") << "five days" << false << 0 << TargetUnit::WorkingDays;
}

void TestSlaClock::parseTarget()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QFETCH(int, target);
    QFETCH(TargetUnit, unit);
    QString error;
    const auto got = ibc::models::parseTarget(text, &error);
    QCOMPARE(got.has_value(), ok);
    if (ok) {
        QCOMPARE(got->first, target);
        QVERIFY(got->second == unit);
        SlaPolicy p;
        p.target = got->first;
        p.unit = got->second;
        QCOMPARE(p.targetText(), text);
    } else {
        QVERIFY2(!error.isEmpty(), "a refusal must name the problem");
    }
}

void TestSlaClock::parseBankHolidays_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("division");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<int>("count");
    QTest::addColumn<QDate>("first");
    QTest::addColumn<QDate>("last");

    QFile feed(QStringLiteral(":/ibc/bank-holidays.json"));
    QVERIFY(feed.open(QIODevice::ReadOnly));
    const QByteArray shipped = feed.readAll();
    const QString ew = QStringLiteral("england-and-wales");
    QTest::newRow("the shipped feed, England and Wales")
        << shipped << ew << true << 75 << QDate(2019, 1, 1) << QDate(2027, 12, 28);
    QTest::newRow("the shipped feed, Scotland")
        << shipped << "scotland" << true << 84 << QDate(2019, 1, 1) << QDate(2027, 12, 28);
    QTest::newRow("events out of order come back in date order")
        << QByteArray(R"({"england-and-wales":{"division":"england-and-wales","events":[
               {"title":"Christmas Day","date":"2026-12-25","notes":"","bunting":true},
               {"title":"New Year's Day","date":"2026-01-01","notes":"","bunting":true}]}})")
        << ew << true << 2 << QDate(2026, 1, 1) << QDate(2026, 12, 25);
    QTest::newRow("not JSON") << QByteArray("<html>Service unavailable</html>") << ew << false << 0 << QDate()
                              << QDate();
    QTest::newRow("no such division")
        << QByteArray(
               R"({"scotland":{"division":"scotland","events":[{"title":"St Andrew's Day","date":"2026-11-30"}]}})")
        << ew << false << 0 << QDate() << QDate();
    QTest::newRow("a date that does not exist")
        << QByteArray(
               R"({"england-and-wales":{"division":"england-and-wales","events":[{"title":"Nope","date":"2026-02-30"}]}})")
        << ew << false << 0 << QDate() << QDate();
    QTest::newRow("an event without a date")
        << QByteArray(R"({"england-and-wales":{"division":"england-and-wales","events":[{"title":"Christmas Day"}]}})")
        << ew << false << 0 << QDate() << QDate();
}

void TestSlaClock::parseBankHolidays()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, division);
    QFETCH(bool, ok);
    QFETCH(int, count);
    QFETCH(QDate, first);
    QFETCH(QDate, last);
    QString error;
    const auto got = ibc::models::parseBankHolidays(json, &error, division);
    QCOMPARE(got.has_value(), ok);
    if (!ok) {
        QVERIFY2(!error.isEmpty(), "a refusal must name the problem");
        return;
    }
    QCOMPARE(int(got->size()), count);
    QCOMPARE(got->front().date, first);
    QCOMPARE(got->back().date, last);
    QVERIFY(!got->front().title.isEmpty());
}

void TestSlaClock::jsonRoundTrip_data()
{
    QTest::addColumn<QString>("rules");
    QTest::newRow("the defaults") << "default";
    QTest::newRow("changed hours, closures, pay calendar, policies and history") << "custom";
}

void TestSlaClock::jsonRoundTrip()
{
    QFETCH(QString, rules);
    const auto original = rulesNamed(rules);
    const QJsonObject json = original->toJson();
    QString error;
    const auto back = SlaRules::fromJson(json, &error);
    QVERIFY2(back.has_value(), qPrintable(error));
    QCOMPARE(back->toJson(), json);
    QCOMPARE(back->bankHolidays().size(), original->bankHolidays().size());
    QCOMPARE(back->policies().size(), original->policies().size());
    QCOMPARE(back->handling().size(), original->handling().size());
    for (const DueCase &c : kDueCases) {
        const WorkItem item = itemFor(QLatin1String(c.partner), c.kind, QLatin1String(c.subtype),
                                      london(QLatin1String(c.received)), jsonObject(c.fields));
        const DueTimes a = original->due(item), b = back->due(item);
        QVERIFY2(a.processBy == b.processBy && a.payBy == b.payBy && a.cutoff == b.cutoff && a.due == b.due, c.name);
        WorkItem atRisk = item;
        atRisk.due = a.due;
        const SlaStatus sa = original->status(atRisk, a.due - kHour), sb = back->status(atRisk, a.due - kHour);
        QVERIFY2(sa.state == sb.state && sa.usual == sb.usual && sa.usualFromHistory == sb.usualFromHistory, c.name);
    }
}

void TestSlaClock::badJson_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("replacement");

    QTest::newRow("working hours that do not exist") << R"(^\d\d:\d\d-\d\d:\d\d$)"
                                                     << "25:00-17:00";
    QTest::newRow("a target in weeks") << R"(^\d+[dh]$)"
                                       << "5w";
    QTest::newRow("a bank holiday on 30 February") << R"(^\d{4}-\d\d-\d\d$)"
                                                   << "2026-02-30";
}

// A reference object with one bad value: refused, and the error names the value or its key.
void TestSlaClock::badJson()
{
    QFETCH(QString, pattern);
    QFETCH(QString, replacement);
    QString key;
    const QJsonObject bad =
        replaceFirst(customRules()->toJson(), QRegularExpression(pattern), replacement, QString(), &key).toObject();
    QVERIFY2(!key.isEmpty(), qPrintable(QStringLiteral("toJson() has no value matching %1").arg(pattern)));
    QString error;
    const auto got = SlaRules::fromJson(bad, &error);
    QVERIFY2(!got.has_value(), qPrintable(QStringLiteral("accepted %1 = %2").arg(key, replacement)));
    QVERIFY2(error.contains(replacement) || error.contains(key),
             qPrintable(QStringLiteral("error \"%1\" names neither %2 nor %3").arg(error, key, replacement)));
}

QTEST_GUILESS_MAIN(TestSlaClock)
#include "tst_slaclock.moc"
