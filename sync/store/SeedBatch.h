#pragma once

#include "domain/DemoGenerator.h"

#include <string>
#include <string_view>
#include <vector>

namespace ibc::sync {

// A batch of the demo generator's items made ready for SQLite on the generator's thread: every
// text already UTF-8 in one buffer, every number in place, so that the writing thread only binds
// and steps. (Seeding a million items is bound by two cores: one generates, one writes.)
class SeedBatch {
public:
    // Items `first` to `first + count - 1` (their row, seq and reference number) from `generator`.
    static SeedBatch make(models::DemoGenerator &generator, qint64 first, qint64 count);

    struct Text {
        std::size_t offset = 0, size = 0;
    };
    struct Item {
        qint64 row = 0;
        int kind = 0, status = 0, priority = 0;
        models::EpochSecs received = 0, updated = 0, due = 0;
        qint64 version = 0;
        Text id, reference, subtype, partner, assignee, fields;
    };
    struct Event {
        qint64 row = 0, n = 0;
        models::EpochSecs at = 0;
        int from = 0, to = 0;
        Text actor, type, detail;
    };
    struct Note {
        qint64 row = 0, n = 0;
        models::EpochSecs at = 0;
        Text author, text;
    };

    std::string_view text(Text t) const { return std::string_view(m_text).substr(t.offset, t.size); }
    const std::vector<Item> &items() const { return m_items; }
    const std::vector<Event> &events() const { return m_events; }
    const std::vector<Note> &notes() const { return m_notes; }

private:
    Text add(const QString &s);
    Text add(const QByteArray &utf8);

    std::string m_text;
    std::vector<Item> m_items;
    std::vector<Event> m_events;
    std::vector<Note> m_notes;
};

} // namespace ibc::sync
