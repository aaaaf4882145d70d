#include "MorningBriefing.h"

#include "BriefingRows.h"
#include "ai/PromptTemplate.h"
#include "ai/ReplyReader.h"
#include "model/IsoDateTime.h"

using namespace Qt::StringLiterals;

namespace bizy::server {

std::optional<QHttpServerResponse> MorningBriefing::gather(DbSession& db, qint64 userId) {
    const QDateTime now = bizy::IsoDateTime::nowUtc();
    BriefingRows rows(db, userId, now);
    m_date = bizy::IsoDateTime::format(now);
    m_yesterdayRecap = rows.yesterdayRecap();
    m_tasksToday = rows.tasksToday();
    m_activeGoals = rows.activeGoals();
    m_overdueTasks = rows.overdueTasks();
    m_prompt =
        PromptTemplate::render(u"morning"_s, {{u"date"_s, m_date},
                                              {u"yesterday_recap"_s, promptJson(m_yesterdayRecap)},
                                              {u"tasks_today"_s, promptJson(m_tasksToday)},
                                              {u"overdue_tasks"_s, promptJson(m_overdueTasks)},
                                              {u"active_goals"_s, promptJson(m_activeGoals)}});
    return std::nullopt;
}

QJsonObject MorningBriefing::finish(ReplyReader& reply) const {
    const QString greeting = reply.text(u"greeting"_s);
    const QJsonArray missionItems = reply.list(u"todays_mission"_s);
    QJsonArray mission;
    for (qsizetype i = 0; i < missionItems.size(); ++i) {
        ReplyReader item = reply.item(u"todays_mission"_s, missionItems, i);
        mission.append(QJsonObject{{u"priority"_s, item.integer(u"priority"_s, 1, 100)},
                                   {u"task"_s, item.text(u"task"_s)},
                                   {u"why_it_matters"_s, item.text(u"why_it_matters"_s)},
                                   {u"estimated_time"_s, item.text(u"estimated_time"_s)}});
    }
    return QJsonObject{
        {u"date"_s, m_date},
        {u"greeting"_s, greeting},
        {u"yesterday_recap"_s, m_yesterdayRecap},
        {u"todays_mission"_s, mission},
        {u"watch_out_for"_s, reply.texts(u"watch_out_for"_s)},
        {u"pro_tip"_s, reply.text(u"pro_tip"_s)},
        {u"tasks_today"_s, m_tasksToday},
        {u"active_goals"_s, m_activeGoals},
        {u"overdue_tasks"_s, m_overdueTasks},
    };
}

} // namespace bizy::server
