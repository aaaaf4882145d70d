#include "SystemClock.h"

namespace bizy {

SystemClock::SystemClock() {
    m_elapsed.start();
}

QDateTime SystemClock::now() const {
    return QDateTime::currentDateTimeUtc();
}

QTimeZone SystemClock::zone() const {
    return QTimeZone::systemTimeZone();
}

qint64 SystemClock::monotonicMs() const {
    return m_elapsed.elapsed();
}

} // namespace bizy
