#pragma once

#include "ReminderRecord.h"
#include "model/Result.h"

#include <QDateTime>
#include <QString>

namespace bizy {

class StoreDatabase;
class TaskTable;

// The `reminders` table: which due time of a task was reminded, or snoozed,
// kept across restarts so a reminder is given once per due time. Writing it
// changes no task, so nothing is published.
class ReminderLog {
public:
    ReminderLog(StoreDatabase& db, TaskTable& tasks);

    // Open tasks with a due date up to `until`, and every record.
    Result<ReminderCandidates> candidates(const QDateTime& until);
    // The reminder of `due` was given at `at` (a snooze of it is over).
    Status markGiven(const QString& taskUuid, const QDateTime& due, const QDateTime& at);
    // The reminder of `due` comes again at `until`.
    Status snooze(const QString& taskUuid, const QDateTime& due, const QDateTime& until);

private:
    StoreDatabase& m_db;
    TaskTable& m_tasks;
};

} // namespace bizy
