// The embedded store: reading the audit log, for auditors.
#include "store/SqliteStoreParts.h"

#include "domain/Fields.h"
#include "domain/Typed.h"
#include "protocol/Wire.h"

#include <QJsonArray>
#include <QSet>

#include <limits>

namespace ibc::sync::sqlitestore {

namespace {

// The keys of every field that is personal data (account and NI numbers, the current account),
// whatever the kind: a command's payload may carry them, and the log shows them masked.
const QSet<QString> &personalKeys()
{
    static const QSet<QString> keys = [] {
        QSet<QString> out;
        for (Kind k : kAllKinds)
            for (const char *subtype : subtypes(k))
                for (const FieldSpec &spec : fieldSpecs(k, QLatin1String(subtype)))
                    if (isPersonalData(spec.type))
                        out.insert(QLatin1String(spec.key));
        return out;
    }();
    return keys;
}

QJsonValue maskedValue(const QJsonValue &v);

QJsonObject maskedObject(const QJsonObject &o)
{
    QJsonObject out;
    for (auto it = o.begin(); it != o.end(); ++it)
        out.insert(it.key(), it.value().isString() && personalKeys().contains(it.key())
                                 ? QJsonValue(typed::masked(it.value().toString()))
                                 : maskedValue(it.value()));
    return out;
}

QJsonValue maskedValue(const QJsonValue &v)
{
    if (v.isObject())
        return maskedObject(v.toObject());
    if (v.isArray()) {
        QJsonArray out;
        for (const QJsonValue &e : v.toArray())
            out.append(maskedValue(e));
        return out;
    }
    return v;
}

// ",HCC,OCC,": the partners an auditor reads, for instr() in SQL.
QString scopeList(const User &user)
{
    QString out = u","_s;
    for (const QString &p : scopeOf(user))
        out += p + QLatin1Char(',');
    return out;
}

} // namespace

AuditPage SqliteStore::auditLog(const User &user, const AuditQuery &query)
{
    if (user.role != Role::Auditor)
        throw StoreError(
            u"forbidden"_s,
            QStringLiteral("Only auditors read the audit log; the %1 role does not.").arg(roleName(user.role)));
    const int limit = std::clamp(query.limit, 1, kMaxAuditRows);
    const QString scope = scopeList(user);
    AuditPage page = read([&](Connection &c) {
        AuditPage out;
        // Newest first down the row numbers (the table's key), so a page costs the rows it passes
        // over. A row about an item the store has is shown only if the item is the auditor's
        // partners'; one about no item (or an id no item has) is shown to every auditor.
        Query q = c.query(
            "SELECT a.row, a.at, a.actor, a.action, a.item_id, a.command_id, a.detail, coalesce(i.reference, '') "
            "FROM audit a LEFT JOIN items i ON i.id = a.item_id "
            "WHERE a.row < ?1 AND a.at >= ?2 AND a.at <= ?3 "
            "AND (?4 = '' OR a.actor = ?4) "
            "AND (?5 = '' OR substr(a.action, 1, length(?5)) = ?5) "
            "AND (?6 = '' OR a.item_id = ?6 OR i.reference = ?6) "
            "AND (i.partner IS NULL OR instr(?7, ',' || i.partner || ',') > 0) "
            "ORDER BY a.row DESC LIMIT ?8");
        q->bind(1, query.before > 0 ? query.before : std::numeric_limits<qint64>::max());
        q->bind(2, query.from.value_or(std::numeric_limits<qint64>::min()));
        q->bind(3, query.to.value_or(std::numeric_limits<qint64>::max()));
        q->bind(4, query.actor).bind(5, query.action).bind(6, query.item).bind(7, scope).bind(8, limit + 1);
        while (q->step()) {
            if (int(out.rows.size()) == limit) {
                out.more = true;
                break;
            }
            out.rows.push_back(AuditRow{q->int64(0), q->int64(1), q->text(2), q->text(3), q->text(4), q->text(7),
                                        q->text(5), maskedObject(jsonObject(q->utf8(6)))});
        }
        return out;
    });
    QJsonObject detail = wire::auditQueryToJson(query);
    detail.insert(u"rows"_s, qint64(page.rows.size()));
    std::lock_guard lock(m_writeMutex);
    Connection &c = *m_writer;
    Transaction tx(c.db());
    audit(c, m_clock.now(), user.username, "audit.read", {}, {}, detail);
    tx.commit();
    return page;
}

} // namespace ibc::sync::sqlitestore
