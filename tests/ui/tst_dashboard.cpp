#include "MainWindow.h"
#include "TaskListModel.h"
#include "Translations.h"
#include "WindowHarness.h"
#include "account/AccountManager.h"
#include "account/Workspace.h"
#include "model/IsoDateTime.h"

#include <QAction>
#include <QApplication>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QLineEdit>
#include <QPieSeries>
#include <QPieSlice>
#include <QProgressBar>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace Qt::StringLiterals;
using namespace bizy;

// The dashboard as a user meets it in the window: Ctrl+1 opens it over a
// seeded store (completions back-dated to earlier days), the tiles and charts
// say the numbers, completing a task in the list moves them, and a new user
// sees the empty page. Real SQLite store underneath, on the computer's clock.
class DashboardTest : public QObject {
    Q_OBJECT

private:
    WindowHarness m_harness;

    // A task completed `daysAgo` days ago at noon, on this computer's calendar.
    void addDone(const QString& title, int priority, const QString& category, int daysAgo) {
        const QString uuid = m_harness.addTask(
            {{u"title"_s, title}, {u"priority"_s, priority}, {u"category"_s, category}});
        const QDateTime noon(QDate::currentDate().addDays(-daysAgo), QTime(12, 0));
        QVERIFY(m_harness.store()
                    .updateTask(uuid, {{u"status"_s, u"completed"_s},
                                       {u"completed_at"_s, IsoDateTime::format(noon.toUTC())}})
                    .ok());
    }

    QWidget* page() const {
        return m_harness.window()->findChild<QStackedWidget*>(u"pages"_s)->currentWidget();
    }
    QString tile(const QString& name) const {
        return m_harness.window()->findChild<QLabel*>(name + u"Value"_s)->text();
    }
    QChartView* chart(const QString& name) const {
        return m_harness.window()->findChild<QChartView*>(name);
    }
    // The bars of the completions chart, oldest day first.
    QList<qreal> completionBars() const {
        const auto* series =
            qobject_cast<QBarSeries*>(chart(u"completionsChart"_s)->chart()->series().value(0));
        QList<qreal> values;
        for (int i = 0; series && i < series->barSets().first()->count(); ++i)
            values << series->barSets().first()->at(i);
        return values;
    }

    // "label=value" for each bar of a horizontal bar chart, top down.
    QStringList barsOf(const QString& name) const {
        QChart* shown = chart(name)->chart();
        const auto* series = qobject_cast<QHorizontalBarSeries*>(shown->series().value(0));
        const auto* axis = qobject_cast<QBarCategoryAxis*>(shown->axes(Qt::Vertical).value(0));
        QStringList bars;
        for (int i = 0; series && axis && i < axis->count(); ++i)
            bars.prepend(u"%1=%2"_s.arg(axis->at(i)).arg(series->barSets().first()->at(i)));
        return bars;
    }

    QStringList statusSlices() const {
        const auto* series =
            qobject_cast<QPieSeries*>(chart(u"statusChart"_s)->chart()->series().value(0));
        QStringList slices;
        for (const QPieSlice* slice : series->slices())
            slices << u"%1=%2"_s.arg(slice->label()).arg(slice->value());
        return slices;
    }

    QProgressBar* horizon(const QString& name) const {
        return m_harness.window()->findChild<QProgressBar*>(u"horizonProgress_"_s + name);
    }

private slots:
    void initTestCase() { QVERIFY(WindowHarness::prepareApplication(u"tst_dashboard"_s)); }
    void init() { QVERIFY2(m_harness.start(), qPrintable(m_harness.error())); }
    void cleanup() { m_harness.stop(); }

