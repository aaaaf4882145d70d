#pragma once

#include <QDateTime>
#include <QString>
#include <QVariant>
#include <QVariantList>

namespace bizy::server {

// The period an analytics route looks at (docs/api.md, before section 7):
// from now - days to now, both ends included, with now read once per request
// from the server's clock. A task is "completed in the window" when its
// status is completed and its completed_at lies in it.
class AnalyticsWindow {
public:
    static AnalyticsWindow endingNow(int days);
    AnalyticsWindow(QDateTime now, int days);

    const QDateTime& now() const { return m_now; }
    int days() const { return m_days; }
    QDateTime start() const; // now - days * 24 hours
    // start + `hours` (weeks and the velocity midpoint are counted from start).
    QDateTime afterStart(qint64 hours) const;

    // The condition "completed in the window" over the tasks of alias `t`,
    // with two `?` placeholders filled by completedValues().
    static QString completedSql(const QString& alias);
    QVariantList completedValues() const;

private:
    QDateTime m_now;
    int m_days = 0;
};

} // namespace bizy::server
