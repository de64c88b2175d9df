#include "StoredOutcome.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace ibc::sync::stored {

using namespace models;

namespace {

QString s(const char *text) { return QString::fromLatin1(text); }

QJsonObject itemToJson(const WorkItem &it)
{
    return QJsonObject{{s("id"), it.id},
                       {s("reference"), it.reference},
                       {s("kind"), int(it.kind)},
                       {s("subtype"), it.subtype},
                       {s("partner"), it.partner},
                       {s("status"), int(it.status)},
                       {s("priority"), int(it.priority)},
                       {s("assignee"), it.assignee},
                       {s("received"), it.received},
                       {s("updated"), it.updated},
                       {s("due"), it.due},
                       {s("version"), it.version},
                       {s("fields"), it.fields}};
}

WorkItem itemFromJson(const QJsonObject &o)
{
    WorkItem it;
    it.id = o.value(s("id")).toString();
    it.reference = o.value(s("reference")).toString();
    it.kind = Kind(o.value(s("kind")).toInt());
    it.subtype = o.value(s("subtype")).toString();
    it.partner = o.value(s("partner")).toString();
    it.status = Status(o.value(s("status")).toInt());
    it.priority = Priority(o.value(s("priority")).toInt());
    it.assignee = o.value(s("assignee")).toString();
    it.received = o.value(s("received")).toInteger();
    it.updated = o.value(s("updated")).toInteger();
    it.due = o.value(s("due")).toInteger();
    it.version = o.value(s("version")).toInteger();
    it.fields = o.value(s("fields")).toObject();
    return it;
}

QJsonObject recordToJson(const ItemRecord &r)
{
    QJsonArray notes, events;
    for (const Note &n : r.notes)
        notes.append(QJsonObject{{s("at"), n.at}, {s("author"), n.author}, {s("text"), n.text}});
    for (const Event &e : r.events)
        events.append(QJsonObject{{s("at"), e.at},
                                  {s("actor"), e.actor},
                                  {s("type"), e.type},
                                  {s("from"), int(e.from)},
                                  {s("to"), int(e.to)},
                                  {s("detail"), e.detail}});
    return QJsonObject{{s("item"), itemToJson(r.item)}, {s("seq"), r.seq}, {s("notes"), notes}, {s("events"), events}};
}

ItemRecord recordFromJson(const QJsonObject &o)
{
    ItemRecord r;
    r.item = itemFromJson(o.value(s("item")).toObject());
    r.seq = o.value(s("seq")).toInteger();
    for (const QJsonValue &v : o.value(s("notes")).toArray()) {
        const QJsonObject n = v.toObject();
        r.notes.push_back(Note{r.item.id, n.value(s("at")).toInteger(), n.value(s("author")).toString(),
                               n.value(s("text")).toString()});
    }
    for (const QJsonValue &v : o.value(s("events")).toArray()) {
        const QJsonObject e = v.toObject();
        r.events.push_back(Event{r.item.id, e.value(s("at")).toInteger(), e.value(s("actor")).toString(),
                                 e.value(s("type")).toString(), Status(e.value(s("from")).toInt()),
                                 Status(e.value(s("to")).toInt()), e.value(s("detail")).toString()});
    }
    return r;
}

} // namespace

QByteArray outcomeToJson(const CommandOutcome &o)
{
    QJsonObject json{{s("id"), o.commandId},
                     {s("kind"), int(o.kind)},
                     {s("version"), o.version},
                     {s("seq"), o.seq},
                     {s("code"), o.code},
                     {s("reason"), o.reason}};
    if (o.current)
        json.insert(s("current"), recordToJson(*o.current));
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

CommandOutcome outcomeFromJson(std::string_view text)
{
    QJsonParseError error;
    const QJsonDocument doc =
        QJsonDocument::fromJson(QByteArray::fromRawData(text.data(), qsizetype(text.size())), &error);
    const QJsonObject json = doc.object();
    const int kind = json.value(s("kind")).toInt(-1);
    if (error.error != QJsonParseError::NoError || kind < 0 || kind > int(CommandOutcome::Kind::Conflict))
        throw StoreError(s("damaged_store"), s("A stored command outcome cannot be read: the store is damaged."));
    CommandOutcome o;
    o.commandId = json.value(s("id")).toString();
    o.kind = CommandOutcome::Kind(kind);
    o.version = json.value(s("version")).toInteger();
    o.seq = json.value(s("seq")).toInteger();
    o.code = json.value(s("code")).toString();
    o.reason = json.value(s("reason")).toString();
    if (json.contains(s("current")))
        o.current = recordFromJson(json.value(s("current")).toObject());
    return o;
}

} // namespace ibc::sync::stored
