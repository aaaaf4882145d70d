#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace bizy::server {

// One plain-text mail to one recipient.
struct MailMessage {
    QString from;
    QString to;
    QString subject; // one line
    QString body;    // lines separated by \n

    // The message as SMTP's DATA carries it before dot-stuffing: the headers
    // (From, To, Subject, Date, Message-ID, MIME-Version, Content-Type), a blank
    // line and the body, UTF-8, every line ending in CRLF.
    QByteArray toBytes(const QDateTime& date) const;
};

} // namespace bizy::server
