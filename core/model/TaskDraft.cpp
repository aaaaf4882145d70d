#include "TaskDraft.h"

#include "DraftJson.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace bizy {

using namespace DraftJson;

TaskDraft TaskDraft::of(const Task& task) {
    TaskDraft draft;
    draft.title = task.title;
    draft.description = task.description;
    draft.priority = task.priority;
    draft.status = task.status;
    draft.category = task.category;
    draft.estimatedHours = task.estimatedHours;
    draft.actualHours = task.actualHours;
    draft.dueDate = task.dueDate;
    draft.parentGoalUuid = task.parentGoalUuid;
    draft.dependencyUuids = task.dependencyUuids.value_or(QStringList());
    draft.notes = task.notes;
    draft.tags = task.tags.value_or(QStringList());
    return draft;
}

QJsonObject TaskDraft::toSyncJson() const {
    QJsonObject fields{
        {u"title"_s, title}, {u"priority"_s, priority}, {u"status"_s, toString(status)}};
    const auto setIf = [&](const QString& name, const QJsonValue& value) {
        if (!value.isNull())
            fields.insert(name, value);
    };
    setIf(u"description"_s, json(description));
    setIf(u"category"_s, json(category));
    setIf(u"estimated_hours"_s, json(estimatedHours));
    setIf(u"actual_hours"_s, json(actualHours));
    setIf(u"due_date"_s, json(dueDate));
    setIf(u"parent_goal_uuid"_s, json(parentGoalUuid));
    setIf(u"dependency_uuids"_s, json(dependencyUuids));
    setIf(u"notes"_s, json(notes));
    setIf(u"tags"_s, json(tags));
    return fields;
}

TaskPatch TaskPatch::between(const TaskDraft& before, const TaskDraft& after) {
    TaskPatch patch;
    setIfChanged(patch.title, before.title, after.title);
    setIfChanged(patch.description, before.description, after.description);
    setIfChanged(patch.priority, before.priority, after.priority);
    setIfChanged(patch.status, before.status, after.status);
    setIfChanged(patch.category, before.category, after.category);
    setIfChanged(patch.estimatedHours, before.estimatedHours, after.estimatedHours);
    setIfChanged(patch.actualHours, before.actualHours, after.actualHours);
    setIfChanged(patch.dueDate, before.dueDate, after.dueDate);
    setIfChanged(patch.parentGoalUuid, before.parentGoalUuid, after.parentGoalUuid);
    setIfChanged(patch.dependencyUuids, before.dependencyUuids, after.dependencyUuids);
    setIfChanged(patch.notes, before.notes, after.notes);
    setIfChanged(patch.tags, before.tags, after.tags);
    return patch;
}

bool TaskPatch::isEmpty() const {
    return *this == TaskPatch();
}

QJsonObject TaskPatch::toSyncJson() const {
    QJsonObject fields;
    if (title)
        fields.insert(u"title"_s, *title);
    if (description)
        fields.insert(u"description"_s, json(*description));
    if (priority)
        fields.insert(u"priority"_s, *priority);
    if (status)
        fields.insert(u"status"_s, toString(*status));
    if (category)
        fields.insert(u"category"_s, json(*category));
    if (estimatedHours)
        fields.insert(u"estimated_hours"_s, json(*estimatedHours));
    if (actualHours)
        fields.insert(u"actual_hours"_s, json(*actualHours));
    if (dueDate)
        fields.insert(u"due_date"_s, json(*dueDate));
    if (parentGoalUuid)
        fields.insert(u"parent_goal_uuid"_s, json(*parentGoalUuid));
    if (dependencyUuids)
        fields.insert(u"dependency_uuids"_s, QJsonArray::fromStringList(*dependencyUuids));
    if (notes)
        fields.insert(u"notes"_s, json(*notes));
    if (tags)
        fields.insert(u"tags"_s, json(*tags));
    return fields;
}

} // namespace bizy
