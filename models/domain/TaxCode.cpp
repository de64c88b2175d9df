#include "domain/TaxCode.h"

#include "domain/Typed.h"

#include <QCoreApplication>
#include <QLocale>
#include <QStringList>

namespace ibc::models {

namespace {

using typed::allDigits;
using typed::isDigit;

// "£12,570" for 1257: a code's number is its allowance in tens of pounds.
QString poundsFor(QStringView number)
{
    return QStringLiteral("£") + QLocale(QLocale::English, QLocale::UnitedKingdom).toString(number.toLongLong() * 10);
}

// The non-cumulative markers, longest first so that W1/M1 is not read as M1. Returns the marker
// as it is written in the normalised code, and takes it (and a slash before it) off `code`.
QString takeMarker(QString &code)
{
    struct Marker {
        const char *written;
        const char *canonical;
    };
    static constexpr Marker kMarkers[] = {
        {"W1/M1", "W1/M1"}, {"W1M1", "W1/M1"}, {"W1", "W1"}, {"M1", "M1"}, {"X", "X"}};
    for (const Marker &m : kMarkers) {
        if (code.endsWith(QLatin1String(m.written))) {
            code.chop(qsizetype(qstrlen(m.written)));
            if (code.endsWith(QLatin1Char('/')))
                code.chop(1);
            return QLatin1String(m.canonical);
        }
    }
    return {};
}

QString notACode(const QString &typed)
{
    return QCoreApplication::translate("ibc::models::TaxCode",
                                       "The tax code %1 is not one HMRC uses: a tax code is a number and L, M, N or T "
                                       "(like 1257L), K and a number (like K475), or BR, D0, D1, NT or 0T, with S or "
                                       "C in front for Scotland or Wales.")
        .arg(typed);
}

// What a flat-rate D code taxes all pay at, or an empty string if the region has no such band.
// Scotland's bands, as HMRC has numbered them since 6 April 2024: SD0 intermediate rate, SD1 higher,
// SD2 advanced, SD3 top; SD4 to SD8 are allowed by HMRC's formats for bands yet to come.
// Wales: the Welsh rates of income tax keep the bands of England and Northern Ireland (basic,
// higher, additional), so HMRC issues CD0 and CD1 only, and CD2 upwards are refused rather than
// accepted on the strength of a format that exists for Scotland.
QString dBand(TaxRegion region, int band)
{
    if (region != TaxRegion::Scotland) {
        switch (band) {
        case 0:
            return QCoreApplication::translate("ibc::models::TaxCode",
                                               "all pay from this job taxed at the higher rate, with no tax-free "
                                               "allowance");
        case 1:
            return QCoreApplication::translate("ibc::models::TaxCode",
                                               "all pay from this job taxed at the additional rate, with no tax-free "
                                               "allowance");
        default: return {};
        }
    }
    switch (band) {
    case 0:
        return QCoreApplication::translate("ibc::models::TaxCode",
                                           "all pay from this job taxed at the intermediate rate, with no tax-free "
                                           "allowance");
    case 1:
        return QCoreApplication::translate("ibc::models::TaxCode",
                                           "all pay from this job taxed at the higher rate, with no tax-free "
                                           "allowance");
    case 2:
        return QCoreApplication::translate("ibc::models::TaxCode",
                                           "all pay from this job taxed at the advanced rate, with no tax-free "
                                           "allowance");
    case 3:
        return QCoreApplication::translate("ibc::models::TaxCode",
                                           "all pay from this job taxed at the top rate, with no tax-free allowance");
    default:
        if (band > 8)
            return {};
        return QCoreApplication::translate("ibc::models::TaxCode",
                                           "all pay from this job taxed at the rate of band D%1, with no tax-free "
                                           "allowance")
            .arg(band);
    }
}

// What the body of a code (without its S or C prefix and its marker) does to pay, or why it is
// not a code: `typed` is the code as given, for the sentence.
struct Meaning {
    QString text;
    bool showsBasis = true; // flat-rate codes are the same either way, so say so only when marked
    QString problem;
};

Meaning problem(const QString &sentence) { return Meaning{{}, true, sentence}; }

Meaning dCodeMeaning(TaxRegion region, int band, const QString &typed)
{
    if (QString text = dBand(region, band); !text.isEmpty())
        return Meaning{text, false, {}};
    switch (region) {
    case TaxRegion::Scotland:
        return problem(QCoreApplication::translate("ibc::models::TaxCode",
                                                   "The tax code %1 does not exist: Scottish D codes run from SD0 "
                                                   "to SD8.")
                           .arg(typed));
    case TaxRegion::Wales:
        return problem(QCoreApplication::translate("ibc::models::TaxCode",
                                                   "The tax code %1 does not exist: the Welsh D codes are CD0 and "
                                                   "CD1.")
                           .arg(typed));
    case TaxRegion::EnglandAndNorthernIreland: break;
    }
    return problem(QCoreApplication::translate("ibc::models::TaxCode",
                                               "The tax code %1 does not exist: outside Scotland the D codes "
                                               "are D0 and D1 (and CD0 and CD1 in Wales).")
                       .arg(typed));
}

Meaning tooManyDigits(const QString &typed)
{
    return problem(
        QCoreApplication::translate("ibc::models::TaxCode", "The tax code %1 has more than six digits.").arg(typed));
}

// K and a number: the number's pounds added to taxable pay.
Meaning kCodeMeaning(QStringView number, const QString &typed)
{
    if (number.isEmpty() || (allDigits(number) && number.toLongLong() == 0))
        return problem(QCoreApplication::translate("ibc::models::TaxCode",
                                                   "The tax code %1 has no amount: a K code is K and a number from 1 "
                                                   "up, like K475.")
                           .arg(typed));
    if (!allDigits(number) || number.front() == QLatin1Char('0'))
        return problem(notACode(typed));
    if (number.size() > 6)
        return tooManyDigits(typed);
    return Meaning{
        QCoreApplication::translate("ibc::models::TaxCode", "%1 added to taxable pay").arg(poundsFor(number)),
        true,
        {}};
}

// A number and L, M, N or T: a tax-free allowance of ten times the number.
Meaning allowanceMeaning(QStringView body, const QString &typed)
{
    const QStringView number = body.front() == QLatin1Char('0') ? QStringView() : body.chopped(1);
    const QChar letter = body.back();
    if (allDigits(body))
        return problem(QCoreApplication::translate("ibc::models::TaxCode",
                                                   "The tax code %1 has no letter after its number: it ends in L, M, "
                                                   "N or T, like 1257L.")
                           .arg(typed));
    if (!allDigits(number))
        return problem(notACode(typed));
    if (number.size() > 6)
        return tooManyDigits(typed);
    const QString pounds = poundsFor(number);
    switch (letter.toLatin1()) {
    case 'L':
        return Meaning{
            QCoreApplication::translate("ibc::models::TaxCode", "tax-free personal allowance of %1").arg(pounds),
            true,
            {}};
    case 'M':
        return Meaning{QCoreApplication::translate("ibc::models::TaxCode",
                                                   "tax-free personal allowance of %1, including Marriage Allowance "
                                                   "received from a spouse or civil partner")
                           .arg(pounds),
                       true,
                       {}};
    case 'N':
        return Meaning{QCoreApplication::translate("ibc::models::TaxCode",
                                                   "tax-free personal allowance of %1, less Marriage Allowance "
                                                   "transferred to a spouse or civil partner")
                           .arg(pounds),
                       true,
                       {}};
    case 'T':
        return Meaning{QCoreApplication::translate("ibc::models::TaxCode",
                                                   "tax-free allowance of %1, worked out with other items HMRC needs "
                                                   "to review")
                           .arg(pounds),
                       true,
                       {}};
    case 'P':
    case 'V':
    case 'Y':
        return problem(QCoreApplication::translate("ibc::models::TaxCode",
                                                   "The tax code %1 ends in %2, a letter HMRC no longer uses: it "
                                                   "marked the age-related allowances, which ended in 2016.")
                           .arg(typed, QString(letter)));
    default:
        return problem(letter.isLetter() ? QCoreApplication::translate("ibc::models::TaxCode",
                                                                       "The tax code %1 ends in %2, which is not a "
                                                                       "tax code letter: the number is followed by "
                                                                       "L, M, N or T.")
                                               .arg(typed, QString(letter))
                                         : notACode(typed));
    }
}

Meaning bodyMeaning(QStringView body, TaxRegion region, const QString &typed)
{
    if (body == QLatin1String("BR"))
        return Meaning{QCoreApplication::translate("ibc::models::TaxCode",
                                                   "all pay from this job taxed at the basic rate, with no tax-free "
                                                   "allowance"),
                       false,
                       {}};
    if (body == QLatin1String("NT"))
        return Meaning{
            QCoreApplication::translate("ibc::models::TaxCode", "no tax taken from pay from this job"), false, {}};
    if (body == QLatin1String("0T"))
        return Meaning{QCoreApplication::translate("ibc::models::TaxCode",
                                                   "no tax-free allowance, so all pay from this job is taxed at the "
                                                   "usual rates"),
                       true,
                       {}};
    if (body.startsWith(QLatin1Char('D')) && body.size() == 2 && isDigit(body.at(1)))
        return dCodeMeaning(region, body.at(1).unicode() - '0', typed);
    if (body.startsWith(QLatin1Char('K')))
        return kCodeMeaning(body.mid(1), typed);
    if (!body.isEmpty() && isDigit(body.front()))
        return allowanceMeaning(body, typed);
    return problem(notACode(typed));
}

} // namespace

TaxCodeCheck checkTaxCode(const QString &text)
{
    TaxCodeCheck r;
    r.normalised = typed::upperWithoutSpaces(text);
    if (r.normalised.isEmpty()) {
        r.problem = QCoreApplication::translate("ibc::models::TaxCode", "No tax code has been given.");
        return r;
    }
    r.verdict = TaxCodeVerdict::Invalid;
    const QString &typed = r.normalised;

    QString code = typed;
    const QString marker = takeMarker(code);
    if (!marker.isEmpty() && code.isEmpty()) {
        r.problem = QCoreApplication::translate("ibc::models::TaxCode",
                                                "The tax code %1 is only a week 1/month 1 marker: the code itself is "
                                                "missing.")
                        .arg(typed);
        return r;
    }
    r.cumulative = marker.isEmpty();

    QStringView body = code;
    if (body.startsWith(QLatin1Char('S')) || body.startsWith(QLatin1Char('C'))) {
        r.region = body.front() == QLatin1Char('S') ? TaxRegion::Scotland : TaxRegion::Wales;
        body = body.mid(1);
    }

    const Meaning m = bodyMeaning(body, r.region, typed);
    if (!m.problem.isEmpty()) {
        r.problem = m.problem;
        return r;
    }

    r.normalised = marker.isEmpty() ? code : code + QLatin1Char(' ') + marker;
    QStringList parts;
    if (r.region == TaxRegion::Scotland)
        parts << QCoreApplication::translate("ibc::models::TaxCode", "Scottish taxpayer");
    else if (r.region == TaxRegion::Wales)
        parts << QCoreApplication::translate("ibc::models::TaxCode", "Welsh taxpayer");
    parts << m.text;
    if (!r.cumulative)
        parts << QCoreApplication::translate("ibc::models::TaxCode", "non-cumulative (week 1/month 1)");
    else if (m.showsBasis)
        parts << QCoreApplication::translate("ibc::models::TaxCode", "cumulative");
    r.explanation = r.normalised + QStringLiteral(": ") + parts.join(QStringLiteral("; "));
    r.verdict = TaxCodeVerdict::Valid;
    return r;
}

} // namespace ibc::models
