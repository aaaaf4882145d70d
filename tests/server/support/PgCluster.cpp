#include "PgCluster.h"

#include "OrphanReaper.h"

#include <QDebug>
#include <QFile>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QThread>
#include <csignal>
#include <unistd.h>

using namespace Qt::StringLiterals;

PgCluster::PgCluster()
    : m_dir(QDir::tempPath() + u"/bizy-pg-XXXXXX"_s) {
    m_dataDir = m_dir.path() + u"/data"_s;
    m_port = freePort();
    m_asPostgresUser = ::geteuid() == 0;
    m_connectionName = u"pgcluster-"_s + QString::number(quintptr(this));
    // If this test dies without its destructors, the cluster must not
    // outlive it.
    const QString asPostgres = m_asPostgresUser ? u"runuser -u postgres -- "_s : QString();
    OrphanReaper::runWhenThisProcessEnds(
        u"if [ -f %1/postmaster.pid ]; then "_s.arg(OrphanReaper::quoted(m_dataDir)) + asPostgres +
        binary(u"pg_ctl"_s) + u" -D "_s + OrphanReaper::quoted(m_dataDir) +
        u" -m immediate -w -t 30 stop; fi; rm -rf "_s + OrphanReaper::quoted(m_dir.path()));
}

PgCluster::~PgCluster() {
    if (QSqlDatabase::contains(m_connectionName)) {
        {
            QSqlDatabase database = QSqlDatabase::database(m_connectionName, false);
            database.close();
        }
        QSqlDatabase::removeDatabase(m_connectionName);
    }
    if (m_running) {
        QString ignored;
        run(binary(u"pg_ctl"_s),
            {u"-D"_s, m_dataDir, u"-m"_s, u"immediate"_s, u"-w"_s, u"-t"_s, u"30"_s, u"stop"_s},
            &ignored, 40000);
        killPostmaster();
    }
}

