#include "ApiClient.h"

#include "NetLog.h"
#include "TokenProvider.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace bizy {

struct ApiClient::Call {
    ApiRequest request;
    QPointer<QObject> context;
    bool hasContext = false;
    Callback callback;
    int attempts = 0;      // requests sent so far
    int retryAttempts = 0; // attempts counted against RetryPolicy::maxAttempts
    bool replayedAfterRefresh = false;
    QString sentToken;
    QElapsedTimer clock;
};

ApiClient::ApiClient(const QUrl& baseUrl, QObject* parent)
    : QObject(parent)
    , m_baseUrl(baseUrl) {
    // Never follow a redirect from https to http with a token on it.
    m_network.setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
}

ApiClient::~ApiClient() {
    // Replies still running must not call back into a half-destroyed client.
    const auto replies = m_network.findChildren<QNetworkReply*>();
    for (QNetworkReply* reply : replies) {
        reply->disconnect(this);
        reply->abort();
    }
}

void ApiClient::get(const QString& path, QObject* context, Callback callback) {
    send({.method = "GET"_ba, .path = path}, context, std::move(callback));
}

void ApiClient::post(const QString& path, const QJsonValue& body, QObject* context,
                     Callback callback) {
    send({.method = "POST"_ba, .path = path, .body = body}, context, std::move(callback));
}

void ApiClient::patch(const QString& path, const QJsonValue& body, QObject* context,
                      Callback callback) {
    send({.method = "PATCH"_ba, .path = path, .body = body}, context, std::move(callback));
}

void ApiClient::deleteResource(const QString& path, QObject* context, Callback callback) {
    send({.method = "DELETE"_ba, .path = path}, context, std::move(callback));
}

void ApiClient::send(const ApiRequest& request, QObject* context, Callback callback) {
    auto call = std::make_shared<Call>();
    call->request = request;
    call->context = context;
    call->hasContext = context != nullptr;
    call->callback = std::move(callback);
    call->clock.start();
    ++m_pending;
    startAttempt(call);
}

QUrl ApiClient::urlFor(const ApiRequest& request) const {
    QUrl url = m_baseUrl;
    QString basePath = url.path();
    if (basePath.endsWith(u'/'))
        basePath.chop(1);
    url.setPath(basePath + request.path);
    if (!request.query.isEmpty())
        url.setQuery(request.query);
    return url;
}

void ApiClient::startAttempt(const std::shared_ptr<Call>& call) {
    ++call->attempts;
    ++call->retryAttempts;
    QNetworkRequest request(urlFor(call->request));
    request.setRawHeader("Accept"_ba, "application/json"_ba);
    request.setTransferTimeout(call->request.timeoutMs > 0 ? call->request.timeoutMs
                                                           : m_defaultTimeoutMs);
    call->sentToken.clear();
    if (call->request.authenticated && m_tokenProvider) {
        call->sentToken = m_tokenProvider->accessToken();
        if (!call->sentToken.isEmpty())
            request.setRawHeader("Authorization"_ba, "Bearer "_ba + call->sentToken.toUtf8());
    }
    QByteArray body;
    if (!call->request.body.isUndefined()) {
        const QJsonValue& value = call->request.body;
        body = value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                               : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
    }
    QNetworkReply* reply = body.isEmpty() && call->request.method == "GET"_ba
                               ? m_network.get(request)
                               : m_network.sendCustomRequest(request, call->request.method, body);
    connect(reply, &QNetworkReply::finished, this,
            [this, call, reply] { handleFinished(call, reply); });
}

