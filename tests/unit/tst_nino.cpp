// National Insurance numbers by HMRC's rules (National Insurance Manual NIM39110), as tables: the
// shape, each letter HMRC never uses and where, the prefixes it never issues, the suffix, and the
// two values that are not numbers at all but must be named: nothing yet, and a TN reference.
#include "domain/NationalInsurance.h"

#include <QTest>

using namespace ibc::models;

Q_DECLARE_METATYPE(ibc::models::NinoVerdict)

namespace {

const char *const kShape = "The National Insurance number must be two letters, six digits and a letter from A to D, "
                           "like AB 12 34 56 C.";

QString firstLetter(const char *letter)
{
    return QStringLiteral("The National Insurance number cannot start with %1: D, F, I, Q, U and V are never used in "
                          "its first two letters.")
        .arg(QLatin1String(letter));
}

QString secondLetter(const char *letter)
{
    return QStringLiteral("The National Insurance number cannot have %1 as its second letter: D, F, I, O, Q, U and V "
                          "are never used there.")
        .arg(QLatin1String(letter));
}

QString unusedPrefix(const char *prefix)
{
    return QStringLiteral("The National Insurance number cannot start with %1: HMRC never issues numbers beginning "
                          "BG, GB, KN, NK, NT, TN or ZZ.")
        .arg(QLatin1String(prefix));
}

QString datedReference(const char *shown)
{
    return QStringLiteral("The National Insurance number %1 is a temporary reference made from a date of birth, not "
                          "a number HMRC issued: ask for the permanent number.")
        .arg(QLatin1String(shown));
}

const char *const kOtherReference = "The National Insurance number starts with TN, which marks a temporary "
                                    "reference, not a number HMRC issued: ask for the permanent number.";

} // namespace

class TestNino : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void numbers_data();
    void numbers();
    void formatting_data();
    void formatting();
};

