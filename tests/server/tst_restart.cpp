#include "ServerFixture.h"

#include <QTest>

using namespace Qt::StringLiterals;

// The server against a database that goes away and comes back, and a clean
// exit on SIGTERM.
class TestRestart : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(m_fixture.start({}, &error), qPrintable(error));
    }

    void databaseStopped_answers503_thenRecoversWithoutARestart() {
        // given a user with a session on a running server
        const HttpClient::Session session = http().registerAndLogin(u"survivor"_s);
        QVERIFY(session.ok());
        QCOMPARE(http().get(u"/api/auth/profile"_s, session.token).status, 200);

        // when PostgreSQL stops under the running server
        QString error;
        QVERIFY2(m_fixture.database().stop(&error), qPrintable(error));

        // then requests that need the database answer 503 cleanly
        const HttpResponse health = http().get(u"/health"_s);
        QCOMPARE(health.status, 503);
        QCOMPARE(health.object()[u"status"_s].toString(), u"unhealthy"_s);
        QCOMPARE(health.object()[u"database"_s].toString(), u"disconnected"_s);
        // and the old backend's auth probe still answers 200, saying it is not well
        const HttpResponse authHealth = http().get(u"/api/auth/auth-server-health"_s);
        QCOMPARE(authHealth.status, 200);
        QCOMPARE(authHealth.object()[u"auth_server"_s][u"status"_s].toString(), u"unhealthy"_s);
        QCOMPARE(authHealth.object()[u"auth_server"_s][u"error"_s].toString(),
                 u"Database unavailable"_s);
        for (int i = 0; i < 3; ++i) { // every worker notices, none answers 500
            const HttpResponse profile = http().get(u"/api/auth/profile"_s, session.token);
            QCOMPARE(profile.status, 503);
            QCOMPARE(profile.detail(), u"Database unavailable"_s);
        }
        QCOMPARE(http().login(u"survivor"_s, u"Password123!"_s).status, 503);
        QCOMPARE(http().get(u"/api/tasks/"_s, session.token).status, 503);
        // and what needs no database still answers
        QCOMPARE(http().get(u"/no/such/path"_s).status, 404);
        QVERIFY(m_fixture.server().isRunning());

        // when PostgreSQL comes back
        QVERIFY2(m_fixture.database().start(&error), qPrintable(error));

        // then the same server process serves again: old token, new login, health
        QCOMPARE(http().get(u"/health"_s).status, 200);
        for (int i = 0; i < 6; ++i) // reaches every worker's reopened connection
            QCOMPARE(http().get(u"/api/auth/profile"_s, session.token).status, 200);
        QCOMPARE(http().login(u"survivor"_s, u"Password123!"_s).status, 200);
    }

    void sigterm_exitsCleanlyWithCodeZero() {
        // given a server that has served requests (one with a newline in its path)
        QCOMPARE(http().get(u"/health"_s).status, 200);
        QCOMPARE(http().get(u"/x%0A2026-01-01T00:00:00.000 info access GET /forged 200"_s).status,
                 404);
        // when it receives SIGTERM
        const int code = m_fixture.server().terminate();
        // then it exits 0 after saying so
        QCOMPARE(code, 0);
        QVERIFY2(m_fixture.server().output().contains(u"Stopped"_s),
                 qPrintable(m_fixture.server().output().right(2000)));
        QVERIFY(http().get(u"/health"_s, {}, 3000).status == 0);
    }

    void accessLog_hasOneLinePerRequest_withoutSecrets() {
        const QString log = m_fixture.server().output();
        QVERIFY(log.contains(u"access POST /api/auth/login 200"_s));
        QVERIFY(log.contains(u"access GET /api/auth/profile 503"_s));
        QVERIFY(!log.contains(u"Password123!"_s));
        QVERIFY(!log.contains(u"eyJ"_s)); // no JWT ever
        // and a path cannot forge a line of its own
        for (const QString& line : log.split(u'\n'))
            QVERIFY2(!line.startsWith(u"2026-01-01"_s), qPrintable(line));
        QVERIFY(log.contains(u"access GET /x?2026-01-01"_s));
    }

private:
    HttpClient& http() { return m_fixture.http(); }
    ServerFixture m_fixture;
};

QTEST_GUILESS_MAIN(TestRestart)
#include "tst_restart.moc"
