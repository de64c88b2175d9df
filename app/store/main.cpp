// ibc-store: the central shared-services store. Wiring only: parses the command line, opens the
// store and runs the server or the administrative command asked for.
#include "domain/DemoGenerator.h"
#include "domain/Fields.h"
#include "domain/Lifecycle.h"
#include "domain/Partner.h"
#include "domain/Sla.h"
#include "server/Server.h"
#include "store/Store.h"

#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

#include <cstdio>
#include <iostream>
#include <string>

#include <sys/resource.h>
#include <termios.h>
#include <unistd.h>

using namespace ibc;

namespace {

constexpr int kOk = 0;
constexpr int kFailed = 1;
constexpr int kUsage = 2;

const char *const kUsageText = R"(ibc-store: the central store of IBC Desk

  ibc-store init    --db FILE
  ibc-store seed    --db FILE [--items N] [--seed S]
  ibc-store user add     --db FILE --username U --role ROLE [--partners CODE,CODE|all] [--name "Full Name"]
  ibc-store user passwd  --db FILE --username U
  ibc-store user disable --db FILE --username U
  ibc-store user list    --db FILE
  ibc-store serve   --db FILE [--listen 127.0.0.1:8080] [--tls-cert FILE --tls-key FILE] [--claim-lease-minutes 240]
  ibc-store backup  --db FILE --to FILE
  ibc-store calendar import   --db FILE BANK-HOLIDAYS.json
  ibc-store calendar set      --db FILE --partner P [--hours 08:00-18:00] [--closed DATE,DATE|none] [--cutoff-day N]
  ibc-store calendar list     --db FILE
  ibc-store paycalendar import --db FILE --partner P CUTOFFS.csv
  ibc-store policy list       --db FILE
  ibc-store policy set        --db FILE --kind KIND [--partner P] [--subtype S] --target 5d|16h
                              [--payroll-cutoff yes|no] [--payment-days N]
  ibc-store --version

Passwords are read from standard input (one line), never from the command line.
Roles: caseworker, team_leader, auditor, intake, admin.
Partner codes: HCC, OCC, HIWC, OPCC, HIWFRS, LBHF, RBKC, WCC.
Kinds: hr_change, invoice, payroll_exception.
Bank holidays are read in GOV.UK's format (https://www.gov.uk/bank-holidays.json, England and Wales);
a pay calendar is one cut-off date (YYYY-MM-DD) per line, first column. Each change sets the due time
of every open item again, and the desks receive it with their next sync.
)";

void say(const QString &text)
{
    std::fprintf(stdout, "%s\n", text.toLocal8Bit().constData());
    std::fflush(stdout);
}
void complain(const QString &text) { std::fprintf(stderr, "ibc-store: %s\n", text.toLocal8Bit().constData()); }

int usage(const QString &problem)
{
    complain(problem);
    std::fprintf(stderr, "Run 'ibc-store --help' for the commands and their options.\n");
    return kUsage;
}

// --name value and --name=value; every option takes a value.
struct Options {
    QMap<QString, QString> values;
    QString error;

    QString value(const QString &name) const { return values.value(name); }
    bool has(const QString &name) const { return values.contains(name); }
};

Options parseOptions(const QStringList &args, const QString &command, const QStringList &known)
{
    Options o;
    for (qsizetype i = 0; i < args.size(); ++i) {
        QString arg = args.at(i);
        if (!arg.startsWith(QLatin1String("--"))) {
            o.error = QStringLiteral("'%1' is not an option of '%2'").arg(arg, command);
            return o;
        }
        QString name = arg.mid(2), value;
        const qsizetype eq = name.indexOf(QLatin1Char('='));
        if (eq >= 0) {
            value = name.mid(eq + 1);
            name = name.left(eq);
        } else if (i + 1 < args.size() && !args.at(i + 1).startsWith(QLatin1String("--"))) {
            value = args.at(++i);
        } else {
            o.error = QStringLiteral("--%1 needs a value").arg(name);
            return o;
        }
        if (name == QLatin1String("password")) {
            o.error = QStringLiteral("passwords are read from standard input, never from the command line");
            return o;
        }
        if (!known.contains(name)) {
            o.error = QStringLiteral("'%1' has no option --%2 (it takes %3)")
                          .arg(command, name, QLatin1String("--") + known.join(QLatin1String(", --")));
            return o;
        }
        o.values.insert(name, value);
    }
    return o;
}

