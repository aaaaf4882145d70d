#include "OpaqueToken.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <sodium.h>

namespace bizy::server {

namespace OpaqueToken {

QString generate() {
    unsigned char random[32];
    randombytes_buf(random, sizeof random);
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char*>(random), sizeof random)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString hash(const QString& token) {
    return QString::fromLatin1(
        QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
}

} // namespace OpaqueToken

} // namespace bizy::server
