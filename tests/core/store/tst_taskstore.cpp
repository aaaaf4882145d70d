#include "StoreChangeLog.h"
#include "StoreFault.h"
#include "model/IsoDateTime.h"
#include "store/LocalStore.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace bizy;

// Task CRUD, completion, validation, signals and the outbox entries they write.
class TestTaskStore : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<LocalStore> m_store;

    QString storePath() const { return m_dir.filePath(u"store.sqlite"_s); }

private slots:
    void init() {
        QVERIFY(m_dir.isValid());
        QFile::remove(storePath());
        auto opened = LocalStore::open(storePath());
        QVERIFY2(opened.ok(), qPrintable(opened.ok() ? QString() : opened.error().message));
        m_store = std::move(opened).value();
    }

    void cleanup() {
        m_store.reset();
        QFile::remove(storePath());
        QFile::remove(storePath() + u"-wal"_s);
        QFile::remove(storePath() + u"-shm"_s);
    }

    void createdTaskCanBeReadBackAfterReopening() {
        // given a fresh store
        // when a task with every user field is created
        const QJsonObject fields{
            {u"title"_s, u"Write the report"_s},
            {u"description"_s, u"Quarterly numbers"_s},
            {u"priority"_s, 2},
            {u"category"_s, u"work"_s},
            {u"estimated_hours"_s, 1.5},
            {u"due_date"_s, u"2030-01-02T10:00:00Z"_s},
            {u"notes"_s, u"ask Ana"_s},
            {u"tags"_s, QJsonArray{u"q1"_s, u"finance"_s}},
        };
        const Result<Task> created = m_store->createTask(fields);
        QVERIFY(created.ok());

        // then it comes back with the same fields, also from a reopened file
        m_store.reset();
        auto reopened = LocalStore::open(storePath());
        QVERIFY(reopened.ok());
        m_store = std::move(reopened).value();
        const Result<Task> read = m_store->task(created->uuid);
        QVERIFY(read.ok());
        QCOMPARE(*read, *created);
        QCOMPARE(read->title, u"Write the report"_s);
        QCOMPARE(read->priority, 2);
        QCOMPARE(read->tags, std::optional<QStringList>({u"q1"_s, u"finance"_s}));
        QCOMPARE(read->dueDate->toString(Qt::ISODate), u"2030-01-02T10:00:00Z"_s);
        QVERIFY(!read->actualHours.has_value());
        QCOMPARE(toString(read->status), toString(TaskStatus::Pending));
    }

    void invalidFieldsAreRefusedAndChangeNothing() {
        // given a store with no tasks
        // when a task with an empty title and a priority of 9 is created
        const Result<Task> created =
            m_store->createTask({{u"title"_s, QString()}, {u"priority"_s, 9}});

        // then both fields are reported and nothing was written
        QVERIFY(!created.ok());
        QCOMPARE(created.error().code, Error::Code::Validation);
        QCOMPARE(created.error().fields.size(), 2);
        QCOMPARE(created.error().fields.at(0).loc, QJsonArray{u"title"_s});
        QCOMPARE(created.error().fields.at(1).loc, QJsonArray{u"priority"_s});
        QCOMPARE(m_store->taskCount().value(), 0);
        QCOMPARE(m_store->pendingCount().value(), 0);
    }

    void updateChangesOnlyTheGivenFields() {
        // given a task
        const Task task = m_store->createTask({{u"title"_s, u"A"_s}, {u"notes"_s, u"n"_s}}).value();

        // when only its priority is patched
        const Result<Task> updated = m_store->updateTask(task.uuid, {{u"priority"_s, 1}});

        // then priority changed, everything else stayed
        QVERIFY(updated.ok());
        const Task read = *m_store->task(task.uuid);
        QCOMPARE(read.priority, 1);
        QCOMPARE(read.title, u"A"_s);
        QCOMPARE(read.notes, std::optional<QString>(u"n"_s));
    }

    void invalidPatchChangesNothing() {
        // given a task
        const Task task = m_store->createTask({{u"title"_s, u"A"_s}}).value();
        const qsizetype pending = m_store->pendingCount().value();

        // when a patch holds a bad status next to a good title
        const Result<Task> updated =
            m_store->updateTask(task.uuid, {{u"title"_s, u"B"_s}, {u"status"_s, u"done"_s}});

        // then it is refused and neither field changed
        QVERIFY(!updated.ok());
        QCOMPARE(updated.error().fields.at(0).loc, QJsonArray{u"status"_s});
        QCOMPARE(m_store->task(task.uuid)->title, u"A"_s);
        QCOMPARE(m_store->pendingCount().value(), pending);
    }

    void parentGoalMustExist() {
        // given no goals
        // when a task names a goal that does not exist
        const QString missing = u"6f1c2a40-0000-4000-8000-000000000001"_s;
        const Result<Task> created =
            m_store->createTask({{u"title"_s, u"A"_s}, {u"parent_goal_uuid"_s, missing}});

        // then it is a validation error on parent_goal_uuid
        QVERIFY(!created.ok());
        QCOMPARE(created.error().code, Error::Code::Validation);
        QCOMPARE(created.error().fields.at(0).loc, QJsonArray{u"parent_goal_uuid"_s});
        QCOMPARE(m_store->taskCount().value(), 0);
    }

    void completeAndUncompleteFollowTheContract() {
        // given a pending task
        const Task task = m_store->createTask({{u"title"_s, u"A"_s}}).value();

        // when it is completed with actual hours
        const Result<Task> completed = m_store->completeTask(task.uuid, 2.5);

        // then it is completed with a completion time, and completing again fails
        QVERIFY(completed.ok());
        QCOMPARE(toString(completed->status), toString(TaskStatus::Completed));
        QVERIFY(completed->completedAt.has_value());
        QCOMPARE(completed->actualHours, std::optional<double>(2.5));
        const Result<Task> again = m_store->completeTask(task.uuid);
        QVERIFY(!again.ok());
        QCOMPARE(again.error().message, u"Task is already completed"_s);

        // when it is uncompleted
        const Result<Task> reopened = m_store->uncompleteTask(task.uuid);

        // then it is pending without a completion time, and uncompleting again fails
        QVERIFY(reopened.ok());
        QCOMPARE(toString(m_store->task(task.uuid)->status), toString(TaskStatus::Pending));
        QVERIFY(!m_store->task(task.uuid)->completedAt.has_value());
        const Result<Task> twice = m_store->uncompleteTask(task.uuid);
        QVERIFY(!twice.ok());
        QCOMPARE(twice.error().message, u"Task is not completed"_s);
    }

    void statusPatchToCompletedSetsCompletedAt() {
        // given a task
        const Task task = m_store->createTask({{u"title"_s, u"A"_s}}).value();

        // when its status is patched to completed
        const Task updated =
            m_store->updateTask(task.uuid, {{u"status"_s, u"completed"_s}}).value();

        // then completed_at is set, and the outbox carries both fields
        QVERIFY(updated.completedAt.has_value());
        const QList<OutboxMutation> pending = m_store->pendingMutations().value();
        QCOMPARE(pending.size(), 1);
        QCOMPARE(pending.at(0).fields.value(u"status"_s).toString(), u"completed"_s);
        QCOMPARE(pending.at(0).fields.value(u"completed_at"_s).toString(),
                 IsoDateTime::format(*updated.completedAt));
    }

    void deleteRemovesTheTask() {
        // given two tasks
        const Task a = m_store->createTask({{u"title"_s, u"A"_s}}).value();
        const Task b = m_store->createTask({{u"title"_s, u"B"_s}}).value();

        // when one is deleted
        QVERIFY(m_store->deleteTask(a.uuid).ok());

        // then only the other is left, and deleting it again is NotFound
        QVERIFY(!m_store->task(a.uuid).ok());
        QCOMPARE(m_store->taskCount().value(), 1);
        QCOMPARE(m_store->tasks().value().at(0).uuid, b.uuid);
        const Status again = m_store->deleteTask(a.uuid);
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, Error::Code::NotFound);
    }

    void deletingATaskRemovesItFromDependencies() {
        // given task B depending on task A
        const Task a = m_store->createTask({{u"title"_s, u"A"_s}}).value();
        const Task b =
            m_store->createTask({{u"title"_s, u"B"_s}, {u"dependency_uuids"_s, QJsonArray{a.uuid}}})
                .value();

        // when A is deleted
        QVERIFY(m_store->deleteTask(a.uuid).ok());

        // then B no longer depends on it, and nothing queued refers to A
        QCOMPARE(m_store->task(b.uuid)->dependencyUuids, std::optional<QStringList>(QStringList()));
        for (const OutboxMutation& m : m_store->pendingMutations().value()) {
            QVERIFY(m.uuid != a.uuid);
            QVERIFY(!m.fields.value(u"dependency_uuids"_s).toArray().contains(a.uuid));
        }
    }

    void signalsNameTheChangedRows() {
        // given spies on the store's signals
        StoreChangeLog tasksChanged(m_store.get());
        StoreChangeLog outboxChanged(m_store.get());

        // when a task is created, updated and deleted
        const Task task = m_store->createTask({{u"title"_s, u"A"_s}}).value();
        QVERIFY(m_store->updateTask(task.uuid, {{u"title"_s, u"B"_s}}).ok());
        QVERIFY(m_store->deleteTask(task.uuid).ok());

        // then each change names the task, and the outbox count follows
        QCOMPARE(tasksChanged.tasks().size(), 3);
        for (const QStringList& uuids : tasksChanged.tasks())
            QCOMPARE(uuids, QStringList{task.uuid});
        QCOMPARE(outboxChanged.pendingCounts().size(), 3);
        QCOMPARE(outboxChanged.pendingCounts().at(0), 1);
        QCOMPARE(outboxChanged.pendingCounts().at(2), 0);
    }

    void failedChangeEmitsNothing() {
        // given a spy
        StoreChangeLog tasksChanged(m_store.get());

        // when a create fails validation
        QVERIFY(!m_store->createTask({{u"priority"_s, 3}}).ok());

        // then no signal was emitted
        QCOMPARE(tasksChanged.tasks().size(), 0);
    }

    void bulkCreateIsAllOrNothing() {
        // given a batch whose third entry is invalid
        const QList<QJsonObject> batch{{{u"title"_s, u"A"_s}},
                                       {{u"title"_s, u"B"_s}},
                                       {{u"title"_s, u"C"_s}, {u"priority"_s, 0}}};

        // when it is imported
        const Result<QList<Task>> created = m_store->createTasks(batch);

        // then nothing was written and the error names the entry
        QVERIFY(!created.ok());
        QCOMPARE(created.error().fields.at(0).loc, (QJsonArray{2, u"priority"_s}));
        QCOMPARE(m_store->taskCount().value(), 0);
        QCOMPARE(m_store->pendingCount().value(), 0);

        // when the valid part is imported
        const Result<QList<Task>> ok = m_store->createTasks(batch.mid(0, 2));

        // then both tasks exist, each with its create in the outbox
        QVERIFY(ok.ok());
        QCOMPARE(m_store->taskCount().value(), 2);
        QCOMPARE(m_store->pendingCount().value(), 2);
    }

    void bulkCreateThatTheDiskRefusesLeavesNothing() {
        // given a store whose file refuses new outbox rows, as a full disk would
        const QList<QJsonObject> batch{{{u"title"_s, u"A"_s}, {u"tags"_s, QJsonArray{u"t"_s}}},
                                       {{u"title"_s, u"B"_s}}};
        QCOMPARE(refuseWrites(storePath(), u"outbox"_s, u"INSERT"_s), QString());

        // when a batch is created
        const Result<QList<Task>> refused = m_store->createTasks(batch);

        // then it is a storage error in words, and no task, tag or search entry is left
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, Error::Code::Storage);
        QVERIFY2(refused.error().message.contains(u"could not write the outbox"_s),
                 qPrintable(refused.error().message));
        QCOMPARE(m_store->taskCount().value(), 0);
        TaskFilter tagged;
        tagged.tag = u"t"_s;
        QCOMPARE(m_store->taskCount(tagged).value(), 0);
        TaskFilter found;
        found.search = u"A"_s;
        QCOMPARE(m_store->taskCount(found).value(), 0);

        // when the disk takes writes again, then the same batch is created whole
        QCOMPARE(allowWrites(storePath()), QString());
        QCOMPARE(m_store->createTasks(batch).value().size(), 2);
        QCOMPARE(m_store->taskCount(tagged).value(), 1);
        QCOMPARE(m_store->pendingCount().value(), 2);
    }

    void bulkEditsAreAllOrNothing() {
        // given three tasks
        QStringList uuids;
        for (const QString& title : {u"A"_s, u"B"_s, u"C"_s})
            uuids << m_store->createTask(QJsonObject{{u"title"_s, title}}).value().uuid;
        const qsizetype pendingBefore = m_store->pendingCount().value();

        // when all three are moved to priority 1 and completed
        TaskPatch urgent;
        urgent.priority = 1;
        QCOMPARE(m_store->updateTasks(uuids, urgent).value().size(), 3);
        QCOMPARE(m_store->setTasksCompleted(uuids, true).value().size(), 3);

        // then each changed, with its outbox mutations
        for (const QString& uuid : uuids) {
            const Task task = m_store->task(uuid).value();
            QCOMPARE(task.priority, 1);
            QVERIFY(task.isCompleted());
        }
        QVERIFY(m_store->pendingCount().value() >= pendingBefore);

        // when a batch names a task that does not exist
        TaskPatch low;
        low.priority = 5;
        const Result<QList<Task>> moved =
            m_store->updateTasks({uuids.at(0), u"6a1f2c3d-0000-4000-8000-00000000dead"_s}, low);

        // then nothing changed, not even the first task
        QVERIFY(!moved.ok());
        QCOMPARE(moved.error().code, Error::Code::NotFound);
        QCOMPARE(m_store->task(uuids.at(0)).value().priority, 1);
        const Status deleted =
            m_store->deleteTasks({uuids.at(1), u"6a1f2c3d-0000-4000-8000-00000000dead"_s});
        QVERIFY(!deleted.ok());
        QCOMPARE(m_store->taskCount().value(), 3);

        // when they are reopened and deleted together
        QVERIFY(m_store->setTasksCompleted(uuids, false).ok());
        QVERIFY(!m_store->task(uuids.at(2)).value().isCompleted());
        QVERIFY(m_store->deleteTasks(uuids).ok());

        // then none is left
        QCOMPARE(m_store->taskCount().value(), 0);
    }

    void bulkCreateStoresWhatSingleCreateStores() {
        // given the same fields, every kind of value set
        const Goal goal =
            m_store->createGoal({{u"title"_s, u"G"_s}, {u"horizon"_s, u"weekly"_s}}).value();
        const QJsonObject fields{
            {u"title"_s, u"Full"_s},
            {u"description"_s, u"d"_s},
            {u"priority"_s, 4},
            {u"status"_s, u"completed"_s},
            {u"category"_s, u"c"_s},
            {u"estimated_hours"_s, 0.1},
            {u"actual_hours"_s, 2},
            {u"due_date"_s, u"2030-01-02T03:04:05.678Z"_s},
            {u"parent_goal_uuid"_s, goal.uuid},
            {u"dependency_uuids"_s, QJsonArray{goal.uuid}},
            {u"notes"_s, u"n"_s},
            {u"tags"_s, QJsonArray{u"a"_s, u"b"_s}},
        };
        const QJsonObject sparse{{u"title"_s, u"Sparse"_s}, {u"tags"_s, QJsonArray{}}};

        // when they are created one by one and in bulk
        const Task single = m_store->createTask(fields).value();
        const Task singleSparse = m_store->createTask(sparse).value();
        const QList<Task> bulk = m_store->createTasks({fields, sparse}).value();

        // then the rows read back alike, and so do their outbox creates
        for (const auto& [one, many] :
             {std::pair{single, bulk.at(0)}, std::pair{singleSparse, bulk.at(1)}}) {
            Task a = *m_store->task(one.uuid);
            Task b = *m_store->task(many.uuid);
            QCOMPARE(b, many);
            b.uuid = a.uuid;
            b.createdAt = a.createdAt;
            b.updatedAt = a.updatedAt;
            b.completedAt = a.completedAt;
            QCOMPARE(b, a);
        }
        QList<QJsonObject> creates;
        for (const OutboxMutation& m : m_store->pendingMutations().value()) {
            QJsonObject fieldsOnly = m.fields;
            for (const QString& time : {u"created_at"_s, u"completed_at"_s})
                if (fieldsOnly.value(time).isString())
                    fieldsOnly.insert(time, u"t"_s);
            creates << fieldsOnly;
        }
        QCOMPARE(creates.size(), 5);
        QCOMPARE(creates.at(3), creates.at(1));
        QCOMPARE(creates.at(4), creates.at(2));
        TaskFilter tagged;
        tagged.tag = u"b"_s;
        QCOMPARE(m_store->taskCount(tagged).value(), 2);
        TaskFilter search;
        search.search = u"full"_s;
        QCOMPARE(m_store->taskCount(search).value(), 2);
    }
};

QTEST_GUILESS_MAIN(TestTaskStore)
#include "tst_taskstore.moc"
