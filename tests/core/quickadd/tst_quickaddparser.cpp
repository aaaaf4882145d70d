// QuickAddParser: what a typed line means, row by row. Every row runs at a
// fixed "now" in a fixed zone (Europe/Berlin unless the row says otherwise),
// so each expected instant is worked out by hand: Berlin is UTC+1 in winter
// and UTC+2 from the last Sunday of March to the last Sunday of October.

#include "model/Goal.h"
#include "quickadd/QuickAddParser.h"

#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;
using namespace bizy;

namespace {

// Wednesday 23 December 2026, 10:00 in Berlin (09:00 UTC).
const QString defaultNow = u"2026-12-23 10:00"_s;

struct Expect {
    QString title;
    int priority = 0; // 0: none typed
    QStringList tags;
    QString category;   // null: none
    QString goal;       // the goal's title; empty: none
    QString due;        // UTC, "yyyy-MM-ddTHH:mm"; empty: none
    QStringList tokens; // "Kind:as typed"
    QStringList issues; // "Kind:as typed", AmbiguousGoal with "(title|title)"
    QString now = defaultNow;
    QByteArray zone = "Europe/Berlin";
};

QString kindName(QuickAddToken::Kind kind) {
    switch (kind) {
    case QuickAddToken::Kind::Priority:
        return u"Priority"_s;
    case QuickAddToken::Kind::Tag:
        return u"Tag"_s;
    case QuickAddToken::Kind::Category:
        return u"Category"_s;
    case QuickAddToken::Kind::Goal:
        return u"Goal"_s;
    case QuickAddToken::Kind::Date:
        return u"Date"_s;
    case QuickAddToken::Kind::Time:
        return u"Time"_s;
    case QuickAddToken::Kind::Literal:
        return u"Literal"_s;
    }
    return u"?"_s;
}

QString kindName(QuickAddIssue::Kind kind) {
    using K = QuickAddIssue::Kind;
    switch (kind) {
    case K::NoTitle:
        return u"NoTitle"_s;
    case K::TitleTooLong:
        return u"TitleTooLong"_s;
    case K::TagTooLong:
        return u"TagTooLong"_s;
    case K::CategoryTooLong:
        return u"CategoryTooLong"_s;
    case K::UnknownGoal:
        return u"UnknownGoal"_s;
    case K::AmbiguousGoal:
        return u"AmbiguousGoal"_s;
    case K::NotAPriority:
        return u"NotAPriority"_s;
    case K::NoSuchDate:
        return u"NoSuchDate"_s;
    case K::NoSuchTime:
        return u"NoSuchTime"_s;
    case K::Repeated:
        return u"Repeated"_s;
    case K::SkippedTime:
        return u"SkippedTime"_s;
    case K::RepeatedTime:
        return u"RepeatedTime"_s;
    case K::DueInPast:
        return u"DueInPast"_s;
    }
    return u"?"_s;
}

Goal goal(const QString& title, GoalStatus status = GoalStatus::Active) {
    Goal goal = Goal::create(QDateTime(QDate(2026, 1, 1), QTime(0, 0), QTimeZone::utc()));
    goal.title = title;
    goal.status = status;
    return goal;
}

// The goals every row can name.
const QList<Goal>& goals() {
    static const QList<Goal> list{goal(u"Fitness 2027"_s),
                                  goal(u"Fit in a suit"_s),
                                  goal(u"Finish the book"_s, GoalStatus::OnHold),
                                  goal(u"Sales Q1"_s),
                                  goal(u"Sales"_s),
                                  goal(u"Run a marathon"_s),
                                  goal(u"Old habit"_s, GoalStatus::Completed),
                                  goal(u"Ölwechsel planen"_s),
                                  goal(u"健康な生活"_s)};
    return list;
}

} // namespace

Q_DECLARE_METATYPE(Expect)

class TestQuickAddParser : public QObject {
    Q_OBJECT

private slots:
    void lineMeansTask_data();
    void lineMeansTask();
    void draftCarriesTheFields();
    void sameLineSameMeaning();
};

