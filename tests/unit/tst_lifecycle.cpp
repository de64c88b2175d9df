// The status lifecycle and its rules, as tables: every command from every status, for the
// caseworker who holds the item and for a team leader, then roles, scope and payloads.
#include "domain/Fields.h"
#include "domain/FourEyes.h"
#include "domain/Lifecycle.h"
#include "domain/Partner.h"

#include <QJsonArray>
#include <QTest>

using namespace ibc::models;
using namespace Qt::Literals::StringLiterals;

Q_DECLARE_METATYPE(ibc::models::CommandType)
Q_DECLARE_METATYPE(ibc::models::Status)
Q_DECLARE_METATYPE(ibc::models::Kind)
Q_DECLARE_METATYPE(ibc::models::RefusalCode)
Q_DECLARE_METATYPE(std::optional<ibc::models::RefusalCode>)

namespace {

const User kSam{QStringLiteral("sam.patel"), QStringLiteral("Sam Patel"), Role::Caseworker, partnerCodes()};
const User kChloe{QStringLiteral("chloe.davies"), QStringLiteral("Chloe Davies"), Role::Caseworker, partnerCodes()};
const User kPriya{QStringLiteral("priya.shah"), QStringLiteral("Priya Shah"), Role::TeamLeader, partnerCodes()};
const User kAlex{QStringLiteral("alex.morgan"), QStringLiteral("Alex Morgan"), Role::Auditor, partnerCodes()};
const User kGwen{u"gwen.price"_s, u"Gwen Price"_s, Role::Caseworker, partnerCodes(), true}; // a checker
const User kRhys{QStringLiteral("rhys.evans"), QStringLiteral("Rhys Evans"), Role::Caseworker, {QStringLiteral("HCC")}};

// An HR change at OCC, held by Sam unless it is new.
WorkItem itemIn(Status status)
{
    WorkItem it;
    it.id = QStringLiteral("8f2b4c1e-0000-4000-8000-000000000001");
    it.reference = QStringLiteral("HR-0000001");
    it.kind = Kind::HrChange;
    it.subtype = QStringLiteral("leaver");
    it.partner = QStringLiteral("OCC");
    it.status = status;
    it.assignee = status == Status::New ? QString() : kSam.username;
    it.received = 1700000000;
    it.due = 1700400000;
    it.version = 3;
    it.fields = QJsonObject{{QStringLiteral("employee_number"), QStringLiteral("E1234567")},
                            {QStringLiteral("employee_name"), QStringLiteral("Ffion Evans")},
                            {QStringLiteral("job_title"), QStringLiteral("Firefighter")},
                            {QStringLiteral("effective_date"), QStringLiteral("2026-11-30")},
                            {QStringLiteral("leaving_reason"), QStringLiteral("Retirement")}};
    return it;
}

// The decision under the default policy for the item (as a store with no policies of its own).
Decision decideBy(const Command &c, const WorkItem &item, const User &u, EpochSecs claimLease = kDefaultClaimLease)
{
    return lifecycle::decide(c, item, u, SlaRules::defaults()->policy(item.partner, item.kind, item.subtype),
                             claimLease);
}

// A payload that is valid for the type, so that only status and person decide.
QJsonObject validPayload(CommandType type)
{
    switch (type) {
    case CommandType::RequestInfo:
    case CommandType::Escalate:
    case CommandType::Reopen:
    case CommandType::Reject:
    case CommandType::ReturnCheck:
    case CommandType::MarkSensitive:
        return {{QStringLiteral("reason"), QStringLiteral("Waiting for the signed form.")}};
    case CommandType::Resolve: return {{QStringLiteral("outcome"), QStringLiteral("processed")}};
    case CommandType::AddNote: return {{QStringLiteral("text"), QStringLiteral("Manager confirmed by phone.")}};
    case CommandType::Reassign: return {{QStringLiteral("assignee"), QStringLiteral("chloe.davies")}};
    case CommandType::EditFields:
        return {{QStringLiteral("fields"), QJsonObject{{QStringLiteral("job_title"), QStringLiteral("Crew Manager")}}}};
    default: return {};
    }
}

std::optional<RefusalCode> expected(QChar c)
{
    switch (c.toLatin1()) {
    case 'y': return std::nullopt;
    case 's': return RefusalCode::WrongStatus;
    case 'l': return RefusalCode::TeamLeaderOnly;
    case 'm': return RefusalCode::AlreadyYours;
    case 'o': return RefusalCode::AssignedToSomeoneElse;
    case 'n': return RefusalCode::NotAssignedToYou;
    case 'k': return RefusalCode::MakerCannotCheck;
    }
    qFatal("bad expectation %c", c.toLatin1());
}

// Columns: new, assigned, in progress, awaiting info, escalated, resolved, reopened, closed, awaiting check.
// y allowed · s wrong status · l team leaders only · m already yours · o someone else's · n not assigned to you
// k the maker cannot check their own change
struct Row {
    CommandType type;
    const char *holder;     // Sam, who holds the item (a new item is unassigned)
    const char *teamLeader; // Priya, a team leader who does not hold it
};
const Row kMatrix[] = {
    {CommandType::Claim, "ymssssmss", "yossssoss"}, // assigned: a lapsed claim may be taken (claimsLapse)
    {CommandType::Release, "syysssyss", "syysssyss"},       {CommandType::Start, "syssssyss", "snssssnss"},
    {CommandType::RequestInfo, "ssyssssss", "ssnssssss"},   {CommandType::Resume, "sssylssss", "sssyyssss"},
    {CommandType::Escalate, "syyysssss", "snnnsssss"},      {CommandType::Resolve, "ssyssssss", "ssnssssss"},
    {CommandType::Reopen, "sssssysls", "sssssysys"},        {CommandType::AddNote, "yyyyyyyyy", "yyyyyyyyy"},
    {CommandType::Reassign, "lllllllll", "yyyyysyss"},      {CommandType::EditFields, "syyyssyss", "snnnssnss"},
    {CommandType::Approve, "lllllllll", "sssssysss"},       {CommandType::Reject, "lllllllll", "sssssysss"},
    {CommandType::PassCheck, "ssssssssk", "ssssssssy"},     {CommandType::ReturnCheck, "ssssssssk", "ssssssssy"},
    {CommandType::MarkSensitive, "yyyyyyyyy", "yyyyyyyyy"},
};

} // namespace

