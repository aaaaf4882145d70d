#pragma once

#include "AssistedRequest.h"

namespace bizy::server {

// POST /api/goals/{goal_id}/breakdown (docs/api.md section 8): the goal and
// the tasks already under it go to the provider, which suggests at most
// `max_tasks` tasks (TaskSuggestion rules: a suggestion the provider gets
// wrong makes the reply unusable). Stores nothing.
class BreakdownRequest : public AssistedRequest {
public:
    std::optional<QHttpServerResponse> validate(const HttpRequest& request) override;
    std::optional<QHttpServerResponse> gather(DbSession& db, qint64 userId) override;
    QString prompt() const override { return m_prompt; }
    QJsonObject finish(ReplyReader& reply) const override;

private:
    qint64 m_goalId = 0;
    qint64 m_maxTasks = 10;
    bool m_includeDescription = true;
    QString m_goalTitle;
    QString m_prompt;
};

} // namespace bizy::server
