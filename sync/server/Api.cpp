#include "server/Api.h"

#include "protocol/Wire.h"
#include "server/ReferenceJson.h"

#include <QJsonArray>
#include <QUrlQuery>
#include <QUuid>

#include <algorithm>
#include <future>
#include <limits>
#include <memory>

namespace ibc::sync::server {

using namespace ibc::models;
using namespace Qt::StringLiterals;

namespace {

Response json(int status, const QJsonObject &body)
{
    Response r;
    r.status = status;
    r.body = wire::serialize(body) + '\n';
    return r;
}

std::pair<std::string, std::string> splitTarget(const std::string &target)
{
    const auto q = target.find('?');
    if (q == std::string::npos)
        return {target, {}};
    return {target.substr(0, q), target.substr(q + 1)};
}

QUrlQuery queryOf(const std::string &target) { return QUrlQuery(QString::fromUtf8(splitTarget(target).second)); }

constexpr std::string_view kItemPrefix = "/v1/items/";

// The {id} of /v1/items/{id}[/…], at most 64 characters (it goes into messages), and whether it is
// an item id at all.
QString itemIdIn(const std::string &target)
{
    const std::string path = splitTarget(target).first;
    const std::string_view rest = std::string_view(path).substr(kItemPrefix.size());
    const std::string_view id = rest.substr(0, rest.find('/'));
    return QString::fromUtf8(id.data(), qsizetype(id.size())).left(64);
}

bool isItemId(const QString &id) { return id.size() == 36 && !QUuid::fromString(id).isNull(); }

// A refusal from the store, as HTTP.
Response storeError(const StoreError &e)
{
    const QString &code = e.code();
    const QString message = QString::fromStdString(e.what());
    int status = 400;
    if (code == QLatin1String("not_found") || code == QLatin1String("unknown_user"))
        status = 404;
    else if (code == QLatin1String("invalid_fields") || code == QLatin1String("invalid_field") ||
             code == QLatin1String("invalid_partner"))
        status = 422;
    else if (code == QLatin1String("forbidden") || code == QLatin1String("read_only_role"))
        status = 403;
    else if (code == QLatin1String("username_taken"))
        status = 409;
    return Api::error(status, code, message);
}

} // namespace

Api::Api(Store &store, const Clock &clock, Metrics &metrics, LoginThrottle &throttle, Hub &hub, Limits limits)
    : m_store(store)
    , m_clock(clock)
    , m_metrics(metrics)
    , m_throttle(throttle)
    , m_hub(hub)
    , m_limits(limits)
{
}

Response Api::error(int status, const QString &code, const QString &message, const QJsonObject &fields)
{
    return json(status, wire::Error{code, message, fields}.toJson());
}

Route Api::route(const std::string &target, QString *name)
{
    const std::string path = splitTarget(target).first;
    static const struct {
        const char *path;
        Route route;
    } exact[] = {
        {"/healthz", Route::Healthz},        {"/metrics", Route::Metrics},      {"/v1/session", Route::Session},
        {"/v1/changes", Route::Changes},     {"/v1/commands", Route::Commands}, {"/v1/items", Route::Items},
        {"/v1/reference", Route::Reference}, {"/v1/stream", Route::Stream},     {"/v1/audit", Route::Audit},
    };
    for (const auto &e : exact) {
        if (path == e.path) {
            if (name)
                *name = QLatin1String(e.path);
            return e.route;
        }
    }
    if (path.size() > kItemPrefix.size() && path.compare(0, kItemPrefix.size(), kItemPrefix) == 0) {
        // /v1/items/{id}, or /v1/items/{id}/reveal
        const std::string_view rest = std::string_view(path).substr(kItemPrefix.size());
        const std::size_t slash = rest.find('/');
        if (slash == std::string_view::npos) {
            if (name)
                *name = u"/v1/items/{id}"_s;
            return Route::Item;
        }
        if (slash > 0 && rest.substr(slash) == "/reveal") {
            if (name)
                *name = u"/v1/items/{id}/reveal"_s;
            return Route::Reveal;
        }
    }
    if (name)
        *name = u"other"_s;
    return Route::None;
}

QByteArray Api::allowedMethods(Route route)
{
    switch (route) {
    case Route::Session:
    case Route::Commands:
    case Route::Items:
    case Route::Reveal: return "POST";
    case Route::None: return {};
    default: return "GET";
    }
}

std::optional<Response> Api::answerAtOnce(const Request &request) const
{
    QString name;
    const Route r = route(request.target, &name);
    std::optional<Response> out;
    const QString path = QString::fromUtf8(splitTarget(request.target).first).left(200);
    if (r == Route::None) {
        out = error(404, u"not_found"_s,
                    QStringLiteral("There is no %1. The API's paths are under /v1; see sync/openapi.yaml.").arg(path));
    } else if (request.method != allowedMethods(r).toStdString()) {
        out = error(
            405, u"method_not_allowed"_s,
            QStringLiteral("%1 %2 is not allowed; use %3.")
                .arg(QString::fromStdString(request.method).left(20), path, QString::fromLatin1(allowedMethods(r))));
        out->headers.emplace_back("Allow", allowedMethods(r));
    } else if (r == Route::Healthz) {
        out = json(200, QJsonObject{{u"status"_s, u"ok"_s}});
    } else if (r == Route::Metrics) {
        out = Response{};
        out->body = m_metrics.render();
        out->contentType = "text/plain; version=0.0.4; charset=utf-8";
    } else if (r == Route::Stream) {
        out = error(426, u"upgrade_required"_s, u"GET /v1/stream is a WebSocket: connect with Upgrade: websocket."_s);
        out->headers.emplace_back("Upgrade", "websocket");
    }
    if (out)
        out->route = name;
    return out;
}

std::chrono::milliseconds Api::signInDelay(const Request &request) const
{
    const auto body = wire::parseObject(request.body);
    const QString username = body ? body->value(u"username"_s).toString() : QString();
    return m_throttle.delayFor(username, request.remote);
}

Response Api::handle(const Request &request)
{
    QString name;
    const Route r = route(request.target, &name);
    Response out;
    try {
        if (auto quick = answerAtOnce(request)) {
            out = std::move(*quick);
        } else if (r == Route::Session) {
            out = signIn(request);
        } else {
            auto who = authenticate(request);
            if (auto *refusal = std::get_if<Response>(&who)) {
                out = std::move(*refusal);
            } else {
                const User &user = std::get<User>(who);
                switch (r) {
                case Route::Changes: out = changes(request, user); break;
                case Route::Commands: out = commands(request, user); break;
                case Route::Items: out = intake(request, user); break;
                case Route::Item: out = item(request, user); break;
                case Route::Reveal: out = reveal(request, user); break;
                case Route::Reference: out = reference(user); break;
                case Route::Audit: out = auditLog(request, user); break;
                default: out = error(404, u"not_found"_s, u"There is no such path."_s); break;
                }
                out.user = user.username;
            }
        }
    } catch (const StoreError &e) {
        out = storeError(e);
    } catch (const std::exception &e) {
        qWarning("ibc-store: %s %s failed: %s", request.method.c_str(), name.toUtf8().constData(), e.what());
        out = error(500, u"internal"_s, u"The store could not answer this request; it has been logged. Try again."_s);
    }
    out.route = name;
    return out;
}

Response Api::signIn(const Request &request)
{
    wire::Error e;
    auto body = wire::parseObject(request.body, &e);
    auto credentials = body ? wire::credentialsFromJson(*body, &e) : std::nullopt;
    if (!credentials)
        return error(400, e.code, e.message, e.fields);
    auto session = m_store.login(credentials->username, credentials->password);
    if (!session) {
        m_throttle.failed(credentials->username, request.remote);
        m_metrics.loginFailed();
        Response r =
            error(401, u"invalid_credentials"_s, u"The username or password is wrong, or the account is disabled."_s);
        r.user = credentials->username.left(64);
        return r;
    }
    m_throttle.succeeded(credentials->username);
    Response r = json(200, wire::sessionToJson(*session));
    r.user = session->user.username;
    return r;
}

std::variant<User, Response> Api::authenticate(const Request &request, const std::string &queryToken, QString *tokenOut)
{
    QString token;
    const QString header = QString::fromUtf8(request.authorization).trimmed();
    if (!header.isEmpty()) {
        if (!header.startsWith(u"bearer "_s, Qt::CaseInsensitive)) {
            Response r = error(401, u"unauthorized"_s,
                               u"The Authorization header must be \"Bearer <token>\", "
                               "with the token from POST /v1/session."_s);
            r.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"ibc-store\"");
            return r;
        }
        token = header.mid(7).trimmed();
    } else {
        token = QString::fromStdString(queryToken);
    }
    if (token.isEmpty()) {
        Response r = error(401, u"unauthorized"_s,
                           u"Sign in first: send \"Authorization: Bearer <token>\" with the "
                           "token from POST /v1/session."_s);
        r.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"ibc-store\"");
        return r;
    }
    if (tokenOut)
        *tokenOut = token;
    auto user = token.size() <= 256 ? m_store.authenticate(token) : std::nullopt;
    if (!user) {
        Response r = error(401, u"invalid_token"_s,
                           u"The token is unknown or has expired; sign in again with POST /v1/session."_s);
        r.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"ibc-store\", error=\"invalid_token\"");
        return r;
    }
    return *user;
}

