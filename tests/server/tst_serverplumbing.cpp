#include "ServerConfig.h"
#include "http/HttpRequest.h"
#include "http/QueryParams.h"
#include "http/Router.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using bizy::server::HttpRequest;
using bizy::server::QueryParams;
using bizy::server::Router;
using bizy::server::ServerConfig;

// The server's plumbing without a server: configuration, routing, query and
// body validation. Every route relies on these answering the contract's shapes.
class TestServerPlumbing : public QObject {
    Q_OBJECT

private:
    static QHash<QString, QString> baseVariables() {
        return {{u"JWT_SECRET"_s, QString(32, u's')},
                {u"DATABASE_URL"_s, u"postgresql://bizy:p%40ss%3Aword@db.example:6543/tasks"_s}};
    }

private slots:
    void config_readsDatabaseUrlWithEncodedPassword() {
        const auto config = ServerConfig::fromVariables(baseVariables());
        QVERIFY(config);
        QCOMPARE(config->database.host, u"db.example"_s);
        QCOMPARE(config->database.port, 6543);
        QCOMPARE(config->database.name, u"tasks"_s);
        QCOMPARE(config->database.user, u"bizy"_s);
        QCOMPARE(config->database.password, u"p@ss:word"_s);
        QVERIFY(!config->database.describe().contains(u"p@ss"_s));
        // defaults of the contract
        QCOMPARE(config->host, u"127.0.0.1"_s);
        QCOMPARE(config->ports, QList<quint16>{8000});
        QCOMPARE(config->legacyLoginTokenSeconds, 24 * 3600);
        QVERIFY(!config->mail.enabled());
        QCOMPARE(config->authRateLimit, 10);
        QCOMPARE(config->accessTokenSeconds, 15 * 60);
        QCOMPARE(config->refreshTokenSeconds, 30LL * 24 * 3600);
        QCOMPARE(config->maxBodyBytes, 1024 * 1024);
    }

    void config_corsOrigins() {
        auto variables = baseVariables();
        QCOMPARE(ServerConfig::fromVariables(variables)->corsOrigins, QStringList{u"*"_s});
        variables.insert(u"BIZY_CORS_ORIGINS"_s, u"https://a.example, https://b.example"_s);
        QCOMPARE(ServerConfig::fromVariables(variables)->corsOrigins,
                 (QStringList{u"https://a.example"_s, u"https://b.example"_s}));
        variables.insert(u"BIZY_CORS_ORIGINS"_s, u"none"_s);
        QVERIFY(ServerConfig::fromVariables(variables)->corsOrigins.isEmpty());
    }

    void config_severalPortsAndTheLegacyLoginLifetime() {
        auto variables = baseVariables();
        variables.insert(u"BIZY_PORT"_s, u"8000, 4567"_s);
        variables.insert(u"BIZY_LEGACY_LOGIN_TOKEN_HOURS"_s, u"12"_s);
        const auto config = ServerConfig::fromVariables(variables);
        QVERIFY(config);
        QCOMPARE(config->ports, (QList<quint16>{8000, 4567}));
        QCOMPARE(config->legacyLoginTokenSeconds, 12 * 3600);
    }

    void config_refreshGrace() {
        auto variables = baseVariables();
        QCOMPARE(ServerConfig::fromVariables(variables)->refreshGraceSeconds, 30);
        variables.insert(u"BIZY_REFRESH_GRACE_SECONDS"_s, u"0"_s);
        QCOMPARE(ServerConfig::fromVariables(variables)->refreshGraceSeconds, 0);
    }

    void config_mailServer() {
        auto variables = baseVariables();
        variables.insert(u"BIZY_SMTP_URL"_s, u"smtp://mail.example:2525"_s);
        variables.insert(u"BIZY_MAIL_FROM"_s, u"bizy@example.com"_s);
        auto config = ServerConfig::fromVariables(variables);
        QVERIFY(config);
        QVERIFY(config->mail.enabled());
        QCOMPARE(config->mail.smtpHost, u"mail.example"_s);
        QCOMPARE(config->mail.smtpPort, quint16(2525));
        QCOMPARE(config->mail.from, u"bizy@example.com"_s);
        // port 25 unless given
        variables.insert(u"BIZY_SMTP_URL"_s, u"smtp://127.0.0.1"_s);
        QCOMPARE(ServerConfig::fromVariables(variables)->mail.smtpPort, quint16(25));
    }

