// When SyncScheduler starts rounds: after a burst of local changes (once, after
// the debounce), on its interval, as retries with a doubling delay after a
// failure, and when a login comes back; never while paused (except when the
// user asks), and never because of a round's own acknowledgements. The real
// engine and store run against FakeSyncServer; the intervals are short and
// the fake's request log tells what was sent.

#include "EngineRig.h"
#include "sync/SyncScheduler.h"

#include <QTest>

using namespace Qt::StringLiterals;
using bizy::ApiError;
using bizy::SyncEngine;
using bizy::SyncScheduler;
using State = bizy::SyncEngine::State;
using Call = FakeSyncServer::Call;

namespace {

constexpr int kGenerousMs = 10000;
constexpr int kDebounceMs = 30;
constexpr int kFirstRetryMs = 20;
constexpr int kMaxRetryMs = 80;
// Long enough for any of the short timers above to have fired a few times.
constexpr int kQuietMs = 150;

} // namespace

class TestSyncScheduler : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<EngineRig> m_rig;
    std::unique_ptr<SyncScheduler> m_scheduler;

    EngineRig& rig() { return *m_rig; }
    FakeSyncServer& server() { return m_rig->server(); }
    SyncEngine& engine() { return m_rig->engine(); }
    SyncScheduler& scheduler() { return *m_scheduler; }

    // Starts the scheduler and waits for the round start() runs.
    bool startAndSettle() {
        const qsizetype before = rig().rounds().size();
        scheduler().start();
        return EngineRig::waitFor(
            [&] { return rig().rounds().size() > before && !engine().isRunning(); }, kGenerousMs);
    }

