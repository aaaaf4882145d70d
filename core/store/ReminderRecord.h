#pragma once

#include "model/Task.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <optional>

namespace bizy {

// What the store remembers of one task's reminder (the `reminders` table): the
// due time it is about, when it was given, and until when it is snoozed.
struct ReminderRecord {
    QString taskUuid;
    QDateTime dueDate;
    std::optional<QDateTime> remindedAt;
    std::optional<QDateTime> snoozedUntil;

    bool operator==(const ReminderRecord&) const = default;
};

// What core/reminders plans from: the open tasks due up to a time (the
// overdue ones included), and the reminders noted for tasks.
struct ReminderCandidates {
    QList<Task> tasks; // by due date
    QList<ReminderRecord> records;
};

} // namespace bizy
