#include "TaskPage.h"

#include "ActionIcons.h"
#include "GoalTreeModel.h"
#include "QuickAddBar.h"
#include "TaskDialog.h"
#include "TaskFilterBar.h"
#include "TaskListModel.h"
#include "TaskText.h"
#include "UiLog.h"
#include "UndoHistory.h"
#include "store/StoreClient.h"

#include <QAction>
#include <QApplication>
#include <QHeaderView>
#include <QIcon>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>
#include <functional>

using namespace Qt::StringLiterals;

namespace bizy {

TaskPage::TaskPage(const GoalTreeModel* goals, QWidget* parent)
    : QWidget(parent)
    , m_goals(goals)
    , m_model(new TaskListModel(this)) {
    setObjectName(u"taskPage"_s);
    m_model->setMarkIcons(style()->standardIcon(QStyle::SP_MessageBoxWarning),
                          style()->standardIcon(QStyle::SP_DialogApplyButton));
    createActions();
    createLayout();
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &TaskPage::updateShownState);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &TaskPage::updateShownState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &TaskPage::updateShownState);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &TaskPage::updateActions);
    connect(m_model, &TaskListModel::totalCountChanged, this, &TaskPage::updateShownState);
    connect(m_model, &TaskListModel::loaded, this, &TaskPage::updateShownState);
    connect(m_model, &TaskListModel::errorOccurred, this, &TaskPage::updateShownState);
    connect(m_model, &TaskListModel::changeRefused, this, [this](const QString& message) {
        emit errorOccurred(tr("The task could not be changed."), message);
    });
    m_model->setGoals(goals);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &TaskPage::updateActions);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &TaskPage::updateActions);
    updateShownState();
}

