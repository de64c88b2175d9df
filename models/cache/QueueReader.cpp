#include "cache/QueueReader.h"

#include "sqlite/Sqlite.h"

#include <algorithm>
#include <charconv>
#include <string>

namespace ibc::models {

using sqlite::Database;
using sqlite::Statement;

QueueReader::QueueReader(const QString &cachePath)
    : m_db(std::make_unique<Database>(cachePath, Database::Mode::ReadOnly))
{
    m_db->exec("PRAGMA cache_size = -32000; PRAGMA temp_store = MEMORY;");
}

QueueReader::~QueueReader() = default;

namespace {

// A free-text search of three characters or more is answered by the trigram index (Cache.cpp,
// items_search); shorter ones read every item's search text.
bool usesIndex(Database &db, const QString &text)
{
    return text.toUcs4().size() >= 3 && db.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'items_search'") > 0;
}

// "[1,2,3]": row ids for json_each, one bound string for any number of them.
std::string jsonArray(const std::vector<qint64> &rows)
{
    std::string json(rows.size() * 21 + 2, '\0'); // 20 characters a number at most, and a comma
    char *out = json.data();
    *out++ = '[';
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (i)
            *out++ = ',';
        out = std::to_chars(out, json.data() + json.size(), rows[i]).ptr;
    }
    *out++ = ']';
    json.resize(std::size_t(out - json.data()));
    return json;
}

// One FTS5 string: the trigram tokenizer matches it as a substring.
QString ftsPhrase(const QString &text)
{
    return QLatin1Char('"') + QString(text).replace(QLatin1Char('"'), QLatin1String("\"\"")) + QLatin1Char('"');
}

} // namespace

std::vector<qint64> QueueReader::rowIds(const QueueFilter &f, QueueSort sort, bool descending)
{
    const QString text = f.text.trimmed().toLower();
    if (text.isEmpty()) {
        const qint64 version = dataVersion(); // before the read: a commit during it makes the copy stale
        std::vector<qint64> ids = query(f, sort, descending);
        m_held = Held{f, sort, descending, version, ids};
        return ids;
    }
    // Typing in the quick filter narrows the queue on screen: the index finds the matching rows in
    // a few milliseconds, and the held queue already has them in order. Reading each match's sort
    // keys from the items table instead costs a random read per match (docs/bench.md, surname).
    QueueFilter base = f;
    base.text.clear();
    if (m_held.dataVersion >= 0 && m_held.filter == base && m_held.sort == sort && m_held.descending == descending &&
        usesIndex(*m_db, text) && m_held.dataVersion == dataVersion()) {
        const std::vector<qint64> matches = matching(text);
        const qint64 top = matches.empty() ? -1 : *std::max_element(matches.begin(), matches.end());
        std::vector<bool> match(size_t(top + 1));
        for (qint64 row : matches)
            match[size_t(row)] = true;
        std::vector<qint64> ids;
        for (qint64 row : m_held.rowIds)
            if (row <= top && match[size_t(row)])
                ids.push_back(row);
        return ids;
    }
    return query(f, sort, descending);
}

qint64 QueueReader::dataVersion() { return m_db->scalar("PRAGMA data_version", -1); }

std::vector<qint64> QueueReader::matching(const QString &text)
{
    Statement st = m_db->prepare("SELECT rowid FROM items_search WHERE items_search MATCH ?");
    st.bind(1, ftsPhrase(text));
    std::vector<qint64> rows;
    while (st.step())
        rows.push_back(st.int64(0));
    return rows;
}

