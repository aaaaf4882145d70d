#include "TaskStore.h"

#include "ChangeSet.h"
#include "GoalTable.h"
#include "Outbox.h"
#include "SqlValue.h"
#include "StoreDatabase.h"
#include "TaskTable.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace bizy {

namespace {

QJsonObject syncFields(const Task& task) {
    return Task::schema().writableFields(task.toSyncJson(), FromSync);
}

// The UTF-16 length of a task's free texts, which decide whether it can be
// too large to sync.
qsizetype textLength(const Task& task) {
    qsizetype length = task.title.size() + task.description.value_or(QString()).size() +
                       task.notes.value_or(QString()).size() +
                       task.category.value_or(QString()).size();
    for (const QString& tag : task.tags.value_or(QStringList()))
        length += tag.size() + 3;
    return length;
}

// What an edit changed, in the sync-writable fields only.
QJsonObject changedFields(const QJsonObject& before, const QJsonObject& after) {
    QJsonObject changed;
    for (auto it = after.constBegin(); it != after.constEnd(); ++it) {
        if (before.value(it.key()) != it.value())
            changed.insert(it.key(), it.value());
    }
    return changed;
}

Error notFound(const QString& uuid) {
    return Error::make(Error::Code::NotFound, u"Task %1 not found"_s.arg(uuid));
}

} // namespace

TaskStore::TaskStore(StoreDatabase& db, TaskTable& tasks, GoalTable& goals, Outbox& outbox)
    : m_db(db)
    , m_tasks(tasks)
    , m_goals(goals)
    , m_outbox(outbox) {}

Result<Task> TaskStore::get(const QString& uuid) {
    Result<std::optional<Task>> found = m_tasks.find(uuid);
    if (!found)
        return found.error();
    if (!found->has_value())
        return notFound(uuid);
    return std::move(**found);
}

Status TaskStore::checkGoal(const QString& goalUuid) {
    const Result<bool> exists = m_goals.exists(goalUuid);
    if (!exists)
        return exists.error();
    if (!*exists)
        return Error::validation(
            {FieldError::valueError(u"parent_goal_uuid"_s, u"Goal %1 not found"_s.arg(goalUuid))});
    return Done{};
}

Result<Task> TaskStore::save(const Task& before, const Task& after, ChangeSet& changes) {
    const QJsonObject changed = changedFields(syncFields(before), syncFields(after));
    if (changed.isEmpty())
        return before;
    if (Status s = m_tasks.update(after, changed.contains(u"tags"_s)); !s)
        return s.error();
    if (Status s =
            m_outbox.recordEdit(EntityKind::Task, after.uuid, changed, before.version, changes);
        !s)
        return s.error();
    changes.tasks << after.uuid;
    return after;
}

Result<Task> TaskStore::prepare(const QJsonObject& fields, const QDateTime& now,
                                QSet<QString>* knownGoals, bool keepUuid) {
    const ValidatedFields validated =
        Task::schema().validate(fields, EntitySchema::Mode::Create, FromSync);
    if (!validated.ok())
        return Error::validation(validated.errors);
    Task task = Task::create(now);
    if (const QJsonValue given = fields.value(u"uuid"_s);
        keepUuid && !given.isUndefined() && !given.isNull()) {
        QJsonValue uuid;
        if (auto error = Task::schema().check(*Task::schema().field(u"uuid"), given, &uuid))
            return Error::validation({*error});
        task.uuid = uuid.toString();
    }
    task.applyFields(validated.fields, now);
    if (task.parentGoalUuid && !(knownGoals && knownGoals->contains(*task.parentGoalUuid))) {
        if (Status s = checkGoal(*task.parentGoalUuid); !s)
            return s.error();
        if (knownGoals)
            knownGoals->insert(*task.parentGoalUuid);
    }
    return task;
}

Result<Task> TaskStore::create(const QJsonObject& fields, const QDateTime& now,
                               ChangeSet& changes) {
    Result<Task> task = prepare(fields, now, nullptr);
    if (!task)
        return task;
    if (Status s = m_tasks.insert(*task); !s)
        return s.error();
    if (Status s = m_outbox.recordCreate(EntityKind::Task, task->uuid, syncFields(*task), changes);
        !s)
        return s.error();
    changes.tasks << task->uuid;
    return task;
}

Result<std::optional<qsizetype>> TaskStore::firstExisting(const QStringList& uuids) {
    const Result<QVariant> index =
        m_db.scalar(u"SELECT min(j.key) FROM json_each(?) j JOIN tasks t ON t.uuid = j.value"_s,
                    {SqlValue::jsonText(QJsonArray::fromStringList(uuids))},
                    u"look for tasks that exist already"_s);
    if (!index)
        return index.error();
    if (index->isNull())
        return std::optional<qsizetype>();
    return std::optional<qsizetype>(index->toLongLong());
}

