#include "ReminderLog.h"

#include "StoreDatabase.h"
#include "TaskTable.h"
#include "model/IsoDateTime.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace bizy {
namespace {

std::optional<QDateTime> optionalTime(const QVariant& value) {
    if (value.isNull())
        return std::nullopt;
    return IsoDateTime::parse(value.toString());
}

} // namespace

ReminderLog::ReminderLog(StoreDatabase& db, TaskTable& tasks)
    : m_db(db)
    , m_tasks(tasks) {}

Result<ReminderCandidates> ReminderLog::candidates(const QDateTime& until) {
    ReminderCandidates result;
    // One range of the tasks_open_by_due index.
    Result<QList<Task>> tasks =
        m_tasks.select(u"WHERE status <> 'completed' AND due_date IS NOT NULL AND due_date <= ? "
                       u"ORDER BY due_date"_s,
                       {IsoDateTime::format(until)});
    if (!tasks)
        return tasks.error();
    result.tasks = std::move(*tasks);

    bool ok = false;
    QSqlQuery& query = m_db.query(
        u"SELECT task_uuid, due_date, reminded_at, snoozed_until FROM reminders"_s, {}, &ok);
    if (!ok)
        return m_db.storageError(query, u"read the reminders given"_s);
    while (query.next()) {
        ReminderRecord record;
        record.taskUuid = query.value(0).toString();
        record.dueDate = IsoDateTime::parse(query.value(1).toString()).value_or(QDateTime());
        record.remindedAt = optionalTime(query.value(2));
        record.snoozedUntil = optionalTime(query.value(3));
        result.records << record;
    }
    query.finish();
    return result;
}

Status ReminderLog::markGiven(const QString& taskUuid, const QDateTime& due, const QDateTime& at) {
    return m_db.exec(u"INSERT INTO reminders(task_uuid, due_date, reminded_at, snoozed_until) "
                     u"VALUES (?, ?, ?, NULL) ON CONFLICT(task_uuid) DO UPDATE SET "
                     u"due_date = excluded.due_date, reminded_at = excluded.reminded_at, "
                     u"snoozed_until = NULL"_s,
                     {taskUuid, IsoDateTime::format(due), IsoDateTime::format(at)},
                     u"note a reminder as given"_s);
}

Status ReminderLog::snooze(const QString& taskUuid, const QDateTime& due, const QDateTime& until) {
    return m_db.exec(u"INSERT INTO reminders(task_uuid, due_date, reminded_at, snoozed_until) "
                     u"VALUES (?, ?, NULL, ?) ON CONFLICT(task_uuid) DO UPDATE SET "
                     u"due_date = excluded.due_date, snoozed_until = excluded.snoozed_until"_s,
                     {taskUuid, IsoDateTime::format(due), IsoDateTime::format(until)},
                     u"snooze a reminder"_s);
}

} // namespace bizy
