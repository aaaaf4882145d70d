#include "LocalStore.h"

#include "FtsQuery.h"
#include "StoreLog.h"
#include "StoreSchema.h"
#include "model/GoalProgress.h"
#include "model/IsoDateTime.h"

#include <QAtomicInteger>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTimeZone>
#include <QVariant>
#include <cmath>
#include <map>

using namespace Qt::StringLiterals;

namespace bizy {
namespace {

const QString kTaskColumns =
    u"uuid, server_id, user_id, version, title, description, priority, status, category, "
    u"estimated_hours, actual_hours, due_date, parent_goal_uuid, parent_goal_id, dependencies, "
    u"dependency_uuids, notes, tags, created_at, updated_at, completed_at"_s;

const QString kGoalColumns =
    u"uuid, server_id, user_id, version, parent_goal_uuid, parent_goal_id, title, description, "
    u"horizon, target_date, status, progress_percentage, success_criteria, metrics, created_at, "
    u"updated_at, completed_at"_s;

// The update half of the set-based writes of pulled rows.
const QString kTaskUpsert =
    u"ON CONFLICT(uuid) DO UPDATE SET server_id = excluded.server_id, "
    u"user_id = excluded.user_id, version = excluded.version, title = excluded.title, "
    u"description = excluded.description, priority = excluded.priority, "
    u"status = excluded.status, category = excluded.category, "
    u"estimated_hours = excluded.estimated_hours, actual_hours = excluded.actual_hours, "
    u"due_date = excluded.due_date, parent_goal_uuid = excluded.parent_goal_uuid, "
    u"parent_goal_id = excluded.parent_goal_id, dependencies = excluded.dependencies, "
    u"dependency_uuids = excluded.dependency_uuids, notes = excluded.notes, "
    u"tags = excluded.tags, created_at = excluded.created_at, "
    u"updated_at = excluded.updated_at, completed_at = excluded.completed_at, pushed = 1"_s;

const QString kGoalUpsert =
    u"ON CONFLICT(uuid) DO UPDATE SET server_id = excluded.server_id, "
    u"user_id = excluded.user_id, version = excluded.version, "
    u"parent_goal_uuid = excluded.parent_goal_uuid, parent_goal_id = excluded.parent_goal_id, "
    u"title = excluded.title, description = excluded.description, horizon = excluded.horizon, "
    u"target_date = excluded.target_date, status = excluded.status, "
    u"progress_percentage = excluded.progress_percentage, "
    u"success_criteria = excluded.success_criteria, metrics = excluded.metrics, "
    u"created_at = excluded.created_at, updated_at = excluded.updated_at, "
    u"completed_at = excluded.completed_at, pushed = 1"_s;

// Recursive walks stop here even if a damaged file holds a loop.
constexpr int kMaxDepth = 10000;

QString nextConnectionName() {
    static QAtomicInteger<quint64> counter;
    return u"bizy.store.%1"_s.arg(counter.fetchAndAddRelaxed(1) + 1);
}

QVariant toDb(const std::optional<QString>& value) {
    return value ? QVariant(*value) : QVariant();
}

QVariant toDb(const std::optional<double>& value) {
    return value ? QVariant(*value) : QVariant();
}

QVariant toDb(const std::optional<qint64>& value) {
    return value ? QVariant(*value) : QVariant();
}

QVariant toDb(const QDateTime& time) {
    return IsoDateTime::format(time);
}

QVariant toDb(const std::optional<QDateTime>& time) {
    return time ? toDb(*time) : QVariant();
}

QVariant toDb(const std::optional<QStringList>& list) {
    if (!list)
        return QVariant();
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(*list)).toJson(QJsonDocument::Compact));
}

