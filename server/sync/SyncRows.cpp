#include "SyncRows.h"

#include "db/DbSession.h"
#include "db/PgSql.h"
#include "model/GoalProgress.h"
#include "rest/TaskDependents.h"
#include "rest/VersionCounter.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace bizy::server {

namespace {

// Unix milliseconds; date_part (a double, exact to the millisecond) costs a
// third of extract(), which computes in numeric.
QString millis(const QString& column) {
    return u"(date_part('epoch', "_s + column + u") * 1000)::bigint"_s;
}

// Task columns, then owner, stamps, parent uuid and dependency uuids (in the
// order of the stored ids; ids of tasks deleted since are left out).
const QString kTaskSelect =
    u"SELECT t.id, t.uuid::text, t.user_id, t.title, t.description, t.priority, t.status, "
    u"t.category, t.estimated_hours, t.actual_hours, "_s +
    millis(u"t.due_date"_s) +
    u", t.parent_goal_id, t.dependencies::text, t.notes, t.tags::text, "_s +
    millis(u"t.created_at"_s) + u", "_s + millis(u"t.updated_at"_s) + u", "_s +
    millis(u"t.completed_at"_s) +
    u", t.version, t.field_versions::text, p.uuid::text, "
    u"CASE WHEN t.dependencies IS NULL THEN NULL ELSE coalesce(("
    u"SELECT json_agg(d.uuid::text ORDER BY x.n) "
    u"FROM jsonb_array_elements_text(t.dependencies) WITH ORDINALITY AS x(dep, n) "
    u"JOIN tasks d ON d.id = x.dep::bigint AND d.user_id = t.user_id), '[]'::json)::text END "
    u"FROM tasks t LEFT JOIN goals p ON p.id = t.parent_goal_id "_s;

const QString kGoalSelect =
    u"SELECT g.id, g.uuid::text, g.user_id, g.parent_goal_id, g.title, g.description, "
    u"g.horizon, "_s +
    millis(u"g.target_date"_s) +
    u", g.status, g.progress_percentage, g.success_criteria, g.metrics::text, "_s +
    millis(u"g.created_at"_s) + u", "_s + millis(u"g.updated_at"_s) + u", "_s +
    millis(u"g.completed_at"_s) +
    u", g.version, g.field_versions::text, p.uuid::text "
    u"FROM goals g LEFT JOIN goals p ON p.id = g.parent_goal_id "_s;

std::optional<QString> optionalText(const QVariant& value) {
    return value.isNull() ? std::nullopt : std::optional<QString>(value.toString());
}

std::optional<double> optionalNumber(const QVariant& value) {
    return value.isNull() ? std::nullopt : std::optional<double>(value.toDouble());
}

std::optional<qint64> optionalInteger(const QVariant& value) {
    return value.isNull() ? std::nullopt : std::optional<qint64>(value.toLongLong());
}

QJsonDocument parsed(const QVariant& value) {
    return QJsonDocument::fromJson(value.toString().toUtf8());
}

std::optional<QStringList> optionalStrings(const QVariant& value) {
    if (value.isNull())
        return std::nullopt;
    QStringList list;
    for (const QJsonValue& item : parsed(value).array())
        list << item.toString();
    return list;
}

SyncRow<Task> taskFromRow(const QSqlQuery& row) {
    SyncRow<Task> out;
    Task& task = out.entity;
    task.id = row.value(0).toLongLong();
    task.uuid = row.value(1).toString();
    task.userId = row.value(2).toLongLong();
    out.ownerId = *task.userId;
    task.title = row.value(3).toString();
    task.description = optionalText(row.value(4));
    task.priority = row.value(5).toInt();
    task.status = bizy::taskStatusFromString(row.value(6).toString()).value_or(task.status);
    task.category = optionalText(row.value(7));
    task.estimatedHours = optionalNumber(row.value(8));
    task.actualHours = optionalNumber(row.value(9));
    task.dueDate = PgSql::timeFromMillis(row.value(10));
    task.parentGoalId = optionalInteger(row.value(11));
    if (!row.value(12).isNull()) {
        QList<qint64> ids;
        for (const QJsonValue& id : parsed(row.value(12)).array())
            ids << id.toInteger();
        task.dependencies = ids;
    }
    task.notes = optionalText(row.value(13));
    task.tags = optionalStrings(row.value(14));
    task.createdAt = PgSql::timeFromMillis(row.value(15)).value_or(QDateTime());
    task.updatedAt = PgSql::timeFromMillis(row.value(16)).value_or(QDateTime());
    task.completedAt = PgSql::timeFromMillis(row.value(17));
    task.version = row.value(18).toLongLong();
    out.fieldVersions = parsed(row.value(19)).object();
    task.parentGoalUuid = optionalText(row.value(20));
    task.dependencyUuids = optionalStrings(row.value(21));
    return out;
}

SyncRow<Goal> goalFromRow(const QSqlQuery& row) {
    SyncRow<Goal> out;
    Goal& goal = out.entity;
    goal.id = row.value(0).toLongLong();
    goal.uuid = row.value(1).toString();
    goal.userId = row.value(2).toLongLong();
    out.ownerId = *goal.userId;
    goal.parentGoalId = optionalInteger(row.value(3));
    goal.title = row.value(4).toString();
    goal.description = optionalText(row.value(5));
    goal.horizon = bizy::goalHorizonFromString(row.value(6).toString()).value_or(goal.horizon);
    goal.targetDate = PgSql::timeFromMillis(row.value(7));
    goal.status = bizy::goalStatusFromString(row.value(8).toString()).value_or(goal.status);
    goal.progressPercentage = row.value(9).toDouble();
    goal.successCriteria = optionalText(row.value(10));
    if (!row.value(11).isNull())
        goal.metrics = parsed(row.value(11)).object();
    goal.createdAt = PgSql::timeFromMillis(row.value(12)).value_or(QDateTime());
    goal.updatedAt = PgSql::timeFromMillis(row.value(13)).value_or(QDateTime());
    goal.completedAt = PgSql::timeFromMillis(row.value(14));
    goal.version = row.value(15).toLongLong();
    out.fieldVersions = parsed(row.value(16)).object();
    goal.parentGoalUuid = optionalText(row.value(17));
    return out;
}

SyncTombstone tombstoneFromRow(const QSqlQuery& row) {
    return {row.value(0).toLongLong(), row.value(1).toLongLong(), row.value(2).toString(),
            row.value(3).toString(), row.value(4).toLongLong()};
}

const QString kTombstoneSelect =
    u"SELECT id, user_id, entity, uuid::text, version FROM tombstones "_s;

QString idArray(const QList<qint64>& ids) {
    QStringList parts;
    for (qint64 id : ids)
        parts << QString::number(id);
    return u"{"_s + parts.join(u',') + u"}"_s;
}

QString compactJson(const QJsonDocument& document) {
    return QString::fromUtf8(document.toJson(QJsonDocument::Compact));
}

QVariant dependenciesValue(const Task& task) {
    if (!task.dependencies)
        return QVariant(QMetaType::fromType<QString>());
    QJsonArray array;
    for (qint64 id : *task.dependencies)
        array.append(id);
    return compactJson(QJsonDocument(array));
}

QVariant tagsValue(const Task& task) {
    if (!task.tags)
        return QVariant(QMetaType::fromType<QString>());
    return compactJson(QJsonDocument(QJsonArray::fromStringList(*task.tags)));
}

QVariant metricsValue(const Goal& goal) {
    if (!goal.metrics)
        return QVariant(QMetaType::fromType<QString>());
    return compactJson(QJsonDocument(*goal.metrics));
}

} // namespace

