#pragma once

#include "HttpClient.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

// Fills one user's account on a running bizy-server the way desktop clients
// would: creates pushed through POST /api/sync/push in batches of 100, so the
// server writes versions, field stamps and the goal tree itself. Goals go
// first from one device (a child needs its parent committed); tasks then go
// from several devices at once, one batch in flight per device, because mids
// must stay consecutive per device while the server serialises one user's
// pushes anyway.
class SyncSeeder {
public:
    SyncSeeder(HttpClient& http, QString token, quint32 seed = 7);

    // false and `error` when a push failed or a mutation was not applied.
    bool seed(int goalCount, int taskCount, int taskDevices, QString* error);

    // Reads everything back through GET /api/sync/pull from cursor 0 (pages of
    // 1000) and counts live rows; false and `error` on a failed page.
    struct PullCount {
        qint64 tasks = 0;
        qint64 goals = 0;
        qint64 tombstones = 0;
        qint64 pages = 0;
        qint64 bytes = 0;
        qint64 cursor = 0;
    };
    bool countByPull(PullCount* count, QString* error);

    QStringList goalUuids() const { return m_goalUuids; }

private:
    QList<QJsonObject> makeGoals(int count);
    QList<QJsonObject> makeTasks(int count);
    // Pushes each device's batches; `lanes` lists the mutations of every device.
    bool pushLanes(const QList<QList<QJsonObject>>& lanes, QString* error);

    HttpClient& m_http;
    QString m_token;
    quint32 m_seed;
    QStringList m_goalUuids;
};
