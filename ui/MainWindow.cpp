#include "MainWindow.h"

#include "ConflictsDialog.h"
#include "SyncStatusWidget.h"
#include "TaskDialog.h"
#include "TaskListModel.h"
#include "TaskText.h"
#include "UiLog.h"
#include "auth/Session.h"
#include "store/LocalStore.h"
#include "sync/SyncEngine.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QHeaderView>
#include <QIcon>
#include <QKeyEvent>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>

using namespace Qt::StringLiterals;

// The icon lives in this static library; Q_INIT_RESOURCE keeps the linker from
// dropping it, and must be called outside any namespace.
static void initUiResources() {
    static bool initialized = false;
    if (!initialized) {
        Q_INIT_RESOURCE(bizy);
        initialized = true;
    }
}

namespace bizy {

namespace {

// Status filter entries: a status name, or one of these.
const QString allTasksFilter = u"all"_s;
const QString openTasksFilter = u"open"_s;

QIcon themedIcon(const QString& name, QStyle::StandardPixmap fallback) {
    return QIcon::fromTheme(name, QApplication::style()->standardIcon(fallback));
}

} // namespace

MainWindow::MainWindow(LocalStore* store, QWidget* parent)
    : QMainWindow(parent)
    , m_store(store) {
    initUiResources();
    setWindowTitle(tr("Bizy"));
    setWindowIcon(QIcon(u":/bizy/icons/bizy.svg"_s));
    m_model = new TaskListModel(m_store, this);

    createActions();
    createCentralArea();
    createToolBarAndMenus();

    m_shownLabel = new QLabel(this);
    m_pendingLabel = new QLabel(this);
    m_syncStatus = new SyncStatusWidget(m_store, this);
    statusBar()->addWidget(m_shownLabel);
    statusBar()->addPermanentWidget(m_syncStatus);
    statusBar()->addPermanentWidget(m_pendingLabel);
    connect(m_syncStatus, &SyncStatusWidget::conflictsRequested, this, &MainWindow::showConflicts);
    connect(m_store, &LocalStore::changed, this, [this](const StoreChanges& changes) {
        if (changes.pendingCount)
            updatePending(*changes.pendingCount);
        if (changes.conflictCount)
            updateSyncActions();
        // Said once when they arrive; the status bar button stays until they are handled.
        if (changes.conflictsAdded > 0)
            statusBar()->showMessage(tr("%n change(s) did not survive sync. See Sync > Conflicts.",
                                        nullptr, changes.conflictsAdded),
                                     15000);
    });

    connect(m_model, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateShownState);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateShownState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &MainWindow::updateShownState);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &MainWindow::updateActions);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::updateActions);

    restoreSettings();
    updateShownState();
    updatePending(m_store->pendingCount().value_or(0));
    updateSyncActions();
    if (m_model->rowCount() > 0)
        m_view->selectRow(0);
    m_view->setFocus();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions() {
    m_newAction =
        new QAction(themedIcon(u"document-new"_s, QStyle::SP_FileIcon), tr("&New Task..."), this);
    m_newAction->setObjectName(u"newTask"_s);
    m_newAction->setShortcut(QKeySequence::New);
    m_newAction->setToolTip(tr("Add a task (Ctrl+N)"));
    connect(m_newAction, &QAction::triggered, this, &MainWindow::newTask);

    m_editAction = new QAction(themedIcon(u"document-edit"_s, QStyle::SP_FileDialogDetailedView),
                               tr("&Edit Task..."), this);
    m_editAction->setObjectName(u"editTask"_s);
    // Enter edits only while the table has focus; elsewhere it belongs to the editor.
    m_editAction->setShortcuts({QKeySequence(Qt::Key_Return), QKeySequence(Qt::Key_Enter)});
    m_editAction->setShortcutContext(Qt::WidgetShortcut);
    m_editAction->setToolTip(tr("Edit the selected task (Enter)"));
    connect(m_editAction, &QAction::triggered, this, &MainWindow::editCurrentTask);

    m_completeAction =
        new QAction(themedIcon(u"checkbox"_s, QStyle::SP_DialogApplyButton), tr("&Complete"), this);
    m_completeAction->setObjectName(u"completeTask"_s);
    m_completeAction->setShortcut(Qt::CTRL | Qt::Key_D);
    connect(m_completeAction, &QAction::triggered, this, &MainWindow::toggleCurrentTaskCompleted);

    m_deleteAction = new QAction(themedIcon(u"edit-delete"_s, QStyle::SP_TrashIcon),
                                 tr("&Delete Task..."), this);
    m_deleteAction->setObjectName(u"deleteTask"_s);
    m_deleteAction->setShortcut(QKeySequence::Delete);
    // Del in the search field deletes characters, not tasks.
    m_deleteAction->setShortcutContext(Qt::WidgetShortcut);
    m_deleteAction->setToolTip(tr("Delete the selected task (Del)"));
    connect(m_deleteAction, &QAction::triggered, this, &MainWindow::deleteCurrentTask);

    m_findAction = new QAction(tr("&Find"), this);
    m_findAction->setObjectName(u"findTasks"_s);
    m_findAction->setShortcut(QKeySequence::Find);
    connect(m_findAction, &QAction::triggered, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });

    m_quitAction = new QAction(themedIcon(u"application-exit"_s, QStyle::SP_DialogCloseButton),
                               tr("&Quit"), this);
    m_quitAction->setObjectName(u"quit"_s);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);

    m_loginAction = new QAction(themedIcon(u"system-log-in"_s, QStyle::SP_DialogYesButton),
                                tr("&Log In..."), this);
    m_loginAction->setObjectName(u"logIn"_s);
    m_loginAction->setToolTip(tr("Log in to a Bizy server to sync your tasks"));
    connect(m_loginAction, &QAction::triggered, this, &MainWindow::loginRequested);

    m_logoutAction = new QAction(themedIcon(u"system-log-out"_s, QStyle::SP_DialogNoButton),
                                 tr("Log &Out"), this);
    m_logoutAction->setObjectName(u"logOut"_s);
    connect(m_logoutAction, &QAction::triggered, this, &MainWindow::logoutRequested);

    m_syncNowAction =
        new QAction(themedIcon(u"view-refresh"_s, QStyle::SP_BrowserReload), tr("&Sync Now"), this);
    m_syncNowAction->setObjectName(u"syncNow"_s);
    m_syncNowAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_R), QKeySequence(Qt::Key_F5)});
    m_syncNowAction->setToolTip(
        tr("Send your changes and fetch those of your other devices (Ctrl+R)"));
    // Logged out, "Sync Now" is the way to log in rather than a dead button.
    connect(m_syncNowAction, &QAction::triggered, this, [this] {
        if (m_engine && m_session && m_session->isLoggedIn())
            m_engine->syncNow();
        else
            emit loginRequested();
    });

    m_conflictsAction = new QAction(tr("&Conflicts..."), this);
    m_conflictsAction->setObjectName(u"conflicts"_s);
    connect(m_conflictsAction, &QAction::triggered, this, &MainWindow::showConflicts);

    m_aboutAction = new QAction(tr("&About Bizy"), this);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, [this] {
        QMessageBox::about(
            this, tr("About Bizy"),
            tr("<h3>Bizy %1</h3><p>An offline-first task and goal manager.</p>"
               "<p>Your tasks are kept on this computer in:<br><code>%2</code></p>")
                .arg(QApplication::applicationVersion(), m_store->path().toHtmlEscaped()));
    });
}

