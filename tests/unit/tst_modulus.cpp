// Sort codes and account numbers by VocaLink's "Validating account numbers: UK modulus checking"
// v7.70, as tables: every test case of its chapter 3 (1 to 34, one or more for every exception),
// the worked examples of sections 1.3.3, 1.3.4 and exception 14, the sort code substitution
// table, the nonstandard account numbers of section 2.1.2, and tables that cannot be read.
//
// The expected verdicts are the specification's "valid flag"; test case 13 (exception 6, a
// foreign-currency account) is flagged valid because it cannot be checked, so it is NotCheckable.
#include "domain/ModulusCheck.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace ibc::models;

Q_DECLARE_METATYPE(ibc::models::ModulusVerdict)
Q_DECLARE_METATYPE(ibc::models::TenDigitAccount)

namespace {

// As the sentences show an account number: its last four digits.
QString masked(const char *account)
{
    const QString a = QLatin1String(account);
    return a.size() > 4 ? QString(a.size() - 4, QChar(0x2022)) + a.right(4) : a;
}

QString couldExist(const char *account, const char *sortCode)
{
    return QStringLiteral("The account number %1 could exist at sort code %2: it passes the bank's modulus check.")
        .arg(masked(account), QLatin1String(sortCode));
}

QString cannotExist(const char *account, const char *sortCode)
{
    return QStringLiteral("The account number %1 cannot exist at sort code %2: it fails the bank's modulus check. "
                          "Check both with the account holder.")
        .arg(masked(account), QLatin1String(sortCode));
}

QString notInTable(const char *sortCode, const char *account)
{
    return QStringLiteral("Sort code %1 has no modulus check, so the account number %2 could not be checked; it is "
                          "accepted as it stands.")
        .arg(QLatin1String(sortCode), masked(account));
}

QString foreignCurrency(const char *account, const char *sortCode)
{
    return QStringLiteral("The account number %1 at sort code %2 may be a foreign-currency account, which the "
                          "modulus check cannot test; it is accepted as it stands.")
        .arg(masked(account), QLatin1String(sortCode));
}

QString shown(const QString &six) { return six.left(2) + u'-' + six.mid(2, 2) + u'-' + six.mid(4); }

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    return f.readAll();
}

} // namespace

class TestModulus : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void specificationTestCases_data();
    void specificationTestCases();
    void workedExamples_data();
    void workedExamples();
    void substitutionTable_data();
    void substitutionTable();
    void nonstandardAccountNumbers_data();
    void nonstandardAccountNumbers();
    void badInput_data();
    void badInput();
    void shippedTablesAreVocaLinksV770();
    void badTableRowsNameFileAndLine_data();
    void badTableRowsNameFileAndLine();
    void loadsTablesFromAFolder();
    void loadNamesTheFileItCannotRead();
};

