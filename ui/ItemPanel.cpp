#include "ui/ItemPanel.h"

#include "domain/Fields.h"
#include "domain/FourEyes.h"
#include "domain/Partner.h"
#include "domain/Sla.h"
#include "ui/CacheGuard.h"
#include "ui/CommandDialog.h"
#include "ui/SlaBadgeDelegate.h"
#include "ui/Theme.h"

#include <QAction>
#include <QDateTime>
#include <QFormLayout>
#include <QGridLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTextDocument>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ibc::ui {

using models::CommandType;

// The SLA badge beside the reference.
class BadgeLabel : public QWidget {
public:
    using QWidget::QWidget;
    void set(const QString &text, int state)
    {
        m_text = text;
        m_state = state;
        updateGeometry();
        update();
    }
    QSize sizeHint() const override
    {
        QFont f = font();
        f.setBold(true);
        const QFontMetrics fm(f);
        return {fm.horizontalAdvance(m_text) + 24, fm.height() + 10};
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        if (m_text.isEmpty())
            return;
        QPainter p(this);
        paintBadge(&p, rect(), m_text, m_state, font());
    }

private:
    QString m_text;
    int m_state = 0;
};

namespace {

// Who sees an action's button at all (the others have its shortcut only, refused with the reason).
enum class Shown { Everyone, TeamLeaders, Checkers };

struct ActionSpec {
    CommandType type;
    const char *shortcut;
    Shown shown;
};

// The order of the action bar: the usual path first. Shortcuts are Ctrl+Shift and a letter of the action.
const ActionSpec kActionSpecs[] = {
    {CommandType::Claim, "Ctrl+Shift+M", Shown::Everyone},
    {CommandType::Start, "Ctrl+Shift+S", Shown::Everyone},
    {CommandType::Resolve, "Ctrl+Shift+R", Shown::Everyone},
    {CommandType::RequestInfo, "Ctrl+Shift+I", Shown::Everyone},
    {CommandType::Resume, "Ctrl+Shift+U", Shown::Everyone},
    {CommandType::Escalate, "Ctrl+Shift+E", Shown::Everyone},
    {CommandType::EditFields, "Ctrl+Shift+D", Shown::Everyone},
    {CommandType::Reopen, "Ctrl+Shift+O", Shown::Everyone},
    {CommandType::Release, "Ctrl+Shift+L", Shown::Everyone},
    {CommandType::MarkSensitive, "Ctrl+Shift+V", Shown::Everyone},
    {CommandType::PassCheck, "Ctrl+Shift+K", Shown::Checkers},
    {CommandType::ReturnCheck, "Ctrl+Shift+T", Shown::Checkers},
    {CommandType::Reassign, "Ctrl+Shift+A", Shown::TeamLeaders},
    {CommandType::Approve, "Ctrl+Shift+P", Shown::TeamLeaders},
    {CommandType::Reject, "Ctrl+Shift+B", Shown::TeamLeaders},
};

QString when(models::EpochSecs t)
{
    return QLocale().toString(QDateTime::fromSecsSinceEpoch(t), QStringLiteral("ddd d MMM yyyy, HH:mm"));
}

// "in 3 days", "2 hours ago": how far away the due time is.
QString relative(models::EpochSecs t, models::EpochSecs now)
{
    const qint64 d = t - now;
    const qint64 a = std::abs(d);
    QString span;
    if (a < 3600)
        span = ItemPanel::tr("%n minute(s)", nullptr, int(a / 60));
    else if (a < 2 * 86400)
        span = ItemPanel::tr("%n hour(s)", nullptr, int(a / 3600));
    else
        span = ItemPanel::tr("%n day(s)", nullptr, int(a / 86400));
    return d >= 0 ? ItemPanel::tr("in %1").arg(span) : ItemPanel::tr("%1 ago").arg(span);
}

// A banner's words as a person reads them (its rich text as plain text), or nothing while it is hidden.
QString bannerText(const QLabel *banner)
{
    if (banner->isHidden())
        return {};
    QTextDocument doc;
    doc.setHtml(banner->text());
    return doc.toPlainText();
}

} // namespace

