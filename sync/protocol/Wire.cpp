#include "Wire.h"

#include "Fields.h"
#include "Partner.h"

#include <QDate>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QLocale>
#include <QRegularExpression>
#include <QStringDecoder>
#include <QUuid>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace ibc::sync::wire {

using namespace ibc::models;

namespace {

QString s(const char *latin1) { return QLatin1String(latin1); }

// Reads the members of one JSON object, noting each missing or mistyped one under its full
// name ("commands[2].base_version"). The caller decides what a missing optional member means.
class Reader {
public:
    Reader(const QJsonObject &object, QString prefix, QJsonObject *problems)
        : m_object(object), m_prefix(std::move(prefix)), m_problems(problems) {}

    QString name(const QString &key) const { return m_prefix + key; }
    void problem(const QString &key, const QString &text) const
    {
        if (!m_problems->contains(name(key)))
            m_problems->insert(name(key), text);
    }
    bool has(const QString &key) const
    {
        const QJsonValue v = m_object.value(key);
        return !v.isUndefined() && !v.isNull();
    }
    QJsonValue value(const QString &key) const { return m_object.value(key); }

    QString string(const QString &key, bool required = true) const
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                problem(key, s("is required"));
            return {};
        }
        if (!v.isString()) {
            problem(key, s("must be a string"));
            return {};
        }
        return v.toString();
    }

    QString uuid(const QString &key) const
    {
        const QString text = string(key);
        if (!text.isNull() && !isUuid(text))
            problem(key, s("must be a UUID, like 3f2b8c1e-5d4a-4b7e-9c1d-0a1b2c3d4e5f"));
        return text;
    }

    std::optional<qint64> integer(const QString &key, bool required = true, qint64 min = 0) const
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                problem(key, s("is required"));
            return std::nullopt;
        }
        const double d = v.toDouble();
        if (!v.isDouble() || d != std::floor(d) || std::abs(d) > 9007199254740992.0) {
            problem(key, s("must be a whole number"));
            return std::nullopt;
        }
        if (qint64(d) < min) {
            problem(key, QStringLiteral("must be at least %1").arg(min));
            return std::nullopt;
        }
        return qint64(d);
    }

    std::optional<bool> boolean(const QString &key) const
    {
        const QJsonValue v = m_object.value(key);
        if (!v.isBool()) {
            problem(key, v.isUndefined() || v.isNull() ? s("is required") : s("must be true or false"));
            return std::nullopt;
        }
        return v.toBool();
    }

    std::optional<EpochSecs> time(const QString &key, bool required = true) const
    {
        const QString text = string(key, required);
        if (text.isNull())
            return std::nullopt;
        auto t = parseTime(text);
        if (!t)
            problem(key, s("must be an RFC 3339 time with a UTC offset, like 2026-03-02T09:30:00+00:00"));
        return t;
    }

    std::optional<QJsonObject> object(const QString &key, bool required = true) const
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                problem(key, s("is required"));
            return std::nullopt;
        }
        if (!v.isObject()) {
            problem(key, s("must be an object"));
            return std::nullopt;
        }
        return v.toObject();
    }

    std::optional<QJsonArray> array(const QString &key, bool required = true) const
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                problem(key, s("is required"));
            return std::nullopt;
        }
        if (!v.isArray()) {
            problem(key, s("must be an array"));
            return std::nullopt;
        }
        return v.toArray();
    }

    static bool isUuid(const QString &text)
    {
        return text.size() == 36 && !QUuid::fromString(text).isNull();
    }

private:
    QJsonObject m_object;
    QString m_prefix;
    QJsonObject *m_problems;
};

QString listOf(std::span<const char *const> names)
{
    QStringList l;
    for (const char *n : names)
        l << QLatin1String(n);
    return l.join(QStringLiteral(", "));
}

QString commandTypeList()
{
    QStringList l;
    for (CommandType t : kAllCommandTypes)
        l << commandName(t);
    return l.join(QStringLiteral(", "));
}

// Sets `error` to an invalid_request (or `code`) naming every problem; returns false if any.
bool report(const QJsonObject &problems, Error *error, const QString &code = code::InvalidRequest,
            const QString &what = QStringLiteral("The request"))
{
    if (problems.isEmpty())
        return true;
    if (error) {
        QStringList parts;
        for (auto it = problems.begin(); it != problems.end(); ++it)
            parts << it.key() + QLatin1Char(' ') + it.value().toString();
        error->code = code;
        error->message = what + QStringLiteral(" has %1 problem%2: %3.")
                                    .arg(problems.size())
                                    .arg(problems.size() == 1 ? QString() : s("s"))
                                    .arg(parts.join(QStringLiteral("; ")));
        error->fields = problems;
    }
    return false;
}

