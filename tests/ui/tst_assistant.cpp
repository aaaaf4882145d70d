#include "BlockingStore.h"
#include "FakeAiVendor.h"
#include "GoalTreeModel.h"
#include "MainWindow.h"
#include "ServerFixture.h"
#include "Translations.h"
#include "account/AccountManager.h"
#include "account/SyncConnection.h"
#include "account/Workspace.h"
#include "auth/Session.h"
#include "store/LocalStore.h"
#include "sync/SyncEngine.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTreeView>

using namespace Qt::StringLiterals;
using bizy::AccountManager;
using bizy::GoalTreeModel;
using bizy::MainWindow;

namespace {
const QString kPassword = u"Assist-Pass1!"_s;

QString text(const QJsonObject& object) {
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}
} // namespace

// The server's assistant in the window, against the real bizy-server on a
// throwaway PostgreSQL whose AI provider is FakeAiVendor (it stands in for the
// vendor): "Suggest Tasks" on a goal creates the chosen suggestions as local
// tasks that sync, the dashboard shows the morning briefing, and both are
// absent without a provider or a login.
class AssistantTest : public QObject {
    Q_OBJECT

private:
    FakeAiVendor m_vendor;
    ServerFixture m_fixture;
    std::unique_ptr<AccountManager> m_accounts;
    std::unique_ptr<MainWindow> m_window;

    QAction* suggestAction() const { return m_window->findChild<QAction*>(u"suggestTasks"_s); }
    QWidget* briefingCard() const { return m_window->findChild<QWidget*>(u"briefingCard"_s); }
    BlockingStore store() const { return BlockingStore(m_accounts->workspace()->store()); }

    // The window, logged in as `name` on `fixture` (the login dialog's part).
    bool openLoggedIn(ServerFixture& fixture, const QString& name) {
        m_accounts = std::make_unique<AccountManager>(AccountManager::Options{});
        if (!m_accounts->start())
            return false;
        m_window = std::make_unique<MainWindow>(m_accounts.get());
        m_window->show();
        auto connection = std::make_unique<bizy::SyncConnection>(QUrl(fixture.http().baseUrl()));
        connection->session()->login(name, kPassword);
        if (!QTest::qWaitFor([&] { return connection->session()->isLoggedIn(); }, 30000))
            return false;
        return bool(m_accounts->useConnection(std::move(connection)));
    }

    // One sync round of the window's workspace, finished well.
    bool sync() {
        bizy::SyncEngine* engine = m_accounts->workspace()->engine();
        bool finished = false;
        bool succeeded = false;
        const auto connection = connect(engine, &bizy::SyncEngine::roundFinished, this,
                                        [&](bool ok) { finished = true, succeeded = ok; });
        QTest::qWait(0);
        if (!engine->isRunning())
            engine->syncNow();
        const bool answered = QTest::qWaitFor([&] { return finished; }, 60000);
        disconnect(connection);
        return answered && succeeded;
    }

