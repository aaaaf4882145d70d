#pragma once

#include "AiProvider.h"
#include "VendorClient.h"

#include <QUrl>

namespace bizy::server {

struct AiSettings;

// Any OpenAI-compatible chat-completions endpoint (Ollama, llama.cpp's server,
// vLLM, OpenAI itself): POST <base>/chat/completions, JSON output requested,
// the first choice's message content is the model's text. The API key, when
// set, travels as a bearer token.
class OpenAiCompatibleProvider : public AiProvider {
public:
    explicit OpenAiCompatibleProvider(const AiSettings& settings);

    QFuture<bizy::Result<QString>> complete(const AiPrompt& prompt) override;
    void cancelAll() override { m_client.cancelAll(); }

private:
    VendorClient m_client;
    QUrl m_endpoint;
    QString m_model;
    QByteArray m_apiKey;
};

} // namespace bizy::server
