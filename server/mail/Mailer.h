#pragma once

#include "mail/MailMessage.h"
#include "mail/MailSettings.h"

#include <QObject>
#include <atomic>

namespace bizy::server {

// The server's outgoing mail: each message goes out on its own SmtpClient on
// the thread the Mailer lives on (the event loop's), whoever calls send().
// Sending never holds up an answer, and a failure is only logged: the caller
// has answered already.
class Mailer : public QObject {
    Q_OBJECT
public:
    explicit Mailer(MailSettings settings, QObject* parent = nullptr);

    bool enabled() const { return m_settings.enabled(); }
    // Queues the message (From is the configured sender). Thread safe.
    void send(MailMessage message);
    // Messages queued or being sent.
    int pending() const { return m_pending.load(); }

signals:
    // The last pending message was delivered or given up.
    void idle();

private:
    void start(const MailMessage& message);

    MailSettings m_settings;
    std::atomic<int> m_pending{0};
};

} // namespace bizy::server
