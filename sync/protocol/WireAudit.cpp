// The audit log on the wire: a search as GET /v1/audit's query string, and a page of rows as JSON.
#include "protocol/Wire.h"

#include <QJsonArray>
#include <QUrl>
#include <QUrlQuery>

#include <limits>

namespace ibc::sync::wire {

using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype kMaxFilterLength = 64; // a username, an action or a reference is far shorter

const char *const kParameters[] = {"from", "to", "actor", "action", "item", "limit", "before"};

void add(QString &out, const char *key, const QString &value)
{
    if (!out.isEmpty())
        out += QLatin1Char('&');
    out += QLatin1String(key) + QLatin1Char('=') + QString::fromLatin1(QUrl::toPercentEncoding(value));
}

// A whole number from `min` to `max`, or a problem noted under `key`.
std::optional<qint64> number(const QString &text, const char *key, qint64 min, qint64 max, QJsonObject &problems)
{
    bool ok = false;
    const qint64 v = text.toLongLong(&ok);
    if (!ok || v < min || v > max) {
        problems.insert(QLatin1String(key), QStringLiteral("must be a whole number from %1 to %2").arg(min).arg(max));
        return std::nullopt;
    }
    return v;
}

std::optional<models::EpochSecs> time(const QString &text, const char *key, QJsonObject &problems)
{
    const auto t = parseTime(text);
    if (!t)
        problems.insert(QLatin1String(key),
                        u"must be a time with its UTC offset, like 2026-11-23T09:00:00Z (RFC 3339)"_s);
    return t;
}

// One of the text filters, at most kMaxFilterLength characters.
QString filter(const QString &text, const char *key, QJsonObject &problems)
{
    const QString t = text.trimmed();
    if (t.size() > kMaxFilterLength)
        problems.insert(QLatin1String(key), QStringLiteral("is longer than %1 characters").arg(kMaxFilterLength));
    return t;
}

} // namespace

QString auditQueryString(const AuditQuery &query)
{
    QString out;
    if (query.from)
        add(out, "from", formatTime(*query.from));
    if (query.to)
        add(out, "to", formatTime(*query.to));
    if (!query.actor.isEmpty())
        add(out, "actor", query.actor);
    if (!query.action.isEmpty())
        add(out, "action", query.action);
    if (!query.item.isEmpty())
        add(out, "item", query.item);
    if (query.limit != kDefaultAuditRows)
        add(out, "limit", QString::number(query.limit));
    if (query.before > 0)
        add(out, "before", QString::number(query.before));
    return out;
}

std::optional<AuditQuery> auditQueryFromString(const QString &text, Error *error)
{
    AuditQuery q;
    QJsonObject problems;
    // QUrlQuery leaves a '+' as it is, so "from=2026-11-23T09:00:00+00:00" reads as written.
    for (const auto &[key, value] : QUrlQuery(text).queryItems(QUrl::FullyDecoded)) {
        const QByteArray k = key.toUtf8();
        if (k == "from")
            q.from = time(value, "from", problems);
        else if (k == "to")
            q.to = time(value, "to", problems);
        else if (k == "actor")
            q.actor = filter(value, "actor", problems);
        else if (k == "action")
            q.action = filter(value, "action", problems);
        else if (k == "item")
            q.item = filter(value, "item", problems);
        else if (k == "limit")
            q.limit = int(number(value, "limit", 1, kMaxAuditRows, problems).value_or(kDefaultAuditRows));
        else if (k == "before")
            q.before = number(value, "before", 1, std::numeric_limits<qint64>::max(), problems).value_or(0);
        else
            problems.insert(key.left(kMaxFilterLength),
                            u"is not a parameter of /v1/audit (from, to, actor, action, item, limit, before)"_s);
    }
    if (q.from && q.to && *q.to < *q.from && !problems.contains(u"to"_s))
        problems.insert(u"to"_s, u"is before from"_s);
    if (problems.isEmpty())
        return q;
    if (error) {
        QStringList parts;
        for (auto it = problems.begin(); it != problems.end(); ++it)
            parts << it.key() + QLatin1Char(' ') + it.value().toString();
        *error = Error{code::InvalidParameter, u"Bad query: "_s + parts.join(u"; "_s) + QLatin1Char('.'), problems};
    }
    return std::nullopt;
}

QJsonObject auditQueryToJson(const AuditQuery &query)
{
    QJsonObject o;
    if (query.from)
        o.insert(u"from"_s, formatTime(*query.from));
    if (query.to)
        o.insert(u"to"_s, formatTime(*query.to));
    if (!query.actor.isEmpty())
        o.insert(u"actor"_s, query.actor);
    if (!query.action.isEmpty())
        o.insert(u"action"_s, query.action);
    if (!query.item.isEmpty())
        o.insert(u"item"_s, query.item);
    o.insert(u"limit"_s, query.limit);
    if (query.before > 0)
        o.insert(u"before"_s, query.before);
    return o;
}

QJsonObject auditRowToJson(const AuditRow &row)
{
    return QJsonObject{{u"row"_s, row.row},
                       {u"at"_s, formatTime(row.at)},
                       {u"actor"_s, row.actor},
                       {u"action"_s, row.action},
                       {u"item_id"_s, row.itemId},
                       {u"reference"_s, row.reference},
                       {u"command_id"_s, row.commandId},
                       {u"detail"_s, row.detail}};
}

QJsonObject auditPageToJson(const AuditPage &page)
{
    QJsonArray rows;
    for (const AuditRow &r : page.rows)
        rows.append(auditRowToJson(r));
    return QJsonObject{{u"rows"_s, rows}, {u"more"_s, page.more}};
}

std::optional<AuditPage> auditPageFromJson(const QJsonObject &json, Error *error)
{
    AuditPage page;
    const QJsonValue rows = json.value(u"rows"_s);
    if (!rows.isArray() || !json.value(u"more"_s).isBool()) {
        if (error)
            *error = Error{
                code::InvalidRequest, u"An audit page has \"rows\" (an array) and \"more\" (true or false)."_s, {}};
        return std::nullopt;
    }
    page.more = json.value(u"more"_s).toBool();
    for (const QJsonValue &v : rows.toArray()) {
        const QJsonObject o = v.toObject();
        AuditRow r;
        r.row = o.value(u"row"_s).toInteger();
        const auto at = parseTime(o.value(u"at"_s).toString());
        if (r.row <= 0 || !at) {
            if (error)
                *error = Error{code::InvalidRequest, u"An audit row has no row number or no time."_s, {}};
            return std::nullopt;
        }
        r.at = *at;
        r.actor = o.value(u"actor"_s).toString();
        r.action = o.value(u"action"_s).toString();
        r.itemId = o.value(u"item_id"_s).toString();
        r.reference = o.value(u"reference"_s).toString();
        r.commandId = o.value(u"command_id"_s).toString();
        r.detail = o.value(u"detail"_s).toObject();
        page.rows.push_back(std::move(r));
    }
    return page;
}

} // namespace ibc::sync::wire
