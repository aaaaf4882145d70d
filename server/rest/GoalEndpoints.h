#pragma once

#include "http/HttpRequest.h"
#include "model/Goal.h"

#include <QHttpServerResponse>
#include <optional>

namespace bizy::server {

class DbSession;

// The goal endpoints of docs/api.md section 4 for one authenticated user: the
// hierarchy rules (own parent, cycles at any depth), the progress rule and the
// completed bookkeeping. Writes take the user's version counter first.
class GoalEndpoints {
public:
    GoalEndpoints(DbSession& db, qint64 userId);

    QHttpServerResponse list(const HttpRequest& request);
    QHttpServerResponse create(const HttpRequest& request);
    QHttpServerResponse get(const HttpRequest& request);
    QHttpServerResponse patch(const HttpRequest& request);
    QHttpServerResponse remove(const HttpRequest& request);
    QHttpServerResponse calculateProgress(const HttpRequest& request);
    QHttpServerResponse stats();

private:
    std::optional<bizy::Goal> find(qint64 goalId, bool forUpdate, bool withCounts = false);
    // 400 when the new parent is not the caller's, is the goal itself, or sits
    // under the goal at any depth.
    std::optional<QHttpServerResponse> checkParent(const bizy::Goal& goal);
    // The contract's rule over the goal's direct tasks and sub-goals.
    double computeProgress(qint64 goalId);
    void insert(bizy::Goal& goal);
    void update(const bizy::Goal& goal);

    DbSession& m_db;
    qint64 m_userId;
};

} // namespace bizy::server
