#pragma once

#include "domain/User.h"
#include "domain/WorkItem.h"

#include <vector>

namespace ibc::models {

class SlaRules;
class WorkingCalendar;

// One generated work item with its notes and history.
struct GeneratedItem {
    WorkItem item;
    std::vector<Note> notes;
    std::vector<Event> events;
};

// Makes realistic work for the eight partners: names and employee numbers, UK suppliers with VAT
// at 20% or 0%, purchase-order and invoice numbers, amounts and dates spread over the months
// before `anchor`, and a mix of statuses and assignees like a real IBC's.
//
// Deterministic: the same seed and anchor give the same items, byte for byte, on any machine
// (its own random generator; no std::distribution, whose results differ between libraries).
// Not thread safe; cheap to make one per thread.
class DemoGenerator {
public:
    DemoGenerator(quint64 seed, EpochSecs anchor);

    // The next item; the n-th call returns item number n (reference suffix n, from 1).
    GeneratedItem next();
    qint64 generated() const { return m_count; }

    // The documented demo accounts (a caseworker for all partners, who is the desk's default user
    // and comes first; a caseworker for HCC only; a team leader; an auditor; an intake system; an
    // admin), then the floor of caseworkers and team leaders the demo work is assigned to.
    static std::vector<User> demoUsers();

    // The anchor the desk uses by default: midnight UTC at the start of today, so that the
    // demo's "recent months" are recent, and a day's runs agree.
    static EpochSecs defaultAnchor();

private:
    quint64 nextRandom();
    int below(int n); // uniform in [0, n)
    double unit();    // uniform in [0, 1)
    template <typename T, std::size_t N>
    const T &pick(const T (&list)[N])
    {
        return list[below(int(N))];
    }
    QString uuid();
    QString employeeNumber();
    QString personName();
    double logNormal(double median, double sigma);

    // next()'s parts. Each draws from the one random sequence, so the order they are called in
    // (and the order of the draws within each) is part of what the generator makes.
    Kind drawKind();
    int drawPartner(); // an index in partners()
    EpochSecs drawReceived();
    Priority drawPriority();
    void drawHrFields(WorkItem &it, const SlaRules &rules, const WorkingCalendar &calendar);
    void drawInvoiceFields(WorkItem &it);
    void drawPayrollFields(WorkItem &it, const SlaRules &rules, const WorkingCalendar &calendar);
    struct Story;
    Story drawStory(const WorkItem &it, int partner, const SlaRules &rules, const WorkingCalendar &calendar);
    Status writeHistory(GeneratedItem &g, const Story &story, const QString &worker, const WorkingCalendar &calendar);

    quint64 m_state[4];
    EpochSecs m_anchor;
    qint64 m_count = 0;
    std::vector<std::vector<QString>> m_workers; // caseworkers' usernames, by partner index
    QStringList m_suppliers;
};

} // namespace ibc::models
