// The demo-data generator: deterministic for a seed and an anchor, different for another seed, and
// realistic enough that demos, tests and benchmarks built on it mean something: every partner,
// kind, subtype and status; VAT that adds up; fields that pass their own validators; histories that
// the lifecycle rules would have allowed; dates in the months before the anchor.
#include "domain/DemoGenerator.h"
#include "domain/Fields.h"
#include "domain/Lifecycle.h"
#include "domain/Partner.h"
#include "domain/Sla.h"
#include "TestSupport.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <map>

using namespace ibc::models;
using ibc::test::kDay;

namespace {

// Everything about a generated item, notes and history included, as bytes.
QByteArray serialise(const GeneratedItem &g)
{
    const WorkItem &it = g.item;
    QByteArray b;
    b += it.id.toUtf8() + '|' + it.reference.toUtf8() + '|' + QByteArray::number(int(it.kind)) + '|' +
         it.subtype.toUtf8() + '|' + it.partner.toUtf8() + '|' + QByteArray::number(int(it.status)) + '|' +
         QByteArray::number(int(it.priority)) + '|' + it.assignee.toUtf8() + '|' + QByteArray::number(it.received) +
         '|' + QByteArray::number(it.updated) + '|' + QByteArray::number(it.due) + '|' +
         QByteArray::number(it.version) + '|' + QJsonDocument(it.fields).toJson(QJsonDocument::Compact) + '\n';
    for (const Note &n : g.notes)
        b += "  note " + n.itemId.toUtf8() + '|' + QByteArray::number(n.at) + '|' + n.author.toUtf8() + '|' +
             n.text.toUtf8() + '\n';
    for (const Event &e : g.events)
        b += "  event " + e.itemId.toUtf8() + '|' + QByteArray::number(e.at) + '|' + e.actor.toUtf8() + '|' +
             e.type.toUtf8() + '|' + QByteArray::number(int(e.from)) + '>' + QByteArray::number(int(e.to)) + '|' +
             e.detail.toUtf8() + '\n';
    return b;
}

std::vector<GeneratedItem> generate(quint64 seed, EpochSecs anchor, int count)
{
    DemoGenerator gen(seed, anchor);
    std::vector<GeneratedItem> out;
    out.reserve(std::size_t(count));
    for (int i = 0; i < count; ++i)
        out.push_back(gen.next());
    return out;
}

// The payload a person would have typed for this line of history.
QJsonObject payloadFor(CommandType type, const QString &detail)
{
    switch (type) {
    case CommandType::RequestInfo:
    case CommandType::Escalate:
    case CommandType::Reopen:
    case CommandType::Reject: return {{QStringLiteral("reason"), detail}};
    case CommandType::Resolve: return {{QStringLiteral("outcome"), detail}};
    case CommandType::Reassign: return {{QStringLiteral("assignee"), detail}};
    default: return {};
    }
}

constexpr int kSampleSize = 20000;

} // namespace

class TestDemoGenerator : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();

    void sameSeedAndAnchorGiveIdenticalItems_data();
    void sameSeedAndAnchorGiveIdenticalItems();
    void seedOneGivesTheItemsItAlwaysHas();
    void differentSeedGivesDifferentItems_data();
    void differentSeedGivesDifferentItems();

    void everyPartnerKindSubtypeStatusAndPriorityAppears();
    void idsAndReferencesAreUniqueAndWellFormed();
    void invoiceVatIsTwentyOrZeroPercentAndGrossAddsUp();
    void employeeNumbersAreEAndSevenDigits();
    void everyItemsFieldsPassTheirValidators();
    void aFewBankDetailsFailTheModulusCheckAndNoneIsResolved();
    void newItemsAreUnassignedAndAssigneesWorkForThePartner();
    void historiesAreLegalPathsToTheStatus();
    void datesLieInTheMonthsBeforeTheAnchor_data();
    void datesLieInTheMonthsBeforeTheAnchor();
    void demoUsersAreTheDocumentedAccountsThenTheFloor();
    void serviceLevelsAreThoseOfAWellRunServiceInAnOrdinaryWeek();

