#pragma once

#include "cache/SlaFigures.h"

#include <QHash>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace ibc::models {
class Cache;
}

namespace ibc::ui {

// The compliance the charts draw their target line at, until a team leader chooses another.
inline constexpr int kDefaultTargetPercent = 95;

// A service-level report as a PDF (A4, landscape): a title and what the figures count, the four
// charts, a table of every measure, and, for a partner's monthly report, the breaches with their
// reasons. Written in the user's language. Used for the dashboard's "Save as PDF" and for
// `ibc-desk --report sla`.
struct SlaReport {
    QString title;
    QString scope; // what the figures count, in a sentence
    models::SlaFigures figures;
    double targetPercent = kDefaultTargetPercent;
    std::shared_ptr<const models::SlaRules> rules;
    QHash<QString, QString> displayNames; // username -> name
    // The breaches section: shown when listBreaches is set, even if there are none.
    bool listBreaches = false;
    std::vector<models::SlaBreach> breaches;

    // Writes the PDF to `file` (replacing it only once it is whole); on failure, says why.
    bool write(const QString &file, QString *error) const;
};

// One partner's monthly service report, from the cache: work resolved in `month` ("YYYY-MM")
// against the month before, and open work as it stands at `now`. nullopt with `error` naming
// what was wrong: the partner, the month, or the cache.
std::optional<SlaReport> monthlyReport(models::Cache &cache, const QString &partner, const QString &month,
                                       models::EpochSecs now, QString *error);
// What a written monthly report holds, in a sentence: "Wrote FILE: 40 resolved, …".
QString monthlySummary(const SlaReport &report, const QString &partner, const QString &file);

} // namespace ibc::ui