private slots:
    void init() {
        m_rig = std::make_unique<EngineRig>();
        QString error;
        QVERIFY2(m_rig->open(&error), qPrintable(error));
        m_scheduler = std::make_unique<SyncScheduler>(&m_rig->engine());
        m_scheduler->setDebounceMs(kDebounceMs);
        m_scheduler->setIntervalMs(0);
        m_scheduler->setRetryDelaysMs(kFirstRetryMs, kMaxRetryMs);
    }

    void cleanup() {
        m_scheduler.reset();
        m_rig.reset();
    }

    void aBurstOfLocalChanges_isSentByOneRound_afterTheDebounce() {
        // given a started scheduler with a debounce long enough for a burst
        scheduler().setDebounceMs(200);
        QVERIFY(startAndSettle());

        // when the user adds three tasks, each change reaching the scheduler
        for (int i = 1; i <= 3; ++i) {
            rig().createTask(u"Burst %1"_s.arg(i));
            QVERIFY(EngineRig::waitFor([&] { return engine().pendingCount() == i; }));
        }

        // then nothing is sent during the burst, and then one push carries all three
        QVERIFY(server().requests(Call::Push).isEmpty());
        QVERIFY(EngineRig::waitFor(
            [&] { return server().liveRows().size() == 3 && !engine().isRunning(); }, kGenerousMs));
        QCOMPARE(server().requests(Call::Push).size(), 1);
        QCOMPARE(server().requests(Call::Push).first().mids, (QList<qint64>{1, 2, 3}));
        QCOMPARE(rig().pending(), 0);
    }

    void theInterval_startsRoundsWithNothingToSend() {
        // given a scheduler with a short interval and nothing to send
        scheduler().setIntervalMs(30);

        // when it runs for a while, with nobody asking
        scheduler().start();

        // then rounds keep coming and pull what another device sends meanwhile
        QVERIFY(EngineRig::waitFor([&] { return server().requests(Call::Pull).size() >= 2; },
                                   kGenerousMs));
        server().write(u"task"_s, u"6a1f2c3d-0000-4000-8000-000000000001"_s,
                       {{u"title"_s, u"From the phone"_s}});
        QVERIFY(EngineRig::waitFor(
            [&] { return rig().localTitles() == QStringList{u"From the phone"_s}; }, kGenerousMs));
        QVERIFY(server().requests(Call::Push).isEmpty());
        QVERIFY(!rig().rounds().contains(false));
    }

    void failedRounds_retryWithADoublingDelay_thatStartsOverAfterASuccess() {
        // given a server the next four calls do not reach
        server().failNextCalls(4, ApiError::network(u"Network unreachable"_s));
        QList<bool> outcomes;
        QList<int> delays;
        connect(&engine(), &SyncEngine::roundFinished, this, [&](bool ok) {
            outcomes.append(ok);
            delays.append(scheduler().retryDelayMs());
        });

        // when the scheduler starts, and nothing else asks for a round
        scheduler().start();
        QVERIFY(EngineRig::waitFor([&] { return outcomes.size() == 5; }, kGenerousMs));

        // then each failure scheduled a retry twice as far off, up to the
        // most, until a retry succeeded
        QCOMPARE(outcomes, (QList<bool>{false, false, false, false, true}));
        QCOMPARE(delays, (QList<int>{20, 40, 80, 80, 0}));
        QCOMPARE(engine().state(), State::Idle);

        // and after that success the next failure waits the first delay again
        server().failNextCalls(1, ApiError::network(u"Network unreachable"_s));
        scheduler().syncNow();
        QVERIFY(EngineRig::waitFor([&] { return outcomes.size() == 7; }, kGenerousMs));
        QCOMPARE(outcomes.mid(5), (QList<bool>{false, true}));
        QCOMPARE(delays.mid(5), (QList<int>{20, 0}));
    }

    void paused_noTriggerStartsARound_butSyncNowStillSyncs() {
        // given a started scheduler with every trigger short, paused right
        // after a failed round scheduled its retry
        scheduler().setIntervalMs(30);
        QVERIFY(startAndSettle());
        server().failNextCalls(1, ApiError::timeout());
        connect(&engine(), &SyncEngine::roundFinished, this, [this](bool ok) {
            if (!ok)
                scheduler().setPaused(true);
        });
        QVERIFY(EngineRig::waitFor([&] { return scheduler().isPaused(); }, kGenerousMs));
        QVERIFY(EngineRig::waitFor([&] { return !engine().isRunning(); }, kGenerousMs));
        const qsizetype sent = server().requests().size();

        // when the user adds a task, the session ends and comes back, and
        // the interval, debounce and retry times all pass
        rig().createTask(u"While paused"_s);
        server().setLoggedIn(false);
        server().setLoggedIn(true);
        QTest::qWait(kQuietMs);

        // then nothing was sent
        QCOMPARE(server().requests().size(), sent);
        QCOMPARE(rig().pending(), 1);

        // when the user asks to sync
        scheduler().syncNow();

        // then one round sends the task, still paused
        QVERIFY(EngineRig::waitFor(
            [&] { return server().liveTitles() == QStringList{u"While paused"_s}; }, kGenerousMs));
        QVERIFY(scheduler().isPaused());

        // and resuming brings the interval back
        const qsizetype pulls = server().requests(Call::Pull).size();
        scheduler().setPaused(false);
        QVERIFY(EngineRig::waitFor(
            [&] { return server().requests(Call::Pull).size() >= pulls + 3; }, kGenerousMs));
    }

    void aLoginRegainedAfterNeedsLogin_startsARound() {
        // given a started scheduler, and a task whose round met a refused token
        QVERIFY(startAndSettle());
        server().failNextCalls(1, FakeSyncServer::httpError(401, u"Token expired"_s));
        rig().createTask(u"After the login"_s);
        QVERIFY(
            EngineRig::waitFor([&] { return engine().state() == State::NeedsLogin; }, kGenerousMs));
        const qsizetype sent = server().requests().size();

        // when the retry time passes, no round runs while logged out
        QTest::qWait(kQuietMs);
        QCOMPARE(server().requests().size(), sent);
        QCOMPARE(engine().state(), State::NeedsLogin);

        // when the user logs in again
        server().setLoggedIn(true);

        // then a round starts by itself and sends the task
        QVERIFY(EngineRig::waitFor(
            [&] { return server().liveTitles() == QStringList{u"After the login"_s}; },
            kGenerousMs));
        QVERIFY(EngineRig::waitFor([&] { return engine().state() == State::Idle; }, kGenerousMs));
        QCOMPARE(rig().pending(), 0);
    }

    void aRoundsOwnAcknowledgements_doNotStartAnotherRound() {
        // given three tasks pushed one per batch: the pending count drops
        // 3, 2, 1, 0 during the round
        for (int i = 1; i <= 3; ++i)
            rig().createTask(u"Task %1"_s.arg(i));
        engine().setPushBatchSize(1);

        // when the scheduler starts and its round ends
        QVERIFY(startAndSettle());
        QTest::qWait(kQuietMs);

        // then that was the only round: three pushes and one pull
        QCOMPARE(rig().rounds(), QList<bool>{true});
        QCOMPARE(server().requests(Call::Push).size(), 3);
        QCOMPARE(server().requests(Call::Pull).size(), 1);
        QCOMPARE(rig().pending(), 0);
    }

    void aChangeMadeDuringARound_isSentByTheNextRound() {
        // given a started scheduler behind a slow network
        server().setDelayMs(100);
        scheduler().start();
        QVERIFY(EngineRig::waitFor([&] { return engine().isRunning(); }, kGenerousMs));

        // when the user adds a task while the round runs
        rig().createTask(u"Made during the round"_s);

        // then a following round sends it, with nobody asking
        QVERIFY(EngineRig::waitFor(
            [&] { return server().liveTitles() == QStringList{u"Made during the round"_s}; },
            kGenerousMs));
        QVERIFY(EngineRig::waitFor([&] { return rig().pending() == 0; }, kGenerousMs));
        QCOMPARE(server().requests(Call::Push).size(), 1);
    }

    void aChangeAndSyncNowDuringARound_areSentByOneMoreRound_notTwo() {
        // given a started scheduler whose round waits for its pull answer
        QVERIFY(startAndSettle());
        server().setHoldingAnswers(true);
        scheduler().syncNow();
        QVERIFY(EngineRig::waitFor([&] { return server().heldCount() == 1; }, kGenerousMs));

        // when the user adds a task and presses "Sync now" meanwhile
        rig().createTask(u"Added and asked for"_s);
        scheduler().syncNow();
        server().setHoldingAnswers(false);
        server().releaseHeldAnswers();
        QVERIFY(EngineRig::waitFor(
            [&] { return server().liveRows().size() == 1 && !engine().isRunning(); }, kGenerousMs));
        QTest::qWait(kQuietMs);

        // then the round that followed sent the task, and no other ran
        QCOMPARE(rig().rounds(), (QList<bool>{true, true, true}));
        QCOMPARE(server().requests(Call::Push).size(), 1);
        QCOMPARE(rig().pending(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSyncScheduler)
#include "tst_syncscheduler.moc"
