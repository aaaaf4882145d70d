#include "TaskListModel.h"

#include "GoalTreeModel.h"
#include "PresentationLog.h"
#include "TaskText.h"
#include "UndoHistory.h"
#include "UuidDrag.h"
#include "model/IsoDateTime.h"
#include "store/StoreClient.h"

#include <QBrush>
#include <QFont>
#include <QGuiApplication>
#include <QMimeData>
#include <QPalette>
#include <QSet>
#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;

namespace bizy {

namespace {

constexpr int kClockIntervalMs = 60 * 1000;

QColor overdueColor() {
    return QColor(0xc0, 0x1c, 0x28);
}

// One read of the list: the first rows, how many pass the filter, and
// whether the store holds any task at all.
struct Page {
    QList<Task> rows;
    qsizetype total = 0;
    bool storeEmpty = false;
};

Result<Page> readPage(LocalStore& store, const TaskFilter& filter) {
    Page page;
    Result<QList<Task>> rows = store.tasks(filter);
    if (!rows)
        return rows.error();
    page.rows = std::move(rows).value();
    TaskFilter all = filter;
    all.limit = -1;
    all.offset = 0;
    const Result<qsizetype> total = store.taskCount(all);
    if (!total)
        return total.error();
    page.total = *total;
    if (page.total == 0) {
        const Result<qsizetype> any = store.taskCount();
        if (!any)
            return any.error();
        page.storeEmpty = *any == 0;
    }
    return page;
}

} // namespace

TaskListModel::TaskListModel(QObject* parent)
    : QAbstractTableModel(parent)
    , m_now(IsoDateTime::nowUtc()) {
    // Overdue marks depend on the time of day, not only on edits.
    m_clock.setInterval(kClockIntervalMs);
    connect(&m_clock, &QTimer::timeout, this, [this] {
        m_now = IsoDateTime::nowUtc();
        if (!m_tasks.isEmpty())
            emit dataChanged(index(0, 0), index(int(m_tasks.size()) - 1, ColumnCount - 1));
    });
    m_clock.start();
}

TaskListModel::~TaskListModel() = default;

void TaskListModel::setStore(StoreClient* store) {
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    if (m_store)
        connect(m_store, &StoreClient::changed, this, &TaskListModel::onStoreChanged);
    reload();
}

int TaskListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_tasks.size());
}

int TaskListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TaskListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Task& task = m_tasks.at(index.row());
    const bool overdue = task.isOverdue(m_now);

    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TitleColumn:
            return task.title;
        case PriorityColumn:
            return TaskText::priority(task.priority);
        case StatusColumn:
            return TaskText::status(task.status);
        case DueColumn:
            return task.dueDate ? TaskText::dateTime(*task.dueDate) : QString();
        case CategoryColumn:
            return task.category.value_or(QString());
        case GoalColumn:
            return goalTitle(task);
        case TagsColumn:
            return task.tags.value_or(QStringList()).join(u", "_s);
        }
        break;
    case Qt::EditRole:
        return index.column() == TitleColumn ? QVariant(task.title) : QVariant();
    case Qt::CheckStateRole:
        if (index.column() == TitleColumn)
            return task.isCompleted() ? Qt::Checked : Qt::Unchecked;
        break;
    case Qt::ToolTipRole:
        if (index.column() == TitleColumn && task.description && !task.description->isEmpty())
            return task.description->left(500);
        if (index.column() == DueColumn && overdue)
            return tr("Overdue since %1").arg(TaskText::dateTime(*task.dueDate));
        if (index.column() == StatusColumn && task.isCompleted() && task.completedAt)
            return tr("Completed on %1").arg(TaskText::dateTime(*task.completedAt));
        break;
    case Qt::FontRole:
        if (task.isCompleted() && index.column() == TitleColumn) {
            QFont font;
            font.setStrikeOut(true);
            return font;
        }
        if (overdue && index.column() == DueColumn) {
            QFont font;
            font.setBold(true);
            return font;
        }
        break;
    case Qt::ForegroundRole:
        if (task.isCompleted())
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        if (overdue && index.column() == DueColumn)
            return QBrush(overdueColor());
        break;
    case Qt::DecorationRole:
        if (overdue && index.column() == DueColumn && !m_overdueIcon.isNull())
            return m_overdueIcon;
        if (task.isCompleted() && index.column() == StatusColumn && !m_completedIcon.isNull())
            return m_completedIcon;
        break;
    case Qt::AccessibleDescriptionRole:
        if (overdue)
            return tr("Overdue");
        if (task.isCompleted())
            return tr("Done");
        break;
    case UuidRole:
        return task.uuid;
    case OverdueRole:
        return overdue;
    case CompletedRole:
        return task.isCompleted();
    }
    return {};
}

