#include "TaskAnalytics.h"

#include "analytics/PythonRounding.h"
#include "db/DbSession.h"
#include "db/PgSql.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace bizy::server {

namespace {

// The window's completions in one pass: per category, per priority, and all
// of them (the () set always answers one row, zeros included).
const QString kCompleted =
    u"SELECT GROUPING(category), GROUPING(priority), category, priority, count(*), "
    u"coalesce(sum(estimated_hours), 0), coalesce(sum(actual_hours), 0) "
    u"FROM (SELECT coalesce(t.category, 'uncategorized') AS category, t.priority, "
    u"t.estimated_hours, t.actual_hours FROM tasks t WHERE t.user_id = ? AND "_s +
    AnalyticsWindow::completedSql(u"t"_s) +
    u") done GROUP BY GROUPING SETS ((category), (priority), ())"_s;

// The whole account: tasks created in the window, overdue tasks, and a count
// per status (the table's CHECK allows only these four), read from the counts
// the tasks table's triggers keep (migration 0008) instead of counting the
// account's index entries on every request.
const QStringList kStatuses{u"pending"_s, u"in_progress"_s, u"completed"_s, u"blocked"_s};
const QString kAccount = u"SELECT (SELECT count(*) FROM tasks WHERE user_id = ? "
                         u"AND created_at BETWEEN ?::timestamptz AND ?::timestamptz), "
                         u"(SELECT count(*) FROM tasks WHERE user_id = ? AND status <> 'completed' "
                         u"AND due_date < ?::timestamptz), "
                         u"coalesce(sum(task_count) FILTER (WHERE status = 'pending'), 0), "
                         u"coalesce(sum(task_count) FILTER (WHERE status = 'in_progress'), 0), "
                         u"coalesce(sum(task_count) FILTER (WHERE status = 'completed'), 0), "
                         u"coalesce(sum(task_count) FILTER (WHERE status = 'blocked'), 0) "
                         u"FROM task_status_counts WHERE user_id = ?"_s;

} // namespace

TaskAnalytics::TaskAnalytics(DbSession& db, qint64 userId)
    : m_db(db)
    , m_userId(userId) {}

QJsonObject TaskAnalytics::report(const AnalyticsWindow& window) {
    QJsonObject byCategory;
    QJsonObject byPriority;
    qint64 completed = 0;
    double estimatedHours = 0;
    double actualHours = 0;
    QSqlQuery groups =
        PgSql::run(m_db, kCompleted, QVariantList{m_userId} + window.completedValues());
    while (groups.next()) {
        const bool perCategory = groups.value(0).toInt() == 0;
        const bool perPriority = groups.value(1).toInt() == 0;
        const qint64 count = groups.value(4).toLongLong();
        if (perCategory) {
            byCategory.insert(groups.value(2).toString(), count);
        } else if (perPriority) {
            byPriority.insert(groups.value(3).toString(), count);
        } else {
            completed = count;
            estimatedHours = groups.value(5).toDouble();
            actualHours = groups.value(6).toDouble();
        }
    }

    const QVariant now = PgSql::time(window.now());
    QSqlQuery account = PgSql::run(
        m_db, kAccount, {m_userId, PgSql::time(window.start()), now, m_userId, now, m_userId});
    account.next();
    const qint64 created = account.value(0).toLongLong();
    const qint64 overdue = account.value(1).toLongLong();
    const int firstStatus = 2;
    QJsonObject byStatus;
    for (int i = 0; i < kStatuses.size(); ++i) {
        if (const qint64 count = account.value(firstStatus + i).toLongLong(); count > 0)
            byStatus.insert(kStatuses[i], count);
    }
    const double rate = created > 0 ? double(completed) / double(created) * 100 : 0.0;

    return QJsonObject{
        {u"period_days"_s, window.days()},
        {u"tasks_completed"_s, completed},
        {u"tasks_created"_s, created},
        {u"tasks_pending"_s, account.value(firstStatus).toLongLong()},
        {u"tasks_in_progress"_s, account.value(firstStatus + 1).toLongLong()},
        {u"tasks_blocked"_s, account.value(firstStatus + 3).toLongLong()},
        {u"completion_rate"_s, PythonRounding::round(rate, 2)},
        {u"total_estimated_hours"_s, PythonRounding::round(estimatedHours, 2)},
        {u"total_actual_hours"_s, PythonRounding::round(actualHours, 2)},
        {u"by_category"_s, byCategory},
        {u"by_priority"_s, byPriority},
        {u"by_status"_s, byStatus},
        {u"overdue_count"_s, overdue},
    };
}

} // namespace bizy::server
