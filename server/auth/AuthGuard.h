#pragma once

#include "ServerContext.h"
#include "db/DbSession.h"
#include "http/HttpRequest.h"
#include "model/Result.h"

#include <QString>
#include <optional>

namespace bizy::server {

// The caller of a request, checked against the database (not the token alone).
struct AuthenticatedUser {
    qint64 id = 0;
    QString username;
    QString email;
    std::optional<QString> fullName;
    bool isAdmin = false; // from the database, never from the claim
    bool isVerified = false;
    qint64 issuedAt = 0;
    qint64 expiresAt = 0; // unix seconds
    QString jti;
};

// Call inside DbRunner work (it reads the users table):
//
//     auto user = AuthGuard::requireUser(request, db, ctx);
//     if (!user) return Reply::fromError(user.error());   // 401 + WWW-Authenticate
//     ... user->id ...
//
// 401 "Not authenticated" without a bearer token, "Token has expired",
// "Invalid token: ..." for a bad token or a user deleted, disabled or whose
// tokens were revoked (tokens_valid_after > iat), or a token logged out by
// itself (revoked_access_tokens).
namespace AuthGuard {

bizy::Result<AuthenticatedUser> requireUser(const HttpRequest& request, DbSession& db,
                                            const ServerContext& context);
// As requireUser, then 403 "Admin privileges required" for a non-admin.
bizy::Result<AuthenticatedUser> requireAdmin(const HttpRequest& request, DbSession& db,
                                             const ServerContext& context);

} // namespace AuthGuard

} // namespace bizy::server
