#pragma once

#include <QString>

namespace ibc::models {

enum class VatVerdict { Valid, Missing, Invalid };

enum class VatNumberKind {
    Standard,             // nine digits
    Branch,               // nine digits and a three-digit branch number
    GovernmentDepartment, // GD000 to GD499
    HealthAuthority,      // HA500 to HA999
};

// Which of HMRC's two check-digit schemes a nine-digit number passes.
enum class VatCheckDigits {
    None,    // GD and HA numbers have no check digits
    Mod97,   // the original scheme: the weighted sum and the check digits make a multiple of 97
    Mod9755, // the scheme of numbers issued since 2010, with 55 added first
};

struct VatCheck {
    VatVerdict verdict = VatVerdict::Missing;
    VatNumberKind kind = VatNumberKind::Standard;
    VatCheckDigits checkDigits = VatCheckDigits::None;
    QString normalised; // upper case, no spaces, any GB or XI kept: "GB980780684"
    QString problem;    // a sentence saying what is wrong, translated; empty when valid
};

// Checks a UK VAT registration number: an optional GB (or XI, for Northern Ireland) prefix, spaces
// ignored, then nine digits whose last two are check digits under either of HMRC's schemes, or
// twelve (the nine and a branch number), or GD000–GD499 (government departments) or HA500–HA999
// (health authorities). It says whether HMRC could have issued the number, not that it did.
VatCheck checkVatNumber(const QString &text);

} // namespace ibc::models
