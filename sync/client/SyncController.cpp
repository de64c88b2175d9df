#include "client/SyncController.h"

#include <QMetaObject>
#include <QPointer>

namespace ibc::sync {

SyncController::SyncController(SyncOptions options, QObject *parent) : QObject(parent), m_options(std::move(options))
{
    // Each event is posted to this object's thread; a QPointer drops those that arrive after it
    // is gone (the engine is stopped and joined in the destructor, so none should).
    QPointer<SyncController> self(this);
    const auto post = [self](auto &&fn) {
        QMetaObject::invokeMethod(
            self.data(),
            [self, fn = std::forward<decltype(fn)>(fn)] {
                if (self)
                    fn(*self);
            },
            Qt::QueuedConnection);
    };
    SyncEngine::Events events;
    events.status = [post](const SyncStatus &s) {
        post([s](SyncController &c) {
            c.m_status = s;
            Q_EMIT c.statusChanged(s);
        });
    };
    events.progress = [post](const SyncProgress &p) { post([p](SyncController &c) { Q_EMIT c.progress(p); }); };
    events.changed = [post](const QStringList &ids) { post([ids](SyncController &c) { Q_EMIT c.itemsChanged(ids); }); };
    events.signedIn = [post](const SessionInfo &s) { post([s](SyncController &c) { Q_EMIT c.signedIn(s); }); };
    events.passDone = [post](const SyncSummary &s) { post([s](SyncController &c) { Q_EMIT c.passDone(s); }); };
    events.onceFailed = [post](const QString &e) { post([e](SyncController &c) { Q_EMIT c.onceFailed(e); }); };
    events.revealed = [post](const RevealAnswer &a) { post([a](SyncController &c) { Q_EMIT c.revealed(a); }); };
    events.auditRead = [post](const AuditAnswer &a) { post([a](SyncController &c) { Q_EMIT c.auditLogRead(a); }); };
    m_engine = std::make_unique<SyncEngine>(m_options, std::move(events));
}

SyncController::~SyncController() { stop(); }

void SyncController::start(const QString &password, const QString &token) { m_engine->start(password, token); }
void SyncController::runOnce(const QString &password) { m_engine->runOnce(password); }
void SyncController::signIn(const QString &password) { m_engine->signIn(password); }
void SyncController::outboxChanged() { m_engine->outboxChanged(); }
void SyncController::syncNow() { m_engine->syncNow(); }
void SyncController::setPaused(bool paused) { m_engine->setPaused(paused); }
void SyncController::stop() { m_engine->stop(); }
void SyncController::reveal(const QString &itemId, const QString &field, const QString &reason)
{
    m_engine->reveal(itemId, field, reason);
}

quint64 SyncController::readAuditLog(const AuditQuery &query)
{
    m_engine->readAuditLog(++m_lastTicket, query);
    return m_lastTicket;
}

} // namespace ibc::sync
