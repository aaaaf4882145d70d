#pragma once

#include "SyncStatusModel.h"

#include <QIcon>
#include <QObject>
#include <QPointer>

class QAction;
class QMenu;
class QSystemTrayIcon;
class QWidget;

namespace bizy {

class AccountManager;
class QuickAddPopup;
class ReminderScheduler;
class Workspace;

// The tray icon, created beside the main window (not inside it) and following
// the AccountManager's workspace, so it survives account switches. Its icon
// shows how sync stands at a glance (a dot on the app icon: synced, syncing,
// offline, needs attention: conflicts, login expired), its tooltip the
// SyncStatusModel's words. The
// menu: show or hide the window, quick add (QuickAddPopup, without the
// window), sync now, pause sync, pause reminders (an hour, until tomorrow, or
// resume), preferences, quit.
class TrayIcon : public QObject {
    Q_OBJECT
public:
    // `status` follows the same accounts (the caller's; it outlives the tray).
    TrayIcon(AccountManager* accounts, SyncStatusModel* status, QWidget* window,
             ReminderScheduler* reminders, QObject* parent = nullptr);
    ~TrayIcon() override;

    // Whether the desktop shows tray icons at all.
    static bool isAvailable();
    void show();
    QSystemTrayIcon* icon() const { return m_icon; }
    QMenu* menu() const { return m_menu; }
    QuickAddPopup* quickAddPopup() const { return m_popup; }
    SyncStatusModel::Health shownHealth() const { return m_health; }
    // The tray's own balloon (where the desktop has no notification service).
    void showMessage(const QString& title, const QString& body);

    // The state dot drawn on the app icon.
    static QIcon iconFor(SyncStatusModel::Health health);

signals:
    void quitRequested();
    void preferencesRequested();
    // The user clicked the tray's own balloon.
    void messageClicked();

private:
    void setWorkspace(Workspace* workspace);
    void updateStatus();
    void updateActions();
    void toggleWindow();

    QPointer<AccountManager> m_accounts;
    QPointer<Workspace> m_workspace;
    QPointer<QWidget> m_window;
    QPointer<ReminderScheduler> m_reminders;
    QPointer<SyncStatusModel> m_status;
    QSystemTrayIcon* m_icon;
    QMenu* m_menu;
    QuickAddPopup* m_popup;
    SyncStatusModel::Health m_health = SyncStatusModel::Health::LocalOnly;
    QAction* m_showAction = nullptr;
    QAction* m_quickAddAction = nullptr;
    QAction* m_syncNowAction = nullptr;
    QAction* m_pauseSyncAction = nullptr;
    QAction* m_pauseHourAction = nullptr;
    QAction* m_pauseTomorrowAction = nullptr;
    QAction* m_resumeRemindersAction = nullptr;
    QAction* m_preferencesAction = nullptr;
    QAction* m_quitAction = nullptr;
};

} // namespace bizy
