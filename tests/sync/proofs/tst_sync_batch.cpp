// Proof 6 (issue 4): goals and tasks created offline in one batch arrive linked
// on another device (even when a task arrives before its goal), and a mutation
// the server always rejects does not block the mutations behind it: it ends in
// the journal, and everything after it reaches the server.

#include "SyncWorld.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;
using bizy::ConflictEntry;

class TestSyncBatch : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(m_world.start(&error), qPrintable(error));
    }

    void goalAndTasksCreatedOfflineInOneBatch_arriveLinked() {
        // given two devices of one user
        const SyncWorld::User user = m_world.registerUser(u"batch_linked"_s);
        QVERIFY(user.ok());
        QString error;
        auto laptop = m_world.makeDevice(user, u"laptop"_s, &error);
        QVERIFY2(laptop, qPrintable(error));
        auto desktop = m_world.makeDevice(user, u"desktop"_s, &error);
        QVERIFY2(desktop, qPrintable(error));
        // when the laptop, offline, creates a yearly goal, a quarterly goal under
        // it, a task under each and a task depending on another
        auto yearly = laptop->store().createGoal(
            {{u"title"_s, u"Ship Bizy 1.0"_s}, {u"horizon"_s, u"yearly"_s}});
        QVERIFY2(yearly, qPrintable(errorText(yearly)));
        auto quarterly = laptop->store().createGoal({{u"title"_s, u"Sync works"_s},
                                                     {u"horizon"_s, u"quarterly"_s},
                                                     {u"parent_goal_uuid"_s, yearly->uuid}});
        QVERIFY2(quarterly, qPrintable(errorText(quarterly)));
        auto design = laptop->store().createTask(
            {{u"title"_s, u"Design the protocol"_s}, {u"parent_goal_uuid"_s, quarterly->uuid}});
        QVERIFY2(design, qPrintable(errorText(design)));
        auto build =
            laptop->store().createTask({{u"title"_s, u"Build the engine"_s},
                                        {u"parent_goal_uuid"_s, quarterly->uuid},
                                        {u"dependency_uuids"_s, QJsonArray{design->uuid}}});
        QVERIFY2(build, qPrintable(errorText(build)));
        auto release = laptop->store().createTask(
            {{u"title"_s, u"Release"_s}, {u"parent_goal_uuid"_s, yearly->uuid}});
        QVERIFY(release);
        // and syncs it all in one push
        QCOMPARE(laptop->store().pendingCount().value(), 5);
        laptop->proxy().resetCounters();
        QVERIFY2(laptop->sync(), qPrintable(laptop->lastSyncMessage()));
        QCOMPARE(laptop->proxy().requestCount(), 2); // one push, one pull
        // and then edits the yearly goal, so its newest version is above everything under it
        QVERIFY(laptop->store().updateGoal(yearly->uuid, {{u"description"_s, u"by summer"_s}}));
        QVERIFY2(laptop->sync(), qPrintable(laptop->lastSyncMessage()));
        QCOMPARE(m_world.serverGoalCount(user), 2);
        QCOMPARE(m_world.serverTaskCount(user), 3);
        // and the desktop pulls one row per page, so tasks come before their goal
        desktop->engine().setPullLimit(1);
        bool taskBeforeGoal = false;
        const auto connection =
            connect(&desktop->engine(), &bizy::SyncEngine::pullProgress, this, [&](qint64, qint64) {
                taskBeforeGoal = taskBeforeGoal || (desktop->store().task(release->uuid) &&
                                                    !desktop->store().goal(yearly->uuid));
            });
        QVERIFY2(desktop->sync(), qPrintable(desktop->lastSyncMessage()));
        disconnect(connection);
        QVERIFY2(taskBeforeGoal, "a task was on the desktop before its goal");
        // then the desktop has every link, by uuid and by the server's ids
        const SyncSnapshot server = m_world.serverState(user);
        const auto goalId = [&](const QString& uuid) {
            return server.goals.value(uuid).value(u"id"_s).toInteger();
        };
        const bizy::Result<bizy::Goal> q = desktop->store().goal(quarterly->uuid);
        QVERIFY(q);
        QCOMPARE(q->parentGoalUuid, yearly->uuid);
        QCOMPARE(q->parentGoalId, goalId(yearly->uuid));
        const bizy::Result<bizy::Task> d = desktop->store().task(design->uuid);
        const bizy::Result<bizy::Task> b = desktop->store().task(build->uuid);
        const bizy::Result<bizy::Task> r = desktop->store().task(release->uuid);
        QVERIFY(d && b && r);
        QCOMPARE(d->parentGoalUuid, quarterly->uuid);
        QCOMPARE(d->parentGoalId, goalId(quarterly->uuid));
        QCOMPARE(b->dependencyUuids, QStringList{design->uuid});
        QCOMPARE(b->dependencies, QList<qint64>{*d->id});
        QCOMPARE(r->parentGoalUuid, yearly->uuid);
        QCOMPARE(r->parentGoalId, goalId(yearly->uuid));
        QCOMPARE(desktop->store().subtree(yearly->uuid).value().size(), 2);
        // and both devices equal the server field by field
        QString diff = m_world.differences(*desktop, user);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        diff = m_world.differences(*laptop, user);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    void taskArrivingInOneRound_andItsGoalInTheNext_isLinked() {
        // given a goal and a task under it, the goal changed last (so it pulls last)
        const SyncWorld::User user = m_world.registerUser(u"batch_split"_s);
        QVERIFY(user.ok());
        QString error;
        auto laptop = m_world.makeDevice(user, u"laptop"_s, &error);
        QVERIFY2(laptop, qPrintable(error));
        auto desktop = m_world.makeDevice(user, u"desktop"_s, &error);
        QVERIFY2(desktop, qPrintable(error));
        auto goal = laptop->store().createGoal(
            {{u"title"_s, u"Learn Qt"_s}, {u"horizon"_s, u"quarterly"_s}});
        QVERIFY(goal);
        auto task = laptop->store().createTask(
            {{u"title"_s, u"Read the docs"_s}, {u"parent_goal_uuid"_s, goal->uuid}});
        QVERIFY(task);
        QVERIFY(laptop->sync());
        QVERIFY(laptop->store().updateGoal(goal->uuid, {{u"description"_s, u"Qt 6"_s}}));
        QVERIFY(laptop->sync());
        // when the desktop pulls one row per page and loses the network after the task's page
        desktop->engine().setPullLimit(1);
        const auto connection =
            connect(&desktop->engine(), &bizy::SyncEngine::pullProgress, this, [&](qint64, qint64) {
                if (desktop->store().task(task->uuid))
                    desktop->goOffline();
            });
        QVERIFY(!desktop->sync());
        disconnect(connection);
        // then it shows the task already, and not yet the goal
        QVERIFY(desktop->store().task(task->uuid));
        QVERIFY(!desktop->store().goal(goal->uuid));
        // when it is back online and syncs
        desktop->goOnline();
        QVERIFY2(desktop->sync(), qPrintable(desktop->lastSyncMessage()));
        // then the task is linked to its goal, by uuid and by the server's id
        const bizy::Result<bizy::Task> linked = desktop->store().task(task->uuid);
        const bizy::Result<bizy::Goal> parent = desktop->store().goal(goal->uuid);
        QVERIFY(linked && parent);
        QCOMPARE(linked->parentGoalUuid, goal->uuid);
        QCOMPARE(linked->parentGoalId, parent->id);
        QVERIFY(parent->id.has_value());
        const QString diff = m_world.differences(*desktop, user);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    void rejectedMutations_doNotBlockTheOnesBehindThem() {
        // given two devices sharing a goal and a task
        const SyncWorld::User user = m_world.registerUser(u"batch_rejected"_s);
        QVERIFY(user.ok());
        QString error;
        auto laptop = m_world.makeDevice(user, u"laptop"_s, &error);
        QVERIFY2(laptop, qPrintable(error));
        auto desktop = m_world.makeDevice(user, u"desktop"_s, &error);
        QVERIFY2(desktop, qPrintable(error));
        auto goal = laptop->store().createGoal(
            {{u"title"_s, u"Old project"_s}, {u"horizon"_s, u"monthly"_s}});
        QVERIFY(goal);
        auto task = laptop->store().createTask({{u"title"_s, u"Old task"_s}});
        QVERIFY(task);
        QVERIFY(laptop->sync());
        QVERIFY(desktop->sync());
        QVERIFY(desktop->store().goal(goal->uuid) && desktop->store().task(task->uuid));
        // and the laptop deletes both, and syncs
        QVERIFY(laptop->store().deleteTask(task->uuid));
        QVERIFY(laptop->store().deleteGoal(goal->uuid));
        QVERIFY2(laptop->sync(), qPrintable(laptop->lastSyncMessage()));
        // when the desktop, not knowing it, edits the task (rejected: deleted), creates
        // a task under the goal (rejected: its goal is gone), and then makes
        // changes that are fine, all in one batch
        QVERIFY(desktop->store().updateTask(task->uuid, {{u"notes"_s, u"my notes"_s}}));
        auto orphan = desktop->store().createTask(
            {{u"title"_s, u"Under the old project"_s}, {u"parent_goal_uuid"_s, goal->uuid}});
        QVERIFY(orphan);
        QStringList fine;
        for (int i = 0; i < 3; ++i) {
            auto created = desktop->store().createTask({{u"title"_s, u"fine %1"_s.arg(i)}});
            QVERIFY(created);
            fine << created->uuid;
        }
        auto fineGoal = desktop->store().createGoal(
            {{u"title"_s, u"New project"_s}, {u"horizon"_s, u"weekly"_s}});
        QVERIFY(fineGoal);
        QVERIFY2(desktop->sync(), qPrintable(desktop->lastSyncMessage()));
        // then everything behind the rejected changes reached the server
        const SyncSnapshot server = m_world.serverState(user);
        for (const QString& uuid : std::as_const(fine))
            QVERIFY2(server.tasks.contains(uuid), qPrintable(uuid));
        QVERIFY(server.goals.contains(fineGoal->uuid));
        QCOMPARE(server.tasks.size(), 3);
        QCOMPARE(server.goals.size(), 1);
        // and the rejected ones left the outbox, the rows are gone, and the journal tells
        QCOMPARE(desktop->store().pendingCount().value(), 0);
        QVERIFY(!desktop->store().task(task->uuid));
        QVERIFY(!desktop->store().task(orphan->uuid));
        QVERIFY(!desktop->store().goal(goal->uuid));
        const QList<ConflictEntry> entries = desktop->store().conflicts().value();
        const auto entryFor = [&](const QString& uuid) -> std::optional<ConflictEntry> {
            for (const ConflictEntry& entry : entries) {
                if (entry.uuid == uuid)
                    return entry;
            }
            return std::nullopt;
        };
        const std::optional<ConflictEntry> edit = entryFor(task->uuid);
        QVERIFY2(edit, "the rejected edit is in the journal");
        QCOMPARE(edit->kind, ConflictEntry::Kind::Rejected);
        QCOMPARE(edit->code, u"deleted"_s);
        QCOMPARE(edit->fields.value(u"notes"_s).toString(), u"my notes"_s);
        const std::optional<ConflictEntry> create = entryFor(orphan->uuid);
        QVERIFY2(create, "the rejected create is in the journal");
        QCOMPARE(create->kind, ConflictEntry::Kind::Rejected);
        QCOMPARE(create->code, u"validation"_s);
        QCOMPARE(create->fields.value(u"title"_s).toString(), u"Under the old project"_s);
        QCOMPARE(entries.size(), 2);
        QString diff = m_world.differences(*desktop, user);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));

        // when the user restores the rejected create and syncs
        QVERIFY(desktop->store().restoreConflict(create->id));
        QVERIFY2(desktop->sync(), qPrintable(desktop->lastSyncMessage()));
        // then it is a task again, under a new uuid, on the server too (without its lost goal)
        QCOMPARE(m_world.serverTaskCount(user), 4);
        bool found = false;
        for (const bizy::Task& restored : desktop->store().tasks().value()) {
            if (restored.title == u"Under the old project"_s) {
                found = true;
                QVERIFY(restored.uuid != orphan->uuid);
            }
        }
        QVERIFY(found);
        QVERIFY2(laptop->sync(), qPrintable(laptop->lastSyncMessage()));
        diff = m_world.differences(*desktop, user);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        diff = SyncWorld::differences(*laptop, *desktop);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    void rejectedMutation_inTheMiddleOfSmallBatches_doesNotStopTheQueue() {
        // given a device whose pushes carry two mutations each
        const SyncWorld::User user = m_world.registerUser(u"batch_small"_s);
        QVERIFY(user.ok());
        QString error;
        auto laptop = m_world.makeDevice(user, u"laptop"_s, &error);
        QVERIFY2(laptop, qPrintable(error));
        auto phone = m_world.makeDevice(user, u"phone"_s, &error);
        QVERIFY2(phone, qPrintable(error));
        auto shared = laptop->store().createTask({{u"title"_s, u"shared"_s}});
        QVERIFY(shared);
        QVERIFY(laptop->sync());
        QVERIFY(phone->sync());
        QVERIFY(phone->store().deleteTask(shared->uuid));
        QVERIFY(phone->sync());
        // when its queue is: a create, an edit of a task deleted elsewhere, five creates
        laptop->engine().setPushBatchSize(2);
        QVERIFY(laptop->store().createTask({{u"title"_s, u"before"_s}}));
        QVERIFY(laptop->store().updateTask(shared->uuid, {{u"priority"_s, 5}}));
        for (int i = 0; i < 5; ++i)
            QVERIFY(laptop->store().createTask({{u"title"_s, u"after %1"_s.arg(i)}}));
        QVERIFY2(laptop->sync(), qPrintable(laptop->lastSyncMessage()));
        // then all six creates are on the server, and one rejection in the journal
        QCOMPARE(m_world.serverTaskCount(user), 6);
        QCOMPARE(laptop->store().pendingCount().value(), 0);
        QCOMPARE(laptop->store().conflictCount().value(), 1);
        QCOMPARE(laptop->store().conflicts().value().first().uuid, shared->uuid);
        QString diff = m_world.differences(*laptop, user);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        QVERIFY(phone->sync());
        diff = SyncWorld::differences(*laptop, *phone);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    void rejectedMutation_whoseAnswerWasLost_isStillJournaled_andSyncGoesOn() {
        // given a goal deleted on the phone that the laptop does not know is gone
        const SyncWorld::User user = m_world.registerUser(u"batch_lostreject"_s);
        QVERIFY(user.ok());
        QString error;
        auto laptop = m_world.makeDevice(user, u"laptop"_s, &error);
        QVERIFY2(laptop, qPrintable(error));
        auto phone = m_world.makeDevice(user, u"phone"_s, &error);
        QVERIFY2(phone, qPrintable(error));
        auto goal =
            laptop->store().createGoal({{u"title"_s, u"Gone soon"_s}, {u"horizon"_s, u"weekly"_s}});
        QVERIFY(goal);
        QVERIFY(laptop->sync());
        QVERIFY(phone->sync());
        QVERIFY(phone->store().deleteGoal(goal->uuid));
        QVERIFY(phone->sync());
        // when the laptop creates a task under it (rejected) and a fine one, and the
        // answer to that push is lost
        auto orphan = laptop->store().createTask(
            {{u"title"_s, u"Under the gone goal"_s}, {u"parent_goal_uuid"_s, goal->uuid}});
        QVERIFY(orphan);
        auto fine = laptop->store().createTask({{u"title"_s, u"Fine"_s}});
        QVERIFY(fine);
        bizy::RetryPolicy once = SyncDevice::testRetryPolicy();
        once.maxAttempts = 1;
        laptop->setRetryPolicy(once);
        laptop->proxy().dropAnswers(5);
        QVERIFY(!laptop->sync());
        laptop->proxy().dropAnswers(0);
        // and it syncs again
        QVERIFY2(laptop->sync(), qPrintable(laptop->lastSyncMessage()));
        // then the fine task is on the server, the refused one is in the journal, not on the device
        QCOMPARE(m_world.serverTaskCount(user), 1);
        QCOMPARE(laptop->store().pendingCount().value(), 0);
        QVERIFY(!laptop->store().task(orphan->uuid));
        const QList<ConflictEntry> entries = laptop->store().conflicts().value();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().uuid, orphan->uuid);
        QCOMPARE(entries.first().kind, ConflictEntry::Kind::Rejected);
        const QString diff = m_world.differences(*laptop, user);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

private:
    SyncWorld m_world;
};

QTEST_GUILESS_MAIN(TestSyncBatch)
#include "tst_sync_batch.moc"