class TestLifecycle : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyCommandFromEveryStatus_data();
    void everyCommandFromEveryStatus();
    void claimsHoldForTheirLeaseThenLapse_data();
    void claimsHoldForTheirLeaseThenLapse();
    void leasesEndWithReleaseAndReassign();
    void rolesAndScope_data();
    void rolesAndScope();
    void payloads_data();
    void payloads();
    void transitions_data();
    void transitions();
    void refusalsReadAsSentences();
    void identifierFieldsAreCheckedByTheirRules_data();
    void identifierFieldsAreCheckedByTheirRules();
    void bankDetailsThatCannotExistAreNeverResolved_data();
    void bankDetailsThatCannotExistAreNeverResolved();
    void changesThatNeedASecondPerson_data();
    void changesThatNeedASecondPerson();
    void theCheckIsNeverTheMakers_data();
    void theCheckIsNeverTheMakers();
    void aPassedCheckWaitsForApprovalOnlyWhereThePolicyAsks();
    void aCheckerCannotPassAnAccountThatFails();
    void aSensitiveCaseIsSeenOnlyByThoseItConcerns_data();
    void aSensitiveCaseIsSeenOnlyByThoseItConcerns();
    void markingACaseSensitive();
};

void TestLifecycle::everyCommandFromEveryStatus_data()
{
    QTest::addColumn<CommandType>("type");
    QTest::addColumn<Status>("status");
    QTest::addColumn<bool>("asTeamLeader");
    QTest::addColumn<std::optional<RefusalCode>>("refusal");

    for (const Row &row : kMatrix) {
        for (const bool leader : {false, true}) {
            const QString expectations = QLatin1String(leader ? row.teamLeader : row.holder);
            QCOMPARE(expectations.size(), qsizetype(std::size(kAllStatuses)));
            for (const Status s : kAllStatuses) {
                const auto want = expected(expectations.at(int(s)));
                const QString name = QStringLiteral("%1 %2 item as %3: %4")
                                         .arg(commandName(row.type), statusName(s),
                                              leader ? QStringLiteral("team leader") : QStringLiteral("its caseworker"),
                                              want ? Refusal::codeName(*want) : QStringLiteral("allowed"));
                QTest::newRow(qPrintable(name)) << row.type << s << leader << want;
            }
        }
    }
}

void TestLifecycle::everyCommandFromEveryStatus()
{
    QFETCH(CommandType, type);
    QFETCH(Status, status);
    QFETCH(bool, asTeamLeader);
    QFETCH(std::optional<RefusalCode>, refusal);

    const User &user = asTeamLeader ? kPriya : kSam;
    const WorkItem item = itemIn(status);
    const Command cmd = Command::make(type, item.id, item.version, user.username, 1700001000, validPayload(type));

    const auto checked = lifecycle::check(type, item, user);
    const Decision d = decideBy(cmd, item, user);
    QCOMPARE(checked ? std::optional(checked->code) : std::nullopt, refusal);
    QCOMPARE(d.refusal ? std::optional(d.refusal->code) : std::nullopt, refusal);
}

// Sam claimed the item at 09:00 with a lease to 13:00; Chloe tries to take it.
void TestLifecycle::claimsHoldForTheirLeaseThenLapse_data()
{
    QTest::addColumn<Status>("status");
    QTest::addColumn<EpochSecs>("leaseUntil");
    QTest::addColumn<EpochSecs>("at");
    QTest::addColumn<std::optional<RefusalCode>>("refusal");
    const EpochSecs until = 1700000000 + 4 * 3600;
    QTest::newRow("while the lease holds (Sam offline)")
        << Status::Assigned << until << until - 1 << std::optional(RefusalCode::ClaimedBySomeoneElse);
    QTest::newRow("when the lease runs out") << Status::Assigned << until << until << std::optional<RefusalCode>();
    QTest::newRow("a day after") << Status::Assigned << until << until + 86400 << std::optional<RefusalCode>();
    QTest::newRow("a team leader's assignment never lapses")
        << Status::Assigned << EpochSecs(0) << until + 86400 << std::optional(RefusalCode::AssignedToSomeoneElse);
    QTest::newRow("started work is never taken, lease or not")
        << Status::InProgress << until << until + 86400 << std::optional(RefusalCode::WrongStatus);
}

