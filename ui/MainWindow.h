#pragma once

#include <QMainWindow>
#include <QPointer>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QTableView;

namespace bizy {

class ConflictsDialog;
class LocalStore;
class Session;
class SyncEngine;
class SyncStatusWidget;
class TaskDialog;
class TaskListModel;

// The task window: a filterable table of the local store's tasks with actions
// to add, edit, complete and delete them, and a status bar that counts what is
// shown and what waits to be synced. The Sync menu and the status widget
// follow the session and sync engine given by setSync(); logging in and out is
// asked for by signal, since that may switch the store under this window.
class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    explicit MainWindow(LocalStore* store, QWidget* parent = nullptr);
    ~MainWindow() override;

    TaskListModel* taskModel() const { return m_model; }
    QTableView* taskView() const { return m_view; }
    QLineEdit* searchField() const { return m_search; }
    QComboBox* statusFilter() const { return m_statusFilter; }
    // The task dialog that is open, if any.
    TaskDialog* openTaskDialog() const;
    QString emptyHint() const;
    QString shownCountText() const;
    QString pendingText() const;
    SyncStatusWidget* syncStatus() const { return m_syncStatus; }
    ConflictsDialog* openConflictsDialog() const;

    // Follows this session and engine (both null: not logged in).
    void setSync(Session* session, SyncEngine* engine);
    // Public for a controller that replaces this window.
    void saveSettings() const;

public slots:
    void newTask();
    void editCurrentTask();
    void toggleCurrentTaskCompleted();
    void deleteCurrentTask();
    void showConflicts();

signals:
    void loginRequested();
    void logoutRequested();

protected:
    void closeEvent(QCloseEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void createActions();
    void createToolBarAndMenus();
    void createCentralArea();
    void restoreSettings();
    void applyFilter();
    void updateActions();
    void updateShownState();
    void updatePending(qsizetype pending);
    void selectTask(const QString& uuid);
    QString currentUuid() const;
    void openDialog(TaskDialog* dialog);
    void showStoreError(const QString& what, const QString& message);
    void updateSyncActions();

    LocalStore* m_store;
    TaskListModel* m_model = nullptr;
    QTableView* m_view = nullptr;
    QLabel* m_emptyLabel = nullptr;
    QStackedWidget* m_stack = nullptr;
    QLineEdit* m_search = nullptr;
    QComboBox* m_statusFilter = nullptr;
    QLabel* m_shownLabel = nullptr;
    QLabel* m_pendingLabel = nullptr;
    QPointer<TaskDialog> m_dialog;
    QPointer<ConflictsDialog> m_conflictsDialog;
    SyncStatusWidget* m_syncStatus = nullptr;
    QPointer<Session> m_session;
    QPointer<SyncEngine> m_engine;

    QAction* m_newAction = nullptr;
    QAction* m_editAction = nullptr;
    QAction* m_completeAction = nullptr;
    QAction* m_deleteAction = nullptr;
    QAction* m_findAction = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_aboutAction = nullptr;
    QAction* m_loginAction = nullptr;
    QAction* m_logoutAction = nullptr;
    QAction* m_syncNowAction = nullptr;
    QAction* m_conflictsAction = nullptr;
};

} // namespace bizy
