#include "TaskFilter.h"

#include "FtsQuery.h"
#include "model/IsoDateTime.h"

#include <QTimeZone>

namespace bizy {

bool TaskFilter::hasSearch() const {
    return search && !FtsQuery::fromUserText(*search).isEmpty();
}

bool TaskFilter::matches(const Task& task) const {
    if (status && task.status != *status)
        return false;
    if (!includeCompleted && task.isCompleted())
        return false;
    if (priority && task.priority != *priority)
        return false;
    if (category && task.category != *category)
        return false;
    if (tag && !task.tags.value_or(QStringList()).contains(*tag))
        return false;
    if (goalUuid) {
        if (goalUuid->isEmpty() ? task.parentGoalUuid.has_value()
                                : task.parentGoalUuid != *goalUuid)
            return false;
    }
    if (due == Due::Any)
        return true;
    // The same bounds TaskQueries puts in SQL.
    if (!task.dueDate)
        return false;
    const QDateTime current = now.isValid() ? now : IsoDateTime::nowUtc();
    const QDateTime startOfToday(current.date(), QTime(0, 0), current.timeZone());
    const QDateTime startOfTomorrow = startOfToday.addDays(1);
    switch (due) {
    case Due::Today:
        return *task.dueDate >= startOfToday && *task.dueDate < startOfTomorrow;
    case Due::Upcoming:
        return *task.dueDate >= startOfTomorrow && *task.dueDate < startOfTomorrow.addDays(7) &&
               !task.isCompleted();
    case Due::Overdue:
        return *task.dueDate < current && !task.isCompleted();
    case Due::Any:
        break;
    }
    return true;
}

bool TaskFilter::listsBefore(const Task& a, const Task& b) {
    if (a.priority != b.priority)
        return a.priority < b.priority;
    if (a.dueDate != b.dueDate) {
        if (!a.dueDate || !b.dueDate)
            return a.dueDate.has_value();
        return *a.dueDate < *b.dueDate;
    }
    return a.createdAt > b.createdAt;
}

} // namespace bizy