void TestModulus::specificationTestCases_data()
{
    QTest::addColumn<QString>("sortCode");
    QTest::addColumn<QString>("account");
    QTest::addColumn<ModulusVerdict>("verdict");

    const auto row = [](const char *name, const char *sortCode, const char *account, char flag) {
        QTest::newRow(name) << QString::fromLatin1(sortCode) << QString::fromLatin1(account)
                            << (flag == 'Y' ? ModulusVerdict::Valid : ModulusVerdict::Invalid);
    };
    // Chapter 3, "Test data and expected results", in its order and words.
    row("1: pass modulus 10 check", "089999", "66374958", 'Y');
    row("2: pass modulus 11 check", "107999", "88837491", 'Y');
    row("3: pass modulus 11 and double alternate checks", "202959", "63748472", 'Y');
    row("4: exception 10 & 11 where first check passes and second check fails", "871427", "46238510", 'Y');
    row("5: exception 10 & 11 where first check fails and second check passes", "872427", "46238510", 'Y');
    row("6: exception 10 where ab=09 and g=9; first check passes, second fails", "871427", "09123496", 'Y');
    row("7: exception 10 where ab=99 and g=9; first check passes, second fails", "871427", "99123496", 'Y');
    row("8: exception 3, start of a range; c=6 so the second check is ignored", "820000", "73688637", 'Y');
    row("9: exception 3, end of a range; c=9 so the second check is ignored", "827999", "73988638", 'Y');
    row("10: exception 3; c is not 6 or 9, both checks pass", "827101", "28748352", 'Y');
    row("11: exception 4 where the remainder is equal to the checkdigit", "134020", "63849203", 'Y');
    row("12: exception 1, 27 added to the total, passes double alternate", "118765", "64371389", 'Y');
    // 13 is below: exception 6, a foreign-currency account, cannot be checked.
    row("14: exception 5 where the check passes", "938611", "07806039", 'Y');
    row("15: exception 5 where the check passes with substitution", "938600", "42368003", 'Y');
    row("16: exception 5 where both checks produce a remainder of 0 and pass", "938063", "55065200", 'Y');
    row("17: exception 7 where passes but would fail the standard check", "772798", "99345694", 'Y');
    row("18: exception 8 where the check passes", "086090", "06774744", 'Y');
    row("19: exception 2 & 9 where the first check passes", "309070", "02355688", 'Y');
    row("20: exception 2 & 9 where the first fails and the second passes with substitution", "309070", "12345668", 'Y');
    row("21: exception 2 & 9 where a<>0 and g<>9 and passes", "309070", "12345677", 'Y');
    row("22: exception 2 & 9 where a<>0 and g=9 and passes", "309070", "99345694", 'Y');
    row("23: exception 5 where the first checkdigit is correct and the second incorrect", "938063", "15764273", 'N');
    row("24: exception 5 where the first checkdigit is incorrect and the second correct", "938063", "15764264", 'N');
    row("25: exception 5 where the first checkdigit is incorrect with a remainder of 1", "938063", "15763217", 'N');
    row("26: exception 1 where it fails double alternate check", "118765", "64371388", 'N');
    row("27: pass modulus 11 check and fail double alternate check", "203099", "66831036", 'N');
    row("28: fail modulus 11 check and pass double alternate check", "203099", "58716970", 'N');
    row("29: fail modulus 10 check", "089999", "66374959", 'N');
    row("30: fail modulus 11 check", "107999", "88837493", 'N');
    row("31: exception 12/13 where passes modulus 11 (modulus 10 would fail)", "074456", "12345112", 'Y');
    row("32: exception 12/13 where passes modulus 11 (modulus 10 would pass too)", "070116", "34012583", 'Y');
    row("33: exception 12/13 where fails the modulus 11 check but passes modulus 10", "074456", "11104102", 'Y');
    row("34: exception 14 where the first check fails and the second check passes", "180002", "00000190", 'Y');
    QTest::newRow("13: exception 6, fails the standard check but is a foreign currency account")
        << QStringLiteral("200915") << QStringLiteral("41011166") << ModulusVerdict::NotCheckable;
}

void TestModulus::specificationTestCases()
{
    QFETCH(QString, sortCode);
    QFETCH(QString, account);
    QFETCH(ModulusVerdict, verdict);

    const ModulusResult r = ModulusChecker::shipped().check(sortCode, account);
    QCOMPARE(r.sortCode, sortCode);
    QCOMPARE(r.accountNumber, account);
    const QByteArray a = account.toLatin1(), s = shown(sortCode).toLatin1();
    switch (verdict) {
    case ModulusVerdict::Valid: QCOMPARE(r.message, couldExist(a.constData(), s.constData())); break;
    case ModulusVerdict::Invalid: QCOMPARE(r.message, cannotExist(a.constData(), s.constData())); break;
    case ModulusVerdict::NotCheckable: QCOMPARE(r.message, foreignCurrency(a.constData(), s.constData())); break;
    }
    QCOMPARE(r.verdict, verdict);
    QCOMPARE(r.acceptable(), verdict != ModulusVerdict::Invalid);
}

