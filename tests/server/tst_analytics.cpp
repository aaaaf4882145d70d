#include "ServerFixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>
#include <QUuid>
#include <optional>

using namespace Qt::StringLiterals;

// The analytics routes of docs/api.md section 7 against the real server and a
// real PostgreSQL. The server's clock is moved (BIZY_CLOCK_OFFSET_SECONDS) so
// that "now" is 2030-06-12 12:00 UTC plus the seconds this test has run; rows
// are written straight into the database with their times relative to that
// anchor, at least an hour from any boundary the rules draw. Every expected
// number below is worked out by hand from the rows each test writes. Bob's
// rows (written before every test) must never show in Alice's answers.
class TestAnalytics : public QObject {
    Q_OBJECT

    struct User {
        qint64 id = 0;
        QString token;
    };

    // One task row as the test writes it (no REST: times are set directly).
    struct TaskRow {
        QString status = u"completed"_s;
        int priority = 3;
        std::optional<QString> category;
        std::optional<double> estimatedHours;
        std::optional<double> actualHours;
        std::optional<QDateTime> completedAt;
        std::optional<QDateTime> createdAt;
        std::optional<QDateTime> dueDate;
    };

    struct GoalRow {
        QString status = u"active"_s;
        QString horizon = u"yearly"_s;
        double progress = 0;
        std::optional<QDateTime> targetDate;
        QString title = u"goal"_s;
    };

    static constexpr qint64 kHour = 3600;
    static constexpr qint64 kDay = 24 * kHour;

    ServerFixture m_fixture;
    User m_alice;
    User m_bob;

    static QDateTime anchor() {
        return QDateTime(QDate(2030, 6, 12), QTime(12, 0), QTimeZone::utc());
    }
    // The anchor moved by `seconds` (negative: before now).
    static QDateTime at(qint64 seconds) { return anchor().addSecs(seconds); }
    static QDateTime on(const QString& isoUtc) {
        return QDateTime::fromString(isoUtc, Qt::ISODateWithMs).toUTC();
    }

    static QVariant timeValue(const std::optional<QDateTime>& time) {
        if (!time)
            return QVariant(QMetaType::fromType<QString>());
        return time->toUTC().toString(Qt::ISODateWithMs);
    }
    static QVariant textValue(const std::optional<QString>& text) {
        return text ? QVariant(*text) : QVariant(QMetaType::fromType<QString>());
    }
    static QVariant numberValue(const std::optional<double>& number) {
        return number ? QVariant(*number) : QVariant(QMetaType::fromType<double>());
    }

    // `copies` identical tasks of `user`.
    void addTasks(const User& user, const TaskRow& row, int copies = 1) {
        const QDateTime created = row.createdAt.value_or(at(-60 * kDay));
        const bool ok = m_fixture.database().exec(
            u"INSERT INTO tasks (uuid, user_id, title, priority, status, category, "
            u"estimated_hours, actual_hours, due_date, created_at, updated_at, completed_at) "
            u"SELECT gen_random_uuid(), ?, 'task ' || n, ?, ?, ?, ?, ?, ?::timestamptz, "
            u"?::timestamptz, ?::timestamptz, ?::timestamptz FROM generate_series(1, ?) AS n"_s,
            {user.id, row.priority, row.status, textValue(row.category),
             numberValue(row.estimatedHours), numberValue(row.actualHours), timeValue(row.dueDate),
             timeValue(created), timeValue(created), timeValue(row.completedAt), copies});
        QVERIFY(ok);
    }

    qint64 addGoal(const User& user, const GoalRow& row) {
        const QVariant id = m_fixture.database().scalar(
            u"INSERT INTO goals (uuid, user_id, title, horizon, status, progress_percentage, "
            u"target_date, created_at, updated_at) VALUES (gen_random_uuid(), ?, ?, ?, ?, ?, "
            u"?::timestamptz, ?::timestamptz, ?::timestamptz) RETURNING id"_s,
            {user.id, row.title, row.horizon, row.status, row.progress, timeValue(row.targetDate),
             timeValue(at(-90 * kDay)), timeValue(at(-90 * kDay))});
        return id.toLongLong();
    }

    HttpResponse get(const QString& path, const User& user) {
        return m_fixture.http().get(path, user.token);
    }
    QJsonObject report(const QString& path, const User& user) {
        const HttpResponse response = get(path, user);
        if (response.status != 200)
            qWarning() << "GET" << path << response.describe();
        return response.object();
    }

    static QString text(const QJsonValue& value) {
        if (value.isObject())
            return QString::fromUtf8(
                QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
        if (value.isArray())
            return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
        return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact));
    }

#define COMPARE_JSON(actual, expected)                                                             \
    QVERIFY2(QJsonValue(actual) == QJsonValue(expected),                                           \
             qPrintable(u"\n   actual: "_s + text(QJsonValue(actual)) + u"\n expected: "_s +       \
                        text(QJsonValue(expected))))

    static QJsonObject day(const QString& date, qint64 completed) {
        return {{u"date"_s, date}, {u"tasks_completed"_s, completed}};
    }
    static QJsonObject week(int number, const QString& start, const QString& end, qint64 completed,
                            double hours) {
        return {{u"week"_s, number},
                {u"week_start"_s, start},
                {u"week_end"_s, end},
                {u"tasks_completed"_s, completed},
                {u"total_hours"_s, hours}};
    }
    static QJsonObject priorities(int number, qint64 high, qint64 medium, qint64 low) {
        return {{u"week"_s, number},
                {u"high_priority"_s, high},
                {u"medium_priority"_s, medium},
                {u"low_priority"_s, low}};
    }

    static QString spike() {
        return u"\U0001F4C8 Productivity spike: Last week showed 20%+ increase in task completion"_s;
    }
    static QString dip() {
        return u"\U0001F4C9 Productivity dip: Last week showed 20%+ decrease in task completion"_s;
    }
    static QString focus(const QString& category, int count) {
        return u"\U0001F3AF Top focus area: '"_s + category + u"' accounts for "_s +
               QString::number(count) + u" completed tasks"_s;
    }
    static QString discipline() {
        return u"\u2B50 Strong priority discipline: 60%+ of completed tasks were high priority"_s;
    }
    static QString onTrack(const QString& percent) {
        return u"\U0001F389 Goals on track: Average progress is "_s + percent + u"%"_s;
    }
    static QString needsAttention(const QString& percent) {
        return u"\u26A0\uFE0F Goals need attention: Average progress is only "_s + percent + u"%"_s;
    }

    // Bob's rows, in every window the tests look at: 20 high-priority "work"
    // completions two days ago, 3 overdue open tasks, 4 goals.
    void addBobsRows() {
        addTasks(m_bob,
                 {.priority = 1,
                  .category = u"work"_s,
                  .estimatedHours = 1.0,
                  .actualHours = 1.0,
                  .completedAt = at(-2 * kDay),
                  .createdAt = at(-2 * kDay)},
                 20);
        addTasks(m_bob,
                 {.status = u"pending"_s, .createdAt = at(-3 * kDay), .dueDate = at(-5 * kDay)}, 3);
        for (int i = 0; i < 3; ++i)
            addGoal(m_bob, {.progress = 100});
        addGoal(m_bob, {.horizon = u"weekly"_s, .targetDate = at(-kDay)});
    }

    // The caller's tasks counted by status from the rows themselves, in the
    // report's by_status shape (only statuses with a count).
    QJsonObject statusesInRows(const User& user) {
        QJsonObject counts;
        for (const QString& status :
             {u"pending"_s, u"in_progress"_s, u"completed"_s, u"blocked"_s}) {
            const qint64 count =
                m_fixture.database()
                    .scalar(u"SELECT count(*) FROM tasks WHERE user_id = ? AND status = ?"_s,
                            {user.id, status})
                    .toLongLong();
            if (count > 0)
                counts.insert(status, count);
        }
        return counts;
    }

