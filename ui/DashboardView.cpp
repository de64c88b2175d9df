#include "ui/DashboardView.h"

#include "domain/Partner.h"
#include "ui/SlaReport.h"

#include <QAbstractBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateEdit>
#include <QFileDialog>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QSettings>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTableWidget>
#include <QtConcurrent>
#include <QToolButton>
#include <QVBoxLayout>

#include <map>
#include <utility>

namespace ibc::ui {

using models::DashboardPick;
using models::SlaFigures;

namespace {

// The Table part of onTableActivated() beyond the charts' own.

// Fills the table, keeping the reader's place: the cell in the same column of the row with the same
// first cell (a week, a caseworker, a partner), if it is still there.
void fillTable(QTableWidget *table, const FigureTable &t)
{
    const QTableWidgetItem *current = table->currentItem();
    const QString key = current ? table->item(current->row(), 0)->text() : QString();
    const int column = current ? current->column() : -1;
    table->clear();
    table->setColumnCount(int(t.headers.size()));
    table->setRowCount(int(t.rows.size()));
    table->setHorizontalHeaderLabels(t.headers);
    for (int r = 0; r < t.rows.size(); ++r)
        for (int c = 0; c < t.rows[r].size(); ++c) {
            auto *item = new QTableWidgetItem(t.rows[r][c]);
            item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
            if (c > 0)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            table->setItem(r, c, item);
        }
    table->resizeColumnsToContents();
    for (int r = 0; column >= 0 && r < t.rows.size(); ++r)
        if (!t.rows[r].isEmpty() && t.rows[r][0] == key) {
            table->setCurrentCell(r, column);
            break;
        }
}

QTableWidget *newTable(const QString &name)
{
    auto *table = new QTableWidget;
    table->setAccessibleName(name);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectItems);
    table->setAlternatingRowColors(true);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setWordWrap(false);
    return table;
}

} // namespace

