#include "QuickAddParser.h"

#include "model/Task.h"

#include <QRegularExpression>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace bizy {

namespace {

using Kind = QuickAddToken::Kind;
using Problem = QuickAddIssue::Kind;

// How a word was typed. Quoted and escaped words are text whatever they say.
enum class Form { Plain, Quoted, Escaped, SigilQuoted };

struct Word {
    Form form = Form::Plain;
    qsizetype start = 0; // the whole word as typed
    qsizetype end = 0;
    qsizetype coreStart = 0; // without the punctuation glued to it
    qsizetype coreEnd = 0;
    QString literal; // what the title gets when the word is not understood
    QString key;     // Plain: the core, lower-case, for matching
    QChar sigil;     // SigilQuoted: # @ +
    QString sigilValue;
};

bool isLeadingPunctuation(QChar c) {
    return c == u'(' || c == u'[' || c == u'{';
}

bool isTrailingPunctuation(QChar c) {
    static const QString marks = u",.;:!?)]}"_s;
    return marks.contains(c);
}

QString withoutTrailingPunctuation(QString text) {
    while (!text.isEmpty() && isTrailingPunctuation(text.back()))
        text.chop(1);
    return text;
}

// The quote that closes one opened with `open` ("...", “...”, „...“), or none.
QChar closingQuote(QChar open) {
    if (open == u'"')
        return u'"';
    if (open == QChar(0x201C))
        return QChar(0x201D);
    if (open == QChar(0x201E))
        return QChar(0x201C);
    return {};
}

bool isSigil(QChar c) {
    return c == u'#' || c == u'@' || c == u'+';
}

// Tags, categories and goals start with a letter, so "bug #123" and "+1" are text.
bool startsWithLetter(QStringView text) {
    if (text.isEmpty())
        return false;
    char32_t first = text.front().unicode();
    if (text.front().isHighSurrogate() && text.size() > 1 && text.at(1).isLowSurrogate())
        first = QChar::surrogateToUcs4(text.front(), text.at(1));
    return QChar::isLetter(first);
}

qsizetype characterCount(const QString& text) {
    return text.toUcs4().size();
}

QList<Word> splitWords(const QString& line) {
    QList<Word> words;
    const qsizetype size = line.size();
    const auto wordEnd = [&](qsizetype from) {
        while (from < size && !line.at(from).isSpace())
            ++from;
        return from;
    };
    qsizetype i = 0;
    while (i < size) {
        if (line.at(i).isSpace()) {
            ++i;
            continue;
        }
        Word word;
        word.start = i;
        const QChar first = line.at(i);
        const QChar close = closingQuote(first);
        const qsizetype closeAt = close.isNull() ? -1 : line.indexOf(close, i + 1);
        const QChar sigilClose =
            isSigil(first) && i + 1 < size ? closingQuote(line.at(i + 1)) : QChar();
        const qsizetype sigilCloseAt = sigilClose.isNull() ? -1 : line.indexOf(sigilClose, i + 2);
        if (closeAt >= 0) {
            word.form = Form::Quoted;
            word.end = wordEnd(closeAt + 1);
            word.literal =
                line.mid(i + 1, closeAt - i - 1) + line.mid(closeAt + 1, word.end - closeAt - 1);
        } else if (sigilCloseAt >= 0) {
            word.form = Form::SigilQuoted;
            word.end = wordEnd(sigilCloseAt + 1);
            word.sigil = first;
            const QString tail = line.mid(sigilCloseAt + 1, word.end - sigilCloseAt - 1);
            word.sigilValue =
                QString(line.mid(i + 2, sigilCloseAt - i - 2) + withoutTrailingPunctuation(tail))
                    .simplified();
            word.literal = line.mid(i, word.end - i);
        } else if (first == u'\\' && i + 1 < size && !line.at(i + 1).isSpace()) {
            word.form = Form::Escaped;
            word.end = wordEnd(i + 1);
            word.literal = line.mid(i + 1, word.end - i - 1);
        } else {
            word.end = wordEnd(i);
            word.literal = line.mid(i, word.end - i);
        }
        word.coreStart = word.start;
        word.coreEnd = word.end;
        if (word.form == Form::Plain) {
            while (word.coreStart < word.coreEnd && isLeadingPunctuation(line.at(word.coreStart)))
                ++word.coreStart;
            while (word.coreEnd > word.coreStart &&
                   isTrailingPunctuation(line.at(word.coreEnd - 1)))
                --word.coreEnd;
            word.key = line.mid(word.coreStart, word.coreEnd - word.coreStart).toLower();
        }
        words.append(word);
        i = word.end;
    }
    return words;
}

int weekdayOf(const QString& key) {
    static const QStringList names{u"monday"_s, u"tuesday"_s,  u"wednesday"_s, u"thursday"_s,
                                   u"friday"_s, u"saturday"_s, u"sunday"_s};
    return int(names.indexOf(key)) + 1; // 0: none
}

int monthOf(const QString& key) {
    static const QList<QStringList> names{{u"jan"_s, u"january"_s},
                                          {u"feb"_s, u"february"_s},
                                          {u"mar"_s, u"march"_s},
                                          {u"apr"_s, u"april"_s},
                                          {u"may"_s},
                                          {u"jun"_s, u"june"_s},
                                          {u"jul"_s, u"july"_s},
                                          {u"aug"_s, u"august"_s},
                                          {u"sep"_s, u"sept"_s, u"september"_s},
                                          {u"oct"_s, u"october"_s},
                                          {u"nov"_s, u"november"_s},
                                          {u"dec"_s, u"december"_s}};
    for (int month = 0; month < names.size(); ++month) {
        if (names.at(month).contains(key))
            return month + 1;
    }
    return 0;
}

// "24", "24th": 1 to 31, or 0.
int dayNumberOf(const QString& key) {
    static const QRegularExpression day(uR"(^(\d{1,2})(st|nd|rd|th)?$)"_s);
    const QRegularExpressionMatch match = day.match(key);
    const int number = match.hasMatch() ? match.captured(1).toInt() : 0;
    return number >= 1 && number <= 31 ? number : 0;
}

// What one or more words at a place mean, if anything.
struct Candidate {
    Kind kind = Kind::Literal;
    int words = 1;
    std::optional<int> priority;
    std::optional<QDate> date;
    std::optional<QTime> time;
    QString value;                  // tag, category, goal words
    std::optional<Problem> problem; // looked like a token, is not one: stays text
};

// Words that look like a token but are not one (p6, feb 31): they stay text.
Candidate lookalike(Kind kind, int words, Problem what) {
    Candidate candidate{.kind = kind, .words = words};
    candidate.problem = what;
    return candidate;
}

// One local day and time as an instant of `zone`, with what the clocks did.
struct Instant {
    QDateTime utc;
    std::optional<Problem> note; // SkippedTime or RepeatedTime
};

Instant instantOf(QDate date, QTime time, const QTimeZone& zone) {
    // Worked out from the zone's offsets rather than left to QDateTime, so
    // that gaps and folds are handled the same on every Qt version.
    const qint64 wall = QDateTime(date, time, QTimeZone::utc()).toMSecsSinceEpoch();
    const auto offsetAt = [&](qint64 msecs) {
        return zone.offsetFromUtc(QDateTime::fromMSecsSinceEpoch(msecs, QTimeZone::utc()));
    };
    constexpr qint64 day = 24 * 3600 * 1000;
    const int before = offsetAt(wall - day);
    const int after = offsetAt(wall + day);
    QList<qint64> fits;
    for (int offset : {before, after}) {
        const qint64 utc = wall - qint64(offset) * 1000;
        if (offsetAt(utc) == offset && !fits.contains(utc))
            fits.append(utc);
    }
    std::sort(fits.begin(), fits.end());
    if (fits.isEmpty()) // skipped: the offset before the jump carries it past the gap
        return {QDateTime::fromMSecsSinceEpoch(wall - qint64(before) * 1000, Qt::UTC),
                Problem::SkippedTime};
    return {QDateTime::fromMSecsSinceEpoch(fits.first(), Qt::UTC),
            fits.size() > 1 ? std::optional(Problem::RepeatedTime) : std::nullopt};
}

// The open goals (active or on hold) whose title is `words`, or else those
// whose title starts with them; any case.
QList<Goal> goalsNamed(const QList<Goal>& goals, const QString& words) {
    QList<Goal> exact, starting;
    for (const Goal& goal : goals) {
        if (goal.status != GoalStatus::Active && goal.status != GoalStatus::OnHold)
            continue;
        const QString title = goal.title.trimmed();
        if (title.compare(words, Qt::CaseInsensitive) == 0)
            exact.append(goal);
        if (title.startsWith(words, Qt::CaseInsensitive))
            starting.append(goal);
    }
    return exact.isEmpty() ? starting : exact;
}

// Where a token was typed; a start of -1 means it was not.
struct Span {
    qsizetype start = -1;
    qsizetype length = 0;
};

// Turns the date and time understood into the instant due, with the notes
// on it (clocks changing, in the past), attached to the words typed.
void settleDue(QuickAddResult& result, const QDateTime& now, const QTimeZone& zone, Span date,
               Span time, const QString& line) {
    const QDate today = now.toTimeZone(zone).date();
    const QTime clock = result.dueTime.value_or(QuickAddParser::endOfDay());
    QDate day = result.dueDate.value_or(today);
    Instant instant = instantOf(day, clock, zone);
    if (!result.dueDate && instant.utc <= now) { // a time alone that has passed today
        day = today.addDays(1);
        instant = instantOf(day, clock, zone);
    }
    result.dueDate = day;
    result.due = instant.utc;
    const auto issueAt = [&](Problem kind, Span span) {
        return QuickAddIssue{.kind = kind,
                             .start = span.start,
                             .length = span.length,
                             .text = line.mid(span.start, span.length)};
    };
    if (instant.note)
        result.issues.append(issueAt(*instant.note, time.start >= 0 ? time : date));
    if (instant.utc < now)
        result.issues.append(issueAt(Problem::DueInPast, date.start >= 0 ? date : time));
}

class LineReader {
public:
    LineReader(const QList<Word>& words, QDate today)
        : m_words(words)
        , m_today(today) {}