QJsonObject SyncTombstone::toJson() const {
    return {{u"uuid"_s, uuid}, {u"deleted"_s, true}, {u"version"_s, version}};
}

SyncRows::SyncRows(DbSession& db, qint64 userId)
    : m_db(db)
    , m_userId(userId) {}

std::optional<SyncRow<Task>> SyncRows::taskByUuid(const QString& uuid) {
    QSqlQuery row = PgSql::run(m_db, kTaskSelect + u"WHERE t.uuid = ?::uuid"_s, {uuid});
    if (!row.next())
        return std::nullopt;
    return taskFromRow(row);
}

std::optional<SyncRow<Goal>> SyncRows::goalByUuid(const QString& uuid) {
    QSqlQuery row = PgSql::run(m_db, kGoalSelect + u"WHERE g.uuid = ?::uuid"_s, {uuid});
    if (!row.next())
        return std::nullopt;
    return goalFromRow(row);
}

std::optional<SyncTombstone> SyncRows::tombstoneByUuid(const QString& entity, const QString& uuid) {
    QSqlQuery row = PgSql::run(m_db,
                               kTombstoneSelect + u"WHERE uuid = ?::uuid AND entity = ? "
                                                  u"ORDER BY version DESC LIMIT 1"_s,
                               {uuid, entity});
    if (!row.next())
        return std::nullopt;
    return tombstoneFromRow(row);
}

