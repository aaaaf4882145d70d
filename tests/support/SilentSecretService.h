#pragma once

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusVirtualObject>
#include <QList>
#include <QStringList>

// A Secret Service that takes every call and never answers, as one does on a
// desktop with no unlocked login keyring and no prompter. It owns
// org.freedesktop.secrets and every object path under "/", records (and
// prints) each call it receives so a test can prove its keychain calls
// reached it, and holds the calls unanswered.
//
// A control interface at kControlPath (SilentKeyring.h is its client):
// ReceivedCalls() lists "interface.member" of each call received; AnswerHeldCalls()
// answers the held calls, and every later one, with an error (a late answer);
// StaySilent() goes back to never answering.
class SilentSecretService : public QDBusVirtualObject {
    Q_OBJECT
public:
    static constexpr const char* kServiceName = "org.freedesktop.secrets";
    static constexpr const char* kControlPath = "/org/bizy/SilentSecretService";
    static constexpr const char* kControlInterface = "org.bizy.SilentSecretService";

    explicit SilentSecretService(QObject* parent = nullptr);

    // Takes every path, then the name; false with the bus's reason when refused.
    bool registerOn(QDBusConnection connection, QString* error);

    QString introspect(const QString& path) const override;
    bool handleMessage(const QDBusMessage& message, const QDBusConnection& connection) override;

private:
    void handleControl(const QDBusMessage& message, const QDBusConnection& connection);
    void answerWithError(const QDBusMessage& message, const QDBusConnection& connection);

    QStringList m_received;
    QList<QDBusMessage> m_held;
    bool m_answering = false; // after AnswerHeldCalls, until StaySilent
};
