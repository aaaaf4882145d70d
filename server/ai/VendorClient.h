#pragma once

#include "model/Result.h"

#include <QFuture>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QUrl>

namespace bizy::server {

// JSON POSTs to one AI vendor, each with a deadline. Lives on the event loop
// (QNetworkAccessManager): a call costs no worker thread while it waits, and
// every call finishes by the deadline at the latest.
class VendorClient {
public:
    explicit VendorClient(int timeoutSeconds);

    // The vendor's JSON object, or an Error whose message says why not: no
    // answer within the timeout, no connection, an HTTP status other than 2xx
    // (the vendor's own words go to the log only), an answer over
    // kMaxAnswerBytes or not a JSON object.
    QFuture<bizy::Result<QJsonObject>> post(QNetworkRequest request, const QJsonObject& body);
    // Ends every call in flight with "the server is shutting down".
    void cancelAll();

    // `base` with `path` appended to its path ("http://h:11434/v1" + "/chat/completions").
    static QUrl endpoint(const QUrl& base, const QString& path);

    static constexpr qint64 kMaxAnswerBytes = 4 * 1024 * 1024;

private:
    QNetworkAccessManager m_network;
    int m_timeoutSeconds;
};

} // namespace bizy::server
