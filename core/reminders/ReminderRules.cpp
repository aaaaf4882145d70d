#include "ReminderRules.h"

#include "quickadd/QuickAddParser.h"

#include <QHash>
#include <algorithm>

namespace bizy {

bool ReminderRules::isAllDay(const QDateTime& due, const QTimeZone& zone) {
    const QTime local = due.toTimeZone(zone).time();
    return local == QTime(0, 0) || local == QuickAddParser::endOfDay();
}

QDateTime ReminderRules::remindAt(const QDateTime& due, const QTimeZone& zone,
                                  const ReminderSettings& settings) {
    if (isAllDay(due, zone))
        return QDateTime(due.toTimeZone(zone).date(), settings.morning, zone).toUTC();
    return due.toUTC().addSecs(-qint64(settings.leadMinutes) * 60);
}

bool ReminderRules::isOverdue(const Task& task, const QDateTime& now, const QTimeZone& zone) {
    if (!task.dueDate || task.isCompleted())
        return false;
    if (isAllDay(*task.dueDate, zone))
        return task.dueDate->toTimeZone(zone).date() < now.toTimeZone(zone).date();
    return *task.dueDate < now;
}

QDateTime ReminderRules::nextMorning(const QDateTime& now, const QTimeZone& zone,
                                     const ReminderSettings& settings) {
    return QDateTime(now.toTimeZone(zone).date().addDays(1), settings.morning, zone).toUTC();
}

QDateTime ReminderRules::snoozedUntil(Snooze snooze, const QDateTime& now, const QTimeZone& zone,
                                      const ReminderSettings& settings) {
    switch (snooze) {
    case Snooze::TenMinutes:
        return now.toUTC().addSecs(10 * 60);
    case Snooze::OneHour:
        return now.toUTC().addSecs(60 * 60);
    case Snooze::Tomorrow:
        break;
    }
    return nextMorning(now, zone, settings);
}

Reminder ReminderRules::reminderOf(const Task& task, const QTimeZone& zone) {
    Reminder reminder;
    reminder.taskUuid = task.uuid;
    reminder.title = task.title;
    reminder.due = task.dueDate.value_or(QDateTime()).toUTC();
    reminder.allDay = task.dueDate && isAllDay(*task.dueDate, zone);
    return reminder;
}

ReminderRules::Plan ReminderRules::plan(const QList<Task>& tasks,
                                        const QList<ReminderRecord>& records, const QDateTime& now,
                                        const QDateTime& watchingSince, const QTimeZone& zone,
                                        const ReminderSettings& settings) {
    QHash<QString, ReminderRecord> noted;
    for (const ReminderRecord& record : records)
        noted.insert(record.taskUuid, record);
    const QDate startDay = watchingSince.toTimeZone(zone).date();

    Plan plan;
    auto comesAt = [&](const QDateTime& when) {
        if (!plan.next || when < *plan.next)
            plan.next = when;
    };
    for (const Task& task : tasks) {
        if (!task.dueDate || task.isCompleted())
            continue;
        Reminder reminder = reminderOf(task, zone);
        const auto record = noted.constFind(task.uuid);
        // A record of another due time is about a date the task no longer has.
        const bool recorded = record != noted.cend() && record->dueDate == reminder.due;
        QDateTime at;
        if (recorded && record->snoozedUntil) {
            at = record->snoozedUntil->toUTC();
            reminder.snoozed = true;
        } else if (recorded && record->remindedAt) {
            continue;
        } else {
            const bool overdueAtStart = reminder.allDay
                                            ? task.dueDate->toTimeZone(zone).date() < startDay
                                            : reminder.due < watchingSince;
            if (overdueAtStart)
                continue;
            at = remindAt(reminder.due, zone, settings);
        }
        if (at <= now)
            plan.dueNow << reminder;
        else
            comesAt(at);
    }
    std::stable_sort(plan.dueNow.begin(), plan.dueNow.end(),
                     [](const Reminder& a, const Reminder& b) { return a.due < b.due; });
    return plan;
}

OverdueSummary ReminderRules::overdue(const QList<Task>& tasks, const QDateTime& now,
                                      const QTimeZone& zone) {
    OverdueSummary summary;
    QList<Task> late;
    for (const Task& task : tasks)
        if (isOverdue(task, now, zone))
            late << task;
    std::stable_sort(late.begin(), late.end(),
                     [](const Task& a, const Task& b) { return *a.dueDate < *b.dueDate; });
    summary.count = late.size();
    for (qsizetype i = 0; i < std::min(late.size(), OverdueSummary::kListed); ++i)
        summary.first << reminderOf(late.at(i), zone);
    return summary;
}

} // namespace bizy
