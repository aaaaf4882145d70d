#include "ServerFixture.h"

#include <QTest>

using namespace Qt::StringLiterals;

// A server started with BIZY_AUTH_RATE_LIMIT=3: login, register and refresh
// attempts per minute per client address.
class TestRateLimit : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(m_fixture.start({{u"BIZY_AUTH_RATE_LIMIT"_s, u"3"_s}}, &error), qPrintable(error));
    }

    void fourthLoginInAMinute_is429WithRetryAfter() {
        // given three attempts from this address (right or wrong does not matter)
        for (int i = 0; i < 3; ++i)
            QCOMPARE(http().login(u"nobody"_s, u"WrongPassword1"_s).status, 401);
        // when a fourth comes
        const HttpResponse limited = http().login(u"nobody"_s, u"WrongPassword1"_s);
        // then 429 with Retry-After within the minute, and the auth service's "error"
        QCOMPARE(limited.status, 429);
        const int retryAfter = limited.header("retry-after").toInt();
        QVERIFY2(retryAfter >= 1 && retryAfter <= 60, limited.header("retry-after").constData());
        QVERIFY(!limited.object()[u"error"_s].toString().isEmpty());
        // and other endpoints are not limited by it
        QCOMPARE(http().get(u"/health"_s).status, 200);
    }

    void registerAndRefresh_areLimitedToo() {
        for (int i = 0; i < 3; ++i)
            QCOMPARE(http().registerUser(u"rl_user%1"_s.arg(i), u"Password123!"_s).status, 201);
        QCOMPARE(http().registerUser(u"rl_user9"_s, u"Password123!"_s).status, 429);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(http().post(u"/api/auth/refresh"_s, {{u"refresh_token"_s, u"x"_s}}).status,
                     401);
        QCOMPARE(http().post(u"/api/auth/refresh"_s, {{u"refresh_token"_s, u"x"_s}}).status, 429);
    }

private:
    HttpClient& http() { return m_fixture.http(); }
    ServerFixture m_fixture;
};

QTEST_GUILESS_MAIN(TestRateLimit)
#include "tst_ratelimit.moc"
