#include "domain/ModulusCheck.h"

#include "domain/Typed.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QList>

#include <cstdlib>
#include <mutex>

namespace ibc::models {

namespace {

using typed::allDigits;

using Digits = std::array<int, 14>; // u v w x y z a b c d e f g h
using Method = ModulusWeightRow::Method;

constexpr int kA = 6, kB = 7, kC = 8, kG = 12, kH = 13;

bool allDigits(QByteArrayView s)
{
    for (const char c : s)
        if (c < '0' || c > '9')
            return false;
    return !s.isEmpty();
}

QString sortCodeText(int sortCode) { return QStringLiteral("%1").arg(sortCode, 6, 10, QLatin1Char('0')); }

// "12-34-56"
QString shownSortCode(const QString &six) { return six.left(2) + u'-' + six.mid(2, 2) + u'-' + six.mid(4); }

QString digitsOnly(const QString &text)
{
    QString s;
    for (const QChar c : text)
        if (!c.isSpace() && c != QLatin1Char('-'))
            s.append(c);
    return s;
}

Digits digitsOf(const QString &sortCode, const QString &account)
{
    Digits d{};
    const QString all = sortCode + account;
    for (qsizetype i = 0; i < 14; ++i)
        d[std::size_t(i)] = all.at(i).unicode() - '0';
    return d;
}

void setSortCode(Digits &d, const char *six)
{
    for (std::size_t i = 0; i < 6; ++i)
        d[i] = six[i] - '0';
}

int digitSum(int n)
{
    int sum = 0;
    for (n = std::abs(n); n > 0; n /= 10)
        sum += n % 10;
    return sum;
}

int remainder(int total, int modulus) { return ((total % modulus) + modulus) % modulus; }

// One check of one row of the table, with the exceptions that change how a single check is made
// (those that join two checks, 2 and 9, 10 and 11, 12 and 13, and 14, are in checkStandard).
bool runCheck(const ModulusWeightRow &row, Digits d)
{
    std::array<int, 14> w = row.weights;
    const int ex = row.exception;
    const auto zeroiseUToB = [&w] { std::fill(w.begin(), w.begin() + 8, 0); };

    if (ex == 7 && d[kG] == 9)
        zeroiseUToB();
    if (ex == 8)
        setSortCode(d, "090126");
    if (ex == 9) // Lloyds euro accounts are all held at 30-96-34
        setSortCode(d, "309634");
    if (ex == 2 && d[kA] != 0) {
        w = d[kG] != 9 ? std::array<int, 14>{0, 0, 1, 2, 5, 3, 6, 4, 8, 7, 10, 9, 3, 1}
                       : std::array<int, 14>{0, 0, 0, 0, 0, 0, 0, 0, 8, 7, 10, 9, 3, 1};
    }
    if (ex == 10 && ((d[kA] == 0 && d[kB] == 9) || (d[kA] == 9 && d[kB] == 9)) && d[kG] == 9)
        zeroiseUToB();
    if (ex == 3 && row.method == Method::DoubleAlternate && (d[kC] == 6 || d[kC] == 9))
        return true; // the double alternate check is not needed

    int total = 0;
    if (row.method == Method::DoubleAlternate) {
        for (std::size_t i = 0; i < 14; ++i) {
            const int product = w[i] * d[i];
            total += product < 0 ? -digitSum(product) : digitSum(product);
        }
        if (ex == 1)
            total += 27;
        if (ex == 5) { // h is a check digit
            const int r = remainder(total, 10);
            return (r == 0 && d[kH] == 0) || 10 - r == d[kH];
        }
        return remainder(total, 10) == 0;
    }
    for (std::size_t i = 0; i < 14; ++i)
        total += w[i] * d[i];
    const int modulus = row.method == Method::Mod10 ? 10 : 11;
    if (ex == 4) // gh is a two-digit check digit
        return remainder(total, 11) == d[kG] * 10 + d[kH];
    if (ex == 5 && modulus == 11) { // g is a check digit
        const int r = remainder(total, 11);
        if (r == 0 && d[kG] == 0)
            return true;
        return r != 1 && 11 - r == d[kG];
    }
    return remainder(total, modulus) == 0;
}

QString tableError(const QString &file, int line, const QString &what)
{
    return QCoreApplication::translate("ibc::models::ModulusCheck", "%1, line %2: %3").arg(file).arg(line).arg(what);
}

std::optional<int> sortCodeField(QByteArrayView field)
{
    if (field.size() != 6 || !allDigits(field))
        return std::nullopt;
    int n = 0;
    for (const char c : field)
        n = n * 10 + (c - '0');
    return n;
}

QString quoted(QByteArrayView field) { return QString::fromLatin1(field.data(), field.size()); }

// Lines without their ends, numbered from 1; blank ones are left out.
template <typename Fn>
bool forEachLine(const QByteArray &text, Fn &&fn)
{
    int number = 0;
    for (const QByteArray &line : text.split('\n')) {
        ++number;
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() == 1 && fields.front().isEmpty())
            continue;
        if (!fn(number, fields))
            return false;
    }
    return true;
}

std::optional<QByteArray> readFile(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QCoreApplication::translate("ibc::models::ModulusCheck", "%1 cannot be read: %2")
                     .arg(QDir::toNativeSeparators(path), f.errorString());
        return std::nullopt;
    }
    return f.readAll();
}

