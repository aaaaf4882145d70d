#include "ServerFixture.h"

#include <QJsonArray>
#include <QTest>
#include <QUrl>

using namespace Qt::StringLiterals;

// The goal endpoints of docs/api.md section 4 against the real server and a real
// PostgreSQL: the hierarchy rules (own parent, cycles at any depth), the
// progress rule, completed bookkeeping, deletes that orphan children,
// filters, ordering, pagination and isolation between users.
class TestGoals : public QObject {
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

    QJsonObject createGoal(const User& user, const QString& title, const QJsonObject& extra = {}) {
        QJsonObject fields = extra;
        fields.insert(u"title"_s, title);
        if (!fields.contains(u"horizon"_s))
            fields.insert(u"horizon"_s, u"yearly"_s);
        const HttpResponse response = http().post(u"/api/goals/"_s, fields, user.token);
        if (response.status != 201)
            qWarning() << "create failed:" << response.describe();
        return response.object();
    }

    QJsonObject createTask(const User& user, const QJsonObject& goal, const QString& status) {
        return http()
            .post(u"/api/tasks/"_s,
                  {{u"title"_s, u"task"_s},
                   {u"status"_s, status},
                   {u"parent_goal_id"_s, goal.value(u"id"_s)}},
                  user.token)
            .object();
    }

    static QString goalPath(const QJsonObject& goal, const QString& suffix = {}) {
        return u"/api/goals/%1"_s.arg(goal.value(u"id"_s).toInteger()) + suffix;
    }

    static qint64 idOf(const QJsonObject& object) { return object.value(u"id"_s).toInteger(); }

    HttpResponse moveUnder(const QJsonObject& goal, const QJsonValue& parentId) {
        return http().patch(goalPath(goal), {{u"parent_goal_id"_s, parentId}}, m_alice.token);
    }

    QJsonObject calculate(const QJsonObject& goal) {
        return http().post(goalPath(goal, u"/calculate-progress"_s), {}, m_alice.token).object();
    }

    QList<qint64> listIds(const User& user, const QString& query) {
        QList<qint64> ids;
        for (const QJsonValue& goal :
             http().get(u"/api/goals/"_s + query, user.token).json.toArray())
            ids << goal[u"id"_s].toInteger();
        return ids;
    }

    static QJsonArray loc(const HttpResponse& response) {
        return response.json[u"detail"_s][0][u"loc"_s].toArray();
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
        QVERIFY(m_fixture.database().exec(u"DELETE FROM tasks"_s));
        QVERIFY(m_fixture.database().exec(u"DELETE FROM goals"_s));
    }

    void create_answers201WithDefaults() {
        // when alice creates a goal with a title, a horizon and metrics
        const HttpResponse response = http().post(
            u"/api/goals"_s,
            {{u"title"_s, u"Run a marathon"_s},
             {u"horizon"_s, u"quarterly"_s},
             {u"target_date"_s, u"2030-06-30T00:00:00Z"_s},
             {u"metrics"_s, QJsonObject{{u"km"_s, 42.195}, {u"runs"_s, QJsonArray{1, 2}}}}},
            m_alice.token);
        // then 201 with the defaults, the metrics as sent, and no counts
        QVERIFY2(response.status == 201, response.describe().constData());
        const QJsonObject goal = response.object();
        QCOMPARE(goal.value(u"user_id"_s).toInteger(), m_alice.id);
        QCOMPARE(goal.value(u"status"_s).toString(), u"active"_s);
        QCOMPARE(goal.value(u"progress_percentage"_s).toDouble(), 0.0);
        QCOMPARE(goal.value(u"target_date"_s).toString(), u"2030-06-30T00:00:00"_s);
        QCOMPARE(goal.value(u"metrics"_s).toObject(),
                 (QJsonObject{{u"km"_s, 42.195}, {u"runs"_s, QJsonArray{1, 2}}}));
        for (const auto& name : {u"parent_goal_id"_s, u"description"_s, u"success_criteria"_s,
                                 u"completed_at"_s, u"task_count"_s, u"subgoal_count"_s})
            QVERIFY2(goal.value(name).isNull(), qPrintable(name));
        QVERIFY(goal.value(u"version"_s).toInteger() > 0);
        QCOMPARE(http().get(goalPath(goal), m_alice.token).object(), goal);
    }

