#pragma once

#include "model/Goal.h"
#include "model/TaskDraft.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTime>
#include <optional>

namespace bizy {

// A part of a quick-add line that was understood, with where it was typed
// (UTF-16 offsets into the line), so a view can mark it.
struct QuickAddToken {
    enum class Kind {
        Priority,
        Tag,
        Category,
        Goal,
        Date,
        Time,
        Literal, // a quoted phrase or an escaped word: kept in the title as it is
    };
    Kind kind = Kind::Literal;
    qsizetype start = 0;
    qsizetype length = 0;
    QString value; // the tag, category or goal words as typed; the literal text

    bool operator==(const QuickAddToken&) const = default;
};

// What the user should know before pressing Enter. The first group stops the
// task from being created; the others are notes about what was done.
struct QuickAddIssue {
    enum class Kind {
        NoTitle,
        TitleTooLong,
        TagTooLong,
        CategoryTooLong,
        UnknownGoal,   // no open goal's title starts with the words
        AmbiguousGoal, // several do: `candidates`
        // notes
        NotAPriority, // p0, p6: kept in the title
        NoSuchDate,   // feb 31, 2027-02-29: kept in the title
        NoSuchTime,   // 13pm, 24:00: kept in the title
        Repeated,     // an earlier date, time, priority, category or goal: kept in the title
        SkippedTime,  // the clocks went forward over that time: it moves on by the gap
        RepeatedTime, // the clocks went back over that time: the first one counts
        DueInPast,
    };
    Kind kind = Kind::NoTitle;
    qsizetype start = 0; // the words concerned; a length of 0 means the whole line
    qsizetype length = 0;
    QString text;           // those words as typed (the goal words for goals)
    QStringList candidates; // AmbiguousGoal: the titles that match
    int limit = 0;          // the *TooLong kinds: the most characters allowed

    bool blocksCreation() const;

    bool operator==(const QuickAddIssue&) const = default;
};

// What a quick-add line means: the task's fields, the tokens that set them,
// and the issues. Dates are the user's local dates; `due` is the instant, UTC.
struct QuickAddResult {
    QString title;
    std::optional<int> priority;
    QStringList tags;
    std::optional<QString> category;
    std::optional<Goal> goal;
    std::optional<QDate> dueDate; // the local day
    std::optional<QTime> dueTime; // the local time typed; none: the end of the day
    std::optional<QDateTime> due; // UTC
    QList<QuickAddToken> tokens;  // in the order typed
    QList<QuickAddIssue> issues;  // in the order typed, the title's last

    // Nothing but spaces was typed (anything else has a title, a token or
    // at least the issue that there is no title).
    bool isEmpty() const { return title.isEmpty() && tokens.isEmpty() && issues.isEmpty(); }
    // There is a title and no issue that blocks creation.
    bool canCreate() const;
    // The first issue that blocks creation, if any.
    std::optional<QuickAddIssue> blockingIssue() const;
    // The new task's fields (priority 3 unless one was typed).
    TaskDraft draft() const;

    bool operator==(const QuickAddResult&) const = default;
};

} // namespace bizy
