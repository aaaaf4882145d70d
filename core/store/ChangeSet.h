#pragma once

#include "model/EntityKind.h"

#include <QStringList>

namespace bizy {

// What one store transaction changed, collected by the writers it calls and
// published once after the commit (LocalStore::changed). A rolled-back
// transaction's change set is dropped with it.
struct ChangeSet {
    QStringList tasks; // uuids of tasks written, created or removed
    QStringList goals;
    bool outbox = false;  // the queue of unsent changes changed
    bool journal = false; // the conflict journal changed
    int conflictsAdded = 0;

    void touch(EntityKind kind, const QString& uuid) {
        (kind == EntityKind::Task ? tasks : goals) << uuid;
    }
    void touch(EntityKind kind, const QStringList& uuids) {
        (kind == EntityKind::Task ? tasks : goals) << uuids;
    }
    bool isEmpty() const { return tasks.isEmpty() && goals.isEmpty() && !outbox && !journal; }
};

} // namespace bizy
