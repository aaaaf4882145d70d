#include "VendorClient.h"

#include "ServerLog.h"

#include <QJsonDocument>
#include <QNetworkReply>
#include <QPromise>
#include <QTimer>
#include <memory>

using namespace Qt::StringLiterals;

namespace bizy::server {

namespace {

// Why a call was ended on our side (deadline, size, shutdown), read when it finishes.
constexpr const char* kEndReason = "bizyEndReason";

void endCall(QNetworkReply* reply, const QString& reason) {
    if (reply->isFinished())
        return;
    reply->setProperty(kEndReason, reason);
    reply->abort();
}

bizy::Error failure(const QString& message) {
    return bizy::Error::make(bizy::Error::Code::Server, message);
}

bizy::Result<QJsonObject> outcomeOf(QNetworkReply* reply) {
    const QString endReason = reply->property(kEndReason).toString();
    if (!endReason.isEmpty())
        return failure(endReason);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    if (status == 0)
        return failure(u"cannot reach the AI provider ("_s + reply->errorString() + u")"_s);
    if (status < 200 || status > 299) {
        qCWarning(lcServer).noquote()
            << "AI provider answered HTTP" << status << ":" << QString::fromUtf8(body.left(500));
        return failure(u"the AI provider answered HTTP %1"_s.arg(status));
    }
    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isObject()) {
        qCWarning(lcServer).noquote() << "AI provider answered something other than a JSON object:"
                                      << QString::fromUtf8(body.left(500));
        return failure(u"the AI provider's answer is not a JSON object"_s);
    }
    return document.object();
}

} // namespace

VendorClient::VendorClient(int timeoutSeconds)
    : m_timeoutSeconds(timeoutSeconds) {}

QFuture<bizy::Result<QJsonObject>> VendorClient::post(QNetworkRequest request,
                                                      const QJsonObject& body) {
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
    auto promise = std::make_shared<QPromise<bizy::Result<QJsonObject>>>();
    promise->start();
    QNetworkReply* reply =
        m_network.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));

    auto* deadline = new QTimer(reply);
    deadline->setSingleShot(true);
    QObject::connect(deadline, &QTimer::timeout, reply, [reply, seconds = m_timeoutSeconds] {
        endCall(reply, u"the AI provider did not answer within %1 s"_s.arg(seconds));
    });
    deadline->start(m_timeoutSeconds * 1000);
    QObject::connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received) {
        if (received > kMaxAnswerBytes)
            endCall(reply, u"the AI provider's answer is too large"_s);
    });
    QObject::connect(reply, &QNetworkReply::finished, reply, [reply, promise] {
        promise->addResult(outcomeOf(reply));
        promise->finish();
        reply->deleteLater();
    });
    return promise->future();
}

QUrl VendorClient::endpoint(const QUrl& base, const QString& path) {
    QUrl url = base;
    QString basePath = url.path();
    if (basePath.endsWith(u'/'))
        basePath.chop(1);
    url.setPath(basePath + path);
    return url;
}

void VendorClient::cancelAll() {
    const QList<QNetworkReply*> replies = m_network.findChildren<QNetworkReply*>();
    for (QNetworkReply* reply : replies)
        endCall(reply, u"the server is shutting down"_s);
}

} // namespace bizy::server
