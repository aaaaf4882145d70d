// Proof 7 (issue 4): a delete against an edit ends the same on every device in
// both orders; a forced `reset` reloads the device and keeps its unsent edits;
// a goal move that would close a loop across two devices is rejected for the
// second pusher, and every side stays acyclic and equal.

#include "SyncWorld.h"

#include <QTest>

using namespace Qt::StringLiterals;
using bizy::ConflictEntry;

class TestSyncResolution : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(m_world.start(&error), qPrintable(error));
    }

    void deleteAgainstEdit_sameOutcomeInBothOrders_data() {
        QTest::addColumn<bool>("deleteFirst");
        QTest::addColumn<bool>("goal");
        QTest::newRow("task, delete pushed first") << true << false;
        QTest::newRow("task, edit pushed first") << false << false;
        QTest::newRow("goal, delete pushed first") << true << true;
        QTest::newRow("goal, edit pushed first") << false << true;
    }

    void deleteAgainstEdit_sameOutcomeInBothOrders() {
        QFETCH(bool, deleteFirst);
        QFETCH(bool, goal);
        // given a row (and a bystander) known to two devices
        const SyncWorld::User user = m_world.registerUser(
            u"resolve_%1_%2"_s.arg(goal ? u"goal"_s : u"task"_s, deleteFirst ? u"df"_s : u"ef"_s));
        QVERIFY(user.ok());
        QString error;
        auto deleter = m_world.makeDevice(user, u"deleter"_s, &error);
        QVERIFY2(deleter, qPrintable(error));
        auto editor = m_world.makeDevice(user, u"editor"_s, &error);
        QVERIFY2(editor, qPrintable(error));
        auto observer = m_world.makeDevice(user, u"observer"_s, &error); // offline in between
        QVERIFY2(observer, qPrintable(error));
        QString uuid;
        if (goal) {
            auto created = deleter->store().createGoal(
                {{u"title"_s, u"Contested goal"_s}, {u"horizon"_s, u"weekly"_s}});
            QVERIFY(created);
            uuid = created->uuid;
        } else {
            auto created = deleter->store().createTask({{u"title"_s, u"Contested task"_s}});
            QVERIFY(created);
            uuid = created->uuid;
        }
        QVERIFY(deleter->store().createTask({{u"title"_s, u"Bystander"_s}}));
        QVERIFY(deleter->sync());
        QVERIFY(editor->sync());
        QVERIFY(observer->sync());
        QVERIFY(observer->store().task(uuid) || observer->store().goal(uuid));
        // when, offline, one deletes it and the other edits it
        if (goal) {
            QVERIFY(deleter->store().deleteGoal(uuid));
            QVERIFY(editor->store().updateGoal(uuid, {{u"description"_s, u"edited"_s}}));
        } else {
            QVERIFY(deleter->store().deleteTask(uuid));
            QVERIFY(editor->store().updateTask(uuid, {{u"description"_s, u"edited"_s}}));
        }
        // and they sync in the given order, then the first once more
        SyncDevice& first = deleteFirst ? *deleter : *editor;
        SyncDevice& second = deleteFirst ? *editor : *deleter;
        QVERIFY2(first.sync(), qPrintable(first.lastSyncMessage()));
        QVERIFY2(second.sync(), qPrintable(second.lastSyncMessage()));
        QVERIFY2(first.sync(), qPrintable(first.lastSyncMessage()));
        QVERIFY2(observer->sync(), qPrintable(observer->lastSyncMessage()));
        // then the delete wins everywhere: the row is gone on both devices and the server
        const SyncSnapshot server = m_world.serverState(user);
        QVERIFY2(server.ok(), qPrintable(server.error));
        QVERIFY(!server.tasks.contains(uuid) && !server.goals.contains(uuid));
        for (SyncDevice* device : {deleter.get(), editor.get(), observer.get()}) {
            QVERIFY2(!device->store().task(uuid) && !device->store().goal(uuid),
                     qPrintable(device->name()));
            QCOMPARE(device->store().pendingCount().value(), 0);
            const QString diff = SyncSnapshot::differences(SyncWorld::deviceState(*device), server);
            QVERIFY2(diff.isEmpty(), qPrintable(diff));
        }
        QCOMPARE(server.tasks.size(), 1); // the bystander
        // and the deleter lost nothing, so it was told of nothing
        QCOMPARE(deleter->store().conflictCount().value(), 0);
        QCOMPARE(observer->store().conflictCount().value(), 0);
        if (deleteFirst) {
            // and the editor's edit, which never reached the server, is in its journal
            const QList<ConflictEntry> entries = editor->store().conflicts().value();
            QCOMPARE(entries.size(), 1);
            QCOMPARE(entries.first().uuid, uuid);
            QVERIFY2(entries.first().kind == ConflictEntry::Kind::Rejected ||
                         entries.first().kind == ConflictEntry::Kind::DeletedElsewhere,
                     "the lost edit is a rejection or an edit deleted elsewhere");
            if (entries.first().kind == ConflictEntry::Kind::Rejected)
                QCOMPARE(entries.first().code, u"deleted"_s);
            QCOMPARE(entries.first().fields.value(u"description"_s).toString(), u"edited"_s);
        } else {
            // the edit was applied before the delete came: nothing of it was unsent
            QCOMPARE(editor->store().conflictCount().value(), 0);
        }
    }

    void bothDelete_sameRow_bothEndClean_data() {
        QTest::addColumn<bool>("goal");
        QTest::newRow("task") << false;
        QTest::newRow("goal") << true;
    }

    void bothDelete_sameRow_bothEndClean() {
        QFETCH(bool, goal);
        // given a row known to two devices
        const SyncWorld::User user =
            m_world.registerUser(goal ? u"resolve_deldel_goal"_s : u"resolve_deldel_task"_s);
        QVERIFY(user.ok());
        QString error;
        auto a = m_world.makeDevice(user, u"a"_s, &error);
        QVERIFY2(a, qPrintable(error));
        auto b = m_world.makeDevice(user, u"b"_s, &error);
        QVERIFY2(b, qPrintable(error));
        QString uuid;
        if (goal) {
            auto created = a->store().createGoal(
                {{u"title"_s, u"Twice deleted"_s}, {u"horizon"_s, u"weekly"_s}});
            QVERIFY(created);
            uuid = created->uuid;
        } else {
            auto created = a->store().createTask({{u"title"_s, u"Twice deleted"_s}});
            QVERIFY(created);
            uuid = created->uuid;
        }
        QVERIFY(a->sync());
        QVERIFY(b->sync());
        // when both delete it offline, and then sync one after the other
        QVERIFY(goal ? a->store().deleteGoal(uuid) : a->store().deleteTask(uuid));
        QVERIFY(goal ? b->store().deleteGoal(uuid) : b->store().deleteTask(uuid));
        // and a change behind the second delete
        QVERIFY(b->store().createTask({{u"title"_s, u"behind the delete"_s}}));
        QVERIFY2(a->sync(), qPrintable(a->lastSyncMessage()));
        QVERIFY2(b->sync(), qPrintable(b->lastSyncMessage()));
        QVERIFY2(a->sync(), qPrintable(a->lastSyncMessage()));
        // then it is gone everywhere, nothing is pending, nothing was lost
        for (SyncDevice* device : {a.get(), b.get()}) {
            QVERIFY(!device->store().task(uuid) && !device->store().goal(uuid));
            QCOMPARE(device->store().pendingCount().value(), 0);
            QCOMPARE(device->store().conflictCount().value(), 0);
            const QString diff = m_world.differences(*device, user);
            QVERIFY2(diff.isEmpty(), qPrintable(diff));
        }
        QCOMPARE(m_world.serverTaskCount(user), 1);
    }

    void goalDeletedAgainstEditsUnderIt_childrenLiveOnUnlinked_everywhereTheSame_data() {
        QTest::addColumn<bool>("deleteFirst");
        QTest::newRow("goal delete pushed first") << true;
        QTest::newRow("edits under it pushed first") << false;
    }

    void goalDeletedAgainstEditsUnderIt_childrenLiveOnUnlinked_everywhereTheSame() {
        QFETCH(bool, deleteFirst);
        // given a goal with a sub-goal and a task, known to two devices
        const SyncWorld::User user =
            m_world.registerUser(deleteFirst ? u"resolve_orphans_df"_s : u"resolve_orphans_ef"_s);
        QVERIFY(user.ok());
        QString error;
        auto deleter = m_world.makeDevice(user, u"deleter"_s, &error);
        QVERIFY2(deleter, qPrintable(error));
        auto editor = m_world.makeDevice(user, u"editor"_s, &error);
        QVERIFY2(editor, qPrintable(error));
        auto goal =
            deleter->store().createGoal({{u"title"_s, u"Parent"_s}, {u"horizon"_s, u"yearly"_s}});
        QVERIFY(goal);
        auto sub = deleter->store().createGoal({{u"title"_s, u"Child goal"_s},
                                                {u"horizon"_s, u"monthly"_s},
                                                {u"parent_goal_uuid"_s, goal->uuid}});
        auto task = deleter->store().createTask(
            {{u"title"_s, u"Child task"_s}, {u"parent_goal_uuid"_s, goal->uuid}});
        QVERIFY(sub && task);
        QVERIFY(deleter->sync());
        QVERIFY(editor->sync());
        // when, offline, one deletes the goal and the other edits the task and sub-goal under it
        QVERIFY(deleter->store().deleteGoal(goal->uuid));
        QVERIFY(editor->store().updateTask(task->uuid, {{u"notes"_s, u"edited under the goal"_s}}));
        QVERIFY(editor->store().updateGoal(sub->uuid, {{u"description"_s, u"edited sub-goal"_s}}));
        SyncDevice& first = deleteFirst ? *deleter : *editor;
        SyncDevice& second = deleteFirst ? *editor : *deleter;
        QVERIFY2(first.sync(), qPrintable(first.lastSyncMessage()));
        QVERIFY2(second.sync(), qPrintable(second.lastSyncMessage()));
        QVERIFY2(first.sync(), qPrintable(first.lastSyncMessage()));
        // then the goal is gone, its children live on unlinked, with the edits, on every side
        const SyncSnapshot server = m_world.serverState(user);
        QVERIFY(!server.goals.contains(goal->uuid));
        QVERIFY(server.tasks.value(task->uuid).value(u"parent_goal_uuid"_s).isNull());
        QVERIFY(server.tasks.value(task->uuid).value(u"parent_goal_id"_s).isNull());
        QCOMPARE(server.tasks.value(task->uuid).value(u"notes"_s).toString(),
                 u"edited under the goal"_s);
        QVERIFY(server.goals.value(sub->uuid).value(u"parent_goal_uuid"_s).isNull());
        QCOMPARE(server.goals.value(sub->uuid).value(u"description"_s).toString(),
                 u"edited sub-goal"_s);
        for (SyncDevice* device : {deleter.get(), editor.get()}) {
            QCOMPARE(device->store().pendingCount().value(), 0);
            QCOMPARE(device->store().conflictCount().value(), 0);
            const QString diff = SyncSnapshot::differences(SyncWorld::deviceState(*device), server);
            QVERIFY2(diff.isEmpty(), qPrintable(diff));
        }
    }

    void deleteAgainstEdit_lostEditIsJournaledAndRestorable_data() {
        QTest::addColumn<bool>("editDuringPull");
        QTest::newRow("edit pushed, rejected as deleted") << false;
        QTest::newRow("edit made while the delete is being pulled") << true;
    }

    void deleteAgainstEdit_lostEditIsJournaledAndRestorable() {
        QFETCH(bool, editDuringPull);
        // given a task known to two devices
        const SyncWorld::User user = m_world.registerUser(
            editDuringPull ? u"resolve_restore_pull"_s : u"resolve_restore_push"_s);
        QVERIFY(user.ok());
        QString error;
        auto deleter = m_world.makeDevice(user, u"deleter"_s, &error);
        QVERIFY2(deleter, qPrintable(error));
        auto editor = m_world.makeDevice(user, u"editor"_s, &error);
        QVERIFY2(editor, qPrintable(error));
        auto task = deleter->store().createTask(
            {{u"title"_s, u"Plan the trip"_s}, {u"category"_s, u"travel"_s}});
        QVERIFY(task);
        QVERIFY(deleter->sync());
        QVERIFY(editor->sync());
        // when the deleter makes three tasks and deletes this one, and syncs
        for (int i = 0; i < 3; ++i)
            QVERIFY(deleter->store().createTask({{u"title"_s, u"other %1"_s.arg(i)}}));
        QVERIFY(deleter->store().deleteTask(task->uuid));
        QVERIFY(deleter->sync());
        // and the editor edits the task: before it syncs, or while it pulls the
        // rows in front of the delete (so the edit is still unsent when the delete lands)
        bool edited = false;
        QMetaObject::Connection connection;
        if (editDuringPull) {
            editor->engine().setPullLimit(1);
            connection = connect(&editor->engine(), &bizy::SyncEngine::pullProgress, this,
                                 [&](qint64, qint64) {
                                     if (edited || !editor->store().task(task->uuid))
                                         return;
                                     edited = bool(editor->store().updateTask(
                                         task->uuid, {{u"notes"_s, u"book the train"_s}}));
                                 });
        } else {
            edited =
                bool(editor->store().updateTask(task->uuid, {{u"notes"_s, u"book the train"_s}}));
        }
        QVERIFY2(editor->sync(), qPrintable(editor->lastSyncMessage()));
        disconnect(connection);
        QVERIFY(edited);
        QVERIFY2(editor->sync(), qPrintable(editor->lastSyncMessage()));
        QCOMPARE(editor->store().pendingCount().value(), 0);
        // then the task is gone and its edit is journaled with the row it belonged to
        QVERIFY(!editor->store().task(task->uuid));
        const QList<ConflictEntry> entries = editor->store().conflicts().value();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().uuid, task->uuid);
        QCOMPARE(entries.first().kind, editDuringPull ? ConflictEntry::Kind::DeletedElsewhere
                                                      : ConflictEntry::Kind::Rejected);
        if (!editDuringPull)
            QCOMPARE(entries.first().code, u"deleted"_s);
        QCOMPARE(entries.first().fields.value(u"notes"_s).toString(), u"book the train"_s);
        QCOMPARE(entries.first().snapshot.value(u"title"_s).toString(), u"Plan the trip"_s);
        // when the user restores it and both sync
        QVERIFY(editor->store().restoreConflict(entries.first().id));
        QVERIFY2(editor->sync(), qPrintable(editor->lastSyncMessage()));
        QVERIFY2(deleter->sync(), qPrintable(deleter->lastSyncMessage()));
        // then the task is back everywhere, under a new uuid, with the edit
        const QList<bizy::Task> tasks = deleter->store().tasks(bizy::TaskFilter{}).value();
        QCOMPARE(tasks.size(), 4);
        std::optional<bizy::Task> back;
        for (const bizy::Task& candidate : tasks) {
            if (candidate.title == u"Plan the trip"_s)
                back = candidate;
        }
        QVERIFY(back);
        QVERIFY(back->uuid != task->uuid);
        QCOMPARE(back->category, u"travel"_s);
        QCOMPARE(back->notes, u"book the train"_s);
        QString diff = m_world.differences(*editor, user);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        diff = SyncWorld::differences(*editor, *deleter);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    void reset_afterPurgedTombstones_reloads_andKeepsUnsentEdits() {
        // given two devices sharing 30 tasks
        const SyncWorld::User user = m_world.registerUser(u"resolve_reset"_s);
        QVERIFY(user.ok());
        QString error;
        auto stale = m_world.makeDevice(user, u"stale"_s, &error);
        QVERIFY2(stale, qPrintable(error));
        auto other = m_world.makeDevice(user, u"other"_s, &error);
        QVERIFY2(other, qPrintable(error));
        QStringList uuids;
        for (int i = 0; i < 30; ++i) {
            auto task = other->store().createTask({{u"title"_s, u"task %1"_s.arg(i)}});
            QVERIFY(task);
            uuids << task->uuid;
        }
        QVERIFY(other->sync());
        QVERIFY(stale->sync());
        QCOMPARE(stale->store().taskCount().value(), 30);
        // and the other device deletes two tasks and edits one, and syncs
        QVERIFY(other->store().deleteTask(uuids[0]));
        QVERIFY(other->store().deleteTask(uuids[1]));
        QVERIFY(other->store().updateTask(uuids[2], {{u"title"_s, u"edited elsewhere"_s}}));
        QVERIFY(other->sync());
        // and those tombstones age past the window, so the stale device's cursor is too old
        QVERIFY(m_world.database().exec(
            u"UPDATE tombstones SET deleted_at = now() - interval '100 days' WHERE user_id = ?"_s,
            {user.id}));
        // and the stale device made an edit the server has not seen
        QVERIFY(stale->store().updateTask(uuids[3], {{u"notes"_s, u"pushed before the reset"_s}}));
        // and during its reload the user keeps working: an edit and a new task
        stale->engine().setPullLimit(4);
        QString createdDuringReload;
        bool reloadSeen = false;
        const auto connection =
            connect(&stale->engine(), &bizy::SyncEngine::pullProgress, this, [&](qint64, qint64) {
                if (!createdDuringReload.isEmpty() || !stale->store().reloadInProgress().value())
                    return;
                reloadSeen = true;
                if (!stale->store().updateTask(uuids[4], {{u"notes"_s, u"during the reload"_s}}))
                    qWarning() << "edit during the reload failed";
                auto created =
                    stale->store().createTask({{u"title"_s, u"made during the reload"_s}});
                if (created)
                    createdDuringReload = created->uuid;
            });
        // when it syncs (twice: the second round pushes what was made during the first)
        QVERIFY2(stale->sync(), qPrintable(stale->lastSyncMessage()));
        disconnect(connection);
        QVERIFY2(reloadSeen, "the device reloaded (pullProgress during a reload)");
        QVERIFY(!createdDuringReload.isEmpty());
        QVERIFY(!stale->store().reloadInProgress().value());
        QVERIFY2(stale->sync(), qPrintable(stale->lastSyncMessage()));
        // then the server purged the tombstones (so only a reload can remove the deleted tasks)
        QCOMPARE(m_world.serverTombstoneCount(user), 0);
        // and the deleted tasks are gone from the stale device, the edit elsewhere arrived
        QVERIFY(!stale->store().task(uuids[0]));
        QVERIFY(!stale->store().task(uuids[1]));
        QCOMPARE(stale->store().task(uuids[2])->title, u"edited elsewhere"_s);
        // and its own edits survived, and reached the server
        QCOMPARE(stale->store().task(uuids[3])->notes, u"pushed before the reset"_s);
        QCOMPARE(stale->store().task(uuids[4])->notes, u"during the reload"_s);
        QVERIFY(stale->store().task(createdDuringReload));
        QCOMPARE(stale->store().pendingCount().value(), 0);
        QCOMPARE(stale->store().conflictCount().value(), 0);
        QCOMPARE(m_world.serverTaskCount(user), 29);
        QString diff = m_world.differences(*stale, user);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        QVERIFY(other->sync());
        diff = SyncWorld::differences(*stale, *other);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    void reset_unsentEditOfARowDeletedAndPurgedElsewhere_isJournaledNotResurrected() {
        // given a task known to two devices
        const SyncWorld::User user = m_world.registerUser(u"resolve_purged_edit"_s);
        QVERIFY(user.ok());
        QString error;
        auto stale = m_world.makeDevice(user, u"stale"_s, &error);
        QVERIFY2(stale, qPrintable(error));
        auto other = m_world.makeDevice(user, u"other"_s, &error);
        QVERIFY2(other, qPrintable(error));
        auto doomed = other->store().createTask({{u"title"_s, u"Deleted long ago"_s}});
        auto kept = other->store().createTask({{u"title"_s, u"Still here"_s}});
        QVERIFY(doomed && kept);
        QVERIFY(other->sync());
        QVERIFY(stale->sync());
        // and the other device deletes it, and its tombstone is purged (another pull purges it)
        QVERIFY(other->store().deleteTask(doomed->uuid));
        QVERIFY(other->sync());
        QVERIFY(m_world.database().exec(
            u"UPDATE tombstones SET deleted_at = now() - interval '100 days' WHERE user_id = ?"_s,
            {user.id}));
        QVERIFY(other->sync());
        QCOMPARE(m_world.serverTombstoneCount(user), 0);
        // when the stale device, which never saw the delete, edits it and syncs
        QVERIFY(stale->store().updateTask(doomed->uuid, {{u"notes"_s, u"late edit"_s}}));
        QVERIFY2(stale->sync(), qPrintable(stale->lastSyncMessage()));
        QVERIFY2(stale->sync(), qPrintable(stale->lastSyncMessage()));
        // then the task does not come back anywhere, and the edit is in the journal
        QVERIFY(!stale->store().task(doomed->uuid));
        QCOMPARE(m_world.serverTaskCount(user), 1);
        const QList<ConflictEntry> entries = stale->store().conflicts().value();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().uuid, doomed->uuid);
        QCOMPARE(entries.first().fields.value(u"notes"_s).toString(), u"late edit"_s);
        QCOMPARE(stale->store().pendingCount().value(), 0);
        QString diff = m_world.differences(*stale, user);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        QVERIFY(other->sync());
        diff = SyncWorld::differences(*stale, *other);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    void reset_cursorAboveTheCounter_reloadsAndKeepsUnsentEdits() {
        // given a device in step with the server on eight tasks
        const SyncWorld::User user = m_world.registerUser(u"resolve_restored"_s);
        QVERIFY(user.ok());
        QString error;
        auto device = m_world.makeDevice(user, u"laptop"_s, &error);
        QVERIFY2(device, qPrintable(error));
        for (int i = 0; i < 8; ++i)
            QVERIFY(device->store().createTask({{u"title"_s, u"task %1"_s.arg(i)}}));
        QVERIFY(device->sync());
        // when the server is restored from a backup taken before the newest three
        // tasks were pushed: they are gone with no tombstone, the counter is back
        // below the device's cursor, and the server forgot which mids the device sent
        const SyncSnapshot before = m_world.serverState(user);
        QMap<qint64, QString> byVersion;
        for (auto it = before.tasks.constBegin(); it != before.tasks.constEnd(); ++it)
            byVersion.insert(it->value(u"version"_s).toInteger(), it.key());
        QCOMPARE(byVersion.size(), 8);
        QCOMPARE(byVersion.lastKey(), device->store().pullCursor().value());
        const QStringList lost = byVersion.values().mid(5);
        const QStringList kept = byVersion.values().mid(0, 5);
        for (const QString& uuid : lost)
            QVERIFY(m_world.database().exec(u"DELETE FROM tasks WHERE uuid = ?::uuid"_s, {uuid}));
        QVERIFY(m_world.database().exec(
            u"UPDATE user_sync_state SET counter = (SELECT max(version) FROM tasks "
            u"WHERE user_id = ?) WHERE user_id = ?"_s,
            {user.id, user.id}));
        // (the backup predates the device's first push: no device row, no kept answers)
        QVERIFY(
            m_world.database().exec(u"DELETE FROM sync_devices WHERE user_id = ?"_s, {user.id}));
        QVERIFY(
            m_world.database().exec(u"DELETE FROM sync_results WHERE user_id = ?"_s, {user.id}));
        QCOMPARE(m_world.serverCounter(user), device->store().pullCursor().value() - 3);
        // and the device has an edit the server has not seen
        QVERIFY(device->store().updateTask(kept.first(), {{u"notes"_s, u"unsent"_s}}));
        // when it syncs
        QVERIFY2(device->sync(), qPrintable(device->lastSyncMessage()));
        QVERIFY2(device->sync(), qPrintable(device->lastSyncMessage()));
        // then the device equals the restored server, with its edit on top
        QCOMPARE(device->store().pendingCount().value(), 0);
        QCOMPARE(device->store().task(kept.first())->notes, u"unsent"_s);
        for (const QString& uuid : lost)
            QVERIFY2(!device->store().task(uuid), "a task the restored server lost is gone");
        QCOMPARE(device->store().taskCount().value(), 5);
        QCOMPARE(m_world.serverTaskCount(user), 5);
        QCOMPARE(device->store().pullCursor().value(), m_world.serverCounter(user));
        const QString diff = m_world.differences(*device, user);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    void goalMovesMakingALoopAcrossDevices_secondIsRejected_allAcyclic() {
        // given two root goals X and Y known to two devices
        const SyncWorld::User user = m_world.registerUser(u"resolve_cycle"_s);
        QVERIFY(user.ok());
        QString error;
        auto a = m_world.makeDevice(user, u"a"_s, &error);
        QVERIFY2(a, qPrintable(error));
        auto b = m_world.makeDevice(user, u"b"_s, &error);
        QVERIFY2(b, qPrintable(error));
        auto x = a->store().createGoal({{u"title"_s, u"X"_s}, {u"horizon"_s, u"yearly"_s}});
        auto y = a->store().createGoal({{u"title"_s, u"Y"_s}, {u"horizon"_s, u"yearly"_s}});
        QVERIFY(x && y);
        QVERIFY(a->sync());
        QVERIFY(b->sync());
        // when, offline, A moves X under Y and B moves Y under X
        QVERIFY(a->store().moveGoal(x->uuid, y->uuid));
        QVERIFY(b->store().moveGoal(y->uuid, x->uuid));
        // and A pushes first, then B, then A again
        QVERIFY2(a->sync(), qPrintable(a->lastSyncMessage()));
        QVERIFY2(b->sync(), qPrintable(b->lastSyncMessage()));
        QVERIFY2(a->sync(), qPrintable(a->lastSyncMessage()));
        // then A's move holds everywhere, and B's was refused as a cycle
        const SyncSnapshot server = m_world.serverState(user);
        QCOMPARE(server.goals.value(x->uuid).value(u"parent_goal_uuid"_s).toString(), y->uuid);
        QVERIFY(server.goals.value(y->uuid).value(u"parent_goal_uuid"_s).isNull());
        const QList<ConflictEntry> entries = b->store().conflicts().value();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().kind, ConflictEntry::Kind::Rejected);
        QCOMPARE(entries.first().code, u"cycle"_s);
        QCOMPARE(entries.first().uuid, y->uuid);
        QCOMPARE(a->store().conflictCount().value(), 0);
        // and every side is acyclic and equal
        QVERIFY2(server.cycles().isEmpty(), qPrintable(server.cycles()));
        for (SyncDevice* device : {a.get(), b.get()}) {
            const SyncSnapshot local = SyncWorld::deviceState(*device);
            QVERIFY2(local.cycles().isEmpty(), qPrintable(local.cycles()));
            QCOMPARE(device->store().pendingCount().value(), 0);
            const QString diff = SyncSnapshot::differences(local, server);
            QVERIFY2(diff.isEmpty(), qPrintable(diff));
        }
        QCOMPARE(b->store().ancestors(x->uuid).value().size(), 1);
        QVERIFY(b->store().ancestors(y->uuid).value().isEmpty());
    }

    void goalChainClosedIntoALoop_rejectedWithItsOtherEdits_queueGoesOn() {
        // given three root goals X, Y, Z known to two devices
        const SyncWorld::User user = m_world.registerUser(u"resolve_chain"_s);
        QVERIFY(user.ok());
        QString error;
        auto a = m_world.makeDevice(user, u"a"_s, &error);
        QVERIFY2(a, qPrintable(error));
        auto b = m_world.makeDevice(user, u"b"_s, &error);
        QVERIFY2(b, qPrintable(error));
        auto x = a->store().createGoal({{u"title"_s, u"X"_s}, {u"horizon"_s, u"weekly"_s}});
        auto y = a->store().createGoal({{u"title"_s, u"Y"_s}, {u"horizon"_s, u"monthly"_s}});
        auto z = a->store().createGoal({{u"title"_s, u"Z"_s}, {u"horizon"_s, u"yearly"_s}});
        QVERIFY(x && y && z);
        QVERIFY(a->sync());
        QVERIFY(b->sync());
        // when, offline, A builds the chain Z > Y > X
        QVERIFY(a->store().moveGoal(y->uuid, z->uuid));
        QVERIFY(a->store().moveGoal(x->uuid, y->uuid));
        // and B renames Z, moves it under X, then adds a task
        QVERIFY(b->store().updateGoal(z->uuid, {{u"title"_s, u"Z renamed"_s}}));
        QVERIFY(b->store().moveGoal(z->uuid, x->uuid));
        auto task = b->store().createTask({{u"title"_s, u"behind the loop"_s}});
        QVERIFY(task);
        // and A pushes first, then B, then A again
        QVERIFY2(a->sync(), qPrintable(a->lastSyncMessage()));
        QVERIFY2(b->sync(), qPrintable(b->lastSyncMessage()));
        QVERIFY2(a->sync(), qPrintable(a->lastSyncMessage()));
        // then A's chain holds, B's move was refused as a cycle, and the task behind it arrived
        const SyncSnapshot server = m_world.serverState(user);
        QCOMPARE(server.goals.value(x->uuid).value(u"parent_goal_uuid"_s).toString(), y->uuid);
        QCOMPARE(server.goals.value(y->uuid).value(u"parent_goal_uuid"_s).toString(), z->uuid);
        QVERIFY(server.goals.value(z->uuid).value(u"parent_goal_uuid"_s).isNull());
        QVERIFY(server.tasks.contains(task->uuid));
        // and what B lost with it (the move, and the rename in the same change) is in its journal
        const QList<ConflictEntry> entries = b->store().conflicts().value();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().kind, ConflictEntry::Kind::Rejected);
        QCOMPARE(entries.first().code, u"cycle"_s);
        QCOMPARE(entries.first().uuid, z->uuid);
        QCOMPARE(entries.first().fields.value(u"parent_goal_uuid"_s).toString(), x->uuid);
        const QString title = server.goals.value(z->uuid).value(u"title"_s).toString();
        QVERIFY2(title == u"Z renamed"_s ||
                     entries.first().fields.value(u"title"_s).toString() == u"Z renamed"_s,
                 "the rename is on the server or in the journal, never silently lost");
        // and every side is acyclic and equal
        QVERIFY2(server.cycles().isEmpty(), qPrintable(server.cycles()));
        for (SyncDevice* device : {a.get(), b.get()}) {
            const SyncSnapshot local = SyncWorld::deviceState(*device);
            QVERIFY2(local.cycles().isEmpty(), qPrintable(local.cycles()));
            QCOMPARE(device->store().pendingCount().value(), 0);
            const QString diff = SyncSnapshot::differences(local, server);
            QVERIFY2(diff.isEmpty(), qPrintable(diff));
        }
        QCOMPARE(b->store().ancestors(x->uuid).value().size(), 2);
    }

private:
    SyncWorld m_world;
};

QTEST_GUILESS_MAIN(TestSyncResolution)
#include "tst_sync_resolution.moc"
