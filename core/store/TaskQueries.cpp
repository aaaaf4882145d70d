#include "TaskQueries.h"

#include "FtsQuery.h"
#include "SqlValue.h"
#include "StoreDatabase.h"
#include "TaskTable.h"
#include "model/IsoDateTime.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QTimeZone>

using namespace Qt::StringLiterals;

namespace bizy {

namespace {

struct TaskQuery {
    QString from = u" FROM tasks"_s;
    QString where;
    QVariantList values;
    // The search is the filter's only condition: its MATCH expression.
    QString searchOnly;
};

// A list whose search matches at least this many tasks walks an index in the
// list's order and keeps the matches (it stops after the page); fewer are
// joined and sorted. A count walks the whole index, so it does so only for
// many more.
constexpr int kManyMatchesForList = 2000;
constexpr int kManyMatchesForCount = 20000;

TaskQuery taskQuery(const TaskFilter& filter, TaskQueries::SearchPlan plan) {
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
        if (!match.isEmpty() && plan == TaskQueries::SearchPlan::WalkInOrder) {
            // "+": the matches are a set to look rows up in, not an index to
            // start from, so SQLite walks an index in the list's order.
            conditions << u"+tasks.row_id IN (SELECT rowid FROM tasks_fts WHERE tasks_fts "
                          u"MATCH ?)"_s;
            values << match;
        } else if (!match.isEmpty()) {
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
            values << SqlValue::from(startOfToday) << SqlValue::from(startOfTomorrow);
            break;
        case TaskFilter::Due::Upcoming:
            conditions << u"due_date >= ? AND due_date < ? AND status <> 'completed'"_s;
            values << SqlValue::from(startOfTomorrow) << SqlValue::from(startOfTomorrow.addDays(7));
            break;
        case TaskFilter::Due::Overdue:
            // Bounded on both sides (every date sorts after "0") so the planner
            // takes the due-date index instead of scanning in list order.
            conditions << u"due_date >= '0' AND due_date < ? AND status <> 'completed'"_s;
            values << SqlValue::from(now);
            break;
        case TaskFilter::Due::Any:
            break;
        }
    }
    TaskQuery query;
    if (searchJoin && conditions.size() == 1)
        query.searchOnly = values.constLast().toString();
    if (searchJoin)
        query.from = u" FROM tasks_fts JOIN tasks ON tasks.row_id = tasks_fts.rowid"_s;
    query.values = values;
    if (!conditions.isEmpty())
        query.where = u" WHERE "_s + conditions.join(u" AND "_s);
    return query;
}

QString listSql(const TaskFilter& filter, TaskQueries::SearchPlan plan, QVariantList* values) {
    const TaskQuery query = taskQuery(filter, plan);
    *values = query.values;
    // The columns named through the table: the search joins another.
    static const QString columns = TaskTable::columns().selectList(u"tasks");
    QString sql =
        u"SELECT "_s + columns + query.from + query.where + u" ORDER BY "_s + filter.orderBySql();
    if (filter.limit >= 0 || filter.offset > 0) {
        sql += u" LIMIT ? OFFSET ?"_s;
        *values << filter.limit << std::max(0, filter.offset);
    }
    return sql;
}

} // namespace

TaskQueries::TaskQueries(StoreDatabase& db, TaskTable& tasks)
    : m_db(db)
    , m_tasks(tasks) {}

Result<TaskQueries::SearchPlan> TaskQueries::searchPlan(const TaskFilter& filter,
                                                        bool inListOrder) {
    const int many = inListOrder ? kManyMatchesForList : kManyMatchesForCount;
    const QString match = filter.search ? FtsQuery::fromUserText(*filter.search) : QString();
    // Only the list's own order has an index to walk (a count has no order).
    const bool walkable = !inListOrder || filter.sort == TaskFilter::Sort::ListOrder ||
                          (filter.sort == TaskFilter::Sort::ByPriority && !filter.descending);
    if (match.isEmpty() || !walkable)
        return SearchPlan::Join;
    // Joining every match costs a row lookup each and a sort: 30 ms for a
    // prefix matching half of 100,000 tasks. Walking an index in the list's
    // order and keeping the matches stops after the page, but walks all of
    // it when hardly anything matches. A look at the first matches decides.
    const Result<QVariant> found = m_db.scalar(
        u"SELECT count(*) FROM (SELECT 1 FROM tasks_fts WHERE tasks_fts MATCH ? LIMIT ?)"_s,
        {match, many}, u"search the tasks"_s);
    if (!found)
        return found.error();
    return found->toInt() >= many ? SearchPlan::WalkInOrder : SearchPlan::Join;
}

