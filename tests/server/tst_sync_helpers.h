#pragma once

// Shared by the delta sync tests (tst_sync_push, tst_sync_pull) and
// tst_planning: users with signed tokens, push bodies, and pulls that follow
// has_more to the end.

#include "ServerFixture.h"
#include "auth/Jwt.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QUuid>

namespace synctest {

struct User {
    qint64 id = 0;
    QString token;
};

inline QString newUuid() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// A user row plus an access token signed with the server's secret.
inline User makeUser(PgCluster& db, const QString& name) {
    using namespace Qt::StringLiterals;
    db.exec(u"INSERT INTO users (username, email, password_hash) VALUES (?, ?, 'x')"_s,
            {name, QString(name + u"@example.com"_s)});
    User user;
    user.id = db.scalar(u"SELECT id FROM users WHERE username = ?"_s, {name}).toLongLong();
    bizy::server::JwtClaims claims;
    claims.userId = user.id;
    claims.username = name;
    claims.email = name + u"@example.com"_s;
    claims.issuedAt = QDateTime::currentSecsSinceEpoch();
    claims.expiresAt = claims.issuedAt + 3600;
    user.token = bizy::server::Jwt(QByteArray(ServerProcess::kJwtSecret)).sign(claims);
    return user;
}

inline QJsonObject mutation(qint64 mid, const QString& entity, const QString& uuid,
                            const QString& op, qint64 baseVersion, const QJsonObject& fields = {}) {
    using namespace Qt::StringLiterals;
    return {{u"mid"_s, mid},
            {u"entity"_s, entity},
            {u"uuid"_s, uuid},
            {u"op"_s, op},
            {u"base_version"_s, baseVersion},
            {u"fields"_s, fields}};
}

inline HttpResponse push(HttpClient& http, const User& user, const QString& deviceId,
                         const QJsonArray& mutations) {
    using namespace Qt::StringLiterals;
    return http.post(u"/api/sync/push"_s, {{u"device_id"_s, deviceId}, {u"mutations"_s, mutations}},
                     user.token);
}

inline HttpResponse pull(HttpClient& http, const User& user, qint64 cursor, qint64 limit = 500) {
    using namespace Qt::StringLiterals;
    return http.get(u"/api/sync/pull?cursor=%1&limit=%2"_s.arg(cursor).arg(limit), user.token);
}

// What a client holds after applying pulls: uuid -> row (tombstones remove).
struct Replica {
    QMap<QString, QJsonObject> tasks;
    QMap<QString, QJsonObject> goals;
    qint64 cursor = 0;
    int pulls = 0;
    QString failure; // set when a pull failed or broke an invariant

    // Pulls until has_more is false; checks that versions only grow.
    void pullAll(HttpClient& http, const User& user, qint64 limit = 500) {
        using namespace Qt::StringLiterals;
        for (;;) {
            const HttpResponse response = pull(http, user, cursor, limit);
            ++pulls;
            if (response.status != 200) {
                failure = QString::fromUtf8(response.describe());
                return;
            }
            const QJsonObject page = response.object();
            if (page.value(u"reset"_s).toBool()) {
                failure = u"unexpected reset at cursor %1"_s.arg(cursor);
                return;
            }
            qint64 last = cursor;
            const auto apply = [&](const QJsonArray& rows, QMap<QString, QJsonObject>& into) {
                for (const QJsonValue& value : rows) {
                    const QJsonObject row = value.toObject();
                    const qint64 version = row.value(u"version"_s).toInteger();
                    if (version <= cursor)
                        failure = u"version %1 at or below cursor %2"_s.arg(version).arg(cursor);
                    last = qMax(last, version);
                    if (row.value(u"deleted"_s).toBool())
                        into.remove(row.value(u"uuid"_s).toString());
                    else
                        into.insert(row.value(u"uuid"_s).toString(), row);
                }
            };
            apply(page.value(u"tasks"_s).toArray(), tasks);
            apply(page.value(u"goals"_s).toArray(), goals);
            const qint64 next = page.value(u"cursor"_s).toInteger();
            if (next != last)
                failure = u"cursor %1 is not the last version %2"_s.arg(next).arg(last);
            cursor = next;
            if (!failure.isEmpty() || !page.value(u"has_more"_s).toBool())
                return;
        }
    }
};

} // namespace synctest