void MainWindow::createCentralArea() {
    m_search = new QLineEdit(this);
    m_search->setObjectName(u"search"_s);
    m_search->setPlaceholderText(tr("Search tasks (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(m_search->fontMetrics().averageCharWidth() * 30);
    connect(m_search, &QLineEdit::textChanged, this, &MainWindow::applyFilter);
    m_search->installEventFilter(this);

    m_statusFilter = new QComboBox(this);
    m_statusFilter->setObjectName(u"statusFilter"_s);
    m_statusFilter->setToolTip(tr("Show tasks with this status"));
    m_statusFilter->addItem(tr("All tasks"), allTasksFilter);
    m_statusFilter->addItem(tr("Open tasks"), openTasksFilter);
    for (TaskStatus status :
         {TaskStatus::Pending, TaskStatus::InProgress, TaskStatus::Completed, TaskStatus::Blocked})
        m_statusFilter->addItem(TaskText::status(status), toString(status));
    connect(m_statusFilter, &QComboBox::currentIndexChanged, this, &MainWindow::applyFilter);

    m_view = new QTableView(this);
    m_view->setObjectName(u"taskTable"_s);
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
    connect(m_view, &QAbstractItemView::doubleClicked, this, &MainWindow::editCurrentTask);

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
    setCentralWidget(m_stack);
    setTabOrder(m_search, m_statusFilter);
    setTabOrder(m_statusFilter, m_view);
}

void MainWindow::createToolBarAndMenus() {
    QMenu* fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->addAction(m_newAction);
    fileMenu->addSeparator();
    fileMenu->addAction(m_quitAction);

    QMenu* taskMenu = menuBar()->addMenu(tr("&Task"));
    taskMenu->addAction(m_editAction);
    taskMenu->addAction(m_completeAction);
    taskMenu->addAction(m_deleteAction);
    taskMenu->addSeparator();
    taskMenu->addAction(m_findAction);

    QMenu* syncMenu = menuBar()->addMenu(tr("&Sync"));
    syncMenu->addAction(m_syncNowAction);
    syncMenu->addAction(m_conflictsAction);
    syncMenu->addSeparator();
    syncMenu->addAction(m_loginAction);
    syncMenu->addAction(m_logoutAction);

    QMenu* helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(m_aboutAction);

    QToolBar* toolBar = addToolBar(tr("Tasks"));
    toolBar->setObjectName(u"taskToolBar"_s);
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addAction(m_newAction);
    toolBar->addAction(m_editAction);
    toolBar->addAction(m_completeAction);
    toolBar->addAction(m_deleteAction);
    toolBar->addSeparator();
    // Icon only: the toolbar has no room left for a long label in German.
    auto* syncButton = new QToolButton(toolBar);
    syncButton->setObjectName(u"syncNowButton"_s);
    syncButton->setDefaultAction(m_syncNowAction);
    syncButton->setToolButtonStyle(Qt::ToolButtonIconOnly);
    syncButton->setAutoRaise(true);
    toolBar->addWidget(syncButton);
    auto* spacer = new QWidget(toolBar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolBar->addWidget(spacer);
    toolBar->addWidget(m_search);
    toolBar->addWidget(m_statusFilter);
}

void MainWindow::restoreSettings() {
    QSettings settings;
    settings.beginGroup(u"MainWindow"_s);
    if (!restoreGeometry(settings.value(u"geometry"_s).toByteArray()))
        resize(1000, 640);
    m_view->horizontalHeader()->restoreState(settings.value(u"columns"_s).toByteArray());
}

void MainWindow::saveSettings() const {
    QSettings settings;
    settings.beginGroup(u"MainWindow"_s);
    settings.setValue(u"geometry"_s, saveGeometry());
    settings.setValue(u"columns"_s, m_view->horizontalHeader()->saveState());
}

void MainWindow::closeEvent(QCloseEvent* event) {
    saveSettings();
    QMainWindow::closeEvent(event);
}

bool MainWindow::eventFilter(QObject* watched, QEvent* event) {
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
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::applyFilter() {
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
    m_model->setFilter(filter);
    selectTask(uuid);
    if (!m_view->currentIndex().isValid() && m_model->rowCount() > 0)
        m_view->selectRow(0);
    updateShownState();
}

QString MainWindow::currentUuid() const {
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.siblingAtColumn(0).data(TaskListModel::UuidRole).toString()
                             : QString();
}

void MainWindow::selectTask(const QString& uuid) {
    const int row = uuid.isEmpty() ? -1 : m_model->rowOf(uuid);
    if (row < 0)
        return;
    m_view->selectRow(row);
    m_view->scrollTo(m_model->index(row, 0));
}

void MainWindow::updateActions() {
    const std::optional<Task> task = m_model->taskAt(m_view->currentIndex().row());
    const bool hasTask = task.has_value() && m_view->currentIndex().isValid();
    m_editAction->setEnabled(hasTask);
    m_completeAction->setEnabled(hasTask);
    m_deleteAction->setEnabled(hasTask);
    const bool completed = hasTask && task->isCompleted();
    m_completeAction->setText(completed ? tr("&Reopen") : tr("&Complete"));
    m_completeAction->setToolTip(completed ? tr("Mark the selected task as not done (Ctrl+D)")
                                           : tr("Mark the selected task as done (Ctrl+D)"));
}

void MainWindow::updateShownState() {
    const int shown = m_model->rowCount();
    m_shownLabel->setText(shownCountText());
    if (shown > 0) {
        m_stack->setCurrentWidget(m_view);
    } else {
        m_emptyLabel->setText(m_store->taskCount().value_or(0) == 0
                                  ? tr("No tasks yet. Press Ctrl+N to add one.")
                                  : tr("No tasks match the search or the status filter."));
        m_stack->setCurrentWidget(m_emptyLabel);
    }
    updateActions();
}

TaskDialog* MainWindow::openTaskDialog() const {
    return m_dialog.data();
}

QString MainWindow::emptyHint() const {
    return m_stack->currentWidget() == m_emptyLabel ? m_emptyLabel->text() : QString();
}

QString MainWindow::shownCountText() const {
    return tr("%n task(s) shown", nullptr, m_model->rowCount());
}

QString MainWindow::pendingText() const {
    return m_pendingLabel->text();
}

void MainWindow::updatePending(qsizetype pending) {
    m_pendingLabel->setText(pending == 0
                                ? tr("No changes waiting to sync")
                                : tr("%n change(s) waiting to sync", nullptr, int(pending)));
}

void MainWindow::setSync(Session* session, SyncEngine* engine) {
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    if (m_engine)
        disconnect(m_engine, nullptr, this, nullptr);
    m_session = session;
    m_engine = engine;
    if (m_session)
        connect(m_session, &Session::stateChanged, this, &MainWindow::updateSyncActions);
    if (m_engine) {
        connect(m_engine, &SyncEngine::stateChanged, this, &MainWindow::updateSyncActions);
        connect(m_engine, &SyncEngine::conflictsAdded, this, &MainWindow::updateSyncActions);
    }
    m_syncStatus->setSync(session, engine);
    updateSyncActions();
}

void MainWindow::updateSyncActions() {
    const bool loggedIn = m_session && m_session->isLoggedIn();
    const bool busy = m_session && m_session->state() == Session::State::LoggingIn;
    m_loginAction->setVisible(!loggedIn);
    m_loginAction->setEnabled(!busy);
    // Also after a login was lost: the way back to the local store.
    m_logoutAction->setVisible(m_session != nullptr);
    m_logoutAction->setText(loggedIn ? tr("Log &Out %1").arg(m_session->claims().username)
                                     : tr("Log &Out"));
    m_syncNowAction->setEnabled(!busy);
    m_syncNowAction->setToolTip(
        loggedIn ? tr("Send your changes and fetch those of your other devices (Ctrl+R)")
                 : tr("Log in to sync your tasks (Ctrl+R)"));
    const qsizetype conflicts = m_store->conflictCount().value_or(0);
    m_conflictsAction->setText(conflicts > 0
                                   ? tr("&Conflicts (%1)...").arg(QLocale().toString(conflicts))
                                   : tr("&Conflicts..."));
    m_syncStatus->refresh();
}

ConflictsDialog* MainWindow::openConflictsDialog() const {
    return m_conflictsDialog.data();
}

void MainWindow::showConflicts() {
    if (m_conflictsDialog) {
        m_conflictsDialog->raise();
        m_conflictsDialog->activateWindow();
        return;
    }
    auto* dialog = new ConflictsDialog(m_store, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ConflictsDialog::journalChanged, this, &MainWindow::updateSyncActions);
    m_conflictsDialog = dialog;
    dialog->show();
}

void MainWindow::openDialog(TaskDialog* dialog) {
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog = dialog;
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (const std::optional<Task> saved = dialog->savedTask())
            selectTask(saved->uuid);
    });
    dialog->open();
}

void MainWindow::newTask() {
    openDialog(new TaskDialog(m_store, this));
}

void MainWindow::editCurrentTask() {
    const QString uuid = currentUuid();
    if (uuid.isEmpty())
        return;
    // Read afresh: the row may be older than the store (e.g. after a sync).
    const Result<Task> task = m_store->task(uuid);
    if (!task) {
        showStoreError(tr("The task could not be opened."), task.error().message);
        return;
    }
    openDialog(new TaskDialog(m_store, *task, this));
}

void MainWindow::toggleCurrentTaskCompleted() {
    const std::optional<Task> task = m_model->taskAt(m_view->currentIndex().row());
    if (!task)
        return;
    const Result<Task> result = task->isCompleted() ? m_store->uncompleteTask(task->uuid)
                                                    : m_store->completeTask(task->uuid);
    if (!result) {
        showStoreError(tr("The task could not be changed."), result.error().message);
        return;
    }
    qCInfo(lcUi).noquote() << (result->isCompleted() ? "task completed:" : "task reopened:")
                           << task->uuid;
    selectTask(task->uuid);
    updateActions();
}

void MainWindow::deleteCurrentTask() {
    const std::optional<Task> task = m_model->taskAt(m_view->currentIndex().row());
    if (!task)
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
        if (box->clickedButton() != box->button(QMessageBox::Yes))
            return;
        const int row = m_model->rowOf(uuid);
        const Status status = m_store->deleteTask(uuid);
        if (!status) {
            showStoreError(tr("The task could not be deleted."), status.error().message);
            return;
        }
        qCInfo(lcUi).noquote() << "task deleted:" << uuid;
        if (m_model->rowCount() > 0)
            m_view->selectRow(qMin(row, m_model->rowCount() - 1));
    });
    box->open();
}

void MainWindow::showStoreError(const QString& what, const QString& message) {
    qCWarning(lcUi).noquote() << what << message;
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Bizy"), what, QMessageBox::Ok, this);
    box->setInformativeText(message);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace bizy
