#include "BriefingRows.h"

#include "data/GoalColumns.h"
#include "data/TaskColumns.h"
#include "db/DbSession.h"
#include "db/PgSql.h"
#include "model/IsoDateTime.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace bizy::server {

namespace {

QJsonValue timeOrNull(const std::optional<QDateTime>& time) {
    return time ? QJsonValue(bizy::IsoDateTime::format(*time)) : QJsonValue(QJsonValue::Null);
}

template <typename T> QJsonValue valueOrNull(const std::optional<T>& value) {
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

// A count over a share of rows as the contract's fraction: 0 when nothing is planned.
double fraction(qint64 part, qint64 whole) {
    return whole == 0 ? 0.0 : double(part) / double(whole);
}

} // namespace

BriefingRows::BriefingRows(DbSession& db, qint64 userId, const QDateTime& now)
    : m_db(db)
    , m_userId(userId)
    , m_now(now.toUTC())
    , m_todayStart(QDateTime(m_now.date(), QTime(0, 0), Qt::UTC)) {}

QJsonObject BriefingRows::yesterdayRecap() {
    // Yesterday ends where today starts: "< today" is "<= 23:59:59.999999".
    const QVariant yesterday = PgSql::time(m_todayStart.addDays(-1));
    const QVariant today = PgSql::time(m_todayStart);
    QSqlQuery row = PgSql::run(
        m_db,
        u"SELECT count(*) FILTER (WHERE status = 'completed' AND completed_at >= ?::timestamptz "
        u"AND completed_at < ?::timestamptz), "
        u"count(*) FILTER (WHERE created_at < ?::timestamptz AND due_date >= ?::timestamptz) "
        u"FROM tasks WHERE user_id = ?"_s,
        {yesterday, today, today, yesterday, m_userId});
    row.next();
    const qint64 completed = row.value(0).toLongLong();
    const qint64 due = row.value(1).toLongLong();
    return {{u"tasks_completed"_s, completed},
            {u"tasks_due"_s, due},
            {u"completion_rate"_s, fraction(completed, due)}};
}

QJsonArray BriefingRows::tasksToday() {
    QSqlQuery rows = PgSql::run(
        m_db,
        u"SELECT "_s + taskColumns().selectList() +
            u" FROM tasks WHERE user_id = ? AND status IN ('pending', 'in_progress') AND "
            u"(due_date IS NULL OR (due_date >= ?::timestamptz AND due_date < ?::timestamptz)) "
            u"ORDER BY priority, id LIMIT 20"_s,
        {m_userId, PgSql::time(m_todayStart), PgSql::time(m_todayStart.addDays(1))});
    QJsonArray tasks;
    while (rows.next()) {
        const bizy::Task task = taskColumns().read(rows);
        tasks.append(QJsonObject{{u"id"_s, valueOrNull(task.id)},
                                 {u"title"_s, task.title},
                                 {u"priority"_s, task.priority},
                                 {u"status"_s, bizy::toString(task.status)},
                                 {u"category"_s, valueOrNull(task.category)},
                                 {u"estimated_hours"_s, valueOrNull(task.estimatedHours)},
                                 {u"due_date"_s, timeOrNull(task.dueDate)}});
    }
    return tasks;
}

QJsonArray BriefingRows::activeGoals() {
    // Horizon names sorted as text (monthly, quarterly, weekly, yearly), as the
    // existing backend does; "C" keeps that order under any collation.
    QSqlQuery rows = PgSql::run(m_db,
                                u"SELECT "_s + goalColumns().selectList() +
                                    u" FROM goals WHERE user_id = ? AND status = 'active' "
                                    u"ORDER BY horizon COLLATE \"C\", id LIMIT 10"_s,
                                {m_userId});
    QJsonArray goals;
    while (rows.next()) {
        const bizy::Goal goal = goalColumns().read(rows);
        goals.append(QJsonObject{{u"id"_s, valueOrNull(goal.id)},
                                 {u"title"_s, goal.title},
                                 {u"horizon"_s, bizy::toString(goal.horizon)},
                                 {u"progress_percentage"_s, goal.progressPercentage},
                                 {u"target_date"_s, timeOrNull(goal.targetDate)}});
    }
    return goals;
}

QJsonArray BriefingRows::overdueTasks() {
    QSqlQuery rows =
        PgSql::run(m_db,
                   u"SELECT "_s + taskColumns().selectList() +
                       u" FROM tasks WHERE user_id = ? AND status <> 'completed' "
                       u"AND due_date < ?::timestamptz ORDER BY due_date, id LIMIT 10"_s,
                   {m_userId, PgSql::time(m_now)});
    QJsonArray tasks;
    while (rows.next()) {
        const bizy::Task task = taskColumns().read(rows);
        tasks.append(
            QJsonObject{{u"id"_s, valueOrNull(task.id)},
                        {u"title"_s, task.title},
                        {u"priority"_s, task.priority},
                        {u"due_date"_s, timeOrNull(task.dueDate)},
                        {u"days_overdue"_s, task.dueDate->toUTC().date().daysTo(m_now.date())}});
    }
    return tasks;
}

QJsonObject BriefingRows::completionStats() {
    const QVariant today = PgSql::time(m_todayStart);
    const QVariant tomorrow = PgSql::time(m_todayStart.addDays(1));
    QSqlQuery row = PgSql::run(
        m_db,
        u"SELECT count(*) FILTER (WHERE status = 'completed' AND completed_at >= ?::timestamptz "
        u"AND completed_at < ?::timestamptz), "
        u"count(*) FILTER (WHERE (due_date >= ?::timestamptz AND due_date < ?::timestamptz) OR "
        u"(created_at >= ?::timestamptz AND created_at < ?::timestamptz)) "
        u"FROM tasks WHERE user_id = ?"_s,
        {today, tomorrow, today, tomorrow, today, tomorrow, m_userId});
    row.next();
    const qint64 completed = row.value(0).toLongLong();
    const qint64 planned = row.value(1).toLongLong();
    return {{u"completed"_s, completed},
            {u"planned"_s, planned},
            {u"completion_rate"_s, fraction(completed, planned)}};
}

QJsonArray BriefingRows::relevantTo(const QString& topic, const QJsonArray& items) {
    static const QRegularExpression whitespace(u"\\s+"_s);
    const QStringList words = topic.toLower().split(whitespace, Qt::SkipEmptyParts);
    QJsonArray relevant;
    for (const QJsonValue& item : items) {
        const QString title = item[u"title"_s].toString().toLower();
        for (const QString& word : words) {
            if (title.contains(word)) {
                relevant.append(item);
                break;
            }
        }
    }
    return relevant;
}

} // namespace bizy::server