    void clickGoal(const QString& uuid) {
        auto* tree = m_window->findChild<QTreeView*>(u"goalTree"_s);
        auto* model = qobject_cast<GoalTreeModel*>(tree->model());
        QTRY_VERIFY(model->indexOf(uuid).isValid());
        const QModelIndex index = model->indexOf(uuid);
        tree->scrollTo(index);
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(index).center());
    }

    QDialog* suggestDialog() const {
        auto* dialog = m_window->findChild<QDialog*>(u"suggestTasksDialog"_s);
        return dialog && dialog->isVisible() ? dialog : nullptr;
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(!bizy::Translations::install(QLocale(QLocale::English)).isEmpty());
        QString error;
        QVERIFY2(m_vendor.start(&error), qPrintable(error));
        QVERIFY2(m_fixture.start({{u"BIZY_AI_BASE_URL"_s, m_vendor.url().toString() + u"/v1"_s},
                                  {u"BIZY_AI_MODEL"_s, u"llama3.2"_s},
                                  {u"BIZY_AI_TIMEOUT_SECONDS"_s, u"5"_s}},
                                 &error),
                 qPrintable(error));
        QCOMPARE(m_fixture.http().registerUser(u"assist_ann"_s, kPassword).status, 201);
    }

    void init() {
        QSettings().clear();
        for (const QString& suffix : {QString(), u"-wal"_s, u"-shm"_s})
            QFile::remove(bizy::LocalStore::defaultPath() + suffix);
        m_vendor.clear();
    }

    void cleanup() {
        m_window.reset();
        m_accounts.reset();
    }

    void suggestTasks_createsTheChosenOnesUnderTheGoal_andTheySync() {
        // given Ann logged in, with a goal that reached the server
        QVERIFY(openLoggedIn(m_fixture, u"assist_ann"_s));
        const bizy::Result<bizy::Goal> goal =
            store().createGoal({{u"title"_s, u"Summer party"_s}, {u"horizon"_s, u"quarterly"_s}});
        QVERIFY(goal.ok());
        QVERIFY(sync());
        QVERIFY(store().goal(goal->uuid).value().id.has_value());

        // when she picks the goal, the server has an assistant: "Suggest Tasks" is offered
        clickGoal(goal->uuid);
        QTRY_VERIFY_WITH_TIMEOUT(suggestAction()->isVisible(), 30000);

        // when she asks, and the assistant suggests three tasks
        m_vendor.reply(text(
            {{u"tasks"_s,
              QJsonArray{QJsonObject{{u"title"_s, u"Book the venue"_s},
                                     {u"description"_s, u"Call three venues."_s},
                                     {u"priority"_s, 1},
                                     {u"estimated_hours"_s, 2.5},
                                     {u"category"_s, u"logistics"_s}},
                         QJsonObject{{u"title"_s, u"Hire a band"_s}, {u"priority"_s, 4}},
                         QJsonObject{{u"title"_s, u"Send invitations"_s}, {u"priority"_s, 2}}}},
             {u"reasoning"_s, u"Venue first; everything depends on it."_s}}));
        suggestAction()->trigger();
        QTRY_VERIFY(suggestDialog());
        QDialog* dialog = suggestDialog();
        auto* table = dialog->findChild<QTableView*>(u"suggestions"_s);
        QTRY_VERIFY_WITH_TIMEOUT(table->isVisible(), 30000);

        // then they are listed, all checked, with the assistant's reason
        QAbstractItemModel* model = table->model();
        QCOMPARE(model->rowCount(), 3);
        QCOMPARE(model->index(0, 0).data().toString(), u"Book the venue"_s);
        QCOMPARE(model->index(0, 0).data(Qt::ToolTipRole).toString(), u"Call three venues."_s);
        QCOMPARE(dialog->findChild<QLabel*>(u"suggestionStatus"_s)->text(),
                 u"Venue first; everything depends on it."_s);
        auto* create = dialog->findChild<QPushButton*>(u"createSuggested"_s);
        QCOMPARE(create->text(), u"Create Tasks (3)"_s);

        // when she unchecks the band and creates the rest
        QVERIFY(model->setData(model->index(1, 0), Qt::Unchecked, Qt::CheckStateRole));
        QCOMPARE(create->text(), u"Create Tasks (2)"_s);
        QTest::mouseClick(create, Qt::LeftButton);

        // then the dialog closes and the two are tasks of the goal, in this store
        QTRY_VERIFY(!suggestDialog());
        bizy::TaskFilter underGoal;
        underGoal.goalUuid = goal->uuid;
        QTRY_COMPARE(store().taskCount(underGoal).value(), 2);
        const QList<bizy::Task> created = store().tasks(underGoal).value();
        QCOMPARE(created.first().title, u"Book the venue"_s);
        QCOMPARE(created.first().priority, 1);
        QCOMPARE(created.first().estimatedHours, 2.5);
        QCOMPARE(created.first().category, u"logistics"_s);
        QCOMPARE(created.last().title, u"Send invitations"_s);

        // and they sync like any other task: the server has them under the goal
        QVERIFY(sync());
        const HttpClient::Session session = m_fixture.http().sessionFrom(
            m_fixture.http().login(u"assist_ann"_s, kPassword), u"assist_ann"_s);
        const QJsonArray onServer =
            m_fixture.http().get(u"/api/tasks/?limit=500"_s, session.token).json.toArray();
        QStringList titles;
        for (const QJsonValue& task : onServer)
            if (task[u"parent_goal_id"_s].toInteger() == *store().goal(goal->uuid).value().id)
                titles << task[u"title"_s].toString();
        titles.sort();
        QCOMPARE(titles, (QStringList{u"Book the venue"_s, u"Send invitations"_s}));

        // when she undoes it, both go again, as one step
        m_window->findChild<QAction*>(u"undo"_s)->trigger();
        QTRY_COMPARE(store().taskCount(underGoal).value(), 0);
    }

    void aFailingAssistant_isSaidInTheDialog_andCanBeAskedAgain() {
        // given a goal on the server
        QVERIFY(openLoggedIn(m_fixture, u"assist_ann"_s));
        const bizy::Result<bizy::Goal> goal =
            store().createGoal({{u"title"_s, u"Learn Dutch"_s}, {u"horizon"_s, u"yearly"_s}});
        QVERIFY(goal.ok());
        QVERIFY(sync());
        clickGoal(goal->uuid);
        QTRY_VERIFY_WITH_TIMEOUT(suggestAction()->isVisible(), 30000);

        // when the provider answers something that is not JSON
        m_vendor.reply(u"Sure! Here are some ideas: practise daily."_s);
        suggestAction()->trigger();
        QTRY_VERIFY(suggestDialog());
        auto* status = suggestDialog()->findChild<QLabel*>(u"suggestionStatus"_s);

        // then the dialog says the assistant could not answer, with the server's reason
        QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(u"The assistant could not answer"_s),
                                 30000);
        QVERIFY2(status->text().contains(u"Failed to parse AI response"_s),
                 qPrintable(status->text()));
        QVERIFY(!suggestDialog()->findChild<QPushButton*>(u"createSuggested"_s)->isEnabled());

        // when it is asked again and answers well
        m_vendor.reply(text({{u"tasks"_s, QJsonArray{QJsonObject{{u"title"_s, u"Daily app"_s},
                                                                 {u"priority"_s, 2}}}}}));
        QTest::mouseClick(suggestDialog()->findChild<QPushButton*>(u"askAgain"_s), Qt::LeftButton);

        // then the suggestion is there, nothing was created meanwhile
        auto* table = suggestDialog()->findChild<QTableView*>(u"suggestions"_s);
        QTRY_VERIFY_WITH_TIMEOUT(table->isVisible(), 30000);
        QCOMPARE(table->model()->index(0, 0).data().toString(), u"Daily app"_s);
        QCOMPARE(store().taskCount().value(), 0);
    }

    void morningBriefing_isOnTheDashboard() {
        // given the assistant's briefing for today
        m_vendor.reply(text({{u"greeting"_s, u"Good morning, Ann!"_s},
                             {u"todays_mission"_s,
                              QJsonArray{QJsonObject{{u"priority"_s, 1},
                                                     {u"task"_s, u"Finish the budget"_s},
                                                     {u"why_it_matters"_s, u"It is due tonight."_s},
                                                     {u"estimated_time"_s, u"90 minutes"_s}}}},
                             {u"watch_out_for"_s, QJsonArray{u"Two tasks are overdue."_s}},
                             {u"pro_tip"_s, u"Start with the hardest task."_s}}));
        QVERIFY(openLoggedIn(m_fixture, u"assist_ann"_s));

        // when Ann opens the dashboard
        QTest::keyClick(m_window.get(), Qt::Key_1, Qt::ControlModifier);

        // then the briefing is there, in her assistant's words
        QTRY_VERIFY_WITH_TIMEOUT(briefingCard()->isVisible(), 30000);
        QCOMPARE(briefingCard()->findChild<QLabel*>(u"briefingGreeting"_s)->text(),
                 u"Good morning, Ann!"_s);
        const QString mission = briefingCard()->findChild<QLabel*>(u"briefingMission"_s)->text();
        QVERIFY2(mission.contains(u"Finish the budget"_s) && mission.contains(u"90 minutes"_s),
                 qPrintable(mission));
        QCOMPARE(briefingCard()->findChild<QLabel*>(u"briefingTip"_s)->text(),
                 u"Tip: Start with the hardest task."_s);

        // when she logs out
        m_window->findChild<QAction*>(u"logOut"_s)->trigger();

        // then the briefing goes with the account
        QTRY_VERIFY(!briefingCard()->isVisible());
    }

    void withoutAProvider_neitherIsOffered() {
        // given a server without an AI provider, and a synced goal on it
        ServerFixture plain;
        QString error;
        QVERIFY2(plain.start({{u"ANTHROPIC_API_KEY"_s, QString()},
                              {u"BIZY_AI_BASE_URL"_s, QString()},
                              {u"BIZY_AI_MODEL"_s, QString()}},
                             &error),
                 qPrintable(error));
        QCOMPARE(plain.http().registerUser(u"assist_ann"_s, kPassword).status, 201);
        QVERIFY(openLoggedIn(plain, u"assist_ann"_s));
        const bizy::Result<bizy::Goal> goal =
            store().createGoal({{u"title"_s, u"Run a marathon"_s}, {u"horizon"_s, u"yearly"_s}});
        QVERIFY(goal.ok());
        QVERIFY(sync());

        // when the goal is picked and the dashboard opened
        clickGoal(goal->uuid);
        QVERIFY(sync()); // the availability check has had a round's time to answer
        QTest::keyClick(m_window.get(), Qt::Key_1, Qt::ControlModifier);
        QTest::qWait(200);

        // then neither the suggestions nor a briefing are there, and the provider was never asked
        QVERIFY(!suggestAction()->isVisible());
        QVERIFY(!briefingCard()->isVisible());
        QCOMPARE(m_vendor.requests().size(), 0);
        m_window.reset();
        m_accounts.reset();
    }
};

QTEST_MAIN(AssistantTest)
#include "tst_assistant.moc"
