#include "TaskPage.h"

#include "QuickAddBar.h"
#include "TaskDialog.h"
#include "TaskListModel.h"
#include "TaskText.h"
#include "UiLog.h"
#include "store/StoreClient.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIcon>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace bizy {

namespace {

// Status filter entries: a status name, or one of these.
const QString allTasksFilter = u"all"_s;
const QString openTasksFilter = u"open"_s;

QIcon themedIcon(const QString& name, QStyle::StandardPixmap fallback) {
    return QIcon::fromTheme(name, QApplication::style()->standardIcon(fallback));
}

} // namespace

TaskPage::TaskPage(QWidget* parent)
    : QWidget(parent)
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
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &TaskPage::updateActions);
    updateShownState();
}

void TaskPage::createActions() {
    m_newAction =
        new QAction(themedIcon(u"document-new"_s, QStyle::SP_FileIcon), tr("&New Task..."), this);
    m_newAction->setObjectName(u"newTask"_s);
    m_newAction->setShortcut(QKeySequence::New);
    m_newAction->setToolTip(tr("Add a task (Ctrl+N)"));
    connect(m_newAction, &QAction::triggered, this, &TaskPage::newTask);

    m_editAction = new QAction(themedIcon(u"document-edit"_s, QStyle::SP_FileDialogDetailedView),
                               tr("&Edit Task..."), this);
    m_editAction->setObjectName(u"editTask"_s);
    // Enter edits only while the table has focus; elsewhere it belongs to the editor.
    m_editAction->setShortcuts({QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)});
    m_editAction->setShortcutContext(Qt::WidgetShortcut);
    m_editAction->setToolTip(tr("Edit the selected task (Enter)"));
    connect(m_editAction, &QAction::triggered, this, &TaskPage::editCurrentTask);

    m_completeAction =
        new QAction(themedIcon(u"checkbox"_s, QStyle::SP_DialogApplyButton), tr("&Complete"), this);
    m_completeAction->setObjectName(u"completeTask"_s);
    m_completeAction->setShortcut(Qt::CTRL | Qt::Key_D);
    connect(m_completeAction, &QAction::triggered, this, &TaskPage::toggleCurrentTaskCompleted);

    m_deleteAction = new QAction(themedIcon(u"edit-delete"_s, QStyle::SP_TrashIcon),
                                 tr("&Delete Task..."), this);
    m_deleteAction->setObjectName(u"deleteTask"_s);
    m_deleteAction->setShortcut(QKeySequence::Delete);
    // Del in the search field deletes characters, not tasks.
    m_deleteAction->setShortcutContext(Qt::WidgetShortcut);
    m_deleteAction->setToolTip(tr("Delete the selected task (Del)"));
    connect(m_deleteAction, &QAction::triggered, this, &TaskPage::deleteCurrentTask);

    m_findAction = new QAction(tr("&Find"), this);
    m_findAction->setObjectName(u"findTasks"_s);
    m_findAction->setShortcut(QKeySequence::Find);
    connect(m_findAction, &QAction::triggered, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });

    m_quickAddAction = new QAction(tr("&Quick Add"), this);
    m_quickAddAction->setObjectName(u"quickAddTask"_s);
    m_quickAddAction->setShortcut(Qt::CTRL | Qt::Key_L);
    m_quickAddAction->setToolTip(tr("Type a task in one line (Ctrl+L)"));
    connect(m_quickAddAction, &QAction::triggered, this, [this] { m_quickAdd->focusLine(); });
    addAction(m_quickAddAction); // Ctrl+L works wherever the focus is in the window
}