// The item's reference and badge, what it is, its facts, and the banner of a refused change.
QVBoxLayout *ItemPanel::makeHeader()
{
    auto *header = new QVBoxLayout;
    auto *top = new QHBoxLayout;
    m_reference = new QLabel;
    QFont big = m_reference->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    m_reference->setFont(big);
    m_reference->setTextInteractionFlags(Qt::TextSelectableByMouse);
    top->addWidget(m_reference);
    m_badge = new BadgeLabel;
    top->addWidget(m_badge);
    top->addStretch();
    header->addLayout(top);

    m_kind = new QLabel;
    QFont kindFont = m_kind->font();
    kindFont.setPointSizeF(kindFont.pointSizeF() * 1.1);
    m_kind->setFont(kindFont);
    header->addWidget(m_kind);
    m_facts = new QLabel;
    m_facts->setWordWrap(true);
    m_facts->setTextFormat(Qt::RichText);
    header->addWidget(m_facts);
    m_conflictBanner = new QLabel;
    m_conflictBanner->setObjectName(QStringLiteral("conflictBanner"));
    m_conflictBanner->setWordWrap(true);
    m_conflictBanner->setTextFormat(Qt::RichText);
    {
        const BadgeColours c = toneColours(Tone::Action);
        m_conflictBanner->setStyleSheet(
            QStringLiteral(
                "QLabel { background: %1; color: %2; border: 1px solid #E8C98A; border-radius: 4px; padding: 6px; }")
                .arg(c.background.name(), c.text.name()));
    }
    m_conflictBanner->hide();
    connect(m_conflictBanner, &QLabel::linkActivated, this, [this] { Q_EMIT conflictsRequested(itemId()); });
    header->addWidget(m_conflictBanner);
    m_bereavementBanner = new QLabel;
    m_bereavementBanner->setObjectName(QStringLiteral("bereavementBanner"));
    m_bereavementBanner->setAccessibleName(tr("Bereavement"));
    m_bereavementBanner->setWordWrap(true);
    m_bereavementBanner->setTextFormat(Qt::RichText);
    m_bereavementBanner->setStyleSheet(QStringLiteral(
        "QLabel { background: #E8EAF0; color: #1F2A44; border: 1px solid #9AA3B8; border-radius: 4px; padding: 6px; }"));
    m_bereavementBanner->hide();
    header->addWidget(m_bereavementBanner);
    m_checkBanner = new QLabel;
    m_checkBanner->setObjectName(QStringLiteral("checkBanner"));
    m_checkBanner->setAccessibleName(tr("Four-eyes check"));
    m_checkBanner->setWordWrap(true);
    m_checkBanner->setTextFormat(Qt::RichText);
    m_checkBanner->setStyleSheet(QStringLiteral(
        "QLabel { background: #EAF2FB; color: #123A63; border: 1px solid #8DB3DB; border-radius: 4px; padding: 6px; }"));
    m_checkBanner->hide();
    header->addWidget(m_checkBanner);
    m_sensitiveBanner = new QLabel;
    m_sensitiveBanner->setObjectName(QStringLiteral("sensitiveBanner"));
    m_sensitiveBanner->setAccessibleName(tr("Sensitive case"));
    m_sensitiveBanner->setWordWrap(true);
    m_sensitiveBanner->setTextFormat(Qt::RichText);
    m_sensitiveBanner->setStyleSheet(QStringLiteral(
        "QLabel { background: #F3EAF7; color: #3D1A4F; border: 1px solid #B99BC9; border-radius: 4px; padding: 6px; }"));
    m_sensitiveBanner->hide();
    header->addWidget(m_sensitiveBanner);

    return header;
}

