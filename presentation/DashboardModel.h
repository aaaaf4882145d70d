#pragma once

#include "LatestRead.h"
#include "store/DashboardStats.h"

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QTimer>
#include <functional>

namespace bizy {

class StoreClient;
struct StoreChanges;

// The dashboard's numbers (DashboardStats) for the page that shows them, read
// on the store's worker in one job: again after each change of tasks or goals
// (changes that come while a read runs are folded into one more read) and
// every minute, since "overdue" and "today" move with the clock. Only while
// active (the page is shown): an inactive model reads nothing, and reads
// afresh when it becomes active again.
class DashboardModel : public QObject {
    Q_OBJECT
public:
    // One labelled number of a chart.
    struct Count {
        QString label;
        qint64 count = 0;
        bool operator==(const Count&) const = default;
    };
    using Clock = std::function<QDateTime()>;

    explicit DashboardModel(QObject* parent = nullptr);
    ~DashboardModel() override;

    void setStore(StoreClient* store);
    void setActive(bool active);
    bool isActive() const { return m_active; }
    // Where "now" comes from, in the user's time zone: the computer's clock
    // unless a test pins it.
    void setClock(Clock clock);

    // False until the store has answered (and again after a switch of store).
    bool isLoaded() const { return m_loaded; }
    const DashboardStats& stats() const { return m_stats; }

    // Pending, In progress, Blocked, Completed; zeros included.
    QList<Count> byStatus() const;
    // 1 - Highest ... 5 - Lowest; zeros included.
    QList<Count> byPriority() const;
    // The `shown` largest categories, most tasks first, the
    // rest summed as "Other"; tasks without a category as "No category".
    // Equal counts keep the categories in alphabetical order.
    QList<Count> byCategory(int shown = 6) const;

    // Reads the numbers again (the store's change events and the clock call it).
    void refresh();

signals:
    // New numbers arrived (or the store went away).
    void changed();
    void errorOccurred(const QString& message);

private:
    void onStoreChanged(const StoreChanges& changes);
    void onStatsRead(const Result<DashboardStats>& stats);

    Clock m_clock;
    LatestRead<DashboardStats> m_read;
    DashboardStats m_stats;
    bool m_loaded = false;
    bool m_active = true;
    QTimer m_minute;
};

} // namespace bizy
