// PAYE tax codes as tables: every format HMRC issues, with the S and C prefixes and the ways
// people and payroll software write the week 1/month 1 marker, each with the words the desk shows;
// then codes that do not exist, each with the sentence that says why.
#include "domain/TaxCode.h"

#include <QTest>
#include <QTranslator>

using namespace ibc::models;

Q_DECLARE_METATYPE(ibc::models::TaxCodeVerdict)
Q_DECLARE_METATYPE(ibc::models::TaxRegion)

namespace {

QString notACode(const char *typed)
{
    return QStringLiteral("The tax code %1 is not one HMRC uses: a tax code is a number and L, M, N or T (like "
                          "1257L), K and a number (like K475), or BR, D0, D1, NT or 0T, with S or C in front for "
                          "Scotland or Wales.")
        .arg(QLatin1String(typed));
}

} // namespace

class TestTaxCode : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void validCodes_data();
    void validCodes();
    void invalidCodes_data();
    void invalidCodes();
    void inWelsh_data();
    void inWelsh();
};

void TestTaxCode::validCodes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("normalised");
    QTest::addColumn<TaxRegion>("region");
    QTest::addColumn<bool>("cumulative");
    QTest::addColumn<QString>("explanation");

    using R = TaxRegion;
    const auto row = [](const char *name, const char *text, const char *normalised, R region, bool cumulative,
                        const char *explanation) {
        QTest::newRow(name) << QString::fromUtf8(text) << QString::fromUtf8(normalised) << region << cumulative
                            << QString::fromUtf8(explanation);
    };
    const R E = R::EnglandAndNorthernIreland;

    row("1257L, the usual code", "1257L", "1257L", E, true,
        "1257L: tax-free personal allowance of £12,570; cumulative");
    row("1257l, lower case", "1257l", "1257L", E, true, "1257L: tax-free personal allowance of £12,570; cumulative");
    row("spaces around and inside", " 12 57 L ", "1257L", E, true,
        "1257L: tax-free personal allowance of £12,570; cumulative");
    row("1L, the smallest number", "1L", "1L", E, true, "1L: tax-free personal allowance of £10; cumulative");
    row("999999L, six digits", "999999L", "999999L", E, true,
        "999999L: tax-free personal allowance of £9,999,990; cumulative");
    row("1383M: Marriage Allowance received", "1383M", "1383M", E, true,
        "1383M: tax-free personal allowance of £13,830, including Marriage Allowance received from a spouse or civil "
        "partner; cumulative");
    row("1131N: Marriage Allowance transferred", "1131N", "1131N", E, true,
        "1131N: tax-free personal allowance of £11,310, less Marriage Allowance transferred to a spouse or civil "
        "partner; cumulative");
    row("1100T: items for HMRC to review", "1100T", "1100T", E, true,
        "1100T: tax-free allowance of £11,000, worked out with other items HMRC needs to review; cumulative");
    row("S1257L, Scotland", "S1257L", "S1257L", R::Scotland, true,
        "S1257L: Scottish taxpayer; tax-free personal allowance of £12,570; cumulative");
    row("C1257L, Wales", "c1257l", "C1257L", R::Wales, true,
        "C1257L: Welsh taxpayer; tax-free personal allowance of £12,570; cumulative");
    row("S1383M, Scotland with Marriage Allowance received", "S1383M", "S1383M", R::Scotland, true,
        "S1383M: Scottish taxpayer; tax-free personal allowance of £13,830, including Marriage Allowance received "
        "from a spouse or civil partner; cumulative");
    row("K475, a K code", "K475", "K475", E, true, "K475: £4,750 added to taxable pay; cumulative");
    row("K1, the smallest K code", "K1", "K1", E, true, "K1: £10 added to taxable pay; cumulative");
    row("SK475, a Scottish K code", "SK475", "SK475", R::Scotland, true,
        "SK475: Scottish taxpayer; £4,750 added to taxable pay; cumulative");
    row("CK475, a Welsh K code", "C K475", "CK475", R::Wales, true,
        "CK475: Welsh taxpayer; £4,750 added to taxable pay; cumulative");
    row("BR, basic rate on everything", "BR", "BR", E, true,
        "BR: all pay from this job taxed at the basic rate, with no tax-free allowance");
    row("SBR, Scotland", "SBR", "SBR", R::Scotland, true,
        "SBR: Scottish taxpayer; all pay from this job taxed at the basic rate, with no tax-free allowance");
    row("CBR, Wales", "cbr", "CBR", R::Wales, true,
        "CBR: Welsh taxpayer; all pay from this job taxed at the basic rate, with no tax-free allowance");
    row("D0, higher rate", "D0", "D0", E, true,
        "D0: all pay from this job taxed at the higher rate, with no tax-free allowance");
    row("D1, additional rate", "D1", "D1", E, true,
        "D1: all pay from this job taxed at the additional rate, with no tax-free allowance");
    row("SD0, Scotland's intermediate rate", "SD0", "SD0", R::Scotland, true,
        "SD0: Scottish taxpayer; all pay from this job taxed at the intermediate rate, with no tax-free allowance");
    row("SD1, Scotland's higher rate", "SD1", "SD1", R::Scotland, true,
        "SD1: Scottish taxpayer; all pay from this job taxed at the higher rate, with no tax-free allowance");
    row("SD2, Scotland's advanced rate", "SD2", "SD2", R::Scotland, true,
        "SD2: Scottish taxpayer; all pay from this job taxed at the advanced rate, with no tax-free allowance");
    row("SD3, Scotland's top rate", "SD3", "SD3", R::Scotland, true,
        "SD3: Scottish taxpayer; all pay from this job taxed at the top rate, with no tax-free allowance");
    row("SD4, a Scottish band not yet named", "SD4", "SD4", R::Scotland, true,
        "SD4: Scottish taxpayer; all pay from this job taxed at the rate of band D4, with no tax-free allowance");
    row("SD8, the last Scottish band", "sd8", "SD8", R::Scotland, true,
        "SD8: Scottish taxpayer; all pay from this job taxed at the rate of band D8, with no tax-free allowance");
    row("CD0, Wales's higher rate", "CD0", "CD0", R::Wales, true,
        "CD0: Welsh taxpayer; all pay from this job taxed at the higher rate, with no tax-free allowance");
    row("CD1, Wales's additional rate", "CD1", "CD1", R::Wales, true,
        "CD1: Welsh taxpayer; all pay from this job taxed at the additional rate, with no tax-free allowance");
    row("NT, no tax", "NT", "NT", E, true, "NT: no tax taken from pay from this job");
    row("SNT, Scotland", "SNT", "SNT", R::Scotland, true,
        "SNT: Scottish taxpayer; no tax taken from pay from this job");
    row("CNT, Wales", "CNT", "CNT", R::Wales, true, "CNT: Welsh taxpayer; no tax taken from pay from this job");
    row("0T, no allowance", "0T", "0T", E, true,
        "0T: no tax-free allowance, so all pay from this job is taxed at the usual rates; cumulative");
    row("S0T, Scotland", "S0T", "S0T", R::Scotland, true,
        "S0T: Scottish taxpayer; no tax-free allowance, so all pay from this job is taxed at the usual rates; "
        "cumulative");
    row("C0T, Wales", "C0T", "C0T", R::Wales, true,
        "C0T: Welsh taxpayer; no tax-free allowance, so all pay from this job is taxed at the usual rates; "
        "cumulative");

    const char *const k1257W1 = "1257L W1: tax-free personal allowance of £12,570; non-cumulative (week 1/month 1)";
    const char *const k1257M1 = "1257L M1: tax-free personal allowance of £12,570; non-cumulative (week 1/month 1)";
    const char *const k1257X = "1257L X: tax-free personal allowance of £12,570; non-cumulative (week 1/month 1)";
    const char *const k1257Both =
        "1257L W1/M1: tax-free personal allowance of £12,570; non-cumulative (week 1/month 1)";
    row("marker: 1257L W1, as HMRC writes it", "1257L W1", "1257L W1", E, false, k1257W1);
    row("marker: 1257LW1, run together", "1257LW1", "1257L W1", E, false, k1257W1);
    row("marker: 1257L/W1, with a slash", "1257l/w1", "1257L W1", E, false, k1257W1);
    row("marker: 1257L M1", "1257L M1", "1257L M1", E, false, k1257M1);
    row("marker: 1257LM1, run together", "1257LM1", "1257L M1", E, false, k1257M1);
    row("marker: 1257L/M1, with a slash", "1257L/M1", "1257L M1", E, false, k1257M1);
    row("marker: 1257L X, as on an RTI return", "1257L X", "1257L X", E, false, k1257X);
    row("marker: 1257LX, run together", "1257LX", "1257L X", E, false, k1257X);
    row("marker: 1257L/X, with a slash", "1257L/X", "1257L X", E, false, k1257X);
    row("marker: 1257L W1/M1", "1257L W1/M1", "1257L W1/M1", E, false, k1257Both);
    row("marker: 1257L W1 M1, spaced", "1257L W1 M1", "1257L W1/M1", E, false, k1257Both);
    row("marker: 1257L/W1/M1", "1257L/W1/M1", "1257L W1/M1", E, false, k1257Both);
    row("marker: S1257L W1, Scotland, non-cumulative", "S1257L W1", "S1257L W1", R::Scotland, false,
        "S1257L W1: Scottish taxpayer; tax-free personal allowance of £12,570; non-cumulative (week 1/month 1)");
    row("marker: C1257L M1, Wales, non-cumulative", "C1257LM1", "C1257L M1", R::Wales, false,
        "C1257L M1: Welsh taxpayer; tax-free personal allowance of £12,570; non-cumulative (week 1/month 1)");
    row("marker: K475 W1", "K475 W1", "K475 W1", E, false,
        "K475 W1: £4,750 added to taxable pay; non-cumulative (week 1/month 1)");
    row("marker: 0T M1", "0TM1", "0T M1", E, false,
        "0T M1: no tax-free allowance, so all pay from this job is taxed at the usual rates; non-cumulative (week "
        "1/month 1)");
    row("marker: BR W1 says so, though BR is the same either way", "BR W1", "BR W1", E, false,
        "BR W1: all pay from this job taxed at the basic rate, with no tax-free allowance; non-cumulative (week "
        "1/month 1)");
    row("marker: NTX", "NTX", "NT X", E, false,
        "NT X: no tax taken from pay from this job; non-cumulative (week "
        "1/month 1)");
    row("marker: SD1 M1", "SD1/M1", "SD1 M1", R::Scotland, false,
        "SD1 M1: Scottish taxpayer; all pay from this job taxed at the higher rate, with no tax-free allowance; "
        "non-cumulative (week 1/month 1)");
}

