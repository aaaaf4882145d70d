#pragma once

#include <QJsonObject>
#include <QMap>
#include <QString>

namespace bizy {

// GET /api/tasks/stats/summary, computed locally.
struct TaskStats {
    qint64 total = 0;
    QMap<QString, qint64> byStatus;
    QMap<QString, qint64> byPriority; // keys "1".."5"
    QMap<QString, qint64> byCategory;
    qint64 overdue = 0;

    QJsonObject toJson() const;
    bool operator==(const TaskStats&) const = default;
};

} // namespace bizy
