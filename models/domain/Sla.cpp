#include "domain/Sla.h"

#include "domain/Fields.h"
#include "domain/Partner.h"

#include <QCoreApplication>
#include <QJsonArray>

#include <algorithm>

namespace ibc::models {

namespace {

QLatin1String l1(const char *text) { return QLatin1String(text); }

std::optional<QDate> dateField(const QJsonObject &fields, const char *key)
{
    const QDate d = QDate::fromString(fields.value(l1(key)).toString(), Qt::ISODate);
    return d.isValid() ? std::optional(d) : std::nullopt;
}

bool isPayAffecting(const QString &subtype)
{
    return subtype == l1("new_starter") || subtype == l1("leaver") || subtype == l1("hours_change") ||
           subtype == l1("bank_details");
}

QJsonArray datesJson(const std::vector<QDate> &dates)
{
    QJsonArray out;
    for (QDate d : dates)
        out.append(d.toString(Qt::ISODate));
    return out;
}

std::optional<std::vector<QDate>> datesFromJson(const QJsonValue &v, const QString &where, QString *error)
{
    std::vector<QDate> out;
    if (!v.isUndefined() && !v.isArray()) {
        *error = QStringLiteral("%1 is not a list of dates").arg(where);
        return std::nullopt;
    }
    for (const QJsonValue &d : v.toArray()) {
        const QDate date = QDate::fromString(d.toString(), Qt::ISODate);
        if (!date.isValid()) {
            *error = QStringLiteral("%1 holds \"%2\", which is not a date (YYYY-MM-DD)").arg(where, d.toString());
            return std::nullopt;
        }
        out.push_back(date);
    }
    std::sort(out.begin(), out.end());
    return out;
}

// How well a policy fits an item: -1 if it does not; higher is more specific.
int specificity(const SlaPolicy &p, const QString &partner, Kind kind, const QString &subtype)
{
    if (p.kind != kind || (!p.partner.isEmpty() && p.partner != partner) ||
        (!p.subtype.isEmpty() && p.subtype != subtype))
        return -1;
    return (p.partner.isEmpty() ? 0 : 2) + (p.subtype.isEmpty() ? 0 : 1);
}

} // namespace

QString slaLabel(SlaState state)
{
    static const char *const labels[] = {
        QT_TRANSLATE_NOOP("ibc::models::Sla", "On track"), QT_TRANSLATE_NOOP("ibc::models::Sla", "At risk"),
        QT_TRANSLATE_NOOP("ibc::models::Sla", "Breached"), QT_TRANSLATE_NOOP("ibc::models::Sla", "Paused"),
        QT_TRANSLATE_NOOP("ibc::models::Sla", "Met")};
    return QCoreApplication::translate("ibc::models::Sla", labels[int(state)]);
}

QString SlaPolicy::targetText() const
{
    return QString::number(target) + QLatin1Char(unit == TargetUnit::WorkingDays ? 'd' : 'h');
}

std::optional<std::pair<int, TargetUnit>> parseTarget(const QString &text, QString *error)
{
    const QString t = text.trimmed().toLower();
    bool ok = false;
    const int n = t.left(t.size() - 1).toInt(&ok);
    if (t.size() < 2 || !ok || n <= 0 || n > 1000 || (!t.endsWith(QLatin1Char('d')) && !t.endsWith(QLatin1Char('h')))) {
        *error = QStringLiteral("target \"%1\" is not a number of working days or hours, like 5d or 16h").arg(text);
        return std::nullopt;
    }
    return std::pair(n, t.endsWith(QLatin1Char('d')) ? TargetUnit::WorkingDays : TargetUnit::WorkingHours);
}

std::vector<SlaPolicy> SlaRules::defaultPolicies()
{
    std::vector<SlaPolicy> out{
        {{}, Kind::HrChange, {}, 5, TargetUnit::WorkingDays, false, 0},
        {{}, Kind::Invoice, {}, 10, TargetUnit::WorkingDays, false, 30},
        {{}, Kind::PayrollException, {}, 2, TargetUnit::WorkingDays, true, 0},
    };
    for (const char *sub : subtypes(Kind::HrChange))
        if (isPayAffecting(l1(sub)))
            out.push_back({{}, Kind::HrChange, l1(sub), 5, TargetUnit::WorkingDays, true, 0});
    return out;
}

PartnerCalendar SlaRules::defaultCalendar(const QString &partner)
{
    static const struct {
        const char *code;
        int day;
    } days[] = {{"HCC", 10},   {"OCC", 12},  {"HIWC", 8},  {"OPCC", 8},
                {"HIWFRS", 9}, {"LBHF", 14}, {"RBKC", 14}, {"WCC", 15}};
    PartnerCalendar c;
    c.partner = partner;
    for (const auto &d : days)
        if (partner == l1(d.code))
            c.payrollCutoffDay = d.day;
    return c;
}

SlaRules::SlaRules() : SlaRules(shippedBankHolidays(), {}, defaultPolicies(), {}) {}

SlaRules::SlaRules(std::vector<BankHoliday> bankHolidays, std::vector<PartnerCalendar> calendars,
                   std::vector<SlaPolicy> policies, std::vector<HandlingTime> handling)
    : m_bankHolidays(std::move(bankHolidays))
    , m_policies(std::move(policies))
    , m_handling(std::move(handling))
{
    // Every partner has a calendar: its own if given, else the default.
    for (const Partner &p : partners()) {
        const QString code = l1(p.code);
        auto own = std::find_if(calendars.begin(), calendars.end(),
                                [&](const PartnerCalendar &c) { return c.partner == code; });
        m_calendars.push_back(own != calendars.end() ? *own : defaultCalendar(code));
    }
    // Partners the build does not know (a store's own): kept, so that nothing sent is lost.
    for (const PartnerCalendar &c : calendars)
        if (!isPartnerCode(c.partner))
            m_calendars.push_back(c);
    for (const PartnerCalendar &c : m_calendars) {
        std::vector<QDate> closed = c.closed;
        for (const BankHoliday &b : m_bankHolidays)
            closed.push_back(b.date);
        m_working.emplace_back(c.hours, std::move(closed));
    }
    // A kind without a policy of its own for every partner still gets the default's.
    for (const SlaPolicy &d : defaultPolicies())
        if (d.subtype.isEmpty() && std::none_of(m_policies.begin(), m_policies.end(), [&](const SlaPolicy &p) {
                return p.kind == d.kind && p.partner.isEmpty() && p.subtype.isEmpty();
            }))
            m_policies.push_back(d);
}

std::shared_ptr<const SlaRules> SlaRules::defaults()
{
    static const std::shared_ptr<const SlaRules> rules = std::make_shared<const SlaRules>();
    return rules;
}

const PartnerCalendar &SlaRules::partnerCalendar(const QString &partner) const
{
    for (const PartnerCalendar &c : m_calendars)
        if (c.partner == partner)
            return c;
    return m_calendars.front();
}

const WorkingCalendar &SlaRules::calendar(const QString &partner) const
{
    for (std::size_t i = 0; i < m_calendars.size(); ++i)
        if (m_calendars[i].partner == partner)
            return m_working[i];
    return m_working.front();
}

const SlaPolicy &SlaRules::policy(const QString &partner, Kind kind, const QString &subtype) const
{
    const SlaPolicy *best = nullptr;
    int bestScore = -1;
    for (const SlaPolicy &p : m_policies)
        if (const int score = specificity(p, partner, kind, subtype); score > bestScore) {
            best = &p;
            bestScore = score;
        }
    return *best; // the constructor keeps a default for every kind
}

qint64 SlaRules::targetSeconds(const QString &partner, Kind kind, const QString &subtype) const
{
    const SlaPolicy &p = policy(partner, kind, subtype);
    return p.unit == TargetUnit::WorkingDays ? p.target * calendar(partner).daySeconds() : p.target * qint64(3600);
}

EpochSecs SlaRules::payrollCutoffFrom(const QString &partner, QDate day) const
{
    const PartnerCalendar &pc = partnerCalendar(partner);
    const WorkingCalendar &cal = calendar(partner);
    QDate cut;
    const auto listed = std::lower_bound(pc.payrollCutoffs.begin(), pc.payrollCutoffs.end(), day);
    if (listed != pc.payrollCutoffs.end()) {
        cut = *listed;
    } else {
        const auto inMonth = [&](QDate d) {
            return QDate(d.year(), d.month(), std::min(pc.payrollCutoffDay, d.daysInMonth()));
        };
        cut = inMonth(day);
        if (cut < day)
            cut = inMonth(QDate(day.year(), day.month(), 1).addMonths(1));
    }
    return cal.at(cal.workingDayOnOrBefore(cut), kPayrollCutoffMinute);
}

EpochSecs SlaRules::payrollCutoffAfter(const QString &partner, EpochSecs t) const
{
    // A cut-off moved back a few days can come before its date: look from a week before.
    const WorkingCalendar &cal = calendar(partner);
    for (QDate d = cal.dateAt(t).addDays(-7);; d = d.addDays(1)) {
        const EpochSecs cut = payrollCutoffFrom(partner, d);
        if (cut > t)
            return cut;
    }
}

EpochSecs SlaRules::payrollCutoffFor(const QString &partner, QDate effective, EpochSecs received) const
{
    const EpochSecs cut = payrollCutoffFrom(partner, effective);
    return cut > received ? cut : payrollCutoffAfter(partner, received);
}

DueTimes SlaRules::due(const WorkItem &item, qint64 pausedSeconds) const
{
    const SlaPolicy &p = policy(item.partner, item.kind, item.subtype);
    const WorkingCalendar &cal = calendar(item.partner);
    DueTimes d;
    d.processBy = cal.add(item.received, targetSeconds(item.partner, item.kind, item.subtype) + pausedSeconds);
    d.due = d.processBy;
    if (p.paymentTermsDays > 0) {
        QDate pay = cal.dateAt(item.received).addDays(p.paymentTermsDays);
        if (auto own = dateField(item.fields, "payment_due"); own && *own < pay)
            pay = *own;
        d.payBy = cal.at(cal.workingDayOnOrBefore(pay), cal.hours().end);
        d.due = std::min(d.due, d.payBy);
    }
    if (p.notAfterPayrollCutoff) {
        if (auto named = dateField(item.fields, "payroll_cutoff"))
            d.cutoff = cal.at(cal.workingDayOnOrBefore(*named), kPayrollCutoffMinute);
        else if (auto effective = dateField(item.fields, "effective_date"); effective && item.kind == Kind::HrChange)
            d.cutoff = payrollCutoffFor(item.partner, *effective, item.received);
        else
            d.cutoff = payrollCutoffAfter(item.partner, item.received);
        d.due = std::min(d.due, d.cutoff);
    }
    return d;
}

EpochSecs SlaRules::dueAt(const WorkItem &item, std::span<const Event> history, EpochSecs at) const
{
    return due(item, pausedSeconds(calendar(item.partner), history, at)).due;
}

SlaStatus SlaRules::status(const WorkItem &item, EpochSecs now) const
{
    SlaStatus s;
    if (item.status == Status::Resolved || item.status == Status::Closed) {
        s.state = SlaState::Met;
        return s;
    }
    const WorkingCalendar &cal = calendar(item.partner);
    s.left = cal.between(now, item.due);
    s.usual = targetSeconds(item.partner, item.kind, item.subtype) / 4;
    for (const HandlingTime &h : m_handling)
        if (h.kind == item.kind && h.subtype == item.subtype && h.items >= kHandlingMinimumItems) {
            s.usual = h.p75Seconds;
            s.usualFromHistory = true;
        }
    if (item.status == Status::AwaitingInfo)
        s.state = SlaState::Paused;
    else if (now >= item.due) {
        s.state = SlaState::Breached;
        s.overdue = cal.between(item.due, now);
    } else
        s.state = s.left < s.usual ? SlaState::AtRisk : SlaState::OnTrack;
    return s;
}

QString SlaRules::explain(const WorkItem &item, const SlaStatus &status) const
{
    const qint64 day = calendar(item.partner).daySeconds();
    const QString left = workingTimeText(status.left, day);
    const QString usual = workingTimeText(status.usual, day);
    switch (status.state) {
    case SlaState::Met: return QCoreApplication::translate("ibc::models::Sla", "Met: the work is done.");
    case SlaState::Paused:
        return QCoreApplication::translate("ibc::models::Sla",
                                           "Paused: the clock stops while we wait for information.");
    case SlaState::Breached:
        return QCoreApplication::translate("ibc::models::Sla", "Breached: %1 of working time past its due time.")
            .arg(workingTimeText(status.overdue, day));
    case SlaState::AtRisk:
        return status.usualFromHistory
                   ? QCoreApplication::translate("ibc::models::Sla",
                                                 "At risk: %1 left; work like this (%2) usually takes up to %3.")
                         .arg(left, subtypeLabel(item.subtype).toLower(), usual)
                   : QCoreApplication::translate("ibc::models::Sla",
                                                 "At risk: %1 left, less than a quarter of its time.")
                         .arg(left);
    case SlaState::OnTrack: break;
    }
    return QCoreApplication::translate("ibc::models::Sla", "On track: %1 left.").arg(left);
}

QJsonObject SlaRules::toJson() const
{
    QJsonArray holidays;
    for (const BankHoliday &b : m_bankHolidays)
        holidays.append(QJsonObject{{l1("date"), b.date.toString(Qt::ISODate)}, {l1("title"), b.title}});
    QJsonArray calendars;
    for (const PartnerCalendar &c : m_calendars)
        calendars.append(QJsonObject{{l1("partner"), c.partner},
                                     {l1("working_hours"), c.hours.text()},
                                     {l1("closed"), datesJson(c.closed)},
                                     {l1("payroll_cutoff_day"), c.payrollCutoffDay},
                                     {l1("payroll_cutoffs"), datesJson(c.payrollCutoffs)}});
    QJsonArray policies;
    for (const SlaPolicy &p : m_policies) {
        QJsonObject o{{l1("partner"), p.partner},
                      {l1("kind"), kindName(p.kind)},
                      {l1("subtype"), p.subtype},
                      {l1("target"), p.targetText()}};
        QJsonArray notAfter;
        if (p.notAfterPayrollCutoff)
            notAfter.append(l1("payroll_cutoff"));
        if (p.paymentTermsDays > 0) {
            notAfter.append(l1("payment_due"));
            o.insert(l1("payment_terms_days"), p.paymentTermsDays);
        }
        o.insert(l1("not_after"), notAfter);
        if (p.kind == Kind::Invoice)
            o.insert(l1("approval_threshold_pence"), p.approvalThresholdPence);
        o.insert(l1("approve_checked"), p.approveChecked);
        policies.append(o);
    }
    QJsonArray handling;
    for (const HandlingTime &h : m_handling)
        handling.append(QJsonObject{{l1("kind"), kindName(h.kind)},
                                    {l1("subtype"), h.subtype},
                                    {l1("p75_working_seconds"), h.p75Seconds},
                                    {l1("items"), h.items}});
    return QJsonObject{
        {l1("time_zone"), l1("Europe/London")},
        {l1("working_days"), QJsonArray{l1("monday"), l1("tuesday"), l1("wednesday"), l1("thursday"), l1("friday")}},
        {l1("payroll_cutoff_time"), l1("17:00")},
        {l1("bank_holidays"), holidays},
        {l1("calendars"), calendars},
        {l1("policies"), policies},
        {l1("handling"), handling},
        {l1("handling_window_days"), kHandlingWindowDays},
        {l1("handling_minimum_items"), kHandlingMinimumItems}};
}

std::optional<SlaRules> SlaRules::fromJson(const QJsonObject &json, QString *error)
{
    std::vector<BankHoliday> holidays;
    for (const QJsonValue &v : json.value(l1("bank_holidays")).toArray()) {
        const QDate d = QDate::fromString(v.toObject().value(l1("date")).toString(), Qt::ISODate);
        if (!d.isValid()) {
            *error = QStringLiteral("sla.bank_holidays holds a day without a valid date");
            return std::nullopt;
        }
        holidays.push_back({d, v.toObject().value(l1("title")).toString()});
    }
    std::vector<PartnerCalendar> calendars;
    for (const QJsonValue &v : json.value(l1("calendars")).toArray()) {
        const QJsonObject o = v.toObject();
        PartnerCalendar c;
        c.partner = o.value(l1("partner")).toString();
        const QString where = QStringLiteral("sla.calendars[%1]").arg(c.partner);
        const auto hours = parseWorkingHours(o.value(l1("working_hours")).toString(), error);
        auto closed =
            hours ? datesFromJson(o.value(l1("closed")), where + QStringLiteral(".closed"), error) : std::nullopt;
        auto cutoffs =
            closed ? datesFromJson(o.value(l1("payroll_cutoffs")), where + QStringLiteral(".payroll_cutoffs"), error)
                   : std::nullopt;
        const int day = o.value(l1("payroll_cutoff_day")).toInt();
        if (!cutoffs || c.partner.isEmpty() || day < 1 || day > 31) {
            if (cutoffs)
                *error = QStringLiteral("%1 needs a partner and a payroll_cutoff_day from 1 to 31").arg(where);
            else
                error->prepend(where + QStringLiteral(": "));
            return std::nullopt;
        }
        c.hours = *hours;
        c.closed = std::move(*closed);
        c.payrollCutoffs = std::move(*cutoffs);
        c.payrollCutoffDay = day;
        calendars.push_back(std::move(c));
    }
    std::vector<SlaPolicy> policies;
    for (const QJsonValue &v : json.value(l1("policies")).toArray()) {
        const QJsonObject o = v.toObject();
        const auto kind = kindFromName(o.value(l1("kind")).toString());
        const auto target = parseTarget(o.value(l1("target")).toString(), error);
        if (!kind || !target) {
            *error =
                kind ? QStringLiteral("sla.policies: %1").arg(*error)
                     : QStringLiteral("sla.policies holds an unknown kind \"%1\"").arg(o.value(l1("kind")).toString());
            return std::nullopt;
        }
        const QJsonArray notAfter = o.value(l1("not_after")).toArray();
        const qint64 threshold =
            qint64(o.value(l1("approval_threshold_pence")).toDouble(double(kDefaultApprovalThresholdPence)));
        if (threshold < 0) {
            *error = QStringLiteral("sla.policies holds a negative approval_threshold_pence");
            return std::nullopt;
        }
        policies.push_back({o.value(l1("partner")).toString(), *kind, o.value(l1("subtype")).toString(), target->first,
                            target->second, notAfter.contains(l1("payroll_cutoff")),
                            notAfter.contains(l1("payment_due")) ? o.value(l1("payment_terms_days")).toInt() : 0,
                            threshold, o.value(l1("approve_checked")).toBool()});
    }
    std::vector<HandlingTime> handling;
    for (const QJsonValue &v : json.value(l1("handling")).toArray()) {
        const QJsonObject o = v.toObject();
        const auto kind = kindFromName(o.value(l1("kind")).toString());
        if (!kind) {
            *error = QStringLiteral("sla.handling holds an unknown kind \"%1\"").arg(o.value(l1("kind")).toString());
            return std::nullopt;
        }
        handling.push_back({*kind, o.value(l1("subtype")).toString(),
                            qint64(o.value(l1("p75_working_seconds")).toDouble()), o.value(l1("items")).toInt()});
    }
    return SlaRules(std::move(holidays), std::move(calendars), std::move(policies), std::move(handling));
}

qint64 pausedSeconds(const WorkingCalendar &calendar, std::span<const Event> history, EpochSecs now)
{
    qint64 total = 0;
    std::optional<EpochSecs> since;
    for (const Event &e : history) {
        if (since && e.from == Status::AwaitingInfo && e.to != Status::AwaitingInfo) {
            total += calendar.between(*since, e.at);
            since.reset();
        } else if (!since && e.to == Status::AwaitingInfo && e.from != Status::AwaitingInfo) {
            since = e.at;
        }
    }
    if (since)
        total += calendar.between(*since, now);
    return total;
}

bool changesDue(const Event &event, const QJsonObject &fieldChanges)
{
    return (event.from == Status::AwaitingInfo && event.to != Status::AwaitingInfo) ||
           fieldChanges.contains(l1("effective_date")) || fieldChanges.contains(l1("payroll_cutoff")) ||
           fieldChanges.contains(l1("payment_due"));
}

} // namespace ibc::models