DashboardView::DashboardView(models::Cache &cache, const models::User &user, const models::Clock &clock,
                             QWidget *parent)
    : QWidget(parent)
    , m_cache(cache)
    , m_user(user)
    , m_clock(clock)
{
    setObjectName(QStringLiteral("dashboard"));
    m_pool.setMaxThreadCount(1);
    m_pool.setObjectName(QStringLiteral("dashboard-figures"));

    makeTeams();
    makeFilterBoxes();
    QHBoxLayout *filters = makeFilterBar();

    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("dashboardStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    makeCards();
    makeReassignButton();

    auto *scroll = new QScrollArea;
    scroll->setWidget(m_content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_status, 1);
    bottom->addWidget(m_reassign);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addLayout(bottom);
    layout->addWidget(scroll, 1);

    restoreFilters();
    for (QComboBox *box : {m_partner, m_kind, m_team, m_period})
        connect(box, &QComboBox::currentIndexChanged, this, &DashboardView::onFiltersChanged);
    for (QDateEdit *e : {m_from, m_to})
        connect(e, &QDateEdit::dateChanged, this, &DashboardView::onFiltersChanged);
    connect(m_target, &QSpinBox::valueChanged, this, [this] {
        saveFilters();
        showFigures();
    });

    connectWatchers();
    m_throttle.setSingleShot(true);
    connect(&m_throttle, &QTimer::timeout, this, &DashboardView::refresh);
    m_showNext.setSingleShot(true);
    connect(&m_showNext, &QTimer::timeout, this, [this] {
        showPart(m_nextPart++);
        if (m_nextPart < kParts)
            m_showNext.start(0);
        else
            Q_EMIT refreshed();
    });
}

DashboardView::~DashboardView()
{
    m_watcher.waitForFinished();
    m_drillWatcher.waitForFinished();
}

// The teams the Team filter offers: the people who work for the same partners, named after their
// team leader. Everyone's display name is kept on the way, from the same read of the users.
void DashboardView::makeTeams()
{
    std::map<QStringList, Team> byPartners;
    for (const models::User &u : m_cache.users()) {
        m_displayNames.insert(u.username, u.displayName);
        if (u.role != models::Role::Caseworker && u.role != models::Role::TeamLeader)
            continue;
        QStringList key = u.partners;
        key.sort();
        Team &team = byPartners[key];
        team.members << u.username;
        if (u.role == models::Role::TeamLeader && team.name.isEmpty())
            team.name = tr("%1’s team").arg(u.displayName);
    }
    for (auto &[partners, team] : byPartners) {
        if (team.name.isEmpty())
            team.name = tr("Team for %1").arg(partners.join(QStringLiteral(", ")));
        team.name = tr("%1 (%n people)", nullptr, int(team.members.size())).arg(team.name);
        m_teams.push_back(team);
    }
    std::sort(m_teams.begin(), m_teams.end(), [](const Team &a, const Team &b) { return a.name < b.name; });
}

// The filters, with their choices and defaults; makeFilterBar() labels them.
void DashboardView::makeFilterBoxes()
{
    m_partner = new QComboBox;
    m_partner->addItem(tr("All my partners"), QString());
    for (const models::Partner &p : models::partners())
        if (const QString code = QString::fromUtf8(p.code); m_user.worksFor(code))
            m_partner->addItem(QStringLiteral("%1 · %2").arg(code, QString::fromUtf8(p.shortName)), code);
    m_kind = new QComboBox;
    m_kind->addItem(tr("All queues"), -1);
    for (models::Kind k : models::kAllKinds)
        m_kind->addItem(models::kindPluralLabel(k), int(k));
    m_team = new QComboBox;
    m_team->addItem(tr("Everyone"), -1);
    for (std::size_t i = 0; i < m_teams.size(); ++i)
        m_team->addItem(m_teams[i].name, int(i));
    m_period = new QComboBox;
    m_period->addItem(tr("Usual periods"), false);
    m_period->addItem(tr("From … to …"), true);
    m_period->setToolTip(tr("Usual periods: the last 13 weeks by week, this week per caseworker, this month and last "
                            "per partner. From … to …: every figure of resolved work in the dates you choose."));
    m_from = new QDateEdit;
    m_from->setAccessibleName(tr("From"));
    m_to = new QDateEdit;
    for (QDateEdit *e : {m_from, m_to}) {
        e->setCalendarPopup(true);
        e->setDisplayFormat(QStringLiteral("d MMM yyyy"));
    }
    const QDate today = QDateTime::fromSecsSinceEpoch(m_clock.now()).date();
    m_from->setDate(today.addDays(-28));
    m_to->setDate(today);
    m_target = new QSpinBox;
    m_target->setRange(50, 100);
    m_target->setSuffix(QStringLiteral("%"));
    m_target->setValue(kDefaultTargetPercent);
    m_target->setToolTip(tr("The share of work to resolve within its service level, drawn on the weekly chart"));
}

// The filters, each with its label, and the buttons that save the whole dashboard.
QHBoxLayout *DashboardView::makeFilterBar()
{
    auto *filters = new QHBoxLayout;
    const auto labelled = [filters](const QString &text, QWidget *w) {
        auto *l = new QLabel(text);
        l->setBuddy(w);
        filters->addWidget(l);
        filters->addWidget(w);
        filters->addSpacing(8);
    };
    labelled(tr("&Partner"), m_partner);
    labelled(tr("&Queue"), m_kind);
    labelled(tr("T&eam"), m_team);
    labelled(tr("Peri&od"), m_period);
    filters->addWidget(m_from);
    auto *toLabel = new QLabel(tr("to"));
    toLabel->setBuddy(m_to);
    filters->addWidget(toLabel);
    filters->addWidget(m_to);
    filters->addSpacing(8);
    labelled(tr("Tar&get"), m_target);
    filters->addStretch(1);
    auto *png = new QPushButton(tr("Save as PNG…"));
    auto *pdf = new QPushButton(tr("Save as PDF…"));
    filters->addWidget(png);
    filters->addWidget(pdf);
    connect(png, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getSaveFileName(
            this, tr("Save the dashboard as PNG"), QStringLiteral("sla-dashboard.png"), tr("PNG images (*.png)"));
        QString error;
        if (!file.isEmpty() && !savePng(file, &error))
            QMessageBox::warning(this, tr("Could not save the dashboard"), error);
    });
    connect(pdf, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getSaveFileName(
            this, tr("Save the dashboard as PDF"), QStringLiteral("sla-dashboard.pdf"), tr("PDF documents (*.pdf)"));
        QString error;
        if (!file.isEmpty() && !savePdf(file, &error))
            QMessageBox::warning(this, tr("Could not save the dashboard"), error);
    });
    return filters;
}

