// The quick-add line as a user drives it in the window: Ctrl+L, typing, the
// preview under the line, Enter and Escape, on a real SQLite store on its
// worker thread. The zone is Europe/Berlin (set by CTest) and the locale
// British English, so times read "15:00".

#include "MainWindow.h"
#include "QuickAddLine.h"
#include "StoreFault.h"
#include "TaskListModel.h"
#include "Translations.h"
#include "WindowHarness.h"
#include "account/AccountManager.h"
#include "account/Workspace.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>
#include <memory>

using namespace Qt::StringLiterals;
using bizy::AccountManager;
using bizy::MainWindow;
using bizy::Task;
using bizy::TaskListModel;

class QuickAddTest : public QObject {
    Q_OBJECT

private:
    WindowHarness m_harness;

    // Ctrl+L from the table, as the user starts.
    void focusQuickAdd() {
        QTest::keyClick(m_harness.taskView(), Qt::Key_L, Qt::ControlModifier);
        QVERIFY(line()->hasFocus());
    }

    bizy::QuickAddLine* line() const {
        return m_harness.window()->findChild<bizy::QuickAddLine*>(u"quickAdd"_s);
    }

    QString shownText(const QString& name) const {
        const auto* label = m_harness.window()->findChild<QLabel*>(name);
        return label && label->isVisible() ? label->text() : QString();
    }
    QString previewTitle() const { return shownText(u"quickAddTitle"_s); }
    QString problems() const { return shownText(u"quickAddProblems"_s); }
    QString notes() const { return shownText(u"quickAddNotes"_s); }
    QStringList chips() const {
        QStringList texts;
        for (const QLabel* chip : m_harness.window()->findChildren<QLabel*>(u"quickAddChip"_s)) {
            if (chip->isVisible())
                texts << chip->text();
        }
        return texts;
    }

    QString selectedTitle() const {
        return m_harness.taskView()
            ->currentIndex()
            .siblingAtColumn(TaskListModel::TitleColumn)
            .data()
            .toString();
    }

    QString addGoal(const QString& title, const QString& targetDate) {
        const bizy::Result<bizy::Goal> goal = m_harness.store().createGoal(
            {{u"title"_s, title}, {u"horizon"_s, u"yearly"_s}, {u"target_date"_s, targetDate}});
        if (!goal)
            qFatal("cannot create a goal: %s", qPrintable(goal.error().message));
        return goal->uuid;
    }

private slots:
    void initTestCase() {
        QVERIFY(WindowHarness::prepareApplication(u"tst_quickadd"_s));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        QCOMPARE(QTimeZone::systemTimeZoneId(), QByteArray("Europe/Berlin"));
    }
    void init() { QVERIFY2(m_harness.start(), qPrintable(m_harness.error())); }
    void cleanup() { m_harness.stop(); }

    void exampleLandsInTheStoreAndTheList() {
        // given the window on an empty store, the quick-add line focused with Ctrl+L
        QVERIFY(m_harness.openWindow());
        focusQuickAdd();
        QCOMPARE(line()->accessibleName(), u"Quick add a task"_s);

        // when the user types the example
        QTest::keyClicks(line(), u"Call Alice tomorrow 3pm p1 #sales @work"_s);

        // then the preview shows what Enter will make, before Enter
        QCOMPARE(previewTitle(), u"Call Alice"_s);
        QCOMPARE(chips(), (QStringList{u"Due Tomorrow, 15:00"_s, u"Priority 1 - Highest"_s,
                                       u"Tag: sales"_s, u"Category: work"_s}));
        QCOMPARE(problems(), QString());
        QCOMPARE(m_harness.store().taskCount().value(), 0);
        // and the words it understood are underlined in the line: tomorrow, 3pm, p1, #sales, @work
        QList<QPair<qsizetype, qsizetype>> marked;
        for (const bizy::QuickAddLine::Mark& mark : line()->marks())
            marked.append({mark.start, mark.length});
        QCOMPARE(marked,
                 (QList<QPair<qsizetype, qsizetype>>{{11, 8}, {20, 3}, {24, 2}, {27, 6}, {34, 5}}));

        // when Enter is pressed
        QTest::keyClick(line(), Qt::Key_Return);

        // then the task is stored with every field, due tomorrow 15:00 Berlin time in UTC
        QTRY_COMPARE(m_harness.store().taskCount().value(), 1);
        const Task task = m_harness.store().tasks().value().first();
        QCOMPARE(task.title, u"Call Alice"_s);
        QCOMPARE(task.priority, 1);
        QCOMPARE(task.tags, QStringList{u"sales"_s});
        QCOMPARE(task.category, u"work"_s);
        QCOMPARE(bizy::toString(task.status), u"pending"_s);
        const QDateTime due(QDate::currentDate().addDays(1), QTime(15, 0),
                            QTimeZone("Europe/Berlin"));
        QVERIFY(task.dueDate.has_value());
        QCOMPARE(task.dueDate->toMSecsSinceEpoch(), due.toMSecsSinceEpoch());
        QVERIFY(!task.parentGoalUuid);

        // and the list shows it, selected; the line is empty for the next one and keeps the focus
        QTRY_COMPARE(m_harness.shownTitles(), QStringList{u"Call Alice"_s});
        QTRY_COMPARE(selectedTitle(), u"Call Alice"_s);
        QCOMPARE(line()->text(), QString());
        QVERIFY(line()->hasFocus());
        QCOMPARE(chips(), QStringList());
    }

