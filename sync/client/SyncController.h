#pragma once

#include "client/SyncEngine.h"

#include <QObject>

#include <memory>

namespace ibc::sync {

// The sync engine for Qt: owns a SyncEngine and turns its events, which come on the engine's
// thread, into signals on the thread this object lives in (the GUI thread in the desk). Only
// plain values cross. Qt Core only: the desk's widgets and the headless --sync-once both use it.
class SyncController : public QObject {
    Q_OBJECT
public:
    explicit SyncController(SyncOptions options, QObject *parent = nullptr);
    ~SyncController() override; // stops and joins the engine

    const SyncOptions &options() const { return m_options; }
    SyncStatus status() const { return m_status; }

    void start(const QString &password, const QString &token = {});
    void runOnce(const QString &password);
    void signIn(const QString &password);
    void outboxChanged();
    void syncNow();
    void setPaused(bool paused);
    // The whole value of a masked detail, from the store, which audits `reason`: revealed() answers.
    void reveal(const QString &itemId, const QString &field, const QString &reason);
    // A page of the store's audit log (auditors only): auditLogRead() answers, with the ticket
    // returned here. Nothing of it is cached.
    quint64 readAuditLog(const AuditQuery &query);
    void stop();

Q_SIGNALS:
    void statusChanged(const ibc::sync::SyncStatus &status);
    void progress(const ibc::sync::SyncProgress &progress);
    void itemsChanged(const QStringList &itemIds);
    void signedIn(const ibc::sync::SessionInfo &session);
    void passDone(const ibc::sync::SyncSummary &summary);
    void onceFailed(const QString &error);
    void revealed(const ibc::sync::RevealAnswer &answer);
    void auditLogRead(const ibc::sync::AuditAnswer &answer);

private:
    SyncOptions m_options;
    SyncStatus m_status;
    std::unique_ptr<SyncEngine> m_engine;
    quint64 m_lastTicket = 0;
};

} // namespace ibc::sync

Q_DECLARE_METATYPE(ibc::sync::SyncStatus)
Q_DECLARE_METATYPE(ibc::sync::SyncProgress)
Q_DECLARE_METATYPE(ibc::sync::SyncSummary)
Q_DECLARE_METATYPE(ibc::sync::SessionInfo)
