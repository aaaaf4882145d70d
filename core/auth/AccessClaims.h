#pragma once

#include <QDateTime>
#include <QString>
#include <optional>

namespace bizy {

// What the access token says about its user, for the UI. Decoded only, never
// verified: the server is the authority on every request.
struct AccessClaims {
    qint64 userId = 0;
    QString username;
    QString email;
    bool isAdmin = false;
    QDateTime expiresAt; // UTC
    QDateTime issuedAt;  // UTC, invalid when the token has no iat

    // The payload of a JWT (header.payload.signature, base64url), or nothing
    // when it is not a token with a user id and an expiry.
    static std::optional<AccessClaims> decode(const QString& token);
};

} // namespace bizy