// The cards: four charts, then the two tables.
void DashboardView::makeCards()
{
    m_content = new QWidget;
    m_content->setObjectName(QStringLiteral("dashboardContent"));
    m_content->setAutoFillBackground(true);
    auto *grid = new QGridLayout(m_content);
    grid->setSpacing(10);
    for (const DashboardChart chart : kDashboardCharts) {
        Card &card = m_cards[std::size_t(chart)];
        card.view = new QChartView;
        card.view->setRenderHint(QPainter::Antialiasing);
        card.view->setMinimumHeight(300);
        card.view->setAccessibleName(chartTitle(chart));
        card.view->setAccessibleDescription(tr("A chart. Choose Show as table to read its numbers."));
        card.table = newTable(chartTitle(chart));
        connect(card.table, &QTableWidget::cellActivated, this,
                [this, chart](int row, int column) { onTableActivated(int(chart), row, column); });
        card.stack = new QStackedWidget;
        card.stack->addWidget(card.view);
        card.stack->addWidget(card.table);
        card.asTable = new QToolButton;
        card.asTable->setText(tr("Show as table"));
        card.asTable->setCheckable(true);
        card.asTable->setAccessibleName(tr("Show %1 as a table").arg(chartTitle(chart)));
        connect(card.asTable, &QToolButton::toggled, this, [this, chart](bool on) {
            Card &c = m_cards[std::size_t(chart)];
            c.stack->setCurrentWidget(on ? static_cast<QWidget *>(c.table) : c.view);
            c.asTable->setText(on ? tr("Show as chart") : tr("Show as table"));
            QSettings().setValue(QStringLiteral("dashboard/asTable/%1").arg(int(chart)), on);
        });
        const int n = int(chart);
        grid->addWidget(makeCard(chartTitle(chart), card.stack, card.asTable,
                                 [this, chart] {
                                     saveCsvAs(chartFileName(chart), chartTable(chart, *m_figures, targetPercent()));
                                 }),
                        n / 2, n % 2);
    }
    m_partners = newTable(partnerTableTitle());
    connect(m_partners, &QTableWidget::cellActivated, this,
            [this](int row, int column) { onTableActivated(kPartnerTable, row, column); });
    grid->addWidget(
        makeCard(partnerTableTitle(), m_partners, nullptr,
                 [this] { saveCsvAs(QStringLiteral("sla-compliance-per-partner.csv"), partnerTable(*m_figures)); }),
        2, 0);
    m_awaiting = newTable(awaitingTableTitle());
    m_awaiting->setSelectionBehavior(QAbstractItemView::SelectRows);
    connect(m_awaiting, &QTableWidget::cellActivated, this,
            [this](int row, int column) { onTableActivated(kAwaitingTable, row, column); });
    grid->addWidget(makeCard(awaitingTableTitle(), m_awaiting, nullptr,
                             [this] {
                                 saveCsvAs(QStringLiteral("sla-awaiting-information.csv"),
                                           awaitingTable(*m_figures, *m_cache.slaRules(), m_displayNames));
                             }),
                    2, 1);
    for (int r = 0; r < 3; ++r)
        grid->setRowMinimumHeight(r, 340);
}

// A team leader can move a caseworker's open work to someone with room for it.
void DashboardView::makeReassignButton()
{
    m_reassign = new QPushButton(tr("Reassign their open work…"));
    m_reassign->setToolTip(tr("Move open work from the caseworker chosen in the table of resolved work per "
                              "caseworker to someone with capacity"));
    m_reassign->setVisible(m_user.role == models::Role::TeamLeader);
    connect(m_reassign, &QPushButton::clicked, this, [this] {
        QTableWidget *t = m_cards[std::size_t(DashboardChart::Caseworkers)].table;
        const int row = t->currentRow();
        const auto &shown = m_shown[std::size_t(DashboardChart::Caseworkers)];
        if (row < 0 || !shown || std::size_t(row) >= shown->caseworkers.size()) {
            m_status->setText(tr("Choose a caseworker in the table of resolved work per caseworker first."));
            m_cards[std::size_t(DashboardChart::Caseworkers)].asTable->setChecked(true);
            return;
        }
        Q_EMIT reassignRequested(shown->caseworkers[std::size_t(row)].username);
    });
}

