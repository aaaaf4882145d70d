#pragma once

#include "BlockingStore.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <memory>

class QAction;
class QTableView;

namespace bizy {
class AccountManager;
class MainWindow;
class TaskListModel;
} // namespace bizy

// The desktop window as the UI suites drive it: a MainWindow over an
// AccountManager pinned to a real SQLite store in a temporary directory (on
// the store's worker thread), and a BlockingStore on the same store to set up
// and check rows. In a suite:
//
//     initTestCase(): QVERIFY(WindowHarness::prepareApplication(u"tst_x"_s));
//     init():         QVERIFY2(m_harness.start(), qPrintable(m_harness.error()));
//     cleanup():      m_harness.stop();
class WindowHarness {
public:
    WindowHarness();
    ~WindowHarness();
    WindowHarness(const WindowHarness&) = delete;
    WindowHarness& operator=(const WindowHarness&) = delete;

    // Test-mode paths, the suite's own QSettings (cleared) and the English
    // translations (plurals such as "1 task shown" come from bizy_en).
    static bool prepareApplication(const QString& suiteName);

    // A fresh store and account manager; false with error() on failure.
    bool start();
    // The window, the store and the directory, in that order.
    void stop();
    QString error() const { return m_error; }

    // A new window (in place of the one open, if any), shown and active, with
    // the first page of tasks loaded and the focus in the task table; false
    // when any of that did not happen.
    bool openWindow();

    bizy::MainWindow* window() const { return m_window.get(); }
    bizy::AccountManager* accounts() const { return m_accounts.get(); }
    BlockingStore& store() { return m_store; }
    QString filePath(const QString& name) const { return m_dir->filePath(name); }

    // A task made through the store (fatal when refused); its uuid.
    QString addTask(const QJsonObject& fields);
    QTableView* taskView() const;
    bizy::TaskListModel* taskModel() const;
    QAction* action(const QString& objectName) const;
    // The titles the task list shows, top down.
    QStringList shownTitles() const;

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<bizy::AccountManager> m_accounts;
    BlockingStore m_store;
    std::unique_ptr<bizy::MainWindow> m_window;
    QString m_error;
};
