#include "Task.h"

#include "IsoDateTime.h"

#include <QJsonArray>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace bizy {
namespace {

const QStringList& statusNames() {
    static const QStringList names{u"pending"_s, u"in_progress"_s, u"completed"_s, u"blocked"_s};
    return names;
}

template <typename T> QJsonValue optionalJson(const std::optional<T>& value) {
    if (!value)
        return QJsonValue::Null;
    if constexpr (std::is_same_v<T, QDateTime>)
        return IsoDateTime::format(*value);
    else if constexpr (std::is_same_v<T, QStringList>)
        return QJsonArray::fromStringList(*value);
    else if constexpr (std::is_same_v<T, QList<qint64>>) {
        QJsonArray array;
        for (qint64 id : *value)
            array.append(id);
        return array;
    } else
        return QJsonValue(*value);
}

std::optional<QString> optionalString(const QJsonValue& value) {
    return value.isNull() ? std::nullopt : std::optional<QString>(value.toString());
}

std::optional<double> optionalDouble(const QJsonValue& value) {
    return value.isNull() ? std::nullopt : std::optional<double>(value.toDouble());
}

std::optional<qint64> optionalInteger(const QJsonValue& value) {
    return value.isNull() ? std::nullopt : std::optional<qint64>(value.toInteger());
}

std::optional<QDateTime> optionalTime(const QJsonValue& value) {
    return value.isNull() ? std::nullopt : IsoDateTime::parse(value.toString());
}

std::optional<QStringList> optionalStringList(const QJsonValue& value) {
    if (value.isNull())
        return std::nullopt;
    QStringList list;
    for (const QJsonValue& item : value.toArray())
        list << item.toString();
    return list;
}

std::optional<QList<qint64>> optionalIntegerList(const QJsonValue& value) {
    if (value.isNull())
        return std::nullopt;
    QList<qint64> list;
    for (const QJsonValue& item : value.toArray())
        list << item.toInteger();
    return list;
}

} // namespace

QString toString(TaskStatus status) {
    return statusNames().at(int(status));
}

std::optional<TaskStatus> taskStatusFromString(const QString& text) {
    const qsizetype index = statusNames().indexOf(text);
    return index < 0 ? std::nullopt : std::optional<TaskStatus>(TaskStatus(index));
}

const EntitySchema& Task::schema() {
    static const EntitySchema schema({
        {.name = u"title"_s,
         .requiredOnCreate = true,
         .nullable = false,
         .minLength = 1,
         .maxLength = 500},
        {.name = u"description"_s},
        {.name = u"priority"_s,
         .kind = FieldKind::Integer,
         .nullable = false,
         .minimum = 1,
         .maximum = 5},
        {.name = u"status"_s, .kind = FieldKind::Enum, .nullable = false, .choices = statusNames()},
        {.name = u"category"_s, .maxLength = 100},
        {.name = u"estimated_hours"_s, .kind = FieldKind::Number, .minimum = 0},
        {.name = u"actual_hours"_s, .kind = FieldKind::Number, .minimum = 0},
        {.name = u"due_date"_s, .kind = FieldKind::DateTime},
        {.name = u"parent_goal_id"_s, .kind = FieldKind::Integer, .origins = FromRest | FromServer},
        {.name = u"parent_goal_uuid"_s, .kind = FieldKind::Uuid, .origins = FromSync | FromServer},
        {.name = u"dependencies"_s,
         .kind = FieldKind::IntegerList,
         .origins = FromRest | FromServer},
        {.name = u"dependency_uuids"_s,
         .kind = FieldKind::UuidList,
         .origins = FromSync | FromServer},
        {.name = u"notes"_s},
        {.name = u"tags"_s, .kind = FieldKind::StringList, .maxLength = 100},
        {.name = u"created_at"_s,
         .kind = FieldKind::DateTime,
         .origins = FromSync | FromServer,
         .nullable = false},
        {.name = u"completed_at"_s, .kind = FieldKind::DateTime, .origins = FromSync | FromServer},
        // Read-only: only a server's answer sets these.
        {.name = u"uuid"_s, .kind = FieldKind::Uuid, .origins = FromServer, .nullable = false},
        {.name = u"id"_s, .kind = FieldKind::Integer, .origins = FromServer},
        {.name = u"user_id"_s, .kind = FieldKind::Integer, .origins = FromServer},
        {.name = u"updated_at"_s,
         .kind = FieldKind::DateTime,
         .origins = FromServer,
         .nullable = false},
        {.name = u"version"_s,
         .kind = FieldKind::Integer,
         .origins = FromServer,
         .nullable = false},
    });
    return schema;
}

