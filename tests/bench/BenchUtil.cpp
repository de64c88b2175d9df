#include "BenchUtil.h"

#include <QFile>
#include <QList>
#include <QLocale>

#include <sys/resource.h>

namespace ibc::bench {

namespace {

double statusField(const char *name)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(name) + ':';
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toDouble() / 1024.0; // kB
    return -1;
}

} // namespace

double peakRssMiB()
{
    if (const double v = statusField("VmHWM"); v >= 0)
        return v;
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    return double(ru.ru_maxrss) / 1024.0;
}

double rssMiB() { return statusField("VmRSS"); }

QString grouped(double value)
{
    static const QLocale c(QLocale::English, QLocale::UnitedKingdom);
    return c.toString(qint64(value + (value < 0 ? -0.5 : 0.5)));
}

QString fixed(double value, int decimals) { return QString::number(value, 'f', decimals); }

void emitResult(const char *key, double value) { emitResult(key, QString::number(value, 'g', 10)); }

void emitResult(const char *key, const QString &value)
{
    std::printf("@result %s %s\n", key, value.toUtf8().constData());
    std::fflush(stdout);
}

QMap<QString, QString> parseResults(const QByteArray &output)
{
    QMap<QString, QString> out;
    for (const QByteArray &line : output.split('\n')) {
        if (!line.startsWith("@result "))
            continue;
        const QByteArray rest = line.mid(8);
        const qsizetype space = rest.indexOf(' ');
        if (space > 0)
            out.insert(QString::fromUtf8(rest.left(space)), QString::fromUtf8(rest.mid(space + 1)));
    }
    return out;
}

namespace {
int g_failures = 0;
} // namespace

QString verdict(bool pass)
{
    if (!pass)
        noteFailure();
    return pass ? QStringLiteral("PASS") : QStringLiteral("FAIL");
}

void noteFailure() { ++g_failures; }

int failures() { return g_failures; }

QString ms(double v) { return v < 100 ? fixed(v, 1) + QStringLiteral(" ms") : grouped(v) + QStringLiteral(" ms"); }

QString loadAverage()
{
    QFile f(QStringLiteral("/proc/loadavg"));
    return f.open(QIODevice::ReadOnly) ? QString::fromLatin1(f.readAll()).section(QLatin1Char(' '), 0, 2)
                                       : QStringLiteral("?");
}

void say(const QString &line)
{
    std::printf("%s\n", line.toUtf8().constData());
    std::fflush(stdout);
}

} // namespace ibc::bench
