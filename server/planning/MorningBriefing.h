#pragma once

#include "AssistedRequest.h"

#include <QJsonArray>

namespace bizy::server {

// GET /api/briefings/morning (docs/api.md section 9): yesterday's recap,
// today's open tasks, the overdue tasks and the active goals (BriefingRows),
// and what the provider writes from them: greeting, today's mission, what to
// watch out for, a tip.
class MorningBriefing : public AssistedRequest {
public:
    std::optional<QHttpServerResponse> validate(const HttpRequest&) override {
        return std::nullopt;
    }
    std::optional<QHttpServerResponse> gather(DbSession& db, qint64 userId) override;
    QString prompt() const override { return m_prompt; }
    QJsonObject finish(ReplyReader& reply) const override;

private:
    QString m_date;
    QJsonObject m_yesterdayRecap;
    QJsonArray m_tasksToday;
    QJsonArray m_activeGoals;
    QJsonArray m_overdueTasks;
    QString m_prompt;
};

} // namespace bizy::server
