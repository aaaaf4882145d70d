#include "FakeAiVendor.h"
#include "ServerFixture.h"
#include "tst_sync_helpers.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>

using namespace Qt::StringLiterals;
using synctest::User;

// The goal breakdown and the briefings of docs/api.md sections 8 and 9 against
// the real server and PostgreSQL: three servers on one database, one without
// an AI provider, one asking a fake Anthropic vendor, one a fake
// OpenAI-compatible server (FakeAiVendor, in this process). Every server's
// clock is moved to 12:00 UTC of today (BIZY_CLOCK_OFFSET_SECONDS), so the
// calendar-day rules are exact at any time of day.
class TestPlanning : public QObject {
    Q_OBJECT

    ServerFixture m_fixture; // the server without a provider
    FakeAiVendor m_vendor;
    std::unique_ptr<ServerProcess> m_anthropicServer;
    std::unique_ptr<ServerProcess> m_openAiServer;
    std::unique_ptr<HttpClient> m_anthropic;
    std::unique_ptr<HttpClient> m_openAi;
    qint64 m_clockOffsetSeconds = 0;
    QDate m_today;
    User m_alice;
    User m_bob;
    int m_users = 0;

    static constexpr const char* kNotConfigured =
        "AI service not configured (ANTHROPIC_API_KEY missing)";

    HttpClient& plain() { return m_fixture.http(); }
    PgCluster& db() { return m_fixture.database(); }

    User newUser() { return synctest::makeUser(db(), u"user%1"_s.arg(++m_users)); }

    // A time of the servers' calendar: `days` from today at `time` (UTC), as
    // sent ("...Z") and as answered (no zone, milliseconds only when there are some).
    QString at(int days, const QString& time) const {
        return m_today.addDays(days).toString(Qt::ISODate) + u'T' + time + u'Z';
    }
    QString answered(int days, const QString& time) const {
        QString text = m_today.addDays(days).toString(Qt::ISODate) + u'T' + time;
        return text.endsWith(u".000"_s) ? text.chopped(4) : text;
    }

    struct SeedTask {
        QString title;
        QString status = u"pending"_s;
        int priority = 3;
        QString due;       // at(...) or empty for none
        QString created;   // at(...); empty: ten days ago
        QString completed; // at(...) or empty
        QString category;
        QVariant hours;
    };
    qint64 seed(const User& user, const SeedTask& task) {
        const auto timeOrNull = [](const QString& time) {
            return time.isEmpty() ? QVariant() : QVariant(time);
        };
        const QString created = task.created.isEmpty() ? at(-10, u"09:00:00.000"_s) : task.created;
        return db()
            .scalar(u"INSERT INTO tasks (uuid, user_id, title, priority, status, category, "
                    u"estimated_hours, due_date, created_at, updated_at, completed_at, version) "
                    u"VALUES (gen_random_uuid(), ?, ?, ?, ?, ?, ?::float8, ?::timestamptz, "
                    u"?::timestamptz, ?::timestamptz, ?::timestamptz, 1) RETURNING id"_s,
                    {user.id, task.title, task.priority, task.status,
                     task.category.isEmpty() ? QVariant() : QVariant(task.category), task.hours,
                     timeOrNull(task.due), created, created, timeOrNull(task.completed)})
            .toLongLong();
    }
    qint64 seedGoal(const User& user, const QString& title, const QString& horizon,
                    const QString& status = u"active"_s, double progress = 0,
                    const QString& target = {}) {
        return db()
            .scalar(u"INSERT INTO goals (uuid, user_id, title, horizon, status, "
                    u"progress_percentage, target_date, created_at, updated_at, version) VALUES "
                    u"(gen_random_uuid(), ?, ?, ?, ?, ?, ?::timestamptz, now(), now(), 1) "
                    u"RETURNING id"_s,
                    {user.id, title, horizon, status, progress,
                     target.isEmpty() ? QVariant() : QVariant(target)})
            .toLongLong();
    }
    qint64 createGoal(const User& user, const QJsonObject& fields) {
        const HttpResponse response = plain().post(u"/api/goals/"_s, fields, user.token);
        if (response.status != 201)
            qWarning() << "goal not created:" << response.describe();
        return response.object().value(u"id"_s).toInteger();
    }

    static QHash<QByteArray, QByteArray> bearer(const User& user) {
        return {{"Authorization", "Bearer " + user.token.toUtf8()}};
    }
    static QByteArray json(const QJsonValue& value) {
        return value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                               : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    }
    HttpResponse createTasks(HttpClient& http, const User& user, qint64 goalId,
                             const QByteArray& body) {
        return http.send("POST", u"/api/goals/%1/breakdown/create-tasks"_s.arg(goalId), body,
                         bearer(user));
    }
    HttpResponse breakdown(HttpClient& http, const User& user, const QString& goalId,
                           const QByteArray& body = {}) {
        return http.send("POST", u"/api/goals/"_s + goalId + u"/breakdown"_s, body, bearer(user));
    }
    HttpResponse breakdown(HttpClient& http, const User& user, qint64 goalId,
                           const QJsonObject& body) {
        return breakdown(http, user, QString::number(goalId), json(body));
    }
    // Items of the briefings' lists, as answered.
    struct TaskItem {
        qint64 id = 0;
        QString title;
        int priority = 3;
        QString status = u"pending"_s;
        QJsonValue due = QJsonValue::Null;
        QJsonValue category = QJsonValue::Null;
        QJsonValue hours = QJsonValue::Null;
    };
    static QJsonObject todayItem(const TaskItem& task) {
        return {{u"id"_s, task.id},
                {u"title"_s, task.title},
                {u"priority"_s, task.priority},
                {u"status"_s, task.status},
                {u"category"_s, task.category},
                {u"estimated_hours"_s, task.hours},
                {u"due_date"_s, task.due}};
    }
    static QJsonObject goalItem(qint64 id, const QString& title, const QString& horizon,
                                double progress, const QJsonValue& target = QJsonValue::Null) {
        return {{u"id"_s, id},
                {u"title"_s, title},
                {u"horizon"_s, horizon},
                {u"progress_percentage"_s, progress},
                {u"target_date"_s, target}};
    }
    static QJsonObject overdueItem(qint64 id, const QString& title, int priority,
                                   const QString& due, int days) {
        return {{u"id"_s, id},
                {u"title"_s, title},
                {u"priority"_s, priority},
                {u"due_date"_s, due},
                {u"days_overdue"_s, days}};
    }

    static QJsonArray loc(const HttpResponse& response) {
        return response.json[u"detail"_s][0][u"loc"_s].toArray();
    }
    qint64 taskCount() { return db().scalar(u"SELECT count(*) FROM tasks"_s).toLongLong(); }

    // A model reply as the vendor's text.
    static QString reply(const QJsonObject& object) { return QString::fromUtf8(json(object)); }