void fail(Error *error, const QString &code, const QString &message)
{
    if (error)
        *error = Error{code, message, {}};
}

// The payload members each command type reads, with their JSON types ('s' string, 'o' object).
struct PayloadKey {
    const char *key;
    char type;
};
std::vector<PayloadKey> payloadKeys(CommandType t)
{
    switch (t) {
    case CommandType::RequestInfo:
    case CommandType::Escalate:
    case CommandType::Reopen:
    case CommandType::Reject:
        return {{"reason", 's'}};
    case CommandType::Resolve:
        return {{"outcome", 's'}, {"note", 's'}};
    case CommandType::AddNote:
        return {{"text", 's'}};
    case CommandType::Reassign:
        return {{"assignee", 's'}};
    case CommandType::EditFields:
        return {{"fields", 'o'}};
    case CommandType::Claim:
    case CommandType::Release:
    case CommandType::Start:
    case CommandType::Resume:
    case CommandType::Approve:
        return {};
    }
    return {};
}

} // namespace

QJsonObject Error::toJson() const
{
    QJsonObject o{{s("error"), code}, {s("message"), message}};
    if (!fields.isEmpty())
        o.insert(s("fields"), fields);
    return o;
}

// ---- Times

namespace {

// "2026-03-02T09:30:00+00:00", without QDateTime (whose formatting dominates a page's cost).
// Days to civil date: Howard Hinnant's algorithm, exact over the proleptic Gregorian calendar.
void appendTime(QByteArray &out, EpochSecs t)
{
    EpochSecs days = t / 86400, secs = t % 86400;
    if (secs < 0) {
        secs += 86400;
        --days;
    }
    days += 719468;
    const EpochSecs era = (days >= 0 ? days : days - 146096) / 146097;
    const EpochSecs doe = days - era * 146097;
    const EpochSecs yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const EpochSecs doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const EpochSecs mp = (5 * doy + 2) / 153;
    const int day = int(doy - (153 * mp + 2) / 5 + 1);
    const int month = int(mp < 10 ? mp + 3 : mp - 9);
    const qint64 year = yoe + era * 400 + (month <= 2);
    if (year < 0 || year > 9999) { // not a time anyone works to; spelled out the slow way
        char buf[48];
        const int n = std::snprintf(buf, sizeof buf, "%04lld-%02d-%02dT%02d:%02d:%02d+00:00", (long long)year, month, day,
                                    int(secs / 3600), int(secs / 60 % 60), int(secs % 60));
        out.append(buf, n);
        return;
    }
    const int h = int(secs / 3600), mi = int(secs / 60 % 60), se = int(secs % 60);
    const int y = int(year);
    const char text[25] = {char('0' + y / 1000),     char('0' + y / 100 % 10), char('0' + y / 10 % 10), char('0' + y % 10), '-',
                           char('0' + month / 10),   char('0' + month % 10),   '-',
                           char('0' + day / 10),     char('0' + day % 10),     'T',
                           char('0' + h / 10),       char('0' + h % 10),       ':',
                           char('0' + mi / 10),      char('0' + mi % 10),      ':',
                           char('0' + se / 10),      char('0' + se % 10),      '+', '0', '0', ':', '0', '0'};
    out.append(text, 25);
}

} // namespace

QString formatTime(EpochSecs t)
{
    QByteArray out;
    appendTime(out, t);
    return QString::fromLatin1(out);
}

std::optional<EpochSecs> parseTime(const QString &text)
{
    static const QRegularExpression re(QStringLiteral(
        "^(\\d{4})-(\\d{2})-(\\d{2})[Tt ](\\d{2}):(\\d{2}):(\\d{2})(?:\\.\\d{1,9})?(?:([Zz])|([+-])(\\d{2}):(\\d{2}))$"));
    const auto m = re.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const QDate date(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt());
    const int h = m.captured(4).toInt(), min = m.captured(5).toInt(), sec = m.captured(6).toInt();
    if (!date.isValid() || h > 23 || min > 59 || sec > 60)
        return std::nullopt;
    EpochSecs t = (date.toJulianDay() - 2440588) * 86400 + h * 3600 + min * 60 + std::min(sec, 59);
    if (m.captured(7).isEmpty()) {
        const int oh = m.captured(9).toInt(), om = m.captured(10).toInt();
        if (oh > 23 || om > 59)
            return std::nullopt;
        const EpochSecs offset = oh * 3600 + om * 60;
        t += m.captured(8) == QLatin1String("+") ? -offset : offset;
    }
    return t;
}

// ---- Bodies

