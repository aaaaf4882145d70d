#pragma once

#include <QLocale>
#include <QStringList>

class QCoreApplication;

namespace bizy {

// Bizy's own translations are embedded (:/bizy/i18n); Qt's come from the system.
class Translations {
public:
    // Installs Bizy's and Qt's translators for `locale` into the application.
    // Returns the files that were loaded (none for English).
    static QStringList install(const QLocale& locale = QLocale());
};

} // namespace bizy