// The store at --db; it must exist unless `create`.
std::unique_ptr<sync::Store> openStore(const Options &o, bool create, QString *error,
                                       models::EpochSecs tokenLifetime = 8 * 3600,
                                       models::EpochSecs claimLease = models::kDefaultClaimLease)
{
    const QString path = o.value(QStringLiteral("db"));
    if (path.isEmpty()) {
        *error = QStringLiteral("--db FILE is required: the store's SQLite file");
        return nullptr;
    }
    if (!create && !QFileInfo::exists(path)) {
        *error = QStringLiteral("there is no store at %1; make one with: ibc-store init --db %1").arg(path);
        return nullptr;
    }
    try {
        return sync::openSqliteStore(path, models::SystemClock::instance(), tokenLifetime, claimLease);
    } catch (const std::exception &e) {
        *error = QStringLiteral("cannot open the store %1: %2").arg(path, QString::fromUtf8(e.what()));
        return nullptr;
    }
}

// One line from standard input. On a terminal, asks twice without echoing.
std::optional<QString> readPassword(const QString &username, QString *error)
{
    const bool tty = isatty(STDIN_FILENO);
    auto readLine = [&](const char *prompt) -> std::optional<std::string> {
        termios saved{};
        if (tty) {
            std::fprintf(stderr, "%s", prompt);
            std::fflush(stderr);
            tcgetattr(STDIN_FILENO, &saved);
            termios quiet = saved;
            quiet.c_lflag &= ~tcflag_t(ECHO);
            tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
        }
        std::string line;
        const bool got = bool(std::getline(std::cin, line));
        if (tty) {
            tcsetattr(STDIN_FILENO, TCSANOW, &saved);
            std::fprintf(stderr, "\n");
        }
        if (!got)
            return std::nullopt;
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        return line;
    };
    const QByteArray prompt = QStringLiteral("Password for %1: ").arg(username).toLocal8Bit();
    auto first = readLine(prompt.constData());
    if (!first || first->empty()) {
        *error = QStringLiteral(
            "no password on standard input; pipe one in, e.g. printf '%s\\n' \"$PASSWORD\" | ibc-store user …");
        return std::nullopt;
    }
    if (tty) {
        auto again = readLine("Again: ");
        if (!again || *again != *first) {
            *error = QStringLiteral("the two passwords differ");
            return std::nullopt;
        }
    }
    return QString::fromStdString(*first);
}

int runInit(const QStringList &args)
{
    const Options o = parseOptions(args, QStringLiteral("init"), {QStringLiteral("db")});
    if (!o.error.isEmpty())
        return usage(o.error);
    QString error;
    const bool existed = QFileInfo::exists(o.value(QStringLiteral("db")));
    auto store = openStore(o, true, &error);
    if (!store)
        return complain(error), o.has(QStringLiteral("db")) ? kFailed : kUsage;
    say(existed
            ? QStringLiteral("%1 is already a store; nothing to do").arg(o.value(QStringLiteral("db")))
            : QStringLiteral(
                  "made an empty store at %1; add its first admin with: ibc-store user add --db %1 --username NAME --role admin")
                  .arg(o.value(QStringLiteral("db"))));
    return kOk;
}

int runSeed(const QStringList &args)
{
    const Options o = parseOptions(args, QStringLiteral("seed"),
                                   {QStringLiteral("db"), QStringLiteral("items"), QStringLiteral("seed")});
    if (!o.error.isEmpty())
        return usage(o.error);
    bool ok = true;
    const qint64 items = o.has(QStringLiteral("items")) ? o.value(QStringLiteral("items")).toLongLong(&ok) : 1000;
    if (!ok || items < 0 || items > 100'000'000)
        return usage(QStringLiteral("--items wants a number of items from 0 to 100000000, not '%1'")
                         .arg(o.value(QStringLiteral("items"))));
    const quint64 seed = o.has(QStringLiteral("seed")) ? o.value(QStringLiteral("seed")).toULongLong(&ok) : 1;
    if (!ok)
        return usage(QStringLiteral("--seed wants a whole number, not '%1'").arg(o.value(QStringLiteral("seed"))));
    QString error;
    auto store = openStore(o, true, &error);
    if (!store)
        return complain(error), o.has(QStringLiteral("db")) ? kFailed : kUsage;
    try {
        store->seed(items, seed, models::DemoGenerator::defaultAnchor());
    } catch (const std::exception &e) {
        complain(QStringLiteral("cannot seed %1: %2").arg(o.value(QStringLiteral("db")), QString::fromUtf8(e.what())));
        return kFailed;
    }
    say(QStringLiteral(
            "seeded %1 with %2 items (seed %3) and the demo accounts; each one's password is demo-<username>:")
            .arg(o.value(QStringLiteral("db")))
            .arg(items)
            .arg(seed));
    const auto users = models::DemoGenerator::demoUsers();
    for (std::size_t i = 0; i < users.size() && i < 6; ++i)
        say(QStringLiteral("  %1 (%2, %3)")
                .arg(users[i].username, models::roleName(users[i].role),
                     users[i].partners.isEmpty() ? QStringLiteral("no partners")
                     : users[i].partners.size() == models::partnerCodes().size()
                         ? QStringLiteral("all partners")
                         : users[i].partners.join(QLatin1Char(','))));
    return kOk;
}

