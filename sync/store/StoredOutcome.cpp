#include "store/StoredOutcome.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace ibc::sync::stored {

using namespace models;
using namespace Qt::StringLiterals;

namespace {

QJsonObject itemToJson(const WorkItem &it)
{
    return QJsonObject{{u"id"_s, it.id},
                       {u"reference"_s, it.reference},
                       {u"kind"_s, int(it.kind)},
                       {u"subtype"_s, it.subtype},
                       {u"partner"_s, it.partner},
                       {u"status"_s, int(it.status)},
                       {u"priority"_s, int(it.priority)},
                       {u"assignee"_s, it.assignee},
                       {u"received"_s, it.received},
                       {u"updated"_s, it.updated},
                       {u"due"_s, it.due},
                       {u"version"_s, it.version},
                       {u"fields"_s, it.fields}};
}

WorkItem itemFromJson(const QJsonObject &o)
{
    WorkItem it;
    it.id = o.value(u"id"_s).toString();
    it.reference = o.value(u"reference"_s).toString();
    it.kind = Kind(o.value(u"kind"_s).toInt());
    it.subtype = o.value(u"subtype"_s).toString();
    it.partner = o.value(u"partner"_s).toString();
    it.status = Status(o.value(u"status"_s).toInt());
    it.priority = Priority(o.value(u"priority"_s).toInt());
    it.assignee = o.value(u"assignee"_s).toString();
    it.received = o.value(u"received"_s).toInteger();
    it.updated = o.value(u"updated"_s).toInteger();
    it.due = o.value(u"due"_s).toInteger();
    it.version = o.value(u"version"_s).toInteger();
    it.fields = o.value(u"fields"_s).toObject();
    return it;
}

QJsonObject recordToJson(const ItemRecord &r)
{
    QJsonArray notes, events;
    for (const Note &n : r.notes)
        notes.append(QJsonObject{{u"at"_s, n.at}, {u"author"_s, n.author}, {u"text"_s, n.text}});
    for (const Event &e : r.events)
        events.append(QJsonObject{{u"at"_s, e.at},
                                  {u"actor"_s, e.actor},
                                  {u"type"_s, e.type},
                                  {u"from"_s, int(e.from)},
                                  {u"to"_s, int(e.to)},
                                  {u"detail"_s, e.detail}});
    return QJsonObject{{u"item"_s, itemToJson(r.item)}, {u"seq"_s, r.seq}, {u"notes"_s, notes}, {u"events"_s, events}};
}

ItemRecord recordFromJson(const QJsonObject &o)
{
    ItemRecord r;
    r.item = itemFromJson(o.value(u"item"_s).toObject());
    r.seq = o.value(u"seq"_s).toInteger();
    for (const QJsonValue &v : o.value(u"notes"_s).toArray()) {
        const QJsonObject n = v.toObject();
        r.notes.push_back(Note{r.item.id, n.value(u"at"_s).toInteger(), n.value(u"author"_s).toString(),
                               n.value(u"text"_s).toString()});
    }
    for (const QJsonValue &v : o.value(u"events"_s).toArray()) {
        const QJsonObject e = v.toObject();
        r.events.push_back(Event{r.item.id, e.value(u"at"_s).toInteger(), e.value(u"actor"_s).toString(),
                                 e.value(u"type"_s).toString(), Status(e.value(u"from"_s).toInt()),
                                 Status(e.value(u"to"_s).toInt()), e.value(u"detail"_s).toString()});
    }
    return r;
}

} // namespace

QByteArray outcomeToJson(const CommandOutcome &o)
{
    QJsonObject json{{u"id"_s, o.commandId}, {u"kind"_s, int(o.kind)}, {u"version"_s, o.version},
                     {u"seq"_s, o.seq},      {u"code"_s, o.code},      {u"reason"_s, o.reason}};
    if (o.current)
        json.insert(u"current"_s, recordToJson(*o.current));
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

CommandOutcome outcomeFromJson(std::string_view text)
{
    QJsonParseError error;
    const QJsonDocument doc =
        QJsonDocument::fromJson(QByteArray::fromRawData(text.data(), qsizetype(text.size())), &error);
    const QJsonObject json = doc.object();
    const int kind = json.value(u"kind"_s).toInt(-1);
    if (error.error != QJsonParseError::NoError || kind < 0 || kind > int(CommandOutcome::Kind::Conflict))
        throw StoreError(u"damaged_store"_s, u"A stored command outcome cannot be read: the store is damaged."_s);
    CommandOutcome o;
    o.commandId = json.value(u"id"_s).toString();
    o.kind = CommandOutcome::Kind(kind);
    o.version = json.value(u"version"_s).toInteger();
    o.seq = json.value(u"seq"_s).toInteger();
    o.code = json.value(u"code"_s).toString();
    o.reason = json.value(u"reason"_s).toString();
    if (json.contains(u"current"_s))
        o.current = recordFromJson(json.value(u"current"_s).toObject());
    return o;
}

} // namespace ibc::sync::stored