std::optional<QJsonObject> parseObject(const QByteArray &body, Error *error)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    // Qt reports bad UTF-8 inside strings; a stray byte elsewhere is a syntax error, and a
    // successful parse may have replaced a bad sequence. Check the bytes themselves.
    auto validUtf8 = [&] {
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
        const QString decoded = decoder.decode(body);
        return !decoder.hasError();
    };
    if (pe.error == QJsonParseError::IllegalUTF8String || !validUtf8()) {
        fail(error, code::InvalidUtf8, s("The body is not valid UTF-8; send JSON encoded in UTF-8."));
        return std::nullopt;
    }
    if (pe.error != QJsonParseError::NoError) {
        fail(error, code::MalformedJson,
             body.trimmed().isEmpty() ? s("The body is empty; send a JSON object.")
                                      : QStringLiteral("The body is not valid JSON: %1 at byte %2.")
                                            .arg(pe.errorString())
                                            .arg(pe.offset));
        return std::nullopt;
    }
    if (!doc.isObject()) {
        fail(error, code::MalformedJson, s("The body must be a JSON object, {…}."));
        return std::nullopt;
    }
    return doc.object();
}

QByteArray serialize(const QJsonObject &object) { return QJsonDocument(object).toJson(QJsonDocument::Compact); }

// ---- Items

QJsonObject itemToJson(const WorkItem &item)
{
    return QJsonObject{
        {s("id"), item.id},
        {s("reference"), item.reference},
        {s("kind"), kindName(item.kind)},
        {s("subtype"), item.subtype},
        {s("partner"), item.partner},
        {s("status"), statusName(item.status)},
        {s("priority"), priorityName(item.priority)},
        {s("assignee"), item.assignee.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(item.assignee)},
        {s("received_at"), formatTime(item.received)},
        {s("updated_at"), formatTime(item.updated)},
        {s("due_at"), formatTime(item.due)},
        {s("claimed_until"), item.leaseUntil > 0 ? QJsonValue(formatTime(item.leaseUntil)) : QJsonValue(QJsonValue::Null)},
        {s("version"), item.version},
        {s("fields"), item.fields},
    };
}

QJsonObject noteToJson(const Note &note)
{
    return QJsonObject{{s("at"), formatTime(note.at)}, {s("author"), note.author}, {s("text"), note.text}};
}

QJsonObject eventToJson(const Event &event)
{
    return QJsonObject{{s("at"), formatTime(event.at)},   {s("actor"), event.actor},
                       {s("type"), event.type},           {s("from"), statusName(event.from)},
                       {s("to"), statusName(event.to)},   {s("detail"), event.detail}};
}

QJsonObject recordToJson(const ItemRecord &record)
{
    QJsonObject o = itemToJson(record.item);
    if (!record.fieldsJson.isEmpty())
        o.insert(s("fields"), QJsonDocument::fromJson(record.fieldsJson).object());
    o.insert(s("seq"), record.seq);
    QJsonArray notes, events;
    for (const Note &n : record.notes)
        notes.append(noteToJson(n));
    for (const Event &e : record.events)
        events.append(eventToJson(e));
    o.insert(s("notes"), notes);
    o.insert(s("events"), events);
    return o;
}

QJsonObject pageToJson(const ChangePage &page)
{
    QJsonArray items;
    for (const ItemRecord &r : page.items)
        items.append(recordToJson(r));
    QJsonObject o{{s("items"), items}, {s("next_seq"), page.nextSeq}, {s("more"), page.more}};
    if (page.remaining >= 0)
        o.insert(s("remaining"), page.remaining);
    return o;
}

namespace {

// A JSON writer for the feed: UTF-8 out, strings escaped as RFC 8259 asks, numbers as Qt writes
// them (whole numbers without a fraction or exponent).
// Makes room for `n` more bytes at the end of `out` and returns where they go: one call where a
// run of small appends would each go through QByteArray::insert (the feed writes millions).
char *grow(QByteArray &out, qsizetype n)
{
    const qsizetype at = out.size();
    out.resize(at + n);
    return out.data() + at;
}

void appendString(QByteArray &out, QStringView text)
{
    // Most texts are ASCII with nothing to escape: written straight in, with no UTF-8 copy.
    const bool plain = std::all_of(text.begin(), text.end(), [](QChar c) {
        const char16_t u = c.unicode();
        return u >= 0x20 && u < 0x80 && u != '"' && u != '\\';
    });
    if (plain) {
        char *d = grow(out, text.size() + 2);
        *d++ = '"';
        for (QChar c : text)
            *d++ = char(c.unicode());
        *d = '"';
        return;
    }
    static const char hex[] = "0123456789abcdef";
    const QByteArray utf8 = text.toUtf8();
    const char *p = utf8.constData();
    const char *const end = p + utf8.size();
    out += '"';
    while (p < end) {
        // The run of bytes that need no escape goes in one append.
        const char *run = p;
        while (p < end && static_cast<unsigned char>(*p) >= 0x20 && *p != '"' && *p != '\\')
            ++p;
        out.append(run, p - run);
        if (p == end)
            break;
        const auto u = static_cast<unsigned char>(*p++);
        switch (u) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default: {
            const char esc[6] = {'\\', 'u', '0', '0', hex[u >> 4], hex[u & 0xf]};
            out.append(esc, 6);
        }
        }
    }
    out += '"';
}

