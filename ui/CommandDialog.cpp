#include "ui/CommandDialog.h"

#include "domain/Fields.h"
#include "domain/FourEyes.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ibc::ui {

using models::CommandType;

namespace {

// Money is typed in pounds ("1,234.50") and stored in pence; hours and rates as numbers.
QJsonValue parseField(const models::FieldSpec &spec, const QString &text)
{
    const QString t = text.trimmed();
    if (t.isEmpty())
        return QJsonValue(QJsonValue::Null);
    switch (spec.type) {
    case models::FieldType::Money: {
        QString s = t;
        s.remove(QLatin1Char(',')).remove(QChar(u'£'));
        bool ok = false;
        const double pounds = s.toDouble(&ok);
        return ok ? QJsonValue(double(qRound64(pounds * 100))) : QJsonValue(t);
    }
    case models::FieldType::Hours:
    case models::FieldType::VatRate: {
        bool ok = false;
        const double v = t.toDouble(&ok);
        return ok ? QJsonValue(v) : QJsonValue(t);
    }
    default: return t;
    }
}

QString editText(const models::FieldSpec &spec, const QJsonValue &v)
{
    if (v.isUndefined() || v.isNull())
        return {};
    switch (spec.type) {
    case models::FieldType::Money: return QString::number(v.toDouble() / 100.0, 'f', 2);
    case models::FieldType::Hours:
    case models::FieldType::VatRate: return QString::number(v.toDouble());
    default: return v.toString();
    }
}

} // namespace

bool CommandDialog::needsDialog(CommandType type)
{
    switch (type) {
    case CommandType::RequestInfo:
    case CommandType::Escalate:
    case CommandType::Reopen:
    case CommandType::Reject:
    case CommandType::Resolve:
    case CommandType::Reassign:
    case CommandType::EditFields:
    case CommandType::PassCheck:
    case CommandType::ReturnCheck:
    case CommandType::MarkSensitive: return true;
    default: return false;
    }
}

CommandDialog::CommandDialog(CommandType type, const models::WorkItem &item, std::vector<models::User> assignees,
                             QWidget *parent)
    : QDialog(parent)
    , m_type(type)
    , m_item(item)
{
    setWindowTitle(tr("%1 — %2").arg(models::commandLabel(type), item.reference));
    auto *layout = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    layout->addLayout(form);

    switch (type) {
    case CommandType::RequestInfo:
    case CommandType::Escalate:
    case CommandType::Reopen:
    case CommandType::Reject: {
        static const char *const prompts[] = {
            QT_TR_NOOP("What information do you need, and from whom?"),
            QT_TR_NOOP("Why does this need a team leader?"),
            QT_TR_NOOP("Why is this item being reopened?"),
            QT_TR_NOOP("What needs doing before this can be approved?"),
        };
        const int i = type == CommandType::RequestInfo ? 0
                      : type == CommandType::Escalate  ? 1
                      : type == CommandType::Reopen    ? 2
                                                       : 3;
        m_text = new QPlainTextEdit;
        m_text->setTabChangesFocus(true);
        m_text->setPlaceholderText(tr(prompts[i]));
        form->addRow(tr("&Reason:"), m_text);
        break;
    }
    case CommandType::Resolve: {
        if (models::isBereavement(item)) {
            QStringList dont = models::bereavementDoNotSend(item);
            for (QString &d : dont)
                d = d.toHtmlEscaped();
            auto *warning = new QLabel(
                tr("<b>Bereavement: do not send</b><ul><li>%1</li></ul>").arg(dont.join(QStringLiteral("</li><li>"))));
            warning->setObjectName(QStringLiteral("doNotSend"));
            warning->setTextFormat(Qt::RichText);
            warning->setWordWrap(true);
            form->addRow(warning);
        }
        m_choice = new QComboBox;
        m_choice->addItem(tr("Choose an outcome…"), QString());
        for (const char *o : models::outcomes(item.kind))
            m_choice->addItem(models::outcomeLabel(QLatin1String(o)), QLatin1String(o));
        form->addRow(tr("&Outcome:"), m_choice);
        m_checkNote = new QLabel;
        m_checkNote->setObjectName(QStringLiteral("checkNote"));
        m_checkNote->setWordWrap(true);
        m_checkNote->hide();
        form->addRow(m_checkNote);
        m_text = new QPlainTextEdit;
        m_text->setTabChangesFocus(true);
        m_text->setPlaceholderText(tr("Optional: what was done, for whoever reads this next"));
        form->addRow(tr("&Note:"), m_text);
        break;
    }
    case CommandType::Reassign: {
        m_choice = new QComboBox;
        m_choice->addItem(tr("Choose a caseworker…"), QString());
        for (const models::User &u : assignees)
            if (u.canBeGivenWorkFor(item.partner) && u.username != item.assignee)
                m_choice->addItem(QStringLiteral("%1 (%2)").arg(u.displayName, models::roleLabel(u.role)), u.username);
        form->addRow(tr("&Assign to:"), m_choice);
        break;
    }
    case CommandType::EditFields:
        for (const models::FieldSpec &spec : models::fieldSpecs(item.kind, item.subtype)) {
            const QJsonValue value = item.fields.value(QLatin1String(spec.key));
            // Personal data is not shown to be edited: a new value is typed over the masked one.
            const bool masked = models::isPersonalData(spec.type) && !value.toString().isEmpty();
            auto *edit = new QLineEdit(masked ? QString() : editText(spec, value));
            if (masked)
                edit->setPlaceholderText(tr("%1 — type a new one to change it").arg(models::displayField(spec, value)));
            form->addRow(models::fieldLabel(spec) + (spec.required ? QStringLiteral(" *") : QString()), edit);
            m_fieldEditors.emplace_back(QLatin1String(spec.key), edit);
            connect(edit, &QLineEdit::textChanged, this, &CommandDialog::updateOk);
        }
        break;
    case CommandType::PassCheck:
    case CommandType::ReturnCheck: addCheck(form); break;
    case CommandType::MarkSensitive: {
        m_text = new QPlainTextEdit;
        m_text->setTabChangesFocus(true);
        m_text->setPlaceholderText(tr("Why: a grievance, safeguarding, vetting, a protected address…"));
        form->addRow(tr("&Reason:"), m_text);
        m_named = new QLineEdit(item.named.join(QStringLiteral(", ")));
        m_named->setPlaceholderText(tr("Usernames, separated by commas"));
        form->addRow(tr("Also &seen by:"), m_named);
        auto *who = new QLabel(tr("From now on only its assignee, team leaders and the people named here see this "
                                  "item; lists show no names for it."));
        who->setWordWrap(true);
        form->addRow(who);
        break;
    }
    default: break;
    }

    m_problem = new QLabel;
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: #B42318;"));
    layout->addWidget(m_problem);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    m_buttons->button(QDialogButtonBox::Ok)->setText(models::commandLabel(type));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);

    if (m_text)
        connect(m_text, &QPlainTextEdit::textChanged, this, &CommandDialog::updateOk);
    if (m_choice)
        connect(m_choice, &QComboBox::currentIndexChanged, this, &CommandDialog::updateOk);
    resize(std::max(460, sizeHint().width()), sizeHint().height());
    updateOk();
}

