#include "ReminderNotices.h"

#include "TaskText.h"
#include "reminders/Clock.h"
#include "reminders/ReminderScheduler.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace bizy {

ReminderNotices::ReminderNotices(ReminderScheduler* reminders, SyncStatusModel* status,
                                 QObject* parent)
    : QObject(parent)
    , m_reminders(reminders)
    , m_status(status) {
    if (m_reminders) {
        connect(m_reminders, &ReminderScheduler::remind, this, [this](const Reminder& reminder) {
            say(reminderNotice(reminder, m_reminders->clock().now(), m_reminders->clock().zone()));
        });
        connect(m_reminders, &ReminderScheduler::overdueSummary, this,
                [this](const OverdueSummary& summary) { say(summaryNotice(summary)); });
        connect(m_reminders, &ReminderScheduler::withdrawn, this, &ReminderNotices::withdrawn);
    }
    if (m_status) {
        connect(m_status, &SyncStatusModel::conflictsArrived, this, [this](int count) {
            say({tr("Sync conflicts"),
                 tr("%n change(s) did not survive sync. See Sync > Conflicts.", nullptr, count),
                 {},
                 {},
                 false});
        });
        connect(m_status, &SyncStatusModel::changed, this, &ReminderNotices::onStatusChanged);
    }
}

ReminderNotices::Notice ReminderNotices::reminderNotice(const Reminder& reminder,
                                                        const QDateTime& now,
                                                        const QTimeZone& zone) {
    Notice notice;
    notice.title = reminder.title;
    notice.taskUuid = reminder.taskUuid;
    notice.reminder = reminder;
    notice.isReminder = true;
    const QDateTime local = reminder.due.toTimeZone(zone);
    // No counts in the words: they stay right in every language without plural forms.
    const QString time = QLocale().toString(local.time(), TaskText::timeFormat());
    if (reminder.allDay)
        notice.body = tr("Due today");
    else if (reminder.due > now)
        notice.body = tr("Due at %1").arg(time);
    else if (reminder.due.secsTo(now) < 60)
        notice.body = tr("Due now (%1)").arg(time);
    else
        notice.body = tr("Was due at %1").arg(local.toString(TaskText::dateTimeFormat()));
    return notice;
}

ReminderNotices::Notice ReminderNotices::summaryNotice(const OverdueSummary& summary) {
    Notice notice;
    notice.title = tr("Overdue tasks: %1").arg(summary.count);
    QStringList titles;
    for (const Reminder& reminder : summary.first)
        titles << reminder.title;
    if (summary.count > summary.first.size())
        titles << tr("and %1 more").arg(summary.count - summary.first.size());
    notice.body = titles.join(u"\n"_s);
    if (summary.count == 1 && !summary.first.isEmpty())
        notice.taskUuid = summary.first.first().taskUuid;
    return notice;
}

void ReminderNotices::say(const Notice& notice) {
    m_last = notice;
    emit this->notice(notice);
}

void ReminderNotices::onStatusChanged() {
    // An expired login is said once, until a login succeeds.
    if (m_status->isLoggedIn()) {
        m_saidLoginExpired = false;
    } else if (m_status->needsLogin() && !m_saidLoginExpired) {
        m_saidLoginExpired = true;
        say({tr("Log in to sync"),
             tr("Your login has expired. Your changes are kept until you log in again."),
             {},
             {},
             false});
    }
}

} // namespace bizy