    static QJsonObject fourSuggestions() {
        return {{u"tasks"_s,
                 QJsonArray{
                     QJsonObject{{u"title"_s, u"Book the venue"_s},
                                 {u"description"_s, u"Call three venues."_s},
                                 {u"priority"_s, 1},
                                 {u"estimated_hours"_s, 2.5},
                                 {u"category"_s, u"logistics"_s},
                                 {u"status"_s, u"completed"_s}},
                     QJsonObject{{u"title"_s, u"Send invitations"_s}, {u"priority"_s, 2}},
                     QJsonObject{{u"title"_s, u"Plan the menu"_s},
                                 {u"priority"_s, 3},
                                 {u"estimated_hours"_s, QJsonValue::Null},
                                 {u"category"_s, u"food"_s}},
                     QJsonObject{{u"title"_s, u"Hire a band"_s}, {u"priority"_s, 4}},
                 }},
                {u"reasoning"_s, u"Venue first; everything depends on it."_s}};
    }

    QJsonObject morningReply() const {
        return {{u"greeting"_s, u"Good morning!"_s},
                {u"todays_mission"_s,
                 QJsonArray{QJsonObject{{u"priority"_s, 1},
                                        {u"task"_s, u"Due today high"_s},
                                        {u"why_it_matters"_s, u"It is due tonight."_s},
                                        {u"estimated_time"_s, u"90 minutes"_s}}}},
                {u"watch_out_for"_s, QJsonArray{u"Four tasks are overdue."_s}},
                {u"pro_tip"_s, u"Start with the hardest task."_s}};
    }

private slots:
    void initTestCase() {
        const QDateTime realNow = QDateTime::currentDateTimeUtc();
        m_today = realNow.date();
        m_clockOffsetSeconds = realNow.secsTo(QDateTime(m_today, QTime(12, 0), Qt::UTC));
        const QString offset = QString::number(m_clockOffsetSeconds);
        const QHash<QString, QString> noProvider{
            {u"ANTHROPIC_API_KEY"_s, QString()},
            {u"BIZY_AI_BASE_URL"_s, QString()},
            {u"BIZY_AI_MODEL"_s, QString()},
            {u"BIZY_CLOCK_OFFSET_SECONDS"_s, offset},
        };
        QString error;
        QVERIFY2(m_vendor.start(&error), qPrintable(error));
        QVERIFY2(m_fixture.start(noProvider, &error), qPrintable(error));

        QHash<QString, QString> anthropic = noProvider;
        anthropic.insert(u"ANTHROPIC_API_KEY"_s, u"sk-ant-test"_s);
        anthropic.insert(u"BIZY_ANTHROPIC_BASE_URL"_s, m_vendor.url().toString());
        anthropic.insert(u"BIZY_AI_TIMEOUT_SECONDS"_s, u"1"_s);
        anthropic.insert(u"BIZY_AI_RATE_LIMIT"_s, u"3"_s);
        m_anthropicServer = std::make_unique<ServerProcess>(db().databaseUrl(), anthropic);
        QVERIFY2(m_anthropicServer->start(&error), qPrintable(error));
        m_anthropic = std::make_unique<HttpClient>(m_anthropicServer->baseUrl());

        QHash<QString, QString> openAi = noProvider;
        openAi.insert(u"BIZY_AI_BASE_URL"_s, m_vendor.url().toString() + u"/v1"_s);
        openAi.insert(u"BIZY_AI_MODEL"_s, u"llama3.2"_s);
        openAi.insert(u"BIZY_AI_API_KEY"_s, u"local-key"_s);
        openAi.insert(u"BIZY_AI_TIMEOUT_SECONDS"_s, u"1"_s);
        openAi.insert(u"BIZY_AI_RATE_LIMIT"_s, u"0"_s);
        m_openAiServer = std::make_unique<ServerProcess>(db().databaseUrl(), openAi);
        QVERIFY2(m_openAiServer->start(&error), qPrintable(error));
        m_openAi = std::make_unique<HttpClient>(m_openAiServer->baseUrl());

        m_alice = newUser();
        m_bob = newUser();
    }

    void init() {
        QVERIFY(db().exec(u"DELETE FROM tasks"_s));
        QVERIFY(db().exec(u"DELETE FROM goals"_s));
        m_vendor.clear();
    }

    void cleanup() {
        if (QTest::currentTestFailed()) {
            qWarning().noquote() << "server without a provider:"
                                 << m_fixture.server().output().right(3000);
            qWarning().noquote() << "OpenAI-compatible server:"
                                 << m_openAiServer->output().right(3000);
        }
        QCOMPARE(m_vendor.pendingReplies(), 0);
    }

    // ---- /health -------------------------------------------------------------

    void health_saysWhetherAnAiProviderIsConfigured() {
        QCOMPARE(plain().get(u"/health"_s).object().value(u"ai"_s), QJsonValue(false));
        QCOMPARE(m_anthropic->get(u"/health"_s).object().value(u"ai"_s), QJsonValue(true));
        QCOMPARE(m_openAi->get(u"/health"_s).object().value(u"ai"_s), QJsonValue(true));
    }

    // ---- create-tasks (section 8, no AI) -------------------------------------

    void createTasks_storesEachSuggestionAsAPendingTaskOfTheGoal_inOrder() {
        // given alice's goal
        const qint64 goal =
            createGoal(m_alice, {{u"title"_s, u"Party"_s}, {u"horizon"_s, u"monthly"_s}});
        // when she stores two suggestions, one with keys a suggestion does not carry
        const QJsonArray suggestions{
            QJsonObject{{u"title"_s, u"Book the venue"_s},
                        {u"description"_s, u"Call three venues."_s},
                        {u"priority"_s, 1},
                        {u"estimated_hours"_s, 2.5},
                        {u"category"_s, u"logistics"_s},
                        {u"status"_s, u"completed"_s},
                        {u"due_date"_s, u"2030-01-01T00:00:00Z"_s},
                        {u"parent_goal_id"_s, 987654},
                        {u"tags"_s, QJsonArray{u"x"_s}},
                        {u"notes"_s, u"n"_s}},
            QJsonObject{{u"title"_s, u"Send invitations"_s}, {u"priority"_s, 5}},
        };
        const HttpResponse response = createTasks(plain(), m_alice, goal, json(suggestions));
        // then 200 with [{id, title}] in order
        QVERIFY2(response.status == 200, response.describe().constData());
        const QJsonArray created = response.json.toArray();
        QCOMPARE(created.size(), 2);
        QCOMPARE(created[0].toObject().keys(), (QStringList{u"id"_s, u"title"_s}));
        QCOMPARE(created[0][u"title"_s].toString(), u"Book the venue"_s);
        QCOMPARE(created[1][u"title"_s].toString(), u"Send invitations"_s);
        QVERIFY(created[0][u"id"_s].toInteger() < created[1][u"id"_s].toInteger());
        // and each is a pending task of the goal with those five fields, the rest null
        const QJsonObject first =
            plain()
                .get(u"/api/tasks/%1"_s.arg(created[0][u"id"_s].toInteger()), m_alice.token)
                .object();
        QCOMPARE(first.value(u"user_id"_s).toInteger(), m_alice.id);
        QCOMPARE(first.value(u"parent_goal_id"_s).toInteger(), goal);
        QCOMPARE(first.value(u"status"_s).toString(), u"pending"_s);
        QCOMPARE(first.value(u"description"_s).toString(), u"Call three venues."_s);
        QCOMPARE(first.value(u"priority"_s).toInteger(), 1);
        QCOMPARE(first.value(u"estimated_hours"_s).toDouble(), 2.5);
        QCOMPARE(first.value(u"category"_s).toString(), u"logistics"_s);
        for (const auto& name : {u"due_date"_s, u"tags"_s, u"notes"_s, u"dependencies"_s,
                                 u"completed_at"_s, u"actual_hours"_s})
            QVERIFY2(first.value(name).isNull(), qPrintable(name));
        const QJsonObject second =
            plain()
                .get(u"/api/tasks/%1"_s.arg(created[1][u"id"_s].toInteger()), m_alice.token)
                .object();
        QCOMPARE(second.value(u"priority"_s).toInteger(), 5);
        for (const auto& name : {u"description"_s, u"estimated_hours"_s, u"category"_s})
            QVERIFY2(second.value(name).isNull(), qPrintable(name));
        // and the goal lists them
        QCOMPARE(
            plain().get(u"/api/tasks/?goal_id=%1"_s.arg(goal), m_alice.token).json.toArray().size(),
            2);
    }

