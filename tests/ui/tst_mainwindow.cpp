#include "MainWindow.h"
#include "TaskDialog.h"
#include "TaskListModel.h"
#include "Translations.h"
#include "WindowHarness.h"
#include "account/AccountManager.h"
#include "account/Workspace.h"
#include "model/IsoDateTime.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QCompleter>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QIcon>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace Qt::StringLiterals;
using bizy::AccountManager;
using bizy::MainWindow;
using bizy::Task;
using bizy::TaskDialog;
using bizy::TaskListModel;

// The task window as a user drives it: keyboard and mouse on real widgets, a
// real SQLite store underneath on its worker thread. The window shows what the
// store's change events tell it, so checks of what it shows wait for it.
class MainWindowTest : public QObject {
    Q_OBJECT

private:
    WindowHarness m_harness;

    QLineEdit* searchField() const {
        return m_harness.window()->findChild<QLineEdit*>(u"search"_s);
    }
    QComboBox* statusFilter() const {
        return m_harness.window()->findChild<QComboBox*>(u"statusFilter"_s);
    }
    QComboBox* filterBox(const QString& name) const {
        return m_harness.window()->findChild<QComboBox*>(name);
    }

    // What a filter offers after its first entry ("any ...").
    static QStringList offered(const QComboBox* filter) {
        QStringList values;
        for (int i = 1; i < filter->count(); ++i)
            values << filter->itemText(i);
        return values;
    }
    // The hint in place of the table; empty while the table is shown.
    QString emptyHint() const {
        const auto* hint = m_harness.window()->findChild<QLabel*>(u"emptyHint"_s);
        return hint->isVisible() ? hint->text() : QString();
    }
    QString shownCountText() const {
        return m_harness.window()->findChild<QLabel*>(u"shownCount"_s)->text();
    }
    QString pendingText() const {
        return m_harness.window()->findChild<QLabel*>(u"pendingCount"_s)->text();
    }

    // The task dialog that is open, if any.
    TaskDialog* openTaskDialog() const {
        TaskDialog* dialog = m_harness.window()->findChild<TaskDialog*>();
        return dialog && dialog->isVisible() ? dialog : nullptr;
    }

    TaskDialog* waitForDialog() const {
        if (!QTest::qWaitFor([this] { return openTaskDialog() != nullptr; }))
            return nullptr;
        return openTaskDialog();
    }

    static QWidget* editor(TaskDialog* dialog, const QString& field) {
        QWidget* widget = dialog->findChild<QWidget*>(field);
        if (!widget)
            qFatal("the dialog has no editor named %s", qPrintable(field));
        return widget;
    }

    // The error shown under a field; empty when there is none.
    static QString errorFor(TaskDialog* dialog, const QString& field) {
        const auto* label = dialog->findChild<QLabel*>(u"error_"_s + field);
        return label && !label->isHidden() ? label->text() : QString();
    }

    static void save(TaskDialog* dialog) {
        auto* buttons = dialog->findChild<QDialogButtonBox*>();
        QTest::mouseClick(buttons->button(QDialogButtonBox::Save), Qt::LeftButton);
    }

