#include "TaskViewsModel.h"

#include "store/StoreClient.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace bizy {

TaskViewsModel::TaskViewsModel(QObject* parent)
    : QAbstractListModel(parent)
    , m_read(
          this,
          [this] {
              // "Today" and "Overdue" are read against the clock of this read.
              const QDateTime now = QDateTime::currentDateTime();
              m_readAt = now;
              return [now](LocalStore& store) -> Result<Counts> {
                  Counts counts{};
                  for (int view = 0; view < ViewCount; ++view) {
                      const Result<qsizetype> count = store.taskCount(filterFor(View(view), now));
                      if (!count)
                          return count.error();
                      counts[view] = *count;
                  }
                  return counts;
              };
          },
          [this](const Result<Counts>& counts) { onCountsRead(counts); }) {
    m_counts.fill(-1);
    m_clock.setInterval(60 * 1000);
    connect(&m_clock, &QTimer::timeout, this, &TaskViewsModel::refresh);
    m_clock.start();
}

TaskViewsModel::~TaskViewsModel() = default;

TaskFilter TaskViewsModel::filterFor(View view, const QDateTime& now) {
    TaskFilter filter;
    filter.now = now;
    switch (view) {
    case Today:
        filter.due = TaskFilter::Due::Today;
        filter.includeCompleted = false;
        break;
    case Upcoming:
        filter.due = TaskFilter::Due::Upcoming;
        filter.includeCompleted = false;
        break;
    case Overdue:
        filter.due = TaskFilter::Due::Overdue;
        filter.includeCompleted = false;
        break;
    case All:
        break;
    case Completed:
        filter.status = TaskStatus::Completed;
        break;
    case ViewCount:
        break;
    }
    return filter;
}

QString TaskViewsModel::title(View view) {
    switch (view) {
    case Today:
        return tr("Today");
    case Upcoming:
        return tr("Upcoming");
    case Overdue:
        return tr("Overdue");
    case All:
        return tr("All");
    case Completed:
        return tr("Completed");
    case ViewCount:
        break;
    }
    return {};
}

void TaskViewsModel::setStore(StoreClient* store) {
    if (m_read.store())
        disconnect(m_read.store(), nullptr, this, nullptr);
    m_read.setStore(store);
    m_counts.fill(-1);
    if (store)
        connect(store, &StoreClient::changed, this, &TaskViewsModel::onStoreChanged);
    emit dataChanged(index(0), index(ViewCount - 1));
    refresh();
}

void TaskViewsModel::onStoreChanged(const StoreChanges& changes) {
    if (changes.touchesTasks())
        refresh();
}

void TaskViewsModel::refresh() {
    m_read.request();
}

void TaskViewsModel::onCountsRead(const Result<Counts>& counts) {
    if (!counts) {
        emit errorOccurred(counts.error().message);
    } else if (*counts != m_counts) {
        m_counts = *counts;
        emit dataChanged(index(0), index(ViewCount - 1), {Qt::DisplayRole, CountRole});
        emit countsChanged();
    }
    const QDate day = m_readAt.date();
    if (m_day.isValid() && day != m_day)
        emit dayChanged();
    m_day = day;
}

int TaskViewsModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ViewCount;
}

QVariant TaskViewsModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto view = View(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return title(view);
    case Qt::AccessibleTextRole: {
        const qsizetype count = m_counts.at(view);
        // "Overdue, 2": the number a sighted user reads beside the name.
        return count < 0 ? title(view) : tr("%1, %2").arg(title(view), QLocale().toString(count));
    }
    case CountRole:
        return m_counts.at(view);
    case ViewRole:
        return int(view);
    }
    return {};
}

} // namespace bizy
