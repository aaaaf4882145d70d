#include "DesktopNotifications.h"

#include "PresentationLog.h"
#include "reminders/ReminderScheduler.h"

#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QVariantMap>

using namespace Qt::StringLiterals;

namespace bizy {
namespace {

// The action keys sent with a reminder; "default" is a click on the notice itself.
const QString kOpen = u"open"_s;
const QString kDefault = u"default"_s;
const QString kSnoozeTen = u"snooze-10m"_s;
const QString kSnoozeHour = u"snooze-1h"_s;
const QString kSnoozeTomorrow = u"snooze-tomorrow"_s;

QDBusMessage call(const QString& method) {
    return QDBusMessage::createMethodCall(QString::fromLatin1(DesktopNotifications::kService),
                                          QString::fromLatin1(DesktopNotifications::kPath),
                                          QString::fromLatin1(DesktopNotifications::kInterface),
                                          method);
}

} // namespace

DesktopNotifications::DesktopNotifications(const QDBusConnection& bus, QObject* parent)
    : QObject(parent)
    , m_bus(bus) {
    qRegisterMetaType<ReminderNotices::Notice>();
    if (!m_bus.isConnected())
        return;
    const QString service = QString::fromLatin1(kService);
    const QString path = QString::fromLatin1(kPath);
    const QString interface = QString::fromLatin1(kInterface);
    m_bus.connect(service, path, interface, u"ActionInvoked"_s, this,
                  SLOT(onActionInvoked(uint, QString)));
    m_bus.connect(service, path, interface, u"NotificationClosed"_s, this,
                  SLOT(onClosed(uint, uint)));
}

void DesktopNotifications::follow(ReminderNotices* notices, ReminderScheduler* reminders) {
    connect(notices, &ReminderNotices::notice, this, &DesktopNotifications::show);
    connect(notices, &ReminderNotices::withdrawn, this, &DesktopNotifications::withdraw);
    connect(this, &DesktopNotifications::snoozeRequested, reminders, &ReminderScheduler::snooze);
}

void DesktopNotifications::probe() {
    if (m_available || m_probing)
        return;
    if (!m_bus.isConnected()) {
        m_available = false;
        emit ready(false);
        return;
    }
    m_probing = true;
    auto* watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call(u"GetCapabilities"_s)), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this, [this](QDBusPendingCallWatcher* w) {
        w->deleteLater();
        m_probing = false;
        const QDBusPendingReply<QStringList> reply = *w;
        m_available = !reply.isError();
        m_actions = m_available && reply.value().contains(u"actions"_s);
        qCInfo(lcPresentation).noquote()
            << "notification service:"
            << (*m_available ? reply.value().join(u", "_s) : reply.error().message());
        emit ready(*m_available);
        for (const ReminderNotices::Notice& notice : std::exchange(m_waiting, {}))
            show(notice);
    });
}

void DesktopNotifications::show(const ReminderNotices::Notice& notice) {
    if (!m_available) {
        m_waiting << notice;
        probe();
        return;
    }
    if (!*m_available) {
        emit unavailable(notice);
        return;
    }
    send(notice);
}

void DesktopNotifications::send(const ReminderNotices::Notice& notice) {
    uint replaces = 0;
    if (!notice.taskUuid.isEmpty()) {
        for (auto it = m_shown.cbegin(); it != m_shown.cend(); ++it)
            if (it->taskUuid == notice.taskUuid)
                replaces = it.key();
    }
    QStringList actions;
    if (m_actions && !notice.taskUuid.isEmpty()) {
        actions << kDefault << tr("Open") << kOpen << tr("Open");
        if (notice.isReminder)
            actions << kSnoozeTen << tr("Snooze 10 minutes") << kSnoozeHour << tr("Snooze 1 hour")
                    << kSnoozeTomorrow << tr("Tomorrow");
    }
    QVariantMap hints{{u"desktop-entry"_s, u"bizy"_s}};
    if (notice.isReminder)
        hints.insert(u"urgency"_s, QVariant::fromValue(uchar(1)));
    QDBusMessage message = call(u"Notify"_s);
    message << u"Bizy"_s << replaces << u"bizy"_s << notice.title << notice.body << actions << hints
            << int(-1);
    auto* watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(message), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, notice, replaces](QDBusPendingCallWatcher* w) {
                w->deleteLater();
                const QDBusPendingReply<uint> reply = *w;
                if (reply.isError()) {
                    qCWarning(lcPresentation).noquote()
                        << "notification not shown:" << reply.error().message();
                    emit unavailable(notice);
                    return;
                }
                m_shown.remove(replaces);
                m_shown.insert(reply.value(), notice);
            });
}

void DesktopNotifications::withdraw(const QString& taskUuid) {
    for (auto it = m_shown.begin(); it != m_shown.end();) {
        if (it->taskUuid != taskUuid) {
            ++it;
            continue;
        }
        QDBusMessage message = call(u"CloseNotification"_s);
        message << it.key();
        m_bus.asyncCall(message);
        it = m_shown.erase(it);
    }
}

void DesktopNotifications::onActionInvoked(uint id, const QString& action) {
    const auto shown = m_shown.constFind(id);
    if (shown == m_shown.cend())
        return; // another application's notice
    const ReminderNotices::Notice notice = *shown;
    if (action == kOpen || action == kDefault)
        emit openRequested(notice.taskUuid);
    else if (action == kSnoozeTen)
        emit snoozeRequested(notice.reminder, ReminderRules::Snooze::TenMinutes);
    else if (action == kSnoozeHour)
        emit snoozeRequested(notice.reminder, ReminderRules::Snooze::OneHour);
    else if (action == kSnoozeTomorrow)
        emit snoozeRequested(notice.reminder, ReminderRules::Snooze::Tomorrow);
}

void DesktopNotifications::onClosed(uint id, uint) {
    m_shown.remove(id);
}

} // namespace bizy
