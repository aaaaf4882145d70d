#include "AuthGuard.h"

#include "auth/Jwt.h"

#include <QDateTime>

using namespace Qt::StringLiterals;

namespace bizy::server {

namespace AuthGuard {

namespace {

bizy::Error unauthorized(const QString& message) {
    return bizy::Error::make(bizy::Error::Code::Unauthorized, message);
}

} // namespace

bizy::Result<AuthenticatedUser> requireUser(const HttpRequest& request, DbSession& db,
                                            const ServerContext& context) {
    const QString token = request.bearerToken();
    if (token.isEmpty())
        return unauthorized(u"Not authenticated"_s);
    auto claims = context.jwt.verify(token, QDateTime::currentSecsSinceEpoch());
    if (!claims)
        return claims.error();

    QSqlQuery row = db.exec(u"SELECT id, username, email, full_name, is_admin, is_active,"
                            " is_verified, tokens_valid_after, EXISTS (SELECT 1 FROM"
                            " revoked_access_tokens WHERE jti = ?) FROM users WHERE id = ?"_s,
                            {claims->jti, claims->userId});
    if (!row.next())
        return unauthorized(u"Invalid token: the user no longer exists"_s);
    if (!row.value(5).toBool())
        return unauthorized(u"Invalid token: the account is disabled"_s);
    if (claims->issuedAt < row.value(7).toLongLong() || row.value(8).toBool())
        return unauthorized(u"Invalid token: the token has been revoked"_s);

    AuthenticatedUser user;
    user.id = row.value(0).toLongLong();
    user.username = row.value(1).toString();
    user.email = row.value(2).toString();
    if (!row.value(3).isNull())
        user.fullName = row.value(3).toString();
    user.isAdmin = row.value(4).toBool();
    user.isVerified = row.value(6).toBool();
    user.issuedAt = claims->issuedAt;
    user.expiresAt = claims->expiresAt;
    user.jti = claims->jti;
    request.noteUserId(user.id);
    return user;
}

bizy::Result<AuthenticatedUser> requireAdmin(const HttpRequest& request, DbSession& db,
                                             const ServerContext& context) {
    auto user = requireUser(request, db, context);
    if (user && !user->isAdmin)
        return bizy::Error::make(bizy::Error::Code::Forbidden, u"Admin privileges required"_s);
    return user;
}

} // namespace AuthGuard

} // namespace bizy::server
