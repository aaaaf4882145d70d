#include "SmtpSink.h"
#include "mail/SmtpClient.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;
using bizy::server::MailMessage;
using bizy::server::SmtpClient;

namespace {

// A stand-in SMTP server for what aiosmtpd will not do: refuse, fall silent,
// hang up, speak only HELO. Each command verb gets its scripted reply ("250 ok"
// when none is scripted; "close" hangs up); the message after DATA gets the
// reply scripted for ".".
class ScriptedSmtpServer : public QObject {
public:
    QByteArray greeting = "220 stand-in ready\r\n"; // empty: never says anything
    QHash<QByteArray, QByteArray> replies;
    QByteArray received; // everything the client sent

    quint16 listen() {
        m_server.listen(QHostAddress::LocalHost, 0);
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            QTcpSocket* socket = m_server.nextPendingConnection();
            socket->write(greeting);
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { serve(socket); });
        });
        return m_server.serverPort();
    }

private:
    void serve(QTcpSocket* socket) {
        const QByteArray bytes = socket->readAll();
        received += bytes;
        m_pending += bytes;
        while (true) {
            QByteArray verb;
            if (m_inData) {
                const qsizetype end = m_pending.indexOf("\r\n.\r\n");
                if (end < 0)
                    return;
                m_pending.remove(0, end + 5);
                m_inData = false;
                verb = ".";
            } else {
                const qsizetype end = m_pending.indexOf("\r\n");
                if (end < 0)
                    return;
                verb = m_pending.left(end).split(' ').first().toUpper();
                m_pending.remove(0, end + 2);
            }
            const QByteArray reply =
                replies.value(verb, verb == "DATA" ? "354 go on"_ba : "250 ok"_ba);
            if (reply == "close") {
                socket->close();
                return;
            }
            m_inData = verb == "DATA" && reply.startsWith("354");
            socket->write(reply + "\r\n");
        }
    }

    QTcpServer m_server;
    QByteArray m_pending;
    bool m_inData = false;
};

MailMessage sampleMessage() {
    MailMessage message;
    message.from = u"bizy@example.com"_s;
    message.to = u"ann@example.org"_s;
    message.subject = u"Dots and lines"_s;
    // Lines an SMTP server would read as the end of the message, or lose a dot
    // of, unless they are stuffed.
    message.body = u"Hello Ann,\n.\n..two dots\n.leading dot\r\nlast line"_s;
    return message;
}

} // namespace

// SmtpClient (server/mail) against a real SMTP server (aiosmtpd) and, for the
// refusals a real one would not make, a scripted stand-in.
class TestSmtpClient : public QObject {
    Q_OBJECT

private:
    struct Outcome {
        int finishedCount = 0;
        bool delivered = false;
        QString problem;
    };

