#include "protocol/Wire.h"

#include "domain/Fields.h"
#include "domain/Partner.h"

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
using namespace Qt::StringLiterals;

namespace {

// Reads the members of one JSON object, noting each missing or mistyped one under its full
// name ("commands[2].base_version"). The caller decides what a missing optional member means.
class Reader {
public:
    Reader(const QJsonObject &object, QString prefix, QJsonObject *problems)
        : m_object(object)
        , m_prefix(std::move(prefix))
        , m_problems(problems)
    {
    }

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
                problem(key, u"is required"_s);
            return {};
        }
        if (!v.isString()) {
            problem(key, u"must be a string"_s);
            return {};
        }
        return v.toString();
    }

    QString uuid(const QString &key) const
    {
        const QString text = string(key);
        if (!text.isNull() && !isUuid(text))
            problem(key, u"must be a UUID, like 3f2b8c1e-5d4a-4b7e-9c1d-0a1b2c3d4e5f"_s);
        return text;
    }

    std::optional<qint64> integer(const QString &key, bool required = true, qint64 min = 0) const
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                problem(key, u"is required"_s);
            return std::nullopt;
        }
        const double d = v.toDouble();
        if (!v.isDouble() || d != std::floor(d) || std::abs(d) > 9007199254740992.0) {
            problem(key, u"must be a whole number"_s);
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
            problem(key, v.isUndefined() || v.isNull() ? u"is required"_s : u"must be true or false"_s);
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
            problem(key, u"must be an RFC 3339 time with a UTC offset, like 2026-03-02T09:30:00+00:00"_s);
        return t;
    }

    std::optional<QJsonObject> object(const QString &key, bool required = true) const
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                problem(key, u"is required"_s);
            return std::nullopt;
        }
        if (!v.isObject()) {
            problem(key, u"must be an object"_s);
            return std::nullopt;
        }
        return v.toObject();
    }

    std::optional<QJsonArray> array(const QString &key, bool required = true) const
    {
        const QJsonValue v = m_object.value(key);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                problem(key, u"is required"_s);
            return std::nullopt;
        }
        if (!v.isArray()) {
            problem(key, u"must be an array"_s);
            return std::nullopt;
        }
        return v.toArray();
    }

    static bool isUuid(const QString &text) { return text.size() == 36 && !QUuid::fromString(text).isNull(); }

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
                                    .arg(problems.size() == 1 ? QString() : u"s"_s)
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

// The payload members each command type reads, with their JSON types ('s' string, 'o' object,
// 'a' array of strings).
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
    case CommandType::ReturnCheck: return {{"reason", 's'}};
    case CommandType::Resolve: return {{"outcome", 's'}, {"note", 's'}};
    case CommandType::AddNote: return {{"text", 's'}};
    case CommandType::Reassign: return {{"assignee", 's'}};
    case CommandType::EditFields: return {{"fields", 'o'}};
    case CommandType::MarkSensitive: return {{"reason", 's'}, {"named", 'a'}};
    case CommandType::Claim:
    case CommandType::Release:
    case CommandType::Start:
    case CommandType::Resume:
    case CommandType::Approve:
    case CommandType::PassCheck: return {};
    }
    return {};
}

} // namespace

QJsonObject Error::toJson() const
{
    QJsonObject o{{u"error"_s, code}, {u"message"_s, message}};
    if (!fields.isEmpty())
        o.insert(u"fields"_s, fields);
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
        const int n = std::snprintf(buf, sizeof buf, "%04lld-%02d-%02dT%02d:%02d:%02d+00:00", qlonglong(year), month,
                                    day, int(secs / 3600), int(secs / 60 % 60), int(secs % 60));
        out.append(buf, n);
        return;
    }
    const int h = int(secs / 3600), mi = int(secs / 60 % 60), se = int(secs % 60);
    const int y = int(year);
    // The text's 25 characters, laid out as the time reads.
    // clang-format off
    const char text[25] = {char('0' + y / 1000),     char('0' + y / 100 % 10), char('0' + y / 10 % 10), char('0' + y % 10), '-',
                           char('0' + month / 10),   char('0' + month % 10),   '-',
                           char('0' + day / 10),     char('0' + day % 10),     'T',
                           char('0' + h / 10),       char('0' + h % 10),       ':',
                           char('0' + mi / 10),      char('0' + mi % 10),      ':',
                           char('0' + se / 10),      char('0' + se % 10),      '+', '0', '0', ':', '0', '0'};
    // clang-format on
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
        fail(error, code::InvalidUtf8, u"The body is not valid UTF-8; send JSON encoded in UTF-8."_s);
        return std::nullopt;
    }
    if (pe.error != QJsonParseError::NoError) {
        fail(error, code::MalformedJson,
             body.trimmed().isEmpty()
                 ? u"The body is empty; send a JSON object."_s
                 : QStringLiteral("The body is not valid JSON: %1 at byte %2.").arg(pe.errorString()).arg(pe.offset));
        return std::nullopt;
    }
    if (!doc.isObject()) {
        fail(error, code::MalformedJson, u"The body must be a JSON object, {…}."_s);
        return std::nullopt;
    }
    return doc.object();
}