std::vector<qint64> QueueReader::query(const QueueFilter &f, QueueSort sort, bool descending)
{
    std::string sql = "SELECT row FROM items WHERE 1";
    if (f.rows) {
        // The given rows are read by row id, a seek each, and then sorted: the cost grows with
        // their number, not the cache's (about 0.3 s for 180,000 of a million). Rows no longer in
        // the cache drop out; a row given twice shows once.
        sql += " AND row IN (SELECT value FROM json_each(?))";
    } else {
        if (!f.status) {
            if (f.scope == QueueFilter::Scope::ToCheck)
                sql += " AND status = 8 AND assignee != ?";
            else if (f.scope != QueueFilter::Scope::Everything)
                sql += " AND status NOT IN (5, 7)";
            if (f.scope == QueueFilter::Scope::MyWork)
                sql += " AND assignee = ?";
        } else {
            sql += " AND status = ?";
        }
        if (f.kind)
            sql += " AND kind = ?";
        if (f.partner)
            sql += " AND partner = ?";
    }
    if (!f.partners.isEmpty()) {
        sql += " AND partner IN (";
        for (qsizetype i = 0; i < f.partners.size(); ++i)
            sql += i ? ",?" : "?";
        sql += ")";
    }
    const QString text = f.text.trimmed().toLower();
    const bool indexed = !text.isEmpty() && usesIndex(*m_db, text);
    if (indexed)
        sql += " AND row IN (SELECT rowid FROM items_search WHERE items_search MATCH ?)";
    else if (!text.isEmpty())
        sql += " AND instr(search, ?) > 0";

    // Ties break on status, then row: the queue's indexes (Cache.cpp) hold each order in full, so
    // SQLite reads it off an index instead of sorting. Priority and partner keep the soonest due
    // first both ways, with an index for each direction.
    const std::string d = descending ? " DESC" : "";
    std::string order;
    switch (sort) {
    case QueueSort::Due: order = "due" + d + ", status" + d + ", row" + d; break;
    case QueueSort::Received: order = "received" + d + ", status" + d + ", row" + d; break;
    case QueueSort::Priority: order = "priority" + d + ", due, status, row"; break;
    case QueueSort::Partner: order = "partner" + d + ", due, status, row"; break;
    case QueueSort::Amount: order = "amount" + d + ", status" + d + ", row" + d; break;
    case QueueSort::Reference: order = "reference" + d + ", row" + d; break;
    case QueueSort::Status: order = "status" + d + ", due, row" + d; break;
    case QueueSort::Assignee: order = "assignee" + d + ", due, status, row" + d; break;
    }
    sql += " ORDER BY " + order;

    Statement st = m_db->prepare(sql);
    int i = 1;
    if (f.rows) {
        st.bind(i++, jsonArray(*f.rows));
    } else {
        if (!f.status) {
            if (f.scope == QueueFilter::Scope::MyWork || f.scope == QueueFilter::Scope::ToCheck)
                st.bind(i++, f.user);
        } else {
            st.bind(i++, int(*f.status));
        }
        if (f.kind)
            st.bind(i++, int(*f.kind));
        if (f.partner)
            st.bind(i++, *f.partner);
    }
    for (const QString &p : f.partners)
        st.bind(i++, p);
    if (indexed)
        st.bind(i++, ftsPhrase(text));
    else if (!text.isEmpty())
        st.bind(i++, text);

    std::vector<qint64> ids;
    while (st.step())
        ids.push_back(st.int64(0));
    return ids;
}

std::vector<QueueRow> QueueReader::rows(std::span<const qint64> rowIds)
{
    Statement st = m_db->prepare("SELECT id, reference, kind, subtype, partner, summary, assignee, status, priority, "
                                 "received, due, amount, EXISTS(SELECT 1 FROM conflicts WHERE item_id = items.id) "
                                 "FROM items WHERE row = ?");
    std::vector<QueueRow> out;
    out.reserve(rowIds.size());
    for (qint64 row : rowIds) {
        st.bind(1, row);
        QueueRow r;
        r.row = row;
        if (st.step()) {
            r.id = st.text(0);
            r.reference = st.text(1);
            r.kind = Kind(st.int64(2));
            r.subtype = st.text(3);
            r.partner = st.text(4);
            r.summary = st.text(5);
            r.assignee = st.text(6);
            r.status = Status(st.int64(7));
            r.priority = Priority(st.int64(8));
            r.received = st.int64(9);
            r.due = st.int64(10);
            r.amount = st.int64(11);
            r.conflict = st.int64(12) != 0;
        }
        st.reset();
        out.push_back(std::move(r));
    }
    return out;
}

QueueCounts QueueReader::counts(const QString &user, const QStringList &partners)
{
    QueueCounts c;
    Statement st = m_db->prepare(
        "SELECT kind, partner, status, assignee = ?, count(*) FROM items GROUP BY kind, partner, status, assignee = ?");
    st.bind(1, user).bind(2, user);
    while (st.step()) {
        const QString partner = st.text(1);
        if (!partners.isEmpty() && !partners.contains(partner))
            continue;
        const int n = int(st.int64(4));
        const auto status = Status(st.int64(2));
        c.byStatus[int(status)] += n;
        if (status == Status::Resolved || status == Status::Closed)
            continue;
        if (status == Status::AwaitingCheck && !st.int64(3))
            c.toCheck += n;
        c.open += n;
        c.byKind[st.int64(0)] += n;
        c.byPartner[partner] += n;
        if (st.int64(3))
            c.myWork += n;
    }
    return c;
}

} // namespace ibc::models
