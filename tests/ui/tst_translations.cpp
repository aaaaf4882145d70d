#include "BlockingStore.h"
#include "MainWindow.h"
#include "TaskText.h"
#include "Translations.h"
#include "account/AccountManager.h"
#include "account/Workspace.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

// A German user sees German: Bizy's embedded translation and Qt's own.
class TranslationsTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void germanLocaleTranslatesTheWindow() {
        // given a store with one task
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        bizy::AccountManager::Options options;
        options.pinnedStore = dir.filePath(u"tasks.sqlite"_s);
        bizy::AccountManager accounts(options);
        QVERIFY(accounts.start());
        QVERIFY(BlockingStore(accounts.workspace()->store())
                    .createTask({{u"title"_s, u"Steuererklärung"_s}})
                    .ok());

        // when the translations for German are installed and the window opens
        const QStringList loaded =
            bizy::Translations::install(QLocale(QLocale::German, QLocale::Germany));
        bizy::MainWindow window(&accounts);

        // then Bizy's texts are German, plurals included
        QVERIFY2(loaded.first().startsWith(u":/bizy/i18n/bizy_de"_s),
                 qPrintable(loaded.join(u' ')));
        QCOMPARE(window.findChild<QAction*>(u"newTask"_s)->text(), u"&Neue Aufgabe..."_s);
        QCOMPARE(window.findChild<QLineEdit*>(u"search"_s)->placeholderText(),
                 u"Aufgaben suchen (Strg+F)"_s);
        QTRY_COMPARE(window.findChild<QLabel*>(u"shownCount"_s)->text(), u"1 Aufgabe angezeigt"_s);
        QTRY_COMPARE(window.findChild<QLabel*>(u"pendingCount"_s)->text(),
                     u"1 Änderung wartet auf die Synchronisierung"_s);
        QCOMPARE(bizy::TaskText::status(bizy::TaskStatus::Completed), u"Erledigt"_s);

        // and Qt's own strings too, when the system has them (qt6-translations-l10n)
        if (loaded.size() < 2)
            QSKIP("qtbase_de.qm is not installed");
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), u"Abbrechen"_s);
    }
};

QTEST_MAIN(TranslationsTest)
#include "tst_translations.moc"