QByteArray serialize(const QJsonObject &object) { return QJsonDocument(object).toJson(QJsonDocument::Compact); }

// ---- Items

QJsonObject itemToJson(const WorkItem &item)
{
    QJsonObject o{
        {u"id"_s, item.id},
        {u"reference"_s, item.reference},
        {u"kind"_s, kindName(item.kind)},
        {u"subtype"_s, item.subtype},
        {u"partner"_s, item.partner},
        {u"status"_s, statusName(item.status)},
        {u"priority"_s, priorityName(item.priority)},
        {u"assignee"_s, item.assignee.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(item.assignee)},
        {u"received_at"_s, formatTime(item.received)},
        {u"updated_at"_s, formatTime(item.updated)},
        {u"due_at"_s, formatTime(item.due)},
        {u"claimed_until"_s,
         item.leaseUntil > 0 ? QJsonValue(formatTime(item.leaseUntil)) : QJsonValue(QJsonValue::Null)},
        {u"version"_s, item.version},
        {u"fields"_s, item.fields},
    };
    if (!item.sensitive.isEmpty()) {
        o.insert(u"sensitive"_s, item.sensitive);
        o.insert(u"named"_s, QJsonArray::fromStringList(item.named));
    }
    return o;
}

QJsonObject noteToJson(const Note &note)
{
    return QJsonObject{{u"at"_s, formatTime(note.at)}, {u"author"_s, note.author}, {u"text"_s, note.text}};
}

QJsonObject eventToJson(const Event &event)
{
    return QJsonObject{{u"at"_s, formatTime(event.at)}, {u"actor"_s, event.actor},
                       {u"type"_s, event.type},         {u"from"_s, statusName(event.from)},
                       {u"to"_s, statusName(event.to)}, {u"detail"_s, event.detail}};
}

QJsonObject recordToJson(const ItemRecord &record)
{
    QJsonObject o = itemToJson(record.item);
    if (!record.fieldsJson.isEmpty())
        o.insert(u"fields"_s, QJsonDocument::fromJson(record.fieldsJson).object());
    o.insert(u"seq"_s, record.seq);
    QJsonArray notes, events;
    for (const Note &n : record.notes)
        notes.append(noteToJson(n));
    for (const Event &e : record.events)
        events.append(eventToJson(e));
    o.insert(u"notes"_s, notes);
    o.insert(u"events"_s, events);
    return o;
}

