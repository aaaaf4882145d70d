#include "StoreChanges.h"

namespace bizy {

QStringList StoreChanges::taskUuids() const {
    QStringList uuids = removedTasks;
    for (const Task& task : tasks)
        uuids << task.uuid;
    return uuids;
}

QStringList StoreChanges::goalUuids() const {
    QStringList uuids = removedGoals;
    for (const Goal& goal : goals)
        uuids << goal.uuid;
    return uuids;
}

} // namespace bizy
