#include "GoalBreakdown.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace bizy {

namespace {

std::optional<QString> optionalText(const QJsonValue& value) {
    if (!value.isString() || value.toString().trimmed().isEmpty())
        return std::nullopt;
    return value.toString();
}

Error unusable(const QString& what) {
    return Error::make(Error::Code::Server,
                       u"The assistant's suggestions could not be read (%1)."_s.arg(what));
}

} // namespace

Result<GoalBreakdown> GoalBreakdown::fromJson(const QJsonObject& json) {
    const QJsonValue tasks = json.value(u"suggested_tasks"_s);
    if (!tasks.isArray())
        return unusable(u"no list of tasks"_s);
    GoalBreakdown breakdown;
    breakdown.reasoning = json.value(u"reasoning"_s).toString();
    const QJsonArray items = tasks.toArray();
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QJsonObject item = items.at(i).toObject();
        const QString title = item.value(u"title"_s).toString().trimmed();
        const QJsonValue priority = item.value(u"priority"_s);
        if (title.isEmpty() || !priority.isDouble())
            return unusable(u"suggestion %1 has no title or priority"_s.arg(i + 1));
        TaskDraft draft;
        draft.title = title;
        draft.priority = priority.toInt();
        draft.description = optionalText(item.value(u"description"_s));
        draft.category = optionalText(item.value(u"category"_s));
        if (const QJsonValue hours = item.value(u"estimated_hours"_s); hours.isDouble())
            draft.estimatedHours = hours.toDouble();
        breakdown.suggestions.append(draft);
    }
    return breakdown;
}

} // namespace bizy
