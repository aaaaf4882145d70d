#include "MainWindow.h"

#include "ActionIcons.h"
#include "AdminMenu.h"
#include "AssistantModel.h"
#include "ConflictsDialog.h"
#include "DashboardModel.h"
#include "DashboardPage.h"
#include "GoalPanel.h"
#include "GoalTreeModel.h"
#include "LoginDialog.h"
#include "Sidebar.h"
#include "SuggestTasksDialog.h"
#include "SyncStatusModel.h"
#include "SyncStatusWidget.h"
#include "TaskPage.h"
#include "TaskViewsModel.h"
#include "TransferActions.h"
#include "UiLog.h"
#include "UndoHistory.h"
#include "account/AccountManager.h"
#include "account/RememberedLogin.h"
#include "account/SyncConnection.h"
#include "account/Workspace.h"
#include "auth/Session.h"
#include "sync/SyncScheduler.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QIcon>
#include <QLabel>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>
#include <utility>

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

MainWindow::MainWindow(AccountManager* accounts, QWidget* parent)
    : QMainWindow(parent)
    , m_accounts(accounts)
    , m_taskViews(new TaskViewsModel(this))
    , m_goalTree(new GoalTreeModel(this))
    , m_undo(new UndoHistory(this))
    , m_syncStatus(new SyncStatusModel(this))
    , m_dashboardModel(new DashboardModel(this))
    , m_assistant(new AssistantModel(this)) {
    initUiResources();
    setWindowTitle(tr("Bizy"));
    setWindowIcon(QIcon(u":/bizy/icons/bizy.svg"_s));
    m_sidebar = new Sidebar(m_taskViews, m_goalTree, this);
    m_taskPage = new TaskPage(m_goalTree, this);
    // Offered while the server has an assistant (AssistantModel) and a goal is in scope.
    m_suggestTasksAction = new QAction(tr("Suggest &Tasks..."), this);
    m_suggestTasksAction->setObjectName(u"suggestTasks"_s);
    m_suggestTasksAction->setToolTip(tr("Ask the server's assistant for tasks for this goal"));
    m_suggestTasksAction->setVisible(false);
    connect(m_suggestTasksAction, &QAction::triggered, this, &MainWindow::suggestTasks);
    m_goalPanel = new GoalPanel(m_goalTree,
                                {m_sidebar->editGoalAction(), m_sidebar->newSubGoalAction(),
                                 m_sidebar->completeGoalAction(), m_sidebar->holdGoalAction(),
                                 m_suggestTasksAction},
                                this);
    auto* content = new QWidget(this);
    auto* contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    contentLayout->setSpacing(0);
    contentLayout->addWidget(m_goalPanel);
    contentLayout->addWidget(m_taskPage, 1);
    content->setObjectName(u"taskContent"_s);
    m_taskContent = content;
    m_dashboard = new DashboardPage(m_dashboardModel, m_taskPage->taskActions().first(), this);
    m_dashboard->setAssistant(m_assistant);
    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(u"pages"_s);
    m_pages->addWidget(content);
    m_pages->addWidget(m_dashboard);
    m_splitter = new QSplitter(this);
    m_splitter->setObjectName(u"mainSplitter"_s);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(m_sidebar);
    m_splitter->addWidget(m_pages);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({240, 760});
    setCentralWidget(m_splitter);
    m_taskPage->setUndoHistory(m_undo);
    m_sidebar->setUndoHistory(m_undo);

    createActions();
    createToolBarAndMenus();
    createStatusBar();

    connect(m_taskPage, &TaskPage::errorOccurred, this, &MainWindow::showError);
    connect(m_sidebar, &Sidebar::errorOccurred, this, &MainWindow::showError);
    connect(m_undo, &UndoHistory::errorOccurred, this, [this](const QString& message) {
        showError(tr("That could not be undone."), message);
    });
    connect(m_taskPage, &TaskPage::noticed, this,
            [this](const QString& text) { statusBar()->showMessage(text, 10000); });
    connect(m_sidebar, &Sidebar::scopeChanged, this, &MainWindow::applyScope);
    connect(m_sidebar, &Sidebar::scopePicked, this, &MainWindow::showTasks);
    connect(m_taskPage, &TaskPage::listWanted, this, &MainWindow::showTasks);
    connect(m_dashboardModel, &DashboardModel::errorOccurred, this, [this](const QString& message) {
        showError(tr("The dashboard could not be read."), message);
    });
    connect(m_syncStatus, &SyncStatusModel::changed, this, &MainWindow::updateSyncActions);
    connect(m_assistant, &AssistantModel::availabilityChanged, this, &MainWindow::applyScope);
    connect(m_syncStatus, &SyncStatusModel::conflictsArrived, this, [this](int count) {
        // Said once when they arrive; the status bar button stays until they are handled.
        statusBar()->showMessage(
            tr("%n change(s) did not survive sync. See Sync > Conflicts.", nullptr, count), 15000);
    });
    connect(m_accounts, &AccountManager::workspaceChanged, this, &MainWindow::setWorkspace);
    connect(m_accounts, &AccountManager::errorOccurred, this, [this](const QString& message) {
        showError(tr("Bizy cannot open your tasks."), message);
    });

    restoreSettings();
    setWorkspace(m_accounts->workspace());
    applyScope();
    m_taskPage->setFocus();
}