ItemPanel::ItemPanel(models::Cache &cache, const models::User &user, const models::Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_cache(cache)
    , m_user(user)
    , m_clock(clock)
{
    m_stack = new QStackedWidget;
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_stack);

    auto *empty = new QLabel(tr("Choose an item in the queue, or press “Next item” (Ctrl+N) to take the most "
                                "urgent one."));
    empty->setAlignment(Qt::AlignCenter);
    empty->setWordWrap(true);
    empty->setMargin(24);
    m_stack->addWidget(empty);

    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);

    layout->addLayout(makeHeader());
    layout->addLayout(makeActionBar());

    m_message = new QLabel;
    m_message->setWordWrap(true);
    m_message->hide();
    layout->addWidget(m_message);

    m_tabs = new QTabWidget;
    auto *detailsPage = new QWidget;
    m_details = new QFormLayout(detailsPage);
    m_details->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    m_details->setLabelAlignment(Qt::AlignRight);
    m_tabs->addTab(detailsPage, tr("&Details"));

    m_tabs->addTab(makeNotesPage(), tr("&Notes"));
    auto *addNoteAction = new QAction(models::commandLabel(CommandType::AddNote), this);
    addNoteAction->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+N")));
    connect(addNoteAction, &QAction::triggered, this, [this] {
        m_tabs->setCurrentIndex(1);
        m_noteEditor->setFocus();
    });
    m_actions[CommandType::AddNote] = addNoteAction;
    addAction(addNoteAction);

    m_history = new QTreeWidget;
    m_history->setAccessibleName(tr("History"));
    m_history->setRootIsDecorated(false);
    m_history->setHeaderLabels({tr("When"), tr("Who"), tr("What"), tr("Status"), tr("Detail")});
    m_history->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_history->header()->setStretchLastSection(true);
    m_tabs->addTab(m_history, tr("&History"));
    layout->addWidget(m_tabs, 1);

    m_stack->addWidget(page);
    updateActions();
}

// The actions, each with its shortcut, and a button for each this user may ever take, four a row.
QGridLayout *ItemPanel::makeActionBar()
{
    auto *bar = new QGridLayout;
    bar->setSpacing(4);
    int n = 0;
    for (const ActionSpec &spec : kActionSpecs) {
        auto *act = new QAction(models::commandLabel(spec.type), this);
        act->setShortcut(QKeySequence(QLatin1String(spec.shortcut)));
        act->setShortcutContext(Qt::WindowShortcut);
        connect(act, &QAction::triggered, this, [this, type = spec.type] { trigger(type); });
        m_actions[spec.type] = act;
        addAction(act);
        if ((spec.shown == Shown::TeamLeaders && m_user.role != models::Role::TeamLeader) ||
            (spec.shown == Shown::Checkers && !m_user.mayCheck()))
            continue; // never allowed for this user: don't clutter the bar
        auto *button = new QToolButton;
        button->setDefaultAction(act);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        bar->addWidget(button, n / 4, n % 4);
        ++n;
    }
    return bar;
}

// The notes so far, and a box for a new one (Ctrl+Return adds it).
QWidget *ItemPanel::makeNotesPage()
{
    auto *notesPage = new QWidget;
    auto *notesLayout = new QVBoxLayout(notesPage);
    m_notes = new QTextBrowser;
    m_notes->setAccessibleName(tr("Notes"));
    notesLayout->addWidget(m_notes, 1);
    m_noteEditor = new QPlainTextEdit;
    m_noteEditor->setPlaceholderText(tr("Type a note for this item. Ctrl+Return adds it."));
    m_noteEditor->setAccessibleName(tr("New note"));
    m_noteEditor->setMaximumHeight(90);
    m_noteEditor->setTabChangesFocus(true);
    notesLayout->addWidget(m_noteEditor);
    m_addNote = new QPushButton(tr("Add note"));
    m_addNote->setToolTip(tr("Add the note (Ctrl+Return)"));
    auto *noteRow = new QHBoxLayout;
    noteRow->addStretch();
    noteRow->addWidget(m_addNote);
    notesLayout->addLayout(noteRow);
    connect(m_addNote, &QPushButton::clicked, this, &ItemPanel::addNote);
    m_noteEditor->installEventFilter(this); // Ctrl+Return: the editor would take it as a newline
    connect(m_noteEditor, &QPlainTextEdit::textChanged, this,
            [this] { m_addNote->setEnabled(!m_noteEditor->toPlainText().trimmed().isEmpty()); });
    m_addNote->setEnabled(false);
    return notesPage;
}

