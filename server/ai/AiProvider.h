#pragma once

#include "model/Result.h"

#include <QFuture>
#include <QString>
#include <memory>

namespace bizy::server {

struct AiSettings;

// What one provider call sends: the instructions and the request text
// (both rendered from the prompt templates, see PromptTemplate).
struct AiPrompt {
    QString system;
    QString user;
};

// An AI vendor behind one call: the model's text for a prompt. Implementations
// (AnthropicProvider, OpenAiCompatibleProvider) speak their vendor's HTTP API
// through VendorCall on the thread that owns them (the event loop), never
// block, and always finish: with the text (empty when the answer holds
// none), or with an Error whose message says what went wrong (timeout, HTTP
// status) in words fit for "AI service error: <message>".
class AiProvider {
public:
    virtual ~AiProvider() = default;

    virtual QFuture<bizy::Result<QString>> complete(const AiPrompt& prompt) = 0;
    // Ends every call in flight (each finishes with an error); for shutdown.
    virtual void cancelAll() = 0;

    // The provider the settings name; null when none is configured.
    static std::unique_ptr<AiProvider> fromSettings(const AiSettings& settings);
};

} // namespace bizy::server
