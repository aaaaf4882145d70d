#include "TrendAnalytics.h"

#include "analytics/TrendInsights.h"
#include "data/JsonText.h"
#include "db/DbSession.h"
#include "db/PgSql.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace bizy::server {

namespace {

constexpr int kTopCategories = 5;

// Weeks i = first..last (0-based) of the window: [start + 7i days, start +
// 7(i+1) days). Hours, not days, so a session time zone with summer time
// could never stretch a week. Binds: start, start, first, last.
const QString kWeeks =
    u"WITH weeks AS (SELECT i, ?::timestamptz + i * interval '168 hours' AS since, "
    u"?::timestamptz + (i + 1) * interval '168 hours' AS until "
    u"FROM generate_series(?::int, ?::int) AS i) "_s;

// The window's completions inside a week (end excluded), for tasks alias t.
const QString kInWeek = u" AND "_s + AnalyticsWindow::completedSql(u"t"_s) +
                        u" AND t.completed_at >= w.since AND t.completed_at < w.until"_s;

// Whole weeks 1..W, empty ones included (LEFT JOIN): count, estimated hours
// and the high / medium / low split.
const QString kWeekly =
    kWeeks +
    u"SELECT w.i, to_char(w.since AT TIME ZONE 'UTC', 'YYYY-MM-DD'), "
    u"to_char(w.until AT TIME ZONE 'UTC', 'YYYY-MM-DD'), count(t.completed_at), "
    u"coalesce(sum(t.estimated_hours), 0), count(*) FILTER (WHERE t.priority <= 2), "
    u"count(*) FILTER (WHERE t.priority = 3), count(*) FILTER (WHERE t.priority >= 4) "
    u"FROM weeks w LEFT JOIN tasks t ON t.user_id = ?"_s +
    kInWeek + u" GROUP BY w.i, w.since, w.until ORDER BY w.i"_s;

// Every completion of the window per category and week index, the partial
// tail (index W) included: completions per (category, index) and how many of
// them are high priority.
const QString kCategoryWeeks = kWeeks +
                               u"SELECT coalesce(t.category, 'uncategorized'), w.i, count(*), "
                               u"count(*) FILTER (WHERE t.priority <= 2) "
                               u"FROM weeks w JOIN tasks t ON t.user_id = ?"_s +
                               kInWeek + u" GROUP BY 1, 2 ORDER BY 1, 2"_s;

const QString kActiveGoals = u"SELECT id, title, progress_percentage, horizon FROM goals "
                             u"WHERE user_id = ? AND status = 'active' ORDER BY id"_s;

struct CategoryWeeks {
    QString name;
    QList<qint64> perWeek; // up to its last week with a completion
    qint64 total = 0;
};

} // namespace

TrendAnalytics::TrendAnalytics(DbSession& db, qint64 userId)
    : m_db(db)
    , m_userId(userId) {}

QVariantList TrendAnalytics::weekValues(const AnalyticsWindow& window, int first, int last) const {
    const QVariant start = PgSql::time(window.start());
    return QVariantList{start, start, first, last, m_userId} + window.completedValues();
}

void TrendAnalytics::readWeeks(const AnalyticsWindow& window, QJsonArray& completionTrend,
                               QJsonArray& priorityDistribution, TrendInsights& insights) {
    QSqlQuery weeks = PgSql::run(m_db, kWeekly, weekValues(window, 0, window.days() / 7 - 1));
    while (weeks.next()) {
        const int week = weeks.value(0).toInt() + 1;
        const qint64 completed = weeks.value(3).toLongLong();
        insights.weeklyCompletions << completed;
        completionTrend.append(QJsonObject{
            {u"week"_s, week},
            {u"week_start"_s, weeks.value(1).toString()},
            {u"week_end"_s, weeks.value(2).toString()},
            {u"tasks_completed"_s, completed},
            {u"total_hours"_s, weeks.value(4).toDouble()},
        });
        priorityDistribution.append(QJsonObject{
            {u"week"_s, week},
            {u"high_priority"_s, weeks.value(5).toLongLong()},
            {u"medium_priority"_s, weeks.value(6).toLongLong()},
            {u"low_priority"_s, weeks.value(7).toLongLong()},
        });
    }
}

QJsonObject TrendAnalytics::readCategories(const AnalyticsWindow& window, TrendInsights& insights) {
    QList<CategoryWeeks> categories;
    QSqlQuery cells = PgSql::run(m_db, kCategoryWeeks, weekValues(window, 0, window.days() / 7));
    while (cells.next()) { // by category, then week
        const QString name = cells.value(0).toString();
        if (categories.isEmpty() || categories.last().name != name)
            categories.append({name, {}, 0});
        CategoryWeeks& category = categories.last();
        const qsizetype index = cells.value(1).toInt();
        const qint64 count = cells.value(2).toLongLong();
        category.perWeek.resize(index + 1, 0);
        category.perWeek[index] = count;
        category.total += count;
        insights.completed += count;
        insights.highPriority += cells.value(3).toLongLong();
    }
    // The ranking: most completions first; ties by name (the contract leaves them open).
    std::stable_sort(
        categories.begin(), categories.end(),
        [](const CategoryWeeks& a, const CategoryWeeks& b) { return a.total > b.total; });
    if (!categories.isEmpty()) {
        insights.topCategory = categories.first().name;
        insights.topCategoryCompletions = categories.first().total;
    }
    QJsonObject trends;
    for (qsizetype i = 0; i < std::min<qsizetype>(kTopCategories, categories.size()); ++i) {
        QJsonArray counts;
        for (const qint64 count : categories[i].perWeek)
            counts.append(count);
        trends.insert(categories[i].name, counts);
    }
    return trends;
}

QByteArray TrendAnalytics::readActiveGoals(TrendInsights& insights) {
    QByteArray out = "[";
    qsizetype count = 0;
    double progressSum = 0;
    QSqlQuery goals = PgSql::run(m_db, kActiveGoals, {m_userId});
    while (goals.next()) {
        const double progress = goals.value(2).toDouble();
        progressSum += progress;
        // the keys in QJsonDocument's (sorted) order
        out.append(count++ == 0 ? "{\"current_progress\":" : ",{\"current_progress\":");
        JsonText::append(out, progress);
        out.append(",\"goal_id\":");
        JsonText::append(out, goals.value(0).toLongLong());
        out.append(",\"goal_title\":");
        JsonText::append(out, goals.value(1).toString());
        out.append(",\"horizon\":");
        JsonText::append(out, goals.value(3).toString());
        out.append('}');
    }
    out.append(']');
    if (count > 0)
        insights.activeGoalProgress = progressSum / double(count);
    return out;
}

QByteArray TrendAnalytics::report(const AnalyticsWindow& window) {
    TrendInsights insights;
    QJsonArray completionTrend;
    QJsonArray priorityDistribution;
    readWeeks(window, completionTrend, priorityDistribution, insights);
    const QJsonObject categoryTrends = readCategories(window, insights);
    const QByteArray goalProgressTrend = readActiveGoals(insights);
    const QByteArray rest =
        QJsonDocument(QJsonObject{
                          {u"period_days"_s, window.days()},
                          {u"completion_trend"_s, completionTrend},
                          {u"category_trends"_s, categoryTrends},
                          {u"priority_distribution"_s, priorityDistribution},
                          {u"insights"_s, QJsonArray::fromStringList(insights.sentences())},
                      })
            .toJson(QJsonDocument::Compact);
    // {"goal_progress_trend":[...], then the members of `rest` after its "{"
    return "{\"goal_progress_trend\":" + goalProgressTrend + ',' + rest.mid(1);
}

} // namespace bizy::server
