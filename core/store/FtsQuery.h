#pragma once

#include <QString>

namespace bizy {

// Turns what a person types into a search box into an FTS5 MATCH expression
// that can never be a syntax error: every word becomes a quoted prefix term
// ("c++ AND \"x" -> "c"* "and"* "x"*), combined with AND.
class FtsQuery {
public:
    // Empty when the text holds no word at all (only punctuation or spaces).
    static QString fromUserText(const QString& text);
};

} // namespace bizy