    std::optional<Candidate> at(int i) const {
        const Word& word = m_words.at(i);
        if (word.form == Form::SigilQuoted)
            return sigilCandidate(word.sigil, word.sigilValue);
        if (word.form != Form::Plain)
            return std::nullopt;
        const QString& key = word.key;
        if (key.size() > 1 && isSigil(key.front()) && startsWithLetter(QStringView(key).mid(1)))
            return sigilCandidate(key.front(), coreOf(i).mid(1));
        if (auto priority = priorityAt(i))
            return priority;
        if (auto date = dateAt(i))
            return date;
        return timeAt(i);
    }

private:
    QString key(int i) const { return i < m_words.size() ? m_words.at(i).key : QString(); }

    QString coreOf(int i) const {
        const Word& word = m_words.at(i);
        return word.literal.mid(word.coreStart - word.start, word.coreEnd - word.coreStart);
    }

    // Whether word i and the next one can make one phrase ("dec 24", "in 3 days").
    bool joins(int i) const {
        if (i + 1 >= m_words.size())
            return false;
        const Word& word = m_words.at(i);
        const Word& next = m_words.at(i + 1);
        return word.form == Form::Plain && next.form == Form::Plain && word.coreEnd == word.end &&
               next.coreStart == next.start;
    }

    static std::optional<Candidate> sigilCandidate(QChar sigil, const QString& value) {
        if (value.isEmpty())
            return std::nullopt;
        Candidate candidate;
        candidate.kind = sigil == u'#' ? Kind::Tag : sigil == u'@' ? Kind::Category : Kind::Goal;
        candidate.value = value;
        return candidate;
    }

