#include "BlockingStore.h"
#include "account/AccountManager.h"
#include "account/Workspace.h"
#include "auth/Session.h"
#include "store/LocalStore.h"
#include "sync/SyncEngine.h"

#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using bizy::AccountManager;
using bizy::LocalStore;
using bizy::Workspace;

// Which store Bizy opens at start, without a server or a keychain (no D-Bus
// session): the remembered account's (even when its login cannot be
// restored), the local one, or the one --store names; and logging out of an
// account whose login was not restored goes back to the local store.
class AccountManagerTest : public QObject {
    Q_OBJECT

private:
    static void remember(const QString& account, const QString& server) {
        QSettings settings;
        settings.setValue(u"Sync/account"_s, account);
        settings.setValue(u"Sync/server"_s, QUrl(server));
        settings.setValue(u"Sync/username"_s, u"frank"_s);
    }

    static void removeStoreFiles(const QString& path) {
        for (const QString& suffix : {QString(), u"-wal"_s, u"-shm"_s})
            QFile::remove(path + suffix);
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        qRegisterMetaType<bizy::Workspace*>();
    }

    void init() {
        QSettings().clear();
        removeStoreFiles(LocalStore::defaultPath());
    }

    void nobodyRemembered_opensTheLocalStoreOffline() {
        // given nobody ever logged in
        AccountManager accounts({});
        QSignalSpy workspaces(&accounts, &AccountManager::workspaceChanged);

        // when Bizy starts
        const bizy::Status started = accounts.start();

        // then the local store is open, without a session or sync
        QVERIFY2(started, started ? "" : qPrintable(started.error().message));
        Workspace* workspace = accounts.workspace();
        QVERIFY(workspace);
        QCOMPARE(workspace->storePath(), LocalStore::defaultPath());
        QCOMPARE(accounts.accountKey(), QString());
        QVERIFY(workspace->isLocal());
        QVERIFY(!workspace->session());
        QVERIFY(!workspace->engine());
        QVERIFY(!workspace->scheduler());
        QCOMPARE(workspaces.count(), 1);
        QCOMPARE(workspaces.at(0).at(0).value<Workspace*>(), workspace);
    }

    void rememberedAccount_withoutKeychain_opensItsStoreAndAsksToLogIn() {
        // given an account remembered from the last run, with one task in its store
        const QString key = u"127.0.0.1-9-user42-abcdef12"_s;
        removeStoreFiles(LocalStore::defaultPath(key)); // from an earlier run
        {
            auto store = LocalStore::open(LocalStore::defaultPath(key));
            QVERIFY(store.ok());
            QVERIFY(store.value()->createTask({{u"title"_s, u"Kept across starts"_s}}).ok());
        }
        remember(key, u"http://127.0.0.1:9"_s);

        // when Bizy starts on a computer whose keychain cannot give the login back
        AccountManager accounts({});
        QVERIFY(accounts.start());

        // then the account's tasks are there at once, and its sync asks to log in
        QCOMPARE(accounts.accountKey(), key);
        QCOMPARE(accounts.workspace()->storePath(), LocalStore::defaultPath(key));
        QCOMPARE(BlockingStore(accounts.workspace()->store()).taskCount().value(), 1);
        QVERIFY(accounts.workspace()->session());
        QVERIFY(accounts.workspace()->engine());
        QTRY_COMPARE_WITH_TIMEOUT(accounts.workspace()->engine()->state(),
                                  bizy::SyncEngine::State::NeedsLogin, 30000);
        QVERIFY(!accounts.workspace()->session()->isLoggedIn());

        // when the user logs out instead of logging in
        QSignalSpy switched(&accounts, &AccountManager::accountChanged);
        QSignalSpy workspaces(&accounts, &AccountManager::workspaceChanged);
        accounts.logOut();

        // then Bizy is on the local store, the account's file kept for next time
        QTRY_COMPARE_WITH_TIMEOUT(switched.count(), 1, 30000);
        QCOMPARE(switched.at(0).at(0).toString(), QString());
        QCOMPARE(accounts.accountKey(), QString());
        QCOMPARE(accounts.workspace()->storePath(), LocalStore::defaultPath());
        QVERIFY(!accounts.workspace()->engine());
        QVERIFY(QFile::exists(LocalStore::defaultPath(key)));
        QVERIFY(!QSettings().contains(u"Sync/account"_s));
        // and whoever showed the account's store was told to let go of it first
        QCOMPARE(workspaces.count(), 2);
        QCOMPARE(workspaces.at(0).at(0).value<Workspace*>(), nullptr);
        QCOMPARE(workspaces.at(1).at(0).value<Workspace*>(), accounts.workspace());
    }

    void anotherServerOnTheCommandLine_isNotTheRememberedAccount() {
        // given an account remembered on one server
        remember(u"127.0.0.1-9-user42-abcdef12"_s, u"http://127.0.0.1:9"_s);

        // when Bizy starts with --server naming another one
        AccountManager::Options options;
        options.server = QUrl(u"http://127.0.0.1:10"_s);
        AccountManager accounts(options);
        QVERIFY(accounts.start());

        // then the local store opens, and a login goes to that server
        QCOMPARE(accounts.accountKey(), QString());
        QCOMPARE(accounts.workspace()->storePath(), LocalStore::defaultPath());
        QCOMPARE(accounts.loginServer(), options.server);
    }

    void pinnedStore_isOpenedWhoeverIsRemembered() {
        // given an account remembered from the last run
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        remember(u"127.0.0.1-9-user42-abcdef12"_s, u"http://127.0.0.1:9"_s);

        // when Bizy starts with --store
        AccountManager::Options options;
        options.pinnedStore = dir.filePath(u"mine.sqlite"_s);
        AccountManager accounts(options);
        QVERIFY(accounts.start());

        // then that file is the one open
        QCOMPARE(accounts.workspace()->storePath(), options.pinnedStore);
        QVERIFY(QFile::exists(options.pinnedStore));
    }

    void unopenableStore_failsWithAReason() {
        // given --store naming something that is no SQLite file (a directory)
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        AccountManager::Options options;
        options.pinnedStore = dir.path();
        AccountManager accounts(options);
        QSignalSpy workspaces(&accounts, &AccountManager::workspaceChanged);

        // when Bizy starts
        const bizy::Status started = accounts.start();

        // then it fails with words to show, and no workspace is there to show
        QVERIFY(!started);
        QVERIFY(!started.error().message.isEmpty());
        QVERIFY(!accounts.workspace());
        QCOMPARE(workspaces.count(), 0);
    }
};

QTEST_GUILESS_MAIN(AccountManagerTest)
#include "tst_accountmanager.moc"
