#include "ui/SyncStatusWidget.h"

#include "ui/Theme.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>

namespace ibc::ui {

using State = sync::SyncStatus::State;

namespace {

// "10:42" today, "Mon 23 Nov 10:42" on another day.
QString clockTime(models::EpochSecs t, models::EpochSecs now)
{
    const QDateTime when = QDateTime::fromSecsSinceEpoch(t);
    const QLocale locale;
    if (when.date() == QDateTime::fromSecsSinceEpoch(now).date())
        return locale.toString(when.time(), QStringLiteral("HH:mm"));
    return locale.toString(when, QStringLiteral("ddd d MMM HH:mm"));
}

Tone toneFor(State state, bool backOnline)
{
    if (backOnline)
        return Tone::Good;
    switch (state) {
    case State::Online: return Tone::Good;
    case State::Starting: return Tone::Working;
    case State::Offline:
    case State::Paused: return Tone::Waiting;
    case State::NeedsSignIn: return Tone::Action;
    case State::Stopped: return Tone::Quiet;
    }
    return Tone::Quiet;
}

QString styleFor(Tone tone)
{
    const BadgeColours c = toneColours(tone);
    return QStringLiteral("QLabel { background: %1; color: %2; border-radius: 3px; padding: 1px 8px; }")
        .arg(c.background.name(), c.text.name());
}

QString link(const QString &href, const QString &text, const QColor &colour)
{
    return QStringLiteral("<a href=\"%1\" style=\"color:%2\">%3</a>").arg(href, colour.name(), text.toHtmlEscaped());
}

} // namespace

SyncStatusWidget::SyncStatusWidget(const models::Clock &clock, QWidget *parent) : QWidget(parent), m_clock(clock)
{
    setObjectName(QStringLiteral("syncStatus"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    m_state = new QLabel;
    m_state->setObjectName(QStringLiteral("syncState"));
    m_state->setTextFormat(Qt::RichText);
    m_state->hide();
    m_conflicts = new QLabel;
    m_conflicts->setObjectName(QStringLiteral("syncConflicts"));
    m_conflicts->setTextFormat(Qt::RichText);
    m_conflicts->setStyleSheet(styleFor(Tone::Action));
    m_conflicts->setToolTip(
        tr("Changes the store did not accept. Open the list to retry, change or discard each one."));
    m_conflicts->hide();
    layout->addWidget(m_state);
    layout->addWidget(m_conflicts);
    connect(m_state, &QLabel::linkActivated, this, [this] { Q_EMIT signInClicked(); });
    connect(m_conflicts, &QLabel::linkActivated, this, [this] { Q_EMIT conflictsClicked(); });
    m_backOnlineTimer.setSingleShot(true);
    m_backOnlineTimer.setInterval(kBackOnlineMs);
    connect(&m_backOnlineTimer, &QTimer::timeout, this, [this] {
        m_backOnline = false;
        refresh();
    });
}

QString SyncStatusWidget::statusText(const sync::SyncStatus &s, models::EpochSecs now)
{
    switch (s.state) {
    case State::Starting: return tr("Signing in…");
    case State::Online:
        return s.waiting == 0 ? tr("Online — all changes sent")
                              : tr("Online — sending %n change(s)", nullptr, s.waiting);
    case State::Offline: {
        const QString since = clockTime(s.offlineSince ? s.offlineSince : now, now);
        return s.waiting == 0 ? tr("Offline since %1 — no changes waiting").arg(since)
                              : tr("Offline since %1 — %n change(s) waiting", nullptr, s.waiting).arg(since);
    }
    case State::NeedsSignIn:
        return s.waiting == 0 ? tr("Sign in again to keep up to date")
                              : tr("Sign in again to send %n change(s)", nullptr, s.waiting);
    case State::Paused:
        return s.waiting == 0 ? tr("Sync paused — no changes waiting")
                              : tr("Sync paused — %n change(s) waiting", nullptr, s.waiting);
    case State::Stopped:
        return s.waiting == 0 ? tr("Not syncing")
                              : tr("Not syncing — %n change(s) kept on this computer", nullptr, s.waiting);
    }
    return {};
}

QString SyncStatusWidget::backOnlineText(int sent)
{
    return sent == 0 ? tr("Back online — up to date") : tr("Back online — %n change(s) sent", nullptr, sent);
}

QString SyncStatusWidget::conflictsText(int count)
{
    return count == 0 ? QString() : tr("%n conflict(s) to resolve", nullptr, count);
}

void SyncStatusWidget::setStatus(const sync::SyncStatus &status)
{
    const bool wasOut = m_hasStatus && (m_status.state == State::Offline || m_status.state == State::NeedsSignIn);
    if (status.state == State::Offline || status.state == State::NeedsSignIn)
        m_waitingWhenOffline = status.waiting;
    if (wasOut && status.state == State::Online && m_status.state == State::Offline) {
        m_backOnline = true;
        m_sentSinceOutage = std::max(0, m_waitingWhenOffline - status.waiting);
        m_backOnlineTimer.start();
    } else if (status.state != State::Online) {
        m_backOnline = false;
        m_backOnlineTimer.stop();
    }
    m_status = status;
    m_hasStatus = true;
    refresh();
}

void SyncStatusWidget::clearStatus()
{
    m_hasStatus = false;
    m_backOnline = false;
    m_backOnlineTimer.stop();
    m_state->hide();
    refresh();
}

void SyncStatusWidget::notePass(const sync::SyncSummary &summary)
{
    // The status comes just before its pass's summary: the summary knows exactly what was sent.
    if (m_backOnline && summary.pushed > m_sentSinceOutage) {
        m_sentSinceOutage = summary.pushed;
        refresh();
    }
}

void SyncStatusWidget::setConflicts(int count)
{
    m_conflictCount = count;
    refresh();
}

QString SyncStatusWidget::stateText() const
{
    if (!m_hasStatus)
        return {};
    return m_backOnline ? backOnlineText(m_sentSinceOutage) : statusText(m_status, m_clock.now());
}

QString SyncStatusWidget::conflictsText() const { return conflictsText(m_conflictCount); }

void SyncStatusWidget::refresh()
{
    if (m_hasStatus) {
        const Tone tone = toneFor(m_status.state, m_backOnline);
        const QString text = stateText();
        m_state->setStyleSheet(styleFor(tone));
        m_state->setText(m_status.state == State::NeedsSignIn && !m_backOnline
                             ? link(QStringLiteral("#sign-in"), text, toneColours(tone).text)
                             : text.toHtmlEscaped());
        QString tip = m_status.problem;
        if (tip.isEmpty() && m_status.lastSynced > 0)
            tip = tr("Up to date with the store at %1").arg(clockTime(m_status.lastSynced, m_clock.now()));
        if (m_status.state == State::NeedsSignIn)
            tip = tip.isEmpty()
                      ? tr("Click to sign in. Your changes are kept on this computer until then.")
                      : tr("%1\nClick to sign in. Your changes are kept on this computer until then.").arg(tip);
        m_state->setToolTip(tip);
        m_state->show();
    }
    m_conflicts->setVisible(m_conflictCount > 0);
    if (m_conflictCount > 0)
        m_conflicts->setText(link(QStringLiteral("#conflicts"), conflictsText(), toneColours(Tone::Action).text));
}

} // namespace ibc::ui
