#pragma once

#include "Goal.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace bizy {

// The fields a person sets on a goal, typed: what a goal editor holds and
// what creating a goal takes. Progress is not among them: it rolls up from
// the goal's tasks and sub-goals.
struct GoalDraft {
    QString title;
    std::optional<QString> description;
    GoalHorizon horizon = GoalHorizon::Yearly;
    std::optional<QDateTime> targetDate;
    GoalStatus status = GoalStatus::Active;
    std::optional<QString> successCriteria;
    std::optional<QJsonObject> metrics;
    std::optional<QString> parentGoalUuid;

    static GoalDraft of(const Goal& goal);
    // The sync shape of what is set (what a new goal sends).
    QJsonObject toSyncJson() const;

    bool operator==(const GoalDraft&) const = default;
};

// A change to some of a goal's fields; an inner nullopt clears a field.
struct GoalPatch {
    std::optional<QString> title;
    std::optional<std::optional<QString>> description;
    std::optional<GoalHorizon> horizon;
    std::optional<std::optional<QDateTime>> targetDate;
    std::optional<GoalStatus> status;
    std::optional<std::optional<QString>> successCriteria;
    std::optional<std::optional<QJsonObject>> metrics;
    std::optional<std::optional<QString>> parentGoalUuid;

    static GoalPatch between(const GoalDraft& before, const GoalDraft& after);

    bool isEmpty() const;
    QJsonObject toSyncJson() const;

    bool operator==(const GoalPatch&) const = default;
};

} // namespace bizy
