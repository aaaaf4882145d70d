#include "Goal.h"

#include "IsoDateTime.h"

#include <QJsonArray>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace bizy {
namespace {

const QStringList& horizonNames() {
    static const QStringList names{u"yearly"_s, u"quarterly"_s, u"monthly"_s, u"weekly"_s};
    return names;
}

const QStringList& statusNames() {
    static const QStringList names{u"active"_s, u"completed"_s, u"on_hold"_s, u"cancelled"_s};
    return names;
}

QJsonValue nullable(const std::optional<QString>& value) {
    return value ? QJsonValue(*value) : QJsonValue::Null;
}

QJsonValue nullable(const std::optional<qint64>& value) {
    return value ? QJsonValue(*value) : QJsonValue::Null;
}

QJsonValue nullable(const std::optional<QDateTime>& value) {
    return value ? QJsonValue(IsoDateTime::format(*value)) : QJsonValue::Null;
}

std::optional<QString> optionalString(const QJsonValue& value) {
    return value.isNull() ? std::nullopt : std::optional<QString>(value.toString());
}

std::optional<qint64> optionalInteger(const QJsonValue& value) {
    return value.isNull() ? std::nullopt : std::optional<qint64>(value.toInteger());
}

std::optional<QDateTime> optionalTime(const QJsonValue& value) {
    return value.isNull() ? std::nullopt : IsoDateTime::parse(value.toString());
}

} // namespace

QString toString(GoalHorizon horizon) {
    return horizonNames().at(int(horizon));
}

QString toString(GoalStatus status) {
    return statusNames().at(int(status));
}

std::optional<GoalHorizon> goalHorizonFromString(const QString& text) {
    const qsizetype index = horizonNames().indexOf(text);
    return index < 0 ? std::nullopt : std::optional<GoalHorizon>(GoalHorizon(index));
}

std::optional<GoalStatus> goalStatusFromString(const QString& text) {
    const qsizetype index = statusNames().indexOf(text);
    return index < 0 ? std::nullopt : std::optional<GoalStatus>(GoalStatus(index));
}

const EntitySchema& Goal::schema() {
    static const EntitySchema schema({
        {.name = u"title"_s,
         .requiredOnCreate = true,
         .nullable = false,
         .minLength = 1,
         .maxLength = 500},
        {.name = u"description"_s},
        {.name = u"horizon"_s,
         .kind = FieldKind::Enum,
         .requiredOnCreate = true,
         .nullable = false,
         .choices = horizonNames()},
        {.name = u"target_date"_s, .kind = FieldKind::DateTime},
        {.name = u"status"_s, .kind = FieldKind::Enum, .nullable = false, .choices = statusNames()},
        {.name = u"progress_percentage"_s,
         .kind = FieldKind::Number,
         .nullable = false,
         .minimum = 0,
         .maximum = 100},
        {.name = u"success_criteria"_s},
        {.name = u"metrics"_s, .kind = FieldKind::Object},
        {.name = u"parent_goal_id"_s, .kind = FieldKind::Integer, .origins = FromRest | FromServer},
        {.name = u"parent_goal_uuid"_s, .kind = FieldKind::Uuid, .origins = FromSync | FromServer},
        {.name = u"created_at"_s,
         .kind = FieldKind::DateTime,
         .origins = FromSync | FromServer,
         .nullable = false},
        {.name = u"completed_at"_s, .kind = FieldKind::DateTime, .origins = FromSync | FromServer},
        {.name = u"uuid"_s, .kind = FieldKind::Uuid, .origins = FromServer, .nullable = false},
        {.name = u"id"_s, .kind = FieldKind::Integer, .origins = FromServer},
        {.name = u"user_id"_s, .kind = FieldKind::Integer, .origins = FromServer},
        {.name = u"updated_at"_s,
         .kind = FieldKind::DateTime,
         .origins = FromServer,
         .nullable = false},
        {.name = u"task_count"_s, .kind = FieldKind::Integer, .origins = FromServer},
        {.name = u"subgoal_count"_s, .kind = FieldKind::Integer, .origins = FromServer},
        {.name = u"version"_s,
         .kind = FieldKind::Integer,
         .origins = FromServer,
         .nullable = false},
    });
    return schema;
}

Goal Goal::create(const QDateTime& now) {
    Goal goal;
    goal.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    goal.createdAt = now;
    goal.updatedAt = now;
    return goal;
}

