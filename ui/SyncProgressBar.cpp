#include "ui/SyncProgressBar.h"

#include "ui/Theme.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>

namespace ibc::ui {

SyncProgressBar::SyncProgressBar(QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("syncProgress"));
    const BadgeColours c = toneColours(Tone::Working);
    setStyleSheet(QStringLiteral("#syncProgress { background: %1; border-bottom: 1px solid #C5D3E6; } "
                                 "#syncProgress QLabel { color: %2; }")
                      .arg(c.background.name(), c.text.name()));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 6);
    m_label = new QLabel;
    m_bar = new QProgressBar;
    m_bar->setTextVisible(false);
    m_bar->setMaximumHeight(12);
    m_bar->setMinimumWidth(240);
    m_button = new QPushButton(tr("Cancel"));
    layout->addWidget(m_label, 1);
    layout->addWidget(m_bar);
    layout->addWidget(m_button);
    connect(m_button, &QPushButton::clicked, this, [this] {
        if (m_paused)
            Q_EMIT resumeClicked();
        else
            Q_EMIT cancelClicked();
    });
    hide();
}

QString SyncProgressBar::progressText(const sync::SyncProgress &p)
{
    const QLocale locale;
    const QString rate = tr("%1 a second").arg(locale.toString(qRound64(p.perSecond)));
    if (p.total >= 0)
        return tr("Getting your work from the store: %1 of %Ln item(s) · %2", nullptr,
                  int(std::min<qint64>(p.total, INT_MAX)))
            .arg(locale.toString(p.items), rate);
    return tr("Getting your work from the store: %Ln item(s) so far · %1", nullptr,
              int(std::min<qint64>(p.items, INT_MAX)))
        .arg(rate);
}

QString SyncProgressBar::indexingText(const sync::SyncProgress &p)
{
    return tr("All %Ln item(s) are here. Getting your queues ready for sorting and searching…", nullptr,
              int(std::min<qint64>(p.items, INT_MAX)));
}

QString SyncProgressBar::pausedText(const sync::SyncProgress &p)
{
    const QLocale locale;
    if (p.total >= 0)
        return tr("First sync paused at %1 of %Ln item(s). You can work on the items already here.", nullptr,
                  int(std::min<qint64>(p.total, INT_MAX)))
            .arg(locale.toString(p.items));
    return tr("First sync paused after %Ln item(s). You can work on the items already here.", nullptr,
              int(std::min<qint64>(p.items, INT_MAX)));
}

void SyncProgressBar::setProgress(const sync::SyncProgress &progress)
{
    if (!progress.initial) {
        // A pull into a cache that already had work: the first sync is over (or never ran).
        m_active = false;
        refresh();
        return;
    }
    m_progress = progress;
    m_active = !progress.done;
    refresh();
}

void SyncProgressBar::setPaused(bool paused)
{
    m_paused = paused;
    refresh();
}

QString SyncProgressBar::text() const { return m_label->text(); }

void SyncProgressBar::refresh()
{
    setVisible(m_active);
    if (!m_active)
        return;
    if (m_progress.indexing) {
        // No count to show and nothing to cancel: the indexes take a minute at a million items.
        m_label->setText(indexingText(m_progress));
        m_bar->setRange(0, 0);
        m_bar->show();
        m_button->hide();
        return;
    }
    m_button->show();
    m_label->setText(m_paused ? pausedText(m_progress) : progressText(m_progress));
    if (m_progress.total > 0) {
        // QProgressBar counts in int: scale a very large total down.
        const int scale = m_progress.total > INT_MAX / 2 ? int(m_progress.total / 1000000 + 1) : 1;
        m_bar->setRange(0, int(m_progress.total / scale));
        m_bar->setValue(int(std::min(m_progress.items, m_progress.total) / scale));
    } else if (m_progress.total == 0) {
        m_bar->setRange(0, 1);
        m_bar->setValue(1);
    } else {
        m_bar->setRange(0, 0); // busy: the store did not say how many
    }
    m_bar->setVisible(!m_paused || m_progress.total > 0);
    m_button->setText(m_paused ? tr("Resume sync") : tr("Cancel"));
    m_button->setToolTip(m_paused ? tr("Carry on getting your work from where it stopped")
                                  : tr("Pause the first sync. It carries on from where it stopped when you resume."));
}

} // namespace ibc::ui
