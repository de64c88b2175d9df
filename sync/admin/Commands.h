#pragma once

// The commands of ibc-store, each a function of its arguments (after the command's name) that
// returns the program's exit status: 0 done, 1 failed, 2 a mistake in the command line. Each says
// what it did on standard output and what went wrong on standard error.
#include <QStringList>

namespace ibc::admin {

int runInit(const QStringList &args);
int runSeed(const QStringList &args);
int runUser(const QStringList &args);
int runServe(const QStringList &args);
int runBackup(const QStringList &args);
int runCalendar(const QStringList &args);
int runPayCalendar(const QStringList &args);
int runPolicy(const QStringList &args);
int runReference(const QStringList &args);

// `ibc-store ARGS…`: the command ARGS[0] names, with the rest; --help and --version too.
int runStoreCommand(const QStringList &args);

} // namespace ibc::admin