QHash<qint64, Task> SyncRows::tasksByIds(const QList<qint64>& ids) {
    QHash<qint64, Task> tasks;
    if (ids.isEmpty())
        return tasks;
    QSqlQuery rows =
        PgSql::run(m_db, kTaskSelect + u"WHERE t.user_id = ? AND t.id = ANY(?::bigint[])"_s,
                   {m_userId, idArray(ids)});
    while (rows.next()) {
        Task task = taskFromRow(rows).entity;
        tasks.insert(*task.id, task);
    }
    return tasks;
}

QHash<qint64, Goal> SyncRows::goalsByIds(const QList<qint64>& ids) {
    QHash<qint64, Goal> goals;
    if (ids.isEmpty())
        return goals;
    QSqlQuery rows =
        PgSql::run(m_db, kGoalSelect + u"WHERE g.user_id = ? AND g.id = ANY(?::bigint[])"_s,
                   {m_userId, idArray(ids)});
    while (rows.next()) {
        Goal goal = goalFromRow(rows).entity;
        goals.insert(*goal.id, goal);
    }
    return goals;
}

QHash<qint64, SyncTombstone> SyncRows::tombstonesByIds(const QList<qint64>& ids) {
    QHash<qint64, SyncTombstone> tombstones;
    if (ids.isEmpty())
        return tombstones;
    QSqlQuery rows =
        PgSql::run(m_db, kTombstoneSelect + u"WHERE user_id = ? AND id = ANY(?::bigint[])"_s,
                   {m_userId, idArray(ids)});
    while (rows.next()) {
        SyncTombstone tombstone = tombstoneFromRow(rows);
        tombstones.insert(tombstone.id, tombstone);
    }
    return tombstones;
}

std::optional<qint64> SyncRows::goalId(const QString& uuid) {
    QSqlQuery row = PgSql::run(m_db, u"SELECT id FROM goals WHERE uuid = ?::uuid AND user_id = ?"_s,
                               {uuid, m_userId});
    if (!row.next())
        return std::nullopt;
    return row.value(0).toLongLong();
}

QHash<QString, qint64> SyncRows::taskIds(const QStringList& uuids) {
    QHash<QString, qint64> ids;
    if (uuids.isEmpty())
        return ids;
    QSqlQuery rows = PgSql::run(
        m_db, u"SELECT uuid::text, id FROM tasks WHERE user_id = ? AND uuid = ANY(?::uuid[])"_s,
        {m_userId, QString(u"{"_s + uuids.join(u',') + u"}"_s)});
    while (rows.next())
        ids.insert(rows.value(0).toString(), rows.value(1).toLongLong());
    return ids;
}