    void ambiguousGoalIsSaidAndNothingIsGuessed() {
        // given two goals whose titles start with "Fit"
        addGoal(u"Fitness 2027"_s, u"2027-12-31T00:00:00Z"_s);
        addGoal(u"Fit in a suit"_s, u"2027-06-30T00:00:00Z"_s);
        QVERIFY(m_harness.openWindow());
        focusQuickAdd();

        // when the user names "+fit"
        QTest::keyClicks(line(), u"Stretch +fit"_s);

        // then the preview names both and the task has no goal chip
        QTRY_COMPARE(problems(), u"\u201cfit\u201d could be any of these goals: \u201cFit in a "
                                 u"suit\u201d and \u201cFitness 2027\u201d. Type more of the "
                                 u"title."_s);
        QCOMPARE(chips(), QStringList());

        // when Enter is pressed anyway
        QTest::keyClick(line(), Qt::Key_Return);

        // then nothing is created and the text stays to be fixed
        QTest::qWait(200);
        QCOMPARE(m_harness.store().taskCount().value(), 0);
        QCOMPARE(line()->text(), u"Stretch +fit"_s);

        // when the user types more of the title and presses Enter
        QTest::keyClicks(line(), u"ness"_s);
        QCOMPARE(chips(), QStringList{u"Goal: Fitness 2027"_s});
        QCOMPARE(problems(), QString());
        QTest::keyClick(line(), Qt::Key_Return);

        // then the task is created under that goal
        QTRY_COMPARE(m_harness.store().taskCount().value(), 1);
        const Task task = m_harness.store().tasks().value().first();
        QCOMPARE(task.title, u"Stretch"_s);
        QCOMPARE(m_harness.store().goal(*task.parentGoalUuid)->title, u"Fitness 2027"_s);
        QCOMPARE(line()->text(), QString());
    }

    void escapeClearsThenLeaves() {
        // given a task in the list and a typed line
        QVERIFY(m_harness.store().createTask({{u"title"_s, u"Existing"_s}}).ok());
        QVERIFY(m_harness.openWindow());
        focusQuickAdd();
        QTest::keyClicks(line(), u"Half a thought p2 feb 31"_s);
        QCOMPARE(previewTitle(), u"Half a thought feb 31"_s);
        QCOMPARE(chips(), QStringList{u"Priority 2 - High"_s});
        QCOMPARE(notes(), u"\u201cfeb 31\u201d is not a date; it stays in the title."_s);
        QCOMPARE(problems(), QString());

        // when Escape is pressed
        QTest::keyClick(line(), Qt::Key_Escape);

        // then the line and the preview are empty, nothing is created, the focus stays
        QCOMPARE(line()->text(), QString());
        QCOMPARE(chips(), QStringList());
        QCOMPARE(previewTitle(), QString());
        QCOMPARE(notes(), QString());
        QVERIFY(line()->marks().isEmpty());
        QVERIFY(line()->hasFocus());
        QCOMPARE(m_harness.store().taskCount().value(), 1);

        // when Escape is pressed on the empty line
        QTest::keyClick(line(), Qt::Key_Escape);

        // then the focus goes back to the list
        QTRY_VERIFY(m_harness.taskView()->hasFocus());
    }

    void storeErrorKeepsTheText() {
        // given a store whose disk is full
        QVERIFY(m_harness.openWindow());
        QCOMPARE(refuseWrites(m_harness.store().path(), u"tasks"_s, u"INSERT"_s), QString());
        focusQuickAdd();

        // when a task is typed and Enter pressed
        QTest::keyClicks(line(), u"Pay rent friday #home"_s);
        QTest::keyClick(line(), Qt::Key_Return);

        // then the failure is said under the line and the text is kept
        QTRY_VERIFY2(problems().startsWith(u"The task could not be added: "_s),
                     qPrintable(problems()));
        QCOMPARE(line()->text(), u"Pay rent friday #home"_s);
        QCOMPARE(previewTitle(), u"Pay rent"_s);
        QCOMPARE(m_harness.store().taskCount().value(), 0);

        // when the disk has room again and Enter is pressed once more
        QCOMPARE(allowWrites(m_harness.store().path()), QString());
        QTest::keyClick(line(), Qt::Key_Return);

        // then the task is created and the line cleared
        QTRY_COMPARE(m_harness.store().taskCount().value(), 1);
        QCOMPARE(m_harness.store().tasks().value().first().tags, QStringList{u"home"_s});
        QTRY_COMPARE(line()->text(), QString());
        QCOMPARE(problems(), QString());
        QCOMPARE(shownText(u"quickAddHint"_s),
                 u"p1\u2013p5 priority \u00b7 #tag \u00b7 @category \u00b7 +goal \u00b7 today, "
                 u"friday, dec 24, in 3 days \u00b7 3pm, at 9 \u00b7 \"quotes\" keep words as "
                 u"they are"_s);
    }
};

QTEST_MAIN(QuickAddTest)
#include "tst_quickadd.moc"
