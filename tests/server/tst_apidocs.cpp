#include "BizyServer.h"
#include "JsonSchemaCheck.h"
#include "ServerConfig.h"
#include "ServerFixture.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using bizy::server::BizyServer;
using bizy::server::Router;
using bizy::server::ServerConfig;

// The API documentation (server/docs/): GET /api/openapi.json documents exactly
// the routes the server holds, is a sound OpenAPI 3.1 document, and GET /api/docs
// is a page made from it that loads nothing from elsewhere.
class TestApiDocs : public QObject {
    Q_OBJECT

private:
    static constexpr auto kSource = "server/docs/openapi.json.in";

    // The router matches "/api/tasks" and "/api/tasks/" alike (docs/api.md conventions).
    static QString normalised(const QString& path) {
        return path.size() > 1 && path.endsWith(u'/') ? path.chopped(1) : path;
    }

    // "GET /api/tasks/{task_id}" for every route a server built from this code holds.
    static QMap<QString, QString> routedOperations() {
        const auto config = ServerConfig::fromVariables(
            {{u"JWT_SECRET"_s, QString(32, u's')},
             {u"DATABASE_URL"_s, u"postgresql://bizy@127.0.0.1:1/unused"_s}});
        if (!config)
            return {};
        const BizyServer server(*config); // never listens: only its routes are read
        QMap<QString, QString> operations;
        for (const Router::RouteInfo& route : server.router().routes()) {
            const QString method = Router::methodName(route.method);
            operations.insert(method + u' ' + normalised(route.pattern),
                              method + u' ' + route.pattern);
        }
        return operations;
    }

    // The same for every operation of the served document.
    QMap<QString, QString> documentedOperations() const {
        QMap<QString, QString> operations;
        const QJsonObject paths = m_document.value(u"paths"_s).toObject();
        for (auto path = paths.begin(); path != paths.end(); ++path)
            for (const QString& method : kMethods)
                if (path.value().toObject().contains(method))
                    operations.insert(method.toUpper() + u' ' + normalised(path.key()),
                                      method.toUpper() + u' ' + path.key());
        return operations;
    }

    QJsonValue pointee(const QString& pointer) const {
        QJsonValue target = m_document;
        for (QString part : pointer.mid(2).split(u'/')) {
            part.replace(u"~1"_s, u"/"_s).replace(u"~0"_s, u"~"_s);
            if (!target.isObject() || !target.toObject().contains(part))
                return QJsonValue::Undefined;
            target = target.toObject().value(part);
        }
        return target;
    }

    QJsonObject resolved(const QJsonObject& object) const {
        return object.contains(u"$ref"_s) ? pointee(object.value(u"$ref"_s).toString()).toObject()
                                          : object;
    }

    void collectRefs(const QJsonValue& value, const QString& where, QStringList* refs) const {
        if (value.isArray()) {
            const QJsonArray array = value.toArray();
            for (qsizetype i = 0; i < array.size(); ++i)
                collectRefs(array.at(i), where + u'/' + QString::number(i), refs);
        } else if (value.isObject()) {
            const QJsonObject object = value.toObject();
            for (auto entry = object.begin(); entry != object.end(); ++entry) {
                if (entry.key() == u"$ref"_s && entry.value().isString())
                    *refs << where + u" -> "_s + entry.value().toString();
                else
                    collectRefs(entry.value(), where + u'/' + entry.key(), refs);
            }
        }
    }

    // How an answer of `method` on the documented `path` breaks the document: its
    // status is not listed, or its body does not fit the listed schema.
    QStringList answerProblems(const QString& method, const QString& path,
                               const HttpResponse& response) const {
        const QString name = u"%1 %2 -> %3"_s.arg(method, path).arg(response.status);
        const QJsonObject operation =
            m_document.value(u"paths"_s)[path][method.toLower()].toObject();
        if (operation.isEmpty())
            return {name + u": not documented"_s};
        QJsonObject documented =
            operation.value(u"responses"_s)[QString::number(response.status)].toObject();
        if (documented.isEmpty())
            return {name + u": this status is not documented"_s};
        const JsonSchemaCheck check(m_document);
        if (documented.contains(u"$ref"_s))
            documented = check.pointee(documented.value(u"$ref"_s).toString()).toObject();
        const QJsonObject content = documented.value(u"content"_s).toObject();
        if (!content.contains(u"application/json"_s))
            return response.body.isEmpty() ? QStringList()
                                           : QStringList{name + u": a body none is documented"_s};
        if (response.json.isUndefined())
            return {name + u": the body is not JSON"_s};
        QStringList problems = check.problems(
            response.json, content.value(u"application/json"_s)[u"schema"_s].toObject());
        for (QString& problem : problems)
            problem.prepend(name + u": "_s);
        return problems;
    }

