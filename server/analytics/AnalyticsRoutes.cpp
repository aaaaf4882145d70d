#include "AnalyticsRoutes.h"

#include "analytics/AnalyticsWindow.h"
#include "analytics/GoalAnalytics.h"
#include "analytics/TaskAnalytics.h"
#include "analytics/TrendAnalytics.h"
#include "analytics/VelocityAnalytics.h"
#include "auth/AuthGuard.h"
#include "db/DbRunner.h"
#include "http/QueryParams.h"
#include "http/Reply.h"
#include "http/Router.h"
#include "model/IsoDateTime.h"

#include <optional>

using namespace Qt::StringLiterals;

namespace bizy::server {

namespace {

using Method = Router::Method;

// The `days` query parameter of one route: its default and bounds.
struct DaysRange {
    int fallback;
    int minimum;
    int maximum;
};

using Answer = std::function<QHttpServerResponse(DbSession& db, qint64 userId, const HttpRequest&)>;

// Authentication first (as on every /api route, before the query is read),
// then the answer, on a worker thread.
Router::Handler authenticated(const ServerContext& context, Answer answer) {
    return [&context, answer](const HttpRequest& request) {
        return context.db.run([&context, answer, request](DbSession& db) -> QHttpServerResponse {
            const auto user = AuthGuard::requireUser(request, db, context);
            if (!user)
                return Reply::fromError(user.error());
            request.noteUserId(user->id);
            return answer(db, user->id, request);
        });
    };
}

// A report's answer read in one REPEATABLE READ snapshot, so that its
// statements agree with each other. No parallel workers: a report scans at
// most one user's rows, and starting a worker took longer than the scan
// (bench/README.md, "Analytics").
QHttpServerResponse inOneSnapshot(DbSession& db,
                                  const std::function<QHttpServerResponse()>& report) {
    std::optional<QHttpServerResponse> answer;
    db.transaction([&] {
        db.exec(u"SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"_s);
        db.exec(u"SET LOCAL max_parallel_workers_per_gather = 0"_s);
        answer.emplace(report());
    });
    return std::move(*answer);
}

// A report over the window of `days` ending now; a bad `days` is a 422 at
// ["query","days"].
template <typename Analytics>
Router::Handler windowed(const ServerContext& context, DaysRange range) {
    return authenticated(context, [range](DbSession& db, qint64 userId,
                                          const HttpRequest& request) {
        QueryParams params(request.query);
        const qint64 days = params.integer(u"days"_s, range.fallback, range.minimum, range.maximum);
        if (!params.ok())
            return Reply::validation(params.errors());
        return inOneSnapshot(db, [&] {
            return Reply::json(200,
                               Analytics(db, userId).report(AnalyticsWindow::endingNow(int(days))));
        });
    });
}

} // namespace

void registerAnalyticsRoutes(Router& router, const ServerContext& context) {
    router.add(Method::Get, u"/api/analytics/tasks"_s,
               windowed<TaskAnalytics>(context, {7, 1, 90}));
    router.add(Method::Get, u"/api/analytics/goals"_s,
               authenticated(context, [](DbSession& db, qint64 userId, const HttpRequest&) {
                   return inOneSnapshot(db, [&] {
                       return Reply::json(
                           200, GoalAnalytics(db, userId).report(bizy::IsoDateTime::nowUtc()));
                   });
               }));
    router.add(Method::Get, u"/api/analytics/velocity"_s,
               windowed<VelocityAnalytics>(context, {30, 7, 90}));
    router.add(Method::Get, u"/api/analytics/trends"_s,
               windowed<TrendAnalytics>(context, {30, 7, 90}));
}

} // namespace bizy::server
