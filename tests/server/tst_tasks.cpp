#include "ServerFixture.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QTest>
#include <QTimer>
#include <QUrl>
#include <algorithm>

using namespace Qt::StringLiterals;

// The task endpoints of docs/api.md section 3 against the real server and a real
// PostgreSQL: every status code and message, filters, ordering, pagination
// bounds, isolation between users and the version stamps of every change.
class TestTasks : public QObject {
    Q_OBJECT

    struct User {
        qint64 id = 0;
        QString token;
    };

    ServerFixture m_fixture;
    User m_alice;
    User m_bob;

    // A user registered and logged in through the auth routes.
    User makeUser(const QString& name) {
        const HttpClient::Session session = m_fixture.http().registerAndLogin(name);
        return User{session.userId, session.token};
    }

    HttpClient& http() { return m_fixture.http(); }

    QJsonObject createTask(const User& user, const QJsonObject& fields) {
        const HttpResponse response = http().post(u"/api/tasks/"_s, fields, user.token);
        if (response.status != 201)
            qWarning() << "create failed:" << response.describe();
        return response.object();
    }

    static QString taskPath(const QJsonObject& task, const QString& suffix = {}) {
        return u"/api/tasks/%1"_s.arg(task.value(u"id"_s).toInteger()) + suffix;
    }

    QList<qint64> listIds(const User& user, const QString& query) {
        const HttpResponse response = http().get(u"/api/tasks/"_s + query, user.token);
        QList<qint64> ids;
        for (const QJsonValue& task : response.json.toArray())
            ids << task[u"id"_s].toInteger();
        return ids;
    }

    static QJsonArray loc(const HttpResponse& response) {
        return response.json[u"detail"_s][0][u"loc"_s].toArray();
    }

