#include "ui/ReassignDialog.h"

#include "domain/Lifecycle.h"

#include "domain/Command.h"
#include "domain/Fields.h"
#include "ui/Theme.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace ibc::ui {

ReassignDialog::ReassignDialog(models::Cache &cache, const models::User &user, const models::Clock &clock,
                               const std::vector<models::QueueRow> &items, QWidget *parent)
    : QDialog(parent)
    , m_cache(cache)
    , m_user(user)
    , m_clock(clock)
{
    setWindowTitle(tr("Reassign work"));
    setObjectName(QStringLiteral("reassignDialog"));
    for (const models::QueueRow &r : items)
        if (models::lifecycle::allowedFrom(models::CommandType::Reassign, r.status))
            m_rows.push_back(r);

    QHash<QString, QString> names;
    for (const models::User &u : cache.users())
        names.insert(u.username, u.displayName);
    m_items = new QTableWidget(int(m_rows.size()), 5);
    m_items->setAccessibleName(tr("Work to reassign"));
    m_items->setHorizontalHeaderLabels({tr("Reference"), tr("Work"), tr("Partner"), tr("Assigned to"), tr("Due")});
    m_items->verticalHeader()->hide();
    m_items->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_items->setSelectionBehavior(QAbstractItemView::SelectRows);
    for (int i = 0; i < int(m_rows.size()); ++i) {
        const models::QueueRow &r = m_rows[std::size_t(i)];
        auto *ref = new QTableWidgetItem(r.reference);
        ref->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        ref->setCheckState(Qt::Checked);
        m_items->setItem(i, 0, ref);
        m_items->setItem(i, 1, new QTableWidgetItem(models::subtypeLabel(r.subtype)));
        m_items->setItem(i, 2, new QTableWidgetItem(r.partner));
        m_items->setItem(
            i, 3, new QTableWidgetItem(r.assignee.isEmpty() ? tr("Nobody") : names.value(r.assignee, r.assignee)));
        m_items->setItem(i, 4,
                         new QTableWidgetItem(QLocale().toString(QDateTime::fromSecsSinceEpoch(r.due),
                                                                 QStringLiteral("ddd d MMM HH:mm"))));
    }
    m_items->resizeColumnsToContents();
    m_items->horizontalHeader()->setStretchLastSection(true);

    m_assignee = new QComboBox;
    m_assignee->setAccessibleName(tr("Reassign to"));
    m_message = new QLabel;
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *intro = new QLabel(
        m_rows.empty() ? tr("None of this work is open: there is nothing to reassign.")
                       : tr("%n open item(s). Untick any to leave where they are.", nullptr, int(m_rows.size())));
    auto *form = new QFormLayout;
    form->addRow(tr("Reassign &to"), m_assignee);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    QPushButton *go = buttons->addButton(tr("Reassign"), QDialogButtonBox::AcceptRole);
    go->setEnabled(!m_rows.empty());
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(go, &QPushButton::clicked, this, [this] {
        apply();
        if (m_message->text().isEmpty())
            accept();
    });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_items, 1);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(buttons);
    resize(760, 520);
    fillAssignees();
}

void ReassignDialog::fillAssignees()
{
    // Only people who work for every partner of this work, least open work first.
    QStringList partners;
    QStringList holders;
    for (const models::QueueRow &r : m_rows) {
        if (!partners.contains(r.partner))
            partners << r.partner;
        if (!holders.contains(r.assignee))
            holders << r.assignee;
    }
    struct Candidate {
        models::User user;
        qsizetype open = 0;
    };
    std::vector<Candidate> candidates;
    models::QueueReader reader(m_cache.path());
    for (const models::User &u : m_cache.users()) {
        if (!std::all_of(partners.begin(), partners.end(), [&u](const QString &p) { return u.canBeGivenWorkFor(p); }))
            continue;
        if (holders.size() == 1 && holders.front() == u.username)
            continue; // all of it is theirs already
        models::QueueFilter mine;
        mine.scope = models::QueueFilter::Scope::MyWork;
        mine.user = u.username;
        candidates.push_back({u, qsizetype(reader.rowIds(mine, models::QueueSort::Due, false).size())});
    }
    std::sort(candidates.begin(), candidates.end(), [](const Candidate &a, const Candidate &b) {
        return a.open != b.open ? a.open < b.open : a.user.displayName < b.user.displayName;
    });
    for (const Candidate &c : candidates)
        m_assignee->addItem(tr("%1 · %n open item(s)", nullptr, int(c.open)).arg(c.user.displayName), c.user.username);
    if (candidates.empty())
        m_assignee->addItem(tr("Nobody works for all of these partners"), QString());
}

QStringList ReassignDialog::apply()
{
    const QString to = m_assignee->currentData().toString();
    QStringList moved, problems;
    if (to.isEmpty()) {
        showOutcome(m_message, tr("Choose someone to reassign the work to."), true);
        return moved;
    }
    for (int i = 0; i < int(m_rows.size()); ++i) {
        if (m_items->item(i, 0)->checkState() != Qt::Checked)
            continue;
        const models::QueueRow &r = m_rows[std::size_t(i)];
        const auto item = m_cache.item(r.id);
        if (!item) {
            problems << tr("%1: no longer on this computer").arg(r.reference);
            continue;
        }
        if (item->assignee == to)
            continue;
        try {
            const models::CommandResult result = m_cache.execute(
                models::Command::make(models::CommandType::Reassign, item->id, item->version, m_user.username,
                                      m_clock.now(), {{QStringLiteral("assignee"), to}}),
                m_user);
            if (result.applied)
                moved << item->id;
            else
                problems << tr("%1: %2").arg(r.reference, result.message);
        } catch (const std::exception &e) {
            problems
                << tr("%1: could not be saved on this computer (%2)").arg(r.reference, QString::fromUtf8(e.what()));
        }
    }
    m_moved += moved;
    if (problems.isEmpty())
        m_message->clear();
    else
        showOutcome(m_message,
                    tr("%n item(s) reassigned; these were not:", nullptr, int(moved.size())) + QLatin1Char('\n') +
                        problems.join(QLatin1Char('\n')),
                    true);
    return moved;
}

QString ReassignDialog::message() const { return m_message->text(); }

} // namespace ibc::ui