Api::StreamAuth Api::authenticateStream(const Request &request)
{
    StreamAuth out;
    out.refusal.route = u"/v1/stream"_s;
    try {
        const std::string token = queryOf(request.target).queryItemValue(u"token"_s, QUrl::FullyDecoded).toStdString();
        auto who = authenticate(request, token, &out.token);
        if (auto *refusal = std::get_if<Response>(&who)) {
            out.refusal = std::move(*refusal);
            out.refusal.route = u"/v1/stream"_s;
            return out;
        }
        const User &user = std::get<User>(who);
        if (!user.readsItems()) {
            out.refusal = error(403, u"forbidden"_s,
                                QStringLiteral("The live feed is for people who read work items, not for the %1 role.")
                                    .arg(roleName(user.role)));
            out.refusal.user = user.username;
            out.refusal.route = u"/v1/stream"_s;
            return out;
        }
        out.user = user;
    } catch (const std::exception &e) {
        qWarning("ibc-store: authenticating a live feed failed: %s", e.what());
        out.refusal = error(500, u"internal"_s, u"The store could not check the token; try again."_s);
        out.refusal.route = u"/v1/stream"_s;
    }
    return out;
}

bool Api::tokenStillValid(const QString &token)
{
    try {
        return m_store.authenticate(token).has_value();
    } catch (const std::exception &e) {
        qWarning("ibc-store: rechecking a live feed's token failed: %s", e.what());
        return true; // the store's trouble is not the client's; check again later
    }
}

