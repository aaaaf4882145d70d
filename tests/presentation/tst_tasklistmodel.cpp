#include "BlockingStore.h"
#include "TaskListModel.h"
#include "model/IsoDateTime.h"
#include "store/StoreClient.h"

#include <QAbstractItemModelTester>
#include <QFont>
#include <QJsonArray>
#include <QJsonObject>
#include <QPixmap>
#include <QSemaphore>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace Qt::StringLiterals;
using bizy::LocalStore;
using bizy::StoreClient;
using bizy::Task;
using bizy::TaskListModel;

// TaskListModel over a real SQLite store on its worker thread: the rows in the
// list order, row-level signals from the store's change events (so views keep
// their selection), paging, and reads that fail.
class TaskListModelTest : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<StoreClient> m_client;
    BlockingStore m_store;

    QString addTask(const QString& title, int priority) {
        const bizy::Result<Task> task =
            m_store.createTask({{u"title"_s, title}, {u"priority"_s, priority}});
        if (!task)
            qFatal("cannot create a task: %s", qPrintable(task.error().message));
        return task->uuid;
    }

    void addTasks(int count) {
        QList<QJsonObject> batch;
        for (int i = 0; i < count; ++i) {
            QJsonObject fields{{u"title"_s, u"Task %1"_s.arg(i, 3, 10, QChar(u'0'))},
                               {u"priority"_s, 1 + i % 5}};
            if (i % 3 == 0) // some with a due date, so the order has every key to follow
                fields.insert(u"due_date"_s,
                              u"2031-01-%1T10:00:00Z"_s.arg(1 + i % 28, 2, 10, QChar(u'0')));
            batch.append(fields);
        }
        QVERIFY(m_store.createTasks(batch).ok());
    }

    // Shows the store and waits for the first page.
    void open(TaskListModel& model) {
        QSignalSpy loaded(&model, &TaskListModel::loaded);
        model.setStore(m_client.get());
        QTRY_COMPARE(loaded.count(), 1);
    }

    void setFilterAndWait(TaskListModel& model, const bizy::TaskFilter& filter) {
        QSignalSpy loaded(&model, &TaskListModel::loaded);
        model.setFilter(filter);
        QTRY_COMPARE(loaded.count(), 1);
    }

    static QStringList titles(const TaskListModel& model) {
        QStringList result;
        for (int row = 0; row < model.rowCount(); ++row)
            result << model.index(row, TaskListModel::TitleColumn).data().toString();
        return result;
    }

    QStringList storeTitles() const {
        QStringList result;
        for (const Task& task : m_store.tasks().value())
            result << task.title;
        return result;
    }

    // Scrolls down as a view does, a page at a time; true once every row is there.
    static bool fetchedAll(TaskListModel& model) {
        if (model.canFetchMore({}))
            model.fetchMore({});
        return model.totalCount() >= 0 && model.rowCount() == model.totalCount() &&
               !model.canFetchMore({});
    }

    static QIcon filledIcon(Qt::GlobalColor color) {
        QPixmap pixmap(16, 16);
        pixmap.fill(color);
        return QIcon(pixmap);
    }

