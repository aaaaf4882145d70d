#include "VelocityAnalytics.h"

#include "analytics/PythonRounding.h"
#include "db/DbSession.h"
#include "db/PgSql.h"

#include <QJsonArray>
#include <QSqlQuery>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace bizy::server {

namespace {

// Per UTC calendar day of the window that has completions: all, those
// before the midpoint, and the high-priority ones (priority 1 or 2). The days
// come from generate_series and each is a range of the completions index:
// computing the day of every completed_at took twice as long. Binds: start,
// now, midpoint, user, then the window.
const QString kDays =
    u"WITH days AS (SELECT d, d AT TIME ZONE 'UTC' AS since, "
    u"(d + interval '1 day') AT TIME ZONE 'UTC' AS until "
    u"FROM generate_series((?::timestamptz AT TIME ZONE 'UTC')::date::timestamp, "
    u"(?::timestamptz AT TIME ZONE 'UTC')::date::timestamp, interval '1 day') AS d) "
    u"SELECT to_char(days.d, 'YYYY-MM-DD'), count(*), "
    u"count(*) FILTER (WHERE t.completed_at < ?::timestamptz), "
    u"count(*) FILTER (WHERE t.priority <= 2) "
    u"FROM days JOIN tasks t ON t.user_id = ? AND "_s +
    AnalyticsWindow::completedSql(u"t"_s) +
    u" AND t.completed_at >= days.since AND t.completed_at < days.until "
    u"GROUP BY days.d ORDER BY days.d"_s;

QJsonObject dayJson(const QString& date, qint64 completed) {
    return {{u"date"_s, date}, {u"tasks_completed"_s, completed}};
}

// "improving", "declining" or "stable" for `first` completions before the
// midpoint and `second` at or after it.
QString completionTrend(qint64 first, qint64 second) {
    if (double(second) > double(first) * 1.1)
        return u"improving"_s;
    if (double(second) < double(first) * 0.9)
        return u"declining"_s;
    return u"stable"_s;
}

// min(100, v*10*0.5 + h*100*0.3 + t*0.2), not rounded.
double productivityScore(qint64 completed, qint64 highPriority, int days, const QString& trend) {
    const double velocity = double(completed) / double(days);
    const double highShare = completed > 0 ? double(highPriority) / double(completed) : 0.0;
    const int trendPoints = trend == u"improving"_s ? 50 : trend == u"stable"_s ? 30 : 10;
    // The contract's order of operations, so the double is the same to the last bit.
    return std::min(100.0, velocity * 10 * 0.5 + highShare * 100 * 0.3 + trendPoints * 0.2);
}

} // namespace

VelocityAnalytics::VelocityAnalytics(DbSession& db, qint64 userId)
    : m_db(db)
    , m_userId(userId) {}

QJsonObject VelocityAnalytics::report(const AnalyticsWindow& window) {
    const QDateTime midpoint = window.afterStart(12LL * window.days());
    QSqlQuery days = PgSql::run(m_db, kDays,
                                QVariantList{PgSql::time(window.start()), PgSql::time(window.now()),
                                             PgSql::time(midpoint), m_userId} +
                                    window.completedValues());
    QJsonArray breakdown;
    qint64 completed = 0;
    qint64 beforeMidpoint = 0;
    qint64 highPriority = 0;
    // Ties go to the earliest day (the contract leaves them open).
    QJsonObject best;
    QJsonObject worst;
    qint64 bestCount = -1;
    qint64 worstCount = -1;
    while (days.next()) {
        const QString date = days.value(0).toString();
        const qint64 count = days.value(1).toLongLong();
        completed += count;
        beforeMidpoint += days.value(2).toLongLong();
        highPriority += days.value(3).toLongLong();
        breakdown.append(dayJson(date, count));
        if (count > bestCount) {
            bestCount = count;
            best = dayJson(date, count);
        }
        if (worstCount < 0 || count < worstCount) {
            worstCount = count;
            worst = dayJson(date, count);
        }
    }

    const QString trend = completionTrend(beforeMidpoint, completed - beforeMidpoint);
    const double velocity = PythonRounding::round(double(completed) / double(window.days()), 2);
    const double score =
        PythonRounding::round(productivityScore(completed, highPriority, window.days(), trend), 1);
    return QJsonObject{
        {u"period_days"_s, window.days()},
        {u"velocity"_s, velocity},
        {u"tasks_per_day"_s, velocity},
        {u"completion_trend"_s, trend},
        {u"productivity_score"_s, score},
        {u"best_day"_s, breakdown.isEmpty() ? QJsonValue() : QJsonValue(best)},
        {u"worst_day"_s, breakdown.size() >= 2 ? QJsonValue(worst) : QJsonValue()},
        {u"daily_breakdown"_s, breakdown},
    };
}

} // namespace bizy::server
