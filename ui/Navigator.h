#pragma once

#include "cache/QueueReader.h"

#include <QTreeWidget>

namespace ibc::ui {

// The left-hand list of views, with counts: the dashboard (team leaders and auditors); the audit log
// (auditors); My work; To check (checkers and team leaders); the three queues; by partner; by
// status. Each view has a name, used by --view and kept across runs: "dashboard", "audit-log",
// "my-work", "to-check", "all", "hr", "invoices", "payroll", "partner:HCC", "status:escalated".
class Navigator : public QTreeWidget {
    Q_OBJECT
public:
    explicit Navigator(QWidget *parent = nullptr);

    void setCounts(const models::QueueCounts &counts);
    // "Conflicts (N)": shown while there are any, or while it is the chosen view.
    void setConflictCount(int count);
    int conflictCount() const { return m_conflicts; }
    bool isConflictsShown() const;
    static QString conflictsView() { return QStringLiteral("conflicts"); }
    // The team leader's dashboard: shown only to those who may see it.
    static QString dashboardView() { return QStringLiteral("dashboard"); }
    void setDashboardAvailable(bool available);
    // The store's audit log: shown only to auditors.
    static QString auditLogView() { return QStringLiteral("audit-log"); }
    void setAuditLogAvailable(bool available);
    // "To check": others' changes awaiting a second person, for checkers and team leaders.
    static QString checkingView() { return QStringLiteral("to-check"); }
    void setCheckingAvailable(bool available);
    bool selectView(const QString &name); // false if there is no such view
    QString currentView() const;

    // The queue filter a view shows (the user's scope is added by the window).
    static std::optional<models::QueueFilter> filterFor(const QString &view);
    static QStringList viewNames();

Q_SIGNALS:
    void viewChosen(const QString &name);

private:
    QTreeWidgetItem *add(QTreeWidgetItem *parent, const QString &name, const QString &label);
    void relabel(const QString &name, int count);
    QTreeWidgetItem *find(const QString &name) const;

    int m_conflicts = 0;
};

} // namespace ibc::ui
