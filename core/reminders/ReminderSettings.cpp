#include "ReminderSettings.h"

#include <QSettings>

using namespace Qt::StringLiterals;

namespace bizy {

ReminderSettings ReminderSettings::load(const QSettings& settings) {
    ReminderSettings loaded;
    loaded.enabled = settings.value(u"reminders/enabled"_s, loaded.enabled).toBool();
    loaded.leadMinutes =
        qBound(0, settings.value(u"reminders/leadMinutes"_s, loaded.leadMinutes).toInt(), 24 * 60);
    const QTime morning = QTime::fromString(
        settings.value(u"reminders/morning"_s, loaded.morning.toString(u"HH:mm"_s)).toString(),
        u"HH:mm"_s);
    if (morning.isValid())
        loaded.morning = morning;
    return loaded;
}

void ReminderSettings::save(QSettings& settings) const {
    settings.setValue(u"reminders/enabled"_s, enabled);
    settings.setValue(u"reminders/leadMinutes"_s, leadMinutes);
    settings.setValue(u"reminders/morning"_s, morning.toString(u"HH:mm"_s));
}

} // namespace bizy
