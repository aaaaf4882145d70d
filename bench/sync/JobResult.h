#pragma once

#include <QEventLoop>
#include <QFuture>

// The result of a store job, waited for in an event loop: StoreClient finishes
// its futures from this thread's loop, so result() alone would never return.
template <typename T> T resultOf(QFuture<T> future) {
    QEventLoop loop;
    future.then(&loop, [&loop](const T&) { loop.quit(); });
    if (!future.isFinished())
        loop.exec();
    return future.result();
}
