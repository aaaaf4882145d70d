#include "WindowHarness.h"

#include "MainWindow.h"
#include "TaskListModel.h"
#include "Translations.h"
#include "account/AccountManager.h"
#include "account/Workspace.h"

#include <QAction>
#include <QApplication>
#include <QLocale>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace Qt::StringLiterals;

WindowHarness::WindowHarness() = default;

WindowHarness::~WindowHarness() {
    stop();
}

bool WindowHarness::prepareApplication(const QString& suiteName) {
    QStandardPaths::setTestModeEnabled(true);
    QApplication::setOrganizationName(u"BizyTest"_s);
    QApplication::setApplicationName(suiteName);
    QSettings().clear();
    return !bizy::Translations::install(QLocale(QLocale::English)).isEmpty();
}

bool WindowHarness::start() {
    m_dir = std::make_unique<QTemporaryDir>();
    if (!m_dir->isValid()) {
        m_error = u"no temporary directory"_s;
        return false;
    }
    bizy::AccountManager::Options options;
    options.pinnedStore = m_dir->filePath(u"tasks.sqlite"_s);
    m_accounts = std::make_unique<bizy::AccountManager>(options);
    if (const bizy::Status started = m_accounts->start(); !started) {
        m_error = started.error().message;
        return false;
    }
    m_store = BlockingStore(m_accounts->workspace()->store());
    return true;
}

void WindowHarness::stop() {
    m_window.reset();
    m_store = BlockingStore();
    m_accounts.reset();
    m_dir.reset();
}

bool WindowHarness::openWindow() {
    m_window = std::make_unique<bizy::MainWindow>(m_accounts.get());
    m_window->show();
    QApplication::setActiveWindow(m_window.get());
    if (!QTest::qWaitForWindowActive(m_window.get()))
        return false;
    // The tasks are read on the store's worker; the table has them once loaded.
    if (!QTest::qWaitFor([this] { return !taskModel()->isLoading(); }))
        return false;
    taskView()->setFocus();
    return true;
}

QString WindowHarness::addTask(const QJsonObject& fields) {
    const bizy::Result<bizy::Task> task = m_store.createTask(fields);
    if (!task)
        qFatal("cannot create a task: %s", qPrintable(task.error().message));
    return task->uuid;
}

QTableView* WindowHarness::taskView() const {
    return m_window->findChild<QTableView*>(u"taskTable"_s);
}

bizy::TaskListModel* WindowHarness::taskModel() const {
    return qobject_cast<bizy::TaskListModel*>(taskView()->model());
}

QAction* WindowHarness::action(const QString& objectName) const {
    return m_window->findChild<QAction*>(objectName);
}

QStringList WindowHarness::shownTitles() const {
    QStringList titles;
    const QAbstractItemModel* model = taskView()->model();
    for (int row = 0; row < model->rowCount(); ++row)
        titles << model->index(row, bizy::TaskListModel::TitleColumn).data().toString();
    return titles;
}
