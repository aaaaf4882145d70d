#include "RulesLabel.h"

using namespace Qt::StringLiterals;

namespace bizy {

RulesLabel::RulesLabel(QWidget* parent)
    : QLabel(parent) {
    setTextFormat(Qt::PlainText);
    setWordWrap(true);
}

void RulesLabel::showRules(const QList<std::pair<QString, bool>>& rules) {
    QStringList lines;
    m_allMet = true;
    for (const auto& [rule, met] : rules) {
        // Words, not only a mark, so a screen reader says it too.
        lines << (met ? tr("\u2713 %1").arg(rule) : tr("\u2717 %1 (not yet)").arg(rule));
        m_allMet = m_allMet && met;
    }
    setText(lines.join(u'\n'));
    setAccessibleDescription(text());
}

} // namespace bizy
