#include "TaskColumns.h"

using namespace Qt::StringLiterals;

namespace bizy::server {

const EntityColumns<Task>& taskColumns() {
    using enum ColumnKind;
    using enum ColumnRole;
    static const EntityColumns<Task> columns(
        u"tasks"_s, {
                        column<&Task::id>(u"id"_s, Integer, Key),
                        column<&Task::uuid>(u"uuid"_s, Uuid, Identity),
                        column<&Task::userId>(u"user_id"_s, Integer, Owner),
                        column<&Task::title>(u"title"_s, Text),
                        column<&Task::description>(u"description"_s, Text),
                        column<&Task::priority>(u"priority"_s, Integer),
                        column<&Task::status>(u"status"_s, Enum),
                        column<&Task::category>(u"category"_s, Text),
                        column<&Task::estimatedHours>(u"estimated_hours"_s, Double),
                        column<&Task::actualHours>(u"actual_hours"_s, Double),
                        column<&Task::dueDate>(u"due_date"_s, Timestamp),
                        column<&Task::parentGoalId>(u"parent_goal_id"_s, Reference),
                        column<&Task::dependencies>(u"dependencies"_s, JsonArray),
                        column<&Task::notes>(u"notes"_s, Text),
                        column<&Task::tags>(u"tags"_s, JsonArray),
                        column<&Task::createdAt>(u"created_at"_s, Timestamp, CreationTime),
                        column<&Task::updatedAt>(u"updated_at"_s, Timestamp, Revision),
                        column<&Task::completedAt>(u"completed_at"_s, Timestamp),
                        column<&Task::version>(u"version"_s, Integer, Revision),
                    });
    return columns;
}

} // namespace bizy::server
