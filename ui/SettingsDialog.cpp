#include "SettingsDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QSettings>
#include <QSpinBox>
#include <QTimeEdit>

using namespace Qt::StringLiterals;

namespace bizy {

SettingsDialog::SettingsDialog(QWidget* parent)
    : QDialog(parent)
    , m_enabled(new QCheckBox(tr("&Remind me of tasks coming due"), this))
    , m_lead(new QSpinBox(this))
    , m_morning(new QTimeEdit(this))
    , m_closeToTray(new QCheckBox(tr("&Keep Bizy in the tray when the window is closed"), this))
    , m_syncInterval(new QSpinBox(this)) {
    setObjectName(u"settingsDialog"_s);
    setWindowTitle(tr("Preferences"));
    const QSettings settings;
    const ReminderSettings reminders = ReminderSettings::load(settings);

    m_enabled->setObjectName(u"remindersEnabled"_s);
    m_enabled->setAccessibleName(tr("Remind me of tasks coming due"));
    m_enabled->setChecked(reminders.enabled);
    m_lead->setObjectName(u"reminderLeadMinutes"_s);
    m_lead->setAccessibleName(tr("Minutes before a task is due"));
    m_lead->setRange(0, 24 * 60);
    m_lead->setSuffix(tr(" min"));
    m_lead->setValue(reminders.leadMinutes);
    m_morning->setObjectName(u"reminderMorning"_s);
    m_morning->setAccessibleName(tr("Time of all-day reminders and the overdue summary"));
    m_morning->setDisplayFormat(u"HH:mm"_s);
    m_morning->setTime(reminders.morning);
    m_closeToTray->setObjectName(u"closeToTray"_s);
    m_closeToTray->setAccessibleName(tr("Keep Bizy in the tray when the window is closed"));
    m_closeToTray->setChecked(settings.value(QLatin1String(kCloseToTrayKey), true).toBool());
    m_syncInterval->setObjectName(u"syncInterval"_s);
    m_syncInterval->setAccessibleName(tr("Minutes between syncs"));
    m_syncInterval->setRange(1, 24 * 60);
    m_syncInterval->setSuffix(tr(" min"));
    m_syncInterval->setValue(savedSyncIntervalMinutes());
    connect(m_enabled, &QCheckBox::toggled, m_lead, &QWidget::setEnabled);
    connect(m_enabled, &QCheckBox::toggled, m_morning, &QWidget::setEnabled);
    m_lead->setEnabled(reminders.enabled);
    m_morning->setEnabled(reminders.enabled);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(u"settingsButtons"_s);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* form = new QFormLayout(this);
    form->addRow(m_enabled);
    form->addRow(tr("Remind &before a task is due:"), m_lead);
    form->addRow(tr("Remind all-day tasks &at:"), m_morning);
    form->addRow(m_closeToTray);
    form->addRow(tr("S&ync by itself every:"), m_syncInterval);
    form->addRow(buttons);
}

void SettingsDialog::setTrayAvailable(bool available) {
    m_closeToTray->setVisible(available);
}

ReminderSettings SettingsDialog::reminderSettings() const {
    ReminderSettings settings;
    settings.enabled = m_enabled->isChecked();
    settings.leadMinutes = m_lead->value();
    settings.morning = m_morning->time();
    return settings;
}

bool SettingsDialog::closesToTray() const {
    return m_closeToTray->isChecked();
}

int SettingsDialog::syncIntervalMinutes() const {
    return m_syncInterval->value();
}

int SettingsDialog::savedSyncIntervalMinutes() {
    return qBound(1, QSettings().value(QLatin1String(kSyncIntervalKey), 5).toInt(), 24 * 60);
}

void SettingsDialog::accept() {
    QSettings settings;
    reminderSettings().save(settings);
    settings.setValue(QLatin1String(kCloseToTrayKey), closesToTray());
    settings.setValue(QLatin1String(kSyncIntervalKey), syncIntervalMinutes());
    emit applied(reminderSettings(), closesToTray());
    QDialog::accept();
}

} // namespace bizy
