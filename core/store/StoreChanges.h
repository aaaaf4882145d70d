#pragma once

#include "model/Goal.h"
#include "model/Task.h"

#include <QList>
#include <QMetaType>
#include <QStringList>
#include <optional>

namespace bizy {

// What one committed store transaction changed, published once after the
// commit (LocalStore::changed), with the rows as they are now, so that
// models update their rows from it instead of querying again. A change too
// large to carry (an import, a reload) says so with `bulk`: then the rows are
// left out and whoever shows them reads what they show afresh.
struct StoreChanges {
    QList<Task> tasks; // created or changed tasks, as stored now
    QList<Goal> goals;
    QStringList removedTasks; // uuids of tasks that no longer exist
    QStringList removedGoals;
    bool bulk = false;

    std::optional<qsizetype> pendingCount;  // set when the outbox changed
    std::optional<qsizetype> conflictCount; // set when the journal changed
    int conflictsAdded = 0;                 // entries this change added

    bool touchesTasks() const { return bulk || !tasks.isEmpty() || !removedTasks.isEmpty(); }
    bool touchesGoals() const { return bulk || !goals.isEmpty() || !removedGoals.isEmpty(); }
    // Every uuid the change names, tasks first (for logs and simple listeners).
    QStringList taskUuids() const;
    QStringList goalUuids() const;
};

} // namespace bizy

Q_DECLARE_METATYPE(bizy::StoreChanges)
