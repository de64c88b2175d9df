// UK VAT registration numbers as tables: both of HMRC's check-digit schemes, branch numbers,
// government departments and health authorities, the GB and XI prefixes, and what is wrong when
// a number fails.
//
// Every number's check digits were worked out by hand: the first seven digits weighted 8 down to
// 2, plus the last two as a number, e.g. 980 7806 84: 72+56+0+35+32+0+12 = 207, + 84 = 291 = 3 × 97.
// GB 980 7806 84 is the number the work was asked with, as HMRC's own; Tesco's and Amazon's are as
// they print them on receipts and invoices, from memory: their check digits are confirmed here,
// their owners are not. The 2010-scheme numbers are made up, as no published one was at hand.
#include "domain/VatNumber.h"

#include <QTest>

using namespace ibc::models;

Q_DECLARE_METATYPE(ibc::models::VatVerdict)
Q_DECLARE_METATYPE(ibc::models::VatNumberKind)
Q_DECLARE_METATYPE(ibc::models::VatCheckDigits)

namespace {

const char *const kShape = "The VAT registration number must be nine digits, or twelve with a branch number, with GB "
                           "or XI in front or not; or GD or HA and three digits.";

QString wrongCheckDigits(const char *normalised)
{
    return QStringLiteral("The VAT registration number %1 has check digits that do not match the rest: it is "
                          "probably mistyped.")
        .arg(QLatin1String(normalised));
}

} // namespace

class TestVatNumber : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void numbers_data();
    void numbers();
};

