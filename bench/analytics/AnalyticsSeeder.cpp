#include "AnalyticsSeeder.h"

#include "PgCluster.h"

#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

AnalyticsSeeder::AnalyticsSeeder(PgCluster& cluster)
    : m_cluster(cluster) {}

bool AnalyticsSeeder::run(const QString& sql, QString* error) {
    // Not PgCluster::exec(): QPSQL would prepare, and VACUUM cannot be prepared.
    QSqlQuery query(m_cluster.connection());
    if (query.exec(sql))
        return true;
    if (error)
        *error = query.lastError().text() + u" in: "_s + sql.left(200);
    return false;
}

bool AnalyticsSeeder::seed(qint64 userId, int tasks, int goals, double randomSeed, QString* error) {
    const QString user = QString::number(userId);
    // replica: no triggers (the field stamps the sync keeps are not what is measured)
    return run(u"SET session_replication_role = replica"_s, error) &&
           run(u"SELECT setseed(%1)"_s.arg(randomSeed), error) &&
           run(u"INSERT INTO goals (uuid, user_id, title, horizon, status, progress_percentage, "
               u"target_date, created_at, updated_at) "
               u"SELECT gen_random_uuid(), %1, 'Goal ' || n, "
               u"(ARRAY['yearly', 'quarterly', 'monthly', 'weekly'])[1 + n % 4], "
               u"CASE WHEN r < 0.70 THEN 'active' WHEN r < 0.85 THEN 'completed' "
               u"WHEN r < 0.95 THEN 'on_hold' ELSE 'cancelled' END, "
               u"round((random() * 100)::numeric, 1)::float8, "
               u"CASE WHEN random() < 0.8 THEN now() + (random() * 730 - 365) * interval '1 day' "
               u"END, now() - interval '800 days', now() "
               u"FROM (SELECT n, random() AS r FROM generate_series(1, %2) AS n) s"_s.arg(user)
                   .arg(goals),
               error) &&
           run(u"INSERT INTO tasks (uuid, user_id, title, priority, status, category, "
               u"estimated_hours, actual_hours, due_date, created_at, updated_at, completed_at) "
               u"SELECT gen_random_uuid(), %1, 'Task ' || n, 1 + floor(random() * 5)::int, "
               u"CASE WHEN r < 0.70 THEN 'completed' WHEN r < 0.85 THEN 'pending' "
               u"WHEN r < 0.95 THEN 'in_progress' ELSE 'blocked' END, "
               u"CASE WHEN random() >= 0.1 THEN (ARRAY['work', 'home', 'health', 'learning', "
               u"'finance', 'social', 'errands'])[1 + floor(random() * 7)::int] END, "
               u"CASE WHEN random() < 0.8 THEN round((0.5 + random() * 7.5)::numeric, 2)::float8 "
               u"END, "
               u"CASE WHEN r < 0.70 AND random() < 0.7 "
               u"THEN round((0.5 + random() * 9.5)::numeric, 2)::float8 END, "
               u"CASE WHEN random() < 0.7 THEN created + random() * interval '30 days' END, "
               u"created, created, "
               u"CASE WHEN r < 0.70 THEN least(created + random() * interval '14 days', now()) END "
               u"FROM (SELECT n, random() AS r, now() - random() * interval '730 days' AS created "
               u"FROM generate_series(1, %2) AS n) s"_s.arg(user)
                   .arg(tasks),
               error) &&
           run(u"SET session_replication_role = DEFAULT"_s, error);
}

bool AnalyticsSeeder::settle(QString* error) {
    return run(u"VACUUM ANALYZE tasks"_s, error) && run(u"VACUUM ANALYZE goals"_s, error);
}
