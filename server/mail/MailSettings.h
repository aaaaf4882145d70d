#pragma once

#include "model/Result.h"

#include <QHash>
#include <QString>

namespace bizy::server {

// Where outgoing mail goes: BIZY_SMTP_URL (smtp://host:port, plain SMTP
// without authentication, port 25 by default) and BIZY_MAIL_FROM (the sender
// address, required with it). Without BIZY_SMTP_URL the server sends no mail.
struct MailSettings {
    QString smtpHost;
    quint16 smtpPort = 25;
    QString from;

    bool enabled() const { return !smtpHost.isEmpty(); }
    // host:port for logs.
    QString describe() const;

    static bizy::Result<MailSettings> fromVariables(const QHash<QString, QString>& variables);
    // An address SMTP can carry in MAIL FROM/RCPT TO and a header: local@domain
    // with no spaces, angle brackets or line breaks.
    static bool isPlainAddress(const QString& address);
};

} // namespace bizy::server