QVariant toDb(const std::optional<QList<qint64>>& list) {
    if (!list)
        return QVariant();
    QJsonArray array;
    for (qint64 id : *list)
        array.append(id);
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QVariant toDb(const std::optional<QJsonObject>& object) {
    if (!object)
        return QVariant();
    return QString::fromUtf8(QJsonDocument(*object).toJson(QJsonDocument::Compact));
}

QString jsonText(const QJsonObject& object) {
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

QJsonObject jsonObject(const QVariant& text) {
    return QJsonDocument::fromJson(text.toString().toUtf8()).object();
}

std::optional<QString> optString(const QVariant& value) {
    return value.isNull() ? std::nullopt : std::optional<QString>(value.toString());
}

std::optional<double> optDouble(const QVariant& value) {
    return value.isNull() ? std::nullopt : std::optional<double>(value.toDouble());
}

std::optional<qint64> optInteger(const QVariant& value) {
    return value.isNull() ? std::nullopt : std::optional<qint64>(value.toLongLong());
}

std::optional<QDateTime> optTime(const QVariant& value) {
    return value.isNull() ? std::nullopt : IsoDateTime::parse(value.toString());
}

QDateTime timeValue(const QVariant& value) {
    return IsoDateTime::parse(value.toString()).value_or(QDateTime());
}

std::optional<QStringList> optStringList(const QVariant& value) {
    if (value.isNull())
        return std::nullopt;
    QStringList list;
    const QJsonArray array = QJsonDocument::fromJson(value.toString().toUtf8()).array();
    for (const QJsonValue& item : array)
        list << item.toString();
    return list;
}

std::optional<QList<qint64>> optIntegerList(const QVariant& value) {
    if (value.isNull())
        return std::nullopt;
    QList<qint64> list;
    const QJsonArray array = QJsonDocument::fromJson(value.toString().toUtf8()).array();
    for (const QJsonValue& item : array)
        list << item.toInteger();
    return list;
}

Task taskFromRow(const QSqlQuery& q) {
    Task task;
    task.uuid = q.value(0).toString();
    task.id = optInteger(q.value(1));
    task.userId = optInteger(q.value(2));
    task.version = q.value(3).toLongLong();
    task.title = q.value(4).toString();
    task.description = optString(q.value(5));
    task.priority = q.value(6).toInt();
    task.status = taskStatusFromString(q.value(7).toString()).value_or(TaskStatus::Pending);
    task.category = optString(q.value(8));
    task.estimatedHours = optDouble(q.value(9));
    task.actualHours = optDouble(q.value(10));
    task.dueDate = optTime(q.value(11));
    task.parentGoalUuid = optString(q.value(12));
    task.parentGoalId = optInteger(q.value(13));
    task.dependencies = optIntegerList(q.value(14));
    task.dependencyUuids = optStringList(q.value(15));
    task.notes = optString(q.value(16));
    task.tags = optStringList(q.value(17));
    task.createdAt = timeValue(q.value(18));
    task.updatedAt = timeValue(q.value(19));
    task.completedAt = optTime(q.value(20));
    return task;
}

Goal goalFromRow(const QSqlQuery& q) {
    Goal goal;
    goal.uuid = q.value(0).toString();
    goal.id = optInteger(q.value(1));
    goal.userId = optInteger(q.value(2));
    goal.version = q.value(3).toLongLong();
    goal.parentGoalUuid = optString(q.value(4));
    goal.parentGoalId = optInteger(q.value(5));
    goal.title = q.value(6).toString();
    goal.description = optString(q.value(7));
    goal.horizon = goalHorizonFromString(q.value(8).toString()).value_or(GoalHorizon::Yearly);
    goal.targetDate = optTime(q.value(9));
    goal.status = goalStatusFromString(q.value(10).toString()).value_or(GoalStatus::Active);
    goal.progressPercentage = q.value(11).toDouble();
    goal.successCriteria = optString(q.value(12));
    if (!q.value(13).isNull())
        goal.metrics = jsonObject(q.value(13));
    goal.createdAt = timeValue(q.value(14));
    goal.updatedAt = timeValue(q.value(15));
    goal.completedAt = optTime(q.value(16));
    return goal;
}

// The fields a client may send in a sync push, as the row has them now.
QJsonObject syncWritableFields(const QJsonObject& syncJson, const EntitySchema& schema) {
    QJsonObject fields;
    for (const FieldSpec& spec : schema.fields()) {
        if ((spec.origins & FromSync) && syncJson.contains(spec.name))
            fields.insert(spec.name, syncJson.value(spec.name));
    }
    return fields;
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

FieldError fieldError(const QString& field, const QString& message) {
    return FieldError{QJsonArray{field}, message, u"value_error"_s};
}

QString entityName(OutboxMutation::Entity entity) {
    return entity == OutboxMutation::Entity::Task ? u"task"_s : u"goal"_s;
}

OutboxMutation::Entity entityFromName(const QString& name) {
    return name == u"goal" ? OutboxMutation::Entity::Goal : OutboxMutation::Entity::Task;
}

// A task or goal from fields that were validated when they were stored (a
// server copy): Task::fromJson / Goal::fromJson without checking them again,
// which would be most of the cost of applying a large pull.
template <typename T> T fromCheckedJson(const QJsonObject& json) {
    T row;
    row.applyFields(json, timeValue(json.value(u"updated_at"_s).toString()));
    // applyFields derives completed_at (and a goal's progress) from status;
    // the server states them exactly.
    if (json.contains(u"completed_at"_s))
        row.completedAt = optTime(json.value(u"completed_at"_s).toVariant());
    if constexpr (std::is_same_v<T, Goal>) {
        if (json.contains(u"progress_percentage"_s))
            row.progressPercentage = json.value(u"progress_percentage"_s).toDouble();
    }
    return row;
}

QString conflictKindName(ConflictEntry::Kind kind) {
    switch (kind) {
    case ConflictEntry::Kind::Overwritten:
        return u"overwritten"_s;
    case ConflictEntry::Kind::Rejected:
        return u"rejected"_s;
    case ConflictEntry::Kind::DeletedElsewhere:
        return u"deleted_elsewhere"_s;
    }
    return u"rejected"_s;
}

ConflictEntry::Kind conflictKindFromName(const QString& name) {
    if (name == u"overwritten")
        return ConflictEntry::Kind::Overwritten;
    if (name == u"deleted_elsewhere")
        return ConflictEntry::Kind::DeletedElsewhere;
    return ConflictEntry::Kind::Rejected;
}

} // namespace

struct LocalStore::Private {
    QSqlDatabase db;
    QString connectionName;
    QString path;
    QString deviceId;
    std::map<QString, std::unique_ptr<QSqlQuery>> statements;
    // Collected during a write, announced after its commit.
    QStringList changedTasks;
    QStringList changedGoals;
    bool outboxTouched = false;

    Error storageError(const QSqlQuery& query, const QString& what) const {
        const QString reason = query.lastError().text();
        qCWarning(lcStore) << what << "failed:" << reason << "in" << path;
        return Error::make(Error::Code::Storage,
                           u"The local database could not %1 (%2). Check free disk space and "
                           u"that %3 is writable."_s.arg(what, reason, path));
    }

    // A prepared statement kept for the life of the store.
    QSqlQuery& prepared(const QString& sql) {
        auto it = statements.find(sql);
        if (it == statements.end()) {
            auto query = std::make_unique<QSqlQuery>(db);
            query->setForwardOnly(true);
            if (!query->prepare(sql))
                qCWarning(lcStore) << "cannot prepare" << sql << query->lastError().text();
            it = statements.emplace(sql, std::move(query)).first;
        }
        return *it->second;
    }

    // Runs a statement with positional values; false on an SQL error.
    bool run(QSqlQuery& query, const QVariantList& values) {
        for (qsizetype i = 0; i < values.size(); ++i)
            query.bindValue(int(i), values.at(i));
        return query.exec();
    }

    QSqlQuery& query(const QString& sql, const QVariantList& values, bool* ok) {
        QSqlQuery& q = prepared(sql);
        *ok = run(q, values);
        return q;
    }

    Status exec(const QString& sql, const QVariantList& values, const QString& what) {
        QSqlQuery& q = prepared(sql);
        if (!run(q, values))
            return storageError(q, what);
        q.finish();
        return Done{};
    }

    // One value of the first row (or an invalid QVariant).
    QVariant scalar(const QString& sql, const QVariantList& values) {
        bool ok = false;
        QSqlQuery& q = query(sql, values, &ok);
        QVariant value;
        if (ok && q.next())
            value = q.value(0);
        else if (!ok)
            qCWarning(lcStore) << "query failed:" << q.lastError().text() << sql;
        q.finish();
        return value;
    }

    // Runs `body` in one IMMEDIATE transaction: all of it or none of it.
    template <typename Body> auto write(Body&& body) -> decltype(body()) {
        QSqlQuery begin(db);
        if (!begin.exec(u"BEGIN IMMEDIATE"_s))
            return storageError(begin, u"start a change"_s);
        auto result = body();
        if (result.ok()) {
            QSqlQuery commit(db);
            if (commit.exec(u"COMMIT"_s))
                return result;
            const Error error = storageError(commit, u"save the change"_s);
            QSqlQuery(db).exec(u"ROLLBACK"_s);
            forgetChanges();
            return error;
        }
        QSqlQuery(db).exec(u"ROLLBACK"_s);
        forgetChanges();
        return result;
    }

    void forgetChanges() {
        changedTasks.clear();
        changedGoals.clear();
        outboxTouched = false;
        conflictsAdded = 0;
        batch.reset();
    }

    // --- rows ---

    std::optional<Task> loadTask(const QString& uuid) {
        bool ok = false;
        QSqlQuery& q =
            query(u"SELECT "_s + kTaskColumns + u" FROM tasks WHERE uuid = ?"_s, {uuid}, &ok);
        std::optional<Task> task;
        if (ok && q.next())
            task = taskFromRow(q);
        q.finish();
        return task;
    }

    std::optional<Goal> loadGoal(const QString& uuid) {
        bool ok = false;
        QSqlQuery& q =
            query(u"SELECT "_s + kGoalColumns + u" FROM goals WHERE uuid = ?"_s, {uuid}, &ok);
        std::optional<Goal> goal;
        if (ok && q.next())
            goal = goalFromRow(q);
        q.finish();
        return goal;
    }

    QList<Task> loadTasks(const QString& sql, const QVariantList& values) {
        bool ok = false;
        QSqlQuery& q = query(sql, values, &ok);
        QList<Task> tasks;
        if (!ok)
            qCWarning(lcStore) << "task query failed:" << q.lastError().text();
        while (ok && q.next())
            tasks << taskFromRow(q);
        q.finish();
        return tasks;
    }

    QList<Goal> loadGoals(const QString& sql, const QVariantList& values) {
        bool ok = false;
        QSqlQuery& q = query(sql, values, &ok);
        QList<Goal> goals;
        if (!ok)
            qCWarning(lcStore) << "goal query failed:" << q.lastError().text();
        while (ok && q.next())
            goals << goalFromRow(q);
        q.finish();
        return goals;
    }

    bool goalExists(const QString& uuid) {
        return scalar(u"SELECT 1 FROM goals WHERE uuid = ?"_s, {uuid}).isValid();
    }

    QVariantList taskValues(const Task& t) const {
        return {t.id ? QVariant(*t.id) : QVariant(),
                toDb(t.userId),
                t.version,
                t.title,
                toDb(t.description),
                t.priority,
                toString(t.status),
                toDb(t.category),
                toDb(t.estimatedHours),
                toDb(t.actualHours),
                toDb(t.dueDate),
                toDb(t.parentGoalUuid),
                toDb(t.parentGoalId),
                toDb(t.dependencies),
                toDb(t.dependencyUuids),
                toDb(t.notes),
                toDb(t.tags),
                toDb(t.createdAt),
                toDb(t.updatedAt),
                toDb(t.completedAt),
                t.uuid};
    }

    // `values` (ending with the uuid) with the `pushed` mark before the uuid.
    static QVariantList withPushed(QVariantList values, bool pushed) {
        values.insert(values.size() - 1, pushed ? 1 : 0);
        return values;
    }

    // `pushed`: the server knows the row (rows written from server data).
    Status insertTaskRow(const Task& task, bool pushed = false) {
        QSqlQuery& q = prepared(
            u"INSERT INTO tasks (server_id, user_id, version, title, description, priority, "
            u"status, category, estimated_hours, actual_hours, due_date, parent_goal_uuid, "
            u"parent_goal_id, dependencies, dependency_uuids, notes, tags, created_at, "
            u"updated_at, completed_at, pushed, uuid) "
            u"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
        if (!run(q, withPushed(taskValues(task), pushed)))
            return storageError(q, u"save the task"_s);
        const qint64 rowId = q.lastInsertId().toLongLong();
        q.finish();
        return insertTags(rowId, task.tags);
    }

    // A row once marked pushed stays so.
    Status updateTaskRow(const Task& task, bool tagsChanged, bool pushed = false) {
        QSqlQuery& q = prepared(
            u"UPDATE tasks SET server_id = ?, user_id = ?, version = ?, title = ?, "
            u"description = ?, priority = ?, status = ?, category = ?, estimated_hours = ?, "
            u"actual_hours = ?, due_date = ?, parent_goal_uuid = ?, parent_goal_id = ?, "
            u"dependencies = ?, dependency_uuids = ?, notes = ?, tags = ?, created_at = ?, "
            u"updated_at = ?, completed_at = ?, pushed = max(pushed, ?) WHERE uuid = ?"_s);
        if (!run(q, withPushed(taskValues(task), pushed)))
            return storageError(q, u"save the task"_s);
        q.finish();
        if (!tagsChanged)
            return Done{};
        const QVariant rowId = scalar(u"SELECT row_id FROM tasks WHERE uuid = ?"_s, {task.uuid});
        if (Status s = exec(u"DELETE FROM task_tags WHERE task_id = ?"_s, {rowId},
                            u"save the task's tags"_s);
            !s)
            return s;
        return insertTags(rowId.toLongLong(), task.tags);
    }

    Status insertTags(qint64 rowId, const std::optional<QStringList>& tags) {
        if (!tags)
            return Done{};
        if (tags->isEmpty())
            return Done{};
        // One statement for all of them: imports add many tagged tasks.
        return exec(u"INSERT OR IGNORE INTO task_tags (tag, task_id) "
                    u"SELECT value, ? FROM json_each(?)"_s,
                    {rowId, toDb(tags)}, u"save the task's tags"_s);
    }

    QVariantList goalValues(const Goal& g) const {
        return {toDb(g.id),
                toDb(g.userId),
                g.version,
                toDb(g.parentGoalUuid),
                toDb(g.parentGoalId),
                g.title,
                toDb(g.description),
                toString(g.horizon),
                toDb(g.targetDate),
                toString(g.status),
                g.progressPercentage,
                toDb(g.successCriteria),
                toDb(g.metrics),
                toDb(g.createdAt),
                toDb(g.updatedAt),
                toDb(g.completedAt),
                g.uuid};
    }

    Status insertGoalRow(const Goal& goal, bool pushed = false) {
        return exec(u"INSERT INTO goals (server_id, user_id, version, parent_goal_uuid, "
                    u"parent_goal_id, title, description, horizon, target_date, status, "
                    u"progress_percentage, success_criteria, metrics, created_at, updated_at, "
                    u"completed_at, pushed, uuid) "
                    u"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
                    withPushed(goalValues(goal), pushed), u"save the goal"_s);
    }

    Status updateGoalRow(const Goal& goal, bool pushed = false) {
        return exec(u"UPDATE goals SET server_id = ?, user_id = ?, version = ?, "
                    u"parent_goal_uuid = ?, parent_goal_id = ?, title = ?, description = ?, "
                    u"horizon = ?, target_date = ?, status = ?, progress_percentage = ?, "
                    u"success_criteria = ?, metrics = ?, created_at = ?, updated_at = ?, "
                    u"completed_at = ?, pushed = max(pushed, ?) WHERE uuid = ?"_s,
                    withPushed(goalValues(goal), pushed), u"save the goal"_s);
    }

    // --- outbox ---

    // Appends or coalesces the mutation for one changed row, in the caller's
    // transaction. `rowVersion` is the row's server version before the change.
    Status record(OutboxMutation::Entity entity, const QString& uuid, OutboxMutation::Op op,
                  const QJsonObject& fields, qint64 rowVersion) {
        outboxTouched = true;
        const QString kind = entityName(entity);
        if (op == OutboxMutation::Op::Upsert)
            return recordUpsert(kind, uuid, fields, rowVersion);
        return recordDelete(kind, uuid, rowVersion);
    }

    // A new row: nothing can be queued for its uuid yet, so no lookup.
    Status recordCreate(const QString& kind, const QString& uuid, const QJsonObject& fields) {
        outboxTouched = true;
        return exec(u"INSERT INTO outbox (entity, uuid, op, base_version, fields) "
                    u"VALUES (?, ?, 'upsert', 0, ?)"_s,
                    {kind, uuid, jsonText(fields)}, u"write the outbox"_s);
    }

    Status recordUpsert(const QString& kind, const QString& uuid, const QJsonObject& fields,
                        qint64 rowVersion) {
        bool ok = false;
        // Unsealed rows all have mid NULL, so the unique index on mid must not
        // be used to find them ("+mid"): the lookup goes through outbox_by_row.
        QSqlQuery& latest =
            query(u"SELECT seq, fields FROM outbox WHERE seq = (SELECT max(seq) FROM outbox "
                  u"WHERE entity = ? AND uuid = ? AND +mid IS NULL)"_s,
                  {kind, uuid}, &ok);
        if (!ok)
            return storageError(latest, u"read the outbox"_s);
        if (latest.next()) {
            const qint64 seq = latest.value(0).toLongLong();
            QJsonObject merged = jsonObject(latest.value(1));
            latest.finish();
            // Merging moves these fields back to an older place in the queue;
            // a row they point at must already be created by then.
            if (referencesAreOlderThan(fields, seq)) {
                for (auto it = fields.constBegin(); it != fields.constEnd(); ++it)
                    merged.insert(it.key(), it.value());
                return exec(u"UPDATE outbox SET fields = ? WHERE seq = ?"_s,
                            {jsonText(merged), seq}, u"update the outbox"_s);
            }
        } else {
            latest.finish();
        }
        return exec(u"INSERT INTO outbox (entity, uuid, op, base_version, fields) "
                    u"VALUES (?, ?, 'upsert', ?, ?)"_s,
                    {kind, uuid, rowVersion, jsonText(fields)}, u"write the outbox"_s);
    }

    bool referencesAreOlderThan(const QJsonObject& fields, qint64 seq) {
        QList<std::pair<QString, QString>> references;
        if (fields.value(u"parent_goal_uuid"_s).isString())
            references.append({u"goal"_s, fields.value(u"parent_goal_uuid"_s).toString()});
        for (const QJsonValue& dependency : fields.value(u"dependency_uuids"_s).toArray())
            references.append({u"task"_s, dependency.toString()});
        for (const auto& [kind, uuid] : references) {
            const QVariant newest = scalar(
                u"SELECT max(seq) FROM outbox WHERE entity = ? AND uuid = ?"_s, {kind, uuid});
            if (!newest.isNull() && newest.toLongLong() > seq)
                return false;
        }
        return true;
    }

    Status recordDelete(const QString& kind, const QString& uuid, qint64 rowVersion) {
        // Called before the row is deleted, so its `pushed` mark is still there.
        const bool serverMayKnowIt =
            rowVersion > 0 ||
            scalar(u"SELECT pushed FROM %1s WHERE uuid = ?"_s.arg(kind), {uuid}).toInt() != 0;
        const QVariant firstBase =
            scalar(u"SELECT base_version FROM outbox WHERE seq = (SELECT min(seq) FROM outbox "
                   u"WHERE entity = ? AND uuid = ? AND +mid IS NULL)"_s,
                   {kind, uuid});
        if (Status s = exec(u"DELETE FROM outbox WHERE entity = ? AND uuid = ? AND +mid IS NULL"_s,
                            {kind, uuid}, u"update the outbox"_s);
            !s)
            return s;
        // Created and deleted before the server heard of it: nothing to send.
        if (!serverMayKnowIt)
            return Done{};
        const qint64 base = firstBase.isValid() ? firstBase.toLongLong() : rowVersion;
        return exec(u"INSERT INTO outbox (entity, uuid, op, base_version, fields) "
                    u"VALUES (?, ?, 'delete', ?, '{}')"_s,
                    {kind, uuid, base}, u"write the outbox"_s);
    }

    QList<OutboxMutation> loadMutations(const QString& sql, const QVariantList& values) {
        bool ok = false;
        QSqlQuery& q = query(sql, values, &ok);
        QList<OutboxMutation> mutations;
        while (ok && q.next()) {
            OutboxMutation m;
            m.seq = q.value(0).toLongLong();
            if (!q.value(1).isNull())
                m.mid = q.value(1).toLongLong();
            m.entity = q.value(2).toString() == u"task"_s ? OutboxMutation::Entity::Task
                                                          : OutboxMutation::Entity::Goal;
            m.uuid = q.value(3).toString();
            m.op = q.value(4).toString() == u"delete"_s ? OutboxMutation::Op::Delete
                                                        : OutboxMutation::Op::Upsert;
            m.baseVersion = q.value(5).toLongLong();
            m.fields = jsonObject(q.value(6));
            mutations << m;
        }
        q.finish();
        return mutations;
    }

    // --- task and goal changes inside a transaction ---

    Result<Task> saveTaskChange(const Task& before, const Task& after) {
        const QJsonObject changed =
            changedFields(syncWritableFields(before.toSyncJson(), Task::schema()),
                          syncWritableFields(after.toSyncJson(), Task::schema()));
        if (changed.isEmpty())
            return before;
        if (Status s = updateTaskRow(after, changed.contains(u"tags"_s)); !s)
            return s.error();
        if (Status s = record(OutboxMutation::Entity::Task, after.uuid, OutboxMutation::Op::Upsert,
                              changed, before.version);
            !s)
            return s.error();
        changedTasks << after.uuid;
        return after;
    }

    Result<Goal> saveGoalChange(const Goal& before, const Goal& after) {
        const QJsonObject changed =
            changedFields(syncWritableFields(before.toSyncJson(), Goal::schema()),
                          syncWritableFields(after.toSyncJson(), Goal::schema()));
        if (changed.isEmpty())
            return before;
        if (Status s = updateGoalRow(after); !s)
            return s.error();
        if (Status s = record(OutboxMutation::Entity::Goal, after.uuid, OutboxMutation::Op::Upsert,
                              changed, before.version);
            !s)
            return s.error();
        changedGoals << after.uuid;
        return after;
    }

    // A validated new task, not written yet. `knownGoals` remembers parents
    // already checked during a bulk import.
    Result<Task> prepareNewTask(const QJsonObject& fields, const QDateTime& now,
                                QSet<QString>* knownGoals) {
        const ValidatedFields validated =
            Task::schema().validate(fields, EntitySchema::Mode::Create, FromSync);
        if (!validated.ok())
            return Error::validation(validated.errors);
        Task task = Task::create(now);
        task.applyFields(validated.fields, now);
        if (task.parentGoalUuid && !(knownGoals && knownGoals->contains(*task.parentGoalUuid))) {
            if (!goalExists(*task.parentGoalUuid))
                return Error::validation({fieldError(
                    u"parent_goal_uuid"_s, u"Goal %1 not found"_s.arg(*task.parentGoalUuid))});
            if (knownGoals)
                knownGoals->insert(*task.parentGoalUuid);
        }
        return task;
    }

    Result<Task> insertNewTask(const QJsonObject& fields, const QDateTime& now) {
        Result<Task> prepared = prepareNewTask(fields, now, nullptr);
        if (!prepared)
            return prepared;
        const Task& task = prepared.value();
        if (Status s = insertTaskRow(task); !s)
            return s.error();
        if (Status s = recordCreate(u"task"_s, task.uuid,
                                    syncWritableFields(task.toSyncJson(), Task::schema()));
            !s)
            return s.error();
        changedTasks << task.uuid;
        return prepared;
    }

    // Progress from the goal's direct tasks and sub-goals as stored now.
    double progressFromChildren(const QString& uuid) {
        bool ok = false;
        QSqlQuery& counts = query(u"SELECT count(*), coalesce(sum(status = 'completed'), 0) "
                                  u"FROM tasks WHERE parent_goal_uuid = ?"_s,
                                  {uuid}, &ok);
        qint64 total = 0;
        qint64 completed = 0;
        if (ok && counts.next()) {
            total = counts.value(0).toLongLong();
            completed = counts.value(1).toLongLong();
        }
        counts.finish();
        QSqlQuery& children = query(
            u"SELECT progress_percentage FROM goals WHERE parent_goal_uuid = ?"_s, {uuid}, &ok);
        QList<double> subgoals;
        while (ok && children.next())
            subgoals << children.value(0).toDouble();
        children.finish();
        return GoalProgress::compute(total, completed, subgoals);
    }

    Result<Goal> recalculate(const QString& uuid, const QDateTime& now) {
        const std::optional<Goal> before = loadGoal(uuid);
        if (!before)
            return Error::make(Error::Code::NotFound, u"Goal %1 not found"_s.arg(uuid));
        const double progress = progressFromChildren(uuid);
        QJsonObject fields{{u"progress_percentage"_s, progress}};
        if (progress >= 100 && before->status == GoalStatus::Active)
            fields.insert(u"status"_s, u"completed"_s);
        Goal after = *before;
        after.applyFields(fields, now);
        return saveGoalChange(*before, after);
    }

    QStringList subtreeUuids(const QString& uuid) {
        bool ok = false;
        QSqlQuery& q =
            query(u"WITH RECURSIVE down(uuid, depth) AS (SELECT uuid, 0 FROM goals WHERE uuid = ? "
                  u"UNION ALL SELECT g.uuid, down.depth + 1 FROM goals g JOIN down "
                  u"ON g.parent_goal_uuid = down.uuid WHERE down.depth < ?) "
                  u"SELECT uuid FROM down ORDER BY depth"_s,
                  {uuid, kMaxDepth}, &ok);
        QStringList uuids;
        while (ok && q.next())
            uuids << q.value(0).toString();
        q.finish();
        return uuids;
    }

    // Cycle and existence checks for a goal's new parent.
    std::optional<Error> checkGoalParent(const QString& uuid, const QString& parentUuid) {
        if (parentUuid == uuid) {
            const QString message = u"A goal cannot be its own parent"_s;
            return Error{Error::Code::Cycle, message, {fieldError(u"parent_goal_uuid"_s, message)}};
        }
        if (!goalExists(parentUuid))
            return Error::validation(
                {fieldError(u"parent_goal_uuid"_s, u"Parent goal %1 not found"_s.arg(parentUuid))});
        if (subtreeUuids(uuid).contains(parentUuid)) {
            const QString message =
                u"Cannot create circular reference: parent goal is a descendant of this goal"_s;
            return Error{Error::Code::Cycle, message, {fieldError(u"parent_goal_uuid"_s, message)}};
        }
        return std::nullopt;
    }

    Result<Goal> changeGoal(const QString& uuid, const QJsonObject& fields, const QDateTime& now) {
        const ValidatedFields validated =
            Goal::schema().validate(fields, EntitySchema::Mode::Patch, FromSync);
        if (!validated.ok())
            return Error::validation(validated.errors);
        const std::optional<Goal> before = loadGoal(uuid);
        if (!before)
            return Error::make(Error::Code::NotFound, u"Goal %1 not found"_s.arg(uuid));
        const QJsonValue parent = validated.fields.value(u"parent_goal_uuid"_s);
        if (parent.isString()) {
            if (auto error = checkGoalParent(uuid, parent.toString()))
                return *error;
        }
        Goal after = *before;
        after.applyFields(validated.fields, now);
        // Leaving `completed` gives the goal back the progress its tree has.
        if (after.leftCompleted(before->status) &&
            !validated.fields.contains(u"progress_percentage"_s))
            after.progressPercentage = progressFromChildren(uuid);
        return saveGoalChange(*before, after);
    }

    Result<Task> changeTask(const QString& uuid, const QJsonObject& validatedFields,
                            const QDateTime& now) {
        const std::optional<Task> before = loadTask(uuid);
        if (!before)
            return Error::make(Error::Code::NotFound, u"Task %1 not found"_s.arg(uuid));
        const QJsonValue parent = validatedFields.value(u"parent_goal_uuid"_s);
        if (parent.isString() && !goalExists(parent.toString()))
            return Error::validation(
                {fieldError(u"parent_goal_uuid"_s, u"Goal %1 not found"_s.arg(parent.toString()))});
        Task after = *before;
        after.applyFields(validatedFields, now);
        return saveTaskChange(*before, after);
    }

    // --- sync ---

    // A server copy as stored in server_rows.
    struct Copy {
        qint64 version = 0;
        QJsonObject json;
        bool complete = true;
    };

    // What a rebuild needs to know about the row the user sees now.
    struct Visible {
        qint64 rowId = 0;
        std::optional<QStringList> tags;
        QDateTime updatedAt;
    };

    void markChanged(OutboxMutation::Entity entity, const QString& uuid) {
        if (entity == OutboxMutation::Entity::Task)
            changedTasks << uuid;
        else
            changedGoals << uuid;
    }

    static QString tableOf(OutboxMutation::Entity entity) {
        return entity == OutboxMutation::Entity::Task ? u"tasks"_s : u"goals"_s;
    }

    Status setMeta(const QString& key, const QString& value) {
        return exec(u"INSERT INTO meta(key, value) VALUES (?, ?) "
                    u"ON CONFLICT(key) DO UPDATE SET value = excluded.value"_s,
                    {key, value}, u"save the sync state"_s);
    }

    QVariant meta(const QString& key) {
        return scalar(u"SELECT value FROM meta WHERE key = ?"_s, {key});
    }

    QStringList strings(const QString& sql, const QVariantList& values) {
        bool ok = false;
        QSqlQuery& q = query(sql, values, &ok);
        QStringList list;
        while (ok && q.next())
            list << q.value(0).toString();
        q.finish();
        return list;
    }

    // Called at the start of every sync write: nothing cached survives one.
    void startSyncWrite() {
        syncKnownGoals.clear();
        orphansMayExist = scalar(u"SELECT 1 FROM orphans LIMIT 1"_s, {}).isValid();
    }

    bool goalKnown(const QString& uuid) {
        if (syncKnownGoals.contains(uuid))
            return true;
        if (!goalExists(uuid))
            return false;
        syncKnownGoals.insert(uuid);
        return true;
    }

    std::optional<Copy> loadCopy(OutboxMutation::Entity entity, const QString& uuid) {
        bool ok = false;
        QSqlQuery& q = query(u"SELECT version, json, complete FROM server_rows "
                             u"WHERE entity = ? AND uuid = ?"_s,
                             {entityName(entity), uuid}, &ok);
        std::optional<Copy> copy;
        if (ok && q.next())
            copy = Copy{q.value(0).toLongLong(), jsonObject(q.value(1)), q.value(2).toInt() != 0};
        q.finish();
        return copy;
    }

    Status saveCopy(OutboxMutation::Entity entity, const QString& uuid, const Copy& copy) {
        return exec(u"INSERT INTO server_rows (entity, uuid, version, json, complete, generation) "
                    u"VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(entity, uuid) DO UPDATE SET "
                    u"version = excluded.version, json = excluded.json, "
                    u"complete = excluded.complete, generation = excluded.generation"_s,
                    {entityName(entity), uuid, copy.version, jsonText(copy.json),
                     copy.complete ? 1 : 0, generation},
                    u"save the server's copy"_s);
    }

    Status removeCopy(OutboxMutation::Entity entity, const QString& uuid) {
        return exec(u"DELETE FROM server_rows WHERE entity = ? AND uuid = ?"_s,
                    {entityName(entity), uuid}, u"remove the server's copy"_s);
    }

    QList<OutboxMutation> pendingFor(OutboxMutation::Entity entity, const QString& uuid) {
        return loadMutations(u"SELECT seq, mid, entity, uuid, op, base_version, fields "
                             u"FROM outbox WHERE entity = ? AND uuid = ? ORDER BY seq"_s,
                             {entityName(entity), uuid});
    }

    std::optional<Visible> loadVisible(OutboxMutation::Entity entity, const QString& uuid) {
        const QString tags = entity == OutboxMutation::Entity::Task ? u"tags"_s : u"NULL"_s;
        bool ok = false;
        QSqlQuery& q = query(
            u"SELECT row_id, %1, updated_at FROM %2 WHERE uuid = ?"_s.arg(tags, tableOf(entity)),
            {uuid}, &ok);
        std::optional<Visible> visible;
        if (ok && q.next())
            visible =
                Visible{q.value(0).toLongLong(), optStringList(q.value(1)), timeValue(q.value(2))};
        q.finish();
        return visible;
    }

    template <typename T> std::optional<T> loadRow(const QString& uuid) {
        if constexpr (std::is_same_v<T, Task>)
            return loadTask(uuid);
        else
            return loadGoal(uuid);
    }

    // The visible row's sync shape, or {} when there is none.
    QJsonObject snapshotOf(OutboxMutation::Entity entity, const QString& uuid) {
        if (entity == OutboxMutation::Entity::Task) {
            const std::optional<Task> task = loadTask(uuid);
            return task ? task->toSyncJson() : QJsonObject();
        }
        const std::optional<Goal> goal = loadGoal(uuid);
        return goal ? goal->toSyncJson() : QJsonObject();
    }

    Status addConflict(ConflictEntry::Kind kind, OutboxMutation::Entity entity, const QString& uuid,
                       const QString& code, const QString& message, const QJsonObject& fields,
                       const QJsonObject& snapshot) {
        ++conflictsAdded;
        return exec(u"INSERT INTO conflicts (kind, entity, uuid, code, message, fields, snapshot, "
                    u"created_at) VALUES (?, ?, ?, coalesce(?, ''), coalesce(?, ''), ?, ?, ?)"_s,
                    {conflictKindName(kind), entityName(entity), uuid, code, message,
                     jsonText(fields), jsonText(snapshot), toDb(IsoDateTime::nowUtc())},
                    u"write the conflict journal"_s);
    }

    // Rows of one pulled page, written by a few set-based statements at the
    // end instead of one statement per row: every statement that touches the
    // full-text index flushes it, which made a large pull ten times slower.
    struct PullBatch {
        QJsonArray copies;   // the server rows as pulled
        QJsonArray direct;   // uuids of rows that are exactly their copy
        QJsonArray rows;     // taskValues() / goalValues() of each visible row
        QJsonArray retagged; // uuids of tasks whose tags changed
    };
    std::optional<PullBatch> batch;

    static QString compact(const QJsonArray& array) {
        return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
    }

    Status flushBatch(OutboxMutation::Entity entity) {
        if (!batch)
            return Done{};
        PullBatch pending = std::exchange(*batch, PullBatch{});
        if (!pending.copies.isEmpty()) {
            if (Status s = exec(
                    u"INSERT INTO server_rows (entity, uuid, version, json, complete, generation) "
                    u"SELECT ?, value ->> 'uuid', value ->> 'version', value, 1, ? "
                    u"FROM json_each(?) WHERE true ON CONFLICT(entity, uuid) DO UPDATE SET "
                    u"version = excluded.version, json = excluded.json, complete = 1, "
                    u"generation = excluded.generation"_s,
                    {entityName(entity), generation, compact(pending.copies)},
                    u"save the server's copies"_s);
                !s)
                return s;
        }
        if (!pending.direct.isEmpty()) {
            if (Status s = writeDirect(entity, compact(pending.direct)); !s)
                return s;
        }
        if (!pending.rows.isEmpty()) {
            if (Status s = writeRows(entity, compact(pending.rows)); !s)
                return s;
        }
        if (pending.retagged.isEmpty())
            return Done{};
        const QString retagged = compact(pending.retagged);
        if (Status s = exec(u"DELETE FROM task_tags WHERE task_id IN (SELECT row_id FROM tasks "
                            u"WHERE uuid IN (SELECT value FROM json_each(?)))"_s,
                            {retagged}, u"save the pulled tasks' tags"_s);
            !s)
            return s;
        return exec(u"INSERT OR IGNORE INTO task_tags (tag, task_id) "
                    u"SELECT j.value, t.row_id FROM json_each(?) r "
                    u"JOIN tasks t ON t.uuid = r.value, json_each(t.tags) j "
                    u"WHERE t.tags IS NOT NULL"_s,
                    {retagged}, u"save the pulled tasks' tags"_s);
    }

    // Visible rows straight from their server copies (uuids in page order).
    Status writeDirect(OutboxMutation::Entity entity, const QString& uuids) {
        const QString from =
            u" FROM json_each(?) f JOIN server_rows s ON s.entity = ? AND s.uuid = f.value "
            u"WHERE true ORDER BY f.key "_s;
        if (entity == OutboxMutation::Entity::Goal)
            return exec(
                u"INSERT INTO goals (server_id, user_id, version, parent_goal_uuid, "
                u"parent_goal_id, title, description, horizon, target_date, status, "
                u"progress_percentage, success_criteria, metrics, created_at, updated_at, "
                u"completed_at, uuid, pushed) SELECT s.json ->> 'id', s.json ->> 'user_id', "
                u"s.version, s.json ->> 'parent_goal_uuid', s.json ->> 'parent_goal_id', "
                u"s.json ->> 'title', s.json ->> 'description', "
                u"coalesce(s.json ->> 'horizon', 'yearly'), s.json ->> 'target_date', "
                u"coalesce(s.json ->> 'status', 'active'), "
                u"coalesce(s.json ->> 'progress_percentage', 0), s.json ->> 'success_criteria', "
                u"CASE json_type(s.json, '$.metrics') WHEN 'object' THEN s.json -> 'metrics' END, "
                u"coalesce(s.json ->> 'created_at', ''), coalesce(s.json ->> 'updated_at', ''), "
                u"s.json ->> 'completed_at', s.uuid, 1"_s +
                    from + kGoalUpsert,
                {uuids, u"goal"_s}, u"save the pulled goals"_s);
        return exec(
            u"INSERT INTO tasks (server_id, user_id, version, title, description, priority, "
            u"status, category, estimated_hours, actual_hours, due_date, parent_goal_uuid, "
            u"parent_goal_id, dependencies, dependency_uuids, notes, tags, created_at, "
            u"updated_at, completed_at, uuid, pushed) SELECT s.json ->> 'id', "
            u"s.json ->> 'user_id', s.version, s.json ->> 'title', s.json ->> 'description', "
            u"coalesce(s.json ->> 'priority', 3), coalesce(s.json ->> 'status', 'pending'), "
            u"s.json ->> 'category', s.json ->> 'estimated_hours', s.json ->> 'actual_hours', "
            u"s.json ->> 'due_date', s.json ->> 'parent_goal_uuid', "
            u"s.json ->> 'parent_goal_id', "
            u"CASE json_type(s.json, '$.dependencies') WHEN 'array' "
            u"THEN s.json -> 'dependencies' END, "
            u"CASE json_type(s.json, '$.dependency_uuids') WHEN 'array' "
            u"THEN s.json -> 'dependency_uuids' END, s.json ->> 'notes', "
            u"CASE json_type(s.json, '$.tags') WHEN 'array' THEN s.json -> 'tags' END, "
            u"coalesce(s.json ->> 'created_at', ''), coalesce(s.json ->> 'updated_at', ''), "
            u"s.json ->> 'completed_at', s.uuid, 1"_s +
                from + kTaskUpsert,
            {uuids, u"task"_s}, u"save the pulled tasks"_s);
    }

    // Rebuilt visible rows: taskValues() / goalValues() of each, in order.
    Status writeRows(OutboxMutation::Entity entity, const QString& rows) {
        if (entity == OutboxMutation::Entity::Goal)
            return exec(
                u"INSERT INTO goals (server_id, user_id, version, parent_goal_uuid, "
                u"parent_goal_id, title, description, horizon, target_date, status, "
                u"progress_percentage, success_criteria, metrics, created_at, updated_at, "
                u"completed_at, uuid, pushed) SELECT value ->> 0, value ->> 1, value ->> 2, "
                u"value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7, value ->> 8, "
                u"value ->> 9, value ->> 10, value ->> 11, value ->> 12, value ->> 13, "
                u"value ->> 14, value ->> 15, value ->> 16, 1 FROM json_each(?) "
                u"WHERE true ORDER BY key "_s +
                    kGoalUpsert,
                {rows}, u"save the pulled goals"_s);
        return exec(
            u"INSERT INTO tasks (server_id, user_id, version, title, description, priority, "
            u"status, category, estimated_hours, actual_hours, due_date, parent_goal_uuid, "
            u"parent_goal_id, dependencies, dependency_uuids, notes, tags, created_at, "
            u"updated_at, completed_at, uuid, pushed) SELECT value ->> 0, value ->> 1, "
            u"value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7, "
            u"value ->> 8, value ->> 9, value ->> 10, value ->> 11, value ->> 12, "
            u"value ->> 13, value ->> 14, value ->> 15, value ->> 16, value ->> 17, "
            u"value ->> 18, value ->> 19, value ->> 20, 1 FROM json_each(?) "
            u"WHERE true ORDER BY key "_s +
                kTaskUpsert,
            {rows}, u"save the pulled tasks"_s);
    }

    // Writes the rebuilt row now, or adds it to the page's batch.
    template <typename T> Status saveRebuilt(const T& row, const std::optional<Visible>& visible) {
        if (!batch)
            return writeSynced(row, visible);
        if constexpr (std::is_same_v<T, Task>) {
            batch->rows.append(QJsonArray::fromVariantList(taskValues(row)));
            if (visible ? visible->tags != row.tags : (row.tags && !row.tags->isEmpty()))
                batch->retagged.append(row.uuid);
        } else {
            batch->rows.append(QJsonArray::fromVariantList(goalValues(row)));
        }
        return Done{};
    }

    Status writeSynced(const Task& task, const std::optional<Visible>& visible) {
        if (visible)
            return updateTaskRow(task, visible->tags != task.tags, true);
        return insertTaskRow(task, true);
    }

    Status writeSynced(const Goal& goal, const std::optional<Visible>& visible) {
        return visible ? updateGoalRow(goal, true) : insertGoalRow(goal, true);
    }

    // Removes the visible row; the children of a goal stay, with no parent.
    Status removeVisible(OutboxMutation::Entity entity, const QString& uuid) {
        if (entity == OutboxMutation::Entity::Goal) {
            for (const QString& table : {u"tasks"_s, u"goals"_s}) {
                const QStringList children =
                    strings(u"SELECT uuid FROM %1 WHERE parent_goal_uuid = ?"_s.arg(table), {uuid});
                if (children.isEmpty())
                    continue;
                if (Status s = exec(u"UPDATE %1 SET parent_goal_uuid = NULL, parent_goal_id = "
                                    u"NULL WHERE parent_goal_uuid = ?"_s.arg(table),
                                    {uuid}, u"detach the goal's children"_s);
                    !s)
                    return s;
                if (table == u"tasks")
                    changedTasks << children;
                else
                    changedGoals << children;
            }
            syncKnownGoals.remove(uuid);
            if (orphansMayExist) {
                // The goal will not come back: nobody waits for it any more.
                if (Status s = exec(u"DELETE FROM orphans WHERE parent_goal_uuid = ?"_s, {uuid},
                                    u"update the waiting rows"_s);
                    !s)
                    return s;
            }
        }
        if (orphansMayExist) {
            if (Status s = exec(u"DELETE FROM orphans WHERE entity = ? AND uuid = ?"_s,
                                {entityName(entity), uuid}, u"update the waiting rows"_s);
                !s)
                return s;
        }
        QSqlQuery& q = prepared(u"DELETE FROM %1 WHERE uuid = ?"_s.arg(tableOf(entity)));
        if (!run(q, {uuid}))
            return storageError(q, u"remove a row"_s);
        const bool removed = q.numRowsAffected() > 0;
        q.finish();
        if (removed)
            markChanged(entity, uuid);
        return Done{};
    }

    // Makes the visible row the server copy with `pending` replayed on top.
    template <typename T>
    Status rebuild(OutboxMutation::Entity entity, const QString& uuid,
                   const std::optional<Copy>& copy, const QList<OutboxMutation>& pending,
                   const std::optional<Visible>& visible) {
        for (const OutboxMutation& m : pending) {
            if (m.op == OutboxMutation::Op::Delete)
                return visible ? removeVisible(entity, uuid) : Status(Done{});
        }
        // A create the server has not confirmed yet stays as the user made it.
        if (!copy)
            return Done{};
        QJsonObject base;
        if (copy->complete) {
            base = copy->json;
        } else {
            // A copy made from our own create lacks what only the server
            // sets; the visible row fills that in until the next pull.
            if (!visible)
                return Done{};
            base = snapshotOf(entity, uuid);
            for (auto it = copy->json.constBegin(); it != copy->json.constEnd(); ++it)
                base.insert(it.key(), it.value());
        }
        T row = fromCheckedJson<T>(base);
        if (row.uuid != uuid || row.createdAt.isNull())
            return Error::make(
                Error::Code::Storage,
                u"The server's copy of %1 %2 could not be read."_s.arg(entityName(entity), uuid));
        if (!pending.isEmpty()) {
            const QDateTime stamp =
                visible ? std::max(visible->updatedAt, row.updatedAt) : row.updatedAt;
            for (const OutboxMutation& m : pending)
                row.applyFields(m.fields, stamp);
        }
        row.version = copy->version;
        if (row.parentGoalUuid && !goalKnown(*row.parentGoalUuid)) {
            // Stored without its parent until the goal arrives.
            orphansMayExist = true;
            if (Status s = exec(u"INSERT OR REPLACE INTO orphans (entity, uuid, parent_goal_uuid) "
                                u"VALUES (?, ?, ?)"_s,
                                {entityName(entity), uuid, *row.parentGoalUuid},
                                u"remember a row waiting for its goal"_s);
                !s)
                return s;
            row.parentGoalUuid.reset();
        } else if (orphansMayExist) {
            if (Status s = exec(u"DELETE FROM orphans WHERE entity = ? AND uuid = ?"_s,
                                {entityName(entity), uuid}, u"update the waiting rows"_s);
                !s)
                return s;
        }
        if (Status s = saveRebuilt(row, visible); !s)
            return s;
        if constexpr (std::is_same_v<T, Goal>)
            syncKnownGoals.insert(uuid);
        markChanged(entity, uuid);
        return Done{};
    }

    // A rebuild that reads everything it needs itself.
    Status rebuildFromStore(OutboxMutation::Entity entity, const QString& uuid) {
        const std::optional<Copy> copy = loadCopy(entity, uuid);
        const QList<OutboxMutation> pending = pendingFor(entity, uuid);
        const std::optional<Visible> visible = loadVisible(entity, uuid);
        if (entity == OutboxMutation::Entity::Task)
            return rebuild<Task>(entity, uuid, copy, pending, visible);
        return rebuild<Goal>(entity, uuid, copy, pending, visible);
    }

    // Unsent upserts not sealed yet leave the outbox; returns their merged fields.
    Result<QJsonObject> dropUnsealed(OutboxMutation::Entity entity, const QString& uuid,
                                     const QList<OutboxMutation>& pending) {
        QJsonObject merged;
        bool any = false;
        for (const OutboxMutation& m : pending) {
            if (m.mid)
                continue;
            any = true;
            for (auto it = m.fields.constBegin(); it != m.fields.constEnd(); ++it)
                merged.insert(it.key(), it.value());
        }
        if (!any)
            return merged;
        outboxTouched = true;
        if (Status s = exec(u"DELETE FROM outbox WHERE entity = ? AND uuid = ? AND +mid IS NULL"_s,
                            {entityName(entity), uuid}, u"update the outbox"_s);
            !s)
            return s.error();
        return merged;
    }

    // A pulled tombstone; returns the number of journal entries added.
    Result<int> applyTombstone(OutboxMutation::Entity entity, const QString& uuid,
                               const QList<OutboxMutation>& pending, bool visible) {
        if (Status s = removeCopy(entity, uuid); !s)
            return s.error();
        bool unsealedEdits = false;
        for (const OutboxMutation& m : pending)
            unsealedEdits |= !m.mid && m.op == OutboxMutation::Op::Upsert;
        const QJsonObject snapshot =
            unsealedEdits && visible ? snapshotOf(entity, uuid) : QJsonObject();
        Result<QJsonObject> lost = dropUnsealed(entity, uuid, pending);
        if (!lost)
            return lost.error();
        int added = 0;
        if (unsealedEdits) {
            if (Status s = addConflict(ConflictEntry::Kind::DeletedElsewhere, entity, uuid, {},
                                       u"Deleted on another device before your changes were "
                                       u"sent."_s,
                                       *lost, snapshot);
                !s)
                return s.error();
            added = 1;
        }
        if (Status s = removeVisible(entity, uuid); !s)
            return s.error();
        return added;
    }

    qint64 generation = 0;
    int conflictsAdded = 0;
    bool orphansMayExist = false;
    QSet<QString> syncKnownGoals; // goals known to exist, during one sync write
};

// ---------------------------------------------------------------------------

LocalStore::LocalStore(QSqlDatabase db, QString path)
    : d(std::make_unique<Private>()) {
    d->db = db;
    d->connectionName = db.connectionName();
    d->path = std::move(path);
    d->deviceId = d->scalar(u"SELECT value FROM meta WHERE key = 'device_id'"_s, {}).toString();
    d->generation = d->meta(u"reload_generation"_s).toString().toLongLong();
}

LocalStore::~LocalStore() {
    d->statements.clear();
    {
        // Keeps the planner's statistics fresh for the next start; cheap.
        QSqlQuery optimize(d->db);
        optimize.exec(u"PRAGMA optimize"_s);
    }
    d->db.close();
    d->db = QSqlDatabase();
    QSqlDatabase::removeDatabase(d->connectionName);
    qCDebug(lcStore) << "closed" << d->path;
}

QString LocalStore::defaultPath(const QString& account) {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/accounts/"_s +
           account + u".sqlite"_s;
}

int LocalStore::latestSchemaVersion() {
    return StoreSchema::latestVersion();
}

namespace {

// Reads the schema version of an existing file without writing anything to it
// (read-only connection, no journal mode change).
Result<int> existingSchemaVersion(const QString& path) {
    const QString name = nextConnectionName();
    Result<int> version = 0;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"_s);
        if (!db.open())
            version = Error::make(Error::Code::Storage,
                                  u"The local database %1 could not be opened (%2). Check that "
                                  u"the file is readable."_s.arg(path, db.lastError().text()));
        else
            version = StoreSchema::version(db);
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return version;
}

Error newerSchemaError(const QString& path, int fileVersion) {
    return Error::make(Error::Code::Incompatible,
                       u"The local database %1 was written by a newer version of Bizy (schema "
                       u"%2; this version reads up to %3). Update Bizy to open it."_s.arg(path)
                           .arg(fileVersion)
                           .arg(StoreSchema::latestVersion()));
}

// Opens a read-write connection with the store's settings, migrated to
// `targetVersion`. On failure the connection is removed again.
Result<QSqlDatabase> openConnection(const QString& path, int targetVersion) {
    const QFileInfo info(path);
    if (info.exists() && info.size() > 0) {
        const Result<int> fileVersion = existingSchemaVersion(path);
        if (!fileVersion)
            return fileVersion.error();
        if (*fileVersion > StoreSchema::latestVersion()) {
            qCWarning(lcStore) << "refusing" << path << "at schema" << *fileVersion;
            return newerSchemaError(path, *fileVersion);
        }
    }
    if (!QDir().mkpath(info.absolutePath()))
        return Error::make(Error::Code::Storage,
                           u"The folder %1 could not be created. Check its permissions."_s.arg(
                               info.absolutePath()));

    const QString name = nextConnectionName();
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
    db.setDatabaseName(path);
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    auto fail = [&](Error error) -> Result<QSqlDatabase> {
        db.close();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        return error;
    };
    if (!db.open())
        return fail(Error::make(Error::Code::Storage,
                                u"The local database %1 could not be opened (%2). Check that "
                                u"the folder is writable."_s.arg(path, db.lastError().text())));
    // Checked again on this connection, before its first write.
    const Result<int> fileVersion = StoreSchema::version(db);
    if (!fileVersion)
        return fail(fileVersion.error());
    if (*fileVersion > StoreSchema::latestVersion())
        return fail(newerSchemaError(path, *fileVersion));
    {
        QSqlQuery pragma(db);
        for (const QString& statement :
             {u"PRAGMA journal_mode = WAL"_s, u"PRAGMA synchronous = NORMAL"_s,
              u"PRAGMA foreign_keys = ON"_s,
              // 32 MiB of page cache: big imports stay in memory until commit.
              u"PRAGMA cache_size = -32768"_s, u"PRAGMA temp_store = MEMORY"_s}) {
            if (!pragma.exec(statement))
                return fail(Error::make(Error::Code::Storage,
                                        u"The local database %1 could not be set up (%2)."_s.arg(
                                            path, pragma.lastError().text())));
        }
    }
    if (Status migrated = StoreSchema::migrate(db, targetVersion); !migrated)
        return fail(migrated.error());
    return db;
}

} // namespace

Result<std::unique_ptr<LocalStore>> LocalStore::open(const QString& path) {
    QElapsedTimer timer;
    timer.start();
    Result<QSqlDatabase> db = openConnection(path, StoreSchema::latestVersion());
    if (!db)
        return db.error();
    std::unique_ptr<LocalStore> store(new LocalStore(*db, path));
    qCInfo(lcStore) << "opened" << path << "schema" << store->schemaVersion() << "with"
                    << store->taskCount() << "tasks," << store->pendingCount()
                    << "pending changes in" << timer.elapsed() << "ms";
    return store;
}

Status LocalStore::createAtVersion(const QString& path, int version) {
    if (version < 1 || version > StoreSchema::latestVersion())
        return Error::make(Error::Code::Validation,
                           u"Schema version %1 does not exist."_s.arg(version));
    Result<QSqlDatabase> db = openConnection(path, version);
    if (!db)
        return db.error();
    const QString name = db.value().connectionName();
    db.value().close();
    db.value() = QSqlDatabase();
    QSqlDatabase::removeDatabase(name);
    return Done{};
}

bool LocalStore::moveFiles(const QString& from, const QString& to) {
    QDir().mkpath(QFileInfo(to).absolutePath());
    for (const QString& suffix : {QString(), u"-wal"_s, u"-shm"_s, u"-journal"_s}) {
        const QString source = from + suffix;
        if (!QFile::exists(source))
            continue;
        const QString target = to + suffix;
        if (QFile::rename(source, target))
            continue;
        // Another file system: copy, and only then remove the original.
        if (!QFile::copy(source, target)) {
            qCWarning(lcStore) << "cannot move" << source << "to" << target;
            return false;
        }
        QFile::remove(source);
    }
    return true;
}

QString LocalStore::path() const {
    return d->path;
}

int LocalStore::schemaVersion() const {
    return d->scalar(u"PRAGMA user_version"_s, {}).toInt();
}

QString LocalStore::deviceId() const {
    return d->deviceId;
}

// --- tasks ---

Result<Task> LocalStore::createTask(const QJsonObject& fields) {
    const QDateTime now = IsoDateTime::nowUtc();
    Result<Task> result = d->write([&] { return d->insertNewTask(fields, now); });
    announce();
    return result;
}

Result<QList<Task>> LocalStore::createTasks(const QList<QJsonObject>& fieldsList) {
    QElapsedTimer timer;
    timer.start();
    const QDateTime now = IsoDateTime::nowUtc();
    Result<QList<Task>> result = d->write([&]() -> Result<QList<Task>> {
        QList<Task> created;
        created.reserve(fieldsList.size());
        QSet<QString> knownGoals;
        // Each row once in the sync shape: the columns and the outbox create
        // are both read from it, set-based, by three statements in all.
        QJsonArray rows;
        for (qsizetype i = 0; i < fieldsList.size(); ++i) {
            Result<Task> task = d->prepareNewTask(fieldsList.at(i), now, &knownGoals);
            if (!task) {
                Error error = task.error();
                for (FieldError& field : error.fields)
                    field.loc.prepend(i);
                return error;
            }
            QJsonObject row = syncWritableFields(task->toSyncJson(), Task::schema());
            row.insert(u"uuid"_s, task->uuid);
            rows.append(row);
            d->changedTasks << task->uuid;
            created << std::move(task).value();
        }
        if (created.isEmpty())
            return created;
        const QString json = QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Compact));
        const QVariant lastRowBefore =
            d->scalar(u"SELECT coalesce(max(row_id), 0) FROM tasks"_s, {});
        if (Status s = d->exec(
                u"INSERT INTO tasks (uuid, version, title, description, priority, status, "
                u"category, estimated_hours, actual_hours, due_date, parent_goal_uuid, "
                u"dependency_uuids, notes, tags, created_at, updated_at, completed_at) "
                u"SELECT value ->> 'uuid', 0, value ->> 'title', value ->> 'description', "
                u"value ->> 'priority', value ->> 'status', value ->> 'category', "
                u"value ->> 'estimated_hours', value ->> 'actual_hours', value ->> 'due_date', "
                u"value ->> 'parent_goal_uuid', "
                u"CASE json_type(value, '$.dependency_uuids') WHEN 'array' "
                u"THEN value -> 'dependency_uuids' END, value ->> 'notes', "
                u"CASE json_type(value, '$.tags') WHEN 'array' THEN value -> 'tags' END, "
                u"value ->> 'created_at', ?, value ->> 'completed_at' "
                u"FROM json_each(?) ORDER BY key"_s,
                {toDb(now), json}, u"save the tasks"_s);
            !s)
            return s.error();
        if (Status s = d->exec(u"INSERT OR IGNORE INTO task_tags (tag, task_id) "
                               u"SELECT j.value, t.row_id FROM tasks t, json_each(t.tags) j "
                               u"WHERE t.row_id > ? AND t.tags IS NOT NULL"_s,
                               {lastRowBefore}, u"save the tasks' tags"_s);
            !s)
            return s.error();
        d->outboxTouched = true;
        if (Status s = d->exec(u"INSERT INTO outbox (entity, uuid, op, base_version, fields) "
                               u"SELECT 'task', value ->> 'uuid', 'upsert', 0, "
                               u"json_remove(value, '$.uuid') FROM json_each(?) ORDER BY key"_s,
                               {json}, u"write the outbox"_s);
            !s)
            return s.error();
        return created;
    });
    if (result)
        qCInfo(lcStore) << "created" << fieldsList.size() << "tasks in one transaction in"
                        << timer.elapsed() << "ms";
    announce();
    return result;
}

Result<Task> LocalStore::updateTask(const QString& uuid, const QJsonObject& fields) {
    const ValidatedFields validated =
        Task::schema().validate(fields, EntitySchema::Mode::Patch, FromSync);
    if (!validated.ok())
        return Error::validation(validated.errors);
    const QDateTime now = IsoDateTime::nowUtc();
    Result<Task> result = d->write([&] { return d->changeTask(uuid, validated.fields, now); });
    announce();
    return result;
}

Status LocalStore::deleteTask(const QString& uuid) {
    const QDateTime now = IsoDateTime::nowUtc();
    Status result = d->write([&]() -> Status {
        const std::optional<Task> task = d->loadTask(uuid);
        if (!task)
            return Error::make(Error::Code::NotFound, u"Task %1 not found"_s.arg(uuid));
        // Tasks that depended on it stop doing so, through the outbox too.
        const QList<Task> dependents = d->loadTasks(
            u"SELECT "_s + kTaskColumns +
                u" FROM tasks WHERE dependency_uuids IS NOT NULL AND EXISTS (SELECT 1 FROM "
                u"json_each(tasks.dependency_uuids) WHERE value = ?)"_s,
            {uuid});
        for (const Task& dependent : dependents) {
            QStringList remaining = dependent.dependencyUuids.value_or(QStringList());
            remaining.removeAll(uuid);
            Task after = dependent;
            after.applyFields({{u"dependency_uuids"_s, QJsonArray::fromStringList(remaining)}},
                              now);
            if (Result<Task> saved = d->saveTaskChange(dependent, after); !saved)
                return saved.error();
        }
        if (Status s = d->record(OutboxMutation::Entity::Task, uuid, OutboxMutation::Op::Delete, {},
                                 task->version);
            !s)
            return s;
        d->changedTasks << uuid;
        return d->exec(u"DELETE FROM tasks WHERE uuid = ?"_s, {uuid}, u"delete the task"_s);
    });
    announce();
    return result;
}

Result<Task> LocalStore::completeTask(const QString& uuid, std::optional<double> actualHours) {
    QJsonObject fields{{u"status"_s, u"completed"_s}};
    if (actualHours)
        fields.insert(u"actual_hours"_s, *actualHours);
    const ValidatedFields validated =
        Task::schema().validate(fields, EntitySchema::Mode::Patch, FromSync);
    if (!validated.ok())
        return Error::validation(validated.errors);
    const QDateTime now = IsoDateTime::nowUtc();
    Result<Task> result = d->write([&]() -> Result<Task> {
        const std::optional<Task> task = d->loadTask(uuid);
        if (!task)
            return Error::make(Error::Code::NotFound, u"Task %1 not found"_s.arg(uuid));
        if (task->isCompleted())
            return Error::make(Error::Code::Conflict, u"Task is already completed"_s);
        Task after = *task;
        after.complete(now, actualHours);
        return d->saveTaskChange(*task, after);
    });
    announce();
    return result;
}

Result<Task> LocalStore::uncompleteTask(const QString& uuid) {
    const QDateTime now = IsoDateTime::nowUtc();
    Result<Task> result = d->write([&]() -> Result<Task> {
        const std::optional<Task> task = d->loadTask(uuid);
        if (!task)
            return Error::make(Error::Code::NotFound, u"Task %1 not found"_s.arg(uuid));
        if (!task->isCompleted())
            return Error::make(Error::Code::Conflict, u"Task is not completed"_s);
        Task after = *task;
        after.uncomplete(now);
        return d->saveTaskChange(*task, after);
    });
    announce();
    return result;
}

std::optional<Task> LocalStore::task(const QString& uuid) const {
    return d->loadTask(uuid);
}

namespace {

struct TaskQuery {
    QString from = u" FROM tasks"_s;
    QString where;
    QVariantList values;
};

// The task columns named through the table, for queries that join others.
QString qualifiedTaskColumns() {
    static const QString columns =
        u"tasks."_s + QString(kTaskColumns).replace(u", "_s, u", tasks."_s);
    return columns;
}

TaskQuery taskQuery(const TaskFilter& filter) {
    QStringList conditions;
    bool searchJoin = false;
    QVariantList values;
    if (filter.status) {
        conditions << u"status = ?"_s;
        values << toString(*filter.status);
    }
    if (!filter.includeCompleted)
        conditions << u"status IN ('pending', 'in_progress', 'blocked')"_s;
    if (filter.priority) {
        conditions << u"priority = ?"_s;
        values << *filter.priority;
    }
    if (filter.category) {
        conditions << u"category = ?"_s;
        values << *filter.category;
    }
    if (filter.tag) {
        conditions << u"row_id IN (SELECT task_id FROM task_tags WHERE tag = ?)"_s;
        values << *filter.tag;
    }
    if (filter.goalUuid) {
        if (filter.goalUuid->isEmpty()) {
            conditions << u"parent_goal_uuid IS NULL"_s;
        } else {
            conditions << u"parent_goal_uuid = ?"_s;
            values << *filter.goalUuid;
        }
    }
    if (filter.search) {
        const QString match = FtsQuery::fromUserText(*filter.search);
        if (!match.isEmpty()) {
            // Joined rather than "row_id IN (...)": a common prefix can match
            // half the tasks, and the join needs no temporary list of them.
            conditions << u"tasks_fts MATCH ?"_s;
            values << match;
            searchJoin = true;
        }
    }
    if (filter.due != TaskFilter::Due::Any) {
        const QDateTime now = filter.now.isValid() ? filter.now : IsoDateTime::nowUtc();
        const QDateTime startOfToday(now.date(), QTime(0, 0), now.timeZone());
        const QDateTime startOfTomorrow = startOfToday.addDays(1);
        switch (filter.due) {
        case TaskFilter::Due::Today:
            conditions << u"due_date >= ? AND due_date < ?"_s;
            values << toDb(startOfToday) << toDb(startOfTomorrow);
            break;
        case TaskFilter::Due::Upcoming:
            conditions << u"due_date >= ? AND due_date < ? AND status <> 'completed'"_s;
            values << toDb(startOfTomorrow) << toDb(startOfTomorrow.addDays(7));
            break;
        case TaskFilter::Due::Overdue:
            // Bounded on both sides (every date sorts after "0") so the planner
            // takes the due-date index instead of scanning in list order.
            conditions << u"due_date >= '0' AND due_date < ? AND status <> 'completed'"_s;
            values << toDb(now);
            break;
        case TaskFilter::Due::Any:
            break;
        }
    }
    TaskQuery query;
    if (searchJoin)
        query.from = u" FROM tasks_fts JOIN tasks ON tasks.row_id = tasks_fts.rowid"_s;
    query.values = values;
    if (!conditions.isEmpty())
        query.where = u" WHERE "_s + conditions.join(u" AND "_s);
    return query;
}

QString taskListSql(const TaskFilter& filter, const TaskQuery& query, QVariantList* values) {
    *values = query.values;
    QString sql = u"SELECT "_s + qualifiedTaskColumns() + query.from + query.where +
                  u" ORDER BY priority, due_key, created_at DESC"_s;
    if (filter.limit >= 0 || filter.offset > 0) {
        sql += u" LIMIT ? OFFSET ?"_s;
        *values << filter.limit << std::max(0, filter.offset);
    }
    return sql;
}

} // namespace

QList<Task> LocalStore::tasks(const TaskFilter& filter) const {
    QVariantList values;
    const QString sql = taskListSql(filter, taskQuery(filter), &values);
    return d->loadTasks(sql, values);
}

qsizetype LocalStore::taskCount(const TaskFilter& filter) const {
    const TaskQuery query = taskQuery(filter);
    return d->scalar(u"SELECT count(*)"_s + query.from + query.where, query.values).toLongLong();
}

QStringList LocalStore::taskQueryPlan(const TaskFilter& filter) const {
    QVariantList values;
    const QString sql = taskListSql(filter, taskQuery(filter), &values);
    QSqlQuery q(d->db);
    q.prepare(u"EXPLAIN QUERY PLAN "_s + sql);
    QStringList plan;
    if (!d->run(q, values)) {
        plan << u"error: "_s + q.lastError().text();
        return plan;
    }
    while (q.next())
        plan << q.value(3).toString();
    return plan;
}

TaskStats LocalStore::taskStats(const QDateTime& now) const {
    TaskStats stats;
    bool ok = false;
    auto countBy = [&](const QString& column, QMap<QString, qint64>* counts) {
        QSqlQuery& q =
            d->query(u"SELECT %1, count(*) FROM tasks GROUP BY %1"_s.arg(column), {}, &ok);
        while (ok && q.next()) {
            const QString key = q.value(0).isNull() ? u"uncategorized"_s : q.value(0).toString();
            counts->insert(key, counts->value(key) + q.value(1).toLongLong());
        }
        q.finish();
    };
    countBy(u"status"_s, &stats.byStatus);
    countBy(u"priority"_s, &stats.byPriority);
    countBy(u"category"_s, &stats.byCategory);
    for (qint64 count : std::as_const(stats.byStatus))
        stats.total += count;
    stats.overdue = d->scalar(u"SELECT count(*) FROM tasks WHERE due_date < ? "
                              u"AND status <> 'completed'"_s,
                              {toDb(now)})
                        .toLongLong();
    return stats;
}

// --- goals ---

Result<Goal> LocalStore::createGoal(const QJsonObject& fields) {
    const ValidatedFields validated =
        Goal::schema().validate(fields, EntitySchema::Mode::Create, FromSync);
    if (!validated.ok())
        return Error::validation(validated.errors);
    const QDateTime now = IsoDateTime::nowUtc();
    Result<Goal> result = d->write([&]() -> Result<Goal> {
        Goal goal = Goal::create(now);
        goal.applyFields(validated.fields, now);
        if (goal.parentGoalUuid && !d->goalExists(*goal.parentGoalUuid))
            return Error::validation({fieldError(
                u"parent_goal_uuid"_s, u"Parent goal %1 not found"_s.arg(*goal.parentGoalUuid))});
        if (Status s = d->insertGoalRow(goal); !s)
            return s.error();
        if (Status s = d->recordCreate(u"goal"_s, goal.uuid,
                                       syncWritableFields(goal.toSyncJson(), Goal::schema()));
            !s)
            return s.error();
        d->changedGoals << goal.uuid;
        return goal;
    });
    announce();
    return result;
}

Result<Goal> LocalStore::updateGoal(const QString& uuid, const QJsonObject& fields) {
    const QDateTime now = IsoDateTime::nowUtc();
    Result<Goal> result = d->write([&] { return d->changeGoal(uuid, fields, now); });
    announce();
    return result;
}

Status LocalStore::deleteGoal(const QString& uuid) {
    const QDateTime now = IsoDateTime::nowUtc();
    Status result = d->write([&]() -> Status {
        const std::optional<Goal> goal = d->loadGoal(uuid);
        if (!goal)
            return Error::make(Error::Code::NotFound, u"Goal %1 not found"_s.arg(uuid));
        // Children live on at the root; each records that through the outbox
        // so no queued change still points at the deleted goal.
        const QJsonObject noParent{{u"parent_goal_uuid"_s, QJsonValue::Null}};
        const QList<Task> tasks = d->loadTasks(
            u"SELECT "_s + kTaskColumns + u" FROM tasks WHERE parent_goal_uuid = ?"_s, {uuid});
        for (const Task& task : tasks) {
            if (Result<Task> r = d->changeTask(task.uuid, noParent, now); !r)
                return r.error();
        }
        const QList<Goal> subgoals = d->loadGoals(
            u"SELECT "_s + kGoalColumns + u" FROM goals WHERE parent_goal_uuid = ?"_s, {uuid});
        for (const Goal& subgoal : subgoals) {
            if (Result<Goal> r = d->changeGoal(subgoal.uuid, noParent, now); !r)
                return r.error();
        }
        if (Status s = d->record(OutboxMutation::Entity::Goal, uuid, OutboxMutation::Op::Delete, {},
                                 goal->version);
            !s)
            return s;
        d->changedGoals << uuid;
        return d->exec(u"DELETE FROM goals WHERE uuid = ?"_s, {uuid}, u"delete the goal"_s);
    });
    announce();
    return result;
}

std::optional<Goal> LocalStore::goal(const QString& uuid) const {
    return d->loadGoal(uuid);
}

QList<Goal> LocalStore::goals() const {
    return d->loadGoals(
        u"SELECT "_s + kGoalColumns + u" FROM goals ORDER BY target_key, created_at DESC"_s, {});
}

QList<Goal> LocalStore::childGoals(const QString& parentUuid) const {
    if (parentUuid.isEmpty())
        return d->loadGoals(u"SELECT "_s + kGoalColumns +
                                u" FROM goals WHERE parent_goal_uuid IS NULL "
                                u"ORDER BY target_key, created_at DESC"_s,
                            {});
    return d->loadGoals(u"SELECT "_s + kGoalColumns +
                            u" FROM goals WHERE parent_goal_uuid = ? "
                            u"ORDER BY target_key, created_at DESC"_s,
                        {parentUuid});
}

QList<Goal> LocalStore::ancestors(const QString& uuid) const {
    QString columns = kGoalColumns;
    columns.replace(u", "_s, u", g."_s);
    return d->loadGoals(
        u"WITH RECURSIVE up(uuid, depth) AS (SELECT parent_goal_uuid, 1 FROM goals WHERE uuid = ? "
        u"UNION ALL SELECT g.parent_goal_uuid, up.depth + 1 FROM goals g JOIN up "
        u"ON g.uuid = up.uuid WHERE up.depth < ?) "
        u"SELECT g."_s +
            columns + u" FROM up JOIN goals g ON g.uuid = up.uuid ORDER BY up.depth"_s,
        {uuid, kMaxDepth});
}

QList<Goal> LocalStore::subtree(const QString& uuid) const {
    QString columns = kGoalColumns;
    columns.replace(u", "_s, u", g."_s);
    return d->loadGoals(
        u"WITH RECURSIVE down(uuid, depth) AS (SELECT uuid, 0 FROM goals WHERE uuid = ? "
        u"UNION ALL SELECT g.uuid, down.depth + 1 FROM goals g JOIN down "
        u"ON g.parent_goal_uuid = down.uuid WHERE down.depth < ?) "
        u"SELECT g."_s +
            columns + u" FROM down JOIN goals g ON g.uuid = down.uuid ORDER BY down.depth"_s,
        {uuid, kMaxDepth});
}

Result<Goal> LocalStore::moveGoal(const QString& uuid, const QString& newParentUuid) {
    return updateGoal(
        uuid, {{u"parent_goal_uuid"_s, newParentUuid.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                               : QJsonValue(newParentUuid)}});
}

Result<Goal> LocalStore::calculateProgress(const QString& uuid) {
    const QDateTime now = IsoDateTime::nowUtc();
    Result<Goal> result = d->write([&] { return d->recalculate(uuid, now); });
    announce();
    return result;
}

Status LocalStore::recalculateAllProgress() {
    QElapsedTimer timer;
    timer.start();
    const QDateTime now = IsoDateTime::nowUtc();
    qsizetype count = 0;
    Status result = d->write([&]() -> Status {
        bool ok = false;
        QSqlQuery& q = d->query(
            u"WITH RECURSIVE tree(uuid, depth) AS (SELECT uuid, 0 FROM goals "
            u"WHERE parent_goal_uuid IS NULL UNION ALL SELECT g.uuid, tree.depth + 1 "
            u"FROM goals g JOIN tree ON g.parent_goal_uuid = tree.uuid WHERE tree.depth < ?) "
            u"SELECT uuid FROM tree ORDER BY depth DESC"_s,
            {kMaxDepth}, &ok);
        if (!ok)
            return d->storageError(q, u"read the goal tree"_s);
        QStringList leavesFirst;
        while (q.next())
            leavesFirst << q.value(0).toString();
        q.finish();
        for (const QString& uuid : std::as_const(leavesFirst)) {
            if (Result<Goal> r = d->recalculate(uuid, now); !r)
                return r.error();
        }
        count = leavesFirst.size();
        return Done{};
    });
    qCInfo(lcStore) << "recalculated the progress of" << count << "goals in" << timer.elapsed()
                    << "ms";
    announce();
    return result;
}

GoalStats LocalStore::goalStats() const {
    GoalStats stats;
    bool ok = false;
    auto countBy = [&](const QString& column, QMap<QString, qint64>* counts) {
        QSqlQuery& q =
            d->query(u"SELECT %1, count(*) FROM goals GROUP BY %1"_s.arg(column), {}, &ok);
        while (ok && q.next())
            counts->insert(q.value(0).toString(), q.value(1).toLongLong());
        q.finish();
    };
    countBy(u"status"_s, &stats.byStatus);
    countBy(u"horizon"_s, &stats.byHorizon);
    for (qint64 count : std::as_const(stats.byStatus))
        stats.total += count;
    QSqlQuery& q = d->query(u"SELECT avg(progress_percentage), "
                            u"coalesce(sum(progress_percentage >= 80), 0) FROM goals "
                            u"WHERE status = 'active'"_s,
                            {}, &ok);
    if (ok && q.next()) {
        stats.averageProgress = std::round(q.value(0).toDouble() * 100) / 100;
        stats.nearCompletion = q.value(1).toLongLong();
    }
    q.finish();
    return stats;
}

// --- outbox ---

QList<OutboxMutation> LocalStore::pendingMutations(int limit) const {
    return d->loadMutations(u"SELECT seq, mid, entity, uuid, op, base_version, fields "
                            u"FROM outbox ORDER BY seq LIMIT ?"_s,
                            {limit});
}

qsizetype LocalStore::pendingCount() const {
    return d->scalar(u"SELECT count(*) FROM outbox"_s, {}).toLongLong();
}

QList<OutboxMutation> LocalStore::sealBatch(int max) {
    Result<QList<OutboxMutation>> result = d->write([&]() -> Result<QList<OutboxMutation>> {
        const QString select =
            u"SELECT seq, mid, entity, uuid, op, base_version, fields FROM outbox "_s;
        QList<OutboxMutation> batch =
            d->loadMutations(select + u"WHERE mid IS NOT NULL ORDER BY mid LIMIT ?"_s, {max});
        const int room = max - int(batch.size());
        if (room <= 0)
            return batch;
        QList<OutboxMutation> toSeal =
            d->loadMutations(select + u"WHERE +mid IS NULL ORDER BY seq LIMIT ?"_s, {room});
        if (toSeal.isEmpty())
            return batch;
        qint64 nextMid =
            d->scalar(u"SELECT value FROM meta WHERE key = 'next_mid'"_s, {}).toLongLong();
        for (OutboxMutation& mutation : toSeal) {
            mutation.mid = nextMid++;
            if (Status s = d->exec(u"UPDATE outbox SET mid = ? WHERE seq = ?"_s,
                                   {*mutation.mid, mutation.seq}, u"seal the outbox"_s);
                !s)
                return s.error();
            const QString table =
                mutation.entity == OutboxMutation::Entity::Task ? u"tasks"_s : u"goals"_s;
            if (Status s = d->exec(u"UPDATE %1 SET pushed = 1 WHERE uuid = ?"_s.arg(table),
                                   {mutation.uuid}, u"seal the outbox"_s);
                !s)
                return s.error();
            batch << mutation;
        }
        if (Status s = d->exec(u"UPDATE meta SET value = ? WHERE key = 'next_mid'"_s,
                               {QString::number(nextMid)}, u"seal the outbox"_s);
            !s)
            return s.error();
        qCDebug(lcStore) << "sealed" << toSeal.size() << "mutations up to mid" << nextMid - 1;
        return batch;
    });
    if (!result) {
        qCWarning(lcStore) << "sealing failed:" << result.error().message;
        return {};
    }
    return std::move(result).value();
}

Status LocalStore::acknowledge(qint64 upToMid) {
    Status result = d->write([&]() -> Status {
        d->outboxTouched = true;
        return d->exec(u"DELETE FROM outbox WHERE mid IS NOT NULL AND mid <= ?"_s, {upToMid},
                       u"update the outbox"_s);
    });
    announce();
    return result;
}

// --- sync ---

Status LocalStore::resequenceSealed(qint64 firstMid) {
    if (firstMid < 1)
        return Error::make(Error::Code::Validation,
                           u"Mutation ids start at 1, not %1."_s.arg(firstMid));
    Status result = d->write([&]() -> Status {
        d->outboxTouched = true;
        const QStringList seqs =
            d->strings(u"SELECT seq FROM outbox WHERE mid IS NOT NULL ORDER BY mid"_s, {});
        // mid is UNIQUE: move them all out of the way first.
        if (Status s = d->exec(u"UPDATE outbox SET mid = -mid WHERE mid IS NOT NULL"_s, {},
                               u"renumber the outbox"_s);
            !s)
            return s;
        qint64 mid = firstMid;
        for (const QString& seq : seqs) {
            if (Status s = d->exec(u"UPDATE outbox SET mid = ? WHERE seq = ?"_s,
                                   {mid++, seq.toLongLong()}, u"renumber the outbox"_s);
                !s)
                return s;
        }
        qCInfo(lcStore) << "renumbered" << seqs.size() << "sealed mutations from mid" << firstMid;
        return d->setMeta(u"next_mid"_s, QString::number(mid));
    });
    announce();
    return result;
}

qint64 LocalStore::pullCursor() const {
    return d->meta(u"pull_cursor"_s).toString().toLongLong();
}

Result<int> LocalStore::applyPull(const QList<ServerRow>& rows, qint64 cursor) {
    QElapsedTimer timer;
    timer.start();
    using Entity = OutboxMutation::Entity;
    Result<int> result = d->write([&]() -> Result<int> {
        d->startSyncWrite();
        const bool outboxEmpty = !d->scalar(u"SELECT 1 FROM outbox LIMIT 1"_s, {}).isValid();
        // A reset means the server's versions may have gone back (a restored
        // backup): then only what it sends now counts.
        const bool reloading = d->meta(u"reload_in_progress"_s).toString() == u"1";
        int added = 0;
        d->batch.emplace();
        // Goals first, so that tasks of this page find the goals of this page.
        for (const Entity entity : {Entity::Goal, Entity::Task}) {
            // The last row of a uuid wins, should a page hold one twice.
            QHash<QString, qsizetype> last;
            for (qsizetype i = 0; i < rows.size(); ++i) {
                if (rows.at(i).entity == entity)
                    last.insert(rows.at(i).uuid, i);
            }
            if (last.isEmpty())
                continue;
            QJsonArray uuidArray;
            QSet<QString> parents;
            for (qsizetype i = 0; i < rows.size(); ++i) {
                const ServerRow& row = rows.at(i);
                if (row.entity != entity || last.value(row.uuid) != i)
                    continue;
                uuidArray.append(row.uuid);
                const QJsonValue parent = row.json.value(u"parent_goal_uuid"_s);
                if (parent.isString())
                    parents.insert(parent.toString());
            }
            const QString uuids =
                QString::fromUtf8(QJsonDocument(uuidArray).toJson(QJsonDocument::Compact));
            const QString kind = entityName(entity);
            // What the page needs to know, one query each instead of one per row.
            QHash<QString, QList<OutboxMutation>> pending;
            if (!outboxEmpty) {
                const QList<OutboxMutation> mutations = d->loadMutations(
                    u"SELECT seq, mid, entity, uuid, op, base_version, fields FROM outbox "
                    u"WHERE entity = ? AND uuid IN (SELECT value FROM json_each(?)) "
                    u"ORDER BY seq"_s,
                    {kind, uuids});
                for (const OutboxMutation& m : mutations)
                    pending[m.uuid] << m;
            }
            QHash<QString, Private::Visible> visible;
            {
                bool ok = false;
                QSqlQuery& q = d->query(
                    u"SELECT uuid, row_id, %1, updated_at FROM %2 "
                    u"WHERE uuid IN (SELECT value FROM json_each(?))"_s.arg(
                        entity == Entity::Task ? u"tags"_s : u"NULL"_s, Private::tableOf(entity)),
                    {uuids}, &ok);
                if (!ok)
                    return d->storageError(q, u"read the rows of a pulled page"_s);
                while (q.next())
                    visible.insert(q.value(0).toString(),
                                   {q.value(1).toLongLong(), optStringList(q.value(2)),
                                    timeValue(q.value(3))});
                q.finish();
            }
            QHash<QString, qint64> copyVersions;
            {
                bool ok = false;
                QSqlQuery& q = d->query(u"SELECT uuid, version FROM server_rows WHERE entity = ? "
                                        u"AND uuid IN (SELECT value FROM json_each(?))"_s,
                                        {kind, uuids}, &ok);
                if (!ok)
                    return d->storageError(q, u"read the rows of a pulled page"_s);
                while (q.next())
                    copyVersions.insert(q.value(0).toString(), q.value(1).toLongLong());
                q.finish();
            }
            if (!parents.isEmpty()) {
                const QString parentJson =
                    QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(parents.values()))
                                          .toJson(QJsonDocument::Compact));
                for (const QString& goal :
                     d->strings(u"SELECT uuid FROM goals "
                                u"WHERE uuid IN (SELECT value FROM json_each(?))"_s,
                                {parentJson}))
                    d->syncKnownGoals.insert(goal);
            }
            for (qsizetype i = 0; i < rows.size(); ++i) {
                const ServerRow& row = rows.at(i);
                if (row.entity != entity || last.value(row.uuid) != i)
                    continue;
                const auto known = copyVersions.constFind(row.uuid);
                // Never back to an older state than one a push result already gave.
                if (!reloading && known != copyVersions.constEnd() && *known > row.version)
                    continue;
                const QList<OutboxMutation> mutations = pending.value(row.uuid);
                const auto seen = visible.constFind(row.uuid);
                const std::optional<Private::Visible> current =
                    seen == visible.constEnd() ? std::nullopt
                                               : std::optional<Private::Visible>(*seen);
                if (row.deleted) {
                    // Rows before it in the page are written first.
                    if (Status s = d->flushBatch(entity); !s)
                        return s.error();
                    Result<int> journaled =
                        d->applyTombstone(entity, row.uuid, mutations, current.has_value());
                    if (!journaled)
                        return journaled.error();
                    added += *journaled;
                    continue;
                }
                d->batch->copies.append(row.json);
                // Nothing to replay and the parent is here: the row is the
                // server's, written straight from its copy by flushBatch().
                const QJsonValue parent = row.json.value(u"parent_goal_uuid"_s);
                if (mutations.isEmpty() &&
                    (!parent.isString() || d->goalKnown(parent.toString()))) {
                    d->batch->direct.append(row.uuid);
                    if (entity == Entity::Task) {
                        const QJsonValue tags = row.json.value(u"tags"_s);
                        const std::optional<QStringList> newTags =
                            tags.isArray()
                                ? std::optional<QStringList>(tags.toVariant().toStringList())
                                : std::nullopt;
                        if (current ? current->tags != newTags : (newTags && !newTags->isEmpty()))
                            d->batch->retagged.append(row.uuid);
                    } else {
                        d->syncKnownGoals.insert(row.uuid);
                    }
                    if (d->orphansMayExist) {
                        if (Status s =
                                d->exec(u"DELETE FROM orphans WHERE entity = ? AND uuid = ?"_s,
                                        {kind, row.uuid}, u"update the waiting rows"_s);
                            !s)
                            return s.error();
                    }
                    d->markChanged(entity, row.uuid);
                    continue;
                }
                const Private::Copy copy{row.version, row.json, true};
                const Status rebuilt =
                    entity == Entity::Task
                        ? d->rebuild<Task>(entity, row.uuid, copy, mutations, current)
                        : d->rebuild<Goal>(entity, row.uuid, copy, mutations, current);
                if (!rebuilt)
                    return rebuilt.error();
            }
            if (Status s = d->flushBatch(entity); !s)
                return s.error();
        }
        d->batch.reset();
        // Rows that waited for a goal this page brought.
        if (d->orphansMayExist) {
            bool ok = false;
            QSqlQuery& q = d->query(u"SELECT entity, uuid FROM orphans "
                                    u"WHERE parent_goal_uuid IN (SELECT uuid FROM goals)"_s,
                                    {}, &ok);
            if (!ok)
                return d->storageError(q, u"read the waiting rows"_s);
            QList<std::pair<Entity, QString>> ready;
            while (q.next())
                ready.append({entityFromName(q.value(0).toString()), q.value(1).toString()});
            q.finish();
            for (const auto& [entity, uuid] : ready) {
                if (Status s = d->rebuildFromStore(entity, uuid); !s)
                    return s.error();
            }
        }
        if (Status s = d->setMeta(u"pull_cursor"_s, QString::number(cursor)); !s)
            return s.error();
        return added;
    });
    if (result)
        qCDebug(lcStore) << "applied a pulled page of" << rows.size() << "rows up to version"
                         << cursor << "in" << timer.elapsed() << "ms";
    announce();
    return result;
}

