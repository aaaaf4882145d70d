#pragma once

#include "store/TaskFilter.h"

#include <QWidget>

class QComboBox;
class QLineEdit;

namespace bizy {

class StoreClient;
class TaskFacets;

// The row above the task list that narrows it: a full-text search
// ("search", as you type) and filters for status ("statusFilter"), priority
// ("priorityFilter"), category ("categoryFilter") and tag ("tagFilter"),
// combined with AND. The category and tag filters offer what the store's
// tasks use now (TaskFacets); a chosen value stays chosen when its last task
// goes, so the list never widens by itself.
class TaskFilterBar : public QWidget {
    Q_OBJECT
public:
    explicit TaskFilterBar(QWidget* parent = nullptr);

    // Where the category and tag choices come from (null: none).
    void setStore(StoreClient* store);
    // The list's scope: a filter that the scope already fixes (the Completed
    // view's status) is disabled and left out.
    void setScope(const TaskFilter& scope);
    // `filter` narrowed by the search and every chosen filter.
    TaskFilter narrowed(TaskFilter filter) const;
    // Whether anything is typed or chosen (the empty list then says why).
    bool isNarrowing() const;
    QLineEdit* searchField() const { return m_search; }

signals:
    void changed();

private:
    QComboBox* addFilter(const QString& objectName, const QString& accessibleName);
    // Refills `combo` after "any" with `values`, keeping the chosen one.
    static void fill(QComboBox* combo, const QStringList& values);

    TaskFacets* m_facets;
    QLineEdit* m_search = nullptr;
    QComboBox* m_status = nullptr;
    QComboBox* m_priority = nullptr;
    QComboBox* m_category = nullptr;
    QComboBox* m_tag = nullptr;
};

} // namespace bizy
