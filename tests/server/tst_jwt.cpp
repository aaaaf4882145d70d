#include "auth/Jwt.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <openssl/evp.h>
#include <openssl/hmac.h>

using namespace Qt::StringLiterals;
using bizy::server::Jwt;
using bizy::server::JwtClaims;

namespace {

const QByteArray kSecret = "a-test-secret-that-is-at-least-32-characters"_ba;
constexpr qint64 kNow = 1900000000;

QByteArray b64(const QByteArray& bytes) {
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray json(const QJsonObject& object) {
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// Builds a token by hand, the way another library (or an attacker) would.
QString handMade(const QByteArray& header, const QByteArray& payload,
                 const QByteArray& secret = kSecret) {
    const QByteArray input = b64(header) + '.' + b64(payload);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    HMAC(EVP_sha256(), secret.constData(), int(secret.size()),
         reinterpret_cast<const unsigned char*>(input.constData()), size_t(input.size()), digest,
         &length);
    return QString::fromLatin1(input + '.' +
                               b64(QByteArray(reinterpret_cast<const char*>(digest), length)));
}

QJsonObject validPayload() {
    return QJsonObject{
        {u"user_id"_s, 7},      {u"username"_s, u"ada"_s}, {u"email"_s, u"ada@example.com"_s},
        {u"is_admin"_s, false}, {u"exp"_s, kNow + 3600},   {u"iat"_s, kNow}};
}

const QByteArray kHs256Header = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}"_ba;

JwtClaims sampleClaims() {
    JwtClaims claims;
    claims.userId = 42;
    claims.username = u"grace"_s;
    claims.email = u"grace@example.com"_s;
    claims.isAdmin = true;
    claims.issuedAt = kNow;
    claims.expiresAt = kNow + 900;
    claims.jti = u"a6b4f1de-2c09-4a4e-9d6e-3f1f0a3a1b2c"_s;
    return claims;
}

} // namespace

class TestJwt : public QObject {
    Q_OBJECT

private:
    void expectInvalid(const QString& token) {
        const auto result = Jwt(kSecret).verify(token, kNow);
        QVERIFY2(!result.ok(), qPrintable(token));
        QCOMPARE(result.error().code, bizy::Error::Code::Unauthorized);
        QVERIFY2(result.error().message.startsWith(u"Invalid token: "_s),
                 qPrintable(result.error().message));
    }

private slots:
    void roundTrip() {
        // given a token signed by the server
        const Jwt jwt(kSecret);
        const QString token = jwt.sign(sampleClaims());
        // when it is verified before it expires
        const auto result = jwt.verify(token, kNow + 10);
        // then every claim comes back
        QVERIFY(result.ok());
        QCOMPARE(result->userId, 42);
        QCOMPARE(result->username, u"grace"_s);
        QCOMPARE(result->email, u"grace@example.com"_s);
        QCOMPARE(result->isAdmin, true);
        QCOMPARE(result->issuedAt, kNow);
        QCOMPARE(result->expiresAt, kNow + 900);
        QCOMPARE(result->jti, sampleClaims().jti);
    }

    void signedTokenHasTheOldServicesShape() {
        // then the header says HS256, segments carry no padding, and the
        // payload has the claim names the old clients read
        const QString token = Jwt(kSecret).sign(sampleClaims());
        QVERIFY(!token.contains(u'='));
        const QStringList parts = token.split(u'.');
        QCOMPARE(parts.size(), 3);
        const QJsonObject header =
            QJsonDocument::fromJson(
                QByteArray::fromBase64(parts[0].toLatin1(), QByteArray::Base64UrlEncoding))
                .object();
        QCOMPARE(header.value(u"alg"_s).toString(), u"HS256"_s);
        const QJsonObject payload =
            QJsonDocument::fromJson(
                QByteArray::fromBase64(parts[1].toLatin1(), QByteArray::Base64UrlEncoding))
                .object();
        for (const auto& name :
             {u"user_id"_s, u"username"_s, u"email"_s, u"is_admin"_s, u"exp"_s, u"iat"_s, u"jti"_s})
            QVERIFY2(payload.contains(name), qPrintable(name));
        QVERIFY(payload.value(u"is_admin"_s).isBool());
    }

    void emptyJtiGetsAFreshOne() {
        JwtClaims claims = sampleClaims();
        claims.jti.clear();
        const Jwt jwt(kSecret);
        const auto first = jwt.verify(jwt.sign(claims), kNow);
        const auto second = jwt.verify(jwt.sign(claims), kNow);
        QVERIFY(first.ok() && second.ok());
        QVERIFY(!first->jti.isEmpty());
        QCOMPARE_NE(first->jti, second->jti);
    }

    void acceptsATokenMadeByAnotherLibrary() {
        // given a token built by hand with the shared secret (as PyJWT does)
        const auto result = Jwt(kSecret).verify(handMade(kHs256Header, json(validPayload())), kNow);
        QVERIFY(result.ok());
        QCOMPARE(result->userId, 7);
        QCOMPARE(result->username, u"ada"_s);
    }

