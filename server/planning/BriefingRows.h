#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace bizy::server {

class DbSession;

// The row-derived parts of the briefings (docs/api.md section 9), from one
// user's rows at `now`. Calendar days are UTC dates; "today" is now's date.
class BriefingRows {
public:
    BriefingRows(DbSession& db, qint64 userId, const QDateTime& now);

    // {tasks_completed, tasks_due, completion_rate} of yesterday.
    QJsonObject yesterdayRecap();
    // Open tasks due today or undated, by priority, at most 20.
    QJsonArray tasksToday();
    // Active goals by horizon name, at most 10.
    QJsonArray activeGoals();
    // Tasks not completed and due before now, oldest first, at most 10.
    QJsonArray overdueTasks();
    // {completed, planned, completion_rate} of today (evening briefing).
    QJsonObject completionStats();

    // The items whose lower-cased title contains any whitespace-separated word
    // of the lower-cased topic (research briefing).
    static QJsonArray relevantTo(const QString& topic, const QJsonArray& items);

private:
    DbSession& m_db;
    qint64 m_userId;
    QDateTime m_now;
    QDateTime m_todayStart;
};

} // namespace bizy::server
