#pragma once

#include <QString>

namespace ibc::models {

// What HMRC's rules make of a National Insurance number as a person typed it.
enum class NinoVerdict {
    Valid,
    Missing,   // nothing given: "no number yet", which a new starter may rightly have
    Temporary, // a TN… reference, which employers once made up from the date of birth: never a number
    Invalid,
};

struct NinoCheck {
    NinoVerdict verdict = NinoVerdict::Missing;
    QString normalised; // upper case, no spaces: "AB123456C" (whatever was typed, when it is not a number)
    QString problem;    // a sentence saying what is wrong, translated; empty when valid
};

// Checks a National Insurance number by HMRC's rules (National Insurance Manual NIM39110): two
// prefix letters, six digits and a suffix A, B, C or D; neither prefix letter D, F, I, Q, U or V,
// the second never O; never the prefixes BG, GB, KN, NK, NT, TN or ZZ. Case and spaces are ignored
// ("ab 12 34 56 c" is AB123456C). An empty value and a temporary TN reference ("TN 01 02 80 M")
// get verdicts of their own, so that neither is ever taken for a number.
NinoCheck checkNationalInsuranceNumber(const QString &text);

// "AB123456C" as HMRC prints it: "AB 12 34 56 C". Anything not nine characters long is returned as it is.
QString formatNationalInsuranceNumber(const QString &normalised);

} // namespace ibc::models
