#pragma once

#include <optional>

namespace bizy {

// How often and how patiently ApiClient repeats a request that failed for a
// reason that may pass: network errors, timeouts, 429 and 502/503/504.
struct RetryPolicy {
    int maxAttempts = 4;           // including the first one
    int baseDelayMs = 500;         // before the second attempt, doubled each time after
    int maxDelayMs = 15000;        // ceiling of the exponential backoff
    int maxRetryAfterSeconds = 60; // a longer Retry-After is cut to this
    double jitter = 0.25;          // +-25 % so many clients do not retry in step

    // The pause before attempt `nextAttempt` (2, 3, ...): the server's
    // Retry-After when it sent one (capped), else the jittered backoff.
    int delayMs(int nextAttempt, std::optional<int> retryAfterSeconds) const;
};

} // namespace bizy
