#include "TaskTable.h"

#include "SqlValue.h"
#include "StoreDatabase.h"

using namespace Qt::StringLiterals;

namespace bizy {

const ColumnTable<Task>& TaskTable::columns() {
    using T = Task;
    using V = QVariant;
    static const ColumnTable<Task> table(
        u"tasks"_s,
        {
            {u"uuid"_s, u"uuid"_s, ColumnType::Text, [](const T& t) -> V { return t.uuid; },
             [](T& t, const V& v) { t.uuid = v.toString(); }},
            {u"id"_s, u"server_id"_s, ColumnType::Integer,
             [](const T& t) { return SqlValue::from(t.id); },
             [](T& t, const V& v) { t.id = SqlValue::toInteger(v); }},
            {u"user_id"_s, u"user_id"_s, ColumnType::Integer,
             [](const T& t) { return SqlValue::from(t.userId); },
             [](T& t, const V& v) { t.userId = SqlValue::toInteger(v); }},
            {u"version"_s, u"version"_s, ColumnType::Integer,
             [](const T& t) -> V { return t.version; },
             [](T& t, const V& v) { t.version = v.toLongLong(); }},
            {u"title"_s, u"title"_s, ColumnType::Text, [](const T& t) -> V { return t.title; },
             [](T& t, const V& v) { t.title = v.toString(); }},
            {u"description"_s, u"description"_s, ColumnType::Text,
             [](const T& t) { return SqlValue::from(t.description); },
             [](T& t, const V& v) { t.description = SqlValue::toString(v); }},
            {u"priority"_s, u"priority"_s, ColumnType::Integer,
             [](const T& t) -> V { return t.priority; },
             [](T& t, const V& v) { t.priority = v.toInt(); }, u"3"_s},
            {u"status"_s, u"status"_s, ColumnType::Text,
             [](const T& t) -> V { return toString(t.status); },
             [](T& t, const V& v) {
                 t.status = taskStatusFromString(v.toString()).value_or(TaskStatus::Pending);
             },
             u"'pending'"_s},
            {u"category"_s, u"category"_s, ColumnType::Text,
             [](const T& t) { return SqlValue::from(t.category); },
             [](T& t, const V& v) { t.category = SqlValue::toString(v); }},
            {u"estimated_hours"_s, u"estimated_hours"_s, ColumnType::Real,
             [](const T& t) { return SqlValue::from(t.estimatedHours); },
             [](T& t, const V& v) { t.estimatedHours = SqlValue::toDouble(v); }},
            {u"actual_hours"_s, u"actual_hours"_s, ColumnType::Real,
             [](const T& t) { return SqlValue::from(t.actualHours); },
             [](T& t, const V& v) { t.actualHours = SqlValue::toDouble(v); }},
            {u"due_date"_s, u"due_date"_s, ColumnType::Text,
             [](const T& t) { return SqlValue::from(t.dueDate); },
             [](T& t, const V& v) { t.dueDate = SqlValue::toTime(v); }},
            {u"parent_goal_uuid"_s, u"parent_goal_uuid"_s, ColumnType::Text,
             [](const T& t) { return SqlValue::from(t.parentGoalUuid); },
             [](T& t, const V& v) { t.parentGoalUuid = SqlValue::toString(v); }},
            {u"parent_goal_id"_s, u"parent_goal_id"_s, ColumnType::Integer,
             [](const T& t) { return SqlValue::from(t.parentGoalId); },
             [](T& t, const V& v) { t.parentGoalId = SqlValue::toInteger(v); }},
            {u"dependencies"_s, u"dependencies"_s, ColumnType::JsonArray,
             [](const T& t) { return SqlValue::from(t.dependencies); },
             [](T& t, const V& v) { t.dependencies = SqlValue::toIntegerList(v); }},
            {u"dependency_uuids"_s, u"dependency_uuids"_s, ColumnType::JsonArray,
             [](const T& t) { return SqlValue::from(t.dependencyUuids); },
             [](T& t, const V& v) { t.dependencyUuids = SqlValue::toStringList(v); }},
            {u"notes"_s, u"notes"_s, ColumnType::Text,
             [](const T& t) { return SqlValue::from(t.notes); },
             [](T& t, const V& v) { t.notes = SqlValue::toString(v); }},
            {u"tags"_s, u"tags"_s, ColumnType::JsonArray,
             [](const T& t) { return SqlValue::from(t.tags); },
             [](T& t, const V& v) { t.tags = SqlValue::toStringList(v); }},
            {u"created_at"_s, u"created_at"_s, ColumnType::Text,
             [](const T& t) { return SqlValue::from(t.createdAt); },
             [](T& t, const V& v) { t.createdAt = SqlValue::toRequiredTime(v); }, u"''"_s},
            {u"updated_at"_s, u"updated_at"_s, ColumnType::Text,
             [](const T& t) { return SqlValue::from(t.updatedAt); },
             [](T& t, const V& v) { t.updatedAt = SqlValue::toRequiredTime(v); }, u"''"_s},
            {u"completed_at"_s, u"completed_at"_s, ColumnType::Text,
             [](const T& t) { return SqlValue::from(t.completedAt); },
             [](T& t, const V& v) { t.completedAt = SqlValue::toTime(v); }},
        });
    return table;
}

TaskTable::TaskTable(StoreDatabase& db)
    : m_db(db) {}

Result<std::optional<Task>> TaskTable::find(const QString& uuid) {
    Result<QList<Task>> rows = select(u"WHERE uuid = ?"_s, {uuid});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<Task>();
    return std::optional<Task>(rows->first());
}

Result<QList<Task>> TaskTable::select(const QString& tail, const QVariantList& values) {
    return query(u"SELECT "_s + columns().selectList() + u" FROM tasks "_s + tail, values);
}

Result<QList<Task>> TaskTable::query(const QString& sql, const QVariantList& values) {
    bool ok = false;
    QSqlQuery& q = m_db.query(sql, values, &ok);
    if (!ok)
        return m_db.storageError(q, u"read tasks"_s);
    QList<Task> tasks;
    while (q.next())
        tasks << columns().read(q);
    q.finish();
    return tasks;
}

Status TaskTable::insert(const Task& task, bool pushed) {
    QSqlQuery& q = m_db.prepared(columns().insertStatement());
    if (!StoreDatabase::run(q, columns().insertValues(task, pushed)))
        return m_db.storageError(q, u"save the task"_s);
    const qint64 rowId = q.lastInsertId().toLongLong();
    q.finish();
    return insertTags(rowId, task.tags);
}

Result<qint64> TaskTable::insertMany(const QList<Task>& tasks) {
    // One row per statement into `tasks` itself would flush the full-text
    // index's pending terms at every statement's end (FTS5 syncs on each
    // savepoint) and cost ten times more; reading the rows out of one JSON
    // text costs SQLite a parse per column. A TEMP table has no index,
    // trigger or journal on disk, and binding into it is cheap.
    if (Status s =
            m_db.exec(u"CREATE TEMP TABLE IF NOT EXISTS staged_tasks AS "
                      u"SELECT %1, pushed FROM main.tasks WHERE 0"_s.arg(columns().selectList()),
                      {}, u"save the tasks"_s);
        !s)
        return s.error();
    SqliteStatement& stage =
        m_db.direct(u"INSERT INTO temp.staged_tasks (%1, pushed) VALUES (%2?)"_s.arg(
            columns().selectList(), u"?, "_s.repeated(int(columns().columns().size()))));
    for (const Task& task : tasks) {
        const QVariantList values = columns().insertValues(task, false);
        for (qsizetype i = 0; i < values.size(); ++i)
            stage.bind(int(i) + 1, values.at(i));
        if (!stage.run())
            return m_db.storageError(stage, u"save the tasks"_s);
    }
    const Result<QVariant> lastRowBefore =
        m_db.scalar(u"SELECT coalesce(max(row_id), 0) FROM main.tasks"_s, {}, u"save the tasks"_s);
    if (!lastRowBefore)
        return lastRowBefore.error();
    if (Status s = m_db.exec(u"INSERT INTO main.tasks (%1, pushed) SELECT %1, pushed "
                             u"FROM temp.staged_tasks ORDER BY rowid"_s.arg(columns().selectList()),
                             {}, u"save the tasks"_s);
        !s)
        return s.error();
    if (Status s = m_db.exec(u"DELETE FROM temp.staged_tasks"_s, {}, u"save the tasks"_s); !s)
        return s.error();
    if (Status s = m_db.exec(u"INSERT OR IGNORE INTO task_tags (tag, task_id) "
                             u"SELECT j.value, t.row_id FROM main.tasks t, json_each(t.tags) j "
                             u"WHERE t.row_id > ? AND t.tags IS NOT NULL"_s,
                             {*lastRowBefore}, u"save the tasks' tags"_s);
        !s)
        return s.error();
    return lastRowBefore->toLongLong();
}

Status TaskTable::update(const Task& task, bool tagsChanged, bool pushed) {
    if (Status s = m_db.exec(columns().updateStatement(), columns().updateValues(task, pushed),
                             u"save the task"_s);
        !s)
        return s;
    if (!tagsChanged)
        return Done{};
    const Result<QVariant> rowId = m_db.scalar(u"SELECT row_id FROM tasks WHERE uuid = ?"_s,
                                               {task.uuid}, u"save the task's tags"_s);
    if (!rowId)
        return rowId.error();
    if (Status s = m_db.exec(u"DELETE FROM task_tags WHERE task_id = ?"_s, {*rowId},
                             u"save the task's tags"_s);
        !s)
        return s;
    return insertTags(rowId->toLongLong(), task.tags);
}

Status TaskTable::insertTags(qint64 rowId, const std::optional<QStringList>& tags) {
    if (!tags || tags->isEmpty())
        return Done{};
    // One statement for all of them: imports add many tagged tasks.
    return m_db.exec(u"INSERT OR IGNORE INTO task_tags (tag, task_id) "
                     u"SELECT value, ? FROM json_each(?)"_s,
                     {rowId, SqlValue::from(tags)}, u"save the task's tags"_s);
}

} // namespace bizy