    void showsTheNumbersAndFollowsACompletion() {
        // given four done tasks (today, yesterday, 10 days ago and 40 days ago), an open one
        // overdue since yesterday, one in progress due in three days, one open without a date,
        // and three goals
        addDone(u"Write report"_s, 1, u"work"_s, 0);
        addDone(u"Slides"_s, 2, u"work"_s, 1);
        addDone(u"Windows"_s, 3, u"home"_s, 10);
        addDone(u"Taxes"_s, 3, u"home"_s, 40);
        const auto inDays = [](int days) {
            return IsoDateTime::format(
                QDateTime(QDate::currentDate().addDays(days), QTime(9, 0)).toUTC());
        };
        const QString invoice = m_harness.addTask({{u"title"_s, u"Invoice"_s},
                                                   {u"priority"_s, 1},
                                                   {u"category"_s, u"work"_s},
                                                   {u"due_date"_s, inDays(-1)}});
        m_harness.addTask({{u"title"_s, u"Read"_s},
                           {u"priority"_s, 4},
                           {u"status"_s, u"in_progress"_s},
                           {u"due_date"_s, inDays(3)}});
        const QString roses = m_harness.addTask(
            {{u"title"_s, u"Roses"_s}, {u"priority"_s, 2}, {u"category"_s, u"garden"_s}});
        for (const auto& [title, horizonName, status, progress] :
             {std::tuple{u"Health"_s, u"yearly"_s, u"active"_s, 40.0},
              std::tuple{u"Launch"_s, u"quarterly"_s, u"active"_s, 70.0},
              std::tuple{u"Move"_s, u"quarterly"_s, u"on_hold"_s, 10.0}})
            QVERIFY(m_harness.store()
                        .createGoal({{u"title"_s, title},
                                     {u"horizon"_s, horizonName},
                                     {u"status"_s, status},
                                     {u"progress_percentage"_s, progress}})
                        .ok());

        // when the window opens and the user presses Ctrl+1
        QVERIFY(m_harness.openWindow());
        QTest::keyClick(m_harness.window(), Qt::Key_1, Qt::ControlModifier);

        // then the dashboard is shown: 3 open, 1 overdue, 4 of 7 done, 3 in the last 30 days
        QCOMPARE(page()->objectName(), u"dashboard"_s);
        QVERIFY(m_harness.window()->findChild<QAction*>(u"showDashboard"_s)->isChecked());
        QTRY_COMPARE(tile(u"completed"_s), u"3"_s);
        QCOMPARE(tile(u"open"_s), u"3"_s);
        QCOMPARE(tile(u"overdue"_s), u"1"_s);
        QCOMPARE(tile(u"completionRate"_s), u"57 %"_s);
        QCOMPARE(m_harness.window()->findChild<QWidget*>(u"overdueTile"_s)->accessibleName(),
                 u"Overdue: 1"_s);
        // and one bar a day, today last: today's, yesterday's, and the one of 10 days ago
        QList<qreal> bars(30, 0);
        bars[29] = bars[28] = bars[19] = 1;
        QCOMPARE(completionBars(), bars);
        QCOMPARE(chart(u"completionsChart"_s)->accessibleDescription().section(u';', 0, 1),
                 u"3 tasks completed in the last 30 days; today 1"_s);
        // and the status, priority and category charts
        QCOMPARE(statusSlices(), (QStringList{u"Pending: 2=2"_s, u"In progress: 1=1"_s,
                                              u"Blocked: 0=0"_s, u"Completed: 4=4"_s}));
        QCOMPARE(barsOf(u"priorityChart"_s),
                 (QStringList{u"1 - Highest=2"_s, u"2 - High=2"_s, u"3 - Normal=2"_s,
                              u"4 - Low=1"_s, u"5 - Lowest=0"_s}));
        QCOMPARE(barsOf(u"categoryChart"_s),
                 (QStringList{u"work=3"_s, u"home=2"_s, u"garden=1"_s, u"No category=1"_s}));
        QCOMPARE(chart(u"categoryChart"_s)->accessibleDescription(),
                 u"work 3, home 2, garden 1, No category 1"_s);
        // and the goals: the yearly one at 40 %, the active quarterly one at 70 %
        QCOMPARE(horizon(u"yearly"_s)->value(), 40);
        QCOMPARE(horizon(u"quarterly"_s)->value(), 70);
        QCOMPARE(horizon(u"monthly"_s)->isEnabled(), false);
        QCOMPARE(m_harness.window()->findChild<QLabel*>(u"horizonDetail_quarterly"_s)->text(),
                 u"1 active of 2"_s);

        // when the user goes to the tasks (Ctrl+2) and completes the roses with Space
        QTest::keyClick(m_harness.window(), Qt::Key_2, Qt::ControlModifier);
        QCOMPARE(page()->objectName(), u"taskContent"_s);
        auto* tasks = qobject_cast<TaskListModel*>(m_harness.taskView()->model());
        QTRY_VERIFY(tasks->rowOf(roses) >= 0);
        const QModelIndex rosesTitle =
            tasks->index(tasks->rowOf(roses), TaskListModel::TitleColumn);
        QTest::mouseClick(m_harness.taskView()->viewport(), Qt::LeftButton, {},
                          m_harness.taskView()->visualRect(rosesTitle).center());
        QCOMPARE(m_harness.taskView()->selectionModel()->selectedRows().size(), 1);
        QTest::keyClick(m_harness.taskView(), Qt::Key_Space);
        QTRY_VERIFY(m_harness.store().task(roses).value().isCompleted());

        // and comes back to the dashboard
        m_harness.window()->findChild<QAction*>(u"showDashboard"_s)->trigger();

        // then today has two, 5 of 7 are done, two are open
        QTRY_COMPARE(tile(u"completed"_s), u"4"_s);
        QCOMPARE(completionBars().at(29), 2.0);
        QCOMPARE(tile(u"open"_s), u"2"_s);
        QCOMPARE(tile(u"completionRate"_s), u"71 %"_s);

        // when the overdue invoice is completed elsewhere (as a sync would) while it is shown
        QVERIFY(m_harness.store().completeTask(invoice).ok());

        // then the tiles follow at once
        QTRY_COMPARE(tile(u"overdue"_s), u"0"_s);
        QCOMPARE(tile(u"completionRate"_s), u"86 %"_s);
        QCOMPARE(m_harness.window()->findChild<QWidget*>(u"overdueTile"_s)->accessibleName(),
                 u"Overdue: 0"_s);

        // when the user clicks the view already selected in the sidebar
        QTest::keyClick(m_harness.window(), Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(page()->objectName(), u"dashboard"_s);
        auto* views = m_harness.window()->findChild<QAbstractItemView*>(u"taskViews"_s);
        QTest::mouseClick(views->viewport(), Qt::LeftButton, {},
                          views->visualRect(views->currentIndex()).center());

        // then the tasks are back
        QCOMPARE(page()->objectName(), u"taskContent"_s);
        QVERIFY(m_harness.window()->findChild<QAction*>(u"showTasks"_s)->isChecked());
    }

    void aNewUserSeesWhereToStart() {
        // given an empty store; when the dashboard is opened
        QVERIFY(m_harness.openWindow());
        m_harness.window()->findChild<QAction*>(u"showDashboard"_s)->trigger();

        // then it says it is empty and offers a new task
        auto* empty = m_harness.window()->findChild<QWidget*>(u"dashboardEmpty"_s);
        QTRY_VERIFY(empty->isVisible());
        QVERIFY(m_harness.window()->findChild<QWidget*>(u"dashboardNewTask"_s)->isVisible());

        // when a first task exists
        m_harness.addTask({{u"title"_s, u"First"_s}});

        // then the numbers replace the hint
        QTRY_VERIFY(!empty->isVisible());
        QCOMPARE(tile(u"open"_s), u"1"_s);
        QCOMPARE(tile(u"completionRate"_s), u"0 %"_s);
    }

    void taskActionsFollowThePageAndThePageIsRemembered() {
        // given a task, selected in the list
        m_harness.addTask({{u"title"_s, u"Plan the week"_s}});
        QVERIFY(m_harness.openWindow());
        auto* remove = m_harness.window()->findChild<QAction*>(u"deleteTask"_s);
        QTRY_VERIFY(remove->isEnabled());

        // when the dashboard is shown
        QTest::keyClick(m_harness.window(), Qt::Key_1, Qt::ControlModifier);

        // then nothing acts on the hidden list's selection
        QCOMPARE(page()->objectName(), u"dashboard"_s);
        QVERIFY(!remove->isEnabled());
        QVERIFY(!m_harness.window()->findChild<QAction*>(u"completeTask"_s)->isEnabled());

        // when the user presses Ctrl+F there
        QTest::keyClick(m_harness.window(), Qt::Key_F, Qt::ControlModifier);

        // then the task list is back with the search field focused, and its actions with it
        QCOMPARE(page()->objectName(), u"taskContent"_s);
        QTRY_VERIFY(m_harness.window()->findChild<QLineEdit*>(u"search"_s)->hasFocus());
        QVERIFY(remove->isEnabled());

        // when the window is closed on the dashboard and opened again
        QTest::keyClick(m_harness.window(), Qt::Key_1, Qt::ControlModifier);
        m_harness.window()->close();
        QVERIFY(m_harness.openWindow());

        // then it opens on the dashboard
        QCOMPARE(page()->objectName(), u"dashboard"_s);
        QVERIFY(m_harness.window()->findChild<QAction*>(u"showDashboard"_s)->isChecked());

        // and on the tasks again once closed there
        QTest::keyClick(m_harness.window(), Qt::Key_2, Qt::ControlModifier);
        m_harness.window()->close();
        QVERIFY(m_harness.openWindow());
        QCOMPARE(page()->objectName(), u"taskContent"_s);
    }

    // Last: the German translator stays installed.
    void speaksGerman() {
        // given a task completed today, and Bizy in German
        addDone(u"Bericht"_s, 1, u"Arbeit"_s, 0);
        QVERIFY(!Translations::install(QLocale(QLocale::German, QLocale::Germany)).isEmpty());

        // when the dashboard is opened
        QVERIFY(m_harness.openWindow());
        m_harness.window()->findChild<QAction*>(u"showDashboard"_s)->trigger();

        // then its words are German
        QTRY_COMPARE(tile(u"completed"_s), u"1"_s);
        QCOMPARE(m_harness.window()->findChild<QAction*>(u"showDashboard"_s)->toolTip(),
                 u"Wie Ihre Aufgaben und Ziele stehen (Strg+1)"_s);
        QCOMPARE(m_harness.window()->findChild<QWidget*>(u"overdueTile"_s)->accessibleName(),
                 u"Überfällig: 0"_s);
        QCOMPARE(chart(u"completionsChart"_s)->accessibleDescription().section(u';', 0, 0),
                 u"1 Aufgabe in den letzten 30 Tagen erledigt"_s);
        QCOMPARE(barsOf(u"categoryChart"_s), QStringList{u"Arbeit=1"_s});
    }
};

QTEST_MAIN(DashboardTest)
#include "tst_dashboard.moc"
