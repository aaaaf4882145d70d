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
    // What the list is ordered by. ListOrder is the contract's order; the
    // others order by one field (no value last, either way) and break ties
    // by the contract's order. Text compares as SQLite's NOCASE does (ASCII
    // letters folded), so the store's pages and placed rows agree.
    enum class Sort { ListOrder, ByTitle, ByPriority, ByStatus, ByDue, ByCategory };

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
    Sort sort = Sort::ListOrder;
    bool descending = false;
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
    // Whether `a` comes before `b` in this filter's order (sort, descending).
    bool before(const Task& a, const Task& b) const;
    // The SQL ORDER BY terms of this filter's order (without "ORDER BY").
    QString orderBySql() const;
};

} // namespace bizy
