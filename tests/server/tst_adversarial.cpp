#include "ServerFixture.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QTest>
#include <crypt.h>

using namespace Qt::StringLiterals;

namespace {

QByteArray base64Url(const QByteArray& data) {
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray compact(const QJsonObject& object) {
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// A token signed with the server's secret, any header and payload.
QString forge(const QJsonObject& header, const QJsonObject& payload,
              QCryptographicHash::Algorithm algorithm = QCryptographicHash::Sha256) {
    const QByteArray input = base64Url(compact(header)) + '.' + base64Url(compact(payload));
    const QByteArray signature =
        QMessageAuthenticationCode::hash(input, QByteArray(ServerProcess::kJwtSecret), algorithm);
    return QString::fromLatin1(input + '.' + base64Url(signature));
}

QJsonObject claimsFor(qint64 userId, const QString& username, bool isAdmin = false) {
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    return {{u"user_id"_s, userId},
            {u"username"_s, username},
            {u"email"_s, QString(username + u"@example.com"_s)},
            {u"is_admin"_s, isAdmin},
            {u"iat"_s, now},
            {u"exp"_s, now + 600},
            {u"jti"_s, u"forged"_s}};
}

const QJsonObject kHs256{{u"alg"_s, u"HS256"_s}, {u"typ"_s, u"JWT"_s}};

} // namespace

// Attacks on the auth layer through the real server: forged and broken
// tokens, revoked users, mass assignment, injection strings, hostile bodies.
// Nothing here may ever answer 500.
class TestAdversarial : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(m_fixture.start({}, &error), qPrintable(error));
        m_user = http().registerAndLogin(u"victim"_s);
        QVERIFY(m_user.ok());
        m_admin = m_fixture.makeAdmin(u"adv_admin"_s);
        QVERIFY(m_admin.ok());
    }

    void forgedWithTheRightSecret_isAccepted_soTheOtherCasesMeanSomething() {
        const QString token = forge(kHs256, claimsFor(m_user.userId, u"victim"_s));
        QCOMPARE(http().get(u"/api/auth/profile"_s, token).status, 200);
    }

    void badTokens_are401_data() {
        QTest::addColumn<QString>("token");
        QTest::addColumn<QString>("detailStart");
        const QJsonObject claims = claimsFor(m_user.userId, u"victim"_s);
        const QByteArray payload = base64Url(compact(claims));

        QTest::newRow("alg none") << QString::fromLatin1(
                                         base64Url(compact({{u"alg"_s, u"none"_s}})) + '.' +
                                         payload + '.')
                                  << u"Invalid token"_s;
        QTest::newRow("alg None, signed")
            << forge({{u"alg"_s, u"None"_s}, {u"typ"_s, u"JWT"_s}}, claims) << u"Invalid token"_s;
        QTest::newRow("HS512") << forge({{u"alg"_s, u"HS512"_s}, {u"typ"_s, u"JWT"_s}}, claims,
                                        QCryptographicHash::Sha512)
                               << u"Invalid token"_s;
        QTest::newRow("RS256 header, HMAC signature")
            << forge({{u"alg"_s, u"RS256"_s}, {u"typ"_s, u"JWT"_s}}, claims) << u"Invalid token"_s;

        // A real token whose payload is edited to is_admin: true.
        const QStringList parts = m_user.token.split(u'.');
        QJsonObject tampered =
            QJsonDocument::fromJson(
                QByteArray::fromBase64(parts.at(1).toLatin1(), QByteArray::Base64UrlEncoding))
                .object();
        tampered.insert(u"is_admin"_s, true);
        QTest::newRow("tampered payload")
            << parts.at(0) + u'.' + QString::fromLatin1(base64Url(compact(tampered))) + u'.' +
                   parts.at(2)
            << u"Invalid token"_s;

        QJsonObject expired = claims;
        expired.insert(u"exp"_s, QDateTime::currentSecsSinceEpoch() - 60);
        QTest::newRow("expired") << forge(kHs256, expired) << u"Token has expired"_s;
        QJsonObject noExp = claims;
        noExp.remove(u"exp"_s);
        QTest::newRow("missing exp") << forge(kHs256, noExp) << u"Invalid token"_s;
        QJsonObject stringId = claims;
        stringId.insert(u"user_id"_s, u"1 OR 1=1"_s);
        QTest::newRow("user_id not an int") << forge(kHs256, stringId) << u"Invalid token"_s;

        QTest::newRow("two segments") << parts.at(0) + u'.' + parts.at(1) << u"Invalid token"_s;
        QTest::newRow("four segments") << m_user.token + u".abc"_s << u"Invalid token"_s;
        QTest::newRow("bad base64") << u"%%%.^^^.***"_s << u"Invalid token"_s;
        QTest::newRow("16 KB header")
            << QString::fromLatin1(base64Url(QByteArray(12 * 1024, '{'))) + u'.' +
                   QString::fromLatin1(payload) + u".sig"_s
            << u"Invalid token"_s;
        QTest::newRow("wrong secret")
            << QString::fromLatin1(
                   base64Url(compact(kHs256)) + '.' + payload + '.' +
                   base64Url(QMessageAuthenticationCode::hash(
                       base64Url(compact(kHs256)) + '.' + payload,
                       "another-secret-another-secret-123", QCryptographicHash::Sha256)))
            << u"Invalid token"_s;
    }

