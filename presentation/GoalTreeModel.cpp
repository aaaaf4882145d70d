#include "GoalTreeModel.h"

#include "GoalText.h"
#include "TaskListModel.h"
#include "TaskText.h"
#include "UndoHistory.h"
#include "UuidDrag.h"
#include "store/StoreClient.h"

#include <QLocale>
#include <QMimeData>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace bizy {

struct GoalTreeModel::Node {
    Goal goal;
    Node* parent = nullptr;
    QList<Node*> children;
};

namespace {

// The store's order of goals: target date, no date last, newest first.
bool goalBefore(const Goal& a, const Goal& b) {
    if (a.targetDate != b.targetDate) {
        if (!a.targetDate || !b.targetDate)
            return a.targetDate.has_value();
        return *a.targetDate < *b.targetDate;
    }
    return a.createdAt > b.createdAt;
}

} // namespace

GoalTreeModel::GoalTreeModel(QObject* parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>()) {}

GoalTreeModel::~GoalTreeModel() = default;

void GoalTreeModel::setStore(StoreClient* store) {
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_store = store;
    if (m_store)
        connect(m_store, &StoreClient::changed, this, &GoalTreeModel::onStoreChanged);
    reload();
}

void GoalTreeModel::reload() {
    const quint64 generation = ++m_generation;
    const auto rebuild = [this](const QList<Goal>& goals) {
        beginResetModel();
        m_root = std::make_unique<Node>();
        m_nodes.clear();
        m_storage.clear();
        for (const Goal& goal : goals) {
            m_storage.push_back(std::make_unique<Node>(Node{goal, nullptr, {}}));
            m_nodes.insert(goal.uuid, m_storage.back().get());
        }
        // In store order, so each level comes out ordered.
        for (const Goal& goal : goals) {
            Node* node = m_nodes.value(goal.uuid);
            Node* parent = goal.parentGoalUuid ? m_nodes.value(*goal.parentGoalUuid) : nullptr;
            node->parent = parent ? parent : m_root.get();
            node->parent->children << node;
        }
        endResetModel();
        emit loaded();
    };
    if (!m_store) {
        rebuild({});
        return;
    }
    m_store->run([](LocalStore& store) { return store.goals(); })
        .then(this, [this, generation, rebuild](const Result<QList<Goal>>& goals) {
            if (generation != m_generation)
                return;
            if (!goals) {
                emit errorOccurred(goals.error().message);
                return;
            }
            rebuild(*goals);
        });
}

void GoalTreeModel::onStoreChanged(const StoreChanges& changes) {
    if (!changes.touchesGoals())
        return;
    if (changes.bulk) {
        reload();
        return;
    }
    for (const QString& uuid : changes.removedGoals) {
        Node* node = m_nodes.value(uuid);
        if (!node)
            continue;
        // Its children come back in the same change, without a parent.
        const QList<Node*> children = node->children;
        for (Node* child : children) {
            if (!relocate(child, m_root.get()))
                return;
        }
        detach(node);
        m_nodes.remove(uuid);
    }
    for (const Goal& goal : changes.goals) {
        if (!place(goal))
            return;
    }
}

bool GoalTreeModel::place(const Goal& goal) {
    Node* node = m_nodes.value(goal.uuid);
    Node* parent = goal.parentGoalUuid ? m_nodes.value(*goal.parentGoalUuid) : nullptr;
    if (!parent || parent == node)
        parent = m_root.get();
    if (!node) {
        m_storage.push_back(std::make_unique<Node>(Node{goal, nullptr, {}}));
        node = m_storage.back().get();
        m_nodes.insert(goal.uuid, node);
        attach(node, parent);
        // Goals that arrived before it and wait at the top come under it.
        const QList<Node*> waiting = m_root->children;
        for (Node* other : waiting) {
            if (other != node && other->goal.parentGoalUuid == goal.uuid && !relocate(other, node))
                return false;
        }
        return true;
    }
    node->goal = goal;
    if (!relocate(node, parent))
        return false;
    emit dataChanged(indexOfNode(node, 0), indexOfNode(node, ColumnCount - 1));
    return true;
}

bool GoalTreeModel::relocate(Node* node, Node* parent) {
    Node* from = node->parent;
    const int fromRow = rowIn(node);
    QList<Node*> siblings = parent->children;
    if (parent == from)
        siblings.removeAt(fromRow);
    const auto it = std::upper_bound(
        siblings.cbegin(), siblings.cend(), node->goal,
        [](const Goal& value, const Node* child) { return goalBefore(value, child->goal); });
    const int toRow = int(it - siblings.cbegin());
    if (parent == from && toRow == fromRow)
        return true;
    // A change that moves several goals can pass through a loop on its way
    // (two goals swapping places): then the tree is read again whole.
    if (!beginMoveRows(indexOfNode(from), fromRow, fromRow, indexOfNode(parent),
                       parent == from && toRow > fromRow ? toRow + 1 : toRow)) {
        reload();
        return false;
    }
    from->children.removeAt(fromRow);
    parent->children.insert(toRow, node);
    node->parent = parent;
    endMoveRows();
    return true;
}

