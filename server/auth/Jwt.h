#pragma once

#include "model/Result.h"

#include <QByteArray>
#include <QString>

namespace bizy::server {

// The claims of an access token, as the old auth service wrote them.
struct JwtClaims {
    qint64 userId = 0;
    QString username;
    QString email;
    bool isAdmin = false;
    qint64 issuedAt = 0;  // unix seconds
    qint64 expiresAt = 0; // unix seconds
    QString jti;
};

// HS256 JSON Web Tokens, compatible with the old auth service (PyJWT). Only
// HS256 is accepted: "none" and every other algorithm are refused, so a token
// cannot choose how it is checked.
class Jwt {
public:
    explicit Jwt(QByteArray secret);

    // Claims user_id, username, email, is_admin, exp, iat, jti (a fresh uuid
    // when claims.jti is empty).
    QString sign(const JwtClaims& claims) const;
    // Unauthorized "Token has expired" for exp <= now, otherwise
    // Unauthorized "Invalid token: <why>" for anything malformed or forged.
    bizy::Result<JwtClaims> verify(const QString& token, qint64 nowSeconds) const;

    // Longer tokens are refused before any decoding.
    static constexpr qsizetype kMaxTokenLength = 8192;
    static constexpr qsizetype kMaxHeaderLength = 1024;

private:
    QByteArray signature(const QByteArray& signingInput) const;

    QByteArray m_secret;
};

} // namespace bizy::server
