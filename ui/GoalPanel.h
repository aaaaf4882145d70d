#pragma once

#include <QString>
#include <QWidget>

class QAction;
class QLabel;
class QProgressBar;

namespace bizy {

class GoalTreeModel;

// Above the task list while a goal is the list's scope: its title, horizon,
// status and target date, its rolled-up progress ("goalProgress"), what it is
// for, and buttons for the goal actions. It follows the tree, so progress
// moves as tasks are completed here or arrive by sync.
class GoalPanel : public QWidget {
    Q_OBJECT
public:
    GoalPanel(GoalTreeModel* goals, const QList<QAction*>& actions, QWidget* parent = nullptr);

    // The goal to show; empty hides the panel.
    void showGoal(const QString& uuid);
    QString goalUuid() const { return m_uuid; }

private:
    void refresh();

    GoalTreeModel* m_goals;
    QString m_uuid;
    QLabel* m_title = nullptr;
    QLabel* m_facts = nullptr;
    QLabel* m_about = nullptr;
    QProgressBar* m_progress = nullptr;
};

} // namespace bizy
