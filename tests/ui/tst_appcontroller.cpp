#include "AppController.h"
#include "MainWindow.h"
#include "SyncStatusWidget.h"
#include "Translations.h"
#include "auth/Session.h"
#include "store/LocalStore.h"
#include "sync/SyncEngine.h"

#include <QAction>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using bizy::AppController;
using bizy::LocalStore;

// Which store Bizy opens at start, without a server or a keychain: the
// remembered account's (even when its login cannot be restored), the local
// one, or the one --store names.
class AppControllerTest : public QObject {
    Q_OBJECT

private:
    static void remember(const QString& account, const QString& server) {
        QSettings settings;
        settings.setValue(u"Sync/account"_s, account);
        settings.setValue(u"Sync/server"_s, QUrl(server));
        settings.setValue(u"Sync/username"_s, u"frank"_s);
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(!bizy::Translations::install(QLocale(QLocale::English)).isEmpty());
    }

    void init() {
        QSettings().clear();
        QFile::remove(LocalStore::defaultPath());
    }

    void nobodyRemembered_opensTheLocalStoreOffline() {
        AppController controller({});
        QVERIFY(controller.start());
        QCOMPARE(controller.store()->path(), LocalStore::defaultPath());
        QCOMPARE(controller.accountKey(), QString());
        QVERIFY(!controller.session());
        QVERIFY(!controller.engine());
        QCOMPARE(controller.window()->syncStatus()->text(),
                 u"Not logged in \u2014 working offline"_s);
    }

    void rememberedAccount_withoutKeychain_opensItsStoreAndAsksToLogIn() {
        // given an account remembered from the last run, with one task in its store
        const QString key = u"127.0.0.1-9-user42-abcdef12"_s;
        for (const QString& suffix : {QString(), u"-wal"_s, u"-shm"_s})
            QFile::remove(LocalStore::defaultPath(key) + suffix); // from an earlier run
        {
            auto store = LocalStore::open(LocalStore::defaultPath(key));
            QVERIFY(store.ok());
            QVERIFY(store.value()->createTask({{u"title"_s, u"Kept across starts"_s}}).ok());
        }
        remember(key, u"http://127.0.0.1:9"_s);
        // when Bizy starts on a computer whose keychain cannot give the login back
        AppController controller({});
        QVERIFY(controller.start());
        // then the account's tasks are there at once, and the status bar asks to log in
        QCOMPARE(controller.accountKey(), key);
        QCOMPARE(controller.store()->path(), LocalStore::defaultPath(key));
        QCOMPARE(controller.store()->taskCount().value(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(controller.engine()->state(), bizy::SyncEngine::State::NeedsLogin,
                                  30000);
        QCOMPARE(controller.window()->syncStatus()->text(), u"Log in to sync"_s);
        QVERIFY(controller.window()->findChild<QAction*>(u"logIn"_s)->isVisible());

        // when the user logs out instead of logging in
        QSignalSpy switched(&controller, &AppController::accountChanged);
        QAction* logOut = controller.window()->findChild<QAction*>(u"logOut"_s);
        QVERIFY(logOut->isVisible());
        logOut->trigger();
        // then Bizy is on the local store, the account's file kept for next time
        QTRY_COMPARE_WITH_TIMEOUT(switched.count(), 1, 30000);
        QCOMPARE(controller.store()->path(), LocalStore::defaultPath());
        QCOMPARE(controller.window()->syncStatus()->text(),
                 u"Not logged in \u2014 working offline"_s);
        QVERIFY(QFile::exists(LocalStore::defaultPath(key)));
        QVERIFY(!QSettings().contains(u"Sync/account"_s));
    }

    void anotherServerOnTheCommandLine_isNotTheRememberedAccount() {
        remember(u"127.0.0.1-9-user42-abcdef12"_s, u"http://127.0.0.1:9"_s);
        AppController::Options options;
        options.server = QUrl(u"http://127.0.0.1:10"_s);
        AppController controller(options);
        QVERIFY(controller.start());
        QCOMPARE(controller.accountKey(), QString());
        QCOMPARE(controller.store()->path(), LocalStore::defaultPath());
    }

    void pinnedStore_isOpenedWhoeverIsRemembered() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        remember(u"127.0.0.1-9-user42-abcdef12"_s, u"http://127.0.0.1:9"_s);
        AppController::Options options;
        options.pinnedStore = dir.filePath(u"mine.sqlite"_s);
        AppController controller(options);
        QVERIFY(controller.start());
        QCOMPARE(controller.store()->path(), options.pinnedStore);
    }

    void unopenableStore_failsWithAReason() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        AppController::Options options;
        options.pinnedStore = dir.path(); // a directory is no SQLite file
        AppController controller(options);
        QString error;
        QVERIFY(!controller.start(&error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!controller.window());
    }
};

QTEST_MAIN(AppControllerTest)
#include "tst_appcontroller.moc"
