#include "SyncRoutes.h"

#include "auth/AuthGuard.h"
#include "db/DbRunner.h"
#include "http/Reply.h"
#include "http/Router.h"
#include "sync/PushRequest.h"
#include "sync/SyncPull.h"
#include "sync/SyncPush.h"

using namespace Qt::StringLiterals;

namespace bizy::server {

void registerSyncRoutes(Router& router, const ServerContext& context) {
    router.add(Router::Method::Post, u"/api/sync/push"_s, [&context](const HttpRequest& request) {
        return context.db.run([&context, request](DbSession& db) -> QHttpServerResponse {
            const auto user = AuthGuard::requireUser(request, db, context);
            if (!user)
                return Reply::fromError(user.error());
            request.noteUserId(user->id);
            const auto body = request.jsonObject();
            if (!body)
                return Reply::fromError(body.error());
            if (PushRequest::tooManyMutations(body.value()))
                return Reply::detail(413, u"Too many mutations: at most %1 per push"_s.arg(
                                              PushRequest::kMaxMutations));
            const auto push = PushRequest::parse(body.value());
            if (!push)
                return Reply::fromError(push.error());
            return SyncPush(db, user->id).run(push.value());
        });
    });
    router.add(Router::Method::Get, u"/api/sync/pull"_s, [&context](const HttpRequest& request) {
        return context.db.run([&context, request](DbSession& db) -> QHttpServerResponse {
            const auto user = AuthGuard::requireUser(request, db, context);
            if (!user)
                return Reply::fromError(user.error());
            request.noteUserId(user->id);
            return SyncPull(db, user->id).run(request);
        });
    });
}

} // namespace bizy::server