    void badTokens_are401() {
        QFETCH(QString, token);
        QFETCH(QString, detailStart);
        const HttpResponse response = http().get(u"/api/auth/profile"_s, token);
        QVERIFY2(response.status == 401, response.describe().constData());
        QVERIFY2(response.detail().startsWith(detailStart), qPrintable(response.detail()));
        QCOMPARE(response.header("www-authenticate"), "Bearer"_ba);
        // and the REST endpoints say the same
        QCOMPARE(http().get(u"/api/tasks/"_s, token).status, 401);
    }

    void isAdminClaim_isNotTrusted_adminRightsComeFromTheDatabase() {
        // given a correctly signed token claiming is_admin for a plain user
        const QString token = forge(kHs256, claimsFor(m_user.userId, u"victim"_s, true));
        // then admin endpoints still refuse
        QCOMPARE(http().get(u"/api/admin/users"_s, token).status, 403);
        QCOMPARE(http().get(u"/api/auth/verify-token"_s, token).object()[u"user"_s][u"is_admin"_s],
                 QJsonValue(false));
    }

    void tokensOfDeletedDisabledAndDemotedUsers_are401() {
        const HttpClient::Session deleted = http().registerAndLogin(u"adv_deleted"_s);
        const HttpClient::Session disabled = http().registerAndLogin(u"adv_disabled"_s);
        const HttpClient::Session demoted = m_fixture.makeAdmin(u"adv_demoted"_s);
        QVERIFY(deleted.ok() && disabled.ok() && demoted.ok());
        QCOMPARE(http().del(u"/api/admin/users/%1"_s.arg(deleted.userId), m_admin.token).status,
                 204);
        QCOMPARE(http()
                     .patch(u"/api/admin/users/%1"_s.arg(disabled.userId),
                            {{u"is_active"_s, false}}, m_admin.token)
                     .status,
                 200);
        QCOMPARE(http()
                     .patch(u"/api/admin/users/%1"_s.arg(demoted.userId), {{u"is_admin"_s, false}},
                            m_admin.token)
                     .status,
                 200);
        for (const HttpClient::Session& session : {deleted, disabled, demoted}) {
            const HttpResponse response = http().get(u"/api/auth/profile"_s, session.token);
            QVERIFY2(response.status == 401, qPrintable(session.username));
            QVERIFY(response.detail().startsWith(u"Invalid token"_s));
        }
        // a token forged for the deleted id is refused too
        QCOMPARE(http()
                     .get(u"/api/auth/profile"_s,
                          forge(kHs256, claimsFor(deleted.userId, u"adv_deleted"_s)))
                     .status,
                 401);
    }

    void tokenIssuedBeforeLogoutAllOrPasswordChange_is401_evenInTheSameSecond() {
        const HttpClient::Session session = http().registerAndLogin(u"adv_same_second"_s);
        const HttpClient::Session other = http().sessionFrom(
            http().login(u"adv_same_second"_s, u"Password123!"_s), u"adv_same_second"_s);
        QCOMPARE(http().post(u"/api/auth/logout"_s, {{u"all"_s, true}}, session.token).status, 200);
        QCOMPARE(http().get(u"/api/auth/profile"_s, other.token).status, 401);
        const HttpClient::Session fresh = http().sessionFrom(
            http().login(u"adv_same_second"_s, u"Password123!"_s), u"adv_same_second"_s);
        QCOMPARE(http().get(u"/api/auth/profile"_s, fresh.token).status, 200);
        const HttpResponse changed = http().post(
            u"/api/auth/change-password"_s,
            {{u"current_password"_s, u"Password123!"_s}, {u"new_password"_s, u"Different123!"_s}},
            fresh.token);
        QCOMPARE(changed.status, 200);
        QCOMPARE(http().get(u"/api/auth/profile"_s, fresh.token).status, 401);
    }