    std::optional<Candidate> priorityAt(int i) const {
        static const QRegularExpression priority(uR"(^p(\d{1,2})$)"_s);
        const QRegularExpressionMatch match = priority.match(key(i));
        if (!match.hasMatch())
            return std::nullopt;
        const int level = match.captured(1).toInt();
        if (level < 1 || level > 5)
            return lookalike(Kind::Priority, 1, Problem::NotAPriority);
        Candidate candidate{.kind = Kind::Priority};
        candidate.priority = level;
        return candidate;
    }

    static Candidate dateCandidate(QDate date, int words) {
        Candidate candidate{.kind = Kind::Date, .words = words};
        candidate.date = date;
        return candidate;
    }

    // The next `day` of `month` from today on (today included); none when
    // the month never has that day.
    std::optional<QDate> nextDate(int month, int day) const {
        // Eight years reach the next 29 February even across a skipped leap year (2100).
        for (int year = m_today.year(); year <= m_today.year() + 8; ++year) {
            const QDate date(year, month, day);
            if (date.isValid() && date >= m_today)
                return date;
        }
        return std::nullopt;
    }

    std::optional<Candidate> monthDay(int month, int day, int words) const {
        if (const std::optional<QDate> date = nextDate(month, day))
            return dateCandidate(*date, words);
        return lookalike(Kind::Date, words, Problem::NoSuchDate);
    }

