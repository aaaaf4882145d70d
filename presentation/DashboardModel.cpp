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
    , m_clock([] { return IsoDateTime::nowUtc().toLocalTime(); })
    , m_read(
          this,
          [this] {
              return [now = m_clock()](LocalStore& store) { return store.dashboardStats(now); };
          },
          [this](const Result<DashboardStats>& stats) { onStatsRead(stats); }) {
    m_minute.setInterval(60 * 1000);
    connect(&m_minute, &QTimer::timeout, this, &DashboardModel::refresh);
    m_minute.start();
}

DashboardModel::~DashboardModel() = default;

void DashboardModel::setStore(StoreClient* store) {
    if (m_read.store())
        disconnect(m_read.store(), nullptr, this, nullptr);
    m_read.setStore(store);
    m_loaded = false;
    m_stats = {};
    if (store)
        connect(store, &StoreClient::changed, this, &DashboardModel::onStoreChanged);
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
    if (m_active)
        m_read.request();
}

void DashboardModel::onStatsRead(const Result<DashboardStats>& stats) {
    if (!stats) {
        emit errorOccurred(stats.error().message);
    } else if (!m_loaded || *stats != m_stats) {
        m_stats = *stats;
        m_loaded = true;
        emit changed();
    }
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
