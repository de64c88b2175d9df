#include "ui/AuditLogView.h"

#include "domain/Command.h"
#include "domain/Fields.h"
#include "domain/Partner.h"
#include "domain/WorkItem.h"
#include "protocol/Wire.h"
#include "ui/DashboardCharts.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QDateEdit>
#include <QDateTime>
#include <QFileDialog>
#include <QGridLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QTableWidget>
#include <QTimeZone>
#include <QVBoxLayout>

#include <cstdlib>

namespace ibc::ui {

namespace wire = sync::wire;
using sync::AuditAnswer;
using sync::AuditQuery;
using sync::AuditRow;

namespace {

enum Column { When, Who, What, Item, Detail, ColumnCount };

// The actions offered in "What", as prefixes the store matches. Any other prefix may be typed.
struct ActionChoice {
    const char *prefix;
    const char *label;
};
const ActionChoice kActionChoices[] = {
    {"", QT_TRANSLATE_NOOP("ibc::ui::AuditLogView", "Anything")},
    {"command", QT_TRANSLATE_NOOP("ibc::ui::AuditLogView", "Changes to items (all)")},
    {"command.applied", QT_TRANSLATE_NOOP("ibc::ui::AuditLogView", "Changes applied")},
    {"command.rejected", QT_TRANSLATE_NOOP("ibc::ui::AuditLogView", "Changes refused")},
    {"command.conflict", QT_TRANSLATE_NOOP("ibc::ui::AuditLogView", "Changes in conflict")},
    {"personal_data", QT_TRANSLATE_NOOP("ibc::ui::AuditLogView", "Personal data revealed")},
    {"item.received", QT_TRANSLATE_NOOP("ibc::ui::AuditLogView", "Items received")},
    {"session", QT_TRANSLATE_NOOP("ibc::ui::AuditLogView", "Sign-ins")},
    {"user", QT_TRANSLATE_NOOP("ibc::ui::AuditLogView", "Accounts")},
    {"reference", QT_TRANSLATE_NOOP("ibc::ui::AuditLogView", "Reference data")},
    {"sla", QT_TRANSLATE_NOOP("ibc::ui::AuditLogView", "Service-level rules")},
    {"audit.read", QT_TRANSLATE_NOOP("ibc::ui::AuditLogView", "Audit log searches")},
};

QString str(const QJsonObject &o, const char *key) { return o.value(QLatin1String(key)).toString(); }
qint64 num(const QJsonObject &o, const char *key) { return o.value(QLatin1String(key)).toInteger(); }

QDateTime localTime(models::EpochSecs t) { return QDateTime::fromSecsSinceEpoch(t, QTimeZone::systemTimeZone()); }

// "2026-11-23 10:42:05": the same in every language, and sorts as it reads.
QString whenText(models::EpochSecs t) { return localTime(t).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")); }

// "2026-07-01T10:42:05+01:00": local time with its offset from UTC, for the CSV.
QString isoTime(models::EpochSecs t)
{
    const QDateTime local = localTime(t);
    const int offset = local.offsetFromUtc();
    const int minutes = std::abs(offset) / 60;
    return local.toString(QStringLiteral("yyyy-MM-dd'T'HH:mm:ss")) +
           (offset < 0 ? QLatin1Char('-') : QLatin1Char('+')) +
           QStringLiteral("%1:%2")
               .arg(minutes / 60, 2, 10, QLatin1Char('0'))
               .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

// A value of the detail as text: strings as they are, anything else as compact JSON.
QString valueText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isObject())
        return QString::fromUtf8(wire::serialize(v.toObject()));
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (v.isDouble())
        return QString::number(v.toInteger());
    return {};
}

QString pairs(const QJsonObject &o)
{
    QStringList parts;
    for (auto it = o.begin(); it != o.end(); ++it)
        parts << it.key() + QStringLiteral(": ") + valueText(it.value());
    return parts.join(QStringLiteral("; "));
}

QString fieldName(const QString &key)
{
    for (models::Kind k : models::kAllKinds)
        for (const char *subtype : models::subtypes(k))
            for (const models::FieldSpec &spec : models::fieldSpecs(k, QLatin1String(subtype)))
                if (key == QLatin1String(spec.key))
                    return models::fieldLabel(spec);
    return key;
}

// A command's entry: its type in words, what it carried, and how the store answered.
QString commandText(const AuditRow &row)
{
    const QJsonObject &d = row.detail;
    const auto type = models::commandFromName(str(d, "type"));
    QString text = type ? models::commandLabel(*type) : str(d, "type");
    const QString payload = pairs(d.value(QLatin1String("payload")).toObject());
    if (!payload.isEmpty())
        text += QStringLiteral(" (") + payload + QLatin1Char(')');
    if (row.action == QLatin1String("command.applied"))
        return AuditLogView::tr("%1; the item is now at version %2").arg(text).arg(num(d, "version"));
    if (d.contains(QLatin1String("code")))
        return AuditLogView::tr("%1; refused: %2").arg(text, str(d, "code"));
    return text;
}

QString accountText(const AuditRow &row)
{
    const QJsonObject &d = row.detail;
    const QString who = str(d, "username");
    if (row.action == QLatin1String("user.added"))
        return AuditLogView::tr("Added %1 as %2, for %3")
            .arg(who, str(d, "role"),
                 str(d, "partners").isEmpty() ? AuditLogView::tr("no partner") : str(d, "partners"));
    if (row.action == QLatin1String("user.password_set"))
        return AuditLogView::tr("Set the password of %1").arg(who);
    if (row.action == QLatin1String("user.disabled"))
        return AuditLogView::tr("Disabled the account of %1").arg(who);
    if (row.action == QLatin1String("user.checker_granted"))
        return AuditLogView::tr("%1 may now check others' changes").arg(who);
    if (row.action == QLatin1String("user.checker_removed"))
        return AuditLogView::tr("%1 no longer checks others' changes").arg(who);
    return pairs(d);
}

QString auditReadText(const QJsonObject &d)
{
    QStringList filters;
    if (d.contains(QLatin1String("from")))
        filters << AuditLogView::tr("from %1").arg(whenText(wire::parseTime(str(d, "from")).value_or(0)));
    if (d.contains(QLatin1String("to")))
        filters << AuditLogView::tr("to %1").arg(whenText(wire::parseTime(str(d, "to")).value_or(0)));
    if (d.contains(QLatin1String("actor")))
        filters << AuditLogView::tr("who: %1").arg(str(d, "actor"));
    if (d.contains(QLatin1String("action")))
        filters << AuditLogView::tr("what: %1").arg(str(d, "action"));
    if (d.contains(QLatin1String("item")))
        filters << AuditLogView::tr("item: %1").arg(str(d, "item"));
    const QString rows = AuditLogView::tr("%n row(s) read", nullptr, int(num(d, "rows")));
    return filters.isEmpty() ? AuditLogView::tr("Searched the whole log; %1").arg(rows)
                             : AuditLogView::tr("Searched for %1; %2").arg(filters.join(QStringLiteral(", ")), rows);
}

} // namespace

QString auditActionLabel(const QString &action)
{
    static const std::pair<const char *, const char *> labels[] = {
        {"command.applied", QT_TRANSLATE_NOOP("ibc::ui::AuditLogView", "Change applied")},
        {"command.rejected", QT_TRANSLATE_NOOP("ibc::ui::AuditLogView", "Change refused")},
        {"command.conflict", QT_TRANSLATE_NOOP("ibc::ui::AuditLogView", "Change in conflict")},
        {"command.duplicate_id", QT_TRANSLATE_NOOP("ibc::ui::AuditLogView", "Command id used twice")},
        {"personal_data.revealed", QT_TRANSLATE_NOOP("ibc::ui::AuditLogView", "Personal data revealed")},
        {"item.received", QT_TRANSLATE_NOOP("ibc::ui::AuditLogView", "Item received")},
        {"session.created", QT_TRANSLATE_NOOP("ibc::ui::AuditLogView", "Signed in")},
        {"session.refused", QT_TRANSLATE_NOOP("ibc::ui::AuditLogView", "Sign-in refused")},
        {"user.added", QT_TRANSLATE_NOOP("ibc::ui::AuditLogView", "Account added")},
        {"user.password_set", QT_TRANSLATE_NOOP("ibc::ui::AuditLogView", "Password set")},
        {"user.disabled", QT_TRANSLATE_NOOP("ibc::ui::AuditLogView", "Account disabled")},
        {"user.checker_granted", QT_TRANSLATE_NOOP("ibc::ui::AuditLogView", "Made a checker")},
        {"user.checker_removed", QT_TRANSLATE_NOOP("ibc::ui::AuditLogView", "No longer a checker")},
        {"reference.modulus_tables_set", QT_TRANSLATE_NOOP("ibc::ui::AuditLogView", "Modulus tables imported")},
        {"sla.rules_set", QT_TRANSLATE_NOOP("ibc::ui::AuditLogView", "Service-level rules changed")},
        {"store.seeded", QT_TRANSLATE_NOOP("ibc::ui::AuditLogView", "Store seeded with demo data")},
        {"audit.read", QT_TRANSLATE_NOOP("ibc::ui::AuditLogView", "Audit log searched")},
    };
    for (const auto &[name, label] : labels)
        if (action == QLatin1String(name))
            return QCoreApplication::translate("ibc::ui::AuditLogView", label);
    return action;
}

QString auditDetailText(const AuditRow &row)
{
    const QJsonObject &d = row.detail;
    const QString &a = row.action;
    if (a.startsWith(QLatin1String("command.")))
        return commandText(row);
    if (a.startsWith(QLatin1String("user.")))
        return accountText(row);
    if (a == QLatin1String("personal_data.revealed"))
        return AuditLogView::tr("Saw %1; reason given: \u201c%2\u201d")
            .arg(fieldName(str(d, "field")), str(d, "reason"));
    if (a == QLatin1String("item.received")) {
        const auto kind = models::kindFromName(str(d, "kind"));
        return AuditLogView::tr("%1 received for %2: %3")
            .arg(str(d, "reference"), str(d, "partner"),
                 kind ? models::kindLabel(*kind) + QStringLiteral(", ") + models::subtypeLabel(str(d, "subtype"))
                      : str(d, "subtype"));
    }
    if (a == QLatin1String("session.created"))
        return AuditLogView::tr("Session until %1").arg(whenText(num(d, "expires")));
    if (a == QLatin1String("session.refused"))
        return d.value(QLatin1String("known_user")).toBool()
                   ? AuditLogView::tr("Wrong password, or the account is disabled")
                   : AuditLogView::tr("No such username");
    if (a == QLatin1String("sla.rules_set"))
        return AuditLogView::tr("%n open item(s) given new due times", nullptr, int(num(d, "items_retimed")));
    if (a == QLatin1String("reference.modulus_tables_set"))
        return AuditLogView::tr("%n weight row(s)", nullptr, int(num(d, "weight_rows")));
    if (a == QLatin1String("store.seeded"))
        return AuditLogView::tr("%n demo item(s)", nullptr, int(num(d, "items")));
    if (a == QLatin1String("audit.read"))
        return auditReadText(d);
    return pairs(d);
}

AuditLogView::AuditLogView(const models::User &user, const models::Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_user(user)
    , m_clock(clock)
{
    setAccessibleName(tr("Audit log"));
    m_message = new QLabel;
    m_message->setObjectName(QStringLiteral("auditLogMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_table = new QTableWidget(0, ColumnCount);
    m_table->setAccessibleName(tr("Audit log rows"));
    m_table->setHorizontalHeaderLabels({tr("When"), tr("Who"), tr("What"), tr("Item"), tr("Detail")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(When, fontMetrics().horizontalAdvance(QStringLiteral("2026-11-23 10:42:05")) + 16);
    m_table->setColumnWidth(Who, fontMetrics().horizontalAdvance(QStringLiteral("priya.shah-long")) + 16);
    m_table->setColumnWidth(What, fontMetrics().horizontalAdvance(tr("Personal data revealed")) + 16);
    m_table->setColumnWidth(Item, fontMetrics().horizontalAdvance(QStringLiteral("INV-0000000")) + 16);

    m_older = new QPushButton(tr("Show older rows"));
    m_older->hide();
    connect(m_older, &QPushButton::clicked, this, &AuditLogView::showOlder);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 8, 10, 8);
    auto *title = new QLabel(tr("Audit log"));
    QFont f = title->font();
    f.setPointSizeF(f.pointSizeF() * 1.3);
    f.setBold(true);
    title->setFont(f);
    layout->addWidget(title);
    layout->addWidget(makeFilters());
    layout->addWidget(m_message);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_older, 0, Qt::AlignLeft);
    updateAvailability();
}

QWidget *AuditLogView::makeFilters()
{
    const QDate today = localTime(m_clock.now()).date();
    auto dateBox = [](const QDate &d, const QString &name) {
        auto *edit = new QDateEdit(d);
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setAccessibleName(name);
        edit->setEnabled(false);
        return edit;
    };
    m_fromCheck = new QCheckBox(tr("From"));
    m_from = dateBox(today.addDays(-30), tr("From date"));
    m_toCheck = new QCheckBox(tr("To"));
    m_to = dateBox(today, tr("To date"));
    connect(m_fromCheck, &QCheckBox::toggled, m_from, &QWidget::setEnabled);
    connect(m_toCheck, &QCheckBox::toggled, m_to, &QWidget::setEnabled);

    m_who = new QLineEdit;
    m_who->setPlaceholderText(tr("a username, e.g. sam.patel"));
    m_who->setAccessibleName(tr("Who"));
    m_what = new QComboBox;
    m_what->setEditable(true);
    m_what->setInsertPolicy(QComboBox::NoInsert);
    m_what->setAccessibleName(tr("What"));
    m_what->setToolTip(tr("Choose a kind of entry, or type the start of an action, such as command.rejected"));
    for (const ActionChoice &c : kActionChoices)
        m_what->addItem(QCoreApplication::translate("ibc::ui::AuditLogView", c.label), QString::fromLatin1(c.prefix));
    m_item = new QLineEdit;
    m_item->setPlaceholderText(tr("a reference, e.g. HR-0001234"));
    m_item->setAccessibleName(tr("Item"));

    m_search = new QPushButton(tr("Search"));
    m_search->setDefault(true);
    m_export = new QPushButton(tr("Export CSV…"));
    m_export->setToolTip(tr("Save every row that matches the filters as a CSV file"));
    connect(m_search, &QPushButton::clicked, this, &AuditLogView::search);
    for (QLineEdit *e : {m_who, m_item})
        connect(e, &QLineEdit::returnPressed, this, &AuditLogView::search);
    connect(m_export, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getSaveFileName(this, tr("Export the audit log as CSV"),
                                                          QStringLiteral("audit-log.csv"), tr("CSV files (*.csv)"));
        if (!file.isEmpty())
            exportCsv(file);
    });

    const int boxWidth = fontMetrics().horizontalAdvance(QStringLiteral("a reference, e.g. HR-0001234")) + 24;
    for (QWidget *w : {static_cast<QWidget *>(m_who), static_cast<QWidget *>(m_what), static_cast<QWidget *>(m_item)})
        w->setMinimumWidth(boxWidth);
    auto *box = new QWidget;
    auto *grid = new QGridLayout(box);
    grid->setContentsMargins(0, 0, 0, 0);
    auto *whoLabel = new QLabel(tr("&Who"));
    whoLabel->setBuddy(m_who);
    auto *whatLabel = new QLabel(tr("W&hat"));
    whatLabel->setBuddy(m_what);
    auto *itemLabel = new QLabel(tr("&Item"));
    itemLabel->setBuddy(m_item);
    grid->addWidget(m_fromCheck, 0, 0);
    grid->addWidget(m_from, 0, 1);
    grid->addWidget(m_toCheck, 0, 2);
    grid->addWidget(m_to, 0, 3);
    grid->addWidget(whoLabel, 1, 0);
    grid->addWidget(m_who, 1, 1);
    grid->addWidget(whatLabel, 1, 2);
    grid->addWidget(m_what, 1, 3);
    grid->addWidget(itemLabel, 1, 4);
    grid->addWidget(m_item, 1, 5);
    grid->addWidget(m_search, 1, 6);
    grid->addWidget(m_export, 1, 7);
    grid->setColumnStretch(8, 1);
    return box;
}

void AuditLogView::setSync(sync::SyncController *controller)
{
    for (const auto &c : std::as_const(m_syncConnections))
        disconnect(c);
    m_syncConnections.clear();
    m_sync = controller;
    m_searchTicket = 0;
    m_exportTicket = 0;
    if (controller)
        m_syncConnections << connect(controller, &sync::SyncController::auditLogRead, this, &AuditLogView::onAnswer)
                          << connect(controller, &sync::SyncController::statusChanged, this,
                                     &AuditLogView::updateAvailability);
    updateAvailability();
}

bool AuditLogView::canAsk(QString *why) const
{
    using State = sync::SyncStatus::State;
    if (!m_sync) {
        *why = tr("The audit log is kept by the central store, and this desk works on its own: it cannot read the "
                  "log. Nothing of the log is kept on this computer.");
        return false;
    }
    switch (m_sync->status().state) {
    case State::Online: return true;
    case State::Paused:
        *why = tr("Sync is paused, so the audit log cannot be read now: it is the store's, and nothing of it is kept "
                  "here. Resume sync to search it.");
        return false;
    case State::NeedsSignIn:
        *why = tr("The desk is signed out of the store, so the audit log cannot be read now. Sign in again to "
                  "search it.");
        return false;
    default:
        *why = tr("The store cannot be reached now, so the audit log cannot be read: it is the store's, and nothing "
                  "of it is kept here. Try again when the status bar says Online.");
        return false;
    }
}

// Search and export are offered only while the store can be asked; the message says why not.
void AuditLogView::updateAvailability()
{
    QString why;
    const bool can = canAsk(&why);
    m_search->setEnabled(can);
    m_export->setEnabled(can && m_exportTicket == 0);
    m_older->setEnabled(can && m_searchTicket == 0);
    if (!can)
        say(why);
    else if (m_message->property("unavailable").toBool())
        say(m_rows.empty() ? tr("Set the filters and press Search: the newest rows come first.") : QString());
    m_message->setProperty("unavailable", !can);
}

AuditQuery AuditLogView::currentQuery() const
{
    AuditQuery q;
    if (m_fromCheck->isChecked())
        q.from = QDateTime(m_from->date(), QTime(0, 0), QTimeZone::systemTimeZone()).toSecsSinceEpoch();
    if (m_toCheck->isChecked())
        q.to = QDateTime(m_to->date().addDays(1), QTime(0, 0), QTimeZone::systemTimeZone()).toSecsSinceEpoch() - 1;
    q.actor = m_who->text().trimmed();
    const int chosen = m_what->findText(m_what->currentText(), Qt::MatchFixedString);
    q.action = chosen >= 0 ? m_what->itemData(chosen).toString() : m_what->currentText().trimmed();
    q.item = m_item->text().trimmed();
    return q;
}

QString AuditLogView::message() const { return m_message->text(); }

void AuditLogView::say(const QString &text, bool problem)
{
    m_message->setText(text);
    m_message->setStyleSheet(problem ? QStringLiteral("color: #8A1F11;") : QString());
}

void AuditLogView::ask(const AuditQuery &query, bool forExport)
{
    const quint64 ticket = m_sync->readAuditLog(query);
    (forExport ? m_exportTicket : m_searchTicket) = ticket;
    updateAvailability();
}

void AuditLogView::search()
{
    QString why;
    if (!canAsk(&why)) {
        say(why);
        return;
    }
    const AuditQuery q = currentQuery();
    if (q.from && q.to && *q.to < *q.from) {
        say(tr("The To date is before the From date."), true);
        return;
    }
    m_query = q;
    m_rows.clear();
    m_more = false;
    m_table->setRowCount(0);
    m_older->hide();
    say(tr("Asking the store for the audit log…"));
    ask(q, false);
}

void AuditLogView::showOlder()
{
    QString why;
    if (m_rows.empty() || !canAsk(&why))
        return;
    AuditQuery q = m_query;
    q.before = m_rows.back().row;
    say(tr("Asking the store for older rows…"));
    ask(q, false);
}

void AuditLogView::exportCsv(const QString &path)
{
    QString why;
    if (!canAsk(&why)) {
        say(why);
        Q_EMIT exportFinished(path, 0, why);
        return;
    }
    m_exportQuery = currentQuery();
    if (m_exportQuery.from && m_exportQuery.to && *m_exportQuery.to < *m_exportQuery.from) {
        say(tr("The To date is before the From date."), true);
        Q_EMIT exportFinished(path, 0, message());
        return;
    }
    m_exportQuery.limit = m_exportPageRows;
    m_exportPath = path;
    m_exportRows.clear();
    say(tr("Exporting the audit log to %1…").arg(path));
    ask(m_exportQuery, true);
}

void AuditLogView::onAnswer(const AuditAnswer &answer)
{
    if (answer.ticket != 0 && answer.ticket == m_searchTicket) {
        m_searchTicket = 0;
        onSearchAnswer(answer);
    } else if (answer.ticket != 0 && answer.ticket == m_exportTicket) {
        m_exportTicket = 0;
        onExportAnswer(answer);
    }
    updateAvailability();
}

QString AuditLogView::failure(const AuditAnswer &answer) const
{
    if (answer.status == 0)
        return tr("The audit log could not be read: the store cannot be reached now (%1). Try again when the status "
                  "bar says Online.")
            .arg(answer.error);
    if (answer.status == 403)
        return tr("The store refused: only auditors read the audit log.");
    return tr("The store refused the search: %1").arg(answer.error);
}

void AuditLogView::onSearchAnswer(const AuditAnswer &answer)
{
    if (!answer.error.isEmpty()) {
        say(failure(answer), true);
        return;
    }
    appendRows(answer.page.rows);
    m_more = answer.page.more;
    m_older->setVisible(m_more);
    if (m_rows.empty())
        say(tr("No rows of the audit log match these filters."));
    else if (m_more)
        say(tr("The newest %n row(s) that match, newest first; older ones match too.", nullptr, int(m_rows.size())));
    else
        say(tr("%n row(s) match, newest first.", nullptr, int(m_rows.size())));
    Q_EMIT searched(int(m_rows.size()));
}

void AuditLogView::appendRows(const std::vector<AuditRow> &rows)
{
    const int first = m_table->rowCount();
    m_table->setRowCount(first + int(rows.size()));
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const AuditRow &r = rows[i];
        const int at = first + int(i);
        auto *when = new QTableWidgetItem(whenText(r.at));
        when->setToolTip(tr("Row %1 of the log").arg(r.row));
        auto *what = new QTableWidgetItem(auditActionLabel(r.action));
        what->setToolTip(r.action);
        auto *item = new QTableWidgetItem(r.reference.isEmpty() ? r.itemId : r.reference);
        item->setToolTip(r.itemId);
        auto *detail = new QTableWidgetItem(auditDetailText(r));
        detail->setToolTip(detail->text());
        m_table->setItem(at, When, when);
        m_table->setItem(at, Who, new QTableWidgetItem(r.actor));
        m_table->setItem(at, What, what);
        m_table->setItem(at, Item, item);
        m_table->setItem(at, Detail, detail);
        m_rows.push_back(r);
    }
    m_table->resizeRowsToContents(); // a reason may run to several lines
}

void AuditLogView::onExportAnswer(const AuditAnswer &answer)
{
    if (!answer.error.isEmpty()) {
        finishExport(failure(answer));
        return;
    }
    m_exportRows.insert(m_exportRows.end(), answer.page.rows.begin(), answer.page.rows.end());
    if (answer.page.more && !answer.page.rows.empty()) {
        AuditQuery next = m_exportQuery;
        next.before = answer.page.rows.back().row;
        say(tr("Exporting the audit log to %1… %n row(s) so far.", nullptr, int(m_exportRows.size()))
                .arg(m_exportPath));
        ask(next, true);
        return;
    }
    finishExport({});
}

namespace {

QStringList csvHeader()
{
    return {AuditLogView::tr("Row"),          AuditLogView::tr("When"),       AuditLogView::tr("Who"),
            AuditLogView::tr("Action"),       AuditLogView::tr("What"),       AuditLogView::tr("Item"),
            AuditLogView::tr("Item id"),      AuditLogView::tr("Command id"), AuditLogView::tr("Detail"),
            AuditLogView::tr("Detail (JSON)")};
}

// A row as the CSV has it: the time with its UTC offset, the action's code beside its words, and
// the detail both as a sentence and as the store recorded it.
QStringList csvRow(const AuditRow &r)
{
    return {QString::number(r.row),
            isoTime(r.at),
            r.actor,
            r.action,
            auditActionLabel(r.action),
            r.reference,
            r.itemId,
            r.commandId,
            auditDetailText(r),
            QString::fromUtf8(wire::serialize(r.detail))};
}

} // namespace

FigureTable AuditLogView::shownTable() const
{
    FigureTable t;
    t.headers = csvHeader();
    for (const AuditRow &r : m_rows)
        t.rows << csvRow(r);
    return t;
}

void AuditLogView::finishExport(const QString &error)
{
    const QString path = m_exportPath;
    const int count = int(m_exportRows.size());
    QString problem = error;
    if (problem.isEmpty()) {
        FigureTable t;
        t.headers = csvHeader();
        for (const AuditRow &r : m_exportRows)
            t.rows << csvRow(r);
        QSaveFile out(path);
        if (!out.open(QIODevice::WriteOnly) || out.write(t.toCsv().toUtf8()) < 0 || !out.commit())
            problem = tr("Could not write %1: %2").arg(path, out.errorString());
    }
    m_exportRows.clear();
    if (problem.isEmpty())
        say(tr("Exported %n row(s) to %1.", nullptr, count).arg(path));
    else
        say(tr("The export did not finish, and nothing was written: %1").arg(problem), true);
    Q_EMIT exportFinished(path, problem.isEmpty() ? count : 0, problem);
}

} // namespace ibc::ui
