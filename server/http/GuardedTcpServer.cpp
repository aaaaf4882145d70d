#include "GuardedTcpServer.h"

#include "http/BodyLimitGuard.h"

#include <QTcpSocket>

GuardedTcpServer::GuardedTcpServer(qint64 maxBodyBytes, QObject* parent)
    : QTcpServer(parent)
    , m_maxBodyBytes(maxBodyBytes) {}

void GuardedTcpServer::incomingConnection(qintptr socketDescriptor) {
    auto* socket = new QTcpSocket(this);
    if (!socket->setSocketDescriptor(socketDescriptor)) {
        delete socket;
        return;
    }
    new BodyLimitGuard(socket, m_maxBodyBytes); // connected before QHttpServer's slot
    addPendingConnection(socket);
}
