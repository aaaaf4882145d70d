#include "MainWindow.h"
#include "TaskText.h"
#include "Translations.h"
#include "store/LocalStore.h"

#include <QAction>
#include <QApplication>
#include <QLineEdit>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// A German user sees German: Bizy's embedded translation and Qt's own.
class TranslationsTest : public QObject {
    Q_OBJECT

private slots:
    void germanLocaleTranslatesTheWindow() {
        // given a store with one task
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto store = bizy::LocalStore::open(dir.filePath(u"tasks.sqlite"_s));
        QVERIFY(store.ok());
        QVERIFY(store.value()->createTask({{u"title"_s, u"Steuererklärung"_s}}).ok());

        // when the translations for German are installed and the window opens
        const QStringList loaded =
            bizy::Translations::install(QLocale(QLocale::German, QLocale::Germany));
        bizy::MainWindow window(store.value().get());

        // then Bizy's texts are German, plurals included
        QVERIFY2(loaded.first().startsWith(u":/bizy/i18n/bizy_de"_s),
                 qPrintable(loaded.join(u' ')));
        QCOMPARE(window.findChild<QAction*>(u"newTask"_s)->text(), u"&Neue Aufgabe..."_s);
        QCOMPARE(window.searchField()->placeholderText(), u"Aufgaben suchen (Strg+F)"_s);
        QCOMPARE(window.shownCountText(), u"1 Aufgabe angezeigt"_s);
        QCOMPARE(window.pendingText(), u"1 Änderung wartet auf die Synchronisierung"_s);
        QCOMPARE(bizy::TaskText::status(bizy::TaskStatus::Completed), u"Erledigt"_s);

        // and Qt's own strings too, when the system has them (qt6-translations-l10n)
        if (loaded.size() < 2)
            QSKIP("qtbase_de.qm is not installed");
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), u"Abbrechen"_s);
    }
};

QTEST_MAIN(TranslationsTest)
#include "tst_translations.moc"
