#pragma once

#include "analytics/AnalyticsWindow.h"

#include <QJsonObject>
#include <QString>

namespace bizy::server {

class DbSession;

// GET /api/analytics/velocity (docs/api.md section 7.3) for one user: the
// window's completions per calendar day, the trend between its two halves and
// the productivity score.
class VelocityAnalytics {
public:
    VelocityAnalytics(DbSession& db, qint64 userId);

    QJsonObject report(const AnalyticsWindow& window);

    // "improving", "declining" or "stable" for `first` completions before the
    // midpoint and `second` at or after it.
    static QString trend(qint64 first, qint64 second);
    // min(100, v*10*0.5 + h*100*0.3 + t*0.2), not rounded.
    static double productivityScore(qint64 completed, qint64 highPriority, int days,
                                    const QString& trend);

private:
    DbSession& m_db;
    qint64 m_userId;
};

} // namespace bizy::server
