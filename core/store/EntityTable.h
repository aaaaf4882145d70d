#pragma once

#include "GoalTable.h"
#include "TaskTable.h"
#include "model/EntityKind.h"

namespace bizy {

// The table that holds rows of `kind` ("tasks", "goals").
inline const QString& entityTable(EntityKind kind) {
    return kind == EntityKind::Task ? TaskTable::columns().table() : GoalTable::columns().table();
}

} // namespace bizy
