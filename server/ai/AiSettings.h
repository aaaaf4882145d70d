#pragma once

#include "model/Result.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QUrl>

namespace bizy::server {

// Which AI provider the goal breakdown and the briefings ask, if any. Off
// unless configured:
//   BIZY_AI_BASE_URL set   an OpenAI-compatible chat-completions endpoint (a local
//                          Ollama or llama.cpp server); BIZY_AI_MODEL required,
//                          BIZY_AI_API_KEY optional (sent as a bearer token)
//   ANTHROPIC_API_KEY set  the Anthropic Messages API (BIZY_ANTHROPIC_BASE_URL
//                          overrides https://api.anthropic.com; BIZY_AI_MODEL the model)
// plus BIZY_AI_TIMEOUT_SECONDS (per provider call) and BIZY_AI_RATE_LIMIT (calls
// per user per minute, 0 = no limit).
struct AiSettings {
    enum class Vendor { None, Anthropic, OpenAiCompatible };

    Vendor vendor = Vendor::None;
    QUrl baseUrl;
    QString model;
    QByteArray apiKey;
    int timeoutSeconds = 60;
    int callsPerMinute = 10;

    // The longest reply asked for: 50 suggestions with descriptions fit.
    static constexpr int kMaxReplyTokens = 4096;

    static constexpr const char* kDefaultAnthropicModel = "claude-sonnet-4-5";
    static constexpr const char* kDefaultAnthropicUrl = "https://api.anthropic.com";

    bool configured() const { return vendor != Vendor::None; }
    // "Anthropic claude-sonnet-4-5 at https://api.anthropic.com", for the log (never the key).
    QString describe() const;

    static bizy::Result<AiSettings> fromVariables(const QHash<QString, QString>& variables);
};

} // namespace bizy::server