    void createTasks_emptyList_answersAnEmptyList() {
        const qint64 goal =
            createGoal(m_alice, {{u"title"_s, u"G"_s}, {u"horizon"_s, u"weekly"_s}});
        const HttpResponse response = createTasks(plain(), m_alice, goal, "[]");
        QCOMPARE(response.status, 200);
        QCOMPARE(response.json, QJsonValue(QJsonArray{}));
        QCOMPARE(taskCount(), 0);
    }

    void createTasks_areSeenByTheDeltaSync_withVersionsAndTheGoalsUuid() {
        // given alice's goal and her sync cursor after it
        const qint64 goal =
            createGoal(m_alice, {{u"title"_s, u"G"_s}, {u"horizon"_s, u"weekly"_s}});
        synctest::Replica replica;
        replica.pullAll(plain(), m_alice);
        QVERIFY2(replica.failure.isEmpty(), qPrintable(replica.failure));
        const qint64 cursor = replica.cursor;
        const QString goalUuid = replica.goals.firstKey();
        // when two suggestions are stored
        const HttpResponse created =
            createTasks(plain(), m_alice, goal,
                        json(QJsonArray{QJsonObject{{u"title"_s, u"One"_s}, {u"priority"_s, 2}},
                                        QJsonObject{{u"title"_s, u"Two"_s}, {u"priority"_s, 3}}}));
        QCOMPARE(created.status, 200);
        // then a pull from that cursor brings both, one version each, under the goal's uuid
        const HttpResponse pulled = synctest::pull(plain(), m_alice, cursor);
        QCOMPARE(pulled.status, 200);
        const QJsonArray tasks = pulled.object().value(u"tasks"_s).toArray();
        QCOMPARE(tasks.size(), 2);
        QCOMPARE(tasks[0][u"title"_s].toString(), u"One"_s);
        QCOMPARE(tasks[0][u"version"_s].toInteger(), cursor + 1);
        QCOMPARE(tasks[1][u"title"_s].toString(), u"Two"_s);
        QCOMPARE(tasks[1][u"version"_s].toInteger(), cursor + 2);
        for (const QJsonValue& task : tasks) {
            QCOMPARE(task[u"parent_goal_uuid"_s].toString(), goalUuid);
            QCOMPARE(task[u"parent_goal_id"_s].toInteger(), goal);
        }
        QCOMPARE(pulled.object().value(u"cursor"_s).toInteger(), cursor + 2);
    }

