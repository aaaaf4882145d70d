#include "HttpClient.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrl>

using namespace Qt::StringLiterals;

QString HttpResponse::detail() const {
    const QJsonValue value = object().value(u"detail"_s);
    if (value.isString())
        return value.toString();
    if (value.isArray() && !value.toArray().isEmpty())
        return value.toArray().first().toObject().value(u"msg"_s).toString();
    return {};
}

QByteArray HttpResponse::describe() const {
    return "HTTP " + QByteArray::number(status) + " " + body.left(600) +
           (networkError.isEmpty() ? QByteArray() : " (" + networkError.toUtf8() + ")");
}

HttpClient::HttpClient(QString baseUrl)
    : m_baseUrl(std::move(baseUrl)) {
    m_network.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

namespace {

HttpResponse responseOf(QNetworkReply* reply) {
    HttpResponse response;
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.body = reply->readAll();
    for (const auto& [name, value] : reply->rawHeaderPairs())
        response.headers.insert(name.toLower(), value);
    if (reply->error() != QNetworkReply::NoError && response.status == 0)
        response.networkError = reply->errorString();
    const QJsonDocument document = QJsonDocument::fromJson(response.body);
    if (document.isObject())
        response.json = document.object();
    else if (document.isArray())
        response.json = document.array();
    return response;
}

} // namespace

HttpResponse HttpClient::send(const QByteArray& method, const QString& path, const QByteArray& body,
                              const QHash<QByteArray, QByteArray>& headers, int timeoutMs) {
    QNetworkRequest request(QUrl(m_baseUrl + path));
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    if (!body.isEmpty() || method == "POST" || method == "PATCH" || method == "PUT")
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
    for (auto it = headers.begin(); it != headers.end(); ++it) {
        if (!it.value().isEmpty())
            request.setRawHeader(it.key(), it.value());
    }
    QNetworkReply* reply = m_network.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    timer.start(timeoutMs);
    if (!reply->isFinished())
        loop.exec();

    if (!reply->isFinished()) {
        reply->abort();
        reply->deleteLater();
        HttpResponse timedOut;
        timedOut.networkError = u"timed out after %1 ms"_s.arg(timeoutMs);
        return timedOut;
    }
    HttpResponse response = responseOf(reply);
    reply->deleteLater();
    return response;
}

QList<HttpResponse> HttpClient::postAll(const QString& path, const QList<QJsonObject>& bodies,
                                        const QString& token, int timeoutMs) {
    QList<QNetworkReply*> replies;
    for (const QJsonObject& body : bodies) {
        QNetworkRequest request(QUrl(m_baseUrl + path));
        request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
        request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
        replies << m_network.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    int pending = int(replies.size());
    for (QNetworkReply* reply : replies)
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&pending, &loop] {
            if (--pending == 0)
                loop.quit();
        });
    timer.start(timeoutMs);
    if (pending > 0)
        loop.exec();
    QList<HttpResponse> responses;
    for (QNetworkReply* reply : replies) {
        if (reply->isFinished()) {
            responses << responseOf(reply);
        } else {
            reply->abort();
            HttpResponse timedOut;
            timedOut.networkError = u"timed out"_s;
            responses << timedOut;
        }
        reply->deleteLater();
    }
    return responses;
}

HttpResponse HttpClient::get(const QString& path, const QString& token, int timeoutMs) {
    return send("GET", path, {},
                {{"Authorization", token.isEmpty() ? QByteArray() : "Bearer " + token.toUtf8()}},
                timeoutMs);
}

HttpResponse HttpClient::post(const QString& path, const QJsonObject& body, const QString& token) {
    return send("POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact),
                {{"Authorization", token.isEmpty() ? QByteArray() : "Bearer " + token.toUtf8()}});
}

HttpResponse HttpClient::patch(const QString& path, const QJsonObject& body, const QString& token) {
    return send("PATCH", path, QJsonDocument(body).toJson(QJsonDocument::Compact),
                {{"Authorization", token.isEmpty() ? QByteArray() : "Bearer " + token.toUtf8()}});
}

HttpResponse HttpClient::del(const QString& path, const QString& token) {
    return send("DELETE", path, {},
                {{"Authorization", token.isEmpty() ? QByteArray() : "Bearer " + token.toUtf8()}});
}

HttpResponse HttpClient::registerUser(const QString& username, const QString& password,
                                      const QString& email) {
    return post(u"/api/auth/register"_s,
                {{u"username"_s, username},
                 {u"email"_s, email.isEmpty() ? username + u"@example.com"_s : email},
                 {u"password"_s, password}});
}

HttpResponse HttpClient::login(const QString& usernameOrEmail, const QString& password) {
    return post(u"/api/auth/login"_s,
                {{u"username"_s, usernameOrEmail}, {u"password"_s, password}});
}

HttpClient::Session HttpClient::sessionFrom(const HttpResponse& response,
                                            const QString& username) const {
    Session session;
    if (response.status != 200)
        return session;
    const QJsonObject body = response.object();
    session.userId = body.value(u"user_id"_s).toInteger();
    session.username = username;
    session.token = body.value(u"token"_s).toString();
    session.refreshToken = body.value(u"refresh_token"_s).toString();
    return session;
}

HttpClient::Session HttpClient::registerAndLogin(const QString& username, const QString& password) {
    const HttpResponse registered = registerUser(username, password);
    if (registered.status != 201)
        return {};
    return sessionFrom(login(username, password), username);
}