// The file in `folder` whose name is `name` in any case.
QString fileIn(const QString &folder, const QString &name)
{
    const QDir dir(folder);
    for (const QString &entry : dir.entryList(QDir::Files))
        if (entry.compare(name, Qt::CaseInsensitive) == 0)
            return dir.filePath(entry);
    return dir.filePath(name);
}

// One row of the weight table, its fields split at spaces; nullopt with `why` saying what is wrong.
std::optional<ModulusWeightRow> weightRow(const QList<QByteArray> &f, QString *why)
{
    const auto problem = [why](const QString &what) -> std::optional<ModulusWeightRow> {
        *why = what;
        return std::nullopt;
    };
    if (f.size() != 17 && f.size() != 18) {
        return problem(QCoreApplication::translate("ibc::models::ModulusCheck",
                                                   "a row is a first and a last sort code, MOD10, MOD11 or DBLAL, "
                                                   "fourteen weights and perhaps an exception number, but this row "
                                                   "has %1 fields.")
                           .arg(f.size()));
    }
    ModulusWeightRow row;
    const std::optional<int> start = sortCodeField(f[0]);
    const std::optional<int> end = sortCodeField(f[1]);
    for (const QByteArray &field : {f[0], f[1]}) {
        if (!sortCodeField(field)) {
            return problem(
                QCoreApplication::translate("ibc::models::ModulusCheck", "\"%1\" is not a sort code: six digits.")
                    .arg(quoted(field)));
        }
    }
    if (*end < *start) {
        return problem(
            QCoreApplication::translate("ibc::models::ModulusCheck", "the range ends at %1, before it starts at %2.")
                .arg(quoted(f[1]), quoted(f[0])));
    }
    row.start = *start;
    row.end = *end;
    if (f[2] == "MOD10") {
        row.method = Method::Mod10;
    } else if (f[2] == "MOD11") {
        row.method = Method::Mod11;
    } else if (f[2] == "DBLAL") {
        row.method = Method::DoubleAlternate;
    } else {
        return problem(QCoreApplication::translate("ibc::models::ModulusCheck",
                                                   "\"%1\" is not a check method: MOD10, MOD11 or DBLAL.")
                           .arg(quoted(f[2])));
    }
    for (std::size_t i = 0; i < 14; ++i) {
        const QByteArray &field = f[qsizetype(i) + 3];
        bool ok = false;
        const int weight = field.toInt(&ok);
        if (!ok || weight < -999 || weight > 999) {
            return problem(QCoreApplication::translate("ibc::models::ModulusCheck",
                                                       "\"%1\" is not a weight: a whole number of up to three "
                                                       "digits.")
                               .arg(quoted(field)));
        }
        row.weights[i] = weight;
    }
    if (f.size() == 18) {
        bool ok = false;
        row.exception = f[17].toInt(&ok);
        if (!ok || row.exception < 1 || row.exception > 14) {
            return problem(QCoreApplication::translate("ibc::models::ModulusCheck",
                                                       "\"%1\" is not an exception: a number from 1 to 14.")
                               .arg(quoted(f[17])));
        }
    }
    return row;
}

// Section 2.1.2, nonstandard account numbers: each way an account number of six to ten digits
// may be read as eight, with the sort code that goes with it.
struct Reading {
    QString sortCode;
    QString account;
};

std::vector<Reading> readingsOf(const QString &sortCode, const QString &account, TenDigitAccount tenDigits)
{
    std::vector<Reading> readings;
    switch (account.size()) {
    case 6: readings.push_back({sortCode, QStringLiteral("00") + account}); break;
    case 7: readings.push_back({sortCode, QStringLiteral("0") + account}); break;
    case 8: readings.push_back({sortCode, account}); break;
    case 9: // Santander (formerly Alliance & Leicester Commercial Bank)
        readings.push_back({sortCode.left(5) + account.front(), account.right(8)});
        break;
    default:
        if (tenDigits != TenDigitAccount::FirstEight)
            readings.push_back({sortCode, account.right(8)});
        if (tenDigits != TenDigitAccount::LastEight)
            readings.push_back({sortCode, account.left(8)});
        break;
    }
    return readings;
}

} // namespace