    void config_socketDirectoryAndPgVariables() {
        auto variables = baseVariables();
        variables.insert(u"DATABASE_URL"_s, u"postgresql://me@/bizy?host=/run/postgresql"_s);
        QCOMPARE(ServerConfig::fromVariables(variables)->database.host, u"/run/postgresql"_s);

        variables.remove(u"DATABASE_URL"_s);
        variables.insert(u"PGHOST"_s, u"pg.local"_s);
        variables.insert(u"PGPORT"_s, u"5433"_s);
        variables.insert(u"PGDATABASE"_s, u"other"_s);
        variables.insert(u"PGUSER"_s, u"u"_s);
        const auto config = ServerConfig::fromVariables(variables);
        QVERIFY(config);
        QCOMPARE(config->database.host, u"pg.local"_s);
        QCOMPARE(config->database.port, 5433);
        QCOMPARE(config->database.name, u"other"_s);
    }

    void config_refusesBadValues_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("mentioned");
        QTest::newRow("short secret") << u"JWT_SECRET"_s << QString(31, u'x') << u"JWT_SECRET"_s;
        QTest::newRow("port text") << u"BIZY_PORT"_s << u"http"_s << u"BIZY_PORT"_s;
        QTest::newRow("port range") << u"BIZY_PORT"_s << u"70000"_s << u"BIZY_PORT"_s;
        QTest::newRow("workers zero") << u"BIZY_WORKERS"_s << u"0"_s << u"BIZY_WORKERS"_s;
        QTest::newRow("negative rate")
            << u"BIZY_AUTH_RATE_LIMIT"_s << u"-1"_s << u"BIZY_AUTH_RATE_LIMIT"_s;
        QTest::newRow("url scheme") << u"DATABASE_URL"_s << u"mysql://x@y/z"_s << u"DATABASE_URL"_s;
        QTest::newRow("ai url without model")
            << u"BIZY_AI_BASE_URL"_s << u"http://localhost:11434/v1"_s << u"BIZY_AI_MODEL"_s;
        QTest::newRow("ai url scheme")
            << u"BIZY_AI_BASE_URL"_s << u"ftp://localhost/v1"_s << u"BIZY_AI_BASE_URL"_s;
        QTest::newRow("ai timeout zero")
            << u"BIZY_AI_TIMEOUT_SECONDS"_s << u"0"_s << u"BIZY_AI_TIMEOUT_SECONDS"_s;
        QTest::newRow("ai negative rate")
            << u"BIZY_AI_RATE_LIMIT"_s << u"-1"_s << u"BIZY_AI_RATE_LIMIT"_s;
        QTest::newRow("port list gap") << u"BIZY_PORT"_s << u"8000,,4567"_s << u"BIZY_PORT"_s;
        QTest::newRow("port twice") << u"BIZY_PORT"_s << u"8000,8000"_s << u"BIZY_PORT"_s;
        QTest::newRow("legacy hours zero")
            << u"BIZY_LEGACY_LOGIN_TOKEN_HOURS"_s << u"0"_s << u"BIZY_LEGACY_LOGIN_TOKEN_HOURS"_s;
        QTest::newRow("refresh grace too long")
            << u"BIZY_REFRESH_GRACE_SECONDS"_s << u"301"_s << u"BIZY_REFRESH_GRACE_SECONDS"_s;
        QTest::newRow("refresh grace negative")
            << u"BIZY_REFRESH_GRACE_SECONDS"_s << u"-1"_s << u"BIZY_REFRESH_GRACE_SECONDS"_s;
        QTest::newRow("smtps") << u"BIZY_SMTP_URL"_s << u"smtps://mail.example"_s
                               << u"BIZY_SMTP_URL"_s;
        QTest::newRow("smtp with password")
            << u"BIZY_SMTP_URL"_s << u"smtp://me:secret@mail.example"_s << u"BIZY_SMTP_URL"_s;
        QTest::newRow("smtp without sender")
            << u"BIZY_SMTP_URL"_s << u"smtp://mail.example"_s << u"BIZY_MAIL_FROM"_s;
    }

    void config_refusesBadValues() {
        QFETCH(QString, name);
        QFETCH(QString, value);
        QFETCH(QString, mentioned);
        auto variables = baseVariables();
        variables.insert(name, value);
        const auto config = ServerConfig::fromVariables(variables);
        QVERIFY(!config);
        QVERIFY2(config.error().message.contains(mentioned), qPrintable(config.error().message));
    }

    void config_aiProvider_isOffUnlessConfigured() {
        using Vendor = bizy::server::AiSettings::Vendor;
        auto variables = baseVariables();
        QCOMPARE(ServerConfig::fromVariables(variables)->ai.vendor, Vendor::None);

        variables.insert(u"ANTHROPIC_API_KEY"_s, u"sk-ant"_s);
        auto anthropic = ServerConfig::fromVariables(variables)->ai;
        QCOMPARE(anthropic.vendor, Vendor::Anthropic);
        QCOMPARE(anthropic.baseUrl.toString(), u"https://api.anthropic.com"_s);
        QCOMPARE(anthropic.model, u"claude-sonnet-4-5"_s);
        QCOMPARE(anthropic.apiKey, "sk-ant"_ba);
        QCOMPARE(anthropic.timeoutSeconds, 60);
        QCOMPARE(anthropic.callsPerMinute, 10);

        // an OpenAI-compatible server named explicitly wins over the Anthropic key
        variables.insert(u"BIZY_AI_BASE_URL"_s, u"http://localhost:11434/v1"_s);
        variables.insert(u"BIZY_AI_MODEL"_s, u"llama3.2"_s);
        variables.insert(u"BIZY_AI_TIMEOUT_SECONDS"_s, u"30"_s);
        variables.insert(u"BIZY_AI_RATE_LIMIT"_s, u"0"_s);
        auto local = ServerConfig::fromVariables(variables)->ai;
        QCOMPARE(local.vendor, Vendor::OpenAiCompatible);
        QCOMPARE(local.baseUrl.toString(), u"http://localhost:11434/v1"_s);
        QCOMPARE(local.model, u"llama3.2"_s);
        QVERIFY(local.apiKey.isEmpty());
        QCOMPARE(local.timeoutSeconds, 30);
        QCOMPARE(local.callsPerMinute, 0);

        // a provider call must end before the idle timeout closes its connection
        variables.insert(u"BIZY_AI_TIMEOUT_SECONDS"_s, u"120"_s);
        const auto tooLong = ServerConfig::fromVariables(variables);
        QVERIFY(!tooLong);
        QVERIFY2(tooLong.error().message.contains(u"BIZY_IDLE_TIMEOUT_SECONDS"_s),
                 qPrintable(tooLong.error().message));
    }

    void envFile_fillsOnlyWhatTheEnvironmentLeavesUnset() {
        QTemporaryDir dir;
        QFile file(dir.path() + u"/env"_s);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("# settings\nexport BIZY_TEST_ONLY_IN_FILE='from file'\n\nPATH=/nowhere\n");
        file.close();
        const auto variables = ServerConfig::collectVariables(file.fileName());
        QVERIFY(variables);
        QCOMPARE(variables->value(u"BIZY_TEST_ONLY_IN_FILE"_s), u"from file"_s);
        QVERIFY(variables->value(u"PATH"_s) != u"/nowhere"_s);
        QVERIFY(!ServerConfig::collectVariables(dir.path() + u"/missing"_s));
    }

    void router_matchesCapturesAndPrefersLiterals() {
        Router router;
        int called = 0;
        auto handler = [&called](int which) {
            return [&called, which](const HttpRequest&) {
                called = which;
                return QFuture<QHttpServerResponse>();
            };
        };
        router.add(Router::Method::Get, u"/api/tasks/"_s, handler(1));
        router.add(Router::Method::Get, u"/api/tasks/{task_id}"_s, handler(2));
        router.add(Router::Method::Get, u"/api/tasks/stats/summary"_s, handler(3));
        router.add(Router::Method::Get, u"/api/tasks/{task_id}/complete"_s, handler(4));

        auto found = router.match(Router::Method::Get, u"/api/tasks"_s);
        QCOMPARE(found.outcome, Router::Outcome::Found);
        (*found.handler)(HttpRequest());
        QCOMPARE(called, 1);
        found = router.match(Router::Method::Get, u"/api/tasks/42"_s);
        QCOMPARE(found.params.value(u"task_id"_s), u"42"_s);
        (*found.handler)(HttpRequest());
        QCOMPARE(called, 2);
        found = router.match(Router::Method::Get, u"/api/tasks/stats/summary"_s);
        (*found.handler)(HttpRequest());
        QCOMPARE(called, 3);
        QCOMPARE(router.match(Router::Method::Delete, u"/api/tasks/1"_s).outcome,
                 Router::Outcome::WrongMethod);
        QCOMPARE(router.match(Router::Method::Get, u"/api/tasks/1/2/3"_s).outcome,
                 Router::Outcome::NotFound);
    }

    void queryParams_validateWithQueryLocations() {
        QueryParams params(
            QUrlQuery(u"limit=0&offset=abc&status=done&search=%1&flag=maybe&priority=3"_s.arg(
                QString(201, u'x'))));
        QCOMPARE(params.integer(u"limit"_s, 100, 1, 500), 100);
        params.integer(u"offset"_s, 0, 0, 1000000);
        params.choice(u"status"_s, {u"pending"_s, u"completed"_s});
        params.text(u"search"_s, 200);
        params.boolean(u"flag"_s, false);
        QCOMPARE(params.optionalInteger(u"priority"_s, 1, 5), std::optional<qint64>(3));
        QCOMPARE(params.optionalInteger(u"absent"_s, 1, 5), std::nullopt);
        QCOMPARE(params.errors().size(), 5);
        QCOMPARE(params.errors().at(0).loc, (QJsonArray{u"query"_s, u"limit"_s}));
        QCOMPARE(params.errors().at(0).type, u"greater_than_equal"_s);
        QCOMPARE(params.errors().at(1).type, u"int_parsing"_s);
        QCOMPARE(params.errors().at(2).type, u"enum"_s);
        QCOMPARE(params.errors().at(2).msg, u"Input should be 'pending' or 'completed'"_s);
        QCOMPARE(params.errors().at(3).type, u"string_too_long"_s);
        QCOMPARE(params.errors().at(4).type, u"bool_parsing"_s);
    }

    void jsonBody_shapesOfRefusal_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QJsonArray>("loc");
        QTest::newRow("empty") << QByteArray() << u"missing"_s << QJsonArray{u"body"_s};
        QTest::newRow("malformed") << "{\"a\":"_ba << u"json_invalid"_s << QJsonArray{u"body"_s};
        QTest::newRow("array") << "[1]"_ba << u"dict_type"_s << QJsonArray{u"body"_s};
        QTest::newRow("nul in string") << "{\"tags\":[\"ok\",\"a\\u0000b\"]}"_ba << u"string_nul"_s
                                       << QJsonArray{u"body"_s, u"tags"_s, 1};
    }

    void jsonBody_shapesOfRefusal() {
        QFETCH(QByteArray, body);
        QFETCH(QString, type);
        QFETCH(QJsonArray, loc);
        HttpRequest request;
        request.body = body;
        const auto parsed = request.jsonObject();
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().code, bizy::Error::Code::Validation);
        QCOMPARE(parsed.error().fields.first().type, type);
        QCOMPARE(parsed.error().fields.first().loc, loc);
    }

    void jsonArrayBody_refusesAnythingButAnArray() {
        HttpRequest request;
        request.body = "{\"task_indices\":[0]}"_ba;
        const auto object = request.jsonArray();
        QVERIFY(!object);
        QCOMPARE(object.error().fields.first().type, u"list_type"_s);
        QCOMPARE(object.error().fields.first().loc, QJsonArray{u"body"_s});
        request.body = "[{\"title\":\"a\\u0000\"}]"_ba;
        const auto nul = request.jsonArray();
        QVERIFY(!nul);
        QCOMPARE(nul.error().fields.first().loc, (QJsonArray{u"body"_s, 0, u"title"_s}));
        request.body = "[{\"title\":\"a\"}]"_ba;
        QCOMPARE(request.jsonArray().value().size(), 1);
    }

    void pathId_and_bearerToken() {
        HttpRequest request;
        request.pathParams.insert(u"task_id"_s, u"12x"_s);
        const auto id = request.pathId(u"task_id"_s);
        QVERIFY(!id);
        QCOMPARE(id.error().fields.first().loc, (QJsonArray{u"path"_s, u"task_id"_s}));
        request.pathParams.insert(u"task_id"_s, u"12"_s);
        QCOMPARE(request.pathId(u"task_id"_s).value(), 12);
        QCOMPARE(request.bearerToken(), QString());
        request.headers.insert("authorization"_ba, "bearer abc.def.ghi"_ba);
        QCOMPARE(request.bearerToken(), u"abc.def.ghi"_s);
        request.headers.insert("authorization"_ba, "Basic Zm9vOmJhcg=="_ba);
        QCOMPARE(request.bearerToken(), QString());
    }
};

QTEST_GUILESS_MAIN(TestServerPlumbing)
#include "tst_serverplumbing.moc"