Result<int> LocalStore::applyPushResults(const QList<OutboxMutation>& sent,
                                         const QList<PushOutcome>& outcomes, qint64 lastMid) {
    using Entity = OutboxMutation::Entity;
    QList<OutboxMutation> ordered = sent;
    std::sort(ordered.begin(), ordered.end(),
              [](const OutboxMutation& a, const OutboxMutation& b) { return a.mid < b.mid; });
    qint64 highest = 0;
    for (const OutboxMutation& m : std::as_const(ordered))
        highest = std::max(highest, m.mid.value_or(0));
    const qint64 upTo = std::min(lastMid, highest);
    QHash<qint64, PushOutcome> byMid;
    for (const PushOutcome& outcome : outcomes)
        byMid.insert(outcome.mid, outcome);

    Result<int> result = d->write([&]() -> Result<int> {
        d->startSyncWrite();
        // Acknowledged first, so that rebuilds below replay only what is
        // still unsent.
        d->outboxTouched = true;
        if (Status s = d->exec(u"DELETE FROM outbox WHERE mid IS NOT NULL AND mid <= ?"_s, {upTo},
                               u"update the outbox"_s);
            !s)
            return s.error();
        int added = 0;
        QList<std::pair<Entity, QString>> toRebuild;
        for (const OutboxMutation& m : std::as_const(ordered)) {
            if (!m.mid || *m.mid > upTo)
                continue;
            const auto found = byMid.constFind(*m.mid);
            if (found == byMid.constEnd())
                return Error::make(
                    Error::Code::Server,
                    u"The server acknowledged change %1 without a result for it."_s.arg(*m.mid));
            const PushOutcome& outcome = *found;
            if (outcome.status != PushOutcome::Status::Rejected) {
                if (!outcome.version)
                    return Error::make(
                        Error::Code::Server,
                        u"The server's result for change %1 has no version."_s.arg(*m.mid));
                // No id: the row is gone on the server (a delete, or an edit
                // replayed after another device deleted it); the pull brings
                // its tombstone.
                if (m.op == OutboxMutation::Op::Delete) {
                    if (Status s = d->removeCopy(m.entity, m.uuid); !s)
                        return s.error();
                    continue;
                }
                if (!outcome.id)
                    continue;
                std::optional<Private::Copy> copy = d->loadCopy(m.entity, m.uuid);
                // The server already held every value sent (a change undone
                // before it was pushed): its row is our copy, so fields only
                // the server sets, like updated_at, come back from it.
                if (copy && copy->complete && copy->version == *outcome.version)
                    toRebuild.append({m.entity, m.uuid});
                // A pull already brought a newer state: it includes this one.
                if (!copy || copy->version <= *outcome.version) {
                    Private::Copy next = copy.value_or(Private::Copy{0, {}, false});
                    for (auto it = m.fields.constBegin(); it != m.fields.constEnd(); ++it)
                        next.json.insert(it.key(), it.value());
                    next.json.insert(u"uuid"_s, m.uuid);
                    next.json.insert(u"version"_s, *outcome.version);
                    next.json.insert(u"id"_s, *outcome.id);
                    next.version = *outcome.version;
                    if (Status s = d->saveCopy(m.entity, m.uuid, next); !s)
                        return s.error();
                    // Later edits must carry the new base version.
                    QSqlQuery& q =
                        d->prepared(u"UPDATE %1 SET version = ?, server_id = ?, pushed = 1 "
                                    u"WHERE uuid = ?"_s.arg(Private::tableOf(m.entity)));
                    if (!d->run(q, {*outcome.version, *outcome.id, m.uuid}))
                        return d->storageError(q, u"save a push result"_s);
                    if (q.numRowsAffected() > 0)
                        d->markChanged(m.entity, m.uuid);
                    q.finish();
                }
                if (outcome.status == PushOutcome::Status::Merged &&
                    !outcome.overwritten.isEmpty()) {
                    if (Status s = d->addConflict(
                            ConflictEntry::Kind::Overwritten, m.entity, m.uuid, {},
                            outcome.message.isEmpty()
                                ? u"Your change replaced one made on another device."_s
                                : outcome.message,
                            outcome.overwritten, d->snapshotOf(m.entity, m.uuid));
                        !s)
                        return s.error();
                    ++added;
                }
                continue;
            }
            // Rejected. A delete of a row already gone elsewhere reached its aim.
            const bool gone = outcome.code == u"deleted";
            if (m.op == OutboxMutation::Op::Delete && gone) {
                if (Status s = d->removeCopy(m.entity, m.uuid); !s)
                    return s.error();
                continue;
            }
            const QJsonObject snapshot = d->snapshotOf(m.entity, m.uuid);
            QJsonObject fields = m.fields;
            const bool hasCopy = d->loadCopy(m.entity, m.uuid).has_value();
            if (gone || !hasCopy) {
                // Nothing on the server to fall back to: the row and its
                // unsealed edits go, into this one journal entry.
                Result<QJsonObject> lost =
                    d->dropUnsealed(m.entity, m.uuid, d->pendingFor(m.entity, m.uuid));
                if (!lost)
                    return lost.error();
                for (auto it = lost->constBegin(); it != lost->constEnd(); ++it)
                    fields.insert(it.key(), it.value());
                if (Status s = d->removeCopy(m.entity, m.uuid); !s)
                    return s.error();
                if (Status s = d->removeVisible(m.entity, m.uuid); !s)
                    return s.error();
            } else {
                toRebuild.append({m.entity, m.uuid});
            }
            if (Status s = d->addConflict(ConflictEntry::Kind::Rejected, m.entity, m.uuid,
                                          outcome.code, outcome.message, fields, snapshot);
                !s)
                return s.error();
            ++added;
        }
        // After every result, so that later applied edits of the row count.
        for (const auto& [entity, uuid] : std::as_const(toRebuild)) {
            if (Status s = d->rebuildFromStore(entity, uuid); !s)
                return s.error();
        }
        return added;
    });
    if (result)
        qCDebug(lcStore) << "recorded" << outcomes.size() << "push results, acknowledged up to"
                         << upTo << "," << *result << "journal entries";
    announce();
    return result;
}

