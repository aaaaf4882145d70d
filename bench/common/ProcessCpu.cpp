#include "ProcessCpu.h"

#include <QFile>
#include <QString>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

qint64 statusField(const QByteArray& name) {
    QFile file(u"/proc/self/status"_s);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : file.readAll().split('\n')) {
        if (line.startsWith(QByteArray(name + ':')))
            return line.mid(name.size() + 1).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

} // namespace

ProcessCpu::ProcessCpu(QList<qint64> pids)
    : m_pids(std::move(pids)) {}

double ProcessCpu::totalMs() const {
    double sum = 0;
    for (const qint64 pid : m_pids)
        sum += ofProcessMs(pid);
    return sum;
}

double ProcessCpu::ofProcessMs(qint64 pid) {
    QFile file(u"/proc/%1/stat"_s.arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray stat = file.readAll();
    // The command name may hold spaces and parentheses: fields count from the last ')'.
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return 0;
    // utime and stime are fields 14 and 15 of the whole line, 12 and 13 here (0-based 11, 12).
    const double ticks = double(fields.at(11).toLongLong() + fields.at(12).toLongLong());
    return 1000.0 * ticks / double(sysconf(_SC_CLK_TCK));
}

qint64 ProcessCpu::peakRssKiB() {
    return statusField("VmHWM");
}

qint64 ProcessCpu::rssKiB() {
    return statusField("VmRSS");
}