QString TaskListModel::goalTitle(const Task& task) const {
    if (!task.parentGoalUuid || !m_goals)
        return {};
    const std::optional<Goal> goal = m_goals->goalAt(m_goals->indexOf(*task.parentGoalUuid));
    return goal ? goal->title : QString();
}

void TaskListModel::setGoals(const GoalTreeModel* goals) {
    if (m_goals)
        disconnect(m_goals, nullptr, this, nullptr);
    m_goals = goals;
    const auto goalsChanged = [this] {
        if (!m_tasks.isEmpty())
            emit dataChanged(index(0, GoalColumn), index(int(m_tasks.size()) - 1, GoalColumn),
                             {Qt::DisplayRole});
    };
    if (m_goals) {
        connect(m_goals, &QAbstractItemModel::dataChanged, this, goalsChanged);
        connect(m_goals, &QAbstractItemModel::modelReset, this, goalsChanged);
        connect(m_goals, &QAbstractItemModel::rowsInserted, this, goalsChanged);
        connect(m_goals, &QAbstractItemModel::rowsRemoved, this, goalsChanged);
    }
    goalsChanged();
}

Qt::ItemFlags TaskListModel::flags(const QModelIndex& index) const {
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (!index.isValid())
        return flags;
    flags |= Qt::ItemIsDragEnabled;
    if (index.column() == TitleColumn)
        flags |= Qt::ItemIsUserCheckable | Qt::ItemIsEditable;
    return flags;
}

bool TaskListModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (!m_store || index.column() != TitleColumn ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const Task& task = m_tasks.at(index.row());
    if (role == Qt::CheckStateRole) {
        const bool complete = value.value<Qt::CheckState>() == Qt::Checked;
        if (complete == task.isCompleted())
            return false;
        m_store
            ->run([uuid = task.uuid, complete](LocalStore& store) {
                return complete ? store.completeTask(uuid) : store.uncompleteTask(uuid);
            })
            .then(this, [this, before = task, complete](const Result<Task>& changed) {
                if (!changed) {
                    emit changeRefused(changed.error().message);
                    return;
                }
                if (m_undo)
                    m_undo->recordTasks(complete ? tr("Complete") : tr("Reopen"), {before},
                                        {*changed});
            });
        return true;
    }
    if (role == Qt::EditRole) {
        const QString title = value.toString().trimmed();
        if (title == task.title)
            return false;
        TaskPatch patch;
        patch.title = title;
        m_store
            ->run([uuid = task.uuid, patch](LocalStore& store) {
                return store.updateTask(uuid, patch);
            })
            .then(this, [this, before = task](const Result<Task>& renamed) {
                if (!renamed) {
                    emit changeRefused(renamed.error().message);
                    return;
                }
                if (m_undo)
                    m_undo->recordTasks(tr("Rename"), {before}, {*renamed});
            });
        return true;
    }
    return false;
}

namespace {

std::optional<TaskFilter::Sort> sortOf(int column) {
    switch (column) {
    case TaskListModel::TitleColumn:
        return TaskFilter::Sort::ByTitle;
    case TaskListModel::PriorityColumn:
        return TaskFilter::Sort::ByPriority;
    case TaskListModel::StatusColumn:
        return TaskFilter::Sort::ByStatus;
    case TaskListModel::DueColumn:
        return TaskFilter::Sort::ByDue;
    case TaskListModel::CategoryColumn:
        return TaskFilter::Sort::ByCategory;
    }
    return std::nullopt;
}

} // namespace

bool TaskListModel::canSortBy(int column) {
    return sortOf(column).has_value();
}

void TaskListModel::sort(int column, Qt::SortOrder order) {
    TaskFilter filter = m_filter;
    filter.sort = sortOf(column).value_or(TaskFilter::Sort::ListOrder);
    filter.descending = filter.sort != TaskFilter::Sort::ListOrder && order == Qt::DescendingOrder;
    if (filter.sort == m_filter.sort && filter.descending == m_filter.descending)
        return;
    setFilter(filter);
}

