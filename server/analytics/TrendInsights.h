#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace bizy::server {

// The `insights` sentences of GET /api/analytics/trends (docs/api.md section
// 7.4): which apply to the figures of one report, in the contract's order and
// words.
struct TrendInsights {
    QList<qint64> weeklyCompletions; // tasks_completed of weeks 1..W
    QString topCategory;             // first of category_trends' ranking
    qint64 topCategoryCompletions = 0;
    qint64 completed = 0; // completions in the window
    qint64 highPriority = 0;
    std::optional<double> activeGoalProgress; // mean over active goals, none without

    QStringList sentences() const;
};

} // namespace bizy::server