    std::optional<Candidate> dateAt(int i) const {
        const QString word = key(i);
        if (word == u"today")
            return dateCandidate(m_today, 1);
        if (word == u"tomorrow")
            return dateCandidate(m_today.addDays(1), 1);
        if (const int weekday = weekdayOf(word)) {
            const int ahead = (weekday - m_today.dayOfWeek() + 7) % 7;
            return dateCandidate(m_today.addDays(ahead == 0 ? 7 : ahead), 1);
        }
        if (word == u"next" && joins(i) && key(i + 1) == u"week")
            return dateCandidate(m_today.addDays(8 - m_today.dayOfWeek()), 2);
        static const QRegularExpression count(uR"(^\d{1,4}$)"_s);
        if (word == u"in" && joins(i) && count.match(key(i + 1)).hasMatch() && joins(i + 1)) {
            const int n = key(i + 1).toInt();
            const QString unit = key(i + 2);
            if (unit == u"day" || unit == u"days")
                return dateCandidate(m_today.addDays(n), 3);
            if (unit == u"week" || unit == u"weeks")
                return dateCandidate(m_today.addDays(7 * qint64(n)), 3);
        }
        static const QRegularExpression iso(uR"(^(\d{4})-(\d{2})-(\d{2})$)"_s);
        if (const QRegularExpressionMatch match = iso.match(word); match.hasMatch()) {
            const QDate date(match.captured(1).toInt(), match.captured(2).toInt(),
                             match.captured(3).toInt());
            if (!date.isValid())
                return lookalike(Kind::Date, 1, Problem::NoSuchDate);
            return dateCandidate(date, 1);
        }
        if (const int month = monthOf(word); month && joins(i)) {
            if (const int day = dayNumberOf(key(i + 1)))
                return monthDay(month, day, 2);
        }
        if (const int day = dayNumberOf(word); day && joins(i)) {
            if (const int month = monthOf(key(i + 1)))
                return monthDay(month, day, 2);
        }
        return std::nullopt;
    }

    static Candidate timeCandidate(int hour, int minute, bool twelveHour, int words) {
        const bool valid = twelveHour ? hour >= 1 && hour <= 12 : hour >= 0 && hour <= 23;
        if (!valid || minute > 59)
            return lookalike(Kind::Time, words, Problem::NoSuchTime);
        Candidate candidate{.kind = Kind::Time, .words = words};
        candidate.time = QTime(hour, minute);
        return candidate;
    }

    // 3pm, 3:30pm, 3 pm, 15:00; after "at" also a bare hour (24-hour).
    std::optional<Candidate> clockAt(int i, bool bareHour) const {
        static const QRegularExpression glued(uR"(^(\d{1,2})(?::(\d{2}))?(am|pm)$)"_s);
        static const QRegularExpression hourMinute(uR"(^(\d{1,2})(?::(\d{2}))?$)"_s);
        const QString word = key(i);
        const auto twelveHour = [](const QRegularExpressionMatch& match, const QString& half,
                                   int words) {
            int hour = match.captured(1).toInt();
            const int minute = match.captured(2).toInt();
            Candidate candidate = timeCandidate(hour, minute, true, words);
            if (candidate.time) {
                hour = hour % 12 + (half == u"pm" ? 12 : 0);
                candidate.time = QTime(hour, minute);
            }
            return candidate;
        };
        if (const QRegularExpressionMatch match = glued.match(word); match.hasMatch())
            return twelveHour(match, match.captured(3), 1);
        const QRegularExpressionMatch match = hourMinute.match(word);
        if (!match.hasMatch())
            return std::nullopt;
        if (joins(i) && (key(i + 1) == u"am" || key(i + 1) == u"pm"))
            return twelveHour(match, key(i + 1), 2);
        if (match.hasCaptured(2))
            return timeCandidate(match.captured(1).toInt(), match.captured(2).toInt(), false, 1);
        if (bareHour && match.captured(1).toInt() <= 23)
            return timeCandidate(match.captured(1).toInt(), 0, false, 1);
        return std::nullopt;
    }

    std::optional<Candidate> timeAt(int i) const {
        if (key(i) == u"at" && joins(i)) {
            if (std::optional<Candidate> clock = clockAt(i + 1, true)) {
                clock->words += 1;
                return clock;
            }
            return std::nullopt;
        }
        return clockAt(i, false);
    }

    const QList<Word>& m_words;
    QDate m_today;
};

// The words from `first` on that a candidate (or a literal) covers.
struct Item {
    int first = 0;
    int count = 1;
    std::optional<Candidate> candidate;
    bool repeated = false; // a later one of the same kind counts instead

    bool isText() const { return !candidate || candidate->problem || repeated; }
};

} // namespace

QuickAddParser::QuickAddParser(const QDateTime& now, const QTimeZone& zone, QList<Goal> goals)
    : m_now(now)
    , m_zone(zone)
    , m_goals(std::move(goals)) {}