void TestLifecycle::claimsHoldForTheirLeaseThenLapse()
{
    QFETCH(Status, status);
    QFETCH(EpochSecs, leaseUntil);
    QFETCH(EpochSecs, at);
    QFETCH(std::optional<RefusalCode>, refusal);
    WorkItem it = itemIn(status);
    it.leaseUntil = leaseUntil;
    const Command claim = Command::make(CommandType::Claim, it.id, it.version, kChloe.username, at);
    const Decision d = decideBy(claim, it, kChloe, 3600);
    QCOMPARE(d.refusal ? std::optional(d.refusal->code) : std::nullopt, refusal);
    // Without a time, check() never lets a claim be taken: enabling a button must not promise it.
    QVERIFY(lifecycle::check(CommandType::Claim, it, kChloe).has_value());
    if (refusal == RefusalCode::ClaimedBySomeoneElse) {
        QCOMPARE(d.refusal->until, leaseUntil);
        QVERIFY(d.refusal->message(CommandType::Claim, status).contains(kSam.username));
    }
    if (!refusal) {
        WorkItem taken = it;
        lifecycle::apply(taken, d.effect, at);
        QCOMPARE(taken.assignee, kChloe.username);
        QCOMPARE(taken.status, Status::Assigned);
        QCOMPARE(taken.leaseUntil, at + 3600); // Chloe's own lease
        QVERIFY(d.effect.event.detail.contains(kSam.username));
    }
}

void TestLifecycle::leasesEndWithReleaseAndReassign()
{
    WorkItem it = itemIn(Status::New);
    const Decision claimed = decideBy(Command::make(CommandType::Claim, it.id, 3, kSam.username, 1000), it, kSam, 60);
    lifecycle::apply(it, claimed.effect, 1000);
    QCOMPARE(it.leaseUntil, EpochSecs(1060));
    const Decision started = decideBy(Command::make(CommandType::Start, it.id, 3, kSam.username, 1010), it, kSam);
    WorkItem inProgress = it;
    lifecycle::apply(inProgress, started.effect, 1010);
    QCOMPARE(inProgress.leaseUntil, EpochSecs(1060)); // kept, and moot once started
    const Decision released = decideBy(Command::make(CommandType::Release, it.id, 3, kSam.username, 1020), it, kSam);
    WorkItem back = it;
    lifecycle::apply(back, released.effect, 1020);
    QCOMPARE(back.leaseUntil, EpochSecs(0));
    const Decision moved = decideBy(Command::make(CommandType::Reassign, it.id, 3, kPriya.username, 1030,
                                                  {{QStringLiteral("assignee"), kChloe.username}}),
                                    it, kPriya);
    QVERIFY(moved.allowed());
    WorkItem reassigned = it;
    lifecycle::apply(reassigned, moved.effect, 1030);
    QCOMPARE(reassigned.leaseUntil, EpochSecs(0));
}

void TestLifecycle::rolesAndScope_data()
{
    QTest::addColumn<CommandType>("type");
    QTest::addColumn<Status>("status");
    QTest::addColumn<QString>("user");
    QTest::addColumn<std::optional<RefusalCode>>("refusal");

    QTest::newRow("auditor cannot add a note") << CommandType::AddNote << Status::InProgress << QStringLiteral("alex")
                                               << std::optional(RefusalCode::ReadOnlyRole);
    QTest::newRow("auditor cannot claim a new item")
        << CommandType::Claim << Status::New << QStringLiteral("alex") << std::optional(RefusalCode::ReadOnlyRole);
    QTest::newRow("caseworker cannot resolve a colleague's item")
        << CommandType::Resolve << Status::InProgress << QStringLiteral("chloe")
        << std::optional(RefusalCode::NotAssignedToYou);
    QTest::newRow("caseworker cannot claim a colleague's reopened item")
        << CommandType::Claim << Status::Reopened << QStringLiteral("chloe")
        << std::optional(RefusalCode::AssignedToSomeoneElse);
    QTest::newRow("caseworker cannot release a colleague's item")
        << CommandType::Release << Status::Assigned << QStringLiteral("chloe")
        << std::optional(RefusalCode::NotAssignedToYou);
    QTest::newRow("caseworker may note a colleague's item")
        << CommandType::AddNote << Status::InProgress << QStringLiteral("chloe") << std::optional<RefusalCode>();
    QTest::newRow("caseworker for HCC only cannot see an OCC item")
        << CommandType::AddNote << Status::New << QStringLiteral("rhys") << std::optional(RefusalCode::NotVisible);
    QTest::newRow("caseworker for HCC only cannot claim an OCC item")
        << CommandType::Claim << Status::New << QStringLiteral("rhys") << std::optional(RefusalCode::NotVisible);
}

void TestLifecycle::rolesAndScope()
{
    QFETCH(CommandType, type);
    QFETCH(Status, status);
    QFETCH(QString, user);
    QFETCH(std::optional<RefusalCode>, refusal);
    const User &u = user == QLatin1String("alex") ? kAlex : user == QLatin1String("chloe") ? kChloe : kRhys;
    const WorkItem item = itemIn(status);
    const Decision d = decideBy(Command::make(type, item.id, 3, u.username, 1700001000, validPayload(type)), item, u);
    QCOMPARE(d.refusal ? std::optional(d.refusal->code) : std::nullopt, refusal);
}