bool SyncRows::isWithin(qint64 goalId, qint64 ancestorId) {
    // Walk up from goalId; UNION (not UNION ALL) ends the walk even over a loop.
    return PgSql::run(m_db,
                      u"WITH RECURSIVE ancestors(id, parent_goal_id) AS ("
                      u"SELECT id, parent_goal_id FROM goals WHERE id = ? AND user_id = ? "
                      u"UNION SELECT g.id, g.parent_goal_id FROM goals g "
                      u"JOIN ancestors a ON g.id = a.parent_goal_id) "
                      u"SELECT 1 FROM ancestors WHERE id = ? LIMIT 1"_s,
                      {goalId, m_userId, ancestorId})
        .next();
}

double SyncRows::computeProgress(qint64 goalId) {
    QSqlQuery tasks =
        PgSql::run(m_db,
                   u"SELECT count(*), count(*) FILTER (WHERE status = 'completed') FROM tasks "
                   u"WHERE parent_goal_id = ? AND user_id = ?"_s,
                   {goalId, m_userId});
    tasks.next();
    QSqlQuery subgoals = PgSql::run(
        m_db, u"SELECT progress_percentage FROM goals WHERE parent_goal_id = ? AND user_id = ?"_s,
        {goalId, m_userId});
    QList<double> progress;
    while (subgoals.next())
        progress << subgoals.value(0).toDouble();
    return bizy::GoalProgress::compute(tasks.value(0).toLongLong(), tasks.value(1).toLongLong(),
                                       progress);
}

void SyncRows::insertTask(Task& task, const QJsonObject& fieldVersions) {
    QSqlQuery row = PgSql::run(
        m_db,
        u"INSERT INTO tasks (uuid, user_id, title, description, priority, status, category, "
        u"estimated_hours, actual_hours, due_date, parent_goal_id, dependencies, notes, tags, "
        u"created_at, updated_at, completed_at, version, field_versions) VALUES (?::uuid, ?, ?, "
        u"?, ?, ?, ?, ?::double precision, ?::double precision, ?::timestamptz, ?::bigint, "
        u"?::jsonb, ?, ?::jsonb, ?::timestamptz, ?::timestamptz, ?::timestamptz, ?, ?::jsonb) "
        u"RETURNING id"_s,
        {task.uuid, m_userId, task.title, PgSql::text(task.description), task.priority,
         bizy::toString(task.status), PgSql::text(task.category),
         PgSql::number(task.estimatedHours), PgSql::number(task.actualHours),
         PgSql::time(task.dueDate), PgSql::integer(task.parentGoalId), dependenciesValue(task),
         PgSql::text(task.notes), tagsValue(task), PgSql::time(task.createdAt),
         PgSql::time(task.updatedAt), PgSql::time(task.completedAt), task.version,
         compactJson(QJsonDocument(fieldVersions))});
    row.next();
    task.id = row.value(0).toLongLong();
}

void SyncRows::updateTask(const Task& task, const QJsonObject& fieldVersions) {
    PgSql::run(
        m_db,
        u"UPDATE tasks SET title = ?, description = ?, priority = ?, status = ?, category = ?, "
        u"estimated_hours = ?::double precision, actual_hours = ?::double precision, "
        u"due_date = ?::timestamptz, parent_goal_id = ?::bigint, dependencies = ?::jsonb, "
        u"notes = ?, tags = ?::jsonb, created_at = ?::timestamptz, updated_at = ?::timestamptz, "
        u"completed_at = ?::timestamptz, version = ?, field_versions = ?::jsonb "
        u"WHERE id = ? AND user_id = ?"_s,
        {task.title, PgSql::text(task.description), task.priority, bizy::toString(task.status),
         PgSql::text(task.category), PgSql::number(task.estimatedHours),
         PgSql::number(task.actualHours), PgSql::time(task.dueDate),
         PgSql::integer(task.parentGoalId), dependenciesValue(task), PgSql::text(task.notes),
         tagsValue(task), PgSql::time(task.createdAt), PgSql::time(task.updatedAt),
         PgSql::time(task.completedAt), task.version, compactJson(QJsonDocument(fieldVersions)),
         *task.id, m_userId});
}

