#pragma once

#include "analytics/AnalyticsWindow.h"

#include <QJsonObject>

namespace bizy::server {

class DbSession;

// GET /api/analytics/trends (docs/api.md section 7.4) for one user: the
// window's completions in whole weeks counted from its start, the top
// categories week by week, the active goals, and the insight sentences.
class TrendAnalytics {
public:
    TrendAnalytics(DbSession& db, qint64 userId);

    QJsonObject report(const AnalyticsWindow& window);

private:
    DbSession& m_db;
    qint64 m_userId;
};

} // namespace bizy::server