void TestQuickAddParser::lineMeansTask_data() {
    QTest::addColumn<QString>("line");
    QTest::addColumn<Expect>("expected");
    const auto row = [](const char* name, const QString& line, const Expect& expected) {
        QTest::newRow(name) << line << expected;
    };
    const QString a101(101, u'a');

    // the example, and the plainest lines
    row("example", u"Call Alice tomorrow 3pm p1 #sales @work"_s,
        {.title = u"Call Alice"_s,
         .priority = 1,
         .tags = {u"sales"_s},
         .category = u"work"_s,
         .due = u"2026-12-24T14:00"_s,
         .tokens = {u"Date:tomorrow"_s, u"Time:3pm"_s, u"Priority:p1"_s, u"Tag:#sales"_s,
                    u"Category:@work"_s}});
    row("empty", QString(), {});
    row("only spaces", u"   \t  "_s, {});
    row("plain title", u"Buy milk"_s, {.title = u"Buy milk"_s});
    row("spacing collapsed", u"  Buy    oat \t milk  "_s, {.title = u"Buy oat milk"_s});
    row("only tokens", u"p2 #x @home tomorrow"_s,
        {.priority = 2,
         .tags = {u"x"_s},
         .category = u"home"_s,
         .due = u"2026-12-24T22:59"_s,
         .tokens = {u"Priority:p2"_s, u"Tag:#x"_s, u"Category:@home"_s, u"Date:tomorrow"_s},
         .issues = {u"NoTitle:"_s}});

    // unicode titles
    row("emoji title", u"🎉 Party planning 🎂 p3"_s,
        {.title = u"🎉 Party planning 🎂"_s, .priority = 3, .tokens = {u"Priority:p3"_s}});
    row("german umlauts", u"Steuererklärung für Jürgen @büro #wichtig"_s,
        {.title = u"Steuererklärung für Jürgen"_s,
         .tags = {u"wichtig"_s},
         .category = u"büro"_s,
         .tokens = {u"Category:@büro"_s, u"Tag:#wichtig"_s}});
    row("cjk title and tag", u"买牛奶 明天 #购物"_s,
        {.title = u"买牛奶 明天"_s, .tags = {u"购物"_s}, .tokens = {u"Tag:#购物"_s}});
    row("cjk category", u"会议 @工作 p1"_s,
        {.title = u"会议"_s,
         .priority = 1,
         .category = u"工作"_s,
         .tokens = {u"Category:@工作"_s, u"Priority:p1"_s}});
    row("emoji after a sigil is text", u"Party #🎉"_s, {.title = u"Party #🎉"_s});
    row("500 emoji are 500 characters", QString(u"🎉"_s).repeated(500),
        {.title = QString(u"🎉"_s).repeated(500)});

    // priorities
    row("p6 is text", u"Fix p6 bug"_s,
        {.title = u"Fix p6 bug"_s, .issues = {u"NotAPriority:p6"_s}});
    row("p0 is text", u"p0 thing"_s, {.title = u"p0 thing"_s, .issues = {u"NotAPriority:p0"_s}});
    row("uppercase words", u"URGENT P1 CALL BOB TOMORROW 3PM"_s,
        {.title = u"URGENT CALL BOB"_s,
         .priority = 1,
         .due = u"2026-12-24T14:00"_s,
         .tokens = {u"Priority:P1"_s, u"Date:TOMORROW"_s, u"Time:3PM"_s}});
    row("priority inside a word is text", u"Setup1 top1 p1x"_s, {.title = u"Setup1 top1 p1x"_s});

    // sigils alone or before what is not a word
    row("# alone", u"Price # check"_s, {.title = u"Price # check"_s});
    row("@ alone", u"Meet @ noon"_s, {.title = u"Meet @ noon"_s});
    row("+ alone", u"Add + subtract"_s, {.title = u"Add + subtract"_s});
    row("issue number", u"Fix bug #123"_s, {.title = u"Fix bug #123"_s});
    row("+1", u"+1 the proposal"_s, {.title = u"+1 the proposal"_s});
    row("email address", u"Mail bob@example.com"_s, {.title = u"Mail bob@example.com"_s});
    row("C++", u"Learn C++ templates"_s, {.title = u"Learn C++ templates"_s});

    // impossible dates stay text, with a note
    row("31 February", u"Pay feb 31"_s,
        {.title = u"Pay feb 31"_s, .issues = {u"NoSuchDate:feb 31"_s}});
    row("31 February day first", u"Pay 31 february"_s,
        {.title = u"Pay 31 february"_s, .issues = {u"NoSuchDate:31 february"_s}});
    row("31 April", u"Report apr 31"_s,
        {.title = u"Report apr 31"_s, .issues = {u"NoSuchDate:apr 31"_s}});
    row("ISO 29 February of a common year", u"Party 2027-02-29"_s,
        {.title = u"Party 2027-02-29"_s, .issues = {u"NoSuchDate:2027-02-29"_s}});
    row("ISO month 13", u"Plan 2026-13-01"_s,
        {.title = u"Plan 2026-13-01"_s, .issues = {u"NoSuchDate:2026-13-01"_s}});
    row("day 32 is just text", u"Item dec 32"_s, {.title = u"Item dec 32"_s});

    // 29 February: the next one there is
    row("feb 29 from a common year", u"Party feb 29"_s,
        {.title = u"Party"_s,
         .due = u"2028-02-29T22:59"_s,
         .tokens = {u"Date:feb 29"_s},
         .now = u"2027-01-10 10:00"_s});
    row("feb 29 in a leap year", u"Party feb 29"_s,
        {.title = u"Party"_s,
         .due = u"2028-02-29T22:59"_s,
         .tokens = {u"Date:feb 29"_s},
         .now = u"2028-01-10 10:00"_s});
    row("feb 29 just after one", u"Party 29th feb"_s,
        {.title = u"Party"_s,
         .due = u"2032-02-29T22:59"_s,
         .tokens = {u"Date:29th feb"_s},
         .now = u"2028-03-01 10:00"_s});
    row("ISO 29 February of a leap year", u"Party 2028-02-29"_s,
        {.title = u"Party"_s, .due = u"2028-02-29T22:59"_s, .tokens = {u"Date:2028-02-29"_s}});

    // named dates
    row("today", u"Water plants today"_s,
        {.title = u"Water plants"_s, .due = u"2026-12-23T22:59"_s, .tokens = {u"Date:today"_s}});
    row("dec 24", u"Gifts dec 24"_s,
        {.title = u"Gifts"_s, .due = u"2026-12-24T22:59"_s, .tokens = {u"Date:dec 24"_s}});
    row("24 dec", u"Gifts 24 dec"_s,
        {.title = u"Gifts"_s, .due = u"2026-12-24T22:59"_s, .tokens = {u"Date:24 dec"_s}});
    row("december 24th", u"Gifts December 24th"_s,
        {.title = u"Gifts"_s, .due = u"2026-12-24T22:59"_s, .tokens = {u"Date:December 24th"_s}});
    row("today's date is today", u"Wrap dec 23"_s,
        {.title = u"Wrap"_s, .due = u"2026-12-23T22:59"_s, .tokens = {u"Date:dec 23"_s}});
    row("a passed date is next year's", u"Taxes jan 5"_s,
        {.title = u"Taxes"_s, .due = u"2027-01-05T22:59"_s, .tokens = {u"Date:jan 5"_s}});
    row("may alone is a word", u"You may go"_s, {.title = u"You may go"_s});
    row("may 5 in summer time", u"Mow may 5"_s,
        {.title = u"Mow"_s, .due = u"2027-05-05T21:59"_s, .tokens = {u"Date:may 5"_s}});
    row("tomorrow on new year's eve", u"Sleep in tomorrow"_s,
        {.title = u"Sleep in"_s,
         .due = u"2027-01-01T22:59"_s,
         .tokens = {u"Date:tomorrow"_s},
         .now = u"2026-12-31 18:00"_s});

    // weekdays and relative dates (now is a Wednesday)
    row("friday", u"Gym friday"_s,
        {.title = u"Gym"_s, .due = u"2026-12-25T22:59"_s, .tokens = {u"Date:friday"_s}});
    row("today's weekday means next week", u"Review Wednesday"_s,
        {.title = u"Review"_s, .due = u"2026-12-30T22:59"_s, .tokens = {u"Date:Wednesday"_s}});
    row("monday", u"Plan monday"_s,
        {.title = u"Plan"_s, .due = u"2026-12-28T22:59"_s, .tokens = {u"Date:monday"_s}});
    row("next week", u"Plan next week"_s,
        {.title = u"Plan"_s, .due = u"2026-12-28T22:59"_s, .tokens = {u"Date:next week"_s}});
    row("next week on a sunday", u"Plan next week"_s,
        {.title = u"Plan"_s,
         .due = u"2026-12-28T22:59"_s,
         .tokens = {u"Date:next week"_s},
         .now = u"2026-12-27 10:00"_s});
    row("next week on a monday", u"Plan next week"_s,
        {.title = u"Plan"_s,
         .due = u"2027-01-04T22:59"_s,
         .tokens = {u"Date:next week"_s},
         .now = u"2026-12-28 10:00"_s});
    row("in 3 days", u"Call back in 3 days"_s,
        {.title = u"Call back"_s, .due = u"2026-12-26T22:59"_s, .tokens = {u"Date:in 3 days"_s}});
    row("in 0 days", u"Decide in 0 days"_s,
        {.title = u"Decide"_s, .due = u"2026-12-23T22:59"_s, .tokens = {u"Date:in 0 days"_s}});
    row("in 1 day", u"Decide in 1 day"_s,
        {.title = u"Decide"_s, .due = u"2026-12-24T22:59"_s, .tokens = {u"Date:in 1 day"_s}});
    row("in 2 weeks", u"Follow up in 2 weeks"_s,
        {.title = u"Follow up"_s, .due = u"2027-01-06T22:59"_s, .tokens = {u"Date:in 2 weeks"_s}});
    row("in without a unit is text", u"Put in 3 boxes"_s, {.title = u"Put in 3 boxes"_s});
    row("in 2 weeks across the spring change", u"Dentist in 2 weeks 9am"_s,
        {.title = u"Dentist"_s,
         .due = u"2027-04-03T07:00"_s,
         .tokens = {u"Date:in 2 weeks"_s, u"Time:9am"_s},
         .now = u"2027-03-20 10:00"_s});

    // times (now is 10:00)
    row("a time later today", u"Call 3pm"_s,
        {.title = u"Call"_s, .due = u"2026-12-23T14:00"_s, .tokens = {u"Time:3pm"_s}});
    row("a passed time is tomorrow", u"Call 9am"_s,
        {.title = u"Call"_s, .due = u"2026-12-24T08:00"_s, .tokens = {u"Time:9am"_s}});
    row("the time it is now is tomorrow", u"Call 10:00"_s,
        {.title = u"Call"_s, .due = u"2026-12-24T09:00"_s, .tokens = {u"Time:10:00"_s}});
    row("3:30pm", u"Call 3:30pm tomorrow"_s,
        {.title = u"Call"_s,
         .due = u"2026-12-24T14:30"_s,
         .tokens = {u"Time:3:30pm"_s, u"Date:tomorrow"_s}});
    row("3 pm in two words", u"Call tomorrow 3 pm"_s,
        {.title = u"Call"_s,
         .due = u"2026-12-24T14:00"_s,
         .tokens = {u"Date:tomorrow"_s, u"Time:3 pm"_s}});
    row("15:00", u"Meet tomorrow 15:00"_s,
        {.title = u"Meet"_s,
         .due = u"2026-12-24T14:00"_s,
         .tokens = {u"Date:tomorrow"_s, u"Time:15:00"_s}});
    row("at 9", u"Standup tomorrow at 9"_s,
        {.title = u"Standup"_s,
         .due = u"2026-12-24T08:00"_s,
         .tokens = {u"Date:tomorrow"_s, u"Time:at 9"_s}});
    row("at 9pm", u"Call at 9pm"_s,
        {.title = u"Call"_s, .due = u"2026-12-23T20:00"_s, .tokens = {u"Time:at 9pm"_s}});
    row("at without a time is text", u"Look at the sky"_s, {.title = u"Look at the sky"_s});
    row("at 25 is text", u"Turn at 25"_s, {.title = u"Turn at 25"_s});
    row("12am is midnight", u"Deploy tomorrow 12am"_s,
        {.title = u"Deploy"_s,
         .due = u"2026-12-23T23:00"_s,
         .tokens = {u"Date:tomorrow"_s, u"Time:12am"_s}});
    row("12pm is noon", u"Lunch tomorrow 12pm"_s,
        {.title = u"Lunch"_s,
         .due = u"2026-12-24T11:00"_s,
         .tokens = {u"Date:tomorrow"_s, u"Time:12pm"_s}});
    row("13pm", u"Meet 13pm"_s, {.title = u"Meet 13pm"_s, .issues = {u"NoSuchTime:13pm"_s}});
    row("25:00", u"Meet 25:00"_s, {.title = u"Meet 25:00"_s, .issues = {u"NoSuchTime:25:00"_s}});
    row("ISO date and time", u"Launch 2026-12-24 15:00"_s,
        {.title = u"Launch"_s,
         .due = u"2026-12-24T14:00"_s,
         .tokens = {u"Date:2026-12-24"_s, u"Time:15:00"_s}});
    row("a past date is kept, with a note", u"Report 2020-01-01"_s,
        {.title = u"Report"_s,
         .due = u"2020-01-01T22:59"_s,
         .tokens = {u"Date:2020-01-01"_s},
         .issues = {u"DueInPast:2020-01-01"_s}});
    row("today at a passed time", u"Call today 9am"_s,
        {.title = u"Call"_s,
         .due = u"2026-12-23T08:00"_s,
         .tokens = {u"Date:today"_s, u"Time:9am"_s},
         .issues = {u"DueInPast:today"_s}});
    row("another zone", u"Call Alice tomorrow 3pm"_s,
        {.title = u"Call Alice"_s,
         .due = u"2026-12-24T06:00"_s,
         .tokens = {u"Date:tomorrow"_s, u"Time:3pm"_s},
         .zone = "Asia/Tokyo"});

    // the days the clocks change in Berlin
    row("spring forward: 02:30 does not exist", u"Night shift 2027-03-28 02:30"_s,
        {.title = u"Night shift"_s,
         .due = u"2027-03-28T01:30"_s, // 03:30 summer time
         .tokens = {u"Date:2027-03-28"_s, u"Time:02:30"_s},
         .issues = {u"SkippedTime:02:30"_s}});
    row("spring forward: 1:59 is winter time", u"Night shift 2027-03-28 1:59"_s,
        {.title = u"Night shift"_s,
         .due = u"2027-03-28T00:59"_s,
         .tokens = {u"Date:2027-03-28"_s, u"Time:1:59"_s}});
    row("spring forward: 3:00 is summer time", u"Night shift mar 28 3am"_s,
        {.title = u"Night shift"_s,
         .due = u"2027-03-28T01:00"_s,
         .tokens = {u"Date:mar 28"_s, u"Time:3am"_s}});
    row("spring forward day without a time", u"Clocks 2027-03-28"_s,
        {.title = u"Clocks"_s, .due = u"2027-03-28T21:59"_s, .tokens = {u"Date:2027-03-28"_s}});
    row("fall back: 02:30 happens twice, the first counts", u"Night shift 2027-10-31 2:30am"_s,
        {.title = u"Night shift"_s,
         .due = u"2027-10-31T00:30"_s, // 02:30 summer time
         .tokens = {u"Date:2027-10-31"_s, u"Time:2:30am"_s},
         .issues = {u"RepeatedTime:2:30am"_s}});
    row("fall back: 03:00 is winter time", u"Night shift 2027-10-31 03:00"_s,
        {.title = u"Night shift"_s,
         .due = u"2027-10-31T02:00"_s,
         .tokens = {u"Date:2027-10-31"_s, u"Time:03:00"_s}});

    // typed twice: the last counts, the earlier words stay in the title
    row("two dates", u"Move meeting monday friday"_s,
        {.title = u"Move meeting monday"_s,
         .due = u"2026-12-25T22:59"_s,
         .tokens = {u"Date:friday"_s},
         .issues = {u"Repeated:monday"_s}});
    row("two priorities", u"p1 Task p2"_s,
        {.title = u"p1 Task"_s,
         .priority = 2,
         .tokens = {u"Priority:p2"_s},
         .issues = {u"Repeated:p1"_s}});
    row("two categories", u"@work Task @home"_s,
        {.title = u"@work Task"_s,
         .category = u"home"_s,
         .tokens = {u"Category:@home"_s},
         .issues = {u"Repeated:@work"_s}});
    row("tags add up, each once", u"Tidy #home #Weekend #HOME"_s,
        {.title = u"Tidy"_s,
         .tags = {u"home"_s, u"Weekend"_s},
         .tokens = {u"Tag:#home"_s, u"Tag:#Weekend"_s, u"Tag:#HOME"_s}});

    // punctuation, quotes and escapes
    row("tokens glued to punctuation", u"Call Alice tomorrow, 3pm. (p1) #sales!"_s,
        {.title = u"Call Alice"_s,
         .priority = 1,
         .tags = {u"sales"_s},
         .due = u"2026-12-24T14:00"_s,
         .tokens = {u"Date:tomorrow"_s, u"Time:3pm"_s, u"Priority:p1"_s, u"Tag:#sales"_s}});
    row("a word with an apostrophe is text", u"Send tomorrow's report"_s,
        {.title = u"Send tomorrow's report"_s});
    row("quoted phrase", u"\"Read p1   tomorrow\" p2"_s,
        {.title = u"Read p1   tomorrow"_s,
         .priority = 2,
         .tokens = {u"Literal:\"Read p1   tomorrow\""_s, u"Priority:p2"_s}});
    row("typographic quotes", u"“Call mom today” now"_s,
        {.title = u"Call mom today now"_s, .tokens = {u"Literal:“Call mom today”"_s}});
    row("unclosed quote is a character", u"Say \"hello tomorrow"_s,
        {.title = u"Say \"hello"_s, .due = u"2026-12-24T22:59"_s, .tokens = {u"Date:tomorrow"_s}});
    row("escaped word", u"Watch \\tomorrow never dies"_s,
        {.title = u"Watch tomorrow never dies"_s, .tokens = {u"Literal:\\tomorrow"_s}});
    row("escaped tag", u"Post \\#hashtag \\p1"_s,
        {.title = u"Post #hashtag p1"_s, .tokens = {u"Literal:\\#hashtag"_s, u"Literal:\\p1"_s}});
    row("quoted tag", u"Read #\"long reads\""_s,
        {.title = u"Read"_s, .tags = {u"long reads"_s}, .tokens = {u"Tag:#\"long reads\""_s}});

    // goals
    row("goal by prefix, any case", u"Stretch +fitness"_s,
        {.title = u"Stretch"_s, .goal = u"Fitness 2027"_s, .tokens = {u"Goal:+fitness"_s}});
    row("goal in quotes", u"Stretch +\"run a\" today"_s,
        {.title = u"Stretch"_s,
         .goal = u"Run a marathon"_s,
         .due = u"2026-12-23T22:59"_s,
         .tokens = {u"Goal:+\"run a\""_s, u"Date:today"_s}});
    row("ambiguous goal", u"Plan +fi"_s,
        {.title = u"Plan"_s,
         .tokens = {u"Goal:+fi"_s},
         .issues = {u"AmbiguousGoal:fi(Fitness 2027|Fit in a suit|Finish the book)"_s}});
    row("unknown goal", u"Plan +zzz"_s,
        {.title = u"Plan"_s, .tokens = {u"Goal:+zzz"_s}, .issues = {u"UnknownGoal:zzz"_s}});
    row("exact title wins over a longer one", u"Call client +sales"_s,
        {.title = u"Call client"_s, .goal = u"Sales"_s, .tokens = {u"Goal:+sales"_s}});
    row("completed goals take no new tasks", u"Clean up +old"_s,
        {.title = u"Clean up"_s, .tokens = {u"Goal:+old"_s}, .issues = {u"UnknownGoal:old"_s}});
    row("goal with an umlaut, lower-case", u"Termin +ölwechsel"_s,
        {.title = u"Termin"_s, .goal = u"Ölwechsel planen"_s, .tokens = {u"Goal:+ölwechsel"_s}});
    row("cjk goal", u"散歩 +健康"_s,
        {.title = u"散歩"_s, .goal = u"健康な生活"_s, .tokens = {u"Goal:+健康"_s}});

    // the contract's limits
    row("tag too long", u"Task #"_s + a101,
        {.title = u"Task"_s, .tokens = {u"Tag:#"_s + a101}, .issues = {u"TagTooLong:#"_s + a101}});
    row("category too long", u"Task @"_s + a101,
        {.title = u"Task"_s,
         .tokens = {u"Category:@"_s + a101},
         .issues = {u"CategoryTooLong:@"_s + a101}});
    row("title too long", QString(501, u'x'),
        {.title = QString(501, u'x'), .issues = {u"TitleTooLong:"_s}});
}