void MainWindow::applyScope() {
    const std::optional<Goal> goal = m_sidebar->currentGoal();
    m_goalPanel->showGoal(goal ? goal->uuid : QString());
    m_taskPage->setScope(m_sidebar->scopeFilter(), m_sidebar->scopeTitle());
    m_suggestTasksAction->setVisible(m_assistant->isAvailable() && goal.has_value());
}

void MainWindow::suggestTasks() {
    const std::optional<Goal> goal = m_sidebar->currentGoal();
    if (!goal || !m_workspace || m_suggestDialog)
        return;
    auto* dialog =
        new SuggestTasksDialog(*goal, m_assistant->client(), m_workspace->store(), m_undo, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_suggestDialog = dialog;
    dialog->open();
}

MainWindow::~MainWindow() = default;

void MainWindow::setWorkspace(Workspace* workspace) {
    m_workspace = workspace;
    StoreClient* store = workspace ? workspace->store() : nullptr;
    m_undo->setStore(store);
    m_sidebar->setStore(store);
    m_taskPage->setStore(store);
    m_dashboardModel->setStore(store);
    m_transfer->setStore(store);
    m_syncStatus->setWorkspace(workspace);
    m_assistant->setWorkspace(workspace);
    m_adminMenu->setWorkspace(workspace);
    if (m_conflictsDialog)
        m_conflictsDialog->close();
    if (m_suggestDialog) // its goal and store belong to the account that went
        m_suggestDialog->reject();
    updateSyncActions();
}

void MainWindow::createActions() {
    m_quitAction = new QAction(ActionIcons::icon(u"application-exit"_s), tr("&Quit"), this);
    m_quitAction->setObjectName(u"quit"_s);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, [this] {
        const bool inTray = std::exchange(m_closesToTray, false);
        close();
        if (inTray) // the tray would keep Bizy running: Quit quits
            QCoreApplication::quit();
    });
    m_transfer = new TransferActions(this);

    m_preferencesAction =
        new QAction(ActionIcons::icon(u"preferences-system"_s), tr("Pr&eferences…"), this);
    m_preferencesAction->setObjectName(u"preferences"_s);
    // QKeySequence::Preferences has no binding on Linux desktops; Ctrl+, is the usual one.
    m_preferencesAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    m_preferencesAction->setMenuRole(QAction::PreferencesRole);
    connect(m_preferencesAction, &QAction::triggered, this, &MainWindow::preferencesRequested);

    m_loginAction = new QAction(ActionIcons::icon(u"system-log-in"_s), tr("&Log In..."), this);
    m_loginAction->setObjectName(u"logIn"_s);
    m_loginAction->setToolTip(tr("Log in to a Bizy server to sync your tasks"));
    connect(m_loginAction, &QAction::triggered, this, &MainWindow::showLogin);

    m_logoutAction = new QAction(ActionIcons::icon(u"system-log-out"_s), tr("Log &Out"), this);
    m_logoutAction->setObjectName(u"logOut"_s);
    connect(m_logoutAction, &QAction::triggered, m_accounts, &AccountManager::logOut);

    m_syncNowAction = new QAction(ActionIcons::icon(u"view-refresh"_s), tr("&Sync Now"), this);
    m_syncNowAction->setObjectName(u"syncNow"_s);
    m_syncNowAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_R), QKeySequence(Qt::Key_F5)});
    // Logged out, "Sync Now" is the way to log in rather than a dead button.
    connect(m_syncNowAction, &QAction::triggered, this, [this] {
        SyncScheduler* scheduler = m_workspace ? m_workspace->scheduler() : nullptr;
        if (scheduler && m_syncStatus->isLoggedIn())
            scheduler->syncNow();
        else
            showLogin();
    });

    m_conflictsAction = new QAction(tr("&Conflicts..."), this);
    m_conflictsAction->setObjectName(u"conflicts"_s);
    connect(m_conflictsAction, &QAction::triggered, this, &MainWindow::showConflicts);

    // Undo and redo name what they would undo ("Undo Complete").
    m_undoAction = m_undo->stack()->createUndoAction(this, tr("&Undo"));
    m_undoAction->setObjectName(u"undo"_s);
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_undoAction->setIcon(ActionIcons::icon(u"edit-undo"_s));
    m_redoAction = m_undo->stack()->createRedoAction(this, tr("&Redo"));
    m_redoAction->setObjectName(u"redo"_s);
    m_redoAction->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    m_redoAction->setIcon(ActionIcons::icon(u"edit-redo"_s));
    m_showDashboardAction = new QAction(tr("&Dashboard"), this);
    m_showDashboardAction->setObjectName(u"showDashboard"_s);
    m_showDashboardAction->setShortcut(Qt::CTRL | Qt::Key_1);
    m_showDashboardAction->setToolTip(tr("How your tasks and goals stand (Ctrl+1)"));
    connect(m_showDashboardAction, &QAction::triggered, this, &MainWindow::showDashboard);
    m_showTasksAction = new QAction(tr("&Tasks"), this);
    m_showTasksAction->setObjectName(u"showTasks"_s);
    m_showTasksAction->setShortcut(Qt::CTRL | Qt::Key_2);
    m_showTasksAction->setToolTip(tr("The task list (Ctrl+2)"));
    connect(m_showTasksAction, &QAction::triggered, this, &MainWindow::showTasks);
    auto* pages = new QActionGroup(this);
    for (QAction* page : {m_showDashboardAction, m_showTasksAction}) {
        page->setCheckable(true);
        pages->addAction(page);
    }
    m_showTasksAction->setChecked(true);

    m_aboutAction = new QAction(tr("&About Bizy"), this);
    m_aboutAction->setObjectName(u"about"_s);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_aboutAction, &QAction::triggered, this, [this] {
        const QString path = m_workspace ? m_workspace->storePath() : QString();
        QMessageBox::about(this, tr("About Bizy"),
                           tr("<h3>Bizy %1</h3><p>An offline-first task and goal manager.</p>"
                              "<p>Your tasks are kept on this computer in:<br><code>%2</code></p>")
                               .arg(QApplication::applicationVersion(), path.toHtmlEscaped()));
    });
}

