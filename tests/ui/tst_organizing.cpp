#include "GoalDialog.h"
#include "GoalTreeModel.h"
#include "MainWindow.h"
#include "TaskListModel.h"
#include "TaskViewsModel.h"
#include "Translations.h"
#include "WindowHarness.h"
#include "account/AccountManager.h"
#include "account/Workspace.h"
#include "model/IsoDateTime.h"
#include "sync/ServerRow.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QUuid>
#include <memory>

using namespace Qt::StringLiterals;
using namespace bizy;

// Organizing tasks as a user does it: the sidebar's views with their counts,
// the goal tree with its progress, a goal's tasks, new goals and sub-goals
// through the dialog, re-parenting by drag and drop (and the loop the store
// refuses), renaming in place, and the task list's bulk actions on a
// multi-selection. A real SQLite store underneath.
class OrganizingTest : public QObject {
    Q_OBJECT

private:
    WindowHarness m_harness;

    QString addGoal(const QString& title, const QString& horizon, const QString& parent = {}) {
        QJsonObject fields{{u"title"_s, title}, {u"horizon"_s, horizon}};
        if (!parent.isEmpty())
            fields.insert(u"parent_goal_uuid"_s, parent);
        const Result<Goal> goal = m_harness.store().createGoal(fields);
        if (!goal)
            qFatal("cannot create a goal: %s", qPrintable(goal.error().message));
        return goal->uuid;
    }

    QListView* viewList() const {
        return m_harness.window()->findChild<QListView*>(u"taskViews"_s);
    }
    QTreeView* goalTree() const { return m_harness.window()->findChild<QTreeView*>(u"goalTree"_s); }
    GoalTreeModel* goalModel() const { return qobject_cast<GoalTreeModel*>(goalTree()->model()); }
    qsizetype viewCount(TaskViewsModel::View view) const {
        return viewList()->model()->index(view, 0).data(TaskViewsModel::CountRole).toLongLong();
    }

    QStringList goalTitlesUnder(const QString& parentUuid) const {
        const QModelIndex parent =
            parentUuid.isEmpty() ? QModelIndex() : goalModel()->indexOf(parentUuid);
        QStringList titles;
        for (int row = 0; row < goalModel()->rowCount(parent); ++row)
            titles << goalModel()->index(row, 0, parent).data().toString();
        return titles;
    }

    void clickView(TaskViewsModel::View view) {
        const QRect rect = viewList()->visualRect(viewList()->model()->index(view, 0));
        QTest::mouseClick(viewList()->viewport(), Qt::LeftButton, {}, rect.center());
    }

    void clickGoal(const QString& uuid) {
        QTRY_VERIFY(goalModel()->indexOf(uuid).isValid());
        const QModelIndex index = goalModel()->indexOf(uuid);
        goalTree()->scrollTo(index);
        QTest::mouseClick(goalTree()->viewport(), Qt::LeftButton, {},
                          goalTree()->visualRect(index).center());
    }

    GoalDialog* waitForGoalDialog() const {
        GoalDialog* dialog = nullptr;
        (void)QTest::qWaitFor([&] {
            dialog = m_harness.window()->findChild<GoalDialog*>();
            return dialog && dialog->isVisible();
        });
        return dialog;
    }

    static QString errorFor(QDialog* dialog, const QString& field) {
        const auto* label = dialog->findChild<QLabel*>(u"error_"_s + field);
        return label && !label->isHidden() ? label->text() : QString();
    }

    static void save(QDialog* dialog) {
        QTest::mouseClick(dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save),
                          Qt::LeftButton);
    }

    // The error box the window shows; its informative text, once it is up.
    QString shownError() const {
        QMessageBox* box = nullptr;
        if (!QTest::qWaitFor([&] {
                box = m_harness.window()->findChild<QMessageBox*>(u"errorMessage"_s);
                return box && box->isVisible();
            }))
            return {};
        const QString text = box->informativeText();
        box->close();
        return text;
    }

