#include "ActionIcons.h"
#include "WindowHarness.h"

#include <QAction>
#include <QApplication>
#include <QImage>
#include <QMainWindow>
#include <QPixmap>
#include <QTest>
#include <QToolBar>

using namespace Qt::StringLiterals;
using namespace bizy;

// Bizy's own action icons: every SVG it ships draws something at the sizes a
// toolbar and a menu use, and without an icon theme (as on a bare desktop, or
// here) every action of the window's toolbar and menus that is meant to have
// an icon still has one.
class ActionIconsTest : public QObject {
    Q_OBJECT

    WindowHarness m_harness;

    // The share of the image's pixels that are not transparent.
    static double inkShare(const QImage& image) {
        qsizetype ink = 0;
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x)
                ink += qAlpha(image.pixel(x, y)) > 0 ? 1 : 0;
        }
        return double(ink) / double(image.width() * image.height());
    }

private slots:
    void initTestCase() {
        QVERIFY(WindowHarness::prepareApplication(u"tst_actionicons"_s));
        // No desktop theme: the icons have to come from Bizy itself.
        QIcon::setThemeSearchPaths({});
        QIcon::setThemeName(QString());
    }
    void init() { QVERIFY2(m_harness.start(), qPrintable(m_harness.error())); }
    void cleanup() { m_harness.stop(); }

    void everyShippedIconDraws() {
        const QStringList names = ActionIcons::names();
        QVERIFY2(names.size() >= 14, qPrintable(names.join(u", "_s)));
        for (const QString& name : names) {
            for (const int size : {16, 22, 32}) {
                const QImage image = ActionIcons::icon(name).pixmap(size, size).toImage();
                QVERIFY2(!image.isNull(), qPrintable(name));
                const double ink = inkShare(image);
                // a drawing, neither empty nor a filled square
                QVERIFY2(
                    ink > 0.05 && ink < 0.8,
                    qPrintable(
                        u"%1 at %2 px: %3 of the pixels drawn"_s.arg(name).arg(size).arg(ink)));
            }
        }
    }

    void unknownNamesHaveNoIcon() {
        QVERIFY(ActionIcons::icon(u"no-such-icon"_s).pixmap(16, 16).isNull());
    }

    void theWindowsActionsShowBizysIconsWithoutATheme() {
        QVERIFY(m_harness.openWindow());
        const QList<std::pair<const char*, const char*>> actions{
            {"quit", "application-exit"},  {"preferences", "preferences-system"},
            {"logIn", "system-log-in"},    {"logOut", "system-log-out"},
            {"syncNow", "view-refresh"},   {"undo", "edit-undo"},
            {"redo", "edit-redo"},         {"newTask", "document-new"},
            {"editTask", "document-edit"}, {"completeTask", "checkbox"},
            {"deleteTask", "edit-delete"}, {"newGoal", "folder-new"},
            {"newSubGoal", "list-add"},    {"editGoal", "document-edit"},
            {"completeGoal", "checkbox"},  {"holdGoal", "media-playback-pause"},
            {"deleteGoal", "edit-delete"}};
        QStringList wrong;
        for (const auto& [actionName, iconName] : actions) {
            const QAction* action = m_harness.action(QString::fromLatin1(actionName));
            const QImage expected =
                ActionIcons::icon(QString::fromLatin1(iconName)).pixmap(16, 16).toImage();
            if (!action || action->icon().pixmap(16, 16).toImage() != expected)
                wrong << QString::fromLatin1(actionName);
        }
        QVERIFY2(wrong.isEmpty(), qPrintable(u"not Bizy's icon: "_s + wrong.join(u", "_s)));
    }
};

QTEST_MAIN(ActionIconsTest)
#include "tst_actionicons.moc"
