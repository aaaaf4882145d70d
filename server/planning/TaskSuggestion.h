#pragma once

#include "model/EntitySchema.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

namespace bizy::server {

// A task suggested by a goal breakdown: `title` and `priority` required,
// `description`, `estimated_hours`, `category` optional, any other key
// ignored. Checked by the task rules of POST /api/tasks/ (Task::schema()), so
// a stored suggestion reads back like any task. Used for what create-tasks
// stores and for what the AI provider suggests.
namespace TaskSuggestion {

// The five field names, in answer order.
const QStringList& fields();

// The suggestion's fields, normalised, or its errors with loc [field] (loc []
// when the item is not an object).
bizy::ValidatedFields validate(const QJsonValue& item);
// All five fields of validated ones, null where absent: the breakdown's answer shape.
QJsonObject toJson(const QJsonObject& validated);

} // namespace TaskSuggestion

} // namespace bizy::server
