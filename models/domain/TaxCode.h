#pragma once

#include <QString>

namespace ibc::models {

enum class TaxCodeVerdict { Valid, Missing, Invalid };

// Whose income tax rates a code applies: the S and C prefixes.
enum class TaxRegion { EnglandAndNorthernIreland, Scotland, Wales };

struct TaxCodeCheck {
    TaxCodeVerdict verdict = TaxCodeVerdict::Missing;
    // Valid: the code as HMRC writes it, any non-cumulative marker after a space ("S1257L W1",
    // "1257L M1", "BR X", "K475 W1/M1"). Otherwise what was typed, upper case without spaces.
    QString normalised;
    // As far as the code could be read; to be relied on only when it is valid.
    TaxRegion region = TaxRegion::EnglandAndNorthernIreland;
    bool cumulative = true; // false with a W1, M1 or X marker
    // Valid: the code in words, translated, e.g. "1257L: tax-free personal allowance of £12,570; cumulative".
    QString explanation;
    QString problem; // a sentence saying what is wrong, translated; empty when valid
};

// Checks a PAYE tax code in HMRC's formats, ignoring case and spaces:
//  - a number of one to six digits and L, M, N or T (1257L: a tax-free allowance of ten times the
//    number; M and N for Marriage Allowance received and transferred, T for items HMRC will review);
//  - K and a number (K475: £4,750 added to taxable pay);
//  - BR, D0, D1 (basic, higher, additional rate on all pay), NT (no tax) and 0T (no allowance);
//  - any of these with S (Scotland) or C (Wales) in front; Scotland's flat-rate codes run from SD0
//    to SD8, Wales's are CD0 and CD1;
//  - then, optionally, the non-cumulative (emergency) marker as HMRC and payroll software write it:
//    W1, M1, W1/M1 or X, with or without a space or a slash before it ("1257L W1", "1257LW1",
//    "1257L/M1", "1257LX").
// The letters P, V and Y, which marked age-related allowances until 2016, are no longer valid.
TaxCodeCheck checkTaxCode(const QString &text);

} // namespace ibc::models
