// Proof 1 (issue 4): a push whose answer is lost, then retried - by the client
// at once, in a later round, after a restart, or as any prefix of the batch -
// leaves the server as one push would have: no duplicate rows, the same
// versions, and an empty outbox on the device afterwards. A lost answer to a
// token refresh leaves the device logged in and syncing.

#include "SyncWorld.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

QJsonObject taskFields(const QString& title, int priority = 3) {
    return {{u"title"_s, title}, {u"priority"_s, priority}};
}

} // namespace

class TestSyncRetry : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(m_world.start(&error), qPrintable(error));
    }

    void lostAnswer_clientRetriesAtOnce_serverHasEachRowOnce() {
        // given a device with five new tasks, a goal and an edit, never synced
        const SyncWorld::User user = m_world.registerUser(u"retry_once"_s);
        QVERIFY(user.ok());
        QString error;
        auto device = m_world.makeDevice(user, u"laptop"_s, &error);
        QVERIFY2(device, qPrintable(error));
        QStringList uuids;
        for (int i = 0; i < 5; ++i) {
            auto task = device->store().createTask(taskFields(u"task %1"_s.arg(i)));
            QVERIFY2(task, qPrintable(errorText(task)));
            uuids << task->uuid;
        }
        QVERIFY(device->store().createGoal({{u"title"_s, u"goal"_s}, {u"horizon"_s, u"yearly"_s}}));
        QVERIFY(device->store().updateTask(uuids.first(), {{u"notes"_s, u"edited offline"_s}}));
        // when the answer to its push is lost once (the client's own retry resends it)
        device->proxy().resetCounters();
        device->proxy().dropAnswers(1);
        QVERIFY2(device->sync(), qPrintable(device->lastSyncMessage()));
        // then the answer was really lost and the push really sent again
        QCOMPARE(device->proxy().droppedAnswerCount(), 1);
        QVERIFY2(device->proxy().requestCount() >= 3, // push, push again, pull
                 qPrintable(QString::number(device->proxy().requestCount())));
        // and the server holds each row once, the device the same, nothing left to send
        QCOMPARE(m_world.serverTaskCount(user), 5);
        QCOMPARE(m_world.serverGoalCount(user), 1);
        QCOMPARE(device->store().pendingCount().value(), 0);
        QCOMPARE(device->store().conflictCount().value(), 0);
        const QString diff = m_world.differences(*device, user);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        QCOMPARE(device->store().task(uuids.first())->notes, u"edited offline"_s);
    }

    void lostRefreshAnswer_retriedWithinTheGrace_syncGoesOn() {
        // given a device that synced once
        const SyncWorld::User user = m_world.registerUser(u"retry_refresh"_s);
        QVERIFY(user.ok());
        QString error;
        auto device = m_world.makeDevice(user, u"laptop"_s, &error);
        QVERIFY2(device, qPrintable(error));
        QVERIFY(device->store().createTask(taskFields(u"before the refresh"_s)));
        QVERIFY2(device->sync(), qPrintable(device->lastSyncMessage()));
        // when the answer to its token refresh is lost once
        device->proxy().resetCounters();
        device->proxy().dropAnswers(1);
        QSignalSpy refreshed(&device->session(), &bizy::Session::tokensRefreshed);
        device->session().refreshNow();
        // then its retry gets the same pair (the server's grace period), so it stays
        // logged in ...
        QTRY_COMPARE_WITH_TIMEOUT(refreshed.count(), 1, 30000);
        QCOMPARE(device->proxy().droppedAnswerCount(), 1);
        QCOMPARE(device->session().state(), bizy::Session::State::LoggedIn);
        // ... and sync goes on with the new tokens
        QVERIFY(device->store().createTask(taskFields(u"after the refresh"_s)));
        QVERIFY2(device->sync(), qPrintable(device->lastSyncMessage()));
        QCOMPARE(m_world.serverTaskCount(user), 2);
        QCOMPARE(device->store().pendingCount().value(), 0);
        const QString diff = m_world.differences(*device, user);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    void lostAnswer_retriedInTheNextRound_andEveryPrefixReplayed_changesNothing_data() {
        QTest::addColumn<bool>("withDelete");
        QTest::newRow("creates and edits") << false;
        QTest::newRow("creates, edits and a delete") << true;
    }

    void lostAnswer_retriedInTheNextRound_andEveryPrefixReplayed_changesNothing() {
        QFETCH(bool, withDelete);
        // given a device with new tasks and edits (and a delete), whose client does not retry
        const SyncWorld::User user =
            m_world.registerUser(withDelete ? u"retry_prefix_delete"_s : u"retry_prefix"_s);
        QVERIFY(user.ok());
        QString error;
        auto device = m_world.makeDevice(user, u"laptop"_s, &error);
        QVERIFY2(device, qPrintable(error));
        bizy::RetryPolicy once = SyncDevice::testRetryPolicy();
        once.maxAttempts = 1;
        device->setRetryPolicy(once);
        QStringList uuids;
        for (int i = 0; i < 8; ++i) {
            auto task = device->store().createTask(taskFields(u"task %1"_s.arg(i), 1 + i % 5));
            QVERIFY2(task, qPrintable(errorText(task)));
            uuids << task->uuid;
        }
        QVERIFY(device->sync()); // synced once, so the batch below holds edits too
        QVERIFY(device->store().updateTask(uuids[1], {{u"title"_s, u"renamed"_s}}));
        QVERIFY(device->store().completeTask(uuids[2]));
        if (withDelete)
            QVERIFY(device->store().deleteTask(uuids[3]));
        else
            QVERIFY(device->store().updateTask(uuids[3], {{u"priority"_s, 5}}));
        auto created = device->store().createTask(taskFields(u"new after the first sync"_s));
        QVERIFY(created);
        QCOMPARE(device->store().pendingCount().value(), 4);

        // when the answer to the push is lost and the round fails (Qt's network
        // layer itself resends a request whose connection closed before any
        // answer byte, so several answers are lost)
        device->proxy().resetCounters();
        device->proxy().dropAnswers(5);
        QVERIFY(!device->sync());
        device->proxy().dropAnswers(0);
        QVERIFY(device->proxy().droppedAnswerCount() >= 1);
        // then the server applied the batch although the device does not know it
        const qint64 expectedTasks = withDelete ? 8 : 9; // 8 (- 1 deleted) + 1 created
        QCOMPARE(m_world.serverTaskCount(user), expectedTasks);
        const SyncSnapshot applied = m_world.serverState(user);
        QVERIFY2(applied.ok(), qPrintable(applied.error));
        QCOMPARE(applied.tasks.value(uuids[1]).value(u"title"_s).toString(), u"renamed"_s);
        const qint64 counter = m_world.serverCounter(user);

        // when every prefix of the sealed batch is pushed again with the same mids
        const QList<bizy::OutboxMutation> batch = device->store().sealBatch(100).value();
        QCOMPARE(batch.size(), 4);
        for (qsizetype length = 1; length <= batch.size(); ++length) {
            QJsonArray mutations;
            for (qsizetype i = 0; i < length; ++i)
                mutations.append(batch[i].toJson());
            const HttpResponse answer = m_world.http().post(
                u"/api/sync/push"_s,
                {{u"device_id"_s, device->deviceId()}, {u"mutations"_s, mutations}},
                m_world.token(user));
            QVERIFY2(answer.status == 200, answer.describe().constData());
            const QJsonArray results = answer.object().value(u"results"_s).toArray();
            QCOMPARE(results.size(), length);
            for (const QJsonValue& result : results)
                QCOMPARE(result.toObject().value(u"status"_s).toString(), u"applied"_s);
            // then each replay changes nothing on the server
            QCOMPARE(m_world.serverCounter(user), counter);
            const QString diff = SyncSnapshot::differences(applied, m_world.serverState(user));
            QVERIFY2(diff.isEmpty(), qPrintable(diff));
        }

        // when the device syncs again
        QVERIFY2(device->sync(), qPrintable(device->lastSyncMessage()));
        // then nothing is duplicated, the outbox is empty, device and server agree
        QCOMPARE(m_world.serverTaskCount(user), expectedTasks);
        QCOMPARE(m_world.serverCounter(user), counter);
        QCOMPARE(device->store().pendingCount().value(), 0);
        QCOMPARE(device->store().conflictCount().value(), 0);
        QCOMPARE(bool(device->store().task(uuids[3])), !withDelete);
        const QString diff = m_world.differences(*device, user);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    void lostAnswer_thenEditedAgain_andRestarted_lastEditWins_noDuplicates() {
        // given a device with a batch of creates spread over several pushes of three
        const SyncWorld::User user = m_world.registerUser(u"retry_restart"_s);
        QVERIFY(user.ok());
        QString error;
        auto device = m_world.makeDevice(user, u"laptop"_s, &error);
        QVERIFY2(device, qPrintable(error));
        bizy::RetryPolicy once = SyncDevice::testRetryPolicy();
        once.maxAttempts = 1;
        device->setRetryPolicy(once);
        device->engine().setPushBatchSize(3);
        QStringList uuids;
        for (int i = 0; i < 10; ++i) {
            auto task = device->store().createTask(taskFields(u"task %1"_s.arg(i)));
            QVERIFY(task);
            uuids << task->uuid;
        }
        // when the first push's answer is lost
        // (Qt's network layer itself resends a request whose connection closed
        // before any answer byte, so several answers are lost to fail the round)
        device->proxy().dropAnswers(5);
        QVERIFY(!device->sync());
        device->proxy().dropAnswers(0);
        QCOMPARE(m_world.serverTaskCount(user), 3);
        // and the user edits a task of that lost batch and one not yet sent
        QVERIFY(device->store().updateTask(uuids[0], {{u"title"_s, u"edited after the loss"_s}}));
        QVERIFY(device->store().updateTask(uuids[9], {{u"priority"_s, 1}}));
        // and the app is restarted before it syncs again
        QVERIFY2(device->reopen(&error), qPrintable(error));
        device->engine().setPushBatchSize(3);
        QVERIFY2(device->sync(), qPrintable(device->lastSyncMessage()));
        // then every task is on the server once, with the edits made after the loss
        QCOMPARE(m_world.serverTaskCount(user), 10);
        const SyncSnapshot server = m_world.serverState(user);
        QCOMPARE(server.tasks.value(uuids[0]).value(u"title"_s).toString(),
                 u"edited after the loss"_s);
        QCOMPARE(server.tasks.value(uuids[9]).value(u"priority"_s).toInt(), 1);
        QCOMPARE(device->store().pendingCount().value(), 0);
        QCOMPARE(device->store().conflictCount().value(), 0);
        const QString diff = SyncSnapshot::differences(SyncWorld::deviceState(*device), server);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    void lostAnswer_ofALaterBatch_onlyThatBatchIsReplayed() {
        // given a device with twelve new tasks, pushed four at a time
        const SyncWorld::User user = m_world.registerUser(u"retry_later_batch"_s);
        QVERIFY(user.ok());
        QString error;
        auto device = m_world.makeDevice(user, u"laptop"_s, &error);
        QVERIFY2(device, qPrintable(error));
        bizy::RetryPolicy once = SyncDevice::testRetryPolicy();
        once.maxAttempts = 1;
        device->setRetryPolicy(once);
        device->engine().setPushBatchSize(4);
        for (int i = 0; i < 12; ++i)
            QVERIFY(device->store().createTask(taskFields(u"task %1"_s.arg(i))));
        // when the answer to the second push is lost (armed once the first is acknowledged)
        bool armed = false;
        const auto connection = connect(&device->engine(), &bizy::SyncEngine::pendingCountChanged,
                                        this, [&](qsizetype pending) {
                                            if (!armed && pending == 8) {
                                                armed = true;
                                                device->proxy().dropAnswers(5);
                                            }
                                        });
        QVERIFY(!device->sync());
        disconnect(connection);
        device->proxy().dropAnswers(0);
        QVERIFY(armed);
        // then the server has the first two batches, the device still holds eight changes
        QCOMPARE(m_world.serverTaskCount(user), 8);
        QCOMPARE(device->store().pendingCount().value(), 8);
        // when it syncs again
        QVERIFY2(device->sync(), qPrintable(device->lastSyncMessage()));
        // then every task is there once, and device and server agree
        QCOMPARE(m_world.serverTaskCount(user), 12);
        QCOMPARE(device->store().pendingCount().value(), 0);
        const QString diff = m_world.differences(*device, user);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    void lostAnswer_thenRetriedInSmallerBatches_eachPrefixIsAReplay() {
        // given a device whose batch of ten changes was applied but whose answer was lost
        const SyncWorld::User user = m_world.registerUser(u"retry_smaller"_s);
        QVERIFY(user.ok());
        QString error;
        auto device = m_world.makeDevice(user, u"laptop"_s, &error);
        QVERIFY2(device, qPrintable(error));
        bizy::RetryPolicy once = SyncDevice::testRetryPolicy();
        once.maxAttempts = 1;
        device->setRetryPolicy(once);
        for (int i = 0; i < 10; ++i)
            QVERIFY(device->store().createTask(taskFields(u"task %1"_s.arg(i))));
        device->proxy().dropAnswers(5);
        QVERIFY(!device->sync());
        device->proxy().dropAnswers(0);
        QCOMPARE(m_world.serverTaskCount(user), 10);
        const qint64 counter = m_world.serverCounter(user);
        // and one more change made since
        QVERIFY(device->store().createTask(taskFields(u"made after the loss"_s)));
        // when it retries three mutations at a time (prefixes of the lost batch)
        device->engine().setPushBatchSize(3);
        device->proxy().resetCounters();
        QVERIFY2(device->sync(), qPrintable(device->lastSyncMessage()));
        // then the replays changed nothing: only the new change took a version
        QCOMPARE(device->proxy().requestCount(), 5); // four pushes, one pull
        QCOMPARE(m_world.serverTaskCount(user), 11);
        QCOMPARE(m_world.serverCounter(user), counter + 1);
        QCOMPARE(device->store().pendingCount().value(), 0);
        QCOMPARE(device->store().conflictCount().value(), 0);
        const QString diff = m_world.differences(*device, user);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    void lostAnswer_replayedAfterANewerEditElsewhere_doesNotUndoIt() {
        // given a task known to two devices
        const SyncWorld::User user = m_world.registerUser(u"retry_late"_s);
        QVERIFY(user.ok());
        QString error;
        auto laptop = m_world.makeDevice(user, u"laptop"_s, &error);
        QVERIFY2(laptop, qPrintable(error));
        auto desktop = m_world.makeDevice(user, u"desktop"_s, &error);
        QVERIFY2(desktop, qPrintable(error));
        auto task = laptop->store().createTask(taskFields(u"original"_s));
        QVERIFY(task);
        QVERIFY(laptop->sync());
        QVERIFY(desktop->sync());
        // when the laptop renames it and the answer to that push is lost
        bizy::RetryPolicy once = SyncDevice::testRetryPolicy();
        once.maxAttempts = 1;
        laptop->setRetryPolicy(once);
        QVERIFY(laptop->store().updateTask(task->uuid, {{u"title"_s, u"laptop's title"_s}}));
        laptop->proxy().dropAnswers(5);
        QVERIFY(!laptop->sync());
        laptop->proxy().dropAnswers(0);
        // and then the desktop renames it too, and syncs
        QVERIFY(desktop->store().updateTask(task->uuid, {{u"title"_s, u"desktop's title"_s}}));
        QVERIFY2(desktop->sync(), qPrintable(desktop->lastSyncMessage()));
        // and only then the laptop's push is retried
        QVERIFY2(laptop->sync(), qPrintable(laptop->lastSyncMessage()));
        QVERIFY2(desktop->sync(), qPrintable(desktop->lastSyncMessage()));
        // then the retry did not undo the newer title: it holds everywhere
        const SyncSnapshot server = m_world.serverState(user);
        QCOMPARE(server.tasks.value(task->uuid).value(u"title"_s).toString(), u"desktop's title"_s);
        QCOMPARE(laptop->store().task(task->uuid)->title, u"desktop's title"_s);
        QCOMPARE(laptop->store().pendingCount().value(), 0);
        QCOMPARE(laptop->store().conflictCount().value(), 0);
        // and the desktop, whose push overwrote the laptop's title, was told
        const QList<bizy::ConflictEntry> entries = desktop->store().conflicts().value();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().fields.value(u"title"_s).toString(), u"laptop's title"_s);
        QString diff = SyncSnapshot::differences(SyncWorld::deviceState(*laptop), server);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        diff = SyncSnapshot::differences(SyncWorld::deviceState(*desktop), server);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    void lostAnswer_ofAMergedPush_stillJournalsTheOverwrittenValue() {
        // given a task known to two devices, whose notes both change offline
        const SyncWorld::User user = m_world.registerUser(u"retry_merged"_s);
        QVERIFY(user.ok());
        QString error;
        auto laptop = m_world.makeDevice(user, u"laptop"_s, &error);
        QVERIFY2(laptop, qPrintable(error));
        auto desktop = m_world.makeDevice(user, u"desktop"_s, &error);
        QVERIFY2(desktop, qPrintable(error));
        auto task = laptop->store().createTask(taskFields(u"shared"_s));
        QVERIFY(task);
        QVERIFY(laptop->sync());
        QVERIFY(desktop->sync());
        QVERIFY(desktop->store().updateTask(task->uuid, {{u"notes"_s, u"desktop's notes"_s}}));
        QVERIFY(laptop->store().updateTask(task->uuid, {{u"notes"_s, u"laptop's notes"_s}}));
        QVERIFY(desktop->sync());
        // when the laptop's push overwrites the desktop's notes but its answer is lost
        bizy::RetryPolicy once = SyncDevice::testRetryPolicy();
        once.maxAttempts = 1;
        laptop->setRetryPolicy(once);
        laptop->proxy().dropAnswers(5);
        QVERIFY(!laptop->sync());
        laptop->proxy().dropAnswers(0);
        QCOMPARE(m_world.serverState(user).tasks.value(task->uuid).value(u"notes"_s).toString(),
                 u"laptop's notes"_s);
        // and the laptop syncs again (its batch is replayed)
        QVERIFY2(laptop->sync(), qPrintable(laptop->lastSyncMessage()));
        // then the desktop's overwritten notes are still in the laptop's journal,
        // as if the first answer had arrived
        const QList<bizy::ConflictEntry> entries = laptop->store().conflicts().value();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().kind, bizy::ConflictEntry::Kind::Overwritten);
        QCOMPARE(entries.first().fields.value(u"notes"_s).toString(), u"desktop's notes"_s);
        const QString diff = m_world.differences(*laptop, user);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    void lostAnswer_ofAPull_isPulledAgain() {
        // given a device behind another one's changes
        const SyncWorld::User user = m_world.registerUser(u"retry_pull"_s);
        QVERIFY(user.ok());
        QString error;
        auto laptop = m_world.makeDevice(user, u"laptop"_s, &error);
        QVERIFY2(laptop, qPrintable(error));
        auto desktop = m_world.makeDevice(user, u"desktop"_s, &error);
        QVERIFY2(desktop, qPrintable(error));
        for (int i = 0; i < 5; ++i)
            QVERIFY(desktop->store().createTask(taskFields(u"task %1"_s.arg(i))));
        QVERIFY(desktop->sync());
        // when the answers to its pulls are lost, first within a round, then for a whole round
        laptop->proxy().dropAnswers(1);
        QVERIFY2(laptop->sync(), qPrintable(laptop->lastSyncMessage()));
        QVERIFY(desktop->store().createTask(taskFields(u"later"_s)));
        QVERIFY(desktop->sync());
        bizy::RetryPolicy once = SyncDevice::testRetryPolicy();
        once.maxAttempts = 1;
        laptop->setRetryPolicy(once);
        laptop->proxy().dropAnswers(5);
        QVERIFY(!laptop->sync());
        laptop->proxy().dropAnswers(0);
        QVERIFY2(laptop->sync(), qPrintable(laptop->lastSyncMessage()));
        // then it has everything once
        QCOMPARE(laptop->store().taskCount().value(), 6);
        const QString diff = m_world.differences(*laptop, user);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    void lostAnswer_secondDeviceSeesEachRowOnce() {
        // given two devices of one user, the first with a lost push answer
        const SyncWorld::User user = m_world.registerUser(u"retry_two"_s);
        QVERIFY(user.ok());
        QString error;
        auto laptop = m_world.makeDevice(user, u"laptop"_s, &error);
        QVERIFY2(laptop, qPrintable(error));
        auto desktop = m_world.makeDevice(user, u"desktop"_s, &error);
        QVERIFY2(desktop, qPrintable(error));
        for (int i = 0; i < 4; ++i)
            QVERIFY(laptop->store().createTask(taskFields(u"task %1"_s.arg(i))));
        laptop->proxy().dropAnswers(2); // the push and its first retry
        QVERIFY2(laptop->sync(), qPrintable(laptop->lastSyncMessage()));
        QCOMPARE(laptop->proxy().droppedAnswerCount(), 2);
        // when the other device syncs
        QVERIFY2(desktop->sync(), qPrintable(desktop->lastSyncMessage()));
        // then it has the four tasks once, like the server and the first device
        QCOMPARE(desktop->store().taskCount().value(), 4);
        QCOMPARE(m_world.serverTaskCount(user), 4);
        QString diff = m_world.differences(*desktop, user);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        diff = SyncWorld::differences(*laptop, *desktop);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

private:
    SyncWorld m_world;
};

QTEST_GUILESS_MAIN(TestSyncRetry)
#include "tst_sync_retry.moc"
