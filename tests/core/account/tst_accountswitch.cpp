#include "BlockingStore.h"
#include "ServerFixture.h"
#include "account/AccountManager.h"
#include "account/SyncConnection.h"
#include "account/Workspace.h"
#include "auth/Session.h"
#include "store/LocalStore.h"
#include "sync/SyncEngine.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace Qt::StringLiterals;
using bizy::AccountManager;
using bizy::LocalStore;
using bizy::Workspace;

namespace {
const QString kPassword = u"Sw1tch-Pass!"_s;
} // namespace

// Logging in, switching accounts and logging out, headless against the real
// server on a throwaway PostgreSQL (no keychain: no D-Bus session). The first
// login of an account takes the tasks made before it along, and they sync up.
class AccountSwitchTest : public QObject {
    Q_OBJECT

private:
    ServerFixture m_fixture;

    QUrl serverUrl() { return QUrl(m_fixture.http().baseUrl()); }

    // A connection logged in as `name` (the login dialog's part).
    std::unique_ptr<bizy::SyncConnection> logIn(const QString& name) {
        auto connection = std::make_unique<bizy::SyncConnection>(serverUrl());
        connection->session()->login(name, kPassword);
        if (!QTest::qWaitFor([&] { return connection->session()->isLoggedIn(); }, 30000))
            return nullptr;
        return connection;
    }

    int serverTaskCount(const QString& name) {
        const HttpClient::Session session =
            m_fixture.http().sessionFrom(m_fixture.http().login(name, kPassword), name);
        return int(
            m_fixture.http().get(u"/api/tasks/?limit=500"_s, session.token).json.toArray().size());
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        qRegisterMetaType<bizy::Workspace*>();
        QString error;
        QVERIFY2(m_fixture.start({}, &error), qPrintable(error));
        for (const QString& name : {u"switch_ann"_s, u"switch_bob"_s})
            QCOMPARE(m_fixture.http().registerUser(name, kPassword).status, 201);
    }

    void init() {
        QSettings().clear();
        for (const QString& suffix : {QString(), u"-wal"_s, u"-shm"_s})
            QFile::remove(LocalStore::defaultPath() + suffix);
    }

    void firstLogin_takesTheLocalTasksAlong_andTheySyncUp() {
        // given two tasks made before anyone logged in
        AccountManager accounts({});
        QVERIFY(accounts.start());
        const BlockingStore local(accounts.workspace()->store());
        QVERIFY(local.createTask({{u"title"_s, u"Before login 1"_s}}).ok());
        QVERIFY(local.createTask({{u"title"_s, u"Before login 2"_s}}).ok());
        const QString localPath = accounts.workspace()->storePath();

        // when ann logs in for the first time on this computer
        auto connection = logIn(u"switch_ann"_s);
        QVERIFY(connection);
        QSignalSpy workspaces(&accounts, &AccountManager::workspaceChanged);
        QVERIFY(accounts.useConnection(std::move(connection)));

        // then her workspace has the two tasks, the local file is gone (moved), and they sync up
        const QString key = accounts.accountKey();
        QVERIFY(!key.isEmpty());
        QCOMPARE(accounts.workspace()->storePath(), LocalStore::defaultPath(key));
        QVERIFY(!QFile::exists(localPath));
        QCOMPARE(workspaces.count(), 2); // let go of the local store, then hers
        QCOMPARE(BlockingStore(accounts.workspace()->store()).taskCount().value(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(serverTaskCount(u"switch_ann"_s), 2, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(accounts.workspace()->engine()->pendingCount(), 0, 30000);
        QCOMPARE(QSettings().value(u"Sync/account"_s).toString(), key);
    }

    void switchingAccounts_keepsEachOnesTasksApart() {
        // given ann logged in with one task of hers
        AccountManager accounts({});
        QVERIFY(accounts.start());
        QVERIFY(accounts.useConnection(logIn(u"switch_ann"_s)));
        const QString annKey = accounts.accountKey();
        QVERIFY(BlockingStore(accounts.workspace()->store())
                    .createTask({{u"title"_s, u"Ann's errand"_s}})
                    .ok());
        QTRY_COMPARE_WITH_TIMEOUT(accounts.workspace()->engine()->pendingCount(), 0, 30000);

        // when bob logs in on the same computer
        QVERIFY(accounts.useConnection(logIn(u"switch_bob"_s)));

        // then his own store is open, without ann's tasks, and hers stays on disk
        QVERIFY(accounts.accountKey() != annKey);
        QVERIFY(QFile::exists(LocalStore::defaultPath(annKey)));
        const BlockingStore bob(accounts.workspace()->store());
        for (const bizy::Task& task : bob.tasks().value())
            QVERIFY2(task.title != u"Ann's errand"_s, "bob sees ann's task");
        QVERIFY(bob.createTask({{u"title"_s, u"Bob's chore"_s}}).ok());
        QTRY_COMPARE_WITH_TIMEOUT(serverTaskCount(u"switch_bob"_s), 1, 30000);

        // when bob logs out
        QSignalSpy switched(&accounts, &AccountManager::accountChanged);
        accounts.logOut();

        // then Bizy is back on the local store, and nobody is remembered
        QTRY_COMPARE_WITH_TIMEOUT(switched.count(), 1, 30000);
        QCOMPARE(accounts.accountKey(), QString());
        QVERIFY(accounts.workspace()->isLocal());
        QVERIFY(!QSettings().contains(u"Sync/account"_s));
    }

    void aStoreThatCannotBeOpened_leavesThePreviousOneOpen() {
        // given the local store, with a task
        AccountManager accounts({});
        QVERIFY(accounts.start());
        QVERIFY(BlockingStore(accounts.workspace()->store())
                    .createTask({{u"title"_s, u"Still mine"_s}})
                    .ok());
        // and bob's store path taken by a directory, so it cannot open
        auto connection = logIn(u"switch_bob"_s);
        QVERIFY(connection);
        const QString bobPath = LocalStore::defaultPath(connection->session()->accountKey());
        for (const QString& suffix : {QString(), u"-wal"_s, u"-shm"_s})
            QFile::remove(bobPath + suffix);
        QVERIFY(QDir().mkpath(bobPath));

        // when bob logs in
        const bizy::Status switched = accounts.useConnection(std::move(connection));

        // then the switch fails with words, and the local tasks are open as before
        QVERIFY(!switched);
        QVERIFY(!switched.error().message.isEmpty());
        QVERIFY(accounts.workspace());
        QVERIFY(accounts.workspace()->isLocal());
        QCOMPARE(BlockingStore(accounts.workspace()->store()).taskCount().value(), 1);
        QVERIFY(!QSettings().contains(u"Sync/account"_s));
        QDir(bobPath).removeRecursively();
    }
};

QTEST_GUILESS_MAIN(AccountSwitchTest)
#include "tst_accountswitch.moc"