    void expiredToken() {
        // given a token whose exp has passed (or is exactly now)
        const Jwt jwt(kSecret);
        const QString token = jwt.sign(sampleClaims());
        for (qint64 now : {kNow + 900, kNow + 901, kNow + 100000}) {
            const auto result = jwt.verify(token, now);
            // then the answer is exactly "Token has expired"
            QVERIFY(!result.ok());
            QCOMPARE(result.error().code, bizy::Error::Code::Unauthorized);
            QCOMPARE(result.error().message, u"Token has expired"_s);
        }
    }

    void wrongSecret() {
        const QString token =
            Jwt("another-secret-that-is-also-32-chars-long"_ba).sign(sampleClaims());
        expectInvalid(token);
    }

    void tamperedPayload() {
        // given a valid token whose payload is swapped for one with more rights
        const QStringList parts = Jwt(kSecret).sign(sampleClaims()).split(u'.');
        QJsonObject payload = validPayload();
        payload.insert(u"is_admin"_s, true);
        payload.insert(u"user_id"_s, 1);
        const QString forged =
            parts[0] + u'.' + QString::fromLatin1(b64(json(payload))) + u'.' + parts[2];
        // then the signature no longer matches
        expectInvalid(forged);
    }

    void tamperedSignature() {
        QString token = Jwt(kSecret).sign(sampleClaims());
        token.back() = token.back() == u'A' ? u'B' : u'A';
        expectInvalid(token);
        expectInvalid(token.chopped(4));
    }

    void otherAlgorithms_data() {
        QTest::addColumn<QByteArray>("header");
        QTest::newRow("HS512") << "{\"alg\":\"HS512\",\"typ\":\"JWT\"}"_ba;
        QTest::newRow("RS256") << "{\"alg\":\"RS256\",\"typ\":\"JWT\"}"_ba;
        QTest::newRow("none") << "{\"alg\":\"none\",\"typ\":\"JWT\"}"_ba;
        QTest::newRow("None") << "{\"alg\":\"None\"}"_ba;
        QTest::newRow("hs256 lower") << "{\"alg\":\"hs256\"}"_ba;
        QTest::newRow("missing alg") << "{\"typ\":\"JWT\"}"_ba;
        QTest::newRow("alg not a string") << "{\"alg\":256}"_ba;
    }

    void otherAlgorithms() {
        QFETCH(QByteArray, header);
        // given a token that names another algorithm, even correctly HMAC-signed
        expectInvalid(handMade(header, json(validPayload())));
        // and an unsigned "none" token with an empty signature
        expectInvalid(QString::fromLatin1(b64(header) + '.' + b64(json(validPayload())) + '.'));
    }

    void badExp_data() {
        QTest::addColumn<QJsonValue>("exp");
        QTest::newRow("missing") << QJsonValue(QJsonValue::Undefined);
        QTest::newRow("string") << QJsonValue(u"1900003600"_s);
        QTest::newRow("null") << QJsonValue(QJsonValue::Null);
        QTest::newRow("bool") << QJsonValue(true);
    }

    void badExp() {
        QFETCH(QJsonValue, exp);
        QJsonObject payload = validPayload();
        payload.remove(u"exp"_s);
        if (!exp.isUndefined())
            payload.insert(u"exp"_s, exp);
        expectInvalid(handMade(kHs256Header, json(payload)));
    }

    void missingUserId() {
        QJsonObject payload = validPayload();
        payload.remove(u"user_id"_s);
        expectInvalid(handMade(kHs256Header, json(payload)));
        payload.insert(u"user_id"_s, u"7"_s);
        expectInvalid(handMade(kHs256Header, json(payload)));
    }

    void malformedTokens_data() {
        const QString good = Jwt(kSecret).sign(sampleClaims());
        const QStringList parts = good.split(u'.');
        QTest::addColumn<QString>("token");
        QTest::newRow("empty") << QString();
        QTest::newRow("one segment") << parts[0];
        QTest::newRow("two segments") << parts[0] + u'.' + parts[1];
        QTest::newRow("four segments") << good + u".AAAA"_s;
        QTest::newRow("padding") << parts[0] + u"=."_s + parts[1] + u'.' + parts[2];
        QTest::newRow("standard base64 chars") << parts[0] + u'.' + parts[1] + u"+/."_s + parts[2];
        QTest::newRow("bad base64 length") << u"A.B.C"_s;
        QTest::newRow("non-JSON header") << handMade("not json"_ba, json(validPayload()));
        QTest::newRow("JSON array header") << handMade("[1,2]"_ba, json(validPayload()));
        QTest::newRow("non-JSON payload") << handMade(kHs256Header, "{user_id:7"_ba);
        QTest::newRow("array payload") << handMade(kHs256Header, "[]"_ba);
        QTest::newRow("non ascii") << good + u"é"_s;
        QTest::newRow("huge token") << parts[0] + u'.' + QString(20000, u'A') + u'.' + parts[2];
        QTest::newRow("huge header")
            << handMade("{\"alg\":\"HS256\",\"x\":\""_ba + QByteArray(2000, 'x') + "\"}"_ba,
                        json(validPayload()));
        QTest::newRow("only dots") << u".."_s;
    }

    void malformedTokens() {
        QFETCH(QString, token);
        expectInvalid(token);
    }
};

QTEST_GUILESS_MAIN(TestJwt)
#include "tst_jwt.moc"
