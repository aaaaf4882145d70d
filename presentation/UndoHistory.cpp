#include "UndoHistory.h"

#include "PresentationLog.h"
#include "model/GoalDraft.h"
#include "model/TaskDraft.h"
#include "store/StoreClient.h"

using namespace Qt::StringLiterals;

namespace bizy {

namespace {

// One recorded change: the rows before and after it. The change itself has
// already happened when it is pushed, so the first redo() does nothing.
template <typename Row> class RowsCommand : public QUndoCommand {
public:
    RowsCommand(UndoHistory* history, const QString& text, QList<Row> before, QList<Row> after)
        : QUndoCommand(text)
        , m_history(history)
        , m_before(std::move(before))
        , m_after(std::move(after)) {}

    void undo() override { restore(m_after, m_before); }
    void redo() override {
        if (std::exchange(m_first, false))
            return;
        restore(m_before, m_after);
    }

private:
    void restore(const QList<Row>& current, const QList<Row>& wanted) {
        if constexpr (std::is_same_v<Row, Task>)
            m_history->restoreTasks(current, wanted);
        else
            m_history->restoreGoals(current, wanted);
    }

    UndoHistory* m_history;
    QList<Row> m_before;
    QList<Row> m_after;
    bool m_first = true;
};

} // namespace

UndoHistory::UndoHistory(QObject* parent)
    : QObject(parent) {
    m_stack.setUndoLimit(200);
}

UndoHistory::~UndoHistory() = default;

void UndoHistory::setStore(StoreClient* store) {
    m_store = store;
    m_stack.clear();
    m_recreatedAs.clear();
    m_waiting.clear();
    m_running = false;
}

void UndoHistory::recordTasks(const QString& text, const QList<Task>& before,
                              const QList<Task>& after) {
    if (before.isEmpty() && after.isEmpty())
        return;
    m_stack.push(new RowsCommand<Task>(this, text, before, after));
}

void UndoHistory::recordGoals(const QString& text, const QList<Goal>& before,
                              const QList<Goal>& after) {
    if (before.isEmpty() && after.isEmpty())
        return;
    m_stack.push(new RowsCommand<Goal>(this, text, before, after));
}

QString UndoHistory::resolved(const QString& uuid) const {
    QString current = uuid;
    // A task deleted and created anew more than once follows the whole chain.
    for (int hops = 0; m_recreatedAs.contains(current) && hops < 1000; ++hops)
        current = m_recreatedAs.value(current);
    return current;
}

void UndoHistory::runInTurn(std::function<void()> restore) {
    m_waiting << std::move(restore);
    if (!m_running)
        runNext();
}

void UndoHistory::runNext() {
    m_running = !m_waiting.isEmpty();
    if (m_running)
        m_waiting.takeFirst()();
}

void UndoHistory::restoreTasks(const QList<Task>& current, const QList<Task>& wanted) {
    runInTurn([this, current, wanted] { startRestoringTasks(current, wanted); });
}

void UndoHistory::restoreGoals(const QList<Goal>& current, const QList<Goal>& wanted) {
    runInTurn([this, current, wanted] { startRestoringGoals(current, wanted); });
}

void UndoHistory::startRestoringTasks(const QList<Task>& current, const QList<Task>& wanted) {
    if (!m_store) {
        runNext();
        return;
    }
    struct Step {
        QString uuid; // as the history knows it
        QString resolvedUuid;
        std::optional<TaskDraft> from; // none: the task is to be created
        std::optional<TaskDraft> to;   // none: the task is to be deleted
    };
    QList<Step> steps;
    for (const Task& task : wanted) {
        const auto it = std::find_if(current.cbegin(), current.cend(),
                                     [&](const Task& other) { return other.uuid == task.uuid; });
        steps << Step{task.uuid, resolved(task.uuid),
                      it == current.cend() ? std::nullopt : std::optional(TaskDraft::of(*it)),
                      TaskDraft::of(task)};
    }
    for (const Task& task : current) {
        const bool kept = std::any_of(wanted.cbegin(), wanted.cend(),
                                      [&](const Task& other) { return other.uuid == task.uuid; });
        if (!kept)
            steps << Step{task.uuid, resolved(task.uuid), TaskDraft::of(task), std::nullopt};
    }
    m_store
        ->run([steps](LocalStore& store) -> Result<QHash<QString, QString>> {
            QHash<QString, QString> created;
            for (const Step& step : steps) {
                if (!step.to) {
                    if (Status deleted = store.deleteTask(step.resolvedUuid);
                        !deleted && deleted.error().code != Error::Code::NotFound)
                        return deleted.error();
                } else if (!step.from) {
                    // A task deleted since (here or by sync) comes back as a new one.
                    TaskDraft draft = *step.to;
                    const Result<Task> made = store.createTask(draft);
                    if (!made)
                        return made.error();
                    created.insert(step.uuid, made->uuid);
                } else {
                    const TaskPatch patch = TaskPatch::between(*step.from, *step.to);
                    if (patch.isEmpty())
                        continue;
                    if (const Result<Task> changed = store.updateTask(step.resolvedUuid, patch);
                        !changed)
                        return changed.error();
                }
            }
            return created;
        })
        .then(this, [this](const Result<QHash<QString, QString>>& created) {
            if (!created) {
                qCWarning(lcPresentation).noquote() << "undo failed:" << created.error().message;
                emit errorOccurred(created.error().message);
            } else {
                for (auto it = created->cbegin(); it != created->cend(); ++it)
                    m_recreatedAs.insert(it.key(), it.value());
            }
            runNext();
        });
}

void UndoHistory::startRestoringGoals(const QList<Goal>& current, const QList<Goal>& wanted) {
    if (!m_store) {
        runNext();
        return;
    }
    QList<QPair<QString, GoalPatch>> patches;
    for (const Goal& goal : wanted) {
        const auto it = std::find_if(current.cbegin(), current.cend(),
                                     [&](const Goal& other) { return other.uuid == goal.uuid; });
        if (it == current.cend())
            continue; // goals are not deleted or re-created through the history
        patches << qMakePair(goal.uuid,
                             GoalPatch::between(GoalDraft::of(*it), GoalDraft::of(goal)));
    }
    m_store
        ->run([patches](LocalStore& store) -> Status {
            for (const auto& [uuid, patch] : patches) {
                if (patch.isEmpty())
                    continue;
                if (const Result<Goal> changed = store.updateGoal(uuid, patch); !changed)
                    return changed.error();
            }
            return Done{};
        })
        .then(this, [this](const Status& restored) {
            if (!restored) {
                qCWarning(lcPresentation).noquote() << "undo failed:" << restored.error().message;
                emit errorOccurred(restored.error().message);
            }
            runNext();
        });
}

} // namespace bizy