void ApiClient::handleFinished(const std::shared_ptr<Call>& call, QNetworkReply* reply) {
    reply->deleteLater();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    const QString path = call->request.path;
    const QByteArray method = call->request.method;

    if (status == 0) {
        // Qt reports an expired transfer timeout as OperationCanceledError (we
        // never abort a reply ourselves) or, in newer versions, TimeoutError.
        const QNetworkReply::NetworkError code = reply->error();
        const bool timedOut =
            code == QNetworkReply::OperationCanceledError || code == QNetworkReply::TimeoutError;
        qCInfo(lcNet).noquote() << QString::fromLatin1(method) << path
                                << (timedOut ? u"timed out"_s
                                             : u"failed: "_s + reply->errorString())
                                << "after" << call->clock.elapsed() << "ms, attempt"
                                << call->attempts;
        retryOrFinish(call,
                      timedOut ? ApiError::timeout() : ApiError::network(reply->errorString()));
        return;
    }

    qCInfo(lcNet).noquote() << QString::fromLatin1(method) << path << status << "in"
                            << call->clock.elapsed() << "ms, attempt" << call->attempts;

    if (status >= 200 && status < 300) {
        ApiReply answer;
        answer.httpStatus = status;
        answer.body = body;
        if (!body.trimmed().isEmpty()) {
            QJsonParseError parseError;
            const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
            if (parseError.error != QJsonParseError::NoError) {
                answer.error = ApiError::invalidAnswer(status, parseError.errorString());
            } else {
                answer.json = document.isArray() ? QJsonValue(document.array())
                                                 : QJsonValue(document.object());
            }
        }
        finish(call, std::move(answer));
        return;
    }

    const ApiError error = ApiError::fromHttp(status, body, reply->rawHeader("Retry-After"_ba));
    if (status == 401 && call->request.authenticated && m_tokenProvider &&
        !call->replayedAfterRefresh) {
        // One refresh, one replay: a second 401 means the session is really over.
        call->replayedAfterRefresh = true;
        --call->retryAttempts; // the replay does not use up the retry budget
        QPointer<ApiClient> self(this);
        m_tokenProvider->refreshAccessToken(
            call->sentToken, [self, call, error](TokenProvider::RefreshOutcome outcome) {
                if (!self)
                    return;
                if (outcome == TokenProvider::RefreshOutcome::Refreshed) {
                    qCInfo(lcNet).noquote()
                        << "Replaying" << QString::fromLatin1(call->request.method)
                        << call->request.path << "with a refreshed token";
                    self->startAttempt(call);
                } else {
                    // Offline during the refresh is not "log in again": report it as the network.
                    ApiReply answer;
                    answer.error = outcome == TokenProvider::RefreshOutcome::TryLater
                                       ? ApiError::network(u"the session could not be refreshed"_s)
                                       : error;
                    answer.httpStatus = answer.error->httpStatus;
                    self->finish(call, std::move(answer));
                }
            });
        return;
    }
    ApiReply answer;
    answer.body = body;
    answer.httpStatus = status;
    if (error.kind == ApiError::Kind::RateLimited || error.kind == ApiError::Kind::Unavailable) {
        retryOrFinish(call, error);
        return;
    }
    answer.error = error;
    finish(call, std::move(answer));
}

void ApiClient::retryOrFinish(const std::shared_ptr<Call>& call, const ApiError& error) {
    if (call->request.retry && call->retryAttempts < m_retryPolicy.maxAttempts) {
        const int delay = m_retryPolicy.delayMs(call->retryAttempts + 1, error.retryAfterSeconds);
        qCInfo(lcNet).noquote() << "Retrying" << QString::fromLatin1(call->request.method)
                                << call->request.path << "in" << delay << "ms (attempt"
                                << call->retryAttempts + 1 << "of" << m_retryPolicy.maxAttempts
                                << "after" << ApiError::kindName(error.kind) + u")"_s;
        // Precise: a coarse timer may fire up to 5 % early, before the server's Retry-After.
        QTimer::singleShot(delay, Qt::PreciseTimer, this, [this, call] { startAttempt(call); });
        return;
    }
    ApiReply answer;
    answer.error = error;
    answer.httpStatus = error.httpStatus;
    finish(call, std::move(answer));
}

void ApiClient::finish(const std::shared_ptr<Call>& call, ApiReply reply) {
    --m_pending;
    reply.attempts = call->attempts;
    if (reply.error)
        qCInfo(lcNet).noquote() << QString::fromLatin1(call->request.method) << call->request.path
                                << "gave up:" << ApiError::kindName(reply.error->kind)
                                << reply.error->httpStatus << "after" << call->attempts
                                << "attempt(s)," << call->clock.elapsed() << "ms";
    if (call->hasContext && !call->context)
        return;
    if (call->callback)
        call->callback(reply);
}

} // namespace bizy
