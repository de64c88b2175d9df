#pragma once

// What ibc-store and the desk say to each other, as values: sessions, the change feed's pages,
// the outcomes of commands, and intake. Wire.h turns them into JSON and back; the store's
// interface (store/Store.h) speaks them. Qt Core and the domain only, so that the desk can use
// them without linking anything of the server.

#include "domain/Clock.h"
#include "domain/User.h"
#include "domain/WorkItem.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <optional>
#include <vector>

namespace ibc::sync {

// The most items one page of the change feed carries: GET /v1/changes refuses a larger limit, the
// store reads no more at once, and the desk asks for no more.
inline constexpr int kMaxPageItems = 10'000;
// The most commands one POST /v1/commands carries, unless `ibc-store serve` is told otherwise.
inline constexpr int kMaxCommandsPerBatch = 500;

struct Session {
    QString token; // opaque, 256 random bits, base64url; only its hash is stored
    models::EpochSecs expires = 0;
    models::User user;
};

// An item as the feed carries it: its state now, with its whole history and notes.
struct ItemRecord {
    models::WorkItem item;
    // The feed's pages leave item.fields empty and carry the kind's fields as the store keeps them
    // (compact JSON), to be written to the wire as they are: no parse and no rewrite per item.
    QByteArray fieldsJson;
    qint64 seq = 0; // the sequence number of the item's newest change
    std::vector<models::Note> notes;
    std::vector<models::Event> events;
};

struct ChangePage {
    std::vector<ItemRecord> items; // in sequence order
    qint64 nextSeq = 0;            // ask for changes since this next time
    bool more = false;             // true if more changes wait beyond this page
    qint64 remaining = -1;         // items changed after `since` in all, this page's included, when asked for
    std::vector<QString> forget;   // ids of items the user may no longer see (sensitive): drop them
};

struct CommandOutcome {
    enum class Kind { Applied, Rejected, Conflict };
    QString commandId;
    Kind kind = Kind::Applied;
    qint64 version = 0;                // Applied: the item's new version
    qint64 seq = 0;                    // Applied: the change's sequence number
    QString code;                      // Rejected / Conflict: refusal code (Refusal::codeName, or "not_found")
    QString reason;                    // Rejected / Conflict: a sentence a person can read
    std::optional<ItemRecord> current; // Conflict: the item as it is now
};

// A new item from a partner's self-service or scanning system.
struct Intake {
    models::Kind kind = models::Kind::HrChange;
    QString subtype;
    QString partner;
    models::EpochSecs received = 0;
    QJsonObject fields;
};

// A field the intake refused, and why.
struct FieldProblem {
    QString field;
    QString message;
};

// The store's audit log (GET /v1/audit): every change, refusal, reveal, sign-in and account
// change, with who and when, for auditors. Rows are numbered in the order they were written.
inline constexpr int kDefaultAuditRows = 500; // rows a search answers with unless it asks for another number
inline constexpr int kMaxAuditRows = 5000;    // the most one search answers with

// A search of the audit log: every filter left empty matches everything.
struct AuditQuery {
    std::optional<models::EpochSecs> from; // rows written at or after this
    std::optional<models::EpochSecs> to;   // rows written at or before this
    QString actor;                         // who: a username, exactly ("system" for the store's own)
    QString action;                        // what: a prefix ("personal_data", "command.rejected")
    QString item;                          // an item's reference (HR-0001234) or id
    int limit = kDefaultAuditRows;         // 1 to kMaxAuditRows
    qint64 before = 0;                     // only rows numbered below this (the next page); 0: from the newest

    bool operator==(const AuditQuery &) const = default;
};

struct AuditRow {
    qint64 row = 0;
    models::EpochSecs at = 0;
    QString actor;
    QString action;    // "command.applied", "personal_data.revealed", "session.created", …
    QString itemId;    // empty for rows about no item (accounts, sessions, reference data)
    QString reference; // the item's reference, when it is one the store has
    QString commandId;
    QJsonObject detail; // what the action recorded; personal data in it masked to its last four characters

    bool operator==(const AuditRow &) const = default;
};

struct AuditPage {
    std::vector<AuditRow> rows; // newest first
    bool more = false;          // older rows match too: ask again with before = rows.back().row
};

} // namespace ibc::sync