    // Sends and waits for finished() (and a little more, to see it came once).
    static Outcome sendAndWait(SmtpClient& client, const MailMessage& message) {
        QSignalSpy spy(&client, &SmtpClient::finished);
        client.send(message);
        Outcome outcome;
        if (!spy.wait(30000))
            return outcome;
        QTest::qWait(100);
        outcome.finishedCount = int(spy.size());
        outcome.delivered = spy.first().at(0).toBool();
        outcome.problem = spy.first().at(1).toString();
        return outcome;
    }

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(m_smtp.start(&error), qPrintable(error));
    }

    void dotStuffed_doublesLeadingDots_endsLinesInCrlf_andTerminates() {
        QCOMPARE(SmtpClient::dotStuffed("a\n.b\r\n..c\rd"), "a\r\n..b\r\n...c\r\nd\r\n.\r\n"_ba);
        QCOMPARE(SmtpClient::dotStuffed("."), "..\r\n.\r\n"_ba);
        QCOMPARE(SmtpClient::dotStuffed("ends well\r\n"), "ends well\r\n.\r\n"_ba);
    }

    void realServer_receivesTheMessageIntact() {
        // given a message whose lines start with dots
        SmtpClient client(u"127.0.0.1"_s, m_smtp.port());
        // when it is sent to aiosmtpd
        const Outcome outcome = sendAndWait(client, sampleMessage());
        // then it was delivered once
        QCOMPARE(outcome.finishedCount, 1);
        QVERIFY2(outcome.delivered, qPrintable(outcome.problem));
        QVERIFY(m_smtp.waitForMessages(1));
        const SmtpSink::Mail mail = m_smtp.messages().last();
        // with its envelope and headers
        QCOMPARE(mail.header("x-mailfrom"), u"bizy@example.com"_s);
        QCOMPARE(mail.header("x-rcptto"), u"ann@example.org"_s);
        QCOMPARE(mail.header("from"), u"bizy@example.com"_s);
        QCOMPARE(mail.header("to"), u"ann@example.org"_s);
        QCOMPARE(mail.header("subject"), u"Dots and lines"_s);
        QCOMPARE(mail.header("content-type"), u"text/plain; charset=utf-8"_s);
        QVERIFY(mail.header("date").endsWith(u" +0000"_s));
        QVERIFY(mail.header("message-id").endsWith(u"@example.com>"_s));
        // and every line as written, no dot lost or added
        QCOMPARE(mail.body, u"Hello Ann,\n.\n..two dots\n.leading dot\nlast line\n"_s);
    }

    void refusedRecipient_failsWithTheServersWords() {
        ScriptedSmtpServer server;
        server.replies.insert("EHLO", "250-stand-in\r\n250-8BITMIME\r\n250 SIZE 1000");
        server.replies.insert("RCPT", "550 5.1.1 no such user");
        SmtpClient client(u"127.0.0.1"_s, server.listen());
        const Outcome outcome = sendAndWait(client, sampleMessage());
        QCOMPARE(outcome.finishedCount, 1);
        QVERIFY(!outcome.delivered);
        QCOMPARE(outcome.problem,
                 u"the SMTP server answered 550 5.1.1 no such user while naming the recipient"_s);
        QVERIFY(!server.received.contains("DATA"));
    }

    void refusedEhlo_fallsBackToHelo_andDelivers() {
        ScriptedSmtpServer server;
        server.replies.insert("EHLO", "502 command not implemented");
        server.replies.insert("QUIT", "221 bye");
        SmtpClient client(u"127.0.0.1"_s, server.listen());
        const Outcome outcome = sendAndWait(client, sampleMessage());
        QVERIFY2(outcome.delivered, qPrintable(outcome.problem));
        const QList<QByteArray> lines = server.received.split('\n');
        QVERIFY(lines.at(1).startsWith("HELO "));
        QCOMPARE(lines.at(2), "MAIL FROM:<bizy@example.com>\r"_ba);
        QCOMPARE(lines.at(3), "RCPT TO:<ann@example.org>\r"_ba);
        QVERIFY(server.received.endsWith("\r\nlast line\r\n.\r\nQUIT\r\n"));
        QVERIFY(server.received.contains("\r\n..\r\n...two dots\r\n..leading dot\r\n"));
    }

    void silentServer_timesOut() {
        ScriptedSmtpServer server;
        server.greeting.clear();
        SmtpClient client(u"127.0.0.1"_s, server.listen());
        client.setTimeout(300);
        QElapsedTimer waited;
        waited.start();
        const Outcome outcome = sendAndWait(client, sampleMessage());
        QCOMPARE(outcome.finishedCount, 1);
        QVERIFY(!outcome.delivered);
        QCOMPARE(outcome.problem, u"no answer within 0.3 s while waiting for the greeting"_s);
        QVERIFY(waited.elapsed() < 10000);
    }

    void serverHangingUp_fails() {
        ScriptedSmtpServer server;
        server.replies.insert("MAIL", "close");
        SmtpClient client(u"127.0.0.1"_s, server.listen());
        const Outcome outcome = sendAndWait(client, sampleMessage());
        QCOMPARE(outcome.finishedCount, 1);
        QVERIFY(!outcome.delivered);
        QCOMPARE(outcome.problem,
                 u"the SMTP server closed the connection while naming the sender"_s);
    }

    void nobodyListening_fails() {
        const quint16 port = [] {
            QTcpServer probe;
            probe.listen(QHostAddress::LocalHost, 0);
            return probe.serverPort();
        }();
        SmtpClient client(u"127.0.0.1"_s, port);
        const Outcome outcome = sendAndWait(client, sampleMessage());
        QCOMPARE(outcome.finishedCount, 1);
        QVERIFY(!outcome.delivered);
        QVERIFY2(
            outcome.problem.startsWith(u"cannot reach the SMTP server 127.0.0.1:%1"_s.arg(port)),
            qPrintable(outcome.problem));
    }

    void addressWithALineBreak_isNotSent() {
        ScriptedSmtpServer server;
        SmtpClient client(u"127.0.0.1"_s, server.listen());
        MailMessage message = sampleMessage();
        message.to = u"ann@example.org>\r\nRCPT TO:<eve@example.org"_s;
        const Outcome outcome = sendAndWait(client, message);
        QCOMPARE(outcome.finishedCount, 1);
        QVERIFY(!outcome.delivered);
        QCOMPARE(outcome.problem, u"the sender or recipient address is malformed"_s);
        QVERIFY(server.received.isEmpty());
    }

private:
    SmtpSink m_smtp;
};

QTEST_GUILESS_MAIN(TestSmtpClient)
#include "tst_smtpclient.moc"
