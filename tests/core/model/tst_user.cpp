// User: the registration and admin-update rules (docs/api.md sections 2 and 5) and
// the server's three user shapes.

#include "ModelTestSupport.h"
#include "model/IsoDateTime.h"
#include "model/User.h"

#include <QJsonArray>
#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace bizy;
using bizy::test::object;

namespace {

QJsonObject registration(const QString& username, const QString& email, const QString& password) {
    return QJsonObject{{u"username"_s, username}, {u"email"_s, email}, {u"password"_s, password}};
}

User everyFieldSet() {
    User user;
    user.id = 7;
    user.username = u"ada_l"_s;
    user.email = u"ada@example.com"_s;
    user.fullName = u"Ada Lovelace"_s;
    user.isAdmin = true;
    user.isActive = false;
    user.isVerified = true;
    user.createdAt = QDateTime(QDate(2030, 1, 1), QTime(9, 0, 0, 250), QTimeZone::utc());
    user.lastLoginAt = QDateTime(QDate(2030, 1, 2), QTime(9, 0), QTimeZone::utc());
    user.lockedUntil = QDateTime(QDate(2030, 1, 2), QTime(9, 15), QTimeZone::utc());
    return user;
}

} // namespace

class TestUser : public QObject {
    Q_OBJECT

private slots:
    void registrationFollowsTheContract_data();
    void registrationFollowsTheContract();
    void registrationNeedsAllThreeFields();
    void registrationIgnoresWhatOnlyAnAdminDecides();
    void adminUpdateFollowsTheContract_data();
    void adminUpdateFollowsTheContract();
    void passwordAloneHasTheSameRule();
    void adminShapeRoundTrips();
    void profileAndMeShapesMatchTheAuthService();
    void parsingReadsTheAuthServicesNames();
    void wrongTypesAreErrorsNotDefaults_data();
    void wrongTypesAreErrorsNotDefaults();
    void randomValuesNeverCrash();
};

void TestUser::registrationFollowsTheContract_data() {
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("badField"); // empty when valid
    QTest::addColumn<QString>("type");

    const QString email = u"ada@example.com"_s;
    const QString password = u"correct horse"_s;
    const auto named = [&](const QString& username) {
        return registration(username, email, password);
    };
    QTest::newRow("username 2") << named(u"ab"_s) << u"username"_s << u"string_too_short"_s;
    QTest::newRow("username 3") << named(u"abc"_s) << QString() << QString();
    QTest::newRow("username 50") << named(test::characters(50)) << QString() << QString();
    QTest::newRow("username 51") << named(test::characters(51)) << u"username"_s
                                 << u"string_too_long"_s;
    QTest::newRow("username digits and _") << named(u"Ada_1815"_s) << QString() << QString();
    QTest::newRow("username hyphen")
        << named(u"ada-l"_s) << u"username"_s << u"string_pattern_mismatch"_s;
    QTest::newRow("username space")
        << named(u"ada l"_s) << u"username"_s << u"string_pattern_mismatch"_s;
    QTest::newRow("username dot") << named(u"ada.l"_s) << u"username"_s
                                  << u"string_pattern_mismatch"_s;
    QTest::newRow("username accent")
        << named(QString::fromUtf8("ad\xc3\xa4")) << u"username"_s << u"string_pattern_mismatch"_s;
    QTest::newRow("username trailing newline")
        << named(u"ada\n"_s) << u"username"_s << u"string_pattern_mismatch"_s;
    QTest::newRow("username NUL") << named(QString(u"ada"_s + QChar(u'\0'))) << u"username"_s
                                  << u"string_nul"_s;
    QTest::newRow("username number")
        << QJsonObject{{u"username"_s, 123}, {u"email"_s, email}, {u"password"_s, password}}
        << u"username"_s << u"string_type"_s;

    const auto mailed = [&](const QString& address) {
        return registration(u"ada"_s, address, password);
    };
    QTest::newRow("email plain") << mailed(u"ada@example.com"_s) << QString() << QString();
    QTest::newRow("email plus and subdomain")
        << mailed(u"ada+bizy@mail.example.co.uk"_s) << QString() << QString();
    for (const QString& bad : {u"ada"_s, u"ada@"_s, u"@example.com"_s, u"ada@example"_s,
                               u"ada@@example.com"_s, u"ada@exa mple.com"_s, u"a..b@example.com"_s,
                               u".ada@example.com"_s, u"ada@-example.com"_s, u""_s})
        QTest::addRow("email '%s'", qPrintable(bad))
            << mailed(bad) << u"email"_s << u"value_error"_s;

    const auto secret = [&](const QString& text) { return registration(u"ada"_s, email, text); };
    QTest::newRow("password 7") << secret(test::characters(7)) << u"password"_s
                                << u"string_too_short"_s;
    QTest::newRow("password 8") << secret(test::characters(8)) << QString() << QString();
    QTest::newRow("password 128") << secret(test::characters(128)) << QString() << QString();
    QTest::newRow("password 129") << secret(test::characters(129)) << u"password"_s
                                  << u"string_too_long"_s;
    QTest::newRow("password 8 emoji")
        << secret(test::characters(8, QString::fromUtf8("\xf0\x9f\x94\x91"))) << QString()
        << QString();
    QTest::newRow("password null") << QJsonObject{{u"username"_s, u"ada"_s},
                                                  {u"email"_s, email},
                                                  {u"password"_s, QJsonValue::Null}}
                                   << u"password"_s << u"string_type"_s;
}

