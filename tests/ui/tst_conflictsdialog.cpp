#include "BlockingStore.h"
#include "ConflictListModel.h"
#include "ConflictSupport.h"
#include "ConflictsDialog.h"
#include "MainWindow.h"
#include "Translations.h"
#include "account/AccountManager.h"
#include "account/Workspace.h"
#include "store/StoreClient.h"

#include <QAction>
#include <QLabel>
#include <QPushButton>
#include <QSemaphore>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <memory>

using namespace Qt::StringLiterals;
using bizy::ConflictEntry;
using bizy::ConflictListModel;
using bizy::ConflictsDialog;
using bizy::LocalStore;
using bizy::StoreClient;

// The conflict journal as the user sees it: entries that a sync put in a real
// store, listed with what was lost, and brought back or dismissed by a click
// on the selected entry.
class ConflictsDialogTest : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<StoreClient> m_client;
    BlockingStore m_store;

    static QTableView* table(const QWidget& dialog) {
        return dialog.findChild<QTableView*>(u"conflictTable"_s);
    }

    static QString cell(const QWidget& dialog, int row, int column) {
        return table(dialog)->model()->index(row, column).data().toString();
    }

    // The row that shows journal entry `id`; -1 when none does.
    static int rowOf(const QWidget& dialog, qint64 id) {
        const QAbstractItemModel* model = table(dialog)->model();
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->index(row, 0).data(ConflictListModel::IdRole).toLongLong() == id)
                return row;
        }
        return -1;
    }

    static void clickRow(const QWidget& dialog, int row) {
        QTableView* view = table(dialog);
        const QRect cell = view->visualRect(view->model()->index(row, 0));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cell.center());
    }

    static QString errorText(const QWidget& dialog) {
        const auto* error = dialog.findChild<QLabel*>(u"conflictError"_s);
        return error->isHidden() ? QString() : error->text();
    }

    qint64 idOf(ConflictEntry::Kind kind) const {
        for (const ConflictEntry& entry : m_store.conflicts().value()) {
            if (entry.kind == kind)
                return entry.id;
        }
        return 0;
    }

    QString overwrite(const QString& title, const QJsonObject& theirValues) const {
        return m_store.call([&](LocalStore& store) {
            return conflict_support::overwrite(store, title, theirValues);
        });
    }

    QString reject(const QString& title, const QString& message) const {
        return m_store.call(
            [&](LocalStore& store) { return conflict_support::reject(store, title, message); });
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
        auto client = StoreClient::open(m_dir->filePath(u"tasks.sqlite"_s));
        QVERIFY2(client.ok(), qPrintable(client ? QString() : client.error().message));
        m_client = std::move(client).value();
        m_store = BlockingStore(m_client.get());
    }

    void cleanup() {
        m_store = BlockingStore();
        m_client.reset();
        m_dir.reset();
    }

    void listsEachEntry_withItemFieldLostValueAndTime() {
        // given a push where another device's title lost, and one the server refused
        const QString kept =
            overwrite(u"Plan the trip"_s, {{u"title"_s, u"Plan the trip to Rome"_s}});
        reject(u"Buy paint"_s, u"Title is not accepted"_s);
        QCOMPARE(m_store.conflictCount().value(), 2);

        // when the dialog opens
        ConflictsDialog dialog(m_client.get());
        dialog.show();

        // then both are listed, newest first, in words, under a summary
        QTRY_COMPARE(table(dialog)->model()->rowCount(), 2);
        const int overwritten = rowOf(dialog, idOf(ConflictEntry::Kind::Overwritten));
        QVERIFY(overwritten >= 0);
        QCOMPARE(cell(dialog, overwritten, 0), u"Another device's change was replaced by yours"_s);
        QCOMPARE(cell(dialog, overwritten, 1), u"Task \u201cPlan the trip\u201d"_s);
        QCOMPARE(cell(dialog, overwritten, 2), u"Title"_s);
        QCOMPARE(cell(dialog, overwritten, 3), u"Plan the trip to Rome"_s);
        QVERIFY(!cell(dialog, overwritten, 4).isEmpty());
        const int rejected = rowOf(dialog, idOf(ConflictEntry::Kind::Rejected));
        QVERIFY(rejected >= 0);
        QVERIFY(rejected < overwritten);
        QCOMPARE(cell(dialog, rejected, 0),
                 u"The server refused your change: Title is not accepted"_s);
        QCOMPARE(cell(dialog, rejected, 1), u"Task \u201cBuy paint\u201d"_s);
        const QString summary = dialog.findChild<QLabel*>(u"conflictSummary"_s)->text();
        QVERIFY2(summary.startsWith(u"2 changes did not survive sync"_s), qPrintable(summary));
        QVERIFY(m_store.task(kept).ok());
    }

    void restore_bringsTheLostValueBackAsAChange() {
        // given another device's title lost to ours
        const QString uuid =
            overwrite(u"Plan the trip"_s, {{u"title"_s, u"Plan the trip to Rome"_s}});
        QCOMPARE(m_store.pendingCount().value(), 0);
        ConflictsDialog dialog(m_client.get());
        dialog.show();
        QTRY_COMPARE(table(dialog)->model()->rowCount(), 1);
        auto* restore = dialog.findChild<QPushButton*>(u"restore"_s);
        QVERIFY(restore);

        // when the user selects it and clicks Restore
        clickRow(dialog, rowOf(dialog, idOf(ConflictEntry::Kind::Overwritten)));
        QVERIFY(restore->isEnabled());
        QTest::mouseClick(restore, Qt::LeftButton);

        // then the task has their title again, as a change waiting to sync, and the entry is gone
        QTRY_COMPARE(m_store.conflictCount().value(), 0);
        QCOMPARE(m_store.task(uuid)->title, u"Plan the trip to Rome"_s);
        QCOMPARE(m_store.pendingCount().value(), 1);
        QTRY_COMPARE(table(dialog)->model()->rowCount(), 0);
        QCOMPARE(errorText(dialog), QString());
        QVERIFY(!restore->isEnabled());
    }

    void restoreOfAnEntryHandledMeanwhile_saysItCouldNotBeRestored() {
        // given a listed entry
        overwrite(u"Plan the trip"_s, {{u"title"_s, u"Plan the trip to Rome"_s}});
        const qint64 id = idOf(ConflictEntry::Kind::Overwritten);
        ConflictsDialog dialog(m_client.get());
        dialog.show();
        QTRY_COMPARE(table(dialog)->model()->rowCount(), 1);
        clickRow(dialog, rowOf(dialog, id));

        // when it is dismissed elsewhere (the store's worker busy until both
        // are asked for) just before the user clicks Restore
        QSemaphore release;
        QFuture<int> busy = m_client->run([&release](LocalStore&) {
            release.acquire();
            return 0;
        });
        QFuture<bizy::Status> dismissed =
            m_client->run([id](LocalStore& store) { return store.dismissConflict(id); });
        QTest::mouseClick(dialog.findChild<QPushButton*>(u"restore"_s), Qt::LeftButton);
        release.release();
        QTRY_VERIFY(busy.isFinished());

        // then the dialog says the entry could not be restored, and the list follows the store
        QTRY_VERIFY(!errorText(dialog).isEmpty());
        QVERIFY2(errorText(dialog).startsWith(u"The entry could not be restored"_s),
                 qPrintable(errorText(dialog)));
        QTRY_VERIFY(dismissed.isFinished());
        QVERIFY(dismissed.result().ok());
        QTRY_COMPARE(table(dialog)->model()->rowCount(), 0);
        QCOMPARE(m_store.pendingCount().value(), 0);
    }

    void dismiss_removesTheEntry_menuAndStatusBarFollow() {
        // given a refused change in the journal, opened from the window's Sync menu
        reject(u"Buy paint"_s, u"Title is not accepted"_s);
        const QString path = m_store.path();
        m_store = BlockingStore(); // the window opens the store itself
        m_client.reset();
        bizy::AccountManager::Options options;
        options.pinnedStore = path;
        bizy::AccountManager accounts(options);
        QVERIFY(accounts.start());
        const BlockingStore store(accounts.workspace()->store());
        bizy::MainWindow window(&accounts);
        window.show();
        QAction* conflicts = window.findChild<QAction*>(u"conflicts"_s);
        QTRY_COMPARE(conflicts->text(), u"&Conflicts (1)..."_s);
        auto* statusButton = window.findChild<QToolButton*>(u"syncConflicts"_s);
        QTRY_VERIFY(statusButton->isVisible());
        conflicts->trigger();
        auto* dialog = window.findChild<ConflictsDialog*>();
        QVERIFY(dialog);
        QTRY_COMPARE(table(*dialog)->model()->rowCount(), 1);

        // when the user dismisses it (the only entry, selected when the list opened)
        auto* dismiss = dialog->findChild<QPushButton*>(u"dismiss"_s);
        QTRY_VERIFY(dismiss->isEnabled());
        QTest::mouseClick(dismiss, Qt::LeftButton);

        // then the journal is empty, and the menu and status bar say so
        QTRY_COMPARE(store.conflictCount().value(), 0);
        QTRY_COMPARE(table(*dialog)->model()->rowCount(), 0);
        QTRY_COMPARE(conflicts->text(), u"&Conflicts..."_s);
        QTRY_VERIFY(!statusButton->isVisible());
    }
};

QTEST_MAIN(ConflictsDialogTest)
#include "tst_conflictsdialog.moc"