Result<Goal> Goal::fromJson(const QJsonObject& json) {
    const ValidatedFields validated =
        schema().validate(json, EntitySchema::Mode::Create, FromAnywhere);
    if (!validated.ok())
        return Error::validation(validated.errors);
    Goal goal;
    const QDateTime updatedAt =
        IsoDateTime::parse(validated.fields.value(u"updated_at"_s).toString())
            .value_or(QDateTime());
    goal.applyFields(validated.fields, updatedAt);
    if (validated.fields.contains(u"completed_at"_s))
        goal.completedAt = optionalTime(validated.fields.value(u"completed_at"_s));
    if (validated.fields.contains(u"progress_percentage"_s))
        goal.progressPercentage = validated.fields.value(u"progress_percentage"_s).toDouble();
    return goal;
}

void Goal::applyFields(const QJsonObject& validated, const QDateTime& now) {
    const GoalStatus before = status;
    for (auto it = validated.constBegin(); it != validated.constEnd(); ++it) {
        const QString& name = it.key();
        const QJsonValue& value = it.value();
        if (name == u"title")
            title = value.toString();
        else if (name == u"description")
            description = optionalString(value);
        else if (name == u"horizon")
            horizon = goalHorizonFromString(value.toString()).value_or(horizon);
        else if (name == u"target_date")
            targetDate = optionalTime(value);
        else if (name == u"status")
            status = goalStatusFromString(value.toString()).value_or(status);
        else if (name == u"progress_percentage")
            progressPercentage = value.toDouble();
        else if (name == u"success_criteria")
            successCriteria = optionalString(value);
        else if (name == u"metrics")
            metrics = value.isNull() ? std::nullopt : std::optional<QJsonObject>(value.toObject());
        else if (name == u"parent_goal_id")
            parentGoalId = optionalInteger(value);
        else if (name == u"parent_goal_uuid")
            parentGoalUuid = optionalString(value);
        else if (name == u"created_at")
            createdAt = optionalTime(value).value_or(createdAt);
        else if (name == u"completed_at")
            completedAt = optionalTime(value);
        else if (name == u"uuid")
            uuid = value.toString();
        else if (name == u"id")
            id = optionalInteger(value);
        else if (name == u"user_id")
            userId = optionalInteger(value);
        else if (name == u"task_count")
            taskCount = optionalInteger(value);
        else if (name == u"subgoal_count")
            subgoalCount = optionalInteger(value);
        else if (name == u"version")
            version = value.toInteger();
    }
    if (status != before && !validated.contains(u"completed_at"_s)) {
        if (status == GoalStatus::Completed)
            completedAt = now;
        else if (before == GoalStatus::Completed)
            completedAt.reset();
    }
    // A completed goal is at 100 %, also when a device sent its own completion
    // time along; only a progress sent in the same change is kept.
    if (status == GoalStatus::Completed && before != GoalStatus::Completed &&
        !validated.contains(u"progress_percentage"_s))
        progressPercentage = 100;
    updatedAt = now;
}

QJsonObject Goal::toRestJson() const {
    return QJsonObject{
        {u"id"_s, nullable(id)},
        {u"user_id"_s, nullable(userId)},
        {u"uuid"_s, uuid},
        {u"version"_s, version},
        {u"parent_goal_id"_s, nullable(parentGoalId)},
        {u"title"_s, title},
        {u"description"_s, nullable(description)},
        {u"horizon"_s, toString(horizon)},
        {u"target_date"_s, nullable(targetDate)},
        {u"status"_s, toString(status)},
        {u"progress_percentage"_s, progressPercentage},
        {u"success_criteria"_s, nullable(successCriteria)},
        {u"metrics"_s, metrics ? QJsonValue(*metrics) : QJsonValue::Null},
        {u"created_at"_s, IsoDateTime::format(createdAt)},
        {u"updated_at"_s, IsoDateTime::format(updatedAt)},
        {u"completed_at"_s, nullable(completedAt)},
        {u"task_count"_s, nullable(taskCount)},
        {u"subgoal_count"_s, nullable(subgoalCount)},
    };
}

QJsonObject Goal::toSyncJson() const {
    QJsonObject json = toRestJson();
    json.insert(u"parent_goal_uuid"_s, nullable(parentGoalUuid));
    json.remove(u"task_count"_s);
    json.remove(u"subgoal_count"_s);
    return json;
}

} // namespace bizy
