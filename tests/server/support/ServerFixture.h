#pragma once

#include "HttpClient.h"
#include "PgCluster.h"
#include "ServerProcess.h"

#include <memory>

// The usual set-up of a server test: a fresh cluster, the real server on it,
// and a client. In initTestCase():
//
//     QString error;
//     QVERIFY2(m_fixture.start({}, &error), qPrintable(error));
//     HttpClient::Session alice = m_fixture.http().registerAndLogin(u"alice"_s);
//     HttpClient::Session admin = m_fixture.makeAdmin(u"root"_s);
class ServerFixture {
public:
    // Extra server environment, e.g. {"BIZY_AUTH_RATE_LIMIT", "3"}.
    bool start(const QHash<QString, QString>& environment = {}, QString* error = nullptr);

    PgCluster& database() { return m_cluster; }
    ServerProcess& server() { return *m_server; }
    HttpClient& http() { return *m_http; }

    // `bizy-server create-admin` then a login; an empty Session on failure.
    HttpClient::Session makeAdmin(const QString& username,
                                  const QString& password = QStringLiteral("AdminPass123!"));

private:
    PgCluster m_cluster;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<HttpClient> m_http;
};
