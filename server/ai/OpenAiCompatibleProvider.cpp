#include "OpenAiCompatibleProvider.h"

#include "AiSettings.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace bizy::server {

namespace {

bizy::Result<QString> textOf(const bizy::Result<QJsonObject>& answer) {
    if (!answer)
        return answer.error();
    return answer->value(u"choices"_s)[0][u"message"_s][u"content"_s].toString();
}

} // namespace

OpenAiCompatibleProvider::OpenAiCompatibleProvider(const AiSettings& settings)
    : m_client(settings.timeoutSeconds)
    , m_endpoint(VendorClient::endpoint(settings.baseUrl, u"/chat/completions"_s))
    , m_model(settings.model)
    , m_apiKey(settings.apiKey) {}

QFuture<bizy::Result<QString>> OpenAiCompatibleProvider::complete(const AiPrompt& prompt) {
    QNetworkRequest request(m_endpoint);
    if (!m_apiKey.isEmpty())
        request.setRawHeader("Authorization"_ba, "Bearer "_ba + m_apiKey);
    const QJsonObject body{
        {u"model"_s, m_model},
        {u"max_tokens"_s, AiSettings::kMaxReplyTokens},
        {u"stream"_s, false},
        {u"response_format"_s, QJsonObject{{u"type"_s, u"json_object"_s}}},
        {u"messages"_s,
         QJsonArray{QJsonObject{{u"role"_s, u"system"_s}, {u"content"_s, prompt.system}},
                    QJsonObject{{u"role"_s, u"user"_s}, {u"content"_s, prompt.user}}}},
    };
    return m_client.post(request, body).then(&textOf);
}

} // namespace bizy::server
