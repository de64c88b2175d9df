#include "ui/DashboardCharts.h"

#include "domain/WorkingCalendar.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QHorizontalBarSeries>
#include <QImage>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QStackedBarSeries>
#include <QValueAxis>

#include <cmath>

namespace ibc::ui {

// The context of the charts' words in the translations.
class DashboardCharts {
    Q_DECLARE_TR_FUNCTIONS(ibc::ui::DashboardCharts)
};

using models::DashboardPick;
using models::Kind;
using models::SlaFigures;

namespace {

// Okabe and Ito's palette, told apart with any colour vision: one colour a queue, everywhere.
QColor kindColour(Kind k)
{
    switch (k) {
    case Kind::HrChange: return QColor(0x00, 0x72, 0xB2);         // blue
    case Kind::Invoice: return QColor(0xD5, 0x5E, 0x00);          // vermilion
    case Kind::PayrollException: return QColor(0x00, 0x9E, 0x73); // bluish green
    }
    return Qt::gray;
}
const QColor kInk(0x33, 0x33, 0x33);

// What a click on a series or bar set means, kept on it.
constexpr const char *kPart = "ibcPart";
constexpr const char *kKind = "ibcKind";         // int(Kind), or -1 for all
constexpr const char *kBreached = "ibcBreached"; // Age: 1 breached, 0 the rest

// A marker drawn for a line's points: a circle, a square, a triangle or a diamond.
QImage marker(int shape, const QColor &colour)
{
    QImage image(12, 12, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(Qt::white, 1));
    p.setBrush(colour);
    QPainterPath path;
    switch (shape % 4) {
    case 0: path.addEllipse(QRectF(1, 1, 10, 10)); break;
    case 1: path.addRect(QRectF(1.5, 1.5, 9, 9)); break;
    case 2:
        path.moveTo(6, 0.5);
        path.lineTo(11.5, 11);
        path.lineTo(0.5, 11);
        path.closeSubpath();
        break;
    default:
        path.moveTo(6, 0);
        path.lineTo(12, 6);
        path.lineTo(6, 12);
        path.lineTo(0, 6);
        path.closeSubpath();
        break;
    }
    p.drawPath(path);
    return image;
}

QLineSeries *line(const QString &name, const QColor &colour, Qt::PenStyle style, int shape)
{
    auto *s = new QLineSeries;
    s->setName(name);
    QPen pen(colour, 2.5, style);
    s->setPen(pen);
    if (shape >= 0) {
        s->setLightMarker(marker(shape, colour));
        s->setMarkerSize(12);
        s->setPointsVisible(true);
    }
    return s;
}

QChart *newChart()
{
    auto *chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setMarkerShape(QLegend::MarkerShapeFromSeries);
    QFont small = chart->legend()->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    chart->legend()->setFont(small);
    return chart;
}

// A category axis that shows its labels whole, in a slightly smaller type.
QBarCategoryAxis *categories()
{
    auto *axis = new QBarCategoryAxis;
    axis->setTruncateLabels(false);
    QFont small = axis->labelsFont();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    axis->setLabelsFont(small);
    return axis;
}

// The chart's axes, every series on both.
void addAxes(QChart *chart, QAbstractAxis *x, QAbstractAxis *y)
{
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries *s : chart->series()) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
}

QString weekLabel(const SlaFigures::Week &w)
{
    return QLocale().toString(QDateTime::fromSecsSinceEpoch(w.start).date(), QStringLiteral("d MMM"));
}

QString dayLabel(const SlaFigures::ForecastDay &d) { return QLocale().toString(d.date, QStringLiteral("ddd d")); }

QString ageLabel(int band)
{
    switch (band) {
    case SlaFigures::UpToOneDay: return DashboardCharts::tr("0–1 working days");
    case SlaFigures::TwoToFiveDays: return DashboardCharts::tr("2–5 working days");
    case SlaFigures::SixToTenDays: return DashboardCharts::tr("6–10 working days");
    default: return DashboardCharts::tr("Over 10 working days");
    }
}

// The band on the chart's axis, whose title says "working days".
QString shortAgeLabel(int band)
{
    switch (band) {
    case SlaFigures::UpToOneDay: return QStringLiteral("0–1");
    case SlaFigures::TwoToFiveDays: return QStringLiteral("2–5");
    case SlaFigures::SixToTenDays: return QStringLiteral("6–10");
    default: return DashboardCharts::tr("Over 10");
    }
}

QString number(double v, int decimals = 0) { return QLocale().toString(v, 'f', decimals); }

QString hoursText(const std::optional<double> &hours)
{
    return hours ? DashboardCharts::tr("%1 h", "working hours").arg(number(*hours, 1)) : QStringLiteral("–");
}

QString caseworkerLabel(const SlaFigures::Caseworker &c)
{
    return c.medianHandlingHours
               ? DashboardCharts::tr("%1 (median %2)").arg(c.displayName, hoursText(c.medianHandlingHours))
               : c.displayName;
}

// The caseworkers a chart has room for: the most resolved.
constexpr int kChartCaseworkers = 12;

} // namespace