// The worked examples, some at sort codes of their own: each is checked against a table holding
// just the row the example uses, so that the arithmetic shown in the specification is what passes.
void TestModulus::workedExamples_data()
{
    QTest::addColumn<QByteArray>("table");
    QTest::addColumn<QString>("sortCode");
    QTest::addColumn<QString>("account");
    QTest::addColumn<ModulusVerdict>("verdict");

    const QByteArray dblal =
        "499273 499273 DBLAL    2    1    2    1    2    1    2    1    2    1    2    1    2    1\n";
    const QByteArray mod11 =
        "000000 000000 MOD11    0    0    0    0    0    0    7    5    8    3    4    6    2    1\n";
    const QByteArray mod10 =
        "000000 000000 MOD10    0    0    0    0    0    0    7    5    8    3    4    6    2    1\n";
    const QByteArray coutts =
        "180002 180002 MOD11    0    0    0    0    0    0    8    7    6    5    4    3    2    1  14\n";
    const QByteArray noCoutts =
        "180002 180002 MOD11    0    0    0    0    0    0    8    7    6    5    4    3    2    1\n";

    // 1.3.3: 8+9+1+8+2+1+4+3+2+2+6+4+1+0+6+1+4+8 = 70, no remainder dividing by 10.
    QTest::newRow("1.3.3 double alternate: 499273 12345678 totals 70")
        << dblal << QStringLiteral("499273") << QStringLiteral("12345678") << ModulusVerdict::Valid;
    QTest::newRow("1.3.3 double alternate, last digit changed: 71")
        << dblal << QStringLiteral("499273") << QStringLiteral("12345679") << ModulusVerdict::Invalid;
    // 1.3.4: 35+40+8+21+28+36+6+2 = 176 = 16 × 11.
    QTest::newRow("1.3.4 standard 11: 000000 58177632 totals 176")
        << mod11 << QStringLiteral("000000") << QStringLiteral("58177632") << ModulusVerdict::Valid;
    QTest::newRow("1.3.4 the same total fails standard 10 (176 / 10 leaves 6)")
        << mod10 << QStringLiteral("000000") << QStringLiteral("58177632") << ModulusVerdict::Invalid;
    // Exception 14, example 1: 72+56+0+45+12+15+2+7 = 209 = 19 × 11, valid at the first check.
    QTest::newRow("exception 14 example 1: 180002 98093517 passes the first check")
        << coutts << QStringLiteral("180002") << QStringLiteral("98093517") << ModulusVerdict::Valid;
    // Example 2: 21 leaves 9; 00000019 gives 2+9 = 11, valid at the second.
    QTest::newRow("exception 14 example 2: 180002 00000190 passes the second check")
        << coutts << QStringLiteral("180002") << QStringLiteral("00000190") << ModulusVerdict::Valid;
    QTest::newRow("exception 14 example 2 without exception 14 fails")
        << noCoutts << QStringLiteral("180002") << QStringLiteral("00000190") << ModulusVerdict::Invalid;
    // 00000197: 21+7 leaves 6 at the first check; 7 is not 0, 1 or 9, so the second fails at once
    // (though 00000019 would pass it).
    QTest::newRow("exception 14: an eighth digit other than 0, 1 or 9 fails the second check")
        << coutts << QStringLiteral("180002") << QStringLiteral("00000197") << ModulusVerdict::Invalid;
    // 00000291: 6+18+1 = 25 leaves 3 at the first check; 00000029: 4+9 = 13 leaves 2 at the second.
    QTest::newRow("exception 14: an eighth digit of 1 whose second check fails")
        << coutts << QStringLiteral("180002") << QStringLiteral("00000291") << ModulusVerdict::Invalid;
}

void TestModulus::workedExamples()
{
    QFETCH(QByteArray, table);
    QFETCH(QString, sortCode);
    QFETCH(QString, account);
    QFETCH(ModulusVerdict, verdict);

    QString error;
    const std::optional<ModulusChecker> checker = ModulusChecker::parse(table, QByteArray(), &error);
    QVERIFY2(checker, qPrintable(error));
    QCOMPARE(checker->check(sortCode, account).verdict, verdict);
}