QuickAddResult QuickAddParser::parse(const QString& line) const {
    QuickAddResult result;
    const QList<Word> words = splitWords(line);
    if (words.isEmpty())
        return result;
    const LineReader reader(words, m_now.toTimeZone(m_zone).date());

    QList<Item> items;
    for (int i = 0; i < words.size();) {
        Item item{.first = i};
        item.candidate = reader.at(i);
        if (item.candidate)
            item.count = item.candidate->words;
        items.append(item);
        i += item.count;
    }

    // One of each single-valued kind: the last one typed counts.
    QList<Kind> seen;
    for (auto it = items.rbegin(); it != items.rend(); ++it) {
        if (!it->candidate || it->candidate->problem || it->candidate->kind == Kind::Tag)
            continue;
        if (seen.contains(it->candidate->kind))
            it->repeated = true;
        seen.append(it->candidate->kind);
    }

    const EntitySchema& schema = Task::schema();
    const int tagLimit = int(schema.field(u"tags")->maxLength);
    const int categoryLimit = int(schema.field(u"category")->maxLength);
    const int titleLimit = int(schema.field(u"title")->maxLength);

    QStringList titleParts;
    Span dateSpan, timeSpan;
    for (const Item& item : items) {
        const Word& first = words.at(item.first);
        const Word& last = words.at(item.first + item.count - 1);
        const qsizetype start = first.coreStart;
        const qsizetype length = last.coreEnd - first.coreStart;
        const QString typed = line.mid(start, length);
        if (item.isText()) {
            for (int i = item.first; i < item.first + item.count; ++i) {
                const Word& word = words.at(i);
                if (!word.literal.isEmpty())
                    titleParts.append(word.literal);
                if (word.form == Form::Quoted || word.form == Form::Escaped)
                    result.tokens.append(
                        {Kind::Literal, word.start, word.end - word.start, word.literal});
            }
            if (item.candidate && item.candidate->problem)
                result.issues.append({.kind = *item.candidate->problem,
                                      .start = start,
                                      .length = length,
                                      .text = typed});
            else if (item.repeated)
                result.issues.append(
                    {.kind = Problem::Repeated, .start = start, .length = length, .text = typed});
            continue;
        }
        const Candidate& candidate = *item.candidate;
        result.tokens.append({candidate.kind, start, length, candidate.value});
        switch (candidate.kind) {
        case Kind::Priority:
            result.priority = candidate.priority;
            break;
        case Kind::Tag:
            if (characterCount(candidate.value) > tagLimit)
                result.issues.append({.kind = Problem::TagTooLong,
                                      .start = start,
                                      .length = length,
                                      .text = typed,
                                      .limit = tagLimit});
            else if (!result.tags.contains(candidate.value, Qt::CaseInsensitive))
                result.tags.append(candidate.value);
            break;
        case Kind::Category:
            if (characterCount(candidate.value) > categoryLimit)
                result.issues.append({.kind = Problem::CategoryTooLong,
                                      .start = start,
                                      .length = length,
                                      .text = typed,
                                      .limit = categoryLimit});
            else
                result.category = candidate.value;
            break;
        case Kind::Goal: {
            const QList<Goal> matches = goalsNamed(m_goals, candidate.value);
            if (matches.size() == 1) {
                result.goal = matches.first();
                break;
            }
            QuickAddIssue issue{.kind = matches.isEmpty() ? Problem::UnknownGoal
                                                          : Problem::AmbiguousGoal,
                                .start = start,
                                .length = length,
                                .text = candidate.value};
            for (const Goal& goal : matches)
                issue.candidates.append(goal.title);
            result.issues.append(issue);
            break;
        }
        case Kind::Date:
            result.dueDate = candidate.date;
            dateSpan = {start, length};
            break;
        case Kind::Time:
            result.dueTime = candidate.time;
            timeSpan = {start, length};
            break;
        case Kind::Literal:
            break;
        }
    }

    if (result.dueDate || result.dueTime)
        settleDue(result, m_now, m_zone, dateSpan, timeSpan, line);

    result.title = titleParts.join(u' ').trimmed();
    std::stable_sort(
        result.issues.begin(), result.issues.end(),
        [](const QuickAddIssue& a, const QuickAddIssue& b) { return a.start < b.start; });
    if (result.title.isEmpty())
        result.issues.append({.kind = Problem::NoTitle});
    else if (characterCount(result.title) > titleLimit)
        result.issues.append({.kind = Problem::TitleTooLong, .limit = titleLimit});
    return result;
}

} // namespace bizy
