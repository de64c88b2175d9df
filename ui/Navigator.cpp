#include "ui/Navigator.h"

#include "domain/Partner.h"

#include <QHeaderView>

namespace ibc::ui {

using models::Kind;
using models::QueueFilter;

namespace {
constexpr int kNameRole = Qt::UserRole + 1;
constexpr int kLabelRole = Qt::UserRole + 2;
const char *const kKindViews[] = {"hr", "invoices", "payroll"};
} // namespace

Navigator::Navigator(QWidget *parent) : QTreeWidget(parent)
{
    setAccessibleName(tr("Views"));
    setHeaderHidden(true);
    setUniformRowHeights(true);
    setRootIsDecorated(true);
    setIndentation(14);

    auto *dashboard = add(nullptr, dashboardView(), tr("Service levels"));
    dashboard->setToolTip(0, tr("The team leader's dashboard: service levels, the work's age, what falls due, and who "
                                "resolved what (Ctrl+5)"));
    dashboard->setHidden(true);
    auto *auditLog = add(nullptr, auditLogView(), tr("Audit log"));
    auditLog->setToolTip(0, tr("The store's record of who did what and when, to search and export (Ctrl+6)"));
    auditLog->setHidden(true);
    add(nullptr, QStringLiteral("my-work"), tr("My work"));
    auto *checking = add(nullptr, checkingView(), tr("To check"));
    checking->setToolTip(0, tr("Others' changes waiting for a second person's check"));
    checking->setHidden(true);
    add(nullptr, QStringLiteral("all"), tr("All open work"));
    // Changes the store refused: near the top, because each one is waiting for this user.
    auto *conflicts = add(nullptr, conflictsView(), tr("Conflicts"));
    conflicts->setToolTip(0, tr("Changes the store did not accept: retry, change or discard each one"));
    conflicts->setHidden(true);
    auto *queues = add(nullptr, {}, tr("Queues"));
    for (Kind k : models::kAllKinds)
        add(queues, QLatin1String(kKindViews[int(k)]), models::kindPluralLabel(k));
    auto *byPartner = add(nullptr, {}, tr("By partner"));
    for (const auto &p : models::partners())
        add(byPartner, QStringLiteral("partner:%1").arg(QLatin1String(p.code)),
            QStringLiteral("%1 · %2").arg(QLatin1String(p.code), QString::fromUtf8(p.shortName)))
            ->setToolTip(0, QString::fromUtf8(p.name));
    auto *byStatus = add(nullptr, {}, tr("By status"));
    for (models::Status s : models::kAllStatuses)
        add(byStatus, QStringLiteral("status:%1").arg(models::statusName(s)), models::statusLabel(s));
    expandAll();

    connect(this, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *current, QTreeWidgetItem *previous) {
        // Leaving an empty Conflicts view: it has nothing more to show.
        if (previous && previous != current && previous->data(0, kNameRole).toString() == conflictsView() &&
            m_conflicts == 0)
            previous->setHidden(true);
        if (current && !current->data(0, kNameRole).toString().isEmpty())
            Q_EMIT viewChosen(current->data(0, kNameRole).toString());
    });
}

QTreeWidgetItem *Navigator::add(QTreeWidgetItem *parent, const QString &name, const QString &label)
{
    auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(this);
    item->setText(0, label);
    item->setData(0, kNameRole, name);
    item->setData(0, kLabelRole, label);
    if (name.isEmpty()) {
        item->setFlags(Qt::ItemIsEnabled);
        QFont f = font();
        f.setBold(true);
        item->setFont(0, f);
    }
    return item;
}

void Navigator::relabel(const QString &name, int count)
{
    for (QTreeWidgetItemIterator it(this); *it; ++it) {
        if ((*it)->data(0, kNameRole).toString() == name) {
            (*it)->setText(
                0, QStringLiteral("%1  (%2)").arg((*it)->data(0, kLabelRole).toString(), QLocale().toString(count)));
            return;
        }
    }
}

