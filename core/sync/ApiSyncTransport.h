#pragma once

#include "SyncTransport.h"

#include <QPointer>

namespace bizy {

class ApiClient;
class Session;

// SyncTransport over HTTP: the session's server through its ApiClient.
class ApiSyncTransport : public SyncTransport {
    Q_OBJECT
public:
    ApiSyncTransport(ApiClient* api, Session* session, QObject* parent = nullptr);

    bool isLoggedIn() const override;
    void push(const QJsonObject& body, QObject* context, Callback done) override;
    void pull(qint64 cursor, int limit, bool reload, QObject* context, Callback done) override;

private:
    QPointer<ApiClient> m_api;
    QPointer<Session> m_session;
};

} // namespace bizy
