// SyncEngine's rounds (docs/api.md section 6) against FakeSyncServer, over a
// real store on a temporary SQLite file: pushes in batches, replays, resets
// and reloads, mid gaps, a new epoch after a restore, failed calls, a failing store, answers of an
// earlier round, and pulled pages applied in order. No server, no HTTP: each
// test runs in milliseconds.

#include "EngineRig.h"
#include "StoreFault.h"

#include <QJsonArray>
#include <QScopeGuard>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using namespace Qt::StringLiterals;
using bizy::ApiError;
using bizy::SyncEngine;
using State = bizy::SyncEngine::State;
using Call = FakeSyncServer::Call;

Q_DECLARE_METATYPE(bizy::ApiError)

namespace {

constexpr int kGenerousMs = 10000;

QString newUuid() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QList<QList<qint64>> pushedMids(const FakeSyncServer& server) {
    QList<QList<qint64>> batches;
    for (const FakeSyncServer::Request& request : server.requests(Call::Push))
        batches.append(request.mids);
    return batches;
}

} // namespace

class TestSyncEngine : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<EngineRig> m_rig;

    EngineRig& rig() { return *m_rig; }
    FakeSyncServer& server() { return m_rig->server(); }
    SyncEngine& engine() { return m_rig->engine(); }
    BlockingStore& store() { return m_rig->store(); }

