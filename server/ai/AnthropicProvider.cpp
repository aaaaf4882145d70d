#include "AnthropicProvider.h"

#include "AiSettings.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace bizy::server {

namespace {

bizy::Result<QString> textOf(const bizy::Result<QJsonObject>& answer) {
    if (!answer)
        return answer.error();
    QString text;
    for (const QJsonValue& block : answer->value(u"content"_s).toArray()) {
        if (block[u"type"_s].toString() == u"text"_s)
            text += block[u"text"_s].toString();
    }
    return text;
}

} // namespace

AnthropicProvider::AnthropicProvider(const AiSettings& settings)
    : m_client(settings.timeoutSeconds)
    , m_endpoint(VendorClient::endpoint(settings.baseUrl, u"/v1/messages"_s))
    , m_model(settings.model)
    , m_apiKey(settings.apiKey) {}

QFuture<bizy::Result<QString>> AnthropicProvider::complete(const AiPrompt& prompt) {
    QNetworkRequest request(m_endpoint);
    request.setRawHeader("x-api-key"_ba, m_apiKey);
    request.setRawHeader("anthropic-version"_ba, kApiVersion);
    const QJsonObject body{
        {u"model"_s, m_model},
        {u"max_tokens"_s, AiSettings::kMaxReplyTokens},
        {u"system"_s, prompt.system},
        {u"messages"_s,
         QJsonArray{QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, prompt.user}}}},
    };
    return m_client.post(request, body).then(&textOf);
}

} // namespace bizy::server