void TestLifecycle::payloads_data()
{
    QTest::addColumn<CommandType>("type");
    QTest::addColumn<Status>("status");
    QTest::addColumn<bool>("asTeamLeader");
    QTest::addColumn<QJsonObject>("payload");
    QTest::addColumn<std::optional<RefusalCode>>("refusal");

    using J = QJsonObject;
    const auto S = [](const char *s) { return QString::fromUtf8(s); };
    QTest::newRow("resolve without an outcome")
        << CommandType::Resolve << Status::InProgress << false << J{} << std::optional(RefusalCode::OutcomeRequired);
    QTest::newRow("resolve with an invoice outcome on an HR change")
        << CommandType::Resolve << Status::InProgress << false << J{{S("outcome"), S("approved_for_payment")}}
        << std::optional(RefusalCode::UnknownOutcome);
    QTest::newRow("resolve with an outcome and a note")
        << CommandType::Resolve << Status::InProgress << false
        << J{{S("outcome"), S("processed")}, {S("note"), S("Keyed in SAP.")}} << std::optional<RefusalCode>();
    QTest::newRow("empty note") << CommandType::AddNote << Status::InProgress << false << J{{S("text"), S("")}}
                                << std::optional(RefusalCode::NoteEmpty);
    QTest::newRow("note of only spaces and newlines")
        << CommandType::AddNote << Status::InProgress << false << J{{S("text"), S("  \n\t ")}}
        << std::optional(RefusalCode::NoteEmpty);
    QTest::newRow("note with no text key")
        << CommandType::AddNote << Status::InProgress << false << J{} << std::optional(RefusalCode::NoteEmpty);
    QTest::newRow("request information without saying what")
        << CommandType::RequestInfo << Status::InProgress << false << J{{S("reason"), S(" ")}}
        << std::optional(RefusalCode::ReasonRequired);
    QTest::newRow("escalate without a reason")
        << CommandType::Escalate << Status::InProgress << false << J{} << std::optional(RefusalCode::ReasonRequired);
    QTest::newRow("reopen without a reason")
        << CommandType::Reopen << Status::Resolved << false << J{} << std::optional(RefusalCode::ReasonRequired);
    QTest::newRow("send back without a reason")
        << CommandType::Reject << Status::Resolved << true << J{} << std::optional(RefusalCode::ReasonRequired);
    QTest::newRow("reassign to nobody") << CommandType::Reassign << Status::InProgress << true << J{}
                                        << std::optional(RefusalCode::AssigneeRequired);
    QTest::newRow("reassign to the person who has it")
        << CommandType::Reassign << Status::InProgress << true << J{{S("assignee"), S("sam.patel")}}
        << std::optional(RefusalCode::NothingChanged);
    QTest::newRow("edit with no fields") << CommandType::EditFields << Status::InProgress << false
                                         << J{{S("fields"), J{}}} << std::optional(RefusalCode::FieldsRequired);
    QTest::newRow("edit a field the kind does not have")
        << CommandType::EditFields << Status::InProgress << false << J{{S("fields"), J{{S("supplier"), S("ACME")}}}}
        << std::optional(RefusalCode::InvalidField);
    QTest::newRow("edit an employee number to a bad one")
        << CommandType::EditFields << Status::InProgress << false
        << J{{S("fields"), J{{S("employee_number"), S("12345")}}}} << std::optional(RefusalCode::InvalidField);
    QTest::newRow("edit a date to a non-date")
        << CommandType::EditFields << Status::InProgress << false
        << J{{S("fields"), J{{S("effective_date"), S("31/11/2026")}}}} << std::optional(RefusalCode::InvalidField);
    QTest::newRow("edit a field to the value it has")
        << CommandType::EditFields << Status::InProgress << false
        << J{{S("fields"), J{{S("job_title"), S("Firefighter")}}}} << std::optional(RefusalCode::NothingChanged);
    QTest::newRow("clear a required field")
        << CommandType::EditFields << Status::InProgress << false << J{{S("fields"), J{{S("employee_name"), S("")}}}}
        << std::optional(RefusalCode::InvalidField);
}

void TestLifecycle::payloads()
{
    QFETCH(CommandType, type);
    QFETCH(Status, status);
    QFETCH(bool, asTeamLeader);
    QFETCH(QJsonObject, payload);
    QFETCH(std::optional<RefusalCode>, refusal);
    const User &u = asTeamLeader ? kPriya : kSam;
    const WorkItem item = itemIn(status);
    const Decision d = decideBy(Command::make(type, item.id, 3, u.username, 1700001000, payload), item, u);
    QCOMPARE(d.refusal ? std::optional(d.refusal->code) : std::nullopt, refusal);
    if (d.refusal)
        QVERIFY2(!d.refusal->message(type, status).isEmpty(), "a refusal must say why");
}

void TestLifecycle::transitions_data()
{
    QTest::addColumn<CommandType>("type");
    QTest::addColumn<Status>("from");
    QTest::addColumn<bool>("asTeamLeader");
    QTest::addColumn<Status>("to");
    QTest::addColumn<QString>("assignee");

    const QString sam = kSam.username, chloe = kChloe.username, none;
    QTest::newRow("claim a new item") << CommandType::Claim << Status::New << false << Status::Assigned << sam;
    QTest::newRow("release an item in progress")
        << CommandType::Release << Status::InProgress << false << Status::New << none;
    QTest::newRow("release a reopened item")
        << CommandType::Release << Status::Reopened << false << Status::Reopened << none;
    QTest::newRow("start an assigned item")
        << CommandType::Start << Status::Assigned << false << Status::InProgress << sam;
    QTest::newRow("request information") << CommandType::RequestInfo << Status::InProgress << false
                                         << Status::AwaitingInfo << sam;
    QTest::newRow("resume after information arrives")
        << CommandType::Resume << Status::AwaitingInfo << false << Status::InProgress << sam;
    QTest::newRow("escalate") << CommandType::Escalate << Status::InProgress << false << Status::Escalated << sam;
    QTest::newRow("team leader hands an escalation back")
        << CommandType::Resume << Status::Escalated << true << Status::InProgress << sam;
    QTest::newRow("resolve a leaver: it waits for a check")
        << CommandType::Resolve << Status::InProgress << false << Status::AwaitingCheck << sam;
    QTest::newRow("team leader passes the check: closed")
        << CommandType::PassCheck << Status::AwaitingCheck << true << Status::Closed << sam;
    QTest::newRow("team leader returns the change to its maker")
        << CommandType::ReturnCheck << Status::AwaitingCheck << true << Status::InProgress << sam;
    QTest::newRow("reopen a resolved item")
        << CommandType::Reopen << Status::Resolved << false << Status::Reopened << sam;
    QTest::newRow("team leader reopens a closed item")
        << CommandType::Reopen << Status::Closed << true << Status::Reopened << sam;
    QTest::newRow("team leader approves a resolution")
        << CommandType::Approve << Status::Resolved << true << Status::Closed << sam;
    QTest::newRow("team leader sends a resolution back")
        << CommandType::Reject << Status::Resolved << true << Status::InProgress << sam;
    QTest::newRow("team leader reassigns work in progress")
        << CommandType::Reassign << Status::InProgress << true << Status::Assigned << chloe;
    QTest::newRow("reassigning keeps an item awaiting information")
        << CommandType::Reassign << Status::AwaitingInfo << true << Status::AwaitingInfo << chloe;
    QTest::newRow("team leader assigns a new item")
        << CommandType::Reassign << Status::New << true << Status::Assigned << chloe;
    QTest::newRow("a note changes no status")
        << CommandType::AddNote << Status::AwaitingInfo << false << Status::AwaitingInfo << sam;
}

