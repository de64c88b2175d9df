#pragma once

#include <QList>
#include <QString>

namespace ibc::bench {

// A free-text filter to time: what it stands for ("surname") and what is typed ("Patel").
struct TextProbe {
    QString label;
    QString text;
};

// The sorts timed, both ways each: the name in the report, the desk's column, the baseline's column.
struct SortProbe {
    const char *name;
    int deskColumn;
    int sqlColumn;
};
QList<SortProbe> sortProbes();

// The desk side, run in a child process of its own so that its peak RSS is the desk's alone:
// Cache::open + QueueModel + a shown view on the offscreen platform, first paint, then the sorts
// and filters. Reports "@result" lines on stdout. The window is ibc::ui::MainWindow when the bench
// was built with it, unless `bareView`: then a QTableView over a QueueModel.
// Each sort and filter runs `repeats` times; the median is reported.
int runDeskChild(const QString &cachePath, const QList<TextProbe> &probes, double msSinceMain, bool bareView,
                 int repeats);

// The plain Qt way over the same table, in a child of its own: QSqlQueryModel fully fetched under
// a QSortFilterProxyModel in a QTableView; the same sorts (once each: they take seconds) and
// filters (`repeats` times, the median reported).
int runQtChild(const QString &cachePath, const QList<TextProbe> &probes, double msSinceMain, int repeats);

} // namespace ibc::bench
