// Proof 8 of issue 4, first two parts. Device clocks skewed by days change
// nothing: two device processes, one five days ahead and one five days
// behind (BIZY_CLOCK_OFFSET_SECONDS, the IsoDateTime::nowUtc() test hook),
// edit the same task; the later push wins whatever the clocks say, and all
// converge. An access token that expires in the middle of a sync is refreshed
// and the round goes on with its queue: nothing lost, no second login.
#include "ChildDevice.h"
#include "SyncWorld.h"
#include "model/IsoDateTime.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::StringLiterals;
using bizy::ConflictEntry;
using bizy::LocalStore;

namespace {

constexpr int kFiveDays = 5 * 24 * 3600;

QJsonObject updateTask(const QString& uuid, const QJsonObject& fields) {
    return {{u"op"_s, u"updateTask"_s}, {u"uuid"_s, uuid}, {u"fields"_s, fields}};
}

QJsonObject createTask(const QString& title) {
    return {{u"op"_s, u"createTask"_s}, {u"fields"_s, QJsonObject{{u"title"_s, title}}}};
}

} // namespace

class TestSyncClock : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QString error;
        // One-minute access tokens (the shortest the server issues), for the
        // token that expires mid-sync.
        QVERIFY2(m_world.start(&error, {{u"BIZY_ACCESS_TOKEN_MINUTES"_s, u"1"_s}}),
                 qPrintable(error));
        QVERIFY2(QFileInfo::exists(ChildDevice::toolPath()), qPrintable(ChildDevice::toolPath()));
    }

    void skewedClocks_laterPushWins_andAllConverge() {
        // given a task synced from a device with a correct clock, and two
        // device processes that pulled it: one 5 days ahead, one 5 days behind
        const SyncWorld::User user = m_world.registerUser(u"clock_carol"_s);
        QVERIFY(user.ok());
        QString error;
        auto home = m_world.makeDevice(user, u"home"_s, &error);
        QVERIFY2(home, qPrintable(error));
        const auto task = home->store().createTask(
            {{u"title"_s, u"shared"_s}, {u"notes"_s, u"first notes"_s}, {u"priority"_s, 3}});
        QVERIFY(task);
        QVERIFY2(home->sync(), qPrintable(home->lastSyncMessage()));
        const QString uuid = task->uuid;
        QTemporaryDir dir;
        const QString aheadPath = dir.filePath(u"ahead.sqlite"_s);
        const QString behindPath = dir.filePath(u"behind.sqlite"_s);
        QVERIFY(runDevice(dir, aheadPath, kFiveDays, {}));
        QVERIFY(runDevice(dir, behindPath, -kFiveDays, {}));

        // when the device ahead edits title and notes and pushes first, then
        // the device behind edits title and priority and pushes second
        QVERIFY(runDevice(
            dir, aheadPath, kFiveDays,
            {updateTask(uuid, {{u"title"_s, u"ahead title"_s}, {u"notes"_s, u"ahead notes"_s}}),
             createTask(u"made ahead"_s)}));
        QVERIFY(runDevice(dir, behindPath, -kFiveDays,
                          {updateTask(uuid, {{u"title"_s, u"behind title"_s}, {u"priority"_s, 1}}),
                           createTask(u"made behind"_s)}));
        // and then the other way round on the description
        QVERIFY(runDevice(dir, behindPath, -kFiveDays,
                          {updateTask(uuid, {{u"description"_s, u"behind text"_s}})}));
        QVERIFY(runDevice(dir, aheadPath, kFiveDays,
                          {updateTask(uuid, {{u"description"_s, u"ahead text"_s}})}));
        // and everyone syncs once more
        QVERIFY(runDevice(dir, behindPath, -kFiveDays, {}));
        QVERIFY(runDevice(dir, aheadPath, kFiveDays, {}));
        QVERIFY2(home->sync(), qPrintable(home->lastSyncMessage()));

        // then the later push won each field, whatever the clocks said, and
        // edits of different fields both survived
        const SyncSnapshot server = m_world.serverState(user);
        QVERIFY2(server.ok(), qPrintable(server.error));
        const QJsonObject row = server.tasks.value(uuid);
        QCOMPARE(row.value(u"title"_s).toString(), u"behind title"_s);
        QCOMPARE(row.value(u"notes"_s).toString(), u"ahead notes"_s);
        QCOMPARE(row.value(u"priority"_s).toInt(), 1);
        QCOMPARE(row.value(u"description"_s).toString(), u"ahead text"_s);
        // and the skew was real: each device stamped its creation with its own clock
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (const QJsonObject& created : server.tasks) {
            const QString title = created.value(u"title"_s).toString();
            const auto createdAt =
                bizy::IsoDateTime::parse(created.value(u"created_at"_s).toString());
            QVERIFY(createdAt);
            if (title == u"made ahead"_s)
                QVERIFY2(*createdAt > now.addDays(4), qPrintable(createdAt->toString(Qt::ISODate)));
            if (title == u"made behind"_s)
                QVERIFY2(*createdAt < now.addDays(-4),
                         qPrintable(createdAt->toString(Qt::ISODate)));
        }

        // and each loser is in the journal of the device whose push overwrote it
        QVERIFY(hasOverwritten(behindPath, uuid, u"title"_s, u"ahead title"_s));
        QVERIFY(hasOverwritten(aheadPath, uuid, u"description"_s, u"behind text"_s));

        // and every device equals the server field by field
        QVERIFY2(m_world.differences(*home, user).isEmpty(),
                 qPrintable(m_world.differences(*home, user)));
        for (const QString& path : {aheadPath, behindPath}) {
            auto device = m_world.makeDevice(user, QFileInfo(path).baseName(), &error, path);
            QVERIFY2(device, qPrintable(error));
            const QString diff = m_world.differences(*device, user);
            QVERIFY2(diff.isEmpty(), qPrintable(diff));
            QCOMPARE(device->store().pendingCount().value(), 0);
        }
    }

    void accessTokenExpiringMidSync_isRefreshed_andTheQueueKept() {
        // given a logged-in device whose token is not refreshed ahead of time,
        // with 600 unsent tasks (six push batches)
        const SyncWorld::User user = m_world.registerUser(u"clock_dave"_s);
        QVERIFY(user.ok());
        QString error;
        auto device = m_world.makeDevice(user, u"laptop"_s, &error);
        QVERIFY2(device, qPrintable(error));
        bizy::Session& session = device->session();
        session.setAutoRefresh(false);
        device->engine().setPushBatchSize(100);
        QList<QJsonObject> fields;
        for (int i = 0; i < 600; ++i)
            fields << QJsonObject{{u"title"_s, u"queued %1"_s.arg(i)}};
        QVERIFY(device->store().createTasks(fields));
        const QDateTime expiry = session.claims().expiresAt;
        QVERIFY(expiry.isValid());

        // when it syncs, and after the first batch is acknowledged the network
        // holds the next request until the token has expired (the client waits
        // that long: its timeout is raised for this test)
        device->setTimeoutMs(120000);
        QSignalSpy states(&session, &bizy::Session::stateChanged);
        QStringList events;
        bool slowed = false;
        FaultProxy* proxy = &device->proxy();
        const auto slowing = connect(
            &device->engine(), &bizy::SyncEngine::pendingCountChanged, this,
            [&](qsizetype pending) {
                if (slowed || pending >= 600)
                    return;
                slowed = true;
                events << u"batch acknowledged"_s;
                const int delay = int(QDateTime::currentDateTimeUtc().msecsTo(expiry)) + 1500;
                proxy->setDelayMs(qMax(delay, 0));
                proxy->setMode(FaultProxy::Mode::Delay);
                QTimer::singleShot(qMax(delay, 0), proxy,
                                   [proxy] { proxy->setMode(FaultProxy::Mode::PassThrough); });
            });
        const auto refreshing = connect(&session, &bizy::Session::tokensRefreshed, this,
                                        [&] { events << u"refreshed"_s; });
        const bool ok = device->sync(180000);
        disconnect(slowing);
        disconnect(refreshing);
        events << (ok ? u"round ok"_s : u"round failed"_s);
        qInfo().noquote() << events.join(u", "_s);

        // then the token was refreshed inside the round, the round went on
        // with the rest of the queue, and nobody had to log in again
        QVERIFY2(ok, qPrintable(device->lastSyncMessage()));
        QVERIFY(slowed);
        QVERIFY2(events.indexOf(u"refreshed"_s) > events.indexOf(u"batch acknowledged"_s),
                 qPrintable(events.join(u", "_s)));
        QVERIFY(session.claims().expiresAt > expiry);
        QCOMPARE(states.count(), 0); // never LoggingIn, never NeedsLogin
        QCOMPARE(session.state(), bizy::Session::State::LoggedIn);
        QCOMPARE(device->store().pendingCount().value(), 0);
        QCOMPARE(m_world.serverTaskCount(user), qint64(600));
        const QString diff = m_world.differences(*device, user);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

private:
    // sync_device on `path` with its clock moved by `offsetSeconds`, making
    // `ops` first; true when its sync round ended ok.
    bool runDevice(QTemporaryDir& dir, const QString& path, int offsetSeconds,
                   const QJsonArray& ops) {
        QStringList arguments{u"--store"_s,    path,
                              u"--server"_s,   m_world.fixture().server().baseUrl(),
                              u"--user"_s,     u"clock_carol"_s,
                              u"--password"_s, u"Password123!"_s};
        if (!ops.isEmpty()) {
            QFile file(dir.filePath(u"ops-%1.json"_s.arg(++m_opsFiles)));
            if (!file.open(QIODevice::WriteOnly))
                return false;
            file.write(QJsonDocument(ops).toJson());
            arguments << u"--ops"_s << file.fileName();
        }
        QString output;
        const int code = ChildDevice::run(
            arguments, {{u"BIZY_CLOCK_OFFSET_SECONDS"_s, QString::number(offsetSeconds)}}, &output);
        if (code != 0 || !output.contains(u"finished ok=1 pending=0"_s)) {
            qWarning().noquote() << "sync_device failed with" << code << ":" << output;
            return false;
        }
        return true;
    }

    // The store at `path` has an Overwritten journal entry for `uuid` keeping `value` of `field`.
    static bool hasOverwritten(const QString& path, const QString& uuid, const QString& field,
                               const QString& value) {
        auto opened = LocalStore::open(path);
        if (!opened)
            return false;
        const QList<ConflictEntry> entries = (*opened)->conflicts().value();
        for (const ConflictEntry& entry : entries) {
            if (entry.kind == ConflictEntry::Kind::Overwritten && entry.uuid == uuid &&
                entry.fields.value(field).toString() == value)
                return true;
        }
        qWarning() << path << "has no Overwritten entry for" << field << value << "among"
                   << entries.size() << "entries";
        return false;
    }

    SyncWorld m_world;
    int m_opsFiles = 0;
};

QTEST_GUILESS_MAIN(TestSyncClock)
#include "tst_sync_clock.moc"
