#include "ServerFixture.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;

// docs/api.md section 5 through the real server: every admin endpoint, its status
// codes, session revocation, the last-admin rule and the audit trail.
class TestAdmin : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(m_fixture.start({}, &error), qPrintable(error));
        m_admin = m_fixture.makeAdmin(u"root_admin"_s);
        QVERIFY(m_admin.ok());
        m_user = http().registerAndLogin(u"plain_user"_s);
        QVERIFY(m_user.ok());
    }

    void createAdmin_command_makesAnAdminWhoseProfileSaysSo() {
        const HttpResponse profile = http().get(u"/api/auth/profile"_s, m_admin.token);
        QCOMPARE(profile.object()[u"is_admin"_s], QJsonValue(true));
    }

    void createAdmin_promotesAnExistingUser_andRefusesBadInput() {
        // given a plain user
        const HttpClient::Session promoted = http().registerAndLogin(u"to_promote"_s);
        QCOMPARE(http().get(u"/api/admin/users"_s, promoted.token).status, 403);
        // when create-admin names them (with a new password)
        QString output;
        QCOMPARE(m_fixture.server().createAdmin(u"to_promote"_s, u"to_promote@example.com"_s,
                                                u"Promoted123!"_s, &output),
                 0);
        // then they log in with it as an admin
        const HttpClient::Session admin =
            http().sessionFrom(http().login(u"to_promote"_s, u"Promoted123!"_s), u"to_promote"_s);
        QVERIFY(admin.ok());
        QCOMPARE(http().get(u"/api/admin/users"_s, admin.token).status, 200);
        // and bad input changes nothing
        QVERIFY(m_fixture.server().createAdmin(u"x"_s, u"bad"_s, u"short"_s, &output) != 0);
        QVERIFY2(output.contains(u"username"_s) && output.contains(u"password"_s),
                 qPrintable(output));
        // and the extra admin steps back so the last-admin test below holds
        QCOMPARE(http()
                     .patch(u"/api/admin/users/%1"_s.arg(admin.userId), {{u"is_admin"_s, false}},
                            m_admin.token)
                     .status,
                 200);
    }

    void everyAdminRoute_is401WithoutToken_and403ForNonAdmins_data() {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::newRow("list") << "GET"_ba << u"/api/admin/users"_s;
        QTest::newRow("create") << "POST"_ba << u"/api/admin/users"_s;
        QTest::newRow("show") << "GET"_ba << u"/api/admin/users/1"_s;
        QTest::newRow("patch") << "PATCH"_ba << u"/api/admin/users/1"_s;
        QTest::newRow("reset") << "POST"_ba << u"/api/admin/users/1/reset-password"_s;
        QTest::newRow("unlock") << "POST"_ba << u"/api/admin/users/1/unlock"_s;
        QTest::newRow("delete") << "DELETE"_ba << u"/api/admin/users/1"_s;
        QTest::newRow("audit") << "GET"_ba << u"/api/admin/audit"_s;
    }

    void everyAdminRoute_is401WithoutToken_and403ForNonAdmins() {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        const HttpResponse anonymous = http().send(method, path, "{}");
        QCOMPARE(anonymous.status, 401);
        QCOMPARE(anonymous.detail(), u"Not authenticated"_s);
        const HttpResponse plain =
            http().send(method, path, "{}", {{"Authorization", "Bearer " + m_user.token.toUtf8()}});
        QCOMPARE(plain.status, 403);
        QCOMPARE(plain.detail(), u"Admin privileges required"_s);
    }

    void list_searchesAndPaginates() {
        // given a few users
        for (const QString& name : {u"list_ann"_s, u"list_ben"_s, u"list_cat"_s})
            QCOMPARE(http().registerUser(name, u"Password123!"_s).status, 201);
        // when an admin searches "list_" two per page
        const HttpResponse first =
            http().get(u"/api/admin/users?q=LIST_&page=1&per_page=2"_s, m_admin.token);
        const HttpResponse second =
            http().get(u"/api/admin/users?q=list_&page=2&per_page=2"_s, m_admin.token);
        // then the total counts all three, the pages split them
        QCOMPARE(first.status, 200);
        QCOMPARE(first.object()[u"total"_s].toInteger(), 3);
        QCOMPARE(first.object()[u"page"_s].toInteger(), 1);
        QCOMPARE(first.object()[u"per_page"_s].toInteger(), 2);
        QCOMPARE(first.object()[u"items"_s].toArray().size(), 2);
        QCOMPARE(second.object()[u"items"_s].toArray().size(), 1);
        const QJsonObject item = first.object()[u"items"_s][0].toObject();
        for (const QString& key :
             {u"id"_s, u"username"_s, u"email"_s, u"full_name"_s, u"is_admin"_s, u"is_active"_s,
              u"is_verified"_s, u"created_at"_s, u"last_login_at"_s, u"locked_until"_s})
            QVERIFY2(item.contains(key), qPrintable(key));
        QCOMPARE(item[u"username"_s].toString(), u"list_ann"_s);
        // and by email too
        QCOMPARE(http()
                     .get(u"/api/admin/users?q=list_ben%40example"_s, m_admin.token)
                     .object()[u"total"_s]
                     .toInteger(),
                 1);
    }

    void list_badQuery_is422WithQueryLoc() {
        const HttpResponse response = http().get(u"/api/admin/users?per_page=101"_s, m_admin.token);
        QCOMPARE(response.status, 422);
        QCOMPARE(response.object()[u"detail"_s][0][u"loc"_s].toArray(),
                 (QJsonArray{u"query"_s, u"per_page"_s}));
        QCOMPARE(http().get(u"/api/admin/users?page=0"_s, m_admin.token).status, 422);
        QCOMPARE(http().get(u"/api/admin/users?page=abc"_s, m_admin.token).status, 422);
    }

    void create_answers201_andTheUserCanLogIn() {
        const HttpResponse created = http().post(u"/api/admin/users"_s,
                                                 {{u"username"_s, u"made_by_admin"_s},
                                                  {u"email"_s, u"made@example.com"_s},
                                                  {u"password"_s, u"Password123!"_s},
                                                  {u"full_name"_s, u"Made By Admin"_s},
                                                  {u"is_verified"_s, true}},
                                                 m_admin.token);
        QVERIFY2(created.status == 201, created.describe().constData());
        QCOMPARE(created.object()[u"full_name"_s].toString(), u"Made By Admin"_s);
        QCOMPARE(created.object()[u"is_verified"_s], QJsonValue(true));
        QCOMPARE(created.object()[u"is_admin"_s], QJsonValue(false));
        QCOMPARE(http().login(u"made_by_admin"_s, u"Password123!"_s).status, 200);
        // a duplicate is 400, a bad body 422
        QCOMPARE(http()
                     .post(u"/api/admin/users"_s,
                           {{u"username"_s, u"made_by_admin"_s},
                            {u"email"_s, u"x@example.com"_s},
                            {u"password"_s, u"Password123!"_s}},
                           m_admin.token)
                     .status,
                 400);
        const HttpResponse invalid =
            http().post(u"/api/admin/users"_s, {{u"username"_s, u"x"_s}, {u"is_admin"_s, u"yes"_s}},
                        m_admin.token);
        QCOMPARE(invalid.status, 422);
    }

    void patch_changesFields_404ForUnknown_422ForBadId() {
        const HttpClient::Session target = http().registerAndLogin(u"patch_me"_s);
        const HttpResponse patched = http().patch(
            u"/api/admin/users/%1"_s.arg(target.userId),
            {{u"full_name"_s, u"Patched Name"_s}, {u"is_verified"_s, true}}, m_admin.token);
        QVERIFY2(patched.status == 200, patched.describe().constData());
        QCOMPARE(patched.object()[u"full_name"_s].toString(), u"Patched Name"_s);
        QCOMPARE(patched.object()[u"is_verified"_s], QJsonValue(true));
        // the change did not cost the user their session
        QCOMPARE(http().get(u"/api/users/me"_s, target.token).object()[u"full_name"_s].toString(),
                 u"Patched Name"_s);
        QCOMPARE(http()
                     .patch(u"/api/admin/users/999999"_s, {{u"is_verified"_s, true}}, m_admin.token)
                     .status,
                 404);
        const HttpResponse badId =
            http().patch(u"/api/admin/users/abc"_s, {{u"is_verified"_s, true}}, m_admin.token);
        QCOMPARE(badId.status, 422);
        QCOMPARE(badId.object()[u"detail"_s][0][u"loc"_s].toArray(),
                 (QJsonArray{u"path"_s, u"user_id"_s}));
        QCOMPARE(http()
                     .patch(u"/api/admin/users/%1"_s.arg(target.userId),
                            {{u"is_active"_s, u"nope"_s}}, m_admin.token)
                     .status,
                 422);
    }

    void disabling_revokesSessionsAndBlocksLogin() {
        const HttpClient::Session target = http().registerAndLogin(u"disable_me"_s);
        QVERIFY(target.ok());
        QCOMPARE(http()
                     .patch(u"/api/admin/users/%1"_s.arg(target.userId), {{u"is_active"_s, false}},
                            m_admin.token)
                     .status,
                 200);
        QCOMPARE(http().get(u"/api/auth/profile"_s, target.token).status, 401);
        QCOMPARE(
            http().post(u"/api/auth/refresh"_s, {{u"refresh_token"_s, target.refreshToken}}).status,
            401);
        QCOMPARE(http().login(u"disable_me"_s, u"Password123!"_s).status, 403);
    }

    void demoting_revokesSessionsAndAdminRights() {
        // given a second admin
        const HttpClient::Session second = m_fixture.makeAdmin(u"second_admin"_s);
        QVERIFY(second.ok());
        QCOMPARE(http().get(u"/api/admin/users"_s, second.token).status, 200);
        // when demoted
        QCOMPARE(http()
                     .patch(u"/api/admin/users/%1"_s.arg(second.userId), {{u"is_admin"_s, false}},
                            m_admin.token)
                     .status,
                 200);
        // then the old token is dead and a fresh one has no admin rights
        QCOMPARE(http().get(u"/api/admin/users"_s, second.token).status, 401);
        const HttpClient::Session again = http().sessionFrom(
            http().login(u"second_admin"_s, u"AdminPass123!"_s), u"second_admin"_s);
        QVERIFY(again.ok());
        QCOMPARE(http().get(u"/api/admin/users"_s, again.token).status, 403);
    }

    void resetPassword_revokesSessionsAndSetsTheNewPassword() {
        const HttpClient::Session target = http().registerAndLogin(u"reset_me"_s);
        const QString path = u"/api/admin/users/%1/reset-password"_s.arg(target.userId);
        QCOMPARE(http().post(path, {{u"new_password"_s, u"short"_s}}, m_admin.token).status, 422);
        QCOMPARE(http()
                     .post(u"/api/admin/users/999999/reset-password"_s,
                           {{u"new_password"_s, u"Another123!"_s}}, m_admin.token)
                     .status,
                 404);
        QCOMPARE(http().post(path, {{u"new_password"_s, u"Another123!"_s}}, m_admin.token).status,
                 200);
        QCOMPARE(http().get(u"/api/auth/profile"_s, target.token).status, 401);
        QCOMPARE(http().login(u"reset_me"_s, u"Password123!"_s).status, 401);
        QCOMPARE(http().login(u"reset_me"_s, u"Another123!"_s).status, 200);
    }

    void unlock_clearsALockout() {
        // given a locked user
        const HttpClient::Session target = http().registerAndLogin(u"unlock_me"_s);
        for (int i = 0; i < 5; ++i)
            http().login(u"unlock_me"_s, u"WrongPassword1"_s);
        QCOMPARE(http().login(u"unlock_me"_s, u"Password123!"_s).status, 423);
        const HttpResponse listed = http().get(u"/api/admin/users?q=unlock_me"_s, m_admin.token);
        QVERIFY(listed.object()[u"items"_s][0][u"locked_until"_s].isString());
        // when an admin unlocks them
        const HttpResponse unlocked =
            http().post(u"/api/admin/users/%1/unlock"_s.arg(target.userId), {}, m_admin.token);
        QCOMPARE(unlocked.status, 200);
        // then they log in again
        QCOMPARE(http().login(u"unlock_me"_s, u"Password123!"_s).status, 200);
        QVERIFY(http()
                    .get(u"/api/admin/users?q=unlock_me"_s, m_admin.token)
                    .object()[u"items"_s][0][u"locked_until"_s]
                    .isNull());
        QCOMPARE(http().post(u"/api/admin/users/999999/unlock"_s, {}, m_admin.token).status, 404);
    }

    void delete_removesTheUserAndTheirTasks() {
        // given a user with a task
        const HttpClient::Session target = http().registerAndLogin(u"delete_me"_s);
        const HttpResponse task =
            http().post(u"/api/tasks/"_s, {{u"title"_s, u"doomed"_s}}, target.token);
        QVERIFY2(task.status == 201, task.describe().constData());
        QCOMPARE(m_fixture.database()
                     .scalar(u"SELECT count(*) FROM tasks WHERE user_id = ?"_s, {target.userId})
                     .toInt(),
                 1);
        // when deleted
        QCOMPARE(http().del(u"/api/admin/users/%1"_s.arg(target.userId), m_admin.token).status,
                 204);
        // then the token, the login and the tasks are gone
        QCOMPARE(http().get(u"/api/auth/profile"_s, target.token).status, 401);
        QCOMPARE(http().login(u"delete_me"_s, u"Password123!"_s).status, 401);
        QCOMPARE(m_fixture.database()
                     .scalar(u"SELECT count(*) FROM tasks WHERE user_id = ?"_s, {target.userId})
                     .toInt(),
                 0);
        QCOMPARE(http().del(u"/api/admin/users/%1"_s.arg(target.userId), m_admin.token).status,
                 404);
    }

    void lastActiveAdmin_cannotDemoteDisableOrDeleteItself() {
        // given root_admin is the only active admin (second_admin was demoted)
        const QString self = u"/api/admin/users/%1"_s.arg(m_admin.userId);
        QCOMPARE(http().patch(self, {{u"is_admin"_s, false}}, m_admin.token).status, 409);
        QCOMPARE(http().patch(self, {{u"is_active"_s, false}}, m_admin.token).status, 409);
        QCOMPARE(http().del(self, m_admin.token).status, 409);
        QCOMPARE(http().get(u"/api/admin/users"_s, m_admin.token).status, 200);
        // and with another admin around, self-demotion is allowed
        const HttpClient::Session other = m_fixture.makeAdmin(u"third_admin"_s);
        QVERIFY(other.ok());
        const QString otherPath = u"/api/admin/users/%1"_s.arg(other.userId);
        QCOMPARE(http().patch(otherPath, {{u"is_admin"_s, false}}, other.token).status, 200);
    }

    void audit_recordsOneRowPerChange_newestFirst() {
        // given the current audit size
        const qint64 before =
            http().get(u"/api/admin/audit"_s, m_admin.token).object()[u"total"_s].toInteger();
        const HttpClient::Session target = http().registerAndLogin(u"audited"_s);
        // when an admin changes one field
        QCOMPARE(http()
                     .patch(u"/api/admin/users/%1"_s.arg(target.userId),
                            {{u"full_name"_s, u"Audited Person"_s}}, m_admin.token)
                     .status,
                 200);
        // and a refused change happens
        QCOMPARE(http()
                     .patch(u"/api/admin/users/%1"_s.arg(m_admin.userId), {{u"is_admin"_s, false}},
                            m_admin.token)
                     .status,
                 409);
        // then exactly one row was added, on top, naming actor, target and change
        const HttpResponse audit = http().get(u"/api/admin/audit?per_page=5"_s, m_admin.token);
        QCOMPARE(audit.status, 200);
        QCOMPARE(audit.object()[u"total"_s].toInteger(), before + 1);
        const QJsonObject newest = audit.object()[u"items"_s][0].toObject();
        QCOMPARE(newest[u"action"_s].toString(), u"update_user"_s);
        QCOMPARE(newest[u"actor_id"_s].toInteger(), m_admin.userId);
        QCOMPARE(newest[u"target_id"_s].toInteger(), target.userId);
        QCOMPARE(newest[u"changes"_s][u"full_name"_s][u"to"_s].toString(), u"Audited Person"_s);
        QVERIFY(newest[u"at"_s].isString());
        QVERIFY(newest[u"id"_s].toInteger() > 0);
        // and every admin change so far has its row
        const QJsonArray all = http()
                                   .get(u"/api/admin/audit?per_page=100"_s, m_admin.token)
                                   .object()[u"items"_s]
                                   .toArray();
        QStringList actions;
        for (const QJsonValue& row : all)
            actions << row[u"action"_s].toString();
        for (const QString& action : {u"create_user"_s, u"update_user"_s, u"reset_password"_s,
                                      u"unlock_user"_s, u"delete_user"_s, u"cli_create_admin"_s})
            QVERIFY2(actions.contains(action), qPrintable(action));
    }

    void listUsers_withoutSearch_listsEveryone() {
        const qint64 everyone =
            m_fixture.database().scalar(u"SELECT count(*) FROM users"_s).toLongLong();
        QVERIFY(everyone >= 2);
        for (const QString& path : {u"/api/admin/users"_s, u"/api/admin/users?q="_s,
                                    u"/api/admin/users?per_page=1&page=2"_s}) {
            const HttpResponse listed = http().get(path, m_admin.token);
            QVERIFY2(listed.status == 200, listed.describe().constData());
            QCOMPARE(listed.object()[u"total"_s].toInteger(), everyone);
            QVERIFY2(!listed.object()[u"items"_s].toArray().isEmpty(), qPrintable(path));
        }
    }

    void showUser_countsTheTasksAndGoalsADeleteTakes() {
        // given a user with two tasks and a goal
        const HttpClient::Session owner = http().registerAndLogin(u"counted"_s);
        for (const QString& title : {u"one"_s, u"two"_s})
            QCOMPARE(http().post(u"/api/tasks/"_s, {{u"title"_s, title}}, owner.token).status, 201);
        QCOMPARE(http()
                     .post(u"/api/goals/"_s, {{u"title"_s, u"g"_s}, {u"horizon"_s, u"yearly"_s}},
                           owner.token)
                     .status,
                 201);
        // when an admin looks at them
        const HttpResponse shown =
            http().get(u"/api/admin/users/%1"_s.arg(owner.userId), m_admin.token);
        // then the item carries the counts
        QVERIFY2(shown.status == 200, shown.describe().constData());
        QCOMPARE(shown.object()[u"username"_s].toString(), u"counted"_s);
        QCOMPARE(shown.object()[u"task_count"_s].toInteger(), 2);
        QCOMPARE(shown.object()[u"goal_count"_s].toInteger(), 1);
        QCOMPARE(http().get(u"/api/admin/users/999999"_s, m_admin.token).status, 404);
        QCOMPARE(http().get(u"/api/admin/users/abc"_s, m_admin.token).status, 422);
    }

    void audit_filtersByUserAndAction_andNamesTheUsers() {
        // given two changes to one user and one to another
        const HttpClient::Session first = http().registerAndLogin(u"audit_first"_s);
        const HttpClient::Session second = http().registerAndLogin(u"audit_second"_s);
        const QString firstPath = u"/api/admin/users/%1"_s.arg(first.userId);
        QCOMPARE(http().patch(firstPath, {{u"full_name"_s, u"First"_s}}, m_admin.token).status,
                 200);
        QCOMPARE(http().post(firstPath + u"/unlock"_s, {}, m_admin.token).status, 200);
        QCOMPARE(http()
                     .patch(u"/api/admin/users/%1"_s.arg(second.userId),
                            {{u"full_name"_s, u"Second"_s}}, m_admin.token)
                     .status,
                 200);
        // when filtered by the first user
        const HttpResponse byUser =
            http().get(u"/api/admin/audit?user_id=%1"_s.arg(first.userId), m_admin.token);
        // then only their rows come, newest first, with the names of actor and target
        QVERIFY2(byUser.status == 200, byUser.describe().constData());
        QCOMPARE(byUser.object()[u"total"_s].toInteger(), 2);
        const QJsonArray rows = byUser.object()[u"items"_s].toArray();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows[0][u"action"_s].toString(), u"unlock_user"_s);
        QCOMPARE(rows[1][u"action"_s].toString(), u"update_user"_s);
        QCOMPARE(rows[0][u"target_username"_s].toString(), u"audit_first"_s);
        QCOMPARE(rows[0][u"actor_username"_s].toString(), u"root_admin"_s);
        // and the action filter combines with it
        const HttpResponse both = http().get(
            u"/api/admin/audit?user_id=%1&action=update_user"_s.arg(first.userId), m_admin.token);
        QCOMPARE(both.object()[u"total"_s].toInteger(), 1);
        QCOMPARE(both.object()[u"items"_s][0][u"changes"_s][u"full_name"_s][u"to"_s].toString(),
                 u"First"_s);
        // and the acting admin's rows include everyone they changed
        QVERIFY(http()
                    .get(u"/api/admin/audit?user_id=%1"_s.arg(m_admin.userId), m_admin.token)
                    .object()[u"total"_s]
                    .toInteger() >= 3);
        // and bad filters are a 422 naming the parameter, never a 500
        const HttpResponse badAction =
            http().get(u"/api/admin/audit?action=drop_table"_s, m_admin.token);
        QCOMPARE(badAction.status, 422);
        QCOMPARE(badAction.object()[u"detail"_s][0][u"loc"_s],
                 QJsonValue(QJsonArray{u"query"_s, u"action"_s}));
        QCOMPARE(http().get(u"/api/admin/audit?user_id=abc"_s, m_admin.token).status, 422);
        QCOMPARE(http().get(u"/api/admin/audit?user_id=0"_s, m_admin.token).status, 422);
        // and a deleted target keeps its rows, without a name to join
        QCOMPARE(http().del(u"/api/admin/users/%1"_s.arg(second.userId), m_admin.token).status,
                 204);
        const QJsonObject deleted =
            http()
                .get(u"/api/admin/audit?user_id=%1&action=delete_user"_s.arg(second.userId),
                     m_admin.token)
                .object()[u"items"_s][0]
                .toObject();
        QVERIFY(deleted[u"target_username"_s].isNull());
        QCOMPARE(deleted[u"changes"_s][u"username"_s].toString(), u"audit_second"_s);
    }

private:
    HttpClient& http() { return m_fixture.http(); }
    ServerFixture m_fixture;
    HttpClient::Session m_admin;
    HttpClient::Session m_user;
};

QTEST_GUILESS_MAIN(TestAdmin)
#include "tst_admin.moc"