std::optional<ModulusChecker> ModulusChecker::parse(const QByteArray &weightTable, const QByteArray &substitutionTable,
                                                    QString *error, const QString &weightTableName,
                                                    const QString &substitutionTableName)
{
    ModulusChecker checker;
    const bool weightsRead = forEachLine(weightTable, [&](int line, const QList<QByteArray> &f) {
        QString why;
        const std::optional<ModulusWeightRow> row = weightRow(f, &why);
        if (!row) {
            *error = tableError(weightTableName, line, why);
            return false;
        }
        checker.m_rows.push_back(*row);
        return true;
    });
    if (!weightsRead)
        return std::nullopt;
    if (checker.m_rows.empty()) {
        *error = QCoreApplication::translate("ibc::models::ModulusCheck", "%1 has no rows.").arg(weightTableName);
        return std::nullopt;
    }

    const bool substitutesRead = forEachLine(substitutionTable, [&](int line, const QList<QByteArray> &f) {
        const std::optional<int> original = f.size() == 2 ? sortCodeField(f[0]) : std::nullopt;
        const std::optional<int> substitute = f.size() == 2 ? sortCodeField(f[1]) : std::nullopt;
        if (!original || !substitute) {
            *error = tableError(substitutionTableName, line,
                                QCoreApplication::translate("ibc::models::ModulusCheck",
                                                            "a row is a sort code and the sort code to check it as, "
                                                            "six digits each, but this row is \"%1\".")
                                    .arg(quoted(f.join(' '))));
            return false;
        }
        if (!checker.m_substitutes.emplace(*original, *substitute).second) {
            *error = tableError(
                substitutionTableName, line,
                QCoreApplication::translate("ibc::models::ModulusCheck", "sort code %1 is substituted a second time.")
                    .arg(quoted(f[0])));
            return false;
        }
        return true;
    });
    if (!substitutesRead)
        return std::nullopt;
    return checker;
}

namespace {

std::mutex g_currentMutex;
std::shared_ptr<const ModulusChecker> g_current; // null: the shipped tables

} // namespace

std::shared_ptr<const ModulusChecker> ModulusChecker::current()
{
    {
        std::lock_guard lock(g_currentMutex);
        if (g_current)
            return g_current;
    }
    // The shipped checker lives as long as the program: an owner that never deletes it.
    return std::shared_ptr<const ModulusChecker>(&shipped(), [](const ModulusChecker *) {});
}

void ModulusChecker::setCurrent(std::shared_ptr<const ModulusChecker> checker)
{
    std::lock_guard lock(g_currentMutex);
    g_current = std::move(checker);
}

std::optional<ModulusChecker> ModulusChecker::load(const QString &folder, QString *error, ModulusTables *text)
{
    const QString weightsPath = fileIn(folder, QStringLiteral("valacdos.txt"));
    const QString substitutionsPath = fileIn(folder, QStringLiteral("scsubtab.txt"));
    const std::optional<QByteArray> weights = readFile(weightsPath, error);
    if (!weights)
        return std::nullopt;
    const std::optional<QByteArray> substitutions = readFile(substitutionsPath, error);
    if (!substitutions)
        return std::nullopt;
    if (text)
        *text = ModulusTables{*weights, *substitutions};
    return parse(*weights, *substitutions, error, QDir::toNativeSeparators(weightsPath),
                 QDir::toNativeSeparators(substitutionsPath));
}

const ModulusChecker &ModulusChecker::shipped()
{
    static const ModulusChecker checker = [] {
        QString error;
        std::optional<ModulusChecker> loaded = load(QStringLiteral(":/ibc/vocalink"), &error);
        if (!loaded) {
            qWarning("The shipped modulus-checking tables cannot be read, so no account number will be checked: %s",
                     qPrintable(error));
            return ModulusChecker();
        }
        return std::move(*loaded);
    }();
    return checker;
}

int ModulusChecker::substituteFor(int sortCode) const
{
    const auto it = m_substitutes.find(sortCode);
    return it == m_substitutes.end() ? sortCode : it->second;
}

