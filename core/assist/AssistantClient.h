#pragma once

#include "GoalBreakdown.h"
#include "MorningBriefing.h"
#include "model/Result.h"

#include <QPointer>
#include <functional>

class QObject;

namespace bizy {

class ApiClient;

// The server's optional AI assistant, asked through the account's ApiClient
// (tokens, retries and refresh as for every call). Each answer is a Result:
// the value, or an Error whose message says what happened in words, the
// server's own reason included (a rate limit, an unusable reply). Callbacks run
// on the caller's thread, never after `context` is gone.
class AssistantClient {
public:
    explicit AssistantClient(ApiClient* api);

    template <typename T> using Done = std::function<void(const Result<T>&)>;

    // Whether the server has an AI provider configured (`ai` in /health).
    void checkAvailable(QObject* context, Done<bool> done) const;
    // Up to `maxTasks` (1-50) tasks suggested for the goal with server id `goalId`.
    void breakDown(qint64 goalId, int maxTasks, QObject* context, Done<GoalBreakdown> done) const;
    void morningBriefing(QObject* context, Done<MorningBriefing> done) const;

private:
    QPointer<ApiClient> m_api;
};

} // namespace bizy
