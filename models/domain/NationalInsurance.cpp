#include "domain/NationalInsurance.h"

#include "domain/Typed.h"

#include <QCoreApplication>
#include <QDate>

namespace ibc::models {

namespace {

using typed::allDigits;
using typed::isLetter;

// Never either prefix letter; O is never the second one either.
bool neverAPrefixLetter(QChar c) { return QStringLiteral("DFIQUV").contains(c); }

constexpr const char *kUnusedPrefixes[] = {"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"};

// "TN", a date of birth as DDMMYY and M or F: the shape of the temporary references employers used
// to make up before a number was issued.
bool isDateOfBirthReference(const QString &s)
{
    if (s.size() != 9 || !allDigits(QStringView(s).mid(2, 6)))
        return false;
    if (s.at(8) != QLatin1Char('M') && s.at(8) != QLatin1Char('F'))
        return false;
    // The century is unknown: 29 February is a real birthday in 2000 but not in 1900.
    const int yy = s.mid(6, 2).toInt(), mm = s.mid(4, 2).toInt(), dd = s.mid(2, 2).toInt();
    return QDate(1900 + yy, mm, dd).isValid() || QDate(2000 + yy, mm, dd).isValid();
}

} // namespace

QString formatNationalInsuranceNumber(const QString &n)
{
    if (n.size() != 9)
        return n;
    return QStringLiteral("%1 %2 %3 %4 %5").arg(n.left(2), n.mid(2, 2), n.mid(4, 2), n.mid(6, 2), n.mid(8));
}

NinoCheck checkNationalInsuranceNumber(const QString &text)
{
    NinoCheck r;
    r.normalised = typed::upperWithoutSpaces(text);
    const QString &n = r.normalised;
    if (n.isEmpty()) {
        r.verdict = NinoVerdict::Missing;
        r.problem = QCoreApplication::translate("ibc::models::NationalInsurance",
                                                "No National Insurance number has been given yet.");
        return r;
    }
    if (n.startsWith(QLatin1String("TN"))) {
        r.verdict = NinoVerdict::Temporary;
        r.problem = isDateOfBirthReference(n)
                        ? QCoreApplication::translate("ibc::models::NationalInsurance",
                                                      "The National Insurance number %1 is a temporary reference made "
                                                      "from a date of birth, not a number HMRC issued: ask for the "
                                                      "permanent number.")
                              .arg(formatNationalInsuranceNumber(n))
                        : QCoreApplication::translate("ibc::models::NationalInsurance",
                                                      "The National Insurance number starts with TN, which marks a "
                                                      "temporary reference, not a number HMRC issued: ask for the "
                                                      "permanent number.");
        return r;
    }
    r.verdict = NinoVerdict::Invalid;
    if (n.size() != 9 || !isLetter(n.at(0)) || !isLetter(n.at(1)) || !allDigits(QStringView(n).mid(2, 6)) ||
        !isLetter(n.at(8))) {
        r.problem = QCoreApplication::translate("ibc::models::NationalInsurance",
                                                "The National Insurance number must be two letters, six digits and a "
                                                "letter from A to D, like AB 12 34 56 C.");
        return r;
    }
    if (neverAPrefixLetter(n.at(0))) {
        r.problem = QCoreApplication::translate("ibc::models::NationalInsurance",
                                                "The National Insurance number cannot start with %1: D, F, I, Q, U "
                                                "and V are never used in its first two letters.")
                        .arg(n.at(0));
        return r;
    }
    if (neverAPrefixLetter(n.at(1)) || n.at(1) == QLatin1Char('O')) {
        r.problem = QCoreApplication::translate("ibc::models::NationalInsurance",
                                                "The National Insurance number cannot have %1 as its second letter: "
                                                "D, F, I, O, Q, U and V are never used there.")
                        .arg(n.at(1));
        return r;
    }
    for (const char *prefix : kUnusedPrefixes) {
        if (n.startsWith(QLatin1String(prefix))) {
            r.problem = QCoreApplication::translate("ibc::models::NationalInsurance",
                                                    "The National Insurance number cannot start with %1: HMRC never "
                                                    "issues numbers beginning BG, GB, KN, NK, NT, TN or ZZ.")
                            .arg(n.left(2));
            return r;
        }
    }
    if (n.at(8) < QLatin1Char('A') || n.at(8) > QLatin1Char('D')) {
        r.problem = QCoreApplication::translate("ibc::models::NationalInsurance",
                                                "The National Insurance number cannot end in %1: its last letter is "
                                                "always A, B, C or D.")
                        .arg(n.at(8));
        return r;
    }
    r.verdict = NinoVerdict::Valid;
    return r;
}

} // namespace ibc::models