private slots:
    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        bizy::Result<std::unique_ptr<StoreClient>> client =
            StoreClient::open(m_dir->filePath(u"tasks.sqlite"_s));
        QVERIFY2(client.ok(), client.ok() ? "" : qPrintable(client.error().message));
        m_client = std::move(client).value();
        m_store = BlockingStore(m_client.get());
    }

    void cleanup() {
        m_store = BlockingStore();
        m_client.reset();
        m_dir.reset();
    }

    void sortsByAColumnAndPlacesNewRowsInThatOrder() {
        // given tasks listed in the contract's order
        addTask(u"Mango"_s, 1);
        addTask(u"apple"_s, 3);
        addTask(u"Kiwi"_s, 5);
        TaskListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        open(model);
        QCOMPARE(titles(model), (QStringList{u"Mango"_s, u"apple"_s, u"Kiwi"_s}));

        // when the view orders by title, Z to A
        QSignalSpy loaded(&model, &TaskListModel::loaded);
        model.sort(TaskListModel::TitleColumn, Qt::DescendingOrder);
        QTRY_COMPARE(loaded.count(), 1);

        // then the rows follow (case does not matter), and a new task lands in its place
        QCOMPARE(titles(model), (QStringList{u"Mango"_s, u"Kiwi"_s, u"apple"_s}));
        addTask(u"banana"_s, 2);
        QTRY_COMPARE(titles(model), (QStringList{u"Mango"_s, u"Kiwi"_s, u"banana"_s, u"apple"_s}));

        // when it goes back to the list order (a column that cannot sort, or none)
        model.sort(TaskListModel::GoalColumn);
        QTRY_COMPARE(loaded.count(), 2);
        QCOMPARE(titles(model), (QStringList{u"Mango"_s, u"banana"_s, u"apple"_s, u"Kiwi"_s}));
        QVERIFY(!TaskListModel::canSortBy(TaskListModel::TagsColumn));
    }

    void showsTasksInContractOrder() {
        // given tasks of different priorities
        addTask(u"Low"_s, 5);
        addTask(u"Urgent"_s, 1);
        addTask(u"Normal"_s, 3);

        // when a model is made over the store
        TaskListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        open(model);

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
        TaskListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        open(model);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        // when a task that sorts in the middle is created
        addTask(u"Middle"_s, 3);

        // then exactly one row appears at its place
        QTRY_COMPARE(inserted.size(), 1);
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
        TaskListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        open(model);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        // when the middle task's title changes
        QVERIFY(m_store.updateTask(uuid, {{u"title"_s, u"B renamed"_s}}).ok());

        // then row 1 reports a change and nothing else moves
        QTRY_COMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 1);
        QCOMPARE(changed.at(0).at(1).toModelIndex().row(), 1);
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(removed.size(), 0);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(model.index(1, TaskListModel::TitleColumn).data().toString(), u"B renamed"_s);
    }

    void changeEventUpdatesTheRowWithoutReadingTheStore() {
        // given a model over three tasks
        addTask(u"A"_s, 1);
        const QString uuid = addTask(u"B"_s, 2);
        addTask(u"C"_s, 3);
        TaskListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        open(model);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

        // when a task is renamed, and then the store's worker is kept busy so
        // that no read could answer
        QVERIFY(m_store.updateTask(uuid, {{u"title"_s, u"B renamed"_s}}).ok());
        QSemaphore release;
        QFuture<int> busy = m_client->run([&release](LocalStore&) {
            release.acquire();
            return 0;
        });

        // then the row shows the new title all the same, from the change event alone
        QTRY_COMPARE(model.index(1, TaskListModel::TitleColumn).data().toString(), u"B renamed"_s);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(titles(model), (QStringList{u"A"_s, u"B renamed"_s, u"C"_s}));
        release.release();
        QTRY_VERIFY(busy.isFinished());
    }

    void priorityChangeMovesTheRow() {
        // given four tasks in priority order
        const QString first = addTask(u"A"_s, 1);
        addTask(u"B"_s, 2);
        addTask(u"C"_s, 3);
        addTask(u"D"_s, 4);
        TaskListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        open(model);
        QSignalSpy moved(&model, &QAbstractItemModel::rowsMoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

        // when the first task drops to the lowest priority
        QVERIFY(m_store.updateTask(first, {{u"priority"_s, 5}}).ok());

        // then that one row moves to the end, in the store's order
        QTRY_COMPARE(moved.size(), 1);
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
        TaskListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        open(model);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        // when the middle one is deleted
        QVERIFY(m_store.deleteTask(uuid).ok());

        // then row 1 is removed
        QTRY_COMPARE(removed.size(), 1);
        QCOMPARE(removed.at(0).at(1).toInt(), 1);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(titles(model), (QStringList{u"A"_s, u"C"_s}));
        QCOMPARE(model.rowOf(uuid), -1);
    }

    void importOfAFewTasksInsertsRows() {
        // given a model over one task
        addTask(u"Existing"_s, 3);
        TaskListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        open(model);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        // when three tasks are imported in one transaction
        QVERIFY(m_store
                    .createTasks({{{u"title"_s, u"Top"_s}, {u"priority"_s, 1}},
                                  {{u"title"_s, u"Bottom"_s}, {u"priority"_s, 5}},
                                  {{u"title"_s, u"Second"_s}, {u"priority"_s, 2}}})
                    .ok());

        // then three rows are inserted where the store orders them
        QTRY_COMPARE(inserted.size(), 3);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(titles(model), (QStringList{u"Top"_s, u"Second"_s, u"Existing"_s, u"Bottom"_s}));
    }

    void largeImportEndsInTheStoreOrder() {
        // given a model over a few tasks
        addTask(u"Existing"_s, 3);
        TaskListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        open(model);

        // when hundreds of tasks arrive at once
        QList<QJsonObject> batch;
        for (int i = 0; i < 450; ++i)
            batch.append({{u"title"_s, u"Imported %1"_s.arg(i)}, {u"priority"_s, 1 + i % 5}});
        QVERIFY(m_store.createTasks(batch).ok());

        // then the model, scrolled to the end, shows exactly the store's list
        QTRY_COMPARE(model.totalCount(), 451);
        QTRY_VERIFY(fetchedAll(model));
        QCOMPARE(model.rowCount(), 451);
        QCOMPARE(titles(model), storeTitles());
    }

    void syncSizedChanges_leaveOnePageLoaded() {
        // given a model showing every task of a small store (the list is complete)
        addTask(u"Existing"_s, 3);
        TaskListModel model;
        open(model);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        // when three changes of a thousand tasks each arrive back to back, as a
        // first sync's pages do
        // (each its own due date, so no two tie and each could be placed alone)
        const QDateTime firstDue(QDate(2031, 1, 1), QTime(9, 0), Qt::UTC);
        for (int page = 0; page < 3; ++page) {
            QList<QJsonObject> batch;
            for (int i = 0; i < 1000; ++i)
                batch.append({{u"title"_s, u"Pulled %1-%2"_s.arg(page).arg(i)},
                              {u"priority"_s, 1 + i % 5},
                              {u"due_date"_s, bizy::IsoDateTime::format(
                                                  firstDue.addSecs(60 * (page * 1000 + i)))}});
            QVERIFY(m_store.createTasks(batch).ok());
        }

        // then the model holds the store's first page, not every task, and
        // counts them all; a view scrolling down brings the rest
        QTRY_COMPARE(model.totalCount(), 3001);
        QTRY_COMPARE(titles(model), storeTitles().mid(0, TaskListModel::kPageSize));
        QCOMPARE(model.rowCount(), TaskListModel::kPageSize);
        QVERIFY(model.canFetchMore({}));
        QCOMPARE(reset.size(), 0);
    }

    void storeOfMoreThanOnePage_opensWithOnePage_andFetchMoreBringsTheRestInOrder() {
        // given a store of 450 tasks, more than two pages
        addTasks(450);

        // when a model is made over it (without QAbstractItemModelTester, which
        // asks for more on every change, as a view scrolled to the end would)
        TaskListModel model;
        open(model);

        // then it holds the first page, knows there are more, and counts them all
        QCOMPARE(model.rowCount(), TaskListModel::kPageSize);
        QCOMPARE(model.totalCount(), 450);
        QVERIFY(model.canFetchMore({}));
        const QStringList all = storeTitles();
        QCOMPARE(titles(model), all.mid(0, TaskListModel::kPageSize));

        // when a view scrolls down, twice
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.fetchMore({});
        QTRY_COMPARE(model.rowCount(), 2 * TaskListModel::kPageSize);
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QTRY_COMPARE(model.rowCount(), 450);

        // then each page is appended below the rows shown, and the list is the store's
        QCOMPARE(inserted.size(), 2);
        QCOMPARE(inserted.at(0).at(1).toInt(), TaskListModel::kPageSize);
        QCOMPARE(inserted.at(1).at(1).toInt(), 2 * TaskListModel::kPageSize);
        QCOMPARE(reset.size(), 0);
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(titles(model), all);
    }

    void failedRead_isReported_andLeavesTheRows() {
        // given a model showing the first page of a throwaway store of 450 tasks
        addTasks(450);
        TaskListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        open(model);
        const QStringList shown = titles(model);
        QCOMPARE(shown.size(), TaskListModel::kPageSize);
        QCOMPARE(model.errorText(), QString());

        // when the tasks table goes away under the store (another connection drops it)
        const QString dropped = m_store.call([](LocalStore& store) {
            QString error;
            {
                QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"breaker"_s);
                db.setDatabaseName(store.path());
                QSqlQuery query(db);
                if (!db.open() || !query.exec(u"DROP TABLE tasks"_s))
                    error = db.lastError().text() + query.lastError().text();
            }
            QSqlDatabase::removeDatabase(u"breaker"_s);
            return error;
        });
        QVERIFY2(dropped.isEmpty(), qPrintable(dropped));
        // and a view scrolls down
        QSignalSpy failed(&model, &TaskListModel::errorOccurred);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.fetchMore({});

        // then the failure is said once, in words, and the rows shown stay
        QTRY_COMPARE(failed.size(), 1);
        QVERIFY(!failed.at(0).at(0).toString().isEmpty());
        QCOMPARE(model.errorText(), failed.at(0).at(0).toString());
        QCOMPARE(titles(model), shown);
        QCOMPARE(removed.size(), 0);
        QCOMPARE(reset.size(), 0);
    }

    void completingLeavesAFilteredList() {
        // given a model that hides completed tasks
        const QString uuid = addTask(u"Finish me"_s, 1);
        addTask(u"Stay"_s, 2);
        TaskListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        open(model);
        bizy::TaskFilter openOnly;
        openOnly.includeCompleted = false;
        setFilterAndWait(model, openOnly);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        // when a task is completed
        QVERIFY(m_store.completeTask(uuid).ok());

        // then it leaves the list by a row removal
        QTRY_COMPARE(removed.size(), 1);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(titles(model), QStringList{u"Stay"_s});
    }

    void completedAndOverdueTasksAreMarked() {
        // given a task due yesterday and a completed one
        const QDateTime now = bizy::IsoDateTime::nowUtc();
        QVERIFY(m_store
                    .createTask({{u"title"_s, u"Late"_s},
                                 {u"priority"_s, 1},
                                 {u"due_date"_s, bizy::IsoDateTime::format(now.addDays(-1))}})
                    .ok());
        const QString done = addTask(u"Done"_s, 2);
        QVERIFY(m_store.completeTask(done).ok());

        // when the model shows them, with the window's icons for the marks
        TaskListModel model;
        const QIcon overdueIcon = filledIcon(Qt::red);
        const QIcon completedIcon = filledIcon(Qt::green);
        model.setMarkIcons(overdueIcon, completedIcon);
        open(model);

        // then the late one's due date is flagged and the done one is struck through
        const QModelIndex lateDue = model.index(0, TaskListModel::DueColumn);
        QVERIFY(lateDue.data(TaskListModel::OverdueRole).toBool());
        QVERIFY(!lateDue.data().toString().isEmpty());
        QVERIFY(lateDue.data(Qt::ToolTipRole).toString().startsWith(u"Overdue since"_s));
        QCOMPARE(lateDue.data(Qt::DecorationRole).value<QIcon>().cacheKey(),
                 overdueIcon.cacheKey());
        const QModelIndex doneTitle = model.index(1, TaskListModel::TitleColumn);
        QVERIFY(doneTitle.data(TaskListModel::CompletedRole).toBool());
        QVERIFY(doneTitle.data(Qt::FontRole).value<QFont>().strikeOut());
        QCOMPARE(model.index(1, TaskListModel::StatusColumn).data().toString(), u"Completed"_s);
        QCOMPARE(model.index(1, TaskListModel::StatusColumn)
                     .data(Qt::DecorationRole)
                     .value<QIcon>()
                     .cacheKey(),
                 completedIcon.cacheKey());
        QVERIFY(
            !model.index(1, TaskListModel::DueColumn).data(TaskListModel::OverdueRole).toBool());
        QVERIFY(model.index(0, TaskListModel::StatusColumn).data(Qt::DecorationRole).isNull());
    }

    void searchFilterShowsMatchesOnly() {
        // given tasks with different words
        addTask(u"Buy milk"_s, 1);
        addTask(u"Write report"_s, 2);
        addTask(u"Buy stamps"_s, 3);
        TaskListModel model;
        open(model);

        // when the filter searches for "buy"
        bizy::TaskFilter filter;
        filter.search = u"buy"_s;
        setFilterAndWait(model, filter);

        // then only the matching tasks remain
        QCOMPARE(titles(model), (QStringList{u"Buy milk"_s, u"Buy stamps"_s}));
    }
};

QTEST_MAIN(TaskListModelTest)
#include "tst_tasklistmodel.moc"
