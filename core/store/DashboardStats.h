#pragma once

#include "TaskStats.h"
#include "model/Goal.h"

#include <QDate>
#include <QList>

namespace bizy {

// What the dashboard shows, read from the local store in one job
// (LocalStore::dashboardStats): the task summary of the stats endpoint, how
// many tasks were completed on each of the last days in the user's time zone,
// and the goals of each horizon with their average progress.
struct DashboardStats {
    struct Day {
        QDate date; // a calendar day in the time zone of the `now` asked with
        qint64 completed = 0;
        bool operator==(const Day&) const = default;
    };
    struct Horizon {
        GoalHorizon horizon = GoalHorizon::Yearly;
        qint64 goals = 0; // every goal of the horizon, whatever its status
        qint64 active = 0;
        double averageProgress = 0; // of the active goals, to 2 places; 0 without any
        bool operator==(const Horizon&) const = default;
    };

    TaskStats tasks;               // by status, priority, category; overdue
    QList<Day> completedPerDay;    // oldest first, the last one is today
    QList<Horizon> goalsByHorizon; // yearly, quarterly, monthly, weekly: always all four

    qint64 completedTasks() const;
    qint64 openTasks() const;
    // Completed tasks out of all tasks, in percent to 2 places; 0 without tasks.
    double completionRate() const;
    // The sum of completedPerDay.
    qint64 completedInPeriod() const;
    qint64 goalCount() const;
    // A new user's store: no task and no goal.
    bool isEmpty() const { return tasks.total == 0 && goalCount() == 0; }

    bool operator==(const DashboardStats&) const = default;
};

} // namespace bizy