void TestModulus::substitutionTable_data()
{
    QTest::addColumn<QString>("sortCode");
    QTest::addColumn<QString>("account");
    QTest::addColumn<bool>("withSubstitutions");
    QTest::addColumn<ModulusVerdict>("verdict");

    // Test case 15 passes only when 938600 is checked as 938611: both of its checks depend on it
    // (modulus 11 leaves 6 as 938600, 0 as 938611; double alternate 4 and 7, and h is 3).
    QTest::newRow("938600 is checked as 938611: test case 15 passes")
        << QStringLiteral("938600") << QStringLiteral("42368003") << true << ModulusVerdict::Valid;
    QTest::newRow("without the substitution table test case 15 fails")
        << QStringLiteral("938600") << QStringLiteral("42368003") << false << ModulusVerdict::Invalid;
    // Test case 14's account at 938647, which is also checked as 938611.
    QTest::newRow("938647 is checked as 938611 too")
        << QStringLiteral("938647") << QStringLiteral("07806039") << true << ModulusVerdict::Valid;
    QTest::newRow("938647 without the substitution fails test case 14's account")
        << QStringLiteral("938647") << QStringLiteral("07806039") << false << ModulusVerdict::Invalid;
    // 938611 itself is not in the table: checked as it is.
    QTest::newRow("938611, not substituted, passes test case 14 either way")
        << QStringLiteral("938611") << QStringLiteral("07806039") << false << ModulusVerdict::Valid;
}

void TestModulus::substitutionTable()
{
    QFETCH(QString, sortCode);
    QFETCH(QString, account);
    QFETCH(bool, withSubstitutions);
    QFETCH(ModulusVerdict, verdict);

    const QByteArray weights = readFile(QStringLiteral(":/ibc/vocalink/valacdos.txt"));
    const QByteArray substitutions =
        withSubstitutions ? readFile(QStringLiteral(":/ibc/vocalink/scsubtab.txt")) : QByteArray();
    QString error;
    const std::optional<ModulusChecker> checker = ModulusChecker::parse(weights, substitutions, &error);
    QVERIFY2(checker, qPrintable(error));
    const ModulusResult r = checker->check(sortCode, account);
    QCOMPARE(r.sortCode, sortCode); // the result gives the sort code typed, not the one it was checked as
    QCOMPARE(r.verdict, verdict);
}

void TestModulus::nonstandardAccountNumbers_data()
{
    QTest::addColumn<QString>("sortCode");
    QTest::addColumn<QString>("account");
    QTest::addColumn<TenDigitAccount>("tenDigits");
    QTest::addColumn<ModulusVerdict>("verdict");
    QTest::addColumn<QString>("checkedSortCode");
    QTest::addColumn<QString>("checkedAccount");

    using T = TenDigitAccount;
    using V = ModulusVerdict;
    const auto row = [](const char *name, const char *sortCode, const char *account, T ten, V verdict,
                        const char *checkedSortCode, const char *checkedAccount) {
        QTest::newRow(name) << QString::fromLatin1(sortCode) << QString::fromLatin1(account) << ten << verdict
                            << QString::fromLatin1(checkedSortCode) << QString::fromLatin1(checkedAccount);
    };
    // Test case 34's account, 00000190, written without its noughts.
    row("seven digits get a nought in front", "180002", "0000190", T::Either, V::Valid, "180002", "00000190");
    row("six digits get two noughts in front", "180002", "000190", T::Either, V::Valid, "180002", "00000190");
    // Test case 18's account, 06774744 at 086090, as six digits: 774744 → 00774744 fails.
    row("six digits that fail once padded", "086090", "774744", T::Either, V::Invalid, "086090", "00774744");
    // Santander: the first digit replaces the sort code's last; the last eight are the account.
    // 30907 + 0, 2355688 + … : test case 19's 309070 02355688 written as 309079 and 0 02355688.
    row("nine digits: Santander's first digit ends the sort code", "309079", "002355688", T::Either, V::Valid, "309070",
        "02355688");
    row("nine digits that fail once moved", "309079", "102355688", T::Either, V::Invalid, "309071", "02355688");
    // NatWest: the last eight (here test case 2's account at 107999, with 02 in front).
    row("ten digits, NatWest: the last eight", "107999", "0288837491", T::LastEight, V::Valid, "107999", "88837491");
    row("ten digits, NatWest with its hyphen", "10-79-99", "02-88837491", T::LastEight, V::Valid, "107999", "88837491");
    row("ten digits, read as Co-operative Bank's the same number fails", "107999", "0288837491", T::FirstEight,
        V::Invalid, "107999", "02888374");
    // Co-operative Bank and Leeds Building Society: the first eight (test case 1's, 089999).
    row("ten digits, Co-operative Bank: the first eight", "089999", "6637495812", T::FirstEight, V::Valid, "089999",
        "66374958");
    row("ten digits, read as NatWest's the same number fails", "089999", "6637495812", T::LastEight, V::Invalid,
        "089999", "37495812");
    row("ten digits, bank not known: either reading passes", "089999", "6637495812", T::Either, V::Valid, "089999",
        "66374958");
    row("ten digits, bank not known: the NatWest reading passes", "107999", "0288837491", T::Either, V::Valid, "107999",
        "88837491");
    row("ten digits, bank not known: neither passes", "089999", "6637495912", T::Either, V::Invalid, "089999",
        "37495912");
}

