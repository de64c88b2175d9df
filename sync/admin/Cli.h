#pragma once

// What every ibc-store command shares: its exit statuses, how it speaks, its options, the store
// it opens and the password it reads. The commands themselves: admin/Commands.h.
#include "domain/Clock.h"
#include "domain/Lifecycle.h"
#include "domain/Sla.h"
#include "store/Store.h"

#include <QDate>
#include <QMap>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>
#include <vector>

namespace ibc::admin {

constexpr int kOk = 0;
constexpr int kFailed = 1;
constexpr int kUsage = 2;

// A line on standard output; a problem on standard error ("ibc-store: …"); a problem with the
// command line, with the pointer to --help, returning kUsage.
void say(const QString &text);
void complain(const QString &text);
int usage(const QString &problem);

// --name value and --name=value; every option takes a value.
struct Options {
    QMap<QString, QString> values;
    QString error;

    QString value(const QString &name) const { return values.value(name); }
    bool has(const QString &name) const { return values.contains(name); }
};
// `known` are the options `command` takes; anything else, and --password, is an error, and so is
// leaving out one of `required` (a subset of `known`).
Options parseOptions(const QStringList &args, const QString &command, const QStringList &known,
                     const QStringList &required = {});
// Takes the arguments that are not options (nor an option's value) out of `args`.
QStringList takePositional(QStringList &args);
// --name as a whole number from min to max, or `fallback` when it is not given. nullopt with
// `error` "--name wants WANTS, not 'VALUE'".
std::optional<qint64> intOption(const Options &o, const QString &name, qint64 fallback, qint64 min, qint64 max,
                                const QString &wants, QString *error);
// --name as yes or no, or `fallback` when it is not given; nullopt with `error` naming the value.
std::optional<bool> yesNoOption(const Options &o, const QString &name, bool fallback, QString *error);

// The store at --db; it must exist unless `create`.
std::unique_ptr<sync::Store> openStore(const Options &o, bool create, QString *error,
                                       models::EpochSecs tokenLifetime = sync::kDefaultSessionLifetime,
                                       models::EpochSecs claimLease = models::kDefaultClaimLease);
// One line from standard input. On a terminal, asks twice without echoing.
std::optional<QString> readPassword(const QString &username, QString *error);

// Service levels: --partner's code (required or not), dates as a list, and rules put in force
// with the count of open items given a new due time.
std::optional<QString> partnerOption(const Options &o, bool required, QString *error);
QString datesText(const std::vector<QDate> &dates);
int putInForce(sync::Store &store, const models::SlaRules &rules, const QString &what);

} // namespace ibc::admin
