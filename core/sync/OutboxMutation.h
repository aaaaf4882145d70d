#pragma once

#include "model/EntityKind.h"

#include <QJsonObject>
#include <QString>
#include <optional>

namespace bizy {

// One unsent change in the shape of a sync push mutation (docs/api.md section
// 6). Unsent edits of one row coalesce into one mutation until the sync engine
// seals it for pushing; `mid` is assigned at sealing, consecutively, because
// the server refuses gaps and coalescing removes rows.
struct OutboxMutation {
    using Entity = EntityKind;
    enum class Op { Upsert, Delete };

    qint64 seq = 0;            // local order
    std::optional<qint64> mid; // set once sealed
    Entity entity = Entity::Task;
    QString uuid;
    Op op = Op::Upsert;
    qint64 baseVersion = 0; // 0 for a create
    QJsonObject fields;     // only what changed; {} for a delete

    QJsonObject toJson() const; // needs mid
};

} // namespace bizy