// What the worker thread's answers do: new figures go on screen, a drill-down's rows to drillDown().
void DashboardView::connectWatchers()
{
    connect(&m_watcher, &QFutureWatcher<Computed>::finished, this, [this] {
        const Computed c = m_watcher.result();
        if (!c.error.isEmpty()) {
            m_status->setText(tr("Could not work out the figures: %1").arg(c.error));
        } else {
            m_figures = std::make_shared<const SlaFigures>(c.figures);
            m_shownFilter = c.filter;
            showFigures();
            m_status->setText(
                tr("Figures as at %1, worked out in %2 s. Click a bar, a point or a row to see its work "
                   "in the queue.")
                    .arg(QLocale().toString(QDateTime::fromSecsSinceEpoch(m_figures->now), QStringLiteral("HH:mm")),
                         QLocale().toString(double(c.ms) / 1000.0, 'f', 1)));
        }
        if (m_nextPart == kParts)
            Q_EMIT refreshed();
        if (m_pending) { // the cache changed meanwhile: once more, within the once-a-second limit
            m_pending = false;
            m_stale = true;
            refreshSoon();
        }
    });
    connect(&m_drillWatcher, &QFutureWatcher<Drilled>::finished, this, [this] {
        if (const std::optional<DashboardPick> next = std::exchange(m_nextPick, std::nullopt)) {
            open(*next); // clicked again meanwhile: the latest click wins
            return;
        }
        const Drilled d = m_drillWatcher.result();
        if (!d.error.isEmpty())
            m_status->setText(tr("Could not find the work behind “%1”: %2").arg(m_drillTitle, d.error));
        else
            Q_EMIT drillDown(m_drillTitle, std::make_shared<const std::vector<qint64>>(d.rows));
    });
}

QWidget *DashboardView::makeCard(const QString &title, QWidget *body, QToolButton *asTable,
                                 const std::function<void()> &saveCsv)
{
    auto *card = new QFrame;
    card->setFrameShape(QFrame::StyledPanel);
    auto *heading = new QLabel(title);
    QFont bold = heading->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.1);
    heading->setFont(bold);
    heading->setAccessibleName(title);
    auto *csv = new QToolButton;
    csv->setText(tr("Save CSV…"));
    csv->setAccessibleName(tr("Save the numbers of %1 as CSV").arg(title));
    connect(csv, &QToolButton::clicked, this, saveCsv);
    auto *top = new QHBoxLayout;
    top->addWidget(heading, 1);
    if (asTable)
        top->addWidget(asTable);
    top->addWidget(csv);
    auto *layout = new QVBoxLayout(card);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addLayout(top);
    layout->addWidget(body, 1);
    return card;
}

models::DashboardFilter DashboardView::filter() const
{
    models::DashboardFilter f;
    f.partners = m_user.partners;
    f.partner = m_partner->currentData().toString();
    if (const int k = m_kind->currentData().toInt(); k >= 0)
        f.kind = models::Kind(k);
    if (const int t = m_team->currentData().toInt(); t >= 0)
        f.assignees = m_teams[std::size_t(t)].members;
    if (m_period->currentData().toBool()) {
        const QDate from = std::min(m_from->date(), m_to->date());
        const QDate to = std::max(m_from->date(), m_to->date());
        f.from = QDateTime(from, QTime(0, 0)).toSecsSinceEpoch();
        f.to = QDateTime(to.addDays(1), QTime(0, 0)).toSecsSinceEpoch();
    }
    return f;
}

double DashboardView::targetPercent() const { return m_target->value(); }

void DashboardView::refresh()
{
    m_throttle.stop();
    if (m_watcher.isRunning()) {
        m_pending = true;
        return;
    }
    m_pending = false;
    m_stale = false;
    m_lastRefresh.start();
    m_status->setText(tr("Working out the figures…"));
    m_watcher.setFuture(QtConcurrent::run(
        &m_pool, [path = m_cache.path(), rules = m_cache.slaRules(), f = filter(), now = m_clock.now()] {
            Computed c;
            c.filter = f;
            QElapsedTimer timer;
            timer.start();
            try {
                c.figures = models::SlaFiguresReader(path).compute(f, *rules, now);
            } catch (const std::exception &e) {
                c.error = QString::fromUtf8(e.what());
            }
            c.ms = timer.elapsed();
            return c;
        }));
}

