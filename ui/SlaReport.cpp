#include "ui/SlaReport.h"

#include "cache/Cache.h"
#include "domain/Fields.h"
#include "domain/Partner.h"
#include "domain/WorkingCalendar.h"
#include "ui/DashboardCharts.h"

#include <QChart>
#include <QCoreApplication>
#include <QDateTime>
#include <QGraphicsScene>
#include <QLocale>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>

namespace ibc::ui {

// The context of the report's words in the translations.
class SlaReportText {
    Q_DECLARE_TR_FUNCTIONS(ibc::ui::SlaReportText)
};

namespace {

// Lays out text, charts and tables down A4 landscape pages, starting a new page where the next
// block does not fit.
class Pages {
public:
    explicit Pages(QPdfWriter &writer) : m_writer(writer), m_painter(&writer)
    {
        m_width = writer.width();
        m_height = writer.height();
    }
    bool ok() const { return m_painter.isActive(); }

    void heading(const QString &text, qreal points)
    {
        QFont f = font(points);
        f.setBold(true);
        paragraph(text, f, 0.6);
    }
    void text(const QString &text, qreal points = 9) { paragraph(text, font(points), 0.4); }

    // A chart under its heading, kept on one page together.
    void chart(const QString &title, QChart *chart)
    {
        const qreal h = m_height * 0.42;
        QFont f = font(12);
        f.setBold(true);
        room(h + gap() + 2 * QFontMetricsF(f, &m_writer).height());
        heading(title, 12);
        QGraphicsScene scene;
        scene.addItem(chart); // the scene owns it now
        const QSizeF size(1200, 1200 * h / m_width);
        chart->resize(size);
        scene.render(&m_painter, QRectF(0, m_y, m_width, h), QRectF(QPointF(0, 0), size));
        m_y += h + gap();
    }

    void table(const FigureTable &t)
    {
        const QFont body = font(8);
        QFont bold = body;
        bold.setBold(true);
        const QFontMetricsF fm(body, &m_writer), fb(bold, &m_writer);
        const qreal pad = fm.height() * 0.4;
        const qreal rowH = fm.height() + pad;
        // Columns as wide as their widest cell or the longest word of their heading (headings
        // wrap onto up to three lines), shrunk together to the page if need be.
        std::vector<qreal> widths(std::size_t(t.headers.size()));
        for (qsizetype c = 0; c < t.headers.size(); ++c) {
            widths[std::size_t(c)] = 0;
            for (const QString &word : t.headers[c].split(QLatin1Char(' ')))
                widths[std::size_t(c)] = std::max(widths[std::size_t(c)], fb.horizontalAdvance(word) + 2 * pad);
            for (const QStringList &r : t.rows)
                if (c < r.size())
                    widths[std::size_t(c)] = std::max(widths[std::size_t(c)], fm.horizontalAdvance(r[c]) + 2 * pad);
        }
        qreal total = 0;
        for (qreal w : widths)
            total += w;
        if (total > m_width)
            for (qreal &w : widths)
                w *= m_width / total;
        const auto drawRow = [&](const QStringList &cells, bool header) {
            const qreal h = header ? 3 * fb.height() + pad : rowH;
            m_painter.setFont(header ? bold : body);
            if (header)
                m_painter.fillRect(QRectF(0, m_y, std::min(total, m_width), h), QColor(0xE8, 0xEC, 0xF2));
            qreal x = 0;
            for (qsizetype c = 0; c < cells.size() && c < qsizetype(widths.size()); ++c) {
                const qreal w = widths[std::size_t(c)];
                const QRectF cell(x + pad, m_y, w - 2 * pad, h);
                if (header)
                    m_painter.drawText(cell, Qt::AlignVCenter | Qt::AlignLeft | Qt::TextWordWrap, cells[c]);
                else
                    m_painter.drawText(cell, Qt::AlignVCenter | (c > 0 ? Qt::AlignRight : Qt::AlignLeft),
                                       fm.elidedText(cells[c], Qt::ElideRight, cell.width()));
                x += w;
            }
            m_painter.setPen(QPen(QColor(0xCC, 0xCC, 0xCC), 0.5));
            m_painter.drawLine(QPointF(0, m_y + h), QPointF(std::min(total, m_width), m_y + h));
            m_painter.setPen(Qt::black);
            m_y += h;
        };
        room(4 * rowH);
        drawRow(t.headers, true);
        for (const QStringList &r : t.rows) {
            if (m_y + rowH > m_height) {
                newPage();
                drawRow(t.headers, true);
            }
            drawRow(r, false);
        }
        m_y += gap();
    }

private:
    QFont font(qreal points) const
    {
        QFont f(QStringLiteral("DejaVu Sans"));
        f.setPointSizeF(points);
        return f;
    }
    qreal gap() const { return m_height * 0.02; }
    void room(qreal needed)
    {
        if (m_y > 0 && m_y + needed > m_height)
            newPage();
    }
    void newPage()
    {
        m_writer.newPage();
        m_y = 0;
    }
    void paragraph(const QString &text, const QFont &f, qreal after)
    {
        m_painter.setFont(f);
        const QRectF bounds = m_painter.boundingRect(QRectF(0, 0, m_width, m_height), Qt::TextWordWrap, text);
        room(bounds.height());
        m_painter.drawText(QRectF(0, m_y, m_width, bounds.height()), Qt::TextWordWrap, text);
        m_y += bounds.height() + QFontMetricsF(f, &m_writer).height() * after;
    }

