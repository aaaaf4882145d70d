#pragma once

#include "model/Result.h"
#include "model/Task.h"
#include "model/TaskDraft.h"
#include "store/TaskFilter.h"

#include <QPointer>
#include <QWidget>
#include <functional>
#include <optional>

class QAction;
class QLabel;
class QMenu;
class QStackedWidget;
class QTableView;

namespace bizy {

class GoalTreeModel;
class LocalStore;
class QuickAddBar;
class StoreClient;
class TaskDialog;
class TaskFilterBar;
class UndoHistory;
class TaskListModel;

// The task list page: the quick-add line (QuickAddBar, Ctrl+L) on top, the
// search and filters (TaskFilterBar) over the table of tasks ("taskTable", a TaskListModel), a hint
// when nothing is shown ("emptyHint"), and the task actions (new, edit, complete, delete, find)
// that the window puts in its menus and toolbar. Every change runs on the store's worker; the table
// follows the store's change events.
class TaskPage : public QWidget {
    Q_OBJECT
public:
    // `goals` names the goals tasks can belong to (the task dialog's picker).
    explicit TaskPage(const GoalTreeModel* goals, QWidget* parent = nullptr);

    // The store to show and change (null: nothing).
    void setStore(StoreClient* store);
    // Where changes made here are recorded for undo (null: nowhere).
    void setUndoHistory(UndoHistory* history);
    // Which tasks the page lists (a sidebar view or a goal), named `title`;
    // the search and the filters narrow it further.
    void setScope(const TaskFilter& scope, const QString& title);
    // New, Edit, Complete, Delete, in menu order.
    QList<QAction*> taskActions() const;
    // Set Priority, Set Due Date, Move to Goal: for every selected task.
    QList<QMenu*> bulkMenus() const;
    QAction* findAction() const { return m_findAction; }
    QAction* quickAddAction() const { return m_quickAddAction; }

    void saveSettings() const;
    void restoreSettings();
    // Whether the list is on screen: while another page is shown, the actions
    // on the selection are off.
    void setListShown(bool shown);

public slots:
    void newTask();
    void editCurrentTask();
    // Opens the task's dialog, whether or not the list shows it (a reminder's Open).
    void editTask(const QString& uuid);
    // The actions work on every selected task, each in one store transaction.
    void toggleSelectedTasksCompleted();
    void deleteSelectedTasks();
    void setSelectedPriority(int priority);
    void setSelectedDueDate(const std::optional<QDateTime>& due);
    void moveSelectedToGoal(const QString& goalUuid);

signals:
    // "3 tasks shown", for the status bar.
    void summaryChanged(const QString& summary);
    // A change the store refused, in words.
    void errorOccurred(const QString& what, const QString& message);
    // Something done that the status bar should say ("Deleted ... Ctrl+Z ...").
    void noticed(const QString& text);
    // Find or quick add was asked for: the list should be on screen.
    void listWanted();

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
    QStringList selectedUuids() const;
    QList<Task> selectedTasks() const;
    void fillGoalMenu();
    void applyPatchToSelection(const QString& undoText, const TaskPatch& patch);
    // Runs `change` over the selected tasks on the store's worker and records
    // it for undo as `undoText` (the tasks it answers are the rows after;
    // none for a deletion); `failure` heads the error shown when the store
    // refuses; `succeeded` runs after a change the store made.
    using BulkChange = std::function<Result<QList<Task>>(LocalStore&, const QStringList&)>;
    void runBulk(const QString& undoText, const QString& failure, const BulkChange& change,
                 const std::function<void()>& succeeded = {});
    // `original`: the task as it was before the dialog (none for a new one).
    void openDialog(TaskDialog* dialog, const std::optional<Task>& original);

    QPointer<StoreClient> m_store;
    QPointer<UndoHistory> m_undo;
    const GoalTreeModel* m_goals;
    TaskFilter m_scope;
    QString m_scopeTitle;
    TaskListModel* m_model = nullptr;
    QTableView* m_view = nullptr;
    QLabel* m_emptyLabel = nullptr;
    QStackedWidget* m_stack = nullptr;
    QuickAddBar* m_quickAdd = nullptr;
    TaskFilterBar* m_filterBar = nullptr;
    QPointer<TaskDialog> m_dialog;
    QString m_selectWhenShown; // a task just saved, selected once the table has it
    bool m_listShown = true;

    QAction* m_newAction = nullptr;
    QAction* m_editAction = nullptr;
    QAction* m_completeAction = nullptr;
    QAction* m_deleteAction = nullptr;
    QAction* m_findAction = nullptr;
    QMenu* m_priorityMenu = nullptr;
    QMenu* m_dueMenu = nullptr;
    QMenu* m_goalMenu = nullptr;
    QAction* m_quickAddAction = nullptr;
};

} // namespace bizy
