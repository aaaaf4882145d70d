#include "StoreChangeLog.h"
#include "store/LocalStore.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace bizy;

// The goal hierarchy: tree walks, moves and cycle refusal at any depth,
// deleting a goal, progress roll-up and stats.
class TestGoalTree : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<LocalStore> m_store;
    int m_opened = 0;

    Goal addGoal(const QString& title, const QString& parent = {},
                 const QString& horizon = u"yearly"_s) {
        QTest::qWait(2); // distinct created_at, so newest-first order has no ties
        QJsonObject fields{{u"title"_s, title}, {u"horizon"_s, horizon}};
        if (!parent.isEmpty())
            fields.insert(u"parent_goal_uuid"_s, parent);
        return m_store->createGoal(fields).value();
    }

    Task addTask(const QString& title, const QString& goal, bool completed = false) {
        return m_store
            ->createTask({{u"title"_s, title},
                          {u"parent_goal_uuid"_s, goal},
                          {u"status"_s, completed ? u"completed"_s : u"pending"_s}})
            .value();
    }

    // A chain root > g1 > g2 > ... > g<depth>, returned root first.
    QList<Goal> chain(int depth) {
        QList<Goal> goals{addGoal(u"root"_s)};
        for (int i = 1; i <= depth; ++i)
            goals << addGoal(u"g%1"_s.arg(i), goals.last().uuid);
        return goals;
    }

    static QStringList titles(const QList<Goal>& goals) {
        QStringList list;
        for (const Goal& goal : goals)
            list << goal.title;
        return list;
    }