int runUser(const QStringList &args)
{
    const QString sub = args.value(0);
    const QStringList rest = args.mid(1);

    if (sub == QLatin1String("add")) {
        const Options o = parseOptions(rest, QStringLiteral("user add"),
                                       {QStringLiteral("db"), QStringLiteral("username"), QStringLiteral("role"),
                                        QStringLiteral("partners"), QStringLiteral("name")});
        if (!o.error.isEmpty())
            return usage(o.error);
        if (!o.has(QStringLiteral("db")))
            return usage(QStringLiteral("--db FILE is required: the store's SQLite file"));
        const QString username = o.value(QStringLiteral("username"));
        if (username.isEmpty())
            return usage(QStringLiteral("--username is required"));
        if (const auto problem = sync::usernameProblem(username)) // before the password is asked for
            return usage(
                QStringLiteral("'%1' is not a username. %2").arg(username, QString::fromUtf8(problem->what())));
        const auto role = models::roleFromName(o.value(QStringLiteral("role")));
        if (!role)
            return usage(
                o.has(QStringLiteral("role"))
                    ? QStringLiteral("unknown role '%1': choose caseworker, team_leader, auditor, intake or admin")
                          .arg(o.value(QStringLiteral("role")))
                    : QStringLiteral("--role is required: caseworker, team_leader, auditor, intake or admin"));
        QStringList partners;
        if (o.has(QStringLiteral("partners"))) {
            if (*role == models::Role::Admin)
                return usage(QStringLiteral("an admin manages users and works for no partner; leave out --partners"));
            const QString list = o.value(QStringLiteral("partners")).trimmed();
            if (list.compare(QLatin1String("all"), Qt::CaseInsensitive) == 0) {
                partners = models::partnerCodes();
            } else {
                for (const QString &p : list.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                    const QString code = p.trimmed().toUpper();
                    if (!models::isPartnerCode(code))
                        return usage(QStringLiteral("unknown partner code '%1': the codes are %2, or all")
                                         .arg(p.trimmed(), models::partnerCodes().join(QLatin1String(", "))));
                    if (!partners.contains(code))
                        partners << code;
                }
            }
            if (partners.isEmpty())
                return usage(QStringLiteral("--partners is empty: give partner codes like HCC,OCC, or all"));
        } else if (*role != models::Role::Admin) {
            return usage(
                QStringLiteral(
                    "--partners is required for the %1 role: the partner codes they work for, like HCC,OCC, or all")
                    .arg(models::roleName(*role)));
        }
        QString error;
        auto store = openStore(o, false, &error);
        if (!store)
            return complain(error), kFailed;
        auto password = readPassword(username, &error);
        if (!password)
            return complain(error), kFailed;
        models::User user{username, o.has(QStringLiteral("name")) ? o.value(QStringLiteral("name")) : username, *role,
                          partners};
        try {
            store->addUser(user, *password);
        } catch (const std::exception &e) {
            complain(QStringLiteral("cannot add %1: %2").arg(username, QString::fromUtf8(e.what())));
            return kFailed;
        }
        say(QStringLiteral("added %1 (%2%3)")
                .arg(username, models::roleName(*role),
                     partners.isEmpty() ? QString() : QStringLiteral(", ") + partners.join(QLatin1Char(','))));
        return kOk;
    }

    if (sub == QLatin1String("passwd") || sub == QLatin1String("disable")) {
        const Options o =
            parseOptions(rest, QStringLiteral("user ") + sub, {QStringLiteral("db"), QStringLiteral("username")});
        if (!o.error.isEmpty())
            return usage(o.error);
        if (!o.has(QStringLiteral("db")))
            return usage(QStringLiteral("--db FILE is required: the store's SQLite file"));
        const QString username = o.value(QStringLiteral("username"));
        if (username.isEmpty())
            return usage(QStringLiteral("--username is required"));
        QString error;
        auto store = openStore(o, false, &error);
        if (!store)
            return complain(error), kFailed;
        try {
            if (sub == QLatin1String("passwd")) {
                auto password = readPassword(username, &error);
                if (!password)
                    return complain(error), kFailed;
                store->setPassword(username, *password);
                say(QStringLiteral("changed the password of %1").arg(username));
            } else {
                store->disableUser(username);
                say(QStringLiteral("disabled %1: their sessions end and they can no longer sign in").arg(username));
            }
        } catch (const std::exception &e) {
            complain(QStringLiteral("cannot %1 %2: %3")
                         .arg(sub == QLatin1String("passwd") ? QStringLiteral("change the password of")
                                                             : QStringLiteral("disable"),
                              username, QString::fromUtf8(e.what())));
            return kFailed;
        }
        return kOk;
    }

    if (sub == QLatin1String("list")) {
        const Options o = parseOptions(rest, QStringLiteral("user list"), {QStringLiteral("db")});
        if (!o.error.isEmpty())
            return usage(o.error);
        QString error;
        auto store = openStore(o, false, &error);
        if (!store)
            return complain(error), o.has(QStringLiteral("db")) ? kFailed : kUsage;
        for (const models::User &u : store->users())
            say(QStringLiteral("%1\t%2\t%3\t%4")
                    .arg(u.username, models::roleName(u.role), u.partners.join(QLatin1Char(',')), u.displayName));
        return kOk;
    }

    return usage(sub.isEmpty()
                     ? QStringLiteral("'user' needs a command: add, passwd, disable or list")
                     : QStringLiteral("'user %1' is not a command: use add, passwd, disable or list").arg(sub));
}

