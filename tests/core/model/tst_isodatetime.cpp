// IsoDateTime: the contract's times. Inputs with Z, an offset or no zone (UTC),
// bare dates; outputs like the existing backend, without a zone suffix.

#include "ModelTestSupport.h"
#include "model/IsoDateTime.h"

#include <QTest>
#include <QTimeZone>
#include <ctime>

using namespace Qt::StringLiterals;
using namespace bizy;

namespace {

QDateTime utc(int year, int month, int day, int hour, int minute, int second = 0, int ms = 0) {
    return QDateTime(QDate(year, month, day), QTime(hour, minute, second, ms), QTimeZone::utc());
}

// Runs the parser as if the machine lived in `zone`: a desktop's local zone
// must never leak into times that say nothing about a zone.
class LocalZone {
public:
    explicit LocalZone(const QByteArray& zone)
        : m_previous(qgetenv("TZ")) {
        qputenv("TZ", zone);
        tzset();
    }
    ~LocalZone() {
        qputenv("TZ", m_previous);
        tzset();
    }
    LocalZone(const LocalZone&) = delete;
    LocalZone& operator=(const LocalZone&) = delete;

private:
    QByteArray m_previous;
};

} // namespace

class TestIsoDateTime : public QObject {
    Q_OBJECT

private slots:
    void acceptedSpellingsMeanOneInstant_data();
    void acceptedSpellingsMeanOneInstant();
    void noZoneIsUtcWhateverTheLocalZone_data();
    void noZoneIsUtcWhateverTheLocalZone();
    void garbageIsRefused_data();
    void garbageIsRefused();
    void outputHasNoZoneAndMillisecondsOnlyWhenThereAreSome_data();
    void outputHasNoZoneAndMillisecondsOnlyWhenThereAreSome();
    void everyFormattedTimeParsesBackToItself();
    void nowIsUtc();
};

void TestIsoDateTime::acceptedSpellingsMeanOneInstant_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("expected");

    const QDateTime ten = utc(2030, 1, 1, 10, 0);
    QTest::newRow("Z") << u"2030-01-01T10:00:00Z"_s << ten;
    QTest::newRow("lower-case z") << u"2030-01-01T10:00:00z"_s << ten;
    QTest::newRow("no zone is UTC") << u"2030-01-01T10:00:00"_s << ten;
    QTest::newRow("+02:00 to UTC") << u"2030-01-01T12:00:00+02:00"_s << ten;
    QTest::newRow("+0200 to UTC") << u"2030-01-01T12:00:00+0200"_s << ten;
    QTest::newRow("-05:30 to UTC") << u"2030-01-01T04:30:00-05:30"_s << ten;
    QTest::newRow("+00:00") << u"2030-01-01T10:00:00+00:00"_s << ten;
    QTest::newRow("offset crosses midnight")
        << u"2030-01-01T01:00:00+02:00"_s << utc(2029, 12, 31, 23, 0);
    QTest::newRow("space instead of T") << u"2030-01-01 10:00:00"_s << ten;
    QTest::newRow("no seconds") << u"2030-01-01T10:00"_s << ten;
    QTest::newRow("surrounding blanks") << u" 2030-01-01T10:00:00Z "_s << ten;
    QTest::newRow("date only is midnight UTC") << u"2030-01-01"_s << utc(2030, 1, 1, 0, 0);
    QTest::newRow("milliseconds") << u"2030-01-01T10:00:00.123"_s << utc(2030, 1, 1, 10, 0, 0, 123);
    QTest::newRow("tenths") << u"2030-01-01T10:00:00.1Z"_s << utc(2030, 1, 1, 10, 0, 0, 100);
    QTest::newRow("microseconds cut to milliseconds")
        << u"2030-01-01T10:00:00.123999"_s << utc(2030, 1, 1, 10, 0, 0, 123);
    QTest::newRow("microseconds with offset")
        << u"2030-01-01T12:00:00.987654+02:00"_s << utc(2030, 1, 1, 10, 0, 0, 987);
    QTest::newRow("nanoseconds") << u"2030-01-01T10:00:00.000000001Z"_s << ten;
    QTest::newRow("leap day") << u"2028-02-29T00:00:00"_s << utc(2028, 2, 29, 0, 0);
}

void TestIsoDateTime::acceptedSpellingsMeanOneInstant() {
    QFETCH(QString, text);
    QFETCH(QDateTime, expected);

    // given a time as some client spells it
    // when parsed
    const std::optional<QDateTime> parsed = IsoDateTime::parse(text);

    // then it is that instant, in UTC
    QVERIFY(parsed.has_value());
    QCOMPARE(*parsed, expected);
    QCOMPARE(parsed->timeSpec(), Qt::UTC);
    QCOMPARE(parsed->time(), expected.time());
}

void TestIsoDateTime::noZoneIsUtcWhateverTheLocalZone_data() {
    QTest::addColumn<QByteArray>("localZone");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QDateTime>("expected");

    // 02:30 does not exist in Berlin on 2030-03-31 and happens twice on
    // 2030-10-27; in UTC both are ordinary times.
    for (const QByteArray& zone : {"UTC"_ba, "Europe/Berlin"_ba, "America/New_York"_ba,
                                   "Australia/Lord_Howe"_ba, "Asia/Kolkata"_ba}) {
        QTest::addRow("%s spring gap", zone.constData())
            << zone << u"2030-03-31T02:30:00"_s << utc(2030, 3, 31, 2, 30);
        QTest::addRow("%s autumn fold", zone.constData())
            << zone << u"2030-10-27T02:30:00"_s << utc(2030, 10, 27, 2, 30);
        QTest::addRow("%s US gap", zone.constData())
            << zone << u"2030-03-10 02:30:00.5"_s << utc(2030, 3, 10, 2, 30, 0, 500);
        QTest::addRow("%s date only", zone.constData())
            << zone << u"2030-03-31"_s << utc(2030, 3, 31, 0, 0);
        QTest::addRow("%s explicit Z", zone.constData())
            << zone << u"2030-03-31T02:30:00Z"_s << utc(2030, 3, 31, 2, 30);
    }
}

