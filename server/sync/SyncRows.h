#pragma once

#include "model/Goal.h"
#include "model/Task.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace bizy::server {

class DbSession;
class VersionCounter;

// A stored task or goal as the delta sync sees it: relations also as uuids
// (parent_goal_uuid, dependency_uuids) and the per-column change stamps of
// migration 0003 ({column: {"v": version, "d": device or null}}).
template <typename Entity> struct SyncRow {
    Entity entity;
    qint64 ownerId = 0;
    QJsonObject fieldVersions;
};

struct SyncTombstone {
    qint64 id = 0;
    qint64 ownerId = 0;
    QString entity; // "task" | "goal"
    QString uuid;
    qint64 version = 0;

    QJsonObject toJson() const; // {uuid, deleted: true, version}
};

// The SQL of the delta sync over tasks, goals and tombstones. Reads by uuid
// look at every user's rows (uuids are global; the caller decides what a
// stranger's row means); everything else is limited to `userId`. Failures
// throw SqlFailure like DbSession.
class SyncRows {
public:
    SyncRows(DbSession& db, qint64 userId);

    // By uuid, whoever owns it. No row lock: every writer of the caller's
    // rows holds the caller's version counter lock already, and locking a
    // stranger's row could deadlock two users pushing each other's uuids.
    std::optional<SyncRow<bizy::Task>> taskByUuid(const QString& uuid);
    std::optional<SyncRow<bizy::Goal>> goalByUuid(const QString& uuid);
    std::optional<SyncTombstone> tombstoneByUuid(const QString& entity, const QString& uuid);

    // The caller's rows, for a pull.
    QHash<qint64, bizy::Task> tasksByIds(const QList<qint64>& ids);
    QHash<qint64, bizy::Goal> goalsByIds(const QList<qint64>& ids);
    QHash<qint64, SyncTombstone> tombstonesByIds(const QList<qint64>& ids);

    // The caller's goal with this uuid.
    std::optional<qint64> goalId(const QString& uuid);
    // The caller's tasks among `uuids`, uuid -> id.
    QHash<QString, qint64> taskIds(const QStringList& uuids);
    // True when `goalId` is `ancestorId` or sits under it at any depth.
    bool isWithin(qint64 goalId, qint64 ancestorId);
    // The progress rule over the goal's direct tasks and sub-goals.
    double computeProgress(qint64 goalId);

    void insertTask(bizy::Task& task, const QJsonObject& fieldVersions);
    void updateTask(const bizy::Task& task, const QJsonObject& fieldVersions);
    void insertGoal(bizy::Goal& goal, const QJsonObject& fieldVersions);
    void updateGoal(const bizy::Goal& goal, const QJsonObject& fieldVersions);
    void deleteTask(qint64 taskId, VersionCounter& counter);
    // Children live on at the top level, each stamped with a version of its
    // own, as the REST delete does.
    void deleteGoal(qint64 goalId, VersionCounter& counter);

private:
    DbSession& m_db;
    qint64 m_userId;
};

} // namespace bizy::server
