#include "ServerFixture.h"

#include <QDebug>

using namespace Qt::StringLiterals;

bool ServerFixture::start(const QHash<QString, QString>& environment, QString* error) {
    if (!m_cluster.start(error))
        return false;
    m_server = std::make_unique<ServerProcess>(m_cluster.databaseUrl(), environment);
    if (!m_server->start(error))
        return false;
    m_http = std::make_unique<HttpClient>(m_server->baseUrl());
    return true;
}

HttpClient::Session ServerFixture::makeAdmin(const QString& username, const QString& password) {
    QString output;
    const int code =
        m_server->createAdmin(username, username + u"@example.com"_s, password, &output);
    if (code != 0) {
        qWarning() << "create-admin failed with" << code << output;
        return {};
    }
    return m_http->sessionFrom(m_http->login(username, password), username);
}