void CommandDialog::addCheck(QFormLayout *form)
{
    m_madeBy = new QLabel;
    m_madeBy->setObjectName(QStringLiteral("madeBy"));
    m_madeBy->setWordWrap(true);
    m_madeBy->setTextFormat(Qt::RichText);
    m_madeBy->hide();
    form->addRow(m_madeBy);
    std::vector<models::CheckLine> lines = models::checkComparison(m_item);
    std::erase_if(lines, [](const models::CheckLine &l) { return l.before.isEmpty() && l.after.isEmpty(); });
    auto *table = new QTableWidget(int(lines.size()), 3);
    table->setObjectName(QStringLiteral("comparison"));
    table->setAccessibleName(tr("The change to check"));
    table->setHorizontalHeaderLabels({tr("Detail"), tr("Before"), tr("After")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    for (int i = 0; i < int(lines.size()); ++i) {
        const models::CheckLine &l = lines[std::size_t(i)];
        auto *after = new QTableWidgetItem(l.after.isEmpty() ? tr("(none)") : l.after);
        if (!l.before.isEmpty() && l.before != l.after) {
            QFont bold = after->font();
            bold.setBold(true);
            after->setFont(bold); // what the change changes
        }
        table->setItem(i, 0, new QTableWidgetItem(l.label));
        table->setItem(i, 1, new QTableWidgetItem(l.before));
        table->setItem(i, 2, after);
    }
    table->resizeColumnsToContents();
    table->resizeRowsToContents();
    table->horizontalHeader()->setStretchLastSection(true);
    // Every line in sight where there is room: a checker should not have to scroll to see the change.
    table->setMinimumSize(520, std::min(420, table->verticalHeader()->length() + table->horizontalHeader()->height() +
                                                 2 * table->frameWidth()));
    form->addRow(table);
    if (m_type == CommandType::PassCheck) {
        m_checked = new QCheckBox(tr("I have checked &each detail against the evidence"));
        connect(m_checked, &QCheckBox::toggled, this, &CommandDialog::updateOk);
        form->addRow(m_checked);
        return;
    }
    m_text = new QPlainTextEdit;
    m_text->setTabChangesFocus(true);
    m_text->setPlaceholderText(tr("What must the maker put right?"));
    form->addRow(tr("&Reason:"), m_text);
}

void CommandDialog::setPolicy(const models::SlaPolicy &policy)
{
    m_policy = policy;
    updateOk();
}

void CommandDialog::setMadeBy(const QString &text)
{
    if (!m_madeBy)
        return;
    m_madeBy->setText(text);
    m_madeBy->setVisible(!text.isEmpty());
}

QJsonObject CommandDialog::payload() const
{
    switch (m_type) {
    case CommandType::PassCheck: return {};
    case CommandType::MarkSensitive: {
        QJsonArray named;
        for (const QString &u : m_named->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
            if (!u.trimmed().isEmpty())
                named.append(u.trimmed());
        return {{QStringLiteral("reason"), m_text->toPlainText().trimmed()}, {QStringLiteral("named"), named}};
    }
    case CommandType::Resolve: {
        QJsonObject p{{QStringLiteral("outcome"), m_choice->currentData().toString()}};
        if (!m_text->toPlainText().trimmed().isEmpty())
            p.insert(QStringLiteral("note"), m_text->toPlainText().trimmed());
        return p;
    }
    case CommandType::Reassign: return {{QStringLiteral("assignee"), m_choice->currentData().toString()}};
    case CommandType::EditFields: {
        QJsonObject changes;
        const auto specs = models::fieldSpecs(m_item.kind, m_item.subtype);
        for (std::size_t i = 0; i < m_fieldEditors.size(); ++i) {
            if (keepsMaskedValue(i))
                continue;
            const QJsonValue v = parseField(specs[i], m_fieldEditors[i].second->text());
            if (v != m_item.fields.value(m_fieldEditors[i].first) &&
                !(v.isNull() && !m_item.fields.contains(m_fieldEditors[i].first)))
                changes.insert(m_fieldEditors[i].first, v);
        }
        return {{QStringLiteral("fields"), changes}};
    }
    default: return {{QStringLiteral("reason"), m_text ? m_text->toPlainText().trimmed() : QString()}};
    }
}

void CommandDialog::setPayload(const QJsonObject &payload)
{
    const auto choose = [this](const QString &value) {
        if (const int i = m_choice->findData(value); i >= 0)
            m_choice->setCurrentIndex(i);
    };
    switch (m_type) {
    case CommandType::Resolve:
        choose(payload.value(QStringLiteral("outcome")).toString());
        m_text->setPlainText(payload.value(QStringLiteral("note")).toString());
        break;
    case CommandType::Reassign: choose(payload.value(QStringLiteral("assignee")).toString()); break;
    case CommandType::EditFields: {
        const QJsonObject fields = payload.value(QStringLiteral("fields")).toObject();
        const auto specs = models::fieldSpecs(m_item.kind, m_item.subtype);
        for (std::size_t i = 0; i < m_fieldEditors.size() && i < specs.size(); ++i)
            if (fields.contains(m_fieldEditors[i].first))
                m_fieldEditors[i].second->setText(editText(specs[i], fields.value(m_fieldEditors[i].first)));
        break;
    }
    default:
        if (m_text)
            m_text->setPlainText(payload.value(QStringLiteral("reason")).toString());
        break;
    }
    updateOk();
}

QString CommandDialog::problem() const
{
    switch (m_type) {
    case CommandType::Resolve:
        return m_choice->currentData().toString().isEmpty() ? tr("Choose the outcome.") : QString();
    case CommandType::Reassign:
        return m_choice->currentData().toString().isEmpty() ? tr("Choose who should have the item.") : QString();
    case CommandType::EditFields: {
        const QString bad = fieldProblems();
        if (bad.isEmpty() && payload().value(QStringLiteral("fields")).toObject().isEmpty())
            return tr("Change a detail first.");
        return bad;
    }
    case CommandType::PassCheck:
        return m_checked->isChecked() ? QString() : tr("Confirm that you have checked each detail.");
    default:
        return m_text->toPlainText().trimmed().isEmpty() ? tr("Say why, so that the next person knows.") : QString();
    }
}

bool CommandDialog::keepsMaskedValue(std::size_t editor) const
{
    const QLineEdit *edit = m_fieldEditors[editor].second;
    return !edit->placeholderText().isEmpty() && edit->text().trimmed().isEmpty();
}

QString CommandDialog::fieldProblems() const
{
    const auto specs = models::fieldSpecs(m_item.kind, m_item.subtype);
    QStringList problems;
    for (std::size_t i = 0; i < m_fieldEditors.size(); ++i) {
        if (keepsMaskedValue(i))
            continue;
        const QString p = models::validateField(specs[i], parseField(specs[i], m_fieldEditors[i].second->text()));
        if (!p.isEmpty())
            problems << p;
    }
    return problems.join(QLatin1Char('\n'));
}

void CommandDialog::updateOk()
{
    if (m_checkNote) {
        const QString why =
            m_policy ? models::checkReason(m_item, m_choice->currentData().toString(), *m_policy) : QString();
        m_checkNote->setText(why.isEmpty()
                                 ? QString()
                                 : tr("%1 It will wait in “Awaiting check” until someone else passes it.").arg(why));
        m_checkNote->setVisible(!why.isEmpty());
    }
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem().isEmpty());
    // Name a bad detail as soon as it is typed; a missing reason only greys out the button.
    m_problem->setText(fieldProblems());
    m_problem->setVisible(!m_problem->text().isEmpty());
}

void CommandDialog::accept()
{
    if (!problem().isEmpty())
        return;
    QDialog::accept();
}

} // namespace ibc::ui
