#pragma once

#include <QDateTime>
#include <QString>

namespace bizy::server {

class DbSession;

// The user's change counter (user_sync_state). lock() takes the counter row
// with SELECT ... FOR UPDATE inside the caller's open transaction, so one
// user's writes are serialised and version order is commit order. Every
// changed row is stamped with next(); store() writes the counter back before
// the caller commits. Failures throw SqlFailure, like DbSession.
class VersionCounter {
public:
    static VersionCounter lock(DbSession& db, qint64 userId);

    qint64 current() const { return m_counter; }
    qint64 next() { return ++m_counter; }
    // Moves the counter past `count` values and returns the first of them.
    qint64 reserve(qint64 count);

    void store();
    // Records a deleted row for the delta sync, stamped with next().
    void writeTombstone(const QString& entity, const QString& uuid, const QDateTime& now);

private:
    VersionCounter(DbSession& db, qint64 userId, qint64 counter);

    DbSession& m_db;
    qint64 m_userId = 0;
    qint64 m_counter = 0;
};

} // namespace bizy::server