void DashboardView::refreshSoon()
{
    if (!isVisible()) {
        m_stale = true;
        return;
    }
    if (m_watcher.isRunning()) {
        m_pending = true;
        return;
    }
    if (m_throttle.isActive())
        return;
    const qint64 since = m_lastRefresh.isValid() ? m_lastRefresh.elapsed() : 1000;
    m_throttle.start(int(std::max<qint64>(0, 1000 - since)));
}

void DashboardView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
}

void DashboardView::showFigures()
{
    m_nextPart = 0;
    m_showNext.start(0);
}

void DashboardView::showPart(int part)
{
    const std::shared_ptr<const SlaFigures> figures = m_figures;
    m_shown[std::size_t(part)] = figures;
    if (part == kPartnerTable) {
        fillTable(m_partners, partnerTable(*figures));
        return;
    }
    if (part == kAwaitingTable) {
        fillTable(m_awaiting, awaitingTable(*figures, *m_cache.slaRules(), m_displayNames));
        return;
    }
    const auto chart = DashboardChart(part);
    Card &card = m_cards[std::size_t(part)];
    QChart *made = makeChart(chart, *figures, targetPercent());
    for (QAbstractSeries *series : made->series()) {
        if (auto *bars = qobject_cast<QAbstractBarSeries *>(series))
            for (QBarSet *set : bars->barSets())
                connect(set, &QBarSet::clicked, this, [this, set, figures](int index) {
                    if (const auto pick = pickFor(set, index, *figures))
                        open(*pick);
                });
        if (auto *line = qobject_cast<QLineSeries *>(series))
            connect(line, &QLineSeries::clicked, this, [this, line, figures](const QPointF &p) {
                if (const auto pick = pickFor(line, qRound(p.x()), *figures))
                    open(*pick);
            });
    }
    QChart *old = card.view->chart();
    card.view->setChart(made);
    delete old;
    fillTable(card.table, chartTable(chart, *figures, targetPercent()));
}

void DashboardView::open(const DashboardPick &pick)
{
    if (m_drillWatcher.isRunning()) {
        m_nextPick = pick;
        return;
    }
    m_drillTitle = pickTitle(pick, *m_figures);
    m_drillWatcher.setFuture(QtConcurrent::run(
        &m_pool, [path = m_cache.path(), rules = m_cache.slaRules(), f = m_shownFilter, now = m_figures->now, pick] {
            Drilled d;
            try {
                d.rows = models::SlaFiguresReader(path).rows(f, *rules, now, pick);
            } catch (const std::exception &e) {
                d.error = QString::fromUtf8(e.what());
            }
            return d;
        }));
}

void DashboardView::onTableActivated(int part, int row, int column)
{
    if (!m_shown[std::size_t(part)])
        return;
    const SlaFigures &shown = *m_shown[std::size_t(part)];
    DashboardPick pick;
    pick.index = row;
    using Part = DashboardPick::Part;
    switch (part) {
    case int(DashboardChart::Compliance):
        pick.part = Part::Week;
        if (column >= 1 && column <= 9)
            pick.kind = models::Kind((column - 1) / 3);
        break;
    case int(DashboardChart::Age):
        pick.part = Part::Age;
        if (column >= 1 && column <= 6)
            pick.kind = models::Kind((column - 1) / 2);
        if (column >= 1 && (column - 1) % 2 == 1)
            pick.breached = true;
        break;
    case int(DashboardChart::Forecast): pick.part = Part::Forecast; break;
    case int(DashboardChart::Caseworkers):
        if (std::size_t(row) >= shown.caseworkers.size())
            return;
        pick.part = Part::Caseworker;
        pick.name = shown.caseworkers[std::size_t(row)].username;
        break;
    case kPartnerTable:
        if (std::size_t(row) >= shown.partners.size())
            return;
        pick.part = Part::Partner;
        pick.name = shown.partners[std::size_t(row)].partner;
        pick.previous = column >= 4;
        break;
    case kAwaitingTable: {
        if (std::size_t(row) >= shown.awaiting.size())
            return;
        const SlaFigures::Awaiting &a = shown.awaiting[std::size_t(row)];
        Q_EMIT drillDown(a.reference, std::make_shared<const std::vector<qint64>>(1, a.row));
        return;
    }
    default: return;
    }
    open(pick);
}

