#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

// A real SMTP server for tests: Debian's aiosmtpd (python3-aiosmtpd) on a free
// local port, keeping every message it accepts in a maildir. The destructor
// stops it.
class SmtpSink {
public:
    struct Mail {
        QHash<QByteArray, QString> headers; // names lower-case; aiosmtpd adds x-mailfrom, x-rcptto
        QString body;                       // lines end in \n
        QString header(const QByteArray& lowerCaseName) const {
            return headers.value(lowerCaseName);
        }
    };

    SmtpSink() = default;
    ~SmtpSink();
    SmtpSink(const SmtpSink&) = delete;
    SmtpSink& operator=(const SmtpSink&) = delete;

    // Starts the server and waits until it greets; error text on failure.
    bool start(QString* error = nullptr);
    quint16 port() const { return m_port; }
    QString url() const; // smtp://127.0.0.1:<port>

    // Every message received so far, oldest first.
    QList<Mail> messages() const;
    // Waits (running the event loop) until at least `count` messages arrived.
    bool waitForMessages(int count, int timeoutMs = 15000) const;

private:
    QString maildir() const;

    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
};
