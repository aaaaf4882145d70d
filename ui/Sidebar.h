#pragma once

#include "TaskViewsModel.h"
#include "model/Goal.h"
#include "store/TaskFilter.h"

#include <QPointer>
#include <QWidget>
#include <optional>

class QAction;
class QListView;
class QTreeView;

namespace bizy {

class GoalDialog;
class GoalTreeModel;
class StoreClient;
class UndoHistory;

// The left side of the window: the task views with their counts ("taskViews":
// Today, Upcoming, Overdue, All, Completed) above the goal tree
// ("goalTree": title and rolled-up progress; drag a goal onto another to
// re-parent it, F2 renames). One of them is the scope of the task list. The
// goal actions (new goal and sub-goal, edit, complete, hold, delete) live
// here, for the window's Goals menu and the goal panel.
class Sidebar : public QWidget {
    Q_OBJECT
public:
    Sidebar(TaskViewsModel* views, GoalTreeModel* goals, QWidget* parent = nullptr);

    void setStore(StoreClient* store);
    // Where goal changes made here are recorded for undo.
    void setUndoHistory(UndoHistory* history);

    // What the task list shows now: a view's filter at this moment, or a goal's tasks.
    TaskFilter scopeFilter() const;
    // "Today", or the goal's title.
    QString scopeTitle() const;
    // The goal in scope (none while a view is).
    std::optional<Goal> currentGoal() const;

    void selectView(TaskViewsModel::View view);
    void selectGoal(const QString& uuid);

    // New Goal, New Sub-goal, Edit, Complete, Hold, Delete, in menu order.
    QList<QAction*> goalActions() const;
    QAction* newGoalAction() const { return m_newGoalAction; }
    QAction* newSubGoalAction() const { return m_newSubGoalAction; }
    QAction* editGoalAction() const { return m_editGoalAction; }
    QAction* completeGoalAction() const { return m_completeGoalAction; }
    QAction* holdGoalAction() const { return m_holdGoalAction; }

    void saveSettings() const;
    void restoreSettings();

public slots:
    void newGoal();
    void newSubGoal();
    void editCurrentGoal();
    void toggleCurrentGoalCompleted();
    void toggleCurrentGoalOnHold();
    void deleteCurrentGoal();

signals:
    // The list's scope changed (another view or goal, or a new day for the due views).
    void scopeChanged();
    // The user clicked or activated a view or a goal: they want to see its tasks.
    void scopePicked();
    // A change the store refused, in words.
    void errorOccurred(const QString& what, const QString& message);

private:
    void createActions();
    void createLayout();
    void onViewSelected();
    void onGoalSelected();
    void updateGoalActions();
    void setGoalStatus(const Goal& goal, GoalStatus status);
    void openGoalDialog(GoalDialog* dialog, const std::optional<Goal>& original);

    QPointer<StoreClient> m_store;
    QPointer<UndoHistory> m_undo;
    TaskViewsModel* m_views;
    GoalTreeModel* m_goals;
    QListView* m_viewList = nullptr;
    QTreeView* m_goalTree = nullptr;
    QPointer<GoalDialog> m_dialog;
    QString m_selectWhenShown; // a goal just saved, selected once the tree has it

    QAction* m_newGoalAction = nullptr;
    QAction* m_newSubGoalAction = nullptr;
    QAction* m_editGoalAction = nullptr;
    QAction* m_completeGoalAction = nullptr;
    QAction* m_holdGoalAction = nullptr;
    QAction* m_deleteGoalAction = nullptr;
};

} // namespace bizy
