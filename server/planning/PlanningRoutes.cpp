#include "PlanningRoutes.h"

#include "BreakdownRequest.h"
#include "EveningBriefing.h"
#include "GoalBreakdown.h"
#include "MorningBriefing.h"
#include "ResearchBriefing.h"
#include "auth/AuthGuard.h"
#include "db/DbRunner.h"
#include "http/Reply.h"
#include "http/Router.h"

using namespace Qt::StringLiterals;

namespace bizy::server {

namespace {

template <typename Request> AssistedRequest::Factory make() {
    return [] { return std::make_unique<Request>(); };
}

} // namespace

void registerPlanningRoutes(Router& router, const ServerContext& context, AiAssistant& ai) {
    using Method = Router::Method;
    router.add(Method::Post, u"/api/goals/{goal_id}/breakdown"_s,
               AssistedRequest::handler(context, ai, make<BreakdownRequest>()));
    router.add(Method::Post, u"/api/goals/{goal_id}/breakdown/create-tasks"_s,
               [&context](const HttpRequest& request) {
                   return context.db.run([&context, request](DbSession& db) -> QHttpServerResponse {
                       const auto user = AuthGuard::requireUser(request, db, context);
                       if (!user)
                           return Reply::fromError(user.error());
                       request.noteUserId(user->id);
                       return GoalBreakdown(db, user->id).createTasks(request);
                   });
               });
    router.add(Method::Get, u"/api/briefings/morning"_s,
               AssistedRequest::handler(context, ai, make<MorningBriefing>()));
    router.add(Method::Post, u"/api/briefings/evening"_s,
               AssistedRequest::handler(context, ai, make<EveningBriefing>()));
    router.add(Method::Post, u"/api/briefings/research"_s,
               AssistedRequest::handler(context, ai, make<ResearchBriefing>()));
}

} // namespace bizy::server
