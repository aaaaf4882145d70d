#include "DashboardModel.h"

#include "TaskText.h"
#include "model/IsoDateTime.h"
#include "store/StoreClient.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace bizy {

DashboardModel::DashboardModel(QObject* parent)
    : QObject(parent)
    // The clock the store stamps completions with, in the user's zone.
    , m_clock([] { return IsoDateTime::nowUtc().toLocalTime(); }) {
    m_minute.setInterval(60 * 1000);
    connect(&m_minute, &QTimer::timeout, this, &DashboardModel::refresh);
    m_minute.start();
}

DashboardModel::~DashboardModel() = default;

void DashboardModel::setStore(StoreClient* store) {
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    ++m_generation;
    m_reading = false;
    m_readAgain = false;
    m_loaded = false;
    m_stats = {};
    if (m_store)
        connect(m_store, &StoreClient::changed, this, &DashboardModel::onStoreChanged);
    emit changed();
    refresh();
}

void DashboardModel::setActive(bool active) {
    if (active == m_active)
        return;
    m_active = active;
    // What changed while nobody looked, and the clock, were not followed.
    if (m_active)
        refresh();
}

void DashboardModel::setClock(Clock clock) {
    m_clock = std::move(clock);
}

void DashboardModel::onStoreChanged(const StoreChanges& changes) {
    if (changes.touchesTasks() || changes.touchesGoals())
        refresh();
}

void DashboardModel::refresh() {
    if (!m_store || !m_active)
        return;
    if (m_reading) {
        m_readAgain = true;
        return;
    }
    m_reading = true;
    const quint64 generation = m_generation;
    m_store->run([now = m_clock()](LocalStore& store) { return store.dashboardStats(now); })
        .then(this, [this, generation](const Result<DashboardStats>& stats) {
            if (generation != m_generation)
                return;
            m_reading = false;
            if (!stats) {
                emit errorOccurred(stats.error().message);
            } else if (!m_loaded || *stats != m_stats) {
                m_stats = *stats;
                m_loaded = true;
                emit changed();
            }
            if (std::exchange(m_readAgain, false))
                refresh();
        });
}

QList<DashboardModel::Count> DashboardModel::byStatus() const {
    QList<Count> counts;
    for (TaskStatus status :
         {TaskStatus::Pending, TaskStatus::InProgress, TaskStatus::Blocked, TaskStatus::Completed})
        counts.append({TaskText::status(status), m_stats.tasks.byStatus.value(toString(status))});
    return counts;
}

QList<DashboardModel::Count> DashboardModel::byPriority() const {
    QList<Count> counts;
    for (int priority = 1; priority <= 5; ++priority)
        counts.append({TaskText::priority(priority),
                       m_stats.tasks.byPriority.value(QString::number(priority))});
    return counts;
}

QList<DashboardModel::Count> DashboardModel::byCategory(int shown) const {
    QList<Count> counts;
    for (auto it = m_stats.tasks.byCategory.cbegin(); it != m_stats.tasks.byCategory.cend(); ++it)
        counts.append({it.key() == u"uncategorized" ? tr("No category") : it.key(), it.value()});
    std::stable_sort(counts.begin(), counts.end(),
                     [](const Count& a, const Count& b) { return a.count > b.count; });
    if (counts.size() > shown) {
        Count other{tr("Other"), 0};
        for (qsizetype i = shown; i < counts.size(); ++i)
            other.count += counts.at(i).count;
        counts.resize(shown);
        counts.append(other);
    }
    return counts;
}

} // namespace bizy
