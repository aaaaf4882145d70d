#pragma once

#include "TransferRecords.h"
#include "model/Goal.h"
#include "model/Result.h"
#include "model/Task.h"

#include <QByteArray>
#include <QList>

namespace bizy {

// The JSON file of import and export, in the contract's shape:
// {"goals": [...], "tasks": [...]}, each row in the sync shape of docs/api.md
// (relations as uuids: parent_goal_uuid, dependency_uuids), so the goal tree
// and dependencies survive a round trip.
class TaskJsonFormat {
public:
    // The records, or an error naming the line and column (bad JSON) or the
    // record ("tasks[3]") at fault.
    static Result<TransferRecords> read(const QByteArray& bytes);
    // Goals parents first, tasks in the order given; indented UTF-8.
    static QByteArray write(const QList<Goal>& goals, const QList<Task>& tasks);
};

} // namespace bizy
