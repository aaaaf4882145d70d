#pragma once

#include "model/Result.h"
#include "model/TaskDraft.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace bizy {

// What the assistant suggests for a goal (docs/api.md 8.1): new tasks, not
// stored yet, and why it chose them.
struct GoalBreakdown {
    // Title, description, priority, estimated hours and category; no goal yet.
    QList<TaskDraft> suggestions;
    QString reasoning;

    // The `breakdown` answer; an Error naming what is wrong with its shape.
    static Result<GoalBreakdown> fromJson(const QJsonObject& json);
};

} // namespace bizy
