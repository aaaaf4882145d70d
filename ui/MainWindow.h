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

class LocalStore;
class TaskDialog;
class TaskListModel;

// The task window: a filterable table of the local store's tasks with actions
// to add, edit, complete and delete them, and a status bar that counts what is
// shown and what waits to be synced.
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

public slots:
    void newTask();
    void editCurrentTask();
    void toggleCurrentTaskCompleted();
    void deleteCurrentTask();

protected:
    void closeEvent(QCloseEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void createActions();
    void createToolBarAndMenus();
    void createCentralArea();
    void restoreSettings();
    void saveSettings() const;
    void applyFilter();
    void updateActions();
    void updateShownState();
    void updatePending(qsizetype pending);
    void selectTask(const QString& uuid);
    QString currentUuid() const;
    void openDialog(TaskDialog* dialog);
    void showStoreError(const QString& what, const QString& message);

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

    QAction* m_newAction = nullptr;
    QAction* m_editAction = nullptr;
    QAction* m_completeAction = nullptr;
    QAction* m_deleteAction = nullptr;
    QAction* m_findAction = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_aboutAction = nullptr;
};

} // namespace bizy
