#pragma once

#include "store/LocalStore.h"
#include "sync/PushOutcome.h"

#include <QJsonObject>

// Puts entries in a real store's conflict journal the way a sync does: a
// local change is sealed into a batch, and the server's answer to it is
// recorded. No server is needed; the store cannot tell. The helpers take the
// LocalStore a job gets on the store's worker:
// BlockingStore(client).call([&](bizy::LocalStore& s) { return overwrite(s, ...); }).
// Its change events reach the app's models like a sync's do.
namespace conflict_support {

// The server took our change but another device's value of these fields lost
// (ConflictEntry::Kind::Overwritten). Returns the task's uuid.
inline QString overwrite(bizy::LocalStore& store, const QString& title,
                         const QJsonObject& theirValues) {
    const bizy::Result<bizy::Task> task = store.createTask({{QStringLiteral("title"), title}});
    if (!task)
        qFatal("cannot create a task: %s", qPrintable(task.error().message));
    const QList<bizy::OutboxMutation> sent = store.sealBatch(100).value();
    QList<bizy::PushOutcome> outcomes;
    for (const bizy::OutboxMutation& mutation : sent) {
        bizy::PushOutcome outcome;
        outcome.mid = mutation.mid.value_or(0);
        outcome.status = bizy::PushOutcome::Status::Applied;
        outcome.version = 1;
        outcome.id = 1000 + mutation.mid.value_or(0);
        if (mutation.uuid == task->uuid) {
            outcome.status = bizy::PushOutcome::Status::Merged;
            outcome.overwritten = theirValues;
        }
        outcomes << outcome;
    }
    const bizy::Result<int> added =
        store.applyPushResults(sent, outcomes, sent.last().mid.value_or(0));
    if (!added)
        qFatal("cannot record the push: %s", qPrintable(added.error().message));
    return task->uuid;
}

// The server refused the creation of this task (ConflictEntry::Kind::Rejected).
inline QString reject(bizy::LocalStore& store, const QString& title, const QString& message) {
    const bizy::Result<bizy::Task> task = store.createTask({{QStringLiteral("title"), title}});
    if (!task)
        qFatal("cannot create a task: %s", qPrintable(task.error().message));
    const QList<bizy::OutboxMutation> sent = store.sealBatch(100).value();
    QList<bizy::PushOutcome> outcomes;
    for (const bizy::OutboxMutation& mutation : sent) {
        bizy::PushOutcome outcome;
        outcome.mid = mutation.mid.value_or(0);
        if (mutation.uuid == task->uuid) {
            outcome.status = bizy::PushOutcome::Status::Rejected;
            outcome.code = QStringLiteral("validation");
            outcome.message = message;
        } else {
            outcome.version = 1;
            outcome.id = 1000 + mutation.mid.value_or(0);
        }
        outcomes << outcome;
    }
    const bizy::Result<int> added =
        store.applyPushResults(sent, outcomes, sent.last().mid.value_or(0));
    if (!added)
        qFatal("cannot record the push: %s", qPrintable(added.error().message));
    return task->uuid;
}

} // namespace conflict_support
