#pragma once

#include "analytics/AnalyticsWindow.h"

#include <QJsonObject>

namespace bizy::server {

class DbSession;

// GET /api/analytics/tasks (docs/api.md section 7.1) for one user: what was
// completed and created in the window, and the whole account's tasks by status.
class TaskAnalytics {
public:
    TaskAnalytics(DbSession& db, qint64 userId);

    QJsonObject report(const AnalyticsWindow& window);

private:
    DbSession& m_db;
    qint64 m_userId;
};

} // namespace bizy::server
