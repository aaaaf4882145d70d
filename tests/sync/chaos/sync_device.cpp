// One device as its own process, for the tests that kill it or skew its clock:
// opens a LocalStore, optionally makes changes, logs in (or restores the
// session from the keychain), runs one sync round and exits.
//
//   sync_device --store PATH --server URL [--user NAME --password PW | --restore [NAME]]
//               [--ops FILE] [--edits N --seed S --device KEY] [--no-sync] [--push-batch N]
//               [--pull-limit N]
//
// --ops FILE: a JSON array of changes made before the sync, each one of
//   {"op": "createTask"|"updateTask"|"deleteTask"|"completeTask"|
//          "createGoal"|"updateGoal"|"deleteGoal"|"moveGoal",
//    "uuid": "...", "fields": {...}, "parent": "..."}
// --edits N: N random changes (RandomWorkload) with --seed and --device.
// Every step is a line on stdout, so a test can kill it at a chosen moment:
//   opened pending=N | changed pending=N | loggedin user=ID | syncing
//   pushed pending=N | pulled rows=N cursor=C | finished ok=0|1 pending=N conflicts=N
// Exit code 0 when the sync round (if any) succeeded.
#include "BlockingStore.h"
#include "RandomWorkload.h"
#include "auth/Session.h"
#include "net/ApiClient.h"
#include "store/LocalStore.h"
#include "store/LocalSyncStore.h"
#include "store/StoreClient.h"
#include "sync/ApiSyncTransport.h"
#include "sync/SyncEngine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTimer>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace bizy;

namespace {

void say(const QString& line) {
    std::fprintf(stdout, "%s\n", qPrintable(line));
    std::fflush(stdout);
}

int fail(const QString& message) {
    std::fprintf(stderr, "sync_device: %s\n", qPrintable(message));
    return 2;
}

// Runs the event loop until `done` is set or `timeoutMs` passes.
bool waitFor(const bool& done, int timeoutMs) {
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    timer.start(timeoutMs);
    while (!done && timer.isActive())
        loop.processEvents(QEventLoop::WaitForMoreEvents);
    return done;
}

QString applyOp(LocalStore& store, const QJsonObject& op) {
    const QString name = op.value(u"op"_s).toString();
    const QString uuid = op.value(u"uuid"_s).toString();
    const QJsonObject fields = op.value(u"fields"_s).toObject();
    auto describe = [&](const auto& result) {
        return result ? QString() : name + u": "_s + result.error().message;
    };
    if (name == u"createTask"_s)
        return describe(store.createTask(fields));
    if (name == u"updateTask"_s)
        return describe(store.updateTask(uuid, fields));
    if (name == u"deleteTask"_s)
        return describe(store.deleteTask(uuid));
    if (name == u"completeTask"_s)
        return describe(store.completeTask(uuid));
    if (name == u"createGoal"_s)
        return describe(store.createGoal(fields));
    if (name == u"updateGoal"_s)
        return describe(store.updateGoal(uuid, fields));
    if (name == u"deleteGoal"_s)
        return describe(store.deleteGoal(uuid));
    if (name == u"moveGoal"_s)
        return describe(store.moveGoal(uuid, op.value(u"parent"_s).toString()));
    return u"unknown op "_s + name;
}

} // namespace