QAction *ItemPanel::action(CommandType type) const
{
    auto it = m_actions.find(type);
    return it == m_actions.end() ? nullptr : it->second;
}

void ItemPanel::showItem(const QString &itemId)
{
    if (itemId != this->itemId()) {
        m_message->hide();
        m_noteEditor->clear();
    }
    const bool shown = guarded(this, tr("Could not show the item"), [&] {
        m_item = itemId.isEmpty() ? std::nullopt : m_cache.item(itemId);
        fillConflict();
        fillBereavement();
        fillCheck();
        fillSensitive();
        if (m_item) {
            fillHeader();
            fillDetails();
            fillNotes();
            fillHistory();
        }
    });
    if (!shown)
        m_item.reset(); // half read: show none of it (a note being typed is kept)
    m_stack->setCurrentIndex(m_item ? 1 : 0);
    updateActions();
}

void ItemPanel::reload() { showItem(itemId()); }

void ItemPanel::fillHeader()
{
    const models::WorkItem &it = *m_item;
    m_reference->setText(it.reference);
    const auto rules = m_cache.slaRules();
    const models::SlaStatus sla = rules->status(it, m_clock.now());
    m_badge->set(models::slaLabel(sla.state), int(sla.state));
    m_kind->setText(
        QStringLiteral("%1 · %2 · %3")
            .arg(models::kindLabel(it.kind), models::subtypeLabel(it.subtype), models::partnerName(it.partner)));
    QString assignee = tr("Unassigned");
    if (!it.assignee.isEmpty()) {
        assignee = it.assignee.toHtmlEscaped();
        for (const models::User &u : m_cache.users())
            if (u.username == it.assignee)
                assignee = u.displayName.toHtmlEscaped();
    }
    QString facts = tr("<b>%1</b> · %2 · priority %3<br>Due %4 (%5) · received %6")
                        .arg(models::statusLabel(it.status), assignee, models::priorityLabel(it.priority).toLower(),
                             when(it.due), relative(it.due, m_clock.now()), when(it.received));
    // The clocks the due time is the earliest of, and how the item stands against them, in words.
    const models::WorkingCalendar &calendar = rules->calendar(it.partner);
    const std::vector<models::Event> history = m_cache.events(it.id);
    const qint64 paused = models::pausedSeconds(calendar, history, m_clock.now());
    const models::DueTimes due = rules->due(it, paused);
    if (due.payBy)
        facts += QStringLiteral("<br>") + tr("Process by %1 · Pay by %2").arg(when(due.processBy), when(due.payBy));
    else if (due.cutoff)
        facts += QStringLiteral("<br>") +
                 tr("Process by %1 · Payroll cut-off %2").arg(when(due.processBy), when(due.cutoff));
    facts += QStringLiteral("<br>") + rules->explain(it, sla).toHtmlEscaped();
    if (paused > 0)
        facts +=
            QStringLiteral("<br>") + tr("Paused %1 in all").arg(models::workingTimeText(paused, calendar.daySeconds()));
    m_facts->setText(facts);
}

