#include "SyncRows.h"

#include "data/GoalColumns.h"
#include "data/TaskColumns.h"
#include "db/DbSession.h"
#include "db/PgSql.h"
#include "model/GoalProgress.h"
#include "rest/TaskDependents.h"
#include "rest/VersionCounter.h"

using namespace Qt::StringLiterals;

namespace bizy::server {

namespace {

// The sync's own column: which version and device last changed each column.
const SqlColumn kFieldVersions{u"field_versions"_s, ColumnKind::JsonObject};

// Task columns, then stamps, parent uuid and dependency uuids (in the order of
// the stored ids; ids of tasks deleted since are left out).
const QString kTaskSelect =
    u"SELECT "_s + taskColumns().selectList(u"t"_s) + u", "_s +
    kFieldVersions.selectExpression(u"t"_s) +
    u", p.uuid::text, "
    u"CASE WHEN t.dependencies IS NULL THEN NULL ELSE coalesce(("
    u"SELECT json_agg(d.uuid::text ORDER BY x.n) "
    u"FROM jsonb_array_elements_text(t.dependencies) WITH ORDINALITY AS x(dep, n) "
    u"JOIN tasks d ON d.id = x.dep::bigint AND d.user_id = t.user_id), '[]'::json)::text END "
    u"FROM tasks t LEFT JOIN goals p ON p.id = t.parent_goal_id "_s;

// Goal columns, then stamps and parent uuid.
const QString kGoalSelect = u"SELECT "_s + goalColumns().selectList(u"g"_s) + u", "_s +
                            kFieldVersions.selectExpression(u"g"_s) +
                            u", p.uuid::text FROM goals g LEFT JOIN goals p ON p.id = "
                            u"g.parent_goal_id "_s;

const QString kTaskInsert = taskColumns().insertSql({kFieldVersions});
const QString kTaskUpdate = taskColumns().updateSql(UpdateBy::Sync, {kFieldVersions});
const QString kGoalInsert = goalColumns().insertSql({kFieldVersions});
const QString kGoalUpdate = goalColumns().updateSql(UpdateBy::Sync, {kFieldVersions});

SyncRow<Task> taskFromRow(const QSqlQuery& row) {
    SyncRow<Task> out;
    out.entity = taskColumns().read(row);
    out.ownerId = *out.entity.userId;
    const int extra = int(taskColumns().size());
    SqlValue::read(row.value(extra), out.fieldVersions);
    SqlValue::read(row.value(extra + 1), out.entity.parentGoalUuid);
    SqlValue::read(row.value(extra + 2), out.entity.dependencyUuids);
    return out;
}

SyncRow<Goal> goalFromRow(const QSqlQuery& row) {
    SyncRow<Goal> out;
    out.entity = goalColumns().read(row);
    out.ownerId = *out.entity.userId;
    const int extra = int(goalColumns().size());
    SqlValue::read(row.value(extra), out.fieldVersions);
    SqlValue::read(row.value(extra + 1), out.entity.parentGoalUuid);
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
    QVariantList values = taskColumns().insertValues(task);
    values << SqlValue::bind(fieldVersions);
    QSqlQuery row = PgSql::run(m_db, kTaskInsert, values);
    row.next();
    task.id = row.value(0).toLongLong();
}

void SyncRows::updateTask(const Task& task, const QJsonObject& fieldVersions) {
    QVariantList values = taskColumns().updateValues(task, UpdateBy::Sync);
    values << SqlValue::bind(fieldVersions) << *task.id << m_userId;
    PgSql::run(m_db, kTaskUpdate, values);
}

void SyncRows::insertGoal(Goal& goal, const QJsonObject& fieldVersions) {
    QVariantList values = goalColumns().insertValues(goal);
    values << SqlValue::bind(fieldVersions);
    QSqlQuery row = PgSql::run(m_db, kGoalInsert, values);
    row.next();
    goal.id = row.value(0).toLongLong();
}

void SyncRows::updateGoal(const Goal& goal, const QJsonObject& fieldVersions) {
    QVariantList values = goalColumns().updateValues(goal, UpdateBy::Sync);
    values << SqlValue::bind(fieldVersions) << *goal.id << m_userId;
    PgSql::run(m_db, kGoalUpdate, values);
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
