#include "AssistantClient.h"

#include "net/ApiClient.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace bizy {

namespace {

// The words for a failed assistant call. The server's 503 means "no provider"
// and its 500 carries the provider's trouble in `detail`.
Error assistantError(const ApiError& error) {
    if (error.httpStatus == 503 && !error.detail.isEmpty())
        return Error::make(Error::Code::Server,
                           u"This server has no AI assistant set up (%1)."_s.arg(error.detail));
    if (error.httpStatus == 500 && !error.detail.isEmpty())
        return Error::make(
            Error::Code::Server,
            u"The assistant could not answer: %1. Try again in a moment."_s.arg(error.detail));
    const Error::Code code =
        error.kind == ApiError::Kind::Network || error.kind == ApiError::Kind::Timeout
            ? Error::Code::Network
            : Error::Code::Server;
    return Error::make(code, error.userMessage());
}

// One try: the person waits for it and can ask again, and a rate limit's
// Retry-After (a minute) is said rather than sat out. The provider may take
// the server's whole timeout (60 s) to answer.
ApiRequest assistantCall(const QByteArray& method, const QString& path,
                         const QJsonValue& body = QJsonValue::Undefined) {
    ApiRequest request;
    request.method = method;
    request.path = path;
    request.body = body;
    request.retry = false;
    request.timeoutMs = 90 * 1000;
    return request;
}

Error noConnection() {
    return Error::make(Error::Code::Network, u"Log in to a Bizy server to use the assistant."_s);
}

} // namespace

AssistantClient::AssistantClient(ApiClient* api)
    : m_api(api) {}

void AssistantClient::checkAvailable(QObject* context, Done<bool> done) const {
    if (!m_api)
        return done(noConnection());
    ApiRequest health;
    health.path = u"/health"_s;
    health.authenticated = false;
    health.retry = false;
    m_api->send(health, context, [done](const ApiReply& reply) {
        // 503 with a body is still an answer: the database is down, the provider may not be.
        if (!reply.ok() && reply.httpStatus != 503)
            return done(assistantError(*reply.error));
        done(QJsonDocument::fromJson(reply.body).object().value(u"ai"_s).toBool());
    });
}

void AssistantClient::breakDown(qint64 goalId, int maxTasks, QObject* context,
                                Done<GoalBreakdown> done) const {
    if (!m_api)
        return done(noConnection());
    const QJsonObject body{{u"max_tasks"_s, maxTasks}, {u"include_description"_s, true}};
    m_api->send(assistantCall("POST", u"/api/goals/%1/breakdown"_s.arg(goalId), body), context,
                [done](const ApiReply& reply) {
                    if (!reply.ok())
                        return done(assistantError(*reply.error));
                    done(GoalBreakdown::fromJson(reply.object()));
                });
}

void AssistantClient::morningBriefing(QObject* context, Done<MorningBriefing> done) const {
    if (!m_api)
        return done(noConnection());
    m_api->send(assistantCall("GET", u"/api/briefings/morning"_s), context,
                [done](const ApiReply& reply) {
                    if (!reply.ok())
                        return done(assistantError(*reply.error));
                    done(MorningBriefing::fromJson(reply.object()));
                });
}

} // namespace bizy