Task Task::create(const QDateTime& now) {
    Task task;
    task.uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    task.createdAt = now;
    task.updatedAt = now;
    return task;
}

Result<Task> Task::fromJson(const QJsonObject& json) {
    const ValidatedFields validated =
        schema().validate(json, EntitySchema::Mode::Create, FromAnywhere);
    if (!validated.ok())
        return Error::validation(validated.errors);
    Task task;
    const QDateTime updatedAt =
        IsoDateTime::parse(validated.fields.value(u"updated_at"_s).toString())
            .value_or(QDateTime());
    task.applyFields(validated.fields, updatedAt);
    // applyFields derives completed_at from status; an answer states it exactly.
    if (validated.fields.contains(u"completed_at"_s))
        task.completedAt = optionalTime(validated.fields.value(u"completed_at"_s));
    return task;
}

void Task::applyFields(const QJsonObject& validated, const QDateTime& now) {
    const TaskStatus before = status;
    for (auto it = validated.constBegin(); it != validated.constEnd(); ++it) {
        const QString& name = it.key();
        const QJsonValue& value = it.value();
        if (name == u"title")
            title = value.toString();
        else if (name == u"description")
            description = optionalString(value);
        else if (name == u"priority")
            priority = int(value.toInteger());
        else if (name == u"status")
            status = taskStatusFromString(value.toString()).value_or(status);
        else if (name == u"category")
            category = optionalString(value);
        else if (name == u"estimated_hours")
            estimatedHours = optionalDouble(value);
        else if (name == u"actual_hours")
            actualHours = optionalDouble(value);
        else if (name == u"due_date")
            dueDate = optionalTime(value);
        else if (name == u"parent_goal_id")
            parentGoalId = optionalInteger(value);
        else if (name == u"parent_goal_uuid")
            parentGoalUuid = optionalString(value);
        else if (name == u"dependencies")
            dependencies = optionalIntegerList(value);
        else if (name == u"dependency_uuids")
            dependencyUuids = optionalStringList(value);
        else if (name == u"notes")
            notes = optionalString(value);
        else if (name == u"tags")
            tags = optionalStringList(value);
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
        else if (name == u"version")
            version = value.toInteger();
    }
    if (status != before && !validated.contains(u"completed_at"_s)) {
        if (status == TaskStatus::Completed)
            completedAt = now;
        else
            completedAt.reset();
    }
    updatedAt = now;
}

void Task::complete(const QDateTime& now, std::optional<double> hours) {
    status = TaskStatus::Completed;
    completedAt = now;
    if (hours)
        actualHours = hours;
    updatedAt = now;
}

void Task::uncomplete(const QDateTime& now) {
    status = TaskStatus::Pending;
    completedAt.reset();
    updatedAt = now;
}

bool Task::isOverdue(const QDateTime& now) const {
    return dueDate && *dueDate < now && !isCompleted();
}

QJsonValue Task::fieldValue(const QString& name) const {
    return toSyncJson().value(name);
}

QJsonObject Task::toRestJson() const {
    return QJsonObject{
        {u"id"_s, optionalJson(id)},
        {u"user_id"_s, optionalJson(userId)},
        {u"uuid"_s, uuid},
        {u"version"_s, version},
        {u"title"_s, title},
        {u"description"_s, optionalJson(description)},
        {u"priority"_s, priority},
        {u"status"_s, toString(status)},
        {u"category"_s, optionalJson(category)},
        {u"estimated_hours"_s, optionalJson(estimatedHours)},
        {u"actual_hours"_s, optionalJson(actualHours)},
        {u"due_date"_s, optionalJson(dueDate)},
        {u"parent_goal_id"_s, optionalJson(parentGoalId)},
        {u"dependencies"_s, optionalJson(dependencies)},
        {u"notes"_s, optionalJson(notes)},
        {u"tags"_s, optionalJson(tags)},
        {u"created_at"_s, IsoDateTime::format(createdAt)},
        {u"updated_at"_s, IsoDateTime::format(updatedAt)},
        {u"completed_at"_s, optionalJson(completedAt)},
    };
}

QJsonObject Task::toSyncJson() const {
    QJsonObject json = toRestJson();
    json.insert(u"parent_goal_uuid"_s, optionalJson(parentGoalUuid));
    json.insert(u"dependency_uuids"_s, optionalJson(dependencyUuids));
    return json;
}

} // namespace bizy
