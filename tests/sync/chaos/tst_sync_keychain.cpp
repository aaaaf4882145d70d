// Proof 8 of issue 4, the keychain path, against a real gnome-keyring under
// dbus-run-session (with-keyring.sh): a device process logs in with the
// password and syncs; the next start of it restores the session from the
// keychain (Session::restore) and syncs without any password.
#include "ChildDevice.h"
#include "SyncWorld.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

class TestSyncKeychain : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY2(qEnvironmentVariableIsSet("DBUS_SESSION_BUS_ADDRESS"),
                 "run through tests/support/with-keyring.sh");
        QString error;
        QVERIFY2(m_world.start(&error), qPrintable(error));
        QVERIFY2(QFileInfo::exists(ChildDevice::toolPath()), qPrintable(ChildDevice::toolPath()));
    }

    void restartFromKeychain_syncsWithoutPassword() {
        // given a device that logged in with its password, made a task and synced
        const SyncWorld::User user = m_world.registerUser(u"keychain_erin"_s);
        QVERIFY(user.ok());
        const QString path = m_dir.filePath(u"erin.sqlite"_s);
        const QStringList server{u"--store"_s, path, u"--server"_s,
                                 m_world.fixture().server().baseUrl()};
        QString output;
        QCOMPARE(ChildDevice::run(server + QStringList{u"--user"_s, user.username, u"--password"_s,
                                                       user.password, u"--ops"_s,
                                                       opsCreating(u"before the restart"_s)},
                                  {}, &output),
                 0);
        QVERIFY2(output.contains(u"loggedin user=%1 keychain=1"_s.arg(user.id)),
                 qPrintable(output));
        QVERIFY2(output.contains(u"finished ok=1 pending=0"_s), qPrintable(output));

        // when it starts again with no password at all, restoring the last
        // user's session from the keychain, makes another task and syncs
        QCOMPARE(ChildDevice::run(server + QStringList{u"--restore"_s, u"--ops"_s,
                                                       opsCreating(u"after the restart"_s)},
                                  {}, &output),
                 0);

        // then it was the same user, its tokens came from the keychain, and the sync went through
        QVERIFY2(output.contains(u"loggedin user=%1 keychain=1"_s.arg(user.id)),
                 qPrintable(output));
        QVERIFY2(output.contains(u"finished ok=1 pending=0"_s), qPrintable(output));
        // and a start restoring that user by name works as well
        QCOMPARE(ChildDevice::run(server + QStringList{u"--restore"_s, u"--user"_s, user.username},
                                  {}, &output),
                 0);
        QVERIFY2(output.contains(u"finished ok=1 pending=0"_s), qPrintable(output));

        // and the server has both tasks, and the device equals it
        const SyncSnapshot state = m_world.serverState(user);
        QVERIFY2(state.ok(), qPrintable(state.error));
        QStringList titles;
        for (const QJsonObject& task : state.tasks)
            titles << task.value(u"title"_s).toString();
        titles.sort();
        QCOMPARE(titles, QStringList({u"after the restart"_s, u"before the restart"_s}));
        QString error;
        auto device = m_world.makeDevice(user, u"erin"_s, &error, path);
        QVERIFY2(device, qPrintable(error));
        const QString diff = m_world.differences(*device, user);
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    void restoreWithNothingSaved_refusesInsteadOfSyncing() {
        // given a user who never logged in on this keyring
        const SyncWorld::User user = m_world.registerUser(u"keychain_frank"_s);
        QVERIFY(user.ok());
        // when a device process tries to restore that user's session
        QString output;
        const int code = ChildDevice::run({u"--store"_s, m_dir.filePath(u"frank.sqlite"_s),
                                           u"--server"_s, m_world.fixture().server().baseUrl(),
                                           u"--restore"_s, u"--user"_s, user.username},
                                          {}, &output);
        // then it has no session and syncs nothing
        QCOMPARE(code, 2);
        QVERIFY2(output.contains(u"no session"_s), qPrintable(output));
        QVERIFY(!output.contains(u"syncing"_s));
    }

private:
    QString opsCreating(const QString& title) {
        QFile file(m_dir.filePath(u"ops-%1.json"_s.arg(++m_opsFiles)));
        if (!file.open(QIODevice::WriteOnly))
            return {};
        const QJsonArray ops{QJsonObject{{u"op"_s, u"createTask"_s},
                                         {u"fields"_s, QJsonObject{{u"title"_s, title}}}}};
        file.write(QJsonDocument(ops).toJson());
        return file.fileName();
    }

    SyncWorld m_world;
    QTemporaryDir m_dir;
    int m_opsFiles = 0;
};

QTEST_GUILESS_MAIN(TestSyncKeychain)
#include "tst_sync_keychain.moc"
