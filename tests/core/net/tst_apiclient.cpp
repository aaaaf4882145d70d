#include "FaultProxy.h"
#include "ServerFixture.h"
#include "net/ApiClient.h"
#include "net/TokenProvider.h"

#include <QTest>
#include <optional>

using namespace Qt::StringLiterals;
using bizy::ApiClient;
using bizy::ApiError;
using bizy::ApiReply;
using bizy::ApiRequest;

namespace {

// A user's access token as a login handed it out; these tests are about the
// client, the refresh dance is tst_session's.
class FixedToken : public bizy::TokenProvider {
public:
    explicit FixedToken(QString token, RefreshOutcome outcome = RefreshOutcome::SessionEnded)
        : m_token(std::move(token))
        , m_outcome(outcome) {}
    QString accessToken() const override { return m_token; }
    void refreshAccessToken(const QString&, std::function<void(RefreshOutcome)> done) override {
        ++refreshRequests;
        done(m_outcome);
    }
    int refreshRequests = 0;

private:
    QString m_token;
    RefreshOutcome m_outcome;
};

QUrl urlOf(const QString& text) {
    return QUrl(text);
}

QByteArray describe(const ApiReply& reply) {
    if (reply.ok())
        return "ok, HTTP " + QByteArray::number(reply.httpStatus);
    return (ApiError::kindName(reply.error->kind) + u", HTTP "_s +
            QString::number(reply.error->httpStatus) + u", detail: "_s + reply.error->detail +
            u", attempts "_s + QString::number(reply.attempts))
        .toUtf8();
}

bizy::RetryPolicy quickRetries(int attempts) {
    bizy::RetryPolicy policy;
    policy.maxAttempts = attempts;
    policy.baseDelayMs = 100;
    policy.maxDelayMs = 400;
    return policy;
}

} // namespace

