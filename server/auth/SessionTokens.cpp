#include "SessionTokens.h"

#include "ServerConfig.h"
#include "auth/Jwt.h"
#include "auth/OpaqueToken.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QMessageAuthenticationCode>
#include <QSqlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace bizy::server {

namespace SessionTokens {

namespace {

JwtClaims claimsOf(const UserRecord& record, qint64 issuedAt, qint64 lifetime) {
    JwtClaims claims;
    claims.userId = record.user.id;
    claims.username = record.user.username;
    claims.email = record.user.email;
    claims.isAdmin = record.user.isAdmin;
    claims.issuedAt = issuedAt;
    claims.expiresAt = issuedAt + lifetime;
    return claims;
}

} // namespace

Issued issue(DbSession& db, const ServerContext& context, const UserRecord& record,
             const QString& familyId, qint64 accessTokenSeconds, const QString& refreshToken) {
    const qint64 lifetime =
        accessTokenSeconds > 0 ? accessTokenSeconds : context.config.accessTokenSeconds;
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    // Never below tokens_valid_after: a login right after a revocation in the
    // same second must not be born revoked.
    JwtClaims claims = claimsOf(record, qMax(now, record.tokensValidAfter), lifetime);
    // Named here so the refresh token row can say which access token came with
    // it: a logout with only that access token ends the family too.
    claims.jti = QUuid::createUuid().toString(QUuid::WithoutBraces);

    Issued issued;
    issued.accessToken = context.jwt.sign(claims);
    issued.expiresIn = lifetime;
    issued.refreshToken = refreshToken.isEmpty() ? OpaqueToken::generate() : refreshToken;
    const QString family =
        familyId.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : familyId;
    db.exec(u"INSERT INTO refresh_tokens"
            " (user_id, family_id, token_hash, expires_at, access_jti, access_issued_at)"
            " VALUES (?, ?::uuid, ?, now() + make_interval(secs => ?), ?, ?)"_s,
            {record.user.id, family, OpaqueToken::hash(issued.refreshToken),
             double(context.config.refreshTokenSeconds), claims.jti, claims.issuedAt});
    return issued;
}

QString successorOf(const ServerContext& context, const QString& usedToken) {
    // Its own key, so a successor says nothing about the JWT signing key.
    const QByteArray key = QMessageAuthenticationCode::hash(
        "bizy refresh token successor", context.config.jwtSecret, QCryptographicHash::Sha256);
    return QString::fromLatin1(
        QMessageAuthenticationCode::hash(usedToken.toUtf8(), key, QCryptographicHash::Sha256)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<Issued> reissue(DbSession& db, const ServerContext& context, const UserRecord& record,
                              const QString& familyId, const QString& refreshToken) {
    QSqlQuery row = db.exec(u"SELECT access_jti, access_issued_at FROM refresh_tokens"
                            " WHERE token_hash = ? AND family_id = ?::uuid AND user_id = ?"
                            " AND used_at IS NULL AND revoked_at IS NULL"
                            " AND access_issued_at IS NOT NULL"_s,
                            {OpaqueToken::hash(refreshToken), familyId, record.user.id});
    if (!row.next())
        return std::nullopt;
    const qint64 lifetime = context.config.accessTokenSeconds;
    JwtClaims claims = claimsOf(record, row.value(1).toLongLong(), lifetime);
    claims.jti = row.value(0).toString();
    return Issued{context.jwt.sign(claims), refreshToken, lifetime};
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

void revokeAccessToken(DbSession& db, qint64 userId, const QString& jti, qint64 expiresAt) {
    if (jti.isEmpty())
        return; // not one of ours: nothing names it
    // Entries past their token's expiry guard nothing any more.
    db.exec(u"DELETE FROM revoked_access_tokens WHERE expires_at < now()"_s);
    db.exec(u"INSERT INTO revoked_access_tokens (jti, user_id, expires_at)"
            " VALUES (?, ?, to_timestamp(?)) ON CONFLICT (jti) DO NOTHING"_s,
            {jti, userId, double(expiresAt)});
    db.exec(u"UPDATE refresh_tokens SET revoked_at = now() WHERE revoked_at IS NULL"
            " AND family_id IN (SELECT family_id FROM refresh_tokens"
            " WHERE access_jti = ? AND user_id = ?)"_s,
            {jti, userId});
}

} // namespace SessionTokens

} // namespace bizy::server