void MainWindow::createToolBarAndMenus() {
    const QList<QAction*> taskActions = m_taskPage->taskActions();
    QMenu* fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->addAction(taskActions.first());
    fileMenu->addSeparator();
    fileMenu->addActions({m_transfer->importAction(), m_transfer->exportAction()});
    fileMenu->addSeparator();
    fileMenu->addAction(m_quitAction);

    QMenu* editMenu = menuBar()->addMenu(tr("&Edit"));
    editMenu->addAction(m_undoAction);
    editMenu->addAction(m_redoAction);
    editMenu->addSeparator();
    editMenu->addAction(m_preferencesAction);

    QMenu* taskMenu = menuBar()->addMenu(tr("&Task"));
    taskMenu->addActions(taskActions.mid(1));
    taskMenu->addSeparator();
    taskMenu->addAction(m_taskPage->quickAddAction());
    for (QMenu* bulk : m_taskPage->bulkMenus())
        taskMenu->addMenu(bulk);
    taskMenu->addSeparator();
    taskMenu->addAction(m_taskPage->findAction());
    // The page's shortcuts work from anywhere in the window.
    addAction(m_taskPage->findAction());

    QMenu* goalMenu = menuBar()->addMenu(tr("&Goal"));
    const QList<QAction*> goalActions = m_sidebar->goalActions();
    goalMenu->addActions(goalActions.mid(0, 2));
    goalMenu->addSeparator();
    goalMenu->addActions(goalActions.mid(2));
    goalMenu->addSeparator();
    goalMenu->addAction(m_suggestTasksAction);
    addAction(m_sidebar->newGoalAction());

    QMenu* viewMenu = menuBar()->addMenu(tr("&View"));
    viewMenu->addAction(m_showDashboardAction);
    viewMenu->addAction(m_showTasksAction);

    QMenu* syncMenu = menuBar()->addMenu(tr("&Sync"));
    syncMenu->addAction(m_syncNowAction);
    syncMenu->addAction(m_conflictsAction);
    syncMenu->addSeparator();
    syncMenu->addAction(m_loginAction);
    syncMenu->addAction(m_logoutAction);

    m_adminMenu = new AdminMenu(this);
    menuBar()->addMenu(m_adminMenu);
    connect(m_adminMenu, &AdminMenu::loginRequested, this, &MainWindow::showLogin);

    QMenu* helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(m_aboutAction);

    QToolBar* toolBar = addToolBar(tr("Tasks"));
    toolBar->setObjectName(u"taskToolBar"_s);
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addActions(taskActions);
    toolBar->addSeparator();
    // Icon only: the toolbar has no room left for a long label in German.
    auto* syncButton = new QToolButton(toolBar);
    syncButton->setObjectName(u"syncNowButton"_s);
    syncButton->setDefaultAction(m_syncNowAction);
    syncButton->setToolButtonStyle(Qt::ToolButtonIconOnly);
    syncButton->setAutoRaise(true);
    toolBar->addWidget(syncButton);
}

