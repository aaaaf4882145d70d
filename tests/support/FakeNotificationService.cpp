#include "FakeNotificationService.h"

#include <QDBusArgument>
#include <QDBusError>
#include <QDBusMetaType>

using namespace Qt::StringLiterals;

namespace {

const QString kService = u"org.freedesktop.Notifications"_s;
const QString kPath = u"/org/freedesktop/Notifications"_s;
const QString kInterface = u"org.freedesktop.Notifications"_s;

} // namespace

FakeNotificationService::FakeNotificationService(const QStringList& capabilities, QObject* parent)
    : QDBusVirtualObject(parent)
    , m_capabilities(capabilities)
    , m_connectionName(u"fake-notifications-%1"_s.arg(quintptr(this))) {}

FakeNotificationService::~FakeNotificationService() {
    QDBusConnection connection(m_connectionName);
    if (connection.isConnected()) {
        connection.unregisterService(kService);
        connection.unregisterObject(kPath);
    }
    QDBusConnection::disconnectFromBus(m_connectionName);
}

bool FakeNotificationService::start(QString* error) {
    QDBusConnection connection =
        QDBusConnection::connectToBus(QDBusConnection::SessionBus, m_connectionName);
    auto fail = [error](const QString& reason) {
        if (error)
            *error = reason;
        return false;
    };
    if (!connection.isConnected())
        return fail(u"no session bus: "_s + connection.lastError().message());
    if (!connection.registerVirtualObject(kPath, this))
        return fail(u"cannot take %1: %2"_s.arg(kPath, connection.lastError().message()));
    if (!connection.registerService(kService))
        return fail(u"cannot own %1: %2"_s.arg(kService, connection.lastError().message()));
    return true;
}

QString FakeNotificationService::introspect(const QString&) const {
    return {};
}

bool FakeNotificationService::handleMessage(const QDBusMessage& message,
                                            const QDBusConnection& connection) {
    const QString method = message.member();
    const QVariantList args = message.arguments();
    if (method == u"GetCapabilities"_s) {
        connection.send(message.createReply(QVariant::fromValue(m_capabilities)));
    } else if (method == u"GetServerInformation"_s) {
        connection.send(
            message.createReply(QVariantList{u"fake"_s, u"bizy tests"_s, u"1"_s, u"1.2"_s}));
    } else if (method == u"Notify"_s && args.size() == 8) {
        Notification notification;
        notification.appName = args.at(0).toString();
        notification.replacesId = args.at(1).toUInt();
        notification.appIcon = args.at(2).toString();
        notification.summary = args.at(3).toString();
        notification.body = args.at(4).toString();
        notification.actions = args.at(5).toStringList();
        notification.hints = qdbus_cast<QVariantMap>(args.at(6));
        notification.expireTimeout = args.at(7).toInt();
        notification.id = notification.replacesId ? notification.replacesId : ++m_nextId;
        m_received << notification;
        connection.send(message.createReply(QVariant::fromValue(notification.id)));
    } else if (method == u"CloseNotification"_s && args.size() == 1) {
        const uint id = args.at(0).toUInt();
        m_closed << id;
        connection.send(message.createReply());
        sendSignal(u"NotificationClosed"_s, {id, 3u}); // closed by a call
    } else {
        connection.send(message.createErrorReply(QDBusError::UnknownMethod, method));
    }
    return true;
}

void FakeNotificationService::invokeAction(uint id, const QString& actionKey) {
    sendSignal(u"ActionInvoked"_s, {id, actionKey});
}

void FakeNotificationService::sendSignal(const QString& name, const QVariantList& arguments) {
    QDBusMessage signal = QDBusMessage::createSignal(kPath, kInterface, name);
    signal.setArguments(arguments);
    QDBusConnection(m_connectionName).send(signal);
}