namespace {

// A large page is read from the store a slice at a time, and each slice is written as JSON on a
// second thread while the next one is read: one client's page keeps two cores busy rather than
// one, and arrives in about half the time. Each slice is a consistent snapshot, and each starts
// where the one before ended, so the page is the feed in seq order as one read would give it,
// except that an item changed while the page is read may come twice, the newer last (a client
// applies the page in order, as it must anyway).
// `remaining` (≥ 0) is written into the page as it is: the count=true answer.
QByteArray feedPage(Store &store, const User &user, qint64 since, int limit, qint64 remaining)
{
    constexpr int kSlice = 1000;
    if (limit <= kSlice) {
        ChangePage page = store.changes(user, since, limit);
        page.remaining = remaining;
        QByteArray out = wire::serializePage(page);
        out += '\n';
        return out;
    }
    QByteArray out;
    out.reserve(qsizetype(limit) * 1200 + 64);
    out += "{\"items\":[";
    bool first = true;
    qint64 cursor = since;
    bool more = true;
    int left = limit;
    std::vector<QString> forget;
    std::future<void> writing; // after `out`: destroyed (and waited for) before it
    while (left > 0 && more) {
        auto slice = std::make_shared<ChangePage>(store.changes(user, cursor, std::min(kSlice, left)));
        if (writing.valid())
            writing.get();
        left -= int(slice->items.size() + slice->forget.size());
        cursor = slice->nextSeq;
        more = slice->more;
        forget.insert(forget.end(), slice->forget.begin(), slice->forget.end());
        if (slice->items.empty() && slice->forget.empty())
            break;
        writing = std::async(std::launch::async, [&out, &first, slice] {
            for (const ItemRecord &record : slice->items) {
                if (!first)
                    out += ',';
                first = false;
                wire::appendRecord(out, record);
            }
        });
    }
    if (writing.valid())
        writing.get();
    out += "],\"next_seq\":";
    out += QByteArray::number(cursor);
    out += ",\"more\":";
    out += more ? "true" : "false";
    if (remaining >= 0) {
        out += ",\"remaining\":";
        out += QByteArray::number(remaining);
    }
    wire::appendForget(out, forget);
    out += "}\n";
    return out;
}

} // namespace

