#pragma once

#include "cache/SlaFigures.h"

#include <QHash>
#include <QList>
#include <QStringList>

class QChart;

namespace ibc::ui {

// A chart's numbers as rows and columns: what "Show as table", the CSV export and the PDF show,
// in the words and number formats of the user's language.
struct FigureTable {
    QStringList headers;
    QList<QStringList> rows;
    // RFC 4180 (quoted where needed, CRLF line ends). A cell that a spreadsheet would take for a
    // formula (=, +, -, @ at its start, and not a number) is written with a leading apostrophe.
    QString toCsv() const;
};

// The team leader's charts. Each series differs by its line or fill pattern and its marker as well
// as its colour, so that no one needs to tell colours apart.
enum class DashboardChart { Compliance, Age, Forecast, Caseworkers };
inline constexpr DashboardChart kDashboardCharts[] = {DashboardChart::Compliance, DashboardChart::Age,
                                                      DashboardChart::Forecast, DashboardChart::Caseworkers};

QString chartTitle(DashboardChart chart);
// The name the chart's CSV is saved under by default: "sla-compliance-by-week.csv".
QString chartFileName(DashboardChart chart);
FigureTable chartTable(DashboardChart chart, const models::SlaFigures &figures, double targetPercent);

// A new chart of the figures; the caller owns it. Its series and bar sets carry what a click on
// them means (pickFor()).
QChart *makeChart(DashboardChart chart, const models::SlaFigures &figures, double targetPercent);
// The work behind a clicked point (the index of the week or day) or bar (the bar set's index in
// its category) of a chart made by makeChart(); nullopt where a click means nothing (the target
// line, the capacity line).
std::optional<models::DashboardPick> pickFor(const QObject *seriesOrSet, int index, const models::SlaFigures &figures);

// What the work behind a pick is, in words: "HR changes resolved in the week starting 9 March".
QString pickTitle(const models::DashboardPick &pick, const models::SlaFigures &figures);

// The two tables: compliance per partner this month and last, and the work awaiting information
// longest.
QString partnerTableTitle();
QString awaitingTableTitle();
FigureTable partnerTable(const models::SlaFigures &figures);
// Waiting times are in the partner's working days.
FigureTable awaitingTable(const models::SlaFigures &figures, const models::SlaRules &rules,
                          const QHash<QString, QString> &displayNames);

// "96.2%", or "–" when nothing was resolved.
QString percentText(const models::Compliance &c);

} // namespace ibc::ui
