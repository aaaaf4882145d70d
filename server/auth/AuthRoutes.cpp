#include "AuthRoutes.h"

#include "ServerConfig.h"
#include "ServerLog.h"
#include "auth/AuthChecks.h"
#include "auth/AuthGuard.h"
#include "auth/LoginLockout.h"
#include "auth/OpaqueToken.h"
#include "auth/PasswordHasher.h"
#include "auth/SessionTokens.h"
#include "auth/UserRecord.h"
#include "db/DbRunner.h"
#include "http/Reply.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace bizy::server {

namespace {

using Method = Router::Method;

const QString kInvalidCredentials = u"Invalid username or password"_s;

// 429 when the address made too many attempts of this kind in the last minute.
std::optional<QHttpServerResponse> rateLimited(ServerContext& context, const QString& action,
                                               const HttpRequest& request) {
    return AuthChecks::rateLimited(context, action, request.remoteAddress.toString());
}

QHttpServerResponse lockedAnswer(qint64 seconds) {
    const qint64 minutes = (seconds + 59) / 60;
    return Reply::retryLater(
        423,
        u"Account temporarily locked after too many failed login attempts; try again in %1 minute(s)"_s
            .arg(minutes),
        seconds);
}

QFuture<QHttpServerResponse> registerUser(ServerContext& context, const HttpRequest& request) {
    if (auto limited = rateLimited(context, u"register"_s, request))
        return Reply::ready(std::move(*limited));
    auto body = request.jsonObject();
    if (!body)
        return Reply::ready(Reply::fromError(body.error()));
    bizy::ValidatedFields fields = bizy::User::registrationSchema().validate(
        body.value(), bizy::EntitySchema::Mode::Create, bizy::FromRest);
    if (!fields.ok()) {
        bizy::FieldErrors errors;
        for (const bizy::FieldError& error : fields.errors)
            errors.append(error.under(u"body"_s));
        return Reply::ready(Reply::validation(errors));
    }
    return context.db.run([fields](DbSession& db) -> QHttpServerResponse {
        const QString username = fields.fields.value(u"username"_s).toString();
        const QString email = fields.fields.value(u"email"_s).toString();
        auto duplicate = [&]() -> std::optional<QHttpServerResponse> {
            if (db.scalar(u"SELECT 1 FROM users WHERE lower(username) = lower(?)"_s, {username})
                    .isValid())
                return Reply::detail(400, u"Username already registered"_s);
            if (db.scalar(u"SELECT 1 FROM users WHERE lower(email) = lower(?)"_s, {email})
                    .isValid())
                return Reply::detail(400, u"Email already registered"_s);
            return std::nullopt;
        };
        if (auto answer = duplicate())
            return std::move(*answer);
        const QString hash = PasswordHasher::hash(fields.fields.value(u"password"_s).toString());
        qint64 id = 0;
        try {
            id = db.scalar(u"INSERT INTO users (username, email, password_hash)"
                           " VALUES (?, ?, ?) RETURNING id"_s,
                           {username, email, hash})
                     .toLongLong();
        } catch (const SqlFailure& failure) {
            if (!failure.isUniqueViolation())
                throw;
            if (auto answer = duplicate()) // lost a race with the same name
                return std::move(*answer);
            throw;
        }
        const auto record = UserRecord::byId(db, id);
        if (!record)
            return Reply::databaseUnavailable();
        return Reply::json(201, QJsonObject{{u"message"_s, u"User registered successfully"_s},
                                            {u"user"_s, record->user.toProfileJson()}});
    });
}

// accessTokenSeconds: how long the access token lives (the old /login path
// issues longer-lived ones than /api/auth/login).
QFuture<QHttpServerResponse> login(ServerContext& context, const HttpRequest& request,
                                   qint64 accessTokenSeconds) {
    if (auto limited = rateLimited(context, u"login"_s, request))
        return Reply::ready(std::move(*limited));
    auto body = request.jsonObject();
    if (!body)
        return Reply::ready(Reply::fromError(body.error()));
    bizy::FieldErrors errors;
    const QString name = AuthChecks::requiredString(body.value(), u"username"_s, &errors);
    const QString password = AuthChecks::requiredString(body.value(), u"password"_s, &errors);
    if (!errors.isEmpty())
        return Reply::ready(Reply::validation(errors));

    return context.db.run([&context, name, password, request,
                           accessTokenSeconds](DbSession& db) -> QHttpServerResponse {
        const auto record = UserRecord::byLogin(db, name);
        const QString key =
            record ? LoginLockout::keyForUser(record->user.id) : LoginLockout::keyForName(name);
        if (const auto seconds = LoginLockout::lockedFor(db, key))
            return lockedAnswer(*seconds);

        bool verified = false;
        if (record)
            verified = PasswordHasher::verify(record->passwordHash, password);
        else
            PasswordHasher::spendEquivalentTime(password); // same cost as a wrong password
        if (!verified) {
            if (const auto seconds = LoginLockout::recordFailure(db, key))
                return lockedAnswer(*seconds);
            return Reply::unauthorized(kInvalidCredentials);
        }
        if (!record->user.isActive)
            return Reply::detail(403, u"Account is disabled"_s);

        LoginLockout::clearFailures(db, key);
        SessionTokens::Issued issued;
        db.transaction([&] {
            if (PasswordHasher::needsRehash(record->passwordHash)) {
                db.exec(u"UPDATE users SET password_hash = ? WHERE id = ?"_s,
                        {PasswordHasher::hash(password), record->user.id});
                qCInfo(lcServer) << "Rehashed the password of user" << record->user.id;
            }
            db.exec(u"UPDATE users SET last_login_at = now() WHERE id = ?"_s, {record->user.id});
            issued = SessionTokens::issue(db, context, *record, {}, accessTokenSeconds);
        });
        request.noteUserId(record->user.id);
        return Reply::json(200,
                           SessionTokens::loginBody(u"Login successful"_s, issued, record->user));
    });
}

// The refresh of `token`, in the caller's transaction (section 2.4).
QHttpServerResponse rotate(DbSession& db, ServerContext& context, const HttpRequest& request,
                           const QString& token) {
    QSqlQuery row = db.exec(u"SELECT id, user_id, family_id::text, used_at IS NOT NULL,"
                            " revoked_at IS NOT NULL, expires_at <= now(),"
                            " used_at > clock_timestamp() - make_interval(secs => ?)"
                            " FROM refresh_tokens WHERE token_hash = ? FOR UPDATE"_s,
                            {double(context.config.refreshGraceSeconds), OpaqueToken::hash(token)});
    if (!row.next())
        return Reply::unauthorized(u"Invalid refresh token"_s);
    const qint64 tokenId = row.value(0).toLongLong();
    const qint64 userId = row.value(1).toLongLong();
    const QString family = row.value(2).toString();
    const bool used = row.value(3).toBool();
    const bool withinGrace = row.value(6).toBool();
    if (row.value(4).toBool())
        return Reply::unauthorized(u"Invalid refresh token: it has been revoked"_s);
    if (row.value(5).toBool())
        return Reply::unauthorized(u"Refresh token has expired"_s);
    auto reuse = [&] {
        SessionTokens::revokeFamily(db, family);
        qCWarning(lcServer) << "Refresh token reuse for user" << userId
                            << "- its session was revoked";
        return Reply::unauthorized(
            u"Invalid refresh token: it was already used, so the session was revoked"_s);
    };
    if (used && !withinGrace)
        return reuse();

    const auto record = UserRecord::byId(db, userId);
    if (!record || !record->user.isActive)
        return Reply::unauthorized(u"Invalid refresh token: the account is not active"_s);
    const QString successor = SessionTokens::successorOf(context, token);
    std::optional<SessionTokens::Issued> issued;
    if (used) // a retry: only while its successor is still the family's newest token
        issued = SessionTokens::reissue(db, context, *record, family, successor);
    else {
        db.exec(u"UPDATE refresh_tokens SET used_at = now() WHERE id = ?"_s, {tokenId});
        issued = SessionTokens::issue(db, context, *record, family, 0, successor);
    }
    if (!issued)
        return reuse();
    request.noteUserId(userId);
    return Reply::json(200, SessionTokens::loginBody(u"Token refreshed"_s, *issued, record->user));
}

QFuture<QHttpServerResponse> refresh(ServerContext& context, const HttpRequest& request) {
    if (auto limited = rateLimited(context, u"refresh"_s, request))
        return Reply::ready(std::move(*limited));
    auto body = request.jsonObject();
    if (!body)
        return Reply::ready(Reply::fromError(body.error()));
    bizy::FieldErrors errors;
    const QString token = AuthChecks::requiredString(body.value(), u"refresh_token"_s, &errors);
    if (!errors.isEmpty())
        return Reply::ready(Reply::validation(errors));

    return context.db.run([&context, token, request](DbSession& db) -> QHttpServerResponse {
        std::optional<QHttpServerResponse> answer;
        // One transaction with the token's row locked: of two uses at the same
        // moment the second waits, then sees the first one's rotation and
        // gets its pair through the grace period.
        db.transaction([&] { answer = rotate(db, context, request, token); });
        return std::move(*answer);
    });
}

QFuture<QHttpServerResponse> logout(ServerContext& context, const HttpRequest& request) {
    QJsonObject body;
    if (!request.body.trimmed().isEmpty()) {
        auto parsed = request.jsonObject();
        if (!parsed)
            return Reply::ready(Reply::fromError(parsed.error()));
        body = parsed.value();
    }
    bizy::FieldErrors errors;
    const QJsonValue tokenValue = body.value(u"refresh_token"_s);
    const QJsonValue allValue = body.value(u"all"_s);
    if (!tokenValue.isUndefined() && !tokenValue.isNull() && !tokenValue.isString())
        errors.append({QJsonArray{u"body"_s, u"refresh_token"_s},
                       u"Input should be a valid string"_s, u"string_type"_s});
    if (!allValue.isUndefined() && !allValue.isNull() && !allValue.isBool())
        errors.append({QJsonArray{u"body"_s, u"all"_s}, u"Input should be a valid boolean"_s,
                       u"bool_type"_s});
    if (!errors.isEmpty())
        return Reply::ready(Reply::validation(errors));
    const QString refreshToken = tokenValue.toString();
    const bool all = allValue.toBool(false);

    return context.db.run(
        [&context, request, refreshToken, all](DbSession& db) -> QHttpServerResponse {
            std::optional<AuthenticatedUser> user;
            if (!request.bearerToken().isEmpty() || all || refreshToken.isEmpty()) {
                auto checked = AuthGuard::requireUser(request, db, context);
                if (!checked)
                    return Reply::fromError(checked.error());
                user = checked.value();
            }
            QJsonObject answer{{u"message"_s, u"Logged out successfully"_s}};
            if (user)
                answer.insert(u"username"_s, user->username);
            if (all) {
                SessionTokens::revokeEverySession(db, user->id);
                answer.insert(u"message"_s, u"Logged out of every session"_s);
                return Reply::json(200, answer);
            }
            db.transaction([&] {
                if (user) // the bearer's own session ends
                    SessionTokens::revokeAccessToken(db, user->id, user->jti, user->expiresAt);
                if (refreshToken.isEmpty())
                    return;
                QSqlQuery row = db.exec(
                    u"SELECT family_id::text, user_id FROM refresh_tokens WHERE token_hash = ?"_s,
                    {OpaqueToken::hash(refreshToken)});
                if (row.next() && (!user || user->id == row.value(1).toLongLong())) {
                    SessionTokens::revokeFamily(db, row.value(0).toString());
                    request.noteUserId(row.value(1).toLongLong());
                }
            });
            return Reply::json(200, answer);
        });
}

// GET routes that only need the caller.
QFuture<QHttpServerResponse>
withUser(ServerContext& context, const HttpRequest& request,
         std::function<QHttpServerResponse(const AuthenticatedUser&, DbSession&)> answer) {
    return context.db.run([&context, request, answer](DbSession& db) -> QHttpServerResponse {
        auto user = AuthGuard::requireUser(request, db, context);
        if (!user)
            return Reply::fromError(user.error());
        return answer(user.value(), db);
    });
}

QHttpServerResponse profile(const AuthenticatedUser& caller, DbSession& db) {
    const auto record = UserRecord::byId(db, caller.id);
    if (!record)
        return Reply::unauthorized(u"Invalid token: the user no longer exists"_s);
    return Reply::json(200, record->user.toProfileJson());
}

QFuture<QHttpServerResponse> changePassword(ServerContext& context, const HttpRequest& request) {
    return context.db.run([&context, request](DbSession& db) -> QHttpServerResponse {
        // The caller first (401 before 422), as the existing backend does.
        auto caller = AuthGuard::requireUser(request, db, context);
        if (!caller)
            return Reply::fromError(caller.error());
        auto body = request.jsonObject();
        if (!body)
            return Reply::fromError(body.error());
        bizy::FieldErrors errors;
        const QString current =
            AuthChecks::requiredString(body.value(), u"current_password"_s, &errors);
        const QString next = AuthChecks::newPassword(body.value(), &errors);
        if (!errors.isEmpty())
            return Reply::validation(errors);

        const auto record = UserRecord::byId(db, caller->id);
        if (!record)
            return Reply::unauthorized(u"Invalid token: the user no longer exists"_s);
        if (!PasswordHasher::verify(record->passwordHash, current))
            return Reply::detail(400, u"Current password is incorrect"_s);
        const QString hash = PasswordHasher::hash(next);
        SessionTokens::Issued issued;
        db.transaction([&] {
            db.exec(u"UPDATE users SET password_hash = ?, updated_at = now() WHERE id = ?"_s,
                    {hash, caller->id});
            SessionTokens::revokeEverySession(db, caller->id);
            // This session goes on with fresh tokens; every other one is gone.
            const auto updated = UserRecord::byId(db, caller->id);
            issued = SessionTokens::issue(db, context, updated.value_or(*record));
        });
        return Reply::json(200, SessionTokens::loginBody(u"Password changed successfully"_s, issued,
                                                         record->user));
    });
}

} // namespace

