#include "GoalStats.h"

using namespace Qt::StringLiterals;

namespace bizy {
namespace {

QJsonObject countsToJson(const QMap<QString, qint64>& counts) {
    QJsonObject json;
    for (auto it = counts.constBegin(); it != counts.constEnd(); ++it)
        json.insert(it.key(), it.value());
    return json;
}

} // namespace

QJsonObject GoalStats::toJson() const {
    return QJsonObject{
        {u"total"_s, total},
        {u"by_status"_s, countsToJson(byStatus)},
        {u"by_horizon"_s, countsToJson(byHorizon)},
        {u"average_progress"_s, averageProgress},
        {u"near_completion"_s, nearCompletion},
    };
}

} // namespace bizy