void TestLifecycle::transitions()
{
    QFETCH(CommandType, type);
    QFETCH(Status, from);
    QFETCH(bool, asTeamLeader);
    QFETCH(Status, to);
    QFETCH(QString, assignee);
    const User &u = asTeamLeader ? kPriya : kSam;
    WorkItem item = itemIn(from);
    const Command cmd = Command::make(type, item.id, 3, u.username, 1700001000, validPayload(type));
    const Decision d = decideBy(cmd, item, u);
    QVERIFY2(d.allowed(), qPrintable(d.refusal ? d.refusal->message(type, from) : QString()));
    lifecycle::apply(item, d.effect, cmd.at);
    QCOMPARE(item.status, to);
    QCOMPARE(item.assignee, assignee);
    QCOMPARE(item.updated, cmd.at);
    QCOMPARE(item.version, 3); // the store owns versions
    QCOMPARE(d.effect.event.from, from);
    QCOMPARE(d.effect.event.to, to);
    QCOMPARE(d.effect.event.type, commandName(type));
    QCOMPARE(d.effect.note.has_value(), type == CommandType::AddNote);
}

void TestLifecycle::refusalsReadAsSentences()
{
    const WorkItem item = itemIn(Status::AwaitingInfo);
    const Decision d =
        decideBy(Command::make(CommandType::Resolve, item.id, 3, kSam.username, 1, validPayload(CommandType::Resolve)),
                 item, kSam);
    QVERIFY(d.refusal);
    QCOMPARE(d.refusal->message(CommandType::Resolve, item.status),
             QStringLiteral("You can't do this (Resolve) while the item is awaiting information."));

    const Decision other = decideBy(
        Command::make(CommandType::Resolve, item.id, 3, kChloe.username, 1, validPayload(CommandType::Resolve)),
        itemIn(Status::InProgress), kChloe);
    QCOMPARE(other.refusal->message(CommandType::Resolve, Status::InProgress),
             QStringLiteral("This item is assigned to sam.patel. Only they can do this (Resolve)."));
}

void TestLifecycle::identifierFieldsAreCheckedByTheirRules_data()
{
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("subtype");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("problem"); // a word of the sentence, or empty for none
    QTest::addColumn<QString>("shown");
    const Kind hr = Kind::HrChange;
    QTest::newRow("new starter's NI number, typed with spaces, shown masked")
        << hr << u"new_starter"_s << u"ni_number"_s << u"ab 12 34 56 c"_s << QString() << u"•••••456C"_s;
    QTest::newRow("new starter with no NI number yet")
        << hr << u"new_starter"_s << u"ni_number"_s << QString() << QString() << u"No number yet"_s;
    QTest::newRow("a temporary TN reference is not an NI number")
        << hr << u"new_starter"_s << u"ni_number"_s << u"TN 01 02 80 M"_s << u"temporary"_s << u"•••••280M"_s;
    QTest::newRow("NI number with a D prefix")
        << hr << u"new_starter"_s << u"ni_number"_s << u"DA123456C"_s << u"cannot start with D"_s << u"•••••456C"_s;
    QTest::newRow("tax code explained") << hr << u"new_starter"_s << u"tax_code"_s << u"1257l"_s << QString()
                                        << u"1257L: tax-free personal allowance of £12,570; cumulative"_s;
    QTest::newRow("tax code that is not one")
        << hr << u"new_starter"_s << u"tax_code"_s << u"1257Q"_s << u"1257Q"_s << u"1257Q"_s;
    QTest::newRow("postcode written canonically")
        << hr << u"address_change"_s << u"postcode"_s << u"so23 8ug"_s << QString() << u"SO23 8UG"_s;
    QTest::newRow("postcode with a C in its inward code")
        << hr << u"address_change"_s << u"postcode"_s << u"SO23 8CG"_s << u"SO23"_s << u"SO23 8CG"_s;
    QTest::newRow("supplier's VAT number") << Kind::Invoice << u"no_po"_s << u"supplier_vat_number"_s
                                           << u"GB 980 7806 84"_s << QString() << u"GB 980 7806 84"_s;
    QTest::newRow("supplier's VAT number with a wrong check digit")
        << Kind::Invoice << u"no_po"_s << u"supplier_vat_number"_s << u"GB 980 7806 85"_s << u"980"_s
        << u"GB 980 7806 85"_s;
}

