#pragma once

#include "reminders/Clock.h"

// A clock the test sets (core/reminders): time passes only when told, and the
// wall clock can jump without the monotonic one (a clock set by hand, sleep
// and resume) or change zone.
class ManualClock : public bizy::Clock {
public:
    ManualClock(const QDateTime& now, const QTimeZone& zone)
        : m_now(now.toUTC())
        , m_zone(zone) {}

    QDateTime now() const override { return m_now; }
    QTimeZone zone() const override { return m_zone; }
    qint64 monotonicMs() const override { return m_monotonicMs; }

    // Time passes: both clocks move.
    void advance(qint64 seconds) {
        m_now = m_now.addSecs(seconds);
        m_monotonicMs += seconds * 1000;
    }
    // The wall clock alone moves (negative: set back).
    void jump(qint64 seconds) { m_now = m_now.addSecs(seconds); }
    void setZone(const QTimeZone& zone) { m_zone = zone; }

private:
    QDateTime m_now;
    QTimeZone m_zone;
    qint64 m_monotonicMs = 1'000'000;
};
