#pragma once

#include <QLabel>
#include <QList>
#include <utility>

namespace bizy {

// The server's rules for a field as it is typed: one line per rule, marked
// met or not yet met ("✓ 8 to 128 characters (now 9)"), so a refusal is
// foreseen before anything is sent.
class RulesLabel : public QLabel {
    Q_OBJECT
public:
    explicit RulesLabel(QWidget* parent = nullptr);

    void showRules(const QList<std::pair<QString, bool>>& rules);
    bool allMet() const { return m_allMet; }

private:
    bool m_allMet = false;
};

} // namespace bizy
