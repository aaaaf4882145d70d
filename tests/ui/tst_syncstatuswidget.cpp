#include "BlockingStore.h"
#include "ConflictSupport.h"
#include "LoginDialog.h"
#include "MainWindow.h"
#include "SyncStatusModel.h"
#include "SyncStatusWidget.h"
#include "Translations.h"
#include "account/AccountManager.h"
#include "account/SyncConnection.h"
#include "account/Workspace.h"
#include "store/LocalStore.h"
#include "sync/SyncEngine.h"

#include <QAction>
#include <QFile>
#include <QLabel>
#include <QProgressBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <memory>

using namespace Qt::StringLiterals;
using bizy::LocalStore;
using bizy::SyncEngine;
using bizy::SyncStatusModel;
using bizy::SyncStatusWidget;
using bizy::Workspace;
using Health = bizy::SyncStatusModel::Health;
using State = bizy::SyncEngine::State;

namespace {
// Nothing listens there: a session on it never logs in.
const QUrl kNowhere(u"http://127.0.0.1:9"_s);
const QString kAccount = u"127.0.0.1-9-user42-abcdef12"_s;
} // namespace

// What Bizy says about sync (SyncStatusModel) for every state of the engine,
// on a real store, and the status bar's widget and window showing it; the
// "needs login" case comes from a real engine. Runs without a D-Bus session,
// so no keychain gives a login back.
class SyncStatusWidgetTest : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;

    QString storePath() const { return m_dir->filePath(u"tasks.sqlite"_s); }

    // The workspace of an account on a server nobody can reach (sync not started).
    std::unique_ptr<Workspace> syncedWorkspace() {
        auto workspace = Workspace::open(
            storePath(), std::make_unique<bizy::SyncConnection>(kNowhere), kAccount);
        if (!workspace)
            qFatal("cannot open the store: %s", qPrintable(workspace.error().message));
        return std::move(workspace).value();
    }

    std::unique_ptr<Workspace> localWorkspace() {
        auto workspace = Workspace::open(storePath(), nullptr, {});
        if (!workspace)
            qFatal("cannot open the store: %s", qPrintable(workspace.error().message));
        return std::move(workspace).value();
    }

    static QLabel* stateLabel(const QWidget& widget) {
        return widget.findChild<QLabel*>(u"syncState"_s);
    }
    static QToolButton* conflictsButton(const QWidget& widget) {
        return widget.findChild<QToolButton*>(u"syncConflicts"_s);
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        qRegisterMetaType<bizy::Workspace*>();
        // English plural forms ("1 change", "2 conflicts") come from bizy_en.
        QVERIFY(!bizy::Translations::install(QLocale(QLocale::English)).isEmpty());
    }

    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void cleanup() {
        QSettings().clear();
        m_dir.reset();
    }

    void stateText_saysEachStateInWords() {
        const QDateTime now(QDate(2026, 11, 30), QTime(12, 0), Qt::UTC);
        QCOMPARE(SyncStatusModel::stateText(State::Idle, now.addSecs(-125), {}, now),
                 u"Synced 2 minutes ago"_s);
        QCOMPARE(SyncStatusModel::stateText(State::Idle, now.addSecs(-20), {}, now),
                 u"Synced just now"_s);
        QCOMPARE(SyncStatusModel::stateText(State::Idle, now.addSecs(-60), {}, now),
                 u"Synced 1 minute ago"_s);
        QCOMPARE(SyncStatusModel::stateText(State::Idle, now.addSecs(-3 * 3600 - 5), {}, now),
                 u"Synced 3 hours ago"_s);
        QVERIFY(SyncStatusModel::stateText(State::Idle, now.addDays(-3), {}, now)
                    .startsWith(u"Synced on "_s));
        QCOMPARE(SyncStatusModel::stateText(State::Idle, std::nullopt, {}, now),
                 u"Not synced yet"_s);
        QCOMPARE(SyncStatusModel::stateText(State::Syncing, now, {}, now), u"Syncing\u2026"_s);
        QCOMPARE(SyncStatusModel::stateText(State::Syncing, now, {}, now, 250),
                 u"Syncing\u2026 250 received"_s);
        QCOMPARE(SyncStatusModel::stateText(State::Offline, now, {}, now),
                 u"Offline \u2014 changes are kept"_s);
        QCOMPARE(SyncStatusModel::stateText(State::NeedsLogin, now, {}, now), u"Log in to sync"_s);
        QCOMPARE(SyncStatusModel::stateText(State::Error, now, u"The server is full."_s, now),
                 u"Sync error: The server is full."_s);
    }

    void relativeTime_saysHowLongAgo() {
        const QDateTime now(QDate(2026, 11, 30), QTime(12, 0), Qt::UTC);
        QCOMPARE(SyncStatusModel::relativeTime(now.addSecs(-59), now), u"just now"_s);
        QCOMPARE(SyncStatusModel::relativeTime(now.addSecs(-125), now), u"2 minutes ago"_s);
        QCOMPARE(SyncStatusModel::relativeTime(now.addSecs(-3600), now), u"1 hour ago"_s);
        QVERIFY(SyncStatusModel::relativeTime(now.addDays(-2), now).startsWith(u"on "_s));
    }

    void withoutSession_saysWorkingOffline() {
        // given the window of someone who never logged in
        bizy::AccountManager::Options options;
        options.pinnedStore = storePath();
        bizy::AccountManager accounts(options);
        QVERIFY(accounts.start());
        bizy::MainWindow window(&accounts);
        window.show();

        // then the status bar says so, with why in its tooltip, and sync actions are there to
        // log in
        QLabel* state = stateLabel(window);
        QVERIFY(state);
        QCOMPARE(state->text(), u"Not logged in \u2014 working offline"_s);
        QVERIFY2(state->toolTip().contains(u"kept on this computer only"_s),
                 qPrintable(state->toolTip()));
        QVERIFY(!window.findChild<QProgressBar*>(u"syncBusy"_s)->isVisible());
        QVERIFY(!conflictsButton(window)->isVisible());
        QVERIFY(window.findChild<QAction*>(u"logIn"_s)->isVisible());
        QVERIFY(!window.findChild<QAction*>(u"logOut"_s)->isVisible());

        // and "Sync Now" asks to log in first
        QAction* syncNow = window.findChild<QAction*>(u"syncNow"_s);
        QVERIFY(syncNow->toolTip().startsWith(u"Log in to sync"_s));
        syncNow->trigger();
        QTRY_VERIFY(window.findChild<bizy::LoginDialog*>() &&
                    window.findChild<bizy::LoginDialog*>()->isVisible());
    }

    void localWorkspace_isLocalOnly_andCountsWhatWaits() {
        // given the model on the store of someone who never logged in
        std::unique_ptr<Workspace> workspace = localWorkspace();
        SyncStatusModel model;
        model.setWorkspace(workspace.get());
        QTRY_COMPARE(model.pendingText(), u"No changes waiting to sync"_s);
        QCOMPARE(model.health(), Health::LocalOnly);
        QVERIFY(!model.hasSync());
        QVERIFY(!model.isLoggedIn());

        // when two tasks are written
        BlockingStore store(workspace->store());
        QVERIFY(store.createTask({{u"title"_s, u"Water the plants"_s}}).ok());
        QVERIFY(store.createTask({{u"title"_s, u"Feed the cat"_s}}).ok());

        // then they are counted as waiting, from the store's change events
        QTRY_COMPARE(model.pendingCount(), 2);
        QCOMPARE(model.pendingText(), u"2 changes waiting to sync"_s);
        QCOMPARE(model.health(), Health::LocalOnly);
    }

    void lastSyncTwoMinutesAgo_saysSynced2MinutesAgo() {
        // given a store that last synced two minutes ago and an idle engine
        {
            auto store = LocalStore::open(storePath());
            QVERIFY(store.ok());
            QVERIFY(
                store.value()->setLastSyncedAt(QDateTime::currentDateTimeUtc().addSecs(-130)).ok());
        }
        std::unique_ptr<Workspace> workspace = syncedWorkspace();

        // when the model and the widget follow its workspace
        SyncStatusModel model;
        model.setWorkspace(workspace.get());
        SyncStatusWidget widget(&model);

        // then they say when, and the tooltip has the details
        QTRY_COMPARE(model.text(), u"Synced 2 minutes ago"_s);
        QVERIFY2(model.details().contains(u"Last synced: "_s), qPrintable(model.details()));
        QVERIFY2(model.details().contains(u"0 changes waiting to sync"_s),
                 qPrintable(model.details()));
        QCOMPARE(model.health(), Health::Synced);
        QCOMPARE(stateLabel(widget)->text(), u"Synced 2 minutes ago"_s);
        QCOMPARE(stateLabel(widget)->toolTip(), model.details());
    }

    void noSession_realEngineAsksToLogIn() {
        // given an engine whose session never logged in, and a change waiting
        std::unique_ptr<Workspace> workspace = syncedWorkspace();
        SyncStatusModel model;
        model.setWorkspace(workspace.get());
        SyncStatusWidget widget(&model);
        QVERIFY(BlockingStore(workspace->store())
                    .createTask({{u"title"_s, u"Water the plants"_s}})
                    .ok());

        // when a round is asked for
        workspace->engine()->syncNow();

        // then the user is asked to log in, and the pending change is counted in the details
        QTRY_COMPARE(workspace->engine()->state(), State::NeedsLogin);
        QTRY_COMPARE(model.text(), u"Log in to sync"_s);
        QTRY_VERIFY2(model.details().contains(u"1 change waiting to sync"_s),
                     qPrintable(model.details()));
        QCOMPARE(model.health(), Health::NeedsAttention);
        QCOMPARE(stateLabel(widget)->text(), u"Log in to sync"_s);
        QCOMPARE(stateLabel(widget)->toolTip(), model.details());
    }

    void conflictsInTheJournal_showAButtonWithTheirCount() {
        // given the widget on a store without conflicts
        std::unique_ptr<Workspace> workspace = syncedWorkspace();
        SyncStatusModel model;
        model.setWorkspace(workspace.get());
        SyncStatusWidget widget(&model);
        QSignalSpy arrived(&model, &SyncStatusModel::conflictsArrived);
        QCOMPARE(model.conflictText(), QString());
        QVERIFY(conflictsButton(widget)->isHidden());

        // when a sync journals two lost values
        BlockingStore store(workspace->store());
        store.call([](LocalStore& s) {
            return conflict_support::overwrite(s, u"Plan the trip"_s, {{u"title"_s, u"Trip"_s}});
        });
        store.call([](LocalStore& s) {
            return conflict_support::reject(s, u"Bad one"_s, u"Title is not accepted"_s);
        });

        // then a button says how many, without a restart, and sync needs attention
        QTRY_COMPARE(model.conflictText(), u"2 conflicts"_s);
        QCOMPARE(model.conflictCount(), 2);
        QCOMPARE(model.health(), Health::NeedsAttention);
        QVERIFY(!conflictsButton(widget)->isHidden());
        QCOMPARE(conflictsButton(widget)->text(), u"2 conflicts"_s);
        QCOMPARE(arrived.count(), 2);
    }

    void rememberedAccountWithoutKeychain_windowAsksToLogIn_andLogOutGoesOffline() {
        // given an account remembered from the last run, on a computer whose
        // keychain cannot give its login back
        for (const QString& suffix : {QString(), u"-wal"_s, u"-shm"_s}) {
            QFile::remove(LocalStore::defaultPath(kAccount) + suffix); // from an earlier run
            QFile::remove(LocalStore::defaultPath() + suffix);
        }
        QSettings settings;
        settings.setValue(u"Sync/account"_s, kAccount);
        settings.setValue(u"Sync/server"_s, kNowhere);
        settings.setValue(u"Sync/username"_s, u"frank"_s);
        settings.sync();

        // when Bizy starts
        bizy::AccountManager accounts({});
        QVERIFY(accounts.start());
        bizy::MainWindow window(&accounts);
        window.show();

        // then the status bar asks to log in, and both Log In and Log Out are offered
        QTRY_COMPARE_WITH_TIMEOUT(stateLabel(window)->text(), u"Log in to sync"_s, 30000);
        QVERIFY(window.findChild<QAction*>(u"logIn"_s)->isVisible());
        QAction* logOut = window.findChild<QAction*>(u"logOut"_s);
        QVERIFY(logOut->isVisible());

        // when the user logs out instead of logging in
        QSignalSpy switched(&accounts, &bizy::AccountManager::accountChanged);
        logOut->trigger();

        // then the window works offline on the local store
        QTRY_COMPARE_WITH_TIMEOUT(switched.count(), 1, 30000);
        QTRY_COMPARE(stateLabel(window)->text(), u"Not logged in \u2014 working offline"_s);
        QVERIFY(!logOut->isVisible());
        QVERIFY(window.findChild<QAction*>(u"logIn"_s)->isVisible());
    }
};

QTEST_MAIN(SyncStatusWidgetTest)
#include "tst_syncstatuswidget.moc"