void TaskPage::createLayout() {
    m_quickAdd = new QuickAddBar(this);
    connect(m_quickAdd, &QuickAddBar::taskCreated, this, [this](const QString& uuid) {
        m_selectWhenShown = uuid;
        updateShownState();
    });
    connect(m_quickAdd, &QuickAddBar::leaveRequested, this, [this] {
        if (m_stack->currentWidget() == m_view)
            m_view->setFocus();
    });

    m_search = new QLineEdit(this);
    m_search->setObjectName(u"search"_s);
    m_search->setAccessibleName(tr("Search tasks"));
    m_search->setPlaceholderText(tr("Search tasks (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(m_search->fontMetrics().averageCharWidth() * 30);
    connect(m_search, &QLineEdit::textChanged, this, &TaskPage::applyFilter);
    m_search->installEventFilter(this);

    m_statusFilter = new QComboBox(this);
    m_statusFilter->setObjectName(u"statusFilter"_s);
    m_statusFilter->setAccessibleName(tr("Show tasks with this status"));
    m_statusFilter->setToolTip(tr("Show tasks with this status"));
    m_statusFilter->addItem(tr("All tasks"), allTasksFilter);
    m_statusFilter->addItem(tr("Open tasks"), openTasksFilter);
    for (TaskStatus status :
         {TaskStatus::Pending, TaskStatus::InProgress, TaskStatus::Completed, TaskStatus::Blocked})
        m_statusFilter->addItem(TaskText::status(status), toString(status));
    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, &TaskPage::applyFilter);

    m_view = new QTableView(this);
    m_view->setObjectName(u"taskTable"_s);
    m_view->setAccessibleName(tr("Tasks"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
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

    auto* bar = new QHBoxLayout;
    // A little air between the window's edge and the search field.
    bar->setContentsMargins(4, 4, 4, 4);
    bar->addWidget(m_search, 1);
    bar->addWidget(m_statusFilter);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_quickAdd);
    layout->addLayout(bar);
    layout->addWidget(m_stack, 1);
    setTabOrder(m_quickAdd, m_search);
    setTabOrder(m_search, m_statusFilter);
    setTabOrder(m_statusFilter, m_view);
    setFocusProxy(m_view);
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
}

void TaskPage::restoreSettings() {
    QSettings settings;
    m_view->horizontalHeader()->restoreState(settings.value(u"MainWindow/columns"_s).toByteArray());
}

void TaskPage::saveSettings() const {
    QSettings().setValue(u"MainWindow/columns"_s, m_view->horizontalHeader()->saveState());
}

bool TaskPage::eventFilter(QObject* watched, QEvent* event) {
    // From the search field, Down goes to the results and Escape clears the search.
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Down && m_model->rowCount() > 0) {
            if (!m_view->currentIndex().isValid())
                m_view->selectRow(0);
            m_view->setFocus(Qt::ShortcutFocusReason);
            return true;
        }
        if (key->key() == Qt::Key_Escape && !m_search->text().isEmpty()) {
            m_search->clear();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void TaskPage::applyFilter() {
    const QString uuid = currentUuid();
    TaskFilter filter;
    const QString search = m_search->text().trimmed();
    if (!search.isEmpty())
        filter.search = search;
    const QString status = m_statusFilter->currentData().toString();
    if (status == openTasksFilter)
        filter.includeCompleted = false;
    else if (status != allTasksFilter)
        filter.status = taskStatusFromString(status);
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

void TaskPage::updateActions() {
    const QModelIndex current = m_view->currentIndex();
    const std::optional<Task> task = m_model->taskAt(current.isValid() ? current.row() : -1);
    const bool hasTask = task.has_value();
    m_newAction->setEnabled(m_store != nullptr);
    m_editAction->setEnabled(hasTask);
    m_completeAction->setEnabled(hasTask);
    m_deleteAction->setEnabled(hasTask);
    const bool completed = hasTask && task->isCompleted();
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
        else
            m_emptyLabel->setText(tr("No tasks match the search or the status filter."));
        m_stack->setCurrentWidget(m_emptyLabel);
    }
    updateActions();
}

void TaskPage::openDialog(TaskDialog* dialog) {
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (const std::optional<Task> saved = dialog->savedTask()) {
            m_selectWhenShown = saved->uuid;
            updateShownState();
        }
    });
    dialog->open();
}

void TaskPage::newTask() {
    if (m_store)
        openDialog(new TaskDialog(m_store, std::nullopt, this));
}

void TaskPage::editCurrentTask() {
    const QString uuid = currentUuid();
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
                openDialog(new TaskDialog(m_store, *task, this));
        });
}

void TaskPage::toggleCurrentTaskCompleted() {
    const QModelIndex current = m_view->currentIndex();
    const std::optional<Task> task = m_model->taskAt(current.isValid() ? current.row() : -1);
    if (!task || !m_store)
        return;
    const bool completed = task->isCompleted();
    m_store
        ->run([uuid = task->uuid, completed](LocalStore& store) {
            return completed ? store.uncompleteTask(uuid) : store.completeTask(uuid);
        })
        .then(this, [this](const Result<Task>& result) {
            if (!result) {
                emit errorOccurred(tr("The task could not be changed."), result.error().message);
                return;
            }
            qCInfo(lcUi).noquote()
                << (result->isCompleted() ? "task completed:" : "task reopened:") << result->uuid;
            selectTask(result->uuid);
            updateActions();
        });
}

void TaskPage::deleteCurrentTask() {
    const QModelIndex current = m_view->currentIndex();
    const std::optional<Task> task = m_model->taskAt(current.isValid() ? current.row() : -1);
    if (!task || !m_store)
        return;
    auto* box = new QMessageBox(QMessageBox::Question, tr("Delete Task"),
                                tr("Delete the task \u201c%1\u201d?").arg(task->title),
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(u"confirmDelete"_s);
    box->setInformativeText(tr("This cannot be undone."));
    box->button(QMessageBox::Yes)->setText(tr("&Delete"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    const QString uuid = task->uuid;
    connect(box, &QMessageBox::finished, this, [this, box, uuid] {
        if (box->clickedButton() != box->button(QMessageBox::Yes) || !m_store)
            return;
        const int row = m_model->rowOf(uuid);
        m_store->run([uuid](LocalStore& store) { return store.deleteTask(uuid); })
            .then(this, [this, uuid, row](const Status& deleted) {
                if (!deleted) {
                    emit errorOccurred(tr("The task could not be deleted."),
                                       deleted.error().message);
                    return;
                }
                qCInfo(lcUi).noquote() << "task deleted:" << uuid;
                if (m_model->rowCount() > 0)
                    m_view->selectRow(qMin(row, m_model->rowCount() - 1));
                m_view->setFocus();
            });
    });
    box->open();
}

} // namespace bizy
