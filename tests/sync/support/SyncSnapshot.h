#pragma once

#include <QJsonObject>
#include <QMap>
#include <QString>

// Tasks and goals of one side (a device or the server) in the sync shape of
// docs/api.md section 6, keyed by uuid, for field-by-field comparison.
struct SyncSnapshot {
    QString side; // "server", "laptop", ... (for messages)
    QMap<QString, QJsonObject> tasks;
    QMap<QString, QJsonObject> goals;
    qint64 cursor = 0; // server: the version of the newest change read
    int pulls = 0;     // server: pages read
    QString error;     // set when the snapshot could not be read completely

    bool ok() const { return error.isEmpty(); }

    // Every difference between `a` and `b`, one line each: rows only one side
    // has, and for rows both have, each field whose JSON value differs (fields
    // only one side has included). Empty when they are equal. Nothing is ignored.
    static QString differences(const SyncSnapshot& a, const SyncSnapshot& b);
    // The goals' parent links have no loop (a goal under its own descendant);
    // empty when acyclic, else a line per goal caught in a loop.
    QString cycles() const;
};
