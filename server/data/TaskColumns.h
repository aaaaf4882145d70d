#pragma once

#include "data/EntityColumns.h"
#include "model/Task.h"

namespace bizy::server {

// The tasks table, column by column (migrations 0002 and 0003). Every field
// of Task::schema() is a column except the sync's relation uuids
// (parent_goal_uuid, dependency_uuids), which are the stored ids seen through
// a join; field_versions is the sync's own bookkeeping (SyncRows).
const EntityColumns<Task>& taskColumns();

} // namespace bizy::server
