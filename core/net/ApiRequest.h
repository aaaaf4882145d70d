#pragma once

#include <QByteArray>
#include <QJsonValue>
#include <QString>
#include <QUrlQuery>

namespace bizy {

// One call to the server, relative to ApiClient's base URL.
struct ApiRequest {
    QByteArray method = QByteArrayLiteral("GET");
    QString path; // "/api/tasks/", starting with a slash
    QUrlQuery query;
    QJsonValue body = QJsonValue::Undefined; // sent as JSON unless undefined
    bool authenticated = true;               // sends the Bearer token, refreshes after a 401
    bool retry = true;                       // repeat after network errors, timeouts, 429, 503
    int timeoutMs = 0;                       // 0: ApiClient's default transfer timeout
};

} // namespace bizy
