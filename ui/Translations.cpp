#include "Translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace bizy {

QStringList Translations::install(const QLocale& locale) {
    QStringList loaded;
    auto* bizy = new QTranslator(QCoreApplication::instance());
    // English is the source language; bizy_en only spells out plurals ("1 task"),
    // and it is the fallback for locales Bizy has no translation for (also "C").
    if (bizy->load(locale, u"bizy"_s, u"_"_s, u":/bizy/i18n"_s) ||
        bizy->load(u"bizy_en"_s, u":/bizy/i18n"_s)) {
        QCoreApplication::installTranslator(bizy);
        loaded << bizy->filePath();
    } else {
        delete bizy;
    }
    // Qt's own strings: dialog buttons, context menus of line edits, ...
    auto* qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
        loaded << qt->filePath();
    } else {
        delete qt;
    }
    return loaded;
}

} // namespace bizy
