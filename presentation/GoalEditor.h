#pragma once

#include "model/Error.h"
#include "model/Goal.h"
#include "model/GoalDraft.h"

#include <QObject>
#include <QPointer>
#include <optional>

namespace bizy {

class StoreClient;

// Creates a goal or edits one through a typed draft, as TaskEditor does for
// tasks. A new parent that would put the goal under itself is refused with
// Error::Code::Cycle and the contract's words; nothing changes then.
class GoalEditor : public QObject {
    Q_OBJECT
public:
    explicit GoalEditor(StoreClient* store, QObject* parent = nullptr);

    // Edits `goal` (as it is now); without a call, the editor makes a new goal.
    void edit(const Goal& goal);
    bool isEditing() const { return m_goal.has_value(); }
    // The goal being edited, as it was when editing started.
    std::optional<Goal> goal() const { return m_goal; }
    // What the draft started from (the goal's fields, or a new goal's defaults).
    GoalDraft original() const { return m_original; }

    GoalDraft draft() const { return m_draft; }
    void setDraft(const GoalDraft& draft) { m_draft = draft; }
    bool isSaving() const { return m_saving; }

public slots:
    void save();

signals:
    void saved(const bizy::Goal& goal);
    void failed(const bizy::Error& error);

private:
    QPointer<StoreClient> m_store;
    std::optional<Goal> m_goal;
    GoalDraft m_original;
    GoalDraft m_draft;
    bool m_saving = false;
};

} // namespace bizy
