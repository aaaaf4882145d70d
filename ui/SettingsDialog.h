#pragma once

#include "reminders/ReminderSettings.h"

#include <QDialog>

class QCheckBox;
class QSettings;
class QSpinBox;
class QTimeEdit;

namespace bizy {

// Preferences: reminders (on or off, the lead time, the morning hour of
// all-day tasks and of the overdue summary), whether closing the window keeps
// Bizy in the tray, and how often sync runs by itself. Read from and saved to QSettings; Save
// announces them (applied()) so the running app follows at once.
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget* parent = nullptr);

    // Without a tray there is nothing to close into: the choice is hidden and
    // the saved value stays as it was.
    void setTrayAvailable(bool available);

    ReminderSettings reminderSettings() const;
    bool closesToTray() const;
    int syncIntervalMinutes() const;
    // The saved sync interval (SyncScheduler's five minutes by default).
    static int savedSyncIntervalMinutes();

    // QSettings key of the tray choice (on by default).
    static constexpr const char* kCloseToTrayKey = "tray/closeToTray";
    static constexpr const char* kSyncIntervalKey = "sync/intervalMinutes";

    void accept() override;

signals:
    void applied(const bizy::ReminderSettings& reminders, bool closesToTray);

private:
    QCheckBox* m_enabled;
    QSpinBox* m_lead;
    QTimeEdit* m_morning;
    QCheckBox* m_closeToTray;
    QSpinBox* m_syncInterval;
};

} // namespace bizy
