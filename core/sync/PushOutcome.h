#pragma once

#include "model/Result.h"

#include <QJsonObject>
#include <QString>
#include <optional>

namespace bizy {

// The server's answer to one pushed mutation (docs/api.md section 6, `results`).
struct PushOutcome {
    enum class Status { Applied, Merged, Rejected };

    qint64 mid = 0;
    Status status = Status::Applied;
    std::optional<qint64> version; // null on a rejection
    std::optional<qint64> id;      // the server's integer id; null on a rejection
    QString code;                  // rejected: validation, deleted, cycle, forbidden
    QString message;
    QJsonObject overwritten; // merged: field -> the value that lost

    static Result<PushOutcome> fromJson(const QJsonObject& json);
};

} // namespace bizy