void appendKey(QByteArray &out, const char *key)
{
    const std::size_t n = std::strlen(key);
    char *d = grow(out, qsizetype(n) + 3);
    *d++ = '"';
    std::memcpy(d, key, n);
    d[n] = '"';
    d[n + 1] = ':';
}

void appendValue(QByteArray &out, const QJsonValue &v);

void appendObject(QByteArray &out, const QJsonObject &o)
{
    out += '{';
    bool first = true;
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!first)
            out += ',';
        first = false;
        appendString(out, it.key());
        out += ':';
        appendValue(out, it.value());
    }
    out += '}';
}

void appendValue(QByteArray &out, const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        out += "null";
        break;
    case QJsonValue::Bool:
        out += v.toBool() ? "true" : "false";
        break;
    case QJsonValue::Double: {
        const double d = v.toDouble();
        if (!std::isfinite(d))
            out += "null";
        else if (d == std::floor(d) && std::abs(d) < 1e15)
            out += QByteArray::number(qint64(d));
        else
            out += QByteArray::number(d, 'g', QLocale::FloatingPointShortest);
        break;
    }
    case QJsonValue::String:
        appendString(out, v.toString());
        break;
    case QJsonValue::Array: {
        out += '[';
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            if (i)
                out += ',';
            appendValue(out, a.at(i));
        }
        out += ']';
        break;
    }
    case QJsonValue::Object:
        appendObject(out, v.toObject());
        break;
    }
}

void appendField(QByteArray &out, const char *key, const QString &value)
{
    appendKey(out, key);
    appendString(out, value);
    out.append(",", 1);
}

void appendTimeField(QByteArray &out, const char *key, EpochSecs t)
{
    appendKey(out, key);
    out.append("\"", 1);
    appendTime(out, t);
    out.append("\",", 2);
}

} // namespace

void appendRecord(QByteArray &out, const ItemRecord &record)
{
    const WorkItem &it = record.item;
    out += '{';
    appendField(out, "id", it.id);
    appendField(out, "reference", it.reference);
    appendField(out, "kind", kindName(it.kind));
    appendField(out, "subtype", it.subtype);
    appendField(out, "partner", it.partner);
    appendField(out, "status", statusName(it.status));
    appendField(out, "priority", priorityName(it.priority));
    if (it.assignee.isEmpty()) {
        appendKey(out, "assignee");
        out += "null,";
    } else {
        appendField(out, "assignee", it.assignee);
    }
    appendTimeField(out, "received_at", it.received);
    appendTimeField(out, "updated_at", it.updated);
    appendTimeField(out, "due_at", it.due);
    if (it.leaseUntil > 0) {
        appendTimeField(out, "claimed_until", it.leaseUntil);
    } else {
        appendKey(out, "claimed_until");
        out += "null,";
    }
    appendKey(out, "version");
    out += QByteArray::number(it.version);
    out += ',';
    appendKey(out, "seq");
    out += QByteArray::number(record.seq);
    out += ',';
    appendKey(out, "fields");
    if (!record.fieldsJson.isEmpty())
        out += record.fieldsJson; // the store's compact JSON, as it is
    else
        appendObject(out, it.fields);
    out += ',';
    appendKey(out, "notes");
    out += '[';
    for (std::size_t i = 0; i < record.notes.size(); ++i) {
        const Note &n = record.notes[i];
        out += i ? ",{" : "{";
        appendTimeField(out, "at", n.at);
        appendField(out, "author", n.author);
        appendKey(out, "text");
        appendString(out, n.text);
        out += '}';
    }
    out += "],";
    appendKey(out, "events");
    out += '[';
    for (std::size_t i = 0; i < record.events.size(); ++i) {
        const Event &e = record.events[i];
        out += i ? ",{" : "{";
        appendTimeField(out, "at", e.at);
        appendField(out, "actor", e.actor);
        appendField(out, "type", e.type);
        appendField(out, "from", statusName(e.from));
        appendField(out, "to", statusName(e.to));
        appendKey(out, "detail");
        appendString(out, e.detail);
        out += '}';
    }
    out += "]}";
}