void TestUser::registrationFollowsTheContract() {
    QFETCH(QJsonObject, body);
    QFETCH(QString, badField);
    QFETCH(QString, type);

    // given a POST /api/auth/register body
    // when validated
    const ValidatedFields result =
        User::registrationSchema().validate(body, EntitySchema::Mode::Create, FromRest);

    // then it passes, or exactly the bad field is reported
    if (badField.isEmpty()) {
        QVERIFY2(result.ok(), qPrintable(test::describe(result.errors)));
        QCOMPARE(result.fields.size(), 3);
        return;
    }
    QCOMPARE(result.errors.size(), 1);
    QCOMPARE(result.errors.first().loc, QJsonArray{badField});
    QCOMPARE(result.errors.first().type, type);
}

void TestUser::registrationNeedsAllThreeFields() {
    // given an empty body
    // when validated
    const ValidatedFields result =
        User::registrationSchema().validate({}, EntitySchema::Mode::Create, FromRest);

    // then all three are missing, each named
    QCOMPARE(result.errors.size(), 3);
    QStringList missing;
    for (const FieldError& error : result.errors) {
        QCOMPARE(error.type, u"missing"_s);
        missing << error.loc.first().toString();
    }
    QCOMPARE(missing, (QStringList{u"username"_s, u"email"_s, u"password"_s}));
}

void TestUser::registrationIgnoresWhatOnlyAnAdminDecides() {
    // given a registration that tries to make itself an admin
    const QJsonObject body = object(R"({"username": "mallory", "email": " m@example.com ",
        "password": "12345678", "is_admin": true, "id": 1, "email_verified": true})"_ba);

    // when validated
    const ValidatedFields result =
        User::registrationSchema().validate(body, EntitySchema::Mode::Create, FromRest);

    // then only the three fields are taken (the email trimmed)
    QVERIFY(result.ok());
    QCOMPARE(result.fields, (QJsonObject{{u"username"_s, u"mallory"_s},
                                         {u"email"_s, u"m@example.com"_s},
                                         {u"password"_s, u"12345678"_s}}));
}

void TestUser::adminUpdateFollowsTheContract_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("badField");
    QTest::addColumn<QString>("type");
    QTest::newRow("flags") << R"({"is_admin": true, "is_active": false, "is_verified": true})"_ba
                           << QString() << QString();
    QTest::newRow("is_admin text")
        << R"({"is_admin": "true"})"_ba << u"is_admin"_s << u"bool_type"_s;
    QTest::newRow("is_active 1") << R"({"is_active": 1})"_ba << u"is_active"_s << u"bool_type"_s;
    QTest::newRow("is_verified null")
        << R"({"is_verified": null})"_ba << u"is_verified"_s << u"bool_type"_s;
    QTest::newRow("email") << R"({"email": "new@example.com"})"_ba << QString() << QString();
    QTest::newRow("bad email") << R"({"email": "new@"})"_ba << u"email"_s << u"value_error"_s;
    QTest::newRow("null email") << R"({"email": null})"_ba << u"email"_s << u"string_type"_s;
    QTest::newRow("full_name cleared") << R"({"full_name": null})"_ba << QString() << QString();
    QTest::newRow("full_name 200")
        << QByteArray(R"({"full_name": ")" + QByteArray(200, 'x') + R"("})") << QString()
        << QString();
    QTest::newRow("full_name 201")
        << QByteArray(R"({"full_name": ")" + QByteArray(201, 'x') + R"("})") << u"full_name"_s
        << u"string_too_long"_s;
    QTest::newRow("password is not an admin field")
        << R"({"password": "x", "username": "y"})"_ba << QString() << QString();
}

