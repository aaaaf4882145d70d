#include "TaskEditor.h"

#include "PresentationLog.h"
#include "store/StoreClient.h"

using namespace Qt::StringLiterals;

namespace bizy {

TaskEditor::TaskEditor(StoreClient* store, QObject* parent)
    : QObject(parent)
    , m_store(store) {}

void TaskEditor::edit(const Task& task) {
    m_task = task;
    m_original = TaskDraft::of(task);
    m_draft = m_original;
}

void TaskEditor::save() {
    if (m_saving)
        return;
    if (!m_store) {
        emit failed(Error::make(Error::Code::Storage, tr("The tasks are not open.")));
        return;
    }
    if (m_task) {
        const TaskPatch patch = TaskPatch::between(m_original, m_draft);
        if (patch.isEmpty()) {
            emit saved(*m_task);
            return;
        }
        m_saving = true;
        m_store
            ->run([uuid = m_task->uuid, patch](LocalStore& store) {
                return store.updateTask(uuid, patch);
            })
            .then(this, [this](const Result<Task>& result) {
                m_saving = false;
                if (!result) {
                    emit failed(result.error());
                    return;
                }
                qCInfo(lcPresentation).noquote() << "task edited:" << result->uuid;
                m_task = *result;
                m_original = TaskDraft::of(*result);
                emit saved(*result);
            });
        return;
    }
    m_saving = true;
    m_store->run([draft = m_draft](LocalStore& store) { return store.createTask(draft); })
        .then(this, [this](const Result<Task>& result) {
            m_saving = false;
            if (!result) {
                emit failed(result.error());
                return;
            }
            qCInfo(lcPresentation).noquote() << "task created:" << result->uuid;
            emit saved(*result);
        });
}

} // namespace bizy
