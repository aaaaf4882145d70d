#include "AdminRoutes.h"

#include "auth/AuthGuard.h"
#include "auth/LoginLockout.h"
#include "auth/PasswordHasher.h"
#include "auth/SessionTokens.h"
#include "auth/UserRecord.h"
#include "db/DbRunner.h"
#include "http/QueryParams.h"
#include "http/Reply.h"
#include "model/IsoDateTime.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <limits>

using namespace Qt::StringLiterals;

namespace bizy::server {

namespace {

using Method = Router::Method;

// Serialises admin changes, so two admins demoting each other cannot leave
// the server without one.
constexpr int kAdminLockKey = 7301;

using AdminWork = std::function<QHttpServerResponse(const AuthenticatedUser& admin, DbSession&)>;

QFuture<QHttpServerResponse> asAdmin(ServerContext& context, const HttpRequest& request,
                                     AdminWork work) {
    return context.db.run([&context, request, work](DbSession& db) -> QHttpServerResponse {
        auto admin = AuthGuard::requireAdmin(request, db, context);
        if (!admin)
            return Reply::fromError(admin.error());
        return work(admin.value(), db);
    });
}

void audit(DbSession& db, qint64 actorId, const QString& action, qint64 targetId,
           const QJsonObject& changes) {
    db.exec(u"INSERT INTO admin_audit (actor_id, action, target_id, changes)"
            " VALUES (?, ?, ?, ?::jsonb)"_s,
            {actorId, action, targetId,
             QString::fromUtf8(QJsonDocument(changes).toJson(QJsonDocument::Compact))});
}

QHttpServerResponse userNotFound(qint64 id) {
    return Reply::detail(404, u"User %1 not found"_s.arg(id));
}

bizy::FieldErrors underBody(const bizy::FieldErrors& errors) {
    bizy::FieldErrors moved;
    for (const bizy::FieldError& error : errors)
        moved.append(error.under(u"body"_s));
    return moved;
}

// Active admins other than `exceptId`.
qint64 otherActiveAdmins(DbSession& db, qint64 exceptId) {
    return db
        .scalar(u"SELECT count(*) FROM users WHERE is_admin AND is_active AND id <> ?"_s,
                {exceptId})
        .toLongLong();
}

QHttpServerResponse listUsers(const HttpRequest& request, DbSession& db) {
    QueryParams params(request.query);
    const QString q = params.text(u"q"_s, 200).value_or(QString());
    const qint64 page = params.integer(u"page"_s, 1, 1, 1000000);
    const qint64 perPage = params.integer(u"per_page"_s, 50, 1, 100);
    if (!params.ok())
        return Reply::validation(params.errors());
    // Without q, no filter: a missing q arrives as a null string, which SQL
    // compares as NULL (and then no row would match).
    const QString filter = q.isEmpty() ? QString()
                                       : u" WHERE strpos(lower(u.username), lower(?)) > 0"
                                         " OR strpos(lower(u.email), lower(?)) > 0"_s;
    const QVariantList filterValues = q.isEmpty() ? QVariantList{} : QVariantList{q, q};
    const qint64 total =
        db.scalar(u"SELECT count(*) FROM users u"_s + filter, filterValues).toLongLong();
    QSqlQuery rows = db.exec(u"SELECT "_s + UserRecord::selectColumns() + u" FROM users u"_s +
                                 filter + u" ORDER BY u.id LIMIT ? OFFSET ?"_s,
                             filterValues + QVariantList{perPage, (page - 1) * perPage});
    QJsonArray items;
    while (rows.next())
        items.append(UserRecord::load(rows).user.toAdminJson());
    return Reply::json(200, QJsonObject{{u"items"_s, items},
                                        {u"total"_s, total},
                                        {u"page"_s, page},
                                        {u"per_page"_s, perPage}});
}

QHttpServerResponse createUser(const HttpRequest& request, const AuthenticatedUser& admin,
                               DbSession& db) {
    auto body = request.jsonObject();
    if (!body)
        return Reply::fromError(body.error());
    const bizy::ValidatedFields account = bizy::User::registrationSchema().validate(
        body.value(), bizy::EntitySchema::Mode::Create, bizy::FromRest);
    QJsonObject extrasInput = body.value();
    extrasInput.remove(u"email"_s);
    const bizy::ValidatedFields extras = bizy::User::adminUpdateSchema().validate(
        extrasInput, bizy::EntitySchema::Mode::Patch, bizy::FromAnywhere);
    if (!account.ok() || !extras.ok())
        return Reply::validation(underBody(account.errors + extras.errors));

    const QString username = account.fields.value(u"username"_s).toString();
    const QString email = account.fields.value(u"email"_s).toString();
    if (db.scalar(u"SELECT 1 FROM users WHERE lower(username) = lower(?)"_s, {username}).isValid())
        return Reply::detail(400, u"Username already registered"_s);
    if (db.scalar(u"SELECT 1 FROM users WHERE lower(email) = lower(?)"_s, {email}).isValid())
        return Reply::detail(400, u"Email already registered"_s);
    const QString hash = PasswordHasher::hash(account.fields.value(u"password"_s).toString());
    const bool isAdmin = extras.fields.value(u"is_admin"_s).toBool(false);
    const bool isActive = extras.fields.value(u"is_active"_s).toBool(true);
    const bool isVerified = extras.fields.value(u"is_verified"_s).toBool(false);
    const QJsonValue fullName = extras.fields.value(u"full_name"_s);

    std::optional<UserRecord> created;
    db.transaction([&] {
        const qint64 id =
            db.scalar(u"INSERT INTO users (username, email, password_hash, full_name, is_admin,"
                      " is_active, is_verified) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id"_s,
                      {username, email, hash,
                       fullName.isString() ? QVariant(fullName.toString())
                                           : QVariant(QMetaType::fromType<QString>()),
                       isAdmin, isActive, isVerified})
                .toLongLong();
        created = UserRecord::byId(db, id);
        QJsonObject changes = created->user.toAdminJson();
        changes.remove(u"last_login_at"_s);
        changes.remove(u"locked_until"_s);
        audit(db, admin.id, u"create_user"_s, id, changes);
    });
    return Reply::json(201, created->user.toAdminJson());
}

QHttpServerResponse updateUser(const HttpRequest& request, const AuthenticatedUser& admin,
                               DbSession& db, qint64 id) {
    auto body = request.jsonObject();
    if (!body)
        return Reply::fromError(body.error());
    const bizy::ValidatedFields patch = bizy::User::adminUpdateSchema().validate(
        body.value(), bizy::EntitySchema::Mode::Patch, bizy::FromAnywhere);
    if (!patch.ok())
        return Reply::validation(underBody(patch.errors));

    std::optional<QHttpServerResponse> refusal;
    std::optional<UserRecord> updated;
    db.transaction([&] {
        db.exec(u"SELECT pg_advisory_xact_lock(%1)"_s.arg(kAdminLockKey));
        const auto before = UserRecord::byId(db, id);
        if (!before) {
            refusal = userNotFound(id);
            return;
        }
        const bizy::User& old = before->user;
        const bool isAdmin = patch.fields.value(u"is_admin"_s).toBool(old.isAdmin);
        const bool isActive = patch.fields.value(u"is_active"_s).toBool(old.isActive);
        if (old.isAdmin && old.isActive && !(isAdmin && isActive) &&
            otherActiveAdmins(db, id) == 0) {
            refusal = Reply::detail(409, u"The last active admin cannot be demoted or disabled"_s);
            return;
        }
        if (patch.fields.contains(u"email"_s) &&
            db.scalar(u"SELECT 1 FROM users WHERE lower(email) = lower(?) AND id <> ?"_s,
                      {patch.fields.value(u"email"_s).toString(), id})
                .isValid()) {
            refusal = Reply::detail(400, u"Email already registered"_s);
            return;
        }

        QJsonObject changes;
        const QJsonObject oldJson = old.toAdminJson();
        QStringList assignments;
        QVariantList values;
        for (auto it = patch.fields.begin(); it != patch.fields.end(); ++it) {
            if (oldJson.value(it.key()) == it.value())
                continue;
            changes.insert(
                it.key(), QJsonObject{{u"from"_s, oldJson.value(it.key())}, {u"to"_s, it.value()}});
            assignments << it.key() + u" = ?"_s; // names come from the schema, not the client
            values << (it.value().isNull() ? QVariant(QMetaType::fromType<QString>())
                                           : it.value().toVariant());
        }
        if (!assignments.isEmpty()) {
            values << id;
            db.exec(u"UPDATE users SET "_s + assignments.join(u", "_s) +
                        u", updated_at = now() WHERE id = ?"_s,
                    values);
            const bool demoted = old.isAdmin && !isAdmin;
            const bool disabled = old.isActive && !isActive;
            if (demoted || disabled) {
                SessionTokens::revokeEverySession(db, id);
                changes.insert(u"sessions_revoked"_s, true);
            }
            audit(db, admin.id, u"update_user"_s, id, changes);
        }
        updated = UserRecord::byId(db, id);
    });
    if (refusal)
        return std::move(*refusal);
    return Reply::json(200, updated->user.toAdminJson());
}

QHttpServerResponse resetPassword(const HttpRequest& request, const AuthenticatedUser& admin,
                                  DbSession& db, qint64 id) {
    auto body = request.jsonObject();
    if (!body)
        return Reply::fromError(body.error());
    bizy::FieldSpec spec = bizy::User::passwordSpec();
    spec.name = u"new_password"_s;
    const bizy::ValidatedFields fields = bizy::EntitySchema({spec}).validate(
        body.value(), bizy::EntitySchema::Mode::Create, bizy::FromAnywhere);
    if (!fields.ok())
        return Reply::validation(underBody(fields.errors));
    if (!UserRecord::byId(db, id))
        return userNotFound(id);
    const QString hash = PasswordHasher::hash(fields.fields.value(u"new_password"_s).toString());
    db.transaction([&] {
        db.exec(u"UPDATE users SET password_hash = ?, updated_at = now() WHERE id = ?"_s,
                {hash, id});
        SessionTokens::revokeEverySession(db, id);
        audit(db, admin.id, u"reset_password"_s, id, {{u"sessions_revoked"_s, true}});
    });
    return Reply::json(200, QJsonObject{{u"message"_s, u"Password reset"_s}});
}

QHttpServerResponse unlockUser(const AuthenticatedUser& admin, DbSession& db, qint64 id) {
    const auto record = UserRecord::byId(db, id);
    if (!record)
        return userNotFound(id);
    bool wasLocked = false;
    db.transaction([&] {
        wasLocked = LoginLockout::unlock(db, LoginLockout::keyForUser(id));
        // A lock earned by typing the name before it existed goes too.
        wasLocked =
            LoginLockout::unlock(db, LoginLockout::keyForName(record->user.username)) || wasLocked;
        audit(db, admin.id, u"unlock_user"_s, id, {{u"was_locked"_s, wasLocked}});
    });
    return Reply::json(
        200, QJsonObject{{u"message"_s, u"User unlocked"_s}, {u"was_locked"_s, wasLocked}});
}

// Deletes the user and, through the foreign keys, every row of theirs: tasks,
// goals, sessions, sync state. The last active admin stays. The refusal, when
// nothing was deleted.
std::optional<QHttpServerResponse> deleteUser(DbSession& db, qint64 actorId, qint64 id,
                                              const QString& auditAction) {
    std::optional<QHttpServerResponse> refusal;
    db.transaction([&] {
        db.exec(u"SELECT pg_advisory_xact_lock(%1)"_s.arg(kAdminLockKey));
        const auto record = UserRecord::byId(db, id);
        if (!record) {
            refusal = userNotFound(id);
            return;
        }
        if (record->user.isAdmin && record->user.isActive && otherActiveAdmins(db, id) == 0) {
            refusal = Reply::detail(409, u"The last active admin cannot be deleted"_s);
            return;
        }
        // Written first: the row outlives the user (its actor_id then becomes null
        // when the user deleted themselves).
        audit(db, actorId, auditAction, id,
              {{u"username"_s, record->user.username}, {u"email"_s, record->user.email}});
        db.exec(u"DELETE FROM users WHERE id = ?"_s, {id});
    });
    return refusal;
}

// The user item with what a delete takes along (an addition: the admin
// panel names it before asking to confirm).
QHttpServerResponse showUser(const AuthenticatedUser&, DbSession& db, qint64 id) {
    const auto record = UserRecord::byId(db, id);
    if (!record)
        return userNotFound(id);
    QJsonObject item = record->user.toAdminJson();
    item.insert(u"task_count"_s,
                db.scalar(u"SELECT count(*) FROM tasks WHERE user_id = ?"_s, {id}).toLongLong());
    item.insert(u"goal_count"_s,
                db.scalar(u"SELECT count(*) FROM goals WHERE user_id = ?"_s, {id}).toLongLong());
    return Reply::json(200, item);
}

QJsonValue nullableId(const QVariant& value) {
    return value.isNull() ? QJsonValue() : QJsonValue(value.toLongLong());
}

QJsonValue nullableText(const QVariant& value) {
    return value.isNull() ? QJsonValue() : QJsonValue(value.toString());
}

QHttpServerResponse listAudit(const HttpRequest& request, DbSession& db) {
    QueryParams params(request.query);
    const qint64 page = params.integer(u"page"_s, 1, 1, 1000000);
    const qint64 perPage = params.integer(u"per_page"_s, 50, 1, 100);
    // Additions: the rows a user acted in or was the target of, and one action.
    const std::optional<qint64> userId =
        params.optionalInteger(u"user_id"_s, 1, std::numeric_limits<qint64>::max());
    const std::optional<QString> action =
        params.choice(u"action"_s, {u"create_user"_s, u"update_user"_s, u"reset_password"_s,
                                    u"unlock_user"_s, u"delete_user"_s, u"delete_own_account"_s,
                                    u"cli_create_admin"_s, u"cli_promote_admin"_s});
    if (!params.ok())
        return Reply::validation(params.errors());
    const QString filter = u" WHERE (?::bigint IS NULL OR a.actor_id = ? OR a.target_id = ?)"
                           " AND (?::text IS NULL OR a.action = ?)"_s;
    const QVariant user = userId ? QVariant(*userId) : QVariant(QMetaType::fromType<qint64>());
    const QVariant act = action ? QVariant(*action) : QVariant(QMetaType::fromType<QString>());
    const QVariantList filterValues{user, user, user, act, act};
    const qint64 total =
        db.scalar(u"SELECT count(*) FROM admin_audit a"_s + filter, filterValues).toLongLong();
    QSqlQuery rows = db.exec(
        u"SELECT a.id, to_char(a.at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS'),"
        " a.actor_id, a.action, a.target_id, a.changes::text, actor.username, target.username"
        " FROM admin_audit a LEFT JOIN users actor ON actor.id = a.actor_id"
        " LEFT JOIN users target ON target.id = a.target_id"_s +
            filter + u" ORDER BY a.at DESC, a.id DESC LIMIT ? OFFSET ?"_s,
        filterValues + QVariantList{perPage, (page - 1) * perPage});
    QJsonArray items;
    while (rows.next()) {
        const auto at = bizy::IsoDateTime::parse(rows.value(1).toString());
        items.append(QJsonObject{
            {u"id"_s, rows.value(0).toLongLong()},
            {u"at"_s, at ? QJsonValue(bizy::IsoDateTime::format(*at)) : QJsonValue()},
            {u"actor_id"_s, nullableId(rows.value(2))},
            {u"action"_s, rows.value(3).toString()},
            {u"target_id"_s, nullableId(rows.value(4))},
            {u"changes"_s, QJsonDocument::fromJson(rows.value(5).toString().toUtf8()).object()},
            {u"actor_username"_s, nullableText(rows.value(6))},
            {u"target_username"_s, nullableText(rows.value(7))}});
    }
    return Reply::json(200, QJsonObject{{u"items"_s, items},
                                        {u"total"_s, total},
                                        {u"page"_s, page},
                                        {u"per_page"_s, perPage}});
}

// Routes on /api/admin/users/{user_id}...: the id is checked after the caller.
void addUserRoute(Router& router, ServerContext& context, Method method, const QString& pattern,
                  std::function<QHttpServerResponse(const HttpRequest&, const AuthenticatedUser&,
                                                    DbSession&, qint64)>
                      work) {
    router.add(method, pattern, [&context, work](const HttpRequest& request) {
        return asAdmin(context, request,
                       [request, work](const AuthenticatedUser& admin, DbSession& db) {
                           auto id = request.pathId(u"user_id"_s);
                           if (!id)
                               return Reply::fromError(id.error());
                           return work(request, admin, db, id.value());
                       });
    });
}

} // namespace

void registerAdminRoutes(Router& router, ServerContext& context) {
    router.add(Method::Get, u"/api/admin/users"_s, [&context](const HttpRequest& request) {
        return asAdmin(context, request, [request](const AuthenticatedUser&, DbSession& db) {
            return listUsers(request, db);
        });
    });
    router.add(Method::Post, u"/api/admin/users"_s, [&context](const HttpRequest& request) {
        return asAdmin(context, request, [request](const AuthenticatedUser& admin, DbSession& db) {
            return createUser(request, admin, db);
        });
    });
    addUserRoute(router, context, Method::Get, u"/api/admin/users/{user_id}"_s,
                 [](const HttpRequest&, const AuthenticatedUser& admin, DbSession& db, qint64 id) {
                     return showUser(admin, db, id);
                 });
    addUserRoute(router, context, Method::Patch, u"/api/admin/users/{user_id}"_s, updateUser);
    addUserRoute(router, context, Method::Delete, u"/api/admin/users/{user_id}"_s,
                 [](const HttpRequest&, const AuthenticatedUser& admin, DbSession& db, qint64 id) {
                     auto refusal = deleteUser(db, admin.id, id, u"delete_user"_s);
                     return refusal ? std::move(*refusal) : Reply::noContent();
                 });
    addUserRoute(router, context, Method::Post, u"/api/admin/users/{user_id}/reset-password"_s,
                 resetPassword);
    addUserRoute(router, context, Method::Post, u"/api/admin/users/{user_id}/unlock"_s,
                 [](const HttpRequest&, const AuthenticatedUser& admin, DbSession& db, qint64 id) {
                     return unlockUser(admin, db, id);
                 });
    // The web client's Profile page: a user deletes their own account, under the
    // same rules and with the same audit trail as an admin's delete.
    router.add(Method::Delete, u"/api/users/me"_s, [&context](const HttpRequest& request) {
        return context.db.run([&context, request](DbSession& db) -> QHttpServerResponse {
            auto caller = AuthGuard::requireUser(request, db, context);
            if (!caller)
                return Reply::fromError(caller.error());
            auto refusal = deleteUser(db, caller->id, caller->id, u"delete_own_account"_s);
            if (refusal)
                return std::move(*refusal);
            return Reply::json(200, QJsonObject{{u"message"_s, u"Account deleted"_s},
                                                {u"username"_s, caller->username}});
        });
    });
    router.add(Method::Get, u"/api/admin/audit"_s, [&context](const HttpRequest& request) {
        return asAdmin(context, request, [request](const AuthenticatedUser&, DbSession& db) {
            return listAudit(request, db);
        });
    });
}

} // namespace bizy::server
