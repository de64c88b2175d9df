#include "store/SeedBatch.h"

#include <QJsonDocument>

namespace ibc::sync {

SeedBatch::Text SeedBatch::add(const QString &s)
{
    const Text t{m_text.size(), 0};
    // Nearly every text is ASCII: copy it straight; anything else goes through the UTF-8 encoder.
    const QChar *p = s.constData();
    const qsizetype n = s.size();
    qsizetype i = 0;
    for (; i < n; ++i) {
        const char16_t c = p[i].unicode();
        if (c >= 0x80)
            break;
        m_text.push_back(char(c));
    }
    if (i < n) {
        m_text.resize(t.offset);
        const QByteArray utf8 = s.toUtf8();
        m_text.append(utf8.constData(), std::size_t(utf8.size()));
    }
    return Text{t.offset, m_text.size() - t.offset};
}

SeedBatch::Text SeedBatch::add(const QByteArray &utf8)
{
    const Text t{m_text.size(), std::size_t(utf8.size())};
    m_text.append(utf8.constData(), std::size_t(utf8.size()));
    return t;
}

SeedBatch SeedBatch::make(models::DemoGenerator &generator, qint64 first, qint64 count)
{
    SeedBatch b;
    b.m_items.reserve(std::size_t(count));
    b.m_events.reserve(std::size_t(count) * 5);
    b.m_text.reserve(std::size_t(count) * 640);
    for (qint64 i = 0; i < count; ++i) {
        const models::GeneratedItem g = generator.next();
        const models::WorkItem &it = g.item;
        const qint64 row = first + i;
        Item item;
        item.row = row;
        item.kind = int(it.kind);
        item.status = int(it.status);
        item.priority = int(it.priority);
        item.received = it.received;
        item.updated = it.updated;
        item.due = it.due;
        item.version = it.version;
        item.id = b.add(it.id);
        item.reference = b.add(it.reference);
        item.subtype = b.add(it.subtype);
        item.partner = b.add(it.partner);
        item.assignee = b.add(it.assignee);
        item.fields = b.add(QJsonDocument(it.fields).toJson(QJsonDocument::Compact));
        b.m_items.push_back(item);
        for (std::size_t n = 0; n < g.events.size(); ++n) {
            const models::Event &e = g.events[n];
            b.m_events.push_back(
                Event{row, qint64(n), e.at, int(e.from), int(e.to), b.add(e.actor), b.add(e.type), b.add(e.detail)});
        }
        for (std::size_t n = 0; n < g.notes.size(); ++n) {
            const models::Note &note = g.notes[n];
            b.m_notes.push_back(Note{row, qint64(n), note.at, b.add(note.author), b.add(note.text)});
        }
    }
    return b;
}

} // namespace ibc::sync
