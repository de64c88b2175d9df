#include "ui/TokenStore.h"

#include <QCoreApplication>
#include <QPointer>
#include <QTimer>

#ifdef IBC_HAVE_QTKEYCHAIN
#include <qt6keychain/keychain.h>
#endif

Q_LOGGING_CATEGORY(lcUi, "ibc.ui")

namespace ibc::ui {

namespace {
const QString kService = QStringLiteral("IBC Desk");

#ifndef IBC_HAVE_QTKEYCHAIN
void later(QObject *context, std::function<void()> fn)
{
    QTimer::singleShot(0, context ? context : QCoreApplication::instance(), std::move(fn));
}
#endif
} // namespace

bool TokenStore::builtWithKeychain()
{
#ifdef IBC_HAVE_QTKEYCHAIN
    return true;
#else
    return false;
#endif
}

QString TokenStore::keyFor(const QString &server, const QString &username)
{
    return QStringLiteral("%1@%2").arg(username, server);
}

void TokenStore::read(const QString &server, const QString &username, QObject *context,
                      std::function<void(const QString &)> done)
{
#ifdef IBC_HAVE_QTKEYCHAIN
    auto *job = new QKeychain::ReadPasswordJob(kService);
    job->setAutoDelete(true);
    job->setKey(keyFor(server, username));
    QPointer<QObject> guard(context);
    const bool hadContext = context != nullptr;
    QObject::connect(job, &QKeychain::Job::finished, job, [job, guard, hadContext, done = std::move(done)] {
        QString token;
        if (job->error() == QKeychain::NoError)
            token = job->textData();
        else if (job->error() != QKeychain::EntryNotFound)
            qCInfo(lcUi).noquote() << "no session token from the keyring:" << job->errorString();
        if (done && (!hadContext || guard))
            done(token);
    });
    job->start();
#else
    Q_UNUSED(server);
    Q_UNUSED(username);
    later(context, [done = std::move(done)] {
        if (done)
            done({});
    });
#endif
}

void TokenStore::write(const QString &server, const QString &username, const QString &token)
{
#ifdef IBC_HAVE_QTKEYCHAIN
    auto *job = new QKeychain::WritePasswordJob(kService);
    job->setAutoDelete(true);
    job->setKey(keyFor(server, username));
    job->setTextData(token);
    QObject::connect(job, &QKeychain::Job::finished, job, [job] {
        if (job->error() != QKeychain::NoError)
            qCInfo(lcUi).noquote() << "the session token is not kept: no keyring to keep it in:" << job->errorString();
    });
    job->start();
#else
    Q_UNUSED(server);
    Q_UNUSED(username);
    Q_UNUSED(token);
    qCInfo(lcUi) << "the session token is not kept: built without QtKeychain";
#endif
}

void TokenStore::wipe(const QString &server, const QString &username, QObject *context, std::function<void(bool)> done)
{
#ifdef IBC_HAVE_QTKEYCHAIN
    auto *job = new QKeychain::DeletePasswordJob(kService);
    job->setAutoDelete(true);
    job->setKey(keyFor(server, username));
    QPointer<QObject> guard(context);
    const bool hadContext = context != nullptr;
    QObject::connect(job, &QKeychain::Job::finished, job, [job, guard, hadContext, done = std::move(done)] {
        const bool ok = job->error() == QKeychain::NoError || job->error() == QKeychain::EntryNotFound;
        if (!ok)
            qCInfo(lcUi).noquote() << "could not reach the keyring to wipe the session token:" << job->errorString();
        if (done && (!hadContext || guard))
            done(ok);
    });
    job->start();
#else
    Q_UNUSED(server);
    Q_UNUSED(username);
    later(context, [done = std::move(done)] {
        if (done)
            done(true); // nothing was ever kept
    });
#endif
}

} // namespace ibc::ui
