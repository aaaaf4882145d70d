#pragma once

#include "model/Error.h"
#include "model/Task.h"
#include "model/TaskDraft.h"

#include <QObject>
#include <QPointer>
#include <optional>

namespace bizy {

class StoreClient;

// Creates a task or edits one through a typed draft. Saving runs on the
// store's worker: a new task sends what is set, an edit only the fields that
// changed (so another device's change to another field survives sync). A
// refusal comes back as an Error whose field errors name the contract fields,
// and the draft stays as the user made it.
class TaskEditor : public QObject {
    Q_OBJECT
public:
    explicit TaskEditor(StoreClient* store, QObject* parent = nullptr);

    // Edits `task` (as it is now); without a call, the editor makes a new task.
    void edit(const Task& task);
    bool isEditing() const { return m_task.has_value(); }
    // The task being edited, as it was when editing started.
    std::optional<Task> task() const { return m_task; }
    // What the draft started from (the task's fields, or a new task's defaults).
    TaskDraft original() const { return m_original; }

    TaskDraft draft() const { return m_draft; }
    void setDraft(const TaskDraft& draft) { m_draft = draft; }
    bool isSaving() const { return m_saving; }

public slots:
    void save();

signals:
    void saved(const bizy::Task& task);
    void failed(const bizy::Error& error);

private:
    QPointer<StoreClient> m_store;
    std::optional<Task> m_task;
    TaskDraft m_original;
    TaskDraft m_draft;
    bool m_saving = false;
};

} // namespace bizy
