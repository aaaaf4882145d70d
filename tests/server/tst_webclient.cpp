#include "ServerFixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;

// What the existing web client calls beyond sections 2 to 6 (docs/api.md
// section 10): created_at on /api/users/me, the old /login's 24-hour tokens, a
// logout with only the bearer token, change-password and account deletion on
// /api/users, GET / and the auth-server probe, and one server answering on the
// two ports the client calls (4567 for auth, 8000 for the rest).
class TestWebClient : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(m_fixture.start({}, &error), qPrintable(error));
    }

    void usersMe_carriesCreatedAt() {
        // given a user who registered
        const HttpClient::Session ann = http().registerAndLogin(u"me_ann"_s);
        QVERIFY(ann.ok());
        const QString storedCreatedAt =
            db().scalar(u"SELECT to_char(created_at AT TIME ZONE 'UTC',"
                        " 'YYYY-MM-DD\"T\"HH24:MI:SS.MS') FROM users WHERE id = ?"_s,
                        {ann.userId})
                .toString();
        // when the Profile page asks who they are
        const HttpResponse me = http().get(u"/api/users/me"_s, ann.token);
        // then created_at ("Member since") is the stored time, with the other keys
        QVERIFY2(me.status == 200, me.describe().constData());
        QStringList keys = me.object().keys();
        keys.sort();
        QCOMPARE(keys,
                 (QStringList{u"created_at"_s, u"email"_s, u"full_name"_s, u"id"_s, u"is_active"_s,
                              u"is_admin"_s, u"is_verified"_s, u"username"_s}));
        QString expected = storedCreatedAt;
        if (expected.endsWith(u".000"_s)) // whole seconds are written without a fraction
            expected.chop(4);
        QCOMPARE(me.object()[u"created_at"_s].toString(), expected);
    }

    void oldLoginPath_issues24HourTokens_otherPathsKeepTheirs() {
        // given a user
        QCOMPARE(http().registerUser(u"day_bob"_s, u"Password123!"_s).status, 201);
        const QJsonObject credentials{{u"username"_s, u"day_bob"_s},
                                      {u"password"_s, u"Password123!"_s}};
        // when the old web client logs in on /login
        const HttpResponse old = http().post(u"/login"_s, credentials);
        // then its token lives 24 hours, and works
        QVERIFY2(old.status == 200, old.describe().constData());
        QCOMPARE(old.object()[u"expires_in"_s].toInteger(), 86400);
        QCOMPARE(lifetimeOf(old.object()[u"token"_s].toString()), 86400);
        QCOMPARE(http().get(u"/api/users/me"_s, old.object()[u"token"_s].toString()).status, 200);
        // and /api/auth/login and a refresh keep 15 minutes
        const HttpResponse api = http().post(u"/api/auth/login"_s, credentials);
        QCOMPARE(api.object()[u"expires_in"_s].toInteger(), 900);
        QCOMPARE(lifetimeOf(api.object()[u"token"_s].toString()), 900);
        const HttpResponse refreshed = http().post(
            u"/api/auth/refresh"_s, {{u"refresh_token"_s, old.object()[u"refresh_token"_s]}});
        QVERIFY2(refreshed.status == 200, refreshed.describe().constData());
        QCOMPARE(lifetimeOf(refreshed.object()[u"token"_s].toString()), 900);
    }

    void logoutWithOnlyTheBearer_endsThatSessionAndNoOther() {
        // given two sessions of one user, the web client's on /login
        QCOMPARE(http().registerUser(u"out_cy"_s, u"Password123!"_s).status, 201);
        const HttpResponse web = http().post(
            u"/login"_s, {{u"username"_s, u"out_cy"_s}, {u"password"_s, u"Password123!"_s}});
        const HttpClient::Session desk =
            http().sessionFrom(http().login(u"out_cy"_s, u"Password123!"_s), u"out_cy"_s);
        const QString webToken = web.object()[u"token"_s].toString();
        QVERIFY(!webToken.isEmpty() && desk.ok());

        // when the web client logs out with its bearer token and no body
        const HttpResponse out = http().send("POST", u"/api/auth/logout"_s, {},
                                             {{"Authorization", "Bearer " + webToken.toUtf8()}});
        // then 200 with the old backend's words
        QVERIFY2(out.status == 200, out.describe().constData());
        QCOMPARE(out.object(), (QJsonObject{{u"message"_s, u"Logged out successfully"_s},
                                            {u"username"_s, u"out_cy"_s}}));
        // and that access token and its refresh token are dead
        const HttpResponse after = http().get(u"/api/users/me"_s, webToken);
        QCOMPARE(after.status, 401);
        QCOMPARE(after.detail(), u"Invalid token: the token has been revoked"_s);
        const HttpResponse refresh = http().post(
            u"/api/auth/refresh"_s, {{u"refresh_token"_s, web.object()[u"refresh_token"_s]}});
        QCOMPARE(refresh.status, 401);
        QCOMPARE(refresh.detail(), u"Invalid refresh token: it has been revoked"_s);
        // and the other session goes on, refresh included
        QCOMPARE(http().get(u"/api/users/me"_s, desk.token).status, 200);
        const HttpResponse deskRefreshed =
            http().post(u"/api/auth/refresh"_s, {{u"refresh_token"_s, desk.refreshToken}});
        QCOMPARE(deskRefreshed.status, 200);
        // and a bearer with an empty object for a body logs out the same way
        const QString deskToken = deskRefreshed.object()[u"token"_s].toString();
        QCOMPARE(http().post(u"/api/auth/logout"_s, {}, deskToken).status, 200);
        QCOMPARE(http().get(u"/api/users/me"_s, deskToken).status, 401);
        // and without any credential a logout is still 401
        QCOMPARE(http().send("POST", u"/api/auth/logout"_s, {}).status, 401);
    }

    void changePasswordOnUsersPath_sameRulesWithTheErrorKey() {
        // given a user with two sessions
        const HttpClient::Session dee = http().registerAndLogin(u"pw_dee"_s);
        const HttpClient::Session other =
            http().sessionFrom(http().login(u"pw_dee"_s, u"Password123!"_s), u"pw_dee"_s);
        QVERIFY(dee.ok() && other.ok());
        const QString path = u"/api/users/change-password"_s;

        // when the Profile page sends a wrong current password, a short new
        // one, or no token
        const HttpResponse wrong = http().post(path,
                                               {{u"current_password"_s, u"NotMyPassword1"_s},
                                                {u"new_password"_s, u"NewPassword456!"_s}},
                                               dee.token);
        const HttpResponse tooShort = http().post(
            path, {{u"current_password"_s, u"Password123!"_s}, {u"new_password"_s, u"short"_s}},
            dee.token);
        const HttpResponse anonymous = http().post(
            path, {{u"current_password"_s, u"Password123!"_s}, {u"new_password"_s, u"x"_s}});
        // then the refusals of /api/auth/change-password, each with "error"
        QCOMPARE(wrong.status, 400);
        QCOMPARE(wrong.object(), (QJsonObject{{u"detail"_s, u"Current password is incorrect"_s},
                                              {u"error"_s, u"Current password is incorrect"_s}}));
        QCOMPARE(tooShort.status, 422);
        QCOMPARE(tooShort.object()[u"detail"_s][0][u"loc"_s].toArray(),
                 (QJsonArray{u"body"_s, u"new_password"_s}));
        QVERIFY2(tooShort.object()[u"error"_s].toString().contains(u"new_password"_s),
                 tooShort.describe().constData());
        QCOMPARE(anonymous.status, 401);
        QCOMPARE(anonymous.object()[u"error"_s].toString(), u"Not authenticated"_s);

        // when the right current password comes with a good new one
        const HttpResponse changed = http().post(
            path,
            {{u"current_password"_s, u"Password123!"_s}, {u"new_password"_s, u"NewPassword456!"_s}},
            dee.token);
        // then it is changed, the other session is over, and only the new one logs in
        QVERIFY2(changed.status == 200, changed.describe().constData());
        QCOMPARE(changed.object()[u"message"_s].toString(), u"Password changed successfully"_s);
        QCOMPARE(http().get(u"/api/users/me"_s, other.token).status, 401);
        QCOMPARE(http().login(u"pw_dee"_s, u"Password123!"_s).status, 401);
        QCOMPARE(http().login(u"pw_dee"_s, u"NewPassword456!"_s).status, 200);
    }

    void deleteOwnAccount_removesEveryRowOfTheUserOnly() {
        // given a user with a goal, a task under it, a synced device and a
        // second session, and another user with a task
        const HttpClient::Session eve = http().registerAndLogin(u"del_eve"_s);
        const HttpClient::Session eveToo =
            http().sessionFrom(http().login(u"del_eve"_s, u"Password123!"_s), u"del_eve"_s);
        const HttpClient::Session fay = http().registerAndLogin(u"del_fay"_s);
        QVERIFY(eve.ok() && eveToo.ok() && fay.ok());
        const HttpResponse goal = http().post(
            u"/api/goals/"_s, {{u"title"_s, u"Run"_s}, {u"horizon"_s, u"yearly"_s}}, eve.token);
        QCOMPARE(goal.status, 201);
        QCOMPARE(
            http()
                .post(u"/api/tasks/"_s,
                      {{u"title"_s, u"Shoes"_s}, {u"parent_goal_id"_s, goal.object()[u"id"_s]}},
                      eve.token)
                .status,
            201);
        const HttpResponse pushed = http().post(
            u"/api/sync/push"_s,
            {{u"device_id"_s, u"0b5c1d4e-1111-4a2b-8c3d-000000000001"_s},
             {u"mutations"_s,
              QJsonArray{QJsonObject{{u"mid"_s, 1},
                                     {u"entity"_s, u"task"_s},
                                     {u"uuid"_s, u"0b5c1d4e-2222-4a2b-8c3d-000000000002"_s},
                                     {u"op"_s, u"upsert"_s},
                                     {u"base_version"_s, 0},
                                     {u"fields"_s, QJsonObject{{u"title"_s, u"Socks"_s}}}}}}},
            eve.token);
        QVERIFY2(pushed.status == 200, pushed.describe().constData());
        QCOMPARE(http().post(u"/api/tasks/"_s, {{u"title"_s, u"Fay's"_s}}, fay.token).status, 201);
        // tasks 2, goal 1, refresh tokens 2, device 1, version counter 1, kept push result 1
        QCOMPARE(rowsOf(eve.userId), 8);

        // when Eve deletes her account from the Profile page
        const HttpResponse deleted = http().del(u"/api/users/me"_s, eve.token);
        // then it is gone with every row of hers
        QVERIFY2(deleted.status == 200, deleted.describe().constData());
        QCOMPARE(deleted.object(), (QJsonObject{{u"message"_s, u"Account deleted"_s},
                                                {u"username"_s, u"del_eve"_s}}));
        QCOMPARE(db().scalar(u"SELECT count(*) FROM users WHERE id = ?"_s, {eve.userId}).toInt(),
                 0);
        QCOMPARE(rowsOf(eve.userId), 0);
        // and every session of hers is over, the login too
        for (const QString& token : {eve.token, eveToo.token}) {
            const HttpResponse me = http().get(u"/api/users/me"_s, token);
            QCOMPARE(me.status, 401);
            QCOMPARE(me.detail(), u"Invalid token: the user no longer exists"_s);
        }
        QCOMPARE(
            http().post(u"/api/auth/refresh"_s, {{u"refresh_token"_s, eveToo.refreshToken}}).status,
            401);
        QCOMPARE(http().login(u"del_eve"_s, u"Password123!"_s).status, 401);
        // and Fay keeps her task
        const HttpResponse fays = http().get(u"/api/tasks/"_s, fay.token);
        QCOMPARE(fays.json.toArray().size(), 1);
        // and the audit trail has one row for it (the actor is gone with the account)
        QSqlQuery audit(db().connection());
        QVERIFY(audit.prepare(u"SELECT actor_id IS NULL, action, changes::text FROM admin_audit"
                              " WHERE target_id = ?"_s));
        audit.addBindValue(eve.userId);
        QVERIFY(audit.exec() && audit.next());
        QVERIFY(audit.value(0).toBool());
        QCOMPARE(audit.value(1).toString(), u"delete_own_account"_s);
        QCOMPARE(
            QJsonDocument::fromJson(audit.value(2).toString().toUtf8()).object(),
            (QJsonObject{{u"username"_s, u"del_eve"_s}, {u"email"_s, u"del_eve@example.com"_s}}));
        QVERIFY(!audit.next());
    }

    void deleteOwnAccount_lastActiveAdmin_is409() {
        // given the only admin
        const HttpClient::Session root = m_fixture.makeAdmin(u"only_root"_s);
        QVERIFY(root.ok());
        // when it deletes its own account
        const HttpResponse refused = http().del(u"/api/users/me"_s, root.token);
        // then 409 and it is still there
        QCOMPARE(refused.status, 409);
        QCOMPARE(refused.detail(), u"The last active admin cannot be deleted"_s);
        QCOMPARE(http().get(u"/api/users/me"_s, root.token).status, 200);
        // and once there is another admin, it may
        QVERIFY(m_fixture.makeAdmin(u"second_root"_s).ok());
        QCOMPARE(http().del(u"/api/users/me"_s, root.token).status, 200);
        QCOMPARE(http().del(u"/api/users/me"_s, root.token).status, 401);
    }

    void root_andAuthServerHealth_answerTheOldBackendsKeys() {
        // when the web client or a probe asks the old backend's open paths
        const HttpResponse root = http().get(u"/"_s);
        const HttpResponse authHealth = http().get(u"/api/auth/auth-server-health"_s);
        // then the same keys as the old backend, the auth service healthy
        QCOMPARE(root.status, 200);
        QCOMPARE(root.object(), (QJsonObject{{u"message"_s, u"Bizy AI API"_s},
                                             {u"version"_s, QStringLiteral(BIZY_VERSION)},
                                             {u"docs"_s, u"/api/docs"_s},
                                             {u"simple_docs"_s, QJsonValue()},
                                             {u"health"_s, u"/health"_s}}));
        QCOMPARE(authHealth.status, 200);
        QCOMPARE(authHealth.object(),
                 (QJsonObject{
                     {u"auth_server"_s, QJsonObject{{u"status"_s, u"healthy"_s},
                                                    {u"service"_s, u"bizy-server"_s},
                                                    {u"version"_s, QStringLiteral(BIZY_VERSION)},
                                                    {u"database"_s, u"connected"_s}}}}));
    }

    void passwordReset_withoutAMailServer_is503AfterValidation() {
        // given this server has no BIZY_SMTP_URL
        for (const QString& path : {u"/api/auth/password-reset"_s, u"/password-reset"_s}) {
            // when the Login page asks for a reset
            const HttpResponse answer = http().post(path, {{u"email"_s, u"me_ann@example.com"_s}});
            // then 503 says why, in "detail" and "error"
            QCOMPARE(answer.status, 503);
            const QString why = u"Password reset by email is not available: this server has no "
                                "mail server configured (BIZY_SMTP_URL)"_s;
            QCOMPARE(answer.object(), (QJsonObject{{u"detail"_s, why}, {u"error"_s, why}}));
            // and a bad body is still a 422 first
            QCOMPARE(http().post(path, {{u"email"_s, u"not-an-address"_s}}).status, 422);
        }
    }

    void severalPorts_answerTheSameRoutes_andStopCleanly() {
        // given one server process on two ports, like 8000 and 4567
        ServerProcess server(m_fixture.database().databaseUrl());
        const quint16 authPort = PgCluster::freePort();
        server.setExtraPorts({authPort});
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        HttpClient main(server.baseUrl());
        HttpClient auth(u"http://127.0.0.1:%1"_s.arg(authPort));

        // when the web client logs in on the auth port and works on the other
        QCOMPARE(auth.registerUser(u"two_ports"_s, u"Password123!"_s).status, 201);
        const HttpResponse login = auth.post(
            u"/login"_s, {{u"username"_s, u"two_ports"_s}, {u"password"_s, u"Password123!"_s}});
        const QString token = login.object()[u"token"_s].toString();
        QVERIFY2(!token.isEmpty(), login.describe().constData());
        QCOMPARE(main.post(u"/api/tasks/"_s, {{u"title"_s, u"On 8000"_s}}, token).status, 201);
        // then each port answers every route the same
        for (HttpClient* client : {&main, &auth}) {
            const HttpResponse tasks = client->get(u"/api/tasks/"_s, token);
            QCOMPARE(tasks.status, 200);
            QCOMPARE(tasks.json.toArray().first()[u"title"_s].toString(), u"On 8000"_s);
            QCOMPARE(client->get(u"/api/auth/profile"_s, token).object()[u"username"_s].toString(),
                     u"two_ports"_s);
        }
        const QString endpoints = u"127.0.0.1:%1, 127.0.0.1:%2"_s.arg(server.port()).arg(authPort);
        QVERIFY2(server.output().contains(endpoints), qPrintable(server.output()));

        // when it is stopped
        QCOMPARE(server.terminate(), 0);
        // then it said so and neither port takes connections any more
        QVERIFY2(server.output().contains(u"Stopped"_s), qPrintable(server.output()));
        for (const quint16 port : {server.port(), authPort}) {
            QTcpSocket socket;
            socket.connectToHost(u"127.0.0.1"_s, port);
            QVERIFY(!socket.waitForConnected(2000));
        }
    }

private:
    // exp - iat of an access token, read from its payload.
    static qint64 lifetimeOf(const QString& token) {
        const QByteArray payload = QByteArray::fromBase64(token.section(u'.', 1, 1).toLatin1(),
                                                          QByteArray::Base64UrlEncoding);
        const QJsonObject claims = QJsonDocument::fromJson(payload).object();
        return claims[u"exp"_s].toInteger() - claims[u"iat"_s].toInteger();
    }

    // Rows that belong to the user in every table that keeps some.
    int rowsOf(qint64 userId) {
        int rows = 0;
        for (const QString& table : {u"tasks"_s, u"goals"_s, u"tombstones"_s, u"refresh_tokens"_s,
                                     u"sync_devices"_s, u"sync_results"_s, u"user_sync_state"_s})
            rows +=
                db().scalar(u"SELECT count(*) FROM "_s + table + u" WHERE user_id = ?"_s, {userId})
                    .toInt();
        return rows;
    }

    HttpClient& http() { return m_fixture.http(); }
    PgCluster& db() { return m_fixture.database(); }
    ServerFixture m_fixture;
};

QTEST_GUILESS_MAIN(TestWebClient)
#include "tst_webclient.moc"