Status LocalStore::beginReload() {
    const qint64 next = d->generation + 1;
    Status result = d->write([&]() -> Status {
        if (Status s = d->setMeta(u"reload_generation"_s, QString::number(next)); !s)
            return s;
        if (Status s = d->setMeta(u"reload_in_progress"_s, u"1"_s); !s)
            return s;
        return d->setMeta(u"pull_cursor"_s, u"0"_s);
    });
    if (result) {
        d->generation = next;
        qCInfo(lcStore) << "reload" << next << "started";
    }
    return result;
}

Status LocalStore::finishReload() {
    using Entity = OutboxMutation::Entity;
    Status result = d->write([&]() -> Status {
        // Without a reload every copy is of this generation: nothing to do.
        if (d->meta(u"reload_in_progress"_s).toString() != u"1")
            return Done{};
        d->startSyncWrite();
        qsizetype removed = 0;
        // Goals last: their tasks are gone by then and need no detaching.
        for (const Entity entity : {Entity::Task, Entity::Goal}) {
            const QString kind = entityName(entity);
            const QStringList unseen =
                d->strings(u"SELECT uuid FROM %1 WHERE uuid NOT IN (SELECT uuid FROM server_rows "
                           u"WHERE entity = ? AND generation = ?) "
                           u"AND uuid NOT IN (SELECT uuid FROM outbox WHERE entity = ?)"_s.arg(
                               Private::tableOf(entity)),
                           {kind, d->generation, kind});
            for (const QString& uuid : unseen) {
                if (Status s = d->removeVisible(entity, uuid); !s)
                    return s;
            }
            removed += unseen.size();
            if (Status s = d->exec(u"DELETE FROM server_rows WHERE entity = ? AND generation <> ? "
                                   u"AND uuid NOT IN (SELECT uuid FROM outbox WHERE entity = ?)"_s,
                                   {kind, d->generation, kind}, u"finish the reload"_s);
                !s)
                return s;
        }
        qCInfo(lcStore) << "reload" << d->generation << "finished;" << removed
                        << "rows the server no longer has were removed";
        return d->setMeta(u"reload_in_progress"_s, u"0"_s);
    });
    announce();
    return result;
}

