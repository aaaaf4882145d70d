#pragma once

#include <QHash>
#include <QProcess>
#include <QString>

// The real bizy-server binary ($BIZY_BUILD_DIR/server/bizy-server, set by
// bizy_add_test) started against a PgCluster on a free port, with
// BIZY_AUTH_RATE_LIMIT=0 unless the test says otherwise. start() waits for
// GET /health; the destructor terminates it. Its stderr is kept for failure
// messages.
class ServerProcess {
public:
    static constexpr const char* kJwtSecret = "test-secret-for-bizy-0123456789abcdefghijklmnop";

    explicit ServerProcess(QString databaseUrl, QHash<QString, QString> environment = {});
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    // Ports the server listens on besides port() (BIZY_PORT becomes a list);
    // set before start().
    void setExtraPorts(const QList<quint16>& ports) { m_extraPorts = ports; }
    bool start(QString* error = nullptr);
    // SIGTERM, then waits; the exit code (or -1 when it crashed or hung).
    int terminate(int timeoutMs = 30000);
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    qint64 processId() const { return m_process.processId(); }

    quint16 port() const { return m_port; }
    QString baseUrl() const;
    QString output(); // everything it wrote so far

    // `bizy-server create-admin --username U --email E` with the password on
    // stdin; returns the exit code and fills `output`.
    int createAdmin(const QString& username, const QString& email, const QString& password,
                    QString* output = nullptr) const;
    // `bizy-server <arguments>` with this server's configuration (new-epoch).
    int runCommand(const QStringList& arguments, QString* output = nullptr,
                   const QByteArray& input = {}) const;
    // Runs the binary with arguments and extra environment (for --help, bad config).
    static int runBinary(const QStringList& arguments, const QHash<QString, QString>& environment,
                         QString* output, const QByteArray& input = {});

    static QString binaryPath();

private:
    QProcessEnvironment environment() const;

    QString m_databaseUrl;
    QHash<QString, QString> m_extraEnvironment;
    quint16 m_port = 0;
    QList<quint16> m_extraPorts;
    QProcess m_process;
    QString m_output;
};
