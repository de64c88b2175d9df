// UK postcodes as tables: each of the six outward shapes and GIR 0AA, case and spaces, and every
// letter Royal Mail never uses in each position, with the sentence a person reads.
#include "domain/Postcode.h"

#include <QTest>

using namespace ibc::models;

Q_DECLARE_METATYPE(ibc::models::PostcodeVerdict)

namespace {

QString notAPostcode(const char *typed)
{
    return QStringLiteral("The postcode %1 is not in the form of a UK postcode: an outward code such as SW1A, M1 or "
                          "B33, then a digit and two letters, such as 1AA.")
        .arg(QLatin1String(typed));
}

QString firstLetter(const char *shown, const char *letter)
{
    return QStringLiteral("The postcode %1 cannot start with %2: Q, V and X are never the first letter.")
        .arg(QLatin1String(shown), QLatin1String(letter));
}

QString secondLetter(const char *shown, const char *letter)
{
    return QStringLiteral("The postcode %1 cannot have %2 as its second letter: I, J and Z are never used there.")
        .arg(QLatin1String(shown), QLatin1String(letter));
}

QString afterA9(const char *shown, const char *letter)
{
    return QStringLiteral("The postcode %1 cannot have %2 after its district number: only A, B, C, D, E, F, G, H, J, "
                          "K, P, S, T, U and W are used there.")
        .arg(QLatin1String(shown), QLatin1String(letter));
}

QString afterAA9(const char *shown, const char *letter)
{
    return QStringLiteral("The postcode %1 cannot have %2 after its district number: only A, B, E, H, M, N, P, R, V, "
                          "W, X and Y are used there.")
        .arg(QLatin1String(shown), QLatin1String(letter));
}

QString inward(const char *shown, const char *letter)
{
    return QStringLiteral("The postcode %1 cannot have %2 in its last two letters: C, I, K, M, O and V are never "
                          "used there.")
        .arg(QLatin1String(shown), QLatin1String(letter));
}

} // namespace

class TestPostcode : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void postcodes_data();
    void postcodes();
};

