#include "QuickAddText.h"

#include "TaskText.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace bizy {

QString QuickAddText::quoted(const QString& text) {
    return tr("\u201c%1\u201d").arg(text);
}

QString QuickAddText::when(const QDateTime& utc, const QDateTime& now, const QTimeZone& zone) {
    const QDateTime local = utc.toTimeZone(zone);
    const QDate today = now.toTimeZone(zone).date();
    const QLocale locale;
    QString day;
    if (local.date() == today)
        day = tr("Today");
    else if (local.date() == today.addDays(1))
        day = tr("Tomorrow");
    else if (local.date().year() == today.year() ||
             (local.date() > today && local.date() < today.addMonths(6)))
        day = locale.toString(local.date(), u"ddd d MMM"_s); // the year goes without saying
    else
        day = locale.toString(local.date(), u"ddd d MMM yyyy"_s);
    return tr("%1, %2").arg(day, locale.toString(local.time(), TaskText::timeFormat()));
}

QStringList QuickAddText::chips(const QuickAddResult& result, const QDateTime& now,
                                const QTimeZone& zone) {
    QStringList chips;
    if (result.due)
        chips << tr("Due %1").arg(when(*result.due, now, zone));
    if (result.priority)
        chips << tr("Priority %1").arg(TaskText::priority(*result.priority));
    for (const QString& tag : result.tags)
        chips << tr("Tag: %1").arg(tag);
    if (result.category)
        chips << tr("Category: %1").arg(*result.category);
    if (result.goal)
        chips << tr("Goal: %1").arg(result.goal->title);
    return chips;
}

QString QuickAddText::issue(const QuickAddIssue& issue, const QuickAddResult& result,
                            const QTimeZone& zone) {
    using Kind = QuickAddIssue::Kind;
    switch (issue.kind) {
    case Kind::NoTitle:
        return tr("Type what the task is, not only when or how.");
    case Kind::TitleTooLong:
        return tr("The title is too long: at most %1 characters.").arg(issue.limit);
    case Kind::TagTooLong:
        return tr("%1 is too long for a tag: at most %2 characters.")
            .arg(quoted(issue.text))
            .arg(issue.limit);
    case Kind::CategoryTooLong:
        return tr("%1 is too long for a category: at most %2 characters.")
            .arg(quoted(issue.text))
            .arg(issue.limit);
    case Kind::UnknownGoal:
        return tr("No open goal\u2019s title starts with %1. Type the start of a goal\u2019s "
                  "title, or put a backslash before the + to keep the word as text.")
            .arg(quoted(issue.text));
    case Kind::AmbiguousGoal: {
        QStringList titles;
        for (const QString& title : issue.candidates)
            titles << quoted(title);
        return tr("%1 could be any of these goals: %2. Type more of the title.")
            .arg(quoted(issue.text), QLocale().createSeparatedList(titles));
    }
    case Kind::NotAPriority:
        return tr("%1 is not a priority (p1 to p5); it stays in the title.")
            .arg(quoted(issue.text));
    case Kind::NoSuchDate:
        return tr("%1 is not a date; it stays in the title.").arg(quoted(issue.text));
    case Kind::NoSuchTime:
        return tr("%1 is not a time; it stays in the title.").arg(quoted(issue.text));
    case Kind::Repeated:
        return tr("%1 stays in the title: the last one typed counts.").arg(quoted(issue.text));
    case Kind::SkippedTime: {
        const QString shown = result.due ? QLocale().toString(result.due->toTimeZone(zone).time(),
                                                              TaskText::timeFormat())
                                         : QString();
        return tr("The clocks go forward that night, so %1 does not exist: due at %2.")
            .arg(quoted(issue.text), shown);
    }
    case Kind::RepeatedTime:
        return tr("The clocks go back that night, so %1 happens twice: the first one counts.")
            .arg(quoted(issue.text));
    case Kind::DueInPast:
        return tr("%1 is in the past.").arg(quoted(issue.text));
    }
    return {};
}

QString QuickAddText::placeholder() {
    return tr("Quick add: Call Alice tomorrow 3pm p1 #sales @work (Ctrl+L)");
}

QString QuickAddText::grammarHint() {
    return tr("p1\u2013p5 priority \u00b7 #tag \u00b7 @category \u00b7 +goal \u00b7 today, "
              "friday, dec 24, in 3 days \u00b7 3pm, at 9 \u00b7 \"quotes\" keep words as they "
              "are");
}

} // namespace bizy
