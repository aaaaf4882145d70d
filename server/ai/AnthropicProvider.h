#pragma once

#include "AiProvider.h"
#include "VendorClient.h"

#include <QUrl>

namespace bizy::server {

struct AiSettings;

// The Anthropic Messages API: POST <base>/v1/messages with x-api-key and
// anthropic-version; the answer's text blocks joined are the model's text.
class AnthropicProvider : public AiProvider {
public:
    explicit AnthropicProvider(const AiSettings& settings);

    QFuture<bizy::Result<QString>> complete(const AiPrompt& prompt) override;
    void cancelAll() override { m_client.cancelAll(); }

    static constexpr const char* kApiVersion = "2023-06-01";

private:
    VendorClient m_client;
    QUrl m_endpoint;
    QString m_model;
    QByteArray m_apiKey;
};

} // namespace bizy::server
