#include "GoalDraft.h"

#include "DraftJson.h"

using namespace Qt::StringLiterals;

namespace bizy {

using namespace DraftJson;

GoalDraft GoalDraft::of(const Goal& goal) {
    GoalDraft draft;
    draft.title = goal.title;
    draft.description = goal.description;
    draft.horizon = goal.horizon;
    draft.targetDate = goal.targetDate;
    draft.status = goal.status;
    draft.successCriteria = goal.successCriteria;
    draft.metrics = goal.metrics;
    draft.parentGoalUuid = goal.parentGoalUuid;
    return draft;
}

QJsonObject GoalDraft::toSyncJson() const {
    QJsonObject fields{
        {u"title"_s, title}, {u"horizon"_s, toString(horizon)}, {u"status"_s, toString(status)}};
    const auto setIf = [&](const QString& name, const QJsonValue& value) {
        if (!value.isNull())
            fields.insert(name, value);
    };
    setIf(u"description"_s, json(description));
    setIf(u"target_date"_s, json(targetDate));
    setIf(u"success_criteria"_s, json(successCriteria));
    setIf(u"metrics"_s, json(metrics));
    setIf(u"parent_goal_uuid"_s, json(parentGoalUuid));
    return fields;
}

GoalPatch GoalPatch::between(const GoalDraft& before, const GoalDraft& after) {
    GoalPatch patch;
    setIfChanged(patch.title, before.title, after.title);
    setIfChanged(patch.description, before.description, after.description);
    setIfChanged(patch.horizon, before.horizon, after.horizon);
    setIfChanged(patch.targetDate, before.targetDate, after.targetDate);
    setIfChanged(patch.status, before.status, after.status);
    setIfChanged(patch.successCriteria, before.successCriteria, after.successCriteria);
    setIfChanged(patch.metrics, before.metrics, after.metrics);
    setIfChanged(patch.parentGoalUuid, before.parentGoalUuid, after.parentGoalUuid);
    return patch;
}

bool GoalPatch::isEmpty() const {
    return *this == GoalPatch();
}

QJsonObject GoalPatch::toSyncJson() const {
    QJsonObject fields;
    if (title)
        fields.insert(u"title"_s, *title);
    if (description)
        fields.insert(u"description"_s, json(*description));
    if (horizon)
        fields.insert(u"horizon"_s, toString(*horizon));
    if (targetDate)
        fields.insert(u"target_date"_s, json(*targetDate));
    if (status)
        fields.insert(u"status"_s, toString(*status));
    if (successCriteria)
        fields.insert(u"success_criteria"_s, json(*successCriteria));
    if (metrics)
        fields.insert(u"metrics"_s, json(*metrics));
    if (parentGoalUuid)
        fields.insert(u"parent_goal_uuid"_s, json(*parentGoalUuid));
    return fields;
}

} // namespace bizy
