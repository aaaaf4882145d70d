#include "MainWindow.h"
#include "WindowHarness.h"
#include "account/AccountManager.h"
#include "account/Workspace.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QFileDialog>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using bizy::AccountManager;
using bizy::MainWindow;

// File > Import... and Export... in the window, on a real store on its worker:
// pick a file in the dialog, read what the window says, find the tasks there.
class TransferMenuTest : public QObject {
    Q_OBJECT

private:
    WindowHarness m_harness;

    QAction* fileMenuAction(const QString& name) const {
        for (QAction* menu : m_harness.window()->menuBar()->actions()) {
            if (menu->menu() && menu->text() == u"&File"_s) {
                for (QAction* action : menu->menu()->actions()) {
                    if (action->objectName() == name)
                        return action;
                }
            }
        }
        return nullptr;
    }

    // Triggers the menu entry, picks `path` in its file dialog and waits for
    // the message that says how it went; returns that message's words.
    QString runThroughDialog(const QString& action, const QString& dialogName,
                             const QString& path) {
        QAction* entry = fileMenuAction(action);
        if (!entry || !entry->isEnabled())
            return u"no enabled File menu entry %1"_s.arg(action);
        entry->trigger();
        QFileDialog* dialog = nullptr;
        if (!QTest::qWaitFor([&] {
                dialog = m_harness.window()->findChild<QFileDialog*>(dialogName);
                return dialog && dialog->isVisible();
            }))
            return u"no file dialog"_s;
        dialog->selectFile(path);
        static_cast<QDialog*>(dialog)->accept(); // QFileDialog::accept(), protected there
        QMessageBox* box = nullptr;
        if (!QTest::qWaitFor(
                [&] {
                    box = m_harness.window()->findChild<QMessageBox*>(u"transferResult"_s);
                    return box && box->isVisible();
                },
                30000))
            return u"no message"_s;
        const QString words = box->text() + u'\n' + box->informativeText();
        box->accept();
        return words;
    }

private slots:
    void initTestCase() { QVERIFY(WindowHarness::prepareApplication(u"tst_transfermenu"_s)); }
    void init() {
        QVERIFY2(m_harness.start(), qPrintable(m_harness.error()));
        QVERIFY(m_harness.openWindow());
    }
    void cleanup() { m_harness.stop(); }

    void importThenExportThroughTheFileMenu() {
        // given a CSV file from a spreadsheet
        const QString csv = m_harness.filePath(u"from-sheet.csv"_s);
        QFile file(csv);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("title,priority,due_date\nPay rent,1,2026-12-01\nCall Ana,2,\n");
        file.close();
        // when it is imported through File > Import...
        const QString imported = runThroughDialog(u"importTasks"_s, u"importFileDialog"_s, csv);
        // then the window says so and the tasks are in the store
        QVERIFY2(imported.startsWith(u"Imported from from-sheet.csv: tasks 2, goals 0."_s),
                 qPrintable(imported));
        QCOMPARE(m_harness.store().taskCount().value(), 2);

        // when everything is exported through File > Export...
        const QString json = m_harness.filePath(u"backup.json"_s);
        const QString exported = runThroughDialog(u"exportTasks"_s, u"exportFileDialog"_s, json);
        QVERIFY2(exported.startsWith(u"Exported to backup.json: tasks 2, goals 0."_s),
                 qPrintable(exported));
        QFile written(json);
        QVERIFY(written.open(QIODevice::ReadOnly));
        const QByteArray bytes = written.readAll();
        QVERIFY(bytes.contains("\"title\": \"Pay rent\""));
        QVERIFY(bytes.contains("\"title\": \"Call Ana\""));
    }

    void aBadFileIsExplainedAndChangesNothing() {
        const QString csv = m_harness.filePath(u"bad.csv"_s);
        QFile file(csv);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("title,priority\nFine,1\nToo urgent,0\n");
        file.close();
        const QString words = runThroughDialog(u"importTasks"_s, u"importFileDialog"_s, csv);
        QVERIFY2(
            words.startsWith(u"Nothing was imported from bad.csv.\nCannot import bad.csv: "
                             u"line 3: priority: Input should be greater than or equal to 1"_s),
            qPrintable(words));
        QCOMPARE(m_harness.store().taskCount().value(), 0);
        // and the menu works again afterwards
        QVERIFY(fileMenuAction(u"importTasks"_s)->isEnabled());
    }
};

QTEST_MAIN(TransferMenuTest)
#include "tst_transfermenu.moc"
