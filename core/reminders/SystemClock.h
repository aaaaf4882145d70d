#pragma once

#include "Clock.h"

#include <QElapsedTimer>

namespace bizy {

// The computer's clock: UTC wall time, the system's zone (read afresh each
// time, so a zone change is seen), and QElapsedTimer's monotonic clock.
class SystemClock : public Clock {
public:
    SystemClock();

    QDateTime now() const override;
    QTimeZone zone() const override;
    qint64 monotonicMs() const override;

private:
    QElapsedTimer m_elapsed;
};

} // namespace bizy
