#include "BlockingStore.h"
#include "GoalTreeModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace bizy;

// The goal hierarchy as a tree over a real store on its worker: levels in the
// store's order, progress as rolled up, and changes placed with row-level
// signals so a view keeps what it had expanded.
class TestGoalTreeModel : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<StoreClient> m_client;
    BlockingStore m_store;
    std::unique_ptr<GoalTreeModel> m_model;
    int m_opened = 0;

    QString addGoal(const QString& title, const QString& horizon, const QString& parent = {},
                    const QString& target = {}) {
        QJsonObject fields{{u"title"_s, title}, {u"horizon"_s, horizon}};
        if (!parent.isEmpty())
            fields.insert(u"parent_goal_uuid"_s, parent);
        if (!target.isEmpty())
            fields.insert(u"target_date"_s, target);
        const Result<Goal> goal = m_store.createGoal(fields);
        if (!goal)
            qFatal("cannot create a goal: %s", qPrintable(goal.error().message));
        return goal->uuid;
    }

    QStringList titlesUnder(const QModelIndex& parent = {}) const {
        QStringList titles;
        for (int row = 0; row < m_model->rowCount(parent); ++row)
            titles << m_model->index(row, GoalTreeModel::TitleColumn, parent).data().toString();
        return titles;
    }

    void bind() {
        m_model = std::make_unique<GoalTreeModel>();
        new QAbstractItemModelTester(
            m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest, m_model.get());
        QSignalSpy loaded(m_model.get(), &GoalTreeModel::loaded);
        m_model->setStore(m_client.get());
        QVERIFY(loaded.wait(5000));
    }

private slots:
    void init() {
        QVERIFY(m_dir.isValid());
        m_client = StoreClient::open(m_dir.filePath(u"g%1.sqlite"_s.arg(++m_opened))).value();
        m_store = BlockingStore(m_client.get());
    }

    void cleanup() {
        m_model.reset();
        m_store = BlockingStore();
        m_client.reset();
    }

    void theTreeHasEachLevelInTheStoresOrder() {
        // given a year with two quarters (the later target first in time order) and a month
        const QString year = addGoal(u"2031"_s, u"yearly"_s);
        addGoal(u"Q2"_s, u"quarterly"_s, year, u"2031-06-30T00:00:00Z"_s);
        const QString q1 = addGoal(u"Q1"_s, u"quarterly"_s, year, u"2031-03-31T00:00:00Z"_s);
        addGoal(u"January"_s, u"monthly"_s, q1);
        // when the model reads the store
        bind();
        // then the tree has them by parent, targets in date order
        QCOMPARE(titlesUnder(), QStringList{u"2031"_s});
        const QModelIndex yearIndex = m_model->indexOf(year);
        QCOMPARE(titlesUnder(yearIndex), (QStringList{u"Q1"_s, u"Q2"_s}));
        QCOMPARE(titlesUnder(m_model->indexOf(q1)), QStringList{u"January"_s});
        QCOMPARE(m_model->index(0, GoalTreeModel::HorizonColumn, yearIndex).data().toString(),
                 u"Quarterly"_s);
        QCOMPARE(m_model->goalCount(), 4);
    }

    void progressRollsUpAsTheStoreComputesIt() {
        // given a goal with two tasks, shown
        const QString goal = addGoal(u"Ship it"_s, u"weekly"_s);
        const Task done =
            m_store.createTask({{u"title"_s, u"A"_s}, {u"parent_goal_uuid"_s, goal}}).value();
        m_store.createTask({{u"title"_s, u"B"_s}, {u"parent_goal_uuid"_s, goal}}).value();
        bind();
        QCOMPARE(m_model->indexOf(goal).data(GoalTreeModel::ProgressRole).toDouble(), 0.0);
        // when one task is completed and the progress recalculated
        QVERIFY(m_store.completeTask(done.uuid).ok());
        QVERIFY(m_store.call([goal](LocalStore& store) { return store.calculateProgress(goal); }));
        // then the row shows half, updated in place
        QTRY_COMPARE(m_model->indexOf(goal).data(GoalTreeModel::ProgressRole).toDouble(), 50.0);
    }

    void aMoveIsPlacedWithoutReadingTheTreeAgain_andALoopIsRefusedWithTheContractsWords() {
        // given a year and two quarters, shown and expanded in a view
        const QString year = addGoal(u"Year"_s, u"yearly"_s);
        const QString q1 = addGoal(u"Q1"_s, u"quarterly"_s, year);
        const QString q2 = addGoal(u"Q2"_s, u"quarterly"_s);
        bind();
        QSignalSpy resets(m_model.get(), &QAbstractItemModel::modelReset);
        QSignalSpy moves(m_model.get(), &QAbstractItemModel::rowsMoved);
        // when Q2 is moved under the year
        m_model->moveGoal(q2, year);
        // then it is there, by a row move
        QTRY_COMPARE(titlesUnder(m_model->indexOf(year)).size(), 2);
        QCOMPARE(resets.count(), 0);
        QVERIFY(moves.count() >= 1);
        QCOMPARE(m_model->indexOf(q2).parent(), m_model->indexOf(year));
        // when the year is moved under its own quarter
        QSignalSpy errors(m_model.get(), &GoalTreeModel::errorOccurred);
        m_model->moveGoal(year, q1);
        // then the store refuses with the contract's words and nothing moves
        QVERIFY(errors.wait(5000));
        QCOMPARE(errors.first().first().toString(),
                 u"Cannot create circular reference: parent goal is a descendant of this goal"_s);
        QVERIFY(!m_model->indexOf(year).parent().isValid());
    }

    void aDeletedGoalLeavesItsChildrenAtTheTop() {
        const QString year = addGoal(u"Year"_s, u"yearly"_s);
        const QString quarter = addGoal(u"Quarter"_s, u"quarterly"_s, year);
        bind();
        QVERIFY(m_store.deleteGoal(year).ok());
        QTRY_COMPARE(titlesUnder(), QStringList{u"Quarter"_s});
        QVERIFY(!m_model->indexOf(year).isValid());
        QVERIFY(m_model->indexOf(quarter).isValid());
    }

    void swappedParentsInOneChangeStillMakeATree() {
        // given two goals, one under the other
        const QString a = addGoal(u"A"_s, u"yearly"_s);
        const QString b = addGoal(u"B"_s, u"quarterly"_s, a);
        bind();
        // when one job swaps them (first B to the top, then A under B)
        QVERIFY(m_store.call([a, b](LocalStore& store) {
            if (!store.moveGoal(b, {}))
                return false;
            return store.moveGoal(a, b).ok();
        }));
        // then the tree has B on top and A under it
        QTRY_COMPARE(titlesUnder(), QStringList{u"B"_s});
        QCOMPARE(titlesUnder(m_model->indexOf(b)), QStringList{u"A"_s});
    }
};

QTEST_GUILESS_MAIN(TestGoalTreeModel)
#include "tst_goaltreemodel.moc"
