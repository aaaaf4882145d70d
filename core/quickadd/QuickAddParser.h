#pragma once

#include "QuickAddResult.h"
#include "model/Goal.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QTimeZone>

namespace bizy {

// Reads one quick-add line ("Call Alice tomorrow 3pm p1 #sales @work +fitness")
// as a new task. The grammar, as the README tells it to users:
//
// - `p1`..`p5` priority; `#word` a tag; `@word` the category; `+word` the open
//   goal whose title starts with the words (an exact title wins over a longer
//   one). A sigil takes a quoted phrase too: `+"run a marathon"`. The word after
//   `#`, `@` or `+` starts with a letter, so "bug #123" and "+1" stay text.
// - dates: today, tomorrow, weekday names (the next one; today's name means a
//   week from today), "next week" (next Monday), "in N days", "in N weeks",
//   "dec 24" / "24 dec" / "december 24th" (the next such day, today included),
//   ISO 2026-12-24. Times: 3pm, 3:30pm, 3 pm, 15:00, "at 9" (24-hour: 09:00).
// - A date without a time means the end of that day (23:59); a time without a
//   date means today, or tomorrow when that time has already passed today.
// - Local times are the given zone's: a time the clocks skip (spring forward)
//   moves on by the length of the gap; a time they repeat (fall back) means
//   the first of the two.
// - One due date, priority, category and goal: when one is typed twice the
//   last one counts and the earlier words stay in the title (with a note).
// - A quoted phrase ("...") or a word after a backslash (\tomorrow) is kept in
//   the title as typed. Punctuation glued to a token (tomorrow, (p1) goes with
//   it. Everything else is the title, in its order, spaces collapsed.
//
// The clock and the zone are given, so the same line always means the same.
class QuickAddParser {
public:
    QuickAddParser(const QDateTime& now, const QTimeZone& zone, QList<Goal> goals = {});

    QuickAddResult parse(const QString& line) const;

    // The time of a due date typed without a time.
    static QTime endOfDay() { return QTime(23, 59); }

private:
    QDateTime m_now;
    QTimeZone m_zone;
    QList<Goal> m_goals;
};

} // namespace bizy
