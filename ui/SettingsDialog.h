#pragma once

#include "reminders/ReminderSettings.h"

#include <QDialog>

class QCheckBox;
class QSpinBox;
class QTimeEdit;

namespace bizy {

// Settings > Preferences: reminders (on or off, the lead time, the morning
// hour of all-day tasks and of the overdue summary) and whether closing the
// window keeps Bizy in the tray. Read from and saved to QSettings; Save
// announces them (applied()) so the running app follows at once.
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget* parent = nullptr);

    ReminderSettings reminderSettings() const;
    bool closesToTray() const;

    // QSettings key of the tray choice (on by default).
    static constexpr const char* kCloseToTrayKey = "tray/closeToTray";

    void accept() override;

signals:
    void applied(const bizy::ReminderSettings& reminders, bool closesToTray);

private:
    QCheckBox* m_enabled;
    QSpinBox* m_lead;
    QTimeEdit* m_morning;
    QCheckBox* m_closeToTray;
};

} // namespace bizy
