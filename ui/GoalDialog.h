#pragma once

#include "model/Goal.h"
#include "model/GoalDraft.h"

#include <QDialog>
#include <optional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QLineEdit;
class QPlainTextEdit;

namespace bizy {

class FieldErrorDisplay;
class GoalEditor;
class GoalPicker;
class GoalTreeModel;
class StoreClient;

// Creates a goal or sub-goal, or edits one, through a GoalEditor: title,
// description, horizon, status, target date, success criteria and the parent
// goal (picked from the tree). As in TaskDialog, the store's refusals appear
// beside the fields (a parent that would make a loop included) and the input
// stays as typed. Editors are named by their contract field.
class GoalDialog : public QDialog {
    Q_OBJECT
public:
    // Edits `goal`, or makes a new one under `parentUuid` (empty: a top-level
    // goal) without it. `tree` offers the parents to pick from.
    GoalDialog(StoreClient* store, const GoalTreeModel* tree, const std::optional<Goal>& goal,
               const QString& parentUuid = {}, QWidget* parent = nullptr);

    std::optional<Goal> savedGoal() const { return m_saved; }

public slots:
    void accept() override;

private:
    void buildUi(const GoalTreeModel* tree);
    void showDraft(const GoalDraft& draft);
    GoalDraft readDraft() const;

    GoalEditor* m_editor;
    FieldErrorDisplay* m_errors;
    std::optional<Goal> m_saved;

    QLineEdit* m_title = nullptr;
    QPlainTextEdit* m_description = nullptr;
    QComboBox* m_horizon = nullptr;
    QComboBox* m_status = nullptr;
    QCheckBox* m_hasTargetDate = nullptr;
    QDateEdit* m_targetDate = nullptr;
    QPlainTextEdit* m_successCriteria = nullptr;
    GoalPicker* m_parentGoal = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace bizy
