#include "BizyServer.h"

#include "ServerLog.h"
#include "admin/AdminRoutes.h"
#include "analytics/AnalyticsRoutes.h"
#include "auth/AuthRoutes.h"
#include "auth/PasswordResetRoutes.h"
#include "docs/DocsRoutes.h"
#include "http/GuardedTcpServer.h"
#include "http/Reply.h"
#include "planning/PlanningRoutes.h"
#include "rest/RestRoutes.h"
#include "sync/SyncRoutes.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QPointer>
#include <QTcpSocket>
#include <QTimer>
#include <cstdlib>
#include <optional>

using namespace Qt::StringLiterals;

namespace bizy::server {

namespace {

// The old auth service answered {"error": ...}; its clients read that key.
QHttpServerResponse withErrorKey(QHttpServerResponse response) {
    if (int(response.statusCode()) < 400 || !response.mimeType().contains("json"))
        return response;
    QJsonObject body = QJsonDocument::fromJson(response.data()).object();
    const QJsonValue detail = body.value(u"detail"_s);
    if (detail.isUndefined() || body.contains(u"error"_s))
        return response;
    if (detail.isString()) {
        body.insert(u"error"_s, detail);
    } else {
        QStringList messages;
        for (const QJsonValue& entry : detail.toArray()) {
            const bizy::FieldError error{entry[u"loc"_s].toArray(), entry[u"msg"_s].toString(),
                                         entry[u"type"_s].toString()};
            messages << error.describe();
        }
        body.insert(u"error"_s, messages.join(u"; "_s));
    }
    QHttpServerResponse rebuilt(body, response.statusCode());
    for (const QByteArray& name : {"WWW-Authenticate"_ba, "Retry-After"_ba}) {
        const QList<QByteArray> values = response.headers(name);
        for (const QByteArray& value : values)
            rebuilt.addHeader(name, value);
    }
    return rebuilt;
}

// GET /health: 200 when PostgreSQL answers, 503 with the same fields when not;
// `ai` tells clients whether the AI routes can answer (the old auth probe's
// body leaves it out).
QJsonObject healthBody(bool connected, std::optional<bool> ai = std::nullopt) {
    QJsonObject body{{u"status"_s, connected ? u"healthy"_s : u"unhealthy"_s},
                     {u"service"_s, u"bizy-server"_s},
                     {u"version"_s, QStringLiteral(BIZY_VERSION)},
                     {u"database"_s, connected ? u"connected"_s : u"disconnected"_s}};
    if (ai)
        body.insert(u"ai"_s, *ai);
    if (!connected)
        body.insert(u"detail"_s, u"Database unavailable"_s);
    return body;
}

// GET /: the old backend's keys. Its "simple_docs" pages are not served, hence
// the null; "docs" is the page of DocsRoutes.
QJsonObject rootBody() {
    return {{u"message"_s, u"Bizy AI API"_s},
            {u"version"_s, QStringLiteral(BIZY_VERSION)},
            {u"docs"_s, u"/api/docs"_s},
            {u"simple_docs"_s, QJsonValue()},
            {u"health"_s, u"/health"_s}};
}

QHttpServerResponse takeResponse(QFuture<QHttpServerResponse>& future) {
    try {
        if (future.resultCount() > 0)
            return future.takeResult();
        qCWarning(lcServer) << "A route finished without an answer";
    } catch (const std::exception& exception) {
        qCWarning(lcServer) << "A route failed:" << exception.what();
    } catch (...) {
        qCWarning(lcServer) << "A route failed with an unknown exception";
    }
    return Reply::detail(503, u"Service temporarily unavailable"_s);
}

} // namespace

BizyServer::BizyServer(ServerConfig config, QObject* parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_db(m_config.database, m_config.workers)
    , m_jwt(m_config.jwtSecret)
    , m_rateLimiter(m_config.authRateLimit)
    , m_ai(m_config.ai)
    , m_mailer(m_config.mail)
    , m_context{m_config, m_db, m_jwt, m_rateLimiter, m_mailer} {
    registerRoutes();
    connect(&m_mailer, &Mailer::idle, this, [this] {
        if (m_stopping)
            finishShutdownWhenIdle();
    });
    m_http.setMissingHandler(
        [this](const QHttpServerRequest& request, QHttpServerResponder&& responder) {
            dispatch(request, std::move(responder));
        });
}

BizyServer::~BizyServer() {
    m_db.shutdown();
}

void BizyServer::registerRoutes() {
    const bool ai = m_ai.configured();
    m_router.add(Router::Method::Get, u"/health"_s, [this, ai](const HttpRequest&) {
        const DbRunner::UnavailableAnswer down =
            ai ? +[] { return Reply::json(503, healthBody(false, true)); }
               : +[] { return Reply::json(503, healthBody(false, false)); };
        return m_db.run(
            [ai](DbSession& db) {
                db.exec(u"SELECT 1"_s);
                return Reply::json(200, healthBody(true, ai));
            },
            down);
    });
    // The old backend's probe of its auth service (docs/api.md section 10):
    // always 200, the state in the body.
    m_router.add(
        Router::Method::Get, u"/api/auth/auth-server-health"_s, [this](const HttpRequest&) {
            return m_db.run(
                [](DbSession& db) {
                    db.exec(u"SELECT 1"_s);
                    return Reply::json(200, QJsonObject{{u"auth_server"_s, healthBody(true)}});
                },
                [] {
                    QJsonObject body = healthBody(false);
                    body.insert(u"error"_s, body.value(u"detail"_s));
                    return Reply::json(200, QJsonObject{{u"auth_server"_s, body}});
                });
        });
    m_router.add(Router::Method::Get, u"/"_s,
                 [](const HttpRequest&) { return Reply::ready(Reply::json(200, rootBody())); });
    registerAuthRoutes(m_router, m_context);
    registerPasswordResetRoutes(m_router, m_context);
    registerAdminRoutes(m_router, m_context);
    registerRestRoutes(m_router, m_context);
    registerSyncRoutes(m_router, m_context);
    registerPlanningRoutes(m_router, m_context, m_ai);
    registerAnalyticsRoutes(m_router, m_context);
    registerDocsRoutes(m_router);
}

bool BizyServer::listen() {
    QHostAddress address;
    if (m_config.host == u"localhost"_s)
        address = QHostAddress::LocalHost;
    else if (!address.setAddress(m_config.host)) {
        qCCritical(lcServer) << "BIZY_HOST is not an IP address:" << m_config.host;
        return false;
    }
    QStringList endpoints;
    for (const quint16 port : m_config.ports) {
        auto* listener =
            new GuardedTcpServer(m_config.maxBodyBytes, m_config.idleTimeoutSeconds, this);
        if (!listener->listen(address, port)) {
            qCCritical(lcServer) << "Cannot listen on" << m_config.host << port << ":"
                                 << listener->errorString();
            return false;
        }
        m_http.bind(listener);
        m_listeners << listener;
        endpoints << address.toString() + u':' + QString::number(listener->serverPort());
    }
    qCInfo(lcServer) << "bizy-server" << BIZY_VERSION << "listening on" << endpoints.join(u", "_s)
                     << "with" << m_config.workers << "workers, mail server"
                     << m_config.mail.describe() << "and database" << m_config.database.describe();
    return true;
}

void BizyServer::dispatch(const QHttpServerRequest& qtRequest, QHttpServerResponder&& responder) {
    QElapsedTimer timer;
    timer.start();
    HttpRequest request = HttpRequest::fromQt(qtRequest);
    auto sharedResponder = std::make_shared<QHttpServerResponder>(std::move(responder));
    QPointer<QTcpSocket> socket = sharedResponder->socket();
    ++m_inFlight;

    QFuture<QHttpServerResponse> future;
    const QByteArray allowedOrigin = corsOriginFor(request);
    if (!allowedOrigin.isEmpty() && request.method == QHttpServerRequest::Method::Options &&
        !request.header("access-control-request-method"_ba).isEmpty()) {
        // A browser's preflight: say what may follow, nothing else.
        QHttpServerResponse preflight(QHttpServerResponse::StatusCode::Ok);
        preflight.setHeader("Access-Control-Allow-Methods"_ba,
                            "GET, POST, PUT, PATCH, DELETE, OPTIONS"_ba);
        preflight.setHeader("Access-Control-Allow-Headers"_ba,
                            "Authorization, Content-Type, Accept"_ba);
        preflight.setHeader("Access-Control-Max-Age"_ba, "600"_ba);
        future = Reply::ready(std::move(preflight));
    } else if (m_stopping) {
        future = Reply::ready(Reply::detail(503, u"Server is shutting down"_s));
    } else {
        Router::Match match = m_router.match(request.method, request.path);
        try {
            switch (match.outcome) {
            case Router::Outcome::Found:
                request.pathParams = match.params;
                future = (*match.handler)(request);
                break;
            case Router::Outcome::WrongMethod:
                future = Reply::ready(Reply::methodNotAllowed());
                break;
            case Router::Outcome::NotFound:
                future = Reply::ready(Reply::notFound());
                break;
            }
        } catch (const std::exception& exception) {
            qCWarning(lcServer) << "Route failed:" << exception.what();
            future = Reply::ready(Reply::detail(503, u"Service temporarily unavailable"_s));
        }
    }

    future.then(this, [this, request, sharedResponder, socket, timer,
                       allowedOrigin](QFuture<QHttpServerResponse> done) {
        QHttpServerResponse response = takeResponse(done);
        if (request.isAuthServicePath())
            response = withErrorKey(std::move(response));
        if (!allowedOrigin.isEmpty()) {
            response.setHeader("Access-Control-Allow-Origin"_ba, allowedOrigin);
            response.setHeader("Vary"_ba, "Origin"_ba);
        }
        const int status = int(response.statusCode());
        if (socket)
            response.write(std::move(*sharedResponder));
        logAccess(Router::methodName(request.method), request.path.left(200), status,
                  timer.elapsed(), request.loggedUserId());
        --m_inFlight;
        if (m_stopping)
            finishShutdownWhenIdle();
    });
}

QByteArray BizyServer::corsOriginFor(const HttpRequest& request) const {
    const QByteArray origin = request.header("origin"_ba);
    if (origin.isEmpty() || m_config.corsOrigins.isEmpty())
        return {};
    if (m_config.corsOrigins.contains(u"*"_s))
        return "*"_ba;
    return m_config.corsOrigins.contains(QString::fromUtf8(origin)) ? origin : QByteArray();
}

void BizyServer::shutdown() {
    if (m_stopping)
        return;
    m_stopping = true;
    qCInfo(lcServer) << "Shutting down:" << m_inFlight << "request(s) in flight";
    for (GuardedTcpServer* listener : m_listeners)
        listener->close(); // no new connections
    m_ai.cancelAll();      // a provider call would hold its request up to the AI timeout
    // A request stuck on a hung database must not keep the process alive forever.
    // Waiting for its worker would hang too, so give up with exit code 1.
    QTimer::singleShot(kShutdownGraceMs, this, [this] {
        if (m_inFlight == 0)
            return;
        qCCritical(lcServer) << "Giving up on" << m_inFlight << "unfinished request(s)";
        std::_Exit(1);
    });
    finishShutdownWhenIdle();
}

void BizyServer::finishShutdownWhenIdle() {
    // A reset mail being sent is a request's answer still on its way.
    if (m_inFlight > 0 || m_mailer.pending() > 0 || m_stopped)
        return;
    m_stopped = true;
    // Let the last answers leave the sockets before the event loop ends.
    QTimer::singleShot(100, this, [this] {
        m_db.shutdown();
        qCInfo(lcServer) << "Stopped";
        emit stopped();
    });
}

} // namespace bizy::server
