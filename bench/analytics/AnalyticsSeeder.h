#pragma once

#include <QString>

class PgCluster;

// Fills one user's tasks and goals straight into PostgreSQL with set-based
// INSERTs (seconds, not the minutes the REST or sync endpoints would take),
// shaped like a long-lived account: tasks created evenly over two years, 70 %
// of them completed within two weeks of creation, the rest pending, in
// progress or blocked; seven categories and none on 10 %; estimates on 80 %,
// actual hours on 70 % of the completed; due dates on 70 %. Goals: all four
// horizons, 70 % active, progress 0-100, target dates a year either side on
// 80 %. The same seed gives the same rows.
class AnalyticsSeeder {
public:
    explicit AnalyticsSeeder(PgCluster& cluster);

    bool seed(qint64 userId, int tasks, int goals, double randomSeed, QString* error);
    // VACUUM ANALYZE of both tables: what autovacuum does after a bulk load,
    // so the visibility map allows index-only scans and the planner has statistics.
    bool settle(QString* error);

private:
    bool run(const QString& sql, QString* error);

    PgCluster& m_cluster;
};
