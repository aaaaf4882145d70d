#include "TaskListModel.h"

#include "TaskText.h"
#include "UiLog.h"
#include "model/IsoDateTime.h"
#include "store/LocalStore.h"

#include <QApplication>
#include <QBrush>
#include <QFont>
#include <QHash>
#include <QPalette>
#include <QSet>
#include <QStyle>

using namespace Qt::StringLiterals;

namespace bizy {

namespace {

constexpr int clockIntervalMs = 60 * 1000;
constexpr qsizetype maxRowLevelChanges = 200;

QColor overdueColor() {
    return QColor(0xc0, 0x1c, 0x28);
}

} // namespace

TaskListModel::TaskListModel(LocalStore* store, QObject* parent)
    : QAbstractTableModel(parent)
    , m_store(store)
    , m_now(IsoDateTime::nowUtc()) {
    connect(m_store, &LocalStore::changed, this, [this](const StoreChanges& changes) {
        if (changes.bulk)
            reload();
        else if (changes.touchesTasks())
            applyStoreChange(changes.taskUuids());
    });
    // Overdue marks depend on the time of day, not only on edits.
    m_clock.setInterval(clockIntervalMs);
    connect(&m_clock, &QTimer::timeout, this, [this] {
        if (!m_nowPinned) {
            m_now = IsoDateTime::nowUtc();
            if (!m_tasks.isEmpty())
                emit dataChanged(index(0, 0), index(int(m_tasks.size()) - 1, ColumnCount - 1));
        }
    });
    m_clock.start();
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
        }
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
            return QApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        if (overdue && index.column() == DueColumn)
            return QBrush(overdueColor());
        break;
    case Qt::DecorationRole:
        if (overdue && index.column() == DueColumn)
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        if (task.isCompleted() && index.column() == StatusColumn)
            return QApplication::style()->standardIcon(QStyle::SP_DialogApplyButton);
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

int TaskListModel::rowOf(const QString& uuid) const {
    for (int row = 0; row < m_tasks.size(); ++row) {
        if (m_tasks.at(row).uuid == uuid)
            return row;
    }
    return -1;
}

void TaskListModel::setNow(const QDateTime& now) {
    m_now = now;
    m_nowPinned = true;
    if (!m_tasks.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_tasks.size()) - 1, ColumnCount - 1));
}

void TaskListModel::reload() {
    beginResetModel();
    TaskFilter filter = m_filter;
    filter.now = m_now;
    m_tasks = m_store->tasks(filter).value_or(QList<Task>());
    endResetModel();
    qCDebug(lcUi) << "task list reloaded:" << m_tasks.size() << "rows";
}

QHash<QString, int> TaskListModel::rowsByUuid() const {
    QHash<QString, int> rows;
    rows.reserve(m_tasks.size());
    for (int row = 0; row < m_tasks.size(); ++row)
        rows.insert(m_tasks.at(row).uuid, row);
    return rows;
}

void TaskListModel::applyStoreChange(const QStringList& changedUuids) {
    // A big batch (a first sync, an import) is cheaper and no less correct as a
    // reset; single edits always get row-level signals.
    if (changedUuids.size() > maxRowLevelChanges) {
        reload();
        return;
    }
    TaskFilter filter = m_filter;
    filter.now = m_now;
    const QList<Task> wanted = m_store->tasks(filter).value_or(QList<Task>());
    const QSet<QString> changed(changedUuids.cbegin(), changedUuids.cend());

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
        endRemoveRows();
        last = first;
    }

    // 2. Edited rows whose sort key changed jump straight to their new place (one
    // rowsMoved), instead of every row in between shifting by one.
    QHash<QString, int> currentRows = rowsByUuid();
    QHash<QString, int> rankAmongShown;
    for (const Task& task : wanted) {
        if (currentRows.contains(task.uuid))
            rankAmongShown.insert(task.uuid, int(rankAmongShown.size()));
    }
    for (const QString& uuid : changedUuids) {
        const int from = currentRows.value(uuid, -1);
        const int to = rankAmongShown.value(uuid, -1);
        if (from < 0 || to < 0 || from == to)
            continue;
        beginMoveRows({}, from, from, {}, to > from ? to + 1 : to);
        m_tasks.move(from, to);
        endMoveRows();
        currentRows = rowsByUuid();
    }

    // 3. Walk the wanted order: keep (and refresh), move up, or insert each row.
    bool currentRowsStale = false;
    for (int row = 0; row < wanted.size(); ++row) {
        const Task& task = wanted.at(row);
        if (row < m_tasks.size() && m_tasks.at(row).uuid == task.uuid) {
            if (changed.contains(task.uuid) && !(m_tasks.at(row) == task)) {
                m_tasks[row] = task;
                emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
            }
            continue;
        }
        if (currentRowsStale) {
            currentRows = rowsByUuid();
            currentRowsStale = false;
        }
        const int from = currentRows.value(task.uuid, -1);
        currentRowsStale = true;
        if (from > row) {
            beginMoveRows({}, from, from, {}, row);
            m_tasks.move(from, row);
            endMoveRows();
            if (!(m_tasks.at(row) == task)) {
                m_tasks[row] = task;
                emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
            }
        } else {
            beginInsertRows({}, row, row);
            m_tasks.insert(row, task);
            endInsertRows();
        }
    }
    qCDebug(lcUi) << "task list updated for" << changedUuids.size() << "changed tasks,"
                  << m_tasks.size() << "rows";
}

} // namespace bizy
