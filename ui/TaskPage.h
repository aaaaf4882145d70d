#pragma once

#include <QPointer>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QStackedWidget;
class QTableView;

namespace bizy {

class QuickAddBar;
class StoreClient;
class TaskDialog;
class TaskListModel;

// The task list page: the quick-add line (QuickAddBar, Ctrl+L) on top, search
// ("search") and a status filter ("statusFilter")
// over the table of tasks ("taskTable", a TaskListModel), a hint when nothing
// is shown ("emptyHint"), and the task actions (new, edit, complete, delete,
// find) that the window puts in its menus and toolbar. Every change runs on
// the store's worker; the table follows the store's change events.
class TaskPage : public QWidget {
    Q_OBJECT
public:
    explicit TaskPage(QWidget* parent = nullptr);

    // The store to show and change (null: nothing).
    void setStore(StoreClient* store);
    // New, Edit, Complete, Delete, in menu order.
    QList<QAction*> taskActions() const;
    QAction* findAction() const { return m_findAction; }
    QAction* quickAddAction() const { return m_quickAddAction; }

    void saveSettings() const;
    void restoreSettings();

public slots:
    void newTask();
    void editCurrentTask();
    void toggleCurrentTaskCompleted();
    void deleteCurrentTask();

signals:
    // "3 tasks shown", for the status bar.
    void summaryChanged(const QString& summary);
    // A change the store refused, in words.
    void errorOccurred(const QString& what, const QString& message);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void createActions();
    void createLayout();
    void applyFilter();
    void updateActions();
    void updateShownState();
    void selectTask(const QString& uuid);
    QString currentUuid() const;
    void openDialog(TaskDialog* dialog);

    QPointer<StoreClient> m_store;
    TaskListModel* m_model = nullptr;
    QTableView* m_view = nullptr;
    QLabel* m_emptyLabel = nullptr;
    QStackedWidget* m_stack = nullptr;
    QuickAddBar* m_quickAdd = nullptr;
    QLineEdit* m_search = nullptr;
    QComboBox* m_statusFilter = nullptr;
    QPointer<TaskDialog> m_dialog;
    QString m_selectWhenShown; // a task just saved, selected once the table has it

    QAction* m_newAction = nullptr;
    QAction* m_editAction = nullptr;
    QAction* m_completeAction = nullptr;
    QAction* m_deleteAction = nullptr;
    QAction* m_findAction = nullptr;
    QAction* m_quickAddAction = nullptr;
};

} // namespace bizy
