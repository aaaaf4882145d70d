#pragma once

#include "ColumnTable.h"
#include "model/Result.h"
#include "model/Task.h"

#include <QList>
#include <QString>
#include <optional>

namespace bizy {

class StoreDatabase;

// The `tasks` table: its columns as data, and reading and writing whole rows
// (with the `task_tags` rows that mirror each task's tags for the tag filter).
class TaskTable {
public:
    static const ColumnTable<Task>& columns();

    explicit TaskTable(StoreDatabase& db);

    Result<std::optional<Task>> find(const QString& uuid);
    // Rows of `SELECT <columns> FROM tasks <tail>`.
    Result<QList<Task>> select(const QString& tail, const QVariantList& values);
    // Rows of a whole statement whose first columns are columns().selectList().
    Result<QList<Task>> query(const QString& sql, const QVariantList& values);

    // `pushed`: the server may know the row (rows written from server data).
    Status insert(const Task& task, bool pushed = false);
    // New rows in one statement (imports): each is bound into a staging
    // table first, so SQLite's full-text index takes them all at once. The
    // new rows are those after the row_id it returns.
    Result<qint64> insertMany(const QList<Task>& tasks);
    // A row once marked pushed stays so.
    Status update(const Task& task, bool tagsChanged, bool pushed = false);

private:
    Status insertTags(qint64 rowId, const std::optional<QStringList>& tags);

    StoreDatabase& m_db;
};

} // namespace bizy