private:
    std::vector<GeneratedItem> m_items;
    std::map<QString, User> m_users;
};

void TestDemoGenerator::initTestCase()
{
    m_items = generate(20260316, ibc::test::fixedAnchor(), kSampleSize);
    for (const User &u : DemoGenerator::demoUsers())
        m_users.emplace(u.username, u);
}

void TestDemoGenerator::sameSeedAndAnchorGiveIdenticalItems_data()
{
    QTest::addColumn<quint64>("seed");
    QTest::addColumn<qint64>("anchor");
    QTest::addRow("seed 1, anchor a Monday") << quint64(1) << ibc::test::fixedAnchor();
    QTest::addRow("seed 0, anchor a Monday") << quint64(0) << ibc::test::fixedAnchor();
    QTest::addRow("largest seed, anchor a Sunday") << ~quint64(0) << ibc::test::fixedAnchor() - kDay;
    QTest::addRow("seed 7, anchor 19 Nov 2026 (the GUI test's)")
        << quint64(7) << qint64(1795000000 - 1795000000 % 86400);
}

void TestDemoGenerator::sameSeedAndAnchorGiveIdenticalItems()
{
    QFETCH(quint64, seed);
    QFETCH(qint64, anchor);
    DemoGenerator a(seed, anchor), b(seed, anchor);
    for (int i = 0; i < 3000; ++i) {
        const GeneratedItem x = a.next(), y = b.next();
        QCOMPARE(x.item.id, y.item.id);
        QCOMPARE(x.item.reference, y.item.reference);
        QCOMPARE(x.item.fields, y.item.fields);
        QCOMPARE(serialise(x), serialise(y));
    }
    QCOMPARE(a.generated(), qint64(3000));
    QCOMPARE(b.generated(), qint64(3000));
}

// Seed 1 from the fixed anchor, as the README's demo and the tests' fixtures use it: its first
// items, fingerprinted, and the first one in words. A change to the generator that changes what it
// makes (on purpose or not) shows here; if on purpose, write the new values in.
void TestDemoGenerator::seedOneGivesTheItemsItAlwaysHas()
{
    DemoGenerator gen(1, ibc::test::fixedAnchor());
    QCryptographicHash fingerprint(QCryptographicHash::Sha256);
    GeneratedItem first;
    for (int i = 0; i < 500; ++i) {
        const GeneratedItem g = gen.next();
        if (i == 0)
            first = g;
        fingerprint.addData(serialise(g));
    }
    QCOMPARE(first.item.reference, QStringLiteral("INV-0000001"));
    QCOMPARE(first.item.partner, QStringLiteral("OCC"));
    QCOMPARE(QString::fromLatin1(fingerprint.result().toHex()),
             QStringLiteral("ae39baa9369c25276abc9f14a03992430b73c1c43bacf0810b9e339ec992d3d9"));
}

void TestDemoGenerator::differentSeedGivesDifferentItems_data()
{
    QTest::addColumn<quint64>("seedA");
    QTest::addColumn<quint64>("seedB");
    QTest::addRow("seeds 1 and 2") << quint64(1) << quint64(2);
    QTest::addRow("seeds 0 and 1") << quint64(0) << quint64(1);
    QTest::addRow("seeds differing in the top bit") << quint64(5) << (quint64(5) | (quint64(1) << 63));
}

