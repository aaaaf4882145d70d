#include "PgCluster.h"
#include "ServerProcess.h"

#include <QDeadlineTimer>
#include <QProcess>
#include <QTcpSocket>
#include <QTest>
#include <csignal>
#include <memory>
#include <vector>

using namespace Qt::StringLiterals;

// SIGTERM at any moment of a server's life ends it with exit code 0 and a
// "Stopped" line: during start-up, while the database is unreachable, right
// after the first answer, with idle keep-alive connections, with requests in
// flight. Each case runs many rounds because the failures it guards against
// were races (a worker thread still closing its PostgreSQL connection while
// main() returned: a segfault in QtSql at exit, about one stop in thirty).
class TestShutdown : public QObject {
    Q_OBJECT

private:
    static constexpr int kRounds = 20;

    // bizy-server without ServerProcess's wait for /health, so a test can stop
    // it before it is ready.
    struct RawServer {
        QProcess process;
        QString output;

        void start(const QString& databaseUrl) {
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(u"DATABASE_URL"_s, databaseUrl);
            env.insert(u"JWT_SECRET"_s, QString::fromLatin1(ServerProcess::kJwtSecret));
            env.insert(u"BIZY_HOST"_s, u"127.0.0.1"_s);
            env.insert(u"BIZY_PORT"_s, QString::number(PgCluster::freePort()));
            process.setProcessEnvironment(env);
            process.setProcessChannelMode(QProcess::MergedChannels);
            process.start(ServerProcess::binaryPath(), {});
        }
        // Reads until `text` appears in the output or the process ends (or a
        // minute passed: a server that never says it is a failure, not a hang).
        bool waitForOutput(const QString& text) {
            const QDeadlineTimer deadline(60000);
            while (!deadline.hasExpired()) {
                output += QString::fromUtf8(process.readAll());
                if (output.contains(text))
                    return true;
                if (process.state() == QProcess::NotRunning)
                    return false;
                process.waitForReadyRead(1000);
            }
            return false;
        }
        // SIGTERM, then the exit code (-1 for a crash or a hang).
        int terminate() {
            ::kill(pid_t(process.processId()), SIGTERM);
            const bool finished = process.waitForFinished(30000);
            if (!finished) {
                process.kill();
                process.waitForFinished(5000);
            }
            output += QString::fromUtf8(process.readAll());
            if (!finished || process.exitStatus() != QProcess::NormalExit)
                return -1;
            return process.exitCode();
        }
    };

    // `count` connections to the server, each with one GET /health sent;
    // with `readAnswers` each answer is read and the connection kept open.
    static std::vector<std::unique_ptr<QTcpSocket>> openConnections(quint16 port, int count,
                                                                    bool readAnswers) {
        std::vector<std::unique_ptr<QTcpSocket>> sockets;
        for (int i = 0; i < count; ++i) {
            auto socket = std::make_unique<QTcpSocket>();
            socket->connectToHost(u"127.0.0.1"_s, port);
            if (!socket->waitForConnected(5000))
                continue;
            socket->write(
                "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n");
            socket->waitForBytesWritten(5000);
            sockets.push_back(std::move(socket));
        }
        if (readAnswers) {
            for (auto& socket : sockets) {
                while (!socket->peek(socket->bytesAvailable()).contains("\r\n\r\n") &&
                       socket->waitForReadyRead(5000)) {
                }
            }
        }
        return sockets;
    }

    PgCluster m_cluster;

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(m_cluster.start(&error), qPrintable(error));
        // The first server creates the schema, so later rounds start alike.
        ServerProcess first(m_cluster.databaseUrl());
        QVERIFY2(first.start(&error), qPrintable(error));
        QCOMPARE(first.terminate(), 0);
    }

    void sigtermDuringStartUp_exitsZero() {
        for (int round = 0; round < kRounds; ++round) {
            // given a server that has only just begun (migrations, connect, listen)
            RawServer server;
            server.start(m_cluster.databaseUrl());
            QVERIFY2(server.waitForOutput(u"Starting"_s), qPrintable(server.output));
            // when SIGTERM arrives at once
            const int code = server.terminate();
            // then it stops as cleanly as a running server does
            QVERIFY2(code == 0, qPrintable(u"round %1, exit %2:\n"_s.arg(round).arg(code) +
                                           server.output.right(2000)));
            QVERIFY2(server.output.contains(u"Stopped"_s), qPrintable(server.output.right(2000)));
        }
    }

    void sigtermWhileTheDatabaseIsUnreachable_exitsZeroWithoutWaitingOutTheRetries() {
        // given a server retrying a database that does not answer (no one listens there)
        RawServer server;
        server.start(u"postgresql://postgres@127.0.0.1:%1/bizy"_s.arg(PgCluster::freePort()));
        QVERIFY2(server.waitForOutput(u"retrying"_s), qPrintable(server.output));
        // when SIGTERM arrives
        const int code = server.terminate();
        // then it stops with 0 instead of retrying for 30 s and failing
        QVERIFY2(code == 0, qPrintable(server.output.right(2000)));
        QVERIFY2(server.output.contains(u"Stopped"_s), qPrintable(server.output.right(2000)));
        QVERIFY(!server.output.contains(u"listening"_s));
    }

    void sigtermAfterServing_exitsZero_data() {
        QTest::addColumn<int>("connections");
        QTest::addColumn<bool>("readAnswers");
        QTest::newRow("right after the first answer") << 0 << true;
        QTest::newRow("idle keep-alive connections") << 24 << true;
        QTest::newRow("requests in flight") << 24 << false;
    }

    void sigtermAfterServing_exitsZero() {
        QFETCH(int, connections);
        QFETCH(bool, readAnswers);
        for (int round = 0; round < kRounds; ++round) {
            // given a healthy server whose every worker has its own connection
            ServerProcess server(m_cluster.databaseUrl(), {{u"BIZY_WORKERS"_s, u"16"_s}});
            QString error;
            QVERIFY2(server.start(&error), qPrintable(error));
            const auto sockets = openConnections(server.port(), connections, readAnswers);
            // when SIGTERM arrives
            const int code = server.terminate();
            // then it exits 0 after saying so
            QVERIFY2(code == 0, qPrintable(u"round %1, exit %2:\n"_s.arg(round).arg(code) +
                                           server.output().right(2000)));
            QVERIFY2(server.output().contains(u"Stopped"_s),
                     qPrintable(server.output().right(2000)));
        }
    }
};

QTEST_GUILESS_MAIN(TestShutdown)
#include "tst_shutdown.moc"