void TestModulus::nonstandardAccountNumbers()
{
    QFETCH(QString, sortCode);
    QFETCH(QString, account);
    QFETCH(TenDigitAccount, tenDigits);
    QFETCH(ModulusVerdict, verdict);
    QFETCH(QString, checkedSortCode);
    QFETCH(QString, checkedAccount);

    const ModulusResult r = ModulusChecker::shipped().check(sortCode, account, tenDigits);
    QCOMPARE(r.verdict, verdict);
    QCOMPARE(r.sortCode, checkedSortCode);
    QCOMPARE(r.accountNumber, checkedAccount);
}

void TestModulus::badInput_data()
{
    QTest::addColumn<QString>("sortCode");
    QTest::addColumn<QString>("account");
    QTest::addColumn<ModulusVerdict>("verdict");
    QTest::addColumn<QString>("message");

    const QString sixDigits = QStringLiteral("The sort code must be six digits, like 12-34-56.");
    const QString sixToTen = QStringLiteral("The account number must be six to ten digits.");
    QTest::newRow("sort code written with hyphens and spaces")
        << QStringLiteral(" 08-99 99 ") << QStringLiteral("6637 4958") << ModulusVerdict::Valid
        << couldExist("66374958", "08-99-99");
    QTest::newRow("a sort code not in the table cannot be checked, and is accepted")
        << QStringLiteral("000001") << QStringLiteral("12345678") << ModulusVerdict::NotCheckable
        << notInTable("00-00-01", "12345678");
    QTest::newRow("not in the table, whatever the account number")
        << QStringLiteral("99-99-99") << QStringLiteral("00000000") << ModulusVerdict::NotCheckable
        << notInTable("99-99-99", "00000000");
    QTest::newRow("sort code: five digits")
        << QStringLiteral("08999") << QStringLiteral("66374958") << ModulusVerdict::Invalid << sixDigits;
    QTest::newRow("sort code: seven digits")
        << QStringLiteral("0899990") << QStringLiteral("66374958") << ModulusVerdict::Invalid << sixDigits;
    QTest::newRow("sort code: a letter") << QStringLiteral("08999O") << QStringLiteral("66374958")
                                         << ModulusVerdict::Invalid << sixDigits;
    QTest::newRow("sort code: nothing") << QString() << QStringLiteral("66374958") << ModulusVerdict::Invalid
                                        << sixDigits;
    QTest::newRow("account: five digits")
        << QStringLiteral("089999") << QStringLiteral("63749") << ModulusVerdict::Invalid << sixToTen;
    QTest::newRow("account: eleven digits")
        << QStringLiteral("089999") << QStringLiteral("66374958123") << ModulusVerdict::Invalid << sixToTen;
    QTest::newRow("account: a letter") << QStringLiteral("089999") << QStringLiteral("6637495B")
                                       << ModulusVerdict::Invalid << sixToTen;
    QTest::newRow("account: nothing") << QStringLiteral("089999") << QString() << ModulusVerdict::Invalid << sixToTen;
}

