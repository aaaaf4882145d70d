#include "AssistantModel.h"

#include "PresentationLog.h"
#include "account/SyncConnection.h"
#include "account/Workspace.h"
#include "sync/SyncEngine.h"

namespace bizy {

namespace {
constexpr qint64 kRecheckSeconds = 10 * 60;
} // namespace

AssistantModel::AssistantModel(QObject* parent)
    : QObject(parent)
    , m_client(nullptr) {}

AssistantModel::~AssistantModel() = default;

void AssistantModel::setWorkspace(Workspace* workspace) {
    if (m_workspace && m_workspace->engine())
        disconnect(m_workspace->engine(), nullptr, this, nullptr);
    m_workspace = workspace;
    ++m_generation;
    m_checking = false;
    m_fetchingBriefing = false;
    m_checkedAt = {};
    m_briefingDay = {};
    m_client = AssistantClient(workspace && workspace->connection() ? workspace->connection()->api()
                                                                    : nullptr);
    setAvailable(false);
    if (!workspace || !workspace->engine())
        return;
    connect(workspace->engine(), &SyncEngine::roundFinished, this, [this](bool ok) {
        if (ok) {
            if (!m_checkedAt.isValid() ||
                m_checkedAt.secsTo(QDateTime::currentDateTimeUtc()) >= kRecheckSeconds)
                check();
            return;
        }
        const SyncEngine::State state = m_workspace->engine()->state();
        if (state == SyncEngine::State::Offline || state == SyncEngine::State::NeedsLogin) {
            m_checkedAt = {};
            setAvailable(false);
        }
    });
    check();
}

void AssistantModel::check() {
    if (m_checking || !m_workspace || !m_workspace->connection())
        return;
    m_checking = true;
    const quint64 generation = m_generation;
    m_client.checkAvailable(this, [this, generation](const Result<bool>& available) {
        if (generation != m_generation)
            return;
        m_checking = false;
        if (!available) {
            qCInfo(lcPresentation).noquote()
                << "The assistant's server did not say:" << available.error().message;
            setAvailable(false);
            return;
        }
        m_checkedAt = QDateTime::currentDateTimeUtc();
        setAvailable(*available);
    });
}

void AssistantModel::setAvailable(bool available) {
    if (!available && m_briefing) {
        m_briefing.reset();
        emit briefingChanged();
    }
    if (available == m_available)
        return;
    m_available = available;
    emit availabilityChanged(available);
    fetchBriefing();
}

void AssistantModel::setBriefingWanted(bool wanted) {
    m_briefingWanted = wanted;
    fetchBriefing();
}

void AssistantModel::fetchBriefing() {
    const QDate today = QDate::currentDate();
    if (!m_available || !m_briefingWanted || m_fetchingBriefing || m_briefingDay == today)
        return;
    m_fetchingBriefing = true;
    const quint64 generation = m_generation;
    m_client.morningBriefing(this, [this, generation, today](const Result<MorningBriefing>& got) {
        if (generation != m_generation)
            return;
        m_fetchingBriefing = false;
        // One try a day: a provider that failed is not asked again on every
        // visit. Only a lost connection is tried again, once it is back.
        m_briefingDay = today;
        if (!got && got.error().code == Error::Code::Network)
            m_briefingDay = {};
        if (!got) {
            qCWarning(lcPresentation).noquote()
                << "The morning briefing could not be fetched:" << got.error().message;
            return;
        }
        m_briefing = *got;
        emit briefingChanged();
    });
}

} // namespace bizy
