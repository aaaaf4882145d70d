#pragma once

#include "Reminder.h"
#include "ReminderRules.h"
#include "ReminderSettings.h"
#include "store/ReminderRecord.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimeZone>
#include <QTimer>
#include <optional>

namespace bizy {

class Clock;
class StoreClient;
struct StoreChanges;

// Gives reminders on time for the tasks of one store, following the store
// as the account changes. It reads the open tasks due soon (and the
// reminders already given) with a store job on the worker, asks
// ReminderRules what is due, says so (remind(), overdueSummary()), notes each
// reminder given in the store, and sleeps until the next one. Any change of
// tasks, here or arriving by sync, re-plans at once and takes down a
// reminder whose task was completed, deleted or re-dated (withdrawn()).
//
// The wall clock is checked against a monotonic one every kClockCheckMs: a
// jump (the clock set, the computer waking from sleep) or a new time zone
// re-plans, so what came due meanwhile is given once and nothing already
// given comes again.
class ReminderScheduler : public QObject {
    Q_OBJECT
public:
    // The store is read this far ahead; the timer wakes at least every
    // kMaxSleepMs, so it re-reads long before the horizon runs out.
    static constexpr qint64 kHorizonSecs = 3 * 24 * 60 * 60;
    static constexpr int kMaxSleepMs = 60 * 60 * 1000;
    static constexpr int kClockCheckMs = 30 * 1000;
    // How far the wall clock may drift from the monotonic one between checks.
    static constexpr qint64 kJumpToleranceMs = 5000;

    explicit ReminderScheduler(const Clock& clock, QObject* parent = nullptr);
    ~ReminderScheduler() override;

    // Follows `store` (null: none). A new store means a fresh start: its
    // overdue tasks are summed up once.
    void setStore(StoreClient* store);
    void setSettings(const ReminderSettings& settings);
    const ReminderSettings& settings() const { return m_settings; }
    const Clock& clock() const { return m_clock; }

    // Holds every reminder back until `until`; they are given then. nullopt resumes.
    void pauseUntil(const std::optional<QDateTime>& until);
    // Pauses for an hour (OneHour) or until tomorrow's morning hour (Tomorrow).
    void pause(ReminderRules::Snooze length);
    std::optional<QDateTime> pausedUntil() const { return m_pausedUntil; }
    bool isPaused() const;
    // The reminder comes again after the snooze (kept in the store).
    void snooze(const Reminder& reminder, ReminderRules::Snooze snooze);

    // The wall time the timer is set for (none when there is nothing to wait for).
    std::optional<QDateTime> nextWake() const { return m_nextWake; }

public slots:
    // Reads the store and gives what is due.
    void replan();
    // The timer's call: checks the clock, then re-plans.
    void wake();
    // Re-plans when the wall clock jumped or the zone changed since the last
    // check; true when it did.
    bool checkClock();

signals:
    void remind(const bizy::Reminder& reminder);
    void overdueSummary(const bizy::OverdueSummary& summary);
    // A reminder given is no longer right: its task was completed, deleted or re-dated.
    void withdrawn(const QString& taskUuid);
    // A plan was made from a fresh read (tests wait for it).
    void planned();
    void pausedChanged(bool paused);
    void errorOccurred(const QString& message);

private:
    void onStoreChanged(const StoreChanges& changes);
    void act(const ReminderCandidates& candidates);
    void armTimer(const std::optional<QDateTime>& next, const QDateTime& now);
    void noteClock();
    // The next summary at the morning hour of its day in `zone` (after a zone or setting change).
    void moveSummary(const QTimeZone& from, const QTimeZone& to);

    const Clock& m_clock;
    QPointer<StoreClient> m_store;
    ReminderSettings m_settings;
    std::optional<QDateTime> m_pausedUntil;
    QDateTime m_watchingSince;
    bool m_summaryDue = true;
    QDateTime m_nextSummary;
    QHash<QString, QDateTime> m_shown; // task uuid -> due time of the reminder given
    quint64 m_generation = 0;
    bool m_reading = false;
    bool m_readAgain = false;
    std::optional<QDateTime> m_nextWake;
    QTimer m_wakeTimer;
    QTimer m_clockTimer;
    QDateTime m_lastWall;
    qint64 m_lastMonotonic = 0;
    QTimeZone m_zone;
};

} // namespace bizy
