#pragma once

#include <QDateTime>
#include <QTimeZone>

namespace bizy {

// The time as the reminders see it, injected so tests can set it: the wall
// clock, the zone it is read in, and a monotonic clock. The wall clock may
// jump (set by hand, after sleep, on a time-zone change); the monotonic one
// never does, so comparing how far each moved tells a jump from time passing.
class Clock {
public:
    virtual ~Clock() = default;
    // The wall clock, in UTC.
    virtual QDateTime now() const = 0;
    // The zone dates and morning hours are reckoned in.
    virtual QTimeZone zone() const = 0;
    // Milliseconds from an arbitrary start, never jumping, not running in sleep.
    virtual qint64 monotonicMs() const = 0;
};

} // namespace bizy
