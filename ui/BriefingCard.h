#pragma once

#include <QFrame>

class QLabel;

namespace bizy {

class AssistantModel;

// The morning briefing on the dashboard ("briefingCard"): the assistant's
// greeting, today's mission, what to watch out for and a tip, with
// yesterday's numbers. Shown only while the model has today's briefing, so it
// is simply absent offline or on a server without an assistant.
class BriefingCard : public QFrame {
    Q_OBJECT
public:
    explicit BriefingCard(AssistantModel* assistant, QWidget* parent = nullptr);

private:
    void refresh();

    AssistantModel* m_assistant;
    QLabel* m_greeting = nullptr;
    QLabel* m_mission = nullptr;
    QLabel* m_watchOut = nullptr;
    QLabel* m_tip = nullptr;
    QLabel* m_recap = nullptr;
};

} // namespace bizy
