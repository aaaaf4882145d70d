#include "DashboardStats.h"

#include <cmath>

using namespace Qt::StringLiterals;

namespace bizy {

qint64 DashboardStats::completedTasks() const {
    return tasks.byStatus.value(u"completed"_s);
}

qint64 DashboardStats::openTasks() const {
    return tasks.total - completedTasks();
}

double DashboardStats::completionRate() const {
    if (tasks.total == 0)
        return 0;
    return std::round(double(completedTasks()) * 100 * 100 / double(tasks.total)) / 100;
}

qint64 DashboardStats::completedInPeriod() const {
    qint64 sum = 0;
    for (const Day& day : completedPerDay)
        sum += day.completed;
    return sum;
}

qint64 DashboardStats::goalCount() const {
    qint64 sum = 0;
    for (const Horizon& horizon : goalsByHorizon)
        sum += horizon.goals;
    return sum;
}

} // namespace bizy
