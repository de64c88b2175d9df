// ibc-store calendar, paycalendar and policy: the service levels' rules; reference: the bank checks' tables.
#include "admin/Cli.h"
#include "admin/Commands.h"

#include "domain/Fields.h"
#include "domain/ModulusCheck.h"
#include "domain/Partner.h"
#include "domain/Sla.h"

#include <QFile>
#include <QRegularExpression>

#include <algorithm>

using namespace ibc;

namespace ibc::admin {

namespace {

const QString kDb = QStringLiteral("db");

int runCalendarImport(const QStringList &rest, const QStringList &files)
{
    const Options o = parseOptions(rest, QStringLiteral("calendar import"), {kDb}, {kDb});
    if (!o.error.isEmpty() || files.size() != 1)
        return usage(o.error.isEmpty() ? QStringLiteral("'calendar import' takes one file: GOV.UK's bank-holidays.json")
                                       : o.error);
    QFile f(files.front());
    if (!f.open(QIODevice::ReadOnly))
        return complain(QStringLiteral("cannot read %1: %2").arg(files.front(), f.errorString())), kFailed;
    QString error;
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

// --closed: dates, or "none".
std::optional<std::vector<QDate>> closedOption(const Options &o, QString *error)
{
    std::vector<QDate> closed;
    const QString list = o.value(QStringLiteral("closed")).trimmed();
    if (list.compare(QLatin1String("none"), Qt::CaseInsensitive) != 0)
        for (const QString &d : list.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QDate date = QDate::fromString(d.trimmed(), Qt::ISODate);
            if (!date.isValid()) {
                *error = QStringLiteral("--closed: '%1' is not a date (YYYY-MM-DD)").arg(d.trimmed());
                return std::nullopt;
            }
            closed.push_back(date);
        }
    std::sort(closed.begin(), closed.end());
    return closed;
}

// What is not given is kept from the calendar in force.
int runCalendarSet(const QStringList &rest, const QStringList &files)
{
    const Options o = parseOptions(rest, QStringLiteral("calendar set"),
                                   {kDb, QStringLiteral("partner"), QStringLiteral("hours"), QStringLiteral("closed"),
                                    QStringLiteral("cutoff-day")},
                                   {kDb});
    if (!o.error.isEmpty() || !files.isEmpty())
        return usage(o.error.isEmpty() ? QStringLiteral("'calendar set' takes options only") : o.error);
    QString error;
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
        auto closed = closedOption(o, &error);
        if (!closed)
            return usage(error);
        cal.closed = std::move(*closed);
    }
    const auto cutoffDay = intOption(o, QStringLiteral("cutoff-day"), cal.payrollCutoffDay, 1, 31,
                                     QStringLiteral("a day of the month from 1 to 31"), &error);
    if (!cutoffDay)
        return usage(error);
    cal.payrollCutoffDay = int(*cutoffDay);
    std::vector<models::PartnerCalendar> calendars = now->calendars();
    for (models::PartnerCalendar &c : calendars)
        if (c.partner == *partner)
            c = cal;
    return putInForce(*store, models::SlaRules(now->bankHolidays(), calendars, now->policies(), {}),
                      QStringLiteral("%1 works %2, closed besides bank holidays on %3, payroll cut-off day %4")
                          .arg(*partner, cal.hours.text(), datesText(cal.closed))
                          .arg(cal.payrollCutoffDay));
}

int runCalendarList(const QStringList &rest)
{
    const Options o = parseOptions(rest, QStringLiteral("calendar list"), {kDb}, {kDb});
    if (!o.error.isEmpty())
        return usage(o.error);
    QString error;
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

} // namespace

int runCalendar(const QStringList &args)
{
    const QString sub = args.value(0);
    QStringList rest = args.mid(1);
    const QStringList files = takePositional(rest);
    if (sub == QLatin1String("import"))
        return runCalendarImport(rest, files);
    if (sub == QLatin1String("set"))
        return runCalendarSet(rest, files);
    if (sub == QLatin1String("list"))
        return runCalendarList(rest);
    return usage(sub.isEmpty() ? QStringLiteral("'calendar' needs a command: import, set or list")
                               : QStringLiteral("'calendar %1' is not a command: use import, set or list").arg(sub));
}

// A pay calendar: one cut-off date per line, in the first column; blank lines, '#' comments and a
// header line are skipped. nullopt with `error` naming the first bad line.

namespace {

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

} // namespace

int runPayCalendar(const QStringList &args)
{
    const QString sub = args.value(0);
    QStringList rest = args.mid(1);
    const QStringList files = takePositional(rest);
    if (sub != QLatin1String("import"))
        return usage(QStringLiteral("'paycalendar' has one command: import --db FILE --partner P CUTOFFS.csv"));
    const Options o = parseOptions(rest, QStringLiteral("paycalendar import"), {kDb, QStringLiteral("partner")}, {kDb});
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

namespace {

QString policyLine(const models::SlaPolicy &p)
{
    QStringList notAfter;
    if (p.notAfterPayrollCutoff)
        notAfter << QStringLiteral("payroll cut-off");
    if (p.paymentTermsDays > 0)
        notAfter << QStringLiteral("payment date (%1 days)").arg(p.paymentTermsDays);
    QStringList checks;
    if (p.kind == models::Kind::Invoice)
        checks << QStringLiteral("above %1").arg(models::formatPence(p.approvalThresholdPence));
    if (p.approveChecked)
        checks << QStringLiteral("then a team leader approves");
    return QStringLiteral("%1\t%2\t%3\t%4\t%5\t%6")
        .arg(p.partner.isEmpty() ? QStringLiteral("all") : p.partner, models::kindName(p.kind),
             p.subtype.isEmpty() ? QStringLiteral("all") : p.subtype, p.targetText(),
             notAfter.isEmpty() ? QStringLiteral("-") : notAfter.join(QLatin1String(", ")),
             checks.isEmpty() ? QStringLiteral("-") : checks.join(QLatin1String(", ")));
}

int runPolicyList(const QStringList &rest)
{
    const Options o = parseOptions(rest, QStringLiteral("policy list"), {kDb}, {kDb});
    if (!o.error.isEmpty())
        return usage(o.error);
    QString error;
    auto store = openStore(o, false, &error);
    if (!store)
        return complain(error), kFailed;
    say(QStringLiteral("partner\tkind\tsubtype\ttarget\tnever after\tfour-eyes check"));
    for (const models::SlaPolicy &p : store->slaRules()->policies())
        say(policyLine(p));
    return kOk;
}

// --subtype, a subtype of `kind`, or empty for all of them.
std::optional<QString> subtypeOption(const Options &o, models::Kind kind, QString *error)
{
    const QString subtype = o.value(QStringLiteral("subtype"));
    if (subtype.isEmpty() || models::isSubtype(kind, subtype))
        return subtype;
    QStringList known;
    for (const char *name : models::subtypes(kind))
        known << QLatin1String(name);
    *error = QStringLiteral("--subtype: '%1' is not a subtype of %2 (%3)")
                 .arg(subtype, models::kindName(kind), known.join(QLatin1String(", ")));
    return std::nullopt;
}

// What is not given is kept from the policy that applies now (with no partner: to every partner).
int runPolicySet(const QStringList &rest)
{
    const Options o =
        parseOptions(rest, QStringLiteral("policy set"),
                     {kDb, QStringLiteral("partner"), QStringLiteral("kind"), QStringLiteral("subtype"),
                      QStringLiteral("target"), QStringLiteral("payroll-cutoff"), QStringLiteral("payment-days"),
                      QStringLiteral("approval-threshold"), QStringLiteral("approve-checked")},
                     {kDb});
    if (!o.error.isEmpty())
        return usage(o.error);
    QString error;
    const auto partner = partnerOption(o, false, &error);
    if (!partner)
        return usage(error);
    const auto kind = models::kindFromName(o.value(QStringLiteral("kind")));
    if (!kind)
        return usage(QStringLiteral("--kind: '%1' is not a kind (hr_change, invoice or payroll_exception)")
                         .arg(o.value(QStringLiteral("kind"))));
    const auto subtype = subtypeOption(o, *kind, &error);
    if (!subtype)
        return usage(error);
    std::optional<std::pair<int, models::TargetUnit>> target;
    if (o.has(QStringLiteral("target")) && !(target = models::parseTarget(o.value(QStringLiteral("target")), &error)))
        return usage(QStringLiteral("--target: ") + error);
    if (o.has(QStringLiteral("approval-threshold")) && *kind != models::Kind::Invoice)
        return usage(QStringLiteral("--approval-threshold is for invoices (--kind invoice)"));
    const auto threshold = intOption(o, QStringLiteral("approval-threshold"), 0, 0, 1'000'000'000,
                                     QStringLiteral("whole pounds, like 10000"), &error);
    if (!threshold)
        return usage(error);
    const auto cutoff = yesNoOption(o, QStringLiteral("payroll-cutoff"), false, &error);
    const auto approve = cutoff ? yesNoOption(o, QStringLiteral("approve-checked"), false, &error) : std::nullopt;
    if (!approve)
        return usage(error);
    auto store = openStore(o, false, &error);
    if (!store)
        return complain(error), kFailed;
    const auto now = store->slaRules();
    models::SlaPolicy p = now->policy(*partner, *kind, *subtype);
    p.partner = *partner;
    p.kind = *kind;
    p.subtype = *subtype;
    if (target) {
        p.target = target->first;
        p.unit = target->second;
    }
    if (o.has(QStringLiteral("approval-threshold")))
        p.approvalThresholdPence = *threshold * 100;
    if (o.has(QStringLiteral("payroll-cutoff")))
        p.notAfterPayrollCutoff = *cutoff;
    if (o.has(QStringLiteral("approve-checked")))
        p.approveChecked = *approve;
    const auto days = intOption(o, QStringLiteral("payment-days"), p.paymentTermsDays, 0, 365,
                                QStringLiteral("a number of days from 0 (none) to 365"), &error);
    if (!days)
        return usage(error);
    p.paymentTermsDays = int(*days);
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

} // namespace

int runPolicy(const QStringList &args)
{
    const QString sub = args.value(0);
    const QStringList rest = args.mid(1);
    if (sub == QLatin1String("list"))
        return runPolicyList(rest);
    if (sub == QLatin1String("set"))
        return runPolicySet(rest);
    return usage(sub.isEmpty() ? QStringLiteral("'policy' needs a command: list or set")
                               : QStringLiteral("'policy %1' is not a command: use list or set").arg(sub));
}

// `reference import vocalink DIR`: newer modulus tables, checked before they replace the ones in
// force; `reference show`: which are in force.
int runReference(const QStringList &args)
{
    const QString sub = args.value(0);
    QStringList rest = args.mid(sub == QLatin1String("import") ? 2 : 1);
    const QStringList folders = takePositional(rest);
    if (sub == QLatin1String("show")) {
        const Options o = parseOptions(rest, QStringLiteral("reference show"), {kDb}, {kDb});
        if (!o.error.isEmpty() || !folders.isEmpty())
            return usage(o.error.isEmpty() ? QStringLiteral("'reference show' takes options only") : o.error);
        QString error;
        auto store = openStore(o, false, &error);
        if (!store)
            return complain(error), kFailed;
        const auto tables = store->modulusTables();
        const auto checker = tables ? models::ModulusChecker::parse(tables->weights, tables->substitutions, &error)
                                    : std::optional<models::ModulusChecker>();
        say(checker ? QStringLiteral("modulus tables: imported, %1 weight rows").arg(checker->rows().size())
                    : QStringLiteral("modulus tables: as shipped (VocaLink v7.70), %1 weight rows")
                          .arg(models::ModulusChecker::shipped().rows().size()));
        return kOk;
    }
    if (sub != QLatin1String("import") || args.value(1) != QLatin1String("vocalink"))
        return usage(QStringLiteral("'reference' has two commands: import vocalink --db FILE DIR, and show --db FILE"));
    const Options o = parseOptions(rest, QStringLiteral("reference import vocalink"), {kDb}, {kDb});
    if (!o.error.isEmpty() || folders.size() != 1)
        return usage(o.error.isEmpty()
                         ? QStringLiteral("'reference import vocalink' takes one folder, holding valacdos.txt and "
                                          "scsubtab.txt")
                         : o.error);
    QString error;
    models::ModulusTables tables;
    const auto checker = models::ModulusChecker::load(folders.front(), &error, &tables); // errors name file and line
    if (!checker)
        return complain(QStringLiteral("%1 was not imported, and the tables in force are kept: %2")
                            .arg(folders.front(), error)),
               kFailed;
    auto store = openStore(o, false, &error);
    if (!store)
        return complain(error), kFailed;
    try {
        store->setModulusTables(tables);
    } catch (const std::exception &e) {
        complain(QStringLiteral("the tables in force were kept: %1").arg(QString::fromUtf8(e.what())));
        return kFailed;
    }
    say(QStringLiteral("imported VocaLink's modulus tables from %1: %2 weight rows; a running ibc-store uses them "
                       "within the hour, each desk from its next sign-in")
            .arg(folders.front())
            .arg(checker->rows().size()));
    return kOk;
}

} // namespace ibc::admin
