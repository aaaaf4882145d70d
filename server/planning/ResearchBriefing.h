#pragma once

#include "AssistedRequest.h"

#include <QJsonArray>

namespace bizy::server {

// POST /api/briefings/research (docs/api.md section 9): a topic (3-500
// characters), optional focus areas and `max_insights` (1-10, default 5); the
// caller's active goals and today's tasks whose titles share a word with the
// topic go along, and the provider writes insights and action items.
class ResearchBriefing : public AssistedRequest {
public:
    std::optional<QHttpServerResponse> validate(const HttpRequest& request) override;
    std::optional<QHttpServerResponse> gather(DbSession& db, qint64 userId) override;
    QString prompt() const override { return m_prompt; }
    QJsonObject finish(ReplyReader& reply) const override;

private:
    QString m_topic;
    QJsonArray m_focusAreas;
    qint64 m_maxInsights = 5;
    QJsonArray m_relevantGoals;
    QJsonArray m_relevantTasks;
    QString m_prompt;
};

} // namespace bizy::server