void ItemPanel::fillBereavement()
{
    const bool bereavement = m_item && models::isBereavement(*m_item);
    m_bereavementBanner->setVisible(bereavement);
    if (!bereavement)
        return;
    const QString name = m_item->fields.value(QLatin1String("employee_name")).toString().toHtmlEscaped();
    const QString kin = m_item->fields.value(QLatin1String("next_of_kin")).toString().trimmed().toHtmlEscaped();
    m_bereavementBanner->setText(
        tr("<b>Bereavement.</b> %1 has died in service. Write only to %2. Never send %3.")
            .arg(name, kin.isEmpty() ? tr("the next of kin or the estate (add them under Edit details)") : kin,
                 models::bereavementDoNotSend(*m_item).join(QStringLiteral("; ")).toHtmlEscaped()));
}

void ItemPanel::showRevealed(const QString &id, const QString &field, const QString &value, const QString &error)
{
    const auto label = m_personalValues.find(field);
    if (id != itemId() || label == m_personalValues.end())
        return; // another item is shown now
    if (!error.isEmpty()) {
        showMessage(tr("The store did not reveal it: %1").arg(error), true);
        return;
    }
    label->second->setTextFormat(Qt::PlainText);
    label->second->setText(tr("%1 (revealed; the store recorded why)").arg(value));
    label->second->setAccessibleName(QString());
}

QString ItemPanel::bereavementBannerText() const { return bannerText(m_bereavementBanner); }

QString ItemPanel::madeByText() const
{
    const models::Event *made = nullptr;
    const std::vector<models::Event> history = m_cache.events(m_item->id);
    for (const models::Event &e : history)
        if (e.to == models::Status::AwaitingCheck && e.from != e.to)
            made = &e; // the latest: a returned change may be made again
    if (!made)
        return {};
    QString maker = made->actor;
    for (const models::User &u : m_cache.users())
        if (u.username == made->actor)
            maker = u.displayName;
    const QString why = models::checkReason(*m_item, made->detail,
                                            m_cache.slaRules()->policy(m_item->partner, m_item->kind, m_item->subtype));
    return tr("Made by <b>%1</b> on %2: %3. %4")
        .arg(maker.toHtmlEscaped(), when(made->at), models::outcomeLabel(made->detail).toHtmlEscaped(),
             why.toHtmlEscaped());
}

void ItemPanel::fillCheck()
{
    const bool waiting = m_item && m_item->status == models::Status::AwaitingCheck;
    m_checkBanner->setVisible(waiting);
    if (!waiting)
        return;
    const QString next =
        m_item->assignee == m_user.username ? tr("You made this change, so someone else checks it.")
        : m_user.mayCheck()
            ? tr("Check it: compare each detail, then pass it (%1) or return it to its maker (%2).")
                  .arg(m_actions.at(CommandType::PassCheck)->shortcut().toString(QKeySequence::NativeText),
                       m_actions.at(CommandType::ReturnCheck)->shortcut().toString(QKeySequence::NativeText))
            : tr("A checker or a team leader checks it.");
    m_checkBanner->setText(
        tr("<b>Awaiting a second person's check.</b> %1 %2").arg(madeByText(), next.toHtmlEscaped()));
}

QString ItemPanel::checkBannerText() const { return bannerText(m_checkBanner); }

void ItemPanel::fillSensitive()
{
    const bool sensitive = m_item && !m_item->sensitive.isEmpty();
    m_sensitiveBanner->setVisible(sensitive);
    if (!sensitive)
        return;
    m_sensitiveBanner->setText(
        tr("<b>Sensitive case:</b> %1. Only its assignee, team leaders and the people named on it see it%2.")
            .arg(m_item->sensitive.toHtmlEscaped(),
                 m_item->named.isEmpty()
                     ? QString()
                     : QStringLiteral(" (%1)").arg(m_item->named.join(QStringLiteral(", "))).toHtmlEscaped()));
}

QString ItemPanel::sensitiveBannerText() const { return bannerText(m_sensitiveBanner); }

