#include "RetryPolicy.h"

#include <QRandomGenerator>
#include <QtGlobal>

namespace bizy {

int RetryPolicy::delayMs(int nextAttempt, std::optional<int> retryAfterSeconds) const {
    if (retryAfterSeconds) {
        // Honour the server, plus a little spread so waiting clients do not return together.
        const int wanted = qBound(0, *retryAfterSeconds, maxRetryAfterSeconds) * 1000;
        return wanted + int(QRandomGenerator::global()->bounded(250));
    }
    const int exponent = qBound(0, nextAttempt - 2, 20);
    const double backoff = qMin(double(maxDelayMs), double(baseDelayMs) * double(1 << exponent));
    const double spread = (QRandomGenerator::global()->generateDouble() * 2.0 - 1.0) * jitter;
    return qMax(0, int(backoff * (1.0 + spread)));
}

} // namespace bizy
