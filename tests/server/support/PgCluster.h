#pragma once

#include <QSqlDatabase>
#include <QString>
#include <QTemporaryDir>
#include <QVariantList>

// A throwaway PostgreSQL 15 cluster for one test executable: initdb in a
// temporary directory, fsync off, listening on 127.0.0.1 at a free port (and a
// unix socket inside the directory), trust authentication, one database.
// PostgreSQL refuses to run as root, so as root every command runs through
// `runuser -u postgres --` with the directory handed to postgres.
// The destructor stops the cluster (and kills it if it will not stop) and
// removes the directory.
class PgCluster {
public:
    PgCluster();
    ~PgCluster();
    PgCluster(const PgCluster&) = delete;
    PgCluster& operator=(const PgCluster&) = delete;

    // initdb (first time only), start, create the database. Error text on failure.
    bool start(QString* error = nullptr);
    bool stop(QString* error = nullptr); // fast shutdown, waits
    bool isRunning() const { return m_running; }

    quint16 port() const { return m_port; }
    QString databaseName() const { return QStringLiteral("bizy"); }
    // postgresql://postgres@127.0.0.1:<port>/bizy
    QString databaseUrl() const;
    QString logText() const; // the server log, for failure messages

    // A direct connection for test set-up and checks (named per cluster).
    QSqlDatabase connection();
    // Runs one statement on the direct connection; false (and a warning) on failure.
    // Without bindings it is not prepared, so DDL runs too.
    bool exec(const QString& sql, const QVariantList& bindings = {});
    // The first column of the first row.
    QVariant scalar(const QString& sql, const QVariantList& bindings = {});

    // What an operator does to back up and restore the database: pg_dump in
    // the custom format to `name` in the cluster's directory, and later the
    // database dropped (connections and all), created anew and pg_restore'd
    // from that dump. Error text on failure.
    bool dump(const QString& name, QString* error = nullptr);
    bool restoreDump(const QString& name, QString* error = nullptr);

    static quint16 freePort();

private:
    bool run(const QString& program, const QStringList& arguments, QString* output, int timeoutMs);
    QString binary(const QString& name) const;
    void killPostmaster();

    QTemporaryDir m_dir;
    QString m_dataDir;
    quint16 m_port = 0;
    bool m_initialized = false;
    bool m_running = false;
    bool m_asPostgresUser = false;
    QString m_connectionName;
};