void ItemPanel::fillConflict()
{
    QString reason;
    bool has = false;
    if (m_item && m_cache.hasConflict(m_item->id)) { // guarded by showItem()
        has = true;
        for (const models::Conflict &c : m_cache.conflicts())
            if (c.command.itemId == m_item->id)
                reason = c.reason.isEmpty() ? c.code : c.reason; // the newest one wins
    }
    m_conflictBanner->setVisible(has);
    if (!has)
        return;
    QString why = reason.trimmed();
    while (why.endsWith(QLatin1Char('.')))
        why.chop(1);
    const QColor link = toneColours(Tone::Action).text;
    m_conflictBanner->setText(
        tr("<b>The store did not accept your change:</b> %1 — <a href=\"#conflicts\" style=\"color:%2\">see Conflicts</a>")
            .arg(why.toHtmlEscaped(), link.name()));
}

QString ItemPanel::conflictBannerText() const { return bannerText(m_conflictBanner); }

void ItemPanel::fillDetails()
{
    while (m_details->rowCount() > 0)
        m_details->removeRow(0);
    m_personalValues.clear();
    for (const models::FieldSpec &spec : models::fieldSpecs(m_item->kind, m_item->subtype)) {
        const QJsonValue v = m_item->fields.value(QLatin1String(spec.key));
        // A new starter's missing NI number is said ("No number yet"), not left out.
        if (v.isUndefined() && !spec.required && spec.type != models::FieldType::NiNumber)
            continue;
        auto *value = new QLabel(
            v.isUndefined() && spec.type != models::FieldType::NiNumber ? tr("—") : models::displayField(spec, v));
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        if (spec.type == models::FieldType::LongText || spec.type == models::FieldType::TaxCode) {
            value->setWordWrap(true);
            value->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred); // the form's width, not a sliver
        }
        if (models::isPersonalData(spec.type) && !v.toString().isEmpty()) {
            // Masked; the whole value only from the store, which audits why it was wanted.
            value->setTextFormat(Qt::RichText);
            value->setText(tr("%1 <a href=\"#reveal\">Reveal…</a>").arg(value->text().toHtmlEscaped()));
            value->setAccessibleName(tr("%1, masked").arg(models::fieldLabel(spec)));
            value->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::LinksAccessibleByMouse |
                                           Qt::LinksAccessibleByKeyboard);
            connect(value, &QLabel::linkActivated, this,
                    [this, field = QString::fromLatin1(spec.key)] { Q_EMIT revealRequested(itemId(), field); });
            m_personalValues[QString::fromLatin1(spec.key)] = value;
        }
        m_details->addRow(models::fieldLabel(spec) + QLatin1Char(':'), value);
    }
    if (const auto bank = models::bankDetailsCheck(*m_item)) {
        auto *check = new QLabel(bank->message);
        check->setObjectName(QStringLiteral("bankCheck"));
        check->setWordWrap(true);
        check->setTextInteractionFlags(Qt::TextSelectableByMouse);
        if (!bank->acceptable()) {
            const BadgeColours c = toneColours(Tone::Action);
            check->setStyleSheet(
                QStringLiteral("QLabel { background: %1; color: %2; border-radius: 4px; padding: 4px; }")
                    .arg(c.background.name(), c.text.name()));
        }
        check->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
        m_details->addRow(tr("Bank check:"), check);
    }
}

