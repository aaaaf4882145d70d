#include "ConnectionIdleTimeout.h"

#include <QTcpSocket>

namespace bizy::server {

ConnectionIdleTimeout::ConnectionIdleTimeout(QTcpSocket* socket, int idleSeconds)
    : QObject(socket)
    , m_socket(socket) {
    m_timer.setSingleShot(true);
    m_timer.setInterval(idleSeconds * 1000);
    connect(&m_timer, &QTimer::timeout, this, [this] { m_socket->disconnectFromHost(); });
    auto restart = [this] { m_timer.start(); };
    connect(socket, &QTcpSocket::readyRead, this, restart);
    connect(socket, &QTcpSocket::bytesWritten, this, restart);
    m_timer.start();
}

} // namespace bizy::server
