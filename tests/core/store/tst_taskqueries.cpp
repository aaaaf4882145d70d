#include "model/IsoDateTime.h"
#include "store/LocalStore.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>

using namespace Qt::StringLiterals;
using namespace bizy;

// Filters, full-text search, the contract's order, paging, stats, and that
// every filter is served by an index.
class TestTaskQueries : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<LocalStore> m_store;
    const QDateTime m_now = *IsoDateTime::parse(u"2030-06-15T12:00:00Z"_s);

    // Each task a little later, so created_at orders them without ties.
    Task add(const QJsonObject& fields) {
        QTest::qWait(2);
        Result<Task> task = m_store->createTask(fields);
        if (!task.ok())
            qWarning() << task.error().message;
        return task.value();
    }

    static QStringList titles(const QList<Task>& tasks) {
        QStringList list;
        for (const Task& task : tasks)
            list << task.title;
        return list;
    }

private slots:
    void init() {
        QVERIFY(m_dir.isValid());
        const QString path =
            m_dir.filePath(u"q%1.sqlite"_s.arg(QDateTime::currentMSecsSinceEpoch()));
        m_store = LocalStore::open(path).value();
    }

    void cleanup() { m_store.reset(); }

    void listFollowsTheContractOrder() {
        // given tasks of mixed priority and due dates, created in this order
        add({{u"title"_s, u"p3 none"_s}});
        add({{u"title"_s, u"p1 late"_s},
             {u"priority"_s, 1},
             {u"due_date"_s, u"2030-07-01T00:00:00Z"_s}});
        add({{u"title"_s, u"p1 none"_s}, {u"priority"_s, 1}});
        add({{u"title"_s, u"p1 early"_s},
             {u"priority"_s, 1},
             {u"due_date"_s, u"2030-06-01T00:00:00Z"_s}});
        add({{u"title"_s, u"p3 none newer"_s}});

        // when the whole list is read
        const QList<Task> tasks = m_store->tasks().value();

        // then: priority asc, due date asc with no date last, newest first
        QCOMPARE(titles(tasks), (QStringList{u"p1 early"_s, u"p1 late"_s, u"p1 none"_s,
                                             u"p3 none newer"_s, u"p3 none"_s}));
    }

    void sortsByAColumnAsTheModelPlacesRows_data() {
        QTest::addColumn<int>("sort");
        QTest::addColumn<bool>("descending");
        using Sort = TaskFilter::Sort;
        for (Sort sort : {Sort::ListOrder, Sort::ByTitle, Sort::ByPriority, Sort::ByStatus,
                          Sort::ByDue, Sort::ByCategory}) {
            for (bool descending : {false, true}) {
                QTest::addRow("%d%s", int(sort), descending ? " desc" : "")
                    << int(sort) << descending;
            }
        }
    }

    void sortsByAColumnAsTheModelPlacesRows() {
        QFETCH(int, sort);
        QFETCH(bool, descending);
        // given tasks with mixed case and non-ASCII titles, statuses, dates and categories,
        // some without a due date or a category, and equal keys that fall back to list order
        const QStringList titles{u"banana"_s, u"Apple"_s, u"apple"_s,  u"\u00c4rger"_s,
                                 u"zebra"_s,  u"Zebra"_s, u"cherry"_s, u"Banana"_s};
        const QStringList categories{u"Work"_s, u"home"_s, QString(), u"work"_s, u"Home"_s};
        const QStringList statuses{u"pending"_s, u"in_progress"_s, u"blocked"_s, u"completed"_s};
        for (int i = 0; i < titles.size(); ++i) {
            QJsonObject fields{{u"title"_s, titles.at(i)},
                               {u"priority"_s, 1 + i % 3},
                               {u"status"_s, statuses.at(i % statuses.size())}};
            if (i % 3 != 0)
                fields.insert(u"due_date"_s, u"2030-06-%1T09:00:00Z"_s.arg(10 + i % 4));
            if (!categories.at(i % categories.size()).isEmpty())
                fields.insert(u"category"_s, categories.at(i % categories.size()));
            add(fields);
        }
        TaskFilter filter;
        filter.sort = TaskFilter::Sort(sort);
        filter.descending = descending;

        // when the store lists them in that order
        const QList<Task> listed = m_store->tasks(filter).value();

        // then it is the order the list model places rows in (TaskFilter::before)
        QList<Task> placed = listed;
        std::stable_sort(placed.begin(), placed.end(),
                         [&](const Task& a, const Task& b) { return filter.before(a, b); });
        QCOMPARE(this->titles(listed), this->titles(placed));
        for (qsizetype i = 1; i < listed.size(); ++i)
            QVERIFY(!filter.before(listed.at(i), listed.at(i - 1)));
        // and a page of it is the same slice
        filter.limit = 3;
        filter.offset = 2;
        QCOMPARE(this->titles(m_store->tasks(filter).value()), this->titles(listed.mid(2, 3)));
        if (TaskFilter::Sort(sort) == TaskFilter::Sort::ByTitle && !descending) {
            // (case folds as NOCASE does: "Apple" and "apple" together, "\u00c4rger" last)
            QCOMPARE(this->titles(listed).first().toLower(), u"apple"_s);
            QCOMPARE(this->titles(listed).last(), u"\u00c4rger"_s);
        }
        if (TaskFilter::Sort(sort) == TaskFilter::Sort::ByDue) {
            // (no date last, either way)
            QVERIFY(!listed.last().dueDate.has_value());
        }
    }

    void limitAndOffsetPage() {
        // given five tasks of priorities 1..5
        for (int p = 1; p <= 5; ++p)
            add({{u"title"_s, u"t%1"_s.arg(p)}, {u"priority"_s, p}});

        // when the second page of two is read
        TaskFilter filter;
        filter.limit = 2;
        filter.offset = 2;

        // then it holds the third and fourth, and the count ignores paging
        QCOMPARE(titles(m_store->tasks(filter).value()), (QStringList{u"t3"_s, u"t4"_s}));
        QCOMPARE(m_store->taskCount(filter).value(), 5);
    }

    void filtersCombine() {
        // given tasks across status, priority, category, tags
        const Goal goal =
            m_store->createGoal({{u"title"_s, u"G"_s}, {u"horizon"_s, u"yearly"_s}}).value();
        add({{u"title"_s, u"a"_s},
             {u"priority"_s, 1},
             {u"category"_s, u"work"_s},
             {u"tags"_s, QJsonArray{u"x"_s, u"y"_s}},
             {u"parent_goal_uuid"_s, goal.uuid}});
        add({{u"title"_s, u"b"_s},
             {u"priority"_s, 2},
             {u"category"_s, u"work"_s},
             {u"status"_s, u"in_progress"_s},
             {u"tags"_s, QJsonArray{u"y"_s}}});
        add({{u"title"_s, u"c"_s},
             {u"priority"_s, 1},
             {u"category"_s, u"home"_s},
             {u"status"_s, u"completed"_s}});

        // when/then each filter keeps exactly its tasks
        TaskFilter byStatus;
        byStatus.status = TaskStatus::InProgress;
        QCOMPARE(titles(m_store->tasks(byStatus).value()), QStringList{u"b"_s});
        TaskFilter byPriority;
        byPriority.priority = 1;
        QCOMPARE(titles(m_store->tasks(byPriority).value()), (QStringList{u"c"_s, u"a"_s}));
        TaskFilter byCategory;
        byCategory.category = u"work"_s;
        QCOMPARE(titles(m_store->tasks(byCategory).value()), (QStringList{u"a"_s, u"b"_s}));
        TaskFilter byTag;
        byTag.tag = u"y"_s;
        QCOMPARE(titles(m_store->tasks(byTag).value()), (QStringList{u"a"_s, u"b"_s}));
        byTag.tag = u"x"_s;
        QCOMPARE(titles(m_store->tasks(byTag).value()), QStringList{u"a"_s});
        TaskFilter byGoal;
        byGoal.goalUuid = goal.uuid;
        QCOMPARE(titles(m_store->tasks(byGoal).value()), QStringList{u"a"_s});
        TaskFilter withoutGoal;
        withoutGoal.goalUuid = QString();
        QCOMPARE(titles(m_store->tasks(withoutGoal).value()), (QStringList{u"c"_s, u"b"_s}));
        TaskFilter open;
        open.includeCompleted = false;
        QCOMPARE(titles(m_store->tasks(open).value()), (QStringList{u"a"_s, u"b"_s}));
        TaskFilter combined;
        combined.priority = 1;
        combined.category = u"work"_s;
        combined.tag = u"y"_s;
        QCOMPARE(titles(m_store->tasks(combined).value()), QStringList{u"a"_s});
        QCOMPARE(m_store->taskCount(combined).value(), 1);
    }

    void tagEditsReplaceTheTagRows() {
        // given a task tagged x
        const Task task = add({{u"title"_s, u"a"_s}, {u"tags"_s, QJsonArray{u"x"_s}}});

        // when its tags become [z]
        QVERIFY(m_store->updateTask(task.uuid, {{u"tags"_s, QJsonArray{u"z"_s}}}).ok());

        // then it is found by z and no longer by x
        TaskFilter filter;
        filter.tag = u"z"_s;
        QCOMPARE(m_store->taskCount(filter).value(), 1);
        filter.tag = u"x"_s;
        QCOMPARE(m_store->taskCount(filter).value(), 0);
    }

    void categoriesAndTagsInUse() {
        // given tasks with categories and tags, repeated, in mixed case, and one without either
        add({{u"title"_s, u"a"_s},
             {u"category"_s, u"work"_s},
             {u"tags"_s, QJsonArray{u"sales"_s, u"Q3"_s}}});
        add({{u"title"_s, u"b"_s},
             {u"category"_s, u"Home"_s},
             {u"tags"_s, QJsonArray{u"sales"_s}}});
        add({{u"title"_s, u"c"_s}, {u"category"_s, u"work"_s}});
        const Task last = add({{u"title"_s, u"d"_s},
                               {u"category"_s, u"errands"_s},
                               {u"tags"_s, QJsonArray{u"bank"_s}}});
        add({{u"title"_s, u"e"_s}});

        // then each is offered once, in alphabetical order whatever the case
        QCOMPARE(m_store->taskCategories().value(),
                 (QStringList{u"errands"_s, u"Home"_s, u"work"_s}));
        QCOMPARE(m_store->taskTags().value(), (QStringList{u"bank"_s, u"Q3"_s, u"sales"_s}));

        // when the only task of "errands" and "bank" goes
        QVERIFY(m_store->deleteTask(last.uuid).ok());

        // then neither is offered any more
        QCOMPARE(m_store->taskCategories().value(), (QStringList{u"Home"_s, u"work"_s}));
        QCOMPARE(m_store->taskTags().value(), (QStringList{u"Q3"_s, u"sales"_s}));
    }

    void dueFilters() {
        // given tasks due yesterday, earlier today, later today, in 3 days and in 30 days,
        // and a completed one overdue
        add({{u"title"_s, u"yesterday"_s}, {u"due_date"_s, u"2030-06-14T09:00:00Z"_s}});
        add({{u"title"_s, u"this morning"_s}, {u"due_date"_s, u"2030-06-15T08:00:00Z"_s}});
        add({{u"title"_s, u"tonight"_s}, {u"due_date"_s, u"2030-06-15T20:00:00Z"_s}});
        add({{u"title"_s, u"in 3 days"_s}, {u"due_date"_s, u"2030-06-18T09:00:00Z"_s}});
        add({{u"title"_s, u"in 30 days"_s}, {u"due_date"_s, u"2030-07-15T09:00:00Z"_s}});
        add({{u"title"_s, u"done late"_s},
             {u"due_date"_s, u"2030-06-01T09:00:00Z"_s},
             {u"status"_s, u"completed"_s}});
        add({{u"title"_s, u"no date"_s}});

        // when/then
        TaskFilter filter;
        filter.now = m_now;
        filter.due = TaskFilter::Due::Today;
        QCOMPARE(titles(m_store->tasks(filter).value()),
                 (QStringList{u"this morning"_s, u"tonight"_s}));
        filter.due = TaskFilter::Due::Overdue;
        QCOMPARE(titles(m_store->tasks(filter).value()),
                 (QStringList{u"yesterday"_s, u"this morning"_s}));
        filter.due = TaskFilter::Due::Upcoming;
        QCOMPARE(titles(m_store->tasks(filter).value()), QStringList{u"in 3 days"_s});
    }

    void fullTextSearchMatchesWordPrefixesInEveryText() {
        // given tasks with the words in title, description and notes
        add({{u"title"_s, u"Prepare quarterly report"_s}});
        add({{u"title"_s, u"Call"_s}, {u"description"_s, u"about the Report format"_s}});
        add({{u"title"_s, u"Misc"_s}, {u"notes"_s, u"learn c++ templates"_s}});
        add({{u"title"_s, u"Café visit"_s}});

        // when/then: prefix match, case-insensitive, any text column
        TaskFilter filter;
        filter.search = u"rep"_s;
        QCOMPARE(m_store->taskCount(filter).value(), 2);
        filter.search = u"quarterly rep"_s;
        QCOMPARE(titles(m_store->tasks(filter).value()),
                 QStringList{u"Prepare quarterly report"_s});
        filter.search = u"templ"_s;
        QCOMPARE(titles(m_store->tasks(filter).value()), QStringList{u"Misc"_s});
        filter.search = u"cafe"_s;
        QCOMPARE(titles(m_store->tasks(filter).value()), QStringList{u"Café visit"_s});
    }

    void aCommonSearchPagesAndCountsLikeARareOne() {
        // given 21,000 tasks of which 20,500 say "Cafe", each due at its own
        // minute so the list order has no ties, every 7th done
        QList<QJsonObject> batch;
        const QDateTime base(QDate(2030, 1, 1), QTime(0, 0), Qt::UTC);
        for (int i = 0; i < 21000; ++i) {
            batch << QJsonObject{
                {u"title"_s, (i % 42 == 0 ? u"Tea %1"_s : u"Cafe order %1"_s).arg(i)},
                {u"priority"_s, 1 + i % 5},
                {u"status"_s, i % 7 == 0 ? u"completed"_s : u"pending"_s},
                {u"due_date"_s,
                 IsoDateTime::format(base.addSecs(qint64((i * 7919) % 21000) * 60))}};
        }
        const QList<Task> created = m_store->createTasks(batch).value();
        const auto expected = [&](bool includeCompleted) {
            QList<Task> matching;
            for (const Task& task : created) {
                if (task.title.startsWith(u"Cafe"_s) && (includeCompleted || !task.isCompleted()))
                    matching << task;
            }
            std::sort(matching.begin(), matching.end(), &TaskFilter::listsBefore);
            return matching;
        };

        for (const bool includeCompleted : {true, false}) {
            const QList<Task> all = expected(includeCompleted);
            TaskFilter filter;
            filter.search = u"caf"_s;
            filter.includeCompleted = includeCompleted;

            // when pages of a prefix that matches nearly everything are read
            for (const int offset : {0, 1000, int(all.size()) - 50}) {
                filter.limit = 100;
                filter.offset = offset;
                const QList<Task> page = m_store->tasks(filter).value();

                // then each is the slice of the list order that a join and sort gives
                QCOMPARE(titles(page), titles(all.mid(offset, 100)));
            }
            // and the count is every match
            filter.limit = -1;
            filter.offset = 0;
            QCOMPARE(m_store->taskCount(filter).value(), all.size());
        }

        // and the list is read by walking its index in order, not by sorting
        // 20,500 matches (a search with few matches, by contrast, is joined)
        TaskFilter common;
        common.search = u"cafe"_s;
        common.limit = 100;
        QVERIFY2(m_store->taskQueryPlan(common).value().join(u" | "_s).contains(
                     u"SCAN tasks USING INDEX tasks_in_order"_s),
                 qPrintable(m_store->taskQueryPlan(common).value().join(u" | "_s)));
        TaskFilter rare = common;
        rare.search = u"tea"_s;
        QCOMPARE(titles(m_store->tasks(rare).value()).size(), 100);
        QVERIFY(!m_store->taskQueryPlan(rare).value().join(u" | "_s).contains(u"tasks_in_order"_s));
    }

    void searchUpdatesWithEditsAndDeletes() {
        // given a task found by "alpha"
        const Task task = add({{u"title"_s, u"alpha"_s}});
        TaskFilter filter;
        filter.search = u"alpha"_s;
        QCOMPARE(m_store->taskCount(filter).value(), 1);

        // when its title changes, then the old word no longer finds it, the new one does
        QVERIFY(m_store->updateTask(task.uuid, {{u"title"_s, u"beta"_s}}).ok());
        QCOMPARE(m_store->taskCount(filter).value(), 0);
        filter.search = u"beta"_s;
        QCOMPARE(m_store->taskCount(filter).value(), 1);

        // when it is deleted, then nothing is found
        QVERIFY(m_store->deleteTask(task.uuid).ok());
        QCOMPARE(m_store->taskCount(filter).value(), 0);
    }

    void searchSurvivesAnyUserInput_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<int>("expected");
        QTest::newRow("c++") << u"c++"_s << 1;
        QTest::newRow("quote") << u"\"c"_s << 1;
        QTest::newRow("unbalanced quotes") << u"\"learn \" c++\""_s << 1;
        QTest::newRow("AND operator") << u"learn AND"_s << 0;
        QTest::newRow("OR NOT NEAR") << u"OR NOT NEAR("_s << 0;
        QTest::newRow("star only") << u"*"_s << 2;
        QTest::newRow("column filter") << u"title:learn"_s << 0;
        QTest::newRow("parentheses") << u"(learn"_s << 1;
        QTest::newRow("caret and minus") << u"^learn -c"_s << 1;
        QTest::newRow("single quote") << u"it's"_s << 0;
    }

    void searchSurvivesAnyUserInput() {
        // given two tasks
        add({{u"title"_s, u"learn c++"_s}});
        add({{u"title"_s, u"other"_s}});
        QFETCH(QString, input);
        QFETCH(int, expected);

        // when the user searches for text full of FTS syntax
        TaskFilter filter;
        filter.search = input;

        // then there is no SQL error: every word is a plain prefix term
        QCOMPARE(m_store->taskCount(filter).value(), expected);
        QCOMPARE(m_store->tasks(filter).value().size(), expected);
        for (const QString& line : m_store->taskQueryPlan(filter).value())
            QVERIFY2(!line.startsWith(u"error"_s), qPrintable(line));
    }

    void everyFilterUsesAnIndex_data() {
        QTest::addColumn<int>("which");
        for (int i = 0; i <= 9; ++i)
            QTest::newRow(qPrintable(u"filter %1"_s.arg(i))) << i;
    }

    void everyFilterUsesAnIndex() {
        // given a store with a few tasks
        add({{u"title"_s, u"a"_s}, {u"tags"_s, QJsonArray{u"x"_s}}});
        QFETCH(int, which);
        TaskFilter filter;
        filter.now = m_now;
        switch (which) {
        case 0:
            filter.status = TaskStatus::Pending;
            break;
        case 1:
            filter.priority = 2;
            break;
        case 2:
            filter.category = u"work"_s;
            break;
        case 3:
            filter.tag = u"x"_s;
            break;
        case 4:
            filter.goalUuid = u"6f1c2a40-0000-4000-8000-000000000001"_s;
            break;
        case 5:
            filter.search = u"report"_s;
            break;
        case 6:
            filter.due = TaskFilter::Due::Today;
            break;
        case 7:
            filter.due = TaskFilter::Due::Overdue;
            break;
        case 8:
            filter.due = TaskFilter::Due::Upcoming;
            break;
        case 9:
            filter.status = TaskStatus::Pending;
            filter.priority = 1;
            break;
        }
        filter.limit = 100;

        // when the query plan is asked for
        const QStringList plan = m_store->taskQueryPlan(filter).value();

        // then the tasks table is searched through an index, never scanned whole
        const QString text = plan.join(u" | "_s);
        QVERIFY2(!plan.isEmpty(), "no plan");
        QVERIFY2(text.contains(u"SEARCH tasks"_s), qPrintable(text));
        QVERIFY2(!text.contains(u"SCAN tasks "_s) && !text.endsWith(u"SCAN tasks"_s),
                 qPrintable(text));
    }

    void taskStatsCountLikeTheServer() {
        // given tasks in several states, one overdue and one done late
        add({{u"title"_s, u"a"_s},
             {u"priority"_s, 1},
             {u"category"_s, u"work"_s},
             {u"due_date"_s, u"2030-06-01T00:00:00Z"_s}});
        add({{u"title"_s, u"b"_s},
             {u"priority"_s, 1},
             {u"category"_s, u"work"_s},
             {u"due_date"_s, u"2030-06-01T00:00:00Z"_s},
             {u"status"_s, u"completed"_s}});
        add({{u"title"_s, u"c"_s}, {u"priority"_s, 5}, {u"status"_s, u"blocked"_s}});

        // when stats are computed
        const QJsonObject stats = m_store->taskStats(m_now).value().toJson();

        // then they have the REST shape and counts
        QCOMPARE(stats.value(u"total"_s).toInteger(), 3);
        QCOMPARE(stats.value(u"by_status"_s).toObject(),
                 (QJsonObject{{u"pending"_s, 1}, {u"completed"_s, 1}, {u"blocked"_s, 1}}));
        QCOMPARE(stats.value(u"by_priority"_s).toObject(), (QJsonObject{{u"1"_s, 2}, {u"5"_s, 1}}));
        QCOMPARE(stats.value(u"by_category"_s).toObject(),
                 (QJsonObject{{u"work"_s, 2}, {u"uncategorized"_s, 1}}));
        QCOMPARE(stats.value(u"overdue"_s).toInteger(), 1);
    }
};

QTEST_GUILESS_MAIN(TestTaskQueries)
#include "tst_taskqueries.moc"