bool LocalStore::reloadInProgress() const {
    return d->meta(u"reload_in_progress"_s).toString() == u"1";
}

std::optional<QDateTime> LocalStore::lastSyncedAt() const {
    const QVariant value = d->meta(u"last_synced_at"_s);
    if (!value.isValid())
        return std::nullopt;
    return IsoDateTime::parse(value.toString());
}

Status LocalStore::setLastSyncedAt(const QDateTime& when) {
    return d->write([&] { return d->setMeta(u"last_synced_at"_s, toDb(when).toString()); });
}

QList<ConflictEntry> LocalStore::conflicts() const {
    bool ok = false;
    QSqlQuery& q = d->query(u"SELECT id, kind, entity, uuid, code, message, fields, snapshot, "
                            u"created_at FROM conflicts ORDER BY id DESC"_s,
                            {}, &ok);
    QList<ConflictEntry> entries;
    while (ok && q.next()) {
        ConflictEntry entry;
        entry.id = q.value(0).toLongLong();
        entry.kind = conflictKindFromName(q.value(1).toString());
        entry.entity = entityFromName(q.value(2).toString());
        entry.uuid = q.value(3).toString();
        entry.code = q.value(4).toString();
        entry.message = q.value(5).toString();
        entry.fields = jsonObject(q.value(6));
        entry.snapshot = jsonObject(q.value(7));
        entry.createdAt = timeValue(q.value(8));
        entries << entry;
    }
    q.finish();
    return entries;
}