void TestNino::numbers_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<NinoVerdict>("verdict");
    QTest::addColumn<QString>("normalised");
    QTest::addColumn<QString>("problem");

    const auto valid = [](const char *name, const char *text, const char *normalised) {
        QTest::newRow(name) << QString::fromUtf8(text) << NinoVerdict::Valid << QString::fromUtf8(normalised)
                            << QString();
    };
    valid("valid, written as HMRC prints it", "AB 12 34 56 C", "AB123456C");
    valid("valid, lower case and no spaces", "ab123456c", "AB123456C");
    valid("valid, lower case with spaces: ab 12 34 56 c", "ab 12 34 56 c", "AB123456C");
    valid("valid, spaces before, after and in odd places", "  J G1037 25A ", "JG103725A");
    valid("valid, a tab and a non-breaking space are spaces too", "AB\t123456\u00A0C", "AB123456C");
    valid("valid, suffix A", "CE000000A", "CE000000A");
    valid("valid, suffix B", "CE999999B", "CE999999B");
    valid("valid, suffix D", "CE123456D", "CE123456D");
    valid("valid, O is allowed as the first letter", "OA123456B", "OA123456B");
    valid("valid, Z first is fine: only ZZ is never issued", "ZA123456A", "ZA123456A");
    valid("valid, Z second is fine", "AZ123456A", "AZ123456A");
    valid("valid, NA: only NK and NT of the N prefixes are never issued", "NA123456A", "NA123456A");
    valid("valid, KA: only KN of the K prefixes is never issued", "KA123456A", "KA123456A");
    valid("valid, GA: GB is never issued, GA is", "GA123456A", "GA123456A");
    valid("valid, BA: BG is never issued, BA is", "BA123456A", "BA123456A");
    valid("valid, TA: only TN of the T prefixes is never issued", "TA123456A", "TA123456A");

    QTest::newRow("missing: nothing given is 'no number yet'")
        << QString() << NinoVerdict::Missing << QString()
        << QStringLiteral("No National Insurance number has been given yet.");
    QTest::newRow("missing: only spaces is 'no number yet'")
        << QStringLiteral("   ") << NinoVerdict::Missing << QString()
        << QStringLiteral("No National Insurance number has been given yet.");

    QTest::newRow("temporary: TN 01 02 80 M, a date of birth and M")
        << QStringLiteral("TN 01 02 80 M") << NinoVerdict::Temporary << QStringLiteral("TN010280M")
        << datedReference("TN 01 02 80 M");
    QTest::newRow("temporary: tn010280f, lower case, F")
        << QStringLiteral("tn010280f") << NinoVerdict::Temporary << QStringLiteral("TN010280F")
        << datedReference("TN 01 02 80 F");
    QTest::newRow("temporary: born 29 February 2000") << QStringLiteral("TN 29 02 00 F") << NinoVerdict::Temporary
                                                      << QStringLiteral("TN290200F") << datedReference("TN 29 02 00 F");
    QTest::newRow("temporary: TN with a day that does not exist is still a TN reference")
        << QStringLiteral("TN 31 02 80 M") << NinoVerdict::Temporary << QStringLiteral("TN310280M") << kOtherReference;
    QTest::newRow("temporary: TN with a suffix A to D, the shape of a number")
        << QStringLiteral("TN 12 34 56 C") << NinoVerdict::Temporary << QStringLiteral("TN123456C") << kOtherReference;
    QTest::newRow("temporary: TN alone") << QStringLiteral("tn") << NinoVerdict::Temporary << QStringLiteral("TN")
                                         << kOtherReference;

    const auto invalid = [](const char *name, const char *text, const char *normalised, const QString &problem) {
        QTest::newRow(name) << QString::fromUtf8(text) << NinoVerdict::Invalid << QString::fromUtf8(normalised)
                            << problem;
    };
    invalid("invalid: QQ 12 34 56 C, HMRC's own example of the format", "QQ 12 34 56 C", "QQ123456C", firstLetter("Q"));
    invalid("invalid: D is never the first letter", "DA123456A", "DA123456A", firstLetter("D"));
    invalid("invalid: F is never the first letter", "FA123456A", "FA123456A", firstLetter("F"));
    invalid("invalid: I is never the first letter", "IA123456A", "IA123456A", firstLetter("I"));
    invalid("invalid: U is never the first letter", "UA123456A", "UA123456A", firstLetter("U"));
    invalid("invalid: V is never the first letter", "VA123456A", "VA123456A", firstLetter("V"));
    invalid("invalid: D is never the second letter", "AD123456A", "AD123456A", secondLetter("D"));
    invalid("invalid: F is never the second letter", "AF123456A", "AF123456A", secondLetter("F"));
    invalid("invalid: I is never the second letter", "AI123456A", "AI123456A", secondLetter("I"));
    invalid("invalid: O is never the second letter", "AO123456A", "AO123456A", secondLetter("O"));
    invalid("invalid: Q is never the second letter", "AQ123456A", "AQ123456A", secondLetter("Q"));
    invalid("invalid: U is never the second letter", "AU123456A", "AU123456A", secondLetter("U"));
    invalid("invalid: V is never the second letter", "AV123456A", "AV123456A", secondLetter("V"));
    invalid("invalid: prefix BG is never issued", "BG123456A", "BG123456A", unusedPrefix("BG"));
    invalid("invalid: prefix GB is never issued", "gb 12 34 56 a", "GB123456A", unusedPrefix("GB"));
    invalid("invalid: prefix KN is never issued", "KN123456A", "KN123456A", unusedPrefix("KN"));
    invalid("invalid: prefix NK is never issued", "NK123456A", "NK123456A", unusedPrefix("NK"));
    invalid("invalid: prefix NT is never issued", "NT123456A", "NT123456A", unusedPrefix("NT"));
    invalid("invalid: prefix ZZ is never issued", "ZZ123456A", "ZZ123456A", unusedPrefix("ZZ"));
    invalid("invalid: suffix E", "AB123456E", "AB123456E",
            QStringLiteral("The National Insurance number cannot end in E: its last letter is always A, B, C or D."));
    invalid("invalid: suffix M, as in a TN reference", "AB123456M", "AB123456M",
            QStringLiteral("The National Insurance number cannot end in M: its last letter is always A, B, C or D."));
    invalid("invalid: no suffix letter", "AB123456", "AB123456", QString::fromUtf8(kShape));
    invalid("invalid: seven digits", "AB1234567C", "AB1234567C", QString::fromUtf8(kShape));
    invalid("invalid: five digits", "AB12345C", "AB12345C", QString::fromUtf8(kShape));
    invalid("invalid: one prefix letter", "A1234567C", "A1234567C", QString::fromUtf8(kShape));
    invalid("invalid: a letter among the digits", "AB12O456C", "AB12O456C", QString::fromUtf8(kShape));
    invalid("invalid: a digit for the suffix", "AB1234560", "AB1234560", QString::fromUtf8(kShape));
    invalid("invalid: hyphens are not spaces", "AB-12-34-56-C", "AB-12-34-56-C", QString::fromUtf8(kShape));
    invalid("invalid: an accented letter", "ÁB123456C", "ÁB123456C", QString::fromUtf8(kShape));
}

void TestNino::numbers()
{
    QFETCH(QString, text);
    QFETCH(NinoVerdict, verdict);
    QFETCH(QString, normalised);
    QFETCH(QString, problem);

    const NinoCheck c = checkNationalInsuranceNumber(text);
    QCOMPARE(c.normalised, normalised);
    QCOMPARE(c.problem, problem);
    QCOMPARE(c.verdict, verdict);
}

void TestNino::formatting_data()
{
    QTest::addColumn<QString>("normalised");
    QTest::addColumn<QString>("shown");
    QTest::newRow("a number in HMRC's pairs") << QStringLiteral("AB123456C") << QStringLiteral("AB 12 34 56 C");
    QTest::newRow("a TN reference the same way") << QStringLiteral("TN010280M") << QStringLiteral("TN 01 02 80 M");
    QTest::newRow("too short to split: as it is") << QStringLiteral("AB12") << QStringLiteral("AB12");
    QTest::newRow("nothing: nothing") << QString() << QString();
}

void TestNino::formatting()
{
    QFETCH(QString, normalised);
    QFETCH(QString, shown);
    QCOMPARE(formatNationalInsuranceNumber(normalised), shown);
}

QTEST_GUILESS_MAIN(TestNino)
#include "tst_nino.moc"
