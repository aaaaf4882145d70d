#pragma once

#include <QComboBox>

namespace bizy {

class GoalTreeModel;

// A choice of goal from the tree, indented by depth, with "none" first: the
// parent of a goal, the goal of a task. The list is read from the tree when
// it is made.
class GoalPicker : public QComboBox {
    Q_OBJECT
public:
    GoalPicker(const GoalTreeModel* tree, const QString& noneText, QWidget* parent = nullptr);

    // Empty for "none".
    QString currentGoalUuid() const;
    // A uuid the tree does not have yet is kept as an entry of its own.
    void setCurrentGoalUuid(const QString& uuid);
    // Leaves a goal out (a goal cannot be its own parent).
    void removeGoal(const QString& uuid);
};

} // namespace bizy
