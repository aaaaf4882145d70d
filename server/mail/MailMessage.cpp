#include "MailMessage.h"

#include <QLocale>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace bizy::server {

namespace {

// RFC 5322 date in English whatever the locale: "Tue, 02 Dec 2025 06:31:00 +0000".
QByteArray rfc5322Date(const QDateTime& date) {
    return QLocale::c().toString(date.toUTC(), u"ddd, dd MMM yyyy HH:mm:ss +0000"_s).toLatin1();
}

// A header value on one line: a line break inside would start a new header.
QByteArray oneLine(const QString& value) {
    QString line = value;
    line.replace(u'\r', u' ').replace(u'\n', u' ');
    return line.toUtf8();
}

} // namespace

QByteArray MailMessage::toBytes(const QDateTime& date) const {
    const QString fromDomain = from.section(u'@', -1);
    const QByteArray domain = fromDomain.isEmpty() ? "localhost"_ba : oneLine(fromDomain);
    QByteArray bytes;
    bytes += "From: " + oneLine(from) + "\r\n";
    bytes += "To: " + oneLine(to) + "\r\n";
    bytes += "Subject: " + oneLine(subject) + "\r\n";
    bytes += "Date: " + rfc5322Date(date) + "\r\n";
    bytes += "Message-ID: <" + QUuid::createUuid().toByteArray(QUuid::WithoutBraces) + '@' +
             domain + ">\r\n";
    bytes += "MIME-Version: 1.0\r\n";
    bytes += "Content-Type: text/plain; charset=utf-8\r\n";
    bytes += "Content-Transfer-Encoding: 8bit\r\n";
    bytes += "\r\n";
    QString text = body;
    text.replace(u"\r\n"_s, u"\n"_s).replace(u'\r', u'\n');
    bytes += text.toUtf8().replace('\n', "\r\n");
    if (!bytes.endsWith("\r\n"))
        bytes += "\r\n";
    return bytes;
}

} // namespace bizy::server