    QPdfWriter &m_writer;
    QPainter m_painter;
    qreal m_width = 0;
    qreal m_height = 0;
    qreal m_y = 0;
};

FigureTable breachTable(const std::vector<models::SlaBreach> &breaches, const models::SlaRules &rules)
{
    const QLocale locale;
    const auto when = [&](models::EpochSecs t) {
        return locale.toString(QDateTime::fromSecsSinceEpoch(t), QStringLiteral("d MMM yyyy HH:mm"));
    };
    FigureTable t;
    t.headers << SlaReportText::tr("Reference") << SlaReportText::tr("Work") << SlaReportText::tr("Received")
              << SlaReportText::tr("Due") << SlaReportText::tr("Resolved")
              << SlaReportText::tr("Late by (working time)") << SlaReportText::tr("Reason given");
    for (const models::SlaBreach &b : breaches)
        t.rows << QStringList{b.reference,
                              models::subtypeLabel(b.subtype),
                              when(b.received),
                              when(b.due),
                              b.resolved ? when(b.resolved) : SlaReportText::tr("Still open"),
                              models::workingTimeText(b.overdueSeconds, rules.calendar(b.partner).daySeconds()),
                              b.reason.isEmpty() ? SlaReportText::tr("No reason recorded") : b.reason};
    return t;
}

} // namespace

bool SlaReport::write(const QString &file, QString *error) const
{
    QSaveFile out(file);
    if (!out.open(QIODevice::WriteOnly)) {
        if (error)
            *error = SlaReportText::tr("Could not write %1: %2").arg(file, out.errorString());
        return false;
    }
    {
        QPdfWriter writer(&out);
        writer.setTitle(title);
        writer.setCreator(QStringLiteral("IBC Desk"));
        writer.setResolution(150);
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape, QMarginsF(12, 12, 12, 12),
                                         QPageLayout::Millimeter));
        Pages pages(writer);
        if (!pages.ok()) {
            if (error)
                *error = SlaReportText::tr("Could not start a PDF in %1.").arg(file);
            return false;
        }
        const models::SlaRules &r = rules ? *rules : *models::SlaRules::defaults();
        pages.heading(title, 18);
        pages.text(scope, 10);
        pages.text(SlaReportText::tr(
                       "Worked out by IBC Desk at %1, from the work on this computer. Times are working time in each "
                       "partner's calendar; weeks start on Monday.")
                       .arg(QLocale().toString(QDateTime::fromSecsSinceEpoch(figures.now), QLocale::LongFormat)));
        models::Compliance all;
        for (const models::SlaFigures::Week &w : figures.weeks)
            all += w.all();
        pages.heading(SlaReportText::tr("%1 resolved, %2 of them within the service level: %3 (target %4%).")
                          .arg(QLocale().toString(all.resolved), QLocale().toString(all.inTime), percentText(all),
                               QLocale().toString(targetPercent, 'f', 0)),
                      11);
        for (const DashboardChart chart : kDashboardCharts) {
            pages.chart(chartTitle(chart), makeChart(chart, figures, targetPercent));
        }
        pages.heading(SlaReportText::tr("Every measure"), 14);
        for (const DashboardChart chart : kDashboardCharts) {
            pages.heading(chartTitle(chart), 11);
            pages.table(chartTable(chart, figures, targetPercent));
        }
        pages.heading(partnerTableTitle(), 11);
        pages.table(partnerTable(figures));
        pages.heading(awaitingTableTitle(), 11);
        pages.table(awaitingTable(figures, r, displayNames));
        if (listBreaches) {
            pages.heading(SlaReportText::tr("Breaches"), 14);
            if (breaches.empty())
                pages.text(
                    SlaReportText::tr("No work was resolved late in the period, and none of the open work is overdue."),
                    10);
            else
                pages.table(breachTable(breaches, r));
        }
    }
    if (!out.commit()) {
        if (error)
            *error = SlaReportText::tr("Could not write %1: %2").arg(file, out.errorString());
        return false;
    }
    return true;
}