QByteArray serializePage(const ChangePage &page)
{
    QByteArray out;
    out.reserve(qsizetype(page.items.size()) * 1400 + 64);
    out += "{\"items\":[";
    for (std::size_t i = 0; i < page.items.size(); ++i) {
        if (i)
            out += ',';
        appendRecord(out, page.items[i]);
    }
    out += "],\"next_seq\":";
    out += QByteArray::number(page.nextSeq);
    out += ",\"more\":";
    out += page.more ? "true" : "false";
    if (page.remaining >= 0) {
        out += ",\"remaining\":";
        out += QByteArray::number(page.remaining);
    }
    out += '}';
    return out;
}

namespace {

std::optional<WorkItem> readItem(const Reader &r, QJsonObject &problems)
{
    WorkItem it;
    it.id = r.uuid(s("id"));
    it.reference = r.string(s("reference"));
    const QString kind = r.string(s("kind"));
    if (!kind.isNull()) {
        if (auto k = kindFromName(kind))
            it.kind = *k;
        else
            r.problem(s("kind"), s("must be hr_change, invoice or payroll_exception"));
    }
    it.subtype = r.string(s("subtype"));
    it.partner = r.string(s("partner"));
    const QString status = r.string(s("status"));
    if (!status.isNull()) {
        if (auto st = statusFromName(status))
            it.status = *st;
        else
            r.problem(s("status"), s("is not a status"));
    }
    const QString priority = r.string(s("priority"));
    if (!priority.isNull()) {
        if (auto p = priorityFromName(priority))
            it.priority = *p;
        else
            r.problem(s("priority"), s("must be low, normal, high or urgent"));
    }
    it.assignee = r.string(s("assignee"), false);
    it.received = r.time(s("received_at")).value_or(0);
    it.updated = r.time(s("updated_at")).value_or(0);
    it.due = r.time(s("due_at")).value_or(0);
    it.leaseUntil = r.time(s("claimed_until"), false).value_or(0);
    it.version = r.integer(s("version")).value_or(0);
    it.fields = r.object(s("fields")).value_or(QJsonObject{});
    if (!problems.isEmpty())
        return std::nullopt;
    return it;
}

} // namespace

std::optional<WorkItem> itemFromJson(const QJsonObject &json, Error *error)
{
    QJsonObject problems;
    auto item = readItem(Reader(json, {}, &problems), problems);
    if (!report(problems, error, code::InvalidRequest, s("The item")))
        return std::nullopt;
    return item;
}

std::optional<ItemRecord> recordFromJson(const QJsonObject &json, Error *error)
{
    QJsonObject problems;
    const Reader r(json, {}, &problems);
    ItemRecord record;
    if (auto item = readItem(r, problems))
        record.item = *item;
    record.seq = r.integer(s("seq")).value_or(0);
    const QJsonArray notes = r.array(s("notes"), false).value_or(QJsonArray{});
    for (qsizetype i = 0; i < notes.size(); ++i) {
        const Reader n(notes.at(i).toObject(), QStringLiteral("notes[%1].").arg(i), &problems);
        if (!notes.at(i).isObject()) {
            problems.insert(QStringLiteral("notes[%1]").arg(i), s("must be an object"));
            continue;
        }
        record.notes.push_back(Note{record.item.id, n.time(s("at")).value_or(0), n.string(s("author")), n.string(s("text"))});
    }
    const QJsonArray events = r.array(s("events"), false).value_or(QJsonArray{});
    for (qsizetype i = 0; i < events.size(); ++i) {
        const Reader e(events.at(i).toObject(), QStringLiteral("events[%1].").arg(i), &problems);
        if (!events.at(i).isObject()) {
            problems.insert(QStringLiteral("events[%1]").arg(i), s("must be an object"));
            continue;
        }
        Event ev{record.item.id, e.time(s("at")).value_or(0), e.string(s("actor")), e.string(s("type")),
                 Status::New, Status::New, e.string(s("detail"), false)};
        for (const char *key : {"from", "to"}) {
            const QString name = e.string(s(key));
            auto st = statusFromName(name);
            if (!name.isNull() && !st)
                e.problem(s(key), s("is not a status"));
            (qstrcmp(key, "from") == 0 ? ev.from : ev.to) = st.value_or(Status::New);
        }
        record.events.push_back(ev);
    }
    if (!report(problems, error, code::InvalidRequest, s("The item")))
        return std::nullopt;
    return record;
}

