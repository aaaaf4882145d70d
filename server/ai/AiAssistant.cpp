#include "AiAssistant.h"

#include "AiSettings.h"
#include "PromptTemplate.h"
#include "ServerLog.h"
#include "http/Reply.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

namespace bizy::server {

namespace {

bizy::Error replyError(const QString& detail) {
    return bizy::Error::make(bizy::Error::Code::Server, detail);
}

// Models like to wrap JSON in a Markdown fence although asked not to; one
// fence around the whole text is taken off, nothing else is forgiven.
QString withoutFence(const QString& text) {
    const QString trimmed = text.trimmed();
    if (!trimmed.startsWith(u"```"_s) || !trimmed.endsWith(u"```"_s) || trimmed.size() < 6)
        return trimmed;
    const qsizetype firstLineEnd = trimmed.indexOf(u'\n');
    if (firstLineEnd < 0)
        return trimmed;
    return trimmed.mid(firstLineEnd + 1, trimmed.size() - 3 - firstLineEnd - 1).trimmed();
}

bizy::Result<QJsonObject> jsonObjectOf(const bizy::Result<QString>& text) {
    if (!text)
        return replyError(AiAssistant::serviceError(text.error().message));
    if (text->trimmed().isEmpty())
        return replyError(AiAssistant::serviceError(u"the AI provider's answer holds no text"_s));
    QJsonParseError parseError;
    const QJsonDocument document =
        QJsonDocument::fromJson(withoutFence(*text).toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        qCWarning(lcServer).noquote() << "AI reply is not JSON:" << text->left(500);
        return replyError(u"Failed to parse AI response: "_s + parseError.errorString() +
                          u" at offset "_s + QString::number(parseError.offset));
    }
    if (!document.isObject())
        return replyError(AiAssistant::serviceError(u"the reply is not a JSON object"_s));
    return document.object();
}

} // namespace

AiAssistant::AiAssistant(const AiSettings& settings, QObject* parent)
    : QObject(parent)
    , m_provider(AiProvider::fromSettings(settings))
    , m_rateLimiter(settings.callsPerMinute) {
    qCInfo(lcServer).noquote() << "AI provider:" << settings.describe();
}

AiAssistant::~AiAssistant() = default;

QHttpServerResponse AiAssistant::notConfigured() {
    return Reply::detail(503, u"AI service not configured (ANTHROPIC_API_KEY missing)"_s);
}

std::optional<QHttpServerResponse> AiAssistant::admit(qint64 userId) {
    const auto wait = m_rateLimiter.tryAcquire(u"ai"_s, QString::number(userId),
                                               QDateTime::currentMSecsSinceEpoch());
    if (!wait)
        return std::nullopt;
    return Reply::retryLater(429, u"Too many AI requests; try again later"_s, *wait);
}

QFuture<bizy::Result<QJsonObject>> AiAssistant::askForJson(const QString& request) {
    if (!m_provider)
        return QtFuture::makeReadyFuture(
            bizy::Result<QJsonObject>(replyError(serviceError(u"no provider configured"_s))));
    const AiPrompt prompt{PromptTemplate::render(u"system"_s), request};
    return m_provider->complete(prompt).then(this, &jsonObjectOf);
}

void AiAssistant::cancelAll() {
    if (m_provider)
        m_provider->cancelAll();
}

} // namespace bizy::server
