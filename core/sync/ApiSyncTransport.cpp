#include "ApiSyncTransport.h"

#include "auth/Session.h"
#include "net/ApiClient.h"
#include "net/ApiRequest.h"

using namespace Qt::StringLiterals;

namespace bizy {

ApiSyncTransport::ApiSyncTransport(ApiClient* api, Session* session, QObject* parent)
    : SyncTransport(parent)
    , m_api(api)
    , m_session(session) {
    connect(session, &Session::stateChanged, this, [this](Session::State state) {
        // Logging in is neither: the answer decides.
        if (state != Session::State::LoggingIn)
            emit loginChanged(state == Session::State::LoggedIn);
    });
}

bool ApiSyncTransport::isLoggedIn() const {
    return m_session && m_session->isLoggedIn();
}

void ApiSyncTransport::push(const QJsonObject& body, QObject* context, Callback done) {
    ApiRequest request;
    request.method = QByteArrayLiteral("POST");
    request.path = u"/api/sync/push"_s;
    request.body = body;
    m_api->send(request, context, std::move(done));
}

void ApiSyncTransport::pull(qint64 cursor, int limit, bool reload, QObject* context,
                            Callback done) {
    ApiRequest request;
    request.path = u"/api/sync/pull"_s;
    request.query.addQueryItem(u"cursor"_s, QString::number(cursor));
    request.query.addQueryItem(u"limit"_s, QString::number(limit));
    // The later pages of a reload start below the purged tombstones too; the
    // server must not send them back to 0.
    if (reload)
        request.query.addQueryItem(u"reload"_s, u"true"_s);
    m_api->send(request, context, std::move(done));
}

} // namespace bizy
