#include "ConflictsDialog.h"
#include "LoginDialog.h"
#include "MainWindow.h"
#include "SyncStatusWidget.h"
#include "Translations.h"
#include "store/LocalStore.h"

#include <QAction>
#include <QFile>
#include <QPushButton>
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
        const QStringList loaded =
            bizy::Translations::install(QLocale(QLocale::German, QLocale::Germany));
        QVERIFY2(!loaded.isEmpty() && loaded.first().startsWith(u":/bizy/i18n/bizy_de"_s),
                 qPrintable(loaded.join(u' ')));
    }

    void statusWordsAreGerman() {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QCOMPARE(bizy::SyncStatusWidget::stateText(State::Idle, now.addSecs(-130), {}, now),
                 u"Synchronisiert vor 2 Minuten"_s);
        QCOMPARE(bizy::SyncStatusWidget::stateText(State::Offline, now, {}, now),
                 u"Offline \u2013 Änderungen bleiben erhalten"_s);
        QCOMPARE(bizy::SyncStatusWidget::stateText(State::NeedsLogin, now, {}, now),
                 u"Zum Synchronisieren anmelden"_s);
    }

    void menuAndDialogsAreGerman() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto store = bizy::LocalStore::open(dir.filePath(u"tasks.sqlite"_s));
        QVERIFY(store.ok());
        bizy::MainWindow window(store.value().get());
        QCOMPARE(window.findChild<QAction*>(u"logIn"_s)->text(), u"&Anmelden..."_s);
        QCOMPARE(window.findChild<QAction*>(u"syncNow"_s)->text(), u"Jetzt &synchronisieren"_s);
        QCOMPARE(window.syncStatus()->text(), u"Nicht angemeldet \u2013 Sie arbeiten offline"_s);
        bizy::LoginDialog login(QUrl(u"http://localhost:8000"_s), {});
        QCOMPARE(login.windowTitle(), u"Bei Bizy anmelden"_s);
        QCOMPARE(login.loginButton()->text(), u"&Anmelden"_s);
        bizy::ConflictsDialog conflicts(store.value().get());
        QCOMPARE(conflicts.windowTitle(), u"Synchronisierungskonflikte"_s);
    }

    void noSyncStringIsLeftUntranslated() {
        QFile file(QStringLiteral(BIZY_SOURCE_DIR) + u"/translations/bizy_de.ts"_s);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        const QStringList contexts{u"bizy::SyncStatusWidget"_s, u"bizy::LoginDialog"_s,
                                   u"bizy::ConflictsDialog"_s,  u"bizy::AppController"_s,
                                   u"bizy::MainWindow"_s,       u"main"_s};
        QXmlStreamReader xml(&file);
        QString context;
        QString source;
        QStringList untranslated;
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
                const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                if (type == u"unfinished"_s || text.trimmed().isEmpty())
                    untranslated << context + u": "_s + source;
            }
        }
        QVERIFY(!xml.hasError());
        QVERIFY(checked > 100);
        QVERIFY2(untranslated.isEmpty(), qPrintable(untranslated.join(u'\n')));
    }
};

QTEST_MAIN(SyncTranslationsTest)
#include "tst_synctranslations.moc"
