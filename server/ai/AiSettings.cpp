#include "AiSettings.h"

#include "ServerConfig.h"

using namespace Qt::StringLiterals;

namespace bizy::server {

namespace {

bizy::Error settingsError(const QString& message) {
    return bizy::Error::make(bizy::Error::Code::Incompatible, message);
}

// An http(s) URL with a host, or nullopt.
std::optional<QUrl> baseUrlFrom(const QString& text) {
    const QUrl url(text.trimmed(), QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != u"http"_s && url.scheme() != u"https"_s))
        return std::nullopt;
    return url;
}

} // namespace

QString AiSettings::describe() const {
    switch (vendor) {
    case Vendor::None:
        return u"none"_s;
    case Vendor::Anthropic:
        return u"Anthropic "_s + model + u" at "_s + baseUrl.toString();
    case Vendor::OpenAiCompatible:
        return u"OpenAI-compatible "_s + model + u" at "_s + baseUrl.toString();
    }
    return {};
}

bizy::Result<AiSettings> AiSettings::fromVariables(const QHash<QString, QString>& variables) {
    AiSettings settings;
    const QString customUrl = variables.value(u"BIZY_AI_BASE_URL"_s).trimmed();
    const QString anthropicKey = variables.value(u"ANTHROPIC_API_KEY"_s).trimmed();
    const QString model = variables.value(u"BIZY_AI_MODEL"_s).trimmed();

    if (!customUrl.isEmpty()) {
        const auto url = baseUrlFrom(customUrl);
        if (!url)
            return settingsError(u"BIZY_AI_BASE_URL must be an http(s) URL such as "
                                 "http://localhost:11434/v1, got \""_s +
                                 customUrl + u"\""_s);
        if (model.isEmpty())
            return settingsError(u"BIZY_AI_MODEL must name the model BIZY_AI_BASE_URL serves"_s);
        settings.vendor = Vendor::OpenAiCompatible;
        settings.baseUrl = *url;
        settings.model = model;
        settings.apiKey = variables.value(u"BIZY_AI_API_KEY"_s).trimmed().toUtf8();
    } else if (!anthropicKey.isEmpty()) {
        const QString urlText = variables.value(u"BIZY_ANTHROPIC_BASE_URL"_s).trimmed();
        const auto url =
            baseUrlFrom(urlText.isEmpty() ? QString::fromLatin1(kDefaultAnthropicUrl) : urlText);
        if (!url)
            return settingsError(u"BIZY_ANTHROPIC_BASE_URL must be an http(s) URL, got \""_s +
                                 urlText + u"\""_s);
        settings.vendor = Vendor::Anthropic;
        settings.baseUrl = *url;
        settings.model = model.isEmpty() ? QString::fromLatin1(kDefaultAnthropicModel) : model;
        settings.apiKey = anthropicKey.toUtf8();
    }

    QString error;
    const auto timeout =
        ServerConfig::readInteger(variables, u"BIZY_AI_TIMEOUT_SECONDS"_s, 60, 1, 600, &error);
    const auto rate =
        ServerConfig::readInteger(variables, u"BIZY_AI_RATE_LIMIT"_s, 10, 0, 100000, &error);
    if (!error.isEmpty())
        return settingsError(error);
    settings.timeoutSeconds = int(*timeout);
    settings.callsPerMinute = int(*rate);
    return settings;
}

} // namespace bizy::server
