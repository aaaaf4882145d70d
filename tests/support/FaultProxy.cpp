#include "FaultProxy.h"

#include <QTimer>

using namespace Qt::StringLiterals;

FaultProxy::FaultProxy(QString targetHost, quint16 targetPort, QObject* parent)
    : QObject(parent)
    , m_targetHost(std::move(targetHost))
    , m_targetPort(targetPort) {
    connect(&m_server, &QTcpServer::newConnection, this, &FaultProxy::acceptConnections);
}

FaultProxy::~FaultProxy() {
    closeAllConnections();
}

bool FaultProxy::start(QString* error) {
    if (m_server.listen(QHostAddress::LocalHost, 0))
        return true;
    if (error)
        *error = u"FaultProxy cannot listen: "_s + m_server.errorString();
    return false;
}

QUrl FaultProxy::url() const {
    QUrl url;
    url.setScheme(u"http"_s);
    url.setHost(u"127.0.0.1"_s);
    url.setPort(port());
    return url;
}

void FaultProxy::setMode(Mode mode) {
    m_mode = mode;
    if (mode == Mode::Offline)
        closeAllConnections();
}

void FaultProxy::resetCounters() {
    m_connections = 0;
    m_requests = 0;
    m_droppedAnswers = 0;
}

void FaultProxy::closeAllConnections() {
    const auto links = m_links;
    for (const auto& link : links)
        closeLink(link);
}

void FaultProxy::acceptConnections() {
    while (QTcpSocket* client = m_server.nextPendingConnection()) {
        ++m_connections;
        if (m_mode == Mode::Offline) {
            client->abort();
            client->deleteLater();
            continue;
        }
        auto link = std::make_shared<Link>();
        link->client = client;
        link->upstream = new QTcpSocket(this);
        client->setParent(this);
        m_links.append(link);

        connect(client, &QTcpSocket::readyRead, this, [this, link] { forwardFromClient(link); });
        connect(client, &QTcpSocket::disconnected, this, [this, link] { closeLink(link); });
        connect(link->upstream, &QTcpSocket::connected, this, [this, link] {
            if (!link->toUpstream.isEmpty())
                deliver(link->upstream, std::exchange(link->toUpstream, {}));
        });
        connect(link->upstream, &QTcpSocket::readyRead, this,
                [this, link] { forwardFromUpstream(link); });
        connect(link->upstream, &QTcpSocket::disconnected, this, [this, link] { closeLink(link); });
        connect(link->upstream, &QTcpSocket::errorOccurred, this,
                [this, link](QAbstractSocket::SocketError) { closeLink(link); });
        link->upstream->connectToHost(m_targetHost, m_targetPort);
        if (client->bytesAvailable() > 0)
            forwardFromClient(link);
    }
}

void FaultProxy::forwardFromClient(const std::shared_ptr<Link>& link) {
    if (!link->client)
        return;
    const QByteArray bytes = link->client->readAll();
    countRequests(*link, bytes);
    if (link->upstream && link->upstream->state() == QAbstractSocket::ConnectedState &&
        link->toUpstream.isEmpty())
        deliver(link->upstream, bytes);
    else
        link->toUpstream += bytes;
}

void FaultProxy::forwardFromUpstream(const std::shared_ptr<Link>& link) {
    if (!link->upstream)
        return;
    const QByteArray bytes = link->upstream->readAll();
    if (m_answersToDrop > 0 && !link->answerDropped) {
        // The server has done the work; the client never hears about it.
        --m_answersToDrop;
        ++m_droppedAnswers;
        link->answerDropped = true;
        closeLink(link);
        return;
    }
    deliver(link->client, bytes);
}

void FaultProxy::deliver(QPointer<QTcpSocket> socket, const QByteArray& bytes) {
    if (bytes.isEmpty())
        return;
    if (m_mode != Mode::Delay || m_delayMs <= 0) {
        if (socket)
            socket->write(bytes);
        return;
    }
    QTimer::singleShot(m_delayMs, this, [socket, bytes] {
        if (socket && socket->state() == QAbstractSocket::ConnectedState)
            socket->write(bytes);
    });
}

// Counts complete requests in the client's byte stream (headers plus a
// Content-Length body; Qt never sends chunked request bodies for JSON).
void FaultProxy::countRequests(Link& link, const QByteArray& bytes) {
    link.requestBytes += bytes;
    while (true) {
        const qsizetype headerEnd = link.requestBytes.indexOf("\r\n\r\n");
        if (headerEnd < 0)
            return;
        qsizetype bodyLength = 0;
        const QList<QByteArray> lines = link.requestBytes.left(headerEnd).split('\n');
        for (const QByteArray& line : lines) {
            const qsizetype colon = line.indexOf(':');
            if (colon > 0 && line.left(colon).trimmed().toLower() == "content-length")
                bodyLength = line.mid(colon + 1).trimmed().toLongLong();
        }
        const qsizetype total = headerEnd + 4 + bodyLength;
        if (link.requestBytes.size() < total)
            return;
        ++m_requests;
        link.requestBytes.remove(0, total);
    }
}

void FaultProxy::closeLink(const std::shared_ptr<Link>& link) {
    if (!m_links.removeOne(link))
        return;
    // Disconnect first: aborting emits signals that would come back here.
    for (QTcpSocket* socket : {link->client.data(), link->upstream.data()}) {
        if (!socket)
            continue;
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
    }
}