void SyncRows::insertGoal(Goal& goal, const QJsonObject& fieldVersions) {
    QSqlQuery row = PgSql::run(
        m_db,
        u"INSERT INTO goals (uuid, user_id, parent_goal_id, title, description, horizon, "
        u"target_date, status, progress_percentage, success_criteria, metrics, created_at, "
        u"updated_at, completed_at, version, field_versions) VALUES (?::uuid, ?, ?::bigint, ?, "
        u"?, ?, ?::timestamptz, ?, ?::double precision, ?, ?::jsonb, ?::timestamptz, "
        u"?::timestamptz, ?::timestamptz, ?, ?::jsonb) RETURNING id"_s,
        {goal.uuid, m_userId, PgSql::integer(goal.parentGoalId), goal.title,
         PgSql::text(goal.description), bizy::toString(goal.horizon), PgSql::time(goal.targetDate),
         bizy::toString(goal.status), goal.progressPercentage, PgSql::text(goal.successCriteria),
         metricsValue(goal), PgSql::time(goal.createdAt), PgSql::time(goal.updatedAt),
         PgSql::time(goal.completedAt), goal.version, compactJson(QJsonDocument(fieldVersions))});
    row.next();
    goal.id = row.value(0).toLongLong();
}

void SyncRows::updateGoal(const Goal& goal, const QJsonObject& fieldVersions) {
    PgSql::run(
        m_db,
        u"UPDATE goals SET parent_goal_id = ?::bigint, title = ?, description = ?, horizon = ?, "
        u"target_date = ?::timestamptz, status = ?, progress_percentage = ?::double precision, "
        u"success_criteria = ?, metrics = ?::jsonb, created_at = ?::timestamptz, "
        u"updated_at = ?::timestamptz, completed_at = ?::timestamptz, version = ?, "
        u"field_versions = ?::jsonb WHERE id = ? AND user_id = ?"_s,
        {PgSql::integer(goal.parentGoalId), goal.title, PgSql::text(goal.description),
         bizy::toString(goal.horizon), PgSql::time(goal.targetDate), bizy::toString(goal.status),
         goal.progressPercentage, PgSql::text(goal.successCriteria), metricsValue(goal),
         PgSql::time(goal.createdAt), PgSql::time(goal.updatedAt), PgSql::time(goal.completedAt),
         goal.version, compactJson(QJsonDocument(fieldVersions)), *goal.id, m_userId});
}

void SyncRows::deleteTask(qint64 taskId, VersionCounter& counter) {
    PgSql::run(m_db, u"DELETE FROM tasks WHERE id = ? AND user_id = ?"_s, {taskId, m_userId});
    TaskDependents::forget(m_db, m_userId, taskId, counter);
}

void SyncRows::deleteGoal(qint64 goalId, VersionCounter& counter) {
    const QString orphan =
        u"UPDATE %1 c SET parent_goal_id = NULL, updated_at = date_trunc('milliseconds', now()), "
        u"version = ? + o.n - 1 FROM (SELECT id, row_number() OVER (ORDER BY id) AS n "
        u"FROM %1 WHERE parent_goal_id = ? AND user_id = ?) o WHERE c.id = o.id"_s;
    for (const QString& table : {u"tasks"_s, u"goals"_s}) {
        QSqlQuery count = PgSql::run(
            m_db, u"SELECT count(*) FROM %1 WHERE parent_goal_id = ? AND user_id = ?"_s.arg(table),
            {goalId, m_userId});
        count.next();
        const qint64 childCount = count.value(0).toLongLong();
        if (childCount == 0)
            continue;
        const qint64 first = counter.reserve(childCount);
        PgSql::run(m_db, orphan.arg(table), {first, goalId, m_userId});
    }
    PgSql::run(m_db, u"DELETE FROM goals WHERE id = ? AND user_id = ?"_s, {goalId, m_userId});
}

} // namespace bizy::server
