#pragma once

#include <QTcpServer>

namespace bizy::server {

// A QTcpServer that puts a BodyLimitGuard and a ConnectionIdleTimeout on every
// connection before QHttpServer gets it.
class GuardedTcpServer : public QTcpServer {
    Q_OBJECT
public:
    GuardedTcpServer(qint64 maxBodyBytes, int idleTimeoutSeconds, QObject* parent = nullptr);

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    qint64 m_maxBodyBytes;
    int m_idleTimeoutSeconds;
};

} // namespace bizy::server
