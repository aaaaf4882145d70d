#pragma once

#include "Reminder.h"
#include "ReminderSettings.h"
#include "model/Task.h"
#include "store/ReminderRecord.h"

#include <QDateTime>
#include <QList>
#include <QTimeZone>
#include <optional>

namespace bizy {

// Which tasks need a reminder and when, as pure functions of the tasks, what
// was already given, the time and the zone. Times are compared as instants
// (UTC), so a lead time is the same real span across a daylight saving
// change; dates and the morning hour are reckoned in the zone given.
class ReminderRules {
public:
    enum class Snooze { TenMinutes, OneHour, Tomorrow };

    struct Plan {
        QList<Reminder> dueNow;        // to give now, in due order
        std::optional<QDateTime> next; // when the next one comes due
    };

    // A task due at local midnight, or at the quick-add line's end of a day
    // (a date typed without a time), is due all day.
    static bool isAllDay(const QDateTime& due, const QTimeZone& zone);
    // When the reminder of a task due at `due` is given: `leadMinutes` before
    // it, or for an all-day task at the morning hour of its day.
    static QDateTime remindAt(const QDateTime& due, const QTimeZone& zone,
                              const ReminderSettings& settings);
    // Overdue: a timed task past its due time, an all-day task past its day.
    static bool isOverdue(const Task& task, const QDateTime& now, const QTimeZone& zone);
    // The morning hour of the day after `now`'s day.
    static QDateTime nextMorning(const QDateTime& now, const QTimeZone& zone,
                                 const ReminderSettings& settings);
    static QDateTime snoozedUntil(Snooze snooze, const QDateTime& now, const QTimeZone& zone,
                                  const ReminderSettings& settings);

    // The reminders due at `now` and the time of the next one. Each due time
    // of a task is reminded once: a record for it (given, and not snoozed)
    // holds it back; a snoozed one comes back at its snooze's end. A task
    // already overdue when the reminders began watching (`watchingSince`) is
    // left to the overdue summary; one that came due later, while the
    // computer slept, say, is still reminded.
    static Plan plan(const QList<Task>& tasks, const QList<ReminderRecord>& records,
                     const QDateTime& now, const QDateTime& watchingSince, const QTimeZone& zone,
                     const ReminderSettings& settings);
    static OverdueSummary overdue(const QList<Task>& tasks, const QDateTime& now,
                                  const QTimeZone& zone);

    static Reminder reminderOf(const Task& task, const QTimeZone& zone);
};

} // namespace bizy