    void createTasks_goalNotTheCallers_is404_andStoresNothing() {
        const qint64 bobs =
            createGoal(m_bob, {{u"title"_s, u"Bob's"_s}, {u"horizon"_s, u"weekly"_s}});
        const QByteArray body =
            json(QJsonArray{QJsonObject{{u"title"_s, u"t"_s}, {u"priority"_s, 1}}});
        const HttpResponse others = createTasks(plain(), m_alice, bobs, body);
        QCOMPARE(others.status, 404);
        QCOMPARE(others.detail(), u"Goal %1 not found"_s.arg(bobs));
        const HttpResponse missing = createTasks(plain(), m_alice, 987654, body);
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.detail(), u"Goal 987654 not found"_s);
        QCOMPARE(taskCount(), 0);
    }

    void createTasks_badBodies_are422AtTheirPlace_andStoreNothing() {
        const qint64 goal =
            createGoal(m_alice, {{u"title"_s, u"G"_s}, {u"horizon"_s, u"weekly"_s}});
        const QJsonObject good{{u"title"_s, u"fine"_s}, {u"priority"_s, 2}};
        const auto withField = [&](const QString& name, const QJsonValue& value) {
            QJsonObject item = good;
            if (value.isUndefined())
                item.remove(name);
            else
                item.insert(name, value);
            return item;
        };
        struct Case {
            QByteArray body;
            QJsonArray loc;
            QString type;
        };
        const QList<Case> cases{
            {json(QJsonObject{{u"task_indices"_s, QJsonArray{0, 1}}}), {u"body"_s}, u"list_type"_s},
            {QByteArray(), {u"body"_s}, u"missing"_s},
            {"[{\"title\": ", {u"body"_s}, u"json_invalid"_s},
            {json(QJsonArray{good, withField(u"title"_s, QJsonValue::Undefined)}),
             {u"body"_s, 1, u"title"_s},
             u"missing"_s},
            {json(QJsonArray{withField(u"priority"_s, QJsonValue::Undefined)}),
             {u"body"_s, 0, u"priority"_s},
             u"missing"_s},
            {json(QJsonArray{withField(u"priority"_s, QJsonValue::Null)}),
             {u"body"_s, 0, u"priority"_s},
             u"int_type"_s},
            {json(QJsonArray{withField(u"priority"_s, 0)}),
             {u"body"_s, 0, u"priority"_s},
             u"greater_than_equal"_s},
            {json(QJsonArray{withField(u"priority"_s, 6)}),
             {u"body"_s, 0, u"priority"_s},
             u"less_than_equal"_s},
            {json(QJsonArray{withField(u"title"_s, u""_s)}),
             {u"body"_s, 0, u"title"_s},
             u"string_too_short"_s},
            {json(QJsonArray{withField(u"title"_s, QString(501, u'x'))}),
             {u"body"_s, 0, u"title"_s},
             u"string_too_long"_s},
            {json(QJsonArray{withField(u"category"_s, QString(101, u'c'))}),
             {u"body"_s, 0, u"category"_s},
             u"string_too_long"_s},
            {json(QJsonArray{withField(u"estimated_hours"_s, -1)}),
             {u"body"_s, 0, u"estimated_hours"_s},
             u"greater_than_equal"_s},
            {json(QJsonArray{good, u"not an object"_s}), {u"body"_s, 1}, u"dict_type"_s},
        };
        for (const Case& test : cases) {
            const HttpResponse response = createTasks(plain(), m_alice, goal, test.body);
            QVERIFY2(response.status == 422, response.describe().constData());
            QCOMPARE(loc(response), test.loc);
            QCOMPARE(response.json[u"detail"_s][0][u"type"_s].toString(), test.type);
        }
        // 500 characters of title and 100 of category are fine
        QCOMPARE(createTasks(plain(), m_alice, goal,
                             json(QJsonArray{withField(u"title"_s, QString(500, u't')),
                                             withField(u"category"_s, QString(100, u'c'))}))
                     .status,
                 200);
        QCOMPARE(taskCount(), 2);
        const HttpResponse badId = plain().send("POST", u"/api/goals/abc/breakdown/create-tasks"_s,
                                                json(QJsonArray{good}), bearer(m_alice));
        QCOMPARE(badId.status, 422);
        QCOMPARE(loc(badId), (QJsonArray{u"path"_s, u"goal_id"_s}));
        const HttpResponse anonymous = plain().send(
            "POST", u"/api/goals/%1/breakdown/create-tasks"_s.arg(goal), json(QJsonArray{good}));
        QCOMPARE(anonymous.status, 401);
        QCOMPARE(taskCount(), 2);
    }

    // ---- without a provider: 503 after validation ----------------------------

    void breakdown_withoutProvider_is503ForAnyGoal_afterValidation() {
        const qint64 mine =
            createGoal(m_alice, {{u"title"_s, u"G"_s}, {u"horizon"_s, u"weekly"_s}});
        const qint64 bobs = createGoal(m_bob, {{u"title"_s, u"B"_s}, {u"horizon"_s, u"weekly"_s}});
        for (const QString& id : {QString::number(mine), QString::number(bobs), u"987654"_s}) {
            const HttpResponse response = breakdown(plain(), m_alice, id);
            QCOMPARE(response.status, 503);
            QCOMPARE(response.object(),
                     (QJsonObject{{u"detail"_s, QLatin1String(kNotConfigured)}}));
        }
        QCOMPARE(breakdown(plain(), m_alice, mine, {{u"max_tasks"_s, 50}}).status, 503);
        for (const int maxTasks : {0, 51}) {
            const HttpResponse response =
                breakdown(plain(), m_alice, mine, {{u"max_tasks"_s, maxTasks}});
            QCOMPARE(response.status, 422);
            QCOMPARE(loc(response), (QJsonArray{u"body"_s, u"max_tasks"_s}));
        }
        const HttpResponse flag =
            breakdown(plain(), m_alice, mine, {{u"include_description"_s, u"yes"_s}});
        QCOMPARE(loc(flag), (QJsonArray{u"body"_s, u"include_description"_s}));
        QCOMPARE(loc(breakdown(plain(), m_alice, u"abc"_s)), (QJsonArray{u"path"_s, u"goal_id"_s}));
        QCOMPARE(plain().send("POST", u"/api/goals/%1/breakdown"_s.arg(mine), {}).status, 401);
    }

    void briefings_withoutProvider_are503_afterValidation() {
        const auto notConfigured = [](const HttpResponse& response) {
            return response.status == 503 &&
                   response.object() == QJsonObject{{u"detail"_s, QLatin1String(kNotConfigured)}};
        };
        QVERIFY(notConfigured(plain().get(u"/api/briefings/morning"_s, m_alice.token)));
        QVERIFY(notConfigured(plain().post(u"/api/briefings/evening"_s, {}, m_alice.token)));
        QVERIFY(notConfigured(
            plain().post(u"/api/briefings/research"_s, {{u"topic"_s, u"abc"_s}}, m_alice.token)));
        QVERIFY(notConfigured(plain().post(u"/api/briefings/research"_s,
                                           {{u"topic"_s, QString(500, u't')},
                                            {u"focus_areas"_s, QJsonArray{u"a"_s}},
                                            {u"max_insights"_s, 10}},
                                           m_alice.token)));

        const HttpResponse noBody =
            plain().send("POST", u"/api/briefings/evening"_s, {}, bearer(m_alice));
        QCOMPARE(noBody.status, 422);
        QCOMPARE(loc(noBody), QJsonArray{u"body"_s});
        struct Case {
            QString path;
            QJsonObject body;
            QString field;
        };
        const QList<Case> cases{
            {u"evening"_s, {{u"energy_level"_s, 0}}, u"energy_level"_s},
            {u"evening"_s, {{u"energy_level"_s, 11}}, u"energy_level"_s},
            {u"evening"_s, {{u"wins"_s, 3}}, u"wins"_s},
            {u"research"_s, {}, u"topic"_s},
            {u"research"_s, {{u"topic"_s, u"ab"_s}}, u"topic"_s},
            {u"research"_s, {{u"topic"_s, QString(501, u't')}}, u"topic"_s},
            {u"research"_s, {{u"topic"_s, u"abc"_s}, {u"max_insights"_s, 0}}, u"max_insights"_s},
            {u"research"_s, {{u"topic"_s, u"abc"_s}, {u"max_insights"_s, 11}}, u"max_insights"_s},
            {u"research"_s, {{u"topic"_s, u"abc"_s}, {u"focus_areas"_s, u"x"_s}}, u"focus_areas"_s},
        };
        for (const Case& test : cases) {
            const HttpResponse response =
                plain().post(u"/api/briefings/"_s + test.path, test.body, m_alice.token);
            QVERIFY2(response.status == 422, response.describe().constData());
            QCOMPARE(loc(response), (QJsonArray{u"body"_s, test.field}));
        }
        QCOMPARE(plain().get(u"/api/briefings/morning"_s).status, 401);
        // and nothing was asked of any vendor
        QCOMPARE(m_vendor.requests().size(), 0);
    }

    // ---- breakdown with a provider -------------------------------------------

    void breakdown_asksTheProviderWithTheGoalAndItsTasks_andAnswersItsSuggestions() {
        // given alice's goal with a task under it, and bob's goal
        const qint64 goal = createGoal(m_alice, {{u"title"_s, u"Summer party"_s},
                                                 {u"horizon"_s, u"quarterly"_s},
                                                 {u"description"_s, u"For the whole team"_s},
                                                 {u"success_criteria"_s, u"Forty guests"_s}});
        seed(m_alice, {.title = u"Pick a date"_s});
        seed(m_alice, {.title = u"Unrelated errand"_s});
        createGoal(m_bob, {{u"title"_s, u"Bob's secret plan"_s}, {u"horizon"_s, u"weekly"_s}});
        QVERIFY(db().exec(u"UPDATE tasks SET parent_goal_id = ? WHERE title = 'Pick a date'"_s,
                          {goal}));
        m_vendor.reply(reply(fourSuggestions()));
        // when she asks for a breakdown of at most 3 tasks
        const HttpResponse response = breakdown(*m_openAi, m_alice, goal, {{u"max_tasks"_s, 3}});
        // then the first three suggestions, each with all five fields
        QVERIFY2(response.status == 200, response.describe().constData());
        const QJsonObject expected{
            {u"goal_id"_s, goal},
            {u"goal_title"_s, u"Summer party"_s},
            {u"suggested_tasks"_s,
             QJsonArray{QJsonObject{{u"title"_s, u"Book the venue"_s},
                                    {u"description"_s, u"Call three venues."_s},
                                    {u"priority"_s, 1},
                                    {u"estimated_hours"_s, 2.5},
                                    {u"category"_s, u"logistics"_s}},
                        QJsonObject{{u"title"_s, u"Send invitations"_s},
                                    {u"description"_s, QJsonValue::Null},
                                    {u"priority"_s, 2},
                                    {u"estimated_hours"_s, QJsonValue::Null},
                                    {u"category"_s, QJsonValue::Null}},
                        QJsonObject{{u"title"_s, u"Plan the menu"_s},
                                    {u"description"_s, QJsonValue::Null},
                                    {u"priority"_s, 3},
                                    {u"estimated_hours"_s, QJsonValue::Null},
                                    {u"category"_s, u"food"_s}}}},
            {u"reasoning"_s, u"Venue first; everything depends on it."_s},
        };
        QCOMPARE(response.object(), expected);
        // and the OpenAI-compatible server got one chat completion with the goal's data
        QCOMPARE(m_vendor.requests().size(), 1);
        const FakeAiVendor::Request& sent = m_vendor.requests().first();
        QCOMPARE(sent.path, u"/v1/chat/completions"_s);
        QCOMPARE(sent.headers.value("authorization"), "Bearer local-key"_ba);
        QCOMPARE(sent.body.value(u"model"_s).toString(), u"llama3.2"_s);
        QCOMPARE(sent.body.value(u"response_format"_s)[u"type"_s].toString(), u"json_object"_s);
        QVERIFY(sent.systemPrompt().contains(u"JSON"_s));
        const QString prompt = sent.userPrompt();
        for (const QString& part :
             {u"at most 3 concrete"_s, u"\"title\":\"Summer party\""_s,
              u"\"description\":\"For the whole team\""_s,
              u"\"success_criteria\":\"Forty guests\""_s, u"\"horizon\":\"quarterly\""_s,
              u"{\"status\":\"pending\",\"title\":\"Pick a date\"}"_s,
              u"one or two sentences on what to do"_s})
            QVERIFY2(prompt.contains(part), qPrintable(part + u" missing in: "_s + prompt));
        QVERIFY(!prompt.contains(u"Unrelated errand"_s));
        QVERIFY(!prompt.contains(u"Bob's secret plan"_s));
        // and nothing was stored
        QCOMPARE(taskCount(), 2);
    }

    void breakdown_viaAnthropic_sendsTheMessagesShape_andTakesAFencedReply() {
        const User carol = newUser();
        const qint64 goal =
            createGoal(carol, {{u"title"_s, u"Write a book"_s}, {u"horizon"_s, u"yearly"_s}});
        // a reply in a Markdown fence, without reasoning, with descriptions
        QJsonObject suggestions = fourSuggestions();
        suggestions.remove(u"reasoning"_s);
        m_vendor.reply(u"```json\n"_s + reply(suggestions) + u"\n```"_s);
        const HttpResponse response =
            breakdown(*m_anthropic, carol, goal, {{u"include_description"_s, false}});
        QVERIFY2(response.status == 200, response.describe().constData());
        const QJsonArray tasks = response.object().value(u"suggested_tasks"_s).toArray();
        QCOMPARE(tasks.size(), 4);
        for (const QJsonValue& task : tasks)
            QVERIFY(task[u"description"_s].isNull());
        QCOMPARE(response.object().value(u"reasoning"_s).toString(), u"AI breakdown completed"_s);

        const FakeAiVendor::Request& sent = m_vendor.requests().first();
        QCOMPARE(sent.path, u"/v1/messages"_s);
        QCOMPARE(sent.headers.value("x-api-key"), "sk-ant-test"_ba);
        QCOMPARE(sent.headers.value("anthropic-version"), "2023-06-01"_ba);
        QCOMPARE(sent.body.value(u"model"_s).toString(), u"claude-sonnet-4-5"_s);
        QVERIFY(sent.body.value(u"max_tokens"_s).toInteger() > 0);
        QVERIFY(sent.systemPrompt().contains(u"JSON"_s));
        QVERIFY(sent.userPrompt().contains(u"at most 10 concrete"_s));
        QVERIFY(sent.userPrompt().contains(u"null (no description is wanted)"_s));
        QVERIFY(sent.userPrompt().contains(u"\"title\":\"Write a book\""_s));
    }

    void breakdown_withProvider_goalNotTheCallers_is404_withoutAskingIt() {
        const qint64 bobs = createGoal(m_bob, {{u"title"_s, u"B"_s}, {u"horizon"_s, u"weekly"_s}});
        const HttpResponse response = breakdown(*m_openAi, m_alice, QString::number(bobs));
        QCOMPARE(response.status, 404);
        QCOMPARE(response.detail(), u"Goal %1 not found"_s.arg(bobs));
        QCOMPARE(breakdown(*m_openAi, m_alice, u"987654"_s).detail(), u"Goal 987654 not found"_s);
        QCOMPARE(m_vendor.requests().size(), 0);
    }

    void unusableProviderAnswers_are500WithTheContractsWords() {
        const qint64 goal =
            createGoal(m_alice, {{u"title"_s, u"G"_s}, {u"horizon"_s, u"weekly"_s}});
        struct Case {
            FakeAiVendor::Reply reply;
            QString detail; // exact, or a prefix when it ends with "..."
        };
        const QList<Case> cases{
            {{{}, 500}, u"AI service error: the AI provider answered HTTP 500"_s},
            {{reply(fourSuggestions()), 200, {}, 3000},
             u"AI service error: the AI provider did not answer within 1 s"_s},
            {{{}, 200, "<html>busy</html>"},
             u"AI service error: the AI provider's answer is not a JSON object"_s},
            {{u"Sure! Here are some tasks: 1. Plan"_s}, u"Failed to parse AI response: ..."_s},
            {{u"{\"tasks\": [{\"title\": \"a\", \"priority\": 1}"_s},
             u"Failed to parse AI response: ..."_s},
            {{u" "_s}, u"AI service error: the AI provider's answer holds no text"_s},
            {{u"[1, 2]"_s}, u"AI service error: the reply is not a JSON object"_s},
            {{u"{\"tasks\": \"none\"}"_s}, u"AI service error: tasks: expected a list"_s},
            {{u"{\"suggestions\": []}"_s}, u"AI service error: tasks: expected a list"_s},
            {{u"{\"tasks\": [{\"title\": \"a\", \"priority\": 9}]}"_s},
             u"AI service error: tasks.0.priority: Input should be less than or equal to 5"_s},
            {{u"{\"tasks\": [{\"title\": \"a\", \"priority\": 1}, {\"priority\": 2}]}"_s},
             u"AI service error: tasks.1.title: Field required"_s},
            {{u"{\"tasks\": [], \"reasoning\": 7}"_s},
             u"AI service error: reasoning: expected a string"_s},
        };
        for (const Case& test : cases) {
            m_vendor.reply(test.reply);
            const HttpResponse response = breakdown(*m_openAi, m_alice, goal, QJsonObject{});
            QVERIFY2(response.status == 500, response.describe().constData());
            if (test.detail.endsWith(u"..."_s))
                QVERIFY2(response.detail().startsWith(test.detail.chopped(3)) &&
                             response.detail().size() > test.detail.size(),
                         qPrintable(response.detail()));
            else
                QCOMPARE(response.detail(), test.detail);
        }
        // and the server goes on serving, an empty list being a usable reply
        m_vendor.reply(u"{\"tasks\": []}"_s);
        const HttpResponse fine = breakdown(*m_openAi, m_alice, goal, QJsonObject{});
        QCOMPARE(fine.status, 200);
        QCOMPARE(fine.object().value(u"suggested_tasks"_s), QJsonValue(QJsonArray{}));
    }

    void providerCalls_areLimitedPerUser() {
        // given the Anthropic server allows 3 calls per user and minute
        const User dave = newUser();
        const User erin = newUser();
        const qint64 daves = createGoal(dave, {{u"title"_s, u"D"_s}, {u"horizon"_s, u"weekly"_s}});
        const qint64 erins = createGoal(erin, {{u"title"_s, u"E"_s}, {u"horizon"_s, u"weekly"_s}});
        for (int i = 0; i < 3; ++i) {
            m_vendor.reply(u"{\"tasks\": []}"_s);
            QCOMPARE(breakdown(*m_anthropic, dave, daves, QJsonObject{}).status, 200);
        }
        // when dave asks a fourth time
        const HttpResponse limited = breakdown(*m_anthropic, dave, daves, QJsonObject{});
        // then 429 with Retry-After, and the vendor was not asked
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.detail(), u"Too many AI requests; try again later"_s);
        const int retryAfter = limited.header("retry-after").toInt();
        QVERIFY2(retryAfter >= 1 && retryAfter <= 60, limited.header("retry-after").constData());
        QCOMPARE(m_vendor.requests().size(), 3);
        // and the briefings count too, while another user is not limited
        QCOMPARE(m_anthropic->get(u"/api/briefings/morning"_s, dave.token).status, 429);
        m_vendor.reply(u"{\"tasks\": []}"_s);
        QCOMPARE(breakdown(*m_anthropic, erin, erins, QJsonObject{}).status, 200);
    }

    // ---- briefings with a provider --------------------------------------------

    void morning_rowPartsFollowTheirRules_andTheProviderWritesTheRest() {
        // given alice's tasks around yesterday (Y) and today (T), now being T 12:00
        const QString at0 = u"00:00:00.000"_s;
        const QString last = u"23:59:59.999"_s;
        seed(m_alice,
             {.title = u"Done at Y start"_s, .status = u"completed"_s, .completed = at(-1, at0)});
        seed(m_alice, {.title = u"Done at Y end"_s,
                       .status = u"completed"_s,
                       .due = at(-1, u"10:00:00.000"_s),
                       .created = at(-5, at0),
                       .completed = at(-1, last)});
        seed(m_alice, {.title = u"Done at T start"_s,
                       .status = u"completed"_s,
                       .due = at(-3, at0),
                       .completed = at(0, at0)});
        seed(m_alice,
             {.title = u"Done before Y"_s, .status = u"completed"_s, .completed = at(-2, last)});
        seed(m_alice, {.title = u"Due tomorrow"_s,
                       .due = at(1, u"09:00:00.000"_s),
                       .created = at(-1, u"08:00:00.000"_s)});
        const qint64 madeTodayDueY = seed(m_alice, {.title = u"Made today, due Y"_s,
                                                    .due = at(-1, u"15:00:00.000"_s),
                                                    .created = at(0, u"00:30:00.000"_s)});
        const qint64 dueToday = seed(m_alice, {.title = u"Due today high"_s,
                                               .priority = 1,
                                               .due = at(0, u"18:00:00.000"_s),
                                               .category = u"work"_s,
                                               .hours = 1.5});
        const qint64 undated = seed(m_alice, {.title = u"Undated in progress"_s,
                                              .status = u"in_progress"_s,
                                              .priority = 2,
                                              .created = at(-1, u"09:00:00.000"_s)});
        const qint64 blocked = seed(m_alice, {.title = u"Blocked due T"_s,
                                              .status = u"blocked"_s,
                                              .priority = 2,
                                              .due = at(0, u"10:00:00.000"_s)});
        const qint64 old = seed(m_alice, {.title = u"Old overdue"_s,
                                          .priority = 4,
                                          .due = at(-9, u"08:00:00.000"_s),
                                          .created = at(-30, at0)});
        seed(m_alice, {.title = u"Completed overdue"_s,
                       .status = u"completed"_s,
                       .due = at(-5, at0),
                       .completed = at(-4, at0)});
        const qint64 startOfToday = seed(m_alice, {.title = u"Due at T start"_s,
                                                   .priority = 5,
                                                   .due = at(0, at0),
                                                   .created = at(-2, at0)});
        seed(m_alice,
             {.title = u"Due at tomorrow start"_s, .due = at(1, at0), .created = at(-2, at0)});
        seed(m_alice, {.title = u"Made at Y end"_s, .due = at(3, at0), .created = at(-1, last)});
        seed(m_alice, {.title = u"Made at T start"_s, .due = at(3, at0), .created = at(0, at0)});
        // and goals
        const qint64 year =
            seedGoal(m_alice, u"Year goal"_s, u"yearly"_s, u"active"_s, 10, at(100, at0));
        const qint64 week = seedGoal(m_alice, u"Week goal"_s, u"weekly"_s, u"active"_s, 50);
        const qint64 month = seedGoal(m_alice, u"Month goal"_s, u"monthly"_s);
        const qint64 quarter =
            seedGoal(m_alice, u"Quarter goal"_s, u"quarterly"_s, u"active"_s, 75.5);
        seedGoal(m_alice, u"Done goal"_s, u"monthly"_s, u"completed"_s, 100);
        seedGoal(m_alice, u"Paused goal"_s, u"weekly"_s, u"on_hold"_s, 20);
        // and bob's rows, which never show
        seed(m_bob, {.title = u"Bob undated"_s});
        seed(m_bob, {.title = u"Bob done"_s,
                     .status = u"completed"_s,
                     .completed = at(-1, u"12:00:00.000"_s)});
        seedGoal(m_bob, u"Bob goal"_s, u"monthly"_s);
        m_vendor.reply(reply(morningReply()));

        // when alice asks for her morning briefing
        const HttpResponse response = m_openAi->get(u"/api/briefings/morning"_s, m_alice.token);
        QVERIFY2(response.status == 200, response.describe().constData());
        const QJsonObject briefing = response.object();

        // then yesterday: 2 completed; due: Y end, Due tomorrow, Due today high,
        // Blocked due T, Due at T start, Due at tomorrow start, Made at Y end = 7
        QCOMPARE(briefing.value(u"yesterday_recap"_s).toObject(),
                 (QJsonObject{{u"tasks_completed"_s, 2},
                              {u"tasks_due"_s, 7},
                              {u"completion_rate"_s, 2.0 / 7.0}}));
        // open tasks due today or undated, by priority
        QCOMPARE(briefing.value(u"tasks_today"_s).toArray(),
                 (QJsonArray{todayItem({dueToday, u"Due today high"_s, 1, u"pending"_s,
                                        answered(0, u"18:00:00.000"_s), u"work"_s, 1.5}),
                             todayItem({undated, u"Undated in progress"_s, 2, u"in_progress"_s}),
                             todayItem({startOfToday, u"Due at T start"_s, 5, u"pending"_s,
                                        answered(0, at0)})}));
        // active goals by horizon name
        QCOMPARE(briefing.value(u"active_goals"_s).toArray(),
                 (QJsonArray{goalItem(month, u"Month goal"_s, u"monthly"_s, 0),
                             goalItem(quarter, u"Quarter goal"_s, u"quarterly"_s, 75.5),
                             goalItem(week, u"Week goal"_s, u"weekly"_s, 50),
                             goalItem(year, u"Year goal"_s, u"yearly"_s, 10, answered(100, at0))}));
        // overdue: not completed, due before now, oldest first, days by calendar
        QCOMPARE(
            briefing.value(u"overdue_tasks"_s).toArray(),
            (QJsonArray{
                overdueItem(old, u"Old overdue"_s, 4, answered(-9, u"08:00:00.000"_s), 9),
                overdueItem(madeTodayDueY, u"Made today, due Y"_s, 3,
                            answered(-1, u"15:00:00.000"_s), 1),
                overdueItem(startOfToday, u"Due at T start"_s, 5, answered(0, at0), 0),
                overdueItem(blocked, u"Blocked due T"_s, 2, answered(0, u"10:00:00.000"_s), 0)}));
        // the provider's parts as it wrote them, and the date of the request
        const QJsonObject written = morningReply();
        for (const QString& key : written.keys())
            QCOMPARE(briefing.value(key), written.value(key));
        QCOMPARE(briefing.keys(),
                 (QStringList{u"active_goals"_s, u"date"_s, u"greeting"_s, u"overdue_tasks"_s,
                              u"pro_tip"_s, u"tasks_today"_s, u"todays_mission"_s,
                              u"watch_out_for"_s, u"yesterday_recap"_s}));
        const QString date = briefing.value(u"date"_s).toString();
        QVERIFY2(date.startsWith(m_today.toString(Qt::ISODate) + u"T12:"_s), qPrintable(date));

        // and the prompt held alice's rows, never bob's
        const QString prompt = m_vendor.requests().first().userPrompt();
        for (const QString& part : {u"\"tasks_completed\":2"_s, u"\"title\":\"Due today high\""_s,
                                    u"\"title\":\"Old overdue\""_s, u"\"title\":\"Month goal\""_s,
                                    u"\"days_overdue\":9"_s})
            QVERIFY2(prompt.contains(part), qPrintable(part + u" missing in: "_s + prompt));
        QVERIFY(!prompt.contains(u"Bob"_s));
    }

    void morning_listsAreCut_at20TasksAnd10GoalsAnd10Overdue() {
        const User heavy = newUser();
        for (int i = 0; i < 25; ++i)
            seed(heavy, {.title = u"open %1"_s.arg(i), .priority = 5 - i % 5});
        for (int i = 0; i < 12; ++i)
            seed(heavy, {.title = u"late %1"_s.arg(i),
                         .status = u"blocked"_s,
                         .due = at(-20 + i, u"08:00:00.000"_s)});
        for (int i = 0; i < 12; ++i)
            seedGoal(heavy, u"goal %1"_s.arg(i), i < 6 ? u"yearly"_s : u"monthly"_s);
        m_vendor.reply(reply(morningReply()));
        const QJsonObject briefing =
            m_openAi->get(u"/api/briefings/morning"_s, heavy.token).object();
        const QJsonArray today = briefing.value(u"tasks_today"_s).toArray();
        QCOMPARE(today.size(), 20);
        // 5 of each priority 1-4 come before any of priority 5
        for (int i = 0; i < 20; ++i)
            QCOMPARE(today[i][u"priority"_s].toInt(), 1 + i / 5);
        const QJsonArray overdue = briefing.value(u"overdue_tasks"_s).toArray();
        QCOMPARE(overdue.size(), 10);
        QCOMPARE(overdue[0][u"title"_s].toString(), u"late 0"_s);
        QCOMPARE(overdue[0][u"days_overdue"_s].toInt(), 20);
        QCOMPARE(overdue[9][u"title"_s].toString(), u"late 9"_s);
        const QJsonArray goals = briefing.value(u"active_goals"_s).toArray();
        QCOMPARE(goals.size(), 10);
        for (int i = 0; i < 6; ++i)
            QCOMPARE(goals[i][u"horizon"_s].toString(), u"monthly"_s);
        for (int i = 6; i < 10; ++i)
            QCOMPARE(goals[i][u"horizon"_s].toString(), u"yearly"_s);
    }

    void morning_ofAUserWithoutRows_isZerosAndEmptyLists() {
        const User fresh = newUser();
        m_vendor.reply(reply(morningReply()));
        const QJsonObject briefing =
            m_openAi->get(u"/api/briefings/morning"_s, fresh.token).object();
        QCOMPARE(briefing.value(u"yesterday_recap"_s).toObject(),
                 (QJsonObject{
                     {u"tasks_completed"_s, 0}, {u"tasks_due"_s, 0}, {u"completion_rate"_s, 0}}));
        for (const auto& list : {u"tasks_today"_s, u"active_goals"_s, u"overdue_tasks"_s})
            QCOMPARE(briefing.value(list), QJsonValue(QJsonArray{}));
    }

    void morning_replyOfTheWrongShape_is500() {
        QJsonObject noReason = morningReply();
        QJsonArray mission = noReason.value(u"todays_mission"_s).toArray();
        QJsonObject item = mission[0].toObject();
        item.remove(u"why_it_matters"_s);
        mission[0] = item;
        noReason.insert(u"todays_mission"_s, mission);
        QJsonObject tipsAsText = morningReply();
        tipsAsText.insert(u"watch_out_for"_s, u"nothing"_s);
        QJsonObject noGreeting = morningReply();
        noGreeting.insert(u"greeting"_s, u""_s);
        const QList<std::pair<QJsonObject, QString>> cases{
            {noReason,
             u"AI service error: todays_mission.0.why_it_matters: expected a non-empty string"_s},
            {tipsAsText, u"AI service error: watch_out_for: expected a list"_s},
            {noGreeting, u"AI service error: greeting: expected a non-empty string"_s},
        };
        for (const auto& [written, detail] : cases) {
            m_vendor.reply(reply(written));
            const HttpResponse response = m_openAi->get(u"/api/briefings/morning"_s, m_alice.token);
            QCOMPARE(response.status, 500);
            QCOMPARE(response.detail(), detail);
        }
    }

    void evening_countsTodaysCompletionsAndPlans_andPassesTheCallersWords() {
        // given alice's day: completed today 2; planned (due or made today) 4
        const QString at0 = u"00:00:00.000"_s;
        const QString last = u"23:59:59.999"_s;
        seed(m_alice, {.title = u"Done today, old"_s,
                       .status = u"completed"_s,
                       .completed = at(0, u"08:00:00.000"_s)});
        seed(m_alice, {.title = u"Done today, made today"_s,
                       .status = u"completed"_s,
                       .created = at(0, at0),
                       .completed = at(0, at0)});
        seed(m_alice, {.title = u"Due today"_s, .due = at(0, last)});
        seed(m_alice, {.title = u"Made today"_s, .created = at(0, u"09:00:00.000"_s)});
        seed(m_alice, {.title = u"Made today, due tomorrow"_s,
                       .due = at(1, at0),
                       .created = at(0, u"07:00:00.000"_s)});
        seed(m_alice, {.title = u"Due yesterday"_s, .due = at(-1, last)});
        seed(m_alice, {.title = u"Done yesterday"_s,
                       .status = u"completed"_s,
                       .created = at(-1, u"08:00:00.000"_s),
                       .completed = at(-1, last)});
        seed(m_bob, {.title = u"Bob made today"_s, .created = at(0, u"09:00:00.000"_s)});
        const QJsonObject written{
            {u"day_analysis"_s, u"A focused day."_s},
            {u"wins_recognition"_s, u"Shipping the release was big."_s},
            {u"improvement_suggestions"_s, QJsonArray{u"Fix CI first."_s, u"Rest."_s}},
            {u"tomorrow_prep"_s, u"Plan the demo."_s},
        };
        m_vendor.reply(reply(written));
        // when she sends her evening reflection
        const HttpResponse response = m_openAi->post(u"/api/briefings/evening"_s,
                                                     {{u"wins"_s, u"Shipped the release"_s},
                                                      {u"blockers"_s, u"Flaky CI"_s},
                                                      {u"learnings"_s, u"Test earlier"_s},
                                                      {u"energy_level"_s, 7}},
                                                     m_alice.token);
        QVERIFY2(response.status == 200, response.describe().constData());
        QJsonObject expected = written;
        expected.insert(
            u"completion_stats"_s,
            QJsonObject{{u"completed"_s, 2}, {u"planned"_s, 4}, {u"completion_rate"_s, 0.5}});
        QJsonObject briefing = response.object();
        QVERIFY(briefing.value(u"date"_s).toString().startsWith(m_today.toString(Qt::ISODate)));
        briefing.remove(u"date"_s);
        QCOMPARE(briefing, expected);
        const QString prompt = m_vendor.requests().first().userPrompt();
        for (const QString& part :
             {u"\"wins\":\"Shipped the release\""_s, u"\"blockers\":\"Flaky CI\""_s,
              u"\"learnings\":\"Test earlier\""_s, u"\"energy_level\":7"_s, u"\"completed\":2"_s,
              u"\"planned\":4"_s, u"Due today"_s})
            QVERIFY2(prompt.contains(part), qPrintable(part + u" missing in: "_s + prompt));
        QVERIFY(!prompt.contains(u"Bob"_s));

        // and an empty reflection is fine too
        m_vendor.reply(reply(written));
        QCOMPARE(m_openAi->post(u"/api/briefings/evening"_s, {}, m_alice.token).status, 200);
    }

    void research_findsGoalsAndTasksSharingAWordWithTheTopic_andCutsInsights() {
        // given alice's active goals and today's tasks
        const qint64 rustGoal = seedGoal(m_alice, u"Learn Rust Programming"_s, u"quarterly"_s);
        seedGoal(m_alice, u"Marathon training"_s, u"yearly"_s);
        seedGoal(m_alice, u"Rust belt trip"_s, u"monthly"_s, u"completed"_s, 100);
        const qint64 book = seed(m_alice, {.title = u"Read the rust book"_s, .priority = 2});
        const qint64 shoes =
            seed(m_alice,
                 {.title = u"Buy running shoes"_s, .priority = 3, .due = at(0, u"17:00:00.000"_s)});
        seed(m_alice, {.title = u"Write Rust tests"_s,
                       .status = u"completed"_s,
                       .completed = at(0, u"08:00:00.000"_s)});
        seed(m_bob, {.title = u"Bob rust chores"_s});
        QJsonObject written{{u"key_insights"_s, QJsonArray{u"i1"_s, u"i2"_s, u"i3"_s, u"i4"_s}},
                            {u"action_items"_s, QJsonArray{u"a1"_s, u"a2"_s, u"a3"_s}}};
        m_vendor.reply(reply(written));
        // when she researches "RUST run" with at most 2 insights
        const HttpResponse response =
            m_openAi->post(u"/api/briefings/research"_s,
                           {{u"topic"_s, u"RUST  run"_s},
                            {u"focus_areas"_s, QJsonArray{u"performance"_s}},
                            {u"max_insights"_s, 2}},
                           m_alice.token);
        // then the goals and tasks whose titles contain "rust" or "run"
        QVERIFY2(response.status == 200, response.describe().constData());
        QCOMPARE(
            response.object(),
            (QJsonObject{
                {u"topic"_s, u"RUST  run"_s},
                {u"key_insights"_s, QJsonArray{u"i1"_s, u"i2"_s}},
                {u"action_items"_s, QJsonArray{u"a1"_s, u"a2"_s, u"a3"_s}},
                {u"relevant_goals"_s,
                 QJsonArray{goalItem(rustGoal, u"Learn Rust Programming"_s, u"quarterly"_s, 0)}},
                {u"relevant_tasks"_s,
                 QJsonArray{todayItem({book, u"Read the rust book"_s, 2}),
                            todayItem({shoes, u"Buy running shoes"_s, 3, u"pending"_s,
                                       answered(0, u"17:00:00.000"_s)})}},
            }));
        const QString prompt = m_vendor.requests().first().userPrompt();
        for (const QString& part :
             {u"\"topic\":\"RUST  run\""_s, u"\"performance\""_s, u"at most 2 key insights"_s,
              u"Learn Rust Programming"_s, u"Buy running shoes"_s})
            QVERIFY2(prompt.contains(part), qPrintable(part + u" missing in: "_s + prompt));
        QVERIFY(!prompt.contains(u"Marathon"_s));
        QVERIFY(!prompt.contains(u"Bob"_s));

        // and 5 insights by default
        written.insert(u"key_insights"_s,
                       QJsonArray{u"1"_s, u"2"_s, u"3"_s, u"4"_s, u"5"_s, u"6"_s, u"7"_s});
        m_vendor.reply(reply(written));
        const HttpResponse byDefault =
            m_openAi->post(u"/api/briefings/research"_s, {{u"topic"_s, u"xyz"_s}}, m_alice.token);
        QCOMPARE(byDefault.object().value(u"key_insights"_s).toArray().size(), 5);
        QCOMPARE(byDefault.object().value(u"relevant_goals"_s), QJsonValue(QJsonArray{}));
        QCOMPARE(byDefault.object().value(u"relevant_tasks"_s), QJsonValue(QJsonArray{}));
    }

    void briefings_providerFailure_is500() {
        m_vendor.reply(FakeAiVendor::Reply{{}, 503});
        const HttpResponse response =
            m_openAi->post(u"/api/briefings/evening"_s, {{u"wins"_s, u"w"_s}}, m_alice.token);
        QCOMPARE(response.status, 500);
        QCOMPARE(response.detail(), u"AI service error: the AI provider answered HTTP 503"_s);
    }

    // Last: it stops the OpenAI-compatible server.
    void shutdown_endsAProviderCallInFlight_atOnce() {
        const qint64 goal =
            createGoal(m_alice, {{u"title"_s, u"G"_s}, {u"horizon"_s, u"weekly"_s}});
        m_vendor.reply({reply(fourSuggestions()), 200, {}, 5000});
        QNetworkAccessManager network;
        QNetworkRequest request(
            QUrl(m_openAiServer->baseUrl() + u"/api/goals/%1/breakdown"_s.arg(goal)));
        request.setRawHeader("Authorization", "Bearer " + m_alice.token.toUtf8());
        std::unique_ptr<QNetworkReply> answer(network.post(request, QByteArray()));
        // when the server is stopped while the provider is still thinking
        QTRY_COMPARE(m_vendor.requests().size(), 1);
        QCOMPARE(m_openAiServer->terminate(), 0);
        // then the request was answered before the server left, not after the AI timeout
        QTRY_VERIFY(answer->isFinished());
        QCOMPARE(answer->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 500);
        QCOMPARE(QJsonDocument::fromJson(answer->readAll())[u"detail"_s].toString(),
                 u"AI service error: the server is shutting down"_s);
    }
};

QTEST_GUILESS_MAIN(TestPlanning)
#include "tst_planning.moc"
