#pragma once

// How the validators read what people type: digits and letters are ASCII only (a full-width or
// Arabic-Indic digit is not a digit of a National Insurance or VAT number), and an identifier is
// compared in upper case with its spaces taken out.
#include <QString>
#include <QStringView>

namespace ibc::models::typed {

inline bool isDigit(QChar c) { return c >= QLatin1Char('0') && c <= QLatin1Char('9'); }
inline bool isLetter(QChar c) { return c >= QLatin1Char('A') && c <= QLatin1Char('Z'); }

// True for one digit or more, and nothing else.
inline bool allDigits(QStringView s)
{
    for (const QChar c : s)
        if (!isDigit(c))
            return false;
    return !s.isEmpty();
}

// Personal data as the desk shows it: all but the last four characters as bullets ("••••4959").
inline QString masked(const QString &s) { return s.size() > 4 ? QString(s.size() - 4, QChar(0x2022)) + s.right(4) : s; }

inline QString upperWithoutSpaces(const QString &text)
{
    QString s;
    s.reserve(text.size());
    for (const QChar c : text)
        if (!c.isSpace())
            s.append(c.toUpper());
    return s;
}

} // namespace ibc::models::typed
