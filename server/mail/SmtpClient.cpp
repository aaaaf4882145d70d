#include "SmtpClient.h"

#include "mail/MailSettings.h"

#include <QSysInfo>

using namespace Qt::StringLiterals;

namespace bizy::server {

namespace {

// RFC 5321 allows 512 octets per reply line; a server sending far more is broken.
constexpr qsizetype kMaxReplyLineBytes = 4096;

// The name this host gives in EHLO: its host name when it is one, else a literal.
QByteArray heloName() {
    const QString name = QSysInfo::machineHostName();
    for (const QChar c : name) {
        if (!(c.isLetterOrNumber() && c.unicode() < 0x80) && c != u'-' && c != u'.')
            return "localhost"_ba;
    }
    return name.isEmpty() ? "localhost"_ba : name.toLatin1();
}

} // namespace

SmtpClient::SmtpClient(QString host, quint16 port, QObject* parent)
    : QObject(parent)
    , m_host(std::move(host))
    , m_port(port) {
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        fail(u"no answer within %1 s while %2"_s.arg(m_timeoutMs / 1000.0).arg(stepName()));
    });
    connect(&m_socket, &QTcpSocket::connected, this, [this] { m_step = Step::Greeting; });
    connect(&m_socket, &QTcpSocket::readyRead, this, &SmtpClient::readReplies);
    connect(&m_socket, &QTcpSocket::errorOccurred, this, &SmtpClient::onSocketError);
    connect(&m_socket, &QTcpSocket::disconnected, this, [this] { // after a clean close
        if (m_delivered)
            finish(true, {});
        else
            fail(u"the SMTP server closed the connection while "_s + stepName());
    });
}

QByteArray SmtpClient::dotStuffed(const QByteArray& message) {
    QByteArray text = message;
    text.replace("\r\n", "\n").replace('\r', '\n');
    if (!text.endsWith('\n'))
        text += '\n';
    QByteArray data;
    data.reserve(text.size() + text.size() / 20 + 3);
    qsizetype start = 0;
    while (start < text.size()) {
        const qsizetype end = text.indexOf('\n', start);
        const QByteArrayView line(text.constData() + start, end - start);
        if (line.startsWith('.'))
            data += '.';
        data += line;
        data += "\r\n";
        start = end + 1;
    }
    data += ".\r\n";
    return data;
}

void SmtpClient::send(const MailMessage& message) {
    m_message = message;
    if (!MailSettings::isPlainAddress(message.from) || !MailSettings::isPlainAddress(message.to)) {
        // Queued, so finished() never comes from inside send().
        QMetaObject::invokeMethod(
            this, [this] { finish(false, u"the sender or recipient address is malformed"_s); },
            Qt::QueuedConnection);
        return;
    }
    m_step = Step::Connecting;
    m_deadline.start(m_timeoutMs);
    m_socket.connectToHost(m_host, m_port);
}

void SmtpClient::readReplies() {
    m_buffer += m_socket.readAll();
    while (!m_finished) {
        const qsizetype newline = m_buffer.indexOf('\n');
        if (newline < 0) {
            if (m_buffer.size() > kMaxReplyLineBytes)
                fail(u"the SMTP server sent a reply line longer than %1 bytes"_s.arg(
                    kMaxReplyLineBytes));
            return;
        }
        QByteArray line = m_buffer.left(newline);
        m_buffer.remove(0, newline + 1);
        if (line.endsWith('\r'))
            line.chop(1);
        bool isCode = line.size() >= 3;
        const int code = isCode ? line.left(3).toInt(&isCode) : 0;
        if (!isCode || code < 100 || (line.size() > 3 && line[3] != ' ' && line[3] != '-')) {
            fail(u"the SMTP server sent a malformed reply while "_s + stepName());
            return;
        }
        m_replyLines << QString::fromUtf8(line.mid(4));
        if (line.size() > 3 && line[3] == '-')
            continue; // more lines of this reply follow
        const QString text = m_replyLines.join(u' ');
        m_replyLines.clear();
        handleReply(code, text);
    }
}

void SmtpClient::handleReply(int code, const QString& text) {
    const auto refused = [&] {
        fail(u"the SMTP server answered %1 %2 while %3"_s.arg(code).arg(text, stepName()));
    };
    switch (m_step) {
    case Step::Connecting: // replies follow connected(); listed for completeness
    case Step::Greeting:
        if (code != 220)
            return refused();
        sendCommand("EHLO " + heloName(), Step::Ehlo);
        return;
    case Step::Ehlo:
        if (code >= 500 && code < 600) // an old server: say HELO instead
            return sendCommand("HELO " + heloName(), Step::Helo);
        [[fallthrough]];
    case Step::Helo:
        if (code != 250)
            return refused();
        sendCommand("MAIL FROM:<" + m_message.from.toUtf8() + '>', Step::MailFrom);
        return;
    case Step::MailFrom:
        if (code != 250)
            return refused();
        sendCommand("RCPT TO:<" + m_message.to.toUtf8() + '>', Step::RcptTo);
        return;
    case Step::RcptTo:
        if (code != 250 && code != 251)
            return refused();
        sendCommand("DATA", Step::Data);
        return;
    case Step::Data:
        if (code != 354)
            return refused();
        m_step = Step::Content;
        m_socket.write(dotStuffed(m_message.toBytes(QDateTime::currentDateTimeUtc())));
        return;
    case Step::Content:
        if (code != 250)
            return refused();
        m_delivered = true;
        sendCommand("QUIT", Step::Quit);
        return;
    case Step::Quit:
        finish(true, {});
        return;
    }
}

void SmtpClient::sendCommand(const QByteArray& line, Step next) {
    m_step = next;
    m_socket.write(line + "\r\n");
}

void SmtpClient::onSocketError() {
    if (m_finished)
        return;
    if (m_delivered)
        return finish(true, {});
    if (m_step == Step::Connecting)
        return fail(u"cannot reach the SMTP server %1:%2: %3"_s.arg(m_host).arg(m_port).arg(
            m_socket.errorString()));
    if (m_socket.error() == QAbstractSocket::RemoteHostClosedError)
        return fail(u"the SMTP server closed the connection while "_s + stepName());
    fail(u"the connection to the SMTP server failed while %1: %2"_s.arg(stepName(),
                                                                        m_socket.errorString()));
}

void SmtpClient::fail(const QString& problem) {
    finish(m_delivered, m_delivered ? QString() : problem);
}

void SmtpClient::finish(bool delivered, const QString& problem) {
    if (m_finished)
        return;
    m_finished = true;
    m_deadline.stop();
    m_socket.disconnect(this);
    if (delivered)
        m_socket.disconnectFromHost();
    else
        m_socket.abort();
    emit finished(delivered, problem);
}

QString SmtpClient::stepName() const {
    switch (m_step) {
    case Step::Connecting:
        return u"connecting"_s;
    case Step::Greeting:
        return u"waiting for the greeting"_s;
    case Step::Ehlo:
        return u"greeting with EHLO"_s;
    case Step::Helo:
        return u"greeting with HELO"_s;
    case Step::MailFrom:
        return u"naming the sender"_s;
    case Step::RcptTo:
        return u"naming the recipient"_s;
    case Step::Data:
        return u"starting the message"_s;
    case Step::Content:
        return u"sending the message"_s;
    case Step::Quit:
        return u"saying goodbye"_s;
    }
    return {};
}

} // namespace bizy::server
