// What starts a sync round: with the triggers off only syncNow() does (the
// round's own acknowledgements start nothing); with them on, a local change
// starts one after the debounce, and a change made while a round runs is sent
// by the round that follows it.

#include "SyncWorld.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;

class TestSyncTriggers : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(m_world.start(&error), qPrintable(error));
    }

    void triggersOff_nothingRunsAfterTheRoundEnds() {
        // given a device whose triggers are off, synced with one new task
        const SyncWorld::User user = m_world.registerUser(u"triggers_off"_s);
        QString error;
        auto laptop = m_world.makeDevice(user, u"laptop"_s, &error);
        QVERIFY2(laptop, qPrintable(error));
        QVERIFY(laptop->store().createTask({{u"title"_s, u"Sent"_s}}));
        QSignalSpy rounds(&laptop->engine(), &bizy::SyncEngine::roundFinished);
        QVERIFY2(laptop->sync(), qPrintable(laptop->lastSyncMessage()));

        // when the user adds another task after the round
        QVERIFY(laptop->store().createTask({{u"title"_s, u"Kept here"_s}}));
        QTest::qWait(500);

        // then no round ran by itself: the task waits, the server has one
        QCOMPARE(rounds.count(), 1);
        QCOMPARE(laptop->store().pendingCount().value(), 1);
        QCOMPARE(m_world.serverTaskCount(user), 1);
    }

    void triggersOn_aLocalChangeIsSentAfterTheDebounce() {
        // given a device with its triggers on and a short debounce
        const SyncWorld::User user = m_world.registerUser(u"triggers_on"_s);
        QString error;
        auto laptop = m_world.makeDevice(user, u"laptop"_s, &error);
        QVERIFY2(laptop, qPrintable(error));
        laptop->scheduler().setDebounceMs(100);
        laptop->scheduler().start();
        QTRY_COMPARE_WITH_TIMEOUT(laptop->engine().state(), bizy::SyncEngine::State::Idle, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!laptop->engine().isRunning(), 10000);

        // when the user adds a task and waits
        QVERIFY(laptop->store().createTask({{u"title"_s, u"Sync me"_s}}));

        // then it reaches the server without anyone asking
        QTRY_COMPARE_WITH_TIMEOUT(m_world.serverTaskCount(user), 1, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(laptop->store().pendingCount().value(), 0, 15000);
        QVERIFY(laptop->engine().lastSyncedAt().has_value());
    }

    void triggersOn_aChangeDuringARound_isSentByTheNextRound() {
        // given a device with its triggers on, behind a slow network
        const SyncWorld::User user = m_world.registerUser(u"triggers_during"_s);
        QString error;
        auto laptop = m_world.makeDevice(user, u"laptop"_s, &error);
        QVERIFY2(laptop, qPrintable(error));
        laptop->scheduler().setDebounceMs(100);
        laptop->proxy().setDelayMs(300);
        laptop->proxy().setMode(FaultProxy::Mode::Delay);
        laptop->scheduler().start();
        QTRY_VERIFY_WITH_TIMEOUT(!laptop->engine().isRunning(), 15000);

        // when a round is pushing one task and the user adds another meanwhile
        QVERIFY(laptop->store().createTask({{u"title"_s, u"First"_s}}));
        QTRY_VERIFY_WITH_TIMEOUT(laptop->engine().isRunning(), 5000);
        QVERIFY(laptop->store().createTask({{u"title"_s, u"Second"_s}}));

        // then both reach the server and nothing is left to send
        QTRY_COMPARE_WITH_TIMEOUT(m_world.serverTaskCount(user), 2, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(laptop->store().pendingCount().value(), 0, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(!laptop->engine().isRunning(), 20000);
        QCOMPARE(laptop->engine().state(), bizy::SyncEngine::State::Idle);
    }

private:
    SyncWorld m_world;
};

QTEST_GUILESS_MAIN(TestSyncTriggers)
#include "tst_sync_triggers.moc"
