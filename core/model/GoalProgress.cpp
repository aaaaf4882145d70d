#include "GoalProgress.h"

#include <cmath>
#include <numeric>

namespace bizy::GoalProgress {

double compute(qsizetype taskCount, qsizetype completedTaskCount,
               const QList<double>& subgoalProgress) {
    const bool hasTasks = taskCount > 0;
    const bool hasSubgoals = !subgoalProgress.isEmpty();
    const double taskRate = hasTasks ? 100.0 * double(completedTaskCount) / double(taskCount) : 0;
    const double subgoalMean =
        hasSubgoals ? std::accumulate(subgoalProgress.begin(), subgoalProgress.end(), 0.0) /
                          double(subgoalProgress.size())
                    : 0;
    double progress = 0;
    if (hasTasks && hasSubgoals)
        progress = (taskRate + subgoalMean) / 2;
    else if (hasTasks)
        progress = taskRate;
    else if (hasSubgoals)
        progress = subgoalMean;
    return std::round(progress * 100) / 100;
}

} // namespace bizy::GoalProgress
