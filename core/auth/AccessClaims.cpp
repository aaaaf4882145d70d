#include "AccessClaims.h"

#include <QByteArrayList>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace bizy {

std::optional<AccessClaims> AccessClaims::decode(const QString& token) {
    const QByteArrayList parts = token.toLatin1().split('.');
    if (parts.size() != 3)
        return std::nullopt;
    const auto payload = QByteArray::fromBase64Encoding(
        parts[1], QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals |
                      QByteArray::AbortOnBase64DecodingErrors);
    if (!payload)
        return std::nullopt;
    const QJsonObject object = QJsonDocument::fromJson(*payload).object();
    const QJsonValue userId = object.value(u"user_id"_s);
    const QJsonValue expiry = object.value(u"exp"_s);
    if (!userId.isDouble() || !expiry.isDouble())
        return std::nullopt;

    AccessClaims claims;
    claims.userId = userId.toInteger();
    claims.username = object.value(u"username"_s).toString();
    claims.email = object.value(u"email"_s).toString();
    claims.isAdmin = object.value(u"is_admin"_s).toBool(false);
    claims.expiresAt = QDateTime::fromSecsSinceEpoch(expiry.toInteger(), Qt::UTC);
    if (const QJsonValue issued = object.value(u"iat"_s); issued.isDouble())
        claims.issuedAt = QDateTime::fromSecsSinceEpoch(issued.toInteger(), Qt::UTC);
    if (claims.userId <= 0)
        return std::nullopt;
    return claims;
}

} // namespace bizy
