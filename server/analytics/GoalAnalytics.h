#pragma once

#include <QDateTime>
#include <QJsonObject>

namespace bizy::server {

class DbSession;

// GET /api/analytics/goals (docs/api.md section 7.2) for one user: all of the
// user's goals by status and horizon, and how the active ones are doing.
class GoalAnalytics {
public:
    GoalAnalytics(DbSession& db, qint64 userId);

    QJsonObject report(const QDateTime& now);

private:
    DbSession& m_db;
    qint64 m_userId;
};

} // namespace bizy::server