QString percentText(const models::Compliance &c)
{
    const auto p = c.percent();
    return p ? DashboardCharts::tr("%1%").arg(number(*p, 1)) : QStringLiteral("–");
}

QString FigureTable::toCsv() const
{
    const auto cell = [](QString v) {
        bool isNumber = false;
        QLocale::c().toDouble(v, &isNumber);
        if (!isNumber && !v.isEmpty() && QStringLiteral("=+-@\t\r").contains(v.front()))
            v.prepend(QLatin1Char('\''));
        if (v.contains(QLatin1Char(',')) || v.contains(QLatin1Char('"')) || v.contains(QLatin1Char('\n')) ||
            v.contains(QLatin1Char('\r')))
            v = QLatin1Char('"') + v.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"');
        return v;
    };
    QString out;
    const auto row = [&](const QStringList &cells) {
        QStringList quoted;
        for (const QString &c : cells)
            quoted << cell(c);
        out += quoted.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    };
    row(headers);
    for (const QStringList &r : rows)
        row(r);
    return out;
}

QString chartTitle(DashboardChart chart)
{
    switch (chart) {
    case DashboardChart::Compliance: return DashboardCharts::tr("Resolved within the service level, by week");
    case DashboardChart::Age: return DashboardCharts::tr("Open work by age");
    case DashboardChart::Forecast: return DashboardCharts::tr("Falling due in the next 10 working days");
    case DashboardChart::Caseworkers: return DashboardCharts::tr("Resolved per caseworker");
    }
    return {};
}

QString chartFileName(DashboardChart chart)
{
    switch (chart) {
    case DashboardChart::Compliance: return QStringLiteral("sla-compliance-by-week.csv");
    case DashboardChart::Age: return QStringLiteral("sla-open-work-by-age.csv");
    case DashboardChart::Forecast: return QStringLiteral("sla-breach-forecast.csv");
    case DashboardChart::Caseworkers: return QStringLiteral("sla-resolved-per-caseworker.csv");
    }
    return {};
}

