#pragma once

#include "assist/GoalBreakdown.h"

#include <QAbstractTableModel>
#include <QFuture>
#include <QList>

namespace bizy {

class AssistantClient;
class StoreClient;
struct Goal;
struct Task;

// The assistant's task suggestions for one goal, a row each with a checkbox
// on the title (all checked at first; the description is the title's tooltip),
// and the chosen ones created as ordinary tasks of the goal in the local
// store, so they sync like any other.
class TaskSuggestionsModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum class State { Idle, Asking, Ready, Failed };
    enum Column { TitleColumn, PriorityColumn, HoursColumn, CategoryColumn, ColumnCount };

    explicit TaskSuggestionsModel(QObject* parent = nullptr);

    // Asks `assistant` for up to `maxTasks` suggestions for `goal` (which must
    // be on the server: it has an id).
    void ask(const AssistantClient& assistant, const Goal& goal, int maxTasks = 8);
    State state() const { return m_state; }
    // Why the last request failed, in words.
    QString errorText() const { return m_error; }
    QString reasoning() const { return m_breakdown.reasoning; }
    int checkedCount() const;

    // Creates the checked suggestions as tasks of the goal, in one transaction.
    QFuture<Result<QList<Task>>> createChecked(StoreClient* store) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role) override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

signals:
    void stateChanged();
    void checkedCountChanged();

private:
    void setState(State state);

    State m_state = State::Idle;
    QString m_goalUuid;
    GoalBreakdown m_breakdown;
    QList<bool> m_checked;
    QString m_error;
    quint64 m_generation = 0;
};

} // namespace bizy
