#pragma once

#include "assist/AssistantClient.h"
#include "assist/MorningBriefing.h"

#include <QDate>
#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <optional>

namespace bizy {

class Workspace;

// Whether the account's server offers its AI assistant, and the day's morning
// briefing from it. The server is asked (its /health says `ai`) when the
// workspace changes and after sync rounds that reached it, at most every ten
// minutes; offline, logged out or on a server without a provider the
// assistant is unavailable, so what depends on it hides.
class AssistantModel : public QObject {
    Q_OBJECT
public:
    explicit AssistantModel(QObject* parent = nullptr);
    ~AssistantModel() override;

    void setWorkspace(Workspace* workspace);
    bool isAvailable() const { return m_available; }
    // The assistant of the current account (calls fail in words without one).
    const AssistantClient& client() const { return m_client; }

    // Whether the briefing is on screen: it is fetched then, once a day.
    void setBriefingWanted(bool wanted);
    // Today's briefing, once fetched; none while unavailable.
    const std::optional<MorningBriefing>& briefing() const { return m_briefing; }

signals:
    void availabilityChanged(bool available);
    void briefingChanged();

private:
    void check();
    void setAvailable(bool available);
    void fetchBriefing();

    QPointer<Workspace> m_workspace;
    AssistantClient m_client;
    bool m_available = false;
    bool m_checking = false;
    QDateTime m_checkedAt; // invalid: ask at the next chance
    quint64 m_generation = 0;
    bool m_briefingWanted = false;
    bool m_fetchingBriefing = false;
    std::optional<MorningBriefing> m_briefing;
    QDate m_briefingDay; // the local day the briefing (or its failure) is of
};

} // namespace bizy
