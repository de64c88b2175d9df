#pragma once

#include <QString>

class QCoreApplication;
class QLocale;

namespace ibc::ui {

// Installs Qt's own and IBC Desk's translations for `locale`. English falls back to en_GB, which
// carries the plural forms ("1 change", "3 changes"), so a desk in any unsupported language reads
// as British English. Returns the language loaded ("cy", "en_GB").
QString installTranslations(QCoreApplication &app, const QLocale &locale);

} // namespace ibc::ui