#define COMPARE_STATUSES_WITH_ROWS(user)                                                           \
    do {                                                                                           \
        const QJsonObject tasks = report(u"/api/analytics/tasks"_s, user);                         \
        const QJsonObject rows = statusesInRows(user);                                             \
        COMPARE_JSON(tasks[u"by_status"_s], rows);                                                 \
        QCOMPARE(tasks[u"tasks_pending"_s].toInt(), rows[u"pending"_s].toInt());                   \
        QCOMPARE(tasks[u"tasks_in_progress"_s].toInt(), rows[u"in_progress"_s].toInt());           \
        QCOMPARE(tasks[u"tasks_blocked"_s].toInt(), rows[u"blocked"_s].toInt());                   \
    } while (false)

    qint64 statusCountRows(qint64 userId) {
        return m_fixture.database()
            .scalar(u"SELECT count(*) FROM task_status_counts WHERE user_id = ?"_s, {userId})
            .toLongLong();
    }

private slots:
    void initTestCase() {
        const qint64 offset = anchor().toSecsSinceEpoch() - QDateTime::currentSecsSinceEpoch();
        QString error;
        QVERIFY2(
            m_fixture.start({{u"BIZY_CLOCK_OFFSET_SECONDS"_s, QString::number(offset)}}, &error),
            qPrintable(error));
        for (auto [user, name] : {std::pair{&m_alice, u"alice"_s}, std::pair{&m_bob, u"bob"_s}}) {
            const HttpClient::Session session = m_fixture.http().registerAndLogin(name);
            *user = User{session.userId, session.token};
            QVERIFY(session.ok());
        }
    }

    void init() {
        QVERIFY(m_fixture.database().exec(u"DELETE FROM tasks"_s));
        QVERIFY(m_fixture.database().exec(u"DELETE FROM goals"_s));
        addBobsRows();
    }

    void withoutToken_is401_beforeTheQueryIsRead_data() {
        QTest::addColumn<QString>("path");
        for (const QString& path :
             {u"/api/analytics/tasks"_s, u"/api/analytics/goals"_s, u"/api/analytics/velocity"_s,
              u"/api/analytics/trends"_s, u"/api/analytics/tasks?days=0"_s,
              u"/api/analytics/trends/?days=abc"_s})
            QTest::newRow(qPrintable(path)) << path;
    }
    void withoutToken_is401_beforeTheQueryIsRead() {
        QFETCH(QString, path);
        const HttpResponse response = m_fixture.http().get(path);
        QCOMPARE(response.status, 401);
        QCOMPARE(response.detail(), u"Not authenticated"_s);
        QCOMPARE(response.header("www-authenticate"), "Bearer"_ba);
        const HttpResponse badToken = m_fixture.http().get(path, u"not-a-token"_s);
        QCOMPARE(badToken.status, 401);
    }

    void badDays_is422AtQueryDays_data() {
        QTest::addColumn<QString>("route");
        QTest::addColumn<QString>("days");
        for (const QString& days : {u"0"_s, u"91"_s, u"-1"_s, u"abc"_s, u"7.5"_s})
            QTest::addRow("tasks %s", qPrintable(days)) << u"tasks"_s << days;
        for (const QString& route : {u"velocity"_s, u"trends"_s})
            for (const QString& days : {u"6"_s, u"91"_s, u"0"_s, u"abc"_s, u"7.5"_s})
                QTest::addRow("%s %s", qPrintable(route), qPrintable(days)) << route << days;
    }
    void badDays_is422AtQueryDays() {
        QFETCH(QString, route);
        QFETCH(QString, days);
        const HttpResponse response = get(u"/api/analytics/%1?days=%2"_s.arg(route, days), m_alice);
        QCOMPARE(response.status, 422);
        QCOMPARE(response.json[u"detail"_s][0][u"loc"_s].toArray(),
                 (QJsonArray{u"query"_s, u"days"_s}));
    }

    void daysAtItsBounds_isAccepted() {
        for (const QString& path :
             {u"/api/analytics/tasks?days=1"_s, u"/api/analytics/tasks?days=90"_s,
              u"/api/analytics/velocity?days=7"_s, u"/api/analytics/velocity?days=90"_s,
              u"/api/analytics/trends?days=7"_s, u"/api/analytics/trends/?days=90"_s,
              u"/api/analytics/goals?days=abc&start_date=x"_s}) {
            const HttpResponse response = get(path, m_alice);
            QVERIFY2(response.status == 200,
                     qPrintable(path + u": "_s + QString::fromUtf8(response.describe())));
        }
        QCOMPARE(report(u"/api/analytics/trends?days=90"_s, m_alice)[u"period_days"_s].toInt(), 90);
    }

    void emptyAccount_answersZerosAndEmptyShapes() {
        COMPARE_JSON(report(u"/api/analytics/tasks"_s, m_alice),
                     (QJsonObject{{u"period_days"_s, 7},
                                  {u"tasks_completed"_s, 0},
                                  {u"tasks_created"_s, 0},
                                  {u"tasks_pending"_s, 0},
                                  {u"tasks_in_progress"_s, 0},
                                  {u"tasks_blocked"_s, 0},
                                  {u"completion_rate"_s, 0},
                                  {u"total_estimated_hours"_s, 0},
                                  {u"total_actual_hours"_s, 0},
                                  {u"by_category"_s, QJsonObject()},
                                  {u"by_priority"_s, QJsonObject()},
                                  {u"by_status"_s, QJsonObject()},
                                  {u"overdue_count"_s, 0}}));
        COMPARE_JSON(report(u"/api/analytics/goals"_s, m_alice),
                     (QJsonObject{{u"total_goals"_s, 0},
                                  {u"active_goals"_s, 0},
                                  {u"completed_goals"_s, 0},
                                  {u"on_hold_goals"_s, 0},
                                  {u"cancelled_goals"_s, 0},
                                  {u"average_progress"_s, 0},
                                  {u"by_horizon"_s, QJsonObject()},
                                  {u"goals_near_completion"_s, 0},
                                  {u"goals_at_risk"_s, 0}}));
        COMPARE_JSON(report(u"/api/analytics/velocity"_s, m_alice),
                     (QJsonObject{{u"period_days"_s, 30},
                                  {u"velocity"_s, 0},
                                  {u"tasks_per_day"_s, 0},
                                  {u"completion_trend"_s, u"stable"_s},
                                  {u"productivity_score"_s, 6.0},
                                  {u"best_day"_s, QJsonValue()},
                                  {u"worst_day"_s, QJsonValue()},
                                  {u"daily_breakdown"_s, QJsonArray()}}));
        // 30 days: start 2030-05-13 12:00, four whole weeks, two days left over.
        COMPARE_JSON(report(u"/api/analytics/trends"_s, m_alice),
                     (QJsonObject{{u"period_days"_s, 30},
                                  {u"completion_trend"_s,
                                   QJsonArray{week(1, u"2030-05-13"_s, u"2030-05-20"_s, 0, 0),
                                              week(2, u"2030-05-20"_s, u"2030-05-27"_s, 0, 0),
                                              week(3, u"2030-05-27"_s, u"2030-06-03"_s, 0, 0),
                                              week(4, u"2030-06-03"_s, u"2030-06-10"_s, 0, 0)}},
                                  {u"category_trends"_s, QJsonObject()},
                                  {u"priority_distribution"_s,
                                   QJsonArray{priorities(1, 0, 0, 0), priorities(2, 0, 0, 0),
                                              priorities(3, 0, 0, 0), priorities(4, 0, 0, 0)}},
                                  {u"goal_progress_trend"_s, QJsonArray()},
                                  {u"insights"_s, QJsonArray()}}));
    }

    void bobsOwnAnswers_countHisRows() {
        // The rows every test writes for Bob are really there: his answers see them.
        const QJsonObject tasks = report(u"/api/analytics/tasks"_s, m_bob);
        QCOMPARE(tasks[u"tasks_completed"_s].toInt(), 20);
        QCOMPARE(tasks[u"tasks_created"_s].toInt(), 23);
        QCOMPARE(tasks[u"overdue_count"_s].toInt(), 3);
        QCOMPARE(tasks[u"total_actual_hours"_s].toDouble(), 20.0);
        const QJsonObject goals = report(u"/api/analytics/goals"_s, m_bob);
        QCOMPARE(goals[u"total_goals"_s].toInt(), 4);
        QCOMPARE(goals[u"goals_near_completion"_s].toInt(), 3);
        QCOMPARE(goals[u"goals_at_risk"_s].toInt(), 1);
        QCOMPARE(report(u"/api/analytics/velocity"_s, m_bob)[u"daily_breakdown"_s].toArray(),
                 (QJsonArray{day(u"2030-06-10"_s, 20)}));
        QCOMPARE(
            report(u"/api/analytics/trends"_s, m_bob)[u"goal_progress_trend"_s].toArray().size(),
            4);
    }

    void tasks_countTheWindowAndTheWholeAccount() {
        // completed in the 7-day window [06-05 12:00, 06-12 12:00]:
        addTasks(m_alice, {.priority = 1,
                           .category = u"work"_s,
                           .estimatedHours = 1.125, // round(1.125, 2) is 1.12 (a tie goes to even)
                           .completedAt = at(-26 * kHour),
                           .createdAt = at(-10 * kDay)});
        addTasks(m_alice, {.priority = 2,
                           .category = u"work"_s,
                           .actualHours = 2.675, // stored as 2.67499...: 2.67
                           .completedAt = at(-2 * kDay),
                           .createdAt = at(-3 * kDay)});
        addTasks(m_alice, {.priority = 5, // no category: "uncategorized"
                           .completedAt = at(-7 * kDay + kHour),
                           .createdAt = at(-6 * kDay)});
        // completed, but not in the window: an hour before it, in the future,
        // and a completed_at on a task that is not completed
        addTasks(m_alice, {.category = u"home"_s,
                           .completedAt = at(-7 * kDay - kHour),
                           .createdAt = at(-31 * kDay)});
        addTasks(m_alice, {.priority = 1,
                           .completedAt = at(2 * kHour),
                           .createdAt = at(-20 * kDay),
                           .dueDate = at(-5 * kDay)});
        addTasks(m_alice,
                 {.status = u"pending"_s, .completedAt = at(-kDay), .createdAt = at(-20 * kDay)});
        // open tasks: created in the window, overdue or not
        addTasks(m_alice, {.status = u"pending"_s,
                           .category = u"home"_s,
                           .createdAt = at(-20 * kHour),
                           .dueDate = at(-kDay)});
        addTasks(m_alice, {.status = u"in_progress"_s,
                           .priority = 4,
                           .createdAt = at(-20 * kDay),
                           .dueDate = at(kDay)});
        addTasks(m_alice, {.status = u"blocked"_s,
                           .priority = 4,
                           .createdAt = at(-20 * kDay),
                           .dueDate = at(-40 * kDay)});
        addTasks(m_alice, {.status = u"pending"_s, .createdAt = at(-8 * kDay)});
        addTasks(m_alice, {.status = u"pending"_s, .createdAt = at(-4 * kDay)}, 4);

        // 3 completed, 7 created (3 of the completed ones' and 4 open ones'):
        // 3 / 7 * 100 = 42.857... -> 42.86
        COMPARE_JSON(
            report(u"/api/analytics/tasks"_s, m_alice),
            (QJsonObject{{u"period_days"_s, 7},
                         {u"tasks_completed"_s, 3},
                         {u"tasks_created"_s, 7},
                         {u"tasks_pending"_s, 7},
                         {u"tasks_in_progress"_s, 1},
                         {u"tasks_blocked"_s, 1},
                         {u"completion_rate"_s, 42.86},
                         {u"total_estimated_hours"_s, 1.12},
                         {u"total_actual_hours"_s, 2.67},
                         {u"by_category"_s, QJsonObject{{u"work"_s, 2}, {u"uncategorized"_s, 1}}},
                         {u"by_priority"_s, QJsonObject{{u"1"_s, 1}, {u"2"_s, 1}, {u"5"_s, 1}}},
                         {u"by_status"_s, QJsonObject{{u"completed"_s, 5},
                                                      {u"pending"_s, 7},
                                                      {u"in_progress"_s, 1},
                                                      {u"blocked"_s, 1}}},
                         {u"overdue_count"_s, 2}}));

        // One day: nothing completed in it, one task created: rate 0.
        COMPARE_JSON(report(u"/api/analytics/tasks?days=1"_s, m_alice),
                     (QJsonObject{{u"period_days"_s, 1},
                                  {u"tasks_completed"_s, 0},
                                  {u"tasks_created"_s, 1},
                                  {u"tasks_pending"_s, 7},
                                  {u"tasks_in_progress"_s, 1},
                                  {u"tasks_blocked"_s, 1},
                                  {u"completion_rate"_s, 0},
                                  {u"total_estimated_hours"_s, 0},
                                  {u"total_actual_hours"_s, 0},
                                  {u"by_category"_s, QJsonObject()},
                                  {u"by_priority"_s, QJsonObject()},
                                  {u"by_status"_s, QJsonObject{{u"completed"_s, 5},
                                                               {u"pending"_s, 7},
                                                               {u"in_progress"_s, 1},
                                                               {u"blocked"_s, 1}}},
                                  {u"overdue_count"_s, 2}}));
    }

    void tasks_completionRateCanExceed100_andHoursAddUp() {
        // three tasks made long ago and completed in the window, one made in it
        addTasks(m_alice,
                 {.estimatedHours = 0.5, .actualHours = 0.25, .completedAt = at(-2 * kDay)}, 3);
        addTasks(m_alice, {.status = u"pending"_s, .createdAt = at(-kDay)});
        const QJsonObject tasks = report(u"/api/analytics/tasks"_s, m_alice);
        QCOMPARE(tasks[u"tasks_completed"_s].toInt(), 3);
        QCOMPARE(tasks[u"tasks_created"_s].toInt(), 1);
        QCOMPARE(tasks[u"completion_rate"_s].toDouble(), 300.0);
        QCOMPARE(tasks[u"total_estimated_hours"_s].toDouble(), 1.5);
        QCOMPARE(tasks[u"total_actual_hours"_s].toDouble(), 0.75);
        QCOMPARE(tasks[u"by_priority"_s].toObject(), (QJsonObject{{u"3"_s, 3}}));

        // two more made in the window: 3 of 3
        addTasks(m_alice, {.status = u"pending"_s, .createdAt = at(-kDay)}, 2);
        QCOMPARE(report(u"/api/analytics/tasks"_s, m_alice)[u"completion_rate"_s].toDouble(),
                 100.0);
        // one completion undone: 2 of 3 = 66.666... -> 66.67
        QVERIFY(m_fixture.database().exec(
            u"UPDATE tasks SET status = 'pending', completed_at = NULL WHERE id = "
            u"(SELECT min(id) FROM tasks WHERE user_id = ? AND status = 'completed')"_s,
            {m_alice.id}));
        QCOMPARE(report(u"/api/analytics/tasks"_s, m_alice)[u"completion_rate"_s].toDouble(),
                 66.67);
    }

    void tasks_completedThroughTheRestEndpoints_count() {
        // POST, then complete; and a PATCH to completed: both get completed_at now.
        HttpClient& http = m_fixture.http();
        const QJsonObject first =
            http.post(u"/api/tasks/"_s, {{u"title"_s, u"a"_s}, {u"priority"_s, 1}}, m_alice.token)
                .object();
        const QJsonObject second =
            http.post(u"/api/tasks/"_s, {{u"title"_s, u"b"_s}, {u"category"_s, u"deep"_s}},
                      m_alice.token)
                .object();
        QCOMPARE(http.post(u"/api/tasks/%1/complete"_s.arg(first[u"id"_s].toInteger()),
                           {{u"actual_hours"_s, 1.5}}, m_alice.token)
                     .status,
                 200);
        QCOMPARE(http.patch(u"/api/tasks/%1"_s.arg(second[u"id"_s].toInteger()),
                            {{u"status"_s, u"completed"_s}}, m_alice.token)
                     .status,
                 200);
        const QJsonObject tasks = report(u"/api/analytics/tasks"_s, m_alice);
        QCOMPARE(tasks[u"tasks_completed"_s].toInt(), 2);
        QCOMPARE(tasks[u"tasks_created"_s].toInt(), 2);
        QCOMPARE(tasks[u"completion_rate"_s].toDouble(), 100.0);
        QCOMPARE(tasks[u"total_actual_hours"_s].toDouble(), 1.5);
        QCOMPARE(tasks[u"by_category"_s].toObject(),
                 (QJsonObject{{u"deep"_s, 1}, {u"uncategorized"_s, 1}}));
        QCOMPARE(report(u"/api/analytics/velocity"_s, m_alice)[u"daily_breakdown"_s].toArray(),
                 (QJsonArray{day(u"2030-06-12"_s, 2)}));
    }

    void goals_countByStatusHorizonProgressAndRisk() {
        addGoal(m_alice, {.progress = 85, .targetDate = at(100 * kDay)}); // near completion
        addGoal(m_alice, {.horizon = u"quarterly"_s, .progress = 80});    // near: >= 80
        addGoal(m_alice, {.horizon = u"monthly"_s, .progress = 79.5, .targetDate = at(-kDay)});
        // at risk: under 20 and the target less than 30 days ahead (by an hour)
        addGoal(m_alice,
                {.horizon = u"weekly"_s, .progress = 19.5, .targetDate = at(30 * kDay - kHour)});
        // not at risk: the target an hour past 30 days, no target, or progress 20
        addGoal(m_alice,
                {.horizon = u"weekly"_s, .progress = 10, .targetDate = at(30 * kDay + kHour)});
        addGoal(m_alice, {.horizon = u"monthly"_s, .progress = 0});
        addGoal(m_alice, {.horizon = u"monthly"_s, .progress = 20, .targetDate = at(-5 * kDay)});
        addGoal(m_alice, {.progress = 3, .targetDate = at(-10 * kDay)}); // at risk: target passed
        addGoal(m_alice, {.status = u"completed"_s, .progress = 100});
        addGoal(m_alice, {.status = u"on_hold"_s,
                          .horizon = u"weekly"_s,
                          .progress = 10,
                          .targetDate = at(kDay)});
        addGoal(m_alice, {.status = u"cancelled"_s, .horizon = u"quarterly"_s});

        // active: 85 + 80 + 79.5 + 19.5 + 10 + 0 + 20 + 3 = 297, / 8 = 37.125,
        // exactly a tie at 2 places: 37.12 (ties go to even)
        COMPARE_JSON(report(u"/api/analytics/goals"_s, m_alice),
                     (QJsonObject{{u"total_goals"_s, 11},
                                  {u"active_goals"_s, 8},
                                  {u"completed_goals"_s, 1},
                                  {u"on_hold_goals"_s, 1},
                                  {u"cancelled_goals"_s, 1},
                                  {u"average_progress"_s, 37.12},
                                  {u"by_horizon"_s, QJsonObject{{u"yearly"_s, 3},
                                                                {u"quarterly"_s, 2},
                                                                {u"monthly"_s, 3},
                                                                {u"weekly"_s, 3}}},
                                  {u"goals_near_completion"_s, 2},
                                  {u"goals_at_risk"_s, 2}}));
    }

    void velocity_pinnedExamples() {
        // three tasks completed an hour ago with priorities 1, 2 and 3
        for (int priority : {1, 2, 3})
            addTasks(m_alice, {.priority = priority, .completedAt = at(-kHour)});
        const QList<std::tuple<int, double, double>> expected{
            {30, 0.1, 30.5}, {7, 0.43, 32.1}, {90, 0.03, 30.2}};
        for (const auto& [days, velocity, score] : expected) {
            const QJsonObject answer =
                report(u"/api/analytics/velocity?days=%1"_s.arg(days), m_alice);
            QCOMPARE(answer[u"period_days"_s].toInt(), days);
            QCOMPARE(answer[u"velocity"_s].toDouble(), velocity);
            QCOMPARE(answer[u"tasks_per_day"_s].toDouble(), velocity);
            QCOMPARE(answer[u"productivity_score"_s].toDouble(), score);
            QCOMPARE(answer[u"completion_trend"_s].toString(), u"improving"_s);
            COMPARE_JSON(answer[u"best_day"_s], day(u"2030-06-12"_s, 3));
            QVERIFY(answer[u"worst_day"_s].isNull()); // a single day
        }
        // 85 high-priority completions in 7 days
        QVERIFY(m_fixture.database().exec(u"DELETE FROM tasks WHERE user_id = ?"_s, {m_alice.id}));
        addTasks(m_alice, {.priority = 1, .completedAt = at(-kHour)}, 85);
        const QJsonObject busy = report(u"/api/analytics/velocity?days=7"_s, m_alice);
        QCOMPARE(busy[u"velocity"_s].toDouble(), 12.14);
        QCOMPARE(busy[u"productivity_score"_s].toDouble(), 100.0);
    }

    void velocity_dailyBreakdownBestAndWorstDay() {
        // 7 days: window [06-05 12:00, 06-12 12:00], midpoint 06-09 00:00
        addTasks(m_alice, {.completedAt = on(u"2030-06-05T13:00:00Z"_s)});
        addTasks(m_alice, {.priority = 1, .completedAt = on(u"2030-06-08T00:00:00.000Z"_s)});
        addTasks(m_alice, {.priority = 1, .completedAt = on(u"2030-06-08T23:59:59.999Z"_s)});
        addTasks(m_alice, {.priority = 1, .completedAt = on(u"2030-06-10T00:00:00.000Z"_s)});
        addTasks(m_alice, {.completedAt = on(u"2030-06-10T10:00:00Z"_s)}, 4);
        addTasks(m_alice, {.completedAt = on(u"2030-06-12T11:00:00Z"_s)}, 3);
        // outside: before the window, after now, not completed
        addTasks(m_alice, {.completedAt = on(u"2030-06-05T11:00:00Z"_s)});
        addTasks(m_alice, {.completedAt = on(u"2030-06-12T13:00:00Z"_s)});
        addTasks(m_alice,
                 {.status = u"in_progress"_s, .completedAt = on(u"2030-06-10T10:00:00Z"_s)});

        // N = 11, 3 high; F = 3 before the midpoint, S = 8: improving.
        // score = 11/7*10*0.5 + 3/11*100*0.3 + 50*0.2 = 26.04 -> 26.0
        COMPARE_JSON(report(u"/api/analytics/velocity?days=7"_s, m_alice),
                     (QJsonObject{{u"period_days"_s, 7},
                                  {u"velocity"_s, 1.57},
                                  {u"tasks_per_day"_s, 1.57},
                                  {u"completion_trend"_s, u"improving"_s},
                                  {u"productivity_score"_s, 26.0},
                                  {u"best_day"_s, day(u"2030-06-10"_s, 5)},
                                  {u"worst_day"_s, day(u"2030-06-05"_s, 1)},
                                  {u"daily_breakdown"_s,
                                   QJsonArray{day(u"2030-06-05"_s, 1), day(u"2030-06-08"_s, 2),
                                              day(u"2030-06-10"_s, 5), day(u"2030-06-12"_s, 3)}}}));
    }

    void velocity_trendThresholds_data() {
        QTest::addColumn<int>("days");
        QTest::addColumn<int>("first");  // completed an hour before the midpoint
        QTest::addColumn<int>("second"); // an hour after it
        QTest::addColumn<int>("high");   // of the second half, priority 1
        QTest::addColumn<QString>("trend");
        QTest::addColumn<double>("velocity");
        QTest::addColumn<double>("score");
        // 10 * 1.1 = 11 exactly is not "more"; 10 * 0.9 = 9 is not "less"
        QTest::newRow("11 after 10 is stable") << 30 << 10 << 11 << 0 << u"stable"_s << 0.7 << 9.5;
        QTest::newRow("12 after 10 improves")
            << 30 << 10 << 12 << 0 << u"improving"_s << 0.73 << 13.7;
        QTest::newRow("9 after 10 is stable") << 30 << 10 << 9 << 0 << u"stable"_s << 0.63 << 9.2;
        QTest::newRow("8 after 10 declines") << 30 << 10 << 8 << 0 << u"declining"_s << 0.6 << 5.0;
        QTest::newRow("1 after 0 improves") << 30 << 0 << 1 << 0 << u"improving"_s << 0.03 << 10.2;
        // 7 days: the midpoint is 3.5 days back (06-09 00:00)
        QTest::newRow("7 days, 8 after 10 declines")
            << 7 << 10 << 8 << 5 << u"declining"_s << 2.57 << 23.2;
        QTest::newRow("90 days, 22 after 20 is stable")
            << 90 << 20 << 22 << 11 << u"stable"_s << 0.47 << 16.2;
    }
    void velocity_trendThresholds() {
        QFETCH(int, days);
        QFETCH(int, first);
        QFETCH(int, second);
        QFETCH(int, high);
        QFETCH(QString, trend);
        QFETCH(double, velocity);
        QFETCH(double, score);
        const qint64 midpoint = -days * kDay / 2;
        addTasks(m_alice, {.completedAt = at(midpoint - kHour)}, first);
        addTasks(m_alice, {.priority = 1, .completedAt = at(midpoint + kHour)}, high);
        addTasks(m_alice, {.completedAt = at(midpoint + kHour)}, second - high);
        const QJsonObject answer = report(u"/api/analytics/velocity?days=%1"_s.arg(days), m_alice);
        QCOMPARE(answer[u"completion_trend"_s].toString(), trend);
        QCOMPARE(answer[u"velocity"_s].toDouble(), velocity);
        QCOMPARE(answer[u"productivity_score"_s].toDouble(), score);
        qint64 total = 0;
        for (const QJsonValue& entry : answer[u"daily_breakdown"_s].toArray())
            total += entry[u"tasks_completed"_s].toInteger();
        QCOMPARE(total, qint64(first + second));
    }

    void trends_weeksCategoriesGoalsAndInsights() {
        // 30 days: start 05-13 12:00; weeks end 05-20, 05-27, 06-03, 06-10 (12:00);
        // 06-10 12:00 to now is the tail that belongs to no week.
        addTasks(m_alice, {.priority = 1,
                           .category = u"work"_s,
                           .estimatedHours = 1.5,
                           .completedAt = on(u"2030-05-13T13:00:00Z"_s)});
        addTasks(m_alice, {.category = u"work"_s, .completedAt = on(u"2030-05-20T11:00:00Z"_s)});
        addTasks(m_alice, {.priority = 4,
                           .category = u"home"_s,
                           .estimatedHours = 2.25,
                           .completedAt = on(u"2030-05-20T13:00:00Z"_s)});
        addTasks(m_alice, {.priority = 2,
                           .category = u"work"_s,
                           .estimatedHours = 0.1,
                           .completedAt = on(u"2030-06-05T12:00:00Z"_s)});
        addTasks(m_alice, {.priority = 2,
                           .category = u"health"_s,
                           .estimatedHours = 0.2,
                           .completedAt = on(u"2030-06-05T12:00:00Z"_s)});
        addTasks(m_alice, {.priority = 5, .completedAt = on(u"2030-06-05T12:00:00Z"_s)});
        addTasks(
            m_alice,
            {.priority = 1, .category = u"home"_s, .completedAt = on(u"2030-06-11T00:00:00Z"_s)});
        addTasks(
            m_alice,
            {.priority = 1, .category = u"work"_s, .completedAt = on(u"2030-06-12T11:00:00Z"_s)});
        // an hour before the window
        addTasks(
            m_alice,
            {.priority = 1, .category = u"work"_s, .completedAt = on(u"2030-05-13T11:00:00Z"_s)});
        // active goals 70 and 71: mean 70.5, printed "70" (a tie goes to even)
        const qint64 first =
            addGoal(m_alice, {.progress = 70, .title = u"Ship \"it\" \u2014 \U0001F680"_s});
        const qint64 second =
            addGoal(m_alice, {.horizon = u"weekly"_s, .progress = 71, .title = u"Run"_s});
        addGoal(m_alice, {.status = u"completed"_s, .progress = 100});

        const QJsonObject answer = report(u"/api/analytics/trends"_s, m_alice);
        QCOMPARE(answer[u"period_days"_s].toInt(), 30);
        // week 4's hours are 0.1 + 0.2, not rounded
        COMPARE_JSON(answer[u"completion_trend"_s],
                     (QJsonArray{week(1, u"2030-05-13"_s, u"2030-05-20"_s, 2, 1.5),
                                 week(2, u"2030-05-20"_s, u"2030-05-27"_s, 1, 2.25),
                                 week(3, u"2030-05-27"_s, u"2030-06-03"_s, 0, 0),
                                 week(4, u"2030-06-03"_s, u"2030-06-10"_s, 3, 0.1 + 0.2)}));
        COMPARE_JSON(answer[u"priority_distribution"_s],
                     (QJsonArray{priorities(1, 1, 1, 0), priorities(2, 0, 0, 1),
                                 priorities(3, 0, 0, 0), priorities(4, 2, 0, 1)}));
        // index 4 is the tail: W + 1 entries for work, shorter lists for the others
        COMPARE_JSON(answer[u"category_trends"_s],
                     (QJsonObject{{u"work"_s, QJsonArray{2, 0, 0, 1, 1}},
                                  {u"home"_s, QJsonArray{0, 1, 0, 0, 1}},
                                  {u"health"_s, QJsonArray{0, 0, 0, 1}},
                                  {u"uncategorized"_s, QJsonArray{0, 0, 0, 1}}}));
        COMPARE_JSON(answer[u"goal_progress_trend"_s],
                     (QJsonArray{QJsonObject{{u"goal_id"_s, first},
                                             {u"goal_title"_s, u"Ship \"it\" \u2014 \U0001F680"_s},
                                             {u"current_progress"_s, 70},
                                             {u"horizon"_s, u"yearly"_s}},
                                 QJsonObject{{u"goal_id"_s, second},
                                             {u"goal_title"_s, u"Run"_s},
                                             {u"current_progress"_s, 71},
                                             {u"horizon"_s, u"weekly"_s}}}));
        // week 4 (3) after week 3 (0): a spike; 5 of 8 completions high (> 60 %)
        COMPARE_JSON(answer[u"insights"_s],
                     (QJsonArray{spike(), focus(u"work"_s, 4), discipline(), onTrack(u"70"_s)}));
    }

    void trends_topFiveCategories_andWeeksOfOtherLengths() {
        // six categories with 6..1 completions: the smallest is left out
        const QStringList names{u"a"_s, u"b"_s, u"c"_s, u"d"_s, u"e"_s, u"f"_s};
        for (int i = 0; i < names.size(); ++i)
            addTasks(m_alice, {.category = names[i], .completedAt = at(-kHour)}, 6 - i);
        // 28 days: four whole weeks, no tail; an hour ago is in week 4
        const QJsonObject fourWeeks = report(u"/api/analytics/trends?days=28"_s, m_alice);
        COMPARE_JSON(fourWeeks[u"completion_trend"_s].toArray().last(),
                     week(4, u"2030-06-05"_s, u"2030-06-12"_s, 21, 0));
        COMPARE_JSON(fourWeeks[u"category_trends"_s],
                     (QJsonObject{{u"a"_s, QJsonArray{0, 0, 0, 6}},
                                  {u"b"_s, QJsonArray{0, 0, 0, 5}},
                                  {u"c"_s, QJsonArray{0, 0, 0, 4}},
                                  {u"d"_s, QJsonArray{0, 0, 0, 3}},
                                  {u"e"_s, QJsonArray{0, 0, 0, 2}}}));
        // week 4 (21) after week 3 (0): spike; none high
        COMPARE_JSON(fourWeeks[u"insights"_s], (QJsonArray{spike(), focus(u"a"_s, 6)}));
        // 7 days: one week, so no week-over-week sentence
        const QJsonObject oneWeek = report(u"/api/analytics/trends?days=7"_s, m_alice);
        COMPARE_JSON(oneWeek[u"completion_trend"_s],
                     (QJsonArray{week(1, u"2030-06-05"_s, u"2030-06-12"_s, 21, 0)}));
        COMPARE_JSON(oneWeek[u"insights"_s], (QJsonArray{focus(u"a"_s, 6)}));
    }

    void trends_insightThresholds_data() {
        QTest::addColumn<int>("before");          // week 3 of 30 days
        QTest::addColumn<int>("last");            // week 4
        QTest::addColumn<int>("high");            // in the tail after week 4, priority 2
        QTest::addColumn<QList<double>>("goals"); // active goals' progress
        QTest::addColumn<QStringList>("insights");
        // 5 * 1.2 = 6 and 5 * 0.8 = 4 exactly: neither is a change of "20%+"
        QTest::newRow("7 after 5: spike")
            << 5 << 7 << 0 << QList<double>{} << QStringList{spike(), focus(u"work"_s, 12)};
        QTest::newRow("6 after 5: nothing")
            << 5 << 6 << 0 << QList<double>{} << QStringList{focus(u"work"_s, 11)};
        QTest::newRow("3 after 5: dip")
            << 5 << 3 << 0 << QList<double>{} << QStringList{dip(), focus(u"work"_s, 8)};
        QTest::newRow("4 after 5: nothing")
            << 5 << 4 << 0 << QList<double>{} << QStringList{focus(u"work"_s, 9)};
        QTest::newRow("1 after 0: spike")
            << 0 << 1 << 0 << QList<double>{} << QStringList{spike(), focus(u"work"_s, 1)};
        // 6 of 10 high is not more than 60 %; 7 of 11 is
        QTest::newRow("6 of 10 high: no discipline")
            << 2 << 2 << 6 << QList<double>{} << QStringList{focus(u"work"_s, 10)};
        QTest::newRow("7 of 11 high: discipline")
            << 2 << 2 << 7 << QList<double>{} << QStringList{focus(u"work"_s, 11), discipline()};
        QTest::newRow("nothing at all") << 0 << 0 << 0 << QList<double>{} << QStringList{};
        // a mean of 29.5 prints "30" (a tie goes to even) but is under 30
        QTest::newRow("goals at 29.5: attention")
            << 0 << 0 << 0 << QList<double>{29, 30} << QStringList{needsAttention(u"30"_s)};
        QTest::newRow("goals at 30: nothing") << 0 << 0 << 0 << QList<double>{30} << QStringList{};
        QTest::newRow("goals at 69.5: nothing")
            << 0 << 0 << 0 << QList<double>{69, 70} << QStringList{};
        QTest::newRow("goals at 70: on track")
            << 0 << 0 << 0 << QList<double>{70} << QStringList{onTrack(u"70"_s)};
        QTest::newRow("goals at 0.5: attention, 0 %")
            << 0 << 0 << 0 << QList<double>{0, 1} << QStringList{needsAttention(u"0"_s)};
        QTest::newRow("goals at 99.5: on track, 100 %")
            << 0 << 0 << 0 << QList<double>{99, 100} << QStringList{onTrack(u"100"_s)};
    }
    void trends_insightThresholds() {
        QFETCH(int, before);
        QFETCH(int, last);
        QFETCH(int, high);
        QFETCH(QList<double>, goals);
        QFETCH(QStringList, insights);
        // weeks 3 and 4 of 30 days start 05-27 and 06-03 at 12:00; the tail 06-10 12:00
        addTasks(m_alice, {.category = u"work"_s, .completedAt = on(u"2030-05-28T12:00:00Z"_s)},
                 before);
        addTasks(m_alice, {.category = u"work"_s, .completedAt = on(u"2030-06-04T12:00:00Z"_s)},
                 last);
        addTasks(
            m_alice,
            {.priority = 2, .category = u"work"_s, .completedAt = on(u"2030-06-11T12:00:00Z"_s)},
            high);
        for (const double progress : goals)
            addGoal(m_alice, {.progress = progress});
        COMPARE_JSON(report(u"/api/analytics/trends"_s, m_alice)[u"insights"_s],
                     QJsonArray::fromStringList(insights));
    }

    void tasks_statusCountsFollowEveryWriter() {
        // The status counts come from counts the tasks table's triggers keep
        // (migration 0008); every way a task is written must move them.
        HttpClient& http = m_fixture.http();
        const auto create = [&](const QString& title) {
            return http.post(u"/api/tasks/"_s, {{u"title"_s, title}}, m_alice.token)
                .object()[u"id"_s]
                .toInteger();
        };
        const qint64 first = create(u"a"_s);
        const qint64 second = create(u"b"_s);
        const qint64 third = create(u"c"_s);
        COMPARE_STATUSES_WITH_ROWS(m_alice);
        QCOMPARE(report(u"/api/analytics/tasks"_s, m_alice)[u"tasks_pending"_s].toInt(), 3);

        QCOMPARE(http.patch(u"/api/tasks/%1"_s.arg(first), {{u"status"_s, u"in_progress"_s}},
                            m_alice.token)
                     .status,
                 200);
        QCOMPARE(http.post(u"/api/tasks/%1/complete"_s.arg(second), {}, m_alice.token).status, 200);
        QCOMPARE(http.patch(u"/api/tasks/%1"_s.arg(third), {{u"title"_s, u"c2"_s}}, m_alice.token)
                     .status,
                 200);
        COMPARE_STATUSES_WITH_ROWS(m_alice);
        QCOMPARE(http.post(u"/api/tasks/%1/uncomplete"_s.arg(second), {}, m_alice.token).status,
                 200);
        QCOMPARE(http.del(u"/api/tasks/%1"_s.arg(third), m_alice.token).status, 204);
        COMPARE_STATUSES_WITH_ROWS(m_alice);

        // The delta sync: a create and a status change in one batch, then a delete.
        const QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString device = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const auto mutation = [&](int mid, const QString& op, qint64 base,
                                  const QJsonObject& fields) {
            return QJsonObject{{u"mid"_s, mid}, {u"entity"_s, u"task"_s},  {u"uuid"_s, uuid},
                               {u"op"_s, op},   {u"base_version"_s, base}, {u"fields"_s, fields}};
        };
        const QJsonArray created{
            mutation(1, u"upsert"_s, 0, {{u"title"_s, u"synced"_s}, {u"status"_s, u"blocked"_s}})};
        QCOMPARE(http.post(u"/api/sync/push"_s,
                           {{u"device_id"_s, device}, {u"mutations"_s, created}}, m_alice.token)
                     .status,
                 200);
        COMPARE_STATUSES_WITH_ROWS(m_alice);
        const qint64 version =
            m_fixture.database()
                .scalar(u"SELECT version FROM tasks WHERE uuid = ?::uuid"_s, {uuid})
                .toLongLong();
        const QJsonArray moved{mutation(2, u"upsert"_s, version, {{u"status"_s, u"completed"_s}})};
        QCOMPARE(http.post(u"/api/sync/push"_s, {{u"device_id"_s, device}, {u"mutations"_s, moved}},
                           m_alice.token)
                     .status,
                 200);
        COMPARE_STATUSES_WITH_ROWS(m_alice);
        QCOMPARE(report(u"/api/analytics/tasks"_s, m_alice)[u"by_status"_s].toObject(),
                 (QJsonObject{{u"in_progress"_s, 1}, {u"pending"_s, 1}, {u"completed"_s, 1}}));
        const QJsonArray deleted{mutation(3, u"delete"_s, version + 1, {})};
        QCOMPARE(http.post(u"/api/sync/push"_s,
                           {{u"device_id"_s, device}, {u"mutations"_s, deleted}}, m_alice.token)
                     .status,
                 200);
        COMPARE_STATUSES_WITH_ROWS(m_alice);

        // Set-based SQL over several users at once.
        addTasks(m_alice, {.status = u"blocked"_s}, 5);
        QVERIFY(m_fixture.database().exec(
            u"UPDATE tasks SET status = 'pending' WHERE status = 'blocked'"_s));
        COMPARE_STATUSES_WITH_ROWS(m_alice);
        COMPARE_STATUSES_WITH_ROWS(m_bob);
        QVERIFY(m_fixture.database().exec(
            u"DELETE FROM tasks WHERE user_id = ? AND status = 'pending'"_s, {m_alice.id}));
        COMPARE_STATUSES_WITH_ROWS(m_alice);
        COMPARE_STATUSES_WITH_ROWS(m_bob);

        // A deleted user's counts go with their tasks; TRUNCATE empties them all.
        const HttpClient::Session carol = http.registerAndLogin(u"carol"_s);
        QVERIFY(carol.ok());
        addTasks(User{carol.userId, carol.token}, {.status = u"pending"_s}, 4);
        QCOMPARE(statusCountRows(carol.userId), 1);
        QVERIFY(m_fixture.database().exec(u"DELETE FROM users WHERE id = ?"_s, {carol.userId}));
        QCOMPARE(statusCountRows(carol.userId), 0);
        QVERIFY(m_fixture.database().exec(u"TRUNCATE tasks"_s));
        QCOMPARE(
            m_fixture.database().scalar(u"SELECT count(*) FROM task_status_counts"_s).toLongLong(),
            0);
        COMPARE_STATUSES_WITH_ROWS(m_bob);
    }

    void tasks_statusCountsOfRowsWrittenBeforeTheMigration() {
        // A database from before migration 0008 with tasks in it: the server
        // that migrates it counts them.
        addTasks(m_alice, {.status = u"pending"_s}, 3);
        addTasks(m_alice, {.status = u"blocked"_s}, 2);
        PgCluster& db = m_fixture.database();
        QVERIFY(db.exec(u"DROP TABLE task_status_counts"_s));
        QVERIFY(db.exec(u"DROP FUNCTION bizy_count_task_statuses, bizy_add_task_status_counts, "
                        u"bizy_clear_task_status_counts CASCADE"_s));
        QVERIFY(db.exec(u"DELETE FROM schema_migrations WHERE version = 8"_s));
        addTasks(m_alice, {.status = u"in_progress"_s}, 1); // no trigger counts this one

        ServerProcess migrating(db.databaseUrl());
        QString error;
        QVERIFY2(migrating.start(&error), qPrintable(error));
        COMPARE_STATUSES_WITH_ROWS(m_alice);
        COMPARE_STATUSES_WITH_ROWS(m_bob);
        QCOMPARE(report(u"/api/analytics/tasks"_s, m_alice)[u"by_status"_s].toObject(),
                 (QJsonObject{{u"pending"_s, 3}, {u"blocked"_s, 2}, {u"in_progress"_s, 1}}));
    }
};

QTEST_GUILESS_MAIN(TestAnalytics)
#include "tst_analytics.moc"