void TestLifecycle::identifierFieldsAreCheckedByTheirRules()
{
    QFETCH(Kind, kind);
    QFETCH(QString, subtype);
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, problem);
    QFETCH(QString, shown);
    const auto specs = fieldSpecs(kind, subtype);
    const auto spec =
        std::find_if(specs.begin(), specs.end(), [&](const FieldSpec &s) { return field == QLatin1String(s.key); });
    QVERIFY2(spec != specs.end(), qPrintable(field));
    const QJsonValue v = value.isNull() ? QJsonValue() : QJsonValue(value);
    const QString why = validateField(*spec, v);
    if (problem.isEmpty())
        QVERIFY2(why.isEmpty(), qPrintable(why));
    else
        QVERIFY2(why.contains(problem, Qt::CaseInsensitive), qPrintable(why));
    QCOMPARE(displayField(*spec, v), shown);
}

void TestLifecycle::bankDetailsThatCannotExistAreNeverResolved_data()
{
    QTest::addColumn<QString>("sortCode");
    QTest::addColumn<QString>("account");
    QTest::addColumn<CommandType>("type");
    QTest::addColumn<std::optional<RefusalCode>>("refusal");
    const auto none = std::optional<RefusalCode>();
    // VocaLink's test cases 1 (passes), 29 (fails modulus 10) and 30 (fails modulus 11).
    QTest::newRow("resolve: an account that passes") << u"08-99-99"_s << u"66374958"_s << CommandType::Resolve << none;
    QTest::newRow("resolve: fails modulus 10")
        << u"08-99-99"_s << u"66374959"_s << CommandType::Resolve << std::optional(RefusalCode::AccountFailsCheck);
    QTest::newRow("resolve: fails modulus 11")
        << u"10-79-99"_s << u"88837493"_s << CommandType::Resolve << std::optional(RefusalCode::AccountFailsCheck);
    QTest::newRow("resolve: a sort code with no check is accepted")
        << u"99-99-99"_s << u"12345678"_s << CommandType::Resolve << none;
    QTest::newRow("send back for the right details")
        << u"08-99-99"_s << u"66374959"_s << CommandType::RequestInfo << none;
    QTest::newRow("escalate") << u"08-99-99"_s << u"66374959"_s << CommandType::Escalate << none;
    QTest::newRow("correct the account number") << u"08-99-99"_s << u"66374959"_s << CommandType::EditFields << none;
}

void TestLifecycle::bankDetailsThatCannotExistAreNeverResolved()
{
    QFETCH(QString, sortCode);
    QFETCH(QString, account);
    QFETCH(CommandType, type);
    QFETCH(std::optional<RefusalCode>, refusal);
    WorkItem item = itemIn(Status::InProgress);
    item.subtype = u"bank_details"_s;
    item.fields.remove(u"leaving_reason"_s);
    item.fields.insert(u"sort_code"_s, sortCode);
    item.fields.insert(u"account_number"_s, account);
    QJsonObject payload = validPayload(type);
    if (type == CommandType::EditFields)
        payload = {{u"fields"_s, QJsonObject{{u"account_number"_s, u"66374958"_s}}}};
    // The button is greyed with the reason (check), and the command refused (decide).
    const auto checked = lifecycle::check(type, item, kSam, 1700001000);
    QCOMPARE(checked ? std::optional(checked->code) : std::nullopt, refusal);
    const Decision d = decideBy(Command::make(type, item.id, 3, kSam.username, 1700001000, payload), item, kSam);
    QCOMPARE(d.refusal ? std::optional(d.refusal->code) : std::nullopt, refusal);
    if (refusal) {
        const QString why = d.refusal->message(type, item.status);
        QVERIFY2(why.contains(u"cannot exist at sort code 08-99-99"_s) || why.contains(u"10-79-99"_s), qPrintable(why));
        QVERIFY2(why.contains(u"send it back"_s), qPrintable(why));
    }
}

QTEST_GUILESS_MAIN(TestLifecycle)
#include "tst_lifecycle.moc"

