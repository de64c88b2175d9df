#pragma once

#include <QByteArray>
#include <QString>

#include <array>
#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace ibc::models {

enum class ModulusVerdict {
    Valid,        // the account number could exist at the sort code (not that it does)
    Invalid,      // it cannot: mistyped, or not six digits and 6 to 10 digits
    NotCheckable, // no check exists for it: accepted as it stands, as the specification says
};

struct ModulusResult {
    ModulusVerdict verdict = ModulusVerdict::Invalid;
    // The six and eight digits the check used: an account number of 6, 7, 9 or 10 digits is
    // standardised as VocaLink's specification says, and a 9-digit one changes the sort code too.
    // Empty when the input was not digits of those lengths.
    QString sortCode;
    QString accountNumber;
    QString message; // a sentence for every verdict, translated; the account masked to its last four digits
    bool acceptable() const { return verdict != ModulusVerdict::Invalid; }
};

// Ten-digit account numbers are standardised by bank, and a sort code alone does not say which
// bank it is without the Industry Sorting Code Directory, which the product does not have.
enum class TenDigitAccount {
    Either,     // valid if either standardisation below passes
    LastEight,  // National Westminster Bank (a hyphen after the second digit is ignored)
    FirstEight, // the Co-operative Bank and Leeds Building Society
};

// VocaLink's two tables as published text: what an administrator imports, the store keeps, and
// desks receive with the reference data.
struct ModulusTables {
    QByteArray weights;       // valacdos.txt
    QByteArray substitutions; // scsubtab.txt
};

// One row of the modulus weight table (valacdos.txt).
struct ModulusWeightRow {
    enum class Method { Mod10, Mod11, DoubleAlternate };
    int start = 0; // sort codes, inclusive
    int end = 0;
    Method method = Method::Mod11;
    std::array<int, 14> weights{}; // u v w x y z a b c d e f g h
    int exception = 0;             // 0 for none, else 1 to 14
};

// Checks a UK sort code and account number by VocaLink's "Validating account numbers: UK modulus
// checking" (v7.70): the standard modulus 10 and 11 checks and the double alternate check, with
// every exception 1 to 14, driven by the modulus weight table (valacdos.txt) and the sort code
// substitution table (scsubtab.txt). Test cases and worked examples: tests/unit/tst_modulus.cpp.
//
// Immutable once made; safe to share between threads.
class ModulusChecker {
public:
    // An empty checker: every sort code is NotCheckable.
    ModulusChecker() = default;

    // Reads the two tables in VocaLink's text formats (section 2.3.2: fields separated by spaces;
    // blank lines are skipped). Returns nullopt with `error` naming the file and line of the first
    // bad row, e.g. "valacdos.txt, line 12: …". The names are the files' as the error should give them.
    static std::optional<ModulusChecker> parse(const QByteArray &weightTable, const QByteArray &substitutionTable,
                                               QString *error,
                                               const QString &weightTableName = QStringLiteral("valacdos.txt"),
                                               const QString &substitutionTableName = QStringLiteral("scsubtab.txt"));

    // Reads valacdos.txt and scsubtab.txt (in any case, as VocaLink publishes them as VALACDOS.txt
    // and SCSUBTAB.txt) from a folder, so that an administrator can load newer tables; errors name
    // the file's path and the line. With `text`, also gives the files' text as read, for the store
    // to keep and pass on.
    static std::optional<ModulusChecker> load(const QString &folder, QString *error, ModulusTables *text = nullptr);

    // The tables the product ships (resources/vocalink, v7.70).
    static const ModulusChecker &shipped();

    // The checker every bank-details check uses (domain/Fields.h): tables an administrator
    // imported, once set here, else the shipped ones. Thread safe; nullptr goes back to the shipped.
    static std::shared_ptr<const ModulusChecker> current();
    static void setCurrent(std::shared_ptr<const ModulusChecker> checker);

    // Spaces and hyphens are ignored in both ("12-34-56", "01-23456789").
    ModulusResult check(const QString &sortCode, const QString &accountNumber,
                        TenDigitAccount tenDigits = TenDigitAccount::Either) const;

    const std::vector<ModulusWeightRow> &rows() const { return m_rows; }
    // The sort code used in place of `sortCode` in its checks, or `sortCode` itself.
    int substituteFor(int sortCode) const;

private:
    enum class Outcome { Pass, Fail, NotInTable, ForeignCurrency };
    Outcome checkStandard(const QString &sortCode, const QString &account) const;

    std::vector<ModulusWeightRow> m_rows; // in the table's order: a sort code's first check comes first
    std::map<int, int> m_substitutes;
};

} // namespace ibc::models