void TestDemoGenerator::differentSeedGivesDifferentItems()
{
    QFETCH(quint64, seedA);
    QFETCH(quint64, seedB);
    const auto a = generate(seedA, ibc::test::fixedAnchor(), 1000);
    const auto b = generate(seedB, ibc::test::fixedAnchor(), 1000);
    int sameId = 0, sameFields = 0, sameShape = 0;
    QSet<QString> idsA;
    for (const auto &g : a)
        idsA.insert(g.item.id);
    for (std::size_t i = 0; i < a.size(); ++i) {
        sameId += idsA.contains(b[i].item.id);
        sameFields += a[i].item.fields == b[i].item.fields;
        sameShape += a[i].item.kind == b[i].item.kind && a[i].item.partner == b[i].item.partner &&
                     a[i].item.subtype == b[i].item.subtype && a[i].item.status == b[i].item.status;
    }
    QCOMPARE(sameId, 0);
    QVERIFY2(sameFields < 10, qPrintable(QStringLiteral("%1 of 1000 items have the same fields").arg(sameFields)));
    // Kind, partner, subtype and status come from a few choices each, so some agree by chance; most must not.
    QVERIFY2(sameShape < 200, qPrintable(QStringLiteral("%1 of 1000 items have the same shape").arg(sameShape)));
    // References are the item numbers whatever the seed.
    QCOMPARE(a[41].item.reference.right(8), QStringLiteral("-0000042"));
    QCOMPARE(b[41].item.reference.right(8), QStringLiteral("-0000042"));
}

void TestDemoGenerator::everyPartnerKindSubtypeStatusAndPriorityAppears()
{
    std::map<QString, int> byPartner;
    std::map<Kind, int> byKind;
    std::map<Status, int> byStatus;
    std::map<Priority, int> byPriority;
    QSet<QString> seenSubtypes[3];
    for (const auto &g : m_items) {
        const WorkItem &it = g.item;
        QVERIFY2(isPartnerCode(it.partner), qPrintable(it.partner));
        QVERIFY2(isSubtype(it.kind, it.subtype), qPrintable(it.reference + QLatin1Char(' ') + it.subtype));
        ++byPartner[it.partner];
        ++byKind[it.kind];
        ++byStatus[it.status];
        ++byPriority[it.priority];
        seenSubtypes[int(it.kind)].insert(it.subtype);
        if (it.subtype == QLatin1String("negative_net_pay"))
            QCOMPARE(it.priority, Priority::Urgent);
    }
    for (const Partner &p : partners())
        QVERIFY2(byPartner[QLatin1String(p.code)] > 0, p.code);
    QCOMPARE(byPartner.size(), std::size_t(8));
    for (Kind k : kAllKinds) {
        QVERIFY2(byKind[k] > kSampleSize / 10, qPrintable(kindName(k)));
        for (const char *s : subtypes(k))
            QVERIFY2(seenSubtypes[int(k)].contains(QLatin1String(s)), s);
    }
    for (Status s : kAllStatuses)
        QVERIFY2(byStatus[s] > 0, qPrintable(statusName(s)));
    // Most work is finished: a real IBC's history is mostly resolved and closed items.
    QVERIFY(byStatus[Status::Closed] > byStatus[Status::New]);
    for (Priority p : {Priority::Low, Priority::Normal, Priority::High, Priority::Urgent})
        QVERIFY2(byPriority[p] > 0, qPrintable(priorityName(p)));
    // The county councils and the police carry most of the work; the commissioner's office least.
    QVERIFY(byPartner[QStringLiteral("HCC")] > byPartner[QStringLiteral("OPCC")] * 5);
}

