#include "SilentSecretService.h"

#include <QDBusError>
#include <QTextStream>

using namespace Qt::StringLiterals;

SilentSecretService::SilentSecretService(QObject* parent)
    : QDBusVirtualObject(parent) {}

bool SilentSecretService::registerOn(QDBusConnection connection, QString* error) {
    auto fail = [error](const QString& reason) {
        if (error)
            *error = reason;
        return false;
    };
    if (!connection.isConnected())
        return fail(u"no session bus: "_s + connection.lastError().message());
    if (!connection.registerVirtualObject(u"/"_s, this, QDBusConnection::SubPath))
        return fail(u"cannot take the object paths: "_s + connection.lastError().message());
    if (!connection.registerService(QString::fromLatin1(kServiceName)))
        return fail(u"cannot own %1: %2"_s.arg(QString::fromLatin1(kServiceName),
                                               connection.lastError().message()));
    return true;
}

// Introspection is a call like any other: it is held too.
QString SilentSecretService::introspect(const QString&) const {
    return {};
}

bool SilentSecretService::handleMessage(const QDBusMessage& message,
                                        const QDBusConnection& connection) {
    if (message.interface() == QLatin1String(kControlInterface)) {
        handleControl(message, connection);
        return true;
    }
    const QString call = message.interface() + u"."_s + message.member();
    m_received << call;
    QTextStream(stdout) << "silent-secret-service: " << (m_answering ? "refused " : "held ") << call
                        << " on " << message.path() << Qt::endl;
    if (m_answering)
        answerWithError(message, connection);
    else if (message.isReplyRequired()) // a call that wants no answer has nothing to hold
        m_held << message;
    return true; // handled: QtDBus sends no reply of its own
}

void SilentSecretService::handleControl(const QDBusMessage& message,
                                        const QDBusConnection& connection) {
    const QString method = message.member();
    if (method == u"ReceivedCalls"_s) {
        connection.send(message.createReply(QVariant::fromValue(m_received)));
    } else if (method == u"AnswerHeldCalls"_s) {
        m_answering = true;
        for (const QDBusMessage& held : std::exchange(m_held, {}))
            answerWithError(held, connection);
        connection.send(message.createReply());
    } else if (method == u"StaySilent"_s) {
        m_answering = false;
        connection.send(message.createReply());
    } else {
        connection.send(message.createErrorReply(QDBusError::UnknownMethod, method));
    }
}

void SilentSecretService::answerWithError(const QDBusMessage& message,
                                          const QDBusConnection& connection) {
    connection.send(
        message.createErrorReply(QDBusError::Failed, u"The silent Secret Service answers late"_s));
}