// ---- Service levels: calendars, pay calendars and policies

// Takes the arguments that are neither options nor their values out of `args`.
QStringList takePositional(QStringList &args)
{
    QStringList positional, options;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args.at(i);
        if (a.startsWith(QLatin1String("--"))) {
            options << a;
            if (!a.contains(QLatin1Char('=')) && i + 1 < args.size() && !args.at(i + 1).startsWith(QLatin1String("--")))
                options << args.at(++i);
        } else {
            positional << a;
        }
    }
    args = options;
    return positional;
}

// Puts `rules` in force and says what that did.
int putInForce(sync::Store &store, const models::SlaRules &rules, const QString &what)
{
    try {
        const qint64 moved = store.setSlaRules(rules);
        say(QStringLiteral("%1; %2 open items have a new due time.").arg(what).arg(moved));
        return kOk;
    } catch (const std::exception &e) {
        complain(QStringLiteral("the rules in force were kept: %1").arg(QString::fromUtf8(e.what())));
        return kFailed;
    }
}

std::optional<QString> partnerOption(const Options &o, bool required, QString *error)
{
    const QString p = o.value(QStringLiteral("partner")).trimmed().toUpper();
    if (p.isEmpty() && !required)
        return p;
    if (!models::isPartnerCode(p)) {
        *error = p.isEmpty()
                     ? QStringLiteral("--partner CODE is required")
                     : QStringLiteral("--partner: '%1' is not a partner code (%2)")
                           .arg(o.value(QStringLiteral("partner")), models::partnerCodes().join(QLatin1String(", ")));
        return std::nullopt;
    }
    return p;
}

QString datesText(const std::vector<QDate> &dates)
{
    QStringList out;
    for (QDate d : dates)
        out << d.toString(Qt::ISODate);
    return out.isEmpty() ? QStringLiteral("none") : out.join(QLatin1Char(','));
}

