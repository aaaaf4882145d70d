#pragma once

#include "http/HttpRequest.h"
#include "model/Task.h"

#include <QHttpServerResponse>
#include <optional>

namespace bizy::server {

class DbSession;

// The task endpoints of docs/api.md section 3 for one authenticated user, run on
// a worker thread with that thread's connection. Every write takes the user's
// version counter first (see VersionCounter), so versions follow commit order.
class TaskEndpoints {
public:
    TaskEndpoints(DbSession& db, qint64 userId);

    QHttpServerResponse list(const HttpRequest& request);
    QHttpServerResponse create(const HttpRequest& request);
    QHttpServerResponse get(const HttpRequest& request);
    QHttpServerResponse patch(const HttpRequest& request);
    QHttpServerResponse remove(const HttpRequest& request);
    QHttpServerResponse complete(const HttpRequest& request);
    QHttpServerResponse uncomplete(const HttpRequest& request);
    QHttpServerResponse stats();

private:
    std::optional<bizy::Task> find(qint64 taskId, bool forUpdate);
    // 400 when parent_goal_id or a dependency is not one of the caller's rows.
    std::optional<QHttpServerResponse> checkRelations(const bizy::Task& task,
                                                      const QJsonObject& changed);
    void insert(bizy::Task& task);
    void update(const bizy::Task& task);

    DbSession& m_db;
    qint64 m_userId;
};

} // namespace bizy::server