void Navigator::setCounts(const models::QueueCounts &c)
{
    relabel(QStringLiteral("my-work"), c.myWork);
    relabel(checkingView(), c.toCheck);
    relabel(QStringLiteral("all"), c.open);
    for (Kind k : models::kAllKinds)
        relabel(QLatin1String(kKindViews[int(k)]), c.byKind[int(k)]);
    for (const auto &p : models::partners())
        relabel(QStringLiteral("partner:%1").arg(QLatin1String(p.code)), c.byPartner.value(QLatin1String(p.code)));
    for (models::Status s : models::kAllStatuses)
        relabel(QStringLiteral("status:%1").arg(models::statusName(s)), c.byStatus[int(s)]);
}

QTreeWidgetItem *Navigator::find(const QString &name) const
{
    for (QTreeWidgetItemIterator it(const_cast<Navigator *>(this)); *it; ++it)
        if ((*it)->data(0, kNameRole).toString() == name)
            return *it;
    return nullptr;
}

void Navigator::setConflictCount(int count)
{
    m_conflicts = count;
    QTreeWidgetItem *item = find(conflictsView());
    relabel(conflictsView(), count);
    QFont f = font();
    f.setBold(count > 0);
    item->setFont(0, f);
    item->setForeground(0, count > 0 ? QBrush(QColor(0x5A, 0x34, 0x00)) : QBrush());
    item->setHidden(count == 0 && currentView() != conflictsView());
}

void Navigator::setDashboardAvailable(bool available) { find(dashboardView())->setHidden(!available); }

void Navigator::setAuditLogAvailable(bool available) { find(auditLogView())->setHidden(!available); }

void Navigator::setCheckingAvailable(bool available) { find(checkingView())->setHidden(!available); }

bool Navigator::isConflictsShown() const { return !find(conflictsView())->isHidden(); }

bool Navigator::selectView(const QString &name)
{
    QTreeWidgetItem *item = name.isEmpty() ? nullptr : find(name);
    if (!item)
        return false;
    if ((name == dashboardView() || name == auditLogView() || name == checkingView()) && item->isHidden())
        return false; // not for this user
    item->setHidden(false);
    setCurrentItem(item);
    return true;
}

QString Navigator::currentView() const
{
    return currentItem() ? currentItem()->data(0, kNameRole).toString() : QString();
}

QStringList Navigator::viewNames()
{
    QStringList names{dashboardView(), auditLogView(),        QStringLiteral("my-work"),
                      checkingView(),  QStringLiteral("all"), conflictsView()};
    for (const char *k : kKindViews)
        names << QLatin1String(k);
    for (const auto &p : models::partners())
        names << QStringLiteral("partner:%1").arg(QLatin1String(p.code));
    for (models::Status s : models::kAllStatuses)
        names << QStringLiteral("status:%1").arg(models::statusName(s));
    return names;
}

std::optional<QueueFilter> Navigator::filterFor(const QString &view)
{
    QueueFilter f;
    if (view == QLatin1String("my-work")) {
        f.scope = QueueFilter::Scope::MyWork;
        return f;
    }
    if (view == checkingView()) {
        f.scope = QueueFilter::Scope::ToCheck;
        return f;
    }
    if (view == QLatin1String("all"))
        return f;
    for (Kind k : models::kAllKinds)
        if (view == QLatin1String(kKindViews[int(k)])) {
            f.kind = k;
            return f;
        }
    if (view.startsWith(QLatin1String("partner:")) && models::isPartnerCode(view.mid(8))) {
        f.partner = view.mid(8);
        return f;
    }
    if (view.startsWith(QLatin1String("status:"))) {
        if (auto s = models::statusFromName(view.mid(7))) {
            f.status = *s;
            return f;
        }
    }
    return std::nullopt;
}

} // namespace ibc::ui