int runCalendar(const QStringList &args)
{
    const QString sub = args.value(0);
    QStringList rest = args.mid(1);
    const QStringList files = takePositional(rest);
    const QString command = QStringLiteral("calendar ") + sub;
    QString error;

    if (sub == QLatin1String("import")) {
        const Options o = parseOptions(rest, command, {QStringLiteral("db")});
        if (!o.error.isEmpty() || files.size() != 1)
            return usage(o.error.isEmpty()
                             ? QStringLiteral("'calendar import' takes one file: GOV.UK's bank-holidays.json")
                             : o.error);
        QFile f(files.front());
        if (!f.open(QIODevice::ReadOnly))
            return complain(QStringLiteral("cannot read %1: %2").arg(files.front(), f.errorString())), kFailed;
        const auto days = models::parseBankHolidays(f.readAll(), &error);
        if (!days)
            return complain(QStringLiteral("%1 was not imported, and the calendar in force is kept: %2")
                                .arg(files.front(), error)),
                   kFailed;
        auto store = openStore(o, false, &error);
        if (!store)
            return complain(error), kFailed;
        const auto now = store->slaRules();
        return putInForce(*store, models::SlaRules(*days, now->calendars(), now->policies(), {}),
                          QStringLiteral("imported %1 bank holidays, %2 to %3")
                              .arg(days->size())
                              .arg(days->front().date.toString(Qt::ISODate), days->back().date.toString(Qt::ISODate)));
    }
    if (sub == QLatin1String("set")) {
        const Options o = parseOptions(rest, command,
                                       {QStringLiteral("db"), QStringLiteral("partner"), QStringLiteral("hours"),
                                        QStringLiteral("closed"), QStringLiteral("cutoff-day")});
        if (!o.error.isEmpty() || !files.isEmpty())
            return usage(o.error.isEmpty() ? QStringLiteral("'calendar set' takes options only") : o.error);
        const auto partner = partnerOption(o, true, &error);
        if (!partner)
            return usage(error);
        if (!o.has(QStringLiteral("hours")) && !o.has(QStringLiteral("closed")) && !o.has(QStringLiteral("cutoff-day")))
            return usage(QStringLiteral("'calendar set' needs --hours, --closed or --cutoff-day"));
        auto store = openStore(o, false, &error);
        if (!store)
            return complain(error), kFailed;
        const auto now = store->slaRules();
        models::PartnerCalendar cal = now->partnerCalendar(*partner);
        if (o.has(QStringLiteral("hours"))) {
            const auto hours = models::parseWorkingHours(o.value(QStringLiteral("hours")), &error);
            if (!hours)
                return usage(QStringLiteral("--hours: ") + error);
            cal.hours = *hours;
        }
        if (o.has(QStringLiteral("closed"))) {
            cal.closed.clear();
            const QString list = o.value(QStringLiteral("closed")).trimmed();
            if (list.compare(QLatin1String("none"), Qt::CaseInsensitive) != 0)
                for (const QString &d : list.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
                    const QDate date = QDate::fromString(d.trimmed(), Qt::ISODate);
                    if (!date.isValid())
                        return usage(QStringLiteral("--closed: '%1' is not a date (YYYY-MM-DD)").arg(d.trimmed()));
                    cal.closed.push_back(date);
                }
            std::sort(cal.closed.begin(), cal.closed.end());
        }
        if (o.has(QStringLiteral("cutoff-day"))) {
            bool ok = false;
            const int day = o.value(QStringLiteral("cutoff-day")).toInt(&ok);
            if (!ok || day < 1 || day > 31)
                return usage(QStringLiteral("--cutoff-day: '%1' is not a day of the month from 1 to 31")
                                 .arg(o.value(QStringLiteral("cutoff-day"))));
            cal.payrollCutoffDay = day;
        }
        std::vector<models::PartnerCalendar> calendars = now->calendars();
        for (models::PartnerCalendar &c : calendars)
            if (c.partner == *partner)
                c = cal;
        return putInForce(*store, models::SlaRules(now->bankHolidays(), calendars, now->policies(), {}),
                          QStringLiteral("%1 works %2, closed besides bank holidays on %3, payroll cut-off day %4")
                              .arg(*partner, cal.hours.text(), datesText(cal.closed))
                              .arg(cal.payrollCutoffDay));
    }
    if (sub == QLatin1String("list")) {
        const Options o = parseOptions(rest, command, {QStringLiteral("db")});
        if (!o.error.isEmpty())
            return usage(o.error);
        auto store = openStore(o, false, &error);
        if (!store)
            return complain(error), kFailed;
        const auto rules = store->slaRules();
        const auto &days = rules->bankHolidays();
        say(QStringLiteral("bank holidays (England and Wales): %1, %2 to %3")
                .arg(days.size())
                .arg(days.empty() ? QString() : days.front().date.toString(Qt::ISODate),
                     days.empty() ? QString() : days.back().date.toString(Qt::ISODate)));
        say(QStringLiteral("partner\thours\tcut-off day\tpay calendar\tclosed"));
        for (const models::PartnerCalendar &c : rules->calendars())
            say(QStringLiteral("%1\t%2\t%3\t%4\t%5")
                    .arg(c.partner, c.hours.text())
                    .arg(c.payrollCutoffDay)
                    .arg(c.payrollCutoffs.empty() ? QStringLiteral("none")
                                                  : QStringLiteral("%1 dates to %2")
                                                        .arg(c.payrollCutoffs.size())
                                                        .arg(c.payrollCutoffs.back().toString(Qt::ISODate)),
                         datesText(c.closed)));
        return kOk;
    }
    return usage(sub.isEmpty() ? QStringLiteral("'calendar' needs a command: import, set or list")
                               : QStringLiteral("'calendar %1' is not a command: use import, set or list").arg(sub));
}

// A pay calendar: one cut-off date per line, in the first column; blank lines, '#' comments and a
// header line are skipped. nullopt with `error` naming the first bad line.
std::optional<std::vector<QDate>> parsePayCalendar(const QByteArray &text, QString *error)
{
    std::vector<QDate> dates;
    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = QString::fromUtf8(lines.at(i)).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const QString first =
            line.section(QRegularExpression(QStringLiteral("[,;\t]")), 0, 0).trimmed().remove(QLatin1Char('"'));
        const QDate d = QDate::fromString(first, Qt::ISODate);
        if (!d.isValid()) {
            if (dates.empty() && !first.isEmpty() && !first.front().isDigit())
                continue; // the header
            *error = QStringLiteral("line %1: '%2' is not a date (YYYY-MM-DD)").arg(i + 1).arg(first);
            return std::nullopt;
        }
        dates.push_back(d);
    }
    if (dates.empty()) {
        *error = QStringLiteral("it lists no cut-off dates");
        return std::nullopt;
    }
    std::sort(dates.begin(), dates.end());
    dates.erase(std::unique(dates.begin(), dates.end()), dates.end());
    return dates;
}

