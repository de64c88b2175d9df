#include "ui/ConflictsView.h"

#include "domain/Fields.h"
#include "ui/CommandDialog.h"
#include "ui/Theme.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ibc::ui {

using models::CommandType;

namespace {

QString when(models::EpochSecs t)
{
    return QLocale().toString(QDateTime::fromSecsSinceEpoch(t), QStringLiteral("ddd d MMM HH:mm"));
}

// The item as a state from itemState() describes it, on top of what else is known of it.
models::WorkItem withState(models::WorkItem item, const QJsonObject &state)
{
    if (const auto s = models::statusFromName(state.value(QStringLiteral("status")).toString()))
        item.status = *s;
    if (const auto p = models::priorityFromName(state.value(QStringLiteral("priority")).toString()))
        item.priority = *p;
    if (state.contains(QStringLiteral("assignee")))
        item.assignee = state.value(QStringLiteral("assignee")).toString();
    if (state.contains(QStringLiteral("version")))
        item.version = state.value(QStringLiteral("version")).toInteger();
    if (state.contains(QStringLiteral("updated")))
        item.updated = state.value(QStringLiteral("updated")).toInteger();
    if (state.contains(QStringLiteral("fields")))
        item.fields = state.value(QStringLiteral("fields")).toObject();
    return item;
}

QString quoted(const QString &text)
{
    QString t = text.simplified();
    if (t.size() > 120)
        t = t.left(117) + QStringLiteral("…");
    return ConflictsView::tr("“%1”").arg(t);
}

} // namespace