void TestLifecycle::changesThatNeedASecondPerson_data()
{
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<QString>("subtype");
    QTest::addColumn<QString>("outcome");
    QTest::addColumn<QJsonObject>("fields");
    QTest::addColumn<qint64>("thresholdPence");
    QTest::addColumn<bool>("checked");

    const qint64 ten = kDefaultApprovalThresholdPence;
    const auto gross = [](qint64 pence) { return QJsonObject{{u"gross"_s, double(pence)}}; };
    const QJsonObject died{{u"leaving_reason"_s, u"Death in service"_s}};
    QTest::newRow("bank details processed")
        << Kind::HrChange << u"bank_details"_s << u"processed"_s << QJsonObject() << ten << true;
    QTest::newRow("bank details withdrawn: nothing changes")
        << Kind::HrChange << u"bank_details"_s << u"withdrawn"_s << QJsonObject() << ten << false;
    QTest::newRow("leaver processed") << Kind::HrChange << u"leaver"_s << u"processed"_s << QJsonObject() << ten
                                      << true;
    QTest::newRow("death in service processed")
        << Kind::HrChange << u"leaver"_s << u"processed"_s << died << ten << true;
    QTest::newRow("change of hours processed")
        << Kind::HrChange << u"hours_change"_s << u"processed"_s << QJsonObject() << ten << true;
    QTest::newRow("change of address processed")
        << Kind::HrChange << u"address_change"_s << u"processed"_s << QJsonObject() << ten << false;
    QTest::newRow("overpayment recovered")
        << Kind::PayrollException << u"overpayment"_s << u"recovery_arranged"_s << QJsonObject() << ten << true;
    QTest::newRow("underpayment paid off-cycle")
        << Kind::PayrollException << u"underpayment"_s << u"off_cycle_payment"_s << QJsonObject() << ten << true;
    QTest::newRow("underpayment in the next payroll")
        << Kind::PayrollException << u"underpayment"_s << u"corrected_next_payroll"_s << QJsonObject() << ten << false;
    QTest::newRow("invoice paid at £10,000.01")
        << Kind::Invoice << u"no_po"_s << u"approved_for_payment"_s << gross(ten + 1) << ten << true;
    QTest::newRow("invoice paid at exactly £10,000")
        << Kind::Invoice << u"no_po"_s << u"approved_for_payment"_s << gross(ten) << ten << false;
    QTest::newRow("invoice of £20,000 returned to supplier")
        << Kind::Invoice << u"disputed"_s << u"returned_to_supplier"_s << gross(2 * ten) << ten << false;
    QTest::newRow("invoice of £20,000 under a £25,000 threshold")
        << Kind::Invoice << u"no_po"_s << u"approved_for_payment"_s << gross(2 * ten) << 25'000'00LL << false;
}

void TestLifecycle::changesThatNeedASecondPerson()
{
    QFETCH(Kind, kind);
    QFETCH(QString, subtype);
    QFETCH(QString, outcome);
    QFETCH(QJsonObject, fields);
    QFETCH(qint64, thresholdPence);
    QFETCH(bool, checked);
    WorkItem item = itemIn(Status::InProgress);
    item.kind = kind;
    item.subtype = subtype;
    item.fields = fields;
    SlaPolicy policy;
    policy.approvalThresholdPence = thresholdPence;
    const Decision d = lifecycle::decide(
        Command::make(CommandType::Resolve, item.id, 3, kSam.username, 1700001000, {{u"outcome"_s, outcome}}), item,
        kSam, policy);
    QVERIFY2(d.allowed(), qPrintable(d.refusal ? d.refusal->message(CommandType::Resolve, item.status) : QString()));
    QCOMPARE(d.effect.to, checked ? Status::AwaitingCheck : Status::Resolved);
    QCOMPARE(d.effect.assignee, kSam.username); // the maker stays on the item, so that they cannot check it
    QCOMPARE(checkReason(item, outcome, policy).isEmpty(), !checked);
}

void TestLifecycle::theCheckIsNeverTheMakers_data()
{
    QTest::addColumn<QString>("who");
    QTest::addColumn<CommandType>("type");
    QTest::addColumn<std::optional<RefusalCode>>("refusal");
    for (const CommandType type : {CommandType::PassCheck, CommandType::ReturnCheck}) {
        const QString c = commandName(type);
        QTest::newRow(qPrintable(c + u": the maker"_s))
            << u"sam"_s << type << std::optional(RefusalCode::MakerCannotCheck);
        QTest::newRow(qPrintable(c + u": a caseworker who is no checker"_s))
            << u"chloe"_s << type << std::optional(RefusalCode::CheckerOnly);
        QTest::newRow(qPrintable(c + u": a checker"_s)) << u"gwen"_s << type << std::optional<RefusalCode>();
        QTest::newRow(qPrintable(c + u": a team leader"_s)) << u"priya"_s << type << std::optional<RefusalCode>();
        QTest::newRow(qPrintable(c + u": an auditor"_s))
            << u"alex"_s << type << std::optional(RefusalCode::ReadOnlyRole);
        QTest::newRow(qPrintable(c + u": a checker for other partners"_s))
            << u"rhys"_s << type << std::optional(RefusalCode::NotVisible);
    }
    // Nothing skips the check: no approval, resolve or edit while it waits.
    for (const CommandType type : {CommandType::Approve, CommandType::Resolve, CommandType::EditFields,
                                   CommandType::Reassign, CommandType::Release})
        QTest::newRow(qPrintable(commandName(type) + u" while it awaits a check"_s))
            << u"priya"_s << type << std::optional(RefusalCode::WrongStatus);
}

void TestLifecycle::theCheckIsNeverTheMakers()
{
    QFETCH(QString, who);
    QFETCH(CommandType, type);
    QFETCH(std::optional<RefusalCode>, refusal);
    const std::map<QString, const User *> users{{u"sam"_s, &kSam},     {u"chloe"_s, &kChloe}, {u"gwen"_s, &kGwen},
                                                {u"priya"_s, &kPriya}, {u"alex"_s, &kAlex},   {u"rhys"_s, &kRhys}};
    const User &u = *users.at(who);
    const WorkItem item = itemIn(Status::AwaitingCheck); // Sam made the change
    const auto checked = lifecycle::check(type, item, u);
    QCOMPARE(checked ? std::optional(checked->code) : std::nullopt, refusal);
    const Decision d = decideBy(Command::make(type, item.id, 3, u.username, 1700001000, validPayload(type)), item, u);
    QCOMPARE(d.refusal ? std::optional(d.refusal->code) : std::nullopt, refusal);
    if (d.refusal)
        QVERIFY(!d.refusal->message(type, item.status).isEmpty());
}