    void unknownUserAndWrongPassword_identicalAnswers() {
        const HttpResponse wrong = http().login(u"victim"_s, u"not-the-password"_s);
        const HttpResponse unknown = http().login(u"no_such_victim"_s, u"not-the-password"_s);
        QCOMPARE(wrong.status, 401);
        QCOMPARE(unknown.status, wrong.status);
        QCOMPARE(unknown.body, wrong.body);
        QCOMPARE(unknown.header("www-authenticate"), wrong.header("www-authenticate"));
    }

    void massAssignment_onRegisterAndProfile_isIgnored() {
        // when a registration smuggles privileged fields
        const HttpResponse response =
            http().post(u"/api/auth/register"_s, {{u"username"_s, u"sneaky"_s},
                                                  {u"email"_s, u"sneaky@example.com"_s},
                                                  {u"password"_s, u"Password123!"_s},
                                                  {u"is_admin"_s, true},
                                                  {u"id"_s, 1},
                                                  {u"email_verified"_s, true},
                                                  {u"is_active"_s, false}});
        // then they are ignored
        QCOMPARE(response.status, 201);
        const QJsonObject user = response.object()[u"user"_s].toObject();
        QCOMPARE(user[u"is_admin"_s], QJsonValue(false));
        QCOMPARE(user[u"email_verified"_s], QJsonValue(false));
        QVERIFY(user[u"id"_s].toInteger() != 1);
        const HttpClient::Session session =
            http().sessionFrom(http().login(u"sneaky"_s, u"Password123!"_s), u"sneaky"_s);
        QVERIFY(session.ok());
        QCOMPARE(http().get(u"/api/admin/users"_s, session.token).status, 403);
        // and the profile cannot be written at all
        QCOMPARE(
            http().patch(u"/api/auth/profile"_s, {{u"is_admin"_s, true}}, session.token).status,
            405);
        QCOMPARE(http().patch(u"/api/users/me"_s, {{u"is_admin"_s, true}}, session.token).status,
                 405);
        // and an admin patch ignores columns outside its schema
        QCOMPARE(http()
                     .patch(u"/api/admin/users/%1"_s.arg(session.userId),
                            {{u"password_hash"_s, u"x"_s},
                             {u"id"_s, 1},
                             {u"tokens_valid_after"_s, 0},
                             {u"full_name"_s, u"ok"_s}},
                            m_admin.token)
                     .status,
                 200);
        QCOMPARE(http().login(u"sneaky"_s, u"Password123!"_s).status, 200);
    }

    void sqlInjectionStrings_areStoredVerbatim_neverAnError() {
        const QStringList nasty = {u"'; DROP TABLE users; --"_s, u"\" OR \"1\"=\"1"_s,
                                   u"%' OR 1=1 --"_s, u"\\'; SELECT pg_sleep(5); --"_s,
                                   u"Robert'); DELETE FROM users WHERE ('a'='a"_s};
        for (const QString& text : nasty) {
            // as a login name and password: 401 like any wrong password
            QCOMPARE(http().login(text, text).status, 401);
            // as a search: 200, nothing found
            const HttpResponse search = http().get(
                u"/api/admin/users?q="_s + QString::fromLatin1(QUrl::toPercentEncoding(text)),
                m_admin.token);
            QCOMPARE(search.status, 200);
            QCOMPARE(search.object()[u"total"_s].toInteger(), 0);
            // as a full name: stored and shown verbatim
            const HttpResponse patched = http().patch(u"/api/admin/users/%1"_s.arg(m_user.userId),
                                                      {{u"full_name"_s, text}}, m_admin.token);
            QCOMPARE(patched.status, 200);
            QCOMPARE(
                http().get(u"/api/users/me"_s, m_user.token).object()[u"full_name"_s].toString(),
                text);
            // as a task title and a password
            const HttpResponse task =
                http().post(u"/api/tasks/"_s, {{u"title"_s, text}}, m_user.token);
            QVERIFY2(task.status == 201, task.describe().constData());
            QCOMPARE(task.object()[u"title"_s].toString(), text);
        }
        const QString password = u"p' OR '1'='1"_s;
        QCOMPARE(http().registerUser(u"inject_pw"_s, password).status, 201);
        QCOMPARE(http().login(u"inject_pw"_s, password).status, 200);
        QCOMPARE(m_fixture.database().scalar(u"SELECT count(*) > 0 FROM users"_s).toBool(), true);
    }

