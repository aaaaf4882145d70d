#include "GoalColumns.h"

using namespace Qt::StringLiterals;

namespace bizy::server {

const EntityColumns<Goal>& goalColumns() {
    using enum ColumnKind;
    using enum ColumnRole;
    static const EntityColumns<Goal> columns(
        u"goals"_s, {
                        column<&Goal::id>(u"id"_s, Integer, Key),
                        column<&Goal::uuid>(u"uuid"_s, Uuid, Identity),
                        column<&Goal::userId>(u"user_id"_s, Integer, Owner),
                        column<&Goal::parentGoalId>(u"parent_goal_id"_s, Reference),
                        column<&Goal::title>(u"title"_s, Text),
                        column<&Goal::description>(u"description"_s, Text),
                        column<&Goal::horizon>(u"horizon"_s, Enum),
                        column<&Goal::targetDate>(u"target_date"_s, Timestamp),
                        column<&Goal::status>(u"status"_s, Enum),
                        column<&Goal::progressPercentage>(u"progress_percentage"_s, Double),
                        column<&Goal::successCriteria>(u"success_criteria"_s, Text),
                        column<&Goal::metrics>(u"metrics"_s, JsonObject),
                        column<&Goal::createdAt>(u"created_at"_s, Timestamp, CreationTime),
                        column<&Goal::updatedAt>(u"updated_at"_s, Timestamp, Revision),
                        column<&Goal::completedAt>(u"completed_at"_s, Timestamp),
                        column<&Goal::version>(u"version"_s, Integer, Revision),
                    });
    return columns;
}

} // namespace bizy::server
