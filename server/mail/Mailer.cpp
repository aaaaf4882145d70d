#include "Mailer.h"

#include "mail/MailLog.h"
#include "mail/SmtpClient.h"

namespace bizy::server {

Mailer::Mailer(MailSettings settings, QObject* parent)
    : QObject(parent)
    , m_settings(std::move(settings)) {}

void Mailer::send(MailMessage message) {
    if (!enabled()) {
        qCWarning(lcMail) << "No SMTP server is configured; dropped a mail to" << message.to;
        return;
    }
    message.from = m_settings.from;
    ++m_pending;
    QMetaObject::invokeMethod(
        this, [this, message] { start(message); }, Qt::QueuedConnection);
}

void Mailer::start(const MailMessage& message) {
    auto* client = new SmtpClient(m_settings.smtpHost, m_settings.smtpPort, this);
    connect(client, &SmtpClient::finished, this,
            [this, client, to = message.to, subject = message.subject](bool delivered,
                                                                       const QString& problem) {
                if (delivered)
                    qCInfo(lcMail) << "Delivered" << subject << "to" << to << "through"
                                   << m_settings.describe();
                else
                    qCWarning(lcMail) << "Could not send" << subject << "to" << to << "through"
                                      << m_settings.describe() << "-" << problem;
                client->deleteLater();
                if (--m_pending == 0)
                    emit idle();
            });
    client->send(message);
}

} // namespace bizy::server
