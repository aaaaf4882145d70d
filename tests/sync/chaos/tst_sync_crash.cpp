// Proof 5 of issue 4. (a) The client process is killed with SIGKILL at random
// moments of a sync of many unsent changes: after a restart and a full sync
// every change is on the server exactly once, the outbox is empty, and the
// device equals the server. (b) The server is killed with SIGKILL while it
// applies a push batch: PostgreSQL then holds all or none of every batch, and
// after a restart and a sync the device equals the server.
#include "ChildDevice.h"
#include "RandomWorkload.h"
#include "SyncWorld.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <csignal>

using namespace Qt::StringLiterals;
using bizy::LocalStore;

namespace {

// The pid of the bizy-server listening on `port`: ServerProcess keeps its
// QProcess private and only offers SIGTERM, so the pid is found by the
// BIZY_PORT in its environment.
pid_t serverPid(quint16 port) {
    const QByteArray wanted = "BIZY_PORT=" + QByteArray::number(port);
    const QStringList entries = QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString& entry : entries) {
        bool numeric = false;
        const int pid = entry.toInt(&numeric);
        if (!numeric)
            continue;
        if (!QFileInfo(u"/proc/%1/exe"_s.arg(pid)).symLinkTarget().endsWith(u"/bizy-server"_s))
            continue;
        QFile environ(u"/proc/%1/environ"_s.arg(pid));
        if (environ.open(QIODevice::ReadOnly) && environ.readAll().split('\0').contains(wanted))
            return pid_t(pid);
    }
    return 0;
}

// The error message of a failed result; QVERIFY2 evaluates its message even on success.
template <typename Result> QString failure(const Result& result) {
    return result ? QString() : result.error().message;
}

QString words(QRandomGenerator& random, int count) {
    static const QStringList kWords{u"alpha"_s, u"beta"_s,  u"gamma"_s, u"delta"_s,
                                    u"omega"_s, u"sigma"_s, u"kappa"_s, u"zeta"_s};
    QStringList parts;
    for (int i = 0; i < count; ++i)
        parts << kWords.at(int(random.bounded(qsizetype(kWords.size()))));
    return parts.join(u' ');
}

} // namespace

