#pragma once

#include "ApiError.h"

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <optional>

namespace bizy {

// The outcome of one ApiRequest after all its attempts: the answer, or why not.
struct ApiReply {
    std::optional<ApiError> error;
    int httpStatus = 0;
    QJsonValue json; // undefined for an empty body (204)
    QByteArray body;
    int attempts = 0; // requests sent, replays after a token refresh included

    bool ok() const { return !error.has_value(); }
    QJsonObject object() const { return json.toObject(); }
    QJsonArray array() const { return json.toArray(); }
};

} // namespace bizy
