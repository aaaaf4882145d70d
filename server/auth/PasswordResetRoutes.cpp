#include "PasswordResetRoutes.h"

#include "ServerLog.h"
#include "auth/AuthChecks.h"
#include "auth/LoginLockout.h"
#include "auth/OpaqueToken.h"
#include "auth/PasswordHasher.h"
#include "auth/SessionTokens.h"
#include "db/DbRunner.h"
#include "http/Reply.h"
#include "mail/Mailer.h"
#include "model/User.h"

using namespace Qt::StringLiterals;

namespace bizy::server {

namespace {

using Method = Router::Method;

constexpr qint64 kTokenLifetimeSeconds = 30 * 60;

// The same words whether or not the address has an account: the answer must
// not tell who is registered.
const QString kRequestAnswer =
    u"If an account with that email exists, a password reset code has been sent to it"_s;

MailMessage resetMail(const QString& username, const QString& email, const QString& token) {
    MailMessage mail;
    mail.to = email;
    mail.subject = u"Reset your Bizy password"_s;
    mail.body = u"Hello %1,\n"
                "\n"
                "someone asked to reset the password of your Bizy account. If that was\n"
                "you, use this reset code within 30 minutes; it works once:\n"
                "\n"
                "    %2\n"
                "\n"
                "If you did not ask for this, ignore this mail: your password stays\n"
                "as it is.\n"_s.arg(username, token);
    return mail;
}

QFuture<QHttpServerResponse> requestReset(ServerContext& context, const HttpRequest& request) {
    if (auto limited =
            AuthChecks::rateLimited(context, u"password-reset"_s, request.remoteAddress.toString()))
        return Reply::ready(std::move(*limited));
    auto body = request.jsonObject();
    if (!body)
        return Reply::ready(Reply::fromError(body.error()));
    const bizy::ValidatedFields fields =
        bizy::EntitySchema({*bizy::User::registrationSchema().field(u"email")})
            .validate(body.value(), bizy::EntitySchema::Mode::Create, bizy::FromAnywhere);
    if (!fields.ok()) {
        bizy::FieldErrors errors;
        for (const bizy::FieldError& error : fields.errors)
            errors.append(error.under(u"body"_s));
        return Reply::ready(Reply::validation(errors));
    }
    const QString email = fields.fields.value(u"email"_s).toString();
    // Per address too, so nobody floods one mailbox from many places.
    if (auto limited = AuthChecks::rateLimited(context, u"password-reset-email"_s, email.toLower()))
        return Reply::ready(std::move(*limited));
    if (!context.mailer.enabled())
        return Reply::ready(Reply::detail(
            503, u"Password reset by email is not available: this server has no mail server "
                 "configured (BIZY_SMTP_URL)"_s));

    return context.db.run([&context, email](DbSession& db) -> QHttpServerResponse {
        QSqlQuery user = db.exec(u"SELECT id, username, email FROM users"
                                 " WHERE lower(email) = lower(?) AND is_active"_s,
                                 {email});
        if (user.next()) {
            const QString token = OpaqueToken::generate();
            // Spent and expired tokens are kept a day, so a late click still
            // hears why it failed.
            db.exec(u"DELETE FROM password_reset_tokens"
                    " WHERE expires_at < now() - interval '1 day'"_s);
            db.exec(u"INSERT INTO password_reset_tokens (user_id, token_hash, expires_at)"
                    " VALUES (?, ?, now() + make_interval(secs => ?))"_s,
                    {user.value(0), OpaqueToken::hash(token), double(kTokenLifetimeSeconds)});
            context.mailer.send(
                resetMail(user.value(1).toString(), user.value(2).toString(), token));
            qCInfo(lcServer) << "Password reset requested for user" << user.value(0).toLongLong();
        }
        return Reply::json(200, QJsonObject{{u"message"_s, kRequestAnswer}});
    });
}

QFuture<QHttpServerResponse> confirmReset(ServerContext& context, const HttpRequest& request) {
    if (auto limited = AuthChecks::rateLimited(context, u"password-reset-confirm"_s,
                                               request.remoteAddress.toString()))
        return Reply::ready(std::move(*limited));
    auto body = request.jsonObject();
    if (!body)
        return Reply::ready(Reply::fromError(body.error()));
    bizy::FieldErrors errors;
    const QString token = AuthChecks::requiredString(body.value(), u"token"_s, &errors);
    const QString next = AuthChecks::newPassword(body.value(), &errors);
    if (!errors.isEmpty())
        return Reply::ready(Reply::validation(errors));

    return context.db.run([token, next, request](DbSession& db) -> QHttpServerResponse {
        QSqlQuery row = db.exec(u"SELECT t.id, t.user_id, t.used_at IS NOT NULL,"
                                " t.expires_at <= now(), u.is_active"
                                " FROM password_reset_tokens t JOIN users u ON u.id = t.user_id"
                                " WHERE t.token_hash = ?"_s,
                                {OpaqueToken::hash(token)});
        if (!row.next())
            return Reply::detail(400, u"Invalid password reset token"_s);
        const qint64 tokenId = row.value(0).toLongLong();
        const qint64 userId = row.value(1).toLongLong();
        const QString alreadyUsed = u"Password reset token was already used"_s;
        if (row.value(2).toBool())
            return Reply::detail(400, alreadyUsed);
        if (row.value(3).toBool())
            return Reply::detail(400, u"Password reset token has expired"_s);
        if (!row.value(4).toBool())
            return Reply::detail(403, u"Account is disabled"_s);

        const QString hash = PasswordHasher::hash(next);
        bool claimed = false;
        db.transaction([&] {
            QSqlQuery spent = db.exec(u"UPDATE password_reset_tokens SET used_at = now()"
                                      " WHERE id = ? AND used_at IS NULL AND expires_at > now()"
                                      " RETURNING id"_s,
                                      {tokenId});
            claimed = spent.next();
            if (!claimed) // a concurrent confirmation won
                return;
            // The user's other outstanding tokens were for the password that is gone.
            db.exec(u"UPDATE password_reset_tokens SET used_at = now()"
                    " WHERE user_id = ? AND used_at IS NULL"_s,
                    {userId});
            db.exec(u"UPDATE users SET password_hash = ?, updated_at = now() WHERE id = ?"_s,
                    {hash, userId});
            SessionTokens::revokeEverySession(db, userId);
            // Whoever proved they own the mailbox may log in at once.
            LoginLockout::unlock(db, LoginLockout::keyForUser(userId));
        });
        if (!claimed)
            return Reply::detail(400, alreadyUsed);
        request.noteUserId(userId);
        qCInfo(lcServer) << "Password reset for user" << userId << "- every session revoked";
        return Reply::json(200, QJsonObject{{u"message"_s, u"Password has been reset"_s}});
    });
}

} // namespace

void registerPasswordResetRoutes(Router& router, ServerContext& context) {
    // The old auth service's Login page calls the second path.
    for (const QString& path : {u"/api/auth/password-reset"_s, u"/password-reset"_s})
        router.add(Method::Post, path, [&context](const HttpRequest& request) {
            return requestReset(context, request);
        });
    router.add(Method::Post, u"/api/auth/password-reset/confirm"_s,
               [&context](const HttpRequest& request) { return confirmReset(context, request); });
}

} // namespace bizy::server
