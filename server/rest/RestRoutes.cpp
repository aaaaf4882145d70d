#include "RestRoutes.h"

#include "GoalEndpoints.h"
#include "TaskEndpoints.h"
#include "auth/AuthGuard.h"
#include "db/DbRunner.h"
#include "http/Reply.h"
#include "http/Router.h"

using namespace Qt::StringLiterals;

namespace bizy::server {

namespace {

using Method = Router::Method;

// Starlette reads '+' in a query as a space (form encoding); QUrlQuery keeps
// it, so a search for "two+words" would not find "two words".
HttpRequest withFormDecodedQuery(HttpRequest request) {
    QString encoded = request.query.query(QUrl::FullyEncoded);
    if (encoded.contains(u'+')) {
        encoded.replace(u'+', u"%20"_s);
        request.query = QUrlQuery(encoded);
    }
    return request;
}

template <typename Endpoints, typename Call>
Router::Handler authenticated(const ServerContext& context, Call call) {
    return [&context, call](const HttpRequest& request) {
        return context.db.run([&context, call, request = withFormDecodedQuery(request)](
                                  DbSession& db) -> QHttpServerResponse {
            const auto user = AuthGuard::requireUser(request, db, context);
            if (!user)
                return Reply::fromError(user.error());
            request.noteUserId(user->id);
            Endpoints endpoints(db, user->id);
            return call(endpoints, request);
        });
    };
}

void registerTaskRoutes(Router& router, const ServerContext& context) {
    using E = TaskEndpoints;
    const auto route = [&](Method method, const QString& path, auto call) {
        router.add(method, path, authenticated<E>(context, call));
    };
    route(Method::Get, u"/api/tasks/stats/summary"_s,
          [](E& e, const HttpRequest&) { return e.stats(); });
    route(Method::Get, u"/api/tasks/"_s, [](E& e, const HttpRequest& r) { return e.list(r); });
    route(Method::Post, u"/api/tasks/"_s, [](E& e, const HttpRequest& r) { return e.create(r); });
    route(Method::Get, u"/api/tasks/{task_id}"_s,
          [](E& e, const HttpRequest& r) { return e.get(r); });
    route(Method::Patch, u"/api/tasks/{task_id}"_s,
          [](E& e, const HttpRequest& r) { return e.patch(r); });
    route(Method::Delete, u"/api/tasks/{task_id}"_s,
          [](E& e, const HttpRequest& r) { return e.remove(r); });
    route(Method::Post, u"/api/tasks/{task_id}/complete"_s,
          [](E& e, const HttpRequest& r) { return e.complete(r); });
    route(Method::Post, u"/api/tasks/{task_id}/uncomplete"_s,
          [](E& e, const HttpRequest& r) { return e.uncomplete(r); });
}

void registerGoalRoutes(Router& router, const ServerContext& context) {
    using E = GoalEndpoints;
    const auto route = [&](Method method, const QString& path, auto call) {
        router.add(method, path, authenticated<E>(context, call));
    };
    route(Method::Get, u"/api/goals/stats/summary"_s,
          [](E& e, const HttpRequest&) { return e.stats(); });
    route(Method::Get, u"/api/goals/"_s, [](E& e, const HttpRequest& r) { return e.list(r); });
    route(Method::Post, u"/api/goals/"_s, [](E& e, const HttpRequest& r) { return e.create(r); });
    route(Method::Get, u"/api/goals/{goal_id}"_s,
          [](E& e, const HttpRequest& r) { return e.get(r); });
    route(Method::Patch, u"/api/goals/{goal_id}"_s,
          [](E& e, const HttpRequest& r) { return e.patch(r); });
    route(Method::Delete, u"/api/goals/{goal_id}"_s,
          [](E& e, const HttpRequest& r) { return e.remove(r); });
    route(Method::Post, u"/api/goals/{goal_id}/calculate-progress"_s,
          [](E& e, const HttpRequest& r) { return e.calculateProgress(r); });
}

} // namespace

void registerRestRoutes(Router& router, const ServerContext& context) {
    registerTaskRoutes(router, context);
    registerGoalRoutes(router, context);
}

} // namespace bizy::server