FigureTable chartTable(DashboardChart chart, const SlaFigures &f, double targetPercent)
{
    FigureTable t;
    const QLocale locale;
    switch (chart) {
    case DashboardChart::Compliance:
        t.headers << DashboardCharts::tr("Week starting");
        for (Kind k : models::kAllKinds)
            t.headers << DashboardCharts::tr("%1: resolved").arg(models::kindPluralLabel(k))
                      << DashboardCharts::tr("%1: in time").arg(models::kindPluralLabel(k))
                      << DashboardCharts::tr("%1: %").arg(models::kindPluralLabel(k));
        t.headers << DashboardCharts::tr("All: %") << DashboardCharts::tr("Target %");
        for (const SlaFigures::Week &w : f.weeks) {
            QStringList r{QLocale().toString(QDateTime::fromSecsSinceEpoch(w.start).date(), QLocale::ShortFormat)};
            for (Kind k : models::kAllKinds) {
                const models::Compliance &c = w.byKind[std::size_t(k)];
                r << locale.toString(c.resolved) << locale.toString(c.inTime) << percentText(c);
            }
            r << percentText(w.all()) << number(targetPercent, 1);
            t.rows << r;
        }
        break;
    case DashboardChart::Age:
        t.headers << DashboardCharts::tr("Age");
        for (Kind k : models::kAllKinds)
            t.headers << DashboardCharts::tr("%1: open").arg(models::kindPluralLabel(k))
                      << DashboardCharts::tr("%1: breached").arg(models::kindPluralLabel(k));
        t.headers << DashboardCharts::tr("All: open") << DashboardCharts::tr("All: breached");
        for (int b = 0; b < SlaFigures::kAgeBands; ++b) {
            QStringList r{ageLabel(b)};
            int open = 0, breached = 0;
            for (Kind k : models::kAllKinds) {
                const SlaFigures::AgeCell &c = f.openByAge[std::size_t(b)][std::size_t(k)];
                r << locale.toString(c.open) << locale.toString(c.breached);
                open += c.open;
                breached += c.breached;
            }
            r << locale.toString(open) << locale.toString(breached);
            t.rows << r;
        }
        break;
    case DashboardChart::Forecast:
        t.headers << DashboardCharts::tr("Working day") << DashboardCharts::tr("Falling due")
                  << DashboardCharts::tr("Capacity (resolved a day, last 20 working days)");
        for (const SlaFigures::ForecastDay &d : f.forecast)
            t.rows << QStringList{locale.toString(d.date, QLocale::ShortFormat), locale.toString(d.due),
                                  number(f.capacity.perDay(), 1)};
        break;
    case DashboardChart::Caseworkers:
        t.headers << DashboardCharts::tr("Caseworker") << DashboardCharts::tr("Username")
                  << DashboardCharts::tr("Resolved") << DashboardCharts::tr("Timed")
                  << DashboardCharts::tr("Median handling (working hours)");
        for (const SlaFigures::Caseworker &c : f.caseworkers)
            t.rows << QStringList{c.displayName, c.username, locale.toString(c.resolved), locale.toString(c.timed),
                                  c.medianHandlingHours ? number(*c.medianHandlingHours, 1) : QString()};
        break;
    }
    return t;
}