private slots:
    void initTestCase() { QVERIFY(WindowHarness::prepareApplication(u"tst_organizing"_s)); }
    void init() { QVERIFY2(m_harness.start(), qPrintable(m_harness.error())); }
    void cleanup() { m_harness.stop(); }

    void theViewsCountAndListTheirTasks() {
        // given a task due early today, one overdue since yesterday, one next week and one done
        const QDate today = QDate::currentDate();
        const auto due = [](const QDate& day, QTime time) {
            return IsoDateTime::format(QDateTime(day, time).toUTC());
        };
        m_harness.addTask(
            {{u"title"_s, u"Pay rent"_s}, {u"due_date"_s, due(today, QTime(0, 0, 30))}});
        m_harness.addTask(
            {{u"title"_s, u"Call bank"_s}, {u"due_date"_s, due(today.addDays(-1), {9, 0})}});
        m_harness.addTask(
            {{u"title"_s, u"Plan trip"_s}, {u"due_date"_s, due(today.addDays(3), {9, 0})}});
        const QString done = m_harness.addTask({{u"title"_s, u"Old report"_s}});
        QVERIFY(m_harness.store().completeTask(done).ok());

        // when the window opens
        QVERIFY(m_harness.openWindow());

        // then the sidebar counts each view and "All" is shown
        QTRY_COMPARE(viewCount(TaskViewsModel::Today), qsizetype(1));
        QCOMPARE(viewCount(TaskViewsModel::Upcoming), qsizetype(1));
        QCOMPARE(viewCount(TaskViewsModel::Overdue), qsizetype(2));
        QCOMPARE(viewCount(TaskViewsModel::All), qsizetype(4));
        QCOMPARE(viewCount(TaskViewsModel::Completed), qsizetype(1));
        QTRY_COMPARE(m_harness.shownTitles().size(), 4);

        // when the user clicks Today, then Overdue, then Completed
        clickView(TaskViewsModel::Today);
        QTRY_COMPARE(m_harness.shownTitles(), QStringList{u"Pay rent"_s});
        clickView(TaskViewsModel::Overdue);
        QTRY_COMPARE(m_harness.shownTitles(), (QStringList{u"Call bank"_s, u"Pay rent"_s}));
        clickView(TaskViewsModel::Completed);
        QTRY_COMPARE(m_harness.shownTitles(), QStringList{u"Old report"_s});
        // (the status filter has nothing to choose in a one-status view)
        QVERIFY(!m_harness.window()->findChild<QComboBox*>(u"statusFilter"_s)->isEnabled());

        // when today's task is completed in Today
        clickView(TaskViewsModel::Today);
        QTRY_COMPARE(m_harness.shownTitles(), QStringList{u"Pay rent"_s});
        m_harness.taskView()->selectRow(0);
        m_harness.action(u"completeTask"_s)->trigger();

        // then it leaves Today, the counts follow and the hint says the view is empty
        QTRY_COMPARE(viewCount(TaskViewsModel::Today), qsizetype(0));
        QTRY_COMPARE(m_harness.shownTitles(), QStringList());
        QCOMPARE(viewCount(TaskViewsModel::Overdue), qsizetype(1));
        QCOMPARE(viewCount(TaskViewsModel::Completed), qsizetype(2));
        QTRY_COMPARE(m_harness.window()->findChild<QLabel*>(u"emptyHint"_s)->text(),
                     u"Nothing in \u201cToday\u201d."_s);
    }

    void theCountsFollowASyncedPage() {
        // given the window on a store with one task
        m_harness.addTask({{u"title"_s, u"Local"_s}});
        QVERIFY(m_harness.openWindow());
        QTRY_COMPARE(viewCount(TaskViewsModel::All), qsizetype(1));

        // when a pulled page brings two tasks from another device, one of them overdue
        QList<ServerRow> rows;
        for (int i = 1; i <= 2; ++i) {
            const QJsonObject json{
                {u"id"_s, 100 + i},
                {u"uuid"_s, QUuid::createUuid().toString(QUuid::WithoutBraces)},
                {u"version"_s, i},
                {u"title"_s, u"From the laptop %1"_s.arg(i)},
                {u"priority"_s, 3},
                {u"status"_s, u"pending"_s},
                {u"due_date"_s, i == 1 ? QJsonValue(u"2020-01-01T09:00:00"_s) : QJsonValue()},
                {u"dependency_uuids"_s, QJsonArray()},
                {u"tags"_s, QJsonArray()},
                {u"created_at"_s, u"2026-11-01T08:00:00"_s},
                {u"updated_at"_s, u"2026-11-01T08:00:00"_s},
            };
            const Result<ServerRow> row = ServerRow::fromJson(EntityKind::Task, json);
            QVERIFY2(row, row ? "" : qPrintable(row.error().message));
            rows << *row;
        }
        const Result<int> applied =
            m_harness.store().call([rows](LocalStore& store) { return store.applyPull(rows, 2); });
        QVERIFY(applied.ok());

        // then the sidebar counts them without a restart
        QTRY_COMPARE(viewCount(TaskViewsModel::All), qsizetype(3));
        QCOMPARE(viewCount(TaskViewsModel::Overdue), qsizetype(1));
    }

    void aGoalShowsItsProgressAndItsTasks() {
        // given a yearly goal with a quarter under it; the quarter has two tasks, one done
        const QString year = addGoal(u"Grow the shop"_s, u"yearly"_s);
        const QString quarter = addGoal(u"Open the web store"_s, u"quarterly"_s, year);
        const QString picked = m_harness.addTask(
            {{u"title"_s, u"Pick a platform"_s}, {u"parent_goal_uuid"_s, quarter}});
        // (a higher priority lists it first, whatever the two creation times)
        const QString open = m_harness.addTask({{u"title"_s, u"Photograph products"_s},
                                                {u"priority"_s, 2},
                                                {u"parent_goal_uuid"_s, quarter}});
        m_harness.addTask({{u"title"_s, u"Unrelated"_s}});
        QVERIFY(m_harness.store().completeTask(picked).ok());

        // when the window opens
        QVERIFY(m_harness.openWindow());

        // then the tree shows the year with the quarter under it, each at 50 %
        QTRY_COMPARE(goalTitlesUnder({}), QStringList{u"Grow the shop"_s});
        QTRY_COMPARE(goalTitlesUnder(year), QStringList{u"Open the web store"_s});
        QCOMPARE(goalModel()->indexOf(quarter).data(GoalTreeModel::ProgressRole).toDouble(), 50.0);
        QCOMPARE(goalModel()->indexOf(year).data(GoalTreeModel::ProgressRole).toDouble(), 50.0);

        // when the user clicks the quarter
        goalTree()->expandAll();
        clickGoal(quarter);

        // then the list has its two tasks and the goal panel its facts and progress
        QTRY_COMPARE(m_harness.shownTitles(),
                     (QStringList{u"Photograph products"_s, u"Pick a platform"_s}));
        auto* panel = m_harness.window()->findChild<QWidget*>(u"goalPanel"_s);
        QTRY_VERIFY(panel->isVisible());
        QCOMPARE(m_harness.window()->findChild<QLabel*>(u"goalTitle"_s)->text(),
                 u"Open the web store"_s);
        QVERIFY(m_harness.window()
                    ->findChild<QLabel*>(u"goalFacts"_s)
                    ->text()
                    .startsWith(u"Quarterly"_s));
        QCOMPARE(m_harness.window()->findChild<QProgressBar*>(u"goalProgress"_s)->value(), 50);

        // when the other task is completed
        QVERIFY(m_harness.store().completeTask(open).ok());

        // then the quarter reaches 100 % and the year follows, live
        QTRY_COMPARE(m_harness.window()->findChild<QProgressBar*>(u"goalProgress"_s)->value(), 100);
        QTRY_COMPARE(goalModel()->indexOf(year).data(GoalTreeModel::ProgressRole).toDouble(),
                     100.0);

        // when the user clicks a view again
        clickView(TaskViewsModel::All);

        // then the panel goes and every task is listed
        QTRY_VERIFY(!panel->isVisible());
        QTRY_COMPARE(m_harness.shownTitles().size(), 3);
    }

    void newGoalsAndSubGoalsThroughTheDialog() {
        QVERIFY(m_harness.openWindow());

        // when the user presses Ctrl+Shift+G and saves without a title
        QTest::keyClick(m_harness.window(), Qt::Key_G, Qt::ControlModifier | Qt::ShiftModifier);
        GoalDialog* dialog = waitForGoalDialog();
        QVERIFY(dialog);
        auto* description = dialog->findChild<QWidget*>(u"description"_s);
        QTest::keyClicks(description, u"Because it matters"_s);
        save(dialog);

        // then the title's error is beside it and what was typed stays
        QTRY_VERIFY(!errorFor(dialog, u"title"_s).isEmpty());
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->findChild<QPlainTextEdit*>(u"description"_s)->toPlainText(),
                 u"Because it matters"_s);

        // when the user types a title and saves
        QTest::keyClicks(dialog->findChild<QLineEdit*>(u"title"_s), u"Run a marathon"_s);
        save(dialog);

        // then the goal is in the tree, selected, and its (empty) task list shown
        QTRY_VERIFY(!waitForGoalDialog() || !waitForGoalDialog()->isVisible());
        QTRY_COMPARE(goalTitlesUnder({}), QStringList{u"Run a marathon"_s});
        const QString marathon = goalModel()->index(0, 0).data(GoalTreeModel::UuidRole).toString();
        QTRY_COMPARE(goalTree()->currentIndex().data(GoalTreeModel::UuidRole).toString(), marathon);
        const Goal stored = m_harness.store().goal(marathon).value();
        QCOMPARE(stored.description, std::optional<QString>(u"Because it matters"_s));
        QVERIFY(stored.horizon == GoalHorizon::Yearly);

        // when the user adds a sub-goal to it
        m_harness.action(u"newSubGoal"_s)->trigger();
        dialog = waitForGoalDialog();
        QVERIFY(dialog);

        // then the dialog proposes the next horizon down and the parent
        QCOMPARE(dialog->findChild<QComboBox*>(u"horizon"_s)->currentText(), u"Quarterly"_s);
        QCOMPARE(dialog->findChild<QComboBox*>(u"parent_goal_uuid"_s)->currentData().toString(),
                 marathon);
        QTest::keyClicks(dialog->findChild<QLineEdit*>(u"title"_s), u"Run 10 km"_s);
        save(dialog);

        // and the sub-goal lands under it
        QTRY_COMPARE(goalTitlesUnder(marathon), QStringList{u"Run 10 km"_s});

        // when a new task is made while the sub-goal is shown
        const QString tenK = goalModel()
                                 ->index(0, 0, goalModel()->indexOf(marathon))
                                 .data(GoalTreeModel::UuidRole)
                                 .toString();
        QTRY_COMPARE(goalTree()->currentIndex().data(GoalTreeModel::UuidRole).toString(), tenK);
        m_harness.action(u"newTask"_s)->trigger();
        QDialog* taskDialog = nullptr;
        QVERIFY(QTest::qWaitFor([&] {
            for (QDialog* candidate : m_harness.window()->findChildren<QDialog*>())
                if (candidate->isVisible() && candidate->windowTitle() == u"New Task"_s)
                    taskDialog = candidate;
            return taskDialog && taskDialog->isVisible() &&
                   taskDialog->windowTitle() == u"New Task"_s;
        }));

        // then it belongs to that goal
        QCOMPARE(taskDialog->findChild<QComboBox*>(u"parent_goal_uuid"_s)->currentData().toString(),
                 tenK);
        QTest::keyClicks(taskDialog->findChild<QLineEdit*>(u"title"_s), u"Buy shoes"_s);
        save(taskDialog);
        QTRY_COMPARE(m_harness.shownTitles(), QStringList{u"Buy shoes"_s});
    }

    void dragAndDropReparentsAndALoopIsRefused() {
        // given two yearly goals, the first with a quarter under it
        const QString health = addGoal(u"Health"_s, u"yearly"_s);
        const QString work = addGoal(u"Work"_s, u"yearly"_s);
        const QString gym = addGoal(u"Gym twice a week"_s, u"quarterly"_s, health);
        QVERIFY(m_harness.openWindow());
        QTRY_COMPARE(goalTitlesUnder(health), QStringList{u"Gym twice a week"_s});

        // when the quarter is dragged onto "Work" (the view hands the drop to the model)
        const auto drop = [&](const QString& dragged, const QString& target) {
            std::unique_ptr<QMimeData> data(goalModel()->mimeData({goalModel()->indexOf(dragged)}));
            QVERIFY(goalModel()->canDropMimeData(data.get(), Qt::MoveAction, -1, -1,
                                                 goalModel()->indexOf(target)));
            goalModel()->dropMimeData(data.get(), Qt::MoveAction, -1, -1,
                                      goalModel()->indexOf(target));
        };
        drop(gym, work);

        // then it moves there, in the tree and in the store
        QTRY_COMPARE(goalTitlesUnder(work), QStringList{u"Gym twice a week"_s});
        QCOMPARE(goalTitlesUnder(health), QStringList());
        QCOMPARE(m_harness.store().goal(gym).value().parentGoalUuid, std::optional<QString>(work));

        // when "Work" is dragged onto its own sub-goal
        drop(work, gym);

        // then the store's refusal is shown in the contract's words and nothing moved
        const QString refusal = shownError();
        QCOMPARE(refusal,
                 u"Cannot create circular reference: parent goal is a descendant of this goal"_s);
        QCOMPARE(goalTitlesUnder(work), QStringList{u"Gym twice a week"_s});
        QStringList topLevel = goalTitlesUnder({});
        topLevel.sort();
        QCOMPARE(topLevel, (QStringList{u"Health"_s, u"Work"_s}));
        QCOMPARE(m_harness.store().goal(work).value().parentGoalUuid, std::nullopt);

        // when the user undoes the move
        QCOMPARE(m_harness.action(u"undo"_s)->text(), u"&Undo Move Goal"_s);
        m_harness.action(u"undo"_s)->trigger();

        // then the quarter is back under "Health"
        QTRY_COMPARE(goalTitlesUnder(health), QStringList{u"Gym twice a week"_s});
        QCOMPARE(m_harness.store().goal(gym).value().parentGoalUuid,
                 std::optional<QString>(health));
    }

    void f2RenamesAGoalInPlace() {
        const QString goal = addGoal(u"Lern Spanish"_s, u"yearly"_s);
        QVERIFY(m_harness.openWindow());
        clickGoal(goal);

        // when the user presses F2, retypes the title and presses Enter
        QTest::keyClick(goalTree(), Qt::Key_F2);
        auto* editor = goalTree()->findChild<QLineEdit*>();
        QTRY_VERIFY(editor && editor->isVisible());
        editor->selectAll();
        QTest::keyClicks(editor, u"Learn Spanish"_s);
        QTest::keyClick(editor, Qt::Key_Return);

        // then the store and the tree have the new title
        QTRY_COMPARE(m_harness.store().goal(goal).value().title, u"Learn Spanish"_s);
        QTRY_COMPARE(goalTitlesUnder({}), QStringList{u"Learn Spanish"_s});
    }

    void deletingTheGoalInScopeGoesBackToAll() {
        const QString goal = addGoal(u"Side project"_s, u"monthly"_s);
        m_harness.addTask({{u"title"_s, u"Sketch logo"_s}, {u"parent_goal_uuid"_s, goal}});
        m_harness.addTask({{u"title"_s, u"Other"_s}});
        QVERIFY(m_harness.openWindow());
        clickGoal(goal);
        QTRY_COMPARE(m_harness.shownTitles(), QStringList{u"Sketch logo"_s});

        // when the user presses Delete in the tree and confirms
        goalTree()->setFocus();
        QTest::keyClick(goalTree(), Qt::Key_Delete);
        QMessageBox* box = nullptr;
        QVERIFY(QTest::qWaitFor([&] {
            box = m_harness.window()->findChild<QMessageBox*>(u"confirmDeleteGoal"_s);
            return box && box->isVisible();
        }));
        QVERIFY(box->informativeText().contains(u"tasks and sub-goals stay"_s));
        QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);

        // then the goal is gone, its task stays without it, and every task is listed
        QTRY_COMPARE(goalTitlesUnder({}), QStringList());
        QTRY_COMPARE(m_harness.shownTitles(), (QStringList{u"Other"_s, u"Sketch logo"_s}));
        QCOMPARE(viewList()->currentIndex().row(), int(TaskViewsModel::All));
    }
    void bulkActionsChangeEverySelectedTask() {
        // given four tasks and a goal
        const QString goal = addGoal(u"Move house"_s, u"monthly"_s);
        for (const QString& title :
             {u"Book van"_s, u"Pack books"_s, u"Cancel internet"_s, u"Water plants"_s})
            m_harness.addTask({{u"title"_s, title}, {u"priority"_s, 3}});
        QVERIFY(m_harness.openWindow());
        QTRY_COMPARE(m_harness.taskModel()->rowCount(), 4);

        // when the user selects the first three rows with Shift+Down
        m_harness.taskView()->setFocus();
        m_harness.taskView()->selectRow(0);
        QTest::keyClick(m_harness.taskView(), Qt::Key_Down, Qt::ShiftModifier);
        QTest::keyClick(m_harness.taskView(), Qt::Key_Down, Qt::ShiftModifier);
        QCOMPARE(m_harness.taskView()->selectionModel()->selectedRows().size(), 3);
        QStringList selected;
        for (const QModelIndex& row : m_harness.taskView()->selectionModel()->selectedRows())
            selected << row.data(TaskListModel::UuidRole).toString();

        // and sets their priority, their due date and their goal from the Task menu
        m_harness.action(u"setPriority1"_s)->trigger();
        QTRY_VERIFY(std::all_of(selected.cbegin(), selected.cend(), [&](const QString& uuid) {
            return m_harness.store().task(uuid).value().priority == 1;
        }));
        m_harness.action(u"dueTomorrow"_s)->trigger();
        const QDateTime tomorrowEvening(QDate::currentDate().addDays(1), QTime(17, 0));
        QTRY_VERIFY(std::all_of(selected.cbegin(), selected.cend(), [&](const QString& uuid) {
            return m_harness.store().task(uuid).value().dueDate == tomorrowEvening.toUTC();
        }));
        auto* goalMenu = m_harness.window()->findChild<QMenu*>(u"goalMenu"_s);
        emit goalMenu->aboutToShow();
        QAction* moveToGoal = goalMenu->findChild<QAction*>(u"moveToGoal_"_s + goal);
        QVERIFY(moveToGoal);
        moveToGoal->trigger();
        QTRY_VERIFY(std::all_of(selected.cbegin(), selected.cend(), [&](const QString& uuid) {
            return m_harness.store().task(uuid).value().parentGoalUuid == goal;
        }));

        // then the fourth task kept what it had, and the table shows the goal's title
        TaskFilter noGoal;
        noGoal.goalUuid = QString();
        const QList<Task> others = m_harness.store().tasks(noGoal).value();
        QCOMPARE(others.size(), 1);
        QCOMPARE(others.first().priority, 3);
        QCOMPARE(others.first().dueDate, std::nullopt);
        QTRY_COMPARE(
            m_harness.taskModel()
                ->index(m_harness.taskModel()->rowOf(selected.first()), TaskListModel::GoalColumn)
                .data()
                .toString(),
            u"Move house"_s);

        // when the user presses Space
        QTest::keyClick(m_harness.taskView(), Qt::Key_Space);

        // then all three are done (and Space again reopens them)
        QTRY_VERIFY(std::all_of(selected.cbegin(), selected.cend(), [&](const QString& uuid) {
            return m_harness.store().task(uuid).value().isCompleted();
        }));
        QTRY_COMPARE(m_harness.action(u"completeTask"_s)->text(), u"&Reopen"_s);
        QTest::keyClick(m_harness.taskView(), Qt::Key_Space);
        QTRY_VERIFY(std::none_of(selected.cbegin(), selected.cend(), [&](const QString& uuid) {
            return m_harness.store().task(uuid).value().isCompleted();
        }));

        // when the user presses Delete
        QTest::keyClick(m_harness.taskView(), Qt::Key_Delete);

        // then only the fourth task is left, and the status bar says how to undo
        QTRY_COMPARE(m_harness.shownTitles(), QStringList{others.first().title});
        QCOMPARE(m_harness.store().taskCount().value(), 1);
        QCOMPARE(m_harness.window()->statusBar()->currentMessage(),
                 u"Deleted 3 tasks. Ctrl+Z brings them back."_s); // (plurals from bizy_en)

        // when the user undoes the deletion, then the priority change
        QTest::keyClick(m_harness.taskView(), Qt::Key_Z, Qt::ControlModifier);
        QTRY_COMPARE(m_harness.store().taskCount().value(), 4);
        QTRY_COMPARE(m_harness.shownTitles().size(), 4);
        // (the three came back with their goal, priority and due date)
        TaskFilter inGoal;
        inGoal.goalUuid = goal;
        QTRY_COMPARE(m_harness.store().tasks(inGoal).value().size(), 3);
        for (const Task& task : m_harness.store().tasks(inGoal).value()) {
            QCOMPARE(task.priority, 1);
            QCOMPARE(task.dueDate, std::optional<QDateTime>(tomorrowEvening.toUTC()));
        }
        m_harness.action(u"undo"_s)->trigger(); // Space's reopen
        m_harness.action(u"undo"_s)->trigger(); // Space's complete
        QCOMPARE(m_harness.action(u"undo"_s)->text(), u"&Undo Move to Goal"_s);
        m_harness.action(u"undo"_s)->trigger(); // the move to the goal
        m_harness.action(u"undo"_s)->trigger(); // the due date
        m_harness.action(u"undo"_s)->trigger(); // the priority

        // then every task is as it was before the first bulk action
        const auto asBefore = [&] {
            const QList<Task> all = m_harness.store().tasks().value();
            return std::all_of(all.cbegin(), all.cend(), [](const Task& task) {
                return task.priority == 3 && !task.dueDate && !task.parentGoalUuid;
            });
        };
        QTRY_VERIFY(asBefore());
        QVERIFY(!m_harness.action(u"undo"_s)->isEnabled());

        // and redo brings the priority back
        m_harness.action(u"redo"_s)->trigger();
        QTRY_COMPARE(m_harness.store().tasks().value().first().priority, 1);
    }

    void theCheckboxCompletesAndF2Renames() {
        const QString uuid = m_harness.addTask({{u"title"_s, u"Wash car"_s}});
        QVERIFY(m_harness.openWindow());
        QTRY_COMPARE(m_harness.taskModel()->rowCount(), 1);
        const QModelIndex title = m_harness.taskModel()->index(0, TaskListModel::TitleColumn);
        QCOMPARE(title.data(Qt::CheckStateRole).value<Qt::CheckState>(), Qt::Unchecked);

        // when the user ticks the row's checkbox
        QVERIFY(m_harness.taskModel()->setData(title, Qt::Checked, Qt::CheckStateRole));

        // then the task is done
        QTRY_VERIFY(m_harness.store().task(uuid).value().isCompleted());
        QTRY_COMPARE(
            m_harness.taskModel()->index(0, 0).data(Qt::CheckStateRole).value<Qt::CheckState>(),
            Qt::Checked);

        // when the user presses F2 on the row, types a new title and Enter
        m_harness.taskView()->setCurrentIndex(
            m_harness.taskModel()->index(0, TaskListModel::TitleColumn));
        QTest::keyClick(m_harness.taskView(), Qt::Key_F2);
        QLineEdit* editor = nullptr;
        QVERIFY(QTest::qWaitFor([&] {
            editor = m_harness.taskView()->findChild<QLineEdit*>();
            return editor && editor->isVisible();
        }));
        editor->selectAll();
        QTest::keyClicks(editor, u"Wash the car"_s);
        QTest::keyClick(editor, Qt::Key_Return);

        // then it is renamed; and an empty title is refused in words, the old one kept
        QTRY_COMPARE(m_harness.store().task(uuid).value().title, u"Wash the car"_s);
        QVERIFY(m_harness.taskModel()->setData(m_harness.taskModel()->index(0, 0), u"   "_s,
                                               Qt::EditRole));
        QVERIFY(!shownError().isEmpty());
        QCOMPARE(m_harness.store().task(uuid).value().title, u"Wash the car"_s);
    }

    void clickingAColumnHeaderSortsByIt() {
        m_harness.addTask({{u"title"_s, u"b task"_s}, {u"priority"_s, 1}});
        m_harness.addTask({{u"title"_s, u"C task"_s}, {u"priority"_s, 2}});
        m_harness.addTask({{u"title"_s, u"a task"_s}, {u"priority"_s, 3}});
        QVERIFY(m_harness.openWindow());
        const auto titlesInRowOrder = [&] {
            QStringList titles;
            for (int row = 0; row < m_harness.taskModel()->rowCount(); ++row)
                titles << m_harness.taskModel()->index(row, 0).data().toString();
            return titles;
        };
        QTRY_COMPARE(titlesInRowOrder(), (QStringList{u"b task"_s, u"C task"_s, u"a task"_s}));
        QHeaderView* header = m_harness.taskView()->horizontalHeader();
        const auto clickHeader = [&](int column) {
            const int x = header->sectionViewportPosition(column) + header->sectionSize(column) / 2;
            QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                              QPoint(x, header->height() / 2));
        };

        // when the user clicks the Title header, then again
        clickHeader(TaskListModel::TitleColumn);
        QTRY_COMPARE(titlesInRowOrder(), (QStringList{u"a task"_s, u"b task"_s, u"C task"_s}));
        clickHeader(TaskListModel::TitleColumn);
        QTRY_COMPARE(titlesInRowOrder(), (QStringList{u"C task"_s, u"b task"_s, u"a task"_s}));

        // when the user clicks a third time, the list order is back
        clickHeader(TaskListModel::TitleColumn);
        QTRY_COMPARE(titlesInRowOrder(), (QStringList{u"b task"_s, u"C task"_s, u"a task"_s}));

        // and the Goal column only shows (no order by it, no indicator)
        clickHeader(TaskListModel::GoalColumn);
        QTRY_COMPARE(header->sortIndicatorSection(), -1);
        QCOMPARE(titlesInRowOrder(), (QStringList{u"b task"_s, u"C task"_s, u"a task"_s}));
    }

    void tasksDroppedOnAGoalJoinIt() {
        const QString goal = addGoal(u"Garden"_s, u"quarterly"_s);
        const QString seeds = m_harness.addTask({{u"title"_s, u"Buy seeds"_s}});
        const QString fence = m_harness.addTask({{u"title"_s, u"Fix fence"_s}});
        QVERIFY(m_harness.openWindow());
        QTRY_COMPARE(m_harness.taskModel()->rowCount(), 2);
        QTRY_VERIFY(goalModel()->indexOf(goal).isValid());

        // when both rows are dragged from the list onto the goal
        std::unique_ptr<QMimeData> data(m_harness.taskModel()->mimeData(
            {m_harness.taskModel()->index(0, 0), m_harness.taskModel()->index(1, 0),
             m_harness.taskModel()->index(1, 2)}));
        QVERIFY(goalModel()->canDropMimeData(data.get(), Qt::MoveAction, -1, -1,
                                             goalModel()->indexOf(goal)));
        QVERIFY(!goalModel()->canDropMimeData(data.get(), Qt::MoveAction, 0, 0, QModelIndex()));
        goalModel()->dropMimeData(data.get(), Qt::MoveAction, -1, -1, goalModel()->indexOf(goal));

        // then both belong to it
        QTRY_COMPARE(m_harness.store().task(seeds).value().parentGoalUuid,
                     std::optional<QString>(goal));
        QTRY_COMPARE(m_harness.store().task(fence).value().parentGoalUuid,
                     std::optional<QString>(goal));
    }
};

QTEST_MAIN(OrganizingTest)
#include "tst_organizing.moc"