int main(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    QLoggingCategory::setFilterRules(u"bizy.*.debug=false\nbizy.*.info=false"_s);

    QCommandLineParser parser;
    const QCommandLineOption storeOption(u"store"_s, u"store file"_s, u"path"_s);
    const QCommandLineOption serverOption(u"server"_s, u"server url"_s, u"url"_s);
    const QCommandLineOption userOption(u"user"_s, u"username"_s, u"name"_s);
    const QCommandLineOption passwordOption(u"password"_s, u"password"_s, u"password"_s);
    const QCommandLineOption restoreOption(u"restore"_s, u"restore from the keychain"_s);
    const QCommandLineOption opsOption(u"ops"_s, u"changes to make"_s, u"file"_s);
    const QCommandLineOption editsOption(u"edits"_s, u"random changes"_s, u"count"_s);
    const QCommandLineOption seedOption(u"seed"_s, u"seed"_s, u"seed"_s, u"1"_s);
    const QCommandLineOption deviceOption(u"device"_s, u"key prefix"_s, u"key"_s, u"dx"_s);
    const QCommandLineOption noSyncOption(u"no-sync"_s, u"only make the changes"_s);
    const QCommandLineOption batchOption(u"push-batch"_s, u"push batch size"_s, u"n"_s);
    const QCommandLineOption pullOption(u"pull-limit"_s, u"rows per pull page"_s, u"n"_s);
    parser.addOptions({storeOption, serverOption, userOption, passwordOption, restoreOption,
                       opsOption, editsOption, seedOption, deviceOption, noSyncOption, batchOption,
                       pullOption});
    parser.process(app);

    auto opened = LocalStore::open(parser.value(storeOption));
    if (!opened)
        return fail(opened.error().message);
    std::unique_ptr<LocalStore> store = std::move(opened).value();
    say(u"opened pending=%1"_s.arg(store->pendingCount().value()));

    if (parser.isSet(opsOption)) {
        QFile file(parser.value(opsOption));
        if (!file.open(QIODevice::ReadOnly))
            return fail(u"cannot read "_s + file.fileName());
        const QJsonArray ops = QJsonDocument::fromJson(file.readAll()).array();
        for (const QJsonValue& op : ops) {
            if (const QString error = applyOp(*store, op.toObject()); !error.isEmpty())
                return fail(error);
        }
    }
    if (parser.isSet(editsOption)) {
        RandomWorkload workload(parser.value(deviceOption), parser.value(seedOption).toULongLong());
        workload.run(*store, parser.value(editsOption).toInt());
    }
    say(u"changed pending=%1"_s.arg(store->pendingCount().value()));
    if (parser.isSet(noSyncOption))
        return 0;

    ApiClient api{QUrl(parser.value(serverOption))};
    Session session(&api);
    bool settled = false;
    bool loggedIn = false;
    QObject::connect(&session, &Session::stateChanged, [&](Session::State state) {
        if (state == Session::State::LoggedIn || state == Session::State::LoggedOut ||
            state == Session::State::NeedsLogin) {
            loggedIn = state == Session::State::LoggedIn;
            settled = true;
        }
    });
    QObject::connect(&session, &Session::restoreFinished, [&](bool restored) {
        loggedIn = restored;
        settled = true;
    });
    if (parser.isSet(restoreOption))
        session.restore(parser.value(userOption));
    else
        session.login(parser.value(userOption), parser.value(passwordOption));
    if (!waitFor(settled, 60000) || !loggedIn)
        return fail(u"no session: "_s + session.lastErrorMessage());
    // The tokens go to the keychain asynchronously: wait, so a restart finds them.
    bool persisted = session.persistence() != Session::Persistence::Unknown;
    QObject::connect(&session, &Session::persistenceChanged, [&] { persisted = true; });
    waitFor(persisted, 20000);
    say(u"loggedin user=%1 keychain=%2"_s.arg(session.claims().userId)
            .arg(session.persistence() == Session::Persistence::Keychain ? 1 : 0));

    // The app's shape: the store on its worker, the engine over it.
    store.reset();
    auto client = StoreClient::open(parser.value(storeOption));
    if (!client)
        return fail(client.error().message);
    LocalSyncStore syncStore(client->get());
    ApiSyncTransport transport(&api, &session);
    SyncEngine engine(&syncStore, &transport);
    if (parser.isSet(batchOption))
        engine.setPushBatchSize(parser.value(batchOption).toInt());
    if (parser.isSet(pullOption))
        engine.setPullLimit(parser.value(pullOption).toInt());
    QObject::connect(&engine, &SyncEngine::pendingCountChanged,
                     [](qsizetype pending) { say(u"pushed pending=%1"_s.arg(pending)); });
    QObject::connect(&engine, &SyncEngine::pullProgress, [](qint64 rows, qint64 cursor) {
        say(u"pulled rows=%1 cursor=%2"_s.arg(rows).arg(cursor));
    });
    bool finished = false;
    bool ok = false;
    QObject::connect(&engine, &SyncEngine::roundFinished, [&](bool success) {
        ok = success;
        finished = true;
    });
    say(u"syncing"_s);
    engine.syncNow();
    if (!waitFor(finished, 300000))
        return fail(u"the sync round did not finish"_s);
    say(u"finished ok=%1 pending=%2 conflicts=%3"_s.arg(ok ? 1 : 0)
            .arg(BlockingStore(client->get()).pendingCount().value())
            .arg(BlockingStore(client->get()).conflictCount().value()));
    if (!ok)
        std::fprintf(stderr, "sync_device: %s\n", qPrintable(engine.lastError()));
    return ok ? 0 : 1;
}
