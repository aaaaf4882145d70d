#include "SessionTokens.h"

#include "ServerConfig.h"
#include "auth/Jwt.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QUuid>
#include <sodium.h>

using namespace Qt::StringLiterals;

namespace bizy::server {

namespace SessionTokens {

QString hashRefreshToken(const QString& token) {
    return QString::fromLatin1(
        QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
}

Issued issue(DbSession& db, const ServerContext& context, const UserRecord& record,
             const QString& familyId) {
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    JwtClaims claims;
    claims.userId = record.user.id;
    claims.username = record.user.username;
    claims.email = record.user.email;
    claims.isAdmin = record.user.isAdmin;
    // Never below tokens_valid_after: a login right after a revocation in the
    // same second must not be born revoked.
    claims.issuedAt = qMax(now, record.tokensValidAfter);
    claims.expiresAt = claims.issuedAt + context.config.accessTokenSeconds;

    Issued issued;
    issued.accessToken = context.jwt.sign(claims);
    issued.expiresIn = context.config.accessTokenSeconds;

    unsigned char random[32];
    randombytes_buf(random, sizeof random);
    issued.refreshToken = QString::fromLatin1(
        QByteArray(reinterpret_cast<const char*>(random), sizeof random)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    const QString family =
        familyId.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : familyId;
    db.exec(u"INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at)"
            " VALUES (?, ?::uuid, ?, now() + make_interval(secs => ?))"_s,
            {record.user.id, family, hashRefreshToken(issued.refreshToken),
             double(context.config.refreshTokenSeconds)});
    return issued;
}

QJsonObject loginBody(const QString& message, const Issued& issued, const bizy::User& user) {
    return QJsonObject{{u"message"_s, message},
                       {u"token"_s, issued.accessToken},
                       {u"access_token"_s, issued.accessToken},
                       {u"token_type"_s, u"bearer"_s},
                       {u"user_id"_s, user.id},
                       {u"user"_s, user.toProfileJson()},
                       {u"refresh_token"_s, issued.refreshToken},
                       {u"expires_in"_s, issued.expiresIn}};
}

void revokeFamily(DbSession& db, const QString& familyId) {
    db.exec(u"UPDATE refresh_tokens SET revoked_at = now()"
            " WHERE family_id = ?::uuid AND revoked_at IS NULL"_s,
            {familyId});
}

void revokeAllOfUser(DbSession& db, qint64 userId) {
    db.exec(u"UPDATE refresh_tokens SET revoked_at = now()"
            " WHERE user_id = ? AND revoked_at IS NULL"_s,
            {userId});
}

void revokeEverySession(DbSession& db, qint64 userId) {
    revokeAllOfUser(db, userId);
    db.exec(u"UPDATE users SET "_s + UserRecord::revokeAccessTokensSql() + u" WHERE id = ?"_s,
            {userId});
}

} // namespace SessionTokens

} // namespace bizy::server