void TaskPage::createActions() {
    m_newAction = new QAction(ActionIcons::icon(u"document-new"_s), tr("&New Task..."), this);
    m_newAction->setObjectName(u"newTask"_s);
    m_newAction->setShortcut(QKeySequence::New);
    m_newAction->setToolTip(tr("Add a task (Ctrl+N)"));
    connect(m_newAction, &QAction::triggered, this, &TaskPage::newTask);

    m_editAction = new QAction(ActionIcons::icon(u"document-edit"_s), tr("&Edit Task..."), this);
    m_editAction->setObjectName(u"editTask"_s);
    // Enter edits only while the table has focus; elsewhere it belongs to the editor.
    m_editAction->setShortcuts({QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)});
    m_editAction->setShortcutContext(Qt::WidgetShortcut);
    m_editAction->setToolTip(tr("Edit the selected task (Enter)"));
    connect(m_editAction, &QAction::triggered, this, &TaskPage::editCurrentTask);

    m_completeAction = new QAction(ActionIcons::icon(u"checkbox"_s), tr("&Complete"), this);
    m_completeAction->setObjectName(u"completeTask"_s);
    m_completeAction->setShortcut(Qt::CTRL | Qt::Key_D);
    connect(m_completeAction, &QAction::triggered, this, &TaskPage::toggleSelectedTasksCompleted);

    m_deleteAction = new QAction(ActionIcons::icon(u"edit-delete"_s), tr("&Delete Task..."), this);
    m_deleteAction->setObjectName(u"deleteTask"_s);
    m_deleteAction->setShortcut(QKeySequence::Delete);
    // Del in the search field deletes characters, not tasks.
    m_deleteAction->setShortcutContext(Qt::WidgetShortcut);
    m_deleteAction->setToolTip(tr("Delete the selected task (Del)"));
    connect(m_deleteAction, &QAction::triggered, this, &TaskPage::deleteSelectedTasks);

    m_priorityMenu = new QMenu(tr("Set &Priority"), this);
    m_priorityMenu->setObjectName(u"priorityMenu"_s);
    for (int priority = 1; priority <= 5; ++priority) {
        QAction* action = m_priorityMenu->addAction(TaskText::priority(priority));
        action->setObjectName(u"setPriority%1"_s.arg(priority));
        connect(action, &QAction::triggered, this,
                [this, priority] { setSelectedPriority(priority); });
    }

    // Due dates people set in one go; any other date is the editor's.
    m_dueMenu = new QMenu(tr("Set D&ue Date"), this);
    m_dueMenu->setObjectName(u"dueMenu"_s);
    const auto addDue = [this](const QString& name, const QString& text,
                               std::function<std::optional<QDateTime>()> when) {
        QAction* action = m_dueMenu->addAction(text);
        action->setObjectName(name);
        connect(action, &QAction::triggered, this, [this, when] { setSelectedDueDate(when()); });
    };
    const auto endOfDay = [](int daysFromToday) {
        return std::optional<QDateTime>(
            QDateTime(QDate::currentDate().addDays(daysFromToday), QTime(17, 0)));
    };
    addDue(u"dueToday"_s, tr("&Today"), [endOfDay] { return endOfDay(0); });
    addDue(u"dueTomorrow"_s, tr("T&omorrow"), [endOfDay] { return endOfDay(1); });
    addDue(u"dueNextWeek"_s, tr("&Next Week"), [endOfDay] {
        const int toMonday = 8 - QDate::currentDate().dayOfWeek();
        return endOfDay(toMonday);
    });
    m_dueMenu->addSeparator();
    addDue(u"dueNone"_s, tr("No Due &Date"), [] { return std::optional<QDateTime>(); });

    // Rebuilt each time it opens, so it has the goals as they are now.
    m_goalMenu = new QMenu(tr("&Move to Goal"), this);
    m_goalMenu->setObjectName(u"goalMenu"_s);
    connect(m_goalMenu, &QMenu::aboutToShow, this, &TaskPage::fillGoalMenu);
    fillGoalMenu();

    m_findAction = new QAction(tr("&Find"), this);
    m_findAction->setObjectName(u"findTasks"_s);
    m_findAction->setShortcut(QKeySequence::Find);
    connect(m_findAction, &QAction::triggered, this, [this] {
        emit listWanted();
        m_filterBar->searchField()->setFocus(Qt::ShortcutFocusReason);
        m_filterBar->searchField()->selectAll();
    });

    m_quickAddAction = new QAction(tr("&Quick Add"), this);
    m_quickAddAction->setObjectName(u"quickAddTask"_s);
    m_quickAddAction->setShortcut(Qt::CTRL | Qt::Key_L);
    m_quickAddAction->setToolTip(tr("Type a task in one line (Ctrl+L)"));
    connect(m_quickAddAction, &QAction::triggered, this, [this] {
        emit listWanted();
        m_quickAdd->focusLine();
    });
    addAction(m_quickAddAction); // Ctrl+L works wherever the focus is in the window
}