void TestQuickAddParser::lineMeansTask() {
    QFETCH(QString, line);
    QFETCH(Expect, expected);
    const QTimeZone zone(expected.zone);
    QVERIFY(zone.isValid());
    const QDateTime now(QDate::fromString(expected.now.left(10), Qt::ISODate),
                        QTime::fromString(expected.now.mid(11), u"HH:mm"_s), zone);
    QVERIFY(now.isValid());

    const QuickAddResult result = QuickAddParser(now, zone, goals()).parse(line);

    QCOMPARE(result.title, expected.title);
    QCOMPARE(result.priority.value_or(0), expected.priority);
    QCOMPARE(result.tags, expected.tags);
    QCOMPARE(result.category.value_or(QString()), expected.category);
    QCOMPARE(result.goal ? result.goal->title : QString(), expected.goal);
    QCOMPARE(result.due ? result.due->toUTC().toString(u"yyyy-MM-ddTHH:mm"_s) : QString(),
             expected.due);
    if (result.due)
        QCOMPARE(result.due->timeSpec(), Qt::UTC);
    QStringList tokens;
    for (const QuickAddToken& token : result.tokens)
        tokens << kindName(token.kind) + u':' + line.mid(token.start, token.length);
    QCOMPARE(tokens, expected.tokens);
    QStringList issues;
    for (const QuickAddIssue& issue : result.issues) {
        QString text = kindName(issue.kind) + u':' + issue.text;
        if (!issue.candidates.isEmpty())
            text += u'(' + issue.candidates.join(u'|') + u')';
        issues << text;
    }
    QCOMPARE(issues, expected.issues);
    const bool blocked = std::any_of(result.issues.cbegin(), result.issues.cend(),
                                     [](const QuickAddIssue& i) { return i.blocksCreation(); });
    QCOMPARE(result.canCreate(), !expected.title.isEmpty() && !blocked);
    QCOMPARE(result.isEmpty(), line.trimmed().isEmpty());
}