Result<QList<Task>> TaskStore::createMany(const QList<QJsonObject>& fieldsList,
                                          const QDateTime& now, ChangeSet& changes,
                                          const ManyTaskOptions& options) {
    const auto refuse = [](qsizetype index, const QString& message) {
        return Error::validation(
            {FieldError{QJsonArray{index, u"uuid"_s}, message, u"value_error"_s}});
    };
    QList<Task> created;
    created.reserve(fieldsList.size());
    QSet<QString> knownGoals;
    QSet<QString> givenUuids;
    QStringList givenInOrder; // and the index of the task of each
    QList<qsizetype> givenIndexes;
    for (qsizetype i = 0; i < fieldsList.size(); ++i) {
        if (options.progress && i % 1000 == 0)
            options.progress(i);
        Result<Task> task = prepare(fieldsList.at(i), now, &knownGoals, options.keepUuids);
        if (!task) {
            Error error = task.error();
            for (FieldError& field : error.fields)
                field.loc.prepend(i);
            return error;
        }
        if (const QJsonValue given = fieldsList.at(i).value(u"uuid"_s);
            options.keepUuids && !given.isUndefined() && !given.isNull()) {
            if (givenUuids.contains(task->uuid))
                return refuse(i, u"The uuid %1 is given to an earlier task too"_s.arg(task->uuid));
            givenUuids.insert(task->uuid);
            givenInOrder << task->uuid;
            givenIndexes << i;
        }
        if (Outbox::mayBeTooLarge(textLength(*task))) {
            if (Result<QByteArray> fits = Outbox::fieldsText(syncFields(*task)); !fits) {
                Error error = fits.error();
                for (FieldError& field : error.fields)
                    field.loc.prepend(i);
                return error;
            }
        }
        changes.tasks << task->uuid;
        created << std::move(task).value();
    }
    if (created.isEmpty())
        return created;
    if (options.progress)
        options.progress(fieldsList.size());
    if (!givenUuids.isEmpty()) {
        const Result<std::optional<qsizetype>> existing = firstExisting(givenInOrder);
        if (!existing)
            return existing.error();
        if (existing->has_value())
            return refuse(givenIndexes.at(**existing),
                          u"A task with the uuid %1 exists already in this store"_s.arg(
                              givenInOrder.at(**existing)));
    }
    const Result<qint64> lastRowBefore = m_tasks.insertMany(created);
    if (!lastRowBefore)
        return lastRowBefore.error();
    if (Status s = m_outbox.recordTaskCreatesAfter(*lastRowBefore, changes); !s)
        return s.error();
    return created;
}

Result<Task> TaskStore::update(const QString& uuid, const QJsonObject& fields, const QDateTime& now,
                               ChangeSet& changes) {
    const ValidatedFields validated =
        Task::schema().validate(fields, EntitySchema::Mode::Patch, FromSync);
    if (!validated.ok())
        return Error::validation(validated.errors);
    Result<Task> before = get(uuid);
    if (!before)
        return before;
    const QJsonValue parent = validated.fields.value(u"parent_goal_uuid"_s);
    if (parent.isString()) {
        if (Status s = checkGoal(parent.toString()); !s)
            return s.error();
    }
    Task after = *before;
    after.applyFields(validated.fields, now);
    return save(*before, after, changes);
}

Result<Task> TaskStore::complete(const QString& uuid, std::optional<double> actualHours,
                                 const QDateTime& now, ChangeSet& changes) {
    QJsonObject fields{{u"status"_s, u"completed"_s}};
    if (actualHours)
        fields.insert(u"actual_hours"_s, *actualHours);
    const ValidatedFields validated =
        Task::schema().validate(fields, EntitySchema::Mode::Patch, FromSync);
    if (!validated.ok())
        return Error::validation(validated.errors);
    Result<Task> task = get(uuid);
    if (!task)
        return task;
    if (task->isCompleted())
        return Error::make(Error::Code::Conflict, u"Task is already completed"_s);
    Task after = *task;
    after.complete(now, actualHours);
    return save(*task, after, changes);
}

Result<Task> TaskStore::uncomplete(const QString& uuid, const QDateTime& now, ChangeSet& changes) {
    Result<Task> task = get(uuid);
    if (!task)
        return task;
    if (!task->isCompleted())
        return Error::make(Error::Code::Conflict, u"Task is not completed"_s);
    Task after = *task;
    after.uncomplete(now);
    return save(*task, after, changes);
}

Status TaskStore::remove(const QString& uuid, const QDateTime& now, ChangeSet& changes) {
    Result<Task> task = get(uuid);
    if (!task)
        return task.error();
    const Result<QList<Task>> dependents =
        m_tasks.select(u"WHERE dependency_uuids IS NOT NULL AND EXISTS (SELECT 1 FROM "
                       u"json_each(tasks.dependency_uuids) WHERE value = ?)"_s,
                       {uuid});
    if (!dependents)
        return dependents.error();
    for (const Task& dependent : *dependents) {
        QStringList remaining = dependent.dependencyUuids.value_or(QStringList());
        remaining.removeAll(uuid);
        Task after = dependent;
        after.applyFields({{u"dependency_uuids"_s, QJsonArray::fromStringList(remaining)}}, now);
        if (Result<Task> saved = save(dependent, after, changes); !saved)
            return saved.error();
    }
    if (Status s = m_outbox.recordDelete(EntityKind::Task, uuid, task->version, changes); !s)
        return s;
    changes.tasks << uuid;
    return m_db.exec(u"DELETE FROM tasks WHERE uuid = ?"_s, {uuid}, u"delete the task"_s);
}

} // namespace bizy
