#pragma once

#include "model/Error.h"

#include <QFuture>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace bizy::server {

// Building answers in the contract's shapes (docs/api.md section 1). Every route
// answers through these, so the words and headers stay the same everywhere.
namespace Reply {

QHttpServerResponse json(int status, const QJsonObject& body);
QHttpServerResponse json(int status, const QJsonArray& body);
// A body already written as compact JSON text (large answers skip QJsonObject).
QHttpServerResponse json(int status, const QByteArray& body);
QHttpServerResponse noContent(); // 204, empty body
// {"detail": message}. For the auth-service paths the dispatcher adds "error".
QHttpServerResponse detail(int status, const QString& message);
// 422 {"detail": [{loc, msg, type}, ...]}; the errors carry their full loc.
QHttpServerResponse validation(const bizy::FieldErrors& errors);
// 401 with WWW-Authenticate: Bearer.
QHttpServerResponse unauthorized(const QString& message);
QHttpServerResponse notFound(); // {"detail": "Not Found"}
QHttpServerResponse methodNotAllowed();
QHttpServerResponse databaseUnavailable(); // 503 {"detail": "Database unavailable"}
// With a Retry-After header (423 lockouts, 429 rate limits).
QHttpServerResponse retryLater(int status, const QString& message, qint64 retryAfterSeconds);
// Validation -> 422, NotFound -> 404, Conflict -> 409, Cycle -> 400,
// Unauthorized -> 401 (+ WWW-Authenticate), Forbidden -> 403, Storage -> 503,
// anything else -> 400.
QHttpServerResponse fromError(const bizy::Error& error);

// An already finished future, for routes that answer without the thread pool.
QFuture<QHttpServerResponse> ready(QHttpServerResponse response);

} // namespace Reply

} // namespace bizy::server
