#pragma once

#include "ReminderNotices.h"
#include "reminders/ReminderRules.h"

#include <QDBusConnection>
#include <QHash>
#include <QObject>
#include <QStringList>
#include <optional>

class QDBusPendingCallWatcher;

namespace bizy {

class ReminderScheduler;

// Notices through the desktop's notification service (org.freedesktop.
// Notifications on the session bus). Reminders carry Open and Snooze actions
// where the service's GetCapabilities says "actions"; a new notice about a
// task replaces the one shown for it, a withdrawn task's is closed. Where
// there is no service (or a call fails) the notice comes back through
// unavailable(), for the tray's balloon or the window.
class DesktopNotifications : public QObject {
    Q_OBJECT
public:
    static constexpr const char* kService = "org.freedesktop.Notifications";
    static constexpr const char* kPath = "/org/freedesktop/Notifications";
    static constexpr const char* kInterface = "org.freedesktop.Notifications";

    explicit DesktopNotifications(const QDBusConnection& bus = QDBusConnection::sessionBus(),
                                  QObject* parent = nullptr);

    // Shows what `notices` says, takes down what it withdraws, and hands the
    // Snooze actions to `reminders` (the app's wiring, also the tests').
    void follow(ReminderNotices* notices, ReminderScheduler* reminders);

    // Asks the service for its capabilities (once; ready() tells the answer).
    void probe();
    // Known after ready(); false before.
    bool isAvailable() const { return m_available.value_or(false); }
    bool hasActions() const { return m_actions; }

public slots:
    void show(const bizy::ReminderNotices::Notice& notice);
    void withdraw(const QString& taskUuid);

signals:
    void ready(bool available);
    // The notice could not be given here: show it another way.
    void unavailable(const bizy::ReminderNotices::Notice& notice);
    void openRequested(const QString& taskUuid);
    void snoozeRequested(const bizy::Reminder& reminder, bizy::ReminderRules::Snooze snooze);

private slots:
    void onActionInvoked(uint id, const QString& action);
    void onClosed(uint id, uint reason);

private:
    void send(const ReminderNotices::Notice& notice);

    QDBusConnection m_bus;
    std::optional<bool> m_available;
    bool m_probing = false;
    bool m_actions = false;
    QList<ReminderNotices::Notice> m_waiting;     // until the probe answers
    QHash<uint, ReminderNotices::Notice> m_shown; // by the service's id
};

} // namespace bizy
