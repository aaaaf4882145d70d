#include "TaskFilterBar.h"

#include "ClearButton.h"
#include "TaskFacets.h"
#include "TaskText.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QSignalBlocker>

using namespace Qt::StringLiterals;

namespace bizy {

namespace {

// Status entries: a status name, or one of these. Every other filter's
// first entry ("any") holds no data.
const QString allTasks = u"all"_s;
const QString openTasks = u"open"_s;

} // namespace

TaskFilterBar::TaskFilterBar(QWidget* parent)
    : QWidget(parent)
    , m_facets(new TaskFacets(this)) {
    setObjectName(u"taskFilterBar"_s);
    m_search = new QLineEdit(this);
    m_search->setObjectName(u"search"_s);
    m_search->setAccessibleName(tr("Search tasks"));
    m_search->setPlaceholderText(tr("Search tasks (Ctrl+F)"));
    ClearButton::enable(m_search);
    m_search->setMinimumWidth(m_search->fontMetrics().averageCharWidth() * 24);
    connect(m_search, &QLineEdit::textChanged, this, &TaskFilterBar::changed);

    m_status = addFilter(u"statusFilter"_s, tr("Show tasks with this status"));
    m_status->addItem(tr("All tasks"), allTasks);
    m_status->addItem(tr("Open tasks"), openTasks);
    for (TaskStatus status :
         {TaskStatus::Pending, TaskStatus::InProgress, TaskStatus::Completed, TaskStatus::Blocked})
        m_status->addItem(TaskText::status(status), toString(status));

    m_priority = addFilter(u"priorityFilter"_s, tr("Show tasks with this priority"));
    m_priority->addItem(tr("Any priority"));
    for (int priority = 1; priority <= 5; ++priority)
        m_priority->addItem(TaskText::priority(priority), priority);

    m_category = addFilter(u"categoryFilter"_s, tr("Show tasks in this category"));
    m_category->addItem(tr("Any category"));
    m_tag = addFilter(u"tagFilter"_s, tr("Show tasks with this tag"));
    m_tag->addItem(tr("Any tag"));
    connect(m_facets, &TaskFacets::changed, this, [this] {
        fill(m_category, m_facets->categories());
        fill(m_tag, m_facets->tags());
    });

    auto* layout = new QHBoxLayout(this);
    // A little air between the window's edge and the search field.
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_search, 1);
    for (QComboBox* filter : {m_status, m_priority, m_category, m_tag})
        layout->addWidget(filter);
    setTabOrder(m_search, m_status);
    setTabOrder(m_status, m_priority);
    setTabOrder(m_priority, m_category);
    setTabOrder(m_category, m_tag);
}

QComboBox* TaskFilterBar::addFilter(const QString& objectName, const QString& accessibleName) {
    auto* combo = new QComboBox(this);
    combo->setObjectName(objectName);
    combo->setAccessibleName(accessibleName);
    combo->setToolTip(accessibleName);
    combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    // A category of a hundred characters must not push the search away.
    combo->setMaximumWidth(combo->fontMetrics().averageCharWidth() * 24);
    connect(combo, &QComboBox::currentIndexChanged, this, &TaskFilterBar::changed);
    return combo;
}

void TaskFilterBar::fill(QComboBox* combo, const QStringList& values) {
    const QSignalBlocker quiet(combo);
    const QString chosen = combo->currentData().toString();
    while (combo->count() > 1)
        combo->removeItem(1);
    QStringList offered = values;
    if (!chosen.isEmpty() && !offered.contains(chosen))
        offered.append(chosen);
    for (const QString& value : std::as_const(offered))
        combo->addItem(value, value);
    combo->setCurrentIndex(chosen.isEmpty() ? 0 : combo->findData(chosen));
}

void TaskFilterBar::setStore(StoreClient* store) {
    {
        // Another store's categories and tags mean nothing here.
        const QSignalBlocker quietCategory(m_category);
        const QSignalBlocker quietTag(m_tag);
        m_category->setCurrentIndex(0);
        m_tag->setCurrentIndex(0);
    }
    m_facets->setStore(store);
    emit changed();
}

void TaskFilterBar::setScope(const TaskFilter& scope) {
    m_status->setEnabled(!scope.status);
    m_priority->setEnabled(!scope.priority);
    m_category->setEnabled(!scope.category);
    m_tag->setEnabled(!scope.tag);
}

TaskFilter TaskFilterBar::narrowed(TaskFilter filter) const {
    const QString search = m_search->text().trimmed();
    if (!search.isEmpty())
        filter.search = search;
    const QString status = m_status->currentData().toString();
    if (filter.status) {
        // The scope's status stands (the filter is disabled then).
    } else if (status == openTasks) {
        filter.includeCompleted = false;
    } else if (status != allTasks) {
        filter.status = taskStatusFromString(status);
    }
    if (!filter.priority && m_priority->currentData().isValid())
        filter.priority = m_priority->currentData().toInt();
    if (!filter.category && m_category->currentData().isValid())
        filter.category = m_category->currentData().toString();
    if (!filter.tag && m_tag->currentData().isValid())
        filter.tag = m_tag->currentData().toString();
    return filter;
}

bool TaskFilterBar::isNarrowing() const {
    return !m_search->text().trimmed().isEmpty() ||
           m_status->currentData().toString() != allTasks || m_priority->currentIndex() > 0 ||
           m_category->currentIndex() > 0 || m_tag->currentIndex() > 0;
}

} // namespace bizy
