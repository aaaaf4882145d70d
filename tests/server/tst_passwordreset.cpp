#include "ServerFixture.h"
#include "SmtpSink.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::StringLiterals;

// Password reset by email (docs/api.md section 2.8) through the real server
// and a real SMTP server (aiosmtpd): the mail that arrives, its token, the
// confirmation, and every way a token is refused.
class TestPasswordReset : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(m_smtp.start(&error), qPrintable(error));
        QVERIFY2(m_fixture.start({{u"BIZY_SMTP_URL"_s, m_smtp.url()},
                                  {u"BIZY_MAIL_FROM"_s, u"bizy@example.com"_s}},
                                 &error),
                 qPrintable(error));
    }

    void reset_mailsATokenThatSetsThePasswordOnce_andEndsEverySession() {
        // given a user with two sessions, locked out by five wrong passwords
        const HttpClient::Session web = http().registerAndLogin(u"gus"_s);
        const HttpClient::Session desk =
            http().sessionFrom(http().login(u"gus"_s, u"Password123!"_s), u"gus"_s);
        QVERIFY(web.ok() && desk.ok());
        for (int i = 0; i < 5; ++i)
            http().login(u"gus"_s, u"WrongPassword1"_s);
        QCOMPARE(http().login(u"gus"_s, u"Password123!"_s).status, 423);

        // when the Login page asks for a reset (the address in other case)
        const HttpResponse asked =
            http().post(u"/password-reset"_s, {{u"email"_s, u"GUS@Example.com"_s}});
        // then the usual words, and one mail to the account's address
        QVERIFY2(asked.status == 200, asked.describe().constData());
        QCOMPARE(asked.object(), kRequestAnswer);
        const SmtpSink::Mail mail = nextMail();
        QCOMPARE(mail.header("x-mailfrom"), u"bizy@example.com"_s);
        QCOMPARE(mail.header("x-rcptto"), u"gus@example.com"_s);
        QCOMPARE(mail.header("from"), u"bizy@example.com"_s);
        QCOMPARE(mail.header("to"), u"gus@example.com"_s);
        QCOMPARE(mail.header("subject"), u"Reset your Bizy password"_s);
        QVERIFY2(mail.body.startsWith(u"Hello gus,\n"_s), qPrintable(mail.body));
        const QString token = tokenIn(mail);
        QVERIFY2(!token.isEmpty(), qPrintable(mail.body));
        // and the database keeps only the token's hash, valid for 30 minutes
        QCOMPARE(db().scalar(u"SELECT count(*) FROM password_reset_tokens WHERE token_hash = ?"
                             " AND expires_at - created_at = interval '30 minutes'"_s,
                             {sha256(token)})
                     .toInt(),
                 1);
        QCOMPARE(db().scalar(u"SELECT count(*) FROM password_reset_tokens WHERE token_hash = ?"_s,
                             {token})
                     .toInt(),
                 0);

        // when the token comes back with a new password
        const HttpResponse confirmed = confirm(token, u"Brand-new-pass1"_s);
        // then the password is the new one, and the lockout is over
        QVERIFY2(confirmed.status == 200, confirmed.describe().constData());
        QCOMPARE(confirmed.object(), (QJsonObject{{u"message"_s, u"Password has been reset"_s}}));
        QCOMPARE(http().login(u"gus"_s, u"Password123!"_s).status, 401);
        QCOMPARE(http().login(u"gus"_s, u"Brand-new-pass1"_s).status, 200);
        // and both earlier sessions are over
        for (const HttpClient::Session& session : {web, desk}) {
            QCOMPARE(http().get(u"/api/users/me"_s, session.token).status, 401);
            QCOMPARE(http()
                         .post(u"/api/auth/refresh"_s, {{u"refresh_token"_s, session.refreshToken}})
                         .status,
                     401);
        }
        // and the token works once
        const HttpResponse again = confirm(token, u"Another-pass-2"_s);
        QCOMPARE(again.status, 400);
        QCOMPARE(again.detail(), u"Password reset token was already used"_s);
        QCOMPARE(http().login(u"gus"_s, u"Brand-new-pass1"_s).status, 200);
    }

    void unknownEmail_getsTheSameWords_andNoMail() {
        // given a registered user
        QCOMPARE(http().registerUser(u"hal"_s, u"Password123!"_s).status, 201);
        const int tokensBefore =
            db().scalar(u"SELECT count(*) FROM password_reset_tokens"_s).toInt();
        // when a reset is asked for an address nobody has, then for Hal's
        const HttpResponse unknown =
            http().post(u"/api/auth/password-reset"_s, {{u"email"_s, u"nobody@example.com"_s}});
        const HttpResponse known =
            http().post(u"/api/auth/password-reset"_s, {{u"email"_s, u"hal@example.com"_s}});
        // then both answers are the same, word for word
        QCOMPARE(unknown.status, 200);
        QCOMPARE(unknown.body, known.body);
        QCOMPARE(unknown.object(), kRequestAnswer);
        // and only Hal got a mail (the unknown address, asked first, none)
        QCOMPARE(nextMail().header("x-rcptto"), u"hal@example.com"_s);
        QCOMPARE(m_smtp.messages().size(), m_seenMails);
        QCOMPARE(db().scalar(u"SELECT count(*) FROM password_reset_tokens"_s).toInt(),
                 tokensBefore + 1);
    }

    void expiredWrongOrMissingTokens_areRefused_andChangeNothing() {
        // given a token mailed to Ivy
        QCOMPARE(http().registerUser(u"ivy"_s, u"Password123!"_s).status, 201);
        QCOMPARE(
            http().post(u"/api/auth/password-reset"_s, {{u"email"_s, u"ivy@example.com"_s}}).status,
            200);
        const QString token = tokenIn(nextMail());
        QVERIFY(!token.isEmpty());

        // when it comes back after its 30 minutes
        QVERIFY(db().exec(u"UPDATE password_reset_tokens SET expires_at = now() - interval '1 s',"
                          " created_at = now() - interval '30 min 1 s' WHERE token_hash = ?"_s,
                          {sha256(token)}));
        const HttpResponse expired = confirm(token, u"Brand-new-pass1"_s);
        // then 400 with words (also under the auth service's "error")
        QCOMPARE(expired.status, 400);
        QCOMPARE(expired.object(),
                 (QJsonObject{{u"detail"_s, u"Password reset token has expired"_s},
                              {u"error"_s, u"Password reset token has expired"_s}}));
        // and a token nobody issued is refused too
        const HttpResponse wrong = confirm(QString(43, u'A'), u"Brand-new-pass1"_s);
        QCOMPARE(wrong.status, 400);
        QCOMPARE(wrong.detail(), u"Invalid password reset token"_s);
        // and a missing token or a short password is a 422 at the field
        const HttpResponse missing = http().post(u"/api/auth/password-reset/confirm"_s,
                                                 {{u"new_password"_s, u"Brand-new-pass1"_s}});
        QCOMPARE(missing.status, 422);
        QCOMPARE(missing.object()[u"detail"_s].toArray().first()[u"loc"_s].toArray(),
                 (QJsonArray{u"body"_s, u"token"_s}));
        const HttpResponse shortPassword = confirm(token, u"short"_s);
        QCOMPARE(shortPassword.status, 422);
        QCOMPARE(shortPassword.object()[u"detail"_s].toArray().first()[u"loc"_s].toArray(),
                 (QJsonArray{u"body"_s, u"new_password"_s}));
        // and the password never changed
        QCOMPARE(http().login(u"ivy"_s, u"Password123!"_s).status, 200);
    }

    void aMailServerThatIsDown_stillAnswersTheSameWords() {
        // given a server whose SMTP server does not listen
        ServerProcess server(
            m_fixture.database().databaseUrl(),
            {{u"BIZY_SMTP_URL"_s, u"smtp://127.0.0.1:%1"_s.arg(PgCluster::freePort())},
             {u"BIZY_MAIL_FROM"_s, u"bizy@example.com"_s}});
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        // when Hal asks for a reset there
        const HttpResponse answer =
            HttpClient(server.baseUrl())
                .post(u"/api/auth/password-reset"_s, {{u"email"_s, u"hal@example.com"_s}});
        // then the answer is the usual one, and the failure is only logged
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.object(), kRequestAnswer);
        QTRY_VERIFY2_WITH_TIMEOUT(server.output().contains(u"Could not send"_s),
                                  qPrintable(server.output()), 30000);
        QVERIFY2(server.output().contains(u"cannot reach the SMTP server"_s),
                 qPrintable(server.output()));
        QCOMPARE(server.terminate(), 0);
    }

