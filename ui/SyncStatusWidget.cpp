#include "SyncStatusWidget.h"

#include "TaskText.h"
#include "auth/Session.h"
#include "store/LocalStore.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QStyle>
#include <QToolButton>

using namespace Qt::StringLiterals;

namespace bizy {

SyncStatusWidget::SyncStatusWidget(LocalStore* store, QWidget* parent)
    : QWidget(parent)
    , m_store(store) {
    setObjectName(u"syncStatus"_s);
    m_busy = new QProgressBar(this);
    m_busy->setObjectName(u"syncBusy"_s);
    m_busy->setRange(0, 0); // a pull does not know its total
    m_busy->setTextVisible(false);
    m_busy->setMaximumWidth(fontMetrics().averageCharWidth() * 10);
    m_busy->setMaximumHeight(fontMetrics().height());
    m_busy->hide();
    m_label = new QLabel(this);
    m_label->setObjectName(u"syncState"_s);
    m_label->setTextFormat(Qt::PlainText);
    m_conflicts = new QToolButton(this);
    m_conflicts->setObjectName(u"syncConflicts"_s);
    m_conflicts->setAutoRaise(true);
    m_conflicts->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_conflicts->setIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning));
    m_conflicts->setToolTip(tr("Some changes did not survive sync. Click to review them."));
    m_conflicts->hide();
    connect(m_conflicts, &QToolButton::clicked, this, &SyncStatusWidget::conflictsRequested);

    auto* layout = new QHBoxLayout(this);
    // Apart from the pending count that follows in the status bar.
    layout->setContentsMargins(0, 0, fontMetrics().averageCharWidth() * 2, 0);
    layout->addWidget(m_conflicts);
    layout->addWidget(m_busy);
    layout->addWidget(m_label);

    if (m_store)
        connect(m_store, &LocalStore::changed, this, [this](const StoreChanges& changes) {
            if (changes.conflictCount)
                updateConflicts();
        });
    m_clock.setInterval(30 * 1000);
    connect(&m_clock, &QTimer::timeout, this, &SyncStatusWidget::refresh);
    m_clock.start();
    m_busyDelay.setSingleShot(true);
    m_busyDelay.setInterval(700);
    connect(&m_busyDelay, &QTimer::timeout, this, [this] {
        m_busy->setVisible(m_engine && m_engine->state() == SyncEngine::State::Syncing);
    });
    refresh();
}

void SyncStatusWidget::setSync(Session* session, SyncEngine* engine) {
    if (m_engine)
        disconnect(m_engine, nullptr, this, nullptr);
    if (m_session)
        disconnect(m_session, nullptr, this, nullptr);
    m_session = session;
    m_engine = engine;
    m_error.clear();
    m_received = 0;
    if (m_engine) {
        connect(m_engine, &SyncEngine::stateChanged, this, [this](SyncEngine::State state) {
            if (state == SyncEngine::State::Syncing)
                m_received = 0;
            refresh();
        });
        connect(m_engine, &SyncEngine::pullProgress, this, [this](qint64 rows, qint64) {
            m_received = rows;
            refresh();
        });
        connect(m_engine, &SyncEngine::errorOccurred, this, [this](const QString& message) {
            m_error = message;
            refresh();
        });
        connect(m_engine, &SyncEngine::synced, this, [this] {
            m_error.clear();
            refresh();
        });
        connect(m_engine, &SyncEngine::conflictsAdded, this, &SyncStatusWidget::updateConflicts);
    }
    if (m_session)
        connect(m_session, &Session::stateChanged, this, &SyncStatusWidget::refresh);
    refresh();
}

QString SyncStatusWidget::relativeTime(const QDateTime& when, const QDateTime& now) {
    const qint64 seconds = when.secsTo(now);
    if (seconds < 60)
        return tr("just now");
    if (seconds < 3600)
        return tr("%n minute(s) ago", nullptr, int(seconds / 60));
    if (seconds < 24 * 3600)
        return tr("%n hour(s) ago", nullptr, int(seconds / 3600));
    return tr("on %1").arg(TaskText::dateTime(when));
}

QString SyncStatusWidget::stateText(SyncEngine::State state,
                                    const std::optional<QDateTime>& lastSynced,
                                    const QString& error, const QDateTime& now, qint64 received) {
    switch (state) {
    case SyncEngine::State::Idle:
        return lastSynced ? tr("Synced %1").arg(relativeTime(*lastSynced, now))
                          : tr("Not synced yet");
    case SyncEngine::State::Syncing:
        return received > 0 ? tr("Syncing\u2026 %1 received").arg(QLocale().toString(received))
                            : tr("Syncing\u2026");
    case SyncEngine::State::Offline:
        return tr("Offline \u2014 changes are kept");
    case SyncEngine::State::NeedsLogin:
        return tr("Log in to sync");
    case SyncEngine::State::Error:
        return error.isEmpty() ? tr("Sync error") : tr("Sync error: %1").arg(error);
    }
    return {};
}

void SyncStatusWidget::refresh() {
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const std::optional<QDateTime> lastSynced =
        m_engine ? m_engine->lastSyncedAt() : std::optional<QDateTime>();
    QStringList tip;
    if (!m_engine) {
        m_label->setText(tr("Not logged in \u2014 working offline"));
        m_busyDelay.stop();
        m_busy->hide();
        tip << tr("Your tasks are kept on this computer only.")
            << tr("Log in (Sync menu) to keep them in step with your other devices.");
    } else {
        const SyncEngine::State state = m_engine->state();
        const QString error = m_engine->lastError().isEmpty() ? m_error : m_engine->lastError();
        // One line in the status bar; the whole message is in the tooltip.
        QString firstLine = error.section(u'\n', 0, 0);
        m_label->setText(stateText(state, lastSynced, firstLine, now, m_received));
        if (state != SyncEngine::State::Syncing) {
            m_busyDelay.stop();
            m_busy->hide();
        } else if (m_busy->isHidden() && !m_busyDelay.isActive()) {
            m_busyDelay.start();
        }
        if (m_session && m_session->isLoggedIn()) {
            const AccessClaims claims = m_session->claims();
            tip << tr("Logged in as %1").arg(claims.username);
        }
        if (lastSynced)
            tip << tr("Last synced: %1").arg(TaskText::dateTime(*lastSynced));
        else
            tip << tr("Not synced yet");
        const qsizetype pending = m_engine->pendingCount();
        tip << tr("%n change(s) waiting to sync", nullptr, int(pending));
        if (state == SyncEngine::State::Offline)
            tip << tr("The server cannot be reached; Bizy tries again by itself.");
        if (!error.isEmpty() && state != SyncEngine::State::Idle &&
            state != SyncEngine::State::Syncing)
            tip << error;
    }
    m_label->setToolTip(tip.join(u'\n'));
    updateConflicts();
}

void SyncStatusWidget::updateConflicts() {
    const qsizetype count = m_store ? m_store->conflictCount().value_or(0) : 0;
    m_conflicts->setVisible(count > 0);
    m_conflicts->setText(count > 0 ? tr("%n conflict(s)", nullptr, int(count)) : QString());
}

QString SyncStatusWidget::text() const {
    return m_label->text();
}

QString SyncStatusWidget::details() const {
    return m_label->toolTip();
}

bool SyncStatusWidget::isBusy() const {
    return !m_busy->isHidden();
}

QString SyncStatusWidget::conflictsText() const {
    return m_conflicts->isHidden() ? QString() : m_conflicts->text();
}

} // namespace bizy
