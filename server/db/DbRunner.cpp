#include "DbRunner.h"

#include "ServerLog.h"
#include "http/Reply.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QThreadStorage>
#include <QtConcurrent>

using namespace Qt::StringLiterals;

namespace bizy::server {

namespace {

// The connection name of this thread; removed when the thread ends.
struct ThreadConnectionName {
    QString name;
    void release() {
        if (!name.isEmpty() && QSqlDatabase::contains(name)) {
            {
                QSqlDatabase database = QSqlDatabase::database(name, false);
                database.close();
            }
            QSqlDatabase::removeDatabase(name);
        }
        name.clear();
    }
    ~ThreadConnectionName() { release(); }
};

// Not thread_local: C++ thread_local destructors run after QThread::wait()
// has returned, so a worker could still be removing its connection while
// main() returns and the static connection registry is torn down (a segfault
// at exit). QThreadStorage is cleared inside the thread before wait() returns.
ThreadConnectionName& threadConnectionName() {
    static QThreadStorage<ThreadConnectionName> storage;
    return storage.localData();
}

} // namespace

DbRunner::DbRunner(DatabaseSettings settings, int workers)
    : m_settings(std::move(settings)) {
    m_pool.setMaxThreadCount(workers);
    // Threads (and their connections) live as long as the server.
    m_pool.setExpiryTimeout(-1);
}

DbRunner::~DbRunner() {
    shutdown();
}

void DbRunner::shutdown() {
    // waitForDone() also ends the idle threads, and with them their
    // connections (QThreadStorage, cleared before each thread is joined);
    // runHere() used this thread's.
    m_pool.waitForDone();
    threadConnectionName().release();
}

QSqlDatabase DbRunner::threadConnection() {
    QString& name = threadConnectionName().name;
    if (name.isEmpty())
        name = u"bizy-worker-"_s + QString::number(m_nextConnectionId++);
    QSqlDatabase database;
    if (QSqlDatabase::contains(name)) {
        database = QSqlDatabase::database(name, false);
    } else {
        database = QSqlDatabase::addDatabase(u"QPSQL"_s, name);
        database.setHostName(m_settings.host);
        database.setPort(m_settings.port);
        database.setDatabaseName(m_settings.name);
        database.setUserName(m_settings.user);
        database.setPassword(m_settings.password);
        database.setConnectOptions(m_settings.connectOptions);
    }
    if (database.isOpen())
        return database;
    if (!database.open()) {
        qCWarning(lcServer) << "Cannot connect to PostgreSQL at" << m_settings.describe() << ":"
                            << database.lastError().text();
        return database;
    }
    // Short queries only: JIT compiling them costs far more than it saves (a
    // 1,000-row pull page planned with JIT took 275 ms instead of 8 ms).
    QSqlQuery noJit(database);
    if (!noJit.exec(u"SET jit = off"_s))
        qCWarning(lcServer) << "Cannot turn off JIT:" << noJit.lastError().text();
    return database;
}

void DbRunner::dropThreadConnection() {
    const QString& name = threadConnectionName().name;
    if (name.isEmpty() || !QSqlDatabase::contains(name))
        return;
    QSqlDatabase database = QSqlDatabase::database(name, false);
    database.close();
}

QFuture<QHttpServerResponse> DbRunner::run(Work work, UnavailableAnswer unavailable) {
    return QtConcurrent::run(&m_pool, [this, work = std::move(work), unavailable] {
        return execute(work, unavailable);
    });
}

QHttpServerResponse DbRunner::runHere(const Work& work) {
    return execute(work, nullptr);
}

QHttpServerResponse DbRunner::execute(const Work& work, UnavailableAnswer unavailable) {
    if (!unavailable)
        unavailable = &Reply::databaseUnavailable;
    for (int attempt = 1;; ++attempt) {
        QSqlDatabase database = threadConnection();
        if (!database.isOpen())
            return unavailable();
        DbSession session(database);
        try {
            return work(session);
        } catch (const SqlFailure& failure) {
            if (failure.connectionLost()) {
                dropThreadConnection();
                if (attempt == 1 && !session.commitAttempted()) {
                    qCInfo(lcServer) << "PostgreSQL connection lost; reconnecting and retrying";
                    continue;
                }
                qCWarning(lcServer) << "PostgreSQL connection lost:" << failure.message();
                return unavailable();
            }
            qCWarning(lcServer) << "SQL failure" << failure.sqlState() << failure.what();
            if (failure.sqlState().startsWith(u"23"_s))
                return Reply::detail(409, u"The change conflicts with existing data"_s);
            if (failure.sqlState().startsWith(u"22"_s))
                return Reply::detail(400, u"A value is out of range or malformed"_s);
            return Reply::detail(503, u"Service temporarily unavailable"_s);
        } catch (const std::exception& exception) {
            qCWarning(lcServer) << "Request failed:" << exception.what();
            return Reply::detail(503, u"Service temporarily unavailable"_s);
        } catch (...) {
            qCWarning(lcServer) << "Request failed with an unknown exception";
            return Reply::detail(503, u"Service temporarily unavailable"_s);
        }
    }
}

} // namespace bizy::server
