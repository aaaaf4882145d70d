#pragma once

#include "quickadd/QuickAddResult.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QTimeZone>

namespace bizy {

// The words of the quick-add preview, translated: a label for each field the
// line sets (a "chip") and a sentence for each issue.
class QuickAddText {
    Q_DECLARE_TR_FUNCTIONS(QuickAddText)

public:
    // Due, priority, tags, category and goal, in that order, for what is set.
    static QStringList chips(const QuickAddResult& result, const QDateTime& now,
                             const QTimeZone& zone);
    // "Tomorrow, 15:00", "Fri 25 Dec, 23:59": the local day (named when it
    // is today or tomorrow) and time of `utc`.
    static QString when(const QDateTime& utc, const QDateTime& now, const QTimeZone& zone);
    static QString issue(const QuickAddIssue& issue, const QuickAddResult& result,
                         const QTimeZone& zone);
    // What the placeholder and the empty preview teach.
    static QString placeholder();
    static QString grammarHint();

private:
    static QString quoted(const QString& text);
};

} // namespace bizy