void TestIsoDateTime::noZoneIsUtcWhateverTheLocalZone() {
    QFETCH(QByteArray, localZone);
    QFETCH(QString, text);
    QFETCH(QDateTime, expected);

    // given a desktop in some local zone
    const LocalZone zone(localZone);

    // when a time without a zone is parsed and formatted again
    const std::optional<QDateTime> parsed = IsoDateTime::parse(text);

    // then it is read as UTC, even in the local zone's DST gap or fold
    QVERIFY(parsed.has_value());
    QCOMPARE(*parsed, expected);
    QCOMPARE(IsoDateTime::format(*parsed), IsoDateTime::format(expected));
}

void TestIsoDateTime::garbageIsRefused_data() {
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("words") << u"tomorrow"_s;
    QTest::newRow("unix seconds") << u"1893492000"_s;
    QTest::newRow("month 13") << u"2030-13-01T10:00:00"_s;
    QTest::newRow("February 30th") << u"2030-02-30"_s;
    QTest::newRow("not a leap year") << u"2030-02-29T00:00:00"_s;
    QTest::newRow("hour 25") << u"2030-01-01T25:00:00"_s;
    QTest::newRow("minute 60") << u"2030-01-01T10:60:00"_s;
    QTest::newRow("T without time") << u"2030-01-01T"_s;
    QTest::newRow("hour only") << u"2030-01-01T10"_s;
    QTest::newRow("two-digit year") << u"30-01-01T10:00:00"_s;
    QTest::newRow("slashes") << u"2030/01/01 10:00:00"_s;
    QTest::newRow("week date") << u"2030-W01-1"_s;
    QTest::newRow("zone name") << u"2030-01-01T10:00:00 CET"_s;
    QTest::newRow("offset hours only") << u"2030-01-01T10:00:00+02"_s;
    QTest::newRow("trailing garbage") << u"2030-01-01T10:00:00Zjunk"_s;
    QTest::newRow("NUL") << QString(u"2030-01-01"_s + QChar(u'\0'));
    QTest::newRow("bad fraction") << u"2030-01-01T10:00:00."_s;
}

void TestIsoDateTime::garbageIsRefused() {
    QFETCH(QString, text);

    // given something that is not a contract time
    // when parsed
    // then there is no time, not a guess
    QVERIFY(!IsoDateTime::parse(text).has_value());
}

void TestIsoDateTime::outputHasNoZoneAndMillisecondsOnlyWhenThereAreSome_data() {
    QTest::addColumn<QDateTime>("time");
    QTest::addColumn<QString>("expected");
    QTest::newRow("whole seconds") << utc(2030, 1, 1, 10, 0) << u"2030-01-01T10:00:00"_s;
    QTest::newRow("milliseconds") << utc(2030, 1, 1, 10, 0, 5, 120) << u"2030-01-01T10:00:05.120"_s;
    QTest::newRow("one millisecond")
        << utc(2030, 1, 1, 10, 0, 5, 1) << u"2030-01-01T10:00:05.001"_s;
    QTest::newRow("offset converted to UTC")
        << QDateTime(QDate(2030, 1, 1), QTime(12, 0), QTimeZone(2 * 3600))
        << u"2030-01-01T10:00:00"_s;
    QTest::newRow("named zone converted to UTC")
        << QDateTime(QDate(2030, 7, 1), QTime(12, 0), QTimeZone("Europe/Berlin"_ba))
        << u"2030-07-01T10:00:00"_s;
}

void TestIsoDateTime::outputHasNoZoneAndMillisecondsOnlyWhenThereAreSome() {
    QFETCH(QDateTime, time);
    QFETCH(QString, expected);

    // given a time in any zone
    // when formatted
    // then it is UTC, without a suffix, like the existing backend's answers
    QCOMPARE(IsoDateTime::format(time), expected);
}

void TestIsoDateTime::everyFormattedTimeParsesBackToItself() {
    // given many times with and without milliseconds
    QRandomGenerator random(4242);
    const QDateTime start = utc(1970, 1, 1, 0, 0);
    for (int i = 0; i < 2000; ++i) {
        const qint64 ms = qint64(random.bounded(4'102'444'800.0)) * 1000 +
                          (i % 2 == 0 ? 0 : random.bounded(1000));
        const QDateTime time = start.addMSecs(ms);

        // when formatted and parsed again
        const QString text = IsoDateTime::format(time);
        const std::optional<QDateTime> back = IsoDateTime::parse(text);

        // then nothing is lost
        QVERIFY2(back.has_value(), qPrintable(text));
        QCOMPARE(*back, time);
        QCOMPARE(text.contains(u'.'), time.time().msec() != 0);
    }
}

void TestIsoDateTime::nowIsUtc() {
    // given the clock
    // when asked for now
    const QDateTime now = IsoDateTime::nowUtc();

    // then it is a UTC time that survives a round trip
    QCOMPARE(now.timeSpec(), Qt::UTC);
    QCOMPARE(IsoDateTime::parse(IsoDateTime::format(now)), std::optional<QDateTime>(now));
}

QTEST_GUILESS_MAIN(TestIsoDateTime)
#include "tst_isodatetime.moc"
