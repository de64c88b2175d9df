#include "admin/Cli.h"

#include "domain/Partner.h"

#include <QFileInfo>

#include <cstdio>
#include <iostream>
#include <string>

#include <termios.h>
#include <unistd.h>

using namespace ibc;

namespace ibc::admin {

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

namespace {

QString requiredText(const QString &name)
{
    if (name == QLatin1String("db"))
        return QStringLiteral("--db FILE is required: the store's SQLite file");
    if (name == QLatin1String("to"))
        return QStringLiteral("--to FILE is required: where to write the copy");
    return QStringLiteral("--%1 is required").arg(name);
}

} // namespace

Options parseOptions(const QStringList &args, const QString &command, const QStringList &known,
                     const QStringList &required)
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
    for (const QString &name : required)
        if (o.value(name).isEmpty()) {
            o.error = requiredText(name);
            break;
        }
    return o;
}

// The store at --db; it must exist unless `create`.
std::unique_ptr<sync::Store> openStore(const Options &o, bool create, QString *error, models::EpochSecs tokenLifetime,
                                       models::EpochSecs claimLease)
{
    const QString path = o.value(QStringLiteral("db"));
    if (path.isEmpty()) {
        *error = requiredText(QStringLiteral("db"));
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

std::optional<qint64> intOption(const Options &o, const QString &name, qint64 fallback, qint64 min, qint64 max,
                                const QString &wants, QString *error)
{
    if (!o.has(name))
        return fallback;
    bool ok = false;
    const qint64 v = o.value(name).toLongLong(&ok);
    if (ok && v >= min && v <= max)
        return v;
    *error = QStringLiteral("--%1 wants %2, not '%3'").arg(name, wants, o.value(name));
    return std::nullopt;
}

std::optional<bool> yesNoOption(const Options &o, const QString &name, bool fallback, QString *error)
{
    if (!o.has(name))
        return fallback;
    const QString v = o.value(name).trimmed().toLower();
    if (v == QLatin1String("yes") || v == QLatin1String("no"))
        return v == QLatin1String("yes");
    *error = QStringLiteral("--%1: '%2' is not yes or no").arg(name, o.value(name));
    return std::nullopt;
}

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

} // namespace ibc::admin
