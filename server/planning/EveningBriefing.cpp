#include "EveningBriefing.h"

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
        {.name = u"wins"_s},
        {.name = u"blockers"_s},
        {.name = u"learnings"_s},
        {.name = u"energy_level"_s, .kind = bizy::FieldKind::Integer, .minimum = 1, .maximum = 10},
    });
    return schema;
}

} // namespace

std::optional<QHttpServerResponse> EveningBriefing::validate(const HttpRequest& request) {
    const bizy::FieldErrors errors = readBody(request, bodySchema(), true, &m_reflection);
    if (!errors.isEmpty())
        return Reply::validation(errors);
    return std::nullopt;
}

std::optional<QHttpServerResponse> EveningBriefing::gather(DbSession& db, qint64 userId) {
    const QDateTime now = bizy::IsoDateTime::nowUtc();
    BriefingRows rows(db, userId, now);
    m_date = bizy::IsoDateTime::format(now);
    m_completionStats = rows.completionStats();
    m_prompt = PromptTemplate::render(u"evening"_s,
                                      {{u"date"_s, m_date},
                                       {u"reflection"_s, promptJson(m_reflection)},
                                       {u"completion_stats"_s, promptJson(m_completionStats)},
                                       {u"tasks_open"_s, promptJson(rows.tasksToday())}});
    return std::nullopt;
}

QJsonObject EveningBriefing::finish(ReplyReader& reply) const {
    return QJsonObject{
        {u"date"_s, m_date},
        {u"day_analysis"_s, reply.text(u"day_analysis"_s)},
        {u"wins_recognition"_s, reply.text(u"wins_recognition"_s)},
        {u"improvement_suggestions"_s, reply.texts(u"improvement_suggestions"_s)},
        {u"tomorrow_prep"_s, reply.text(u"tomorrow_prep"_s)},
        {u"completion_stats"_s, m_completionStats},
    };
}

} // namespace bizy::server
