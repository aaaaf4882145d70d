#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QTcpServer>
#include <QUrl>

class QTcpSocket;

// An AI vendor on a free loopback port, for the server's AI tests: a
// QTcpServer that reads one HTTP request per connection and answers in the
// shape of the path it was sent to:
//   POST /v1/messages          the Anthropic Messages API
//   POST <any>/chat/completions an OpenAI-compatible chat completion
// The model's text comes from a queue of scripted replies (an empty queue
// answers HTTP 500). A reply may instead be a vendor failure (any status),
// a broken body sent as is, or come late. Every request is recorded.
class FakeAiVendor : public QObject {
    Q_OBJECT
public:
    struct Reply {
        QString text;       // the model's text, wrapped in the vendor's envelope
        int status = 200;   // another status answers the vendor's error envelope
        QByteArray rawBody; // when set: sent as the whole body, no envelope
        int delayMs = 0;    // wait this long before answering
    };

    struct Request {
        QString path;
        QHash<QByteArray, QByteArray> headers; // names lower-case
        QJsonObject body;
        // The system prompt and the user prompt, from either shape.
        QString systemPrompt() const;
        QString userPrompt() const;
    };

    explicit FakeAiVendor(QObject* parent = nullptr);

    bool start(QString* error = nullptr); // 127.0.0.1, a free port
    QUrl url() const;                     // http://127.0.0.1:<port>

    void reply(const QString& text) { m_replies.append(Reply{text}); }
    void reply(const Reply& scripted) { m_replies.append(scripted); }
    void clear(); // forgets scripted replies and recorded requests

    const QList<Request>& requests() const { return m_requests; }
    int pendingReplies() const { return int(m_replies.size()); }

private:
    void accept();
    void readFrom(QTcpSocket* socket);
    void answer(QTcpSocket* socket, const Request& request);

    QTcpServer m_server;
    QList<Reply> m_replies;
    QList<Request> m_requests;
};
