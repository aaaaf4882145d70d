#include "DashboardQuery.h"

#include "SqlValue.h"
#include "StoreDatabase.h"
#include "TaskQueries.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <QTimeZone>
#include <cmath>

using namespace Qt::StringLiterals;

namespace bizy {

DashboardQuery::DashboardQuery(StoreDatabase& db, TaskQueries& tasks)
    : m_db(db)
    , m_tasks(tasks) {}

Result<DashboardStats> DashboardQuery::read(const QDateTime& now) {
    DashboardStats stats;
    Result<TaskStats> tasks = m_tasks.stats(now);
    if (!tasks)
        return tasks.error();
    stats.tasks = std::move(*tasks);
    Result<QList<DashboardStats::Day>> perDay = completedPerDay(now);
    if (!perDay)
        return perDay.error();
    stats.completedPerDay = std::move(*perDay);
    Result<QList<DashboardStats::Horizon>> horizons = goalsByHorizon();
    if (!horizons)
        return horizons.error();
    stats.goalsByHorizon = std::move(*horizons);
    return stats;
}

Result<QList<DashboardStats::Day>> DashboardQuery::completedPerDay(const QDateTime& now) {
    // The start of each day and of tomorrow, in UTC text like completed_at, so
    // each day is one range of the tasks_by_completion index.
    const QTimeZone zone = now.timeZone();
    const QDate today = now.date();
    QList<DashboardStats::Day> perDay;
    QJsonArray starts;
    for (int i = kDays - 1; i >= -1; --i) {
        const QDate date = today.addDays(-i);
        starts.append(SqlValue::from(date.startOfDay(zone)).toString());
        if (i >= 0)
            perDay.append({date, 0});
    }
    bool ok = false;
    QSqlQuery& q = m_db.query(u"WITH bounds(day, start, finish) AS (SELECT key, value, "
                              u"lead(value) OVER (ORDER BY key) FROM json_each(?)) "
                              u"SELECT day, (SELECT count(*) FROM tasks WHERE status = 'completed' "
                              u"AND completed_at >= bounds.start AND completed_at < bounds.finish) "
                              u"FROM bounds WHERE finish IS NOT NULL"_s,
                              {SqlValue::jsonText(starts)}, &ok);
    if (!ok)
        return m_db.storageError(q, u"count the completed tasks"_s);
    while (q.next()) {
        const qsizetype day = q.value(0).toLongLong();
        if (day >= 0 && day < perDay.size())
            perDay[day].completed = q.value(1).toLongLong();
    }
    q.finish();
    return perDay;
}

Result<QList<DashboardStats::Horizon>> DashboardQuery::goalsByHorizon() {
    QList<DashboardStats::Horizon> horizons;
    for (GoalHorizon horizon :
         {GoalHorizon::Yearly, GoalHorizon::Quarterly, GoalHorizon::Monthly, GoalHorizon::Weekly})
        horizons.append({horizon});
    bool ok = false;
    QSqlQuery& q = m_db.query(u"SELECT horizon, count(*), coalesce(sum(status = 'active'), 0), "
                              u"avg(CASE WHEN status = 'active' THEN progress_percentage END) "
                              u"FROM goals GROUP BY horizon"_s,
                              {}, &ok);
    if (!ok)
        return m_db.storageError(q, u"count the goals"_s);
    while (q.next()) {
        const std::optional<GoalHorizon> horizon = goalHorizonFromString(q.value(0).toString());
        if (!horizon)
            continue;
        DashboardStats::Horizon& row = horizons[qsizetype(*horizon)];
        row.goals = q.value(1).toLongLong();
        row.active = q.value(2).toLongLong();
        row.averageProgress = std::round(q.value(3).toDouble() * 100) / 100;
    }
    q.finish();
    return horizons;
}

} // namespace bizy
