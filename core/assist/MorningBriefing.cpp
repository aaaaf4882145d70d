#include "MorningBriefing.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace bizy {

Result<MorningBriefing> MorningBriefing::fromJson(const QJsonObject& json) {
    MorningBriefing briefing;
    briefing.greeting = json.value(u"greeting"_s).toString();
    briefing.proTip = json.value(u"pro_tip"_s).toString();
    if (briefing.greeting.isEmpty() || !json.value(u"todays_mission"_s).isArray())
        return Error::make(Error::Code::Server,
                           u"The morning briefing could not be read (no greeting or mission)."_s);
    for (const QJsonValue& value : json.value(u"todays_mission"_s).toArray()) {
        const QJsonObject item = value.toObject();
        briefing.mission.append({item.value(u"priority"_s).toInt(),
                                 item.value(u"task"_s).toString(),
                                 item.value(u"why_it_matters"_s).toString(),
                                 item.value(u"estimated_time"_s).toString()});
    }
    for (const QJsonValue& value : json.value(u"watch_out_for"_s).toArray())
        briefing.watchOutFor << value.toString();
    const QJsonObject recap = json.value(u"yesterday_recap"_s).toObject();
    briefing.yesterdayCompleted = recap.value(u"tasks_completed"_s).toInt();
    briefing.yesterdayDue = recap.value(u"tasks_due"_s).toInt();
    briefing.tasksToday = int(json.value(u"tasks_today"_s).toArray().size());
    briefing.overdueTasks = int(json.value(u"overdue_tasks"_s).toArray().size());
    return briefing;
}

} // namespace bizy
