#include "ServerFixture.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;

// docs/api.md section 2 through the real server: every auth endpoint and its
// status codes.
class TestAuth : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QString error;
        // A short grace period, so the reuse after it is seen without a long wait.
        QVERIFY2(m_fixture.start(
                     {{u"BIZY_REFRESH_GRACE_SECONDS"_s, QString::number(kGraceSeconds)}}, &error),
                 qPrintable(error));
    }

    void register_answers201WithTheProfile() {
        // when a new user registers
        const HttpResponse response =
            http().registerUser(u"reg_alice"_s, u"Password123!"_s, u"Reg.Alice@Example.com"_s);
        // then 201 with the auth service's shape
        QVERIFY2(response.status == 201, response.describe().constData());
        const QJsonObject user = response.object().value(u"user"_s).toObject();
        QVERIFY(!response.object().value(u"message"_s).toString().isEmpty());
        QVERIFY(user.value(u"id"_s).toInteger() > 0);
        QCOMPARE(user.value(u"username"_s).toString(), u"reg_alice"_s);
        QCOMPARE(user.value(u"email"_s).toString().toLower(), u"reg.alice@example.com"_s);
        QCOMPARE(user.value(u"is_admin"_s), QJsonValue(false));
        QCOMPARE(user.value(u"email_verified"_s), QJsonValue(false));
    }

    void register_aliasPathWorks() {
        const HttpResponse response =
            http().post(u"/register"_s, {{u"username"_s, u"reg_alias"_s},
                                         {u"email"_s, u"reg_alias@example.com"_s},
                                         {u"password"_s, u"Password123!"_s}});
        QVERIFY2(response.status == 201, response.describe().constData());
    }

    void register_duplicateNameOrEmail_is400() {
        // given a registered user
        QCOMPARE(http().registerUser(u"reg_dup"_s, u"Password123!"_s).status, 201);
        // when the same name (other case) or the same email registers again
        const HttpResponse sameName =
            http().registerUser(u"REG_DUP"_s, u"Password123!"_s, u"other@example.com"_s);
        const HttpResponse sameEmail =
            http().registerUser(u"reg_dup2"_s, u"Password123!"_s, u"reg_dup@example.com"_s);
        // then 400 with a detail and the auth service's "error"
        QCOMPARE(sameName.status, 400);
        QCOMPARE(sameEmail.status, 400);
        QVERIFY(sameName.detail().contains(u"Username"_s));
        QVERIFY(sameEmail.detail().contains(u"Email"_s));
        QCOMPARE(sameName.object().value(u"error"_s).toString(), sameName.detail());
    }

    void register_invalidFields_is422WithLocations_data() {
        QTest::addColumn<QString>("username");
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("badField");
        QTest::newRow("short name")
            << u"ab"_s << u"ab@example.com"_s << u"Password123!"_s << u"username"_s;
        QTest::newRow("name with space")
            << u"a b c"_s << u"abc@example.com"_s << u"Password123!"_s << u"username"_s;
        QTest::newRow("bad email")
            << u"valid_name"_s << u"not-an-email"_s << u"Password123!"_s << u"email"_s;
        QTest::newRow("short password")
            << u"valid_name"_s << u"v@example.com"_s << u"short"_s << u"password"_s;
        QTest::newRow("long password")
            << u"valid_name"_s << u"v@example.com"_s << QString(129, u'p') << u"password"_s;
    }

    void register_invalidFields_is422WithLocations() {
        QFETCH(QString, username);
        QFETCH(QString, email);
        QFETCH(QString, password);
        QFETCH(QString, badField);
        const HttpResponse response = http().registerUser(username, password, email);
        QCOMPARE(response.status, 422);
        const QJsonArray detail = response.object().value(u"detail"_s).toArray();
        QVERIFY(!detail.isEmpty());
        QCOMPARE(detail.first()[u"loc"_s].toArray(), (QJsonArray{u"body"_s, badField}));
        QVERIFY(!detail.first()[u"msg"_s].toString().isEmpty());
    }

    void login_byUsernameOrEmail_answers200WithTokens() {
        // given a registered user
        QCOMPARE(http().registerUser(u"log_bob"_s, u"Password123!"_s).status, 201);
        for (const QString& name : {u"log_bob"_s, u"log_bob@example.com"_s, u"LOG_BOB"_s}) {
            // when they log in by name or email
            const HttpResponse response = http().login(name, u"Password123!"_s);
            // then 200 with the login shape
            QVERIFY2(response.status == 200, response.describe().constData());
            const QJsonObject body = response.object();
            QVERIFY(!body.value(u"token"_s).toString().isEmpty());
            QVERIFY(!body.value(u"refresh_token"_s).toString().isEmpty());
            QCOMPARE(body.value(u"expires_in"_s).toInteger(), 900);
            QVERIFY(body.value(u"user_id"_s).toInteger() > 0);
            QCOMPARE(body.value(u"user"_s)[u"username"_s].toString(), u"log_bob"_s);
            QVERIFY(!body.value(u"message"_s).toString().isEmpty());
            QCOMPARE(body.value(u"token"_s).toString().count(u'.'), 2);
        }
        // and the alias answers too
        QCOMPARE(http()
                     .post(u"/login"_s,
                           {{u"username"_s, u"log_bob"_s}, {u"password"_s, u"Password123!"_s}})
                     .status,
                 200);
    }

    void login_wrongPasswordOrUnknownUser_sameAnswer401() {
        QCOMPARE(http().registerUser(u"log_carol"_s, u"Password123!"_s).status, 201);
        const HttpResponse wrong = http().login(u"log_carol"_s, u"WrongPassword1"_s);
        const HttpResponse unknown = http().login(u"log_nobody"_s, u"WrongPassword1"_s);
        QCOMPARE(wrong.status, 401);
        QCOMPARE(unknown.status, 401);
        QCOMPARE(wrong.body, unknown.body);
        QCOMPARE(wrong.header("www-authenticate"), "Bearer"_ba);
        QVERIFY(!wrong.object().value(u"error"_s).toString().isEmpty());
    }

    void login_missingFieldsOrBadJson_is422() {
        const HttpResponse missing = http().post(u"/api/auth/login"_s, {{u"username"_s, u"x"_s}});
        QCOMPARE(missing.status, 422);
        QCOMPARE(missing.object()[u"detail"_s][0][u"loc"_s].toArray(),
                 (QJsonArray{u"body"_s, u"password"_s}));
        const HttpResponse malformed = http().send("POST", u"/api/auth/login"_s, "{\"username\":");
        QCOMPARE(malformed.status, 422);
        QCOMPARE(malformed.object()[u"detail"_s][0][u"loc"_s].toArray(), (QJsonArray{u"body"_s}));
        QCOMPARE(malformed.object()[u"detail"_s][0][u"type"_s].toString(), u"json_invalid"_s);
    }

    void profile_meAndVerifyToken_describeTheCaller() {
        // given a logged-in user
        const HttpClient::Session session = http().registerAndLogin(u"prof_dave"_s);
        QVERIFY(session.ok());
        // when they ask who they are
        const HttpResponse profile = http().get(u"/api/auth/profile"_s, session.token);
        const HttpResponse alias = http().get(u"/profile"_s, session.token);
        const HttpResponse me = http().get(u"/api/users/me"_s, session.token);
        const HttpResponse verify = http().get(u"/api/auth/verify-token"_s, session.token);
        // then each shape of the contract
        QCOMPARE(profile.status, 200);
        QCOMPARE(alias.body, profile.body);
        QCOMPARE(profile.object(), (QJsonObject{{u"id"_s, session.userId},
                                                {u"username"_s, u"prof_dave"_s},
                                                {u"email"_s, u"prof_dave@example.com"_s},
                                                {u"is_admin"_s, false},
                                                {u"email_verified"_s, false}}));
        QCOMPARE(me.status, 200);
        QJsonObject meFields = me.object();
        QVERIFY(meFields.contains(u"created_at"_s)); // its value: tst_webclient
        meFields.remove(u"created_at"_s);
        QCOMPARE(meFields, (QJsonObject{{u"id"_s, session.userId},
                                        {u"username"_s, u"prof_dave"_s},
                                        {u"email"_s, u"prof_dave@example.com"_s},
                                        {u"full_name"_s, QJsonValue::Null},
                                        {u"is_active"_s, true},
                                        {u"is_verified"_s, false},
                                        {u"is_admin"_s, false}}));
        QCOMPARE(verify.status, 200);
        QCOMPARE(verify.object()[u"valid"_s], QJsonValue(true));
        QCOMPARE(verify.object()[u"user"_s][u"id"_s].toInteger(), session.userId);
    }

    void protectedRoutes_withoutToken_are401NotAuthenticated() {
        for (const QString& path :
             {u"/api/auth/profile"_s, u"/api/users/me"_s, u"/api/auth/verify-token"_s}) {
            const HttpResponse response = http().get(path);
            QCOMPARE(response.status, 401);
            QCOMPARE(response.detail(), u"Not authenticated"_s);
            QCOMPARE(response.header("www-authenticate"), "Bearer"_ba);
        }
        QCOMPARE(http().get(u"/api/auth/profile"_s).object()[u"error"_s].toString(),
                 u"Not authenticated"_s);
    }

    void refresh_rotatesAndReuseRevokesTheFamily() {
        // given a session
        const HttpClient::Session session = http().registerAndLogin(u"ref_erin"_s);
        QVERIFY(session.ok());
        // when the refresh token is used
        const HttpResponse first =
            http().post(u"/api/auth/refresh"_s, {{u"refresh_token"_s, session.refreshToken}});
        // then new tokens come back, different from the old ones
        QVERIFY2(first.status == 200, first.describe().constData());
        const QString rotated = first.object()[u"refresh_token"_s].toString();
        QVERIFY(!rotated.isEmpty() && rotated != session.refreshToken);
        QCOMPARE(http().get(u"/api/auth/profile"_s, first.object()[u"token"_s].toString()).status,
                 200);
        // when the old refresh token is used again after the grace period
        QTest::qWait(kGraceSeconds * 1000 + 500);
        const HttpResponse reuse =
            http().post(u"/api/auth/refresh"_s, {{u"refresh_token"_s, session.refreshToken}});
        // then 401, and the rotated one is revoked as well
        QCOMPARE(reuse.status, 401);
        QCOMPARE(reuse.detail(),
                 u"Invalid refresh token: it was already used, so the session was revoked"_s);
        QCOMPARE(http().post(u"/api/auth/refresh"_s, {{u"refresh_token"_s, rotated}}).status, 401);
    }

    void refresh_unknownToken401_missingField422() {
        QCOMPARE(http().post(u"/api/auth/refresh"_s, {{u"refresh_token"_s, u"nope"_s}}).status,
                 401);
        QCOMPARE(http().post(u"/api/auth/refresh"_s, {}).status, 422);
    }

    void logout_revokesTheRefreshFamily() {
        const HttpClient::Session session = http().registerAndLogin(u"out_fred"_s);
        QVERIFY(session.ok());
        const HttpResponse out = http().post(
            u"/api/auth/logout"_s, {{u"refresh_token"_s, session.refreshToken}}, session.token);
        QCOMPARE(out.status, 200);
        QCOMPARE(http()
                     .post(u"/api/auth/refresh"_s, {{u"refresh_token"_s, session.refreshToken}})
                     .status,
                 401);
    }

    void logoutAll_revokesEverySession() {
        // given two sessions of one user
        const HttpClient::Session one = http().registerAndLogin(u"out_gina"_s);
        QVERIFY(one.ok());
        const HttpClient::Session two =
            http().sessionFrom(http().login(u"out_gina"_s, u"Password123!"_s), u"out_gina"_s);
        QVERIFY(two.ok());
        // when one logs out of everything
        QCOMPARE(http().post(u"/api/auth/logout"_s, {{u"all"_s, true}}, one.token).status, 200);
        // then both access tokens and both refresh tokens are dead
        QCOMPARE(http().get(u"/api/auth/profile"_s, one.token).status, 401);
        QCOMPARE(http().get(u"/api/auth/profile"_s, two.token).status, 401);
        QCOMPARE(
            http().post(u"/api/auth/refresh"_s, {{u"refresh_token"_s, two.refreshToken}}).status,
            401);
        // and a new login works at once
        const HttpClient::Session again =
            http().sessionFrom(http().login(u"out_gina"_s, u"Password123!"_s), u"out_gina"_s);
        QVERIFY(again.ok());
        QCOMPARE(http().get(u"/api/auth/profile"_s, again.token).status, 200);
    }

    void refresh_expiredToken_is401() {
        // given a refresh token whose time is up
        const HttpClient::Session session = http().registerAndLogin(u"ref_expired"_s);
        QVERIFY(m_fixture.database().exec(
            u"UPDATE refresh_tokens SET expires_at = now() - interval '1 second'"
            " WHERE user_id = ?"_s,
            {session.userId}));
        // when it is used, then 401 saying so
        const HttpResponse response =
            http().post(u"/api/auth/refresh"_s, {{u"refresh_token"_s, session.refreshToken}});
        QCOMPARE(response.status, 401);
        QVERIFY2(response.detail().contains(u"expired"_s), qPrintable(response.detail()));
    }

    void logout_withOnlyTheRefreshToken_revokesIt() {
        // given a client whose access token is gone but which kept its refresh token
        const HttpClient::Session session = http().registerAndLogin(u"out_refresh_only"_s);
        // when it logs out with the refresh token alone
        QCOMPARE(
            http().post(u"/api/auth/logout"_s, {{u"refresh_token"_s, session.refreshToken}}).status,
            200);
        // then that session cannot be refreshed
        QCOMPARE(http()
                     .post(u"/api/auth/refresh"_s, {{u"refresh_token"_s, session.refreshToken}})
                     .status,
                 401);
    }

    void logout_withoutAnyCredential_is401() {
        QCOMPARE(http().post(u"/api/auth/logout"_s, {}).status, 401);
    }

    void changePassword_revokesOtherSessionsAndKeepsThisOne() {
        // given two sessions
        const HttpClient::Session one = http().registerAndLogin(u"pw_hank"_s);
        const HttpClient::Session two =
            http().sessionFrom(http().login(u"pw_hank"_s, u"Password123!"_s), u"pw_hank"_s);
        QVERIFY(one.ok() && two.ok());
        // when the wrong current password is given: 400; a short new one: 422
        QCOMPARE(http()
                     .post(u"/api/auth/change-password"_s,
                           {{u"current_password"_s, u"Wrong12345"_s},
                            {u"new_password"_s, u"NewPassword1!"_s}},
                           one.token)
                     .status,
                 400);
        const HttpResponse tooShort = http().post(
            u"/api/auth/change-password"_s,
            {{u"current_password"_s, u"Password123!"_s}, {u"new_password"_s, u"short"_s}},
            one.token);
        QCOMPARE(tooShort.status, 422);
        QCOMPARE(tooShort.object()[u"detail"_s][0][u"loc"_s].toArray(),
                 (QJsonArray{u"body"_s, u"new_password"_s}));
        // when it is changed properly
        const HttpResponse changed = http().post(
            u"/api/auth/change-password"_s,
            {{u"current_password"_s, u"Password123!"_s}, {u"new_password"_s, u"NewPassword1!"_s}},
            one.token);
        QVERIFY2(changed.status == 200, changed.describe().constData());
        // then old tokens die, the answer's token lives, and only the new password logs in
        QCOMPARE(http().get(u"/api/auth/profile"_s, one.token).status, 401);
        QCOMPARE(http().get(u"/api/auth/profile"_s, two.token).status, 401);
        QCOMPARE(
            http().post(u"/api/auth/refresh"_s, {{u"refresh_token"_s, two.refreshToken}}).status,
            401);
        QCOMPARE(http().get(u"/api/auth/profile"_s, changed.object()[u"token"_s].toString()).status,
                 200);
        QCOMPARE(http().login(u"pw_hank"_s, u"Password123!"_s).status, 401);
        QCOMPARE(http().login(u"pw_hank"_s, u"NewPassword1!"_s).status, 200);
        // and without a token: 401
        QCOMPARE(http()
                     .post(u"/api/auth/change-password"_s,
                           {{u"current_password"_s, u"a"_s}, {u"new_password"_s, u"b"_s}})
                     .status,
                 401);
    }

    void lockout_fiveFailuresLockTheNameFor15Minutes() {
        // given a user
        QCOMPARE(http().registerUser(u"lock_ivan"_s, u"Password123!"_s).status, 201);
        // when the password is wrong five times (by name and by email)
        for (int i = 0; i < 4; ++i)
            QCOMPARE(
                http()
                    .login(i % 2 ? u"lock_ivan"_s : u"lock_ivan@example.com"_s, u"WrongPassword1"_s)
                    .status,
                401);
        const HttpResponse fifth = http().login(u"lock_ivan"_s, u"WrongPassword1"_s);
        // then the fifth answer is 423 with Retry-After of about 15 minutes
        QCOMPARE(fifth.status, 423);
        const int retryAfter = fifth.header("retry-after").toInt();
        QVERIFY2(retryAfter > 800 && retryAfter <= 900, fifth.header("retry-after").constData());
        // and even the right password is refused while locked
        const HttpResponse right = http().login(u"lock_ivan"_s, u"Password123!"_s);
        QCOMPARE(right.status, 423);
        QVERIFY(right.header("retry-after").toInt() > 0);
        // and another user is not affected
        QCOMPARE(http().registerUser(u"lock_judy"_s, u"Password123!"_s).status, 201);
        QCOMPARE(http().login(u"lock_judy"_s, u"Password123!"_s).status, 200);
    }

    void lockout_unknownNamesCountToo() {
        for (int i = 0; i < 4; ++i)
            QCOMPARE(http().login(u"ghost_name"_s, u"WrongPassword1"_s).status, 401);
        QCOMPARE(http().login(u"ghost_name"_s, u"WrongPassword1"_s).status, 423);
    }

    void register_sameNameInParallel_exactlyOneWins() {
        // given six registrations of one name at the same moment
        QList<QJsonObject> bodies;
        for (int i = 0; i < 6; ++i)
            bodies << QJsonObject{{u"username"_s, u"race_name"_s},
                                  {u"email"_s, u"race%1@example.com"_s.arg(i)},
                                  {u"password"_s, u"Password123!"_s}};
        const QList<HttpResponse> answers = http().postAll(u"/api/auth/register"_s, bodies);
        // then one is created and every other one is a clean 400
        int created = 0;
        for (const HttpResponse& answer : answers) {
            QVERIFY2(answer.status == 201 || answer.status == 400, answer.describe().constData());
            created += answer.status == 201;
        }
        QCOMPARE(created, 1);
    }

    void refresh_sameTokenInParallel_allGetTheSameSuccessor() {
        // given a refresh token used by four requests at once
        const HttpClient::Session session = http().registerAndLogin(u"race_refresh"_s);
        QVERIFY(session.ok());
        const QList<QJsonObject> bodies(4, {{u"refresh_token"_s, session.refreshToken}});
        const QList<HttpResponse> answers = http().postAll(u"/api/auth/refresh"_s, bodies);
        // then every one gets the same successor: one rotation, the others in its grace
        QSet<QString> successors;
        for (const HttpResponse& answer : answers) {
            QVERIFY2(answer.status == 200, answer.describe().constData());
            successors.insert(answer.object()[u"refresh_token"_s].toString());
        }
        QCOMPARE(successors.size(), 1);
        QVERIFY(!successors.contains(session.refreshToken));
        // and that successor rotates on
        QCOMPARE(
            http().post(u"/api/auth/refresh"_s, {{u"refresh_token"_s, *successors.begin()}}).status,
            200);
    }

    void refresh_retryWithinGrace_answersTheSamePair() {
        // given a refresh whose answer the client never saw
        const HttpClient::Session session = http().registerAndLogin(u"grace_retry"_s);
        QVERIFY(session.ok());
        const HttpResponse first = refreshWith(session.refreshToken);
        QVERIFY2(first.status == 200, first.describe().constData());
        // when it sends the same refresh token again within the grace period
        const HttpResponse retry = refreshWith(session.refreshToken);
        // then the same pair comes back, and its access token works
        QVERIFY2(retry.status == 200, retry.describe().constData());
        const QString successor = first.object()[u"refresh_token"_s].toString();
        QCOMPARE(retry.object()[u"refresh_token"_s].toString(), successor);
        QCOMPARE(retry.object()[u"token"_s].toString(), first.object()[u"token"_s].toString());
        QCOMPARE(http().get(u"/api/auth/profile"_s, retry.object()[u"token"_s].toString()).status,
                 200);
        // and the successor still rotates, and rotation continues from there
        const HttpResponse next = refreshWith(successor);
        QVERIFY2(next.status == 200, next.describe().constData());
        const QString third = next.object()[u"refresh_token"_s].toString();
        QVERIFY(third != successor && third != session.refreshToken);
        QCOMPARE(refreshWith(third).status, 200);
    }

    void refresh_tokenTwoRotationsBack_revokesTheFamily() {
        // given a token rotated twice within the grace period
        const HttpClient::Session session = http().registerAndLogin(u"grace_two_back"_s);
        QVERIFY(session.ok());
        const HttpResponse first = refreshWith(session.refreshToken);
        QVERIFY2(first.status == 200, first.describe().constData());
        const HttpResponse second = refreshWith(first.object()[u"refresh_token"_s].toString());
        QVERIFY2(second.status == 200, second.describe().constData());
        // when the first token comes back, then that is reuse: the family is revoked
        const HttpResponse reuse = refreshWith(session.refreshToken);
        QCOMPARE(reuse.status, 401);
        QCOMPARE(reuse.detail(),
                 u"Invalid refresh token: it was already used, so the session was revoked"_s);
        QCOMPARE(refreshWith(second.object()[u"refresh_token"_s].toString()).status, 401);
    }

    void refresh_logoutOrDisabling_endsTheGrace() {
        for (const bool disable : {false, true}) {
            // given a rotated token, within its grace period
            const HttpClient::Session session =
                http().registerAndLogin(disable ? u"grace_disabled"_s : u"grace_logout"_s);
            QVERIFY(session.ok());
            const HttpResponse first = refreshWith(session.refreshToken);
            QVERIFY2(first.status == 200, first.describe().constData());
            // when the session is logged out, or the user disabled
            if (disable)
                QVERIFY(m_fixture.database().exec(
                    u"UPDATE users SET is_active = false WHERE id = ?"_s, {session.userId}));
            else
                QCOMPARE(http()
                             .post(u"/api/auth/logout"_s, {}, first.object()[u"token"_s].toString())
                             .status,
                         200);
            // then the old token gets no pair any more
            const HttpResponse retry = refreshWith(session.refreshToken);
            QCOMPARE(retry.status, 401);
            QCOMPARE(retry.detail(), disable ? u"Invalid refresh token: the account is not active"_s
                                             : u"Invalid refresh token: it has been revoked"_s);
        }
    }

private:
    static constexpr int kGraceSeconds = 2;

    HttpResponse refreshWith(const QString& refreshToken) {
        return http().post(u"/api/auth/refresh"_s, {{u"refresh_token"_s, refreshToken}});
    }
    HttpClient& http() { return m_fixture.http(); }
    ServerFixture m_fixture;
};

QTEST_GUILESS_MAIN(TestAuth)
#include "tst_auth.moc"
