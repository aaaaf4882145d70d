#include "ReminderScheduler.h"

#include "Clock.h"
#include "RemindersLog.h"
#include "store/StoreClient.h"

#include <algorithm>
#include <cstdlib>
#include <utility>

namespace bizy {

ReminderScheduler::ReminderScheduler(const Clock& clock, QObject* parent)
    : QObject(parent)
    , m_clock(clock) {
    qRegisterMetaType<Reminder>();
    qRegisterMetaType<OverdueSummary>();
    m_wakeTimer.setSingleShot(true);
    connect(&m_wakeTimer, &QTimer::timeout, this, &ReminderScheduler::wake);
    m_clockTimer.setInterval(kClockCheckMs);
    connect(&m_clockTimer, &QTimer::timeout, this, &ReminderScheduler::checkClock);
    m_clockTimer.start();
    noteClock();
}

ReminderScheduler::~ReminderScheduler() = default;

void ReminderScheduler::setStore(StoreClient* store) {
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    for (auto it = m_shown.cbegin(); it != m_shown.cend(); ++it)
        emit withdrawn(it.key());
    m_shown.clear();
    m_store = store;
    ++m_generation;
    m_reading = false;
    m_readAgain = false;
    m_watchingSince = m_clock.now();
    m_summaryDue = true;
    if (!m_store) {
        armTimer(std::nullopt, m_watchingSince);
        return;
    }
    connect(m_store, &StoreClient::changed, this, &ReminderScheduler::onStoreChanged);
    replan();
}

void ReminderScheduler::setSettings(const ReminderSettings& settings) {
    if (settings == m_settings)
        return;
    m_settings = settings;
    moveSummary(m_clock.zone(), m_clock.zone());
    replan();
}

bool ReminderScheduler::isPaused() const {
    return m_pausedUntil && *m_pausedUntil > m_clock.now();
}

void ReminderScheduler::pauseUntil(const std::optional<QDateTime>& until) {
    m_pausedUntil = until;
    qCInfo(lcReminders) << "reminders paused until" << until.value_or(QDateTime());
    emit pausedChanged(isPaused());
    replan();
}

void ReminderScheduler::pause(ReminderRules::Snooze length) {
    pauseUntil(ReminderRules::snoozedUntil(length, m_clock.now(), m_clock.zone(), m_settings));
}

void ReminderScheduler::snooze(const Reminder& reminder, ReminderRules::Snooze snooze) {
    if (!m_store)
        return;
    const QDateTime until =
        ReminderRules::snoozedUntil(snooze, m_clock.now(), m_clock.zone(), m_settings);
    m_shown.remove(reminder.taskUuid);
    m_store->run([uuid = reminder.taskUuid, due = reminder.due, until](LocalStore& store) {
        return store.snoozeReminder(uuid, due, until);
    });
    replan(); // the read comes after the snooze is written: jobs run in order
}

void ReminderScheduler::onStoreChanged(const StoreChanges& changes) {
    if (!changes.touchesTasks())
        return;
    for (const QString& uuid : changes.removedTasks) {
        if (m_shown.remove(uuid))
            emit withdrawn(uuid);
    }
    for (const Task& task : changes.tasks) {
        const auto shown = m_shown.constFind(task.uuid);
        if (shown == m_shown.cend())
            continue;
        if (task.isCompleted() || !task.dueDate || task.dueDate->toUTC() != *shown) {
            m_shown.remove(task.uuid);
            emit withdrawn(task.uuid);
        }
    }
    replan();
}

void ReminderScheduler::replan() {
    if (!m_store)
        return;
    if (m_reading) {
        m_readAgain = true;
        return;
    }
    m_reading = true;
    const quint64 generation = m_generation;
    const QDateTime until = m_clock.now().addSecs(kHorizonSecs);
    m_store->run([until](LocalStore& store) { return store.reminderCandidates(until); })
        .then(this, [this, generation](const Result<ReminderCandidates>& candidates) {
            if (generation != m_generation)
                return;
            m_reading = false;
            if (std::exchange(m_readAgain, false)) {
                replan();
                return;
            }
            if (!candidates) {
                qCWarning(lcReminders) << "reminders not read:" << candidates.error().message;
                emit errorOccurred(candidates.error().message);
                armTimer(m_clock.now().addMSecs(kMaxSleepMs), m_clock.now());
                return;
            }
            act(*candidates);
        });
}

void ReminderScheduler::act(const ReminderCandidates& candidates) {
    const QDateTime now = m_clock.now();
    const QTimeZone zone = m_clock.zone();
    if (!m_settings.enabled) {
        armTimer(std::nullopt, now);
        emit planned();
        return;
    }
    if (m_pausedUntil && *m_pausedUntil <= now) {
        m_pausedUntil.reset();
        emit pausedChanged(false);
    }
    if (m_pausedUntil) {
        armTimer(m_pausedUntil, now);
        emit planned();
        return;
    }

    const ReminderRules::Plan plan = ReminderRules::plan(candidates.tasks, candidates.records, now,
                                                         m_watchingSince, zone, m_settings);
    for (const Reminder& reminder : plan.dueNow) {
        m_shown.insert(reminder.taskUuid, reminder.due);
        m_store->run([uuid = reminder.taskUuid, due = reminder.due, now](LocalStore& store) {
            return store.markReminded(uuid, due, now);
        });
        qCInfo(lcReminders).noquote()
            << "reminder of" << reminder.taskUuid << "due" << reminder.due.toString(Qt::ISODate)
            << (reminder.snoozed ? "(snoozed)" : "");
        emit remind(reminder);
    }

    if (m_summaryDue || (m_nextSummary.isValid() && now >= m_nextSummary)) {
        m_summaryDue = false;
        m_nextSummary = ReminderRules::nextMorning(now, zone, m_settings);
        const OverdueSummary summary = ReminderRules::overdue(candidates.tasks, now, zone);
        if (summary.count > 0)
            emit overdueSummary(summary);
    }

    std::optional<QDateTime> next = plan.next;
    if (m_nextSummary.isValid() && (!next || m_nextSummary < *next))
        next = m_nextSummary;
    armTimer(next, now);
    emit planned();
}

void ReminderScheduler::armTimer(const std::optional<QDateTime>& next, const QDateTime& now) {
    m_nextWake = next;
    if (!next) {
        m_wakeTimer.stop();
        return;
    }
    const qint64 wait = std::clamp<qint64>(now.msecsTo(*next), 0, kMaxSleepMs);
    // A wake on time or a moment late, never early: the due time has come then.
    m_wakeTimer.start(int(wait) + 1);
}

void ReminderScheduler::wake() {
    if (!checkClock())
        replan();
}

bool ReminderScheduler::checkClock() {
    const QDateTime wall = m_clock.now();
    const qint64 monotonic = m_clock.monotonicMs();
    const qint64 drift =
        m_lastWall.msecsTo(wall) - (monotonic - m_lastMonotonic); // positive: jumped ahead
    const QTimeZone before = m_zone;
    const bool zoneChanged = m_clock.zone() != before;
    noteClock();
    if (std::abs(drift) <= kJumpToleranceMs && !zoneChanged)
        return false;
    if (zoneChanged)
        moveSummary(before, m_zone);
    qCInfo(lcReminders).noquote() << "clock jumped by" << drift / 1000 << "s"
                                  << (zoneChanged ? "into zone " + m_zone.id() : QByteArray())
                                  << "- planning again";
    replan();
    return true;
}

void ReminderScheduler::noteClock() {
    m_lastWall = m_clock.now();
    m_lastMonotonic = m_clock.monotonicMs();
    m_zone = m_clock.zone();
}

void ReminderScheduler::moveSummary(const QTimeZone& from, const QTimeZone& to) {
    if (m_nextSummary.isValid())
        m_nextSummary =
            QDateTime(m_nextSummary.toTimeZone(from).date(), m_settings.morning, to).toUTC();
}

} // namespace bizy
