#pragma once

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>
#include <memory>

// A loopback TCP proxy in front of a real server, with switchable faults, so
// client tests can meet the network as it really fails: offline, slow, or an
// answer lost after the server already did the work (docs/api.md section 6).
class FaultProxy : public QObject {
    Q_OBJECT
public:
    enum class Mode {
        PassThrough,
        Offline, // new connections are closed at once, open ones are cut
        Delay    // every chunk, both ways, waits delayMs() before it is forwarded
    };

    FaultProxy(QString targetHost, quint16 targetPort, QObject* parent = nullptr);
    ~FaultProxy() override;

    // Listens on 127.0.0.1 at a free port.
    bool start(QString* error = nullptr);
    quint16 port() const { return m_server.serverPort(); }
    QUrl url() const; // http://127.0.0.1:<port>

    void setMode(Mode mode);
    Mode mode() const { return m_mode; }
    void setDelayMs(int milliseconds) { m_delayMs = milliseconds; }
    int delayMs() const { return m_delayMs; }
    // The next `count` answers are swallowed: the request reaches the server,
    // then the connection to the client is cut before any answer byte arrives.
    void dropAnswers(int count) { m_answersToDrop = count; }
    // Cuts every open connection (as a network change would).
    void closeAllConnections();

    int connectionCount() const { return m_connections; } // accepted, refused ones included
    int requestCount() const { return m_requests; }       // complete HTTP requests forwarded
    int droppedAnswerCount() const { return m_droppedAnswers; }
    void resetCounters();

private:
    struct Link {
        QPointer<QTcpSocket> client;
        QPointer<QTcpSocket> upstream;
        QByteArray toUpstream;   // client bytes waiting for the upstream connection
        QByteArray requestBytes; // client bytes not yet counted as a full request
        bool answerDropped = false;
    };

    void acceptConnections();
    void forwardFromClient(const std::shared_ptr<Link>& link);
    void forwardFromUpstream(const std::shared_ptr<Link>& link);
    void deliver(QPointer<QTcpSocket> socket, const QByteArray& bytes);
    void countRequests(Link& link, const QByteArray& bytes);
    void closeLink(const std::shared_ptr<Link>& link);

    QString m_targetHost;
    quint16 m_targetPort;
    QTcpServer m_server;
    Mode m_mode = Mode::PassThrough;
    int m_delayMs = 0;
    int m_answersToDrop = 0;
    int m_connections = 0;
    int m_requests = 0;
    int m_droppedAnswers = 0;
    QList<std::shared_ptr<Link>> m_links;
};