void TestModulus::badInput()
{
    QFETCH(QString, sortCode);
    QFETCH(QString, account);
    QFETCH(ModulusVerdict, verdict);
    QFETCH(QString, message);

    const ModulusResult r = ModulusChecker::shipped().check(sortCode, account);
    QCOMPARE(r.message, message);
    QCOMPARE(r.verdict, verdict);
}

void TestModulus::shippedTablesAreVocaLinksV770()
{
    const ModulusChecker &shipped = ModulusChecker::shipped();
    QCOMPARE(shipped.rows().size(), std::size_t(1138));
    const ModulusWeightRow &first = shipped.rows().front();
    QCOMPARE(first.start, 10004);
    QCOMPARE(first.end, 16715);
    QCOMPARE(first.method, ModulusWeightRow::Method::Mod11);
    QCOMPARE(first.weights, (std::array<int, 14>{0, 0, 0, 0, 0, 0, 8, 7, 6, 5, 4, 3, 2, 1}));
    QCOMPARE(first.exception, 0);
    const ModulusWeightRow &last = shipped.rows().back();
    QCOMPARE(last.start, 987004);
    QCOMPARE(last.end, 989999);
    QCOMPARE(last.method, ModulusWeightRow::Method::DoubleAlternate);
    // The specification's table and the text file agree on 070030's weight of -1 for h.
    const auto it = std::find_if(shipped.rows().begin(), shipped.rows().end(),
                                 [](const ModulusWeightRow &r) { return r.start == 70030; });
    QVERIFY(it != shipped.rows().end());
    QCOMPARE(it->weights[13], -1);
    QCOMPARE(shipped.substituteFor(938173), 938017);
    QCOMPARE(shipped.substituteFor(938654), 938621);
    QCOMPARE(shipped.substituteFor(938611), 938611);
}

void TestModulus::badTableRowsNameFileAndLine_data()
{
    QTest::addColumn<QByteArray>("weights");
    QTest::addColumn<QByteArray>("substitutions");
    QTest::addColumn<QString>("error");

    const QByteArray good =
        "089999 089999 MOD10    0    0    0    0    0    0    7    1    3    7    1    3    7    1\n";
    const QByteArray subs = "938173 938017\n";
    QTest::newRow("a weight row with too few fields")
        << good + "\n" + "089000 089999 MOD10    0    0    0    0    0    0    7    1    3    7    1    3    7\n"
        << subs
        << QStringLiteral("valacdos.txt, line 3: a row is a first and a last sort code, MOD10, MOD11 or DBLAL, "
                          "fourteen weights and perhaps an exception number, but this row has 16 fields.");
    QTest::newRow("a sort code of five digits")
        << QByteArray("08999 089999 MOD10    0    0    0    0    0    0    7    1    3    7    1    3    7    1\n")
        << subs << QStringLiteral("valacdos.txt, line 1: \"08999\" is not a sort code: six digits.");
    QTest::newRow("a range that ends before it starts")
        << good + "089999 089000 MOD10    0    0    0    0    0    0    7    1    3    7    1    3    7    1\n"
        << subs << QStringLiteral("valacdos.txt, line 2: the range ends at 089000, before it starts at 089999.");
    QTest::newRow("a check method VocaLink does not have")
        << good + "089999 089999 MOD12    0    0    0    0    0    0    7    1    3    7    1    3    7    1\n"
        << subs << QStringLiteral("valacdos.txt, line 2: \"MOD12\" is not a check method: MOD10, MOD11 or DBLAL.");
    QTest::newRow("a weight that is not a number")
        << good + "089999 089999 MOD10    0    0    0    0    0    0    7    l    3    7    1    3    7    1\n"
        << subs << QStringLiteral("valacdos.txt, line 2: \"l\" is not a weight: a whole number of up to three digits.");
    QTest::newRow("exception 15")
        << good + "089999 089999 MOD10    0    0    0    0    0    0    7    1    3    7    1    3    7    1  15\n"
        << subs << QStringLiteral("valacdos.txt, line 2: \"15\" is not an exception: a number from 1 to 14.");
    QTest::newRow("Windows line ends are read, and the line is still right")
        << good.chopped(1) + "\r\n" + good.chopped(1) +
               "\r\n089999 089999 MOD10    0    0    0    0    0    0    7    1    3    7    1    3    7    1   0\r\n"
        << subs << QStringLiteral("valacdos.txt, line 3: \"0\" is not an exception: a number from 1 to 14.");
    QTest::newRow("an empty weight table") << QByteArray("\n\n") << subs << QStringLiteral("valacdos.txt has no rows.");
    QTest::newRow("a substitution row with one sort code")
        << good << subs + "938289\n"
        << QStringLiteral("scsubtab.txt, line 2: a row is a sort code and the sort code "
                          "to check it as, six digits each, but this row is \"938289\".");
    QTest::newRow("a substitution row with a letter")
        << good << subs + "938289 93806B\n"
        << QStringLiteral("scsubtab.txt, line 2: a row is a sort code and the sort code to check it as, six digits "
                          "each, but this row is \"938289 93806B\".");
    QTest::newRow("a sort code substituted twice")
        << good << subs + "938289 938068\n938173 938018\n"
        << QStringLiteral("scsubtab.txt, line 3: sort code 938173 is substituted a second time.");
}

