// The wire protocol on its own (no server): times, bodies, the fast page writer against the
// QJsonObject one, and how commands and intake are read and refused.
#include "protocol/Wire.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QTest>

using namespace ibc;
using namespace ibc::sync;

class TestWire : public QObject {
    Q_OBJECT

private slots:
    void formatsTimes_data()
    {
        QTest::addColumn<qint64>("t");
        QTest::newRow("epoch") << qint64(0);
        QTest::newRow("leap day 2024") << QDateTime(QDate(2024, 2, 29), QTime(23, 59, 59), Qt::UTC).toSecsSinceEpoch();
        QTest::newRow("new year 2000") << QDateTime(QDate(2000, 1, 1), QTime(0, 0), Qt::UTC).toSecsSinceEpoch();
        QTest::newRow("before 1970") << QDateTime(QDate(1969, 12, 31), QTime(23, 0, 1), Qt::UTC).toSecsSinceEpoch();
        QTest::newRow("far future") << QDateTime(QDate(2399, 3, 1), QTime(12, 30), Qt::UTC).toSecsSinceEpoch();
    }

    void formatsTimes()
    {
        QFETCH(qint64, t);
        const QString text = wire::formatTime(t);
        QCOMPARE(text, QDateTime::fromSecsSinceEpoch(t, Qt::UTC).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")) +
                           QStringLiteral("+00:00"));
        QCOMPARE(wire::parseTime(text), std::optional<qint64>(t));
    }