quint16 PgCluster::freePort() {
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

QString PgCluster::binary(const QString& name) const {
    return u"/usr/lib/postgresql/15/bin/"_s + name;
}

QString PgCluster::databaseUrl() const {
    return u"postgresql://postgres@127.0.0.1:%1/bizy"_s.arg(m_port);
}

QString PgCluster::logText() const {
    QFile log(m_dir.path() + u"/postgres.log"_s);
    return log.open(QIODevice::ReadOnly) ? QString::fromUtf8(log.readAll()) : QString();
}

bool PgCluster::run(const QString& program, const QStringList& arguments, QString* output,
                    int timeoutMs) {
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setWorkingDirectory(m_dir.path());
    if (m_asPostgresUser)
        process.start(u"runuser"_s,
                      QStringList{u"-u"_s, u"postgres"_s, u"--"_s, program} + arguments);
    else
        process.start(program, arguments);
    const bool finished = process.waitForStarted(10000) && process.waitForFinished(timeoutMs);
    *output = QString::fromUtf8(process.readAll());
    if (!finished) {
        process.kill();
        process.waitForFinished(5000);
        *output += u"\n(timed out)"_s;
        return false;
    }
    return process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

bool PgCluster::start(QString* error) {
    QString output;
    auto fail = [&](const QString& what) {
        if (error)
            *error = what + u": "_s + output + u"\n"_s + logText().right(4000);
        return false;
    };
    if (!m_dir.isValid())
        return fail(u"no temporary directory"_s);
    if (!m_initialized) {
        if (m_asPostgresUser) {
            QProcess::execute(u"chown"_s, {u"-R"_s, u"postgres:postgres"_s, m_dir.path()});
        }
        if (!run(binary(u"initdb"_s),
                 {u"-D"_s, m_dataDir, u"-U"_s, u"postgres"_s, u"-A"_s, u"trust"_s, u"-E"_s,
                  u"UTF8"_s, u"--no-sync"_s, u"--locale=C"_s},
                 &output, 120000))
            return fail(u"initdb failed"_s);
        QFile conf(m_dataDir + u"/postgresql.conf"_s);
        if (!conf.open(QIODevice::Append))
            return fail(u"cannot write postgresql.conf"_s);
        conf.write(u"\nfsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"
                   "listen_addresses = '127.0.0.1'\nport = %1\n"
                   "unix_socket_directories = '%2'\nmax_connections = 200\n"
                   "shared_buffers = 32MB\n"_s.arg(m_port)
                       .arg(m_dir.path())
                       .toUtf8());
        conf.close();
        m_initialized = true;
    }
    if (!run(binary(u"pg_ctl"_s),
             {u"-D"_s, m_dataDir, u"-l"_s, m_dir.path() + u"/postgres.log"_s, u"-w"_s, u"-t"_s,
              u"120"_s, u"start"_s},
             &output, 130000))
        return fail(u"pg_ctl start failed"_s);
    m_running = true;

    // Create the database once (the first start).
    QSqlDatabase admin = QSqlDatabase::addDatabase(u"QPSQL"_s, m_connectionName + u"-admin"_s);
    bool created = true;
    {
        admin.setHostName(u"127.0.0.1"_s);
        admin.setPort(m_port);
        admin.setUserName(u"postgres"_s);
        admin.setDatabaseName(u"postgres"_s);
        if (!admin.open()) {
            output = admin.lastError().text();
            created = false;
        } else {
            QSqlQuery query(admin);
            if (query.exec(u"SELECT 1 FROM pg_database WHERE datname = 'bizy'"_s) &&
                !query.next() && !query.exec(u"CREATE DATABASE bizy"_s)) {
                output = query.lastError().text();
                created = false;
            }
        }
        admin.close();
    }
    admin = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName + u"-admin"_s);
    if (!created)
        return fail(u"cannot create the database"_s);
    return true;
}

bool PgCluster::stop(QString* error) {
    if (QSqlDatabase::contains(m_connectionName))
        QSqlDatabase::database(m_connectionName, false).close();
    QString output;
    const bool ok =
        run(binary(u"pg_ctl"_s),
            {u"-D"_s, m_dataDir, u"-m"_s, u"fast"_s, u"-w"_s, u"-t"_s, u"60"_s, u"stop"_s}, &output,
            70000);
    if (ok)
        m_running = false;
    else if (error)
        *error = output;
    return ok;
}

bool PgCluster::dump(const QString& name, QString* error) {
    QString output;
    if (run(binary(u"pg_dump"_s),
            {u"-h"_s, u"127.0.0.1"_s, u"-p"_s, QString::number(m_port), u"-U"_s, u"postgres"_s,
             u"-Fc"_s, u"-f"_s, m_dir.path() + u"/"_s + name, databaseName()},
            &output, 120000))
        return true;
    if (error)
        *error = u"pg_dump failed: "_s + output;
    return false;
}

bool PgCluster::restoreDump(const QString& name, QString* error) {
    if (QSqlDatabase::contains(m_connectionName))
        QSqlDatabase::database(m_connectionName, false).close();
    const QStringList server{u"-h"_s, u"127.0.0.1"_s, u"-p"_s, QString::number(m_port),
                             u"-U"_s, u"postgres"_s};
    QString output;
    auto fail = [&](const QString& what) {
        if (error)
            *error = what + u" failed: "_s + output;
        return false;
    };
    if (!run(binary(u"dropdb"_s), server + QStringList{u"--force"_s, databaseName()}, &output,
             60000))
        return fail(u"dropdb"_s);
    if (!run(binary(u"createdb"_s), server + QStringList{databaseName()}, &output, 60000))
        return fail(u"createdb"_s);
    if (!run(binary(u"pg_restore"_s),
             server + QStringList{u"-d"_s, databaseName(), m_dir.path() + u"/"_s + name}, &output,
             120000))
        return fail(u"pg_restore"_s);
    return true;
}

void PgCluster::killPostmaster() {
    QFile pidFile(m_dataDir + u"/postmaster.pid"_s);
    if (!pidFile.open(QIODevice::ReadOnly))
        return;
    const pid_t pid = pid_t(pidFile.readLine().trimmed().toLongLong());
    if (pid > 1 && ::kill(pid, 0) == 0)
        ::kill(pid, SIGKILL);
}

QSqlDatabase PgCluster::connection() {
    QSqlDatabase database;
    if (QSqlDatabase::contains(m_connectionName)) {
        database = QSqlDatabase::database(m_connectionName, false);
    } else {
        database = QSqlDatabase::addDatabase(u"QPSQL"_s, m_connectionName);
        database.setHostName(u"127.0.0.1"_s);
        database.setPort(m_port);
        database.setUserName(u"postgres"_s);
        database.setDatabaseName(databaseName());
    }
    if (!database.isOpen() && !database.open())
        qWarning() << "PgCluster: cannot connect:" << database.lastError().text();
    return database;
}

bool PgCluster::exec(const QString& sql, const QVariantList& bindings) {
    QSqlQuery query(connection());
    bool ok = true;
    if (bindings.isEmpty()) {
        ok = query.exec(sql); // unprepared: DDL and TRUNCATE cannot be prepared
    } else {
        ok = query.prepare(sql);
        for (const QVariant& value : bindings)
            query.addBindValue(value);
        ok = ok && query.exec();
    }
    if (!ok)
        qWarning() << "PgCluster:" << sql << "failed:" << query.lastError().text();
    return ok;
}

QVariant PgCluster::scalar(const QString& sql, const QVariantList& bindings) {
    QSqlQuery query(connection());
    query.prepare(sql);
    for (const QVariant& value : bindings)
        query.addBindValue(value);
    if (!query.exec() || !query.next()) {
        if (query.lastError().isValid())
            qWarning() << "PgCluster:" << sql << "failed:" << query.lastError().text();
        return {};
    }
    return query.value(0);
}
