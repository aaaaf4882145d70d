#pragma once

#include "LocalStore.h"
#include "model/Result.h"

#include <QFuture>
#include <QObject>
#include <QPointer>
#include <QPromise>
#include <QString>
#include <QThread>
#include <memory>
#include <type_traits>

namespace bizy {

// One account's LocalStore on a worker thread of its own, so that no SQLite
// work runs on the caller's (the UI's) thread. The worker alone owns the
// read-write connection; callers post jobs, which run one after another in the
// order they were posted, and get their results as futures
// (`future.then(context, ...)` continues on the context's thread). Each
// committed change is re-published here, on the caller's thread, before the
// future of the job that made it finishes.
class StoreClient : public QObject {
    Q_OBJECT
public:
    // Starts the worker and opens the store on it; waits for the open, which
    // takes milliseconds (a migration of an old file takes longer).
    static Result<std::unique_ptr<StoreClient>> open(const QString& path,
                                                     QObject* parent = nullptr);
    // Lets the posted jobs finish, closes the store on its thread and stops it.
    ~StoreClient() override;

    QString path() const { return m_path; }
    QString deviceId() const { return m_deviceId; }

    // Runs `job(LocalStore&)` on the worker; the future holds what it returns.
    // The future finishes on this object's thread, from its event loop, after
    // the change event of the job: a continuation never runs inside run() and
    // always sees the models already updated. So do not block this thread on
    // the future (result(), waitForFinished()): wait in an event loop.
    template <typename Job> auto run(Job job) -> QFuture<std::invoke_result_t<Job, LocalStore&>> {
        using R = std::invoke_result_t<Job, LocalStore&>;
        auto promise = std::make_shared<QPromise<R>>();
        QFuture<R> future = promise->future();
        promise->start();
        QMetaObject::invokeMethod(
            m_store,
            [store = m_store, client = QPointer<StoreClient>(this), promise,
             job = std::move(job)]() mutable {
                auto result = std::make_shared<R>(job(*store));
                // A client that is gone takes its jobs' futures along (cancelled).
                QMetaObject::invokeMethod(
                    client,
                    [promise, result] {
                        promise->addResult(std::move(*result));
                        promise->finish();
                    },
                    Qt::QueuedConnection);
            },
            Qt::QueuedConnection);
        return future;
    }

signals:
    // LocalStore::changed, on this object's thread.
    void changed(const bizy::StoreChanges& changes);

private:
    StoreClient(QObject* parent);

    std::unique_ptr<QThread> m_thread;
    LocalStore* m_store = nullptr; // lives on m_thread
    QString m_path;
    QString m_deviceId;
};

} // namespace bizy
