#include "Reply.h"

#include <QFutureInterface>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace bizy::server {

namespace Reply {

namespace {

QHttpServerResponse::StatusCode statusCode(int status) {
    return static_cast<QHttpServerResponse::StatusCode>(status);
}

} // namespace

QHttpServerResponse json(int status, const QJsonObject& body) {
    return QHttpServerResponse(body, statusCode(status));
}

QHttpServerResponse json(int status, const QJsonArray& body) {
    return QHttpServerResponse(body, statusCode(status));
}

QHttpServerResponse json(int status, const QByteArray& body) {
    return QHttpServerResponse("application/json"_ba, body, statusCode(status));
}

QHttpServerResponse noContent() {
    return QHttpServerResponse(QHttpServerResponse::StatusCode::NoContent);
}

QHttpServerResponse detail(int status, const QString& message) {
    return json(status, QJsonObject{{u"detail"_s, message}});
}

QHttpServerResponse validation(const bizy::FieldErrors& errors) {
    return json(422, QJsonObject{{u"detail"_s, bizy::toJson(errors)}});
}

QHttpServerResponse unauthorized(const QString& message) {
    QHttpServerResponse response = detail(401, message);
    response.setHeader("WWW-Authenticate"_ba, "Bearer"_ba);
    return response;
}

QHttpServerResponse notFound() {
    return detail(404, u"Not Found"_s);
}

QHttpServerResponse methodNotAllowed() {
    return detail(405, u"Method Not Allowed"_s);
}

QHttpServerResponse databaseUnavailable() {
    QHttpServerResponse response = detail(503, u"Database unavailable"_s);
    response.setHeader("Retry-After"_ba, "5"_ba);
    return response;
}

QHttpServerResponse retryLater(int status, const QString& message, qint64 retryAfterSeconds) {
    QHttpServerResponse response = detail(status, message);
    response.setHeader("Retry-After"_ba, QByteArray::number(qMax<qint64>(1, retryAfterSeconds)));
    return response;
}

QHttpServerResponse fromError(const bizy::Error& error) {
    using Code = bizy::Error::Code;
    switch (error.code) {
    case Code::Validation:
        return validation(error.fields);
    case Code::NotFound:
        return detail(404, error.message);
    case Code::Conflict:
        return detail(409, error.message);
    case Code::Unauthorized:
        return unauthorized(error.message);
    case Code::Forbidden:
        return detail(403, error.message);
    case Code::Storage:
    case Code::Network:
        return databaseUnavailable();
    case Code::Cycle:
    case Code::Incompatible:
    case Code::Server:
        break;
    }
    return detail(400, error.message);
}

QFuture<QHttpServerResponse> ready(QHttpServerResponse response) {
    QFutureInterface<QHttpServerResponse> promise;
    promise.reportStarted();
    promise.reportAndMoveResult(std::move(response));
    promise.reportFinished();
    return promise.future();
}

} // namespace Reply

} // namespace bizy::server