QStringList TaskListModel::mimeTypes() const {
    return {QString::fromLatin1(kTaskMimeType)};
}

QMimeData* TaskListModel::mimeData(const QModelIndexList& indexes) const {
    return UuidDrag::pack(indexes, UuidRole, kTaskMimeType);
}

Qt::DropActions TaskListModel::supportedDragActions() const {
    return Qt::MoveAction;
}

QVariant TaskListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TitleColumn:
        return tr("Title");
    case PriorityColumn:
        return tr("Priority");
    case StatusColumn:
        return tr("Status");
    case DueColumn:
        return tr("Due");
    case CategoryColumn:
        return tr("Category");
    case GoalColumn:
        return tr("Goal");
    case TagsColumn:
        return tr("Tags");
    }
    return {};
}

void TaskListModel::setFilter(const TaskFilter& filter) {
    m_filter = filter;
    reload();
}

std::optional<Task> TaskListModel::taskAt(int row) const {
    if (row < 0 || row >= m_tasks.size())
        return std::nullopt;
    return m_tasks.at(row);
}

void TaskListModel::rebuildIndex() const {
    m_rows.clear();
    m_rows.reserve(m_tasks.size());
    for (int row = 0; row < m_tasks.size(); ++row)
        m_rows.insert(m_tasks.at(row).uuid, row);
    m_rowsStale = false;
}

int TaskListModel::rowOf(const QString& uuid) const {
    if (m_rowsStale)
        rebuildIndex();
    return m_rows.value(uuid, -1);
}

void TaskListModel::setMarkIcons(const QIcon& overdue, const QIcon& completed) {
    m_overdueIcon = overdue;
    m_completedIcon = completed;
    if (!m_tasks.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_tasks.size()) - 1, ColumnCount - 1),
                         {Qt::DecorationRole});
}

TaskFilter TaskListModel::effectiveFilter() const {
    TaskFilter filter = m_filter;
    filter.now = m_now;
    filter.limit = -1;
    filter.offset = 0;
    return filter;
}

void TaskListModel::reload() {
    const quint64 generation = ++m_generation;
    if (!m_store) {
        beginResetModel();
        m_tasks.clear();
        m_rowsStale = true;
        m_total = -1;
        m_loading = false;
        endResetModel();
        emit totalCountChanged(m_total);
        return;
    }
    m_loading = true;
    m_fetching = false;
    m_refreshing = false;
    m_refreshAgain = false;
    TaskFilter filter = effectiveFilter();
    filter.limit = kPageSize;
    m_store->run([filter](LocalStore& store) { return readPage(store, filter); })
        .then(this, [this, generation](const Result<Page>& page) {
            if (generation != m_generation)
                return;
            m_loading = false;
            if (!page) {
                fail(page.error().message);
                emit loaded();
                return;
            }
            m_error.clear();
            beginResetModel();
            m_tasks = page->rows;
            m_rowsStale = true;
            endResetModel();
            m_total = page->total;
            m_storeEmpty = page->storeEmpty;
            emit totalCountChanged(m_total);
            qCDebug(lcPresentation) << "task list loaded:" << m_tasks.size() << "of" << m_total;
            emit loaded();
        });
}

bool TaskListModel::canFetchMore(const QModelIndex& parent) const {
    return !parent.isValid() && m_store && !m_loading && !m_fetching && m_total >= 0 &&
           m_tasks.size() < m_total;
}

void TaskListModel::fetchMore(const QModelIndex& parent) {
    if (!canFetchMore(parent))
        return;
    m_fetching = true;
    TaskFilter filter = effectiveFilter();
    filter.limit = kPageSize;
    filter.offset = int(m_tasks.size());
    const quint64 generation = m_generation;
    m_store->run([filter](LocalStore& store) { return store.tasks(filter); })
        .then(this, [this, generation, offset = filter.offset](const Result<QList<Task>>& rows) {
            appendPage(generation, offset, rows);
        });
}

