#pragma once

#include "http/HttpRequest.h"

#include <QFuture>
#include <QHttpServerResponse>
#include <QList>
#include <QString>
#include <QStringList>
#include <functional>

namespace bizy::server {

// Maps method + path to a handler. Patterns are literal segments and
// `{name}` captures; a trailing slash is optional on both sides, so
// "/api/tasks/" also answers "/api/tasks". A path that matches with another
// method answers 405, no match at all 404.
//
// Adding a route (see RestRoutes and AuthRoutes for the real ones):
//
//     router.add(Method::Get, u"/api/tasks/{task_id}"_s, [&ctx](const HttpRequest& request) {
//         return ctx.db.run([&ctx, request](DbSession& db) -> QHttpServerResponse {
//             auto user = AuthGuard::requireUser(request, db, ctx);   // 401 or the user
//             if (!user) return Reply::fromError(user.error());
//             auto id = request.pathId(u"task_id"_s);                 // 422 loc ["path", ...]
//             if (!id) return Reply::fromError(id.error());
//             QSqlQuery row = db.exec(u"SELECT ... WHERE id = ? AND user_id = ?"_s,
//                                     {id.value(), user->id});
//             if (!row.next()) return Reply::detail(404, u"Task %1 not found"_s.arg(id.value()));
//             return Reply::json(200, ...);
//         });
//     });
//
// Handlers run on the main thread: they only copy what they need and hand the
// work to ctx.db.run (database work and hashing never block the event loop).
class Router {
public:
    using Method = QHttpServerRequest::Method;
    using Handler = std::function<QFuture<QHttpServerResponse>(const HttpRequest&)>;

    void add(Method method, const QString& pattern, Handler handler);

    // What is routed, in the order it was added: the documentation and its
    // completeness test read this (docs/).
    struct RouteInfo {
        Method method;
        QString pattern; // as given to add(), e.g. "/api/tasks/{task_id}"
    };
    QList<RouteInfo> routes() const;

    // "GET", "POST", ...: the access log's and the documentation's spelling.
    static QString methodName(Method method);

    enum class Outcome { Found, WrongMethod, NotFound };
    struct Match {
        Outcome outcome = Outcome::NotFound;
        const Handler* handler = nullptr;
        QHash<QString, QString> params;
    };
    Match match(Method method, const QString& path) const;

private:
    struct Route {
        Method method;
        QString pattern;
        QStringList segments;
        Handler handler;
    };
    static QStringList split(const QString& path);
    static bool matches(const Route& route, const QStringList& segments,
                        QHash<QString, QString>* params);

    QList<Route> m_routes;
};

} // namespace bizy::server
