#pragma once

#include "model/Result.h"

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QHttpServerRequest>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QUrlQuery>
#include <atomic>
#include <memory>

namespace bizy::server {

// A request copied out of QHttpServer's connection object, so a route may hand
// it to a worker thread: QHttpServerRequest belongs to the socket and is reused
// for the next request on that connection.
struct HttpRequest {
    QHttpServerRequest::Method method = QHttpServerRequest::Method::Unknown;
    QString path; // decoded, without the query
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; // names lower-case
    QByteArray body;
    QHostAddress remoteAddress;
    QHash<QString, QString> pathParams; // {task_id} of the route pattern

    static HttpRequest fromQt(const QHttpServerRequest& request);

    QByteArray header(const QByteArray& lowerCaseName) const {
        return headers.value(lowerCaseName);
    }
    QString pathParam(const QString& name) const { return pathParams.value(name); }
    // A positive integer path parameter, else a 422 error with loc ["path", name].
    bizy::Result<qint64> pathId(const QString& name) const;
    // The body as a JSON object: 422 loc ["body"] type json_invalid for malformed
    // JSON, dict_type for another JSON value, and string_nul for a string that
    // holds U+0000 (PostgreSQL cannot store it).
    bizy::Result<QJsonObject> jsonObject() const;
    // The same for a body that must be a JSON array (list_type otherwise).
    bizy::Result<QJsonArray> jsonArray() const;
    // The token of "Authorization: Bearer <token>", empty when absent.
    QString bearerToken() const;
    // Paths of the old auth service (and the Profile page's change-password),
    // whose errors also carry "error".
    bool isAuthServicePath() const;

    // The authenticated user for the access log; set by AuthGuard.
    void noteUserId(qint64 userId) const { m_loggedUserId->store(userId); }
    qint64 loggedUserId() const { return m_loggedUserId->load(); }

private:
    // The body as JSON, or the 422 for a missing or malformed body or a NUL string.
    bizy::Result<QJsonDocument> jsonDocument() const;

    std::shared_ptr<std::atomic<qint64>> m_loggedUserId = std::make_shared<std::atomic<qint64>>(0);
};

} // namespace bizy::server
