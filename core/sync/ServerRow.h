#pragma once

#include "model/Result.h"
#include "store/OutboxMutation.h"

#include <QJsonObject>
#include <QString>

namespace bizy {

// One row of a sync pull (API.md section 6): a task or goal as the server has
// it now, in the sync shape, or a tombstone.
struct ServerRow {
    OutboxMutation::Entity entity = OutboxMutation::Entity::Task;
    QString uuid;
    qint64 version = 0;
    bool deleted = false;
    QJsonObject json; // every field as validated by fromJson (times normalised); {} for a tombstone

    // A pulled task or goal object; an error names what is missing.
    static Result<ServerRow> fromJson(OutboxMutation::Entity entity, const QJsonObject& json);
};

} // namespace bizy
