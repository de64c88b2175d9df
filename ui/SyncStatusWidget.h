#pragma once

#include "client/SyncEngine.h"
#include "domain/Clock.h"

#include <QTimer>
#include <QWidget>

class QLabel;

namespace ibc::ui {

// The sync state in the status bar, in the words a caseworker reads: "Offline since 10:42 — 3
// changes waiting", "Online — all changes sent", "Sign in again to send 3 changes". After an outage
// it says "Back online — 3 changes sent" for a few seconds. Beside it, the conflicts waiting for
// the user, as a link. The store's own explanation (why offline, why signed out) is the tooltip.
class SyncStatusWidget : public QWidget {
    Q_OBJECT
public:
    explicit SyncStatusWidget(const models::Clock &clock, QWidget *parent = nullptr);

    void setStatus(const sync::SyncStatus &status);
    void clearStatus(); // no sync: only the conflicts, if any
    // A pass reached the store: after an outage, how many changes it sent.
    void notePass(const sync::SyncSummary &summary);
    void setConflicts(int count);

    QString stateText() const;     // as shown, without markup
    QString conflictsText() const; // empty when there are none
    bool isSettled() const { return !m_backOnline; }

    // The words for a state at time `now`, without markup.
    static QString statusText(const sync::SyncStatus &status, models::EpochSecs now);
    static QString backOnlineText(int sent);
    static QString conflictsText(int count);

    static constexpr int kBackOnlineMs = 10000;

Q_SIGNALS:
    void conflictsClicked();
    void signInClicked();

private:
    void refresh();

    const models::Clock &m_clock;
    QLabel *m_state;
    QLabel *m_conflicts;
    sync::SyncStatus m_status;
    bool m_hasStatus = false;
    int m_conflictCount = 0;
    int m_waitingWhenOffline = 0;
    bool m_backOnline = false;
    int m_sentSinceOutage = 0;
    QTimer m_backOnlineTimer;
};

} // namespace ibc::ui
