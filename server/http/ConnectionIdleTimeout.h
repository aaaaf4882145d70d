#pragma once

#include <QObject>
#include <QTimer>

class QTcpSocket;

namespace bizy::server {

// Closes a connection on which nothing was read or written for a while:
// Qt 6.4's QHttpServer never does, so idle keep-alive sockets and clients that
// stop halfway through a request would otherwise be held forever.
class ConnectionIdleTimeout : public QObject {
    Q_OBJECT
public:
    ConnectionIdleTimeout(QTcpSocket* socket, int idleSeconds);

private:
    QTcpSocket* m_socket;
    QTimer m_timer;
};

} // namespace bizy::server
