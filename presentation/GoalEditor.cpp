#include "GoalEditor.h"

#include "PresentationLog.h"
#include "store/StoreClient.h"

using namespace Qt::StringLiterals;

namespace bizy {

GoalEditor::GoalEditor(StoreClient* store, QObject* parent)
    : QObject(parent)
    , m_store(store) {}

void GoalEditor::edit(const Goal& goal) {
    m_goal = goal;
    m_original = GoalDraft::of(goal);
    m_draft = m_original;
}

void GoalEditor::save() {
    if (m_saving)
        return;
    if (!m_store) {
        emit failed(Error::make(Error::Code::Storage, tr("The goals are not open.")));
        return;
    }
    if (m_goal) {
        const GoalPatch patch = GoalPatch::between(m_original, m_draft);
        if (patch.isEmpty()) {
            emit saved(*m_goal);
            return;
        }
        m_saving = true;
        m_store
            ->run([uuid = m_goal->uuid, patch](LocalStore& store) {
                return store.updateGoal(uuid, patch);
            })
            .then(this, [this](const Result<Goal>& result) {
                m_saving = false;
                if (!result) {
                    emit failed(result.error());
                    return;
                }
                qCInfo(lcPresentation).noquote() << "goal edited:" << result->uuid;
                m_goal = *result;
                m_original = GoalDraft::of(*result);
                emit saved(*result);
            });
        return;
    }
    m_saving = true;
    m_store->run([draft = m_draft](LocalStore& store) { return store.createGoal(draft); })
        .then(this, [this](const Result<Goal>& result) {
            m_saving = false;
            if (!result) {
                emit failed(result.error());
                return;
            }
            qCInfo(lcPresentation).noquote() << "goal created:" << result->uuid;
            emit saved(*result);
        });
}

} // namespace bizy