    void create_invalidBodies_are422() {
        const auto post = [&](const QJsonObject& body) {
            return http().post(u"/api/goals/"_s, body, m_alice.token);
        };
        const HttpResponse noHorizon = post({{u"title"_s, u"t"_s}});
        QCOMPARE(noHorizon.status, 422);
        QCOMPARE(loc(noHorizon), (QJsonArray{u"body"_s, u"horizon"_s}));
        const HttpResponse nullHorizon = post({{u"title"_s, u"t"_s}, {u"horizon"_s, QJsonValue()}});
        QCOMPARE(nullHorizon.status, 422);
        QCOMPARE(loc(nullHorizon), (QJsonArray{u"body"_s, u"horizon"_s}));
        const HttpResponse badHorizon = post({{u"title"_s, u"t"_s}, {u"horizon"_s, u"daily"_s}});
        QCOMPARE(badHorizon.status, 422);
        QCOMPARE(badHorizon.json[u"detail"_s][0][u"type"_s].toString(), u"enum"_s);
        const HttpResponse badStatus =
            post({{u"title"_s, u"t"_s}, {u"horizon"_s, u"weekly"_s}, {u"status"_s, u"done"_s}});
        QCOMPARE(loc(badStatus), (QJsonArray{u"body"_s, u"status"_s}));
        const HttpResponse progress = post(
            {{u"title"_s, u"t"_s}, {u"horizon"_s, u"weekly"_s}, {u"progress_percentage"_s, 101}});
        QCOMPARE(loc(progress), (QJsonArray{u"body"_s, u"progress_percentage"_s}));
        const HttpResponse metrics =
            post({{u"title"_s, u"t"_s}, {u"horizon"_s, u"weekly"_s}, {u"metrics"_s, QJsonArray{}}});
        QCOMPARE(loc(metrics), (QJsonArray{u"body"_s, u"metrics"_s}));
        QCOMPARE(listIds(m_alice, {}), QList<qint64>{});
    }

    void parentOfAnotherUser_is400() {
        // given bob's goal
        const QJsonObject bobs = createGoal(m_bob, u"bob's"_s);
        // when alice creates a goal under it, or moves hers there
        const HttpResponse created = http().post(
            u"/api/goals/"_s,
            {{u"title"_s, u"t"_s}, {u"horizon"_s, u"weekly"_s}, {u"parent_goal_id"_s, idOf(bobs)}},
            m_alice.token);
        const QJsonObject mine = createGoal(m_alice, u"mine"_s);
        const HttpResponse moved = moveUnder(mine, idOf(bobs));
        // then 400 with the contract's words
        const QString expected =
            u"Parent goal %1 not found or doesn't belong to you"_s.arg(idOf(bobs));
        QCOMPARE(created.status, 400);
        QCOMPARE(created.detail(), expected);
        QCOMPARE(moved.status, 400);
        QCOMPARE(moved.detail(), expected);
        QCOMPARE(moveUnder(mine, 987654).detail(),
                 u"Parent goal 987654 not found or doesn't belong to you"_s);
    }

    void ownParent_is400() {
        const QJsonObject goal = createGoal(m_alice, u"self"_s);
        const HttpResponse response = moveUnder(goal, idOf(goal));
        QCOMPARE(response.status, 400);
        QCOMPARE(response.detail(), u"A goal cannot be its own parent"_s);
    }

