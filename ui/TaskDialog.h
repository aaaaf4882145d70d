#pragma once

#include "model/FieldError.h"
#include "model/Task.h"

#include <QDialog>
#include <QHash>
#include <QJsonObject>
#include <optional>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace bizy {

class LocalStore;

// Creates a task or edits one: every field a user may change. Saving goes
// through the store; when it refuses, the reasons appear next to the fields and
// the dialog stays open with the input as typed.
class TaskDialog : public QDialog {
    Q_OBJECT

public:
    // A dialog for a new task.
    explicit TaskDialog(LocalStore* store, QWidget* parent = nullptr);
    // A dialog that edits `task`; only the fields the user changes are written.
    TaskDialog(LocalStore* store, const Task& task, QWidget* parent = nullptr);

    bool isEditing() const { return m_original.has_value(); }
    // The task as saved, once the dialog was accepted.
    std::optional<Task> savedTask() const { return m_saved; }

    // Editors by contract field name ("title", "due_date", ...), for tests and
    // for focusing the first bad field.
    QWidget* editorFor(const QString& field) const;
    // The error shown next to a field, empty when there is none.
    QString errorFor(const QString& field) const;

public slots:
    void accept() override;

private:
    void buildUi();
    void showTask(const Task& task);
    // The dialog's content in the sync shape; `errors` collects what cannot
    // even be parsed (e.g. "abc" as hours).
    QJsonObject collectFields(FieldErrors* errors) const;
    void showErrors(const FieldErrors& errors, const QString& general);
    void clearErrors();
    QLabel* addErrorLabel(const QString& field);

    LocalStore* m_store;
    std::optional<Task> m_original;
    QJsonObject m_baseline; // what the editors showed before the user typed
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
