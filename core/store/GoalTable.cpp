#include "GoalTable.h"

#include "SqlValue.h"
#include "StoreDatabase.h"

using namespace Qt::StringLiterals;

namespace bizy {

const ColumnTable<Goal>& GoalTable::columns() {
    using G = Goal;
    using V = QVariant;
    static const ColumnTable<Goal> table(
        u"goals"_s,
        {
            {u"uuid"_s, u"uuid"_s, ColumnType::Text, [](const G& g) -> V { return g.uuid; },
             [](G& g, const V& v) { g.uuid = v.toString(); }},
            {u"id"_s, u"server_id"_s, ColumnType::Integer,
             [](const G& g) { return SqlValue::from(g.id); },
             [](G& g, const V& v) { g.id = SqlValue::toInteger(v); }},
            {u"user_id"_s, u"user_id"_s, ColumnType::Integer,
             [](const G& g) { return SqlValue::from(g.userId); },
             [](G& g, const V& v) { g.userId = SqlValue::toInteger(v); }},
            {u"version"_s, u"version"_s, ColumnType::Integer,
             [](const G& g) -> V { return g.version; },
             [](G& g, const V& v) { g.version = v.toLongLong(); }},
            {u"parent_goal_uuid"_s, u"parent_goal_uuid"_s, ColumnType::Text,
             [](const G& g) { return SqlValue::from(g.parentGoalUuid); },
             [](G& g, const V& v) { g.parentGoalUuid = SqlValue::toString(v); }},
            {u"parent_goal_id"_s, u"parent_goal_id"_s, ColumnType::Integer,
             [](const G& g) { return SqlValue::from(g.parentGoalId); },
             [](G& g, const V& v) { g.parentGoalId = SqlValue::toInteger(v); }},
            {u"title"_s, u"title"_s, ColumnType::Text, [](const G& g) -> V { return g.title; },
             [](G& g, const V& v) { g.title = v.toString(); }},
            {u"description"_s, u"description"_s, ColumnType::Text,
             [](const G& g) { return SqlValue::from(g.description); },
             [](G& g, const V& v) { g.description = SqlValue::toString(v); }},
            {u"horizon"_s, u"horizon"_s, ColumnType::Text,
             [](const G& g) -> V { return toString(g.horizon); },
             [](G& g, const V& v) {
                 g.horizon = goalHorizonFromString(v.toString()).value_or(GoalHorizon::Yearly);
             },
             u"'yearly'"_s},
            {u"target_date"_s, u"target_date"_s, ColumnType::Text,
             [](const G& g) { return SqlValue::from(g.targetDate); },
             [](G& g, const V& v) { g.targetDate = SqlValue::toTime(v); }},
            {u"status"_s, u"status"_s, ColumnType::Text,
             [](const G& g) -> V { return toString(g.status); },
             [](G& g, const V& v) {
                 g.status = goalStatusFromString(v.toString()).value_or(GoalStatus::Active);
             },
             u"'active'"_s},
            {u"progress_percentage"_s, u"progress_percentage"_s, ColumnType::Real,
             [](const G& g) -> V { return g.progressPercentage; },
             [](G& g, const V& v) { g.progressPercentage = v.toDouble(); }, u"0"_s},
            {u"success_criteria"_s, u"success_criteria"_s, ColumnType::Text,
             [](const G& g) { return SqlValue::from(g.successCriteria); },
             [](G& g, const V& v) { g.successCriteria = SqlValue::toString(v); }},
            {u"metrics"_s, u"metrics"_s, ColumnType::JsonObject,
             [](const G& g) { return SqlValue::from(g.metrics); },
             [](G& g, const V& v) { g.metrics = SqlValue::toObject(v); }},
            {u"created_at"_s, u"created_at"_s, ColumnType::Text,
             [](const G& g) { return SqlValue::from(g.createdAt); },
             [](G& g, const V& v) { g.createdAt = SqlValue::toRequiredTime(v); }, u"''"_s},
            {u"updated_at"_s, u"updated_at"_s, ColumnType::Text,
             [](const G& g) { return SqlValue::from(g.updatedAt); },
             [](G& g, const V& v) { g.updatedAt = SqlValue::toRequiredTime(v); }, u"''"_s},
            {u"completed_at"_s, u"completed_at"_s, ColumnType::Text,
             [](const G& g) { return SqlValue::from(g.completedAt); },
             [](G& g, const V& v) { g.completedAt = SqlValue::toTime(v); }},
        });
    return table;
}

GoalTable::GoalTable(StoreDatabase& db)
    : m_db(db) {}

Result<std::optional<Goal>> GoalTable::find(const QString& uuid) {
    Result<QList<Goal>> rows = select(u"WHERE uuid = ?"_s, {uuid});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return std::optional<Goal>();
    return std::optional<Goal>(rows->first());
}

Result<bool> GoalTable::exists(const QString& uuid) {
    const Result<QVariant> found =
        m_db.scalar(u"SELECT 1 FROM goals WHERE uuid = ?"_s, {uuid}, u"read the goals"_s);
    if (!found)
        return found.error();
    return !found->isNull();
}

Result<QList<Goal>> GoalTable::select(const QString& tail, const QVariantList& values) {
    return query(u"SELECT "_s + columns().selectList() + u" FROM goals "_s + tail, values);
}

Result<QList<Goal>> GoalTable::query(const QString& sql, const QVariantList& values) {
    bool ok = false;
    QSqlQuery& q = m_db.query(sql, values, &ok);
    if (!ok)
        return m_db.storageError(q, u"read goals"_s);
    QList<Goal> goals;
    while (q.next())
        goals << columns().read(q);
    q.finish();
    return goals;
}

Status GoalTable::insert(const Goal& goal, bool pushed) {
    return m_db.exec(columns().insertStatement(), columns().insertValues(goal, pushed),
                     u"save the goal"_s);
}

Status GoalTable::update(const Goal& goal, bool pushed) {
    return m_db.exec(columns().updateStatement(), columns().updateValues(goal, pushed),
                     u"save the goal"_s);
}

} // namespace bizy
