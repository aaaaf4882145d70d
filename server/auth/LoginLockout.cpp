#include "LoginLockout.h"

using namespace Qt::StringLiterals;

namespace bizy::server {

namespace LoginLockout {

QString keyForUser(qint64 userId) {
    return u"user:"_s + QString::number(userId);
}

QString keyForName(const QString& loginName) {
    return u"name:"_s + loginName.trimmed().toLower().left(300);
}

std::optional<qint64> lockedFor(DbSession& db, const QString& key) {
    const QVariant seconds =
        db.scalar(u"SELECT ceil(extract(epoch FROM locked_until - now()))::bigint"
                  " FROM login_lockouts WHERE name_key = ? AND locked_until > now()"_s,
                  {key});
    if (seconds.isNull() || !seconds.isValid())
        return std::nullopt;
    return qMax<qint64>(1, seconds.toLongLong());
}

std::optional<qint64> recordFailure(DbSession& db, const QString& key) {
    std::optional<qint64> locked;
    db.transaction([&] {
        db.exec(u"INSERT INTO login_failures (name_key) VALUES (?)"_s, {key});
        const qint64 failures = db.scalar(u"SELECT count(*) FROM login_failures WHERE name_key = ?"
                                          " AND at > now() - make_interval(mins => ?)"_s,
                                          {key, kWindowMinutes})
                                    .toLongLong();
        if (failures >= kMaxFailures) {
            db.exec(u"INSERT INTO login_lockouts (name_key, locked_until)"
                    " VALUES (?, now() + make_interval(mins => ?))"
                    " ON CONFLICT (name_key) DO UPDATE SET locked_until = EXCLUDED.locked_until"_s,
                    {key, kLockMinutes});
            db.exec(u"DELETE FROM login_failures WHERE name_key = ?"_s, {key});
            locked = qint64(kLockMinutes) * 60;
        }
    });
    return locked;
}

void clearFailures(DbSession& db, const QString& key) {
    db.exec(u"DELETE FROM login_failures WHERE name_key = ?"_s, {key});
}

bool unlock(DbSession& db, const QString& key) {
    clearFailures(db, key);
    QSqlQuery removed = db.exec(
        u"DELETE FROM login_lockouts WHERE name_key = ? AND locked_until > now() RETURNING 1"_s,
        {key});
    return removed.next();
}

} // namespace LoginLockout

} // namespace bizy::server
