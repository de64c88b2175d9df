#include "ui/CacheGuard.h"

#include <QCoreApplication>
#include <QMainWindow>
#include <QStatusBar>

namespace ibc::ui {

void reportCacheError(QWidget *from, const QString &what, const std::exception &error)
{
    const QString text =
        QCoreApplication::translate("ibc::ui::CacheGuard",
                                    "%1: %2. Try again in a moment; if it keeps happening, restart IBC Desk.")
            .arg(what, QString::fromUtf8(error.what()));
    qWarning("%s", qPrintable(text));
    if (auto *window = qobject_cast<QMainWindow *>(from ? from->window() : nullptr))
        window->statusBar()->showMessage(text, 10000);
}

} // namespace ibc::ui
