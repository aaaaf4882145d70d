#include "TrendInsights.h"

#include "analytics/PythonRounding.h"

using namespace Qt::StringLiterals;

namespace bizy::server {

// The emoji are written as escapes so that the invisible U+FE0F after the
// warning sign cannot get lost: 📈 📉 🎯 ⭐ 🎉 ⚠️.
QStringList TrendInsights::sentences() const {
    QStringList out;
    const qsizetype weeks = weeklyCompletions.size();
    if (weeks >= 2) {
        const double last = double(weeklyCompletions[weeks - 1]);
        const double before = double(weeklyCompletions[weeks - 2]);
        if (last > before * 1.2)
            out << u"\U0001F4C8 Productivity spike: Last week showed 20%+ increase in task completion"_s;
        else if (last < before * 0.8)
            out << u"\U0001F4C9 Productivity dip: Last week showed 20%+ decrease in task completion"_s;
    }
    if (completed > 0)
        out << u"\U0001F3AF Top focus area: '"_s + topCategory + u"' accounts for "_s +
                   QString::number(topCategoryCompletions) + u" completed tasks"_s;
    if (completed > 0 && double(highPriority) / double(completed) > 0.6)
        out << u"\u2B50 Strong priority discipline: 60%+ of completed tasks were high priority"_s;
    if (activeGoalProgress) {
        const QString percent = PythonRounding::noDecimals(*activeGoalProgress);
        if (*activeGoalProgress >= 70)
            out << u"\U0001F389 Goals on track: Average progress is "_s + percent + u"%"_s;
        else if (*activeGoalProgress < 30)
            out << u"\u26A0\uFE0F Goals need attention: Average progress is only "_s + percent +
                       u"%"_s;
    }
    return out;
}

} // namespace bizy::server