Response Api::changes(const Request &request, const User &user)
{
    if (!user.readsItems())
        return error(403, u"forbidden"_s,
                     QStringLiteral("The %1 role does not read the change feed.").arg(roleName(user.role)));
    const QUrlQuery query = queryOf(request.target);
    QJsonObject problems;
    auto number = [&](const char *key, qint64 fallback, qint64 min, qint64 max) {
        if (!query.hasQueryItem(QString::fromUtf8(key)))
            return fallback;
        bool ok = false;
        const qint64 v = query.queryItemValue(QString::fromUtf8(key), QUrl::FullyDecoded).toLongLong(&ok);
        if (!ok || v < min || v > max) {
            problems.insert(QString::fromUtf8(key),
                            QStringLiteral("must be a whole number from %1 to %2").arg(min).arg(max));
            return fallback;
        }
        return v;
    };
    const qint64 since = number("since", 0, 0, std::numeric_limits<qint64>::max());
    const qint64 limit = number("limit", m_limits.defaultPageSize, 1, m_limits.maxPageSize);
    // count=true: the page also says how many items are to come in all (a first sync's progress).
    const QString count = query.queryItemValue(u"count"_s, QUrl::FullyDecoded);
    if (query.hasQueryItem(u"count"_s) && count != QLatin1String("true") && count != QLatin1String("false"))
        problems.insert(u"count"_s, u"must be true or false"_s);
    if (!problems.isEmpty()) {
        QStringList parts;
        for (auto it = problems.begin(); it != problems.end(); ++it)
            parts << it.key() + QLatin1Char(' ') + it.value().toString();
        return error(400, wire::code::InvalidParameter, u"Bad query: "_s + parts.join(u"; "_s) + QLatin1Char('.'),
                     problems);
    }
    Response r;
    const qint64 remaining = count == QLatin1String("true") ? m_store.changeCount(user, since) : -1;
    r.body = feedPage(m_store, user, since, int(limit), remaining);
    return r;
}

Response Api::commands(const Request &request, const User &user)
{
    wire::Error e;
    auto body = wire::parseObject(request.body, &e);
    auto batch = body ? wire::commandBatchFromJson(*body, m_limits.maxCommandsPerBatch, &e) : std::nullopt;
    if (!batch)
        return error(e.code == wire::code::TooManyCommands ? 413 : 400, e.code, e.message, e.fields);
    const EpochSecs now = m_clock.now();
    for (Command &c : *batch) {
        c.actor = user.username;
        c.at = now;
    }
    const std::vector<CommandOutcome> outcomes = m_store.apply(user, *batch);
    m_metrics.commandsDecided(outcomes);
    if (std::any_of(outcomes.begin(), outcomes.end(),
                    [](const CommandOutcome &o) { return o.kind == CommandOutcome::Kind::Applied; }))
        m_hub.committed();
    return json(200, wire::outcomesToJson(outcomes));
}