    void cycles_areRefusedAtAnyDepth() {
        // given year > quarter > month > week
        const QJsonObject year = createGoal(m_alice, u"year"_s);
        const QJsonObject quarter =
            createGoal(m_alice, u"quarter"_s, {{u"parent_goal_id"_s, idOf(year)}});
        const QJsonObject month =
            createGoal(m_alice, u"month"_s, {{u"parent_goal_id"_s, idOf(quarter)}});
        const QJsonObject week =
            createGoal(m_alice, u"week"_s, {{u"parent_goal_id"_s, idOf(month)}});
        const QString expected =
            u"Cannot create circular reference: parent goal is a descendant of this goal"_s;
        // when the year moves under its child, grandchild or great-grandchild
        for (const QJsonObject& descendant : {quarter, month, week}) {
            const HttpResponse response = moveUnder(year, idOf(descendant));
            // then 400 with the contract's words
            QVERIFY2(response.status == 400, response.describe().constData());
            QCOMPARE(response.detail(), expected);
        }
        QCOMPARE(moveUnder(quarter, idOf(week)).detail(), expected);
        // and the tree is unchanged
        QVERIFY(
            http().get(goalPath(year), m_alice.token).object().value(u"parent_goal_id"_s).isNull());
        // while moves that make no loop are fine
        const HttpResponse toTop = moveUnder(week, QJsonValue::Null);
        QCOMPARE(toTop.status, 200);
        QVERIFY(toTop.object().value(u"parent_goal_id"_s).isNull());
        QCOMPARE(moveUnder(week, idOf(year)).status, 200);
        QCOMPARE(moveUnder(month, idOf(week)).status, 200);
    }

    void statusCompleted_setsCompletedAtAndProgress100_andBackRecomputes() {
        // given a goal with one of two tasks completed
        const QJsonObject goal = createGoal(m_alice, u"g"_s);
        createTask(m_alice, goal, u"completed"_s);
        createTask(m_alice, goal, u"pending"_s);
        // when its status becomes completed
        const QJsonObject done =
            http().patch(goalPath(goal), {{u"status"_s, u"completed"_s}}, m_alice.token).object();
        // then completed_at is set and progress is 100
        QCOMPARE(done.value(u"status"_s).toString(), u"completed"_s);
        QVERIFY(!done.value(u"completed_at"_s).toString().isEmpty());
        QCOMPARE(done.value(u"progress_percentage"_s).toDouble(), 100.0);
        // when it goes back to active
        const QJsonObject active =
            http().patch(goalPath(goal), {{u"status"_s, u"active"_s}}, m_alice.token).object();
        // then completed_at is cleared and progress follows the rule again (1 of 2)
        QVERIFY(active.value(u"completed_at"_s).isNull());
        QCOMPARE(active.value(u"progress_percentage"_s).toDouble(), 50.0);
    }

    void patch_isPartial_andNullForRequiredFieldsIs422() {
        const QJsonObject goal = createGoal(
            m_alice, u"g"_s, {{u"description"_s, u"keep"_s}, {u"success_criteria"_s, u"sc"_s}});
        const HttpResponse response =
            http().patch(goalPath(goal), {{u"title"_s, u"renamed"_s}}, m_alice.token);
        QCOMPARE(response.status, 200);
        QCOMPARE(response.object().value(u"title"_s).toString(), u"renamed"_s);
        QCOMPARE(response.object().value(u"description"_s).toString(), u"keep"_s);
        QCOMPARE(response.object().value(u"success_criteria"_s).toString(), u"sc"_s);
        QVERIFY(response.object().value(u"version"_s).toInteger() >
                goal.value(u"version"_s).toInteger());
        for (const auto& field : {u"title"_s, u"horizon"_s, u"status"_s}) {
            const HttpResponse refused =
                http().patch(goalPath(goal), {{field, QJsonValue::Null}}, m_alice.token);
            QCOMPARE(refused.status, 422);
            QCOMPARE(loc(refused), (QJsonArray{u"body"_s, field}));
        }
    }

