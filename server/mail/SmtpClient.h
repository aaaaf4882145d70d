#pragma once

#include "mail/MailMessage.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QTcpSocket>
#include <QTimer>

namespace bizy::server {

// Sends one message over plain SMTP (RFC 5321): the greeting, EHLO (HELO when
// EHLO is refused), MAIL FROM, RCPT TO, DATA with the message dot-stuffed, QUIT.
// Asynchronous on the thread it lives on, with one deadline for the whole
// conversation. finished() comes exactly once; a slot connected to it may
// deleteLater() the client.
//
//     auto* client = new SmtpClient(u"127.0.0.1"_s, 2525, this);
//     connect(client, &SmtpClient::finished, client, &QObject::deleteLater);
//     client->send(message);
class SmtpClient : public QObject {
    Q_OBJECT
public:
    static constexpr int kDefaultTimeoutMs = 20000;

    SmtpClient(QString host, quint16 port, QObject* parent = nullptr);

    void setTimeout(int milliseconds) { m_timeoutMs = milliseconds; }
    // Starts the conversation; call once.
    void send(const MailMessage& message);

    // The DATA payload: CRLF line endings, a '.' doubled at the start of every
    // line that has one, and the terminating ".\r\n".
    static QByteArray dotStuffed(const QByteArray& message);

signals:
    // delivered: the server accepted the message (its answer to the end of
    // DATA); otherwise `problem` says where and why it failed.
    void finished(bool delivered, const QString& problem);

private:
    enum class Step { Connecting, Greeting, Ehlo, Helo, MailFrom, RcptTo, Data, Content, Quit };

    void readReplies();
    void handleReply(int code, const QString& text);
    void sendCommand(const QByteArray& line, Step next);
    void onSocketError();
    void fail(const QString& problem);
    void finish(bool delivered, const QString& problem);
    QString stepName() const;

    QString m_host;
    quint16 m_port;
    int m_timeoutMs = kDefaultTimeoutMs;
    QTcpSocket m_socket;
    QTimer m_deadline;
    MailMessage m_message;
    Step m_step = Step::Connecting;
    QByteArray m_buffer;      // bytes of a reply line not complete yet
    QStringList m_replyLines; // the lines of a multi-line reply so far
    bool m_delivered = false;
    bool m_finished = false;
};

} // namespace bizy::server
