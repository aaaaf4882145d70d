#pragma once

#include "model/Goal.h"
#include "model/Task.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QUndoStack>
#include <functional>

namespace bizy {

class StoreClient;

// Undo and redo of what a person did to tasks and goals (Ctrl+Z,
// Ctrl+Shift+Z). Each change is recorded after the store made it, as the rows
// before and after; undoing writes the rows back as a new change, so it works
// after the change has synced, and redo writes them forward again. Undoing a
// creation deletes; undoing a deletion creates the tasks anew from what they
// were (under new uuids, which later steps follow). One job at a time: an
// undo asked for while one runs waits its turn. Goals are restored field by
// field (edits, status, moves); deleting a goal is not undone here.
class UndoHistory : public QObject {
    Q_OBJECT
public:
    explicit UndoHistory(QObject* parent = nullptr);
    ~UndoHistory() override;

    // The store the history belongs to; another store starts a new history.
    void setStore(StoreClient* store);
    QUndoStack* stack() { return &m_stack; }

    // `before` empty: the tasks were created; `after` empty: they were deleted.
    void recordTasks(const QString& text, const QList<Task>& before, const QList<Task>& after);
    void recordGoals(const QString& text, const QList<Goal>& before, const QList<Goal>& after);

    // Writes `rows` as they should be (and deletes `gone`) on the store's
    // worker; for the commands.
    void restoreTasks(const QList<Task>& current, const QList<Task>& wanted);
    void restoreGoals(const QList<Goal>& current, const QList<Goal>& wanted);

signals:
    // The store refused an undo or redo (the row changed too much since).
    void errorOccurred(const QString& message);

private:
    QString resolved(const QString& uuid) const;
    // Restores run one after another: a step may need the uuids the one
    // before it created.
    void runInTurn(std::function<void()> restore);
    void runNext();
    void startRestoringTasks(const QList<Task>& current, const QList<Task>& wanted);
    void startRestoringGoals(const QList<Goal>& current, const QList<Goal>& wanted);

    QPointer<StoreClient> m_store;
    QUndoStack m_stack;
    QHash<QString, QString> m_recreatedAs; // uuid before a deletion's undo -> uuid after
    QList<std::function<void()>> m_waiting;
    bool m_running = false;
};

} // namespace bizy
