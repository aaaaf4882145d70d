#pragma once

#include "Task.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace bizy {

// The fields a person sets on a task, typed: what a task editor holds and
// what creating a task takes. The store validates it with Task::schema().
struct TaskDraft {
    QString title;
    std::optional<QString> description;
    int priority = 3;
    TaskStatus status = TaskStatus::Pending;
    std::optional<QString> category;
    std::optional<double> estimatedHours;
    std::optional<double> actualHours;
    std::optional<QDateTime> dueDate;
    std::optional<QString> parentGoalUuid;
    QStringList dependencyUuids;
    std::optional<QString> notes;
    QStringList tags;

    // The draft of an existing task (to edit it).
    static TaskDraft of(const Task& task);
    // The sync shape of what is set (what a new task sends).
    QJsonObject toSyncJson() const;

    bool operator==(const TaskDraft&) const = default;
};

// A change to some of a task's fields: each member that holds a value is
// written, the others are left as they are. For fields that may be empty, an
// inner nullopt clears the field.
struct TaskPatch {
    std::optional<QString> title;
    std::optional<std::optional<QString>> description;
    std::optional<int> priority;
    std::optional<TaskStatus> status;
    std::optional<std::optional<QString>> category;
    std::optional<std::optional<double>> estimatedHours;
    std::optional<std::optional<double>> actualHours;
    std::optional<std::optional<QDateTime>> dueDate;
    std::optional<std::optional<QString>> parentGoalUuid;
    std::optional<QStringList> dependencyUuids;
    std::optional<std::optional<QString>> notes;
    std::optional<QStringList> tags;

    // What changed from `before` to `after`: only those fields, so that a
    // concurrent change of another field on another device survives sync.
    static TaskPatch between(const TaskDraft& before, const TaskDraft& after);

    bool isEmpty() const;
    QJsonObject toSyncJson() const;

    bool operator==(const TaskPatch&) const = default;
};

} // namespace bizy
