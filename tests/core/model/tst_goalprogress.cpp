// GoalProgress: the contract's progress rule (docs/api.md section 4).

#include "model/GoalProgress.h"

#include <QList>
#include <QRandomGenerator>
#include <QTest>
#include <cmath>

using namespace bizy;

class TestGoalProgress : public QObject {
    Q_OBJECT

private slots:
    void followsTheContractsRule_data();
    void followsTheContractsRule();
    void isAlwaysBetween0And100WithTwoDecimals();
};

void TestGoalProgress::followsTheContractsRule_data() {
    QTest::addColumn<qsizetype>("tasks");
    QTest::addColumn<qsizetype>("completed");
    QTest::addColumn<QList<double>>("subgoals");
    QTest::addColumn<double>("expected");

    QTest::newRow("nothing under the goal")
        << qsizetype(0) << qsizetype(0) << QList<double>{} << 0.0;
    QTest::newRow("tasks only, none done")
        << qsizetype(4) << qsizetype(0) << QList<double>{} << 0.0;
    QTest::newRow("tasks only, 1 of 3") << qsizetype(3) << qsizetype(1) << QList<double>{} << 33.33;
    QTest::newRow("tasks only, 2 of 3") << qsizetype(3) << qsizetype(2) << QList<double>{} << 66.67;
    QTest::newRow("tasks only, all done")
        << qsizetype(5) << qsizetype(5) << QList<double>{} << 100.0;
    QTest::newRow("sub-goals only, mean")
        << qsizetype(0) << qsizetype(0) << QList<double>{20, 50, 80} << 50.0;
    QTest::newRow("sub-goals only, rounded")
        << qsizetype(0) << qsizetype(0) << QList<double>{33.33, 33.33, 33.34} << 33.33;
    QTest::newRow("sub-goal at 0") << qsizetype(0) << qsizetype(0) << QList<double>{0} << 0.0;
    QTest::newRow("both, 50/50") << qsizetype(2) << qsizetype(1) << QList<double>{100} << 75.0;
    QTest::newRow("both, not weighted by count")
        << qsizetype(10) << qsizetype(10) << QList<double>{0, 0, 0} << 50.0;
    QTest::newRow("both, rounded") << qsizetype(3) << qsizetype(1) << QList<double>{50} << 41.67;
    QTest::newRow("1 of 7") << qsizetype(7) << qsizetype(1) << QList<double>{} << 14.29;
    QTest::newRow("1 of 6") << qsizetype(6) << qsizetype(1) << QList<double>{} << 16.67;
}

void TestGoalProgress::followsTheContractsRule() {
    QFETCH(qsizetype, tasks);
    QFETCH(qsizetype, completed);
    QFETCH(QList<double>, subgoals);
    QFETCH(double, expected);

    // given a goal's direct tasks and sub-goals
    // when its progress is computed
    const double progress = GoalProgress::compute(tasks, completed, subgoals);

    // then it is the contract's number, exactly
    QCOMPARE(progress, expected);
}

void TestGoalProgress::isAlwaysBetween0And100WithTwoDecimals() {
    // given many random trees
    QRandomGenerator random(99);
    for (int i = 0; i < 5000; ++i) {
        const qsizetype tasks = random.bounded(50);
        const qsizetype completed = tasks == 0 ? 0 : random.bounded(int(tasks) + 1);
        QList<double> subgoals;
        for (int s = random.bounded(6); s > 0; --s)
            subgoals << GoalProgress::compute(random.bounded(9) + 1, random.bounded(10) % 2, {});

        // when computed
        const double progress = GoalProgress::compute(tasks, completed, subgoals);

        // then it is a percentage with at most two decimals
        QVERIFY(progress >= 0 && progress <= 100);
        QCOMPARE(std::round(progress * 100) / 100, progress);
    }
}

QTEST_GUILESS_MAIN(TestGoalProgress)
#include "tst_goalprogress.moc"
