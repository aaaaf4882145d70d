#pragma once

#include "data/EntityColumns.h"
#include "model/Goal.h"

namespace bizy::server {

// The goals table, column by column (migrations 0002 and 0003). Every field
// of Goal::schema() is a column except parent_goal_uuid (the stored parent id
// seen through a join) and task_count / subgoal_count (counted on read when a
// REST request asks for them); field_versions is the sync's own bookkeeping.
const EntityColumns<Goal>& goalColumns();

} // namespace bizy::server
