#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QNetworkAccessManager>
#include <QString>

// What a test sees of one HTTP exchange.
struct HttpResponse {
    int status = 0; // 0 when no answer arrived (networkError says why)
    QByteArray body;
    QJsonValue json;                       // undefined when the body is not JSON
    QHash<QByteArray, QByteArray> headers; // names lower-case
    QString networkError;

    QJsonObject object() const { return json.toObject(); }
    QByteArray header(const QByteArray& lowerCaseName) const {
        return headers.value(lowerCaseName);
    }
    // `detail` as text, or the first entry's msg for a 422 list.
    QString detail() const;
    // A one-line description for QVERIFY2 messages.
    QByteArray describe() const;
};

// Synchronous HTTP for tests: QNetworkAccessManager plus a local event loop
// with a timeout.
class HttpClient {
public:
    explicit HttpClient(QString baseUrl);

    HttpResponse get(const QString& path, const QString& token = {}, int timeoutMs = 30000);
    HttpResponse post(const QString& path, const QJsonObject& body, const QString& token = {});
    HttpResponse patch(const QString& path, const QJsonObject& body, const QString& token = {});
    HttpResponse del(const QString& path, const QString& token = {});
    // Any method, raw body, extra headers (a header with an empty value is omitted).
    HttpResponse send(const QByteArray& method, const QString& path, const QByteArray& body,
                      const QHash<QByteArray, QByteArray>& headers = {}, int timeoutMs = 30000);

    // The same POST path with several bodies, all in flight at once (QNAM opens
    // up to six connections per host); answers in the order of `bodies`.
    QList<HttpResponse> postAll(const QString& path, const QList<QJsonObject>& bodies,
                                const QString& token = {}, int timeoutMs = 60000);

    struct Session {
        qint64 userId = 0;
        QString username;
        QString token;
        QString refreshToken;
        bool ok() const { return userId > 0 && !token.isEmpty(); }
    };
    // POST /api/auth/register (email <username>@example.com unless given).
    HttpResponse registerUser(const QString& username, const QString& password,
                              const QString& email = {});
    HttpResponse login(const QString& usernameOrEmail, const QString& password);
    // Register then log in; an empty Session when either step failed.
    Session registerAndLogin(const QString& username,
                             const QString& password = QStringLiteral("Password123!"));
    Session sessionFrom(const HttpResponse& loginResponse, const QString& username) const;

    QString baseUrl() const { return m_baseUrl; }

private:
    QString m_baseUrl;
    QNetworkAccessManager m_network;
};
