#pragma once

#include "model/Task.h"

#include <QString>

#include <optional>

namespace bizy {

// What a task list shows. Every criterion is optional and they combine with AND.
struct TaskFilter {
    enum class Due { Any, Today, Upcoming, Overdue };

    std::optional<TaskStatus> status;
    std::optional<int> priority;
    std::optional<QString> category;
    std::optional<QString> tag;
    std::optional<QString> goalUuid;
    // Full-text search over title, description and notes (prefix match per word).
    std::optional<QString> search;
    Due due = Due::Any;
    // "Now" for the due filters; the caller passes it so results are reproducible.
    QDateTime now;
    bool includeCompleted = true;
    int limit = -1; // -1 = all
    int offset = 0;
};

} // namespace bizy
