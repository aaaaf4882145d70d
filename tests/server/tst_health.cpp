#include "ServerFixture.h"

#include <QJsonDocument>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;

// The server's outer shell: /health, unknown paths and methods, body limits,
// command-line and configuration handling.
class TestHealth : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(m_fixture.start({}, &error), qPrintable(error));
    }

    void health_answersHealthyWithTheDatabaseConnected() {
        // given a running server on a running database
        // when GET /health
        const HttpResponse response = m_fixture.http().get(u"/health"_s);
        // then 200 with the contract's fields
        QCOMPARE(response.status, 200);
        const QJsonObject body = response.object();
        QCOMPARE(body.value(u"status"_s).toString(), u"healthy"_s);
        QCOMPARE(body.value(u"service"_s).toString(), u"bizy-server"_s);
        QCOMPARE(body.value(u"version"_s).toString(), QStringLiteral(BIZY_VERSION));
        QCOMPARE(body.value(u"database"_s).toString(), u"connected"_s);
    }

    void unknownPath_is404NotFound() {
        const HttpResponse response = m_fixture.http().get(u"/api/no/such/thing"_s);
        QCOMPARE(response.status, 404);
        QCOMPARE(response.object(), (QJsonObject{{u"detail"_s, u"Not Found"_s}}));
    }

    void wrongMethod_is405MethodNotAllowed() {
        const HttpResponse response = m_fixture.http().del(u"/health"_s);
        QCOMPARE(response.status, 405);
        QCOMPARE(response.object(), (QJsonObject{{u"detail"_s, u"Method Not Allowed"_s}}));
    }

    void bodyOverOneMebibyte_is413_andTheServerKeepsServing() {
        // given a body of 2 MiB
        const QByteArray huge(2 * 1024 * 1024, 'x');
        // when it is posted
        const HttpResponse response = m_fixture.http().send("POST", u"/api/auth/login"_s, huge);
        // then 413 with a detail, and the server still answers
        QVERIFY2(response.status == 413, response.describe().constData());
        QVERIFY(!response.detail().isEmpty());
        QCOMPARE(m_fixture.http().get(u"/health"_s).status, 200);
    }

    void bodyJustUnderTheLimit_isNotRefused() {
        // given a body of 1000 KiB (valid JSON, under 1 MiB)
        const QByteArray padding(1000 * 1024, 'a');
        const QByteArray body = "{\"username\":\"" + padding + "\",\"password\":\"x\"}";
        // when it is posted
        const HttpResponse response = m_fixture.http().send("POST", u"/api/no/route"_s, body);
        // then it reaches routing (404), and keep-alive requests go on working
        QVERIFY2(response.status == 404, response.describe().constData());
        for (int i = 0; i < 5; ++i)
            QCOMPARE(m_fixture.http().get(u"/health"_s).status, 200);
    }

    void browserPreflight_isAnswered_andAnswersCarryTheOrigin() {
        // given a web client on another origin asking before a login
        const HttpResponse preflight = m_fixture.http().send(
            "OPTIONS", u"/api/auth/login"_s, {},
            {{"Origin", "http://web.example:3000"},
             {"Access-Control-Request-Method", "POST"},
             {"Access-Control-Request-Headers", "content-type,authorization"}});
        // then it may
        QCOMPARE(preflight.status, 200);
        QCOMPARE(preflight.header("access-control-allow-origin"), "*"_ba);
        QVERIFY(preflight.header("access-control-allow-methods").contains("POST"));
        QVERIFY(preflight.header("access-control-allow-headers").contains("Authorization"));
        // and real answers carry the header, errors included
        const HttpResponse health =
            m_fixture.http().send("GET", u"/health"_s, {}, {{"Origin", "http://web.example"}});
        QCOMPARE(health.header("access-control-allow-origin"), "*"_ba);
        const HttpResponse denied = m_fixture.http().send("GET", u"/api/auth/profile"_s, {},
                                                          {{"Origin", "http://web.example"}});
        QCOMPARE(denied.status, 401);
        QCOMPARE(denied.header("access-control-allow-origin"), "*"_ba);
        // and without an Origin nothing is added
        QVERIFY(m_fixture.http().get(u"/health"_s).header("access-control-allow-origin").isEmpty());
        // and OPTIONS that is no preflight is simply not a route
        QCOMPARE(m_fixture.http().send("OPTIONS", u"/health"_s, {}).status, 405);
    }

    void silentConnection_isClosedAfterTheIdleTimeout() {
        // given a server that closes connections silent for 1 s
        ServerProcess server(m_fixture.database().databaseUrl(),
                             {{u"BIZY_IDLE_TIMEOUT_SECONDS"_s, u"1"_s}});
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        // when a client sends half a request and then nothing
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, server.port());
        QVERIFY(socket.waitForConnected(5000));
        socket.write("GET /health HTTP/1.1\r\nHost: localhost\r\n");
        QVERIFY(socket.waitForBytesWritten(5000));
        // then the server hangs up (waited for generously, not timed)
        QTRY_VERIFY_WITH_TIMEOUT(socket.state() == QAbstractSocket::UnconnectedState, 30000);
        // and it still serves others
        HttpClient client(server.baseUrl());
        QCOMPARE(client.get(u"/health"_s).status, 200);
    }

    void versionAndHelp_printAndExitZero() {
        QString output;
        QCOMPARE(ServerProcess::runBinary({u"--version"_s}, {}, &output), 0);
        QVERIFY2(output.contains(QStringLiteral(BIZY_VERSION)), qPrintable(output));
        QCOMPARE(ServerProcess::runBinary({u"--help"_s}, {}, &output), 0);
        QVERIFY2(output.contains(u"JWT_SECRET"_s) && output.contains(u"create-admin"_s),
                 qPrintable(output));
    }

    void shortJwtSecret_refusesToStart() {
        // given a secret of 31 characters
        QString output;
        const int code =
            ServerProcess::runBinary({},
                                     {{u"JWT_SECRET"_s, QString(31, u'k')},
                                      {u"DATABASE_URL"_s, m_fixture.database().databaseUrl()},
                                      {u"BIZY_PORT"_s, QString::number(PgCluster::freePort())}},
                                     &output);
        // then it exits non-zero and says why
        QVERIFY(code != 0);
        QVERIFY2(output.contains(u"JWT_SECRET"_s) && output.contains(u"32"_s), qPrintable(output));
    }

    void envFile_suppliesTheConfiguration() {
        // given an env file with a short secret and no secret in the environment
        QTemporaryDir dir;
        QFile file(dir.path() + u"/bizy.env"_s);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("# comment\nJWT_SECRET=\"short\"\nBIZY_PORT=1\n");
        file.close();
        QString output;
        // when the server starts with --env-file
        const int code = ServerProcess::runBinary({u"--env-file"_s, file.fileName()}, {}, &output);
        // then the file's values were read (the short secret is refused)
        QVERIFY(code != 0);
        QVERIFY2(output.contains(u"JWT_SECRET"_s), qPrintable(output));
    }

private:
    ServerFixture m_fixture;
};

QTEST_GUILESS_MAIN(TestHealth)
#include "tst_health.moc"
