#pragma once

#include "analytics/AnalyticsWindow.h"

#include <QJsonObject>

namespace bizy::server {

class DbSession;

// GET /api/analytics/velocity (docs/api.md section 7.3) for one user: the
// window's completions per calendar day, the trend between its two halves and
// the productivity score.
class VelocityAnalytics {
public:
    VelocityAnalytics(DbSession& db, qint64 userId);

    QJsonObject report(const AnalyticsWindow& window);

private:
    DbSession& m_db;
    qint64 m_userId;
};

} // namespace bizy::server
