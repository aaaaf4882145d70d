#pragma once

#include "AiProvider.h"
#include "auth/RateLimiter.h"

#include <QFuture>
#include <QHttpServerResponse>
#include <QJsonObject>
#include <QObject>
#include <memory>
#include <optional>

namespace bizy::server {

struct AiSettings;

// What the AI routes (goal breakdown, briefings) ask of the configured
// provider, if any: one JSON object per call, within the provider's timeout
// and each user's rate limit. Lives on the event loop, like the provider.
class AiAssistant : public QObject {
    Q_OBJECT
public:
    explicit AiAssistant(const AiSettings& settings, QObject* parent = nullptr);
    ~AiAssistant() override;

    bool configured() const { return m_provider != nullptr; }
    // 503 with the contract's words, for every AI route while none is configured.
    static QHttpServerResponse notConfigured();

    // Counts one call of the user; when over BIZY_AI_RATE_LIMIT, the 429 to
    // answer instead (the call is not counted then).
    std::optional<QHttpServerResponse> admit(qint64 userId);
    // The system prompt and `request` to the provider; the reply as a JSON
    // object, or an Error whose message is the whole 500 detail: "AI service
    // error: ..." when the provider failed, "Failed to parse AI response: ..."
    // when its text is not JSON. Finishes on this object's thread.
    QFuture<bizy::Result<QJsonObject>> askForJson(const QString& request);
    // Ends the calls in flight (shutdown): each answers 500 at once.
    void cancelAll();

    static QString serviceError(const QString& what) {
        return QStringLiteral("AI service error: ") + what;
    }

private:
    std::unique_ptr<AiProvider> m_provider;
    RateLimiter m_rateLimiter;
};

} // namespace bizy::server
