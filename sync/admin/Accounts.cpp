// ibc-store init, seed, user and backup.
#include "admin/Cli.h"
#include "admin/Commands.h"

#include "domain/DemoGenerator.h"
#include "domain/Partner.h"

#include <QFileInfo>

using namespace ibc;

namespace ibc::admin {

int runInit(const QStringList &args)
{
    const Options o = parseOptions(args, QStringLiteral("init"), {QStringLiteral("db")}, {QStringLiteral("db")});
    if (!o.error.isEmpty())
        return usage(o.error);
    QString error;
    const bool existed = QFileInfo::exists(o.value(QStringLiteral("db")));
    auto store = openStore(o, true, &error);
    if (!store)
        return complain(error), kFailed;
    say(existed
            ? QStringLiteral("%1 is already a store; nothing to do").arg(o.value(QStringLiteral("db")))
            : QStringLiteral(
                  "made an empty store at %1; add its first admin with: ibc-store user add --db %1 --username NAME --role admin")
                  .arg(o.value(QStringLiteral("db"))));
    return kOk;
}

int runSeed(const QStringList &args)
{
    const Options o =
        parseOptions(args, QStringLiteral("seed"),
                     {QStringLiteral("db"), QStringLiteral("items"), QStringLiteral("seed")}, {QStringLiteral("db")});
    if (!o.error.isEmpty())
        return usage(o.error);
    QString error;
    const auto items = intOption(o, QStringLiteral("items"), 1000, 0, 100'000'000,
                                 QStringLiteral("a number of items from 0 to 100000000"), &error);
    if (!items)
        return usage(error);
    bool ok = true;
    const quint64 seed = o.has(QStringLiteral("seed")) ? o.value(QStringLiteral("seed")).toULongLong(&ok) : 1;
    if (!ok)
        return usage(QStringLiteral("--seed wants a whole number, not '%1'").arg(o.value(QStringLiteral("seed"))));
    auto store = openStore(o, true, &error);
    if (!store)
        return complain(error), kFailed;
    try {
        store->seed(*items, seed, models::DemoGenerator::defaultAnchor());
    } catch (const std::exception &e) {
        complain(QStringLiteral("cannot seed %1: %2").arg(o.value(QStringLiteral("db")), QString::fromUtf8(e.what())));
        return kFailed;
    }
    say(QStringLiteral(
            "seeded %1 with %2 items (seed %3) and the demo accounts; each one's password is demo-<username>:")
            .arg(o.value(QStringLiteral("db")))
            .arg(*items)
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

namespace {

// --partners for a new account of `role`: codes, or "all"; an admin works for no partner.
std::optional<QStringList> partnersOption(const Options &o, models::Role role, QString *error)
{
    if (!o.has(QStringLiteral("partners"))) {
        if (role == models::Role::Admin)
            return QStringList();
        *error = QStringLiteral(
                     "--partners is required for the %1 role: the partner codes they work for, like HCC,OCC, or all")
                     .arg(models::roleName(role));
        return std::nullopt;
    }
    if (role == models::Role::Admin) {
        *error = QStringLiteral("an admin manages users and works for no partner; leave out --partners");
        return std::nullopt;
    }
    const QString list = o.value(QStringLiteral("partners")).trimmed();
    if (list.compare(QLatin1String("all"), Qt::CaseInsensitive) == 0)
        return models::partnerCodes();
    QStringList partners;
    for (const QString &p : list.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString code = p.trimmed().toUpper();
        if (!models::isPartnerCode(code)) {
            *error = QStringLiteral("unknown partner code '%1': the codes are %2, or all")
                         .arg(p.trimmed(), models::partnerCodes().join(QLatin1String(", ")));
            return std::nullopt;
        }
        if (!partners.contains(code))
            partners << code;
    }
    if (partners.isEmpty()) {
        *error = QStringLiteral("--partners is empty: give partner codes like HCC,OCC, or all");
        return std::nullopt;
    }
    return partners;
}

// Every mistake in the command line is found before the password is asked for.
int runUserAdd(const QStringList &args)
{
    const Options o = parseOptions(args, QStringLiteral("user add"),
                                   {QStringLiteral("db"), QStringLiteral("username"), QStringLiteral("role"),
                                    QStringLiteral("partners"), QStringLiteral("name"), QStringLiteral("checker")},
                                   {QStringLiteral("db"), QStringLiteral("username")});
    if (!o.error.isEmpty())
        return usage(o.error);
    const QString username = o.value(QStringLiteral("username"));
    if (const auto problem = sync::usernameProblem(username))
        return usage(QStringLiteral("'%1' is not a username. %2").arg(username, QString::fromUtf8(problem->what())));
    const auto role = models::roleFromName(o.value(QStringLiteral("role")));
    if (!role)
        return usage(o.has(QStringLiteral("role"))
                         ? QStringLiteral("unknown role '%1': choose caseworker, team_leader, auditor, intake or admin")
                               .arg(o.value(QStringLiteral("role")))
                         : QStringLiteral("--role is required: caseworker, team_leader, auditor, intake or admin"));
    QString error;
    const auto partners = partnersOption(o, *role, &error);
    if (!partners)
        return usage(error);
    const auto checker = yesNoOption(o, QStringLiteral("checker"), false, &error);
    if (!checker)
        return usage(error);
    if (*checker && *role != models::Role::Caseworker)
        return usage(
            QStringLiteral("--checker is for caseworkers: team leaders always check, and other roles never do"));
    auto store = openStore(o, false, &error);
    if (!store)
        return complain(error), kFailed;
    auto password = readPassword(username, &error);
    if (!password)
        return complain(error), kFailed;
    models::User user{username, o.has(QStringLiteral("name")) ? o.value(QStringLiteral("name")) : username, *role,
                      *partners, *checker};
    try {
        store->addUser(user, *password);
    } catch (const std::exception &e) {
        complain(QStringLiteral("cannot add %1: %2").arg(username, QString::fromUtf8(e.what())));
        return kFailed;
    }
    say(QStringLiteral("added %1 (%2%3%4)")
            .arg(username, models::roleName(*role),
                 partners->isEmpty() ? QString() : QStringLiteral(", ") + partners->join(QLatin1Char(',')),
                 *checker ? QStringLiteral(", checker") : QString()));
    return kOk;
}

// `user checker`: lets a caseworker check others' changes (yes), or stops them (no).
int runUserChecker(const QStringList &args)
{
    const Options o = parseOptions(args, QStringLiteral("user checker"),
                                   {QStringLiteral("db"), QStringLiteral("username"), QStringLiteral("checker")},
                                   {QStringLiteral("db"), QStringLiteral("username"), QStringLiteral("checker")});
    if (!o.error.isEmpty())
        return usage(o.error);
    QString error;
    const auto checker = yesNoOption(o, QStringLiteral("checker"), false, &error);
    if (!checker)
        return usage(error);
    auto store = openStore(o, false, &error);
    if (!store)
        return complain(error), kFailed;
    const QString username = o.value(QStringLiteral("username"));
    try {
        store->setChecker(username, *checker);
    } catch (const std::exception &e) {
        complain(QStringLiteral("cannot change %1: %2").arg(username, QString::fromUtf8(e.what())));
        return kFailed;
    }
    say(*checker ? QStringLiteral("%1 may now check others' changes").arg(username)
                 : QStringLiteral("%1 no longer checks others' changes").arg(username));
    return kOk;
}

// `user passwd` (passwd true) or `user disable`.
int runUserPasswdOrDisable(const QStringList &args, bool passwd)
{
    const QString sub = passwd ? QStringLiteral("passwd") : QStringLiteral("disable");
    const Options o =
        parseOptions(args, QStringLiteral("user ") + sub, {QStringLiteral("db"), QStringLiteral("username")},
                     {QStringLiteral("db"), QStringLiteral("username")});
    if (!o.error.isEmpty())
        return usage(o.error);
    const QString username = o.value(QStringLiteral("username"));
    QString error;
    auto store = openStore(o, false, &error);
    if (!store)
        return complain(error), kFailed;
    try {
        if (passwd) {
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
                     .arg(passwd ? QStringLiteral("change the password of") : QStringLiteral("disable"), username,
                          QString::fromUtf8(e.what())));
        return kFailed;
    }
    return kOk;
}

int runUserList(const QStringList &args)
{
    const Options o = parseOptions(args, QStringLiteral("user list"), {QStringLiteral("db")}, {QStringLiteral("db")});
    if (!o.error.isEmpty())
        return usage(o.error);
    QString error;
    auto store = openStore(o, false, &error);
    if (!store)
        return complain(error), kFailed;
    for (const models::User &u : store->users())
        say(QStringLiteral("%1\t%2\t%3\t%4\t%5")
                .arg(u.username, models::roleName(u.role), u.partners.join(QLatin1Char(',')),
                     u.checker ? QStringLiteral("checker") : QStringLiteral("-"), u.displayName));
    return kOk;
}

} // namespace

int runUser(const QStringList &args)
{
    const QString sub = args.value(0);
    const QStringList rest = args.mid(1);
    if (sub == QLatin1String("add"))
        return runUserAdd(rest);
    if (sub == QLatin1String("passwd") || sub == QLatin1String("disable"))
        return runUserPasswdOrDisable(rest, sub == QLatin1String("passwd"));
    if (sub == QLatin1String("list"))
        return runUserList(rest);
    if (sub == QLatin1String("checker"))
        return runUserChecker(rest);
    return usage(
        sub.isEmpty()
            ? QStringLiteral("'user' needs a command: add, passwd, disable, checker or list")
            : QStringLiteral("'user %1' is not a command: use add, passwd, disable, checker or list").arg(sub));
}

int runBackup(const QStringList &args)
{
    const Options o = parseOptions(args, QStringLiteral("backup"), {QStringLiteral("db"), QStringLiteral("to")},
                                   {QStringLiteral("db"), QStringLiteral("to")});
    if (!o.error.isEmpty())
        return usage(o.error);
    const QString to = o.value(QStringLiteral("to"));
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

} // namespace ibc::admin
