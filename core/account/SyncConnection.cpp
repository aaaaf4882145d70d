#include "SyncConnection.h"

#include "auth/Session.h"
#include "net/ApiClient.h"

using namespace Qt::StringLiterals;

namespace bizy {

SyncConnection::SyncConnection(const QUrl& server, QObject* parent)
    : QObject(parent)
    , m_api(new ApiClient(server, this))
    , m_session(new Session(m_api, this)) {}

// The session first: it unregisters itself from the client.
SyncConnection::~SyncConnection() {
    delete m_session;
}

QUrl SyncConnection::server() const {
    return m_api->baseUrl();
}

QUrl SyncConnection::serverFromUserInput(const QString& text) {
    QString input = text.trimmed();
    if (input.isEmpty())
        return {};
    if (!input.contains(u"://"_s))
        input.prepend(u"http://"_s);
    QUrl url(input, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != u"http"_s && url.scheme() != u"https"_s))
        return {};
    return url.adjusted(QUrl::StripTrailingSlash | QUrl::RemoveQuery | QUrl::RemoveFragment);
}

} // namespace bizy
