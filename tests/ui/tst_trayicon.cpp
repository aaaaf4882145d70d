#include "BlockingStore.h"
#include "ConflictSupport.h"
#include "MainWindow.h"
#include "ManualClock.h"
#include "QuickAddPopup.h"
#include "ReminderNotices.h"
#include "SettingsDialog.h"
#include "SyncStatusModel.h"
#include "TrayIcon.h"
#include "account/AccountManager.h"
#include "account/SyncConnection.h"
#include "account/Workspace.h"
#include "reminders/ReminderScheduler.h"
#include "sync/SyncEngine.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QSystemTrayIcon>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeEdit>
#include <memory>

using namespace Qt::StringLiterals;
using namespace bizy;

// The tray as a user drives it, offscreen: its menu's actions on a real
// store, beside a real main window, and closing the window into the tray.
class TrayIconTest : public QObject {
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AccountManager> m_accounts;
    BlockingStore m_store;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<ReminderScheduler> m_reminders;
    std::unique_ptr<SyncStatusModel> m_status;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<TrayIcon> m_tray;

    QAction* action(const QString& name) const {
        auto* found = m_tray->menu()->findChild<QAction*>(name);
        if (!found)
            qFatal("the tray menu has no action %s", qPrintable(name));
        return found;
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setOrganizationName(u"BizyTest"_s);
        QApplication::setApplicationName(u"tst_trayicon"_s);
        QSettings().clear();
    }

    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        AccountManager::Options options;
        options.pinnedStore = m_dir->filePath(u"tasks.sqlite"_s);
        m_accounts = std::make_unique<AccountManager>(options);
        const Status started = m_accounts->start();
        QVERIFY2(started, started ? "" : qPrintable(started.error().message));
        m_store = BlockingStore(m_accounts->workspace()->store());
        m_clock = std::make_unique<ManualClock>(
            QDateTime(QDate(2026, 12, 2), QTime(8, 0), QTimeZone("Europe/Berlin")),
            QTimeZone("Europe/Berlin"));
        m_reminders = std::make_unique<ReminderScheduler>(*m_clock);
        m_reminders->setStore(m_accounts->workspace()->store());
        m_status = std::make_unique<SyncStatusModel>();
        m_status->setWorkspace(m_accounts->workspace());
        m_window = std::make_unique<MainWindow>(m_accounts.get());
        m_tray = std::make_unique<TrayIcon>(m_accounts.get(), m_status.get(), m_window.get(),
                                            m_reminders.get());
    }

    void cleanup() {
        m_tray.reset();
        m_window.reset();
        m_status.reset();
        m_reminders.reset();
        m_store = BlockingStore();
        m_accounts.reset();
        m_dir.reset();
    }

    void theMenuShowsAndHidesTheWindow() {
        QVERIFY(!m_window->isVisible());
        m_tray->menu()->aboutToShow();
        QCOMPARE(action(u"trayShowWindow"_s)->text(), u"&Show Bizy"_s);
        action(u"trayShowWindow"_s)->trigger();
        QVERIFY(m_window->isVisible());
        QCOMPARE(action(u"trayShowWindow"_s)->text(), u"&Hide Bizy"_s);
        action(u"trayShowWindow"_s)->trigger();
        QVERIFY(!m_window->isVisible());
    }

    void quickAddMakesATaskWithoutTheWindow() {
        action(u"trayQuickAdd"_s)->trigger();
        QuickAddPopup* popup = m_tray->quickAddPopup();
        QVERIFY(popup->isVisible());
        auto* line = popup->findChild<QLineEdit*>(u"quickAdd"_s);
        QVERIFY(line);
        QTest::keyClicks(line, u"Buy milk p1"_s);
        QTest::keyClick(line, Qt::Key_Return);
        QTRY_COMPARE(m_store.taskCount().value(), 1);
        const Task task = m_store.tasks().value().first();
        QCOMPARE(task.title, u"Buy milk"_s);
        QCOMPARE(task.priority, 1);
        QTRY_VERIFY(!popup->isVisible()); // done: it goes away
        QVERIFY(!m_window->isVisible());  // and the window never came up
    }

    void pauseRemindersForAnHourOrUntilTomorrowAndResume() {
        m_tray->menu()->aboutToShow();
        QVERIFY(!action(u"trayResumeReminders"_s)->isEnabled());
        action(u"trayPauseRemindersHour"_s)->trigger();
        QVERIFY(m_reminders->isPaused());
        QCOMPARE(m_reminders->pausedUntil(), m_clock->now().addSecs(3600));
        QVERIFY(action(u"trayResumeReminders"_s)->isEnabled());

        action(u"trayPauseRemindersTomorrow"_s)->trigger();
        QCOMPARE(m_reminders->pausedUntil(),
                 QDateTime(QDate(2026, 12, 3), QTime(9, 0), QTimeZone("Europe/Berlin")).toUTC());

        action(u"trayResumeReminders"_s)->trigger();
        QVERIFY(!m_reminders->isPaused());
        QVERIFY(!action(u"trayResumeReminders"_s)->isEnabled());
    }

    void withoutSyncTheSyncActionsAreOffAndQuitAsks() {
        // the local workspace (nobody logged in) has nothing to sync
        m_tray->menu()->aboutToShow();
        QVERIFY(!action(u"traySyncNow"_s)->isEnabled());
        QVERIFY(!action(u"trayPauseSync"_s)->isEnabled());
        QCOMPARE(m_tray->shownHealth(), SyncStatusModel::Health::LocalOnly);
        QCOMPARE(m_tray->icon()->toolTip().section(u'\n', 0, 0), m_status->text());

        QSignalSpy quit(m_tray.get(), &TrayIcon::quitRequested);
        action(u"trayQuit"_s)->trigger();
        QCOMPARE(quit.count(), 1);
    }

    void closingTheWindowKeepsBizyInTheTray() {
        m_window->setClosesToTray(true);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QSignalSpy intoTray(m_window.get(), &MainWindow::closedToTray);
        QVERIFY(!m_window->close()); // the close is refused: the window hides instead
        QVERIFY(!m_window->isVisible());
        QCOMPARE(intoTray.count(), 1);
        // the tray brings it back
        action(u"trayShowWindow"_s)->trigger();
        QVERIFY(m_window->isVisible());

        // without the tray setting, closing closes
        m_window->setClosesToTray(false);
        QVERIFY(m_window->close());
        QCOMPARE(intoTray.count(), 1);
    }

    void preferencesAreSavedAndAnnounced() {
        QSignalSpy asked(m_tray.get(), &TrayIcon::preferencesRequested);
        action(u"trayPreferences"_s)->trigger();
        QCOMPARE(asked.count(), 1);

        SettingsDialog dialog;
        QCOMPARE(dialog.reminderSettings(), ReminderSettings()); // the defaults
        QVERIFY(dialog.closesToTray());
        dialog.findChild<QSpinBox*>(u"reminderLeadMinutes"_s)->setValue(30);
        dialog.findChild<QTimeEdit*>(u"reminderMorning"_s)->setTime(QTime(7, 45));
        dialog.findChild<QCheckBox*>(u"closeToTray"_s)->setChecked(false);
        QCOMPARE(dialog.findChild<QSpinBox*>(u"syncInterval"_s)->value(), 5);
        dialog.findChild<QSpinBox*>(u"syncInterval"_s)->setValue(15);
        QSignalSpy applied(&dialog, &SettingsDialog::applied);
        dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save)->click();
        QCOMPARE(applied.count(), 1);
        const auto chosen = applied.at(0).at(0).value<ReminderSettings>();
        QCOMPARE(chosen.leadMinutes, 30);
        QCOMPARE(chosen.morning, QTime(7, 45));
        QCOMPARE(applied.at(0).at(1).toBool(), false);

        // kept for the next start
        const ReminderSettings saved = ReminderSettings::load(QSettings());
        QCOMPARE(saved, chosen);
        QCOMPARE(QSettings().value(u"tray/closeToTray"_s).toBool(), false);
        QCOMPARE(SettingsDialog::savedSyncIntervalMinutes(), 15);
        SettingsDialog again;
        QCOMPARE(again.reminderSettings(), chosen);
        QVERIFY(!again.closesToTray());
        QCOMPARE(again.syncIntervalMinutes(), 15);
        QSettings().clear();
    }

    void preferencesAreInTheWindowsEditMenuToo() {
        // Edit > Preferences (Ctrl+,) asks for the same dialog as the tray's menu
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QAction* preferences = m_window->findChild<QAction*>(u"preferences"_s);
        QVERIFY(preferences);
        QCOMPARE(preferences->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Comma));
        const QMenu* edit = nullptr;
        for (const QMenu* menu : m_window->menuBar()->findChildren<QMenu*>()) {
            if (menu->title() == u"&Edit"_s)
                edit = menu;
        }
        QVERIFY(edit && edit->actions().contains(preferences));
        QSignalSpy asked(m_window.get(), &MainWindow::preferencesRequested);
        QApplication::setActiveWindow(m_window.get());
        QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
        QTest::keyClick(m_window.get(), Qt::Key_Comma, Qt::ControlModifier);
        QCOMPARE(asked.count(), 1);
        m_window->hide();

        // without a tray the dialog does not offer to close into it
        SettingsDialog dialog;
        dialog.setTrayAvailable(false);
        dialog.show();
        QVERIFY(!dialog.findChild<QCheckBox*>(u"closeToTray"_s)->isVisible());
        QVERIFY(dialog.findChild<QSpinBox*>(u"syncInterval"_s)->isVisible());
    }

    void anExpiredLoginAndConflictsAreSaidOnceAndShownOnTheIcon() {
        // an account on a server nobody can reach, whose login is gone
        auto opened =
            Workspace::open(m_dir->filePath(u"account.sqlite"_s),
                            std::make_unique<SyncConnection>(QUrl(u"http://127.0.0.1:9"_s)),
                            u"127.0.0.1-9-user42-abcdef12"_s);
        QVERIFY(opened.ok());
        std::unique_ptr<Workspace> workspace = std::move(opened).value();
        m_status->setWorkspace(workspace.get());
        ReminderNotices notices(m_reminders.get(), m_status.get());
        QSignalSpy said(&notices, &ReminderNotices::notice);

        workspace->engine()->syncNow();
        QTRY_COMPARE(workspace->engine()->state(), SyncEngine::State::NeedsLogin);
        QTRY_COMPARE(said.count(), 1);
        QCOMPARE(said.at(0).at(0).value<ReminderNotices::Notice>().title, u"Log in to sync"_s);
        QCOMPARE(m_tray->shownHealth(), SyncStatusModel::Health::NeedsAttention);
        QVERIFY2(m_tray->icon()->toolTip().startsWith(u"Log in to sync"_s),
                 qPrintable(m_tray->icon()->toolTip()));

        // a sync journals a lost value: said once, and the login not again
        BlockingStore(workspace->store()).call([](LocalStore& store) {
            return conflict_support::overwrite(store, u"Plan the trip"_s,
                                               {{u"title"_s, u"Trip"_s}});
        });
        QTRY_COMPARE(said.count(), 2);
        QCOMPARE(said.at(1).at(0).value<ReminderNotices::Notice>().title, u"Sync conflicts"_s);
        // another one later is said again; the login, still gone, is not
        BlockingStore(workspace->store()).call([](LocalStore& store) {
            return conflict_support::reject(store, u"Bad one"_s, u"Title is not accepted"_s);
        });
        QTRY_COMPARE(said.count(), 3);
        QCOMPARE(said.at(2).at(0).value<ReminderNotices::Notice>().title, u"Sync conflicts"_s);
        QCOMPARE(m_status->conflictCount(), 2);
        m_status->setWorkspace(m_accounts->workspace());
    }

    void theStateIconDiffersForEachHealth() {
        const QList<SyncStatusModel::Health> states{
            SyncStatusModel::Health::Synced, SyncStatusModel::Health::Syncing,
            SyncStatusModel::Health::Offline, SyncStatusModel::Health::NeedsAttention};
        QList<QImage> images;
        for (SyncStatusModel::Health health : states)
            images << TrayIcon::iconFor(health).pixmap(64, 64).toImage();
        for (qsizetype i = 0; i < images.size(); ++i)
            for (qsizetype j = i + 1; j < images.size(); ++j)
                QVERIFY2(images.at(i) != images.at(j), qPrintable(u"%1 vs %2"_s.arg(i).arg(j)));
    }
};

QTEST_MAIN(TrayIconTest)
#include "tst_trayicon.moc"