    void calculateProgress_followsTheRule() {
        // no tasks and no sub-goals: 0
        const QJsonObject empty = createGoal(m_alice, u"empty"_s);
        QCOMPARE(calculate(empty).value(u"progress_percentage"_s).toDouble(), 0.0);
        // tasks only: the completion rate, rounded to two places (1 of 3)
        const QJsonObject tasksOnly = createGoal(m_alice, u"tasks"_s);
        createTask(m_alice, tasksOnly, u"completed"_s);
        createTask(m_alice, tasksOnly, u"pending"_s);
        createTask(m_alice, tasksOnly, u"in_progress"_s);
        QCOMPARE(calculate(tasksOnly).value(u"progress_percentage"_s).toDouble(), 33.33);
        // sub-goals only: their mean
        const QJsonObject parent = createGoal(m_alice, u"parent"_s);
        createGoal(m_alice, u"a"_s,
                   {{u"parent_goal_id"_s, idOf(parent)}, {u"progress_percentage"_s, 20}});
        createGoal(m_alice, u"b"_s,
                   {{u"parent_goal_id"_s, idOf(parent)}, {u"progress_percentage"_s, 70}});
        QCOMPARE(calculate(parent).value(u"progress_percentage"_s).toDouble(), 45.0);
        // both: 50/50 of the task rate (100) and the sub-goal mean (45)
        createTask(m_alice, parent, u"completed"_s);
        QCOMPARE(calculate(parent).value(u"progress_percentage"_s).toDouble(), 72.5);
        // and only direct children count: a grandchild task changes nothing
        const QJsonObject child =
            createGoal(m_alice, u"child"_s, {{u"parent_goal_id"_s, idOf(parent)}});
        createTask(m_alice, child, u"completed"_s);
        QCOMPARE(calculate(parent).value(u"progress_percentage"_s).toDouble(),
                 std::round((100.0 + (20.0 + 70.0 + 0.0) / 3) / 2 * 100) / 100);
    }

    void calculateProgress_at100_completesAnActiveGoalOnly() {
        const QJsonObject active = createGoal(m_alice, u"active"_s);
        createTask(m_alice, active, u"completed"_s);
        const QJsonObject done = calculate(active);
        QCOMPARE(done.value(u"progress_percentage"_s).toDouble(), 100.0);
        QCOMPARE(done.value(u"status"_s).toString(), u"completed"_s);
        QVERIFY(!done.value(u"completed_at"_s).toString().isEmpty());

        const QJsonObject onHold = createGoal(m_alice, u"held"_s, {{u"status"_s, u"on_hold"_s}});
        createTask(m_alice, onHold, u"completed"_s);
        const QJsonObject held = calculate(onHold);
        QCOMPARE(held.value(u"progress_percentage"_s).toDouble(), 100.0);
        QCOMPARE(held.value(u"status"_s).toString(), u"on_hold"_s);
        QVERIFY(held.value(u"completed_at"_s).isNull());
    }

    void delete_is204_andChildrenLiveOnAtTheTopWithNewVersions() {
        // given a goal with a sub-goal and a task
        const QJsonObject goal = createGoal(m_alice, u"doomed"_s);
        const QJsonObject subgoal =
            createGoal(m_alice, u"child"_s, {{u"parent_goal_id"_s, idOf(goal)}});
        const QJsonObject task = createTask(m_alice, goal, u"pending"_s);
        // when the goal is deleted
        const HttpResponse response = http().del(goalPath(goal), m_alice.token);
        // then 204 with an empty body, and it is gone
        QCOMPARE(response.status, 204);
        QVERIFY(response.body.isEmpty());
        QCOMPARE(http().get(goalPath(goal), m_alice.token).status, 404);
        QCOMPARE(http().del(goalPath(goal), m_alice.token).status, 404);
        // and its children remain, at the top, each with a newer version
        const QJsonObject orphanGoal = http().get(goalPath(subgoal), m_alice.token).object();
        const QJsonObject orphanTask =
            http().get(u"/api/tasks/%1"_s.arg(idOf(task)), m_alice.token).object();
        QVERIFY(orphanGoal.value(u"parent_goal_id"_s).isNull());
        QVERIFY(orphanTask.value(u"parent_goal_id"_s).isNull());
        QVERIFY(orphanGoal.value(u"version"_s).toInteger() >
                subgoal.value(u"version"_s).toInteger());
        QVERIFY(orphanTask.value(u"version"_s).toInteger() > task.value(u"version"_s).toInteger());
        QCOMPARE_NE(orphanGoal.value(u"version"_s), orphanTask.value(u"version"_s));
        // and a tombstone records the delete with the newest version
        const qint64 tombstone =
            m_fixture.database()
                .scalar(
                    u"SELECT version FROM tombstones WHERE uuid = ?::uuid AND entity = 'goal'"_s,
                    {goal.value(u"uuid"_s).toString()})
                .toLongLong();
        const qint64 counter =
            m_fixture.database()
                .scalar(u"SELECT counter FROM user_sync_state WHERE user_id = ?"_s, {m_alice.id})
                .toLongLong();
        QCOMPARE(tombstone, counter);
    }

