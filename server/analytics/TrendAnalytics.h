#pragma once

#include "analytics/AnalyticsWindow.h"

#include <QByteArray>

namespace bizy::server {

class DbSession;

// GET /api/analytics/trends (docs/api.md section 7.4) for one user: the
// window's completions in whole weeks counted from its start, the top
// categories week by week, the active goals, and the insight sentences.
// The answer is JSON text: the list of every active goal can hold thousands
// of entries, and writing them straight to text (data/JsonText) costs a
// fraction of building QJsonObjects (bench/README.md, "Analytics").
class TrendAnalytics {
public:
    TrendAnalytics(DbSession& db, qint64 userId);

    QByteArray report(const AnalyticsWindow& window);

private:
    DbSession& m_db;
    qint64 m_userId;
};

} // namespace bizy::server
