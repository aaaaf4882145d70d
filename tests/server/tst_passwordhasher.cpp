#include "auth/PasswordHasher.h"

#include <QTest>
#include <crypt.h>
#include <sodium.h>

using namespace Qt::StringLiterals;
using bizy::server::PasswordHasher;

namespace {

// A real bcrypt hash as the old auth service stored it, made by libxcrypt.
QString bcryptHash(const QByteArray& prefix, const QByteArray& password) {
    char salt[CRYPT_GENSALT_OUTPUT_SIZE];
    if (crypt_gensalt_rn(prefix.constData(), 4, nullptr, 0, salt, int(sizeof salt)) == nullptr)
        return {};
    crypt_data data{};
    const char* hashed = crypt_rn(password.constData(), salt, &data, int(sizeof data));
    return hashed == nullptr ? QString() : QString::fromLatin1(hashed);
}

} // namespace

class TestPasswordHasher : public QObject {
    Q_OBJECT

private slots:
    void argon2RoundTrip() {
        // given a password hashed by the server
        const QString hash = PasswordHasher::hash(u"correct horse battery"_s);
        // then it is an Argon2id string that verifies with the same password only
        QVERIFY(hash.startsWith(u"$argon2id$"_s));
        QVERIFY(PasswordHasher::verify(hash, u"correct horse battery"_s));
        QVERIFY(!PasswordHasher::verify(hash, u"correct horse batterY"_s));
        QVERIFY(!PasswordHasher::verify(hash, QString()));
    }

    void hashesAreSalted() {
        // when the same password is hashed twice, then the hashes differ
        QCOMPARE_NE(PasswordHasher::hash(u"same password"_s),
                    PasswordHasher::hash(u"same password"_s));
    }

    void unicodePasswordsRoundTrip() {
        const QString password = u"pässwörd 🔑 密码"_s;
        const QString hash = PasswordHasher::hash(password);
        QVERIFY(PasswordHasher::verify(hash, password));
        QVERIFY(!PasswordHasher::verify(hash, u"passwort 🔑 密码"_s));
    }

    void freshHashNeedsNoRehash() {
        QVERIFY(!PasswordHasher::needsRehash(PasswordHasher::hash(u"some password"_s)));
    }

    void bcryptFromTheOldService_data() {
        QTest::addColumn<QByteArray>("prefix");
        QTest::newRow("2a") << "$2a$"_ba;
        QTest::newRow("2b") << "$2b$"_ba;
        QTest::newRow("2y") << "$2y$"_ba;
    }

    void bcryptFromTheOldService() {
        QFETCH(QByteArray, prefix);
        // given a bcrypt hash imported from the old auth service
        const QString hash = bcryptHash(prefix, "old secret 123"_ba);
        QVERIFY2(hash.startsWith(QString::fromLatin1(prefix)), qPrintable(hash));
        // then the right password verifies, a wrong one does not
        QVERIFY(PasswordHasher::verify(hash, u"old secret 123"_s));
        QVERIFY(!PasswordHasher::verify(hash, u"old secret 124"_s));
        QVERIFY(!PasswordHasher::verify(hash, u"old secret 12"_s));
        // and it is always due for a rehash to Argon2id
        QVERIFY(PasswordHasher::needsRehash(hash));
    }

    void bcryptRejectsPasswordsWithNul() {
        // given a bcrypt hash of "abc", a password "abc\0xyz" must not match
        const QString hash = bcryptHash("$2b$"_ba, "abc"_ba);
        QVERIFY(PasswordHasher::verify(hash, u"abc"_s));
        QVERIFY(!PasswordHasher::verify(hash, QString(u"abc"_s + QChar(u'\0') + u"xyz"_s)));
    }

    void weakerArgon2NeedsRehash() {
        // given Argon2id hashes made with weaker and with stronger parameters
        QCOMPARE_GE(sodium_init(), 0);
        char weak[crypto_pwhash_STRBYTES];
        QCOMPARE(crypto_pwhash_str(weak, "pw", 2, crypto_pwhash_OPSLIMIT_MIN,
                                   crypto_pwhash_MEMLIMIT_MIN),
                 0);
        char stronger[crypto_pwhash_STRBYTES];
        QCOMPARE(crypto_pwhash_str(stronger, "pw", 2, PasswordHasher::kOpsLimit + 1,
                                   PasswordHasher::kMemLimit),
                 0);
        // then both still verify, only the weaker one asks for a rehash
        QVERIFY(PasswordHasher::verify(QString::fromLatin1(weak), u"pw"_s));
        QVERIFY(PasswordHasher::verify(QString::fromLatin1(stronger), u"pw"_s));
        QVERIFY(PasswordHasher::needsRehash(QString::fromLatin1(weak)));
        QVERIFY(!PasswordHasher::needsRehash(QString::fromLatin1(stronger)));
    }

    void argon2iNeedsRehash() {
        QCOMPARE_GE(sodium_init(), 0);
        char hash[crypto_pwhash_argon2i_STRBYTES];
        QCOMPARE(crypto_pwhash_argon2i_str(hash, "pw", 2,
                                           crypto_pwhash_argon2i_OPSLIMIT_INTERACTIVE,
                                           crypto_pwhash_argon2i_MEMLIMIT_INTERACTIVE),
                 0);
        QVERIFY(PasswordHasher::verify(QString::fromLatin1(hash), u"pw"_s));
        QVERIFY(PasswordHasher::needsRehash(QString::fromLatin1(hash)));
    }

    void garbageNeverVerifies_data() {
        QTest::addColumn<QString>("stored");
        QTest::newRow("empty") << QString();
        QTest::newRow("plain text") << u"hunter2"_s;
        QTest::newRow("argon2 prefix only") << u"$argon2id$"_s;
        QTest::newRow("argon2 truncated") << PasswordHasher::hash(u"hunter2"_s).chopped(10);
        QTest::newRow("argon2 overlong") << (u"$argon2id$"_s + QString(200, u'a'));
        QTest::newRow("bcrypt truncated") << bcryptHash("$2b$"_ba, "hunter2"_ba).chopped(5);
        QTest::newRow("bcrypt cost 31")
            << u"$2b$31$abcdefghijklmnopqrstuuB6lHkG3kX2PH9Sk7Kdp2ZJIIbXf4Yxm"_s;
        QTest::newRow("bcrypt unknown variant")
            << u"$2x$04$abcdefghijklmnopqrstuuB6lHkG3kX2PH9Sk7Kdp2ZJIIbXf4Yxm"_s;
        QTest::newRow("md5 crypt") << u"$1$saltsalt$qjXMvbEw8oaL.CzflDugX/"_s;
        QTest::newRow("des crypt") << u"abJnggxhB/yWI"_s;
        QTest::newRow("non latin") << u"$argon2id$v=19$m=65536,t=2,p=1$ää$öö"_s;
    }

    void garbageNeverVerifies() {
        QFETCH(QString, stored);
        // when a stored hash is damaged or unknown, then no password matches it
        QVERIFY(!PasswordHasher::verify(stored, u"hunter2"_s));
        QVERIFY(!PasswordHasher::verify(stored, QString()));
        QVERIFY(PasswordHasher::needsRehash(stored));
    }
};

QTEST_GUILESS_MAIN(TestPasswordHasher)
#include "tst_passwordhasher.moc"
