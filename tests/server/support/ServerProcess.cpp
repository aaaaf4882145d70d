#include "ServerProcess.h"

#include "HttpClient.h"
#include "OrphanReaper.h"
#include "PgCluster.h"

#include <QElapsedTimer>
#include <QThread>
#include <csignal>

using namespace Qt::StringLiterals;

ServerProcess::ServerProcess(QString databaseUrl, QHash<QString, QString> environment)
    : m_databaseUrl(std::move(databaseUrl))
    , m_extraEnvironment(std::move(environment)) {
    m_process.setProcessChannelMode(QProcess::MergedChannels);
}

ServerProcess::~ServerProcess() {
    if (isRunning())
        terminate(10000);
}

QString ServerProcess::binaryPath() {
    return qEnvironmentVariable("BIZY_BUILD_DIR") + u"/server/bizy-server"_s;
}

QString ServerProcess::baseUrl() const {
    return u"http://127.0.0.1:%1"_s.arg(m_port);
}

QProcessEnvironment ServerProcess::environment() const {
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"DATABASE_URL"_s, m_databaseUrl);
    env.insert(u"JWT_SECRET"_s, QString::fromLatin1(kJwtSecret));
    env.insert(u"BIZY_HOST"_s, u"127.0.0.1"_s);
    QStringList ports{QString::number(m_port)};
    for (const quint16 port : m_extraPorts)
        ports << QString::number(port);
    env.insert(u"BIZY_PORT"_s, ports.join(u','));
    env.insert(u"BIZY_AUTH_RATE_LIMIT"_s, u"0"_s);
    env.insert(u"BIZY_WORKERS"_s, u"4"_s);
    for (auto it = m_extraEnvironment.begin(); it != m_extraEnvironment.end(); ++it)
        env.insert(it.key(), it.value());
    return env;
}

QString ServerProcess::output() {
    m_output += QString::fromUtf8(m_process.readAll());
    return m_output;
}

bool ServerProcess::start(QString* error) {
    // Started again after terminate(), it keeps its port, as a restarted
    // server keeps its address: clients and proxies need not know.
    if (m_port == 0)
        m_port = PgCluster::freePort();
    m_process.setProcessEnvironment(environment());
    m_process.start(binaryPath(), {});
    if (!m_process.waitForStarted(10000)) {
        if (error)
            *error = u"cannot start "_s + binaryPath() + u": "_s + m_process.errorString();
        return false;
    }
    // Only if that pid is still our server: pids are reused, ports are unique.
    const QString pid = QString::number(m_process.processId());
    OrphanReaper::runWhenThisProcessEnds(
        u"tr '\\0' '\\n' < /proc/%2/environ 2>/dev/null | grep -qE '^BIZY_PORT=%1(,|$)'"
        " && kill -9 %2"_s.arg(m_port)
            .arg(pid));
    HttpClient client(baseUrl());
    QElapsedTimer waited;
    waited.start();
    while (waited.elapsed() < 60000) {
        if (m_process.state() == QProcess::NotRunning) {
            if (error)
                *error = u"bizy-server exited with "_s + QString::number(m_process.exitCode()) +
                         u": "_s + output();
            return false;
        }
        if (client.get(u"/health"_s, {}, 2000).status == 200)
            return true;
        m_process.waitForReadyRead(100);
    }
    if (error)
        *error = u"bizy-server did not become healthy: "_s + output();
    return false;
}

int ServerProcess::terminate(int timeoutMs) {
    if (!isRunning())
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    ::kill(pid_t(m_process.processId()), SIGTERM);
    if (!m_process.waitForFinished(timeoutMs)) {
        m_process.kill();
        m_process.waitForFinished(5000);
        output();
        return -1;
    }
    output();
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

int ServerProcess::createAdmin(const QString& username, const QString& email,
                               const QString& password, QString* output) const {
    return runCommand({u"create-admin"_s, u"--username"_s, username, u"--email"_s, email}, output,
                      password.toUtf8() + '\n');
}

int ServerProcess::runCommand(const QStringList& arguments, QString* output,
                              const QByteArray& input) const {
    QHash<QString, QString> env;
    const QProcessEnvironment base = environment();
    for (const QString& key : base.keys())
        env.insert(key, base.value(key));
    return runBinary(arguments, env, output, input);
}

int ServerProcess::runBinary(const QStringList& arguments,
                             const QHash<QString, QString>& environment, QString* output,
                             const QByteArray& input) {
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (auto it = environment.begin(); it != environment.end(); ++it)
        env.insert(it.key(), it.value());
    process.setProcessEnvironment(env);
    process.start(binaryPath(), arguments);
    if (!process.waitForStarted(10000))
        return -1;
    process.write(input);
    process.closeWriteChannel();
    const bool finished = process.waitForFinished(60000);
    if (output)
        *output = QString::fromUtf8(process.readAll());
    if (!finished) {
        process.kill();
        process.waitForFinished(5000);
        return -1;
    }
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}
