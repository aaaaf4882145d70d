#pragma once

#include "db/DbSession.h"
#include "model/User.h"

#include <QString>
#include <optional>

namespace bizy::server {

// One row of `users` as the auth and admin routes need it.
struct UserRecord {
    bizy::User user;
    QString passwordHash;
    qint64 tokensValidAfter = 0;

    // The columns load() expects, for SELECT lists that add a filter.
    static QString selectColumns();
    static std::optional<UserRecord> byId(DbSession& db, qint64 id);
    // By username or email, case-insensitively (a username match wins).
    static std::optional<UserRecord> byLogin(DbSession& db, const QString& usernameOrEmail);
    // Reads a row selected with selectColumns().
    static UserRecord load(const QSqlQuery& row);

    // SQL that revokes every access token issued so far (tokens_valid_after
    // moves past now and past its previous value, so a token issued in the
    // same second as an earlier revocation is caught too).
    static QString revokeAccessTokensSql();
};

} // namespace bizy::server
