// The proofs are only as good as their comparison: SyncSnapshot::differences
// must see every changed field, every missing row and every loop, or an
// "equal" in a proof means nothing. Checked on hand-made snapshots and on a
// real device that has not synced yet.

#include "SyncWorld.h"

#include <QJsonArray>
#include <QTest>

using namespace Qt::StringLiterals;

class TestSyncHarness : public QObject {
    Q_OBJECT

private slots:
    void differences_equalSnapshots_isEmpty() {
        const SyncSnapshot a = snapshot(u"a"_s);
        const SyncSnapshot b = snapshot(u"b"_s);
        QCOMPARE(SyncSnapshot::differences(a, b), QString());
    }

    void differences_namesEveryChangedField() {
        SyncSnapshot a = snapshot(u"a"_s);
        SyncSnapshot b = snapshot(u"b"_s);
        b.tasks[u"t1"_s][u"notes"_s] = u"changed"_s;       // a value
        b.tasks[u"t1"_s][u"tags"_s] = QJsonArray{u"x"_s};  // null -> list
        b.tasks[u"t1"_s].remove(u"priority"_s);            // a field only one side has
        b.goals[u"g1"_s][u"progress_percentage"_s] = 50.5; // a number
        const QString diff = SyncSnapshot::differences(a, b);
        QVERIFY2(diff.contains(u"notes"_s), qPrintable(diff));
        QVERIFY2(diff.contains(u"tags"_s), qPrintable(diff));
        QVERIFY2(diff.contains(u"priority: a=3 b=(absent)"_s), qPrintable(diff));
        QVERIFY2(diff.contains(u"progress_percentage"_s), qPrintable(diff));
        QCOMPARE(diff.count(u'\n') + 1, 4);
    }

    void differences_namesRowsOnlyOneSideHas() {
        SyncSnapshot a = snapshot(u"laptop"_s);
        SyncSnapshot b = snapshot(u"server"_s);
        a.tasks.remove(u"t1"_s);
        b.goals.remove(u"g1"_s);
        const QString diff = SyncSnapshot::differences(a, b);
        QVERIFY2(diff.contains(u"task t1 ('Task one'): only on server"_s), qPrintable(diff));
        QVERIFY2(diff.contains(u"goal g1 ('Goal one'): only on laptop"_s), qPrintable(diff));
    }

    void differences_unreadableSideIsADifference() {
        SyncSnapshot a = snapshot(u"a"_s);
        SyncSnapshot b = snapshot(u"server"_s);
        b.error = u"the server answered reset"_s;
        QVERIFY(!SyncSnapshot::differences(a, b).isEmpty());
    }

    void cycles_findsALoop_andNothingInATree() {
        SyncSnapshot tree = snapshot(u"a"_s);
        tree.goals.insert(u"g2"_s, goal(u"g2"_s, u"g1"_s));
        tree.goals.insert(u"g3"_s, goal(u"g3"_s, u"g2"_s));
        QCOMPARE(tree.cycles(), QString());
        SyncSnapshot loop = tree;
        loop.goals[u"g1"_s][u"parent_goal_uuid"_s] = u"g3"_s;
        QVERIFY(!loop.cycles().isEmpty());
    }

    void liveDevice_unsyncedChangesAreDifferences() {
        // given a real server and a device in step with it
        QString error;
        QVERIFY2(m_world.start(&error), qPrintable(error));
        const SyncWorld::User user = m_world.registerUser(u"harness"_s);
        QVERIFY(user.ok());
        auto device = m_world.makeDevice(user, u"laptop"_s, &error);
        QVERIFY2(device, qPrintable(error));
        auto task = device->store().createTask({{u"title"_s, u"Synced"_s}});
        QVERIFY(task);
        QVERIFY2(device->sync(), qPrintable(device->lastSyncMessage()));
        QCOMPARE(m_world.differences(*device, user), QString());
        // when it edits a field and creates a task without syncing
        QVERIFY(device->store().updateTask(task->uuid, {{u"notes"_s, u"local only"_s}}));
        QVERIFY(device->store().createTask({{u"title"_s, u"Not yet pushed"_s}}));
        // then the comparison with the server names both
        const QString diff = m_world.differences(*device, user);
        QVERIFY2(diff.contains(u"notes: laptop=\"local only\" server=null"_s), qPrintable(diff));
        QVERIFY2(diff.contains(u"('Not yet pushed'): only on laptop"_s), qPrintable(diff));
        // and after a sync there is none
        QVERIFY2(device->sync(), qPrintable(device->lastSyncMessage()));
        QCOMPARE(m_world.differences(*device, user), QString());
        // and a device closed and reopened on its file still equals the server
        QVERIFY2(device->reopen(&error), qPrintable(error));
        QCOMPARE(m_world.differences(*device, user), QString());
    }

private:
    static QJsonObject goal(const QString& uuid, const QString& parent) {
        return {{u"uuid"_s, uuid},
                {u"title"_s, uuid == u"g1"_s ? u"Goal one"_s : uuid},
                {u"parent_goal_uuid"_s, parent.isEmpty() ? QJsonValue() : QJsonValue(parent)},
                {u"progress_percentage"_s, 0}};
    }

    static SyncSnapshot snapshot(const QString& side) {
        SyncSnapshot s;
        s.side = side;
        s.tasks.insert(u"t1"_s, {{u"uuid"_s, u"t1"_s},
                                 {u"title"_s, u"Task one"_s},
                                 {u"priority"_s, 3},
                                 {u"notes"_s, QJsonValue()},
                                 {u"tags"_s, QJsonValue()}});
        s.goals.insert(u"g1"_s, goal(u"g1"_s, {}));
        return s;
    }

    SyncWorld m_world;
};

QTEST_GUILESS_MAIN(TestSyncHarness)
#include "tst_sync_harness.moc"
