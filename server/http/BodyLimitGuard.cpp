#include "BodyLimitGuard.h"

#include "ServerLog.h"

#include <QTcpSocket>

using namespace Qt::StringLiterals;

namespace bizy::server {

namespace {
// Past this much discarded input the peer is not a client waiting for an
// answer: cut it off.
constexpr qint64 kMaxDiscardBytes = 64LL * 1024 * 1024;
} // namespace

BodyLimitGuard::BodyLimitGuard(QTcpSocket* socket, qint64 maxBodyBytes)
    : QObject(socket)
    , m_socket(socket)
    , m_maxBodyBytes(maxBodyBytes) {
    connect(socket, &QTcpSocket::readyRead, this, &BodyLimitGuard::onReadyRead);
    m_closeTimer.setSingleShot(true);
    m_closeTimer.setInterval(500);
    connect(&m_closeTimer, &QTimer::timeout, this, [this] { m_socket->disconnectFromHost(); });
}

void BodyLimitGuard::onReadyRead() {
    if (m_state == State::Rejected) {
        m_discarded += m_socket->readAll().size();
        if (m_discarded > kMaxDiscardBytes)
            m_socket->abort();
        else
            m_closeTimer.start(); // close once the client stops sending
        return;
    }
    // Only peek: QHttpServer's own slot runs after this one and reads the same
    // bytes (it consumes everything it is given, so a peek sees new bytes only).
    const QByteArray data = m_socket->peek(m_socket->bytesAvailable());
    inspect(data);
}

bool BodyLimitGuard::inspect(const QByteArray& data) {
    qsizetype position = 0;
    while (position < data.size()) {
        switch (m_state) {
        case State::Headers: {
            const qsizetype searchFrom = qMax<qsizetype>(0, m_headerBuffer.size() - 3);
            m_headerBuffer += data.mid(position);
            const qsizetype end = m_headerBuffer.indexOf("\r\n\r\n", searchFrom);
            if (end < 0) {
                if (m_headerBuffer.size() > kMaxHeaderBytes) {
                    reject(431, "Request Header Fields Too Large",
                           R"({"detail":"Request headers too large"})");
                    return false;
                }
                return true;
            }
            const qsizetype consumedHere =
                (end + 4) - (m_headerBuffer.size() - (data.size() - position));
            const QByteArray headers = m_headerBuffer.left(end + 4);
            m_headerBuffer.clear();
            position += consumedHere;
            if (!startBody(headers))
                return false;
            break;
        }
        case State::Body: {
            const qint64 take = qMin<qint64>(m_bodyRemaining, data.size() - position);
            m_bodyRemaining -= take;
            position += take;
            if (m_bodyRemaining == 0)
                m_state = State::Headers;
            break;
        }
        case State::ChunkedBody: {
            const QByteArray chunk = data.mid(position);
            m_chunkedSeen += chunk.size();
            const QByteArray window = m_chunkedTail + chunk;
            const qsizetype end = window.indexOf("\r\n0\r\n\r\n");
            if (m_chunkedSeen > m_maxBodyBytes + 64 * 1024) { // framing overhead allowed
                reject(413, "Payload Too Large",
                       R"j({"detail":"Request body too large (the limit is 1 MiB)"})j");
                return false;
            }
            if (end >= 0) {
                const qsizetype consumed = end + 7 - m_chunkedTail.size();
                position += consumed;
                m_state = State::Headers;
                m_chunkedTail.clear();
                m_chunkedSeen = 0;
            } else {
                m_chunkedTail = window.right(6);
                position = data.size();
            }
            break;
        }
        case State::Rejected:
            return false;
        }
    }
    return true;
}

bool BodyLimitGuard::startBody(const QByteArray& headers) {
    qint64 contentLength = 0;
    bool chunked = false;
    bool expectContinue = false;
    const QList<QByteArray> lines = headers.split('\n');
    for (const QByteArray& line : lines) {
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-length") {
            bool ok = false;
            contentLength = value.toLongLong(&ok);
            if (!ok || contentLength < 0) {
                reject(400, "Bad Request", R"({"detail":"Invalid Content-Length"})");
                return false;
            }
        } else if (name == "transfer-encoding" && value.toLower().contains("chunked")) {
            chunked = true;
        } else if (name == "expect" && value.toLower() == "100-continue") {
            expectContinue = true;
        }
    }
    if (contentLength > m_maxBodyBytes) {
        reject(413, "Payload Too Large",
               R"j({"detail":"Request body too large (the limit is 1 MiB)"})j");
        return false;
    }
    // QHttpServer 6.4 ignores Expect; without this, curl and others wait a
    // second before sending the body.
    if (expectContinue && (chunked || contentLength > 0))
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    if (chunked) {
        m_state = State::ChunkedBody;
        m_chunkedSeen = 0;
        m_chunkedTail = "\r\n"; // a body of only "0\r\n\r\n" ends at once
    } else if (contentLength > 0) {
        m_state = State::Body;
        m_bodyRemaining = contentLength;
    }
    return true;
}

void BodyLimitGuard::reject(int status, const QByteArray& reason, const QByteArray& message) {
    m_state = State::Rejected;
    // Take the bytes away before QHttpServer's slot can parse them.
    m_discarded += m_socket->readAll().size();
    QByteArray answer = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason +
                        "\r\nContent-Type: application/json\r\nContent-Length: " +
                        QByteArray::number(message.size()) + "\r\nConnection: close\r\n\r\n" +
                        message;
    m_socket->write(answer);
    m_socket->flush();
    logAccess(u"-"_s, u"(refused before parsing)"_s, status, 0, 0);
    qCInfo(lcServer) << "Refused a request from" << m_socket->peerAddress().toString() << "with"
                     << status << reason;
    m_closeTimer.start();
}

} // namespace bizy::server