void GoalTreeModel::detach(Node* node) {
    Node* parent = node->parent;
    const int row = int(parent->children.indexOf(node));
    beginRemoveRows(indexOfNode(parent), row, row);
    parent->children.removeAt(row);
    node->parent = nullptr;
    endRemoveRows();
}

void GoalTreeModel::attach(Node* node, Node* parent) {
    const int row = insertionRow(parent, node->goal);
    beginInsertRows(indexOfNode(parent), row, row);
    parent->children.insert(row, node);
    node->parent = parent;
    endInsertRows();
}

int GoalTreeModel::insertionRow(const Node* parent, const Goal& goal) const {
    const auto it = std::upper_bound(
        parent->children.cbegin(), parent->children.cend(), goal,
        [](const Goal& value, const Node* child) { return goalBefore(value, child->goal); });
    return int(it - parent->children.cbegin());
}

int GoalTreeModel::rowIn(const Node* node) const {
    return node->parent ? int(node->parent->children.indexOf(node)) : 0;
}

QModelIndex GoalTreeModel::indexOfNode(const Node* node, int column) const {
    if (!node || node == m_root.get())
        return {};
    return createIndex(rowIn(node), column, const_cast<Node*>(node));
}

GoalTreeModel::Node* GoalTreeModel::nodeOf(const QModelIndex& index) const {
    return index.isValid() ? static_cast<Node*>(index.internalPointer()) : m_root.get();
}

QModelIndex GoalTreeModel::index(int row, int column, const QModelIndex& parent) const {
    const Node* node = nodeOf(parent);
    if (row < 0 || row >= node->children.size() || column < 0 || column >= ColumnCount)
        return {};
    return createIndex(row, column, node->children.at(row));
}

QModelIndex GoalTreeModel::parent(const QModelIndex& child) const {
    if (!child.isValid())
        return {};
    return indexOfNode(nodeOf(child)->parent);
}

int GoalTreeModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(nodeOf(parent)->children.size());
}

int GoalTreeModel::columnCount(const QModelIndex&) const {
    return ColumnCount;
}

QVariant GoalTreeModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Goal& goal = nodeOf(index)->goal;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TitleColumn:
            return goal.title;
        case HorizonColumn:
            return GoalText::horizon(goal.horizon);
        case StatusColumn:
            return GoalText::status(goal.status);
        case TargetColumn:
            return goal.targetDate ? TaskText::date(*goal.targetDate) : QString();
        case ProgressColumn:
            return tr("%1 %").arg(QLocale().toString(goal.progressPercentage, 'f', 0));
        }
        break;
    case Qt::EditRole:
        return index.column() == TitleColumn ? QVariant(goal.title) : QVariant();
    case Qt::ToolTipRole: {
        // A narrow view shows title and progress; the rest is in the tip.
        QStringList lines{goal.title, GoalText::horizon(goal.horizon) + u" \u00b7 "_s +
                                          GoalText::status(goal.status)};
        if (goal.targetDate)
            lines << tr("Target date: %1").arg(TaskText::date(*goal.targetDate));
        if (goal.description && !goal.description->isEmpty())
            lines << goal.description->left(500);
        return lines.join(u'\n');
    }
    case UuidRole:
        return goal.uuid;
    case ProgressRole:
        return goal.progressPercentage;
    }
    return {};
}

QVariant GoalTreeModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TitleColumn:
        return tr("Goal");
    case HorizonColumn:
        return tr("Horizon");
    case StatusColumn:
        return tr("Status");
    case TargetColumn:
        return tr("Target date");
    case ProgressColumn:
        return tr("Progress");
    }
    return {};
}

Qt::ItemFlags GoalTreeModel::flags(const QModelIndex& index) const {
    if (!index.isValid())
        return Qt::ItemIsDropEnabled; // the top level
    const Qt::ItemFlags flags =
        Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled | Qt::ItemIsDropEnabled;
    return index.column() == TitleColumn ? flags | Qt::ItemIsEditable : flags;
}