class TestApiClient : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(m_fixture.start({}, &error), qPrintable(error));
        m_alice = m_fixture.http().registerAndLogin(u"net_alice"_s);
        QVERIFY(m_alice.ok());
        m_token = std::make_unique<FixedToken>(m_alice.token);
    }

    void validation422_mapsToValidationWithFieldErrors() {
        // given a logged-in client
        ApiClient client(urlOf(m_fixture.server().baseUrl()));
        client.setTokenProvider(m_token.get());
        // when it creates a task without a title and with priority 9
        const ApiReply reply = call(client, {.method = "POST"_ba,
                                             .path = u"/api/tasks/"_s,
                                             .body = QJsonObject{{u"priority"_s, 9}}});
        // then the error is Validation, naming both fields, after one attempt
        QVERIFY2(!reply.ok(), describe(reply).constData());
        QCOMPARE(reply.error->kind, ApiError::Kind::Validation);
        QCOMPARE(reply.error->httpStatus, 422);
        QStringList places;
        for (const bizy::FieldError& field : reply.error->fields)
            places << field.describe().section(u':', 0, 0);
        QVERIFY2(places.contains(u"title"_s), qPrintable(places.join(u", "_s)));
        QVERIFY2(places.contains(u"priority"_s), qPrintable(places.join(u", "_s)));
        QCOMPARE(reply.attempts, 1);
        // and the user is told which fields and what to do
        const QString message = reply.error->userMessage();
        QVERIFY2(message.contains(u"title"_s) && message.contains(u"Correct"_s),
                 qPrintable(message));
    }

    void notFound404_carriesTheServersDetail() {
        // given a logged-in client
        ApiClient client(urlOf(m_fixture.server().baseUrl()));
        client.setTokenProvider(m_token.get());
        // when it asks for a task that does not exist
        const ApiReply reply = call(client, {.path = u"/api/tasks/987654"_s});
        // then NotFound with the server's words, not retried
        QVERIFY(!reply.ok());
        QCOMPARE(reply.error->kind, ApiError::Kind::NotFound);
        QCOMPARE(reply.error->detail, u"Task 987654 not found"_s);
        QCOMPARE(reply.attempts, 1);
        QVERIFY(reply.error->userMessage().contains(u"Task 987654 not found"_s));
    }

    void success_returnsTheJsonAnswer() {
        // given a logged-in client
        ApiClient client(urlOf(m_fixture.server().baseUrl()));
        client.setTokenProvider(m_token.get());
        // when it creates a task and reads the profile
        const ApiReply created =
            call(client, {.method = "POST"_ba,
                          .path = u"/api/tasks/"_s,
                          .body = QJsonObject{{u"title"_s, u"Write the client"_s}}});
        const ApiReply profile = call(client, {.path = u"/api/auth/profile"_s});
        // then both answers are there as JSON
        QVERIFY2(created.ok(), describe(created).constData());
        QCOMPARE(created.httpStatus, 201);
        QCOMPARE(created.object().value(u"title"_s).toString(), u"Write the client"_s);
        QVERIFY2(profile.ok(), describe(profile).constData());
        QCOMPARE(profile.object().value(u"username"_s).toString(), u"net_alice"_s);
    }

    void withoutToken_isUnauthorizedAndNotRetried() {
        // given a client without a session, behind a counting proxy
        FaultProxy proxy(u"127.0.0.1"_s, m_fixture.server().port());
        QVERIFY(proxy.start());
        ApiClient client(proxy.url());
        // when it reads the profile
        const ApiReply reply = call(client, {.path = u"/api/auth/profile"_s});
        // then Unauthorized, one request on the wire
        QVERIFY(!reply.ok());
        QCOMPARE(reply.error->kind, ApiError::Kind::Unauthorized);
        QCOMPARE(reply.error->detail, u"Not authenticated"_s);
        QCOMPARE(proxy.requestCount(), 1);
    }

    void rejectedToken_asksForOneRefresh_andReportsWhatTheSessionSays() {
        // given clients whose token the server refuses, one session that ended and
        // one that could not reach the server to refresh
        FixedToken ended(u"not-a-token"_s, FixedToken::RefreshOutcome::SessionEnded);
        FixedToken offline(u"not-a-token"_s, FixedToken::RefreshOutcome::TryLater);
        ApiClient endedClient(urlOf(m_fixture.server().baseUrl()));
        endedClient.setTokenProvider(&ended);
        ApiClient offlineClient(urlOf(m_fixture.server().baseUrl()));
        offlineClient.setTokenProvider(&offline);
        // when both read the profile
        const ApiReply endedReply = call(endedClient, {.path = u"/api/auth/profile"_s});
        const ApiReply offlineReply = call(offlineClient, {.path = u"/api/auth/profile"_s});
        // then each asked its session once; an ended session is Unauthorized (log in
        // again), a session that could not refresh is a Network problem (try later)
        QCOMPARE(ended.refreshRequests, 1);
        QCOMPARE(offline.refreshRequests, 1);
        QCOMPARE(endedReply.error->kind, ApiError::Kind::Unauthorized);
        QVERIFY(endedReply.error->detail.startsWith(u"Invalid token"_s));
        QCOMPARE(offlineReply.error->kind, ApiError::Kind::Network);
        QCOMPARE(endedReply.attempts, 1);
        QCOMPARE(offlineReply.attempts, 1);
    }

    void badRequest400_isNeverRetried() {
        // given a logged-in client with generous retries, behind a counting proxy
        FaultProxy proxy(u"127.0.0.1"_s, m_fixture.server().port());
        QVERIFY(proxy.start());
        ApiClient client(proxy.url());
        client.setTokenProvider(m_token.get());
        client.setRetryPolicy(quickRetries(5));
        // when it creates a task under a goal that does not exist
        const ApiReply reply =
            call(client,
                 {.method = "POST"_ba,
                  .path = u"/api/tasks/"_s,
                  .body = QJsonObject{{u"title"_s, u"Orphan"_s}, {u"parent_goal_id"_s, 424242}}});
        // then the 400 comes back with the server's words after exactly one request
        QVERIFY(!reply.ok());
        QCOMPARE(reply.error->kind, ApiError::Kind::Http);
        QCOMPARE(reply.error->httpStatus, 400);
        QCOMPARE(reply.error->detail, u"Goal 424242 not found or doesn't belong to you"_s);
        QCOMPARE(reply.attempts, 1);
        QCOMPARE(proxy.requestCount(), 1);
    }

    void stoppedServer_isNetworkErrorAfterTheBoundedRetries() {
        // given a second server on the same database, stopped, behind a counting proxy
        ServerProcess stopped(m_fixture.database().databaseUrl());
        QString error;
        QVERIFY2(stopped.start(&error), qPrintable(error));
        QCOMPARE(stopped.terminate(), 0);
        FaultProxy proxy(u"127.0.0.1"_s, stopped.port());
        QVERIFY(proxy.start());
        ApiClient client(proxy.url());
        client.setTokenProvider(m_token.get());
        client.setRetryPolicy(quickRetries(3));
        // when the client asks for its tasks
        const ApiReply reply = call(client, {.path = u"/api/tasks/"_s});
        // then a Network error after exactly three attempts, each one a new connection
        QVERIFY(!reply.ok());
        QCOMPARE(reply.error->kind, ApiError::Kind::Network);
        QCOMPARE(reply.error->httpStatus, 0);
        QCOMPARE(reply.attempts, 3);
        QVERIFY2(proxy.connectionCount() >= 3,
                 QByteArray::number(proxy.connectionCount()).constData());
        QVERIFY(reply.error->userMessage().contains(u"internet connection"_s));
    }

    void offline_isNetworkError_andTheNextRequestWorksOnceBackOnline() {
        // given a client behind a proxy that is offline (closes every connection)
        FaultProxy proxy(u"127.0.0.1"_s, m_fixture.server().port());
        QVERIFY(proxy.start());
        proxy.setMode(FaultProxy::Mode::Offline);
        ApiClient client(proxy.url());
        client.setTokenProvider(m_token.get());
        client.setRetryPolicy(quickRetries(2));
        // when the client reads its profile
        const ApiReply offline = call(client, {.path = u"/api/auth/profile"_s});
        // then a Network error after two attempts, and the server never saw a request
        QVERIFY(!offline.ok());
        QCOMPARE(offline.error->kind, ApiError::Kind::Network);
        QCOMPARE(offline.attempts, 2);
        QCOMPARE(proxy.requestCount(), 0);
        QVERIFY(proxy.connectionCount() >= 2);
        // when the network comes back
        proxy.setMode(FaultProxy::Mode::PassThrough);
        const ApiReply online = call(client, {.path = u"/api/auth/profile"_s});
        // then the same client works again
        QVERIFY2(online.ok(), describe(online).constData());
        QCOMPARE(online.attempts, 1);
    }

    void slowAnswer_isTimeoutAfterTheBoundedRetries() {
        // given a proxy that holds every byte for 3 s and a 500 ms transfer timeout
        FaultProxy proxy(u"127.0.0.1"_s, m_fixture.server().port());
        QVERIFY(proxy.start());
        proxy.setMode(FaultProxy::Mode::Delay);
        proxy.setDelayMs(3000);
        ApiClient client(proxy.url());
        client.setTokenProvider(m_token.get());
        client.setRetryPolicy(quickRetries(2));
        // when the client asks for its profile
        const ApiReply reply = call(client, {.path = u"/api/auth/profile"_s, .timeoutMs = 500});
        // then Timeout after two attempts
        QVERIFY(!reply.ok());
        QCOMPARE(reply.error->kind, ApiError::Kind::Timeout);
        QCOMPARE(reply.attempts, 2);
        QVERIFY(reply.error->userMessage().contains(u"too long"_s));
    }

    void lostAnswer_succeedsOnRetry() {
        // given a proxy that cuts the connection before the first answer reaches the client
        FaultProxy proxy(u"127.0.0.1"_s, m_fixture.server().port());
        QVERIFY(proxy.start());
        proxy.dropAnswers(1);
        ApiClient client(proxy.url());
        client.setTokenProvider(m_token.get());
        client.setRetryPolicy(quickRetries(3));
        // when the client reads its profile
        const ApiReply reply = call(client, {.path = u"/api/auth/profile"_s});
        // then it gets the answer; the server saw the request twice
        QVERIFY2(reply.ok(), describe(reply).constData());
        QCOMPARE(reply.object().value(u"username"_s).toString(), u"net_alice"_s);
        QCOMPARE(proxy.droppedAnswerCount(), 1);
        QCOMPARE(proxy.requestCount(), 2);
        QVERIFY(proxy.connectionCount() >= 2);
    }

    void rateLimited429_isRetriedAfterRetryAfter() {
        // given a server that allows two logins per minute from one address, behind a proxy
        ServerFixture limited;
        QString error;
        QVERIFY2(limited.start({{u"BIZY_AUTH_RATE_LIMIT"_s, u"2"_s}}, &error), qPrintable(error));
        QCOMPARE(limited.http().registerUser(u"net_bob"_s, u"Password123!"_s).status, 201);
        FaultProxy proxy(u"127.0.0.1"_s, limited.server().port());
        QVERIFY(proxy.start());
        ApiClient client(proxy.url());
        const ApiRequest login{
            .method = "POST"_ba,
            .path = u"/api/auth/login"_s,
            .body = QJsonObject{{u"username"_s, u"net_bob"_s}, {u"password"_s, u"Password123!"_s}},
            .authenticated = false};
        QVERIFY(call(client, login).ok());
        QVERIFY(call(client, login).ok());

        // when a third login is made by a client that waits at most 1 s per Retry-After
        bizy::RetryPolicy impatient = quickRetries(3);
        impatient.maxRetryAfterSeconds = 1;
        client.setRetryPolicy(impatient);
        proxy.resetCounters();
        const ApiReply refused = call(client, login);
        // then every attempt meets 429 and the bounded attempts end in RateLimited
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error->kind, ApiError::Kind::RateLimited);
        QCOMPARE(refused.attempts, 3);
        QCOMPARE(proxy.requestCount(), 3);
        QVERIFY(refused.error->retryAfterSeconds.value_or(0) >= 1);
        QVERIFY(refused.error->userMessage().contains(u"Wait"_s));

        // when a client that honours Retry-After up to 90 s logs in
        bizy::RetryPolicy patient = quickRetries(3);
        patient.maxRetryAfterSeconds = 90;
        client.setRetryPolicy(patient);
        proxy.resetCounters();
        const ApiReply accepted = call(client, login, 150000);
        // then the second attempt, after the server's wait, succeeds
        QVERIFY2(accepted.ok(), describe(accepted).constData());
        QCOMPARE(accepted.attempts, 2);
        QCOMPARE(proxy.requestCount(), 2);
    }

    void databaseDown503_isRetriedUntilTheServerRecovers() {
        // given the server's database stopped
        QString error;
        QVERIFY2(m_fixture.database().stop(&error), qPrintable(error));
        FaultProxy proxy(u"127.0.0.1"_s, m_fixture.server().port());
        QVERIFY(proxy.start());
        ApiClient client(proxy.url());
        client.setTokenProvider(m_token.get());

        // when a client without retries asks for its tasks
        client.setRetryPolicy(quickRetries(1));
        const ApiReply refused = call(client, {.path = u"/api/tasks/"_s});
        // then Unavailable, with the server's Retry-After
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error->kind, ApiError::Kind::Unavailable);
        QCOMPARE(refused.error->httpStatus, 503);
        QCOMPARE(refused.error->retryAfterSeconds, std::optional<int>(5));
        QVERIFY(refused.error->userMessage().contains(u"temporarily unavailable"_s));

        // when a patient client (Retry-After cut to 1 s) asks, and the database comes back
        bizy::RetryPolicy patient = quickRetries(20);
        patient.maxRetryAfterSeconds = 1;
        client.setRetryPolicy(patient);
        proxy.resetCounters();
        std::optional<ApiReply> reply;
        client.send({.path = u"/api/tasks/"_s}, this,
                    [&reply](const ApiReply& answer) { reply = answer; });
        QTRY_VERIFY_WITH_TIMEOUT(proxy.requestCount() >= 2, 30000);
        QVERIFY(!reply.has_value());
        QVERIFY2(m_fixture.database().start(&error), qPrintable(error));
        // then the request went through on a later attempt, each attempt one request
        QTRY_VERIFY_WITH_TIMEOUT(reply.has_value(), 60000);
        QVERIFY2(reply->ok(), describe(*reply).constData());
        QVERIFY(reply->attempts >= 3);
        QCOMPARE(proxy.requestCount(), reply->attempts);
    }

private:
    // Sends and waits for the callback (the client itself never blocks).
    ApiReply call(ApiClient& client, const ApiRequest& request, int waitMs = 60000) {
        std::optional<ApiReply> reply;
        client.send(request, this, [&reply](const ApiReply& answer) { reply = answer; });
        [&] { QTRY_VERIFY_WITH_TIMEOUT(reply.has_value(), waitMs); }();
        if (!reply) {
            ApiReply none;
            none.error = ApiError::network(u"no answer within the test's patience"_s);
            return none;
        }
        return *reply;
    }

    ServerFixture m_fixture;
    HttpClient::Session m_alice;
    std::unique_ptr<FixedToken> m_token;
};

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"