std::optional<SlaReport> monthlyReport(models::Cache &cache, const QString &partner, const QString &month,
                                       models::EpochSecs now, QString *error)
{
    if (!models::isPartnerCode(partner)) {
        *error = SlaReportText::tr("--partner takes a partner's code (%1): got “%2”.")
                     .arg(models::partnerCodes().join(QStringLiteral(", ")), partner);
        return std::nullopt;
    }
    const QDate first = QDate::fromString(month + QStringLiteral("-01"), QStringLiteral("yyyy-MM-dd"));
    if (!first.isValid() || month.size() != 7) {
        *error = SlaReportText::tr("--month takes a month as YYYY-MM, such as 2026-11: got “%1”.").arg(month);
        return std::nullopt;
    }
    models::DashboardFilter filter;
    filter.partner = partner;
    filter.from = QDateTime(first, QTime(0, 0)).toSecsSinceEpoch();
    filter.to = QDateTime(first.addMonths(1), QTime(0, 0)).toSecsSinceEpoch();
    SlaReport report;
    report.rules = cache.slaRules();
    try {
        models::SlaFiguresReader reader(cache.path());
        report.breaches = reader.breaches(filter, *report.rules, now, &report.figures);
    } catch (const std::exception &e) {
        *error =
            SlaReportText::tr("could not read the figures from %1: %2").arg(cache.path(), QString::fromUtf8(e.what()));
        return std::nullopt;
    }
    report.listBreaches = true;
    const QString monthName = QLocale().toString(first, QStringLiteral("MMMM yyyy"));
    report.title =
        SlaReportText::tr("Monthly service report: %1 (%2), %3").arg(models::partnerName(partner), partner, monthName);
    report.scope = SlaReportText::tr("Work for %1 resolved from %2 to %3, against the month before; "
                                     "open work and what falls due as they stand now.")
                       .arg(models::partnerName(partner), QLocale().toString(first, QLocale::LongFormat),
                            QLocale().toString(first.addMonths(1).addDays(-1), QLocale::LongFormat));
    for (const models::User &u : cache.users())
        report.displayNames.insert(u.username, u.displayName);
    return report;
}

QString monthlySummary(const SlaReport &report, const QString &partner, const QString &file)
{
    models::Compliance inMonth;
    for (const auto &pm : report.figures.partners)
        if (pm.partner == partner)
            inMonth = pm.current;
    return SlaReportText::tr("Wrote %1: %2 resolved, %3 within the service level, %4 breaches listed.")
        .arg(file, QLocale().toString(inMonth.resolved), percentText(inMonth),
             QLocale().toString(qlonglong(report.breaches.size())));
}

} // namespace ibc::ui
