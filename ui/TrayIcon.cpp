#include "TrayIcon.h"

#include "QuickAddPopup.h"
#include "account/AccountManager.h"
#include "account/Workspace.h"
#include "reminders/ReminderScheduler.h"
#include "sync/SyncScheduler.h"

#include <QAction>
#include <QMenu>
#include <QPainter>
#include <QPixmap>
#include <QSystemTrayIcon>
#include <QWidget>

using namespace Qt::StringLiterals;

namespace bizy {

TrayIcon::TrayIcon(AccountManager* accounts, SyncStatusModel* status, QWidget* window,
                   ReminderScheduler* reminders, QObject* parent)
    : QObject(parent)
    , m_accounts(accounts)
    , m_window(window)
    , m_reminders(reminders)
    , m_status(status)
    , m_icon(new QSystemTrayIcon(this))
    , m_menu(new QMenu)
    , m_popup(new QuickAddPopup) {
    m_menu->setObjectName(u"trayMenu"_s);
    m_menu->setAccessibleName(tr("Bizy"));
    auto add = [this](const QString& text, const QString& name) {
        QAction* action = m_menu->addAction(text);
        action->setObjectName(name);
        return action;
    };
    m_showAction = add(tr("&Show Bizy"), u"trayShowWindow"_s);
    m_quickAddAction = add(tr("&Quick Add…"), u"trayQuickAdd"_s);
    m_menu->addSeparator();
    m_syncNowAction = add(tr("S&ync Now"), u"traySyncNow"_s);
    m_pauseSyncAction = add(tr("&Pause Sync"), u"trayPauseSync"_s);
    m_pauseSyncAction->setCheckable(true);
    m_menu->addSeparator();
    QMenu* pauseMenu = m_menu->addMenu(tr("Pause &Reminders"));
    pauseMenu->setObjectName(u"trayPauseReminders"_s);
    m_pauseHourAction = pauseMenu->addAction(tr("For an &Hour"));
    m_pauseHourAction->setObjectName(u"trayPauseRemindersHour"_s);
    m_pauseTomorrowAction = pauseMenu->addAction(tr("Until &Tomorrow"));
    m_pauseTomorrowAction->setObjectName(u"trayPauseRemindersTomorrow"_s);
    m_resumeRemindersAction = pauseMenu->addAction(tr("&Resume Reminders"));
    m_resumeRemindersAction->setObjectName(u"trayResumeReminders"_s);
    m_menu->addSeparator();
    m_preferencesAction = add(tr("Pr&eferences…"), u"trayPreferences"_s);
    m_quitAction = add(tr("Q&uit Bizy"), u"trayQuit"_s);
    m_icon->setContextMenu(m_menu);

    connect(m_showAction, &QAction::triggered, this, &TrayIcon::toggleWindow);
    connect(m_quickAddAction, &QAction::triggered, m_popup, &QuickAddPopup::popUp);
    connect(m_syncNowAction, &QAction::triggered, this, [this] {
        if (m_workspace && m_workspace->scheduler())
            m_workspace->scheduler()->syncNow();
    });
    connect(m_pauseSyncAction, &QAction::toggled, this, [this](bool paused) {
        if (m_workspace && m_workspace->scheduler())
            m_workspace->scheduler()->setPaused(paused);
    });
    connect(m_pauseHourAction, &QAction::triggered, this, [this] {
        if (m_reminders)
            m_reminders->pause(ReminderRules::Snooze::OneHour);
    });
    connect(m_pauseTomorrowAction, &QAction::triggered, this, [this] {
        if (m_reminders)
            m_reminders->pause(ReminderRules::Snooze::Tomorrow);
    });
    connect(m_resumeRemindersAction, &QAction::triggered, this, [this] {
        if (m_reminders)
            m_reminders->pauseUntil(std::nullopt);
    });
    connect(m_preferencesAction, &QAction::triggered, this, &TrayIcon::preferencesRequested);
    connect(m_quitAction, &QAction::triggered, this, &TrayIcon::quitRequested);
    connect(m_icon, &QSystemTrayIcon::activated, this,
            [this](QSystemTrayIcon::ActivationReason reason) {
                if (reason == QSystemTrayIcon::Trigger)
                    toggleWindow();
            });
    connect(m_icon, &QSystemTrayIcon::messageClicked, this, &TrayIcon::messageClicked);
    connect(m_menu, &QMenu::aboutToShow, this, &TrayIcon::updateActions);
    if (m_reminders)
        connect(m_reminders, &ReminderScheduler::pausedChanged, this, &TrayIcon::updateActions);
    connect(m_status, &SyncStatusModel::changed, this, &TrayIcon::updateStatus);
    if (m_accounts) {
        connect(m_accounts, &AccountManager::workspaceChanged, this, &TrayIcon::setWorkspace);
        setWorkspace(m_accounts->workspace());
    }
    updateStatus();
}

TrayIcon::~TrayIcon() {
    delete m_popup;
    delete m_menu;
}

bool TrayIcon::isAvailable() {
    return QSystemTrayIcon::isSystemTrayAvailable();
}

void TrayIcon::show() {
    m_icon->show();
}

void TrayIcon::showMessage(const QString& title, const QString& body) {
    m_icon->showMessage(title, body, iconFor(m_health));
}

void TrayIcon::setWorkspace(Workspace* workspace) {
    m_workspace = workspace;
    m_popup->setStore(workspace ? workspace->store() : nullptr);
    updateStatus();
}

void TrayIcon::updateStatus() {
    if (!m_status)
        return;
    m_health = m_status->health();
    m_icon->setIcon(iconFor(m_health));
    QString tip = m_status->text();
    if (const QString details = m_status->details(); !details.isEmpty())
        tip += u"\n"_s + details;
    if (const QString pending = m_status->pendingText(); !pending.isEmpty())
        tip += u"\n"_s + pending;
    m_icon->setToolTip(tip);
    updateActions();
}

void TrayIcon::updateActions() {
    const bool visible = m_window && m_window->isVisible() && !m_window->isMinimized();
    m_showAction->setText(visible ? tr("&Hide Bizy") : tr("&Show Bizy"));
    const SyncScheduler* scheduler = m_workspace ? m_workspace->scheduler() : nullptr;
    m_syncNowAction->setEnabled(scheduler != nullptr);
    m_pauseSyncAction->setEnabled(scheduler != nullptr);
    {
        const QSignalBlocker blocker(m_pauseSyncAction);
        m_pauseSyncAction->setChecked(scheduler && scheduler->isPaused());
    }
    const bool paused = m_reminders && m_reminders->isPaused();
    m_pauseHourAction->setEnabled(m_reminders != nullptr);
    m_pauseTomorrowAction->setEnabled(m_reminders != nullptr);
    m_resumeRemindersAction->setEnabled(paused);
}

void TrayIcon::toggleWindow() {
    if (!m_window)
        return;
    if (m_window->isVisible() && !m_window->isMinimized()) {
        m_window->hide();
    } else {
        m_window->showNormal();
        m_window->raise();
        m_window->activateWindow();
    }
    updateActions();
}

QIcon TrayIcon::iconFor(SyncStatusModel::Health health) {
    QColor dot;
    switch (health) {
    case SyncStatusModel::Health::LocalOnly:
        return QIcon(u":/bizy/icons/bizy.svg"_s);
    case SyncStatusModel::Health::Synced:
        dot = QColor(0x2e, 0x9e, 0x44);
        break;
    case SyncStatusModel::Health::Syncing:
        dot = QColor(0x25, 0x6f, 0xd6);
        break;
    case SyncStatusModel::Health::Offline:
        dot = QColor(0x8a, 0x8a, 0x8a);
        break;
    case SyncStatusModel::Health::NeedsAttention:
        dot = QColor(0xd3, 0x2f, 0x2f);
        break;
    }
    QPixmap pixmap = QIcon(u":/bizy/icons/bizy.svg"_s).pixmap(64, 64);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(Qt::white, 4));
    painter.setBrush(dot);
    painter.drawEllipse(QRectF(36, 36, 26, 26));
    painter.end();
    return QIcon(pixmap);
}

} // namespace bizy
