#include "FtsQuery.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace bizy {

QString FtsQuery::fromUserText(const QString& text) {
    // The unicode61 tokenizer indexes runs of letters and digits, so the same
    // runs are the words to look for; everything else only separates them.
    QStringList terms;
    QString word;
    auto flush = [&] {
        if (!word.isEmpty())
            terms << u"\""_s + word.toLower() + u"\"*"_s;
        word.clear();
    };
    for (const QChar c : text) {
        if (c.isLetterOrNumber() || c.category() == QChar::Mark_NonSpacing)
            word += c;
        else
            flush();
    }
    flush();
    return terms.join(u' ');
}

} // namespace bizy
