#pragma once

#include "ServerContext.h"
#include "auth/UserRecord.h"
#include "db/DbSession.h"

#include <QJsonObject>
#include <QString>
#include <optional>

namespace bizy::server {

// Access tokens (JWT) and refresh tokens (OpaqueToken: stored as SHA-256 hex
// with a family id; rotated on every use).
namespace SessionTokens {

struct Issued {
    QString accessToken;
    QString refreshToken;
    qint64 expiresIn = 0; // seconds of the access token
};

// A new access token and a refresh token in `familyId` (a new family when
// empty). The access token lives `accessTokenSeconds`, or
// BIZY_ACCESS_TOKEN_MINUTES when 0. The refresh token is `refreshToken`, or a
// random one when empty.
Issued issue(DbSession& db, const ServerContext& context, const UserRecord& record,
             const QString& familyId = {}, qint64 accessTokenSeconds = 0,
             const QString& refreshToken = {});
// The refresh token that succeeds `usedToken` on rotation: an HMAC of it under
// a key derived from JWT_SECRET, so a retry within the grace period gets the
// same successor without the database keeping any token in plain text.
QString successorOf(const ServerContext& context, const QString& usedToken);
// The pair `issue` made for the stored refresh token `refreshToken` once more:
// the access token signed again with the jti and iat its row kept. Empty when
// that row is not an unused, unrevoked member of `familyId`.
std::optional<Issued> reissue(DbSession& db, const ServerContext& context, const UserRecord& record,
                              const QString& familyId, const QString& refreshToken);
// {message, token, user_id, user:{profile}, refresh_token, expires_in}
QJsonObject loginBody(const QString& message, const Issued& issued, const bizy::User& user);

// Revokes every refresh token of the family / of the user.
void revokeFamily(DbSession& db, const QString& familyId);
void revokeAllOfUser(DbSession& db, qint64 userId);
// Every session of the user: refresh tokens and access tokens issued so far.
void revokeEverySession(DbSession& db, qint64 userId);
// One access token (refused from now until it would have expired) and the
// refresh family issued with it.
void revokeAccessToken(DbSession& db, qint64 userId, const QString& jti, qint64 expiresAt);

} // namespace SessionTokens

} // namespace bizy::server