bool GoalTreeModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (role != Qt::EditRole || index.column() != TitleColumn || !m_store ||
        !checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    const Goal& goal = nodeOf(index)->goal;
    const QString title = value.toString().trimmed();
    if (title == goal.title)
        return false;
    GoalPatch patch;
    patch.title = title;
    m_store
        ->run(
            [uuid = goal.uuid, patch](LocalStore& store) { return store.updateGoal(uuid, patch); })
        .then(this, [this, before = goal](const Result<Goal>& renamed) {
            if (!renamed) {
                emit errorOccurred(renamed.error().message);
                return;
            }
            if (m_undo)
                m_undo->recordGoals(tr("Rename Goal"), {before}, {*renamed});
        });
    // The new title shows when the store's change event brings it.
    return true;
}

Qt::DropActions GoalTreeModel::supportedDropActions() const {
    return Qt::MoveAction;
}

QStringList GoalTreeModel::mimeTypes() const {
    return {QString::fromLatin1(kGoalMimeType), QString::fromLatin1(TaskListModel::kTaskMimeType)};
}

QMimeData* GoalTreeModel::mimeData(const QModelIndexList& indexes) const {
    return UuidDrag::pack(indexes, UuidRole, kGoalMimeType);
}

namespace {

QStringList draggedGoals(const QMimeData* data) {
    return UuidDrag::unpack(data, GoalTreeModel::kGoalMimeType);
}

QStringList draggedTasks(const QMimeData* data) {
    return UuidDrag::unpack(data, TaskListModel::kTaskMimeType);
}

} // namespace

bool GoalTreeModel::canDropMimeData(const QMimeData* data, Qt::DropAction action, int, int,
                                    const QModelIndex& parent) const {
    // A move under a goal's own descendant is let through: the store refuses
    // it with the contract's words, which say more than a forbidden cursor.
    if (action != Qt::MoveAction)
        return false;
    // Tasks go onto a goal; goals onto a goal or the top level.
    if (!draggedTasks(data).isEmpty())
        return parent.isValid();
    return !draggedGoals(data).isEmpty();
}

bool GoalTreeModel::dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                                 const QModelIndex& parent) {
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    // Siblings are ordered by target date, so a drop between two rows means
    // "under their parent", the same as a drop on it.
    const QString newParent = parent.isValid() ? nodeOf(parent)->goal.uuid : QString();
    if (const QStringList tasks = draggedTasks(data); !tasks.isEmpty()) {
        moveTasks(tasks, newParent);
        return false;
    }
    for (const QString& uuid : draggedGoals(data)) {
        const Node* node = m_nodes.value(uuid);
        if (!node)
            continue;
        const QString oldParent =
            node->parent == m_root.get() ? QString() : node->parent->goal.uuid;
        if (oldParent != newParent)
            moveGoal(uuid, newParent);
    }
    // The tree follows the store's change event; the view removes nothing itself.
    return false;
}

QModelIndex GoalTreeModel::indexOf(const QString& uuid) const {
    return indexOfNode(m_nodes.value(uuid));
}

std::optional<Goal> GoalTreeModel::goalAt(const QModelIndex& index) const {
    if (!index.isValid())
        return std::nullopt;
    return nodeOf(index)->goal;
}

void GoalTreeModel::moveTasks(const QStringList& taskUuids, const QString& goalUuid) {
    if (!m_store)
        return;
    TaskPatch patch;
    patch.parentGoalUuid = goalUuid.isEmpty() ? std::nullopt : std::optional<QString>(goalUuid);
    using Moved = Result<std::pair<QList<Task>, QList<Task>>>;
    m_store
        ->run([taskUuids, patch](LocalStore& store) -> Moved {
            QList<Task> before;
            for (const QString& uuid : taskUuids) {
                Result<Task> task = store.task(uuid);
                if (!task)
                    return task.error();
                before << *task;
            }
            Result<QList<Task>> after = store.updateTasks(taskUuids, patch);
            if (!after)
                return after.error();
            return std::pair(before, *after);
        })
        .then(this, [this](const Moved& moved) {
            if (!moved) {
                emit errorOccurred(moved.error().message);
                return;
            }
            if (m_undo)
                m_undo->recordTasks(tr("Move to Goal"), moved->first, moved->second);
        });
}

void GoalTreeModel::moveGoal(const QString& uuid, const QString& newParentUuid) {
    const Node* node = m_nodes.value(uuid);
    if (!m_store || !node)
        return;
    m_store
        ->run([uuid, newParentUuid](LocalStore& store) {
            return store.moveGoal(uuid, newParentUuid);
        })
        .then(this, [this, before = node->goal](const Result<Goal>& moved) {
            if (!moved) {
                emit errorOccurred(moved.error().message);
                return;
            }
            if (m_undo)
                m_undo->recordGoals(tr("Move Goal"), {before}, {*moved});
        });
}

void GoalTreeModel::setUndoHistory(UndoHistory* history) {
    m_undo = history;
}

} // namespace bizy