void TestLifecycle::aPassedCheckWaitsForApprovalOnlyWhereThePolicyAsks()
{
    WorkItem item = itemIn(Status::AwaitingCheck);
    SlaPolicy policy;
    const Command pass = Command::make(CommandType::PassCheck, item.id, 3, kGwen.username, 1700001000);
    QCOMPARE(lifecycle::decide(pass, item, kGwen, policy).effect.to, Status::Closed);
    policy.approveChecked = true;
    const Decision d = lifecycle::decide(pass, item, kGwen, policy);
    QCOMPARE(d.effect.to, Status::Resolved);
    lifecycle::apply(item, d.effect, pass.at);
    QVERIFY(!lifecycle::check(CommandType::Approve, item, kPriya)); // then a team leader approves it
    QCOMPARE(lifecycle::check(CommandType::Approve, item, kGwen)->code, RefusalCode::TeamLeaderOnly);

    // Returned: back with its maker, in progress, with the checker's reason in the history.
    item = itemIn(Status::AwaitingCheck);
    const Decision back = decideBy(Command::make(CommandType::ReturnCheck, item.id, 3, kGwen.username, 1700001000,
                                                 {{u"reason"_s, u"The effective date is a Sunday."_s}}),
                                   item, kGwen);
    QCOMPARE(back.effect.to, Status::InProgress);
    QCOMPARE(back.effect.assignee, kSam.username);
    QCOMPARE(back.effect.event.detail, u"The effective date is a Sunday."_s);
    QCOMPARE(decideBy(Command::make(CommandType::ReturnCheck, item.id, 3, kGwen.username, 1700001000), item, kGwen)
                 .refusal->code,
             RefusalCode::ReasonRequired);
}

void TestLifecycle::aCheckerCannotPassAnAccountThatFails()
{
    WorkItem item = itemIn(Status::AwaitingCheck);
    item.subtype = u"bank_details"_s;
    item.fields = QJsonObject{{u"sort_code"_s, u"08-99-99"_s}, {u"account_number"_s, u"66374959"_s}};
    QCOMPARE(lifecycle::check(CommandType::PassCheck, item, kGwen)->code, RefusalCode::AccountFailsCheck);
    QVERIFY(!lifecycle::check(CommandType::ReturnCheck, item, kGwen)); // it can always go back
    item.fields.insert(u"account_number"_s, u"66374958"_s);
    QVERIFY(!lifecycle::check(CommandType::PassCheck, item, kGwen));
}

void TestLifecycle::aSensitiveCaseIsSeenOnlyByThoseItConcerns_data()
{
    QTest::addColumn<QString>("who");
    QTest::addColumn<bool>("sees");
    QTest::newRow("its assignee") << u"sam"_s << true;
    QTest::newRow("a team leader") << u"priya"_s << true;
    QTest::newRow("a caseworker named on it") << u"gwen"_s << true;
    QTest::newRow("another caseworker of the partner") << u"chloe"_s << false;
    QTest::newRow("an auditor not named on it") << u"alex"_s << false;
    QTest::newRow("a caseworker of another partner") << u"rhys"_s << false;
}

void TestLifecycle::aSensitiveCaseIsSeenOnlyByThoseItConcerns()
{
    QFETCH(QString, who);
    QFETCH(bool, sees);
    const std::map<QString, const User *> users{{u"sam"_s, &kSam},     {u"chloe"_s, &kChloe}, {u"gwen"_s, &kGwen},
                                                {u"priya"_s, &kPriya}, {u"alex"_s, &kAlex},   {u"rhys"_s, &kRhys}};
    const User &u = *users.at(who);
    WorkItem item = itemIn(Status::InProgress);
    QVERIFY(u.sees(item) == (u.username != kRhys.username)); // before: the partner decides
    item.sensitive = u"Grievance"_s;
    item.named = QStringList{kGwen.username};
    QCOMPARE(u.sees(item), sees);
    const auto note = lifecycle::check(CommandType::AddNote, item, u);
    if (!sees)
        QCOMPARE(note->code, RefusalCode::NotVisible);
    QCOMPARE(item.summary(), u"Sensitive case"_s); // no list shows whose case it is
}

void TestLifecycle::markingACaseSensitive()
{
    WorkItem item = itemIn(Status::InProgress); // Sam's
    const auto mark = [&](const User &u, QJsonObject payload) {
        return decideBy(Command::make(CommandType::MarkSensitive, item.id, 3, u.username, 1700001000, payload), item,
                        u);
    };
    QCOMPARE(mark(kChloe, {}).refusal->code, RefusalCode::ReasonRequired);
    const QJsonObject safeguarding{{u"reason"_s, u"Safeguarding concern"_s}, {u"named"_s, QJsonArray{u"gwen.price"_s}}};
    // Chloe marks Sam's item: she stays able to see it, named beside Gwen.
    const Decision d = mark(kChloe, safeguarding);
    QVERIFY(d.allowed());
    lifecycle::apply(item, d.effect, 1700001000);
    QCOMPARE(item.sensitive, u"Safeguarding concern"_s);
    QCOMPARE(item.named, QStringList({u"gwen.price"_s, u"chloe.davies"_s}));
    QCOMPARE(d.effect.event.detail, u"Safeguarding concern"_s);
    QCOMPARE(item.status, Status::InProgress);
    QVERIFY(kChloe.sees(item) && kSam.sees(item) && kGwen.sees(item) && !kAlex.sees(item));
    // Sam marks it again as it is: nothing would change.
    QCOMPARE(mark(kSam, {{u"reason"_s, u"Safeguarding concern"_s},
                         {u"named"_s, QJsonArray{u"gwen.price"_s, u"chloe.davies"_s}}})
                 .refusal->code,
             RefusalCode::NothingChanged);
}
