#pragma once

#include "ServerConfig.h"
#include "ServerContext.h"
#include "ai/AiAssistant.h"
#include "auth/Jwt.h"
#include "auth/RateLimiter.h"
#include "db/DbRunner.h"
#include "http/Router.h"
#include "mail/Mailer.h"

#include <QHttpServer>
#include <QObject>

namespace bizy::server {

class GuardedTcpServer;

// The running server: one QHttpServer whose every request goes through
// dispatch() (Router: 404/405, the handler's future, the "error" key of the
// auth-service paths, the access log). Routes are registered in
// registerRoutes() in BizyServer.cpp, one call per module.
class BizyServer : public QObject {
    Q_OBJECT
public:
    explicit BizyServer(ServerConfig config, QObject* parent = nullptr);
    ~BizyServer() override;

    // Binds host to every configured port (each serves every route); false
    // (with the reason logged) when one cannot be bound.
    bool listen();

    // Stops accepting on every port, lets in-flight requests and mails finish,
    // closes the database connections, then emits stopped().
    void shutdown();

    ServerContext& context() { return m_context; }
    // Every route registered; the documentation's completeness test reads it.
    const Router& router() const { return m_router; }

    static constexpr int kShutdownGraceMs = 25000;

signals:
    void stopped();

private:
    void registerRoutes();
    void dispatch(const QHttpServerRequest& request, QHttpServerResponder&& responder);
    void finishShutdownWhenIdle();
    // The Access-Control-Allow-Origin value for this request, empty for none.
    QByteArray corsOriginFor(const HttpRequest& request) const;

    ServerConfig m_config;
    DbRunner m_db;
    Jwt m_jwt;
    RateLimiter m_rateLimiter;
    AiAssistant m_ai;
    Mailer m_mailer;
    ServerContext m_context;
    Router m_router;
    QHttpServer m_http;
    QList<GuardedTcpServer*> m_listeners;
    int m_inFlight = 0;
    bool m_stopping = false;
    bool m_stopped = false;
};

} // namespace bizy::server