    void anotherUsersGoal_is404ForEveryEndpoint() {
        const QJsonObject goal = createGoal(m_bob, u"private"_s);
        const QString expected = u"Goal %1 not found"_s.arg(idOf(goal));
        const QList<HttpResponse> answers{
            http().get(goalPath(goal), m_alice.token),
            http().patch(goalPath(goal), {{u"title"_s, u"mine"_s}}, m_alice.token),
            http().post(goalPath(goal, u"/calculate-progress"_s), {}, m_alice.token),
            http().del(goalPath(goal), m_alice.token),
        };
        for (const HttpResponse& response : answers) {
            QVERIFY2(response.status == 404, response.describe().constData());
            QCOMPARE(response.detail(), expected);
        }
        QCOMPARE(http().get(goalPath(goal), m_bob.token).object(), goal);
        QCOMPARE(listIds(m_alice, {}), QList<qint64>{});
    }

    void nonIntegerId_is422_onThePath() {
        for (const HttpResponse& response :
             {http().get(u"/api/goals/abc"_s, m_alice.token),
              http().patch(u"/api/goals/abc"_s, {{u"title"_s, u"t"_s}}, m_alice.token),
              http().del(u"/api/goals/abc"_s, m_alice.token),
              http().post(u"/api/goals/abc/calculate-progress"_s, {}, m_alice.token)}) {
            QVERIFY2(response.status == 422, response.describe().constData());
            QCOMPARE(loc(response), (QJsonArray{u"path"_s, u"goal_id"_s}));
        }
    }

    void list_filtersAndCounts() {
        const QJsonObject year = createGoal(m_alice, u"Big YEAR"_s);
        const QJsonObject month = createGoal(m_alice, u"Month"_s,
                                             {{u"horizon"_s, u"monthly"_s},
                                              {u"parent_goal_id"_s, idOf(year)},
                                              {u"description"_s, u"part of the year plan"_s}});
        const QJsonObject held = createGoal(m_alice, u"Held"_s, {{u"status"_s, u"on_hold"_s}});
        createTask(m_alice, year, u"pending"_s);
        createTask(m_alice, year, u"completed"_s);
        createGoal(m_bob, u"bob's year"_s);
        QCOMPARE(listIds(m_alice, u"?status=on_hold"_s), QList<qint64>{idOf(held)});
        QCOMPARE(listIds(m_alice, u"?horizon=monthly"_s), QList<qint64>{idOf(month)});
        QCOMPARE(listIds(m_alice, u"?parent_goal_id=%1"_s.arg(idOf(year))),
                 QList<qint64>{idOf(month)});
        QCOMPARE(listIds(m_alice, u"?search=year"_s), (QList<qint64>{idOf(month), idOf(year)}));
        // counts only when asked for
        const QJsonArray plain =
            http().get(u"/api/goals/?search=big"_s, m_alice.token).json.toArray();
        QCOMPARE(plain.size(), 1);
        QVERIFY(plain[0][u"task_count"_s].isNull());
        QVERIFY(plain[0][u"subgoal_count"_s].isNull());
        const QJsonArray counted =
            http()
                .get(u"/api/goals/?search=big&include_counts=true"_s, m_alice.token)
                .json.toArray();
        QCOMPARE(counted[0][u"task_count"_s].toInteger(), 2);
        QCOMPARE(counted[0][u"subgoal_count"_s].toInteger(), 1);
        const QJsonObject one =
            http().get(goalPath(year) + u"?include_counts=true"_s, m_alice.token).object();
        QCOMPARE(one.value(u"task_count"_s).toInteger(), 2);
    }

    void list_badQueryValues_are422WithTheirPlace_data() {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("name");
        QTest::newRow("limit 0") << u"limit=0"_s << u"limit"_s;
        QTest::newRow("limit 501") << u"limit=501"_s << u"limit"_s;
        QTest::newRow("offset -5") << u"offset=-5"_s << u"offset"_s;
        QTest::newRow("status") << u"status=finished"_s << u"status"_s;
        QTest::newRow("horizon") << u"horizon=daily"_s << u"horizon"_s;
        QTest::newRow("include_counts") << u"include_counts=maybe"_s << u"include_counts"_s;
        QTest::newRow("parent_goal_id") << u"parent_goal_id=x"_s << u"parent_goal_id"_s;
        QTest::newRow("search 201") << QString(u"search="_s + QString(201, u's')) << u"search"_s;
    }