    const QStringList kMethods{u"get"_s,     u"put"_s,  u"post"_s,  u"delete"_s,
                               u"options"_s, u"head"_s, u"patch"_s, u"trace"_s};
    ServerFixture m_fixture;
    QJsonObject m_document;

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(m_fixture.start({}, &error), qPrintable(error));
        const HttpResponse response = m_fixture.http().get(u"/api/openapi.json"_s);
        QVERIFY2(response.status == 200, response.describe().constData());
        m_document = response.object();
        QVERIFY2(!m_document.isEmpty(), "GET /api/openapi.json is not a JSON object");
    }

    void document_isServedOpenAsOpenApi31_withTheServersVersion() {
        // when anyone asks, without a token
        const HttpResponse response = m_fixture.http().get(u"/api/openapi.json"_s);
        // then an OpenAPI 3.1 document in JSON
        QCOMPARE(response.status, 200);
        QVERIFY2(response.header("content-type").startsWith("application/json"),
                 response.header("content-type").constData());
        QJsonParseError parseError;
        const QJsonDocument parsed = QJsonDocument::fromJson(response.body, &parseError);
        QVERIFY2(parsed.isObject(), qPrintable(parseError.errorString()));
        const QString openapi = parsed.object().value(u"openapi"_s).toString();
        QVERIFY2(openapi.startsWith(u"3.1."_s), qPrintable(openapi));
        QCOMPARE(parsed.object().value(u"info"_s)[u"version"_s].toString(),
                 QStringLiteral(BIZY_VERSION));
        QVERIFY(!parsed.object().value(u"info"_s)[u"title"_s].toString().isEmpty());
    }

    void everyRoute_isDocumented_andEveryDocumentedOperationIsRouted() {
        // given the routes the server holds and the operations the document names
        const QMap<QString, QString> routed = routedOperations();
        QVERIFY2(!routed.isEmpty(), "no routes read from BizyServer");
        const QMap<QString, QString> documented = documentedOperations();
        // then both are the same set; each side's extras are named
        QStringList undocumented, unrouted;
        for (auto route = routed.begin(); route != routed.end(); ++route)
            if (!documented.contains(route.key()))
                undocumented << route.value();
        for (auto operation = documented.begin(); operation != documented.end(); ++operation)
            if (!routed.contains(operation.key()))
                unrouted << operation.value();
        QStringList problems;
        if (!undocumented.isEmpty())
            problems << u"Routed but not documented in %1 (add them to \"paths\"): %2"_s.arg(
                QLatin1StringView(kSource), undocumented.join(u", "_s));
        if (!unrouted.isEmpty())
            problems << u"Documented in %1 but not routed: %2"_s.arg(QLatin1StringView(kSource),
                                                                     unrouted.join(u", "_s));
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u". "_s)));
        QCOMPARE(documented.size(), routed.size());
    }

    void everyRef_resolvesWithinTheDocument() {
        QStringList refs;
        collectRefs(m_document, u"#"_s, &refs);
        QVERIFY(refs.size() > 50);
        QStringList broken;
        for (const QString& ref : refs) {
            const QString pointer = ref.section(u" -> "_s, 1);
            if (!pointer.startsWith(u"#/"_s) || pointee(pointer).isUndefined())
                broken << ref;
        }
        QVERIFY2(broken.isEmpty(), qPrintable(u"Unresolved $ref: "_s + broken.join(u"; "_s)));
    }

    void everyOperation_hasAnswers_aSummary_aDeclaredTag_andItsPathParameters() {
        QSet<QString> tags;
        for (const QJsonValue& tag : m_document.value(u"tags"_s).toArray())
            tags.insert(tag[u"name"_s].toString());
        static const QRegularExpression capture(u"\\{([^}]+)\\}"_s);
        QStringList problems;
        QSet<QString> operationIds;
        const QJsonObject paths = m_document.value(u"paths"_s).toObject();
        for (auto path = paths.begin(); path != paths.end(); ++path) {
            QSet<QString> inTemplate;
            for (const QRegularExpressionMatch& match : capture.globalMatch(path.key()))
                inTemplate.insert(match.captured(1));
            const QJsonObject item = path.value().toObject();
            for (const QString& method : kMethods) {
                if (!item.contains(method))
                    continue;
                const QJsonObject operation = item.value(method).toObject();
                const QString name = method.toUpper() + u' ' + path.key();
                if (operation.value(u"responses"_s).toObject().isEmpty())
                    problems << name + u": no responses"_s;
                if (operation.value(u"summary"_s).toString().isEmpty())
                    problems << name + u": no summary"_s;
                const QString tag = operation.value(u"tags"_s)[0].toString();
                if (!tags.contains(tag))
                    problems << name + u": tag '"_s + tag + u"' is not declared"_s;
                const QString operationId = operation.value(u"operationId"_s).toString();
                if (operationId.isEmpty())
                    problems << name + u": no operationId"_s;
                else if (operationIds.contains(operationId))
                    problems << name + u": operationId "_s + operationId + u" is used twice"_s;
                operationIds.insert(operationId);
                QSet<QString> declared;
                QJsonArray parameters = item.value(u"parameters"_s).toArray();
                for (const QJsonValue& parameter : operation.value(u"parameters"_s).toArray())
                    parameters.append(parameter);
                for (const QJsonValue& value : parameters) {
                    const QJsonObject parameter = resolved(value.toObject());
                    if (parameter.value(u"in"_s).toString() != u"path"_s)
                        continue;
                    declared.insert(parameter.value(u"name"_s).toString());
                    if (!parameter.value(u"required"_s).toBool())
                        problems << name + u": path parameter not required"_s;
                }
                if (declared != inTemplate)
                    problems << name + u": path parameters declared do not match the path"_s;
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"; "_s)));
        QVERIFY(operationIds.size() > 50);
    }

    void documentedSecurity_matchesWhatTheServerAsks() {
        // given every documented GET without path parameters (safe to call)
        int checked = 0;
        const QJsonObject paths = m_document.value(u"paths"_s).toObject();
        for (auto path = paths.begin(); path != paths.end(); ++path) {
            const QJsonObject operation = path.value()[u"get"_s].toObject();
            if (operation.isEmpty() || path.key().contains(u'{'))
                continue;
            const QJsonArray security = operation.value(u"security"_s).toArray();
            // when it is called without a token
            const HttpResponse response = m_fixture.http().get(path.key());
            // then an open one answers and one that needs a token says 401, as documented
            if (security.isEmpty())
                QVERIFY2(response.status == 200,
                         qPrintable(path.key() + u": "_s + QString::fromUtf8(response.describe())));
            else
                QVERIFY2(response.status == 401,
                         qPrintable(path.key() + u": "_s + QString::fromUtf8(response.describe())));
            QVERIFY2(operation.value(u"responses"_s)
                         .toObject()
                         .contains(QString::number(response.status)),
                     qPrintable(path.key() + u" does not document its "_s +
                                QString::number(response.status)));
            ++checked;
        }
        QVERIFY(checked >= 15);
    }

    void realAnswers_fitTheirDocumentedStatusesAndSchemas() {
        // given a user with a goal, a completed task, a synced task and an admin
        HttpClient& http = m_fixture.http();
        const HttpClient::Session alice = http.registerAndLogin(u"docs_alice"_s);
        QVERIFY(alice.ok());
        const HttpClient::Session root = m_fixture.makeAdmin(u"docs_root"_s);
        QVERIFY(root.ok());
        const QString token = alice.token;
        QStringList problems;
        int answers = 0;
        const auto check = [&](const QString& method, const QString& path,
                               const HttpResponse& response) {
            problems << answerProblems(method, path, response);
            ++answers;
            return response;
        };
        const QString goalsPath = u"/api/goals/"_s, tasksPath = u"/api/tasks/"_s;
        const QJsonObject goal = check(u"POST"_s, goalsPath,
                                       http.post(goalsPath,
                                                 {{u"title"_s, u"Ship it"_s},
                                                  {u"horizon"_s, u"monthly"_s},
                                                  {u"metrics"_s, QJsonObject{{u"target"_s, 3}}}},
                                                 token))
                                     .object();
        const QString goalId = QString::number(goal.value(u"id"_s).toInteger());
        const QJsonObject task = check(u"POST"_s, tasksPath,
                                       http.post(tasksPath,
                                                 {{u"title"_s, u"Write the notes"_s},
                                                  {u"due_date"_s, u"2020-01-01"_s},
                                                  {u"parent_goal_id"_s, goal.value(u"id"_s)},
                                                  {u"tags"_s, QJsonArray{u"docs"_s}},
                                                  {u"estimated_hours"_s, 2.5},
                                                  {u"category"_s, u"work"_s}},
                                                 token))
                                     .object();
        const QString taskId = QString::number(task.value(u"id"_s).toInteger());
        check(u"POST"_s, u"/api/tasks/{task_id}/complete"_s,
              http.post(tasksPath + taskId + u"/complete"_s, {{u"actual_hours"_s, 1.5}}, token));
        check(u"POST"_s, u"/api/tasks/{task_id}/complete"_s,
              http.post(tasksPath + taskId + u"/complete"_s, {}, token));
        check(u"POST"_s, tasksPath, http.post(tasksPath, {{u"title"_s, QString()}}, token));
        check(u"GET"_s, tasksPath, http.get(tasksPath + u"?limit=5"_s, token));
        check(u"GET"_s, tasksPath, http.get(tasksPath));
        check(u"GET"_s, u"/api/tasks/{task_id}"_s, http.get(tasksPath + u"999999"_s, token));
        check(u"GET"_s, u"/api/tasks/{task_id}"_s, http.get(tasksPath + u"abc"_s, token));
        check(u"GET"_s, u"/api/tasks/stats/summary"_s,
              http.get(u"/api/tasks/stats/summary"_s, token));
        check(u"GET"_s, u"/api/goals/{goal_id}"_s,
              http.get(goalsPath + goalId + u"?include_counts=true"_s, token));
        check(u"GET"_s, u"/api/goals/stats/summary"_s,
              http.get(u"/api/goals/stats/summary"_s, token));
        check(u"POST"_s, u"/api/goals/{goal_id}/calculate-progress"_s,
              http.post(goalsPath + goalId + u"/calculate-progress"_s, {}, token));
        const QJsonArray suggestions{QJsonObject{{u"title"_s, u"Draft"_s}, {u"priority"_s, 2}}};
        check(u"POST"_s, u"/api/goals/{goal_id}/breakdown/create-tasks"_s,
              http.send("POST", goalsPath + goalId + u"/breakdown/create-tasks"_s,
                        QJsonDocument(suggestions).toJson(),
                        {{"Authorization", "Bearer " + token.toUtf8()},
                         {"Content-Type", "application/json"}}));
        check(u"POST"_s, u"/api/goals/{goal_id}/breakdown"_s,
              http.post(goalsPath + goalId + u"/breakdown"_s, {}, token));
        check(u"GET"_s, u"/api/briefings/morning"_s, http.get(u"/api/briefings/morning"_s, token));
        const QString device = u"0b5e0f7e-8a53-4c55-9a53-1b2c3d4e5f60"_s;
        const QJsonArray mutations{
            QJsonObject{{u"mid"_s, 1},
                        {u"entity"_s, u"task"_s},
                        {u"uuid"_s, u"1b5e0f7e-8a53-4c55-9a53-1b2c3d4e5f60"_s},
                        {u"op"_s, u"upsert"_s},
                        {u"fields"_s, QJsonObject{{u"title"_s, u"Synced"_s},
                                                  {u"parent_goal_uuid"_s, goal.value(u"uuid"_s)}}}},
            QJsonObject{{u"mid"_s, 2},
                        {u"entity"_s, u"task"_s},
                        {u"uuid"_s, u"2b5e0f7e-8a53-4c55-9a53-1b2c3d4e5f60"_s},
                        {u"op"_s, u"upsert"_s},
                        {u"fields"_s, QJsonObject{{u"title"_s, u"Bad"_s}, {u"priority"_s, 9}}}},
            QJsonObject{{u"mid"_s, 3},
                        {u"entity"_s, u"goal"_s},
                        {u"uuid"_s, u"3b5e0f7e-8a53-4c55-9a53-1b2c3d4e5f60"_s},
                        {u"op"_s, u"delete"_s}}};
        check(u"POST"_s, u"/api/sync/push"_s,
              http.post(u"/api/sync/push"_s,
                        {{u"device_id"_s, device}, {u"mutations"_s, mutations}}, token));
        check(u"GET"_s, u"/api/sync/pull"_s, http.get(u"/api/sync/pull?cursor=0"_s, token));
        for (const QString& report : {u"tasks"_s, u"goals"_s, u"velocity"_s, u"trends"_s})
            check(u"GET"_s, u"/api/analytics/"_s + report,
                  http.get(u"/api/analytics/"_s + report, token));
        check(u"GET"_s, u"/api/analytics/tasks"_s,
              http.get(u"/api/analytics/tasks?days=91"_s, token));
        check(u"POST"_s, u"/api/auth/login"_s, http.login(u"docs_alice"_s, u"Password123!"_s));
        check(u"POST"_s, u"/api/auth/login"_s, http.login(u"docs_alice"_s, u"wrong-password"_s));
        check(u"GET"_s, u"/api/users/me"_s, http.get(u"/api/users/me"_s, token));
        check(u"GET"_s, u"/api/auth/profile"_s, http.get(u"/api/auth/profile"_s, token));
        check(u"GET"_s, u"/api/auth/verify-token"_s, http.get(u"/api/auth/verify-token"_s, token));
        check(u"GET"_s, u"/api/admin/users"_s, http.get(u"/api/admin/users"_s, token));
        check(u"GET"_s, u"/api/admin/users"_s, http.get(u"/api/admin/users"_s, root.token));
        check(u"GET"_s, u"/api/admin/audit"_s, http.get(u"/api/admin/audit"_s, root.token));
        check(u"GET"_s, u"/health"_s, http.get(u"/health"_s));
        check(u"GET"_s, u"/"_s, http.get(u"/"_s));
        check(u"DELETE"_s, u"/api/tasks/{task_id}"_s, http.del(tasksPath + taskId, token));
        // then every status is documented and every body fits its schema, field for field
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"\n"_s)));
        QCOMPARE(answers, 34);
    }

    void root_pointsAtTheDocsPage() {
        QCOMPARE(m_fixture.http().get(u"/"_s).object().value(u"docs"_s).toString(), u"/api/docs"_s);
    }

    void docsPage_isHtml_listsEveryPath_andLoadsNothingFromElsewhere() {
        // when a person opens the page, without a token
        const HttpResponse response = m_fixture.http().get(u"/api/docs"_s);
        // then HTML
        QCOMPARE(response.status, 200);
        QVERIFY2(response.header("content-type").startsWith("text/html"),
                 response.header("content-type").constData());
        const QString page = QString::fromUtf8(response.body);
        QVERIFY(page.startsWith(u"<!DOCTYPE html>"_s));
        // with every documented path and operation summary on it
        const QJsonObject paths = m_document.value(u"paths"_s).toObject();
        for (auto path = paths.begin(); path != paths.end(); ++path) {
            QVERIFY2(page.contains(u"<code>"_s + path.key().toHtmlEscaped() + u"</code>"_s),
                     qPrintable(path.key()));
            const QJsonObject item = path.value().toObject();
            for (auto operation = item.begin(); operation != item.end(); ++operation)
                QVERIFY2(page.contains(operation.value()[u"summary"_s].toString().toHtmlEscaped()),
                         qPrintable(operation.value()[u"summary"_s].toString()));
        }
        // and every schema of the document
        const QJsonObject schemas = m_document.value(u"components"_s)[u"schemas"_s].toObject();
        for (auto schema = schemas.begin(); schema != schemas.end(); ++schema)
            QVERIFY2(page.contains(u"id=\"schema-"_s + schema.key() + u'"'),
                     qPrintable(schema.key()));
        // and no script, no stylesheet link, no source loaded from anywhere
        QVERIFY2(!page.contains(u"<script"_s, Qt::CaseInsensitive), "the page has a script");
        QVERIFY2(!page.contains(u"<link"_s, Qt::CaseInsensitive), "the page links a resource");
        QVERIFY2(!page.contains(u"src="_s, Qt::CaseInsensitive), "the page loads a source");
        QVERIFY2(!page.contains(u"@import"_s, Qt::CaseInsensitive), "the page imports CSS");
        QVERIFY2(!page.contains(u"url("_s, Qt::CaseInsensitive), "the page's CSS loads a URL");
        // and every link stays on the page and lands on something
        static const QRegularExpression href(u"href=\"([^\"]*)\""_s);
        int links = 0;
        for (const QRegularExpressionMatch& match : href.globalMatch(page)) {
            const QString target = match.captured(1);
            QVERIFY2(target.startsWith(u'#'), qPrintable(u"an outside link: "_s + target));
            QVERIFY2(page.contains(u"id=\""_s + target.mid(1) + u'"'),
                     qPrintable(u"a link to nothing: "_s + target));
            ++links;
        }
        QVERIFY(links > 100);
    }
};

QTEST_GUILESS_MAIN(TestApiDocs)
#include "tst_apidocs.moc"