Response Api::intake(const Request &request, const User &user)
{
    if (user.role != Role::Intake)
        return error(403, u"forbidden"_s, u"Only intake accounts (partners' systems) create items."_s);
    wire::Error e;
    auto body = wire::parseObject(request.body, &e);
    if (!body)
        return error(400, e.code, e.message);
    const EpochSecs now = m_clock.now();
    auto in = wire::intakeFromJson(*body, now, &e);
    QJsonObject problems = in ? QJsonObject{} : e.fields;
    if (in && !user.worksFor(in->partner))
        problems.insert(
            u"partner"_s,
            QStringLiteral("is not a partner this account sends work for (%1)").arg(user.partners.join(u", "_s)));
    if (in && in->received > now + 300)
        problems.insert(u"received_at"_s, u"is in the future"_s);
    if (!problems.isEmpty()) {
        QStringList parts;
        for (auto it = problems.begin(); it != problems.end(); ++it)
            parts << it.key() + QLatin1Char(' ') + it.value().toString();
        return error(422, wire::code::InvalidFields,
                     QStringLiteral("The item has %1 problem%2: %3.")
                         .arg(problems.size())
                         .arg(problems.size() == 1 ? QString() : u"s"_s, parts.join(u"; "_s)),
                     problems);
    }
    std::vector<FieldProblem> storeProblems;
    try {
        const ItemRecord record = m_store.intake(user, *in, &storeProblems);
        m_hub.committed();
        Response r = json(201, wire::recordToJson(record));
        r.headers.emplace_back("Location", "/v1/items/" + record.item.id.toUtf8());
        return r;
    } catch (const StoreError &se) {
        if (se.code() != wire::code::InvalidFields || storeProblems.empty())
            throw;
        QJsonObject fields;
        QStringList parts;
        static const char *const envelope[] = {"kind", "subtype", "partner", "received_at", "fields"};
        for (const FieldProblem &p : storeProblems) {
            const bool top = std::any_of(std::begin(envelope), std::end(envelope),
                                         [&](const char *k) { return p.field == QLatin1String(k); });
            const QString name = top || p.field.startsWith(u"fields."_s) ? p.field : u"fields."_s + p.field;
            fields.insert(name, p.message);
            parts << name + QLatin1Char(' ') + p.message;
        }
        return error(422, wire::code::InvalidFields,
                     u"The item has problems: "_s + parts.join(u"; "_s) + QLatin1Char('.'), fields);
    }
}

Response Api::item(const Request &request, const User &user)
{
    if (!user.readsItems())
        return error(403, u"forbidden"_s,
                     QStringLiteral("The %1 role does not read work items.").arg(roleName(user.role)));
    const QString id = itemIdIn(request.target);
    std::optional<ItemRecord> record;
    if (isItemId(id))
        record = m_store.item(user, id);
    if (!record)
        return error(404, u"not_found"_s, QStringLiteral("There is no item %1.").arg(id));
    return json(200, wire::recordToJson(*record));
}

Response Api::reveal(const Request &request, const User &user)
{
    if (!user.readsItems())
        return error(403, u"forbidden"_s,
                     QStringLiteral("The %1 role does not read work items.").arg(roleName(user.role)));
    const QString id = itemIdIn(request.target);
    wire::Error e;
    const auto body = wire::parseObject(request.body, &e);
    if (!body)
        return error(400, e.code, e.message, e.fields);
    QJsonObject problems;
    if (!body->value(u"field"_s).isString())
        problems.insert(u"field"_s, u"must be the name of a masked detail, such as account_number"_s);
    if (!body->value(u"reason"_s).isString() || body->value(u"reason"_s).toString().trimmed().isEmpty())
        problems.insert(u"reason"_s, u"is required: say why you need to see it"_s);
    if (!problems.isEmpty())
        return error(422, u"invalid_fields"_s, u"The reveal was not recorded: see fields."_s, problems);
    if (!isItemId(id))
        return error(404, u"not_found"_s, QStringLiteral("There is no item %1.").arg(id));
    const QString field = body->value(u"field"_s).toString();
    const QString value = m_store.revealPersonalData(user, id, field, body->value(u"reason"_s).toString());
    return json(200, QJsonObject{{u"field"_s, field}, {u"value"_s, value}});
}

Response Api::reference(const User &user) { return json(200, referenceJson(m_store.reference(user), user)); }

Response Api::auditLog(const Request &request, const User &user)
{
    if (user.role != Role::Auditor)
        return error(
            403, u"forbidden"_s,
            QStringLiteral("Only auditors read the audit log; the %1 role does not.").arg(roleName(user.role)));
    wire::Error e;
    const auto query = wire::auditQueryFromString(QString::fromUtf8(splitTarget(request.target).second), &e);
    if (!query)
        return error(400, e.code, e.message, e.fields);
    return json(200, wire::auditPageToJson(m_store.auditLog(user, *query)));
}

} // namespace ibc::sync::server