void TestUser::adminUpdateFollowsTheContract() {
    QFETCH(QByteArray, body);
    QFETCH(QString, badField);
    QFETCH(QString, type);

    // given a PATCH /api/admin/users/{id} body
    // when validated
    const ValidatedFields result =
        User::adminUpdateSchema().validate(object(body), EntitySchema::Mode::Patch, FromRest);

    // then it passes, or exactly the bad field is reported
    if (badField.isEmpty()) {
        QVERIFY2(result.ok(), qPrintable(test::describe(result.errors)));
        QVERIFY(!result.fields.contains(u"password"_s));
        QVERIFY(!result.fields.contains(u"username"_s));
        return;
    }
    QCOMPARE(result.errors.size(), 1);
    QCOMPARE(result.errors.first().loc, QJsonArray{badField});
    QCOMPARE(result.errors.first().type, type);
}

void TestUser::passwordAloneHasTheSameRule() {
    // given the spec used by change-password and reset-password
    const FieldSpec& spec = User::passwordSpec();
    const EntitySchema schema({spec});
    QJsonValue normalised;

    // when checked at the boundaries
    // then 8 to 128 characters pass
    QVERIFY(schema.check(spec, test::characters(7), &normalised).has_value());
    QVERIFY(!schema.check(spec, test::characters(8), &normalised).has_value());
    QCOMPARE(normalised.toString(), test::characters(8));
    QVERIFY(!schema.check(spec, test::characters(128), &normalised).has_value());
    QVERIFY(schema.check(spec, test::characters(129), &normalised).has_value());
    QVERIFY(schema.check(spec, QJsonValue::Null, &normalised).has_value());
    QVERIFY(schema.check(spec, 12345678, &normalised).has_value());
}

void TestUser::adminShapeRoundTrips() {
    // given a user with every field set
    const User user = everyFieldSet();

    // when it goes to the admin list shape and back
    const QJsonObject json = user.toAdminJson();
    const Result<User> back = User::fromJson(json);

    // then it has the contract's keys and comes back equal
    QStringList keys = json.keys();
    keys.sort();
    QCOMPARE(keys, (QStringList{u"created_at"_s, u"email"_s, u"full_name"_s, u"id"_s,
                                u"is_active"_s, u"is_admin"_s, u"is_verified"_s, u"last_login_at"_s,
                                u"locked_until"_s, u"username"_s}));
    QCOMPARE(json.value(u"created_at"_s).toString(), u"2030-01-01T09:00:00.250"_s);
    QVERIFY2(back.ok(), back.ok() ? "" : qPrintable(back.error().message));
    QVERIFY(*back == user);

    // and a user with nothing optional set round trips too, with nulls
    User plain;
    plain.id = 8;
    plain.username = u"bob"_s;
    plain.email = u"bob@example.com"_s;
    plain.createdAt = user.createdAt;
    const QJsonObject plainJson = plain.toAdminJson();
    QVERIFY(plainJson.value(u"full_name"_s).isNull());
    QVERIFY(plainJson.value(u"last_login_at"_s).isNull());
    QVERIFY(plainJson.value(u"locked_until"_s).isNull());
    const Result<User> plainBack = User::fromJson(plainJson);
    QVERIFY(plainBack.ok());
    QVERIFY(*plainBack == plain);
}

void TestUser::profileAndMeShapesMatchTheAuthService() {
    // given a user
    const User user = everyFieldSet();

    // when shown as the auth service's profile and as /api/users/me
    const QJsonObject profile = user.toProfileJson();
    const QJsonObject me = user.toMeJson();

    // then each has exactly the contract's keys
    QCOMPARE(profile, (QJsonObject{{u"id"_s, 7},
                                   {u"username"_s, u"ada_l"_s},
                                   {u"email"_s, u"ada@example.com"_s},
                                   {u"is_admin"_s, true},
                                   {u"email_verified"_s, true}}));
    QCOMPARE(me, (QJsonObject{{u"id"_s, 7},
                              {u"username"_s, u"ada_l"_s},
                              {u"email"_s, u"ada@example.com"_s},
                              {u"full_name"_s, u"Ada Lovelace"_s},
                              {u"is_active"_s, false},
                              {u"is_verified"_s, true},
                              {u"is_admin"_s, true},
                              {u"created_at"_s, u"2030-01-01T09:00:00.250"_s}}));
}