namespace {

// The weekly share resolved in time, a line a queue, and the target across it.
void plotCompliance(QChart *chart, const SlaFigures &f, double targetPercent)
{
    auto *x = categories();
    for (const SlaFigures::Week &w : f.weeks)
        x->append(weekLabel(w));
    auto *y = new QValueAxis;
    double low = targetPercent;
    const Qt::PenStyle styles[] = {Qt::SolidLine, Qt::DashLine, Qt::DotLine};
    for (Kind k : models::kAllKinds) {
        QLineSeries *s = line(models::kindPluralLabel(k), kindColour(k), styles[int(k)], int(k));
        s->setProperty(kPart, int(DashboardPick::Part::Week));
        s->setProperty(kKind, int(k));
        for (std::size_t i = 0; i < f.weeks.size(); ++i)
            if (const auto p = f.weeks[i].byKind[std::size_t(k)].percent()) {
                s->append(double(i), *p);
                low = std::min(low, *p);
            }
        chart->addSeries(s);
    }
    QLineSeries *target =
        line(DashboardCharts::tr("Target (%1)").arg(percentText({100, int(std::lround(targetPercent))})), kInk,
             Qt::DashDotLine, -1);
    target->setPen(QPen(kInk, 1.5, Qt::DashDotLine));
    if (!f.weeks.empty()) {
        target->append(-0.5, targetPercent);
        target->append(double(f.weeks.size()) - 0.5, targetPercent);
    }
    chart->addSeries(target);
    // From a round ten below the lowest point (and the target) to 100%.
    const double bottom = std::max(0.0, std::floor((low - 1) / 10) * 10);
    y->setRange(bottom, 100);
    y->setTickCount(int((100 - bottom) / 10) + 1);
    y->setLabelFormat(QStringLiteral("%d%"));
    y->setTitleText(DashboardCharts::tr("Resolved in time"));
    addAxes(chart, x, y);
}

// The open work in each age band, stacked by queue, the breached part of each hatched.
void plotAge(QChart *chart, const SlaFigures &f)
{
    auto *series = new QStackedBarSeries;
    for (Kind k : models::kAllKinds)
        for (const bool breached : {false, true}) {
            auto *set = new QBarSet(breached ? DashboardCharts::tr("%1, breached").arg(models::kindPluralLabel(k))
                                             : models::kindPluralLabel(k));
            set->setProperty(kPart, int(DashboardPick::Part::Age));
            set->setProperty(kKind, int(k));
            set->setProperty(kBreached, int(breached));
            // The breached part: the queue's colour, hatched, with a dark edge.
            set->setBrush(breached ? QBrush(kindColour(k).darker(130), Qt::BDiagPattern) : QBrush(kindColour(k)));
            set->setPen(QPen(breached ? kindColour(k).darker(160) : kindColour(k), breached ? 1.5 : 0.5));
            for (int b = 0; b < SlaFigures::kAgeBands; ++b) {
                const SlaFigures::AgeCell &c = f.openByAge[std::size_t(b)][std::size_t(k)];
                set->append(breached ? c.breached : c.open - c.breached);
            }
            series->append(set);
        }
    chart->addSeries(series);
    auto *x = categories();
    for (int b = 0; b < SlaFigures::kAgeBands; ++b)
        x->append(shortAgeLabel(b));
    x->setTitleText(DashboardCharts::tr("Age in working days"));
    int top = 1; // an empty chart still has a scale
    for (const auto &band : f.openByAge) {
        int open = 0;
        for (const SlaFigures::AgeCell &c : band)
            open += c.open;
        top = std::max(top, open);
    }
    auto *y = new QValueAxis;
    y->setRange(0, top);
    y->setLabelFormat(QStringLiteral("%d"));
    y->setTitleText(DashboardCharts::tr("Open items"));
    addAxes(chart, x, y);
    y->applyNiceNumbers();
}

// What falls due on each of the next working days, against what is resolved in a working day.
void plotForecast(QChart *chart, const SlaFigures &f)
{
    auto *series = new QBarSeries;
    auto *due = new QBarSet(DashboardCharts::tr("Falling due"));
    due->setProperty(kPart, int(DashboardPick::Part::Forecast));
    due->setBrush(QColor(0x56, 0xB4, 0xE9));
    due->setPen(QPen(QColor(0x00, 0x72, 0xB2), 1));
    auto *x = categories();
    double top = f.capacity.perDay();
    for (const SlaFigures::ForecastDay &d : f.forecast) {
        due->append(d.due);
        x->append(dayLabel(d));
        top = std::max(top, double(d.due));
    }
    series->append(due);
    chart->addSeries(series);
    QLineSeries *capacity =
        line(DashboardCharts::tr("Capacity: %1 resolved a working day").arg(number(f.capacity.perDay(), 1)), kInk,
             Qt::DashLine, 1);
    if (!f.forecast.empty()) {
        capacity->append(-0.5, f.capacity.perDay());
        for (std::size_t i = 0; i < f.forecast.size(); ++i)
            capacity->append(double(i), f.capacity.perDay());
        capacity->append(double(f.forecast.size()) - 0.5, f.capacity.perDay());
    }
    chart->addSeries(capacity);
    auto *y = new QValueAxis;
    y->setRange(0, std::max(1.0, top * 1.1));
    y->setLabelFormat(QStringLiteral("%d"));
    y->setTitleText(DashboardCharts::tr("Items"));
    y->applyNiceNumbers();
    addAxes(chart, x, y);
}

// The caseworkers who resolved most, a bar each.
void plotCaseworkers(QChart *chart, const SlaFigures &f)
{
    auto *series = new QHorizontalBarSeries;
    auto *resolved = new QBarSet(DashboardCharts::tr("Resolved"));
    resolved->setProperty(kPart, int(DashboardPick::Part::Caseworker));
    resolved->setBrush(kindColour(Kind::HrChange));
    auto *y = categories();
    // Most at the top: a horizontal chart's first category is at the bottom.
    const int shown = std::min<int>(int(f.caseworkers.size()), kChartCaseworkers);
    for (int i = shown - 1; i >= 0; --i) {
        resolved->append(f.caseworkers[std::size_t(i)].resolved);
        y->append(caseworkerLabel(f.caseworkers[std::size_t(i)]));
    }
    series->append(resolved);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsInsideEnd);
    resolved->setLabelColor(Qt::white);
    chart->addSeries(series);
    auto *x = new QValueAxis;
    x->setRange(0, f.caseworkers.empty() ? 1 : std::max(1, f.caseworkers.front().resolved));
    x->setLabelFormat(QStringLiteral("%d"));
    x->setTitleText(f.caseworkers.size() > std::size_t(shown)
                        ? DashboardCharts::tr("Items resolved (the %1 who resolved most of %2)")
                              .arg(shown)
                              .arg(f.caseworkers.size())
                        : DashboardCharts::tr("Items resolved"));
    addAxes(chart, x, y);
    x->applyNiceNumbers();
    chart->legend()->hide();
}

} // namespace