void TestVatNumber::numbers_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<VatVerdict>("verdict");
    QTest::addColumn<VatNumberKind>("kind");
    QTest::addColumn<VatCheckDigits>("checkDigits");
    QTest::addColumn<QString>("normalised");
    QTest::addColumn<QString>("problem");

    using K = VatNumberKind;
    using D = VatCheckDigits;
    const auto valid = [](const char *name, const char *text, K kind, D digits, const char *normalised) {
        QTest::newRow(name) << QString::fromUtf8(text) << VatVerdict::Valid << kind << digits
                            << QString::fromUtf8(normalised) << QString();
    };
    // 207 + 84 = 291 = 3 × 97
    valid("GB 980 7806 84, as printed (first scheme)", "GB 980 7806 84", K::Standard, D::Mod97, "GB980780684");
    valid("980780684 without GB", "980780684", K::Standard, D::Mod97, "980780684");
    valid("gb980780684, lower case", "gb980780684", K::Standard, D::Mod97, "GB980780684");
    // Tesco Stores Ltd: 16+14+0+20+12+0+4 = 66, + 31 = 97
    valid("GB 220 4302 31, Tesco's (first scheme)", "GB 220 4302 31", K::Standard, D::Mod97, "GB220430231");
    // Amazon's UK number: 56+14+42+10+20+15+16 = 173, + 21 = 194 = 2 × 97
    valid("GB 727 2558 21, Amazon's (first scheme)", "GB727 2558 21", K::Standard, D::Mod97, "GB727255821");
    // Made up: 8+14+18+20+20+18+14 = 112; + 27 + 55 = 194 = 2 × 97
    valid("GB 123 4567 27, the 2010 scheme: 55 added", "GB 123 4567 27", K::Standard, D::Mod9755, "GB123456727");
    // The same seven digits under the first scheme: 112 + 82 = 194
    valid("GB 123 4567 82, the same digits under the first scheme", "123 4567 82", K::Standard, D::Mod97, "123456782");
    // Made up: 0+7+12+15+16+15+12 = 77, + 20 = 97
    valid("a number below 100 000 000 under the first scheme", "012 3456 20", K::Standard, D::Mod97, "012345620");
    valid("XI for Northern Ireland", "XI 980 7806 84", K::Standard, D::Mod97, "XI980780684");
    valid("a branch: nine digits and 001", "GB 980 7806 84 001", K::Branch, D::Mod97, "GB980780684001");
    valid("a branch of a 2010-scheme number", "123456727999", K::Branch, D::Mod9755, "123456727999");
    valid("government department GD000", "GD000", K::GovernmentDepartment, D::None, "GD000");
    valid("government department GD499 with GB", "GBGD499", K::GovernmentDepartment, D::None, "GBGD499");
    valid("government department, lower case and spaces", "gb gd 123", K::GovernmentDepartment, D::None, "GBGD123");
    valid("health authority HA500", "HA500", K::HealthAuthority, D::None, "HA500");
    valid("health authority HA999 with GB", "GB HA999", K::HealthAuthority, D::None, "GBHA999");

    QTest::newRow("missing: nothing given") << QString() << VatVerdict::Missing << K::Standard << D::None << QString()
                                            << QStringLiteral("No VAT registration number has been given.");
    QTest::newRow("missing: only spaces") << QStringLiteral("   ") << VatVerdict::Missing << K::Standard << D::None
                                          << QString() << QStringLiteral("No VAT registration number has been given.");

    const auto invalid = [](const char *name, const char *text, K kind, const char *normalised,
                            const QString &problem) {
        QTest::newRow(name) << QString::fromUtf8(text) << VatVerdict::Invalid << kind << D::None
                            << QString::fromUtf8(normalised) << problem;
    };
    invalid("check digits: the last digit mistyped", "GB 980 7806 85", K::Standard, "GB980780685",
            wrongCheckDigits("GB980780685"));
    invalid("check digits: two digits swapped", "GB 980 7608 84", K::Standard, "GB980760884",
            wrongCheckDigits("GB980760884"));
    invalid("check digits: 123456789", "123456789", K::Standard, "123456789", wrongCheckDigits("123456789"));
    // 77 + 62 + 55 = 194: the 2010 scheme, but numbers below 100 000 000 were never issued under it
    invalid("check digits: the 2010 scheme below 100 000 000", "012345662", K::Standard, "012345662",
            wrongCheckDigits("012345662"));
    invalid("check digits: a branch number whose first nine fail", "GB 980 7806 85 001", K::Branch, "GB980780685001",
            wrongCheckDigits("GB980780685001"));
    invalid("all noughts, which pass the first scheme", "GB 000 0000 00", K::Standard, "GB000000000",
            QStringLiteral("The VAT registration number GB000000000 is all noughts, which HMRC never issues: ask for "
                           "the real number."));
    invalid("GD500 is past the government departments", "GD500", K::GovernmentDepartment, "GD500",
            QStringLiteral("The VAT registration number GD500 cannot exist: government departments are numbered GD000 "
                           "to GD499."));
    invalid("HA499 is before the health authorities", "GBHA499", K::HealthAuthority, "GBHA499",
            QStringLiteral("The VAT registration number GBHA499 cannot exist: health authorities are numbered HA500 to "
                           "HA999."));
    invalid("shape: eight digits", "GB 980 7806 8", K::Standard, "GB98078068", QString::fromUtf8(kShape));
    invalid("shape: ten digits", "9807806841", K::Standard, "9807806841", QString::fromUtf8(kShape));
    invalid("shape: eleven digits", "98078068400", K::Standard, "98078068400", QString::fromUtf8(kShape));
    invalid("shape: a letter O for a nought", "GB98O780684", K::Standard, "GB98O780684", QString::fromUtf8(kShape));
    invalid("shape: another country's prefix", "DE980780684", K::Standard, "DE980780684", QString::fromUtf8(kShape));
    invalid("shape: GB alone", "GB", K::Standard, "GB", QString::fromUtf8(kShape));
    invalid("shape: GD and two digits", "GD12", K::Standard, "GD12", QString::fromUtf8(kShape));
    invalid("shape: GD and four digits", "GD0001", K::Standard, "GD0001", QString::fromUtf8(kShape));
    invalid("shape: hyphens are not spaces", "GB-980-7806-84", K::Standard, "GB-980-7806-84",
            QString::fromUtf8(kShape));
}

void TestVatNumber::numbers()
{
    QFETCH(QString, text);
    QFETCH(VatVerdict, verdict);
    QFETCH(VatNumberKind, kind);
    QFETCH(VatCheckDigits, checkDigits);
    QFETCH(QString, normalised);
    QFETCH(QString, problem);

    const VatCheck c = checkVatNumber(text);
    QCOMPARE(c.normalised, normalised);
    QCOMPARE(c.problem, problem);
    QCOMPARE(c.verdict, verdict);
    QCOMPARE(c.kind, kind);
    QCOMPARE(c.checkDigits, checkDigits);
}

QTEST_GUILESS_MAIN(TestVatNumber)
#include "tst_vatnumber.moc"
