#pragma once

#include "SyncStatusModel.h"
#include "reminders/Reminder.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimeZone>

namespace bizy {

class ReminderScheduler;

// What Bizy tells the user outside its window, in words: a task coming due,
// the overdue summary, new sync conflicts and an expired login (each said
// once). A notice names the task it is about, so a click can open it and a
// snooze can find its reminder. Whoever shows notices (the desktop's
// notification service, the tray's balloon, the window) listens to notice().
class ReminderNotices : public QObject {
    Q_OBJECT
public:
    struct Notice {
        QString title;
        QString body;
        QString taskUuid;  // empty when it is about no single task
        Reminder reminder; // set for a reminder (so it can be snoozed)
        bool isReminder = false;
    };

    ReminderNotices(ReminderScheduler* reminders, SyncStatusModel* status,
                    QObject* parent = nullptr);

    // "Due at 10:00 (in 15 minutes)", "Due today", "Was due at …", in `zone`.
    static Notice reminderNotice(const Reminder& reminder, const QDateTime& now,
                                 const QTimeZone& zone);
    static Notice summaryNotice(const OverdueSummary& summary);
    // The last notice shown (a click on the tray's balloon opens its task).
    const Notice& lastNotice() const { return m_last; }

signals:
    void notice(const bizy::ReminderNotices::Notice& notice);
    // A notice about this task is no longer right: take it down.
    void withdrawn(const QString& taskUuid);

private:
    void say(const Notice& notice);
    void onStatusChanged();

    QPointer<ReminderScheduler> m_reminders;
    QPointer<SyncStatusModel> m_status;
    Notice m_last;
    bool m_saidLoginExpired = false;
};

} // namespace bizy

Q_DECLARE_METATYPE(bizy::ReminderNotices::Notice)