void registerAuthRoutes(Router& router, ServerContext& context) {
    for (const QString& path : {u"/api/auth/register"_s, u"/register"_s})
        router.add(Method::Post, path, [&context](const HttpRequest& request) {
            return registerUser(context, request);
        });
    router.add(Method::Post, u"/api/auth/login"_s, [&context](const HttpRequest& request) {
        return login(context, request, context.config.accessTokenSeconds);
    });
    // The old auth service's web client cannot refresh: its path keeps that
    // service's token lifetime.
    router.add(Method::Post, u"/login"_s, [&context](const HttpRequest& request) {
        return login(context, request, context.config.legacyLoginTokenSeconds);
    });
    router.add(Method::Post, u"/api/auth/refresh"_s,
               [&context](const HttpRequest& request) { return refresh(context, request); });
    router.add(Method::Post, u"/api/auth/logout"_s,
               [&context](const HttpRequest& request) { return logout(context, request); });
    // The web client's Profile page calls the second path.
    for (const QString& path : {u"/api/auth/change-password"_s, u"/api/users/change-password"_s})
        router.add(Method::Post, path, [&context](const HttpRequest& request) {
            return changePassword(context, request);
        });
    for (const QString& path : {u"/api/auth/profile"_s, u"/profile"_s})
        router.add(Method::Get, path, [&context](const HttpRequest& request) {
            return withUser(context, request, profile);
        });
    router.add(Method::Get, u"/api/users/me"_s, [&context](const HttpRequest& request) {
        return withUser(context, request, [](const AuthenticatedUser& caller, DbSession& db) {
            const auto record = UserRecord::byId(db, caller.id);
            if (!record)
                return Reply::unauthorized(u"Invalid token: the user no longer exists"_s);
            return Reply::json(200, record->user.toMeJson());
        });
    });
    router.add(Method::Get, u"/api/auth/verify-token"_s, [&context](const HttpRequest& request) {
        return withUser(context, request, [](const AuthenticatedUser& caller, DbSession&) {
            return Reply::json(
                200, QJsonObject{{u"valid"_s, true},
                                 {u"user"_s, QJsonObject{{u"id"_s, caller.id},
                                                         {u"username"_s, caller.username},
                                                         {u"is_admin"_s, caller.isAdmin}}}});
        });
    });
}

} // namespace bizy::server
