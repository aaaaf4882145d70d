#include "net/ApiError.h"
#include "net/RetryPolicy.h"

#include <QDateTime>
#include <QLocale>
#include <QTest>

using namespace Qt::StringLiterals;
using bizy::ApiError;

// The mapping from server answers to errors a UI can explain, and the retry
// pauses, without a server.
class TestApiError : public QObject {
    Q_OBJECT

private slots:
    void statusesMapToKinds_data() {
        QTest::addColumn<int>("status");
        QTest::addColumn<ApiError::Kind>("kind");
        QTest::newRow("400") << 400 << ApiError::Kind::Http;
        QTest::newRow("401") << 401 << ApiError::Kind::Unauthorized;
        QTest::newRow("403") << 403 << ApiError::Kind::Forbidden;
        QTest::newRow("404") << 404 << ApiError::Kind::NotFound;
        QTest::newRow("409") << 409 << ApiError::Kind::Conflict;
        QTest::newRow("413") << 413 << ApiError::Kind::Http;
        QTest::newRow("422") << 422 << ApiError::Kind::Validation;
        QTest::newRow("423") << 423 << ApiError::Kind::Locked;
        QTest::newRow("429") << 429 << ApiError::Kind::RateLimited;
        QTest::newRow("500") << 500 << ApiError::Kind::Http;
        QTest::newRow("502") << 502 << ApiError::Kind::Unavailable;
        QTest::newRow("503") << 503 << ApiError::Kind::Unavailable;
        QTest::newRow("504") << 504 << ApiError::Kind::Unavailable;
    }

    void statusesMapToKinds() {
        QFETCH(int, status);
        QFETCH(ApiError::Kind, kind);
        // when the server answers with this status and a detail
        const ApiError error = ApiError::fromHttp(status, R"({"detail":"Some words"})"_ba, {});
        // then the kind, status and detail are kept, and the user gets a sentence
        QCOMPARE(error.kind, kind);
        QCOMPARE(error.httpStatus, status);
        QCOMPARE(error.detail, u"Some words"_s);
        QVERIFY(error.userMessage().size() > 20);
    }

    void validationDetailList_becomesFieldErrors() {
        // given a FastAPI-style 422 body with two entries
        const QByteArray body =
            R"({"detail":[{"loc":["body","title"],"msg":"Field required","type":"missing"},
                          {"loc":["query","limit"],"msg":"Input should be less than or equal to 500","type":"less_than_equal"}]})"_ba;
        // when it is read
        const ApiError error = ApiError::fromHttp(422, body, {});
        // then both fields are there, in order, and the message names them
        QCOMPARE(error.fields.size(), 2);
        QCOMPARE(error.fields[0].loc, (QJsonArray{u"body"_s, u"title"_s}));
        QCOMPARE(error.fields[0].type, u"missing"_s);
        QCOMPARE(error.fields[1].msg, u"Input should be less than or equal to 500"_s);
        QCOMPARE(error.detail, u"title: Field required"_s);
        const QString message = error.userMessage();
        QVERIFY2(message.contains(u"title: Field required"_s) && message.contains(u"limit"_s),
                 qPrintable(message));
    }

    void oldAuthServiceErrorKey_isTheDetail() {
        const ApiError error = ApiError::fromHttp(400, R"({"error":"Username taken"})"_ba, {});
        QCOMPARE(error.detail, u"Username taken"_s);
    }

    void bodyThatIsNotJson_stillGivesTheStatus() {
        const ApiError error = ApiError::fromHttp(502, "<html>Bad gateway</html>"_ba, {});
        QCOMPARE(error.kind, ApiError::Kind::Unavailable);
        QVERIFY(error.detail.isEmpty());
    }

    void retryAfter_secondsOrHttpDate() {
        // seconds
        QCOMPARE(ApiError::fromHttp(429, {}, "17"_ba).retryAfterSeconds, std::optional<int>(17));
        QCOMPARE(ApiError::fromHttp(429, {}, {}).retryAfterSeconds, std::nullopt);
        QCOMPARE(ApiError::fromHttp(429, {}, "soon"_ba).retryAfterSeconds, std::nullopt);
        // an HTTP date about two minutes ahead
        const QDateTime inTwoMinutes = QDateTime::currentDateTimeUtc().addSecs(120);
        const QByteArray date =
            QLocale::c().toString(inTwoMinutes, u"ddd, dd MMM yyyy HH:mm:ss"_s).toLatin1() + " GMT";
        const auto seconds = ApiError::fromHttp(503, {}, date).retryAfterSeconds;
        QVERIFY2(seconds && *seconds >= 115 && *seconds <= 120, date.constData());
        // a date in the past means "now"
        QCOMPARE(ApiError::fromHttp(503, {}, "Sun, 06 Nov 1994 08:49:37 GMT"_ba).retryAfterSeconds,
                 std::optional<int>(0));
    }

    void rateLimitMessage_saysHowLongToWait() {
        const ApiError error = ApiError::fromHttp(429, R"({"detail":"Too many"})"_ba, "42"_ba);
        QVERIFY2(error.userMessage().contains(u"Wait 42 seconds"_s),
                 qPrintable(error.userMessage()));
    }

    void backoff_growsUpToTheCeiling_withinTheJitter() {
        // given the default policy
        const bizy::RetryPolicy policy;
        // when the pauses before attempts 2..8 are asked many times
        for (int round = 0; round < 200; ++round) {
            for (int attempt = 2; attempt <= 8; ++attempt) {
                const double nominal = qMin(double(policy.maxDelayMs),
                                            policy.baseDelayMs * double(1 << (attempt - 2)));
                const int delay = policy.delayMs(attempt, std::nullopt);
                // then each is the doubled base, capped, give or take the jitter
                QVERIFY2(delay >= nominal * (1 - policy.jitter) - 1 &&
                             delay <= nominal * (1 + policy.jitter) + 1,
                         qPrintable(u"attempt %1: %2 ms"_s.arg(attempt).arg(delay)));
            }
        }
    }

    void retryAfter_isHonouredButCapped() {
        bizy::RetryPolicy policy;
        policy.maxRetryAfterSeconds = 10;
        for (int round = 0; round < 100; ++round) {
            const int honoured = policy.delayMs(2, 3);
            QVERIFY(honoured >= 3000 && honoured < 3250);
            const int capped = policy.delayMs(2, 900);
            QVERIFY(capped >= 10000 && capped < 10250);
        }
    }
};

QTEST_GUILESS_MAIN(TestApiError)
#include "tst_apierror.moc"
