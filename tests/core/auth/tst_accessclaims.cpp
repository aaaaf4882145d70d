#include "auth/AccessClaims.h"
#include "auth/Session.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;
using bizy::AccessClaims;

namespace {

QByteArray base64Url(const QByteArray& bytes) {
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// A token of the server's shape; the signature is never checked by the client.
QString tokenWith(const QJsonObject& payload) {
    return QString::fromLatin1(base64Url(R"({"alg":"HS256","typ":"JWT"})"_ba) + '.' +
                               base64Url(QJsonDocument(payload).toJson(QJsonDocument::Compact)) +
                               '.' + base64Url("signature"_ba));
}

} // namespace

// What the UI learns from an access token, and the per-account file name.
class TestAccessClaims : public QObject {
    Q_OBJECT

private slots:
    void serverShapedToken_isDecoded() {
        // given a token with the auth service's claims
        const QString token = tokenWith({{u"user_id"_s, 42},
                                         {u"username"_s, u"alice"_s},
                                         {u"email"_s, u"alice@example.com"_s},
                                         {u"is_admin"_s, true},
                                         {u"iat"_s, 1900000000},
                                         {u"exp"_s, 1900000900},
                                         {u"jti"_s, u"abc"_s}});
        // when it is decoded
        const auto claims = AccessClaims::decode(token);
        // then the UI sees who is logged in and until when
        QVERIFY(claims.has_value());
        QCOMPARE(claims->userId, 42);
        QCOMPARE(claims->username, u"alice"_s);
        QCOMPARE(claims->email, u"alice@example.com"_s);
        QCOMPARE(claims->isAdmin, true);
        QCOMPARE(claims->expiresAt, QDateTime::fromSecsSinceEpoch(1900000900, Qt::UTC));
        QCOMPARE(claims->issuedAt.secsTo(claims->expiresAt), 900);
    }

    void malformedTokens_areRefused_data() {
        QTest::addColumn<QString>("token");
        QTest::newRow("empty") << QString();
        QTest::newRow("two parts") << u"abc.def"_s;
        QTest::newRow("not base64") << u"a.!!!.c"_s;
        QTest::newRow("not json") << QString::fromLatin1("a." + base64Url("nope") + ".c");
        QTest::newRow("no user id") << tokenWith({{u"exp"_s, 1900000000}});
        QTest::newRow("no exp") << tokenWith({{u"user_id"_s, 1}});
        QTest::newRow("text user id")
            << tokenWith({{u"user_id"_s, u"1"_s}, {u"exp"_s, 1900000000}});
        QTest::newRow("zero user id") << tokenWith({{u"user_id"_s, 0}, {u"exp"_s, 1900000000}});
    }

    void malformedTokens_areRefused() {
        QFETCH(QString, token);
        QVERIFY(!AccessClaims::decode(token).has_value());
    }

    void accountKey_isFileSafe_stable_andDistinctPerServerAndUser() {
        const QUrl server(u"https://bizy.example.com/"_s);
        const QString key = bizy::Session::accountKey(server, 7);
        // safe as a file name on every platform
        QVERIFY2(QRegularExpression(u"^[A-Za-z0-9._-]+$"_s).match(key).hasMatch(), qPrintable(key));
        // the same account always gets the same file, a trailing slash or not
        QCOMPARE(bizy::Session::accountKey(QUrl(u"https://bizy.example.com"_s), 7), key);
        // another user, another port, another scheme or path: another file
        const QStringList others = {
            bizy::Session::accountKey(server, 8),
            bizy::Session::accountKey(QUrl(u"https://bizy.example.com:8443/"_s), 7),
            bizy::Session::accountKey(QUrl(u"http://bizy.example.com/"_s), 7),
            bizy::Session::accountKey(QUrl(u"https://bizy.example.com/team/"_s), 7),
        };
        for (const QString& other : others)
            QVERIFY2(other != key, qPrintable(other));
        // a hostile host name cannot escape the accounts folder
        const QString odd = bizy::Session::accountKey(QUrl(u"http://[::1]:8000/"_s), 1);
        QVERIFY2(!odd.contains(u'/') && !odd.contains(u':') && !odd.startsWith(u'.'),
                 qPrintable(odd));
    }
};

QTEST_GUILESS_MAIN(TestAccessClaims)
#include "tst_accessclaims.moc"