QChart *makeChart(DashboardChart which, const SlaFigures &f, double targetPercent)
{
    QChart *chart = newChart();
    chart->setProperty(kPart, int(which));
    switch (which) {
    case DashboardChart::Compliance: plotCompliance(chart, f, targetPercent); break;
    case DashboardChart::Age: plotAge(chart, f); break;
    case DashboardChart::Forecast: plotForecast(chart, f); break;
    case DashboardChart::Caseworkers: plotCaseworkers(chart, f); break;
    }
    return chart;
}

std::optional<DashboardPick> pickFor(const QObject *source, int index, const SlaFigures &f)
{
    const QVariant part = source->property(kPart);
    if (!part.isValid() || index < 0)
        return std::nullopt;
    DashboardPick pick;
    pick.part = DashboardPick::Part(part.toInt());
    pick.index = index;
    if (const QVariant k = source->property(kKind); k.isValid() && k.toInt() >= 0)
        pick.kind = Kind(k.toInt());
    if (const QVariant b = source->property(kBreached); b.isValid())
        pick.breached = b.toInt() != 0;
    if (pick.part == DashboardPick::Part::Caseworker) {
        // The chart lists the caseworkers most first from the top, so bar i is caseworker shown-1-i.
        const int shown = std::min<int>(int(f.caseworkers.size()), kChartCaseworkers);
        if (index >= shown)
            return std::nullopt;
        pick.name = f.caseworkers[std::size_t(shown - 1 - index)].username;
    }
    return pick;
}