    static void retype(QWidget* editor, const QString& text) {
        auto* lineEdit = qobject_cast<QLineEdit*>(editor);
        if (lineEdit)
            lineEdit->selectAll();
        else
            QTest::keyClick(editor, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClick(editor, Qt::Key_Backspace);
        QTest::keyClicks(editor, text);
    }

    QMessageBox* waitForConfirmation() const {
        QMessageBox* box = nullptr;
        (void)QTest::qWaitFor([&] {
            box = m_harness.window()->findChild<QMessageBox*>(u"confirmDelete"_s);
            return box && box->isVisible();
        });
        return box;
    }

    void selectRowOf(const QString& uuid) {
        QTRY_VERIFY(m_harness.taskModel()->rowOf(uuid) >= 0);
        m_harness.taskView()->selectRow(m_harness.taskModel()->rowOf(uuid));
        m_harness.taskView()->setFocus();
    }

private slots:
    void initTestCase() { QVERIFY(WindowHarness::prepareApplication(u"tst_mainwindow"_s)); }
    void init() { QVERIFY2(m_harness.start(), qPrintable(m_harness.error())); }
    void cleanup() { m_harness.stop(); }

    void emptyStoreShowsHintAndCounts() {
        // given an empty store
        // when the window opens
        QVERIFY(m_harness.openWindow());

        // then it invites to add a task and says nothing waits to sync
        QCOMPARE(emptyHint(), u"No tasks yet. Press Ctrl+N to add one."_s);
        QCOMPARE(shownCountText(), u"0 tasks shown"_s);
        QCOMPARE(pendingText(), u"No changes waiting to sync"_s);

        // when a task arrives in the store
        m_harness.addTask({{u"title"_s, u"First"_s}});

        // then the table replaces the hint and the counts follow
        QTRY_COMPARE(emptyHint(), QString());
        QTRY_COMPARE(shownCountText(), u"1 task shown"_s);
        QTRY_COMPARE(pendingText(), u"1 change waiting to sync"_s);
    }

    void addTaskThroughTheDialog() {
        // given the window on an empty store
        QVERIFY(m_harness.openWindow());

        // when the user presses Ctrl+N and fills in every field
        QTest::keyClick(m_harness.taskView(), Qt::Key_N, Qt::ControlModifier);
        TaskDialog* dialog = waitForDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->windowTitle(), u"New Task"_s);
        QTest::keyClicks(editor(dialog, u"title"_s), u"Buy milk"_s);
        QTest::keyClicks(editor(dialog, u"description"_s), u"From the corner shop"_s);
        QTest::keyClicks(editor(dialog, u"priority"_s), u"1"_s);
        QTest::keyClicks(editor(dialog, u"status"_s), u"In"_s);
        QTest::keyClicks(editor(dialog, u"category"_s), u"Errands"_s);
        auto* hasDue = qobject_cast<QCheckBox*>(editor(dialog, u"has_due_date"_s));
        QTest::mouseClick(hasDue, Qt::LeftButton);
        QVERIFY(hasDue->isChecked());
        const QDateTime due(QDate(2031, 5, 17), QTime(9, 30));
        qobject_cast<QDateTimeEdit*>(editor(dialog, u"due_date"_s))->setDateTime(due);
        QTest::keyClicks(editor(dialog, u"estimated_hours"_s), u"1.5"_s);
        QTest::keyClicks(editor(dialog, u"actual_hours"_s), u"0.25"_s);
        QTest::keyClicks(editor(dialog, u"tags"_s), u"shop, quick ,"_s);
        QTest::keyClicks(editor(dialog, u"notes"_s), u"Semi-skimmed"_s);
        save(dialog);

        // then the dialog closes, the task is in the table, selected, and in the store
        QTRY_VERIFY(!openTaskDialog());
        QTRY_COMPARE(m_harness.shownTitles(), QStringList{u"Buy milk"_s});
        QTRY_COMPARE(m_harness.taskView()->currentIndex().row(), 0);
        const QList<Task> stored = m_harness.store().tasks().value();
        QCOMPARE(stored.size(), 1);
        const Task& task = stored.first();
        QCOMPARE(task.title, u"Buy milk"_s);
        QCOMPARE(task.description, u"From the corner shop"_s);
        QCOMPARE(task.priority, 1);
        QCOMPARE(bizy::toString(task.status), bizy::toString(bizy::TaskStatus::InProgress));
        QCOMPARE(task.category, u"Errands"_s);
        QVERIFY(task.dueDate.has_value());
        QCOMPARE(task.dueDate->toMSecsSinceEpoch(), due.toUTC().toMSecsSinceEpoch());
        QCOMPARE(task.estimatedHours, 1.5);
        QCOMPARE(task.actualHours, 0.25);
        QCOMPARE(task.tags, (QStringList{u"shop"_s, u"quick"_s}));
        QCOMPARE(task.notes, u"Semi-skimmed"_s);
        QTRY_COMPARE(pendingText(), u"1 change waiting to sync"_s);
    }

