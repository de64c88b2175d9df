// ibc-store serve.
#include "admin/Cli.h"
#include "admin/Commands.h"

#include "server/Server.h"

#include <QFileInfo>

#include <sys/resource.h>

using namespace ibc;

namespace ibc::admin {

int runServe(const QStringList &args)
{
    const Options o =
        parseOptions(args, QStringLiteral("serve"),
                     {QStringLiteral("db"), QStringLiteral("listen"), QStringLiteral("tls-cert"),
                      QStringLiteral("tls-key"), QStringLiteral("claim-lease-minutes"),
                      // For tests and tuning; not in --help.
                      QStringLiteral("token-lifetime"), QStringLiteral("read-timeout"), QStringLiteral("threads"),
                      QStringLiteral("store-threads"), QStringLiteral("ws-idle-timeout")});
    if (!o.error.isEmpty())
        return usage(o.error);
    if (!o.has(QStringLiteral("db")))
        return usage(QStringLiteral("--db FILE is required: the store's SQLite file"));

    sync::ServerOptions options;
    const QString listen =
        o.has(QStringLiteral("listen")) ? o.value(QStringLiteral("listen")) : QStringLiteral("127.0.0.1:8080");
    static const QRegularExpression listenPattern(
        QStringLiteral("^(?:\\[([0-9A-Fa-f:.]+)\\]|([^:\\[\\]]+)):(\\d{1,5})$"));
    const auto m = listenPattern.match(listen);
    if (!m.hasMatch() || m.captured(3).toInt() > 65535)
        return usage(
            QStringLiteral("--listen wants HOST:PORT, like 127.0.0.1:8080 or [::1]:8080, not '%1'").arg(listen));
    options.host = m.captured(1).isEmpty() ? m.captured(2) : m.captured(1);
    if (options.host == QLatin1String("localhost"))
        options.host = QStringLiteral("127.0.0.1");
    options.port = quint16(m.captured(3).toInt());
    options.tlsCertFile = o.value(QStringLiteral("tls-cert"));
    options.tlsKeyFile = o.value(QStringLiteral("tls-key"));
    if (options.tlsCertFile.isEmpty() != options.tlsKeyFile.isEmpty())
        return usage(QStringLiteral("TLS needs both --tls-cert FILE and --tls-key FILE"));
    for (const QString &f : {options.tlsCertFile, options.tlsKeyFile})
        if (!f.isEmpty() && !QFileInfo(f).isReadable())
            return complain(QStringLiteral("cannot read %1").arg(f)), kFailed;

    auto seconds = [&](const char *name, qint64 fallback, qint64 min, qint64 max) -> std::optional<qint64> {
        const QString key = QLatin1String(name);
        if (!o.has(key))
            return fallback;
        bool ok = false;
        const qint64 v = o.value(key).toLongLong(&ok);
        if (!ok || v < min || v > max)
            return std::nullopt;
        return v;
    };
    const auto lifetime = seconds("token-lifetime", sync::kDefaultSessionLifetime, 1, 366LL * 86400);
    const auto readTimeout = seconds("read-timeout", 30, 1, 3600);
    const auto threads = seconds("threads", 2, 1, 64);
    const auto storeThreads = seconds("store-threads", 16, 1, 256);
    const auto wsIdle = seconds("ws-idle-timeout", 60, 2, 3600);
    const auto leaseMinutes = seconds("claim-lease-minutes", models::kDefaultClaimLease / 60, 1, 30 * 24 * 60);
    if (!lifetime || !readTimeout || !threads || !storeThreads || !wsIdle)
        return usage(
            QStringLiteral("--token-lifetime, --read-timeout, --threads, --store-threads and --ws-idle-timeout "
                           "want whole numbers"));
    if (!leaseMinutes)
        return usage(QStringLiteral("--claim-lease-minutes wants a whole number of minutes from 1 to 43200 (30 days), "
                                    "not '%1'")
                         .arg(o.value(QStringLiteral("claim-lease-minutes"))));
    options.wsIdleTimeout = std::chrono::seconds(*wsIdle);
    options.readTimeout = std::chrono::seconds(*readTimeout);
    // Live feeds end with their token: check at least as often as tokens expire.
    options.tokenRecheck = std::chrono::seconds(std::min<qint64>(60, *lifetime));
    options.ioThreads = int(*threads);
    options.storeThreads = int(*storeThreads);

    // Every live client holds a socket: allow as many as the system lets this process have
    // (a service's soft limit is often 1,024).
    rlimit files{};
    if (getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
        files.rlim_cur = files.rlim_max;
        setrlimit(RLIMIT_NOFILE, &files);
    }

    QString error;
    auto store = openStore(o, false, &error, *lifetime, *leaseMinutes * 60);
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
