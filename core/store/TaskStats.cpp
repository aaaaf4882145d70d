#include "TaskStats.h"

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

QJsonObject TaskStats::toJson() const {
    return QJsonObject{
        {u"total"_s, total},
        {u"by_status"_s, countsToJson(byStatus)},
        {u"by_priority"_s, countsToJson(byPriority)},
        {u"by_category"_s, countsToJson(byCategory)},
        {u"overdue"_s, overdue},
    };
}

} // namespace bizy