void DashboardView::onFiltersChanged()
{
    if (m_restoring)
        return;
    const bool ranged = m_period->currentData().toBool();
    m_from->setEnabled(ranged);
    m_to->setEnabled(ranged);
    saveFilters();
    refresh();
}

void DashboardView::saveFilters() const
{
    QSettings s;
    s.setValue(QStringLiteral("dashboard/partner"), m_partner->currentData());
    s.setValue(QStringLiteral("dashboard/kind"), m_kind->currentData());
    s.setValue(QStringLiteral("dashboard/team"), m_team->currentIndex() > 0 ? m_team->currentText() : QString());
    s.setValue(QStringLiteral("dashboard/ranged"), m_period->currentData());
    s.setValue(QStringLiteral("dashboard/from"), m_from->date());
    s.setValue(QStringLiteral("dashboard/to"), m_to->date());
    s.setValue(QStringLiteral("dashboard/target"), m_target->value());
}

void DashboardView::restoreFilters()
{
    m_restoring = true;
    QSettings s;
    const auto choose = [](QComboBox *box, const QVariant &value) {
        if (const int i = box->findData(value); i >= 0)
            box->setCurrentIndex(i);
    };
    choose(m_partner, s.value(QStringLiteral("dashboard/partner"), QString()));
    choose(m_kind, s.value(QStringLiteral("dashboard/kind"), -1));
    if (const int i = m_team->findText(s.value(QStringLiteral("dashboard/team")).toString()); i > 0)
        m_team->setCurrentIndex(i);
    choose(m_period, s.value(QStringLiteral("dashboard/ranged"), false));
    if (const QDate d = s.value(QStringLiteral("dashboard/from")).toDate(); d.isValid())
        m_from->setDate(d);
    if (const QDate d = s.value(QStringLiteral("dashboard/to")).toDate(); d.isValid())
        m_to->setDate(d);
    m_target->setValue(s.value(QStringLiteral("dashboard/target"), kDefaultTargetPercent).toInt());
    const bool ranged = m_period->currentData().toBool();
    m_from->setEnabled(ranged);
    m_to->setEnabled(ranged);
    for (const DashboardChart chart : kDashboardCharts)
        m_cards[std::size_t(chart)].asTable->setChecked(
            s.value(QStringLiteral("dashboard/asTable/%1").arg(int(chart)), false).toBool());
    m_restoring = false;
}

void DashboardView::saveCsvAs(const QString &defaultName, const FigureTable &table)
{
    const QString file =
        QFileDialog::getSaveFileName(this, tr("Save the numbers as CSV"), defaultName, tr("CSV files (*.csv)"));
    QString error;
    if (!file.isEmpty() && !writeCsv(table, file, &error))
        QMessageBox::warning(this, tr("Could not save the numbers"), error);
}

bool DashboardView::saveCsv(DashboardChart chart, const QString &file, QString *error)
{
    return writeCsv(chartTable(chart, *m_figures, targetPercent()), file, error);
}

bool DashboardView::writeCsv(const FigureTable &table, const QString &file, QString *error)
{
    QSaveFile out(file);
    if (out.open(QIODevice::WriteOnly) && out.write(table.toCsv().toUtf8()) >= 0 && out.commit())
        return true;
    if (error)
        *error = tr("Could not write %1: %2").arg(file, out.errorString());
    return false;
}

bool DashboardView::savePng(const QString &file, QString *error)
{
    if (m_content->grab().save(file, "PNG"))
        return true;
    if (error)
        *error = tr("Could not write %1.").arg(file);
    return false;
}

bool DashboardView::savePdf(const QString &file, QString *error)
{
    SlaReport report;
    report.title = tr("Service levels");
    report.scope =
        tr("Partner: %1 · Queue: %2 · Team: %3 · Period: %4")
            .arg(m_partner->currentText(), m_kind->currentText(), m_team->currentText(),
                 m_period->currentData().toBool() ? tr("%1 to %2")
                                                        .arg(QLocale().toString(m_from->date(), QLocale::LongFormat),
                                                             QLocale().toString(m_to->date(), QLocale::LongFormat))
                                                  : m_period->currentText());
    report.figures = *m_figures;
    report.targetPercent = targetPercent();
    report.rules = m_cache.slaRules();
    report.displayNames = m_displayNames;
    return report.write(file, error);
}

} // namespace ibc::ui