class TestSyncCrash : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        m_seed = qEnvironmentVariableIsSet("BIZY_SYNC_SEED")
                     ? qEnvironmentVariable("BIZY_SYNC_SEED").toULongLong()
                     : QRandomGenerator::system()->generate64() % 1000000000ULL;
        qInfo().noquote() << u"seed %1 (run again with BIZY_SYNC_SEED=%1)"_s.arg(m_seed);
        QString error;
        QVERIFY2(m_world.start(&error), qPrintable(error));
        QVERIFY2(QFileInfo::exists(ChildDevice::toolPath()), qPrintable(ChildDevice::toolPath()));
    }

    void clientKilledDuringSync_losesNothing_andNothingTwice() {
        // given a store with many unsent creates, edits and deletes
        const SyncWorld::User user = m_world.registerUser(u"crash_client"_s);
        QVERIFY(user.ok());
        QTemporaryDir dir;
        const QString path = dir.filePath(u"client.sqlite"_s);
        QRandomGenerator random{quint32(m_seed)};
        QMap<QString, QJsonObject> expected; // uuid -> the fields it must end with
        int serial = 0;
        const auto addChanges = [&](int creates, int edits, int deletes) {
            auto opened = LocalStore::open(path);
            QVERIFY2(opened, qPrintable(failure(opened)));
            std::unique_ptr<LocalStore> store = std::move(opened).value();
            QList<QJsonObject> fields;
            for (int i = 0; i < creates; ++i)
                fields << QJsonObject{{u"title"_s, u"c%1 %2"_s.arg(++serial).arg(words(random, 2))},
                                      {u"notes"_s, words(random, 12)},
                                      {u"priority"_s, int(random.bounded(1, 6))}};
            const auto created = store->createTasks(fields);
            QVERIFY2(created, qPrintable(failure(created)));
            for (const bizy::Task& task : *created)
                expected.insert(task.uuid, {{u"title"_s, task.title},
                                            {u"notes"_s, *task.notes},
                                            {u"priority"_s, task.priority}});
            for (int i = 0; i < edits; ++i) {
                const QString uuid = expected.keys().at(int(random.bounded(expected.size())));
                const QJsonObject change{{u"notes"_s, words(random, 6)},
                                         {u"priority"_s, int(random.bounded(1, 6))}};
                QVERIFY(store->updateTask(uuid, change));
                for (auto it = change.begin(); it != change.end(); ++it)
                    expected[uuid].insert(it.key(), it.value());
            }
            for (int i = 0; i < deletes; ++i) {
                const QString uuid = expected.keys().at(int(random.bounded(expected.size())));
                QVERIFY(store->deleteTask(uuid));
                expected.remove(uuid);
            }
            qInfo() << "store: pending" << store->pendingCount().value() << "after" << creates
                    << "creates," << edits << "edits," << deletes << "deletes";
        };
        const QStringList arguments{u"--store"_s,      path,
                                    u"--server"_s,     m_world.fixture().server().baseUrl(),
                                    u"--user"_s,       user.username,
                                    u"--password"_s,   user.password,
                                    u"--push-batch"_s, u"50"_s,
                                    u"--pull-limit"_s, u"100"_s};

        // when a device process syncs them and is killed at random moments,
        // with more changes made between the crashes
        int killedMidSync = 0;
        for (int crash = 0; crash < 5; ++crash) {
            addChanges(300, 120, 15);
            if (QTest::currentTestFailed())
                return;
            ChildDevice child(arguments);
            QString error;
            QVERIFY2(child.start(&error), qPrintable(error));
            QVERIFY2(child.waitForLine(u"syncing"_s), qPrintable(child.output()));
            // Killed after some acknowledged push batches, or in the pull that follows.
            const bool inPull = random.bounded(3) == 0;
            const int pushesBeforeKill = int(random.bounded(0, 5));
            int pushes = 0;
            if (inPull) {
                const int pages = int(random.bounded(1, 4));
                for (int page = 0; page < pages && child.waitForLine(u"pulled"_s); ++page)
                    ++pushes;
            } else {
                while (pushes < pushesBeforeKill && child.waitForLine(u"pushed"_s))
                    ++pushes;
            }
            QThread::usleep(random.bounded(20000));
            const bool wasRunning = child.isRunning();
            child.kill();
            killedMidSync += wasRunning ? 1 : 0;
            qInfo() << "crash" << crash << ": killed after" << pushes
                    << (inPull ? "pulled pages" : "acknowledged batches")
                    << (wasRunning ? "" : "(it had already finished)");
        }
        QVERIFY2(killedMidSync >= 3, "most kills must land while the device syncs");

        // and it starts again and syncs to the end
        QString output;
        QCOMPARE(ChildDevice::run(arguments, {}, &output), 0);
        QVERIFY2(output.contains(u"finished ok=1 pending=0"_s), qPrintable(output));

        // then every change is on the server exactly once
        const SyncSnapshot server = m_world.serverState(user);
        QVERIFY2(server.ok(), qPrintable(server.error));
        QCOMPARE(server.tasks.size(), expected.size());
        QCOMPARE(m_world.serverTaskCount(user), qint64(expected.size()));
        for (auto it = expected.begin(); it != expected.end(); ++it) {
            QVERIFY2(server.tasks.contains(it.key()), qPrintable(u"missing "_s + it.key()));
            const QJsonObject row = server.tasks.value(it.key());
            for (auto field = it->begin(); field != it->end(); ++field)
                QVERIFY2(row.value(field.key()) == field.value(),
                         qPrintable(u"%1 %2: server %3, expected %4"_s.arg(
                             it.key(), field.key(), row.value(field.key()).toVariant().toString(),
                             field.value().toVariant().toString())));
        }
        // and the device, opened again, has nothing left to send and equals the server
        QString error;
        auto device = m_world.makeDevice(user, u"client"_s, &error, path);
        QVERIFY2(device, qPrintable(error));
        QCOMPARE(device->store().pendingCount().value(), 0);
        QVERIFY2(device->sync(), qPrintable(device->lastSyncMessage()));
        const QString diff = m_world.differences(*device, user);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    void serverKilledDuringBatch_appliesAllOrNoneOfIt() {
        // given a store with 800 unsent creates, pushed 100 (about 400 KiB) at a time
        const SyncWorld::User user = m_world.registerUser(u"crash_server"_s);
        QVERIFY(user.ok());
        constexpr int kTotal = 800;
        constexpr int kBatch = 100;
        QTemporaryDir dir;
        const QString path = dir.filePath(u"device.sqlite"_s);
        QStringList uuids; // in outbox order, so mid n carries uuids[n - 1]
        QString deviceId;
        {
            auto opened = LocalStore::open(path);
            QVERIFY2(opened, qPrintable(failure(opened)));
            std::unique_ptr<LocalStore> store = std::move(opened).value();
            QList<QJsonObject> fields;
            const QString bulk = QString(4000, u'x');
            for (int i = 0; i < kTotal; ++i)
                fields << QJsonObject{{u"title"_s, u"b%1"_s.arg(i)}, {u"notes"_s, bulk}};
            const auto created = store->createTasks(fields);
            QVERIFY2(created, qPrintable(failure(created)));
            for (const bizy::Task& task : *created)
                uuids << task.uuid;
            deviceId = store->deviceId();
        }
        QRandomGenerator random{quint32(m_seed) + 5};
        PgCluster& db = m_world.database();

        // when a server applying a batch is killed with SIGKILL, several times
        int killedInTransaction = 0;
        for (int crash = 0; crash < 4; ++crash) {
            ServerProcess victim(db.databaseUrl());
            QString error;
            QVERIFY2(victim.start(&error), qPrintable(error));
            ChildDevice child({u"--store"_s, path, u"--server"_s, victim.baseUrl(), u"--user"_s,
                               user.username, u"--password"_s, user.password, u"--push-batch"_s,
                               QString::number(kBatch)});
            QVERIFY2(child.start(&error), qPrintable(error));
            QVERIFY2(child.waitForLine(u"syncing"_s), qPrintable(child.output()));
            const int skip = int(random.bounded(0, 2));
            for (int i = 0; i < skip; ++i)
                child.waitForLine(u"pushed"_s);
            // Kill while a push transaction is open on the server's side.
            bool inTransaction = false;
            for (int poll = 0; poll < 20000 && !inTransaction && child.isRunning(); ++poll)
                inTransaction =
                    db.scalar(u"SELECT count(*) FROM pg_stat_activity WHERE datname = 'bizy' "
                              "AND xact_start IS NOT NULL AND pid <> pg_backend_pid() "
                              "AND query ILIKE '%tasks%'"_s)
                        .toInt() > 0;
            const pid_t pid = serverPid(victim.port());
            QVERIFY(pid > 0);
            ::kill(pid, SIGKILL);
            killedInTransaction += inTransaction ? 1 : 0;
            child.kill();
            victim.terminate(5000); // reaps it

            // then PostgreSQL holds whole batches only: the rows of mids 1..last_mid
            // and none after, and last_mid is a batch boundary
            QTRY_VERIFY_WITH_TIMEOUT(
                db.scalar(u"SELECT count(*) FROM pg_stat_activity WHERE datname = 'bizy' "
                          "AND xact_start IS NOT NULL AND pid <> pg_backend_pid() "
                          "AND state <> 'idle'"_s)
                        .toInt() == 0,
                30000);
            const qint64 lastMid = db.scalar(u"SELECT coalesce(max(last_mid), 0) FROM sync_devices "
                                             "WHERE device_id::text = ?"_s,
                                             {deviceId})
                                       .toLongLong();
            QSet<QString> onServer;
            QSqlQuery query(db.connection());
            QVERIFY(query.prepare(u"SELECT uuid::text FROM tasks WHERE user_id = ?"_s));
            query.addBindValue(user.id);
            QVERIFY(query.exec());
            while (query.next())
                onServer.insert(query.value(0).toString());
            qInfo() << "crash" << crash << (inTransaction ? "inside a transaction" : "between")
                    << ": last_mid" << lastMid << "rows" << onServer.size();
            QVERIFY2(lastMid % kBatch == 0, qPrintable(u"last_mid %1"_s.arg(lastMid)));
            QCOMPARE(qint64(onServer.size()), lastMid);
            const QStringList appliedUuids = uuids.mid(0, int(lastMid));
            QCOMPARE(onServer, QSet<QString>(appliedUuids.begin(), appliedUuids.end()));
            if (lastMid == kTotal)
                break;
        }
        qInfo() << killedInTransaction << "kills landed inside a push transaction";
        QVERIFY2(killedInTransaction >= 1, "no kill landed inside a push transaction");

        // and after a restart the device syncs to the end and equals the server
        QString output;
        QCOMPARE(ChildDevice::run({u"--store"_s, path, u"--server"_s,
                                   m_world.fixture().server().baseUrl(), u"--user"_s, user.username,
                                   u"--password"_s, user.password},
                                  {}, &output),
                 0);
        QVERIFY2(output.contains(u"finished ok=1 pending=0"_s), qPrintable(output));
        QCOMPARE(m_world.serverTaskCount(user), qint64(kTotal));
        QString error;
        auto device = m_world.makeDevice(user, u"device"_s, &error, path);
        QVERIFY2(device, qPrintable(error));
        QVERIFY2(device->sync(), qPrintable(device->lastSyncMessage()));
        const QString diff = m_world.differences(*device, user);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

private:
    SyncWorld m_world;
    quint64 m_seed = 0;
};

QTEST_GUILESS_MAIN(TestSyncCrash)
#include "tst_sync_crash.moc"
