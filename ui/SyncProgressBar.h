#pragma once

#include "client/SyncEngine.h"

#include <QFrame>

class QLabel;
class QProgressBar;
class QPushButton;

namespace ibc::ui {

// The first sync into an empty cache, as a bar across the top of the window (not a dialog: the
// items already received can be worked while the rest arrive). It shows the items so far, the
// total when the store said it, and the rate; Cancel pauses the sync, and the bar then offers to
// resume it. Once every item is in, it says the queues are being made ready (the indexes are built
// once, at the end), and it hides itself when the first sync is done.
class SyncProgressBar : public QFrame {
    Q_OBJECT
public:
    explicit SyncProgressBar(QWidget *parent = nullptr);

    void setProgress(const sync::SyncProgress &progress);
    // The user paused (or resumed) sync: while a first sync is unfinished the bar says so.
    void setPaused(bool paused);

    QString text() const;
    QProgressBar *bar() const { return m_bar; }
    QPushButton *button() const { return m_button; }

    static QString progressText(const sync::SyncProgress &progress);
    static QString pausedText(const sync::SyncProgress &progress);
    static QString indexingText(const sync::SyncProgress &progress);

Q_SIGNALS:
    void cancelClicked();
    void resumeClicked();

private:
    void refresh();

    QLabel *m_label;
    QProgressBar *m_bar;
    QPushButton *m_button;
    sync::SyncProgress m_progress;
    bool m_active = false; // a first sync has started and not finished
    bool m_paused = false;
};

} // namespace ibc::ui