void TestQuickAddParser::draftCarriesTheFields() {
    // given the example line parsed on 23 December 2026 in Berlin
    const QTimeZone berlin("Europe/Berlin");
    const QDateTime now(QDate(2026, 12, 23), QTime(10, 0), berlin);
    const QuickAddResult result = QuickAddParser(now, berlin, goals())
                                      .parse(u"Call Alice tomorrow 3pm p1 #sales @work +run"_s);

    // when it becomes a draft
    const TaskDraft draft = result.draft();

    // then the draft has every field, the goal by its uuid
    QCOMPARE(draft.title, u"Call Alice"_s);
    QCOMPARE(draft.priority, 1);
    QCOMPARE(draft.tags, QStringList{u"sales"_s});
    QCOMPARE(draft.category, u"work"_s);
    QCOMPARE(draft.dueDate, QDateTime(QDate(2026, 12, 24), QTime(14, 0), QTimeZone::utc()));
    QCOMPARE(draft.parentGoalUuid, goals().at(5).uuid);
    QCOMPARE(toString(draft.status), toString(TaskStatus::Pending));

    // and a line without a priority gets the contract's default, 3
    QCOMPARE(QuickAddParser(now, berlin).parse(u"Plain"_s).draft().priority, 3);
}

void TestQuickAddParser::sameLineSameMeaning() {
    // The result depends on the line, the clock, the zone and the goals only.
    const QTimeZone berlin("Europe/Berlin");
    const QDateTime now(QDate(2026, 12, 23), QTime(10, 0), berlin);
    const QuickAddParser parser(now, berlin, goals());
    const QString line = u"Call Alice tomorrow 3pm p1 #sales @work +fi"_s;
    QCOMPARE(parser.parse(line), parser.parse(line));
}

QTEST_GUILESS_MAIN(TestQuickAddParser)
#include "tst_quickaddparser.moc"