    void parsesTimes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("expected"); // -1: refused
        const qint64 base = QDateTime(QDate(2026, 3, 2), QTime(9, 30), Qt::UTC).toSecsSinceEpoch();
        QTest::newRow("Z") << QStringLiteral("2026-03-02T09:30:00Z") << base;
        QTest::newRow("+00:00") << QStringLiteral("2026-03-02T09:30:00+00:00") << base;
        QTest::newRow("British Summer Time") << QStringLiteral("2026-03-02T10:30:00+01:00") << base;
        QTest::newRow("negative offset") << QStringLiteral("2026-03-02T04:00:00-05:30") << base;
        QTest::newRow("fraction") << QStringLiteral("2026-03-02T09:30:00.999Z") << base;
        QTest::newRow("no offset") << QStringLiteral("2026-03-02T09:30:00") << qint64(-1);
        QTest::newRow("date only") << QStringLiteral("2026-03-02") << qint64(-1);
        QTest::newRow("30 February") << QStringLiteral("2026-02-30T09:30:00Z") << qint64(-1);
        QTest::newRow("hour 24") << QStringLiteral("2026-03-02T24:00:00Z") << qint64(-1);
        QTest::newRow("words") << QStringLiteral("yesterday") << qint64(-1);
    }

    void parsesTimes()
    {
        QFETCH(QString, text);
        QFETCH(qint64, expected);
        const auto t = wire::parseTime(text);
        QCOMPARE(t.value_or(-1), expected);
    }

    // A search of the audit log survives the trip through a query string, whatever its text, and
    // a page of rows through JSON.
    void auditSearchesRoundTrip()
    {
        AuditQuery q;
        q.from = QDateTime(QDate(2026, 3, 29), QTime(0, 30), Qt::UTC).toSecsSinceEpoch();
        q.to = *q.from + 86399;
        q.actor = QStringLiteral("ffion.llewellyn");
        q.action = QStringLiteral("command.rejected");
        q.item = QStringLiteral("HR-0001234 & co=+?#");
        q.limit = 5000;
        q.before = 123456;
        const QString text = wire::auditQueryString(q);
        QVERIFY2(!text.contains(QLatin1Char('+')) && !text.contains(QLatin1Char('#')), qPrintable(text));
        QCOMPARE(wire::auditQueryFromString(text), q);
        QCOMPARE(wire::auditQueryFromString(QString()), AuditQuery{});
        QCOMPARE(wire::auditQueryString(AuditQuery{}), QString());

        AuditPage page;
        page.more = true;
        page.rows.push_back(AuditRow{7, *q.from, QStringLiteral("sam.patel"), QStringLiteral("personal_data.revealed"),
                                     QStringLiteral("3f2b8c1e-5d4a-4b7e-9c1d-0a1b2c3d4e5f"),
                                     QStringLiteral("HR-0000007"), QString(),
                                     QJsonObject{{QStringLiteral("reason"), QStringLiteral("Ffôn, \"brys\"")}}});
        const auto back = wire::auditPageFromJson(wire::auditPageToJson(page));
        QVERIFY(back);
        QCOMPARE(back->more, true);
        QCOMPARE(back->rows, page.rows);
    }

    void refusesBadAuditSearches_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("named");
        QTest::newRow("a local time") << QStringLiteral("from=2026-03-29T01:30:00") << QStringLiteral("from");
        QTest::newRow("to before from") << QStringLiteral("from=2026-03-29T00:00:00Z&to=2026-03-28T00:00:00Z")
                                        << QStringLiteral("to");
        QTest::newRow("limit 0") << QStringLiteral("limit=0") << QStringLiteral("limit");
        QTest::newRow("limit 5001") << QStringLiteral("limit=5001") << QStringLiteral("limit");
        QTest::newRow("before 0") << QStringLiteral("before=0") << QStringLiteral("before");
        QTest::newRow("an actor of 65 characters")
            << QStringLiteral("actor=") + QString(65, QLatin1Char('a')) << QStringLiteral("actor");
        QTest::newRow("an unknown parameter") << QStringLiteral("since=3") << QStringLiteral("since");
    }

    void refusesBadAuditSearches()
    {
        QFETCH(QString, query);
        QFETCH(QString, named);
        wire::Error e;
        QVERIFY(!wire::auditQueryFromString(query, &e));
        QCOMPARE(e.code, wire::code::InvalidParameter);
        QVERIFY2(e.fields.contains(named), qPrintable(e.message));
        QVERIFY2(e.message.contains(named), qPrintable(e.message));
    }

    void tellsBadUtf8FromBadJson()
    {
        wire::Error e;
        QVERIFY(!wire::parseObject("{\"a\": \"\xc3\x28\"}", &e));
        QCOMPARE(e.code, wire::code::InvalidUtf8);
        QVERIFY(!wire::parseObject("{\"a\": 1,}", &e));
        QCOMPARE(e.code, wire::code::MalformedJson);
        QVERIFY(!wire::parseObject("[1]", &e));
        QCOMPARE(e.code, wire::code::MalformedJson);
        QVERIFY(wire::parseObject("{\"caf\xc3\xa9\": \"\xf0\x9f\x92\xb7\"}", &e));
    }

    // The fast writer and the QJsonObject one say the same, whatever the text holds.
    void fastPageWriterAgrees()
    {
        ItemRecord r;
        r.item.id = QStringLiteral("3f2b8c1e-5d4a-4b7e-9c1d-0a1b2c3d4e5f");
        r.item.reference = QStringLiteral("INV-0000042");
        r.item.kind = models::Kind::Invoice;
        r.item.subtype = QStringLiteral("disputed");
        r.item.partner = QStringLiteral("WCC");
        r.item.status = models::Status::AwaitingInfo;
        r.item.priority = models::Priority::Urgent;
        r.item.received = 1700000000;
        r.item.updated = 1700003600;
        r.item.due = 1700400000;
        r.item.version = 7;
        r.item.fields = QJsonObject{
            {QStringLiteral("supplier"), QStringLiteral("\"Quoted\" & Sons\\Ltd\n\t\x01 caf\u00e9 \U0001F4B7")},
            {QStringLiteral("net"), 125000.0},
            {QStringLiteral("rate"), 0.2},
            {QStringLiteral("negative"), -4521.0},
            {QStringLiteral("flag"), true},
            {QStringLiteral("nothing"), QJsonValue()},
            {QStringLiteral("lines"), QJsonArray{1, QStringLiteral("two"), QJsonObject{{QStringLiteral("three"), 3}}}}};
        r.seq = 1234567890123;
        r.notes.push_back(
            {r.item.id, 1700001000, QStringLiteral("sam.patel"), QStringLiteral("Line one\r\nline \"two\"")});
        r.events.push_back({r.item.id,
                            1700000000,
                            QStringLiteral("intake.portal"),
                            QStringLiteral("received"),
                            models::Status::New,
                            models::Status::New,
                            {}});
        r.events.push_back({r.item.id, 1700002000, QStringLiteral("sam.patel"), QStringLiteral("request_info"),
                            models::Status::InProgress, models::Status::AwaitingInfo,
                            QStringLiteral("Need the PO \u2014 urgently")});
        ItemRecord unassigned = r;
        unassigned.item.assignee.clear();
        r.item.assignee = QStringLiteral("sam.patel");

        unassigned.item.sensitive = QStringLiteral("Grievance \"against\" the line manager");
        unassigned.item.named = QStringList{QStringLiteral("rhys.evans"), QStringLiteral("sam.patel")};
        const ChangePage page{
            {r, unassigned}, 1234567890123, true, -1, {QStringLiteral("0b5c2a3b-4d5e-4f60-8a1b-2c3d4e5f6a7b")}};
        const QByteArray fast = wire::serializePage(page);
        QJsonParseError pe;
        const QJsonDocument parsed = QJsonDocument::fromJson(fast, &pe);
        QVERIFY2(pe.error == QJsonParseError::NoError,
                 qPrintable(pe.errorString() + QStringLiteral(" in ") + QString::fromUtf8(fast)));
        QCOMPARE(parsed.object(), wire::pageToJson(page));

        // And it reads back into the same records.
        const auto back = wire::pageFromJson(parsed.object());
        QVERIFY(back);
        QCOMPARE(back->items.size(), std::size_t(2));
        QCOMPARE(back->items[0].item.fields, r.item.fields);
        QCOMPARE(back->items[0].notes[0].text, r.notes[0].text);
        QCOMPARE(back->items[1].item.assignee, QString());
        QCOMPARE(back->items[1].item.sensitive, unassigned.item.sensitive);
        QCOMPARE(back->items[1].item.named, unassigned.item.named);
        QVERIFY(back->items[0].item.sensitive.isEmpty());
        QCOMPARE(back->forget, page.forget);
        QCOMPARE(back->items[0].events[1].to, models::Status::AwaitingInfo);
    }

    void readsCommandsAndNamesWhatIsWrong()
    {
        wire::Error e;
        const QString id = QStringLiteral("6f1c2a3b-4d5e-4f60-8a1b-2c3d4e5f6a7b");
        const QString item = QStringLiteral("3f2b8c1e-5d4a-4b7e-9c1d-0a1b2c3d4e5f");
        auto good = wire::commandBatchFromJson(
            QJsonObject{
                {QStringLiteral("commands"),
                 QJsonArray{QJsonObject{{QStringLiteral("id"), id},
                                        {QStringLiteral("item_id"), item},
                                        {QStringLiteral("type"), QStringLiteral("resolve")},
                                        {QStringLiteral("base_version"), 4},
                                        {QStringLiteral("payload"),
                                         QJsonObject{{QStringLiteral("outcome"), QStringLiteral("processed")}}}}}}},
            500, &e);
        QVERIFY(good);
        QCOMPARE(good->at(0).type, models::CommandType::Resolve);
        QCOMPARE(good->at(0).baseVersion, qint64(4));
        QCOMPARE(wire::commandFromJson(wire::commandToJson(good->at(0)))->payload, good->at(0).payload);

        QVERIFY(!wire::commandBatchFromJson(
            QJsonObject{{QStringLiteral("commands"),
                         QJsonArray{QJsonObject{{QStringLiteral("id"), id},
                                                {QStringLiteral("item_id"), item},
                                                {QStringLiteral("type"), QStringLiteral("teleport")},
                                                {QStringLiteral("base_version"), 4}}}}},
            500, &e));
        QCOMPARE(e.code, wire::code::UnknownCommandType);
        QVERIFY(e.fields.contains(QStringLiteral("commands[0].type")));

        QVERIFY(!wire::commandBatchFromJson(
            QJsonObject{{QStringLiteral("commands"),
                         QJsonArray{QJsonObject{{QStringLiteral("id"), 5},
                                                {QStringLiteral("type"), QStringLiteral("teleport")}}}}},
            500, &e));
        QCOMPARE(e.code, wire::code::InvalidRequest);
        for (const char *f : {"commands[0].id", "commands[0].item_id", "commands[0].type", "commands[0].base_version"})
            QVERIFY2(e.fields.contains(QLatin1String(f)) && e.message.contains(QLatin1String(f)), f);
    }

    void outcomesRoundTrip()
    {
        CommandOutcome applied{QStringLiteral("a"), CommandOutcome::Kind::Applied, 3, 99, {}, {}, std::nullopt};
        CommandOutcome rejected{QStringLiteral("b"),
                                CommandOutcome::Kind::Rejected,
                                0,
                                0,
                                QStringLiteral("wrong_status"),
                                QStringLiteral("No."),
                                std::nullopt};
        const auto back = wire::outcomesFromJson(wire::outcomesToJson({applied, rejected}));
        QVERIFY(back);
        QCOMPARE(back->at(0).seq, qint64(99));
        QCOMPARE(back->at(1).code, QStringLiteral("wrong_status"));
        QCOMPARE(wire::outcomeToJson(applied).contains(QLatin1String("code")), false);
    }

    // Text a Welsh council, a caseworker or the store itself writes: every message the store
    // writes and the desk reads carries it byte for byte, and so do the store's own messages.
    void nonAsciiTextSurvivesEveryMessage()
    {
        const QString text = QStringLiteral("Gŵyl y Castell, Ŷd Cyf. … £1,250.00 — Caffi’r Môr");

        models::WorkItem it;
        it.id = QStringLiteral("00000000-0000-4000-8000-000000000001");
        it.reference = QStringLiteral("HR-0000001");
        it.kind = models::Kind::HrChange;
        it.subtype = QStringLiteral("leaver");
        it.partner = QStringLiteral("HCC");
        it.assignee = QStringLiteral("sam.patel");
        it.received = 1'700'000'000;
        it.updated = it.due = it.received + 3600;
        it.version = 2;
        it.fields = QJsonObject{{QStringLiteral("employee_name"), text}};
        ItemRecord record;
        record.item = it;
        record.seq = 7;
        record.notes = {models::Note{it.id, it.received, QStringLiteral("sam.patel"), text}};
        record.events = {models::Event{it.id, it.received, QStringLiteral("sam.patel"), QStringLiteral("escalate"),
                                       models::Status::InProgress, models::Status::Escalated, text}};
        ChangePage page;
        page.items = {record};
        page.nextSeq = 8;
        // The feed's fast writer (the store's) and the QJsonObject one, read by the desk.
        for (const QByteArray &body : {wire::serializePage(page), wire::serialize(wire::pageToJson(page))}) {
            const auto json = wire::parseObject(body);
            QVERIFY(json);
            const auto back = wire::pageFromJson(*json);
            QVERIFY(back);
            const ItemRecord &r = back->items.at(0);
            QCOMPARE(r.item.fields.value(QStringLiteral("employee_name")).toString(), text);
            QCOMPARE(r.notes.at(0).text, text);
            QCOMPARE(r.events.at(0).detail, text);
        }

        // A refusal's reason, and the item as it is now.
        CommandOutcome conflict{
            QStringLiteral("c"), CommandOutcome::Kind::Conflict, 0, 0, QStringLiteral("stale"), text, record};
        const auto outcomes =
            wire::outcomesFromJson(*wire::parseObject(wire::serialize(wire::outcomesToJson({conflict}))));
        QVERIFY(outcomes);
        QCOMPARE(outcomes->at(0).reason, text);
        QCOMPARE(outcomes->at(0).current->notes.at(0).text, text);

        // A session's user, by name.
        Session session{
            QStringLiteral("t"), it.received,
            models::User{QStringLiteral("dafydd.ap.gwilym"), text, models::Role::Caseworker, {QStringLiteral("HCC")}}};
        const auto s = wire::sessionFromJson(*wire::parseObject(wire::serialize(wire::sessionToJson(session))));
        QVERIFY(s);
        QCOMPARE(s->user.displayName, text);

        // A command's note, and an intake's fields, the other way.
        models::Command note{QStringLiteral("00000000-0000-4000-8000-000000000002"),
                             it.id,
                             models::CommandType::AddNote,
                             2,
                             QStringLiteral("sam.patel"),
                             it.received,
                             QJsonObject{{QStringLiteral("text"), text}}};
        const auto commands =
            wire::commandBatchFromJson(*wire::parseObject(wire::serialize(wire::commandBatchToJson({note}))), 10);
        QVERIFY(commands);
        QCOMPARE(commands->at(0).payload.value(QStringLiteral("text")).toString(), text);
        const Intake intake{models::Kind::HrChange, QStringLiteral("leaver"), QStringLiteral("HCC"), it.received,
                            QJsonObject{{QStringLiteral("employee_number"), QStringLiteral("E1234567")},
                                        {QStringLiteral("employee_name"), text},
                                        {QStringLiteral("effective_date"), QStringLiteral("2026-12-31")},
                                        {QStringLiteral("leaving_reason"), text}}};
        wire::Error error;
        const auto in =
            wire::intakeFromJson(*wire::parseObject(wire::serialize(wire::intakeToJson(intake))), it.received, &error);
        QVERIFY2(in, qPrintable(error.message));
        QCOMPARE(in->fields.value(QStringLiteral("employee_name")).toString(), text);

        // The store's own words: its error for a body that is not an object says "{…}", not "{â¦}".
        wire::Error notAnObject;
        QVERIFY(!wire::parseObject("[]", &notAnObject));
        QVERIFY2(notAnObject.message.contains(QStringLiteral("a JSON object, {…}")), qPrintable(notAnObject.message));
        const auto errorBody = wire::parseObject(wire::serialize(notAnObject.toJson()));
        QVERIFY(errorBody);
        QCOMPARE(errorBody->value(QStringLiteral("message")).toString(), notAnObject.message);
    }
};

QTEST_GUILESS_MAIN(TestWire)
#include "tst_wire.moc"
