#include "admin/Commands.h"

#include "admin/Cli.h"

#include <cstdio>

using namespace ibc;

namespace ibc::admin {

namespace {

const char *const kUsageText = R"(ibc-store: the central store of IBC Desk

  ibc-store init    --db FILE
  ibc-store seed    --db FILE [--items N] [--seed S]
  ibc-store user add     --db FILE --username U --role ROLE [--partners CODE,CODE|all] [--name "Full Name"]
                         [--checker yes|no]
  ibc-store user checker --db FILE --username U --checker yes|no
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
  ibc-store policy set        --db FILE --kind KIND [--partner P] [--subtype S] [--target 5d|16h]
                              [--payroll-cutoff yes|no] [--payment-days N]
                              [--approval-threshold POUNDS] [--approve-checked yes|no]
  ibc-store reference import vocalink --db FILE DIR
  ibc-store reference show    --db FILE
  ibc-store --version

Passwords are read from standard input (one line), never from the command line.
Four-eyes checks: bank details, leavers, hours, overpayment recoveries, off-cycle payments and
invoices paid above the partner's approval threshold (10000 pounds unless set) wait, once resolved,
for a second person: a team leader, or a caseworker who is a checker (--checker yes), never the
person who made the change. A passed check closes the item; with --approve-checked yes a team
leader approves it too.
Roles: caseworker, team_leader, auditor, intake, admin.
Partner codes: HCC, OCC, HIWC, OPCC, HIWFRS, LBHF, RBKC, WCC.
Kinds: hr_change, invoice, payroll_exception.
Bank holidays are read in GOV.UK's format (https://www.gov.uk/bank-holidays.json, England and Wales);
a pay calendar is one cut-off date (YYYY-MM-DD) per line, first column. Each change sets the due time
of every open item again, and the desks receive it with their next sync.
VocaLink's modulus tables (valacdos.txt and scsubtab.txt, from DIR) are checked row by row before
they replace the ones in force; a running ibc-store uses them within the hour, each desk from its
next sign-in. Until then, and without an import, the tables the product ships are used.
)";

} // namespace

int runStoreCommand(const QStringList &args)
{
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
    if (command == QLatin1String("reference"))
        return runReference(rest);
    return usage(QStringLiteral("'%1' is not a command: use init, seed, user, serve, backup, calendar, paycalendar, "
                                "policy, reference or --version")
                     .arg(command));
}

} // namespace ibc::admin