QJsonObject pageToJson(const ChangePage &page)
{
    QJsonArray items;
    for (const ItemRecord &r : page.items)
        items.append(recordToJson(r));
    QJsonObject o{{u"items"_s, items}, {u"next_seq"_s, page.nextSeq}, {u"more"_s, page.more}};
    if (page.remaining >= 0)
        o.insert(u"remaining"_s, page.remaining);
    if (!page.forget.empty())
        o.insert(u"forget"_s, QJsonArray::fromStringList(QStringList(page.forget.begin(), page.forget.end())));
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
    case QJsonValue::Undefined: out += "null"; break;
    case QJsonValue::Bool: out += v.toBool() ? "true" : "false"; break;
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
    case QJsonValue::String: appendString(out, v.toString()); break;
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
    case QJsonValue::Object: appendObject(out, v.toObject()); break;
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
    if (!it.sensitive.isEmpty()) {
        appendField(out, "sensitive", it.sensitive);
        appendKey(out, "named");
        out += '[';
        for (qsizetype i = 0; i < it.named.size(); ++i) {
            if (i)
                out += ',';
            appendString(out, it.named[i]);
        }
        out += "],";
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

void appendForget(QByteArray &out, const std::vector<QString> &ids)
{
    if (ids.empty())
        return;
    out += ",\"forget\":[";
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (i)
            out += ',';
        appendString(out, ids[i]);
    }
    out += ']';
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
    appendForget(out, page.forget);
    out += '}';
    return out;
}

namespace {

std::optional<WorkItem> readItem(const Reader &r, QJsonObject &problems)
{
    WorkItem it;
    it.id = r.uuid(u"id"_s);
    it.reference = r.string(u"reference"_s);
    const QString kind = r.string(u"kind"_s);
    if (!kind.isNull()) {
        if (auto k = kindFromName(kind))
            it.kind = *k;
        else
            r.problem(u"kind"_s, u"must be hr_change, invoice or payroll_exception"_s);
    }
    it.subtype = r.string(u"subtype"_s);
    it.partner = r.string(u"partner"_s);
    const QString status = r.string(u"status"_s);
    if (!status.isNull()) {
        if (auto st = statusFromName(status))
            it.status = *st;
        else
            r.problem(u"status"_s, u"is not a status"_s);
    }
    const QString priority = r.string(u"priority"_s);
    if (!priority.isNull()) {
        if (auto p = priorityFromName(priority))
            it.priority = *p;
        else
            r.problem(u"priority"_s, u"must be low, normal, high or urgent"_s);
    }
    it.assignee = r.string(u"assignee"_s, false);
    it.received = r.time(u"received_at"_s).value_or(0);
    it.updated = r.time(u"updated_at"_s).value_or(0);
    it.due = r.time(u"due_at"_s).value_or(0);
    it.leaseUntil = r.time(u"claimed_until"_s, false).value_or(0);
    it.version = r.integer(u"version"_s).value_or(0);
    it.fields = r.object(u"fields"_s).value_or(QJsonObject{});
    it.sensitive = r.string(u"sensitive"_s, false);
    for (const QJsonValue &v : r.array(u"named"_s, false).value_or(QJsonArray{}))
        if (v.isString())
            it.named << v.toString();
    if (!problems.isEmpty())
        return std::nullopt;
    return it;
}

} // namespace

std::optional<WorkItem> itemFromJson(const QJsonObject &json, Error *error)
{
    QJsonObject problems;
    auto item = readItem(Reader(json, {}, &problems), problems);
    if (!report(problems, error, code::InvalidRequest, u"The item"_s))
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
    record.seq = r.integer(u"seq"_s).value_or(0);
    const QJsonArray notes = r.array(u"notes"_s, false).value_or(QJsonArray{});
    for (qsizetype i = 0; i < notes.size(); ++i) {
        const Reader n(notes.at(i).toObject(), QStringLiteral("notes[%1].").arg(i), &problems);
        if (!notes.at(i).isObject()) {
            problems.insert(QStringLiteral("notes[%1]").arg(i), u"must be an object"_s);
            continue;
        }
        record.notes.push_back(
            Note{record.item.id, n.time(u"at"_s).value_or(0), n.string(u"author"_s), n.string(u"text"_s)});
    }
    const QJsonArray events = r.array(u"events"_s, false).value_or(QJsonArray{});
    for (qsizetype i = 0; i < events.size(); ++i) {
        const Reader e(events.at(i).toObject(), QStringLiteral("events[%1].").arg(i), &problems);
        if (!events.at(i).isObject()) {
            problems.insert(QStringLiteral("events[%1]").arg(i), u"must be an object"_s);
            continue;
        }
        Event ev{record.item.id, e.time(u"at"_s).value_or(0), e.string(u"actor"_s), e.string(u"type"_s), Status::New,
                 Status::New,    e.string(u"detail"_s, false)};
        for (const char *key : {"from", "to"}) {
            const QString name = e.string(QString::fromUtf8(key));
            auto st = statusFromName(name);
            if (!name.isNull() && !st)
                e.problem(QString::fromUtf8(key), u"is not a status"_s);
            (qstrcmp(key, "from") == 0 ? ev.from : ev.to) = st.value_or(Status::New);
        }
        record.events.push_back(ev);
    }
    if (!report(problems, error, code::InvalidRequest, u"The item"_s))
        return std::nullopt;
    return record;
}

std::optional<ChangePage> pageFromJson(const QJsonObject &json, Error *error)
{
    QJsonObject problems;
    const Reader r(json, {}, &problems);
    ChangePage page;
    page.nextSeq = r.integer(u"next_seq"_s).value_or(0);
    page.more = r.boolean(u"more"_s).value_or(false);
    if (r.has(u"remaining"_s))
        page.remaining = r.integer(u"remaining"_s).value_or(-1);
    const QJsonArray items = r.array(u"items"_s).value_or(QJsonArray{});
    for (const QJsonValue &id : r.array(u"forget"_s, false).value_or(QJsonArray{}))
        page.forget.push_back(id.toString());
    if (!report(problems, error, code::InvalidRequest, u"The page"_s))
        return std::nullopt;
    page.items.reserve(std::size_t(items.size()));
    for (qsizetype i = 0; i < items.size(); ++i) {
        Error e;
        auto record = recordFromJson(items.at(i).toObject(), &e);
        if (!record) {
            QJsonObject named;
            for (auto it = e.fields.begin(); it != e.fields.end(); ++it)
                named.insert(QStringLiteral("items[%1].").arg(i) + it.key(), it.value());
            report(named, error, code::InvalidRequest, u"The page"_s);
            return std::nullopt;
        }
        page.items.push_back(std::move(*record));
    }
    return page;
}

// ---- Commands

QJsonObject commandToJson(const Command &c)
{
    QJsonObject o{{u"id"_s, c.id},
                  {u"item_id"_s, c.itemId},
                  {u"type"_s, commandName(c.type)},
                  {u"base_version"_s, c.baseVersion},
                  {u"payload"_s, c.payload}};
    if (c.at)
        o.insert(u"at"_s, formatTime(c.at));
    return o;
}

namespace {

std::optional<Command> readCommand(const QJsonValue &json, const QString &prefix, QJsonObject &problems,
                                   bool *unknownType)
{
    if (!json.isObject()) {
        problems.insert(prefix.isEmpty() ? u"command"_s : prefix.chopped(1), u"must be an object"_s);
        return std::nullopt;
    }
    const Reader r(json.toObject(), prefix, &problems);
    const qsizetype before = problems.size();
    Command c;
    c.id = r.uuid(u"id"_s);
    c.itemId = r.uuid(u"item_id"_s);
    const QString type = r.string(u"type"_s);
    std::optional<CommandType> t;
    if (!type.isNull()) {
        t = commandFromName(type);
        if (t) {
            c.type = *t;
        } else {
            r.problem(
                u"type"_s,
                QStringLiteral("\"%1\" is not a command type (one of: %2)").arg(type.left(40), commandTypeList()));
            if (unknownType)
                *unknownType = true;
        }
    }
    c.baseVersion = r.integer(u"base_version"_s).value_or(0);
    c.at = r.time(u"at"_s, false).value_or(0);
    c.payload = r.object(u"payload"_s, false).value_or(QJsonObject{});
    if (t) {
        // Members of the payload have their types checked here; whether they are present and
        // sensible (a reason given, a known outcome) is the lifecycle's decision, which answers
        // with a reason a person can read.
        const auto keys = payloadKeys(*t);
        const Reader p(c.payload, prefix + u"payload."_s, &problems);
        for (auto it = c.payload.begin(); it != c.payload.end(); ++it) {
            auto k = std::find_if(keys.begin(), keys.end(),
                                  [&](const PayloadKey &pk) { return it.key() == QLatin1String(pk.key); });
            if (k == keys.end()) {
                p.problem(it.key(), keys.empty() ? QStringLiteral("is not expected: %1 takes no payload").arg(type)
                                                 : QStringLiteral("is not part of a %1 payload").arg(type));
            } else if (k->type == 's' && !it.value().isString() && !it.value().isNull()) {
                p.problem(it.key(), u"must be a string"_s);
            } else if (k->type == 'o' && !it.value().isObject() && !it.value().isNull()) {
                p.problem(it.key(), u"must be an object"_s);
            } else if (k->type == 'a' && !it.value().isNull() &&
                       (!it.value().isArray() || std::any_of(it.value().toArray().begin(), it.value().toArray().end(),
                                                             [](const QJsonValue &v) { return !v.isString(); }))) {
                p.problem(it.key(), u"must be a list of usernames"_s);
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
    if (!report(problems, error, code, u"The command"_s))
        return std::nullopt;
    return c;
}

QJsonObject commandBatchToJson(const std::vector<Command> &commands)
{
    QJsonArray a;
    for (const Command &c : commands)
        a.append(commandToJson(c));
    return QJsonObject{{u"commands"_s, a}};
}

std::optional<std::vector<Command>> commandBatchFromJson(const QJsonObject &json, int maxCommands, Error *error)
{
    QJsonObject problems;
    const Reader r(json, {}, &problems);
    const auto array = r.array(u"commands"_s);
    for (auto it = json.begin(); it != json.end(); ++it)
        if (it.key() != QLatin1String("commands"))
            r.problem(it.key(), u"is not expected; send {\"commands\": [...]}"_s);
    if (!report(problems, error, code::InvalidRequest, u"The batch"_s))
        return std::nullopt;
    if (array->size() > maxCommands) {
        fail(error, code::TooManyCommands,
             QStringLiteral("The batch has %1 commands; send at most %2 in one request.")
                 .arg(array->size())
                 .arg(maxCommands));
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
    if (!report(problems, error, code, u"The batch"_s))
        return std::nullopt;
    return commands;
}

// ---- Outcomes

QString outcomeName(CommandOutcome::Kind kind)
{
    switch (kind) {
    case CommandOutcome::Kind::Applied: return u"applied"_s;
    case CommandOutcome::Kind::Rejected: return u"rejected"_s;
    case CommandOutcome::Kind::Conflict: return u"conflict"_s;
    }
    return {};
}

QJsonObject outcomeToJson(const CommandOutcome &o)
{
    QJsonObject j{{u"id"_s, o.commandId}, {u"outcome"_s, outcomeName(o.kind)}};
    if (o.kind == CommandOutcome::Kind::Applied) {
        j.insert(u"version"_s, o.version);
        j.insert(u"seq"_s, o.seq);
    } else {
        j.insert(u"code"_s, o.code);
        j.insert(u"reason"_s, o.reason);
        if (o.current)
            j.insert(u"item"_s, recordToJson(*o.current));
    }
    return j;
}

QJsonObject outcomesToJson(const std::vector<CommandOutcome> &outcomes)
{
    QJsonArray a;
    for (const CommandOutcome &o : outcomes)
        a.append(outcomeToJson(o));
    return QJsonObject{{u"results"_s, a}};
}

std::optional<CommandOutcome> outcomeFromJson(const QJsonObject &json, Error *error)
{
    QJsonObject problems;
    const Reader r(json, {}, &problems);
    CommandOutcome o;
    o.commandId = r.string(u"id"_s);
    const QString kind = r.string(u"outcome"_s);
    if (kind == QLatin1String("applied")) {
        o.kind = CommandOutcome::Kind::Applied;
        o.version = r.integer(u"version"_s).value_or(0);
        o.seq = r.integer(u"seq"_s).value_or(0);
    } else if (kind == QLatin1String("rejected") || kind == QLatin1String("conflict")) {
        o.kind = kind == QLatin1String("rejected") ? CommandOutcome::Kind::Rejected : CommandOutcome::Kind::Conflict;
        o.code = r.string(u"code"_s);
        o.reason = r.string(u"reason"_s);
        if (auto item = r.object(u"item"_s, o.kind == CommandOutcome::Kind::Conflict)) {
            Error e;
            if (auto rec = recordFromJson(*item, &e))
                o.current = std::move(*rec);
            else
                r.problem(u"item"_s, e.message);
        }
    } else if (!kind.isNull()) {
        r.problem(u"outcome"_s, u"must be applied, rejected or conflict"_s);
    }
    if (!report(problems, error, code::InvalidRequest, u"The result"_s))
        return std::nullopt;
    return o;
}

std::optional<std::vector<CommandOutcome>> outcomesFromJson(const QJsonObject &json, Error *error)
{
    QJsonObject problems;
    const Reader r(json, {}, &problems);
    const auto results = r.array(u"results"_s);
    if (!report(problems, error, code::InvalidRequest, u"The results"_s))
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
    Credentials c{r.string(u"username"_s), r.string(u"password"_s)};
    if (!report(problems, error, code::InvalidRequest, u"The sign-in request"_s))
        return std::nullopt;
    return c;
}

QJsonObject userToJson(const User &user)
{
    return QJsonObject{{u"username"_s, user.username},
                       {u"display_name"_s, user.displayName},
                       {u"role"_s, roleName(user.role)},
                       {u"partners"_s, QJsonArray::fromStringList(user.partners)},
                       {u"checker"_s, user.checker}};
}

QJsonObject sessionToJson(const Session &session)
{
    return QJsonObject{{u"token"_s, session.token},
                       {u"expires_at"_s, formatTime(session.expires)},
                       {u"user"_s, userToJson(session.user)}};
}

std::optional<User> userFromJson(const QJsonObject &json, Error *error)
{
    QJsonObject problems;
    const Reader r(json, {}, &problems);
    User u{r.string(u"username"_s), r.string(u"display_name"_s), Role::Caseworker, {}};
    const QString role = r.string(u"role"_s);
    if (const auto parsed = roleFromName(role))
        u.role = *parsed;
    else if (!role.isNull())
        r.problem(u"role"_s, u"must be a role, like caseworker or team_leader"_s);
    if (const auto partners = r.array(u"partners"_s)) {
        for (const QJsonValue &p : *partners) {
            if (!p.isString()) {
                r.problem(u"partners"_s, u"must be a list of partner codes"_s);
                break;
            }
            u.partners.append(p.toString());
        }
    }
    if (const QJsonValue checker = json.value(u"checker"_s); checker.isBool())
        u.checker = checker.toBool();
    else if (!checker.isUndefined())
        r.problem(u"checker"_s, u"must be true or false"_s);
    if (!report(problems, error, code::InvalidRequest, u"The user"_s))
        return std::nullopt;
    return u;
}

std::optional<Session> sessionFromJson(const QJsonObject &json, Error *error)
{
    QJsonObject problems;
    const Reader r(json, {}, &problems);
    Session session;
    session.token = r.string(u"token"_s);
    session.expires = r.time(u"expires_at"_s).value_or(0);
    const auto user = r.object(u"user"_s);
    if (!report(problems, error, code::InvalidRequest, u"The session"_s))
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
    const QString kind = r.string(u"kind"_s);
    std::optional<Kind> k;
    if (!kind.isNull()) {
        k = kindFromName(kind);
        if (!k)
            r.problem(u"kind"_s, u"must be hr_change, invoice or payroll_exception"_s);
    }
    in.subtype = r.string(u"subtype"_s);
    if (k) {
        in.kind = *k;
        if (!in.subtype.isNull() && !isSubtype(*k, in.subtype))
            r.problem(u"subtype"_s,
                      QStringLiteral("is not a subtype of %1 (one of: %2)").arg(kind, listOf(subtypes(*k))));
    }
    in.partner = r.string(u"partner"_s);
    if (!in.partner.isNull() && !isPartnerCode(in.partner))
        r.problem(u"partner"_s,
                  QStringLiteral("is not a partner code (one of: %1)").arg(partnerCodes().join(QStringLiteral(", "))));
    in.received = r.has(u"received_at"_s) ? r.time(u"received_at"_s).value_or(0) : now;
    in.fields = r.object(u"fields"_s).value_or(QJsonObject{});
    static const char *const envelope[] = {"kind", "subtype", "partner", "received_at", "fields"};
    for (auto it = json.begin(); it != json.end(); ++it)
        if (std::none_of(std::begin(envelope), std::end(envelope),
                         [&](const char *e) { return it.key() == QLatin1String(e); }))
            r.problem(it.key(), u"is not expected; the kind's own fields go in \"fields\""_s);

    // The kind's own fields, once the kind and subtype are known.
    if (k && isSubtype(*k, in.subtype) && r.has(u"fields"_s) && json.value(u"fields"_s).isObject())
        for (const auto &[field, problem] : fieldProblems(*k, in.subtype, in.fields))
            problems.insert(field, problem);
    if (!report(problems, error, code::InvalidFields, u"The item"_s))
        return std::nullopt;
    return in;
}

QJsonObject intakeToJson(const Intake &intake)
{
    return QJsonObject{{u"kind"_s, kindName(intake.kind)},
                       {u"subtype"_s, intake.subtype},
                       {u"partner"_s, intake.partner},
                       {u"received_at"_s, formatTime(intake.received)},
                       {u"fields"_s, intake.fields}};
}

QJsonObject pokeJson(qint64 seq) { return QJsonObject{{u"type"_s, u"poke"_s}, {u"seq"_s, seq}}; }

} // namespace ibc::sync::wire
