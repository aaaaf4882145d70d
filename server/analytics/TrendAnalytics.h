#pragma once

#include "analytics/AnalyticsWindow.h"

#include <QByteArray>
#include <QList>
#include <QString>

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
    struct Week {
        qint64 completed = 0;
        qint64 highPriority = 0;
        qint64 mediumPriority = 0;
        qint64 lowPriority = 0;
        double estimatedHours = 0;
    };
    struct Category {
        QString name;
        QList<qint64> perWeek; // up to its last week with a completion
        qint64 total = 0;
    };

    // The window's completions per category and week (index W is the tail
    // that belongs to no week): fills `weeks` (0..W-1), `categories` (by
    // name) and the insights' totals.
    void readCompletions(const AnalyticsWindow& window, QList<Week>& weeks,
                         QList<Category>& categories, TrendInsights& insights);
    // goal_progress_trend as JSON text; the mean progress goes to the insights.
    QByteArray readActiveGoals(TrendInsights& insights);

    DbSession& m_db;
    qint64 m_userId;
};

} // namespace bizy::server
