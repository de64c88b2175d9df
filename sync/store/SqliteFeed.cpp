// The embedded store: the change feed, items, and the reference data.
#include "store/SqliteStoreParts.h"

#include "domain/Fields.h"

#include "domain/Partner.h"

#include <algorithm>

namespace ibc::sync::sqlitestore {

namespace {

// Sensitive items of the user's partners that are not theirs to see (no longer, or never) leave
// the page, named in `forget` instead, so that a desk that holds one drops it.
void forgetUnseen(const User &user, ChangePage &page, std::vector<qint64> &rows)
{
    std::size_t kept = 0;
    for (std::size_t i = 0; i < page.items.size(); ++i) {
        if (!page.items[i].item.sensitive.isEmpty() && !user.sees(page.items[i].item)) {
            page.forget.push_back(page.items[i].item.id);
            continue;
        }
        if (kept != i) {
            page.items[kept] = std::move(page.items[i]);
            rows[kept] = rows[i];
        }
        ++kept;
    }
    page.items.resize(kept);
    rows.resize(kept);
}

} // namespace

ChangePage SqliteStore::changes(const User &user, qint64 since, int limit)
{
    limit = std::clamp(limit, 1, kMaxPageItems);
    since = std::max<qint64>(since, 0);
    const std::vector<QString> scope = scopeOf(user);
    return read([&](Connection &c) {
        ChangePage page;
        Transaction tx(c.db(), false); // one snapshot for the page, its history and the latest seq
        const qint64 latest = metaValue(c, "seq");
        std::vector<qint64> rows;
        Interner strings;
        page.items.reserve(std::size_t(std::min<qint64>(limit, std::max<qint64>(latest - since, 0))));

        if (scope.size() == partners().size()) {
            Query q = c.query("SELECT " ITEM_COLUMNS " FROM items WHERE seq > ? ORDER BY seq LIMIT ?");
            q->bind(1, since).bind(2, limit + 1);
            while (q->step()) {
                if (int(page.items.size()) == limit) {
                    page.more = true;
                    break;
                }
                rows.push_back(q->int64(0));
                page.items.push_back(readRecord(*q, strings, true));
            }
        } else if (!scope.empty()) {
            // Each partner's changes in seq order from the (partner, seq) index, merged.
            std::vector<Statement *> streams;
            std::vector<bool> live;
            struct ResetAll {
                std::vector<Statement *> &streams;
                ~ResetAll()
                {
                    for (Statement *st : streams)
                        st->reset();
                }
            } resetAll{streams};
            for (std::size_t i = 0; i < scope.size(); ++i) {
                Statement &st = c.feed(i);
                st.reset();
                streams.push_back(&st);
                st.bind(1, scope[i]).bind(2, since);
                live.push_back(st.step());
            }
            while (true) {
                std::size_t best = streams.size();
                for (std::size_t i = 0; i < streams.size(); ++i)
                    if (live[i] && (best == streams.size() || streams[i]->int64(1) < streams[best]->int64(1)))
                        best = i;
                if (best == streams.size())
                    break;
                if (int(page.items.size()) == limit) {
                    page.more = true;
                    break;
                }
                rows.push_back(streams[best]->int64(0));
                page.items.push_back(readRecord(*streams[best], strings, true));
                live[best] = streams[best]->step();
            }
        }
        page.nextSeq = page.items.empty() ? latest : page.items.back().seq;
        forgetUnseen(user, page, rows);
        attachHistory(c, page.items, rows, strings);
        tx.commit();
        return page;
    });
}

std::optional<ItemRecord> SqliteStore::item(const User &user, const QString &id)
{
    return read([&](Connection &c) -> std::optional<ItemRecord> {
        Transaction tx(c.db(), false);
        Interner strings(16);
        std::optional<ItemRow> found = findItem(c, id, strings);
        if (!found || !sees(user, found->record.item.partner) || !user.sees(found->record.item))
            return std::nullopt;
        std::vector<ItemRecord> one{std::move(found->record)};
        attachHistory(c, one, {found->row}, strings);
        tx.commit();
        return std::move(one.front());
    });
}

qint64 SqliteStore::changeCount(const User &user, qint64 since)
{
    const std::vector<QString> scope = scopeOf(user);
    return read([&](Connection &c) {
        if (scope.size() == partners().size()) {
            Query q = c.query("SELECT count(*) FROM items WHERE seq > ?");
            q->bind(1, since);
            return q->step() ? q->int64(0) : 0;
        }
        qint64 n = 0; // one partner at a time, each off the (partner, seq) index
        Query q = c.query("SELECT count(*) FROM items WHERE partner = ? AND seq > ?");
        for (const QString &p : scope) {
            q->bind(1, p).bind(2, since);
            if (q->step())
                n += q->int64(0);
            q->reset();
        }
        return n;
    });
}

qint64 SqliteStore::latestSeq(const User &user)
{
    qint64 latest = 0;
    for (const QString &p : scopeOf(user))
        latest = std::max(latest, m_latest[partnerIndex(p)].load());
    return latest;
}

Reference SqliteStore::reference(const User &user)
{
    Reference ref;
    ref.sla = slaRules();
    ref.modulus = modulusTables();
    if (user.role != models::Role::TeamLeader)
        return ref;
    ref.assignable = read([&](Connection &c) {
        std::vector<User> out;
        Query q = c.query("SELECT username, display_name, role, partners FROM users "
                          "WHERE disabled = 0 ORDER BY display_name, username");
        while (q->step()) {
            User u{q->text(0), q->text(1), models::Role(q->int64(2)), splitPartners(q->text(3))};
            if (std::any_of(u.partners.begin(), u.partners.end(),
                            [&](const QString &p) { return user.worksFor(p) && u.canBeGivenWorkFor(p); }))
                out.push_back(std::move(u));
        }
        return out;
    });
    return ref;
}

// ---- Personal data

QString SqliteStore::revealPersonalData(const User &user, const QString &itemId, const QString &field,
                                        const QString &reason)
{
    const QString why = reason.trimmed();
    if (why.isEmpty())
        throw StoreError(u"invalid_fields"_s, u"Say why you need to see it: a reason is required."_s);
    if (why.size() > 500)
        throw StoreError(u"invalid_fields"_s, u"The reason is longer than 500 characters."_s);
    const std::optional<ItemRecord> record = item(user, itemId);
    if (!record)
        throw StoreError(u"not_found"_s, QStringLiteral("There is no item %1.").arg(itemId));
    const WorkItem &it = record->item;
    const auto specs = models::fieldSpecs(it.kind, it.subtype);
    const bool personal = std::any_of(specs.begin(), specs.end(), [&](const models::FieldSpec &s) {
        return field == QLatin1String(s.key) && models::isPersonalData(s.type);
    });
    if (!personal)
        throw StoreError(u"invalid_fields"_s,
                         QStringLiteral("%1 is not personal data of %2; only masked details are revealed.")
                             .arg(field.left(64), it.reference));
    const QString value = it.fields.value(field).toString();
    if (value.isEmpty())
        throw StoreError(u"invalid_fields"_s, QStringLiteral("%1 has no %2.").arg(it.reference, field));
    std::lock_guard lock(m_writeMutex);
    Connection &c = *m_writer;
    Transaction tx(c.db());
    audit(c, m_clock.now(), user.username, "personal_data.revealed", it.id, {},
          QJsonObject{{u"field"_s, field}, {u"reason"_s, why}});
    tx.commit();
    return value;
}

} // namespace ibc::sync::sqlitestore
