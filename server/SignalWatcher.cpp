#include "SignalWatcher.h"

#include <QSocketNotifier>
#include <csignal>
#include <fcntl.h>
#include <unistd.h>

namespace bizy::server {

int SignalWatcher::s_pipe[2] = {-1, -1};
volatile std::sig_atomic_t SignalWatcher::s_requested = 0;

SignalWatcher::SignalWatcher(QObject* parent)
    : QObject(parent) {
    if (::pipe(s_pipe) != 0)
        return;
    ::fcntl(s_pipe[1], F_SETFL, O_NONBLOCK);
    m_notifier = new QSocketNotifier(s_pipe[0], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &SignalWatcher::onReadable);
    struct sigaction action = {};
    action.sa_handler = &SignalWatcher::handle;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);
}

SignalWatcher::~SignalWatcher() {
    std::signal(SIGTERM, SIG_DFL);
    std::signal(SIGINT, SIG_DFL);
    delete m_notifier;
    for (int& fd : s_pipe) {
        if (fd >= 0)
            ::close(fd);
        fd = -1;
    }
}

void SignalWatcher::handle(int signalNumber) {
    s_requested = 1;
    const char byte = char(signalNumber);
    [[maybe_unused]] const auto written = ::write(s_pipe[1], &byte, 1);
}

void SignalWatcher::onReadable() {
    char byte = 0;
    if (::read(s_pipe[0], &byte, 1) == 1)
        emit terminationRequested(int(byte));
}

} // namespace bizy::server