ModulusChecker::Outcome ModulusChecker::checkStandard(const QString &sortCode, const QString &account) const
{
    const int code = sortCode.toInt();
    const ModulusWeightRow *rows[2] = {nullptr, nullptr};
    for (const ModulusWeightRow &row : m_rows) {
        if (row.start <= code && code <= row.end) {
            (rows[0] ? rows[1] : rows[0]) = &row;
            if (rows[1])
                break;
        }
    }
    if (!rows[0])
        return Outcome::NotInTable;

    // The substitution table's sort codes are checked as another sort code (figure 1 and exception 5).
    const Digits d = digitsOf(sortCodeText(substituteFor(code)), account);

    // Exception 6: these may be foreign-currency accounts, which cannot be checked.
    for (const ModulusWeightRow *row : rows) {
        if (row && row->exception == 6 && d[kA] >= 4 && d[kA] <= 8 && d[kG] == d[kH])
            return Outcome::ForeignCurrency;
    }

    const bool first = runCheck(*rows[0], d);
    if (!rows[1]) {
        if (first || rows[0]->exception != 14)
            return first ? Outcome::Pass : Outcome::Fail;
        // Exception 14 (Coutts): if the first check fails, an eighth digit of 0, 1 or 9 is dropped,
        // a 0 put in front, and the same check made again.
        if (d[kH] != 0 && d[kH] != 1 && d[kH] != 9)
            return Outcome::Fail;
        Digits shifted = d;
        for (std::size_t i = kH; i > kA; --i)
            shifted[i] = shifted[i - 1];
        shifted[kA] = 0;
        return runCheck(*rows[0], shifted) ? Outcome::Pass : Outcome::Fail;
    }
    // Exceptions 2 and 9, 10 and 11, 12 and 13: either check passing is enough. Otherwise both must.
    const int e1 = rows[0]->exception, e2 = rows[1]->exception;
    const bool either = (e1 == 2 && e2 == 9) || (e1 == 10 && e2 == 11) || (e1 == 12 && e2 == 13);
    if (either)
        return first || runCheck(*rows[1], d) ? Outcome::Pass : Outcome::Fail;
    return first && runCheck(*rows[1], d) ? Outcome::Pass : Outcome::Fail;
}

ModulusResult ModulusChecker::check(const QString &sortCodeTyped, const QString &accountTyped,
                                    TenDigitAccount tenDigits) const
{
    ModulusResult r;
    const QString sortCode = digitsOnly(sortCodeTyped);
    const QString account = digitsOnly(accountTyped);
    if (sortCode.size() != 6 || !allDigits(sortCode)) {
        r.message = QCoreApplication::translate("ibc::models::ModulusCheck",
                                                "The sort code must be six digits, like 12-34-56.");
        return r;
    }
    if (account.size() < 6 || account.size() > 10 || !allDigits(account)) {
        r.message =
            QCoreApplication::translate("ibc::models::ModulusCheck", "The account number must be six to ten digits.");
        return r;
    }

    const std::vector<Reading> readings = readingsOf(sortCode, account, tenDigits);
    Outcome outcome = Outcome::Fail;
    for (const Reading &reading : readings) {
        const Outcome o = checkStandard(reading.sortCode, reading.account);
        if (o == Outcome::Fail && r.sortCode.isEmpty()) {
            r.sortCode = reading.sortCode;
            r.accountNumber = reading.account;
        }
        if (o != Outcome::Fail) {
            outcome = o;
            r.sortCode = reading.sortCode;
            r.accountNumber = reading.account;
            break;
        }
    }

    const QString shown = shownSortCode(sortCode);
    const QString masked = typed::masked(account); // personal data: as the desk shows it
    switch (outcome) {
    case Outcome::Pass:
        r.verdict = ModulusVerdict::Valid;
        r.message = QCoreApplication::translate("ibc::models::ModulusCheck",
                                                "The account number %1 could exist at sort code %2: it passes the "
                                                "bank's modulus check.")
                        .arg(masked, shown);
        break;
    case Outcome::Fail:
        r.verdict = ModulusVerdict::Invalid;
        r.message = QCoreApplication::translate("ibc::models::ModulusCheck",
                                                "The account number %1 cannot exist at sort code %2: it fails the "
                                                "bank's modulus check. Check both with the account holder.")
                        .arg(masked, shown);
        break;
    case Outcome::NotInTable:
        r.verdict = ModulusVerdict::NotCheckable;
        r.message = QCoreApplication::translate("ibc::models::ModulusCheck",
                                                "Sort code %1 has no modulus check, so the account number %2 could "
                                                "not be checked; it is accepted as it stands.")
                        .arg(shown, masked);
        break;
    case Outcome::ForeignCurrency:
        r.verdict = ModulusVerdict::NotCheckable;
        r.message = QCoreApplication::translate("ibc::models::ModulusCheck",
                                                "The account number %1 at sort code %2 may be a foreign-currency "
                                                "account, which the modulus check cannot test; it is accepted as it "
                                                "stands.")
                        .arg(masked, shown);
        break;
    }
    return r;
}

} // namespace ibc::models
