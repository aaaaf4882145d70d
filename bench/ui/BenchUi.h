#pragma once

#include <QEventLoop>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QTimer>
#include <functional>

// What bench_ui's parent and children share: clocks, the machine's load, and
// waiting in the event loop (so the heartbeat keeps ticking while they wait).
namespace BenchUi {

[[noreturn]] void die(const QString& message);
// The 1, 5 and 15 minute load averages, as /proc/loadavg says them.
QString loadAverage();
// CPU time of the calling thread and of the whole process.
double threadCpuMs();
double processCpuMs();
// The monotonic clock, the same in every process: spawn times are passed on.
qint64 monotonicNs();
double nowMs();
// Runs the event loop for `ms`.
void pause(int ms);
// One line "RESULT <json>" on stdout, which the parent reads.
void printResult(const QJsonObject& result);

// Runs the event loop until `done()` holds, checked after each `signal` of
// `sender`; false after `timeoutMs`.
template <typename Sender, typename Signal>
bool waitUntil(Sender* sender, Signal signal, const std::function<bool()>& done, int timeoutMs) {
    if (done())
        return true;
    QEventLoop loop;
    QObject::connect(sender, signal, &loop, [&] {
        if (done())
            loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return done();
}

} // namespace BenchUi
