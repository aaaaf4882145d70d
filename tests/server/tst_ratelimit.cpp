#include "ServerFixture.h"

#include <QJsonDocument>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;

// A server started with BIZY_AUTH_RATE_LIMIT=3: login, register, refresh and
// password reset attempts per minute per client address (and, for reset
// requests, per email address).
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

    void passwordResetRequests_areLimitedPerClientAndPerEmail() {
        // given this server sends no mail, so an allowed request answers 503
        // when three requests came from one address, for three emails
        for (const char* email : {"a@example.com", "b@example.com", "c@example.com"})
            QCOMPARE(resetFrom("127.0.0.2", email), 503);
        // then that address is refused a fourth, for any email
        QCOMPARE(resetFrom("127.0.0.2", "d@example.com"), 429);
        // when one email was asked for from three other addresses
        for (const char* source : {"127.0.0.3", "127.0.0.4", "127.0.0.5"})
            QCOMPARE(resetFrom(source, "e@example.com"), 503);
        // then a fourth address is refused for that email, not for another
        QCOMPARE(resetFrom("127.0.0.6", "e@example.com"), 429);
        QCOMPARE(resetFrom("127.0.0.6", "f@example.com"), 503);
        // and confirmations are limited per address too
        for (int i = 0; i < 3; ++i)
            QCOMPARE(confirmWrongToken(), 400);
        QCOMPARE(confirmWrongToken(), 429);
    }

private:
    // POST /api/auth/password-reset from a chosen loopback address (the
    // limiter counts per client address); the status, 0 without an answer.
    int resetFrom(const char* sourceAddress, const char* email) {
        QTcpSocket socket;
        if (!socket.bind(QHostAddress(QString::fromLatin1(sourceAddress))))
            return 0;
        socket.connectToHost(QHostAddress::LocalHost, m_fixture.server().port());
        if (!socket.waitForConnected(5000))
            return 0;
        const QByteArray body = QJsonDocument(QJsonObject{{u"email"_s, QString::fromLatin1(email)}})
                                    .toJson(QJsonDocument::Compact);
        socket.write("POST /api/auth/password-reset HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                     "Content-Type: application/json\r\nConnection: close\r\nContent-Length: " +
                     QByteArray::number(body.size()) + "\r\n\r\n" + body);
        QByteArray answer;
        while (!answer.contains("\r\n") && socket.waitForReadyRead(10000))
            answer += socket.readAll();
        return answer.startsWith("HTTP/1.1 ") ? answer.mid(9, 3).toInt() : 0;
    }

    int confirmWrongToken() {
        return http()
            .post(u"/api/auth/password-reset/confirm"_s,
                  {{u"token"_s, u"nope"_s}, {u"new_password"_s, u"Password123!"_s}})
            .status;
    }

    HttpClient& http() { return m_fixture.http(); }
    ServerFixture m_fixture;
};

QTEST_GUILESS_MAIN(TestRateLimit)
#include "tst_ratelimit.moc"
