#include "TaskSearchModel.h"

#include "store/StoreClient.h"

namespace bizy {

TaskSearchModel::TaskSearchModel(QObject* parent)
    : QAbstractListModel(parent)
    , m_read(
          this,
          [this] {
              TaskFilter filter;
              filter.search = m_text;
              // Room for the excluded ones, which are dropped after the read.
              filter.limit = kShown + int(m_excluded.size());
              return [filter](LocalStore& store) { return store.tasks(filter); };
          },
          [this](const Result<QList<Task>>& tasks) { onRead(tasks); }) {}

void TaskSearchModel::setStore(StoreClient* store) {
    m_read.setStore(store);
    beginResetModel();
    m_tasks.clear();
    endResetModel();
}

void TaskSearchModel::setExcluded(const QStringList& uuids) {
    m_excluded = uuids;
}

void TaskSearchModel::search(const QString& text) {
    m_text = text.trimmed();
    if (m_text.isEmpty()) {
        beginResetModel();
        m_tasks.clear();
        endResetModel();
        emit searched();
        return;
    }
    m_read.request();
}

void TaskSearchModel::onRead(const Result<QList<Task>>& tasks) {
    beginResetModel();
    m_tasks.clear();
    // A read asked for before the text was cleared answers nothing now.
    if (tasks && !m_text.isEmpty()) {
        for (const Task& task : *tasks)
            if (!m_excluded.contains(task.uuid) && m_tasks.size() < kShown)
                m_tasks.append(task);
    }
    endResetModel();
    emit searched();
}

int TaskSearchModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : int(m_tasks.size());
}

QVariant TaskSearchModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Task& task = m_tasks.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        return task.title;
    case UuidRole:
        return task.uuid;
    }
    return {};
}

} // namespace bizy