int runPayCalendar(const QStringList &args)
{
    const QString sub = args.value(0);
    QStringList rest = args.mid(1);
    const QStringList files = takePositional(rest);
    if (sub != QLatin1String("import"))
        return usage(QStringLiteral("'paycalendar' has one command: import --db FILE --partner P CUTOFFS.csv"));
    const Options o =
        parseOptions(rest, QStringLiteral("paycalendar import"), {QStringLiteral("db"), QStringLiteral("partner")});
    if (!o.error.isEmpty() || files.size() != 1)
        return usage(o.error.isEmpty() ? QStringLiteral("'paycalendar import' takes one file of cut-off dates")
                                       : o.error);
    QString error;
    const auto partner = partnerOption(o, true, &error);
    if (!partner)
        return usage(error);
    QFile f(files.front());
    if (!f.open(QIODevice::ReadOnly))
        return complain(QStringLiteral("cannot read %1: %2").arg(files.front(), f.errorString())), kFailed;
    const auto dates = parsePayCalendar(f.readAll(), &error);
    if (!dates)
        return complain(QStringLiteral("%1 was not imported, and the pay calendar in force is kept: %2")
                            .arg(files.front(), error)),
               kFailed;
    auto store = openStore(o, false, &error);
    if (!store)
        return complain(error), kFailed;
    const auto now = store->slaRules();
    std::vector<models::PartnerCalendar> calendars = now->calendars();
    for (models::PartnerCalendar &c : calendars)
        if (c.partner == *partner)
            c.payrollCutoffs = *dates;
    return putInForce(*store, models::SlaRules(now->bankHolidays(), calendars, now->policies(), {}),
                      QStringLiteral("%1's pay calendar has %2 cut-offs, %3 to %4")
                          .arg(*partner)
                          .arg(dates->size())
                          .arg(dates->front().toString(Qt::ISODate), dates->back().toString(Qt::ISODate)));
}

QString policyLine(const models::SlaPolicy &p)
{
    QStringList notAfter;
    if (p.notAfterPayrollCutoff)
        notAfter << QStringLiteral("payroll cut-off");
    if (p.paymentTermsDays > 0)
        notAfter << QStringLiteral("payment date (%1 days)").arg(p.paymentTermsDays);
    return QStringLiteral("%1\t%2\t%3\t%4\t%5")
        .arg(p.partner.isEmpty() ? QStringLiteral("all") : p.partner, models::kindName(p.kind),
             p.subtype.isEmpty() ? QStringLiteral("all") : p.subtype, p.targetText(),
             notAfter.isEmpty() ? QStringLiteral("-") : notAfter.join(QLatin1String(", ")));
}

int runPolicy(const QStringList &args)
{
    const QString sub = args.value(0);
    const QStringList rest = args.mid(1);
    QString error;
    if (sub == QLatin1String("list")) {
        const Options o = parseOptions(rest, QStringLiteral("policy list"), {QStringLiteral("db")});
        if (!o.error.isEmpty())
            return usage(o.error);
        auto store = openStore(o, false, &error);
        if (!store)
            return complain(error), kFailed;
        say(QStringLiteral("partner\tkind\tsubtype\ttarget\tnever after"));
        for (const models::SlaPolicy &p : store->slaRules()->policies())
            say(policyLine(p));
        return kOk;
    }
    if (sub != QLatin1String("set"))
        return usage(sub.isEmpty() ? QStringLiteral("'policy' needs a command: list or set")
                                   : QStringLiteral("'policy %1' is not a command: use list or set").arg(sub));
    const Options o = parseOptions(rest, QStringLiteral("policy set"),
                                   {QStringLiteral("db"), QStringLiteral("partner"), QStringLiteral("kind"),
                                    QStringLiteral("subtype"), QStringLiteral("target"),
                                    QStringLiteral("payroll-cutoff"), QStringLiteral("payment-days")});
    if (!o.error.isEmpty())
        return usage(o.error);
    const auto partner = partnerOption(o, false, &error);
    if (!partner)
        return usage(error);
    const auto kind = models::kindFromName(o.value(QStringLiteral("kind")));
    if (!kind)
        return usage(QStringLiteral("--kind: '%1' is not a kind (hr_change, invoice or payroll_exception)")
                         .arg(o.value(QStringLiteral("kind"))));
    const QString subtype = o.value(QStringLiteral("subtype"));
    if (!subtype.isEmpty() && !models::isSubtype(*kind, subtype)) {
        QStringList known;
        for (const char *name : models::subtypes(*kind))
            known << QLatin1String(name);
        return usage(QStringLiteral("--subtype: '%1' is not a subtype of %2 (%3)")
                         .arg(subtype, models::kindName(*kind), known.join(QLatin1String(", "))));
    }
    if (!o.has(QStringLiteral("target")))
        return usage(QStringLiteral("--target is required: working days or hours, like 5d or 16h"));
    const auto target = models::parseTarget(o.value(QStringLiteral("target")), &error);
    if (!target)
        return usage(QStringLiteral("--target: ") + error);
    auto store = openStore(o, false, &error);
    if (!store)
        return complain(error), kFailed;
    const auto now = store->slaRules();
    // What is not said is kept from the policy that applies now (with no partner: to every partner).
    models::SlaPolicy p = now->policy(*partner, *kind, subtype);
    p.partner = *partner;
    p.kind = *kind;
    p.subtype = subtype;
    p.target = target->first;
    p.unit = target->second;
    if (o.has(QStringLiteral("payroll-cutoff"))) {
        const QString v = o.value(QStringLiteral("payroll-cutoff")).toLower();
        if (v != QLatin1String("yes") && v != QLatin1String("no"))
            return usage(QStringLiteral("--payroll-cutoff: '%1' is not yes or no")
                             .arg(o.value(QStringLiteral("payroll-cutoff"))));
        p.notAfterPayrollCutoff = v == QLatin1String("yes");
    }
    if (o.has(QStringLiteral("payment-days"))) {
        bool ok = false;
        const int days = o.value(QStringLiteral("payment-days")).toInt(&ok);
        if (!ok || days < 0 || days > 365)
            return usage(QStringLiteral("--payment-days: '%1' is not a number of days from 0 (none) to 365")
                             .arg(o.value(QStringLiteral("payment-days"))));
        p.paymentTermsDays = days;
    }
    std::vector<models::SlaPolicy> policies = now->policies();
    auto same = std::find_if(policies.begin(), policies.end(), [&](const models::SlaPolicy &q) {
        return q.partner == p.partner && q.kind == p.kind && q.subtype == p.subtype;
    });
    if (same != policies.end())
        *same = p;
    else
        policies.push_back(p);
    return putInForce(*store, models::SlaRules(now->bankHolidays(), now->calendars(), policies, {}),
                      QStringLiteral("policy set: ") + policyLine(p).replace(QLatin1Char('\t'), QStringLiteral(" · ")));
}