void MainWindow::createStatusBar() {
    m_shownLabel = new QLabel(this);
    m_shownLabel->setObjectName(u"shownCount"_s);
    m_pendingLabel = new QLabel(this);
    m_pendingLabel->setObjectName(u"pendingCount"_s);
    auto* syncStatus = new SyncStatusWidget(m_syncStatus, this);
    statusBar()->addWidget(m_shownLabel);
    statusBar()->addPermanentWidget(syncStatus);
    statusBar()->addPermanentWidget(m_pendingLabel);
    connect(syncStatus, &SyncStatusWidget::conflictsRequested, this, &MainWindow::showConflicts);
    connect(m_taskPage, &TaskPage::summaryChanged, m_shownLabel, &QLabel::setText);
}

void MainWindow::restoreSettings() {
    QSettings settings;
    if (!restoreGeometry(settings.value(u"MainWindow/geometry"_s).toByteArray()))
        resize(1100, 680);
    m_splitter->restoreState(settings.value(u"MainWindow/splitter"_s).toByteArray());
    m_sidebar->restoreSettings();
    m_taskPage->restoreSettings();
    if (settings.value(u"MainWindow/page"_s).toString() == u"dashboard"_s)
        showDashboard();
}

void MainWindow::saveSettings() const {
    QSettings settings;
    settings.setValue(u"MainWindow/geometry"_s, saveGeometry());
    settings.setValue(u"MainWindow/splitter"_s, m_splitter->saveState());
    m_sidebar->saveSettings();
    m_taskPage->saveSettings();
    settings.setValue(u"MainWindow/page"_s,
                      m_pages->currentWidget() == m_dashboard ? u"dashboard"_s : u"tasks"_s);
}

