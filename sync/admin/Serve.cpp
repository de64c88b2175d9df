// ibc-store serve.
#include "admin/Cli.h"
#include "admin/Commands.h"

#include "server/Server.h"

#include <QFileInfo>
#include <QRegularExpression>

#include <sys/resource.h>

using namespace ibc;

namespace ibc::admin {

namespace {

// --listen HOST:PORT into `options`.
bool listenOption(const Options &o, sync::ServerOptions &options, QString *error)
{
    const QString listen =
        o.has(QStringLiteral("listen")) ? o.value(QStringLiteral("listen")) : QStringLiteral("127.0.0.1:8080");
    static const QRegularExpression listenPattern(
        QStringLiteral("^(?:\\[([0-9A-Fa-f:.]+)\\]|([^:\\[\\]]+)):(\\d{1,5})$"));
    const auto m = listenPattern.match(listen);
    if (!m.hasMatch() || m.captured(3).toInt() > 65535) {
        *error = QStringLiteral("--listen wants HOST:PORT, like 127.0.0.1:8080 or [::1]:8080, not '%1'").arg(listen);
        return false;
    }
    options.host = m.captured(1).isEmpty() ? m.captured(2) : m.captured(1);
    if (options.host == QLatin1String("localhost"))
        options.host = QStringLiteral("127.0.0.1");
    options.port = quint16(m.captured(3).toInt());
    return true;
}

// The numeric options into `options`, their defaults `ServerOptions`'s own; the session lifetime
// and claim lease, which the store takes, into the last two.
bool numberOptions(const Options &o, sync::ServerOptions &options, qint64 &lifetime, qint64 &leaseMinutes,
                   QString *error)
{
    const QString seconds = QStringLiteral("a whole number of seconds from %1 to %2");
    const auto life = intOption(o, QStringLiteral("token-lifetime"), sync::kDefaultSessionLifetime, 1, 366LL * 86400,
                                seconds.arg(1).arg(366LL * 86400), error);
    if (!life)
        return false;
    const auto readTimeout = intOption(o, QStringLiteral("read-timeout"), options.readTimeout.count(), 1, 3600,
                                       seconds.arg(1).arg(3600), error);
    if (!readTimeout)
        return false;
    const auto wsIdle = intOption(o, QStringLiteral("ws-idle-timeout"), options.wsIdleTimeout.count(), 2, 3600,
                                  seconds.arg(2).arg(3600), error);
    if (!wsIdle)
        return false;
    const auto threads = intOption(o, QStringLiteral("threads"), options.ioThreads, 1, 64,
                                   QStringLiteral("a number of threads from 1 to 64"), error);
    if (!threads)
        return false;
    const auto storeThreads = intOption(o, QStringLiteral("store-threads"), options.storeThreads, 1, 256,
                                        QStringLiteral("a number of threads from 1 to 256"), error);
    if (!storeThreads)
        return false;
    const auto lease =
        intOption(o, QStringLiteral("claim-lease-minutes"), models::kDefaultClaimLease / 60, 1, 30 * 24 * 60,
                  QStringLiteral("a whole number of minutes from 1 to 43200 (30 days)"), error);
    if (!lease)
        return false;
    lifetime = *life;
    leaseMinutes = *lease;
    options.readTimeout = std::chrono::seconds(*readTimeout);
    options.wsIdleTimeout = std::chrono::seconds(*wsIdle);
    // Live feeds end with their token: check at least as often as tokens expire.
    options.tokenRecheck = std::chrono::seconds(std::min<qint64>(options.tokenRecheck.count(), lifetime));
    options.ioThreads = int(*threads);
    options.storeThreads = int(*storeThreads);
    return true;
}

// Every live client holds a socket: allow as many as the system lets this process have (a
// service's soft limit is often 1,024).
void raiseOpenFileLimit()
{
    rlimit files{};
    if (getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
        files.rlim_cur = files.rlim_max;
        setrlimit(RLIMIT_NOFILE, &files);
    }
}

} // namespace

int runServe(const QStringList &args)
{
    const Options o =
        parseOptions(args, QStringLiteral("serve"),
                     {QStringLiteral("db"), QStringLiteral("listen"), QStringLiteral("tls-cert"),
                      QStringLiteral("tls-key"), QStringLiteral("claim-lease-minutes"),
                      // For tests and tuning; not in --help.
                      QStringLiteral("token-lifetime"), QStringLiteral("read-timeout"), QStringLiteral("threads"),
                      QStringLiteral("store-threads"), QStringLiteral("ws-idle-timeout")},
                     {QStringLiteral("db")});
    if (!o.error.isEmpty())
        return usage(o.error);
    sync::ServerOptions options;
    QString error;
    qint64 lifetime = 0, leaseMinutes = 0;
    if (!listenOption(o, options, &error) || !numberOptions(o, options, lifetime, leaseMinutes, &error))
        return usage(error);
    options.tlsCertFile = o.value(QStringLiteral("tls-cert"));
    options.tlsKeyFile = o.value(QStringLiteral("tls-key"));
    if (options.tlsCertFile.isEmpty() != options.tlsKeyFile.isEmpty())
        return usage(QStringLiteral("TLS needs both --tls-cert FILE and --tls-key FILE"));
    for (const QString &f : {options.tlsCertFile, options.tlsKeyFile})
        if (!f.isEmpty() && !QFileInfo(f).isReadable())
            return complain(QStringLiteral("cannot read %1").arg(f)), kFailed;
    raiseOpenFileLimit();

    auto store = openStore(o, false, &error, lifetime, leaseMinutes * 60);
    if (!store)
        return complain(error), kFailed;
    try {
        sync::Server server(*store, models::SystemClock::instance(), options);
        say(QStringLiteral("ibc-store %1: serving %2 on %3")
                .arg(QLatin1String(IBC_VERSION), o.value(QStringLiteral("db")), server.url()));
        return server.run();
    } catch (const sync::ServerError &e) {
        complain(QString::fromUtf8(e.what()));
        return kFailed;
    }
}

} // namespace ibc::admin
