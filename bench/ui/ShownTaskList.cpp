#include "ShownTaskList.h"

#include "BenchUi.h"

ShownTaskList::ShownTaskList(bizy::StoreClient* store)
    : m_table(&m_model)
    , m_probe(m_table.viewport()) {
    QObject::connect(&m_model, &bizy::TaskListModel::loaded, &m_model, [this] {
        m_loadedMs = BenchUi::nowMs();
        m_paintedMs = -1;
        m_probe.arm();
    });
    QObject::connect(&m_probe, &PaintProbe::painted, &m_model,
                     [this] { m_paintedMs = BenchUi::nowMs(); });
    m_model.setStore(store);
    m_table.show();
}

bool ShownTaskList::waitShown(double sinceMs, int timeoutMs) {
    return BenchUi::waitUntil(
        &m_probe, &PaintProbe::painted,
        [this, sinceMs] { return m_loadedMs >= sinceMs && m_paintedMs >= m_loadedMs; }, timeoutMs);
}
