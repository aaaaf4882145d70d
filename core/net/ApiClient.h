#pragma once

#include "ApiReply.h"
#include "ApiRequest.h"
#include "RetryPolicy.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <functional>
#include <memory>

namespace bizy {

class TokenProvider;

// Asynchronous JSON calls to one Bizy server. Each request is retried with
// exponential backoff and jitter after network errors, timeouts, 429 and
// 502/503/504 (honouring Retry-After), at most RetryPolicy::maxAttempts times;
// other 4xx answers are never repeated. Authenticated requests carry the
// TokenProvider's Bearer token; after a 401 the provider refreshes once and
// the request is replayed once.
class ApiClient : public QObject {
    Q_OBJECT
public:
    using Callback = std::function<void(const ApiReply&)>;

    explicit ApiClient(const QUrl& baseUrl, QObject* parent = nullptr);
    ~ApiClient() override;

    QUrl baseUrl() const { return m_baseUrl; }
    void setTokenProvider(TokenProvider* provider) { m_tokenProvider = provider; }
    void setRetryPolicy(const RetryPolicy& policy) { m_retryPolicy = policy; }
    RetryPolicy retryPolicy() const { return m_retryPolicy; }
    void setDefaultTimeoutMs(int milliseconds) { m_defaultTimeoutMs = milliseconds; }
    int defaultTimeoutMs() const { return m_defaultTimeoutMs; }

    // Sends the request; `callback` runs once, on this object's thread, unless
    // `context` was destroyed before the answer.
    void send(const ApiRequest& request, QObject* context, Callback callback);

    void get(const QString& path, QObject* context, Callback callback);
    void post(const QString& path, const QJsonValue& body, QObject* context, Callback callback);
    void patch(const QString& path, const QJsonValue& body, QObject* context, Callback callback);
    void deleteResource(const QString& path, QObject* context, Callback callback);

    // Requests not yet answered (retries waiting included).
    int pendingCount() const { return m_pending; }

private:
    struct Call;
    void startAttempt(const std::shared_ptr<Call>& call);
    void handleFinished(const std::shared_ptr<Call>& call, QNetworkReply* reply);
    void retryOrFinish(const std::shared_ptr<Call>& call, const ApiError& error);
    void finish(const std::shared_ptr<Call>& call, ApiReply reply);
    QUrl urlFor(const ApiRequest& request) const;

    QUrl m_baseUrl;
    QNetworkAccessManager m_network;
    TokenProvider* m_tokenProvider = nullptr;
    RetryPolicy m_retryPolicy;
    int m_defaultTimeoutMs = 30000;
    int m_pending = 0;
};

} // namespace bizy
