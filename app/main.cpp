// bizy: wires the core (logging, the accounts and their workspaces) to the
// window. The AccountManager outlives every workspace; the window follows it.

#include "DesktopNotifications.h"
#include "MainWindow.h"
#include "ReminderNotices.h"
#include "SettingsDialog.h"
#include "SyncStatusModel.h"
#include "Translations.h"
#include "TrayIcon.h"
#include "account/AccountManager.h"
#include "account/SyncConnection.h"
#include "account/Workspace.h"
#include "log/Logging.h"
#include "reminders/ReminderScheduler.h"
#include "reminders/SystemClock.h"
#include "sync/SyncScheduler.h"
#include "transfer/TransferCommand.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLocale>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QPointer>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>

using namespace Qt::StringLiterals;

Q_LOGGING_CATEGORY(lcApp, "bizy.app", QtInfoMsg)

namespace {

// Strings of main() live in this context for the translators.
QString text(const char* source) {
    return QCoreApplication::translate("main", source);
}

void nameApplication() {
    QCoreApplication::setOrganizationName(u"Bizy"_s);
    QCoreApplication::setApplicationName(u"bizy"_s);
}

} // namespace

int main(int argc, char* argv[]) {
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    // --import and --export work without a window (and without a display).
    if (bizy::TransferCommand::requested(arguments)) {
        QCoreApplication app(argc, argv);
        nameApplication();
        return bizy::TransferCommand::run(QCoreApplication::arguments());
    }
    QApplication app(argc, argv);
    nameApplication();
    QApplication::setApplicationDisplayName(u"Bizy"_s);
    QApplication::setApplicationVersion(QStringLiteral(BIZY_VERSION));
    QApplication::setDesktopFileName(u"bizy"_s);

    // Before the parser, so --help speaks the user's language.
    const QStringList translations = bizy::Translations::install();

    QCommandLineParser parser;
    parser.setApplicationDescription(
        text(QT_TRANSLATE_NOOP("main", "Offline-first task and goal manager.")));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption verboseOption(
        u"verbose"_s, text(QT_TRANSLATE_NOOP("main", "Log debug details of Bizy's modules.")));
    const QCommandLineOption storeOption(
        u"store"_s,
        text(QT_TRANSLATE_NOOP("main", "Use the task store at <path>, whoever logs in.")),
        text(QT_TRANSLATE_NOOP("main", "path")));
    const QCommandLineOption serverOption(
        u"server"_s, text(QT_TRANSLATE_NOOP("main", "Sync with the Bizy server at <url>.")),
        text(QT_TRANSLATE_NOOP("main", "url")));
    const QCommandLineOption minimizedOption(
        u"minimized"_s, text(QT_TRANSLATE_NOOP("main", "Start in the tray, without the window.")));
    parser.addOption(minimizedOption);
    parser.addOption(verboseOption);
    parser.addOption(storeOption);
    parser.addOption(serverOption);
    parser.addOptions(bizy::TransferCommand::options()); // handled above; listed in --help
    parser.process(app);

    bizy::AccountManager::Options options;
    options.pinnedStore = parser.value(storeOption);
    if (parser.isSet(serverOption)) {
        options.server = bizy::SyncConnection::serverFromUserInput(parser.value(serverOption));
        if (options.server.isEmpty()) {
            qCCritical(lcApp).noquote() << "not a server address:" << parser.value(serverOption);
            parser.showHelp(1);
        }
    }

    const QString logDirectory =
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + u"/logs"_s;
    // Without a log file Bizy still works; Logging has already said why on stderr.
    (void)bizy::Logging::install(logDirectory, parser.isSet(verboseOption));
    qCInfo(lcApp).noquote() << "Bizy" << QApplication::applicationVersion() << "starting on Qt"
                            << qVersion() << "in" << QLocale().name() << "- log file"
                            << bizy::Logging::filePath();
    qCInfo(lcApp).noquote() << "translations:"
                            << (translations.isEmpty() ? u"none"_s : translations.join(u", "_s));

    bizy::AccountManager accounts(options);
    if (const bizy::Status started = accounts.start(); !started) {
        QMessageBox box(QMessageBox::Critical, text(QT_TRANSLATE_NOOP("main", "Bizy")),
                        text(QT_TRANSLATE_NOOP("main", "Bizy cannot open your tasks.")),
                        QMessageBox::Close);
        box.setInformativeText(started.error().message);
        box.exec();
        bizy::Logging::shutdown();
        return 2;
    }
    // Reminders, the sync status of notices and the tray follow the accounts
    // beside the window, so they survive account switches as it does.
    bizy::SystemClock clock;
    bizy::ReminderScheduler reminders(clock);
    QSettings settings;
    reminders.setSettings(bizy::ReminderSettings::load(settings));
    bizy::SyncStatusModel syncStatus;
    auto applySyncInterval = [&] {
        const bizy::Workspace* workspace = accounts.workspace();
        if (workspace && workspace->scheduler())
            workspace->scheduler()->setIntervalMs(bizy::SettingsDialog::savedSyncIntervalMinutes() *
                                                  60 * 1000);
    };
    auto follow = [&](bizy::Workspace* workspace) {
        syncStatus.setWorkspace(workspace);
        reminders.setStore(workspace ? workspace->store() : nullptr);
        applySyncInterval();
    };
    QObject::connect(&accounts, &bizy::AccountManager::workspaceChanged, &reminders, follow);
    follow(accounts.workspace());

    bizy::MainWindow window(&accounts);
    // The icon is embedded in bizy_ui, ready once a window exists; dialogs inherit it.
    QApplication::setWindowIcon(window.windowIcon());
    bizy::ReminderNotices notices(&reminders, &syncStatus);

    std::unique_ptr<bizy::TrayIcon> tray;
    auto closeToTray = [&](bool closes) {
        window.setClosesToTray(closes);
        QApplication::setQuitOnLastWindowClosed(!closes);
    };
    // One preferences dialog, asked for by the window's Edit menu or the tray's.
    QPointer<bizy::SettingsDialog> preferences;
    auto showPreferences = [&] {
        if (!preferences) {
            preferences = new bizy::SettingsDialog(&window);
            preferences->setAttribute(Qt::WA_DeleteOnClose);
            preferences->setTrayAvailable(tray != nullptr);
            QObject::connect(preferences, &bizy::SettingsDialog::applied, &reminders,
                             [&](const bizy::ReminderSettings& chosen, bool closes) {
                                 reminders.setSettings(chosen);
                                 if (tray)
                                     closeToTray(closes);
                                 applySyncInterval();
                             });
        }
        preferences->show();
        preferences->raise();
        preferences->activateWindow();
    };
    QObject::connect(&window, &bizy::MainWindow::preferencesRequested, &window, showPreferences);
    if (bizy::TrayIcon::isAvailable()) {
        tray = std::make_unique<bizy::TrayIcon>(&accounts, &syncStatus, &window, &reminders);
        tray->show();
        QObject::connect(tray.get(), &bizy::TrayIcon::quitRequested, &app, &QApplication::quit);
        QObject::connect(tray.get(), &bizy::TrayIcon::messageClicked, &window, [&] {
            const QString uuid = notices.lastNotice().taskUuid;
            if (uuid.isEmpty())
                window.showNormal();
            else
                window.openTask(uuid);
        });
        closeToTray(
            settings.value(QLatin1String(bizy::SettingsDialog::kCloseToTrayKey), true).toBool());
        QObject::connect(tray.get(), &bizy::TrayIcon::preferencesRequested, &window,
                         showPreferences);
        QObject::connect(&window, &bizy::MainWindow::closedToTray, tray.get(), [&] {
            QSettings told;
            if (told.value(u"tray/toldAboutTray"_s, false).toBool())
                return;
            told.setValue(u"tray/toldAboutTray"_s, true);
            tray->showMessage(
                text(QT_TRANSLATE_NOOP("main", "Bizy keeps running")),
                text(QT_TRANSLATE_NOOP("main", "Bizy stays in the tray to remind "
                                               "you. Quit it from the tray's menu.")));
        });
    }
    // Notices go to the desktop's notification service; where there is none,
    // to the tray's balloon, or without a tray into the window.
    bizy::DesktopNotifications desktop;
    desktop.follow(&notices, &reminders);
    QObject::connect(&desktop, &bizy::DesktopNotifications::openRequested, &window,
                     &bizy::MainWindow::openTask);
    QObject::connect(&desktop, &bizy::DesktopNotifications::unavailable, &window,
                     [&](const bizy::ReminderNotices::Notice& notice) {
                         if (tray) {
                             tray->showMessage(notice.title, notice.body);
                             return;
                         }
                         // Without a tray the window says it.
                         window.statusBar()->showMessage(notice.title + u" — "_s + notice.body,
                                                         60000);
                         QApplication::alert(&window);
                     });
    if (!(tray && parser.isSet(minimizedOption)))
        window.show();
    const int exitCode = QApplication::exec();
    qCInfo(lcApp) << "Bizy exiting with code" << exitCode;
    bizy::Logging::shutdown();
    return exitCode;
}