void TestModulus::badTableRowsNameFileAndLine()
{
    QFETCH(QByteArray, weights);
    QFETCH(QByteArray, substitutions);
    QFETCH(QString, error);

    QString e;
    QVERIFY(!ModulusChecker::parse(weights, substitutions, &e));
    QCOMPARE(e, error);
}

void TestModulus::loadsTablesFromAFolder()
{
    // VocaLink's own names are upper case; a folder of them loads as well as the shipped copies.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QFile::copy(QStringLiteral(":/ibc/vocalink/valacdos.txt"), dir.filePath(QStringLiteral("VALACDOS.txt"))));
    QFile subs(dir.filePath(QStringLiteral("SCSUBTAB.txt")));
    QVERIFY(subs.open(QIODevice::WriteOnly));
    subs.write("938600 938611\n");
    subs.close();
    QString error;
    const std::optional<ModulusChecker> checker = ModulusChecker::load(dir.path(), &error);
    QVERIFY2(checker, qPrintable(error));
    QCOMPARE(checker->rows().size(), std::size_t(1138));
    QCOMPARE(checker->check(QStringLiteral("938600"), QStringLiteral("42368003")).verdict, ModulusVerdict::Valid);
    QCOMPARE(checker->check(QStringLiteral("938647"), QStringLiteral("07806039")).verdict, ModulusVerdict::Invalid);

    // A bad row in a loaded file is named by its path.
    QFile weights(dir.filePath(QStringLiteral("VALACDOS.txt")));
    QVERIFY(weights.setPermissions(weights.permissions() | QFileDevice::WriteOwner));
    QVERIFY(weights.open(QIODevice::Append));
    weights.write("999999 999999 MOD11 1 2 3\n");
    weights.close();
    QVERIFY(!ModulusChecker::load(dir.path(), &error));
    QCOMPARE(error, QStringLiteral("%1, line 1139: a row is a first and a last sort code, MOD10, MOD11 or DBLAL, "
                                   "fourteen weights and perhaps an exception number, but this row has 6 fields.")
                        .arg(dir.filePath(QStringLiteral("VALACDOS.txt"))));
}

void TestModulus::loadNamesTheFileItCannotRead()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile weights(dir.filePath(QStringLiteral("valacdos.txt")));
    QVERIFY(weights.open(QIODevice::WriteOnly));
    weights.write("089999 089999 MOD10    0    0    0    0    0    0    7    1    3    7    1    3    7    1\n");
    weights.close();
    QString error;
    QVERIFY(!ModulusChecker::load(dir.path(), &error));
    QVERIFY2(error.startsWith(dir.filePath(QStringLiteral("scsubtab.txt")) + QStringLiteral(" cannot be read: ")),
             qPrintable(error));
}

QTEST_GUILESS_MAIN(TestModulus)
#include "tst_modulus.moc"
