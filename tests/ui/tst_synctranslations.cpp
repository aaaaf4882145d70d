#include "ConflictsDialog.h"
#include "LoginDialog.h"
#include "MainWindow.h"
#include "SyncStatusModel.h"
#include "Translations.h"
#include "account/AccountManager.h"
#include "account/Workspace.h"

#include <QAction>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;
using State = bizy::SyncEngine::State;

// A German user sees the sync parts of the window in German, and no string of
// them is left untranslated in translations/bizy_de.ts.
class SyncTranslationsTest : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        const QStringList loaded =
            bizy::Translations::install(QLocale(QLocale::German, QLocale::Germany));
        QVERIFY2(!loaded.isEmpty() && loaded.first().startsWith(u":/bizy/i18n/bizy_de"_s),
                 qPrintable(loaded.join(u' ')));
    }

    void statusWordsAreGerman() {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QCOMPARE(bizy::SyncStatusModel::stateText(State::Idle, now.addSecs(-130), {}, now),
                 u"Synchronisiert vor 2 Minuten"_s);
        QCOMPARE(bizy::SyncStatusModel::stateText(State::Offline, now, {}, now),
                 u"Offline \u2013 Änderungen bleiben erhalten"_s);
        QCOMPARE(bizy::SyncStatusModel::stateText(State::NeedsLogin, now, {}, now),
                 u"Zum Synchronisieren anmelden"_s);
    }

    void menuAndDialogsAreGerman() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        bizy::AccountManager::Options options;
        options.pinnedStore = dir.filePath(u"tasks.sqlite"_s);
        bizy::AccountManager accounts(options);
        QVERIFY(accounts.start());
        bizy::MainWindow window(&accounts);
        QCOMPARE(window.findChild<QAction*>(u"logIn"_s)->text(), u"&Anmelden..."_s);
        QCOMPARE(window.findChild<QAction*>(u"syncNow"_s)->text(), u"Jetzt &synchronisieren"_s);
        QTRY_COMPARE(window.findChild<QLabel*>(u"syncState"_s)->text(),
                     u"Nicht angemeldet \u2013 Sie arbeiten offline"_s);
        bizy::LoginDialog login(QUrl(u"http://localhost:8000"_s), {});
        QCOMPARE(login.windowTitle(), u"Bei Bizy anmelden"_s);
        QCOMPARE(login.findChild<QPushButton*>(u"loginButton"_s)->text(), u"&Anmelden"_s);
        bizy::ConflictsDialog conflicts(accounts.workspace()->store());
        QCOMPARE(conflicts.windowTitle(), u"Synchronisierungskonflikte"_s);
    }

    void noSyncStringIsLeftUntranslated() {
        QFile file(QStringLiteral(BIZY_SOURCE_DIR) + u"/translations/bizy_de.ts"_s);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        // The sync parts: the status words and the sync engine's messages, the
        // login, the conflict list and its words, the window's Sync menu and
        // messages, and main().
        const QStringList contexts{
            u"bizy::SyncStatusModel"_s, u"bizy::SyncStatusWidget"_s, u"bizy::SyncEngine"_s,
            u"bizy::LoginDialog"_s,     u"bizy::ConflictsDialog"_s,  u"bizy::ConflictListModel"_s,
            u"ConflictText"_s,          u"bizy::MainWindow"_s,       u"main"_s};
        QXmlStreamReader xml(&file);
        QString context;
        QString source;
        QStringList untranslated;
        QStringList seen;
        int checked = 0;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == u"name"_s) {
                context = xml.readElementText();
            } else if (xml.name() == u"source"_s) {
                source = xml.readElementText();
            } else if (xml.name() == u"translation"_s && contexts.contains(context)) {
                const QString type = xml.attributes().value(u"type"_s).toString();
                if (type == u"vanished"_s || type == u"obsolete"_s)
                    continue;
                ++checked;
                if (!seen.contains(context))
                    seen << context;
                const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                if (type == u"unfinished"_s || text.trimmed().isEmpty())
                    untranslated << context + u": "_s + source;
            }
        }
        QVERIFY(!xml.hasError());
        // Every context the sync parts translate in is in the file.
        for (const QString& expected : contexts)
            QVERIFY2(seen.contains(expected), qPrintable(expected + u" is not in bizy_de.ts"_s));
        QVERIFY(checked > 100);
        QVERIFY2(untranslated.isEmpty(), qPrintable(untranslated.join(u'\n')));
    }
};

QTEST_MAIN(SyncTranslationsTest)
#include "tst_synctranslations.moc"
