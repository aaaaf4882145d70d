#pragma once

#include "db/DatabaseSettings.h"
#include "db/DbSession.h"

#include <QFuture>
#include <QHttpServerResponse>
#include <QThreadPool>
#include <atomic>
#include <functional>

namespace bizy::server {

// The server's worker threads. Each keeps one named QPSQL connection
// ("bizy-worker-<n>") for its whole life; a broken connection is noticed on
// the next failure, reopened, and the work retried once when nothing was
// committed yet. While PostgreSQL is down the answer is 503
// {"detail": "Database unavailable"}. Password hashing belongs here too: it
// must never run on the event loop.
class DbRunner {
public:
    using Work = std::function<QHttpServerResponse(DbSession&)>;
    // The answer while PostgreSQL is unreachable (503 {"detail": ...} by default).
    using UnavailableAnswer = QHttpServerResponse (*)();

    DbRunner(DatabaseSettings settings, int workers);
    ~DbRunner();

    // Runs `work` on a worker thread. Never throws and never answers 500:
    // SqlFailure becomes 503 (or 409/400 for constraint and data errors that
    // a route did not handle), any other exception 503.
    QFuture<QHttpServerResponse> run(Work work, UnavailableAnswer unavailable = nullptr);
    // The same, on the calling thread (command-line tools, start-up).
    QHttpServerResponse runHere(const Work& work);

    // Waits for running work and closes every connection.
    void shutdown();
    int activeCount() const { return m_pool.activeThreadCount(); }

private:
    QHttpServerResponse execute(const Work& work, UnavailableAnswer unavailable);
    QSqlDatabase threadConnection();
    void dropThreadConnection();

    DatabaseSettings m_settings;
    QThreadPool m_pool;
    std::atomic<int> m_nextConnectionId{0};
};

} // namespace bizy::server
