#include "ResearchBriefing.h"

#include "BriefingRows.h"
#include "ai/PromptTemplate.h"
#include "ai/ReplyReader.h"
#include "http/Reply.h"
#include "model/IsoDateTime.h"

using namespace Qt::StringLiterals;

namespace bizy::server {

namespace {

const bizy::EntitySchema& bodySchema() {
    static const bizy::EntitySchema schema({
        {.name = u"topic"_s,
         .requiredOnCreate = true,
         .nullable = false,
         .minLength = 3,
         .maxLength = 500},
        {.name = u"focus_areas"_s, .kind = bizy::FieldKind::StringList},
        {.name = u"max_insights"_s,
         .kind = bizy::FieldKind::Integer,
         .nullable = false,
         .minimum = 1,
         .maximum = 10},
    });
    return schema;
}

} // namespace

std::optional<QHttpServerResponse> ResearchBriefing::validate(const HttpRequest& request) {
    QJsonObject body;
    const bizy::FieldErrors errors = readBody(request, bodySchema(), true, &body);
    if (!errors.isEmpty())
        return Reply::validation(errors);
    m_topic = body.value(u"topic"_s).toString();
    m_focusAreas = body.value(u"focus_areas"_s).toArray();
    m_maxInsights = body.value(u"max_insights"_s).toInteger(m_maxInsights);
    return std::nullopt;
}

std::optional<QHttpServerResponse> ResearchBriefing::gather(DbSession& db, qint64 userId) {
    BriefingRows rows(db, userId, bizy::IsoDateTime::nowUtc());
    m_relevantGoals = BriefingRows::relevantTo(m_topic, rows.activeGoals());
    m_relevantTasks = BriefingRows::relevantTo(m_topic, rows.tasksToday());
    const QJsonObject request{{u"topic"_s, m_topic}, {u"focus_areas"_s, m_focusAreas}};
    m_prompt =
        PromptTemplate::render(u"research"_s, {{u"request"_s, promptJson(request)},
                                               {u"max_insights"_s, QString::number(m_maxInsights)},
                                               {u"relevant_goals"_s, promptJson(m_relevantGoals)},
                                               {u"relevant_tasks"_s, promptJson(m_relevantTasks)}});
    return std::nullopt;
}

QJsonObject ResearchBriefing::finish(ReplyReader& reply) const {
    QJsonArray insights = reply.texts(u"key_insights"_s);
    while (insights.size() > m_maxInsights)
        insights.removeLast();
    return QJsonObject{
        {u"topic"_s, m_topic},
        {u"key_insights"_s, insights},
        {u"action_items"_s, reply.texts(u"action_items"_s)},
        {u"relevant_goals"_s, m_relevantGoals},
        {u"relevant_tasks"_s, m_relevantTasks},
    };
}

} // namespace bizy::server