void TestDemoGenerator::idsAndReferencesAreUniqueAndWellFormed()
{
    static const QRegularExpression uuid4(
        QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"));
    static const char *const prefixes[] = {"HR-", "INV-", "PAY-"};
    QSet<QString> ids, references;
    for (std::size_t i = 0; i < m_items.size(); ++i) {
        const WorkItem &it = m_items[i].item;
        QVERIFY2(uuid4.match(it.id).hasMatch(), qPrintable(it.id));
        QCOMPARE(it.reference,
                 QLatin1String(prefixes[int(it.kind)]) + QStringLiteral("%1").arg(i + 1, 7, 10, QLatin1Char('0')));
        ids.insert(it.id);
        references.insert(it.reference);
    }
    QCOMPARE(ids.size(), qsizetype(m_items.size()));
    QCOMPARE(references.size(), qsizetype(m_items.size()));
}

void TestDemoGenerator::invoiceVatIsTwentyOrZeroPercentAndGrossAddsUp()
{
    int invoices = 0, zeroRated = 0, standardRated = 0;
    for (const auto &g : m_items) {
        const WorkItem &it = g.item;
        if (it.kind != Kind::Invoice)
            continue;
        ++invoices;
        const QJsonObject &f = it.fields;
        const QString ref = it.reference;
        QVERIFY2(f.value(QLatin1String("net")).isDouble(), qPrintable(ref));
        const qint64 net = qint64(f.value(QLatin1String("net")).toDouble());
        const qint64 vat = qint64(f.value(QLatin1String("vat")).toDouble());
        const qint64 gross = qint64(f.value(QLatin1String("gross")).toDouble());
        const int rate = f.value(QLatin1String("vat_rate")).toInt(-1);
        QVERIFY2(net > 0, qPrintable(ref));
        QVERIFY2(rate == 0 || rate == 20, qPrintable(ref + QStringLiteral(" rate %1").arg(rate)));
        // VAT is the rate's share of net, to the nearest penny.
        QVERIFY2(std::abs(vat * 100 - net * rate) <= 50,
                 qPrintable(ref + QStringLiteral(": net %1, rate %2%, VAT %3").arg(net).arg(rate).arg(vat)));
        QCOMPARE(gross, net + vat);
        QCOMPARE(it.amountPence(), gross);
        (rate == 0 ? zeroRated : standardRated) += 1;
        QVERIFY2(f.contains(QLatin1String("po_number")) == (it.subtype != QLatin1String("no_po")), qPrintable(ref));
    }
    QVERIFY(invoices > 0);
    QVERIFY2(zeroRated > invoices / 10 && standardRated > invoices / 2,
             qPrintable(QStringLiteral("%1 zero-rated, %2 standard-rated").arg(zeroRated).arg(standardRated)));
}

void TestDemoGenerator::employeeNumbersAreEAndSevenDigits()
{
    static const QRegularExpression re(QStringLiteral("^E\\d{7}$"));
    int people = 0;
    QSet<QString> distinct;
    for (const auto &g : m_items) {
        const WorkItem &it = g.item;
        if (it.kind == Kind::Invoice) {
            QVERIFY2(it.employeeNumber().isEmpty(), qPrintable(it.reference));
            continue;
        }
        ++people;
        QVERIFY2(re.match(it.employeeNumber()).hasMatch(),
                 qPrintable(it.reference + QLatin1Char(' ') + it.employeeNumber()));
        QVERIFY2(!it.personName().trimmed().isEmpty(), qPrintable(it.reference));
        distinct.insert(it.employeeNumber());
    }
    QVERIFY(people > 0);
    QVERIFY(distinct.size() > people * 9 / 10); // drawn from nine million: hardly any repeats
}

void TestDemoGenerator::everyItemsFieldsPassTheirValidators()
{
    for (const auto &g : m_items) {
        const WorkItem &it = g.item;
        const auto specs = fieldSpecs(it.kind, it.subtype);
        QSet<QString> known;
        for (const FieldSpec &spec : specs) {
            known.insert(QLatin1String(spec.key));
            const QString problem = validateField(spec, it.fields.value(QLatin1String(spec.key)));
            QVERIFY2(problem.isEmpty(),
                     qPrintable(it.reference + QStringLiteral(" (") + it.subtype + QStringLiteral(") ") +
                                QLatin1String(spec.key) + QStringLiteral(": ") + problem));
        }
        // No field the item panel could not show.
        for (auto f = it.fields.begin(); f != it.fields.end(); ++f)
            QVERIFY2(known.contains(f.key()),
                     qPrintable(it.reference + QStringLiteral(" has an unknown field ") + f.key()));
    }
}

void TestDemoGenerator::aFewBankDetailsFailTheModulusCheckAndNoneIsResolved()
{
    int bank = 0, failing = 0;
    for (const auto &g : m_items) {
        const auto check = bankDetailsCheck(g.item);
        if (!check)
            continue;
        ++bank;
        if (check->acceptable())
            continue;
        ++failing;
        for (const Event &e : g.events)
            QVERIFY2(e.type != QLatin1String("resolve"), qPrintable(g.item.reference));
    }
    QVERIFY(bank > 100);
    QVERIFY2(failing > 0 && failing * 10 < bank, qPrintable(QStringLiteral("%1 of %2").arg(failing).arg(bank)));
}

void TestDemoGenerator::newItemsAreUnassignedAndAssigneesWorkForThePartner()
{
    int assigned = 0;
    QSet<QString> workers;
    for (const auto &g : m_items) {
        const WorkItem &it = g.item;
        if (it.status == Status::New) {
            QVERIFY2(it.assignee.isEmpty(),
                     qPrintable(it.reference + QStringLiteral(" is new but held by ") + it.assignee));
            continue;
        }
        if (it.assignee.isEmpty()) {
            // Only a reopened item may have been released back to the queue.
            QVERIFY2(it.status == Status::Reopened,
                     qPrintable(it.reference + QLatin1Char(' ') + statusName(it.status)));
            continue;
        }
        ++assigned;
        workers.insert(it.assignee);
        const auto u = m_users.find(it.assignee);
        QVERIFY2(u != m_users.end(), qPrintable(it.reference + QStringLiteral(": unknown assignee ") + it.assignee));
        QVERIFY2(u->second.canChangeItems(), qPrintable(it.assignee));
        QVERIFY2(u->second.worksFor(it.partner), qPrintable(it.reference + QLatin1Char(' ') + it.assignee +
                                                            QStringLiteral(" does not work for ") + it.partner));
    }
    QVERIFY(assigned > kSampleSize / 2);
    QVERIFY2(workers.size() > 50, qPrintable(QString::number(workers.size()))); // the work is spread over the floor
}

// Replays each item's history through the lifecycle rules, as the people named in it: every step
// must have been allowed, and the replay must end where the item is.
void TestDemoGenerator::historiesAreLegalPathsToTheStatus()
{
    for (const auto &g : m_items) {
        const WorkItem &it = g.item;
        QVERIFY(!g.events.empty());
        QCOMPARE(g.events.front().type, QStringLiteral("received"));
        WorkItem replay = it;
        replay.status = Status::New;
        replay.assignee.clear();
        for (std::size_t i = 1; i < g.events.size(); ++i) {
            const Event &e = g.events[i];
            const QString where = it.reference + QStringLiteral(" event %1 (%2 by %3)").arg(i).arg(e.type, e.actor);
            QCOMPARE(e.itemId, it.id);
            QVERIFY2(e.from == replay.status, qPrintable(where + QStringLiteral(": history does not follow on")));
            const auto type = commandFromName(e.type);
            QVERIFY2(type, qPrintable(where));
            const auto actor = m_users.find(e.actor);
            QVERIFY2(actor != m_users.end(), qPrintable(where));
            const Command c{QStringLiteral("c"), it.id, *type, 0, e.actor, e.at, payloadFor(*type, e.detail)};
            const Decision d = lifecycle::decide(
                c, replay, actor->second, SlaRules::defaults()->policy(replay.partner, replay.kind, replay.subtype));
            QVERIFY2(d.allowed(), qPrintable(where + QStringLiteral(": ") + d.refusal->message(*type, replay.status)));
            QCOMPARE(d.effect.to, e.to);
            lifecycle::apply(replay, d.effect, e.at);
        }
        QCOMPARE(replay.status, it.status);
        QCOMPARE(replay.assignee, it.assignee);
        QCOMPARE(it.updated, g.events.back().at);
        for (const Note &n : g.notes) {
            QCOMPARE(n.itemId, it.id);
            QVERIFY(!n.text.isEmpty());
            QVERIFY2(m_users.count(n.author), qPrintable(n.author));
        }
    }
}

void TestDemoGenerator::datesLieInTheMonthsBeforeTheAnchor_data()
{
    QTest::addColumn<qint64>("anchor");
    QTest::addRow("anchor midnight at the start of a Monday") << ibc::test::fixedAnchor();
    QTest::addRow("anchor midnight at the start of a Sunday") << ibc::test::fixedAnchor() - kDay;
    QTest::addRow("anchor midnight at the start of a Saturday") << ibc::test::fixedAnchor() - 2 * kDay;
    QTest::addRow("anchor 14:30 on a Wednesday") << ibc::test::fixedAnchor() + 2 * kDay + 14 * 3600 + 1800;
}

void TestDemoGenerator::datesLieInTheMonthsBeforeTheAnchor()
{
    QFETCH(qint64, anchor);
    // Enough items that the rare ones drawn at the very anchor are among them.
    const auto items = generate(99, anchor, kSampleSize);
    EpochSecs oldest = anchor;
    for (const auto &g : items) {
        const WorkItem &it = g.item;
        const QString ref = it.reference;
        // About five months: 150 days, and back over a weekend.
        QVERIFY2(it.received >= anchor - 153 * kDay, qPrintable(ref));
        QVERIFY2(it.received <= anchor,
                 qPrintable(ref + QStringLiteral(" received %1 s after the anchor").arg(it.received - anchor)));
        oldest = std::min(oldest, it.received);
        const QDateTime received = QDateTime::fromSecsSinceEpoch(it.received, Qt::UTC);
        QVERIFY2(received.date().dayOfWeek() <= 5, qPrintable(ref + QStringLiteral(" received at a weekend")));
        QVERIFY2(received.time().hour() >= 8 && received.time().hour() < 18, qPrintable(ref));
        EpochSecs last = it.received;
        for (const Event &e : g.events) {
            QVERIFY2(e.at >= last, qPrintable(ref + QStringLiteral(": ") + e.type +
                                              QStringLiteral(" is earlier than what came before it")));
            QVERIFY2(e.at <= anchor,
                     qPrintable(ref + QStringLiteral(": ") + e.type + QStringLiteral(" after the anchor")));
            last = e.at;
        }
        for (const Note &n : g.notes)
            QVERIFY2(n.at >= it.received && n.at <= anchor, qPrintable(ref + QStringLiteral(": note out of range")));
        QVERIFY2(it.updated >= it.received && it.updated <= anchor, qPrintable(ref));
        QVERIFY2(it.due > it.received, qPrintable(ref + QStringLiteral(" is due before it was received")));
        if (it.kind == Kind::Invoice) {
            const QDate invoiceDate =
                QDate::fromString(it.fields.value(QLatin1String("invoice_date")).toString(), Qt::ISODate);
            QVERIFY2(invoiceDate <= received.date(),
                     qPrintable(ref + QStringLiteral(" invoiced after it was received")));
            QCOMPARE(QDate::fromString(it.fields.value(QLatin1String("payment_due")).toString(), Qt::ISODate),
                     received.date().addDays(30));
        }
    }
    // Spread over the months, not bunched at the anchor.
    QVERIFY2(oldest < anchor - 120 * kDay, qPrintable(QString::number((anchor - oldest) / kDay)));
}

void TestDemoGenerator::demoUsersAreTheDocumentedAccountsThenTheFloor()
{
    const auto users = DemoGenerator::demoUsers();
    QVERIFY(users.size() > 150);
    QCOMPARE(users[0].username, QStringLiteral("sam.patel"));
    QCOMPARE(users[0].role, Role::Caseworker);
    QCOMPARE(users[0].partners, partnerCodes());
    QCOMPARE(users[1].username, QStringLiteral("rhys.evans"));
    QCOMPARE(users[1].partners, QStringList{QStringLiteral("HCC")});
    QCOMPARE(users[2].role, Role::TeamLeader);
    QCOMPARE(users[3].role, Role::Auditor);
    QCOMPARE(users[4].role, Role::Intake);
    QCOMPARE(users[5].role, Role::Admin);
    QSet<QString> names;
    for (const User &u : users) {
        QVERIFY2(!names.contains(u.username), qPrintable(u.username + QStringLiteral(" twice")));
        names.insert(u.username);
        QVERIFY(!u.displayName.isEmpty());
        for (const QString &p : u.partners)
            QVERIFY2(isPartnerCode(p), qPrintable(p));
    }
    // The same people on every call.
    const auto again = DemoGenerator::demoUsers();
    QCOMPARE(again.size(), users.size());
    for (std::size_t i = 0; i < users.size(); ++i)
        QCOMPARE(again[i].username, users[i].username);
}

// Most open work on track, some at risk, a few per cent breached, and weekly compliance of 80% to
// 97% that differs by queue, over thirteen weeks: counted here from the items' histories, not from
// anything the generator says about them.
void TestDemoGenerator::serviceLevelsAreThoseOfAWellRunServiceInAnOrdinaryWeek()
{
    const EpochSecs now = ibc::test::fixedAnchor();
    // The usual handling times, as the store measures them: first start to resolve, in working
    // time, of the items resolved in the last 90 days.
    const SlaRules &defaults = *SlaRules::defaults();
    std::map<std::pair<int, QString>, std::vector<qint64>> samples;
    for (const GeneratedItem &g : m_items) {
        EpochSecs start = 0;
        for (const Event &e : g.events) {
            if (e.to == Status::InProgress && !start)
                start = e.at;
            if (e.to == Status::Resolved && e.from != Status::Resolved && start && e.at >= now - 90 * kDay)
                samples[{int(g.item.kind), g.item.subtype}].push_back(
                    defaults.calendar(g.item.partner).between(start, e.at));
        }
    }
    std::vector<HandlingTime> handling;
    for (auto &[key, times] : samples) {
        std::sort(times.begin(), times.end());
        handling.push_back({Kind(key.first), key.second, times[times.size() * 3 / 4], int(times.size())});
    }
    const SlaRules rules(defaults.bankHolidays(), defaults.calendars(), defaults.policies(), handling);
    std::map<SlaState, int> states;
    int open = 0;
    // Week (0 = the last full week before the anchor) × kind: resolved, and resolved by the due time.
    std::map<std::pair<int, int>, std::pair<int, int>> weeks;
    for (const GeneratedItem &g : m_items) {
        const WorkItem &it = g.item;
        if (it.status != Status::Resolved && it.status != Status::Closed) {
            ++open;
            ++states[rules.status(it, now).state];
        }
        for (const Event &e : g.events)
            if (e.to == Status::Resolved && e.from != Status::Resolved) {
                const int week = int((now - e.at) / (7 * kDay));
                auto &[resolved, inTime] = weeks[{week, int(it.kind)}];
                ++resolved;
                inTime += e.at <= it.due;
            }
    }
    const auto share = [&](SlaState s) { return 100.0 * states[s] / open; };
    qInfo("open %d: on track %.1f%%, at risk %.1f%%, breached %.1f%%, paused %.1f%%", open, share(SlaState::OnTrack),
          share(SlaState::AtRisk), share(SlaState::Breached), share(SlaState::Paused));
    QVERIFY(share(SlaState::OnTrack) > 50);
    QVERIFY(share(SlaState::AtRisk) >= 3);
    QVERIFY(share(SlaState::Breached) >= 1 && share(SlaState::Breached) <= 10);
    QSet<int> percents;
    for (int week = 0; week < 13; ++week)
        for (Kind k : kAllKinds) {
            const auto [resolved, inTime] = weeks[{week, int(k)}];
            QVERIFY2(resolved >= 20,
                     qPrintable(QStringLiteral("week %1, %2: %3 resolved").arg(week).arg(kindName(k)).arg(resolved)));
            const double percent = 100.0 * inTime / resolved;
            QVERIFY2(
                percent >= 75 && percent <= 99.5,
                qPrintable(
                    QStringLiteral("week %1, %2: %3% in time").arg(week).arg(kindName(k)).arg(percent, 0, 'f', 1)));
            percents.insert(int(percent));
        }
    qInfo("weekly compliance per queue: %d%% to %d%%", *std::min_element(percents.begin(), percents.end()),
          *std::max_element(percents.begin(), percents.end()));
    QVERIFY2(percents.size() > 10, "compliance should differ between weeks and queues");
}

QTEST_GUILESS_MAIN(TestDemoGenerator)
#include "tst_demogenerator.moc"