    static QString encoded(const QString& text) {
        return QString::fromLatin1(QUrl::toPercentEncoding(text));
    }

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(m_fixture.start({}, &error), qPrintable(error));
        m_alice = makeUser(u"alice"_s);
        m_bob = makeUser(u"bob"_s);
        QVERIFY(m_alice.id > 0 && m_bob.id > 0);
    }

    void init() {
        // every test starts from empty task and goal tables
        QVERIFY(m_fixture.database().exec(u"DELETE FROM tasks"_s));
        QVERIFY(m_fixture.database().exec(u"DELETE FROM goals"_s));
    }

    void create_answers201WithDefaultsAndNullsForUnsetFields() {
        // when alice creates a task with only a title
        const HttpResponse response =
            http().post(u"/api/tasks/"_s, {{u"title"_s, u"Buy milk"_s}}, m_alice.token);
        // then 201 with the defaults and null (not []) for what was never set
        QVERIFY2(response.status == 201, response.describe().constData());
        const QJsonObject task = response.object();
        QVERIFY(task.value(u"id"_s).toInteger() > 0);
        QCOMPARE(task.value(u"user_id"_s).toInteger(), m_alice.id);
        QCOMPARE(task.value(u"title"_s).toString(), u"Buy milk"_s);
        QCOMPARE(task.value(u"priority"_s).toInteger(), 3);
        QCOMPARE(task.value(u"status"_s).toString(), u"pending"_s);
        for (const auto& name : {u"description"_s, u"category"_s, u"estimated_hours"_s,
                                 u"actual_hours"_s, u"due_date"_s, u"parent_goal_id"_s,
                                 u"dependencies"_s, u"notes"_s, u"tags"_s, u"completed_at"_s})
            QVERIFY2(task.value(name).isNull(), qPrintable(name));
        QCOMPARE(QUuid::fromString(task.value(u"uuid"_s).toString()).isNull(), false);
        QVERIFY(task.value(u"version"_s).toInteger() > 0);
        QVERIFY(!task.value(u"created_at"_s).toString().isEmpty());
        QCOMPARE(task.value(u"updated_at"_s), task.value(u"created_at"_s));
        // and GET answers the same task
        const HttpResponse fetched = http().get(taskPath(task), m_alice.token);
        QCOMPARE(fetched.status, 200);
        QCOMPARE(fetched.object(), task);
    }

    void create_withEveryField_roundTrips() {
        // given a goal of alice's and an earlier task to depend on
        const HttpResponse goal = http().post(
            u"/api/goals/"_s, {{u"title"_s, u"G"_s}, {u"horizon"_s, u"weekly"_s}}, m_alice.token);
        QCOMPARE(goal.status, 201);
        const QJsonObject first = createTask(m_alice, {{u"title"_s, u"first"_s}});
        // when a task is created with every writable field
        const QJsonObject body{
            {u"title"_s, u"Write report"_s},
            {u"description"_s, u"Quarterly numbers"_s},
            {u"priority"_s, 1},
            {u"status"_s, u"in_progress"_s},
            {u"category"_s, u"work"_s},
            {u"estimated_hours"_s, 2.5},
            {u"actual_hours"_s, 0.25},
            {u"due_date"_s, u"2030-01-01T12:30:00.123+02:00"_s},
            {u"parent_goal_id"_s, goal.object().value(u"id"_s)},
            {u"dependencies"_s, QJsonArray{first.value(u"id"_s)}},
            {u"notes"_s, u"see wiki"_s},
            {u"tags"_s, QJsonArray{u"q1"_s, u"finance"_s}},
        };
        const HttpResponse response = http().post(u"/api/tasks"_s, body, m_alice.token);
        // then every value comes back, times in UTC with their milliseconds
        QVERIFY2(response.status == 201, response.describe().constData());
        const QJsonObject task = response.object();
        for (auto it = body.begin(); it != body.end(); ++it) {
            if (it.key() != u"due_date"_s)
                QCOMPARE(task.value(it.key()), it.value());
        }
        QCOMPARE(task.value(u"due_date"_s).toString(), u"2030-01-01T10:30:00.123"_s);
        QCOMPARE(http().get(taskPath(task), m_alice.token).object(), task);
    }

    void list_answersEachTaskExactlyAsGetDoes() {
        // given tasks with every kind of value: all fields, none, odd text,
        // times with and without milliseconds, fractions that need every digit
        const QJsonObject first = createTask(m_alice, {{u"title"_s, u"dep"_s}});
        createTask(m_alice, {{u"title"_s, u"bare"_s}});
        createTask(m_alice, {{u"title"_s, u"Quote \" back\\slash \t tab \n nl \u0001 ünï 🚀 </x>"_s},
                             {u"description"_s, u"line\r\nline"_s},
                             {u"priority"_s, 2},
                             {u"status"_s, u"completed"_s},
                             {u"category"_s, u"c"_s},
                             {u"estimated_hours"_s, 0.1 + 0.2},
                             {u"actual_hours"_s, 3},
                             {u"due_date"_s, u"2030-01-01T00:00:00.001Z"_s},
                             {u"dependencies"_s, QJsonArray{first.value(u"id"_s)}},
                             {u"notes"_s, u""_s},
                             {u"tags"_s, QJsonArray{u"a"_s, u"\"b\""_s, u""_s}}});
        createTask(m_alice, {{u"title"_s, u"empty lists"_s},
                             {u"tags"_s, QJsonArray{}},
                             {u"dependencies"_s, QJsonArray{}},
                             {u"due_date"_s, u"1999-12-31T23:59:59+01:00"_s}});
        // when alice lists them, then each entry is what GET answers for it
        const QJsonArray listed = http().get(u"/api/tasks/"_s, m_alice.token).json.toArray();
        QCOMPARE(listed.size(), 4);
        for (const QJsonValue& entry : listed) {
            const QJsonObject task = entry.toObject();
            QCOMPARE(task, http().get(taskPath(task), m_alice.token).object());
        }
    }

    void create_ignoresFieldsTheServerOwns() {
        // when alice sends an id, another user_id, a uuid and a version of her own
        const QString uuid = u"6f1b9a3c-0d4e-4f5a-8b6c-7d8e9f0a1b2c"_s;
        const HttpResponse response = http().post(u"/api/tasks/"_s,
                                                  {{u"title"_s, u"mine"_s},
                                                   {u"id"_s, 424242},
                                                   {u"user_id"_s, m_bob.id},
                                                   {u"uuid"_s, uuid},
                                                   {u"version"_s, 999999},
                                                   {u"created_at"_s, u"2001-01-01T00:00:00"_s}},
                                                  m_alice.token);
        // then the server assigns them and the task is alice's
        QVERIFY2(response.status == 201, response.describe().constData());
        const QJsonObject task = response.object();
        QCOMPARE_NE(task.value(u"id"_s).toInteger(), 424242);
        QCOMPARE(task.value(u"user_id"_s).toInteger(), m_alice.id);
        QCOMPARE_NE(task.value(u"uuid"_s).toString(), uuid);
        QVERIFY(task.value(u"version"_s).toInteger() < 999999);
        QCOMPARE_NE(task.value(u"created_at"_s).toString(), u"2001-01-01T00:00:00"_s);
        QCOMPARE(http().get(u"/api/tasks/"_s, m_bob.token).json.toArray().size(), 0);
        // and a PATCH cannot hand it to bob either
        const HttpResponse patched =
            http().patch(taskPath(task), {{u"user_id"_s, m_bob.id}}, m_alice.token);
        QCOMPARE(patched.object().value(u"user_id"_s).toInteger(), m_alice.id);
    }

    void create_withoutTrailingSlash_works() {
        const HttpResponse response =
            http().post(u"/api/tasks"_s, {{u"title"_s, u"no slash"_s}}, m_alice.token);
        QCOMPARE(response.status, 201);
        QCOMPARE(http().get(u"/api/tasks"_s, m_alice.token).json.toArray().size(), 1);
    }

    void create_invalidBodies_are422WithTheirPlace_data() {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QJsonArray>("expectedLoc");
        QTest::addColumn<QString>("expectedType");
        const auto at = [](const QString& field) { return QJsonArray{u"body"_s, field}; };
        QTest::newRow("missing title") << "{}"_ba << at(u"title"_s) << u"missing"_s;
        QTest::newRow("null title") << "{\"title\":null}"_ba << at(u"title"_s) << u"string_type"_s;
        QTest::newRow("empty title")
            << "{\"title\":\"\"}"_ba << at(u"title"_s) << u"string_too_short"_s;
        QTest::newRow("title 501") << QByteArray("{\"title\":\"" + QByteArray(501, 'x') + "\"}")
                                   << at(u"title"_s) << u"string_too_long"_s;
        QTest::newRow("priority 0") << "{\"title\":\"t\",\"priority\":0}"_ba << at(u"priority"_s)
                                    << u"greater_than_equal"_s;
        QTest::newRow("priority 6")
            << "{\"title\":\"t\",\"priority\":6}"_ba << at(u"priority"_s) << u"less_than_equal"_s;
        QTest::newRow("null priority")
            << "{\"title\":\"t\",\"priority\":null}"_ba << at(u"priority"_s) << u"int_type"_s;
        QTest::newRow("bad status")
            << "{\"title\":\"t\",\"status\":\"done\"}"_ba << at(u"status"_s) << u"enum"_s;
        QTest::newRow("null status")
            << "{\"title\":\"t\",\"status\":null}"_ba << at(u"status"_s) << u"string_type"_s;
        QTest::newRow("negative hours") << "{\"title\":\"t\",\"estimated_hours\":-1}"_ba
                                        << at(u"estimated_hours"_s) << u"greater_than_equal"_s;
        QTest::newRow("category 101")
            << QByteArray("{\"title\":\"t\",\"category\":\"" + QByteArray(101, 'c') + "\"}")
            << at(u"category"_s) << u"string_too_long"_s;
        QTest::newRow("bad due date") << "{\"title\":\"t\",\"due_date\":\"tomorrow\"}"_ba
                                      << at(u"due_date"_s) << u"datetime_parsing"_s;
        QTest::newRow("tags not a list")
            << "{\"title\":\"t\",\"tags\":\"a\"}"_ba << at(u"tags"_s) << u"list_type"_s;
        QTest::newRow("malformed JSON")
            << "{\"title\": "_ba << QJsonArray{u"body"_s} << u"json_invalid"_s;
        QTest::newRow("array body") << "[]"_ba << QJsonArray{u"body"_s} << u"dict_type"_s;
    }

    void create_invalidBodies_are422WithTheirPlace() {
        QFETCH(QByteArray, body);
        QFETCH(QJsonArray, expectedLoc);
        QFETCH(QString, expectedType);
        // when alice posts an invalid body
        const HttpResponse response =
            http().send("POST", u"/api/tasks/"_s, body,
                        {{"Authorization", "Bearer " + m_alice.token.toUtf8()}});
        // then 422 names the place and the kind of error, and nothing is stored
        QVERIFY2(response.status == 422, response.describe().constData());
        QCOMPARE(loc(response), expectedLoc);
        QCOMPARE(response.json[u"detail"_s][0][u"type"_s].toString(), expectedType);
        QCOMPARE(http().get(u"/api/tasks/"_s, m_alice.token).json.toArray().size(), 0);
    }

    void withoutToken_is401NotAuthenticated() {
        const HttpResponse response = http().get(u"/api/tasks/"_s);
        QCOMPARE(response.status, 401);
        QCOMPARE(response.detail(), u"Not authenticated"_s);
        QCOMPARE(response.header("www-authenticate"), "Bearer"_ba);
        QCOMPARE(http().post(u"/api/tasks/"_s, {{u"title"_s, u"x"_s}}).status, 401);
    }

    void parentGoalOfAnotherUser_is400() {
        // given bob's goal
        const HttpResponse goal = http().post(
            u"/api/goals/"_s, {{u"title"_s, u"Bob's"_s}, {u"horizon"_s, u"yearly"_s}}, m_bob.token);
        const qint64 goalId = goal.object().value(u"id"_s).toInteger();
        // when alice creates a task under it, or under a goal that does not exist
        const HttpResponse foreign = http().post(
            u"/api/tasks/"_s, {{u"title"_s, u"t"_s}, {u"parent_goal_id"_s, goalId}}, m_alice.token);
        const HttpResponse missing = http().post(
            u"/api/tasks/"_s, {{u"title"_s, u"t"_s}, {u"parent_goal_id"_s, 999999}}, m_alice.token);
        // then 400 with the contract's words, and nothing is stored
        QCOMPARE(foreign.status, 400);
        QCOMPARE(foreign.detail(), u"Goal %1 not found or doesn't belong to you"_s.arg(goalId));
        QCOMPARE(missing.status, 400);
        QCOMPARE(missing.detail(), u"Goal 999999 not found or doesn't belong to you"_s);
        // and moving an existing task there is refused the same way
        const QJsonObject task = createTask(m_alice, {{u"title"_s, u"mine"_s}});
        const HttpResponse moved =
            http().patch(taskPath(task), {{u"parent_goal_id"_s, goalId}}, m_alice.token);
        QCOMPARE(moved.status, 400);
        QCOMPARE(moved.detail(), u"Goal %1 not found or doesn't belong to you"_s.arg(goalId));
        QCOMPARE(http().get(u"/api/tasks/"_s, m_alice.token).json.toArray().size(), 1);
    }

    void dependencies_areTheCallersTaskIds() {
        // given two tasks of alice's and one of bob's
        const QJsonObject a = createTask(m_alice, {{u"title"_s, u"a"_s}});
        const QJsonObject b = createTask(m_alice, {{u"title"_s, u"b"_s}});
        const QJsonObject bobs = createTask(m_bob, {{u"title"_s, u"bob"_s}});
        // when a task depends on alice's two tasks
        const QJsonArray ids{a.value(u"id"_s), b.value(u"id"_s)};
        const QJsonObject c = createTask(m_alice, {{u"title"_s, u"c"_s}, {u"dependencies"_s, ids}});
        // then the list comes back as given; [] stays [] and bob's task is refused
        QCOMPARE(c.value(u"dependencies"_s).toArray(), ids);
        const HttpResponse cleared =
            http().patch(taskPath(c), {{u"dependencies"_s, QJsonArray{}}}, m_alice.token);
        QCOMPARE(cleared.object().value(u"dependencies"_s), QJsonValue(QJsonArray{}));
        const HttpResponse foreign = http().patch(
            taskPath(c), {{u"dependencies"_s, QJsonArray{bobs.value(u"id"_s)}}}, m_alice.token);
        QCOMPARE(foreign.status, 400);
        QCOMPARE(foreign.detail(), u"Dependency task %1 not found or doesn't belong to you"_s.arg(
                                       bobs.value(u"id"_s).toInteger()));
        const HttpResponse self = http().patch(
            taskPath(c), {{u"dependencies"_s, QJsonArray{c.value(u"id"_s)}}}, m_alice.token);
        QCOMPARE(self.status, 400);
    }

    void anotherUsersTask_is404ForEveryEndpoint() {
        // given bob's task
        const QJsonObject task = createTask(m_bob, {{u"title"_s, u"private"_s}});
        const qint64 id = task.value(u"id"_s).toInteger();
        const QString expected = u"Task %1 not found"_s.arg(id);
        // when alice reads, edits, completes or deletes it, then 404 each time
        const QList<HttpResponse> answers{
            http().get(taskPath(task), m_alice.token),
            http().patch(taskPath(task), {{u"title"_s, u"mine now"_s}}, m_alice.token),
            http().post(taskPath(task, u"/complete"_s), {}, m_alice.token),
            http().post(taskPath(task, u"/uncomplete"_s), {}, m_alice.token),
            http().del(taskPath(task), m_alice.token),
        };
        for (const HttpResponse& response : answers) {
            QVERIFY2(response.status == 404, response.describe().constData());
            QCOMPARE(response.detail(), expected);
        }
        // and bob's task is untouched
        QCOMPARE(http().get(taskPath(task), m_bob.token).object(), task);
        // and alice's list does not show it
        QCOMPARE(http().get(u"/api/tasks/"_s, m_alice.token).json.toArray().size(), 0);
    }

    void missingTask_is404_andNonIntegerId_is422() {
        const HttpResponse missing = http().get(u"/api/tasks/424242"_s, m_alice.token);
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.detail(), u"Task 424242 not found"_s);
        for (const QString& path :
             {u"/api/tasks/abc"_s, u"/api/tasks/1.5"_s, u"/api/tasks/abc/complete"_s}) {
            const HttpResponse response = path.endsWith(u"complete"_s)
                                              ? http().post(path, {}, m_alice.token)
                                              : http().get(path, m_alice.token);
            QVERIFY2(response.status == 422, response.describe().constData());
            QCOMPARE(loc(response), (QJsonArray{u"path"_s, u"task_id"_s}));
        }
        const HttpResponse patch =
            http().patch(u"/api/tasks/x"_s, {{u"title"_s, u"t"_s}}, m_alice.token);
        QCOMPARE(patch.status, 422);
        QCOMPARE(loc(patch), (QJsonArray{u"path"_s, u"task_id"_s}));
        QCOMPARE(http().del(u"/api/tasks/x"_s, m_alice.token).status, 422);
    }

    void patch_changesOnlyTheSentFields() {
        // given a task with a description, category and tags
        const QJsonObject task = createTask(m_alice, {{u"title"_s, u"Plan"_s},
                                                      {u"description"_s, u"first draft"_s},
                                                      {u"category"_s, u"home"_s},
                                                      {u"tags"_s, QJsonArray{u"x"_s}}});
        // when only the title changes and the description is cleared with null
        const HttpResponse response = http().patch(
            taskPath(task), {{u"title"_s, u"Plan v2"_s}, {u"description"_s, QJsonValue::Null}},
            m_alice.token);
        // then those two changed, everything else stayed, and the version moved on
        QCOMPARE(response.status, 200);
        const QJsonObject patched = response.object();
        QCOMPARE(patched.value(u"title"_s).toString(), u"Plan v2"_s);
        QVERIFY(patched.value(u"description"_s).isNull());
        QCOMPARE(patched.value(u"category"_s).toString(), u"home"_s);
        QCOMPARE(patched.value(u"tags"_s).toArray(), QJsonArray{u"x"_s});
        QCOMPARE(patched.value(u"priority"_s).toInteger(), 3);
        QCOMPARE(patched.value(u"created_at"_s), task.value(u"created_at"_s));
        QVERIFY(patched.value(u"version"_s).toInteger() > task.value(u"version"_s).toInteger());
        QCOMPARE(http().get(taskPath(task), m_alice.token).object(), patched);
    }

    void patch_explicitNullForRequiredField_is422_andStoresNothing() {
        const QJsonObject task = createTask(m_alice, {{u"title"_s, u"Keep me"_s}});
        for (const auto& field : {u"title"_s, u"priority"_s, u"status"_s}) {
            const HttpResponse response =
                http().patch(taskPath(task), {{field, QJsonValue::Null}}, m_alice.token);
            QVERIFY2(response.status == 422, response.describe().constData());
            QCOMPARE(loc(response), (QJsonArray{u"body"_s, field}));
        }
        QCOMPARE(http().get(taskPath(task), m_alice.token).object(), task);
    }

    void patch_statusKeepsCompletedAtInStep() {
        const QJsonObject task = createTask(m_alice, {{u"title"_s, u"t"_s}});
        // when the status becomes completed, then completed_at is set
        const QJsonObject done =
            http().patch(taskPath(task), {{u"status"_s, u"completed"_s}}, m_alice.token).object();
        QCOMPARE(done.value(u"status"_s).toString(), u"completed"_s);
        QVERIFY(!done.value(u"completed_at"_s).toString().isEmpty());
        // when it goes back to in_progress, then completed_at is cleared
        const QJsonObject reopened =
            http().patch(taskPath(task), {{u"status"_s, u"in_progress"_s}}, m_alice.token).object();
        QVERIFY(reopened.value(u"completed_at"_s).isNull());
    }

    void completeAndUncomplete_withTheirRefusals() {
        const QJsonObject task = createTask(m_alice, {{u"title"_s, u"Run"_s}});
        const qint64 id = task.value(u"id"_s).toInteger();
        // when it is completed with actual hours
        const HttpResponse done =
            http().post(taskPath(task, u"/complete"_s), {{u"actual_hours"_s, 1.5}}, m_alice.token);
        // then status, completed_at and actual_hours are set
        QCOMPARE(done.status, 200);
        QCOMPARE(done.object().value(u"status"_s).toString(), u"completed"_s);
        QVERIFY(!done.object().value(u"completed_at"_s).toString().isEmpty());
        QCOMPARE(done.object().value(u"actual_hours"_s).toDouble(), 1.5);
        // and completing again is a 400
        const HttpResponse again = http().post(taskPath(task, u"/complete"_s), {}, m_alice.token);
        QCOMPARE(again.status, 400);
        QCOMPARE(again.detail(), u"Task %1 is already completed"_s.arg(id));
        // when it is uncompleted, then it is pending without completed_at
        const HttpResponse undone =
            http().post(taskPath(task, u"/uncomplete"_s), {}, m_alice.token);
        QCOMPARE(undone.status, 200);
        QCOMPARE(undone.object().value(u"status"_s).toString(), u"pending"_s);
        QVERIFY(undone.object().value(u"completed_at"_s).isNull());
        QCOMPARE(undone.object().value(u"actual_hours"_s).toDouble(), 1.5);
        // and uncompleting again is a 400
        const HttpResponse undoneAgain =
            http().post(taskPath(task, u"/uncomplete"_s), {}, m_alice.token);
        QCOMPARE(undoneAgain.status, 400);
        QCOMPARE(undoneAgain.detail(), u"Task %1 is not completed"_s.arg(id));
        // and complete without a body works too; bad hours are a 422
        const HttpResponse negative =
            http().post(taskPath(task, u"/complete"_s), {{u"actual_hours"_s, -2}}, m_alice.token);
        QCOMPARE(negative.status, 422);
        QCOMPARE(loc(negative), (QJsonArray{u"body"_s, u"actual_hours"_s}));
        const HttpResponse bare =
            http().send("POST", taskPath(task, u"/complete"_s), {},
                        {{"Authorization", "Bearer " + m_alice.token.toUtf8()}});
        QCOMPARE(bare.status, 200);
    }

    void delete_is204WithAnEmptyBody_andLeavesATombstone() {
        const QJsonObject task = createTask(m_alice, {{u"title"_s, u"Temporary"_s}});
        const qint64 versionBefore =
            m_fixture.database()
                .scalar(u"SELECT counter FROM user_sync_state WHERE user_id = ?"_s, {m_alice.id})
                .toLongLong();
        // when it is deleted
        const HttpResponse response = http().del(taskPath(task), m_alice.token);
        // then 204 with nothing in the body, and it is gone
        QCOMPARE(response.status, 204);
        QVERIFY(response.body.isEmpty());
        QCOMPARE(http().get(taskPath(task), m_alice.token).status, 404);
        QCOMPARE(http().del(taskPath(task), m_alice.token).status, 404);
        // and a tombstone with a new version tells the delta sync
        const qint64 tombstoneVersion =
            m_fixture.database()
                .scalar(
                    u"SELECT version FROM tombstones WHERE uuid = ?::uuid AND entity = 'task'"_s,
                    {task.value(u"uuid"_s).toString()})
                .toLongLong();
        QVERIFY(tombstoneVersion > versionBefore);
    }

    void list_ordersByPriorityThenDueDateThenNewestFirst() {
        // given tasks created in this order
        const auto make = [&](const QString& title, int priority, const QJsonValue& due) {
            QJsonObject fields{{u"title"_s, title}, {u"priority"_s, priority}};
            if (!due.isNull())
                fields.insert(u"due_date"_s, due);
            return createTask(m_alice, fields).value(u"id"_s).toInteger();
        };
        const qint64 p2NoDueOld = make(u"a"_s, 2, QJsonValue::Null);
        const qint64 p2Later = make(u"b"_s, 2, u"2030-02-01T00:00:00"_s);
        const qint64 p1 = make(u"c"_s, 1, QJsonValue::Null);
        const qint64 p2Sooner = make(u"d"_s, 2, u"2030-01-01T00:00:00"_s);
        const qint64 p2NoDueNew = make(u"e"_s, 2, QJsonValue::Null);
        const qint64 p5 = make(u"f"_s, 5, u"2020-01-01T00:00:00"_s);
        // when alice lists her tasks
        // then priority ascending, due date ascending with nulls last, newest first
        QCOMPARE(listIds(m_alice, {}),
                 (QList<qint64>{p1, p2Sooner, p2Later, p2NoDueNew, p2NoDueOld, p5}));
    }

    void list_filters() {
        const HttpResponse goal = http().post(
            u"/api/goals/"_s, {{u"title"_s, u"G"_s}, {u"horizon"_s, u"monthly"_s}}, m_alice.token);
        const qint64 goalId = goal.object().value(u"id"_s).toInteger();
        const qint64 work = createTask(m_alice, {{u"title"_s, u"Quarterly REPORT"_s},
                                                 {u"category"_s, u"work"_s},
                                                 {u"priority"_s, 1}})
                                .value(u"id"_s)
                                .toInteger();
        const qint64 home = createTask(m_alice, {{u"title"_s, u"Groceries"_s},
                                                 {u"description"_s, u"milk and a report card"_s},
                                                 {u"category"_s, u"home"_s},
                                                 {u"status"_s, u"blocked"_s},
                                                 {u"parent_goal_id"_s, goalId}})
                                .value(u"id"_s)
                                .toInteger();
        createTask(m_bob, {{u"title"_s, u"bob's report"_s}, {u"category"_s, u"work"_s}});
        QCOMPARE(listIds(m_alice, u"?status=blocked"_s), QList<qint64>{home});
        QCOMPARE(listIds(m_alice, u"?category=work"_s), QList<qint64>{work});
        QCOMPARE(listIds(m_alice, u"?priority=1"_s), QList<qint64>{work});
        QCOMPARE(listIds(m_alice, u"?goal_id=%1"_s.arg(goalId)), QList<qint64>{home});
        // search: title or description, case-insensitive, only alice's
        QCOMPARE(listIds(m_alice, u"?search=rEpOrT"_s), (QList<qint64>{work, home}));
        QCOMPARE(listIds(m_alice, u"?search=report+card"_s), QList<qint64>{home});
        QCOMPARE(listIds(m_alice, u"?search=report&category=home&status=blocked"_s),
                 QList<qint64>{home});
        QCOMPARE(listIds(m_alice, u"?status=completed"_s), QList<qint64>{});
    }

    void list_badQueryValues_are422WithTheirPlace_data() {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("name");
        QTest::newRow("limit 0") << u"limit=0"_s << u"limit"_s;
        QTest::newRow("limit 501") << u"limit=501"_s << u"limit"_s;
        QTest::newRow("limit text") << u"limit=ten"_s << u"limit"_s;
        QTest::newRow("offset -1") << u"offset=-1"_s << u"offset"_s;
        QTest::newRow("priority 6") << u"priority=6"_s << u"priority"_s;
        QTest::newRow("priority 0") << u"priority=0"_s << u"priority"_s;
        QTest::newRow("status") << u"status=done"_s << u"status"_s;
        QTest::newRow("search 201") << QString(u"search="_s + QString(201, u'a')) << u"search"_s;
        QTest::newRow("goal_id") << u"goal_id=abc"_s << u"goal_id"_s;
    }

    void list_badQueryValues_are422WithTheirPlace() {
        QFETCH(QString, query);
        QFETCH(QString, name);
        const HttpResponse response = http().get(u"/api/tasks/?"_s + query, m_alice.token);
        QVERIFY2(response.status == 422, response.describe().constData());
        QCOMPARE(loc(response), (QJsonArray{u"query"_s, name}));
    }

    void list_paginates() {
        // given 105 tasks
        for (int i = 0; i < 105; ++i)
            createTask(m_alice, {{u"title"_s, u"task %1"_s.arg(i)}});
        // then the default page has 100, limit 500 and 1 are allowed, offset pages on
        const QList<qint64> all = listIds(m_alice, u"?limit=500"_s);
        QCOMPARE(all.size(), 105);
        QCOMPARE(listIds(m_alice, {}).size(), 100);
        QCOMPARE(listIds(m_alice, u"?limit=1"_s), all.mid(0, 1));
        QCOMPARE(listIds(m_alice, u"?limit=10&offset=100"_s), all.mid(100));
        QCOMPARE(listIds(m_alice, u"?offset=105"_s), QList<qint64>{});
    }

    void sqlInjectionAndWildcards_areStoredAndSearchedVerbatim() {
        // given titles that look like SQL and LIKE wildcards
        const QStringList titles{u"Robert'); DROP TABLE tasks;--"_s,
                                 u"100% done"_s,
                                 u"snake_case"_s,
                                 u"back\\slash"_s,
                                 u"quote \" and '"_s,
                                 u"C++ and a+b"_s};
        QList<qint64> ids;
        for (const QString& title : titles) {
            const QJsonObject task =
                createTask(m_alice, {{u"title"_s, title}, {u"category"_s, title}});
            QCOMPARE(task.value(u"title"_s).toString(), title);
            ids << task.value(u"id"_s).toInteger();
        }
        createTask(m_alice, {{u"title"_s, u"1000 dollars"_s}});
        createTask(m_alice, {{u"title"_s, u"snakeXcase"_s}});
        // then each is found by exactly its own text, wildcards included
        for (qsizetype i = 0; i < titles.size(); ++i) {
            QCOMPARE(listIds(m_alice, u"?search="_s + encoded(titles[i])), QList<qint64>{ids[i]});
            QCOMPARE(listIds(m_alice, u"?category="_s + encoded(titles[i])), QList<qint64>{ids[i]});
        }
        QCOMPARE(listIds(m_alice, u"?search=%25"_s), QList<qint64>{ids[1]});
        QCOMPARE(listIds(m_alice, u"?search=_"_s), QList<qint64>{ids[2]});
        // and the table is still there with everything in it
        QCOMPARE(listIds(m_alice, {}).size(), titles.size() + 2);
    }

    void stats_summariseOnlyTheCallersTasks() {
        createTask(m_alice, {{u"title"_s, u"a"_s},
                             {u"category"_s, u"work"_s},
                             {u"priority"_s, 1},
                             {u"due_date"_s, u"2000-01-01T00:00:00"_s}});
        createTask(m_alice, {{u"title"_s, u"b"_s},
                             {u"category"_s, u"work"_s},
                             {u"status"_s, u"completed"_s},
                             {u"due_date"_s, u"2000-01-01T00:00:00"_s}});
        createTask(m_alice, {{u"title"_s, u"c"_s}, {u"due_date"_s, u"2999-01-01T00:00:00"_s}});
        createTask(m_bob, {{u"title"_s, u"bob"_s}, {u"due_date"_s, u"2000-01-01T00:00:00"_s}});
        const HttpResponse response = http().get(u"/api/tasks/stats/summary"_s, m_alice.token);
        QCOMPARE(response.status, 200);
        const QJsonObject stats = response.object();
        QCOMPARE(stats.value(u"total"_s).toInteger(), 3);
        QCOMPARE(stats.value(u"by_status"_s).toObject(),
                 (QJsonObject{{u"pending"_s, 2}, {u"completed"_s, 1}}));
        QCOMPARE(stats.value(u"by_priority"_s).toObject(), (QJsonObject{{u"1"_s, 1}, {u"3"_s, 2}}));
        QCOMPARE(stats.value(u"by_category"_s).toObject(),
                 (QJsonObject{{u"work"_s, 2}, {u"uncategorized"_s, 1}}));
        // overdue: due in the past and not completed
        QCOMPARE(stats.value(u"overdue"_s).toInteger(), 1);
        QCOMPARE(http()
                     .get(u"/api/tasks/stats/summary/"_s, m_bob.token)
                     .object()
                     .value(u"total"_s)
                     .toInteger(),
                 1);
    }

    void concurrentWrites_getDistinctVersions_inCommitOrder() {
        // given one user sending 24 creates at once over parallel connections
        QNetworkAccessManager network;
        QList<QNetworkReply*> replies;
        for (int i = 0; i < 24; ++i) {
            QNetworkRequest request(QUrl(http().baseUrl() + u"/api/tasks/"_s));
            request.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
            request.setRawHeader("Authorization", "Bearer " + m_alice.token.toUtf8());
            replies << network.post(
                request, QJsonDocument(QJsonObject{{u"title"_s, u"parallel %1"_s.arg(i)}})
                             .toJson(QJsonDocument::Compact));
        }
        for (QNetworkReply* reply : replies) {
            if (!reply->isFinished()) {
                QEventLoop loop;
                connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
                QTimer::singleShot(60000, &loop, &QEventLoop::quit);
                loop.exec();
            }
        }
        // then every create succeeded with its own version, and the user's
        // counter stands at the highest one
        QSet<qint64> versions;
        for (QNetworkReply* reply : replies) {
            QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 201);
            versions.insert(
                QJsonDocument::fromJson(reply->readAll()).object().value(u"version"_s).toInteger());
            reply->deleteLater();
        }
        QCOMPARE(versions.size(), 24);
        const qint64 counter =
            m_fixture.database()
                .scalar(u"SELECT counter FROM user_sync_state WHERE user_id = ?"_s, {m_alice.id})
                .toLongLong();
        QCOMPARE(counter, *std::max_element(versions.begin(), versions.end()));
        // and the rows carry exactly those versions
        QCOMPARE(m_fixture.database()
                     .scalar(u"SELECT count(DISTINCT version) FROM tasks WHERE user_id = ?"_s,
                             {m_alice.id})
                     .toLongLong(),
                 24);
    }

    void everyChange_getsAHigherVersion_andTheCounterFollows() {
        const QJsonObject task = createTask(m_alice, {{u"title"_s, u"v"_s}});
        QList<qint64> versions{task.value(u"version"_s).toInteger()};
        versions << http()
                        .patch(taskPath(task), {{u"title"_s, u"v2"_s}}, m_alice.token)
                        .object()
                        .value(u"version"_s)
                        .toInteger();
        versions << http()
                        .post(taskPath(task, u"/complete"_s), {}, m_alice.token)
                        .object()
                        .value(u"version"_s)
                        .toInteger();
        versions << http()
                        .post(taskPath(task, u"/uncomplete"_s), {}, m_alice.token)
                        .object()
                        .value(u"version"_s)
                        .toInteger();
        for (qsizetype i = 1; i < versions.size(); ++i)
            QVERIFY2(versions[i] > versions[i - 1], qPrintable(QString::number(versions[i])));
        const qint64 counter =
            m_fixture.database()
                .scalar(u"SELECT counter FROM user_sync_state WHERE user_id = ?"_s, {m_alice.id})
                .toLongLong();
        QCOMPARE(counter, versions.last());
        // a refused change does not move anything
        QCOMPARE(http().patch(taskPath(task), {{u"title"_s, u""_s}}, m_alice.token).status, 422);
        QCOMPARE(http().get(taskPath(task), m_alice.token).object().value(u"version"_s).toInteger(),
                 versions.last());
    }
};

QTEST_GUILESS_MAIN(TestTasks)
#include "tst_tasks.moc"
