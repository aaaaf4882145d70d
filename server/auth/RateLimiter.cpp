#include "RateLimiter.h"

using namespace Qt::StringLiterals;

namespace bizy::server {

namespace {
constexpr qint64 kWindowMs = 60 * 1000;
} // namespace

RateLimiter::RateLimiter(int attemptsPerMinute)
    : m_limit(attemptsPerMinute) {}

std::optional<qint64> RateLimiter::tryAcquire(const QString& action, const QString& clientAddress,
                                              qint64 nowMs) {
    if (m_limit <= 0)
        return std::nullopt;
    QMutexLocker lock(&m_mutex);
    if (nowMs - m_lastSweepMs > kWindowMs) { // forget quiet addresses
        m_lastSweepMs = nowMs;
        for (auto it = m_attempts.begin(); it != m_attempts.end();) {
            if (it->empty() || it->back() <= nowMs - kWindowMs)
                it = m_attempts.erase(it);
            else
                ++it;
        }
    }
    std::deque<qint64>& attempts = m_attempts[action + u'|' + clientAddress];
    while (!attempts.empty() && attempts.front() <= nowMs - kWindowMs)
        attempts.pop_front();
    if (qint64(attempts.size()) >= m_limit)
        return qMax<qint64>(1, (attempts.front() + kWindowMs - nowMs + 999) / 1000);
    attempts.push_back(nowMs);
    return std::nullopt;
}

} // namespace bizy::server
