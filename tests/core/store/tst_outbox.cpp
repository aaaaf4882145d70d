#include "StoreChangeLog.h"
#include "store/LocalStore.h"

#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace bizy;

// The outbox rules: coalescing of unsent edits, deletes, base versions,
// sealing with consecutive mids and acknowledging.
class TestOutbox : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<LocalStore> m_store;
    int m_opened = 0;

    Task addTask(const QString& title) {
        return m_store->createTask({{u"title"_s, title}}).value();
    }

    // Seals and acknowledges everything, as after a successful push.
    void pushEverything() {
        const QList<OutboxMutation> batch = m_store->sealBatch(1000).value();
        if (!batch.isEmpty())
            QVERIFY(m_store->acknowledge(*batch.last().mid).ok());
        QCOMPARE(m_store->pendingCount().value(), 0);
    }

private slots:
    void init() {
        m_store = LocalStore::open(m_dir.filePath(u"o%1.sqlite"_s.arg(++m_opened))).value();
    }

    void cleanup() { m_store.reset(); }

    void createCarriesAllFieldsWithBaseVersionZero() {
        // given/when a task is created
        const Task task = m_store->createTask({{u"title"_s, u"A"_s}, {u"priority"_s, 2}}).value();

        // then one upsert carries every sync-writable field, base_version 0, no mid yet
        const QList<OutboxMutation> pending = m_store->pendingMutations().value();
        QCOMPARE(pending.size(), 1);
        const OutboxMutation& m = pending.first();
        QCOMPARE(m.uuid, task.uuid);
        QVERIFY(m.entity == OutboxMutation::Entity::Task);
        QVERIFY(m.op == OutboxMutation::Op::Upsert);
        QCOMPARE(m.baseVersion, 0);
        QVERIFY(!m.mid.has_value());
        QCOMPARE(m.fields.value(u"title"_s).toString(), u"A"_s);
        QCOMPARE(m.fields.value(u"priority"_s).toInt(), 2);
        QCOMPARE(m.fields.value(u"status"_s).toString(), u"pending"_s);
        QVERIFY(m.fields.contains(u"tags"_s));
        QVERIFY(m.fields.value(u"tags"_s).isNull());
        QVERIFY(m.fields.contains(u"created_at"_s));
        QVERIFY(!m.fields.contains(u"id"_s));
        QVERIFY(!m.fields.contains(u"updated_at"_s));
        QVERIFY(!m.fields.contains(u"parent_goal_id"_s));
    }

    void unsentEditsCoalesceLaterValueWins() {
        // given an unsent create
        const Task task = addTask(u"A"_s);

        // when the task is edited three times
        QVERIFY(m_store->updateTask(task.uuid, {{u"title"_s, u"B"_s}}).ok());
        QVERIFY(m_store->updateTask(task.uuid, {{u"notes"_s, u"n"_s}}).ok());
        QVERIFY(m_store->updateTask(task.uuid, {{u"title"_s, u"C"_s}}).ok());

        // then one mutation holds the create with the latest values
        const QList<OutboxMutation> pending = m_store->pendingMutations().value();
        QCOMPARE(pending.size(), 1);
        QCOMPARE(pending.first().fields.value(u"title"_s).toString(), u"C"_s);
        QCOMPARE(pending.first().fields.value(u"notes"_s).toString(), u"n"_s);
        QCOMPARE(pending.first().baseVersion, 0);
    }

    void editsOfASyncedRowCarryOnlyWhatChanged() {
        // given a task the server has acknowledged
        const Task task = addTask(u"A"_s);
        pushEverything();

        // when two fields are edited in two steps, one of them set to its current value too
        QVERIFY(m_store->updateTask(task.uuid, {{u"priority"_s, 1}, {u"title"_s, u"A"_s}}).ok());
        QVERIFY(m_store->updateTask(task.uuid, {{u"category"_s, u"work"_s}}).ok());

        // then one mutation with only the changed fields
        const QList<OutboxMutation> pending = m_store->pendingMutations().value();
        QCOMPARE(pending.size(), 1);
        QCOMPARE(pending.first().fields,
                 (QJsonObject{{u"priority"_s, 1}, {u"category"_s, u"work"_s}}));
    }

    void anEditThatChangesNothingQueuesNothing() {
        // given a synced task
        const Task task = addTask(u"A"_s);
        pushEverything();
        StoreChangeLog tasksChanged(m_store.get());

        // when it is "changed" to what it already is
        QVERIFY(m_store->updateTask(task.uuid, {{u"title"_s, u"A"_s}}).ok());

        // then nothing is queued and nobody is told
        QCOMPARE(m_store->pendingCount().value(), 0);
        QCOMPARE(tasksChanged.tasks().size(), 0);
    }

    void deleteAfterUnsentCreateLeavesNothing() {
        // given an unsent create with an edit
        const Task task = addTask(u"A"_s);
        QVERIFY(m_store->updateTask(task.uuid, {{u"title"_s, u"B"_s}}).ok());

        // when it is deleted
        QVERIFY(m_store->deleteTask(task.uuid).ok());

        // then there is nothing to send
        QCOMPARE(m_store->pendingCount().value(), 0);
    }

    void deleteAfterUnsentEditsOfASyncedRowIsOneDelete() {
        // given a synced task with unsent edits
        const Task task = addTask(u"A"_s);
        pushEverything();
        QVERIFY(m_store->updateTask(task.uuid, {{u"title"_s, u"B"_s}}).ok());
        QVERIFY(m_store->updateTask(task.uuid, {{u"notes"_s, u"x"_s}}).ok());

        // when it is deleted
        QVERIFY(m_store->deleteTask(task.uuid).ok());

        // then one delete with no fields is left
        const QList<OutboxMutation> pending = m_store->pendingMutations().value();
        QCOMPARE(pending.size(), 1);
        QVERIFY(pending.first().op == OutboxMutation::Op::Delete);
        QCOMPARE(pending.first().fields, QJsonObject());
        QCOMPARE(pending.first().toJson().value(u"fields"_s).toObject(), QJsonObject());
    }

    void deleteAfterASealedCreateIsSent() {
        // given a create that is sealed (maybe already at the server) but not acknowledged
        const Task task = addTask(u"A"_s);
        QCOMPARE(m_store->sealBatch(10).value().size(), 1);

        // when the task is deleted
        QVERIFY(m_store->deleteTask(task.uuid).ok());

        // then the sealed create stays as it was and a delete follows it
        const QList<OutboxMutation> pending = m_store->pendingMutations().value();
        QCOMPARE(pending.size(), 2);
        QCOMPARE(pending.at(0).mid, std::optional<qint64>(1));
        QVERIFY(pending.at(0).op == OutboxMutation::Op::Upsert);
        QVERIFY(pending.at(1).op == OutboxMutation::Op::Delete);
        QVERIFY(!pending.at(1).mid.has_value());
    }

    void sealedMutationsAreNeverCoalesced() {
        // given a sealed create
        const Task task = addTask(u"A"_s);
        const QList<OutboxMutation> sealed = m_store->sealBatch(10).value();

        // when the task is edited
        QVERIFY(m_store->updateTask(task.uuid, {{u"title"_s, u"B"_s}}).ok());

        // then the sealed one still says A and a new mutation says B
        const QList<OutboxMutation> pending = m_store->pendingMutations().value();
        QCOMPARE(pending.size(), 2);
        QCOMPARE(pending.at(0).fields, sealed.at(0).fields);
        QCOMPARE(pending.at(0).fields.value(u"title"_s).toString(), u"A"_s);
        QCOMPARE(pending.at(1).fields, (QJsonObject{{u"title"_s, u"B"_s}}));
    }

    void sealingGivesConsecutiveMidsAndResendsUnacknowledged() {
        // given five tasks, one created and deleted in between (coalescing removes rows)
        QStringList uuids;
        for (int i = 0; i < 3; ++i)
            uuids << addTask(u"t%1"_s.arg(i)).uuid;
        QVERIFY(m_store->deleteTask(uuids.takeAt(1)).ok());
        uuids << addTask(u"t3"_s).uuid << addTask(u"t4"_s).uuid;

        // when a batch of 2 is sealed, twice without acknowledging
        const QList<OutboxMutation> first = m_store->sealBatch(2).value();
        const QList<OutboxMutation> again = m_store->sealBatch(2).value();

        // then mids 1 and 2, and the same two come back (sealed first)
        QCOMPARE(first.size(), 2);
        QCOMPARE(*first.at(0).mid, 1);
        QCOMPARE(*first.at(1).mid, 2);
        QCOMPARE(again.size(), 2);
        QCOMPARE(again.at(0).uuid, first.at(0).uuid);
        QCOMPARE(again.at(1).fields, first.at(1).fields);

        // when a bigger batch is sealed, then the unacknowledged ones lead and mids go on
        const QList<OutboxMutation> bigger = m_store->sealBatch(10).value();
        QCOMPARE(bigger.size(), 4);
        for (int i = 0; i < 4; ++i)
            QCOMPARE(*bigger.at(i).mid, i + 1);
        QCOMPARE(bigger.at(0).uuid, uuids.at(0));

        // when mids up to 3 are acknowledged, then only mid 4 is left, and the next gets 5
        QVERIFY(m_store->acknowledge(3).ok());
        QCOMPARE(m_store->pendingCount().value(), 1);
        addTask(u"t5"_s);
        const QList<OutboxMutation> next = m_store->sealBatch(10).value();
        QCOMPARE(next.size(), 2);
        QCOMPARE(*next.at(0).mid, 4);
        QCOMPARE(*next.at(1).mid, 5);
    }

    void midsSurviveReopening() {
        // given two sealed and acknowledged mutations
        addTask(u"a"_s);
        addTask(u"b"_s);
        pushEverything();
        const QString path = m_store->path();
        const QString device = m_store->deviceId();
        QVERIFY(!device.isEmpty());

        // when the store is reopened and a new change is sealed
        m_store.reset();
        m_store = LocalStore::open(path).value();
        addTask(u"c"_s);
        const QList<OutboxMutation> batch = m_store->sealBatch(10).value();

        // then the mid goes on at 3 and the device id is the same
        QCOMPARE(*batch.at(0).mid, 3);
        QCOMPARE(m_store->deviceId(), device);
        QCOMPARE(batch.at(0).toJson().value(u"mid"_s).toInteger(), 3);
        QCOMPARE(batch.at(0).toJson().value(u"entity"_s).toString(), u"task"_s);
    }

    void deviceIdsDifferBetweenStores() {
        // given two stores, then each has its own uuid-shaped device id
        auto other = LocalStore::open(m_dir.filePath(u"other%1.sqlite"_s.arg(m_opened))).value();
        QVERIFY(other->deviceId() != m_store->deviceId());
        QVERIFY(!QUuid::fromString(m_store->deviceId()).isNull());
    }

    void anEditReferringToANewerRowIsNotMovedBeforeIt() {
        // given an unsent task, then an unsent goal
        const Task task = addTask(u"A"_s);
        const Goal goal =
            m_store->createGoal({{u"title"_s, u"G"_s}, {u"horizon"_s, u"weekly"_s}}).value();

        // when the task is put under the goal
        QVERIFY(m_store->updateTask(task.uuid, {{u"parent_goal_uuid"_s, goal.uuid}}).ok());

        // then the edit is queued after the goal's create (the server needs the goal first)
        const QList<OutboxMutation> pending = m_store->pendingMutations().value();
        QCOMPARE(pending.size(), 3);
        QCOMPARE(pending.at(1).uuid, goal.uuid);
        QCOMPARE(pending.at(2).uuid, task.uuid);
        QCOMPARE(pending.at(2).fields, (QJsonObject{{u"parent_goal_uuid"_s, goal.uuid}}));
    }

    void baseVersionIsTheRowVersionAtTheFirstUnsentEdit() {
        // given a synced task the server stamped with version 7
        const Task task = addTask(u"A"_s);
        pushEverything();
        setServerVersion(task.uuid, 7);

        // when it is edited, the server version moves on to 9 meanwhile, and it is edited again
        QVERIFY(m_store->updateTask(task.uuid, {{u"title"_s, u"B"_s}}).ok());
        setServerVersion(task.uuid, 9);
        QVERIFY(m_store->updateTask(task.uuid, {{u"notes"_s, u"x"_s}}).ok());

        // then the coalesced edit keeps base_version 7
        QCOMPARE(m_store->pendingMutations().value().size(), 1);
        QCOMPARE(m_store->pendingMutations().value().first().baseVersion, 7);

        // when it is deleted, then the delete keeps base_version 7 too
        QVERIFY(m_store->deleteTask(task.uuid).ok());
        QCOMPARE(m_store->pendingMutations().value().first().baseVersion, 7);
        QVERIFY(m_store->pendingMutations().value().first().op == OutboxMutation::Op::Delete);
    }

    void aChangeTooLargeToSyncIsRefused_andNothingIsQueued() {
        // given a task with notes near the limit of one push
        const QString big(600 * 1000, u'x');
        const Task task =
            m_store->createTask({{u"title"_s, u"Long read"_s}, {u"notes"_s, big}}).value();
        QCOMPARE(m_store->pendingCount().value(), 1);
        // when a description as large is added before it was sent (both would go in one push)
        const Result<Task> edited = m_store->updateTask(task.uuid, {{u"description"_s, big}});
        // then the edit is refused in words that name a field, and nothing changed
        QVERIFY(!edited);
        QCOMPARE(edited.error().code, Error::Code::Validation);
        QCOMPARE(edited.error().fields.size(), 1);
        QVERIFY2(edited.error().fields.first().msg.contains(u"Too long to sync"_s),
                 qPrintable(edited.error().fields.first().msg));
        QVERIFY(!m_store->task(task.uuid)->description);
        QCOMPARE(m_store->pendingMutations().value().first().fields.value(u"notes"_s).toString(),
                 big);
        // and a new task that alone is too large is refused too
        const QString huge(1000 * 1000, u'y');
        QVERIFY(!m_store->createTask({{u"title"_s, u"Huge"_s}, {u"notes"_s, huge}}));
        QVERIFY(!m_store->createTasks({{{u"title"_s, u"Huge"_s}, {u"notes"_s, huge}}}));
        QCOMPARE(m_store->taskCount().value(), 1);
    }

    void deleteOfARowWithAServerVersionIsSentEvenWithoutEdits() {
        // given a task with a server version and nothing queued
        const Task task = addTask(u"A"_s);
        pushEverything();
        setServerVersion(task.uuid, 3);

        // when it is deleted
        QVERIFY(m_store->deleteTask(task.uuid).ok());

        // then one delete with base_version 3 is queued
        const QList<OutboxMutation> pending = m_store->pendingMutations().value();
        QCOMPARE(pending.size(), 1);
        QCOMPARE(pending.first().baseVersion, 3);
    }

private:
    // What a sync engine does when the server answers: stamp the row's version.
    void setServerVersion(const QString& uuid, qint64 version) {
        const QString name = u"raw-%1"_s.arg(version);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
            db.setDatabaseName(m_store->path());
            QVERIFY(db.open());
            QSqlQuery query(db);
            query.prepare(u"UPDATE tasks SET version = ? WHERE uuid = ?"_s);
            query.addBindValue(version);
            query.addBindValue(uuid);
            QVERIFY(query.exec());
            QCOMPARE(query.numRowsAffected(), 1);
        }
        QSqlDatabase::removeDatabase(name);
    }
};

QTEST_GUILESS_MAIN(TestOutbox)
#include "tst_outbox.moc"
