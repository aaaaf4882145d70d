#pragma once

#include "model/FieldError.h"
#include "model/Task.h"
#include "model/TaskDraft.h"

#include <QDialog>
#include <optional>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace bizy {

class DependencyPicker;
class FieldErrorDisplay;
class GoalPicker;
class GoalTreeModel;
class StoreClient;
class TaskEditor;

// Creates a task or edits one: every field a user may change, through a
// TaskEditor. Saving runs on the store's worker; when the store refuses, the
// reasons appear next to the fields and the dialog stays open with the input
// as typed. Editors are named by their contract field ("title", "due_date",
// ...; "has_due_date" for the due date's checkbox; DependencyPicker's for the
// dependencies), error lines "error_<field>".
class TaskDialog : public QDialog {
    Q_OBJECT

public:
    // A dialog that edits `task`, or makes a new one from `newTask` (the
    // fields the place it was opened from suggests, e.g. the goal shown)
    // without it. `goals` offers the goals to pick from.
    TaskDialog(StoreClient* store, const GoalTreeModel* goals, const std::optional<Task>& task,
               const TaskDraft& newTask = {}, QWidget* parent = nullptr);

    // The task as saved, once the dialog was accepted.
    std::optional<Task> savedTask() const { return m_saved; }

public slots:
    void accept() override;

private:
    void buildUi(StoreClient* store, const GoalTreeModel* goals, const QString& taskUuid);
    void showDraft(const TaskDraft& draft);
    // The dialog's content; `errors` collects what cannot even be read
    // (e.g. "abc" as hours).
    TaskDraft readDraft(FieldErrors* errors) const;
    void setSaving(bool saving);

    TaskEditor* m_editor;
    FieldErrorDisplay* m_errors;
    std::optional<Task> m_saved;

    QLineEdit* m_title = nullptr;
    QPlainTextEdit* m_description = nullptr;
    QComboBox* m_priority = nullptr;
    QComboBox* m_status = nullptr;
    QLineEdit* m_category = nullptr;
    QCheckBox* m_hasDueDate = nullptr;
    QDateTimeEdit* m_dueDate = nullptr;
    QLineEdit* m_estimatedHours = nullptr;
    QLineEdit* m_actualHours = nullptr;
    QLineEdit* m_tags = nullptr;
    GoalPicker* m_goal = nullptr;
    DependencyPicker* m_dependencies = nullptr;
    QPlainTextEdit* m_notes = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

} // namespace bizy
