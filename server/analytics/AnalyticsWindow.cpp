#include "AnalyticsWindow.h"

#include "db/PgSql.h"
#include "model/IsoDateTime.h"

using namespace Qt::StringLiterals;

namespace bizy::server {

namespace {
constexpr qint64 kMsPerHour = 3'600'000;
}

AnalyticsWindow AnalyticsWindow::endingNow(int days) {
    return AnalyticsWindow(bizy::IsoDateTime::nowUtc(), days);
}

AnalyticsWindow::AnalyticsWindow(QDateTime now, int days)
    : m_now(std::move(now))
    , m_days(days) {}

QDateTime AnalyticsWindow::start() const {
    return afterStart(0);
}

QDateTime AnalyticsWindow::afterStart(qint64 hours) const {
    return m_now.addMSecs((hours - 24LL * m_days) * kMsPerHour);
}

QString AnalyticsWindow::completedSql(const QString& alias) {
    return alias + u".status = 'completed' AND "_s + alias +
           u".completed_at BETWEEN ?::timestamptz AND ?::timestamptz"_s;
}

QVariantList AnalyticsWindow::completedValues() const {
    return {PgSql::time(start()), PgSql::time(m_now)};
}

} // namespace bizy::server
