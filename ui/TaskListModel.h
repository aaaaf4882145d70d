#pragma once

#include "model/Task.h"
#include "store/TaskFilter.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QStringList>
#include <QTimer>
#include <optional>

namespace bizy {

class LocalStore;

// The tasks of a LocalStore that pass a TaskFilter, in the store's (the
// contract's) order. Store changes arrive as row-level signals (rowsInserted,
// rowsRemoved, rowsMoved, dataChanged), so views keep their selection and
// scroll position; only a new filter resets the model.
class TaskListModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        TitleColumn,
        PriorityColumn,
        StatusColumn,
        DueColumn,
        CategoryColumn,
        ColumnCount
    };
    enum Role { UuidRole = Qt::UserRole + 1, OverdueRole, CompletedRole };

    explicit TaskListModel(LocalStore* store, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    TaskFilter filter() const { return m_filter; }
    void setFilter(const TaskFilter& filter);

    std::optional<Task> taskAt(int row) const;
    // -1 when the task is not shown.
    int rowOf(const QString& uuid) const;

    // "Now" for the overdue marks; a timer moves it on, tests pin it.
    QDateTime now() const { return m_now; }
    void setNow(const QDateTime& now);

private:
    void reload();
    // Brings m_tasks to the store's current answer with the smallest row signals.
    void applyStoreChange(const QStringList& changedUuids);
    QHash<QString, int> rowsByUuid() const;

    LocalStore* m_store;
    TaskFilter m_filter;
    QList<Task> m_tasks;
    QDateTime m_now;
    bool m_nowPinned = false;
    QTimer m_clock;
};

} // namespace bizy
