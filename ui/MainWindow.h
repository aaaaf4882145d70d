#pragma once

#include <QMainWindow>
#include <QPointer>

class QAction;
class QLabel;
class QSplitter;
class QStackedWidget;
class QDialog;

namespace bizy {

class AccountManager;
class AssistantModel;
class AdminMenu;
class ConflictsDialog;
class DashboardModel;
class DashboardPage;
class GoalPanel;
class GoalTreeModel;
class Sidebar;
class SyncStatusModel;
class TaskPage;
class TaskViewsModel;
class TransferActions;
class UndoHistory;
class Workspace;

// The window: the sidebar (task views and the goal tree) beside the goal
// panel and the task page, or the dashboard (View menu, Ctrl+1 and Ctrl+2;
// picking a view or goal in the sidebar goes back to the tasks), the menus
// and toolbar assembled from its
// actions, the Sync menu (sync now, conflicts, log in and out), and a status
// bar that says what is shown, how sync stands and what waits to be sent. It
// follows the AccountManager's workspace, so it stays open through logins and
// logouts and only rebinds what it shows.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(AccountManager* accounts, QWidget* parent = nullptr);
    ~MainWindow() override;

    // The window's size and the table's columns, kept for the next start.
    void saveSettings() const;
    // With a tray: closing the window hides it and Bizy keeps running there.
    void setClosesToTray(bool closes) { m_closesToTray = closes; }

public slots:
    void showConflicts();
    void showLogin();
    // The content beside the sidebar: the dashboard, or the goal panel over the task list.
    void showDashboard();
    void showTasks();
    // Brings the window up with the task's dialog open (a reminder clicked).
    void openTask(const QString& uuid);

signals:
    // The window was closed into the tray.
    void closedToTray();
    // Edit > Preferences; the app opens the one SettingsDialog (the tray asks too).
    void preferencesRequested();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void setWorkspace(Workspace* workspace);
    void createActions();
    void createToolBarAndMenus();
    void createStatusBar();
    void restoreSettings();
    void updateSyncActions();
    void showError(const QString& what, const QString& message);
    void applyScope();
    void suggestTasks();

    QPointer<AccountManager> m_accounts;
    QPointer<Workspace> m_workspace;
    TaskViewsModel* m_taskViews;
    GoalTreeModel* m_goalTree;
    UndoHistory* m_undo;
    Sidebar* m_sidebar = nullptr;
    GoalPanel* m_goalPanel = nullptr;
    TaskPage* m_taskPage = nullptr;
    QSplitter* m_splitter = nullptr;
    QStackedWidget* m_pages = nullptr;
    QWidget* m_taskContent = nullptr;
    DashboardPage* m_dashboard = nullptr;
    SyncStatusModel* m_syncStatus = nullptr;
    DashboardModel* m_dashboardModel = nullptr;
    AssistantModel* m_assistant = nullptr;
    QLabel* m_shownLabel = nullptr;
    QLabel* m_pendingLabel = nullptr;
    QPointer<ConflictsDialog> m_conflictsDialog;
    QPointer<QDialog> m_suggestDialog;
    AdminMenu* m_adminMenu = nullptr; // shown only for admins
    bool m_closesToTray = false;
    TransferActions* m_transfer = nullptr;

    QAction* m_quitAction = nullptr;
    QAction* m_undoAction = nullptr;
    QAction* m_redoAction = nullptr;
    QAction* m_aboutAction = nullptr;
    QAction* m_preferencesAction = nullptr;
    QAction* m_loginAction = nullptr;
    QAction* m_logoutAction = nullptr;
    QAction* m_syncNowAction = nullptr;
    QAction* m_conflictsAction = nullptr;
    QAction* m_showDashboardAction = nullptr;
    QAction* m_showTasksAction = nullptr;
    QAction* m_suggestTasksAction = nullptr;
};

} // namespace bizy
