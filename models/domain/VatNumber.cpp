#include "domain/VatNumber.h"

#include "domain/Typed.h"

#include <QCoreApplication>

namespace ibc::models {

namespace {

using typed::allDigits;

int digit(QStringView s, qsizetype i) { return s.at(i).unicode() - '0'; }

// The first seven digits weighted 8 down to 2, plus the last two read as a number. HMRC's first
// scheme makes this a multiple of 97; the 2010 scheme (numbers from 100 000 000 up) makes it one
// once 55 is added.
VatCheckDigits checkDigitsOf(QStringView nine)
{
    int sum = 10 * digit(nine, 7) + digit(nine, 8);
    for (qsizetype i = 0; i < 7; ++i)
        sum += (8 - int(i)) * digit(nine, i);
    if (sum % 97 == 0)
        return VatCheckDigits::Mod97;
    if ((sum + 55) % 97 == 0 && digit(nine, 0) != 0)
        return VatCheckDigits::Mod9755;
    return VatCheckDigits::None;
}

} // namespace

VatCheck checkVatNumber(const QString &text)
{
    VatCheck r;
    r.normalised = typed::upperWithoutSpaces(text);
    if (r.normalised.isEmpty()) {
        r.problem = QCoreApplication::translate("ibc::models::VatNumber", "No VAT registration number has been given.");
        return r;
    }
    r.verdict = VatVerdict::Invalid;
    QStringView body = r.normalised;
    if (body.startsWith(QLatin1String("GB")) || body.startsWith(QLatin1String("XI")))
        body = body.mid(2);

    if ((body.startsWith(QLatin1String("GD")) || body.startsWith(QLatin1String("HA"))) && body.size() == 5 &&
        allDigits(body.mid(2))) {
        const bool government = body.startsWith(QLatin1String("GD"));
        const int n = body.mid(2).toInt();
        r.kind = government ? VatNumberKind::GovernmentDepartment : VatNumberKind::HealthAuthority;
        if (government && n >= 500) {
            r.problem = QCoreApplication::translate("ibc::models::VatNumber",
                                                    "The VAT registration number %1 cannot exist: government "
                                                    "departments are numbered GD000 to GD499.")
                            .arg(r.normalised);
            return r;
        }
        if (!government && n < 500) {
            r.problem = QCoreApplication::translate("ibc::models::VatNumber",
                                                    "The VAT registration number %1 cannot exist: health authorities "
                                                    "are numbered HA500 to HA999.")
                            .arg(r.normalised);
            return r;
        }
        r.verdict = VatVerdict::Valid;
        return r;
    }
    if ((body.size() != 9 && body.size() != 12) || !allDigits(body)) {
        r.problem = QCoreApplication::translate("ibc::models::VatNumber",
                                                "The VAT registration number must be nine digits, or twelve with a "
                                                "branch number, with GB or XI in front or not; or GD or HA and three "
                                                "digits.");
        return r;
    }
    r.kind = body.size() == 12 ? VatNumberKind::Branch : VatNumberKind::Standard;
    if (body.left(9) == QLatin1String("000000000")) { // passes the first scheme, but a placeholder, never issued
        r.problem = QCoreApplication::translate("ibc::models::VatNumber",
                                                "The VAT registration number %1 is all noughts, which HMRC never "
                                                "issues: ask for the real number.")
                        .arg(r.normalised);
        return r;
    }
    r.checkDigits = checkDigitsOf(body.left(9));
    if (r.checkDigits == VatCheckDigits::None) {
        r.problem = QCoreApplication::translate("ibc::models::VatNumber",
                                                "The VAT registration number %1 has check digits that do not match "
                                                "the rest: it is probably mistyped.")
                        .arg(r.normalised);
        return r;
    }
    r.verdict = VatVerdict::Valid;
    return r;
}

} // namespace ibc::models
