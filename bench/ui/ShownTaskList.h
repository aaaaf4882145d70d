#pragma once

#include "PaintProbe.h"
#include "TaskListModel.h"
#include "TaskTableWindow.h"

namespace bizy {
class StoreClient;
}

// The task list as the window has it: a TaskListModel bound to the store and
// shown in a table, with the times (BenchUi::nowMs()) of its last load and of
// the first paint after it.
class ShownTaskList {
public:
    explicit ShownTaskList(bizy::StoreClient* store);

    bizy::TaskListModel& model() { return m_model; }
    // Waits for a load that ended after `sinceMs` and the paint after it.
    bool waitShown(double sinceMs, int timeoutMs);
    double loadedMs() const { return m_loadedMs; }
    double paintedMs() const { return m_paintedMs; }

private:
    bizy::TaskListModel m_model;
    TaskTableWindow m_table;
    PaintProbe m_probe;
    double m_loadedMs = -1;
    double m_paintedMs = -1;
};
