#include "TaskFilter.h"

#include "FtsQuery.h"
#include "model/IsoDateTime.h"

#include <QTimeZone>
#include <algorithm>

using namespace Qt::StringLiterals;

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

namespace {

// SQLite's NOCASE: code units compared with only A-Z folded.
int compareNoCase(const QString& a, const QString& b) {
    const qsizetype n = std::min(a.size(), b.size());
    for (qsizetype i = 0; i < n; ++i) {
        char16_t x = a.at(i).unicode();
        char16_t y = b.at(i).unicode();
        if (x >= u'A' && x <= u'Z')
            x += u'a' - u'A';
        if (y >= u'A' && y <= u'Z')
            y += u'a' - u'A';
        if (x != y)
            return x < y ? -1 : 1;
    }
    return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

int statusRank(TaskStatus status) {
    switch (status) {
    case TaskStatus::Pending:
        return 0;
    case TaskStatus::InProgress:
        return 1;
    case TaskStatus::Blocked:
        return 2;
    case TaskStatus::Completed:
        return 3;
    }
    return 4;
}

// Compares two optional values with "none" last whatever the direction.
template <typename T, typename Compare>
int compareOptional(const std::optional<T>& a, const std::optional<T>& b, bool descending,
                    Compare compare) {
    if (!a || !b)
        return a.has_value() == b.has_value() ? 0 : (a ? -1 : 1);
    const int order = compare(*a, *b);
    return descending ? -order : order;
}

} // namespace

bool TaskFilter::before(const Task& a, const Task& b) const {
    const int direction = descending ? -1 : 1;
    int order = 0;
    switch (sort) {
    case Sort::ListOrder:
        break;
    case Sort::ByTitle:
        order = direction * compareNoCase(a.title, b.title);
        break;
    case Sort::ByPriority:
        order = direction * (a.priority - b.priority);
        break;
    case Sort::ByStatus:
        order = direction * (statusRank(a.status) - statusRank(b.status));
        break;
    case Sort::ByDue:
        order = compareOptional(
            a.dueDate, b.dueDate, descending,
            [](const QDateTime& x, const QDateTime& y) { return x == y ? 0 : (x < y ? -1 : 1); });
        break;
    case Sort::ByCategory:
        order = compareOptional(a.category, b.category, descending, compareNoCase);
        break;
    }
    return order != 0 ? order < 0 : listsBefore(a, b);
}

QString TaskFilter::orderBySql() const {
    const QString listOrder = u"priority, due_key, created_at DESC"_s;
    const QString direction = descending ? u" DESC"_s : QString();
    switch (sort) {
    case Sort::ListOrder:
        return listOrder;
    case Sort::ByTitle:
        return u"title COLLATE NOCASE"_s + direction + u", "_s + listOrder;
    case Sort::ByPriority:
        return u"priority"_s + direction + u", due_key, created_at DESC"_s;
    case Sort::ByStatus:
        return u"CASE status WHEN 'pending' THEN 0 WHEN 'in_progress' THEN 1 "
               u"WHEN 'blocked' THEN 2 ELSE 3 END"_s +
               direction + u", "_s + listOrder;
    case Sort::ByDue:
        return u"due_date IS NULL, due_date"_s + direction + u", "_s + listOrder;
    case Sort::ByCategory:
        return u"category IS NULL, category COLLATE NOCASE"_s + direction + u", "_s + listOrder;
    }
    return listOrder;
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
