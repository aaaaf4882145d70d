#pragma once

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusVirtualObject>
#include <QList>
#include <QStringList>
#include <QVariantMap>

// A stand-in for the desktop's notification service
// (org.freedesktop.Notifications, version 1.2 of the spec) on a private
// session bus: it owns the name on a connection of its own, answers
// GetCapabilities with the capabilities it was given, records each Notify
// and CloseNotification, and sends ActionInvoked and NotificationClosed when
// the test plays the user.
class FakeNotificationService : public QDBusVirtualObject {
    Q_OBJECT
public:
    struct Notification {
        uint id = 0;
        QString appName;
        uint replacesId = 0;
        QString appIcon;
        QString summary;
        QString body;
        QStringList actions; // key, label, key, label...
        QVariantMap hints;
        int expireTimeout = 0;
    };

    explicit FakeNotificationService(const QStringList& capabilities, QObject* parent = nullptr);
    ~FakeNotificationService() override;

    // Connects to the session bus on a connection of its own and takes the
    // name; false with the bus's reason when refused.
    bool start(QString* error);

    const QList<Notification>& received() const { return m_received; }
    const QList<uint>& closed() const { return m_closed; }

    // The user clicked an action (its key) of notification `id`.
    void invokeAction(uint id, const QString& actionKey);

    QString introspect(const QString& path) const override;
    bool handleMessage(const QDBusMessage& message, const QDBusConnection& connection) override;

private:
    void sendSignal(const QString& name, const QVariantList& arguments);

    QStringList m_capabilities;
    QString m_connectionName;
    QList<Notification> m_received;
    QList<uint> m_closed;
    uint m_nextId = 0;
};
