#pragma once

#include "http/HttpRequest.h"

#include <QHttpServerResponse>

namespace bizy::server {

class DbSession;

// POST /api/goals/{goal_id}/breakdown/create-tasks (docs/api.md section 8) for
// one authenticated user: each suggestion (TaskSuggestion) becomes a pending
// task under the goal, all in one transaction that stamps versions like any
// other write (the delta sync sees them). No AI involved.
class GoalBreakdown {
public:
    GoalBreakdown(DbSession& db, qint64 userId);

    QHttpServerResponse createTasks(const HttpRequest& request);

private:
    DbSession& m_db;
    qint64 m_userId;
};

} // namespace bizy::server
