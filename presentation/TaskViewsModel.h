#pragma once

#include "LatestRead.h"
#include "store/TaskFilter.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QTimer>
#include <array>

namespace bizy {

class StoreClient;
struct StoreChanges;

// The fixed task views of the sidebar, each with the filter it stands for and how many tasks it
// holds now. The counts are read on the store's worker in one job, again after each change of tasks
// (changes that come while a read runs are folded into one more read) and every minute, since
// "today" and "overdue" move with the clock.
//   Today     open tasks due today      Upcoming  open tasks due in the next 7 days
//   Overdue   open tasks due before now All       every task
//   Completed the completed tasks
class TaskViewsModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum View { Today, Upcoming, Overdue, All, Completed, ViewCount };
    enum Role { CountRole = Qt::UserRole + 1, ViewRole };

    explicit TaskViewsModel(QObject* parent = nullptr);
    ~TaskViewsModel() override;

    void setStore(StoreClient* store);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

    // What `view` shows at `now` (the due views compare with it).
    static TaskFilter filterFor(View view, const QDateTime& now);
    static QString title(View view);
    // -1 until the store answered.
    qsizetype count(View view) const { return m_counts.at(view); }

    // Reads the counts again (the store's change events and the clock call it).
    void refresh();

signals:
    // New counts arrived.
    void countsChanged();
    // The calendar day changed since the last read: the due views show other tasks now.
    void dayChanged();
    void errorOccurred(const QString& message);

private:
    using Counts = std::array<qsizetype, ViewCount>;
    void onStoreChanged(const StoreChanges& changes);
    void onCountsRead(const Result<Counts>& counts);

    LatestRead<Counts> m_read;
    QDateTime m_readAt; // the clock of the latest read
    Counts m_counts;
    QDate m_day;
    QTimer m_clock;
};

} // namespace bizy
