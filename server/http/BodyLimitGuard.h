#pragma once

#include <QByteArray>
#include <QObject>
#include <QTimer>

class QTcpSocket;

namespace bizy::server {

// Qt 6.4's QHttpServer buffers a whole request body before any route sees it
// and has no size limit. This guard watches one connection's bytes BEFORE
// QHttpServer reads them (its readyRead slot is connected first, and it only
// peeks): it follows request boundaries (headers, Content-Length or chunked
// bodies), and as soon as a request announces or sends more than the limit it
// answers 413 itself, drains and discards the rest, and closes the connection.
// QHttpServer never receives the oversized request.
class BodyLimitGuard : public QObject {
    Q_OBJECT
public:
    BodyLimitGuard(QTcpSocket* socket, qint64 maxBodyBytes);

    static constexpr qsizetype kMaxHeaderBytes = 64 * 1024;

private:
    void onReadyRead();
    // Follows the request stream over `data`; false once the request is refused.
    bool inspect(const QByteArray& data);
    bool startBody(const QByteArray& headers);
    void reject(int status, const QByteArray& reason, const QByteArray& message);

    enum class State { Headers, Body, ChunkedBody, Rejected };
    QTcpSocket* m_socket;
    qint64 m_maxBodyBytes;
    State m_state = State::Headers;
    QByteArray m_headerBuffer;
    qint64 m_bodyRemaining = 0; // Content-Length bodies
    qint64 m_chunkedSeen = 0;   // chunked bodies, framing included
    QByteArray m_chunkedTail;   // last bytes seen, to find "0\r\n\r\n" across reads
    qint64 m_discarded = 0;
    QTimer m_closeTimer;
};

} // namespace bizy::server