private slots:
    void init() {
        m_store = LocalStore::open(m_dir.filePath(u"g%1.sqlite"_s.arg(++m_opened))).value();
    }

    void cleanup() { m_store.reset(); }

    void treeWalks() {
        // given root > a > b, and root > c
        const QList<Goal> line = chain(2);
        const Goal c = addGoal(u"c"_s, line[0].uuid);
        const Goal other = addGoal(u"other root"_s);

        // when/then: children, ancestors from the parent up, subtree parents first
        QCOMPARE(titles(m_store->childGoals(line[0].uuid).value()).size(), 2);
        QVERIFY(titles(m_store->childGoals(line[0].uuid).value()).contains(u"c"_s));
        QCOMPARE(titles(m_store->childGoals({}).value()),
                 (QStringList{u"other root"_s, u"root"_s}));
        QCOMPARE(titles(m_store->ancestors(line[2].uuid).value()),
                 (QStringList{u"g1"_s, u"root"_s}));
        QVERIFY(m_store->ancestors(other.uuid).value().isEmpty());
        const QStringList below = titles(m_store->subtree(line[0].uuid).value());
        QCOMPARE(below.size(), 4);
        QCOMPARE(below.first(), u"root"_s);
        QVERIFY(below.indexOf(u"g1"_s) < below.indexOf(u"g2"_s));
        QVERIFY(below.contains(c.title));
    }

    void aGoalCannotBeItsOwnParent() {
        // given a goal
        const Goal goal = addGoal(u"a"_s);

        // when it is moved under itself
        const Result<Goal> moved = m_store->moveGoal(goal.uuid, goal.uuid);

        // then it is refused with the contract's words
        QVERIFY(!moved.ok());
        QCOMPARE(moved.error().code, Error::Code::Cycle);
        QCOMPARE(moved.error().message, u"A goal cannot be its own parent"_s);
    }

    void cyclesAreRefusedAtAnyDepth_data() {
        QTest::addColumn<int>("depth");
        QTest::newRow("child") << 1;
        QTest::newRow("grandchild") << 2;
        QTest::newRow("depth 12") << 12;
    }

    void cyclesAreRefusedAtAnyDepth() {
        // given a chain of goals
        QFETCH(int, depth);
        const QList<Goal> goals = chain(depth);
        const qsizetype pending = m_store->pendingCount().value();

        // when the root is moved under its deepest descendant, by move or by update
        const Result<Goal> moved = m_store->moveGoal(goals.first().uuid, goals.last().uuid);
        const Result<Goal> updated =
            m_store->updateGoal(goals.first().uuid, {{u"parent_goal_uuid"_s, goals.last().uuid}});

        // then both are refused, and nothing changed
        for (const Result<Goal>* result : {&moved, &updated}) {
            QVERIFY(!result->ok());
            QCOMPARE(result->error().code, Error::Code::Cycle);
            QCOMPARE(
                result->error().message,
                u"Cannot create circular reference: parent goal is a descendant of this goal"_s);
        }
        QVERIFY(!m_store->goal(goals.first().uuid)->parentGoalUuid.has_value());
        QCOMPARE(m_store->pendingCount().value(), pending);
    }

    void moveWithinTheTreeAndToTheRoot() {
        // given root > g1 > g2 and another root
        const QList<Goal> goals = chain(2);
        const Goal other = addGoal(u"other"_s);

        // when g2 moves under the other root, then to the top
        QVERIFY(m_store->moveGoal(goals[2].uuid, other.uuid).ok());
        QCOMPARE(titles(m_store->ancestors(goals[2].uuid).value()), QStringList{u"other"_s});
        QVERIFY(m_store->moveGoal(goals[2].uuid, {}).ok());

        // then it has no parent any more
        QVERIFY(!m_store->goal(goals[2].uuid)->parentGoalUuid.has_value());
        QVERIFY(m_store->ancestors(goals[2].uuid).value().isEmpty());
    }

    void parentMustExist() {
        // given a goal
        const Goal goal = addGoal(u"a"_s);
        const QString missing = u"6f1c2a40-0000-4000-8000-000000000001"_s;

        // when it is moved under a goal that does not exist, or created under one
        const Result<Goal> moved = m_store->moveGoal(goal.uuid, missing);
        const Result<Goal> created = m_store->createGoal(
            {{u"title"_s, u"b"_s}, {u"horizon"_s, u"weekly"_s}, {u"parent_goal_uuid"_s, missing}});

        // then both are validation errors on parent_goal_uuid
        QCOMPARE(moved.error().code, Error::Code::Validation);
        QCOMPARE(moved.error().fields.at(0).loc, QJsonArray{u"parent_goal_uuid"_s});
        QCOMPARE(created.error().code, Error::Code::Validation);
    }

    void deletingAGoalOrphansItsChildrenThroughTheOutbox() {
        // given root > mid > leaf with a task on mid, all sealed and acknowledged
        const QList<Goal> goals = chain(2);
        const Task task = addTask(u"t"_s, goals[1].uuid);
        const QList<OutboxMutation> batch = m_store->sealBatch(100).value();
        QVERIFY(m_store->acknowledge(*batch.last().mid).ok());
        QCOMPARE(m_store->pendingCount().value(), 0);
        StoreChangeLog tasksChanged(m_store.get());
        StoreChangeLog goalsChanged(m_store.get());

        // when mid is deleted
        QVERIFY(m_store->deleteGoal(goals[1].uuid).ok());

        // then the leaf and the task live on without a parent
        QVERIFY(!m_store->goal(goals[1].uuid).ok());
        QVERIFY(!m_store->goal(goals[2].uuid)->parentGoalUuid.has_value());
        QVERIFY(!m_store->task(task.uuid)->parentGoalUuid.has_value());
        QCOMPARE(m_store->subtree(goals[0].uuid).value().size(), 1);
        // and the outbox says so for each, plus the delete
        QList<OutboxMutation> pending = m_store->pendingMutations().value();
        QCOMPARE(pending.size(), 3);
        int nulledParents = 0;
        for (const OutboxMutation& m : pending) {
            if (m.op == OutboxMutation::Op::Delete) {
                QCOMPARE(m.uuid, goals[1].uuid);
                QCOMPARE(m.fields, QJsonObject());
            } else {
                QCOMPARE(m.fields, (QJsonObject{{u"parent_goal_uuid"_s, QJsonValue::Null}}));
                ++nulledParents;
            }
        }
        QCOMPARE(nulledParents, 2);
        QCOMPARE(tasksChanged.tasks().size(), 1);
        QCOMPARE(goalsChanged.goals().size(), 1);
        QCOMPARE(goalsChanged.goals().at(0).size(), 2);
    }

    void deletingAnUnsentGoalLeavesNoMutationPointingAtIt() {
        // given an unsent goal with an unsent task under it
        const Goal goal = addGoal(u"g"_s);
        const Task task = addTask(u"t"_s, goal.uuid);

        // when the goal is deleted
        QVERIFY(m_store->deleteGoal(goal.uuid).ok());

        // then only the task's create is queued, without the parent
        const QList<OutboxMutation> pending = m_store->pendingMutations().value();
        QCOMPARE(pending.size(), 1);
        QCOMPARE(pending.at(0).uuid, task.uuid);
        QCOMPARE(pending.at(0).fields.value(u"parent_goal_uuid"_s), QJsonValue(QJsonValue::Null));
    }

    void progressFollowsTheContractRule() {
        // given a goal with 1 of 4 tasks done and two sub-goals at 50 and 100
        const Goal goal = addGoal(u"g"_s);
        for (int i = 0; i < 4; ++i)
            addTask(u"t%1"_s.arg(i), goal.uuid, i == 0);
        const Goal a = addGoal(u"a"_s, goal.uuid);
        const Goal b = addGoal(u"b"_s, goal.uuid);
        QVERIFY(m_store->updateGoal(a.uuid, {{u"progress_percentage"_s, 50}}).ok());
        QVERIFY(m_store->updateGoal(b.uuid, {{u"progress_percentage"_s, 100}}).ok());

        // when its progress is calculated
        const Result<Goal> calculated = m_store->calculateProgress(goal.uuid);

        // then it is (25 + 75) / 2 = 50 and the goal is still active
        QVERIFY(calculated.ok());
        QCOMPARE(calculated->progressPercentage, 50.0);
        QCOMPARE(toString(calculated->status), u"active"_s);
        QCOMPARE(m_store->goal(goal.uuid)->progressPercentage, 50.0);
    }

    void progressRoundsToTwoPlacesAndCompletesAt100() {
        // given a goal with 1 of 3 tasks done
        const Goal goal = addGoal(u"g"_s);
        const Task t0 = addTask(u"t0"_s, goal.uuid, true);
        const Task t1 = addTask(u"t1"_s, goal.uuid);
        const Task t2 = addTask(u"t2"_s, goal.uuid);

        // when calculated, then 33.33
        QCOMPARE(m_store->calculateProgress(goal.uuid)->progressPercentage, 33.33);

        // when all are done and it is calculated again
        QVERIFY(m_store->completeTask(t1.uuid).ok());
        QVERIFY(m_store->completeTask(t2.uuid).ok());
        const Goal done = m_store->calculateProgress(goal.uuid).value();

        // then the active goal became completed at 100
        QCOMPARE(done.progressPercentage, 100.0);
        QCOMPARE(toString(done.status), u"completed"_s);
        QVERIFY(done.completedAt.has_value());
    }

    void leavingCompletedRecomputesProgress() {
        // given a goal with 1 of 2 tasks done, marked completed by hand
        const Goal goal = addGoal(u"g"_s);
        addTask(u"t0"_s, goal.uuid, true);
        addTask(u"t1"_s, goal.uuid);
        const Goal completed =
            m_store->updateGoal(goal.uuid, {{u"status"_s, u"completed"_s}}).value();
        QCOMPARE(completed.progressPercentage, 100.0);

        // when it is set back to active
        const Goal active = m_store->updateGoal(goal.uuid, {{u"status"_s, u"active"_s}}).value();

        // then completed_at is cleared and progress is what the tasks say
        QVERIFY(!active.completedAt.has_value());
        QCOMPARE(active.progressPercentage, 50.0);
    }

    void recalculateAllRollsUpLeavesFirst() {
        // given root > mid > leaf, the leaf with 1 of 2 tasks done, mid with one done task
        const QList<Goal> goals = chain(2);
        addTask(u"l0"_s, goals[2].uuid, true);
        addTask(u"l1"_s, goals[2].uuid);
        addTask(u"m0"_s, goals[1].uuid, true);

        // when the whole tree is recalculated
        QVERIFY(m_store->recalculateAllProgress().ok());

        // then leaf 50, mid (100 + 50) / 2 = 75, root 75 (sub-goals only)
        QCOMPARE(m_store->goal(goals[2].uuid)->progressPercentage, 50.0);
        QCOMPARE(m_store->goal(goals[1].uuid)->progressPercentage, 75.0);
        QCOMPARE(m_store->goal(goals[0].uuid)->progressPercentage, 75.0);
    }

    void goalStatsHaveTheRestShape() {
        // given goals in several states and horizons
        const Goal a = addGoal(u"a"_s, {}, u"yearly"_s);
        const Goal b = addGoal(u"b"_s, {}, u"monthly"_s);
        const Goal c = addGoal(u"c"_s, {}, u"monthly"_s);
        QVERIFY(m_store->updateGoal(a.uuid, {{u"progress_percentage"_s, 90}}).ok());
        QVERIFY(m_store->updateGoal(b.uuid, {{u"progress_percentage"_s, 20.5}}).ok());
        QVERIFY(m_store->updateGoal(c.uuid, {{u"status"_s, u"on_hold"_s}}).ok());

        // when stats are computed
        const QJsonObject stats = m_store->goalStats().value().toJson();

        // then: averages and near completion over active goals only
        QCOMPARE(stats.value(u"total"_s).toInteger(), 3);
        QCOMPARE(stats.value(u"by_status"_s).toObject(),
                 (QJsonObject{{u"active"_s, 2}, {u"on_hold"_s, 1}}));
        QCOMPARE(stats.value(u"by_horizon"_s).toObject(),
                 (QJsonObject{{u"yearly"_s, 1}, {u"monthly"_s, 2}}));
        QCOMPARE(stats.value(u"average_progress"_s).toDouble(), 55.25);
        QCOMPARE(stats.value(u"near_completion"_s).toInteger(), 1);
    }

    void goalListOrder() {
        // given goals with and without target dates
        m_store->createGoal({{u"title"_s, u"none"_s}, {u"horizon"_s, u"yearly"_s}}).value();
        m_store
            ->createGoal({{u"title"_s, u"late"_s},
                          {u"horizon"_s, u"yearly"_s},
                          {u"target_date"_s, u"2031-01-01"_s}})
            .value();
        m_store
            ->createGoal({{u"title"_s, u"early"_s},
                          {u"horizon"_s, u"yearly"_s},
                          {u"target_date"_s, u"2030-01-01"_s}})
            .value();

        // when listed, then target_date asc, no date last
        QCOMPARE(titles(m_store->goals().value()), (QStringList{u"early"_s, u"late"_s, u"none"_s}));
    }
};

QTEST_GUILESS_MAIN(TestGoalTree)
#include "tst_goaltree.moc"