void TestPostcode::postcodes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<PostcodeVerdict>("verdict");
    QTest::addColumn<QString>("normalised");
    QTest::addColumn<QString>("problem");

    const auto valid = [](const char *name, const char *text, const char *canonical) {
        QTest::newRow(name) << QString::fromUtf8(text) << PostcodeVerdict::Valid << QString::fromUtf8(canonical)
                            << QString();
    };
    valid("A9: M1 1AE", "M1 1AE", "M1 1AE");
    valid("A99: B33 8TH", "B33 8TH", "B33 8TH");
    valid("A9A: W1A 0AX", "W1A 0AX", "W1A 0AX");
    valid("AA9: CR2 6XH", "CR2 6XH", "CR2 6XH");
    valid("AA99: DN55 1PT", "DN55 1PT", "DN55 1PT");
    valid("AA9A: EC1A 1BB", "EC1A 1BB", "EC1A 1BB");
    valid("AA9A: SW1A 1AA", "SW1A 1AA", "SW1A 1AA");
    valid("lower case, no space: sw1a1aa", "sw1a1aa", "SW1A 1AA");
    valid("spaces everywhere and around", "  s o23  8ur ", "SO23 8UR");
    valid("a tab for the space", "OX1\t1BX", "OX1 1BX");
    valid("GIR 0AA, the one outside the pattern", "GIR 0AA", "GIR 0AA");
    valid("gir0aa, lower case, no space", "gir0aa", "GIR 0AA");
    valid("A9A with W after the number: W1W 7LT", "W1W 7LT", "W1W 7LT");
    valid("AA9A with Y after the number: SE1Y 1AA", "SE1Y 1AA", "SE1Y 1AA");
    valid("I, J and Z are fine as the first letter", "ZE1 0AA", "ZE1 0AA");
    valid("Q, V and X are fine as the second letter", "AX1 1AA", "AX1 1AA");
    valid("inward letters may be any others", "W6 9JU", "W6 9JU");

    QTest::newRow("missing: nothing given")
        << QString() << PostcodeVerdict::Missing << QString() << QStringLiteral("No postcode has been given.");
    QTest::newRow("missing: only spaces") << QStringLiteral("  \t ") << PostcodeVerdict::Missing << QString()
                                          << QStringLiteral("No postcode has been given.");

    const auto invalid = [](const char *name, const char *text, const char *normalised, const QString &problem) {
        QTest::newRow(name) << QString::fromUtf8(text) << PostcodeVerdict::Invalid << QString::fromUtf8(normalised)
                            << problem;
    };
    invalid("shape: outward code only", "SW1A", "SW1A", notAPostcode("SW1A"));
    invalid("shape: inward code one letter short", "SW1A 1A", "SW1A1A", notAPostcode("SW1A 1A"));
    invalid("shape: inward code a letter too many", "SW1A 1AAA", "SW1A1AAA", notAPostcode("SW1A 1AAA"));
    invalid("shape: inward code starts with a letter", "SW1A AAA", "SW1AAAA", notAPostcode("SW1A AAA"));
    invalid("shape: outward code starts with a digit", "1W1A 1AA", "1W1A1AA", notAPostcode("1W1A 1AA"));
    invalid("shape: three letters before the number", "SWA1 1AA", "SWA11AA", notAPostcode("SWA1 1AA"));
    invalid("shape: no district number", "SW 1AA", "SW1AA", notAPostcode("SW 1AA"));
    invalid("shape: A999 is not a shape", "B333 8TH", "B3338TH", notAPostcode("B333 8TH"));
    invalid("shape: a hyphen for the space", " SW1A-1AA ", "SW1A-1AA", notAPostcode("SW1A-1AA"));
    invalid("shape: GIR with another inward code", "GIR 1AA", "GIR1AA", notAPostcode("GIR 1AA"));
    invalid("shape: a number is not a postcode", "12345", "12345", notAPostcode("12345"));
    invalid("first letter: Q", "QA1 1AA", "QA11AA", firstLetter("QA1 1AA", "Q"));
    invalid("first letter: V", "v1 1aa", "V11AA", firstLetter("V1 1AA", "V"));
    invalid("first letter: X", "X1A 1AA", "X1A1AA", firstLetter("X1A 1AA", "X"));
    invalid("second letter: I", "AI1 1AA", "AI11AA", secondLetter("AI1 1AA", "I"));
    invalid("second letter: J", "AJ11 1AA", "AJ111AA", secondLetter("AJ11 1AA", "J"));
    invalid("second letter: Z", "AZ1A 1AA", "AZ1A1AA", secondLetter("AZ1A 1AA", "Z"));
    invalid("A9A: I after the number", "W1I 1AA", "W1I1AA", afterA9("W1I 1AA", "I"));
    invalid("A9A: L after the number", "W1L 1AA", "W1L1AA", afterA9("W1L 1AA", "L"));
    invalid("A9A: V after the number", "E1V 1AA", "E1V1AA", afterA9("E1V 1AA", "V"));
    invalid("AA9A: C after the number", "EC1C 1BB", "EC1C1BB", afterAA9("EC1C 1BB", "C"));
    invalid("AA9A: Z after the number", "SW1Z 1AA", "SW1Z1AA", afterAA9("SW1Z 1AA", "Z"));
    invalid("inward: C", "SW1A 1AC", "SW1A1AC", inward("SW1A 1AC", "C"));
    invalid("inward: I", "M1 1IA", "M11IA", inward("M1 1IA", "I"));
    invalid("inward: K", "M1 1AK", "M11AK", inward("M1 1AK", "K"));
    invalid("inward: M", "M1 1MA", "M11MA", inward("M1 1MA", "M"));
    invalid("inward: O", "M1 1OA", "M11OA", inward("M1 1OA", "O"));
    invalid("inward: V", "M1 1AV", "M11AV", inward("M1 1AV", "V"));
}

void TestPostcode::postcodes()
{
    QFETCH(QString, text);
    QFETCH(PostcodeVerdict, verdict);
    QFETCH(QString, normalised);
    QFETCH(QString, problem);

    const PostcodeCheck c = checkPostcode(text);
    QCOMPARE(c.normalised, normalised);
    QCOMPARE(c.problem, problem);
    QCOMPARE(c.verdict, verdict);
}

QTEST_GUILESS_MAIN(TestPostcode)
#include "tst_postcode.moc"
