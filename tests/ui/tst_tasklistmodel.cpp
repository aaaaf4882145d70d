#include "TaskListModel.h"
#include "model/IsoDateTime.h"
#include "store/LocalStore.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace Qt::StringLiterals;
using bizy::LocalStore;
using bizy::Task;
using bizy::TaskListModel;

// Row-level signals of TaskListModel against a real SQLite store.
class TaskListModelTest : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalStore> m_store;

    QString addTask(const QString& title, int priority) {
        const bizy::Result<Task> task =
            m_store->createTask({{u"title"_s, title}, {u"priority"_s, priority}});
        if (!task)
            qFatal("cannot create a task: %s", qPrintable(task.error().message));
        return task->uuid;
    }

    static QStringList titles(const TaskListModel& model) {
        QStringList result;
        for (int row = 0; row < model.rowCount(); ++row)
            result << model.index(row, TaskListModel::TitleColumn).data().toString();
        return result;
    }

    QStringList storeTitles() const {
        QStringList result;
        for (const Task& task : m_store->tasks().value())
            result << task.title;
        return result;
    }

private slots:
    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        bizy::Result<std::unique_ptr<LocalStore>> store =
            LocalStore::open(m_dir->filePath(u"tasks.sqlite"_s));
        QVERIFY2(store.ok(), store.ok() ? "" : qPrintable(store.error().message));
        m_store = std::move(store).value();
    }

    void cleanup() {
        m_store.reset();
        m_dir.reset();
    }

    void showsTasksInContractOrder() {
        // given tasks of different priorities
        addTask(u"Low"_s, 5);
        addTask(u"Urgent"_s, 1);
        addTask(u"Normal"_s, 3);

        // when a model is made over the store
        TaskListModel model(m_store.get());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);

        // then it shows them by priority, with readable headers and values
        QCOMPARE(titles(model), (QStringList{u"Urgent"_s, u"Normal"_s, u"Low"_s}));
        QCOMPARE(model.columnCount(), int(TaskListModel::ColumnCount));
        QCOMPARE(model.headerData(TaskListModel::TitleColumn, Qt::Horizontal).toString(),
                 u"Title"_s);
        QCOMPARE(model.index(0, TaskListModel::PriorityColumn).data().toString(), u"1 - Highest"_s);
        QCOMPARE(model.index(0, TaskListModel::StatusColumn).data().toString(), u"Pending"_s);
    }

    void createInsertsOneRowWithoutReset() {
        // given a model over two tasks
        addTask(u"First"_s, 1);
        addTask(u"Last"_s, 5);
        TaskListModel model(m_store.get());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        // when a task that sorts in the middle is created
        addTask(u"Middle"_s, 3);

        // then exactly one row appears at its place
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 1);
        QCOMPARE(inserted.at(0).at(2).toInt(), 1);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(titles(model), (QStringList{u"First"_s, u"Middle"_s, u"Last"_s}));
    }

    void editEmitsDataChangedForItsRowOnly() {
        // given a model over three tasks
        addTask(u"A"_s, 1);
        const QString uuid = addTask(u"B"_s, 2);
        addTask(u"C"_s, 3);
        TaskListModel model(m_store.get());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        // when the middle task's title changes
        QVERIFY(m_store->updateTask(uuid, {{u"title"_s, u"B renamed"_s}}).ok());

        // then row 1 reports a change and nothing else moves
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 1);
        QCOMPARE(changed.at(0).at(1).toModelIndex().row(), 1);
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(removed.size(), 0);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(model.index(1, TaskListModel::TitleColumn).data().toString(), u"B renamed"_s);
    }

    void priorityChangeMovesTheRow() {
        // given four tasks in priority order
        const QString first = addTask(u"A"_s, 1);
        addTask(u"B"_s, 2);
        addTask(u"C"_s, 3);
        addTask(u"D"_s, 4);
        TaskListModel model(m_store.get());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

        // when the first task drops to the lowest priority
        QVERIFY(m_store->updateTask(first, {{u"priority"_s, 5}}).ok());

        // then that one row moves to the end, in the store's order
        QCOMPARE(moved.size(), 1);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(removed.size(), 0);
        QCOMPARE(titles(model), storeTitles());
        QCOMPARE(titles(model).last(), u"A"_s);
        QCOMPARE(model.index(3, TaskListModel::PriorityColumn).data().toString(), u"5 - Lowest"_s);
    }

    void deleteRemovesOneRow() {
        // given three tasks
        addTask(u"A"_s, 1);
        const QString uuid = addTask(u"B"_s, 2);
        addTask(u"C"_s, 3);
        TaskListModel model(m_store.get());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        // when the middle one is deleted
        QVERIFY(m_store->deleteTask(uuid).ok());

        // then row 1 is removed
        QCOMPARE(removed.size(), 1);
        QCOMPARE(removed.at(0).at(1).toInt(), 1);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(titles(model), (QStringList{u"A"_s, u"C"_s}));
        QCOMPARE(model.rowOf(uuid), -1);
    }

    void importOfAFewTasksInsertsRows() {
        // given a model over one task
        addTask(u"Existing"_s, 3);
        TaskListModel model(m_store.get());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        // when three tasks are imported in one transaction
        QVERIFY(m_store
                    ->createTasks({{{u"title"_s, u"Top"_s}, {u"priority"_s, 1}},
                                   {{u"title"_s, u"Bottom"_s}, {u"priority"_s, 5}},
                                   {{u"title"_s, u"Second"_s}, {u"priority"_s, 2}}})
                    .ok());

        // then three rows are inserted where the store orders them
        QCOMPARE(inserted.size(), 3);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(titles(model), (QStringList{u"Top"_s, u"Second"_s, u"Existing"_s, u"Bottom"_s}));
    }

    void largeImportEndsInTheStoreOrder() {
        // given a model over a few tasks
        addTask(u"Existing"_s, 3);
        TaskListModel model(m_store.get());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);

        // when hundreds of tasks arrive at once
        QList<QJsonObject> batch;
        for (int i = 0; i < 450; ++i)
            batch.append({{u"title"_s, u"Imported %1"_s.arg(i)}, {u"priority"_s, 1 + i % 5}});
        QVERIFY(m_store->createTasks(batch).ok());

        // then the model shows exactly the store's list
        QCOMPARE(model.rowCount(), 451);
        QCOMPARE(titles(model), storeTitles());
    }

    void completingLeavesAFilteredList() {
        // given a model that hides completed tasks
        const QString uuid = addTask(u"Finish me"_s, 1);
        addTask(u"Stay"_s, 2);
        TaskListModel model(m_store.get());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        bizy::TaskFilter open;
        open.includeCompleted = false;
        model.setFilter(open);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        // when a task is completed
        QVERIFY(m_store->completeTask(uuid).ok());

        // then it leaves the list by a row removal
        QCOMPARE(removed.size(), 1);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(titles(model), QStringList{u"Stay"_s});
    }

    void completedAndOverdueTasksAreMarked() {
        // given a task due yesterday and a completed one
        const QDateTime now = bizy::IsoDateTime::nowUtc();
        QVERIFY(m_store
                    ->createTask({{u"title"_s, u"Late"_s},
                                  {u"priority"_s, 1},
                                  {u"due_date"_s, bizy::IsoDateTime::format(now.addDays(-1))}})
                    .ok());
        const QString done = addTask(u"Done"_s, 2);
        QVERIFY(m_store->completeTask(done).ok());

        // when the model shows them
        TaskListModel model(m_store.get());
        model.setNow(now);

        // then the late one's due date is flagged and the done one is struck through
        const QModelIndex lateDue = model.index(0, TaskListModel::DueColumn);
        QVERIFY(lateDue.data(TaskListModel::OverdueRole).toBool());
        QVERIFY(!lateDue.data().toString().isEmpty());
        QVERIFY(lateDue.data(Qt::ToolTipRole).toString().startsWith(u"Overdue since"_s));
        QVERIFY(!lateDue.data(Qt::DecorationRole).isNull());
        const QModelIndex doneTitle = model.index(1, TaskListModel::TitleColumn);
        QVERIFY(doneTitle.data(TaskListModel::CompletedRole).toBool());
        QVERIFY(doneTitle.data(Qt::FontRole).value<QFont>().strikeOut());
        QCOMPARE(model.index(1, TaskListModel::StatusColumn).data().toString(), u"Completed"_s);
        QVERIFY(
            !model.index(1, TaskListModel::DueColumn).data(TaskListModel::OverdueRole).toBool());
    }

    void searchFilterShowsMatchesOnly() {
        // given tasks with different words
        addTask(u"Buy milk"_s, 1);
        addTask(u"Write report"_s, 2);
        addTask(u"Buy stamps"_s, 3);
        TaskListModel model(m_store.get());

        // when the filter searches for "buy"
        bizy::TaskFilter filter;
        filter.search = u"buy"_s;
        model.setFilter(filter);

        // then only the matching tasks remain
        QCOMPARE(titles(model), (QStringList{u"Buy milk"_s, u"Buy stamps"_s}));
    }
};

QTEST_MAIN(TaskListModelTest)
#include "tst_tasklistmodel.moc"
