#pragma once

#include <QTcpServer>

// A QTcpServer that puts a BodyLimitGuard on every connection before
// QHttpServer gets it, and stops accepting cleanly at shutdown.
class GuardedTcpServer : public QTcpServer {
    Q_OBJECT
public:
    GuardedTcpServer(qint64 maxBodyBytes, QObject* parent = nullptr);

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    qint64 m_maxBodyBytes;
};