QString pickTitle(const DashboardPick &pick, const SlaFigures &f)
{
    using Part = DashboardPick::Part;
    const QLocale locale;
    const QString kind = pick.kind ? models::kindPluralLabel(*pick.kind) : DashboardCharts::tr("All work");
    switch (pick.part) {
    case Part::Week:
        if (pick.index < 0 || std::size_t(pick.index) >= f.weeks.size())
            break;
        return DashboardCharts::tr("%1 resolved in the week starting %2")
            .arg(kind, locale.toString(QDateTime::fromSecsSinceEpoch(f.weeks[std::size_t(pick.index)].start).date(),
                                       QStringLiteral("d MMMM yyyy")));
    case Part::Age: {
        const QString age = ageLabel(pick.index);
        if (!pick.breached)
            return DashboardCharts::tr("%1 open for %2").arg(kind, age);
        return *pick.breached ? DashboardCharts::tr("%1 open for %2, breached").arg(kind, age)
                              : DashboardCharts::tr("%1 open for %2, not breached").arg(kind, age);
    }
    case Part::Forecast:
        if (pick.index < 0 || std::size_t(pick.index) >= f.forecast.size())
            break;
        return DashboardCharts::tr("Falling due on %1")
            .arg(locale.toString(f.forecast[std::size_t(pick.index)].date, QStringLiteral("dddd d MMMM")));
    case Part::Caseworker: {
        QString name = pick.name;
        for (const SlaFigures::Caseworker &c : f.caseworkers)
            if (c.username == pick.name)
                name = c.displayName;
        return DashboardCharts::tr("Resolved by %1").arg(name);
    }
    case Part::Partner:
        return pick.previous ? DashboardCharts::tr("%1: resolved in the period before").arg(pick.name)
                             : DashboardCharts::tr("%1: resolved in the period").arg(pick.name);
    }
    return {};
}

QString partnerTableTitle() { return DashboardCharts::tr("Resolved within the service level, per partner"); }
QString awaitingTableTitle() { return DashboardCharts::tr("Awaiting information longest"); }

FigureTable partnerTable(const SlaFigures &f)
{
    const QLocale locale;
    const auto period = [&](models::EpochSecs from, models::EpochSecs to) {
        const QDate a = QDateTime::fromSecsSinceEpoch(from).date();
        const QDate b = QDateTime::fromSecsSinceEpoch(to - 1).date();
        if (a.day() == 1 && b.addDays(1).day() == 1 && a.month() == b.month())
            return locale.toString(a, QStringLiteral("MMMM yyyy"));
        return DashboardCharts::tr("%1 to %2")
            .arg(locale.toString(a, QLocale::ShortFormat), locale.toString(b, QLocale::ShortFormat));
    };
    const QString current = period(f.currentFrom, f.currentTo);
    const QString previous = period(f.previousFrom, f.previousTo);
    FigureTable t;
    t.headers << DashboardCharts::tr("Partner") << DashboardCharts::tr("%1: resolved").arg(current)
              << DashboardCharts::tr("%1: in time").arg(current) << DashboardCharts::tr("%1: %").arg(current)
              << DashboardCharts::tr("%1: resolved").arg(previous) << DashboardCharts::tr("%1: in time").arg(previous)
              << DashboardCharts::tr("%1: %").arg(previous);
    for (const SlaFigures::PartnerMonths &p : f.partners)
        t.rows << QStringList{p.partner,
                              locale.toString(p.current.resolved),
                              locale.toString(p.current.inTime),
                              percentText(p.current),
                              locale.toString(p.previous.resolved),
                              locale.toString(p.previous.inTime),
                              percentText(p.previous)};
    return t;
}

FigureTable awaitingTable(const SlaFigures &f, const models::SlaRules &rules,
                          const QHash<QString, QString> &displayNames)
{
    FigureTable t;
    t.headers << DashboardCharts::tr("Reference") << DashboardCharts::tr("Partner")
              << DashboardCharts::tr("Assigned to") << DashboardCharts::tr("Awaiting since")
              << DashboardCharts::tr("Waited (working time)");
    for (const SlaFigures::Awaiting &a : f.awaiting)
        t.rows << QStringList{
            a.reference, a.partner, displayNames.value(a.assignee, a.assignee),
            QLocale().toString(QDateTime::fromSecsSinceEpoch(a.since), QStringLiteral("ddd d MMM yyyy, HH:mm")),
            models::workingTimeText(a.waitedSeconds, rules.calendar(a.partner).daySeconds())};
    return t;
}

} // namespace ibc::ui
