#include "GoalAnalytics.h"

#include "analytics/PythonRounding.h"
#include "db/DbSession.h"
#include "db/PgSql.h"

#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace bizy::server {

namespace {

const QStringList kHorizons{u"yearly"_s, u"quarterly"_s, u"monthly"_s, u"weekly"_s};

// Every figure in one pass over the user's goals (the table's CHECKs allow
// only these statuses and horizons).
const QString kSummary =
    u"SELECT count(*), "
    u"count(*) FILTER (WHERE status = 'active'), "
    u"count(*) FILTER (WHERE status = 'completed'), "
    u"count(*) FILTER (WHERE status = 'on_hold'), "
    u"count(*) FILTER (WHERE status = 'cancelled'), "
    u"coalesce(avg(progress_percentage) FILTER (WHERE status = 'active'), 0), "
    u"count(*) FILTER (WHERE status = 'active' AND progress_percentage >= 80), "
    u"count(*) FILTER (WHERE status = 'active' AND progress_percentage < 20 "
    u"AND target_date < ?::timestamptz), "
    u"count(*) FILTER (WHERE horizon = 'yearly'), "
    u"count(*) FILTER (WHERE horizon = 'quarterly'), "
    u"count(*) FILTER (WHERE horizon = 'monthly'), "
    u"count(*) FILTER (WHERE horizon = 'weekly') "
    u"FROM goals WHERE user_id = ?"_s;

constexpr qint64 kAtRiskDaysAhead = 30;

} // namespace

GoalAnalytics::GoalAnalytics(DbSession& db, qint64 userId)
    : m_db(db)
    , m_userId(userId) {}

QJsonObject GoalAnalytics::report(const QDateTime& now) {
    QSqlQuery row =
        PgSql::run(m_db, kSummary, {PgSql::time(now.addDays(kAtRiskDaysAhead)), m_userId});
    row.next();
    QJsonObject byHorizon;
    for (int i = 0; i < kHorizons.size(); ++i) {
        if (const qint64 count = row.value(8 + i).toLongLong(); count > 0)
            byHorizon.insert(kHorizons[i], count);
    }
    return QJsonObject{
        {u"total_goals"_s, row.value(0).toLongLong()},
        {u"active_goals"_s, row.value(1).toLongLong()},
        {u"completed_goals"_s, row.value(2).toLongLong()},
        {u"on_hold_goals"_s, row.value(3).toLongLong()},
        {u"cancelled_goals"_s, row.value(4).toLongLong()},
        {u"average_progress"_s, PythonRounding::round(row.value(5).toDouble(), 2)},
        {u"by_horizon"_s, byHorizon},
        {u"goals_near_completion"_s, row.value(6).toLongLong()},
        {u"goals_at_risk"_s, row.value(7).toLongLong()},
    };
}

} // namespace bizy::server