void TaskPage::createLayout() {
    m_quickAdd = new QuickAddBar(this);
    connect(m_quickAdd, &QuickAddBar::taskCreated, this, [this](const QString& uuid) {
        m_selectWhenShown = uuid;
        updateShownState();
        // Undoable like any new task: the history needs the row as stored.
        if (m_undo && m_store)
            m_store->run([uuid](LocalStore& store) { return store.task(uuid); })
                .then(this, [this](const Result<Task>& task) {
                    if (task && m_undo)
                        m_undo->recordTasks(tr("Quick Add"), {}, {*task});
                });
    });
    connect(m_quickAdd, &QuickAddBar::leaveRequested, this, [this] {
        if (m_stack->currentWidget() == m_view)
            m_view->setFocus();
    });

    m_filterBar = new TaskFilterBar(this);
    connect(m_filterBar, &TaskFilterBar::changed, this, &TaskPage::applyFilter);
    m_filterBar->searchField()->installEventFilter(this);

    m_view = new QTableView(this);
    m_view->setObjectName(u"taskTable"_s);
    m_view->setAccessibleName(tr("Tasks"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    // F2 renames in place; everything else opens the editor.
    m_view->setEditTriggers(QAbstractItemView::EditKeyPressed);
    // Rows drag onto a goal in the sidebar to join it.
    m_view->setDragEnabled(true);
    m_view->setDragDropMode(QAbstractItemView::DragOnly);
    m_view->setDefaultDropAction(Qt::MoveAction);
    m_view->installEventFilter(this);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint& at) {
        QMenu menu(this);
        menu.addActions({m_editAction, m_completeAction});
        menu.addSeparator();
        for (QMenu* bulk : bulkMenus())
            menu.addMenu(bulk);
        menu.addSeparator();
        menu.addAction(m_deleteAction);
        menu.exec(m_view->viewport()->mapToGlobal(at));
    });
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setTabKeyNavigation(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    m_view->addAction(m_editAction);
    m_view->addAction(m_deleteAction);
    connect(m_view, &QAbstractItemView::doubleClicked, this, &TaskPage::editCurrentTask);

    QHeaderView* header = m_view->horizontalHeader();
    header->setHighlightSections(false);
    // Click a column to order by it, again to reverse, a third time for the
    // list order; Goal and Tags only show.
    header->setSortIndicatorClearable(true);
    header->setSortIndicator(-1, Qt::AscendingOrder);
    m_view->setSortingEnabled(true);
    connect(header, &QHeaderView::sortIndicatorChanged, this, [header](int section) {
        if (section >= 0 && !TaskListModel::canSortBy(section))
            header->setSortIndicator(-1, Qt::AscendingOrder);
    });
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(TaskListModel::TitleColumn, QHeaderView::Stretch);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    const QFontMetrics metrics = m_view->fontMetrics();
    const int iconAndPadding = 16 + 28;
    const auto widthFor = [&](const QString& sample) {
        return metrics.horizontalAdvance(sample) + iconAndPadding;
    };
    m_view->setColumnWidth(TaskListModel::PriorityColumn, widthFor(TaskText::priority(5)));
    m_view->setColumnWidth(TaskListModel::StatusColumn,
                           widthFor(TaskText::status(TaskStatus::InProgress)));
    m_view->setColumnWidth(
        TaskListModel::DueColumn,
        widthFor(TaskText::dateTime(QDateTime(QDate(2030, 12, 28), QTime(22, 58), Qt::UTC))));
    m_view->setColumnWidth(TaskListModel::CategoryColumn, metrics.averageCharWidth() * 18);

    m_emptyLabel = new QLabel(this);
    m_emptyLabel->setObjectName(u"emptyHint"_s);
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setWordWrap(true);
    m_emptyLabel->setTextFormat(Qt::PlainText);
    m_emptyLabel->setForegroundRole(QPalette::PlaceholderText);
    QFont hintFont = m_emptyLabel->font();
    hintFont.setPointSizeF(hintFont.pointSizeF() * 1.25);
    m_emptyLabel->setFont(hintFont);

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_emptyLabel);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_quickAdd);
    layout->addWidget(m_filterBar);
    layout->addWidget(m_stack, 1);
    setTabOrder(m_quickAdd, m_filterBar);
    setTabOrder(m_filterBar, m_view);
    setFocusProxy(m_view);
}

void TaskPage::fillGoalMenu() {
    m_goalMenu->clear();
    QAction* none = m_goalMenu->addAction(tr("No Goal"));
    none->setObjectName(u"moveToNoGoal"_s);
    connect(none, &QAction::triggered, this, [this] { moveSelectedToGoal({}); });
    if (!m_goals || m_goals->rowCount() == 0)
        return;
    m_goalMenu->addSeparator();
    const std::function<void(const QModelIndex&, int)> add = [&](const QModelIndex& parent,
                                                                 int depth) {
        for (int row = 0; row < m_goals->rowCount(parent); ++row) {
            const QModelIndex index = m_goals->index(row, GoalTreeModel::TitleColumn, parent);
            const QString uuid = index.data(GoalTreeModel::UuidRole).toString();
            QAction* action =
                m_goalMenu->addAction(QString(depth * 4, u' ') + index.data().toString());
            action->setObjectName(u"moveToGoal_"_s + uuid);
            connect(action, &QAction::triggered, this, [this, uuid] { moveSelectedToGoal(uuid); });
            add(index, depth + 1);
        }
    };
    add({}, 0);
}

