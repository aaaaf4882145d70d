#pragma once

#include "AssistedRequest.h"

#include <QJsonArray>

namespace bizy::server {

// POST /api/briefings/evening (docs/api.md section 9): the caller's own words
// on the day (wins, blockers, learnings, energy 1-10) and today's completion
// stats go to the provider, which writes the day's analysis, recognition of
// the wins, suggestions and tomorrow's preparation.
class EveningBriefing : public AssistedRequest {
public:
    std::optional<QHttpServerResponse> validate(const HttpRequest& request) override;
    std::optional<QHttpServerResponse> gather(DbSession& db, qint64 userId) override;
    QString prompt() const override { return m_prompt; }
    QJsonObject finish(ReplyReader& reply) const override;

private:
    QJsonObject m_reflection;
    QString m_date;
    QJsonObject m_completionStats;
    QString m_prompt;
};

} // namespace bizy::server
