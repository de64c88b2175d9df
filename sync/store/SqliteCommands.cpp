// The embedded store: commands, decided by the lifecycle and committed in groups.
#include "store/SqliteStoreParts.h"

#include "domain/Fields.h"
#include "store/StoredOutcome.h"

#include <future>

namespace ibc::sync::sqlitestore {

std::vector<CommandOutcome> SqliteStore::apply(const User &user, std::span<const Command> commands)
{
    if (commands.empty())
        return {};
    PendingApply mine;
    mine.user = &user;
    mine.commands = commands;
    std::unique_lock lock(m_groupMutex);
    m_waiting.push_back(&mine);
    while (!mine.done) {
        if (m_leading) {
            m_groupDone.wait(lock);
            continue;
        }
        m_leading = true;
        // At most a few thousand commands in one transaction; the rest lead the next group.
        std::vector<PendingApply *> group;
        std::size_t taken = 0, commandsTaken = 0;
        while (taken < m_waiting.size() && (taken == 0 || commandsTaken + m_waiting[taken]->commands.size() <= 5000))
            commandsTaken += m_waiting[taken++]->commands.size();
        group.assign(m_waiting.begin(), m_waiting.begin() + qsizetype(taken));
        m_waiting.erase(m_waiting.begin(), m_waiting.begin() + qsizetype(taken));
        lock.unlock();
        commitGroup(group);
        lock.lock();
        for (PendingApply *p : group)
            p->done = true;
        m_leading = false;
        m_groupDone.notify_all();
    }
    lock.unlock();
    if (mine.error)
        std::rethrow_exception(mine.error);
    return std::move(mine.outcomes);
}

void SqliteStore::commitGroup(const std::vector<PendingApply *> &group)
{
    std::lock_guard lock(m_writeMutex);
    Connection &c = *m_writer;
    std::vector<std::pair<std::size_t, qint64>> touched;
    try {
        Transaction tx(c.db());
        const qint64 before = metaValue(c, "seq");
        qint64 seq = before;
        const bool alone = group.size() == 1; // the transaction is the batch's own: no savepoint
        for (PendingApply *p : group) {
            const qint64 seqBefore = seq;
            const std::size_t touchedBefore = touched.size();
            p->outcomes.reserve(p->commands.size());
            if (!alone)
                c.db().exec("SAVEPOINT batch");
            try {
                for (const Command &command : p->commands)
                    p->outcomes.push_back(applyOne(c, *p->user, command, seq, touched));
                if (!alone)
                    c.db().exec("RELEASE batch");
            } catch (...) {
                if (alone)
                    throw;
                // This batch fails whole; the others in the group go on.
                p->error = std::current_exception();
                p->outcomes.clear();
                c.db().exec("ROLLBACK TO batch");
                c.db().exec("RELEASE batch");
                seq = seqBefore;
                touched.resize(touchedBefore);
            }
        }
        if (seq != before)
            setMetaValue(c, "seq", seq);
        tx.commit(); // synchronous=FULL: on disk when this returns
        publish(touched);
    } catch (...) {
        // Nothing of the group was committed: every batch in it fails.
        for (PendingApply *p : group) {
            if (!p->error)
                p->error = std::current_exception();
            p->outcomes.clear();
        }
    }
}

namespace {

// Seen before: the outcome it had, and nothing changes. Nullopt for a command id not yet used.
std::optional<CommandOutcome> outcomeBefore(Connection &c, const User &user, const Command &command, EpochSecs now)
{
    Query q = c.query("SELECT username, outcome FROM commands WHERE command_id = ?");
    q->bind(1, command.id);
    if (!q->step())
        return std::nullopt;
    if (q->text(0) == user.username)
        return stored::outcomeFromJson(q->utf8(1));
    // Someone else's command id: say nothing of what it did, change nothing, but note it.
    q->reset();
    audit(c, now, user.username, "command.duplicate_id", command.itemId, command.id,
          QJsonObject{{u"type"_s, commandName(command.type)}});
    return rejected(command.id, u"duplicate_command_id"_s,
                    u"This command id has already been used for another command. Send the command with a "
                    "new id."_s);
}

// The lifecycle does not know the team; the store does.
bool mayBeAssigned(Connection &c, const QString &username, const QString &partner)
{
    const std::optional<Account> to = findAccount(c, username);
    return to && !to->disabled && to->user.canBeGivenWorkFor(partner);
}

CommandOutcome refusalOutcome(const Command &command, const WorkItem &current, const Refusal &r,
                              CommandOutcome::Kind kind)
{
    CommandOutcome out;
    out.commandId = command.id;
    out.kind = kind;
    out.code = Refusal::codeName(r.code);
    out.reason = r.message(command.type, current.status);
    return out;
}

// Never overwrite details someone else may have changed: let the person look again.
CommandOutcome changedSince(const Command &command, const WorkItem &current)
{
    CommandOutcome o;
    o.commandId = command.id;
    o.kind = CommandOutcome::Kind::Conflict;
    o.code = u"changed_since"_s;
    o.reason = QStringLiteral("Someone changed this item since you saw it (version %1, now %2). Check its "
                              "details as they are now, then make your change again.")
                   .arg(command.baseVersion)
                   .arg(current.version);
    return o;
}

// The item as the store has it, notes and history too.
ItemRecord withHistory(Connection &c, const ItemRow &found, Interner &strings)
{
    std::vector<ItemRecord> one{found.record};
    attachHistory(c, one, {found.row}, strings);
    return std::move(one.front());
}

// The item's row as `next` has it, under `seq`; its fields only if the command changed them.
void writeItem(Connection &c, const WorkItem &next, qint64 seq, qint64 row, bool fieldsChanged)
{
    if (!fieldsChanged) {
        Query q = c.query("UPDATE items SET status = ?, priority = ?, assignee = ?, updated = ?, due = ?, "
                          "version = ?, seq = ?, lease_until = ? WHERE row = ?");
        q->bind(1, int(next.status)).bind(2, int(next.priority)).bind(3, next.assignee).bind(4, next.updated);
        q->bind(5, next.due).bind(6, next.version).bind(7, seq).bind(8, next.leaseUntil).bind(9, row);
        q->run();
    } else {
        Query q = c.query("UPDATE items SET status = ?, priority = ?, assignee = ?, updated = ?, due = ?, "
                          "version = ?, fields = ?, seq = ?, lease_until = ? WHERE row = ?");
        q->bind(1, int(next.status)).bind(2, int(next.priority)).bind(3, next.assignee).bind(4, next.updated);
        q->bind(5, next.due).bind(6, next.version).bind(7, view(compactJson(next.fields))).bind(8, seq);
        q->bind(9, next.leaseUntil).bind(10, row);
        q->run();
    }
}

// Kept under the command's id, so that a retry answers as this did, and audited.
void recordOutcome(Connection &c, const User &user, const Command &command, EpochSecs now, const CommandOutcome &o)
{
    {
        Query q = c.query("INSERT INTO commands(command_id, username, item_id, at, outcome) VALUES(?,?,?,?,?)");
        q->bind(1, command.id).bind(2, user.username).bind(3, command.itemId).bind(4, now);
        q->bind(5, view(stored::outcomeToJson(o)));
        q->run();
    }
    QJsonObject detail{{u"type"_s, commandName(command.type)},
                       {u"base_version"_s, command.baseVersion},
                       {u"at"_s, command.at},
                       {u"payload"_s, command.payload}};
    if (o.kind == CommandOutcome::Kind::Applied) {
        detail.insert(u"version"_s, o.version);
        detail.insert(u"seq"_s, o.seq);
    } else {
        detail.insert(u"code"_s, o.code);
    }
    audit(c, now, user.username, outcomeAction(o.kind), command.itemId, command.id, detail);
}

} // namespace

CommandOutcome SqliteStore::applyOne(Connection &c, const User &user, const Command &command, qint64 &seq,
                                     std::vector<std::pair<std::size_t, qint64>> &touched)
{
    const EpochSecs now = m_clock.now();
    if (command.id.isEmpty())
        return rejected(command.id, u"invalid_command"_s,
                        u"A command needs an id, so that a retry is never applied twice."_s);
    if (command.at <= 0) {
        // A command that does not say when it was made happened when it arrived.
        Command stamped = command;
        stamped.at = now;
        return applyOne(c, user, stamped, seq, touched);
    }
    if (std::optional<CommandOutcome> before = outcomeBefore(c, user, command, now))
        return std::move(*before);

    const CommandOutcome o = decideAndApply(c, user, command, seq, touched);
    recordOutcome(c, user, command, now, o);
    return o;
}

// Applied, rejected or conflict: only an applied command changes the item, and moves `seq` on.
CommandOutcome SqliteStore::decideAndApply(Connection &c, const User &user, const Command &command, qint64 &seq,
                                           std::vector<std::pair<std::size_t, qint64>> &touched)
{
    if (command.actor != user.username)
        return rejected(command.id, u"not_allowed"_s,
                        QStringLiteral("You can only send your own commands (this one names %1).").arg(command.actor));
    Interner strings(16);
    const std::optional<ItemRow> found = findItem(c, command.itemId, strings);
    if (!found || !sees(user, found->record.item.partner) || !user.sees(found->record.item))
        return rejected(command.id, u"not_found"_s, u"There is no such item among the work you can see."_s);

    const WorkItem &current = found->record.item;
    Decision d = lifecycle::decide(
        command, current, user, rulesInForce()->policy(current.partner, current.kind, current.subtype), m_claimLease);
    if (d.allowed() && command.type == CommandType::Reassign && !mayBeAssigned(c, d.effect.assignee, current.partner))
        d.refusal = Refusal{RefusalCode::UnknownAssignee, d.effect.assignee};

    const bool stale = command.baseVersion != current.version;
    CommandOutcome o;
    if (d.refusal && refusedWhateverTheVersion(d.refusal->code))
        o = refusalOutcome(command, current, *d.refusal, CommandOutcome::Kind::Rejected);
    else if (stale && command.type == CommandType::EditFields)
        o = changedSince(command, current);
    else if (d.refusal)
        o = refusalOutcome(command, current, *d.refusal,
                           stale ? CommandOutcome::Kind::Conflict : CommandOutcome::Kind::Rejected);
    else
        return applyEffect(c, command, *found, d.effect, strings, seq, touched);
    if (o.kind == CommandOutcome::Kind::Conflict)
        o.current = withHistory(c, *found, strings);
    return o;
}

CommandOutcome SqliteStore::applyEffect(Connection &c, const Command &command, const ItemRow &found,
                                        const Effect &effect, Interner &strings, qint64 &seq,
                                        std::vector<std::pair<std::size_t, qint64>> &touched)
{
    const WorkItem &current = found.record.item;
    WorkItem next = current;
    lifecycle::apply(next, effect, command.at);
    if (changesDue(effect.event, effect.fieldChanges)) {
        // Back from a pause, or an edit of a date the due time follows: set it again.
        std::vector<Event> history = withHistory(c, found, strings).events;
        history.push_back(effect.event);
        next.due = rulesInForce()->dueAt(next, history, command.at);
    }
    next.version = current.version + 1;
    ++seq;
    writeItem(c, next, seq, found.row, !effect.fieldChanges.isEmpty());
    if (effect.sensitive) {
        Query q = c.query("UPDATE items SET sensitive = ?, named = ? WHERE row = ?");
        q->bind(1, next.sensitive).bind(2, next.named.join(QLatin1Char(','))).bind(3, found.row);
        q->run();
    }
    insertEvent(c, found.row, seq, effect.event);
    if (effect.note)
        insertNote(c, found.row, seq, *effect.note);
    touched.emplace_back(partnerIndex(current.partner), seq);

    CommandOutcome o;
    o.commandId = command.id;
    o.kind = CommandOutcome::Kind::Applied;
    o.version = next.version;
    o.seq = seq;
    return o;
}

} // namespace ibc::sync::sqlitestore
