#include "GoalPicker.h"

#include "GoalTreeModel.h"

namespace bizy {

namespace {

void addGoals(QComboBox* box, const GoalTreeModel* tree, const QModelIndex& parent, int depth) {
    for (int row = 0; row < tree->rowCount(parent); ++row) {
        const QModelIndex index = tree->index(row, GoalTreeModel::TitleColumn, parent);
        box->addItem(QString(depth * 3, u' ') + index.data().toString(),
                     index.data(GoalTreeModel::UuidRole));
        addGoals(box, tree, index, depth + 1);
    }
}

} // namespace

GoalPicker::GoalPicker(const GoalTreeModel* tree, const QString& noneText, QWidget* parent)
    : QComboBox(parent) {
    addItem(noneText, QString());
    if (tree)
        addGoals(this, tree, {}, 0);
}

QString GoalPicker::currentGoalUuid() const {
    return currentData().toString();
}

void GoalPicker::setCurrentGoalUuid(const QString& uuid) {
    // A goal the tree does not have (not synced yet) stays picked rather than
    // quietly becoming "none" and being cleared on save.
    if (!uuid.isEmpty() && findData(uuid) < 0)
        addItem(tr("A goal not here yet"), uuid);
    setCurrentIndex(std::max(findData(uuid), 0));
}

void GoalPicker::removeGoal(const QString& uuid) {
    if (const int row = findData(uuid); row > 0)
        removeItem(row);
}

} // namespace bizy