std::optional<ChangePage> pageFromJson(const QJsonObject &json, Error *error)
{
    QJsonObject problems;
    const Reader r(json, {}, &problems);
    ChangePage page;
    page.nextSeq = r.integer(s("next_seq")).value_or(0);
    page.more = r.boolean(s("more")).value_or(false);
    if (r.has(s("remaining")))
        page.remaining = r.integer(s("remaining")).value_or(-1);
    const QJsonArray items = r.array(s("items")).value_or(QJsonArray{});
    if (!report(problems, error, code::InvalidRequest, s("The page")))
        return std::nullopt;
    page.items.reserve(std::size_t(items.size()));
    for (qsizetype i = 0; i < items.size(); ++i) {
        Error e;
        auto record = recordFromJson(items.at(i).toObject(), &e);
        if (!record) {
            QJsonObject named;
            for (auto it = e.fields.begin(); it != e.fields.end(); ++it)
                named.insert(QStringLiteral("items[%1].").arg(i) + it.key(), it.value());
            report(named, error, code::InvalidRequest, s("The page"));
            return std::nullopt;
        }
        page.items.push_back(std::move(*record));
    }
    return page;
}

// ---- Commands

QJsonObject commandToJson(const Command &c)
{
    QJsonObject o{{s("id"), c.id},
                  {s("item_id"), c.itemId},
                  {s("type"), commandName(c.type)},
                  {s("base_version"), c.baseVersion},
                  {s("payload"), c.payload}};
    if (c.at)
        o.insert(s("at"), formatTime(c.at));
    return o;
}

namespace {

std::optional<Command> readCommand(const QJsonValue &json, const QString &prefix, QJsonObject &problems,
                                   bool *unknownType)
{
    if (!json.isObject()) {
        problems.insert(prefix.isEmpty() ? s("command") : prefix.chopped(1), s("must be an object"));
        return std::nullopt;
    }
    const Reader r(json.toObject(), prefix, &problems);
    const qsizetype before = problems.size();
    Command c;
    c.id = r.uuid(s("id"));
    c.itemId = r.uuid(s("item_id"));
    const QString type = r.string(s("type"));
    std::optional<CommandType> t;
    if (!type.isNull()) {
        t = commandFromName(type);
        if (t) {
            c.type = *t;
        } else {
            r.problem(s("type"), QStringLiteral("\"%1\" is not a command type (one of: %2)").arg(type.left(40), commandTypeList()));
            if (unknownType)
                *unknownType = true;
        }
    }
    c.baseVersion = r.integer(s("base_version")).value_or(0);
    c.at = r.time(s("at"), false).value_or(0);
    c.payload = r.object(s("payload"), false).value_or(QJsonObject{});
    if (t) {
        // Members of the payload have their types checked here; whether they are present and
        // sensible (a reason given, a known outcome) is the lifecycle's decision, which answers
        // with a reason a person can read.
        const auto keys = payloadKeys(*t);
        const Reader p(c.payload, prefix + s("payload."), &problems);
        for (auto it = c.payload.begin(); it != c.payload.end(); ++it) {
            auto k = std::find_if(keys.begin(), keys.end(), [&](const PayloadKey &pk) { return it.key() == QLatin1String(pk.key); });
            if (k == keys.end()) {
                p.problem(it.key(), keys.empty() ? QStringLiteral("is not expected: %1 takes no payload").arg(type)
                                                 : QStringLiteral("is not part of a %1 payload").arg(type));
            } else if (k->type == 's' && !it.value().isString() && !it.value().isNull()) {
                p.problem(it.key(), s("must be a string"));
            } else if (k->type == 'o' && !it.value().isObject() && !it.value().isNull()) {
                p.problem(it.key(), s("must be an object"));
            }
        }
    }
    if (problems.size() != before)
        return std::nullopt;
    return c;
}

} // namespace

std::optional<Command> commandFromJson(const QJsonValue &json, Error *error)
{
    QJsonObject problems;
    bool unknownType = false;
    auto c = readCommand(json, {}, problems, &unknownType);
    const QString code = unknownType && problems.size() == 1 ? code::UnknownCommandType : code::InvalidRequest;
    if (!report(problems, error, code, s("The command")))
        return std::nullopt;
    return c;
}

QJsonObject commandBatchToJson(const std::vector<Command> &commands)
{
    QJsonArray a;
    for (const Command &c : commands)
        a.append(commandToJson(c));
    return QJsonObject{{s("commands"), a}};
}

