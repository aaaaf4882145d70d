#include "TrendAnalytics.h"

#include "analytics/TrendInsights.h"
#include "data/JsonText.h"
#include "db/DbSession.h"
#include "db/PgSql.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace bizy::server {

namespace {

constexpr int kTopCategories = 5;
constexpr qint64 kHoursPerWeek = 7 * 24;

// One pass over the window's completions, counted per category and week.
// Weeks i = 0..W come from generate_series: [start + 7i days, start + 7(i+1)
// days), each a range of the completions index; 168 hours, not 7 days, so a
// session time zone with summer time could never stretch one. Per cell: all,
// high (1-2) and medium (3) priority, estimated hours.
// Binds: start, start, W, user, then the window.
const QString kCompletions =
    u"WITH weeks AS (SELECT i, ?::timestamptz + i * interval '168 hours' AS since, "
    u"?::timestamptz + (i + 1) * interval '168 hours' AS until "
    u"FROM generate_series(0, ?::int) AS i) "
    u"SELECT coalesce(t.category, 'uncategorized'), w.i, count(*), "
    u"count(*) FILTER (WHERE t.priority <= 2), count(*) FILTER (WHERE t.priority = 3), "
    u"coalesce(sum(t.estimated_hours), 0) "
    u"FROM weeks w JOIN tasks t ON t.user_id = ? AND "_s +
    AnalyticsWindow::completedSql(u"t"_s) +
    u" AND t.completed_at >= w.since AND t.completed_at < w.until "
    u"GROUP BY 1, 2 ORDER BY 1, 2"_s;

const QString kActiveGoals = u"SELECT id, title, progress_percentage, horizon FROM goals "
                             u"WHERE user_id = ? AND status = 'active' ORDER BY id"_s;

QString dayOf(const QDateTime& time) {
    return time.toUTC().date().toString(Qt::ISODate);
}

} // namespace

TrendAnalytics::TrendAnalytics(DbSession& db, qint64 userId)
    : m_db(db)
    , m_userId(userId) {}

void TrendAnalytics::readCompletions(const AnalyticsWindow& window, QList<Week>& weeks,
                                     QList<Category>& categories, TrendInsights& insights) {
    const QVariant start = PgSql::time(window.start());
    QSqlQuery cells =
        PgSql::run(m_db, kCompletions,
                   QVariantList{start, start, weeks.size(), m_userId} + window.completedValues());
    while (cells.next()) { // by category, then week
        const QString name = cells.value(0).toString();
        const qsizetype index = cells.value(1).toInt();
        const qint64 count = cells.value(2).toLongLong();
        const qint64 high = cells.value(3).toLongLong();
        const qint64 medium = cells.value(4).toLongLong();
        if (categories.isEmpty() || categories.last().name != name)
            categories.append({name, {}, 0});
        Category& category = categories.last();
        category.perWeek.resize(index + 1, 0);
        category.perWeek[index] = count;
        category.total += count;
        insights.completed += count;
        insights.highPriority += high;
        if (index < weeks.size()) {
            Week& week = weeks[index];
            week.completed += count;
            week.highPriority += high;
            week.mediumPriority += medium;
            week.lowPriority += count - high - medium;
            week.estimatedHours += cells.value(5).toDouble();
        }
    }
    for (const Week& week : weeks)
        insights.weeklyCompletions << week.completed;
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
    QList<Week> weeks(window.days() / 7);
    QList<Category> categories;
    readCompletions(window, weeks, categories, insights);
    const QByteArray goalProgressTrend = readActiveGoals(insights);

    QJsonArray completionTrend;
    QJsonArray priorityDistribution;
    for (qsizetype i = 0; i < weeks.size(); ++i) {
        const Week& week = weeks[i];
        completionTrend.append(QJsonObject{
            {u"week"_s, i + 1},
            {u"week_start"_s, dayOf(window.afterStart(kHoursPerWeek * i))},
            {u"week_end"_s, dayOf(window.afterStart(kHoursPerWeek * (i + 1)))},
            {u"tasks_completed"_s, week.completed},
            {u"total_hours"_s, week.estimatedHours},
        });
        priorityDistribution.append(QJsonObject{
            {u"week"_s, i + 1},
            {u"high_priority"_s, week.highPriority},
            {u"medium_priority"_s, week.mediumPriority},
            {u"low_priority"_s, week.lowPriority},
        });
    }

    // The ranking: most completions first; ties by name (the contract leaves them open).
    std::stable_sort(categories.begin(), categories.end(),
                     [](const Category& a, const Category& b) { return a.total > b.total; });
    if (!categories.isEmpty()) {
        insights.topCategory = categories.first().name;
        insights.topCategoryCompletions = categories.first().total;
    }
    QJsonObject categoryTrends;
    for (qsizetype i = 0; i < std::min<qsizetype>(kTopCategories, categories.size()); ++i) {
        QJsonArray counts;
        for (const qint64 count : categories[i].perWeek)
            counts.append(count);
        categoryTrends.insert(categories[i].name, counts);
    }

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