QList<QMenu*> TaskPage::bulkMenus() const {
    return {m_priorityMenu, m_dueMenu, m_goalMenu};
}

QList<QAction*> TaskPage::taskActions() const {
    return {m_newAction, m_editAction, m_completeAction, m_deleteAction};
}

void TaskPage::setStore(StoreClient* store) {
    m_store = store;
    if (m_dialog)
        m_dialog->reject(); // its task lives in the store that went
    m_model->setStore(store);
    m_quickAdd->setStore(store);
    m_filterBar->setStore(store);
}

void TaskPage::setScope(const TaskFilter& scope, const QString& title) {
    m_scope = scope;
    m_scopeTitle = title;
    m_filterBar->setScope(scope);
    applyFilter();
}

void TaskPage::restoreSettings() {
    QSettings settings;
    m_view->horizontalHeader()->restoreState(settings.value(u"MainWindow/columns"_s).toByteArray());
}

void TaskPage::saveSettings() const {
    QSettings().setValue(u"MainWindow/columns"_s, m_view->horizontalHeader()->saveState());
}

bool TaskPage::eventFilter(QObject* watched, QEvent* event) {
    // Space in the list completes (or reopens) the selected tasks.
    if (watched == m_view && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent*>(event)->key() == Qt::Key_Space &&
        static_cast<QKeyEvent*>(event)->modifiers() == Qt::NoModifier) {
        toggleSelectedTasksCompleted();
        return true;
    }
    // From the search field, Down goes to the results and Escape clears the search.
    QLineEdit* search = m_filterBar->searchField();
    if (watched == search && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Down && m_model->rowCount() > 0) {
            if (!m_view->currentIndex().isValid())
                m_view->selectRow(0);
            m_view->setFocus(Qt::ShortcutFocusReason);
            return true;
        }
        if (key->key() == Qt::Key_Escape && !search->text().isEmpty()) {
            search->clear();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void TaskPage::applyFilter() {
    const QString uuid = currentUuid();
    TaskFilter filter = m_filterBar->narrowed(m_scope);
    filter.sort = m_model->filter().sort;
    filter.descending = m_model->filter().descending;
    // The selected task stays selected when the new list still has it.
    if (!uuid.isEmpty())
        m_selectWhenShown = uuid;
    m_model->setFilter(filter);
}

QString TaskPage::currentUuid() const {
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.siblingAtColumn(0).data(TaskListModel::UuidRole).toString()
                             : QString();
}

void TaskPage::selectTask(const QString& uuid) {
    const int row = uuid.isEmpty() ? -1 : m_model->rowOf(uuid);
    if (row < 0)
        return;
    m_view->selectRow(row);
    m_view->scrollTo(m_model->index(row, 0));
}

void TaskPage::setListShown(bool shown) {
    m_listShown = shown;
    updateActions();
}

void TaskPage::updateActions() {
    // The selection's actions act only on what the user sees.
    const QList<Task> tasks = m_listShown ? selectedTasks() : QList<Task>();
    const bool hasTask = !tasks.isEmpty();
    m_newAction->setEnabled(m_store != nullptr);
    m_editAction->setEnabled(tasks.size() == 1);
    m_completeAction->setEnabled(hasTask);
    m_deleteAction->setEnabled(hasTask);
    for (QMenu* bulk : bulkMenus())
        bulk->setEnabled(hasTask);
    const bool completed =
        hasTask && std::all_of(tasks.cbegin(), tasks.cend(),
                               [](const Task& task) { return task.isCompleted(); });
    m_completeAction->setText(completed ? tr("&Reopen") : tr("&Complete"));
    m_completeAction->setToolTip(completed ? tr("Mark the selected task as not done (Ctrl+D)")
                                           : tr("Mark the selected task as done (Ctrl+D)"));
}

void TaskPage::updateShownState() {
    if (!m_selectWhenShown.isEmpty() && m_model->rowOf(m_selectWhenShown) >= 0)
        selectTask(std::exchange(m_selectWhenShown, QString()));
    if (!m_view->currentIndex().isValid() && m_model->rowCount() > 0)
        m_view->selectRow(0);
    const qsizetype total = m_model->totalCount();
    emit summaryChanged(tr("%n task(s) shown", nullptr, int(std::max<qsizetype>(total, 0))));
    if (m_model->rowCount() > 0) {
        m_stack->setCurrentWidget(m_view);
    } else if (!m_model->isLoading()) {
        if (!m_model->errorText().isEmpty())
            m_emptyLabel->setText(tr("Your tasks could not be read: %1").arg(m_model->errorText()));
        else if (m_model->storeIsEmpty())
            m_emptyLabel->setText(tr("No tasks yet. Press Ctrl+N to add one."));
        else if (m_filterBar->isNarrowing())
            m_emptyLabel->setText(
                tr("No tasks in \u201c%1\u201d match the search and filters.").arg(m_scopeTitle));
        else
            m_emptyLabel->setText(tr("Nothing in \u201c%1\u201d.").arg(m_scopeTitle));
        m_stack->setCurrentWidget(m_emptyLabel);
    }
    updateActions();
}

void TaskPage::openDialog(TaskDialog* dialog, const std::optional<Task>& original) {
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    connect(dialog, &QDialog::accepted, this, [this, dialog, original] {
        if (const std::optional<Task> saved = dialog->savedTask()) {
            if (m_undo) {
                if (original)
                    m_undo->recordTasks(tr("Edit Task"), {*original}, {*saved});
                else
                    m_undo->recordTasks(tr("New Task"), {}, {*saved});
            }
            m_selectWhenShown = saved->uuid;
            updateShownState();
        }
    });
    // Back to the list, wherever the dialog left the focus.
    connect(dialog, &QDialog::finished, this, [this] { m_view->setFocus(); });
    dialog->open();
}

void TaskPage::setUndoHistory(UndoHistory* history) {
    m_undo = history;
    m_model->setUndoHistory(history);
}

void TaskPage::newTask() {
    if (!m_store)
        return;
    // A task made while a goal is shown belongs to it.
    TaskDraft draft;
    if (m_scope.goalUuid && !m_scope.goalUuid->isEmpty())
        draft.parentGoalUuid = m_scope.goalUuid;
    openDialog(new TaskDialog(m_store, m_goals, std::nullopt, draft, this), std::nullopt);
}

void TaskPage::editCurrentTask() {
    editTask(currentUuid());
}

void TaskPage::editTask(const QString& uuid) {
    if (uuid.isEmpty() || !m_store)
        return;
    // Read afresh: the row may be older than the store (e.g. after a sync).
    m_store->run([uuid](LocalStore& store) { return store.task(uuid); })
        .then(this, [this](const Result<Task>& task) {
            if (!task) {
                emit errorOccurred(tr("The task could not be opened."), task.error().message);
                return;
            }
            if (!m_dialog)
                openDialog(new TaskDialog(m_store, m_goals, *task, {}, this), *task);
        });
}

QStringList TaskPage::selectedUuids() const {
    QStringList uuids;
    const QModelIndexList rows = m_view->selectionModel()->selectedRows(TaskListModel::TitleColumn);
    for (const QModelIndex& row : rows)
        uuids << row.data(TaskListModel::UuidRole).toString();
    if (uuids.isEmpty() && !currentUuid().isEmpty())
        uuids << currentUuid();
    return uuids;
}

QList<Task> TaskPage::selectedTasks() const {
    QList<Task> tasks;
    for (const QString& uuid : selectedUuids())
        if (const std::optional<Task> task = m_model->taskAt(m_model->rowOf(uuid)))
            tasks << *task;
    return tasks;
}

void TaskPage::runBulk(const QString& undoText, const QString& failure, const BulkChange& change,
                       const std::function<void()>& succeeded) {
    const QList<Task> before = selectedTasks();
    if (before.isEmpty() || !m_store)
        return;
    QStringList uuids;
    for (const Task& task : before)
        uuids << task.uuid;
    m_store->run([uuids, change](LocalStore& store) { return change(store, uuids); })
        .then(this, [this, failure, undoText, before, succeeded](const Result<QList<Task>>& after) {
            if (!after) {
                emit errorOccurred(failure, after.error().message);
                return;
            }
            qCInfo(lcUi).noquote() << undoText << "-" << before.size() << "task(s)";
            if (m_undo)
                m_undo->recordTasks(undoText, before, *after);
            updateActions();
            if (succeeded)
                succeeded();
        });
}

void TaskPage::toggleSelectedTasksCompleted() {
    const QList<Task> tasks = selectedTasks();
    if (tasks.isEmpty())
        return;
    // Mixed selections are completed; only an all-done selection is reopened.
    const bool complete = !std::all_of(tasks.cbegin(), tasks.cend(),
                                       [](const Task& task) { return task.isCompleted(); });
    runBulk(complete ? tr("Complete") : tr("Reopen"), tr("The task could not be changed."),
            [complete](LocalStore& store, const QStringList& uuids) {
                return store.setTasksCompleted(uuids, complete);
            });
}

void TaskPage::setSelectedPriority(int priority) {
    TaskPatch patch;
    patch.priority = priority;
    applyPatchToSelection(tr("Set Priority"), patch);
}

void TaskPage::setSelectedDueDate(const std::optional<QDateTime>& due) {
    TaskPatch patch;
    patch.dueDate = due ? std::optional<QDateTime>(due->toUTC()) : std::nullopt;
    applyPatchToSelection(tr("Set Due Date"), patch);
}

void TaskPage::moveSelectedToGoal(const QString& goalUuid) {
    TaskPatch patch;
    patch.parentGoalUuid = goalUuid.isEmpty() ? std::nullopt : std::optional<QString>(goalUuid);
    applyPatchToSelection(tr("Move to Goal"), patch);
}

void TaskPage::applyPatchToSelection(const QString& undoText, const TaskPatch& patch) {
    runBulk(undoText, tr("The tasks could not be changed."),
            [patch](LocalStore& store, const QStringList& uuids) {
                return store.updateTasks(uuids, patch);
            });
}

void TaskPage::deleteSelectedTasks() {
    const QList<Task> tasks = selectedTasks();
    if (tasks.isEmpty() || !m_store)
        return;
    // No question first: Ctrl+Z brings them back, and the status bar says so.
    int row = m_model->rowCount();
    for (const Task& task : tasks)
        row = std::min(row, std::max(m_model->rowOf(task.uuid), 0));
    const QString notice =
        tasks.size() == 1
            ? tr("Deleted \u201c%1\u201d. Ctrl+Z brings it back.").arg(tasks.first().title)
            : tr("Deleted %n task(s). Ctrl+Z brings them back.", nullptr, int(tasks.size()));
    const QString firstUuid = tasks.first().uuid;
    runBulk(
        tr("Delete"), tr("The task could not be deleted."),
        [](LocalStore& store, const QStringList& uuids) -> Result<QList<Task>> {
            if (Status deleted = store.deleteTasks(uuids); !deleted)
                return deleted.error();
            return QList<Task>();
        },
        [this, row, notice, firstUuid] {
            emit noticed(notice);
            // The neighbour is selected once the rows are gone: a large deletion
            // is read back after the change event, a small one is gone already.
            const auto selectNeighbour = [this, row] {
                if (m_model->rowCount() > 0)
                    m_view->selectRow(qMin(row, m_model->rowCount() - 1));
                m_view->setFocus();
            };
            if (m_model->rowOf(firstUuid) < 0)
                selectNeighbour();
            else
                connect(m_model, &QAbstractItemModel::rowsRemoved, this, selectNeighbour,
                        Qt::SingleShotConnection);
        });
}

} // namespace bizy
