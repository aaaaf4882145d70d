#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace bizy::server {

// The OpenAPI 3.1 document of every route bizy-server serves
// (server/docs/openapi.json.in, embedded as a resource with the version filled
// in). It is written by hand from docs/api.md; tst_apidocs fails when a routed
// (method, path) is missing from it or it names one that is not routed.
class ApiDocument {
public:
    // Reads the embedded document; isValid() is false (and error() says why)
    // when it is not a JSON object.
    static ApiDocument load();

    bool isValid() const { return !m_json.isEmpty(); }
    QString error() const { return m_error; }
    // The file as written (its key order kept for readers); json() is the parsed copy.
    QByteArray text() const { return m_text; }
    QJsonObject json() const { return m_json; }

private:
    QByteArray m_text;
    QJsonObject m_json;
    QString m_error;
};

} // namespace bizy::server