Result<QList<Task>> TaskQueries::list(const TaskFilter& filter) {
    const Result<SearchPlan> plan = searchPlan(filter, true);
    if (!plan)
        return plan.error();
    QVariantList values;
    const QString sql = listSql(filter, *plan, &values);
    return m_tasks.query(sql, values);
}

Result<qsizetype> TaskQueries::count(const TaskFilter& filter) {
    TaskQuery query = taskQuery(filter, SearchPlan::Join);
    Result<QVariant> count = QVariant();
    if (!query.searchOnly.isEmpty()) {
        // The full-text index has a row for every task: no task row is needed.
        count = m_db.scalar(u"SELECT count(*) FROM tasks_fts WHERE tasks_fts MATCH ?"_s,
                            {query.searchOnly}, u"count tasks"_s);
    } else {
        const Result<SearchPlan> plan = searchPlan(filter, false);
        if (!plan)
            return plan.error();
        if (*plan != SearchPlan::Join)
            query = taskQuery(filter, *plan);
        count = m_db.scalar(u"SELECT count(*)"_s + query.from + query.where, query.values,
                            u"count tasks"_s);
    }
    if (!count)
        return count.error();
    return qsizetype(count->toLongLong());
}

Result<QStringList> TaskQueries::plan(const TaskFilter& filter) {
    const Result<SearchPlan> searching = searchPlan(filter, true);
    if (!searching)
        return searching.error();
    QVariantList values;
    const QString sql = listSql(filter, *searching, &values);
    QSqlQuery q(m_db.connection());
    if (!q.prepare(u"EXPLAIN QUERY PLAN "_s + sql) || !StoreDatabase::run(q, values))
        return m_db.storageError(q, u"explain a task query"_s);
    QStringList plan;
    while (q.next())
        plan << q.value(3).toString();
    return plan;
}

Result<TaskStats> TaskQueries::stats(const QDateTime& now) {
    TaskStats stats;
    // Status and priority in one pass over tasks_by_status, category over tasks_by_category:
    // both covering, so no row is read.
    bool ok = false;
    QSqlQuery& byStatus = m_db.query(
        u"SELECT status, priority, count(*) FROM tasks GROUP BY status, priority"_s, {}, &ok);
    if (!ok)
        return m_db.storageError(byStatus, u"count the tasks"_s);
    while (byStatus.next()) {
        const qint64 count = byStatus.value(2).toLongLong();
        stats.byStatus[byStatus.value(0).toString()] += count;
        stats.byPriority[byStatus.value(1).toString()] += count;
    }
    byStatus.finish();
    QSqlQuery& byCategory =
        m_db.query(u"SELECT category, count(*) FROM tasks GROUP BY category"_s, {}, &ok);
    if (!ok)
        return m_db.storageError(byCategory, u"count the tasks"_s);
    while (byCategory.next()) {
        const QString key =
            byCategory.value(0).isNull() ? u"uncategorized"_s : byCategory.value(0).toString();
        stats.byCategory[key] += byCategory.value(1).toLongLong();
    }
    byCategory.finish();
    for (qint64 count : std::as_const(stats.byStatus))
        stats.total += count;
    const Result<QVariant> overdue = m_db.scalar(u"SELECT count(*) FROM tasks WHERE due_date < ? "
                                                 u"AND status <> 'completed'"_s,
                                                 {SqlValue::from(now)}, u"count the tasks"_s);
    if (!overdue)
        return overdue.error();
    stats.overdue = overdue->toLongLong();
    return stats;
}

Result<QStringList> TaskQueries::categories() {
    // tasks_by_category holds every category in order: no row is read.
    return distinct(u"SELECT DISTINCT category FROM tasks WHERE category IS NOT NULL "
                    u"AND category <> '' ORDER BY category COLLATE NOCASE"_s);
}

Result<QStringList> TaskQueries::tags() {
    // task_tags is keyed by tag first: a walk of its primary key.
    return distinct(u"SELECT DISTINCT tag FROM task_tags WHERE tag <> '' "
                    u"ORDER BY tag COLLATE NOCASE"_s);
}

Result<QStringList> TaskQueries::distinct(const QString& sql) {
    bool ok = false;
    QSqlQuery& q = m_db.query(sql, {}, &ok);
    if (!ok)
        return m_db.storageError(q, u"read the tasks' categories and tags"_s);
    QStringList values;
    while (q.next())
        values << q.value(0).toString();
    q.finish();
    return values;
}

} // namespace bizy
