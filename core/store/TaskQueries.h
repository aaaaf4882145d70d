#pragma once

#include "TaskFilter.h"
#include "TaskStats.h"
#include "model/Result.h"
#include "model/Task.h"

#include <QDateTime>
#include <QList>
#include <QStringList>

namespace bizy {

class StoreDatabase;
class TaskTable;

// Task lists: a TaskFilter turned into one indexed query in the contract's
// order (priority asc, due_date asc nulls last, created_at desc), full-text
// search over title, description and notes, counts and the summary stats.
class TaskQueries {
public:
    // How a full-text search meets the rest of the query.
    enum class SearchPlan { Join, WalkInOrder };

    TaskQueries(StoreDatabase& db, TaskTable& tasks);

    Result<QList<Task>> list(const TaskFilter& filter);
    Result<qsizetype> count(const TaskFilter& filter);
    Result<TaskStats> stats(const QDateTime& now);
    // The categories and the tags in use, each once, in alphabetical order
    // (ASCII case folded, as the filters compare): what a filter can pick.
    Result<QStringList> categories();
    Result<QStringList> tags();
    // SQLite's EXPLAIN QUERY PLAN lines for list(filter), for tuning.
    Result<QStringList> plan(const TaskFilter& filter);

private:
    // `inListOrder`: for rows in the filter's order, not a count.
    Result<SearchPlan> searchPlan(const TaskFilter& filter, bool inListOrder);
    Result<QStringList> distinct(const QString& sql);

    StoreDatabase& m_db;
    TaskTable& m_tasks;
};

} // namespace bizy