void TaskListModel::appendPage(quint64 generation, int offset, const Result<QList<Task>>& rows) {
    if (generation != m_generation || !m_fetching)
        return;
    m_fetching = false;
    if (!rows) {
        fail(rows.error().message);
        return;
    }
    // Counted from rows that have changed since: a view asks again.
    if (offset != m_tasks.size())
        return;
    QList<Task> fresh;
    for (const Task& task : *rows) {
        if (rowOf(task.uuid) < 0)
            fresh << task;
    }
    if (fresh.isEmpty())
        return;
    beginInsertRows({}, int(m_tasks.size()), int(m_tasks.size() + fresh.size()) - 1);
    m_tasks << fresh;
    m_rowsStale = true;
    endInsertRows();
}

void TaskListModel::onStoreChanged(const StoreChanges& changes) {
    if (!changes.touchesTasks())
        return;
    // A load under way was posted after this change ran: it has it already.
    if (m_loading)
        return;
    // A page being fetched was counted from rows this change may have moved.
    if (m_fetching) {
        m_fetching = false;
        refreshLoadedRows();
        return;
    }
    // The search's matches only the full-text index knows; a change too large
    // to carry says only that the rows changed; a sync's page is placed in one
    // pass; new rows equal in every key of the list order stand in the order
    // they were stored in, which only the store knows (a change carries its
    // rows in no particular order).
    if (changes.bulk || m_filter.hasSearch() ||
        changes.tasks.size() + changes.removedTasks.size() > kMostRowsPlacedOneByOne ||
        newRowsTie(changes.tasks)) {
        refreshLoadedRows();
        return;
    }
    for (const QString& uuid : changes.removedTasks) {
        if (const int row = rowOf(uuid); row >= 0)
            removeRow(row);
    }
    for (const Task& task : changes.tasks)
        applyChangedTask(task);
    refreshCounts();
}

bool TaskListModel::newRowsTie(const QList<Task>& changed) const {
    TaskFilter filter = m_filter;
    filter.now = m_now;
    QList<Task> fresh;
    for (const Task& task : changed) {
        if (rowOf(task.uuid) < 0 && filter.matches(task))
            fresh << task;
    }
    std::sort(fresh.begin(), fresh.end(),
              [this](const Task& a, const Task& b) { return m_filter.before(a, b); });
    for (qsizetype i = 1; i < fresh.size(); ++i) {
        if (!m_filter.before(fresh.at(i - 1), fresh.at(i)))
            return true;
    }
    return false;
}

int TaskListModel::insertionRow(const Task& task, int ignoringRow) const {
    // Rows equal in every key stay before a new one, as the store orders them.
    int low = 0;
    int high = int(m_tasks.size()) - (ignoringRow >= 0 ? 1 : 0);
    while (low < high) {
        const int middle = (low + high) / 2;
        const int row = ignoringRow >= 0 && middle >= ignoringRow ? middle + 1 : middle;
        if (m_filter.before(task, m_tasks.at(row)))
            high = middle;
        else
            low = middle + 1;
    }
    return low;
}

void TaskListModel::applyChangedTask(const Task& task) {
    const int row = rowOf(task.uuid);
    TaskFilter filter = m_filter;
    filter.now = m_now;
    if (!filter.matches(task)) {
        if (row >= 0)
            removeRow(row);
        return;
    }
    // An edit that keeps the row's place among its neighbours stays put.
    int target = row;
    if (row < 0 || (row > 0 && m_filter.before(task, m_tasks.at(row - 1))) ||
        (row + 1 < m_tasks.size() && m_filter.before(m_tasks.at(row + 1), task)))
        target = insertionRow(task, row);
    const int others = int(m_tasks.size()) - (row >= 0 ? 1 : 0);
    // After every loaded row while more are not loaded yet: it belongs to a
    // later page, which fetchMore() brings.
    if (target == others && m_total > m_tasks.size()) {
        if (row >= 0)
            removeRow(row);
        return;
    }
    if (row < 0) {
        beginInsertRows({}, target, target);
        m_tasks.insert(target, task);
        m_rowsStale = true;
        endInsertRows();
        return;
    }
    if (target != row) {
        beginMoveRows({}, row, row, {}, target > row ? target + 1 : target);
        m_tasks.move(row, target);
        m_rowsStale = true;
        endMoveRows();
    }
    if (!(m_tasks.at(target) == task)) {
        m_tasks[target] = task;
        emit dataChanged(index(target, 0), index(target, ColumnCount - 1));
    }
}

void TaskListModel::removeRow(int row) {
    beginRemoveRows({}, row, row);
    m_tasks.removeAt(row);
    m_rowsStale = true;
    endRemoveRows();
}

