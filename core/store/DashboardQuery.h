#pragma once

#include "DashboardStats.h"
#include "model/Result.h"

#include <QDateTime>

namespace bizy {

class StoreDatabase;
class TaskQueries;

// The dashboard's numbers in SQL: the task summary (TaskQueries::stats), the
// completions per calendar day, each day's bounds worked out in the zone of
// `now` (so a day is 23 or 25 hours long across a daylight saving change) and
// counted over the completed tasks' completed_at index, and the goals grouped
// by horizon.
class DashboardQuery {
public:
    static constexpr int kDays = 30;

    DashboardQuery(StoreDatabase& db, TaskQueries& tasks);

    // The kDays calendar days end with the day of `now` in now's time zone.
    Result<DashboardStats> read(const QDateTime& now);

private:
    Result<QList<DashboardStats::Day>> completedPerDay(const QDateTime& now);
    Result<QList<DashboardStats::Horizon>> goalsByHorizon();

    StoreDatabase& m_db;
    TaskQueries& m_tasks;
};

} // namespace bizy
