#include "ConflictSupport.h"
#include "ConflictsDialog.h"
#include "MainWindow.h"
#include "SyncStatusWidget.h"
#include "Translations.h"
#include "store/LocalStore.h"

#include <QAction>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace Qt::StringLiterals;
using bizy::ConflictEntry;
using bizy::ConflictsDialog;
using bizy::LocalStore;

// The conflict journal as the user sees it: entries that a sync put in a real
// store, listed with what was lost, and brought back or dismissed by a click.
class ConflictsDialogTest : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<LocalStore> m_store;

    QString cell(ConflictsDialog& dialog, int row, int column) const {
        return dialog.table()->item(row, column)->text();
    }

    qint64 idOf(ConflictEntry::Kind kind) const {
        for (const ConflictEntry& entry : m_store->conflicts().value()) {
            if (entry.kind == kind)
                return entry.id;
        }
        return 0;
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QVERIFY(!bizy::Translations::install(QLocale(QLocale::English)).isEmpty());
    }

    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        auto store = LocalStore::open(m_dir->filePath(u"tasks.sqlite"_s));
        QVERIFY2(store.ok(), qPrintable(store ? QString() : store.error().message));
        m_store = std::move(store.value());
    }

    void cleanup() {
        m_store.reset();
        m_dir.reset();
    }

    void listsEachEntry_withItemFieldLostValueAndTime() {
        // given a push where another device's title lost, and one the server refused
        const QString kept = conflict_support::overwrite(
            *m_store, u"Plan the trip"_s, {{u"title"_s, u"Plan the trip to Rome"_s}});
        conflict_support::reject(*m_store, u"Buy paint"_s, u"Title is not accepted"_s);
        QCOMPARE(m_store->conflictCount().value(), 2);
        // when the dialog opens
        ConflictsDialog dialog(m_store.get());
        dialog.show();
        // then both are listed, newest first, in words
        QCOMPARE(dialog.table()->rowCount(), 2);
        const int overwritten = dialog.rowOf(idOf(ConflictEntry::Kind::Overwritten));
        QVERIFY(overwritten >= 0);
        QCOMPARE(cell(dialog, overwritten, 0), u"Another device's change was replaced by yours"_s);
        QCOMPARE(cell(dialog, overwritten, 1), u"Task \u201cPlan the trip\u201d"_s);
        QCOMPARE(cell(dialog, overwritten, 2), u"Title"_s);
        QCOMPARE(cell(dialog, overwritten, 3), u"Plan the trip to Rome"_s);
        QVERIFY(!cell(dialog, overwritten, 4).isEmpty());
        const int rejected = dialog.rowOf(idOf(ConflictEntry::Kind::Rejected));
        QVERIFY(rejected >= 0);
        QCOMPARE(cell(dialog, rejected, 0),
                 u"The server refused your change: Title is not accepted"_s);
        QCOMPARE(cell(dialog, rejected, 1), u"Task \u201cBuy paint\u201d"_s);
        QVERIFY(m_store->task(kept).ok());
    }

    void restore_bringsTheLostValueBackAsAChange() {
        // given another device's title lost to ours
        const QString uuid = conflict_support::overwrite(
            *m_store, u"Plan the trip"_s, {{u"title"_s, u"Plan the trip to Rome"_s}});
        QCOMPARE(m_store->pendingCount().value(), 0);
        ConflictsDialog dialog(m_store.get());
        dialog.show();
        QSignalSpy changed(&dialog, &ConflictsDialog::journalChanged);
        const qint64 id = idOf(ConflictEntry::Kind::Overwritten);
        // when the user clicks Restore on it
        auto* restore = dialog.findChild<QPushButton*>(u"restore-%1"_s.arg(id));
        QVERIFY(restore);
        QTest::mouseClick(restore, Qt::LeftButton);
        // then the task has their title again, as a change waiting to sync, and the entry is gone
        QCOMPARE(dialog.errorText(), QString());
        QCOMPARE(m_store->task(uuid)->title, u"Plan the trip to Rome"_s);
        QCOMPARE(m_store->pendingCount().value(), 1);
        QCOMPARE(m_store->conflictCount().value(), 0);
        QCOMPARE(dialog.table()->rowCount(), 0);
        QCOMPARE(changed.count(), 1);
    }

    void dismiss_removesTheEntry_menuAndStatusBarFollow() {
        // given a refused change in the journal, opened from the window's Sync menu
        conflict_support::reject(*m_store, u"Buy paint"_s, u"Title is not accepted"_s);
        bizy::MainWindow window(m_store.get());
        window.show();
        QAction* conflicts = window.findChild<QAction*>(u"conflicts"_s);
        QCOMPARE(conflicts->text(), u"&Conflicts (1)..."_s);
        conflicts->trigger();
        ConflictsDialog* dialog = window.openConflictsDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->table()->rowCount(), 1);
        // when the user dismisses it
        const qint64 id = idOf(ConflictEntry::Kind::Rejected);
        QTest::mouseClick(dialog->findChild<QPushButton*>(u"dismiss-%1"_s.arg(id)), Qt::LeftButton);
        // then the journal is empty, and the menu and status bar say so
        QCOMPARE(m_store->conflictCount().value(), 0);
        QCOMPARE(dialog->table()->rowCount(), 0);
        QCOMPARE(conflicts->text(), u"&Conflicts..."_s);
        QCOMPARE(window.syncStatus()->conflictsText(), QString());
    }
};

QTEST_MAIN(ConflictsDialogTest)
#include "tst_conflictsdialog.moc"
