#pragma once

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QRandomGenerator>
#include <QString>
#include <QStringList>

namespace bizy {
class LocalStore;
}

// Seeded random changes to one LocalStore, as a person makes them: creates,
// edits of every field kind, completions, moves of tasks between goals and of
// goals in the tree (moves that would make a loop included), and deletes.
//
// Every title starts with a key that never changes ("d1-t17"), and rows are
// picked in key order, so the same seed on the same data makes the same
// steps: uuids and timestamps differ from run to run, keys do not.
class RandomWorkload {
public:
    // `device` names the keys ("d1"), so keys of several devices never collide.
    RandomWorkload(const QString& device, quint64 seed);

    // `steps` random changes to `store`, on the store's thread (a StoreClient
    // job, or the thread that opened it). A change the store refuses (a loop,
    // a vanished row) still counts as made.
    void run(bizy::LocalStore& store, int steps);

    // How many of each kind were made, and how many the store refused.
    QHash<QString, int> counts() const { return m_counts; }
    int refused() const { return m_refused; }
    // "task.create 40, task.edit 61, ..." for the test log.
    QString summary() const;

private:
    // One random change; returns its kind ("task.create", "goal.move", ...).
    QString step();
    QString taskCreate();
    QString taskEdit();
    QString taskComplete();
    QString taskMove();
    QString taskDelete();
    QString goalCreate();
    QString goalEdit();
    QString goalMove();
    QString goalDelete();

    QString words(int count);
    QString keyedTitle(const QString& key);
    QString nextKey(QChar kind);
    QJsonValue randomTime();
    QJsonValue maybeNull(const QJsonValue& value);
    QStringList taskUuids() const; // in key order
    QStringList goalUuids() const; // in key order
    QString pick(const QStringList& items);
    void note(const QString& kind, bool accepted, const QString& target, const QJsonObject& fields);

    bizy::LocalStore* m_store = nullptr; // during run()
    QString m_device;
    QRandomGenerator m_random;
    int m_serial = 0;
    QHash<QString, int> m_counts;
    int m_refused = 0;
};
