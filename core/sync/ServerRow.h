#pragma once

#include "model/EntityKind.h"
#include "model/Result.h"

#include <QJsonObject>
#include <QString>

namespace bizy {

// One row of a sync pull (docs/api.md section 6): a task or goal as the server has
// it now, in the sync shape, or a tombstone.
struct ServerRow {
    EntityKind entity = EntityKind::Task;
    QString uuid;
    qint64 version = 0;
    bool deleted = false;
    QJsonObject json; // every field as validated by fromJson (times normalised); {} for a tombstone

    // A pulled task or goal object; an error names what is missing.
    static Result<ServerRow> fromJson(EntityKind entity, const QJsonObject& json);
};

} // namespace bizy