private:
    const QJsonObject kRequestAnswer{
        {u"message"_s,
         u"If an account with that email exists, a password reset code has been sent to it"_s}};

    HttpResponse confirm(const QString& token, const QString& newPassword) {
        return http().post(u"/api/auth/password-reset/confirm"_s,
                           {{u"token"_s, token}, {u"new_password"_s, newPassword}});
    }

    // The next mail not looked at yet, once it arrived.
    SmtpSink::Mail nextMail() {
        if (!m_smtp.waitForMessages(int(m_seenMails) + 1))
            return {};
        return m_smtp.messages().at(m_seenMails++);
    }

    // The reset code: the mail's one indented line.
    static QString tokenIn(const SmtpSink::Mail& mail) {
        static const QRegularExpression line(u"^    ([A-Za-z0-9_-]{43})$"_s,
                                             QRegularExpression::MultilineOption);
        return line.match(mail.body).captured(1);
    }

    static QString sha256(const QString& token) {
        return QString::fromLatin1(
            QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex());
    }

    HttpClient& http() { return m_fixture.http(); }
    PgCluster& db() { return m_fixture.database(); }
    SmtpSink m_smtp;
    ServerFixture m_fixture;
    qsizetype m_seenMails = 0;
};

QTEST_GUILESS_MAIN(TestPasswordReset)
#include "tst_passwordreset.moc"
