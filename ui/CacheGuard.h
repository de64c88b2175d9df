#pragma once

#include <QString>

#include <exception>
#include <optional>
#include <type_traits>
#include <utility>

class QWidget;

namespace ibc::ui {

// Says that `what` could not be done, and why: in the status bar of `from`'s window for ten
// seconds (if it is a main window), and in the log.
void reportCacheError(QWidget *from, const QString &what, const std::exception &error);

// The one way the widgets call into the cache (models::Cache and its readers) on the GUI thread.
// The cache throws sqlite::Error when it cannot read or write: SQLITE_BUSY while the sync engine
// writes a large page, a full disk, a damaged file. Runs `f`; if it throws, reports `what` could not
// be done (reportCacheError) and returns false, for an `f` that returns nothing, or nullopt. Nothing
// escapes into the event loop. `what` is a sentence without its full stop: "Could not show the item".
template <typename F>
auto guarded(QWidget *from, const QString &what, F &&f)
{
    using Result = std::invoke_result_t<F>;
    try {
        if constexpr (std::is_void_v<Result>) {
            std::forward<F>(f)();
            return true;
        } else {
            return std::optional<Result>(std::forward<F>(f)());
        }
    } catch (const std::exception &e) {
        reportCacheError(from, what, e);
        if constexpr (std::is_void_v<Result>)
            return false;
        else
            return std::optional<Result>();
    }
}

} // namespace ibc::ui
