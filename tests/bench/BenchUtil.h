#pragma once

#include <QMap>
#include <QString>

#include <chrono>
#include <cstdio>

namespace ibc::bench {

// A monotonic stopwatch in seconds.
class Stopwatch {
public:
    Stopwatch() { restart(); }
    void restart() { m_start = std::chrono::steady_clock::now(); }
    double seconds() const { return std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count(); }
    double ms() const { return seconds() * 1000.0; }

private:
    std::chrono::steady_clock::time_point m_start;
};

// Peak resident set of this process so far, in MiB (VmHWM; ru_maxrss if /proc is missing).
double peakRssMiB();
// Resident set now, in MiB (VmRSS).
double rssMiB();

// "1,234,567" and "12.3" / "0.62", for the report.
QString grouped(double value);
QString fixed(double value, int decimals);

// The lines a child process sends its parent: "@result <key> <value>", one a line, on stdout.
// Anything else a child prints passes through to the terminal.
void emitResult(const char *key, double value);
void emitResult(const char *key, const QString &value);
QMap<QString, QString> parseResults(const QByteArray &output);

// "PASS", or "FAIL" counted among failures(); noteFailure() counts a miss reported otherwise.
QString verdict(bool pass);
void noteFailure();
int failures();

// "12.3 ms" under 100 ms, "1,234 ms" from there.
QString ms(double v);

// The machine's load average ("0.91 1.15 0.97"), for the report: the machines are shared.
QString loadAverage();

// Prints to stdout and flushes, so that progress shows while the bench runs.
void say(const QString &line);

} // namespace ibc::bench
