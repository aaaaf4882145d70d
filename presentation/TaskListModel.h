#pragma once

#include "model/Result.h"
#include "model/Task.h"
#include "store/StoreChanges.h"
#include "store/TaskFilter.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QFuture>
#include <QHash>
#include <QIcon>
#include <QList>
#include <QPointer>
#include <QTimer>
#include <optional>

namespace bizy {

class GoalTreeModel;
class StoreClient;
class UndoHistory;

// The tasks of a store that pass a TaskFilter, in the list order, read page
// by page as a view scrolls (canFetchMore/fetchMore), so a store of 100,000
// tasks opens with one page. The store's change events update rows from the
// values they carry, with row-level signals (inserted, removed, moved,
// changed), so views keep their selection and scroll position through syncs;
// while a search is active, or after a change of more than a few rows (a
// sync's page), the loaded rows are read again, one read at a time, and
// compared. Every read runs on the store's worker; a
// read that fails is said (errorOccurred) and leaves the rows as they were.
class TaskListModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        TitleColumn,
        PriorityColumn,
        StatusColumn,
        DueColumn,
        CategoryColumn,
        GoalColumn,
        TagsColumn,
        ColumnCount
    };
    enum Role { UuidRole = Qt::UserRole + 1, OverdueRole, CompletedRole };
    static constexpr int kPageSize = 200;

    explicit TaskListModel(QObject* parent = nullptr);
    ~TaskListModel() override;

    // The store to show (null: nothing).
    void setStore(StoreClient* store);
    // Where the goal column finds goal titles (null: the column stays empty).
    void setGoals(const GoalTreeModel* goals);
    // Where checks and renames made through setData are recorded for undo.
    void setUndoHistory(UndoHistory* history);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    // The title is checkable (done or not) and editable (F2 renames); rows
    // drag as task uuids (onto a goal in the tree).
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    // Checking completes the task, unchecking reopens it, editing the title
    // renames it; the row changes when the store's change event arrives, and
    // a refusal is said (errorOccurred).
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    // Orders the rows by a column (title, priority, status, due date or
    // category; another column, or -1, means the list order), read again
    // from the store in that order.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    static bool canSortBy(int column);
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;
    Qt::DropActions supportedDragActions() const override;
    static constexpr auto kTaskMimeType = "application/x-bizy-task-uuids";
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    TaskFilter filter() const { return m_filter; }
    void setFilter(const TaskFilter& filter);

    std::optional<Task> taskAt(int row) const;
    // -1 when the task is not among the loaded rows.
    int rowOf(const QString& uuid) const;
    // How many tasks pass the filter (-1 until the store answered).
    qsizetype totalCount() const { return m_total; }
    // Whether the store holds no task at all (known after the first load).
    bool storeIsEmpty() const { return m_storeEmpty; }
    bool isLoading() const { return m_loading; }
    QString errorText() const { return m_error; }

    // The icons beside an overdue due date and a done task's status (the
    // widgets' style has them; without a call, no icons).
    void setMarkIcons(const QIcon& overdue, const QIcon& completed);

signals:
    // A load of the rows finished (after a new store or filter, or a refresh).
    void loaded();
    void totalCountChanged(qsizetype total);
    // A read failed: the words to show, once per failure.
    void errorOccurred(const QString& message);
    // The store refused a change made through setData (a check, a rename).
    void changeRefused(const QString& message);

private:
    TaskFilter effectiveFilter() const;
    void reload();
    // A page that fetchMore() read from `offset`.
    void appendPage(quint64 generation, int offset, const Result<QList<Task>>& rows);
    void refreshLoadedRows();
    void refreshCounts();
    void onStoreChanged(const StoreChanges& changes);
    void applyChangedTask(const Task& task);
    // Whether two of the tasks that would be new rows are equal in every key.
    bool newRowsTie(const QList<Task>& changed) const;
    void removeRow(int row);
    // Brings the rows to `wanted` with the smallest row signals.
    void applyWanted(const QList<Task>& wanted);
    int insertionRow(const Task& task, int ignoringRow) const;
    void fail(const QString& message);
    QString goalTitle(const Task& task) const;
    void rebuildIndex() const;

    // Placing a row costs a pass over the loaded rows (its index is rebuilt);
    // a larger change is read again as a whole, in one pass.
    static constexpr qsizetype kMostRowsPlacedOneByOne = 16;

    QPointer<StoreClient> m_store;
    QPointer<const GoalTreeModel> m_goals;
    QPointer<UndoHistory> m_undo;
    TaskFilter m_filter;
    QList<Task> m_tasks;
    mutable QHash<QString, int> m_rows; // uuid -> row, rebuilt when stale
    mutable bool m_rowsStale = true;
    qsizetype m_total = -1;
    bool m_storeEmpty = false;
    bool m_loading = false;
    bool m_fetching = false;
    bool m_refreshing = false;
    bool m_refreshAgain = false; // a change came while the loaded rows were read
    quint64 m_generation = 0;    // answers for an older store or filter are dropped
    QString m_error;
    QDateTime m_now; // for the overdue marks; m_clock moves it on
    QIcon m_overdueIcon;
    QIcon m_completedIcon;
    QTimer m_clock;
};

} // namespace bizy