    void twoMebibyteBody_is413() {
        QJsonObject body{{u"username"_s, QString(2 * 1024 * 1024, u'a')}, {u"password"_s, u"x"_s}};
        const HttpResponse response = http().post(u"/api/auth/register"_s, body);
        QVERIFY2(response.status == 413, response.describe().constData());
        QCOMPARE(http().get(u"/health"_s).status, 200);
    }

    void invalidJson_is422JsonInvalid() {
        for (const QByteArray& body : {"{"_ba, "not json"_ba, "{\"username\": 'single'}"_ba}) {
            const HttpResponse response = http().send("POST", u"/api/auth/register"_s, body);
            QCOMPARE(response.status, 422);
            QCOMPARE(response.object()[u"detail"_s][0][u"type"_s].toString(), u"json_invalid"_s);
            QCOMPARE(response.object()[u"detail"_s][0][u"loc"_s].toArray(),
                     (QJsonArray{u"body"_s}));
        }
        QCOMPARE(http().send("POST", u"/api/auth/register"_s, "[1,2]").status, 422);
    }

    void nulBytes_are422WithAMessage() {
        const HttpResponse escaped = http().send(
            "POST", u"/api/auth/register"_s,
            R"({"username":"nul\u0000name","email":"n@example.com","password":"Password123!"})");
        QCOMPARE(escaped.status, 422);
        QCOMPARE(escaped.object()[u"detail"_s][0][u"loc"_s].toArray(),
                 (QJsonArray{u"body"_s, u"username"_s}));
        QVERIFY(escaped.object()[u"detail"_s][0][u"msg"_s].toString().contains(u"NUL"_s));
        const HttpResponse raw =
            http().send("POST", u"/api/auth/login"_s,
                        QByteArray("{\"username\":\"a\0b\",\"password\":\"x\"}", 34));
        QCOMPARE(raw.status, 422);
        QVERIFY(!raw.detail().isEmpty());
        const HttpResponse fullName =
            http().patch(u"/api/admin/users/%1"_s.arg(m_user.userId),
                         {{u"full_name"_s, u"a\u0000b"_s}}, m_admin.token);
        QCOMPARE(fullName.status, 422);
    }

    void bcryptHash_verifies_andIsRehashedToArgon2idAfterLogin() {
        // given a user imported from the old auth service with a bcrypt hash
        char salt[CRYPT_GENSALT_OUTPUT_SIZE];
        QVERIFY(crypt_gensalt_rn("$2b$", 4, nullptr, 0, salt, sizeof salt));
        crypt_data data = {};
        const char* hashed = crypt_rn("OldPassword1", salt, &data, sizeof data);
        QVERIFY(hashed && QByteArray(hashed).startsWith("$2b$"));
        QVERIFY(m_fixture.database().exec(
            u"INSERT INTO users (username, email, password_hash) VALUES (?, ?, ?)"_s,
            {u"legacy_user"_s, u"legacy@example.com"_s, QString::fromLatin1(hashed)}));
        // when they log in
        QCOMPARE(http().login(u"legacy_user"_s, u"wrong-password"_s).status, 401);
        QCOMPARE(http().login(u"legacy_user"_s, u"OldPassword1"_s).status, 200);
        // then the stored hash is Argon2id and still accepts the password
        const QString stored =
            m_fixture.database()
                .scalar(u"SELECT password_hash FROM users WHERE username = 'legacy_user'"_s)
                .toString();
        QVERIFY2(stored.startsWith(u"$argon2id$"_s), qPrintable(stored));
        QCOMPARE(http().login(u"legacy_user"_s, u"OldPassword1"_s).status, 200);
    }

private:
    HttpClient& http() { return m_fixture.http(); }
    ServerFixture m_fixture;
    HttpClient::Session m_user;
    HttpClient::Session m_admin;
};

QTEST_GUILESS_MAIN(TestAdversarial)
#include "tst_adversarial.moc"
