#include "domain/DemoGenerator.h"

#include "domain/FourEyes.h"

#include "domain/ModulusCheck.h"

#include "domain/Command.h"
#include "domain/Fields.h"
#include "domain/Partner.h"
#include "domain/Sla.h"

#include <QDate>
#include <QDateTime>
#include <QFile>

#include <algorithm>
#include <cmath>
#include <optional>

namespace ibc::models {

namespace {

constexpr qint64 kDay = 86400;
constexpr qint64 kHour = 3600;

constexpr const char *kFirstNames[] = {
    "Oliver", "Amelia",    "George", "Isla",   "Harry",    "Ava",   "Noah",    "Mia",     "Jack",    "Ivy",
    "Leo",    "Lily",      "Arthur", "Freya",  "Muhammad", "Grace", "Oscar",   "Sophia",  "Charlie", "Florence",
    "Thomas", "Evie",      "Rhys",   "Cerys",  "Dylan",    "Seren", "Aled",    "Ffion",   "Gareth",  "Megan",
    "Priya",  "Aisha",     "Ravi",   "Fatima", "Kwame",    "Chloe", "Daniel",  "Hannah",  "Samuel",  "Zara",
    "Wiktor", "Agnieszka", "Tomasz", "Joanne", "Paul",     "Karen", "Stephen", "Deborah", "Ian",     "Siobhan"};
constexpr const char *kSurnames[] = {
    "Smith",     "Jones",   "Williams", "Taylor",   "Brown",    "Davies",    "Evans",     "Wilson",   "Thomas",
    "Roberts",   "Johnson", "Lewis",    "Walker",   "Robinson", "Wood",      "Thompson",  "White",    "Watson",
    "Jackson",   "Wright",  "Green",    "Harris",   "Cooper",   "King",      "Lee",       "Martin",   "Clarke",
    "James",     "Morgan",  "Hughes",   "Edwards",  "Hill",     "Moore",     "Clark",     "Harrison", "Scott",
    "Young",     "Morris",  "Hall",     "Ward",     "Patel",    "Khan",      "Ahmed",     "Begum",    "Singh",
    "Okafor",    "Mensah",  "Nowak",    "Kowalski", "O'Brien",  "Llewellyn", "Pritchard", "Bevan",    "Price",
    "Griffiths", "Reilly",  "Murphy",   "Campbell", "Stewart",  "Fraser"};
constexpr const char *kJobTitles[] = {"Police Constable",
                                      "Police Staff Investigator",
                                      "Firefighter",
                                      "Crew Manager",
                                      "Control Room Operator",
                                      "Social Worker",
                                      "Occupational Therapist",
                                      "Teaching Assistant",
                                      "Highways Inspector",
                                      "Library Assistant",
                                      "Care Worker",
                                      "Finance Officer",
                                      "HR Adviser",
                                      "Planning Officer",
                                      "Waste Services Operative",
                                      "Environmental Health Officer",
                                      "Business Support Officer",
                                      "Youth Worker",
                                      "Registrar",
                                      "Trading Standards Officer"};
constexpr const char *kGrades[] = {"Grade B", "Grade C", "Grade D", "Grade E", "Grade F", "Grade G",
                                   "SP 12",   "SP 18",   "SP 24",   "Band 4",  "Band 5",  "Band 6"};
constexpr const char *kLeavingReasons[] = {"Resignation",      "Retirement", "End of fixed-term contract",
                                           "Redundancy",       "Dismissal",  "Death in service",
                                           "TUPE transfer out"};
constexpr const char *kLeaveTypes[] = {"Maternity", "Paternity", "Shared parental", "Adoption"};
constexpr const char *kStreets[] = {"High Street", "Station Road", "Church Lane", "Victoria Road",   "Mill Lane",
                                    "London Road", "The Avenue",   "Queens Road", "Winchester Road", "Cowley Road"};
constexpr const char *kTowns[] = {"Winchester SO23", "Basingstoke RG21", "Southampton SO15", "Portsmouth PO1",
                                  "Newport PO30",    "Oxford OX4",       "Banbury OX16",     "Bicester OX26",
                                  "London W6",       "London W8",        "London SW1P",      "Eastleigh SO50"};
constexpr double kHours[] = {37, 37, 37, 30, 22.5, 18.5, 40, 42};

// The letters of a postcode's inward code (never C, I, K, M, O or V), for a draw of 0 to 25.
QChar inwardLetter(quint64 draw)
{
    static constexpr char kLetters[] = "ABDEFGHJLNPQRSTUWXYZ";
    return QLatin1Char(kLetters[draw % (sizeof kLetters - 1)]);
}

QString accountText(quint64 n) { return QStringLiteral("%1").arg(n % 100000000, 8, 10, QLatin1Char('0')); }

// The first account number from `drawn` up whose modulus check at `sortCode` is as wanted. No
// further draws: the generator's order holds.
std::optional<QString> accountFrom(const QString &sortCode, quint64 drawn, bool passing)
{
    for (quint64 n = drawn; n < drawn + 200; ++n)
        if (ModulusChecker::shipped().check(sortCode, accountText(n)).acceptable() == passing)
            return accountText(n);
    return std::nullopt;
}

// Bank details that pass the check, near those drawn. Some sort codes' own digits fail it
// whatever the account (a second check weighs the sort code alone), so the sort code may move on.
std::pair<QString, QString> passingBankDetails(int sortCode, quint64 drawnAccount)
{
    const auto text = [](int s) {
        return QStringLiteral("%1-%2-%3")
            .arg(s / 10000, 2, 10, QLatin1Char('0'))
            .arg(s / 100 % 100, 2, 10, QLatin1Char('0'))
            .arg(s % 100, 2, 10, QLatin1Char('0'));
    };
    for (int s = sortCode; s < sortCode + 100; ++s)
        if (const auto account = accountFrom(text(s % 1000000), drawnAccount, true))
            return {text(s % 1000000), *account};
    return {text(sortCode), accountText(drawnAccount)};
}

// One bank-details change in 25 that no one has resolved is given an account that fails the
// check, so that the demo shows one: a resolved change's account passed (the desk would have
// refused it otherwise).
void failSomeBankChecks(WorkItem &it, const std::vector<Event> &events)
{
    const QString account = it.fields.value(QLatin1String("account_number")).toString();
    if (it.subtype != QLatin1String("bank_details") || account.toULongLong() % 25 != 0 ||
        std::any_of(events.begin(), events.end(), [](const Event &e) { return e.type == QLatin1String("resolve"); }))
        return;
    if (const auto failing =
            accountFrom(it.fields.value(QLatin1String("sort_code")).toString(), account.toULongLong(), false))
        it.fields.insert(QLatin1String("account_number"), *failing);
}

// A new starter's NI number and tax code, from their employee number (no draws): most have both;
// one in ten has no NI number yet, and one in eight is on an emergency (week 1/month 1) code.
void addStarterTaxDetails(QJsonObject &f)
{
    static constexpr const char *kPrefixes[] = {"AB", "JC", "NP", "SK", "WL", "ZE", "HT", "PM"};
    const quint64 n = f.value(QLatin1String("employee_number")).toString().mid(1).toULongLong();
    if (n % 10 != 0)
        f.insert(QLatin1String("ni_number"), QStringLiteral("%1%2%3")
                                                 .arg(QLatin1String(kPrefixes[n % 8]))
                                                 .arg((n * 7919) % 1000000, 6, 10, QLatin1Char('0'))
                                                 .arg(QLatin1Char(char('A' + n % 4))));
    f.insert(QLatin1String("tax_code"), n % 8 == 0    ? QStringLiteral("1257L M1")
                                        : n % 13 == 0 ? QStringLiteral("BR")
                                                      : QStringLiteral("1257L"));
}

constexpr const char *kHrNotes[] = {
    "Manager confirmed the effective date by email.", "Checked against the establishment list; post is funded.",
    "Chased the employee for a signed form.", "Pay-affecting: must be keyed before the cut-off.",
    "Spoke to the line manager; details are correct."};
constexpr const char *kInvoiceNotes[] = {
    "Requested a credit note from the supplier.", "Budget holder confirmed goods were received.",
    "Price agreed on the framework differs from the invoice.", "Possible duplicate of an invoice paid last month.",
    "Supplier says the PO number was quoted on the delivery note."};
constexpr const char *kPayrollNotes[] = {
    "Employee contacted; repayment plan to be agreed.", "Timesheet received late from the station.",
    "HMRC coding notice checked against the record.", "Pension scheme confirmed the contribution rate.",
    "Line manager has authorised the correction."};
constexpr const char *kReasons[] = {"Waiting for the signed form from the manager.",
                                    "Need the supplier to confirm the price.", "Needs a decision above my authority.",
                                    "Evidence does not match the request.",
                                    "Partner asked for this to be looked at again."};

// Partners weighted by size: the county councils and the police have most of the work.
constexpr int kPartnerWeights[] = {30, 18, 16, 2, 8, 9, 8, 9};

QString isoDate(EpochSecs t) { return QDate::fromJulianDay(2440588 + t / kDay).toString(Qt::ISODate); }

int dayOfWeek(EpochSecs t) { return int(((t / kDay) + 3) % 7) + 1; } // 1 = Monday … 7 = Sunday

quint64 splitmix64(quint64 &x)
{
    quint64 z = (x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

// A number in [0, 1) that depends only on `key`: a queue's pace, a week's pressure.
double hashUnit(quint64 key)
{
    quint64 x = key;
    return double(splitmix64(x) >> 11) * 0x1.0p-53;
}

QStringList loadSuppliers()
{
    QFile f(QStringLiteral(":/ibc/demo/suppliers.txt"));
    QStringList list;
    if (f.open(QIODevice::ReadOnly)) {
        for (const QByteArray &line : f.readAll().split('\n'))
            if (!line.trimmed().isEmpty())
                list << QString::fromUtf8(line.trimmed());
    }
    if (list.isEmpty()) // resources not linked: still produce data
        list << QStringLiteral("WESSEX OFFICE SUPPLIES LTD");
    return list;
}

} // namespace

DemoGenerator::DemoGenerator(quint64 seed, EpochSecs anchor) : m_anchor(anchor), m_suppliers(loadSuppliers())
{
    quint64 x = seed;
    for (auto &s : m_state)
        s = splitmix64(x);
    const auto all = partners();
    m_workers.resize(all.size());
    for (const User &u : demoUsers())
        if (u.role == Role::Caseworker)
            for (std::size_t p = 0; p < all.size(); ++p)
                if (u.worksFor(QLatin1String(all[p].code)))
                    m_workers[p].push_back(u.username);
}

quint64 DemoGenerator::nextRandom()
{
    // xoshiro256**
    auto rotl = [](quint64 v, int k) { return (v << k) | (v >> (64 - k)); };
    const quint64 result = rotl(m_state[1] * 5, 7) * 9;
    const quint64 t = m_state[1] << 17;
    m_state[2] ^= m_state[0];
    m_state[3] ^= m_state[1];
    m_state[1] ^= m_state[2];
    m_state[0] ^= m_state[3];
    m_state[2] ^= t;
    m_state[3] = rotl(m_state[3], 45);
    return result;
}

int DemoGenerator::below(int n) { return int(((nextRandom() >> 32) * quint64(n)) >> 32); }
double DemoGenerator::unit() { return double(nextRandom() >> 11) * 0x1.0p-53; }

QString DemoGenerator::uuid()
{
    quint64 hi = nextRandom(), lo = nextRandom();
    hi = (hi & ~0xF000ULL) | 0x4000ULL;                        // version 4
    lo = (lo & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL; // RFC 4122 variant
    char buf[37];
    std::snprintf(buf, sizeof buf, "%08x-%04x-%04x-%04x-%012llx", unsigned(hi >> 32), unsigned(hi >> 16) & 0xFFFF,
                  unsigned(hi) & 0xFFFF, unsigned(lo >> 48), qulonglong(lo & 0xFFFFFFFFFFFFULL));
    return QString::fromLatin1(buf, 36);
}

QString DemoGenerator::employeeNumber() { return QStringLiteral("E%1").arg(1000000 + below(9000000)); }

QString DemoGenerator::personName()
{
    return QStringLiteral("%1 %2").arg(QLatin1String(pick(kFirstNames)), QLatin1String(pick(kSurnames)));
}

std::vector<User> DemoGenerator::demoUsers()
{
    const QStringList all = partnerCodes();
    auto u = [](const QString &username, const QString &name, Role role, QStringList partners) {
        return User{username, name, role, std::move(partners)};
    };
    auto s = [](const char *text) { return QString::fromUtf8(text); };
    std::vector<User> users{
        User{s("sam.patel"), s("Sam Patel"), Role::Caseworker, all, true}, // checks others' changes
        u(s("rhys.evans"), s("Rhys Evans"), Role::Caseworker, {s("HCC")}),
        u(s("priya.shah"), s("Priya Shah"), Role::TeamLeader, all),
        u(s("alex.morgan"), s("Alex Morgan"), Role::Auditor, all),
        u(s("intake.portal"), s("Partner self-service portal"), Role::Intake, all),
        u(s("admin"), s("IBC administrator"), Role::Admin, {}),
    };
    // The rest of the floor: three teams, each working for a group of partners, as IBCs organise
    // them. Made from the name lists in a fixed order, so every run has the same people.
    const QStringList teams[] = {
        {s("HCC"), s("OCC"), s("HIWFRS")}, {s("HIWC"), s("OPCC")}, {s("LBHF"), s("RBKC"), s("WCC")}};
    constexpr int kFirst = int(std::size(kFirstNames)), kLast = int(std::size(kSurnames));
    for (int i = 0; i < 150; ++i) {
        const QString first = QLatin1String(kFirstNames[(i * 7) % kFirst]);
        const QString last = QLatin1String(kSurnames[(i * 11 + i / kFirst) % kLast]);
        QString username = (first + QLatin1Char('.') + last).toLower().remove(QLatin1Char('\''));
        if (username == QLatin1String("sam.patel") || username == QLatin1String("rhys.evans") ||
            username == QLatin1String("priya.shah") || username == QLatin1String("alex.morgan"))
            username += QString::number(i);
        users.push_back(u(username, first + QLatin1Char(' ') + last, Role::Caseworker, teams[i % 3]));
    }
    for (int i = 0; i < 3; ++i) // a team leader for each team besides Priya
        users.push_back(u(QStringLiteral("team.leader%1").arg(i + 1),
                          QStringLiteral("%1 %2").arg(QLatin1String(kFirstNames[(i * 13 + 5) % kFirst]),
                                                      QLatin1String(kSurnames[(i * 17 + 3) % kLast])),
                          Role::TeamLeader, teams[i]));
    return users;
}

EpochSecs DemoGenerator::defaultAnchor()
{
    const EpochSecs now = QDateTime::currentSecsSinceEpoch();
    return now - now % kDay;
}

// What happens to an item: how soon it is claimed, how long it takes, whether it waits for the
// partner or goes to a team leader, all in the partner's working time and in proportion to the time
// it has (a payroll cut-off two days away is worked faster than a five-day target). Drawn whole
// before its history is written, which keeps only the steps reached by the anchor.
struct DemoGenerator::Story {
    double room = 0; // working seconds from receipt to due, at least an hour
    EpochSecs claimAt = 0;
    EpochSecs startAt = 0;
    bool pause = false;    // waits for the partner (awaiting information)
    bool escalate = false; // goes to a team leader
    EpochSecs pauseAt = 0;
    EpochSecs backAt = 0;
    EpochSecs resolveAt = 0;
    EpochSecs closeAt = 0;
    bool reopen = false;
    EpochSecs reopenAt = 0;
};

namespace {

// A stretch of working time, never under a minute.
qint64 workingSeconds(double seconds) { return qint64(std::max(60.0, seconds)); }

} // namespace

double DemoGenerator::logNormal(double median, double sigma)
{
    double z = 0; // the sum of twelve uniforms, less six: close enough to a standard normal
    for (int i = 0; i < 12; ++i)
        z += unit();
    return median * std::exp(sigma * (z - 6.0));
}

// HR changes are the bulk of the work, then invoices, then payroll exceptions.
Kind DemoGenerator::drawKind()
{
    const int k = below(100);
    return k < 42 ? Kind::HrChange : k < 78 ? Kind::Invoice : Kind::PayrollException;
}

int DemoGenerator::drawPartner()
{
    int w = below(100), pi = 0;
    while (w >= kPartnerWeights[pi]) {
        w -= kPartnerWeights[pi];
        ++pi;
    }
    return pi;
}

// Mostly recent, some months old, in working hours on a weekday.
EpochSecs DemoGenerator::drawReceived()
{
    const double u = unit();
    EpochSecs received = m_anchor - EpochSecs(u * u * 150.0 * kDay);
    received -= received % kDay;
    received += 8 * kHour + below(10 * 3600);
    // Never after the anchor: an item drawn on the anchor's own day goes back to the working day
    // before, or it would arrive in the future and its history would come before it.
    while (received > m_anchor || dayOfWeek(received) > 5)
        received -= kDay;
    return received;
}

Priority DemoGenerator::drawPriority()
{
    const int p = below(100);
    return p < 8 ? Priority::Low : p < 80 ? Priority::Normal : p < 96 ? Priority::High : Priority::Urgent;
}

void DemoGenerator::drawHrFields(WorkItem &it, const SlaRules &rules, const WorkingCalendar &calendar)
{
    QJsonObject &f = it.fields;
    const EpochSecs received = it.received;
    f.insert(QLatin1String("employee_number"), employeeNumber());
    f.insert(QLatin1String("employee_name"), personName());
    f.insert(QLatin1String("job_title"), QLatin1String(pick(kJobTitles)));
    const EpochSecs effective = received + below(40) * kDay;
    f.insert(QLatin1String("effective_date"), isoDate(effective));
    const EpochSecs cutoff = rules.payrollCutoffFor(it.partner, calendar.dateAt(effective), received);
    f.insert(QLatin1String("payroll_cutoff"), calendar.dateAt(cutoff).toString(Qt::ISODate));
    if (it.subtype == QLatin1String("new_starter")) {
        f.insert(QLatin1String("grade"), QLatin1String(pick(kGrades)));
        f.insert(QLatin1String("salary"), double((22000 + below(43000)) * 100));
        f.insert(QLatin1String("hours"), pick(kHours));
        addStarterTaxDetails(f);
    } else if (it.subtype == QLatin1String("leaver")) {
        f.insert(QLatin1String("leaving_reason"), QLatin1String(pick(kLeavingReasons)));
    } else if (it.subtype == QLatin1String("hours_change")) {
        f.insert(QLatin1String("current_hours"), pick(kHours));
        f.insert(QLatin1String("new_hours"), pick(kHours));
    } else if (it.subtype == QLatin1String("bank_details")) {
        const int a = int(below(100)), b = int(below(100)), c = int(below(100));
        const auto [sortCode, account] = passingBankDetails(a * 10000 + b * 100 + c, below(100000000));
        // The account it replaces, from the new one (no draw): most forms give it.
        if (const quint64 n = account.toULongLong(); n % 5 != 0) {
            const auto [oldSortCode, oldAccount] =
                passingBankDetails(int((n * 7919) % 1000000), (n * 104729) % 100000000);
            f.insert(QLatin1String("current_sort_code"), oldSortCode);
            f.insert(QLatin1String("current_account_number"), oldAccount);
        }
        f.insert(QLatin1String("sort_code"), sortCode);
        f.insert(QLatin1String("account_number"), account);
    } else if (it.subtype == QLatin1String("address_change")) {
        f.insert(QLatin1String("address"),
                 QStringLiteral("%1 %2").arg(1 + below(180)).arg(QLatin1String(pick(kStreets))));
        const QString town = QLatin1String(pick(kTowns));
        f.insert(QLatin1String("postcode"), QStringLiteral("%1 %2%3%4")
                                                .arg(town.section(QLatin1Char(' '), -1))
                                                .arg(below(10))
                                                .arg(inwardLetter(below(26)))
                                                .arg(inwardLetter(below(26))));
    } else if (it.subtype == QLatin1String("family_leave")) {
        f.insert(QLatin1String("leave_type"), QLatin1String(pick(kLeaveTypes)));
        f.insert(QLatin1String("leave_start"), isoDate(effective));
        f.insert(QLatin1String("leave_end"), isoDate(effective + (14 + below(350)) * kDay));
    }
}

void DemoGenerator::drawInvoiceFields(WorkItem &it)
{
    QJsonObject &f = it.fields;
    const EpochSecs received = it.received;
    f.insert(QLatin1String("supplier"), m_suppliers[below(int(m_suppliers.size()))]);
    static const char *const invoiceFormats[] = {"INV-%1", "SI%1", "%1", "IN/%1"};
    f.insert(QLatin1String("invoice_number"), QString::fromLatin1(pick(invoiceFormats)).arg(10000 + below(990000)));
    if (it.subtype != QLatin1String("no_po"))
        f.insert(QLatin1String("po_number"), QStringLiteral("45%1").arg(below(100000000), 8, 10, QLatin1Char('0')));
    // Amounts: log-normal around £900, from about £20 to £250,000.
    double z = 0;
    for (int i = 0; i < 4; ++i)
        z += unit();
    const qint64 net =
        qBound<qint64>(qint64(2000), qint64(std::exp(std::log(90000.0) + 1.4 * (z - 2.0) * 1.732)), qint64(25000000));
    const int rate = below(100) < 78 ? 20 : 0;
    const qint64 vat = (net * rate + 50) / 100;
    f.insert(QLatin1String("net"), double(net));
    f.insert(QLatin1String("vat_rate"), rate);
    f.insert(QLatin1String("vat"), double(vat));
    f.insert(QLatin1String("gross"), double(net + vat));
    f.insert(QLatin1String("invoice_date"), isoDate(received - below(15) * kDay));
    const EpochSecs paymentDue = received + 30 * kDay;
    f.insert(QLatin1String("payment_due"), isoDate(paymentDue));
}

void DemoGenerator::drawPayrollFields(WorkItem &it, const SlaRules &rules, const WorkingCalendar &calendar)
{
    QJsonObject &f = it.fields;
    f.insert(QLatin1String("employee_number"), employeeNumber());
    f.insert(QLatin1String("employee_name"), personName());
    const QString cutoff = calendar.dateAt(rules.payrollCutoffAfter(it.partner, it.received)).toString(Qt::ISODate);
    f.insert(QLatin1String("pay_period"), cutoff.left(7));
    f.insert(QLatin1String("payroll_cutoff"), cutoff);
    const qint64 pounds = 20 + below(2500);
    if (it.subtype == QLatin1String("negative_net_pay")) {
        f.insert(QLatin1String("amount"), double(-pounds * 100 - below(100)));
        it.priority = Priority::Urgent;
    } else if (it.subtype == QLatin1String("overpayment") || it.subtype == QLatin1String("underpayment")) {
        f.insert(QLatin1String("amount"), double(pounds * 100 + below(100)));
    }
}

// Each queue of each partner has its own pace, and each week its own pressure, so service levels
// differ as they do in a real centre.
DemoGenerator::Story DemoGenerator::drawStory(const WorkItem &it, int partner, const SlaRules &rules,
                                              const WorkingCalendar &calendar)
{
    Story s;
    const EpochSecs received = it.received;
    const EpochSecs due = rules.due(it).due;
    s.room = double(std::max<qint64>(3600, calendar.between(received, due)));
    const double pace = 0.8 + 0.45 * hashUnit(quint64(partner) * 3 + quint64(it.kind) + 1);
    const double pressure = 0.8 + 0.45 * hashUnit(quint64(calendar.dateAt(received).toJulianDay() / 7) * 131 +
                                                  quint64(partner) * 7 + quint64(it.kind));
    s.claimAt = calendar.add(received, workingSeconds(-std::log(1.0 - unit()) * 0.1 * s.room * pace * pressure));
    s.startAt = calendar.add(s.claimAt, workingSeconds(600 + below(3 * 3600)));
    EpochSecs t = s.startAt;
    const int fate = below(1000);
    s.pause = fate < 90;
    s.escalate = fate >= 90 && fate < 120;
    if (s.pause || s.escalate) {
        s.pauseAt = calendar.add(t, workingSeconds(logNormal(0.1 * s.room, 0.5)));
        s.backAt = calendar.add(s.pauseAt, workingSeconds(logNormal(s.pause ? 8 * 3600 * 1.5 : 8 * 3600, 0.6)));
        t = s.backAt;
    }
    s.resolveAt = calendar.add(t, workingSeconds(logNormal(0.28 * s.room * pace * pressure, 0.55)));
    s.closeAt = calendar.add(s.resolveAt, workingSeconds(3600 + below(16 * 3600)));
    s.reopen = below(1000) < 15;
    s.reopenAt = calendar.add(s.closeAt, workingSeconds(3600 + below(5 * 8 * 3600)));
    return s;
}

// The history: received, then each step the story reached by the anchor. Returns the status the
// last of them left the item in.
Status DemoGenerator::writeHistory(GeneratedItem &g, const Story &s, const QString &worker,
                                   const WorkingCalendar &calendar)
{
    const WorkItem &it = g.item;
    g.events.push_back(Event{
        it.id, it.received, QStringLiteral("intake.portal"), QStringLiteral("received"), Status::New, Status::New, {}});
    Status at = Status::New;
    const auto step = [&](EpochSecs when, CommandType type, Status to, const QString &actor, QString detail = {}) {
        if (when > m_anchor || (!g.events.empty() && g.events.back().at > when))
            return false;
        g.events.push_back(Event{it.id, when, actor, commandName(type), at, to, std::move(detail)});
        at = to;
        return true;
    };
    const auto outs = outcomes(it.kind);
    const QString outcome = QLatin1String(outs[std::size_t(below(int(outs.size())))]);
    const QString reason = QLatin1String(pick(kReasons));
    if (step(s.claimAt, CommandType::Claim, Status::Assigned, worker) &&
        step(s.startAt, CommandType::Start, Status::InProgress, worker)) {
        bool on = true;
        if (s.pause || s.escalate) {
            on = step(s.pauseAt, s.pause ? CommandType::RequestInfo : CommandType::Escalate,
                      s.pause ? Status::AwaitingInfo : Status::Escalated, worker, reason) &&
                 step(s.backAt, CommandType::Resume, Status::InProgress,
                      s.pause ? worker : QStringLiteral("priya.shah"));
        }
        // A change that needs a second person waits for Sam's check (Priya's, when Sam made it); a
        // passed check closes it. Anything else is approved by Priya.
        const bool checked = needsCheck(it, outcome, SlaRules::defaults()->policy(it.partner, it.kind, it.subtype));
        const Status resolved = checked ? Status::AwaitingCheck : Status::Resolved;
        const CommandType close = checked ? CommandType::PassCheck : CommandType::Approve;
        const QString closer = checked && worker != QLatin1String("sam.patel") ? QStringLiteral("sam.patel")
                                                                               : QStringLiteral("priya.shah");
        if (on && step(s.resolveAt, CommandType::Resolve, resolved, worker, outcome)) {
            if (step(s.closeAt, close, Status::Closed, closer) && s.reopen &&
                step(s.reopenAt, CommandType::Reopen, Status::Reopened, QStringLiteral("priya.shah"),
                     QLatin1String(pick(kReasons)))) {
                // Put right by the same caseworker, and approved or checked again.
                const EpochSecs againAt = calendar.add(s.reopenAt, workingSeconds(4 * 3600 + below(4 * 8 * 3600)));
                const EpochSecs redoneAt = calendar.add(againAt, workingSeconds(logNormal(0.1 * s.room, 0.5)));
                if (step(againAt, CommandType::Start, Status::InProgress, worker) &&
                    step(redoneAt, CommandType::Resolve, resolved, worker, outcome))
                    step(calendar.add(redoneAt, workingSeconds(3600 + below(8 * 3600))), close, Status::Closed, closer);
            }
        }
    }
    return at;
}

GeneratedItem DemoGenerator::next()
{
    GeneratedItem g;
    WorkItem &it = g.item;
    ++m_count;

    it.kind = drawKind();
    it.id = uuid();
    static const char *const prefixes[] = {"HR", "INV", "PAY"};
    it.reference =
        QStringLiteral("%1-%2").arg(QLatin1String(prefixes[int(it.kind)])).arg(m_count, 7, 10, QLatin1Char('0'));
    const int partner = drawPartner();
    it.partner = QLatin1String(partners()[std::size_t(partner)].code);
    const SlaRules &rules = *SlaRules::defaults();
    const WorkingCalendar &calendar = rules.calendar(it.partner);
    const auto subs = subtypes(it.kind);
    it.subtype = QLatin1String(subs[std::size_t(below(int(subs.size())))]);
    it.received = drawReceived();
    it.priority = drawPriority();
    switch (it.kind) {
    case Kind::HrChange: drawHrFields(it, rules, calendar); break;
    case Kind::Invoice: drawInvoiceFields(it); break;
    case Kind::PayrollException: drawPayrollFields(it, rules, calendar); break;
    }

    // The status is whatever the story has reached by the anchor.
    const Story story = drawStory(it, partner, rules, calendar);
    const auto &pool = m_workers[std::size_t(partner)];
    const QString worker = pool[std::size_t(below(int(pool.size())))];
    const Status at = writeHistory(g, story, worker, calendar);
    failSomeBankChecks(it, g.events);
    if (at != Status::New && below(100) < 30) {
        const char *text = it.kind == Kind::HrChange  ? pick(kHrNotes)
                           : it.kind == Kind::Invoice ? pick(kInvoiceNotes)
                                                      : pick(kPayrollNotes);
        g.notes.push_back(Note{it.id, std::min(g.events.back().at + 300, m_anchor - 30), worker, QLatin1String(text)});
    }
    it.status = at;
    it.assignee = at == Status::New ? QString() : worker;
    it.due = rules.dueAt(it, g.events, m_anchor);
    it.updated = g.events.back().at;
    it.version = qint64(g.events.size());
    return g;
}

} // namespace ibc::models
