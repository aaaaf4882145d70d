#pragma once

#include <QList>

// CPU time (user + system, all threads) of a fixed set of processes, read
// from /proc/<pid>/stat, so a benchmark can say which process a round's time
// went to: the client, bizy-server, or PostgreSQL's backends.
class ProcessCpu {
public:
    explicit ProcessCpu(QList<qint64> pids = {});

    // The sum over the processes in milliseconds; a process that is gone counts 0.
    double totalMs() const;
    bool isEmpty() const { return m_pids.isEmpty(); }

    static double ofProcessMs(qint64 pid);
    // Peak and current resident set of this process (VmHWM, VmRSS) in KiB.
    static qint64 peakRssKiB();
    static qint64 rssKiB();

private:
    QList<qint64> m_pids;
};
