#include "TaskJsonWriter.h"

#include "data/TaskColumns.h"

namespace bizy::server::TaskJsonWriter {

void append(QByteArray& out, const Task& task) {
    taskColumns().appendJson(out, task);
}

QByteArray object(const Task& task) {
    QByteArray out;
    out.reserve(512);
    append(out, task);
    return out;
}

QByteArray array(const QList<Task>& tasks) {
    QByteArray out;
    out.reserve(64 + 520 * tasks.size());
    out.append('[');
    for (qsizetype i = 0; i < tasks.size(); ++i) {
        if (i > 0)
            out.append(',');
        append(out, tasks[i]);
    }
    out.append(']');
    return out;
}

} // namespace bizy::server::TaskJsonWriter
