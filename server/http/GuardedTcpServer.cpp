#include "GuardedTcpServer.h"

#include "http/BodyLimitGuard.h"
#include "http/ConnectionIdleTimeout.h"

#include <QTcpSocket>

namespace bizy::server {

GuardedTcpServer::GuardedTcpServer(qint64 maxBodyBytes, int idleTimeoutSeconds, QObject* parent)
    : QTcpServer(parent)
    , m_maxBodyBytes(maxBodyBytes)
    , m_idleTimeoutSeconds(idleTimeoutSeconds) {}

void GuardedTcpServer::incomingConnection(qintptr socketDescriptor) {
    auto* socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        delete socket;
        return;
    }
    new BodyLimitGuard(socket, m_maxBodyBytes); // connected before QHttpServer's slot
    new ConnectionIdleTimeout(socket, m_idleTimeoutSeconds);
    addPendingConnection(socket);
}

} // namespace bizy::server
