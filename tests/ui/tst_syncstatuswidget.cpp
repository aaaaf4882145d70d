#include "ConflictSupport.h"
#include "MainWindow.h"
#include "SyncConnection.h"
#include "SyncStatusWidget.h"
#include "Translations.h"
#include "auth/Session.h"
#include "store/LocalStore.h"
#include "sync/SyncEngine.h"

#include <QAction>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace Qt::StringLiterals;
using bizy::LocalStore;
using bizy::SyncEngine;
using bizy::SyncStatusWidget;
using State = bizy::SyncEngine::State;

// What the status bar says about sync, for every state of the engine, on a
// real store; the "needs login" case comes from a real engine.
class SyncStatusWidgetTest : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalStore> m_store;

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        // English plural forms ("1 change", "2 conflicts") come from bizy_en.
        QVERIFY(!bizy::Translations::install(QLocale(QLocale::English)).isEmpty());
    }

    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        auto store = LocalStore::open(m_dir->filePath(u"tasks.sqlite"_s));
        QVERIFY2(store.ok(), qPrintable(store ? QString() : store.error().message));
        m_store = std::move(store.value());
    }

    void cleanup() {
        m_store.reset();
        m_dir.reset();
    }

    void stateText_saysEachStateInWords() {
        const QDateTime now(QDate(2026, 11, 30), QTime(12, 0), Qt::UTC);
        QCOMPARE(SyncStatusWidget::stateText(State::Idle, now.addSecs(-125), {}, now),
                 u"Synced 2 minutes ago"_s);
        QCOMPARE(SyncStatusWidget::stateText(State::Idle, now.addSecs(-20), {}, now),
                 u"Synced just now"_s);
        QCOMPARE(SyncStatusWidget::stateText(State::Idle, now.addSecs(-60), {}, now),
                 u"Synced 1 minute ago"_s);
        QCOMPARE(SyncStatusWidget::stateText(State::Idle, now.addSecs(-3 * 3600 - 5), {}, now),
                 u"Synced 3 hours ago"_s);
        QVERIFY(SyncStatusWidget::stateText(State::Idle, now.addDays(-3), {}, now)
                    .startsWith(u"Synced on "_s));
        QCOMPARE(SyncStatusWidget::stateText(State::Idle, std::nullopt, {}, now),
                 u"Not synced yet"_s);
        QCOMPARE(SyncStatusWidget::stateText(State::Syncing, now, {}, now), u"Syncing\u2026"_s);
        QCOMPARE(SyncStatusWidget::stateText(State::Syncing, now, {}, now, 250),
                 u"Syncing\u2026 250 received"_s);
        QCOMPARE(SyncStatusWidget::stateText(State::Offline, now, {}, now),
                 u"Offline \u2014 changes are kept"_s);
        QCOMPARE(SyncStatusWidget::stateText(State::NeedsLogin, now, {}, now), u"Log in to sync"_s);
        QCOMPARE(SyncStatusWidget::stateText(State::Error, now, u"The server is full."_s, now),
                 u"Sync error: The server is full."_s);
    }

    void withoutSession_saysWorkingOffline() {
        // given the window of someone who never logged in
        bizy::MainWindow window(m_store.get());
        window.show();
        // then the status bar says so, and sync actions are there to log in
        QCOMPARE(window.syncStatus()->text(), u"Not logged in \u2014 working offline"_s);
        QVERIFY(!window.syncStatus()->isBusy());
        QVERIFY(window.findChild<QAction*>(u"logIn"_s)->isVisible());
        QVERIFY(!window.findChild<QAction*>(u"logOut"_s)->isVisible());
        // and "Sync Now" asks to log in first
        QAction* syncNow = window.findChild<QAction*>(u"syncNow"_s);
        QVERIFY(syncNow->toolTip().startsWith(u"Log in to sync"_s));
        QSignalSpy loginRequests(&window, &bizy::MainWindow::loginRequested);
        syncNow->trigger();
        QCOMPARE(loginRequests.count(), 1);
    }

    void lastSyncTwoMinutesAgo_saysSynced2MinutesAgo() {
        // given a store that last synced two minutes ago and an idle engine
        QVERIFY(m_store->setLastSyncedAt(QDateTime::currentDateTimeUtc().addSecs(-130)).ok());
        bizy::SyncConnection connection(QUrl(u"http://127.0.0.1:9"_s));
        SyncEngine engine(m_store.get(), connection.api(), connection.session());
        SyncStatusWidget widget(m_store.get());
        widget.setSync(connection.session(), &engine);
        // then it says when, and the tooltip has the details
        QCOMPARE(widget.text(), u"Synced 2 minutes ago"_s);
        QVERIFY2(widget.details().contains(u"Last synced: "_s), qPrintable(widget.details()));
        QVERIFY2(widget.details().contains(u"0 changes waiting to sync"_s),
                 qPrintable(widget.details()));
    }

    void noSession_realEngineAsksToLogIn() {
        // given an engine whose session never logged in
        bizy::SyncConnection connection(QUrl(u"http://127.0.0.1:9"_s));
        SyncEngine engine(m_store.get(), connection.api(), connection.session());
        SyncStatusWidget widget(m_store.get());
        widget.setSync(connection.session(), &engine);
        QVERIFY(m_store->createTask({{u"title"_s, u"Water the plants"_s}}).ok());
        // when a round is asked for
        engine.syncNow();
        // then the user is asked to log in, and the pending change is counted in the details
        QTRY_COMPARE(engine.state(), State::NeedsLogin);
        QCOMPARE(widget.text(), u"Log in to sync"_s);
        QVERIFY2(widget.details().contains(u"1 change waiting to sync"_s),
                 qPrintable(widget.details()));
    }

    void conflictsInTheJournal_showAButtonWithTheirCount() {
        // given a widget on a store without conflicts
        SyncStatusWidget widget(m_store.get());
        QCOMPARE(widget.conflictsText(), QString());
        // when a sync journals two lost values
        conflict_support::overwrite(*m_store, u"Plan the trip"_s, {{u"title"_s, u"Trip"_s}});
        conflict_support::reject(*m_store, u"Bad one"_s, u"Title is not accepted"_s);
        // then a button says how many, without a restart
        QCOMPARE(widget.conflictsText(), u"2 conflicts"_s);
    }
};

QTEST_MAIN(SyncStatusWidgetTest)
#include "tst_syncstatuswidget.moc"
