#pragma once

#include "model/Task.h"

#include <QByteArray>
#include <QList>

namespace bizy::server {

// Task answers written straight into compact JSON text. It carries the same
// fields and values as Task::toRestJson(), but skips building a QJsonObject per
// task and converting it again: on the task list that conversion was most of
// the server's time per request (see bench/README.md). The fields are the task
// columns' JSON projection (data/TaskColumns, data/JsonText).
namespace TaskJsonWriter {

QByteArray object(const bizy::Task& task);
QByteArray array(const QList<bizy::Task>& tasks);
void append(QByteArray& out, const bizy::Task& task);

} // namespace TaskJsonWriter

} // namespace bizy::server