    void list_badQueryValues_are422WithTheirPlace() {
        QFETCH(QString, query);
        QFETCH(QString, name);
        const HttpResponse response = http().get(u"/api/goals/?"_s + query, m_alice.token);
        QVERIFY2(response.status == 422, response.describe().constData());
        QCOMPARE(loc(response), (QJsonArray{u"query"_s, name}));
    }

    void list_ordersByTargetDateThenNewestFirst_andPaginates() {
        const qint64 noDateOld = idOf(createGoal(m_alice, u"a"_s));
        const qint64 late =
            idOf(createGoal(m_alice, u"b"_s, {{u"target_date"_s, u"2031-01-01T00:00:00"_s}}));
        const qint64 early =
            idOf(createGoal(m_alice, u"c"_s, {{u"target_date"_s, u"2030-01-01T00:00:00"_s}}));
        const qint64 noDateNew = idOf(createGoal(m_alice, u"d"_s));
        const QList<qint64> expected{early, late, noDateNew, noDateOld};
        QCOMPARE(listIds(m_alice, {}), expected);
        QCOMPARE(listIds(m_alice, u"?limit=2"_s), expected.mid(0, 2));
        QCOMPARE(listIds(m_alice, u"?limit=2&offset=2"_s), expected.mid(2));
        QCOMPARE(listIds(m_alice, u"?limit=500&offset=4"_s), QList<qint64>{});
    }

    void sqlInjectionAndWildcards_inSearchAreLiteral() {
        const QJsonObject evil = createGoal(m_alice, u"x'; DELETE FROM goals; --"_s);
        const QJsonObject percent = createGoal(m_alice, u"50% there"_s);
        createGoal(m_alice, u"500 there"_s);
        QCOMPARE(evil.value(u"title"_s).toString(), u"x'; DELETE FROM goals; --"_s);
        QCOMPARE(listIds(m_alice, u"?search="_s + QString::fromLatin1(QUrl::toPercentEncoding(
                                                      u"'; DELETE FROM goals; --"_s))),
                 QList<qint64>{idOf(evil)});
        QCOMPARE(listIds(m_alice, u"?search=0%25"_s), QList<qint64>{idOf(percent)});
        QCOMPARE(listIds(m_alice, {}).size(), 3);
    }

    void stats_summariseOnlyTheCallersGoals() {
        createGoal(m_alice, u"a"_s, {{u"progress_percentage"_s, 90}});
        createGoal(m_alice, u"b"_s, {{u"progress_percentage"_s, 30}, {u"horizon"_s, u"weekly"_s}});
        createGoal(m_alice, u"c"_s, {{u"status"_s, u"completed"_s}});
        createGoal(m_alice, u"d"_s, {{u"status"_s, u"on_hold"_s}, {u"progress_percentage"_s, 95}});
        createGoal(m_bob, u"bob"_s, {{u"progress_percentage"_s, 99}});
        const HttpResponse response = http().get(u"/api/goals/stats/summary"_s, m_alice.token);
        QCOMPARE(response.status, 200);
        const QJsonObject stats = response.object();
        QCOMPARE(stats.value(u"total"_s).toInteger(), 4);
        QCOMPARE(stats.value(u"by_status"_s).toObject(),
                 (QJsonObject{{u"active"_s, 2}, {u"completed"_s, 1}, {u"on_hold"_s, 1}}));
        QCOMPARE(stats.value(u"by_horizon"_s).toObject(),
                 (QJsonObject{{u"yearly"_s, 3}, {u"weekly"_s, 1}}));
        // average and near-completion look at active goals only
        QCOMPARE(stats.value(u"average_progress"_s).toDouble(), 60.0);
        QCOMPARE(stats.value(u"near_completion"_s).toInteger(), 1);
    }
};

QTEST_GUILESS_MAIN(TestGoals)
#include "tst_goals.moc"
