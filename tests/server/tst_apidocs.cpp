#include "BizyServer.h"
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
