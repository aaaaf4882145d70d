#pragma once

#include <QHash>
#include <QMutex>
#include <QString>
#include <deque>
#include <optional>

namespace bizy::server {

// Attempts per minute per client address and action (login, register,
// refresh), in memory: a sliding one-minute window. Thread safe.
class RateLimiter {
public:
    explicit RateLimiter(int attemptsPerMinute); // 0 = no limit

    // Counts one attempt; when over the limit returns the seconds to wait
    // (the attempt is not counted then).
    std::optional<qint64> tryAcquire(const QString& action, const QString& clientAddress,
                                     qint64 nowMs);

private:
    int m_limit;
    QMutex m_mutex;
    QHash<QString, std::deque<qint64>> m_attempts;
    qint64 m_lastSweepMs = 0;
};

} // namespace bizy::server