void TaskListModel::refreshCounts() {
    if (!m_store)
        return;
    const TaskFilter filter = effectiveFilter();
    const quint64 generation = m_generation;
    m_store
        ->run([filter](LocalStore& store) -> Result<std::pair<qsizetype, qsizetype>> {
            const Result<qsizetype> total = store.taskCount(filter);
            if (!total)
                return total.error();
            const Result<qsizetype> all = store.taskCount();
            if (!all)
                return all.error();
            return std::pair{*total, *all};
        })
        .then(this, [this, generation](const Result<std::pair<qsizetype, qsizetype>>& counts) {
            if (generation != m_generation)
                return;
            if (!counts) {
                fail(counts.error().message);
                return;
            }
            m_storeEmpty = counts->second == 0;
            if (m_total != counts->first) {
                m_total = counts->first;
                emit totalCountChanged(m_total);
            }
        });
}

void TaskListModel::refreshLoadedRows() {
    if (!m_store)
        return;
    // A sync's pages come faster than they can be read back: one read at a
    // time, and one more after it for everything that changed meanwhile.
    if (m_refreshing) {
        m_refreshAgain = true;
        return;
    }
    m_refreshing = true;
    TaskFilter filter = effectiveFilter();
    filter.limit = int(std::max<qsizetype>(kPageSize, m_tasks.size()));
    const quint64 generation = m_generation;
    m_store->run([filter](LocalStore& store) { return readPage(store, filter); })
        .then(this, [this, generation](const Result<Page>& page) {
            if (generation != m_generation)
                return;
            m_refreshing = false;
            if (!page) {
                fail(page.error().message);
            } else {
                m_error.clear();
                applyWanted(page->rows);
                m_storeEmpty = page->storeEmpty;
                if (m_total != page->total) {
                    m_total = page->total;
                    emit totalCountChanged(m_total);
                }
            }
            if (std::exchange(m_refreshAgain, false))
                refreshLoadedRows();
            else if (page)
                emit loaded();
        });
}

void TaskListModel::applyWanted(const QList<Task>& wanted) {
    QHash<QString, int> wantedRows;
    wantedRows.reserve(wanted.size());
    for (int row = 0; row < wanted.size(); ++row)
        wantedRows.insert(wanted.at(row).uuid, row);

    // 1. Rows that no longer belong, bottom up and in contiguous runs.
    for (int last = int(m_tasks.size()) - 1; last >= 0; --last) {
        if (wantedRows.contains(m_tasks.at(last).uuid))
            continue;
        int first = last;
        while (first > 0 && !wantedRows.contains(m_tasks.at(first - 1).uuid))
            --first;
        beginRemoveRows({}, first, last);
        m_tasks.remove(first, last - first + 1);
        m_rowsStale = true;
        endRemoveRows();
        last = first;
    }

    // 2. Walk the wanted order: keep (and refresh), move up, or insert each
    // row. Every row still loaded is wanted, so one not yet placed is below.
    QSet<QString> present;
    present.reserve(m_tasks.size());
    for (const Task& task : std::as_const(m_tasks))
        present.insert(task.uuid);
    for (int row = 0; row < wanted.size(); ++row) {
        const Task& task = wanted.at(row);
        if (row < m_tasks.size() && m_tasks.at(row).uuid == task.uuid) {
            if (!(m_tasks.at(row) == task)) {
                m_tasks[row] = task;
                emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
            }
            continue;
        }
        if (present.contains(task.uuid)) {
            int from = row + 1;
            while (m_tasks.at(from).uuid != task.uuid)
                ++from;
            beginMoveRows({}, from, from, {}, row);
            m_tasks.move(from, row);
            m_rowsStale = true;
            endMoveRows();
            if (!(m_tasks.at(row) == task)) {
                m_tasks[row] = task;
                emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
            }
        } else {
            beginInsertRows({}, row, row);
            m_tasks.insert(row, task);
            m_rowsStale = true;
            endInsertRows();
        }
    }
    qCDebug(lcPresentation) << "task list refreshed:" << m_tasks.size() << "rows";
}

void TaskListModel::fail(const QString& message) {
    qCWarning(lcPresentation).noquote() << "task list:" << message;
    if (message == m_error)
        return;
    m_error = message;
    emit errorOccurred(message);
}

void TaskListModel::setUndoHistory(UndoHistory* history) {
    m_undo = history;
}

} // namespace bizy