    void newTaskWithoutDueDateLeavesItUnset() {
        // given the window
        QVERIFY(m_harness.openWindow());

        // when only a title is typed and Enter pressed
        m_harness.action(u"newTask"_s)->trigger();
        TaskDialog* dialog = waitForDialog();
        QVERIFY(dialog);
        QTest::keyClicks(editor(dialog, u"title"_s), u"Someday"_s);
        QTest::keyClick(editor(dialog, u"title"_s), Qt::Key_Return);

        // then the task has the defaults and no due date, description or tags
        QTRY_VERIFY(!openTaskDialog());
        const QList<Task> stored = m_harness.store().tasks().value();
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored.first().priority, 3);
        QCOMPARE(bizy::toString(stored.first().status), bizy::toString(bizy::TaskStatus::Pending));
        QVERIFY(!stored.first().dueDate);
        QVERIFY(!stored.first().description);
        QVERIFY(!stored.first().tags);
    }

    void editTaskWithEnter() {
        // given a task with a category
        const QString uuid = m_harness.addTask({{u"title"_s, u"Call mom"_s},
                                                {u"category"_s, u"Family"_s},
                                                {u"due_date"_s, u"2031-01-02T10:00:00Z"_s}});
        QVERIFY(m_harness.openWindow());
        selectRowOf(uuid);

        // when the user presses Enter on it and changes the title
        QTest::keyClick(m_harness.taskView(), Qt::Key_Return);
        TaskDialog* dialog = waitForDialog();
        QVERIFY(dialog);
        QCOMPARE(dialog->windowTitle(), u"Edit Task"_s);
        QCOMPARE(qobject_cast<QLineEdit*>(editor(dialog, u"title"_s))->text(), u"Call mom"_s);
        retype(editor(dialog, u"title"_s), u"Call mom about Sunday"_s);
        save(dialog);

        // then the row and the store show the new title; other fields are untouched
        QTRY_VERIFY(!openTaskDialog());
        QTRY_COMPARE(m_harness.shownTitles(), QStringList{u"Call mom about Sunday"_s});
        const bizy::Result<Task> task = m_harness.store().task(uuid);
        QVERIFY(task);
        QCOMPARE(task->title, u"Call mom about Sunday"_s);
        QCOMPARE(task->category, u"Family"_s);
        QCOMPARE(task->dueDate, bizy::IsoDateTime::parse(u"2031-01-02T10:00:00Z"_s));
        // only the title travels: the edit merges with the create in the outbox
        const QList<bizy::OutboxMutation> pending = m_harness.store().pendingMutations().value();
        QCOMPARE(pending.size(), 1);
        QCOMPARE(pending.first().fields.value(u"title"_s).toString(), u"Call mom about Sunday"_s);
    }

    void dependenciesArePickedByTitle() {
        // given a task to ship and two tasks it could wait for
        const QString ship = m_harness.addTask({{u"title"_s, u"Ship the release"_s}});
        const QString docs = m_harness.addTask({{u"title"_s, u"Write the release notes"_s}});
        m_harness.addTask({{u"title"_s, u"Test the build"_s}});
        QVERIFY(m_harness.openWindow());
        selectRowOf(ship);
        QTest::keyClick(m_harness.taskView(), Qt::Key_Return);
        TaskDialog* dialog = waitForDialog();
        QVERIFY(dialog);
        auto* field = qobject_cast<QLineEdit*>(editor(dialog, u"addDependency"_s));
        auto* list = dialog->findChild<QListWidget*>(u"dependencies"_s);
        QCOMPARE(list->count(), 0);

        // when the user types a word that two titles share, its own and another's
        field->setFocus();
        QTest::keyClicks(field, u"release"_s);

        // then only the other task is offered: a task never waits for itself
        QAbstractItemModel* offered = dialog->findChild<QCompleter*>()->completionModel();
        QTRY_COMPARE(offered->rowCount(), 1);
        QCOMPARE(offered->index(0, 0).data().toString(), u"Write the release notes"_s);

        // when she presses Enter
        QTest::keyClick(field, Qt::Key_Return);

        // then that task is listed by its title, and saving stores it as a dependency
        QTRY_COMPARE(list->count(), 1);
        QCOMPARE(list->item(0)->text(), u"Write the release notes"_s);
        QTRY_COMPARE(field->text(), QString());
        save(dialog);
        QTRY_VERIFY(!openTaskDialog());
        QCOMPARE(m_harness.store().task(ship)->dependencyUuids, std::optional(QStringList{docs}));

        // when the editor opens again, the dependency is read back by title and removed
        // (the offscreen platform gives the window back its activation only when asked)
        QTRY_VERIFY(!QApplication::activePopupWidget());
        QApplication::setActiveWindow(m_harness.window());
        QVERIFY(QTest::qWaitForWindowActive(m_harness.window()));
        selectRowOf(ship);
        QTest::keyClick(m_harness.taskView(), Qt::Key_Return);
        dialog = waitForDialog();
        QVERIFY(dialog);
        list = dialog->findChild<QListWidget*>(u"dependencies"_s);
        QTRY_COMPARE(list->count(), 1);
        QTRY_COMPARE(list->item(0)->text(), u"Write the release notes"_s);
        list->setFocus();
        list->setCurrentRow(0);
        QTest::keyClick(list, Qt::Key_Delete);
        QCOMPARE(list->count(), 0);
        save(dialog);

        // then the task waits for nothing
        QTRY_VERIFY(!openTaskDialog());
        QTRY_VERIFY(
            m_harness.store().task(ship)->dependencyUuids.value_or(QStringList()).isEmpty());
    }

    void editClearsOptionalFields() {
        // given a task with a due date and tags
        const QString uuid = m_harness.addTask({{u"title"_s, u"Dentist"_s},
                                                {u"tags"_s, QJsonArray{u"health"_s}},
                                                {u"due_date"_s, u"2031-01-02T10:00:00Z"_s}});
        QVERIFY(m_harness.openWindow());
        selectRowOf(uuid);

        // when the user double-clicks it, unticks the due date and empties the tags
        const QRect cell = m_harness.taskView()->visualRect(m_harness.taskModel()->index(0, 0));
        QTest::mouseClick(m_harness.taskView()->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseDClick(m_harness.taskView()->viewport(), Qt::LeftButton, {}, cell.center());
        TaskDialog* dialog = waitForDialog();
        QVERIFY(dialog);
        QTest::mouseClick(editor(dialog, u"has_due_date"_s), Qt::LeftButton);
        retype(editor(dialog, u"tags"_s), QString());
        save(dialog);

        // then both are gone from the store
        QTRY_VERIFY(!openTaskDialog());
        const bizy::Result<Task> task = m_harness.store().task(uuid);
        QVERIFY(task);
        QVERIFY(!task->dueDate);
        QVERIFY(!task->tags);
        QTRY_COMPARE(m_harness.taskModel()->index(0, TaskListModel::DueColumn).data().toString(),
                     QString());
    }

    void completeAndReopenWithCtrlD() {
        // given a pending task, selected
        const QString uuid = m_harness.addTask({{u"title"_s, u"Pay rent"_s}});
        QVERIFY(m_harness.openWindow());
        selectRowOf(uuid);
        auto* complete = m_harness.action(u"completeTask"_s);
        QCOMPARE(complete->text(), u"&Complete"_s);

        // when the user presses Ctrl+D
        QTest::keyClick(m_harness.taskView(), Qt::Key_D, Qt::ControlModifier);

        // then it is completed in the store and shown as done
        QTRY_COMPARE(bizy::toString(m_harness.store().task(uuid)->status),
                     bizy::toString(bizy::TaskStatus::Completed));
        QVERIFY(m_harness.store().task(uuid)->completedAt.has_value());
        const QModelIndex title = m_harness.taskModel()->index(0, TaskListModel::TitleColumn);
        QTRY_VERIFY(title.data(TaskListModel::CompletedRole).toBool());
        QVERIFY(title.data(Qt::FontRole).value<QFont>().strikeOut());
        QTRY_COMPARE(complete->text(), u"&Reopen"_s);

        // when Ctrl+D is pressed again
        QTest::keyClick(m_harness.taskView(), Qt::Key_D, Qt::ControlModifier);

        // then it is open again
        QTRY_COMPARE(bizy::toString(m_harness.store().task(uuid)->status),
                     bizy::toString(bizy::TaskStatus::Pending));
        QVERIFY(!m_harness.store().task(uuid)->completedAt.has_value());
        QTRY_COMPARE(complete->text(), u"&Complete"_s);
        QVERIFY(!title.data(TaskListModel::CompletedRole).toBool());
    }

    void deleteIsAtOnceAndUndoable() {
        // given two tasks, the first selected
        const QString doomed = m_harness.addTask({{u"title"_s, u"Old idea"_s}, {u"priority"_s, 1}});
        m_harness.addTask({{u"title"_s, u"Keeper"_s}, {u"priority"_s, 2}});
        QVERIFY(m_harness.openWindow());
        selectRowOf(doomed);

        // when the user presses Del
        QTest::keyClick(m_harness.taskView(), Qt::Key_Delete);

        // then the task is gone at once (no question), the neighbour is selected, and the
        // status bar says how to get it back
        QTRY_VERIFY(!m_harness.store().task(doomed).ok());
        QTRY_COMPARE(m_harness.shownTitles(), QStringList{u"Keeper"_s});
        QTRY_COMPARE(m_harness.taskView()->currentIndex().row(), 0);
        QVERIFY(!m_harness.window()->findChild<QMessageBox*>(u"confirmDelete"_s));
        QCOMPARE(m_harness.window()->statusBar()->currentMessage(),
                 u"Deleted \u201cOld idea\u201d. Ctrl+Z brings it back."_s);
        QCOMPARE(m_harness.action(u"undo"_s)->text(), u"&Undo Delete"_s);

        // when the user presses Ctrl+Z
        QTest::keyClick(m_harness.taskView(), Qt::Key_Z, Qt::ControlModifier);

        // then it is back, with its fields, as a new change that will sync
        QTRY_COMPARE(m_harness.shownTitles(), (QStringList{u"Old idea"_s, u"Keeper"_s}));
        const QList<Task> back = m_harness.store().tasks().value();
        QCOMPARE(back.first().title, u"Old idea"_s);
        QCOMPARE(back.first().priority, 1);

        // and Ctrl+Shift+Z deletes it again
        QTest::keyClick(m_harness.taskView(), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_COMPARE(m_harness.shownTitles(), QStringList{u"Keeper"_s});
    }

    void deletingTheLastTaskShowsTheHint() {
        // given one task
        const QString uuid = m_harness.addTask({{u"title"_s, u"Only one"_s}});
        QVERIFY(m_harness.openWindow());
        selectRowOf(uuid);

        // when it is deleted
        m_harness.action(u"deleteTask"_s)->trigger();

        // then the empty hint is back
        QTRY_COMPARE(emptyHint(), u"No tasks yet. Press Ctrl+N to add one."_s);
        QCOMPARE(m_harness.store().taskCount().value(), 0);
    }

    void validationErrorKeepsTheDialogOpen() {
        // given the new-task dialog
        QVERIFY(m_harness.openWindow());
        m_harness.action(u"newTask"_s)->trigger();
        TaskDialog* dialog = waitForDialog();
        QVERIFY(dialog);

        // when the title is 501 characters long and the estimate negative
        const QString longTitle(501, u'x');
        QTest::keyClicks(editor(dialog, u"title"_s), longTitle);
        QTest::keyClicks(editor(dialog, u"estimated_hours"_s), u"-2"_s);
        QTest::keyClicks(editor(dialog, u"notes"_s), u"keep me"_s);
        save(dialog);

        // then the dialog stays with the input intact, errors next to both fields,
        // and nothing is written
        QTRY_VERIFY(!errorFor(dialog, u"title"_s).isEmpty());
        QVERIFY(dialog->isVisible());
        QCOMPARE(openTaskDialog(), dialog);
        QCOMPARE(qobject_cast<QLineEdit*>(editor(dialog, u"title"_s))->text(), longTitle);
        QCOMPARE(qobject_cast<QPlainTextEdit*>(editor(dialog, u"notes"_s))->toPlainText(),
                 u"keep me"_s);
        QVERIFY2(errorFor(dialog, u"title"_s).contains(u"500"_s),
                 qPrintable(errorFor(dialog, u"title"_s)));
        QVERIFY(!errorFor(dialog, u"estimated_hours"_s).isEmpty());
        QCOMPARE(errorFor(dialog, u"notes"_s), QString());
        QCOMPARE(m_harness.store().taskCount().value(), 0);
        QCOMPARE(m_harness.store().pendingCount().value(), 0);

        // when the user fixes both and saves again
        retype(editor(dialog, u"title"_s), u"Short title"_s);
        retype(editor(dialog, u"estimated_hours"_s), u"2"_s);
        save(dialog);

        // then the task is created
        QTRY_VERIFY(!openTaskDialog());
        QTRY_COMPARE(m_harness.shownTitles(), QStringList{u"Short title"_s});
        QCOMPARE(m_harness.store().tasks().value().first().estimatedHours, 2.0);
    }

    void unreadableHoursAreRefusedInPlace() {
        // given the new-task dialog with a title
        QVERIFY(m_harness.openWindow());
        m_harness.action(u"newTask"_s)->trigger();
        TaskDialog* dialog = waitForDialog();
        QVERIFY(dialog);
        QTest::keyClicks(editor(dialog, u"title"_s), u"Estimate me"_s);

        // when the hours are not a number
        QTest::keyClicks(editor(dialog, u"actual_hours"_s), u"two"_s);
        save(dialog);

        // then the dialog says so next to the field and writes nothing
        QVERIFY(dialog->isVisible());
        QVERIFY(!errorFor(dialog, u"actual_hours"_s).isEmpty());
        QCOMPARE(m_harness.store().taskCount().value(), 0);
    }

    void overdueAndDoneTasksAreMarkedInTheTable() {
        // given a task due yesterday and a completed one
        const QDateTime yesterday = bizy::IsoDateTime::nowUtc().addDays(-1);
        m_harness.addTask({{u"title"_s, u"Late"_s},
                           {u"priority"_s, 1},
                           {u"due_date"_s, bizy::IsoDateTime::format(yesterday)}});
        const QString done = m_harness.addTask({{u"title"_s, u"Done"_s}, {u"priority"_s, 2}});
        QVERIFY(m_harness.store().completeTask(done).ok());

        // when the window shows them
        QVERIFY(m_harness.openWindow());

        // then the late due date has an icon beside it, and so has the done status
        const QAbstractItemModel* table = m_harness.taskView()->model();
        QTRY_COMPARE(m_harness.shownTitles(), (QStringList{u"Late"_s, u"Done"_s}));
        QVERIFY(!table->index(0, TaskListModel::DueColumn)
                     .data(Qt::DecorationRole)
                     .value<QIcon>()
                     .isNull());
        QVERIFY(!table->index(1, TaskListModel::StatusColumn)
                     .data(Qt::DecorationRole)
                     .value<QIcon>()
                     .isNull());
        QVERIFY(table->index(0, TaskListModel::StatusColumn).data(Qt::DecorationRole).isNull());
    }

    void selectionAndScrollSurviveASyncSizedChange() {
        // given 60 tasks, the window scrolled down and "Existing 40" selected
        const QDateTime start(QDate(2031, 1, 1), QTime(0, 0), Qt::UTC);
        QList<QJsonObject> existing;
        for (int i = 0; i < 60; ++i)
            existing.append({{u"title"_s, u"Existing %1"_s.arg(i)},
                             {u"priority"_s, 1},
                             {u"due_date"_s, bizy::IsoDateTime::format(start.addSecs(3600 * i))}});
        QVERIFY(m_harness.store().createTasks(existing).ok());
        QVERIFY(m_harness.openWindow());
        QTRY_COMPARE(m_harness.shownTitles().size(), 60);
        const int selectedRow = int(m_harness.shownTitles().indexOf(u"Existing 40"_s));
        m_harness.taskView()->selectRow(selectedRow);
        m_harness.taskView()->scrollTo(m_harness.taskView()->model()->index(selectedRow, 0),
                                       QAbstractItemView::PositionAtTop);
        const int scrolled = m_harness.taskView()->verticalScrollBar()->value();
        QVERIFY(scrolled > 0);
        QSignalSpy reset(m_harness.taskView()->model(), &QAbstractItemModel::modelReset);

        // when a change of a thousand tasks arrives, as a sync's page does: 30
        // of them list above the selection, the rest below
        QList<QJsonObject> page;
        for (int i = 0; i < 1000; ++i) {
            const bool above = i < 30;
            page.append({{u"title"_s, u"Pulled %1"_s.arg(i)},
                         {u"priority"_s, above ? 1 : 3},
                         {u"due_date"_s, bizy::IsoDateTime::format(start.addSecs(60 * i))}});
        }
        QVERIFY(m_harness.store().createTasks(page).ok());

        // then the same task is still the selected one, 30 rows further down,
        // and the view was neither reset nor scrolled back to the top
        QTRY_COMPARE(m_harness.taskModel()->totalCount(), 1060);
        QTRY_COMPARE(m_harness.shownTitles().indexOf(u"Existing 40"_s), selectedRow + 30);
        QCOMPARE(m_harness.taskView()->currentIndex().data().toString(), u"Existing 40"_s);
        const QModelIndexList selected = m_harness.taskView()->selectionModel()->selectedRows();
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selected.first().data().toString(), u"Existing 40"_s);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(m_harness.taskView()->verticalScrollBar()->value(), scrolled);
    }

    void searchFieldFilters() {
        // given three tasks
        m_harness.addTask({{u"title"_s, u"Buy milk"_s}, {u"priority"_s, 1}});
        m_harness.addTask({{u"title"_s, u"Write report"_s}, {u"priority"_s, 2}});
        m_harness.addTask({{u"title"_s, u"Buy stamps"_s}, {u"priority"_s, 3}});
        QVERIFY(m_harness.openWindow());

        // when the user presses Ctrl+F and types a word
        QTest::keyClick(m_harness.taskView(), Qt::Key_F, Qt::ControlModifier);
        QVERIFY(searchField()->hasFocus());
        QTest::keyClicks(searchField(), u"buy"_s);

        // then only matching tasks are shown and counted
        QTRY_COMPARE(m_harness.shownTitles(), (QStringList{u"Buy milk"_s, u"Buy stamps"_s}));
        QTRY_COMPARE(shownCountText(), u"2 tasks shown"_s);

        // when nothing matches
        QTest::keyClicks(searchField(), u"zzz"_s);

        // then the hint says the filter hides everything
        QTRY_COMPARE(m_harness.shownTitles(), QStringList());
        QTRY_COMPARE(emptyHint(), u"No tasks in \u201cAll\u201d match the search and filters."_s);

        // when the user presses Escape in the search field
        QTest::keyClick(searchField(), Qt::Key_Escape);

        // then the search is cleared and everything is back
        QCOMPARE(searchField()->text(), QString());
        QTRY_COMPARE(m_harness.shownTitles().size(), 3);

        // when the user types again, sees the match, and presses Down
        QTest::keyClicks(searchField(), u"report"_s);
        QTRY_COMPARE(m_harness.shownTitles(), QStringList{u"Write report"_s});
        QTest::keyClick(searchField(), Qt::Key_Down);

        // then the table has the focus on the match, ready for Enter
        QVERIFY(m_harness.taskView()->hasFocus());
        QCOMPARE(m_harness.taskView()->currentIndex().data().toString(), u"Write report"_s);
    }

    void statusFilterShowsOneStatus() {
        // given an open and a completed task
        m_harness.addTask({{u"title"_s, u"Open one"_s}, {u"priority"_s, 1}});
        const QString done = m_harness.addTask({{u"title"_s, u"Done one"_s}, {u"priority"_s, 2}});
        QVERIFY(m_harness.store().completeTask(done).ok());
        QVERIFY(m_harness.openWindow());
        QCOMPARE(m_harness.shownTitles().size(), 2);

        // when the status filter is set to "Completed"
        QComboBox* filter = statusFilter();
        filter->setCurrentIndex(filter->findData(u"completed"_s));

        // then only the completed task is shown
        QTRY_COMPARE(m_harness.shownTitles(), QStringList{u"Done one"_s});

        // when it is set to "Open tasks"
        filter->setCurrentIndex(filter->findData(u"open"_s));

        // then only the open one is shown
        QTRY_COMPARE(m_harness.shownTitles(), QStringList{u"Open one"_s});
    }

    void filtersCombineWithSearch() {
        // given tasks of two categories, some tagged, of different priorities
        m_harness.addTask({{u"title"_s, u"Call the bank"_s},
                           {u"priority"_s, 1},
                           {u"due_date"_s, u"2031-01-02T10:00:00Z"_s},
                           {u"category"_s, u"home"_s},
                           {u"tags"_s, QJsonArray{u"money"_s}}});
        m_harness.addTask({{u"title"_s, u"Call the supplier"_s},
                           {u"priority"_s, 1},
                           {u"category"_s, u"work"_s},
                           {u"tags"_s, QJsonArray{u"money"_s, u"urgent"_s}}});
        m_harness.addTask({{u"title"_s, u"Call the printer"_s},
                           {u"priority"_s, 3},
                           {u"category"_s, u"work"_s},
                           {u"tags"_s, QJsonArray{u"urgent"_s}}});
        m_harness.addTask(
            {{u"title"_s, u"Water plants"_s}, {u"priority"_s, 1}, {u"category"_s, u"home"_s}});
        QVERIFY(m_harness.openWindow());
        QComboBox* priority = filterBox(u"priorityFilter"_s);
        QComboBox* category = filterBox(u"categoryFilter"_s);
        QComboBox* tag = filterBox(u"tagFilter"_s);

        // then the category and tag filters offer what the tasks use, in order
        QTRY_COMPARE(offered(category), (QStringList{u"home"_s, u"work"_s}));
        QTRY_COMPARE(offered(tag), (QStringList{u"money"_s, u"urgent"_s}));

        // when the user searches "call" and picks priority 1, then category work
        QTest::keyClicks(searchField(), u"call"_s);
        QTRY_COMPARE(m_harness.shownTitles().size(), 3);
        priority->setCurrentIndex(priority->findData(1));
        // (the list's order: priority, then a due date before none)
        QTRY_COMPARE(m_harness.shownTitles(),
                     (QStringList{u"Call the bank"_s, u"Call the supplier"_s}));
        category->setCurrentIndex(category->findText(u"work"_s));

        // then every criterion holds at once
        QTRY_COMPARE(m_harness.shownTitles(), QStringList{u"Call the supplier"_s});

        // when priority goes back to any and the tag "urgent" is picked
        priority->setCurrentIndex(0);
        tag->setCurrentIndex(tag->findText(u"urgent"_s));
        QTRY_COMPARE(m_harness.shownTitles(),
                     (QStringList{u"Call the supplier"_s, u"Call the printer"_s}));

        // when a task with a new category arrives (here by the store, as a sync would)
        m_harness.addTask({{u"title"_s, u"Call the office"_s}, {u"category"_s, u"errands"_s}});

        // then the category filter offers it at once, the choice unchanged
        QTRY_COMPARE(offered(category), (QStringList{u"errands"_s, u"home"_s, u"work"_s}));
        QCOMPARE(category->currentText(), u"work"_s);

        // when the last urgent tasks lose the tag
        for (const Task& task : m_harness.store().tasks().value())
            if (task.tags && task.tags->contains(u"urgent"_s))
                QVERIFY(m_harness.store().updateTask(task.uuid, {{u"tags"_s, QJsonArray{}}}).ok());

        // then the chosen tag stays chosen (the list does not widen by itself) and nothing matches
        QTRY_COMPARE(m_harness.shownTitles(), QStringList());
        QCOMPARE(tag->currentText(), u"urgent"_s);
        QTRY_COMPARE(emptyHint(), u"No tasks in \u201cAll\u201d match the search and filters."_s);
        QCOMPARE(offered(tag), (QStringList{u"money"_s, u"urgent"_s}));
    }

    void windowSizeIsRemembered() {
        // given a window the user resized, then closed
        QVERIFY(m_harness.openWindow());
        m_harness.window()->resize(812, 533);
        QTRY_COMPARE(m_harness.window()->size(), QSize(812, 533));
        m_harness.window()->close();

        // when the window opens again
        QVERIFY(m_harness.openWindow());

        // then it has the same size
        QCOMPARE(m_harness.window()->size(), QSize(812, 533));
    }
};

QTEST_MAIN(MainWindowTest)
#include "tst_mainwindow.moc"