void TestTaxCode::validCodes()
{
    QFETCH(QString, text);
    QFETCH(QString, normalised);
    QFETCH(TaxRegion, region);
    QFETCH(bool, cumulative);
    QFETCH(QString, explanation);

    const TaxCodeCheck c = checkTaxCode(text);
    QCOMPARE(c.problem, QString());
    QCOMPARE(c.verdict, TaxCodeVerdict::Valid);
    QCOMPARE(c.normalised, normalised);
    QCOMPARE(c.explanation, explanation);
    QCOMPARE(c.region, region);
    QCOMPARE(c.cumulative, cumulative);
}

void TestTaxCode::invalidCodes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<TaxCodeVerdict>("verdict");
    QTest::addColumn<QString>("normalised");
    QTest::addColumn<QString>("problem");

    const auto row = [](const char *name, const char *text, const char *normalised, const QString &problem) {
        QTest::newRow(name) << QString::fromUtf8(text) << TaxCodeVerdict::Invalid << QString::fromUtf8(normalised)
                            << problem;
    };
    QTest::newRow("missing: nothing given")
        << QString() << TaxCodeVerdict::Missing << QString() << QStringLiteral("No tax code has been given.");
    QTest::newRow("missing: only spaces") << QStringLiteral("  ") << TaxCodeVerdict::Missing << QString()
                                          << QStringLiteral("No tax code has been given.");
    row("a number with no letter", "1257", "1257",
        QStringLiteral("The tax code 1257 has no letter after its number: it ends in L, M, N or T, like 1257L."));
    row("a number and W1 but no letter", "1257 W1", "1257W1",
        QStringLiteral("The tax code 1257W1 has no letter after its number: it ends in L, M, N or T, like 1257L."));
    row("a letter that is not a tax code letter", "1257Q", "1257Q",
        QStringLiteral("The tax code 1257Q ends in Q, which is not a tax code letter: the number is followed by L, "
                       "M, N or T."));
    row("Y, an age-related allowance letter gone since 2016", "1257Y", "1257Y",
        QStringLiteral("The tax code 1257Y ends in Y, a letter HMRC no longer uses: it marked the age-related "
                       "allowances, which ended in 2016."));
    row("P, an age-related allowance letter gone since 2016", "1060P", "1060P",
        QStringLiteral("The tax code 1060P ends in P, a letter HMRC no longer uses: it marked the age-related "
                       "allowances, which ended in 2016."));
    row("V, an age-related allowance letter gone since 2016", "S1060v", "S1060V",
        QStringLiteral("The tax code S1060V ends in V, a letter HMRC no longer uses: it marked the age-related "
                       "allowances, which ended in 2016."));
    row("seven digits", "1234567L", "1234567L", QStringLiteral("The tax code 1234567L has more than six digits."));
    row("a K code of seven digits", "K1234567", "K1234567",
        QStringLiteral("The tax code K1234567 has more than six digits."));
    row("K alone", "K", "K",
        QStringLiteral("The tax code K has no amount: a K code is K and a number from 1 up, like "
                       "K475."));
    row("K0", "SK0", "SK0",
        QStringLiteral("The tax code SK0 has no amount: a K code is K and a number from 1 up, "
                       "like K475."));
    row("a K code with a nought in front", "K0475", "K0475", notACode("K0475"));
    row("a K code with a letter after", "K475L", "K475L", notACode("K475L"));
    row("0L: only 0T has no allowance", "0L", "0L", notACode("0L"));
    row("a number with a nought in front", "01257L", "01257L", notACode("01257L"));
    row("D2 outside Scotland", "D2", "D2",
        QStringLiteral("The tax code D2 does not exist: outside Scotland the D codes are D0 and D1 (and CD0 and CD1 "
                       "in Wales)."));
    row("D9 outside Scotland", "D9", "D9",
        QStringLiteral("The tax code D9 does not exist: outside Scotland the D codes are D0 and D1 (and CD0 and CD1 "
                       "in Wales)."));
    row("SD9, past Scotland's bands", "SD9", "SD9",
        QStringLiteral("The tax code SD9 does not exist: Scottish D codes run from SD0 to SD8."));
    row("CD2, past the Welsh bands", "CD2", "CD2",
        QStringLiteral("The tax code CD2 does not exist: the Welsh D codes are CD0 and CD1."));
    row("CD8, a Scottish band with a Welsh prefix", "CD8 W1", "CD8W1",
        QStringLiteral("The tax code CD8W1 does not exist: the Welsh D codes are CD0 and CD1."));
    row("D alone", "D", "D", notACode("D"));
    row("D10", "D10", "D10", notACode("D10"));
    row("W1 alone", "W1", "W1",
        QStringLiteral("The tax code W1 is only a week 1/month 1 marker: the code itself is missing."));
    row("X alone", "x", "X",
        QStringLiteral("The tax code X is only a week 1/month 1 marker: the code itself is "
                       "missing."));
    row("W1/M1 alone", "W1/M1", "W1/M1",
        QStringLiteral("The tax code W1/M1 is only a week 1/month 1 marker: the code itself is missing."));
    row("S alone", "S", "S", notACode("S"));
    row("two prefixes", "SC1257L", "SC1257L", notACode("SC1257L"));
    row("BR1", "BR1", "BR1", notACode("BR1"));
    row("NT1", "NT1", "NT1", notACode("NT1"));
    row("W2 is not a marker", "1257L W2", "1257LW2", notACode("1257LW2"));
    row("a slash and no marker", "1257L/", "1257L/", notACode("1257L/"));
    row("a hyphen inside", "1257-L", "1257-L", notACode("1257-L"));
    row("a word", "emergency", "EMERGENCY", notACode("EMERGENCY"));
}