void MainWindow::closeEvent(QCloseEvent* event) {
    saveSettings();
    if (m_closesToTray) {
        hide();
        event->ignore();
        emit closedToTray();
        return;
    }
    QMainWindow::closeEvent(event);
}

void MainWindow::openTask(const QString& uuid) {
    showNormal();
    raise();
    activateWindow();
    showTasks();
    m_taskPage->editTask(uuid);
}

void MainWindow::updateSyncActions() {
    const bool loggedIn = m_syncStatus->isLoggedIn();
    const bool busy = m_syncStatus->isLoggingIn();
    m_loginAction->setVisible(!loggedIn);
    m_loginAction->setEnabled(!busy);
    // Also after a login was lost: the way back to the local store.
    m_logoutAction->setVisible(m_syncStatus->hasSync());
    m_logoutAction->setText(loggedIn ? tr("Log &Out %1").arg(m_syncStatus->username())
                                     : tr("Log &Out"));
    m_syncNowAction->setEnabled(!busy && m_workspace);
    m_syncNowAction->setToolTip(
        loggedIn ? tr("Send your changes and fetch those of your other devices (Ctrl+R)")
                 : tr("Log in to sync your tasks (Ctrl+R)"));
    const qsizetype conflicts = m_syncStatus->conflictCount();
    m_conflictsAction->setText(conflicts > 0
                                   ? tr("&Conflicts (%1)...").arg(QLocale().toString(conflicts))
                                   : tr("&Conflicts..."));
    m_conflictsAction->setEnabled(m_workspace != nullptr);
    m_pendingLabel->setText(m_syncStatus->pendingText());
}

void MainWindow::showConflicts() {
    if (m_conflictsDialog) {
        m_conflictsDialog->raise();
        m_conflictsDialog->activateWindow();
        return;
    }
    if (!m_workspace)
        return;
    auto* dialog = new ConflictsDialog(m_workspace->store(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_conflictsDialog = dialog;
    dialog->show();
}

void MainWindow::showDashboard() {
    m_showDashboardAction->setChecked(true);
    m_pages->setCurrentWidget(m_dashboard);
    m_taskPage->setListShown(false);
    m_dashboard->setFocus();
}

void MainWindow::showTasks() {
    m_showTasksAction->setChecked(true);
    if (m_pages->currentWidget() == m_taskContent)
        return;
    m_pages->setCurrentWidget(m_taskContent);
    m_taskPage->setListShown(true);
    m_taskPage->setFocus();
}

void MainWindow::showLogin() {
    QString username = RememberedLogin::username();
    if (m_syncStatus->isLoggedIn())
        username = m_syncStatus->username();
    auto* dialog = new LoginDialog(m_accounts->loginServer(), username, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        std::unique_ptr<SyncConnection> connection = dialog->takeConnection();
        if (!connection)
            return;
        // After the dialog has gone: the switch closes the store it was opened over.
        auto* pending = connection.release();
        pending->setParent(this);
        QTimer::singleShot(0, this, [this, pending] {
            pending->setParent(nullptr);
            if (Status switched =
                    m_accounts->useConnection(std::unique_ptr<SyncConnection>(pending));
                !switched)
                showError(tr("The tasks of this account could not be opened."),
                          switched.error().message);
        });
    });
    dialog->open();
}

void MainWindow::showError(const QString& what, const QString& message) {
    qCWarning(lcUi).noquote() << what << message;
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Bizy"), what, QMessageBox::Ok, this);
    box->setObjectName(u"errorMessage"_s);
    box->setInformativeText(message);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace bizy
