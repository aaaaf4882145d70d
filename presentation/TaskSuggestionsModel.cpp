#include "TaskSuggestionsModel.h"

#include "TaskText.h"
#include "assist/AssistantClient.h"
#include "model/Goal.h"
#include "store/StoreClient.h"

#include <QLocale>

namespace bizy {

TaskSuggestionsModel::TaskSuggestionsModel(QObject* parent)
    : QAbstractTableModel(parent) {}

void TaskSuggestionsModel::ask(const AssistantClient& assistant, const Goal& goal, int maxTasks) {
    beginResetModel();
    m_breakdown = {};
    m_checked.clear();
    m_goalUuid = goal.uuid;
    m_error.clear();
    endResetModel();
    const quint64 generation = ++m_generation;
    if (!goal.id) {
        m_error = tr("This goal is not on the server yet. Sync, then ask again.");
        setState(State::Failed);
        return;
    }
    setState(State::Asking);
    assistant.breakDown(*goal.id, maxTasks, this,
                        [this, generation](const Result<GoalBreakdown>& breakdown) {
                            if (generation != m_generation)
                                return;
                            if (!breakdown) {
                                m_error = breakdown.error().message;
                                setState(State::Failed);
                                return;
                            }
                            beginResetModel();
                            m_breakdown = *breakdown;
                            m_checked = QList<bool>(m_breakdown.suggestions.size(), true);
                            endResetModel();
                            setState(State::Ready);
                            emit checkedCountChanged();
                        });
}

void TaskSuggestionsModel::setState(State state) {
    m_state = state;
    emit stateChanged();
}

int TaskSuggestionsModel::checkedCount() const {
    return int(m_checked.count(true));
}

QFuture<Result<QList<Task>>> TaskSuggestionsModel::createChecked(StoreClient* store) const {
    QList<QJsonObject> fields;
    for (qsizetype row = 0; row < m_checked.size(); ++row) {
        if (!m_checked.at(row))
            continue;
        TaskDraft draft = m_breakdown.suggestions.at(row);
        draft.parentGoalUuid = m_goalUuid;
        fields.append(draft.toSyncJson());
    }
    return store->run([fields](LocalStore& local) { return local.createTasks(fields); });
}

int TaskSuggestionsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_breakdown.suggestions.size());
}

int TaskSuggestionsModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TaskSuggestionsModel::headerData(int section, Qt::Orientation orientation,
                                          int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TitleColumn:
        return tr("Task");
    case PriorityColumn:
        return tr("Priority");
    case HoursColumn:
        return tr("Estimate");
    case CategoryColumn:
        return tr("Category");
    }
    return {};
}

QVariant TaskSuggestionsModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TaskDraft& draft = m_breakdown.suggestions.at(index.row());
    if (index.column() == TitleColumn) {
        switch (role) {
        case Qt::DisplayRole:
            return draft.title;
        case Qt::CheckStateRole:
            return m_checked.at(index.row()) ? Qt::Checked : Qt::Unchecked;
        case Qt::ToolTipRole:
            return draft.description.value_or(QString());
        }
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case PriorityColumn:
        return TaskText::priority(draft.priority);
    case HoursColumn:
        return draft.estimatedHours ? tr("%1 h").arg(QLocale().toString(*draft.estimatedHours))
                                    : QString();
    case CategoryColumn:
        return draft.category.value_or(QString());
    }
    return {};
}

bool TaskSuggestionsModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (role != Qt::CheckStateRole || index.column() != TitleColumn ||
        !checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    m_checked[index.row()] = value.value<Qt::CheckState>() == Qt::Checked;
    emit dataChanged(index, index, {Qt::CheckStateRole});
    emit checkedCountChanged();
    return true;
}

Qt::ItemFlags TaskSuggestionsModel::flags(const QModelIndex& index) const {
    if (!index.isValid())
        return Qt::NoItemFlags;
    const Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    return index.column() == TitleColumn ? flags | Qt::ItemIsUserCheckable : flags;
}

} // namespace bizy
