#pragma once

#include <QList>

namespace bizy::GoalProgress {

// The contract's progress rule (docs/api.md section 4): the completion rate of the
// goal's direct tasks and the mean progress of its direct sub-goals, weighted
// 50/50 when both exist, else whichever exists, else 0; in percent, rounded to
// two places.
double compute(qsizetype taskCount, qsizetype completedTaskCount,
               const QList<double>& subgoalProgress);

} // namespace bizy::GoalProgress
