#pragma once

#include "analytics/AnalyticsWindow.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QVariantList>

namespace bizy::server {

class DbSession;
struct TrendInsights;

// GET /api/analytics/trends (docs/api.md section 7.4) for one user: the
// window's completions in whole weeks counted from its start, the top
// categories week by week, the active goals, and the insight sentences.
// The answer is JSON text: the list of every active goal can hold thousands
// of entries, and writing them straight to text (data/JsonText) costs a
// fraction of building QJsonObjects (bench/README.md, "Analytics").
class TrendAnalytics {
public:
    TrendAnalytics(DbSession& db, qint64 userId);

    QByteArray report(const AnalyticsWindow& window);

private:
    // Weeks 1..W: completion_trend and priority_distribution; their counts go
    // to the insights.
    void readWeeks(const AnalyticsWindow& window, QJsonArray& completionTrend,
                   QJsonArray& priorityDistribution, TrendInsights& insights);
    // category_trends; the window's totals and the top category go to the insights.
    QJsonObject readCategories(const AnalyticsWindow& window, TrendInsights& insights);
    // goal_progress_trend as JSON text; the mean progress goes to the insights.
    QByteArray readActiveGoals(TrendInsights& insights);
    QVariantList weekValues(const AnalyticsWindow& window, int first, int last) const;

    DbSession& m_db;
    qint64 m_userId;
};

} // namespace bizy::server
