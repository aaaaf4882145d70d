#pragma once

#include "EntitySchema.h"
#include "Result.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace bizy {

enum class GoalHorizon { Yearly, Quarterly, Monthly, Weekly };
enum class GoalStatus { Active, Completed, OnHold, Cancelled };

QString toString(GoalHorizon horizon);
QString toString(GoalStatus status);
std::optional<GoalHorizon> goalHorizonFromString(const QString& text);
std::optional<GoalStatus> goalStatusFromString(const QString& text);

// A goal in the yearly > quarterly > monthly > weekly hierarchy.
struct Goal {
    QString uuid;
    std::optional<qint64> id;
    std::optional<qint64> userId;
    std::optional<qint64> parentGoalId;
    std::optional<QString> parentGoalUuid;
    QString title;
    std::optional<QString> description;
    GoalHorizon horizon = GoalHorizon::Yearly;
    std::optional<QDateTime> targetDate;
    GoalStatus status = GoalStatus::Active;
    double progressPercentage = 0;
    std::optional<QString> successCriteria;
    std::optional<QJsonObject> metrics;
    QDateTime createdAt;
    QDateTime updatedAt;
    std::optional<QDateTime> completedAt;
    std::optional<qint64> taskCount; // only with include_counts
    std::optional<qint64> subgoalCount;
    qint64 version = 0;

    static const EntitySchema& schema();

    static Goal create(const QDateTime& now);
    static Result<Goal> fromJson(const QJsonObject& json);

    // Applies validated fields. Becoming completed sets completed_at and
    // progress 100; leaving completed clears completed_at (the caller then
    // recomputes progress, which needs the tree). updated_at becomes `now`.
    void applyFields(const QJsonObject& validated, const QDateTime& now);
    // True when the last applyFields moved the goal out of `completed`.
    bool leftCompleted(GoalStatus before) const {
        return before == GoalStatus::Completed && status != GoalStatus::Completed;
    }

    QJsonObject toRestJson() const;
    QJsonObject toSyncJson() const;

    bool operator==(const Goal&) const = default;
};

} // namespace bizy