int runServe(const QStringList &args)
{
    const Options o =
        parseOptions(args, QStringLiteral("serve"),
                     {QStringLiteral("db"), QStringLiteral("listen"), QStringLiteral("tls-cert"),
                      QStringLiteral("tls-key"), QStringLiteral("claim-lease-minutes"),
                      // For tests and tuning; not in --help.
                      QStringLiteral("token-lifetime"), QStringLiteral("read-timeout"), QStringLiteral("threads"),
                      QStringLiteral("store-threads"), QStringLiteral("ws-idle-timeout")});
    if (!o.error.isEmpty())
        return usage(o.error);
    if (!o.has(QStringLiteral("db")))
        return usage(QStringLiteral("--db FILE is required: the store's SQLite file"));

    sync::ServerOptions options;
    const QString listen =
        o.has(QStringLiteral("listen")) ? o.value(QStringLiteral("listen")) : QStringLiteral("127.0.0.1:8080");
    static const QRegularExpression listenPattern(
        QStringLiteral("^(?:\\[([0-9A-Fa-f:.]+)\\]|([^:\\[\\]]+)):(\\d{1,5})$"));
    const auto m = listenPattern.match(listen);
    if (!m.hasMatch() || m.captured(3).toInt() > 65535)
        return usage(
            QStringLiteral("--listen wants HOST:PORT, like 127.0.0.1:8080 or [::1]:8080, not '%1'").arg(listen));
    options.host = m.captured(1).isEmpty() ? m.captured(2) : m.captured(1);
    if (options.host == QLatin1String("localhost"))
        options.host = QStringLiteral("127.0.0.1");
    options.port = quint16(m.captured(3).toInt());
    options.tlsCertFile = o.value(QStringLiteral("tls-cert"));
    options.tlsKeyFile = o.value(QStringLiteral("tls-key"));
    if (options.tlsCertFile.isEmpty() != options.tlsKeyFile.isEmpty())
        return usage(QStringLiteral("TLS needs both --tls-cert FILE and --tls-key FILE"));
    for (const QString &f : {options.tlsCertFile, options.tlsKeyFile})
        if (!f.isEmpty() && !QFileInfo(f).isReadable())
            return complain(QStringLiteral("cannot read %1").arg(f)), kFailed;

    auto seconds = [&](const char *name, qint64 fallback, qint64 min, qint64 max) -> std::optional<qint64> {
        const QString key = QLatin1String(name);
        if (!o.has(key))
            return fallback;
        bool ok = false;
        const qint64 v = o.value(key).toLongLong(&ok);
        if (!ok || v < min || v > max)
            return std::nullopt;
        return v;
    };
    const auto lifetime = seconds("token-lifetime", 8 * 3600, 1, 366LL * 86400);
    const auto readTimeout = seconds("read-timeout", 30, 1, 3600);
    const auto threads = seconds("threads", 2, 1, 64);
    const auto storeThreads = seconds("store-threads", 16, 1, 256);
    const auto wsIdle = seconds("ws-idle-timeout", 60, 2, 3600);
    const auto leaseMinutes = seconds("claim-lease-minutes", models::kDefaultClaimLease / 60, 1, 30 * 24 * 60);
    if (!lifetime || !readTimeout || !threads || !storeThreads || !wsIdle)
        return usage(
            QStringLiteral("--token-lifetime, --read-timeout, --threads, --store-threads and --ws-idle-timeout "
                           "want whole numbers"));
    if (!leaseMinutes)
        return usage(QStringLiteral("--claim-lease-minutes wants a whole number of minutes from 1 to 43200 (30 days), "
                                    "not '%1'")
                         .arg(o.value(QStringLiteral("claim-lease-minutes"))));
    options.wsIdleTimeout = std::chrono::seconds(*wsIdle);
    options.readTimeout = std::chrono::seconds(*readTimeout);
    // Live feeds end with their token: check at least as often as tokens expire.
    options.tokenRecheck = std::chrono::seconds(std::min<qint64>(60, *lifetime));
    options.ioThreads = int(*threads);
    options.storeThreads = int(*storeThreads);

    // Every live client holds a socket: allow as many as the system lets this process have
    // (a service's soft limit is often 1,024).
    rlimit files{};
    if (getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
        files.rlim_cur = files.rlim_max;
        setrlimit(RLIMIT_NOFILE, &files);
    }

    QString error;
    auto store = openStore(o, false, &error, *lifetime, *leaseMinutes * 60);
    if (!store)
        return complain(error), kFailed;
    try {
        sync::Server server(*store, models::SystemClock::instance(), options);
        say(QStringLiteral("ibc-store %1: serving %2 on %3")
                .arg(QLatin1String(IBC_VERSION), o.value(QStringLiteral("db")), server.url()));
        return server.run();
    } catch (const sync::ServerError &e) {
        complain(QString::fromUtf8(e.what()));
        return kFailed;
    }
}

