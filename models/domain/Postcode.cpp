#include "domain/Postcode.h"

#include "domain/Typed.h"

#include <QCoreApplication>

#include <algorithm>

namespace ibc::models {

namespace {

using typed::isDigit;
using typed::isLetter;

// "A9A" for "W1A": L for a letter, 9 for a digit, ? for anything else.
QString shapeOf(QStringView s)
{
    QString shape;
    for (const QChar c : s)
        shape.append(isLetter(c) ? QLatin1Char('A') : isDigit(c) ? QLatin1Char('9') : QLatin1Char('?'));
    return shape;
}

bool oneOf(const char *letters, QChar c) { return QLatin1String(letters).contains(c); }

} // namespace

PostcodeCheck checkPostcode(const QString &text)
{
    PostcodeCheck r;
    r.normalised = typed::upperWithoutSpaces(text);
    const QString &s = r.normalised;
    if (s.isEmpty()) {
        r.problem = QCoreApplication::translate("ibc::models::Postcode", "No postcode has been given.");
        return r;
    }
    r.verdict = PostcodeVerdict::Invalid;
    if (s == QLatin1String("GIR0AA")) { // Girobank's, the one postcode outside the pattern
        r.verdict = PostcodeVerdict::Valid;
        r.normalised = QStringLiteral("GIR 0AA");
        return r;
    }
    const QString outwardShape = shapeOf(QStringView(s).chopped(std::min<qsizetype>(3, s.size())));
    const bool outwardFits = outwardShape == QLatin1String("A9") || outwardShape == QLatin1String("A99") ||
                             outwardShape == QLatin1String("A9A") || outwardShape == QLatin1String("AA9") ||
                             outwardShape == QLatin1String("AA99") || outwardShape == QLatin1String("AA9A");
    if (s.size() < 5 || s.size() > 7 || !outwardFits || shapeOf(QStringView(s).right(3)) != QLatin1String("9AA")) {
        r.problem = QCoreApplication::translate("ibc::models::Postcode",
                                                "The postcode %1 is not in the form of a UK postcode: an outward code "
                                                "such as SW1A, M1 or B33, then a digit and two letters, such as 1AA.")
                        .arg(text.trimmed());
        return r;
    }
    const QString shown = s.chopped(3) + QLatin1Char(' ') + s.right(3);
    if (oneOf("QVX", s.at(0))) {
        r.problem = QCoreApplication::translate("ibc::models::Postcode",
                                                "The postcode %1 cannot start with %2: Q, V and X are never the first "
                                                "letter.")
                        .arg(shown, QString(s.at(0)));
        return r;
    }
    if (outwardShape.startsWith(QLatin1String("AA")) && oneOf("IJZ", s.at(1))) {
        r.problem = QCoreApplication::translate("ibc::models::Postcode",
                                                "The postcode %1 cannot have %2 as its second letter: I, J and Z are "
                                                "never used there.")
                        .arg(shown, QString(s.at(1)));
        return r;
    }
    if (outwardShape == QLatin1String("A9A") && !oneOf("ABCDEFGHJKPSTUW", s.at(2))) {
        r.problem = QCoreApplication::translate("ibc::models::Postcode",
                                                "The postcode %1 cannot have %2 after its district number: only A, B, "
                                                "C, D, E, F, G, H, J, K, P, S, T, U and W are used there.")
                        .arg(shown, QString(s.at(2)));
        return r;
    }
    if (outwardShape == QLatin1String("AA9A") && !oneOf("ABEHMNPRVWXY", s.at(3))) {
        r.problem = QCoreApplication::translate("ibc::models::Postcode",
                                                "The postcode %1 cannot have %2 after its district number: only A, B, "
                                                "E, H, M, N, P, R, V, W, X and Y are used there.")
                        .arg(shown, QString(s.at(3)));
        return r;
    }
    for (const QChar c : QStringView(s).right(2)) {
        if (oneOf("CIKMOV", c)) {
            r.problem = QCoreApplication::translate("ibc::models::Postcode",
                                                    "The postcode %1 cannot have %2 in its last two letters: C, I, K, "
                                                    "M, O and V are never used there.")
                            .arg(shown, QString(c));
            return r;
        }
    }
    r.verdict = PostcodeVerdict::Valid;
    r.normalised = shown;
    return r;
}

} // namespace ibc::models
