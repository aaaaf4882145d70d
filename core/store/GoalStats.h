#pragma once

#include <QJsonObject>
#include <QMap>
#include <QString>

namespace bizy {

// GET /api/goals/stats/summary, computed locally.
struct GoalStats {
    qint64 total = 0;
    QMap<QString, qint64> byStatus;
    QMap<QString, qint64> byHorizon;
    double averageProgress = 0; // of active goals
    qint64 nearCompletion = 0;  // active goals at 80% or more

    QJsonObject toJson() const;
};

} // namespace bizy
