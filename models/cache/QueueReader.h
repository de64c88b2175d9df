#pragma once

#include "domain/User.h"
#include "domain/WorkItem.h"

#include <QMap>
#include <QString>

#include <memory>
#include <optional>
#include <span>
#include <vector>

namespace ibc::models {

namespace sqlite {
class Database;
}

// Which items a queue shows.
struct QueueFilter {
    enum class Scope { Open, MyWork, Everything, ToCheck };
    // Open: neither resolved nor closed; MyWork: open and assigned to `user`; ToCheck: awaiting a
    // check, made by someone other than `user` (a change's maker stays its assignee).
    Scope scope = Scope::Open;
    QString user;         // for MyWork and ToCheck
    QStringList partners; // the partners the user works for; empty means all
    std::optional<Kind> kind;
    std::optional<QString> partner;
    std::optional<Status> status; // a status view shows that status whatever the scope
    QString text;                 // free text over reference, employee number, name and supplier
    // Just these items (a dashboard's drill-down, as cache row ids), whatever the scope, status, kind
    // and partner; `partners`, the text filter and the sort still apply. Compared by pointer: two
    // filters with the same vector ask the same, and one with another vector (even of the same rows)
    // asks afresh. Whoever holds a filter holds its vector, so an equal pointer is never a new one.
    std::shared_ptr<const std::vector<qint64>> rows;

    bool operator==(const QueueFilter &) const = default;
};

enum class QueueSort { Due, Received, Priority, Partner, Amount, Reference, Status, Assignee };

// One row of the queue table: what the columns show, nothing more.
struct QueueRow {
    qint64 row = 0; // the cache's row id
    QString id;
    QString reference;
    Kind kind = Kind::HrChange;
    QString subtype;
    QString partner;
    QString summary;
    QString assignee;
    Status status = Status::New;
    Priority priority = Priority::Normal;
    EpochSecs received = 0;
    EpochSecs due = 0;
    qint64 amount = 0;
    bool conflict = false; // the store refused a change to it: see the conflicts list
};

// Item counts for the navigator. Kinds and partners count open work; statuses count everything.
struct QueueCounts {
    int myWork = 0;
    int open = 0;
    int byKind[3] = {};
    QMap<QString, int> byPartner;
    int byStatus[std::size(kAllStatuses)] = {}; // by the status's value
    int toCheck = 0;                            // awaiting a check the user did not make
};

// Read-only queries for the queue and the navigator, on a connection of its own so that they can
// run on a worker thread while the desk keeps its own connection. WAL lets them read while the
// desk writes. Not thread safe: one thread at a time per reader.
class QueueReader {
public:
    explicit QueueReader(const QString &cachePath);
    ~QueueReader();

    // The row ids of every matching item, in order. 8 bytes an item: the rows themselves are
    // read a page at a time with rows().
    std::vector<qint64> rowIds(const QueueFilter &filter, QueueSort sort, bool descending);
    std::vector<QueueRow> rows(std::span<const qint64> rowIds);
    QueueCounts counts(const QString &user, const QStringList &partners);

private:
    std::vector<qint64> query(const QueueFilter &filter, QueueSort sort, bool descending);
    std::vector<qint64> matching(const QString &text); // the trigram index's rows, in row order
    qint64 dataVersion();

    // The last queue read without free text, kept so that typing in the quick filter narrows the
    // queue on screen instead of reading every match's sort keys from the items table. Its filter
    // holds a drill-down's rows, so that another row set cannot be at their address.
    struct Held {
        QueueFilter filter;
        QueueSort sort = QueueSort::Due;
        bool descending = false;
        qint64 dataVersion = -1;
        std::vector<qint64> rowIds;
    };
    Held m_held;
    std::unique_ptr<sqlite::Database> m_db;
};

} // namespace ibc::models