ConflictsView::ConflictsView(models::Cache &cache, const models::User &user, const models::Clock &clock,
                             QWidget *parent)
    : QWidget(parent)
    , m_cache(cache)
    , m_user(user)
    , m_clock(clock)
{
    setObjectName(QStringLiteral("conflictsView"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(6, 6, 6, 6);

    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("conflictMessage"));
    m_message->setWordWrap(true);
    m_message->hide();
    outer->addWidget(m_message);

    m_stack = new QStackedWidget;
    outer->addWidget(m_stack, 1);

    auto *empty = new QLabel(tr("No conflicts. The store has accepted every change it has received from you; "
                                "anything not yet sent is still waiting in the outbox."));
    empty->setAlignment(Qt::AlignCenter);
    empty->setWordWrap(true);
    empty->setMargin(24);
    m_stack->addWidget(empty);

    auto *page = new QSplitter(Qt::Vertical);
    page->setChildrenCollapsible(false);
    page->addWidget(makeConflictList());
    page->addWidget(makeConflictDetail());
    page->setStretchFactor(0, 1);
    page->setStretchFactor(1, 3);
    page->setSizes({160, 560});
    m_stack->addWidget(page);

    connect(m_retry, &QPushButton::clicked, this, &ConflictsView::retry);
    connect(m_edit, &QPushButton::clicked, this, &ConflictsView::editAndRetry);
    connect(m_discard, &QPushButton::clicked, this, &ConflictsView::discard);
    connect(m_table, &QTableWidget::currentCellChanged, this, [this] {
        showCurrent();
        if (const auto *c = current())
            Q_EMIT itemChosen(c->command.itemId);
    });
    reload();
}

// The list of changes the store did not accept, under a word on what to do with them.
QWidget *ConflictsView::makeConflictList()
{
    auto *top = new QWidget;
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    auto *intro = new QLabel(tr("The store did not accept these changes. The items show the store's version. "
                                "Choose a change to see it beside what you saw and what the store has now, then "
                                "retry, edit or discard it."));
    intro->setWordWrap(true);
    topLayout->addWidget(intro);
    m_table = new QTableWidget(0, 4);
    m_table->setObjectName(QStringLiteral("conflictsTable"));
    m_table->setAccessibleName(tr("Changes the store did not accept"));
    m_table->setHorizontalHeaderLabels({tr("Reference"), tr("Your change"), tr("The store's reason"), tr("When")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Interactive);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(3, QHeaderView::ResizeToContents);
    m_table->setColumnWidth(1,
                            fontMetrics().horizontalAdvance(QStringLiteral("Request information: “Need the P45 f”")));
    topLayout->addWidget(m_table);
    return top;
}

// The chosen change: what it was, why the store did not accept it, the three versions side by
// side, and what can be done with it.
QWidget *ConflictsView::makeConflictDetail()
{
    auto *detail = new QWidget;
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 4, 0, 0);
    m_title = new QLabel;
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    m_title->setFont(big);
    detailLayout->addWidget(m_title);
    m_change = new QLabel;
    m_change->setWordWrap(true);
    m_change->setTextInteractionFlags(Qt::TextSelectableByMouse);
    detailLayout->addWidget(m_change);
    m_reason = new QLabel;
    m_reason->setWordWrap(true);
    m_reason->setTextInteractionFlags(Qt::TextSelectableByMouse);
    const BadgeColours action = toneColours(Tone::Action);
    m_reason->setStyleSheet(QStringLiteral("QLabel { background: %1; color: %2; border-radius: 4px; padding: 6px; }")
                                .arg(action.background.name(), action.text.name()));
    detailLayout->addWidget(m_reason);

    m_compare = new QTableWidget(0, 3);
    m_compare->setObjectName(QStringLiteral("conflictComparison"));
    m_compare->setAccessibleName(tr("The change beside the store's version"));
    m_compare->setHorizontalHeaderLabels({tr("What I saw"), tr("Mine"), tr("Theirs (the store now)")});
    m_compare->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_compare->setSelectionMode(QAbstractItemView::NoSelection);
    m_compare->setWordWrap(true);
    m_compare->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_compare->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_compare->verticalHeader()->setDefaultAlignment(Qt::AlignRight | Qt::AlignVCenter);
    detailLayout->addWidget(m_compare, 1);

    auto *legend = new QLabel(tr("<span style='background:%1'>&nbsp;&nbsp;&nbsp;&nbsp;</span> your change "
                                 "&nbsp;&nbsp; <span style='background:%2'>&nbsp;&nbsp;&nbsp;&nbsp;</span> changed in "
                                 "the store since you saw it &nbsp;&nbsp; <b>bold</b>: you and the store differ")
                                  .arg(mineChangedColour().name(), theirsChangedColour().name()));
    legend->setTextFormat(Qt::RichText);
    detailLayout->addWidget(legend);

    auto *buttons = new QHBoxLayout;
    m_retry = new QPushButton(tr("&Retry"));
    m_retry->setToolTip(tr("Make the same change again, on the item as the store has it now"));
    m_edit = new QPushButton(tr("&Edit and retry…"));
    m_edit->setToolTip(tr("Change what you asked for, then make it again on the item as the store has it now"));
    m_discard = new QPushButton(tr("&Discard…"));
    m_discard->setToolTip(tr("Let your change go: the item keeps the store's version"));
    buttons->addWidget(m_retry);
    buttons->addWidget(m_edit);
    buttons->addStretch();
    buttons->addWidget(m_discard);
    detailLayout->addLayout(buttons);
    return detail;
}

QString ConflictsView::displayName(const QString &username) const
{
    if (username.isEmpty())
        return tr("Unassigned");
    for (const models::User &u : m_cache.users())
        if (u.username == username)
            return u.displayName;
    return username;
}

QString ConflictsView::describe(const models::Command &c) const
{
    const QString label = models::commandLabel(c.type);
    const QJsonObject &p = c.payload;
    switch (c.type) {
    case CommandType::RequestInfo:
    case CommandType::Escalate:
    case CommandType::Reopen:
    case CommandType::Reject:
    case CommandType::ReturnCheck:
    case CommandType::MarkSensitive:
        return tr("%1: %2").arg(label, quoted(p.value(QStringLiteral("reason")).toString()));
    case CommandType::AddNote: return tr("%1: %2").arg(label, quoted(p.value(QStringLiteral("text")).toString()));
    case CommandType::Resolve: {
        QString s = tr("%1: %2").arg(label, models::outcomeLabel(p.value(QStringLiteral("outcome")).toString()));
        if (p.contains(QStringLiteral("note")))
            s = tr("%1, with the note %2").arg(s, quoted(p.value(QStringLiteral("note")).toString()));
        return s;
    }
    case CommandType::Reassign:
        return tr("%1 to %2").arg(label, displayName(p.value(QStringLiteral("assignee")).toString()));
    case CommandType::EditFields: {
        const QJsonObject fields = p.value(QStringLiteral("fields")).toObject();
        QStringList parts;
        const auto item = m_cache.item(c.itemId);
        for (auto it = fields.begin(); it != fields.end(); ++it) {
            QString name = it.key();
            QString value = it.value().toVariant().toString();
            if (item)
                for (const models::FieldSpec &spec : models::fieldSpecs(item->kind, item->subtype))
                    if (it.key() == QLatin1String(spec.key)) {
                        name = models::fieldLabel(spec);
                        value = it.value().isNull() ? tr("(blank)") : models::displayField(spec, it.value());
                    }
            parts << tr("%1 → %2").arg(name, value);
        }
        return tr("%1: %2").arg(label, parts.join(QStringLiteral("; ")));
    }
    default: return label;
    }
}

void ConflictsView::reload()
{
    const qint64 keep = current() ? current()->row : -1;
    try {
        m_conflicts = m_cache.conflicts();
    } catch (const std::exception &e) {
        showMessage(
            tr("The conflicts could not be read from this computer's cache: %1").arg(QString::fromUtf8(e.what())),
            true);
        m_conflicts.clear();
    }
    QSignalBlocker block(m_table);
    m_table->setRowCount(int(m_conflicts.size()));
    int keepRow = -1;
    for (int r = 0; r < int(m_conflicts.size()); ++r) {
        const models::Conflict &c = m_conflicts[std::size_t(r)];
        const auto item = m_cache.item(c.command.itemId);
        const QString change = describe(c.command);
        auto *ref = new QTableWidgetItem(item ? item->reference : c.command.itemId);
        auto *mine = new QTableWidgetItem(change);
        mine->setToolTip(change);
        const QString reason = c.reason.isEmpty() ? c.code : c.reason;
        auto *why = new QTableWidgetItem(reason);
        why->setToolTip(reason);
        auto *at = new QTableWidgetItem(when(c.raised ? c.raised : c.command.at));
        for (QTableWidgetItem *cell : {ref, mine, why, at})
            cell->setData(Qt::UserRole, c.row);
        m_table->setItem(r, 0, ref);
        m_table->setItem(r, 1, mine);
        m_table->setItem(r, 2, why);
        m_table->setItem(r, 3, at);
        if (c.row == keep)
            keepRow = r;
    }
    if (keepRow < 0 && !m_conflicts.empty())
        keepRow = 0;
    m_stack->setCurrentIndex(m_conflicts.empty() ? 0 : 1);
    if (keepRow >= 0)
        m_table->setCurrentCell(keepRow, 0);
    showCurrent();
    Q_EMIT conflictsChanged(count());
}

int ConflictsView::currentRow() const
{
    const int r = m_table->currentRow();
    return r >= 0 && r < int(m_conflicts.size()) ? r : -1;
}

QString ConflictsView::currentItemId() const
{
    const models::Conflict *c = current();
    return c ? c->command.itemId : QString();
}

const models::Conflict *ConflictsView::current() const
{
    const int r = currentRow();
    return r < 0 ? nullptr : &m_conflicts[std::size_t(r)];
}

void ConflictsView::selectRow(int row)
{
    if (row >= 0 && row < int(m_conflicts.size()))
        m_table->setCurrentCell(row, 0);
}

bool ConflictsView::selectItem(const QString &itemId)
{
    for (int r = 0; r < int(m_conflicts.size()); ++r)
        if (m_conflicts[std::size_t(r)].command.itemId == itemId) {
            selectRow(r);
            return true;
        }
    return false;
}

void ConflictsView::showCurrent()
{
    const models::Conflict *c = current();
    m_retry->setEnabled(c);
    m_discard->setEnabled(c);
    m_edit->setEnabled(c && (CommandDialog::needsDialog(c->command.type) || c->command.type == CommandType::AddNote));
    m_edit->setToolTip(c && !m_edit->isEnabled()
                           ? tr("“%1” has nothing to change: use Retry").arg(models::commandLabel(c->command.type))
                           : tr("Change what you asked for, then make it again on the item as the store has it now"));
    m_compare->setRowCount(0);
    if (!c) {
        m_title->clear();
        m_change->clear();
        m_reason->clear();
        return;
    }
    const auto now = m_cache.item(c->command.itemId);
    m_title->setText(
        tr("%1 · %2").arg(now ? now->reference : c->command.itemId, models::commandLabel(c->command.type)));
    m_change->setText(tr("You asked for: %1 — on %2, as %3.")
                          .arg(describe(c->command), when(c->command.at), displayName(c->command.actor)));
    const QString reason = c->reason.isEmpty() ? c->code : c->reason;
    m_reason->setText(c->kind == models::Conflict::Kind::Conflict
                          ? tr("The item changed in the store before your change reached it: %1").arg(reason)
                          : tr("The store refused your change: %1").arg(reason));
    showComparison(comparisonLines(*c, now));
}

// The three states: what I saw; mine = what I saw with my change applied, by the same rules the
// desk applied it; theirs = the item as the store has it now (or as the cache shows it).
std::vector<ConflictsView::ComparisonLine>
ConflictsView::comparisonLines(const models::Conflict &c, const std::optional<models::WorkItem> &now) const
{
    models::WorkItem base = now.value_or(models::WorkItem{});
    base.id = c.command.itemId;
    const models::WorkItem seen = withState(base, c.seen);
    models::WorkItem mine = seen;
    const models::Decision decision = models::lifecycle::decide(
        c.command, seen, m_user, m_cache.slaRules()->policy(seen.partner, seen.kind, seen.subtype));
    if (decision.allowed())
        models::lifecycle::apply(mine, decision.effect, c.command.at);
    else if (c.command.type == CommandType::EditFields) {
        const QJsonObject changes = c.command.payload.value(QStringLiteral("fields")).toObject();
        for (auto it = changes.begin(); it != changes.end(); ++it)
            mine.fields.insert(it.key(), it.value());
    }
    const models::WorkItem theirs = c.theirs.isEmpty() ? base : withState(base, c.theirs);

    std::vector<ComparisonLine> lines;
    lines.push_back({tr("Status"), models::statusLabel(seen.status), models::statusLabel(mine.status),
                     models::statusLabel(theirs.status)});
    lines.push_back(
        {tr("Assigned to"), displayName(seen.assignee), displayName(mine.assignee), displayName(theirs.assignee)});
    lines.push_back({tr("Priority"), models::priorityLabel(seen.priority), models::priorityLabel(mine.priority),
                     models::priorityLabel(theirs.priority)});
    const auto value = [](const models::FieldSpec &spec, const QJsonObject &fields) {
        const QJsonValue v = fields.value(QLatin1String(spec.key));
        return v.isUndefined() || v.isNull() ? tr("—") : models::displayField(spec, v);
    };
    if (now) {
        for (const models::FieldSpec &spec : models::fieldSpecs(now->kind, now->subtype))
            lines.push_back({models::fieldLabel(spec), value(spec, seen.fields), value(spec, mine.fields),
                             value(spec, theirs.fields)});
    }
    // What my change said that is not a field: the reason, the note, the outcome.
    const QJsonObject &p = c.command.payload;
    for (const auto &[key, label] :
         {std::pair{QStringLiteral("reason"), tr("Reason")}, std::pair{QStringLiteral("outcome"), tr("Outcome")},
          std::pair{QStringLiteral("note"), tr("Note")}, std::pair{QStringLiteral("text"), tr("Note")}}) {
        if (!p.contains(key))
            continue;
        const QString v =
            key == QLatin1String("outcome") ? models::outcomeLabel(p.value(key).toString()) : p.value(key).toString();
        lines.push_back({label, tr("—"), v, tr("—")});
    }
    return lines;
}

// The lines, with what my change and what the store changed marked, in bold where the two differ.
void ConflictsView::showComparison(const std::vector<ComparisonLine> &lines)
{
    QFont bold = m_compare->font();
    bold.setBold(true);
    m_compare->setRowCount(int(lines.size()));
    QStringList labels;
    for (int r = 0; r < int(lines.size()); ++r) {
        const ComparisonLine &l = lines[std::size_t(r)];
        labels << l.label;
        auto *a = new QTableWidgetItem(l.seen);
        auto *b = new QTableWidgetItem(l.mine);
        auto *d = new QTableWidgetItem(l.theirs);
        const bool mineChanged = l.mine != l.seen;
        const bool theirsChanged = l.theirs != l.seen;
        if (mineChanged) {
            b->setBackground(mineChangedColour());
            b->setToolTip(tr("Your change"));
        }
        if (theirsChanged) {
            d->setBackground(theirsChangedColour());
            d->setToolTip(tr("Changed in the store since you saw it"));
        }
        if (mineChanged && theirsChanged && l.mine != l.theirs) {
            b->setFont(bold);
            d->setFont(bold);
        }
        if (!mineChanged && !theirsChanged) {
            // The same in all three: quieter, so that what differs stands out.
            for (QTableWidgetItem *cell : {a, b, d})
                cell->setForeground(QColor(0x6B, 0x6B, 0x6B));
        }
        m_compare->setItem(r, 0, a);
        m_compare->setItem(r, 1, b);
        m_compare->setItem(r, 2, d);
    }
    m_compare->setVerticalHeaderLabels(labels);
}

QString ConflictsView::message() const { return m_message->isVisible() ? m_message->text() : QString(); }

void ConflictsView::showMessage(const QString &text, bool error) { showOutcome(m_message, text, error); }

bool ConflictsView::retryWith(const models::Conflict &conflict, const QJsonObject &payload)
{
    const auto item = m_cache.item(conflict.command.itemId);
    if (!item) {
        showMessage(tr("The item is no longer on this computer, so your change cannot be made again. Discard it, or "
                       "ask your team leader."),
                    true);
        return false;
    }
    // A new command (a new id: the store has already decided the old one), on the version shown now.
    const auto command =
        models::Command::make(conflict.command.type, item->id, item->version, m_user.username, m_clock.now(), payload);
    models::CommandResult result;
    try {
        result = m_cache.retryConflict(conflict.row, command, m_user);
    } catch (const std::exception &e) {
        showMessage(tr("Your change could not be saved on this computer: %1. The conflict is kept; try again once the "
                       "problem is fixed.")
                        .arg(QString::fromUtf8(e.what())),
                    true);
        return false;
    }
    if (!result.applied) {
        showMessage(tr("%1 on %2 was not made again: %3 The conflict is kept: edit it, or discard it.")
                        .arg(models::commandLabel(command.type), item->reference, result.message),
                    true);
        return false;
    }
    showMessage(tr("%1 on %2: made again on this computer, waiting to be sent.")
                    .arg(models::commandLabel(command.type), item->reference),
                false);
    reload();
    Q_EMIT commandApplied(item->id);
    return true;
}

bool ConflictsView::retry()
{
    const models::Conflict *c = current();
    if (!c)
        return false;
    const models::Conflict conflict = *c;
    return retryWith(conflict, conflict.command.payload);
}

bool ConflictsView::editAndRetry()
{
    const models::Conflict *c = current();
    if (!c)
        return false;
    const models::Conflict conflict = *c;
    const auto item = m_cache.item(conflict.command.itemId);
    if (!item)
        return retryWith(conflict, conflict.command.payload); // says why it cannot
    QJsonObject payload;
    if (conflict.command.type == CommandType::AddNote) {
        bool ok = false;
        const QString text = QInputDialog::getMultiLineText(
            this, tr("%1 — %2").arg(models::commandLabel(CommandType::AddNote), item->reference), tr("Note:"),
            conflict.command.payload.value(QStringLiteral("text")).toString(), &ok);
        if (!ok)
            return false;
        payload = {{QStringLiteral("text"), text}};
    } else if (CommandDialog::needsDialog(conflict.command.type)) {
        CommandDialog dialog(conflict.command.type, *item, m_cache.users(), this);
        dialog.setObjectName(QStringLiteral("editAndRetryDialog"));
        dialog.setPayload(conflict.command.payload);
        if (dialog.exec() != QDialog::Accepted)
            return false;
        payload = dialog.payload();
    } else {
        payload = conflict.command.payload;
    }
    return retryWith(conflict, payload);
}

bool ConflictsView::discard()
{
    const models::Conflict *c = current();
    if (!c)
        return false;
    const models::Conflict conflict = *c;
    const auto item = m_cache.item(conflict.command.itemId);
    const QString reference = item ? item->reference : conflict.command.itemId;
    QMessageBox box(QMessageBox::Question, tr("Discard your change?"), tr("Discard your change to %1?").arg(reference),
                    QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("discardConfirmation"));
    box.setInformativeText(
        tr("%1\n\nIt will not be sent. The item keeps the store's version.").arg(describe(conflict.command)));
    QPushButton *yes = box.addButton(tr("Discard my change"), QMessageBox::DestructiveRole);
    QPushButton *no = box.addButton(tr("Keep it"), QMessageBox::RejectRole);
    box.setDefaultButton(no);
    box.exec();
    if (box.clickedButton() != yes)
        return false;
    try {
        m_cache.discardConflict(conflict.row);
    } catch (const std::exception &e) {
        showMessage(tr("The conflict could not be discarded on this computer: %1").arg(QString::fromUtf8(e.what())),
                    true);
        return false;
    }
    showMessage(tr("Your change to %1 was discarded. The item shows the store's version.").arg(reference), false);
    reload();
    Q_EMIT itemChosen(conflict.command.itemId); // the item panel drops its marker
    return true;
}

} // namespace ibc::ui
