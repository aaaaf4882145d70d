#include "FakeAiVendor.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace {

bool isAnthropic(const QString& path) {
    return path.endsWith(u"/v1/messages"_s);
}

QByteArray envelope(const QString& path, const QJsonObject& request,
                    const FakeAiVendor::Reply& reply) {
    QJsonObject body;
    if (isAnthropic(path)) {
        body = reply.status == 200
                   ? QJsonObject{{u"id"_s, u"msg_fake"_s},
                                 {u"type"_s, u"message"_s},
                                 {u"role"_s, u"assistant"_s},
                                 {u"model"_s, request.value(u"model"_s)},
                                 {u"content"_s, QJsonArray{QJsonObject{{u"type"_s, u"text"_s},
                                                                       {u"text"_s, reply.text}}}},
                                 {u"stop_reason"_s, u"end_turn"_s}}
                   : QJsonObject{
                         {u"type"_s, u"error"_s},
                         {u"error"_s, QJsonObject{{u"type"_s, u"api_error"_s},
                                                  {u"message"_s, u"Internal server error"_s}}}};
    } else {
        body = reply.status == 200
                   ? QJsonObject{{u"id"_s, u"chatcmpl-fake"_s},
                                 {u"object"_s, u"chat.completion"_s},
                                 {u"model"_s, request.value(u"model"_s)},
                                 {u"choices"_s,
                                  QJsonArray{QJsonObject{
                                      {u"index"_s, 0},
                                      {u"message"_s, QJsonObject{{u"role"_s, u"assistant"_s},
                                                                 {u"content"_s, reply.text}}},
                                      {u"finish_reason"_s, u"stop"_s}}}}}
                   : QJsonObject{{u"error"_s, QJsonObject{{u"message"_s, u"model crashed"_s},
                                                          {u"type"_s, u"server_error"_s}}}};
    }
    return QJsonDocument(body).toJson(QJsonDocument::Compact);
}

} // namespace

QString FakeAiVendor::Request::systemPrompt() const {
    if (body.contains(u"system"_s))
        return body.value(u"system"_s).toString();
    for (const QJsonValue& message : body.value(u"messages"_s).toArray()) {
        if (message[u"role"_s].toString() == u"system"_s)
            return message[u"content"_s].toString();
    }
    return {};
}

QString FakeAiVendor::Request::userPrompt() const {
    for (const QJsonValue& message : body.value(u"messages"_s).toArray()) {
        if (message[u"role"_s].toString() == u"user"_s)
            return message[u"content"_s].toString();
    }
    return {};
}

FakeAiVendor::FakeAiVendor(QObject* parent)
    : QObject(parent) {
    connect(&m_server, &QTcpServer::newConnection, this, &FakeAiVendor::accept);
}

bool FakeAiVendor::start(QString* error) {
    if (m_server.listen(QHostAddress::LocalHost, 0))
        return true;
    if (error)
        *error = m_server.errorString();
    return false;
}

QUrl FakeAiVendor::url() const {
    return QUrl(u"http://127.0.0.1:%1"_s.arg(m_server.serverPort()));
}

void FakeAiVendor::clear() {
    m_replies.clear();
    m_requests.clear();
}

void FakeAiVendor::accept() {
    while (QTcpSocket* socket = m_server.nextPendingConnection()) {
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { readFrom(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }
}

void FakeAiVendor::readFrom(QTcpSocket* socket) {
    // The whole request is kept on the socket until it has arrived.
    QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
    socket->setProperty("buffer", buffer);
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0)
        return;
    Request request;
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    request.path = QString::fromLatin1(lines.value(0).split(' ').value(1));
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            request.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                   lines[i].mid(colon + 1).trimmed());
    }
    const qsizetype length = request.headers.value("content-length").toLongLong();
    if (buffer.size() < headerEnd + 4 + length)
        return;
    request.body = QJsonDocument::fromJson(buffer.mid(headerEnd + 4, length)).object();
    socket->setProperty("buffer", QByteArray());
    m_requests.append(request);
    answer(socket, request);
}

void FakeAiVendor::answer(QTcpSocket* socket, const Request& request) {
    const Reply reply = m_replies.isEmpty() ? Reply{{}, 500} : m_replies.takeFirst();
    const QByteArray body =
        reply.rawBody.isEmpty() ? envelope(request.path, request.body, reply) : reply.rawBody;
    const QByteArray head =
        "HTTP/1.1 " + QByteArray::number(reply.status) + (reply.status == 200 ? " OK" : " Error") +
        "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) +
        "\r\nConnection: close\r\n\r\n";
    QPointer<QTcpSocket> target(socket);
    const QByteArray message = head + body; // a QByteArray, not a builder of dead locals
    QTimer::singleShot(reply.delayMs, this, [target, message] {
        if (!target || target->state() != QAbstractSocket::ConnectedState)
            return; // the server gave up waiting
        target->write(message);
        target->disconnectFromHost();
    });
}
