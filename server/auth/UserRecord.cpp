#include "UserRecord.h"

#include "model/IsoDateTime.h"

using namespace Qt::StringLiterals;

namespace bizy::server {

namespace {

QString isoColumn(const QString& column) {
    return u"to_char(u."_s + column + u" AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS')"_s;
}

std::optional<QDateTime> timeValue(const QVariant& value) {
    if (value.isNull())
        return std::nullopt;
    return bizy::IsoDateTime::parse(value.toString());
}

} // namespace

QString UserRecord::selectColumns() {
    return u"u.id, u.username, u.email, u.full_name, u.is_admin, u.is_active, u.is_verified, "_s +
           isoColumn(u"created_at"_s) + u", "_s + isoColumn(u"last_login_at"_s) +
           u", (SELECT to_char(l.locked_until AT TIME ZONE 'UTC', "
           "'YYYY-MM-DD\"T\"HH24:MI:SS.MS') FROM login_lockouts l"
           " WHERE l.name_key = 'user:' || u.id AND l.locked_until > now()),"
           " u.password_hash, u.tokens_valid_after"_s;
}

UserRecord UserRecord::load(const QSqlQuery& row) {
    UserRecord record;
    bizy::User& user = record.user;
    user.id = row.value(0).toLongLong();
    user.username = row.value(1).toString();
    user.email = row.value(2).toString();
    if (!row.value(3).isNull())
        user.fullName = row.value(3).toString();
    user.isAdmin = row.value(4).toBool();
    user.isActive = row.value(5).toBool();
    user.isVerified = row.value(6).toBool();
    user.createdAt = timeValue(row.value(7)).value_or(QDateTime());
    user.lastLoginAt = timeValue(row.value(8));
    user.lockedUntil = timeValue(row.value(9));
    record.passwordHash = row.value(10).toString();
    record.tokensValidAfter = row.value(11).toLongLong();
    return record;
}

std::optional<UserRecord> UserRecord::byId(DbSession& db, qint64 id) {
    QSqlQuery row =
        db.exec(u"SELECT "_s + selectColumns() + u" FROM users u WHERE u.id = ?"_s, {id});
    if (!row.next())
        return std::nullopt;
    return load(row);
}

std::optional<UserRecord> UserRecord::byLogin(DbSession& db, const QString& usernameOrEmail) {
    QSqlQuery row = db.exec(u"SELECT "_s + selectColumns() +
                                u" FROM users u WHERE lower(u.username) = lower(?)"
                                " OR lower(u.email) = lower(?)"
                                " ORDER BY (lower(u.username) = lower(?)) DESC LIMIT 1"_s,
                            {usernameOrEmail, usernameOrEmail, usernameOrEmail});
    if (!row.next())
        return std::nullopt;
    return load(row);
}

QString UserRecord::revokeAccessTokensSql() {
    return u"tokens_valid_after = GREATEST(ceil(extract(epoch FROM clock_timestamp()))::bigint,"
           " tokens_valid_after + 1)"_s;
}

} // namespace bizy::server
