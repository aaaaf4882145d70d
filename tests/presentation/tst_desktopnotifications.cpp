#include "BlockingStore.h"
#include "DesktopNotifications.h"
#include "FakeNotificationService.h"
#include "ManualClock.h"
#include "ReminderNotices.h"
#include "model/IsoDateTime.h"
#include "reminders/ReminderScheduler.h"
#include "store/StoreClient.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>

using namespace Qt::StringLiterals;
using namespace bizy;

namespace {

const QTimeZone berlin("Europe/Berlin");

QDateTime at(const QString& local) {
    QDateTime time = QDateTime::fromString(local, Qt::ISODate);
    time.setTimeZone(berlin);
    return time.toUTC();
}

// The keys of a Notify's action list (key, label, key, label...).
QStringList actionKeys(const QStringList& actions) {
    QStringList keys;
    for (qsizetype i = 0; i < actions.size(); i += 2)
        keys << actions.at(i);
    return keys;
}

} // namespace

// Reminders through the desktop's notification service, against a stand-in
// for it (FakeNotificationService) on a private session bus: what is sent,
// and the actions coming back, from a reminder on a real store to its snooze.
class DesktopNotificationsTest : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_opened = 0;
    std::unique_ptr<StoreClient> m_client;
    BlockingStore m_store;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<ReminderScheduler> m_reminders;
    std::unique_ptr<ReminderNotices> m_notices;
    std::unique_ptr<DesktopNotifications> m_desktop;

    QString createTask(const QString& title, const QDateTime& due) {
        const Result<Task> task =
            m_store.createTask({{u"title"_s, title}, {u"due_date"_s, IsoDateTime::format(due)}});
        if (!task)
            qFatal("task not created: %s", qPrintable(task.error().message));
        return task->uuid;
    }

    void start() {
        m_reminders = std::make_unique<ReminderScheduler>(*m_clock);
        m_notices = std::make_unique<ReminderNotices>(m_reminders.get(), nullptr);
        m_desktop = std::make_unique<DesktopNotifications>();
        m_desktop->follow(m_notices.get(), m_reminders.get());
        QSignalSpy planned(m_reminders.get(), &ReminderScheduler::planned);
        m_reminders->setStore(m_client.get());
        QVERIFY(planned.wait());
    }

    void passUntil(const QDateTime& when) {
        m_clock->advance(m_clock->now().secsTo(when));
        QSignalSpy planned(m_reminders.get(), &ReminderScheduler::planned);
        m_reminders->wake();
        QVERIFY(planned.wait());
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom)); // times as 10:00
        QVERIFY2(QDBusConnection::sessionBus().isConnected(),
                 "run through tests/support/with-session-bus.sh");
    }

    void init() {
        m_client = StoreClient::open(m_dir.filePath(u"n%1.sqlite"_s.arg(++m_opened))).value();
        m_store = BlockingStore(m_client.get());
        m_clock = std::make_unique<ManualClock>(at(u"2026-12-02T09:40:00"_s), berlin);
    }

    void cleanup() {
        m_desktop.reset();
        m_notices.reset();
        m_reminders.reset();
        m_store = BlockingStore();
        m_client.reset();
    }

    void aReminderIsSentWithOpenAndSnoozeAndItsActionsComeBack() {
        FakeNotificationService service({u"body"_s, u"actions"_s});
        QString error;
        QVERIFY2(service.start(&error), qPrintable(error));
        const QString uuid = createTask(u"Call the bank"_s, at(u"2026-12-02T10:00:00"_s));
        start();
        QSignalSpy opened(m_desktop.get(), &DesktopNotifications::openRequested);

        // 09:45, fifteen minutes before: the service gets the reminder
        passUntil(at(u"2026-12-02T09:45:00"_s));
        QTRY_COMPARE(service.received().size(), 1);
        const FakeNotificationService::Notification sent = service.received().first();
        QCOMPARE(sent.appName, u"Bizy"_s);
        QCOMPARE(sent.summary, u"Call the bank"_s);
        QCOMPARE(sent.body, u"Due at 10:00"_s);
        QCOMPARE(sent.replacesId, 0u);
        QCOMPARE(sent.hints.value(u"desktop-entry"_s).toString(), u"bizy"_s);
        QCOMPARE(actionKeys(sent.actions), (QStringList{u"default"_s, u"open"_s, u"snooze-10m"_s,
                                                        u"snooze-1h"_s, u"snooze-tomorrow"_s}));
        QVERIFY(m_desktop->hasActions());

        // Open: the task is to be opened
        service.invokeAction(sent.id, u"open"_s);
        QTRY_COMPARE(opened.count(), 1);
        QCOMPARE(opened.at(0).at(0).toString(), uuid);
        // an action of another application's notice is none of ours
        service.invokeAction(sent.id + 100, u"open"_s);

        // Snooze 10 minutes: it comes back at 09:55, in place of the one shown
        QSignalSpy planned(m_reminders.get(), &ReminderScheduler::planned);
        service.invokeAction(sent.id, u"snooze-10m"_s);
        QVERIFY(planned.wait());
        QCOMPARE(m_reminders->nextWake(), at(u"2026-12-02T09:55:00"_s));
        passUntil(at(u"2026-12-02T09:55:00"_s));
        QTRY_COMPARE(service.received().size(), 2);
        QCOMPARE(service.received().at(1).summary, u"Call the bank"_s);
        QCOMPARE(service.received().at(1).replacesId, sent.id);
        QCOMPARE(opened.count(), 1);

        // completed meanwhile: the notice is taken down
        QVERIFY(m_store.completeTask(uuid).ok());
        QTRY_COMPARE(service.closed().size(), 1);
    }

    void aNewNoticeOfATaskReplacesTheShownOne() {
        FakeNotificationService service({u"body"_s, u"actions"_s});
        QString error;
        QVERIFY2(service.start(&error), qPrintable(error));
        DesktopNotifications desktop;
        Reminder reminder{u"task-1"_s, u"Water plants"_s, at(u"2026-12-02T10:00:00"_s), false,
                          false};
        desktop.show(
            ReminderNotices::reminderNotice(reminder, at(u"2026-12-02T09:45:00"_s), berlin));
        QTRY_COMPARE(service.received().size(), 1);
        reminder.snoozed = true;
        desktop.show(
            ReminderNotices::reminderNotice(reminder, at(u"2026-12-02T10:00:00"_s), berlin));
        QTRY_COMPARE(service.received().size(), 2);
        QCOMPARE(service.received().at(1).replacesId, service.received().at(0).id);
        QCOMPARE(service.received().at(1).body, u"Due now (10:00)"_s);
        desktop.withdraw(u"task-1"_s);
        QTRY_COMPARE(service.closed(), QList<uint>{service.received().at(0).id});
    }

    void aServiceWithoutActionsGetsNone() {
        FakeNotificationService service({u"body"_s});
        QString error;
        QVERIFY2(service.start(&error), qPrintable(error));
        DesktopNotifications desktop;
        OverdueSummary summary;
        summary.count = 7;
        for (int i = 1; i <= 5; ++i)
            summary.first << Reminder{u"t%1"_s.arg(i), u"Task %1"_s.arg(i), {}, false, false};
        desktop.show(ReminderNotices::summaryNotice(summary));
        QTRY_COMPARE(service.received().size(), 1);
        QVERIFY(!desktop.hasActions());
        QCOMPARE(service.received().first().actions, QStringList());
        QCOMPARE(service.received().first().summary, u"Overdue tasks: 7"_s);
        QCOMPARE(service.received().first().body,
                 u"Task 1\nTask 2\nTask 3\nTask 4\nTask 5\nand 2 more"_s);
    }

    void withoutAServiceTheNoticeComesBackForTheTray() {
        DesktopNotifications desktop; // nothing owns the name on this bus
        QSignalSpy ready(&desktop, &DesktopNotifications::ready);
        QSignalSpy fallback(&desktop, &DesktopNotifications::unavailable);
        const ReminderNotices::Notice notice{u"Log in to sync"_s, u"expired"_s, {}, {}, false};
        desktop.show(notice);
        QTRY_COMPARE(fallback.count(), 1);
        QCOMPARE(ready.count(), 1);
        QCOMPARE(ready.at(0).at(0).toBool(), false);
        QCOMPARE(fallback.at(0).at(0).value<ReminderNotices::Notice>().title, u"Log in to sync"_s);
    }
};

QTEST_GUILESS_MAIN(DesktopNotificationsTest)
#include "tst_desktopnotifications.moc"