std::optional<std::vector<Command>> commandBatchFromJson(const QJsonObject &json, int maxCommands, Error *error)
{
    QJsonObject problems;
    const Reader r(json, {}, &problems);
    const auto array = r.array(s("commands"));
    for (auto it = json.begin(); it != json.end(); ++it)
        if (it.key() != QLatin1String("commands"))
            r.problem(it.key(), s("is not expected; send {\"commands\": [...]}"));
    if (!report(problems, error, code::InvalidRequest, s("The batch")))
        return std::nullopt;
    if (array->size() > maxCommands) {
        fail(error, code::TooManyCommands,
             QStringLiteral("The batch has %1 commands; send at most %2 in one request.").arg(array->size()).arg(maxCommands));
        return std::nullopt;
    }
    std::vector<Command> commands;
    commands.reserve(std::size_t(array->size()));
    bool unknownType = false, onlyUnknownTypes = true;
    for (qsizetype i = 0; i < array->size(); ++i) {
        bool unknown = false;
        const qsizetype before = problems.size();
        auto c = readCommand(array->at(i), QStringLiteral("commands[%1].").arg(i), problems, &unknown);
        unknownType = unknownType || unknown;
        if (problems.size() - before > (unknown ? 1 : 0))
            onlyUnknownTypes = false;
        if (c)
            commands.push_back(std::move(*c));
    }
    const QString code = unknownType && onlyUnknownTypes ? code::UnknownCommandType : code::InvalidRequest;
    if (!report(problems, error, code, s("The batch")))
        return std::nullopt;
    return commands;
}

// ---- Outcomes

QString outcomeName(CommandOutcome::Kind kind)
{
    switch (kind) {
    case CommandOutcome::Kind::Applied:
        return s("applied");
    case CommandOutcome::Kind::Rejected:
        return s("rejected");
    case CommandOutcome::Kind::Conflict:
        return s("conflict");
    }
    return {};
}

QJsonObject outcomeToJson(const CommandOutcome &o)
{
    QJsonObject j{{s("id"), o.commandId}, {s("outcome"), outcomeName(o.kind)}};
    if (o.kind == CommandOutcome::Kind::Applied) {
        j.insert(s("version"), o.version);
        j.insert(s("seq"), o.seq);
    } else {
        j.insert(s("code"), o.code);
        j.insert(s("reason"), o.reason);
        if (o.current)
            j.insert(s("item"), recordToJson(*o.current));
    }
    return j;
}

QJsonObject outcomesToJson(const std::vector<CommandOutcome> &outcomes)
{
    QJsonArray a;
    for (const CommandOutcome &o : outcomes)
        a.append(outcomeToJson(o));
    return QJsonObject{{s("results"), a}};
}

std::optional<CommandOutcome> outcomeFromJson(const QJsonObject &json, Error *error)
{
    QJsonObject problems;
    const Reader r(json, {}, &problems);
    CommandOutcome o;
    o.commandId = r.string(s("id"));
    const QString kind = r.string(s("outcome"));
    if (kind == QLatin1String("applied")) {
        o.kind = CommandOutcome::Kind::Applied;
        o.version = r.integer(s("version")).value_or(0);
        o.seq = r.integer(s("seq")).value_or(0);
    } else if (kind == QLatin1String("rejected") || kind == QLatin1String("conflict")) {
        o.kind = kind == QLatin1String("rejected") ? CommandOutcome::Kind::Rejected : CommandOutcome::Kind::Conflict;
        o.code = r.string(s("code"));
        o.reason = r.string(s("reason"));
        if (auto item = r.object(s("item"), o.kind == CommandOutcome::Kind::Conflict)) {
            Error e;
            if (auto rec = recordFromJson(*item, &e))
                o.current = std::move(*rec);
            else
                r.problem(s("item"), e.message);
        }
    } else if (!kind.isNull()) {
        r.problem(s("outcome"), s("must be applied, rejected or conflict"));
    }
    if (!report(problems, error, code::InvalidRequest, s("The result")))
        return std::nullopt;
    return o;
}

std::optional<std::vector<CommandOutcome>> outcomesFromJson(const QJsonObject &json, Error *error)
{
    QJsonObject problems;
    const Reader r(json, {}, &problems);
    const auto results = r.array(s("results"));
    if (!report(problems, error, code::InvalidRequest, s("The results")))
        return std::nullopt;
    std::vector<CommandOutcome> out;
    for (const QJsonValue &v : *results) {
        auto o = outcomeFromJson(v.toObject(), error);
        if (!o)
            return std::nullopt;
        out.push_back(std::move(*o));
    }
    return out;
}

// ---- Sessions

std::optional<Credentials> credentialsFromJson(const QJsonObject &json, Error *error)
{
    QJsonObject problems;
    const Reader r(json, {}, &problems);
    Credentials c{r.string(s("username")), r.string(s("password"))};
    if (!report(problems, error, code::InvalidRequest, s("The sign-in request")))
        return std::nullopt;
    return c;
}

QJsonObject userToJson(const User &user)
{
    return QJsonObject{{s("username"), user.username},
                       {s("display_name"), user.displayName},
                       {s("role"), roleName(user.role)},
                       {s("partners"), QJsonArray::fromStringList(user.partners)}};
}