private slots:
    void init() {
        m_rig = std::make_unique<EngineRig>();
        QString error;
        QVERIFY2(m_rig->open(&error), qPrintable(error));
    }

    void cleanup() { m_rig.reset(); }

    void aRound_pushesLocalTasks_andBringsTheOtherDevicesTasks() {
        // given two tasks made here and one another device sent to the server
        rig().createTask(u"Here one"_s);
        rig().createTask(u"Here two"_s);
        server().write(u"task"_s, newUuid(), {{u"title"_s, u"From the phone"_s}});

        // when the device syncs
        QVERIFY2(rig().sync(), qPrintable(rig().describe()));

        // then both sides hold the three tasks, nothing is left to send and
        // the device shows it synced
        const QStringList all{u"From the phone"_s, u"Here one"_s, u"Here two"_s};
        QCOMPARE(server().liveTitles(), all);
        QCOMPARE(rig().localTitles(), all);
        QCOMPARE(rig().pending(), 0);
        QCOMPARE(engine().state(), State::Idle);
        QVERIFY(engine().lastSyncedAt().has_value());
        QVERIFY(store().lastSyncedAt().value().has_value());
        // one push with both changes before the pull
        QCOMPARE(pushedMids(server()), (QList<QList<qint64>>{{1, 2}}));
        QCOMPARE(server().requests().last().call, Call::Pull);
        QCOMPARE(store().pullCursor().value(), server().counter());
    }

    void changesFromAnotherDevice_editsAndDeletes_arriveHere() {
        // given a device in step with the server
        const QString kept = rig().createTask(u"Plan"_s);
        const QString gone = rig().createTask(u"Old idea"_s);
        QVERIFY2(rig().sync(), qPrintable(rig().describe()));

        // when another device renames one task and deletes the other
        server().write(u"task"_s, kept, {{u"title"_s, u"Plan, revised"_s}});
        server().remove(gone);
        QVERIFY2(rig().sync(), qPrintable(rig().describe()));

        // then the device shows the rename and no longer shows the deleted task
        QCOMPARE(rig().localTitles(), QStringList{u"Plan, revised"_s});
        QVERIFY(!store().task(gone));
        QCOMPARE(rig().pending(), 0);
    }

    void aLongOutbox_goesInBatchesOfTheSetSize() {
        // given 25 new tasks and a batch size of 10
        for (int i = 0; i < 25; ++i)
            rig().createTask(u"Task %1"_s.arg(i, 2, 10, QChar(u'0')));
        engine().setPushBatchSize(10);

        // when the device syncs
        QVERIFY2(rig().sync(), qPrintable(rig().describe()));

        // then three pushes carried 10, 10 and 5 consecutive mids, and the
        // server holds every task once
        const QList<QList<qint64>> batches = pushedMids(server());
        QCOMPARE(batches.size(), 3);
        QCOMPARE(batches.at(0).size(), 10);
        QCOMPARE(batches.at(1).size(), 10);
        QCOMPARE(batches.at(2).size(), 5);
        QCOMPARE(batches.at(0).first(), 1);
        QCOMPARE(batches.at(2).last(), 25);
        QCOMPARE(server().liveRows().size(), 25);
        QCOMPARE(server().liveTitles(), rig().localTitles());
        QCOMPARE(rig().pending(), 0);
    }

    void bigChanges_areSplitSoNoPushIsOverTheServersSizeLimit() {
        // given four tasks with 400 kB of notes each: 1.6 MB in all, while the
        // server refuses a request body over 1 MiB
        const QString notes(400 * 1000, u'n');
        for (int i = 0; i < 4; ++i)
            rig().createTask(u"Long %1"_s.arg(i), {{u"notes"_s, notes}});

        // when the device syncs
        QVERIFY2(rig().sync(), qPrintable(rig().describe()));

        // then no push was refused, several were needed, and all four tasks
        // are on the server with their notes
        const QList<FakeSyncServer::Request> pushes = server().requests(Call::Push);
        QVERIFY2(pushes.size() >= 2, qPrintable(QString::number(pushes.size())));
        for (const FakeSyncServer::Request& push : pushes)
            QCOMPARE(push.status, 200);
        QCOMPARE(server().liveRows().size(), 4);
        for (const FakeSyncServer::Row& row : server().liveRows())
            QCOMPARE(row.fields.value(u"notes"_s).toString().size(), notes.size());
        QCOMPARE(rig().pending(), 0);
    }

    void aLostPushAnswer_isReplayedNextRound_withoutDoubles() {
        // given two new tasks whose push reaches the server but whose answer is lost
        const QString first = rig().createTask(u"First"_s);
        rig().createTask(u"Second"_s);
        server().loseNextAnswers(1);
        QVERIFY(!rig().sync());
        QCOMPARE(engine().state(), State::Offline);
        QCOMPARE(server().liveRows().size(), 2);
        const qint64 versionsUsed = server().counter();
        // the device cannot know: both stay unsent
        QCOMPARE(rig().pending(), 2);

        // when the user edits one of them again and the next round runs
        QVERIFY(store().updateTask(first, {{u"title"_s, u"First, edited"_s}}));
        QVERIFY2(rig().sync(), qPrintable(rig().describe()));

        // then the two lost mids were sent again with the edit after them, the
        // server kept each task once and used one version for the edit only
        QCOMPARE(pushedMids(server()).last(), (QList<qint64>{1, 2, 3}));
        QCOMPARE(server().liveTitles(), (QStringList{u"First, edited"_s, u"Second"_s}));
        QCOMPARE(server().counter(), versionsUsed + 1);
        QCOMPARE(rig().localTitles(), server().liveTitles());
        QCOMPARE(rig().pending(), 0);
        QCOMPARE(store().conflictCount().value(), 0);
    }

    void aRejectedChange_leavesTheOutbox_andIsJournaled() {
        // given a new task the server will refuse, and one it accepts
        const QString refused = rig().createTask(u"Refused"_s);
        rig().createTask(u"Accepted"_s);
        server().rejectUpsertsOf(refused, u"validation"_s, u"title: not allowed"_s);

        // when the device syncs
        QVERIFY2(rig().sync(), qPrintable(rig().describe()));

        // then the round succeeds, the refused task is not retried, and the
        // journal tells the user what was refused
        QCOMPARE(server().liveTitles(), QStringList{u"Accepted"_s});
        QCOMPARE(rig().pending(), 0);
        const QList<bizy::ConflictEntry> journal = store().conflicts().value();
        QCOMPARE(journal.size(), 1);
        QCOMPARE(journal.first().uuid, refused);
        QCOMPARE(rig().localTitles(), QStringList{u"Accepted"_s});
    }

    void aReset_reloadsEverything_andKeepsChangesNotYetSent() {
        // given a device in step with the server, whose server then lost one
        // row with its tombstone (older than the tombstone window)
        rig().createTask(u"Kept"_s);
        const QString purged = rig().createTask(u"Purged"_s);
        QVERIFY2(rig().sync(), qPrintable(rig().describe()));
        FakeSyncServer::Data data = server().backup();
        data.rows.remove(purged);
        server().restore(data);
        const qsizetype before = server().requests().size();

        // when the server answers the next pull with `reset`, and the user
        // adds a task while that answer is on its way
        server().answerResetOnNextPulls(1);
        server().setHoldingAnswers(true);
        engine().syncNow();
        QVERIFY(EngineRig::waitFor([&] { return server().heldCount() == 1; }, kGenerousMs));
        rig().createTask(u"Added meanwhile"_s);
        server().setHoldingAnswers(false);
        server().releaseHeldAnswers();
        QVERIFY(EngineRig::waitFor([&] { return !engine().isRunning(); }, kGenerousMs));

        // then the round reloaded from 0 (telling the server it reloads), the
        // purged row is gone here, and the new task is still here, unsent
        QCOMPARE(rig().rounds().last(), true);
        const QList<FakeSyncServer::Request> pulls =
            server().requests(Call::Pull).mid(server().requests(Call::Pull).size() - 2);
        QVERIFY(pulls.first().reset);
        QCOMPARE(pulls.last().cursor, 0);
        QVERIFY(pulls.last().reload);
        QCOMPARE(server().requests().size(), before + 2);
        QCOMPARE(rig().localTitles(), (QStringList{u"Added meanwhile"_s, u"Kept"_s}));
        QCOMPARE(rig().pending(), 1);
        QVERIFY(!store().reloadInProgress().value());

        // and the next round sends it
        QVERIFY2(rig().sync(), qPrintable(rig().describe()));
        QCOMPARE(server().liveTitles(), (QStringList{u"Added meanwhile"_s, u"Kept"_s}));
        QCOMPARE(rig().pending(), 0);
    }

    void aServerThatKeepsAnsweringReset_stopsTheRoundWithAnError() {
        // given a device in step with the server
        rig().createTask(u"Mine"_s);
        QVERIFY2(rig().sync(), qPrintable(rig().describe()));
        const qsizetype pullsBefore = server().requests(Call::Pull).size();

        // when the server answers every pull with `reset`
        server().answerResetOnNextPulls(1000);
        QVERIFY(!rig().sync());

        // then the round gave up after a few pulls, said so, and is not synced
        QCOMPARE(engine().state(), State::Error);
        QVERIFY(!engine().lastError().isEmpty());
        const qsizetype pulls = server().requests(Call::Pull).size() - pullsBefore;
        QVERIFY2(pulls >= 2 && pulls <= 3, qPrintable(QString::number(pulls)));
        QCOMPARE(rig().syncedCount(), 1);

        // and once the server stops, the next round finishes the reload with
        // the user's task intact
        server().answerResetOnNextPulls(0);
        QVERIFY2(rig().sync(), qPrintable(rig().describe()));
        QCOMPARE(rig().localTitles(), QStringList{u"Mine"_s});
        QVERIFY(!store().reloadInProgress().value());
        QCOMPARE(engine().state(), State::Idle);
    }

    void aMutationGap_renumbersTheUnsentChanges_andThePushSucceeds() {
        // given a device that pushed three tasks, and a server that then lost
        // its record of the device (its last_mid is 0 again) but not the rows
        for (const QString& title : {u"One"_s, u"Two"_s, u"Three"_s})
            rig().createTask(title);
        QVERIFY2(rig().sync(), qPrintable(rig().describe()));
        FakeSyncServer::Data data = server().backup();
        data.lastMids.remove(store().deviceId());
        data.results.remove(store().deviceId());
        server().restore(data);

        // when the user adds a task (mid 4 here) and the device syncs
        rig().createTask(u"Four"_s);
        QVERIFY2(rig().sync(), qPrintable(rig().describe()));

        // then the server refused mid 4 with a gap, the device sent the task
        // again as mid 1, and every task is on the server once
        const QList<FakeSyncServer::Request> pushes = server().requests(Call::Push);
        QCOMPARE(pushes.at(1).mids, QList<qint64>{4});
        QCOMPARE(pushes.at(1).status, 409);
        QCOMPARE(pushes.at(2).mids, QList<qint64>{1});
        QCOMPARE(pushes.at(2).status, 200);
        QCOMPARE(server().lastMid(store().deviceId()), 1);
        QCOMPARE(server().liveTitles(), (QStringList{u"Four"_s, u"One"_s, u"Three"_s, u"Two"_s}));
        QCOMPARE(rig().localTitles(), server().liveTitles());
        QCOMPARE(rig().pending(), 0);
        QCOMPARE(engine().state(), State::Idle);
    }

    void aServerRestoredFromABackup_getsTheUnsentChanges_andTheDeviceReloadsAfterThePush() {
        // given a device that pushed one task, the server's backup, and a
        // second task pushed after the backup was taken
        rig().createTask(u"Before the backup"_s);
        QVERIFY2(rig().sync(), qPrintable(rig().describe()));
        const FakeSyncServer::Data backup = server().backup();
        rig().createTask(u"After the backup"_s);
        QVERIFY2(rig().sync(), qPrintable(rig().describe()));

        // when the server is restored from that backup (it forgot mid 2 and
        // the second task) and the user adds a third task
        server().restore(backup);
        rig().createTask(u"Added after the restore"_s);
        QVERIFY2(rig().sync(), qPrintable(rig().describe()));

        // then the new task went as mid 2, the server expected, and only after
        // that push the device reloaded from 0: it now shows exactly what the
        // restored server has
        const QList<FakeSyncServer::Request>& requests = server().requests();
        qsizetype gap = -1;
        for (qsizetype i = 0; i < requests.size(); ++i) {
            if (requests.at(i).status == 409)
                gap = i;
        }
        QVERIFY(gap >= 0);
        QCOMPARE(requests.at(gap).mids, QList<qint64>{3});
        QCOMPARE(requests.at(gap + 1).call, Call::Push);
        QCOMPARE(requests.at(gap + 1).mids, QList<qint64>{2});
        QCOMPARE(requests.at(gap + 2).call, Call::Pull);
        QCOMPARE(requests.at(gap + 2).cursor, 0);
        QVERIFY(requests.at(gap + 2).reload);
        QCOMPARE(server().liveTitles(),
                 (QStringList{u"Added after the restore"_s, u"Before the backup"_s}));
        QCOMPARE(rig().localTitles(), server().liveTitles());
        QCOMPARE(rig().pending(), 0);
        QCOMPARE(store().pullCursor().value(), server().counter());
    }

    void aNewEpoch_afterARestore_sendsAgainWhatTheBackupLacks_onceEach() {
        // given a device in step with the server: three tasks, one of them
        // deleted, when the backup is taken
        const QString kept = rig().createTask(u"Kept"_s);
        const QString renamed = rig().createTask(u"Renamed"_s);
        const QString doomed = rig().createTask(u"Deleted after the backup"_s);
        const QString goneBefore = rig().createTask(u"Deleted before the backup"_s);
        QVERIFY(store().deleteTask(goneBefore).ok());
        QVERIFY2(rig().sync(), qPrintable(rig().describe()));
        const FakeSyncServer::Data backup = server().backup();
        // and changes acknowledged after it: a create, an edit, a delete
        const QString created = rig().createTask(u"Created after the backup"_s);
        QVERIFY(store().updateTask(renamed, {{u"title"_s, u"Renamed after the backup"_s}}).ok());
        QVERIFY(store().deleteTask(doomed).ok());
        QVERIFY2(rig().sync(), qPrintable(rig().describe()));
        const qsizetype pushesBefore = server().requests(Call::Push).size();

        // when the server is restored from the backup and new-epoch runs,
        // while the device has an unsent change
        server().restore(backup);
        server().newEpoch();
        const QString unsent = rig().createTask(u"Unsent"_s);
        QVERIFY2(rig().sync(), qPrintable(rig().describe()));

        // then the server holds every change acknowledged before the restore
        // and the unsent one, each once, and the device shows the same
        const QStringList expected{u"Created after the backup"_s, u"Kept"_s,
                                   u"Renamed after the backup"_s, u"Unsent"_s};
        QCOMPARE(server().liveTitles(), expected);
        QCOMPARE(rig().localTitles(), expected);
        for (const QString& uuid : {kept, renamed, created, unsent})
            QCOMPARE(server().row(uuid)->deleted, false);
        QVERIFY(server().row(doomed)->deleted);
        QVERIFY(server().row(goneBefore)->deleted);
        QVERIFY(!store().task(doomed).ok());
        QCOMPARE(rig().pending(), 0);
        QCOMPARE(store().pullCursor().value(), server().counter());
        // and once the new epoch was seen, the device asked for its last_mid
        // (an empty push) and went on from there without a gap
        const QList<FakeSyncServer::Request> pushes = server().requests(Call::Push);
        qsizetype asked = -1;
        for (qsizetype i = pushesBefore; i < pushes.size(); ++i) {
            if (pushes.at(i).mids.isEmpty())
                asked = i;
        }
        QVERIFY(asked > 0);
        for (qsizetype i = asked; i < pushes.size(); ++i)
            QCOMPARE(pushes.at(i).status, 200);
        QCOMPARE(server().lastMid(store().deviceId()), pushes.last().mids.last());
        // and the device reloaded from 0 after the new epoch
        bool reloaded = false;
        for (const FakeSyncServer::Request& pull : server().requests(Call::Pull))
            reloaded |= pull.cursor == 0 && pull.reload;
        QVERIFY(reloaded);

        // when it syncs again, nothing is sent
        const qsizetype pushesAfter = server().requests(Call::Push).size();
        const qint64 counter = server().counter();
        QVERIFY2(rig().sync(), qPrintable(rig().describe()));
        QCOMPARE(server().requests(Call::Push).size(), pushesAfter);
        QCOMPARE(server().counter(), counter);
        QCOMPARE(rig().localTitles(), expected);
    }

    void anEditTheRestoredServerTookBeforeTheNewEpochWasSeen_isNotUndone() {
        // given a task renamed after the backup (after another task was
        // created, so its version is above what the restored server hands out
        // next), and a restored server with a new epoch
        const QString uuid = rig().createTask(u"Original"_s, {{u"priority"_s, 3}});
        QVERIFY2(rig().sync(), qPrintable(rig().describe()));
        const FakeSyncServer::Data backup = server().backup();
        rig().createTask(u"Another"_s);
        QVERIFY2(rig().sync(), qPrintable(rig().describe()));
        QVERIFY(store().updateTask(uuid, {{u"title"_s, u"Renamed after the backup"_s}}).ok());
        QVERIFY2(rig().sync(), qPrintable(rig().describe()));
        server().restore(backup);
        server().newEpoch();

        // when the device changes the priority and syncs: a round pushes
        // before its pull sees the new epoch, so the restored server takes
        // the edit first
        QVERIFY(store().updateTask(uuid, {{u"priority"_s, 1}}).ok());
        QVERIFY2(rig().sync(), qPrintable(rig().describe()));

        // then the server has the rename (and the other task) back and keeps
        // the new priority
        QCOMPARE(server().row(uuid)->fields.value(u"title"_s).toString(),
                 u"Renamed after the backup"_s);
        QCOMPARE(server().row(uuid)->fields.value(u"priority"_s).toInt(), 1);
        QCOMPARE(store().task(uuid)->priority, 1);
        QCOMPARE(store().task(uuid)->title, u"Renamed after the backup"_s);
        QCOMPARE(server().liveTitles(), (QStringList{u"Another"_s, u"Renamed after the backup"_s}));
        QCOMPARE(rig().pending(), 0);
    }

    void aRestoreCutShort_isDoneAgainByTheNextRound_andLosesNothing() {
        // given a task acknowledged after the backup, and a restored server
        // with a new epoch
        rig().createTask(u"Before the backup"_s);
        QVERIFY2(rig().sync(), qPrintable(rig().describe()));
        const FakeSyncServer::Data backup = server().backup();
        const QString after = rig().createTask(u"After the backup"_s);
        QVERIFY2(rig().sync(), qPrintable(rig().describe()));
        const QString storedEpoch = store().syncEpoch().value();
        server().restore(backup);
        server().newEpoch();

        // when the store cannot finish the restore (after the reload)
        const QString refused = refuseWrites(rig().storePath(), u"restore_base"_s, u"DELETE"_s);
        QVERIFY2(refused.isEmpty(), qPrintable(refused));
        auto allow = qScopeGuard([&] { allowWrites(rig().storePath()); });
        QVERIFY(!rig().sync());

        // then the round failed, the old epoch is still the stored one and
        // the task is still shown
        QCOMPARE(engine().state(), State::Error);
        QCOMPARE(store().syncEpoch().value(), storedEpoch);
        QVERIFY(store().task(after).ok());

        // and the next round restores again and sends the task once
        const QString allowed = allowWrites(rig().storePath());
        QVERIFY2(allowed.isEmpty(), qPrintable(allowed));
        QVERIFY2(rig().sync(), qPrintable(rig().describe()));
        QCOMPARE(store().syncEpoch().value(), server().epoch());
        const QStringList both{u"After the backup"_s, u"Before the backup"_s};
        QCOMPARE(server().liveTitles(), both);
        QCOMPARE(rig().localTitles(), both);
        QCOMPARE(rig().pending(), 0);
    }

    void aNewEpoch_onAServerThatLostNothing_sendsNothingAgain() {
        // given a device in step with the server (its first round stored the epoch)
        rig().createTask(u"One"_s);
        server().write(u"task"_s, newUuid(), {{u"title"_s, u"Two"_s}});
        QVERIFY2(rig().sync(), qPrintable(rig().describe()));
        const qint64 counter = server().counter();

        // when new-epoch runs without a restore
        server().newEpoch();
        QVERIFY2(rig().sync(), qPrintable(rig().describe()));

        // then the device reloaded and wrote nothing: the server had everything
        QCOMPARE(server().counter(), counter);
        QCOMPARE(rig().localTitles(), (QStringList{u"One"_s, u"Two"_s}));
        QCOMPARE(server().requests(Call::Pull).last().cursor, counter);
        QCOMPARE(rig().pending(), 0);
    }

    void aGapThatPersists_failsTheRoundInsteadOfLooping() {
        // given a task to send and a server that answers two pushes with a gap
        rig().createTask(u"Stuck"_s);
        server().failNextCalls(2,
                               FakeSyncServer::httpError(409, u"mutation gap: expected mid 1"_s));

        // when the device syncs
        QVERIFY(!rig().sync());

        // then it renumbered once, then stopped with an error, the task unsent
        QCOMPARE(server().requests(Call::Push).size(), 2);
        QCOMPARE(engine().state(), State::Error);
        QCOMPARE(rig().pending(), 1);

        // and the next round sends it
        QVERIFY2(rig().sync(), qPrintable(rig().describe()));
        QCOMPARE(server().liveTitles(), QStringList{u"Stuck"_s});
    }

    void aFailedCall_showsWhatItMeans_losesNothing_andTheNextRoundSucceeds_data() {
        QTest::addColumn<ApiError>("error");
        QTest::addColumn<State>("shown");
        QTest::newRow("no network") << ApiError::network(u"Connection refused"_s) << State::Offline;
        QTest::newRow("timeout") << ApiError::timeout() << State::Offline;
        QTest::newRow("503") << FakeSyncServer::httpError(503, u"Database unavailable"_s)
                             << State::Offline;
        QTest::newRow("429") << FakeSyncServer::httpError(429) << State::Offline;
        QTest::newRow("500") << FakeSyncServer::httpError(500) << State::Error;
    }

    void aFailedCall_showsWhatItMeans_losesNothing_andTheNextRoundSucceeds() {
        QFETCH(ApiError, error);
        QFETCH(State, shown);
        // given a task to send and a server the next call does not reach
        rig().createTask(u"Offline work"_s);
        server().failNextCalls(1, error);

        // when the device syncs
        QVERIFY(!rig().sync());

        // then the state says what happened, the task waits, nothing is synced
        QCOMPARE(engine().state(), shown);
        QVERIFY(!engine().lastError().isEmpty());
        QCOMPARE(rig().pending(), 1);
        QVERIFY(server().liveRows().isEmpty());
        QVERIFY(!engine().lastSyncedAt().has_value());
        QCOMPARE(rig().syncedCount(), 0);

        // and the next round sends it
        QVERIFY2(rig().sync(), qPrintable(rig().describe()));
        QCOMPARE(engine().state(), State::Idle);
        QCOMPARE(server().liveTitles(), QStringList{u"Offline work"_s});
        QCOMPARE(rig().pending(), 0);
        QVERIFY(engine().lastError().isEmpty());
    }

    void aRefusedToken_asksForLogin_andSendsNothingUntilLoggedInAgain() {
        // given a task to send and a server that refuses the session's token
        rig().createTask(u"Needs a login"_s);
        server().failNextCalls(1, FakeSyncServer::httpError(401, u"Token expired"_s));

        // when the device syncs, and tries again before anyone logs in
        QVERIFY(!rig().sync());
        QCOMPARE(engine().state(), State::NeedsLogin);
        const qsizetype sent = server().requests().size();
        QVERIFY(!rig().sync());

        // then it asks for a login and sends nothing without one
        QCOMPARE(engine().state(), State::NeedsLogin);
        QCOMPARE(server().requests().size(), sent);
        QCOMPARE(rig().pending(), 1);

        // and after a login the task goes
        server().setLoggedIn(true);
        QVERIFY2(rig().sync(), qPrintable(rig().describe()));
        QCOMPARE(server().liveTitles(), QStringList{u"Needs a login"_s});
        QCOMPARE(engine().state(), State::Idle);
    }

    void aStoreThatCannotWrite_failsTheRound_andNeverShowsItAsSynced_data() {
        QTest::addColumn<QString>("table");
        QTest::addColumn<QString>("event");
        QTest::addColumn<bool>("localChange");
        // the mids of unsent changes are written when a batch is sealed
        QTest::newRow("sealing the outbox") << u"outbox"_s << u"UPDATE"_s << true;
        // an acknowledged change becomes the server's copy
        QTest::newRow("recording the push answer") << u"server_rows"_s << u"INSERT"_s << true;
        QTest::newRow("applying a pulled page") << u"server_rows"_s << u"INSERT"_s << false;
    }

    void aStoreThatCannotWrite_failsTheRound_andNeverShowsItAsSynced() {
        QFETCH(QString, table);
        QFETCH(QString, event);
        QFETCH(bool, localChange);
        // given a device that synced once, then a task made here or on the
        // server by another device
        QVERIFY2(rig().sync(), qPrintable(rig().describe()));
        const std::optional<QDateTime> syncedAt = store().lastSyncedAt().value();
        QVERIFY(syncedAt.has_value());
        if (localChange)
            rig().createTask(u"Written"_s);
        else
            server().write(u"task"_s, newUuid(), {{u"title"_s, u"Written"_s}});
        const qsizetype pendingBefore = rig().pending();
        const qint64 cursorBefore = store().pullCursor().value();

        // when the store cannot write what the round needs
        const QString refused = refuseWrites(rig().storePath(), table, event);
        QVERIFY2(refused.isEmpty(), qPrintable(refused));
        auto allow = qScopeGuard([&] { allowWrites(rig().storePath()); });
        QSignalSpy synced(&engine(), &SyncEngine::synced);
        QVERIFY(!rig().sync());

        // then the round failed with the store's reason, and nothing says synced
        QCOMPARE(engine().state(), State::Error);
        QVERIFY2(engine().lastError().contains(u"full"_s), qPrintable(engine().lastError()));
        QCOMPARE(synced.count(), 0);
        QCOMPARE(engine().lastSyncedAt(), syncedAt);
        QCOMPARE(store().lastSyncedAt().value(), syncedAt);
        QCOMPARE(rig().pending(), pendingBefore);
        QCOMPARE(store().pullCursor().value(), cursorBefore);

        // and once the store can write again, one round brings both sides in
        // step, with no task twice on the server
        const QString allowed = allowWrites(rig().storePath());
        QVERIFY2(allowed.isEmpty(), qPrintable(allowed));
        QVERIFY2(rig().sync(), qPrintable(rig().describe()));
        QCOMPARE(server().liveTitles(), QStringList{u"Written"_s});
        QCOMPARE(rig().localTitles(), QStringList{u"Written"_s});
        QCOMPARE(rig().pending(), 0);
        QCOMPARE(synced.count(), 1);
    }

    void aReloadThatCannotFinish_failsTheRound_andTheNextRoundFinishesIt() {
        // given a device in step with the server, whose server then lost a
        // row with its tombstone and answers the next pull with `reset`
        rig().createTask(u"Kept"_s);
        const QString purged = rig().createTask(u"Purged"_s);
        QVERIFY2(rig().sync(), qPrintable(rig().describe()));
        const std::optional<QDateTime> syncedAt = store().lastSyncedAt().value();
        FakeSyncServer::Data data = server().backup();
        data.rows.remove(purged);
        server().restore(data);
        server().answerResetOnNextPulls(1);

        // when the store cannot remove what the reload did not bring back
        const QString refused = refuseWrites(rig().storePath(), u"server_rows"_s, u"DELETE"_s);
        QVERIFY2(refused.isEmpty(), qPrintable(refused));
        auto allow = qScopeGuard([&] { allowWrites(rig().storePath()); });
        QVERIFY(!rig().sync());

        // then the round failed and is not synced; the reload is still open
        // and the device still shows both tasks
        QCOMPARE(engine().state(), State::Error);
        QCOMPARE(rig().syncedCount(), 1);
        QVERIFY(store().lastSyncedAt().value() == syncedAt);
        QVERIFY(store().reloadInProgress().value());
        QCOMPARE(rig().localTitles(), (QStringList{u"Kept"_s, u"Purged"_s}));

        // and once the store can write again, the next round goes on with the
        // reload (telling the server so) and finishes it
        const QString allowed = allowWrites(rig().storePath());
        QVERIFY2(allowed.isEmpty(), qPrintable(allowed));
        QVERIFY2(rig().sync(), qPrintable(rig().describe()));
        QVERIFY(server().requests(Call::Pull).last().reload);
        QVERIFY(!store().reloadInProgress().value());
        QCOMPARE(rig().localTitles(), QStringList{u"Kept"_s});
        QCOMPARE(engine().state(), State::Idle);
    }

    void anAnswerOfAnEarlierRound_arrivingLate_isIgnored() {
        // given three tasks on the server, the second in a shape this version
        // cannot read, pulled one per page
        server().write(u"task"_s, newUuid(), {{u"title"_s, u"A"_s}});
        const QString unreadable = newUuid();
        server().write(u"task"_s, unreadable, {{u"title"_s, u""_s}});
        server().write(u"task"_s, newUuid(), {{u"title"_s, u"C"_s}});
        engine().setPullLimit(1);
        server().setHoldingAnswers(true);

        // when a round pulls page 1, then page 2 (while asking for page 3),
        // and fails on page 2
        engine().syncNow();
        for (int page = 0; page < 2; ++page) {
            QVERIFY(EngineRig::waitFor([&] { return server().heldCount() == 1; }, kGenerousMs));
            server().releaseHeldAnswers();
        }
        QVERIFY(EngineRig::waitFor([&] { return rig().rounds().size() == 1; }, kGenerousMs));
        QCOMPARE(rig().rounds().first(), false);
        QCOMPARE(server().heldCount(), 1); // page 3, asked for by the failed round

        // and the server's row is fixed, a new round starts, and page 3 of the
        // failed round arrives while the new round waits for its own page
        server().write(u"task"_s, unreadable, {{u"title"_s, u"B"_s}});
        engine().syncNow();
        QVERIFY(EngineRig::waitFor([&] { return server().heldCount() == 2; }, kGenerousMs));
        server().setHoldingAnswers(false);
        server().releaseHeldAnswers();
        QVERIFY(EngineRig::waitFor([&] { return rig().rounds().size() == 2; }, kGenerousMs));

        // then the late page was delivered but changed nothing: the new round
        // succeeded and the device holds every task, up to the server's cursor
        const QList<FakeSyncServer::Request> pulls = server().requests(Call::Pull);
        QCOMPARE(pulls.at(2).cursor, 2);
        QVERIFY(pulls.at(2).delivered);
        QVERIFY2(rig().rounds().last(), qPrintable(rig().describe()));
        QCOMPARE(rig().localTitles(), (QStringList{u"A"_s, u"B"_s, u"C"_s}));
        QCOMPARE(store().pullCursor().value(), server().counter());
        QCOMPARE(engine().state(), State::Idle);
    }

    void syncNowDuringARound_runsExactlyOneMoreRoundAfterIt() {
        // given a round that pushed one task and waits for its pull
        rig().createTask(u"First"_s);
        server().setHoldingAnswers(true);
        engine().syncNow();
        QVERIFY(EngineRig::waitFor([&] { return server().heldCount() == 1; }, kGenerousMs));
        server().releaseHeldAnswers();
        QVERIFY(EngineRig::waitFor(
            [&] { return server().requests(Call::Pull).size() == 1 && server().heldCount() == 1; },
            kGenerousMs));

        // when the user adds a task and asks to sync three times meanwhile
        rig().createTask(u"Second"_s);
        engine().syncNow();
        engine().syncNow();
        engine().syncNow();
        server().setHoldingAnswers(false);
        server().releaseHeldAnswers();
        QVERIFY(EngineRig::waitFor([&] { return rig().rounds().size() >= 2; }, kGenerousMs));
        // a third round would start from the event loop right after the second
        QTest::qWait(20);

        // then exactly one more round ran, and it sent the second task
        QCOMPARE(rig().rounds(), (QList<bool>{true, true}));
        QVERIFY(!engine().isRunning());
        QCOMPARE(pushedMids(server()), (QList<QList<qint64>>{{1}, {2}}));
        QCOMPARE(server().requests(Call::Pull).size(), 2);
        QCOMPARE(server().liveTitles(), (QStringList{u"First"_s, u"Second"_s}));
        QCOMPARE(rig().pending(), 0);
    }

    void pulledPages_areAppliedInOrder_andEndAtTheServersCursor() {
        // given seven tasks on the server and a pull limit of three
        for (int i = 1; i <= 7; ++i)
            server().write(u"task"_s, newUuid(), {{u"title"_s, u"Task %1"_s.arg(i)}});
        engine().setPullLimit(3);
        QList<qint64> appliedUpTo;
        connect(&engine(), &SyncEngine::pullProgress, this,
                [&](qint64, qint64 cursor) { appliedUpTo.append(cursor); });

        // when the device syncs
        QVERIFY2(rig().sync(), qPrintable(rig().describe()));

        // then it asked for pages from 0, 3 and 6, applied them in that order,
        // and holds every task
        QList<qint64> asked;
        for (const FakeSyncServer::Request& pull : server().requests(Call::Pull))
            asked.append(pull.cursor);
        QCOMPARE(asked, (QList<qint64>{0, 3, 6}));
        QCOMPARE(appliedUpTo, (QList<qint64>{3, 6, 7}));
        QCOMPARE(rig().localTitles().size(), 7);
        QCOMPARE(store().pullCursor().value(), 7);
    }

    void aFailedPage_stopsTheRound_andNoLaterPageMovesTheCursorPastIt() {
        // given four tasks on the server, one per page, the second in a shape
        // this version cannot read
        server().write(u"task"_s, newUuid(), {{u"title"_s, u"A"_s}});
        server().write(u"task"_s, newUuid(), {{u"title"_s, QJsonValue::Null}});
        server().write(u"task"_s, newUuid(), {{u"title"_s, u"C"_s}});
        server().write(u"task"_s, newUuid(), {{u"title"_s, u"D"_s}});
        engine().setPullLimit(1);
        // and a store worker kept busy until every page has arrived, so pages
        // 3 and 4 are handed to the store before page 2 fails there
        QSemaphore busy;
        auto release = qScopeGuard([&] { busy.release(); });
        connect(&server(), &FakeSyncServer::requestReceived, this, [&](qsizetype index) {
            if (index == 0)
                rig().client().run([&busy](bizy::LocalStore&) {
                    busy.acquire();
                    return 0;
                });
        });
        QList<qint64> appliedUpTo;
        connect(&engine(), &SyncEngine::pullProgress, this,
                [&](qint64, qint64 cursor) { appliedUpTo.append(cursor); });

        // when the round has received all four pages and the store gets to them
        engine().syncNow();
        QVERIFY(EngineRig::waitFor(
            [&] {
                const QList<FakeSyncServer::Request> pulls = server().requests(Call::Pull);
                return pulls.size() == 4 && pulls.last().delivered;
            },
            kGenerousMs));
        release.dismiss();
        busy.release();
        QVERIFY(EngineRig::waitFor([&] { return !rig().rounds().isEmpty(); }, kGenerousMs));

        // then the round failed on page 2, and only page 1 is here: pages 3
        // and 4 were refused, since they do not continue the stored cursor
        // (the store runs jobs in order: the reads below come after them)
        QCOMPARE(rig().rounds(), QList<bool>{false});
        QCOMPARE(engine().state(), State::Error);
        QCOMPARE(appliedUpTo, QList<qint64>{1});
        QCOMPARE(rig().localTitles(), QStringList{u"A"_s});
        QCOMPARE(store().pullCursor().value(), 1);
    }

    void theStore_refusesAPageThatDoesNotContinueItsCursor() {
        // given a store that has pulled nothing (cursor 0)
        const QJsonObject task{{u"uuid"_s, newUuid()},
                               {u"id"_s, 9},
                               {u"version"_s, 6},
                               {u"title"_s, u"From version 5 on"_s}};

        // when a page pulled from cursor 5 is handed to it
        auto page = rig().syncStore().applyPullPage({}, QJsonArray{task}, 5, 6);
        QVERIFY(EngineRig::waitFor([&] { return page.isFinished(); }, kGenerousMs));

        // then it refuses the page, applies none of it and keeps its cursor
        QVERIFY(!page.result().ok());
        QCOMPARE(store().pullCursor().value(), 0);
        QVERIFY(rig().localTitles().isEmpty());

        // while the same page from cursor 0 is applied
        auto next = rig().syncStore().applyPullPage({}, QJsonArray{task}, 0, 6);
        QVERIFY(EngineRig::waitFor([&] { return next.isFinished(); }, kGenerousMs));
        QVERIFY(next.result().ok());
        QCOMPARE(store().pullCursor().value(), 6);
        QCOMPARE(rig().localTitles(), QStringList{u"From version 5 on"_s});
    }
};

QTEST_GUILESS_MAIN(TestSyncEngine)
#include "tst_syncengine.moc"
