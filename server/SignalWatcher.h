#pragma once

#include <QObject>
#include <csignal>

class QSocketNotifier;

namespace bizy::server {

// Turns SIGTERM and SIGINT into a Qt signal on the event loop (self-pipe), so
// shutdown runs as ordinary code instead of inside a signal handler.
class SignalWatcher : public QObject {
    Q_OBJECT
public:
    explicit SignalWatcher(QObject* parent = nullptr);
    ~SignalWatcher() override;

    // True once SIGTERM or SIGINT arrived, for code that runs before the event
    // loop (start-up) and so cannot see terminationRequested yet.
    static bool requested() { return s_requested != 0; }

signals:
    void terminationRequested(int signalNumber);

private:
    static void handle(int signalNumber);
    void onReadable();

    static int s_pipe[2];
    static volatile std::sig_atomic_t s_requested;
    QSocketNotifier* m_notifier = nullptr;
};

} // namespace bizy::server