void TestTaxCode::invalidCodes()
{
    QFETCH(QString, text);
    QFETCH(TaxCodeVerdict, verdict);
    QFETCH(QString, normalised);
    QFETCH(QString, problem);

    const TaxCodeCheck c = checkTaxCode(text);
    QCOMPARE(c.problem, problem);
    QCOMPARE(c.verdict, verdict);
    QCOMPARE(c.normalised, normalised);
    QCOMPARE(c.explanation, QString());
}

// The desk reads the codes in Welsh too: the explanation is put together from translated parts.
void TestTaxCode::inWelsh_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("words");

    QTest::newRow("S1257L W1 explained in Welsh")
        << QStringLiteral("S1257L W1")
        << QStringLiteral("S1257L W1: trethdalwr yn yr Alban; lwfans personol di-dreth o £12,570; anghronnus (wythnos "
                          "1/mis 1)");
    QTest::newRow("BR explained in Welsh")
        << QStringLiteral("BR")
        << QStringLiteral("BR: yr holl gyflog o'r swydd hon yn cael ei drethu ar y gyfradd sylfaenol, heb lwfans "
                          "di-dreth");
    QTest::newRow("K475 explained in Welsh")
        << QStringLiteral("K475") << QStringLiteral("K475: £4,750 wedi'i ychwanegu at y cyflog trethadwy; cronnus");
    QTest::newRow("1257Q's problem in Welsh")
        << QStringLiteral("1257Q")
        << QStringLiteral("Mae'r cod treth 1257Q yn gorffen gyda Q, nad yw'n llythyren cod treth: daw L, M, N neu T ar "
                          "ôl y rhif.");
}

void TestTaxCode::inWelsh()
{
    QFETCH(QString, text);
    QFETCH(QString, words);

    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral(IBC_QM_DIR "/ibc-desk_cy.qm")));
    QCoreApplication::installTranslator(&translator);
    const TaxCodeCheck c = checkTaxCode(text);
    QCoreApplication::removeTranslator(&translator);
    QCOMPARE(c.verdict == TaxCodeVerdict::Valid ? c.explanation : c.problem, words);
}

QTEST_GUILESS_MAIN(TestTaxCode)
#include "tst_taxcode.moc"