void TestUser::parsingReadsTheAuthServicesNames() {
    // given a login answer's user (email_verified, no is_active)
    const QJsonObject answer = object(
        R"({"id": 3, "username": "ada", "email": "a@example.com", "is_admin": false,
            "email_verified": true})"_ba);

    // when parsed
    const Result<User> user = User::fromJson(answer);

    // then email_verified means verified and a user not said to be inactive is active
    QVERIFY(user.ok());
    QCOMPARE(user->id, 3);
    QVERIFY(user->isVerified);
    QVERIFY(user->isActive);
    QVERIFY(!user->isAdmin);
    QVERIFY(!user->fullName.has_value());
}

void TestUser::wrongTypesAreErrorsNotDefaults_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");
    QTest::newRow("no id") << R"({"username": "a"})"_ba << u"id"_s;
    QTest::newRow("id text") << R"({"id": "3", "username": "a"})"_ba << u"id"_s;
    QTest::newRow("id fraction") << R"({"id": 2.5, "username": "a"})"_ba << u"id"_s;
    QTest::newRow("no username") << R"({"id": 3})"_ba << u"username"_s;
    QTest::newRow("username null") << R"({"id": 3, "username": null})"_ba << u"username"_s;
    QTest::newRow("email number") << R"({"id": 3, "username": "a", "email": 5})"_ba << u"email"_s;
    QTest::newRow("full_name list")
        << R"({"id": 3, "username": "a", "full_name": []})"_ba << u"full_name"_s;
    QTest::newRow("is_admin text")
        << R"({"id": 3, "username": "a", "is_admin": "true"})"_ba << u"is_admin"_s;
    QTest::newRow("is_active number")
        << R"({"id": 3, "username": "a", "is_active": 0})"_ba << u"is_active"_s;
    QTest::newRow("email_verified text")
        << R"({"id": 3, "username": "a", "email_verified": "no"})"_ba << u"email_verified"_s;
    QTest::newRow("created_at garbage")
        << R"({"id": 3, "username": "a", "created_at": "yesterday"})"_ba << u"created_at"_s;
    QTest::newRow("locked_until number")
        << R"({"id": 3, "username": "a", "locked_until": 1700000000})"_ba << u"locked_until"_s;
}

void TestUser::wrongTypesAreErrorsNotDefaults() {
    QFETCH(QByteArray, body);
    QFETCH(QString, field);

    // given an answer with one field of the wrong type
    // when parsed
    const Result<User> user = User::fromJson(object(body));

    // then it is an error naming that field, never a silent default
    // (a "true" read as false would hide an admin)
    QVERIFY(!user.ok());
    QCOMPARE(user.error().code, Error::Code::Validation);
    QCOMPARE(user.error().fields.size(), 1);
    QCOMPARE(user.error().fields.first().loc, QJsonArray{field});
}

void TestUser::randomValuesNeverCrash() {
    // given a seeded stream of valid answers with random values put into them
    test::RandomJson random(3);
    const QJsonObject valid = everyFieldSet().toAdminJson();
    const QStringList keys = valid.keys();
    int parsed = 0;
    for (int round = 0; round < 3000; ++round) {
        QJsonObject input = valid;
        input.insert(keys.at(random.generator().bounded(int(keys.size()))), random.value());

        // when parsed and validated in every schema
        const Result<User> user = User::fromJson(input);
        const ValidatedFields registered =
            User::registrationSchema().validate(input, EntitySchema::Mode::Create, FromRest);
        const ValidatedFields updated =
            User::adminUpdateSchema().validate(input, EntitySchema::Mode::Patch, FromRest);

        // then errors name input fields, and a parsed user round trips
        for (const FieldErrors* errors :
             {user.ok() ? nullptr : &user.error().fields, &registered.errors, &updated.errors}) {
            for (const FieldError& error : errors ? *errors : FieldErrors{})
                QVERIFY(input.contains(error.loc.first().toString()) || error.type == u"missing"_s);
        }
        if (!user.ok())
            continue;
        ++parsed;
        const Result<User> again = User::fromJson(user->toAdminJson());
        QVERIFY2(again.ok(), again.ok() ? "" : qPrintable(again.error().message));
        QVERIFY(*again == *user);
    }
    QVERIFY(parsed > 100);
}

QTEST_GUILESS_MAIN(TestUser)
#include "tst_user.moc"
