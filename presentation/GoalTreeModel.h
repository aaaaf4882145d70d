#pragma once

#include "model/Goal.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QPointer>
#include <memory>
#include <vector>

namespace bizy {

class StoreClient;
class UndoHistory;
struct StoreChanges;

// The goal hierarchy of a store (yearly > quarterly > monthly > weekly) as a
// tree, each level in the store's order (target date, no date last, newest
// first), with progress as the store rolls it up. The store's change events
// move, insert and update nodes with row-level signals, so views keep what
// they had expanded and selected. A goal whose parent is not here (yet) sits
// at the top.
class GoalTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column {
        TitleColumn,
        HorizonColumn,
        StatusColumn,
        TargetColumn,
        ProgressColumn,
        ColumnCount
    };
    enum Role { UuidRole = Qt::UserRole + 1, ProgressRole };

    explicit GoalTreeModel(QObject* parent = nullptr);
    ~GoalTreeModel() override;

    void setStore(StoreClient* store);
    // Where moves and renames made here are recorded for undo.
    void setUndoHistory(UndoHistory* history);

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // Goals are dragged by uuid; a drop on a goal puts the dragged goals under
    // it, a drop beside the top level puts them at the top (moveGoal). Tasks
    // dragged from a TaskListModel onto a goal join it (moveTasks).
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    // Renames a goal in place (the title column); the store may refuse the
    // title (errorOccurred), and the tree keeps the old one then.
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    Qt::DropActions supportedDropActions() const override;
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QModelIndexList& indexes) const override;
    bool canDropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                         const QModelIndex& parent) const override;
    bool dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                      const QModelIndex& parent) override;
    static constexpr auto kGoalMimeType = "application/x-bizy-goal-uuids";

    QModelIndex indexOf(const QString& uuid) const;
    std::optional<Goal> goalAt(const QModelIndex& index) const;
    qsizetype goalCount() const { return qsizetype(m_nodes.size()); }

    // Re-parents a goal (empty: to the top). A move under its own descendant
    // is refused by the store with the contract's words (errorOccurred) and
    // nothing changes.
    void moveGoal(const QString& uuid, const QString& newParentUuid);
    // Puts tasks under a goal (empty: under none), as dropping them on it does.
    void moveTasks(const QStringList& taskUuids, const QString& goalUuid);

signals:
    void loaded();
    void errorOccurred(const QString& message);

private:
    struct Node;
    void reload();
    void onStoreChanged(const StoreChanges& changes);
    // Puts a changed goal where it belongs; false when the tree is read again instead.
    bool place(const Goal& goal);
    void detach(Node* node);
    void attach(Node* node, Node* parent);
    // Moves a node under `parent`, at its place among the siblings; false when
    // the tree had to be read again instead.
    bool relocate(Node* node, Node* parent);
    int rowIn(const Node* node) const;
    int insertionRow(const Node* parent, const Goal& goal) const;
    QModelIndex indexOfNode(const Node* node, int column = 0) const;
    Node* nodeOf(const QModelIndex& index) const;

    QPointer<StoreClient> m_store;
    QPointer<UndoHistory> m_undo;
    std::unique_ptr<Node> m_root;
    QHash<QString, Node*> m_nodes;
    std::vector<std::unique_ptr<Node>> m_storage;
    quint64 m_generation = 0;
};

} // namespace bizy
