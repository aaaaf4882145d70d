#pragma once

#include "model/FieldError.h"
#include "model/Task.h"
#include "model/TaskDraft.h"

#include <QDialog>
#include <QHash>
#include <optional>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace bizy {

class StoreClient;
class TaskEditor;

// Creates a task or edits one: every field a user may change, through a
// TaskEditor. Saving runs on the store's worker; when the store refuses, the
// reasons appear next to the fields and the dialog stays open with the input
// as typed. Editors are named by their contract field ("title", "due_date",
// ...; "has_due_date" for the due date's checkbox), error lines "error_<field>".
class TaskDialog : public QDialog {
    Q_OBJECT

public:
    // A dialog that edits `task`, or makes a new one without it.
    TaskDialog(StoreClient* store, const std::optional<Task>& task, QWidget* parent = nullptr);

    // The task as saved, once the dialog was accepted.
    std::optional<Task> savedTask() const { return m_saved; }

public slots:
    void accept() override;

private:
    void buildUi();
    void showDraft(const TaskDraft& draft);
    // The dialog's content; `errors` collects what cannot even be read
    // (e.g. "abc" as hours).
    TaskDraft readDraft(FieldErrors* errors) const;
    void setSaving(bool saving);
    void showErrors(const FieldErrors& errors, const QString& general);
    void clearErrors();
    QLabel* addErrorLabel(const QString& field);
    QWidget* editorFor(const QString& field) const;

    TaskEditor* m_editor;
    std::optional<Task> m_saved;

    QLabel* m_generalError = nullptr;
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
    QPlainTextEdit* m_notes = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QHash<QString, QLabel*> m_errorLabels;
};

} // namespace bizy