void ItemPanel::fillNotes()
{
    const auto notes = m_cache.notes(m_item->id);
    QString html;
    for (const models::Note &n : notes)
        html += QStringLiteral("<p><b>%1</b> <span style='color:#555'>%2</span><br>%3</p>")
                    .arg(n.author.toHtmlEscaped(), when(n.at),
                         n.text.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>")));
    m_notes->setHtml(html.isEmpty() ? tr("<p style='color:#555'>No notes yet.</p>") : html);
    m_tabs->setTabText(1, notes.empty() ? tr("&Notes") : tr("&Notes (%1)").arg(notes.size()));
}

void ItemPanel::fillHistory()
{
    m_history->clear();
    for (const models::Event &e : m_cache.events(m_item->id)) {
        const QString what = e.type == QLatin1String("received") ? tr("Received")
                             : models::commandFromName(e.type) ? models::commandLabel(*models::commandFromName(e.type))
                                                               : e.type;
        const QString status =
            e.from == e.to ? models::statusLabel(e.to)
                           : QStringLiteral("%1 → %2").arg(models::statusLabel(e.from), models::statusLabel(e.to));
        const QString detail = e.type == QLatin1String("resolve") ? models::outcomeLabel(e.detail) : e.detail;
        m_history->addTopLevelItem(new QTreeWidgetItem({when(e.at), e.actor, what, status, detail}));
    }
}

void ItemPanel::updateActions()
{
    for (const ActionSpec &spec : kActionSpecs) {
        QAction *act = m_actions[spec.type];
        const QString base = QStringLiteral("%1 (%2)").arg(models::commandLabel(spec.type),
                                                           act->shortcut().toString(QKeySequence::NativeText));
        if (!m_item) {
            act->setEnabled(false);
            act->setToolTip(base);
            continue;
        }
        // With the time, so that a claim whose lease has run out can be taken over.
        const auto refusal = models::lifecycle::check(spec.type, *m_item, m_user, m_clock.now());
        act->setEnabled(!refusal);
        act->setToolTip(refusal ? base + QStringLiteral("\n") + refusal->message(spec.type, m_item->status) : base);
    }
    const bool canNote = m_item && !models::lifecycle::check(CommandType::AddNote, *m_item, m_user);
    m_noteEditor->setEnabled(canNote);
    m_actions[CommandType::AddNote]->setEnabled(canNote);
}

void ItemPanel::trigger(CommandType type)
{
    if (!m_item)
        return;
    QJsonObject payload;
    if (CommandDialog::needsDialog(type)) {
        CommandDialog dialog(type, *m_item, m_cache.users(), this);
        if (type == CommandType::PassCheck || type == CommandType::ReturnCheck)
            dialog.setMadeBy(madeByText());
        if (type == CommandType::Resolve)
            dialog.setPolicy(m_cache.slaRules()->policy(m_item->partner, m_item->kind, m_item->subtype));
        if (dialog.exec() != QDialog::Accepted)
            return;
        payload = dialog.payload();
    }
    run(type, payload);
}

bool ItemPanel::run(CommandType type, const QJsonObject &payload)
{
    if (!m_item)
        return false;
    const auto command =
        models::Command::make(type, m_item->id, m_item->version, m_user.username, m_clock.now(), payload);
    models::CommandResult result;
    try {
        result = m_cache.execute(command, m_user);
    } catch (const std::exception &e) {
        // The cache could not write (a full disk, a lost drive): say so, keep what was typed.
        showMessage(tr("Your change could not be saved on this computer: %1. Nothing was changed; try again once "
                       "the problem is fixed.")
                        .arg(QString::fromUtf8(e.what())),
                    true);
        return false;
    }
    if (!result.applied) {
        showMessage(result.message, true);
        return false;
    }
    const QString id = m_item->id;
    reload();
    showMessage(tr("%1: saved on this computer, waiting to be sent.").arg(models::commandLabel(type)), false);
    Q_EMIT commandApplied(id);
    return true;
}

bool ItemPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_noteEditor && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) && (key->modifiers() & Qt::ControlModifier)) {
            addNote();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ItemPanel::addNote()
{
    const QString text = m_noteEditor->toPlainText();
    if (run(CommandType::AddNote, {{QStringLiteral("text"), text}})) {
        m_noteEditor->clear();
        m_tabs->setCurrentIndex(1);
    }
}

void ItemPanel::showMessage(const QString &text, bool error) { showOutcome(m_message, text, error); }

} // namespace ibc::ui
