#pragma once

#include "ColumnTable.h"
#include "model/Goal.h"
#include "model/Result.h"

#include <QList>
#include <QString>
#include <optional>

namespace bizy {

class StoreDatabase;

// The `goals` table: its columns as data, and reading and writing whole rows.
class GoalTable {
public:
    static const ColumnTable<Goal>& columns();

    explicit GoalTable(StoreDatabase& db);

    Result<std::optional<Goal>> find(const QString& uuid);
    Result<bool> exists(const QString& uuid);
    // Rows of `SELECT <columns> FROM goals <tail>`.
    Result<QList<Goal>> select(const QString& tail, const QVariantList& values);
    // Rows of a whole statement whose first columns are columns().selectList().
    Result<QList<Goal>> query(const QString& sql, const QVariantList& values);

    // `pushed`: the server may know the row (rows written from server data).
    Status insert(const Goal& goal, bool pushed = false);
    // A row once marked pushed stays so.
    Status update(const Goal& goal, bool pushed = false);

private:
    StoreDatabase& m_db;
};

} // namespace bizy