qsizetype LocalStore::conflictCount() const {
    return d->scalar(u"SELECT count(*) FROM conflicts"_s, {}).toLongLong();
}

Status LocalStore::dismissConflict(qint64 id) {
    return d->write([&]() -> Status {
        QSqlQuery& q = d->prepared(u"DELETE FROM conflicts WHERE id = ?"_s);
        if (!d->run(q, {id}))
            return d->storageError(q, u"update the conflict journal"_s);
        const bool removed = q.numRowsAffected() > 0;
        q.finish();
        if (!removed)
            return Error::make(Error::Code::NotFound, u"Conflict %1 not found"_s.arg(id));
        return Done{};
    });
}

Status LocalStore::restoreConflict(qint64 id) {
    const QDateTime now = IsoDateTime::nowUtc();
    Status result = d->write([&]() -> Status {
        const QList<ConflictEntry> all = conflicts();
        const auto entry = std::find_if(all.begin(), all.end(),
                                        [&](const ConflictEntry& e) { return e.id == id; });
        if (entry == all.end())
            return Error::make(Error::Code::NotFound, u"Conflict %1 not found"_s.arg(id));
        const bool isTask = entry->entity == OutboxMutation::Entity::Task;
        const EntitySchema& schema = isTask ? Task::schema() : Goal::schema();
        // A parent that no longer exists is dropped; the rest comes back.
        auto withoutLostParent = [&](QJsonObject fields) {
            const QJsonValue parent = fields.value(u"parent_goal_uuid"_s);
            if (parent.isString() && !d->goalExists(parent.toString()))
                fields.remove(u"parent_goal_uuid"_s);
            return fields;
        };
        const QJsonObject lost = withoutLostParent(syncWritableFields(entry->fields, schema));
        const bool exists =
            isTask ? d->loadTask(entry->uuid).has_value() : d->loadGoal(entry->uuid).has_value();
        if (exists) {
            if (isTask) {
                const ValidatedFields validated =
                    schema.validate(lost, EntitySchema::Mode::Patch, FromSync);
                if (!validated.ok())
                    return Error::validation(validated.errors);
                if (Result<Task> r = d->changeTask(entry->uuid, validated.fields, now); !r)
                    return r.error();
            } else if (Result<Goal> r = d->changeGoal(entry->uuid, lost, now); !r) {
                return r.error();
            }
        } else {
            // Created anew: the old uuid is gone for good on the server.
            QJsonObject fields = syncWritableFields(entry->snapshot, schema);
            for (auto it = lost.constBegin(); it != lost.constEnd(); ++it)
                fields.insert(it.key(), it.value());
            fields = withoutLostParent(fields);
            if (isTask) {
                if (Result<Task> r = d->insertNewTask(fields, now); !r)
                    return r.error();
            } else {
                const ValidatedFields validated =
                    schema.validate(fields, EntitySchema::Mode::Create, FromSync);
                if (!validated.ok())
                    return Error::validation(validated.errors);
                Goal goal = Goal::create(now);
                goal.applyFields(validated.fields, now);
                if (Status s = d->insertGoalRow(goal); !s)
                    return s;
                if (Status s = d->recordCreate(u"goal"_s, goal.uuid,
                                               syncWritableFields(goal.toSyncJson(), schema));
                    !s)
                    return s;
                d->changedGoals << goal.uuid;
            }
        }
        return d->exec(u"DELETE FROM conflicts WHERE id = ?"_s, {id},
                       u"update the conflict journal"_s);
    });
    announce();
    return result;
}

void LocalStore::announce() {
    QStringList tasks = std::exchange(d->changedTasks, {});
    QStringList goals = std::exchange(d->changedGoals, {});
    tasks.removeDuplicates();
    goals.removeDuplicates();
    const bool outbox = std::exchange(d->outboxTouched, false);
    if (!tasks.isEmpty())
        emit tasksChanged(tasks);
    if (!goals.isEmpty())
        emit goalsChanged(goals);
    if (outbox)
        emit outboxChanged(pendingCount());
    if (const int added = std::exchange(d->conflictsAdded, 0); added > 0)
        emit conflictsAdded(added);
}

} // namespace bizy
