#pragma once

#include "model/Task.h"

#include <QString>
#include <optional>

namespace bizy {

// What a task list shows. Every criterion is optional and they combine with AND.
struct TaskFilter {
    // Today: due on the calendar day of `now` (in now's time zone), any status.
    // Upcoming: due in the 7 days after today, not completed.
    // Overdue: due before `now`, not completed (as in the stats' `overdue`).
    enum class Due { Any, Today, Upcoming, Overdue };

    std::optional<TaskStatus> status;
    std::optional<int> priority;
    std::optional<QString> category;
    std::optional<QString> tag;
    std::optional<QString> goalUuid; // an empty string: tasks without a goal
    // Full-text search over title, description and notes (prefix match per word,
    // every word must match; text without any word is no filter).
    std::optional<QString> search;
    Due due = Due::Any;
    // "Now" for the due filters; the caller passes it so results are reproducible.
    QDateTime now;
    bool includeCompleted = true;
    int limit = -1; // -1 = all
    int offset = 0;

    // Whether `task` passes every criterion but the search, which only the
    // store's full-text index can answer (hasSearch()).
    bool matches(const Task& task) const;
    bool hasSearch() const;
    // The list order (the contract's): priority asc, due_date asc with no
    // date last, created_at desc. Rows equal in all three keep the order
    // they were stored in.
    static bool listsBefore(const Task& a, const Task& b);
};

} // namespace bizy
