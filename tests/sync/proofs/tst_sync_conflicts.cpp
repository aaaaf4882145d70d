// Proof 2 (issue 4): two devices edit one task offline. Different fields: both
// edits survive everywhere. The same field: the later push wins on every side,
// the losing value is in the winner's conflict journal as Overwritten, and
// restoring it brings it back everywhere.

#include "SyncWorld.h"

#include <QTest>

using namespace Qt::StringLiterals;
using bizy::ConflictEntry;

class TestSyncConflicts : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(m_world.start(&error), qPrintable(error));
    }

    void differentFields_bothEditsSurviveEverywhere() {
        // given one task known to two devices of one user
        Pair pair = makePair(u"fields"_s);
        QVERIFY(pair.ok());
        const QString uuid = sharedTask(pair);
        QVERIFY(!uuid.isEmpty());
        // when both lose the network
        pair.laptop->goOffline();
        pair.desktop->goOffline();
        // and, offline, the laptop renames it and the desktop changes its
        // priority, its tags and its due date
        QVERIFY(pair.laptop->store().updateTask(uuid, {{u"title"_s, u"renamed on the laptop"_s}}));
        QVERIFY(
            pair.desktop->store().updateTask(uuid, {{u"priority"_s, 1},
                                                    {u"tags"_s, QJsonArray{u"desk"_s}},
                                                    {u"due_date"_s, u"2027-01-15T09:00:00"_s}}));
        // (a sync attempt offline fails as offline and keeps the change)
        QVERIFY(!pair.laptop->sync());
        QCOMPARE(pair.laptop->engine().state(), bizy::SyncEngine::State::Offline);
        QCOMPARE(pair.laptop->store().pendingCount().value(), 1);
        // and both come back online and sync: the laptop, the desktop, the laptop again
        pair.laptop->goOnline();
        pair.desktop->goOnline();
        const QString failure = syncAll(pair);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        // then every side has the laptop's title and the desktop's other fields
        for (SyncDevice* device : {pair.laptop.get(), pair.desktop.get()}) {
            const bizy::Result<bizy::Task> task = device->store().task(uuid);
            QVERIFY2(task, qPrintable(device->name()));
            QCOMPARE(task->title, u"renamed on the laptop"_s);
            QCOMPARE(task->priority, 1);
            QCOMPARE(task->tags, QStringList{u"desk"_s});
            QCOMPARE(task->dueDate->date(), QDate(2027, 1, 15));
            // and no one was told of a conflict: nothing was lost
            QCOMPARE(device->store().conflictCount().value(), 0);
            QCOMPARE(device->store().pendingCount().value(), 0);
        }
        const QString diff = allEqual(pair);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    void sameField_laterPushWins_loserIsJournaled_andRestorable_data() {
        QTest::addColumn<bool>("laptopFirst");
        QTest::newRow("laptop pushes first") << true;
        QTest::newRow("desktop pushes first") << false;
    }

    void sameField_laterPushWins_loserIsJournaled_andRestorable() {
        QFETCH(bool, laptopFirst);
        // given one task known to two devices
        Pair pair = makePair(laptopFirst ? u"same_lf"_s : u"same_df"_s);
        QVERIFY(pair.ok());
        const QString uuid = sharedTask(pair);
        QVERIFY(!uuid.isEmpty());
        // when both change its notes offline
        QVERIFY(pair.laptop->store().updateTask(uuid, {{u"notes"_s, u"laptop's notes"_s}}));
        QVERIFY(pair.desktop->store().updateTask(uuid, {{u"notes"_s, u"desktop's notes"_s}}));
        SyncDevice& first = laptopFirst ? *pair.laptop : *pair.desktop;
        SyncDevice& second = laptopFirst ? *pair.desktop : *pair.laptop;
        const QString firstValue = laptopFirst ? u"laptop's notes"_s : u"desktop's notes"_s;
        const QString secondValue = laptopFirst ? u"desktop's notes"_s : u"laptop's notes"_s;
        // and one pushes before the other, and then the first one syncs again
        QVERIFY2(first.sync(), qPrintable(first.lastSyncMessage()));
        QVERIFY2(second.sync(), qPrintable(second.lastSyncMessage()));
        QVERIFY2(first.sync(), qPrintable(first.lastSyncMessage()));
        // then the later push wins on both devices and on the server
        QCOMPARE(first.store().task(uuid)->notes, secondValue);
        QCOMPARE(second.store().task(uuid)->notes, secondValue);
        QCOMPARE(m_world.serverState(pair.user).tasks.value(uuid).value(u"notes"_s).toString(),
                 secondValue);
        QString diff = allEqual(pair);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
        // and the losing value is in the winner's journal, with what it lost
        QCOMPARE(first.store().conflictCount().value(), 0);
        const QList<ConflictEntry> entries = second.store().conflicts().value();
        QCOMPARE(entries.size(), 1);
        const ConflictEntry& entry = entries.first();
        QCOMPARE(entry.kind, ConflictEntry::Kind::Overwritten);
        QCOMPARE(entry.entity, bizy::OutboxMutation::Entity::Task);
        QCOMPARE(entry.uuid, uuid);
        QCOMPARE(entry.fields.value(u"notes"_s).toString(), firstValue);

        // when the winner restores the lost value and both sync again
        QVERIFY(second.store().restoreConflict(entry.id));
        QCOMPARE(second.store().conflictCount().value(), 0);
        QCOMPARE(second.store().task(uuid)->notes, firstValue);
        QVERIFY2(second.sync(), qPrintable(second.lastSyncMessage()));
        QVERIFY2(first.sync(), qPrintable(first.lastSyncMessage()));
        // then the restored value is back everywhere, with no new conflict
        QCOMPARE(first.store().task(uuid)->notes, firstValue);
        QCOMPARE(second.store().task(uuid)->notes, firstValue);
        QCOMPARE(first.store().conflictCount().value(), 0);
        QCOMPARE(second.store().conflictCount().value(), 0);
        diff = allEqual(pair);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    void sameFieldOfAGoal_andOtherFields_mergeFieldByField() {
        // given one goal known to two devices
        Pair pair = makePair(u"goalmerge"_s);
        QVERIFY(pair.ok());
        auto goal = pair.laptop->store().createGoal(
            {{u"title"_s, u"Run a marathon"_s}, {u"horizon"_s, u"yearly"_s}});
        QVERIFY(goal);
        QVERIFY2(pair.laptop->sync(), qPrintable(pair.laptop->lastSyncMessage()));
        QVERIFY2(pair.desktop->sync(), qPrintable(pair.desktop->lastSyncMessage()));
        QVERIFY(pair.desktop->store().goal(goal->uuid));
        // when the laptop changes the title and the description, the desktop
        // the description and the success criteria
        QVERIFY(pair.laptop->store().updateGoal(
            goal->uuid, {{u"title"_s, u"Run a half marathon"_s}, {u"description"_s, u"laptop"_s}}));
        QVERIFY(pair.desktop->store().updateGoal(
            goal->uuid,
            {{u"description"_s, u"desktop"_s}, {u"success_criteria"_s, u"under two hours"_s}}));
        const QString failure = syncAll(pair);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        // then the fields only one changed survive, the shared one is the desktop's
        for (SyncDevice* device : {pair.laptop.get(), pair.desktop.get()}) {
            const bizy::Result<bizy::Goal> merged = device->store().goal(goal->uuid);
            QVERIFY(merged);
            QCOMPARE(merged->title, u"Run a half marathon"_s);
            QCOMPARE(merged->description, u"desktop"_s);
            QCOMPARE(merged->successCriteria, u"under two hours"_s);
        }
        // and only the description lost, in the desktop's journal
        QCOMPARE(pair.laptop->store().conflictCount().value(), 0);
        const QList<ConflictEntry> entries = pair.desktop->store().conflicts().value();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().kind, ConflictEntry::Kind::Overwritten);
        QCOMPARE(entries.first().entity, bizy::OutboxMutation::Entity::Goal);
        QCOMPARE(entries.first().fields.value(u"description"_s).toString(), u"laptop"_s);
        QVERIFY2(!entries.first().fields.contains(u"success_criteria"_s),
                 "a field nobody else changed did not lose anything");
        const QString diff = allEqual(pair);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    void sameFieldOnThreeDevices_lastPushWins_eachPusherJournalsTheValueItBeat() {
        // given a task known to three devices
        Pair pair = makePair(u"three"_s);
        QVERIFY(pair.ok());
        QString error;
        auto phone = m_world.makeDevice(pair.user, u"phone"_s, &error);
        QVERIFY2(phone, qPrintable(error));
        const QString uuid = sharedTask(pair);
        QVERIFY(!uuid.isEmpty());
        QVERIFY(phone->sync());
        // when all three set its priority offline, and push laptop, desktop, phone
        QVERIFY(pair.laptop->store().updateTask(uuid, {{u"priority"_s, 1}}));
        QVERIFY(pair.desktop->store().updateTask(uuid, {{u"priority"_s, 2}}));
        QVERIFY(phone->store().updateTask(uuid, {{u"priority"_s, 5}}));
        for (SyncDevice* device : {pair.laptop.get(), pair.desktop.get(), phone.get(),
                                   pair.laptop.get(), pair.desktop.get()})
            QVERIFY2(device->sync(), qPrintable(device->lastSyncMessage()));
        // then the phone's value (the last push) is everywhere
        for (SyncDevice* device : {pair.laptop.get(), pair.desktop.get(), phone.get()})
            QCOMPARE(device->store().task(uuid)->priority, 5);
        // and each later pusher journaled exactly the value it overwrote
        QCOMPARE(pair.laptop->store().conflictCount().value(), 0);
        QCOMPARE(pair.desktop->store().conflictCount().value(), 1);
        QCOMPARE(
            pair.desktop->store().conflicts().value().first().fields.value(u"priority"_s).toInt(),
            1);
        QCOMPARE(phone->store().conflictCount().value(), 1);
        QCOMPARE(phone->store().conflicts().value().first().fields.value(u"priority"_s).toInt(), 2);
        const QString diff = allEqual(pair) + m_world.differences(*phone, pair.user);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    void webEditsAgainstDeviceEdits_mergeFieldByField() {
        // given a task on a device, synced
        Pair pair = makePair(u"web"_s);
        QVERIFY(pair.ok());
        const QString uuid = sharedTask(pair);
        QVERIFY(!uuid.isEmpty());
        const qint64 id = *pair.laptop->store().task(uuid)->id;
        // when the web client (plain REST) changes its title and notes
        const HttpResponse patched = m_world.http().patch(
            u"/api/tasks/%1"_s.arg(id),
            {{u"title"_s, u"title from the web"_s}, {u"notes"_s, u"web notes"_s}},
            m_world.token(pair.user));
        QVERIFY2(patched.status == 200, patched.describe().constData());
        // and the laptop, offline, changed its notes and its priority
        QVERIFY(pair.laptop->store().updateTask(
            uuid, {{u"notes"_s, u"laptop notes"_s}, {u"priority"_s, 2}}));
        QVERIFY2(pair.laptop->sync(), qPrintable(pair.laptop->lastSyncMessage()));
        QVERIFY2(pair.desktop->sync(), qPrintable(pair.desktop->lastSyncMessage()));
        // then the web's title, the laptop's priority and (pushed later) its notes hold
        const HttpResponse web =
            m_world.http().get(u"/api/tasks/%1"_s.arg(id), m_world.token(pair.user));
        QCOMPARE(web.object().value(u"title"_s).toString(), u"title from the web"_s);
        QCOMPARE(web.object().value(u"notes"_s).toString(), u"laptop notes"_s);
        QCOMPARE(web.object().value(u"priority"_s).toInt(), 2);
        // and the web's notes, overwritten, are in the laptop's journal
        const QList<ConflictEntry> entries = pair.laptop->store().conflicts().value();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().kind, ConflictEntry::Kind::Overwritten);
        QCOMPARE(entries.first().fields.value(u"notes"_s).toString(), u"web notes"_s);
        QVERIFY(!entries.first().fields.contains(u"title"_s));
        const QString diff = allEqual(pair);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

private:
    struct Pair {
        SyncWorld::User user;
        std::unique_ptr<SyncDevice> laptop;
        std::unique_ptr<SyncDevice> desktop;
        bool ok() const { return user.ok() && laptop && desktop; }
    };

    Pair makePair(const QString& name) {
        Pair pair;
        pair.user = m_world.registerUser(u"conflicts_"_s + name);
        QString error;
        pair.laptop = m_world.makeDevice(pair.user, u"laptop"_s, &error);
        if (!pair.laptop)
            qWarning() << error;
        pair.desktop = m_world.makeDevice(pair.user, u"desktop"_s, &error);
        if (!pair.desktop)
            qWarning() << error;
        return pair;
    }

    // A task created on the laptop and synced to the desktop; empty on failure.
    QString sharedTask(Pair& pair) {
        auto task = pair.laptop->store().createTask(
            {{u"title"_s, u"Write the report"_s}, {u"description"_s, u"quarterly numbers"_s}});
        if (!task || !pair.laptop->sync() || !pair.desktop->sync() ||
            !pair.desktop->store().task(task->uuid)) {
            qWarning() << "could not share a task:" << pair.laptop->lastSyncMessage()
                       << pair.desktop->lastSyncMessage();
            return {};
        }
        return task->uuid;
    }

    // Laptop, desktop, laptop: after that both have everything. Empty when all went well.
    static QString syncAll(Pair& pair) {
        for (SyncDevice* device : {pair.laptop.get(), pair.desktop.get(), pair.laptop.get()}) {
            if (!device->sync())
                return device->lastSyncMessage();
        }
        return {};
    }

    // Both devices against the server, field by field; empty when all equal.
    QString allEqual(Pair& pair) {
        QStringList lines{m_world.differences(*pair.laptop, pair.user),
                          m_world.differences(*pair.desktop, pair.user)};
        lines.removeAll(QString());
        return lines.join(u'\n');
    }

    SyncWorld m_world;
};

QTEST_GUILESS_MAIN(TestSyncConflicts)
#include "tst_sync_conflicts.moc"
