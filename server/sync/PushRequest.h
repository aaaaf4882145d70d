#pragma once

#include "model/FieldError.h"
#include "model/Result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace bizy::server {

// The body of POST /api/sync/push, checked for shape (docs/api.md section 6).
// Shape errors are a 422 for the whole request; what a mutation's `fields`
// say is checked later, per mutation, by the entity's schema.
struct PushRequest {
    static constexpr qsizetype kMaxMutations = 100;

    struct Mutation {
        qint64 mid = 0;
        QString entity; // "task" | "goal"
        QString uuid;   // canonical: lower-case, no braces
        bool isDelete = false;
        qint64 baseVersion = 0;
        QJsonObject fields;
    };

    QString deviceId;
    QList<Mutation> mutations;

    // True when the body holds more mutations than one push may carry (413).
    static bool tooManyMutations(const QJsonObject& body);
    // Errors carry loc ["body", ...], e.g. ["body", "mutations", 3, "mid"].
    static bizy::Result<PushRequest> parse(const QJsonObject& body);
};

} // namespace bizy::server