int runBackup(const QStringList &args)
{
    const Options o = parseOptions(args, QStringLiteral("backup"), {QStringLiteral("db"), QStringLiteral("to")});
    if (!o.error.isEmpty())
        return usage(o.error);
    if (!o.has(QStringLiteral("db")))
        return usage(QStringLiteral("--db FILE is required: the store's SQLite file"));
    const QString to = o.value(QStringLiteral("to"));
    if (to.isEmpty())
        return usage(QStringLiteral("--to FILE is required: where to write the copy"));
    if (QFileInfo::exists(to))
        return complain(QStringLiteral("%1 already exists; choose a new name, or delete it first").arg(to)), kFailed;
    if (QFileInfo(to).absoluteFilePath() == QFileInfo(o.value(QStringLiteral("db"))).absoluteFilePath())
        return usage(QStringLiteral("--to must be another file than --db"));
    QString error;
    auto store = openStore(o, false, &error);
    if (!store)
        return complain(error), kFailed;
    try {
        store->backup(to);
    } catch (const std::exception &e) {
        complain(QStringLiteral("cannot back up to %1: %2").arg(to, QString::fromUtf8(e.what())));
        return kFailed;
    }
    say(QStringLiteral("copied %1 to %2").arg(o.value(QStringLiteral("db")), to));
    return kOk;
}

} // namespace

int main(int argc, char **argv)
{
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    const QString command = args.value(0);
    const QStringList rest = args.mid(1);

    if (command == QLatin1String("--version") || command == QLatin1String("version")) {
        say(QStringLiteral("ibc-store %1").arg(QLatin1String(IBC_VERSION)));
        return kOk;
    }
    if (command.isEmpty() || command == QLatin1String("--help") || command == QLatin1String("-h") ||
        command == QLatin1String("help")) {
        std::fputs(kUsageText, command.isEmpty() ? stderr : stdout);
        return command.isEmpty() ? kUsage : kOk;
    }
    if (command == QLatin1String("init"))
        return runInit(rest);
    if (command == QLatin1String("seed"))
        return runSeed(rest);
    if (command == QLatin1String("user"))
        return runUser(rest);
    if (command == QLatin1String("serve"))
        return runServe(rest);
    if (command == QLatin1String("backup"))
        return runBackup(rest);
    if (command == QLatin1String("calendar"))
        return runCalendar(rest);
    if (command == QLatin1String("paycalendar"))
        return runPayCalendar(rest);
    if (command == QLatin1String("policy"))
        return runPolicy(rest);
    return usage(QStringLiteral("'%1' is not a command: use init, seed, user, serve, backup, calendar, paycalendar, "
                                "policy or --version")
                     .arg(command));
}
