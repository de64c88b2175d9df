#pragma once

#include "domain/Clock.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace ibc::models {

// The numeric values are stored in caches and stores: append, never renumber.
enum class Kind : int { HrChange = 0, Invoice = 1, PayrollException = 2 };
inline constexpr Kind kAllKinds[] = {Kind::HrChange, Kind::Invoice, Kind::PayrollException};

enum class Status : int {
    New = 0,
    Assigned = 1,
    InProgress = 2,
    AwaitingInfo = 3,
    Escalated = 4,
    Resolved = 5,
    Reopened = 6,
    Closed = 7,
    AwaitingCheck = 8, // resolved by its maker, waiting for a second person's check (FourEyes.h)
};
// In the order the desk lists them: the way work usually goes.
inline constexpr Status kAllStatuses[] = {Status::New,          Status::Assigned,  Status::InProgress,
                                          Status::AwaitingInfo, Status::Escalated, Status::AwaitingCheck,
                                          Status::Resolved,     Status::Reopened,  Status::Closed};

enum class Priority : int { Low = 0, Normal = 1, High = 2, Urgent = 3 };

// Wire and file names ("hr_change", "in_progress", "urgent").
QString kindName(Kind k);
QString statusName(Status s);
QString priorityName(Priority p);
std::optional<Kind> kindFromName(QStringView name);
std::optional<Status> statusFromName(QStringView name);
std::optional<Priority> priorityFromName(QStringView name);

// What a person reads ("HR change", "Awaiting information"), translated.
QString kindLabel(Kind k);
QString kindPluralLabel(Kind k);
QString statusLabel(Status s);
QString priorityLabel(Priority p);

// A unit of work in one of the three queues. Money is held in pence; dates in the kind's fields
// are ISO 8601 dates ("2026-11-23"); times are EpochSecs.
struct WorkItem {
    QString id;        // UUID, made where the item was first received
    QString reference; // what people say on the phone: "HR-0001234", "INV-…", "PAY-…"
    Kind kind = Kind::HrChange;
    QString subtype; // see Fields.h for each kind's subtypes
    QString partner; // partner code (Partner.h)
    Status status = Status::New;
    Priority priority = Priority::Normal;
    QString assignee; // username; empty when unassigned
    EpochSecs received = 0;
    EpochSecs updated = 0;
    EpochSecs due = 0;
    qint64 version = 0; // the store's revision of this item; 0 until the store has seen it
    // A claim's lease: until then nobody else may take the item, even while its holder is offline;
    // after it, a claimed item nobody has started goes back to the pool. 0: held until released
    // or reassigned (a team leader's assignment).
    EpochSecs leaseUntil = 0;
    QJsonObject fields; // the kind's own fields, keyed as in Fields.h
    // A sensitive case (grievance, safeguarding, vetting, a protected address): why it was marked,
    // empty when it is not. Only its assignee, team leaders and the people named on it see it.
    QString sensitive;
    QStringList named; // usernames of the people named on a sensitive item, who may see it too

    // Whether `username`, a caseworker (false) or a team leader (true) of the item's partner, may
    // see it: anyone, unless it is sensitive.
    bool visibleTo(const QString &username, bool teamLeader) const
    {
        return sensitive.isEmpty() || teamLeader || username == assignee || named.contains(username);
    }

    // Derived from fields, for the queue's columns, sorting and search.
    QString employeeNumber() const;
    QString personName() const;
    QString supplier() const;
    qint64 amountPence() const;
    // What a list shows: the person or supplier and the amount; "Bereavement: <name>" for a death
    // in service; "Sensitive case" and no name for a sensitive one.
    QString summary() const;
};

struct Note {
    QString itemId;
    EpochSecs at = 0;
    QString author;
    QString text;
};

// One line of an item's history. Append only.
struct Event {
    QString itemId;
    EpochSecs at = 0;
    QString actor;
    QString type; // command name, or "received"
    Status from = Status::New;
    Status to = Status::New;
    QString detail; // a human-readable detail: the outcome, the reason, the new assignee
};

// The parts of an item a person compares when their change and someone else's collide: status,
// priority, assignee, version, the time of its last change and the kind's own fields.
QJsonObject itemState(const WorkItem &item);

QString formatPence(qint64 pence); // "£1,234.56"

} // namespace ibc::models
