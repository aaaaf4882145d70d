// A server restored from a backup (docs/api.md section 6.12), the way an
// operator does it: pg_dump, changes acknowledged to two devices, the server
// stopped, the database dropped and pg_restore'd, `bizy-server new-epoch`, the
// server started again. After both devices sync, everything acknowledged
// before the restore is on the server once, with the values acknowledged,
// and both devices equal the server field by field. Without new-epoch, the
// changes made after the backup are lost: the reason the command exists.

#include "SyncWorld.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

// A snapshot without what the server assigns anew when a row is created
// again (ids, versions, times of the write): what a user entered.
SyncSnapshot contentOf(const SyncSnapshot& snapshot) {
    SyncSnapshot content = snapshot;
    for (QMap<QString, QJsonObject>* rows : {&content.tasks, &content.goals}) {
        for (QJsonObject& row : *rows) {
            for (const QString& assigned : {u"id"_s, u"version"_s, u"updated_at"_s, u"user_id"_s,
                                            u"parent_goal_id"_s, u"dependencies"_s})
                row.remove(assigned);
        }
    }
    content.cursor = 0;
    content.pulls = 0;
    return content;
}

} // namespace

class TestSyncRestore : public QObject {
    Q_OBJECT

    SyncWorld m_world;

    // Stops the server, restores the dump, runs new-epoch when asked, starts
    // the server again on the same port.
    bool restoreServer(const QString& dump, bool newEpoch, QString* error) {
        ServerProcess& server = m_world.fixture().server();
        if (server.terminate() != 0) {
            *error = u"the server did not stop cleanly: "_s + server.output().right(2000);
            return false;
        }
        if (!m_world.database().restoreDump(dump, error))
            return false;
        if (newEpoch) {
            QString output;
            const int code = server.runCommand({u"new-epoch"_s}, &output);
            if (code != 0 || !output.contains(u"new-epoch: gave "_s)) {
                *error = u"new-epoch exited %1: %2"_s.arg(code).arg(output);
                return false;
            }
        }
        return server.start(error);
    }

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(m_world.start(&error), qPrintable(error));
    }

    void newEpoch_bothDevicesSendAgainWhatTheBackupLacks_nothingLostOrDoubled() {
        // given two devices of one user in step on a goal and four tasks
        const SyncWorld::User user = m_world.registerUser(u"restored"_s);
        QVERIFY(user.ok());
        QString error;
        auto laptop = m_world.makeDevice(user, u"laptop"_s, &error);
        QVERIFY2(laptop, qPrintable(error));
        auto phone = m_world.makeDevice(user, u"phone"_s, &error);
        QVERIFY2(phone, qPrintable(error));
        const auto year =
            laptop->store().createGoal({{u"title"_s, u"Year"_s}, {u"horizon"_s, u"yearly"_s}});
        QVERIFY2(year, qPrintable(errorText(year)));
        const auto kept = laptop->store().createTask(
            {{u"title"_s, u"Kept"_s}, {u"parent_goal_uuid"_s, year->uuid}});
        const auto renamed = laptop->store().createTask({{u"title"_s, u"Renamed"_s}});
        const auto doomed =
            laptop->store().createTask({{u"title"_s, u"Deleted after the backup"_s}});
        const auto call = phone->store().createTask({{u"title"_s, u"Call the bank"_s}});
        QVERIFY(kept && renamed && doomed && call);
        for (SyncDevice* device : {laptop.get(), phone.get(), laptop.get()})
            QVERIFY2(device->sync(), qPrintable(device->lastSyncMessage()));

        // when the operator backs the database up
        QVERIFY2(m_world.database().dump(u"restore.dump"_s, &error), qPrintable(error));

        // and both devices make changes the server acknowledges: creates (a
        // goal under a goal, a task in it that waits for another), edits of
        // a task and a goal, a completion and a delete
        const auto quarter = laptop->store().createGoal({{u"title"_s, u"Quarter"_s},
                                                         {u"horizon"_s, u"quarterly"_s},
                                                         {u"parent_goal_uuid"_s, year->uuid}});
        QVERIFY2(quarter, qPrintable(errorText(quarter)));
        const auto created =
            laptop->store().createTask({{u"title"_s, u"Created after the backup"_s},
                                        {u"parent_goal_uuid"_s, quarter->uuid},
                                        {u"dependency_uuids"_s, QJsonArray{kept->uuid}}});
        QVERIFY2(created, qPrintable(errorText(created)));
        QVERIFY(laptop->store().updateTask(renamed->uuid,
                                           {{u"title"_s, u"Renamed after the backup"_s}}));
        QVERIFY(laptop->store().updateGoal(year->uuid, {{u"description"_s, u"edited"_s}}));
        QVERIFY(laptop->store().deleteTask(doomed->uuid).ok());
        QVERIFY2(laptop->sync(), qPrintable(laptop->lastSyncMessage()));
        QVERIFY(phone->store().completeTask(call->uuid));
        const auto phoneTask = phone->store().createTask({{u"title"_s, u"From the phone"_s}});
        QVERIFY(phoneTask);
        QVERIFY(phone->store().updateTask(kept->uuid, {{u"notes"_s, u"phone notes"_s}}));
        for (SyncDevice* device : {phone.get(), laptop.get(), phone.get()})
            QVERIFY2(device->sync(), qPrintable(device->lastSyncMessage()));
        const SyncSnapshot acknowledged = m_world.serverState(user);
        QVERIFY2(acknowledged.ok(), qPrintable(acknowledged.error));
        QCOMPARE(acknowledged.tasks.size(), 5);
        QCOMPARE(acknowledged.goals.size(), 2);
        // and each has a change the server has not seen yet
        const auto unsent = laptop->store().createTask({{u"title"_s, u"Unsent on the laptop"_s}});
        QVERIFY(unsent);
        QVERIFY(phone->store().updateTask(renamed->uuid, {{u"priority"_s, 1}}));

        // when the database is restored from the backup, new-epoch runs and
        // the server starts again
        QVERIFY2(restoreServer(u"restore.dump"_s, true, &error), qPrintable(error));
        QVERIFY2(!m_world.serverState(user).tasks.contains(created->uuid),
                 "the restored server lacks what came after the backup");
        // and both devices sync, twice each
        for (SyncDevice* device : {laptop.get(), phone.get(), laptop.get(), phone.get()})
            QVERIFY2(device->sync(), qPrintable(device->lastSyncMessage()));

        // then the server holds every change acknowledged before the restore,
        // with the values acknowledged, plus the two unsent changes, and no
        // row twice (the deleted task stays deleted)
        const SyncSnapshot now = m_world.serverState(user);
        QVERIFY2(now.ok(), qPrintable(now.error));
        QCOMPARE(now.tasks.value(unsent->uuid).value(u"title"_s).toString(),
                 u"Unsent on the laptop"_s);
        SyncSnapshot expected = contentOf(acknowledged);
        expected.side = u"acknowledged"_s;
        expected.tasks[renamed->uuid][u"priority"_s] = 1;
        SyncSnapshot actual = contentOf(now);
        actual.side = u"server"_s;
        actual.tasks.remove(unsent->uuid);
        const QString lost = SyncSnapshot::differences(expected, actual);
        QVERIFY2(lost.isEmpty(), qPrintable(lost));
        QCOMPARE(m_world.serverTaskCount(user), 6);
        QCOMPARE(m_world.serverGoalCount(user), 2);
        QVERIFY(!now.tasks.contains(doomed->uuid));
        // and both devices equal the server field by field, with nothing left
        // to send and nothing in their conflict journals
        for (SyncDevice* device : {laptop.get(), phone.get()}) {
            const QString diff = m_world.differences(*device, user);
            QVERIFY2(diff.isEmpty(), qPrintable(device->name() + u": "_s + diff));
            QCOMPARE(device->store().pendingCount().value(), 0);
            QCOMPARE(device->store().conflictCount().value(), 0);
            QCOMPARE(device->store().pullCursor().value(), m_world.serverCounter(user));
        }
        QVERIFY(!laptop->store().task(doomed->uuid));
    }

    void withoutNewEpoch_whatCameAfterTheBackupIsLost() {
        // given a device in step on one task when the backup is taken, and a
        // task acknowledged after it
        const SyncWorld::User user = m_world.registerUser(u"restored_silently"_s);
        QVERIFY(user.ok());
        QString error;
        auto laptop = m_world.makeDevice(user, u"laptop"_s, &error);
        QVERIFY2(laptop, qPrintable(error));
        QVERIFY(laptop->store().createTask({{u"title"_s, u"Before the backup"_s}}));
        QVERIFY2(laptop->sync(), qPrintable(laptop->lastSyncMessage()));
        QVERIFY2(m_world.database().dump(u"silent.dump"_s, &error), qPrintable(error));
        const auto after = laptop->store().createTask({{u"title"_s, u"After the backup"_s}});
        QVERIFY(after);
        QVERIFY2(laptop->sync(), qPrintable(laptop->lastSyncMessage()));

        // when the database is restored but nobody runs new-epoch
        QVERIFY2(restoreServer(u"silent.dump"_s, false, &error), qPrintable(error));
        for (int round = 0; round < 2; ++round)
            QVERIFY2(laptop->sync(), qPrintable(laptop->lastSyncMessage()));

        // then the device can only follow the restored server (its cursor is
        // past the counter: a reset): the acknowledged task is gone from both
        QVERIFY(!laptop->store().task(after->uuid));
        QVERIFY(!m_world.serverState(user).tasks.contains(after->uuid));
        const QString diff = m_world.differences(*laptop, user);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }
};

QTEST_GUILESS_MAIN(TestSyncRestore)
#include "tst_sync_restore.moc"