QJsonObject sessionToJson(const Session &session)
{
    return QJsonObject{{s("token"), session.token},
                       {s("expires_at"), formatTime(session.expires)},
                       {s("user"), userToJson(session.user)}};
}

std::optional<User> userFromJson(const QJsonObject &json, Error *error)
{
    QJsonObject problems;
    const Reader r(json, {}, &problems);
    User u{r.string(s("username")), r.string(s("display_name")), Role::Caseworker, {}};
    const QString role = r.string(s("role"));
    if (const auto parsed = roleFromName(role))
        u.role = *parsed;
    else if (!role.isNull())
        r.problem(s("role"), s("must be a role, like caseworker or team_leader"));
    if (const auto partners = r.array(s("partners"))) {
        for (const QJsonValue &p : *partners) {
            if (!p.isString()) {
                r.problem(s("partners"), s("must be a list of partner codes"));
                break;
            }
            u.partners.append(p.toString());
        }
    }
    if (!report(problems, error, code::InvalidRequest, s("The user")))
        return std::nullopt;
    return u;
}

std::optional<Session> sessionFromJson(const QJsonObject &json, Error *error)
{
    QJsonObject problems;
    const Reader r(json, {}, &problems);
    Session session;
    session.token = r.string(s("token"));
    session.expires = r.time(s("expires_at")).value_or(0);
    const auto user = r.object(s("user"));
    if (!report(problems, error, code::InvalidRequest, s("The session")))
        return std::nullopt;
    auto u = userFromJson(*user, error);
    if (!u)
        return std::nullopt;
    session.user = std::move(*u);
    return session;
}

// ---- Intake

std::optional<Intake> intakeFromJson(const QJsonObject &json, EpochSecs now, Error *error)
{
    QJsonObject problems;
    const Reader r(json, {}, &problems);
    Intake in;
    const QString kind = r.string(s("kind"));
    std::optional<Kind> k;
    if (!kind.isNull()) {
        k = kindFromName(kind);
        if (!k)
            r.problem(s("kind"), s("must be hr_change, invoice or payroll_exception"));
    }
    in.subtype = r.string(s("subtype"));
    if (k) {
        in.kind = *k;
        if (!in.subtype.isNull() && !isSubtype(*k, in.subtype))
            r.problem(s("subtype"), QStringLiteral("is not a subtype of %1 (one of: %2)").arg(kind, listOf(subtypes(*k))));
    }
    in.partner = r.string(s("partner"));
    if (!in.partner.isNull() && !isPartnerCode(in.partner))
        r.problem(s("partner"), QStringLiteral("is not a partner code (one of: %1)").arg(partnerCodes().join(QStringLiteral(", "))));
    in.received = r.has(s("received_at")) ? r.time(s("received_at")).value_or(0) : now;
    in.fields = r.object(s("fields")).value_or(QJsonObject{});
    static const char *const envelope[] = {"kind", "subtype", "partner", "received_at", "fields"};
    for (auto it = json.begin(); it != json.end(); ++it)
        if (std::none_of(std::begin(envelope), std::end(envelope), [&](const char *e) { return it.key() == QLatin1String(e); }))
            r.problem(it.key(), s("is not expected; the kind's own fields go in \"fields\""));

    // The kind's own fields, once the kind and subtype are known.
    if (k && isSubtype(*k, in.subtype) && r.has(s("fields")) && json.value(s("fields")).isObject()) {
        const auto specs = fieldSpecs(*k, in.subtype);
        for (const FieldSpec &spec : specs) {
            const QString problem = validateField(spec, in.fields.value(QLatin1String(spec.key)));
            if (!problem.isEmpty())
                problems.insert(s("fields.") + QLatin1String(spec.key), problem);
        }
        for (auto it = in.fields.begin(); it != in.fields.end(); ++it)
            if (std::none_of(specs.begin(), specs.end(), [&](const FieldSpec &sp) { return it.key() == QLatin1String(sp.key); }))
                problems.insert(s("fields.") + it.key(), QStringLiteral("is not a field of %1 %2").arg(kind, in.subtype));
    }
    if (!report(problems, error, code::InvalidFields, s("The item")))
        return std::nullopt;
    return in;
}

QJsonObject intakeToJson(const Intake &intake)
{
    return QJsonObject{{s("kind"), kindName(intake.kind)},
                       {s("subtype"), intake.subtype},
                       {s("partner"), intake.partner},
                       {s("received_at"), formatTime(intake.received)},
                       {s("fields"), intake.fields}};
}

QJsonObject pokeJson(qint64 seq) { return QJsonObject{{s("type"), s("poke")}, {s("seq"), seq}}; }

} // namespace ibc::sync::wire
