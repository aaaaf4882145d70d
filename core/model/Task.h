#pragma once

#include "EntitySchema.h"
#include "Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace bizy {

enum class TaskStatus { Pending, InProgress, Completed, Blocked };

QString toString(TaskStatus status);
std::optional<TaskStatus> taskStatusFromString(const QString& text);

// A task with every field of the REST contract plus the sync identity. Fields
// that were never set are nullopt and travel as JSON null.
struct Task {
    QString uuid;
    std::optional<qint64> id; // assigned by the server
    std::optional<qint64> userId;
    QString title;
    std::optional<QString> description;
    int priority = 3; // 1 = highest
    TaskStatus status = TaskStatus::Pending;
    std::optional<QString> category;
    std::optional<double> estimatedHours;
    std::optional<double> actualHours;
    std::optional<QDateTime> dueDate;
    std::optional<qint64> parentGoalId;
    std::optional<QString> parentGoalUuid;
    std::optional<QList<qint64>> dependencies;
    std::optional<QStringList> dependencyUuids;
    std::optional<QString> notes;
    std::optional<QStringList> tags;
    QDateTime createdAt;
    QDateTime updatedAt;
    std::optional<QDateTime> completedAt;
    qint64 version = 0;

    static const EntitySchema& schema();

    // A new task with a fresh uuid and both timestamps at `now`.
    static Task create(const QDateTime& now);
    // Parses a task from a server answer (REST or sync shape).
    static Result<Task> fromJson(const QJsonObject& json);

    // Applies fields that passed schema().validate(). A status change keeps
    // completed_at in step: set when the task becomes completed, cleared when
    // it stops being completed. updated_at becomes `now`.
    void applyFields(const QJsonObject& validated, const QDateTime& now);
    void complete(const QDateTime& now, std::optional<double> actualHours = std::nullopt);
    void uncomplete(const QDateTime& now);

    bool isCompleted() const { return status == TaskStatus::Completed; }
    bool isOverdue(const QDateTime& now) const;

    QJsonObject toRestJson() const;
    QJsonObject toSyncJson() const;
    // One field in JSON form, by its contract name (sync shape).
    QJsonValue fieldValue(const QString& name) const;

    bool operator==(const Task&) const = default;
};

} // namespace bizy
